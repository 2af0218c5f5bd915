//! The cases' background workers, started from `App::start` on every node:
//!
//! - the **opener** takes responses off the store's queue (filled by triggers when a response
//!   is stored and when its comment is read as negative) and opens a case for each one a
//!   survey's rule picks. Two nodes may look at the same response; the store's unique rule on
//!   the response makes one case of it, and the loser's transaction leaves no trace.
//! - the **reply mailer** sends replies written on cases to the customer, in the customer's
//!   language, through the SMTP server invitations use. Each reply is claimed with a lease
//!   first, so two nodes do not send it at once, and recorded sent only after the SMTP server
//!   took it; a failed send is tried again when its lease runs out.

use super::{Actor, open_for_response};
use crate::invitations::outbox::Mailer;
use lettre::Message;
use lettre::message::{Mailbox, MultiPart, SinglePart};
use std::collections::HashMap;
use std::time::Duration;
use taith_domain::{CaseRules, CaseSource, SurveyId, WorkspaceId, case::is_low_score};
use taith_i18n::Tr;
use taith_store::{CaseReply, SharedStore, Store, StoreError};
use taith_text::Polarity;
use time::OffsetDateTime;

/// How often the queue is looked at.
const POLL_EVERY: Duration = Duration::from_millis(250);
/// Responses taken off the queue at a time.
const BATCH: u32 = 200;
/// A response older than this when the opener sees it (history imported from a file, say)
/// opens no case by itself: nobody can follow up a months-old answer as if it were new.
pub const MAX_AGE: time::Duration = time::Duration::days(7);
/// How long a node holds a reply it is sending before another may try.
const LEASE: time::Duration = time::Duration::minutes(5);
const MAIL_EVERY: Duration = Duration::from_secs(1);

pub(crate) fn start(store: SharedStore, mailer: Option<Mailer>) {
    let opener = store.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(POLL_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            loop {
                match open_pending(opener.as_ref()).await {
                    Ok(n) if n == BATCH as usize => continue,
                    Ok(_) => break,
                    Err(e) => {
                        tracing::warn!(
                            error = &e as &dyn std::error::Error,
                            "opening cases failed; trying again"
                        );
                        break;
                    }
                }
            }
        }
    });
    if let Some(mailer) = mailer {
        tokio::spawn(async move {
            let mut every = tokio::time::interval(MAIL_EVERY);
            every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                every.tick().await;
                if let Err(e) = send_replies(store.as_ref(), &mailer, taith_domain::now()).await {
                    tracing::warn!(
                        error = &e as &dyn std::error::Error,
                        "sending case replies failed; trying again"
                    );
                }
            }
        });
    }
}

/// Looks at one batch of queued responses; returns how many were taken off the queue.
pub async fn open_pending(store: &dyn Store) -> Result<usize, StoreError> {
    let pending = store.case_pending(BATCH).await?;
    let taken = pending.len();
    let mut rules: HashMap<WorkspaceId, HashMap<SurveyId, CaseRules>> = HashMap::new();
    let mut surveys: HashMap<(WorkspaceId, SurveyId), Option<taith_domain::Survey>> =
        HashMap::new();
    let now = taith_domain::now();
    let mut done = Vec::with_capacity(taken);
    for p in pending {
        done.push((p.workspace_id, p.response_id, p.queued_at));
        let ws = p.workspace_id;
        let response = match store.response(ws, p.response_id).await {
            Ok(r) => r,
            Err(StoreError::NotFound) => continue,
            Err(e) => return Err(e),
        };
        if now - response.submitted_at > MAX_AGE {
            continue;
        }
        if let std::collections::hash_map::Entry::Vacant(slot) = rules.entry(ws) {
            slot.insert(store.case_rules(ws).await?.into_iter().collect());
        }
        let rule = rules
            .get(&ws)
            .and_then(|m| m.get(&response.survey_id))
            .copied()
            .unwrap_or_default();
        let key = (ws, response.survey_id);
        if let std::collections::hash_map::Entry::Vacant(slot) = surveys.entry(key) {
            slot.insert(match store.survey(ws, response.survey_id).await {
                Ok(s) => Some(s),
                Err(StoreError::NotFound) => None,
                Err(e) => return Err(e),
            });
        }
        let Some(Some(survey)) = surveys.get(&key) else {
            continue;
        };
        let low =
            rule.low_score && is_low_score(survey.fields.kind, survey.fields.scale, response.score);
        let negative = rule.negative_comment && p.sentiment == Some(Polarity::Negative);
        let source = if low {
            CaseSource::Score
        } else if negative {
            CaseSource::Sentiment
        } else {
            continue;
        };
        open_for_response(store, ws, &response, source, &Actor::system()).await?;
    }
    store.forget_case_pending(&done).await?;
    Ok(taken)
}

