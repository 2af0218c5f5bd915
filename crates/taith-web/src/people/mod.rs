//! The workspace's members and their roles, and its API tokens: pages and API.

pub mod api;
pub mod pages;
pub mod wire;
