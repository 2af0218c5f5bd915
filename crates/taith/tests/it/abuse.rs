//! Public endpoints under abuse: per-client rate limits that forged forwarding headers do not
//! escape, body and field limits, slow clients that time out without starving others, and
//! load shed with a quick 503.

use crate::helpers::{TestApp, fresh_sqlite};
use crate::surveys_ui::{hidden, live_nps};
use std::time::Duration;
use taith_web::WebConfig;
use taith_web::http::limits::{Limits, Quota};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

async fn app_with(limits: Limits) -> TestApp {
    let config = WebConfig {
        limits,
        ..Default::default()
    };
    TestApp::spawn_with(fresh_sqlite().await.0, config).await
}

fn client() -> reqwest::Client {
    crate::helpers::http()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A sign-in attempt (without the form's token: attackers do not bother either), from the
/// address `forwarded` claims when given.
async fn sign_in_attempt(app: &TestApp, forwarded: Option<&str>) -> reqwest::Response {
    let mut r = client()
        .post(app.url("/login"))
        .header("accept-language", "cy")
        .form(&[("email", "owner@becws.example"), ("password", "guess")]);
    if let Some(f) = forwarded {
        r = r.header("x-forwarded-for", f);
    }
    r.send().await.unwrap()
}

#[tokio::test]
async fn sign_in_is_limited_per_client_with_429_and_retry_after_in_the_visitors_language() {
    let app = app_with(Limits::default()).await;
    app.workspace("becws", "owner@becws.example").await;
    let burst = Limits::default().sign_ins.burst;
    for i in 0..burst {
        let r = sign_in_attempt(&app, None).await;
        assert_ne!(r.status(), 429, "attempt {i} is within the burst");
    }
    let refused = sign_in_attempt(&app, None).await;
    assert_eq!(refused.status(), 429);
    let retry: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "Retry-After {retry}");
    let body = refused.text().await.unwrap();
    assert!(body.contains("Gormod o ymdrechion"), "{body}");
    // The real owner's correct password is refused too until the wait is over: the limit is
    // on the address, which is what a guesser controls least.
    let b = app.browser();
    let page = b
        .post_raw(
            "/login",
            &[
                ("email", "owner@becws.example"),
                ("password", crate::helpers::PASSWORD),
            ],
        )
        .await;
    assert_eq!(page.status, 429);
}

#[tokio::test]
async fn forged_forwarding_headers_do_not_change_the_bucket() {
    // taith facing the internet itself: X-Forwarded-For is the client's own word.
    let direct = app_with(Limits {
        sign_ins: Quota::new(60, 2),
        ..Default::default()
    })
    .await;
    let statuses = [
        sign_in_attempt(&direct, Some("198.51.100.1"))
            .await
            .status(),
        sign_in_attempt(&direct, Some("198.51.100.2"))
            .await
            .status(),
        sign_in_attempt(&direct, Some("198.51.100.3"))
            .await
            .status(),
    ];
    assert_ne!(statuses[1], 429);
    assert_eq!(
        statuses[2], 429,
        "a new forged address is still the same peer"
    );

    // Behind one trusted proxy: the entry it appended names the client, whatever the client
    // wrote to the left of it.
    let proxied = app_with(Limits {
        trusted_proxies: 1,
        sign_ins: Quota::new(60, 2),
        ..Default::default()
    })
    .await;
    for forged in ["10.9.9.1", "10.9.9.2"] {
        let r = sign_in_attempt(&proxied, Some(&format!("{forged}, 203.0.113.5"))).await;
        assert_ne!(r.status(), 429);
    }
    let third = sign_in_attempt(&proxied, Some("10.9.9.3, 203.0.113.5")).await;
    assert_eq!(
        third.status(),
        429,
        "forged entries left of ours are ignored"
    );
    let other_client = sign_in_attempt(&proxied, Some("203.0.113.6")).await;
    assert_ne!(
        other_client.status(),
        429,
        "another client has its own bucket"
    );
    // A broken entry where the proxy's should be counts against the proxy itself.
    let broken = sign_in_attempt(&proxied, Some("not-an-address")).await;
    assert_ne!(broken.status(), 429);
}

#[tokio::test]
async fn public_submissions_are_limited_per_client() {
    let app = app_with(Limits {
        submissions: Quota::new(60, 5),
        ..Default::default()
    })
    .await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let path = format!("/s/{}", survey.public_id);
    let respondent = app.browser();
    let mut statuses = Vec::new();
    for _ in 0..7 {
        let page = respondent.get(&path).await;
        assert_eq!(page.status, 200, "showing the survey is not limited");
        let key = hidden(&page, "k");
        let sent = respondent
            .post_raw(
                &path,
                &[("csrf", &page.csrf()), ("k", &key), ("score", "9")],
            )
            .await;
        statuses.push(sent.status);
    }
    assert_eq!(statuses, [303, 303, 303, 303, 303, 429, 429]);
    let stored = app
        .store
        .responses(ws.id, Some(survey.id), taith_store::PageRequest::all())
        .await
        .unwrap();
    assert_eq!(stored.items.len(), 5, "refused submissions store nothing");
    // The API, whose callers are authenticated, is not limited per address.
    let token = app
        .api_token("becws", taith_domain::TokenScope::Write)
        .await;
    for i in 0..8 {
        let (status, body) = respondent
            .api(
                reqwest::Method::POST,
                "/api/v1/responses",
                &token,
                Some(serde_json::json!({
                    "survey_id": survey.id.to_string(),
                    "score": 7,
                    "client_id": format!("api-{i}"),
                })),
            )
            .await;
        assert!(status < 300, "{status} {body}");
    }
}

#[tokio::test]
async fn oversized_deep_and_long_inputs_get_clear_4xx_answers() {
    let app = TestApp::on_sqlite().await;
    app.workspace("becws", "owner@becws.example").await;
    let token = app
        .api_token("becws", taith_domain::TokenScope::Write)
        .await;
    let post = |path: &'static str, body: String| {
        let token = token.clone();
        let url = app.url(path);
        async move {
            let r = client()
                .post(url)
                .bearer_auth(token)
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16();
            let json: serde_json::Value = r.json().await.unwrap_or_default();
            (status, json)
        }
    };
    // Beyond the body limit.
    let huge = format!("{{\"name\":\"{}\"}}", "a".repeat(2 * 1024 * 1024));
    let (status, json) = post("/api/v1/personas", huge).await;
    assert_eq!(status, 413);
    assert_eq!(json["error"]["code"], "payload_too_large");
    // Nested far deeper than any document of ours: refused as unreadable, and the server
    // does not fall over on the way.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    for path in [
        "/api/v1/personas",
        "/api/v1/journeys/import",
        "/api/v1/responses",
    ] {
        let (status, json) = post(path, deep.clone()).await;
        assert_eq!(status, 400, "{path}: {json}");
        assert_eq!(json["error"]["code"], "bad_request");
    }
    let nested_in_a_field = format!(
        "{{\"name\":\"P\",\"goals\":{}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let (status, _) = post("/api/v1/personas", nested_in_a_field).await;
    assert_eq!(status, 400);
    // A field longer than its type allows is named, with its limit.
    let long_name = serde_json::json!({ "name": "a".repeat(100_000) }).to_string();
    let (status, json) = post("/api/v1/personas", long_name).await;
    assert_eq!(status, 422, "{json}");
    assert_eq!(json["error"]["details"][0]["field"], "name");
    // Still serving.
    let (status, _) = app
        .browser()
        .api(reqwest::Method::GET, "/api/v1/personas", &token, None)
        .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn creating_a_journey_through_the_api_refuses_huge_deep_and_long_bodies_clearly() {
    let app = TestApp::on_sqlite().await;
    app.workspace("becws", "owner@becws.example").await;
    let token = app
        .api_token("becws", taith_domain::TokenScope::Write)
        .await;
    let post = |body: String| {
        let token = token.clone();
        let url = app.url("/api/v1/journeys");
        async move {
            let r = client()
                .post(url)
                .bearer_auth(token)
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16();
            let json: serde_json::Value = r.json().await.unwrap_or_default();
            (status, json)
        }
    };
    // Over 1 MiB: 413, before the body is read.
    let (status, json) = post(format!("{{\"name\":\"{}\"}}", "a".repeat(1024 * 1024 + 1))).await;
    assert_eq!(status, 413, "{json}");
    assert_eq!(json["error"]["code"], "payload_too_large");
    // 100,000 levels of nesting: unreadable (400), and the server does not fall over.
    let (status, json) = post(format!(
        "{}{}",
        "{\"a\":".repeat(100_000),
        "}".repeat(100_000)
    ))
    .await;
    assert_eq!(status, 400, "{json}");
    assert_eq!(json["error"]["code"], "bad_request");
    let (status, json) = post(format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))).await;
    assert_eq!(status, 400, "{json}");
    // A name of 100,000 characters: 422, naming the field.
    let (status, json) = post(
        serde_json::json!({ "name": "a".repeat(100_000), "stage_model": "blank" }).to_string(),
    )
    .await;
    assert_eq!(status, 422, "{json}");
    assert_eq!(json["error"]["code"], "validation_failed");
    assert_eq!(json["error"]["details"][0]["field"], "name");
    assert_eq!(json["error"]["details"][0]["issue"], "too_long");
    // Still serving, and nothing was made.
    let (status, list) = app
        .browser()
        .api(reqwest::Method::GET, "/api/v1/journeys", &token, None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(list["journeys"], serde_json::json!([]));
}

