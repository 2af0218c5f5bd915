//! Alerts: rules that watch a figure (NPS, CSAT, CES, response volume, a theme's share of the
//! comments) for a part of the business and fire when it crosses a threshold or changes
//! significantly between this period and the one before; and the rule kind that fires for
//! every detractor at a moment-of-truth touchpoint.
//!
//! A rule fires once and stays firing until its condition clears; the firing and its clearing
//! are recorded (the store makes the transition atomic).

use crate::{
    AlertFiringId, AlertRuleId, Issue, JourneyId, Name, ResponseId, ThemeId, TouchpointId, UserId,
    ValidationErrors,
};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use time::OffsetDateTime;

/// What a rule watches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AlertMetric {
    Nps,
    Csat,
    Ces,
    /// Scored responses in the period (NPS, CSAT and CES surveys).
    Volume,
    /// The share (%) of analysed comments in the period that mention the theme.
    ThemeShare(ThemeId),
    /// Social mentions posted in the period (workspace-wide): a spike is a significant rise.
    Mentions,
}

impl AlertMetric {
    /// The stable code stored and sent by the API (the theme goes in its own field).
    pub fn code(self) -> &'static str {
        match self {
            AlertMetric::Nps => "nps",
            AlertMetric::Csat => "csat",
            AlertMetric::Ces => "ces",
            AlertMetric::Volume => "volume",
            AlertMetric::ThemeShare(_) => "theme_share",
            AlertMetric::Mentions => "mentions",
        }
    }

    pub const CODES: [&'static str; 6] =
        ["nps", "csat", "ces", "volume", "theme_share", "mentions"];

    /// A count (response volume, mentions): no minimum number of responses applies, and a
    /// change is judged as a Poisson count's.
    pub fn is_count(self) -> bool {
        matches!(self, AlertMetric::Volume | AlertMetric::Mentions)
    }

    pub fn theme(self) -> Option<ThemeId> {
        match self {
            AlertMetric::ThemeShare(t) => Some(t),
            _ => None,
        }
    }

    /// Reads the code and, for `theme_share`, the theme.
    pub fn parse(code: &str, theme: Option<ThemeId>) -> Result<AlertMetric, Issue> {
        Ok(match code.trim() {
            "" => return Err(Issue::Required),
            "nps" => AlertMetric::Nps,
            "csat" => AlertMetric::Csat,
            "ces" => AlertMetric::Ces,
            "volume" => AlertMetric::Volume,
            "theme_share" => AlertMetric::ThemeShare(theme.ok_or(Issue::Required)?),
            "mentions" => AlertMetric::Mentions,
            _ => return Err(Issue::UnknownValue),
        })
    }
}

/// Which way a figure must go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Below the threshold; a significant fall.
    Down,
    /// Above the threshold; a significant rise.
    Up,
    /// A significant change either way (change rules only).
    Either,
}

impl Direction {
    pub const ALL: [Direction; 3] = [Direction::Down, Direction::Up, Direction::Either];

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Down => "down",
            Direction::Up => "up",
            Direction::Either => "either",
        }
    }
}

impl FromStr for Direction {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Issue> {
        match s.trim() {
            "" => Err(Issue::Required),
            "down" | "below" => Ok(Direction::Down),
            "up" | "above" => Ok(Direction::Up),
            "either" => Ok(Direction::Either),
            _ => Err(Issue::UnknownValue),
        }
    }
}

/// When a rule fires.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum AlertCondition {
    /// The figure over the last period is below (`Down`) or above (`Up`) `value`.
    Threshold { direction: Direction, value: f64 },
    /// The figure over the last period differs significantly from the period before
    /// (|Δ| > 1.96 √(Var₁ + Var₂), DESIGN §3), in `direction`.
    Change { direction: Direction },
    /// Every detractor (NPS 0–6; the bottom two points of CSAT and CES) at a touchpoint
    /// marked "moment of truth": one firing per response.
    Detractor,
}

impl AlertCondition {
    pub fn kind(&self) -> &'static str {
        match self {
            AlertCondition::Threshold { .. } => "threshold",
            AlertCondition::Change { .. } => "change",
            AlertCondition::Detractor => "detractor",
        }
    }

    pub const KINDS: [&'static str; 3] = ["threshold", "change", "detractor"];

    pub fn direction(&self) -> Option<Direction> {
        match self {
            AlertCondition::Threshold { direction, .. } | AlertCondition::Change { direction } => {
                Some(*direction)
            }
            AlertCondition::Detractor => None,
        }
    }

    pub fn threshold(&self) -> Option<f64> {
        match self {
            AlertCondition::Threshold { value, .. } => Some(*value),
            _ => None,
        }
    }
}

