//! Web chat: the widget's chat tab for visitors ([`pages`]) and the live stream of a chat's
//! new messages, for the visitor and for the member reading it in the inbox ([`live`]). The
//! rules are in `taith_app::chat`.

pub mod live;
pub mod pages;

use crate::http::routes::Routes;

/// The chat tab inside the widget's frame (`/e/…`, framed like the survey) and the inbox
/// thread's live stream.
pub fn routes(r: Routes) -> Routes {
    r.get("/e/{public_id}/chat", pages::new_chat)
        .post("/e/{public_id}/chat", pages::start)
        .get("/e/{public_id}/chat/{token}", pages::chat)
        .post("/e/{public_id}/chat/{token}", pages::send)
        .post("/e/{public_id}/chat/{token}/email", pages::leave_email)
        .get("/e/{public_id}/chat/{token}/events", pages::events)
        .get("/w/{slug}/inbox/{id}/events", live::inbox_events)
}
