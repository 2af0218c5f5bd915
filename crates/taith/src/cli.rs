//! The command line: every subcommand, its options and what it does.

use crate::database::StoreArgs;
use crate::server::ServeArgs;
use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Read as _;
use std::path::PathBuf;
use taith_app::account::password::PasswordError;
use taith_app::account::secrets::{
    check_new_password, hash_password, new_api_token, random_secret, secret_hash,
};
use taith_domain::transfer::read_journey_file;
use taith_domain::{Email, JourneyId, Name, Role, Slug, SurveyId, TokenScope};
use taith_store::{Author, ConflictKind, NewUser, SharedStore, StoreError};

#[derive(Debug, Parser)]
#[command(
    name = "taith",
    version,
    about = "taith: customer journeys, surveys and metrics in one binary"
)]
pub struct Cli {
    #[command(flatten)]
    pub store: StoreArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web UI and the API.
    Serve(ServeArgs),
    /// Fill the workspace `demo` with a small Welsh bakery's journeys, and print how to sign in.
    Demo,
    /// Apply the store's migrations and exit (serve does this on start too).
    Migrate,
    /// Write a consistent copy of the SQLite store while taith keeps running.
    Backup {
        /// The file to write; it must not exist yet.
        #[arg(long)]
        to: PathBuf,
    },
    /// Manage people.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Move journeys in and out as JSON files.
    #[command(subcommand)]
    Journey(JourneyCommand),
    /// Bring data in from files.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Write data out to files.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Answer a customer's data request: write out, or erase, everything held about them.
    #[command(subcommand)]
    Customer(crate::customer::CustomerCommand),
    /// Invite customers to a survey by e-mail, from a CSV file.
    ///
    /// One customer per line: `email,name,locale,customer_id` (only the e-mail is needed; a
    /// header line naming those columns is allowed). Every line is checked first: bad lines are
    /// named with their column and nothing is invited. Customers who unsubscribed, or were
    /// invited to or answered the survey within its throttling period, are skipped. The
    /// running server's outbox sends the e-mails (configure it with --smtp-url and
    /// --mail-from), with one reminder after --reminder-days.
    Invite {
        /// The CSV file to read.
        file: PathBuf,
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// The survey's id.
        #[arg(long)]
        survey: String,
        /// Days until one reminder to those who have not answered (0: none).
        #[arg(long, default_value_t = taith_domain::invitation::DEFAULT_REMINDER_DAYS,
              value_parser = clap::value_parser!(u16).range(0..=60))]
        reminder_days: u16,
    },
    /// NPS, CSAT or CES of a workspace's responses, grouped and filtered, with counts, the 95%
    /// interval and the small-sample flag: the JSON of GET /api/v1/metrics.
    Metrics {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// nps, csat or ces; or a web figure from the events: visitors, page_views, bounce_rate,
        /// conversion_rate, session_duration, task_success_rate, error_rate,
        /// search_zero_result_rate.
        #[arg(long)]
        metric: String,
        /// Only this survey's answers (its id).
        #[arg(long)]
        survey: Option<String>,
        /// Comma-separated: survey, journey, stage, touchpoint, channel, locale, any response
        /// attribute (team, agent, plan, region…), and day, week, month or quarter.
        #[arg(long)]
        by: Option<String>,
        /// First day counted, YYYY-MM-DD (UTC, inclusive).
        #[arg(long)]
        from: Option<String>,
        /// Last day counted, YYYY-MM-DD (inclusive).
        #[arg(long)]
        to: Option<String>,
        /// `key=value`, repeatable: several values of one key match any of them.
        #[arg(long = "where")]
        wheres: Vec<String>,
        /// Output format.
        #[arg(long, default_value = "json", value_parser = ["json"])]
        format: String,
    },
    /// The behaviour and support figures touchpoints show on the journey map: choose them,
    /// and read a journey's with their trends and drop-offs.
    #[command(subcommand)]
    Signals(crate::signals::SignalsCommand),
    /// Social mentions: load a connector's export, and read a period's count, sources,
    /// sentiment and latest mentions.
    #[command(subcommand)]
    Mentions(crate::mentions::MentionsCommand),
    /// The FAQ bot: ask it a question as a visitor would (an answer from the published
    /// help-centre articles, or a hand-over to a person).
    #[command(subcommand)]
    Bot(crate::bot::BotCommand),
    /// The inbox: list its conversations as the inbox page does.
    #[command(subcommand)]
    Inbox(crate::inbox::InboxCommand),
    /// The themes of a workspace's comments in a period: mentions, share, sentiment and impact
    /// on the score ("−14 ± 5 NPS"), as a table or as the JSON of GET /api/v1/themes. Reads
    /// what the analyser inside `taith serve` stored.
    Themes {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// 7d, 30d, 90d (the default), quarter or year; or give --from and --to.
        #[arg(long)]
        period: Option<String>,
        /// First day of a custom period, YYYY-MM-DD (UTC, inclusive).
        #[arg(long)]
        from: Option<String>,
        /// Last day of a custom period, YYYY-MM-DD (inclusive).
        #[arg(long)]
        to: Option<String>,
        /// List hidden themes too.
        #[arg(long)]
        include_hidden: bool,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// A workspace's comments, newest first, with their language, sentiment and themes; or
    /// every comment that matches as CSV (--csv). Reads what the analyser inside `taith serve`
    /// stored.
    Comments {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// 7d, 30d, 90d (the default), quarter or year; or give --from and --to.
        #[arg(long)]
        period: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        /// The language the comment is written in: en, cy, ms, sw, ar, vi or other.
        #[arg(long)]
        language: Option<String>,
        /// negative, neutral or positive.
        #[arg(long)]
        sentiment: Option<String>,
        /// Comments that mention this theme (its id).
        #[arg(long)]
        theme: Option<String>,
        /// Words the comment contains.
        #[arg(long)]
        q: Option<String>,
        /// Comments to show (1–200).
        #[arg(long, default_value_t = 50)]
        limit: u32,
        /// Every matching comment as CSV (formula cells defanged) instead of a table.
        #[arg(long)]
        csv: bool,
    },
    /// The feature-request board.
    #[command(subcommand)]
    Requests(RequestsCommand),
    /// "You said, we did": changes made because customers asked.
    #[command(subcommand)]
    Changes(ChangesCommand),
    /// Cases: follow-ups of unhappy customers.
    #[command(subcommand)]
    Cases(CasesCommand),
    /// Alert rules.
    #[command(subcommand)]
    Alerts(AlertsCommand),
    /// Webhook endpoints.
    #[command(subcommand)]
    Webhooks(WebhooksCommand),
    /// Print the OpenAPI document of the REST API.
    Openapi,
    /// Measure taith against a baseline (prints both and their ratio).
    #[command(subcommand)]
    Bench(BenchCommand),
}

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Signed webhook deliveries per second to a local receiver, end to end through a fresh
    /// SQLite store and the delivery worker (with retries of the answers the receiver fails),
    /// against plain HTTP POSTs of the same bodies to the same receiver.
    Webhooks {
        /// Deliveries to make.
        #[arg(long, default_value_t = 5_000)]
        deliveries: usize,
        /// Attempts in flight at once (the worker's bound, and the baseline's connections).
        #[arg(long, default_value_t = 8)]
        concurrency: usize,
        /// The receiver answers 500 to every n-th request (0: never), so some are retried.
        #[arg(long, default_value_t = 50)]
        fail_every: u64,
        /// Where the scratch store goes (emptied first).
        #[arg(long, default_value = "./taith-bench")]
        dir: PathBuf,
    },
    /// Durable responses per second over HTTP on a fresh SQLite store, against a raw batched
    /// insert of the same rows into the same schema.
    Ingest {
        /// Responses to submit.
        #[arg(long, default_value_t = 20_000)]
        responses: usize,
        /// Concurrent HTTP connections.
        #[arg(long, default_value_t = 64)]
        clients: usize,
        /// Responses per request (1 = one request per response; the API takes up to 1,000).
        #[arg(long, default_value_t = 1)]
        batch: usize,
        /// Where the two scratch stores go (emptied first).
        #[arg(long, default_value = "./taith-bench")]
        dir: PathBuf,
    },
    /// NPS by touchpoint × channel × segment × week over a generated data set (10 million
    /// responses by default): our analytics index's scan, a plain pass over the columns it
    /// reads (the memory-bandwidth floor), the same query through GET /api/v1/metrics on the
    /// app serving a SQLite store of the same rows, and the query in SQL over the same rows in
    /// SQLite and, with --postgres-url, PostgreSQL. Prints each time, the ratios and the
    /// index's memory.
    Metrics {
        /// Responses to generate.
        #[arg(long, default_value_t = 10_000_000)]
        responses: usize,
        /// Timed runs per side (after one untimed warm-up); the median is reported.
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// A scratch PostgreSQL database to load the rows into (a table `bench_responses` is
        /// made there and dropped again).
        #[arg(long, env = "TAITH_BENCH_POSTGRES_URL")]
        postgres_url: Option<String>,
        /// Leave out the HTTP side (loading the store and building the server's index take
        /// minutes over millions of rows).
        #[arg(long)]
        skip_http: bool,
        /// Leave out the SQL baselines.
        #[arg(long)]
        skip_sql: bool,
        /// Where the scratch SQLite databases go (SQL baseline, and the store served over HTTP).
        #[arg(long, default_value = "./taith-bench")]
        dir: PathBuf,
    },
    /// Open-loop load on POST /api/v1/responses against a `taith serve` child process: a
    /// steady rate, then three times that rate, then the steady rate again. Prints latency
    /// (from each request's scheduled send time) and status counts per phase, the server's
    /// memory and how soon p99 recovers; fails when the steady rate is not held (anything but
    /// 2xx), the overload brings anything but 2xx, 429 or 503, or p99 takes more than 10 s to
    /// recover.
    Load(crate::bench_load::LoadArgs),
    /// Web events, both halves: durable events per second over HTTP (POST /api/v1/events in
    /// batches, several in flight) on a fresh SQLite store against a raw batched insert of the
    /// same rows; then bounce rate and conversion rate by touchpoint × ISO week over a
    /// generated year of web events (50 million by default) from the event index, against a
    /// plain scan of the raw events, with the index's bytes per event.
    Events {
        /// Events to generate for the index.
        #[arg(long, default_value_t = 50_000_000)]
        events: usize,
        /// Timed runs of the index's query (after one untimed warm-up); the median is reported.
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// Events to submit over HTTP (and insert raw).
        #[arg(long, default_value_t = 100_000)]
        ingest_events: usize,
        /// Concurrent HTTP connections.
        #[arg(long, default_value_t = 8)]
        clients: usize,
        /// Events per request (the API takes up to 1,000).
        #[arg(long, default_value_t = 100)]
        batch: usize,
        /// Where the two scratch stores of the ingest half go (emptied first).
        #[arg(long, default_value = "./taith-bench")]
        dir: PathBuf,
        /// Leave out the ingest half.
        #[arg(long)]
        skip_ingest: bool,
        /// Leave out the index half.
        #[arg(long)]
        skip_index: bool,
    },
    /// Text analytics (taith-text): the whole pipeline (language, sentiment, key phrases) over
    /// synthetic comments in six languages against a normalise-and-script-only floor,
    /// retraining a sentiment model, and per language the held-out accuracy and macro-F1
    /// beside the majority class and the lexicon alone, language-ID accuracy and model memory.
    Text {
        /// Synthetic comments through the pipeline.
        #[arg(long, default_value_t = 1_000_000)]
        comments: usize,
        /// Labelled comments to retrain a model on.
        #[arg(long, default_value_t = 200_000)]
        retrain: usize,
        /// Worker threads for the pipeline run.
        #[arg(long, default_value_t = 2)]
        threads: usize,
    },
    /// The FAQ bot's retrieval on the benchmark set in crates/taith-text/data/faq/: per
    /// language, top-1 accuracy on answerable held-out questions and the share of
    /// unanswerable ones handed over, beside word overlap without normalisation and the
    /// most-asked article, requests for a person heard, and questions answered per second.
    Bot {
        /// Times every held-out question is asked for the rate.
        #[arg(long, default_value_t = 200)]
        repeat: usize,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user as a member of a workspace; the workspace is created if it does not exist
    /// (with this user as its owner). Prints the password when one is generated.
    Create {
        #[arg(long)]
        workspace: String,
        /// Display name of a workspace created by this command.
        #[arg(long)]
        workspace_name: Option<String>,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Role in an existing workspace (a new workspace's first user is its owner).
        #[arg(long, default_value = "owner")]
        role: String,
        /// Read the password from standard input instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Set a person's password, read from standard input (one line), for someone locked out
    /// where no mail is set up for "Forgot your password?". Every browser signed in as them
    /// is signed out.
    SetPassword {
        #[arg(long)]
        email: String,
    },
    /// Turn a person's two-factor sign-in off, for someone who lost their authenticator and
    /// their recovery codes; check who is asking first. Every browser signed in as them is
    /// signed out; they sign in with their password and may set it up again.
    ResetTwoFactor {
        #[arg(long)]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum AlertsCommand {
    /// List a workspace's alert rules, one a line: id, state (firing, quiet or paused), kind,
    /// metric, the figure last seen, firings so far and name, separated by tabs.
    List {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum WebhooksCommand {
    /// List a workspace's webhook endpoints, one a line: id, kind, on or off, the last
    /// delivery's state and answer, event types and address, separated by tabs. Secrets are
    /// never printed.
    List {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum RequestsCommand {
    /// List a workspace's feature requests, most votes first, one a line: id, status, votes
    /// and title, separated by tabs (merged requests are left out).
    List {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// Only this status: under_review, planned, in_progress, done or declined.
        #[arg(long)]
        status: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ChangesCommand {
    /// List a workspace's "we did" changes, newest first, one a line: id, date, source kind,
    /// notices sent of recipients, and the source's title, separated by tabs.
    List {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum CasesCommand {
    /// List a workspace's cases, newest first, one a line: number, id, status, `overdue` or
    /// `-`, owner (or `-`), touchpoint id (or `-`) and when it opened, separated by tabs.
    List {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// Only these statuses, comma-separated: open, in_progress, waiting_for_customer,
        /// resolved, closed_no_action; or `active` (the first three).
        #[arg(long)]
        status: Option<String>,
        /// Only cases overdue now.
        #[arg(long)]
        overdue: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token; the token is printed once, as the last line.
    Create {
        #[arg(long)]
        workspace: String,
        #[arg(long, value_parser = ["read", "write"])]
        scope: String,
        #[arg(long, default_value = "cli")]
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum JourneyCommand {
    /// Write a journey as JSON (to standard output, or --output).
    Export {
        #[arg(long)]
        workspace: String,
        #[arg(long)]
        journey: String,
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Create a journey from a JSON file written by export; prints its new id.
    Import {
        file: PathBuf,
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Add a survey's responses from a CSV file.
    ///
    /// The file is UTF-8 with commas, and its header is
    /// `submitted_at,score,comment,touchpoint,channel,locale,customer_id,customer_email`
    /// followed by any attribute columns (team, agent, plan, region, …). `submitted_at` is RFC
    /// 3339; `score` is on the survey's scale; `touchpoint` is the name of a touchpoint on one
    /// of the workspace's journeys (empty: the survey's own); `channel` is one of web, email,
    /// phone, chat, social, in-store, in-app, sms, other; `locale` a language tag of en, cy,
    /// ms, sw, ar or vi; `comment` (at most 5,000 characters), `customer_id` (the customer's
    /// external id) and `customer_email` may be empty, and are ignored for anonymous surveys.
    ///
    /// Every line is checked first: a bad one stops the import, naming its line and column,
    /// and nothing is stored. Importing the same file twice stores its responses twice.
    Responses {
        /// The CSV file to read.
        file: PathBuf,
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// The survey's id.
        #[arg(long)]
        survey: String,
    },
    /// Add support conversations from a help desk's CSV export (docs/support.md).
    ///
    /// The header names the columns `id, created, first reply, resolved, channel, agent,
    /// team, customer, subject, tags, satisfaction` (case, spaces, `_` and `-` ignored; `id`,
    /// `created` and `channel` required). Times are RFC 3339 or `YYYY-MM-DD HH:MM[:SS]` in
    /// UTC; `customer` is an e-mail address or your own customer id; `tags` are separated by
    /// `,`, `;` or `|`; `satisfaction` is 1–5. All or nothing: a bad line stops the import,
    /// naming its line and column. A conversation imported again is updated, not doubled.
    Conversations {
        /// The CSV file to read.
        file: PathBuf,
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
    },
    /// Add events (what customers did: page views, searches, goals, tasks, errors, clicks)
    /// from a CSV file.
    ///
    /// The file is UTF-8 with commas; its header names the wire fields of docs/events.md in
    /// any order: `type` (page_view, search, conversion, task, error, click) and any of
    /// occurred_at (RFC 3339, at most 400 days old), visitor_id, session_id, customer_id,
    /// url, touchpoint_id, channel, locale, query, result_count, goal, value, name, success,
    /// duration_ms, kind, target, client_id; a column `attributes.KEY` sets an attribute.
    ///
    /// Every line is checked first: a bad one stops the import, naming its line and column,
    /// and nothing is stored. Lines with a `client_id` stored before are not stored again.
    Events {
        /// The CSV file to read.
        file: PathBuf,
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Write a survey's responses as CSV or JSON (to standard output, or --output).
    ///
    /// Responses come oldest first. The CSV has the header `import responses` reads, with one
    /// column per attribute, so an export imports back unchanged. A cell a spreadsheet would
    /// run as a formula (starting with = + - @, a tab or a carriage return) gets a leading ',
    /// which the import removes again.
    Responses {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// The survey's id.
        #[arg(long)]
        survey: String,
        #[arg(long, value_enum, default_value = "csv")]
        format: ExportFormat,
        /// The file to write (replaced if it exists); standard output when not given.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Write the workspace's audit log as CSV (to standard output, or --output), newest first:
    /// who changed what and who read personal data, when and from where. The export is itself
    /// recorded in the log.
    Audit {
        /// The workspace's slug.
        #[arg(long, env = "TAITH_WORKSPACE")]
        workspace: String,
        /// 7d, 30d, 90d, quarter or year (up to today).
        #[arg(long, default_value = "90d")]
        period: String,
        /// The file to write (replaced if it exists); standard output when not given.
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

/// The file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// CSV with a header line.
    Csv,
    /// `{"responses": [...]}`.
    Json,
}

async fn survey(
    store: &SharedStore,
    w: &taith_domain::Workspace,
    s: &str,
) -> anyhow::Result<taith_domain::Survey> {
    let id: SurveyId = s
        .parse()
        .map_err(|_| anyhow::anyhow!("--survey {s:?}: not a survey id"))?;
    match store.survey(w.id, id).await {
        Ok(survey) => Ok(survey),
        Err(StoreError::NotFound) => bail!("no survey {id} in {}", w.slug),
        Err(e) => Err(e.into()),
    }
}

fn slug(s: &str) -> anyhow::Result<Slug> {
    Slug::parse(s).map_err(|i| anyhow::anyhow!("--workspace {s:?}: {}", i.code()))
}

pub(crate) async fn workspace(
    store: &SharedStore,
    s: &str,
) -> anyhow::Result<taith_domain::Workspace> {
    match store.workspace_by_slug(&slug(s)?).await {
        Ok(w) => Ok(w),
        Err(StoreError::NotFound) => bail!("no workspace with slug {s:?}"),
        Err(e) => Err(e.into()),
    }
}

/// Records in the workspace's audit log that `taith {command}` acted on `target` (the page
/// or file a member would have used), with actor `cli`.
pub(crate) async fn audit_cli(
    store: &SharedStore,
    w: &taith_domain::Workspace,
    command: &str,
    target: &str,
) -> anyhow::Result<()> {
    taith_app::audit::record(
        store.as_ref(),
        w.id,
        taith_app::audit::Action {
            actor: taith_domain::Actor {
                kind: taith_domain::ActorKind::Cli,
                id: None,
                label: format!("taith {command}"),
            },
            address: None,
            method: "CLI".to_owned(),
            action: command.to_owned(),
            target: target.to_owned(),
            status: 200,
        },
    )
    .await?;
    Ok(())
}

/// Runs a parsed command line.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let out = crate::output::Out;
    match cli.command {
        Command::Serve(args) => crate::server::serve_command(&cli.store, args).await,
        Command::Demo => {
            let store = cli.store.open().await?;
            let creds = crate::server::ensure_demo(&store).await?;
            out.demo_credentials(&creds);
            Ok(())
        }
        Command::Migrate => {
            let url = cli.store.url()?;
            cli.store.open().await?;
            out.line(&format!("migrations applied to {url}"));
            Ok(())
        }
        Command::Backup { to } => {
            let store = cli.store.open().await?;
            store
                .backup(&to)
                .await
                .with_context(|| format!("backing up to {}", to.display()))?;
            out.line(&format!("backup written to {}", to.display()));
            Ok(())
        }
        Command::User(UserCommand::Create {
            workspace: ws,
            workspace_name,
            email,
            name,
            role,
            password_stdin,
        }) => {
            let store = cli.store.open().await?;
            let email =
                Email::parse(&email).map_err(|i| anyhow::anyhow!("--email: {}", i.code()))?;
            let name = Name::parse(&name).map_err(|i| anyhow::anyhow!("--name: {}", i.code()))?;
            let role: Role = role.parse().map_err(|_| {
                anyhow::anyhow!("--role: one of owner, admin, analyst, agent, viewer")
            })?;
            let (password, generated) = if password_stdin {
                let mut s = String::new();
                std::io::stdin().read_to_string(&mut s)?;
                (s.trim_end_matches(['\r', '\n']).to_owned(), false)
            } else {
                (random_secret()[..20].to_owned(), true)
            };
            check_new_password(&password).map_err(|i| anyhow::anyhow!("password: {}", i.code()))?;
            let user = NewUser {
                email: email.clone(),
                name,
                password_hash: hash_password(&password)?,
            };
            let slug = slug(&ws)?;
            match store.workspace_by_slug(&slug).await {
                Ok(w) => match store.add_member(w.id, user, role).await {
                    Ok(_) => out.line(&format!("{email} is now {} of {}", role.as_str(), w.slug)),
                    Err(StoreError::Conflict(ConflictKind::EmailTaken)) => {
                        bail!("{email} is already a member of {}", w.slug)
                    }
                    Err(e) => return Err(e.into()),
                },
                Err(StoreError::NotFound) => {
                    let ws_name = Name::parse(workspace_name.as_deref().unwrap_or(slug.as_str()))
                        .map_err(|i| anyhow::anyhow!("--workspace-name: {}", i.code()))?;
                    store.create_workspace(&slug, &ws_name, user).await?;
                    out.line(&format!("created workspace {slug} with owner {email}"));
                }
                Err(e) => return Err(e.into()),
            }
            if generated {
                out.line(&format!("password: {password}"));
            }
            Ok(())
        }
        Command::User(UserCommand::ResetTwoFactor { email }) => {
            let store = cli.store.open().await?;
            let email =
                Email::parse(&email).map_err(|i| anyhow::anyhow!("--email: {}", i.code()))?;
            match taith_app::account::two_factor::reset_by_operator(store.as_ref(), &email).await
            {
                Ok(true) => out.line(&format!(
                    "two-factor sign-in of {email} is off; every browser signed in as them is signed out"
                )),
                Ok(false) => out.line(&format!("{email} had no two-factor sign-in")),
                Err(StoreError::NotFound) => bail!("no account has the address {email}"),
                Err(e) => return Err(e.into()),
            }
            Ok(())
        }
        Command::User(UserCommand::SetPassword { email }) => {
            let store = cli.store.open().await?;
            let email =
                Email::parse(&email).map_err(|i| anyhow::anyhow!("--email: {}", i.code()))?;
            let mut password = String::new();
            std::io::stdin().read_to_string(&mut password)?;
            let password = password.trim_end_matches(['\r', '\n']);
            match taith_app::account::password::set_by_operator(store.as_ref(), &email, password)
                .await
            {
                Ok(_) => out.line(&format!(
                    "the password of {email} is set; every browser signed in as them is signed out"
                )),
                Err(PasswordError::Invalid(e)) => bail!(
                    "password: {}",
                    e.0.iter()
                        .map(|f| f.issue.code())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                Err(PasswordError::Store(StoreError::NotFound)) => {
                    bail!("no account has the address {email}")
                }
                Err(e) => return Err(e.into()),
            }
            Ok(())
        }
        Command::Token(TokenCommand::Create {
            workspace: ws,
            scope,
            name,
        }) => {
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            let scope: TokenScope = scope
                .parse()
                .map_err(|_| anyhow::anyhow!("--scope: read or write"))?;
            let name = Name::parse(&name).map_err(|i| anyhow::anyhow!("--name: {}", i.code()))?;
            let token = new_api_token();
            store
                .create_api_token(w.id, &name, scope, &secret_hash(&token))
                .await?;
            out.line(&format!(
                "created a {} token for {}; it is shown only once:",
                scope.as_str(),
                w.slug
            ));
            out.line(&token);
            Ok(())
        }
        Command::Journey(JourneyCommand::Export {
            workspace: ws,
            journey,
            output,
        }) => {
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            let id: JourneyId = journey
                .parse()
                .map_err(|_| anyhow::anyhow!("--journey: not a journey id"))?;
            let file =
                match taith_app::journeys::files::export_journey(store.as_ref(), w.id, id).await {
                    Ok(f) => f,
                    Err(StoreError::NotFound) => bail!("no journey {id} in {}", w.slug),
                    Err(e) => return Err(e.into()),
                };
            let json = serde_json::to_string_pretty(&file)?;
            match output {
                Some(path) => std::fs::write(&path, json + "\n")
                    .with_context(|| format!("writing {}", path.display()))?,
                None => out.line(&json),
            }
            Ok(())
        }
        Command::Journey(JourneyCommand::Import {
            file,
            workspace: ws,
        }) => {
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            let bytes =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let parsed = read_journey_file(&bytes)
                .with_context(|| format!("{} is not a journey file", file.display()))?;
            let author = Author {
                user_id: None,
                name: "taith journey import".to_owned(),
            };
            let id =
                taith_app::journeys::files::import_journey(store.as_ref(), w.id, parsed, &author)
                    .await?
                    .id;
            out.line(&format!("imported journey {id} into {}", w.slug));
            Ok(())
        }
        Command::Import(ImportCommand::Responses {
            file,
            workspace: ws,
            survey: survey_id,
        }) => {
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            let survey = survey(&store, &w, &survey_id).await?;
            let bytes =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            // The server's writer is in another process: this one has its own, with an
            // analytics index that is never built (the server's picks the rows up by tailing).
            let intake = taith_app::responses::intake::Ingest::start(
                store.clone(),
                taith_app::metrics::Analytics::default(),
            );
            let summary = taith_app::responses::import::import_responses_csv(
                &intake,
                store.as_ref(),
                w.id,
                &survey,
                &bytes,
            )
            .await
            .with_context(|| format!("importing {}", file.display()))?;
            let customers = match summary.customers {
                1 => "1 customer".to_owned(),
                n => format!("{n} customers"),
            };
            out.line(&format!(
                "imported {} responses ({customers}) into the survey “{}” of {}",
                summary.responses, survey.fields.name, w.slug
            ));
            Ok(())
        }
        Command::Import(ImportCommand::Conversations {
            file,
            workspace: ws,
        }) => {
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            let bytes =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let summary = taith_app::conversations::import_csv(store.as_ref(), w.id, &bytes)
                .await
                .with_context(|| format!("importing {}", file.display()))?;
            out.line(&format!(
                "imported {} conversations ({} updated) into {}",
                summary.created, summary.updated, w.slug
            ));
            Ok(())
        }
        Command::Import(ImportCommand::Events {
            file,
            workspace: ws,
        }) => {
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            let bytes =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            // The server's writer is in another process: this one has its own.
            let events = taith_app::events::Events::start(store.clone());
            let stored = taith_app::events::import::import_events_csv(&events, w.id, &bytes)
                .await
                .with_context(|| format!("importing {}", file.display()))?;
            out.line(&format!("imported {stored} events into {}", w.slug));
            Ok(())
        }
        Command::Invite {
            file,
            workspace: ws,
            survey: survey_id,
            reminder_days,
        } => {
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            let survey = survey(&store, &w, &survey_id).await?;
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("reading {} (it must be UTF-8 text)", file.display()))?;
            let summary = taith_app::invitations::files::invite_from_csv(
                store.as_ref(),
                w.id,
                &survey,
                &text,
                reminder_days,
            )
            .await
            .with_context(|| format!("inviting from {}", file.display()))?;
            out.line(&format!(
                "invited {} to the survey “{}”; skipped {} asked in the last {} days and {} \
                 unsubscribed. The server's outbox sends the e-mails.",
                summary.invited,
                survey.fields.name,
                summary.throttled,
                survey.fields.throttle_days,
                summary.unsubscribed
            ));
            Ok(())
        }
        Command::Export(ExportCommand::Responses {
            workspace: ws,
            survey: survey_id,
            format,
            output,
        }) => {
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            let survey = survey(&store, &w, &survey_id).await?;
            let rows =
                taith_app::responses::files::export_rows(store.as_ref(), w.id, &survey).await?;
            let text = match format {
                ExportFormat::Csv => taith_domain::csv::write_responses_csv(&rows),
                ExportFormat::Json => taith_domain::csv::write_responses_json(&rows)? + "\n",
            };
            match output {
                Some(path) => std::fs::write(&path, text)
                    .with_context(|| format!("writing {}", path.display()))?,
                None => out.file(&text).context("writing to standard output")?,
            }
            Ok(())
        }
        Command::Customer(command) => crate::customer::run(&cli.store, command, &out).await,
        Command::Export(ExportCommand::Audit {
            workspace: ws,
            period,
            output,
        }) => {
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            let preset = taith_domain::Preset::parse(&period)
                .filter(|p| *p != taith_domain::Preset::Custom)
                .ok_or_else(|| {
                    anyhow::anyhow!("--period {period:?}: one of 7d, 30d, 90d, quarter, year")
                })?;
            let period = taith_domain::Period::preset(preset, taith_domain::now().date());
            let text = taith_app::audit::export_csv(store.as_ref(), w.id, &period).await?;
            audit_cli(
                &store,
                &w,
                "export audit",
                &format!("/w/{}/audit.csv", w.slug),
            )
            .await?;
            match output {
                Some(path) => std::fs::write(&path, text)
                    .with_context(|| format!("writing {}", path.display()))?,
                None => out.file(&text).context("writing to standard output")?,
            }
            Ok(())
        }
        Command::Bench(BenchCommand::Ingest {
            responses,
            clients,
            batch,
            dir,
        }) => {
            out.line(&format!(
                "taith bench ingest: {responses} responses, {clients} concurrent connections, \
                 {batch} per request, SQLite in {}",
                dir.display()
            ));
            let f = crate::bench::ingest(&dir, responses, clients, batch).await?;
            out.line(&format!(
                "ours  (HTTP, durable, group commit): {:>9.0} responses/s  ({:.2?})",
                f.http_rate(),
                f.http
            ));
            out.line(&format!(
                "raw   (one batched transaction):     {:>9.0} responses/s  ({:.2?})",
                f.raw_rate(),
                f.raw
            ));
            out.line(&format!("ratio ours/raw: {:.3}", f.ratio()));
            Ok(())
        }
        Command::Bench(BenchCommand::Load(args)) => crate::bench_load::run(args).await,
        Command::Bench(BenchCommand::Bot { repeat }) => {
            let figures = tokio::task::spawn_blocking(move || crate::bench_bot::run(repeat))
                .await
                .context("the bot benchmark stopped")?;
            for line in figures.lines() {
                out.line(&line);
            }
            Ok(())
        }
        Command::Bench(BenchCommand::Text {
            comments,
            retrain,
            threads,
        }) => {
            let shape = crate::bench_text::Shape {
                comments,
                retrain,
                threads,
            };
            let figures = tokio::task::spawn_blocking(move || crate::bench_text::run(shape))
                .await
                .context("the text benchmark stopped")?;
            for line in figures.lines() {
                out.line(&line);
            }
            // What the owner waits for: acknowledged comment → stored analysis, on SQLite
            // with the app's own workers.
            let dir = std::env::temp_dir().join(format!("taith-bench-voc-{}", std::process::id()));
            let store: taith_store::SharedStore = std::sync::Arc::new(
                taith_store_sqlite::SqliteStore::open(&dir.join("bench.db")).await?,
            );
            let waits = crate::bench_voc::analysis_latency(store, 60).await?;
            let _ = std::fs::remove_dir_all(&dir);
            let at = |q: f64| waits[((waits.len() - 1) as f64 * q) as usize].as_secs_f64() * 1000.0;
            out.line(&format!(
                "\nacknowledged comment → language, sentiment and themes stored ({} comments, SQLite, the app's analyser polling every 250 ms): median {:.0} ms, p90 {:.0} ms, max {:.0} ms (aim ≤ 1,000 ms)",
                waits.len(),
                at(0.5),
                at(0.9),
                at(1.0)
            ));
            Ok(())
        }
        Command::Bench(BenchCommand::Events {
            events,
            runs,
            ingest_events,
            clients,
            batch,
            dir,
            skip_ingest,
            skip_index,
        }) => {
            if !skip_ingest {
                let f =
                    crate::bench_events_ingest::run(&dir, ingest_events, clients, batch).await?;
                out.line(&f.report());
            }
            if skip_index {
                return Ok(());
            }
            let shape = crate::bench_events::Shape {
                events,
                runs,
                ..Default::default()
            };
            out.line(&format!(
                "taith bench events: {events} web events over {} touchpoints and {} days",
                shape.touchpoints, shape.days
            ));
            let f = tokio::task::spawn_blocking(move || {
                let mut lines = Vec::new();
                let f = crate::bench_events::run(shape, |s| lines.push(s.to_owned()));
                (f, lines)
            })
            .await
            .context("the events benchmark stopped")?;
            for l in &f.1 {
                out.line(l);
            }
            let f = f.0?;
            out.line(&format!(
                "index: {} events in {} sessions, {:.1} bytes per event (aim ≤ 16), built in {:.1?}",
                f.events,
                f.sessions,
                f.memory_bytes as f64 / f.events.max(1) as f64,
                f.build
            ));
            Ok(())
        }
        Command::Bench(BenchCommand::Metrics {
            responses,
            runs,
            postgres_url,
            skip_http,
            skip_sql,
            dir,
        }) => {
            let shape = crate::bench_metrics::Shape {
                responses,
                ..Default::default()
            };
            out.line(&format!(
                "taith bench metrics: {responses} NPS responses over {} surveys, {} touchpoints, \
                 {} channels, {} segment values, {} weeks; {runs} warm runs per side",
                shape.surveys, shape.touchpoints, shape.channels, shape.segments, shape.weeks
            ));
            let sides = crate::bench_metrics::Sides {
                http: !skip_http,
                sql: !skip_sql,
            };
            let f = crate::bench_metrics::run(
                shape,
                &dir,
                postgres_url.as_deref(),
                runs.max(1),
                sides,
                |s| out.line(s),
            )
            .await?;
            let ours = crate::bench_metrics::median(&f.ours);
            let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
            out.line(&format!(
                "NPS by touchpoint × channel × segment × week: {} groups",
                f.groups
            ));
            out.line(&format!(
                "ours (analytics index):  {:>10.1} ms   (fastest {:.1} ms; index built in {:.1?}, {:.0} MB)",
                ms(ours),
                ms(f.ours.iter().min().copied().unwrap_or_default()),
                f.build,
                f.memory_bytes as f64 / 1e6
            ));
            let floor = crate::bench_metrics::median(&f.floor);
            out.line(&format!(
                "floor (sum of the columns read): {:>6.1} ms   ratio scan/floor {:.2}×",
                ms(floor),
                ms(ours) / ms(floor)
            ));
            match &f.http {
                Some(h) => {
                    let http = crate::bench_metrics::median(&h.runs);
                    out.line(&format!(
                        "HTTP (GET /api/v1/metrics, parsed): {:>5.1} ms   ratio HTTP/scan {:.2}×   ({:.1} MB of JSON; client parse {:.1} ms)",
                        ms(http),
                        ms(http) / ms(ours),
                        h.body_bytes as f64 / 1e6,
                        ms(crate::bench_metrics::median(&h.parse))
                    ));
                }
                None => out.line("HTTP: not run (--skip-http)"),
            }
            let Some(sqlite) = &f.sqlite else {
                out.line("SQL: not run (--skip-sql)");
                return Ok(());
            };
            let sqlite = crate::bench_metrics::median(&sqlite.runs);
            out.line(&format!(
                "SQLite (same rows, SQL): {:>10.1} ms   ratio SQLite/ours {:.0}×",
                ms(sqlite),
                ms(sqlite) / ms(ours)
            ));
            match &f.postgres {
                Some(pg) => {
                    let pg = crate::bench_metrics::median(&pg.runs);
                    out.line(&format!(
                        "PostgreSQL (same rows):  {:>10.1} ms   ratio PostgreSQL/ours {:.0}×",
                        ms(pg),
                        ms(pg) / ms(ours)
                    ));
                }
                None => out.line("PostgreSQL: not run (no --postgres-url)"),
            }
            Ok(())
        }
        Command::Metrics {
            workspace: ws,
            metric,
            survey,
            by,
            from,
            to,
            wheres,
            format: _,
        } => {
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            let mut pairs = Vec::new();
            for term in &wheres {
                let (k, v) = term
                    .split_once('=')
                    .with_context(|| format!("--where {term}: write it as key=value"))?;
                pairs.push((k.to_owned(), v.to_owned()));
            }
            let said = |e: taith_domain::ValidationErrors| {
                let said: Vec<String> =
                    e.0.iter()
                        .map(|f| format!("--{}: {}", f.field, f.issue.code()))
                        .collect();
                anyhow::anyhow!("{}", said.join("; "))
            };
            // Web figures (visitors, bounce_rate, …): from the workspace's events, the same
            // JSON as GET /api/v1/metrics.
            if taith_app::webstats::WebRequest::is_web_metric(&metric) {
                let request = taith_app::webstats::WebRequest::parse(
                    &metric,
                    None,
                    by.as_deref(),
                    from.as_deref(),
                    to.as_deref(),
                    &pairs,
                )
                .map_err(said)?;
                let layout = taith_app::metrics::Analytics::default()
                    .context(store.as_ref(), w.id)
                    .await?
                    .layout
                    .clone();
                let answer = taith_app::webstats::WebStats::default()
                    .figures(store.as_ref(), w.id, &layout, &request)
                    .await
                    .map_err(|e| match e {
                        taith_app::webstats::WebStatsError::Invalid(e) => said(e),
                        other => anyhow::anyhow!("{other}"),
                    })?;
                out.line(&serde_json::to_string(&answer.out(None))?);
                return Ok(());
            }
            let request = taith_app::metrics::MetricsRequest::parse(
                &metric,
                survey.as_deref(),
                by.as_deref(),
                from.as_deref(),
                to.as_deref(),
                &pairs,
            )
            .map_err(|e| {
                let said: Vec<String> =
                    e.0.iter()
                        .map(|f| format!("--{}: {}", f.field, f.issue.code()))
                        .collect();
                anyhow::anyhow!("{}", said.join("; "))
            })?;
            let answer = taith_app::metrics::Analytics::default()
                .metrics(store.as_ref(), w.id, &request)
                .await
                .map_err(|e| match e {
                    taith_app::metrics::MetricsError::MixedScales => anyhow::anyhow!(
                        "this workspace's surveys of that kind use different scales: name one with --survey"
                    ),
                    taith_app::metrics::MetricsError::Invalid(e) => {
                        let said: Vec<String> = e
                            .0
                            .iter()
                            .map(|f| format!("--{}: {}", f.field, f.issue.code()))
                            .collect();
                        anyhow::anyhow!("{}", said.join("; "))
                    }
                    other => anyhow::anyhow!("{other}"),
                })?;
            out.line(&serde_json::to_string(&answer)?);
            Ok(())
        }
        Command::Mentions(command) => {
            let store = cli.store.open().await?;
            let w = workspace(&store, command.workspace()).await?;
            crate::mentions::run(&store, &w, command, out).await
        }
        Command::Inbox(command) => {
            let store = cli.store.open().await?;
            let w = workspace(&store, command.workspace()).await?;
            crate::inbox::run(&store, &w, command, out).await
        }
        Command::Signals(command) => {
            let ws = match &command {
                crate::signals::SignalsCommand::Bind { workspace, .. }
                | crate::signals::SignalsCommand::Show { workspace, .. } => workspace.clone(),
            };
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            crate::signals::run(&store, &w, command, out).await
        }
        Command::Bot(command) => {
            let store = cli.store.open().await?;
            let w = workspace(&store, command.workspace()).await?;
            crate::bot::run(&store, &w, command, out).await
        }
        Command::Themes {
            workspace: ws,
            period,
            from,
            to,
            include_hidden,
            json,
        } => {
            let period = crate::voc::period(
                period.as_deref().unwrap_or(""),
                from.as_deref().unwrap_or(""),
                to.as_deref().unwrap_or(""),
            )?;
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            crate::voc::themes_command(&store, &w, period, include_hidden, json, out).await
        }
        Command::Comments {
            workspace: ws,
            period,
            from,
            to,
            language,
            sentiment,
            theme,
            q,
            limit,
            csv,
        } => {
            let period = crate::voc::period(
                period.as_deref().unwrap_or(""),
                from.as_deref().unwrap_or(""),
                to.as_deref().unwrap_or(""),
            )?;
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            let flags = crate::voc::CommentFlags {
                language,
                sentiment,
                theme,
                q,
                limit,
                csv,
            };
            crate::voc::comments_command(&store, &w, period, flags, out).await
        }
        Command::Requests(RequestsCommand::List {
            workspace: ws,
            status,
        }) => {
            let status = status
                .as_deref()
                .map(|s| {
                    s.parse::<taith_domain::FeatureRequestStatus>()
                        .map_err(|i| anyhow::anyhow!("--status {s}: {}", i.code()))
                })
                .transpose()?;
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            for r in taith_app::feature_requests::board(store.as_ref(), w.id, status).await? {
                // A title is one line (Name), but may hold a tab: shown as a space.
                let title = r.fields.title.as_str().replace('\t', " ");
                out.line(&format!(
                    "{}\t{}\t{}\t{title}",
                    r.id,
                    r.status.as_str(),
                    r.votes
                ));
            }
            Ok(())
        }
        Command::Changes(ChangesCommand::List { workspace: ws }) => {
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            let mut page =
                taith_store::PageRequest::first(taith_store::PageRequest::<()>::MAX_LIMIT);
            loop {
                let got = taith_app::changes::list(store.as_ref(), w.id, page).await?;
                for c in &got.items {
                    // A title is one line (Name), but may hold a tab: shown as a space.
                    let title = c.source_title.replace('\t', " ");
                    out.line(&format!(
                        "{}\t{}\t{}\t{}/{}\t{title}",
                        c.id,
                        c.created_at.date(),
                        c.source.kind(),
                        c.notices.sent,
                        c.notices.recipients
                    ));
                }
                match got.next {
                    Some(next) => page.after = Some(next),
                    None => break,
                }
            }
            Ok(())
        }
        Command::Cases(CasesCommand::List {
            workspace: ws,
            status,
            overdue,
        }) => {
            use taith_domain::CaseStatus;
            let statuses = match status.as_deref().map(str::trim) {
                None | Some("") => Vec::new(),
                Some("active") => vec![
                    CaseStatus::Open,
                    CaseStatus::InProgress,
                    CaseStatus::WaitingForCustomer,
                ],
                Some(list) => list
                    .split(',')
                    .map(|s| {
                        s.parse::<CaseStatus>()
                            .map_err(|i| anyhow::anyhow!("--status {s}: {}", i.code()))
                    })
                    .collect::<anyhow::Result<Vec<_>>>()?,
            };
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            let now = taith_domain::now();
            let filter = taith_store::CaseFilter {
                statuses,
                overdue_at: overdue.then_some(now),
                ..Default::default()
            };
            let names: std::collections::HashMap<_, _> = store
                .members(w.id)
                .await?
                .into_iter()
                .map(|m| (m.user.id, m.user.email.to_string()))
                .collect();
            let cases = taith_app::cases::list(
                store.as_ref(),
                w.id,
                &taith_app::cases::Actor::system(),
                filter,
                taith_store::PageRequest::all(),
            )
            .await?;
            for c in cases.items {
                let owner = c
                    .owner
                    .and_then(|u| names.get(&u).cloned())
                    .unwrap_or_else(|| "-".to_owned());
                let opened = c
                    .opened_at
                    .format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default();
                out.line(&format!(
                    "{}\t{}\t{}\t{}\t{owner}\t{}\t{opened}",
                    c.number,
                    c.id,
                    c.status.as_str(),
                    if c.overdue_at(now).is_some() {
                        "overdue"
                    } else {
                        "-"
                    },
                    c.touchpoint_id
                        .map_or_else(|| "-".to_owned(), |t| t.to_string()),
                ));
            }
            Ok(())
        }
        Command::Alerts(AlertsCommand::List { workspace: ws }) => {
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            for line in taith_app::alerts::listing(store.as_ref(), w.id).await? {
                out.line(&line);
            }
            Ok(())
        }
        Command::Webhooks(WebhooksCommand::List { workspace: ws }) => {
            let store = cli.store.open().await?;
            let w = workspace(&store, &ws).await?;
            for e in store.webhook_endpoints(w.id).await? {
                let f = &e.fields;
                let events: Vec<&str> = f.events.iter().map(|t| t.as_str()).collect();
                out.line(&format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    e.id,
                    f.kind.as_str(),
                    if f.enabled { "on" } else { "off" },
                    e.last_state.map(|s| s.as_str()).unwrap_or("-"),
                    e.last_status_code
                        .map(|c| c.to_string())
                        .unwrap_or_else(|| "-".to_owned()),
                    events.join(","),
                    f.url.replace(['\t', '\n'], " "),
                ));
            }
            Ok(())
        }
        Command::Bench(BenchCommand::Webhooks {
            deliveries,
            concurrency,
            fail_every,
            dir,
        }) => {
            out.line(&format!(
                "taith bench webhooks: {deliveries} deliveries, {concurrency} at once, the \
                 receiver failing every {fail_every}th request, SQLite in {}",
                dir.display()
            ));
            let store = crate::database::open_store(&crate::database::DatabaseUrl::Sqlite(
                crate::bench::scratch(&dir, "webhooks")?,
            ))
            .await?;
            let f = crate::bench_webhooks::run(store, deliveries, concurrency, fail_every).await?;
            out.line(&format!(
                "ours     (store + worker, signed, retried): {:>8.0} deliveries/s  ({:.2?})",
                f.ours_rate(),
                f.ours
            ));
            out.line(&format!(
                "baseline (plain HTTP POSTs):               {:>8.0} deliveries/s  ({:.2?})",
                f.baseline_rate(),
                f.baseline
            ));
            out.line(&format!(
                "ratio ours/baseline: {:.2}; retries observed: {} ({} answers of 500 from the receiver)",
                f.ours_rate() / f.baseline_rate(),
                f.retries,
                f.refused_by_receiver
            ));
            Ok(())
        }
        Command::Openapi => {
            out.line(taith_web::api::openapi_json().trim_end());
            Ok(())
        }
    }
}
