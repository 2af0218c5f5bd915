//! Metric cards and charts: a figure over a period with its 95% interval and what it is made
//! of, the change from the period before (an arrow only when it is significant), a weekly
//! trend chart with its interval band, and the response volume — every chart with a table of
//! the same figures. The dashboard, a touchpoint's page and a survey's page all build their
//! cards here, from the questions [`Asker`] puts to the analytics index.

use crate::AppState;
use crate::http::ctx::Member;
use crate::http::page_error::PageError;
use std::collections::HashMap;
use std::sync::Arc;
use taith_app::metrics::{
    MetricsAnswer, MetricsContext, MetricsError, MetricsGroup, MetricsRequest, round1,
};
use taith_i18n::Tr;
use taith_metrics::index::{Dimension, Filter, Label};
use taith_metrics::{Metric, MetricValue, significant_change};
use time::Date;

/// One point of a weekly series.
#[derive(Debug, Clone)]
pub struct WeekPoint {
    pub week: String,
    /// The week's short label under the chart: the day it starts.
    pub tick: String,
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
    /// What the figure measures, in one short line ("% promoters − % detractors").
    pub explain: String,
    /// How it is computed, for the "how is this computed?" disclosure.
    pub how: String,
    /// What the figure is made of: promoters, passives and detractors, or the satisfied
    /// share and the mean — each as (words, share in %, count).
    pub split: Vec<(String, String, String)>,
    /// Where the figure comes from, to look closer (a touchpoint's or survey's page).
    pub href: Option<String>,
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
    pub tick: String,
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

/// Response volume per week, as bars on an axis of counts, weeks labelled by date.
#[derive(Debug)]
pub struct Volume {
    pub width: i64,
    pub height: i64,
    /// Where the bars start: room for the axis labels.
    pub left: i64,
    pub bars: Vec<(i64, i64, i64, i64, String)>,
    pub y_ticks: Vec<(i64, String)>,
    pub x_ticks: Vec<(i64, String)>,
    pub rows: Vec<(String, String)>,
}

/// Drawn about this wide on a card, so 14-unit text is at least 12 px on a phone.
const CHART_W: i64 = 360;
const CHART_H: i64 = 200;
const MARGIN_L: i64 = 44;
/// Room on the right for the last week's label, which is centred on its point.
const MARGIN_R: i64 = 40;
const MARGIN_B: i64 = 26;

pub(crate) fn chart(metric: Metric, points: &[WeekPoint], tr: &Tr, name: &str) -> Option<Chart> {
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
            // An SVG <title> is a tooltip: no isolation marks.
            let mut title = tr.plain().tna(
                "dashboard-point",
                ("n", p.n as i64),
                &[("week", p.week.clone()), ("value", tr.number(v, 1))],
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
    let every = points.len().div_ceil(3).max(1);
    let x_ticks = points
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, p)| (x(i), p.tick.clone()))
        .collect();
    Some(Chart {
        width: CHART_W,
        height: CHART_H,
        band,
        line,
        dots,
        y_ticks,
        x_ticks,
        description: tr.plain().t1("dashboard-chart-alt", "metric", name),
    })
}

/// Asks the analytics index a page's questions over one period, with the workspace's surveys
/// and journeys read once for all of them.
pub(crate) struct Asker<'a> {
    pub(crate) state: &'a AppState,
    pub(crate) m: &'a Member,
    context: Arc<MetricsContext>,
    pub(crate) from: Date,
    pub(crate) to: Date,
    /// Questions about one survey's answers only (the survey page), else all of them.
    pub(crate) survey: Option<taith_domain::SurveyId>,
}

impl<'a> Asker<'a> {
    pub(crate) async fn new(
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
            survey: None,
        })
    }

    /// The same questions over another period.
    pub(crate) fn over(&self, from: Date, to: Date) -> Asker<'a> {
        Asker {
            state: self.state,
            m: self.m,
            context: self.context.clone(),
            from,
            to,
            survey: self.survey,
        }
    }

    /// `metric`, grouped `by` (a dimension's name), filtered by `filters`. A store failure is
    /// the page's; a question the index cannot answer (mixed scales) is the caller's to word.
    pub(crate) async fn answer(
        &self,
        metric: Metric,
        by: Option<&str>,
        filters: &[Filter],
    ) -> Result<Result<MetricsAnswer, MetricsError>, PageError> {
        let request = MetricsRequest {
            metric,
            survey: self.survey,
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

/// `survey`'s figure over the asker's period: its metric and the index's ungrouped answer,
/// when the survey has a metric (a custom one has none) and the index can answer.
pub(crate) async fn survey_figure(
    ask: &Asker<'_>,
    survey: &taith_domain::Survey,
) -> Result<Option<(Metric, MetricsAnswer)>, PageError> {
    let Some(metric) = Metric::for_kind(survey.fields.kind) else {
        return Ok(None);
    };
    let mut one = ask.over(ask.from, ask.to);
    one.survey = Some(survey.id);
    Ok(one
        .answer(metric, None, &[])
        .await?
        .ok()
        .map(|a| (metric, a)))
}

/// The spread of scores of `g` (a group of `answer`): each point of the scale with its count
/// and its bar's width, 0…100 of the busiest point.
pub(crate) fn distribution(
    answer: &MetricsAnswer,
    g: &MetricsGroup,
    tr: &Tr,
) -> Vec<(String, String, f64)> {
    let histogram = answer.on_scale(g);
    let max = histogram.iter().copied().max().unwrap_or(0).max(1);
    histogram
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                tr.number(f64::from(answer.scale.low) + i as f64, 0),
                tr.number(*c as f64, 0),
                *c as f64 / max as f64 * 100.0,
            )
        })
        .collect()
}

