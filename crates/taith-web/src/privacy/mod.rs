//! Data subject requests and data retention: the owners' privacy page (find a customer by
//! address, how long data is kept), a customer's export and erasure from their page
//! ([`pages`]), and the same over the API ([`api`], [`wire`]). The rules are in
//! `taith_app::privacy`.

pub mod api;
pub mod pages;
pub mod wire;

use crate::http::routes::Routes;

/// The privacy page, its forms, and a customer's export and erasure.
pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/privacy", pages::page)
        .post("/w/{slug}/privacy/find", pages::find)
        .post("/w/{slug}/privacy/retention", pages::save_retention)
        .get("/w/{slug}/customers/{id}/export.json", pages::export)
        .post("/w/{slug}/customers/{id}/erase", pages::erase)
}
