//! The webhooks pages (`/w/{slug}/webhooks`, reached from the alerts page): endpoints with
//! their last status, a form to add one (its secret shown once, on the page that answers the
//! form — never in an address), and each endpoint's page with its settings, its delivery log
//! with a button to send a delivery again, secret rotation and deletion. Owners and admins
//! only (`Action::ManageAlerts`).

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
use taith_app::webhooks::Refused;
use taith_domain::{
    Action, EventType, ValidationErrors, WebhookDeliveryId, WebhookEndpoint, WebhookEndpointId,
    WebhookInput, WebhookKind,
};
use taith_i18n::Tr;
use taith_store::{PageRequest, StoreError};

fn store_err(m: &Member) -> impl Fn(StoreError) -> PageError + '_ {
    move |e| PageError::from_store(e, m.tr())
}

/// An endpoint as the pages show it.
#[derive(Debug)]
pub struct EndpointView {
    pub id: String,
    pub kind: String,
    pub url: String,
    pub description: String,
    pub events: String,
    pub enabled: bool,
    /// `delivered`, `pending`, `failed` or empty.
    pub state: &'static str,
    pub state_name: String,
    pub last_attempt: String,
    pub previous_until: Option<String>,
    pub href: String,
}

fn state_name(tr: &Tr, s: Option<taith_domain::DeliveryState>) -> String {
    match s {
        Some(s) => tr.t(&format!("webhooks-state-{}", s.as_str())),
        None => tr.t("webhooks-state-none"),
    }
}

fn view(tr: &Tr, m: &Member, e: &WebhookEndpoint) -> EndpointView {
    EndpointView {
        id: e.id.to_string(),
        kind: tr.t(&format!("webhooks-kind-{}", e.fields.kind.as_str())),
        url: e.fields.url.clone(),
        description: e.fields.description.clone(),
        events: e
            .fields
            .events
            .iter()
            .map(|t| tr.t(&format!("webhooks-event-{}", t.slug())))
            .collect::<Vec<_>>()
            .join(", "),
        enabled: e.fields.enabled,
        state: e.last_state.map(|s| s.as_str()).unwrap_or(""),
        state_name: state_name(tr, e.last_state),
        last_attempt: e
            .last_attempt_at
            .map(|t| tr.datetime(t))
            .unwrap_or_else(|| "–".to_owned()),
        previous_until: e.previous_secret_until.map(|t| tr.datetime(t)),
        href: format!("{}/webhooks/{}", m.base(), e.id),
    }
}

