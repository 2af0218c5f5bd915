//! Events: what customers do — page views, site searches, conversions (goals), tasks, errors
//! and clicks — as the web tracker, the API and CSV imports send them.
//!
//! [`EventInput`] is the wire form (every field optional, as received); [`EventInput::parse`]
//! turns it into an [`Event`] or field-level errors, applying the caps of `docs/events.md`.

use crate::text::strip_controls;
use crate::{Channel, CustomerId, EventId, Issue, Locale, SiteId, TouchpointId, ValidationErrors};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// Most events in one request (`POST /api/v1/events`, one tracker call, one import chunk).
pub const MAX_BATCH: usize = 1_000;
/// Most attributes on one event.
pub const MAX_ATTRIBUTES: usize = 20;
/// Longest attribute name, in characters.
pub const MAX_ATTRIBUTE_KEY_CHARS: usize = 64;
/// Longest attribute value, in characters.
pub const MAX_ATTRIBUTE_VALUE_CHARS: usize = 256;
/// Longest page address, in characters (after stripping the fragment and private parameters).
pub const MAX_URL_CHARS: usize = 2_048;
/// Longest search query, goal, task name, error kind or click target, in characters.
pub const MAX_TEXT_CHARS: usize = 256;
/// Longest visitor id, session id or client key, in characters.
pub const MAX_ID_CHARS: usize = 128;
/// How far in the future an event's `occurred_at` may be (clock skew), in seconds.
pub const MAX_FUTURE_SKEW_SECS: i64 = 5 * 60;
/// How old an event may be when it is received, in days.
pub const MAX_AGE_DAYS: i64 = 400;

/// What kind of thing happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    PageView,
    Search,
    Conversion,
    Task,
    Error,
    Click,
}

impl EventKind {
    pub const ALL: [EventKind; 6] = [
        EventKind::PageView,
        EventKind::Search,
        EventKind::Conversion,
        EventKind::Task,
        EventKind::Error,
        EventKind::Click,
    ];

    /// The wire name: `page_view`, `search`, `conversion`, `task`, `error`, `click`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::PageView => "page_view",
            EventKind::Search => "search",
            EventKind::Conversion => "conversion",
            EventKind::Task => "task",
            EventKind::Error => "error",
            EventKind::Click => "click",
        }
    }
}

impl std::str::FromStr for EventKind {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Issue> {
        EventKind::ALL
            .into_iter()
            .find(|t| t.as_str() == s.trim())
            .ok_or(Issue::UnknownValue)
    }
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The fields that only one type of event has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventDetail {
    PageView,
    Search {
        query: String,
        /// How many results the site showed; `None` when the site did not say.
        result_count: Option<u32>,
    },
    Conversion {
        goal: String,
        /// What the conversion was worth (an order's total), when the site says.
        value: Option<f64>,
    },
    Task {
        name: String,
        success: bool,
        duration_ms: Option<u64>,
    },
    Error {
        kind: String,
    },
    Click {
        target: String,
    },
}

impl EventDetail {
    pub fn event_type(&self) -> EventKind {
        match self {
            EventDetail::PageView => EventKind::PageView,
            EventDetail::Search { .. } => EventKind::Search,
            EventDetail::Conversion { .. } => EventKind::Conversion,
            EventDetail::Task { .. } => EventKind::Task,
            EventDetail::Error { .. } => EventKind::Error,
            EventDetail::Click { .. } => EventKind::Click,
        }
    }
}

/// One event, parsed (valid by construction when it comes from [`EventInput::parse`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// Time-ordered (UUIDv7), given when the event is received: the order of
    /// `events_after`, not the order of `occurred_at`.
    pub id: EventId,
    #[serde(flatten)]
    pub detail: EventDetail,
    #[serde(with = "time::serde::rfc3339")]
    pub occurred_at: OffsetDateTime,
    /// An anonymous visitor (the tracker's daily-rotating hash, or the sender's own id).
    pub visitor_id: Option<String>,
    pub session_id: Option<String>,
    /// The customer, when the business knows who it was.
    pub customer_id: Option<CustomerId>,
    /// The page, stripped of its fragment and of private query parameters.
    pub url: Option<String>,
    pub touchpoint_id: Option<TouchpointId>,
    pub channel: Channel,
    pub locale: Option<Locale>,
    pub attributes: BTreeMap<String, String>,
    /// The site whose tracker sent it, if one did.
    pub site_id: Option<SiteId>,
    /// The sender's idempotency key: a repeat of a stored key stores nothing new.
    pub client_key: Option<String>,
}

impl Event {
    pub fn event_type(&self) -> EventKind {
        self.detail.event_type()
    }

