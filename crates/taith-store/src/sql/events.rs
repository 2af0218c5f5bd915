//! Events ([`EventStore`]).
//!
//! - `insert_events` is one write transaction for the whole batch, written with multi-row
//!   INSERTs (chunks cut to powers of two so only a few distinct statements are prepared)
//!   with `ON CONFLICT (workspace_id, client_key) DO NOTHING`: a NULL key never conflicts.
//!   Only the keyed rows of a statement that skipped some (its row count is short) are
//!   looked up. Repeats of a key within the batch are resolved in memory to the first. Keyed
//!   rows are written after the others in key order, so two batches racing over the same keys
//!   on PostgreSQL queue instead of deadlocking. Anonymous `?` parameters on SQLite (see
//!   [`Backend::ANONYMOUS_PARAMS`](super::Backend::ANONYMOUS_PARAMS)).
//! - Events are history: touchpoints and sites have no foreign key; customers do (a customer
//!   of another workspace is `Conflict(StaleReference)`).
//! - `visitor_salts` is not tenant data (one salt a day for every workspace).

use super::{Backend as _, Conn, DbRow, This, corrupt, db, get, parse_col, time, to_micros};
use async_trait::async_trait;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;
use taith_domain as d;
use taith_domain::EventDetail;
use taith_store::{ConflictKind, EventStore, EventToStore, StoreError, StoreResult, StoredEvent};
use uuid::Uuid;

/// The columns of `events`, in the order they are bound and read.
macro_rules! columns {
    () => {
        "workspace_id, id, type, occurred_at, visitor_id, session_id, customer_id, url, \
         touchpoint_id, site_id, channel, locale, attributes, query, result_count, goal, value, \
         name, success, duration_ms, error_kind, target, client_key, created_at"
    };
}
const COLUMN_COUNT: usize = 24;

const CHUNK_SIZES: [usize; 10] = [512, 256, 128, 64, 32, 16, 8, 4, 2, 1];

fn chunks(n: usize) -> Vec<usize> {
    let mut out = vec![CHUNK_SIZES[0]; n / CHUNK_SIZES[0]];
    let rest = n % CHUNK_SIZES[0];
    out.extend(CHUNK_SIZES.iter().copied().filter(|size| rest & size != 0));
    out
}

fn insert_sql(rows: usize, anonymous: bool) -> &'static str {
    const SIZES: usize = CHUNK_SIZES.len();
    static CACHE: [[OnceLock<String>; SIZES]; 2] =
        [const { [const { OnceLock::new() }; SIZES] }; 2];
    let slot = CHUNK_SIZES
        .iter()
        .position(|&size| size == rows)
        .unwrap_or(SIZES - 1);
    let rows = CHUNK_SIZES[slot];
    CACHE[usize::from(anonymous)][slot].get_or_init(|| {
        let mut sql = String::with_capacity(300 + rows * COLUMN_COUNT * 6);
        sql.push_str(concat!("INSERT INTO events (", columns!(), ") VALUES "));
        for row in 0..rows {
            sql.push_str(if row == 0 { "(" } else { ", (" });
            for col in 0..COLUMN_COUNT {
                if col > 0 {
                    sql.push_str(", ");
                }
                if anonymous {
                    sql.push('?');
                } else {
                    sql.push('$');
                    sql.push_str(&(1 + row * COLUMN_COUNT + col).to_string());
                }
            }
            sql.push(')');
        }
        sql.push_str(" ON CONFLICT (workspace_id, client_key) DO NOTHING");
        sql
    })
}

fn event_write(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
            StoreError::Conflict(ConflictKind::StaleReference)
        }
        _ => db(e),
    }
}

