//! Cases over the API: list with filters, read, open, change (status, owner, root cause), add
//! a note, reply to the customer; the SLA, root causes, opening rules and members' teams; and
//! the case figures of `GET /api/v1/metrics`. Every rule is in `taith_app::cases`.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody, ErrorCode};
use crate::http::extract::{ApiJson, ApiPath, Paging};
use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use taith_app::cases::{self, Actor, Edit, OpenFrom, Refused, figures, settings};
use taith_domain::{
    Action, CaseId, CaseRules, CaseStatus, Issue, SlaInput, SurveyId, UserId, ValidationErrors,
};
use taith_store::CaseFilter;

impl From<Refused> for ApiError {
    fn from(e: Refused) -> Self {
        match e {
            Refused::Invalid(v) => v.into(),
            Refused::Forbidden => ApiError::new(ErrorCode::Forbidden),
            Refused::Stale => ApiError::new(ErrorCode::StaleVersion),
            Refused::Store(s) => s.into(),
        }
    }
}

impl From<settings::SettingsError> for ApiError {
    fn from(e: settings::SettingsError) -> Self {
        match e {
            settings::SettingsError::Invalid(v) => v.into(),
            settings::SettingsError::Store(s) => s.into(),
        }
    }
}

fn parse_in<T: std::str::FromStr>(field: &str, s: &str) -> Result<T, ApiError> {
    s.trim()
        .parse::<T>()
        .map_err(|_| ValidationErrors::one(field, Issue::Invalid).into())
}

/// The workspace's cases the caller may see, newest first. An agent sees their own and the
/// unowned ones.
#[utoipa::path(
    get,
    path = "/api/v1/cases",
    tag = "cases",
    security(("bearer" = [])),
    params(wire::CaseListQuery, crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of cases", body = wire::CaseList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to read cases (a viewer)", body = ErrorBody),
        (status = 422, description = "Bad `status`, `owner`, `touchpoint_id`, `overdue`, `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_cases(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
    RawQuery(query): RawQuery,
) -> Result<Json<wire::CaseList>, ApiError> {
    caller.require(Action::ReadCases)?;
    let q: wire::CaseListQuery =
        serde_urlencoded::from_str(query.as_deref().unwrap_or_default())
            .map_err(|e| ApiError::bad_request(format!("the query string: {e}")))?;
    let now = taith_domain::now();
    let mut filter = CaseFilter::default();
    match q.status.as_deref().map(str::trim) {
        None | Some("") => {}
        Some("active") => {
            filter.statuses = vec![
                CaseStatus::Open,
                CaseStatus::InProgress,
                CaseStatus::WaitingForCustomer,
            ]
        }
        Some(list) => {
            for s in list.split(',') {
                let s = s
                    .parse::<CaseStatus>()
                    .map_err(|i| ApiError::from(ValidationErrors::one("status", i)))?;
                filter.statuses.push(s);
            }
        }
    }
    match q.owner.as_deref().map(str::trim) {
        None | Some("") => {}
        Some("none") => filter.owner = Some(None),
        Some("me") => match caller.principal.user_id() {
            Some(u) => filter.owner = Some(Some(u)),
            None => return Err(ValidationErrors::one("owner", Issue::Invalid).into()),
        },
        Some(u) => filter.owner = Some(Some(parse_in::<UserId>("owner", u)?)),
    }
    if let Some(t) = q.touchpoint_id.as_deref().filter(|t| !t.trim().is_empty()) {
        filter.touchpoint = Some(parse_in("touchpoint_id", t)?);
    }
    match q.overdue.as_deref().map(str::trim) {
        None | Some("") | Some("false") => {}
        Some("true") => filter.overdue_at = Some(now),
        Some(_) => return Err(ValidationErrors::one("overdue", Issue::Invalid).into()),
    }
    let actor = Actor::of(&caller.principal);
    let page = cases::list(
        state.store.as_ref(),
        caller.workspace_id,
        &actor,
        filter,
        paging.request()?,
    )
    .await?;
    Ok(Json(wire::CaseList {
        cases: page.items.iter().map(|c| wire::Case::of(c, now)).collect(),
        next_cursor: page.next.map(|c| c.to_string()),
    }))
}

