//! Journey pages: the list, a new journey, the map, the editor, history and downloads.

use crate::AppState;
use crate::http::ctx::{CsrfForm, Member};
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::journeys::view::{MapView, channel_name, describe_change, emotion_word, map_view};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taith_domain::journey::{JourneyError, JourneyFields, StageInput, TouchpointInput};
use taith_domain::{
    Action, Change, Channel, Issue, Journey, JourneyId, LongText, Name, Owner, Persona, PersonaId,
    StageId, StageModel, TouchpointId, UserId, ValidationErrors,
};
use taith_i18n::Tr;
use taith_store::{PageRequest, StoreError};

// --- the list ---------------------------------------------------------------------------------

#[derive(Debug)]
pub struct JourneyRow {
    pub id: String,
    pub name: String,
    pub persona: String,
    pub stages: String,
    pub touchpoints: String,
    pub updated: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "journeys/list.html")]
pub struct JourneysPage {
    l: Layout,
    journeys: Vec<JourneyRow>,
    can_edit: bool,
    notice: Option<Notice>,
}

/// What the list says after a journey was deleted, or brought back.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    /// The journey just deleted: the list offers to bring it back.
    #[serde(default)]
    deleted: String,
    /// How bringing it back went: `late`, `nothing`.
    #[serde(default)]
    undo: String,
}

async fn list_notice(
    state: &AppState,
    m: &Member,
    q: &ListQuery,
) -> Result<Option<Notice>, PageError> {
    let tr = m.tr();
    match q.undo.as_str() {
        "late" => return Ok(Some(Notice::problem(tr.t("editor-undo-late")))),
        "nothing" => return Ok(Some(Notice::problem(tr.t("editor-undo-nothing")))),
        _ => {}
    }
    let Ok(id) = q.deleted.parse::<JourneyId>() else {
        return Ok(None);
    };
    if !m.may(Action::EditJourneys) {
        return Ok(None);
    }
    match taith_app::journeys::trash::deleted_journey(
        state.store.as_ref(),
        m.workspace.id,
        id,
        taith_domain::now(),
    )
    .await
    {
        Ok(d) => Ok(Some(Notice::undoable(
            tr.t1("editor-journey-deleted", "name", d.journey.fields.name),
            format!("{}/journeys/{id}/undelete", m.base()),
            tr,
        ))),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(PageError::from_store(e, tr)),
    }
}

pub async fn list(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<ListQuery>,
) -> Result<JourneysPage, PageError> {
    let notice = list_notice(&state, &m, &q).await?;
    let tr = m.tr().clone();
    let store_err = |e| PageError::from_store(e, &tr);
    let journeys = state
        .store
        .journeys(m.workspace.id, PageRequest::all())
        .await
        .map_err(store_err)?;
    let personas = state
        .store
        .personas(m.workspace.id, PageRequest::all())
        .await
        .map_err(store_err)?
        .items;
    let rows = journeys
        .items
        .into_iter()
        .map(|j| JourneyRow {
            id: j.id.to_string(),
            name: j.name.to_string(),
            persona: j
                .persona_id
                .and_then(|p| personas.iter().find(|x| x.id == p))
                .map(|p| p.fields.name.to_string())
                .unwrap_or_default(),
            stages: tr.tn("journeys-stage-count", "count", j.stage_count),
            touchpoints: tr.tn("journeys-touchpoint-count", "count", j.touchpoint_count),
            updated: tr.datetime(j.updated_at),
        })
        .collect();
    Ok(JourneysPage {
        notice,
        can_edit: m.may(Action::EditJourneys),
        l: m.layout("journeys"),
        journeys: rows,
    })
}

// --- a new journey ----------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "journeys/new.html")]
pub struct NewJourneyPage {
    l: Layout,
    form: FormView,
    personas: Vec<(String, String)>,
    models: Vec<(&'static str, String, String)>,
}

#[derive(Debug, Deserialize)]
pub struct NewJourneyInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    persona_id: String,
    #[serde(default)]
    model: String,
}

async fn new_journey_page(
    state: &AppState,
    m: &Member,
    form: FormView,
) -> Result<NewJourneyPage, PageError> {
    let tr = m.tr();
    let personas = state
        .store
        .personas(m.workspace.id, PageRequest::all())
        .await
        .map_err(|e| PageError::from_store(e, tr))?
        .items
        .into_iter()
        .map(|p| (p.id.to_string(), p.fields.name.to_string()))
        .collect();
    let models = [
        StageModel::FiveStage,
        StageModel::SevenStage,
        StageModel::Blank,
    ]
    .into_iter()
    .map(|sm| {
        let names: Vec<String> = sm
            .stage_keys()
            .iter()
            .map(|k| tr.t(&format!("stage-{k}")))
            .collect();
        (
            sm.as_str(),
            tr.t(&format!("model-{}", sm.as_str().replace('_', "-"))),
            names.join(" → "),
        )
    })
    .collect();
    Ok(NewJourneyPage {
        l: m.layout("journeys"),
        form,
        personas,
        models,
    })
}

pub async fn new_form(
    State(state): State<AppState>,
    m: Member,
) -> Result<NewJourneyPage, PageError> {
    m.require(Action::EditJourneys)?;
    new_journey_page(&state, &m, FormView::new().with("model", "five_stage")).await
}

