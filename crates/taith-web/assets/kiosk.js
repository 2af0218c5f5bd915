// Kiosk pages (`/k/...`), a tablet on a shop counter. Progressive enhancement only: without
// this file the kiosk still works and still starts again (docs/kiosk.md).
(function () {
  "use strict";

  // Full screen where the browser allows it (it needs a tap to start).
  var fullscreen = document.querySelector("[data-fullscreen]");
  if (fullscreen && document.documentElement.requestFullscreen && !document.fullscreenElement) {
    fullscreen.hidden = false;
    fullscreen.addEventListener("click", function () {
      document.documentElement.requestFullscreen().then(function () { fullscreen.hidden = true; }, function () {});
    });
  }

  // Back to the start for the next customer: after `data-idle` seconds without a touch or a
  // key, a countdown of `data-warn` seconds that the visitor sees and can put off ("I need
  // more time", or any touch) by `data-more` seconds, as often as they like.
  var panel = document.querySelector("[data-kiosk-reset]");
  if (!panel) return;
  var url = panel.getAttribute("data-url");
  var idle = Number(panel.getAttribute("data-idle")) * 1000;
  var warn = Number(panel.getAttribute("data-warn"));
  var more = Number(panel.getAttribute("data-more")) * 1000;
  var words;
  try {
    words = JSON.parse(panel.getAttribute("data-countdown"));
  } catch (e) {
    words = [];
  }
  var timer = panel.querySelector("[data-kiosk-timer]");
  var button = panel.querySelector("[data-kiosk-more]");
  var status = document.querySelector("[data-kiosk-status]");
  var waiting = null;
  var ticking = null;
  var period = idle;

  // The countdown's words for `n` seconds, as the page wrote them (plural forms and digits).
  function say(n) {
    return words[n - 1] || String(n);
  }

  function startAgain() {
    // Replace, so that "back" cannot reopen the previous customer's answer.
    window.location.replace(url);
  }

  function countdown() {
    var left = warn;
    timer.textContent = say(left);
    panel.hidden = false;
    // Said once by screen readers; the timer itself is not read out every second.
    if (status) status.textContent = say(left);
    ticking = window.setInterval(function () {
      left -= 1;
      if (left <= 0) {
        window.clearInterval(ticking);
        startAgain();
        return;
      }
      timer.textContent = say(left);
    }, 1000);
  }

  function wait(ms) {
    window.clearTimeout(waiting);
    window.clearInterval(ticking);
    ticking = null;
    panel.hidden = true;
    if (status) status.textContent = "";
    waiting = window.setTimeout(countdown, ms);
  }

  button.addEventListener("click", function () {
    period = more;
    wait(period);
  });
  // Someone is still there: a touch, a key or typing starts the wait again (and puts off a
  // countdown already showing).
  ["pointerdown", "keydown", "input"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (button.contains(event.target)) return;
      if (ticking !== null) period = more;
      wait(period);
    }, { capture: true, passive: true });
  });
  wait(period);
})();
