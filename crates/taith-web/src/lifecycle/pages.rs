//! Customers → Retention (`/w/{slug}/customers/retention`): churn and retention of the
//! period with their intervals, the retention cohorts by start month (a table and a chart),
//! and the NPS of churned vs retained customers with whether they differ significantly.
//! Computed by `taith_app::lifecycle`.

use crate::AppState;
use crate::http::ctx::Member;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::http::period::{PeriodControl, PeriodQuery, read_period};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use taith_app::lifecycle;
use taith_domain::Action;
use taith_i18n::Tr;
use taith_metrics::formula::MetricValue;

/// A rate in words.
#[derive(Debug, Default)]
pub struct RateView {
    pub value: String,
    pub interval: String,
}

/// A cohort's row: month, size, `(cell text, shade 0–4)` per month.
#[derive(Debug)]
pub struct CohortRow {
    pub month: String,
    pub size: String,
    pub cells: Vec<(String, u8)>,
}

/// The cohort chart: one polyline per cohort.
#[derive(Debug)]
pub struct CohortChart {
    pub width: u32,
    pub height: u32,
    pub lines: Vec<(String, String)>,
    pub y_ticks: Vec<(u32, String)>,
    pub description: String,
}

/// NPS of a group of customers in words.
#[derive(Debug, Default)]
pub struct NpsView {
    pub value: String,
    pub interval: String,
    pub n: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "lifecycle/retention.html")]
pub struct RetentionPage {
    l: Layout,
    period: PeriodControl,
    counts: String,
    small_sample: bool,
    churn: RateView,
    retention: RateView,
    months: Vec<String>,
    cohorts: Vec<CohortRow>,
    chart: Option<CohortChart>,
    churned: NpsView,
    retained: NpsView,
    verdict: String,
    repeat: RateView,
    repeat_counts: String,
}

fn rate(tr: &Tr, v: Option<f64>, ci: Option<(f64, f64)>) -> RateView {
    RateView {
        value: v.map_or_else(
            || "—".to_owned(),
            |v| tr.t1("support-percent", "n", tr.number(v, 1)),
        ),
        interval: ci.map_or_else(String::new, |(a, b)| {
            tr.ta(
                "support-interval",
                &[("low", tr.number(a, 1)), ("high", tr.number(b, 1))],
            )
        }),
    }
}

fn nps(tr: &Tr, v: &MetricValue) -> NpsView {
    NpsView {
        value: v.value.map_or_else(|| "—".to_owned(), |x| tr.number(x, 0)),
        interval: v.ci95.map_or_else(String::new, |(a, b)| {
            tr.ta(
                "support-interval-points",
                &[("low", tr.number(a, 0)), ("high", tr.number(b, 0))],
            )
        }),
        n: tr.tn(
            "retention-customers",
            "count",
            i64::try_from(v.n).unwrap_or(i64::MAX),
        ),
    }
}

fn chart(cohorts: &[lifecycle::Cohort], tr: &Tr) -> Option<CohortChart> {
    let columns = cohorts.iter().map(|c| c.retained.len()).max()?;
    if columns < 2 {
        return None;
    }
    let (width, height, left, top, bottom) = (640u32, 240u32, 44u32, 10u32, 30u32);
    let plot_h = height - top - bottom;
    let step = (width - left - 20) / u32::try_from(columns - 1).unwrap_or(1).max(1);
    let y = |pct: f64| top + plot_h - (pct.clamp(0.0, 100.0) / 100.0 * f64::from(plot_h)) as u32;
    let lines = cohorts
        .iter()
        .filter(|c| c.retained.len() >= 2)
        .map(|c| {
            let points = c
                .retained
                .iter()
                .enumerate()
                .map(|(i, p)| format!("{},{}", left + step * i as u32, y(*p)))
                .collect::<Vec<_>>()
                .join(" ");
            (c.month.clone(), points)
        })
        .collect();
    Some(CohortChart {
        width,
        height,
        lines,
        y_ticks: [0.0, 50.0, 100.0]
            .into_iter()
            .map(|p| (y(p), tr.number(p, 0)))
            .collect(),
        description: tr.t("retention-chart-description"),
    })
}

pub async fn retention(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<PeriodQuery>,
) -> Result<RetentionPage, PageError> {
    m.require(Action::Read)?;
    let tr = m.tr();
    let path = format!("{}/customers/retention", m.base());
    let (period, control) = read_period(&m, &q, &path, &[])?;
    let r = lifecycle::retention(
        state.store.as_ref(),
        m.workspace.id,
        period.from.midnight().assume_utc(),
        period
            .to
            .next_day()
            .unwrap_or(time::Date::MAX)
            .midnight()
            .assume_utc(),
    )
    .await
    .map_err(|e| PageError::from_store(e, tr))?;
    let c = &r.churn;
    let n = |x: u64| tr.number(x as f64, 0);
    let columns = r
        .cohorts
        .iter()
        .map(|c| c.retained.len())
        .max()
        .unwrap_or(0);
    let verdict = match r.nps.difference {
        None => tr.t("retention-nps-too-few"),
        // "Differs by 102 points": the size of the gap; the two figures above say which way.
        Some(d) if d.significant => tr.t1(
            "retention-nps-significant",
            "delta",
            tr.number(d.delta.abs(), 0),
        ),
        Some(d) => tr.t1(
            "retention-nps-not-significant",
            "delta",
            tr.number(d.delta.abs(), 0),
        ),
    };
    Ok(RetentionPage {
        period: control,
        counts: tr.ta(
            "retention-counts",
            &[
                ("start", n(c.at_start)),
                ("end", n(c.at_end)),
                ("new", n(c.new)),
                ("lost", n(c.lost)),
            ],
        ),
        small_sample: c.small_sample,
        churn: rate(tr, c.churn_rate, c.churn_ci95),
        retention: rate(tr, c.retention_rate, c.retention_ci95),
        months: (0..columns)
            .map(|k| tr.t1("retention-month-n", "n", k))
            .collect(),
        cohorts: r
            .cohorts
            .iter()
            .map(|co| CohortRow {
                month: co.month.clone(),
                size: n(co.size),
                cells: co
                    .retained
                    .iter()
                    .map(|p| {
                        (
                            tr.t1("support-percent", "n", tr.number(*p, 0)),
                            (p / 25.0).floor().clamp(0.0, 4.0) as u8,
                        )
                    })
                    .collect(),
            })
            .collect(),
        chart: chart(&r.cohorts, tr),
        churned: nps(tr, &r.nps.churned),
        retained: nps(tr, &r.nps.retained),
        verdict,
        repeat: rate(tr, r.repeat.rate, r.repeat.ci95),
        repeat_counts: tr.tna(
            "retention-repeat-counts",
            ("count", i64::try_from(r.repeat.repeat).unwrap_or(i64::MAX)),
            &[("buyers", n(r.repeat.buyers))],
        ),
        l: m.layout("retention"),
    })
}
