//! Webhooks: endpoints a workspace's events are POSTed to — signed JSON following the Standard
//! Webhooks specification, or a Slack-compatible incoming webhook — and the deliveries of each
//! event to each endpoint.
//!
//! Whether an address is safe to send to (not internal) is checked by the application, which
//! resolves names; here the address is only parsed as a URL.

use crate::{Issue, WebhookDeliveryId, WebhookEndpointId, WebhookEventId};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use time::OffsetDateTime;

/// How an endpoint is spoken to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WebhookKind {
    /// Signed JSON (`webhook-id`, `webhook-timestamp`, `webhook-signature`).
    Standard,
    /// A Slack-compatible incoming webhook (`{"text", "blocks"}`): Slack, Mattermost,
    /// Rocket.Chat. Unsigned: the address itself is the secret.
    Slack,
}

impl WebhookKind {
    pub const ALL: [WebhookKind; 2] = [WebhookKind::Standard, WebhookKind::Slack];

    pub fn as_str(self) -> &'static str {
        match self {
            WebhookKind::Standard => "standard",
            WebhookKind::Slack => "slack",
        }
    }
}

impl FromStr for WebhookKind {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Issue> {
        match s.trim() {
            "" => Err(Issue::Required),
            "standard" => Ok(WebhookKind::Standard),
            "slack" => Ok(WebhookKind::Slack),
            _ => Err(Issue::UnknownValue),
        }
    }
}

/// What happened, as endpoints subscribe to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventType {
    AlertFired,
    AlertCleared,
    ResponseCreated,
    FeatureRequestStatusChanged,
    CaseOpened,
    CaseUpdated,
}

impl EventType {
    pub const ALL: [EventType; 6] = [
        EventType::AlertFired,
        EventType::AlertCleared,
        EventType::ResponseCreated,
        EventType::FeatureRequestStatusChanged,
        EventType::CaseOpened,
        EventType::CaseUpdated,
    ];

    /// The type's name on the wire (`type` in the payload).
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::AlertFired => "alert.fired",
            EventType::AlertCleared => "alert.cleared",
            EventType::ResponseCreated => "response.created",
            EventType::FeatureRequestStatusChanged => "feature_request.status_changed",
            EventType::CaseOpened => "case.opened",
            EventType::CaseUpdated => "case.updated",
        }
    }

    /// The name with dashes, as translation keys spell it.
    pub fn slug(self) -> String {
        self.as_str().replace(['.', '_'], "-")
    }
}

impl FromStr for EventType {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Issue> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Issue::Required);
        }
        EventType::ALL
            .into_iter()
            .find(|e| e.as_str() == s)
            .ok_or(Issue::UnknownValue)
    }
}

/// Longest address accepted.
pub const MAX_URL_CHARS: usize = 2_000;
/// Longest description.
pub const MAX_DESCRIPTION_CHARS: usize = 200;

/// An endpoint's settings, parsed (the address as a URL; the application checks where it
/// points).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookFields {
    pub kind: WebhookKind,
    pub url: String,
    pub description: String,
    pub events: Vec<EventType>,
    pub enabled: bool,
}

/// Raw endpoint input.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct WebhookInput {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub events: Vec<String>,
    #[serde(default)]
    pub enabled: String,
}

impl WebhookInput {
    /// The settings, or every field's problem. `url` is checked here only for its form.
    pub fn parse(&self) -> Result<WebhookFields, crate::ValidationErrors> {
        let mut e = crate::ValidationErrors::default();
        let kind = if self.kind.trim().is_empty() {
            Some(WebhookKind::Standard)
        } else {
            e.check("kind", self.kind.parse::<WebhookKind>())
        };
        let url = self.url.trim();
        if url.is_empty() {
            e.push("url", Issue::Required);
        } else if url.chars().count() > MAX_URL_CHARS {
            e.push("url", Issue::TooLong);
        } else if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
            e.push("url", Issue::Invalid);
        }
        let description = crate::text::strip_controls(&self.description)
            .trim()
            .to_owned();
        if description.chars().count() > MAX_DESCRIPTION_CHARS {
            e.push("description", Issue::TooLong);
        }
        let mut events = Vec::new();
        for (i, ev) in self
            .events
            .iter()
            .filter(|s| !s.trim().is_empty())
            .enumerate()
        {
            match ev.parse::<EventType>() {
                Ok(t) if !events.contains(&t) => events.push(t),
                Ok(_) => {}
                Err(issue) => e.push(format!("events.{i}"), issue),
            }
        }
        if events.is_empty() && e.issue_for("events.0").is_none() {
            e.push("events", Issue::Required);
        }
        let enabled = !matches!(self.enabled.trim(), "false" | "off" | "0");
        match kind {
            Some(kind) if e.is_empty() => Ok(WebhookFields {
                kind,
                url: url.to_owned(),
                description,
                events,
                enabled,
            }),
            _ => Err(e),
        }
    }
}

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    /// Waiting for its (next) attempt.
    Pending,
    /// The endpoint answered 2xx.
    Delivered,
    /// Every attempt of the back-off schedule failed (it can be redelivered by hand).
    Failed,
}

impl DeliveryState {
    pub const ALL: [DeliveryState; 3] = [
        DeliveryState::Pending,
        DeliveryState::Delivered,
        DeliveryState::Failed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Pending => "pending",
            DeliveryState::Delivered => "delivered",
            DeliveryState::Failed => "failed",
        }
    }
}

impl FromStr for DeliveryState {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Issue> {
        DeliveryState::ALL
            .into_iter()
            .find(|d| d.as_str() == s.trim())
            .ok_or(Issue::UnknownValue)
    }
}

/// An endpoint as stored (its secret is not part of it: it is read only to sign).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookEndpoint {
    pub id: WebhookEndpointId,
    pub fields: WebhookFields,
    /// The state of the latest delivery attempted, and when.
    pub last_state: Option<DeliveryState>,
    pub last_status_code: Option<u16>,
    pub last_attempt_at: Option<OffsetDateTime>,
    /// Until when the secret replaced by the last rotation still signs beside the new one.
    pub previous_secret_until: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// One delivery of one event to one endpoint, with the outcome of its latest attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookDelivery {
    pub id: WebhookDeliveryId,
    pub endpoint_id: WebhookEndpointId,
    pub event_id: WebhookEventId,
    pub event_type: EventType,
    pub state: DeliveryState,
    pub attempts: u32,
    pub next_attempt_at: Option<OffsetDateTime>,
    pub last_status_code: Option<u16>,
    /// Why the latest attempt failed, in words of ours (never the receiver's body).
    pub last_error: Option<String>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn an_endpoint_needs_an_address_and_known_events() {
        let e = WebhookInput {
            kind: "teams".into(),
            url: "http://a b".into(),
            events: vec!["alert.fired".into(), "case.closed".into()],
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        assert_eq!(e.issue_for("kind"), Some(Issue::UnknownValue));
        assert_eq!(e.issue_for("url"), Some(Issue::Invalid));
        assert_eq!(e.issue_for("events.1"), Some(Issue::UnknownValue));
        let ok = WebhookInput {
            url: "https://hooks.example/x".into(),
            events: vec!["alert.fired".into(), "alert.fired".into()],
            ..Default::default()
        }
        .parse()
        .unwrap();
        assert_eq!(ok.kind, WebhookKind::Standard);
        assert_eq!(ok.events, vec![EventType::AlertFired]);
    }
}
