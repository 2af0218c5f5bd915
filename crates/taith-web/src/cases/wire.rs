//! Wire types of cases.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use taith_domain as d;
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// A case.
#[derive(Debug, Serialize, ToSchema)]
pub struct Case {
    pub id: Uuid,
    /// The workspace's number for it ("case 42").
    pub number: i64,
    /// `open`, `in_progress`, `waiting_for_customer`, `resolved` or `closed_no_action`.
    pub status: String,
    /// How it was opened: `score` or `sentiment` (a survey's rule), `response` or
    /// `feature_request` (by hand, from one), `manual`.
    pub source: String,
    pub response_id: Option<Uuid>,
    pub feature_request_id: Option<Uuid>,
    pub survey_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub touchpoint_id: Option<Uuid>,
    /// The member who owns it (a user id); null: nobody.
    pub owner_id: Option<Uuid>,
    pub root_cause_id: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub opened_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub first_action_at: Option<OffsetDateTime>,
    /// When it was resolved or closed; null while active.
    #[serde(with = "time::serde::rfc3339::option")]
    pub closed_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339")]
    pub first_action_due: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub resolve_due: OffsetDateTime,
    /// Overdue now: active and past its resolution time, or not acted on past its
    /// first-action time.
    pub overdue: bool,
    /// Send it back with a change: a change to a case someone else changed since is a `409`.
    pub version: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl Case {
    pub fn of(c: &d::Case, now: OffsetDateTime) -> Case {
        Case {
            id: c.id.as_uuid(),
            number: c.number,
            status: c.status.as_str().to_owned(),
            source: c.source.as_str().to_owned(),
            response_id: c.response_id.map(|x| x.as_uuid()),
            feature_request_id: c.feature_request_id.map(|x| x.as_uuid()),
            survey_id: c.survey_id.map(|x| x.as_uuid()),
            customer_id: c.customer_id.map(|x| x.as_uuid()),
            touchpoint_id: c.touchpoint_id.map(|x| x.as_uuid()),
            owner_id: c.owner.map(|x| x.as_uuid()),
            root_cause_id: c.root_cause.map(|x| x.as_uuid()),
            opened_at: c.opened_at,
            first_action_at: c.first_action_at,
            closed_at: c.closed_at,
            first_action_due: c.first_action_due,
            resolve_due: c.resolve_due,
            overdue: c.overdue_at(now).is_some(),
            version: c.version,
            updated_at: c.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CaseList {
    pub cases: Vec<Case>,
    pub next_cursor: Option<String>,
}

/// One log entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseLogEntry {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The member who made the change; null for taith itself or an API token.
    pub actor_id: Option<Uuid>,
    pub actor_name: String,
    /// `opened`, `status`, `owner`, `root_cause`, `note` or `reply`.
    pub kind: String,
    /// What changed: `{from, to}` or `{text}` or `{source}`.
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
}

impl From<&d::CaseEntry> for CaseLogEntry {
    fn from(e: &d::CaseEntry) -> Self {
        let mut detail = serde_json::to_value(&e.change).unwrap_or_default();
        if let Some(o) = detail.as_object_mut() {
            o.remove("kind");
        }
        CaseLogEntry {
            at: e.at,
            actor_id: e.actor.map(|a| a.as_uuid()),
            actor_name: e.actor_name.clone(),
            kind: e.change.kind().to_owned(),
            detail,
        }
    }
}

/// A reply to the customer.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseReply {
    pub id: Uuid,
    pub body: String,
    /// The language it is framed in (the response's).
    pub locale: String,
    pub to_email: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// When the SMTP server took it; null while it waits.
    #[serde(with = "time::serde::rfc3339::option")]
    pub sent_at: Option<OffsetDateTime>,
}

impl From<&taith_store::CaseReply> for CaseReply {
    fn from(r: &taith_store::CaseReply) -> Self {
        CaseReply {
            id: r.id.as_uuid(),
            body: r.body.clone(),
            locale: r.locale.tag().to_owned(),
            to_email: r.to_email.clone(),
            created_at: r.created_at,
            sent_at: r.sent_at,
        }
    }
}

/// A case with its log and replies.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseDetail {
    pub case: Case,
    pub log: Vec<CaseLogEntry>,
    pub replies: Vec<CaseReply>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CaseResponse {
    pub case: Case,
}

/// `?status=` (comma-separated, or `active`), `?owner=` (a user id, `me` or `none`),
/// `?touchpoint_id=`, `?overdue=true`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseListQuery {
    pub status: Option<String>,
    pub owner: Option<String>,
    #[param(value_type = Option<Uuid>)]
    pub touchpoint_id: Option<String>,
    pub overdue: Option<String>,
}

/// Opens a case by hand: from a response (or comment) or a feature request, or from nothing.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseCreate {
    #[schema(value_type = Option<Uuid>)]
    pub response_id: Option<String>,
    #[schema(value_type = Option<Uuid>)]
    pub feature_request_id: Option<String>,
}

