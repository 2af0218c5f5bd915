//! The public help centre, `/h/{workspace_slug}`: the published articles by category, each
//! article in the reader's language (else the best other translation, with a note saying which
//! language it is in), and a search — no account, no JavaScript.
//!
//! - Language: `?lang=`, then the browser's (Accept-Language), as on the public board.
//! - A draft, a slug that is no article's and another workspace's article are the same 404;
//!   so is a workspace slug that does not exist.
//! - An article's body is the only `|safe` output: HTML made by
//!   `taith_app::articles::render` (pulldown-cmark, then ammonia).

use crate::AppState;
use crate::http::ctx::Visitor;
use crate::http::page_error::PageError;
use crate::respond::pages::Frame;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use taith_app::articles::{self, SafeHtml};
use taith_domain::{Slug, Workspace};
use taith_i18n::Tr;
use taith_store::StoreError;

/// A link to an article in a list.
#[derive(Debug)]
pub struct ArticleLink {
    pub title: String,
    /// The `lang` of the title: the reader's when their translation exists.
    pub lang: &'static str,
    pub href: String,
    /// The start of its text (search results only).
    pub snippet: String,
}

#[derive(Debug)]
pub struct Section {
    /// Empty: the articles in no category.
    pub name: String,
    pub id: String,
    pub articles: Vec<ArticleLink>,
}

#[derive(Template, WebTemplate)]
#[template(path = "articles/public_home.html")]
pub struct HomePage {
    r: Frame,
    slug: String,
    lang: &'static str,
    sections: Vec<Section>,
}

#[derive(Template, WebTemplate)]
#[template(path = "articles/public_article.html")]
pub struct ArticlePage {
    r: Frame,
    slug: String,
    lang: &'static str,
    title: String,
    /// The article's language.
    article_lang: &'static str,
    article_dir: &'static str,
    /// Set when the article is not in the reader's language: says which language it is in.
    other_language: Option<String>,
    category: Option<String>,
    html: SafeHtml,
}

#[derive(Template, WebTemplate)]
#[template(path = "articles/public_search.html")]
pub struct SearchPage {
    r: Frame,
    slug: String,
    lang: &'static str,
    query: String,
    results: Vec<ArticleLink>,
}

#[derive(Template, WebTemplate)]
#[template(path = "respond/message.html")]
pub struct NotHere {
    r: Frame,
    heading: String,
    message: String,
}

fn frame(t: Tr, title: String, business: &str, v: &Visitor) -> Frame {
    Frame {
        title,
        business: business.to_owned(),
        t,
        preview: false,
        languages: v.language_links(),
        kiosk: false,
        reset: None,
        embed: false,
        tabs: Vec::new(),
    }
}

