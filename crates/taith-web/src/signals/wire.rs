//! Wire types of signals on the journey.

use serde::{Deserialize, Serialize};
use taith_app::signals::{DropOff, SignalFigure};
use taith_domain as d;
use utoipa::ToSchema;
use uuid::Uuid;

/// A figure a touchpoint shows.
#[derive(Debug, Default, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BoundFigure {
    /// `visitors`, `page_views`, `bounce_rate`, `conversion_rate`, `session_duration`,
    /// `task_success_rate`, `error_rate`, `search_zero_result_rate` (from events at the
    /// touchpoint), `first_response_time`, `resolution_time`, `reopen_rate` (from support
    /// conversations about it).
    pub metric: String,
    /// For `conversion_rate` only: the goal counted (any goal when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
}

impl From<&d::BoundFigure> for BoundFigure {
    fn from(f: &d::BoundFigure) -> Self {
        BoundFigure {
            metric: f.metric.as_str().to_owned(),
            goal: f.goal.clone(),
        }
    }
}

/// The figures a touchpoint shows, as replaced.
#[derive(Debug, Default, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FiguresWrite {
    /// Up to 4, in the order shown; the same figure twice is kept once; empty shows none.
    pub figures: Vec<BoundFigure>,
}

impl FiguresWrite {
    pub fn input(self) -> Vec<d::BoundFigureInput> {
        self.figures
            .into_iter()
            .map(|f| d::BoundFigureInput {
                metric: f.metric,
                goal: f.goal,
            })
            .collect()
    }
}

/// The figures a touchpoint shows.
#[derive(Debug, Serialize, ToSchema)]
pub struct Figures {
    pub touchpoint_id: Uuid,
    pub figures: Vec<BoundFigure>,
}

/// One bound figure over the period.
#[derive(Debug, Serialize, ToSchema)]
pub struct SignalValue {
    pub metric: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// A rate in %, a count, a mean visit in seconds or a mean support time in minutes,
    /// rounded to 0.1; null when nothing was counted.
    pub value: Option<f64>,
    /// A rate's 95% Wilson interval, in %.
    pub ci95: Option<[f64; 2]>,
    /// What the figure counts: sessions, tasks, searches, visitors, page views or
    /// conversations.
    pub n: u64,
    pub small_sample: bool,
    /// `up` or `down` when the change from the period of the same length before is
    /// significant (|Δ| > 1.96 × √(Var₁ + Var₂)), else `none`.
    pub trend: &'static str,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

impl From<&SignalFigure> for SignalValue {
    fn from(f: &SignalFigure) -> Self {
        SignalValue {
            metric: f.bound.metric.as_str().to_owned(),
            goal: f.bound.goal.clone(),
            value: f.value.map(round1),
            ci95: f.ci95.map(|(a, b)| [round1(a), round1(b)]),
            n: f.n,
            small_sample: f.small_sample,
            trend: match f.trend {
                1 => "up",
                -1 => "down",
                _ => "none",
            },
        }
    }
}

/// A touchpoint's bound figures over the period.
#[derive(Debug, Serialize, ToSchema)]
pub struct TouchpointSignals {
    pub touchpoint_id: Uuid,
    pub figures: Vec<SignalValue>,
}

/// The sessions between two consecutive touchpoints that saw events.
#[derive(Debug, Serialize, ToSchema)]
pub struct DropOffOut {
    pub from_touchpoint_id: Uuid,
    pub to_touchpoint_id: Uuid,
    /// The stage of `to_touchpoint_id`.
    pub stage_id: Uuid,
    /// Sessions with an event at the first touchpoint in the period.
    pub reached: u64,
    /// Of those, sessions with an event at the second one afterwards.
    pub went_on: u64,
    /// `(reached − went_on) / reached`, in %, rounded to 0.1.
    pub drop_off_rate: Option<f64>,
    pub ci95: Option<[f64; 2]>,
}

impl From<&DropOff> for DropOffOut {
    fn from(d: &DropOff) -> Self {
        let rate = d.rate();
        DropOffOut {
            from_touchpoint_id: d.from.as_uuid(),
            to_touchpoint_id: d.to.as_uuid(),
            stage_id: d.stage.as_uuid(),
            reached: d.reached,
            went_on: d.went_on,
            drop_off_rate: rate.map(|(v, _)| round1(v)),
            ci95: rate.map(|(_, (a, b))| [round1(a), round1(b)]),
        }
    }
}

/// A journey's signals over a period (the API's and `taith signals show`'s).
#[derive(Debug, Serialize, ToSchema)]
pub struct JourneySignals {
    pub journey_id: Uuid,
    /// The period, first and last day (inclusive).
    #[schema(value_type = String, format = Date)]
    pub from: String,
    #[schema(value_type = String, format = Date)]
    pub to: String,
    /// Touchpoints with bound figures, in map order.
    pub touchpoints: Vec<TouchpointSignals>,
    /// In map order.
    pub drop_offs: Vec<DropOffOut>,
}

impl JourneySignals {
    /// The answer for `journey` over `period`: touchpoints and drop-offs in map order.
    pub fn of(
        journey: &d::Journey,
        period: &d::Period,
        mut figures: std::collections::HashMap<d::TouchpointId, Vec<SignalFigure>>,
        drop_offs: &[DropOff],
    ) -> JourneySignals {
        JourneySignals {
            journey_id: journey.id.as_uuid(),
            from: period.from.to_string(),
            to: period.to.to_string(),
            touchpoints: journey
                .stages
                .iter()
                .flat_map(|s| journey.touchpoints_of(s.id))
                .filter_map(|t| {
                    let list = figures.remove(&t.id)?;
                    Some(TouchpointSignals {
                        touchpoint_id: t.id.as_uuid(),
                        figures: list.iter().map(SignalValue::from).collect(),
                    })
                })
                .collect(),
            drop_offs: drop_offs.iter().map(DropOffOut::from).collect(),
        }
    }
}
