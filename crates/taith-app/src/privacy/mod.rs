//! Data subject requests and data retention (issue 15, docs/privacy.md). Every edge — the
//! customer's page, the API, the CLI — finds, exports and erases a customer through these
//! functions, and the daily [`expire_in_background`] applies each workspace's
//! [`DataRetention`].
//!
//! - An **export** is one JSON document of everything held about the customer, by kind.
//! - An **erasure** runs in one store transaction (all or nothing, so a rerun after a crash
//!   completes it). Answers, events, conversations and cases stay as anonymous records, so
//!   the survey scores, web figures and inbox figures of past periods do not change; what the
//!   customer wrote, their address, name and ids go. The sentiment models of the workspace
//!   are deleted with their comments and learned again from the comments left.

use serde_json::{Map, Value, json};
use std::time::Duration;
use taith_domain::{CustomerId, DataRetention, Email, Issue, ValidationErrors, WorkspaceId};
use taith_store::{Customer, Erasure, SharedStore, Store, StoreError};
use time::OffsetDateTime;

/// The format an export names, for whoever reads it later.
pub const EXPORT_FORMAT: &str = "taith-customer-export/1";
/// How often the retention rule runs.
const EVERY: Duration = Duration::from_secs(24 * 60 * 60);
/// Most records of each kind one retention transaction deletes.
const BATCH: u32 = 1_000;

/// Why a request about a customer failed.
#[derive(Debug, thiserror::Error)]
pub enum PrivacyError {
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The workspace's customer with the address typed in `email` (field `email`). NotFound (as
/// `Store`): no customer has it.
pub async fn find_by_email(
    store: &dyn Store,
    ws: WorkspaceId,
    email: &str,
) -> Result<Customer, PrivacyError> {
    let email = match email.trim() {
        "" => return Err(ValidationErrors::one("email", Issue::Required).into()),
        e => Email::parse(e).map_err(|issue| ValidationErrors::one("email", issue))?,
    };
    Ok(store.customer_by_email(ws, &email).await?)
}

/// Everything held about a customer as one JSON document:
/// `{"format", "exported_at", "customer": {…}, "records": {"responses": […], …}}`.
/// NotFound: no such customer in the workspace.
pub async fn export(
    store: &dyn Store,
    ws: WorkspaceId,
    customer: CustomerId,
) -> Result<Value, StoreError> {
    let kinds = store.customer_records(ws, customer).await?;
    let mut profile = Value::Null;
    let mut records = Map::new();
    for k in kinds {
        if k.kind == "customer" {
            profile = k.rows.into_iter().next().unwrap_or(Value::Null);
        } else {
            records.insert(k.kind.to_owned(), Value::Array(k.rows));
        }
    }
    let at = taith_domain::now()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    Ok(json!({
        "format": EXPORT_FORMAT,
        "exported_at": at,
        "customer": profile,
        "records": records,
    }))
}

/// Erases a customer (see the module's documentation). NotFound: no such customer in the
/// workspace, or erased already.
pub async fn erase(
    store: &dyn Store,
    ws: WorkspaceId,
    customer: CustomerId,
) -> Result<Erasure, StoreError> {
    let done = store.erase_customer(ws, customer).await?;
    tracing::info!(
        workspace = %ws,
        responses = done.responses_anonymised,
        comments = done.comments_erased,
        events = done.events_anonymised,
        conversations = done.conversations_anonymised,
        cases = done.cases_anonymised,
        deleted = done.rows_deleted,
        "customer erased"
    );
    Ok(done)
}

/// [`erase`] once the person asking confirmed it cannot be undone (the page's box; the API's
/// DELETE is its own confirmation). Another workspace's customer is NotFound whether or not it
/// was confirmed; unconfirmed, the field `confirm` is required and nothing happens.
pub async fn erase_confirmed(
    store: &dyn Store,
    ws: WorkspaceId,
    customer: CustomerId,
    confirmed: bool,
) -> Result<Erasure, PrivacyError> {
    store.customer(ws, customer).await?;
    if !confirmed {
        return Err(ValidationErrors::one("confirm", Issue::Required).into());
    }
    Ok(erase(store, ws, customer).await?)
}

/// How long the workspace keeps responses, events and conversations.
pub async fn retention(store: &dyn Store, ws: WorkspaceId) -> Result<DataRetention, StoreError> {
    store.data_retention(ws).await
}

/// Sets it from the months as typed (empty: for good); records past it go at the next daily
/// run.
pub async fn set_retention(
    store: &dyn Store,
    ws: WorkspaceId,
    months: &str,
) -> Result<DataRetention, PrivacyError> {
    let retention = DataRetention::parse_field(months)?;
    store.set_data_retention(ws, retention).await?;
    Ok(retention)
}

/// What a retention run removed in all workspaces.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Expiry {
    pub responses: u64,
    pub events: u64,
    pub conversations: u64,
}

/// Runs [`expire`] now and then daily, on every node (it is idempotent).
pub fn expire_in_background(app: crate::App) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            expire(
                &app.store,
                &app.analytics,
                &app.webstats,
                taith_domain::now(),
            )
            .await;
        }
    });
}

/// Deletes, in every workspace that keeps data for a limited time, the responses, events and
/// conversations older than it keeps them at `now`, in batches. The analytics indexes stop
/// counting the responses (this node's now, the others' through the deletion log); this
/// node's event index is rebuilt, as every node's is after its own run. Failures are logged;
/// the next run tries again.
pub async fn expire(
    store: &SharedStore,
    analytics: &crate::metrics::Analytics,
    webstats: &crate::webstats::WebStats,
    now: OffsetDateTime,
) -> Expiry {
    let mut total = Expiry::default();
    let workspaces = match store.all_workspaces().await {
        Ok(w) => w,
        Err(e) => {
            tracing::warn!(
                error = &e as &dyn std::error::Error,
                "cannot list workspaces to apply data retention"
            );
            return total;
        }
    };
    for w in workspaces {
        match expire_workspace(store.as_ref(), analytics, w.id, now).await {
            Ok(done) => {
                if done.events > 0 {
                    webstats.rebuild(w.id).await;
                }
                if done != Expiry::default() {
                    tracing::info!(
                        workspace = %w.id,
                        responses = done.responses,
                        events = done.events,
                        conversations = done.conversations,
                        "data retention: removed records past keeping"
                    );
                }
                total.responses += done.responses;
                total.events += done.events;
                total.conversations += done.conversations;
            }
            Err(e) => tracing::warn!(
                error = &e as &dyn std::error::Error,
                workspace = %w.id,
                "cannot apply data retention"
            ),
        }
    }
    total
}

async fn expire_workspace(
    store: &dyn Store,
    analytics: &crate::metrics::Analytics,
    ws: WorkspaceId,
    now: OffsetDateTime,
) -> Result<Expiry, StoreError> {
    let mut done = Expiry::default();
    let Some(before) = store.data_retention(ws).await?.cutoff(now) else {
        return Ok(done);
    };
    loop {
        let batch = store.expire_before(ws, before, BATCH).await?;
        analytics.forget(ws, &batch.responses).await;
        let responses = batch.responses.len() as u64;
        done.responses += responses;
        done.events += batch.events;
        done.conversations += batch.conversations;
        let full = u64::from(BATCH);
        if responses < full && batch.events < full && batch.conversations < full {
            return Ok(done);
        }
    }
}
