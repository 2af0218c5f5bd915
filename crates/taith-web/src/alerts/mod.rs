//! Alerts: the rules' list, form and firings ([`pages`]) and the API ([`api`], [`wire`]).
//! The rules are in `taith_app::alerts`.

pub mod api;
pub mod pages;
pub mod wire;

use crate::http::routes::Routes;

/// The alerts pages.
pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/alerts", pages::list)
        .post("/w/{slug}/alerts", pages::create)
        .get("/w/{slug}/alerts/{id}", pages::show)
        .post("/w/{slug}/alerts/{id}", pages::update)
        .post("/w/{slug}/alerts/{id}/delete", pages::delete)
}
