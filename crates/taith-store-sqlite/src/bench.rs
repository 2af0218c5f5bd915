//! The baseline of `taith bench ingest`: the same response rows inserted into the same schema
//! as fast as SQLite takes them — one transaction, multi-row INSERTs, no HTTP, no idempotency
//! look-ups, no group commit — so the benchmark can print how close the real path comes.

use crate::SqliteStore;
use sqlx::Connection as _;
use std::time::{Duration, Instant};
use taith_domain::{SurveyId, WorkspaceId};
use taith_store::StoreError;

/// Rows per INSERT statement (13 columns each, well under SQLite's 32,766 variables).
const CHUNK: usize = 500;
const COLUMNS: &str = "workspace_id, id, survey_id, score, answers, comment, touchpoint_id, channel, \
                       locale, customer_id, attributes, submitted_at, client_key, created_at";

impl SqliteStore {
    /// Inserts `rows` responses to `survey` in one durable transaction and says how long that
    /// took, commit included.
    pub async fn raw_batched_insert(
        &self,
        ws: WorkspaceId,
        survey: SurveyId,
        rows: usize,
    ) -> Result<Duration, StoreError> {
        let internal = |e: sqlx::Error| StoreError::internal_from("the SQLite ingest baseline", e);
        let placeholders = |n: usize| {
            let one = format!("({})", vec!["?"; 14].join(", "));
            vec![one; n].join(", ")
        };
        let now = taith_domain::now();
        let micros = (now.unix_timestamp_nanos() / 1_000) as i64;
        let mut conn = self.pool.acquire().await.map_err(internal)?;
        let started = Instant::now();
        let mut tx = conn.begin().await.map_err(internal)?;
        let mut done = 0;
        while done < rows {
            let n = CHUNK.min(rows - done);
            let sql = format!(
                "INSERT INTO responses ({COLUMNS}) VALUES {}",
                placeholders(n)
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for i in done..done + n {
                q = q
                    .bind(ws.as_uuid())
                    .bind(taith_domain::ResponseId::new().as_uuid())
                    .bind(survey.as_uuid())
                    .bind((i % 11) as i64)
                    .bind("[]")
                    .bind("")
                    .bind(None::<uuid::Uuid>)
                    .bind("web")
                    .bind("en")
                    .bind(None::<uuid::Uuid>)
                    .bind(format!(r#"{{"team":"t{}"}}"#, i % 10))
                    .bind(micros)
                    .bind(format!("bench-{i}"))
                    .bind(micros);
            }
            q.execute(&mut *tx).await.map_err(internal)?;
            done += n;
        }
        tx.commit().await.map_err(internal)?;
        Ok(started.elapsed())
    }
}

/// Rows per INSERT of the metrics baseline (6 columns each, under SQLite's 32,766 variables).
const METRICS_CHUNK: usize = 5_000;

impl SqliteStore {
    /// The SQLite side of `taith bench metrics`: loads `rows` into a narrow table of this
    /// (scratch) database, then times `runs` warm runs of the NPS query over them.
    pub async fn metrics_baseline(
        &self,
        rows: &taith_store::bench::MetricsBenchRows,
        runs: usize,
    ) -> Result<taith_store::bench::MetricsBaseline, StoreError> {
        use sqlx::Row as _;
        use taith_store::bench::{CREATE_TABLE, NPS_BY_TOUCHPOINT_CHANNEL_SEGMENT_WEEK};
        let internal = |e: sqlx::Error| StoreError::internal_from("the SQLite metrics baseline", e);
        let mut conn = self.pool.acquire().await.map_err(internal)?;
        let started = Instant::now();
        sqlx::query("DROP TABLE IF EXISTS bench_responses")
            .execute(&mut *conn)
            .await
            .map_err(internal)?;
        sqlx::query(CREATE_TABLE)
            .execute(&mut *conn)
            .await
            .map_err(internal)?;
        let mut tx = conn.begin().await.map_err(internal)?;
        let mut done = 0;
        while done < rows.len() {
            let n = METRICS_CHUNK.min(rows.len() - done);
            let values = vec!["(?, ?, ?, ?, ?, ?)"; n].join(", ");
            let sql = format!("INSERT INTO bench_responses VALUES {values}");
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for i in done..done + n {
                q = q
                    .bind(rows.survey[i])
                    .bind(rows.touchpoint[i])
                    .bind(rows.channel[i])
                    .bind(rows.segment[i])
                    .bind(rows.day[i])
                    .bind(rows.score[i]);
            }
            q.execute(&mut *tx).await.map_err(internal)?;
            done += n;
        }
        tx.commit().await.map_err(internal)?;
        let load = started.elapsed();
        let mut times = Vec::with_capacity(runs);
        let (mut groups, mut responses, mut promoters) = (0, 0, 0);
        // One untimed run first: the timed ones are warm, as ours are.
        for run in 0..=runs {
            let started = Instant::now();
            let found = sqlx::query(NPS_BY_TOUCHPOINT_CHANNEL_SEGMENT_WEEK)
                .fetch_all(&mut *conn)
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
        Ok(taith_store::bench::MetricsBaseline {
            load,
            runs: times,
            groups,
            responses,
            promoters,
        })
    }
}
