//! The survey and response API over real HTTP: survey CRUD and validation, submitting one
//! response or a batch, idempotent retries (also 50 at once, on both stores), all-or-nothing
//! batches, scopes, tenant isolation, and comments kept as plain text.

use crate::helpers::{TestApp, fresh_postgres, fresh_sqlite};
use reqwest::Method;
use serde_json::{Value, json};
use taith_domain::TokenScope;

pub async fn token(app: &TestApp, slug: &str, scope: TokenScope) -> String {
    let ws = app
        .store
        .workspace_by_slug(&taith_domain::Slug::parse(slug).unwrap())
        .await
        .unwrap();
    let secret = taith_app::account::secrets::new_api_token();
    let name = taith_domain::Name::parse("test").unwrap();
    app.store
        .create_api_token(
            ws.id,
            &name,
            scope,
            &taith_app::account::secrets::secret_hash(&secret),
        )
        .await
        .unwrap();
    secret
}

fn error_code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or_default()
}

/// The `(field, issue)` pairs of an error.
fn details(body: &Value) -> Vec<(String, String)> {
    body["error"]["details"]
        .as_array()
        .map(|d| {
            d.iter()
                .map(|x| {
                    (
                        x["field"].as_str().unwrap_or_default().to_owned(),
                        x["issue"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A request with any headers; answers the status and the JSON body.
async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> (u16, Value) {
    let mut r = crate::helpers::http()
        .build()
        .unwrap()
        .request(method, app.url(path))
        .bearer_auth(token);
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    if let Some(b) = body {
        r = r.json(&b);
    }
    let resp = r.send().await.unwrap();
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap_or_default();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn post(app: &TestApp, path: &str, token: &str, body: Value) -> (u16, Value) {
    call(app, Method::POST, path, token, &[], Some(body)).await
}

async fn get(app: &TestApp, path: &str, token: &str) -> (u16, Value) {
    call(app, Method::GET, path, token, &[], None).await
}

/// A live survey of `kind` created through the API; its id.
async fn live_survey(app: &TestApp, token: &str, kind: &str) -> String {
    let (s, body) = post(
        app,
        "/api/v1/surveys",
        token,
        json!({"kind": kind, "name": format!("{kind} survey"), "status": "live"}),
    )
    .await;
    assert_eq!(s, 201, "{body}");
    body["survey"]["id"].as_str().unwrap().to_owned()
}

async fn responses_of(app: &TestApp, token: &str, survey: &str) -> Vec<Value> {
    let (s, body) = get(
        app,
        &format!("/api/v1/responses?survey_id={survey}&limit=500"),
        token,
    )
    .await;
    assert_eq!(s, 200, "{body}");
    assert!(body.get("next_cursor").is_some(), "{body}");
    body["responses"].as_array().unwrap().clone()
}

/// An app on `store` with workspace `alpha` and a write token of it.
async fn alpha(store: taith_store::SharedStore) -> (TestApp, String) {
    let app = TestApp::spawn(store).await;
    app.workspace("alpha", "owner@alpha.example").await;
    let t = token(&app, "alpha", TokenScope::Write).await;
    (app, t)
}

// --- surveys ----------------------------------------------------------------------------------

#[tokio::test]
async fn a_survey_is_created_with_its_kinds_defaults_then_read_listed_changed_and_deleted() {
    let (app, t) = alpha(fresh_sqlite().await.0).await;
    let (s, body) = post(
        &app,
        "/api/v1/surveys",
        &t,
        json!({"kind": "nps", "name": "Checkout NPS"}),
    )
    .await;
    assert_eq!(s, 201, "{body}");
    let survey = &body["survey"];
    assert_eq!(survey["kind"], "nps");
    assert_eq!(survey["scale"], json!([0, 10]));
    assert_eq!(survey["status"], "draft");
    assert_eq!(survey["default_locale"], "en");
    assert_eq!(survey["touchpoint_id"], Value::Null);
    assert_eq!(survey["follow_ups"], json!([]));
    let public_id = survey["public_id"].as_str().unwrap();
    assert_eq!(public_id.len(), 16);
    assert!(
        public_id.chars().all(|c| c.is_ascii_hexdigit()),
        "{public_id}"
    );
    let question = survey["question"]["en"].as_str().unwrap();
    assert!(question.contains("alpha"), "names the business: {question}");
    assert!(!question.contains('\u{2068}'), "no bidi marks in data");
    // The standard wording, in all six locales.
    for locale in ["en", "cy", "ms", "sw", "ar", "vi"] {
        let q = survey["question"][locale].as_str().unwrap_or_default();
        assert!(q.contains("alpha"), "{locale}: {q}");
        assert!(survey["thank_you"][locale].is_string(), "{locale}");
    }
    let id = survey["id"].as_str().unwrap().to_owned();

    let (s, csat) = post(
        &app,
        "/api/v1/surveys",
        &t,
        json!({"kind": "csat", "name": "Delivery", "scale": [1, 7], "default_locale": "cy",
               "question": {"cy": "Pa mor fodlon oeddech chi?", "en": "How satisfied were you?"},
               "thank_you": {"cy": "Diolch!"},
               "follow_ups": [{"type": "single_choice", "prompt": {"cy": "Beth aeth o'i le?"},
                               "options": [{"cy": "Hwyr"}, {"cy": "Wedi torri"}], "when": {"max": 3}}],
               "anonymous": true, "throttle_days": 7}),
    )
    .await;
    assert_eq!(s, 201, "{csat}");
    let c = &csat["survey"];
    assert_eq!(c["scale"], json!([1, 7]));
    assert_eq!(c["default_locale"], "cy");
    assert_eq!(c["follow_ups"][0]["type"], "single_choice");
    assert_eq!(c["follow_ups"][0]["when"], json!({"min": 1, "max": 3}));
    assert_eq!(
        c["follow_ups"][0]["options"][1],
        json!({"cy": "Wedi torri"})
    );
    assert_eq!(
        (c["anonymous"].clone(), c["throttle_days"].clone()),
        (json!(true), json!(7))
    );

    let (s, got) = get(&app, &format!("/api/v1/surveys/{id}"), &t).await;
    assert_eq!(s, 200);
    assert_eq!(got["survey"], body["survey"]);
    let (s, list) = get(&app, "/api/v1/surveys?limit=1", &t).await;
    assert_eq!(s, 200, "{list}");
    assert_eq!(list["surveys"].as_array().unwrap().len(), 1);
    assert_eq!(list["surveys"][0]["id"], id.as_str());
    let cursor = list["next_cursor"].as_str().unwrap();
    let (_, rest) = get(&app, &format!("/api/v1/surveys?cursor={cursor}"), &t).await;
    assert_eq!(rest["surveys"][0]["kind"], "csat");
    assert_eq!(rest["next_cursor"], Value::Null);

    let (s, changed) = call(
        &app,
        Method::PATCH,
        &format!("/api/v1/surveys/{id}"),
        &t,
        &[],
        Some(json!({"name": "Checkout NPS 2", "status": "live"})),
    )
    .await;
    assert_eq!(s, 200, "{changed}");
    assert_eq!(changed["survey"]["name"], "Checkout NPS 2");
    assert_eq!(changed["survey"]["status"], "live");
    assert_eq!(changed["survey"]["public_id"], public_id);
    assert_eq!(changed["survey"]["question"], survey["question"]);

    // With no responses yet, the kind may change: the scale and the standard question follow.
    let (s, csat) = call(
        &app,
        Method::PATCH,
        &format!("/api/v1/surveys/{id}"),
        &t,
        &[],
        Some(json!({"kind": "csat"})),
    )
    .await;
    assert_eq!(s, 200, "{csat}");
    assert_eq!(csat["survey"]["scale"], json!([1, 5]));
    assert_ne!(csat["survey"]["question"]["en"], survey["question"]["en"]);
    let (s, bad) = call(
        &app,
        Method::PATCH,
        &format!("/api/v1/surveys/{id}"),
        &t,
        &[],
        Some(json!({"scale": [0, 10], "question": {"cy": "Pa mor debygol?"}})),
    )
    .await;
    assert_eq!(s, 422, "{bad}");
    assert_eq!(
        details(&bad),
        vec![
            ("scale".to_owned(), "invalid".to_owned()),
            ("question".to_owned(), "required".to_owned())
        ]
    );

    let (s, _) = call(
        &app,
        Method::DELETE,
        &format!("/api/v1/surveys/{id}"),
        &t,
        &[],
        None,
    )
    .await;
    assert_eq!(s, 204);
    let (s, gone) = get(&app, &format!("/api/v1/surveys/{id}"), &t).await;
    assert_eq!((s, error_code(&gone)), (404, "not_found"));
}

#[tokio::test]
async fn a_survey_definition_is_checked_field_by_field() {
    let (app, t) = alpha(fresh_sqlite().await.0).await;
    let refused = |body: Value| {
        let app = &app;
        let t = &t;
        async move {
            let (s, b) = post(app, "/api/v1/surveys", t, body).await;
            assert_eq!((s, error_code(&b)), (422, "validation_failed"), "{b}");
            details(&b)
        }
    };
    let pair = |f: &str, i: &str| (f.to_owned(), i.to_owned());
    assert_eq!(
        refused(json!({"kind": "csat", "name": "x", "scale": [1, 4]})).await,
        vec![pair("scale", "invalid")]
    );
    assert_eq!(
        refused(json!({"kind": "nps", "name": "x", "scale": [1, 10]})).await,
        vec![pair("scale", "invalid")]
    );
    assert_eq!(
        refused(json!({"kind": "ces", "name": "x", "scale": [1, 3]})).await,
        vec![pair("scale", "invalid")]
    );
    assert_eq!(
        refused(json!({"kind": "stars", "name": ""})).await,
        vec![pair("kind", "unknown_value"), pair("name", "required")]
    );
    assert_eq!(
        refused(
            json!({"kind": "custom", "name": "x", "scale": [1, 4], "question": {"cy": "Pam?"}})
        )
        .await,
        vec![pair("question", "required")]
    );
    assert_eq!(
        refused(json!({"kind": "nps", "name": "x", "question": {"en": "Hi", "fr": "Salut"}})).await,
        vec![pair("question.fr", "unknown_value")]
    );
    assert_eq!(
        refused(
            json!({"kind": "nps", "name": "x", "touchpoint_id": taith_domain::TouchpointId::new()})
        )
        .await,
        vec![pair("touchpoint_id", "not_found")]
    );
    assert_eq!(
        refused(json!({"kind": "nps", "name": "x", "follow_ups": [
            {"type": "open_text", "prompt": {"en": "Why?"}, "when": {"min": 0, "max": 11}},
            {"type": "rating", "prompt": {"cy": "Pam?"}}
        ]}))
        .await,
        vec![
            pair("follow_ups[0].when", "invalid"),
            pair("follow_ups[1].prompt", "required")
        ]
    );
    let (s, b) = post(
        &app,
        "/api/v1/surveys",
        &t,
        json!({"kind": "nps", "name": "x", "colour": "red"}),
    )
    .await;
    assert_eq!((s, error_code(&b)), (400, "bad_request"), "{b}");

    // A touchpoint of one of the workspace's journeys is accepted.
    let (_, j) = post(
        &app,
        "/api/v1/journeys",
        &t,
        json!({"name": "Buying bread"}),
    )
    .await;
    let jid = j["journey"]["id"].as_str().unwrap();
    let stage = j["journey"]["stages"][0]["id"].as_str().unwrap();
    let (s, tp) = post(
        &app,
        &format!("/api/v1/journeys/{jid}/touchpoints"),
        &t,
        json!({"stage_id": stage, "name": "Counter", "channel": "in-store"}),
    )
    .await;
    assert_eq!(s, 201, "{tp}");
    let tp_id = tp["touchpoint"]["id"].as_str().unwrap();
    let (s, body) = post(
        &app,
        "/api/v1/surveys",
        &t,
        json!({"kind": "ces", "name": "Counter CES", "touchpoint_id": tp_id}),
    )
    .await;
    assert_eq!(s, 201, "{body}");
    assert_eq!(body["survey"]["touchpoint_id"], tp_id);
    assert_eq!(body["survey"]["scale"], json!([1, 5]));
}

// --- submitting -------------------------------------------------------------------------------

#[tokio::test]
async fn one_response_and_a_batch_are_stored_on_the_surveys_touchpoint_and_listed() {
    let (app, t) = alpha(fresh_sqlite().await.0).await;
    let survey = live_survey(&app, &t, "nps").await;
    let (s, one) = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"survey_id": survey, "score": 9, "comment": "Lovely bread",
               "channel": "in-store", "locale": "cy-GB", "attributes": {"Shop": "Cardiff"},
               "customer": {"external_id": "c-1", "email": "sian@example.com", "name": "Siân"},
               "submitted_at": "2025-03-01T09:30:00+01:00"}),
    )
    .await;
    assert_eq!(s, 201, "{one}");
    assert_eq!(one["response"]["created"], true);
    let first_id = one["response"]["id"].as_str().unwrap().to_owned();

    let (s, batch) = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"responses": [
            {"survey_id": survey, "score": 0},
            {"survey_id": survey, "score": 10, "customer": {"external_id": "c-1"}},
            {"survey_id": survey, "score": 7, "client_id": "row-3"},
        ]}),
    )
    .await;
    assert_eq!(s, 201, "{batch}");
    let results = batch["responses"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    assert!(results.iter().all(|r| r["created"] == true));

    let stored = responses_of(&app, &t, &survey).await;
    assert_eq!(stored.len(), 4);
    let first = stored
        .iter()
        .find(|r| r["id"] == first_id.as_str())
        .unwrap();
    assert_eq!(first["score"], 9);
    assert_eq!(first["comment"], "Lovely bread");
    assert_eq!(first["channel"], "in-store");
    assert_eq!(first["locale"], "cy");
    assert_eq!(first["attributes"], json!({"shop": "Cardiff"}));
    assert_eq!(first["submitted_at"], "2025-03-01T08:30:00Z");
    assert_eq!(first["survey_id"], survey.as_str());
    assert_eq!(first["touchpoint_id"], Value::Null);
    assert!(first["customer_id"].is_string());
    let defaults = stored.iter().find(|r| r["score"] == 0).unwrap();
    assert_eq!(defaults["channel"], "other");
    assert_eq!(defaults["locale"], "en");
    assert_eq!(defaults["customer_id"], Value::Null);
    assert_eq!(defaults["comment"], "");
    // The same external id is the same customer.
    let again = stored.iter().find(|r| r["score"] == 10).unwrap();
    assert_eq!(again["customer_id"], first["customer_id"]);
    let keyed = stored.iter().find(|r| r["score"] == 7).unwrap();
    assert_eq!(keyed["client_id"], "row-3");

    // By public id, too; and the unfiltered list has them all.
    let (_, s_body) = get(&app, &format!("/api/v1/surveys/{survey}"), &t).await;
    let public_id = s_body["survey"]["public_id"].as_str().unwrap();
    let (s, body) = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"public_id": public_id, "score": 8}),
    )
    .await;
    assert_eq!(s, 201, "{body}");
    let (s, all) = get(&app, "/api/v1/responses?limit=2", &t).await;
    assert_eq!(s, 200);
    assert_eq!(all["responses"].as_array().unwrap().len(), 2);
    assert!(all["next_cursor"].is_string());
}

