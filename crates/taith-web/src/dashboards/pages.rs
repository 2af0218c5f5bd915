//! The overview dashboard (`/w/{slug}/dashboard`): NPS, CSAT and CES over a period with their
//! 95% intervals, the change from the period before (an arrow only when it is significant),
//! a weekly trend chart with its interval band, and the response volume — every chart with a
//! table of the same figures, and the table as CSV.

use crate::AppState;
use crate::http::ctx::Member;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;
use taith_app::metrics::{
    MetricsAnswer, MetricsContext, MetricsError, MetricsGroup, MetricsRequest, round1,
};
use taith_i18n::Tr;
use taith_metrics::index::{Dimension, Filter, Label};
use taith_metrics::{Metric, MetricValue, significant_change};
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
    /// Too few answers to read the week's figure with confidence (DESIGN §3): drawn hollow
    /// and kept out of the line and the band, so a partial week cannot pass for a trend.
    pub small_sample: bool,
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
    pub small_sample: bool,
}

/// A line with its interval band, in SVG coordinates.
#[derive(Debug)]
pub struct Chart {
    pub width: i64,
    pub height: i64,
    pub band: String,
    pub line: String,
    /// `(x, y, hover text, small sample)`: a small sample's point is drawn hollow.
    pub dots: Vec<(i64, i64, String, bool)>,
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
#[template(path = "dashboards/overview.html")]
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
    // The line and the band join only the weeks with enough answers to read.
    let sure: Vec<&(usize, &WeekPoint)> = known.iter().filter(|(_, p)| !p.small_sample).collect();
    let line = sure
        .iter()
        .map(|(i, p)| format!("{},{}", x(*i), y(p.value.unwrap_or(0.0))))
        .collect::<Vec<_>>()
        .join(" ");
    // The band: along the upper bounds, back along the lower ones.
    let upper = sure
        .iter()
        .map(|(i, p)| format!("{},{}", x(*i), y(p.ci95.map_or(0.0, |c| c[1]))));
    let lower = sure
        .iter()
        .rev()
        .map(|(i, p)| format!("{},{}", x(*i), y(p.ci95.map_or(0.0, |c| c[0]))));
    let band = upper.chain(lower).collect::<Vec<_>>().join(" ");
    let dots = known
        .iter()
        .map(|(i, p)| {
            let v = p.value.unwrap_or(0.0);
            let mut title = tr.ta(
                "dashboard-point",
                &[
                    ("week", p.week.clone()),
                    ("value", tr.number(v, 1)),
                    ("n", tr.number(p.n as f64, 0)),
                ],
            );
            if p.small_sample {
                title = format!("{title} · {}", tr.t("dashboard-small-sample"));
            }
            (x(*i), y(v), title, p.small_sample)
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

/// Asks the analytics index a page's questions over one period, with the workspace's surveys
/// and journeys read once for all of them.
struct Asker<'a> {
    state: &'a AppState,
    m: &'a Member,
    context: Arc<MetricsContext>,
    from: Date,
    to: Date,
}

impl<'a> Asker<'a> {
    async fn new(
        state: &'a AppState,
        m: &'a Member,
        from: Date,
        to: Date,
    ) -> Result<Asker<'a>, PageError> {
        let context = state
            .app
            .analytics
            .context(state.store.as_ref(), m.workspace.id)
            .await
            .map_err(|e| PageError::from_store(e, m.tr()))?;
        Ok(Asker {
            state,
            m,
            context,
            from,
            to,
        })
    }

    /// The same questions over another period.
    fn over(&self, from: Date, to: Date) -> Asker<'a> {
        Asker {
            state: self.state,
            m: self.m,
            context: self.context.clone(),
            from,
            to,
        }
    }

    /// `metric`, grouped `by` (a dimension's name), filtered by `filters`. A store failure is
    /// the page's; a question the index cannot answer (mixed scales) is the caller's to word.
    async fn answer(
        &self,
        metric: Metric,
        by: Option<&str>,
        filters: &[Filter],
    ) -> Result<Result<MetricsAnswer, MetricsError>, PageError> {
        let request = MetricsRequest {
            metric,
            survey: None,
            by: by.and_then(Dimension::parse).into_iter().collect(),
            from: Some(self.from),
            to: Some(self.to),
            filters: filters.to_vec(),
        };
        match self
            .state
            .app
            .analytics
            .metrics_in(
                self.state.store.as_ref(),
                self.m.workspace.id,
                &self.context,
                &request,
            )
            .await
        {
            Err(MetricsError::Store(e)) => Err(PageError::from_store(e, self.m.tr())),
            other => Ok(other),
        }
    }
}

