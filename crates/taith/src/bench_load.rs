//! `taith bench load`: an open-loop load test of the public ingestion path.
//!
//! A `taith serve` child process (its memory read from `/proc/<pid>/status`, apart from the
//! generator's) takes POST /api/v1/responses, one response per request, with a write token
//! and a unique `client_id` each. Requests are scheduled at fixed intervals whatever the
//! answers: a steady rate, then a multiple of it (the overload), then the steady rate again
//! (the recovery).
//!
//! Latency runs from each request's *scheduled* send time to the end of its answer, so a
//! slow server is not hidden by the generator sending less (no coordinated omission). At most
//! `--connections` requests are in flight, one per keep-alive connection. A request scheduled
//! while every connection is busy waits for one, and the wait is part of its latency; when
//! `--max-backlog` requests are already waiting, a scheduled request is not sent at all and
//! counts as "dropped by the generator".

use anyhow::{Context as _, Result, anyhow, bail};
use clap::Args;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _, BufReader};
use tokio::net::TcpStream;
use tokio::sync::{Mutex, mpsc};

/// The options of `taith bench load`.
#[derive(Debug, Clone, Args)]
pub struct LoadArgs {
    /// The steady rate, in requests per second (one response each). The default is a rate
    /// the 2-core reference machine holds comfortably on SQLite.
    #[arg(long, default_value_t = 2_000)]
    pub rate: u64,
    /// How long the steady rate is held first.
    #[arg(long, default_value_t = 120)]
    pub steady_secs: u64,
    /// The overload's rate, as a multiple of --rate.
    #[arg(long, default_value_t = 3)]
    pub overload_factor: u64,
    /// How long the overload lasts.
    #[arg(long, default_value_t = 60)]
    pub overload_secs: u64,
    /// How long the steady rate is held again after the overload.
    #[arg(long, default_value_t = 20)]
    pub recovery_secs: u64,
    /// Keep-alive connections to the server: the most requests in flight at once.
    #[arg(long, default_value_t = 2_048)]
    pub connections: usize,
    /// Scheduled requests that may wait for a free connection (their wait counts in their
    /// latency); a request scheduled when this many wait is not sent and counts as dropped by
    /// the generator. Default: as many as --connections.
    #[arg(long)]
    pub max_backlog: Option<usize>,
    /// A request unanswered this long after it was sent counts as a timeout (its connection is
    /// closed and a new one opened).
    #[arg(long, default_value_t = 10)]
    pub timeout_secs: u64,
    /// Fail when the overload's effect lasts longer than this: the seconds from the end of the
    /// overload to the first second whose requests were all answered 2xx with a p99 within
    /// twice the steady p99.
    #[arg(long, default_value_t = 10)]
    pub max_recovery_secs: u64,
    /// Serve from this PostgreSQL database instead of a fresh SQLite store (a workspace
    /// `load-…` is created in it and left there).
    #[arg(long)]
    pub postgres_url: Option<String>,
    /// Scratch directory: the SQLite store and the server's log go to DIR/load (emptied first).
    #[arg(long, default_value = "./taith-bench")]
    pub dir: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Phase {
    Steady,
    Overload,
    Recovery,
}

impl Phase {
    fn name(self) -> &'static str {
        match self {
            Phase::Steady => "steady",
            Phase::Overload => "overload",
            Phase::Recovery => "recovery",
        }
    }
}

/// One phase of the schedule.
#[derive(Debug, Clone, Copy)]
struct Plan {
    phase: Phase,
    rate: u64,
    /// From the start of the run.
    start: Duration,
    secs: u64,
}

