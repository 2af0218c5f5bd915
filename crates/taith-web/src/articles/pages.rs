//! The knowledge base's pages (`/w/{slug}/articles`): the articles with their status and
//! locales, the categories, a form with one title/body pair per locale, publishing and
//! deleting. Everyone reads them; owners and admins change them (`Action::EditJourneys`, as
//! sites: the help centre is the business's public face, set up by those who set up the
//! journeys).

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
use std::collections::BTreeMap;
use taith_app::articles::{self, ArticleError};
use taith_domain::{
    Action, Article, ArticleCategory, ArticleCategoryId, ArticleId, ArticleInput, ArticleStatus,
    Locale, TranslationInput, ValidationErrors,
};
use taith_i18n::Tr;
use taith_store::StoreError;

fn store_err(m: &Member) -> impl Fn(StoreError) -> PageError + '_ {
    move |e| PageError::from_store(e, m.tr())
}

fn status_name(tr: &Tr, s: ArticleStatus) -> String {
    tr.t(&format!("articles-status-{}", s.as_str()))
}

/// An article as the list shows it.
#[derive(Debug)]
pub struct ArticleRow {
    pub title: String,
    /// The `lang` of the title shown.
    pub lang: &'static str,
    pub status: &'static str,
    pub status_name: String,
    /// The locales it is written in, by their own names.
    pub locales: String,
    pub category: String,
    pub href: String,
}

/// A category as the list shows it.
#[derive(Debug)]
pub struct CategoryRow {
    pub name: String,
    pub articles: usize,
    pub delete_href: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "articles/list.html")]
pub struct ListPage {
    l: Layout,
    articles: Vec<ArticleRow>,
    categories: Vec<CategoryRow>,
    form: FormView,
    can_edit: bool,
    public_href: String,
}

fn category_name(categories: &[ArticleCategory], id: Option<ArticleCategoryId>) -> String {
    id.and_then(|id| categories.iter().find(|c| c.id == id))
        .map(|c| c.name.to_string())
        .unwrap_or_default()
}

async fn list_page(state: &AppState, m: &Member, form: FormView) -> Result<ListPage, PageError> {
    let tr = m.tr();
    let all = articles::list(state.store.as_ref(), m.workspace.id)
        .await
        .map_err(store_err(m))?;
    let categories = state
        .store
        .article_categories(m.workspace.id)
        .await
        .map_err(store_err(m))?;
    let rows = all
        .iter()
        .filter_map(|a| {
            let (l, t) = a.translations.for_reader(tr.locale)?;
            Some(ArticleRow {
                title: t.title.to_string(),
                lang: l.tag(),
                status: a.status.as_str(),
                status_name: status_name(tr, a.status),
                locales: a
                    .translations
                    .locales()
                    .map(|l| l.endonym())
                    .collect::<Vec<_>>()
                    .join(", "),
                category: category_name(&categories, a.category_id),
                href: format!("{}/articles/{}", m.base(), a.id),
            })
        })
        .collect();
    let category_rows = categories
        .iter()
        .map(|c| CategoryRow {
            name: c.name.to_string(),
            articles: all.iter().filter(|a| a.category_id == Some(c.id)).count(),
            delete_href: format!("{}/articles/categories/{}/delete", m.base(), c.id),
        })
        .collect();
    Ok(ListPage {
        articles: rows,
        categories: category_rows,
        form,
        can_edit: m.may(Action::EditJourneys),
        public_href: format!("/h/{}?lang={}", m.workspace.slug, tr.locale.tag()),
        l: m.layout("articles"),
    })
}

pub async fn list(State(state): State<AppState>, m: Member) -> Result<ListPage, PageError> {
    m.require(Action::Read)?;
    list_page(&state, &m, FormView::new()).await
}