/// The form's choices.
#[derive(Debug)]
pub struct Choices {
    pub kinds: Vec<(&'static str, String)>,
    /// `(type, name, chosen)`.
    pub events: Vec<(&'static str, String, bool)>,
}

fn choices(tr: &Tr, chosen: &[String]) -> Choices {
    Choices {
        kinds: WebhookKind::ALL
            .into_iter()
            .map(|k| (k.as_str(), tr.t(&format!("webhooks-kind-{}", k.as_str()))))
            .collect(),
        events: EventType::ALL
            .into_iter()
            .map(|t| {
                (
                    t.as_str(),
                    tr.t(&format!("webhooks-event-{}", t.slug())),
                    chosen.iter().any(|c| c == t.as_str()),
                )
            })
            .collect(),
    }
}

fn input_of(pairs: &[(String, String)]) -> WebhookInput {
    let one = |k: &str| {
        pairs
            .iter()
            .filter(|(f, _)| f == k)
            .map(|(_, v)| v.clone())
            .next_back()
            .unwrap_or_default()
    };
    WebhookInput {
        kind: one("kind"),
        url: one("url"),
        description: one("description"),
        events: pairs
            .iter()
            .filter(|(f, _)| f == "events")
            .map(|(_, v)| v.clone())
            .collect(),
        enabled: if one("enabled").is_empty() {
            "false".to_owned()
        } else {
            "true".to_owned()
        },
    }
}

fn form_of(input: &WebhookInput) -> FormView {
    FormView::new()
        .with("kind", &input.kind)
        .with("url", &input.url)
        .with("description", &input.description)
        .with("enabled", if input.enabled == "false" { "" } else { "on" })
}

fn refused(e: Refused, m: &Member) -> Result<ValidationErrors, PageError> {
    match e {
        Refused::Invalid(v) => Ok(v),
        Refused::NoRandomness => Err(PageError::internal(m.tr())),
        Refused::Store(s) => Err(PageError::from_store(s, m.tr())),
    }
}

/// Why a delivery's latest attempt failed, in the reader's language (the log keeps our own
/// English words, which the API sends).
fn reason(tr: &Tr, d: &taith_domain::WebhookDelivery) -> String {
    let Some(error) = d.last_error.as_deref() else {
        return String::new();
    };
    match d.last_status_code {
        Some(code) if (300..400).contains(&code) => tr.t1("webhooks-error-redirect", "code", code),
        Some(code) => tr.t1("webhooks-error-status", "code", code),
        None if error.starts_with("refused") => tr.t("webhooks-error-refused"),
        None if error.starts_with("timed out") => tr.t("webhooks-error-timeout"),
        None if error.starts_with("could not connect") => tr.t("webhooks-error-connect"),
        None => tr.t("webhooks-error-other"),
    }
}

// --- the list -------------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "webhooks/list.html")]
pub struct ListPage {
    l: Layout,
    endpoints: Vec<EndpointView>,
    form: FormView,
    c: Choices,
}

async fn list_page(
    state: &AppState,
    m: &Member,
    form: FormView,
    chosen: &[String],
) -> Result<ListPage, PageError> {
    let tr = m.tr();
    let endpoints = state
        .store
        .webhook_endpoints(m.workspace.id)
        .await
        .map_err(store_err(m))?
        .iter()
        .map(|e| view(tr, m, e))
        .collect();
    Ok(ListPage {
        endpoints,
        form,
        c: choices(tr, chosen),
        l: m.layout("alerts"),
    })
}

pub async fn list(State(state): State<AppState>, m: Member) -> Result<ListPage, PageError> {
    m.require(Action::ManageAlerts)?;
    let form = FormView::new()
        .with("kind", "standard")
        .with("enabled", "on");
    list_page(
        &state,
        &m,
        form,
        &["alert.fired".to_owned(), "alert.cleared".to_owned()],
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    m.require(Action::ManageAlerts)?;
    let input = input_of(&pairs);
    let result: Result<(WebhookEndpoint, String), Result<ValidationErrors, PageError>> =
        match input.parse() {
            Ok(fields) => state
                .app
                .webhooks
                .create(state.store.as_ref(), m.workspace.id, &fields)
                .await
                .map_err(|e| refused(e, &m)),
            Err(e) => Err(Ok(e)),
        };
    match result {
        // The secret is shown on this answer, once; never put in an address.
        Ok((endpoint, secret)) => Ok(endpoint_page(
            &state,
            &m,
            &endpoint,
            FormView::new(),
            Some(secret),
            "created",
        )
        .await?
        .into_response()),
        Err(Ok(errors)) => {
            let form = form_of(&input).with_errors(&errors, m.tr());
            let page = list_page(&state, &m, form, &input.events).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Err(e)) => Err(e),
    }
}

// --- one endpoint ---------------------------------------------------------------------------------

/// A delivery as the log lists it.
#[derive(Debug)]
pub struct DeliveryView {
    pub id: String,
    pub event: String,
    pub state: &'static str,
    pub state_name: String,
    pub attempts: String,
    pub status: String,
    pub error: String,
    pub when: String,
    pub next: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "webhooks/endpoint.html")]
pub struct EndpointPage {
    l: Layout,
    e: EndpointView,
    deliveries: Vec<DeliveryView>,
    form: FormView,
    c: Choices,
    secret: Option<String>,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

async fn endpoint_page(
    state: &AppState,
    m: &Member,
    endpoint: &WebhookEndpoint,
    form: FormView,
    secret: Option<String>,
    done: &str,
) -> Result<EndpointPage, PageError> {
    let tr = m.tr();
    let deliveries = state
        .store
        .webhook_deliveries(m.workspace.id, endpoint.id, PageRequest::first(100))
        .await
        .map_err(store_err(m))?
        .items
        .iter()
        .map(|d| DeliveryView {
            id: d.id.to_string(),
            event: tr.t(&format!("webhooks-event-{}", d.event_type.slug())),
            state: d.state.as_str(),
            state_name: state_name(tr, Some(d.state)),
            attempts: tr.number(f64::from(d.attempts), 0),
            status: d
                .last_status_code
                .map(|c| c.to_string())
                .unwrap_or_else(|| "–".to_owned()),
            error: reason(tr, d),
            when: tr.datetime(d.updated_at),
            next: d
                .next_attempt_at
                .filter(|_| d.state == taith_domain::DeliveryState::Pending)
                .map(|t| tr.datetime(t))
                .unwrap_or_default(),
        })
        .collect();
    let form = if form.v("url").is_empty() && !form.has_errors() {
        let f = &endpoint.fields;
        FormView::new()
            .with("kind", f.kind.as_str())
            .with("url", &f.url)
            .with("description", &f.description)
            .with("enabled", if f.enabled { "on" } else { "" })
    } else {
        form
    };
    let chosen: Vec<String> = endpoint
        .fields
        .events
        .iter()
        .map(|t| t.as_str().to_owned())
        .collect();
    let notice = match done {
        "created" => Some(tr.t("webhooks-done-created")),
        "saved" => Some(tr.t("webhooks-done-saved")),
        "rotated" => Some(tr.t("webhooks-done-rotated")),
        "redelivered" => Some(tr.t("webhooks-done-redelivered")),
        _ => None,
    };
    Ok(EndpointPage {
        e: view(tr, m, endpoint),
        deliveries,
        form,
        c: choices(tr, &chosen),
        secret,
        notice,
        l: m.layout("alerts"),
    })
}

async fn load(state: &AppState, m: &Member, id: &str) -> Result<WebhookEndpoint, PageError> {
    let id: WebhookEndpointId = parse_id(id, m.tr())?;
    state
        .store
        .webhook_endpoint(m.workspace.id, id)
        .await
        .map_err(store_err(m))
}

pub async fn show(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<DoneQuery>,
) -> Result<EndpointPage, PageError> {
    m.require(Action::ManageAlerts)?;
    let e = load(&state, &m, &id).await?;
    endpoint_page(&state, &m, &e, FormView::new(), None, &q.done).await
}

pub async fn update(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    m.require(Action::ManageAlerts)?;
    let endpoint = load(&state, &m, &id).await?;
    let input = input_of(&pairs);
    let result: Result<WebhookEndpoint, Result<ValidationErrors, PageError>> = match input.parse() {
        Ok(fields) => state
            .app
            .webhooks
            .update(state.store.as_ref(), m.workspace.id, endpoint.id, &fields)
            .await
            .map_err(|e| refused(e, &m)),
        Err(e) => Err(Ok(e)),
    };
    match result {
        Ok(saved) => Ok(
            Redirect::to(&format!("{}/webhooks/{}?done=saved", m.base(), saved.id)).into_response(),
        ),
        Err(Ok(errors)) => {
            let form = form_of(&input).with_errors(&errors, m.tr());
            let mut page = endpoint_page(&state, &m, &endpoint, form, None, "").await?;
            page.c = choices(m.tr(), &input.events);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Err(e)) => Err(e),
    }
}

pub async fn rotate(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<EndpointPage, PageError> {
    m.require(Action::ManageAlerts)?;
    let endpoint = load(&state, &m, &id).await?;
    let (endpoint, secret) = state
        .app
        .webhooks
        .rotate(state.store.as_ref(), m.workspace.id, endpoint.id)
        .await
        .map_err(|e| match refused(e, &m) {
            Ok(_) => PageError::internal(m.tr()),
            Err(p) => p,
        })?;
    endpoint_page(
        &state,
        &m,
        &endpoint,
        FormView::new(),
        Some(secret),
        "rotated",
    )
    .await
}

pub async fn delete(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Redirect, PageError> {
    m.require(Action::ManageAlerts)?;
    let endpoint = load(&state, &m, &id).await?;
    state
        .store
        .delete_webhook_endpoint(m.workspace.id, endpoint.id)
        .await
        .map_err(store_err(&m))?;
    Ok(Redirect::to(&format!("{}/webhooks", m.base())))
}

pub async fn redeliver(
    State(state): State<AppState>,
    m: Member,
    Path((_, id, delivery)): Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Redirect, PageError> {
    m.require(Action::ManageAlerts)?;
    let endpoint = load(&state, &m, &id).await?;
    let delivery: WebhookDeliveryId = parse_id(&delivery, m.tr())?;
    state
        .app
        .webhooks
        .redeliver(state.store.as_ref(), m.workspace.id, endpoint.id, delivery)
        .await
        .map_err(store_err(&m))?;
    Ok(Redirect::to(&format!(
        "{}/webhooks/{}?done=redelivered",
        m.base(),
        endpoint.id
    )))
}