/// Parses a persona reference against the workspace's personas.
fn parse_persona(s: &str, personas: &[Persona]) -> Result<Option<PersonaId>, Issue> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    let id: PersonaId = s.parse()?;
    if personas.iter().any(|p| p.id == id) {
        Ok(Some(id))
    } else {
        Err(Issue::NotFound)
    }
}

pub async fn create(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(input): CsrfForm<NewJourneyInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let personas = state
        .store
        .personas(m.workspace.id, PageRequest::all())
        .await
        .map_err(|e| PageError::from_store(e, &tr))?
        .items;
    let mut errors = ValidationErrors::default();
    let name = errors.check("name", Name::parse(&input.name));
    let description = errors.check("description", LongText::parse(&input.description));
    let persona_id = errors.check("persona_id", parse_persona(&input.persona_id, &personas));
    let model = errors.check("model", input.model.parse::<StageModel>());
    let (Some(name), Some(description), Some(persona_id), Some(model)) =
        (name, description, persona_id, model)
    else {
        let form = FormView::new()
            .with("name", &input.name)
            .with("description", &input.description)
            .with("persona_id", &input.persona_id)
            .with("model", &input.model)
            .with_errors(&errors, &tr);
        return Ok((
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            new_journey_page(&state, &m, form).await?,
        )
            .into_response());
    };
    let journey = Journey::new(
        JourneyFields {
            name,
            description,
            persona_id,
        },
        model,
        |k| stage_name(&tr, k),
        taith_domain::now(),
    );
    let saved = state
        .store
        .create_journey(m.workspace.id, &journey, &m.author(), &[Change::Created])
        .await
        .map_err(|e| PageError::from_store(e, &tr))?;
    Ok(Redirect::to(&format!("{}/journeys/{}/edit", m.base(), saved.id)).into_response())
}

/// A template stage's name in the author's language.
pub fn stage_name(tr: &Tr, key: &str) -> Name {
    Name::parse(&tr.t(&format!("stage-{key}")))
        .or_else(|_| Name::parse(key))
        .unwrap_or_else(|_| unreachable_name())
}

fn unreachable_name() -> Name {
    // Stage keys are non-empty literals, so this is never reached; a visible placeholder
    // beats a panic if it ever is.
    Name::parse("—").unwrap_or_else(|_| unreachable!("a literal dash is a valid name"))
}

// --- loading ----------------------------------------------------------------------------------

pub fn parse_id<T: std::str::FromStr>(s: &str, tr: &Tr) -> Result<T, PageError> {
    s.parse().map_err(|_| PageError::not_found(tr))
}

struct Loaded {
    journey: Journey,
    persona: Option<Persona>,
    members: Vec<taith_domain::Member>,
}

async fn load(state: &AppState, m: &Member, id: JourneyId) -> Result<Loaded, PageError> {
    let tr = m.tr();
    let ws = m.workspace.id;
    let journey = state
        .store
        .journey(ws, id)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    let persona = match journey.fields.persona_id {
        Some(p) => match state.store.persona(ws, p).await {
            Ok(p) => Some(p),
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(PageError::from_store(e, tr)),
        },
        None => None,
    };
    let members = state
        .store
        .members(ws)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    Ok(Loaded {
        journey,
        persona,
        members,
    })
}

// --- the map ----------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "journeys/map.html")]
pub struct MapPage {
    l: Layout,
    id: String,
    period: crate::http::period::PeriodControl,
    map: MapView,
    can_edit: bool,
    version: i64,
}

pub async fn map(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<crate::http::period::PeriodQuery>,
) -> Result<MapPage, PageError> {
    let id: JourneyId = parse_id(&id, m.tr())?;
    let path = format!("{}/journeys/{id}", m.base());
    let (period, control) = crate::http::period::read_period(&m, &q, &path, &[])?;
    let loaded = load(&state, &m, id).await?;
    let mut map = map_view(
        &loaded.journey,
        loaded.persona.as_ref(),
        &loaded.members,
        m.tr(),
    );
    // The live map: what customers said at each touchpoint in the period.
    let touchpoints: Vec<_> = loaded.journey.touchpoints.iter().map(|t| t.id).collect();
    let scores = state
        .app
        .analytics
        .touchpoint_scores(state.store.as_ref(), m.workspace.id, &touchpoints, &period)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?;
    crate::journeys::view::apply_live(&mut map, &loaded.journey, &scores, &control, m.tr());
    crate::signals::pages::apply_to_map(&state, &m, &loaded.journey, &period, &mut map).await?;
    if m.may(Action::ReadResponses) {
        let complaints =
            crate::voc::pages::negative_themes(&state, m.workspace.id, &m.base(), &period, 2)
                .await
                .map_err(|e| PageError::from_store(e, m.tr()))?;
        map.set_complaints(&complaints);
    }
    Ok(MapPage {
        period: control,
        map,
        id: id.to_string(),
        can_edit: m.may(Action::EditJourneys),
        version: loaded.journey.version,
        l: m.layout("journeys"),
    })
}

#[derive(Template)]
#[template(path = "journeys/map.svg", escape = "html")]
pub struct MapSvg {
    pub svg: crate::journeys::svg::SvgMap,
}

