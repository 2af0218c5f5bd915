//! Invitations to surveys and their outbox ([`InvitationStore`]).
//!
//! - `create_invitations` takes the workspace lock ([`Backend::lock_workspace`]) so that two
//!   concurrent invitations of one customer queue, and the second is throttled by the first.
//!   Customers are found or created by the rule of `upsert_customer`; a lost race retries the
//!   whole batch.
//! - `mark_mailed` and `unsubscribe` keep the first time (`COALESCE`): retries are harmless.
//!   `unsubscribe` withdraws consent for every purpose (see `contact.rs`).
//!
//! [`Backend::lock_workspace`]: super::Backend::lock_workspace

use super::customers::upsert_customer_in;
use super::{
    Backend as _, Conn, DbRow, This, corrupt, db, get, opt_time, parse_col, sql_limit, time,
    to_micros,
};
use async_trait::async_trait;
use taith_domain as d;
use taith_domain::contact::{ConsentSource, Purpose};
use taith_store::{
    ContactStore as _, InvitationCounts, InvitationStore, MailDue, NewInvitation, StoreError,
    StoreResult,
};
use time::OffsetDateTime;
use uuid::Uuid;

/// An invitation from a row of `invitations` (columns `id` … `reminded_at`).
pub(super) fn invitation_row(row: &DbRow) -> StoreResult<d::invitation::Invitation> {
    let days: i64 = get(row, "reminder_days")?;
    Ok(d::invitation::Invitation {
        id: d::InvitationId(get(row, "id")?),
        survey_id: d::SurveyId(get(row, "survey_id")?),
        customer_id: d::CustomerId(get(row, "customer_id")?),
        locale: parse_col::<d::Locale>(row, "locale")?,
        created_at: time(row, "created_at")?,
        sent_at: opt_time(row, "sent_at")?,
        reminder_days: u16::try_from(days)
            .map_err(|_| corrupt("reminder_days", &days.to_string()))?,
        reminded_at: opt_time(row, "reminded_at")?,
    })
}

/// Why `customer` may not be invited to `survey` now, if there is a reason.
async fn invitation_refused(
    conn: &mut Conn,
    ws: Uuid,
    survey: Uuid,
    customer: Uuid,
    not_since: i64,
) -> StoreResult<Option<d::invitation::Skipped>> {
    let row =
        sqlx::query("SELECT unsubscribed_at FROM customers WHERE workspace_id = $1 AND id = $2")
            .bind(ws)
            .bind(customer)
            .fetch_one(&mut *conn)
            .await
            .map_err(db)?;
    if get::<Option<i64>>(&row, "unsubscribed_at")?.is_some() {
        return Ok(Some(d::invitation::Skipped::Unsubscribed));
    }
    // Served by invitations(workspace_id, survey_id, customer_id, created_at).
    let invited = sqlx::query(
        "SELECT id FROM invitations WHERE workspace_id = $1 AND survey_id = $2 \
         AND customer_id = $3 AND created_at >= $4 LIMIT 1",
    )
    .bind(ws)
    .bind(survey)
    .bind(customer)
    .bind(not_since)
    .fetch_optional(&mut *conn)
    .await
    .map_err(db)?;
    // Served by responses(workspace_id, survey_id, customer_id, submitted_at).
    let answered = sqlx::query(
        "SELECT id FROM responses WHERE workspace_id = $1 AND survey_id = $2 \
         AND customer_id = $3 AND submitted_at >= $4 LIMIT 1",
    )
    .bind(ws)
    .bind(survey)
    .bind(customer)
    .bind(not_since)
    .fetch_optional(&mut *conn)
    .await
    .map_err(db)?;
    // A "you said, we did" notice is contact too (taith_app::changes). Served by
    // change_notices_by_customer.
    let noticed = sqlx::query(
        "SELECT change_id FROM change_notices WHERE workspace_id = $1 \
         AND customer_id = $2 AND sent_at >= $3 LIMIT 1",
    )
    .bind(ws)
    .bind(customer)
    .bind(not_since)
    .fetch_optional(&mut *conn)
    .await
    .map_err(db)?;
    Ok(
        (invited.is_some() || answered.is_some() || noticed.is_some())
            .then_some(d::invitation::Skipped::Throttled),
    )
}

