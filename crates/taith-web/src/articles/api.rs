//! The knowledge base over the API: list, create, read, replace, delete. Every rule is in
//! `taith_app::articles`.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath, Paging};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use taith_app::articles::{self, ArticleError};
use taith_domain::{Action, ArticleId};

impl From<ArticleError> for ApiError {
    fn from(e: ArticleError) -> Self {
        match e {
            ArticleError::Invalid(v) => v.into(),
            ArticleError::Store(s) => s.into(),
        }
    }
}

/// The workspace's articles, drafts too, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/articles",
    tag = "articles",
    security(("bearer" = [])),
    params(crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of articles", body = wire::ArticleList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 422, description = "Bad `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_articles(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
) -> Result<Json<wire::ArticleList>, ApiError> {
    caller.require(Action::Read)?;
    let all = state.store.articles(caller.workspace_id, false).await?;
    let (items, next_cursor) = paging.page_of(all, |a| a.id)?;
    Ok(Json(wire::ArticleList {
        articles: items.iter().map(wire::Article::from).collect(),
        next_cursor,
    }))
}

/// Makes an article, a draft or published.
#[utoipa::path(
    post,
    path = "/api/v1/articles",
    tag = "articles",
    security(("bearer" = [])),
    request_body = wire::ArticleWrite,
    responses(
        (status = 201, description = "The new article", body = wire::ArticleResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to change the knowledge base (owners, admins, write tokens)", body = ErrorBody),
        (status = 422, description = "Invalid fields (`status`, `translations.cy.title`, `translations.ar.body`, `category_id` …); a category of no other workspace is `not_found`", body = ErrorBody),
    )
)]
pub async fn create_article(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::ArticleWrite>,
) -> Result<(StatusCode, Json<wire::ArticleResponse>), ApiError> {
    caller.require(Action::EditJourneys)?;
    let input = body.into_inner()?.input();
    let article =
        articles::create_article(state.store.as_ref(), caller.workspace_id, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(wire::ArticleResponse {
            article: (&article).into(),
        }),
    ))
}

/// One article.
#[utoipa::path(
    get,
    path = "/api/v1/articles/{article_id}",
    tag = "articles",
    security(("bearer" = [])),
    params(("article_id" = Uuid, Path, description = "The article's id")),
    responses(
        (status = 200, description = "The article", body = wire::ArticleResponse),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such article in this workspace", body = ErrorBody),
    )
)]
pub async fn get_article(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<ArticleId>,
) -> Result<Json<wire::ArticleResponse>, ApiError> {
    caller.require(Action::Read)?;
    let article = state.store.article(caller.workspace_id, id).await?;
    Ok(Json(wire::ArticleResponse {
        article: (&article).into(),
    }))
}

/// Replaces an article's fields (publishing it with `status: published`, or taking it back
/// with `draft`); its slug stays unless one is sent.
#[utoipa::path(
    put,
    path = "/api/v1/articles/{article_id}",
    tag = "articles",
    security(("bearer" = [])),
    params(("article_id" = Uuid, Path, description = "The article's id")),
    request_body = wire::ArticleWrite,
    responses(
        (status = 200, description = "The changed article", body = wire::ArticleResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to change the knowledge base", body = ErrorBody),
        (status = 404, description = "No such article in this workspace", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
pub async fn update_article(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<ArticleId>,
    body: ApiJson<wire::ArticleWrite>,
) -> Result<Json<wire::ArticleResponse>, ApiError> {
    caller.require(Action::EditJourneys)?;
    let input = body.into_inner()?.input();
    let article =
        articles::update_article(state.store.as_ref(), caller.workspace_id, id, &input).await?;
    Ok(Json(wire::ArticleResponse {
        article: (&article).into(),
    }))
}

/// Deletes an article.
#[utoipa::path(
    delete,
    path = "/api/v1/articles/{article_id}",
    tag = "articles",
    security(("bearer" = [])),
    params(("article_id" = Uuid, Path, description = "The article's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to change the knowledge base", body = ErrorBody),
        (status = 404, description = "No such article in this workspace", body = ErrorBody),
    )
)]
pub async fn delete_article(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<ArticleId>,
) -> Result<StatusCode, ApiError> {
    caller.require(Action::EditJourneys)?;
    articles::delete_article(state.store.as_ref(), caller.workspace_id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