pub async fn map_svg(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<crate::http::period::PeriodQuery>,
) -> Result<Response, PageError> {
    let id: JourneyId = parse_id(&id, m.tr())?;
    let path = format!("{}/journeys/{id}", m.base());
    let (period, control) = crate::http::period::read_period(&m, &q, &path, &[])?;
    let loaded = load(&state, &m, id).await?;
    let mut view = map_view(
        &loaded.journey,
        loaded.persona.as_ref(),
        &loaded.members,
        m.tr(),
    );
    // The same live figures as the map page shows, for the same period.
    let touchpoints: Vec<_> = loaded.journey.touchpoints.iter().map(|t| t.id).collect();
    let scores = state
        .app
        .analytics
        .touchpoint_scores(state.store.as_ref(), m.workspace.id, &touchpoints, &period)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?;
    crate::journeys::view::apply_live(&mut view, &loaded.journey, &scores, &control, m.tr());
    crate::signals::pages::apply_to_map(&state, &m, &loaded.journey, &period, &mut view).await?;
    let svg = MapSvg {
        svg: crate::journeys::svg::layout(&view, m.tr()),
    }
    .render()
    .map_err(|e| {
        tracing::error!(error = %e, "svg render failed");
        PageError::internal(m.tr())
    })?;
    let filename = format!("journey-{id}.svg");
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "image/svg+xml; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        svg,
    )
        .into_response())
}

pub async fn export(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let id: JourneyId = parse_id(&id, m.tr())?;
    let file = taith_app::journeys::files::export_journey(state.store.as_ref(), m.workspace.id, id)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?;
    let json = serde_json::to_string_pretty(&file).map_err(|_| PageError::internal(m.tr()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"journey-{id}.json\""),
            ),
        ],
        json,
    )
        .into_response())
}

// --- the editor -------------------------------------------------------------------------------

/// A save sent by the editor's script, which asks for JSON (`Accept: application/json`): it is
/// answered with what happened, and the page stays as it is, the other cards untouched. A
/// plain form post is answered with a redirect back to the card it came from, with a notice
/// (or with the editor again, showing the form's errors).
#[derive(Debug, Clone, Copy)]
pub struct Fetch(bool);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Fetch {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(Fetch(
            parts
                .headers
                .get_all(header::ACCEPT)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .any(|v| v.contains("application/json")),
        ))
    }
}

/// One stage's form in the editor.
#[derive(Debug)]
pub struct StageEditor {
    pub id: String,
    /// The stage's name as saved.
    pub name: String,
    pub form: FormView,
    pub touchpoints: Vec<TouchpointEditor>,
    pub new_touchpoint: FormView,
    pub first: bool,
    pub last: bool,
}

/// One touchpoint's card and form in the editor.
#[derive(Debug)]
pub struct TouchpointEditor {
    pub id: String,
    pub form: FormView,
    /// The card, as saved: name, channel and owner in words.
    pub card: TouchpointCard,
    /// An agent may edit only the touchpoints they own.
    pub editable: bool,
}

/// What a touchpoint's card shows (and what the script is told after a save).
#[derive(Debug, Clone, serde::Serialize)]
pub struct TouchpointCard {
    pub name: String,
    pub channel: String,
    pub owner: String,
    pub moment_of_truth: bool,
}

fn touchpoint_card(
    t: &taith_domain::Touchpoint,
    members: &[taith_domain::Member],
    tr: &Tr,
) -> TouchpointCard {
    TouchpointCard {
        name: t.fields.name.to_string(),
        channel: channel_name(t.fields.channel, tr),
        owner: crate::journeys::view::owner_name(&t.fields.owner, members, tr),
        moment_of_truth: t.fields.moment_of_truth,
    }
}

/// A notice at the top of a page: what was just done, and the way to undo it.
#[derive(Debug)]
pub struct Notice {
    pub text: String,
    /// The address a form posts to, to undo what was done (a deletion), while it can be.
    pub undo: Option<String>,
    /// How long the undo is offered, in words.
    pub undo_hint: String,
    /// Something did not happen (too late to undo…): shown as a warning.
    pub problem: bool,
}

impl Notice {
    fn done(text: String) -> Notice {
        Notice {
            text,
            undo: None,
            undo_hint: String::new(),
            problem: false,
        }
    }

    fn problem(text: String) -> Notice {
        Notice {
            problem: true,
            ..Notice::done(text)
        }
    }