#[tokio::test]
async fn a_submission_that_fails_to_commit_leaves_no_customer_behind() {
    use sqlx::Connection as _;
    let (store, dir) = fresh_sqlite().await;
    let (app, t) = alpha(store).await;
    let survey = live_survey(&app, &t, "nps").await;
    // The database refuses one response after the submission passed every check, so the
    // failure comes from the write transaction itself.
    let mut db =
        sqlx::SqliteConnection::connect(&format!("sqlite://{}", dir.join("taith.db").display()))
            .await
            .unwrap();
    sqlx::query(
        "CREATE TRIGGER fail_the_commit BEFORE INSERT ON responses \
         WHEN NEW.comment = 'fail the commit' \
         BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
    )
    .execute(&mut db)
    .await
    .unwrap();
    async fn customers(db: &mut sqlx::SqliteConnection) -> i64 {
        sqlx::query_scalar("SELECT count(*) FROM customers")
            .fetch_one(db)
            .await
            .unwrap()
    }

    let (s, body) = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"responses": [
            {"survey_id": survey, "score": 9, "customer": {"external_id": "c-1", "email": "sian@example.com"}},
            {"survey_id": survey, "score": 3, "customer": {"email": "huw@example.com"},
             "comment": "fail the commit"},
        ]}),
    )
    .await;
    assert_eq!(s, 500, "{body}");
    assert_eq!(customers(&mut db).await, 0);
    assert!(responses_of(&app, &t, &survey).await.is_empty());

    // The same submission without the refused row stores the customer with its response.
    let (s, body) = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"survey_id": survey, "score": 9,
               "customer": {"external_id": "c-1", "email": "sian@example.com"}}),
    )
    .await;
    assert_eq!(s, 201, "{body}");
    assert_eq!(customers(&mut db).await, 1);
    let stored = responses_of(&app, &t, &survey).await;
    assert_eq!(stored.len(), 1);
    assert!(stored[0]["customer_id"].is_string());
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn follow_up_answers_are_checked_against_the_score_and_stored() {
    let (app, t) = alpha(fresh_sqlite().await.0).await;
    let (s, body) = post(
        &app,
        "/api/v1/surveys",
        &t,
        json!({"kind": "nps", "name": "x", "status": "live", "follow_ups": [
            {"type": "open_text", "prompt": {"en": "What should we improve?"}, "when": {"max": 6}},
            {"type": "multiple_choice", "prompt": {"en": "What did you buy?"},
             "options": [{"en": "Bread"}, {"en": "Cake"}]},
        ]}),
    )
    .await;
    assert_eq!(s, 201, "{body}");
    let survey = body["survey"]["id"].as_str().unwrap();
    let improve = body["survey"]["follow_ups"][0]["id"].as_str().unwrap();
    let bought = body["survey"]["follow_ups"][1]["id"].as_str().unwrap();
    let (s, body) = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"survey_id": survey, "score": 3, "answers": [
            {"follow_up_id": improve, "value": "Show the delivery fee earlier"},
            {"follow_up_id": bought, "type": "multiple_choice", "value": [1, 0, 1]},
        ]}),
    )
    .await;
    assert_eq!(s, 201, "{body}");
    let stored = responses_of(&app, &t, survey).await;
    assert_eq!(
        stored[0]["answers"],
        json!([
            {"follow_up_id": improve, "type": "open_text", "value": "Show the delivery fee earlier"},
            {"follow_up_id": bought, "type": "multiple_choice", "value": [0, 1]},
        ])
    );
    // A promoter is not asked what to improve; an option that does not exist is no answer.
    let (s, body) = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"survey_id": survey, "score": 10, "answers": [
            {"follow_up_id": improve, "value": "x"},
            {"follow_up_id": bought, "value": [2]},
            {"follow_up_id": taith_domain::FollowUpId::new(), "value": "x"},
        ]}),
    )
    .await;
    assert_eq!(s, 422, "{body}");
    assert_eq!(
        details(&body),
        vec![
            ("answers[0].follow_up_id".to_owned(), "invalid".to_owned()),
            ("answers[1].value".to_owned(), "invalid".to_owned()),
            ("answers[2].follow_up_id".to_owned(), "not_found".to_owned()),
        ]
    );
}

