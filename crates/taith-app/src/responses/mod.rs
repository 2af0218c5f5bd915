//! Responses: every response is stored through [`intake`]; files of responses come in through
//! [`import`] and go out through [`files`].

pub mod check;
pub mod files;
pub mod import;
pub mod intake;
pub mod upkeep;