    fn undoable(text: String, undo: String, tr: &Tr) -> Notice {
        Notice {
            undo: Some(undo),
            undo_hint: tr.tn(
                "editor-undo-hint",
                "minutes",
                taith_app::journeys::UNDO_WINDOW.whole_minutes(),
            ),
            ..Notice::done(text)
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "journeys/edit.html")]
pub struct EditPage {
    l: Layout,
    id: String,
    details: FormView,
    stages: Vec<StageEditor>,
    new_stage: FormView,
    personas: Vec<(String, String)>,
    members: Vec<(String, String)>,
    channels: Vec<(&'static str, String)>,
    emotions: Vec<(String, String)>,
    can_edit: bool,
    notice: Option<Notice>,
}

/// Which form a failed submission came from, with what was typed.
enum Failed {
    Details(FormView),
    NewStage(FormView),
    Stage(StageId, FormView),
    NewTouchpoint(StageId, FormView),
    Touchpoint(TouchpointId, FormView),
}

impl Failed {
    fn form(&self) -> &FormView {
        match self {
            Failed::Details(f)
            | Failed::NewStage(f)
            | Failed::Stage(_, f)
            | Failed::NewTouchpoint(_, f)
            | Failed::Touchpoint(_, f) => f,
        }
    }
}

fn stage_form(f: &taith_domain::StageFields) -> FormView {
    FormView::new()
        .with("name", &f.name)
        .with("actions", &f.actions)
        .with("thoughts", &f.thoughts)
        .with("emotions", &f.emotions)
        .with(
            "emotion",
            f.emotion.map(|e| e.value().to_string()).unwrap_or_default(),
        )
        .with("pain_points", &f.pain_points)
        .with("opportunities", &f.opportunities)
}

fn stage_input_form(i: &StageInput) -> FormView {
    FormView::new()
        .with("name", &i.name)
        .with("actions", &i.actions)
        .with("thoughts", &i.thoughts)
        .with("emotions", &i.emotions)
        .with("emotion", &i.emotion)
        .with("pain_points", &i.pain_points)
        .with("opportunities", &i.opportunities)
}

fn touchpoint_form(t: &taith_domain::Touchpoint) -> FormView {
    let (member, team) = match &t.fields.owner {
        Some(Owner::Member { user_id }) => (user_id.to_string(), String::new()),
        Some(Owner::Team { name }) => (String::new(), name.to_string()),
        None => (String::new(), String::new()),
    };
    FormView::new()
        .with("stage_id", t.stage_id)
        .with("name", &t.fields.name)
        .with("channel", t.fields.channel.as_str())
        .with("owner_member_id", member)
        .with("owner_team", team)
        .with("description", &t.fields.description)
        .with(
            "moment_of_truth",
            if t.fields.moment_of_truth { "on" } else { "" },
        )
}

fn touchpoint_input_form(i: &TouchpointInput) -> FormView {
    FormView::new()
        .with("stage_id", &i.stage_id)
        .with("name", &i.name)
        .with("channel", &i.channel)
        .with("owner_member_id", &i.owner_member_id)
        .with("owner_team", &i.owner_team)
        .with("description", &i.description)
        .with(
            "moment_of_truth",
            i.moment_of_truth.as_deref().unwrap_or(""),
        )
}

fn edit_page(
    m: &Member,
    loaded: &Loaded,
    personas: &[Persona],
    failed: Option<Failed>,
    notice: Option<Notice>,
) -> EditPage {
    let tr = m.tr();
    let j = &loaded.journey;
    let mut details = FormView::new()
        .with("name", &j.fields.name)
        .with("description", &j.fields.description)
        .with(
            "persona_id",
            j.fields
                .persona_id
                .map(|p| p.to_string())
                .unwrap_or_default(),
        )
        .with("version", j.version);
    let mut new_stage = FormView::new();
    let mut failed = failed;
    if let Some(Failed::Details(f)) = failed.take_if(|f| matches!(f, Failed::Details(_))) {
        details = f;
    }
    if let Some(Failed::NewStage(f)) = failed.take_if(|f| matches!(f, Failed::NewStage(_))) {
        new_stage = f;
    }
    let n = j.stages.len();
    let can_edit = m.may(Action::EditJourneys);
    let stages = j
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut form = stage_form(&s.fields);
            if let Some(Failed::Stage(_, f)) =
                failed.take_if(|f| matches!(f, Failed::Stage(id, _) if *id == s.id))
            {
                form = f;
            }
            let mut new_touchpoint = FormView::new()
                .with("stage_id", s.id)
                .with("channel", "web");
            if let Some(Failed::NewTouchpoint(_, f)) =
                failed.take_if(|f| matches!(f, Failed::NewTouchpoint(id, _) if *id == s.id))
            {
                new_touchpoint = f;
            }
            let touchpoints = j
                .touchpoints_of(s.id)
                .map(|t| {
                    let mut form = touchpoint_form(t);
                    if let Some(Failed::Touchpoint(_, f)) =
                        failed.take_if(|f| matches!(f, Failed::Touchpoint(id, _) if *id == t.id))
                    {
                        form = f;
                    }
                    TouchpointEditor {
                        id: t.id.to_string(),
                        form,
                        card: touchpoint_card(t, &loaded.members, tr),
                        editable: can_edit || owns(m, t),
                    }
                })
                .collect();
            StageEditor {
                id: s.id.to_string(),
                name: s.fields.name.to_string(),
                form,
                touchpoints,
                new_touchpoint,
                first: i == 0,
                last: i + 1 == n,
            }
        })
        .collect();
    EditPage {
        l: m.layout("journeys"),
        id: j.id.to_string(),
        details,
        stages,
        new_stage,
        personas: personas
            .iter()
            .map(|p| (p.id.to_string(), p.fields.name.to_string()))
            .collect(),
        members: loaded
            .members
            .iter()
            .map(|x| (x.user.id.to_string(), x.user.name.to_string()))
            .collect(),
        channels: Channel::ALL
            .into_iter()
            .map(|c| (c.as_str(), channel_name(c, tr)))
            .collect(),
        emotions: (-2i8..=2)
            .rev()
            .map(|e| (e.to_string(), emotion_word(e, tr)))
            .collect(),
        can_edit,
        notice,
    }
}

/// True when the member is the owner of the touchpoint (agents may edit those).
fn owns(m: &Member, t: &taith_domain::Touchpoint) -> bool {
    m.may(Action::EditOwnTouchpoint) && t.fields.owner == Some(Owner::Member { user_id: m.user.id })
}

async fn render_edit(
    state: &AppState,
    m: &Member,
    id: JourneyId,
    failed: Option<Failed>,
    notice: Option<Notice>,
) -> Result<Response, PageError> {
    let loaded = load(state, m, id).await?;
    let personas = state
        .store
        .personas(m.workspace.id, PageRequest::all())
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?
        .items;
    let status = if failed.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    Ok((status, edit_page(m, &loaded, &personas, failed, notice)).into_response())
}

