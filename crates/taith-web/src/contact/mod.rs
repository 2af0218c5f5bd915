//! The contact budget and consent: the settings page ([`pages`]), the customer's preference
//! page reached from an e-mail ([`public`]), and the API ([`api`], [`wire`]). The rules are in
//! `taith_app::contact`.

pub mod api;
pub mod pages;
pub mod public;
pub mod wire;

use crate::http::routes::Routes;

/// The settings page and the preference page.
pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/contact", pages::show)
        .post("/w/{slug}/contact", pages::save)
        .get("/u/{token}/preferences", public::show)
        .post("/u/{token}/preferences", public::save)
}
