//! Cases: opened by a survey's rules exactly once per response (two nodes at once included),
//! owned by the touchpoint's owner or round the team, overdue shown as overdue, replies reaching
//! the customer in their language, every change logged, field-level errors, tenant isolation,
//! and the figures against a hand count. Store-related stories run on SQLite and PostgreSQL.

use crate::helpers::{TestApp, fresh_postgres, fresh_sqlite, unique};
use crate::smtp_sink::SmtpSink;
use reqwest::Method;
use serde_json::json;
use taith_app::cases::{self, Actor, Edit, OpenFrom};
use taith_domain::{
    CaseSource, CaseStatus, Change, Channel, Email, Journey, Locale, LongText, Name, NewResponse,
    Owner, ResponseId, Role, StageModel, SurveyId, TokenScope, TouchpointId, UserId, Workspace,
};
use taith_store::{
    Author, CaseFilter, NewCase, NewCustomer, OwnerPick, PageRequest, ResponseToStore, SharedStore,
};
use taith_text::{Lang, Polarity};

/// A workspace with an NPS survey on a touchpoint owned by `owner`.
struct Setup {
    ws: Workspace,
    survey: SurveyId,
    touchpoint: TouchpointId,
}

async fn workspace(store: &SharedStore, slug: &str) -> Workspace {
    let user = taith_store::NewUser {
        email: Email::parse(&format!("owner@{slug}.example")).unwrap(),
        name: Name::parse("Owner").unwrap(),
        password_hash: taith_app::account::secrets::hash_password(crate::helpers::PASSWORD)
            .unwrap(),
    };
    store
        .create_workspace(
            &taith_domain::Slug::parse(slug).unwrap(),
            &Name::parse(slug).unwrap(),
            user,
        )
        .await
        .unwrap()
        .0
}

async fn member(store: &SharedStore, ws: &Workspace, email: &str, role: Role) -> UserId {
    store
        .add_member(
            ws.id,
            taith_store::NewUser {
                email: Email::parse(email).unwrap(),
                name: Name::parse(email).unwrap(),
                password_hash: taith_app::account::secrets::hash_password(crate::helpers::PASSWORD)
                    .unwrap(),
            },
            role,
        )
        .await
        .unwrap()
        .user
        .id
}

async fn setup(store: &SharedStore, ws: Workspace, owner: Option<Owner>) -> Setup {
    let mut j = Journey::new(
        taith_domain::JourneyFields {
            name: Name::parse("Shop visit").unwrap(),
            description: Default::default(),
            persona_id: None,
        },
        StageModel::FiveStage,
        |k| Name::parse(k).unwrap(),
        taith_domain::now(),
    );
    let stage = j.stages[2].id;
    let touchpoint = j
        .add_touchpoint(
            stage,
            taith_domain::TouchpointFields {
                name: Name::parse("Counter").unwrap(),
                channel: Channel::InStore,
                owner,
                description: Default::default(),
                moment_of_truth: false,
            },
        )
        .unwrap();
    let author = Author {
        user_id: None,
        name: "test".into(),
    };
    store
        .create_journey(ws.id, &j, &author, &[Change::Created])
        .await
        .unwrap();
    let survey = store
        .create_survey(
            ws.id,
            &taith_domain::SurveyFields {
                name: Name::parse("After the visit").unwrap(),
                kind: taith_domain::SurveyKind::Nps,
                scale: taith_domain::SurveyKind::Nps.default_scale(),
                default_locale: Locale::En,
                question: taith_domain::LocalizedText(
                    [(Locale::En, "How likely?".to_owned())].into(),
                ),
                thank_you: taith_domain::LocalizedText([(Locale::En, "Thanks".to_owned())].into()),
                follow_ups: Vec::new(),
                touchpoint_id: Some(touchpoint),
                status: taith_domain::SurveyStatus::Live,
                anonymous: false,
                throttle_days: 30,
            },
            &unique("p")[..16],
        )
        .await
        .unwrap();
    Setup {
        ws,
        survey: survey.id,
        touchpoint,
    }
}

/// Stores a response (with a customer when `email` is given) and returns its id.
async fn respond(
    store: &SharedStore,
    s: &Setup,
    score: i16,
    comment: &str,
    locale: Locale,
    email: Option<&str>,
) -> ResponseId {
    let id = ResponseId::new();
    store
        .insert_responses(&[ResponseToStore {
            workspace_id: s.ws.id,
            response: NewResponse {
                id,
                survey_id: s.survey,
                score,
                answers: Vec::new(),
                comment: LongText::parse(comment).unwrap(),
                touchpoint_id: Some(s.touchpoint),
                channel: Channel::Web,
                locale,
                customer_id: None,
                attributes: Default::default(),
                submitted_at: taith_domain::now(),
                client_key: None,
            },
            customer: email.map(|e| NewCustomer {
                email: Some(Email::parse(e).unwrap()),
                name: Some(Name::parse("Siân").unwrap()),
                locale: Some(locale),
                ..Default::default()
            }),
        }])
        .await
        .unwrap();
    id
}

