//! Support conversations and their messages, and the customer lifecycle (subscription starts
//! and ends) that the churn and retention figures read.

use crate::{Page, PageRequest, StoreResult};
use async_trait::async_trait;
use taith_domain::{
    Channel, Conversation, ConversationId, ConversationMessage, ConversationStatus, CustomerId,
    Event, LifecycleEvent, LifecycleKind, Locale, MessageDirection, NewResponse, SurveyId,
    TouchpointId, UserId, WorkspaceId, invitation::Invitation,
};
use time::OffsetDateTime;

/// A conversation on its way into the store: checked, its customer and agent looked up.
#[derive(Debug, Clone)]
pub struct ConversationToStore {
    pub external_id: Option<String>,
    pub channel: Channel,
    pub status: ConversationStatus,
    pub subject: String,
    pub customer_id: Option<CustomerId>,
    pub assignee: Option<UserId>,
    pub agent: Option<String>,
    pub team: Option<String>,
    pub tags: Vec<String>,
    pub satisfaction: Option<u8>,
    pub locale: Option<Locale>,
    pub touchpoint_id: Option<TouchpointId>,
    pub created_at: OffsetDateTime,
    pub first_reply_at: Option<OffsetDateTime>,
    pub resolved_at: Option<OffsetDateTime>,
    pub reopens: u32,
    /// When not empty, they replace the stored conversation's messages.
    pub messages: Vec<MessageToStore>,
}

/// A message on its way into the store.
#[derive(Debug, Clone)]
pub struct MessageToStore {
    pub direction: MessageDirection,
    pub author: Option<String>,
    pub author_id: Option<UserId>,
    pub at: OffsetDateTime,
    pub body: String,
    /// Written by taith itself (the FAQ bot): never a person's first reply, so the first
    /// response time stays the time a person took.
    pub automatic: bool,
}

/// Which conversations [`conversations`](ConversationStore::conversations) lists.
#[derive(Debug, Clone, Default)]
pub struct ConversationFilter {
    pub statuses: Vec<ConversationStatus>,
    pub channel: Option<Channel>,
    pub customer: Option<CustomerId>,
    pub assignee: Option<UserId>,
    pub team: Option<String>,
    pub tag: Option<String>,
    /// Only conversations created in `[from, to)`.
    pub created: Option<(OffsetDateTime, OffsetDateTime)>,
}

/// A customer's current subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CustomerSpan {
    pub customer_id: CustomerId,
    pub started_at: Option<OffsetDateTime>,
    pub ended_at: Option<OffsetDateTime>,
}

#[async_trait]
pub trait ConversationStore: Send + Sync {
    /// Stores conversations in one transaction, all or none: one with an external id already
    /// stored is updated in place (same id; its messages replaced when new ones are given),
    /// others are created. Results in order, each with whether it was created.
    async fn save_conversations(
        &self,
        ws: WorkspaceId,
        conversations: &[ConversationToStore],
    ) -> StoreResult<Vec<(Conversation, bool)>>;

    async fn conversation(&self, ws: WorkspaceId, id: ConversationId) -> StoreResult<Conversation>;

    /// The conversation's messages, oldest first. NotFound: no such conversation.
    async fn conversation_messages(
        &self,
        ws: WorkspaceId,
        id: ConversationId,
    ) -> StoreResult<Vec<ConversationMessage>>;

    /// The conversations matching `filter`, newest first (by id, descending).
    async fn conversations(
        &self,
        ws: WorkspaceId,
        filter: &ConversationFilter,
        page: PageRequest<ConversationId>,
    ) -> StoreResult<Page<Conversation, ConversationId>>;

    /// Adds a message, in one transaction with what it changes: the first `out` message sets
    /// the first reply; an `in` message on a resolved conversation reopens it (status open,
    /// no resolution, one more reopening).
    async fn add_conversation_message(
        &self,
        ws: WorkspaceId,
        id: ConversationId,
        message: &MessageToStore,
    ) -> StoreResult<(Conversation, ConversationMessage)>;

    /// Records a subscription change and updates the customer's span: `started` starts a new
    /// span (no end), `renewed` clears the end (and starts the span if there was none),
    /// `ended` sets the end. NotFound: no such customer.
    async fn record_lifecycle(
        &self,
        ws: WorkspaceId,
        customer: CustomerId,
        kind: LifecycleKind,
        at: OffsetDateTime,
    ) -> StoreResult<CustomerSpan>;

    /// Every customer with a subscription start.
    async fn customer_spans(&self, ws: WorkspaceId) -> StoreResult<Vec<CustomerSpan>>;

    /// One customer's span (both None when never recorded). NotFound: no such customer.
    async fn customer_span(
        &self,
        ws: WorkspaceId,
        customer: CustomerId,
    ) -> StoreResult<CustomerSpan>;

    /// One customer's recorded subscription changes, oldest first.
    async fn lifecycle_events(
        &self,
        ws: WorkspaceId,
        customer: CustomerId,
    ) -> StoreResult<Vec<LifecycleEvent>>;

    /// Every response with a customer: `(customer, survey, score, submitted)`, for the
    /// scores of churned and retained customers.
    async fn customer_scores(
        &self,
        ws: WorkspaceId,
    ) -> StoreResult<Vec<(CustomerId, SurveyId, i16, OffsetDateTime)>>;

    /// One customer's responses, oldest first (the customer's timeline).
    async fn customer_responses(
        &self,
        ws: WorkspaceId,
        customer: CustomerId,
    ) -> StoreResult<Vec<NewResponse>>;

    /// One customer's invitations, oldest first (the customer's timeline).
    async fn customer_invitations(
        &self,
        ws: WorkspaceId,
        customer: CustomerId,
    ) -> StoreResult<Vec<Invitation>>;

    /// One customer's newest `limit` events, oldest first (the customer's timeline).
    async fn customer_events(
        &self,
        ws: WorkspaceId,
        customer: CustomerId,
        limit: u32,
    ) -> StoreResult<Vec<Event>>;

    /// How many `conversion` events each customer had in `[from, to)` (customers with none
    /// left out): the repeat-purchase rate.
    async fn conversions_per_customer(
        &self,
        ws: WorkspaceId,
        from: OffsetDateTime,
        to: OffsetDateTime,
    ) -> StoreResult<Vec<(CustomerId, u64)>>;
}
