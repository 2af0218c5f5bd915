//! Signals on the journey: the behaviour and support figures a touchpoint shows beside its
//! survey figure, and the drop-off between consecutive touchpoints — on the live map and the
//! touchpoint page ([`pages`], worded by [`view`]), and over the API ([`api`], [`wire`]). The
//! rules are in `taith_app::signals`.

pub mod api;
pub mod pages;
pub mod view;
pub mod wire;

use crate::http::routes::Routes;

/// The signals pages.
pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/touchpoints/{id}/figures", pages::edit)
        .post("/w/{slug}/touchpoints/{id}/figures", pages::save)
}
