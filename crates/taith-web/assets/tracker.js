/* taith web tracker: page views, site searches, outbound clicks, goals, tasks and errors.
   No cookies, no local storage; nothing is sent under Do-Not-Track or Global Privacy Control.
   <script src="https://taith.example/t/SITE_KEY.js" async></script>
   taith('goal', 'order', 23.5); taith('search', {results: 0}); taith('task', 'checkout', true, 81000) */
(function (w, d, n) {
  var s = d.currentScript, m = s && /^(.*)\/t\/([a-z0-9]+)\.js/.exec(s.src);
  if (!m) return;
  var api = m[1] + '/t/' + m[2], last;
  var off = n.doNotTrack == '1' || w.doNotTrack == '1' || n.globalPrivacyControl === true;
  function send(o) {
    if (off) return;
    o.u = o.u || location.href; o.l = n.language; o.w = screen.width;
    if (n.webdriver) o.b = true;
    var b = JSON.stringify(o);
    try { if (n.sendBeacon && n.sendBeacon(api, b)) return; } catch (e) {}
    if (w.fetch) fetch(api, { method: 'POST', body: b, keepalive: true, mode: 'no-cors' })['catch'](function () {});
  }
  function view() {
    if (last == location.href) return;
    var o = { t: 'page_view', r: last || d.referrer }, e = d.querySelector('[data-taith-results]');
    if (e) o.c = +e.getAttribute('data-taith-results');
    last = location.href;
    send(o);
  }
  function api_(k, a, b, c) {
    if (k == 'goal') send({ t: 'conversion', g: a, v: b });
    else if (k == 'search') send({ t: 'search', c: a && a.results, q: a && a.query });
    else if (k == 'task') send({ t: 'task', n: a, s: !!b, d: c });
    else if (k == 'error') send({ t: 'error', k: a });
  }
  var q = (w.taith && w.taith.q) || [];
  w.taith = function () { api_.apply(null, arguments); };
  var p = history.pushState;
  if (p) history.pushState = function () { p.apply(this, arguments); view(); };
  w.addEventListener('popstate', view);
  w.addEventListener('error', function (e) {
    send({ t: 'error', k: (e.error && e.error.name) || 'Error' });
  });
  d.addEventListener('click', function (e) {
    var a = e.target && e.target.closest && e.target.closest('a[href]');
    if (a && a.host && a.host != location.host) send({ t: 'click', x: a.href });
  }, true);
  function start() {
    view();
    for (var i = 0; i < q.length; i++) api_.apply(null, q[i]);
  }
  if (d.readyState == 'loading') d.addEventListener('DOMContentLoaded', start); else start();
})(window, document, navigator);
