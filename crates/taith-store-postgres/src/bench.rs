//! The PostgreSQL side of `taith bench metrics` (see `taith_store::bench`).

use crate::PostgresStore;
use sqlx::Row as _;
use std::time::Instant;
use taith_store::StoreError;
use taith_store::bench::{
    CREATE_TABLE, MetricsBaseline, MetricsBenchRows, NPS_BY_TOUCHPOINT_CHANNEL_SEGMENT_WEEK,
};

/// Rows per INSERT … SELECT FROM UNNEST (six arrays of this length).
const CHUNK: usize = 200_000;

impl PostgresStore {
    /// Loads `rows` into a narrow table of this (scratch) database, analyses it, then times
    /// `runs` warm runs of the NPS query (PostgreSQL may use parallel workers, as it would).
    pub async fn metrics_baseline(
        &self,
        rows: &MetricsBenchRows,
        runs: usize,
    ) -> Result<MetricsBaseline, StoreError> {
        let internal =
            |e: sqlx::Error| StoreError::internal_from("the PostgreSQL metrics baseline", e);
        let started = Instant::now();
        sqlx::query("DROP TABLE IF EXISTS bench_responses")
            .execute(&self.pool)
            .await
            .map_err(internal)?;
        sqlx::query(CREATE_TABLE)
            .execute(&self.pool)
            .await
            .map_err(internal)?;
        let mut done = 0;
        while done < rows.len() {
            let end = (done + CHUNK).min(rows.len());
            sqlx::query(
                "INSERT INTO bench_responses SELECT * FROM UNNEST($1::int4[], $2::int4[], \
                 $3::int4[], $4::int4[], $5::int4[], $6::int4[])",
            )
            .bind(&rows.survey[done..end])
            .bind(&rows.touchpoint[done..end])
            .bind(&rows.channel[done..end])
            .bind(&rows.segment[done..end])
            .bind(&rows.day[done..end])
            .bind(&rows.score[done..end])
            .execute(&self.pool)
            .await
            .map_err(internal)?;
            done = end;
        }
        sqlx::query("VACUUM ANALYZE bench_responses")
            .execute(&self.pool)
            .await
            .map_err(internal)?;
        let load = started.elapsed();
        let mut times = Vec::with_capacity(runs);
        let (mut groups, mut responses, mut promoters) = (0, 0, 0);
        for run in 0..=runs {
            let started = Instant::now();
            let found = sqlx::query(NPS_BY_TOUCHPOINT_CHANNEL_SEGMENT_WEEK)
                .fetch_all(&self.pool)
                .await
                .map_err(internal)?;
            if run > 0 {
                times.push(started.elapsed());
            }
            groups = found.len() as u64;
            responses = 0;
            promoters = 0;
            for row in &found {
                responses += row.try_get::<i64, _>("n").map_err(internal)? as u64;
                promoters += row.try_get::<i64, _>("promoters").map_err(internal)? as u64;
            }
        }
        sqlx::query("DROP TABLE bench_responses")
            .execute(&self.pool)
            .await
            .map_err(internal)?;
        Ok(MetricsBaseline {
            load,
            runs: times,
            groups,
            responses,
            promoters,
        })
    }
}
