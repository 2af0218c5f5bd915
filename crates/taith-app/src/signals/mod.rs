//! Signals on the journey (issue 13, part 4): what customers *do* beside what they *say*.
//! Every edge (the live map, the touchpoint page, the API, the CLI, the demo, the tests) comes
//! here, so each rule is written once:
//!
//! - **Binding** ([`bind`]): each touchpoint of the workspace shows up to four behaviour or
//!   support figures ([`taith_domain::SignalMetric`]) — a checkout its conversion and error
//!   rates, a phone line its first response time.
//! - **Figures** ([`live`]): each bound figure over a period at its touchpoint, from the same
//!   sources as everywhere else (the event index for web figures, the conversations for
//!   support ones), with the **same trend-arrow rule** as the survey figure: ↑ or ↓ only when
//!   the change from the period of the same length before is significant, |Δ| > 1.96 ×
//!   √(Var₁ + Var₂) (DESIGN §3). The variances: a proportion's p(1 − p)/n; a count's, as a
//!   Poisson count, the count itself; a mean time's, the sample variance over n. A session
//!   duration has no variance kept by the index, so it never shows an arrow.
//! - **Drop-off** ([`drop_offs`]): between consecutive touchpoints of a journey (stage order,
//!   then the order within the stage) that both saw events in the period: of the sessions at
//!   the first, how many went on to the second later in the same session. Touchpoints
//!   without events are skipped, so "consecutive" means consecutive among those the web
//!   tracks.

use crate::conversations::figures::created_between;
use crate::metrics::Analytics;
use crate::webstats::{WebRequest, WebStats, WebStatsError};
use std::collections::{HashMap, HashSet};
use taith_domain::{
    BoundFigure, BoundFigureInput, Conversation, Journey, Period, SignalMetric, SignalSource,
    StageId, TouchpointId, ValidationErrors, WorkspaceId,
};
use taith_metrics::events::{Figure, FunnelStep, WebMetric};
use taith_metrics::index::{Dimension, Filter, Label};
use taith_store::{Store, StoreError};

/// Why figures could not be bound.
#[derive(Debug, thiserror::Error)]
pub enum SignalError {
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Fails with NotFound unless `touchpoint` is on one of the workspace's journeys.
async fn check_touchpoint(
    store: &dyn Store,
    ws: WorkspaceId,
    touchpoint: TouchpointId,
) -> Result<(), StoreError> {
    let known = store
        .touchpoint_refs(ws)
        .await?
        .iter()
        .any(|t| t.id == touchpoint);
    if known {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}

/// Replaces the figures `touchpoint` shows (an empty list shows none). NotFound before field
/// errors: another workspace's touchpoint is no touchpoint at all.
pub async fn bind(
    store: &dyn Store,
    ws: WorkspaceId,
    touchpoint: TouchpointId,
    inputs: &[BoundFigureInput],
) -> Result<Vec<BoundFigure>, SignalError> {
    check_touchpoint(store, ws, touchpoint).await?;
    let figures = taith_domain::signal::parse_bound_figures(inputs)?;
    store
        .set_touchpoint_figures(ws, touchpoint, &figures)
        .await?;
    Ok(figures)
}

/// The figures `touchpoint` shows (NotFound unless it is one of the workspace's).
pub async fn bound(
    store: &dyn Store,
    ws: WorkspaceId,
    touchpoint: TouchpointId,
) -> Result<Vec<BoundFigure>, StoreError> {
    check_touchpoint(store, ws, touchpoint).await?;
    Ok(store
        .touchpoint_figures(ws)
        .await?
        .remove(&touchpoint)
        .unwrap_or_default())
}

/// A figure's unit, for wording it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Visitors, page views.
    Count,
    /// A rate, 0–100.
    Percent,
    /// A session's mean length.
    Seconds,
    /// A mean support time.
    Minutes,
}

/// One bound figure over a period at its touchpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct SignalFigure {
    pub bound: BoundFigure,
    pub unit: Unit,
    /// None when nothing was counted.
    pub value: Option<f64>,
    /// A rate's 95% Wilson interval, in %.
    pub ci95: Option<(f64, f64)>,
    /// What the figure counts: sessions, searches, tasks, visitors, page views,
    /// conversations.
    pub n: u64,
    pub small_sample: bool,
    /// +1 or −1 when the change from the period before is significant, else 0.
    pub trend: i8,
}

/// A value and its variance, for the trend.
#[derive(Debug, Clone, Copy)]
struct Measured {
    value: Option<f64>,
    variance: Option<f64>,
}

