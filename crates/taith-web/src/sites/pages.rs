//! The sites pages (`/w/{slug}/sites`): the workspace's sites and its latest events, a form
//! to add a site, and each site's page with its tracker snippet, its settings (hostnames,
//! search parameter, URL pattern → touchpoint rows) and deletion. Everyone reads them; owners
//! and admins change them (`Action::EditJourneys`, as the journeys they bind to).

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
use taith_app::events::sites::{self, SiteError};
use taith_domain::csv::TouchpointRef;
use taith_domain::{Action, Event, EventDetail, Site, SiteId, SiteInput, UrlPatternInput};
use taith_i18n::Tr;
use taith_store::StoreError;

/// Empty pattern rows the form offers beyond the site's own.
const SPARE_ROWS: usize = 3;
/// Events the list shows.
const LATEST: u32 = 50;

fn store_err(m: &Member) -> impl Fn(StoreError) -> PageError + '_ {
    move |e| PageError::from_store(e, m.tr())
}

/// A site as the list shows it.
#[derive(Debug)]
pub struct SiteView {
    pub name: String,
    pub hostnames: String,
    pub site_key: String,
    pub patterns: usize,
    pub href: String,
}

/// One URL pattern row of the form.
#[derive(Debug)]
pub struct RowView {
    pub pattern: String,
    pub touchpoint_id: String,
    pub pattern_error: Option<String>,
    pub touchpoint_error: Option<String>,
}

/// An event as the list shows it: every text is the customer's or the page's, shown as text.
#[derive(Debug)]
pub struct EventView {
    pub when: String,
    pub kind: String,
    pub url: String,
    pub detail: String,
    pub touchpoint: String,
}

fn event_view(tr: &Tr, touchpoints: &[TouchpointRef], e: &Event) -> EventView {
    let detail = match &e.detail {
        EventDetail::PageView => String::new(),
        EventDetail::Search {
            query,
            result_count,
        } => match result_count {
            Some(n) => format!("“{query}” · {}", tr.t1("events-detail-results", "count", n)),
            None => format!("“{query}”"),
        },
        EventDetail::Conversion { goal, value } => match value {
            Some(v) => format!("{goal} · {}", tr.number(*v, 2)),
            None => goal.clone(),
        },
        EventDetail::Task {
            name,
            success,
            duration_ms,
        } => {
            let mut s = format!(
                "{name} · {}",
                tr.t(if *success {
                    "events-task-success"
                } else {
                    "events-task-failure"
                })
            );
            if let Some(ms) = duration_ms {
                s.push_str(&format!(
                    " · {}",
                    tr.t1("events-detail-seconds", "seconds", ms / 1000)
                ));
            }
            s
        }
        EventDetail::Error { kind } => kind.clone(),
        EventDetail::Click { target } => target.clone(),
    };
    EventView {
        when: tr.datetime(e.occurred_at),
        kind: tr.t(&format!(
            "events-type-{}",
            e.event_type().as_str().replace('_', "-")
        )),
        url: e.url.clone().unwrap_or_default(),
        detail,
        touchpoint: e
            .touchpoint_id
            .and_then(|t| touchpoints.iter().find(|r| r.id == t))
            .map(|r| r.name.clone())
            .unwrap_or_default(),
    }
}

fn input_of(pairs: &[(String, String)]) -> SiteInput {
    let one = |k: &str| {
        pairs
            .iter()
            .filter(|(f, _)| f == k)
            .map(|(_, v)| v.clone())
            .next_back()
            .unwrap_or_default()
    };
    let all = |k: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(f, _)| f == k)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let patterns = all("pattern");
    let touchpoints = all("touchpoint_id");
    SiteInput {
        name: one("name"),
        hostnames: one("hostnames")
            .split(['\n', ',', ' '])
            .map(|h| h.trim().to_owned())
            .filter(|h| !h.is_empty())
            .collect(),
        patterns: patterns
            .into_iter()
            .zip(
                touchpoints
                    .into_iter()
                    .chain(std::iter::repeat(String::new())),
            )
            .map(|(pattern, touchpoint_id)| UrlPatternInput {
                pattern,
                touchpoint_id,
            })
            .collect(),
        search_param: one("search_param"),
    }
}

/// The form's fields and its pattern rows (the input's, then spare ones). Errors on a row
/// are named after its index among the non-empty rows, as the parser counts them.
fn form_of(input: &SiteInput, form: FormView) -> (FormView, Vec<RowView>) {
    let form = form
        .with("name", &input.name)
        .with("hostnames", input.hostnames.join("\n"))
        .with(
            "search_param",
            if input.search_param.is_empty() {
                "q"
            } else {
                &input.search_param
            },
        );
    let mut rows = Vec::new();
    let mut i = 0;
    for p in &input.patterns {
        if p.pattern.trim().is_empty() && p.touchpoint_id.trim().is_empty() {
            continue;
        }
        rows.push(RowView {
            pattern: p.pattern.clone(),
            touchpoint_id: p.touchpoint_id.clone(),
            pattern_error: form.e(&format!("patterns[{i}].pattern")).map(str::to_owned),
            touchpoint_error: form
                .e(&format!("patterns[{i}].touchpoint_id"))
                .map(str::to_owned),
        });
        i += 1;
    }
    for _ in 0..SPARE_ROWS {
        rows.push(RowView {
            pattern: String::new(),
            touchpoint_id: String::new(),
            pattern_error: None,
            touchpoint_error: None,
        });
    }
    (form, rows)
}

/// `(id, "journey — touchpoint")` for the selects.
fn touchpoint_choices(touchpoints: &[TouchpointRef]) -> Vec<(String, String)> {
    touchpoints
        .iter()
        .map(|t| (t.id.to_string(), format!("{} — {}", t.journey, t.name)))
        .collect()
}

