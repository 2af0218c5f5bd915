// Progressive enhancement only: every form works without this file.
document.addEventListener("submit", (event) => {
  const form = event.target;
  const question = form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

// Kiosk pages: offer full screen where the browser allows it (it needs a tap to start).
const fullscreen = document.querySelector("[data-fullscreen]");
if (fullscreen && document.documentElement.requestFullscreen && !document.fullscreenElement) {
  fullscreen.hidden = false;
  fullscreen.addEventListener("click", () => {
    document.documentElement.requestFullscreen().then(() => { fullscreen.hidden = true; }, () => {});
  });
}
