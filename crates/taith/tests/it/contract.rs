//! The API's contract as the OpenAPI document states it, pinned where contract fuzzing
//! (`scripts/schemathesis.sh`) found the document and the API apart: the statuses a session's
//! request can get, and a viewer reading responses.

use crate::helpers::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

async fn document(app: &TestApp) -> Value {
    crate::helpers::http()
        .build()
        .unwrap()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Whether the document gives `status` for the operation `method path`.
fn documents(doc: &Value, method: &str, path: &str, status: u16) -> bool {
    doc["paths"][path][method]["responses"]
        .get(status.to_string())
        .is_some()
}

fn error_code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn a_viewer_reading_responses_gets_a_documented_403() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("alpha", "owner@alpha.example").await;
    app.member(&ws, "viewer@alpha.example", taith_domain::Role::Viewer)
        .await;
    app.member(&ws, "analyst@alpha.example", taith_domain::Role::Analyst)
        .await;
    let doc = document(&app).await;

    let viewer = app.signed_in("viewer@alpha.example").await;
    let (s, body) = viewer
        .api_as_member(Method::GET, "/api/v1/responses", "alpha", None, None)
        .await;
    assert_eq!((s, error_code(&body)), (403, "forbidden"), "{body}");
    assert!(documents(&doc, "get", "/api/v1/responses", 403));

    let analyst = app.signed_in("analyst@alpha.example").await;
    let (s, body) = analyst
        .api_as_member(Method::GET, "/api/v1/responses", "alpha", None, None)
        .await;
    assert_eq!(s, 200, "{body}");
}

#[tokio::test]
async fn a_session_is_a_documented_way_in_and_its_refusals_are_documented() {
    let app = TestApp::on_sqlite().await;
    app.workspace("alpha", "owner@alpha.example").await;
    app.workspace("beta", "owner@beta.example").await;
    let doc = document(&app).await;

    let scheme = &doc["components"]["securitySchemes"]["session"];
    assert_eq!(
        (&scheme["type"], &scheme["in"], &scheme["name"]),
        (&json!("apiKey"), &json!("cookie"), &json!("taith_session"))
    );
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            // Mail providers post inbound mail signed with the workspace's inbound secret
            // (X-Taith-Signature), not with a token or a session: documented as open, with its
            // 401 for a bad signature.
            if path.starts_with("/api/v1/inbound/email/") {
                assert!(op["security"].is_null(), "{method} {path}");
                assert!(documents(&doc, method, path, 401), "{method} {path}");
                continue;
            }
            assert_eq!(
                op["security"],
                json!([{"bearer": []}, {"session": []}]),
                "{method} {path}"
            );
        }
    }

    let b = app.signed_in("owner@alpha.example").await;
    let (s, body) = b
        .api_as_member(Method::GET, "/api/v1/workspace", "alpha", None, None)
        .await;
    assert_eq!(s, 200, "{body}");
    assert_eq!(body["workspace"]["slug"], "alpha");

    // Another workspace, existing or not, is not found; both are documented.
    for slug in ["beta", "gamma"] {
        for (path, method) in [
            ("/api/v1/workspace", Method::GET),
            ("/api/v1/personas", Method::GET),
            ("/api/v1/metrics", Method::GET),
        ] {
            let (s, body) = b
                .api_as_member(method.clone(), path, slug, None, None)
                .await;
            assert_eq!((s, error_code(&body)), (404, "not_found"), "{path} {body}");
            assert!(documents(&doc, "get", path, 404), "{path}: 404");
        }
    }

    // No workspace named: 400, documented.
    let page = b
        .send_with(Method::GET, "/api/v1/workspace", &[], None)
        .await;
    assert_eq!(page.status, 400, "{}", page.body);
    assert!(documents(&doc, "get", "/api/v1/workspace", 400));

    // A change without the session's CSRF token: 403, documented.
    let (s, body) = b
        .api_as_member(
            Method::POST,
            "/api/v1/personas",
            "alpha",
            None,
            Some(json!({"name": "Commuter"})),
        )
        .await;
    assert_eq!((s, error_code(&body)), (403, "csrf_failed"), "{body}");
    assert!(documents(&doc, "post", "/api/v1/personas", 403));
}

#[tokio::test]
async fn a_paging_parameter_given_twice_is_a_documented_400_not_the_first_page() {
    let app = TestApp::on_sqlite().await;
    app.workspace("alpha", "owner@alpha.example").await;
    let t = app
        .api_token("alpha", taith_domain::TokenScope::Write)
        .await;
    let b = app.browser();
    for name in ["One", "Two", "Three"] {
        let (s, body) = b
            .api(
                Method::POST,
                "/api/v1/personas",
                &t,
                Some(json!({"name": name})),
            )
            .await;
        assert_eq!(s, 201, "{body}");
    }
    let (s, first) = b
        .api(Method::GET, "/api/v1/personas?limit=1", &t, None)
        .await;
    assert_eq!(s, 200, "{first}");
    let cursor = first["next_cursor"].as_str().unwrap().to_owned();
    let doc = document(&app).await;
    for query in [
        format!("cursor={cursor}&cursor={cursor}"),
        "limit=1&limit=2".to_owned(),
    ] {
        let (s, body) = b
            .api(Method::GET, &format!("/api/v1/personas?{query}"), &t, None)
            .await;
        assert_eq!(
            (s, error_code(&body)),
            (400, "bad_request"),
            "{query}: {body}"
        );
    }
    assert!(documents(&doc, "get", "/api/v1/personas", 400));
}
