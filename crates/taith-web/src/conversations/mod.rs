//! Support conversations: the API ([`api`], [`wire`]) and the Support page ([`pages`]). The
//! rules are in `taith_app::conversations`.

pub mod api;
pub mod pages;
pub mod wire;

use crate::http::routes::Routes;

/// The support pages.
pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/support", pages::support)
        .post("/w/{slug}/support/import", pages::import)
}
