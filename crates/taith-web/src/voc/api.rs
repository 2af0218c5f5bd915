//! The voice of the customer in the API: comments with their language, sentiment and themes;
//! the themes with their figures; the theme edits. The use-cases are
//! [`taith_app::voc`]'s, the filters are read by [`super::query::CommentParams`] as the
//! explorer page reads them.

use super::query::CommentParams;
use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath};
use crate::http::period::PeriodQuery;
use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use serde::Deserialize;
use taith_app::voc::comments::{self, CommentFilter, CountFilter, MAX_PAGE};
use taith_app::voc::themes::{self, ThemeChange, ThemeEditError};
use taith_domain::{Action, Issue, Period, ThemeId, ValidationErrors};

/// Comments per page when `limit` is not given.
const DEFAULT_LIMIT: u32 = 50;

/// The query string of the voice-of-the-customer endpoints as typed.
#[derive(Debug, Deserialize, Default)]
struct VocQuery {
    #[serde(flatten)]
    period: PeriodQuery,
    #[serde(flatten)]
    filters: CommentParams,
    #[serde(default)]
    limit: String,
    #[serde(default)]
    cursor: String,
    #[serde(default)]
    include_hidden: String,
}

fn read_query(raw: Option<&str>) -> Result<VocQuery, ApiError> {
    serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|_| ApiError::bad_request("the query string could not be read"))
}

/// The longest period asked for: ten years of weekly figures per theme is plenty, and a range
/// that reaches the end of the calendar cannot be bounded.
const MAX_PERIOD_DAYS: i64 = 3_660;

/// The period asked for (the pages' `period`, `from`, `to`), with its errors added to `e`.
fn period(q: &PeriodQuery, e: &mut ValidationErrors) -> Period {
    let today = taith_domain::now().date();
    let fallback = Period::preset(taith_domain::Preset::Days90, today);
    match Period::parse(&q.period, &q.from, &q.to, today) {
        Ok(p) if p.days() > MAX_PERIOD_DAYS || p.to >= time::Date::MAX => {
            e.push("from", Issue::TooLong);
            fallback
        }
        Ok(p) => p,
        Err(errors) => {
            e.0.extend(errors.0);
            fallback
        }
    }
}

/// The period and the metrics filters (survey, touchpoint, channel, locale), every bad one a
/// field error.
fn count_filter(q: &VocQuery) -> Result<CountFilter, ApiError> {
    let mut e = ValidationErrors::default();
    let period = period(&q.period, &mut e);
    let counts_only = CommentParams {
        survey: q.filters.survey.clone(),
        touchpoint: q.filters.touchpoint.clone(),
        channel: q.filters.channel.clone(),
        locale: q.filters.locale.clone(),
        ..CommentParams::default()
    };
    let filter = counts_only.counts(period).map_err(|f| e.0.extend(f.0)).ok();
    e.into_result()?;
    filter.ok_or_else(|| ValidationErrors::one("period", Issue::Invalid).into())
}

fn edit_error(e: ThemeEditError) -> ApiError {
    match e {
        ThemeEditError::Invalid(v) => v.into(),
        ThemeEditError::Store(e) => e.into(),
    }
}

/// The workspace's analysed comments, newest first: each with its language, sentiment and
/// themes. Comments still waiting for analysis (about a second after they are stored) are
/// not listed yet.
#[utoipa::path(
    get,
    path = "/api/v1/comments",
    tag = "comments",
    security(("bearer" = [])),
    params(wire::PeriodParams, wire::CountParams, wire::CommentFilterParams),
    responses(
        (status = 200, description = "A page of comments", body = wire::CommentList),
        (status = 400, description = "The query string could not be read (a parameter given twice)", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to read responses (a viewer)", body = ErrorBody),
        (status = 422, description = "A bad parameter, named in `details` (`language`, `sentiment`, `theme`, `band`, `survey`, `touchpoint`, `channel`, `locale`, `customer`, `q`, `period`, `from`, `to`, `limit`, `cursor`); a period longer than ten years is `from`: `too_long`", body = ErrorBody),
    )
)]
pub async fn list_comments(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Json<wire::CommentList>, ApiError> {
    caller.require(Action::ReadResponses)?;
    let mut q = read_query(raw.as_deref())?;
    let mut e = ValidationErrors::default();
    let period = period(&q.period, &mut e);
    let filter: Option<CommentFilter> = q.filters.filter(period).map_err(|f| e.0.extend(f.0)).ok();
    let limit = match q.limit.trim() {
        "" => DEFAULT_LIMIT,
        s => match s.parse::<u32>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
            _ => {
                e.push("limit", Issue::Invalid);
                DEFAULT_LIMIT
            }
        },
    };
    // The page's own `after` is the API's `cursor`, checked rather than dropped.
    q.filters.after = q.cursor.trim().to_owned();
    let after = q.filters.after();
    if !q.filters.after.is_empty() && after.is_none() {
        e.push("cursor", Issue::Invalid);
    }
    e.into_result()?;
    let Some(filter) = filter else {
        return Err(ValidationErrors::one("period", Issue::Invalid).into());
    };
    let page = comments::explore(
        state.store.as_ref(),
        caller.workspace_id,
        &filter,
        after,
        limit,
    )
    .await?;
    Ok(Json(wire::CommentList {
        comments: page.items.iter().map(wire::Comment::from).collect(),
        next_cursor: page.next.map(CommentParams::cursor),
    }))
}

