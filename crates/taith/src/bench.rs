//! `taith bench ingest`: durable responses per second over HTTP on the SQLite store, and in the
//! same run a raw batched insert of the same rows into the same schema, with their ratio.
//!
//! Machines here are shared and noisy, so the figure that matters is the ratio: both sides
//! run back to back on the same disk.

use anyhow::{Context as _, Result, anyhow, bail};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use taith_domain::survey::LocalizedText;
use taith_domain::{Email, Locale, Name, Slug, SurveyFields, SurveyKind, SurveyStatus, TokenScope};
use taith_store::{NewUser, SharedStore};
use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _, BufReader};
use tokio::net::TcpStream;

/// What one run measured.
#[derive(Debug, Clone)]
pub struct IngestFigures {
    pub responses: usize,
    pub clients: usize,
    pub batch: usize,
    pub http: Duration,
    pub raw: Duration,
}

impl IngestFigures {
    pub fn http_rate(&self) -> f64 {
        self.responses as f64 / self.http.as_secs_f64()
    }

    pub fn raw_rate(&self) -> f64 {
        self.responses as f64 / self.raw.as_secs_f64()
    }

    pub fn ratio(&self) -> f64 {
        self.http_rate() / self.raw_rate()
    }
}

/// A fresh directory for one side of the benchmark.
pub(crate) fn scratch(dir: &Path, name: &str) -> Result<PathBuf> {
    let d = dir.join(name);
    if d.exists() {
        std::fs::remove_dir_all(&d).with_context(|| format!("clearing {}", d.display()))?;
    }
    std::fs::create_dir_all(&d)?;
    Ok(d.join("taith.db"))
}

/// A workspace with the slug `name` (its owner `name@bench.example`), a live NPS survey and a
/// write token, in `store`.
pub(crate) async fn set_up(
    store: &SharedStore,
    name: &str,
) -> Result<(taith_domain::WorkspaceId, taith_domain::Survey, String)> {
    let parse = |r: Result<Name, taith_domain::Issue>| r.map_err(|i| anyhow!("{}", i.code()));
    let (ws, _) = store
        .create_workspace(
            &Slug::parse(name).map_err(|i| anyhow!("{}", i.code()))?,
            &parse(Name::parse("Bench"))?,
            NewUser {
                email: Email::parse(&format!("{name}@bench.example"))
                    .map_err(|i| anyhow!("{}", i.code()))?,
                name: parse(Name::parse("Bench"))?,
                password_hash: taith_app::account::secrets::hash_password("bench password")?,
            },
        )
        .await?;
    let text = |s: &str| LocalizedText([(Locale::En, s.to_owned())].into());
    let fields = SurveyFields {
        name: parse(Name::parse("Bench NPS"))?,
        kind: SurveyKind::Nps,
        scale: SurveyKind::Nps.default_scale(),
        default_locale: Locale::En,
        question: text("How likely are you to recommend us?"),
        thank_you: text("Thank you!"),
        follow_ups: Vec::new(),
        touchpoint_id: None,
        status: SurveyStatus::Live,
        anonymous: false,
        throttle_days: 30,
    };
    let survey = store
        .create_survey(
            ws.id,
            &fields,
            &taith_app::account::secrets::random_secret()[..16],
        )
        .await?;
    let token = taith_app::account::secrets::new_api_token();
    store
        .create_api_token(
            ws.id,
            &parse(Name::parse("bench"))?,
            TokenScope::Write,
            &taith_app::account::secrets::secret_hash(&token),
        )
        .await?;
    Ok((ws.id, survey, token))
}

/// One keep-alive HTTP/1.1 connection that POSTs JSON and reads the status.
struct Connection {
    stream: BufReader<TcpStream>,
    addr: SocketAddr,
}

impl Connection {
    async fn open(addr: SocketAddr) -> Result<Connection> {
        let s = TcpStream::connect(addr).await?;
        s.set_nodelay(true)?;
        Ok(Connection {
            stream: BufReader::new(s),
            addr,
        })
    }

