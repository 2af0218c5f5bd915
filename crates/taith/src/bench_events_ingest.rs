//! `taith bench events-ingest`: durable events per second over HTTP (`POST /api/v1/events`,
//! batches, several requests in flight, each answered after its group commit) on a fresh
//! SQLite store, against a raw batched insert of the same rows into another fresh store
//! (`insert_events` in transactions of the writer's largest batch), with their ratio.
//!
//! Machines here are shared and noisy, so the figure that matters is the ratio: both sides
//! run back to back on the same disk.

use crate::bench::{scratch, set_up};
use anyhow::{Result, anyhow, bail};
use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};
use taith_domain::{Event, EventDetail, EventId, WorkspaceId};
use taith_store::{EventToStore, SharedStore};
use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _, BufReader};
use tokio::net::TcpStream;

/// Rows per transaction of the raw side: the event writer's largest batch.
const RAW_BATCH: usize = 5_000;

/// What one run measured.
#[derive(Debug, Clone)]
pub struct EventsIngestFigures {
    pub events: usize,
    pub clients: usize,
    pub batch: usize,
    pub http: Duration,
    pub raw: Duration,
}

impl EventsIngestFigures {
    pub fn http_rate(&self) -> f64 {
        self.events as f64 / self.http.as_secs_f64()
    }

    pub fn raw_rate(&self) -> f64 {
        self.events as f64 / self.raw.as_secs_f64()
    }

    pub fn ratio(&self) -> f64 {
        self.http_rate() / self.raw_rate()
    }

    /// The figures as `taith bench events-ingest` prints them.
    pub fn report(&self) -> String {
        format!(
            "taith bench events-ingest: {} events, {} concurrent connections, {} per request\n  \
             over HTTP (durable, group commit): {:>10.0} events/s ({:.2} s)\n  \
             raw batched insert (baseline):     {:>10.0} events/s ({:.2} s)\n  \
             ratio HTTP / raw: {:.2}× (aim ≥ 0.5×)",
            self.events,
            self.clients,
            self.batch,
            self.http_rate(),
            self.http.as_secs_f64(),
            self.raw_rate(),
            self.raw.as_secs_f64(),
            self.ratio()
        )
    }
}

/// Event `i` on the wire: a page view, a search or a goal, with a unique client id so every
/// one is a new durable write.
fn event_json(i: usize) -> String {
    let common = format!(
        r#""visitor_id":"v{}","session_id":"s{}","url":"https://shop.example/p/{}","client_id":"bench-{i}""#,
        i % 5_000,
        i % 20_000,
        i % 300
    );
    match i % 10 {
        0 => format!(
            r#"{{"type":"search","query":"q{}","result_count":{},{common}}}"#,
            i % 50,
            i % 3
        ),
        1 => format!(r#"{{"type":"conversion","goal":"order","value":12.5,{common}}}"#),
        _ => format!(r#"{{"type":"page_view",{common}}}"#),
    }
}

/// The same event as the raw side stores it.
fn event_row(i: usize) -> Event {
    let detail = match i % 10 {
        0 => EventDetail::Search {
            query: format!("q{}", i % 50),
            result_count: Some((i % 3) as u32),
        },
        1 => EventDetail::Conversion {
            goal: "order".into(),
            value: Some(12.5),
        },
        _ => EventDetail::PageView,
    };
    Event {
        id: EventId::new(),
        detail,
        visitor_id: Some(format!("v{}", i % 5_000)),
        session_id: Some(format!("s{}", i % 20_000)),
        url: Some(format!("https://shop.example/p/{}", i % 300)),
        client_key: Some(format!("bench-{i}")),
        ..Event::page_view(taith_domain::now())
    }
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

async fn count(store: &SharedStore, ws: WorkspaceId) -> Result<usize> {
    let mut n = 0;
    let mut after = None;
    loop {
        let page = store.events_after(ws, after, 10_000).await?;
        n += page.len();
        match page.last() {
            Some(e) => after = Some(e.id),
            None => return Ok(n),
        }
    }
}

/// Runs the benchmark in `dir` (two fresh SQLite stores): `events` events in requests of
/// `batch` (at most 1,000) from `clients` concurrent connections, then the raw insert.
pub async fn run(
    dir: &Path,
    events: usize,
    clients: usize,
    batch: usize,
) -> Result<EventsIngestFigures> {
    let batch = batch.clamp(1, taith_domain::event::MAX_BATCH);
    let clients = clients.max(1);
    // Ours: over HTTP, each batch acknowledged only after its group commit.
    let store = crate::database::open_store(&crate::database::DatabaseUrl::Sqlite(scratch(
        dir,
        "events-http",
    )?))
    .await?;
    let (ws, _, token) = set_up(&store, "bench").await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let server = tokio::spawn(taith_web::serve(
        listener,
        store.clone(),
        taith_web::WebConfig::default(),
        std::future::pending(),
    ));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..clients {
        let token = token.clone();
        tasks.push(tokio::spawn(async move {
            let mut conn = Connection::open(addr).await?;
            let mut first = c * batch;
            while first < events {
                let items: Vec<String> = (first..(first + batch).min(events))
                    .map(event_json)
                    .collect();
                let body = format!(r#"{{"events":[{}]}}"#, items.join(","));
                let status = conn.post("/api/v1/events", &token, &body).await?;
                if status != 201 {
                    bail!("the request from event {first} on was answered {status}");
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
    let stored = count(&store, ws).await?;
    if stored != events {
        bail!("{stored} events stored of {events} acknowledged");
    }

    // The baseline: the same rows, straight into the store in large transactions.
    let raw_store = crate::database::open_store(&crate::database::DatabaseUrl::Sqlite(scratch(
        dir,
        "events-raw",
    )?))
    .await?;
    let (ws, _, _) = set_up(&raw_store, "bench").await?;
    let rows: Vec<EventToStore> = (0..events)
        .map(|i| EventToStore {
            workspace_id: ws,
            event: event_row(i),
        })
        .collect();
    let started = Instant::now();
    for chunk in rows.chunks(RAW_BATCH) {
        raw_store.insert_events(chunk).await?;
    }
    let raw = started.elapsed();
    let stored = count(&raw_store, ws).await?;
    if stored != events {
        bail!("{stored} events in the raw store of {events}");
    }
    Ok(EventsIngestFigures {
        events,
        clients,
        batch,
        http,
        raw,
    })
}
