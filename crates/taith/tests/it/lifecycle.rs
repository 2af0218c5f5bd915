//! The customer lifecycle over HTTP on SQLite and PostgreSQL: subscription events, churn and
//! retention against a hand count, the NPS of churned vs retained customers with its
//! significance, the retention cohorts; and a customer's timeline with every kind of record,
//! kept from viewers and from other workspaces.

use crate::helpers::{TestApp, fresh_postgres, fresh_sqlite, unique};
use reqwest::Method;
use serde_json::json;
use taith_domain::{
    Channel, CustomerId, Email, Locale, LongText, Name, NewResponse, ResponseId, Role, Slug,
    SurveyId, TokenScope, Workspace,
};
use taith_store::{NewCustomer, ResponseToStore, SharedStore};

async fn setup(app: &TestApp, slug: &str) -> (Workspace, String) {
    let (ws, _) = app.workspace(slug, &format!("owner@{slug}.example")).await;
    let t = app.api_token(slug, TokenScope::Write).await;
    (ws, t)
}

async fn nps_survey(store: &SharedStore, ws: &Workspace) -> SurveyId {
    store
        .create_survey(
            ws.id,
            &taith_domain::SurveyFields {
                name: Name::parse("How likely").unwrap(),
                kind: taith_domain::SurveyKind::Nps,
                scale: taith_domain::SurveyKind::Nps.default_scale(),
                default_locale: Locale::En,
                question: taith_domain::LocalizedText(
                    [(Locale::En, "How likely?".to_owned())].into(),
                ),
                thank_you: taith_domain::LocalizedText([(Locale::En, "Thanks".to_owned())].into()),
                follow_ups: Vec::new(),
                touchpoint_id: None,
                status: taith_domain::SurveyStatus::Live,
                anonymous: false,
                throttle_days: 0,
            },
            &unique("p")[..16],
        )
        .await
        .unwrap()
        .id
}

async fn answer(
    store: &SharedStore,
    ws: &Workspace,
    survey: SurveyId,
    customer: CustomerId,
    score: i16,
    comment: &str,
    at: time::OffsetDateTime,
) {
    store
        .insert_responses(&[ResponseToStore {
            workspace_id: ws.id,
            response: NewResponse {
                id: ResponseId::new(),
                survey_id: survey,
                score,
                answers: Vec::new(),
                comment: LongText::parse(comment).unwrap(),
                touchpoint_id: None,
                channel: Channel::Web,
                locale: Locale::Cy,
                customer_id: Some(customer),
                attributes: Default::default(),
                submitted_at: at,
                client_key: None,
            },
            customer: None,
        }])
        .await
        .unwrap();
}

async fn event(
    app: &TestApp,
    t: &str,
    c: CustomerId,
    kind: &str,
    at: &str,
) -> (u16, serde_json::Value) {
    app.browser()
        .api(
            Method::POST,
            &format!("/api/v1/customers/{c}/events"),
            t,
            Some(json!({"type": kind, "at": at})),
        )
        .await
}

