//! Events: `POST /api/v1/events` and `GET /api/v1/events` ([`api`], [`wire`]), and the web
//! tracker — its script `GET /t/{site_key}.js` and its public ingest `POST /t/{site_key}`
//! ([`tracker`]). The rules are in `taith_app::events`.

pub mod api;
pub mod tracker;
pub mod wire;

use crate::http::routes::Routes;

/// The tracker's routes (public, outside the API).
pub fn routes(r: Routes) -> Routes {
    r.get("/t/{site_key}", tracker::script)
        .post("/t/{site_key}", tracker::ingest)
}