impl Plan {
    fn end(&self) -> Duration {
        self.start + Duration::from_secs(self.secs)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Status(u16),
    /// The connection failed: refused, reset, closed before the answer, a malformed answer.
    Transport,
    /// No answer within --timeout-secs of sending.
    Timeout,
    /// Not sent: too many requests were already waiting for a connection.
    Dropped,
}

/// What happened to one scheduled request.
#[derive(Debug, Clone, Copy)]
struct Record {
    /// Scheduled send time, from the start of the run.
    scheduled: Duration,
    /// From the scheduled send time to the end of the answer (or of the failure).
    latency: Duration,
    outcome: Outcome,
}

/// A request for a worker: its number and when it was due.
#[derive(Debug)]
struct Job {
    index: u64,
    due: Instant,
    scheduled: Duration,
}

/// The server child process; killed when dropped, so an error never leaves it running.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the load test and prints its report; an error when a criterion failed.
pub async fn run(args: LoadArgs) -> Result<()> {
    let out = crate::output::Out;
    if args.rate == 0 || args.connections == 0 {
        bail!("--rate and --connections must be at least 1");
    }
    let max_backlog = args.max_backlog.unwrap_or(args.connections);
    let timeout = Duration::from_secs(args.timeout_secs.max(1));
    let plans = plans(&args);

    let dir = args.dir.join("load");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("clearing {}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let url = match &args.postgres_url {
        Some(u) => crate::database::DatabaseUrl::parse(u)
            .map_err(|e| anyhow!("--postgres-url: {e}"))
            .and_then(|u| match u {
                crate::database::DatabaseUrl::Postgres(_) => Ok(u),
                crate::database::DatabaseUrl::Sqlite(_) => {
                    Err(anyhow!("--postgres-url: not a postgres:// URL"))
                }
            })?,
        None => crate::database::DatabaseUrl::default_for(&dir),
    };
    let workspace = format!(
        "load-{}",
        &taith_app::account::secrets::random_secret()[..12]
    );
    let (survey_id, token) = {
        let store = crate::database::open_store(&url).await?;
        let (_, survey, token) = crate::bench::set_up(&store, &workspace).await?;
        (survey.id.to_string(), token)
    };

    let server = start_server(&dir, args.postgres_url.as_deref())?;
    wait_until_up(server.addr, &mut None).await?;
    let pid = server.child.id();
    let rss_at_start = read_memory(pid).map(|m| m.rss_kb).unwrap_or(0);
    out.line(&format!(
        "taith bench load: open-loop POST /api/v1/responses (one response each) to a `taith serve` \
         child (pid {pid}) on {}",
        match &args.postgres_url {
            Some(_) => format!("PostgreSQL ({url})"),
            None => format!("SQLite in {}", dir.display()),
        }
    ));
    out.line(&format!(
        "schedule: steady {}/s for {} s, overload {}/s for {} s, recovery {}/s for {} s; \
         {} keep-alive connections, at most {max_backlog} requests waiting for one \
         (beyond: dropped by the generator), timeout {} s",
        plans[0].rate,
        plans[0].secs,
        plans[1].rate,
        plans[1].secs,
        plans[2].rate,
        plans[2].secs,
        args.connections,
        timeout.as_secs()
    ));
    out.line(&format!(
        "server RSS before the load: {:.1} MB",
        rss_at_start as f64 / 1024.0
    ));

    // The workers, each with one keep-alive connection opened before the clock starts.
    let (tx, rx) = mpsc::unbounded_channel::<Job>();
    let rx = Arc::new(Mutex::new(rx));
    let waiting = Arc::new(AtomicUsize::new(0));
    let request = Arc::new(RequestParts {
        addr: server.addr,
        token,
        survey_id,
        run: workspace.clone(),
        resent: AtomicU64::new(0),
    });
    let mut workers = Vec::with_capacity(args.connections);
    for _ in 0..args.connections {
        let conn = Connection::open(server.addr).await.ok();
        workers.push(tokio::spawn(worker(
            request.clone(),
            conn,
            rx.clone(),
            waiting.clone(),
            timeout,
        )));
    }

    let origin = Instant::now() + Duration::from_millis(200);
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = tokio::spawn(sample_memory(pid, origin, stop.clone()));

    // The schedule: request k of a phase is due at the phase's start + k / rate, whatever
    // happened to the ones before it.
    let mut dropped = Vec::new();
    let mut index = 0u64;
    for plan in &plans {
        for k in 0..plan.rate * plan.secs {
            let scheduled = plan.start + Duration::from_nanos(k * 1_000_000_000 / plan.rate);
            let due = origin + scheduled;
            if due > Instant::now() {
                tokio::time::sleep_until(due.into()).await;
            }
            if waiting.load(Ordering::Relaxed) >= max_backlog {
                dropped.push(Record {
                    scheduled,
                    latency: Duration::ZERO,
                    outcome: Outcome::Dropped,
                });
            } else {
                waiting.fetch_add(1, Ordering::Relaxed);
                tx.send(Job {
                    index,
                    due,
                    scheduled,
                })
                .map_err(|_| anyhow!("every worker stopped"))?;
            }
            index += 1;
        }
    }
    drop(tx);
    let mut records = dropped;
    for w in workers {
        records.extend(w.await.context("a load worker failed")?);
    }
    stop.store(true, Ordering::Relaxed);
    let samples = sampler.await.context("the memory sampler failed")?;
    let peak_kb = read_memory(pid).map(|m| m.hwm_kb).unwrap_or(0);
    drop(server);

    let report = Report::new(&plans, &records, &samples);
    report.print(rss_at_start, peak_kb, &dir);
    out.line(&format!(
        "requests sent a second time on a new connection (a kept-alive one failed before any \
         answer): {}",
        request.resent.load(Ordering::Relaxed)
    ));

    let mut failures = Vec::new();
    let steady = report.phase(Phase::Steady);
    if steady.not_ok() > 0 || steady.dropped > 0 {
        failures.push(format!(
            "the steady phase was not held: {} answers other than 2xx, {} transport errors, \
             {} timeouts, {} dropped by the generator",
            steady.non_2xx(),
            steady.transport,
            steady.timeouts,
            steady.dropped
        ));
    }
    let overload = report.phase(Phase::Overload);
    if overload.other() > 0 || overload.transport > 0 || overload.timeouts > 0 {
        failures.push(format!(
            "under overload: {} answers other than 2xx, 429 or 503, {} transport errors, \
             {} timeouts",
            overload.other(),
            overload.transport,
            overload.timeouts
        ));
    }
    match report.recovered_after {
        Some(s) if s <= args.max_recovery_secs => {}
        Some(s) => failures.push(format!(
            "p99 took {s} s to come back within 2 × the steady p99 (allowed: {} s)",
            args.max_recovery_secs
        )),
        None => failures.push(format!(
            "p99 did not come back within 2 × the steady p99 in the {} s of recovery",
            args.recovery_secs
        )),
    }
    if failures.is_empty() {
        out.line("PASS: steady rate held; under overload only 2xx, 429 or 503; p99 recovered");
        Ok(())
    } else {
        for f in &failures {
            out.line(&format!("FAIL: {f}"));
        }
        bail!("the load test failed: {}", failures.join("; "))
    }
}

fn plans(args: &LoadArgs) -> [Plan; 3] {
    let steady = Plan {
        phase: Phase::Steady,
        rate: args.rate,
        start: Duration::ZERO,
        secs: args.steady_secs,
    };
    let overload = Plan {
        phase: Phase::Overload,
        rate: args.rate * args.overload_factor.max(1),
        start: steady.end(),
        secs: args.overload_secs,
    };
    let recovery = Plan {
        phase: Phase::Recovery,
        rate: args.rate,
        start: overload.end(),
        secs: args.recovery_secs,
    };
    [steady, overload, recovery]
}

// --- the server ----------------------------------------------------------------------------

fn start_server(dir: &Path, postgres_url: Option<&str>) -> Result<Server> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let log = std::fs::File::create(dir.join("server.log"))?;
    let mut cmd = Command::new(std::env::current_exe().context("finding the taith binary")?);
    cmd.arg("--data-dir").arg(dir);
    cmd.env_remove("TAITH_DATABASE_URL");
    if let Some(url) = postgres_url {
        cmd.args(["--database-url", url]);
    }
    let child = cmd
        .args(["serve", "--listen", &addr.to_string()])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .context("starting taith serve")?;
    Ok(Server { child, addr })
}