/// What the editor says after a save or an undo, by the query of the address it returns to.
#[derive(Debug, Default, Deserialize)]
pub struct EditQuery {
    /// What was saved: `details`, `stage`, `touchpoint`, `stage-added`, `touchpoint-added`,
    /// `moved`.
    #[serde(default)]
    saved: String,
    /// The version that deleted a stage or touchpoint, which can be undone for a while.
    #[serde(default)]
    deleted: String,
    /// How an undo went: `done`, `journey` (a deleted journey is back), `late`, `nothing`.
    #[serde(default)]
    undo: String,
}

/// The message key of a `saved=` notice (also the script's message after that save).
fn saved_key(what: &str) -> Option<&'static str> {
    Some(match what {
        "details" => "editor-saved-details",
        "stage" => "editor-saved-stage",
        "touchpoint" => "editor-saved-touchpoint",
        "stage-added" => "editor-added-stage",
        "touchpoint-added" => "editor-added-touchpoint",
        "moved" => "editor-moved-stage",
        _ => return None,
    })
}

async fn edit_notice(
    state: &AppState,
    m: &Member,
    id: JourneyId,
    q: &EditQuery,
) -> Result<Option<Notice>, PageError> {
    let tr = m.tr();
    if let Some(key) = saved_key(&q.saved) {
        return Ok(Some(Notice::done(tr.t(key))));
    }
    match q.undo.as_str() {
        "done" => return Ok(Some(Notice::done(tr.t("editor-undone")))),
        "journey" => return Ok(Some(Notice::done(tr.t("editor-journey-undeleted")))),
        "late" => return Ok(Some(Notice::problem(tr.t("editor-undo-late")))),
        "nothing" => return Ok(Some(Notice::problem(tr.t("editor-undo-nothing")))),
        _ => {}
    }
    let Ok(version) = q.deleted.parse::<i64>() else {
        return Ok(None);
    };
    let r = match state.store.revision(m.workspace.id, id, version).await {
        Ok(r) => r,
        Err(StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(PageError::from_store(e, tr)),
    };
    let changes = &r.revision.changes;
    if !taith_app::journeys::history::is_deletion(changes) {
        return Ok(None);
    }
    let text = changes
        .iter()
        .filter(|c| {
            matches!(
                c,
                Change::StageRemoved { .. } | Change::TouchpointRemoved { .. }
            )
        })
        .map(|c| describe_change(c, tr))
        .collect::<Vec<_>>()
        .join(" · ");
    if taith_domain::now() - r.revision.created_at > taith_app::journeys::UNDO_WINDOW
        || !m.may(Action::EditJourneys)
    {
        return Ok(Some(Notice::done(text)));
    }
    let undo = format!("{}/journeys/{}/revisions/{}/undo", m.base(), id, version);
    Ok(Some(Notice::undoable(text, undo, tr)))
}

pub async fn edit(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<EditQuery>,
) -> Result<Response, PageError> {
    m.require(Action::Read)?;
    let id: JourneyId = parse_id(&id, m.tr())?;
    let notice = edit_notice(&state, &m, id, &q).await?;
    render_edit(&state, &m, id, None, notice).await
}

/// Why an edit was not applied.
enum EditError {
    /// Show the editor again with this form's errors.
    Invalid(Failed),
    Page(PageError),
}

impl From<PageError> for EditError {
    fn from(e: PageError) -> Self {
        EditError::Page(e)
    }
}

/// Where the editor goes back to after a save, and what it says there.
struct Back {
    /// The element to return to: `stage-…`, `touchpoint-…`, `details`, `editor-notice`.
    anchor: String,
    /// The query that words the notice there: `saved=…` or `deleted=…`.
    query: String,
    /// For the script: what the page should now show (a card's name…).
    card: serde_json::Value,
}

impl Back {
    fn saved(what: &str, anchor: String) -> Back {
        Back {
            anchor,
            query: format!("saved={what}"),
            card: serde_json::Value::Null,
        }
    }

    fn with_card(mut self, card: serde_json::Value) -> Back {
        self.card = card;
        self
    }
}

/// Loads a journey, applies `edit` to it and saves it with its revision, retrying on a
/// concurrent save (the edit is re-applied to the newer version). Then back to where the
/// edit came from ([`Back`], made by `back` from the journey as saved): for the editor's
/// script a JSON answer, for a plain form a redirect to the card with a notice. The API makes
/// its edits through the same [`taith_app::journeys::edit::edit_journey`].
async fn apply_edit<F, R>(
    state: &AppState,
    m: &Member,
    id: JourneyId,
    fetch: Fetch,
    edit: F,
    back: impl FnOnce(&Journey, R) -> Back,
) -> Result<Response, PageError>
where
    F: FnMut(&mut Journey, &[taith_domain::Member], &[Persona]) -> Result<R, EditError>,
{
    use taith_app::journeys::edit::{EditFailed, edit_journey};
    let tr = m.tr();
    match edit_journey(&*state.store, m.workspace.id, id, &m.author(), edit).await {
        Ok((saved, out)) => {
            let back = back(&saved, out);
            if fetch.0 {
                let message = back
                    .query
                    .strip_prefix("saved=")
                    .and_then(saved_key)
                    .map_or_else(|| tr.t("editor-status-saved"), |k| tr.t(k));
                Ok(axum::Json(serde_json::json!({
                    "ok": true,
                    "message": message,
                    "version": saved.version,
                    "card": back.card,
                }))
                .into_response())
            } else {
                Ok(Redirect::to(&format!(
                    "{}/journeys/{}/edit?{}#{}",
                    m.base(),
                    id,
                    back.query,
                    back.anchor
                ))
                .into_response())
            }
        }
        Err(EditFailed::Rejected(EditError::Invalid(failed))) => {
            if fetch.0 {
                let errors: Vec<serde_json::Value> = failed
                    .form()
                    .errors()
                    .map(|(field, message)| serde_json::json!({ "field": field, "message": message }))
                    .collect();
                Ok((
                    axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                    axum::Json(serde_json::json!({
                        "ok": false,
                        "message": tr.t("editor-status-invalid"),
                        "errors": errors,
                    })),
                )
                    .into_response())
            } else {
                render_edit(state, m, id, Some(failed), None).await
            }
        }
        Err(EditFailed::Rejected(EditError::Page(p))) => Err(p),
        // Every attempt lost a race with another save: a conflict page, not a silent no-op.
        Err(EditFailed::Store(e)) => Err(PageError::from_store(e, tr)),
    }
}

fn journey_error(e: JourneyError, tr: &Tr) -> EditError {
    match e {
        JourneyError::StageNotFound | JourneyError::TouchpointNotFound => {
            EditError::Page(PageError::not_found(tr))
        }
        JourneyError::NotAPermutation => EditError::Page(PageError::bad_request(tr)),
    }
}

#[derive(Debug, Deserialize)]
pub struct DetailsInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    persona_id: String,
}

