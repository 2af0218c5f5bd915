//! Static assets, compiled into the binary.

use crate::AppState;
use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

const APP_CSS: &str = include_str!("../../assets/app.css");
const APP_JS: &str = include_str!("../../assets/app.js");
/// The journey editor's saves in place and its guard for unsaved changes.
const EDITOR_JS: &str = include_str!("../../assets/editor.js");
/// Runs inside the widget's frame (`/e/...`): reports the page's height to the host page.
const EMBED_JS: &str = include_str!("../../assets/embed.js");
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
        .route("/assets/editor.js", get(|| async { javascript(EDITOR_JS) }))
        .route("/assets/embed.js", get(|| async { javascript(EMBED_JS) }))
        .route("/healthz", get(|| async { "ok" }))
}
