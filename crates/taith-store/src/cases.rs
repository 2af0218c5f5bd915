//! Cases: the follow-ups themselves, their log and replies, the queue the opening rules read,
//! the workspace's SLA, root causes and opening rules, and the teams of members.

use crate::{Page, PageRequest, StoreResult};
use async_trait::async_trait;
use taith_domain::{
    Case, CaseChange, CaseEntry, CaseId, CaseReplyId, CaseRules, CaseSource, CaseStatus,
    CustomerId, FeatureRequestId, Locale, Name, ResponseId, RootCause, RootCauseId, Sla, SurveyId,
    TouchpointId, UserId, WorkspaceId,
};
use taith_text::Polarity;
use time::OffsetDateTime;

/// Who will own a new case, decided in the opening transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnerPick {
    Nobody,
    Member(UserId),
    /// The next of `candidates` in turn, by the counter `key` (a team's or the admins'): the
    /// counter is taken in the opening transaction, so two nodes never give the same turn.
    RoundRobin {
        key: String,
        candidates: Vec<UserId>,
    },
}

/// A case on its way into the store.
#[derive(Debug, Clone)]
pub struct NewCase {
    pub source: CaseSource,
    pub response_id: Option<ResponseId>,
    pub feature_request_id: Option<FeatureRequestId>,
    pub survey_id: Option<SurveyId>,
    pub customer_id: Option<CustomerId>,
    pub touchpoint_id: Option<TouchpointId>,
    pub owner: OwnerPick,
    pub opened_at: OffsetDateTime,
    pub first_action_due: OffsetDateTime,
    pub resolve_due: OffsetDateTime,
    /// The opening's log entry (its actor).
    pub actor: Option<UserId>,
    pub actor_name: String,
}

/// Which cases [`cases`](CaseStore::cases) lists.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub statuses: Vec<CaseStatus>,
    /// `Some(None)`: only unowned cases.
    pub owner: Option<Option<UserId>>,
    /// Cases owned by this member or by nobody (an agent's view).
    pub visible_to: Option<UserId>,
    pub touchpoint: Option<TouchpointId>,
    /// Only cases overdue at this moment ([`Case::overdue_at`]).
    pub overdue_at: Option<OffsetDateTime>,
    /// Only cases opened in `[from, to)`.
    pub opened: Option<(OffsetDateTime, OffsetDateTime)>,
}

/// What one change sets; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct CaseUpdate {
    pub status: Option<CaseStatus>,
    pub owner: Option<Option<UserId>>,
    pub root_cause: Option<Option<RootCauseId>>,
    /// Sets `first_action_at` when it is still empty.
    pub first_action_at: Option<OffsetDateTime>,
    /// `Some(None)` reopens (clears it).
    pub closed_at: Option<Option<OffsetDateTime>>,
    /// A reply to store with the change, for the mail worker.
    pub reply: Option<NewCaseReply>,
    /// When the change happened, for its log entries and `updated_at`; None: now. Only a
    /// history being written (the demo) sets it.
    pub at: Option<OffsetDateTime>,
}

/// A reply on its way to the customer.
#[derive(Debug, Clone)]
pub struct NewCaseReply {
    pub id: CaseReplyId,
    pub body: String,
    pub locale: Locale,
    pub to_email: String,
    pub to_name: Option<String>,
}

/// A stored reply.
#[derive(Debug, Clone)]
pub struct CaseReply {
    pub workspace_id: WorkspaceId,
    pub id: CaseReplyId,
    pub case_id: CaseId,
    pub case_number: i64,
    pub body: String,
    pub locale: Locale,
    pub to_email: String,
    pub to_name: Option<String>,
    pub created_at: OffsetDateTime,
    pub sent_at: Option<OffsetDateTime>,
}

/// A response the opening rules have to look at.
#[derive(Debug, Clone)]
pub struct CasePending {
    pub workspace_id: WorkspaceId,
    pub response_id: ResponseId,
    pub queued_at: i64,
    /// The comment's sentiment, when it has been read.
    pub sentiment: Option<Polarity>,
}

