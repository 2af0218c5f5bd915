//! Webhooks: endpoints, published events, one delivery per event and subscribed endpoint,
//! and the queue of new responses the hooks worker tails.

use crate::{Page, PageRequest, StoreResult};
use async_trait::async_trait;
use taith_domain::{
    CustomerId, DeliveryState, EventType, NewResponse, ResponseId, WebhookDelivery,
    WebhookDeliveryId, WebhookEndpoint, WebhookEndpointId, WebhookEventId, WebhookFields,
    WebhookKind, WorkspaceId,
};
use time::OffsetDateTime;

/// An event to publish: recorded once (by `dedupe_key`, when given) with one delivery per
/// enabled endpoint subscribed to its type.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub id: WebhookEventId,
    pub event_type: EventType,
    /// The event's `data`, as JSON.
    pub payload: serde_json::Value,
    /// Makes publishing idempotent: a second event with the same key is not recorded.
    pub dedupe_key: Option<String>,
    pub at: OffsetDateTime,
    /// The customer the event quotes, if any. An event about a customer erased by the time
    /// it is recorded is dropped: the erasure removed that customer's events, and a worker that
    /// read the customer just before it must not write them back.
    pub customer: Option<CustomerId>,
}

impl NewEvent {
    /// The event, as quoting `customer` (see [`NewEvent::customer`]).
    pub fn about(self, customer: Option<CustomerId>) -> NewEvent {
        NewEvent { customer, ..self }
    }
}

/// An endpoint's signing secrets: the current one, and the one a rotation replaced while it
/// still signs. Its `Debug` leaves the secrets out, so a job logged whole leaks nothing.
#[derive(Clone)]
pub struct EndpointSecrets {
    pub current: String,
    pub previous: Option<(String, OffsetDateTime)>,
}

impl std::fmt::Debug for EndpointSecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EndpointSecrets")
            .field("current", &"<redacted>")
            .field(
                "previous_until",
                &self.previous.as_ref().map(|(_, until)| until),
            )
            .finish()
    }
}

/// A delivery claimed for an attempt, with everything the attempt needs.
#[derive(Debug, Clone)]
pub struct DeliveryJob {
    pub workspace_id: WorkspaceId,
    pub id: WebhookDeliveryId,
    pub endpoint_id: WebhookEndpointId,
    pub kind: WebhookKind,
    pub url: String,
    pub secrets: EndpointSecrets,
    pub event_id: WebhookEventId,
    pub event_type: EventType,
    pub payload: serde_json::Value,
    pub event_at: OffsetDateTime,
    /// Attempts made before this one.
    pub attempts: u32,
}

/// How an attempt ended.
#[derive(Debug, Clone)]
pub struct AttemptOutcome {
    pub state: DeliveryState,
    /// When to try again (state pending).
    pub next_attempt_at: Option<OffsetDateTime>,
    pub status_code: Option<u16>,
    pub error: Option<String>,
    pub at: OffsetDateTime,
}

/// A new response waiting for the hooks worker.
#[derive(Debug, Clone)]
pub struct PendingHook {
    pub workspace_id: WorkspaceId,
    pub response: NewResponse,
    pub queued_at: i64,
}

#[async_trait]
pub trait WebhookStore: Send + Sync {
    async fn webhook_endpoints(&self, ws: WorkspaceId) -> StoreResult<Vec<WebhookEndpoint>>;

    async fn webhook_endpoint(
        &self,
        ws: WorkspaceId,
        id: WebhookEndpointId,
    ) -> StoreResult<WebhookEndpoint>;

    /// NotFound: no such workspace.
    async fn create_webhook_endpoint(
        &self,
        ws: WorkspaceId,
        fields: &WebhookFields,
        secret: &str,
    ) -> StoreResult<WebhookEndpoint>;

    async fn update_webhook_endpoint(
        &self,
        ws: WorkspaceId,
        id: WebhookEndpointId,
        fields: &WebhookFields,
    ) -> StoreResult<WebhookEndpoint>;

    async fn delete_webhook_endpoint(
        &self,
        ws: WorkspaceId,
        id: WebhookEndpointId,
    ) -> StoreResult<()>;

    /// Replaces the secret; the old one keeps signing until `previous_until`.
    async fn rotate_webhook_secret(
        &self,
        ws: WorkspaceId,
        id: WebhookEndpointId,
        secret: &str,
        previous_until: OffsetDateTime,
    ) -> StoreResult<WebhookEndpoint>;

    /// Records the event and its deliveries; None when an event with its dedupe key exists
    /// already, else the number of deliveries made.
    async fn publish_event(&self, ws: WorkspaceId, event: &NewEvent) -> StoreResult<Option<u64>>;

    /// Claims up to `limit` pending deliveries due at `now` (and not held by another node)
    /// until `lease_until`.
    async fn claim_deliveries(
        &self,
        now: OffsetDateTime,
        lease_until: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<DeliveryJob>>;

    /// Records an attempt's outcome on the delivery and its endpoint.
    async fn finish_delivery(
        &self,
        ws: WorkspaceId,
        id: WebhookDeliveryId,
        outcome: &AttemptOutcome,
    ) -> StoreResult<()> {
        self.finish_deliveries(&[(ws, id, outcome.clone())]).await
    }

    /// Records several attempts' outcomes in one transaction (the delivery worker writes what
    /// finished meanwhile together: one commit, not one per delivery). A delivery that is no
    /// longer there (its endpoint was deleted) is skipped.
    async fn finish_deliveries(
        &self,
        done: &[(WorkspaceId, WebhookDeliveryId, AttemptOutcome)],
    ) -> StoreResult<()>;

    /// An endpoint's deliveries, newest first.
    async fn webhook_deliveries(
        &self,
        ws: WorkspaceId,
        endpoint: WebhookEndpointId,
        page: PageRequest<WebhookDeliveryId>,
    ) -> StoreResult<Page<WebhookDelivery, WebhookDeliveryId>>;

    /// Makes a delivery of the endpoint due again now (by hand).
    async fn redeliver(
        &self,
        ws: WorkspaceId,
        endpoint: WebhookEndpointId,
        id: WebhookDeliveryId,
        now: OffsetDateTime,
    ) -> StoreResult<WebhookDelivery>;

    /// How many of the workspace's deliveries are in each state, and how many attempts were
    /// made in all.
    async fn delivery_counts(
        &self,
        ws: WorkspaceId,
    ) -> StoreResult<(Vec<(DeliveryState, u64)>, u64)>;

    /// Up to `limit` new responses queued for the hooks worker, oldest first.
    async fn hooks_pending(&self, limit: u32) -> StoreResult<Vec<PendingHook>>;

    /// Takes handled responses off the queue (at the `queued_at` read).
    async fn hooks_done(&self, ws: WorkspaceId, done: &[(ResponseId, i64)]) -> StoreResult<()>;
}