    /// A page view at `url` now, on the web: a starting point for tests and the demo.
    pub fn page_view(occurred_at: OffsetDateTime) -> Event {
        Event {
            id: EventId::new(),
            detail: EventDetail::PageView,
            occurred_at,
            visitor_id: None,
            session_id: None,
            customer_id: None,
            url: None,
            touchpoint_id: None,
            channel: Channel::Web,
            locale: None,
            attributes: BTreeMap::new(),
            site_id: None,
            client_key: None,
        }
    }
}

/// An event as received on the wire (JSON body, tracker beacon or CSV line): every field
/// optional, checked by [`parse`](EventInput::parse).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct EventInput {
    #[serde(default, rename = "type")]
    pub event_type: Option<String>,
    /// RFC 3339; now when absent.
    #[serde(default)]
    pub occurred_at: Option<String>,
    #[serde(default)]
    pub visitor_id: Option<String>,
    #[serde(default)]
    pub session_id: Option<String>,
    #[serde(default)]
    pub customer_id: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub touchpoint_id: Option<String>,
    #[serde(default)]
    pub channel: Option<String>,
    #[serde(default)]
    pub locale: Option<String>,
    #[serde(default)]
    pub attributes: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub query: Option<String>,
    #[serde(default)]
    pub result_count: Option<i64>,
    #[serde(default)]
    pub goal: Option<String>,
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub success: Option<bool>,
    #[serde(default)]
    pub duration_ms: Option<i64>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub target: Option<String>,
    /// The sender's idempotency key.
    #[serde(default)]
    pub client_key: Option<String>,
}

/// A short text of the event (query, goal, …): control characters dropped, trimmed, at most
/// [`MAX_TEXT_CHARS`].
pub fn event_text(s: &str) -> Result<String, Issue> {
    let cleaned = strip_controls(s).replace(['\n', '\t'], " ");
    let t = cleaned.trim();
    if t.chars().count() > MAX_TEXT_CHARS {
        return Err(Issue::TooLong);
    }
    Ok(t.to_owned())
}

fn required_text(s: Option<&str>) -> Result<String, Issue> {
    let t = event_text(s.unwrap_or(""))?;
    if t.is_empty() {
        return Err(Issue::Required);
    }
    Ok(t)
}

fn opt_id(s: Option<&str>) -> Result<Option<String>, Issue> {
    let Some(s) = s else { return Ok(None) };
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.chars().count() > MAX_ID_CHARS || t.chars().any(char::is_control) {
        return Err(Issue::Invalid);
    }
    Ok(Some(t.to_owned()))
}

/// Whether a query parameter's name looks private (e-mail, token, password, secret, key): such
/// parameters are removed from stored addresses.
pub fn is_private_param(name: &str) -> bool {
    let n: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    [
        "email", "mail", "token", "password", "passwd", "pwd", "secret", "auth",
    ]
    .iter()
    .any(|w| n.contains(w))
        || n.ends_with("key")
}

/// A page address as stored: trimmed, fragment dropped, private query parameters removed,
/// at most [`MAX_URL_CHARS`]. An absolute `http(s)://` address or a path starting with `/`.
pub fn clean_url(raw: &str) -> Result<String, Issue> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(Issue::Required);
    }
    if s.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(Issue::Invalid);
    }
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let absolute = lower.starts_with("http://") || lower.starts_with("https://");
    let path = s.starts_with('/') && !s.starts_with("//");
    if !absolute && !path {
        return Err(Issue::Invalid);
    }
    let s = s.split('#').next().unwrap_or(s);
    let (base, query) = match s.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (s, None),
    };
    let mut out = base.to_owned();
    if let Some(q) = query {
        let kept: Vec<&str> = q
            .split('&')
            .filter(|p| !p.is_empty())
            .filter(|p| !is_private_param(p.split('=').next().unwrap_or(p)))
            .collect();
        if !kept.is_empty() {
            out.push('?');
            out.push_str(&kept.join("&"));
        }
    }
    if out.chars().count() > MAX_URL_CHARS {
        return Err(Issue::TooLong);
    }
    Ok(out)
}

/// The path of a page address (`/shop/cart` of `https://x.example/shop/cart?a=1`).
pub fn url_path(url: &str) -> &str {
    let rest = match url.find("://") {
        Some(i) => {
            let after = &url[i + 3..];
            match after.find('/') {
                Some(j) => &after[j..],
                None => "/",
            }
        }
        None => url,
    };
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    &rest[..end]
}