#[tokio::test]
async fn a_retried_submission_with_the_same_idempotency_key_is_stored_once() {
    let (app, t) = alpha(fresh_sqlite().await.0).await;
    let survey = live_survey(&app, &t, "csat").await;
    let body = json!({"survey_id": survey, "score": 4, "comment": "Quick delivery"});
    let key = [("Idempotency-Key", "order-1234")];
    let (s1, first) = call(
        &app,
        Method::POST,
        "/api/v1/responses",
        &t,
        &key,
        Some(body.clone()),
    )
    .await;
    assert_eq!(s1, 201, "{first}");
    assert_eq!(first["response"]["created"], true);
    let (s2, second) = call(
        &app,
        Method::POST,
        "/api/v1/responses",
        &t,
        &key,
        Some(body.clone()),
    )
    .await;
    assert_eq!(s2, 200, "{second}");
    assert_eq!(second["response"]["created"], false);
    assert_eq!(second["response"]["id"], first["response"]["id"]);
    let stored = responses_of(&app, &t, &survey).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0]["client_id"], "order-1234");

    // In a batch, item i's key is "{header}:{i}" unless it has a client_id of its own.
    let batch = json!({"responses": [
        {"survey_id": survey, "score": 5},
        {"survey_id": survey, "score": 1, "client_id": "own"},
    ]});
    let key = [("Idempotency-Key", "import-7")];
    let (s, b1) = call(
        &app,
        Method::POST,
        "/api/v1/responses",
        &t,
        &key,
        Some(batch.clone()),
    )
    .await;
    assert_eq!(s, 201, "{b1}");
    let (s, b2) = call(
        &app,
        Method::POST,
        "/api/v1/responses",
        &t,
        &key,
        Some(batch),
    )
    .await;
    assert_eq!(s, 200, "{b2}");
    assert_eq!(b2["responses"][0]["created"], false);
    assert_eq!(b2["responses"][0]["id"], b1["responses"][0]["id"]);
    assert_eq!(b2["responses"][1]["id"], b1["responses"][1]["id"]);
    let stored = responses_of(&app, &t, &survey).await;
    let mut keys: Vec<&str> = stored
        .iter()
        .filter_map(|r| r["client_id"].as_str())
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, vec!["import-7:0", "order-1234", "own"]);
}

