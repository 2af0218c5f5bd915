//! What every request gets whatever it asks: an id it can quote (taken from `x-request-id` or
//! made), shown on a 5xx; a declared body over the route's limit refused before it is sent;
//! and a query string that cannot be read refused rather than ignored.

use crate::helpers::{TestApp, fresh_sqlite};
use sqlx::Connection as _;
use std::time::Duration;
use taith_domain::TokenScope;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

fn client() -> reqwest::Client {
    crate::helpers::http()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

#[tokio::test]
async fn every_answer_carries_the_request_id_it_was_given_or_a_new_one() {
    let app = TestApp::on_sqlite().await;
    app.workspace("becws", "owner@becws.example").await;
    let token = app.api_token("becws", TokenScope::Read).await;
    let c = client();
    for path in [
        "/login",
        "/no/such/page",
        "/api/v1/personas",
        "/api/v1/nothing",
    ] {
        let given = c
            .get(app.url(path))
            .bearer_auth(&token)
            .header("x-request-id", "ticket-4711")
            .send()
            .await
            .unwrap();
        assert_eq!(given.headers()["x-request-id"], "ticket-4711", "{path}");
        let made = c
            .get(app.url(path))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        let id = made.headers()["x-request-id"].to_str().unwrap().to_owned();
        assert_eq!(id.len(), 32, "{path}: {id}");
        let again = c
            .get(app.url(path))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_ne!(again.headers()["x-request-id"], id.as_str(), "{path}");
    }
}

#[tokio::test]
async fn a_fault_of_ours_shows_the_request_id_in_the_api_body_and_on_the_page() {
    let (store, dir) = fresh_sqlite().await;
    let app = TestApp::spawn(store).await;
    app.workspace("becws", "owner@becws.example").await;
    let token = app.api_token("becws", TokenScope::Read).await;
    let browser = app.signed_in("owner@becws.example").await;
    // The personas table vanishes under the running server: every read of it is our fault.
    let mut db =
        sqlx::SqliteConnection::connect(&format!("sqlite://{}", dir.join("taith.db").display()))
            .await
            .unwrap();
    sqlx::query("PRAGMA foreign_keys = OFF")
        .execute(&mut db)
        .await
        .unwrap();
    sqlx::query("DROP TABLE personas")
        .execute(&mut db)
        .await
        .unwrap();
    let api = client()
        .get(app.url("/api/v1/personas"))
        .bearer_auth(&token)
        .header("x-request-id", "quote-api-1")
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 500);
    let body: serde_json::Value = api.json().await.unwrap();
    assert_eq!(body["error"]["code"], "internal");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("quote-api-1"), "{message}");
    assert!(!message.contains("personas"), "internals leaked: {message}");
    let page = browser
        .send_with(
            reqwest::Method::GET,
            "/w/becws/personas",
            &[("x-request-id", "quote-page-2")],
            None,
        )
        .await;
    assert_eq!(page.status, 500);
    let text = page.text();
    assert!(
        text.contains("quote this reference: quote-page-2"),
        "{text}"
    );
    assert!(!text.contains("no such table"), "{text}");
}

/// Sends only the head of a request declaring `length` bytes of body and reads the answer.
/// The body is never sent: an answer can only come from the declared length.
async fn head_only(
    app: &TestApp,
    token: &str,
    method_path: &str,
    content_type: &str,
    length: usize,
) -> String {
    let mut s = TcpStream::connect(app.addr).await.unwrap();
    let head = format!(
        "{method_path} HTTP/1.1\r\nHost: taith\r\nAuthorization: Bearer {token}\r\nContent-Type: {content_type}\r\nContent-Length: {length}\r\n\r\n"
    );
    s.write_all(head.as_bytes()).await.unwrap();
    let mut buf = vec![0; 4096];
    // A guard against hanging forever, not a timing assertion: without the check the server
    // would wait for the body until its body deadline and answer something else.
    let n = tokio::time::timeout(Duration::from_secs(60), s.read(&mut buf))
        .await
        .expect("no answer while the body was withheld")
        .unwrap();
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

#[tokio::test]
async fn a_declared_body_over_the_limit_gets_413_before_it_is_sent() {
    let app = TestApp::on_sqlite().await;
    app.workspace("becws", "owner@becws.example").await;
    // A valid token, so that nothing but the length can refuse the request early.
    let token = app.api_token("becws", TokenScope::Write).await;
    let json = "application/json";
    let form = "application/x-www-form-urlencoded";
    for (route, content_type, length) in [
        ("POST /api/v1/personas", json, taith_web::MAX_BODY_BYTES + 1),
        ("POST /api/v1/responses", json, 8 * 1024 * 1024 + 1),
        ("POST /login", form, 256 * 1024 + 1),
        ("POST /w/becws/personas", form, 50 * 1024 * 1024),
    ] {
        let answer = head_only(&app, &token, route, content_type, length).await;
        assert!(
            answer.starts_with("HTTP/1.1 413"),
            "{route} declaring {length} bytes: {answer}"
        );
    }
    let api = head_only(&app, &token, "POST /api/v1/personas", json, 10_000_000).await;
    assert!(api.contains("payload_too_large"), "{api}");
}

#[tokio::test]
async fn a_response_list_whose_query_cannot_be_read_is_a_400_naming_the_parameter() {
    let app = TestApp::on_sqlite().await;
    app.workspace("becws", "owner@becws.example").await;
    let token = app.api_token("becws", TokenScope::Read).await;
    let a = taith_domain::SurveyId::new();
    let b = taith_domain::SurveyId::new();
    let (status, body) = app
        .browser()
        .api(
            reqwest::Method::GET,
            &format!("/api/v1/responses?survey_id={a}&survey_id={b}"),
            &token,
            None,
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"]["code"], "bad_request");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("survey_id"), "{message}");
}
