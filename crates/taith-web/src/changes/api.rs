//! "You said, we did" over the API: list, record, read with notice counts. Every rule is in
//! `taith_app::changes`.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath, Paging};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use std::collections::BTreeMap;
use taith_app::changes::{self, Refused};
use taith_domain::{Action, ChangeId, ChangeInput, Issue, Locale, ValidationErrors};

impl From<Refused> for ApiError {
    fn from(e: Refused) -> Self {
        match e {
            Refused::Invalid(v) => v.into(),
            Refused::Store(s) => s.into(),
        }
    }
}

/// The workspace's changes, newest first, each with its notice counts.
#[utoipa::path(
    get,
    path = "/api/v1/changes",
    tag = "changes",
    security(("bearer" = [])),
    params(crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of changes", body = wire::ChangeList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 422, description = "Bad `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_changes(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
) -> Result<Json<wire::ChangeList>, ApiError> {
    caller.require(Action::Read)?;
    let page = changes::list(state.store.as_ref(), caller.workspace_id, paging.request()?).await?;
    Ok(Json(wire::ChangeList {
        changes: page.items.iter().map(wire::Change::from).collect(),
        next_cursor: page.next.map(|c| c.to_string()),
    }))
}

/// Records that the business acted on a feature request or a theme. The customers behind it
/// who are known by e-mail and have not opted out are each sent one notice, in their
/// language, by the notices worker; the change shows on the public "what we changed" page.
#[utoipa::path(
    post,
    path = "/api/v1/changes",
    tag = "changes",
    security(("bearer" = [])),
    request_body = wire::ChangeCreate,
    responses(
        (status = 201, description = "The change, with the notices it queued", body = wire::ChangeResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to record changes (only owners, admins and write tokens)", body = ErrorBody),
        (status = 422, description = "Invalid fields: no note in any locale (`note`), a note too long (`note_{locale}`), an unknown locale, a source of no request or theme of this workspace (`source_id: not_found`)", body = ErrorBody),
    )
)]
pub async fn create_change(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::ChangeCreate>,
) -> Result<(StatusCode, Json<wire::ChangeResponse>), ApiError> {
    caller.require(Action::RecordChanges)?;
    let body = body.into_inner()?;
    let mut note = BTreeMap::new();
    let mut errors = ValidationErrors::default();
    for (tag, text) in body.note {
        match Locale::from_tag(&tag) {
            Some(l) => {
                note.insert(l, text);
            }
            None => errors.push(format!("note_{tag}"), Issue::UnknownValue),
        }
    }
    errors.into_result()?;
    let input = ChangeInput {
        source_kind: body.source_kind,
        source_id: body.source_id,
        note,
    };
    let by = caller.principal.display_name();
    let change = changes::record(state.store.as_ref(), caller.workspace_id, &input, &by).await?;
    state.app.notices.wake();
    Ok((
        StatusCode::CREATED,
        Json(wire::ChangeResponse {
            change: (&change).into(),
        }),
    ))
}

/// One change with its notice counts.
#[utoipa::path(
    get,
    path = "/api/v1/changes/{change_id}",
    tag = "changes",
    security(("bearer" = [])),
    params(("change_id" = Uuid, Path, description = "The change's id")),
    responses(
        (status = 200, description = "The change", body = wire::ChangeResponse),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such change in this workspace", body = ErrorBody),
    )
)]
pub async fn get_change(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<ChangeId>,
) -> Result<Json<wire::ChangeResponse>, ApiError> {
    caller.require(Action::Read)?;
    let change = state.store.change(caller.workspace_id, id).await?;
    Ok(Json(wire::ChangeResponse {
        change: (&change).into(),
    }))
}
