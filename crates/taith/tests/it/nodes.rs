//! Several taith nodes on one PostgreSQL: each keeps its own analytics index, and each tails
//! the store in the background, so that what one node stores or deletes counts the same on
//! every other within moments (DESIGN §4: "any node can rebuild it, so several stateless taith
//! nodes can share one PostgreSQL").

use crate::helpers::{TestApp, fresh_postgres};
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use taith_domain::TokenScope;

/// A `taith serve` process; killed when dropped.
struct Node(Child);

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
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

/// Starts `taith serve` on the database at `url` and waits until it answers.
async fn node(url: &str, dir: &std::path::Path) -> (Node, SocketAddr) {
    node_with(url, dir, &[]).await
}

/// Starts `taith serve` with more of its options (`--smtp-url …`) and waits until it answers.
async fn node_with(url: &str, dir: &std::path::Path, options: &[&str]) -> (Node, SocketAddr) {
    let addr = free_addr();
    let child = Command::new(env!("CARGO_BIN_EXE_taith"))
        .arg("--data-dir")
        .arg(dir)
        .args(["--database-url", url])
        .args(["serve", "--listen", &addr.to_string()])
        .args(options)
        .env_remove("TAITH_DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let node = Node(child);
    let client = crate::helpers::http().build().unwrap();
    for _ in 0..300 {
        if client
            .get(format!("http://{addr}/login"))
            .send()
            .await
            .is_ok()
        {
            return (node, addr);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("taith serve did not start on {addr}");
}

/// The workspace's NPS response count as node `addr` answers it.
async fn counted(addr: SocketAddr, token: &str) -> u64 {
    counted_of(addr, token, "nps").await
}

/// The `n` of the workspace's figure `metric` as node `addr` answers it.
async fn counted_of(addr: SocketAddr, token: &str, metric: &str) -> u64 {
    let body: Value = crate::helpers::http()
        .build()
        .unwrap()
        .get(format!("http://{addr}/api/v1/metrics?metric={metric}"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    body["groups"][0]["n"]
        .as_u64()
        .unwrap_or_else(|| panic!("no count in {body}"))
}

/// How long until node `addr` counts `want` responses, at most `bound` (then a failure).
async fn until_counted(addr: SocketAddr, token: &str, want: u64, bound: Duration) -> Duration {
    until_counted_of(addr, token, "nps", want, bound).await
}

/// How long until node `addr` answers `metric` with `n` = `want`, at most `bound`.
async fn until_counted_of(
    addr: SocketAddr,
    token: &str,
    metric: &str,
    want: u64,
    bound: Duration,
) -> Duration {
    let started = Instant::now();
    loop {
        let n = counted_of(addr, token, metric).await;
        if n == want {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < bound,
            "still {n} counted for {metric}, not {want}, after {bound:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_response_or_event_stored_on_one_node_counts_so_on_another_on_postgres() {
    let Some((store, db)) = fresh_postgres().await else {
        return;
    };
    let url = db.url();
    let setup = TestApp::spawn(store.clone()).await;
    let (ws, _) = setup.workspace("becws", "owner@becws.example").await;
    let survey = crate::surveys_ui::live_nps(&setup, &ws).await;
    let token = setup.api_token("becws", TokenScope::Write).await;
    let dir = crate::helpers::scratch_path("taith-nodes-");
    let (_a, a) = node(&url, &dir.join("a")).await;
    let (_b, b) = node(&url, &dir.join("b")).await;
    // Both nodes have built their index (of nothing yet).
    assert_eq!(counted(a, &token).await, 0);
    assert_eq!(counted(b, &token).await, 0);

    let stored: Value = crate::helpers::http()
        .build()
        .unwrap()
        .post(format!("http://{a}/api/v1/responses"))
        .bearer_auth(&token)
        .json(&json!({"survey_id": survey.id, "score": 9}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = stored["response"]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        counted(a, &token).await,
        1,
        "counted at once where it was stored"
    );
    let took = until_counted(b, &token, 1, Duration::from_secs(1)).await;
    eprintln!("stored on A, counted on B after {took:?}");

    let deleted = crate::helpers::http()
        .build()
        .unwrap()
        .delete(format!("http://{a}/api/v1/responses/{id}"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    assert_eq!(
        counted(a, &token).await,
        0,
        "uncounted at once where it was deleted"
    );
    let took = until_counted(b, &token, 0, Duration::from_secs(2)).await;
    eprintln!("deleted on A, uncounted on B after {took:?}");

    // What customers do counts the same way: page views stored on A count on B within 1 s.
    assert_eq!(counted_of(b, &token, "page_views").await, 0);
    let stored = crate::helpers::http()
        .build()
        .unwrap()
        .post(format!("http://{a}/api/v1/events"))
        .bearer_auth(&token)
        .json(&json!({"events": [
            {"type": "page_view", "url": "https://shop.example/", "session_id": "s1", "visitor_id": "v1"},
            {"type": "page_view", "url": "https://shop.example/bara-brith", "session_id": "s1", "visitor_id": "v1"}
        ]}))
        .send()
        .await
        .unwrap();
    assert_eq!(stored.status(), 201, "{}", stored.text().await.unwrap());
    assert_eq!(counted_of(a, &token, "page_views").await, 2);
    let took = until_counted_of(b, &token, "page_views", 2, Duration::from_secs(1)).await;
    eprintln!("events stored on A, counted on B after {took:?}");
    drop(setup);
    db.drop_database().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_nodes_outboxes_send_each_invitation_once_on_postgres() {
    let Some((store, db)) = fresh_postgres().await else {
        return;
    };
    let url = db.url();
    let setup = TestApp::spawn(store.clone()).await;
    let (ws, _) = setup.workspace("becws", "owner@becws.example").await;
    let survey = crate::surveys_ui::live_nps(&setup, &ws).await;
    let token = setup.api_token("becws", TokenScope::Write).await;
    let sink = crate::smtp_sink::SmtpSink::start().await;
    let dir = crate::helpers::scratch_path("taith-nodes-");
    let smtp = sink.url();
    let mail = [
        "--smtp-url",
        &smtp,
        "--mail-from",
        "Becws <adborth@becws.example>",
    ];
    let (_a, a) = node_with(&url, &dir.join("a"), &mail).await;
    let (_b, b) = node_with(&url, &dir.join("b"), &mail).await;

    // Invitations made on both nodes at once: each wakes its own outbox, and both outboxes see
    // every invitation in the shared store.
    const EACH: usize = 40;
    let invite = |addr: SocketAddr, side: &'static str| {
        let token = token.clone();
        async move {
            let customers: Vec<Value> = (0..EACH)
                .map(|i| json!({"email": format!("{side}{i}@customers.example")}))
                .collect();
            let answer = crate::helpers::http()
                .build()
                .unwrap()
                .post(format!(
                    "http://{addr}/api/v1/surveys/{}/invitations",
                    survey.id
                ))
                .bearer_auth(&token)
                .json(&json!({"customers": customers, "reminder_days": 0}))
                .send()
                .await
                .unwrap();
            assert_eq!(answer.status(), 201, "{}", answer.text().await.unwrap());
        }
    };
    tokio::join!(invite(a, "a"), invite(b, "b"));

    let received = sink.wait_for(2 * EACH).await;
    // Both outboxes keep running for a while longer: nothing more may arrive.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let received = if sink.received().len() > received.len() {
        sink.received()
    } else {
        received
    };
    let mut to: Vec<String> = received.iter().flat_map(|m| m.rcpt_to.clone()).collect();
    to.sort();
    let mut once = to.clone();
    once.dedup();
    assert_eq!(
        to.len(),
        once.len(),
        "an e-mail went out twice: {} sent for {} addresses",
        to.len(),
        once.len()
    );
    assert_eq!(once.len(), 2 * EACH);
    drop(setup);
    db.drop_database().await;
    let _ = std::fs::remove_dir_all(dir);
}
