// Kiosk pages (`/k/...`), a tablet on a shop counter. Progressive enhancement only: without
// this file the kiosk still works and still starts again (docs/kiosk.md).

// Offline: a score tapped while the network is down is kept on the tablet (IndexedDB) with its
// idempotency key, the screen says so, and the kiosk is ready for the next customer; the kept
// answers are sent when the network returns (the `online` event, each page load, and every
// 15 s). An answer leaves the tablet only once taith has acknowledged it; a resend after a lost
// acknowledgement finds the response stored the first time (the key), so each is stored once.
// The service worker (`/assets/kiosk-sw.js`) keeps the start page for a reload with no network.
(function () {
  "use strict";

  var kiosk = /^\/k\/([A-Za-z0-9_-]+)/.exec(window.location.pathname);
  var notice = document.querySelector("[data-kiosk-offline]");
  if (!kiosk || !notice || !window.indexedDB || !window.Promise || !window.fetch) return;
  var start = "/k/" + kiosk[1];
  var CACHE = "taith-kiosk-v1";
  var STORE = "answers";

  function part(name) {
    return notice.querySelector("[data-" + name + "]");
  }

  // --- the answers kept on this device ---

  function open() {
    return new Promise(function (resolve, reject) {
      var req = window.indexedDB.open("taith-kiosk", 1);
      req.onupgradeneeded = function () {
        req.result.createObjectStore(STORE, { keyPath: "key" });
      };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  // Runs `work` on the store in one transaction; resolves with its request's result once the
  // transaction is committed.
  function kept(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var req = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(req.result); };
        tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function all() {
    return kept("readonly", function (s) { return s.getAll(); }).then(function (list) {
      return (list || []).sort(function (a, b) { return a.at - b.at; });
    });
  }

  function keep(answer) {
    return kept("readwrite", function (s) { return s.put(answer); });
  }

  function drop(key) {
    return kept("readwrite", function (s) { return s.delete(key); });
  }

  // A fresh idempotency key for each answer: a start page shown from the service worker's
  // copy carries the same `k` for every customer.
  function newKey() {
    var bytes = new Uint8Array(18);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  // --- the notice ---

  var thanking = null;

  function offline() {
    return navigator.onLine === false;
  }

  function show(thanks) {
    return all().then(function (list) {
      if (thanks) {
        window.clearTimeout(thanking);
        part("offline-thanks").hidden = false;
        thanking = window.setTimeout(function () { part("offline-thanks").hidden = true; }, 5000);
      }
      part("offline-count").textContent = String(list.length);
      part("offline-title").hidden = !offline();
      part("sending-title").hidden = offline();
      part("offline-later").hidden = !offline();
      notice.hidden = list.length === 0;
    }, function () {});
  }

  // --- sending ---

  function token() {
    var field = document.querySelector("input[name=csrf]");
    return field ? field.value : "";
  }

  // The form's token of a fresh start page (the double-submit cookie's value, set again when
  // it has expired): for a page that has no form, or a token that is no longer the cookie's.
  function freshToken() {
    return window.fetch(start, { credentials: "same-origin", cache: "no-store" })
      .then(function (res) { return res.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var field = page.querySelector("input[name=csrf]");
        var value = field ? field.value : "";
        var mine = document.querySelector("input[name=csrf]");
        if (mine && value) mine.value = value;
        return value;
      });
  }

  function post(answer, csrf, redirect) {
    var body = new URLSearchParams();
    body.set("csrf", csrf);
    body.set("k", answer.key);
    body.set("lang", answer.lang);
    body.set("score", answer.score);
    return window.fetch(answer.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      cache: "no-store",
      redirect: redirect
    });
  }

  // Taith stored it (or had already: the same key) and sent the browser on.
  function acknowledged(res) {
    return res.type === "opaqueredirect" || (res.status >= 200 && res.status < 400);
  }

  // Worth trying again later: taith, or the way to it, is not answering now.
  function later(res) {
    return res.status === 408 || res.status === 429 || res.status >= 500;
  }

  // Sends one kept answer; resolves with whether to go on with the next.
  function deliver(answer) {
    function settle(res) {
      if (acknowledged(res)) return drop(answer.key).then(function () { return true; });
      if (later(res)) return false;
      // Refused (the survey closed or gone, a score no longer on its scale): it would be
      // refused every time, as it would have been online.
      return drop(answer.key).then(function () { return true; });
    }
    return post(answer, token(), "manual").then(function (res) {
      // 403: the page's token is not the cookie's (it expired, or the page was kept): once
      // more with a fresh one.
      if (res.status !== 403) return settle(res);
      return freshToken().then(function (csrf) {
        return post(answer, csrf, "manual");
      }).then(function (again) {
        return again.status === 403 ? false : settle(again);
      });
    }, function () { return false; });
  }

  var sending = false;

  function flush() {
    if (sending || offline()) return show(false);
    sending = true;
    return all().then(function (list) {
      return list.reduce(function (chain, answer) {
        return chain.then(function (go) { return go ? deliver(answer) : false; });
      }, Promise.resolve(true));
    }).then(function () {}, function () {}).then(function () {
      sending = false;
      return show(false);
    });
  }

  // --- the score form ---

  var form = document.querySelector("form.respond-form");
  var busy = false;

  // Kept on this device; the kiosk is ready for the next customer at once.
  function keepHere(answer) {
    return keep(answer).then(function () {
      busy = false;
      // No score left looking chosen for the next customer.
      if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
      return show(true);
    });
  }

  // Let the browser send it as it would without this script (it shows taith's own page: a
  // message in the customer's language when the form was refused).
  function sendPlainly(answer) {
    form.querySelector("input[name=k]").value = answer.key;
    var score = document.createElement("input");
    score.type = "hidden";
    score.name = "score";
    score.value = answer.score;
    form.appendChild(score);
    HTMLFormElement.prototype.submit.call(form);
  }

  if (form && form.querySelector("button.point[name=score]") && form.querySelector("input[name=k]")) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || button.name !== "score") return;
      event.preventDefault();
      if (busy) return;
      busy = true;
      var lang = form.querySelector("input[name=lang]");
      var answer = {
        key: newKey(),
        action: form.getAttribute("action") || start,
        score: button.value,
        lang: lang ? lang.value : "",
        at: Date.now()
      };
      if (offline()) {
        keepHere(answer).catch(function () { sendPlainly(answer); });
        return;
      }
      post(answer, token(), "follow").then(function (res) {
        if (res.ok) {
          window.location.assign(res.url);
        } else if (later(res)) {
          return keepHere(answer);
        } else {
          sendPlainly(answer);
        }
      }, function () {
        // No answer at all (the network is down, or went down on the way): kept here, and
        // sent again with the same key, so stored once even if the first one arrived.
        return keepHere(answer);
      }).catch(function () { sendPlainly(answer); });
    });
  }

  window.addEventListener("online", function () { flush(); });
  window.addEventListener("offline", function () { show(false); });
  window.setInterval(flush, 15000);
  flush();

  // The service worker keeps this kiosk's start page for a reload with no network.
  if (navigator.serviceWorker && !offline()) {
    navigator.serviceWorker.register("/assets/kiosk-sw.js", { scope: "/k/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function () {
      if (window.caches) {
        return window.caches.open(CACHE).then(function (cache) { return cache.add(start); });
      }
    }).catch(function () {});
  }
})();
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
