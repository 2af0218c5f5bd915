//! The cases' figures (DESIGN §3 "resolution time"), over the cases opened in a period:
//!
//! - **time to first action**: first action − opening, per case acted on;
//! - **time to resolution**: closed − opening, per case resolved or closed with no action;
//!
//! each as mean, median and 90th percentile in hours (nearest rank: the value at rank
//! ⌈p × n⌉ of the sorted times), with the cases still waiting counted apart (`open`);
//! - **share overdue**: cases that missed either of their SLA times (or are past one now,
//!   still waiting) among the cases opened, in %, with its Wilson interval;
//! - **root causes by touchpoint**: how many cases name each cause, per touchpoint.
//!
//! Times are wall-clock hours (what the customer waited); the SLA's business hours only set
//! the due times.

use std::collections::BTreeMap;
use taith_domain::{Case, RootCauseId, TouchpointId, WorkspaceId};
use taith_store::{CaseFilter, PageRequest, Store, StoreError};
use time::OffsetDateTime;

/// Durations of one kind over a set of cases.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Durations {
    /// Cases with the time (acted on; closed).
    pub n: u64,
    /// Cases still without it.
    pub open: u64,
    pub mean_hours: Option<f64>,
    pub median_hours: Option<f64>,
    pub p90_hours: Option<f64>,
}

impl Durations {
    /// The durations `hours` (sorted here), with `open` items without one.
    pub fn of(hours: &mut [f64], open: u64) -> Durations {
        hours.sort_by(f64::total_cmp);
        let n = hours.len();
        let rank = |p: f64| -> Option<f64> {
            if n == 0 {
                return None;
            }
            let r = (p * n as f64).ceil() as usize;
            hours.get(r.clamp(1, n) - 1).copied()
        };
        Durations {
            n: n as u64,
            open,
            mean_hours: (n > 0).then(|| hours.iter().sum::<f64>() / n as f64),
            median_hours: rank(0.5),
            p90_hours: rank(0.9),
        }
    }
}

/// Every figure over one set of cases.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseFigures {
    pub opened: u64,
    pub first_action: Durations,
    pub resolution: Durations,
    /// Cases that missed an SLA time.
    pub overdue: u64,
    /// `overdue / opened` in %, and its 95% Wilson interval.
    pub overdue_share: Option<f64>,
    pub overdue_ci95: Option<(f64, f64)>,
    /// Cases per root cause, most named first.
    pub root_causes: Vec<(RootCauseId, u64)>,
    /// n < 30.
    pub small_sample: bool,
}

fn hours(a: OffsetDateTime, b: OffsetDateTime) -> f64 {
    (b - a).as_seconds_f64() / 3_600.0
}

/// The figures of `cases` at `now`.
pub fn compute(cases: &[Case], now: OffsetDateTime) -> CaseFigures {
    let mut first: Vec<f64> = Vec::new();
    let mut resolved: Vec<f64> = Vec::new();
    let mut causes: BTreeMap<RootCauseId, u64> = BTreeMap::new();
    let mut overdue = 0;
    for c in cases {
        if let Some(t) = c.first_action_at {
            first.push(hours(c.opened_at, t));
        }
        if let (true, Some(t)) = (c.status.is_closed(), c.closed_at) {
            resolved.push(hours(c.opened_at, t));
        }
        if c.missed_sla(now) {
            overdue += 1;
        }
        if let Some(rc) = c.root_cause {
            *causes.entry(rc).or_default() += 1;
        }
    }
    let n = cases.len() as u64;
    let open_first = n - first.len() as u64;
    let open_resolved = n - resolved.len() as u64;
    let mut root_causes: Vec<(RootCauseId, u64)> = causes.into_iter().collect();
    root_causes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    CaseFigures {
        opened: n,
        first_action: Durations::of(&mut first, open_first),
        resolution: Durations::of(&mut resolved, open_resolved),
        overdue,
        overdue_share: (n > 0).then(|| 100.0 * overdue as f64 / n as f64),
        overdue_ci95: (n > 0).then(|| {
            let (lo, hi) = taith_metrics::formula::wilson(overdue, n);
            (100.0 * lo, 100.0 * hi)
        }),
        root_causes,
        small_sample: n < 30,
    }
}

/// The cases opened in `[from, to)` (at `touchpoint` only, when given).
pub async fn cases_opened(
    store: &dyn Store,
    ws: WorkspaceId,
    from: OffsetDateTime,
    to: OffsetDateTime,
    touchpoint: Option<TouchpointId>,
) -> Result<Vec<Case>, StoreError> {
    let filter = CaseFilter {
        opened: Some((from, to)),
        touchpoint,
        ..CaseFilter::default()
    };
    Ok(store.cases(ws, &filter, PageRequest::all()).await?.items)
}

/// The figures of the cases opened in `[from, to)`.
pub async fn figures(
    store: &dyn Store,
    ws: WorkspaceId,
    from: OffsetDateTime,
    to: OffsetDateTime,
    touchpoint: Option<TouchpointId>,
) -> Result<CaseFigures, StoreError> {
    let cases = cases_opened(store, ws, from, to, touchpoint).await?;
    Ok(compute(&cases, taith_domain::now()))
}

/// The figures per touchpoint (None: cases with no touchpoint), of the cases opened in
/// `[from, to)`.
pub async fn by_touchpoint(
    store: &dyn Store,
    ws: WorkspaceId,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Vec<(Option<TouchpointId>, CaseFigures)>, StoreError> {
    let cases = cases_opened(store, ws, from, to, None).await?;
    let mut groups: BTreeMap<Option<TouchpointId>, Vec<Case>> = BTreeMap::new();
    for c in cases {
        groups.entry(c.touchpoint_id).or_default().push(c);
    }
    let now = taith_domain::now();
    Ok(groups
        .into_iter()
        .map(|(tp, cs)| (tp, compute(&cs, now)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use taith_domain::{CaseId, CaseSource, CaseStatus};
    use time::macros::datetime;

    fn case(opened: OffsetDateTime, first: Option<i64>, closed: Option<i64>) -> Case {
        let h = |n: i64| opened + time::Duration::hours(n);
        Case {
            id: CaseId::new(),
            number: 1,
            source: CaseSource::Score,
            response_id: None,
            feature_request_id: None,
            survey_id: None,
            customer_id: None,
            touchpoint_id: None,
            owner: None,
            status: if closed.is_some() {
                CaseStatus::Resolved
            } else {
                CaseStatus::Open
            },
            root_cause: None,
            opened_at: opened,
            first_action_at: first.map(h),
            closed_at: closed.map(h),
            first_action_due: h(8),
            resolve_due: h(40),
            version: 1,
            updated_at: opened,
        }
    }

    #[test]
    fn times_are_mean_median_and_p90_with_open_cases_apart() {
        let t = datetime!(2026-03-02 09:00 UTC);
        let cases: Vec<Case> = [1, 2, 3, 4, 10]
            .into_iter()
            .map(|h| case(t, Some(h), Some(h * 2)))
            .chain([case(t, None, None)])
            .collect();
        let f = compute(&cases, t + time::Duration::hours(1));
        assert_eq!(f.opened, 6);
        assert_eq!(f.first_action.n, 5);
        assert_eq!(f.first_action.open, 1);
        assert_eq!(f.first_action.mean_hours, Some(4.0));
        assert_eq!(f.first_action.median_hours, Some(3.0));
        assert_eq!(f.first_action.p90_hours, Some(10.0));
        assert_eq!(f.resolution.median_hours, Some(6.0));
        // First action after 10 h > 8 h due: one missed.
        assert_eq!(f.overdue, 1);
    }
}
