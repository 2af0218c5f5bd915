//! The `Store` trait: everything taith keeps, as purpose-shaped operations.
//!
//! Two implementations exist, `taith-store-sqlite` (the embedded default) and
//! `taith-store-postgres` (production). Every method that touches tenant data takes the
//! [`WorkspaceId`] first and scopes its query by it, so another workspace's id is simply
//! [`StoreError::NotFound`]. Both run the same behaviour suite (`crates/taith/tests/it/store.rs`).

pub mod bench;
pub mod sql_impl;
pub mod survey_files;
pub mod transfer;
#[doc(hidden)]
pub use sql_impl::__private;

use async_trait::async_trait;
use std::path::Path;
use std::sync::Arc;
use taith_domain::invitation::{Invitation, InviteOutcome, MailKind};
use taith_domain::journey::Revision;
use taith_domain::survey::Answer;
use taith_domain::{
    CustomerId, Email, InvitationId, Journey, JourneyId, JourneySummary, Locale, LongText, Member,
    Name, NewResponse, Persona, PersonaFields, PersonaId, ResponseId, Role, Slug, Survey,
    SurveyFields, SurveyId, TokenId, TokenScope, TouchpointId, User, UserId, Workspace,
    WorkspaceId, journey::Change,
};
use time::OffsetDateTime;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No such row in this workspace (or at all: the two are indistinguishable on purpose).
    #[error("not found")]
    NotFound,
    /// A uniqueness rule or an expected version did not hold.
    #[error("conflict: {0}")]
    Conflict(ConflictKind),
    /// The operation does not exist for this backend (e.g. `backup` on PostgreSQL).
    #[error("not supported by this store: {0}")]
    Unsupported(&'static str),
    /// Anything else: the database is down, a row is corrupt, … — a fault of ours, not the client's.
    #[error("store failure: {0}")]
    Internal(String),
}

/// Which rule a conflict broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictKind {
    /// The workspace slug is taken.
    SlugTaken,
    /// The e-mail address is taken (by a user, or by a member of this workspace).
    EmailTaken,
    /// The journey was saved by someone else since it was read.
    StaleVersion,
    /// The workspace would be left without an owner.
    LastOwner,
    /// The survey has responses and cannot be deleted.
    HasResponses,
    /// The data names a persona, member or stage that is no longer there (deleted by someone
    /// else since it was read).
    StaleReference,
}

impl std::fmt::Display for ConflictKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ConflictKind::SlugTaken => "slug taken",
            ConflictKind::EmailTaken => "email taken",
            ConflictKind::StaleVersion => "stale version",
            ConflictKind::LastOwner => "last owner",
            ConflictKind::HasResponses => "has responses",
            ConflictKind::StaleReference => "refers to something no longer there",
        })
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// A page request for a list: items after the cursor (an id), at most `limit` of them.
#[derive(Debug, Clone, Copy)]
pub struct PageRequest<C> {
    pub after: Option<C>,
    pub limit: u32,
}

impl<C> PageRequest<C> {
    pub const MAX_LIMIT: u32 = 500;

    pub fn first(limit: u32) -> Self {
        PageRequest {
            after: None,
            limit: limit.clamp(1, Self::MAX_LIMIT),
        }
    }

    /// Everything, for internal callers that need whole lists (exports, pickers).
    pub fn all() -> Self {
        PageRequest {
            after: None,
            limit: u32::MAX,
        }
    }
}

/// A page of a list and the cursor of the next one, if there is more.
#[derive(Debug, Clone)]
pub struct Page<T, C> {
    pub items: Vec<T>,
    pub next: Option<C>,
}

/// A new user with an already-hashed password.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: Email,
    pub name: Name,
    /// PHC string (argon2id); the store never sees a password.
    pub password_hash: String,
}

/// A user with their password hash, for signing in.
#[derive(Debug, Clone)]
pub struct UserCredentials {
    pub user: User,
    pub password_hash: String,
}

