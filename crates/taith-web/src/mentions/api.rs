//! Social mentions over the API: a connector posts them, a reader asks for a period's
//! figures. Every rule is in `taith_app::mentions`.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::ApiJson;
use crate::http::period::api_period;
use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use taith_app::mentions::{self, MentionsError};
use taith_domain::Action;

impl From<MentionsError> for ApiError {
    fn from(e: MentionsError) -> Self {
        match e {
            MentionsError::Invalid(v) => v.into(),
            MentionsError::Store(s) => s.into(),
        }
    }
}

/// Posts social mentions for listening: public posts, reviews and replies that name the
/// business (not direct messages: those are conversations). Each is scored for language and
/// sentiment and counted; alert rules on `mentions` fire on a spike. The batch is stored all
/// or none; a (source, external_id) already stored is not counted twice.
#[utoipa::path(
    post,
    path = "/api/v1/mentions",
    tag = "mentions",
    security(("bearer" = [])),
    request_body = wire::MentionsWrite,
    responses(
        (status = 201, description = "Stored (or already had)", body = wire::MentionsRecorded),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "A read-only token or a viewer", body = ErrorBody),
        (status = 422, description = "Invalid fields, named by place: `mentions[3].text` (required, too long), `mentions[0].source` (letters, digits, `_`, `-`), `mentions[1].url` (not http/https), `mentions[2].posted_at` (not a time, or more than a day ahead), `mentions[4].locale`, `mentions` (empty or more than 500)", body = ErrorBody),
    )
)]
pub async fn post_mentions(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::MentionsWrite>,
) -> Result<(StatusCode, Json<wire::MentionsRecorded>), ApiError> {
    caller.require(Action::SubmitResponses)?;
    let input = body.into_inner()?.input();
    let recorded = mentions::record(
        state.store.as_ref(),
        &state.app.voc,
        caller.workspace_id,
        &input,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(recorded.into())))
}

/// Mentions over a period: the count and its change from the period before, by source, day
/// and sentiment, the negative share with its interval, and the latest 50.
#[utoipa::path(
    get,
    path = "/api/v1/mentions",
    tag = "mentions",
    security(("bearer" = [])),
    params(
        ("period" = Option<String>, Query, description = "`7d`, `30d`, `90d` (default), `quarter`, `year`, or `custom` with `from` and `to`"),
        ("from" = Option<String>, Query, description = "First day (YYYY-MM-DD) of a custom period"),
        ("to" = Option<String>, Query, description = "Last day (YYYY-MM-DD) of a custom period, inclusive"),
    ),
    responses(
        (status = 200, description = "The period's mentions", body = wire::MentionsOverview),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "A viewer (who sees figures, not what people wrote)", body = ErrorBody),
        (status = 422, description = "Bad `period`, `from` or `to` (a range ending before it starts is `to`: `before_start`)", body = ErrorBody),
    )
)]
pub async fn get_mentions(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(query): RawQuery,
) -> Result<Json<wire::MentionsOverview>, ApiError> {
    // The latest mentions carry what people wrote and their names, as comments do.
    caller.require(Action::ReadResponses)?;
    let period = api_period(query.as_deref())?;
    let overview =
        mentions::overview(state.store.as_ref(), caller.workspace_id, &period, None).await?;
    Ok(Json((&overview).into()))
}
