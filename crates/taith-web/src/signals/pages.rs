//! Signals on the pages: the bound figures and drop-offs on the live map, the figures panel
//! of the touchpoint page, and the page that chooses a touchpoint's figures. The rules are in
//! `taith_app::signals`.

use super::view::{SignalBadge, badge, drop_off_line, metric_name};
use crate::AppState;
use crate::http::ctx::{CsrfForm, Member};
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::http::period::PeriodQuery;
use crate::journeys::view::MapView;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;
use taith_app::signals::{self, SignalError};
use taith_domain::{
    Action, BoundFigure, BoundFigureInput, Journey, Period, SignalMetric, SignalSource,
    TouchpointId, ValidationErrors,
};

fn store_err(m: &Member) -> impl Fn(taith_store::StoreError) -> PageError + '_ {
    move |e| PageError::from_store(e, m.tr())
}

/// Puts each touchpoint's bound figures and each stage's drop-offs on the live map.
pub async fn apply_to_map(
    state: &AppState,
    m: &Member,
    journey: &Journey,
    period: &Period,
    map: &mut MapView,
) -> Result<(), PageError> {
    let (store, app) = (state.store.as_ref(), &state.app);
    let ids: Vec<TouchpointId> = journey.touchpoints.iter().map(|t| t.id).collect();
    let figures = signals::live(
        store,
        &app.analytics,
        &app.webstats,
        m.workspace.id,
        &ids,
        period,
    )
    .await
    .map_err(store_err(m))?;
    let drop_offs = signals::drop_offs(
        store,
        &app.analytics,
        &app.webstats,
        m.workspace.id,
        journey,
        period,
    )
    .await
    .map_err(store_err(m))?;
    let (tr, base, query) = (m.tr(), m.base(), period.query());
    for tp in map
        .lanes
        .iter_mut()
        .flat_map(|l| l.cells.iter_mut())
        .flatten()
    {
        if let Some(list) = tp.id.parse().ok().and_then(|id| figures.get(&id)) {
            tp.signals = list.iter().map(|f| badge(f, tr, &base, &query)).collect();
        }
    }
    let names: HashMap<TouchpointId, String> = journey
        .touchpoints
        .iter()
        .map(|t| (t.id, t.fields.name.to_string()))
        .collect();
    for stage in &mut map.stages {
        stage.drop_offs = drop_offs
            .iter()
            .filter(|d| d.stage.to_string() == stage.id)
            .map(|d| drop_off_line(d, &names, tr))
            .collect();
    }
    Ok(())
}

/// The touchpoint page's panel of bound figures.
#[derive(Debug, Default)]
pub struct TouchpointSignalsView {
    pub badges: Vec<SignalBadge>,
    /// The page that chooses the figures, for those who may edit journeys.
    pub edit_href: Option<String>,
}

/// The bound figures of `tp` over `period`, for its page.
pub async fn touchpoint_panel(
    state: &AppState,
    m: &Member,
    tp: TouchpointId,
    period: &Period,
) -> Result<TouchpointSignalsView, PageError> {
    let (store, app) = (state.store.as_ref(), &state.app);
    let mut figures = signals::live(
        store,
        &app.analytics,
        &app.webstats,
        m.workspace.id,
        &[tp],
        period,
    )
    .await
    .map_err(store_err(m))?;
    let (base, query) = (m.base(), period.query());
    Ok(TouchpointSignalsView {
        badges: figures
            .remove(&tp)
            .unwrap_or_default()
            .iter()
            .map(|f| badge(f, m.tr(), &base, &query))
            .collect(),
        edit_href: m
            .may(Action::EditJourneys)
            .then(|| format!("{base}/touchpoints/{tp}/figures?{query}")),
    })
}

/// A metric as a checkbox of the form.
#[derive(Debug)]
pub struct Choice {
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "signals/edit.html")]
pub struct EditPage {
    pub l: Layout,
    pub touchpoint: String,
    pub place: String,
    pub back_href: String,
    pub action: String,
    pub web: Vec<Choice>,
    pub support: Vec<Choice>,
    pub goal: String,
    /// Goals seen in the workspace's events, offered as suggestions.
    pub goals: Vec<String>,
    pub errors: Vec<String>,
    /// The touchpoint page's period, carried there and back.
    pub period: PeriodQuery,
}

/// The period's query string when it reads, else nothing (the page's default period).
fn period_query(q: &PeriodQuery) -> String {
    Period::parse(&q.period, &q.from, &q.to, taith_domain::now().date())
        .map(|p| p.query())
        .unwrap_or_default()
}

