//! Social mentions, on both stores: a connector's batch stored once (a post sent again is not
//! counted twice), every bad field named by its place, the language and sentiment read in the
//! six languages, another workspace's mentions never counted, the Mentions page in six
//! locales with the post's link shown and never followed, a viewer kept to the figures, and an
//! alert rule on mentions firing on a spike.

use crate::helpers::{TestApp, fresh_postgres, fresh_sqlite};
use crate::webhooks::{app_with, test_hooks};
use reqwest::Method;
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use taith_domain::{Role, TokenScope};
use taith_store::SharedStore;

macro_rules! on_both_stores {
    ($($behaviour:ident),* $(,)?) => {
        pastey::paste! {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_sqlite>]() {
                    let (store, dir) = fresh_sqlite().await;
                    $behaviour(store).await;
                    let _ = std::fs::remove_dir_all(dir);
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_postgres>]() {
                    let Some((store, db)) = fresh_postgres().await else {
                        return;
                    };
                    $behaviour(store).await;
                    db.drop_database().await;
                }
            )*
        }
    };
}

on_both_stores!(
    mentions_are_stored_once_scored_and_counted_per_workspace,
    the_mentions_page_shows_figures_and_posts_in_six_languages,
    a_spike_of_mentions_fires_an_alert_rule,
);

