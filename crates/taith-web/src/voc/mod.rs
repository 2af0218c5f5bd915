//! Voice of the customer on the web: the comments explorer and its CSV, the themes and their
//! edits ; the use-cases are
//! [`taith_app::voc`]'s.

pub mod api;
pub mod pages;
pub mod query;
pub mod wire;
