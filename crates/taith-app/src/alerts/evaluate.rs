//! Evaluating rules: the figure over this period and the one before, whether the condition
//! holds, and the transition recorded once.
//!
//! This period is the last `period_days` days up to today (UTC), the previous one the same
//! number of days before it. Figures come from the analytics index (caught up from the store
//! first, so responses written by another node count), a theme's share from the comment
//! counts. A condition holds:
//! - threshold: the period has at least `min_responses` and its figure is below / above the
//!   value (response volume needs no minimum);
//! - change: both periods have at least `min_responses` and they differ significantly —
//!   |Δ| > 1.96 √(Var₁ + Var₂) (DESIGN §3; response volume as a Poisson count, Var = n) — in
//!   the rule's direction;
//! - detractor: a new response at a moment-of-truth touchpoint of the scope is in the bottom
//!   band of its survey's scale (NPS 0–6).
//!
//! A figure's rule fires when its condition holds and it has no open firing, and clears when
//! it no longer holds; the store records each transition once, whichever node gets there
//! first.

use super::Alerts;
use crate::metrics::{MetricsContext, MetricsError, MetricsRequest};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use taith_domain::{
    AlertCondition, AlertFiring, AlertFiringId, AlertMetric, AlertRule, AlertScope, Direction,
    EventType, NewResponse, SurveyKind, TouchpointId, WorkspaceId,
};
use taith_metrics::index::{Dimension, Filter, Label};
use taith_metrics::{Band, Metric, MetricValue};
use taith_store::{Clearing, CountQuery, NewFiring, SharedStore, Store, StoreError};
use time::{Date, Duration, OffsetDateTime, Time};

const Z95: f64 = 1.96;

/// A figure over one period.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Figure {
    pub value: Option<f64>,
    pub variance: Option<f64>,
    pub n: u64,
}

impl From<&MetricValue> for Figure {
    fn from(m: &MetricValue) -> Figure {
        Figure {
            value: m.value,
            variance: m.variance,
            n: m.n,
        }
    }
}

