//! Sites over the API: list, create, read, replace, delete. Every rule is in
//! `taith_app::events::sites`.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath, Paging};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use taith_app::events::sites::{self, SiteError};
use taith_domain::{Action, SiteId};

impl From<SiteError> for ApiError {
    fn from(e: SiteError) -> Self {
        match e {
            SiteError::Invalid(v) => v.into(),
            SiteError::Store(s) => s.into(),
        }
    }
}

/// The workspace's sites, by name.
#[utoipa::path(
    get,
    path = "/api/v1/sites",
    tag = "sites",
    security(("bearer" = [])),
    params(crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of sites", body = wire::SiteList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 422, description = "Bad `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_sites(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
) -> Result<Json<wire::SiteList>, ApiError> {
    caller.require(Action::Read)?;
    let all = state.store.sites(caller.workspace_id).await?;
    let (items, next_cursor) = paging.page_of(all, |s| s.id)?;
    Ok(Json(wire::SiteList {
        sites: items.iter().map(wire::Site::from).collect(),
        next_cursor,
    }))
}

/// Makes a site, with a new public key.
#[utoipa::path(
    post,
    path = "/api/v1/sites",
    tag = "sites",
    security(("bearer" = [])),
    request_body = wire::SiteWrite,
    responses(
        (status = 201, description = "The new site", body = wire::SiteResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to change the journeys' set-up (owners, admins, write tokens)", body = ErrorBody),
        (status = 422, description = "Invalid fields (`hostnames[1]`, `patterns[0].touchpoint_id` …); a touchpoint of no journey of this workspace is `not_found`", body = ErrorBody),
    )
)]
pub async fn create_site(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::SiteWrite>,
) -> Result<(StatusCode, Json<wire::SiteResponse>), ApiError> {
    caller.require(Action::EditJourneys)?;
    let input = body.into_inner()?.input();
    let site = sites::create_site(state.store.as_ref(), caller.workspace_id, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(wire::SiteResponse {
            site: (&site).into(),
        }),
    ))
}

/// One site.
#[utoipa::path(
    get,
    path = "/api/v1/sites/{site_id}",
    tag = "sites",
    security(("bearer" = [])),
    params(("site_id" = Uuid, Path, description = "The site's id")),
    responses(
        (status = 200, description = "The site", body = wire::SiteResponse),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such site in this workspace", body = ErrorBody),
    )
)]
pub async fn get_site(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<SiteId>,
) -> Result<Json<wire::SiteResponse>, ApiError> {
    caller.require(Action::Read)?;
    let site = state.store.site(caller.workspace_id, id).await?;
    Ok(Json(wire::SiteResponse {
        site: (&site).into(),
    }))
}

/// Replaces a site's fields (its key stays).
#[utoipa::path(
    put,
    path = "/api/v1/sites/{site_id}",
    tag = "sites",
    security(("bearer" = [])),
    params(("site_id" = Uuid, Path, description = "The site's id")),
    request_body = wire::SiteWrite,
    responses(
        (status = 200, description = "The changed site", body = wire::SiteResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to change the journeys' set-up", body = ErrorBody),
        (status = 404, description = "No such site in this workspace", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
pub async fn update_site(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<SiteId>,
    body: ApiJson<wire::SiteWrite>,
) -> Result<Json<wire::SiteResponse>, ApiError> {
    caller.require(Action::EditJourneys)?;
    let input = body.into_inner()?.input();
    let site = sites::update_site(state.store.as_ref(), caller.workspace_id, id, &input).await?;
    Ok(Json(wire::SiteResponse {
        site: (&site).into(),
    }))
}

/// Deletes a site: its tracker stops recording; its events stay.
#[utoipa::path(
    delete,
    path = "/api/v1/sites/{site_id}",
    tag = "sites",
    security(("bearer" = [])),
    params(("site_id" = Uuid, Path, description = "The site's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to change the journeys' set-up", body = ErrorBody),
        (status = 404, description = "No such site in this workspace", body = ErrorBody),
    )
)]
pub async fn delete_site(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<SiteId>,
) -> Result<StatusCode, ApiError> {
    caller.require(Action::EditJourneys)?;
    state.store.delete_site(caller.workspace_id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
