//! Surveys: the builder pages, the API, and their wire types.

pub mod api;
pub mod pages;
pub mod results;
pub mod wire;
