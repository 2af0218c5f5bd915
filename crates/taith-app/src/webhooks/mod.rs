//! Webhooks: a workspace's endpoints (signed JSON after the Standard Webhooks specification,
//! or Slack-compatible incoming webhooks), the events published to them, and their delivery.
//!
//! - [`publish`] records an event durably with one delivery per subscribed endpoint; the
//!   delivery worker ([`delivery`]) POSTs them with a timeout, bounded concurrency and retries
//!   with exponential back-off over hours, claiming each delivery with a lease so that several
//!   nodes on one PostgreSQL never send one twice at once. Nothing is sent on a request's path.
//! - [`tail`] reads the responses the store queued (`hooks_pending`, filled by a trigger) and
//!   publishes `response.created` and wakes the alerts.
//! - [`guard`] refuses internal addresses when an endpoint is saved and when a delivery
//!   connects; [`sign`] makes the secrets, signatures and bodies.
//!
//! Secrets are shown once (by [`create`] and [`rotate`]) and never logged: the store keeps
//! them to sign, and no list or get reads them.

pub mod delivery;
pub mod guard;
pub mod sign;
pub mod tail;

use guard::{Cidr, Guard, Refusal, Resolve, SystemResolver};
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;
use taith_domain::{
    EventType, Issue, ValidationErrors, WebhookDelivery, WebhookDeliveryId, WebhookEndpoint,
    WebhookEndpointId, WebhookEventId, WebhookFields, WorkspaceId,
};
use taith_store::{NewEvent, Store, StoreError};
use tokio::sync::Notify;

/// How long the previous secret keeps signing after a rotation.
pub const ROTATION_OVERLAP: Duration = Duration::from_secs(24 * 3600);

/// The default back-off: the waits after the 1st, 2nd, … failed attempt; after the last, the
/// delivery has failed (7 attempts over about 18 hours).
pub const BACKOFF: [Duration; 6] = [
    Duration::from_secs(5),
    Duration::from_secs(5 * 60),
    Duration::from_secs(30 * 60),
    Duration::from_secs(2 * 3600),
    Duration::from_secs(5 * 3600),
    Duration::from_secs(10 * 3600),
];

/// Settings of webhooks and alerts' background work.
#[derive(Clone)]
pub struct HookConfig {
    /// Networks that may be sent to although internal (`--webhook-allow`).
    pub allow: Vec<Cidr>,
    /// Resolves host names (the system's; tests inject theirs).
    pub resolver: Arc<dyn Resolve>,
    /// The waits between attempts; its length is the number of retries.
    pub backoff: Vec<Duration>,
    /// How long one attempt may take, connection included.
    pub timeout: Duration,
    /// Attempts in flight at once on this node.
    pub concurrency: usize,
    /// How often the workers look for due work when nobody wakes them.
    pub poll: Duration,
    /// How often every enabled alert rule is evaluated (time passing moves their periods).
    pub alert_schedule: Duration,
}

impl std::fmt::Debug for HookConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HookConfig")
            .field("allow", &self.allow)
            .field("backoff", &self.backoff)
            .field("timeout", &self.timeout)
            .field("concurrency", &self.concurrency)
            .finish()
    }
}

impl Default for HookConfig {
    fn default() -> Self {
        HookConfig {
            allow: Vec::new(),
            resolver: Arc::new(SystemResolver),
            backoff: BACKOFF.to_vec(),
            timeout: Duration::from_secs(10),
            concurrency: 8,
            poll: Duration::from_millis(500),
            alert_schedule: Duration::from_secs(60),
        }
    }
}

/// Why an endpoint change was refused.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error("invalid endpoint")]
    Invalid(ValidationErrors),
    #[error("could not make a secret")]
    NoRandomness,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<ValidationErrors> for Refused {
    fn from(e: ValidationErrors) -> Self {
        Refused::Invalid(e)
    }
}

/// The webhooks of the running application: the guard, the HTTP client and the worker's
/// wake-up. Cloning shares them.
#[derive(Clone)]
pub struct Webhooks {
    pub(crate) config: HookConfig,
    pub(crate) guard: Guard,
    pub(crate) wake: Arc<Notify>,
}

impl std::fmt::Debug for Webhooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Webhooks")
            .field("config", &self.config)
            .finish()
    }
}

