//! Web figures: hand-worked bounce, conversion, error and zero-result rates over HTTP on both
//! stores, events stored straight into the store counted within a second, the dashboard
//! page (figures, zero-result searches shown as text, period control, six locales).

use crate::helpers::{TestApp, fresh_postgres, fresh_sqlite};
use reqwest::Method;
use serde_json::Value;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use taith_domain::{Event, EventDetail, Locale, TokenScope, WorkspaceId};
use taith_store::{EventToStore, SharedStore};

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
    hand_worked_web_figures_match_over_http,
    an_event_stored_by_another_process_counts_within_a_second,
    the_web_dashboard_shows_the_figures_and_searches_as_text,
);

const XSS_QUERY: &str = "<script>alert('q')</script>";
const XSS_PAGE: &str = "/p/<img src=x onerror=alert(1)>";

fn at(minutes: i64) -> time::OffsetDateTime {
    time::macros::datetime!(2026-03-02 09:00 UTC) + time::Duration::minutes(minutes)
}

fn ev(minutes: i64, session: &str, visitor: &str, detail: EventDetail, path: &str) -> Event {
    let mut attributes = BTreeMap::new();
    if session == "s2" {
        attributes.insert(
            "referrer".to_owned(),
            "https://news.example/story".to_owned(),
        );
    }
    Event {
        detail,
        visitor_id: Some(visitor.to_owned()),
        session_id: Some(session.to_owned()),
        url: Some(format!("https://shop.example{path}")),
        locale: Some(Locale::En),
        attributes,
        ..Event::page_view(at(minutes))
    }
}

/// Five sessions, worked by hand: s1 bounces (one page view); s2 views two pages and orders;
/// s3 views a page, searches without results and hits an error; s4 searches (with results)
/// and completes a task, without a page view; s5 views a page, fails a task and subscribes.
/// Bounce 1/4 = 25 %; conversion 2/5 = 40 % (`order` 1/5 = 20 %); error 1/5 = 20 %; zero-
/// result searches 1/2 = 50 %; task success 1/2 = 50 %; 3 visitors; 5 page views.
fn hand_worked() -> Vec<Event> {
    use EventDetail::*;
    let search = |q: &str, n: u32| Search {
        query: q.to_owned(),
        result_count: Some(n),
    };
    let task = |ok: bool| Task {
        name: "return".to_owned(),
        success: ok,
        duration_ms: None,
    };
    let goal = |g: &str| Conversion {
        goal: g.to_owned(),
        value: None,
    };
    vec![
        ev(0, "s1", "v1", PageView, "/"),
        ev(1, "s2", "v1", PageView, "/"),
        ev(1, "s3", "v2", PageView, XSS_PAGE),
        ev(2, "s2", "v1", PageView, "/cart"),
        ev(2, "s3", "v2", search(XSS_QUERY, 0), "/search"),
        ev(
            3,
            "s3",
            "v2",
            Error {
                kind: "TypeError".to_owned(),
            },
            "/",
        ),
        ev(3, "s4", "v3", task(true), "/"),
        ev(4, "s4", "v3", search("boots", 7), "/search"),
        ev(5, "s2", "v1", goal("order"), "/cart"),
        ev(10, "s5", "v3", PageView, "/cart"),
        ev(11, "s5", "v3", task(false), "/"),
        ev(12, "s5", "v3", goal("newsletter"), "/"),
    ]
}

async fn workspace(app: &TestApp, slug: &str) -> WorkspaceId {
    app.workspace(slug, &format!("owner@{slug}.test"))
        .await
        .0
        .id
}

async fn store_events(store: &SharedStore, ws: WorkspaceId, events: &[Event]) {
    let batch: Vec<EventToStore> = events
        .iter()
        .map(|e| EventToStore {
            workspace_id: ws,
            event: e.clone(),
        })
        .collect();
    store.insert_events(&batch).await.unwrap();
}

async fn figure(app: &TestApp, token: &str, query: &str) -> (u16, Value) {
    app.browser()
        .api(
            Method::GET,
            &format!("/api/v1/metrics?{query}"),
            token,
            None,
        )
        .await
}

