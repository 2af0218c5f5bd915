//! `taith inbox`: the inbox from the command line — `list` prints the conversations the inbox
//! page lists (through the same use-case, `taith_app::inbox::list`), newest activity first,
//! one tab-separated row each.

use crate::output::Out;
use anyhow::{anyhow, bail};
use clap::Subcommand;
use taith_domain::{ConversationStatus, Workspace};
use taith_store::{Assigned, InboxFilter, PageRequest, SharedStore};

/// How many conversations one round of the listing reads.
const PAGE: u32 = 200;
/// How many words of the first message stand in for a missing subject.
const FIRST_WORDS: usize = 8;

#[derive(Debug, Subcommand)]
pub enum InboxCommand {
    /// The workspace's conversations, newest activity first: one line each with its id,
    /// status, priority, channel, assignee, subject (or the first words of its first
    /// message) and last activity (RFC 3339), separated by tabs.
    List {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// Only this status as the inbox shows it: open, pending, snoozed or resolved (a
        /// snooze whose time has passed is open). Every status when left out.
        #[arg(long)]
        status: Option<String>,
        /// Only the conversations assigned to the member with this e-mail address, or
        /// `nobody` for the unassigned ones.
        #[arg(long)]
        assignee: Option<String>,
    },
}

impl InboxCommand {
    pub fn workspace(&self) -> &str {
        match self {
            InboxCommand::List { workspace, .. } => workspace,
        }
    }
}

/// A cell of a row: tabs and line breaks become spaces.
fn cell(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

pub async fn run(
    store: &SharedStore,
    ws: &Workspace,
    command: InboxCommand,
    out: Out,
) -> anyhow::Result<()> {
    let InboxCommand::List {
        status, assignee, ..
    } = command;
    let members = store.members(ws.id).await?;
    let mut filter = InboxFilter::default();
    if let Some(s) = status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let s: ConversationStatus = s
            .parse()
            .map_err(|_| anyhow!("--status {s:?}: one of open, pending, snoozed, resolved"))?;
        filter.statuses = vec![s];
    }
    if let Some(a) = assignee.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        filter.assigned = if a.eq_ignore_ascii_case("nobody") {
            Assigned::Unassigned
        } else {
            match members
                .iter()
                .find(|m| m.user.email.as_str().eq_ignore_ascii_case(a))
            {
                Some(m) => Assigned::Member(m.user.id),
                None => bail!(
                    "--assignee {a:?}: no member of {} has that address",
                    ws.slug
                ),
            }
        };
    }
    let now = taith_domain::now();
    let mut page = PageRequest::first(PAGE);
    loop {
        let got = taith_app::inbox::list(store.as_ref(), ws.id, &filter, page).await?;
        for item in &got.items {
            let c = &item.conversation;
            let assignee = c
                .assignee
                .and_then(|a| members.iter().find(|m| m.user.id == a))
                .map(|m| m.user.name.to_string())
                .or_else(|| c.agent.clone())
                .unwrap_or_else(|| "-".to_owned());
            let subject = if c.subject.trim().is_empty() {
                let first = store.conversation_messages(ws.id, c.id).await?;
                first
                    .first()
                    .map(|m| {
                        m.body
                            .split_whitespace()
                            .take(FIRST_WORDS)
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .unwrap_or_else(|| "-".to_owned())
            } else {
                c.subject.clone()
            };
            let activity = item
                .last_activity_at
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default();
            // Written as a file is: a reader that stops early (`| head`) is not an error.
            out.file(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                c.id,
                item.status(now).as_str(),
                item.priority.as_str(),
                c.channel.as_str(),
                cell(&assignee),
                cell(&subject),
                activity,
            ))?;
        }
        match got.next {
            Some(next) => {
                page = PageRequest {
                    after: Some(next),
                    limit: PAGE,
                }
            }
            None => return Ok(()),
        }
    }
}
