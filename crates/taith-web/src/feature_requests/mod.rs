//! The feature-request board: the staff board and each request's page ([`pages`]), the
//! public board customers vote on without an account ([`public`]), and the API ([`api`],
//! [`wire`]). The rules are in `taith_app::feature_requests`.

pub mod api;
pub mod pages;
pub mod public;
pub mod wire;

use crate::http::routes::Routes;

/// The board's pages, staff and public.
pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/requests", pages::board)
        .post("/w/{slug}/requests", pages::create)
        .post("/w/{slug}/requests/from-comment", pages::from_comment)
        .get(
            "/w/{slug}/requests/from-comment/{response_id}",
            pages::from_comment_form,
        )
        .get("/w/{slug}/requests/{id}", pages::show)
        .post("/w/{slug}/requests/{id}/vote", pages::vote)
        .post("/w/{slug}/requests/{id}/status", pages::set_status)
        .post("/w/{slug}/requests/{id}/merge", pages::merge)
        .post("/w/{slug}/requests/{id}/link", pages::link)
        // The public board: no sign-in.
        .get("/f/{slug}", public::show)
        .post("/f/{slug}/suggest", public::suggest)
        .post("/f/{slug}/requests/{id}/vote", public::vote)
}
