//! The reply mailer of e-mail conversations, started from `App::start` on every node: it sends
//! the members' replies queued by [`super::queue_reply`] to the customer through the SMTP
//! server the rest of taith's mail goes through ([`Mailer`]), threaded: its own Message-ID
//! (recorded in the threading table, so the customer's answer joins the conversation),
//! In-Reply-To the customer's last mail and References the whole thread.
//!
//! Each reply is claimed with a lease first, so two nodes do not send it at once, and is
//! recorded sent only after the SMTP server took it; a failed send is tried again when its
//! lease runs out, up to [`MAX_ATTEMPTS`] times. A crash between the send and the record may
//! send a reply twice (with the same Message-ID, so the customer's client shows one); none is
//! lost.

use crate::invitations::outbox::Mailer;
use lettre::Message;
use lettre::message::{Mailbox, SinglePart};
use std::time::Duration;
use taith_domain::MessageDirection;
use taith_store::{MailRecord, MailReplyDue, SharedStore, Store, StoreError};
use time::OffsetDateTime;

/// How long a node holds a reply it is sending before another may try.
const LEASE: time::Duration = time::Duration::minutes(5);
const EVERY: Duration = Duration::from_secs(1);
/// Replies claimed per round.
const BATCH: u32 = 50;
/// Sends tried before a reply is marked failed.
pub const MAX_ATTEMPTS: u32 = 10;
/// Ids kept in References (the newest).
const MAX_REFERENCES: usize = 20;

pub(crate) fn start(store: SharedStore, mailer: Option<Mailer>) {
    let Some(mailer) = mailer else {
        return;
    };
    tokio::spawn(async move {
        let mut every = tokio::time::interval(EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            if let Err(e) = send_replies(store.as_ref(), &mailer, taith_domain::now()).await {
                tracing::warn!(
                    error = &e as &dyn std::error::Error,
                    "sending e-mail replies failed; trying again"
                );
            }
        }
    });
}

/// What one round of the reply mailer did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RepliesSent {
    pub sent: usize,
    /// Not taken by the SMTP server this time; tried again later.
    pub failed: usize,
    /// Given up on: no address, or too many attempts.
    pub given_up: usize,
}

/// Sends the replies waiting at `now`.
pub async fn send_replies(
    store: &dyn Store,
    mailer: &Mailer,
    now: OffsetDateTime,
) -> Result<RepliesSent, StoreError> {
    let mut done = RepliesSent::default();
    for reply in store.claim_mail_replies(now, now + LEASE, BATCH).await? {
        let ws = reply.workspace_id;
        let to = reply
            .to_email
            .clone()
            .filter(|_| reply.attempts <= MAX_ATTEMPTS);
        let Some(to) = to else {
            tracing::warn!(message = %reply.message_id, attempts = reply.attempts, "an e-mail reply has no address or failed too often; giving up");
            store
                .mark_mail_reply_failed(ws, reply.conversation_id, reply.message_id)
                .await?;
            done.given_up += 1;
            continue;
        };
        let thread = store.conversation_mails(ws, reply.conversation_id).await?;
        let message_id = message_id_of(&reply, mailer.from());
        let message = match compose(&reply, &to, &thread, &message_id, mailer.from()) {
            Ok(m) => m,
            Err(e) => {
                tracing::error!(message = %reply.message_id, error = %e, "cannot compose an e-mail reply; giving up");
                store
                    .mark_mail_reply_failed(ws, reply.conversation_id, reply.message_id)
                    .await?;
                done.given_up += 1;
                continue;
            }
        };
        match mailer.send(message).await {
            Ok(()) => {
                let record = MailRecord {
                    rfc_message_id: message_id,
                    conversation_id: reply.conversation_id,
                    message_id: reply.message_id,
                    direction: MessageDirection::Out,
                    address: to,
                    no_reply: None,
                    at: taith_domain::now(),
                };
                store.mark_mail_reply_sent(ws, &record).await?;
                done.sent += 1;
            }
            Err(e) => {
                tracing::warn!(message = %reply.message_id, error = %e, "SMTP did not take an e-mail reply; it is tried again later");
                done.failed += 1;
            }
        }
    }
    Ok(done)
}

/// The reply's Message-ID (without brackets): made from the message's id, so a second attempt
/// sends the same one.
fn message_id_of(reply: &MailReplyDue, from: &Mailbox) -> String {
    format!("{}@{}", reply.message_id.as_uuid(), from.email.domain())
}

/// `Re: ` and the subject, unless it already starts so.
pub fn reply_subject(subject: &str) -> String {
    let s = subject.trim();
    if s.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("re:")) {
        s.to_owned()
    } else {
        format!("Re: {s}")
    }
}

#[derive(Debug, thiserror::Error)]
enum ComposeError {
    #[error("address: {0}")]
    Address(#[from] lettre::address::AddressError),
    #[error("message: {0}")]
    Message(#[from] lettre::error::Error),
}

fn compose(
    reply: &MailReplyDue,
    to: &str,
    thread: &[MailRecord],
    message_id: &str,
    from: &Mailbox,
) -> Result<Message, ComposeError> {
    let to = Mailbox::new(reply.to_name.clone(), to.parse()?);
    let mut from = from.clone();
    if let Some(author) = &reply.author {
        // "Siwan at Becws" style display names are the sender's; keep the address.
        from.name = Some(author.clone());
    }
    let mut builder = Message::builder()
        .from(from)
        .to(to)
        .subject(reply_subject(&reply.subject))
        .message_id(Some(format!("<{message_id}>")));
    let last_in = thread
        .iter()
        .rev()
        .find(|m| m.direction == MessageDirection::In)
        .or(thread.last());
    if let Some(parent) = last_in {
        builder = builder.in_reply_to(format!("<{}>", parent.rfc_message_id));
    }
    let skip = thread.len().saturating_sub(MAX_REFERENCES);
    let references: Vec<String> = thread
        .iter()
        .skip(skip)
        .map(|m| format!("<{}>", m.rfc_message_id))
        .collect();
    if !references.is_empty() {
        builder = builder.references(references.join(" "));
    }
    Ok(builder.singlepart(SinglePart::plain(reply.body.clone()))?)
}