/// A signed-in browser session. The cookie holds a random secret; the store holds its hash.
#[derive(Debug, Clone)]
pub struct Session {
    pub token_hash: String,
    pub user_id: UserId,
    /// The session's CSRF token, echoed in every form.
    pub csrf_token: String,
    pub expires_at: OffsetDateTime,
}

/// An API token (only its hash is stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub id: TokenId,
    pub workspace_id: WorkspaceId,
    pub name: Name,
    pub scope: TokenScope,
    pub created_at: OffsetDateTime,
}

/// Who saved a version of a journey, as written into its revision.
#[derive(Debug, Clone)]
pub struct Author {
    pub user_id: Option<UserId>,
    pub name: String,
}

/// See [`Store::metrics_context_version`]: per table (surveys, journeys) the row count, the
/// newest `updated_at` and a checksum of every `updated_at` (so an edit stamped by a node
/// whose clock lags still shows); for journeys also the sum of their versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MetricsContextVersion(pub [i64; 7]);

/// A revision with the journey as it was saved.
#[derive(Debug, Clone)]
pub struct RevisionWithSnapshot {
    pub revision: Revision,
    pub journey: Journey,
}

/// taith's storage. Implementations must be safe to share between requests.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// `sqlite` or `postgres`, for logs.
    fn backend(&self) -> &'static str;

    // --- workspaces and people -------------------------------------------------------------

    /// True until the first workspace exists (the set-up page is shown then).
    async fn has_no_workspace(&self) -> StoreResult<bool>;

    /// Creates a workspace and its first owner in one transaction. The owner is a new user,
    /// or — when a user with that e-mail exists — that user (the password is then ignored).
    async fn create_workspace(
        &self,
        slug: &Slug,
        name: &Name,
        owner: NewUser,
    ) -> StoreResult<(Workspace, User)>;

    async fn workspace_by_slug(&self, slug: &Slug) -> StoreResult<Workspace>;

    async fn workspace(&self, id: WorkspaceId) -> StoreResult<Workspace>;

    /// Every workspace, oldest first (start-up work such as building the analytics index).
    async fn all_workspaces(&self) -> StoreResult<Vec<Workspace>>;

    /// The workspaces a user belongs to, with their role in each, by slug.
    async fn memberships(&self, user: UserId) -> StoreResult<Vec<(Workspace, Role)>>;

    async fn user_credentials(&self, email: &Email) -> StoreResult<UserCredentials>;

    async fn user(&self, id: UserId) -> StoreResult<User>;

    async fn set_password(&self, user: UserId, password_hash: &str) -> StoreResult<()>;

    /// Adds a member: a new user, or an existing user by e-mail (password then ignored).
    /// `Conflict(EmailTaken)` when that user is already a member.
    async fn add_member(&self, ws: WorkspaceId, user: NewUser, role: Role) -> StoreResult<Member>;

    async fn members(&self, ws: WorkspaceId) -> StoreResult<Vec<Member>>;

    /// A user's role in a workspace; `NotFound` when not a member.
    async fn member_role(&self, ws: WorkspaceId, user: UserId) -> StoreResult<Role>;

    /// Changes a role; `Conflict(LastOwner)` when it would leave no owner.
    async fn set_member_role(&self, ws: WorkspaceId, user: UserId, role: Role) -> StoreResult<()>;

    /// Removes a member; `Conflict(LastOwner)` when it would leave no owner.
    async fn remove_member(&self, ws: WorkspaceId, user: UserId) -> StoreResult<()>;

    // --- sessions and tokens ---------------------------------------------------------------

    async fn create_session(&self, session: &Session) -> StoreResult<()>;

    /// The session with that hash, if it has not expired at `now`.
    async fn session(&self, token_hash: &str, now: OffsetDateTime) -> StoreResult<Session>;

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()>;

    async fn create_api_token(
        &self,
        ws: WorkspaceId,
        name: &Name,
        scope: TokenScope,
        token_hash: &str,
    ) -> StoreResult<ApiToken>;

    /// The token with that hash, with its workspace.
    async fn api_token_by_hash(&self, token_hash: &str) -> StoreResult<ApiToken>;

    async fn api_tokens(&self, ws: WorkspaceId) -> StoreResult<Vec<ApiToken>>;

    async fn revoke_api_token(&self, ws: WorkspaceId, id: TokenId) -> StoreResult<()>;

    // --- personas --------------------------------------------------------------------------

    async fn personas(
        &self,
        ws: WorkspaceId,
        page: PageRequest<PersonaId>,
    ) -> StoreResult<Page<Persona, PersonaId>>;

    async fn persona(&self, ws: WorkspaceId, id: PersonaId) -> StoreResult<Persona>;

    async fn create_persona(&self, ws: WorkspaceId, fields: &PersonaFields)
    -> StoreResult<Persona>;

    async fn update_persona(
        &self,
        ws: WorkspaceId,
        id: PersonaId,
        fields: &PersonaFields,
    ) -> StoreResult<Persona>;

    /// Deletes a persona; journeys drawn for it keep their maps and lose the link.
    async fn delete_persona(&self, ws: WorkspaceId, id: PersonaId) -> StoreResult<()>;

    // --- journeys --------------------------------------------------------------------------

    async fn journeys(
        &self,
        ws: WorkspaceId,
        page: PageRequest<JourneyId>,
    ) -> StoreResult<Page<JourneySummary, JourneyId>>;

    async fn journey(&self, ws: WorkspaceId, id: JourneyId) -> StoreResult<Journey>;

    /// Stores a new journey as version 1, with its first revision, in one transaction.
    /// Returns it as stored.
    async fn create_journey(
        &self,
        ws: WorkspaceId,
        journey: &Journey,
        author: &Author,
        changes: &[Change],
    ) -> StoreResult<Journey>;

    /// Saves the whole journey — details, stages, touchpoints — and a revision, in one
    /// transaction, if the stored version is still `journey.version`; the saved journey has
    /// the next version. `Conflict(StaleVersion)` otherwise; `NotFound` if it is gone.
    async fn save_journey(
        &self,
        ws: WorkspaceId,
        journey: &Journey,
        author: &Author,
        changes: &[Change],
    ) -> StoreResult<Journey>;

    async fn delete_journey(&self, ws: WorkspaceId, id: JourneyId) -> StoreResult<()>;

    /// A journey's revisions, newest first.
    async fn revisions(&self, ws: WorkspaceId, id: JourneyId) -> StoreResult<Vec<Revision>>;

    async fn revision(
        &self,
        ws: WorkspaceId,
        id: JourneyId,
        version: i64,
    ) -> StoreResult<RevisionWithSnapshot>;

    // --- surveys ---------------------------------------------------------------------------

    async fn surveys(
        &self,
        ws: WorkspaceId,
        page: PageRequest<SurveyId>,
    ) -> StoreResult<Page<Survey, SurveyId>>;

    async fn survey(&self, ws: WorkspaceId, id: SurveyId) -> StoreResult<Survey>;

    /// The survey at `/s/{public_id}`, with its workspace: the one lookup not scoped by a
    /// workspace, since respondents arrive with nothing but the address.
    async fn survey_by_public_id(&self, public_id: &str) -> StoreResult<(WorkspaceId, Survey)>;

    /// Stores a new survey; `public_id` is chosen by the caller (random, unique).
    async fn create_survey(
        &self,
        ws: WorkspaceId,
        fields: &SurveyFields,
        public_id: &str,
    ) -> StoreResult<Survey>;

    /// Replaces a survey's definition. A touchpoint must be one of the workspace's
    /// (`Conflict(StaleReference)` otherwise).
    async fn update_survey(
        &self,
        ws: WorkspaceId,
        id: SurveyId,
        fields: &SurveyFields,
    ) -> StoreResult<Survey>;

    /// Deletes a survey that has no responses; `Conflict(HasResponses)` otherwise (close it
    /// instead: answers are never thrown away by accident).
    async fn delete_survey(&self, ws: WorkspaceId, id: SurveyId) -> StoreResult<()>;

    /// A cheap fingerprint of the workspace's surveys and journeys (stages and touchpoints
    /// change only with their journey's version): it differs whenever one of them was created,
    /// changed or deleted since it was last read, by any process. Caches of what metrics need
    /// (kinds, scales, where touchpoints sit) compare it instead of reading everything again.
    async fn metrics_context_version(&self, ws: WorkspaceId) -> StoreResult<MetricsContextVersion>;

    // --- customers -------------------------------------------------------------------------

    /// Finds a customer by external id, else by e-mail, filling in what was missing; or
    /// creates one.
    async fn upsert_customer(
        &self,
        ws: WorkspaceId,
        customer: &NewCustomer,
    ) -> StoreResult<Customer>;

    /// [`Store::upsert_customer`] for many customers in one transaction, results in order.
    async fn upsert_customers(
        &self,
        ws: WorkspaceId,
        customers: &[NewCustomer],
    ) -> StoreResult<Vec<Customer>>;

    async fn customer(&self, ws: WorkspaceId, id: CustomerId) -> StoreResult<Customer>;

    // --- responses -------------------------------------------------------------------------

    /// Stores a batch of responses in ONE transaction and returns only after it committed
    /// durably, one result per input in order. A response whose `(workspace, survey,
    /// client_key)` was stored before (or earlier in the same batch) is not stored again: its
    /// result names the first one, `created: false`. All-or-nothing: a response naming a survey,
    /// touchpoint or customer that is not in its workspace fails the whole batch
    /// (`Conflict(StaleReference)`).
    async fn insert_responses(&self, batch: &[ResponseToStore])
    -> StoreResult<Vec<StoredResponse>>;

    /// Adds follow-up answers and a comment to a stored response (the score was stored first,
    /// so it counts even if these never come).
    async fn add_answers(
        &self,
        ws: WorkspaceId,
        id: ResponseId,
        answers: &[Answer],
        comment: &LongText,
    ) -> StoreResult<()>;

    async fn response(&self, ws: WorkspaceId, id: ResponseId) -> StoreResult<NewResponse>;

    /// Deletes a response for good (a customer's request to be forgotten, a test answer).
    /// NotFound when it is not one of the workspace's.
    async fn delete_response(&self, ws: WorkspaceId, id: ResponseId) -> StoreResult<()>;

    /// The response of `survey` stored with the client key `key`, if there is one.
    async fn response_by_client_key(
        &self,
        ws: WorkspaceId,
        survey: SurveyId,
        key: &str,
    ) -> StoreResult<Option<ResponseId>>;

    /// Responses of the workspace (of one survey when given), oldest first by id.
    async fn responses(
        &self,
        ws: WorkspaceId,
        survey: Option<SurveyId>,
        page: PageRequest<ResponseId>,
    ) -> StoreResult<Page<NewResponse, ResponseId>>;

    /// The newest responses given at `touchpoint` that carry a comment, newest first.
    async fn latest_comments(
        &self,
        ws: WorkspaceId,
        touchpoint: TouchpointId,
        limit: u32,
    ) -> StoreResult<Vec<NewResponse>>;

    /// When the customer last answered this survey, for throttling.
    async fn last_response_at(
        &self,
        ws: WorkspaceId,
        survey: SurveyId,
        customer: CustomerId,
    ) -> StoreResult<Option<OffsetDateTime>>;

    // --- invitations -----------------------------------------------------------------------

    /// Invites customers to a survey in one transaction. Each is found or created as by
    /// [`Store::upsert_customer`]; one who unsubscribed, or was invited to or answered this
    /// survey since `not_since` (throttling, also within this batch), is skipped. The
    /// invitation's language is the customer's, else `fallback_locale`. One outcome per
    /// invitee, in order. NotFound when the survey is not the workspace's.
    async fn create_invitations(
        &self,
        ws: WorkspaceId,
        survey: SurveyId,
        invitees: &[NewInvitation],
        not_since: OffsetDateTime,
        fallback_locale: Locale,
    ) -> StoreResult<Vec<InviteOutcome>>;

    /// The invitation whose links carry `token`, with its workspace.
    async fn invitation_by_token(&self, token: &str) -> StoreResult<(WorkspaceId, Invitation)>;

    /// E-mails to send now, every workspace's, oldest first, up to `limit`: invitations not
    /// sent yet, then reminders due at `now` to customers who have not answered the survey
    /// since they were invited. Only for live surveys, and never to an unsubscribed customer.
    async fn mail_due(&self, now: OffsetDateTime, limit: u32) -> StoreResult<Vec<MailDue>>;

    /// Records that the invitation's e-mail of `kind` went out at `at`.
    async fn mark_mailed(
        &self,
        ws: WorkspaceId,
        id: InvitationId,
        kind: MailKind,
        at: OffsetDateTime,
    ) -> StoreResult<()>;

    /// The customer wants no more e-mails from this workspace (kept from the first time).
    async fn unsubscribe(
        &self,
        ws: WorkspaceId,
        customer: CustomerId,
        at: OffsetDateTime,
    ) -> StoreResult<()>;

    /// How a survey's invitations are doing.
    async fn invitation_counts(
        &self,
        ws: WorkspaceId,
        survey: SurveyId,
    ) -> StoreResult<InvitationCounts>;

    // --- operations ------------------------------------------------------------------------

    /// Writes a consistent copy of the whole store to `path` while it stays in use.
    async fn backup(&self, path: &Path) -> StoreResult<()>;
}