#[async_trait]
impl InvitationStore for This {
    async fn create_invitations(
        &self,
        ws: d::WorkspaceId,
        survey: d::SurveyId,
        invitees: &[NewInvitation],
        not_since: OffsetDateTime,
        fallback_locale: d::Locale,
    ) -> StoreResult<Vec<d::invitation::InviteOutcome>> {
        use d::invitation::InviteOutcome;
        let (wsu, survey) = (ws.as_uuid(), survey.as_uuid());
        let not_since = to_micros(not_since);
        'attempt: for _ in 0..3 {
            let mut tx = self.begin_write().await.map_err(db)?;
            // Two concurrent invitations of one customer wait for each other, so
            // the second sees the first and is throttled.
            This::lock_workspace(&mut tx, wsu).await.map_err(db)?;
            let there = sqlx::query("SELECT id FROM surveys WHERE workspace_id = $1 AND id = $2")
                .bind(wsu)
                .bind(survey)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
            if there.is_none() {
                return Err(StoreError::NotFound);
            }
            let created_at = to_micros(d::now());
            let mut outcomes = Vec::with_capacity(invitees.len());
            for new in invitees {
                let Some(customer) = upsert_customer_in(&mut tx, wsu, &new.customer).await? else {
                    // Lost a race to a concurrent writer (PostgreSQL): start over.
                    continue 'attempt;
                };
                let cid = customer.id.as_uuid();
                if let Some(why) = invitation_refused(&mut tx, wsu, survey, cid, not_since).await? {
                    outcomes.push(InviteOutcome::Skipped(why));
                    continue;
                }
                let locale = customer.locale.unwrap_or(fallback_locale);
                sqlx::query(
                    "INSERT INTO invitations (workspace_id, id, survey_id, \
                     customer_id, token, locale, reminder_days, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(wsu)
                .bind(new.id.as_uuid())
                .bind(survey)
                .bind(cid)
                .bind(new.token.as_str())
                .bind(locale.tag())
                .bind(i64::from(new.reminder_days))
                .bind(created_at)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
                outcomes.push(InviteOutcome::Invited(new.id));
            }
            tx.commit().await.map_err(db)?;
            return Ok(outcomes);
        }
        Err(StoreError::internal(
            "create_invitations lost three races in a row",
        ))
    }

    async fn invitation_by_token(
        &self,
        token: &str,
    ) -> StoreResult<(d::WorkspaceId, d::invitation::Invitation)> {
        // Served by the unique index on invitations(token).
        let row = sqlx::query(
            "SELECT workspace_id, id, survey_id, customer_id, locale, reminder_days, \
             created_at, sent_at, reminded_at FROM invitations WHERE token = $1",
        )
        .bind(token)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        Ok((
            d::WorkspaceId(get(&row, "workspace_id")?),
            invitation_row(&row)?,
        ))
    }

    async fn mail_due(&self, now: OffsetDateTime, limit: u32) -> StoreResult<Vec<MailDue>> {
        let unsent = sqlx::query(include_str!("invitations/mail_due_unsent.sql"))
            .bind(to_micros(now))
            .bind(sql_limit(limit))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        let reminders = sqlx::query(include_str!("invitations/mail_due_reminders.sql"))
            .bind(to_micros(now))
            .bind(sql_limit(limit))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        let kinds = unsent
            .iter()
            .map(|r| (r, d::invitation::MailKind::Invitation))
            .chain(
                reminders
                    .iter()
                    .map(|r| (r, d::invitation::MailKind::Reminder)),
            );
        kinds
            .take(usize::try_from(limit).unwrap_or(usize::MAX))
            .map(|(row, kind)| {
                let email: String = get(row, "email")?;
                Ok(MailDue {
                    workspace_id: d::WorkspaceId(get(row, "workspace_id")?),
                    invitation: invitation_row(row)?,
                    token: get(row, "token")?,
                    kind,
                    email: d::Email::parse(&email).map_err(|_| corrupt("email", &email))?,
                    name: get::<Option<String>>(row, "name")?
                        .map(|n| d::Name::parse(&n).map_err(|_| corrupt("name", &n)))
                        .transpose()?,
                })
            })
            .collect()
    }

