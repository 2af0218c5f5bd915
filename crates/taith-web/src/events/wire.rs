//! Wire types of events: what is submitted and read back.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use taith_domain as d;
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// The type of an event.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    PageView,
    Search,
    Conversion,
    Task,
    Error,
    Click,
}

/// One event as sent. Which fields apply depends on `type`: `query` and `result_count`
/// (search), `goal` and `value` (conversion), `name`, `success` and `duration_ms` (task),
/// `kind` (error), `target` (click).
#[derive(Debug, Default, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventIn {
    #[serde(rename = "type")]
    #[schema(value_type = EventType)]
    pub event_type: Option<String>,
    /// RFC 3339; now when absent; at most 5 minutes in the future and 400 days in the past.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub occurred_at: Option<String>,
    /// An anonymous visitor id of yours (at most 128 characters).
    pub visitor_id: Option<String>,
    pub session_id: Option<String>,
    /// A customer of the workspace (taith's id).
    #[schema(value_type = Option<Uuid>)]
    pub customer_id: Option<String>,
    /// An http(s) address or a path (at most 2,048 characters); the fragment and query
    /// parameters named like e-mail, token, password, secret or key are removed.
    pub url: Option<String>,
    #[schema(value_type = Option<Uuid>)]
    pub touchpoint_id: Option<String>,
    /// `web` when absent.
    pub channel: Option<String>,
    pub locale: Option<String>,
    /// Up to 20 string values; names at most 64 characters, values at most 256.
    pub attributes: Option<BTreeMap<String, String>>,
    pub query: Option<String>,
    pub result_count: Option<i64>,
    pub goal: Option<String>,
    pub value: Option<f64>,
    pub name: Option<String>,
    pub success: Option<bool>,
    pub duration_ms: Option<i64>,
    pub kind: Option<String>,
    pub target: Option<String>,
    /// Your idempotency key for this event (at most 128 characters): an event with a key
    /// already stored in the workspace is not stored again.
    pub client_id: Option<String>,
}

impl From<EventIn> for d::EventInput {
    fn from(e: EventIn) -> Self {
        d::EventInput {
            event_type: e.event_type,
            occurred_at: e.occurred_at,
            visitor_id: e.visitor_id,
            session_id: e.session_id,
            customer_id: e.customer_id,
            url: e.url,
            touchpoint_id: e.touchpoint_id,
            channel: e.channel,
            locale: e.locale,
            attributes: e.attributes,
            query: e.query,
            result_count: e.result_count,
            goal: e.goal,
            value: e.value,
            name: e.name,
            success: e.success,
            duration_ms: e.duration_ms,
            kind: e.kind,
            target: e.target,
            client_key: e.client_id,
        }
    }
}

/// Up to 1,000 events, stored all or none.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventSubmission {
    pub events: Vec<EventIn>,
}

/// What became of one submitted event.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct SubmittedEvent {
    /// The event's id; for a repeated idempotency key, the id stored the first time.
    pub id: Uuid,
    /// False when the idempotency key had been stored before and nothing new was written.
    pub created: bool,
}

impl From<taith_store::StoredEvent> for SubmittedEvent {
    fn from(s: taith_store::StoredEvent) -> Self {
        SubmittedEvent {
            id: s.id.as_uuid(),
            created: s.created,
        }
    }
}

/// The events of a submission, in order.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubmittedEvents {
    pub events: Vec<SubmittedEvent>,
}

/// A stored event.
#[derive(Debug, Serialize, ToSchema)]
pub struct Event {
    pub id: Uuid,
    #[serde(rename = "type")]
    pub event_type: EventType,
    #[serde(with = "time::serde::rfc3339")]
    pub occurred_at: OffsetDateTime,
    pub visitor_id: Option<String>,
    pub session_id: Option<String>,
    pub customer_id: Option<Uuid>,
    pub url: Option<String>,
    pub touchpoint_id: Option<Uuid>,
    pub site_id: Option<Uuid>,
    pub channel: String,
    pub locale: Option<String>,
    pub attributes: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result_count: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    pub client_id: Option<String>,
}

impl From<&d::Event> for Event {
    fn from(e: &d::Event) -> Self {
        let mut out = Event {
            id: e.id.as_uuid(),
            event_type: match e.event_type() {
                d::EventKind::PageView => EventType::PageView,
                d::EventKind::Search => EventType::Search,
                d::EventKind::Conversion => EventType::Conversion,
                d::EventKind::Task => EventType::Task,
                d::EventKind::Error => EventType::Error,
                d::EventKind::Click => EventType::Click,
            },
            occurred_at: e.occurred_at,
            visitor_id: e.visitor_id.clone(),
            session_id: e.session_id.clone(),
            customer_id: e.customer_id.map(|c| c.as_uuid()),
            url: e.url.clone(),
            touchpoint_id: e.touchpoint_id.map(|t| t.as_uuid()),
            site_id: e.site_id.map(|s| s.as_uuid()),
            channel: e.channel.as_str().to_owned(),
            locale: e.locale.map(|l| l.tag().to_owned()),
            attributes: e.attributes.clone(),
            query: None,
            result_count: None,
            goal: None,
            value: None,
            name: None,
            success: None,
            duration_ms: None,
            kind: None,
            target: None,
            client_id: e.client_key.clone(),
        };
        match &e.detail {
            d::EventDetail::PageView => {}
            d::EventDetail::Search {
                query,
                result_count,
            } => {
                out.query = Some(query.clone());
                out.result_count = *result_count;
            }
            d::EventDetail::Conversion { goal, value } => {
                out.goal = Some(goal.clone());
                out.value = *value;
            }
            d::EventDetail::Task {
                name,
                success,
                duration_ms,
            } => {
                out.name = Some(name.clone());
                out.success = Some(*success);
                out.duration_ms = *duration_ms;
            }
            d::EventDetail::Error { kind } => out.kind = Some(kind.clone()),
            d::EventDetail::Click { target } => out.target = Some(target.clone()),
        }
        out
    }
}

/// A page of events, oldest first (by id).
#[derive(Debug, Serialize, ToSchema)]
pub struct EventList {
    pub events: Vec<Event>,
    pub next_cursor: Option<String>,
}
