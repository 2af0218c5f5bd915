//! Support conversations over the API: record one (idempotent by the help desk's id), list
//! with filters, read one with its messages, add a message; and the support figures of
//! `GET /api/v1/metrics`. Every rule is in `taith_app::conversations`.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath, Paging};
use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use taith_app::conversations::{self, Refused, figures};
use taith_domain::{Action, ConversationId, ConversationStatus, Issue, ValidationErrors};
use taith_store::ConversationFilter;
use time::OffsetDateTime;

impl From<Refused> for ApiError {
    fn from(e: Refused) -> Self {
        match e {
            Refused::Invalid(v) => v.into(),
            Refused::Store(s) => s.into(),
        }
    }
}

fn parse_in<T: std::str::FromStr>(field: &str, s: &str) -> Result<T, ApiError> {
    s.trim()
        .parse::<T>()
        .map_err(|_| ValidationErrors::one(field, Issue::Invalid).into())
}

fn date(field: &str, v: &str) -> Result<time::Date, ApiError> {
    time::Date::parse(
        v.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .map_err(|_| ValidationErrors::one(field, Issue::Invalid).into())
}

/// `from`/`to` days (UTC, `to` inclusive) as `[from, to)`; missing: all time.
pub fn period(
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(OffsetDateTime, OffsetDateTime), ApiError> {
    let from = match from.map(str::trim).filter(|s| !s.is_empty()) {
        Some(f) => date("from", f)?.midnight().assume_utc(),
        None => OffsetDateTime::UNIX_EPOCH,
    };
    let to = match to.map(str::trim).filter(|s| !s.is_empty()) {
        Some(t) => date("to", t)?
            .next_day()
            .unwrap_or(time::Date::MAX)
            .midnight()
            .assume_utc(),
        None => time::macros::datetime!(9999-12-31 0:00 UTC),
    };
    if to <= from {
        return Err(ValidationErrors::one("to", Issue::BeforeStart).into());
    }
    Ok((from, to))
}

/// Records a conversation from any help desk or inbox, with its messages or with its times.
/// A conversation whose `external_id` was recorded before is updated (`200`), never
/// duplicated; a new one is `201`.
#[utoipa::path(
    post,
    path = "/api/v1/conversations",
    tag = "conversations",
    security(("bearer" = [])),
    request_body = wire::ConversationCreate,
    responses(
        (status = 201, description = "The new conversation", body = wire::ConversationDetail),
        (status = 200, description = "The conversation with this `external_id`, updated", body = wire::ConversationDetail),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to record conversations (viewers, analysts, read-only tokens)", body = ErrorBody),
        (status = 422, description = "A bad field: `channel`, `status`, `subject`, `customer_id` (`not_found`), `tags`, `satisfaction`, `locale`, a time (`invalid`, `before_start`), `messages[i].…`", body = ErrorBody),
    )
)]
pub async fn create_conversation(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::ConversationCreate>,
) -> Result<(StatusCode, Json<wire::ConversationDetail>), ApiError> {
    caller.require(Action::SubmitResponses)?;
    let body = body.into_inner()?;
    let ws = caller.workspace_id;
    let (c, created) = conversations::record(state.store.as_ref(), ws, &body.input()).await?;
    let messages = state.store.conversation_messages(ws, c.id).await?;
    Ok((
        if created {
            StatusCode::CREATED
        } else {
            StatusCode::OK
        },
        Json(wire::ConversationDetail {
            conversation: wire::Conversation::of(&c),
            messages: messages.iter().map(wire::Message::of).collect(),
        }),
    ))
}

