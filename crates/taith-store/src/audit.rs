//! The audit log: entries are added and read, never changed. The only removal is the
//! retention rule's, by age.

use crate::StoreResult;
use async_trait::async_trait;
use taith_domain::{AuditEntry, AuditEntryId, AuditRetention, WorkspaceId};
use time::OffsetDateTime;

/// A page of the audit log: entries in `[from, to)`, newest first, after `before` (the last
/// entry of the previous page), at most `limit`.
#[derive(Debug, Clone)]
pub struct AuditQuery {
    pub from: OffsetDateTime,
    pub to: OffsetDateTime,
    pub before: Option<(OffsetDateTime, AuditEntryId)>,
    pub limit: u32,
}

#[async_trait]
pub trait AuditStore: Send + Sync {
    /// Adds an entry. There is no method that changes or deletes one (the databases refuse an
    /// UPDATE too), apart from [`AuditStore::prune_audit`]'s removal by age.
    async fn append_audit(&self, ws: WorkspaceId, entry: &AuditEntry) -> StoreResult<()>;

    async fn audit_entries(
        &self,
        ws: WorkspaceId,
        query: &AuditQuery,
    ) -> StoreResult<Vec<AuditEntry>>;

    /// How long the workspace keeps its audit log (the default when never set).
    async fn audit_retention(&self, ws: WorkspaceId) -> StoreResult<AuditRetention>;

    async fn set_audit_retention(
        &self,
        ws: WorkspaceId,
        retention: AuditRetention,
    ) -> StoreResult<()>;

    /// Removes the workspace's entries recorded before `before`; answers how many.
    async fn prune_audit(&self, ws: WorkspaceId, before: OffsetDateTime) -> StoreResult<u64>;
}
