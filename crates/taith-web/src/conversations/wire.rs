//! Wire types of support conversations and their figures.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use taith_domain as d;
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// A message sent with a conversation or added to one.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct MessageCreate {
    /// `in` (from the customer) or `out` (from the business).
    #[serde(default)]
    pub direction: String,
    /// Who wrote it: a name or e-mail address (an agent who is a member is recognised).
    #[serde(default)]
    pub author: Option<String>,
    /// RFC 3339; missing: the conversation's creation (with a conversation) or now.
    #[serde(default)]
    pub at: Option<String>,
    /// Plain text, at most 10,000 characters.
    #[serde(default)]
    pub body: String,
}

impl MessageCreate {
    pub fn input(&self) -> d::MessageInput {
        d::MessageInput {
            direction: self.direction.clone(),
            author: self.author.clone(),
            at: self.at.clone(),
            body: self.body.clone(),
        }
    }
}

/// A conversation: with its messages, or with its times (created, first reply, resolved).
/// A second POST with the same `external_id` updates the first (idempotent).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct ConversationCreate {
    /// The help desk's own id: the idempotency key.
    #[serde(default)]
    pub external_id: Option<String>,
    /// `web`, `email`, `phone`, `chat`, `social`, `in-store`, `in-app`, `sms` or `other`.
    #[serde(default)]
    pub channel: String,
    /// `open`, `pending`, `snoozed` or `resolved`; missing: resolved when `resolved_at` is
    /// given, else open.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub subject: String,
    /// A customer of the workspace by id.
    #[serde(default)]
    #[schema(value_type = Option<Uuid>)]
    pub customer_id: Option<String>,
    /// A customer by e-mail address or the business's own id, found or created.
    #[serde(default)]
    pub customer: Option<String>,
    /// The agent: a member's e-mail or name makes them the assignee; any other name is kept.
    #[serde(default)]
    pub agent: Option<String>,
    #[serde(default)]
    pub team: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The customer's satisfaction, 1–5.
    #[serde(default)]
    #[schema(value_type = Option<u8>, minimum = 1, maximum = 5)]
    pub satisfaction: Option<serde_json::Value>,
    /// The conversation's language (`en`, `cy`, `ms`, `sw`, `ar`, `vi`).
    #[serde(default)]
    pub locale: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<Uuid>)]
    pub touchpoint_id: Option<String>,
    /// RFC 3339 (or `YYYY-MM-DD HH:MM[:SS]`, UTC); missing: the first message's time, or now.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Missing: the first `out` message's time.
    #[serde(default)]
    pub first_reply_at: Option<String>,
    #[serde(default)]
    pub resolved_at: Option<String>,
    /// How many times it was reopened before (from a help desk's history).
    #[serde(default)]
    pub reopens: Option<u32>,
    #[serde(default)]
    pub messages: Vec<MessageCreate>,
}

impl ConversationCreate {
    pub fn input(&self) -> d::ConversationInput {
        d::ConversationInput {
            external_id: self.external_id.clone(),
            channel: self.channel.clone(),
            status: self.status.clone(),
            subject: self.subject.clone(),
            customer_id: self.customer_id.clone(),
            customer: self.customer.clone(),
            agent: self.agent.clone(),
            team: self.team.clone(),
            tags: self.tags.clone(),
            satisfaction: self.satisfaction.clone(),
            locale: self.locale.clone(),
            touchpoint_id: self.touchpoint_id.clone(),
            created_at: self.created_at.clone(),
            first_reply_at: self.first_reply_at.clone(),
            resolved_at: self.resolved_at.clone(),
            reopens: self.reopens,
            messages: self.messages.iter().map(MessageCreate::input).collect(),
        }
    }
}

