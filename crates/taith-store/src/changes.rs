//! "You said, we did": recorded changes, the notices to the customers behind them, and
//! customers' opt-out of notices.

use crate::{Page, PageRequest, StoreResult};
use async_trait::async_trait;
use taith_domain::{
    AudienceMember, ChangeFields, ChangeId, ChangeRecord, ChangeSource, CustomerId, Email, Locale,
    Name, PublicNote, SurveyId, WorkspaceId,
};
use time::OffsetDateTime;

/// A change on its way into the store, with the notices it makes.
#[derive(Debug, Clone)]
pub struct NewChange {
    pub fields: ChangeFields,
    pub source_title: String,
    pub created_by: String,
    /// One notice per customer: `(customer, language, opt-out token)`.
    pub notices: Vec<(CustomerId, Locale, String)>,
}

/// A notice the worker should send.
#[derive(Debug, Clone)]
pub struct NoticeDue {
    pub workspace_id: WorkspaceId,
    pub change_id: ChangeId,
    pub customer_id: CustomerId,
    pub locale: Locale,
    pub token: String,
    pub email: Email,
    pub name: Option<Name>,
    pub note: PublicNote,
}

/// A notice found by its opt-out token.
#[derive(Debug, Clone)]
pub struct NoticeByToken {
    pub workspace_id: WorkspaceId,
    pub customer_id: CustomerId,
    pub locale: Locale,
    pub opted_out: bool,
}

/// NPS-survey responses of known customers counted by whether the customer has been sent a
/// notice: `(notified, survey, score, count)`.
pub type NoticeSplit = Vec<(bool, SurveyId, i16, u64)>;

#[async_trait]
pub trait ChangeStore: Send + Sync {
    /// The customers behind a source: a feature request's linked comments' customers and
    /// its customer voters; a theme's mentioning responses' customers. By customer id.
    async fn change_audience(
        &self,
        ws: WorkspaceId,
        source: ChangeSource,
    ) -> StoreResult<Vec<AudienceMember>>;

    /// Stores a change and its notices in one transaction. NotFound: no such workspace.
    async fn create_change(&self, ws: WorkspaceId, new: &NewChange) -> StoreResult<ChangeRecord>;

    /// One change with its notice counts.
    async fn change(&self, ws: WorkspaceId, id: ChangeId) -> StoreResult<ChangeRecord>;

    /// The workspace's changes, newest first, with their notice counts.
    async fn changes(
        &self,
        ws: WorkspaceId,
        page: PageRequest<ChangeId>,
    ) -> StoreResult<Page<ChangeRecord, ChangeId>>;

    /// Up to `limit` notices of every workspace not sent yet, not held by a worker at `now`,
    /// to customers with an e-mail address who have not opted out, oldest first.
    async fn notices_due(&self, now: OffsetDateTime, limit: u32) -> StoreResult<Vec<NoticeDue>>;

    /// Holds an unsent notice for this worker until `until`, if nobody holds it at `now`:
    /// true when this worker got it (another node's worker then gets false).
    async fn claim_notice(
        &self,
        ws: WorkspaceId,
        change: ChangeId,
        customer: CustomerId,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> StoreResult<bool>;

    /// Records that the SMTP server took the notice (kept from the first time).
    async fn mark_notice_sent(
        &self,
        ws: WorkspaceId,
        change: ChangeId,
        customer: CustomerId,
        at: OffsetDateTime,
    ) -> StoreResult<()>;

    /// The notice whose opt-out link carries `token`.
    async fn notice_by_token(&self, token: &str) -> StoreResult<NoticeByToken>;

    /// The customer of the notice with `token` wants no more notices (kept from the first
    /// time).
    async fn opt_out_of_notices(&self, token: &str, at: OffsetDateTime) -> StoreResult<()>;

    /// Notices sent in `[from, to)`.
    async fn notices_sent(
        &self,
        ws: WorkspaceId,
        from: OffsetDateTime,
        to: OffsetDateTime,
    ) -> StoreResult<u64>;

    /// Responses of known customers submitted in `[from, to)`, split by whether the customer
    /// has been sent a notice (at any time).
    async fn notice_split(
        &self,
        ws: WorkspaceId,
        from: OffsetDateTime,
        to: OffsetDateTime,
    ) -> StoreResult<NoticeSplit>;
}
