//! Support conversations: help-desk tickets, chats and e-mail threads with their messages,
//! from any help desk (the API, a CSV export) and later from taith's own inbox.
//!
//! A conversation has a channel, a status (open, pending, snoozed, resolved), who works it (a
//! member and/or an agent's name from the help desk, and a team), the customer, a subject,
//! tags and the customer's satisfaction (1–5) when the help desk asked. Its times are when it
//! was created, first answered and resolved; `reopens` counts the times a customer wrote again
//! after it was resolved (DESIGN §3 "reopen rate").

use crate::csv::ImportError;
use crate::{
    Channel, ConversationId, ConversationMessageId, CustomerId, Issue, Locale, TouchpointId,
    UserId, ValidationErrors,
};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Longest subject (characters).
pub const MAX_SUBJECT_CHARS: usize = 500;
/// Longest message body (characters).
pub const MAX_BODY_CHARS: usize = 10_000;
/// Most tags on one conversation, and the longest tag.
pub const MAX_TAGS: usize = 20;
pub const MAX_TAG_CHARS: usize = 50;
/// Most messages sent with one conversation.
pub const MAX_MESSAGES: usize = 500;
/// Longest external id, agent name or team name (characters).
pub const MAX_REF_CHARS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConversationStatus {
    Open,
    Pending,
    Snoozed,
    Resolved,
}

impl ConversationStatus {
    pub const ALL: [ConversationStatus; 4] = [
        ConversationStatus::Open,
        ConversationStatus::Pending,
        ConversationStatus::Snoozed,
        ConversationStatus::Resolved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConversationStatus::Open => "open",
            ConversationStatus::Pending => "pending",
            ConversationStatus::Snoozed => "snoozed",
            ConversationStatus::Resolved => "resolved",
        }
    }
}

impl FromStr for ConversationStatus {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Issue> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Issue::Required);
        }
        ConversationStatus::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s))
            .ok_or(Issue::UnknownValue)
    }
}

/// Who wrote a message: the customer (`in`) or the business (`out`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageDirection {
    In,
    Out,
}

impl MessageDirection {
    pub fn as_str(self) -> &'static str {
        match self {
            MessageDirection::In => "in",
            MessageDirection::Out => "out",
        }
    }
}

impl FromStr for MessageDirection {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Issue> {
        match s.trim() {
            "" => Err(Issue::Required),
            "in" => Ok(MessageDirection::In),
            "out" => Ok(MessageDirection::Out),
            _ => Err(Issue::UnknownValue),
        }
    }
}

/// A stored conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversation {
    pub id: ConversationId,
    pub external_id: Option<String>,
    pub channel: Channel,
    pub status: ConversationStatus,
    pub subject: String,
    pub customer_id: Option<CustomerId>,
    /// The member working it, when the agent is one of the workspace's members.
    pub assignee: Option<UserId>,
    /// The agent's name as the help desk gave it (or the assignee's name).
    pub agent: Option<String>,
    pub team: Option<String>,
    pub tags: Vec<String>,
    /// 1–5.
    pub satisfaction: Option<u8>,
    pub locale: Option<Locale>,
    pub touchpoint_id: Option<TouchpointId>,
    pub created_at: OffsetDateTime,
    pub first_reply_at: Option<OffsetDateTime>,
    pub resolved_at: Option<OffsetDateTime>,
    pub reopens: u32,
    pub updated_at: OffsetDateTime,
}

impl Conversation {
    /// Resolved at least once (now or before a reopening).
    pub fn ever_resolved(&self) -> bool {
        self.resolved_at.is_some() || self.reopens > 0
    }
}

/// A stored message.
#[derive(Debug, Clone, PartialEq)]
pub struct ConversationMessage {
    pub id: ConversationMessageId,
    pub conversation_id: ConversationId,
    pub direction: MessageDirection,
    pub author: Option<String>,
    pub author_id: Option<UserId>,
    pub at: OffsetDateTime,
    pub body: String,
}

/// A message as sent to the API.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MessageInput {
    #[serde(default)]
    pub direction: String,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub at: Option<String>,
    #[serde(default)]
    pub body: String,
}

