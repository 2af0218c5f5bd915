//! Inviting customers to a survey by e-mail, from the survey's page.

pub mod api;
pub mod pages;
pub mod wire;