pub async fn create_category(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let name = one(&pairs, "name");
    match articles::create_category(state.store.as_ref(), m.workspace.id, &name).await {
        Ok(_) => Ok(Redirect::to(&format!("{}/articles", m.base())).into_response()),
        Err(e) => {
            let errors = refused(e, &m)?;
            let form = FormView::new()
                .with("name", &name)
                .with_errors(&errors, m.tr());
            let page = list_page(&state, &m, form).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

pub async fn delete_category(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Redirect, PageError> {
    m.require(Action::EditJourneys)?;
    let id: ArticleCategoryId = parse_id(&id, m.tr())?;
    articles::delete_category(state.store.as_ref(), m.workspace.id, id)
        .await
        .map_err(store_err(&m))?;
    Ok(Redirect::to(&format!("{}/articles", m.base())))
}

// --- the form -------------------------------------------------------------------------------------

/// One locale's title and body in the form.
#[derive(Debug)]
pub struct LocaleRow {
    pub tag: &'static str,
    pub endonym: &'static str,
    pub dir: &'static str,
    pub title: String,
    pub body: String,
    pub title_error: Option<String>,
    pub body_error: Option<String>,
}

/// The article the form edits.
#[derive(Debug)]
pub struct ArticleHead {
    pub title: String,
    pub lang: &'static str,
    pub href: String,
    pub published: bool,
    pub status_name: String,
    /// Its address in the help centre.
    pub public_href: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "articles/article.html")]
pub struct ArticlePage {
    l: Layout,
    article: Option<ArticleHead>,
    form: FormView,
    rows: Vec<LocaleRow>,
    categories: Vec<(String, String)>,
    statuses: Vec<(&'static str, String)>,
    can_edit: bool,
    notice: Option<String>,
}

fn one(pairs: &[(String, String)], k: &str) -> String {
    pairs
        .iter()
        .filter(|(f, _)| f == k)
        .map(|(_, v)| v.clone())
        .next_back()
        .unwrap_or_default()
}

fn input_of(pairs: &[(String, String)]) -> ArticleInput {
    let translations: BTreeMap<String, TranslationInput> = Locale::ALL
        .into_iter()
        .map(|l| {
            (
                l.tag().to_owned(),
                TranslationInput {
                    title: one(pairs, &format!("title_{}", l.tag())),
                    body: one(pairs, &format!("body_{}", l.tag())),
                },
            )
        })
        .collect();
    ArticleInput {
        category_id: Some(one(pairs, "category_id")),
        status: one(pairs, "status"),
        translations,
        slug: Some(one(pairs, "slug")),
    }
}

fn input_from(a: &Article) -> ArticleInput {
    ArticleInput {
        category_id: a.category_id.map(|c| c.to_string()),
        status: a.status.as_str().to_owned(),
        translations: a
            .translations
            .iter()
            .map(|(l, t)| {
                (
                    l.tag().to_owned(),
                    TranslationInput {
                        title: t.title.to_string(),
                        body: t.body.clone(),
                    },
                )
            })
            .collect(),
        slug: Some(a.slug.to_string()),
    }
}

fn form_of(input: &ArticleInput, form: FormView) -> (FormView, Vec<LocaleRow>) {
    let form = form
        .with("status", &input.status)
        .with("category_id", input.category_id.clone().unwrap_or_default())
        .with("slug", input.slug.clone().unwrap_or_default());
    let rows = Locale::ALL
        .into_iter()
        .map(|l| {
            let t = input.translations.get(l.tag());
            let key = |part: &str| format!("translations.{}.{part}", l.tag());
            LocaleRow {
                tag: l.tag(),
                endonym: l.endonym(),
                dir: l.direction().as_str(),
                title: t.map(|t| t.title.clone()).unwrap_or_default(),
                body: t.map(|t| t.body.clone()).unwrap_or_default(),
                title_error: form.e(&key("title")).map(str::to_owned),
                body_error: form.e(&key("body")).map(str::to_owned),
            }
        })
        .collect();
    (form, rows)
}

async fn article_page(
    state: &AppState,
    m: &Member,
    article: Option<&Article>,
    input: &ArticleInput,
    form: FormView,
    done: &str,
) -> Result<ArticlePage, PageError> {
    let tr = m.tr();
    let categories = state
        .store
        .article_categories(m.workspace.id)
        .await
        .map_err(store_err(m))?
        .into_iter()
        .map(|c| (c.id.to_string(), c.name.to_string()))
        .collect();
    let (form, rows) = form_of(input, form);
    let notice = match done {
        "created" => Some(tr.t("articles-done-created")),
        "saved" => Some(tr.t("articles-done-saved")),
        "published" => Some(tr.t("articles-done-published")),
        "unpublished" => Some(tr.t("articles-done-unpublished")),
        _ => None,
    };
    let head = article.and_then(|a| {
        let (l, t) = a.translations.for_reader(tr.locale)?;
        Some(ArticleHead {
            title: t.title.to_string(),
            lang: l.tag(),
            href: format!("{}/articles/{}", m.base(), a.id),
            published: a.is_published(),
            status_name: status_name(tr, a.status),
            public_href: format!(
                "/h/{}/a/{}?lang={}",
                m.workspace.slug,
                a.slug,
                tr.locale.tag()
            ),
        })
    });
    Ok(ArticlePage {
        article: head,
        form,
        rows,
        categories,
        statuses: ArticleStatus::ALL
            .into_iter()
            .map(|s| (s.as_str(), status_name(tr, s)))
            .collect(),
        can_edit: m.may(Action::EditJourneys),
        notice,
        l: m.layout("articles"),
    })
}

/// The new-article form's prefill: `?title=` (and its `?locale=`, English by default), as
/// the FAQ gaps page's "write an article" links send a question customers asked.
#[derive(Debug, Default, Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    locale: Option<String>,
}

pub async fn new_form(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<NewQuery>,
) -> Result<ArticlePage, PageError> {
    m.require(Action::EditJourneys)?;
    let mut input = ArticleInput {
        status: ArticleStatus::Draft.as_str().to_owned(),
        ..ArticleInput::default()
    };
    if let Some(title) = q.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let locale = q
            .locale
            .as_deref()
            .and_then(Locale::from_tag)
            .unwrap_or(Locale::En);
        input.translations.insert(
            locale.tag().to_owned(),
            TranslationInput {
                title: title.chars().take(taith_domain::Name::MAX_CHARS).collect(),
                body: String::new(),
            },
        );
    }
    article_page(&state, &m, None, &input, FormView::new(), "").await
}

fn refused(e: ArticleError, m: &Member) -> Result<ValidationErrors, PageError> {
    match e {
        ArticleError::Invalid(v) => Ok(v),
        ArticleError::Store(s) => Err(PageError::from_store(s, m.tr())),
    }
}

pub async fn create(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let input = input_of(&pairs);
    match articles::create_article(state.store.as_ref(), m.workspace.id, &input).await {
        Ok(a) => Ok(
            Redirect::to(&format!("{}/articles/{}?done=created", m.base(), a.id)).into_response(),
        ),
        Err(e) => {
            let errors = refused(e, &m)?;
            let form = FormView::new().with_errors(&errors, m.tr());
            let page = article_page(&state, &m, None, &input, form, "").await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

async fn load(state: &AppState, m: &Member, id: &str) -> Result<Article, PageError> {
    let id: ArticleId = parse_id(id, m.tr())?;
    state
        .store
        .article(m.workspace.id, id)
        .await
        .map_err(store_err(m))
}

pub async fn show(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<DoneQuery>,
) -> Result<ArticlePage, PageError> {
    m.require(Action::Read)?;
    let article = load(&state, &m, &id).await?;
    let input = input_from(&article);
    article_page(&state, &m, Some(&article), &input, FormView::new(), &q.done).await
}

pub async fn update(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let article = load(&state, &m, &id).await?;
    let input = input_of(&pairs);
    match articles::update_article(state.store.as_ref(), m.workspace.id, article.id, &input).await {
        Ok(saved) => Ok(
            Redirect::to(&format!("{}/articles/{}?done=saved", m.base(), saved.id)).into_response(),
        ),
        Err(e) => {
            let errors = refused(e, &m)?;
            let form = FormView::new().with_errors(&errors, m.tr());
            let page = article_page(&state, &m, Some(&article), &input, form, "").await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// Publishes (`status=published`) or unpublishes (`status=draft`) an article.
pub async fn set_status(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Redirect, PageError> {
    m.require(Action::EditJourneys)?;
    let article = load(&state, &m, &id).await?;
    let status: ArticleStatus = one(&pairs, "status")
        .parse()
        .map_err(|_| PageError::bad_request(m.tr()))?;
    articles::set_status(state.store.as_ref(), m.workspace.id, article.id, status)
        .await
        .map_err(store_err(&m))?;
    let done = match status {
        ArticleStatus::Published => "published",
        ArticleStatus::Draft => "unpublished",
    };
    Ok(Redirect::to(&format!(
        "{}/articles/{}?done={done}",
        m.base(),
        article.id
    )))
}

pub async fn delete(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Redirect, PageError> {
    m.require(Action::EditJourneys)?;
    let article = load(&state, &m, &id).await?;
    articles::delete_article(state.store.as_ref(), m.workspace.id, article.id)
        .await
        .map_err(store_err(&m))?;
    Ok(Redirect::to(&format!("{}/articles", m.base())))
}
