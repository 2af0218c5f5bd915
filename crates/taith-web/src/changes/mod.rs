//! "You said, we did": the staff changes list and the form that records a change
//! ([`pages`]), the public "what we changed" page and the notices' opt-out page ([`public`]),
//! the API ([`api`], [`wire`]) and the dashboard's part ([`dashboard`]). The rules are in
//! `taith_app::changes`.

pub mod api;
pub mod dashboard;
pub mod pages;
pub mod public;
pub mod wire;

use crate::http::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/changes", pages::list)
        .post("/w/{slug}/changes", pages::create)
        .get("/w/{slug}/changes/new", pages::new_form)
        // Public: no sign-in.
        .get("/f/{slug}/changes", public::show)
        .get("/f/{slug}/changes/stop/{token}", public::stop_page)
        .post("/f/{slug}/changes/stop/{token}", public::stop_confirm)
}
