//! The overview dashboard (`/w/{slug}/dashboard`) and a touchpoint's page.
//!
//! The overview: NPS, CSAT and CES over the period with what they measure and their
//! intervals, the change from the period before, the weekly trend and volume; every
//! touchpoint's and every survey's figure, each linked to its page; and the comments feed.
//! A touchpoint's page: its figure, trend, spread of scores, breakdowns and latest comments.
//! Both read the period from the shared control ([`crate::http::period`]) and take a
//! touchpoint's headline figure from [`taith_app::metrics::Analytics::touchpoint_scores`], as
//! the map does, so the same touchpoint shows the same figure and n on all three.

use crate::AppState;
use crate::dashboards::figures::{
    Asker, METRICS, MetricCard, Volume, card, distribution, figure_text, interval_text,
    metric_card, survey_figure, volume,
};
use crate::dashboards::segments::{csv_cell, display_label};
use crate::feedback::{FeedOn, FeedQuery, FeedView, feed_view};
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
use taith_app::journeys::places::TouchpointPlace;
use taith_app::metrics::{MetricsAnswer, MetricsGroup, round1};
use taith_domain::{Action, Period, TouchpointId};
use taith_metrics::Metric;
use taith_metrics::index::{Dimension, Filter, Label};

/// The dashboard's query: the period and the comments feed's filters.
#[derive(Debug, Deserialize, Default)]
pub struct OverviewQuery {
    #[serde(flatten)]
    period: PeriodQuery,
    #[serde(flatten)]
    feed: FeedQuery,
}

/// A row of the "by touchpoint" or "by survey" table: a figure and where it comes from.
#[derive(Debug)]
pub struct FigureRow {
    pub name: String,
    pub place: String,
    pub href: String,
    pub metric: String,
    pub value: String,
    pub interval: String,
    pub n: String,
    pub small_sample: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "dashboards/overview.html")]
pub struct DashboardPage {
    l: Layout,
    period: PeriodControl,
    cards: Vec<MetricCard>,
    volume: Option<Volume>,
    csv_href: String,
    by_touchpoint: Vec<FigureRow>,
    by_survey: Vec<FigureRow>,
    /// None for a viewer, who sees the figures but not what customers wrote.
    feed: Option<FeedView>,
    feed_title: String,
    feed_empty: String,
    /// The themes that cost the score most (voice of the customer).
    themes: Vec<crate::voc::pages::ThemeLink>,
    /// "You said, we did": notices sent and the NPS of those told against the rest.
    we_did: Option<crate::changes::dashboard::WeDid>,
    /// The case figures of the period.
    cases: crate::cases::figures::CaseFiguresView,
}

/// Every touchpoint's figure over the period, as the map shows it.
async fn touchpoint_rows(
    state: &AppState,
    m: &Member,
    period: &Period,
    places: &[TouchpointPlace],
) -> Result<Vec<FigureRow>, PageError> {
    let tr = m.tr();
    let ids: Vec<TouchpointId> = places.iter().map(|p| p.id).collect();
    let scores = state
        .app
        .analytics
        .touchpoint_scores(state.store.as_ref(), m.workspace.id, &ids, period)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    Ok(places
        .iter()
        .filter_map(|p| {
            let s = scores.get(&p.id)?;
            Some(FigureRow {
                name: p.name.clone(),
                place: format!("{} › {}", p.journey, p.stage),
                href: format!(
                    "{}/dashboard/touchpoints/{}?{}",
                    m.base(),
                    p.id,
                    period.query()
                ),
                metric: tr.t(&format!("map-live-{}", s.metric.as_str())),
                value: figure_text(s.value.map(round1), tr),
                interval: interval_text(s.ci95.map(|(lo, hi)| [round1(lo), round1(hi)]), tr),
                n: tr.number(s.n as f64, 0),
                small_sample: s.small_sample,
            })
        })
        .collect())
}

/// Every NPS, CSAT and CES survey's figure over the period.
async fn survey_rows(ask: &Asker<'_>, period: &Period) -> Result<Vec<FigureRow>, PageError> {
    let (state, m) = (ask.state, ask.m);
    let tr = m.tr();
    let surveys = state
        .store
        .surveys(m.workspace.id, taith_store::PageRequest::all())
        .await
        .map_err(|e| PageError::from_store(e, tr))?
        .items;
    let mut rows = Vec::new();
    for s in surveys {
        let Some((metric, a)) = survey_figure(ask, &s).await? else {
            continue;
        };
        let Some(g) = a.groups.first().filter(|g| g.n() > 0) else {
            continue;
        };
        rows.push(FigureRow {
            name: s.fields.name.to_string(),
            place: crate::surveys::pages::kind_name(s.fields.kind, tr),
            href: format!("{}/surveys/{}?{}", m.base(), s.id, period.query()),
            metric: tr.t(&format!("map-live-{}", metric.as_str())),
            value: figure_text(g.figure.value.map(round1), tr),
            interval: interval_text(g.ci95().map(|c| c.map(round1)), tr),
            n: tr.number(g.n() as f64, 0),
            small_sample: g.figure.small_sample,
        });
    }
    Ok(rows)
}

