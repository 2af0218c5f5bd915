//! Personas, the customer types journeys are drawn for: pages and API.

pub mod api;
pub mod pages;
pub mod wire;
