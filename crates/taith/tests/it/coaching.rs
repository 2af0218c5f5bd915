//! Coaching per agent and team: figures that match a hand count, a leaderboard that does not
//! rank a pair whose difference is not significant, and an agent who sees only their own.

use crate::changes::{case_of, respond};
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

async fn case_figures_count_by_owner_and_team(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let megan = app.member(&ws, "megan@becws.example", Role::Agent).await;
    let rhys = app.member(&ws, "rhys@becws.example", Role::Agent).await;
    let phone = taith_domain::Name::parse("Phone").unwrap();
    for m in [&megan, &rhys] {
        store
            .set_member_teams(ws.id, m.user.id, std::slice::from_ref(&phone))
            .await
            .unwrap();
    }
    let survey = live_nps(&app, &ws).await;
    // Megan's answers name her by address (upper case: matched all the same); the team's too.
    scores(
        &store,
        &ws,
        &survey,
        &[10, 9, 8],
        &[("agent", "MEGAN@becws.example"), ("team", "phone")],
    )
    .await;
    let opened = taith_domain::now() - time::Duration::days(2);
    // Hand count. Megan: 4 cases opened in the period, acted on after 1, 2 and 6 hours (mean
    // 3 h, median 2 h), one not yet; one case of hers opened long before the period is left
    // out. Rhys: one case, acted on after 4 hours. Team Phone: those 5, mean (1+2+6+4)/4 =
    // 3.25 h, median 2 h (nearest rank: the 2nd of 1, 2, 4, 6). An unowned case counts for
    // nobody.
    for h in [Some(1), Some(2), Some(6), None] {
        case_of(&store, &ws, None, Some(megan.user.id), opened, h, None).await;
    }
    let long_ago = taith_domain::now() - time::Duration::days(400);
    case_of(
        &store,
        &ws,
        None,
        Some(megan.user.id),
        long_ago,
        Some(1),
        None,
    )
    .await;
    case_of(&store, &ws, None, Some(rhys.user.id), opened, Some(4), None).await;
    case_of(&store, &ws, None, None, opened, Some(9), None).await;

    let read = token(&app, "becws", TokenScope::Read).await;
    let b = app.browser();
    let (status, body) = b
        .api(Method::GET, "/api/v1/coaching?by=agent", &read, None)
        .await;
    assert_eq!(status, 200, "{body}");
    let groups = body["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2, "{body}");
    let hers = group(&body, "MEGAN@becws.example").expect("her cases join her answers' group");
    assert_eq!(hers["figures"][0]["n"], 3);
    let cases = &hers["cases"];
    assert_eq!(cases["handled"], 4, "{cases}");
    assert_eq!(cases["first_action"]["n"], 3);
    assert_eq!(cases["first_action"]["open"], 1);
    assert_eq!(cases["first_action"]["mean_hours"], 3.0);
    assert_eq!(cases["first_action"]["median_hours"], 2.0);
    let his = group(&body, "rhys@becws.example").expect("a case owner with no answers");
    assert_eq!(his["figures"], serde_json::json!([]));
    assert_eq!(his["cases"]["handled"], 1);
    assert_eq!(his["cases"]["first_action"]["mean_hours"], 4.0);

    let (status, teams) = b
        .api(Method::GET, "/api/v1/coaching?by=team", &read, None)
        .await;
    assert_eq!(status, 200, "{teams}");
    assert_eq!(teams["groups"].as_array().unwrap().len(), 1, "{teams}");
    let team = group(&teams, "phone").expect("the team joins its answers' group");
    assert_eq!(team["cases"]["handled"], 5);
    assert_eq!(team["cases"]["first_action"]["n"], 4);
    assert_eq!(team["cases"]["first_action"]["open"], 1);
    assert_eq!(team["cases"]["first_action"]["mean_hours"], 3.3);
    assert_eq!(team["cases"]["first_action"]["median_hours"], 2.0);

    // An agent sees only her own cases, on the page and over the API.
    let agent = app.signed_in("megan@becws.example").await;
    let (status, own) = agent
        .api_as_member(Method::GET, "/api/v1/coaching", "becws", None, None)
        .await;
    assert_eq!(status, 200, "{own}");
    assert_eq!(own["groups"].as_array().unwrap().len(), 1, "{own}");
    assert_eq!(own["groups"][0]["cases"]["handled"], 4);
    let page = agent.get("/w/becws/coaching").await;
    assert_eq!(page.status, 200);
    let words = |body: &str| body.replace(['\u{2068}', '\u{2069}'], "");
    assert!(
        words(&page.body).contains("4 cases handled in this period"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("rhys@becws.example"));
    let owner = app.signed_in("owner@becws.example").await;
    let page = owner.get("/w/becws/coaching?by=team").await;
    assert!(words(&page.body).contains("5 cases handled in this period"));
}

#[tokio::test]
async fn case_figures_count_by_owner_and_team_on_sqlite() {
    case_figures_count_by_owner_and_team(fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn case_figures_count_by_owner_and_team_on_postgres() {
    let Some((store, db)) = crate::helpers::fresh_postgres().await else {
        return;
    };
    case_figures_count_by_owner_and_team(store).await;
    db.drop_database().await;
}
