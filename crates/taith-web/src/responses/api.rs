//! Responses: submitting scores and comments (one or a batch, idempotently, through the group
//! commit), and reading them back.
//!
//! A submission is checked whole before anything is written: every field of every response
//! becomes part of a [`NewResponse`] or a `422` naming it (`responses[3].score`). The responses,
//! each with the customer to find or create, then go to the group-commit writer in ONE call, so
//! a batch — its customers included — is stored all or none and answered only once it is
//! durably committed (DESIGN §4).

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, Paging};
use crate::surveys::api::parse_locale;
use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;
use taith_app::responses::check::{self, Given};
use taith_domain::survey::{
    MAX_CLIENT_KEY_CHARS, parse_attributes, parse_comment, parse_submitted_at,
};
use taith_domain::{
    Action, Answer, Channel, Email, FollowUpId, FollowUpKind, Issue, LongText, Name, NewResponse,
    ResponseId, Survey, SurveyId, SurveyStatus, ValidationErrors, WorkspaceId,
};
use taith_store::{NewCustomer, ResponseToStore, StoreError};
use time::{Duration, OffsetDateTime};

/// Most responses in one request.
pub const MAX_BATCH: usize = 1_000;
pub use crate::http::limits::MAX_SUBMISSION_BYTES;
/// The request header whose value is the idempotency key of a submission.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
/// Longest `Idempotency-Key`: room for the `:{i}` a batch item's key adds.
const MAX_HEADER_KEY_CHARS: usize = MAX_CLIENT_KEY_CHARS - 10;
/// How far in the future `submitted_at` may lie (clocks differ).
const CLOCK_SKEW: Duration = Duration::minutes(5);
/// Longest customer external id.
const MAX_EXTERNAL_ID_CHARS: usize = 200;
/// Longest hint sent back about an unreadable item.
const MAX_HINT_CHARS: usize = 300;