/// +1, −1 or 0: the sign of a significant change from `before` to `now`.
fn trend(before: Measured, now: Measured) -> i8 {
    let (Some(a), Some(b), Some(va), Some(vb)) =
        (before.value, now.value, before.variance, now.variance)
    else {
        return 0;
    };
    if (b - a).abs() > 1.96 * (va + vb).sqrt() {
        if b > a { 1 } else { -1 }
    } else {
        0
    }
}

fn web_metric(m: SignalMetric) -> Option<WebMetric> {
    WebMetric::parse(m.as_str())
}

fn measured_web(f: &Figure) -> Measured {
    let variance = match f {
        // A count of independent arrivals: Poisson, its variance the count.
        Figure::Count(c) => Some(*c as f64),
        _ => f.variance(),
    };
    Measured {
        value: f.value(),
        variance,
    }
}

fn unit_of(m: SignalMetric) -> Unit {
    match m {
        SignalMetric::Visitors | SignalMetric::PageViews => Unit::Count,
        SignalMetric::SessionDuration => Unit::Seconds,
        SignalMetric::FirstResponseTime | SignalMetric::ResolutionTime => Unit::Minutes,
        _ => Unit::Percent,
    }
}

/// A web figure for each of `touchpoints` over `[from, to]`, by touchpoint.
async fn web_by_touchpoint(
    store: &dyn Store,
    webstats: &WebStats,
    ws: WorkspaceId,
    layout: &taith_metrics::index::Layout,
    figure: &BoundFigure,
    touchpoints: &[TouchpointId],
    period: &Period,
) -> Result<HashMap<TouchpointId, Figure>, StoreError> {
    let Some(metric) = web_metric(figure.metric) else {
        return Ok(HashMap::new());
    };
    let request = WebRequest {
        metric,
        goal: figure.goal.clone(),
        by: vec![Dimension::TouchpointId],
        from: Some(period.from),
        to: Some(period.to),
        filters: vec![Filter {
            dimension: Dimension::TouchpointId,
            values: touchpoints.iter().map(|t| Label::Touchpoint(*t)).collect(),
        }],
    };
    let answer = match webstats.figures(store, ws, layout, &request).await {
        Ok(a) => a,
        Err(WebStatsError::Store(e)) => return Err(e),
        // Nothing to group (no events yet) or too many groups: no figures.
        Err(_) => return Ok(HashMap::new()),
    };
    Ok(answer
        .groups
        .iter()
        .filter_map(|g| match g.key.first() {
            Some(Label::Touchpoint(tp)) => Some((*tp, g.figure)),
            _ => None,
        })
        .collect())
}

/// A support figure over `conversations`: its value, variance, n and interval.
fn support_figure(
    metric: SignalMetric,
    conversations: &[&Conversation],
) -> (Measured, u64, Option<(f64, f64)>) {
    let minutes = |pick: fn(&Conversation) -> Option<time::OffsetDateTime>| -> Vec<f64> {
        conversations
            .iter()
            .filter_map(|c| Some((pick(c)? - c.created_at).as_seconds_f64() / 60.0))
            .collect()
    };
    match metric {
        SignalMetric::ReopenRate => {
            let ever = conversations.iter().filter(|c| c.ever_resolved()).count() as u64;
            let reopened = conversations
                .iter()
                .filter(|c| c.ever_resolved() && c.reopens > 0)
                .count() as u64;
            let f = Figure::Proportion {
                good: reopened,
                n: ever,
            };
            (measured_web(&f), ever, f.ci95())
        }
        _ => {
            let times = if metric == SignalMetric::FirstResponseTime {
                minutes(|c| c.first_reply_at)
            } else {
                minutes(|c| c.resolved_at)
            };
            let n = times.len();
            if n == 0 {
                let none = Measured {
                    value: None,
                    variance: None,
                };
                return (none, 0, None);
            }
            let mean = times.iter().sum::<f64>() / n as f64;
            // The variance of the mean: the sample variance over n (none with one time).
            let variance = (n > 1).then(|| {
                times.iter().map(|t| (t - mean).powi(2)).sum::<f64>() / (n - 1) as f64 / n as f64
            });
            (
                Measured {
                    value: Some(mean),
                    variance,
                },
                n as u64,
                None,
            )
        }
    }
}

/// The conversations about `tp`.
fn about(
    by_touchpoint: &HashMap<TouchpointId, Vec<Conversation>>,
    tp: TouchpointId,
) -> Vec<&Conversation> {
    by_touchpoint
        .get(&tp)
        .map(|v| v.iter().collect())
        .unwrap_or_default()
}

/// The conversations created in `period`, by touchpoint (those about none left out).
async fn conversations_by_touchpoint(
    store: &dyn Store,
    ws: WorkspaceId,
    period: &Period,
) -> Result<HashMap<TouchpointId, Vec<Conversation>>, StoreError> {
    let (from, to) = period.utc_range();
    let mut out: HashMap<TouchpointId, Vec<Conversation>> = HashMap::new();
    for c in created_between(store, ws, from, to).await? {
        if let Some(tp) = c.touchpoint_id {
            out.entry(tp).or_default().push(c);
        }
    }
    Ok(out)
}

