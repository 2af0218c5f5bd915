//! Nothing acknowledged is lost: clients submit responses with unique keys while the real
//! `taith serve` process is killed with SIGKILL at random moments and restarted, retrying
//! whatever was not acknowledged. Afterwards every acknowledged response is stored exactly
//! once, the store passed an integrity check after every kill (`PRAGMA integrity_check` on
//! SQLite, amcheck on PostgreSQL), and every restart answered within 5 s.
//!
//! The short run below is part of every `cargo test`. The campaign (`crash_campaign_*`,
//! ignored by default; `scripts/crash.sh` runs both stores) does at least 50 kills during at
//! least 10,000 acknowledged submissions, and takes a backup under that load (`taith backup`
//! on SQLite, `pg_dump` on PostgreSQL) which must restore into a working instance. Tune it with
//! `TAITH_CRASH_KILLS`, `TAITH_CRASH_ACKS`, `TAITH_CRASH_CLIENTS` and `TAITH_CRASH_SEED`.

use crate::helpers::{PostgresDb, empty_postgres, fresh_postgres, fresh_sqlite};
use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use taith::database::DatabaseUrl;
use taith_domain::survey::LocalizedText;
use taith_domain::{Locale, Name, SurveyFields, SurveyId, SurveyKind, SurveyStatus, TokenScope};
use taith_store::SharedStore;

/// Longest a restart may take, from spawning the process to its first answer.
const MAX_RESTART: Duration = Duration::from_secs(5);

/// Where the server keeps its data.
enum Target {
    Sqlite { dir: PathBuf },
    Postgres { db: PostgresDb, dir: PathBuf },
}

impl Target {
    fn name(&self) -> &'static str {
        match self {
            Target::Sqlite { .. } => "SQLite",
            Target::Postgres { .. } => "PostgreSQL",
        }
    }

    fn dir(&self) -> &Path {
        match self {
            Target::Sqlite { dir } | Target::Postgres { dir, .. } => dir,
        }
    }

    fn url(&self) -> DatabaseUrl {
        match self {
            Target::Sqlite { dir } => DatabaseUrl::default_for(dir),
            Target::Postgres { db, .. } => DatabaseUrl::Postgres(db.url()),
        }
    }

    /// `taith serve` on this store, listening on `addr`.
    fn start(&self, addr: SocketAddr) -> Child {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_taith"));
        cmd.arg("--data-dir")
            .arg(self.dir())
            .env_remove("TAITH_DATABASE_URL");
        if let Target::Postgres { db, .. } = self {
            cmd.args(["--database-url", &db.url()]);
        }
        cmd.args(["serve", "--listen", &addr.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    }
}

/// How hard a run pushes.
struct Campaign {
    /// At least this many SIGKILLs…
    kills: usize,
    /// …while at least this many submissions are acknowledged.
    acks: usize,
    clients: usize,
    /// A kill comes this long (uniformly at random) after the server answered again.
    kill_after_ms: (u64, u64),
    /// Each client's pause after an acknowledgement (zero: as fast as it can).
    pace: Duration,
    /// Take a backup under the load and restore it afterwards.
    backup: bool,
    seed: u64,
}

impl Campaign {
    /// The campaign's size from the environment: at least 50 kills and 10,000 acknowledged.
    fn from_env() -> Campaign {
        let var = |name: &str, default: u64| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.trim().parse::<u64>().ok())
                .unwrap_or(default)
        };
        let seed = var(
            "TAITH_CRASH_SEED",
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64,
        );
        Campaign {
            kills: var("TAITH_CRASH_KILLS", 50) as usize,
            acks: var("TAITH_CRASH_ACKS", 10_000) as usize,
            clients: var("TAITH_CRASH_CLIENTS", 8) as usize,
            kill_after_ms: (50, 400),
            pace: Duration::ZERO,
            backup: true,
            seed,
        }
    }
}

/// A small xorshift generator: the kill times need not be cryptographic, only varied and
/// reproducible from the printed seed.
struct Rng(u64);