pub async fn overview(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<OverviewQuery>,
) -> Result<DashboardPage, PageError> {
    let path = format!("{}/dashboard", m.base());
    let (period, control) = read_period(&m, &q.period, &path, &q.feed.keep())?;
    let ask = Asker::new(&state, &m, period.from, period.to).await?;
    let mut cards = Vec::new();
    for metric in METRICS {
        if let Some(mut c) = card(&ask, metric).await? {
            c.href = Some("#by-survey".to_owned());
            cards.push(c);
        }
    }
    let tr = m.tr();
    let places = crate::journeys::places(&state, &m).await?;
    let by_touchpoint = touchpoint_rows(&state, &m, &period, &places).await?;
    let by_survey = survey_rows(&ask, &period).await?;
    let themes = crate::voc::pages::costly_themes(&state, &m, &period, 5).await?;
    let we_did = crate::changes::dashboard::part(&state, &m, &period).await?;
    let feed = if m.may(Action::ReadResponses) {
        let on = FeedOn {
            path: &path,
            places: &places,
            survey: None,
            limit: 20,
        };
        Some(feed_view(&state, &m, &q.feed, period, on).await?)
    } else {
        None
    };
    Ok(DashboardPage {
        l: m.layout("dashboard"),
        csv_href: format!(
            "{}/dashboard.csv?from={}&to={}",
            m.base(),
            period.from,
            period.to
        ),
        period: control,
        volume: volume(&cards, tr),
        cards,
        by_touchpoint,
        by_survey,
        feed,
        feed_title: tr.t("feed-title"),
        feed_empty: tr.t("feed-empty"),
        themes,
        we_did,
        cases: crate::cases::figures::view(&state, &m, &period, None).await?,
    })
}

/// The dashboard's table as CSV: one row per metric and week, figures with a full stop
/// (for spreadsheets), every week of the period listed.
pub async fn overview_csv(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let path = format!("{}/dashboard", m.base());
    let (period, _) = read_period(&m, &q, &path, &[])?;
    let ask = Asker::new(&state, &m, period.from, period.to).await?;
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

// --- one touchpoint ------------------------------------------------------------------------------

/// A breakdown table: one row per value of a dimension.
#[derive(Debug)]
pub struct Breakdown {
    pub title: String,
    pub rows: Vec<(String, String, String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "dashboards/touchpoint.html")]
pub struct TouchpointPage {
    l: Layout,
    period: PeriodControl,
    csv_href: String,
    name: String,
    journey: String,
    journey_href: String,
    card: Option<MetricCard>,
    /// The score distribution: (label, count, bar width 0…100).
    distribution: Vec<(String, String, f64)>,
    breakdowns: Vec<Breakdown>,
    /// None for a viewer, who sees the figures but not what customers wrote.
    feed: Option<FeedView>,
    feed_title: String,
    feed_empty: String,
    /// The themes customers complain about most here: `(name, explorer link)`; None for a
    /// viewer.
    complaints: Option<Vec<(String, String)>>,
    /// The touchpoint's surveys, to see their answers; none: make one.
    surveys: Vec<(String, String)>,
    new_survey_href: Option<String>,
    /// The case figures of the period at this touchpoint.
    cases: crate::cases::figures::CaseFiguresView,
    signals: crate::signals::pages::TouchpointSignalsView,
    signals_notice: Option<String>,
}

/// The touchpoint `id` among the workspace's `places` (404 otherwise, as for any id).
fn find_touchpoint<'p>(
    places: &'p [TouchpointPlace],
    id: &str,
    m: &Member,
) -> Result<&'p TouchpointPlace, PageError> {
    let tr = m.tr();
    let tp_id: TouchpointId = crate::journeys::pages::parse_id(id, tr)?;
    places
        .iter()
        .find(|t| t.id == tp_id)
        .ok_or_else(|| PageError::not_found(tr))
}

