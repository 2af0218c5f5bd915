//! The REST API over real HTTP: tokens and scopes, the journey lifecycle, the one error shape.

use crate::helpers::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

fn error_code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn a_write_token_builds_a_journey_through_the_api_and_its_history_records_each_save() {
    let app = TestApp::on_sqlite().await;
    app.workspace("alpha", "owner@alpha.example").await;
    let t = app
        .api_token("alpha", taith_domain::TokenScope::Write)
        .await;
    let b = app.browser();

    let (s, persona) = b
        .api(
            Method::POST,
            "/api/v1/personas",
            &t,
            Some(json!({"name": "Commuter", "needs": "Speed"})),
        )
        .await;
    assert_eq!(s, 201, "{persona}");
    let persona_id = persona["persona"]["id"].as_str().unwrap().to_owned();
    let (s, created) = b
        .api(Method::POST, "/api/v1/journeys", &t, Some(json!({"name": "Weekend order", "persona_id": persona_id, "stage_model": "seven_stage"})))
        .await;
    assert_eq!(s, 201, "{created}");
    let j = &created["journey"];
    assert_eq!(j["stages"].as_array().unwrap().len(), 7);
    assert_eq!(j["version"], 1);
    let jid = j["id"].as_str().unwrap().to_owned();
    let first_stage = j["stages"][0]["id"].as_str().unwrap().to_owned();

    let (s, stage) = b
        .api(
            Method::POST,
            &format!("/api/v1/journeys/{jid}/stages"),
            &t,
            Some(json!({"name": "Aftercare", "emotion": -1})),
        )
        .await;
    assert_eq!(s, 201, "{stage}");
    let (s, tp) = b
        .api(
            Method::POST,
            &format!("/api/v1/journeys/{jid}/touchpoints"),
            &t,
            Some(json!({"stage_id": first_stage, "name": "Instagram", "channel": "social", "owner": {"type": "team", "name": "Web shop"}, "moment_of_truth": true})),
        )
        .await;
    assert_eq!(s, 201, "{tp}");

    let (_, full) = b
        .api(Method::GET, &format!("/api/v1/journeys/{jid}"), &t, None)
        .await;
    let mut order: Vec<Value> = full["journey"]["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].clone())
        .collect();
    order.reverse();
    let (s, reordered) = b
        .api(
            Method::PUT,
            &format!("/api/v1/journeys/{jid}/stage_order"),
            &t,
            Some(json!({"stage_ids": order})),
        )
        .await;
    assert_eq!(s, 200, "{reordered}");
    let (_, full) = b
        .api(Method::GET, &format!("/api/v1/journeys/{jid}"), &t, None)
        .await;
    assert_eq!(full["journey"]["stages"][0]["name"], "Aftercare");
    assert_eq!(full["journey"]["version"], 4);
    assert_eq!(
        full["journey"]["touchpoints"][0]["owner"],
        json!({"type": "team", "name": "Web shop"})
    );

    let (s, list) = b
        .api(
            Method::GET,
            &format!("/api/v1/journeys/{jid}/revisions"),
            &t,
            None,
        )
        .await;
    assert_eq!(s, 200);
    let revisions = list["revisions"].as_array().unwrap();
    assert_eq!(revisions.len(), 4);
    assert!(list.get("next_cursor").is_some());
    let (s, v1) = b
        .api(
            Method::GET,
            &format!("/api/v1/journeys/{jid}/revisions/1"),
            &t,
            None,
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(
        v1["revision"]["journey"]["stages"]
            .as_array()
            .unwrap()
            .len(),
        7,
        "{v1}"
    );

    let (s, list) = b
        .api(Method::GET, "/api/v1/journeys?limit=1", &t, None)
        .await;
    assert_eq!(s, 200);
    assert_eq!(list["journeys"].as_array().unwrap().len(), 1);

    let (s, _) = b
        .api(Method::DELETE, &format!("/api/v1/journeys/{jid}"), &t, None)
        .await;
    assert_eq!(s, 204);
    let (s, gone) = b
        .api(Method::GET, &format!("/api/v1/journeys/{jid}"), &t, None)
        .await;
    assert_eq!((s, error_code(&gone)), (404, "not_found"));
}

#[tokio::test]
async fn credentials_and_scopes_are_checked_for_every_request() {
    let app = TestApp::on_sqlite().await;
    app.workspace("alpha", "owner@alpha.example").await;
    let read = app.api_token("alpha", taith_domain::TokenScope::Read).await;
    let b = app.browser();
    let (s, body) = b
        .api(
            Method::GET,
            "/api/v1/journeys",
            "taith_not-a-real-token",
            None,
        )
        .await;
    assert_eq!((s, error_code(&body)), (401, "unauthenticated"));
    let resp = crate::helpers::http()
        .build()
        .unwrap()
        .get(app.url("/api/v1/journeys"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    let (s, _) = b.api(Method::GET, "/api/v1/journeys", &read, None).await;
    assert_eq!(s, 200);
    let (s, body) = b
        .api(
            Method::POST,
            "/api/v1/journeys",
            &read,
            Some(json!({"name": "x"})),
        )
        .await;
    assert_eq!((s, error_code(&body)), (403, "forbidden"));
    let (s, body) = b
        .api(
            Method::PATCH,
            &format!("/api/v1/members/{}", taith_domain::UserId::new()),
            &read,
            Some(json!({"role": "owner"})),
        )
        .await;
    // A member the workspace does not have is looked up first: 404, as for another
    // workspace's member, whatever the token may do (docs/access.md).
    assert_eq!((s, error_code(&body)), (404, "not_found"), "{body}");
}

#[tokio::test]
async fn bad_input_gets_the_one_error_shape_with_field_details() {
    let app = TestApp::on_sqlite().await;
    app.workspace("alpha", "owner@alpha.example").await;
    let t = app
        .api_token("alpha", taith_domain::TokenScope::Write)
        .await;
    let b = app.browser();

    let (s, body) = b
        .api(
            Method::POST,
            "/api/v1/journeys",
            &t,
            Some(json!({"name": "", "stage_model": "nine_stage"})),
        )
        .await;
    // A readable body with values the API does not know: 422 naming the field.
    assert_eq!((s, error_code(&body)), (422, "validation_failed"), "{body}");
    let (s, body) = b
        .api(
            Method::POST,
            "/api/v1/journeys",
            &t,
            Some(json!({"name": "   "})),
        )
        .await;
    assert_eq!((s, error_code(&body)), (422, "validation_failed"), "{body}");
    assert_eq!(
        body["error"]["details"][0],
        json!({"field": "name", "issue": "required"})
    );

    // Fields a client must not set are refused, not obeyed.
    let (s, body) = b
        .api(
            Method::POST,
            "/api/v1/personas",
            &t,
            Some(json!({"name": "P", "workspace_id": taith_domain::WorkspaceId::new()})),
        )
        .await;
    // Unknown fields are refused as an unreadable body (400), never obeyed.
    assert_eq!((s, error_code(&body)), (400, "bad_request"), "{body}");

    // Malformed JSON: 400 with our shape, not axum's plain text.
    let resp = crate::helpers::http()
        .build()
        .unwrap()
        .post(app.url("/api/v1/personas"))
        .bearer_auth(&t)
        .header("content-type", "application/json")
        .body("{\"name\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(error_code(&body), "bad_request");

    // Over the documented 1 MiB limit: 413.
    let huge = json!({"name": "P", "description": "x".repeat(taith_web::MAX_BODY_BYTES + 10)});
    let (s, body) = b
        .api(Method::POST, "/api/v1/personas", &t, Some(huge))
        .await;
    assert_eq!((s, error_code(&body)), (413, "payload_too_large"), "{body}");

    // A malformed id is the same 404 as a missing one.
    let (s1, b1) = b
        .api(Method::GET, "/api/v1/journeys/not-an-id", &t, None)
        .await;
    let (s2, b2) = b
        .api(
            Method::GET,
            &format!("/api/v1/journeys/{}", taith_domain::JourneyId::new()),
            &t,
            None,
        )
        .await;
    assert_eq!((s1, &b1), (s2, &b2));
    assert_eq!(s1, 404);

    let (_, j) = b
        .api(
            Method::POST,
            "/api/v1/journeys",
            &t,
            Some(json!({"name": "J", "stage_model": "five_stage"})),
        )
        .await;
    let jid = j["journey"]["id"].as_str().unwrap();
    let (s, body) = b
        .api(
            Method::PUT,
            &format!("/api/v1/journeys/{jid}/stage_order"),
            &t,
            Some(json!({"stage_ids": []})),
        )
        .await;
    assert_eq!((s, error_code(&body)), (422, "validation_failed"));
    assert_eq!(body["error"]["details"][0]["field"], "stage_ids");
    let (s, body) = b
        .api(
            Method::PATCH,
            &format!("/api/v1/journeys/{jid}"),
            &t,
            Some(json!({"name": "J2", "version": 99})),
        )
        .await;
    assert_eq!((s, error_code(&body)), (409, "stale_version"), "{body}");
    let stage = j["journey"]["stages"][0]["id"].as_str().unwrap();
    let (s, body) = b
        .api(
            Method::POST,
            &format!("/api/v1/journeys/{jid}/touchpoints"),
            &t,
            Some(json!({"stage_id": stage, "name": "T", "channel": "carrier-pigeon"})),
        )
        .await;
    assert_eq!((s, error_code(&body)), (422, "validation_failed"), "{body}");
    assert_eq!(body["error"]["details"][0]["field"], "channel");
}

#[tokio::test]
async fn the_openapi_document_is_served_and_lists_every_api_route() {
    let app = TestApp::on_sqlite().await;
    let doc: Value = crate::helpers::http()
        .build()
        .unwrap()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for route in taith_web::route_table()
        .iter()
        .filter(|r| r.path.starts_with("/api/") && r.path != "/api/v1/openapi.json")
    {
        let op = &paths[route.path][route.method.to_lowercase()];
        assert!(
            op.is_object(),
            "{} {} is not documented",
            route.method,
            route.path
        );
    }
    assert!(paths.len() >= 15);
}

#[tokio::test]
async fn a_journey_exported_through_the_api_imports_whole() {
    let app = TestApp::on_sqlite().await;
    let creds = taith::server::ensure_demo(&app.store).await.unwrap();
    assert!(creds.created);
    let t = app.api_token("demo", taith_domain::TokenScope::Write).await;
    let b = app.browser();
    let (_, list) = b.api(Method::GET, "/api/v1/journeys", &t, None).await;
    let jid = list["journeys"][0]["id"].as_str().unwrap();
    let (s, file) = b
        .api(
            Method::GET,
            &format!("/api/v1/journeys/{jid}/export"),
            &t,
            None,
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(file["format"], "taith.journey/1");
    let (s, imported) = b
        .api(
            Method::POST,
            "/api/v1/journeys/import",
            &t,
            Some(file.clone()),
        )
        .await;
    assert_eq!(s, 201, "{imported}");
    let (_, original) = b
        .api(Method::GET, &format!("/api/v1/journeys/{jid}"), &t, None)
        .await;
    let new = &imported["journey"];
    assert_ne!(new["id"], original["journey"]["id"]);
    assert_eq!(
        new["stages"].as_array().unwrap().len(),
        original["journey"]["stages"].as_array().unwrap().len()
    );
    assert_eq!(
        new["touchpoints"].as_array().unwrap().len(),
        original["journey"]["touchpoints"].as_array().unwrap().len()
    );
    assert_eq!(
        new["persona_id"], original["journey"]["persona_id"],
        "the persona with the same name is reused"
    );
}

#[tokio::test]
async fn a_signed_in_member_uses_the_api_with_their_role_and_a_csrf_header() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("alpha", "owner@alpha.example").await;
    app.workspace("bravo", "owner@bravo.example").await;
    app.member(&ws, "viewer@alpha.example", taith_domain::Role::Viewer)
        .await;
    let owner = app.signed_in("owner@alpha.example").await;
    let csrf = owner.get("/w/alpha").await.csrf();
    let (s, _) = owner
        .api_as_member(Method::GET, "/api/v1/journeys", "alpha", None, None)
        .await;
    assert_eq!(s, 200);
    let body = json!({"name": "From the browser"});
    let (s, err) = owner
        .api_as_member(
            Method::POST,
            "/api/v1/journeys",
            "alpha",
            None,
            Some(body.clone()),
        )
        .await;
    assert_eq!((s, error_code(&err)), (403, "csrf_failed"));
    let (s, created) = owner
        .api_as_member(
            Method::POST,
            "/api/v1/journeys",
            "alpha",
            Some(&csrf),
            Some(body.clone()),
        )
        .await;
    assert_eq!(s, 201, "{created}");
    // Another workspace is not found, exactly like one that does not exist.
    let (s1, b1) = owner
        .api_as_member(Method::GET, "/api/v1/journeys", "bravo", None, None)
        .await;
    let (s2, b2) = owner
        .api_as_member(Method::GET, "/api/v1/journeys", "no-such-place", None, None)
        .await;
    assert_eq!((s1, &b1), (s2, &b2));
    assert_eq!(s1, 404);
    let viewer = app.signed_in("viewer@alpha.example").await;
    let csrf = viewer.get("/w/alpha").await.csrf();
    let (s, err) = viewer
        .api_as_member(
            Method::POST,
            "/api/v1/journeys",
            "alpha",
            Some(&csrf),
            Some(body),
        )
        .await;
    assert_eq!((s, error_code(&err)), (403, "forbidden"));
}
