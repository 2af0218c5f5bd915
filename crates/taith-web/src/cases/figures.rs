//! The case figures as the dashboard and a touchpoint's page show them
//! (`templates/cases/figures.html`): time to first action and to resolution (mean, median,
//! 90th percentile, open ones apart), the share overdue with its interval, and the root
//! causes by touchpoint. Computed by `taith_app::cases::figures`.

use crate::AppState;
use crate::http::ctx::Member;
use crate::http::page_error::PageError;
use std::collections::HashMap;
use taith_app::cases::figures::{self, CaseFigures, Durations};
use taith_domain::{Action, Period, TouchpointId};
use taith_i18n::Tr;

/// One duration figure, in words.
#[derive(Debug, Default)]
pub struct DurationView {
    pub mean: String,
    pub median: String,
    pub p90: String,
    pub timed: String,
    pub open: String,
}

/// The figures of the cases opened in a period.
#[derive(Debug, Default)]
pub struct CaseFiguresView {
    pub shown: bool,
    pub opened: String,
    pub first_action: DurationView,
    pub resolution: DurationView,
    pub overdue: String,
    pub overdue_ci: String,
    pub small_sample: bool,
    /// `(touchpoint, root cause, cases)`.
    pub causes: Vec<(String, String, String)>,
    pub href: String,
}

fn hours(tr: &Tr, h: Option<f64>) -> String {
    match h {
        Some(h) => tr.t1("cases-hours-value", "hours", tr.number(h, 1)),
        None => "—".to_owned(),
    }
}

/// A duration figure in words (also the coaching page's).
pub fn durations(tr: &Tr, d: &Durations) -> DurationView {
    DurationView {
        mean: hours(tr, d.mean_hours),
        median: hours(tr, d.median_hours),
        p90: hours(tr, d.p90_hours),
        timed: tr.tn(
            "cases-count",
            "count",
            i64::try_from(d.n).unwrap_or(i64::MAX),
        ),
        open: tr.tn(
            "cases-open-apart",
            "count",
            i64::try_from(d.open).unwrap_or(i64::MAX),
        ),
    }
}

/// The figures over `period`, at `touchpoint` only when given. Nothing shown to a member who
/// may not read the figures.
pub async fn view(
    state: &AppState,
    m: &Member,
    period: &Period,
    touchpoint: Option<TouchpointId>,
) -> Result<CaseFiguresView, PageError> {
    if !m.may(Action::Read) {
        return Ok(CaseFiguresView::default());
    }
    let tr = m.tr();
    let store = state.store.as_ref();
    let ws = m.workspace.id;
    let err = |e| PageError::from_store(e, tr);
    let from = period.from.midnight().assume_utc();
    let to = period
        .to
        .next_day()
        .unwrap_or(time::Date::MAX)
        .midnight()
        .assume_utc();
    let groups = figures::by_touchpoint(store, ws, from, to)
        .await
        .map_err(err)?;
    let groups: Vec<_> = groups
        .into_iter()
        .filter(|(tp, _)| touchpoint.is_none() || *tp == touchpoint)
        .collect();
    let all: CaseFigures = match touchpoint {
        Some(tp) => figures::figures(store, ws, from, to, Some(tp))
            .await
            .map_err(err)?,
        None => figures::figures(store, ws, from, to, None)
            .await
            .map_err(err)?,
    };
    let names: HashMap<TouchpointId, String> = taith_app::journeys::places::touchpoints(store, ws)
        .await
        .map_err(err)?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let causes: HashMap<_, _> = store
        .root_causes(ws)
        .await
        .map_err(err)?
        .into_iter()
        .map(|c| (c.id, c.name.to_string()))
        .collect();
    let mut rows = Vec::new();
    for (tp, f) in &groups {
        let place = tp
            .and_then(|t| names.get(&t).cloned())
            .unwrap_or_else(|| tr.t("cases-no-touchpoint"));
        for (rc, n) in &f.root_causes {
            rows.push((
                place.clone(),
                causes.get(rc).cloned().unwrap_or_default(),
                tr.tn(
                    "cases-count",
                    "count",
                    i64::try_from(*n).unwrap_or(i64::MAX),
                ),
            ));
        }
    }
    Ok(CaseFiguresView {
        shown: true,
        opened: tr.tn(
            "cases-opened-count",
            "count",
            i64::try_from(all.opened).unwrap_or(i64::MAX),
        ),
        first_action: durations(tr, &all.first_action),
        resolution: durations(tr, &all.resolution),
        overdue: all
            .overdue_share
            .map(|s| tr.t1("cases-percent", "value", tr.number(s, 0)))
            .unwrap_or_else(|| "—".to_owned()),
        overdue_ci: all
            .overdue_ci95
            .map(|(a, b)| {
                tr.ta(
                    "cases-interval",
                    &[("low", tr.number(a, 0)), ("high", tr.number(b, 0))],
                )
            })
            .unwrap_or_default(),
        small_sample: all.small_sample && all.opened > 0,
        causes: rows,
        href: match touchpoint {
            Some(tp) => format!("{}/cases?status=all&touchpoint={tp}", m.base()),
            None => format!("{}/cases?status=all", m.base()),
        },
    })
}
