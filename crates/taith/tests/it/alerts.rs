//! Alerts end to end, on both stores: a significant NPS drop fires once, not again while it
//! holds, clears when it stops holding, then fires again; each transition goes out to a
//! webhook receiver; every detractor at a moment-of-truth touchpoint fires once; rules are
//! validated with field-level errors and another workspace's rule is not found.

use crate::voc_store::store_all;
use crate::webhooks::{Api, Receiver, app_with, survey_of, test_hooks};
use reqwest::Method;
use serde_json::{Value, json};
use std::time::Duration;
use taith_domain::{
    Change, Channel, Journey, Locale, LongText, NewResponse, ResponseId, Slug, StageModel,
    SurveyId, TouchpointId, WorkspaceId,
};
use taith_store::SharedStore;
use time::OffsetDateTime;

fn scored(
    survey: SurveyId,
    score: i16,
    at: OffsetDateTime,
    tp: Option<TouchpointId>,
) -> NewResponse {
    NewResponse {
        id: ResponseId::new(),
        survey_id: survey,
        score,
        answers: Vec::new(),
        comment: LongText::empty(),
        touchpoint_id: tp,
        channel: Channel::Web,
        locale: Locale::En,
        customer_id: None,
        attributes: Default::default(),
        submitted_at: at,
        client_key: None,
    }
}

async fn add(
    store: &SharedStore,
    ws: WorkspaceId,
    survey: SurveyId,
    score: i16,
    n: usize,
    days_ago: i64,
) {
    let at = taith_domain::now() - time::Duration::days(days_ago) - time::Duration::minutes(5);
    let rs: Vec<NewResponse> = (0..n).map(|_| scored(survey, score, at, None)).collect();
    store_all(store, ws, &rs).await;
}

async fn rule(api: &Api, id: &str) -> Value {
    let (status, body) = api.get(&format!("/api/v1/alerts/{id}")).await;
    assert_eq!(status, 200, "{body}");
    body["alert"].clone()
}

async fn firings(api: &Api, id: &str) -> Vec<Value> {
    let (status, body) = api.get(&format!("/api/v1/alerts/{id}/firings")).await;
    assert_eq!(status, 200, "{body}");
    body["firings"].as_array().unwrap().clone()
}

