//! Responses: every response is stored through [`intake`].

pub mod check;
pub mod intake;
