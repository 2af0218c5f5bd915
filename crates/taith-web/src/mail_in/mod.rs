//! E-mail conversations at the edge: mail posted by a provider's inbound webhook, signed with
//! the workspace's secret ([`api::receive`]); the inbound settings — secret, addresses — over
//! the API ([`api`], [`wire`]) and on the settings page ([`pages`]). The rules, the threading
//! and the reply worker are in `taith_app::mail_in`; the SMTP receiver is `taith serve
//! --smtp-listen`.

pub mod api;
pub mod pages;
pub mod wire;

use crate::http::routes::Routes;

/// The inbound e-mail settings page.
pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/email", pages::show)
        .post("/w/{slug}/email", pages::save_address)
        .post("/w/{slug}/email/rotate", pages::rotate)
}

/// Where a workspace's mail is posted.
pub fn endpoint_path(slug: &str) -> String {
    format!("/api/v1/inbound/email/{slug}")
}