fn event_row(row: &DbRow) -> StoreResult<d::Event> {
    let kind: d::EventKind = parse_col(row, "type")?;
    let text = |col: &str| -> StoreResult<String> {
        get::<Option<String>>(row, col)?.ok_or_else(|| corrupt(col, "NULL"))
    };
    let detail = match kind {
        d::EventKind::PageView => EventDetail::PageView,
        d::EventKind::Search => EventDetail::Search {
            query: text("query")?,
            result_count: get::<Option<i64>>(row, "result_count")?
                .map(|n| u32::try_from(n).map_err(|_| corrupt("result_count", &n.to_string())))
                .transpose()?,
        },
        d::EventKind::Conversion => EventDetail::Conversion {
            goal: text("goal")?,
            value: get(row, "value")?,
        },
        d::EventKind::Task => EventDetail::Task {
            name: text("name")?,
            success: get::<Option<bool>>(row, "success")?.unwrap_or(false),
            duration_ms: get::<Option<i64>>(row, "duration_ms")?
                .map(|n| u64::try_from(n).map_err(|_| corrupt("duration_ms", &n.to_string())))
                .transpose()?,
        },
        d::EventKind::Error => EventDetail::Error {
            kind: text("error_kind")?,
        },
        d::EventKind::Click => EventDetail::Click {
            target: text("target")?,
        },
    };
    let attributes: String = get(row, "attributes")?;
    Ok(d::Event {
        id: d::EventId(get(row, "id")?),
        detail,
        occurred_at: time(row, "occurred_at")?,
        visitor_id: get(row, "visitor_id")?,
        session_id: get(row, "session_id")?,
        customer_id: get::<Option<Uuid>>(row, "customer_id")?.map(d::CustomerId),
        url: get(row, "url")?,
        touchpoint_id: get::<Option<Uuid>>(row, "touchpoint_id")?.map(d::TouchpointId),
        channel: parse_col_channel(row)?,
        locale: get::<Option<String>>(row, "locale")?
            .map(|l| l.parse::<d::Locale>().map_err(|_| corrupt("locale", &l)))
            .transpose()?,
        attributes: serde_json::from_str::<BTreeMap<String, String>>(&attributes)
            .map_err(|_| corrupt("attributes", &attributes))?,
        site_id: get::<Option<Uuid>>(row, "site_id")?.map(d::SiteId),
        client_key: get(row, "client_key")?,
    })
}

fn parse_col_channel(row: &DbRow) -> StoreResult<d::Channel> {
    let s: String = get(row, "channel")?;
    d::Channel::ALL
        .into_iter()
        .find(|c| c.as_str() == s)
        .ok_or_else(|| corrupt("channel", &s))
}

/// The id of the event that holds `item`'s client key.
async fn key_holder(conn: &mut Conn, item: &EventToStore) -> StoreResult<Option<d::EventId>> {
    let row = sqlx::query("SELECT id FROM events WHERE workspace_id = $1 AND client_key = $2")
        .bind(item.workspace_id.as_uuid())
        .bind(item.event.client_key.as_deref())
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
    row.map(|r| get::<Uuid>(&r, "id").map(d::EventId))
        .transpose()
}

/// Writes the events `items` (indexes into `batch`, no two with one key) in the caller's
/// transaction and puts their results in `results`.
async fn insert_rows(
    conn: &mut Conn,
    batch: &[EventToStore],
    items: &[usize],
    created_at: i64,
    results: &mut [Option<StoredEvent>],
) -> StoreResult<()> {
    let anonymous = This::ANONYMOUS_PARAMS;
    let mut rest = items;
    for size in chunks(items.len()) {
        let (chunk, tail) = rest.split_at(size);
        rest = tail;
        let mut query = sqlx::query(insert_sql(size, anonymous));
        for &i in chunk {
            let item = &batch[i];
            let e = &item.event;
            let attributes = if e.attributes.is_empty() {
                "{}".to_owned()
            } else {
                serde_json::to_string(&e.attributes)
                    .map_err(|err| StoreError::internal_from("encoding attributes", err))?
            };
            let (mut query_text, mut result_count, mut goal, mut value) = (None, None, None, None);
            let (mut name, mut success, mut duration_ms, mut error_kind, mut target) =
                (None, None, None, None, None);
            match &e.detail {
                EventDetail::PageView => {}
                EventDetail::Search {
                    query,
                    result_count: n,
                } => {
                    query_text = Some(query.as_str());
                    result_count = n.map(i64::from);
                }
                EventDetail::Conversion { goal: g, value: v } => {
                    goal = Some(g.as_str());
                    value = *v;
                }
                EventDetail::Task {
                    name: n,
                    success: s,
                    duration_ms: ms,
                } => {
                    name = Some(n.as_str());
                    success = Some(*s);
                    duration_ms = ms.map(|ms| i64::try_from(ms).unwrap_or(i64::MAX));
                }
                EventDetail::Error { kind } => error_kind = Some(kind.as_str()),
                EventDetail::Click { target: t } => target = Some(t.as_str()),
            }
            query = query
                .bind(item.workspace_id.as_uuid())
                .bind(e.id.as_uuid())
                .bind(e.event_type().as_str())
                .bind(to_micros(e.occurred_at))
                .bind(e.visitor_id.clone())
                .bind(e.session_id.clone())
                .bind(e.customer_id.map(|c| c.as_uuid()))
                .bind(e.url.clone())
                .bind(e.touchpoint_id.map(|t| t.as_uuid()))
                .bind(e.site_id.map(|s| s.as_uuid()))
                .bind(e.channel.as_str())
                .bind(e.locale.map(|l| l.tag()))
                .bind(attributes)
                .bind(query_text.map(str::to_owned))
                .bind(result_count)
                .bind(goal.map(str::to_owned))
                .bind(value)
                .bind(name.map(str::to_owned))
                .bind(success)
                .bind(duration_ms)
                .bind(error_kind.map(str::to_owned))
                .bind(target.map(str::to_owned))
                .bind(e.client_key.clone())
                .bind(created_at);
            results[i] = Some(StoredEvent {
                id: e.id,
                created: true,
            });
        }
        let done = query.execute(&mut *conn).await.map_err(event_write)?;
        if done.rows_affected() == size as u64 {
            continue;
        }
        for &i in chunk {
            if batch[i].event.client_key.is_none() {
                continue;
            }
            match key_holder(conn, &batch[i]).await? {
                Some(holder) if holder != batch[i].event.id => {
                    results[i] = Some(StoredEvent {
                        id: holder,
                        created: false,
                    });
                }
                Some(_) => {}
                None => {
                    return Err(StoreError::internal(
                        "an event was neither written nor found by its client key",
                    ));
                }
            }
        }
    }
    Ok(())
}