impl Webhooks {
    pub fn new(config: HookConfig) -> Webhooks {
        let guard = Guard::new(config.allow.clone(), config.resolver.clone());
        Webhooks {
            config,
            guard,
            wake: Arc::new(Notify::new()),
        }
    }

    /// The SSRF guard (what the web layer checks addresses with too).
    pub fn guard(&self) -> &Guard {
        &self.guard
    }

    /// Asks the delivery worker to look now.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Checks an endpoint's settings, its address included (resolved: a name that resolves
    /// to an internal address is refused now, and again at every delivery).
    pub async fn check(&self, fields: &WebhookFields) -> Result<(), ValidationErrors> {
        match self.guard.check_url(&fields.url).await {
            Ok(_) => Ok(()),
            Err(Refusal::Internal) => Err(ValidationErrors::one("url", Issue::InternalAddress)),
            Err(Refusal::Invalid | Refusal::Unresolvable) => {
                Err(ValidationErrors::one("url", Issue::Invalid))
            }
        }
    }

    /// Makes an endpoint; answers it with its secret, which is shown this once.
    pub async fn create(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        fields: &WebhookFields,
    ) -> Result<(WebhookEndpoint, String), Refused> {
        self.check(fields).await?;
        let secret = sign::new_secret().map_err(|_| Refused::NoRandomness)?;
        let endpoint = store.create_webhook_endpoint(ws, fields, &secret).await?;
        Ok((endpoint, secret))
    }

    pub async fn update(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        id: WebhookEndpointId,
        fields: &WebhookFields,
    ) -> Result<WebhookEndpoint, Refused> {
        store.webhook_endpoint(ws, id).await?;
        self.check(fields).await?;
        Ok(store.update_webhook_endpoint(ws, id, fields).await?)
    }

    /// A new secret; the old one signs beside it for [`ROTATION_OVERLAP`]. Answers the new
    /// secret, shown this once.
    pub async fn rotate(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        id: WebhookEndpointId,
    ) -> Result<(WebhookEndpoint, String), Refused> {
        let secret = sign::new_secret().map_err(|_| Refused::NoRandomness)?;
        let until = taith_domain::now() + ROTATION_OVERLAP;
        let endpoint = store.rotate_webhook_secret(ws, id, &secret, until).await?;
        Ok((endpoint, secret))
    }

    /// Sends a delivery again, now (by hand).
    pub async fn redeliver(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        endpoint: WebhookEndpointId,
        id: WebhookDeliveryId,
    ) -> Result<WebhookDelivery, StoreError> {
        let d = store
            .redeliver(ws, endpoint, id, taith_domain::now())
            .await?;
        self.wake();
        Ok(d)
    }

    /// [`publish`], and the worker woken.
    pub async fn publish(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        event: NewEvent,
    ) -> Result<Option<u64>, StoreError> {
        let made = publish(store, ws, event).await?;
        if made.is_some_and(|n| n > 0) {
            self.wake();
        }
        Ok(made)
    }
}

/// Publishes an event of workspace `ws` to its webhooks: the event is recorded durably with
/// one delivery per enabled endpoint subscribed to `event_type`, and the delivery worker of
/// any node sends them (within its poll interval; [`Webhooks::publish`] also wakes this
/// node's at once).
///
/// The event comes from [`new_event`]. With a dedupe key, publishing is idempotent: an event
/// with the same key is recorded once (say `case.opened:<case id>`); answers None then, and
/// for an event [`NewEvent::about`] a customer erased meanwhile; else the number of
/// deliveries made.
///
/// The cases capability publishes `case.opened` and `case.updated` this way, from
/// [`crate::cases::changed`], after the case's change has committed.
pub async fn publish(
    store: &dyn Store,
    ws: WorkspaceId,
    event: NewEvent,
) -> Result<Option<u64>, StoreError> {
    store.publish_event(ws, &event).await
}

/// An event to publish, stamped now. `data` is the event's `data` object as endpoints receive
/// it (`{"type", "timestamp", "data"}` for standard endpoints; a one-line summary for
/// Slack-compatible ones, which reads `title`, `status` and the like).
pub fn new_event(event_type: EventType, data: Value, dedupe_key: Option<String>) -> NewEvent {
    NewEvent {
        id: WebhookEventId::new(),
        event_type,
        payload: data,
        dedupe_key,
        at: taith_domain::now(),
        customer: None,
    }
}
