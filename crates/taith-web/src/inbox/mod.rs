//! The inbox: every conversation in one list (`/w/{slug}/inbox`), a conversation's thread
//! with the customer's timeline beside it and the forms that work it (`/w/{slug}/inbox/{id}`),
//! the attachments of its mail (`/w/{slug}/inbox/{id}/attachments/{n}`, downloads only), the
//! canned replies (`/w/{slug}/inbox/canned`), and the API ([`api`], [`wire`]). The rules
//! are in `taith_app::inbox`. Everything works without JavaScript: the canned-reply picker is
//! a plain form that reloads the thread with the reply box filled.

pub mod api;
pub mod pages;
pub mod wire;

use crate::http::routes::Routes;

/// The inbox's pages.
pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/inbox", pages::list)
        .get("/w/{slug}/inbox/canned", pages::canned)
        .post("/w/{slug}/inbox/canned", pages::create_canned)
        .post("/w/{slug}/inbox/canned/{id}", pages::update_canned)
        .post("/w/{slug}/inbox/canned/{id}/delete", pages::delete_canned)
        .get("/w/{slug}/inbox/{id}", pages::thread)
        .post("/w/{slug}/inbox/{id}", pages::update)
        .post("/w/{slug}/inbox/{id}/notes", pages::add_note)
        .post("/w/{slug}/inbox/{id}/reply", pages::reply)
        .get("/w/{slug}/inbox/{id}/attachments/{n}", pages::attachment)
}
