//! Invitations to surveys by e-mail, and their outbox.

use crate::{NewCustomer, StoreResult};
use async_trait::async_trait;
use taith_domain::invitation::{Invitation, InviteOutcome, MailKind};
use taith_domain::{CustomerId, Email, InvitationId, Locale, Name, SurveyId, WorkspaceId};
use time::OffsetDateTime;

/// One customer to invite.
#[derive(Debug, Clone)]
pub struct NewInvitation {
    pub id: InvitationId,
    pub customer: NewCustomer,
    /// The secret of the invitation's links.
    pub token: String,
    pub reminder_days: u16,
}

/// An e-mail the outbox should send.
#[derive(Debug, Clone)]
pub struct MailDue {
    pub workspace_id: WorkspaceId,
    pub invitation: Invitation,
    pub token: String,
    pub kind: MailKind,
    pub email: Email,
    pub name: Option<Name>,
}

/// A survey's invitations, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InvitationCounts {
    pub invited: u64,
    pub sent: u64,
    pub reminded: u64,
    /// Invited customers who answered the survey after they were invited (by any channel).
    pub answered: u64,
    pub unsubscribed: u64,
    /// Invitations not sent because the contact budget or the customer's consent said no
    /// (docs/contact.md).
    pub skipped: u64,
}

/// Invitations to a survey, the e-mails due for them, and unsubscribing.
#[async_trait]
pub trait InvitationStore: Send + Sync {
    /// Invites customers to a survey in one transaction. Each is found or created as by
    /// [`upsert_customer`](crate::CustomerStore::upsert_customer); one who unsubscribed, or
    /// was invited to or answered this survey, or was sent a "we did" notice, since `not_since` (throttling, also within this
    /// batch), is skipped. The
    /// invitation's language is the customer's, else `fallback_locale`. One outcome per
    /// invitee, in order. NotFound when the survey is not the workspace's.
    async fn create_invitations(
        &self,
        ws: WorkspaceId,
        survey: SurveyId,
        invitees: &[NewInvitation],
        not_since: OffsetDateTime,
        fallback_locale: Locale,
    ) -> StoreResult<Vec<InviteOutcome>>;

    /// The invitation whose links carry `token`, with its workspace.
    async fn invitation_by_token(&self, token: &str) -> StoreResult<(WorkspaceId, Invitation)>;

    /// E-mails to send now, every workspace's, oldest first, up to `limit`: invitations not
    /// sent yet, then reminders due at `now` to customers who have not answered the survey
    /// since they were invited. Only for live surveys, and never to an unsubscribed customer.
    /// E-mails another node has claimed (see [`InvitationStore::claim_mail`]) are left out until
    /// the claim runs out.
    async fn mail_due(&self, now: OffsetDateTime, limit: u32) -> StoreResult<Vec<MailDue>>;

    /// Claims the invitation's e-mail of `kind` for this node until `until`, if it is still
    /// unsent and nobody's claim holds at `now`. Of several nodes' outboxes exactly one gets
    /// `true`, so the e-mail goes out once.
    async fn claim_mail(
        &self,
        ws: WorkspaceId,
        id: InvitationId,
        kind: MailKind,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> StoreResult<bool>;

    /// Records that the invitation's e-mail of `kind` went out at `at`.
    async fn mark_mailed(
        &self,
        ws: WorkspaceId,
        id: InvitationId,
        kind: MailKind,
        at: OffsetDateTime,
    ) -> StoreResult<()>;

    /// Records that the contact budget held back the invitation's e-mail at `at`, and why
    /// (`taith_domain::contact::Reason`): nothing more is sent for this invitation.
    async fn skip_mail(
        &self,
        ws: WorkspaceId,
        id: InvitationId,
        reason: taith_domain::contact::Reason,
        at: OffsetDateTime,
    ) -> StoreResult<()>;

    /// The customer wants no more e-mails from this workspace: consent for every purpose
    /// withdrawn from the unsubscribe link (kept from the first time).
    async fn unsubscribe(
        &self,
        ws: WorkspaceId,
        customer: CustomerId,
        at: OffsetDateTime,
    ) -> StoreResult<()>;

    /// How a survey's invitations are doing.
    async fn invitation_counts(
        &self,
        ws: WorkspaceId,
        survey: SurveyId,
    ) -> StoreResult<InvitationCounts>;
}
