//! "You said, we did" ([`ChangeStore`]).
//!
//! - A change and its notices are written in one transaction; the notices' primary key
//!   `(workspace_id, change_id, customer_id)` is the one-notice-per-customer rule.
//! - Sending is claimed row by row: `claim_notice` is an `UPDATE … WHERE sent_at IS NULL AND
//!   claimed_until < now`, which on PostgreSQL re-checks the row after a concurrent update,
//!   so of two nodes' workers exactly one gets each notice; `mark_notice_sent` keeps the
//!   first time (`COALESCE`).

use super::{Backend as _, DbRow, This, corrupt, db, get, opt_time, page, parse_col, time};
use super::{sql_limit, to_micros};
use async_trait::async_trait;
use taith_domain as d;
use taith_domain::contact::{ConsentSource, Purpose};
use taith_store::{
    ChangeStore, ContactStore as _, NewChange, NoticeByToken, NoticeDue, NoticeSplit, Page,
    PageRequest, StoreError, StoreResult,
};
use time::OffsetDateTime;
use uuid::Uuid;

const CHANGE: &str = include_str!("changes/change.sql");
const AUDIENCE_REQUEST: &str = include_str!("changes/audience_request.sql");
const AUDIENCE_THEME: &str = include_str!("changes/audience_theme.sql");
const AUDIENCE_ROOT_CAUSE: &str = include_str!("changes/audience_root_cause.sql");
const NOTICES_DUE: &str = include_str!("changes/notices_due.sql");
const NOTICE_SPLIT: &str = include_str!("changes/notice_split.sql");

fn count(row: &DbRow, col: &str) -> StoreResult<u64> {
    let n: i64 = get(row, col)?;
    u64::try_from(n).map_err(|_| corrupt(col, &n.to_string()))
}

fn note(row: &DbRow) -> StoreResult<d::PublicNote> {
    let s: String = get(row, "public_note")?;
    serde_json::from_str(&s).map_err(|_| corrupt("public_note", &s))
}

fn change_row(row: &DbRow) -> StoreResult<d::ChangeRecord> {
    let kind: String = get(row, "source_kind")?;
    let source = d::ChangeSource::from_stored(&kind, get(row, "source_id")?)
        .ok_or_else(|| corrupt("source_kind", &kind))?;
    Ok(d::ChangeRecord {
        id: d::ChangeId(get(row, "id")?),
        source,
        source_title: get(row, "source_title")?,
        note: note(row)?,
        created_by: get(row, "created_by")?,
        created_at: time(row, "created_at")?,
        notices: d::NoticeCounts {
            recipients: count(row, "recipients")?,
            sent: count(row, "sent")?,
            opted_out: count(row, "opted_out")?,
        },
    })
}

fn locale_col(row: &DbRow, col: &str) -> StoreResult<Option<d::Locale>> {
    match get::<Option<String>>(row, col)? {
        None => Ok(None),
        Some(s) => d::Locale::from_tag(&s)
            .map(Some)
            .ok_or_else(|| corrupt(col, &s)),
    }
}

impl This {
    async fn changes_page(
        &self,
        ws: Uuid,
        one: Option<Uuid>,
        before: Uuid,
        limit: u32,
    ) -> StoreResult<Vec<d::ChangeRecord>> {
        let rows = sqlx::query(CHANGE)
            .bind(ws)
            .bind(one)
            .bind(before)
            .bind(sql_limit(limit))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter().map(change_row).collect()
    }
}

