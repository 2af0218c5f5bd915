//! `/w/{slug}/web`: the web dashboard on one screen, as Plausible's — visitors, page views,
//! bounce rate and visit duration with their intervals and a trend, top pages, sources, top
//! searches and the searches that found nothing, goals with their conversion rates, and a
//! funnel of up to five steps (`?step=page:/cart&step=goal:order`), over the shared period.
//! Page paths, sources, queries and goals are customers' text: shown escaped, as text.

use crate::AppState;
use crate::http::ctx::Member;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::http::period::{PeriodControl, PeriodQuery, read_period};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{RawQuery, State};
use taith_app::webstats::{WebRequest, WebStatsError};
use taith_domain::Action;
use taith_i18n::Tr;
use taith_metrics::events::{Figure, WebGroup};
use taith_metrics::events::{FunnelStep, GOAL, PAGE, QUERY, SOURCE, WebMetric};
use taith_metrics::index::Dimension;

/// Most steps a funnel has.
const MAX_STEPS: usize = 5;
/// Rows in each top list.
const TOP: usize = 10;

/// One headline figure.
pub struct Card {
    pub name: String,
    pub value: String,
    pub detail: String,
    pub small_sample: bool,
}

/// One row of a top list: the customers' text, and its figures as shown.
pub struct Row {
    pub label: String,
    pub figures: Vec<String>,
}

pub struct FunnelRow {
    pub label: String,
    pub sessions: String,
    pub share: String,
    pub drop: String,
}

/// The trend: visitors per day (or week) as bars.
pub struct Trend {
    pub bars: Vec<(f64, f64, f64, f64, String)>,
    /// (x, text-anchor, label): the first and last labels hold to the chart's edges, so a
    /// long date ("o 30 Tachwedd") is not cut off.
    pub x_ticks: Vec<(f64, &'static str, String)>,
    pub max: String,
    pub width: f64,
    pub height: f64,
    pub label_y: f64,
}

#[derive(Template, WebTemplate)]
#[template(path = "webstats/dashboard.html")]
pub struct WebPage {
    l: Layout,
    period: PeriodControl,
    empty: bool,
    cards: Vec<Card>,
    trend: Option<Trend>,
    pages: Vec<Row>,
    sources: Vec<Row>,
    searches: Vec<Row>,
    zero: Vec<Row>,
    goals: Vec<Row>,
    funnel: Vec<FunnelRow>,
    /// The steps as typed, for the form.
    steps: Vec<String>,
}

struct Asker<'a> {
    state: &'a AppState,
    m: &'a Member,
    layout: taith_metrics::index::Layout,
    from: time::Date,
    to: time::Date,
}

impl Asker<'_> {
    fn request(&self, metric: WebMetric, by: Vec<Dimension>) -> WebRequest {
        WebRequest {
            metric,
            goal: None,
            by,
            from: Some(self.from),
            to: Some(self.to),
            filters: Vec::new(),
        }
    }

    async fn ask(&self, request: &WebRequest) -> Result<Vec<WebGroup>, PageError> {
        match self
            .state
            .app
            .webstats
            .figures(
                self.state.store.as_ref(),
                self.m.workspace.id,
                &self.layout,
                request,
            )
            .await
        {
            Ok(a) => Ok(a.groups),
            Err(WebStatsError::Store(e)) => Err(PageError::from_store(e, self.m.tr())),
            // The page asks only what the index answers.
            Err(_) => Ok(Vec::new()),
        }
    }

    async fn one(&self, metric: WebMetric) -> Result<Figure, PageError> {
        let groups = self.ask(&self.request(metric, Vec::new())).await?;
        Ok(groups.first().map_or(Figure::Count(0), |g| g.figure))
    }

    /// The groups of `metric` by `dimension`, largest `n` first.
    async fn top(&self, metric: WebMetric, dimension: &str) -> Result<Vec<WebGroup>, PageError> {
        let mut groups = self
            .ask(&self.request(metric, vec![Dimension::Attribute(dimension.to_owned())]))
            .await?;
        groups.sort_by_key(|g| std::cmp::Reverse(g.figure.n()));
        Ok(groups)
    }
}

fn percent(tr: &Tr, f: &Figure) -> String {
    f.value()
        .map_or_else(|| "–".to_owned(), |v| format!("{} %", tr.number(v, 1)))
}

fn interval(tr: &Tr, f: &Figure) -> String {
    match f.ci95() {
        Some((lo, hi)) => tr.ta(
            "dashboard-interval",
            &[("low", tr.number(lo, 1)), ("high", tr.number(hi, 1))],
        ),
        None => String::new(),
    }
}

fn seconds(tr: &Tr, s: f64) -> String {
    let s = s.round() as i64;
    tr.ta(
        "web-duration-value",
        &[
            ("minutes", (s / 60).to_string()),
            ("seconds", format!("{:02}", s % 60)),
        ],
    )
}