#[async_trait]
impl EventStore for This {
    async fn insert_events(&self, batch: &[EventToStore]) -> StoreResult<Vec<StoredEvent>> {
        if batch.is_empty() {
            return Ok(Vec::new());
        }
        // The first of each (workspace, key); later repeats point at it.
        let mut first: HashMap<(Uuid, &str), usize> = HashMap::new();
        let mut repeat_of: Vec<Option<usize>> = vec![None; batch.len()];
        let mut plain = Vec::new();
        let mut keyed = Vec::new();
        for (i, item) in batch.iter().enumerate() {
            match item.event.client_key.as_deref() {
                None => plain.push(i),
                Some(key) => match first.get(&(item.workspace_id.as_uuid(), key)) {
                    Some(&at) => repeat_of[i] = Some(at),
                    None => {
                        first.insert((item.workspace_id.as_uuid(), key), i);
                        keyed.push(i);
                    }
                },
            }
        }
        keyed.sort_by_key(|&i| {
            (
                batch[i].workspace_id.as_uuid(),
                batch[i].event.client_key.as_deref(),
            )
        });
        let created_at = to_micros(d::now());
        let mut results: Vec<Option<StoredEvent>> = vec![None; batch.len()];
        let mut tx = self.begin_write().await.map_err(db)?;
        insert_rows(&mut tx, batch, &plain, created_at, &mut results).await?;
        insert_rows(&mut tx, batch, &keyed, created_at, &mut results).await?;
        tx.commit().await.map_err(db)?;
        for (i, of) in repeat_of.iter().enumerate() {
            if let Some(at) = of {
                results[i] = results[*at].map(|r| StoredEvent {
                    id: r.id,
                    created: false,
                });
            }
        }
        results
            .into_iter()
            .map(|r| r.ok_or_else(|| StoreError::internal("an event of the batch has no result")))
            .collect()
    }

    async fn events_after(
        &self,
        ws: d::WorkspaceId,
        after: Option<d::EventId>,
        limit: u32,
    ) -> StoreResult<Vec<d::Event>> {
        // Served by the primary key events(workspace_id, id).
        let rows = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM events WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3"
        ))
        .bind(ws.as_uuid())
        .bind(after.map(|a| a.as_uuid()).unwrap_or(Uuid::nil()))
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(event_row).collect()
    }

    async fn latest_events(&self, ws: d::WorkspaceId, limit: u32) -> StoreResult<Vec<d::Event>> {
        // Served by the primary key, backwards.
        let rows = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM events WHERE workspace_id = $1 ORDER BY id DESC LIMIT $2"
        ))
        .bind(ws.as_uuid())
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(event_row).collect()
    }

    async fn event(&self, ws: d::WorkspaceId, id: d::EventId) -> StoreResult<d::Event> {
        let row = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM events WHERE workspace_id = $1 AND id = $2"
        ))
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        event_row(&row)
    }

    async fn event_workspaces(&self) -> StoreResult<Vec<d::WorkspaceId>> {
        let rows = sqlx::query(
            "SELECT w.id FROM workspaces w WHERE EXISTS \
             (SELECT 1 FROM events e WHERE e.workspace_id = w.id) ORDER BY w.id",
        )
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| get::<Uuid>(r, "id").map(d::WorkspaceId))
            .collect()
    }

    async fn visitor_salt(&self, day: i64, candidate: &[u8]) -> StoreResult<Vec<u8>> {
        let mut tx = self.begin_write().await.map_err(db)?;
        sqlx::query(
            "INSERT INTO visitor_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING",
        )
        .bind(day)
        .bind(candidate.to_vec())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        sqlx::query("DELETE FROM visitor_salts WHERE day < $1")
            .bind(day - 1)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let row = sqlx::query("SELECT salt FROM visitor_salts WHERE day = $1")
            .bind(day)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
        let salt: Vec<u8> = get(&row, "salt")?;
        tx.commit().await.map_err(db)?;
        Ok(salt)
    }
}
