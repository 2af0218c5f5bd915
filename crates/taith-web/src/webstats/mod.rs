//! Web figures: `GET /api/v1/metrics?metric=visitors|page_views|bounce_rate|…` ([`api`],
//! hooked into the metrics API as the case figures are) and the one-screen web dashboard
//! `/w/{slug}/web` ([`pages`]). The figures are `taith_app::webstats`'.

pub mod api;
pub mod pages;

use crate::http::routes::Routes;

/// The web dashboard.
pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/web", pages::dashboard)
}
