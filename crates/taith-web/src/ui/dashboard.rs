//! The overview dashboard (`/w/{slug}/dashboard`): NPS, CSAT and CES over a period with their
//! 95% intervals, the change from the period before (an arrow only when it is significant),
//! a weekly trend chart with its interval band, and the response volume — every chart with a
//! table of the same figures, and the table as CSV.

use crate::AppState;
use crate::analytics::{MetricsAnswer, MetricsError, MetricsGroup, MetricsRequest};
use crate::ctx::Member;
use crate::i18n::Tr;
use crate::ui::error::PageError;
use crate::ui::layout::Layout;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use taith_metrics::{Histogram, Metric, MetricValue, significant_change};
use time::Date;

/// The default period: the last twelve weeks, today included.
const DEFAULT_DAYS: i64 = 84;

#[derive(Debug, Deserialize, Default)]
pub struct PeriodQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

/// The period shown: `?from=&to=` when both read, else the last twelve weeks.
fn period(q: &PeriodQuery) -> (Date, Date) {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    let today = taith_domain::now().date();
    let to = Date::parse(q.to.trim(), fmt).unwrap_or(today);
    let from = Date::parse(q.from.trim(), fmt)
        .ok()
        .filter(|f| *f <= to)
        .unwrap_or(to - time::Duration::days(DEFAULT_DAYS - 1));
    (from, to)
}

/// One point of a weekly series.
#[derive(Debug, Clone)]
pub struct WeekPoint {
    pub week: String,
    pub n: u64,
    pub value: Option<f64>,
    pub ci95: Option<[f64; 2]>,
}

/// A metric's card: its figure now, the change from the period before, its weekly trend.
#[derive(Debug)]
pub struct MetricCard {
    pub metric: &'static str,
    pub name: String,
    /// The figure, its interval and n, as the locale writes them; `None` when there are no
    /// answers in the period.
    pub value: Option<String>,
    pub interval: Option<String>,
    pub n: String,
    pub small_sample: bool,
    /// ↑ or ↓ with its words, only when the change is significant; else words saying so.
    pub arrow: Option<&'static str>,
    pub change: String,
    /// Why there is no card (surveys on different scales), in words.
    pub problem: Option<String>,
    pub chart: Option<Chart>,
    pub weeks: Vec<WeekRow>,
}

/// A row of the table under a chart.
#[derive(Debug)]
pub struct WeekRow {
    pub week: String,
    pub count: u64,
    pub n: String,
    pub value: String,
    pub interval: String,
}

/// A line with its interval band, in SVG coordinates.
#[derive(Debug)]
pub struct Chart {
    pub width: i64,
    pub height: i64,
    pub band: String,
    pub line: String,
    pub dots: Vec<(i64, i64, String)>,
    pub y_ticks: Vec<(i64, String)>,
    pub x_ticks: Vec<(i64, String)>,
    pub description: String,
}

/// Response volume per week, as bars.
#[derive(Debug)]
pub struct Volume {
    pub width: i64,
    pub height: i64,
    pub bars: Vec<(i64, i64, i64, i64, String)>,
    pub rows: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "dashboard.html")]
pub struct DashboardPage {
    l: Layout,
    from: String,
    to: String,
    period: String,
    cards: Vec<MetricCard>,
    volume: Option<Volume>,
    csv_href: String,
}

const CHART_W: i64 = 480;
const CHART_H: i64 = 200;
const MARGIN_L: i64 = 44;
/// Room on the right for the last week's label, which is centred on its point.
const MARGIN_R: i64 = 30;
const MARGIN_B: i64 = 26;