/// Opens a case by hand. From a response that has a case already, that case is answered with
/// `200` (a response has one case); a new one is `201`.
#[utoipa::path(
    post,
    path = "/api/v1/cases",
    tag = "cases",
    security(("bearer" = [])),
    request_body = wire::CaseCreate,
    responses(
        (status = 201, description = "The new case", body = wire::CaseResponse),
        (status = 200, description = "The response's existing case", body = wire::CaseResponse),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to work cases", body = ErrorBody),
        (status = 422, description = "`response_id` or `feature_request_id`: `invalid` or `not_found`", body = ErrorBody),
    )
)]
pub async fn create_case(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::CaseCreate>,
) -> Result<(StatusCode, Json<wire::CaseResponse>), ApiError> {
    caller.require(Action::WorkCases)?;
    let body = body.into_inner()?;
    let from = match (
        body.response_id.as_deref().filter(|s| !s.trim().is_empty()),
        body.feature_request_id
            .as_deref()
            .filter(|s| !s.trim().is_empty()),
    ) {
        (Some(r), _) => OpenFrom::Response(parse_in("response_id", r)?),
        (None, Some(f)) => OpenFrom::FeatureRequest(parse_in("feature_request_id", f)?),
        (None, None) => OpenFrom::Nothing,
    };
    let actor = Actor::of(&caller.principal);
    let (c, new) =
        cases::open_by_hand(state.store.as_ref(), caller.workspace_id, &actor, from).await?;
    Ok((
        if new {
            StatusCode::CREATED
        } else {
            StatusCode::OK
        },
        Json(wire::CaseResponse {
            case: wire::Case::of(&c, taith_domain::now()),
        }),
    ))
}

/// One case, with its log and replies.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{case_id}",
    tag = "cases",
    security(("bearer" = [])),
    params(("case_id" = Uuid, Path, description = "The case's id")),
    responses(
        (status = 200, description = "The case", body = wire::CaseDetail),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to read cases", body = ErrorBody),
        (status = 404, description = "No such case in this workspace (or not one the caller may see)", body = ErrorBody),
    )
)]
pub async fn get_case(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<CaseId>,
) -> Result<Json<wire::CaseDetail>, ApiError> {
    caller.require(Action::ReadCases)?;
    detail(&state, &caller, id).await.map(Json)
}

async fn detail(
    state: &AppState,
    caller: &Caller,
    id: CaseId,
) -> Result<wire::CaseDetail, ApiError> {
    let ws = caller.workspace_id;
    let store = state.store.as_ref();
    let actor = Actor::of(&caller.principal);
    let c = cases::get(store, ws, &actor, id).await?;
    Ok(wire::CaseDetail {
        case: wire::Case::of(&c, taith_domain::now()),
        log: store
            .case_log(ws, id)
            .await?
            .iter()
            .map(wire::CaseLogEntry::from)
            .collect(),
        replies: store
            .case_replies(ws, id)
            .await?
            .iter()
            .map(wire::CaseReply::from)
            .collect(),
    })
}

/// Changes a case's status, owner or root cause. Closed cases can only be reopened (`open`).
#[utoipa::path(
    patch,
    path = "/api/v1/cases/{case_id}",
    tag = "cases",
    security(("bearer" = [])),
    params(("case_id" = Uuid, Path, description = "The case's id")),
    request_body = wire::CaseUpdate,
    responses(
        (status = 200, description = "The case as changed", body = wire::CaseDetail),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to change this case", body = ErrorBody),
        (status = 404, description = "No such case in this workspace", body = ErrorBody),
        (status = 409, description = "`stale_version`: someone else changed the case since `version`", body = ErrorBody),
        (status = 422, description = "`status` (`invalid`: not a move a case in its status may make), `owner_id`, `root_cause_id`", body = ErrorBody),
    )
)]
pub async fn update_case(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<CaseId>,
    body: ApiJson<wire::CaseUpdate>,
) -> Result<Json<wire::CaseDetail>, ApiError> {
    caller.require(Action::WorkCases)?;
    let body = body.into_inner()?;
    let mut e = ValidationErrors::default();
    let mut edit = Edit::default();
    if let Some(s) = &body.status {
        edit.status = e.check("status", s.parse::<CaseStatus>());
    }
    if let Some(o) = &body.owner_id {
        edit.owner = match o {
            None => Some(None),
            Some(s) => e.check("owner_id", s.parse::<UserId>()).map(Some),
        };
    }
    if let Some(o) = &body.root_cause_id {
        edit.root_cause = match o {
            None => Some(None),
            Some(s) => e.check("root_cause_id", s.parse()).map(Some),
        };
    }
    e.into_result()?;
    change(&state, &caller, id, body.version, edit).await
}

