//! Wire types of webhooks. No answer carries an endpoint's secret but the one that made it
//! ([`WebhookCreated`]: create and rotate).

use serde::{Deserialize, Serialize};
use taith_domain as d;
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// A webhook endpoint.
#[derive(Debug, Serialize, ToSchema)]
pub struct Webhook {
    pub id: Uuid,
    /// `standard` (signed JSON, Standard Webhooks) or `slack` (Slack-compatible incoming
    /// webhook: Slack, Mattermost, Rocket.Chat).
    pub kind: String,
    pub url: String,
    pub description: String,
    /// `alert.fired`, `alert.cleared`, `response.created`, `feature_request.status_changed`,
    /// `case.opened`, `case.updated`.
    pub events: Vec<String>,
    pub enabled: bool,
    /// The latest attempt's outcome: `pending` (failed, to be retried), `delivered`, `failed`.
    pub last_state: Option<String>,
    pub last_status_code: Option<u16>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_attempt_at: Option<OffsetDateTime>,
    /// Until when the secret replaced by the last rotation still signs beside the new one.
    #[serde(with = "time::serde::rfc3339::option")]
    pub previous_secret_until: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&d::WebhookEndpoint> for Webhook {
    fn from(e: &d::WebhookEndpoint) -> Self {
        Webhook {
            id: e.id.as_uuid(),
            kind: e.fields.kind.as_str().to_owned(),
            url: e.fields.url.clone(),
            description: e.fields.description.clone(),
            events: e
                .fields
                .events
                .iter()
                .map(|t| t.as_str().to_owned())
                .collect(),
            enabled: e.fields.enabled,
            last_state: e.last_state.map(|s| s.as_str().to_owned()),
            last_status_code: e.last_status_code,
            last_attempt_at: e.last_attempt_at,
            previous_secret_until: e.previous_secret_until,
            created_at: e.created_at,
            updated_at: e.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookResponse {
    pub webhook: Webhook,
}

/// An endpoint just made or given a new secret: the secret is shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookCreated {
    pub webhook: Webhook,
    /// `whsec_<base64>`: verify each delivery's `webhook-signature` with it (Standard
    /// Webhooks). Not shown again; rotate to get a new one.
    pub secret: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookList {
    pub webhooks: Vec<Webhook>,
    pub next_cursor: Option<String>,
}

/// An endpoint to make, or an endpoint's new settings (the whole endpoint).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookWrite {
    /// `standard` (the default) or `slack`.
    pub kind: Option<String>,
    /// An http or https address; one that is or resolves to an internal address is refused
    /// (`internal_address`).
    #[serde(default)]
    pub url: String,
    /// At most 200 characters.
    #[serde(default)]
    pub description: String,
    /// The event types to send (at least one).
    #[serde(default)]
    pub events: Vec<String>,
    /// Default true.
    pub enabled: Option<bool>,
}

impl WebhookWrite {
    pub fn input(self) -> d::WebhookInput {
        d::WebhookInput {
            kind: self.kind.unwrap_or_default(),
            url: self.url,
            description: self.description,
            events: self.events,
            enabled: self.enabled.map(|e| e.to_string()).unwrap_or_default(),
        }
    }
}

/// One delivery of one event to the endpoint.
#[derive(Debug, Serialize, ToSchema)]
pub struct Delivery {
    pub id: Uuid,
    pub webhook_id: Uuid,
    /// The event's id: the `webhook-id` header of every attempt.
    pub event_id: Uuid,
    pub event_type: String,
    /// `pending`, `delivered` or `failed`.
    pub state: String,
    pub attempts: u32,
    #[serde(with = "time::serde::rfc3339::option")]
    pub next_attempt_at: Option<OffsetDateTime>,
    pub last_status_code: Option<u16>,
    /// Why the latest attempt failed.
    pub last_error: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&d::WebhookDelivery> for Delivery {
    fn from(x: &d::WebhookDelivery) -> Self {
        Delivery {
            id: x.id.as_uuid(),
            webhook_id: x.endpoint_id.as_uuid(),
            event_id: x.event_id.as_uuid(),
            event_type: x.event_type.as_str().to_owned(),
            state: x.state.as_str().to_owned(),
            attempts: x.attempts,
            next_attempt_at: x.next_attempt_at,
            last_status_code: x.last_status_code,
            last_error: x.last_error.clone(),
            created_at: x.created_at,
            updated_at: x.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryList {
    pub deliveries: Vec<Delivery>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryResponse {
    pub delivery: Delivery,
}