/// Which responses a rule looks at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AlertScope {
    Workspace,
    Journey(JourneyId),
    Touchpoint(TouchpointId),
    /// Responses whose attribute `key` is `value` (a segment: plan, region, team …).
    Segment {
        key: String,
        value: String,
    },
}

impl AlertScope {
    pub fn kind(&self) -> &'static str {
        match self {
            AlertScope::Workspace => "workspace",
            AlertScope::Journey(_) => "journey",
            AlertScope::Touchpoint(_) => "touchpoint",
            AlertScope::Segment { .. } => "segment",
        }
    }

    pub const KINDS: [&'static str; 4] = ["workspace", "journey", "touchpoint", "segment"];
}

/// Longest period a rule may compare.
pub const MAX_PERIOD_DAYS: u16 = 365;
/// Most members one rule e-mails.
pub const MAX_RECIPIENTS: usize = 50;
/// Longest segment key or value.
pub const MAX_SEGMENT_CHARS: usize = 100;

/// A rule's settings, parsed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlertRuleFields {
    pub name: Name,
    pub metric: AlertMetric,
    pub condition: AlertCondition,
    pub scope: AlertScope,
    /// The period's length in days: this period is the last `period_days` days up to now,
    /// the previous one the same length before it.
    pub period_days: u16,
    /// Fewest responses (or comments, for a theme's share) the period must have before the
    /// rule judges it; smaller samples do not fire.
    pub min_responses: u32,
    /// Members who get an e-mail when it fires.
    pub recipients: Vec<UserId>,
    pub enabled: bool,
}

/// A rule as stored, with its state.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlertRule {
    pub id: AlertRuleId,
    pub fields: AlertRuleFields,
    /// Whether the rule is firing now (it has a firing that has not cleared).
    pub firing: bool,
    /// The figure the last evaluation saw, and when.
    pub last_value: Option<f64>,
    pub last_evaluated_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// One firing of a rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlertFiring {
    pub id: AlertFiringId,
    pub rule_id: AlertRuleId,
    pub fired_at: OffsetDateTime,
    /// When the condition stopped holding; None while it holds (never for a detractor
    /// firing, which is about one response).
    pub cleared_at: Option<OffsetDateTime>,
    /// The figure when it fired (the score, for a detractor), and the previous period's.
    pub value: Option<f64>,
    pub previous: Option<f64>,
    /// Responses behind the figure.
    pub n: u64,
    /// The detractor's response.
    pub response_id: Option<ResponseId>,
}

/// Raw rule input, as typed into the form or sent to the API.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AlertInput {
    #[serde(default)]
    pub name: String,
    /// `threshold`, `change` or `detractor`.
    #[serde(default)]
    pub kind: String,
    /// `nps`, `csat`, `ces`, `volume`, `theme_share` or `mentions`.
    #[serde(default)]
    pub metric: String,
    #[serde(default)]
    pub theme_id: String,
    /// `workspace`, `journey`, `touchpoint` or `segment`.
    #[serde(default)]
    pub scope: String,
    /// The journey or touchpoint of the scope.
    #[serde(default)]
    pub scope_id: String,
    #[serde(default)]
    pub segment_key: String,
    #[serde(default)]
    pub segment_value: String,
    /// `down`, `up` or `either`.
    #[serde(default)]
    pub direction: String,
    #[serde(default)]
    pub threshold: String,
    #[serde(default)]
    pub period_days: String,
    #[serde(default)]
    pub min_responses: String,
    #[serde(default)]
    pub recipients: Vec<String>,
    /// `false` pauses the rule; anything else (or nothing) keeps it on.
    #[serde(default)]
    pub enabled: String,
}

fn number<T: FromStr>(s: &str, default: T) -> Result<T, Issue> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(default);
    }
    s.parse::<T>().map_err(|_| Issue::Invalid)
}

fn id<T: FromStr<Err = Issue>>(s: &str) -> Result<T, Issue> {
    if s.trim().is_empty() {
        return Err(Issue::Required);
    }
    s.parse::<T>()
}

fn segment_text(s: &str) -> Result<String, Issue> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Issue::Required);
    }
    if s.chars().count() > MAX_SEGMENT_CHARS {
        return Err(Issue::TooLong);
    }
    if s.chars().any(char::is_control) {
        return Err(Issue::Invalid);
    }
    Ok(s.to_owned())
}

