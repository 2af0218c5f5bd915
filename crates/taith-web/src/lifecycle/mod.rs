//! The customer lifecycle: the API ([`api`]) and Customers → Retention ([`pages`]). The
//! rules are in `taith_app::lifecycle`.

pub mod api;
pub mod pages;

use crate::http::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/customers/retention", pages::retention)
}
