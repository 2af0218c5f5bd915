//! E-mail: invitations and reminders composed in the customer's language, and the outbox that
//! sends them over SMTP — with the password reset e-mails of
//! [`crate::account::reset_mail`], which go out the same way.
//!
//! Invitations are written to the store first (the outbox); a task sends what is due — new
//! invitations at once (it is woken when some are made), reminders when their day comes — and
//! records each e-mail as sent only after the SMTP server took it. Several nodes may share the
//! store, each with its outbox: an e-mail is claimed for [`CLAIM`] before it is sent, and the
//! other nodes leave it alone meanwhile, so it goes out once. A failed send stays due and is
//! tried again when its claim runs out; an e-mail may go out twice after a crash between the
//! send and the record (and its claim running out), but none is lost.
//!
//! Before an e-mail goes out the outbox asks the contact budget ([`crate::contact::ask`]),
//! which records the ask when it allows it. One it refuses (no consent, budget spent, quiet
//! period after a response) is not sent and not retried: the invitation records when and why
//! (`skipped_at`, `skip_reason`) and sends nothing more, reminder included — an invitation
//! weeks late is no longer about the visit it asks about. An e-mail the SMTP server refuses
//! gives its ask back.
//!
//! The e-mail carries the survey's scale as links: one click on `/i/{token}/{score}` records
//! the score, then opens the page for the follow-up questions.

use askama::Template;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use taith_domain::contact::{Channel, Decision};
use taith_domain::invitation::MailKind;
use taith_domain::{Locale, Survey, SurveyId, SurveyKind, WorkspaceId};
use taith_i18n::Tr;
use taith_i18n::survey_wording::point_labels;
use taith_store::{MailDue, SharedStore, StoreError};
use tokio::sync::{Mutex, Notify};

/// How to reach the SMTP server and whom the e-mails are from.
#[derive(Debug, Clone)]
pub struct MailConfig {
    /// `smtps://user:pass@host:465`, `smtp://user:pass@host:587?tls=required`, or for a
    /// local relay `smtp://host:25` (lettre's URL form).
    pub smtp_url: String,
    /// `Becws Bara Brith <adborth@becws.example>` or a bare address.
    pub from: String,
}

/// Why the mail settings cannot be used (said at start-up, before anything is sent).
#[derive(Debug, thiserror::Error)]
pub enum MailSetupError {
    #[error("--smtp-url is not a usable SMTP address: {0}")]
    Url(String),
    #[error("--mail-from is not an e-mail address (like \"Becws <adborth@becws.example>\"): {0}")]
    From(String),
}

/// A connection pool to the SMTP server, and the sender.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from).finish()
    }
}

impl Mailer {
    pub fn new(config: &MailConfig) -> Result<Mailer, MailSetupError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&config.smtp_url)
            .map_err(|e| MailSetupError::Url(e.to_string()))?
            .timeout(Some(Duration::from_secs(30)))
            .build();
        let from = config
            .from
            .parse::<Mailbox>()
            .map_err(|e| MailSetupError::From(e.to_string()))?;
        Ok(Mailer { transport, from })
    }

    /// Whom the e-mails are from.
    pub(crate) fn from(&self) -> &Mailbox {
        &self.from
    }

    /// Hands one e-mail to the SMTP server.
    pub(crate) async fn send(
        &self,
        message: Message,
    ) -> Result<(), lettre::transport::smtp::Error> {
        self.transport.send(message).await.map(|_| ())
    }
}

/// What one round of the outbox did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sent {
    pub invitations: usize,
    pub reminders: usize,
    /// Password reset e-mails.
    pub resets: usize,
    /// E-mails the SMTP server did not take; they stay due.
    pub failed: usize,
    /// E-mails the contact budget held back (`crate::contact`): recorded on the invitation
    /// with the reason, and not sent later.
    pub skipped: usize,
}

/// E-mails handled per round; the round repeats while there are more.
const ROUND: u32 = 200;
/// How often the outbox looks for due reminders when nobody wakes it.
const IDLE: Duration = Duration::from_secs(60);

