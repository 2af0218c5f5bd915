//! Alerts: the rules' list, form and firings ([`pages`]) and the API ([`api`], [`wire`]).
//! The rules are in `taith_app::alerts`.

pub mod api;
pub mod wire;