/// Waits until the rule's last evaluation saw `value`.
async fn evaluated_at(api: &Api, id: &str, value: f64) -> Value {
    loop {
        let r = rule(api, id).await;
        if r["last_value"].as_f64() == Some(value) {
            return r;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

async fn a_significant_nps_drop_fires_once_and_again_only_after_it_cleared(store: SharedStore) {
    let app = app_with(store.clone(), test_hooks(&[10])).await;
    let receiver = Receiver::start().await;
    let api = Api::of(&app, "becws").await;
    let ws = store
        .workspace_by_slug(&Slug::parse("becws").unwrap())
        .await
        .unwrap()
        .id;
    let survey = survey_of(&app, "becws").await;
    let (status, hook) = api
        .send(
            Method::POST,
            "/api/v1/webhooks",
            json!({"url": receiver.url("/"), "events": ["alert.fired", "alert.cleared"]}),
        )
        .await;
    assert_eq!(status, 201, "{hook}");
    let (status, created) = api
        .send(
            Method::POST,
            "/api/v1/alerts",
            json!({"name": "NPS is falling", "kind": "change", "metric": "nps",
                   "direction": "down", "period_days": 7, "min_responses": 30}),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let id = created["alert"]["id"].as_str().unwrap().to_owned();
    assert_eq!(created["alert"]["firing"], false);

    // Last week and this week alike: nothing fires.
    add(&store, ws, survey, 10, 40, 8).await;
    add(&store, ws, survey, 10, 40, 0).await;
    evaluated_at(&api, &id, 100.0).await;
    assert!(firings(&api, &id).await.is_empty());

    // A drop to 0 from 100: significant. It fires.
    add(&store, ws, survey, 2, 40, 0).await;
    let r = evaluated_at(&api, &id, 0.0).await;
    assert_eq!(r["firing"], true, "{r}");
    let first = firings(&api, &id).await;
    assert_eq!(first.len(), 1, "{first:?}");
    assert_eq!(first[0]["value"], 0.0);
    assert_eq!(first[0]["previous"], 100.0);
    assert!(first[0]["cleared_at"].is_null());

    // Still holding, with more responses: evaluated again, no second firing.
    add(&store, ws, survey, 2, 10, 0).await;
    evaluated_at(&api, &id, -11.1).await;
    assert_eq!(firings(&api, &id).await.len(), 1);

    // Last week turns out the same as this one: it clears.
    add(&store, ws, survey, 2, 50, 8).await;
    loop {
        let r = rule(&api, &id).await;
        if r["firing"] == false {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let cleared = firings(&api, &id).await;
    assert_eq!(cleared.len(), 1);
    assert!(cleared[0]["cleared_at"].is_string(), "{cleared:?}");

    // A new drop fires again.
    add(&store, ws, survey, 0, 200, 0).await;
    let r = evaluated_at(&api, &id, -72.4).await;
    assert_eq!(r["firing"], true, "{r}");
    let again = firings(&api, &id).await;
    assert_eq!(again.len(), 2, "{again:?}");
    assert!(again[0]["cleared_at"].is_null() && again[1]["cleared_at"].is_string());

    // The receiver heard: fired, cleared, fired.
    let got = receiver.wait_for(3).await;
    let types: Vec<String> = got
        .iter()
        .map(|r| r.json()["type"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        types,
        ["alert.fired", "alert.cleared", "alert.fired"],
        "{types:?}"
    );
    assert_eq!(got[0].json()["data"]["rule_name"], "NPS is falling");
    assert_eq!(got[0].json()["data"]["firing_id"], first[0]["id"]);
}

async fn every_detractor_at_a_moment_of_truth_fires_once(store: SharedStore) {
    let app = app_with(store.clone(), test_hooks(&[10])).await;
    let api = Api::of(&app, "becws").await;
    let ws = store
        .workspace_by_slug(&Slug::parse("becws").unwrap())
        .await
        .unwrap()
        .id;
    let survey = survey_of(&app, "becws").await;
    let mut j = Journey::new(
        taith_domain::JourneyFields {
            name: taith_domain::Name::parse("Ordering a cake").unwrap(),
            description: Default::default(),
            persona_id: None,
        },
        StageModel::FiveStage,
        |k| taith_domain::Name::parse(k).unwrap(),
        taith_domain::now(),
    );
    let stage = j.stages[0].id;
    let mut touchpoint = |name: &str, moment: bool| {
        j.add_touchpoint(
            stage,
            taith_domain::TouchpointFields {
                name: taith_domain::Name::parse(name).unwrap(),
                channel: Channel::InStore,
                owner: None,
                description: Default::default(),
                moment_of_truth: moment,
            },
        )
        .unwrap()
    };
    let collection = touchpoint("Collecting the cake", true);
    let browsing = touchpoint("Browsing the menu", false);
    let author = taith_store::Author {
        user_id: None,
        name: "test".into(),
    };
    store
        .create_journey(ws, &j, &author, &[Change::Created])
        .await
        .unwrap();
    let (status, created) = api
        .send(
            Method::POST,
            "/api/v1/alerts",
            json!({"name": "Unhappy at collection", "kind": "detractor"}),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let id = created["alert"]["id"].as_str().unwrap().to_owned();
    let now = taith_domain::now();
    let detractor = scored(survey, 3, now, Some(collection));
    let rs = vec![
        detractor.clone(),
        scored(survey, 9, now, Some(collection)),
        scored(survey, 1, now, Some(browsing)),
        scored(survey, 1, now, None),
    ];
    store_all(&store, ws, &rs).await;
    let list = loop {
        let list = firings(&api, &id).await;
        if !list.is_empty() {
            break list;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    };
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["response_id"], json!(detractor.id));
    assert_eq!(list[0]["value"], 3.0);
    // Another detractor there fires once more; the same response never twice.
    let second = scored(survey, 0, now, Some(collection));
    store_all(&store, ws, std::slice::from_ref(&second)).await;
    while firings(&api, &id).await.len() < 2 {
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    // Every queued response has been handled by now (the queue is empty after both).
    assert_eq!(firings(&api, &id).await.len(), 2);
}

async fn a_firing_emails_the_chosen_members_in_their_own_language(store: SharedStore) {
    let sink = crate::smtp_sink::SmtpSink::start().await;
    let mailer =
        taith_app::invitations::outbox::Mailer::new(&taith_app::invitations::outbox::MailConfig {
            smtp_url: sink.url(),
            from: "taith <alerts@becws.example>".to_owned(),
        })
        .unwrap();
    let lots = taith_web::http::limits::Quota::new(1_000_000, 1_000_000);
    let config = taith_web::WebConfig {
        mailer: Some(mailer),
        hooks: test_hooks(&[10]),
        limits: taith_web::http::limits::Limits {
            submissions: lots,
            sign_ins: lots,
            ..Default::default()
        },
        ..Default::default()
    };
    let app = crate::helpers::TestApp::spawn_with(store.clone(), config).await;
    let api = Api::of(&app, "becws").await;
    let w = store
        .workspace_by_slug(&Slug::parse("becws").unwrap())
        .await
        .unwrap();
    let owner = store.members(w.id).await.unwrap()[0].user.clone();
    store
        .set_user_locale(owner.id, Some(Locale::Cy))
        .await
        .unwrap();
    let agent = app
        .member(&w, "agent@becws.example", taith_domain::Role::Agent)
        .await;
    let bystander = app
        .member(&w, "viewer@becws.example", taith_domain::Role::Viewer)
        .await;
    let survey = survey_of(&app, "becws").await;
    let (status, created) = api
        .send(
            Method::POST,
            "/api/v1/alerts",
            json!({"name": "NPS under zero", "kind": "threshold", "metric": "nps",
                   "direction": "down", "threshold": 0, "min_responses": 10,
                   "recipients": [owner.id, agent.user.id]}),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    add(&store, w.id, survey, 1, 12, 0).await;
    let mails = sink.wait_for(2).await;
    let to = |m: &crate::smtp_sink::Received| m.rcpt_to.join(",");
    let welsh = mails
        .iter()
        .find(|m| to(m).contains(owner.email.as_str()))
        .unwrap();
    let english = mails
        .iter()
        .find(|m| to(m).contains("agent@becws.example"))
        .unwrap();
    assert!(
        welsh.data.contains("Subject: Rhybudd: NPS under zero"),
        "{}",
        welsh.data
    );
    assert!(
        english.data.contains("Subject: Alert: NPS under zero"),
        "{}",
        english.data
    );
    assert!(
        english.data.contains("/w/becws/alerts/"),
        "{}",
        english.data
    );
    assert!(
        mails
            .iter()
            .all(|m| !to(m).contains(bystander.user.email.as_str()))
    );
}

async fn rules_are_validated_field_by_field_and_kept_to_their_workspace(store: SharedStore) {
    let app = app_with(store, test_hooks(&[10])).await;
    let api = Api::of(&app, "becws").await;
    let (status, body) = api
        .send(
            Method::POST,
            "/api/v1/alerts",
            json!({"name": "", "kind": "threshold", "metric": "mood", "direction": "either",
                   "period_days": 0, "scope": "touchpoint",
                   "scope_id": TouchpointId::new().to_string()}),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> = body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    for f in ["name", "metric", "direction", "threshold", "period_days"] {
        assert!(fields.contains(&f), "{f}: {body}");
    }
    // A touchpoint of no journey here is not found.
    let (status, body) = api
        .send(
            Method::POST,
            "/api/v1/alerts",
            json!({"name": "Till", "kind": "threshold", "metric": "csat", "direction": "down",
                   "threshold": 70, "scope": "touchpoint",
                   "scope_id": TouchpointId::new().to_string()}),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["error"]["details"][0]["field"], "scope_id");
    assert_eq!(body["error"]["details"][0]["issue"], "not_found");
    let (status, ok) = api
        .send(
            Method::POST,
            "/api/v1/alerts",
            json!({"name": "CSAT under 70", "kind": "threshold", "metric": "csat",
                   "direction": "down", "threshold": 70}),
        )
        .await;
    assert_eq!(status, 201, "{ok}");
    let id = ok["alert"]["id"].as_str().unwrap();
    let (status, updated) = api
        .send(
            Method::PUT,
            &format!("/api/v1/alerts/{id}"),
            json!({"name": "CSAT under 75", "kind": "threshold", "metric": "csat",
                   "direction": "down", "threshold": 75, "enabled": false}),
        )
        .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["alert"]["threshold"], 75.0);
    assert_eq!(updated["alert"]["enabled"], false);
    let other = Api::of(&app, "arall").await;
    for (method, path) in [
        (Method::GET, format!("/api/v1/alerts/{id}")),
        (Method::GET, format!("/api/v1/alerts/{id}/firings")),
        (Method::DELETE, format!("/api/v1/alerts/{id}")),
    ] {
        let (status, _) = other.browser.api(method, &path, &other.token, None).await;
        assert_eq!(status, 404, "{path}");
    }
    let (status, _) = api
        .browser
        .api(
            Method::DELETE,
            &format!("/api/v1/alerts/{id}"),
            &api.token,
            None,
        )
        .await;
    assert_eq!(status, 204);
    let (status, _) = api.get(&format!("/api/v1/alerts/{id}")).await;
    assert_eq!(status, 404);
}

crate::webhooks::on_both_stores!(
    a_significant_nps_drop_fires_once_and_again_only_after_it_cleared,
    a_firing_emails_the_chosen_members_in_their_own_language,
    every_detractor_at_a_moment_of_truth_fires_once,
    rules_are_validated_field_by_field_and_kept_to_their_workspace,
);