pub async fn update_details(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    fetch: Fetch,
    CsrfForm(input): CsrfForm<DetailsInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    apply_edit(
        &state,
        &m,
        id,
        fetch,
        |j, _, personas| {
            let mut e = ValidationErrors::default();
            let name = e.check("name", Name::parse(&input.name));
            let description = e.check("description", LongText::parse(&input.description));
            let persona_id = e.check("persona_id", parse_persona(&input.persona_id, personas));
            match (name, description, persona_id) {
                (Some(name), Some(description), Some(persona_id)) => {
                    j.fields = JourneyFields {
                        name,
                        description,
                        persona_id,
                    };
                    Ok(())
                }
                _ => Err(EditError::Invalid(Failed::Details(
                    FormView::new()
                        .with("name", &input.name)
                        .with("description", &input.description)
                        .with("persona_id", &input.persona_id)
                        .with_errors(&e, &tr),
                ))),
            }
        },
        |j, ()| {
            Back::saved("details", "details".into())
                .with_card(serde_json::json!({ "name": j.fields.name.as_str() }))
        },
    )
    .await
}

/// Deletes a journey. It stays in the store's trash for a while: the list it returns to
/// offers to bring it back.
pub async fn delete(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let id: JourneyId = parse_id(&id, m.tr())?;
    state
        .store
        .delete_journey(m.workspace.id, id)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?;
    Ok(Redirect::to(&format!("{}?deleted={id}", m.base())).into_response())
}

/// Brings a journey deleted a moment ago back, with its history.
pub async fn undelete(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    use taith_app::journeys::UndoFailed;
    m.require(Action::EditJourneys)?;
    let id: JourneyId = parse_id(&id, m.tr())?;
    let done = taith_app::journeys::trash::undelete_journey(
        state.store.as_ref(),
        m.workspace.id,
        id,
        taith_domain::now(),
    )
    .await;
    let to = match done {
        Ok(_) => format!("{}/journeys/{id}/edit?undo=journey", m.base()),
        Err(UndoFailed::TooLate) => format!("{}?undo=late", m.base()),
        // Back already, or no such journey here at all (as for any unknown id: not found).
        Err(UndoFailed::NothingToUndo) => match state.store.journey(m.workspace.id, id).await {
            Ok(_) => format!("{}?undo=nothing", m.base()),
            Err(e) => return Err(PageError::from_store(e, m.tr())),
        },
        Err(UndoFailed::Store(e)) => return Err(PageError::from_store(e, m.tr())),
    };
    Ok(Redirect::to(&to).into_response())
}

pub async fn add_stage(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    fetch: Fetch,
    CsrfForm(input): CsrfForm<StageInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    apply_edit(
        &state,
        &m,
        id,
        fetch,
        |j, _, _| match input.parse() {
            Ok(fields) => Ok(j.add_stage(fields)),
            Err(e) => Err(EditError::Invalid(Failed::NewStage(
                stage_input_form(&input).with_errors(&e, &tr),
            ))),
        },
        |_, stage| Back::saved("stage-added", format!("stage-{stage}")),
    )
    .await
}

pub async fn update_stage(
    State(state): State<AppState>,
    m: Member,
    Path((_, id, stage)): Path<(String, String, String)>,
    fetch: Fetch,
    CsrfForm(input): CsrfForm<StageInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    let stage: StageId = parse_id(&stage, &tr)?;
    apply_edit(
        &state,
        &m,
        id,
        fetch,
        |j, _, _| match input.parse() {
            Ok(fields) => j
                .update_stage(stage, fields)
                .map_err(|e| journey_error(e, &tr)),
            Err(e) => Err(EditError::Invalid(Failed::Stage(
                stage,
                stage_input_form(&input).with_errors(&e, &tr),
            ))),
        },
        |j, ()| {
            let name = j.stage(stage).map(|s| s.fields.name.to_string());
            Back::saved("stage", format!("stage-{stage}"))
                .with_card(serde_json::json!({ "name": name }))
        },
    )
    .await
}