/// Why a rule could not be evaluated.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error(transparent)]
    Metrics(#[from] MetricsError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The days of this period and the previous one, both inclusive.
pub fn periods(today: Date, days: u16) -> ((Date, Date), (Date, Date)) {
    let d = i64::from(days.max(1));
    let this = (today - Duration::days(d - 1), today);
    let before = (today - Duration::days(2 * d - 1), today - Duration::days(d));
    (this, before)
}

/// Whether the condition holds for this period's and the previous period's figures.
pub fn holds(rule: &AlertRule, this: &Figure, before: &Figure) -> bool {
    let f = &rule.fields;
    let min = u64::from(f.min_responses);
    let enough = |fig: &Figure| f.metric.is_count() || fig.n >= min.max(1);
    match f.condition {
        AlertCondition::Threshold { direction, value } => {
            let Some(v) = this.value.filter(|_| enough(this)) else {
                return false;
            };
            match direction {
                Direction::Down => v < value,
                Direction::Up => v > value,
                Direction::Either => false,
            }
        }
        AlertCondition::Change { direction } => {
            if !enough(this) || !enough(before) {
                return false;
            }
            let (Some(a), Some(b), Some(va), Some(vb)) =
                (this.value, before.value, this.variance, before.variance)
            else {
                return false;
            };
            let delta = a - b;
            if delta.abs() <= Z95 * (va + vb).sqrt() {
                return false;
            }
            match direction {
                Direction::Down => delta < 0.0,
                Direction::Up => delta > 0.0,
                Direction::Either => true,
            }
        }
        AlertCondition::Detractor => false,
    }
}

fn scored(metric: AlertMetric) -> Option<Metric> {
    match metric {
        AlertMetric::Nps => Some(Metric::Nps),
        AlertMetric::Csat => Some(Metric::Csat),
        AlertMetric::Ces => Some(Metric::Ces),
        AlertMetric::Volume | AlertMetric::ThemeShare(_) | AlertMetric::Mentions => None,
    }
}

/// The touchpoints of a scope (None: no narrowing by touchpoint).
fn scope_touchpoints(
    scope: &AlertScope,
    context: &MetricsContext,
) -> Option<HashSet<TouchpointId>> {
    match scope {
        AlertScope::Journey(j) => Some(
            context
                .layout
                .touchpoints
                .iter()
                .filter(|(_, place)| place.journey_id == *j)
                .map(|(tp, _)| *tp)
                .collect(),
        ),
        AlertScope::Touchpoint(tp) => Some(HashSet::from([*tp])),
        AlertScope::Workspace | AlertScope::Segment { .. } => None,
    }
}

fn scope_filters(scope: &AlertScope, context: &MetricsContext) -> Option<Vec<Filter>> {
    let mut filters = Vec::new();
    if let Some(tps) = scope_touchpoints(scope, context) {
        if tps.is_empty() {
            return None;
        }
        filters.push(Filter {
            dimension: Dimension::TouchpointId,
            values: tps.into_iter().map(Label::Touchpoint).collect(),
        });
    }
    if let AlertScope::Segment { key, value } = scope {
        filters.push(Filter {
            dimension: Dimension::Attribute(key.clone()),
            values: vec![Label::Text(value.clone())],
        });
    }
    Some(filters)
}

fn start_of(d: Date) -> OffsetDateTime {
    d.with_time(Time::MIDNIGHT).assume_utc()
}

impl Alerts {
    /// A rule's figure over the days `from`..=`to`.
    pub async fn figure(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        context: &MetricsContext,
        rule: &AlertRule,
        (from, to): (Date, Date),
    ) -> Result<Figure, EvalError> {
        let f = &rule.fields;
        if let AlertMetric::ThemeShare(theme) = f.metric {
            let touchpoint = match &f.scope {
                AlertScope::Touchpoint(tp) => Some(*tp),
                _ => None,
            };
            let mut q = CountQuery {
                from: start_of(from),
                to: start_of(to + Duration::days(1)),
                survey: None,
                touchpoint,
                channel: None,
                locale: None,
                by_theme: false,
            };
            let all: u64 = store
                .comment_counts(ws, &q)
                .await?
                .iter()
                .map(|c| c.count)
                .sum();
            q.by_theme = true;
            let mentions: u64 = store
                .comment_counts(ws, &q)
                .await?
                .iter()
                .filter(|c| c.theme == Some(theme))
                .map(|c| c.count)
                .sum();
            if all == 0 {
                return Ok(Figure::default());
            }
            let p = mentions as f64 / all as f64;
            return Ok(Figure {
                value: Some(100.0 * p),
                variance: Some(10_000.0 * p * (1.0 - p) / all as f64),
                n: all,
            });
        }
        if f.metric == AlertMetric::Mentions {
            let period = taith_domain::Period {
                preset: taith_domain::Preset::Custom,
                from,
                to,
            };
            let n = crate::mentions::count(store, ws, &period).await?;
            return Ok(Figure {
                value: Some(n as f64),
                variance: Some(n as f64),
                n,
            });
        }
        let Some(filters) = scope_filters(&f.scope, context) else {
            return Ok(Figure::default());
        };
        let ask = |metric: Metric| MetricsRequest {
            metric,
            survey: None,
            by: Vec::new(),
            from: Some(from),
            to: Some(to),
            filters: filters.clone(),
        };
        match scored(f.metric) {
            Some(metric) => {
                let answer = self
                    .analytics
                    .metrics_in(store, ws, context, &ask(metric))
                    .await?;
                Ok(answer
                    .groups
                    .first()
                    .map(|g| Figure::from(&g.figure))
                    .unwrap_or_default())
            }
            None => {
                let mut n = 0;
                for metric in [Metric::Nps, Metric::Csat, Metric::Ces] {
                    match self
                        .analytics
                        .metrics_in(store, ws, context, &ask(metric))
                        .await
                    {
                        Ok(answer) => n += answer.groups.iter().map(|g| g.n()).sum::<u64>(),
                        // Surveys of one kind on two scales: their responses still count.
                        Err(MetricsError::MixedScales) => {}
                        Err(e) => return Err(e.into()),
                    }
                }
                Ok(Figure {
                    value: Some(n as f64),
                    variance: Some(n as f64),
                    n,
                })
            }
        }
    }

    /// Evaluates one rule of a figure now: fires or clears it when its state changes.
    /// Answers whether the condition holds.
    pub async fn evaluate_rule(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        context: &MetricsContext,
        rule: &AlertRule,
        now: OffsetDateTime,
    ) -> Result<bool, EvalError> {
        let (this_days, before_days) = periods(now.date(), rule.fields.period_days);
        let this = self.figure(store, ws, context, rule, this_days).await?;
        let before = match rule.fields.condition {
            AlertCondition::Change { .. } => {
                self.figure(store, ws, context, rule, before_days).await?
            }
            _ => Figure::default(),
        };
        let holds = holds(rule, &this, &before);
        let open = store.open_alert_firing(ws, rule.id).await?;
        match (holds, open) {
            (true, None) => {
                let firing = AlertFiring {
                    id: AlertFiringId::new(),
                    rule_id: rule.id,
                    fired_at: now,
                    cleared_at: None,
                    value: this.value,
                    previous: before.value,
                    n: this.n,
                    response_id: None,
                };
                self.fire(store, ws, rule, firing).await?;
            }
            (false, Some(open)) => {
                let data = event_data(rule, &open, this.value, Some(now));
                let clearing = Clearing {
                    firing: open.id,
                    at: now,
                    mail_to: rule.fields.recipients.clone(),
                    event: crate::webhooks::new_event(EventType::AlertCleared, data, None),
                };
                if store.clear_alert(ws, &clearing).await? {
                    tracing::info!(rule = %rule.id, "alert cleared");
                    self.hooks.wake();
                }
            }
            _ => {}
        }
        store.note_alert_value(ws, rule.id, this.value, now).await?;
        Ok(holds)
    }

    async fn fire(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        rule: &AlertRule,
        firing: AlertFiring,
    ) -> Result<bool, StoreError> {
        let data = event_data(rule, &firing, firing.value, None);
        let new = NewFiring {
            mail_to: rule.fields.recipients.clone(),
            event: crate::webhooks::new_event(EventType::AlertFired, data, None),
            firing,
        };
        let fired = store.fire_alert(ws, &new).await?;
        if fired {
            tracing::info!(rule = %rule.id, firing = %new.firing.id, "alert fired");
            self.hooks.wake();
        }
        Ok(fired)
    }

    /// Evaluates the workspace's enabled rules: every rule of a figure, and the detractor
    /// rules against `new` responses.
    pub async fn evaluate_workspace(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        new: &[NewResponse],
    ) -> Result<(), EvalError> {
        let rules: Vec<AlertRule> = store
            .alert_rules(ws)
            .await?
            .into_iter()
            .filter(|r| r.fields.enabled)
            .collect();
        if rules.is_empty() {
            return Ok(());
        }
        let context = self.analytics.context(store, ws).await?;
        let now = taith_domain::now();
        let mut moments: Option<HashSet<TouchpointId>> = None;
        for rule in &rules {
            if rule.fields.condition != AlertCondition::Detractor {
                if let Err(e) = self.evaluate_rule(store, ws, &context, rule, now).await {
                    // One rule's trouble (surveys on mixed scales, say) does not stop the rest.
                    tracing::warn!(rule = %rule.id, error = &e as &dyn std::error::Error, "evaluating an alert rule failed");
                }
                continue;
            }
            if new.is_empty() {
                continue;
            }
            if moments.is_none() {
                moments = Some(moments_of_truth(store, ws).await?);
            }
            let moments = moments.as_ref().map_or_else(HashSet::new, Clone::clone);
            self.detractors(store, ws, &context, rule, &moments, new, now)
                .await?;
        }
        Ok(())
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "the evaluation's context, passed down as it is"
    )]
    async fn detractors(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        context: &MetricsContext,
        rule: &AlertRule,
        moments: &HashSet<TouchpointId>,
        new: &[NewResponse],
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let kind = match rule.fields.metric {
            AlertMetric::Csat => SurveyKind::Csat,
            AlertMetric::Ces => SurveyKind::Ces,
            _ => SurveyKind::Nps,
        };
        let in_scope = scope_touchpoints(&rule.fields.scope, context);
        let surveys: HashMap<_, _> = context.surveys.iter().map(|s| (s.id, s)).collect();
        for r in new {
            let Some(tp) = r.touchpoint_id else { continue };
            if !moments.contains(&tp) || in_scope.as_ref().is_some_and(|s| !s.contains(&tp)) {
                continue;
            }
            if let AlertScope::Segment { key, value } = &rule.fields.scope
                && r.attributes.get(key) != Some(value)
            {
                continue;
            }
            let Some(survey) = surveys.get(&r.survey_id) else {
                continue;
            };
            if survey.fields.kind != kind
                || Band::of(kind, survey.fields.scale, r.score) != Band::Negative
            {
                continue;
            }
            let firing = AlertFiring {
                id: AlertFiringId::new(),
                rule_id: rule.id,
                fired_at: now,
                cleared_at: None,
                value: Some(f64::from(r.score)),
                previous: None,
                n: 1,
                response_id: Some(r.id),
            };
            self.fire(store, ws, rule, firing).await?;
        }
        Ok(())
    }
}