/// Asks until the ungrouped figure's `n` is `n` (the app tails the store), within `within`.
async fn until_n(app: &TestApp, token: &str, query: &str, n: u64, within: Duration) -> Value {
    let deadline = Instant::now() + within;
    loop {
        let (status, body) = figure(app, token, query).await;
        assert_eq!(status, 200, "{query}: {body}");
        if body["groups"][0]["n"] == n {
            return body;
        }
        assert!(
            Instant::now() < deadline,
            "{query}: n stayed {} (wanted {n})",
            body["groups"][0]["n"]
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn hand_worked_web_figures_match_over_http(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, "webfig").await;
    store_events(&store, ws, &hand_worked()).await;
    let token = app.api_token("webfig", TokenScope::Read).await;
    let bounce = until_n(
        &app,
        &token,
        "metric=bounce_rate",
        4,
        Duration::from_secs(10),
    )
    .await;
    let g = &bounce["groups"][0];
    assert_eq!(g["value"], 25.0, "{bounce}");
    assert_eq!(g["count"], 1);
    assert_eq!(g["small_sample"], true);
    assert!(g["ci95"][0].as_f64().unwrap() < 25.0 && g["ci95"][1].as_f64().unwrap() > 25.0);
    let expect = [
        ("metric=conversion_rate", 5, Some(40.0)),
        ("metric=conversion_rate&goal=order", 5, Some(20.0)),
        ("metric=error_rate", 5, Some(20.0)),
        ("metric=search_zero_result_rate", 2, Some(50.0)),
        ("metric=task_success_rate", 2, Some(50.0)),
        ("metric=visitors", 3, Some(3.0)),
        ("metric=page_views", 5, Some(5.0)),
        ("metric=session_duration", 5, None),
    ];
    for (query, n, value) in expect {
        let (status, body) = figure(&app, &token, query).await;
        assert_eq!(status, 200, "{query}: {body}");
        assert_eq!(body["groups"][0]["n"], n, "{query}: {body}");
        if let Some(v) = value {
            assert_eq!(body["groups"][0]["value"], v, "{query}: {body}");
        }
    }
    // Lengths 0, 240, 120, 60 and 120 s: mean 108, median 120.
    let (_, d) = figure(&app, &token, "metric=session_duration").await;
    assert_eq!(d["groups"][0]["value"], 108.0, "{d}");
    assert_eq!(d["groups"][0]["median"], 120.0, "{d}");
    // Grouped: page views by page, visitors by source.
    let (_, pages) = figure(&app, &token, "metric=page_views&by=page").await;
    let by_page: Vec<(String, u64)> = pages["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["key"]["page"].as_str().unwrap().to_owned(),
                g["n"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        by_page,
        vec![
            ("/".to_owned(), 2),
            ("/cart".to_owned(), 2),
            (XSS_PAGE.to_owned(), 1)
        ]
    );
    let (_, sources) = figure(&app, &token, "metric=visitors&by=source").await;
    assert_eq!(
        sources["groups"][1]["key"]["source"], "news.example",
        "{sources}"
    );
    // Filters and periods as for the survey metrics.
    let (_, cart) = figure(&app, &token, "metric=bounce_rate&where=page:/cart").await;
    assert_eq!(cart["groups"][0]["n"], 2, "{cart}");
    let (_, none) = figure(
        &app,
        &token,
        "metric=bounce_rate&from=2026-03-03&to=2026-03-09",
    )
    .await;
    assert_eq!(none["groups"][0]["n"], 0, "{none}");
    // Questions the figures do not answer are the client's mistake, named.
    for bad in [
        "metric=bounce_rate&by=page",
        "metric=bounce_rate&goal=order",
        "metric=bounce_rate&by=plan",
        "metric=page_views&from=2026-13-01",
    ] {
        let (status, body) = figure(&app, &token, bad).await;
        assert_eq!(status, 422, "{bad}: {body}");
    }
}

async fn an_event_stored_by_another_process_counts_within_a_second(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, "webtail").await;
    store_events(&store, ws, &hand_worked()).await;
    let token = app.api_token("webtail", TokenScope::Read).await;
    until_n(
        &app,
        &token,
        "metric=page_views",
        5,
        Duration::from_secs(10),
    )
    .await;
    // Written straight into the store, as another node would: counted within a second.
    let mut one = ev(30, "s9", "v9", EventDetail::PageView, "/late");
    one.occurred_at = at(30);
    store_events(&store, ws, &[one]).await;
    until_n(
        &app,
        &token,
        "metric=page_views",
        6,
        Duration::from_millis(1_000),
    )
    .await;
}

async fn the_web_dashboard_shows_the_figures_and_searches_as_text(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&app, "webpage").await;
    store_events(&store, ws, &hand_worked()).await;
    let token = app.api_token("webpage", TokenScope::Read).await;
    until_n(
        &app,
        &token,
        "metric=page_views",
        5,
        Duration::from_secs(10),
    )
    .await;
    let b = app.signed_in("owner@webpage.test").await;
    let period = "period=custom&from=2026-03-01&to=2026-03-05";
    let page = b
        .get(&format!(
            "/w/webpage/web?{period}&step=page:/&step=page:/cart&step=goal:order"
        ))
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    let text = page.text();
    for shown in [
        "Web behaviour",
        "Bounce rate",
        "25.0 %",
        "Searches without results",
        "boots",
        "news.example",
        "order",
        "Conversion funnel",
    ] {
        assert!(text.contains(shown), "{shown} missing from {text}");
    }
    // Customers' text is shown as text, never as markup.
    assert!(!page.body.contains("<script>alert"), "{}", page.body);
    assert!(!page.body.contains("<img src=x"), "{}", page.body);
    assert!(page.body.contains("&lt;script&gt;alert") || page.body.contains("&#60;script"));
    assert!(text.contains(XSS_QUERY), "{text}");
    // Another period: nothing counted.
    let empty = b
        .get("/w/webpage/web?period=custom&from=2026-04-01&to=2026-04-05")
        .await;
    assert!(empty.text().contains("No web events in this period yet"));
    // The navigation links to it; six locales, Arabic right to left.
    assert!(page.body.contains("href=\"/w/webpage/web\""));
    for (tag, title) in [
        ("cy", "Ymddygiad ar y we"),
        ("ms", "Tingkah laku web"),
        ("sw", "Tabia kwenye wavuti"),
        ("ar", "السلوك على الويب"),
        ("vi", "Hành vi trên web"),
    ] {
        let other = app.signed_in("owner@webpage.test").await;
        *other.accept_language.lock().unwrap() = Some(tag.to_owned());
        let p = other.get(&format!("/w/webpage/web?{period}")).await;
        assert_eq!(p.status, 200);
        assert!(p.text().contains(title), "{tag}: {}", p.text());
        if tag == "ar" {
            assert!(p.body.contains("dir=\"rtl\""), "{}", p.body);
            assert!(p.body.contains("class=\"chart\" dir=\"ltr\""));
        }
    }
}
