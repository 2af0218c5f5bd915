//! Inviting customers to a survey through the API, and counting the invitations.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody, ErrorCode};
use crate::http::extract::{ApiJson, ApiPath};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use taith_domain::{Action, Issue, Locale, Name, SurveyId, ValidationErrors};

/// Invites customers to a survey by e-mail. Each gets a personal, single-use link; the
/// e-mails go out from the outbox (once SMTP is configured and while the survey is live), with
/// one reminder after `reminder_days`. Customers who unsubscribed, or were invited to or
/// answered this survey within its `throttle_days`, are skipped and say so.
#[utoipa::path(
    post,
    path = "/api/v1/surveys/{survey_id}/invitations",
    tag = "surveys",
    security(("bearer" = [])),
    params(("survey_id" = Uuid, Path, description = "The survey's id")),
    request_body = wire::InvitationsCreate,
    responses(
        (status = 201, description = "What became of each customer", body = wire::InvitationReportResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit surveys", body = ErrorBody),
        (status = 404, description = "No such survey in this workspace", body = ErrorBody),
        (status = 409, description = "An anonymous survey (its answers name nobody, an invitation's link does) or a closed one (`conflict`)", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "Invalid fields, e.g. `customers[2].email`", body = ErrorBody),
    )
)]
pub async fn create_invitations(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<SurveyId>,
    body: ApiJson<wire::InvitationsCreate>,
) -> Result<(StatusCode, Json<wire::InvitationReportResponse>), ApiError> {
    use taith_domain::invitation::InviteOutcome;
    caller.require(Action::EditJourneys)?;
    let input = body.into_inner()?;
    let ws = caller.workspace_id;
    let survey = state.store.survey(ws, id).await?;
    let (invitees, reminder_days) = invitees(&input)?;
    let report =
        taith_app::invitations::invite(state.store.as_ref(), ws, &survey, &invitees, reminder_days)
            .await
            .map_err(|e| match e {
                taith_app::invitations::InviteError::Refused(_) => {
                    ApiError::new(ErrorCode::Conflict)
                }
                taith_app::invitations::InviteError::Store(e) => e.into(),
            })?;
    state.app.outbox.wake();
    let outcomes = report
        .outcomes
        .iter()
        .map(|(email, outcome)| wire::InviteOutcome {
            email: email.as_str().to_owned(),
            outcome: match outcome {
                InviteOutcome::Invited(_) => "invited",
                InviteOutcome::Skipped(why) => why.as_str(),
            },
            invitation_id: match outcome {
                InviteOutcome::Invited(id) => Some(id.as_uuid()),
                InviteOutcome::Skipped(_) => None,
            },
        })
        .collect();
    Ok((
        StatusCode::CREATED,
        Json(wire::InvitationReportResponse {
            invitation_report: wire::InvitationReport {
                invited: report.invited(),
                outcomes,
            },
        }),
    ))
}

/// An invitation request's customers and reminder delay, checked (`customers[2].email`), as
/// `POST /api/v1/surveys/{survey_id}/invitations` checks them before inviting anyone.
pub fn invitees(
    input: &wire::InvitationsCreate,
) -> Result<(Vec<taith_domain::invitation::Invitee>, u16), ValidationErrors> {
    use taith_domain::invitation::{
        DEFAULT_REMINDER_DAYS, Invitee, MAX_INVITEES, MAX_REMINDER_DAYS, parse_external_id,
    };
    let mut e = ValidationErrors::default();
    if input.customers.is_empty() {
        e.push("customers", Issue::Required);
    }
    if input.customers.len() > MAX_INVITEES {
        e.push("customers", Issue::TooLong);
    }
    let reminder_days = match input.reminder_days {
        None => Some(DEFAULT_REMINDER_DAYS),
        Some(d) => e.check(
            "reminder_days",
            u16::try_from(d)
                .ok()
                .filter(|d| *d <= MAX_REMINDER_DAYS)
                .ok_or(Issue::UnknownValue),
        ),
    };
    let mut invitees = Vec::with_capacity(input.customers.len());
    for (i, c) in input.customers.iter().enumerate().take(MAX_INVITEES) {
        let field = |f: &str| format!("customers[{i}].{f}");
        let email = e.check(&field("email"), taith_domain::Email::parse(&c.email));
        let name = match c.name.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(n) => e.check(&field("name"), Name::parse(n).map(Some)),
        };
        let locale = match c.locale.as_deref() {
            None | Some("") => Some(None),
            Some(l) => e.check(
                &field("locale"),
                Locale::from_tag(l).map(Some).ok_or(Issue::UnknownValue),
            ),
        };
        let external_id = e.check(
            &field("external_id"),
            parse_external_id(c.external_id.as_deref().unwrap_or("")),
        );
        if let (Some(email), Some(name), Some(locale), Some(external_id)) =
            (email, name, locale, external_id)
        {
            invitees.push(Invitee {
                email,
                name,
                locale,
                external_id,
            });
        }
    }
    e.into_result()?;
    Ok((invitees, reminder_days.unwrap_or(DEFAULT_REMINDER_DAYS)))
}

/// How a survey's e-mail invitations are doing.
#[utoipa::path(
    get,
    path = "/api/v1/surveys/{survey_id}/invitations",
    tag = "surveys",
    security(("bearer" = [])),
    params(("survey_id" = Uuid, Path, description = "The survey's id")),
    responses(
        (status = 200, description = "The survey's invitations, counted", body = wire::InvitationCountsResponse),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such survey in this workspace", body = ErrorBody),
    )
)]
pub async fn invitation_counts(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<SurveyId>,
) -> Result<Json<wire::InvitationCountsResponse>, ApiError> {
    caller.require(Action::Read)?;
    let ws = caller.workspace_id;
    // 404 for another workspace's survey, as for a missing one.
    state.store.survey(ws, id).await?;
    let c = state.store.invitation_counts(ws, id).await?;
    Ok(Json(wire::InvitationCountsResponse {
        invitation_counts: wire::InvitationCounts {
            invited: c.invited,
            sent: c.sent,
            reminded: c.reminded,
            answered: c.answered,
            unsubscribed: c.unsubscribed,
            skipped: c.skipped,
        },
    }))
}