/// Each of `touchpoints`' bound figures over `period`, with its trend from the period of the
/// same length before; touchpoints without bound figures are left out. A figure with nothing
/// counted is kept (its value None), so the map says "no data" rather than hiding it.
pub async fn live(
    store: &dyn Store,
    analytics: &Analytics,
    webstats: &WebStats,
    ws: WorkspaceId,
    touchpoints: &[TouchpointId],
    period: &Period,
) -> Result<HashMap<TouchpointId, Vec<SignalFigure>>, StoreError> {
    let wanted: HashSet<TouchpointId> = touchpoints.iter().copied().collect();
    let bound: HashMap<TouchpointId, Vec<BoundFigure>> = store
        .touchpoint_figures(ws)
        .await?
        .into_iter()
        .filter(|(tp, figures)| wanted.contains(tp) && !figures.is_empty())
        .collect();
    if bound.is_empty() {
        return Ok(HashMap::new());
    }
    let before = period.previous();
    // Each distinct web figure asked once for every touchpoint showing it, now and before.
    let mut web_asks: Vec<(BoundFigure, Vec<TouchpointId>)> = Vec::new();
    for (tp, figures) in &bound {
        for f in figures
            .iter()
            .filter(|f| f.metric.source() == SignalSource::Web)
        {
            match web_asks.iter_mut().find(|(g, _)| g == f) {
                Some((_, tps)) => tps.push(*tp),
                None => web_asks.push((f.clone(), vec![*tp])),
            }
        }
    }
    let mut web: HashMap<(BoundFigure, TouchpointId), (Figure, Option<Figure>)> = HashMap::new();
    if !web_asks.is_empty() {
        let context = analytics.context(store, ws).await?;
        for (figure, tps) in &web_asks {
            let now = web_by_touchpoint(store, webstats, ws, &context.layout, figure, tps, period)
                .await?;
            let mut then =
                web_by_touchpoint(store, webstats, ws, &context.layout, figure, tps, &before)
                    .await?;
            for (tp, f) in now {
                web.insert((figure.clone(), tp), (f, then.remove(&tp)));
            }
        }
    }
    let needs_support = bound
        .values()
        .flatten()
        .any(|f| f.metric.source() == SignalSource::Support);
    let (support_now, support_before) = if needs_support {
        (
            conversations_by_touchpoint(store, ws, period).await?,
            conversations_by_touchpoint(store, ws, &before).await?,
        )
    } else {
        Default::default()
    };
    let mut out = HashMap::new();
    for (tp, figures) in bound {
        let shown = figures
            .into_iter()
            .map(|bound| {
                let unit = unit_of(bound.metric);
                match bound.metric.source() {
                    SignalSource::Web => {
                        let empty = Figure::Count(0);
                        let (now, then) = web
                            .get(&(bound.clone(), tp))
                            .map_or((&empty, None), |(n, t)| (n, t.as_ref()));
                        let counted = web.contains_key(&(bound.clone(), tp));
                        SignalFigure {
                            unit,
                            value: if counted { now.value() } else { None },
                            ci95: now.ci95(),
                            n: now.n(),
                            small_sample: counted && now.small_sample(),
                            trend: then.map_or(0, |t| trend(measured_web(t), measured_web(now))),
                            bound,
                        }
                    }
                    SignalSource::Support => {
                        let (now, n, ci95) = support_figure(bound.metric, &about(&support_now, tp));
                        let (then, _, _) =
                            support_figure(bound.metric, &about(&support_before, tp));
                        SignalFigure {
                            unit,
                            value: now.value,
                            ci95,
                            n,
                            small_sample: n > 0 && n < 30,
                            trend: trend(then, now),
                            bound,
                        }
                    }
                }
            })
            .collect();
        out.insert(tp, shown);
    }
    Ok(out)
}

/// The sessions between two consecutive touchpoints.
#[derive(Debug, Clone, PartialEq)]
pub struct DropOff {
    pub from: TouchpointId,
    pub to: TouchpointId,
    /// The stage of `to` (where the map shows it).
    pub stage: StageId,
    /// Sessions with an event at `from` in the period.
    pub reached: u64,
    /// Of those, the sessions with an event at `to` afterwards.
    pub went_on: u64,
}

impl DropOff {
    /// The share that did not go on, in %, with its 95% Wilson interval.
    pub fn rate(&self) -> Option<(f64, (f64, f64))> {
        let f = Figure::Proportion {
            good: self.reached.saturating_sub(self.went_on),
            n: self.reached,
        };
        Some((f.value()?, f.ci95()?))
    }
}

