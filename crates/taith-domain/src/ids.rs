//! Typed, time-ordered (UUIDv7) ids, so that ids of different things cannot be swapped.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A new, time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = crate::Issue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s.trim()).map(Self).map_err(|_| crate::Issue::Invalid)
            }
        }

        impl From<Uuid> for $name {
            fn from(u: Uuid) -> Self {
                Self(u)
            }
        }
    };
}

typed_id!(
    /// One ask of a customer recorded against the contact budget.
    ContactAskId
);
typed_id!(
    /// A workspace: one business, the tenant.
    WorkspaceId
);
typed_id!(
    /// A person who can sign in; a member of one or more workspaces.
    UserId
);
typed_id!(
    /// A persona of a workspace.
    PersonaId
);
typed_id!(
    /// A journey map.
    JourneyId
);
typed_id!(
    /// A stage of a journey.
    StageId
);
typed_id!(
    /// A touchpoint of a journey stage.
    TouchpointId
);
typed_id!(
    /// An API token.
    TokenId
);
typed_id!(
    /// A signed-in browser session, as its owner sees it in their list (the cookie's secret
    /// is another thing, never shown).
    SessionId
);
typed_id!(
    /// A request to reset a forgotten password.
    PasswordResetId
);
typed_id!(
    /// A survey.
    SurveyId
);
typed_id!(
    /// A follow-up question of a survey.
    FollowUpId
);
typed_id!(
    /// One submitted response.
    ResponseId
);
typed_id!(
    /// A customer of a workspace.
    CustomerId
);
typed_id!(
    /// An e-mail invitation of one customer to one survey.
    InvitationId
);
typed_id!(
    /// A theme of a workspace's comments (voice of the customer).
    ThemeId
);
typed_id!(
    /// A feature request on a workspace's board.
    FeatureRequestId
);
typed_id!(
    /// A "you said, we did" change: something the business did because customers asked.
    ChangeId
);
typed_id!(
    /// A case: the follow-up of a response, comment or feature request.
    CaseId
);
typed_id!(
    /// An entry of a workspace's list of root causes for cases.
    RootCauseId
);
typed_id!(
    /// A reply to a customer, written on a case and sent by e-mail.
    CaseReplyId

);
typed_id!(
    /// An alert rule of a workspace.
    AlertRuleId
);
typed_id!(
    /// One firing of an alert rule.
    AlertFiringId
);
typed_id!(
    /// A webhook endpoint of a workspace.
    WebhookEndpointId
);
typed_id!(
    /// An event published to webhooks (the `webhook-id` header of every delivery of it).
    WebhookEventId
);
typed_id!(
    /// One delivery of one event to one endpoint.
    WebhookDeliveryId
);
typed_id!(
    /// A support conversation (a help-desk ticket, a chat, an e-mail thread).
    ConversationId
);
typed_id!(
    /// One message of a support conversation.
    ConversationMessageId
);
typed_id!(
    /// One event: something a customer did (a page view, a search, a goal, …).
    EventId
);
typed_id!(
    /// A web site whose tracker sends events.
    SiteId
);
typed_id!(
    /// A help-centre article of a workspace's knowledge base.
    ArticleId
);
typed_id!(
    /// A category of the knowledge base's articles.
    ArticleCategoryId
);
typed_id!(
    /// A social mention of the business, posted for listening.
    MentionId
);
typed_id!(
    /// A private note on a support conversation (never shown to the customer).
    ConversationNoteId
);
typed_id!(
    /// A canned reply of a workspace's inbox.
    CannedReplyId
);
typed_id!(
    /// A synonym of a workspace's FAQ bot: a term and the words that mean the same.
    BotSynonymId
);
typed_id!(
    /// A question the FAQ bot or the help centre's search found no answer to.
    FaqGapId
);
typed_id!(
    /// A visitor's web chat on a business's site (the widget's chat tab).
    ChatSessionId
);
typed_id!(
    /// One entry of a workspace's audit log.
    AuditEntryId
);