/// Stores responses: one response object, or `{"responses": [...]}` with up to 1,000 of them.
///
/// Everything is checked before anything is stored, and a batch is stored all or none: one bad
/// response fails the request with a `422` naming it (`responses[3].score`). The answer comes
/// only after the responses are durably committed.
///
/// Retries are safe with an idempotency key: a response's `client_id`, or the
/// `Idempotency-Key` header (for a batch, item `i` gets `{key}:{i}` unless it has its own
/// `client_id`). A response whose key was stored before for the same survey is not stored
/// again: it answers with the first response's id and `created: false`, and a request in which
/// nothing was new answers `200` instead of `201`.
///
/// Only `live` surveys take responses; a draft or closed survey is `invalid` on `survey_id`
/// (or `public_id`). The response is placed on the survey's touchpoint.
#[utoipa::path(
    post,
    path = "/api/v1/responses",
    tag = "responses",
    security(("bearer" = [])),
    params(
        ("Idempotency-Key" = Option<String>, Header, description = "An idempotency key for the submission (at most 190 characters)"),
    ),
    request_body = wire::ResponseSubmission,
    responses(
        (status = 201, description = "Stored: `{\"response\": …}` for one object, `{\"responses\": […]}` for a batch", body = wire::Submitted),
        (status = 200, description = "Every response was a repeat of one stored before (`created: false`)", body = wire::Submitted),
        (status = 400, description = "The body is not a JSON object of this shape, or a bad `Idempotency-Key`", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to submit responses (a read token, an analyst or a viewer)", body = ErrorBody),
        (status = 409, description = "The survey changed while the responses were being stored; retry", body = ErrorBody),
        (status = 413, description = "The body is larger than 8 MiB", body = ErrorBody),
        (status = 422, description = "Invalid fields, named per response in a batch (`responses[3].score`); an unknown survey is `not_found`, one that is not live `invalid`", body = ErrorBody),
    )
)]
pub async fn submit_responses(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: ApiJson<Value>,
) -> Result<(StatusCode, Json<wire::Submitted>), ApiError> {
    caller.require(Action::SubmitResponses)?;
    let key = idempotency_key(&headers)?;
    let body = body.into_inner()?;
    let ws = caller.workspace_id;
    let now = taith_domain::now();
    let mut surveys = Surveys::new(&state, ws);
    let (single, checked) = check_submission(body, key, now, &mut surveys).await?;
    // Customers are found or created by the store in the transaction that stores their
    // responses: a submission that fails leaves none behind.
    let batch = checked
        .into_iter()
        .map(|Checked { response, customer }| ResponseToStore {
            workspace_id: ws,
            response,
            customer,
        })
        .collect();
    let stored = state.app.intake.submit(batch).await?;
    let status = if stored.iter().any(|s| s.created) {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let mut results = stored.into_iter().map(wire::SubmittedResponse::from);
    let body = match (single, results.next()) {
        (true, Some(response)) => wire::Submitted::One(wire::SubmittedOne { response }),
        (_, first) => wire::Submitted::Batch(wire::SubmittedBatch {
            responses: first.into_iter().chain(results).collect(),
        }),
    };
    Ok((status, Json(body)))
}

/// The workspace's responses (of one survey with `?survey_id=`), oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/responses",
    tag = "responses",
    security(("bearer" = [])),
    params(wire::ResponseListQuery, crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of responses", body = wire::ResponseList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to read responses (a viewer)", body = ErrorBody),
        (status = 422, description = "Bad `limit` or `cursor`; a `survey_id` of no survey of this workspace is `not_found`", body = ErrorBody),
    )
)]
pub async fn list_responses(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
    RawQuery(query): RawQuery,
) -> Result<Json<wire::ResponseList>, ApiError> {
    caller.require(Action::ReadResponses)?;
    let ws = caller.workspace_id;
    // A query string that cannot be read (`survey_id` twice, say) is refused, never taken
    // as "no filter": listing every response instead of one survey's would be a silent lie.
    let q: wire::ResponseListQuery =
        serde_urlencoded::from_str(query.as_deref().unwrap_or_default())
            .map_err(|e| ApiError::bad_request(format!("the query string: {e}")))?;
    let survey = match q.survey_id.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => {
            let id = s
                .parse::<SurveyId>()
                .map_err(|i| ValidationErrors::one("survey_id", i))?;
            match state.store.survey(ws, id).await {
                Ok(_) => Some(id),
                Err(StoreError::NotFound) => {
                    return Err(ValidationErrors::one("survey_id", Issue::NotFound).into());
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    let page = state
        .store
        .responses(ws, survey, paging.request::<ResponseId>()?)
        .await?;
    Ok(Json(wire::ResponseList {
        responses: page.items.iter().map(wire::Response::from).collect(),
        next_cursor: page.next.map(|c| c.to_string()),
    }))
}

// --- reading a submission ---------------------------------------------------------------------

/// A submission's body read, and every response in it checked, before anything is stored:
/// whether the body was one response (not a batch), and the responses ready to store with
/// their customers; else the `400` or `422` that names what is wrong. `key` is the
/// `Idempotency-Key` header's ([`idempotency_key`]), `now` the time of the request.
pub async fn check_submission(
    body: Value,
    key: Option<String>,
    now: OffsetDateTime,
    surveys: &mut impl SubmissionSurveys,
) -> Result<(bool, Vec<Checked>), ApiError> {
    let (single, items) = read_submission(body)?;
    let mut e = ValidationErrors::default();
    let mut checked = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let at = if single {
            String::new()
        } else {
            format!("responses[{i}].")
        };
        let header_key = key.as_ref().map(|k| {
            if single {
                k.clone()
            } else {
                format!("{k}:{i}")
            }
        });
        if let Some(r) = check(item, &at, header_key, now, surveys, &mut e).await? {
            checked.push(r);
        }
    }
    if !e.is_empty() {
        return Err(e.into());
    }
    Ok((single, checked))
}

/// The `Idempotency-Key` header, if sent: `400` when it is empty or too long.
pub fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get(IDEMPOTENCY_KEY) else {
        return Ok(None);
    };
    let key = value.to_str().map(str::trim).unwrap_or_default();
    if key.is_empty() || key.chars().count() > MAX_HEADER_KEY_CHARS {
        return Err(ApiError::bad_request(format!(
            "the Idempotency-Key header must be 1 to {MAX_HEADER_KEY_CHARS} visible ASCII characters"
        )));
    }
    Ok(Some(key.to_owned()))
}

fn hint(s: String) -> ApiError {
    ApiError::bad_request(s.chars().take(MAX_HINT_CHARS).collect::<String>())
}

/// The responses of a body, and whether it was a single response (not a batch). Each item is
/// read on its own so that a malformed one is named by its index.
fn read_submission(body: Value) -> Result<(bool, Vec<wire::ResponseInput>), ApiError> {
    let Value::Object(mut map) = body else {
        return Err(ApiError::bad_request(
            "expected a response object or {\"responses\": [...]}",
        ));
    };
    let Some(list) = map.remove("responses") else {
        let one = serde_json::from_value(Value::Object(map)).map_err(|e| hint(e.to_string()))?;
        return Ok((true, vec![one]));
    };
    if let Some(other) = map.keys().next() {
        return Err(hint(format!(
            "unknown field `{other}` beside `responses` in a batch"
        )));
    }
    let Value::Array(items) = list else {
        return Err(ApiError::bad_request("`responses` must be an array"));
    };
    if items.is_empty() {
        return Err(ValidationErrors::one("responses", Issue::Required).into());
    }
    if items.len() > MAX_BATCH {
        return Err(ValidationErrors::one("responses", Issue::TooLong).into());
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            serde_json::from_value(item).map_err(|e| hint(format!("responses[{i}]: {e}")))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(|items| (false, items))
}

/// The surveys a submission names, each looked up once.
struct Surveys<'a> {
    state: &'a AppState,
    ws: WorkspaceId,
    by_id: HashMap<SurveyId, Option<Arc<Survey>>>,
    by_public_id: HashMap<String, Option<Arc<Survey>>>,
}

impl<'a> Surveys<'a> {
    fn new(state: &'a AppState, ws: WorkspaceId) -> Self {
        Surveys {
            state,
            ws,
            by_id: HashMap::new(),
            by_public_id: HashMap::new(),
        }
    }
}

/// The surveys a submission names, as the API finds them in the store; tests and the fuzz
/// targets (`fuzz/`) answer from fixed data.
pub trait SubmissionSurveys {
    /// The workspace's survey with this id; `None` for any other id, another workspace's
    /// included.
    fn by_id(
        &mut self,
        id: SurveyId,
    ) -> impl Future<Output = Result<Option<Arc<Survey>>, ApiError>> + Send;

    /// The workspace's survey with this public id; `None` for any other.
    fn by_public_id(
        &mut self,
        public_id: &str,
    ) -> impl Future<Output = Result<Option<Arc<Survey>>, ApiError>> + Send;
}

impl SubmissionSurveys for Surveys<'_> {
    async fn by_id(&mut self, id: SurveyId) -> Result<Option<Arc<Survey>>, ApiError> {
        if let Some(s) = self.by_id.get(&id) {
            return Ok(s.clone());
        }
        let found = match self.state.store.survey(self.ws, id).await {
            Ok(s) => Some(Arc::new(s)),
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(e.into()),
        };
        self.by_id.insert(id, found.clone());
        Ok(found)
    }

    async fn by_public_id(&mut self, public_id: &str) -> Result<Option<Arc<Survey>>, ApiError> {
        if let Some(s) = self.by_public_id.get(public_id) {
            return Ok(s.clone());
        }
        let found = match self.state.store.survey_by_public_id(public_id).await {
            Ok((ws, s)) if ws == self.ws => Some(Arc::new(s)),
            Ok(_) | Err(StoreError::NotFound) => None,
            Err(e) => return Err(e.into()),
        };
        self.by_public_id
            .insert(public_id.to_owned(), found.clone());
        Ok(found)
    }
}

