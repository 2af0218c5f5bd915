//! The dashboards: overview, segments and each touchpoint, with their CSV downloads.
//!
//! - [`figures`]: metric cards, week-by-week charts and the questions they ask the index —
//!   shared with the survey page;
//! - [`pages`]: the overview (cards, figures by touchpoint and survey, the comments feed) and
//!   a touchpoint's page;
//! - [`segments`]: the segment comparison.

pub mod figures;
pub mod pages;
pub mod segments;
