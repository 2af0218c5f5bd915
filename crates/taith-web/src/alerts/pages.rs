//! The alerts pages (`/w/{slug}/alerts`): the rules with whether each is firing, a form to
//! make one, and each rule's page with its firings and its settings. Everyone reads them;
//! owners and admins change them (`Action::ManageAlerts`).

use crate::AppState;
use crate::http::ctx::{CsrfForm, Member};
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::journeys::pages::parse_id;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taith_app::alerts::Refused;
use taith_domain::{
    Action, AlertCondition, AlertInput, AlertMetric, AlertRule, AlertRuleId, AlertScope, Direction,
    ValidationErrors,
};
use taith_i18n::Tr;
use taith_store::{PageRequest, StoreError};

fn store_err(m: &Member) -> impl Fn(StoreError) -> PageError + '_ {
    move |e| PageError::from_store(e, m.tr())
}

/// A rule as the pages show it.
#[derive(Debug)]
pub struct RuleView {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub firing: bool,
    pub enabled: bool,
    pub last_value: String,
    pub href: String,
}

/// What a rule watches and when it fires, in words.
pub fn summary(tr: &Tr, rule: &AlertRule, theme: Option<&str>) -> String {
    let f = &rule.fields;
    let metric = match f.metric {
        AlertMetric::ThemeShare(_) => {
            tr.t1("alerts-metric-theme-of", "theme", theme.unwrap_or("?"))
        }
        m => tr.t(&format!("alert-metric-{}", m.code())),
    };
    let days = i64::from(f.period_days);
    match f.condition {
        AlertCondition::Threshold { direction, value } => tr.tna(
            if direction == Direction::Up {
                "alerts-summary-above"
            } else {
                "alerts-summary-below"
            },
            ("days", days),
            &[("metric", metric), ("value", tr.number(value, 1))],
        ),
        AlertCondition::Change { direction } => tr.tna(
            &format!("alerts-summary-change-{}", direction.as_str()),
            ("days", days),
            &[("metric", metric)],
        ),
        AlertCondition::Detractor => tr.t1("alerts-summary-detractor", "metric", metric),
    }
}

async fn theme_names(state: &AppState, m: &Member) -> Result<Vec<(String, String)>, PageError> {
    Ok(state
        .store
        .themes(m.workspace.id)
        .await
        .map_err(store_err(m))?
        .into_iter()
        .filter(|t| !t.fields.hidden)
        .map(|t| (t.id.to_string(), t.fields.name.to_string()))
        .collect())
}

fn view(tr: &Tr, m: &Member, r: &AlertRule, themes: &[(String, String)]) -> RuleView {
    let theme = r
        .fields
        .metric
        .theme()
        .and_then(|t| themes.iter().find(|(id, _)| *id == t.to_string()))
        .map(|(_, n)| n.as_str());
    RuleView {
        id: r.id.to_string(),
        name: r.fields.name.to_string(),
        summary: summary(tr, r, theme),
        firing: r.firing,
        enabled: r.fields.enabled,
        last_value: r
            .last_value
            .map(|v| tr.number(v, 1))
            .unwrap_or_else(|| "–".to_owned()),
        href: format!("{}/alerts/{}", m.base(), r.id),
    }
}