/// A trend bar's day or week as owners read it ("8 Sep", "from 8 Sep"), as the dashboards do.
fn period_label(g: &WebGroup, tr: &Tr) -> String {
    match g.key.first() {
        Some(week @ taith_metrics::index::Label::Week { .. }) => {
            crate::dashboards::figures::week_label(week, tr)
        }
        Some(taith_metrics::index::Label::Day(day)) => tr.day_month(*day),
        _ => label_of(g),
    }
}

fn label_of(g: &WebGroup) -> String {
    g.key.first().map(ToString::to_string).unwrap_or_default()
}

/// The funnel's steps from the query string (`step=page:/cart`, `step=goal:order`).
fn steps_of(raw: Option<&str>) -> Vec<(String, FunnelStep)> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.unwrap_or("")).unwrap_or_default();
    pairs
        .into_iter()
        .filter(|(k, _)| k == "step")
        .filter_map(|(_, v)| {
            let (kind, what) = v.split_once(':')?;
            let what = what.trim();
            if what.is_empty() || what.chars().count() > 500 {
                return None;
            }
            let step = match kind.trim() {
                "page" => FunnelStep::Page(what.to_owned()),
                "goal" => FunnelStep::Goal(what.to_owned()),
                _ => return None,
            };
            Some((v.clone(), step))
        })
        .take(MAX_STEPS)
        .collect()
}

pub async fn dashboard(
    State(state): State<AppState>,
    m: Member,
    RawQuery(raw): RawQuery,
) -> Result<WebPage, PageError> {
    m.require(Action::Read)?;
    let q: PeriodQuery =
        serde_urlencoded::from_str::<Vec<(String, String)>>(raw.as_deref().unwrap_or(""))
            .map(|pairs| {
                let get = |n: &str| {
                    pairs
                        .iter()
                        .find(|(k, _)| k == n)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                };
                PeriodQuery {
                    period: get("period"),
                    from: get("from"),
                    to: get("to"),
                }
            })
            .unwrap_or_default();
    let steps = steps_of(raw.as_deref());
    let keep: Vec<(&str, String)> = steps.iter().map(|(s, _)| ("step", s.clone())).collect();
    let path = format!("{}/web", m.base());
    let (period, control) = read_period(&m, &q, &path, &keep)?;
    let tr = m.tr();
    let context = state
        .app
        .analytics
        .context(state.store.as_ref(), m.workspace.id)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    let ask = Asker {
        state: &state,
        m: &m,
        layout: context.layout.clone(),
        from: period.from,
        to: period.to,
    };
    let visitors = ask.one(WebMetric::Visitors).await?;
    let views = ask.one(WebMetric::PageViews).await?;
    let bounce = ask.one(WebMetric::BounceRate).await?;
    let duration = ask.one(WebMetric::SessionDuration).await?;
    let conversion = ask.one(WebMetric::ConversionRate).await?;
    let mut cards = vec![
        Card {
            name: tr.t("web-visitors"),
            value: tr.number(visitors.n() as f64, 0),
            detail: String::new(),
            small_sample: false,
        },
        Card {
            name: tr.t("web-page-views"),
            value: tr.number(views.n() as f64, 0),
            detail: String::new(),
            small_sample: false,
        },
        Card {
            name: tr.t("web-bounce-rate"),
            value: percent(tr, &bounce),
            detail: interval(tr, &bounce),
            small_sample: bounce.n() > 0 && bounce.small_sample(),
        },
    ];
    if let Figure::Duration { n, mean, median } = duration {
        cards.push(Card {
            name: tr.t("web-visit-duration"),
            value: mean.map_or_else(|| "–".to_owned(), |s| seconds(tr, s)),
            detail: median.map_or_else(String::new, |s| {
                tr.ta("web-median", &[("value", seconds(tr, s))])
            }),
            small_sample: n > 0 && duration.small_sample(),
        });
    }
    cards.push(Card {
        name: tr.t("web-conversion-rate"),
        value: percent(tr, &conversion),
        detail: interval(tr, &conversion),
        small_sample: conversion.n() > 0 && conversion.small_sample(),
    });
    // The trend: by day over up to 62 days, else by week.
    let days = (period.to - period.from).whole_days() + 1;
    let by = if days <= 62 {
        Dimension::Day
    } else {
        Dimension::Week
    };
    let trend_groups = ask.ask(&ask.request(WebMetric::Visitors, vec![by])).await?;
    let trend = trend_of(&trend_groups, tr);
    let pages = ask
        .top(WebMetric::PageViews, PAGE)
        .await?
        .into_iter()
        .take(TOP)
        .map(|g| Row {
            label: label_of(&g),
            figures: vec![tr.number(g.figure.n() as f64, 0)],
        })
        .collect();
    let sources = ask
        .top(WebMetric::Visitors, SOURCE)
        .await?
        .into_iter()
        .take(TOP)
        .map(|g| {
            let label = label_of(&g);
            Row {
                label: if label.is_empty() {
                    tr.t("web-direct")
                } else {
                    label
                },
                figures: vec![tr.number(g.figure.n() as f64, 0)],
            }
        })
        .collect();
    let search_groups = ask.top(WebMetric::SearchZeroResultRate, QUERY).await?;
    let searches = search_groups
        .iter()
        .take(TOP)
        .map(|g| Row {
            label: label_of(g),
            figures: vec![tr.number(g.figure.n() as f64, 0), percent(tr, &g.figure)],
        })
        .collect();
    let zero = search_groups
        .iter()
        .filter_map(|g| match g.figure {
            Figure::Proportion { good, .. } if good > 0 => Some((good, label_of(g))),
            _ => None,
        })
        .take(TOP)
        .map(|(good, label)| Row {
            label,
            figures: vec![tr.number(good as f64, 0)],
        })
        .collect();
    let mut goals = Vec::new();
    for goal in state
        .app
        .webstats
        .goals(state.store.as_ref(), m.workspace.id)
        .await
        .map_err(|e| PageError::from_store(e, tr))?
    {
        let mut r = ask.request(WebMetric::ConversionRate, Vec::new());
        r.goal = Some(goal.clone());
        let f = ask
            .ask(&r)
            .await?
            .first()
            .map_or(Figure::Count(0), |g| g.figure);
        if let Figure::Proportion { good, .. } = f
            && good > 0
        {
            goals.push(Row {
                label: goal,
                figures: vec![tr.number(good as f64, 0), percent(tr, &f), interval(tr, &f)],
            });
        }
    }
    let _ = GOAL;
    let mut funnel = Vec::new();
    if !steps.is_empty() {
        let only: Vec<FunnelStep> = steps.iter().map(|(_, s)| s.clone()).collect();
        let scope = ask.request(WebMetric::ConversionRate, Vec::new());
        let reached = match state
            .app
            .webstats
            .funnel(
                state.store.as_ref(),
                m.workspace.id,
                &ask.layout,
                &only,
                &scope,
            )
            .await
        {
            Ok(r) => r,
            Err(WebStatsError::Store(e)) => return Err(PageError::from_store(e, tr)),
            Err(_) => vec![0; only.len()],
        };
        let first = reached.first().copied().unwrap_or(0);
        let mut before: Option<u64> = None;
        for ((typed, _), n) in steps.iter().zip(&reached) {
            let share = |a: u64, b: u64| {
                if b == 0 {
                    "–".to_owned()
                } else {
                    format!("{} %", tr.number(100.0 * a as f64 / b as f64, 1))
                }
            };
            funnel.push(FunnelRow {
                label: typed.clone(),
                sessions: tr.number(*n as f64, 0),
                share: share(*n, first),
                drop: before.map_or_else(String::new, |b| share(b.saturating_sub(*n), b)),
            });
            before = Some(*n);
        }
    }
    Ok(WebPage {
        l: m.layout("web"),
        period: control,
        empty: visitors.n() == 0 && views.n() == 0,
        cards,
        trend,
        pages,
        sources,
        searches,
        zero,
        goals,
        funnel,
        steps: {
            let mut s: Vec<String> = steps.into_iter().map(|(t, _)| t).collect();
            s.resize(MAX_STEPS, String::new());
            s
        },
    })
}