impl Rng {
    fn between(&mut self, low: u64, high: u64) -> u64 {
        let mut x = self.0.max(1);
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        low + x % (high - low + 1)
    }
}

fn free_addr() -> SocketAddr {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    SocketAddr::from(([127, 0, 0, 1], port))
}

/// Waits until the server answers GET /healthz; how long that took from `spawned`.
async fn wait_until_up(http: &reqwest::Client, addr: SocketAddr, spawned: Instant) -> Duration {
    let deadline = spawned + Duration::from_secs(30);
    loop {
        if let Ok(r) = http.get(format!("http://{addr}/healthz")).send().await
            && r.status() == 200
        {
            return spawned.elapsed();
        }
        assert!(Instant::now() < deadline, "taith did not come up in 30 s");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// `PRAGMA integrity_check` on an SQLite file, opened read-only so that nothing (no
/// checkpoint, no WAL clean-up) happens between the crash and the server's own recovery.
async fn integrity_check(file: &Path) -> String {
    use sqlx::Connection as _;
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(file)
        .read_only(true);
    let mut conn = sqlx::SqliteConnection::connect_with(&options)
        .await
        .unwrap();
    let rows: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    let _ = conn.close().await;
    rows.into_iter().map(|r| r.0).collect::<Vec<_>>().join("; ")
}

/// PostgreSQL's nearest to `integrity_check`: amcheck's `bt_index_check` with
/// `heapallindexed` on every B-tree index of taith's tables, which finds index entries that do
/// not match the table and table rows missing from an index. "ok", or what it found.
async fn amcheck(url: &str) -> String {
    use sqlx::Connection as _;
    let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
    sqlx::raw_sql("CREATE EXTENSION IF NOT EXISTS amcheck")
        .execute(&mut conn)
        .await
        .expect("the amcheck extension (in PostgreSQL's contrib, part of the server package)");
    let checked: Result<(i64,), _> = sqlx::query_as(
        "SELECT count(*) FROM (SELECT bt_index_check(i.indexrelid, true) \
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid \
           JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace \
           WHERE a.amname = 'btree' AND n.nspname = 'public') AS checked",
    )
    .fetch_one(&mut conn)
    .await;
    let _ = conn.close().await;
    match checked {
        Ok((n,)) if n > 0 => "ok".to_owned(),
        Ok(_) => "no index was checked".to_owned(),
        Err(e) => e.to_string(),
    }
}

/// A workspace `crash` with a live NPS survey and a write token.
async fn set_up(store: &SharedStore) -> (SurveyId, String) {
    let (ws, _) = store
        .create_workspace(
            &taith_domain::Slug::parse("crash").unwrap(),
            &Name::parse("Crash").unwrap(),
            taith_store::NewUser {
                email: taith_domain::Email::parse("o@crash.example").unwrap(),
                name: Name::parse("O").unwrap(),
                password_hash: "x".into(),
            },
        )
        .await
        .unwrap();
    let text = |s: &str| LocalizedText([(Locale::En, s.to_owned())].into());
    let fields = SurveyFields {
        name: Name::parse("NPS").unwrap(),
        kind: SurveyKind::Nps,
        scale: SurveyKind::Nps.default_scale(),
        default_locale: Locale::En,
        question: text("How likely?"),
        thank_you: text("Thanks"),
        follow_ups: Vec::new(),
        touchpoint_id: None,
        status: SurveyStatus::Live,
        anonymous: false,
        throttle_days: 30,
    };
    let survey = store
        .create_survey(ws.id, &fields, "crashcrashcrash1")
        .await
        .unwrap();
    let token = taith_app::account::secrets::new_api_token();
    store
        .create_api_token(
            ws.id,
            &Name::parse("t").unwrap(),
            TokenScope::Write,
            &taith_app::account::secrets::secret_hash(&token),
        )
        .await
        .unwrap();
    (survey.id, token)
}

/// The client ids of the survey's stored responses, in the store at `url` (every one, with
/// repeats if there were any).
async fn stored_keys(url: &DatabaseUrl, survey: SurveyId) -> Vec<String> {
    let store = taith::database::open_store(url).await.unwrap();
    let ws = store
        .workspace_by_slug(&taith_domain::Slug::parse("crash").unwrap())
        .await
        .unwrap();
    store
        .responses(ws.id, Some(survey), taith_store::PageRequest::all())
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|r| r.client_key.unwrap_or_default())
        .collect()
}

/// What a run found.
#[derive(Debug, Default)]
struct Findings {
    kills: usize,
    acknowledged: usize,
    stored: usize,
    lost: usize,
    duplicated: usize,
    /// Stored although never acknowledged (a commit whose answer the kill cut off, and
    /// which was not retried): allowed, but never twice.
    unacknowledged_stored: usize,
    integrity_checks: usize,
    integrity_ok: usize,
    restarts: Vec<Duration>,
    backup: Option<BackupFindings>,
}

#[derive(Debug, Default)]
struct BackupFindings {
    /// Acknowledged when the backup started: each must be in it.
    acknowledged_before: usize,
    took: Duration,
    responses_in_restored: usize,
    missing_in_restored: usize,
    duplicated_in_restored: usize,
    new_submission_status: u16,
    login_page_status: u16,
    integrity: Option<String>,
    restored_start: Duration,
}

impl BackupFindings {
    fn restored(&self) -> bool {
        self.responses_in_restored >= self.acknowledged_before
            && self.missing_in_restored == 0
            && self.duplicated_in_restored == 0
            && self.new_submission_status == 201
            && self.login_page_status == 200
            && self.integrity.as_deref().is_none_or(|s| s == "ok")
    }
}

fn median(v: &[Duration]) -> Duration {
    let mut v = v.to_vec();
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

impl Findings {
    /// Checks the store's files while the server is down: `PRAGMA integrity_check` on SQLite,
    /// amcheck's `bt_index_check` of every index against its table on PostgreSQL.
    async fn check(&mut self, target: &Target, when: &str) {
        let check = match target {
            Target::Sqlite { dir } => integrity_check(&dir.join("taith.db")).await,
            Target::Postgres { db, .. } => amcheck(&db.url()).await,
        };
        self.integrity_checks += 1;
        if check == "ok" {
            self.integrity_ok += 1;
        } else {
            eprintln!("integrity check {when}: {check}");
        }
    }

    fn say(&self, target: &str, campaign: &Campaign) {
        let ms = |d: Duration| format!("{:.0} ms", d.as_secs_f64() * 1000.0);
        eprintln!(
            "crash campaign ({target}, seed {}): {} SIGKILLs, {} acknowledged by {} clients, \
             {} stored: {} lost, {} duplicated, {} stored without acknowledgement",
            campaign.seed,
            self.kills,
            self.acknowledged,
            campaign.clients,
            self.stored,
            self.lost,
            self.duplicated,
            self.unacknowledged_stored
        );
        eprintln!(
            "crash campaign ({target}): {} ok {}/{} (after every kill and at the end)",
            if target == "SQLite" {
                "PRAGMA integrity_check"
            } else {
                "amcheck bt_index_check(heapallindexed)"
            },
            self.integrity_ok,
            self.integrity_checks
        );
        eprintln!(
            "crash campaign ({target}): restart (spawn → first answer) median {}, max {} over {} restarts",
            ms(median(&self.restarts)),
            ms(self.restarts.iter().max().copied().unwrap_or_default()),
            self.restarts.len()
        );
        match &self.backup {
            Some(b) => eprintln!(
                "crash campaign ({target}): backup under load taken in {} at {} acknowledged; \
                 restored: {} ({} responses, {} missing, {} duplicated, sign-in page {}, new \
                 submission {}, integrity check {}, started in {})",
                ms(b.took),
                b.acknowledged_before,
                if b.restored() { "yes" } else { "NO" },
                b.responses_in_restored,
                b.missing_in_restored,
                b.duplicated_in_restored,
                b.login_page_status,
                b.new_submission_status,
                b.integrity.as_deref().unwrap_or("n/a"),
                ms(b.restored_start)
            ),
            None => eprintln!("crash campaign ({target}): no backup taken in this run"),
        }
    }

    fn assert_sound(&self, campaign: &Campaign) {
        assert!(
            self.kills >= campaign.kills,
            "only {} kills happened",
            self.kills
        );
        assert!(self.acknowledged >= campaign.acks);
        assert_eq!(self.lost, 0, "acknowledged responses were lost");
        assert_eq!(self.duplicated, 0, "a response was stored twice");
        assert_eq!(
            self.integrity_ok, self.integrity_checks,
            "integrity_check failed"
        );
        let slowest = self.restarts.iter().max().copied().unwrap_or_default();
        assert!(
            slowest < MAX_RESTART,
            "a restart took {slowest:?} (limit {MAX_RESTART:?})"
        );
        if campaign.backup {
            let b = self.backup.as_ref().expect("a backup was taken");
            assert!(b.restored(), "the backup did not restore: {b:?}");
        }
    }
}

/// Restores the backup in `from` into a new store, serves it, and checks it works and holds
/// every response acknowledged before the backup started.
async fn restore_and_check(
    target: &Target,
    from: &Path,
    survey: SurveyId,
    token: &str,
    before: &BTreeSet<String>,
    findings: &mut BackupFindings,
) {
    let restored = match target {
        Target::Sqlite { .. } => {
            let dir = crate::helpers::scratch_path("taith-restored-");
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::copy(from, dir.join("taith.db")).unwrap();
            Target::Sqlite { dir }
        }
        Target::Postgres { dir, .. } => {
            let db = empty_postgres().await.unwrap();
            let output = Command::new("pg_restore")
                .args(["--no-owner", "--exit-on-error", "--dbname"])
                .arg(db.url())
                .arg(from)
                .output()
                .expect("pg_restore (apt-get install postgresql-client)");
            assert!(
                output.status.success(),
                "pg_restore failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            Target::Postgres {
                db,
                dir: dir.clone(),
            }
        }
    };
    let http = crate::helpers::http()
        .timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let addr = free_addr();
    let spawned = Instant::now();
    let mut child = restored.start(addr);
    findings.restored_start = wait_until_up(&http, addr, spawned).await;
    findings.login_page_status = http
        .get(format!("http://{addr}/login"))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16();
    // Every response, page by page through the API, as an integrator would read them.
    let mut keys = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut url = format!("http://{addr}/api/v1/responses?survey_id={survey}&limit=500");
        if let Some(c) = &cursor {
            url.push_str(&format!("&cursor={c}"));
        }
        let page: serde_json::Value = http
            .get(url)
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .error_for_status()
            .unwrap()
            .json()
            .await
            .unwrap();
        for r in page["responses"].as_array().unwrap() {
            keys.push(r["client_id"].as_str().unwrap_or_default().to_owned());
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    let distinct: BTreeSet<String> = keys.iter().cloned().collect();
    findings.responses_in_restored = keys.len();
    findings.duplicated_in_restored = keys.len() - distinct.len();
    findings.missing_in_restored = before.difference(&distinct).count();
    findings.new_submission_status = http
        .post(format!("http://{addr}/api/v1/responses"))
        .bearer_auth(token)
        .json(&serde_json::json!({"survey_id": survey, "score": 10, "client_id": "after-restore"}))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16();
    child.kill().unwrap();
    child.wait().unwrap();
    findings.integrity = Some(match &restored {
        Target::Sqlite { dir } => integrity_check(&dir.join("taith.db")).await,
        Target::Postgres { db, .. } => amcheck(&db.url()).await,
    });
    match restored {
        Target::Sqlite { dir } => {
            let _ = std::fs::remove_dir_all(dir);
        }
        Target::Postgres { db, .. } => db.drop_database().await,
    }
}

/// Runs `campaign` against `target`, whose store holds what `set_up` made.
async fn run(target: &Target, survey_id: SurveyId, token: String, campaign: &Campaign) -> Findings {
    let mut findings = Findings::default();
    let http = crate::helpers::http()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let addr = free_addr();
    let spawned = Instant::now();
    let mut child = target.start(addr);
    wait_until_up(&http, addr, spawned).await;

    // Each client submits its own keys in turn; a key is retried until acknowledged, so when
    // the clients stop every key they started is acknowledged.
    let acknowledged = Arc::new(Mutex::new(BTreeSet::new()));
    let count = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for c in 0..campaign.clients {
        let (acknowledged, count, stop, token) = (
            acknowledged.clone(),
            count.clone(),
            stop.clone(),
            token.clone(),
        );
        let pace = campaign.pace;
        clients.push(tokio::spawn(async move {
            let http = crate::helpers::http()
                .timeout(Duration::from_secs(5))
                .build()
                .unwrap();
            let mut i = 0usize;
            while !stop.load(Ordering::SeqCst) {
                let key = format!("c{c}-{i}");
                let body =
                    serde_json::json!({"survey_id": survey_id, "score": (i % 11), "client_id": key});
                let deadline = Instant::now() + Duration::from_secs(60);
                loop {
                    let sent = http
                        .post(format!("http://{addr}/api/v1/responses"))
                        .bearer_auth(&token)
                        .json(&body)
                        .send()
                        .await;
                    if let Ok(r) = sent
                        && r.status().is_success()
                    {
                        acknowledged.lock().unwrap().insert(key.clone());
                        count.fetch_add(1, Ordering::SeqCst);
                        break;
                    }
                    assert!(Instant::now() < deadline, "{key} was never acknowledged");
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
                if !pace.is_zero() {
                    // A steady stream rather than a burst, so kills land mid-stream.
                    tokio::time::sleep(pace).await;
                }
                i += 1;
            }
        }));
    }

    // The backup, taken once half the acknowledgements are in, while the kills go on.
    let backup = campaign.backup.then(|| {
        let file = target.dir().join(match target {
            Target::Sqlite { .. } => "backup.db",
            Target::Postgres { .. } => "backup.pgdump",
        });
        let (acknowledged, count, half) = (acknowledged.clone(), count.clone(), campaign.acks / 2);
        let source = BackupSource::of(target);
        tokio::spawn(async move {
            while count.load(Ordering::SeqCst) < half {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            let before = acknowledged.lock().unwrap().clone();
            let started = Instant::now();
            let f = file.clone();
            tokio::task::spawn_blocking(move || source.take(&f))
                .await
                .unwrap();
            (file, before, started.elapsed())
        })
    });

    // Kill the server with SIGKILL at random moments while the clients work; check the file
    // while it is down; restart it and time how long until it answers.
    let mut rng = Rng(campaign.seed);
    let mut backup_done = backup.is_none();
    while findings.kills < campaign.kills
        || count.load(Ordering::SeqCst) < campaign.acks
        || !backup_done
    {
        let (low, high) = campaign.kill_after_ms;
        tokio::time::sleep(Duration::from_millis(rng.between(low, high))).await;
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        findings.kills += 1;
        findings
            .check(target, &format!("after kill {}", findings.kills))
            .await;
        let spawned = Instant::now();
        child = target.start(addr);
        findings
            .restarts
            .push(wait_until_up(&http, addr, spawned).await);
        backup_done = backup.as_ref().is_none_or(|b| b.is_finished());
    }
    stop.store(true, Ordering::SeqCst);
    for c in clients {
        c.await.unwrap();
    }
    child.kill().unwrap();
    child.wait().unwrap();

    // Every acknowledged key is stored, exactly once, and nothing else is stored twice.
    let url = target.url();
    let keys = stored_keys(&url, survey_id).await;
    let distinct: BTreeSet<String> = keys.iter().cloned().collect();
    let acknowledged = acknowledged.lock().unwrap().clone();
    findings.acknowledged = acknowledged.len();
    findings.stored = keys.len();
    findings.duplicated = keys.len() - distinct.len();
    findings.lost = acknowledged.difference(&distinct).count();
    findings.unacknowledged_stored = distinct.difference(&acknowledged).count();
    if findings.lost > 0 {
        let some: Vec<_> = acknowledged.difference(&distinct).take(10).collect();
        eprintln!("acknowledged but lost: {some:?}");
    }
    findings.check(target, "at the end").await;

    if let Some(backup) = backup {
        let (file, before, took) = backup.await.unwrap();
        let mut b = BackupFindings {
            acknowledged_before: before.len(),
            took,
            ..Default::default()
        };
        restore_and_check(target, &file, survey_id, &token, &before, &mut b).await;
        findings.backup = Some(b);
    }
    findings
}

/// Where a backup is taken from, owned, for a blocking task.
enum BackupSource {
    Sqlite(PathBuf),
    Postgres(String),
}

impl BackupSource {
    fn of(target: &Target) -> BackupSource {
        match target {
            Target::Sqlite { dir } => BackupSource::Sqlite(dir.clone()),
            Target::Postgres { db, .. } => BackupSource::Postgres(db.url()),
        }
    }

    /// Backs the running store up into the file `to`: `taith backup` on SQLite, `pg_dump` on
    /// PostgreSQL, each a process of its own, as an operator would run it.
    fn take(&self, to: &Path) {
        let output = match self {
            BackupSource::Sqlite(dir) => Command::new(env!("CARGO_BIN_EXE_taith"))
                .arg("--data-dir")
                .arg(dir)
                .env_remove("TAITH_DATABASE_URL")
                .arg("backup")
                .arg("--to")
                .arg(to)
                .output()
                .unwrap(),
            BackupSource::Postgres(url) => Command::new("pg_dump")
                .args(["--format=custom", "--no-owner", "--file"])
                .arg(to)
                .arg(url)
                .output()
                .expect("pg_dump (apt-get install postgresql-client)"),
        };
        assert!(
            output.status.success(),
            "the backup failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

async fn sqlite_target() -> (Target, SurveyId, String) {
    let (store, dir) = fresh_sqlite().await;
    let (survey, token) = set_up(&store).await;
    drop(store);
    (Target::Sqlite { dir }, survey, token)
}

async fn postgres_target() -> Option<(Target, SurveyId, String)> {
    let (store, db) = fresh_postgres().await?;
    let (survey, token) = set_up(&store).await;
    drop(store);
    let dir = crate::helpers::scratch_path("taith-crash-pg-");
    std::fs::create_dir_all(&dir).unwrap();
    Some((Target::Postgres { db, dir }, survey, token))
}

async fn campaign_on(target: Target, survey: SurveyId, token: String, campaign: Campaign) {
    let findings = run(&target, survey, token, &campaign).await;
    findings.say(target.name(), &campaign);
    findings.assert_sound(&campaign);
    let _ = std::fs::remove_dir_all(target.dir());
    if let Target::Postgres { db, .. } = target {
        db.drop_database().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_response_survives_sigkill_exactly_once() {
    let (target, survey, token) = sqlite_target().await;
    let campaign = Campaign {
        kills: 6,
        acks: 1_200,
        clients: 4,
        kill_after_ms: (100, 400),
        pace: Duration::from_millis(5),
        backup: false,
        seed: 0x7a17_4c7a_5a11,
    };
    campaign_on(target, survey, token, campaign).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "the crash campaign takes a minute or more: scripts/crash.sh"]
async fn crash_campaign_sqlite() {
    let (target, survey, token) = sqlite_target().await;
    campaign_on(target, survey, token, Campaign::from_env()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "the crash campaign takes a minute or more: scripts/crash.sh"]
async fn crash_campaign_postgres() {
    let Some((target, survey, token)) = postgres_target().await else {
        panic!("the PostgreSQL crash campaign needs TAITH_TEST_POSTGRES_URL");
    };
    campaign_on(target, survey, token, Campaign::from_env()).await;
}