/// Writes `head` and then one more header line every `every`, until the server closes the
/// connection; returns how long that took, or None if it never did within `give_up`.
async fn trickle_headers(
    addr: std::net::SocketAddr,
    every: Duration,
    give_up: Duration,
) -> Option<Duration> {
    let start = tokio::time::Instant::now();
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(b"GET /login HTTP/1.1\r\nHost: taith\r\n")
        .await
        .unwrap();
    let mut buf = [0u8; 512];
    while start.elapsed() < give_up {
        if s.write_all(b"X-Slow: y\r\n").await.is_err() {
            return Some(start.elapsed());
        }
        match tokio::time::timeout(every, s.read(&mut buf)).await {
            // Closed, reset, or an error answer before the connection goes.
            Ok(Ok(0) | Err(_)) => return Some(start.elapsed()),
            Ok(Ok(_)) => return Some(start.elapsed()),
            Err(_) => {}
        }
    }
    None
}

#[tokio::test]
async fn slow_clients_time_out_without_starving_others() {
    let app = app_with(Limits {
        header_read_timeout: Duration::from_secs(1),
        body_read_timeout: Duration::from_secs(2),
        ..Default::default()
    })
    .await;
    app.workspace("becws", "owner@becws.example").await;
    let addr = app.addr;
    // 300 slowloris connections, each sending one header line every 200 ms forever.
    let slow: Vec<_> = (0..300)
        .map(|_| {
            tokio::spawn(trickle_headers(
                addr,
                Duration::from_millis(200),
                Duration::from_secs(20),
            ))
        })
        .collect();
    // A slow body: the headers promise 1,000 bytes and one arrives every 200 ms.
    let slow_body = tokio::spawn(async move {
        let start = tokio::time::Instant::now();
        let mut s = TcpStream::connect(addr).await.unwrap();
        s.write_all(
            b"POST /login HTTP/1.1\r\nHost: taith\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=",
        )
        .await
        .unwrap();
        let mut buf = [0u8; 4096];
        while start.elapsed() < Duration::from_secs(20) {
            if s.write_all(b"a").await.is_err() {
                break;
            }
            match tokio::time::timeout(Duration::from_millis(200), s.read(&mut buf)).await {
                Ok(Ok(n)) if n > 0 => {
                    return Some(String::from_utf8_lossy(&buf[..n]).into_owned());
                }
                Ok(_) => return Some(String::new()),
                Err(_) => {}
            }
        }
        None
    });
    // Meanwhile everyone else is served.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let c = client();
    for _ in 0..20 {
        let r = c.get(app.url("/login")).send().await.unwrap();
        assert_eq!(r.status(), 200);
    }
    for (i, task) in slow.into_iter().enumerate() {
        let closed_after = task.await.unwrap();
        assert!(
            closed_after.is_some(),
            "slow connection {i} was still open after 20 s"
        );
    }
    let answer = slow_body
        .await
        .unwrap()
        .expect("slow body still open after 20 s");
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 4"),
        "a slow body gets a 4xx or the door: {answer}"
    );
}

