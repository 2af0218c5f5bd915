//! The personas pages: list, create, edit, delete.

use crate::AppState;
use crate::http::ctx::{CsrfForm, Member};
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::journeys::pages::parse_id;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use taith_domain::persona::PersonaInput;
use taith_domain::{Action, PersonaId};
use taith_store::PageRequest;

#[derive(Template, WebTemplate)]
#[template(path = "personas/list.html")]
pub struct PersonasPage {
    l: Layout,
    personas: Vec<taith_domain::Persona>,
    can_edit: bool,
}

pub async fn personas(State(state): State<AppState>, m: Member) -> Result<PersonasPage, PageError> {
    let personas = state
        .store
        .personas(m.workspace.id, PageRequest::all())
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?
        .items;
    Ok(PersonasPage {
        can_edit: m.may(Action::EditJourneys),
        l: m.layout("personas"),
        personas,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "personas/form.html")]
pub struct PersonaFormPage {
    l: Layout,
    form: FormView,
    /// The persona's id when editing; empty for a new one.
    id: String,
    fields: Vec<(&'static str, String)>,
}

const PERSONA_TEXT_FIELDS: [&str; 6] = [
    "description",
    "needs",
    "goals",
    "behaviours",
    "pains",
    "demographics",
];

fn persona_page(m: &Member, id: String, form: FormView) -> PersonaFormPage {
    let fields = PERSONA_TEXT_FIELDS
        .iter()
        .map(|f| (*f, m.tr().t(&format!("field-{f}"))))
        .collect();
    PersonaFormPage {
        l: m.layout("personas"),
        form,
        id,
        fields,
    }
}

fn persona_input_form(i: &PersonaInput) -> FormView {
    FormView::new()
        .with("name", &i.name)
        .with("description", &i.description)
        .with("needs", &i.needs)
        .with("goals", &i.goals)
        .with("behaviours", &i.behaviours)
        .with("pains", &i.pains)
        .with("demographics", &i.demographics)
}

pub async fn new_persona(m: Member) -> Result<PersonaFormPage, PageError> {
    m.require(Action::EditJourneys)?;
    Ok(persona_page(&m, String::new(), FormView::new()))
}

pub async fn create_persona(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(input): CsrfForm<PersonaInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    match input.parse() {
        Ok(fields) => {
            state
                .store
                .create_persona(m.workspace.id, &fields)
                .await
                .map_err(|e| PageError::from_store(e, m.tr()))?;
            Ok(Redirect::to(&format!("{}/personas", m.base())).into_response())
        }
        Err(e) => {
            let form = persona_input_form(&input).with_errors(&e, m.tr());
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                persona_page(&m, String::new(), form),
            )
                .into_response())
        }
    }
}

pub async fn edit_persona(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
) -> Result<PersonaFormPage, PageError> {
    m.require(Action::EditJourneys)?;
    let id: PersonaId = parse_id(&id, m.tr())?;
    let p = state
        .store
        .persona(m.workspace.id, id)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?;
    let f = &p.fields;
    let form = FormView::new()
        .with("name", &f.name)
        .with("description", &f.description)
        .with("needs", &f.needs)
        .with("goals", &f.goals)
        .with("behaviours", &f.behaviours)
        .with("pains", &f.pains)
        .with("demographics", &f.demographics);
    Ok(persona_page(&m, id.to_string(), form))
}

pub async fn update_persona(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(input): CsrfForm<PersonaInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let id: PersonaId = parse_id(&id, m.tr())?;
    match input.parse() {
        Ok(fields) => {
            state
                .store
                .update_persona(m.workspace.id, id, &fields)
                .await
                .map_err(|e| PageError::from_store(e, m.tr()))?;
            Ok(Redirect::to(&format!("{}/personas", m.base())).into_response())
        }
        Err(e) => {
            let form = persona_input_form(&input).with_errors(&e, m.tr());
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                persona_page(&m, id.to_string(), form),
            )
                .into_response())
        }
    }
}

pub async fn delete_persona(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let id: PersonaId = parse_id(&id, m.tr())?;
    state
        .store
        .delete_persona(m.workspace.id, id)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?;
    Ok(Redirect::to(&format!("{}/personas", m.base())).into_response())
}