/// A message checked.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMessage {
    pub direction: MessageDirection,
    pub author: Option<String>,
    /// None: now.
    pub at: Option<OffsetDateTime>,
    pub body: String,
}

/// A conversation as sent to the API or read from a CSV row: text to be checked.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ConversationInput {
    #[serde(default)]
    pub external_id: Option<String>,
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub subject: String,
    /// A customer of the workspace by id.
    #[serde(default)]
    pub customer_id: Option<String>,
    /// A customer by e-mail address or the business's own id (found or created).
    #[serde(default)]
    pub customer: Option<String>,
    #[serde(default)]
    pub agent: Option<String>,
    #[serde(default)]
    pub team: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub satisfaction: Option<serde_json::Value>,
    #[serde(default)]
    pub locale: Option<String>,
    #[serde(default)]
    pub touchpoint_id: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub first_reply_at: Option<String>,
    #[serde(default)]
    pub resolved_at: Option<String>,
    #[serde(default)]
    pub reopens: Option<u32>,
    #[serde(default)]
    pub messages: Vec<MessageInput>,
}

/// A conversation checked, before its customer and agent are looked up.
#[derive(Debug, Clone, PartialEq)]
pub struct NewConversation {
    pub external_id: Option<String>,
    pub channel: Channel,
    pub status: ConversationStatus,
    pub subject: String,
    pub customer_id: Option<CustomerId>,
    pub customer: Option<String>,
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
    pub messages: Vec<NewMessage>,
}

/// A time as help desks export it: RFC 3339, or `YYYY-MM-DD HH:MM[:SS]` / `YYYY-MM-DDTHH:MM`
/// in UTC.
pub fn parse_time(s: &str) -> Result<OffsetDateTime, Issue> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Issue::Required);
    }
    if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339) {
        return Ok(t.to_offset(time::UtcOffset::UTC));
    }
    let plain = s.replace('T', " ");
    let with_seconds =
        time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    let minutes = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
    time::PrimitiveDateTime::parse(&plain, with_seconds)
        .or_else(|_| time::PrimitiveDateTime::parse(&plain, minutes))
        .map(|t| t.assume_utc())
        .map_err(|_| Issue::Invalid)
}

fn opt_text(s: Option<&str>, max: usize) -> Result<Option<String>, Issue> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) if t.chars().count() > max => Err(Issue::TooLong),
        Some(t) => Ok(Some(t.to_owned())),
    }
}

/// Tags: trimmed, lower-cased, duplicates and empty ones dropped.
pub fn parse_tags<S: AsRef<str>>(raw: &[S]) -> Result<Vec<String>, Issue> {
    let mut tags: Vec<String> = Vec::new();
    for t in raw {
        let t = t.as_ref().trim().to_lowercase();
        if t.is_empty() {
            continue;
        }
        if t.chars().count() > MAX_TAG_CHARS {
            return Err(Issue::TooLong);
        }
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(Issue::TooLong);
    }
    Ok(tags)
}

fn parse_satisfaction(v: &serde_json::Value) -> Result<Option<u8>, Issue> {
    let n = match v {
        serde_json::Value::Null => return Ok(None),
        serde_json::Value::Number(n) => n.as_u64(),
        serde_json::Value::String(s) if s.trim().is_empty() => return Ok(None),
        serde_json::Value::String(s) => s.trim().parse::<u64>().ok(),
        _ => None,
    };
    match n {
        Some(n @ 1..=5) => Ok(u8::try_from(n).ok()),
        _ => Err(Issue::Invalid),
    }
}

/// A channel as help desks name it: `Email`, `e-mail`, `Chat`… (case and hyphens ignored).
pub fn parse_channel(s: &str) -> Result<Channel, Issue> {
    let s = s.trim().to_lowercase();
    let s = match s.as_str() {
        "e-mail" | "mail" => "email",
        "instore" | "in store" => "in-store",
        "inapp" | "in app" => "in-app",
        "telephone" | "voice" | "call" => "phone",
        "web chat" | "webchat" | "live chat" => "chat",
        other => other,
    };
    s.parse()
}