/// 50 submissions at once with one key: exactly one response is stored, and every request is
/// answered with its id. They are spread over two app instances on the one store, as over two
/// nodes behind a load balancer: two group-commit writers whose transactions race, not only
/// repeats within one batch.
async fn concurrent_retries_store_one_response(store: taith_store::SharedStore) {
    let (app, t) = alpha(store.clone()).await;
    let other_node = TestApp::spawn(store).await;
    let survey = live_survey(&app, &t, "nps").await;
    let client = crate::helpers::http().build().unwrap();
    let tasks: Vec<_> = (0..50)
        .map(|i| {
            let node = if i % 2 == 0 { &app } else { &other_node };
            let req = client
                .post(node.url("/api/v1/responses"))
                .bearer_auth(&t)
                .header("Idempotency-Key", "tap-once")
                .json(&json!({"survey_id": survey, "score": 10}));
            tokio::spawn(async move {
                let resp = req.send().await.unwrap();
                let status = resp.status().as_u16();
                (status, resp.json::<Value>().await.unwrap())
            })
        })
        .collect();
    let mut answers = Vec::new();
    for task in tasks {
        answers.push(task.await.unwrap());
    }
    let created: Vec<_> = answers
        .iter()
        .filter(|(_, b)| b["response"]["created"] == true)
        .collect();
    assert_eq!(created.len(), 1, "{answers:?}");
    assert_eq!(created[0].0, 201);
    let id = &created[0].1["response"]["id"];
    for (status, body) in &answers {
        assert!(*status == 201 || *status == 200, "{status} {body}");
        assert_eq!(&body["response"]["id"], id);
    }
    assert_eq!(answers.iter().filter(|(s, _)| *s == 200).count(), 49);
    assert_eq!(responses_of(&app, &t, &survey).await.len(), 1);
}