/// How long an e-mail claimed by this node's outbox is left alone by the others: long enough
/// for a slow SMTP server to take it, short enough that a failed send is soon tried again.
pub(crate) const CLAIM: time::Duration = time::Duration::minutes(2);

/// One round at a time in this process (the claims keep other processes apart).
static ROUND_LOCK: Mutex<()> = Mutex::const_new(());

/// The outbox: the store's due e-mails, the SMTP server, and taith's public address for links.
#[derive(Clone)]
pub struct Outbox {
    store: SharedStore,
    mailer: Option<Mailer>,
    public_url: String,
    wake: Arc<Notify>,
}

impl std::fmt::Debug for Outbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outbox")
            .field("mailer", &self.mailer)
            .field("public_url", &self.public_url)
            .finish()
    }
}

impl Outbox {
    pub fn new(store: SharedStore, mailer: Option<Mailer>, public_url: String) -> Outbox {
        Outbox {
            store,
            mailer,
            public_url,
            wake: Arc::new(Notify::new()),
        }
    }

    /// Whether e-mail can be sent at all (SMTP is configured).
    pub fn enabled(&self) -> bool {
        self.mailer.is_some()
    }

    /// Asks the running outbox to look now (new invitations or a reset request were made).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Runs the outbox until the process ends: a round when woken, and every minute.
    pub fn start(&self) {
        if self.mailer.is_none() {
            return;
        }
        let outbox = self.clone();
        tokio::spawn(async move {
            loop {
                match outbox.send_due(taith_domain::now()).await {
                    Ok(sent) if sent != Sent::default() => {
                        tracing::info!(?sent, "outbox round");
                    }
                    Ok(_) => {}
                    Err(e) => tracing::error!(error = %e, "outbox round failed"),
                }
                tokio::select! {
                    () = outbox.wake.notified() => {}
                    () = tokio::time::sleep(IDLE) => {}
                }
            }
        });
    }

    /// Sends everything due at `now` (tests pass a later `now` to bring reminders due, or an
    /// earlier one to send a reset link that has since expired).
    pub async fn send_due(&self, now: time::OffsetDateTime) -> Result<Sent, StoreError> {
        let Some(mailer) = &self.mailer else {
            return Ok(Sent::default());
        };
        let _one_round = ROUND_LOCK.lock().await;
        let mut sent = Sent::default();
        // Reset links first: someone is waiting for theirs, and they expire.
        let resets = crate::account::reset_mail::send_due(
            self.store.as_ref(),
            mailer,
            &self.public_url,
            now,
        )
        .await?;
        sent.resets = resets.sent;
        sent.failed += resets.failed;
        let mut surveys: HashMap<(WorkspaceId, SurveyId), (Survey, String)> = HashMap::new();
        loop {
            let due = self.store.mail_due(now, ROUND).await?;
            let full_round = due.len() == usize::try_from(ROUND).unwrap_or(usize::MAX);
            let mut progressed = false;
            for item in due {
                if !self
                    .store
                    .claim_mail(
                        item.workspace_id,
                        item.invitation.id,
                        item.kind,
                        now,
                        now + CLAIM,
                    )
                    .await?
                {
                    // Another node's outbox has it.
                    continue;
                }
                // The contact budget and consent, across every survey and channel.
                let channel = match item.kind {
                    MailKind::Invitation => Channel::Invitation,
                    MailKind::Reminder => Channel::Reminder,
                };
                let asked = crate::contact::ask(
                    self.store.as_ref(),
                    item.workspace_id,
                    item.invitation.customer_id,
                    channel,
                    Some(item.invitation.survey_id),
                    now,
                )
                .await?;
                if let Decision::Denied { reason, .. } = asked.decision {
                    self.store
                        .skip_mail(item.workspace_id, item.invitation.id, reason, now)
                        .await?;
                    tracing::info!(invitation = %item.invitation.id, reason = reason.code(), "contact budget held an e-mail back");
                    sent.skipped += 1;
                    continue;
                }
                let key = (item.workspace_id, item.invitation.survey_id);
                let (survey, business) = match surveys.entry(key) {
                    std::collections::hash_map::Entry::Occupied(found) => found.into_mut(),
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        let survey = self.store.survey(key.0, key.1).await?;
                        let business = self.store.workspace(key.0).await?.name.to_string();
                        slot.insert((survey, business))
                    }
                };
                let message = match compose(&item, survey, business, &self.public_url, &mailer.from)
                {
                    Ok(m) => m,
                    Err(e) => {
                        tracing::error!(invitation = %item.invitation.id, error = %e, "cannot compose e-mail");
                        crate::contact::cancel(self.store.as_ref(), item.workspace_id, asked.id)
                            .await?;
                        sent.failed += 1;
                        continue;
                    }
                };
                match mailer.transport.send(message).await {
                    Ok(_) => {
                        self.store
                            .mark_mailed(item.workspace_id, item.invitation.id, item.kind, now)
                            .await?;
                        progressed = true;
                        match item.kind {
                            MailKind::Invitation => sent.invitations += 1,
                            MailKind::Reminder => sent.reminders += 1,
                        }
                    }
                    Err(e) => {
                        tracing::warn!(invitation = %item.invitation.id, error = %e, "SMTP did not take the e-mail; it stays due");
                        crate::contact::cancel(self.store.as_ref(), item.workspace_id, asked.id)
                            .await?;
                        sent.failed += 1;
                    }
                }
            }
            // More may be waiting behind a full round; a round that sent nothing (the server
            // refuses) waits for the next tick instead of spinning.
            if !(full_round && progressed) {
                return Ok(sent);
            }
        }
    }
}

