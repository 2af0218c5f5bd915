//! Responses: every response is stored through [`intake`].

pub mod intake;
