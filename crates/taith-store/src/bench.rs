//! What `taith bench metrics` hands the SQL baselines: the benchmark's responses as columns of
//! integer codes, and the query each database runs over them.
//!
//! The baseline table is the narrowest SQL can have — one integer column per dimension, the
//! week precomputed from the day by integer arithmetic — so the comparison is with SQL at its
//! best, not with the store's wider `responses` table and its JSON attributes.

use std::time::Duration;

/// The benchmark's responses, one entry per response in each column.
#[derive(Debug, Clone, Default)]
pub struct MetricsBenchRows {
    pub survey: Vec<i32>,
    pub touchpoint: Vec<i32>,
    pub channel: Vec<i32>,
    pub segment: Vec<i32>,
    /// Days since 1970-01-01.
    pub day: Vec<i32>,
    pub score: Vec<i32>,
}

impl MetricsBenchRows {
    pub fn len(&self) -> usize {
        self.score.len()
    }

    pub fn is_empty(&self) -> bool {
        self.score.is_empty()
    }
}

/// What one database did.
#[derive(Debug, Clone)]
pub struct MetricsBaseline {
    /// Loading the rows (not part of the comparison).
    pub load: Duration,
    /// Each warm run of the query.
    pub runs: Vec<Duration>,
    /// Groups the query returned, and the responses and promoters they hold (a check that
    /// both sides counted the same thing).
    pub groups: u64,
    pub responses: u64,
    pub promoters: u64,
}

/// The table both databases load.
pub const CREATE_TABLE: &str = "CREATE TABLE bench_responses (survey INTEGER NOT NULL, \
    touchpoint INTEGER NOT NULL, channel INTEGER NOT NULL, segment INTEGER NOT NULL, \
    day INTEGER NOT NULL, score INTEGER NOT NULL)";

/// NPS by touchpoint × channel × segment × ISO week. Day 0 (1970-01-01) was a Thursday, so
/// `(day + 3) / 7` changes on Mondays: it numbers ISO weeks.
pub const NPS_BY_TOUCHPOINT_CHANNEL_SEGMENT_WEEK: &str = "SELECT touchpoint, channel, segment, \
    (day + 3) / 7 AS week, COUNT(*) AS n, \
    SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END) AS promoters, \
    SUM(CASE WHEN score <= 6 THEN 1 ELSE 0 END) AS detractors \
    FROM bench_responses GROUP BY touchpoint, channel, segment, (day + 3) / 7";
