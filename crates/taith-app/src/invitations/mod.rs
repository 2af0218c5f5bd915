//! Inviting customers to a survey by e-mail: the one set of rules the UI, the API and the CLI
//! share. The invitations go to the outbox (`mail`), which sends them.

pub mod files;
pub mod outbox;

use crate::account::secrets::random_secret;
use taith_domain::invitation::{InviteOutcome, Invitee, Skipped};
use taith_domain::{Email, Survey, SurveyStatus, WorkspaceId};
use taith_store::{NewCustomer, NewInvitation, Store, StoreError};

/// Why a survey cannot be sent by e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// An invitation's link names the customer: an anonymous survey is shared by its public
    /// link, widget or kiosk instead.
    Anonymous,
    /// A closed survey takes no answers.
    Closed,
}

#[derive(Debug, thiserror::Error)]
pub enum InviteError {
    #[error("this survey cannot be sent by e-mail: {0:?}")]
    Refused(Refused),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What became of a list of invitees.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InviteReport {
    /// Each invitee's e-mail and outcome, in the order given.
    pub outcomes: Vec<(Email, InviteOutcome)>,
}

impl InviteReport {
    pub fn invited(&self) -> usize {
        self.count(|o| matches!(o, InviteOutcome::Invited(_)))
    }

    pub fn skipped(&self, why: Skipped) -> usize {
        self.count(|o| *o == InviteOutcome::Skipped(why))
    }

    fn count(&self, f: impl Fn(&InviteOutcome) -> bool) -> usize {
        self.outcomes.iter().filter(|(_, o)| f(o)).count()
    }
}

/// Invites `invitees` to `survey` (one transaction): customers are found or created, and those
/// unsubscribed or asked within the survey's throttling period are skipped. Each invitation
/// gets its own secret link; the e-mail waits in the outbox.
pub async fn invite(
    store: &dyn Store,
    ws: WorkspaceId,
    survey: &Survey,
    invitees: &[Invitee],
    reminder_days: u16,
) -> Result<InviteReport, InviteError> {
    let f = &survey.fields;
    if f.anonymous {
        return Err(InviteError::Refused(Refused::Anonymous));
    }
    if f.status == SurveyStatus::Closed {
        return Err(InviteError::Refused(Refused::Closed));
    }
    let new: Vec<NewInvitation> = invitees
        .iter()
        .map(|i| NewInvitation {
            id: taith_domain::InvitationId::new(),
            customer: NewCustomer {
                external_id: i.external_id.clone(),
                email: Some(i.email.clone()),
                name: i.name.clone(),
                locale: i.locale,
            },
            token: random_secret(),
            reminder_days,
        })
        .collect();
    let not_since = taith_domain::now() - time::Duration::days(i64::from(f.throttle_days));
    let outcomes = store
        .create_invitations(ws, survey.id, &new, not_since, f.default_locale)
        .await?;
    Ok(InviteReport {
        outcomes: invitees
            .iter()
            .map(|i| i.email.clone())
            .zip(outcomes)
            .collect(),
    })
}
