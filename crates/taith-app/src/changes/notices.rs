//! The notices' worker: sends each due "we did" notice by e-mail, in the customer's language,
//! through the SMTP [`Mailer`] the invitations use.
//!
//! Safe with several taith nodes on one PostgreSQL: a notice is claimed for [`LEASE`] with a
//! conditional update (`claim_notice`) before it is sent, so one worker sends it; it is
//! recorded as sent only after the SMTP server took it. A failed send keeps its claim until the
//! lease ends and is then tried again. After a crash between the send and the record, the
//! notice may go out a second time once the lease ends; none is lost.

use crate::invitations::outbox::{ComposeError, Mailer, customer_message};
use askama::Template;
use lettre::Message;
use lettre::message::Mailbox;
use std::sync::Arc;
use std::time::Duration;
use taith_domain::contact::Channel;
use taith_i18n::Tr;
use taith_store::{NoticeDue, SharedStore, StoreError};
use time::OffsetDateTime;
use tokio::sync::Notify;

/// How long a claimed notice is held by the worker that claimed it.
pub const LEASE: time::Duration = time::Duration::minutes(5);
/// Notices handled per round; the round repeats while there are more.
const ROUND: u32 = 100;
/// How often the worker looks when nobody wakes it.
const IDLE: Duration = Duration::from_secs(60);

/// What one round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NoticesSent {
    pub sent: usize,
    /// Claimed by another worker first.
    pub skipped: usize,
    /// The SMTP server did not take them; tried again after the lease.
    pub failed: usize,
    /// Held back by the contact budget (when it counts notices); asked about again after the
    /// lease.
    pub held: usize,
}

/// The worker: the store's due notices, the SMTP server, and taith's public address for links.
#[derive(Clone)]
pub struct Notices {
    store: SharedStore,
    mailer: Option<Mailer>,
    public_url: String,
    wake: Arc<Notify>,
}

impl std::fmt::Debug for Notices {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Notices")
            .field("mailer", &self.mailer)
            .finish()
    }
}

impl Notices {
    pub fn new(store: SharedStore, mailer: Option<Mailer>, public_url: String) -> Notices {
        Notices {
            store,
            mailer,
            public_url,
            wake: Arc::new(Notify::new()),
        }
    }

    /// Whether notices can be sent at all (SMTP is configured).
    pub fn enabled(&self) -> bool {
        self.mailer.is_some()
    }

    /// Asks the running worker to look now (a change was recorded).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Runs the worker until the process ends: a round when woken, and every minute.
    pub fn start(&self) {
        if self.mailer.is_none() {
            return;
        }
        let worker = self.clone();
        tokio::spawn(async move {
            loop {
                match worker.send_due(taith_domain::now()).await {
                    Ok(done) if done != NoticesSent::default() => {
                        tracing::info!(?done, "notices round");
                    }
                    Ok(_) => {}
                    Err(e) => tracing::error!(error = %e, "notices round failed"),
                }
                tokio::select! {
                    () = worker.wake.notified() => {}
                    () = tokio::time::sleep(IDLE) => {}
                }
            }
        });
    }

