//! Wire types of invitations.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A customer to invite by e-mail. Found by `external_id`, else by `email`, or created.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InviteeInput {
    #[serde(default)]
    #[schema(required = true, format = "email")]
    pub email: String,
    pub name: Option<String>,
    /// The customer's language (BCP 47; en, cy, ms, sw, ar or vi): the e-mail's and the
    /// survey page's. The survey's default when absent.
    pub locale: Option<String>,
    /// The business's own id for the customer (at most 200 characters).
    pub external_id: Option<String>,
}

/// Customers to invite to a survey by e-mail (at most 1,000 a request).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InvitationsCreate {
    #[serde(default)]
    #[schema(required = true)]
    pub customers: Vec<InviteeInput>,
    /// Days after the invitation to remind those who have not answered (0: no reminder;
    /// at most 60). 3 when absent.
    #[schema(value_type = Option<u16>, minimum = 0, maximum = 60)]
    pub reminder_days: Option<i64>,
}

/// What became of one invitee.
#[derive(Debug, Serialize, ToSchema)]
pub struct InviteOutcome {
    pub email: String,
    /// `invited`; `throttled` (invited to or answered this survey within its throttling
    /// period); `unsubscribed`.
    pub outcome: &'static str,
    /// The invitation, when one was made.
    pub invitation_id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationReport {
    pub invited: usize,
    /// One per customer sent, in order.
    pub outcomes: Vec<InviteOutcome>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationReportResponse {
    pub invitation_report: InvitationReport,
}

/// How a survey's invitations are doing.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationCounts {
    pub invited: u64,
    /// Invitation e-mails the SMTP server took.
    pub sent: u64,
    pub reminded: u64,
    /// Invited customers who answered after their invitation (through it or otherwise).
    pub answered: u64,
    pub unsubscribed: u64,
    /// Invitations held back, not sent, because the customer had been asked enough lately (the
    /// contact budget) or did not consent.
    pub skipped: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationCountsResponse {
    pub invitation_counts: InvitationCounts,
}
