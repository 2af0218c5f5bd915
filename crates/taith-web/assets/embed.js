// Inside the widget's frame: tell the page around it how tall this page is and what it is
// called, so the frame fits the survey and screen readers can name it.
(function () {
  "use strict";
  if (window.parent === window) return;
  // The content's own height (the document's is never less than the frame's, so it could
  // only grow).
  function report() {
    var main = document.querySelector("main");
    var height = main ? main.getBoundingClientRect().bottom + window.scrollY : 0;
    window.parent.postMessage({ taith: "size", height: height, title: document.title }, "*");
  }
  report();
  window.addEventListener("load", report);
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.body);
})();