#[tokio::test]
async fn fifty_concurrent_submissions_with_one_key_store_one_response_on_sqlite() {
    concurrent_retries_store_one_response(fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn fifty_concurrent_submissions_with_one_key_store_one_response_on_postgres() {
    if let Some((store, db)) = fresh_postgres().await {
        concurrent_retries_store_one_response(store).await;
        db.drop_database().await;
    }
}

#[tokio::test]
async fn a_batch_with_one_bad_row_stores_nothing_and_names_the_row() {
    let (app, t) = alpha(fresh_sqlite().await.0).await;
    let survey = live_survey(&app, &t, "nps").await;
    let mut rows: Vec<Value> = (0..5)
        .map(|i| json!({"survey_id": survey, "score": i}))
        .collect();
    rows[3]["score"] = json!(11);
    let (s, body) = post(&app, "/api/v1/responses", &t, json!({"responses": rows})).await;
    assert_eq!((s, error_code(&body)), (422, "validation_failed"), "{body}");
    assert_eq!(
        details(&body),
        vec![("responses[3].score".to_owned(), "invalid".to_owned())]
    );
    assert!(responses_of(&app, &t, &survey).await.is_empty());

    // Several problems in several rows are all named.
    let (s, body) = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"responses": [
            {"survey_id": survey, "score": 5, "channel": "pigeon"},
            {"score": 5},
            {"survey_id": survey, "score": 2.5, "submitted_at": "2999-01-01T00:00:00Z"},
            {"survey_id": survey, "score": 5, "attributes": {"team": 7, "9lives": "x"}},
        ]}),
    )
    .await;
    assert_eq!(s, 422, "{body}");
    let d = details(&body);
    for (field, issue) in [
        ("responses[0].channel", "unknown_value"),
        ("responses[1].survey_id", "required"),
        ("responses[2].score", "invalid"),
        ("responses[2].submitted_at", "invalid"),
        ("responses[3].attributes.team", "invalid"),
    ] {
        assert!(
            d.contains(&(field.to_owned(), issue.to_owned())),
            "{field} {issue} in {d:?}"
        );
    }
    assert!(responses_of(&app, &t, &survey).await.is_empty());

    // More than 1,000 is refused whole.
    let many: Vec<Value> = (0..1_001)
        .map(|_| json!({"survey_id": survey, "score": 5}))
        .collect();
    let (s, body) = post(&app, "/api/v1/responses", &t, json!({"responses": many})).await;
    assert_eq!(s, 422, "{body}");
    assert_eq!(
        details(&body),
        vec![("responses".to_owned(), "too_long".to_owned())]
    );
    // A full thousand with long comments is fine, though larger than the app's usual limit.
    let thousand: Vec<Value> = (0..1_000)
        .map(|i| json!({"survey_id": survey, "score": i % 11, "comment": "Da iawn! ".repeat(250)}))
        .collect();
    let thousand = json!({"responses": thousand});
    assert!(thousand.to_string().len() > taith_web::MAX_BODY_BYTES);
    let (s, body) = post(&app, "/api/v1/responses", &t, thousand).await;
    assert_eq!(s, 201, "{body}");
    assert_eq!(body["responses"].as_array().unwrap().len(), 1_000);
}

