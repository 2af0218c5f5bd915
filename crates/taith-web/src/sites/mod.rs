//! Sites: the web sites whose tracker sends events — the pages ([`pages`]: list, form with
//! URL pattern → touchpoint rows, the snippet to paste) and the API ([`api`], [`wire`]).
//! The rules are in `taith_app::events::sites`.

pub mod api;
pub mod pages;
pub mod wire;

use crate::http::routes::Routes;

/// The sites pages.
pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/sites", pages::list)
        .post("/w/{slug}/sites", pages::create)
        .get("/w/{slug}/sites/new", pages::new_form)
        .get("/w/{slug}/sites/{id}", pages::show)
        .post("/w/{slug}/sites/{id}", pages::update)
        .post("/w/{slug}/sites/{id}/delete", pages::delete)
}