    async fn post(&mut self, path: &str, token: &str, body: &str) -> Result<u16> {
        let req = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            self.addr,
            body.len()
        );
        self.stream.get_mut().write_all(req.as_bytes()).await?;
        let mut status_line = String::new();
        self.stream.read_line(&mut status_line).await?;
        let status: u16 = status_line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| anyhow!("bad status line {status_line:?}"))?;
        let mut length = 0usize;
        loop {
            let mut line = String::new();
            self.stream.read_line(&mut line).await?;
            if line == "\r\n" || line.is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':')
                && k.eq_ignore_ascii_case("content-length")
            {
                length = v.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0u8; length];
        self.stream.read_exact(&mut body).await?;
        Ok(status)
    }
}

/// The JSON of response `i`: a unique client id, so every one is a new durable write.
fn response_json(survey_id: &str, i: usize) -> String {
    let score = i % 11;
    format!(
        r#"{{"survey_id":"{survey_id}","score":{score},"channel":"web","client_id":"bench-{i}","attributes":{{"team":"t{}"}}}}"#,
        i % 10
    )
}

/// The body of one request: response `first` alone, or up to `batch` responses from `first` on.
fn request_json(survey_id: &str, first: usize, batch: usize, total: usize) -> String {
    if batch <= 1 {
        return response_json(survey_id, first);
    }
    let items: Vec<String> = (first..(first + batch).min(total))
        .map(|i| response_json(survey_id, i))
        .collect();
    format!(r#"{{"responses":[{}]}}"#, items.join(","))
}

/// Runs the benchmark in `dir` (two fresh SQLite stores): `responses` submissions from
/// `clients` concurrent connections, `batch` responses per request (1: one each).
pub async fn ingest(
    dir: &Path,
    responses: usize,
    clients: usize,
    batch: usize,
) -> Result<IngestFigures> {
    let batch = batch.max(1);
    // Ours: over HTTP, each response acknowledged only after its group commit.
    let store =
        crate::database::open_store(&crate::database::DatabaseUrl::Sqlite(scratch(dir, "http")?))
            .await?;
    let (_, survey, token) = set_up(&store, "bench").await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let server = tokio::spawn(taith_web::serve(
        listener,
        store.clone(),
        taith_web::WebConfig::default(),
        std::future::pending(),
    ));
    let survey_id = survey.id.to_string();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (token, survey_id) = (token.clone(), survey_id.clone());
        tasks.push(tokio::spawn(async move {
            let mut conn = Connection::open(addr).await?;
            let mut first = c * batch;
            while first < responses {
                let body = request_json(&survey_id, first, batch, responses);
                let status = conn.post("/api/v1/responses", &token, &body).await?;
                if status != 201 {
                    bail!("the request from response {first} on was answered {status}");
                }
                first += clients * batch;
            }
            Ok::<(), anyhow::Error>(())
        }));
    }
    for t in tasks {
        t.await??;
    }
    let http = started.elapsed();
    server.abort();
    let stored = store
        .responses(
            store_ws(&store).await?,
            Some(survey.id),
            taith_store::PageRequest::all(),
        )
        .await?
        .items
        .len();
    if stored != responses {
        bail!("{stored} responses stored of {responses} acknowledged");
    }

    // The baseline: the same rows, one batched transaction, no HTTP, no group commit.
    let raw_store = taith_store_sqlite::SqliteStore::open(&scratch(dir, "raw")?).await?;
    let shared: SharedStore = std::sync::Arc::new(raw_store.clone());
    let (ws, survey, _) = set_up(&shared, "bench").await?;
    let raw = raw_store
        .raw_batched_insert(ws, survey.id, responses)
        .await?;
    Ok(IngestFigures {
        responses,
        clients,
        batch,
        http,
        raw,
    })
}

async fn store_ws(store: &SharedStore) -> Result<taith_domain::WorkspaceId> {
    Ok(store
        .workspace_by_slug(&Slug::parse("bench").map_err(|i| anyhow!("{}", i.code()))?)
        .await?
        .id)
}
