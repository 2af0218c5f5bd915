//! Responses: every response is stored through [`intake`].

pub mod check;
pub mod files;
pub mod import;
pub mod intake;
