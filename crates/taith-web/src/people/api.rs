//! The caller's workspace and its members.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody, ErrorCode};
use crate::http::extract::{ApiJson, ApiPath, Paging};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use taith_domain::{Action, Issue, Role, UserId, ValidationErrors};
use taith_store::{ConflictKind, StoreError};

/// The workspace the caller acts in.
#[utoipa::path(
    get,
    path = "/api/v1/workspace",
    tag = "workspace",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The workspace", body = wire::WorkspaceResponse),
        (status = 401, description = "No valid credentials", body = ErrorBody),
    )
)]
pub async fn get_workspace(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<wire::WorkspaceResponse>, ApiError> {
    caller.require(Action::Read)?;
    let workspace = match caller.workspace {
        Some(w) => w,
        None => state.store.workspace(caller.workspace_id).await?,
    };
    Ok(Json(wire::WorkspaceResponse {
        workspace: (&workspace).into(),
    }))
}

/// The members of the workspace, by user id.
#[utoipa::path(
    get,
    path = "/api/v1/members",
    tag = "members",
    security(("bearer" = [])),
    params(crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of members", body = wire::MemberList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 422, description = "Bad `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_members(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
) -> Result<Json<wire::MemberList>, ApiError> {
    caller.require(Action::Read)?;
    let mut members = state.store.members(caller.workspace_id).await?;
    members.sort_by_key(|m| m.user.id);
    let (members, next_cursor) = paging.page_of(members, |m| m.user.id)?;
    Ok(Json(wire::MemberList {
        members: members.iter().map(wire::Member::from).collect(),
        next_cursor,
    }))
}

/// The member a write names, if the caller may change them. Members are listed to every
/// reader, so an unknown member is `404` before a missing permission is `403`, as for every
/// other id-bearing route. Admins may not change or remove owners.
async fn check_target(
    state: &AppState,
    caller: &Caller,
    target: UserId,
) -> Result<taith_domain::Member, ApiError> {
    caller.require(Action::Read)?;
    let members = state.store.members(caller.workspace_id).await?;
    let target = members
        .into_iter()
        .find(|m| m.user.id == target)
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound))?;
    caller.require(Action::ManageMembers)?;
    if target.role == Role::Owner && !is_owner(caller) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    Ok(target)
}

fn is_owner(caller: &Caller) -> bool {
    matches!(
        caller.principal,
        taith_domain::Principal::Member {
            role: Role::Owner,
            ..
        }
    )
}

fn last_owner(e: StoreError) -> ApiError {
    match e {
        StoreError::Conflict(ConflictKind::LastOwner) => ApiError::new(ErrorCode::Conflict),
        e => e.into(),
    }
}

/// Changes a member's role. Owners and admins only; only an owner hands out or takes away
/// the owner role; the last owner stays an owner (`409 conflict`).
#[utoipa::path(
    patch,
    path = "/api/v1/members/{user_id}",
    tag = "members",
    security(("bearer" = [])),
    params(("user_id" = Uuid, Path, description = "The member's user id")),
    request_body = wire::MemberUpdate,
    responses(
        (status = 200, description = "The member with the new role", body = wire::MemberResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to manage members, or this member, or to give this role", body = ErrorBody),
        (status = 404, description = "No such member", body = ErrorBody),
        (status = 409, description = "The workspace would be left without an owner", body = ErrorBody),
        (status = 422, description = "Unknown role", body = ErrorBody),
    )
)]
pub async fn update_member(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(user_id): ApiPath<UserId>,
    body: ApiJson<wire::MemberUpdate>,
) -> Result<Json<wire::MemberResponse>, ApiError> {
    let mut target = check_target(&state, &caller, user_id).await?;
    let input = body.into_inner()?;
    let role = input.role.parse::<Role>().map_err(|issue| {
        ValidationErrors::one(
            "role",
            if input.role.trim().is_empty() {
                Issue::Required
            } else {
                issue
            },
        )
    })?;
    if role == Role::Owner && !is_owner(&caller) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    state
        .store
        .set_member_role(caller.workspace_id, user_id, role)
        .await
        .map_err(last_owner)?;
    target.role = role;
    Ok(Json(wire::MemberResponse {
        member: (&target).into(),
    }))
}

/// Removes a member from the workspace (their account stays). The last owner cannot be
/// removed (`409 conflict`).
#[utoipa::path(
    delete,
    path = "/api/v1/members/{user_id}",
    tag = "members",
    security(("bearer" = [])),
    params(("user_id" = Uuid, Path, description = "The member's user id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to manage members, or this member", body = ErrorBody),
        (status = 404, description = "No such member", body = ErrorBody),
        (status = 409, description = "The workspace would be left without an owner", body = ErrorBody),
    )
)]
pub async fn remove_member(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(user_id): ApiPath<UserId>,
) -> Result<StatusCode, ApiError> {
    check_target(&state, &caller, user_id).await?;
    state
        .store
        .remove_member(caller.workspace_id, user_id)
        .await
        .map_err(last_owner)?;
    Ok(StatusCode::NO_CONTENT)
}