// --- composing ----------------------------------------------------------------------------------

/// One answer button of the e-mail.
#[derive(Debug)]
pub struct MailPoint {
    pub value: i16,
    pub label: String,
    pub href: String,
}

/// The invitation or reminder as HTML; `m` holds what it says.
#[derive(Template)]
#[template(path = "invitations/mail.html")]
struct InvitationHtml<'a> {
    m: &'a MailView,
    lang: &'static str,
    dir: &'static str,
    /// The CSS side where lines start and end (`left`/`right`): mail programs know no
    /// logical properties.
    start: &'static str,
    end: &'static str,
}

/// The same e-mail as plain text.
#[derive(Template)]
#[template(path = "invitations/mail.txt")]
struct InvitationText<'a> {
    m: &'a MailView,
}

/// Everything an invitation e-mail says, in one language.
#[derive(Debug)]
pub struct MailView {
    pub locale: Locale,
    pub subject: String,
    pub business: String,
    pub greeting: String,
    pub intro: String,
    pub question: String,
    pub question_lang: &'static str,
    pub numbers: bool,
    pub points: Vec<MailPoint>,
    /// The scale's ends, and their meaning (NPS only).
    pub low: i16,
    pub high: i16,
    pub low_label: String,
    pub high_label: String,
    pub hint: String,
    pub open_text: String,
    pub open_href: String,
    pub why: String,
    pub unsubscribe_text: String,
    pub unsubscribe_href: String,
    /// The preference page: which e-mails the customer agrees to (`/u/{token}/preferences`).
    pub preferences_text: String,
    pub preferences_href: String,
}

/// Fluent wraps placeables in bidi isolation marks; a subject line and a text part are plain
/// text, where they would show up as stray characters in some mail programs.
fn plain(s: String) -> String {
    s.replace(['\u{2068}', '\u{2069}'], "")
}

