//! Signing in and out, first set-up, the home page and the chosen language.

pub mod pages;