/// The value of query parameter `name` in `url`, decoded (`+` as space, `%xx`).
pub fn query_param(url: &str, name: &str) -> Option<String> {
    let q = url.split('#').next()?.split_once('?')?.1;
    q.split('&').find_map(|p| {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        (percent_decode(k) == name).then(|| percent_decode(v))
    })
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl EventInput {
    /// Parses the event received at `now`. Field names of the errors are the wire names.
    pub fn parse(&self, now: OffsetDateTime) -> Result<Event, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let event_type = errors.check(
            "type",
            match self.event_type.as_deref() {
                None | Some("") => Err(Issue::Required),
                Some(t) => t.parse::<EventKind>(),
            },
        );
        let occurred_at = errors.check(
            "occurred_at",
            match self.occurred_at.as_deref().map(str::trim) {
                None | Some("") => Ok(now),
                Some(s) => OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
                    .map_err(|_| Issue::Invalid)
                    .and_then(|t| {
                        let t = t.to_offset(time::UtcOffset::UTC);
                        if t > now + time::Duration::seconds(MAX_FUTURE_SKEW_SECS)
                            || t < now - time::Duration::days(MAX_AGE_DAYS)
                        {
                            Err(Issue::Invalid)
                        } else {
                            Ok(t.replace_nanosecond(t.nanosecond() / 1_000 * 1_000)
                                .unwrap_or(t))
                        }
                    }),
            },
        );
        let visitor_id = errors.check("visitor_id", opt_id(self.visitor_id.as_deref()));
        let session_id = errors.check("session_id", opt_id(self.session_id.as_deref()));
        let client_key = errors.check("client_id", opt_id(self.client_key.as_deref()));
        let customer_id = errors.check(
            "customer_id",
            match self.customer_id.as_deref().map(str::trim) {
                None | Some("") => Ok(None),
                Some(s) => s.parse::<CustomerId>().map(Some),
            },
        );
        let touchpoint_id = errors.check(
            "touchpoint_id",
            match self.touchpoint_id.as_deref().map(str::trim) {
                None | Some("") => Ok(None),
                Some(s) => s.parse::<TouchpointId>().map(Some),
            },
        );
        let url = errors.check(
            "url",
            match self.url.as_deref().map(str::trim) {
                None | Some("") => Ok(None),
                Some(s) => clean_url(s).map(Some),
            },
        );
        let channel = errors.check(
            "channel",
            match self.channel.as_deref().map(str::trim) {
                None | Some("") => Ok(Channel::Web),
                Some(s) => Channel::ALL
                    .into_iter()
                    .find(|c| c.as_str() == s)
                    .ok_or(Issue::UnknownValue),
            },
        );
        let locale = errors.check(
            "locale",
            match self.locale.as_deref().map(str::trim) {
                None | Some("") => Ok(None),
                Some(s) => s
                    .parse::<Locale>()
                    .map(Some)
                    .map_err(|_| Issue::UnknownValue),
            },
        );
        let attributes = errors.check("attributes", {
            let attrs = self.attributes.clone().unwrap_or_default();
            if attrs.len() > MAX_ATTRIBUTES
                || attrs.iter().any(|(k, v)| {
                    k.chars().count() > MAX_ATTRIBUTE_KEY_CHARS
                        || v.chars().count() > MAX_ATTRIBUTE_VALUE_CHARS
                })
            {
                Err(Issue::TooLong)
            } else if attrs.keys().any(|k| k.trim().is_empty()) {
                Err(Issue::Invalid)
            } else {
                Ok(attrs
                    .into_iter()
                    .map(|(k, v)| (strip_controls(k.trim()), strip_controls(&v)))
                    .collect::<BTreeMap<_, _>>())
            }
        });
        let detail = match event_type {
            None => None,
            Some(EventKind::PageView) => Some(EventDetail::PageView),
            Some(EventKind::Search) => {
                let query = errors.check("query", required_text(self.query.as_deref()));
                let result_count = errors.check(
                    "result_count",
                    self.result_count
                        .map(|n| u32::try_from(n).map_err(|_| Issue::Invalid))
                        .transpose(),
                );
                match (query, result_count) {
                    (Some(query), Some(result_count)) => Some(EventDetail::Search {
                        query,
                        result_count,
                    }),
                    _ => None,
                }
            }
            Some(EventKind::Conversion) => {
                let goal = errors.check("goal", required_text(self.goal.as_deref()));
                let value = errors.check(
                    "value",
                    match self.value {
                        Some(v) if !v.is_finite() || v.abs() > 1e12 => Err(Issue::Invalid),
                        v => Ok(v),
                    },
                );
                match (goal, value) {
                    (Some(goal), Some(value)) => Some(EventDetail::Conversion { goal, value }),
                    _ => None,
                }
            }
            Some(EventKind::Task) => {
                let name = errors.check("name", required_text(self.name.as_deref()));
                let success = errors.check("success", self.success.ok_or(Issue::Required));
                let duration_ms = errors.check(
                    "duration_ms",
                    self.duration_ms
                        .map(|n| u64::try_from(n).map_err(|_| Issue::Invalid))
                        .transpose(),
                );
                match (name, success, duration_ms) {
                    (Some(name), Some(success), Some(duration_ms)) => Some(EventDetail::Task {
                        name,
                        success,
                        duration_ms,
                    }),
                    _ => None,
                }
            }
            Some(EventKind::Error) => errors
                .check("kind", required_text(self.kind.as_deref()))
                .map(|kind| EventDetail::Error { kind }),
            Some(EventKind::Click) => errors
                .check("target", required_text(self.target.as_deref()))
                .map(|target| EventDetail::Click { target }),
        };
        match (
            detail,
            occurred_at,
            visitor_id,
            session_id,
            client_key,
            customer_id,
            touchpoint_id,
            url,
            channel,
            locale,
            attributes,
        ) {
            (
                Some(detail),
                Some(occurred_at),
                Some(visitor_id),
                Some(session_id),
                Some(client_key),
                Some(customer_id),
                Some(touchpoint_id),
                Some(url),
                Some(channel),
                Some(locale),
                Some(attributes),
            ) if errors.is_empty() => Ok(Event {
                id: EventId::new(),
                detail,
                occurred_at,
                visitor_id,
                session_id,
                customer_id,
                url,
                touchpoint_id,
                channel,
                locale,
                attributes,
                site_id: None,
                client_key,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn now() -> OffsetDateTime {
        time::macros::datetime!(2026-06-01 12:00 UTC)
    }

    #[test]
    fn private_query_parameters_and_fragments_are_stripped() {
        assert_eq!(
            clean_url("https://shop.example/a?q=tea&email=x%40y&api_key=1&Token=2&page=2#top")
                .unwrap(),
            "https://shop.example/a?q=tea&page=2"
        );
        assert_eq!(clean_url("/cart?password=1").unwrap(), "/cart");
        assert_eq!(clean_url("javascript:alert(1)"), Err(Issue::Invalid));
        assert_eq!(clean_url("//evil.example/"), Err(Issue::Invalid));
        let long = format!("/{}", "a".repeat(MAX_URL_CHARS));
        assert_eq!(clean_url(&long), Err(Issue::TooLong));
    }

    #[test]
    fn paths_and_parameters_are_read_from_addresses() {
        assert_eq!(url_path("https://x.example/shop/cart?a=1"), "/shop/cart");
        assert_eq!(url_path("https://x.example"), "/");
        assert_eq!(url_path("/a/b#c"), "/a/b");
        assert_eq!(
            query_param("https://x.example/s?q=green+tea%21&p=1", "q").as_deref(),
            Some("green tea!")
        );
        assert_eq!(query_param("/s?p=1", "q"), None);
        assert_eq!(query_param("/s?q=%", "q").as_deref(), Some("%"));
    }

    #[test]
    fn each_type_needs_its_own_fields_and_times_are_bounded() {
        let ok = EventInput {
            event_type: Some("search".into()),
            query: Some("tea".into()),
            result_count: Some(0),
            ..Default::default()
        };
        let e = ok.parse(now()).unwrap();
        assert_eq!(
            e.detail,
            EventDetail::Search {
                query: "tea".into(),
                result_count: Some(0)
            }
        );
        assert_eq!(e.occurred_at, now());

        let missing = EventInput {
            event_type: Some("conversion".into()),
            ..Default::default()
        };
        let errs = missing.parse(now()).unwrap_err();
        assert_eq!(errs.issue_for("goal"), Some(Issue::Required));

        let unknown = EventInput {
            event_type: Some("purchase".into()),
            ..Default::default()
        };
        assert_eq!(
            unknown.parse(now()).unwrap_err().issue_for("type"),
            Some(Issue::UnknownValue)
        );

        for t in ["2026-06-01T12:06:00Z", "2025-01-01T00:00:00Z", "yesterday"] {
            let bad = EventInput {
                event_type: Some("page_view".into()),
                occurred_at: Some(t.into()),
                ..Default::default()
            };
            assert_eq!(
                bad.parse(now()).unwrap_err().issue_for("occurred_at"),
                Some(Issue::Invalid),
                "{t}"
            );
        }

        let huge = EventInput {
            event_type: Some("page_view".into()),
            attributes: Some(
                (0..=MAX_ATTRIBUTES)
                    .map(|i| (format!("k{i}"), "v".into()))
                    .collect(),
            ),
            ..Default::default()
        };
        assert_eq!(
            huge.parse(now()).unwrap_err().issue_for("attributes"),
            Some(Issue::TooLong)
        );
    }
}
