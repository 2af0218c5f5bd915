//! The feature-request board over the API: list, create (from a comment too), read, vote,
//! link a comment, change the status, merge. Every rule is in `taith_app::feature_requests`.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody, ErrorCode};
use crate::http::extract::{ApiJson, ApiPath, Paging};
use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use std::collections::BTreeMap;
use taith_app::feature_requests::{self as fr, Refused};
use taith_domain::{
    Action, CustomerId, Email, FeatureRequestId, FeatureRequestInput, FeatureRequestStatus, Issue,
    Locale, Principal, PublicNote, ResponseId, ValidationErrors, Voter,
};
use taith_store::{FeatureRequestFilter, NewCustomer, StoreError};

impl From<Refused> for ApiError {
    fn from(e: Refused) -> Self {
        match e {
            Refused::Invalid(v) => v.into(),
            Refused::CannotMerge => ApiError::new(ErrorCode::Conflict),
            Refused::Store(s) => s.into(),
        }
    }
}

fn parse_in<T: std::str::FromStr<Err = Issue>>(field: &str, s: &str) -> Result<T, ApiError> {
    s.parse::<T>()
        .map_err(|i| ValidationErrors::one(field, i).into())
}

/// The workspace's requests (not those merged into another), oldest first; `?status=`
/// narrows them.
#[utoipa::path(
    get,
    path = "/api/v1/feature-requests",
    tag = "feature-requests",
    security(("bearer" = [])),
    params(wire::FeatureRequestListQuery, crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of requests", body = wire::FeatureRequestList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 422, description = "Bad `status`, `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_feature_requests(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
    RawQuery(query): RawQuery,
) -> Result<Json<wire::FeatureRequestList>, ApiError> {
    caller.require(Action::Read)?;
    let q: wire::FeatureRequestListQuery =
        serde_urlencoded::from_str(query.as_deref().unwrap_or_default())
            .map_err(|e| ApiError::bad_request(format!("the query string: {e}")))?;
    let status = match q.status.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(parse_in::<FeatureRequestStatus>("status", s)?),
    };
    let page = state
        .store
        .feature_requests(
            caller.workspace_id,
            FeatureRequestFilter {
                status,
                with_merged: false,
            },
            paging.request()?,
        )
        .await?;
    Ok(Json(wire::FeatureRequestList {
        feature_requests: page.items.iter().map(wire::FeatureRequest::from).collect(),
        next_cursor: page.next.map(|c| c.to_string()),
    }))
}

/// Adds a request, under review. With `response_id`, the request is made from that comment:
/// the comment and its customer stay linked and the customer's vote counts.
#[utoipa::path(
    post,
    path = "/api/v1/feature-requests",
    tag = "feature-requests",
    security(("bearer" = [])),
    request_body = wire::FeatureRequestCreate,
    responses(
        (status = 201, description = "The new request", body = wire::FeatureRequestResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to work the board (a viewer, a read token)", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "Invalid fields; a `response_id` of no response of this workspace is `not_found`", body = ErrorBody),
    )
)]
pub async fn create_feature_request(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::FeatureRequestCreate>,
) -> Result<(StatusCode, Json<wire::FeatureRequestResponse>), ApiError> {
    caller.require(Action::EditRequests)?;
    let body = body.into_inner()?;
    let ws = caller.workspace_id;
    let store = state.store.as_ref();
    let input = FeatureRequestInput {
        title: body.title,
        description: body.description,
    };
    let created = match body.response_id.as_deref().map(str::trim) {
        Some(rid) if !rid.is_empty() => {
            let rid: ResponseId = parse_in("response_id", rid)?;
            let fields = if input.title.trim().is_empty() {
                None
            } else {
                Some(input.parse()?)
            };
            fr::create_from_comment(store, ws, rid, fields).await?
        }
        _ => {
            let fields = input.parse()?;
            fr::create(store, ws, &fields, taith_domain::RequestSource::Staff).await?
        }
    };
    Ok((
        StatusCode::CREATED,
        Json(wire::FeatureRequestResponse {
            feature_request: (&created).into(),
        }),
    ))
}

/// One request, with the comments behind it. A merged request is still found, with
/// `merged_into` naming where it lives on.
#[utoipa::path(
    get,
    path = "/api/v1/feature-requests/{request_id}",
    tag = "feature-requests",
    security(("bearer" = [])),
    params(("request_id" = Uuid, Path, description = "The request's id")),
    responses(
        (status = 200, description = "The request", body = wire::FeatureRequestDetail),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such request in this workspace", body = ErrorBody),
    )
)]
pub async fn get_feature_request(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<FeatureRequestId>,
) -> Result<Json<wire::FeatureRequestDetail>, ApiError> {
    caller.require(Action::Read)?;
    let r = state.store.feature_request(caller.workspace_id, id).await?;
    let links = if caller.may(Action::ReadResponses) {
        Some(
            state
                .store
                .feature_request_links(caller.workspace_id, id)
                .await?
                .iter()
                .map(wire::RequestLink::from)
                .collect(),
        )
    } else {
        None
    };
    Ok(Json(wire::FeatureRequestDetail {
        feature_request: (&r).into(),
        links,
    }))
}

/// Votes for a request on a customer's behalf, or as the signed-in member. A voter counts
/// once; a vote for a merged request counts for the one it was merged into.
#[utoipa::path(
    post,
    path = "/api/v1/feature-requests/{request_id}/votes",
    tag = "feature-requests",
    security(("bearer" = [])),
    params(("request_id" = Uuid, Path, description = "The request's id")),
    request_body = wire::VoteCreate,
    responses(
        (status = 200, description = "The request and whether the vote was new", body = wire::VoteResult),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to work the board", body = ErrorBody),
        (status = 404, description = "No such request in this workspace", body = ErrorBody),
        (status = 422, description = "Invalid customer fields; a token must name a customer", body = ErrorBody),
    )
)]
pub async fn vote(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<FeatureRequestId>,
    body: ApiJson<wire::VoteCreate>,
) -> Result<Json<wire::VoteResult>, ApiError> {
    caller.require(Action::EditRequests)?;
    let ws = caller.workspace_id;
    let store = state.store.as_ref();
    fr::survivor(store, ws, id).await?;
    let body = body.into_inner()?;
    let voter = voter_of(&state, &caller, &body).await?;
    let (r, counted) = fr::vote(store, ws, id, &voter).await?;
    Ok(Json(wire::VoteResult {
        feature_request: (&r).into(),
        counted,
    }))
}

/// A field that was given and is not blank.
fn given(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Who a vote through the API is from.
async fn voter_of(
    state: &AppState,
    caller: &Caller,
    body: &wire::VoteCreate,
) -> Result<Voter, ApiError> {
    let ws = caller.workspace_id;
    if let Some(id) = given(&body.customer_id) {
        let id: CustomerId = parse_in("customer_id", id)?;
        return match state.store.customer(ws, id).await {
            Ok(c) => Ok(Voter::Customer(c.id)),
            Err(StoreError::NotFound) => {
                Err(ValidationErrors::one("customer_id", Issue::NotFound).into())
            }
            Err(e) => Err(e.into()),
        };
    }
    let external_id = given(&body.external_id).map(str::to_owned);
    let email = match given(&body.email) {
        Some(e) => Some(Email::parse(e).map_err(|i| ValidationErrors::one("email", i))?),
        None => None,
    };
    if external_id.is_some() || email.is_some() {
        let customer = NewCustomer {
            external_id,
            email,
            ..Default::default()
        };
        return Ok(fr::customer_voter(state.store.as_ref(), ws, &customer).await?);
    }
    match &caller.principal {
        Principal::Member { user, .. } => Ok(Voter::Member(user.id)),
        Principal::Token { .. } => {
            Err(ValidationErrors::one("customer_id", Issue::Required).into())
        }
    }
}

/// Links a comment (a response) to a request; its customer's vote counts.
#[utoipa::path(
    post,
    path = "/api/v1/feature-requests/{request_id}/responses",
    tag = "feature-requests",
    security(("bearer" = [])),
    params(("request_id" = Uuid, Path, description = "The request's id")),
    request_body = wire::LinkCreate,
    responses(
        (status = 200, description = "The request and whether the link was new", body = wire::LinkResult),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to work the board", body = ErrorBody),
        (status = 404, description = "No such request in this workspace", body = ErrorBody),
        (status = 422, description = "A `response_id` of no response of this workspace is `not_found`", body = ErrorBody),
    )
)]
pub async fn link_response(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<FeatureRequestId>,
    body: ApiJson<wire::LinkCreate>,
) -> Result<Json<wire::LinkResult>, ApiError> {
    caller.require(Action::EditRequests)?;
    let ws = caller.workspace_id;
    let store = state.store.as_ref();
    fr::survivor(store, ws, id).await?;
    let body = body.into_inner()?;
    let rid: ResponseId = parse_in("response_id", &body.response_id)?;
    let (r, linked) = fr::link_response(store, ws, id, rid).await?;
    Ok(Json(wire::LinkResult {
        feature_request: (&r).into(),
        linked,
    }))
}

/// Sets a request's status and the note customers read about it on the public board.
#[utoipa::path(
    put,
    path = "/api/v1/feature-requests/{request_id}/status",
    tag = "feature-requests",
    security(("bearer" = [])),
    params(("request_id" = Uuid, Path, description = "The request's id")),
    request_body = wire::StatusUpdate,
    responses(
        (status = 200, description = "The changed request", body = wire::FeatureRequestResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to decide about requests (owners and admins)", body = ErrorBody),
        (status = 404, description = "No such request in this workspace", body = ErrorBody),
        (status = 422, description = "An unknown status or locale, or a note too long (`public_note.<locale>`)", body = ErrorBody),
    )
)]
pub async fn set_status(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<FeatureRequestId>,
    body: ApiJson<wire::StatusUpdate>,
) -> Result<Json<wire::FeatureRequestResponse>, ApiError> {
    caller.require(Action::DecideRequests)?;
    let ws = caller.workspace_id;
    state.store.feature_request(ws, id).await?;
    let body = body.into_inner()?;
    let mut errors = ValidationErrors::default();
    let status = errors.check("status", body.status.parse::<FeatureRequestStatus>());
    let mut raw = BTreeMap::new();
    for (tag, text) in &body.public_note {
        match Locale::from_tag(tag) {
            Some(l) if l.tag() == tag.trim() => {
                raw.insert(l, text.clone());
            }
            _ => errors.push(format!("public_note.{tag}"), Issue::UnknownValue),
        }
    }
    let note = match PublicNote::parse(&raw) {
        Ok(n) => Some(n),
        Err((l, issue)) => {
            errors.push(format!("public_note.{}", l.tag()), issue);
            None
        }
    };
    let (Some(status), Some(note), true) = (status, note, errors.is_empty()) else {
        return Err(errors.into());
    };
    let r = fr::change_status(state.store.as_ref(), ws, id, status, &note).await?;
    Ok(Json(wire::FeatureRequestResponse {
        feature_request: (&r).into(),
    }))
}

/// Merges this request into another: its votes and comments move there (a voter behind both
/// counted once), and it points there from then on.
#[utoipa::path(
    post,
    path = "/api/v1/feature-requests/{request_id}/merge",
    tag = "feature-requests",
    security(("bearer" = [])),
    params(("request_id" = Uuid, Path, description = "The request merged away")),
    request_body = wire::MergeRequest,
    responses(
        (status = 200, description = "The survivor", body = wire::FeatureRequestResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to decide about requests (owners and admins)", body = ErrorBody),
        (status = 404, description = "No such request in this workspace", body = ErrorBody),
        (status = 409, description = "Into itself, or a request already merged away", body = ErrorBody),
        (status = 422, description = "`into` names no request of this workspace", body = ErrorBody),
    )
)]
pub async fn merge(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<FeatureRequestId>,
    body: ApiJson<wire::MergeRequest>,
) -> Result<Json<wire::FeatureRequestResponse>, ApiError> {
    caller.require(Action::DecideRequests)?;
    let ws = caller.workspace_id;
    state.store.feature_request(ws, id).await?;
    let body = body.into_inner()?;
    let into: FeatureRequestId = parse_in("into", &body.into)?;
    let r = fr::merge(state.store.as_ref(), ws, id, into).await?;
    Ok(Json(wire::FeatureRequestResponse {
        feature_request: (&r).into(),
    }))
}