/// A response ready to store, and the customer to find or create with it (when the whole
/// submission has been checked, in the transaction that stores it).
#[derive(Debug)]
pub struct Checked {
    pub response: NewResponse,
    pub customer: Option<NewCustomer>,
}

/// Checks one response; its errors go into `e` under `at` (`responses[3].`).
async fn check(
    r: wire::ResponseInput,
    at: &str,
    header_key: Option<String>,
    now: OffsetDateTime,
    surveys: &mut impl SubmissionSurveys,
    e: &mut ValidationErrors,
) -> Result<Option<Checked>, ApiError> {
    let f = |name: &str| format!("{at}{name}");
    let before = e.0.len();
    let survey_id = r
        .survey_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let public_id = r
        .public_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let (survey, named_by) = match (survey_id, public_id) {
        (None, None) => (e.check(&f("survey_id"), Err(Issue::Required)), "survey_id"),
        (Some(s), public) => match s.parse::<SurveyId>() {
            Err(issue) => (e.check(&f("survey_id"), Err(issue)), "survey_id"),
            Ok(id) => match surveys.by_id(id).await? {
                None => (e.check(&f("survey_id"), Err(Issue::NotFound)), "survey_id"),
                Some(s) if public.is_some_and(|p| p != s.public_id) => {
                    (e.check(&f("public_id"), Err(Issue::Mismatch)), "public_id")
                }
                Some(s) => (Some(s), "survey_id"),
            },
        },
        (None, Some(p)) => match surveys.by_public_id(p).await? {
            None => (e.check(&f("public_id"), Err(Issue::NotFound)), "public_id"),
            Some(s) => (Some(s), "public_id"),
        },
    };
    // Only a live survey collects answers: a draft is not ready, a closed one is over.
    let survey = match survey {
        Some(s) if s.fields.status != SurveyStatus::Live => {
            e.push(f(named_by), Issue::Invalid);
            None
        }
        s => s,
    };
    let score = match &r.score {
        None => e.check(&f("score"), Err(Issue::Required)),
        Some(n) => {
            let on_scale = n
                .as_i64()
                .ok_or(Issue::Invalid)
                .and_then(|v| match &survey {
                    Some(s) => s.fields.scale.score(v),
                    None => i16::try_from(v).map_err(|_| Issue::Invalid),
                });
            e.check(&f("score"), on_scale)
        }
    };
    let comment = match r.comment.as_deref() {
        None => Some(LongText::empty()),
        Some(c) => e.check(&f("comment"), parse_comment(c)),
    };
    let answers = match (&survey, score, r.answers.as_deref()) {
        (_, _, None | Some([])) => Some(Vec::new()),
        (Some(s), Some(score), Some(raw)) => answers(raw, s, score, at, e),
        // Answers cannot be checked without the survey and score; those already failed.
        _ => None,
    };
    let channel = match r.channel.as_deref() {
        None => Some(Channel::Other),
        Some(c) => e.check(&f("channel"), c.parse::<Channel>()),
    };
    let locale = match (r.locale.as_deref(), &survey) {
        (Some(l), _) => e.check(&f("locale"), parse_locale(l)),
        (None, Some(s)) => Some(s.fields.default_locale),
        (None, None) => None,
    };
    // An anonymous survey stores no customer link: what was sent about one is ignored.
    let customer = match (&r.customer, &survey) {
        (Some(c), Some(s)) if !s.fields.anonymous => customer(c, &f("customer."), e),
        _ => Some(None),
    };
    let attributes = match &r.attributes {
        None => Some(Default::default()),
        Some(map) => {
            let mut bad = false;
            for (k, v) in map {
                if !v.is_string() {
                    e.push(f(&format!("attributes.{k}")), Issue::Invalid);
                    bad = true;
                }
            }
            if bad {
                None
            } else {
                let pairs = map
                    .iter()
                    .filter_map(|(k, v)| Some((k.as_str(), v.as_str()?)));
                match parse_attributes(pairs) {
                    Ok(a) => Some(a),
                    Err((field, issue)) => e.check(&f(&field), Err(issue)),
                }
            }
        }
    };
    let submitted_at = match r.submitted_at.as_deref() {
        None => Some(now),
        Some(s) => e.check(&f("submitted_at"), submitted_at(s, now)),
    };
    let client_key = match r.client_id.as_deref() {
        None => Some(header_key),
        Some(k) => e.check(&f("client_id"), client_id(k)).map(Some),
    };
    let (
        Some(survey),
        Some(score),
        Some(comment),
        Some(answers),
        Some(channel),
        Some(locale),
        Some(customer),
        Some(attributes),
        Some(submitted_at),
        Some(client_key),
    ) = (
        survey,
        score,
        comment,
        answers,
        channel,
        locale,
        customer,
        attributes,
        submitted_at,
        client_key,
    )
    else {
        return Ok(None);
    };
    if e.0.len() != before {
        return Ok(None);
    }
    Ok(Some(Checked {
        response: NewResponse {
            id: ResponseId::new(),
            survey_id: survey.id,
            score,
            answers,
            comment,
            touchpoint_id: survey.fields.touchpoint_id,
            channel,
            locale,
            customer_id: None,
            attributes,
            submitted_at,
            client_key,
        },
        customer,
    }))
}