/// Drains the opener's queue, as the worker does.
async fn open_all(store: &SharedStore) {
    while cases::worker::open_pending(store.as_ref()).await.unwrap() > 0 {}
}

async fn all_cases(store: &SharedStore, ws: &Workspace) -> Vec<taith_domain::Case> {
    store
        .cases(ws.id, &CaseFilter::default(), PageRequest::all())
        .await
        .unwrap()
        .items
}

// --- opening and owners, on both stores -------------------------------------------------------

async fn a_detractor_opens_one_case_for_the_touchpoints_owner(store: SharedStore) {
    let ws = workspace(&store, "alpha").await;
    let agent = member(&store, &ws, "agent@alpha.example", Role::Agent).await;
    let s = setup(&store, ws, Some(Owner::Member { user_id: agent })).await;
    let detractor = respond(&store, &s, 3, "Cold bread, rude staff", Locale::En, None).await;
    let promoter = respond(&store, &s, 10, "", Locale::En, None).await;
    // Two nodes take the same queue at once.
    let (a, b) = tokio::join!(
        cases::worker::open_pending(store.as_ref()),
        cases::worker::open_pending(store.as_ref())
    );
    a.unwrap();
    b.unwrap();
    open_all(&store).await;
    // The comment is then read as negative: the sentiment rule fires for the same response.
    store
        .save_comment_analyses(
            s.ws.id,
            &[taith_store::CommentAnalysis {
                response_id: detractor,
                language: Lang::En,
                language_confidence: 0.9,
                sentiment: Some((Polarity::Negative, 0.9)),
                phrases: vec!["cold bread".into()],
                search_text: "cold bread, rude staff".into(),
                themes: Vec::new(),
            }],
            &[],
        )
        .await
        .unwrap();
    open_all(&store).await;
    let list = all_cases(&store, &s.ws).await;
    assert_eq!(list.len(), 1, "{list:?}");
    let c = &list[0];
    assert_eq!(c.response_id, Some(detractor));
    assert_eq!(c.source, CaseSource::Score);
    assert_eq!(c.owner, Some(agent));
    assert_eq!(c.status, CaseStatus::Open);
    assert_eq!(c.touchpoint_id, Some(s.touchpoint));
    assert!(
        store
            .case_of_response(s.ws.id, promoter)
            .await
            .unwrap()
            .is_none()
    );
    // Opening by hand from the same response answers the same case.
    let (same, new) = cases::open_by_hand(
        store.as_ref(),
        s.ws.id,
        &Actor::system(),
        OpenFrom::Response(detractor),
    )
    .await
    .unwrap();
    assert!(!new);
    assert_eq!(same.id, c.id);
    assert_eq!(all_cases(&store, &s.ws).await.len(), 1);
    // A positive response whose comment is read as negative opens one by the sentiment rule;
    // turned off for the survey, it opens none.
    // Its comment read as negative while the response still waits in the opener's queue.
    let grumble = respond(&store, &s, 9, "but the queue", Locale::En, None).await;
    let negative = |r| taith_store::CommentAnalysis {
        response_id: r,
        language: Lang::En,
        language_confidence: 0.9,
        sentiment: Some((Polarity::Negative, 0.8)),
        phrases: Vec::new(),
        search_text: String::new(),
        themes: Vec::new(),
    };
    store
        .save_comment_analyses(s.ws.id, &[negative(grumble)], &[])
        .await
        .unwrap();
    open_all(&store).await;
    let by_sentiment = store
        .case_of_response(s.ws.id, grumble)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(by_sentiment.source, CaseSource::Sentiment);
    taith_app::cases::settings::save_rules(
        store.as_ref(),
        s.ws.id,
        s.survey,
        taith_domain::CaseRules {
            low_score: false,
            negative_comment: false,
        },
    )
    .await
    .unwrap();
    let ignored = respond(&store, &s, 0, "awful", Locale::En, None).await;
    store
        .save_comment_analyses(s.ws.id, &[negative(ignored)], &[])
        .await
        .unwrap();
    open_all(&store).await;
    assert!(
        store
            .case_of_response(s.ws.id, ignored)
            .await
            .unwrap()
            .is_none()
    );
    // The opening is in the log, by taith itself.
    let log = store.case_log(s.ws.id, c.id).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].change.kind(), "opened");
    assert_eq!(log[0].actor, None);
}

