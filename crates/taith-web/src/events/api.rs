//! Events over the API: a batch submitted (idempotently, through the group commit) and the
//! events read back by cursor. Every rule is in `taith_app::events`.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, Paging};
use crate::responses::api::idempotency_key;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde_json::Value;
use taith_app::events::EventsError;
use taith_domain::event::MAX_BATCH;
use taith_domain::{Action, EventId, EventInput, Issue, ValidationErrors};

impl From<EventsError> for ApiError {
    fn from(e: EventsError) -> Self {
        match e {
            EventsError::BatchSize => ValidationErrors::one("events", Issue::TooLong).into(),
            EventsError::Invalid(v) => v.into(),
            EventsError::Store(s) => s.into(),
        }
    }
}

/// Stores `{"events": [...]}`, 1 to 1,000 events, all or none.
///
/// Everything is checked before anything is stored: one bad event fails the request with a
/// `422` naming it (`events[3].url`). The answer comes only after the events are durably
/// committed. Retries are safe with an idempotency key: an event's `client_id`, or the
/// `Idempotency-Key` header (item `i` gets `{key}:{i}` unless it has its own `client_id`). An
/// event whose key was stored before in the workspace is not stored again: it answers with the
/// first event's id and `created: false`, and a request in which nothing was new answers `200`
/// instead of `201`.
#[utoipa::path(
    post,
    path = "/api/v1/events",
    tag = "events",
    security(("bearer" = [])),
    params(
        ("Idempotency-Key" = Option<String>, Header, description = "An idempotency key for the submission (at most 118 characters)"),
    ),
    request_body = wire::EventSubmission,
    responses(
        (status = 201, description = "Stored", body = wire::SubmittedEvents),
        (status = 200, description = "Every event was a repeat of one stored before (`created: false`)", body = wire::SubmittedEvents),
        (status = 400, description = "The body is not a JSON object of this shape, or a bad `Idempotency-Key`", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to submit (a read token, an analyst or a viewer)", body = ErrorBody),
        (status = 413, description = "The body is larger than 8 MiB", body = ErrorBody),
        (status = 422, description = "Invalid fields, named per event (`events[3].url`); more than 1,000 events is `too_long` on `events`; a touchpoint or customer of no such thing in this workspace is `not_found`", body = ErrorBody),
    )
)]
pub async fn submit_events(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: ApiJson<Value>,
) -> Result<(StatusCode, Json<wire::SubmittedEvents>), ApiError> {
    caller.require(Action::SubmitResponses)?;
    let key = idempotency_key(&headers)?;
    if key.as_ref().is_some_and(|k| k.chars().count() > 118) {
        return Err(ApiError::bad_request(
            "the Idempotency-Key header must be 1 to 118 visible ASCII characters",
        ));
    }
    let inputs = read_submission(body.into_inner()?, key)?;
    let stored = state
        .app
        .events
        .receive(caller.workspace_id, &inputs)
        .await?;
    let status = if stored.iter().any(|s| s.created) {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Json(wire::SubmittedEvents {
            events: stored.into_iter().map(wire::SubmittedEvent::from).collect(),
        }),
    ))
}

/// The events of a body; each item is read on its own so that a malformed one is named by its
/// index.
fn read_submission(body: Value, key: Option<String>) -> Result<Vec<EventInput>, ApiError> {
    let Value::Object(mut map) = body else {
        return Err(ApiError::bad_request("expected {\"events\": [...]}"));
    };
    let Some(list) = map.remove("events") else {
        return Err(ApiError::bad_request("expected {\"events\": [...]}"));
    };
    if let Some(other) = map.keys().next() {
        return Err(ApiError::bad_request(format!(
            "unknown field `{}` beside `events`",
            other.chars().take(64).collect::<String>()
        )));
    }
    let Value::Array(items) = list else {
        return Err(ApiError::bad_request("`events` must be an array"));
    };
    if items.is_empty() {
        return Err(ValidationErrors::one("events", Issue::Required).into());
    }
    if items.len() > MAX_BATCH {
        return Err(ValidationErrors::one("events", Issue::TooLong).into());
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let e: wire::EventIn = serde_json::from_value(item).map_err(|e| {
                ApiError::bad_request(
                    format!("events[{i}]: {e}")
                        .chars()
                        .take(300)
                        .collect::<String>(),
                )
            })?;
            let mut input = EventInput::from(e);
            if input.client_key.is_none()
                && let Some(k) = &key
            {
                input.client_key = Some(format!("{k}:{i}"));
            }
            Ok(input)
        })
        .collect()
}

/// The workspace's events, oldest first (by id).
#[utoipa::path(
    get,
    path = "/api/v1/events",
    tag = "events",
    security(("bearer" = [])),
    params(crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of events", body = wire::EventList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to read individual records (a viewer)", body = ErrorBody),
        (status = 422, description = "Bad `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_events(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
) -> Result<Json<wire::EventList>, ApiError> {
    caller.require(Action::ReadResponses)?;
    let page = paging.request::<EventId>()?;
    let limit = page
        .limit
        .min(taith_store::PageRequest::<EventId>::MAX_LIMIT);
    let mut events = state
        .store
        .events_after(caller.workspace_id, page.after, limit + 1)
        .await?;
    let next_cursor = if events.len() > limit as usize {
        events.truncate(limit as usize);
        events.last().map(|e| e.id.to_string())
    } else {
        None
    };
    Ok(Json(wire::EventList {
        events: events.iter().map(wire::Event::from).collect(),
        next_cursor,
    }))
}
