//! The e-mail with a password reset link, sent by the outbox (see
//! [`crate::invitations::outbox`]) like invitations: the request is stored first, the outbox
//! sends it when woken or on its next round, off the request path.
//!
//! For each due request: no account with the address, or too many links sent to it lately,
//! and the request is dropped; otherwise a fresh secret is made, its hash stored on the
//! request, and the e-mail sent in the account's language (or the language of the page it
//! was asked from). A failed send stays due and gets a new secret next round; after a crash
//! between the send and the record, a second e-mail may go out and the first link stop
//! working, but no request is lost.

use crate::account::password::{RESET_MAILS_PER_HOUR, RESET_MINUTES};
use crate::account::secrets::{random_secret, secret_hash};
use crate::invitations::outbox::{CLAIM, Mailer};
use askama::Template;
use lettre::Message;
use lettre::message::{Mailbox, MultiPart};
use taith_i18n::Tr;
use taith_store::{PasswordResetDue, Store, StoreError};
use time::OffsetDateTime;

/// What one round did with the reset requests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ResetsSent {
    pub sent: usize,
    /// Requests for addresses no account has, or asked for too often.
    pub dropped: usize,
    /// E-mails the SMTP server did not take; they stay due.
    pub failed: usize,
}

/// Requests handled per round.
const ROUND: u32 = 100;

/// Sends the reset e-mails due at `now`, with links to `public_url`.
pub(crate) async fn send_due(
    store: &dyn Store,
    mailer: &Mailer,
    public_url: &str,
    now: OffsetDateTime,
) -> Result<ResetsSent, StoreError> {
    let mut done = ResetsSent::default();
    for item in store.password_resets_due(now, ROUND).await? {
        let id = item.request.id;
        let Some(account) = &item.account else {
            store.drop_password_reset(id).await?;
            done.dropped += 1;
            continue;
        };
        let lately = store
            .password_reset_mails_since(&item.request.email, now - time::Duration::hours(1))
            .await?;
        if lately >= RESET_MAILS_PER_HOUR {
            tracing::info!(reset = %id, "too many reset e-mails to one address lately; dropped");
            store.drop_password_reset(id).await?;
            done.dropped += 1;
            continue;
        }
        let secret = random_secret();
        if !store
            .arm_password_reset(id, account.user.id, &secret_hash(&secret), now, now + CLAIM)
            .await?
        {
            // Another node's outbox has it.
            continue;
        }
        let message = match compose(&item, &secret, public_url, mailer.from()) {
            Ok(m) => m,
            Err(e) => {
                tracing::error!(reset = %id, error = %e, "cannot compose the reset e-mail");
                done.failed += 1;
                continue;
            }
        };
        match mailer.send(message).await {
            Ok(()) => {
                store.mark_password_reset_mailed(id, now).await?;
                done.sent += 1;
            }
            Err(e) => {
                tracing::warn!(reset = %id, error = %e, "SMTP did not take the reset e-mail; it stays due");
                done.failed += 1;
            }
        }
    }
    Ok(done)
}

/// Everything the reset e-mail says, in one language.
#[derive(Debug)]
pub struct ResetMailView {
    pub subject: String,
    pub greeting: String,
    pub intro: String,
    pub action: String,
    pub href: String,
    pub expiry: String,
    pub ignore: String,
}

/// What the e-mail for `item` says, with the link carrying `secret`.
pub fn mail_view(item: &PasswordResetDue, secret: &str, public_url: &str) -> (Tr, ResetMailView) {
    let locale = item
        .account
        .as_ref()
        .and_then(|a| a.locale)
        .unwrap_or(item.request.locale);
    let tr = Tr::new(locale);
    let greeting = match &item.account {
        Some(a) => tr.t1("account-reset-mail-greeting", "name", a.user.name.as_str()),
        None => String::new(),
    };
    let view = ResetMailView {
        subject: plain(tr.t("account-reset-mail-subject")),
        greeting: plain(greeting),
        intro: plain(tr.t1(
            "account-reset-mail-intro",
            "email",
            item.request.email.as_str(),
        )),
        action: plain(tr.t("account-reset-mail-action")),
        href: format!("{public_url}/reset/{secret}"),
        expiry: plain(tr.tn("account-reset-mail-expiry", "minutes", RESET_MINUTES)),
        ignore: plain(tr.t("account-reset-mail-ignore")),
    };
    (tr, view)
}

/// Fluent wraps placeables in bidi isolation marks; a subject line and a text part are plain
/// text, where they would show up as stray characters in some mail programs.
fn plain(s: String) -> String {
    s.replace(['\u{2068}', '\u{2069}'], "")
}

#[derive(Template)]
#[template(path = "account/reset.html")]
struct ResetHtml<'a> {
    m: &'a ResetMailView,
    lang: &'static str,
    dir: &'static str,
    /// The CSS side where lines start (`left`/`right`): mail programs know no logical
    /// properties.
    start: &'static str,
}

#[derive(Template)]
#[template(path = "account/reset.txt")]
struct ResetText<'a> {
    m: &'a ResetMailView,
}

#[derive(Debug, thiserror::Error)]
enum ComposeError {
    #[error("template: {0}")]
    Template(#[from] askama::Error),
    #[error("message: {0}")]
    Message(#[from] lettre::error::Error),
    #[error("address: {0}")]
    Address(#[from] lettre::address::AddressError),
}

fn compose(
    item: &PasswordResetDue,
    secret: &str,
    public_url: &str,
    from: &Mailbox,
) -> Result<Message, ComposeError> {
    let (tr, m) = mail_view(item, secret, public_url);
    let html = ResetHtml {
        m: &m,
        lang: tr.lang(),
        dir: tr.dir(),
        start: if tr.is_rtl() { "right" } else { "left" },
    }
    .render()?;
    let text = ResetText { m: &m }.render()?;
    let to = Mailbox::new(
        item.account
            .as_ref()
            .map(|a| a.user.name.as_str().to_owned()),
        item.request.email.as_str().parse()?,
    );
    Ok(Message::builder()
        .from(from.clone())
        .to(to)
        .subject(m.subject.clone())
        .multipart(MultiPart::alternative_plain_html(text, html))?)
}