fn chart(metric: Metric, points: &[WeekPoint], tr: &Tr, name: &str) -> Option<Chart> {
    if points.iter().all(|p| p.value.is_none()) {
        return None;
    }
    let (lo, hi) = match metric {
        Metric::Nps => (-100.0, 100.0),
        _ => (0.0, 100.0),
    };
    let plot_w = CHART_W - MARGIN_L - MARGIN_R;
    let plot_h = CHART_H - MARGIN_B - 10;
    let step = if points.len() > 1 {
        plot_w as f64 / (points.len() - 1) as f64
    } else {
        0.0
    };
    let x = |i: usize| MARGIN_L + (i as f64 * step).round() as i64;
    let y = |v: f64| 10 + ((hi - v) / (hi - lo) * plot_h as f64).round() as i64;
    let known: Vec<(usize, &WeekPoint)> = points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.value.is_some())
        .collect();
    let line = known
        .iter()
        .map(|(i, p)| format!("{},{}", x(*i), y(p.value.unwrap_or(0.0))))
        .collect::<Vec<_>>()
        .join(" ");
    // The band: along the upper bounds, back along the lower ones.
    let upper = known
        .iter()
        .map(|(i, p)| format!("{},{}", x(*i), y(p.ci95.map_or(0.0, |c| c[1]))));
    let lower = known
        .iter()
        .rev()
        .map(|(i, p)| format!("{},{}", x(*i), y(p.ci95.map_or(0.0, |c| c[0]))));
    let band = upper.chain(lower).collect::<Vec<_>>().join(" ");
    let dots = known
        .iter()
        .map(|(i, p)| {
            let v = p.value.unwrap_or(0.0);
            let title = tr.ta(
                "dashboard-point",
                &[
                    ("week", p.week.clone()),
                    ("value", tr.number(v, 1)),
                    ("n", tr.number(p.n as f64, 0)),
                ],
            );
            (x(*i), y(v), title)
        })
        .collect();
    let ticks: Vec<f64> = match metric {
        Metric::Nps => vec![-100.0, -50.0, 0.0, 50.0, 100.0],
        _ => vec![0.0, 25.0, 50.0, 75.0, 100.0],
    };
    let y_ticks = ticks.iter().map(|t| (y(*t), tr.number(*t, 0))).collect();
    let every = points.len().div_ceil(4).max(1);
    let x_ticks = points
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, p)| (x(i), p.week.clone()))
        .collect();
    Some(Chart {
        width: CHART_W,
        height: CHART_H,
        band,
        line,
        dots,
        y_ticks,
        x_ticks,
        description: tr.t1("dashboard-chart-alt", "metric", name),
    })
}

async fn answer(
    state: &AppState,
    m: &Member,
    metric: Metric,
    by: Option<&str>,
    from: Date,
    to: Date,
) -> Result<Result<MetricsAnswer, MetricsError>, PageError> {
    let request = MetricsRequest::parse(
        metric.as_str(),
        None,
        by,
        Some(&from.to_string()),
        Some(&to.to_string()),
        &[],
    )
    .map_err(|_| PageError::internal(m.tr()))?;
    match state
        .analytics
        .metrics(state.store.as_ref(), m.workspace.id, &request)
        .await
    {
        Err(MetricsError::Store(e)) => Err(PageError::from_store(e, m.tr())),
        other => Ok(other),
    }
}

fn histogram_of(g: &MetricsGroup, low: i16) -> Histogram {
    let mut h = Histogram::default();
    for (i, c) in g.histogram.iter().enumerate() {
        if let Some(slot) = usize::try_from(i64::from(low) + i as i64)
            .ok()
            .and_then(|s| h.0.get_mut(s))
        {
            *slot = *c;
        }
    }
    h
}

/// Every ISO week from `from` to `to`, in order (weeks without answers included).
fn weeks_between(from: Date, to: Date) -> Vec<String> {
    let mut weeks = Vec::new();
    let mut d = from;
    while d <= to {
        let (y, w, _) = d.to_iso_week_date();
        let label = format!("{y:04}-W{w:02}");
        if weeks.last() != Some(&label) {
            weeks.push(label);
        }
        d += time::Duration::days(1);
    }
    weeks
}

async fn card(
    state: &AppState,
    m: &Member,
    metric: Metric,
    from: Date,
    to: Date,
) -> Result<Option<MetricCard>, PageError> {
    let tr = m.tr();
    let name = tr.t(&format!("dashboard-{}", metric.as_str()));
    let now = match answer(state, m, metric, None, from, to).await? {
        Ok(a) => a,
        Err(MetricsError::MixedScales) => {
            return Ok(Some(MetricCard {
                metric: metric.as_str(),
                problem: Some(tr.t("dashboard-mixed-scales")),
                name,
                value: None,
                interval: None,
                n: String::new(),
                small_sample: false,
                arrow: None,
                change: String::new(),
                chart: None,
                weeks: Vec::new(),
            }));
        }
        Err(_) => return Err(PageError::internal(tr)),
    };
    let Some(total) = now.groups.first() else {
        return Ok(None);
    };
    let length = to - from + time::Duration::days(1);
    let before = answer(
        state,
        m,
        metric,
        None,
        from - length,
        from - time::Duration::days(1),
    )
    .await?
    .map_err(|_| PageError::internal(tr))?;
    let scale = now.scale;
    let current = MetricValue::of(metric, scale, &histogram_of(total, scale.low));
    let previous = before
        .groups
        .first()
        .map(|g| MetricValue::of(metric, scale, &histogram_of(g, scale.low)));
    let (arrow, change) = match previous.as_ref().and_then(|p| {
        let significant = significant_change(p, &current)?;
        Some((significant, current.value? - p.value?))
    }) {
        Some((true, delta)) => (
            Some(if delta > 0.0 { "↑" } else { "↓" }),
            tr.t1(
                if delta > 0.0 {
                    "dashboard-up"
                } else {
                    "dashboard-down"
                },
                "delta",
                tr.number(delta.abs(), 1),
            ),
        ),
        Some((false, _)) => (None, tr.t("dashboard-no-significant-change")),
        None => (None, tr.t("dashboard-no-previous")),
    };
    let weekly = answer(state, m, metric, Some("week"), from, to)
        .await?
        .map_err(|_| PageError::internal(tr))?;
    let points: Vec<WeekPoint> = weeks_between(from, to)
        .into_iter()
        .map(|week| {
            let g = weekly
                .groups
                .iter()
                .find(|g| g.key.first().is_some_and(|(_, v)| *v == week));
            WeekPoint {
                n: g.map_or(0, |g| g.n),
                value: g.and_then(|g| g.value),
                ci95: g.and_then(|g| g.ci95),
                week,
            }
        })
        .collect();
    let figure = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| tr.number(v, 1));
    let interval = |c: Option<[f64; 2]>| {
        c.map_or_else(String::new, |[lo, hi]| {
            tr.ta(
                "dashboard-interval",
                &[("low", tr.number(lo, 1)), ("high", tr.number(hi, 1))],
            )
        })
    };
    Ok(Some(MetricCard {
        metric: metric.as_str(),
        value: total.value.map(|v| tr.number(v, 1)),
        interval: total.ci95.map(|c| interval(Some(c))),
        n: tr.ta("dashboard-n", &[("n", tr.number(total.n as f64, 0))]),
        small_sample: total.small_sample,
        arrow,
        change,
        problem: None,
        chart: chart(metric, &points, tr, &name),
        weeks: points
            .iter()
            .map(|p| WeekRow {
                week: p.week.clone(),
                count: p.n,
                n: tr.number(p.n as f64, 0),
                value: figure(p.value),
                interval: interval(p.ci95),
            })
            .collect(),
        name,
    }))
}