/// An RFC 3339 time, in UTC at the stores' precision, not in the future beyond clock skew.
fn submitted_at(s: &str, now: OffsetDateTime) -> Result<OffsetDateTime, Issue> {
    let t = parse_submitted_at(s.trim())?;
    if t > now + CLOCK_SKEW {
        Err(Issue::Invalid)
    } else {
        Ok(t)
    }
}

fn client_id(k: &str) -> Result<String, Issue> {
    let k = k.trim();
    if k.is_empty() {
        Err(Issue::Required)
    } else if k.chars().count() > MAX_CLIENT_KEY_CHARS {
        Err(Issue::TooLong)
    } else if k.chars().any(char::is_control) {
        Err(Issue::Invalid)
    } else {
        Ok(k.to_owned())
    }
}

/// A customer as sent: by external id or e-mail (one is needed to find them again).
fn customer(
    c: &wire::CustomerInput,
    at: &str,
    e: &mut ValidationErrors,
) -> Option<Option<NewCustomer>> {
    let before = e.0.len();
    let text = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let external_id = text(&c.external_id);
    if let Some(x) = &external_id
        && (x.chars().count() > MAX_EXTERNAL_ID_CHARS || x.chars().any(char::is_control))
    {
        e.push(format!("{at}external_id"), Issue::Invalid);
    }
    let email = text(&c.email).and_then(|m| e.check(&format!("{at}email"), Email::parse(&m)));
    let name = text(&c.name).and_then(|n| e.check(&format!("{at}name"), Name::parse(&n)));
    let locale = text(&c.locale).and_then(|l| e.check(&format!("{at}locale"), parse_locale(&l)));
    if external_id.is_none() && text(&c.email).is_none() {
        e.push(format!("{at}external_id"), Issue::Required);
    }
    (e.0.len() == before).then_some(Some(NewCustomer {
        external_id,
        email,
        name,
        locale,
    }))
}