async fn change(
    state: &AppState,
    caller: &Caller,
    id: CaseId,
    version: i64,
    edit: Edit,
) -> Result<Json<wire::CaseDetail>, ApiError> {
    let actor = Actor::of(&caller.principal);
    let result = cases::apply(
        state.store.as_ref(),
        caller.workspace_id,
        &actor,
        id,
        version,
        edit,
    )
    .await;
    match result {
        Ok(_) => detail(state, caller, id).await.map(Json),
        // The API's field names.
        Err(Refused::Invalid(mut v)) => {
            for f in &mut v.0 {
                if f.field == "owner" || f.field == "root_cause" {
                    f.field.push_str("_id");
                }
                if f.field == "note" || f.field == "reply" {
                    f.field = "text".to_owned();
                }
            }
            Err(v.into())
        }
        Err(e) => Err(e.into()),
    }
}

/// Adds a note (a first action when it is a person's).
#[utoipa::path(
    post,
    path = "/api/v1/cases/{case_id}/notes",
    tag = "cases",
    security(("bearer" = [])),
    params(("case_id" = Uuid, Path, description = "The case's id")),
    request_body = wire::CaseText,
    responses(
        (status = 200, description = "The case with the note in its log", body = wire::CaseDetail),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to change this case", body = ErrorBody),
        (status = 404, description = "No such case in this workspace", body = ErrorBody),
        (status = 409, description = "`stale_version`", body = ErrorBody),
        (status = 422, description = "`text`: `required` or `too_long` (4,000 characters)", body = ErrorBody),
    )
)]
pub async fn add_note(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<CaseId>,
    body: ApiJson<wire::CaseText>,
) -> Result<Json<wire::CaseDetail>, ApiError> {
    caller.require(Action::WorkCases)?;
    let body = body.into_inner()?;
    let edit = Edit {
        note: Some(body.text),
        ..Edit::default()
    };
    change(&state, &caller, id, body.version, edit).await
}

/// Replies to the customer by e-mail, framed in the response's language. The reply is stored
/// with the case and sent in the background; `replies[].sent_at` says when the mail server
/// took it. The case need not wait for an answer.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{case_id}/replies",
    tag = "cases",
    security(("bearer" = [])),
    params(("case_id" = Uuid, Path, description = "The case's id")),
    request_body = wire::CaseText,
    responses(
        (status = 200, description = "The case with the reply", body = wire::CaseDetail),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to change this case", body = ErrorBody),
        (status = 404, description = "No such case in this workspace", body = ErrorBody),
        (status = 409, description = "`stale_version`", body = ErrorBody),
        (status = 422, description = "`text`: `required` (also when the customer has no e-mail address) or `too_long`", body = ErrorBody),
    )
)]
pub async fn reply(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<CaseId>,
    body: ApiJson<wire::CaseText>,
) -> Result<Json<wire::CaseDetail>, ApiError> {
    caller.require(Action::WorkCases)?;
    let body = body.into_inner()?;
    let edit = Edit {
        reply: Some(body.text),
        ..Edit::default()
    };
    change(&state, &caller, id, body.version, edit).await
}

// --- settings -----------------------------------------------------------------------------------

fn settings_of(s: &taith_domain::Sla) -> wire::CaseSettings {
    let i = SlaInput::from_sla(s);
    wire::CaseSettings {
        first_action_hours: s.first_action_hours,
        resolve_hours: s.resolve_hours,
        day_start: i.day_start,
        day_end: i.day_end,
        days: i.days,
        utc_offset: i.utc_offset,
    }
}

