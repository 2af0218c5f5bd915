//! Surveys: NPS, CSAT, CES and custom questionnaires, each attached to a touchpoint so that
//! every response is located on the journey (DESIGN §2).

use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody, ErrorCode};
use crate::http::extract::{ApiJson, ApiPath, Paging};
use crate::surveys::wire;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use std::collections::{BTreeMap, BTreeSet};
use taith_app::surveys::{self, ChangeRefused};
use taith_domain::survey::{FollowUp, FollowUpKind, LocalizedText, Scale, ScoreRange};
use taith_domain::{
    Action, FollowUpId, Issue, Locale, Name, SurveyFields, SurveyId, SurveyKind, SurveyStatus,
    TouchpointId, ValidationErrors, WorkspaceId,
};
use taith_i18n::survey_wording;
use taith_store::{ConflictKind, PageRequest, StoreError};

/// The workspace's surveys, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/surveys",
    tag = "surveys",
    security(("bearer" = [])),
    params(crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of surveys", body = wire::SurveyList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 422, description = "Bad `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_surveys(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
) -> Result<Json<wire::SurveyList>, ApiError> {
    caller.require(Action::Read)?;
    let page = state
        .store
        .surveys(caller.workspace_id, paging.request()?)
        .await?;
    Ok(Json(wire::SurveyList {
        surveys: page.items.iter().map(wire::Survey::from).collect(),
        next_cursor: page.next.map(|c| c.to_string()),
    }))
}

/// Creates a survey. Only `kind` and `name` are required: the scale is then the kind's
/// default, the question and thank-you text the standard ones in all six locales (naming the
/// workspace), the status `draft`, the default locale `en`.
#[utoipa::path(
    post,
    path = "/api/v1/surveys",
    tag = "surveys",
    security(("bearer" = [])),
    request_body = wire::SurveyCreate,
    responses(
        (status = 201, description = "The new survey", body = wire::SurveyResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit surveys", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "Invalid fields (a scale the kind does not allow is `scale`: `invalid`)", body = ErrorBody),
    )
)]
pub async fn create_survey(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::SurveyCreate>,
) -> Result<(StatusCode, Json<wire::SurveyResponse>), ApiError> {
    caller.require(Action::EditJourneys)?;
    let input = body.into_inner()?;
    let ws = caller.workspace_id;
    let fields = create_fields(
        &input,
        &InStore {
            state: &state,
            caller: &caller,
        },
    )
    .await?;
    let survey = surveys::create(state.store.as_ref(), ws, &fields)
        .await
        .map_err(stale_touchpoint)?;
    Ok((
        StatusCode::CREATED,
        Json(wire::SurveyResponse {
            survey: (&survey).into(),
        }),
    ))
}

/// One survey.
#[utoipa::path(
    get,
    path = "/api/v1/surveys/{survey_id}",
    tag = "surveys",
    security(("bearer" = [])),
    params(("survey_id" = Uuid, Path, description = "The survey's id")),
    responses(
        (status = 200, description = "The survey", body = wire::SurveyResponse),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such survey in this workspace", body = ErrorBody),
    )
)]
pub async fn get_survey(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<SurveyId>,
) -> Result<Json<wire::SurveyResponse>, ApiError> {
    caller.require(Action::Read)?;
    let survey = state.store.survey(caller.workspace_id, id).await?;
    Ok(Json(wire::SurveyResponse {
        survey: (&survey).into(),
    }))
}

/// Changes a survey; fields left out keep their value. `question`, `thank_you` and
/// `follow_ups` replace the whole map or list (send a follow-up's `id` to keep it and its
/// answers). The kind and scale cannot change once the survey has responses.
#[utoipa::path(
    patch,
    path = "/api/v1/surveys/{survey_id}",
    tag = "surveys",
    security(("bearer" = [])),
    params(("survey_id" = Uuid, Path, description = "The survey's id")),
    request_body = wire::SurveyUpdate,
    responses(
        (status = 200, description = "The changed survey", body = wire::SurveyResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit surveys", body = ErrorBody),
        (status = 404, description = "No such survey in this workspace", body = ErrorBody),
        (status = 409, description = "A new kind or scale for a survey that has responses (`conflict`)", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
pub async fn update_survey(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<SurveyId>,
    body: ApiJson<wire::SurveyUpdate>,
) -> Result<Json<wire::SurveyResponse>, ApiError> {
    caller.require(Action::EditJourneys)?;
    let ws = caller.workspace_id;
    let current = state.store.survey(ws, id).await?;
    let input = body.into_inner()?;
    let now = &current.fields;
    let fields = update_fields(
        &input,
        now,
        &InStore {
            state: &state,
            caller: &caller,
        },
    )
    .await?;
    let survey = match surveys::update(state.store.as_ref(), ws, &current, &fields).await {
        Ok(s) => s,
        Err(ChangeRefused::ScaleLocked) => return Err(ApiError::new(ErrorCode::Conflict)),
        Err(ChangeRefused::Store(e)) => return Err(stale_touchpoint(e)),
    };
    Ok(Json(wire::SurveyResponse {
        survey: (&survey).into(),
    }))
}

/// Deletes a survey that has no responses. One with responses is kept (`409 conflict`):
/// close it instead, so answers are never thrown away by accident.
#[utoipa::path(
    delete,
    path = "/api/v1/surveys/{survey_id}",
    tag = "surveys",
    security(("bearer" = [])),
    params(("survey_id" = Uuid, Path, description = "The survey's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit surveys", body = ErrorBody),
        (status = 404, description = "No such survey in this workspace", body = ErrorBody),
        (status = 409, description = "The survey has responses (`conflict`); close it instead", body = ErrorBody),
    )
)]
pub async fn delete_survey(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<SurveyId>,
) -> Result<StatusCode, ApiError> {
    caller.require(Action::EditJourneys)?;
    surveys::delete(state.store.as_ref(), caller.workspace_id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

// --- parsing ----------------------------------------------------------------------------------

/// What checking a survey's definition asks of its workspace. The API asks the store; tests
/// and the fuzz targets (`fuzz/`) answer from fixed data.
pub trait SurveyContext {
    /// The touchpoint `id` (as sent, trimmed, not empty) names on one of the workspace's
    /// journeys, else why not.
    fn touchpoint(
        &self,
        id: &str,
    ) -> impl Future<Output = Result<Result<Option<TouchpointId>, Issue>, ApiError>> + Send;

    /// The workspace's name, which the standard texts thank and ask about.
    fn business_name(&self) -> impl Future<Output = Result<String, ApiError>> + Send;
}

/// The workspace of an API call, as stored.
struct InStore<'a> {
    state: &'a AppState,
    caller: &'a Caller,
}

impl SurveyContext for InStore<'_> {
    async fn touchpoint(&self, id: &str) -> Result<Result<Option<TouchpointId>, Issue>, ApiError> {
        touchpoint(self.state, self.caller.workspace_id, id).await
    }

    async fn business_name(&self) -> Result<String, ApiError> {
        workspace_name(self.state, self.caller).await
    }
}

/// A create's body checked into a survey's fields, every bad field named, as
/// `POST /api/v1/surveys` checks it before storing anything.
pub async fn create_fields(
    input: &wire::SurveyCreate,
    cx: &impl SurveyContext,
) -> Result<SurveyFields, ApiError> {
    let mut e = ValidationErrors::default();
    let kind = e.check("kind", parse_kind(&input.kind));
    let name = e.check("name", Name::parse(&input.name));
    let scale = match (&input.scale, kind) {
        (Some(raw), _) => e.check("scale", parse_scale(raw)),
        (None, Some(k)) => Some(k.default_scale()),
        (None, None) => None,
    };
    let scale = checked_scale(scale, kind, &mut e);
    let status = match input.status.as_deref() {
        None => Some(SurveyStatus::Draft),
        Some(s) => e.check("status", parse_status(s)),
    };
    let default_locale = match input.default_locale.as_deref() {
        None => Some(Locale::En),
        Some(s) => e.check("default_locale", parse_locale(s)),
    };
    let throttle_days = match input.throttle_days {
        None => Some(SurveyFields::DEFAULT_THROTTLE_DAYS),
        Some(d) => e.check("throttle_days", parse_throttle(d)),
    };
    let touchpoint_id = match input.touchpoint_id.as_deref().map(str::trim) {
        None | Some("") => Some(None),
        Some(s) => e.check("touchpoint_id", cx.touchpoint(s).await?),
    };
    let (question, thank_you) = match (kind, default_locale) {
        (Some(kind), Some(locale)) => {
            let business = cx.business_name().await?;
            let std_question = survey_wording::standard_question(kind, &business).0;
            let std_thanks = survey_wording::standard_thanks(&business).0;
            let question = match &input.question {
                Some(raw) => localized(raw, "question", locale, &mut e),
                None => e.check("question", LocalizedText::parse(&std_question, locale)),
            };
            let thank_you = match &input.thank_you {
                Some(raw) => localized(raw, "thank_you", locale, &mut e),
                None => e.check("thank_you", LocalizedText::parse(&std_thanks, locale)),
            };
            (question, thank_you)
        }
        _ => (None, None),
    };
    let follow_ups = match (default_locale, scale) {
        (Some(locale), Some(scale)) => follow_ups(
            input.follow_ups.as_deref().unwrap_or_default(),
            &[],
            scale,
            locale,
            &mut e,
        ),
        _ => None,
    };
    let (
        Some(kind),
        Some(name),
        Some(scale),
        Some(status),
        Some(default_locale),
        Some(throttle_days),
        Some(touchpoint_id),
        Some(question),
        Some(thank_you),
        Some(follow_ups),
    ) = (
        kind,
        name,
        scale,
        status,
        default_locale,
        throttle_days,
        touchpoint_id,
        question,
        thank_you,
        follow_ups,
    )
    else {
        return Err(e.into());
    };
    SurveyFields {
        name,
        kind,
        scale,
        default_locale,
        question,
        thank_you,
        follow_ups,
        touchpoint_id,
        status,
        anonymous: input.anonymous.unwrap_or(false),
        throttle_days,
    }
    .validate()
    .map_err(ApiError::from)
}

/// An update's body over the survey's current fields (`now`), checked, as
/// `PATCH /api/v1/surveys/{survey_id}` checks it before storing anything (whether a new kind or
/// scale is allowed depends on the stored responses, and is checked after).
pub async fn update_fields(
    input: &wire::SurveyUpdate,
    now: &SurveyFields,
    cx: &impl SurveyContext,
) -> Result<SurveyFields, ApiError> {
    let mut e = ValidationErrors::default();
    let kind = match input.kind.as_deref() {
        None => Some(now.kind),
        Some(s) => e.check("kind", parse_kind(s)),
    };
    let name = match input.name.as_deref() {
        None => Some(now.name.clone()),
        Some(s) => e.check("name", Name::parse(s)),
    };
    let scale = match (&input.scale, kind) {
        (Some(raw), _) => e.check("scale", parse_scale(raw)),
        (None, Some(k)) if k != now.kind => Some(k.default_scale()),
        (None, _) => Some(now.scale),
    };
    let scale = checked_scale(scale, kind, &mut e);
    let status = match input.status.as_deref() {
        None => Some(now.status),
        Some(s) => e.check("status", parse_status(s)),
    };
    let default_locale = match input.default_locale.as_deref() {
        None => Some(now.default_locale),
        Some(s) => e.check("default_locale", parse_locale(s)),
    };
    let throttle_days = match input.throttle_days {
        None => Some(now.throttle_days),
        Some(d) => e.check("throttle_days", parse_throttle(d)),
    };
    let touchpoint_id = match input
        .touchpoint_id
        .as_ref()
        .map(|t| t.as_deref().map(str::trim))
    {
        None => Some(now.touchpoint_id),
        Some(None | Some("")) => Some(None),
        Some(Some(s)) => e.check("touchpoint_id", cx.touchpoint(s).await?),
    };
    let (question, thank_you) = match (default_locale, kind) {
        (Some(locale), Some(kind)) => {
            let mut kept = now.question.0.clone();
            if kind != now.kind && input.question.is_none() {
                let business = cx.business_name().await?;
                kept = surveys::question_for_kind(&now.question, now.kind, kind, &business).0;
            }
            // Texts kept as they are must still hold the (possibly new) default locale.
            let question = match &input.question {
                Some(raw) => localized(raw, "question", locale, &mut e),
                None => e.check("question", LocalizedText::parse(&kept, locale)),
            };
            let thank_you = match &input.thank_you {
                Some(raw) => localized(raw, "thank_you", locale, &mut e),
                None => e.check("thank_you", LocalizedText::parse(&now.thank_you.0, locale)),
            };
            (question, thank_you)
        }
        _ => (None, None),
    };
    let follow_ups = match (&input.follow_ups, default_locale, scale) {
        (None, _, _) => Some(now.follow_ups.clone()),
        (Some(raw), Some(locale), Some(scale)) => {
            follow_ups(raw, &now.follow_ups, scale, locale, &mut e)
        }
        _ => None,
    };
    let (
        Some(kind),
        Some(name),
        Some(scale),
        Some(status),
        Some(default_locale),
        Some(throttle_days),
        Some(touchpoint_id),
        Some(question),
        Some(thank_you),
        Some(follow_ups),
    ) = (
        kind,
        name,
        scale,
        status,
        default_locale,
        throttle_days,
        touchpoint_id,
        question,
        thank_you,
        follow_ups,
    )
    else {
        return Err(e.into());
    };
    SurveyFields {
        name,
        kind,
        scale,
        default_locale,
        question,
        thank_you,
        follow_ups,
        touchpoint_id,
        status,
        anonymous: input.anonymous.unwrap_or(now.anonymous),
        throttle_days,
    }
    .validate()
    .map_err(ApiError::from)
}

/// A touchpoint that vanished between the check and the write is the same `422` as one that
/// never existed.
fn stale_touchpoint(e: StoreError) -> ApiError {
    match e {
        StoreError::Conflict(ConflictKind::StaleReference) => {
            ValidationErrors::one("touchpoint_id", Issue::NotFound).into()
        }
        e => e.into(),
    }
}

fn parse_kind(s: &str) -> Result<SurveyKind, Issue> {
    if s.trim().is_empty() {
        Err(Issue::Required)
    } else {
        s.parse()
    }
}

fn parse_status(s: &str) -> Result<SurveyStatus, Issue> {
    if s.trim().is_empty() {
        Err(Issue::Required)
    } else {
        s.parse()
    }
}

/// A locale by its tag (`cy`, `cy-GB`).
pub(crate) fn parse_locale(s: &str) -> Result<Locale, Issue> {
    if s.trim().is_empty() {
        Err(Issue::Required)
    } else {
        s.parse()
    }
}

/// `[low, high]`, both small integers; whether the kind allows it is checked with the whole
/// definition.
fn parse_scale(raw: &[i64]) -> Result<Scale, Issue> {
    match raw {
        [low, high] => Ok(Scale {
            low: i16::try_from(*low).map_err(|_| Issue::Invalid)?,
            high: i16::try_from(*high).map_err(|_| Issue::Invalid)?,
        }),
        _ => Err(Issue::Invalid),
    }
}

/// The scale, when the kind allows it (checked here as well as with the whole definition, so
/// that it is reported together with the other fields).
fn checked_scale(
    scale: Option<Scale>,
    kind: Option<SurveyKind>,
    e: &mut ValidationErrors,
) -> Option<Scale> {
    match (scale, kind) {
        (Some(s), Some(k)) => e.check("scale", k.check_scale(s)),
        (s, _) => s,
    }
}

fn parse_throttle(days: i64) -> Result<u32, Issue> {
    u32::try_from(days).map_err(|_| Issue::Invalid)
}

/// A touchpoint id that names a touchpoint of one of the workspace's journeys.
async fn touchpoint(
    state: &AppState,
    ws: WorkspaceId,
    s: &str,
) -> Result<Result<Option<TouchpointId>, Issue>, ApiError> {
    let id = match s.parse::<TouchpointId>() {
        Ok(id) => id,
        Err(issue) => return Ok(Err(issue)),
    };
    // Touchpoints live inside journeys; a workspace has tens of journeys, and surveys are
    // created rarely.
    let journeys = state.store.journeys(ws, PageRequest::all()).await?.items;
    for summary in journeys {
        let journey = match state.store.journey(ws, summary.id).await {
            Ok(j) => j,
            Err(StoreError::NotFound) => continue,
            Err(e) => return Err(e.into()),
        };
        if journey.touchpoints.iter().any(|t| t.id == id) {
            return Ok(Ok(Some(id)));
        }
    }
    Ok(Err(Issue::NotFound))
}

/// Texts per locale as sent: keys must be locales taith speaks (`question.xx`:
/// `unknown_value`), the default locale must have a text.
fn localized(
    raw: &wire::Texts,
    field: &str,
    default: Locale,
    e: &mut ValidationErrors,
) -> Option<LocalizedText> {
    let mut by_locale = BTreeMap::new();
    let mut ok = true;
    for (tag, text) in raw {
        match tag.parse::<Locale>() {
            Ok(l) => {
                by_locale.insert(l, text.clone());
            }
            Err(issue) => {
                e.push(format!("{field}.{tag}"), issue);
                ok = false;
            }
        }
    }
    let parsed = e.check(field, LocalizedText::parse(&by_locale, default));
    parsed.filter(|_| ok)
}

/// Follow-up questions as sent. A question sent with the `id` of one of `existing` keeps it;
/// one without an id gets a new one.
fn follow_ups(
    raw: &[wire::FollowUpInput],
    existing: &[FollowUp],
    scale: Scale,
    locale: Locale,
    e: &mut ValidationErrors,
) -> Option<Vec<FollowUp>> {
    let before = e.0.len();
    let mut out = Vec::with_capacity(raw.len());
    let mut ids = BTreeSet::new();
    for (n, f) in raw.iter().enumerate() {
        let at = format!("follow_ups[{n}].");
        let id = match f.id.as_deref().map(str::trim) {
            None | Some("") => Some(FollowUpId::new()),
            Some(s) => e.check(
                &format!("{at}id"),
                s.parse::<FollowUpId>().and_then(|id| {
                    // Ids are ours to give: a client may keep one, not make one up.
                    if existing.iter().any(|x| x.id == id) && ids.insert(id) {
                        Ok(id)
                    } else {
                        Err(Issue::Invalid)
                    }
                }),
            ),
        };
        let prompt = localized(&f.prompt, &format!("{at}prompt"), locale, e);
        let options = |e: &mut ValidationErrors| -> Option<Vec<LocalizedText>> {
            let Some(options) = &f.options else {
                e.push(format!("{at}options"), Issue::Required);
                return None;
            };
            let parsed: Vec<Option<LocalizedText>> = options
                .iter()
                .enumerate()
                .map(|(k, o)| localized(o, &format!("{at}options[{k}]"), locale, e))
                .collect();
            parsed.into_iter().collect()
        };
        let kind = match f.kind.trim() {
            "" => e.check(&format!("{at}type"), Err(Issue::Required)),
            "open_text" => Some(FollowUpKind::OpenText),
            "single_choice" => options(e).map(|options| FollowUpKind::SingleChoice { options }),
            "multiple_choice" => options(e).map(|options| FollowUpKind::MultipleChoice { options }),
            "rating" => match &f.scale {
                None => Some(FollowUpKind::Rating {
                    scale: Scale { low: 1, high: 5 },
                }),
                Some(raw) => e
                    .check(&format!("{at}scale"), parse_scale(raw))
                    .map(|scale| FollowUpKind::Rating { scale }),
            },
            _ => e.check(&format!("{at}type"), Err(Issue::UnknownValue)),
        };
        // Fields that belong to other types would be silently dropped: refuse them instead.
        if f.options.is_some()
            && !matches!(f.kind.trim(), "single_choice" | "multiple_choice")
            && kind.is_some()
        {
            e.push(format!("{at}options"), Issue::Invalid);
        }
        if f.scale.is_some() && f.kind.trim() != "rating" && kind.is_some() {
            e.push(format!("{at}scale"), Issue::Invalid);
        }
        let when = match f.when {
            None => Some(None),
            Some(w) => {
                let bound = |v: Option<i64>, end: i16| match v {
                    None => Ok(end),
                    Some(v) => i16::try_from(v).map_err(|_| Issue::Invalid),
                };
                match (bound(w.min, scale.low), bound(w.max, scale.high)) {
                    (Ok(min), Ok(max)) if min <= max && min >= scale.low && max <= scale.high => {
                        Some(Some(ScoreRange { min, max }))
                    }
                    _ => e.check(&format!("{at}when"), Err(Issue::Invalid)),
                }
            }
        };
        if let (Some(id), Some(prompt), Some(kind), Some(when)) = (id, prompt, kind, when) {
            out.push(FollowUp {
                id,
                prompt,
                kind,
                when,
            });
        }
    }
    (e.0.len() == before).then_some(out)
}

/// The name the standard texts thank and ask about: the workspace's.
async fn workspace_name(state: &AppState, caller: &Caller) -> Result<String, ApiError> {
    Ok(match &caller.workspace {
        Some(w) => w.name.to_string(),
        None => state
            .store
            .workspace(caller.workspace_id)
            .await?
            .name
            .to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scale_is_two_small_integers() {
        assert_eq!(parse_scale(&[1, 7]), Ok(Scale { low: 1, high: 7 }));
        assert_eq!(parse_scale(&[1]), Err(Issue::Invalid));
        assert_eq!(parse_scale(&[1, 2, 3]), Err(Issue::Invalid));
        assert_eq!(parse_scale(&[0, 100_000]), Err(Issue::Invalid));
    }

    #[test]
    fn texts_name_an_unknown_locale_and_a_missing_default() {
        let mut e = ValidationErrors::default();
        let raw: wire::Texts = [("xx".to_owned(), "Hi".to_owned())].into();
        assert_eq!(localized(&raw, "question", Locale::En, &mut e), None);
        assert_eq!(e.issue_for("question.xx"), Some(Issue::UnknownValue));
        assert_eq!(e.issue_for("question"), Some(Issue::Required));
    }

    #[test]
    fn follow_ups_name_the_question_that_is_wrong_and_keep_known_ids() {
        let nps = SurveyKind::Nps.default_scale();
        let prompt: wire::Texts = [("en".to_owned(), "Why?".to_owned())].into();
        let mut e = ValidationErrors::default();
        let raw = vec![
            wire::FollowUpInput {
                kind: "open_text".into(),
                prompt: prompt.clone(),
                when: Some(wire::ScoreRangeInput {
                    min: None,
                    max: Some(6),
                }),
                ..Default::default()
            },
            wire::FollowUpInput {
                kind: "single_choice".into(),
                prompt: prompt.clone(),
                ..Default::default()
            },
        ];
        assert_eq!(follow_ups(&raw, &[], nps, Locale::En, &mut e), None);
        assert_eq!(
            e.0.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(),
            vec!["follow_ups[1].options"]
        );
        let mut e = ValidationErrors::default();
        let made = follow_ups(&raw[..1], &[], nps, Locale::En, &mut e).unwrap_or_default();
        assert_eq!(made[0].when, Some(ScoreRange { min: 0, max: 6 }));
        let again = vec![wire::FollowUpInput {
            id: Some(made[0].id.to_string()),
            kind: "open_text".into(),
            prompt,
            ..Default::default()
        }];
        let kept = follow_ups(&again, &made, nps, Locale::En, &mut e).unwrap_or_default();
        assert_eq!(kept[0].id, made[0].id);
        assert_eq!(follow_ups(&again, &[], nps, Locale::En, &mut e), None);
        assert_eq!(e.issue_for("follow_ups[0].id"), Some(Issue::Invalid));
    }
}