/// A customer to find or create: matched by external id, else by e-mail.
#[derive(Debug, Clone, Default)]
pub struct NewCustomer {
    pub external_id: Option<String>,
    pub email: Option<Email>,
    pub name: Option<Name>,
    pub locale: Option<Locale>,
}

/// A customer of a workspace: a person who answers surveys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Customer {
    pub id: CustomerId,
    pub external_id: Option<String>,
    pub email: Option<Email>,
    pub name: Option<Name>,
    pub locale: Option<Locale>,
}

/// One customer to invite.
#[derive(Debug, Clone)]
pub struct NewInvitation {
    pub id: InvitationId,
    pub customer: NewCustomer,
    /// The secret of the invitation's links.
    pub token: String,
    pub reminder_days: u16,
}

/// An e-mail the outbox should send.
#[derive(Debug, Clone)]
pub struct MailDue {
    pub workspace_id: WorkspaceId,
    pub invitation: Invitation,
    pub token: String,
    pub kind: MailKind,
    pub email: Email,
    pub name: Option<Name>,
}

/// A survey's invitations, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InvitationCounts {
    pub invited: u64,
    pub sent: u64,
    pub reminded: u64,
    /// Invited customers who answered the survey after they were invited (by any channel).
    pub answered: u64,
    pub unsubscribed: u64,
}

/// A response on its way into the store, with the workspace it belongs to.
#[derive(Debug, Clone)]
pub struct ResponseToStore {
    pub workspace_id: WorkspaceId,
    pub response: NewResponse,
}

/// What became of one response of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredResponse {
    /// The stored response's id: the new one, or — for a repeated client key — the id of the
    /// response stored the first time.
    pub id: ResponseId,
    /// False when the client key had been stored before (nothing new was written).
    pub created: bool,
}

/// A store shared by the whole application.
pub type SharedStore = Arc<dyn Store>;
