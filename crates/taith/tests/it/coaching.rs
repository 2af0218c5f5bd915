//! Coaching per agent and team: figures that match a hand count, a leaderboard that does not
//! rank a pair whose difference is not significant, and an agent who sees only their own.

use crate::changes::respond;
use crate::helpers::{TestApp, fresh_sqlite};
use crate::surveys_api::token;
use crate::surveys_ui::live_nps;
use reqwest::Method;
use serde_json::Value;
use taith_domain::{
    Channel, LongText, NewResponse, ResponseId, Role, Survey, TokenScope, Workspace,
};
use taith_store::{ResponseToStore, SharedStore};

/// Stores anonymous responses of `survey` with these scores, all with `attributes`.
async fn scores(
    store: &SharedStore,
    ws: &Workspace,
    survey: &Survey,
    scores: &[i16],
    attributes: &[(&str, &str)],
) {
    let batch: Vec<ResponseToStore> = scores
        .iter()
        .map(|s| ResponseToStore {
            workspace_id: ws.id,
            response: NewResponse {
                id: ResponseId::new(),
                survey_id: survey.id,
                score: *s,
                answers: Vec::new(),
                comment: LongText::empty(),
                touchpoint_id: None,
                channel: Channel::Phone,
                locale: taith_domain::Locale::En,
                customer_id: None,
                attributes: attributes
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect(),
                submitted_at: taith_domain::now(),
                client_key: None,
            },
            customer: None,
        })
        .collect();
    store.insert_responses(&batch).await.unwrap();
}

/// `n` scores giving `promoters`, `passives` and `detractors` shares out of 10.
fn mix(n: usize, promoters: usize, passives: usize) -> Vec<i16> {
    (0..n)
        .map(|i| match i % 10 {
            x if x < promoters => 10,
            x if x < promoters + passives => 8,
            _ => 2,
        })
        .collect()
}

fn group<'a>(body: &'a Value, name: &str) -> Option<&'a Value> {
    body["groups"]
        .as_array()?
        .iter()
        .find(|g| g["name"] == name)
}

#[tokio::test]
async fn coaching_figures_match_a_hand_count_and_the_leaderboard_ranks_only_significant_differences()
 {
    let (store, _) = fresh_sqlite().await;
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    // Hand count: 10, 10, 9 (promoters), 8 (passive), 3 (detractor): NPS 100 × (3 − 1) / 5 = 40.
    scores(
        &store,
        &ws,
        &survey,
        &[10, 10, 9, 8, 3],
        &[("agent", "Nia"), ("team", "Shop")],
    )
    .await;
    // Megan NPS 50 and Dafydd NPS 40 on 60 answers each: not significantly apart; Owain −60.
    scores(
        &store,
        &ws,
        &survey,
        &mix(60, 6, 3),
        &[("agent", "Megan"), ("team", "Phone")],
    )
    .await;
    scores(
        &store,
        &ws,
        &survey,
        &mix(60, 6, 2),
        &[("agent", "Dafydd"), ("team", "Phone")],
    )
    .await;
    scores(
        &store,
        &ws,
        &survey,
        &mix(60, 2, 0),
        &[("agent", "Owain"), ("team", "Phone")],
    )
    .await;
    let read = token(&app, "becws", TokenScope::Read).await;
    let b = app.browser();
    let (status, body) = b
        .api(Method::GET, "/api/v1/coaching?by=agent", &read, None)
        .await;
    assert_eq!(status, 200, "{body}");
    let nia = group(&body, "Nia").unwrap();
    let nps = &nia["figures"][0];
    assert_eq!(nps["metric"], "nps");
    assert_eq!(nps["n"], 5);
    assert_eq!(nps["value"], 40.0);
    assert_eq!(nps["small_sample"], true);
    let megan = &group(&body, "Megan").unwrap()["figures"][0];
    assert_eq!(megan["value"], 50.0);
    assert_eq!(megan["n"], 60);
    let board = &body["leaderboards"][0];
    assert_eq!(board["metric"], "nps");
    assert_eq!(board["any_significant"], true);
    let rank = |name: &str| {
        board["ranked"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .map(|p| p["rank"].as_u64().unwrap())
    };
    assert_eq!(rank("Megan"), Some(1));
    assert_eq!(
        rank("Dafydd"),
        Some(1),
        "not significantly below Megan: a tie"
    );
    assert_eq!(rank("Owain"), Some(3));
    assert_eq!(rank("Nia"), None, "a small sample is not ranked");
    assert_eq!(board["unranked"], serde_json::json!(["Nia"]));

    let (status, teams) = b
        .api(Method::GET, "/api/v1/coaching?by=team", &read, None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(group(&teams, "Phone").unwrap()["figures"][0]["n"], 180);
    let (status, _) = b
        .api(Method::GET, "/api/v1/coaching?by=shoe", &read, None)
        .await;
    assert_eq!(status, 422);

    // The page says in words which differences are significant.
    let owner = app.signed_in("owner@becws.example").await;
    let page = owner.get("/w/becws/coaching").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Owain") && page.body.contains("Megan"));
}

#[tokio::test]
async fn an_agent_sees_only_their_own_coaching_figures() {
    let (store, _) = fresh_sqlite().await;
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    app.member(&ws, "megan@becws.example", Role::Agent).await;
    app.member(&ws, "owain@becws.example", Role::Viewer).await;
    let survey = live_nps(&app, &ws).await;
    scores(
        &store,
        &ws,
        &survey,
        &[10, 9, 2],
        &[("agent", " Megan@Becws.example")],
    )
    .await;
    scores(
        &store,
        &ws,
        &survey,
        &[10, 10, 10],
        &[("agent", "Dafydd Price")],
    )
    .await;
    // Her praise is shown to her.
    respond(
        &store,
        &ws,
        &survey,
        None,
        taith_domain::Locale::En,
        10,
        &[("agent", "megan@becws.example")],
    )
    .await;

    let agent = app.signed_in("megan@becws.example").await;
    let (status, body) = agent
        .api_as_member(Method::GET, "/api/v1/coaching", "becws", None, None)
        .await;
    assert_eq!(status, 200, "{body}");
    let names: Vec<&str> = body["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    // Both spellings of her address are hers (the praise's response wrote it in lower case).
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names
            .iter()
            .all(|n| n.trim().eq_ignore_ascii_case("megan@becws.example")),
        "{names:?}"
    );
    assert_eq!(body["leaderboards"], serde_json::json!([]));
    let page = agent.get("/w/becws/coaching").await;
    assert_eq!(page.status, 200);
    assert!(
        !page.body.contains("Dafydd"),
        "another agent's name is not shown"
    );
    let (status, teams) = agent
        .api_as_member(Method::GET, "/api/v1/coaching?by=team", "becws", None, None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(teams["groups"], serde_json::json!([]));

    let viewer = app.signed_in("owain@becws.example").await;
    assert_eq!(viewer.get("/w/becws/coaching").await.status, 403);
    let (status, _) = viewer
        .api_as_member(Method::GET, "/api/v1/coaching", "becws", None, None)
        .await;
    assert_eq!(status, 403);
}
