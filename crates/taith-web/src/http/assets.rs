//! Static assets, compiled into the binary.

use crate::AppState;
use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

const APP_CSS: &str = include_str!("../../assets/app.css");
const APP_JS: &str = include_str!("../../assets/app.js");
/// Kiosk pages: full screen, and the countdown back to the start that a visitor can extend.
const KIOSK_JS: &str = include_str!("../../assets/kiosk.js");
/// The kiosk's service worker: keeps the kiosk's start page and assets for a reload with no
/// network (the answers themselves are kept by `kiosk.js`).
const KIOSK_SW_JS: &str = include_str!("../../assets/kiosk-sw.js");
/// The frame's own enhancements (focus on the first error, the header's menu).
const SITE_JS: &str = include_str!("../../assets/site.js");
/// taith's mark: the tab's icon and the error pages' emblem.
const FAVICON_SVG: &str = include_str!("../../assets/favicon.svg");
/// The journey editor's saves in place and its guard for unsaved changes.
const EDITOR_JS: &str = include_str!("../../assets/editor.js");
/// Runs inside the widget's frame (`/e/...`): reports the page's height to the host page.
const EMBED_JS: &str = include_str!("../../assets/embed.js");
/// The web chat and the inbox thread: new messages live, the chat form without a reload.
const CHAT_JS: &str = include_str!("../../assets/chat.js");
/// The widget a business puts on its own site, served at `/widget/{public_id}.js`.
pub const WIDGET_JS: &str = include_str!("../../assets/widget.js");

fn javascript(body: &'static str) -> axum::response::Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

/// The kiosk's service worker, allowed to control the kiosk pages (`/k/`) although it is
/// served from `/assets/`; never kept by an HTTP cache, so a new version is found at once.
fn kiosk_worker() -> axum::response::Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
            (
                header::HeaderName::from_static("service-worker-allowed"),
                "/k/",
            ),
        ],
        KIOSK_SW_JS,
    )
        .into_response()
}

fn favicon() -> axum::response::Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        FAVICON_SVG,
    )
        .into_response()
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/assets/app.css",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/css; charset=utf-8"),
                        (header::CACHE_CONTROL, "public, max-age=3600"),
                    ],
                    APP_CSS,
                )
                    .into_response()
            }),
        )
        .route("/assets/app.js", get(|| async { javascript(APP_JS) }))
        .route("/assets/kiosk.js", get(|| async { javascript(KIOSK_JS) }))
        .route("/assets/kiosk-sw.js", get(|| async { kiosk_worker() }))
        .route("/assets/site.js", get(|| async { javascript(SITE_JS) }))
        .route("/assets/favicon.svg", get(|| async { favicon() }))
        // Browsers ask for /favicon.ico on pages that name no icon (a JSON answer, a file):
        // the same mark, rather than a 404 in every log.
        .route("/favicon.ico", get(|| async { favicon() }))
        .route("/assets/editor.js", get(|| async { javascript(EDITOR_JS) }))
        .route("/assets/embed.js", get(|| async { javascript(EMBED_JS) }))
        .route("/assets/chat.js", get(|| async { javascript(CHAT_JS) }))
        .route("/healthz", get(|| async { "ok" }))
}