/// Answers to the survey's follow-up questions, each to a question that applies to `score`.
fn answers(
    raw: &[wire::AnswerInput],
    survey: &Survey,
    score: i16,
    at: &str,
    e: &mut ValidationErrors,
) -> Option<Vec<Answer>> {
    let before = e.0.len();
    let mut out = Vec::with_capacity(raw.len());
    let mut seen: Vec<FollowUpId> = Vec::new();
    for (j, a) in raw.iter().enumerate() {
        let f = |name: &str| format!("{at}answers[{j}].{name}");
        let question = a
            .follow_up_id
            .parse::<FollowUpId>()
            .and_then(|id| check::asked(survey, score, id, &mut seen));
        let Some(q) = e.check(&f("follow_up_id"), question) else {
            continue;
        };
        let type_name = match &q.kind {
            FollowUpKind::OpenText => "open_text",
            FollowUpKind::SingleChoice { .. } => "single_choice",
            FollowUpKind::MultipleChoice { .. } => "multiple_choice",
            FollowUpKind::Rating { .. } => "rating",
        };
        if a.kind.as_deref().is_some_and(|k| k.trim() != type_name) {
            e.push(f("type"), Issue::Invalid);
            continue;
        }
        let given = match &a.value {
            Value::String(s) => Given::Text(s),
            Value::Number(n) => n.as_i64().map_or(Given::Unreadable, Given::Number),
            Value::Array(items) => items
                .iter()
                .map(Value::as_i64)
                .collect::<Option<Vec<i64>>>()
                .map_or(Given::Unreadable, Given::Numbers),
            _ => Given::Unreadable,
        };
        // An empty text or no choice is no answer: nothing to store.
        if let Some(Some(value)) = e.check(&f("value"), check::answer(q, &given)) {
            out.push(Answer {
                follow_up_id: q.id,
                value,
            });
        }
    }
    (e.0.len() == before).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use time::format_description::well_known::Rfc3339;

    #[test]
    fn a_body_is_one_response_or_a_batch_of_at_most_a_thousand() {
        let one = read_submission(json!({"survey_id": "x", "score": 9}));
        assert!(matches!(one, Ok((true, ref v)) if v.len() == 1));
        let batch = read_submission(json!({"responses": [{"score": 1}, {"score": 2}]}));
        assert!(matches!(batch, Ok((false, ref v)) if v.len() == 2));
        let too_many = read_submission(json!({"responses": vec![json!({}); MAX_BATCH + 1]}));
        assert_eq!(
            too_many.err().map(|e| e.details[0].field.clone()),
            Some("responses".to_owned())
        );
        let bad_item = read_submission(json!({"responses": [{}, {"scor": 1}]}));
        let hint = bad_item.err().and_then(|e| e.hint).unwrap_or_default();
        assert!(
            hint.starts_with("responses[1]: unknown field `scor`"),
            "{hint}"
        );
        assert!(read_submission(json!([1])).is_err());
    }

    #[test]
    fn submitted_at_is_rfc_3339_and_not_in_the_future() {
        let now = taith_domain::now();
        assert!(submitted_at("2024-05-01T10:00:00+01:00", now).is_ok());
        assert_eq!(
            submitted_at("2024-05-01T10:00:00+01:00", now).map(|t| t.hour()),
            Ok(9)
        );
        assert_eq!(submitted_at("yesterday", now), Err(Issue::Invalid));
        let soon = (now + Duration::minutes(4))
            .format(&Rfc3339)
            .unwrap_or_default();
        assert!(submitted_at(&soon, now).is_ok());
        let later = (now + Duration::minutes(6))
            .format(&Rfc3339)
            .unwrap_or_default();
        assert_eq!(submitted_at(&later, now), Err(Issue::Invalid));
    }

    /// Found by running the `api_bodies` fuzz target on a hand-written input (fuzzing had not
    /// reached it): `9999-12-31T23:59:59-23:59` panicked in the conversion to UTC, and
    /// `0000-01-01T00:00:00+00:01` was stored with a time no API answer can write.
    #[test]
    fn submitted_at_outside_the_years_rfc_3339_can_write_is_invalid() {
        let now = taith_domain::now();
        for t in ["9999-12-31T23:59:59-23:59", "0000-01-01T00:00:00+00:01"] {
            assert_eq!(submitted_at(t, now), Err(Issue::Invalid), "{t}");
        }
        assert!(submitted_at("0000-01-01T00:00:00Z", now).is_ok());
    }

    #[test]
    fn a_customer_needs_an_external_id_or_an_email() {
        let mut e = ValidationErrors::default();
        let c = wire::CustomerInput {
            name: Some("Siân".into()),
            ..Default::default()
        };
        assert!(customer(&c, "customer.", &mut e).is_none());
        assert_eq!(e.issue_for("customer.external_id"), Some(Issue::Required));
        let c = wire::CustomerInput {
            email: Some("sian@example.com".into()),
            locale: Some("cy".into()),
            ..Default::default()
        };
        let mut e = ValidationErrors::default();
        let made = customer(&c, "customer.", &mut e).flatten();
        assert_eq!(made.and_then(|c| c.locale), Some(taith_domain::Locale::Cy));
    }
}

/// Deletes a response for good — a customer's request to be forgotten, a test answer. It stops
/// counting in the metrics at once.
#[utoipa::path(
    delete,
    path = "/api/v1/responses/{response_id}",
    tag = "responses",
    security(("bearer" = [])),
    params(("response_id" = Uuid, Path, description = "The response's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit", body = ErrorBody),
        (status = 404, description = "No such response in this workspace", body = ErrorBody),
    )
)]
pub async fn delete_response(
    State(state): State<AppState>,
    caller: Caller,
    crate::http::extract::ApiPath(id): crate::http::extract::ApiPath<ResponseId>,
) -> Result<StatusCode, ApiError> {
    caller.require(taith_domain::Action::EditJourneys)?;
    state.store.delete_response(caller.workspace_id, id).await?;
    state.app.analytics.forget(caller.workspace_id, &[id]).await;
    Ok(StatusCode::NO_CONTENT)
}