async fn workspace(
    state: &AppState,
    slug: &str,
    v: &Visitor,
) -> Result<Option<Workspace>, PageError> {
    let Ok(slug) = Slug::parse(slug) else {
        return Ok(None);
    };
    match state.store.workspace_by_slug(&slug).await {
        Ok(w) => Ok(Some(w)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(PageError::from_store(e, &v.tr)),
    }
}

/// The 404 of the help centre: no such help centre, or no such (published) article.
fn not_here(v: &Visitor, business: &str) -> Response {
    let t = v.tr.clone();
    let page = NotHere {
        heading: t.t("articles-public-unknown-title"),
        message: t.t("articles-public-unknown"),
        r: Frame {
            languages: Vec::new(),
            ..frame(
                t.clone(),
                t.plain().t("articles-public-unknown-title"),
                business,
                v,
            )
        },
    };
    finish((StatusCode::NOT_FOUND, page).into_response())
}

/// Public pages of a business's own words change when it publishes: not kept by shared
/// caches beyond a revalidation.
fn finish(mut r: Response) -> Response {
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    r
}

fn article_href(ws: &Workspace, slug: &str, t: &Tr) -> String {
    format!("/h/{}/a/{slug}?lang={}", ws.slug, t.locale.tag())
}

/// The help centre's front page.
pub async fn home(
    State(state): State<AppState>,
    v: Visitor,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let Some(ws) = workspace(&state, &slug, &v).await? else {
        return Ok(not_here(&v, ""));
    };
    let t = v.tr.clone();
    let centre = articles::help_centre(state.store.as_ref(), ws.id, t.locale)
        .await
        .map_err(|e| PageError::from_store(e, &t))?;
    let sections = centre
        .sections
        .iter()
        .enumerate()
        .map(|(i, (c, items))| Section {
            name: c.as_ref().map(|c| c.name.to_string()).unwrap_or_default(),
            id: c
                .as_ref()
                .map(|c| format!("c-{}", c.slug))
                .unwrap_or_else(|| format!("c-other-{i}")),
            articles: items
                .iter()
                .filter_map(|a| {
                    let (l, tr) = a.translations.for_reader(t.locale)?;
                    Some(ArticleLink {
                        title: tr.title.to_string(),
                        lang: l.tag(),
                        href: article_href(&ws, a.slug.as_str(), &t),
                        snippet: String::new(),
                    })
                })
                .collect(),
        })
        .collect();
    let title = t
        .plain()
        .t1("articles-public-title", "business", ws.name.as_str());
    let page = HomePage {
        r: frame(t.clone(), title, ws.name.as_str(), &v),
        slug: ws.slug.to_string(),
        lang: t.locale.tag(),
        sections,
    };
    Ok(finish(page.into_response()))
}

/// One published article.
pub async fn article(
    State(state): State<AppState>,
    v: Visitor,
    Path((slug, article_slug)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let Some(ws) = workspace(&state, &slug, &v).await? else {
        return Ok(not_here(&v, ""));
    };
    let t = v.tr.clone();
    let a = match articles::read_published(state.store.as_ref(), ws.id, &article_slug, t.locale)
        .await
    {
        Ok(a) => a,
        Err(StoreError::NotFound) => return Ok(not_here(&v, ws.name.as_str())),
        Err(e) => return Err(PageError::from_store(e, &t)),
    };
    let other_language = (a.locale != t.locale).then(|| {
        t.t1(
            "articles-public-other-language",
            "language",
            a.locale.endonym(),
        )
    });
    let title = t.plain().ta(
        "articles-public-article-title",
        &[
            ("title", a.title.clone()),
            ("business", ws.name.to_string()),
        ],
    );
    let page = ArticlePage {
        r: frame(t.clone(), title, ws.name.as_str(), &v),
        slug: ws.slug.to_string(),
        lang: t.locale.tag(),
        title: a.title.clone(),
        article_lang: a.locale.tag(),
        article_dir: a.locale.direction().as_str(),
        other_language,
        category: a.category.as_ref().map(|c| c.name.to_string()),
        html: a.html,
    };
    Ok(finish(page.into_response()))
}

#[derive(Debug, Default, Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

/// The help centre's search.
pub async fn search(
    State(state): State<AppState>,
    v: Visitor,
    Path(slug): Path<String>,
    Query(q): Query<SearchQuery>,
) -> Result<Response, PageError> {
    let Some(ws) = workspace(&state, &slug, &v).await? else {
        return Ok(not_here(&v, ""));
    };
    let t = v.tr.clone();
    let query: String =
        q.q.chars()
            .take(articles::search::MAX_QUERY_CHARS)
            .collect();
    let found = articles::search_published(state.store.as_ref(), ws.id, &query, t.locale)
        .await
        .map_err(|e| PageError::from_store(e, &t))?;
    if found.is_empty() {
        // A FAQ gap: the owner's gaps page shows what the help centre could not answer.
        if let Err(e) =
            taith_app::bot::record_search_miss(state.store.as_ref(), ws.id, &query, t.locale).await
        {
            tracing::warn!(error = %e, "recording a help-centre search without results");
        }
    }
    let results = found
        .into_iter()
        .map(|f| ArticleLink {
            href: article_href(&ws, &f.slug, &t),
            title: f.title,
            lang: f.locale.tag(),
            snippet: f.snippet,
        })
        .collect();
    let title = t
        .plain()
        .t1("articles-public-search-title", "business", ws.name.as_str());
    let page = SearchPage {
        r: frame(t.clone(), title, ws.name.as_str(), &v),
        slug: ws.slug.to_string(),
        lang: t.locale.tag(),
        query: query.trim().to_owned(),
        results,
    };
    Ok(finish(page.into_response()))
}