impl NewMessage {
    pub fn parse(input: &MessageInput, field: &str, errors: &mut ValidationErrors) -> Option<Self> {
        let direction = errors.check(&format!("{field}.direction"), input.direction.parse());
        let author = errors.check(
            &format!("{field}.author"),
            opt_text(input.author.as_deref(), MAX_REF_CHARS),
        );
        let at = match input.at.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(t) => errors
                .check(&format!("{field}.at"), parse_time(t))
                .map(Some),
        };
        let body = input.body.trim();
        let body = if body.is_empty() {
            errors.push(format!("{field}.body"), Issue::Required);
            None
        } else if body.chars().count() > MAX_BODY_CHARS {
            errors.push(format!("{field}.body"), Issue::TooLong);
            None
        } else {
            Some(body.to_owned())
        };
        Some(NewMessage {
            direction: direction?,
            author: author?,
            at: at?,
            body: body?,
        })
    }
}

impl NewConversation {
    /// Checks a conversation; `now` is the creation time when neither it nor a message says.
    ///
    /// Derived when not given: `created_at` from the first message; `first_reply_at` from the
    /// first `out` message at or after the creation; `status` resolved when `resolved_at` is
    /// given, otherwise open.
    pub fn parse(input: &ConversationInput, now: OffsetDateTime) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let external_id = e.check(
            "external_id",
            opt_text(input.external_id.as_deref(), MAX_REF_CHARS),
        );
        let channel = e.check("channel", parse_channel(&input.channel));
        let status = match input.status.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(s) => e.check("status", s.parse::<ConversationStatus>()).map(Some),
        };
        let subject = input.subject.trim();
        let subject = if subject.chars().count() > MAX_SUBJECT_CHARS {
            e.push("subject", Issue::TooLong);
            None
        } else {
            Some(subject.to_owned())
        };
        let customer_id = match input.customer_id.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(s) => e.check("customer_id", s.parse::<CustomerId>()).map(Some),
        };
        let customer = e.check(
            "customer",
            opt_text(input.customer.as_deref(), MAX_REF_CHARS),
        );
        let agent = e.check("agent", opt_text(input.agent.as_deref(), MAX_REF_CHARS));
        let team = e.check("team", opt_text(input.team.as_deref(), MAX_REF_CHARS));
        let tags = e.check("tags", parse_tags(&input.tags));
        let satisfaction = match &input.satisfaction {
            None => Some(None),
            Some(v) => e.check("satisfaction", parse_satisfaction(v)),
        };
        let locale = match input.locale.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(s) => e
                .check(
                    "locale",
                    s.parse::<Locale>().map_err(|_| Issue::UnknownValue),
                )
                .map(Some),
        };
        let touchpoint_id = match input.touchpoint_id.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(s) => e
                .check("touchpoint_id", s.parse::<TouchpointId>())
                .map(Some),
        };
        let mut time_of = |field: &str, v: &Option<String>| match v.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(s) => e.check(field, parse_time(s)).map(Some),
        };
        let created_at = time_of("created_at", &input.created_at);
        let first_reply_at = time_of("first_reply_at", &input.first_reply_at);
        let resolved_at = time_of("resolved_at", &input.resolved_at);
        if input.messages.len() > MAX_MESSAGES {
            e.push("messages", Issue::TooLong);
        }
        let messages: Vec<Option<NewMessage>> = input
            .messages
            .iter()
            .take(MAX_MESSAGES)
            .enumerate()
            .map(|(i, m)| NewMessage::parse(m, &format!("messages[{i}]"), &mut e))
            .collect();
        let (
            Some(external_id),
            Some(channel),
            Some(status),
            Some(subject),
            Some(customer_id),
            Some(customer),
            Some(agent),
            Some(team),
            Some(tags),
            Some(satisfaction),
            Some(locale),
            Some(touchpoint_id),
            Some(created_at),
            Some(first_reply_at),
            Some(resolved_at),
        ) = (
            external_id,
            channel,
            status,
            subject,
            customer_id,
            customer,
            agent,
            team,
            tags,
            satisfaction,
            locale,
            touchpoint_id,
            created_at,
            first_reply_at,
            resolved_at,
        )
        else {
            return Err(e);
        };
        if !e.is_empty() {
            return Err(e);
        }
        let mut messages: Vec<NewMessage> = messages.into_iter().flatten().collect();
        let first_message = messages.iter().filter_map(|m| m.at).min();
        let created_at = created_at.or(first_message).unwrap_or(now);
        for m in &mut messages {
            m.at.get_or_insert(created_at);
        }
        messages.sort_by_key(|m| m.at);
        let first_reply_at = first_reply_at.or_else(|| {
            messages
                .iter()
                .filter(|m| m.direction == MessageDirection::Out)
                .filter_map(|m| m.at)
                .find(|t| *t >= created_at)
        });
        if first_reply_at.is_some_and(|t| t < created_at) {
            e.push("first_reply_at", Issue::BeforeStart);
        }
        if resolved_at.is_some_and(|t| t < created_at) {
            e.push("resolved_at", Issue::BeforeStart);
        }
        let status = match (status, resolved_at) {
            (Some(ConversationStatus::Resolved), None) => {
                e.push("resolved_at", Issue::Required);
                ConversationStatus::Resolved
            }
            (Some(s), _) => s,
            (None, Some(_)) => ConversationStatus::Resolved,
            (None, None) => ConversationStatus::Open,
        };
        e.into_result()?;
        Ok(NewConversation {
            external_id,
            channel,
            status,
            subject,
            customer_id,
            customer,
            agent,
            team,
            tags,
            satisfaction,
            locale,
            touchpoint_id,
            created_at,
            first_reply_at,
            resolved_at: resolved_at.filter(|_| status == ConversationStatus::Resolved),
            reopens: input.reopens.unwrap_or(0),
            messages,
        })
    }
}