/// A figure as the locale writes it, or a dash.
fn figure_text(v: Option<f64>, tr: &Tr) -> String {
    v.map_or_else(|| "—".to_owned(), |v| tr.number(v, 1))
}

/// A 95% interval in words, or nothing.
fn interval_text(c: Option<[f64; 2]>, tr: &Tr) -> String {
    c.map_or_else(String::new, |[lo, hi]| {
        tr.ta(
            "dashboard-interval",
            &[("low", tr.number(lo, 1)), ("high", tr.number(hi, 1))],
        )
    })
}

/// A metric's card: the period's figure (`total`), its weekly trend (`weekly`, every week of
/// the period shown, those without answers empty), and the change from the period before
/// (`arrow`, `change`; the touchpoint page leaves them out).
fn metric_card(
    metric: Metric,
    total: &MetricsGroup,
    weekly: Option<&MetricsAnswer>,
    (from, to): (Date, Date),
    arrow: Option<&'static str>,
    change: String,
    tr: &Tr,
) -> MetricCard {
    let name = tr.t(&format!("dashboard-{}", metric.as_str()));
    // Weekly groups come in week order, as the weeks of the period do.
    let by_week: HashMap<&Label, &MetricsGroup> = weekly
        .map(|a| {
            a.groups
                .iter()
                .filter_map(|g| Some((a.label(g, 0)?, g)))
                .collect()
        })
        .unwrap_or_default();
    let points: Vec<WeekPoint> = weeks_between(from, to)
        .into_iter()
        .map(|week| {
            let g = by_week.get(&week).copied();
            WeekPoint {
                n: g.map_or(0, MetricsGroup::n),
                value: g.and_then(|g| g.figure.value).map(round1),
                ci95: g.and_then(MetricsGroup::ci95).map(|c| c.map(round1)),
                small_sample: g.is_some_and(|g| g.figure.small_sample),
                week: week.to_string(),
            }
        })
        .collect();
    MetricCard {
        metric: metric.as_str(),
        value: total.figure.value.map(|v| tr.number(round1(v), 1)),
        interval: total.ci95().map(|c| interval_text(Some(c.map(round1)), tr)),
        n: tr.ta("dashboard-n", &[("n", tr.number(total.n() as f64, 0))]),
        small_sample: total.figure.small_sample,
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
                value: figure_text(p.value, tr),
                interval: interval_text(p.ci95, tr),
                small_sample: p.small_sample && p.value.is_some(),
            })
            .collect(),
        name,
    }
}

/// Every ISO week from `from` to `to`, in order (weeks without answers included).
fn weeks_between(from: Date, to: Date) -> Vec<Label> {
    let mut weeks = Vec::new();
    let mut d = from;
    while d <= to {
        let (year, week, _) = d.to_iso_week_date();
        let label = Label::Week { year, week };
        if weeks.last() != Some(&label) {
            weeks.push(label);
        }
        d += time::Duration::days(1);
    }
    weeks
}