/// What the e-mail for `item` says.
pub fn mail_view(item: &MailDue, survey: &Survey, business: &str, public_url: &str) -> MailView {
    let f = &survey.fields;
    let locale = Some(item.invitation.locale)
        .filter(|l| f.question.has(*l))
        .unwrap_or(f.default_locale);
    let tr = Tr::new(locale);
    let subject_key = match item.kind {
        MailKind::Invitation => "mail-invite-subject",
        MailKind::Reminder => "mail-reminder-subject",
    };
    let intro_key = match item.kind {
        MailKind::Invitation => "mail-invite-intro",
        MailKind::Reminder => "mail-reminder-intro",
    };
    let greeting = match &item.name {
        Some(name) => tr.t1("mail-greeting", "name", name.as_str()),
        None => tr.t("mail-greeting-anonymous"),
    };
    let question_in = [locale, f.default_locale]
        .into_iter()
        .find(|l| f.question.0.contains_key(l))
        .unwrap_or(locale);
    let link = format!("{public_url}/i/{}", item.token);
    let labels = point_labels(f.kind, f.scale.high, &tr);
    let points = f
        .scale
        .points()
        .enumerate()
        .map(|(i, value)| MailPoint {
            value,
            label: labels.get(i).cloned().unwrap_or_default(),
            href: format!("{link}/{value}"),
        })
        .collect();
    let (low_label, high_label) = match f.kind {
        SurveyKind::Nps => (tr.t("respond-nps-low"), tr.t("respond-nps-high")),
        _ => (String::new(), String::new()),
    };
    MailView {
        locale,
        subject: plain(tr.t1(subject_key, "business", business)),
        business: business.to_owned(),
        greeting: plain(greeting),
        intro: plain(tr.t1(intro_key, "business", business)),
        question: f.question.get(locale, f.default_locale).to_owned(),
        question_lang: question_in.tag(),
        numbers: labels.is_empty(),
        points,
        low: f.scale.low,
        high: f.scale.high,
        low_label,
        high_label,
        hint: tr.t("mail-score-hint"),
        open_text: tr.t("mail-open-page"),
        open_href: link,
        why: plain(tr.t1("mail-why", "business", business)),
        unsubscribe_text: tr.t("mail-unsubscribe"),
        unsubscribe_href: format!("{public_url}/u/{}", item.token),
        preferences_text: tr.t("mail-preferences"),
        preferences_href: format!("{public_url}/u/{}/preferences", item.token),
    }
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum ComposeError {
    #[error("template: {0}")]
    Template(#[from] askama::Error),
    #[error("message: {0}")]
    Message(#[from] lettre::error::Error),
}

fn compose(
    item: &MailDue,
    survey: &Survey,
    business: &str,
    public_url: &str,
    from: &Mailbox,
) -> Result<Message, ComposeError> {
    let m = mail_view(item, survey, business, public_url);
    let tr = Tr::new(m.locale);
    let html = InvitationHtml {
        m: &m,
        lang: tr.lang(),
        dir: tr.dir(),
        start: if tr.is_rtl() { "right" } else { "left" },
        end: if tr.is_rtl() { "left" } else { "right" },
    }
    .render()?;
    let text = InvitationText { m: &m }.render()?;
    Ok(customer_message(
        from,
        item.name.as_ref().map(|n| n.as_str()),
        item.email.as_str(),
        m.subject.clone(),
        &m.unsubscribe_href,
        text,
        html,
    )?)
}

/// An e-mail to a customer, in plain text and HTML, that the mail program can unsubscribe
/// from with its own button (RFC 8058): one click POSTs to `unsubscribe_href`, the address the
/// footer's link opens. Invitations and "we did" notices are sent this way.
pub(crate) fn customer_message(
    from: &Mailbox,
    name: Option<&str>,
    email: &str,
    subject: String,
    unsubscribe_href: &str,
    text: String,
    html: String,
) -> Result<Message, lettre::error::Error> {
    let to = Mailbox::new(
        name.map(str::to_owned),
        email.parse().map_err(|_| lettre::error::Error::MissingTo)?,
    );
    let list_unsubscribe = HeaderValue::new(
        HeaderName::new_from_ascii_str("List-Unsubscribe"),
        format!("<{unsubscribe_href}>"),
    );
    let one_click = HeaderValue::new(
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
        "List-Unsubscribe=One-Click".to_owned(),
    );
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(subject)
        .raw_header(list_unsubscribe)
        .raw_header(one_click)
        .multipart(MultiPart::alternative_plain_html(text, html))
}
