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
}

pub async fn list(State(state): State<AppState>, m: Member) -> Result<JourneysPage, PageError> {
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
) -> Result<Response, PageError> {
    let id: JourneyId = parse_id(&id, m.tr())?;
    let loaded = load(&state, &m, id).await?;
    let view = map_view(
        &loaded.journey,
        loaded.persona.as_ref(),
        &loaded.members,
        m.tr(),
    );
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

/// One stage's form in the editor.
#[derive(Debug)]
pub struct StageEditor {
    pub id: String,
    pub form: FormView,
    pub touchpoints: Vec<TouchpointEditor>,
    pub new_touchpoint: FormView,
    pub first: bool,
    pub last: bool,
}

/// One touchpoint's form in the editor.
#[derive(Debug)]
pub struct TouchpointEditor {
    pub id: String,
    pub form: FormView,
    /// An agent may edit only the touchpoints they own.
    pub editable: bool,
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
}

/// Which form a failed submission came from, with what was typed.
enum Failed {
    Details(FormView),
    NewStage(FormView),
    Stage(StageId, FormView),
    NewTouchpoint(StageId, FormView),
    Touchpoint(TouchpointId, FormView),
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
                        editable: can_edit || owns(m, t),
                    }
                })
                .collect();
            StageEditor {
                id: s.id.to_string(),
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
    Ok((status, edit_page(m, &loaded, &personas, failed)).into_response())
}

pub async fn edit(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    m.require(Action::Read)?;
    let id: JourneyId = parse_id(&id, m.tr())?;
    render_edit(&state, &m, id, None).await
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

/// Loads a journey, applies `edit` to it and saves it with its revision, retrying on a
/// concurrent save (the edit is re-applied to the newer version). Then back to the editor.
/// The API makes its edits through the same [`taith_app::journeys::edit::edit_journey`].
async fn apply_edit<F>(
    state: &AppState,
    m: &Member,
    id: JourneyId,
    edit: F,
) -> Result<Response, PageError>
where
    F: FnMut(&mut Journey, &[taith_domain::Member], &[Persona]) -> Result<(), EditError>,
{
    use taith_app::journeys::edit::{EditFailed, edit_journey};
    match edit_journey(&*state.store, m.workspace.id, id, &m.author(), edit).await {
        Ok(_) => Ok(Redirect::to(&format!("{}/journeys/{}/edit", m.base(), id)).into_response()),
        Err(EditFailed::Rejected(EditError::Invalid(failed))) => {
            render_edit(state, m, id, Some(failed)).await
        }
        Err(EditFailed::Rejected(EditError::Page(p))) => Err(p),
        // Every attempt lost a race with another save: a conflict page, not a silent no-op.
        Err(EditFailed::Store(e)) => Err(PageError::from_store(e, m.tr())),
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
    CsrfForm(input): CsrfForm<DetailsInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    apply_edit(&state, &m, id, |j, _, personas| {
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
    })
    .await
}

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
    Ok(Redirect::to(&m.base()).into_response())
}

pub async fn add_stage(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(input): CsrfForm<StageInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    apply_edit(&state, &m, id, |j, _, _| match input.parse() {
        Ok(fields) => {
            j.add_stage(fields);
            Ok(())
        }
        Err(e) => Err(EditError::Invalid(Failed::NewStage(
            stage_input_form(&input).with_errors(&e, &tr),
        ))),
    })
    .await
}

pub async fn update_stage(
    State(state): State<AppState>,
    m: Member,
    Path((_, id, stage)): Path<(String, String, String)>,
    CsrfForm(input): CsrfForm<StageInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    let stage: StageId = parse_id(&stage, &tr)?;
    apply_edit(&state, &m, id, |j, _, _| match input.parse() {
        Ok(fields) => j
            .update_stage(stage, fields)
            .map_err(|e| journey_error(e, &tr)),
        Err(e) => Err(EditError::Invalid(Failed::Stage(
            stage,
            stage_input_form(&input).with_errors(&e, &tr),
        ))),
    })
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
    CsrfForm(input): CsrfForm<MoveInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    let stage: StageId = parse_id(&stage, &tr)?;
    apply_edit(&state, &m, id, |j, _, _| {
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
    })
    .await
}

pub async fn delete_stage(
    State(state): State<AppState>,
    m: Member,
    Path((_, id, stage)): Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    let stage: StageId = parse_id(&stage, &tr)?;
    apply_edit(&state, &m, id, |j, _, _| {
        j.remove_stage(stage).map_err(|e| journey_error(e, &tr))
    })
    .await
}

fn member_ids(members: &[taith_domain::Member]) -> Vec<UserId> {
    members.iter().map(|m| m.user.id).collect()
}

pub async fn add_touchpoint(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(input): CsrfForm<TouchpointInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    apply_edit(&state, &m, id, |j, members, _| {
        match input.parse(&member_ids(members)) {
            Ok((stage, fields)) => j
                .add_touchpoint(stage, fields)
                .map(|_| ())
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
        }
    })
    .await
}

pub async fn update_touchpoint(
    State(state): State<AppState>,
    m: Member,
    Path((_, id, tp)): Path<(String, String, String)>,
    CsrfForm(input): CsrfForm<TouchpointInput>,
) -> Result<Response, PageError> {
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    let tp: TouchpointId = parse_id(&tp, &tr)?;
    let editor = m.may(Action::EditJourneys);
    let member = m.clone();
    apply_edit(&state, &m, id, |j, members, _| {
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
                    .map_err(|e| journey_error(e, &tr))
            }
            Err(e) => Err(EditError::Invalid(Failed::Touchpoint(
                tp,
                touchpoint_input_form(&input).with_errors(&e, &tr),
            ))),
        }
    })
    .await
}

