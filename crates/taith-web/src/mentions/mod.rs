//! Social listening: mentions posted by connectors over the API ([`api`], [`wire`]) and the
//! Mentions tab of "what customers wrote" ([`pages`]). The rules are in
//! `taith_app::mentions`.

pub mod api;
pub mod pages;
pub mod wire;

use crate::http::routes::Routes;

/// The Mentions page.
pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/mentions", pages::page)
}