#[derive(Debug, Deserialize)]
pub struct MoveInput {
    /// `earlier` or `later`.
    #[serde(default)]
    direction: String,
}

pub async fn move_stage(
    State(state): State<AppState>,
    m: Member,
    Path((_, id, stage)): Path<(String, String, String)>,
    fetch: Fetch,
    CsrfForm(input): CsrfForm<MoveInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    let stage: StageId = parse_id(&stage, &tr)?;
    apply_edit(
        &state,
        &m,
        id,
        fetch,
        |j, _, _| {
            let pos = j
                .stages
                .iter()
                .position(|s| s.id == stage)
                .ok_or_else(|| EditError::Page(PageError::not_found(&tr)))?;
            let to = match input.direction.as_str() {
                "earlier" => pos.saturating_sub(1),
                "later" => pos + 1,
                _ => return Err(EditError::Page(PageError::bad_request(&tr))),
            };
            j.move_stage(stage, to).map_err(|e| journey_error(e, &tr))
        },
        |_, ()| Back::saved("moved", format!("stage-{stage}")),
    )
    .await
}

/// Where a deletion returns to: the notice that offers to undo it.
fn deleted(j: &Journey) -> Back {
    Back {
        anchor: "editor-notice".into(),
        query: format!("deleted={}", j.version),
        card: serde_json::Value::Null,
    }
}

pub async fn delete_stage(
    State(state): State<AppState>,
    m: Member,
    Path((_, id, stage)): Path<(String, String, String)>,
    fetch: Fetch,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    let stage: StageId = parse_id(&stage, &tr)?;
    apply_edit(
        &state,
        &m,
        id,
        fetch,
        |j, _, _| j.remove_stage(stage).map_err(|e| journey_error(e, &tr)),
        |j, ()| deleted(j),
    )
    .await
}

fn member_ids(members: &[taith_domain::Member]) -> Vec<UserId> {
    members.iter().map(|m| m.user.id).collect()
}

pub async fn add_touchpoint(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    fetch: Fetch,
    CsrfForm(input): CsrfForm<TouchpointInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    apply_edit(
        &state,
        &m,
        id,
        fetch,
        |j, members, _| match input.parse(&member_ids(members)) {
            Ok((stage, fields)) => j
                .add_touchpoint(stage, fields)
                .map_err(|e| journey_error(e, &tr)),
            Err(e) => {
                let stage = input
                    .stage_id
                    .parse::<StageId>()
                    .map_err(|_| EditError::Page(PageError::not_found(&tr)))?;
                Err(EditError::Invalid(Failed::NewTouchpoint(
                    stage,
                    touchpoint_input_form(&input).with_errors(&e, &tr),
                )))
            }
        },
        |_, tp| Back::saved("touchpoint-added", format!("touchpoint-{tp}")),
    )
    .await
}

pub async fn update_touchpoint(
    State(state): State<AppState>,
    m: Member,
    Path((_, id, tp)): Path<(String, String, String)>,
    fetch: Fetch,
    CsrfForm(input): CsrfForm<TouchpointInput>,
) -> Result<Response, PageError> {
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    let tp: TouchpointId = parse_id(&tp, &tr)?;
    let editor = m.may(Action::EditJourneys);
    let member = m.clone();
    apply_edit(
        &state,
        &m,
        id,
        fetch,
        |j, members, _| {
            let current = j
                .touchpoint(tp)
                .cloned()
                .ok_or_else(|| EditError::Page(PageError::not_found(&tr)))?;
            if !editor && !owns(&member, &current) {
                return Err(EditError::Page(PageError::forbidden(&tr)));
            }
            match input.parse(&member_ids(members)) {
                Ok((stage, mut fields)) => {
                    // An agent edits their touchpoint's content, not who owns it or where it sits.
                    let stage = if editor { stage } else { current.stage_id };
                    if !editor {
                        fields.owner = current.fields.owner.clone();
                    }
                    j.update_touchpoint(tp, stage, fields)
                        .map_err(|e| journey_error(e, &tr))?;
                    Ok(j.touchpoint(tp).map(|t| touchpoint_card(t, members, &tr)))
                }
                Err(e) => Err(EditError::Invalid(Failed::Touchpoint(
                    tp,
                    touchpoint_input_form(&input).with_errors(&e, &tr),
                ))),
            }
        },
        |_, card| {
            Back::saved("touchpoint", format!("touchpoint-{tp}"))
                .with_card(serde_json::to_value(card).unwrap_or_default())
        },
    )
    .await
}

pub async fn delete_touchpoint(
    State(state): State<AppState>,
    m: Member,
    Path((_, id, tp)): Path<(String, String, String)>,
    fetch: Fetch,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    let tp: TouchpointId = parse_id(&tp, &tr)?;
    apply_edit(
        &state,
        &m,
        id,
        fetch,
        |j, _, _| j.remove_touchpoint(tp).map_err(|e| journey_error(e, &tr)),
        |j, ()| deleted(j),
    )
    .await
}