/// A figure as the locale writes it, or a dash.
pub(crate) fn figure_text(v: Option<f64>, tr: &Tr) -> String {
    v.map_or_else(|| "—".to_owned(), |v| tr.number(v, 1))
}

/// A 95% interval in words, or nothing. An interval of no width (every answer alike, so the
/// formula sees no spread) is not certainty: it says the interval cannot be told instead.
pub(crate) fn interval_text(c: Option<[f64; 2]>, tr: &Tr) -> String {
    c.map_or_else(String::new, |[lo, hi]| {
        if hi - lo < 0.05 {
            return tr.t("card-interval-unknown");
        }
        tr.ta(
            "dashboard-interval",
            &[("low", tr.number(lo, 1)), ("high", tr.number(hi, 1))],
        )
    })
}

/// The Monday a week starts on.
fn week_start(week: &Label) -> Option<Date> {
    match week {
        Label::Week { year, week } => {
            Date::from_iso_week_date(*year, *week, time::Weekday::Monday).ok()
        }
        _ => None,
    }
}

/// A week as owners read it: by the day it starts ("from 8 September"), not `2026-W37`.
pub(crate) fn week_label(week: &Label, tr: &Tr) -> String {
    week_start(week).map_or_else(
        || week.to_string(),
        |monday| tr.t1("card-week-from", "date", tr.day_month(monday)),
    )
}

/// A share of `n` in %, as the locale writes it.
fn share(count: u64, n: u64, tr: &Tr) -> String {
    let pct = if n == 0 {
        0.0
    } else {
        100.0 * count as f64 / n as f64
    };
    tr.t1("card-percent", "value", tr.number(pct.round(), 0))
}

/// What a figure measures (a short line), how it is computed (the disclosure) and what it is
/// made of, for `metric` asked on `scale`.
pub(crate) fn explanation(
    metric: Metric,
    scale: taith_domain::Scale,
    figure: &MetricValue,
    tr: &Tr,
) -> (String, String, Vec<(String, String, String)>) {
    let n = figure.n;
    let count = |c: u64| tr.number(c as f64, 0);
    let range = |lo: i16, hi: i16| {
        if lo == hi {
            tr.number(f64::from(lo), 0)
        } else {
            // Isolated left to right, so "4–5" does not read "5–4" in Arabic.
            format!(
                "\u{2066}{}–{}\u{2069}",
                tr.number(f64::from(lo), 0),
                tr.number(f64::from(hi), 0)
            )
        }
    };
    let (good_low, good_high) = metric.good(scale);
    let args = [
        ("good", range(good_low, good_high)),
        ("scale", range(scale.low, scale.high)),
    ];
    match figure.detail {
        taith_metrics::Detail::Nps {
            promoters,
            passives,
            detractors,
        } => (
            tr.t("card-nps-explain"),
            tr.t("card-nps-how"),
            vec![
                (
                    tr.t("card-promoters"),
                    share(promoters, n, tr),
                    count(promoters),
                ),
                (
                    tr.t("card-passives"),
                    share(passives, n, tr),
                    count(passives),
                ),
                (
                    tr.t("card-detractors"),
                    share(detractors, n, tr),
                    count(detractors),
                ),
            ],
        ),
        taith_metrics::Detail::Csat { satisfied, mean }
        | taith_metrics::Detail::Ces {
            easy: satisfied,
            mean,
        } => {
            let key = metric.as_str();
            let mut split = vec![(
                tr.ta(&format!("card-{key}-good"), &args),
                share(satisfied, n, tr),
                count(satisfied),
            )];
            if let Some(mean) = mean {
                split.push((tr.t("card-mean"), tr.number(mean, 1), String::new()));
            }
            (
                tr.ta(&format!("card-{key}-explain"), &args),
                tr.ta(&format!("card-{key}-how"), &args),
                split,
            )
        }
    }
}

