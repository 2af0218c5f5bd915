//! taith's domain: the types every other crate speaks, parsed and checked at the edge.
//!
//! Nothing here does I/O. A value of a type from this crate is valid by construction: a
//! [`Slug`] is a slug, a [`Score`](crate) is on its scale, a [`Journey`] keeps its stages and
//! touchpoints consistent. The store persists them; the web and CLI parse into them.

pub mod alert;
pub mod article;
pub mod audit;
pub mod bot;
pub mod case;
pub mod change;
pub mod chat;
pub mod contact;
pub mod conversation;
pub mod csv;
pub mod error;
pub mod event;
pub mod feature_request;
pub mod ids;
pub mod inbox;
pub mod invitation;
pub mod journey;
pub mod locale;
pub mod member;
pub mod mention;
pub mod period;
pub mod persona;
pub mod privacy;
pub mod signal;
pub mod site;
pub mod survey;
pub mod text;
pub mod transfer;
pub mod two_factor;
pub mod voc;
pub mod webhook;

pub use alert::{
    AlertCondition, AlertFiring, AlertInput, AlertMetric, AlertRule, AlertRuleFields, AlertScope,
    Direction,
};
pub use article::{
    Article, ArticleCategory, ArticleFields, ArticleInput, ArticleSlug, ArticleStatus,
    ArticleTranslation, TranslationInput, Translations,
};
pub use audit::{Actor, ActorKind, AuditEntry, AuditKind, AuditRetention};
pub use case::{
    BusinessHours, Case, CaseChange, CaseEntry, CaseRules, CaseSource, CaseStatus, Overdue,
    RootCause, Sla, SlaInput,
};
pub use change::{
    AudienceMember, ChangeFields, ChangeInput, ChangeRecord, ChangeSource, NoticeCounts,
};
pub use chat::{ChatSession, ChatToken};
pub use conversation::{
    Conversation, ConversationInput, ConversationMessage, ConversationStatus, LifecycleEvent,
    LifecycleKind, MessageDirection, MessageInput, NewConversation, NewMessage,
};
pub use error::{FieldError, Issue, ValidationErrors};
pub use event::{Event, EventDetail, EventInput, EventKind};
pub use feature_request::{
    FeatureRequest, FeatureRequestFields, FeatureRequestInput, FeatureRequestStatus, PublicNote,
    RequestLink, RequestSource, Voter,
};
pub use ids::AuditEntryId;
pub use ids::ChatSessionId;
pub use ids::ContactAskId;
pub use ids::MentionId;
pub use ids::{AlertFiringId, AlertRuleId, WebhookDeliveryId, WebhookEndpointId, WebhookEventId};
pub use ids::{ArticleCategoryId, ArticleId};
pub use ids::{BotSynonymId, FaqGapId};
pub use ids::{CannedReplyId, ConversationNoteId};
pub use ids::{
    CaseId, CaseReplyId, ChangeId, CustomerId, FeatureRequestId, FollowUpId, InvitationId,
    JourneyId, PasswordResetId, PersonaId, ResponseId, RootCauseId, SessionId, StageId, SurveyId,
    ThemeId, TokenId, TouchpointId, UserId, WorkspaceId,
};
pub use ids::{ConversationId, ConversationMessageId};
pub use ids::{EventId, SiteId};
pub use inbox::{
    CannedReply, CannedReplyFields, CannedReplyInput, ConversationNote, InboxUpdateInput, Priority,
    StatusChange,
};
pub use journey::{
    Change, Channel, EmotionScore, Journey, JourneyError, JourneyFields, JourneySummary, Owner,
    Revision, Stage, StageFields, StageInput, StageModel, Touchpoint, TouchpointFields,
    TouchpointInput,
};
pub use locale::Locale;
pub use member::{Action, Member, Principal, Role, TokenScope, User, Workspace};
pub use mention::{Mention, MentionInput, MentionSentiment, NewMention};
pub use period::{Period, Preset};
pub use persona::{Persona, PersonaFields, PersonaInput};
pub use privacy::DataRetention;
pub use signal::{BoundFigure, BoundFigureInput, SignalMetric, SignalSource};
pub use site::{Site, SiteFields, SiteInput, UrlPattern, UrlPatternInput};
pub use survey::{
    Answer, AnswerValue, FollowUp, FollowUpKind, LocalizedText, NewResponse, Scale, ScoreRange,
    Survey, SurveyFields, SurveyKind, SurveyStatus,
};
pub use text::{Email, LongText, Name, Slug};
pub use voc::{MAX_THEME_PHRASES, Theme, ThemeFields, ThemeOrigin};
pub use webhook::{
    DeliveryState, EventType, WebhookDelivery, WebhookEndpoint, WebhookFields, WebhookInput,
    WebhookKind,
};

/// Current time in UTC, truncated to microseconds (the precision both stores keep), so a value
/// read back from a store compares equal to the one written.
pub fn now() -> time::OffsetDateTime {
    let now = time::OffsetDateTime::now_utc();
    now.replace_nanosecond(now.nanosecond() / 1_000 * 1_000)
        .unwrap_or(now)
}
