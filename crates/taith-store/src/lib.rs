//! The `Store` trait: everything taith keeps, as purpose-shaped operations.
//!
//! Two implementations exist, `taith-store-sqlite` (the embedded default) and
//! `taith-store-postgres` (production). Every method that touches tenant data takes the
//! [`WorkspaceId`](taith_domain::WorkspaceId) first and scopes its query by it, so another
//! workspace's id is simply [`StoreError::NotFound`]. Both run the same behaviour suite
//! (`crates/taith/tests/it/store.rs`).
//!
//! [`Store`] is the sum of one sub-trait per capability, each in its own module with the row
//! types it reads and writes: [`WorkspaceStore`], [`AccessStore`], [`PersonaStore`],
//! [`JourneyStore`], [`SurveyStore`], [`CustomerStore`], [`ResponseStore`], [`InvitationStore`],
//! [`FeatureRequestStore`], [`ChangeStore`], [`CaseStore`], [`AlertStore`], [`WebhookStore`],
//! [`EventStore`], [`SiteStore`], [`SignalStore`], [`MentionStore`], [`ArticleStore`],
//! [`MailInStore`], [`InboxStore`], [`BotStore`], [`ChatStore`], [`AuditStore`], [`PrivacyStore`] and
//! [`OpsStore`]. Every type that implements
//! them all is a `Store` (a blanket impl), and
//! their methods can be called on a `dyn Store` or a `T: Store` without importing them.

pub mod access;
pub mod alerts;
pub mod articles;
pub mod audit;
pub mod bench;
pub mod bot;
pub mod cases;
pub mod changes;
pub mod chat;
pub mod contact;
pub mod conversations;
pub mod customers;
pub mod events;
pub mod feature_requests;
pub mod inbox;
pub mod invitations;
pub mod journeys;
pub mod mail_in;
pub mod mentions;
pub mod ops;
pub mod personas;
pub mod privacy;
pub mod responses;
pub mod signals;
pub mod sites;
pub mod surveys;
pub mod two_factor;
pub mod voc;
pub mod webhooks;
pub mod workspaces;

pub use access::{AccessStore, Account, ApiToken, NewPasswordReset, PasswordResetDue, Session};
pub use alerts::{AlertMailDue, AlertStore, Clearing, NewFiring};
pub use articles::{ArticleStore, ArticleToStore};
pub use audit::{AuditQuery, AuditStore};
pub use bot::{BotStore, BotVersion, GapToStore};
pub use cases::{
    CaseFilter, CasePending, CaseReply, CaseStore, CaseUpdate, NewCase, NewCaseReply, OwnerPick,
};
pub use changes::{ChangeStore, NewChange, NoticeByToken, NoticeDue, NoticeSplit};
pub use chat::ChatStore;
pub use contact::{ContactStore, NewAsk};
pub use conversations::{
    ConversationFilter, ConversationStore, ConversationToStore, CustomerSpan, MessageToStore,
};
pub use customers::{Customer, CustomerStore, NewCustomer};
pub use events::{EventStore, EventToStore, StoredEvent};
pub use feature_requests::{FeatureRequestFilter, FeatureRequestStore, NewFeatureRequest};
pub use inbox::{
    Assigned, InboxChange, InboxCounts, InboxCursor, InboxFilter, InboxItem, InboxStore,
};
pub use invitations::{InvitationCounts, InvitationStore, MailDue, NewInvitation};
pub use journeys::{Author, DeletedJourney, JourneyStore, RevisionWithSnapshot};
pub use mail_in::{
    AttachmentToStore, ConversationAttachment, IncomingMail, MailInSettings, MailInStore, MailInto,
    MailRecord, MailReplyDue, StoredAttachment,
};
pub use mentions::{MentionCount, MentionStore};
pub use ops::OpsStore;
pub use personas::PersonaStore;
pub use privacy::{Erasure, Expired, PrivacyStore, RecordsOfKind};
pub use responses::{ResponseStore, ResponseToStore, ResponsesBetween, StoredResponse};
pub use signals::SignalStore;
pub use sites::SiteStore;
pub use surveys::{MetricsContextVersion, SurveyStore};
pub use two_factor::{TwoFactor, TwoFactorStore};
pub use voc::{
    AnalysedComment, CommentAnalysis, CommentCount, CommentQuery, CountQuery, PendingComment,
    StoredModel, VocStore,
};
pub use webhooks::{
    AttemptOutcome, DeliveryJob, EndpointSecrets, NewEvent, PendingHook, WebhookStore,
};
pub use workspaces::{NewUser, UserCredentials, WorkspaceStore};