fn trend_of(groups: &[WebGroup], tr: &Tr) -> Option<Trend> {
    if groups.is_empty() {
        return None;
    }
    let (width, height, left, bottom) = (720.0, 180.0, 8.0, 22.0);
    let max = groups
        .iter()
        .map(|g| g.figure.n())
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let slot = (width - left) / groups.len() as f64;
    let mut bars = Vec::new();
    let mut x_ticks = Vec::new();
    // At most five labels: a week's ("from 21 September") needs about three bars' width.
    let every = groups.len().div_ceil(5).max(1);
    for (i, g) in groups.iter().enumerate() {
        let n = g.figure.n() as f64;
        let h = (height - bottom - 8.0) * n / max;
        let x = left + slot * i as f64;
        let label = period_label(g, tr);
        bars.push((
            (x * 10.0).round() / 10.0,
            ((height - bottom - h) * 10.0).round() / 10.0,
            // A bar no wider than a week's on a quarter: one day alone is not a wall.
            ((slot * 0.8).clamp(1.0, 60.0) * 10.0).round() / 10.0,
            (h * 10.0).round() / 10.0,
            format!("{label}: {}", tr.number(n, 0)),
        ));
        if i % every == 0 {
            let (tick_x, anchor) = if i == 0 {
                (x, "start")
            } else if i + 1 == groups.len() {
                (x + slot * 0.8, "end")
            } else {
                (x + slot * 0.4, "middle")
            };
            x_ticks.push(((tick_x * 10.0).round() / 10.0, anchor, label));
        }
    }
    Some(Trend {
        bars,
        x_ticks,
        max: tr.number(max, 0),
        width,
        height,
        label_y: height - 4.0,
    })
}