impl AlertInput {
    /// The rule's settings, or every field's problem. Whether the theme, journey, touchpoint
    /// and members exist is checked by the application (it needs the store).
    pub fn parse(&self) -> Result<AlertRuleFields, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let name = e.check("name", Name::parse(&self.name));
        let kind = match self.kind.trim() {
            "" => {
                e.push("kind", Issue::Required);
                None
            }
            k if AlertCondition::KINDS.contains(&k) => Some(k),
            _ => {
                e.push("kind", Issue::UnknownValue);
                None
            }
        };
        let theme = match self.theme_id.trim() {
            "" => None,
            t => e.check("theme_id", id::<ThemeId>(t)),
        };
        let metric = if kind == Some("detractor") && self.metric.trim().is_empty() {
            Some(AlertMetric::Nps)
        } else {
            match AlertMetric::parse(&self.metric, theme) {
                Err(Issue::Required) if self.metric.trim() == "theme_share" => {
                    e.push("theme_id", Issue::Required);
                    None
                }
                r => e.check("metric", r),
            }
        };
        let scope = match self.scope.trim() {
            "" | "workspace" => Some(AlertScope::Workspace),
            "journey" => e
                .check("scope_id", id::<JourneyId>(&self.scope_id))
                .map(AlertScope::Journey),
            "touchpoint" => e
                .check("scope_id", id::<TouchpointId>(&self.scope_id))
                .map(AlertScope::Touchpoint),
            "segment" => {
                let key = e.check("segment_key", segment_text(&self.segment_key));
                let value = e.check("segment_value", segment_text(&self.segment_value));
                match (key, value) {
                    (Some(key), Some(value)) => Some(AlertScope::Segment { key, value }),
                    _ => None,
                }
            }
            _ => {
                e.push("scope", Issue::UnknownValue);
                None
            }
        };
        let condition = match kind {
            Some("threshold") => {
                let direction = match e.check("direction", self.direction.parse::<Direction>()) {
                    Some(Direction::Either) => {
                        e.push("direction", Issue::UnknownValue);
                        None
                    }
                    d => d,
                };
                let value = match self.threshold.trim() {
                    "" => {
                        e.push("threshold", Issue::Required);
                        None
                    }
                    t => match t.replace(',', ".").parse::<f64>() {
                        Ok(v) if v.is_finite() && (-100.0..=1_000_000.0).contains(&v) => Some(v),
                        _ => {
                            e.push("threshold", Issue::Invalid);
                            None
                        }
                    },
                };
                match (direction, value) {
                    (Some(direction), Some(value)) => {
                        Some(AlertCondition::Threshold { direction, value })
                    }
                    _ => None,
                }
            }
            Some("change") => {
                let direction = if self.direction.trim().is_empty() {
                    Some(Direction::Either)
                } else {
                    e.check("direction", self.direction.parse::<Direction>())
                };
                direction.map(|direction| AlertCondition::Change { direction })
            }
            Some(_) => Some(AlertCondition::Detractor),
            None => None,
        };
        // A theme's share is counted by the comment counts, which know surveys and
        // touchpoints but not journeys or segments.
        if let (
            Some(AlertMetric::ThemeShare(_)),
            Some(AlertScope::Journey(_) | AlertScope::Segment { .. }),
        ) = (metric, &scope)
        {
            e.push("scope", Issue::UnknownValue);
        }
        // Mentions are the workspace's: a post names no touchpoint or segment.
        if metric == Some(AlertMetric::Mentions)
            && !matches!(scope, Some(AlertScope::Workspace) | None)
        {
            e.push("scope", Issue::UnknownValue);
        }
        // Detractors are found at moment-of-truth touchpoints of the scope; volume, a
        // theme's share and mentions have no detractors.
        if kind == Some("detractor")
            && matches!(
                metric,
                Some(AlertMetric::Volume | AlertMetric::ThemeShare(_) | AlertMetric::Mentions)
            )
        {
            e.push("metric", Issue::UnknownValue);
        }
        let period_days = match number::<u16>(&self.period_days, 7) {
            Ok(d) if (1..=MAX_PERIOD_DAYS).contains(&d) => Some(d),
            Ok(_) => {
                e.push("period_days", Issue::Invalid);
                None
            }
            Err(i) => {
                e.push("period_days", i);
                None
            }
        };
        let min_responses = match number::<u32>(&self.min_responses, 30) {
            Ok(n) if n <= 1_000_000 => Some(n),
            Ok(_) => {
                e.push("min_responses", Issue::Invalid);
                None
            }
            Err(i) => {
                e.push("min_responses", i);
                None
            }
        };
        let mut recipients = Vec::new();
        for (i, r) in self
            .recipients
            .iter()
            .filter(|r| !r.trim().is_empty())
            .enumerate()
        {
            match r.parse::<UserId>() {
                Ok(u) if !recipients.contains(&u) => recipients.push(u),
                Ok(_) => {}
                Err(issue) => e.push(format!("recipients.{i}"), issue),
            }
        }
        if recipients.len() > MAX_RECIPIENTS {
            e.push("recipients", Issue::TooLong);
        }
        let enabled = !matches!(self.enabled.trim(), "false" | "off" | "0");
        match (name, metric, condition, scope, period_days, min_responses) {
            (
                Some(name),
                Some(metric),
                Some(condition),
                Some(scope),
                Some(period_days),
                Some(min_responses),
            ) if e.is_empty() => Ok(AlertRuleFields {
                name,
                metric,
                condition,
                scope,
                period_days,
                min_responses,
                recipients,
                enabled,
            }),
            _ => Err(e),
        }
    }
}