async fn api(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (u16, Value) {
    app.browser().api(method, path, token, body).await
}

fn fields_of(body: &Value) -> Vec<String> {
    body["error"]["details"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| d["field"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn count_of(list: &Value, key: &str) -> u64 {
    list.as_array()
        .and_then(|a| a.iter().find(|c| c["key"] == key))
        .and_then(|c| c["count"].as_u64())
        .unwrap_or(0)
}

async fn mentions_are_stored_once_scored_and_counted_per_workspace(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    app.workspace("listen", "owner@listen.test").await;
    app.workspace("other", "owner@other.test").await;
    let write = app.api_token("listen", TokenScope::Write).await;
    let read = app.api_token("listen", TokenScope::Read).await;
    let theirs = app.api_token("other", TokenScope::Write).await;

    let batch = json!({"mentions": [
        {"source": "Facebook", "external_id": "p1", "url": "https://facebook.example/p/1",
         "author": "Cerys", "text": "The best bara brith in Cardiff, lovely staff, wonderful!"},
        {"source": "google_reviews", "external_id": "r1",
         "text": "Terrible service, awful wait, rude and disappointing."},
        {"source": "x", "text": "Bara gwych a staff hyfryd, diolch yn fawr iawn!", "locale": "cy"},
        {"source": "x", "text": "Huduma mbaya sana, nimechukizwa na kusubiri kwa muda mrefu."},
    ]});
    let (status, body) = api(
        &app,
        Method::POST,
        "/api/v1/mentions",
        &write,
        Some(batch.clone()),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body, json!({"received": 4, "stored": 4}));

    // The same posts again: the two with an external id are not counted twice.
    let (status, body) = api(&app, Method::POST, "/api/v1/mentions", &write, Some(batch)).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body, json!({"received": 4, "stored": 2}), "{body}");

    // A read token may not post; a bad batch is refused whole, each field named.
    let (status, _) = api(
        &app,
        Method::POST,
        "/api/v1/mentions",
        &read,
        Some(json!({"mentions": [{"source": "x", "text": "hi"}]})),
    )
    .await;
    assert_eq!(status, 403);
    let bad = json!({"mentions": [
        {"source": "x", "text": "fine"},
        {"source": "face book", "text": "", "url": "javascript:alert(1)",
         "posted_at": "2999-01-01T00:00:00Z", "locale": "zz"},
    ]});
    let (status, body) = api(&app, Method::POST, "/api/v1/mentions", &write, Some(bad)).await;
    assert_eq!(status, 422, "{body}");
    let fields = fields_of(&body);
    for f in [
        "mentions[1].source",
        "mentions[1].text",
        "mentions[1].url",
        "mentions[1].posted_at",
        "mentions[1].locale",
    ] {
        assert!(fields.iter().any(|x| x == f), "{f} not in {fields:?}");
    }
    let (status, body) = api(
        &app,
        Method::POST,
        "/api/v1/mentions",
        &write,
        Some(json!({"mentions": []})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let (status, _) = api(
        &app,
        Method::POST,
        "/api/v1/mentions",
        &write,
        Some(json!({"mentions": "no"})),
    )
    .await;
    assert_eq!(status, 400);

    // Another workspace posts its own; ours are not theirs.
    let (status, _) = api(
        &app,
        Method::POST,
        "/api/v1/mentions",
        &theirs,
        Some(json!({"mentions": [{"source": "instagram", "text": "Hello from elsewhere"}]})),
    )
    .await;
    assert_eq!(status, 201);

    let (status, body) = api(&app, Method::GET, "/api/v1/mentions?period=7d", &read, None).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["total"], 6, "{body}");
    assert_eq!(count_of(&body["by_source"], "x"), 4, "{body}");
    assert_eq!(count_of(&body["by_source"], "facebook"), 1, "{body}");
    assert_eq!(count_of(&body["by_source"], "instagram"), 0, "{body}");
    assert_eq!(body["by_day"].as_array().unwrap().len(), 7, "{body}");
    let latest = body["latest"].as_array().unwrap();
    assert_eq!(latest.len(), 6);
    let by_text = |needle: &str| {
        latest
            .iter()
            .find(|m| m["text"].as_str().unwrap_or_default().contains(needle))
            .cloned()
            .unwrap_or(Value::Null)
    };
    let praise = by_text("best bara brith");
    assert_eq!(praise["language"], "en", "{praise}");
    assert_eq!(praise["sentiment"], "positive", "{praise}");
    assert_eq!(praise["url"], "https://facebook.example/p/1");
    assert_eq!(by_text("Terrible service")["sentiment"], "negative");
    assert_eq!(by_text("Bara gwych")["language"], "cy");
    assert_eq!(by_text("Huduma mbaya")["language"], "sw");
    // Negative share with its interval, over the scored mentions.
    let neg = &body["negative"];
    assert!(neg["n"].as_u64().unwrap() >= 4, "{body}");
    assert!(neg["low"].as_f64().unwrap() <= neg["percent"].as_f64().unwrap());
    assert!(neg["percent"].as_f64().unwrap() <= neg["high"].as_f64().unwrap());

    // A reversed period is the client's mistake, named.
    let (status, body) = api(
        &app,
        Method::GET,
        "/api/v1/mentions?period=custom&from=2026-03-08&to=2026-03-01",
        &read,
        None,
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(fields_of(&body), vec!["to"]);
}

async fn the_mentions_page_shows_figures_and_posts_in_six_languages(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("gwrando", "owner@gwrando.test").await;
    app.member(&ws, "viewer@gwrando.test", Role::Viewer).await;
    let write = app.api_token("gwrando", TokenScope::Write).await;
    let (status, body) = api(&app, Method::POST, "/api/v1/mentions", &write, Some(json!({"mentions": [
        {"source": "google_reviews", "external_id": "g1", "url": "https://reviews.example/becws/1",
         "author": "Siôn", "text": "Bara brith gorau yng Nghymru!"},
        {"source": "tiktok-ish", "text": "<script>alert(1)</script> lovely cakes"},
    ]}))).await;
    assert_eq!(status, 201, "{body}");

    let owner = app.signed_in("owner@gwrando.test").await;
    for lang in ["en", "cy", "ms", "sw", "ar", "vi"] {
        let page = owner.get(&format!("/w/gwrando/mentions?lang={lang}")).await;
        assert_eq!(page.status, 200, "{lang}");
        let text = page.text();
        assert!(text.contains("Bara brith gorau yng Nghymru!"), "{lang}");
        // A key shown instead of its words ("mentions-count") would be between tags.
        let missing = text
            .find(">mentions-")
            .map(|i| &text[i.saturating_sub(80)..(i + 40).min(text.len())]);
        assert!(missing.is_none(), "a missing string in {lang}: {missing:?}");
        // The link is shown for a person to follow, never fetched, and marked as theirs.
        assert!(
            text.contains(
                r#"href="https://reviews.example/becws/1" rel="nofollow noopener noreferrer ugc""#
            ),
            "{lang}"
        );
        // A source taith has no name for is shown as sent.
        assert!(text.contains("tiktok-ish"), "{lang}");
    }
    let en = owner.get("/w/gwrando/mentions?lang=en").await;
    assert!(en.text().contains("Google reviews"));
    assert!(en.text().contains("Mentions per day"), "the chart is drawn");
    assert!(!en.body.contains("<script>alert(1)"), "the text is escaped");
    // The tab sits beside comments and themes.
    assert!(en.body.contains(r#"/w/gwrando/mentions?"#));
    let comments = owner.get("/w/gwrando/comments").await;
    assert!(comments.body.contains("/w/gwrando/mentions?"));
    // One source's posts only.
    let one = owner.get("/w/gwrando/mentions?source=tiktok-ish").await;
    assert!(!one.text().contains("Bara brith gorau"));

    // A viewer sees how often, not what people wrote.
    let viewer = app.signed_in("viewer@gwrando.test").await;
    let page = viewer.get("/w/gwrando/mentions").await;
    assert_eq!(page.status, 200);
    assert!(!page.text().contains("Bara brith gorau"));
}

async fn a_spike_of_mentions_fires_an_alert_rule(store: SharedStore) {
    let app = app_with(store.clone(), test_hooks(&[10])).await;
    app.workspace("spike", "owner@spike.test").await;
    let write = app.api_token("spike", TokenScope::Write).await;
    let (status, body) = api(
        &app,
        Method::POST,
        "/api/v1/alerts",
        &write,
        Some(json!({
            "name": "Mentions spike", "kind": "change", "metric": "mentions",
            "direction": "up", "period_days": 7
        })),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let id = body["alert"]["id"].as_str().unwrap().to_owned();
    // Mentions are the workspace's: a touchpoint scope is refused by name.
    let (status, body) = api(
        &app,
        Method::POST,
        "/api/v1/alerts",
        &write,
        Some(json!({
            "name": "x", "kind": "change", "metric": "mentions", "direction": "up",
            "scope": "journey", "scope_id": "00000000-0000-0000-0000-000000000000"
        })),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(fields_of(&body).contains(&"scope".to_owned()), "{body}");

    // 3 mentions last week, 40 this week: Δ = 37 > 1.96 √43 ≈ 12.9.
    let now = taith_domain::now();
    let at = |days: i64, n: i64| {
        (now - time::Duration::days(days) - time::Duration::minutes(n))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap()
    };
    let mut posts: Vec<Value> = (0..3)
        .map(|n| json!({"source": "x", "text": "A quiet week", "posted_at": at(9, n)}))
        .collect();
    posts.extend(
        (0..40)
            .map(|n| json!({"source": "instagram", "text": "That video!", "posted_at": at(1, n)})),
    );
    let (status, body) = api(
        &app,
        Method::POST,
        "/api/v1/mentions",
        &write,
        Some(json!({"mentions": posts})),
    )
    .await;
    assert_eq!(status, 201, "{body}");

    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (status, body) = api(
            &app,
            Method::GET,
            &format!("/api/v1/alerts/{id}/firings"),
            &write,
            None,
        )
        .await;
        assert_eq!(status, 200, "{body}");
        if let Some(f) = body["firings"].as_array().and_then(|a| a.first()) {
            assert_eq!(f["value"], 40.0, "{f}");
            assert_eq!(f["previous"], 3.0, "{f}");
            break;
        }
        assert!(Instant::now() < deadline, "the spike did not fire: {body}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
