//! Signing in and out, first set-up, the home page and the chosen language; a person's own
//! account page; a forgotten password; two-factor sign-in.

pub mod oidc;
pub mod pages;
pub mod qr;
pub mod reset;
pub mod settings;
pub mod two_factor;