/// A metric's card: the period's figure (`total`), its weekly trend (`weekly`, every week of
/// the period shown, those without answers empty), and the change from the period before
/// (`arrow`, `change`; the touchpoint page leaves them out).
pub(crate) fn metric_card(
    metric: Metric,
    total: &MetricsGroup,
    weekly: Option<&MetricsAnswer>,
    scale: taith_domain::Scale,
    (from, to): (Date, Date),
    (arrow, change): (Option<&'static str>, String),
    tr: &Tr,
) -> MetricCard {
    let name = tr.t(&format!("dashboard-{}", metric.as_str()));
    let (explain, how, split) = explanation(metric, scale, &total.figure, tr);
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
                week: week_label(&week, tr),
                tick: week_start(&week).map_or_else(String::new, |d| tr.day_month(d)),
            }
        })
        .collect();
    MetricCard {
        metric: metric.as_str(),
        value: total.figure.value.map(|v| tr.number(round1(v), 1)),
        interval: total.ci95().map(|c| interval_text(Some(c.map(round1)), tr)),
        n: tr.tn("dashboard-n", "n", total.n() as i64),
        small_sample: total.figure.small_sample,
        explain,
        how,
        split,
        href: None,
        arrow,
        change,
        problem: None,
        chart: chart(metric, &points, tr, &name),
        weeks: points
            .iter()
            .map(|p| WeekRow {
                week: p.week.clone(),
                tick: p.tick.clone(),
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
pub(crate) fn weeks_between(from: Date, to: Date) -> Vec<Label> {
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

pub(crate) async fn card(ask: &Asker<'_>, metric: Metric) -> Result<Option<MetricCard>, PageError> {
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
                explain: String::new(),
                how: String::new(),
                split: Vec::new(),
                href: None,
                arrow: None,
                change: String::new(),
                chart: None,
                weeks: Vec::new(),
            }));
        }
        Err(_) => return Err(PageError::internal(tr)),
    };
    // No answers in the period: no card to read (the empty page says so).
    let Some(total) = now.groups.first().filter(|g| g.n() > 0) else {
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
        now.scale,
        (ask.from, ask.to),
        (arrow, change),
        tr,
    )))
}

pub(crate) fn volume(cards: &[MetricCard], tr: &Tr) -> Option<Volume> {
    let rows = &cards.iter().find(|c| !c.weeks.is_empty())?.weeks;
    let weeks: Vec<String> = rows.iter().map(|w| w.week.clone()).collect();
    let ticks: Vec<String> = rows.iter().map(|w| w.tick.clone()).collect();
    let count = |c: &MetricCard, i: usize| c.weeks.get(i).map_or(0, |w| w.count);
    let totals: Vec<u64> = (0..weeks.len())
        .map(|i| cards.iter().map(|c| count(c, i)).sum())
        .collect();
    // The axis ends at a round number at or above the busiest week.
    let busiest = totals.iter().copied().max().unwrap_or(0).max(1);
    let top = nice_ceiling(busiest);
    // Drawn at about its own size across the page, so its 14-unit text is 14 px.
    let (width, height, left, bottom) = (720, 200, MARGIN_L, 24);
    let plot_h = height - bottom - 10;
    let slot = (width - left) / (weeks.len().max(1) as i64);
    let y = |n: u64| height - bottom - (n as f64 / top as f64 * plot_h as f64).round() as i64;
    let bars = totals
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let x = left + i as i64 * slot + 2;
            let title = tr.plain().tna(
                "dashboard-volume-point",
                ("n", *n as i64),
                &[("week", weeks[i].clone())],
            );
            (x, y(*n), (slot - 4).max(1), height - bottom - y(*n), title)
        })
        .collect();
    let every = weeks.len().div_ceil(3).max(1);
    Some(Volume {
        width,
        height,
        left,
        bars,
        y_ticks: [0, top / 2, top]
            .into_iter()
            .map(|t| (y(t), tr.number(t as f64, 0)))
            .collect(),
        x_ticks: ticks
            .iter()
            .enumerate()
            .filter(|(i, _)| i % every == 0)
            .map(|(i, w)| (left + i as i64 * slot + slot / 2, w.clone()))
            .collect(),
        rows: weeks
            .iter()
            .zip(&totals)
            .map(|(w, n)| (w.clone(), tr.number(*n as f64, 0)))
            .collect(),
    })
}

/// The smallest of 1, 2, 5 × 10ᵏ (and 4, so halves stay whole) at or above `n`.
fn nice_ceiling(n: u64) -> u64 {
    let mut unit = 1;
    loop {
        for step in [1, 2, 4, 5] {
            if step * unit >= n {
                return step * unit;
            }
        }
        unit *= 10;
    }
}

pub(crate) const METRICS: [Metric; 3] = [Metric::Nps, Metric::Csat, Metric::Ces];
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use taith_domain::Locale;

    fn weekly(week: &str, n: u64, value: f64, small_sample: bool) -> WeekPoint {
        WeekPoint {
            week: week.to_owned(),
            tick: week.to_owned(),
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
