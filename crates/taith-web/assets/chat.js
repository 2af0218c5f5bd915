// The widget's chat tab and the inbox's thread: new messages arrive live (server-sent events)
// instead of through the "check for new messages" link, and the chat's form sends without
// leaving the page. Without this script both still work by reloading.
(function () {
  "use strict";
  var list = document.querySelector("[data-events]");
  var form = document.getElementById("chat-form");

  // One message as a list item, built from text only (never as HTML).
  function item(m, prefix, cls) {
    var li = document.createElement("li");
    li.className = cls;
    li.id = prefix + m.id;
    var meta = document.createElement("p");
    meta.className = "meta";
    var who = document.createElement("bdi");
    who.textContent = m.who;
    var at = document.createElement("time");
    at.textContent = m.at;
    meta.appendChild(who);
    meta.appendChild(document.createTextNode(" · "));
    meta.appendChild(at);
    var body = document.createElement("p");
    body.className = "body";
    body.dir = "auto";
    if (m.lang) body.lang = m.lang;
    body.textContent = m.body;
    li.appendChild(meta);
    li.appendChild(body);
    return li;
  }

  if (list && window.EventSource) {
    var inbox = list.hasAttribute("data-inbox");
    var url = list.getAttribute("data-events");
    var last = list.getAttribute("data-last");
    if (last) url += (url.indexOf("?") < 0 ? "?" : "&") + "after=" + encodeURIComponent(last);
    var source = new EventSource(url);
    source.addEventListener("message", function (e) {
      var m;
      try { m = JSON.parse(e.data); } catch (_) { return; }
      var prefix = inbox ? "inbox-" + m.kind + "-" : "chat-";
      if (document.getElementById(prefix + m.id)) return;
      var cls = inbox ? m.kind : "chat-line chat-" + m.speaker;
      list.appendChild(item(m, prefix, cls));
      var empty = document.querySelector("[data-live-empty]");
      if (empty) empty.hidden = true;
      if (!inbox) window.scrollTo(0, document.body.scrollHeight);
    });
    var refresh = document.querySelectorAll("[data-chat-refresh]");
    for (var i = 0; i < refresh.length; i++) refresh[i].hidden = true;
  }

  // The chat's form: sent in the background; the answer comes through the stream. The first
  // message opens the chat's own address, which the page then loads.
  if (form && list && window.fetch && window.URLSearchParams) {
    var field = document.getElementById("chat-body");
    var button = form.querySelector("button");
    form.addEventListener("submit", function (e) {
      if (!field.value.trim()) return;
      e.preventDefault();
      button.disabled = true;
      var data = new URLSearchParams(new FormData(form));
      fetch(form.action, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (res) {
          if (!res.ok) {
            // Refused (for example too long): the page says why, at the field.
            button.disabled = false;
            form.submit();
            return;
          }
          if (!list.hasAttribute("data-events")) {
            window.location.replace(res.url);
            return;
          }
          field.value = "";
          button.disabled = false;
          field.focus();
          // A hand-over brings the offer to reply by e-mail: take it from the page answered.
          return res.text().then(function (html) {
            if (document.getElementById("chat-email") || !window.DOMParser) return;
            var offer = new DOMParser().parseFromString(html, "text/html").getElementById("chat-email");
            if (offer) document.querySelector("main").appendChild(document.importNode(offer, true));
          });
        })
        .catch(function () {
          button.disabled = false;
          form.submit();
        });
    });
  }
})();
