//! E-mails about firings: each recipient's e-mail is queued with the firing (in its
//! transaction), claimed here with a lease (one node sends it), written in the member's
//! language when they chose one (else English), and recorded as sent only after the SMTP
//! server took it; one it refused is tried again later. Without SMTP settings nothing is
//! sent and the e-mails wait.

use super::Alerts;
use lettre::Message;
use lettre::message::{Mailbox, header::ContentType};
use std::time::Duration;
use taith_domain::{AlertMetric, Locale};
use taith_i18n::Tr;
use taith_store::{AlertMailDue, SharedStore, StoreError};

/// How often the loop looks for due e-mails.
const POLL: Duration = Duration::from_secs(2);
/// How long a claimed e-mail is this node's.
const LEASE: Duration = Duration::from_secs(300);
/// How long a refused e-mail waits.
const RETRY: Duration = Duration::from_secs(300);
/// E-mails per round.
const ROUND: u32 = 50;

pub(super) fn run_in_background(alerts: Alerts, store: SharedStore) {
    if alerts.mailer.is_none() {
        return;
    }
    tokio::spawn(async move {
        loop {
            match alerts.send_due(&store).await {
                Ok(n) if n == ROUND as usize => continue,
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(error = &e as &dyn std::error::Error, "alert e-mails failed")
                }
            }
            tokio::time::sleep(POLL).await;
        }
    });
}

fn plain(s: String) -> String {
    s.replace(['\u{2068}', '\u{2069}'], "")
}

/// The subject and text of an e-mail about a firing.
pub fn compose(mail: &AlertMailDue, links: &str) -> (String, String) {
    let tr = Tr::new(mail.locale.unwrap_or(Locale::En));
    let rule = &mail.rule;
    let name = rule.fields.name.as_str();
    let metric = match rule.fields.metric {
        AlertMetric::ThemeShare(_) => tr.t("alert-metric-theme_share"),
        m => tr.t(&format!("alert-metric-{}", m.code())),
    };
    let value = mail
        .firing
        .value
        .map(|v| tr.number(v, 1))
        .unwrap_or_else(|| "–".to_owned());
    let cleared = mail.what == "cleared";
    let subject = plain(tr.ta(
        if cleared {
            "alert-mail-subject-cleared"
        } else {
            "alert-mail-subject-fired"
        },
        &[
            ("rule", name.to_owned()),
            ("business", mail.workspace_name.to_string()),
        ],
    ));
    let mut lines = vec![
        plain(tr.t1("mail-greeting", "name", mail.name.as_str())),
        String::new(),
        plain(tr.ta(
            if cleared {
                "alert-mail-body-cleared"
            } else {
                "alert-mail-body-fired"
            },
            &[
                ("rule", name.to_owned()),
                ("metric", metric),
                ("value", value),
            ],
        )),
    ];
    if let Some(previous) = mail.firing.previous {
        lines.push(plain(tr.t1(
            "alert-mail-previous",
            "value",
            tr.number(previous, 1),
        )));
    }
    lines.push(String::new());
    lines.push(plain(tr.t1(
        "alert-mail-link",
        "link",
        format!("{links}/w/{}/alerts/{}", mail.workspace_slug, rule.id),
    )));
    (subject, lines.join("\n"))
}

impl Alerts {
    /// Sends one round of due e-mails; answers how many were claimed.
    pub async fn send_due(&self, store: &SharedStore) -> Result<usize, StoreError> {
        let Some(mailer) = &self.mailer else {
            return Ok(0);
        };
        let now = taith_domain::now();
        let due = store.claim_alert_mails(now, now + LEASE, ROUND).await?;
        for mail in &due {
            let (subject, text) = compose(mail, &self.links);
            let to = match mail.email.as_str().parse() {
                Ok(address) => Mailbox::new(Some(mail.name.to_string()), address),
                Err(_) => {
                    tracing::warn!(user = %mail.user_id, "an alert recipient's address does not parse");
                    store.finish_alert_mail(mail, true, now, now).await?;
                    continue;
                }
            };
            let message = Message::builder()
                .from(mailer.from().clone())
                .to(to)
                .subject(subject)
                .header(ContentType::TEXT_PLAIN)
                .body(text);
            let sent = match message {
                Ok(m) => mailer.send(m).await.is_ok(),
                Err(_) => false,
            };
            if !sent {
                tracing::warn!(user = %mail.user_id, firing = %mail.firing.id, "an alert e-mail was not taken; it stays due");
            }
            store
                .finish_alert_mail(mail, sent, taith_domain::now(), now + RETRY)
                .await?;
        }
        Ok(due.len())
    }
}
