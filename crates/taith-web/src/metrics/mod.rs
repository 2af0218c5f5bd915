//! `GET /api/v1/metrics`: the figures over any filter and grouping.

pub mod api;
