//! `taith bench webhooks`: signed deliveries per second to a local receiver, end to end —
//! each event published through the store (event and delivery rows committed), claimed by the
//! app's delivery worker with its lease, signed, POSTed, and its outcome recorded — against a
//! baseline of plain HTTP POSTs of the same bodies to the same receiver at the same
//! concurrency. The receiver answers 500 to every `fail_every`-th request, so some deliveries
//! are retried (on a back-off of milliseconds here); the retries observed are reported.

use anyhow::{Context as _, Result};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use taith_app::webhooks::HookConfig;
use taith_app::{App, AppConfig};
use taith_domain::{DeliveryState, EventType, Name, WebhookFields, WebhookKind};
use taith_store::{NewUser, SharedStore};

/// What one run measured.
#[derive(Debug, Clone, Copy)]
pub struct Figures {
    pub deliveries: usize,
    pub ours: Duration,
    pub baseline: Duration,
    /// Attempts beyond one per delivery (answers of 500 that were retried).
    pub retries: u64,
    /// Requests the receiver answered 500 to in our run.
    pub refused_by_receiver: u64,
}

impl Figures {
    pub fn ours_rate(&self) -> f64 {
        self.deliveries as f64 / self.ours.as_secs_f64()
    }

    pub fn baseline_rate(&self) -> f64 {
        self.deliveries as f64 / self.baseline.as_secs_f64()
    }
}

#[derive(Default)]
struct Counter {
    requests: AtomicU64,
    ok: AtomicU64,
    failed: AtomicU64,
    fail_every: AtomicU64,
}

async fn receive(
    axum::extract::State(c): axum::extract::State<Arc<Counter>>,
) -> axum::http::StatusCode {
    let n = c.requests.fetch_add(1, Ordering::SeqCst) + 1;
    let every = c.fail_every.load(Ordering::SeqCst);
    if every > 0 && n.is_multiple_of(every) {
        c.failed.fetch_add(1, Ordering::SeqCst);
        axum::http::StatusCode::INTERNAL_SERVER_ERROR
    } else {
        c.ok.fetch_add(1, Ordering::SeqCst);
        axum::http::StatusCode::OK
    }
}

async fn receiver(fail_every: u64) -> Result<(std::net::SocketAddr, Arc<Counter>)> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let counter = Arc::new(Counter::default());
    counter.fail_every.store(fail_every, Ordering::SeqCst);
    let app = axum::Router::new()
        .fallback(receive)
        .with_state(counter.clone());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok((addr, counter))
}

fn data(i: usize) -> serde_json::Value {
    serde_json::json!({
        "response_id": uuid::Uuid::now_v7(),
        "score": i % 11,
        "comment": "The sourdough was lovely, the queue was long",
        "channel": "in_store",
        "locale": "en",
    })
}

pub async fn run(
    store: SharedStore,
    deliveries: usize,
    concurrency: usize,
    fail_every: u64,
) -> Result<Figures> {
    let (addr, counter) = receiver(fail_every).await?;
    let parse = |s: &str| Name::parse(s).map_err(|i| anyhow::anyhow!(i.code()));
    let (ws, _) = store
        .create_workspace(
            &taith_domain::Slug::parse("bench-hooks").map_err(|i| anyhow::anyhow!(i.code()))?,
            &parse("Bench hooks")?,
            NewUser {
                email: taith_domain::Email::parse("bench@hooks.example")
                    .map_err(|i| anyhow::anyhow!(i.code()))?,
                name: parse("Bench")?,
                password_hash: "-".into(),
            },
        )
        .await
        .context("creating the bench workspace")?;
    let hooks = HookConfig {
        allow: vec![
            "127.0.0.1/32"
                .parse()
                .map_err(|e: String| anyhow::anyhow!(e))?,
        ],
        backoff: vec![Duration::from_millis(10); 6],
        concurrency,
        poll: Duration::from_millis(5),
        ..Default::default()
    };
    let app = App::start(
        store.clone(),
        AppConfig {
            hooks,
            ..Default::default()
        },
    );
    let secret = taith_app::webhooks::sign::new_secret().map_err(|e| anyhow::anyhow!("{e}"))?;
    let endpoint = store
        .create_webhook_endpoint(
            ws.id,
            &WebhookFields {
                kind: WebhookKind::Standard,
                url: format!("http://{addr}/hooks"),
                description: "bench".into(),
                events: vec![EventType::ResponseCreated],
                enabled: true,
            },
            &secret,
        )
        .await?;

    // Ours: publish every event through the store; the worker delivers them.
    let started = Instant::now();
    for i in 0..deliveries {
        app.webhooks
            .publish(
                store.as_ref(),
                ws.id,
                taith_app::webhooks::new_event(EventType::ResponseCreated, data(i), None),
            )
            .await?;
    }
    let target = u64::try_from(deliveries)?;
    while counter.ok.load(Ordering::SeqCst) < target {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    // Delivered means recorded as delivered in the store, too.
    loop {
        let (counts, _) = store.delivery_counts(ws.id).await?;
        let delivered = counts
            .iter()
            .find(|(s, _)| *s == DeliveryState::Delivered)
            .map(|(_, n)| *n)
            .unwrap_or(0);
        if delivered >= target {
            break;
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let ours = started.elapsed();
    let (_, attempts) = store.delivery_counts(ws.id).await?;
    let refused_by_receiver = counter.failed.load(Ordering::SeqCst);
    let _ = endpoint;

    // Baseline: the same bodies POSTed straight to the same receiver, as many at once.
    counter.fail_every.store(0, Ordering::SeqCst);
    taith_app::webhooks::delivery::install_tls_provider();
    let client = reqwest::Client::builder().no_proxy().build()?;
    let url = format!("http://{addr}/plain");
    let body = serde_json::to_vec(&taith_app::webhooks::sign::standard_body(
        EventType::ResponseCreated,
        taith_domain::now(),
        &data(0),
    ))?;
    let next = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency.max(1) {
        let (client, url, body, next) = (client.clone(), url.clone(), body.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            while next.fetch_add(1, Ordering::SeqCst) < target {
                client
                    .post(&url)
                    .header("content-type", "application/json")
                    .body(body.clone())
                    .send()
                    .await?
                    .error_for_status()?;
            }
            Ok::<(), reqwest::Error>(())
        }));
    }
    for t in tasks {
        t.await??;
    }
    let baseline = started.elapsed();
    Ok(Figures {
        deliveries,
        ours,
        baseline,
        retries: attempts.saturating_sub(target),
        refused_by_receiver,
    })
}