/// What a touchpoint's page shows, as figures: the metric the map shows for it (the one most
/// of its answers are for), over the period, by week, and by channel, team and agent.
struct TouchpointFigures {
    metric: Metric,
    total: MetricsAnswer,
    weekly: Option<MetricsAnswer>,
    breakdowns: Vec<(&'static str, MetricsAnswer)>,
}

async fn touchpoint_figures(
    ask: &Asker<'_>,
    period: &Period,
    tp: &TouchpointPlace,
) -> Result<Option<TouchpointFigures>, PageError> {
    let tr = ask.m.tr();
    let scores = ask
        .state
        .app
        .analytics
        .touchpoint_scores(
            ask.state.store.as_ref(),
            ask.m.workspace.id,
            &[tp.id],
            period,
        )
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    let Some(metric) = scores.get(&tp.id).map(|s| s.metric) else {
        return Ok(None);
    };
    let wheres = vec![Filter {
        dimension: Dimension::TouchpointId,
        values: vec![Label::Touchpoint(tp.id)],
    }];
    let Ok(total) = ask.answer(metric, None, &wheres).await? else {
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
    Query(q): Query<OverviewQuery>,
    Query(done): Query<crate::signals::pages::Done>,
) -> Result<TouchpointPage, PageError> {
    let tr = m.tr().clone();
    let places = crate::journeys::places(&state, &m).await?;
    let tp = find_touchpoint(&places, &id, &m)?;
    let path = format!("{}/dashboard/touchpoints/{}", m.base(), tp.id);
    let mut feed_q = q.feed.clone();
    feed_q.touchpoint = tp.id.to_string();
    let keep: Vec<(&str, String)> = feed_q
        .keep()
        .into_iter()
        .filter(|(k, _)| *k != "touchpoint")
        .collect();
    let (period, control) = read_period(&m, &q.period, &path, &keep)?;
    let surveys: Vec<(String, String)> = state
        .store
        .surveys(m.workspace.id, taith_store::PageRequest::all())
        .await
        .map_err(|e| PageError::from_store(e, &tr))?
        .items
        .into_iter()
        .filter(|s| s.fields.touchpoint_id == Some(tp.id))
        .map(|s| {
            (
                s.fields.name.to_string(),
                format!("{}/surveys/{}?{}", m.base(), s.id, period.query()),
            )
        })
        .collect();
    let mut page = TouchpointPage {
        l: m.layout("dashboard"),
        csv_href: format!(
            "{}/dashboard/touchpoints/{}/export.csv?from={}&to={}",
            m.base(),
            tp.id,
            period.from,
            period.to
        ),
        name: tp.name.clone(),
        journey: tp.journey.clone(),
        journey_href: format!("{}/journeys/{}?{}", m.base(), tp.journey_id, period.query()),
        period: control,
        card: None,
        distribution: Vec::new(),
        breakdowns: Vec::new(),
        feed: None,
        complaints: None,
        feed_title: tr.t("dashboard-comments"),
        feed_empty: tr.t("dashboard-no-comments"),
        new_survey_href: (surveys.is_empty() && m.may(Action::EditJourneys))
            .then(|| format!("{}/surveys/new?touchpoint={}", m.base(), tp.id)),
        surveys,
        cases: crate::cases::figures::view(&state, &m, &period, Some(tp.id)).await?,
        signals: crate::signals::pages::touchpoint_panel(&state, &m, tp.id, &period).await?,
        signals_notice: done.notice(&tr),
    };
    let ask = Asker::new(&state, &m, period.from, period.to).await?;
    if let Some(f) = touchpoint_figures(&ask, &period, tp).await? {
        let scale = f.total.scale;
        if let Some(g) = f.total.groups.first() {
            page.distribution = distribution(&f.total, g, &tr);
            page.card = Some(metric_card(
                f.metric,
                g,
                f.weekly.as_ref(),
                scale,
                (period.from, period.to),
                (None, String::new()),
                &tr,
            ));
        }
        page.breakdowns = f
            .breakdowns
            .iter()
            .map(|(by, a)| Breakdown {
                title: tr.t(&format!("dashboard-dim-{by}")),
                rows: a
                    .groups
                    .iter()
                    .map(|g| {
                        (
                            display_label(
                                by,
                                &a.label(g, 0).map(ToString::to_string).unwrap_or_default(),
                                &std::collections::HashMap::new(),
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
    if m.may(Action::ReadResponses) {
        let on = FeedOn {
            path: &path,
            places: &places,
            survey: None,
            limit: 10,
        };
        page.feed = Some(feed_view(&state, &m, &feed_q, period, on).await?);
        let mut complaints =
            crate::voc::pages::negative_themes(&state, m.workspace.id, &m.base(), &period, 5)
                .await
                .map_err(|e| PageError::from_store(e, &tr))?;
        page.complaints = Some(complaints.remove(&tp.id).unwrap_or_default());
    }
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
    let places = crate::journeys::places(&state, &m).await?;
    let tp = find_touchpoint(&places, &id, &m)?;
    let path = format!("{}/dashboard/touchpoints/{}", m.base(), tp.id);
    let (period, _) = read_period(&m, &q, &path, &[])?;
    let (from, to) = (period.from, period.to);
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
    if let Some(f) = touchpoint_figures(&ask, &period, tp).await? {
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