/// The workspace's moment-of-truth touchpoints.
async fn moments_of_truth(
    store: &dyn Store,
    ws: WorkspaceId,
) -> Result<HashSet<TouchpointId>, StoreError> {
    let mut found = HashSet::new();
    for j in store
        .journeys(ws, taith_store::PageRequest::all())
        .await?
        .items
    {
        let journey = store.journey(ws, j.id).await?;
        found.extend(
            journey
                .touchpoints
                .iter()
                .filter(|t| t.fields.moment_of_truth)
                .map(|t| t.id),
        );
    }
    Ok(found)
}

/// The `data` of an `alert.fired` or `alert.cleared` event.
fn event_data(
    rule: &AlertRule,
    firing: &AlertFiring,
    value: Option<f64>,
    cleared_at: Option<OffsetDateTime>,
) -> serde_json::Value {
    let rfc = |t: OffsetDateTime| {
        t.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    };
    let f = &rule.fields;
    json!({
        "rule_id": rule.id,
        "rule_name": f.name.as_str(),
        "condition": f.condition.kind(),
        "metric": f.metric.code(),
        "theme_id": f.metric.theme(),
        "scope": f.scope.kind(),
        "firing_id": firing.id,
        "fired_at": rfc(firing.fired_at),
        "cleared_at": cleared_at.map(rfc),
        "value": value.map(crate::metrics::round1),
        "previous": firing.previous.map(crate::metrics::round1),
        "n": firing.n,
        "response_id": firing.response_id,
    })
}

/// Evaluates every enabled rule on a schedule, until the process ends.
pub(super) fn schedule_in_background(alerts: Alerts, store: SharedStore) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(alerts.hooks.config.alert_schedule);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            let rules = match store.enabled_alert_rules().await {
                Ok(r) => r,
                Err(e) => {
                    tracing::warn!(
                        error = &e as &dyn std::error::Error,
                        "listing alert rules failed"
                    );
                    continue;
                }
            };
            let workspaces: HashSet<WorkspaceId> = rules.iter().map(|(ws, _)| *ws).collect();
            for ws in workspaces {
                if let Err(e) = alerts.evaluate_workspace(store.as_ref(), ws, &[]).await {
                    tracing::warn!(workspace = %ws, error = &e as &dyn std::error::Error, "evaluating alerts failed");
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn this_period_ends_today_and_the_previous_one_ends_the_day_before_it_starts() {
        let today = time::macros::date!(2026 - 03 - 14);
        let (this, before) = periods(today, 7);
        assert_eq!(this, (time::macros::date!(2026 - 03 - 08), today));
        assert_eq!(
            before,
            (
                time::macros::date!(2026 - 03 - 01),
                time::macros::date!(2026 - 03 - 07)
            )
        );
    }
}