/// The themes of the period's comments with their figures: mentions, share, sentiment, trend
/// and impact on the score; and where the text analytics stands (`learning`).
#[utoipa::path(
    get,
    path = "/api/v1/themes",
    tag = "themes",
    security(("bearer" = [])),
    params(wire::PeriodParams, wire::CountParams, wire::ThemeReportParams),
    responses(
        (status = 200, description = "The themes and their figures", body = wire::ThemeReport),
        (status = 400, description = "The query string could not be read (a parameter given twice)", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 422, description = "A bad parameter, named in `details`; a period longer than ten years is `from`: `too_long`", body = ErrorBody),
    )
)]
pub async fn list_themes(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Json<wire::ThemeReport>, ApiError> {
    caller.require(Action::Read)?;
    let q = read_query(raw.as_deref())?;
    let include_hidden = match q.include_hidden.trim() {
        "" | "false" => false,
        "true" => true,
        _ => return Err(ValidationErrors::one("include_hidden", Issue::Invalid).into()),
    };
    let filter = count_filter(&q)?;
    let store = state.store.as_ref();
    let ws = caller.workspace_id;
    let report = themes::report(store, ws, &filter, include_hidden).await?;
    let status = comments::learning_status(store, ws).await?;
    Ok(Json(wire::ThemeReport {
        comments: report.comments,
        themes: report
            .figures
            .iter()
            .map(wire::ThemeFigures::from)
            .collect(),
        learning: (&status).into(),
    }))
}

/// One theme (hidden or not) with its figures in the period.
#[utoipa::path(
    get,
    path = "/api/v1/themes/{theme_id}",
    tag = "themes",
    security(("bearer" = [])),
    params(("theme_id" = Uuid, Path, description = "The theme's id"), wire::PeriodParams, wire::CountParams),
    responses(
        (status = 200, description = "The theme and its figures", body = wire::ThemeFiguresResponse),
        (status = 400, description = "The query string could not be read", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such theme in this workspace", body = ErrorBody),
        (status = 422, description = "A bad parameter, named in `details`", body = ErrorBody),
    )
)]
pub async fn get_theme(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<ThemeId>,
    RawQuery(raw): RawQuery,
) -> Result<Json<wire::ThemeFiguresResponse>, ApiError> {
    caller.require(Action::Read)?;
    let store = state.store.as_ref();
    let ws = caller.workspace_id;
    // Another workspace's theme, or none: 404 before anything else is read.
    store.theme(ws, id).await?;
    let filter = count_filter(&read_query(raw.as_deref())?)?;
    let report = themes::report(store, ws, &filter, true).await?;
    let figure = report
        .figures
        .iter()
        .find(|f| f.theme.id == id)
        .ok_or(ApiError::new(crate::http::error::ErrorCode::NotFound))?;
    Ok(Json(wire::ThemeFiguresResponse {
        theme: figure.into(),
    }))
}

/// Makes a theme. Comments are matched against it again within seconds.
#[utoipa::path(
    post,
    path = "/api/v1/themes",
    tag = "themes",
    security(("bearer" = [])),
    request_body = wire::ThemeCreate,
    responses(
        (status = 201, description = "The new theme", body = wire::ThemeResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit themes", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "Invalid fields; a name another theme has is `taken`", body = ErrorBody),
    )
)]
pub async fn create_theme(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::ThemeCreate>,
) -> Result<(StatusCode, Json<wire::ThemeResponse>), ApiError> {
    caller.require(Action::EditJourneys)?;
    let body = body.into_inner()?;
    let phrases = body.phrases.map(|p| p.typed()).unwrap_or_default();
    let theme = themes::create(
        state.store.as_ref(),
        caller.workspace_id,
        &body.name,
        &phrases,
    )
    .await
    .map_err(edit_error)?;
    Ok((
        StatusCode::CREATED,
        Json(wire::ThemeResponse {
            theme: (&theme).into(),
        }),
    ))
}