fn volume(cards: &[MetricCard], tr: &Tr) -> Option<Volume> {
    let weeks: Vec<String> = cards
        .iter()
        .find(|c| !c.weeks.is_empty())?
        .weeks
        .iter()
        .map(|w| w.week.clone())
        .collect();
    let count = |c: &MetricCard, i: usize| c.weeks.get(i).map_or(0, |w| w.count);
    let totals: Vec<u64> = (0..weeks.len())
        .map(|i| cards.iter().map(|c| count(c, i)).sum())
        .collect();
    let max = totals.iter().copied().max().unwrap_or(0).max(1);
    let (width, height) = (CHART_W, 120);
    let slot = (width - MARGIN_L) / (weeks.len().max(1) as i64);
    let bars = totals
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let h = (*n as f64 / max as f64 * (height - 30) as f64).round() as i64;
            let x = MARGIN_L + i as i64 * slot + 2;
            let title = tr.ta(
                "dashboard-volume-point",
                &[("week", weeks[i].clone()), ("n", tr.number(*n as f64, 0))],
            );
            (x, height - 20 - h, (slot - 4).max(1), h, title)
        })
        .collect();
    Some(Volume {
        width,
        height,
        bars,
        rows: weeks
            .iter()
            .zip(&totals)
            .map(|(w, n)| (w.clone(), tr.number(*n as f64, 0)))
            .collect(),
    })
}

const METRICS: [Metric; 3] = [Metric::Nps, Metric::Csat, Metric::Ces];

pub async fn overview(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<PeriodQuery>,
) -> Result<DashboardPage, PageError> {
    let (from, to) = period(&q);
    let mut cards = Vec::new();
    for metric in METRICS {
        if let Some(c) = card(&state, &m, metric, from, to).await? {
            cards.push(c);
        }
    }
    let tr = m.tr();
    Ok(DashboardPage {
        l: Layout::member(&m, "dashboard"),
        period: tr.ta(
            "dashboard-period",
            &[("from", tr.date(from)), ("to", tr.date(to))],
        ),
        csv_href: format!("{}/dashboard.csv?from={from}&to={to}", m.base()),
        from: from.to_string(),
        to: to.to_string(),
        volume: volume(&cards, tr),
        cards,
    })
}

/// The dashboard's table as CSV: one row per metric and week, figures with a full stop
/// (for spreadsheets), every week of the period listed.
pub async fn overview_csv(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let (from, to) = period(&q);
    let mut out = String::from("metric,week,n,value,ci95_low,ci95_high,small_sample\r\n");
    for metric in METRICS {
        let Ok(weekly) = answer(&state, &m, metric, Some("week"), from, to).await? else {
            continue;
        };
        for g in &weekly.groups {
            let week = g.key.first().map(|(_, v)| v.as_str()).unwrap_or("");
            let num = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.1}"));
            out.push_str(&format!(
                "{},{week},{},{},{},{},{}\r\n",
                metric.as_str(),
                g.n,
                num(g.value),
                num(g.ci95.map(|c| c[0])),
                num(g.ci95.map(|c| c[1])),
                g.small_sample
            ));
        }
    }
    let mut r = out.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    r.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"dashboard.csv\""),
    );
    Ok(r)
}
