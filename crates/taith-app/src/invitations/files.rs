//! `taith invite`: a CSV file of customers becomes invitations to a survey.

use super::{InviteError, Refused, invite};
use taith_domain::invitation::{ListError, MAX_INVITEES, Skipped, parse_invitees};
use taith_domain::{Survey, WorkspaceId};
use taith_store::{Store, StoreError};

/// Why a file invited nobody, or stopped part of the way (each part of [`MAX_INVITEES`] is
/// its own transaction: the parts before the failing one were invited).
#[derive(Debug, thiserror::Error)]
pub enum InviteFileError {
    /// Lines of the file are wrong; nobody was invited.
    #[error("nobody was invited; fix these lines:\n{}", list_errors(.0))]
    Lines(Vec<ListError>),
    #[error("the file names no customer")]
    Empty,
    #[error(
        "the survey is anonymous: an invitation's link names the customer, so it is shared by \
         its public link, widget or kiosk instead"
    )]
    Anonymous,
    #[error("the survey is closed")]
    Closed,
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn list_errors(errors: &[ListError]) -> String {
    let lines: Vec<String> = errors
        .iter()
        .map(|e| format!("line {}, column {}: {}", e.line, e.column, e.issue.code()))
        .collect();
    lines.join("\n")
}

/// What became of a file's customers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InviteSummary {
    pub invited: usize,
    /// Skipped: asked within the survey's throttle days.
    pub throttled: usize,
    /// Skipped: unsubscribed.
    pub unsubscribed: usize,
}

/// Invites every customer of `text` (checked whole first: a bad line invites nobody), in
/// transactions of [`MAX_INVITEES`], and says what became of them.
pub async fn invite_from_csv(
    store: &dyn Store,
    ws: WorkspaceId,
    survey: &Survey,
    text: &str,
    reminder_days: u16,
) -> Result<InviteSummary, InviteFileError> {
    let invitees = parse_invitees(text).map_err(InviteFileError::Lines)?;
    if invitees.is_empty() {
        return Err(InviteFileError::Empty);
    }
    let mut summary = InviteSummary::default();
    for part in invitees.chunks(MAX_INVITEES) {
        let report = invite(store, ws, survey, part, reminder_days)
            .await
            .map_err(|e| match e {
                InviteError::Refused(Refused::Anonymous) => InviteFileError::Anonymous,
                InviteError::Refused(Refused::Closed) => InviteFileError::Closed,
                InviteError::Store(e) => InviteFileError::Store(e),
            })?;
        summary.invited += report.invited();
        summary.throttled += report.skipped(Skipped::Throttled);
        summary.unsubscribed += report.skipped(Skipped::Unsubscribed);
    }
    Ok(summary)
}