#[tokio::test]
async fn only_live_surveys_take_responses_and_only_with_write_rights() {
    let (app, t) = alpha(fresh_sqlite().await.0).await;
    let read = token(&app, "alpha", TokenScope::Read).await;
    let survey = live_survey(&app, &t, "ces").await;
    let (s, body) = post(
        &app,
        "/api/v1/responses",
        &read,
        json!({"survey_id": survey, "score": 5}),
    )
    .await;
    assert_eq!((s, error_code(&body)), (403, "forbidden"), "{body}");
    let (s, _) = get(
        &app,
        &format!("/api/v1/responses?survey_id={survey}"),
        &read,
    )
    .await;
    assert_eq!(s, 200, "a read token reads responses");

    let (s, draft) = post(
        &app,
        "/api/v1/surveys",
        &t,
        json!({"kind": "nps", "name": "Not yet"}),
    )
    .await;
    assert_eq!(s, 201);
    let draft = draft["survey"]["id"].as_str().unwrap();
    let (s, body) = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"survey_id": draft, "score": 5}),
    )
    .await;
    assert_eq!(s, 422, "{body}");
    assert_eq!(
        details(&body),
        vec![("survey_id".to_owned(), "invalid".to_owned())]
    );
}

#[tokio::test]
async fn another_workspaces_survey_looks_exactly_like_no_survey() {
    let (app, t) = alpha(fresh_sqlite().await.0).await;
    app.workspace("bravo", "owner@bravo.example").await;
    let tb = token(&app, "bravo", TokenScope::Write).await;
    let theirs = live_survey(&app, &tb, "nps").await;
    let (_, their_body) = get(&app, &format!("/api/v1/surveys/{theirs}"), &tb).await;
    let their_public = their_body["survey"]["public_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let nowhere = taith_domain::SurveyId::new().to_string();

    for method in [Method::GET, Method::PATCH, Method::DELETE] {
        let body = (method == Method::PATCH).then(|| json!({"name": "mine now"}));
        let path = |id: &str| format!("/api/v1/surveys/{id}");
        let a = call(&app, method.clone(), &path(&theirs), &t, &[], body.clone()).await;
        let b = call(&app, method.clone(), &path(&nowhere), &t, &[], body).await;
        assert_eq!(a.0, 404, "{method} {}", a.1);
        assert_eq!(a, b, "{method}");
    }
    let a = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"survey_id": theirs, "score": 9}),
    )
    .await;
    let b = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"survey_id": nowhere, "score": 9}),
    )
    .await;
    assert_eq!(a.0, 422, "{}", a.1);
    assert_eq!(
        details(&a.1),
        vec![("survey_id".to_owned(), "not_found".to_owned())]
    );
    assert_eq!(a, b);
    let a = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"public_id": their_public, "score": 9}),
    )
    .await;
    let b = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"public_id": "0123456789abcdef", "score": 9}),
    )
    .await;
    assert_eq!(
        details(&a.1),
        vec![("public_id".to_owned(), "not_found".to_owned())]
    );
    assert_eq!(a, b);
    let a = get(&app, &format!("/api/v1/responses?survey_id={theirs}"), &t).await;
    let b = get(&app, &format!("/api/v1/responses?survey_id={nowhere}"), &t).await;
    assert_eq!(a.0, 422, "{}", a.1);
    assert_eq!(a, b);
    // Their survey is untouched and still has no responses from us.
    let (s, still) = get(&app, &format!("/api/v1/surveys/{theirs}"), &tb).await;
    assert_eq!(s, 200);
    assert_eq!(still["survey"]["name"], "nps survey");
    assert!(responses_of(&app, &tb, &theirs).await.is_empty());
    let (_, ours) = get(&app, "/api/v1/responses", &t).await;
    assert_eq!(ours["responses"], json!([]));
}