/// The SLA: business hours to the first action and to resolution, the working days and hours,
/// and the offset from UTC they are in.
#[utoipa::path(
    get,
    path = "/api/v1/cases/settings",
    tag = "cases",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The SLA", body = wire::CaseSettings),
        (status = 401, description = "No valid credentials", body = ErrorBody),
    )
)]
pub async fn get_settings(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<wire::CaseSettings>, ApiError> {
    caller.require(Action::Read)?;
    let sla = state.store.case_sla(caller.workspace_id).await?;
    Ok(Json(settings_of(&sla)))
}

/// Sets the SLA (for cases opened from now on).
#[utoipa::path(
    put,
    path = "/api/v1/cases/settings",
    tag = "cases",
    security(("bearer" = [])),
    request_body = wire::CaseSettingsUpdate,
    responses(
        (status = 200, description = "The SLA as saved", body = wire::CaseSettings),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to change the case settings", body = ErrorBody),
        (status = 422, description = "`first_action_hours`, `resolve_hours` (1–2000, not before the first action), `day_start`, `day_end` (`HH:MM`, end after start), `days`, `utc_offset`", body = ErrorBody),
    )
)]
pub async fn put_settings(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::CaseSettingsUpdate>,
) -> Result<Json<wire::CaseSettings>, ApiError> {
    caller.require(Action::ManageCases)?;
    let b = body.into_inner()?;
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    };
    let input = SlaInput {
        first_action_hours: text(&b.first_action_hours),
        resolve_hours: text(&b.resolve_hours),
        day_start: b.day_start,
        day_end: b.day_end,
        days: b.days,
        utc_offset: b.utc_offset,
    };
    let sla = settings::save_sla(state.store.as_ref(), caller.workspace_id, &input).await?;
    Ok(Json(settings_of(&sla)))
}

fn causes(list: &[taith_domain::RootCause]) -> wire::RootCauseList {
    wire::RootCauseList {
        root_causes: list
            .iter()
            .map(|c| wire::RootCause {
                id: c.id.as_uuid(),
                name: c.name.to_string(),
                archived: c.archived,
            })
            .collect(),
    }
}

/// The root causes a case can name: listed ones in order, then archived ones.
#[utoipa::path(
    get,
    path = "/api/v1/cases/root-causes",
    tag = "cases",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The root causes", body = wire::RootCauseList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
    )
)]
pub async fn list_root_causes(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<wire::RootCauseList>, ApiError> {
    caller.require(Action::Read)?;
    Ok(Json(causes(
        &state.store.root_causes(caller.workspace_id).await?,
    )))
}

/// Replaces the root-cause list.
#[utoipa::path(
    put,
    path = "/api/v1/cases/root-causes",
    tag = "cases",
    security(("bearer" = [])),
    request_body = wire::RootCausesUpdate,
    responses(
        (status = 200, description = "The root causes", body = wire::RootCauseList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to change the case settings", body = ErrorBody),
        (status = 422, description = "`root_causes.N`: `too_long` (80 characters) or `taken` (a name twice); `root_causes`: `too_long` (more than 50)", body = ErrorBody),
    )
)]
pub async fn put_root_causes(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::RootCausesUpdate>,
) -> Result<Json<wire::RootCauseList>, ApiError> {
    caller.require(Action::ManageCases)?;
    let b = body.into_inner()?;
    let list =
        settings::save_root_causes(state.store.as_ref(), caller.workspace_id, &b.root_causes)
            .await?;
    Ok(Json(causes(&list)))
}

