//! Inviting customers to a survey by e-mail from its page (`/w/{slug}/surveys/{id}/invite`):
//! a pasted list of customers, a reminder delay, and how the survey's invitations are doing.

use crate::AppState;
use crate::http::ctx::{CsrfForm, Member};
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::journeys::pages::parse_id;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use taith_app::invitations::{InviteError, Refused, invite};
use taith_domain::invitation::{
    DEFAULT_REMINDER_DAYS, MAX_INVITEES, Skipped, parse_invitees, parse_reminder_days,
};
use taith_domain::{Action, Survey, SurveyId, SurveyStatus};
use taith_store::InvitationCounts;

#[derive(Template, WebTemplate)]
#[template(path = "invitations/form.html")]
pub struct InvitePage {
    l: Layout,
    id: String,
    name: String,
    /// Why this survey cannot be sent by e-mail, if it cannot.
    refused: Option<String>,
    /// Said when e-mail is not set up, or the survey is not live yet.
    waiting: Vec<String>,
    counts: String,
    can_invite: bool,
    customers: String,
    customers_hint: String,
    reminder: String,
    /// Per-line problems with the list, or a problem with the reminder delay.
    errors: Vec<String>,
    reminder_error: Option<String>,
    /// What the last sending did.
    result: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct InviteInput {
    #[serde(default)]
    customers: String,
    #[serde(default)]
    reminder_days: String,
}

fn refusal(survey: &Survey, m: &Member) -> Option<String> {
    let tr = m.tr();
    if survey.fields.anonymous {
        Some(tr.t("survey-invite-anonymous"))
    } else if survey.fields.status == SurveyStatus::Closed {
        Some(tr.t("survey-invite-closed"))
    } else {
        None
    }
}

async fn page(
    state: &AppState,
    m: &Member,
    survey: &Survey,
    input: InviteInput,
) -> Result<InvitePage, PageError> {
    let tr = m.tr();
    let c: InvitationCounts = state
        .store
        .invitation_counts(m.workspace.id, survey.id)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    let mut waiting = Vec::new();
    if !state.app.outbox.enabled() {
        waiting.push(tr.t("survey-invite-mail-off"));
    }
    // A draft says what to do: publish it first (invitations wait until then).
    if survey.fields.status == SurveyStatus::Draft {
        waiting.push(tr.t("survey-publish-first"));
    } else if survey.fields.status != SurveyStatus::Live {
        waiting.push(tr.t("survey-invite-waiting"));
    }
    let count = |n: u64| tr.number(n as f64, 0);
    Ok(InvitePage {
        l: m.layout("surveys"),
        id: survey.id.to_string(),
        name: survey.fields.name.to_string(),
        refused: refusal(survey, m),
        waiting,
        counts: tr.ta(
            "survey-invite-stats",
            &[
                ("invited", count(c.invited)),
                ("sent", count(c.sent)),
                ("reminded", count(c.reminded)),
                ("answered", count(c.answered)),
                ("unsubscribed", count(c.unsubscribed)),
                ("skipped", count(c.skipped)),
            ],
        ),
        can_invite: m.may(Action::EditJourneys),
        customers: input.customers,
        customers_hint: tr.tn("survey-invite-customers-hint", "max", MAX_INVITEES as i64),
        reminder: if input.reminder_days.is_empty() {
            DEFAULT_REMINDER_DAYS.to_string()
        } else {
            input.reminder_days
        },
        errors: Vec::new(),
        reminder_error: None,
        result: None,
    })
}

async fn load(state: &AppState, m: &Member, id: &str) -> Result<Survey, PageError> {
    let id: SurveyId = parse_id(id, m.tr())?;
    state
        .store
        .survey(m.workspace.id, id)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))
}

pub async fn form(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
) -> Result<InvitePage, PageError> {
    let survey = load(&state, &m, &id).await?;
    let input = InviteInput {
        customers: String::new(),
        reminder_days: String::new(),
    };
    page(&state, &m, &survey, input).await
}

pub async fn send(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(input): CsrfForm<InviteInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let survey = load(&state, &m, &id).await?;
    let tr = m.tr().clone();
    let reminder = parse_reminder_days(&input.reminder_days);
    let invitees = parse_invitees(&input.customers);
    let mut p = page(&state, &m, &survey, input).await?;
    if p.refused.is_some() {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, p).into_response());
    }
    let reminder_days = match reminder {
        Ok(d) => Some(d),
        Err(i) => {
            p.reminder_error = Some(tr.issue(i));
            None
        }
    };
    match &invitees {
        Ok(list) if list.is_empty() => p.errors.push(tr.t("survey-invite-empty")),
        Ok(list) if list.len() > MAX_INVITEES => p.errors.push(p.customers_hint.clone()),
        Ok(_) => {}
        Err(errors) => {
            p.errors = errors
                .iter()
                .map(|e| {
                    tr.ta(
                        "survey-invite-line",
                        &[
                            ("line", e.line.to_string()),
                            ("column", e.column.to_owned()),
                            ("issue", tr.issue(e.issue)),
                        ],
                    )
                })
                .collect();
        }
    }
    let (Some(reminder_days), Ok(list), true) = (reminder_days, &invitees, p.errors.is_empty())
    else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, p).into_response());
    };
    let report = match invite(
        state.store.as_ref(),
        m.workspace.id,
        &survey,
        list,
        reminder_days,
    )
    .await
    {
        Ok(r) => r,
        Err(InviteError::Refused(Refused::Anonymous | Refused::Closed)) => {
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, p).into_response());
        }
        Err(InviteError::Store(e)) => return Err(PageError::from_store(e, &tr)),
    };
    state.app.outbox.wake();
    let mut p = page(
        &state,
        &m,
        &survey,
        InviteInput {
            customers: String::new(),
            reminder_days: reminder_days.to_string(),
        },
    )
    .await?;
    let count = |n: usize| tr.number(n as f64, 0);
    p.result = Some(tr.tna(
        "survey-invite-result",
        ("days", i64::from(survey.fields.throttle_days)),
        &[
            ("invited", count(report.invited())),
            ("throttled", count(report.skipped(Skipped::Throttled))),
            ("unsubscribed", count(report.skipped(Skipped::Unsubscribed))),
        ],
    ));
    Ok(p.into_response())
}