#[tokio::test]
async fn beyond_the_requests_in_flight_new_ones_get_503_at_once() {
    let app = app_with(Limits {
        max_in_flight: 2,
        body_read_timeout: Duration::from_secs(3),
        ..Default::default()
    })
    .await;
    app.workspace("becws", "owner@becws.example").await;
    // Two sign-in forms that take their time to upload hold both places.
    let mut holders = Vec::new();
    for _ in 0..2 {
        let mut s = TcpStream::connect(app.addr).await.unwrap();
        s.write_all(
            b"POST /login HTTP/1.1\r\nHost: taith\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=",
        )
        .await
        .unwrap();
        holders.push(s);
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let c = client();
    let page = c
        .get(app.url("/login"))
        .header("accept-language", "ar")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 503);
    assert_eq!(page.headers()["retry-after"], "1");
    assert!(page.text().await.unwrap().contains("الخادم مشغول الآن"));
    let api = c.get(app.url("/api/v1/personas")).send().await.unwrap();
    assert_eq!(api.status(), 503);
    let json: serde_json::Value = api.json().await.unwrap();
    assert_eq!(json["error"]["code"], "unavailable");
    // Once the uploads are given up on, there is room again.
    drop(holders);
    let mut served = false;
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        if c.get(app.url("/login")).send().await.unwrap().status() == 200 {
            served = true;
            break;
        }
    }
    assert!(served, "the places were never given back");
}