/// Waits until GET /healthz answers 200.
async fn wait_until_up(addr: SocketAddr, conn: &mut Option<Connection>) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(30);
    let probe = format!("GET /healthz HTTP/1.1\r\nHost: {addr}\r\n\r\n");
    loop {
        if let Ok(Ok(200)) = tokio::time::timeout(
            Duration::from_secs(2),
            send(conn, addr, probe.as_bytes(), &AtomicU64::new(0)),
        )
        .await
        {
            return Ok(());
        }
        *conn = None;
        if Instant::now() > deadline {
            bail!("taith serve did not answer GET /healthz within 30 s");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[derive(Debug, Clone, Copy)]
struct Memory {
    rss_kb: u64,
    hwm_kb: u64,
}

/// VmRSS and VmHWM of process `pid`.
fn read_memory(pid: u32) -> Option<Memory> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
    };
    Some(Memory {
        rss_kb: field("VmRSS:")?,
        hwm_kb: field("VmHWM:")?,
    })
}

/// The server's RSS once a second, `(seconds from the start of the run, kB)`.
async fn sample_memory(pid: u32, origin: Instant, stop: Arc<AtomicBool>) -> Vec<(f64, u64)> {
    let mut samples = Vec::new();
    let mut tick = tokio::time::interval_at(origin.into(), Duration::from_secs(1));
    while !stop.load(Ordering::Relaxed) {
        tick.tick().await;
        if let Some(m) = read_memory(pid) {
            samples.push((origin.elapsed().as_secs_f64(), m.rss_kb));
        }
    }
    samples
}