/// Renames, re-phrases, pins or hides a theme; fields left out keep their value. New phrases
/// replace the old ones.
#[utoipa::path(
    patch,
    path = "/api/v1/themes/{theme_id}",
    tag = "themes",
    security(("bearer" = [])),
    params(("theme_id" = Uuid, Path, description = "The theme's id")),
    request_body = wire::ThemeUpdate,
    responses(
        (status = 200, description = "The changed theme", body = wire::ThemeResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit themes", body = ErrorBody),
        (status = 404, description = "No such theme in this workspace", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "Invalid fields; a name another theme has is `taken`", body = ErrorBody),
    )
)]
pub async fn update_theme(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<ThemeId>,
    body: ApiJson<wire::ThemeUpdate>,
) -> Result<Json<wire::ThemeResponse>, ApiError> {
    caller.require(Action::EditJourneys)?;
    let store = state.store.as_ref();
    store.theme(caller.workspace_id, id).await?;
    let body = body.into_inner()?;
    let change = ThemeChange {
        name: body.name,
        phrases: body.phrases.map(|p| p.typed()),
        pinned: body.pinned,
        hidden: body.hidden,
    };
    let theme = themes::change(store, caller.workspace_id, id, &change)
        .await
        .map_err(edit_error)?;
    Ok(Json(wire::ThemeResponse {
        theme: (&theme).into(),
    }))
}

/// Merges the theme into another: that one gains its phrases (and so its comments), and this
/// one is gone.
#[utoipa::path(
    post,
    path = "/api/v1/themes/{theme_id}/merge",
    tag = "themes",
    security(("bearer" = [])),
    params(("theme_id" = Uuid, Path, description = "The theme merged away")),
    request_body = wire::ThemeMerge,
    responses(
        (status = 200, description = "The theme that stays, with both themes' phrases", body = wire::ThemeResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit themes", body = ErrorBody),
        (status = 404, description = "No such theme in this workspace", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "`into`: `required`, `invalid` (the theme itself), `not_found`", body = ErrorBody),
    )
)]
pub async fn merge_theme(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<ThemeId>,
    body: ApiJson<wire::ThemeMerge>,
) -> Result<Json<wire::ThemeResponse>, ApiError> {
    caller.require(Action::EditJourneys)?;
    let store = state.store.as_ref();
    store.theme(caller.workspace_id, id).await?;
    let body = body.into_inner()?;
    let into = match body.into.trim() {
        "" => return Err(ValidationErrors::one("into", Issue::Required).into()),
        s => s
            .parse::<ThemeId>()
            .map_err(|_| ValidationErrors::one("into", Issue::NotFound))?,
    };
    let theme = themes::merge(store, caller.workspace_id, id, into)
        .await
        .map_err(edit_error)?;
    Ok(Json(wire::ThemeResponse {
        theme: (&theme).into(),
    }))
}

/// Splits some of the theme's phrases off into a new theme.
#[utoipa::path(
    post,
    path = "/api/v1/themes/{theme_id}/split",
    tag = "themes",
    security(("bearer" = [])),
    params(("theme_id" = Uuid, Path, description = "The theme split")),
    request_body = wire::ThemeSplitRequest,
    responses(
        (status = 201, description = "The theme with the phrases it kept, and the new one", body = wire::ThemeSplit),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit themes", body = ErrorBody),
        (status = 404, description = "No such theme in this workspace", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "`name` (`taken` when another theme has it); `phrases`: `invalid` unless some, not all, of the theme's", body = ErrorBody),
    )
)]
pub async fn split_theme(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<ThemeId>,
    body: ApiJson<wire::ThemeSplitRequest>,
) -> Result<(StatusCode, Json<wire::ThemeSplit>), ApiError> {
    caller.require(Action::EditJourneys)?;
    let store = state.store.as_ref();
    store.theme(caller.workspace_id, id).await?;
    let body = body.into_inner()?;
    let (kept, new) = themes::split(store, caller.workspace_id, id, &body.name, &body.phrases)
        .await
        .map_err(edit_error)?;
    Ok((
        StatusCode::CREATED,
        Json(wire::ThemeSplit {
            theme: (&kept).into(),
            split_off: (&new).into(),
        }),
    ))
}