async fn touchpoints(state: &AppState, m: &Member) -> Result<Vec<TouchpointRef>, PageError> {
    state
        .store
        .touchpoint_refs(m.workspace.id)
        .await
        .map_err(store_err(m))
}

// --- the list -------------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "sites/list.html")]
pub struct ListPage {
    l: Layout,
    sites: Vec<SiteView>,
    events: Vec<EventView>,
    can_edit: bool,
}

pub async fn list(State(state): State<AppState>, m: Member) -> Result<ListPage, PageError> {
    m.require(Action::Read)?;
    let tr = m.tr();
    let sites = state
        .store
        .sites(m.workspace.id)
        .await
        .map_err(store_err(&m))?
        .iter()
        .map(|s| SiteView {
            name: s.fields.name.as_str().to_owned(),
            hostnames: s.fields.hostnames.join(", "),
            site_key: s.site_key.clone(),
            patterns: s.fields.patterns.len(),
            href: format!("{}/sites/{}", m.base(), s.id),
        })
        .collect();
    // Individual events are records of what people did: not for viewers (as responses).
    let events = if m.may(Action::ReadResponses) {
        let tps = touchpoints(&state, &m).await?;
        state
            .store
            .latest_events(m.workspace.id, LATEST)
            .await
            .map_err(store_err(&m))?
            .iter()
            .map(|e| event_view(tr, &tps, e))
            .collect()
    } else {
        Vec::new()
    };
    Ok(ListPage {
        sites,
        events,
        can_edit: m.may(Action::EditJourneys),
        l: m.layout("sites"),
    })
}

// --- the form -------------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "sites/site.html")]
pub struct SitePage {
    l: Layout,
    /// None: a new site.
    site: Option<SiteView>,
    snippet: String,
    form: FormView,
    rows: Vec<RowView>,
    touchpoints: Vec<(String, String)>,
    can_edit: bool,
    notice: Option<String>,
}

async fn site_page(
    state: &AppState,
    m: &Member,
    site: Option<&Site>,
    input: &SiteInput,
    form: FormView,
    done: &str,
) -> Result<SitePage, PageError> {
    let tps = touchpoints(state, m).await?;
    let (form, rows) = form_of(input, form);
    let notice = match done {
        "created" => Some(m.tr().t("events-sites-done-created")),
        "saved" => Some(m.tr().t("events-sites-done-saved")),
        _ => None,
    };
    Ok(SitePage {
        snippet: site
            .map(|s| {
                format!(
                    "<script src=\"{}/t/{}.js\" async></script>",
                    m.visitor.origin, s.site_key
                )
            })
            .unwrap_or_default(),
        site: site.map(|s| SiteView {
            name: s.fields.name.as_str().to_owned(),
            hostnames: s.fields.hostnames.join(", "),
            site_key: s.site_key.clone(),
            patterns: s.fields.patterns.len(),
            href: format!("{}/sites/{}", m.base(), s.id),
        }),
        form,
        rows,
        touchpoints: touchpoint_choices(&tps),
        can_edit: m.may(Action::EditJourneys),
        notice,
        l: m.layout("sites"),
    })
}

pub async fn new_form(State(state): State<AppState>, m: Member) -> Result<SitePage, PageError> {
    m.require(Action::EditJourneys)?;
    site_page(&state, &m, None, &SiteInput::default(), FormView::new(), "").await
}

fn refused(e: SiteError, m: &Member) -> Result<taith_domain::ValidationErrors, PageError> {
    match e {
        SiteError::Invalid(v) => Ok(v),
        SiteError::Store(s) => Err(PageError::from_store(s, m.tr())),
    }
}

pub async fn create(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let input = input_of(&pairs);
    match sites::create_site(state.store.as_ref(), m.workspace.id, &input).await {
        Ok(site) => Ok(
            Redirect::to(&format!("{}/sites/{}?done=created", m.base(), site.id)).into_response(),
        ),
        Err(e) => {
            let errors = refused(e, &m)?;
            let form = FormView::new().with_errors(&errors, m.tr());
            let page = site_page(&state, &m, None, &input, form, "").await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

async fn load(state: &AppState, m: &Member, id: &str) -> Result<Site, PageError> {
    let id: SiteId = parse_id(id, m.tr())?;
    state
        .store
        .site(m.workspace.id, id)
        .await
        .map_err(store_err(m))
}

pub async fn show(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<DoneQuery>,
) -> Result<SitePage, PageError> {
    m.require(Action::Read)?;
    let site = load(&state, &m, &id).await?;
    let input = SiteInput::from(&site.fields);
    site_page(&state, &m, Some(&site), &input, FormView::new(), &q.done).await
}

pub async fn update(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let site = load(&state, &m, &id).await?;
    let input = input_of(&pairs);
    match sites::update_site(state.store.as_ref(), m.workspace.id, site.id, &input).await {
        Ok(saved) => Ok(
            Redirect::to(&format!("{}/sites/{}?done=saved", m.base(), saved.id)).into_response(),
        ),
        Err(e) => {
            let errors = refused(e, &m)?;
            let form = FormView::new().with_errors(&errors, m.tr());
            let page = site_page(&state, &m, Some(&site), &input, form, "").await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

pub async fn delete(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Redirect, PageError> {
    m.require(Action::EditJourneys)?;
    let site = load(&state, &m, &id).await?;
    state
        .store
        .delete_site(m.workspace.id, site.id)
        .await
        .map_err(store_err(&m))?;
    Ok(Redirect::to(&format!("{}/sites", m.base())))
}
