//! taith's metrics (DESIGN §3): every score metric is a function of a score histogram, and
//! histograms add, so any grouping or time range is a sum of smaller histograms.
//!
//! [`formula`] holds the exact definitions — NPS, CSAT, CES, their 95% intervals, the
//! small-sample flag and significance; [`index`] the in-memory analytics index that answers
//! any filter and grouping over a workspace's responses. No I/O here.

pub mod events;
pub mod formula;
pub mod index;

pub use formula::{
    Band, Detail, Difference, Histogram, Metric, MetricValue, difference, significant_change,
    wilson,
};