// --- the client ----------------------------------------------------------------------------

/// What every request shares.
struct RequestParts {
    addr: SocketAddr,
    token: String,
    survey_id: String,
    /// Unique per run, so client ids never repeat across runs on one PostgreSQL database.
    run: String,
    /// Requests sent again on a new connection (see [`send`]).
    resent: AtomicU64,
}

impl RequestParts {
    /// Request `index`: one response with its own client id.
    fn bytes(&self, index: u64) -> Vec<u8> {
        let body = format!(
            r#"{{"survey_id":"{}","score":{},"channel":"web","client_id":"{}-{index}","attributes":{{"team":"t{}"}}}}"#,
            self.survey_id,
            index % 11,
            self.run,
            index % 10
        );
        format!(
            "POST /api/v1/responses HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            self.addr,
            self.token,
            body.len()
        )
        .into_bytes()
    }
}

async fn worker(
    parts: Arc<RequestParts>,
    mut conn: Option<Connection>,
    jobs: Arc<Mutex<mpsc::UnboundedReceiver<Job>>>,
    waiting: Arc<AtomicUsize>,
    timeout: Duration,
) -> Vec<Record> {
    let mut records = Vec::new();
    loop {
        let job = jobs.lock().await.recv().await;
        let Some(job) = job else { break };
        waiting.fetch_sub(1, Ordering::Relaxed);
        let bytes = parts.bytes(job.index);
        let outcome =
            match tokio::time::timeout(timeout, send(&mut conn, parts.addr, &bytes, &parts.resent))
                .await
            {
                Ok(Ok(status)) => Outcome::Status(status),
                Ok(Err(_)) => Outcome::Transport,
                Err(_) => {
                    // Half a request may be on the wire: this connection is done.
                    conn = None;
                    Outcome::Timeout
                }
            };
        records.push(Record {
            scheduled: job.scheduled,
            latency: job.due.elapsed(),
            outcome,
        });
    }
    records
}

/// A kept-alive connection idle longer than this is replaced before use: servers close idle
/// connections (taith after its header read timeout), and a request sent just as that happens
/// fails for no fault of the server.
const MAX_IDLE: Duration = Duration::from_secs(5);