async fn edit_page(
    state: &AppState,
    m: &Member,
    tp: &taith_app::journeys::places::TouchpointPlace,
    chosen: &[BoundFigureInput],
    errors: Option<&ValidationErrors>,
    period: PeriodQuery,
) -> Result<EditPage, PageError> {
    let tr = m.tr();
    let is_chosen = |metric: SignalMetric| chosen.iter().any(|c| c.metric == metric.as_str());
    let choices = |source: SignalSource| -> Vec<Choice> {
        SignalMetric::ALL
            .into_iter()
            .filter(|x| x.source() == source)
            .map(|x| Choice {
                value: x.as_str(),
                label: metric_name(x, tr),
                checked: is_chosen(x),
            })
            .collect()
    };
    let goal = chosen
        .iter()
        .find(|c| c.metric == SignalMetric::ConversionRate.as_str())
        .and_then(|c| c.goal.clone())
        .unwrap_or_default();
    let goals = state
        .app
        .webstats
        .goals(state.store.as_ref(), m.workspace.id)
        .await
        .map_err(store_err(m))?;
    Ok(EditPage {
        l: m.layout("journeys"),
        touchpoint: tp.name.clone(),
        place: tp.path(),
        back_href: format!(
            "{}/dashboard/touchpoints/{}?{}",
            m.base(),
            tp.id,
            period_query(&period)
        ),
        action: format!("{}/touchpoints/{}/figures", m.base(), tp.id),
        web: choices(SignalSource::Web),
        support: choices(SignalSource::Support),
        goal,
        goals,
        errors: errors
            .map(|e| {
                e.0.iter()
                    .map(|f| {
                        let field = if f.field.ends_with(".goal") {
                            tr.t("signal-goal")
                        } else if f.field == "figures" {
                            tr.t("signal-choose")
                        } else {
                            tr.t("signal-figure")
                        };
                        format!("{field}: {}", tr.issue(f.issue))
                    })
                    .collect()
            })
            .unwrap_or_default(),
        period,
    })
}

async fn find(
    state: &AppState,
    m: &Member,
    id: &str,
) -> Result<taith_app::journeys::places::TouchpointPlace, PageError> {
    let tp_id: TouchpointId = crate::journeys::pages::parse_id(id, m.tr())?;
    crate::journeys::places(state, m)
        .await?
        .into_iter()
        .find(|t| t.id == tp_id)
        .ok_or_else(|| PageError::not_found(m.tr()))
}

fn inputs_of(figures: &[BoundFigure]) -> Vec<BoundFigureInput> {
    figures
        .iter()
        .map(|f| BoundFigureInput {
            metric: f.metric.as_str().to_owned(),
            goal: f.goal.clone(),
        })
        .collect()
}

/// The form's fields: a `metric` per ticked box, and one `goal` for the conversion rate.
fn form_inputs(pairs: &[(String, String)]) -> Vec<BoundFigureInput> {
    let goal = pairs
        .iter()
        .find(|(k, _)| k == "goal")
        .map(|(_, v)| v.clone());
    pairs
        .iter()
        .filter(|(k, _)| k == "metric")
        .map(|(_, metric)| BoundFigureInput {
            metric: metric.clone(),
            goal: (metric == SignalMetric::ConversionRate.as_str())
                .then(|| goal.clone())
                .flatten(),
        })
        .collect()
}

pub async fn edit(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    Query(period): Query<PeriodQuery>,
) -> Result<EditPage, PageError> {
    m.require(Action::EditJourneys)?;
    let tp = find(&state, &m, &id).await?;
    let bound = signals::bound(state.store.as_ref(), m.workspace.id, tp.id)
        .await
        .map_err(store_err(&m))?;
    edit_page(&state, &m, &tp, &inputs_of(&bound), None, period).await
}

pub async fn save(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tp = find(&state, &m, &id).await?;
    let inputs = form_inputs(&pairs);
    let field = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let period = PeriodQuery {
        period: field("period"),
        from: field("from"),
        to: field("to"),
    };
    match signals::bind(state.store.as_ref(), m.workspace.id, tp.id, &inputs).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "{}/dashboard/touchpoints/{}?{}&done=figures#signals",
            m.base(),
            tp.id,
            period_query(&period)
        ))
        .into_response()),
        Err(SignalError::Invalid(errors)) => {
            let page = edit_page(&state, &m, &tp, &inputs, Some(&errors), period).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(SignalError::Store(e)) => Err(PageError::from_store(e, m.tr())),
    }
}

/// `?done=figures` after a save.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Done {
    #[serde(default)]
    pub done: String,
}

impl Done {
    /// The notice the touchpoint page shows after the figures were saved.
    pub fn notice(&self, tr: &taith_i18n::Tr) -> Option<String> {
        (self.done == "figures").then(|| tr.t("signal-saved"))
    }
}