#[tokio::test]
async fn comments_are_at_most_five_thousand_characters_and_kept_as_plain_text() {
    let (app, t) = alpha(fresh_sqlite().await.0).await;
    let survey = live_survey(&app, &t, "nps").await;
    let (s, body) = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"survey_id": survey, "score": 1, "comment": "ä".repeat(5_001)}),
    )
    .await;
    assert_eq!(s, 422, "{body}");
    assert_eq!(
        details(&body),
        vec![("comment".to_owned(), "too_long".to_owned())]
    );
    let (s, body) = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"survey_id": survey, "score": 1, "comment": "ä".repeat(5_000)}),
    )
    .await;
    assert_eq!(s, 201, "{body}");

    let html = r#"<script>alert("x")</script> <b>bold</b> & 'quotes' &amp; مرحبا"#;
    let (s, body) = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"survey_id": survey, "score": 2, "comment": html}),
    )
    .await;
    assert_eq!(s, 201, "{body}");
    let resp = crate::helpers::http()
        .build()
        .unwrap()
        .get(app.url(&format!("/api/v1/responses?survey_id={survey}")))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let list: Value = resp.json().await.unwrap();
    let stored = list["responses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["score"] == 2)
        .unwrap();
    assert_eq!(stored["comment"], html, "returned exactly as sent");
}