/// The choices of the rule form.
#[derive(Debug)]
pub struct RuleChoices {
    pub kinds: Vec<(&'static str, String)>,
    pub metrics: Vec<(&'static str, String)>,
    pub scopes: Vec<(&'static str, String)>,
    pub directions: Vec<(&'static str, String)>,
    pub themes: Vec<(String, String)>,
    /// `(id, name)` of journeys and of touchpoints (`journey › touchpoint`).
    pub journeys: Vec<(String, String)>,
    pub touchpoints: Vec<(String, String)>,
    /// `(user id, name, chosen)`.
    pub members: Vec<(String, String, bool)>,
}

async fn choices(
    state: &AppState,
    m: &Member,
    form: &FormView,
    chosen: &[String],
) -> Result<RuleChoices, PageError> {
    let tr = m.tr();
    let store = state.store.as_ref();
    let ws = m.workspace.id;
    let context = state
        .app
        .analytics
        .context(store, ws)
        .await
        .map_err(store_err(m))?;
    let mut journeys: Vec<(String, String)> = Vec::new();
    let mut touchpoints: Vec<(String, String)> = Vec::new();
    for (tp, place) in &context.layout.touchpoints {
        let j = (place.journey_id.to_string(), place.journey.clone());
        if !journeys.contains(&j) {
            journeys.push(j);
        }
        touchpoints.push((
            tp.to_string(),
            format!("{} › {}", place.journey, place.touchpoint),
        ));
    }
    journeys.sort_by(|a, b| a.1.cmp(&b.1));
    touchpoints.sort_by(|a, b| a.1.cmp(&b.1));
    let members = store
        .members(ws)
        .await
        .map_err(store_err(m))?
        .into_iter()
        .map(|mb| {
            let id = mb.user.id.to_string();
            let on = chosen.contains(&id);
            (id, mb.user.name.to_string(), on)
        })
        .collect();
    let _ = form;
    Ok(RuleChoices {
        kinds: AlertCondition::KINDS
            .into_iter()
            .map(|k| (k, tr.t(&format!("alerts-kind-{k}"))))
            .collect(),
        metrics: AlertMetric::CODES
            .into_iter()
            .map(|c| (c, tr.t(&format!("alert-metric-{c}"))))
            .collect(),
        scopes: AlertScope::KINDS
            .into_iter()
            .map(|s| (s, tr.t(&format!("alerts-scope-{s}"))))
            .collect(),
        directions: Direction::ALL
            .into_iter()
            .map(|d| {
                (
                    d.as_str(),
                    tr.t(&format!("alerts-direction-{}", d.as_str())),
                )
            })
            .collect(),
        themes: theme_names(state, m).await?,
        journeys,
        touchpoints,
        members,
    })
}

fn form_of(input: &AlertInput) -> FormView {
    FormView::new()
        .with("name", &input.name)
        .with("kind", &input.kind)
        .with("metric", &input.metric)
        .with("theme_id", &input.theme_id)
        .with("scope", &input.scope)
        .with("scope_id", &input.scope_id)
        .with("segment_key", &input.segment_key)
        .with("segment_value", &input.segment_value)
        .with("direction", &input.direction)
        .with("threshold", &input.threshold)
        .with("period_days", &input.period_days)
        .with("min_responses", &input.min_responses)
        .with("enabled", if input.enabled == "false" { "" } else { "on" })
}

/// The form's fields, the repeated `recipients` among them.
fn input_of(pairs: &[(String, String)]) -> AlertInput {
    let one = |k: &str| {
        pairs
            .iter()
            .filter(|(f, v)| f == k && !v.trim().is_empty())
            .map(|(_, v)| v.clone())
            .next_back()
            .unwrap_or_default()
    };
    let scope = one("scope");
    AlertInput {
        name: one("name"),
        kind: one("kind"),
        metric: one("metric"),
        theme_id: one("theme_id"),
        // One select per kind of scope: the one of the chosen kind counts.
        scope_id: match scope.as_str() {
            "journey" => one("journey_id"),
            "touchpoint" => one("touchpoint_id"),
            _ => String::new(),
        },
        scope,
        segment_key: one("segment_key"),
        segment_value: one("segment_value"),
        direction: one("direction"),
        threshold: one("threshold"),
        period_days: one("period_days"),
        min_responses: one("min_responses"),
        recipients: pairs
            .iter()
            .filter(|(f, _)| f == "recipients")
            .map(|(_, v)| v.clone())
            .collect(),
        enabled: if one("enabled").is_empty() {
            "false".to_owned()
        } else {
            "true".to_owned()
        },
    }
}

/// The journey and touchpoint selects as they were sent.
fn with_scope_choice(mut form: FormView, pairs: &[(String, String)]) -> FormView {
    for (k, v) in pairs {
        if k == "journey_id" || k == "touchpoint_id" {
            form.set(k, v);
        }
    }
    form
}

// --- the list -------------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "alerts/list.html")]
pub struct ListPage {
    l: Layout,
    rules: Vec<RuleView>,
    can_manage: bool,
    form: FormView,
    c: RuleChoices,
}

async fn list_page(
    state: &AppState,
    m: &Member,
    form: FormView,
    chosen: &[String],
) -> Result<ListPage, PageError> {
    let tr = m.tr();
    let themes = theme_names(state, m).await?;
    let rules = state
        .store
        .alert_rules(m.workspace.id)
        .await
        .map_err(store_err(m))?
        .iter()
        .map(|r| view(tr, m, r, &themes))
        .collect();
    Ok(ListPage {
        rules,
        can_manage: m.may(Action::ManageAlerts),
        c: choices(state, m, &form, chosen).await?,
        form,
        l: m.layout("alerts"),
    })
}

pub async fn list(State(state): State<AppState>, m: Member) -> Result<ListPage, PageError> {
    let form = FormView::new()
        .with("kind", "change")
        .with("metric", "nps")
        .with("scope", "workspace")
        .with("direction", "down")
        .with("period_days", "7")
        .with("min_responses", "30")
        .with("enabled", "on");
    list_page(&state, &m, form, &[]).await
}

fn refused(e: Refused, m: &Member) -> Result<ValidationErrors, PageError> {
    match e {
        Refused::Invalid(v) => Ok(v),
        Refused::Store(s) => Err(PageError::from_store(s, m.tr())),
    }
}

pub async fn create(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    m.require(Action::ManageAlerts)?;
    let input = input_of(&pairs);
    let result: Result<AlertRule, Result<ValidationErrors, PageError>> = match input.parse() {
        Ok(fields) => state
            .app
            .alerts
            .create(state.store.as_ref(), m.workspace.id, &fields)
            .await
            .map_err(|e| refused(e, &m)),
        Err(e) => Err(Ok(e)),
    };
    match result {
        Ok(rule) => Ok(
            Redirect::to(&format!("{}/alerts/{}?done=created", m.base(), rule.id)).into_response(),
        ),
        Err(Ok(errors)) => {
            let form = with_scope_choice(form_of(&input), &pairs).with_errors(&errors, m.tr());
            let page = list_page(&state, &m, form, &input.recipients).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Err(page_error)) => Err(page_error),
    }
}

// --- one rule -------------------------------------------------------------------------------------

/// A firing as the rule's page lists it.
#[derive(Debug)]
pub struct FiringView {
    pub fired: String,
    pub cleared: String,
    pub value: String,
    pub previous: String,
    pub n: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "alerts/rule.html")]
pub struct RulePage {
    l: Layout,
    r: RuleView,
    firings: Vec<FiringView>,
    can_manage: bool,
    form: FormView,
    c: RuleChoices,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

async fn rule_page(
    state: &AppState,
    m: &Member,
    rule: &AlertRule,
    form: FormView,
    chosen: &[String],
    done: &str,
) -> Result<RulePage, PageError> {
    let tr = m.tr();
    let themes = theme_names(state, m).await?;
    let firings = state
        .store
        .alert_firings(m.workspace.id, rule.id, PageRequest::first(100))
        .await
        .map_err(store_err(m))?
        .items
        .iter()
        .map(|f| FiringView {
            fired: tr.datetime(f.fired_at),
            cleared: f.cleared_at.map(|t| tr.datetime(t)).unwrap_or_else(|| {
                if f.response_id.is_some() {
                    "–".to_owned()
                } else {
                    tr.t("alerts-still-firing")
                }
            }),
            value: f
                .value
                .map(|v| tr.number(v, 1))
                .unwrap_or_else(|| "–".to_owned()),
            previous: f
                .previous
                .map(|v| tr.number(v, 1))
                .unwrap_or_else(|| "–".to_owned()),
            n: tr.number(f.n as f64, 0),
        })
        .collect();
    let notice = match done {
        "created" => Some(tr.t("alerts-done-created")),
        "saved" => Some(tr.t("alerts-done-saved")),
        _ => None,
    };
    Ok(RulePage {
        r: view(tr, m, rule, &themes),
        firings,
        can_manage: m.may(Action::ManageAlerts),
        c: choices(state, m, &form, chosen).await?,
        form,
        notice,
        l: m.layout("alerts"),
    })
}

async fn load(state: &AppState, m: &Member, id: &str) -> Result<AlertRule, PageError> {
    let id: AlertRuleId = parse_id(id, m.tr())?;
    state
        .store
        .alert_rule(m.workspace.id, id)
        .await
        .map_err(store_err(m))
}

fn form_with_choice(rule: &AlertRule) -> FormView {
    let input = rule.fields.to_input();
    let mut form = form_of(&input);
    match &rule.fields.scope {
        AlertScope::Journey(j) => form.set("journey_id", j),
        AlertScope::Touchpoint(t) => form.set("touchpoint_id", t),
        _ => {}
    }
    form
}

pub async fn show(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<DoneQuery>,
) -> Result<RulePage, PageError> {
    let rule = load(&state, &m, &id).await?;
    let chosen: Vec<String> = rule
        .fields
        .recipients
        .iter()
        .map(|u| u.to_string())
        .collect();
    rule_page(&state, &m, &rule, form_with_choice(&rule), &chosen, &q.done).await
}

pub async fn update(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    m.require(Action::ManageAlerts)?;
    let rule = load(&state, &m, &id).await?;
    let input = input_of(&pairs);
    let result: Result<AlertRule, Result<ValidationErrors, PageError>> = match input.parse() {
        Ok(fields) => state
            .app
            .alerts
            .update(state.store.as_ref(), m.workspace.id, rule.id, &fields)
            .await
            .map_err(|e| refused(e, &m)),
        Err(e) => Err(Ok(e)),
    };
    match result {
        Ok(saved) => Ok(
            Redirect::to(&format!("{}/alerts/{}?done=saved", m.base(), saved.id)).into_response(),
        ),
        Err(Ok(errors)) => {
            let form = with_scope_choice(form_of(&input), &pairs).with_errors(&errors, m.tr());
            let page = rule_page(&state, &m, &rule, form, &input.recipients, "").await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Err(page_error)) => Err(page_error),
    }
}

pub async fn delete(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Redirect, PageError> {
    m.require(Action::ManageAlerts)?;
    let rule = load(&state, &m, &id).await?;
    state
        .store
        .delete_alert_rule(m.workspace.id, rule.id)
        .await
        .map_err(store_err(&m))?;
    Ok(Redirect::to(&format!("{}/alerts", m.base())))
}