/// The workspace's conversations, newest first, filtered.
#[utoipa::path(
    get,
    path = "/api/v1/conversations",
    tag = "conversations",
    security(("bearer" = [])),
    params(wire::ConversationListQuery),
    responses(
        (status = 200, description = "A page of conversations", body = wire::ConversationList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to read conversations (a viewer)", body = ErrorBody),
        (status = 422, description = "Bad `status`, `channel`, `customer_id`, `assignee_id`, `from`, `to`, `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_conversations(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
    RawQuery(query): RawQuery,
) -> Result<Json<wire::ConversationList>, ApiError> {
    caller.require(Action::ReadResponses)?;
    let q: wire::ConversationListQuery =
        serde_urlencoded::from_str(query.as_deref().unwrap_or_default())
            .map_err(|e| ApiError::bad_request(format!("the query string: {e}")))?;
    let mut filter = ConversationFilter::default();
    if let Some(list) = q.status.as_deref().filter(|s| !s.trim().is_empty()) {
        for s in list.split(',') {
            filter.statuses.push(
                s.parse::<ConversationStatus>()
                    .map_err(|i| ApiError::from(ValidationErrors::one("status", i)))?,
            );
        }
    }
    if let Some(c) = q.channel.as_deref().filter(|s| !s.trim().is_empty()) {
        filter.channel = Some(
            taith_domain::conversation::parse_channel(c)
                .map_err(|i| ApiError::from(ValidationErrors::one("channel", i)))?,
        );
    }
    if let Some(c) = q.customer_id.as_deref().filter(|s| !s.trim().is_empty()) {
        filter.customer = Some(parse_in("customer_id", c)?);
    }
    if let Some(c) = q.assignee_id.as_deref().filter(|s| !s.trim().is_empty()) {
        filter.assignee = Some(parse_in("assignee_id", c)?);
    }
    filter.team = q.team.filter(|s| !s.trim().is_empty());
    filter.tag = q
        .tag
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty());
    if q.from.is_some() || q.to.is_some() {
        filter.created = Some(period(q.from.as_deref(), q.to.as_deref())?);
    }
    let page = state
        .store
        .conversations(caller.workspace_id, &filter, paging.request()?)
        .await?;
    Ok(Json(wire::ConversationList {
        conversations: page.items.iter().map(wire::Conversation::of).collect(),
        next_cursor: page.next.map(|c| c.to_string()),
    }))
}

/// One conversation with its messages, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/conversations/{conversation_id}",
    tag = "conversations",
    security(("bearer" = [])),
    params(("conversation_id" = Uuid, Path, description = "The conversation's id")),
    responses(
        (status = 200, description = "The conversation", body = wire::ConversationDetail),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to read conversations (a viewer)", body = ErrorBody),
        (status = 404, description = "No such conversation in this workspace", body = ErrorBody),
    )
)]
pub async fn get_conversation(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<ConversationId>,
) -> Result<Json<wire::ConversationDetail>, ApiError> {
    caller.require(Action::Read)?;
    let ws = caller.workspace_id;
    let c = state.store.conversation(ws, id).await?;
    caller.require(Action::ReadResponses)?;
    let messages = state.store.conversation_messages(ws, id).await?;
    Ok(Json(wire::ConversationDetail {
        conversation: wire::Conversation::of(&c),
        messages: messages.iter().map(wire::Message::of).collect(),
    }))
}

/// Adds a message. The first `out` message sets the first reply; an `in` message on a
/// resolved conversation reopens it (it counts for the reopen rate).
#[utoipa::path(
    post,
    path = "/api/v1/conversations/{conversation_id}/messages",
    tag = "conversations",
    security(("bearer" = [])),
    params(("conversation_id" = Uuid, Path, description = "The conversation's id")),
    request_body = wire::MessageCreate,
    responses(
        (status = 201, description = "The message and the conversation after it", body = wire::MessageAdded),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to record conversations", body = ErrorBody),
        (status = 404, description = "No such conversation in this workspace", body = ErrorBody),
        (status = 422, description = "`message.direction`, `message.at` or `message.body`", body = ErrorBody),
    )
)]
pub async fn add_message(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<ConversationId>,
    body: ApiJson<wire::MessageCreate>,
) -> Result<(StatusCode, Json<wire::MessageAdded>), ApiError> {
    caller.require(Action::Read)?;
    let ws = caller.workspace_id;
    state.store.conversation(ws, id).await?;
    caller.require(Action::SubmitResponses)?;
    let body = body.into_inner()?;
    let (c, m) = conversations::add_message(
        state.store.as_ref(),
        ws,
        id,
        &body.input(),
        caller.principal.user_id(),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(wire::MessageAdded {
            conversation: wire::Conversation::of(&c),
            message: wire::Message::of(&m),
        }),
    ))
}

