//! E-mail conversations: mail received (posted to the API, signed, or through the built-in
//! SMTP receiver) joins its thread or opens an `email` conversation; members' replies on those
//! conversations go out by e-mail ([`worker`]) with the thread's ids.
//!
//! - **Threading**: every mail in and out is recorded by its Message-ID per workspace. An
//!   incoming mail joins the conversation that its In-Reply-To or References names *in the
//!   same workspace*; otherwise it opens a new one, its customer found or created by the
//!   sender's address (as every conversation's customer is, in
//!   [`conversations::record_checked`](crate::conversations::record_checked)). A mail on a
//!   resolved conversation reopens it (the store counts the reopening).
//! - **Loops**: an automatic mail ([`parse::NoReply`]: auto-submitted, bulk, auto-replies,
//!   bounces, the workspace's own address) is recorded, but nothing answers it:
//!   [`queue_reply`] refuses while the conversation's last incoming mail is one, and taith
//!   sends no acknowledgement of any mail.
//! - **Duplicates**: a Message-ID already received in the workspace is answered with what it
//!   made the first time, and nothing is stored again.
//! - **One transaction**: a mail's message (and the conversation it opens), its Message-ID
//!   record and its attachments are stored together (`MailInStore::receive_mail`), so a crash
//!   cannot leave a message without its record (which would let the same mail, received
//!   again, be stored twice) nor a record without its message.

pub mod parse;
pub mod worker;

use crate::conversations;
use crate::invitations::outbox::Mailer;
use crate::webhooks::sign;
use parse::{Malformed, NoReply, ParsedMail};
use taith_domain::{
    Channel, Conversation, ConversationId, ConversationMessageId, ConversationStatus, Email, Issue,
    MessageDirection, NewConversation, NewMessage, Slug, ValidationErrors, WorkspaceId,
};
use taith_store::{
    AttachmentToStore, ConversationToStore, IncomingMail, MailInSettings, MailInto, MessageToStore,
    Store, StoreError,
};

/// The prefix of every inbound secret.
pub const SECRET_PREFIX: &str = "tmin_";
/// The header that signs a posted mail: `sha256=` and the hex of HMAC-SHA256(secret, body).
pub const SIGNATURE_HEADER: &str = "x-taith-signature";

/// What taith's own addresses are, so that mail from them is never answered: the domain the
/// SMTP receiver takes mail for (`{slug}@domain`), and the address replies are sent from.
#[derive(Debug, Clone, Default)]
pub struct MailIn {
    domain: Option<String>,
    sender: Option<String>,
}

impl MailIn {
    /// `domain`: the host inbound addresses are at (`mail.taith.example`); `mailer`: the SMTP
    /// server replies go out through.
    pub fn new(domain: Option<String>, mailer: Option<&Mailer>) -> MailIn {
        MailIn {
            domain: domain
                .map(|d| d.trim().trim_start_matches('@').to_ascii_lowercase())
                .filter(|d| !d.is_empty()),
            sender: mailer.map(|m| m.from().email.to_string().to_lowercase()),
        }
    }

    /// The domain inbound addresses are at, when one is configured.
    pub fn domain(&self) -> Option<&str> {
        self.domain.as_deref()
    }

    /// The workspace's inbound address by slug (`{slug}@domain`), when a domain is set.
    pub fn address_of(&self, slug: &Slug) -> Option<String> {
        self.domain
            .as_ref()
            .map(|d| format!("{}@{d}", slug.as_str()))
    }

    /// Whether `from` is one of the workspace's own addresses.
    fn is_own(&self, from: &Email, slug: &Slug, settings: Option<&MailInSettings>) -> bool {
        let from = from.as_str();
        if self.sender.as_deref() == Some(from) {
            return true;
        }
        if settings.and_then(|s| s.address.as_deref()) == Some(from) {
            return true;
        }
        match (&self.domain, from.rsplit_once('@')) {
            (Some(d), Some((local, host))) => {
                host == d && routed_slug(local).as_deref() == Some(slug.as_str())
            }
            _ => false,
        }
    }
}

/// The slug a recipient's local part names: `becws` or `support+becws` → `becws`.
fn routed_slug(local: &str) -> Option<String> {
    let slug = match local.rsplit_once('+') {
        Some((_, tag)) => tag,
        None => local,
    };
    Slug::parse(&slug.to_ascii_lowercase())
        .ok()
        .map(|s| s.as_str().to_owned())
}