/// Every survey's opening rules.
#[utoipa::path(
    get,
    path = "/api/v1/cases/rules",
    tag = "cases",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One entry per survey", body = wire::CaseRulesList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
    )
)]
pub async fn list_rules(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<wire::CaseRulesList>, ApiError> {
    caller.require(Action::Read)?;
    let ws = caller.workspace_id;
    let store = state.store.as_ref();
    let set: HashMap<SurveyId, CaseRules> = store.case_rules(ws).await?.into_iter().collect();
    let rules = store
        .surveys(ws, taith_store::PageRequest::all())
        .await?
        .items
        .iter()
        .map(|s| {
            let r = set.get(&s.id).copied().unwrap_or_default();
            wire::CaseRules {
                survey_id: Some(s.id.as_uuid()),
                low_score: r.low_score,
                negative_comment: r.negative_comment,
            }
        })
        .collect();
    Ok(Json(wire::CaseRulesList { rules }))
}

/// Turns a survey's opening rules on or off.
#[utoipa::path(
    put,
    path = "/api/v1/cases/rules/{survey_id}",
    tag = "cases",
    security(("bearer" = [])),
    params(("survey_id" = Uuid, Path, description = "The survey's id")),
    request_body = wire::CaseRules,
    responses(
        (status = 200, description = "The rules as saved", body = wire::CaseRules),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to change the case settings", body = ErrorBody),
        (status = 404, description = "No such survey in this workspace", body = ErrorBody),
    )
)]
pub async fn put_rules(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(survey): ApiPath<SurveyId>,
    body: ApiJson<wire::CaseRules>,
) -> Result<Json<wire::CaseRules>, ApiError> {
    caller.require(Action::ManageCases)?;
    let b = body.into_inner()?;
    let rules = CaseRules {
        low_score: b.low_score,
        negative_comment: b.negative_comment,
    };
    settings::save_rules(state.store.as_ref(), caller.workspace_id, survey, rules).await?;
    Ok(Json(wire::CaseRules {
        survey_id: Some(survey.as_uuid()),
        low_score: rules.low_score,
        negative_comment: rules.negative_comment,
    }))
}

/// Every member's teams (a team-owned touchpoint's cases go to its members in turn).
#[utoipa::path(
    get,
    path = "/api/v1/teams",
    tag = "members",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Members with teams", body = wire::TeamList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
    )
)]
pub async fn list_teams(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<wire::TeamList>, ApiError> {
    caller.require(Action::Read)?;
    let teams = settings::teams_of(state.store.as_ref(), caller.workspace_id).await?;
    Ok(Json(wire::TeamList {
        members: teams
            .into_iter()
            .map(|(u, t)| wire::MemberTeams {
                user_id: Some(u.as_uuid()),
                teams: t.iter().map(|n| n.to_string()).collect(),
            })
            .collect(),
    }))
}

/// Sets a member's teams (the whole list).
#[utoipa::path(
    put,
    path = "/api/v1/members/{user_id}/teams",
    tag = "members",
    security(("bearer" = [])),
    params(("user_id" = Uuid, Path, description = "The member's user id")),
    request_body = wire::MemberTeams,
    responses(
        (status = 200, description = "The member's teams", body = wire::MemberTeams),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to manage members (tokens never are)", body = ErrorBody),
        (status = 404, description = "No such member in this workspace", body = ErrorBody),
        (status = 422, description = "`teams`: a name empty or too long, or more than 20", body = ErrorBody),
    )
)]
pub async fn put_teams(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(user): ApiPath<UserId>,
    body: ApiJson<wire::MemberTeams>,
) -> Result<Json<wire::MemberTeams>, ApiError> {
    // A member of another workspace is not found, whoever asks (as for the member routes).
    caller.require(Action::Read)?;
    state.store.member_role(caller.workspace_id, user).await?;
    caller.require(Action::ManageMembers)?;
    let b = body.into_inner()?;
    let teams =
        settings::save_teams(state.store.as_ref(), caller.workspace_id, user, &b.teams).await?;
    Ok(Json(wire::MemberTeams {
        user_id: Some(user.as_uuid()),
        teams: teams.iter().map(|t| t.to_string()).collect(),
    }))
}

// --- figures (GET /api/v1/metrics?metric=case_…) ------------------------------------------------

/// The case metric a metrics query asks for, if it is one.
pub fn case_metric(raw: Option<&str>) -> Result<Option<&'static str>, ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|_| ApiError::bad_request("the query string could not be read"))?;
    Ok(pairs
        .iter()
        .find(|(k, _)| k == "metric")
        .and_then(|(_, v)| match v.trim() {
            "case_first_action" => Some("case_first_action"),
            "case_resolution" => Some("case_resolution"),
            "case_overdue" => Some("case_overdue"),
            _ => None,
        }))
}