async fn card(ask: &Asker<'_>, metric: Metric) -> Result<Option<MetricCard>, PageError> {
    let tr = ask.m.tr();
    let now = match ask.answer(metric, None, &[]).await? {
        Ok(a) => a,
        Err(MetricsError::MixedScales) => {
            return Ok(Some(MetricCard {
                metric: metric.as_str(),
                problem: Some(tr.t("dashboard-mixed-scales")),
                name: tr.t(&format!("dashboard-{}", metric.as_str())),
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
    let length = ask.to - ask.from + time::Duration::days(1);
    let before = ask
        .over(ask.from - length, ask.from - time::Duration::days(1))
        .answer(metric, None, &[])
        .await?
        .map_err(|_| PageError::internal(tr))?;
    let current = &total.figure;
    let previous = before.groups.first().map(|g| &g.figure);
    let (arrow, change) = match previous.and_then(|p| {
        let significant = significant_change(p, current)?;
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
    let weekly = ask
        .answer(metric, Some("week"), &[])
        .await?
        .map_err(|_| PageError::internal(tr))?;
    Ok(Some(metric_card(
        metric,
        total,
        Some(&weekly),
        (ask.from, ask.to),
        arrow,
        change,
        tr,
    )))
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
    let ask = Asker::new(&state, &m, from, to).await?;
    let mut cards = Vec::new();
    for metric in METRICS {
        if let Some(c) = card(&ask, metric).await? {
            cards.push(c);
        }
    }
    let tr = m.tr();
    Ok(DashboardPage {
        l: m.layout("dashboard"),
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
    let ask = Asker::new(&state, &m, from, to).await?;
    let mut out = String::from("metric,week,n,value,ci95_low,ci95_high,small_sample\r\n");
    for metric in METRICS {
        let Ok(weekly) = ask.answer(metric, Some("week"), &[]).await? else {
            continue;
        };
        for g in &weekly.groups {
            let week = weekly
                .label(g, 0)
                .map(ToString::to_string)
                .unwrap_or_default();
            let num = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{:.1}", round1(v)));
            out.push_str(&format!(
                "{},{week},{},{},{},{},{}\r\n",
                metric.as_str(),
                g.n(),
                num(g.figure.value),
                num(g.ci95().map(|c| c[0])),
                num(g.ci95().map(|c| c[1])),
                g.figure.small_sample
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

// --- segment comparison -------------------------------------------------------------------------

#[derive(Debug, Deserialize, Default)]
pub struct SegmentQuery {
    #[serde(default)]
    metric: String,
    #[serde(default)]
    by: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

/// One value of the compared dimension, with its figure and how it stands against the rest.
#[derive(Debug)]
pub struct SegmentRow {
    pub label: String,
    pub value: String,
    pub interval: String,
    pub n: String,
    pub small_sample: bool,
    /// Above or below the rest, significantly; else None.
    pub versus_rest: Option<String>,
    /// The bar and whisker, in a 0…100 wide box.
    pub bar_from: f64,
    pub bar_to: f64,
    pub ci_from: f64,
    pub ci_to: f64,
}

#[derive(Template, WebTemplate)]
#[template(path = "dashboards/segments.html")]
pub struct SegmentsPage {
    l: Layout,
    metric: &'static str,
    metrics: Vec<(&'static str, String)>,
    by: String,
    dimensions: Vec<(String, String)>,
    from: String,
    to: String,
    period: String,
    rows: Vec<SegmentRow>,
    problem: Option<String>,
    csv_href: String,
    /// Where zero sits in the bars' box (NPS runs from −100).
    zero: f64,
}

/// The dimensions a segment comparison can be made on: the built-in ones and every response
/// attribute the workspace has.
async fn segment_dimensions(
    state: &AppState,
    m: &Member,
) -> Result<Vec<(String, String)>, PageError> {
    let tr = m.tr();
    let mut dims: Vec<(String, String)> = ["channel", "locale", "touchpoint", "stage", "journey"]
        .into_iter()
        .map(|d| (d.to_owned(), tr.t(&format!("dashboard-dim-{d}"))))
        .collect();
    let keys = state
        .app
        .analytics
        .attribute_keys(state.store.as_ref(), m.workspace.id)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    for key in keys {
        dims.push((key.clone(), key));
    }
    Ok(dims)
}

/// How one segment stands: its figure, and whether it is significantly above (`Some(true)`)
/// or below (`Some(false)`) all the other answers together.
struct SegmentFigure {
    label: String,
    value: MetricValue,
    above_rest: Option<bool>,
}

/// Each segment of `by_answer` against the rest of `total` (the same question ungrouped).
fn compare_segments(
    metric: Metric,
    by_answer: &MetricsAnswer,
    total: &MetricsAnswer,
) -> Vec<SegmentFigure> {
    let scale = by_answer.scale;
    let all = total
        .groups
        .first()
        .map(|g| *g.histogram())
        .unwrap_or_default();
    by_answer
        .groups
        .iter()
        .map(|g| {
            let mut rest = all;
            for (r, c) in rest.0.iter_mut().zip(g.histogram().0) {
                *r = r.saturating_sub(c);
            }
            let value = g.figure;
            let others = MetricValue::of(metric, scale, &rest);
            let above_rest = match significant_change(&others, &value) {
                Some(true) => Some(value.value > others.value),
                _ => None,
            };
            SegmentFigure {
                label: by_answer
                    .label(g, 0)
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                value,
                above_rest,
            }
        })
        .collect()
}

/// The metric grouped `by`, and ungrouped (the rest of a segment is the whole minus it).
async fn segment_answer(
    ask: &Asker<'_>,
    metric: Metric,
    by: &str,
) -> Result<Result<(MetricsAnswer, MetricsAnswer), MetricsError>, PageError> {
    let by_answer = match ask.answer(metric, Some(by), &[]).await? {
        Ok(a) => a,
        Err(e) => return Ok(Err(e)),
    };
    let total = match ask.answer(metric, None, &[]).await? {
        Ok(a) => a,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok((by_answer, total)))
}

pub async fn segments(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<SegmentQuery>,
) -> Result<SegmentsPage, PageError> {
    let tr = m.tr().clone();
    let (from, to) = period(&PeriodQuery {
        from: q.from.clone(),
        to: q.to.clone(),
    });
    let metric = Metric::parse(&q.metric).unwrap_or(Metric::Nps);
    let dimensions = segment_dimensions(&state, &m).await?;
    let by = dimensions
        .iter()
        .find(|(d, _)| *d == q.by)
        .or_else(|| dimensions.first())
        .map(|(d, _)| d.clone())
        .unwrap_or_else(|| "channel".to_owned());
    let (lo, hi) = match metric {
        Metric::Nps => (-100.0, 100.0),
        _ => (0.0, 100.0),
    };
    let place = |v: f64| ((v - lo) / (hi - lo) * 100.0).clamp(0.0, 100.0);
    let mut rows = Vec::new();
    let mut problem = None;
    let ask = Asker::new(&state, &m, from, to).await?;
    match segment_answer(&ask, metric, &by).await? {
        Err(MetricsError::MixedScales) => problem = Some(tr.t("dashboard-mixed-scales")),
        Err(_) => problem = Some(tr.t("dashboard-empty")),
        Ok((by_answer, total)) => {
            for SegmentFigure {
                label,
                value: this,
                above_rest,
            } in compare_segments(metric, &by_answer, &total)
            {
                let versus_rest = above_rest.map(|above| {
                    tr.t(if above {
                        "dashboard-above-rest"
                    } else {
                        "dashboard-below-rest"
                    })
                });
                let v = this.value.unwrap_or(0.0);
                let (c0, c1) = this.ci95.unwrap_or((v, v));
                rows.push(SegmentRow {
                    label: display_label(&by, &label, &tr),
                    value: figure_text(this.value, &tr),
                    interval: interval_text(this.ci95.map(|(a, b)| [a, b]), &tr),
                    n: tr.number(this.n as f64, 0),
                    small_sample: this.small_sample,
                    versus_rest,
                    bar_from: place(0.0_f64.max(lo)).min(place(v)),
                    bar_to: place(0.0_f64.max(lo)).max(place(v)),
                    ci_from: place(c0),
                    ci_to: place(c1),
                });
            }
            if rows.is_empty() {
                problem = Some(tr.t("dashboard-empty"));
            }
        }
    }
    Ok(SegmentsPage {
        l: m.layout("dashboard"),
        metric: metric.as_str(),
        metrics: METRICS
            .into_iter()
            .map(|m| (m.as_str(), tr.t(&format!("dashboard-{}", m.as_str()))))
            .collect(),
        period: tr.ta(
            "dashboard-period",
            &[("from", tr.date(from)), ("to", tr.date(to))],
        ),
        csv_href: format!(
            "{}/dashboard/segments.csv?metric={}&by={}&from={from}&to={to}",
            m.base(),
            metric.as_str(),
            url_escape(&by)
        ),
        by,
        dimensions,
        from: from.to_string(),
        to: to.to_string(),
        rows,
        problem,
        zero: place(0.0),
    })
}

/// A group's label as people read it: a channel's and a language's name rather than its code.
fn display_label(dimension: &str, raw: &str, tr: &Tr) -> String {
    match dimension {
        "channel" => raw
            .parse::<taith_domain::Channel>()
            .map(|c| crate::journeys::view::channel_name(c, tr))
            .unwrap_or_else(|_| raw.to_owned()),
        "locale" => taith_domain::Locale::from_tag(raw)
            .map(|l| l.endonym().to_owned())
            .unwrap_or_else(|| raw.to_owned()),
        _ => raw.to_owned(),
    }
}

/// Percent-encodes a query value (attribute names are free text).
fn url_escape(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A CSV cell: quoted when it holds a comma, quote or line break; a leading `= + - @`, tab or
/// CR defanged with `'` as in the response export.
fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The segment comparison as CSV: value of the dimension, n, figure, interval, small sample,
/// and whether it differs significantly from the rest.
pub async fn segments_csv(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<SegmentQuery>,
) -> Result<Response, PageError> {
    let (from, to) = period(&PeriodQuery {
        from: q.from.clone(),
        to: q.to.clone(),
    });
    let metric = Metric::parse(&q.metric).unwrap_or(Metric::Nps);
    let mut out = format!(
        "{},n,value,ci95_low,ci95_high,small_sample,versus_rest\r\n",
        csv_cell(&q.by)
    );
    let ask = Asker::new(&state, &m, from, to).await?;
    if let Ok((by_answer, total)) = segment_answer(&ask, metric, &q.by).await? {
        for SegmentFigure {
            label,
            value: this,
            above_rest,
        } in compare_segments(metric, &by_answer, &total)
        {
            let versus = match above_rest {
                Some(true) => "above",
                Some(false) => "below",
                None => "",
            };
            let num = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.1}"));
            out.push_str(&format!(
                "{},{},{},{},{},{},{versus}\r\n",
                csv_cell(&label),
                this.n,
                num(this.value),
                num(this.ci95.map(|c| c.0)),
                num(this.ci95.map(|c| c.1)),
                this.small_sample
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
        HeaderValue::from_static("attachment; filename=\"segments.csv\""),
    );
    Ok(r)
}

// --- one touchpoint ------------------------------------------------------------------------------

/// A breakdown table: one row per value of a dimension.
#[derive(Debug)]
pub struct Breakdown {
    pub title: String,
    pub rows: Vec<(String, String, String, String)>,
}

/// A comment as shown: its text (auto-escaped), language, score and day.
#[derive(Debug)]
pub struct CommentView {
    pub text: String,
    pub lang: &'static str,
    pub score: String,
    pub day: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "dashboards/touchpoint.html")]
pub struct TouchpointPage {
    l: Layout,
    csv_href: String,
    name: String,
    journey: String,
    journey_id: String,
    period: String,
    card: Option<MetricCard>,
    /// The score distribution: (label, count, bar width 0…100).
    distribution: Vec<(String, String, f64)>,
    breakdowns: Vec<Breakdown>,
    /// None for a viewer, who sees the figures but not what customers wrote.
    comments: Option<Vec<CommentView>>,
}

/// A touchpoint and where it sits.
struct FoundTouchpoint {
    id: taith_domain::TouchpointId,
    name: String,
    journey: String,
    journey_id: taith_domain::JourneyId,
}

/// The touchpoint `id` on one of the workspace's journeys (404 otherwise, as for any id).
async fn find_touchpoint(
    state: &AppState,
    m: &Member,
    id: &str,
) -> Result<FoundTouchpoint, PageError> {
    let tr = m.tr();
    let tp_id: taith_domain::TouchpointId = crate::journeys::pages::parse_id(id, tr)?;
    for summary in state
        .store
        .journeys(m.workspace.id, taith_store::PageRequest::all())
        .await
        .map_err(|e| PageError::from_store(e, tr))?
        .items
    {
        let j = state
            .store
            .journey(m.workspace.id, summary.id)
            .await
            .map_err(|e| PageError::from_store(e, tr))?;
        if let Some(t) = j.touchpoints.iter().find(|t| t.id == tp_id) {
            return Ok(FoundTouchpoint {
                id: tp_id,
                name: t.fields.name.to_string(),
                journey: j.fields.name.to_string(),
                journey_id: j.id,
            });
        }
    }
    Err(PageError::not_found(tr))
}

/// What a touchpoint's page shows, as figures: the metric most of its answers are for, over
/// the period, by week, and by channel, team and agent.
struct TouchpointFigures {
    metric: Metric,
    total: MetricsAnswer,
    weekly: Option<MetricsAnswer>,
    breakdowns: Vec<(&'static str, MetricsAnswer)>,
}

async fn touchpoint_figures(
    ask: &Asker<'_>,
    tp: &FoundTouchpoint,
) -> Result<Option<TouchpointFigures>, PageError> {
    let wheres = vec![Filter {
        dimension: Dimension::TouchpointId,
        values: vec![Label::Touchpoint(tp.id)],
    }];
    let mut best: Option<(Metric, MetricsAnswer)> = None;
    for metric in METRICS {
        if let Ok(a) = ask.answer(metric, None, &wheres).await?
            && a.groups.first().is_some_and(|g| g.n() > 0)
            && best
                .as_ref()
                .is_none_or(|(_, b)| b.groups[0].n() < a.groups[0].n())
        {
            best = Some((metric, a));
        }
    }
    let Some((metric, total)) = best else {
        return Ok(None);
    };
    let weekly = ask.answer(metric, Some("week"), &wheres).await?.ok();
    let mut breakdowns = Vec::new();
    for by in ["channel", "team", "agent"] {
        if let Ok(a) = ask.answer(metric, Some(by), &wheres).await?
            && !a.groups.is_empty()
        {
            breakdowns.push((by, a));
        }
    }
    Ok(Some(TouchpointFigures {
        metric,
        total,
        weekly,
        breakdowns,
    }))
}

/// How a touchpoint is doing (`/w/{slug}/dashboard/touchpoints/{id}`): its figure with the
/// trend and interval band, the spread of scores, the latest comments, and the figure by
/// channel, team and agent.
pub async fn touchpoint(
    State(state): State<AppState>,
    m: Member,
    axum::extract::Path((_, id)): axum::extract::Path<(String, String)>,
    Query(q): Query<PeriodQuery>,
) -> Result<TouchpointPage, PageError> {
    let tr = m.tr().clone();
    let tp = find_touchpoint(&state, &m, &id).await?;
    let (from, to) = period(&q);
    let mut page = TouchpointPage {
        l: m.layout("dashboard"),
        period: tr.ta(
            "dashboard-period",
            &[("from", tr.date(from)), ("to", tr.date(to))],
        ),
        csv_href: format!(
            "{}/dashboard/touchpoints/{}/export.csv?from={from}&to={to}",
            m.base(),
            tp.id
        ),
        name: tp.name.clone(),
        journey: tp.journey.clone(),
        journey_id: tp.journey_id.to_string(),
        card: None,
        distribution: Vec::new(),
        breakdowns: Vec::new(),
        comments: None,
    };
    let ask = Asker::new(&state, &m, from, to).await?;
    if let Some(f) = touchpoint_figures(&ask, &tp).await? {
        let scale = f.total.scale;
        let g = &f.total.groups[0];
        let histogram = f.total.on_scale(g);
        let max = histogram.iter().copied().max().unwrap_or(0).max(1);
        page.distribution = histogram
            .iter()
            .enumerate()
            .map(|(i, c)| {
                (
                    tr.number(f64::from(scale.low) + i as f64, 0),
                    tr.number(*c as f64, 0),
                    *c as f64 / max as f64 * 100.0,
                )
            })
            .collect();
        page.card = Some(metric_card(
            f.metric,
            g,
            f.weekly.as_ref(),
            (from, to),
            None,
            String::new(),
            &tr,
        ));
        page.breakdowns = f
            .breakdowns
            .iter()
            .map(|(by, a)| Breakdown {
                title: if *by == "channel" {
                    tr.t("dashboard-dim-channel")
                } else {
                    (*by).to_owned()
                },
                rows: a
                    .groups
                    .iter()
                    .map(|g| {
                        (
                            display_label(
                                by,
                                &a.label(g, 0).map(ToString::to_string).unwrap_or_default(),
                                &tr,
                            ),
                            figure_text(g.figure.value.map(round1), &tr),
                            interval_text(g.ci95().map(|c| c.map(round1)), &tr),
                            tr.number(g.n() as f64, 0),
                        )
                    })
                    .collect(),
            })
            .collect();
    }
    if !m.may(taith_domain::Action::ReadResponses) {
        return Ok(page);
    }
    let comments = state
        .store
        .latest_comments(m.workspace.id, tp.id, 10)
        .await
        .map_err(|e| PageError::from_store(e, &tr))?
        .into_iter()
        .map(|r| CommentView {
            text: r.comment.to_string(),
            lang: r.locale.tag(),
            score: tr.number(f64::from(r.score), 0),
            day: tr.date(r.submitted_at.date()),
        })
        .collect();
    page.comments = Some(comments);
    Ok(page)
}

/// A touchpoint's tables as one CSV: `table,key,n,value,ci95_low,ci95_high,small_sample` with
/// the tables `period`, `week`, `score` (the spread: n per scale point), `channel`, `team`
/// and `agent`.
pub async fn touchpoint_csv(
    State(state): State<AppState>,
    m: Member,
    axum::extract::Path((_, id)): axum::extract::Path<(String, String)>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let tp = find_touchpoint(&state, &m, &id).await?;
    let (from, to) = period(&q);
    let mut out = String::from("table,key,n,value,ci95_low,ci95_high,small_sample\r\n");
    let num = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{:.1}", round1(v)));
    let mut row = |table: &str, key: &str, g: &MetricsGroup| {
        out.push_str(&format!(
            "{table},{},{},{},{},{},{}\r\n",
            csv_cell(key),
            g.n(),
            num(g.figure.value),
            num(g.ci95().map(|c| c[0])),
            num(g.ci95().map(|c| c[1])),
            g.figure.small_sample
        ));
    };
    let first_label = |a: &MetricsAnswer, g: &MetricsGroup| {
        a.label(g, 0).map(ToString::to_string).unwrap_or_default()
    };
    let ask = Asker::new(&state, &m, from, to).await?;
    if let Some(f) = touchpoint_figures(&ask, &tp).await? {
        let g = &f.total.groups[0];
        row("period", f.metric.as_str(), g);
        if let Some(a) = &f.weekly {
            for w in &a.groups {
                row("week", &first_label(a, w), w);
            }
        }
        for (by, a) in &f.breakdowns {
            for b in &a.groups {
                row(by, &first_label(a, b), b);
            }
        }
        let low = f.total.scale.low;
        for (i, c) in f.total.on_scale(g).iter().enumerate() {
            out.push_str(&format!("score,{},{c},,,,\r\n", i64::from(low) + i as i64));
        }
    }
    let mut r = out.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    r.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"touchpoint.csv\""),
    );
    Ok(r)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use taith_domain::Locale;

    fn weekly(week: &str, n: u64, value: f64, small_sample: bool) -> WeekPoint {
        WeekPoint {
            week: week.to_owned(),
            n,
            value: Some(value),
            ci95: Some([value - 10.0, value + 10.0]),
            small_sample,
        }
    }

    #[test]
    fn a_week_with_a_small_sample_is_drawn_hollow_and_out_of_the_line() {
        let tr = Tr::new(Locale::En);
        // A partial first week: one detractor, a confident-looking −100.
        let points = [
            weekly("2026-W01", 1, -100.0, true),
            weekly("2026-W02", 80, 30.0, false),
            weekly("2026-W03", 90, 40.0, false),
        ];
        let ch = chart(Metric::Nps, &points, &tr, "NPS").unwrap();
        let (x0, y0, title, hollow) = ch.dots[0].clone();
        assert!(hollow);
        assert!(title.contains("small sample"), "{title}");
        assert!(title.contains('1'), "its n on hover: {title}");
        assert!(!ch.line.contains(&format!("{x0},{y0}")), "{}", ch.line);
        assert_eq!(ch.line.split(' ').count(), 2, "{}", ch.line);
        assert_eq!(ch.band.split(' ').count(), 4, "{}", ch.band);
        assert!(ch.dots[1..].iter().all(|d| !d.3));
    }
}
