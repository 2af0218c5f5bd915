//! Support conversations over HTTP against the real app, on SQLite and PostgreSQL: first
//! response time, resolution time and reopen rate against a hand count (business hours too),
//! idempotent POSTs, a help-desk CSV export imported all or nothing naming the bad line,
//! another workspace's conversation answered as missing, viewers kept from the text, text
//! shown escaped, and the Support page in six languages.

use crate::helpers::{TestApp, fresh_postgres, fresh_sqlite, unique};
use reqwest::Method;
use serde_json::{Value, json};
use taith_domain::{Locale, Role, TokenScope};
use taith_store::SharedStore;

async fn token(app: &TestApp, slug: &str) -> String {
    app.workspace(slug, &format!("owner@{slug}.example")).await;
    app.api_token(slug, TokenScope::Write).await
}

async fn post(app: &TestApp, token: &str, body: Value) -> (u16, Value) {
    app.browser()
        .api(Method::POST, "/api/v1/conversations", token, Some(body))
        .await
}

async fn metric(app: &TestApp, token: &str, query: &str) -> Value {
    let (status, body) = app
        .browser()
        .api(
            Method::GET,
            &format!("/api/v1/metrics?{query}"),
            token,
            None,
        )
        .await;
    assert_eq!(status, 200, "{query}: {body}");
    body
}