/// The CSV header taith reads, as a help desk exports it (docs/support.md): `id, created,
/// first reply, resolved, channel, agent, team, customer, subject, tags, satisfaction`.
/// Names are matched ignoring case, spaces, `_` and `-`; `id`, `created` and `channel` are
/// required, the others may be missing; tags are separated by `,` `;` or `|` inside their cell.
pub const CSV_COLUMNS: [&str; 11] = [
    "id",
    "created",
    "first reply",
    "resolved",
    "channel",
    "agent",
    "team",
    "customer",
    "subject",
    "tags",
    "satisfaction",
];

fn header_key(s: &str) -> String {
    s.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Reads a help-desk CSV export, whole or not at all: the first bad line is named in the
/// error (the header is line 1).
pub fn read_conversations_csv(
    input: &[u8],
    now: OffsetDateTime,
) -> Result<Vec<NewConversation>, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(input);
    let headers = reader.headers().map_err(|_| ImportError {
        line: 1,
        column: None,
        message: "the header could not be read as CSV".into(),
    })?;
    let keys: Vec<String> = headers.iter().map(header_key).collect();
    let mut at = [None; 11];
    for (i, col) in CSV_COLUMNS.iter().enumerate() {
        at[i] = keys.iter().position(|k| *k == header_key(col));
    }
    for (i, col) in CSV_COLUMNS.iter().enumerate().take(5) {
        if at[i].is_none() && *col != "first reply" && *col != "resolved" {
            return Err(ImportError {
                line: 1,
                column: Some((*col).to_owned()),
                message: format!("the header has no column {col:?}"),
            });
        }
    }
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (n, record) in reader.records().enumerate() {
        let line = n as u64 + 2;
        let record = record.map_err(|e| ImportError {
            line,
            column: None,
            message: format!("not a CSV line with {} cells: {e}", keys.len()),
        })?;
        let cell = |i: usize| -> Option<String> {
            at[i]
                .and_then(|c| record.get(c))
                .map(str::to_owned)
                .filter(|s| !s.trim().is_empty())
        };
        let tags: Vec<String> = cell(9)
            .map(|t| {
                t.split([',', ';', '|'])
                    .map(|s| s.trim().to_owned())
                    .collect()
            })
            .unwrap_or_default();
        let input = ConversationInput {
            external_id: cell(0),
            created_at: cell(1),
            first_reply_at: cell(2),
            resolved_at: cell(3),
            channel: cell(4).unwrap_or_default(),
            agent: cell(5),
            team: cell(6),
            customer: cell(7),
            subject: cell(8).unwrap_or_default(),
            tags,
            satisfaction: cell(10).map(serde_json::Value::String),
            ..ConversationInput::default()
        };
        let column_of = |field: &str| -> String {
            match field {
                "external_id" => "id",
                "created_at" => "created",
                "first_reply_at" => "first reply",
                "resolved_at" => "resolved",
                other => other,
            }
            .to_owned()
        };
        if input.external_id.is_none() {
            return Err(ImportError {
                line,
                column: Some("id".into()),
                message: "required".into(),
            });
        }
        if input.created_at.is_none() {
            return Err(ImportError {
                line,
                column: Some("created".into()),
                message: "required".into(),
            });
        }
        let parsed = NewConversation::parse(&input, now).map_err(|errs| {
            let first = errs.0.first();
            ImportError {
                line,
                column: first.map(|f| column_of(&f.field)),
                message: first.map_or("invalid".into(), |f| f.issue.code().to_owned()),
            }
        })?;
        if let Some(id) = &parsed.external_id
            && !seen.insert(id.clone())
        {
            return Err(ImportError {
                line,
                column: Some("id".into()),
                message: "the same id is on an earlier line".into(),
            });
        }
        out.push(parsed);
    }
    Ok(out)
}