fn date_param(field: &str, v: &str) -> Result<time::Date, ApiError> {
    time::Date::parse(
        v.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .map_err(|_| ValidationErrors::one(field, Issue::Invalid).into())
}

/// A case figure over the cases opened from `from` to `to` (days, UTC, inclusive; every case
/// without them), at one touchpoint (`where=touchpoint_id:…`) or grouped `by=touchpoint`.
pub async fn case_metric_answer(
    state: &AppState,
    caller: &Caller,
    metric: &'static str,
    raw: Option<&str>,
) -> Result<Response, ApiError> {
    caller.require(Action::Read)?;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|_| ApiError::bad_request("the query string could not be read"))?;
    let mut from = time::OffsetDateTime::UNIX_EPOCH;
    let mut to = time::macros::datetime!(9999-12-31 0:00 UTC);
    let mut touchpoint = None;
    let mut by_touchpoint = false;
    for (k, v) in &pairs {
        match k.as_str() {
            "metric" | "survey" => {}
            "from" if !v.trim().is_empty() => {
                from = date_param("from", v)?.midnight().assume_utc();
            }
            "to" if !v.trim().is_empty() => {
                to = date_param("to", v)?
                    .next_day()
                    .unwrap_or(time::Date::MAX)
                    .midnight()
                    .assume_utc();
            }
            "where" => match v.split_once(':') {
                Some(("touchpoint_id", id)) => touchpoint = Some(parse_in("where", id)?),
                _ => return Err(ValidationErrors::one("where", Issue::UnknownValue).into()),
            },
            "by" => match v.trim() {
                "" => {}
                "touchpoint" => by_touchpoint = true,
                _ => return Err(ValidationErrors::one("by", Issue::UnknownValue).into()),
            },
            "from" | "to" | "limit" => {}
            _ => {}
        }
    }
    if to <= from {
        return Err(ValidationErrors::one("to", Issue::BeforeStart).into());
    }
    let ws = caller.workspace_id;
    let store = state.store.as_ref();
    let groups: Vec<(HashMap<String, String>, figures::CaseFigures)> = if by_touchpoint {
        figures::by_touchpoint(store, ws, from, to)
            .await?
            .into_iter()
            .filter(|(tp, _)| touchpoint.is_none() || *tp == touchpoint)
            .map(|(tp, f)| {
                let mut key = HashMap::new();
                key.insert(
                    "touchpoint_id".to_owned(),
                    tp.map(|t| t.to_string()).unwrap_or_default(),
                );
                (key, f)
            })
            .collect()
    } else {
        vec![(
            HashMap::new(),
            figures::figures(store, ws, from, to, touchpoint).await?,
        )]
    };
    let round1 = taith_app::metrics::round1;
    let groups = groups
        .into_iter()
        .map(|(key, f)| {
            let d = match metric {
                "case_first_action" => Some(&f.first_action),
                "case_resolution" => Some(&f.resolution),
                _ => None,
            };
            match d {
                Some(d) => wire::CaseMetricGroup {
                    key,
                    n: f.opened,
                    value: d.mean_hours.map(round1),
                    ci95: None,
                    small_sample: f.small_sample,
                    median: Some(d.median_hours.map(round1)),
                    p90: Some(d.p90_hours.map(round1)),
                    timed: Some(d.n),
                    open: Some(d.open),
                    overdue: None,
                },
                None => wire::CaseMetricGroup {
                    key,
                    n: f.opened,
                    value: f.overdue_share.map(round1),
                    ci95: f.overdue_ci95.map(|(a, b)| [round1(a), round1(b)]),
                    small_sample: f.small_sample,
                    median: None,
                    p90: None,
                    timed: None,
                    open: None,
                    overdue: Some(f.overdue),
                },
            }
        })
        .collect();
    Ok(Json(wire::CaseMetricAnswer { metric, groups }).into_response())
}
