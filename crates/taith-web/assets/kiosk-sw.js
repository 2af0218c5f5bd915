// The kiosk's service worker (docs/kiosk.md), registered by kiosk.js for the scope `/k/`.
// It keeps each kiosk's start page and the assets it needs, so that a tablet reloaded (or
// started) with no network still shows the kiosk. The answers are kiosk.js's to keep and
// send: a POST passes straight through, untouched.
"use strict";

var CACHE = "taith-kiosk-v1";
var ASSETS = ["/assets/app.css", "/assets/kiosk.js", "/assets/site.js", "/assets/favicon.svg"];

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE)
      .then(function (cache) { return cache.addAll(ASSETS); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (keys) {
        return Promise.all(keys.filter(function (k) {
          return k.indexOf("taith-kiosk-") === 0 && k !== CACHE;
        }).map(function (k) { return caches.delete(k); }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

// `/k/{public_id}`, the kiosk's start page, for any kiosk page's address.
function startOf(url) {
  var m = /^\/k\/([A-Za-z0-9_-]+)/.exec(url.pathname);
  return m ? "/k/" + m[1] : null;
}

self.addEventListener("fetch", function (event) {
  var req = event.request;
  if (req.method !== "GET") return;
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  var asset = ASSETS.indexOf(url.pathname) >= 0;
  var start = startOf(url);
  var page = req.mode === "navigate" && start !== null;
  if (!asset && !page) return;
  // The network first, so that an edited survey or a new script shows at once; the copy kept
  // here only when there is no network. A follow-up or thank-you page asked for offline gets
  // the start page instead: the next customer can still answer.
  event.respondWith(
    fetch(req).then(function (res) {
      if (res.ok && (asset || url.pathname === start)) {
        var copy = res.clone();
        caches.open(CACHE).then(function (cache) { return cache.put(req, copy); });
      }
      return res;
    }, function (error) {
      return caches.match(req).then(function (hit) {
        if (hit) return hit;
        if (!page) throw error;
        return caches.match(start, { ignoreSearch: true }).then(function (kept) {
          if (kept) return kept;
          throw error;
        });
      });
    })
  );
});
