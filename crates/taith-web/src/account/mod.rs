//! Signing in and out, first set-up, the home page and the chosen language; a person's own
//! account page; a forgotten password.

pub mod pages;
pub mod reset;
pub mod settings;
