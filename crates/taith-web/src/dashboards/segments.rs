//! The segment comparison (`/w/{slug}/dashboard/segments`): a metric by channel, language,
//! touchpoint or any response attribute, each segment against all the others.

use crate::AppState;
use crate::dashboards::figures::{Asker, METRICS, figure_text, interval_text};
use crate::http::ctx::Member;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::http::period::{PeriodControl, PeriodQuery, read_period};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::collections::HashMap;
use taith_app::metrics::{MetricsAnswer, MetricsError};
use taith_i18n::Tr;
use taith_metrics::{Metric, MetricValue, significant_change};

// --- segment comparison -------------------------------------------------------------------------

#[derive(Debug, Deserialize, Default)]
pub struct SegmentQuery {
    #[serde(default)]
    metric: String,
    #[serde(default)]
    by: String,
    #[serde(flatten)]
    period: PeriodQuery,
}

/// One value of the compared dimension, with its figure and how it stands against the rest.
#[derive(Debug)]
pub struct SegmentRow {
    pub label: String,
    pub value: String,
    pub interval: String,
    pub n: String,
    pub small_sample: bool,
    /// The difference from all the others in words, significant or not; None without one.
    pub versus_rest: Option<String>,
    pub significant: bool,
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
    period: PeriodControl,
    rows: Vec<SegmentRow>,
    problem: Option<String>,
    csv_href: String,
    /// Where zero sits in the bars' box (NPS runs from −100).
    zero: f64,
    /// The bars' axis: the low end, the middle and the high end of the metric.
    axis: [String; 3],
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
        let label = humanize(&key);
        dims.push((key, label));
    }
    Ok(dims)
}

/// A key or value the business chose (`order_type`, `cardiff`) as a label: words, capitalised.
pub(crate) fn humanize(raw: &str) -> String {
    let words = raw.replace(['_', '-'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => raw.to_owned(),
    }
}

/// The names of the workspace's touchpoints, stages and journeys by id, for labels.
pub(crate) async fn place_names(
    state: &AppState,
    m: &Member,
) -> Result<HashMap<String, String>, PageError> {
    let places = taith_app::journeys::places::touchpoints(state.store.as_ref(), m.workspace.id)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?;
    let mut names = HashMap::new();
    for p in places {
        names.insert(p.id.to_string(), p.name.clone());
        names.insert(
            p.stage_id.to_string(),
            format!("{} › {}", p.journey, p.stage),
        );
        names.insert(p.journey_id.to_string(), p.journey.clone());
    }
    Ok(names)
}

/// How one segment stands: its figure, and whether it is significantly above (`Some(true)`)
/// or below (`Some(false)`) all the other answers together.
struct SegmentFigure {
    label: String,
    value: MetricValue,
    above_rest: Option<bool>,
    /// This segment's figure minus the rest's, when both have answers.
    versus: Option<f64>,
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
                versus: value.value.zip(others.value).map(|(a, b)| a - b),
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
    let path = format!("{}/dashboard/segments", m.base());
    let keep = [("metric", q.metric.clone()), ("by", q.by.clone())];
    let (period, control) = read_period(&m, &q.period, &path, &keep)?;
    let (from, to) = (period.from, period.to);
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
    let names = place_names(&state, &m).await?;
    let ask = Asker::new(&state, &m, from, to).await?;
    match segment_answer(&ask, metric, &by).await? {
        Err(MetricsError::MixedScales) => problem = Some(tr.t("dashboard-mixed-scales")),
        Err(_) => problem = Some(tr.t("dashboard-empty")),
        Ok((by_answer, total)) => {
            for SegmentFigure {
                label,
                value: this,
                above_rest,
                versus,
            } in compare_segments(metric, &by_answer, &total)
            {
                // The difference is always said; only a significant one is called so.
                let difference = versus.map(|d| {
                    let sign = if d > 0.0 { "+" } else { "" };
                    format!("{sign}{}", tr.number(taith_app::metrics::round1(d), 1))
                });
                let versus_rest = difference.map(|d| match above_rest {
                    Some(true) => tr.t1("segments-above-rest", "difference", d),
                    Some(false) => tr.t1("segments-below-rest", "difference", d),
                    None => tr.t1("segments-same-as-rest", "difference", d),
                });
                let v = this.value.unwrap_or(0.0);
                let (c0, c1) = this.ci95.unwrap_or((v, v));
                rows.push(SegmentRow {
                    label: display_label(&by, &label, &names, &tr),
                    value: figure_text(this.value, &tr),
                    interval: interval_text(this.ci95.map(|(a, b)| [a, b]), &tr),
                    n: tr.number(this.n as f64, 0),
                    small_sample: this.small_sample,
                    versus_rest,
                    significant: above_rest.is_some(),
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
        period: control,
        csv_href: format!(
            "{}/dashboard/segments.csv?metric={}&by={}&from={from}&to={to}",
            m.base(),
            metric.as_str(),
            url_escape(&by)
        ),
        by,
        dimensions,
        rows,
        problem,
        zero: place(0.0),
        axis: [lo, (lo + hi) / 2.0, hi].map(|v| tr.number(v, 0)),
    })
}

/// A group's label as people read it: a channel's and a language's name rather than its code.
/// A value of `dimension` as owners read it: a channel's or language's name, a touchpoint's,
/// stage's or journey's name (`names`), an attribute's value in words.
pub(crate) fn display_label(
    dimension: &str,
    raw: &str,
    names: &HashMap<String, String>,
    tr: &Tr,
) -> String {
    match dimension {
        "channel" => raw
            .parse::<taith_domain::Channel>()
            .map(|c| crate::journeys::view::channel_name(c, tr))
            .unwrap_or_else(|_| raw.to_owned()),
        "locale" => taith_domain::Locale::from_tag(raw)
            .map(|l| l.endonym().to_owned())
            .unwrap_or_else(|| raw.to_owned()),
        "touchpoint" | "stage" | "journey" | "touchpoint_id" | "stage_id" | "journey_id" => {
            names.get(raw).cloned().unwrap_or_else(|| raw.to_owned())
        }
        "team" | "agent" => raw.to_owned(),
        _ => humanize(raw),
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
pub(crate) fn csv_cell(s: &str) -> String {
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
    let path = format!("{}/dashboard/segments", m.base());
    let (period, _) = read_period(&m, &q.period, &path, &[])?;
    let (from, to) = (period.from, period.to);
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
            ..
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
