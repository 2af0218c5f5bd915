//! The web tracker: its script (`GET /t/{site_key}.js`) and its public ingest (`POST
//! /t/{site_key}`). What the ingest does with a beacon is `taith_app::events::tracker`'s.
//!
//! The script is the same file for every key (it reads the key from its own address), so
//! it is served without a look-up and cached like an asset. The ingest answers `202` with no
//! body to every beacon that is JSON of the right shape — stored, or dropped as a bot, for an
//! unknown or another workspace's key, a host the site does not allow, or the flood cap — so
//! a sender learns nothing about keys; `400` to a body that is not a beacon, `413` beyond
//! 8 KiB, `429` beyond the per-address rate limit (`Limits::tracking`). A stored beacon's
//! answer allows the page's origin (CORS), which is one of the site's hostnames.

use crate::AppState;
use crate::http::limits::client_address;
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::net::{IpAddr, SocketAddr};
use taith_app::events::sites::looks_like_site_key;
use taith_app::events::tracker::{Beacon, Hit, MAX_BEACON_BYTES, Tracked};

/// The tracker's script, as served.
pub const TRACKER_JS: &str = include_str!("../../assets/tracker.js");

/// `GET /t/{site_key}.js`.
pub async fn script(Path(file): Path<String>) -> Response {
    let key = file.strip_suffix(".js").unwrap_or_default();
    if !looks_like_site_key(key) {
        return (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
            "// taith: not a tracker address\n",
        )
            .into_response();
    }
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        TRACKER_JS,
    )
        .into_response()
}

/// `POST /t/{site_key}`: one beacon (module docs).
pub async fn ingest(
    State(state): State<AppState>,
    Path(site_key): Path<String>,
    req: Request,
) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip());
    let (parts, body) = req.into_parts();
    let headers = parts.headers;
    let Ok(body) = axum::body::to_bytes(body, MAX_BEACON_BYTES).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let Ok(beacon) = serde_json::from_slice::<Beacon>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let accepted = StatusCode::ACCEPTED.into_response();
    if !looks_like_site_key(&site_key) {
        return accepted;
    }
    let address = client_address(peer, &headers, state.config.limits.trusted_proxies);
    let text = |name: header::HeaderName| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    };
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let hit = Hit {
        site_key: &site_key,
        origin,
        address,
        user_agent: text(header::USER_AGENT),
        beacon,
    };
    match state
        .app
        .events
        .tracker
        .track(&state.app.events, hit, taith_domain::now())
        .await
    {
        Ok(Tracked::Stored(_)) => {
            let mut res = accepted;
            if let Some(o) = origin.and_then(|o| HeaderValue::from_str(o).ok()) {
                res.headers_mut()
                    .insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, o);
                res.headers_mut()
                    .insert(header::VARY, HeaderValue::from_static("Origin"));
            }
            res
        }
        Ok(Tracked::Dropped(why)) => {
            tracing::debug!(why, "tracker beacon dropped");
            accepted
        }
        Ok(Tracked::Invalid) => accepted,
        Err(e) => {
            tracing::error!(
                error = &e as &dyn std::error::Error,
                "tracker beacon not stored"
            );
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