/// The drop-off between each pair of consecutive touchpoints of `journey` that saw events in
/// `period` (see the module's documentation).
pub async fn drop_offs(
    store: &dyn Store,
    analytics: &Analytics,
    webstats: &WebStats,
    ws: WorkspaceId,
    journey: &Journey,
    period: &Period,
) -> Result<Vec<DropOff>, StoreError> {
    if webstats.events_counted(store, ws).await? == 0 {
        return Ok(Vec::new());
    }
    let context = analytics.context(store, ws).await?;
    let scope = WebRequest {
        metric: WebMetric::ConversionRate,
        goal: None,
        by: Vec::new(),
        from: Some(period.from),
        to: Some(period.to),
        filters: Vec::new(),
    };
    let funnel = |steps: Vec<FunnelStep>| {
        let (context, scope) = (&context, &scope);
        async move {
            match webstats
                .funnel(store, ws, &context.layout, &steps, scope)
                .await
            {
                Ok(counts) => Ok(counts),
                Err(WebStatsError::Store(e)) => Err(e),
                Err(_) => Ok(vec![0; steps.len()]),
            }
        }
    };
    // The journey's touchpoints in map order, with their stage, kept when they saw events
    // (sessions per touchpoint, in one pass).
    let ids: Vec<TouchpointId> = journey.touchpoints.iter().map(|t| t.id).collect();
    let sessions = web_by_touchpoint(
        store,
        webstats,
        ws,
        &context.layout,
        &BoundFigure {
            metric: SignalMetric::ConversionRate,
            goal: None,
        },
        &ids,
        period,
    )
    .await?;
    let seen: Vec<(TouchpointId, StageId)> = journey
        .stages
        .iter()
        .flat_map(|stage| journey.touchpoints_of(stage.id).map(|t| (t.id, stage.id)))
        .filter(|(tp, _)| sessions.get(tp).is_some_and(|f| f.n() > 0))
        .collect();
    let mut out = Vec::new();
    for pair in seen.windows(2) {
        let [(from, _), (to, stage)] = pair else {
            continue;
        };
        let counts = funnel(vec![
            FunnelStep::Touchpoint(*from),
            FunnelStep::Touchpoint(*to),
        ])
        .await?;
        out.push(DropOff {
            from: *from,
            to: *to,
            stage: *stage,
            reached: counts.first().copied().unwrap_or(0),
            went_on: counts.get(1).copied().unwrap_or(0),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn m(value: f64, variance: f64) -> Measured {
        Measured {
            value: Some(value),
            variance: Some(variance),
        }
    }

    #[test]
    fn the_arrow_shows_only_a_significant_change() {
        // |Δ| = 10 against 1.96 × √(9 + 16) = 9.8: significant, up.
        assert_eq!(trend(m(40.0, 9.0), m(50.0, 16.0)), 1);
        assert_eq!(trend(m(50.0, 9.0), m(40.0, 16.0)), -1);
        // |Δ| = 9 < 9.8: no arrow.
        assert_eq!(trend(m(40.0, 9.0), m(49.0, 16.0)), 0);
        let unknown = Measured {
            value: Some(1.0),
            variance: None,
        };
        assert_eq!(trend(unknown, m(100.0, 1.0)), 0);
    }

    #[test]
    fn mean_support_times_carry_the_variance_of_a_mean() {
        use taith_domain::{Channel, ConversationId, ConversationStatus};
        let at = time::macros::datetime!(2026-03-02 09:00 UTC);
        let conv = |minutes: i64| Conversation {
            id: ConversationId::new(),
            external_id: None,
            channel: Channel::Phone,
            status: ConversationStatus::Open,
            subject: String::new(),
            customer_id: None,
            assignee: None,
            agent: None,
            team: None,
            tags: Vec::new(),
            satisfaction: None,
            locale: None,
            touchpoint_id: None,
            created_at: at,
            first_reply_at: Some(at + time::Duration::minutes(minutes)),
            resolved_at: None,
            reopens: 0,
            updated_at: at,
        };
        let cs = [conv(10), conv(20), conv(30)];
        let refs: Vec<&Conversation> = cs.iter().collect();
        let (f, n, _) = support_figure(SignalMetric::FirstResponseTime, &refs);
        assert_eq!(n, 3);
        assert_eq!(f.value, Some(20.0));
        // Sample variance 100, over n = 3.
        assert!((f.variance.unwrap() - 100.0 / 3.0).abs() < 1e-9);
        let (none, n, _) = support_figure(SignalMetric::ResolutionTime, &refs);
        assert_eq!((none.value, n), (None, 0));
    }
}
