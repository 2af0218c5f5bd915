//! taith's one integration test binary: each module is one area of behaviour.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod abuse;
mod api;
mod browser;
mod cli;
mod contract;
mod crash;
mod csv_io;
mod editor;
mod headers;
mod helpers;
mod invitations;
mod isolation;
mod metrics;
mod nodes;
mod requests;
mod respond_browser;
mod roles;
mod smtp_sink;
mod store;
mod store_surveys;
mod surveys_api;
mod surveys_ui;
mod ui;
mod webdriver;
mod xss;
