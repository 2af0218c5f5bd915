//! Webhooks: endpoints, their delivery logs, redelivery and secret rotation ([`pages`]) and
//! the API ([`api`], [`wire`]). The rules are in `taith_app::webhooks`.

pub mod api;
pub mod wire;