/// Why a mail was not taken.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    /// The message could not be read (or was too large).
    #[error("malformed message: {0}")]
    Malformed(#[from] Malformed),
    /// No such workspace, no secret yet, or the signature does not match: the same answer
    /// for each, so that the endpoint does not tell which workspaces exist.
    #[error("bad signature")]
    BadSignature,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Refused {
    /// The field error the API answers a malformed message with.
    pub fn validation(m: Malformed) -> ValidationErrors {
        match m {
            Malformed::TooLarge => ValidationErrors::one("message", Issue::TooLong),
            Malformed::NotAMessage => ValidationErrors::one("message", Issue::Invalid),
            Malformed::NoSender => ValidationErrors::one("from", Issue::Required),
        }
    }
}

/// What a received mail did.
#[derive(Debug, Clone)]
pub struct Received {
    pub conversation: Conversation,
    pub message_id: ConversationMessageId,
    /// The mail's Message-ID (made up when it had none).
    pub rfc_message_id: String,
    /// It opened a new conversation.
    pub opened: bool,
    /// It was received before; nothing was stored this time.
    pub duplicate: bool,
    /// Why nothing may answer it.
    pub no_reply: Option<String>,
    /// Attachments listed but not kept (over the caps).
    pub attachments_not_kept: usize,
}

/// The workspace's inbound settings, made with a new secret on first use.
pub async fn settings(store: &dyn Store, ws: WorkspaceId) -> Result<MailInSettings, StoreError> {
    match store.mail_in_settings(ws).await? {
        Some(s) => Ok(s),
        None => rotate_secret(store, ws).await,
    }
}

/// Replaces the inbound secret: mail signed with the old one is refused from now on.
pub async fn rotate_secret(
    store: &dyn Store,
    ws: WorkspaceId,
) -> Result<MailInSettings, StoreError> {
    let secret = new_secret()
        .map_err(|e| StoreError::internal(format!("no randomness for a secret: {e}")))?;
    store
        .set_mail_in_secret(ws, &secret, taith_domain::now())
        .await
}

/// Sets the workspace's own inbound address (`support@becws.example`, forwarded to taith's
/// SMTP receiver), or clears it with an empty one.
pub async fn set_address(
    store: &dyn Store,
    ws: WorkspaceId,
    address: &str,
) -> Result<MailInSettings, conversations::Refused> {
    let address = address.trim();
    let parsed = if address.is_empty() {
        None
    } else {
        Some(Email::parse(address).map_err(|i| ValidationErrors::one("address", i))?)
    };
    settings(store, ws).await?;
    match store
        .set_mail_in_address(ws, parsed.as_ref().map(Email::as_str), taith_domain::now())
        .await
    {
        Err(StoreError::Conflict(_)) => Err(ValidationErrors::one("address", Issue::Taken).into()),
        other => Ok(other?),
    }
}

fn new_secret() -> Result<String, getrandom::Error> {
    let mut key = [0u8; 32];
    getrandom::fill(&mut key)?;
    Ok(format!("{SECRET_PREFIX}{}", hex(&key)))
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    let digit = |c: u8| (c as char).to_digit(16).and_then(|d| u8::try_from(d).ok());
    s.as_bytes()
        .chunks(2)
        .map(|p| Some(digit(p[0])? << 4 | digit(p[1])?))
        .collect()
}

/// The `X-Taith-Signature` value of `body` signed with `secret` (the secret's text is the
/// HMAC key): `sha256=<hex>`.
pub fn signature(secret: &str, body: &[u8]) -> String {
    let mac = sign::hmac_sha256(secret.as_bytes(), &[body]).unwrap_or_default();
    format!("sha256={}", hex(&mac))
}

/// Whether `header` is the signature of `body` with `secret` (compared in constant time).
pub fn signature_matches(secret: &str, body: &[u8], header: &str) -> bool {
    let Some(given) = header
        .trim()
        .strip_prefix("sha256=")
        .and_then(|h| unhex(&h.to_ascii_lowercase()))
    else {
        return false;
    };
    sign::hmac_sha256_verify(secret.as_bytes(), body, &given)
}

/// Receives a mail posted to the API for the workspace `slug`, signed with its secret.
pub async fn receive_signed(
    store: &dyn Store,
    mail_in: &MailIn,
    slug: &str,
    signature: Option<&str>,
    raw: &[u8],
) -> Result<Received, Refused> {
    let slug = Slug::parse(slug).map_err(|_| Refused::BadSignature)?;
    let workspace = match store.workspace_by_slug(&slug).await {
        Ok(w) => w,
        Err(StoreError::NotFound) => return Err(Refused::BadSignature),
        Err(e) => return Err(e.into()),
    };
    let settings = store
        .mail_in_settings(workspace.id)
        .await?
        .ok_or(Refused::BadSignature)?;
    match signature {
        Some(sig) if signature_matches(&settings.secret, raw, sig) => {}
        _ => return Err(Refused::BadSignature),
    }
    receive(store, mail_in, workspace.id, raw).await
}

/// The workspace an SMTP recipient names: a workspace's own address, else `{slug}@domain` or
/// `anything+{slug}@domain` (any domain when none is configured). None: no such workspace.
pub async fn route_recipient(
    store: &dyn Store,
    mail_in: &MailIn,
    recipient: &str,
) -> Result<Option<WorkspaceId>, StoreError> {
    let recipient = recipient.trim().to_lowercase();
    if let Some(ws) = store.workspace_by_mail_address(&recipient).await? {
        return Ok(Some(ws));
    }
    let Some((local, host)) = recipient.rsplit_once('@') else {
        return Ok(None);
    };
    if mail_in.domain.as_deref().is_some_and(|d| d != host) {
        return Ok(None);
    }
    let Some(slug) = routed_slug(local).and_then(|s| Slug::parse(&s).ok()) else {
        return Ok(None);
    };
    match store.workspace_by_slug(&slug).await {
        Ok(w) => Ok(Some(w.id)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Receives a raw mail for workspace `ws`: it joins its thread or opens a conversation.
pub async fn receive(
    store: &dyn Store,
    mail_in: &MailIn,
    ws: WorkspaceId,
    raw: &[u8],
) -> Result<Received, Refused> {
    let mail = parse::parse(raw)?;
    let workspace = store.workspace(ws).await?;
    let settings = store.mail_in_settings(ws).await?;
    let no_reply = mail.no_reply.or_else(|| {
        mail_in
            .is_own(&mail.from, &workspace.slug, settings.as_ref())
            .then_some(NoReply::OwnAddress)
    });
    let rfc_message_id = mail
        .message_id
        .clone()
        .unwrap_or_else(|| format!("{}@no-message-id.taith.invalid", uuid::Uuid::now_v7()));
    if let Some(before) = store.mail_record(ws, &rfc_message_id).await? {
        let conversation = store.conversation(ws, before.conversation_id).await?;
        return Ok(Received {
            conversation,
            message_id: before.message_id,
            rfc_message_id,
            opened: false,
            duplicate: true,
            no_reply: before.no_reply,
            attachments_not_kept: 0,
        });
    }
    let now = taith_domain::now();
    let author = Some(
        mail.from_name
            .clone()
            .unwrap_or_else(|| mail.from.as_str().to_owned()),
    );
    let body = if mail.body.is_empty() {
        "(no text)".to_owned()
    } else {
        mail.body.clone()
    };
    let message = MessageToStore {
        automatic: false,
        direction: MessageDirection::In,
        author: author.clone(),
        author_id: None,
        at: now,
        body: body.clone(),
    };
    let attachments: Vec<AttachmentToStore> = mail
        .attachments
        .iter()
        .map(|a| AttachmentToStore {
            name: a.name.clone(),
            content_type: a.content_type.clone(),
            size: a.size,
            content: a.content.clone(),
        })
        .collect();
    let record = IncomingMail {
        rfc_message_id: rfc_message_id.clone(),
        address: mail.from.as_str().to_owned(),
        no_reply: no_reply.map(|n| n.as_str().to_owned()),
        at: now,
    };
    // The message, its Message-ID and its attachments are stored in one transaction.
    let mut stored = None;
    if let Some(thread) = thread_of(store, ws, &mail).await? {
        match store
            .receive_mail(
                ws,
                &MailInto::Thread(thread),
                &message,
                &record,
                &attachments,
            )
            .await
        {
            Ok(got) => stored = Some(got.map(|(c, m)| (c, m, false))),
            // The conversation was deleted since: the mail opens a new one.
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(e.into()),
        }
    }
    let stored = match stored {
        Some(s) => s,
        None => {
            let new = new_conversation(store, ws, &mail, &author, &body, now).await?;
            store
                .receive_mail(
                    ws,
                    &MailInto::Open(Box::new(new)),
                    &message,
                    &record,
                    &attachments,
                )
                .await?
                .map(|(c, m)| (c, m, true))
        }
    };
    let Some((conversation, message_id, opened)) = stored else {
        // The same Message-ID was received meanwhile: answered as a duplicate.
        let before = store
            .mail_record(ws, &rfc_message_id)
            .await?
            .ok_or_else(|| StoreError::internal("a mail record vanished"))?;
        let conversation = store.conversation(ws, before.conversation_id).await?;
        return Ok(Received {
            conversation,
            message_id: before.message_id,
            rfc_message_id,
            opened: false,
            duplicate: true,
            no_reply: before.no_reply,
            attachments_not_kept: 0,
        });
    };
    if let Some(reason) = no_reply {
        tracing::info!(workspace = %ws, reason = reason.as_str(), "automatic mail recorded; it will not be answered");
    }
    Ok(Received {
        conversation,
        message_id,
        rfc_message_id,
        opened,
        duplicate: false,
        no_reply: record.no_reply,
        attachments_not_kept: mail
            .attachments
            .iter()
            .filter(|a| a.content.is_none())
            .count(),
    })
}

/// The conversation its thread ids (In-Reply-To, References) name in this workspace, if any.
async fn thread_of(
    store: &dyn Store,
    ws: WorkspaceId,
    mail: &ParsedMail,
) -> Result<Option<ConversationId>, StoreError> {
    for id in mail.thread_ids() {
        if let Some(earlier) = store.mail_record(ws, id).await? {
            return Ok(Some(earlier.conversation_id));
        }
    }
    Ok(None)
}

/// The `email` conversation the mail opens, ready for the store: its customer found or
/// created by address (as [`conversations::record_checked`] does), not saved yet.
async fn new_conversation(
    store: &dyn Store,
    ws: WorkspaceId,
    mail: &ParsedMail,
    author: &Option<String>,
    body: &str,
    now: time::OffsetDateTime,
) -> Result<ConversationToStore, StoreError> {
    let subject = if mail.subject.is_empty() {
        "(no subject)".to_owned()
    } else {
        mail.subject.clone()
    };
    let new = NewConversation {
        external_id: None,
        channel: Channel::Email,
        status: ConversationStatus::Open,
        subject,
        customer_id: None,
        customer: Some(mail.from.as_str().to_owned()),
        agent: None,
        team: None,
        tags: Vec::new(),
        satisfaction: None,
        locale: None,
        touchpoint_id: None,
        created_at: now,
        first_reply_at: None,
        resolved_at: None,
        reopens: 0,
        messages: vec![NewMessage {
            direction: MessageDirection::In,
            author: author.clone(),
            at: Some(now),
            body: body.to_owned(),
        }],
    };
    let rows = match conversations::to_store(store, ws, std::slice::from_ref(&new)).await {
        Ok(rows) => rows,
        Err(conversations::Refused::Store(e)) => return Err(e),
        Err(conversations::Refused::Invalid(_)) => {
            return Err(StoreError::internal("an e-mail conversation did not check"));
        }
    };
    rows.into_iter()
        .next()
        .ok_or_else(|| StoreError::internal("an e-mail conversation was not made ready"))
}

/// Why a reply was not queued to go out by e-mail.
#[derive(Debug, thiserror::Error)]
pub enum QueueRefused {
    /// The conversation is not an e-mail one.
    #[error("not an e-mail conversation")]
    NotEmail,
    /// The conversation's last incoming mail was automatic: nothing answers it by e-mail.
    #[error("the last mail was automatic ({0}); it is not answered by e-mail")]
    NoReply(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Queues a member's `out` message on an `email` conversation to be sent to the customer by
/// the reply worker. The inbox's reply use-case calls it after
/// [`conversations::add_message`]. NotFound (as `Store`): no such conversation or outgoing
/// message in the workspace.
pub async fn queue_reply(
    store: &dyn Store,
    ws: WorkspaceId,
    conversation_id: ConversationId,
    message_id: ConversationMessageId,
) -> Result<(), QueueRefused> {
    let conversation = store.conversation(ws, conversation_id).await?;
    if conversation.channel != Channel::Email {
        return Err(QueueRefused::NotEmail);
    }
    let mails = store.conversation_mails(ws, conversation_id).await?;
    if let Some(reason) = mails
        .iter()
        .rev()
        .find(|m| m.direction == MessageDirection::In)
        .and_then(|m| m.no_reply.clone())
    {
        return Err(QueueRefused::NoReply(reason));
    }
    store
        .queue_mail_reply(ws, conversation_id, message_id)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_signature_round_trips_and_a_wrong_one_fails() {
        let body = b"From: a@example.com\r\n\r\nhi";
        let sig = signature("tmin_abc", body);
        assert!(sig.starts_with("sha256="));
        assert!(signature_matches("tmin_abc", body, &sig));
        assert!(signature_matches(
            "tmin_abc",
            body,
            &sig.to_uppercase().replace("SHA256=", "sha256=")
        ));
        assert!(!signature_matches("tmin_abd", body, &sig));
        assert!(!signature_matches("tmin_abc", b"other", &sig));
        assert!(!signature_matches("tmin_abc", body, "sha256=zz"));
        assert!(!signature_matches("tmin_abc", body, ""));
    }

    #[test]
    fn recipients_name_a_slug() {
        assert_eq!(routed_slug("becws").as_deref(), Some("becws"));
        assert_eq!(routed_slug("support+becws").as_deref(), Some("becws"));
        assert_eq!(routed_slug("Support+Becws").as_deref(), Some("becws"));
        assert_eq!(routed_slug("not a slug"), None);
    }
}
