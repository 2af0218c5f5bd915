//! The dashboards: overview, segments and each touchpoint, with their CSV downloads.

pub mod pages;
