//! Wire types of alerts.

use serde::{Deserialize, Serialize};
use taith_domain as d;
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// An alert rule.
#[derive(Debug, Serialize, ToSchema)]
pub struct Alert {
    pub id: Uuid,
    pub name: String,
    /// `threshold` (the figure is below / above a value), `change` (it changed significantly
    /// from the previous period) or `detractor` (every detractor at a moment-of-truth
    /// touchpoint).
    pub kind: String,
    /// `nps`, `csat`, `ces`, `volume` (scored responses), `theme_share` (% of comments) or
    /// `mentions` (social mentions posted to `/api/v1/mentions`, workspace scope only).
    pub metric: String,
    /// The theme of `theme_share`.
    pub theme_id: Option<Uuid>,
    /// `workspace`, `journey`, `touchpoint` or `segment`.
    pub scope: String,
    /// The journey or touchpoint of the scope.
    pub scope_id: Option<Uuid>,
    /// The attribute and value of a segment scope.
    pub segment_key: Option<String>,
    pub segment_value: Option<String>,
    /// `down` or `up` (threshold); `down`, `up` or `either` (change).
    pub direction: Option<String>,
    pub threshold: Option<f64>,
    /// This period is the last `period_days` days; a change compares it with the same
    /// number of days before.
    pub period_days: u16,
    /// Fewest responses a period needs before the rule judges it.
    pub min_responses: u32,
    /// Members e-mailed when it fires or clears.
    pub recipients: Vec<Uuid>,
    pub enabled: bool,
    /// Whether it is firing now (fired and not cleared).
    pub firing: bool,
    /// The figure its last evaluation saw.
    pub last_value: Option<f64>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_evaluated_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&d::AlertRule> for Alert {
    fn from(r: &d::AlertRule) -> Self {
        let f = &r.fields;
        let (scope_id, segment_key, segment_value) = match &f.scope {
            d::AlertScope::Workspace => (None, None, None),
            d::AlertScope::Journey(j) => (Some(j.as_uuid()), None, None),
            d::AlertScope::Touchpoint(t) => (Some(t.as_uuid()), None, None),
            d::AlertScope::Segment { key, value } => (None, Some(key.clone()), Some(value.clone())),
        };
        Alert {
            id: r.id.as_uuid(),
            name: f.name.to_string(),
            kind: f.condition.kind().to_owned(),
            metric: f.metric.code().to_owned(),
            theme_id: f.metric.theme().map(|t| t.as_uuid()),
            scope: f.scope.kind().to_owned(),
            scope_id,
            segment_key,
            segment_value,
            direction: f.condition.direction().map(|d| d.as_str().to_owned()),
            threshold: f.condition.threshold(),
            period_days: f.period_days,
            min_responses: f.min_responses,
            recipients: f.recipients.iter().map(|u| u.as_uuid()).collect(),
            enabled: f.enabled,
            firing: r.firing,
            last_value: r.last_value.map(taith_app::metrics::round1),
            last_evaluated_at: r.last_evaluated_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AlertResponse {
    pub alert: Alert,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AlertList {
    pub alerts: Vec<Alert>,
    pub next_cursor: Option<String>,
}

/// A rule to make, or a rule's new settings (the whole rule).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AlertWrite {
    /// At most 200 characters.
    #[serde(default)]
    pub name: String,
    /// `threshold`, `change` or `detractor`.
    #[serde(default)]
    pub kind: String,
    /// `nps`, `csat`, `ces`, `volume`, `theme_share` or `mentions`; `nps` by default for
    /// `detractor`.
    pub metric: Option<String>,
    /// Required with `theme_share`.
    pub theme_id: Option<String>,
    /// `workspace` (the default), `journey`, `touchpoint` or `segment`.
    pub scope: Option<String>,
    pub scope_id: Option<String>,
    pub segment_key: Option<String>,
    pub segment_value: Option<String>,
    /// `down` or `up` (threshold, required); `down`, `up` or `either` (change, default
    /// `either`).
    pub direction: Option<String>,
    /// Required with `threshold`.
    pub threshold: Option<f64>,
    /// 1–365, default 7.
    pub period_days: Option<i64>,
    /// Default 30.
    pub min_responses: Option<i64>,
    /// Member (user) ids to e-mail.
    #[serde(default)]
    pub recipients: Vec<String>,
    /// Default true.
    pub enabled: Option<bool>,
}

impl AlertWrite {
    pub fn input(self) -> d::AlertInput {
        let s = |o: Option<String>| o.unwrap_or_default();
        d::AlertInput {
            name: self.name,
            kind: self.kind,
            metric: s(self.metric),
            theme_id: s(self.theme_id),
            scope: s(self.scope),
            scope_id: s(self.scope_id),
            segment_key: s(self.segment_key),
            segment_value: s(self.segment_value),
            direction: s(self.direction),
            threshold: self.threshold.map(|t| t.to_string()).unwrap_or_default(),
            period_days: self.period_days.map(|p| p.to_string()).unwrap_or_default(),
            min_responses: self
                .min_responses
                .map(|p| p.to_string())
                .unwrap_or_default(),
            recipients: self.recipients,
            enabled: self.enabled.map(|e| e.to_string()).unwrap_or_default(),
        }
    }
}

/// One firing of a rule.
#[derive(Debug, Serialize, ToSchema)]
pub struct Firing {
    pub id: Uuid,
    pub alert_id: Uuid,
    #[serde(with = "time::serde::rfc3339")]
    pub fired_at: OffsetDateTime,
    /// When the condition stopped holding; null while it holds (and for a detractor's).
    #[serde(with = "time::serde::rfc3339::option")]
    pub cleared_at: Option<OffsetDateTime>,
    /// The figure when it fired (a detractor's score), and the previous period's.
    pub value: Option<f64>,
    pub previous: Option<f64>,
    pub n: u64,
    /// The detractor's response.
    pub response_id: Option<Uuid>,
}

impl From<&d::AlertFiring> for Firing {
    fn from(f: &d::AlertFiring) -> Self {
        Firing {
            id: f.id.as_uuid(),
            alert_id: f.rule_id.as_uuid(),
            fired_at: f.fired_at,
            cleared_at: f.cleared_at,
            value: f.value.map(taith_app::metrics::round1),
            previous: f.previous.map(taith_app::metrics::round1),
            n: f.n,
            response_id: f.response_id.map(|r| r.as_uuid()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FiringList {
    pub firings: Vec<Firing>,
    pub next_cursor: Option<String>,
}