    async fn claim_mail(
        &self,
        ws: d::WorkspaceId,
        id: d::InvitationId,
        kind: d::invitation::MailKind,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> StoreResult<bool> {
        // The UPDATE re-checks its WHERE after a concurrent one commits (PostgreSQL) or runs
        // alone (SQLite's one writer): two nodes cannot both see the claim as free.
        let sql = match kind {
            d::invitation::MailKind::Invitation => {
                "UPDATE invitations SET mail_claimed_until = $1 \
                 WHERE workspace_id = $2 AND id = $3 AND sent_at IS NULL \
                 AND mail_claimed_until < $4"
            }
            d::invitation::MailKind::Reminder => {
                "UPDATE invitations SET mail_claimed_until = $1 \
                 WHERE workspace_id = $2 AND id = $3 AND reminded_at IS NULL \
                 AND mail_claimed_until < $4"
            }
        };
        let mut tx = self.begin_write().await.map_err(db)?;
        let done = sqlx::query(sql)
            .bind(to_micros(until))
            .bind(ws.as_uuid())
            .bind(id.as_uuid())
            .bind(to_micros(now))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(done.rows_affected() > 0)
    }

    async fn mark_mailed(
        &self,
        ws: d::WorkspaceId,
        id: d::InvitationId,
        kind: d::invitation::MailKind,
        at: OffsetDateTime,
    ) -> StoreResult<()> {
        let sql = match kind {
            d::invitation::MailKind::Invitation => {
                "UPDATE invitations SET sent_at = COALESCE(sent_at, $1) \
                 WHERE workspace_id = $2 AND id = $3"
            }
            d::invitation::MailKind::Reminder => {
                "UPDATE invitations SET reminded_at = COALESCE(reminded_at, $1) \
                 WHERE workspace_id = $2 AND id = $3"
            }
        };
        let mut tx = self.begin_write().await.map_err(db)?;
        let done = sqlx::query(sql)
            .bind(to_micros(at))
            .bind(ws.as_uuid())
            .bind(id.as_uuid())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await.map_err(db)
    }

    async fn skip_mail(
        &self,
        ws: d::WorkspaceId,
        id: d::InvitationId,
        reason: d::contact::Reason,
        at: OffsetDateTime,
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        sqlx::query(
            "UPDATE invitations SET skipped_at = COALESCE(skipped_at, $1), \
             skip_reason = COALESCE(skip_reason, $2) WHERE workspace_id = $3 AND id = $4",
        )
        .bind(to_micros(at))
        .bind(reason.code())
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn unsubscribe(
        &self,
        ws: d::WorkspaceId,
        customer: d::CustomerId,
        at: OffsetDateTime,
    ) -> StoreResult<()> {
        // No more e-mails from the workspace: consent withdrawn for every purpose.
        for purpose in Purpose::ALL {
            self.set_consent(
                ws,
                customer,
                purpose,
                false,
                ConsentSource::UnsubscribeLink,
                at,
            )
            .await?;
        }
        Ok(())
    }

    async fn invitation_counts(
        &self,
        ws: d::WorkspaceId,
        survey: d::SurveyId,
    ) -> StoreResult<InvitationCounts> {
        let row = sqlx::query(include_str!("invitations/invitation_counts.sql"))
            .bind(ws.as_uuid())
            .bind(survey.as_uuid())
            .fetch_one(self.pool())
            .await
            .map_err(db)?;
        let count = |col: &str| -> StoreResult<u64> {
            let n: i64 = get(&row, col)?;
            Ok(u64::try_from(n).unwrap_or(0))
        };
        Ok(InvitationCounts {
            invited: count("invited")?,
            sent: count("sent")?,
            reminded: count("reminded")?,
            answered: count("answered")?,
            unsubscribed: count("unsubscribed")?,
            skipped: count("skipped")?,
        })
    }
}