#[async_trait]
impl ChangeStore for This {
    async fn change_audience(
        &self,
        ws: d::WorkspaceId,
        source: d::ChangeSource,
    ) -> StoreResult<Vec<d::AudienceMember>> {
        let sql = match source {
            d::ChangeSource::FeatureRequest(_) => AUDIENCE_REQUEST,
            d::ChangeSource::Theme(_) => AUDIENCE_THEME,
            d::ChangeSource::RootCause(_) => AUDIENCE_ROOT_CAUSE,
        };
        let rows = sqlx::query(sql)
            .bind(ws.as_uuid())
            .bind(source.id())
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter()
            .map(|row| {
                let opted_out = get::<Option<i64>>(row, "notices_opted_out_at")?.is_some();
                let locale = match locale_col(row, "linked_locale")? {
                    Some(l) => Some(l),
                    None => match locale_col(row, "latest_locale")? {
                        Some(l) => Some(l),
                        None => locale_col(row, "locale")?,
                    },
                };
                Ok(d::AudienceMember {
                    customer_id: d::CustomerId(get(row, "id")?),
                    has_email: get::<Option<String>>(row, "email")?.is_some(),
                    opted_out,
                    locale,
                })
            })
            .collect()
    }

    async fn create_change(
        &self,
        ws: d::WorkspaceId,
        new: &NewChange,
    ) -> StoreResult<d::ChangeRecord> {
        let wsu = ws.as_uuid();
        let id = d::ChangeId::new();
        let now = to_micros(d::now());
        let note = serde_json::to_string(&new.fields.note)
            .map_err(|e| StoreError::internal_from("encoding a public note", e))?;
        let mut tx = self.begin_write().await.map_err(db)?;
        sqlx::query(
            "INSERT INTO changes (workspace_id, id, source_kind, source_id, source_title, \
             public_note, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(wsu)
        .bind(id.as_uuid())
        .bind(new.fields.source.kind())
        .bind(new.fields.source.id())
        .bind(new.source_title.as_str())
        .bind(note)
        .bind(new.created_by.as_str())
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
            _ => db(e),
        })?;
        for (customer, locale, token) in &new.notices {
            sqlx::query(
                "INSERT INTO change_notices (workspace_id, change_id, customer_id, locale, \
                 token, created_at, claimed_until, sent_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, 0, NULL) ON CONFLICT DO NOTHING",
            )
            .bind(wsu)
            .bind(id.as_uuid())
            .bind(customer.as_uuid())
            .bind(locale.tag())
            .bind(token.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(|e| match &e {
                sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
                    StoreError::Conflict(taith_store::ConflictKind::StaleReference)
                }
                _ => db(e),
            })?;
        }
        tx.commit().await.map_err(db)?;
        self.change(ws, id).await
    }

    async fn change(&self, ws: d::WorkspaceId, id: d::ChangeId) -> StoreResult<d::ChangeRecord> {
        self.changes_page(ws.as_uuid(), Some(id.as_uuid()), Uuid::max(), 1)
            .await?
            .into_iter()
            .next()
            .ok_or(StoreError::NotFound)
    }

    async fn changes(
        &self,
        ws: d::WorkspaceId,
        page_req: PageRequest<d::ChangeId>,
    ) -> StoreResult<Page<d::ChangeRecord, d::ChangeId>> {
        let before = page_req.after.map(|a| a.as_uuid()).unwrap_or(Uuid::max());
        let items = self
            .changes_page(ws.as_uuid(), None, before, page_req.limit)
            .await?;
        Ok(page(items, page_req.limit, |c| c.id))
    }

    async fn notices_due(&self, now: OffsetDateTime, limit: u32) -> StoreResult<Vec<NoticeDue>> {
        let rows = sqlx::query(NOTICES_DUE)
            .bind(to_micros(now))
            .bind(i64::from(limit.max(1)))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter()
            .map(|row| {
                let email: String = get(row, "email")?;
                Ok(NoticeDue {
                    workspace_id: d::WorkspaceId(get(row, "workspace_id")?),
                    change_id: d::ChangeId(get(row, "change_id")?),
                    customer_id: d::CustomerId(get(row, "customer_id")?),
                    locale: parse_col(row, "locale")?,
                    token: get(row, "token")?,
                    email: d::Email::parse(&email).map_err(|_| corrupt("email", &email))?,
                    name: get::<Option<String>>(row, "name")?
                        .map(|n| d::Name::parse(&n).map_err(|_| corrupt("name", &n)))
                        .transpose()?,
                    note: note(row)?,
                })
            })
            .collect()
    }

    async fn claim_notice(
        &self,
        ws: d::WorkspaceId,
        change: d::ChangeId,
        customer: d::CustomerId,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> StoreResult<bool> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let done = sqlx::query(
            "UPDATE change_notices SET claimed_until = $1 \
             WHERE workspace_id = $2 AND change_id = $3 AND customer_id = $4 \
             AND sent_at IS NULL AND claimed_until < $5",
        )
        .bind(to_micros(until))
        .bind(ws.as_uuid())
        .bind(change.as_uuid())
        .bind(customer.as_uuid())
        .bind(to_micros(now))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(done.rows_affected() > 0)
    }

    async fn mark_notice_sent(
        &self,
        ws: d::WorkspaceId,
        change: d::ChangeId,
        customer: d::CustomerId,
        at: OffsetDateTime,
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let done = sqlx::query(
            "UPDATE change_notices SET sent_at = COALESCE(sent_at, $1) \
             WHERE workspace_id = $2 AND change_id = $3 AND customer_id = $4",
        )
        .bind(to_micros(at))
        .bind(ws.as_uuid())
        .bind(change.as_uuid())
        .bind(customer.as_uuid())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await.map_err(db)
    }

    async fn notice_by_token(&self, token: &str) -> StoreResult<NoticeByToken> {
        // Served by change_notices_by_token.
        let row = sqlx::query(
            "SELECT n.workspace_id, n.customer_id, n.locale, c.notices_opted_out_at \
             FROM change_notices n \
             JOIN customers c ON c.workspace_id = n.workspace_id AND c.id = n.customer_id \
             WHERE n.token = $1",
        )
        .bind(token)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        Ok(NoticeByToken {
            workspace_id: d::WorkspaceId(get(&row, "workspace_id")?),
            customer_id: d::CustomerId(get(&row, "customer_id")?),
            locale: parse_col(&row, "locale")?,
            opted_out: opt_time(&row, "notices_opted_out_at")?.is_some(),
        })
    }

    async fn opt_out_of_notices(&self, token: &str, at: OffsetDateTime) -> StoreResult<()> {
        let found = self.notice_by_token(token).await?;
        self.set_consent(
            found.workspace_id,
            found.customer_id,
            Purpose::Notices,
            false,
            ConsentSource::UnsubscribeLink,
            at,
        )
        .await
    }

    async fn notices_sent(
        &self,
        ws: d::WorkspaceId,
        from: OffsetDateTime,
        to: OffsetDateTime,
    ) -> StoreResult<u64> {
        // A scan of the workspace's notices (by the primary key's prefix): few per workspace.
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM change_notices \
             WHERE workspace_id = $1 AND sent_at >= $2 AND sent_at < $3",
        )
        .bind(ws.as_uuid())
        .bind(to_micros(from))
        .bind(to_micros(to))
        .fetch_one(self.pool())
        .await
        .map_err(db)?;
        count(&row, "n")
    }

    async fn notice_split(
        &self,
        ws: d::WorkspaceId,
        from: OffsetDateTime,
        to: OffsetDateTime,
    ) -> StoreResult<NoticeSplit> {
        let rows = sqlx::query(NOTICE_SPLIT)
            .bind(ws.as_uuid())
            .bind(to_micros(from))
            .bind(to_micros(to))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter()
            .map(|row| {
                let score: i64 = get(row, "score")?;
                Ok((
                    get::<i64>(row, "notified")? == 1,
                    d::SurveyId(get(row, "survey_id")?),
                    i16::try_from(score).map_err(|_| corrupt("score", &score.to_string()))?,
                    count(row, "n")?,
                ))
            })
            .collect()
    }
}