/// A conversation.
#[derive(Debug, Serialize, ToSchema)]
pub struct Conversation {
    pub id: Uuid,
    pub external_id: Option<String>,
    pub channel: String,
    /// `open`, `pending`, `snoozed` or `resolved`.
    pub status: String,
    pub subject: String,
    pub customer_id: Option<Uuid>,
    /// The member working it.
    pub assignee_id: Option<Uuid>,
    pub agent: Option<String>,
    pub team: Option<String>,
    pub tags: Vec<String>,
    pub satisfaction: Option<u8>,
    pub locale: Option<String>,
    pub touchpoint_id: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub first_reply_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub resolved_at: Option<OffsetDateTime>,
    /// Times a customer wrote again after it was resolved.
    pub reopens: u32,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl Conversation {
    pub fn of(c: &d::Conversation) -> Conversation {
        Conversation {
            id: c.id.as_uuid(),
            external_id: c.external_id.clone(),
            channel: c.channel.as_str().to_owned(),
            status: c.status.as_str().to_owned(),
            subject: c.subject.clone(),
            customer_id: c.customer_id.map(|x| x.as_uuid()),
            assignee_id: c.assignee.map(|x| x.as_uuid()),
            agent: c.agent.clone(),
            team: c.team.clone(),
            tags: c.tags.clone(),
            satisfaction: c.satisfaction,
            locale: c.locale.map(|l| l.tag().to_owned()),
            touchpoint_id: c.touchpoint_id.map(|x| x.as_uuid()),
            created_at: c.created_at,
            first_reply_at: c.first_reply_at,
            resolved_at: c.resolved_at,
            reopens: c.reopens,
            updated_at: c.updated_at,
        }
    }
}

/// A message.
#[derive(Debug, Serialize, ToSchema)]
pub struct Message {
    pub id: Uuid,
    /// `in` or `out`.
    pub direction: String,
    pub author: Option<String>,
    pub author_id: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub body: String,
}

impl Message {
    pub fn of(m: &d::ConversationMessage) -> Message {
        Message {
            id: m.id.as_uuid(),
            direction: m.direction.as_str().to_owned(),
            author: m.author.clone(),
            author_id: m.author_id.map(|x| x.as_uuid()),
            at: m.at,
            body: m.body.clone(),
        }
    }
}

/// A conversation with its messages.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConversationDetail {
    pub conversation: Conversation,
    pub messages: Vec<Message>,
}

/// A page of conversations, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConversationList {
    pub conversations: Vec<Conversation>,
    pub next_cursor: Option<String>,
}

/// The conversation and the message just added.
#[derive(Debug, Serialize, ToSchema)]
pub struct MessageAdded {
    pub conversation: Conversation,
    pub message: Message,
}

/// Filters of the conversation list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConversationListQuery {
    /// Comma-separated statuses.
    pub status: Option<String>,
    pub channel: Option<String>,
    #[param(value_type = Option<Uuid>)]
    pub customer_id: Option<String>,
    #[param(value_type = Option<Uuid>)]
    pub assignee_id: Option<String>,
    pub team: Option<String>,
    pub tag: Option<String>,
    /// Created on or after this day, `YYYY-MM-DD` (UTC).
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<String>,
    /// Created on or before this day.
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<String>,
    #[serde(default)]
    pub limit: Option<String>,
    #[serde(default)]
    pub cursor: Option<String>,
}

/// What a CSV import did.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportAnswer {
    pub created: u64,
    pub updated: u64,
}

/// `{"metric": "first_response_time", "unit": "minutes", "groups": [...]}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct SupportMetricAnswer {
    pub metric: &'static str,
    /// `minutes` for the times, `percent` for the reopen rate.
    pub unit: &'static str,
    /// Whether times count only the workspace's business hours (its SLA's).
    pub business_hours: bool,
    pub groups: Vec<SupportMetricGroup>,
}

/// One group's figure.
#[derive(Debug, Serialize, ToSchema)]
pub struct SupportMetricGroup {
    /// `{"team": "Billing"}` with `by`; empty without.
    pub key: HashMap<String, String>,
    /// Conversations created in the period.
    pub n: u64,
    /// The mean (times) or the rate in % (reopen rate); null when nothing to count.
    pub value: Option<f64>,
    /// Reopen rate: the 95% Wilson interval.
    pub ci95: Option<[f64; 2]>,
    pub small_sample: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median: Option<Option<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p90: Option<Option<f64>>,
    /// Times: conversations with the time (answered; resolved).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timed: Option<u64>,
    /// Times: conversations without it, counted apart (unanswered; open).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open: Option<u64>,
    /// Reopen rate: reopened conversations, and those ever resolved (the denominator).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reopened: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<u64>,
}
