// taith survey widget. On the business's own site:
//   <script src="https://TAITH-ADDRESS/widget/SURVEY-ID.js" async></script>
// shows the survey right after the tag (or inside the element whose id is in data-target),
// in a frame served by taith. It adds no inline script or style and asks nothing of any other
// server, so it works under a strict Content-Security-Policy that lets this address in as a
// script-src and a frame-src. data-lang picks the language (else the page's lang).
// data-customer names a signed-in customer (their taith id): the prompt then respects the
// workspace's contact budget and the customer's consent, and the frame stays closed when
// they are not to be asked now.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var src = new URL(script.src, document.baseURI);
  var match = /\/widget\/([A-Za-z0-9_-]{1,64})\.js$/.exec(src.pathname);
  if (!match) return;
  var lang = script.getAttribute("data-lang") || document.documentElement.lang || "";
  var frame = document.createElement("iframe");
  var customer = script.getAttribute("data-customer") || "";
  var query = [];
  if (lang) query.push("lang=" + encodeURIComponent(lang));
  if (customer) query.push("customer=" + encodeURIComponent(customer));
  frame.src = src.origin + "/e/" + match[1] + (query.length ? "?" + query.join("&") : "");
  frame.title = script.getAttribute("data-title") || "";
  frame.className = "taith-survey";
  // Set through the CSS object model, which a CSP's style-src does not govern.
  frame.style.display = "block";
  frame.style.border = "0";
  frame.style.width = "100%";
  frame.style.maxWidth = "40rem";
  // A known customer's frame opens only when the page in it says its height: nothing shows
  // when the budget holds the prompt back.
  frame.style.height = customer ? "0" : "30rem";
  var target = document.getElementById(script.getAttribute("data-target") || "");
  if (target) {
    target.appendChild(frame);
  } else if (script.parentNode) {
    script.parentNode.insertBefore(frame, script.nextSibling);
  }
  // The page in the frame says how tall it is and what it is called (in its language).
  window.addEventListener("message", function (event) {
    if (event.origin !== src.origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.taith !== "size") return;
    if (typeof data.height === "number") {
      frame.style.height = Math.min(Math.max(Math.ceil(data.height), 120), 4000) + "px";
    }
    if (typeof data.title === "string" && !script.getAttribute("data-title")) {
      frame.title = data.title.slice(0, 200);
    }
  });
})();