/// A change: only the fields sent change; `null` clears owner or root cause.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseUpdate {
    /// The case's `version` as read.
    pub version: i64,
    pub status: Option<String>,
    #[serde(default, deserialize_with = "crate::http::extract::present")]
    #[schema(value_type = Option<Uuid>)]
    pub owner_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::http::extract::present")]
    #[schema(value_type = Option<Uuid>)]
    pub root_cause_id: Option<Option<String>>,
}

/// A note or a reply.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseText {
    /// The case's `version` as read.
    pub version: i64,
    pub text: String,
}

/// The SLA and the root-cause list.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CaseSettings {
    /// Business hours to the first action by a person.
    pub first_action_hours: u32,
    /// Business hours to resolution.
    pub resolve_hours: u32,
    /// `HH:MM`, local time.
    pub day_start: String,
    pub day_end: String,
    /// Working weekdays: `mon` … `sun`.
    pub days: Vec<String>,
    /// The local time's offset from UTC, `+01:00`.
    pub utc_offset: String,
}

/// The settings as sent: every field as text, so each wrong one is named.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct CaseSettingsUpdate {
    #[serde(default)]
    #[schema(value_type = u32)]
    pub first_action_hours: serde_json::Value,
    #[serde(default)]
    #[schema(value_type = u32)]
    pub resolve_hours: serde_json::Value,
    #[serde(default)]
    pub day_start: String,
    #[serde(default)]
    pub day_end: String,
    #[serde(default)]
    pub days: Vec<String>,
    #[serde(default)]
    pub utc_offset: String,
}

/// A root cause.
#[derive(Debug, Serialize, ToSchema)]
pub struct RootCause {
    pub id: Uuid,
    pub name: String,
    /// Taken off the list; still named by the cases that had it.
    pub archived: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RootCauseList {
    pub root_causes: Vec<RootCause>,
}

/// The whole list, in order: names already there keep their ids, the rest are archived.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RootCausesUpdate {
    pub root_causes: Vec<String>,
}

/// A survey's opening rules.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CaseRules {
    #[serde(default)]
    pub survey_id: Option<Uuid>,
    /// NPS 0–6, CSAT and CES the bottom two points.
    pub low_score: bool,
    /// A comment read as negative.
    pub negative_comment: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CaseRulesList {
    pub rules: Vec<CaseRules>,
}

/// A member's teams.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MemberTeams {
    #[serde(default)]
    pub user_id: Option<Uuid>,
    pub teams: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamList {
    pub members: Vec<MemberTeams>,
}

/// One group of a case figure (`metric=case_first_action|case_resolution|case_overdue`).
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseMetricGroup {
    /// `{"touchpoint_id": "…"}` with `by=touchpoint`; empty otherwise.
    pub key: HashMap<String, String>,
    /// Cases opened in the period (and group).
    pub n: u64,
    /// `case_first_action` / `case_resolution`: the mean in hours; `case_overdue`: the %
    /// overdue.
    pub value: Option<f64>,
    /// `case_overdue`: the 95% Wilson interval.
    pub ci95: Option<[f64; 2]>,
    pub small_sample: bool,
    /// Hours: the median and the 90th percentile (nearest rank).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median: Option<Option<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p90: Option<Option<f64>>,
    /// Cases with the time (acted on; closed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timed: Option<u64>,
    /// Cases still without it, counted apart.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overdue: Option<u64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CaseMetricAnswer {
    pub metric: &'static str,
    pub groups: Vec<CaseMetricGroup>,
}