#[tokio::test]
async fn a_detractor_response_opens_exactly_one_case_for_the_touchpoints_owner_on_sqlite() {
    a_detractor_opens_one_case_for_the_touchpoints_owner(fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn a_detractor_response_opens_exactly_one_case_for_the_touchpoints_owner_on_postgres() {
    if let Some((store, db)) = fresh_postgres().await {
        a_detractor_opens_one_case_for_the_touchpoints_owner(store).await;
        db.drop_database().await;
    }
}

async fn a_team_touchpoint_goes_round_the_team(store: SharedStore) {
    let ws = workspace(&store, "alpha").await;
    let mut team = vec![
        member(&store, &ws, "a@alpha.example", Role::Agent).await,
        member(&store, &ws, "b@alpha.example", Role::Agent).await,
    ];
    let outsider = member(&store, &ws, "c@alpha.example", Role::Agent).await;
    for u in &team {
        taith_app::cases::settings::save_teams(store.as_ref(), ws.id, *u, &["Shop, Bakery".into()])
            .await
            .unwrap();
    }
    taith_app::cases::settings::save_teams(store.as_ref(), ws.id, outsider, &["Delivery".into()])
        .await
        .unwrap();
    let s = setup(
        &store,
        ws,
        Some(Owner::Team {
            name: Name::parse("shop").unwrap(),
        }),
    )
    .await;
    let mut opened = Vec::new();
    for _ in 0..4 {
        let r = respond(&store, &s, 2, "", Locale::En, None).await;
        open_all(&store).await;
        opened.push(
            store
                .case_of_response(s.ws.id, r)
                .await
                .unwrap()
                .unwrap()
                .owner
                .unwrap(),
        );
    }
    team.sort();
    // In turn: each of the team once, then again, in the same order; never the outsider.
    assert_eq!(opened[0], opened[2]);
    assert_eq!(opened[1], opened[3]);
    assert_ne!(opened[0], opened[1]);
    let mut seen = opened[..2].to_vec();
    seen.sort();
    assert_eq!(seen, team);

    // No owner and no team: the admins in turn.
    let admin = member(&store, &s.ws, "admin@alpha.example", Role::Admin).await;
    let pick = cases::owner_for(store.as_ref(), s.ws.id, None)
        .await
        .unwrap();
    assert_eq!(
        pick,
        OwnerPick::RoundRobin {
            key: "admins".into(),
            candidates: vec![admin]
        }
    );
}

#[tokio::test]
async fn a_team_owned_touchpoint_hands_its_cases_round_the_team_on_sqlite() {
    a_team_touchpoint_goes_round_the_team(fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn a_team_owned_touchpoint_hands_its_cases_round_the_team_on_postgres() {
    if let Some((store, db)) = fresh_postgres().await {
        a_team_touchpoint_goes_round_the_team(store).await;
        db.drop_database().await;
    }
}

// --- over HTTP --------------------------------------------------------------------------------

/// A case opened long ago (due in the past) and one opened now, at `s`'s touchpoint.
async fn overdue_and_fresh(store: &SharedStore, s: &Setup) -> (String, String) {
    let long_ago = taith_domain::now() - time::Duration::days(10);
    let new = |opened: time::OffsetDateTime| NewCase {
        source: CaseSource::Manual,
        response_id: None,
        feature_request_id: None,
        survey_id: None,
        customer_id: None,
        touchpoint_id: Some(s.touchpoint),
        owner: OwnerPick::Nobody,
        opened_at: opened,
        first_action_due: opened + time::Duration::hours(8),
        resolve_due: opened + time::Duration::hours(40),
        actor: None,
        actor_name: "test".into(),
    };
    let old = store
        .open_case(s.ws.id, &new(long_ago))
        .await
        .unwrap()
        .unwrap();
    let fresh = store
        .open_case(s.ws.id, &new(taith_domain::now()))
        .await
        .unwrap()
        .unwrap();
    (old.id.to_string(), fresh.id.to_string())
}

async fn an_overdue_case_shows_as_overdue(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&store, "alpha").await;
    let s = setup(&store, ws, None).await;
    let (old, fresh) = overdue_and_fresh(&store, &s).await;
    let token = app.api_token("alpha", TokenScope::Read).await;
    let b = app.browser();
    let (status, body) = b
        .api(Method::GET, "/api/v1/cases?overdue=true", &token, None)
        .await;
    assert_eq!(status, 200, "{body}");
    let ids: Vec<&str> = body["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec![old.as_str()]);
    let (_, one) = b
        .api(Method::GET, &format!("/api/v1/cases/{old}"), &token, None)
        .await;
    assert_eq!(one["case"]["overdue"], true);
    let (_, other) = b
        .api(Method::GET, &format!("/api/v1/cases/{fresh}"), &token, None)
        .await;
    assert_eq!(other["case"]["overdue"], false);

    let owner = app.signed_in("owner@alpha.example").await;
    let list = owner.get("/w/alpha/cases?status=active&overdue=1").await;
    assert_eq!(list.status, 200);
    assert!(
        list.body.contains(&format!("/cases/{old}")),
        "{}",
        list.body
    );
    assert!(!list.body.contains(&format!("/cases/{fresh}")));
    assert!(list.text().contains("days late"), "{}", list.text());
    let page = owner.get(&format!("/w/alpha/cases/{old}")).await;
    assert!(page.text().contains("Overdue"));
    let page = owner.get(&format!("/w/alpha/cases/{fresh}")).await;
    assert!(!page.text().contains("Overdue"));
    assert!(page.text().contains("due in"));
}

#[tokio::test]
async fn an_overdue_case_shows_as_overdue_in_the_list_the_page_and_the_api_on_sqlite() {
    an_overdue_case_shows_as_overdue(fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn an_overdue_case_shows_as_overdue_in_the_list_the_page_and_the_api_on_postgres() {
    if let Some((store, db)) = fresh_postgres().await {
        an_overdue_case_shows_as_overdue(store).await;
        db.drop_database().await;
    }
}

async fn changes_are_logged(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&store, "alpha").await;
    let s = setup(&store, ws, None).await;
    let r = respond(&store, &s, 4, "Late again", Locale::En, None).await;
    let causes = taith_app::cases::settings::save_root_causes(
        store.as_ref(),
        s.ws.id,
        &["Late delivery".into(), "Stock".into()],
    )
    .await
    .unwrap();
    let token = app.api_token("alpha", TokenScope::Write).await;
    let b = app.browser();
    let (status, created) = b
        .api(
            Method::POST,
            "/api/v1/cases",
            &token,
            Some(json!({ "response_id": r.to_string() })),
        )
        .await;
    // The worker may have opened it first (a detractor): one case either way.
    assert!(status == 201 || status == 200, "{status} {created}");
    let id = created["case"]["id"].as_str().unwrap().to_owned();
    let version = created["case"]["version"].as_i64().unwrap();
    let path = format!("/api/v1/cases/{id}");
    let (status, changed) = b
        .api(
            Method::PATCH,
            &path,
            &token,
            Some(json!({ "version": version, "status": "in_progress", "root_cause_id": causes[0].id.to_string() })),
        )
        .await;
    assert_eq!(status, 200, "{changed}");
    let version = changed["case"]["version"].as_i64().unwrap();
    // The old version is stale: refused, nothing changed.
    let (status, stale) = b
        .api(
            Method::PATCH,
            &path,
            &token,
            Some(json!({ "version": version - 1, "status": "resolved" })),
        )
        .await;
    assert_eq!(status, 409, "{stale}");
    assert_eq!(stale["error"]["code"], "stale_version");
    let (status, noted) = b
        .api(
            Method::POST,
            &format!("{path}/notes"),
            &token,
            Some(json!({ "version": version, "text": "Called the shop <b>today</b>" })),
        )
        .await;
    assert_eq!(status, 200, "{noted}");
    let version = noted["case"]["version"].as_i64().unwrap();
    let (status, resolved) = b
        .api(
            Method::PATCH,
            &path,
            &token,
            Some(json!({ "version": version, "status": "resolved" })),
        )
        .await;
    assert_eq!(status, 200, "{resolved}");
    assert!(resolved["case"]["closed_at"].is_string());
    // A resolved case may only be reopened.
    let version = resolved["case"]["version"].as_i64().unwrap();
    let (status, bad) = b
        .api(
            Method::PATCH,
            &path,
            &token,
            Some(json!({ "version": version, "status": "waiting_for_customer" })),
        )
        .await;
    assert_eq!(status, 422, "{bad}");
    assert_eq!(bad["error"]["details"][0]["field"], "status");
    let kinds: Vec<&str> = resolved["log"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["opened", "status", "root_cause", "note", "status"]);
    let log = resolved["log"].as_array().unwrap();
    assert_eq!(
        log[1]["detail"],
        json!({ "from": "open", "to": "in_progress" })
    );
    assert_eq!(log[3]["detail"]["text"], "Called the shop <b>today</b>");
    // A token acts, but is no person: no first action yet; a member's note is one.
    assert!(resolved["case"]["first_action_at"].is_null());
    let owner = app.signed_in("owner@alpha.example").await;
    let csrf = owner.get("/w/alpha").await.csrf();
    let (status, by_person) = owner
        .api_as_member(
            Method::POST,
            &format!("{path}/notes"),
            "alpha",
            Some(&csrf),
            Some(json!({ "version": version, "text": "Apologised" })),
        )
        .await;
    assert_eq!(status, 200, "{by_person}");
    assert!(by_person["case"]["first_action_at"].is_string());
    let last = by_person["log"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["actor_name"], "Owner");
}

#[tokio::test]
async fn status_root_cause_and_note_changes_are_logged_and_stale_ones_refused_on_sqlite() {
    changes_are_logged(fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn status_root_cause_and_note_changes_are_logged_and_stale_ones_refused_on_postgres() {
    if let Some((store, db)) = fresh_postgres().await {
        changes_are_logged(store).await;
        db.drop_database().await;
    }
}

#[tokio::test]
async fn a_reply_reaches_the_customer_by_email_in_their_language() {
    let store = fresh_sqlite().await.0;
    let sink = SmtpSink::start().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let mailer =
        taith_app::invitations::outbox::Mailer::new(&taith_app::invitations::outbox::MailConfig {
            smtp_url: sink.url(),
            from: "Becws Bara Brith <adborth@becws.example>".to_owned(),
        })
        .unwrap();
    let config = taith_web::WebConfig {
        public_url: Some(format!("http://{addr}")),
        mailer: Some(mailer),
        ..Default::default()
    };
    let (router, _state) = taith_web::app_with_state(store.clone(), config, Some(addr));
    tokio::spawn(taith_web::serve_router(
        listener,
        router,
        taith_web::http::limits::Limits::default(),
        std::future::pending(),
    ));
    let app = TestApp { addr, store };
    let ws = workspace(&app.store, "becws").await;
    let s = setup(&app.store, ws, None).await;
    let r = respond(
        &app.store,
        &s,
        9,
        "Bara da iawn",
        Locale::Cy,
        Some("sian@example.cymru"),
    )
    .await;
    let owner = app.signed_in("owner@becws.example").await;
    let csrf = owner.get("/w/becws").await.csrf();
    let opened = owner
        .post_raw(
            "/w/becws/cases/open",
            &[("csrf", &csrf), ("response_id", &r.to_string())],
        )
        .await;
    assert_eq!(opened.status, 303, "{}", opened.body);
    let case_path = opened.location.unwrap();
    let case_path = case_path.split('?').next().unwrap().to_owned();
    let page = owner.get(&case_path).await;
    assert!(
        page.text().contains("sian@example.cymru"),
        "{}",
        page.text()
    );
    let version = page
        .body
        .split("name=\"version\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let sent = owner
        .post_raw(
            &case_path,
            &[
                ("csrf", &csrf),
                ("version", &version),
                ("reply", "Diolch Siân, welwn ni chi ddydd Sadwrn."),
            ],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let mails = sink.wait_for(1).await;
    let mail = &mails[0];
    assert_eq!(mail.rcpt_to, vec!["sian@example.cymru".to_owned()]);
    let subject = mail.header("Subject").unwrap_or_default();
    let welsh =
        taith_i18n::Tr::new(Locale::Cy)
            .plain()
            .t1("cases-mail-subject", "business", "becws");
    assert!(subject.contains("Eich adborth"), "{subject}");
    assert_eq!(subject, welsh);
    let body = mail.part("text/plain").unwrap_or_else(|| mail.data.clone());
    assert!(
        body.contains("Diolch Siân, welwn ni chi ddydd Sadwrn."),
        "{body}"
    );
    assert!(body.contains("Diolch am ddweud wrth becws"), "{body}");
    assert!(!body.contains("Thank you for telling"));
    // Recorded sent only once the SMTP server took it.
    let mut sent_at = serde_json::Value::Null;
    let token = app.api_token("becws", TokenScope::Read).await;
    let case_id = case_path.rsplit('/').next().unwrap();
    for _ in 0..100 {
        let (_, d) = app
            .browser()
            .api(
                Method::GET,
                &format!("/api/v1/cases/{case_id}"),
                &token,
                None,
            )
            .await;
        sent_at = d["replies"][0]["sent_at"].clone();
        if sent_at.is_string() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(sent_at.is_string());
    assert_eq!(sink.received().len(), 1);
}

#[tokio::test]
async fn settings_errors_are_field_level_and_worded_in_the_members_language() {
    let app = TestApp::on_sqlite().await;
    let ws = workspace(&app.store, "alpha").await;
    setup(&app.store, ws, None).await;
    let token = app.api_token("alpha", TokenScope::Write).await;
    let b = app.browser();
    let (status, body) = b
        .api(
            Method::PUT,
            "/api/v1/cases/settings",
            &token,
            Some(json!({
                "first_action_hours": 0, "resolve_hours": "forty", "day_start": "18:00",
                "day_end": "09:00", "days": [], "utc_offset": "+99:00"
            })),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> = body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    for f in [
        "first_action_hours",
        "resolve_hours",
        "day_end",
        "days",
        "utc_offset",
    ] {
        assert!(fields.contains(&f), "{f} missing from {fields:?}");
    }
    let (status, body) = b
        .api(
            Method::PUT,
            "/api/v1/cases/root-causes",
            &token,
            Some(json!({ "root_causes": ["Stock", "stock", "x".repeat(81)] })),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        body["error"]["details"],
        json!([
            { "field": "root_causes.1", "issue": "taken" },
            { "field": "root_causes.2", "issue": "too_long" }
        ])
    );
    // The settings page in Welsh names the field in Welsh.
    let owner = app.signed_in("owner@alpha.example").await;
    let form = owner.get("/w/alpha/cases/settings?lang=cy").await;
    assert_eq!(form.status, 200);
    let csrf = form.csrf();
    let page = owner
        .post_raw(
            "/w/alpha/cases/settings/sla?lang=cy",
            &[
                ("csrf", &csrf),
                ("first_action_hours", "0"),
                ("resolve_hours", "40"),
                ("day_start", "09:00"),
                ("day_end", "17:00"),
                ("days", "mon"),
                ("utc_offset", "+00:00"),
            ],
        )
        .await;
    assert_eq!(page.status, 422);
    let cy = taith_i18n::Tr::new(Locale::Cy);
    let message = cy.issue(taith_domain::Issue::Invalid);
    assert!(page.text().contains(&message), "{}", page.text());
    assert!(page.body.contains("id=\"first_action_hours-error\""));
    // A note too long, from the case page.
    let c = store_case(&app.store, "alpha").await;
    let page = owner.get(&format!("/w/alpha/cases/{c}?lang=cy")).await;
    let long = "x".repeat(4_001);
    let refused = owner
        .post_raw(
            &format!("/w/alpha/cases/{c}?lang=cy"),
            &[("csrf", &page.csrf()), ("version", "1"), ("note", &long)],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("id=\"note-error\""));
    assert!(
        refused
            .text()
            .contains(&cy.issue(taith_domain::Issue::TooLong))
    );
    // What was typed is kept.
    assert!(refused.body.contains(&long));
    // A stale edit (someone saved the case since this form was read) is a conflict that
    // keeps what was typed, and saves nothing.
    let stale = owner
        .post_raw(
            &format!("/w/alpha/cases/{c}?lang=en"),
            &[
                ("csrf", &page.csrf()),
                ("version", "0"),
                ("note", "Rang her back"),
            ],
        )
        .await;
    assert_eq!(stale.status, 409);
    assert!(stale.text().contains("Someone else changed this case"));
    assert!(stale.body.contains("Rang her back"));
    let id: taith_domain::CaseId = c.parse().unwrap();
    let ws = app
        .store
        .workspace_by_slug(&taith_domain::Slug::parse("alpha").unwrap())
        .await
        .unwrap();
    assert_eq!(app.store.case_log(ws.id, id).await.unwrap().len(), 1);
}

async fn store_case(store: &SharedStore, slug: &str) -> String {
    let ws = store
        .workspace_by_slug(&taith_domain::Slug::parse(slug).unwrap())
        .await
        .unwrap();
    let (c, _) = cases::open_by_hand(store.as_ref(), ws.id, &Actor::system(), OpenFrom::Nothing)
        .await
        .unwrap();
    c.id.to_string()
}

#[tokio::test]
async fn another_workspaces_case_and_a_colleagues_case_are_not_found() {
    let app = TestApp::on_sqlite().await;
    let a = workspace(&app.store, "alpha").await;
    let b = workspace(&app.store, "bravo").await;
    setup(&app.store, b.clone(), None).await;
    let theirs = store_case(&app.store, "bravo").await;
    let token = app.api_token("alpha", TokenScope::Write).await;
    let (status, _) = app
        .browser()
        .api(
            Method::GET,
            &format!("/api/v1/cases/{theirs}"),
            &token,
            None,
        )
        .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .browser()
        .api(
            Method::GET,
            &format!("/api/v1/cases/{}", taith_domain::CaseId::new()),
            &token,
            None,
        )
        .await;
    assert_eq!(status, 404);
    // An agent sees their own and unowned cases, not a colleague's.
    let agent = member(&app.store, &a, "agent@alpha.example", Role::Agent).await;
    let colleague = member(&app.store, &a, "other@alpha.example", Role::Agent).await;
    let now = taith_domain::now();
    let mk = |owner: OwnerPick| NewCase {
        source: CaseSource::Manual,
        response_id: None,
        feature_request_id: None,
        survey_id: None,
        customer_id: None,
        touchpoint_id: None,
        owner,
        opened_at: now,
        first_action_due: now,
        resolve_due: now,
        actor: None,
        actor_name: "t".into(),
    };
    let mine = app
        .store
        .open_case(a.id, &mk(OwnerPick::Member(agent)))
        .await
        .unwrap()
        .unwrap();
    let other = app
        .store
        .open_case(a.id, &mk(OwnerPick::Member(colleague)))
        .await
        .unwrap()
        .unwrap();
    let unowned = app
        .store
        .open_case(a.id, &mk(OwnerPick::Nobody))
        .await
        .unwrap()
        .unwrap();
    let browser = app.signed_in("agent@alpha.example").await;
    assert_eq!(
        browser
            .get(&format!("/w/alpha/cases/{}", mine.id))
            .await
            .status,
        200
    );
    assert_eq!(
        browser
            .get(&format!("/w/alpha/cases/{}", other.id))
            .await
            .status,
        404
    );
    let list = browser.get("/w/alpha/cases?status=all").await;
    assert!(list.body.contains(&mine.id.to_string()));
    assert!(list.body.contains(&unowned.id.to_string()));
    assert!(!list.body.contains(&other.id.to_string()));
    let mylist = browser.get("/w/alpha/cases/mine").await;
    assert!(mylist.body.contains(&mine.id.to_string()));
    assert!(!mylist.body.contains(&unowned.id.to_string()));
    // Taking the unowned one: allowed for themselves only.
    let agent_actor = Actor {
        user: Some(agent),
        name: "agent".into(),
        sees_all: false,
        works_all: false,
        works: true,
    };
    let refused = cases::apply(
        app.store.as_ref(),
        a.id,
        &agent_actor,
        unowned.id,
        unowned.version,
        Edit {
            owner: Some(Some(colleague)),
            ..Edit::default()
        },
    )
    .await;
    assert!(
        matches!(refused, Err(cases::Refused::Forbidden)),
        "{refused:?}"
    );
    let taken = cases::apply(
        app.store.as_ref(),
        a.id,
        &agent_actor,
        unowned.id,
        unowned.version,
        Edit {
            owner: Some(Some(agent)),
            ..Edit::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(taken.owner, Some(agent));
}

async fn figures_match_a_hand_count(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let ws = workspace(&store, "alpha").await;
    let s = setup(&store, ws, None).await;
    let owner = member(&store, &s.ws, "agent@alpha.example", Role::Agent).await;
    let base = time::macros::datetime!(2026-03-02 09:00 UTC);
    let h = |n: i64| base + time::Duration::hours(n);
    // (first action after, closed after) in hours; due: first action 8 h, resolution 40 h.
    let plan: [(Option<i64>, Option<i64>); 5] = [
        (Some(1), Some(4)),
        (Some(2), Some(10)),
        (Some(3), Some(50)),
        (Some(12), None),
        (None, None),
    ];
    for (first, closed) in plan {
        let c = store
            .open_case(
                s.ws.id,
                &NewCase {
                    source: CaseSource::Manual,
                    response_id: None,
                    feature_request_id: None,
                    survey_id: None,
                    customer_id: None,
                    touchpoint_id: Some(s.touchpoint),
                    owner: OwnerPick::Member(owner),
                    opened_at: base,
                    first_action_due: h(8),
                    resolve_due: h(40),
                    actor: None,
                    actor_name: "t".into(),
                },
            )
            .await
            .unwrap()
            .unwrap();
        if first.is_some() || closed.is_some() {
            store
                .update_case(
                    s.ws.id,
                    c.id,
                    c.version,
                    &taith_store::CaseUpdate {
                        status: closed.map(|_| CaseStatus::Resolved),
                        first_action_at: first.map(h),
                        closed_at: closed.map(|c| Some(h(c))),
                        ..Default::default()
                    },
                    &[],
                )
                .await
                .unwrap();
        }
    }
    let token = app.api_token("alpha", TokenScope::Read).await;
    let b = app.browser();
    let get = |metric: &'static str| {
        let b = &b;
        let token = &token;
        async move {
            let (status, body) = b
                .api(
                    Method::GET,
                    &format!("/api/v1/metrics?metric={metric}&from=2026-03-01&to=2026-03-31"),
                    token,
                    None,
                )
                .await;
            assert_eq!(status, 200, "{body}");
            body["groups"][0].clone()
        }
    };
    // First actions after 1, 2, 3, 12 h: mean 4.5, median (rank 2) 2, p90 (rank 4) 12; one
    // without.
    let first = get("case_first_action").await;
    assert_eq!(first["n"], 5);
    assert_eq!(first["value"], 4.5);
    assert_eq!(first["median"], 2.0);
    assert_eq!(first["p90"], 12.0);
    assert_eq!(first["timed"], 4);
    assert_eq!(first["open"], 1);
    // Closed after 4, 10, 50 h: mean 21.3, median 10, p90 50; two still open.
    let resolution = get("case_resolution").await;
    assert_eq!(resolution["value"], 21.3);
    assert_eq!(resolution["median"], 10.0);
    assert_eq!(resolution["p90"], 50.0);
    assert_eq!(resolution["open"], 2);
    // Overdue: the third (closed after 50 h > 40), the fourth (first action at 12 h > 8, and
    // still open long past 40 h), the fifth (never acted on): 3 of 5 = 60%.
    let overdue = get("case_overdue").await;
    assert_eq!(overdue["overdue"], 3);
    assert_eq!(overdue["value"], 60.0);
    assert!(overdue["ci95"][0].as_f64().unwrap() < 60.0);
    // Grouped by touchpoint: one group, this touchpoint.
    let (_, grouped) = b
        .api(
            Method::GET,
            "/api/v1/metrics?metric=case_overdue&by=touchpoint&from=2026-03-01&to=2026-03-31",
            &token,
            None,
        )
        .await;
    assert_eq!(
        grouped["groups"][0]["key"]["touchpoint_id"],
        s.touchpoint.to_string()
    );
    // The dashboard shows the same figures.
    let viewer_email = "viewer@alpha.example";
    member(&store, &s.ws, viewer_email, Role::Viewer).await;
    let viewer = app.signed_in(viewer_email).await;
    let dash = viewer
        .get("/w/alpha/dashboard?from=2026-03-01&to=2026-03-31")
        .await;
    assert_eq!(dash.status, 200);
    let text = dash.text();
    assert!(text.contains("5 cases opened in this period"), "{text}");
    assert!(text.contains("4.5 h"));
    assert!(text.contains("60%"));
}

#[tokio::test]
async fn case_figures_match_a_hand_count_on_sqlite() {
    figures_match_a_hand_count(fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn case_figures_match_a_hand_count_on_postgres() {
    if let Some((store, db)) = fresh_postgres().await {
        figures_match_a_hand_count(store).await;
        db.drop_database().await;
    }
}

#[tokio::test]
async fn cases_list_on_the_command_line_filters_by_status_and_overdue() {
    let dir = crate::helpers::scratch_path("taith-cli-cases-");
    let store =
        taith::database::open_store(&taith::database::DatabaseUrl::Sqlite(dir.join("taith.db")))
            .await
            .unwrap();
    let ws = workspace(&store, "cli-cases").await;
    let s = setup(&store, ws, None).await;
    let (old, fresh) = overdue_and_fresh(&store, &s).await;
    drop(store);
    let run = |args: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_taith"))
            .arg("--data-dir")
            .arg(&dir)
            .args(["cases", "list", "--workspace", "cli-cases"])
            .args(args)
            .env_remove("TAITH_DATABASE_URL")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let all = run(&[]);
    assert_eq!(all.lines().count(), 2, "{all}");
    let overdue = run(&["--overdue"]);
    assert_eq!(overdue.lines().count(), 1, "{overdue}");
    let fields: Vec<&str> = overdue.trim_end().split('\t').collect();
    assert_eq!(fields[1], old);
    assert_eq!(fields[2], "open");
    assert_eq!(fields[3], "overdue");
    assert!(run(&["--status", "resolved"]).is_empty());
    assert!(run(&["--status", "open,in_progress"]).contains(&fresh));
}

#[tokio::test]
async fn the_demo_has_cases_in_every_status_overdue_ones_root_causes_notes_and_replies() {
    // Seeded before any app runs, as `serve --demo` does: a running case opener would open
    // the last week's detractors first, as new cases.
    let (store, _dir) = fresh_sqlite().await;
    let creds = taith::server::ensure_demo(&store).await.unwrap();
    let app = TestApp::spawn(store).await;
    let ws = app
        .store
        .workspace_by_slug(&taith_domain::Slug::parse(&creds.slug).unwrap())
        .await
        .unwrap();
    let list = all_cases(&app.store, &ws).await;
    let now = taith_domain::now();
    for s in CaseStatus::ALL {
        assert!(list.iter().any(|c| c.status == s), "no {s:?} case");
    }
    assert!(
        list.iter().any(|c| c.overdue_at(now).is_some()),
        "none overdue"
    );
    assert!(list.iter().filter(|c| c.root_cause.is_some()).count() >= 10);
    let owners: std::collections::BTreeSet<_> = list.iter().filter_map(|c| c.owner).collect();
    assert!(owners.len() >= 3, "owners: {owners:?}");
    let mut notes = 0;
    let mut replies = 0;
    for c in &list {
        for e in app.store.case_log(ws.id, c.id).await.unwrap() {
            match e.change {
                taith_domain::CaseChange::Note { .. } => notes += 1,
                taith_domain::CaseChange::Reply { .. } => replies += 1,
                _ => {}
            }
        }
    }
    assert!(notes >= 10, "{notes} notes");
    assert!(replies >= 3, "{replies} replies");
    let figures = taith_app::cases::figures::figures(
        app.store.as_ref(),
        ws.id,
        now - time::Duration::days(90),
        now,
        None,
    )
    .await
    .unwrap();
    assert!(figures.resolution.n >= 10);
    assert!(figures.overdue > 0 && figures.overdue < figures.opened);
}

/// For the browser test: a workspace's NPS survey on a touchpoint owned by `owner`.
pub(crate) async fn setup_for(
    store: &SharedStore,
    ws: Workspace,
    owner: Option<Owner>,
) -> SetupRef {
    let s = setup(store, ws, owner).await;
    SetupRef(s)
}

/// A set-up made by [`setup_for`].
pub(crate) struct SetupRef(Setup);

/// For the browser test: an anonymous response.
pub(crate) async fn respond_for(
    store: &SharedStore,
    s: &SetupRef,
    score: i16,
    comment: &str,
    locale: Locale,
) -> ResponseId {
    respond(store, &s.0, score, comment, locale, None).await
}

/// For the browser test: the opener's queue drained.
pub(crate) async fn drain(store: &SharedStore) {
    open_all(store).await;
}
