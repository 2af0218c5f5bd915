//! Signals on the journey: the behaviour and support figures a touchpoint shows on the live
//! map beside what customers said there (a checkout: its conversion and error rates; a phone
//! line: its first response time).

use crate::{Issue, ValidationErrors};
use serde::{Deserialize, Serialize};

/// Most figures one touchpoint shows: a map card has room for a few lines.
pub const MAX_BOUND_FIGURES: usize = 4;
/// Longest goal name, in characters (as the events' goals).
pub const MAX_GOAL_CHARS: usize = 200;

/// A figure a touchpoint can show: a web figure over the events at the touchpoint (DESIGN
/// §3) or a support figure over the conversations about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalMetric {
    Visitors,
    PageViews,
    BounceRate,
    ConversionRate,
    SessionDuration,
    TaskSuccessRate,
    ErrorRate,
    SearchZeroResultRate,
    FirstResponseTime,
    ResolutionTime,
    ReopenRate,
}

/// Where a figure's numbers come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignalSource {
    /// Events at the touchpoint (the tracker, the events API and import).
    Web,
    /// Support conversations about the touchpoint.
    Support,
}

impl SignalMetric {
    pub const ALL: [SignalMetric; 11] = [
        SignalMetric::ConversionRate,
        SignalMetric::BounceRate,
        SignalMetric::ErrorRate,
        SignalMetric::TaskSuccessRate,
        SignalMetric::SearchZeroResultRate,
        SignalMetric::SessionDuration,
        SignalMetric::Visitors,
        SignalMetric::PageViews,
        SignalMetric::FirstResponseTime,
        SignalMetric::ResolutionTime,
        SignalMetric::ReopenRate,
    ];

    /// The name the metrics API uses (`metric=`), and the wire's.
    pub fn as_str(self) -> &'static str {
        match self {
            SignalMetric::Visitors => "visitors",
            SignalMetric::PageViews => "page_views",
            SignalMetric::BounceRate => "bounce_rate",
            SignalMetric::ConversionRate => "conversion_rate",
            SignalMetric::SessionDuration => "session_duration",
            SignalMetric::TaskSuccessRate => "task_success_rate",
            SignalMetric::ErrorRate => "error_rate",
            SignalMetric::SearchZeroResultRate => "search_zero_result_rate",
            SignalMetric::FirstResponseTime => "first_response_time",
            SignalMetric::ResolutionTime => "resolution_time",
            SignalMetric::ReopenRate => "reopen_rate",
        }
    }

    pub fn parse(s: &str) -> Option<SignalMetric> {
        SignalMetric::ALL
            .into_iter()
            .find(|m| m.as_str() == s.trim())
    }

    pub fn source(self) -> SignalSource {
        match self {
            SignalMetric::FirstResponseTime
            | SignalMetric::ResolutionTime
            | SignalMetric::ReopenRate => SignalSource::Support,
            _ => SignalSource::Web,
        }
    }
}

/// A figure bound to a touchpoint: the metric, and for a conversion rate the goal it counts
/// (any goal when none is named).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BoundFigure {
    pub metric: SignalMetric,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
}

/// A bound figure as typed or sent, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoundFigureInput {
    pub metric: String,
    pub goal: Option<String>,
}

/// Parses a touchpoint's figures: at most [`MAX_BOUND_FIGURES`], each a known metric, a goal
/// only on a conversion rate. The same figure twice is kept once (the list is a set, in the
/// order given). Errors name `figures[i].metric` / `figures[i].goal`.
pub fn parse_bound_figures(
    inputs: &[BoundFigureInput],
) -> Result<Vec<BoundFigure>, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let mut out: Vec<BoundFigure> = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let Some(metric) = SignalMetric::parse(&input.metric) else {
            errors.push(format!("figures[{i}].metric"), Issue::UnknownValue);
            continue;
        };
        let goal = input
            .goal
            .as_deref()
            .map(str::trim)
            .filter(|g| !g.is_empty());
        if let Some(g) = goal {
            if metric != SignalMetric::ConversionRate {
                errors.push(format!("figures[{i}].goal"), Issue::UnknownValue);
                continue;
            }
            if g.chars().count() > MAX_GOAL_CHARS {
                errors.push(format!("figures[{i}].goal"), Issue::TooLong);
                continue;
            }
        }
        let figure = BoundFigure {
            metric,
            goal: goal.map(str::to_owned),
        };
        if !out.contains(&figure) {
            out.push(figure);
        }
    }
    if out.len() > MAX_BOUND_FIGURES {
        errors.push("figures", Issue::TooLong);
    }
    errors.into_result()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn input(metric: &str, goal: Option<&str>) -> BoundFigureInput {
        BoundFigureInput {
            metric: metric.to_owned(),
            goal: goal.map(str::to_owned),
        }
    }

    #[test]
    fn every_metric_reads_back_from_its_name() {
        for m in SignalMetric::ALL {
            assert_eq!(SignalMetric::parse(m.as_str()), Some(m));
        }
        assert_eq!(SignalMetric::parse("nps"), None);
    }

    #[test]
    fn figures_are_checked_and_kept_once() {
        let ok = parse_bound_figures(&[
            input("conversion_rate", Some(" order ")),
            input("error_rate", None),
            input("conversion_rate", Some("order")),
            input("first_response_time", Some("")),
        ])
        .unwrap();
        assert_eq!(
            ok,
            vec![
                BoundFigure {
                    metric: SignalMetric::ConversionRate,
                    goal: Some("order".into())
                },
                BoundFigure {
                    metric: SignalMetric::ErrorRate,
                    goal: None
                },
                BoundFigure {
                    metric: SignalMetric::FirstResponseTime,
                    goal: None
                },
            ]
        );
        let bad = parse_bound_figures(&[input("nps", None), input("bounce_rate", Some("x"))])
            .unwrap_err();
        let fields: Vec<_> = bad.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["figures[0].metric", "figures[1].goal"]);
        let five: Vec<_> = SignalMetric::ALL[..5]
            .iter()
            .map(|m| input(m.as_str(), None))
            .collect();
        assert_eq!(
            parse_bound_figures(&five).unwrap_err().0[0].field,
            "figures"
        );
    }
}
