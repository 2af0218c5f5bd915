//! Webhooks end to end: a receiver started by the test (on 127.0.0.1, let through by the
//! allow list) gets deliveries whose signature verifies with the Standard Webhooks reference
//! algorithm (implemented here, apart from taith's signer), retries after failures on a
//! millisecond back-off, both signatures during a rotation's overlap, Slack-compatible
//! bodies, redelivery by hand; secrets never appear in a list or a get; on both stores.

use crate::helpers::{Browser, TestApp};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use base64::Engine as _;
use hmac::{KeyInit as _, Mac as _};
use reqwest::Method;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;
use taith_app::webhooks::HookConfig;
use taith_domain::{Locale, TokenScope};
use taith_store::SharedStore;
use tokio::sync::Mutex;

/// One request the receiver got.
#[derive(Debug, Clone)]
pub struct Received {
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Received {
    pub fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

#[derive(Default)]
struct ReceiverState {
    got: Mutex<Vec<Received>>,
    /// Answer 500 to this many requests first.
    fail_first: AtomicUsize,
    /// Answer 500 to everything while set.
    fail_all: AtomicUsize,
    /// A status other than 200 to answer with (a redirect, say), with its `Location`.
    answer: Mutex<Option<(u16, String)>>,
    arrivals: tokio::sync::Notify,
    accepted: AtomicU64,
}

/// A local HTTP receiver on port 0 that records every request.
#[derive(Clone)]
pub struct Receiver {
    pub addr: SocketAddr,
    state: Arc<ReceiverState>,
}

async fn receive(
    State(state): State<Arc<ReceiverState>>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, HeaderMap, &'static str) {
    state.got.lock().await.push(Received { headers, body });
    state.arrivals.notify_waiters();
    let mut out = HeaderMap::new();
    if let Some((code, location)) = state.answer.lock().await.clone() {
        out.insert("location", location.parse().unwrap());
        return (StatusCode::from_u16(code).unwrap(), out, "");
    }
    if state.fail_all.load(Ordering::SeqCst) > 0 {
        return (StatusCode::INTERNAL_SERVER_ERROR, out, "no");
    }
    let failing = state
        .fail_first
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok();
    if failing {
        (StatusCode::INTERNAL_SERVER_ERROR, out, "no")
    } else {
        (StatusCode::OK, out, "ok")
    }
}

impl Receiver {
    /// A receiver listening on `ip`, port 0.
    pub async fn start_on(ip: &str) -> Receiver {
        let listener = tokio::net::TcpListener::bind((ip, 0)).await.unwrap();
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(ReceiverState::default());
        let app = axum::Router::new()
            .fallback(receive)
            .with_state(state.clone());
        let counted = state.clone();
        let listener = axum::serve::ListenerExt::tap_io(listener, move |_| {
            counted.accepted.fetch_add(1, Ordering::SeqCst);
        });
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Receiver { addr, state }
    }

    pub async fn start() -> Receiver {
        Receiver::start_on("127.0.0.1").await
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn fail_first(&self, n: usize) {
        self.state.fail_first.store(n, Ordering::SeqCst);
    }

    pub fn fail_all(&self, on: bool) {
        self.state.fail_all.store(usize::from(on), Ordering::SeqCst);
    }

    pub async fn answer_with(&self, code: u16, location: &str) {
        *self.state.answer.lock().await = Some((code, location.to_owned()));
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> u64 {
        self.state.accepted.load(Ordering::SeqCst)
    }

    pub async fn got(&self) -> Vec<Received> {
        self.state.got.lock().await.clone()
    }

    /// Waits until at least `n` requests arrived (the test's time limit bounds the wait).
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        loop {
            let notified = self.state.arrivals.notified();
            {
                let got = self.state.got.lock().await;
                if got.len() >= n {
                    return got.clone();
                }
            }
            let _ = tokio::time::timeout(Duration::from_millis(200), notified).await;
        }
    }
}

/// Settings for tests: 127.0.0.1 allowed, the back-off in milliseconds, quick polls.
pub fn test_hooks(backoff_ms: &[u64]) -> HookConfig {
    HookConfig {
        allow: vec!["127.0.0.1/32".parse().unwrap()],
        backoff: backoff_ms
            .iter()
            .map(|m| Duration::from_millis(*m))
            .collect(),
        timeout: Duration::from_secs(5),
        poll: Duration::from_millis(20),
        alert_schedule: Duration::from_millis(200),
        ..Default::default()
    }
}

pub async fn app_with(store: SharedStore, hooks: HookConfig) -> TestApp {
    let lots = taith_web::http::limits::Quota::new(1_000_000, 1_000_000);
    let config = taith_web::WebConfig {
        limits: taith_web::http::limits::Limits {
            submissions: lots,
            sign_ins: lots,
            ..Default::default()
        },
        hooks,
        ..Default::default()
    };
    TestApp::spawn_with(store, config).await
}

/// The Standard Webhooks reference verification, written out: the secret's base64 after
/// `whsec_` is the key; each `v1,` signature in the header is the base64 of HMAC-SHA256 over
/// `id.timestamp.body`, compared in constant time; the timestamp within five minutes.
pub fn verifies(secret: &str, r: &Received) -> bool {
    let key = base64::engine::general_purpose::STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap())
        .unwrap();
    let id = r.header("webhook-id");
    let timestamp = r.header("webhook-timestamp");
    let Ok(ts) = timestamp.parse::<i64>() else {
        return false;
    };
    if (taith_domain::now().unix_timestamp() - ts).abs() > 300 {
        return false;
    }
    let mut mac = hmac::Hmac::<sha2_next::Sha256>::new_from_slice(&key).unwrap();
    mac.update(format!("{id}.{timestamp}.").as_bytes());
    mac.update(&r.body);
    let expected = mac.finalize().into_bytes();
    r.header("webhook-signature").split(' ').any(|sig| {
        let Some(b64) = sig.strip_prefix("v1,") else {
            return false;
        };
        let Ok(given) = base64::engine::general_purpose::STANDARD.decode(b64) else {
            return false;
        };
        given.len() == expected.len()
            && given
                .iter()
                .zip(expected.iter())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    })
}

pub struct Api {
    pub browser: Browser,
    pub token: String,
}

impl Api {
    pub async fn of(app: &TestApp, slug: &str) -> Api {
        app.workspace(slug, &format!("owner@{slug}.example")).await;
        Api {
            browser: app.browser(),
            token: app.api_token(slug, TokenScope::Write).await,
        }
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        self.browser.api(Method::GET, path, &self.token, None).await
    }

    pub async fn send(&self, method: Method, path: &str, body: Value) -> (u16, Value) {
        self.browser
            .api(method, path, &self.token, Some(body))
            .await
    }
}

/// An NPS survey of the workspace, live, its id.
pub async fn survey_of(app: &TestApp, slug: &str) -> taith_domain::SurveyId {
    let ws = app
        .store
        .workspace_by_slug(&taith_domain::Slug::parse(slug).unwrap())
        .await
        .unwrap();
    crate::voc_store::nps_survey(&app.store, ws.id).await
}

/// Submits one response through the API.
pub async fn submit(api: &Api, survey: taith_domain::SurveyId, score: i16, comment: &str) {
    let (status, body) = api
        .send(
            Method::POST,
            "/api/v1/responses",
            json!({"responses": [{
                "survey_id": survey, "score": score, "comment": comment, "locale": "en",
            }]}),
        )
        .await;
    assert!(status == 200 || status == 201, "{status} {body}");
}

async fn endpoint(api: &Api, url: &str, kind: &str, events: &[&str]) -> (String, String) {
    let (status, body) = api
        .send(
            Method::POST,
            "/api/v1/webhooks",
            json!({"url": url, "kind": kind, "events": events, "description": "Till system"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    (
        body["webhook"]["id"].as_str().unwrap().to_owned(),
        body["secret"].as_str().unwrap_or_default().to_owned(),
    )
}

/// Waits until the endpoint's newest delivery is in `state`.
async fn delivery_settles(api: &Api, id: &str, state: &str) -> Value {
    loop {
        let (status, body) = api.get(&format!("/api/v1/webhooks/{id}/deliveries")).await;
        assert_eq!(status, 200, "{body}");
        if body["deliveries"][0]["state"] == state {
            return body["deliveries"][0].clone();
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn a_delivery_verifies_with_the_reference_algorithm_and_is_retried_after_two_failures(
    store: SharedStore,
) {
    let app = app_with(store, test_hooks(&[10, 20, 40])).await;
    let receiver = Receiver::start().await;
    let api = Api::of(&app, "becws").await;
    let survey = survey_of(&app, "becws").await;
    let (id, secret) = endpoint(
        &api,
        &receiver.url("/hooks"),
        "standard",
        &["response.created"],
    )
    .await;
    assert!(secret.starts_with("whsec_"), "{secret}");
    receiver.fail_first(2);
    submit(&api, survey, 3, "The bread was stale").await;
    let got = receiver.wait_for(3).await;
    assert_eq!(got.len(), 3, "two failures, then the retry that succeeded");
    for r in &got {
        assert!(verifies(&secret, r), "{r:?}");
        // A tampered body does not verify.
        let mut forged = r.clone();
        forged.body = Bytes::from(r.body.iter().copied().rev().collect::<Vec<u8>>());
        assert!(!verifies(&secret, &forged));
    }
    // Every attempt carries the same message id.
    assert!(
        got.iter()
            .all(|r| r.header("webhook-id") == got[0].header("webhook-id"))
    );
    let event = got[2].json();
    assert_eq!(event["type"], "response.created");
    assert_eq!(event["data"]["score"], 3);
    assert_eq!(event["data"]["comment"], "The bread was stale");
    let delivery = delivery_settles(&api, &id, "delivered").await;
    assert_eq!(delivery["attempts"], 3, "{delivery}");
    assert_eq!(delivery["last_status_code"], 200);
    let (_, hook) = api.get(&format!("/api/v1/webhooks/{id}")).await;
    assert_eq!(hook["webhook"]["last_state"], "delivered", "{hook}");
}

async fn the_secret_is_shown_once_and_a_rotation_signs_with_both_secrets(store: SharedStore) {
    let app = app_with(store, test_hooks(&[10])).await;
    let receiver = Receiver::start().await;
    let api = Api::of(&app, "becws").await;
    let survey = survey_of(&app, "becws").await;
    let (id, old) = endpoint(&api, &receiver.url("/"), "standard", &["response.created"]).await;
    for path in [
        "/api/v1/webhooks".to_owned(),
        format!("/api/v1/webhooks/{id}"),
    ] {
        let (status, body) = api.get(&path).await;
        assert_eq!(status, 200);
        let text = body.to_string();
        assert!(!text.contains(&old) && !text.contains("whsec_"), "{text}");
    }
    let (status, rotated) = api
        .send(
            Method::POST,
            &format!("/api/v1/webhooks/{id}/rotate"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200, "{rotated}");
    let new = rotated["secret"].as_str().unwrap().to_owned();
    assert_ne!(new, old);
    assert!(rotated["webhook"]["previous_secret_until"].is_string());
    let (_, listed) = api.get("/api/v1/webhooks").await;
    assert!(!listed.to_string().contains(&new));
    submit(&api, survey, 9, "").await;
    let got = receiver.wait_for(1).await;
    let r = &got[0];
    assert_eq!(r.header("webhook-signature").split(' ').count(), 2, "{r:?}");
    assert!(
        verifies(&old, r),
        "the old secret still verifies during the overlap"
    );
    assert!(verifies(&new, r), "the new secret verifies");
}

async fn a_failed_delivery_is_sent_again_by_hand(store: SharedStore) {
    let app = app_with(store, test_hooks(&[10])).await;
    let receiver = Receiver::start().await;
    let api = Api::of(&app, "becws").await;
    let survey = survey_of(&app, "becws").await;
    let (id, _) = endpoint(&api, &receiver.url("/"), "standard", &["response.created"]).await;
    receiver.fail_all(true);
    submit(&api, survey, 5, "").await;
    let failed = delivery_settles(&api, &id, "failed").await;
    assert_eq!(failed["attempts"], 2, "one attempt and one retry: {failed}");
    assert_eq!(failed["last_status_code"], 500);
    receiver.fail_all(false);
    let delivery = failed["id"].as_str().unwrap();
    let (status, body) = api
        .send(
            Method::POST,
            &format!("/api/v1/webhooks/{id}/deliveries/{delivery}/redeliver"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let done = delivery_settles(&api, &id, "delivered").await;
    assert_eq!(done["attempts"], 3);
    assert_eq!(receiver.got().await.len(), 3);
    // Another workspace's endpoint or delivery is not found.
    let other = Api::of(&app, "arall").await;
    let (status, _) = other
        .send(
            Method::POST,
            &format!("/api/v1/webhooks/{id}/deliveries/{delivery}/redeliver"),
            json!({}),
        )
        .await;
    assert_eq!(status, 404);
}

async fn slack_endpoints_get_text_and_blocks_and_status_changes_are_published(store: SharedStore) {
    let app = app_with(store, test_hooks(&[10])).await;
    let receiver = Receiver::start().await;
    let api = Api::of(&app, "becws").await;
    endpoint(
        &api,
        &receiver.url("/services/T0/B0/x"),
        "slack",
        &["feature_request.status_changed"],
    )
    .await;
    let (status, created) = api
        .send(
            Method::POST,
            "/api/v1/feature-requests",
            json!({"title": "Gluten-free <b>loaf</b>"}),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let fr = created["feature_request"]["id"].as_str().unwrap();
    let (status, _) = api
        .send(
            Method::PUT,
            &format!("/api/v1/feature-requests/{fr}/status"),
            json!({"status": "planned", "public_note": {}}),
        )
        .await;
    assert_eq!(status, 200);
    let got = receiver.wait_for(1).await;
    let body = got[0].json();
    let text = body["text"].as_str().unwrap();
    assert!(text.contains("planned"), "{text}");
    assert!(!text.contains('<'), "markup is escaped: {text}");
    assert_eq!(body["blocks"][0]["type"], "section");
    assert!(got[0].header("webhook-signature").is_empty());
}

async fn a_detractors_case_is_published_when_opened_and_when_changed(store: SharedStore) {
    let app = app_with(store, test_hooks(&[10])).await;
    let receiver = Receiver::start().await;
    let api = Api::of(&app, "becws").await;
    let survey = survey_of(&app, "becws").await;
    let (_, secret) = endpoint(
        &api,
        &receiver.url("/"),
        "standard",
        &["case.opened", "case.updated"],
    )
    .await;
    // A detractor: the case opener (a worker) opens a case, and that is published.
    submit(&api, survey, 2, "Cold bread").await;
    let got = receiver.wait_for(1).await;
    assert!(verifies(&secret, &got[0]));
    let opened = got[0].json();
    assert_eq!(opened["type"], "case.opened", "{opened}");
    assert_eq!(opened["data"]["status"], "open");
    let case = opened["data"]["case_id"].as_str().unwrap().to_owned();
    let version = opened["data"]["version"].as_i64().unwrap();
    // Changed by hand: `case.updated`, with the case as it now is.
    let (status, body) = api
        .send(
            Method::PATCH,
            &format!("/api/v1/cases/{case}"),
            json!({"version": version, "status": "in_progress"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let got = receiver.wait_for(2).await;
    let updated = got[1].json();
    assert_eq!(updated["type"], "case.updated", "{updated}");
    assert_eq!(updated["data"]["case_id"], case.as_str());
    assert_eq!(updated["data"]["status"], "in_progress");
    assert!(verifies(&secret, &got[1]));
}

async fn an_endpoints_fields_are_checked_with_field_level_errors(store: SharedStore) {
    let app = app_with(store, test_hooks(&[10])).await;
    let api = Api::of(&app, "becws").await;
    let (status, body) = api
        .send(
            Method::POST,
            "/api/v1/webhooks",
            json!({"url": "ftp://x", "kind": "teams", "events": ["case.closed"]}),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> = body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"kind") && fields.contains(&"events.0"),
        "{body}"
    );
    // A viewer's session and a read token may not see endpoints.
    let read = app.api_token("becws", TokenScope::Read).await;
    let (status, _) = api
        .browser
        .api(Method::GET, "/api/v1/webhooks", &read, None)
        .await;
    assert_eq!(status, 403);
    let _ = Locale::En;
}

macro_rules! on_both_stores {
    ($($behaviour:ident),* $(,)?) => {
        pastey::paste! {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_sqlite>]() {
                    let (store, dir) = crate::helpers::fresh_sqlite().await;
                    $behaviour(store).await;
                    let _ = std::fs::remove_dir_all(dir);
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_postgres>]() {
                    let Some((store, db)) = crate::helpers::fresh_postgres().await else {
                        return;
                    };
                    $behaviour(store).await;
                    db.drop_database().await;
                }
            )*
        }
    };
}

pub(crate) use on_both_stores;

on_both_stores!(
    a_delivery_verifies_with_the_reference_algorithm_and_is_retried_after_two_failures,
    the_secret_is_shown_once_and_a_rotation_signs_with_both_secrets,
    a_failed_delivery_is_sent_again_by_hand,
    slack_endpoints_get_text_and_blocks_and_status_changes_are_published,
    an_endpoints_fields_are_checked_with_field_level_errors,
    a_detractors_case_is_published_when_opened_and_when_changed,
);
