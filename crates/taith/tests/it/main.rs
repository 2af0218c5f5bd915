//! taith's one integration test binary: each module is one area of behaviour.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod api;
mod browser;
mod cli;
mod helpers;
mod isolation;
mod store;
mod ui;
mod webdriver;
