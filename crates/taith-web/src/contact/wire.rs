//! Wire types of the contact budget and consent.

use serde::{Deserialize, Serialize};
use taith_domain::contact::{Consent, Policy, PolicyInput, Purpose};
use time::OffsetDateTime;
use utoipa::ToSchema;

/// A workspace's contact budget.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContactPolicy {
    /// At most this many asks of one customer…
    pub max_asks: u16,
    /// …in this many days, across every survey and channel (invitations, reminders, the
    /// widget's prompt; notices when `count_notices`).
    pub window_days: u16,
    /// No ask for this many days after the customer answered any survey.
    pub quiet_days: u16,
    /// Whether "we did" notices use up the budget too.
    pub count_notices: bool,
}

impl From<Policy> for ContactPolicy {
    fn from(p: Policy) -> Self {
        ContactPolicy {
            max_asks: p.max_asks,
            window_days: p.window_days,
            quiet_days: p.quiet_days,
            count_notices: p.count_notices,
        }
    }
}

/// A new contact budget. Numbers may be sent as numbers or strings.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactPolicyWrite {
    /// 1–50.
    #[serde(default)]
    #[schema(value_type = Option<u16>)]
    pub max_asks: Option<serde_json::Value>,
    /// 1–365.
    #[serde(default)]
    #[schema(value_type = Option<u16>)]
    pub window_days: Option<serde_json::Value>,
    /// 0–365.
    #[serde(default)]
    #[schema(value_type = Option<u16>)]
    pub quiet_days: Option<serde_json::Value>,
    #[serde(default)]
    pub count_notices: bool,
}

fn text(v: Option<&serde_json::Value>) -> String {
    match v {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(serde_json::Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

impl ContactPolicyWrite {
    pub fn input(&self) -> PolicyInput {
        PolicyInput {
            max_asks: text(self.max_asks.as_ref()),
            window_days: text(self.window_days.as_ref()),
            quiet_days: text(self.quiet_days.as_ref()),
            count_notices: self.count_notices,
        }
    }
}

/// A customer's consent for one purpose.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsentRead {
    /// `surveys` (invitations, reminders, the widget's prompt) or `notices` ("we did").
    pub purpose: &'static str,
    pub granted: bool,
    /// `unsubscribe_link`, `preference_page`, `api` or `import`; null when nothing was
    /// recorded (granted by default).
    pub source: Option<&'static str>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub changed_at: Option<OffsetDateTime>,
}

impl From<&Consent> for ConsentRead {
    fn from(c: &Consent) -> Self {
        ConsentRead {
            purpose: c.purpose.code(),
            granted: c.granted,
            source: c.source.map(|s| s.code()),
            changed_at: c.changed_at,
        }
    }
}

/// A customer's consents.
#[derive(Debug, Serialize, ToSchema)]
pub struct Consents {
    pub consents: Vec<ConsentRead>,
}

impl Consents {
    pub fn of(consents: &[Consent]) -> Consents {
        Consents {
            consents: consents.iter().map(ConsentRead::from).collect(),
        }
    }
}

/// The purposes to change; a purpose left out keeps its consent.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentsWrite {
    #[serde(default)]
    pub surveys: Option<bool>,
    #[serde(default)]
    pub notices: Option<bool>,
    /// `api` (default) or `import`: where the customer said it.
    #[serde(default)]
    pub source: Option<String>,
}

impl ConsentsWrite {
    pub fn changes(&self) -> Vec<(Purpose, bool)> {
        [
            (Purpose::Surveys, self.surveys),
            (Purpose::Notices, self.notices),
        ]
        .into_iter()
        .filter_map(|(p, v)| v.map(|v| (p, v)))
        .collect()
    }
}
