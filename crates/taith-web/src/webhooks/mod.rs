//! Webhooks: endpoints, their delivery logs, redelivery and secret rotation ([`pages`]) and
//! the API ([`api`], [`wire`]). The rules are in `taith_app::webhooks`.

pub mod api;
pub mod pages;
pub mod wire;

use crate::http::routes::Routes;

/// The webhooks pages.
pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/webhooks", pages::list)
        .post("/w/{slug}/webhooks", pages::create)
        .get("/w/{slug}/webhooks/{id}", pages::show)
        .post("/w/{slug}/webhooks/{id}", pages::update)
        .post("/w/{slug}/webhooks/{id}/rotate", pages::rotate)
        .post("/w/{slug}/webhooks/{id}/delete", pages::delete)
        .post(
            "/w/{slug}/webhooks/{id}/deliveries/{delivery}/redeliver",
            pages::redeliver,
        )
}