/// Period 1 January – 31 March 2026. Ten customers since June 2025; two of them end (1 Feb,
/// 1 Mar); one new customer starts on 10 Feb and stays; another starts on 12 Jan and leaves on
/// 20 Feb; one customer came and went in December (not counted). At the start S = 10, lost
/// L = 2 (of S), new N = 2, at the end E = 9 of whom one is new: churn 2/10 = 20% (Wilson
/// 5.7–51.0%), retention (9 − 1)/10 = 80% (Wilson 49.0–94.3%) — the new customer who came and
/// went is not subtracted (read literally, (9 − 2)/10 = 70% would not be 100% − churn).
///
/// NPS: the two churned answered 2 and 3 (NPS −100); the eight retained 10, 10, 10, 9, 9, 9,
/// 8, 7 (6 promoters, no detractors: NPS 75). Δ = −175, margin 1.96 × √(0 + 234.4) = 30.0:
/// significant.
async fn hand_count(store: SharedStore) {
    let app = TestApp::spawn(store.clone()).await;
    let slug = unique("life");
    let (ws, t) = setup(&app, &slug).await;
    let survey = nps_survey(&store, &ws).await;
    let mut customers = Vec::new();
    for i in 0..13 {
        let c = store
            .upsert_customer(
                ws.id,
                &NewCustomer {
                    external_id: Some(format!("c{i}")),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        customers.push(c.id);
    }
    for c in &customers[..10] {
        let (status, body) = event(&app, &t, *c, "started", "2025-06-01T00:00:00Z").await;
        assert_eq!(status, 201, "{body}");
    }
    let (_, body) = event(&app, &t, customers[8], "ended", "2026-02-01T00:00:00Z").await;
    assert_eq!(body["ended_at"], "2026-02-01T00:00:00Z");
    event(&app, &t, customers[9], "ended", "2026-03-01T00:00:00Z").await;
    event(&app, &t, customers[10], "started", "2026-02-10T00:00:00Z").await;
    event(&app, &t, customers[11], "started", "2025-12-01T00:00:00Z").await;
    event(&app, &t, customers[11], "ended", "2025-12-20T00:00:00Z").await;
    event(&app, &t, customers[12], "started", "2026-01-12T00:00:00Z").await;
    event(&app, &t, customers[12], "ended", "2026-02-20T00:00:00Z").await;
    // A renewal keeps the start and clears nothing else.
    let (status, body) = event(&app, &t, customers[0], "renewed", "2026-01-15T00:00:00Z").await;
    assert_eq!(status, 201);
    assert_eq!(body["started_at"], "2025-06-01T00:00:00Z");
    assert!(body["ended_at"].is_null());

    let when = time::macros::datetime!(2025-12-15 12:00 UTC);
    for (c, score) in customers[..10]
        .iter()
        .zip([10, 10, 10, 9, 9, 9, 8, 7, 2, 3])
    {
        answer(&store, &ws, survey, *c, score, "", when).await;
    }

    // Purchases (conversion events): c0 three, c1 two, c2 and c3 one each in the period, c4
    // one before it. Repeat-purchase rate 2 / 4 = 50% (Wilson 15.0–85.0%).
    let mut events = Vec::new();
    for (i, at) in [
        (0, "2026-01-05T10:00:00Z"),
        (0, "2026-02-05T10:00:00Z"),
        (0, "2026-03-05T10:00:00Z"),
        (1, "2026-01-20T10:00:00Z"),
        (1, "2026-03-20T10:00:00Z"),
        (2, "2026-02-14T10:00:00Z"),
        (3, "2026-03-30T10:00:00Z"),
        (4, "2025-12-20T10:00:00Z"),
    ] {
        events.push(
            json!({"type": "conversion", "goal": "order", "occurred_at": at,
                           "customer_id": customers[i].to_string()}),
        );
    }
    let b = app.browser();
    let (status, body) = b
        .api(
            Method::POST,
            "/api/v1/events",
            &t,
            Some(json!({"events": events})),
        )
        .await;
    assert!(
        status == 200 || status == 201 || status == 202,
        "{status} {body}"
    );
    let period = "from=2026-01-01&to=2026-03-31";
    let (status, churn) = b
        .api(
            Method::GET,
            &format!("/api/v1/metrics?metric=churn_rate&{period}"),
            &t,
            None,
        )
        .await;
    assert_eq!(status, 200, "{churn}");
    let g = &churn["groups"][0];
    assert_eq!(
        (&g["at_start"], &g["lost"], &g["new"], &g["at_end"]),
        (&json!(10), &json!(2), &json!(2), &json!(9))
    );
    assert_eq!(g["value"], 20.0);
    assert_eq!(g["ci95"], json!([5.7, 51.0]));
    let (_, retention) = b
        .api(
            Method::GET,
            &format!("/api/v1/metrics?metric=retention_rate&{period}"),
            &t,
            None,
        )
        .await;
    assert_eq!(retention["groups"][0]["value"], 80.0);
    assert_eq!(retention["groups"][0]["ci95"], json!([49.0, 94.3]));
    let (_, repeat) = b
        .api(
            Method::GET,
            &format!("/api/v1/metrics?metric=repeat_purchase_rate&{period}"),
            &t,
            None,
        )
        .await;
    let g = &repeat["groups"][0];
    assert_eq!((&g["n"], &g["repeat"]), (&json!(4), &json!(2)), "{repeat}");
    assert_eq!(g["value"], 50.0);
    assert_eq!(g["ci95"], json!([15.0, 85.0]));
    // The period is required.
    let (status, _) = b
        .api(Method::GET, "/api/v1/metrics?metric=churn_rate", &t, None)
        .await;
    assert_eq!(status, 422);

    // The same rule the page uses.
    let from = time::macros::datetime!(2026-01-01 0:00 UTC);
    let to = time::macros::datetime!(2026-04-01 0:00 UTC);
    let r = taith_app::lifecycle::retention(store.as_ref(), ws.id, from, to)
        .await
        .unwrap();
    assert_eq!(r.nps.churned.value, Some(-100.0));
    assert_eq!(r.nps.retained.value, Some(75.0));
    let d = r.nps.difference.unwrap();
    assert!(d.significant);
    assert!((d.margin - 30.0).abs() < 0.05, "{}", d.margin);
    // Cohorts: June 2025 (10 customers) holds at 100% to the end of December; one ended at
    // the first moment of February (90% at the end of January), one of March (80% at the end
    // of February).
    let june = r.cohorts.iter().find(|c| c.month == "2025-06").unwrap();
    assert_eq!(june.size, 10);
    assert_eq!(june.retained[6], 100.0);
    assert_eq!(june.retained[7], 90.0);
    assert_eq!(june.retained[8], 80.0);
    assert_eq!(june.retained[9], 80.0);

    let owner = app.signed_in(&format!("owner@{slug}.example")).await;
    for locale in Locale::ALL {
        let page = owner
            .get(&format!(
                "/w/{slug}/customers/retention?from=2026-01-01&to=2026-03-31&lang={}",
                locale.tag()
            ))
            .await;
        assert_eq!(page.status, 200, "{locale:?}");
        assert!(page.text().contains("2025-06"), "{locale:?}");
    }
    let page = owner
        .get(&format!(
            "/w/{slug}/customers/retention?from=2026-01-01&to=2026-03-31&lang=en"
        ))
        .await;
    let text = page.text();
    assert!(text.contains("20.0%"), "{text}");
    assert!(text.contains("80.0%"), "{text}");
    assert!(text.contains("95% interval 5.7–51.0%"), "{text}");
    assert!(text.contains("a significant difference"), "{text}");
    assert!(
        text.contains("2 customers bought twice or more, of 4 who bought"),
        "{text}"
    );
}

#[tokio::test]
async fn churn_retention_and_nps_of_churned_customers_match_a_hand_count_on_sqlite() {
    hand_count(fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn churn_retention_and_nps_of_churned_customers_match_a_hand_count_on_postgres() {
    if let Some((store, db)) = fresh_postgres().await {
        hand_count(store).await;
        db.drop_database().await;
    }
}

/// A customer with one of each: invited, answered, a case, a support conversation with
/// messages, subscription changes. The timeline shows them all in time order, in the viewer's
/// language with the customer's shown; viewers and other workspaces are kept out.
async fn timeline(store: SharedStore) {
    let app = TestApp::spawn(store.clone()).await;
    let slug = unique("tl");
    let (ws, t) = setup(&app, &slug).await;
    let survey = nps_survey(&store, &ws).await;
    let email = "siân@example.com".to_lowercase();
    let outcome = store
        .create_invitations(
            ws.id,
            survey,
            &[taith_store::NewInvitation {
                id: taith_domain::InvitationId::new(),
                customer: NewCustomer {
                    email: Some(Email::parse("sian@example.com").unwrap()),
                    name: Some(Name::parse("Siân Jones").unwrap()),
                    locale: Some(Locale::Cy),
                    ..Default::default()
                },
                token: unique("tok"),
                reminder_days: 0,
            }],
            taith_domain::now() - time::Duration::days(400),
            Locale::En,
        )
        .await
        .unwrap();
    assert!(matches!(
        outcome[0],
        taith_domain::invitation::InviteOutcome::Invited(_)
    ));
    let _ = email;
    let customer = store
        .upsert_customer(
            ws.id,
            &NewCustomer {
                email: Some(Email::parse("sian@example.com").unwrap()),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
    let now = taith_domain::now();
    event(&app, &t, customer, "started", "2025-01-10T09:00:00Z").await;
    answer(
        &store,
        &ws,
        survey,
        customer,
        3,
        "Roedd y parsel yn hwyr <b>iawn</b>",
        now,
    )
    .await;
    store
        .open_case(
            ws.id,
            &taith_store::NewCase {
                source: taith_domain::CaseSource::Manual,
                response_id: None,
                feature_request_id: None,
                survey_id: None,
                customer_id: Some(customer),
                touchpoint_id: None,
                owner: taith_store::OwnerPick::Nobody,
                opened_at: now + time::Duration::seconds(1),
                first_action_due: now + time::Duration::hours(8),
                resolve_due: now + time::Duration::hours(40),
                actor: None,
                actor_name: "test".into(),
            },
        )
        .await
        .unwrap()
        .unwrap();
    let (status, body) = app
        .browser()
        .api(
            Method::POST,
            "/api/v1/conversations",
            &t,
            Some(json!({
                "channel": "email", "customer_id": customer.to_string(), "locale": "cy",
                "subject": "Parsel <script>hwyr</script>", "tags": ["<em>danfon</em>"],
                "created_at": "2025-02-01T10:00:00Z",
                "messages": [
                    {"direction": "in", "at": "2025-02-01T10:00:00Z", "body": "Ble mae fy mharsel? <img src=x onerror=alert(1)>"},
                    {"direction": "out", "author": "Ana", "at": "2025-02-01T10:30:00Z", "body": "Mae ar ei ffordd."}
                ]
            })),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    event(&app, &t, customer, "ended", "2026-01-01T00:00:00Z").await;
    let (status, body) = app
        .browser()
        .api(
            Method::POST,
            "/api/v1/events",
            &t,
            Some(json!({"events": [
                {"type": "page_view", "occurred_at": "2026-03-01T08:00:00Z",
                 "customer_id": customer.to_string(), "url": "https://becws.example/bara"},
                {"type": "search", "occurred_at": "2026-03-01T08:01:00Z", "query": "<b>rhyg</b>",
                 "result_count": 0, "customer_id": customer.to_string()}
            ]})),
        )
        .await;
    assert!(status < 300, "{status} {body}");

    let owner = app.signed_in(&format!("owner@{slug}.example")).await;
    let path = format!("/w/{slug}/customers/{customer}");
    let page = owner.get(&path).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let text = page.text();
    let order = [
        "Became a customer",
        "Support conversation",
        "Ble mae fy mharsel?",
        "Mae ar ei ffordd.",
        "Stopped being a customer",
        "Viewed a page",
        "Searched the site",
    ];
    let mut last = 0;
    for needle in order {
        let at = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} in {text}"));
        assert!(at >= last, "{needle} out of order");
        last = at;
    }
    for needle in [
        "Invited to a survey",
        "Answered “How likely”",
        "Score 3",
        "Case 1",
        "Cymraeg",
        "Siân Jones",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    // Written by people: shown as text.
    for raw in [
        "<script>hwyr",
        "<img src=x",
        "<em>danfon",
        "<b>iawn",
        "<b>rhyg",
    ] {
        assert!(!page.body.contains(raw), "{raw} unescaped");
    }
    // The viewer's language for labels; the customer's shown.
    let page = owner.get(&format!("{path}?lang=ar")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("dir=\"rtl\""));
    assert!(page.text().contains("أصبح عميلًا"));
    for locale in Locale::ALL {
        let page = owner.get(&format!("{path}?lang={}", locale.tag())).await;
        assert_eq!(page.status, 200, "{locale:?}");
    }

    // Viewers see no individual answers.
    let viewer = format!("viewer@{slug}.example");
    app.member(&ws, &viewer, Role::Viewer).await;
    let v = app.signed_in(&viewer).await;
    assert_eq!(v.get(&path).await.status, 403);
    // Another workspace's customer is missing, as is an id that names nothing.
    let other = unique("tl2");
    setup(&app, &other).await;
    let stranger = app.signed_in(&format!("owner@{other}.example")).await;
    assert_eq!(
        stranger
            .get(&format!("/w/{other}/customers/{customer}"))
            .await
            .status,
        404
    );
    assert_eq!(
        owner
            .get(&format!("/w/{slug}/customers/{}", CustomerId::new()))
            .await
            .status,
        404
    );
    let (_, tb) = ((), app.api_token(&other, TokenScope::Write).await);
    let (status, _) = event(&app, &tb, customer, "ended", "2026-01-02T00:00:00Z").await;
    assert_eq!(status, 404);
    let _ = Slug::parse(&slug).unwrap();
}

#[tokio::test]
async fn a_customers_timeline_shows_every_kind_of_record_in_order_on_sqlite() {
    timeline(fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn a_customers_timeline_shows_every_kind_of_record_in_order_on_postgres() {
    if let Some((store, db)) = fresh_postgres().await {
        timeline(store).await;
        db.drop_database().await;
    }
}

/// The demo tells its story: a year of conversations on every support channel in six
/// languages, the chat's bad stretch slower to answer, and the customers who joined in it
/// leaving more often; churned customers with detractors among them.
#[tokio::test]
async fn the_demo_has_a_year_of_support_and_a_churn_story() {
    let (store, _) = fresh_sqlite().await;
    taith::server::ensure_demo(&store).await.unwrap();
    let ws = store
        .workspace_by_slug(&Slug::parse("demo").unwrap())
        .await
        .unwrap();
    let now = taith_domain::now();
    let all = taith_app::conversations::figures::created_between(
        store.as_ref(),
        ws.id,
        now - time::Duration::days(366),
        now,
    )
    .await
    .unwrap();
    assert!(all.len() >= 900, "{}", all.len());
    let locales: std::collections::BTreeSet<_> = all.iter().filter_map(|c| c.locale).collect();
    assert_eq!(locales.len(), 6);
    // The help desk's year of history is on the map's touchpoints; conversations worked in
    // the inbox (e-mail, web chat, the bot's hand-overs) need not be.
    let imported: Vec<_> = all
        .iter()
        .filter(|c| {
            c.external_id
                .as_deref()
                .is_some_and(|x| !x.starts_with("demo-inbox-"))
        })
        .collect();
    assert!(imported.len() >= 900, "{}", imported.len());
    assert!(imported.iter().all(|c| c.touchpoint_id.is_some()));
    assert!(all.iter().any(|c| c.assignee.is_some()));
    let chat = |from: i64, to: i64| {
        let cs: Vec<&taith_domain::Conversation> = all
            .iter()
            .filter(|c| c.channel == Channel::Chat)
            .filter(|c| c.created_at >= now - time::Duration::days(from))
            .filter(|c| c.created_at < now - time::Duration::days(to))
            .collect();
        taith_app::conversations::figures::compute(&cs, None)
            .first_response
            .mean_hours
            .unwrap()
    };
    assert!(
        chat(210, 120) > 3.0 * chat(100, 0),
        "{} vs {}",
        chat(210, 120),
        chat(100, 0)
    );
    let r = taith_app::lifecycle::retention(
        store.as_ref(),
        ws.id,
        now - time::Duration::days(365),
        now,
    )
    .await
    .unwrap();
    assert!(r.churn.lost > 10, "{:?}", r.churn);
    assert!(r.cohorts.len() >= 12);
    let d = r.nps.churned.detail;
    let taith_metrics::formula::Detail::Nps { detractors, .. } = d else {
        panic!("{d:?}")
    };
    assert!(detractors > 3, "{d:?}");
    assert!(r.nps.churned.value < r.nps.retained.value);
    assert!(r.repeat.buyers > 100, "{:?}", r.repeat);
    assert!(
        r.repeat.rate.is_some_and(|p| p > 30.0 && p < 100.0),
        "{:?}",
        r.repeat
    );
    // The Support and Retention pages show it.
    let app = TestApp::spawn(store.clone()).await;
    let b = app.browser();
    b.sign_in(taith::demo::DEMO_EMAIL, taith::demo::DEMO_PASSWORD)
        .await;
    for path in [
        "/w/demo/support?period=year",
        "/w/demo/customers/retention?period=year",
    ] {
        let page = b.get(path).await;
        assert_eq!(page.status, 200, "{path}");
    }
}
