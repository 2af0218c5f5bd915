//! Responses through the API: submit, list, delete.

pub mod api;
pub mod wire;