impl AlertRuleFields {
    /// The same settings as raw input (to fill a form).
    pub fn to_input(&self) -> AlertInput {
        let (scope_id, segment_key, segment_value) = match &self.scope {
            AlertScope::Workspace => (String::new(), String::new(), String::new()),
            AlertScope::Journey(j) => (j.to_string(), String::new(), String::new()),
            AlertScope::Touchpoint(t) => (t.to_string(), String::new(), String::new()),
            AlertScope::Segment { key, value } => (String::new(), key.clone(), value.clone()),
        };
        AlertInput {
            name: self.name.to_string(),
            kind: self.condition.kind().to_owned(),
            metric: self.metric.code().to_owned(),
            theme_id: self
                .metric
                .theme()
                .map(|t| t.to_string())
                .unwrap_or_default(),
            scope: self.scope.kind().to_owned(),
            scope_id,
            segment_key,
            segment_value,
            direction: self
                .condition
                .direction()
                .map(|d| d.as_str().to_owned())
                .unwrap_or_default(),
            threshold: self
                .condition
                .threshold()
                .map(|v| v.to_string())
                .unwrap_or_default(),
            period_days: self.period_days.to_string(),
            min_responses: self.min_responses.to_string(),
            recipients: self.recipients.iter().map(|u| u.to_string()).collect(),
            enabled: self.enabled.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn input() -> AlertInput {
        AlertInput {
            name: "NPS drop".into(),
            kind: "change".into(),
            metric: "nps".into(),
            direction: "down".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_change_rule_parses_with_defaults_for_its_period_and_sample() {
        let f = input().parse().unwrap();
        assert_eq!(
            f.condition,
            AlertCondition::Change {
                direction: Direction::Down
            }
        );
        assert_eq!((f.period_days, f.min_responses), (7, 30));
        assert_eq!(f.scope, AlertScope::Workspace);
        assert!(f.enabled);
        assert_eq!(f.to_input().parse().unwrap(), f);
    }

    #[test]
    fn each_bad_field_is_named() {
        let bad = AlertInput {
            name: String::new(),
            kind: "threshold".into(),
            metric: "mood".into(),
            scope: "segment".into(),
            direction: "either".into(),
            threshold: "lots".into(),
            period_days: "0".into(),
            recipients: vec!["nobody".into()],
            ..Default::default()
        };
        let e = bad.parse().unwrap_err();
        for field in [
            "name",
            "metric",
            "segment_key",
            "segment_value",
            "direction",
            "threshold",
            "period_days",
            "recipients.0",
        ] {
            assert!(e.issue_for(field).is_some(), "{field}: {e:?}");
        }
    }

    #[test]
    fn a_theme_share_needs_its_theme_and_no_journey_scope() {
        let mut i = input();
        i.metric = "theme_share".into();
        assert_eq!(
            i.parse().unwrap_err().issue_for("theme_id"),
            Some(Issue::Required)
        );
        i.theme_id = ThemeId::new().to_string();
        i.scope = "journey".into();
        i.scope_id = JourneyId::new().to_string();
        assert_eq!(
            i.parse().unwrap_err().issue_for("scope"),
            Some(Issue::UnknownValue)
        );
    }
}