/// A customer's subscription change (`POST /api/v1/customers/{id}/events`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LifecycleKind {
    Started,
    Ended,
    Renewed,
}

impl LifecycleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LifecycleKind::Started => "started",
            LifecycleKind::Ended => "ended",
            LifecycleKind::Renewed => "renewed",
        }
    }
}

impl FromStr for LifecycleKind {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Issue> {
        match s.trim() {
            "" => Err(Issue::Required),
            "started" => Ok(LifecycleKind::Started),
            "ended" => Ok(LifecycleKind::Ended),
            "renewed" => Ok(LifecycleKind::Renewed),
            _ => Err(Issue::UnknownValue),
        }
    }
}

/// A stored subscription change of a customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LifecycleEvent {
    pub customer_id: CustomerId,
    pub kind: LifecycleKind,
    pub at: OffsetDateTime,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_help_desk_export_reads_with_derived_status_and_names_a_bad_line() {
        let csv = "ID,Created,First Reply,Resolved,Channel,Agent,Team,Customer,Subject,Tags,Satisfaction\n\
                   T-1,2026-03-02 09:00,2026-03-02 10:30,2026-03-03 09:00,Email,Ana,Billing,a@x.example,Refund,\"billing;refund\",4\n\
                   T-2,2026-03-02T11:00:00Z,,,chat,,,,Where is my order,,\n";
        let rows = read_conversations_csv(csv.as_bytes(), datetime!(2026-04-01 0:00 UTC)).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].status, ConversationStatus::Resolved);
        assert_eq!(rows[0].tags, vec!["billing", "refund"]);
        assert_eq!(rows[0].satisfaction, Some(4));
        assert_eq!(rows[1].status, ConversationStatus::Open);
        assert_eq!(rows[1].channel, Channel::Chat);
        let bad = format!("{csv}T-3,2026-03-04 09:00,,,pigeon,,,,x,,\n");
        let err =
            read_conversations_csv(bad.as_bytes(), datetime!(2026-04-01 0:00 UTC)).unwrap_err();
        assert_eq!(err.line, 4);
        assert_eq!(err.column.as_deref(), Some("channel"));
    }

    #[test]
    fn the_first_reply_comes_from_the_first_outgoing_message() {
        let input = ConversationInput {
            channel: "email".into(),
            messages: vec![
                MessageInput {
                    direction: "in".into(),
                    at: Some("2026-03-02T09:00:00Z".into()),
                    body: "Hello".into(),
                    ..MessageInput::default()
                },
                MessageInput {
                    direction: "out".into(),
                    at: Some("2026-03-02T09:45:00Z".into()),
                    body: "Hi".into(),
                    ..MessageInput::default()
                },
            ],
            ..ConversationInput::default()
        };
        let c = NewConversation::parse(&input, datetime!(2026-04-01 0:00 UTC)).unwrap();
        assert_eq!(c.created_at, datetime!(2026-03-02 9:00 UTC));
        assert_eq!(c.first_reply_at, Some(datetime!(2026-03-02 9:45 UTC)));
    }
}