pub async fn delete_touchpoint(
    State(state): State<AppState>,
    m: Member,
    Path((_, id, tp)): Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    let tp: TouchpointId = parse_id(&tp, &tr)?;
    apply_edit(&state, &m, id, |j, _, _| {
        j.remove_touchpoint(tp).map_err(|e| journey_error(e, &tr))
    })
    .await
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
}

pub async fn revisions(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
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

/// Makes an old version the current one, as a new save (history is never rewritten).
pub async fn restore(
    State(state): State<AppState>,
    m: Member,
    Path((_, id, version)): Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let id: JourneyId = parse_id(&id, &tr)?;
    let version: i64 = parse_id(&version, &tr)?;
    let old = state
        .store
        .revision(m.workspace.id, id, version)
        .await
        .map_err(|e| PageError::from_store(e, &tr))?;
    let current = state
        .store
        .journey(m.workspace.id, id)
        .await
        .map_err(|e| PageError::from_store(e, &tr))?;
    let members = member_ids(
        &state
            .store
            .members(m.workspace.id)
            .await
            .map_err(|e| PageError::from_store(e, &tr))?,
    );
    let mut restored = old.journey;
    restored.version = current.version;
    // A persona deleted since then cannot be linked again.
    if let Some(p) = restored.fields.persona_id {
        match state.store.persona(m.workspace.id, p).await {
            Ok(_) => {}
            Err(StoreError::NotFound) => restored.fields.persona_id = None,
            Err(e) => return Err(PageError::from_store(e, &tr)),
        }
    }
    // An owner who has since left the workspace cannot own the restored touchpoint.
    for t in &mut restored.touchpoints {
        if matches!(&t.fields.owner, Some(Owner::Member { user_id }) if !members.contains(user_id))
        {
            t.fields.owner = None;
        }
    }
    let mut changes = vec![Change::Restored { version }];
    changes.extend(taith_domain::journey::diff(&current, &restored));
    state
        .store
        .save_journey(m.workspace.id, &restored, &m.author(), &changes)
        .await
        .map_err(|e| PageError::from_store(e, &tr))?;
    Ok(Redirect::to(&format!("{}/journeys/{}", m.base(), id)).into_response())
}