#[tokio::test]
async fn a_survey_with_responses_keeps_its_scale_and_cannot_be_deleted() {
    let (app, t) = alpha(fresh_sqlite().await.0).await;
    let survey = live_survey(&app, &t, "csat").await;
    let (s, _) = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"survey_id": survey, "score": 5}),
    )
    .await;
    assert_eq!(s, 201);
    let path = format!("/api/v1/surveys/{survey}");
    let (s, body) = call(&app, Method::DELETE, &path, &t, &[], None).await;
    assert_eq!((s, error_code(&body)), (409, "conflict"), "{body}");
    let (s, body) = call(
        &app,
        Method::PATCH,
        &path,
        &t,
        &[],
        Some(json!({"scale": [1, 7]})),
    )
    .await;
    assert_eq!((s, error_code(&body)), (409, "conflict"), "{body}");
    // Closing it is the way to stop it.
    let (s, body) = call(
        &app,
        Method::PATCH,
        &path,
        &t,
        &[],
        Some(json!({"status": "closed"})),
    )
    .await;
    assert_eq!(s, 200, "{body}");
    let (s, body) = post(
        &app,
        "/api/v1/responses",
        &t,
        json!({"survey_id": survey, "score": 5}),
    )
    .await;
    assert_eq!(s, 422, "{body}");
    assert_eq!(responses_of(&app, &t, &survey).await.len(), 1);
}

#[tokio::test]
async fn agents_collect_responses_but_analysts_only_read_them() {
    let (app, t) = alpha(fresh_sqlite().await.0).await;
    let ws = app
        .store
        .workspace_by_slug(&taith_domain::Slug::parse("alpha").unwrap())
        .await
        .unwrap();
    app.member(&ws, "agent@alpha.example", taith_domain::Role::Agent)
        .await;
    app.member(&ws, "analyst@alpha.example", taith_domain::Role::Analyst)
        .await;
    let survey = live_survey(&app, &t, "csat").await;
    let response = json!({"survey_id": survey, "score": 5});

    let agent = app.signed_in("agent@alpha.example").await;
    let csrf = agent.get("/w/alpha").await.csrf();
    let (s, body) = agent
        .api_as_member(
            Method::POST,
            "/api/v1/responses",
            "alpha",
            Some(&csrf),
            Some(response.clone()),
        )
        .await;
    assert_eq!(s, 201, "{body}");
    let (s, body) = agent
        .api_as_member(
            Method::POST,
            "/api/v1/surveys",
            "alpha",
            Some(&csrf),
            Some(json!({"kind": "nps", "name": "Mine"})),
        )
        .await;
    assert_eq!((s, error_code(&body)), (403, "forbidden"), "{body}");

    let analyst = app.signed_in("analyst@alpha.example").await;
    let csrf = analyst.get("/w/alpha").await.csrf();
    let (s, body) = analyst
        .api_as_member(
            Method::POST,
            "/api/v1/responses",
            "alpha",
            Some(&csrf),
            Some(response),
        )
        .await;
    assert_eq!((s, error_code(&body)), (403, "forbidden"), "{body}");
    let (s, list) = analyst
        .api_as_member(
            Method::GET,
            &format!("/api/v1/responses?survey_id={survey}"),
            "alpha",
            None,
            None,
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(list["responses"].as_array().unwrap().len(), 1);
}