/// Sends one request on `conn` (opening it first when there is none) and returns the status;
/// the connection is dropped when it failed or the server closes it. A request that fails on
/// a kept-alive connection before any of the answer arrived is sent once more on a new
/// connection, as HTTP clients do (the client id makes the retry safe); `resent` counts those.
async fn send(
    conn: &mut Option<Connection>,
    addr: SocketAddr,
    request: &[u8],
    resent: &AtomicU64,
) -> Result<u16> {
    if conn
        .as_ref()
        .is_some_and(|c| c.idle_since.elapsed() > MAX_IDLE)
    {
        *conn = None;
    }
    let mut fresh = conn.is_none();
    loop {
        let c = match conn {
            Some(c) => c,
            None => conn.insert(Connection::open(addr).await?),
        };
        match c.exchange(request).await {
            Ok((status, reusable)) => {
                if reusable {
                    c.idle_since = Instant::now();
                } else {
                    *conn = None;
                }
                return Ok(status);
            }
            Err(failed) => {
                *conn = None;
                if fresh || failed.answered {
                    return Err(failed.error);
                }
                fresh = true;
                resent.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
}

/// Why an exchange failed, and whether any of the answer had arrived by then.
struct Failed {
    answered: bool,
    error: anyhow::Error,
}

/// One keep-alive HTTP/1.1 connection.
struct Connection {
    stream: BufReader<TcpStream>,
    idle_since: Instant,
}

impl Connection {
    async fn open(addr: SocketAddr) -> Result<Connection> {
        let s = TcpStream::connect(addr).await?;
        s.set_nodelay(true)?;
        Ok(Connection {
            stream: BufReader::new(s),
            idle_since: Instant::now(),
        })
    }

    /// Writes `request` and reads the whole answer: its status, and whether the connection
    /// can carry another request.
    async fn exchange(&mut self, request: &[u8]) -> Result<(u16, bool), Failed> {
        let mut line = String::new();
        let first = async {
            self.stream.get_mut().write_all(request).await?;
            if self.stream.read_line(&mut line).await? == 0 {
                bail!("the server closed the connection");
            }
            Ok(())
        };
        if let Err(error) = first.await {
            return Err(Failed {
                answered: false,
                error,
            });
        }
        self.read_answer(line).await.map_err(|error| Failed {
            answered: true,
            error,
        })
    }

    /// The rest of an answer whose status line is `line`.
    async fn read_answer(&mut self, mut line: String) -> Result<(u16, bool)> {
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| anyhow!("bad status line {line:?}"))?;
        let mut length = None;
        let mut chunked = false;
        let mut reusable = line.starts_with("HTTP/1.1");
        loop {
            line.clear();
            if self.stream.read_line(&mut line).await? == 0 {
                bail!("the server closed the connection in the headers");
            }
            if line == "\r\n" || line == "\n" {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                let (k, v) = (k.trim(), v.trim());
                if k.eq_ignore_ascii_case("content-length") {
                    length = v.parse::<u64>().ok();
                } else if k.eq_ignore_ascii_case("transfer-encoding") {
                    chunked = v.to_ascii_lowercase().contains("chunked");
                } else if k.eq_ignore_ascii_case("connection") {
                    reusable = reusable && !v.eq_ignore_ascii_case("close");
                }
            }
        }
        if chunked {
            loop {
                line.clear();
                if self.stream.read_line(&mut line).await? == 0 {
                    bail!("the server closed the connection in a chunked body");
                }
                let size_text = line.trim().split(';').next().unwrap_or_default();
                let size = u64::from_str_radix(size_text, 16)
                    .map_err(|_| anyhow!("bad chunk size {line:?}"))?;
                if size == 0 {
                    // Trailers, up to the empty line.
                    loop {
                        line.clear();
                        if self.stream.read_line(&mut line).await? == 0 || line.trim().is_empty() {
                            break;
                        }
                    }
                    break;
                }
                self.skip(size + 2).await?;
            }
        } else if let Some(n) = length {
            self.skip(n).await?;
        } else if !(status == 204 || status == 304 || (100..200).contains(&status)) {
            // No length: the body runs to the end of the connection.
            let mut rest = Vec::new();
            self.stream.read_to_end(&mut rest).await?;
            reusable = false;
        }
        Ok((status, reusable))
    }

    async fn skip(&mut self, n: u64) -> Result<()> {
        let copied =
            tokio::io::copy(&mut (&mut self.stream).take(n), &mut tokio::io::sink()).await?;
        if copied < n {
            bail!("the server closed the connection in the body");
        }
        Ok(())
    }
}

// --- the report ----------------------------------------------------------------------------

/// The figures of one phase.
#[derive(Debug, Default, Clone)]
struct PhaseFigures {
    scheduled: u64,
    sent: u64,
    ok_2xx: u64,
    too_many: u64,
    unavailable: u64,
    /// Other statuses and how often each came.
    others: BTreeMap<u16, u64>,
    transport: u64,
    timeouts: u64,
    dropped: u64,
    /// Latencies of the requests that got an answer, sorted.
    latencies: Vec<Duration>,
}

impl PhaseFigures {
    fn add(&mut self, r: &Record) {
        self.scheduled += 1;
        match r.outcome {
            Outcome::Dropped => {
                self.dropped += 1;
                return;
            }
            Outcome::Transport => self.transport += 1,
            Outcome::Timeout => self.timeouts += 1,
            Outcome::Status(s) => {
                match s {
                    200..=299 => self.ok_2xx += 1,
                    429 => self.too_many += 1,
                    503 => self.unavailable += 1,
                    other => *self.others.entry(other).or_default() += 1,
                }
                self.latencies.push(r.latency);
            }
        }
        self.sent += 1;
    }

    fn other(&self) -> u64 {
        self.others.values().sum()
    }

    fn non_2xx(&self) -> u64 {
        self.too_many + self.unavailable + self.other()
    }

    /// Everything but a 2xx answer among the requests sent.
    fn not_ok(&self) -> u64 {
        self.non_2xx() + self.transport + self.timeouts
    }

    fn percentile(&self, p: f64) -> Option<Duration> {
        percentile(&self.latencies, p)
    }
}

/// The `p` quantile (0–1) of sorted `v`: the smallest value with at least `p` of them at or below.
fn percentile(v: &[Duration], p: f64) -> Option<Duration> {
    if v.is_empty() {
        return None;
    }
    let rank = ((p * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v.get(rank - 1).copied()
}

struct Report {
    plans: [Plan; 3],
    phases: BTreeMap<Phase, PhaseFigures>,
    /// Per second of the recovery: p99 of the answered, answered count, 2xx count, all scheduled.
    recovery_seconds: Vec<(Option<Duration>, u64, u64, u64)>,
    /// Seconds from the end of the overload until the first second whose p99 is within
    /// 2 × the steady p99.
    recovered_after: Option<u64>,
    /// RSS samples by phase: `(seconds, kB)`.
    rss: BTreeMap<Phase, Vec<u64>>,
    rss_last_kb: Option<u64>,
}

impl Report {
    fn new(plans: &[Plan; 3], records: &[Record], samples: &[(f64, u64)]) -> Report {
        let phase_of = |at: Duration| {
            plans
                .iter()
                .find(|p| at < p.end())
                .map_or(Phase::Recovery, |p| p.phase)
        };
        let mut phases: BTreeMap<Phase, PhaseFigures> = plans
            .iter()
            .map(|p| (p.phase, PhaseFigures::default()))
            .collect();
        let recovery = plans[2];
        let mut seconds: Vec<(Vec<Duration>, u64, u64)> =
            vec![(Vec::new(), 0, 0); recovery.secs as usize];
        for r in records {
            let phase = phase_of(r.scheduled);
            phases.entry(phase).or_default().add(r);
            if phase == Phase::Recovery {
                let s = (r.scheduled.saturating_sub(recovery.start)).as_secs() as usize;
                if let Some((lat, ok, all)) = seconds.get_mut(s) {
                    *all += 1;
                    if let Outcome::Status(status) = r.outcome {
                        lat.push(r.latency);
                        if (200..300).contains(&status) {
                            *ok += 1;
                        }
                    }
                }
            }
        }
        for f in phases.values_mut() {
            f.latencies.sort_unstable();
        }
        let steady_p99 = phases
            .get(&Phase::Steady)
            .and_then(|f| f.percentile(0.99))
            .unwrap_or_default();
        let recovery_seconds: Vec<_> = seconds
            .into_iter()
            .map(|(mut lat, ok, all)| {
                lat.sort_unstable();
                (percentile(&lat, 0.99), lat.len() as u64, ok, all)
            })
            .collect();
        // A second is recovered when every request scheduled in it was answered 2xx and its
        // p99 is within twice the steady p99.
        let recovered_after = recovery_seconds
            .iter()
            .position(|(p99, answered, ok, all)| {
                *all > 0 && ok == all && answered == all && p99.is_some_and(|p| p <= steady_p99 * 2)
            })
            .map(|s| s as u64);
        let mut rss: BTreeMap<Phase, Vec<u64>> = BTreeMap::new();
        for (at, kb) in samples {
            rss.entry(phase_of(Duration::from_secs_f64(*at)))
                .or_default()
                .push(*kb);
        }
        Report {
            plans: *plans,
            phases,
            recovery_seconds,
            recovered_after,
            rss,
            rss_last_kb: samples.last().map(|s| s.1),
        }
    }

    fn phase(&self, p: Phase) -> PhaseFigures {
        self.phases.get(&p).cloned().unwrap_or_default()
    }

    fn print(&self, rss_at_start_kb: u64, peak_kb: u64, dir: &Path) {
        let out = crate::output::Out;
        let ms = |d: Option<Duration>| match d {
            Some(d) => format!("{:.2}", d.as_secs_f64() * 1000.0),
            None => "-".to_owned(),
        };
        out.line("");
        out.line(&format!(
            "{:<9} {:>7} {:>6} {:>9} {:>8} {:>9} {:>8} {:>7} {:>7} {:>6} {:>9} {:>8} {:>8}",
            "phase",
            "target/s",
            "secs",
            "scheduled",
            "sent/s",
            "2xx",
            "429",
            "503",
            "other",
            "transp",
            "timeout",
            "dropped",
            "2xx/s"
        ));
        for plan in &self.plans {
            let f = self.phase(plan.phase);
            let secs = plan.secs.max(1) as f64;
            out.line(&format!(
                "{:<9} {:>7} {:>6} {:>9} {:>8.1} {:>9} {:>8} {:>7} {:>7} {:>6} {:>9} {:>8} {:>8.1}",
                plan.phase.name(),
                plan.rate,
                plan.secs,
                f.scheduled,
                f.sent as f64 / secs,
                f.ok_2xx,
                f.too_many,
                f.unavailable,
                f.other(),
                f.transport,
                f.timeouts,
                f.dropped,
                f.ok_2xx as f64 / secs
            ));
        }
        for plan in &self.plans {
            let f = self.phase(plan.phase);
            if !f.others.is_empty() {
                let list: Vec<String> = f.others.iter().map(|(s, n)| format!("{s}: {n}")).collect();
                out.line(&format!(
                    "  {} — other statuses: {}",
                    plan.phase.name(),
                    list.join(", ")
                ));
            }
        }
        out.line("");
        out.line(&format!(
            "latency from the scheduled send time, answered requests (ms):\n{:<9} {:>9} {:>9} {:>9} {:>9} {:>9}",
            "phase", "p50", "p99", "p99.9", "max", "answered"
        ));
        for plan in &self.plans {
            let f = self.phase(plan.phase);
            out.line(&format!(
                "{:<9} {:>9} {:>9} {:>9} {:>9} {:>9}",
                plan.phase.name(),
                ms(f.percentile(0.50)),
                ms(f.percentile(0.99)),
                ms(f.percentile(0.999)),
                ms(f.latencies.last().copied()),
                f.latencies.len()
            ));
        }
        out.line("");
        let mb = |kb: u64| kb as f64 / 1024.0;
        let max_mb = |p: Phase| {
            self.rss
                .get(&p)
                .and_then(|v| v.iter().max())
                .map_or("-".to_owned(), |kb| format!("{:.1}", mb(*kb)))
        };
        out.line(&format!(
            "server RSS (MB, sampled every second): start {:.1}; max steady {}, max overload {}, \
             max recovery {}, last {}; peak VmHWM {:.1}",
            mb(rss_at_start_kb),
            max_mb(Phase::Steady),
            max_mb(Phase::Overload),
            max_mb(Phase::Recovery),
            self.rss_last_kb
                .map_or("-".to_owned(), |kb| format!("{:.1}", mb(kb))),
            mb(peak_kb)
        ));
        out.line("");
        let steady_p99 = self.phase(Phase::Steady).percentile(0.99);
        out.line(&format!(
            "after the overload, per second (bound: 2 × steady p99 = {} ms):",
            ms(steady_p99.map(|d| d * 2))
        ));
        for (s, (p99, answered, ok, all)) in self.recovery_seconds.iter().enumerate() {
            out.line(&format!(
                "  +{:>2} s  p99 {:>9} ms  scheduled {all:>6}  answered {answered:>6}  2xx {ok:>6}",
                s,
                ms(*p99)
            ));
        }
        match self.recovered_after {
            Some(s) => {
                let later = self
                    .recovery_seconds
                    .iter()
                    .skip(s as usize)
                    .filter(|(p99, _, ok, all)| {
                        ok != all || !p99.is_some_and(|p| Some(p) <= steady_p99.map(|d| d * 2))
                    })
                    .count();
                out.line(&format!(
                    "recovery: p99 back within 2 × the steady p99 after {s} s \
                     ({later} later seconds above it)"
                ));
            }
            None => out.line("recovery: p99 never came back within 2 × the steady p99"),
        }
        out.line(&format!("server log: {}", dir.join("server.log").display()));
    }
}
