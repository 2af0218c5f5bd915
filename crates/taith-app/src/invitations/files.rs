//! `taith invite`: a CSV file of customers becomes invitations to a survey.

use super::{InviteError, Refused, invite};
use taith_domain::invitation::{MAX_INVITEES, Skipped, parse_invitees};
use taith_domain::{Survey, WorkspaceId};
use taith_store::Store;

/// Invites every customer of `text` (checked whole first: a bad line invites nobody), in
/// transactions of [`MAX_INVITEES`], and says what became of them.
pub async fn invite_from_csv(
    store: &dyn Store,
    ws: WorkspaceId,
    survey: &Survey,
    text: &str,
    reminder_days: u16,
) -> anyhow::Result<String> {
    let invitees = parse_invitees(text).map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| format!("line {}, column {}: {}", e.line, e.column, e.issue.code()))
            .collect();
        anyhow::anyhow!("nobody was invited; fix these lines:\n{}", lines.join("\n"))
    })?;
    if invitees.is_empty() {
        anyhow::bail!("the file names no customer");
    }
    let (mut invited, mut throttled, mut unsubscribed) = (0, 0, 0);
    for part in invitees.chunks(MAX_INVITEES) {
        let report = invite(store, ws, survey, part, reminder_days)
            .await
            .map_err(|e| match e {
                InviteError::Refused(Refused::Anonymous) => anyhow::anyhow!(
                    "the survey is anonymous: an invitation's link names the customer, so it is \
                     shared by its public link, widget or kiosk instead"
                ),
                InviteError::Refused(Refused::Closed) => {
                    anyhow::anyhow!("the survey is closed")
                }
                InviteError::Store(e) => anyhow::Error::new(e),
            })?;
        invited += report.invited();
        throttled += report.skipped(Skipped::Throttled);
        unsubscribed += report.skipped(Skipped::Unsubscribed);
    }
    Ok(format!(
        "invited {invited} to the survey “{}”; skipped {throttled} asked in the last {} days and \
         {unsubscribed} unsubscribed. The server's outbox sends the e-mails.",
        survey.fields.name, survey.fields.throttle_days
    ))
}