/// Five conversations created on Monday 2 March 2026 at 09:00 UTC, worked out by hand:
///
/// | id | first reply | resolved | notes |
/// |----|-------------|----------|-------|
/// | A  | +30 min     | +120 min | Billing, Ana |
/// | B  | +60 min     | +240 min | Billing, Ben |
/// | C  | +90 min     | —        | Delivery |
/// | D  | —           | —        | unanswered |
/// | E  | +20 min (its first `out` message) | +60 min, then the customer writes again: reopened |
///
/// First response: 20, 30, 60, 90 → mean 50, median (rank ⌈0.5·4⌉ = 2) 30, p90 (rank 4) 90,
/// one unanswered. Resolution: 120, 240 → mean 180, median 120, p90 240; three open (C, D
/// and the reopened E). Reopen rate: 1 of the 3 ever resolved = 33.3%, Wilson 6.1–79.2%.
async fn hand_count(store: SharedStore) {
    let app = TestApp::spawn(store).await;
    let slug = unique("sup");
    let t = token(&app, &slug).await;
    let day = "2026-03-02T09:";
    for (id, first, resolved, team, agent, channel, tags) in [
        (
            "A",
            Some("30"),
            Some("2026-03-02T11:00:00Z"),
            "Billing",
            "Ana",
            "email",
            vec!["billing"],
        ),
        (
            "B",
            Some("59"),
            Some("2026-03-02T13:00:00Z"),
            "Billing",
            "Ben",
            "chat",
            vec!["billing", "refund"],
        ),
        (
            "C",
            None,
            None,
            "Delivery",
            "Cai",
            "phone",
            vec!["delivery"],
        ),
        ("D", None, None, "", "", "email", vec![]),
    ] {
        let first_reply = match (id, first) {
            ("A", Some(_)) => Some("2026-03-02T09:30:00Z"),
            ("B", Some(_)) => Some("2026-03-02T10:00:00Z"),
            _ => None,
        };
        let first_reply = if id == "C" {
            Some("2026-03-02T10:30:00Z")
        } else {
            first_reply
        };
        let (status, body) = post(
            &app,
            &t,
            json!({
                "external_id": id,
                "channel": channel,
                "subject": format!("Question {id}"),
                "team": team,
                "agent": agent,
                "tags": tags,
                "created_at": format!("{day}00:00Z"),
                "first_reply_at": first_reply,
                "resolved_at": resolved,
            }),
        )
        .await;
        assert_eq!(status, 201, "{body}");
    }
    // E: from its messages; then the customer writes after it was resolved.
    let (status, body) = post(
        &app,
        &t,
        json!({
            "external_id": "E",
            "channel": "chat",
            "subject": "Where is my parcel?",
            "resolved_at": "2026-03-02T10:00:00Z",
            "created_at": "2026-03-02T09:00:00Z",
            "messages": [
                {"direction": "in", "at": "2026-03-02T09:00:00Z", "body": "Where is my parcel?"},
                {"direction": "out", "author": "Ana", "at": "2026-03-02T09:20:00Z", "body": "On its way."},
            ],
        }),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        body["conversation"]["first_reply_at"],
        "2026-03-02T09:20:00Z"
    );
    assert_eq!(body["conversation"]["status"], "resolved");
    let e = body["conversation"]["id"].as_str().unwrap().to_owned();
    let (status, body) = app
        .browser()
        .api(
            Method::POST,
            &format!("/api/v1/conversations/{e}/messages"),
            &t,
            Some(
                json!({"direction": "in", "at": "2026-03-03T08:00:00Z", "body": "It never came."}),
            ),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["conversation"]["status"], "open");
    assert_eq!(body["conversation"]["reopens"], 1);

    // The same conversation posted again is updated, not doubled.
    let (status, _) = post(
        &app,
        &t,
        json!({"external_id": "D", "channel": "email", "subject": "Question D",
               "created_at": "2026-03-02T09:00:00Z"}),
    )
    .await;
    assert_eq!(status, 200);
    let (status, list) = app
        .browser()
        .api(
            Method::GET,
            "/api/v1/conversations?from=2026-03-02&to=2026-03-02",
            &t,
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(list["conversations"].as_array().unwrap().len(), 5);

    let period = "from=2026-03-02&to=2026-03-03";
    let f = metric(&app, &t, &format!("metric=first_response_time&{period}")).await;
    let g = &f["groups"][0];
    assert_eq!(f["unit"], "minutes");
    assert_eq!(g["n"], 5);
    assert_eq!(g["value"], 50.0);
    assert_eq!(g["median"], 30.0);
    assert_eq!(g["p90"], 90.0);
    assert_eq!(g["timed"], 4);
    assert_eq!(g["open"], 1);

    let r = metric(&app, &t, &format!("metric=resolution_time&{period}")).await;
    let g = &r["groups"][0];
    assert_eq!(g["value"], 180.0);
    assert_eq!(g["median"], 120.0);
    assert_eq!(g["p90"], 240.0);
    assert_eq!(g["timed"], 2);
    assert_eq!(g["open"], 3);

    let o = metric(&app, &t, &format!("metric=reopen_rate&{period}")).await;
    let g = &o["groups"][0];
    assert_eq!(g["value"], 33.3);
    assert_eq!(g["reopened"], 1);
    assert_eq!(g["resolved"], 3);
    assert_eq!(g["ci95"], json!([6.1, 79.2]));

    // By team: Billing's first responses are 30 and 60.
    let b = metric(
        &app,
        &t,
        &format!("metric=first_response_time&by=team&{period}"),
    )
    .await;
    let billing = b["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"]["team"] == "Billing")
        .unwrap();
    assert_eq!(billing["value"], 45.0);
    assert_eq!(billing["n"], 2);
    // By tag: a conversation counts under each of its tags.
    let tags = metric(&app, &t, &format!("metric=reopen_rate&by=tag&{period}")).await;
    let billing = tags["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"]["tag"] == "billing")
        .unwrap();
    assert_eq!(billing["n"], 2);

    // Business hours (Monday to Friday, 09:00–17:00 UTC by default): a question on Friday at
    // 16:30 answered on Monday at 09:30 waited 60 business minutes, 3,900 on the clock.
    let (status, body) = post(
        &app,
        &t,
        json!({"external_id": "F", "channel": "email", "subject": "Weekend",
               "created_at": "2026-03-06T16:30:00Z", "first_reply_at": "2026-03-09T09:30:00Z"}),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let weekend = "from=2026-03-06&to=2026-03-06";
    let clock = metric(&app, &t, &format!("metric=first_response_time&{weekend}")).await;
    assert_eq!(clock["groups"][0]["value"], 3_900.0);
    let business = metric(
        &app,
        &t,
        &format!("metric=first_response_time&business_hours=true&{weekend}"),
    )
    .await;
    assert_eq!(business["business_hours"], true);
    assert_eq!(business["groups"][0]["value"], 60.0);

    // Bad parameters are field errors.
    let (status, body) = app
        .browser()
        .api(
            Method::GET,
            "/api/v1/metrics?metric=reopen_rate&by=planet",
            &t,
            None,
        )
        .await;
    assert_eq!(status, 422, "{body}");
}

