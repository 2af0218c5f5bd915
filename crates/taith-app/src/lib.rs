//! taith's application layer: the use-cases that the web UI, the REST API, the CLI, the fuzz
//! targets and the tests all call, so that a rule lives in one place. No HTTP here: a use-case
//! takes domain types and a store and answers with domain types or its own error.
//!
//! One module per capability, named as in the web crate and the store:
//! - [`account`]: passwords, session and API-token secrets;
//! - [`journeys`]: editing a journey safely against concurrent saves, restoring a version,
//!   undoing a deletion, and journey files in and out;
//! - [`surveys`]: making, changing and deleting a survey;
//! - [`responses`]: intake, the group-commit writer every response goes through, the one
//!   check of an answer against its question, and responses imported and exported as files;
//! - [`feature_requests`]: the feature-request board — requests from staff, comments and the
//!   public board, votes, statuses with public notes, merges and near-duplicates;
//! - [`cases`]: following up unhappy customers — cases opened by the surveys' rules or by
//!   hand, their owners, SLA due times, log, replies by e-mail and figures;
//! - [`feedback`]: what customers wrote — a survey's latest answers, the comments feed;
//! - [`metrics`]: the analytics index's lifecycle and the metrics every surface shows;
//! - [`invitations`]: inviting customers (one by one or from a file) and the e-mail outbox;
//! - [`changes`]: "you said, we did" — changes made because customers asked, and the notices
//!   that tell them;
//! - [`coaching`]: NPS and CSAT per team and per agent, their trend, praise, a leaderboard
//!   that ranks only significant differences;
//! - [`alerts`]: alert rules, their evaluation as responses arrive and on a schedule, each
//!   firing recorded once, and the e-mails about them;
//! - [`webhooks`]: endpoints, signed deliveries with retries, the SSRF guard, and the tailer
//!   that publishes `response.created` and wakes the alerts;
//! - [`events`]: what customers do (page views, searches, goals, …) from the API, imports and
//!   the web tracker, and the sites the tracker runs on;
//! - [`articles`]: the knowledge base and the public help centre — articles in categories,
//!   one translation per locale, drafts and published, Markdown rendered and sanitised, search;
//! - [`mail_in`]: e-mail conversations — mail received (API or SMTP) threaded into
//!   conversations, loops and junk recorded but never answered, replies sent by e-mail;
//! - [`bot`]: the FAQ bot — questions answered from the published articles or handed over to
//!   a person in a chat conversation, synonyms, and the FAQ gaps it finds;
//! - [`voc`]: voice of the customer — each comment's language, sentiment and themes, the
//!   models learned from the workspace's own scores, themes' impact on the score.
//!
//! Errors are this crate's own `thiserror` types (or the store's); `anyhow` stays at the
//! edges.
//!
//! [`App::start`] starts the background workers (the response writer, the outbox, the index
//! builder) and hands out what the edges share.

pub mod account;
pub mod alerts;
pub mod articles;
pub mod audit;
pub mod bot;
pub mod cases;
pub mod changes;
pub mod chat;
pub mod coaching;
pub mod contact;
pub mod conversations;
pub mod events;
pub mod feature_requests;
pub mod feedback;
pub mod inbox;
pub mod invitations;
pub mod journeys;
pub mod lifecycle;
pub mod mail_in;
pub mod mentions;
pub mod metrics;
pub mod privacy;
pub mod responses;
pub mod signals;
pub mod surveys;
pub mod voc;
pub mod webhooks;
pub mod webstats;

use taith_store::SharedStore;

/// Settings of the application layer.
#[derive(Debug, Clone, Default)]
pub struct AppConfig {
    /// The SMTP server invitations go out through; None: they wait in the outbox.
    pub mailer: Option<invitations::outbox::Mailer>,
    /// The address customers reach taith at, for links in e-mails (no trailing slash).
    pub links: String,
    /// Webhooks' and alerts' settings: the allow list, the resolver, the back-off.
    pub hooks: webhooks::HookConfig,
    /// The domain inbound e-mail addresses are at (`{slug}@domain`); None: any domain.
    pub inbound_domain: Option<String>,
}

/// The running application: the store and the workers every edge shares. Cloning shares them.
#[derive(Clone)]
pub struct App {
    pub store: SharedStore,
    /// The group-commit writer every response goes through.
    pub intake: responses::intake::Ingest,
    /// Sends invitation and reminder e-mails.
    pub outbox: invitations::outbox::Outbox,
    /// Each workspace's analytics index, fed by `intake`.
    pub analytics: metrics::Analytics,
    /// The text analytics' workers (analyser, learner) and the models they share.
    pub voc: voc::Voc,
    /// Sends "you said, we did" notices.
    pub notices: changes::notices::Notices,
    /// Webhook endpoints' delivery and the SSRF guard.
    pub webhooks: webhooks::Webhooks,
    /// Alert rules' evaluation and e-mails.
    pub alerts: alerts::Alerts,
    /// The event writer and the web tracker's state.
    pub events: events::Events,
    /// Each workspace's event index and the web figures.
    pub webstats: webstats::WebStats,
    /// Taith's own e-mail addresses (for routing inbound mail and refusing loops).
    pub mail_in: mail_in::MailIn,
    /// The FAQ bot's per-workspace index cache.
    pub bot: bot::Bot,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("App")
    }
}

impl App {
    /// Starts the background workers on the current Tokio runtime: the analytics index is
    /// built for every workspace, the response writer and the outbox begin to run.
    pub fn start(store: SharedStore, config: AppConfig) -> App {
        webhooks::delivery::install_tls_provider();
        let analytics = metrics::Analytics::default();
        analytics.build_all_in_background(store.clone());
        analytics.tail_in_background(store.clone());
        responses::upkeep::prune_deletion_log_in_background(store.clone());
        journeys::trash::prune_in_background(store.clone());
        audit::prune_in_background(store.clone());
        let intake = responses::intake::Ingest::start(store.clone(), analytics.clone());
        let notices = changes::notices::Notices::new(
            store.clone(),
            config.mailer.clone(),
            config.links.clone(),
        );
        notices.start();
        cases::worker::start(store.clone(), config.mailer.clone());
        mail_in::worker::start(store.clone(), config.mailer.clone());
        let mail_in = mail_in::MailIn::new(config.inbound_domain.clone(), config.mailer.as_ref());
        inbox::worker::start(store.clone());
        let outbox = invitations::outbox::Outbox::new(
            store.clone(),
            config.mailer.clone(),
            config.links.clone(),
        );
        outbox.start();
        let voc = voc::Voc::start(store.clone());
        let webhooks = webhooks::Webhooks::new(config.hooks);
        webhooks.start(store.clone());
        let alerts = alerts::Alerts::new(
            analytics.clone(),
            webhooks.clone(),
            config.mailer,
            config.links,
        );
        alerts.start(store.clone());
        webhooks::tail::run_in_background(alerts.clone(), store.clone());
        let events = events::Events::start(store.clone());
        let webstats = webstats::WebStats::default();
        webstats.build_all_in_background(store.clone());
        webstats.tail_in_background(store.clone());
        let app = App {
            mail_in,
            bot: bot::Bot::default(),
            events,
            webstats,
            notices,
            webhooks,
            alerts,
            voc,
            store,
            intake,
            outbox,
            analytics,
        };
        privacy::expire_in_background(app.clone());
        app
    }
}