use std::borrow::Cow;
use std::sync::Arc;

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
    /// Anything else: the database is down, a row is corrupt, … — a fault of ours, not the
    /// client's. Displays as what the store was doing; the error that stopped it (the
    /// database's) is its [`source`](std::error::Error::source), for the log.
    #[error(transparent)]
    Internal(InternalError),
}

impl StoreError {
    /// An internal failure with no underlying error: `context` says what went wrong.
    pub fn internal(context: impl Into<Cow<'static, str>>) -> Self {
        StoreError::Internal(InternalError::new(context))
    }

    /// An internal failure caused by `source` (a database or decoding error) while doing
    /// `context`. `context` is displayed; `source` is kept as the error's
    /// [`source`](std::error::Error::source) and not displayed, since a database's message may
    /// quote the data it choked on.
    pub fn internal_from(
        context: impl Into<Cow<'static, str>>,
        source: impl Into<BoxError>,
    ) -> Self {
        StoreError::Internal(InternalError::new(context).with_source(source))
    }
}

/// Any error, boxed, as the cause of an [`InternalError`].
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// A fault of the store: what it was doing (displayed) and, when there is one, the error that
/// stopped it (its [`source`](std::error::Error::source), never displayed).
#[derive(Debug)]
pub struct InternalError {
    context: Cow<'static, str>,
    source: Option<BoxError>,
}

impl InternalError {
    pub fn new(context: impl Into<Cow<'static, str>>) -> Self {
        InternalError {
            context: context.into(),
            source: None,
        }
    }

    /// The same failure, caused by `source`.
    pub fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// What the store was doing (the displayed text, without the `store failure:` prefix).
    pub fn context(&self) -> &str {
        &self.context
    }
}

impl std::fmt::Display for InternalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "store failure: {}", self.context)
    }
}

impl std::error::Error for InternalError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// `StoreError::Internal("…".into())`, as callers outside the store write it.
impl From<&'static str> for InternalError {
    fn from(context: &'static str) -> Self {
        InternalError::new(context)
    }
}

impl From<String> for InternalError {
    fn from(context: String) -> Self {
        InternalError::new(context)
    }
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
    /// Another of the workspace's themes has this name.
    ThemeNameTaken,
    /// Another of the workspace's canned replies has this shortcut.
    ShortcutTaken,
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
            ConflictKind::ThemeNameTaken => "theme name taken",
            ConflictKind::ShortcutTaken => "shortcut taken",
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

/// taith's storage: every capability's sub-trait. Implementations must be safe to share between
/// requests.
pub trait Store:
    WorkspaceStore
    + AccessStore
    + PersonaStore
    + JourneyStore
    + SurveyStore
    + CustomerStore
    + ResponseStore
    + InvitationStore
    + FeatureRequestStore
    + OpsStore
    + VocStore
    + ChangeStore
    + CaseStore
    + ConversationStore
    + AlertStore
    + WebhookStore
    + EventStore
    + SiteStore
    + SignalStore
    + MentionStore
    + ArticleStore
    + MailInStore
    + InboxStore
    + BotStore
    + ChatStore
    + AuditStore
    + TwoFactorStore
    + ContactStore
    + PrivacyStore
    + Send
    + Sync
    + 'static
{
}

impl<T> Store for T where
    T: WorkspaceStore
        + AccessStore
        + PersonaStore
        + JourneyStore
        + SurveyStore
        + CustomerStore
        + ResponseStore
        + InvitationStore
        + FeatureRequestStore
        + OpsStore
        + VocStore
        + ChangeStore
        + CaseStore
        + ConversationStore
        + AlertStore
        + WebhookStore
        + EventStore
        + SiteStore
        + SignalStore
        + MentionStore
        + ArticleStore
        + MailInStore
        + InboxStore
        + BotStore
        + ChatStore
        + AuditStore
        + TwoFactorStore
        + ContactStore
        + PrivacyStore
        + Send
        + Sync
        + 'static
{
}

/// A store shared by the whole application.
pub type SharedStore = Arc<dyn Store>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn an_internal_error_shows_its_context_and_keeps_its_cause_as_its_source() {
        let cause = std::io::Error::other("password=hunter2 in the cause");
        let e = StoreError::internal_from("reading a stored row", cause);
        assert_eq!(e.to_string(), "store failure: reading a stored row");
        let source = e.source().map(|s| s.to_string());
        assert_eq!(source.as_deref(), Some("password=hunter2 in the cause"));
        assert!(
            matches!(&e, StoreError::Internal(i) if i.context() == "reading a stored row"),
            "{e:?}"
        );

        let plain = StoreError::internal("the writer has stopped");
        assert_eq!(plain.to_string(), "store failure: the writer has stopped");
        assert!(plain.source().is_none());
        // As callers outside the store write it.
        let from_str = StoreError::Internal("the writer has stopped".into());
        assert_eq!(from_str.to_string(), plain.to_string());
    }
}