// --- figures (GET /api/v1/metrics?metric=first_response_time|resolution_time|reopen_rate) ----

/// The support metric a metrics query asks for, if it is one.
pub fn support_metric(raw: Option<&str>) -> Result<Option<&'static str>, ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|_| ApiError::bad_request("the query string could not be read"))?;
    Ok(pairs
        .iter()
        .find(|(k, _)| k == "metric")
        .and_then(|(_, v)| match v.trim() {
            "first_response_time" => Some("first_response_time"),
            "resolution_time" => Some("resolution_time"),
            "reopen_rate" => Some("reopen_rate"),
            _ => None,
        }))
}

/// A support figure over the conversations created from `from` to `to` (days, UTC,
/// inclusive), grouped `by=team|agent|channel|tag` when asked; `business_hours=true` counts
/// only the workspace's business hours.
pub async fn support_metric_answer(
    state: &AppState,
    caller: &Caller,
    metric: &'static str,
    raw: Option<&str>,
) -> Result<Response, ApiError> {
    caller.require(Action::Read)?;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|_| ApiError::bad_request("the query string could not be read"))?;
    let (mut from, mut to, mut by, mut business) = (None, None, None, false);
    for (k, v) in &pairs {
        match k.as_str() {
            "from" => from = Some(v.as_str()),
            "to" => to = Some(v.as_str()),
            "by" => match v.trim() {
                "" => {}
                other => match figures::GroupBy::parse(other) {
                    Some(g) => by = Some(g),
                    None => return Err(ValidationErrors::one("by", Issue::UnknownValue).into()),
                },
            },
            "business_hours" => match v.trim() {
                "" | "false" => business = false,
                "true" => business = true,
                _ => return Err(ValidationErrors::one("business_hours", Issue::Invalid).into()),
            },
            _ => {}
        }
    }
    let (from, to) = period(from, to)?;
    let groups = figures::figures(
        state.store.as_ref(),
        caller.workspace_id,
        from,
        to,
        by,
        business,
    )
    .await?;
    let round1 = taith_app::metrics::round1;
    let groups = groups
        .into_iter()
        .map(|(k, f)| {
            let mut key = HashMap::new();
            if let Some(by) = by {
                key.insert(by.as_str().to_owned(), k);
            }
            let d = match metric {
                "first_response_time" => Some(&f.first_response),
                "resolution_time" => Some(&f.resolution),
                _ => None,
            };
            match d {
                Some(d) => wire::SupportMetricGroup {
                    key,
                    n: f.conversations,
                    value: d.mean_hours.map(round1),
                    ci95: None,
                    small_sample: f.small_sample,
                    median: Some(d.median_hours.map(round1)),
                    p90: Some(d.p90_hours.map(round1)),
                    timed: Some(d.n),
                    open: Some(d.open),
                    reopened: None,
                    resolved: None,
                },
                None => wire::SupportMetricGroup {
                    key,
                    n: f.conversations,
                    value: f.reopen_rate.map(round1),
                    ci95: f.reopen_ci95.map(|(a, b)| [round1(a), round1(b)]),
                    small_sample: f.small_sample,
                    median: None,
                    p90: None,
                    timed: None,
                    open: None,
                    reopened: Some(f.reopened),
                    resolved: Some(f.ever_resolved),
                },
            }
        })
        .collect();
    Ok(Json(wire::SupportMetricAnswer {
        metric,
        unit: if metric == "reopen_rate" {
            "percent"
        } else {
            "minutes"
        },
        business_hours: business,
        groups,
    })
    .into_response())
}