/// Undoes the deletion saved as `version`, while it is recent: what it removed is put back
/// where it was, keeping what was saved since.
pub async fn undo(
    State(state): State<AppState>,
    m: Member,
    Path((_, id, version)): Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    use taith_app::journeys::UndoFailed;
    m.require(Action::EditJourneys)?;
    let tr = m.tr();
    let id: JourneyId = parse_id(&id, tr)?;
    let version: i64 = parse_id(&version, tr)?;
    let done = taith_app::journeys::history::undo_deletion(
        state.store.as_ref(),
        m.workspace.id,
        id,
        version,
        &m.author(),
        taith_domain::now(),
    )
    .await;
    let (query, anchor) = match done {
        Ok((_, back)) => (
            "undo=done",
            back.stages
                .first()
                .map(|s| format!("stage-{s}"))
                .or_else(|| back.touchpoints.first().map(|t| format!("touchpoint-{t}")))
                .unwrap_or_else(|| "editor-notice".into()),
        ),
        Err(UndoFailed::TooLate) => ("undo=late", "editor-notice".into()),
        Err(UndoFailed::NothingToUndo) => ("undo=nothing", "editor-notice".into()),
        Err(UndoFailed::Store(e)) => return Err(PageError::from_store(e, tr)),
    };
    Ok(Redirect::to(&format!("{}/journeys/{id}/edit?{query}#{anchor}", m.base())).into_response())
}

// --- history ----------------------------------------------------------------------------------

#[derive(Debug)]
pub struct RevisionRow {
    pub version: i64,
    /// "by whom, when", worded.
    pub by: String,
    pub changes: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "journeys/revisions.html")]
pub struct RevisionsPage {
    l: Layout,
    id: String,
    name: String,
    revisions: Vec<RevisionRow>,
    current: i64,
    can_edit: bool,
    notice: Option<Notice>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RevisionsQuery {
    /// The version just restored.
    #[serde(default)]
    restored: String,
}

pub async fn revisions(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<RevisionsQuery>,
) -> Result<RevisionsPage, PageError> {
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    let journey = state
        .store
        .journey(m.workspace.id, id)
        .await
        .map_err(|e| PageError::from_store(e, &tr))?;
    let revisions = state
        .store
        .revisions(m.workspace.id, id)
        .await
        .map_err(|e| PageError::from_store(e, &tr))?;
    let notice = q.restored.parse::<i64>().ok().map(|v| {
        Notice::done(tr.ta(
            "history-restored",
            &[
                ("version", v.to_string()),
                ("current", journey.version.to_string()),
            ],
        ))
    });
    Ok(RevisionsPage {
        id: id.to_string(),
        name: journey.fields.name.to_string(),
        current: journey.version,
        revisions: revisions
            .into_iter()
            .map(|r| RevisionRow {
                version: r.version,
                by: tr.ta(
                    "history-by",
                    &[
                        ("author", r.author.clone()),
                        ("when", tr.datetime(r.created_at)),
                    ],
                ),
                changes: r.changes.iter().map(|c| describe_change(c, &tr)).collect(),
            })
            .collect(),
        can_edit: m.may(Action::EditJourneys),
        notice,
        l: m.layout("journeys"),
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "journeys/revision.html")]
pub struct RevisionPage {
    l: Layout,
    id: String,
    map: MapView,
    version: i64,
    /// What restoring this version does, in words.
    restore_explained: String,
    by: String,
    changes: Vec<String>,
    is_current: bool,
    can_edit: bool,
}

pub async fn revision(
    State(state): State<AppState>,
    m: Member,
    Path((_, id, version)): Path<(String, String, String)>,
) -> Result<RevisionPage, PageError> {
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    let version: i64 = parse_id(&version, &tr)?;
    let current = state
        .store
        .journey(m.workspace.id, id)
        .await
        .map_err(|e| PageError::from_store(e, &tr))?;
    let r = state
        .store
        .revision(m.workspace.id, id, version)
        .await
        .map_err(|e| PageError::from_store(e, &tr))?;
    let members = state
        .store
        .members(m.workspace.id)
        .await
        .map_err(|e| PageError::from_store(e, &tr))?;
    Ok(RevisionPage {
        id: id.to_string(),
        map: map_view(&r.journey, None, &members, &tr),
        version,
        restore_explained: tr.ta(
            "history-restore-explained",
            &[
                ("version", version.to_string()),
                ("next", (current.version + 1).to_string()),
            ],
        ),
        by: tr.ta(
            "history-by",
            &[
                ("author", r.revision.author.clone()),
                ("when", tr.datetime(r.revision.created_at)),
            ],
        ),
        changes: r
            .revision
            .changes
            .iter()
            .map(|c| describe_change(c, &tr))
            .collect(),
        is_current: current.version == version,
        can_edit: m.may(Action::EditJourneys),
        l: m.layout("journeys"),
    })
}

/// Makes an old version the current one, as a new save (history is never rewritten), then
/// back to the history, which says what was restored.
pub async fn restore(
    State(state): State<AppState>,
    m: Member,
    Path((_, id, version)): Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr();
    let id: JourneyId = parse_id(&id, tr)?;
    let version: i64 = parse_id(&version, tr)?;
    taith_app::journeys::history::restore_revision(
        state.store.as_ref(),
        m.workspace.id,
        id,
        version,
        &m.author(),
    )
    .await
    .map_err(|e| PageError::from_store(e, tr))?;
    Ok(Redirect::to(&format!(
        "{}/journeys/{id}/revisions?restored={version}",
        m.base()
    ))
    .into_response())
}