    /// Sends the notices due at `now`.
    pub async fn send_due(&self, now: OffsetDateTime) -> Result<NoticesSent, StoreError> {
        let Some(mailer) = &self.mailer else {
            return Ok(NoticesSent::default());
        };
        let mut done = NoticesSent::default();
        loop {
            let due = self.store.notices_due(now, ROUND).await?;
            let full = due.len() == usize::try_from(ROUND).unwrap_or(usize::MAX);
            let mut progressed = false;
            for item in due {
                let (ws, change, customer) = (item.workspace_id, item.change_id, item.customer_id);
                if !self
                    .store
                    .claim_notice(ws, change, customer, now, now + LEASE)
                    .await?
                {
                    done.skipped += 1;
                    continue;
                }
                // Consent is in the query; the budget counts notices only when the workspace
                // says so. A notice it holds back keeps its claim until the lease ends and is
                // asked about again then, until the budget allows it.
                let asked = crate::contact::ask(
                    self.store.as_ref(),
                    ws,
                    customer,
                    Channel::Notice,
                    None,
                    now,
                )
                .await?;
                if !asked.decision.allowed() {
                    done.held += 1;
                    continue;
                }
                let workspace = self.store.workspace(ws).await?;
                let message = match compose(
                    &item,
                    workspace.name.as_str(),
                    workspace.slug.as_str(),
                    &self.public_url,
                    mailer.from(),
                ) {
                    Ok(m) => m,
                    Err(e) => {
                        tracing::error!(change = %change, error = %e, "cannot compose a notice");
                        crate::contact::cancel(self.store.as_ref(), ws, asked.id).await?;
                        done.failed += 1;
                        continue;
                    }
                };
                match mailer.send(message).await {
                    Ok(()) => {
                        self.store
                            .mark_notice_sent(ws, change, customer, now)
                            .await?;
                        done.sent += 1;
                        progressed = true;
                    }
                    Err(e) => {
                        tracing::warn!(change = %change, error = %e, "SMTP did not take a notice; tried again later");
                        crate::contact::cancel(self.store.as_ref(), ws, asked.id).await?;
                        done.failed += 1;
                    }
                }
            }
            if !(full && progressed) {
                return Ok(done);
            }
        }
    }
}

/// Everything a notice says, in one language.
#[derive(Debug)]
pub struct NoticeView {
    pub subject: String,
    pub business: String,
    pub greeting: String,
    pub intro: String,
    pub note: String,
    pub note_lang: &'static str,
    pub more_text: String,
    pub more_href: String,
    pub why: String,
    pub opt_out_text: String,
    pub opt_out_href: String,
}

/// Fluent's bidi isolation marks show as stray characters in plain text.
fn plain(s: String) -> String {
    s.replace(['\u{2068}', '\u{2069}'], "")
}

/// What the notice for `item` says.
pub fn notice_view(item: &NoticeDue, business: &str, slug: &str, public_url: &str) -> NoticeView {
    let tr = Tr::new(item.locale);
    let greeting = match &item.name {
        Some(name) => tr.t1("mail-greeting", "name", name.as_str()),
        None => tr.t("mail-greeting-anonymous"),
    };
    let (note_lang, note) = item
        .note
        .for_reader(item.locale)
        .map(|(l, s)| (l.tag(), s.to_owned()))
        .unwrap_or(("en", String::new()));
    let lang = item.locale.tag();
    NoticeView {
        subject: plain(tr.t1("changes-mail-subject", "business", business)),
        business: business.to_owned(),
        greeting: plain(greeting),
        intro: plain(tr.t1("changes-mail-intro", "business", business)),
        note,
        note_lang,
        more_text: tr.t("changes-mail-more"),
        more_href: format!("{public_url}/f/{slug}/changes?lang={lang}"),
        why: plain(tr.t1("changes-mail-why", "business", business)),
        opt_out_text: tr.t("changes-mail-opt-out"),
        opt_out_href: format!(
            "{public_url}/f/{slug}/changes/stop/{}?lang={lang}",
            item.token
        ),
    }
}

#[derive(Template)]
#[template(path = "changes/notice.html")]
struct NoticeHtml<'a> {
    m: &'a NoticeView,
    lang: &'static str,
    dir: &'static str,
    start: &'static str,
}

#[derive(Template)]
#[template(path = "changes/notice.txt")]
struct NoticeText<'a> {
    m: &'a NoticeView,
}

fn compose(
    item: &NoticeDue,
    business: &str,
    slug: &str,
    public_url: &str,
    from: &Mailbox,
) -> Result<Message, ComposeError> {
    let m = notice_view(item, business, slug, public_url);
    let tr = Tr::new(item.locale);
    let html = NoticeHtml {
        m: &m,
        lang: tr.lang(),
        dir: tr.dir(),
        start: if tr.is_rtl() { "right" } else { "left" },
    }
    .render()?;
    let text = NoticeText { m: &m }.render()?;
    Ok(customer_message(
        from,
        item.name.as_ref().map(|n| n.as_str()),
        item.email.as_str(),
        m.subject.clone(),
        &m.opt_out_href,
        text,
        html,
    )?)
}