#[tokio::test]
async fn support_figures_match_a_hand_count_on_sqlite() {
    hand_count(fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn support_figures_match_a_hand_count_on_postgres() {
    if let Some((store, db)) = fresh_postgres().await {
        hand_count(store).await;
        db.drop_database().await;
    }
}

const EXPORT: &str = "Id,Created,First reply,Resolved,Channel,Agent,Team,Customer,Subject,Tags,Satisfaction\n\
T-1,2026-03-02 09:00,2026-03-02 09:45,2026-03-02 12:00,Email,Ana,Billing,ana.customer@example.com,Refund please,billing;refund,4\n\
T-2,2026-03-02 10:00,,,Chat,,,C-42,Parcel late,delivery,\n";

async fn csv_all_or_nothing(store: SharedStore) {
    let app = TestApp::spawn(store.clone()).await;
    let slug = unique("csv");
    let t = token(&app, &slug).await;
    let ws = store
        .workspace_by_slug(&taith_domain::Slug::parse(&slug).unwrap())
        .await
        .unwrap();
    let s = taith_app::conversations::import_csv(store.as_ref(), ws.id, EXPORT.as_bytes())
        .await
        .unwrap();
    assert_eq!((s.created, s.updated), (2, 0));
    // Again: updated, not doubled.
    let s = taith_app::conversations::import_csv(store.as_ref(), ws.id, EXPORT.as_bytes())
        .await
        .unwrap();
    assert_eq!((s.created, s.updated), (0, 2));
    // A bad line 4 stops everything: T-3 on line 3 is not stored either.
    let bad = format!(
        "{EXPORT}T-3,2026-03-03 09:00,,,email,,,,Fine,,\nT-4,2026-03-03 10:00,,,carrier pigeon,,,,Bad,,\n"
    );
    let err = taith_app::conversations::import_csv(store.as_ref(), ws.id, bad.as_bytes())
        .await
        .unwrap_err();
    let text = err.to_string();
    assert!(text.contains("line 5"), "{text}");
    assert!(text.contains("channel"), "{text}");
    let satisfaction = format!("{EXPORT}T-3,2026-03-03 09:00,,,email,,,,Fine,,9\n");
    let err = taith_app::conversations::import_csv(store.as_ref(), ws.id, satisfaction.as_bytes())
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("line 4, column satisfaction"),
        "{err}"
    );
    let (_, list) = app
        .browser()
        .api(Method::GET, "/api/v1/conversations", &t, None)
        .await;
    let list = list["conversations"].as_array().unwrap();
    assert_eq!(list.len(), 2, "{list:?}");
    let t1 = list.iter().find(|c| c["external_id"] == "T-1").unwrap();
    assert_eq!(t1["tags"], json!(["billing", "refund"]));
    assert_eq!(t1["satisfaction"], 4);
    assert_eq!(t1["status"], "resolved");
    assert!(t1["customer_id"].is_string());

    // The page's form says which line is wrong, in the member's language, and stores nothing.
    let b = app.signed_in(&format!("owner@{slug}.example")).await;
    let page = b
        .submit(
            &format!("/w/{slug}/support"),
            &format!("/w/{slug}/support/import"),
            &[("csv", bad.as_str())],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.text().contains("line 5"), "{}", page.text());
    let page = b
        .submit(
            &format!("/w/{slug}/support"),
            &format!("/w/{slug}/support/import"),
            &[("csv", "id,created,channel\nX-1,2026-03-04 09:00,sms\n")],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.text().contains("1 conversation imported"),
        "{}",
        page.text()
    );
}

#[tokio::test]
async fn a_help_desk_export_imports_all_or_nothing_naming_the_bad_line_on_sqlite() {
    csv_all_or_nothing(fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn a_help_desk_export_imports_all_or_nothing_naming_the_bad_line_on_postgres() {
    if let Some((store, db)) = fresh_postgres().await {
        csv_all_or_nothing(store).await;
        db.drop_database().await;
    }
}

#[tokio::test]
async fn another_workspaces_conversation_is_missing_and_field_errors_are_named() {
    let app = TestApp::on_sqlite().await;
    let (a, b) = (unique("wa"), unique("wb"));
    let ta = token(&app, &a).await;
    let tb = token(&app, &b).await;
    let (_, body) = post(&app, &ta, json!({"channel": "email", "subject": "Mine"})).await;
    let id = body["conversation"]["id"].as_str().unwrap().to_owned();
    let browser = app.browser();
    for (method, path, body) in [
        (Method::GET, format!("/api/v1/conversations/{id}"), None),
        (
            Method::POST,
            format!("/api/v1/conversations/{id}/messages"),
            Some(json!({"direction": "in", "body": "hi"})),
        ),
        (
            Method::GET,
            format!("/api/v1/conversations/{}", uuid::Uuid::now_v7()),
            None,
        ),
    ] {
        let (status, body) = browser.api(method, &path, &tb, body).await;
        assert_eq!(status, 404, "{path}: {body}");
    }
    let (_, list) = browser
        .api(Method::GET, "/api/v1/conversations", &tb, None)
        .await;
    assert_eq!(list["conversations"], json!([]));
    // Field-level errors.
    let (status, body) = post(
        &app,
        &ta,
        json!({"channel": "fax", "satisfaction": 7, "created_at": "yesterday",
               "messages": [{"direction": "sideways", "body": ""}]}),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let text = body.to_string();
    for field in [
        "channel",
        "satisfaction",
        "created_at",
        "messages[0].direction",
        "messages[0].body",
    ] {
        assert!(text.contains(field), "{field} in {text}");
    }
    // A customer of another workspace is not found.
    let other = app
        .store
        .upsert_customer(
            app.store
                .workspace_by_slug(&taith_domain::Slug::parse(&b).unwrap())
                .await
                .unwrap()
                .id,
            &taith_store::NewCustomer {
                external_id: Some("x".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let (status, body) = post(
        &app,
        &ta,
        json!({"channel": "email", "customer_id": other.id.to_string()}),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("not_found"), "{body}");
}

#[tokio::test]
async fn viewers_see_the_figures_but_not_the_conversations() {
    let app = TestApp::on_sqlite().await;
    let slug = unique("vw");
    let t = token(&app, &slug).await;
    let (ws, _) = (
        app.store
            .workspace_by_slug(&taith_domain::Slug::parse(&slug).unwrap())
            .await
            .unwrap(),
        (),
    );
    post(
        &app,
        &t,
        json!({"channel": "email", "subject": "Private matter"}),
    )
    .await;
    let email = format!("viewer@{slug}.example");
    app.member(&ws, &email, Role::Viewer).await;
    let b = app.signed_in(&email).await;
    let (status, _) = b
        .api_as_member(Method::GET, "/api/v1/conversations", &slug, None, None)
        .await;
    assert_eq!(status, 403);
    let (status, _) = b
        .api_as_member(
            Method::GET,
            "/api/v1/metrics?metric=first_response_time",
            &slug,
            None,
            None,
        )
        .await;
    assert_eq!(status, 200);
    let page = b.get(&format!("/w/{slug}/support")).await;
    assert_eq!(page.status, 200);
    assert!(!page.text().contains("Import from a help desk"));
}

#[tokio::test]
async fn the_support_page_shows_the_figures_in_six_languages_with_text_escaped() {
    let app = TestApp::on_sqlite().await;
    let slug = unique("sp");
    let t = token(&app, &slug).await;
    let today = taith_domain::now();
    let at = |mins: i64| {
        (today - time::Duration::minutes(mins))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap()
    };
    for i in 0..3 {
        post(
            &app,
            &t,
            json!({"channel": "chat", "subject": "<script>alert(1)</script> refund delayed",
                   "team": "<b>Team</b>", "tags": ["<i>x</i>"],
                   "created_at": at(120 + i), "first_reply_at": at(90 + i)}),
        )
        .await;
    }
    let b = app.signed_in(&format!("owner@{slug}.example")).await;
    for locale in Locale::ALL {
        let page = b
            .get(&format!("/w/{slug}/support?lang={}", locale.tag()))
            .await;
        assert_eq!(page.status, 200, "{locale:?}");
        assert!(!page.body.contains("<script>alert"), "{locale:?}");
        assert!(!page.body.contains("<b>Team</b>"), "{locale:?}");
        assert!(!page.body.contains("<i>x</i>"), "{locale:?}");
        let tr = taith_i18n::Tr::new(locale);
        assert!(
            page.body.contains(&tr.t("support-first-response")),
            "{locale:?}"
        );
    }
    let page = b.get(&format!("/w/{slug}/support?lang=en")).await;
    assert!(
        page.body.contains("&#60;b&#62;Team&#60;/b&#62;"),
        "{}",
        page.body
    );
    assert!(page.text().contains("30 min"), "{}", page.text());
}