/// A workspace's cases and their settings.
#[async_trait]
pub trait CaseStore: Send + Sync {
    /// Opens a case: takes its number and (for a round robin) its owner's turn, writes it and
    /// its opening entry, all in one transaction. `Ok(None)` when the response already has a
    /// case (the unique rule held; nothing was written).
    async fn open_case(&self, ws: WorkspaceId, new: &NewCase) -> StoreResult<Option<Case>>;

    async fn case(&self, ws: WorkspaceId, id: CaseId) -> StoreResult<Case>;

    /// The case opened from a response, if any.
    async fn case_of_response(
        &self,
        ws: WorkspaceId,
        response: ResponseId,
    ) -> StoreResult<Option<Case>>;

    /// The workspace's cases matching `filter`, newest first (by id, descending).
    async fn cases(
        &self,
        ws: WorkspaceId,
        filter: &CaseFilter,
        page: PageRequest<CaseId>,
    ) -> StoreResult<Page<Case, CaseId>>;

    /// Applies `update` to the case if it is still at `version`, bumps the version and
    /// appends `entries` to its log, in one transaction. `Conflict(StaleVersion)`: someone
    /// else changed it since it was read; `Conflict(StaleReference)`: the root cause is not
    /// one of the workspace's.
    async fn update_case(
        &self,
        ws: WorkspaceId,
        id: CaseId,
        version: i64,
        update: &CaseUpdate,
        entries: &[(Option<UserId>, String, CaseChange)],
    ) -> StoreResult<Case>;

    /// The case's log, oldest first.
    async fn case_log(&self, ws: WorkspaceId, id: CaseId) -> StoreResult<Vec<CaseEntry>>;

    /// The case's replies, oldest first.
    async fn case_replies(&self, ws: WorkspaceId, id: CaseId) -> StoreResult<Vec<CaseReply>>;

    /// Up to `limit` unsent replies, each claimed until `lease_until` (another node skips a
    /// claimed one until then).
    async fn claim_case_replies(
        &self,
        now: OffsetDateTime,
        lease_until: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<CaseReply>>;

    /// Records a reply as taken by the SMTP server.
    async fn mark_case_reply_sent(
        &self,
        ws: WorkspaceId,
        id: CaseReplyId,
        at: OffsetDateTime,
    ) -> StoreResult<()>;

    /// The oldest queued responses, across workspaces.
    async fn case_pending(&self, limit: u32) -> StoreResult<Vec<CasePending>>;

    /// Takes the entries off the queue, each only if it was not queued again since.
    async fn forget_case_pending(&self, done: &[(WorkspaceId, ResponseId, i64)])
    -> StoreResult<()>;

    /// The workspace's SLA (the default when never set).
    async fn case_sla(&self, ws: WorkspaceId) -> StoreResult<Sla>;
    async fn set_case_sla(&self, ws: WorkspaceId, sla: &Sla) -> StoreResult<()>;

    /// The root causes, listed ones in order, then archived ones.
    async fn root_causes(&self, ws: WorkspaceId) -> StoreResult<Vec<RootCause>>;

    /// Makes `names` the list: a name already there (case-insensitive) keeps its id, a new one
    /// gets one, and causes left out are archived.
    async fn set_root_causes(&self, ws: WorkspaceId, names: &[Name])
    -> StoreResult<Vec<RootCause>>;

    /// Every survey's rules that differ from the default.
    async fn case_rules(&self, ws: WorkspaceId) -> StoreResult<Vec<(SurveyId, CaseRules)>>;

    /// NotFound: no such survey.
    async fn set_case_rules(
        &self,
        ws: WorkspaceId,
        survey: SurveyId,
        rules: CaseRules,
    ) -> StoreResult<()>;

    /// Every member's teams, as `(member, team)`.
    async fn member_teams(&self, ws: WorkspaceId) -> StoreResult<Vec<(UserId, Name)>>;

    /// Replaces a member's teams. NotFound: not a member.
    async fn set_member_teams(
        &self,
        ws: WorkspaceId,
        user: UserId,
        teams: &[Name],
    ) -> StoreResult<()>;
}
