//! The FAQ gaps page (`/w/{slug}/faq-gaps`): the questions no article answers, grouped, each
//! with a "write an article" link to the new-article form prefilled with the question; and
//! the bot's synonyms with a small form. Reading needs `ReadResponses` (the questions are
//! what customers wrote); changing synonyms `EditJourneys`, as the articles.
//!
//! Also the public question route the widget calls, `POST /h/{slug}/bot/ask` (JSON in and
//! out as the API's `POST /api/v1/bot/ask`, no sign-in; an unknown workspace is a 404).

use super::wire;
use crate::AppState;
use crate::http::ctx::{CsrfForm, Member, Visitor};
use crate::http::error::{ApiError, ErrorCode};
use crate::http::extract::ApiJson;
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::journeys::pages::parse_id;
use askama::Template;
use askama_web::WebTemplate;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use taith_app::bot::{self, BotError};
use taith_domain::bot::{GapSource, SynonymInput, split_expansions};
use taith_domain::{Action, BotSynonymId, Locale, Slug};
use taith_store::StoreError;

/// A group of questions as the page shows it.
#[derive(Debug)]
pub struct GapRow {
    pub question: String,
    pub count: u64,
    pub languages: String,
    pub sources: String,
    /// The examples other than the question itself.
    pub examples: Vec<String>,
    pub last_asked: String,
    pub write_href: String,
}

/// A synonym as the page shows it.
#[derive(Debug)]
pub struct SynonymRow {
    pub language: &'static str,
    pub lang: &'static str,
    pub term: String,
    pub expansions: String,
    pub delete_href: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "bot/gaps.html")]
pub struct GapsPage {
    l: Layout,
    gaps: Vec<GapRow>,
    synonyms: Vec<SynonymRow>,
    locales: Vec<(&'static str, &'static str)>,
    form: FormView,
    can_edit: bool,
}

fn store_err(m: &Member) -> impl Fn(StoreError) -> PageError + '_ {
    move |e| PageError::from_store(e, m.tr())
}

async fn gaps_page(state: &AppState, m: &Member, form: FormView) -> Result<GapsPage, PageError> {
    let tr = m.tr();
    let groups = bot::gaps::faq_gaps(
        state.store.as_ref(),
        Some(&state.app.webstats),
        m.workspace.id,
    )
    .await
    .map_err(store_err(m))?;
    let gaps = groups
        .iter()
        .map(|g| {
            let locale = g.locales.first().copied().unwrap_or(Locale::En);
            let query = serde_urlencoded::to_string([
                ("title", g.question.as_str()),
                ("locale", locale.tag()),
            ])
            .unwrap_or_default();
            GapRow {
                question: g.question.clone(),
                count: g.count,
                languages: g
                    .locales
                    .iter()
                    .map(|l| l.endonym())
                    .collect::<Vec<_>>()
                    .join(", "),
                sources: g
                    .sources
                    .iter()
                    .map(|s| tr.t(&format!("bot-source-{}", source_key(*s))))
                    .collect::<Vec<_>>()
                    .join(", "),
                examples: g.examples.iter().skip(1).cloned().collect(),
                last_asked: g.last_asked.map(|t| tr.datetime(t)).unwrap_or_default(),
                write_href: format!("{}/articles/new?{query}", m.base()),
            }
        })
        .collect();
    let synonyms = bot::synonyms(state.store.as_ref(), m.workspace.id)
        .await
        .map_err(store_err(m))?
        .iter()
        .map(|s| SynonymRow {
            language: s.locale.endonym(),
            lang: s.locale.tag(),
            term: s.term.clone(),
            expansions: s.expansions.join(", "),
            delete_href: format!("{}/faq-gaps/synonyms/{}/delete", m.base(), s.id),
        })
        .collect();
    Ok(GapsPage {
        gaps,
        synonyms,
        locales: Locale::ALL.iter().map(|l| (l.tag(), l.endonym())).collect(),
        form,
        can_edit: m.may(Action::EditJourneys),
        l: m.layout("faq_gaps"),
    })
}

fn source_key(s: GapSource) -> &'static str {
    match s {
        GapSource::Bot => "bot",
        GapSource::HelpSearch => "help-search",
        GapSource::SiteSearch => "site-search",
    }
}

pub async fn gaps(State(state): State<AppState>, m: Member) -> Result<GapsPage, PageError> {
    m.require(Action::ReadResponses)?;
    gaps_page(&state, &m, FormView::new()).await
}

fn one(pairs: &[(String, String)], k: &str) -> String {
    pairs
        .iter()
        .filter(|(f, _)| f == k)
        .map(|(_, v)| v.clone())
        .next_back()
        .unwrap_or_default()
}

pub async fn add_synonym(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let input = SynonymInput {
        locale: one(&pairs, "locale"),
        term: one(&pairs, "term"),
        expansions: split_expansions(&one(&pairs, "expansions")),
    };
    match bot::put_synonym(state.store.as_ref(), m.workspace.id, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("{}/faq-gaps#synonyms-h", m.base())).into_response()),
        Err(BotError::Invalid(errors)) => {
            let form = FormView::new()
                .with("locale", &input.locale)
                .with("term", &input.term)
                .with("expansions", one(&pairs, "expansions"))
                .with_errors(&errors, m.tr());
            let page = gaps_page(&state, &m, form).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(BotError::Store(e)) => Err(PageError::from_store(e, m.tr())),
    }
}

pub async fn delete_synonym(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Redirect, PageError> {
    m.require(Action::EditJourneys)?;
    let id: BotSynonymId = parse_id(&id, m.tr())?;
    bot::delete_synonym(state.store.as_ref(), m.workspace.id, id)
        .await
        .map_err(store_err(&m))?;
    Ok(Redirect::to(&format!("{}/faq-gaps#synonyms-h", m.base())))
}

/// The widget's question: as `POST /api/v1/bot/ask`, for a workspace named by its slug,
/// with no credentials. The visitor's page language is the locale when the body has none.
pub async fn public_ask(
    State(state): State<AppState>,
    v: Visitor,
    Path(slug): Path<String>,
    body: ApiJson<wire::AskRequest>,
) -> Result<Json<wire::AskResponse>, ApiError> {
    let ws = match Slug::parse(&slug) {
        Ok(s) => state.store.workspace_by_slug(&s).await?,
        Err(_) => return Err(ApiError::new(ErrorCode::NotFound)),
    };
    let mut input = body.into_inner()?.input();
    // Anyone may ask here, so nobody continues a conversation here: a conversation's id is
    // not a secret. A visitor's chat continues through its own token (`/e/{survey}/chat/…`).
    input.conversation_id = None;
    if input.locale.trim().is_empty() {
        input.locale = v.tr.locale.tag().to_owned();
    }
    let reply = state
        .app
        .bot
        .ask(state.store.as_ref(), ws.id, &input)
        .await
        .map_err(|e| match e {
            BotError::Invalid(v) => ApiError::from(v),
            BotError::Store(s) => ApiError::from(s),
        })?;
    Ok(Json((&reply).into()))
}