/// What one round of the reply mailer did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RepliesSent {
    pub sent: usize,
    pub failed: usize,
}

/// Sends the replies waiting at `now`.
pub async fn send_replies(
    store: &dyn Store,
    mailer: &Mailer,
    now: OffsetDateTime,
) -> Result<RepliesSent, StoreError> {
    let mut done = RepliesSent::default();
    let mut businesses: HashMap<WorkspaceId, String> = HashMap::new();
    for reply in store.claim_case_replies(now, now + LEASE, 50).await? {
        let business = match businesses.get(&reply.workspace_id) {
            Some(b) => b.clone(),
            None => {
                let b = store.workspace(reply.workspace_id).await?.name.to_string();
                businesses.insert(reply.workspace_id, b.clone());
                b
            }
        };
        let message = match compose(&reply, &business, mailer.from()) {
            Ok(m) => m,
            Err(e) => {
                tracing::error!(reply = %reply.id, error = %e, "cannot compose a case reply");
                done.failed += 1;
                continue;
            }
        };
        match mailer.send(message).await {
            Ok(()) => {
                store
                    .mark_case_reply_sent(reply.workspace_id, reply.id, taith_domain::now())
                    .await?;
                done.sent += 1;
            }
            Err(e) => {
                tracing::warn!(reply = %reply.id, error = %e, "SMTP did not take a case reply; it is tried again later");
                done.failed += 1;
            }
        }
    }
    Ok(done)
}

/// The e-mail's words in the reply's language: `(subject, body)`. Plain text, without Fluent's
/// isolation marks.
pub fn reply_text(reply: &CaseReply, business: &str) -> (String, String) {
    let tr = Tr::new(reply.locale).plain();
    let subject = tr.t1("cases-mail-subject", "business", business);
    let greeting = match &reply.to_name {
        Some(n) => tr.t1("cases-mail-greeting", "name", n),
        None => tr.t("cases-mail-greeting-anonymous"),
    };
    let intro = tr.t1("cases-mail-intro", "business", business);
    let footer = tr.ta(
        "cases-mail-footer",
        &[
            ("business", business.to_owned()),
            ("number", reply.case_number.to_string()),
        ],
    );
    let body = format!("{greeting}\n\n{intro}\n\n{}\n\n-- \n{footer}\n", reply.body);
    (subject, body)
}

#[derive(Debug, thiserror::Error)]
enum ComposeError {
    #[error("address: {0}")]
    Address(#[from] lettre::address::AddressError),
    #[error("message: {0}")]
    Message(#[from] lettre::error::Error),
}

fn compose(reply: &CaseReply, business: &str, from: &Mailbox) -> Result<Message, ComposeError> {
    let (subject, body) = reply_text(reply, business);
    let to = Mailbox::new(reply.to_name.clone(), reply.to_email.parse()?);
    Ok(Message::builder()
        .from(from.clone())
        .to(to)
        .subject(subject)
        .multipart(MultiPart::alternative().singlepart(SinglePart::plain(body)))?)
}
