//! The audit log (issue 15): who changed what, and who read personal data in bulk, in a
//! workspace. Every edge records through [`record`] — the web layer for every request that
//! changes something or reads personal data in bulk (`taith_web::audit::layer`), the CLI for
//! its commands — and owners read it through [`page`] and [`export_csv`].
//!
//! Entries are only added: the store has no method to change one and both databases refuse an
//! UPDATE. They are removed only by age, per the workspace's [`AuditRetention`], by
//! [`prune_in_background`] (idempotent, so several nodes may run it at once).

use std::time::Duration;
use taith_domain::{
    Actor, AuditEntry, AuditEntryId, AuditRetention, Period, ValidationErrors, WorkspaceId,
    csv::defang,
};
use taith_store::{AuditQuery, SharedStore, Store, StoreError};
use time::OffsetDateTime;

/// Entries per page of the log.
pub const PAGE: u32 = 100;

/// How often the retention rule runs.
const EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// What happened, before it is stamped with an id and a time.
#[derive(Debug, Clone)]
pub struct Action {
    pub actor: Actor,
    pub address: Option<String>,
    pub method: String,
    pub action: String,
    pub target: String,
    pub status: u16,
}

/// Adds `action` to the workspace's log, stamped now.
pub async fn record(store: &dyn Store, ws: WorkspaceId, action: Action) -> Result<(), StoreError> {
    let entry = AuditEntry {
        id: AuditEntryId::new(),
        at: taith_domain::now(),
        actor: action.actor,
        address: action.address,
        method: action.method,
        action: action.action,
        target: action.target,
        status: action.status,
    };
    store.append_audit(ws, &entry).await
}

/// One page of the log in `period`, newest first, after `before` (the last entry of the
/// previous page). The next page starts after the last entry when the page is full.
pub async fn page(
    store: &dyn Store,
    ws: WorkspaceId,
    period: &Period,
    before: Option<(OffsetDateTime, AuditEntryId)>,
) -> Result<Vec<AuditEntry>, StoreError> {
    let (from, to) = period.utc_range();
    store
        .audit_entries(
            ws,
            &AuditQuery {
                from,
                to,
                before,
                limit: PAGE,
            },
        )
        .await
}

const CSV_HEADER: [&str; 9] = [
    "at",
    "actor_kind",
    "actor_id",
    "actor",
    "address",
    "method",
    "action",
    "target",
    "status",
];

/// The whole log in `period` as CSV, newest first (formula cells defanged).
pub async fn export_csv(
    store: &dyn Store,
    ws: WorkspaceId,
    period: &Period,
) -> Result<String, StoreError> {
    let fail = |e: csv::Error| StoreError::internal_from("writing the audit log CSV", e);
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(CSV_HEADER).map_err(fail)?;
    let mut before = None;
    loop {
        let entries = page(store, ws, period, before).await?;
        for e in &entries {
            let at =
                e.at.format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default();
            out.write_record([
                at.as_str(),
                e.actor.kind.code(),
                e.actor.id.as_deref().unwrap_or_default(),
                &defang(&e.actor.label),
                e.address.as_deref().unwrap_or_default(),
                &e.method,
                &defang(&e.action),
                &defang(&e.target),
                &e.status.to_string(),
            ])
            .map_err(fail)?;
        }
        match entries.last() {
            Some(last) if entries.len() == PAGE as usize => before = Some((last.at, last.id)),
            _ => break,
        }
    }
    let bytes = out
        .into_inner()
        .map_err(|e| StoreError::internal_from("writing the audit log CSV", e.into_error()))?;
    String::from_utf8(bytes)
        .map_err(|e| StoreError::internal_from("the audit log CSV is not UTF-8", e))
}

/// How long the workspace keeps its log.
pub async fn retention(store: &dyn Store, ws: WorkspaceId) -> Result<AuditRetention, StoreError> {
    store.audit_retention(ws).await
}

/// Why the retention could not be set.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Sets how long the workspace keeps its log, from the months as typed; entries past it go at
/// the next daily run.
pub async fn set_retention(
    store: &dyn Store,
    ws: WorkspaceId,
    months: &str,
) -> Result<AuditRetention, AuditError> {
    let retention = AuditRetention::parse_field(months)?;
    store.set_audit_retention(ws, retention).await?;
    Ok(retention)
}

/// Runs [`prune`] now and then daily.
pub fn prune_in_background(store: SharedStore) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            prune(&store, taith_domain::now()).await;
        }
    });
}

/// Removes, in every workspace, the entries older than it keeps them at `now`. Failures are
/// logged; the next run tries again. Answers how many entries went.
pub async fn prune(store: &SharedStore, now: OffsetDateTime) -> u64 {
    let workspaces = match store.all_workspaces().await {
        Ok(w) => w,
        Err(e) => {
            tracing::warn!(
                error = &e as &dyn std::error::Error,
                "cannot list workspaces to prune the audit log"
            );
            return 0;
        }
    };
    let mut pruned = 0;
    for w in workspaces {
        let result = match store.audit_retention(w.id).await {
            Ok(r) => store.prune_audit(w.id, r.cutoff(now)).await,
            Err(e) => Err(e),
        };
        match result {
            Ok(n) => pruned += n,
            Err(e) => tracing::warn!(
                error = &e as &dyn std::error::Error,
                workspace = %w.id,
                "cannot prune the audit log"
            ),
        }
    }
    pruned
}
