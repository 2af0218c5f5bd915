//! The feature-request board: the store's behaviour on both backends (one vote per voter,
//! comments linked with their customers, merges, statuses with public notes, tenant
//! isolation), the board over HTTP (API, staff pages, the public board with its cookie-held
//! browser votes), and the public board in Chromium with axe-core in six locales.

use crate::axe::Audit;
use crate::helpers::{TestApp, fresh_sqlite};
use crate::isolation::populate;
use crate::respond_browser::{browser, screenshot};
use crate::webdriver::Options;
use reqwest::Method;
use serde_json::json;
use std::collections::BTreeMap;
use taith_app::feature_requests as fr;
use taith_domain::{
    Email, FeatureRequestFields, FeatureRequestId, FeatureRequestStatus, Locale, LongText, Name,
    PublicNote, RequestSource, ResponseId, Role, Slug, SurveyId, TokenScope, Voter, Workspace,
};
use taith_store::{
    ConflictKind, FeatureRequestFilter, NewCustomer, PageRequest, ResponseToStore, SharedStore,
    StoreError,
};

fn fields(title: &str, description: &str) -> FeatureRequestFields {
    FeatureRequestFields {
        title: Name::parse(title).unwrap(),
        description: LongText::parse(description).unwrap(),
    }
}

async fn workspace(store: &SharedStore, slug: &str) -> Workspace {
    store
        .workspace_by_slug(&Slug::parse(slug).unwrap())
        .await
        .unwrap()
}

/// Stores a response with `comment`, from the customer with `email` when given.
async fn comment(
    store: &SharedStore,
    ws: &Workspace,
    survey: &str,
    text: &str,
    email: Option<&str>,
) -> (ResponseId, Option<taith_domain::CustomerId>) {
    let id = ResponseId::new();
    let stored = store
        .insert_responses(&[ResponseToStore {
            workspace_id: ws.id,
            response: taith_domain::NewResponse {
                id,
                survey_id: survey.parse::<SurveyId>().unwrap(),
                score: 4,
                answers: Vec::new(),
                comment: LongText::parse(text).unwrap(),
                touchpoint_id: None,
                channel: taith_domain::Channel::Web,
                locale: Locale::En,
                customer_id: None,
                attributes: Default::default(),
                submitted_at: taith_domain::now(),
                client_key: None,
            },
            customer: email.map(|e| NewCustomer {
                email: Some(Email::parse(e).unwrap()),
                name: Some(Name::parse("Siân Evans").unwrap()),
                ..Default::default()
            }),
        }])
        .await
        .unwrap();
    (id, stored[0].customer_id)
}

// --- the store, on both backends ----------------------------------------------------------------

async fn store_story(store: SharedStore) {
    let (a, _) = populate(&store, "alpha").await;
    let (b, _) = populate(&store, "bravo").await;
    let ws = workspace(&store, "alpha").await;
    let other = workspace(&store, "bravo").await;
    let s = store.as_ref();

    let oat = fr::create(
        s,
        ws.id,
        &fields("Oat milk", "For coffee"),
        RequestSource::Staff,
    )
    .await
    .unwrap();
    assert_eq!(oat.status, FeatureRequestStatus::UnderReview);
    assert_eq!(oat.votes, 0);
    assert_eq!(s.feature_request(ws.id, oat.id).await.unwrap(), oat);

    // One vote per customer, however often they vote.
    let (r1, c1) = comment(
        &store,
        &ws,
        &a.survey,
        "Please add oat milk",
        Some("sian@example.com"),
    )
    .await;
    let c1 = c1.unwrap();
    assert!(
        s.add_feature_request_vote(ws.id, oat.id, &Voter::Customer(c1))
            .await
            .unwrap()
    );
    assert!(
        !s.add_feature_request_vote(ws.id, oat.id, &Voter::Customer(c1))
            .await
            .unwrap()
    );
    assert!(
        s.add_feature_request_vote(ws.id, oat.id, &Voter::Browser("ab".repeat(32)))
            .await
            .unwrap()
    );
    assert_eq!(s.feature_request(ws.id, oat.id).await.unwrap().votes, 2);

    // Linking the customer's comment keeps the comment and the customer, and their vote
    // is not counted twice; an anonymous comment counts as its own voter.
    assert!(
        s.link_response_to_feature_request(ws.id, oat.id, r1, Some(c1))
            .await
            .unwrap()
    );
    assert!(
        !s.link_response_to_feature_request(ws.id, oat.id, r1, Some(c1))
            .await
            .unwrap()
    );
    let (r2, _) = comment(&store, &ws, &a.survey, "oat milk!!", None).await;
    assert!(
        s.link_response_to_feature_request(ws.id, oat.id, r2, None)
            .await
            .unwrap()
    );
    assert_eq!(s.feature_request(ws.id, oat.id).await.unwrap().votes, 3);
    let links = s.feature_request_links(ws.id, oat.id).await.unwrap();
    assert_eq!(
        links
            .iter()
            .map(|l| (l.response_id, l.customer_id))
            .collect::<Vec<_>>(),
        vec![(r1, Some(c1)), (r2, None)]
    );
    assert_eq!(
        s.feature_requests_of_response(ws.id, r1).await.unwrap(),
        vec![oat.id]
    );
    // A response that is not there is a stale reference, not a missing request.
    assert!(matches!(
        s.link_response_to_feature_request(ws.id, oat.id, ResponseId::new(), None)
            .await,
        Err(StoreError::Conflict(ConflictKind::StaleReference))
    ));

    // Status and a public note per locale.
    let raw: BTreeMap<Locale, String> = [
        (Locale::En, "Coming in May".to_owned()),
        (Locale::Cy, "Yn dod ym mis Mai".to_owned()),
    ]
    .into();
    let note = PublicNote::parse(&raw).unwrap();
    let planned = s
        .set_feature_request_status(ws.id, oat.id, FeatureRequestStatus::Planned, &note)
        .await
        .unwrap();
    assert_eq!(planned.status, FeatureRequestStatus::Planned);
    assert_eq!(planned.note, note);
    assert_eq!(planned.votes, 3);
    let only_planned = s
        .feature_requests(
            ws.id,
            FeatureRequestFilter {
                status: Some(FeatureRequestStatus::Planned),
                with_merged: false,
            },
            PageRequest::all(),
        )
        .await
        .unwrap();
    assert_eq!(only_planned.items, vec![planned.clone()]);

    // A merge moves votes and links; a voter behind both counts once.
    let dup = fr::create(s, ws.id, &fields("Plant milk", ""), RequestSource::Public)
        .await
        .unwrap();
    s.add_feature_request_vote(ws.id, dup.id, &Voter::Customer(c1))
        .await
        .unwrap();
    let (_, c2) = comment(&store, &ws, &a.survey, "x", Some("ali@example.com")).await;
    s.add_feature_request_vote(ws.id, dup.id, &Voter::Customer(c2.unwrap()))
        .await
        .unwrap();
    let (r3, _) = comment(&store, &ws, &a.survey, "soy milk", None).await;
    s.link_response_to_feature_request(ws.id, dup.id, r3, None)
        .await
        .unwrap();
    s.link_response_to_feature_request(ws.id, dup.id, r1, Some(c1))
        .await
        .unwrap();
    let survivor = s
        .merge_feature_requests(ws.id, dup.id, oat.id)
        .await
        .unwrap();
    // c1, the browser, r2's anonymous vote, c2 and r3's anonymous vote.
    assert_eq!(survivor.votes, 5);
    assert_eq!(
        s.feature_request_links(ws.id, oat.id).await.unwrap().len(),
        3
    );
    assert!(
        s.feature_request_links(ws.id, dup.id)
            .await
            .unwrap()
            .is_empty()
    );
    let merged = s.feature_request(ws.id, dup.id).await.unwrap();
    assert_eq!(merged.merged_into, Some(oat.id));
    assert_eq!(merged.votes, 0);
    let board = s
        .feature_requests(ws.id, FeatureRequestFilter::default(), PageRequest::all())
        .await
        .unwrap();
    // (populate's own request "R" is there too.)
    let listed: Vec<FeatureRequestId> = board.items.iter().map(|r| r.id).collect();
    assert!(
        listed.contains(&oat.id) && !listed.contains(&dup.id),
        "{listed:?}"
    );
    for (from, into) in [(dup.id, oat.id), (oat.id, oat.id), (oat.id, dup.id)] {
        assert!(
            matches!(
                s.merge_feature_requests(ws.id, from, into).await,
                Err(StoreError::Conflict(ConflictKind::StaleReference))
            ),
            "{from} into {into}"
        );
    }

    // Deleting a response for good takes its link with it.
    s.delete_response(ws.id, r3).await.unwrap();
    assert_eq!(
        s.feature_request_links(ws.id, oat.id).await.unwrap().len(),
        2
    );

    // Another workspace's request is no request of this one.
    let theirs = fr::create(s, other.id, &fields("Theirs", ""), RequestSource::Staff)
        .await
        .unwrap();
    assert!(matches!(
        s.feature_request(ws.id, theirs.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        s.add_feature_request_vote(ws.id, theirs.id, &Voter::Customer(c1))
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        s.link_response_to_feature_request(ws.id, theirs.id, r1, Some(c1))
            .await,
        Err(StoreError::NotFound)
    ));
    let b_response: ResponseId = b.response.parse().unwrap();
    assert!(matches!(
        s.link_response_to_feature_request(ws.id, oat.id, b_response, None)
            .await,
        Err(StoreError::Conflict(ConflictKind::StaleReference))
    ));
    assert!(matches!(
        s.set_feature_request_status(ws.id, theirs.id, FeatureRequestStatus::Done, &note)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        s.merge_feature_requests(ws.id, theirs.id, oat.id).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        s.feature_requests(
            other.id,
            FeatureRequestFilter::default(),
            PageRequest::all()
        )
        .await
        .unwrap()
        .items
        .len(),
        2,
        "populate's request and theirs"
    );
}

#[tokio::test]
async fn the_board_keeps_one_vote_per_voter_links_comments_and_merges_on_sqlite() {
    store_story(fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn the_board_keeps_one_vote_per_voter_links_comments_and_merges_on_postgres() {
    if let Some((store, db)) = crate::helpers::fresh_postgres().await {
        store_story(store).await;
        db.drop_database().await;
    }
}

// --- over HTTP ----------------------------------------------------------------------------------

#[tokio::test]
async fn duplicate_votes_from_one_customer_count_once_through_the_api() {
    let store = fresh_sqlite().await.0;
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    populate(&store, "alpha").await;
    let token = app.api_token("alpha", TokenScope::Write).await;
    let b = app.browser();
    let (status, created) = b
        .api(
            Method::POST,
            "/api/v1/feature-requests",
            &token,
            Some(json!({ "title": "Gift cards", "description": "For birthdays" })),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let id = created["feature_request"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(created["feature_request"]["status"], "under_review");
    let votes = format!("/api/v1/feature-requests/{id}/votes");
    for (expected, body) in [
        (true, json!({ "email": "Bea@Example.com" })),
        (false, json!({ "email": "bea@example.com" })),
        (false, json!({ "email": "bea@example.com" })),
        (true, json!({ "external_id": "crm-7" })),
    ] {
        let (status, voted) = b.api(Method::POST, &votes, &token, Some(body)).await;
        assert_eq!(status, 200, "{voted}");
        assert_eq!(voted["counted"], expected, "{voted}");
    }
    let (_, got) = b
        .api(
            Method::GET,
            &format!("/api/v1/feature-requests/{id}"),
            &token,
            None,
        )
        .await;
    assert_eq!(got["feature_request"]["votes"], 2, "{got}");
    // A token must say whose vote it is.
    let (status, err) = b.api(Method::POST, &votes, &token, Some(json!({}))).await;
    assert_eq!(status, 422, "{err}");
    assert_eq!(err["error"]["details"][0]["field"], "customer_id");
    // The list, filtered by status; a status that is not one is named.
    let (_, list) = b
        .api(
            Method::GET,
            "/api/v1/feature-requests?status=under_review",
            &token,
            None,
        )
        .await;
    let titles: Vec<&str> = list["feature_requests"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["title"].as_str())
        .collect();
    assert!(titles.contains(&"Gift cards"), "{list}");
    let (_, list) = b
        .api(
            Method::GET,
            "/api/v1/feature-requests?status=planned",
            &token,
            None,
        )
        .await;
    assert!(
        list["feature_requests"].as_array().unwrap().is_empty(),
        "{list}"
    );
    let (status, err) = b
        .api(
            Method::GET,
            "/api/v1/feature-requests?status=shipped",
            &token,
            None,
        )
        .await;
    assert_eq!(
        (status, &err["error"]["details"][0]["field"]),
        (422, &json!("status"))
    );
    // A title too long and no title at all, field by field.
    let (status, err) = b
        .api(
            Method::POST,
            "/api/v1/feature-requests",
            &token,
            Some(json!({ "title": "x".repeat(201) })),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        err["error"]["details"][0],
        json!({ "field": "title", "issue": "too_long" })
    );
}

#[tokio::test]
async fn a_comment_turned_into_a_request_keeps_its_customer_link() {
    let store = fresh_sqlite().await.0;
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (a, _) = populate(&store, "alpha").await;
    let ws = workspace(&store, "alpha").await;
    let (rid, customer) = comment(
        &store,
        &ws,
        &a.survey,
        "Could you open on Sundays?\nThe weekend is when I have time.",
        Some("sian@example.com"),
    )
    .await;
    let owner = app.signed_in("owner@alpha.example").await;
    // The comments feed offers it on the dashboard.
    let dashboard = owner.get("/w/alpha/dashboard").await;
    assert!(
        dashboard
            .body
            .contains(&format!("/w/alpha/requests/from-comment/{rid}")),
        "the feed offers to make a request from the comment"
    );
    let csrf = dashboard.csrf();
    let made = owner
        .post_raw(
            "/w/alpha/requests/from-comment",
            &[("csrf", &csrf), ("response_id", &rid.to_string())],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let location = made.location.unwrap();
    let page = owner.get(&location).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(
        text.contains("Could you open on Sundays?"),
        "titled from the comment"
    );
    assert!(
        text.contains("Siân Evans"),
        "the customer is listed behind it"
    );
    let id = location
        .trim_start_matches("/w/alpha/requests/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let token = app.api_token("alpha", TokenScope::Read).await;
    let (_, got) = owner
        .api(
            Method::GET,
            &format!("/api/v1/feature-requests/{id}"),
            &token,
            None,
        )
        .await;
    assert_eq!(got["feature_request"]["source"], "comment");
    assert_eq!(
        got["feature_request"]["votes"], 1,
        "the customer's vote counts"
    );
    assert_eq!(got["links"][0]["response_id"], rid.to_string());
    assert_eq!(
        got["links"][0]["customer_id"],
        customer.unwrap().to_string()
    );

    // Through the API too, and linking the same customer's comment to another request.
    let write = app.api_token("alpha", TokenScope::Write).await;
    let (status, made) = owner
        .api(
            Method::POST,
            "/api/v1/feature-requests",
            &write,
            Some(json!({ "response_id": rid.to_string() })),
        )
        .await;
    assert_eq!(status, 201, "{made}");
    assert_eq!(
        made["feature_request"]["title"],
        "Could you open on Sundays?"
    );
    let (status, err) = owner
        .api(
            Method::POST,
            "/api/v1/feature-requests",
            &write,
            Some(json!({ "response_id": ResponseId::new().to_string() })),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        err["error"]["details"][0],
        json!({ "field": "response_id", "issue": "not_found" })
    );
    let (status, linked) = owner
        .api(
            Method::POST,
            &format!("/api/v1/feature-requests/{id}/responses"),
            &write,
            Some(json!({ "response_id": rid.to_string() })),
        )
        .await;
    assert_eq!(
        (status, &linked["linked"]),
        (200, &json!(false)),
        "{linked}"
    );
}

#[tokio::test]
async fn a_merge_moves_votes_and_a_status_note_is_shown_publicly_in_the_readers_language() {
    let store = fresh_sqlite().await.0;
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    populate(&store, "alpha").await;
    let token = app.api_token("alpha", TokenScope::Write).await;
    let b = app.browser();
    let mut ids = Vec::new();
    for title in ["Card payments at the market stall", "Take card payments"] {
        let (_, made) = b
            .api(
                Method::POST,
                "/api/v1/feature-requests",
                &token,
                Some(json!({ "title": title })),
            )
            .await;
        ids.push(made["feature_request"]["id"].as_str().unwrap().to_owned());
    }
    for (id, email) in [
        (&ids[0], "a@x.example"),
        (&ids[1], "a@x.example"),
        (&ids[1], "b@x.example"),
    ] {
        b.api(
            Method::POST,
            &format!("/api/v1/feature-requests/{id}/votes"),
            &token,
            Some(json!({ "email": email })),
        )
        .await;
    }
    // The staff page suggests the other as a near-duplicate.
    let owner = app.signed_in("owner@alpha.example").await;
    let page = owner.get(&format!("/w/alpha/requests/{}", ids[0])).await;
    assert!(
        page.body.contains(&format!("id=\"into-{}\"", ids[1])),
        "suggested for merging"
    );
    let (status, merged) = b
        .api(
            Method::POST,
            &format!("/api/v1/feature-requests/{}/merge", ids[1]),
            &token,
            Some(json!({ "into": ids[0] })),
        )
        .await;
    assert_eq!(status, 200, "{merged}");
    assert_eq!(merged["feature_request"]["id"], ids[0].as_str());
    assert_eq!(merged["feature_request"]["votes"], 2, "a@ once, b@ once");
    let (_, gone) = b
        .api(
            Method::GET,
            &format!("/api/v1/feature-requests/{}", ids[1]),
            &token,
            None,
        )
        .await;
    assert_eq!(gone["feature_request"]["merged_into"], ids[0].as_str());
    let (status, _) = b
        .api(
            Method::POST,
            &format!("/api/v1/feature-requests/{}/merge", ids[1]),
            &token,
            Some(json!({ "into": ids[0] })),
        )
        .await;
    assert_eq!(status, 409, "merged away already");
    // The merged request's page says where it went.
    let page = owner.get(&format!("/w/alpha/requests/{}", ids[1])).await;
    assert!(page.body.contains(&format!("/w/alpha/requests/{}", ids[0])));

    // Status with a public note, shown on the public board in the reader's language.
    let (status, changed) = b
        .api(
            Method::PUT,
            &format!("/api/v1/feature-requests/{}/status", ids[0]),
            &token,
            Some(json!({ "status": "in_progress", "public_note": {
                "en": "The card reader arrives next week.",
                "cy": "Mae'r darllenydd cardiau'n cyrraedd wythnos nesaf."
            }})),
        )
        .await;
    assert_eq!(status, 200, "{changed}");
    let (status, err) = b
        .api(
            Method::PUT,
            &format!("/api/v1/feature-requests/{}/status", ids[0]),
            &token,
            Some(json!({ "status": "in_progress", "public_note": { "xx": "?" } })),
        )
        .await;
    assert_eq!(
        (status, &err["error"]["details"][0]["field"]),
        (422, &json!("public_note.xx"))
    );
    let visitor = app.browser();
    let en = visitor.get("/f/alpha?lang=en").await;
    assert_eq!(en.status, 200);
    assert!(en.text().contains("The card reader arrives next week."));
    assert!(en.text().contains("In progress"));
    assert!(
        !en.text().contains("Take card payments"),
        "the merged one is not listed"
    );
    let cy = visitor.get("/f/alpha?lang=cy").await;
    assert!(
        cy.text()
            .contains("Mae'r darllenydd cardiau'n cyrraedd wythnos nesaf.")
    );
    assert!(cy.body.contains("lang=\"cy\""));
    // Arabic has no note of its own: the English one, marked as English.
    let ar = visitor.get("/f/alpha?lang=ar").await;
    assert!(ar.body.contains("dir=\"rtl\""));
    assert!(
        ar.body
            .contains("<span lang=\"en\" dir=\"auto\">The card reader")
    );
}

#[tokio::test]
async fn the_public_board_counts_one_vote_per_browser_and_holds_ideas_until_staff_look() {
    let store = fresh_sqlite().await.0;
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    populate(&store, "alpha").await;
    let ws = workspace(&store, "alpha").await;
    let r = fr::create(
        store.as_ref(),
        ws.id,
        &fields("Longer hours", ""),
        RequestSource::Staff,
    )
    .await
    .unwrap();
    let visitor = app.browser();
    let board = visitor.get("/f/alpha").await;
    assert_eq!(board.status, 200);
    let csrf = board.csrf();
    let vote = format!("/f/alpha/requests/{}/vote?lang=en", r.id);
    let first = visitor.post_raw(&vote, &[("csrf", &csrf)]).await;
    assert_eq!(first.status, 303, "{}", first.body);
    assert!(
        first
            .location
            .as_deref()
            .unwrap_or_default()
            .contains("done=voted")
    );
    assert!(visitor.has_cookie("taith_voter"));
    let again = visitor.post_raw(&vote, &[("csrf", &csrf)]).await;
    assert!(
        again
            .location
            .as_deref()
            .unwrap_or_default()
            .contains("done=voted-again")
    );
    assert_eq!(store.feature_request(ws.id, r.id).await.unwrap().votes, 1);
    // Without the form's token nothing is counted.
    let forged = app.browser().post_raw(&vote, &[("csrf", "forged")]).await;
    assert_eq!(forged.status, 403);
    assert_eq!(store.feature_request(ws.id, r.id).await.unwrap().votes, 1);
    // Another browser is another voter.
    let other = app.browser();
    let csrf2 = other.get("/f/alpha").await.csrf();
    other.post_raw(&vote, &[("csrf", &csrf2)]).await;
    assert_eq!(store.feature_request(ws.id, r.id).await.unwrap().votes, 2);

    // An idea: stored with its sender's vote, shown once staff move it on.
    let bad = visitor
        .post_raw(
            "/f/alpha/suggest?lang=cy",
            &[("csrf", &csrf), ("title", " ")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.text().contains("Llenwch hwn"),
        "the error in Welsh: {}",
        bad.text()
    );
    let sent = visitor
        .post_raw(
            "/f/alpha/suggest?lang=en",
            &[
                ("csrf", &csrf),
                ("title", "Vegan cakes"),
                ("description", "Please"),
            ],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert!(!visitor.get("/f/alpha").await.text().contains("Vegan cakes"));
    let idea = fr::board(store.as_ref(), ws.id, None)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.fields.title.as_str() == "Vegan cakes")
        .unwrap();
    assert_eq!((idea.source, idea.votes), (RequestSource::Public, 1));
    fr::change_status(
        store.as_ref(),
        ws.id,
        idea.id,
        FeatureRequestStatus::Planned,
        &PublicNote::default(),
    )
    .await
    .unwrap();
    assert!(visitor.get("/f/alpha").await.text().contains("Vegan cakes"));
    // No board at an address of no workspace.
    assert_eq!(visitor.get("/f/nowhere").await.status, 404);
}

#[tokio::test]
async fn another_workspaces_request_is_not_found_and_roles_are_kept() {
    let store = fresh_sqlite().await.0;
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    populate(&store, "alpha").await;
    populate(&store, "bravo").await;
    let bravo = workspace(&store, "bravo").await;
    let theirs = fr::create(
        store.as_ref(),
        bravo.id,
        &fields("Theirs", ""),
        RequestSource::Staff,
    )
    .await
    .unwrap();
    let token = app.api_token("alpha", TokenScope::Write).await;
    let b = app.browser();
    let missing = FeatureRequestId::new();
    for id in [theirs.id, missing] {
        let (status, body) = b
            .api(
                Method::GET,
                &format!("/api/v1/feature-requests/{id}"),
                &token,
                None,
            )
            .await;
        assert_eq!(status, 404, "{body}");
        let (status, _) = b
            .api(
                Method::POST,
                &format!("/api/v1/feature-requests/{id}/votes"),
                &token,
                Some(json!({ "email": "x@example.com" })),
            )
            .await;
        assert_eq!(status, 404);
    }
    let owner = app.signed_in("owner@alpha.example").await;
    assert_eq!(
        owner
            .get(&format!("/w/alpha/requests/{}", theirs.id))
            .await
            .status,
        404
    );
    assert_eq!(
        store
            .feature_request(bravo.id, theirs.id)
            .await
            .unwrap()
            .votes,
        0
    );

    // A viewer reads the board; an agent votes; only owners and admins decide.
    let alpha = workspace(&store, "alpha").await;
    let mine = fr::create(
        store.as_ref(),
        alpha.id,
        &fields("Mine", ""),
        RequestSource::Staff,
    )
    .await
    .unwrap();
    app.member(&alpha, "viewer@alpha.example", Role::Viewer)
        .await;
    app.member(&alpha, "agent@alpha.example", Role::Agent).await;
    let viewer = app.signed_in("viewer@alpha.example").await;
    let board = viewer.get("/w/alpha/requests").await;
    assert_eq!(board.status, 200);
    assert!(board.text().contains("Mine"));
    let csrf = board.csrf();
    let refused = viewer
        .post_raw(
            &format!("/w/alpha/requests/{}/vote", mine.id),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(refused.status, 403);
    let agent = app.signed_in("agent@alpha.example").await;
    let csrf = agent.get("/w/alpha/requests").await.csrf();
    let voted = agent
        .post_raw(
            &format!("/w/alpha/requests/{}/vote", mine.id),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(voted.status, 303);
    let status = agent
        .post_raw(
            &format!("/w/alpha/requests/{}/status", mine.id),
            &[("csrf", &csrf), ("status", "done")],
        )
        .await;
    assert_eq!(status.status, 403);
    assert_eq!(
        store
            .feature_request(alpha.id, mine.id)
            .await
            .unwrap()
            .votes,
        1
    );
    let csrf = owner.get("/w/alpha/requests").await.csrf();
    let done = owner
        .post_raw(
            &format!("/w/alpha/requests/{}/status", mine.id),
            &[("csrf", &csrf), ("status", "done"), ("note_ar", "تم")],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let r = store.feature_request(alpha.id, mine.id).await.unwrap();
    assert_eq!(r.status, FeatureRequestStatus::Done);
    assert_eq!(r.note.exact(Locale::Ar), Some("تم"));
}

// --- in a browser -------------------------------------------------------------------------------

#[tokio::test]
async fn the_public_board_passes_axe_in_six_locales() {
    let store = fresh_sqlite().await.0;
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    populate(&store, "alpha").await;
    let ws = workspace(&store, "alpha").await;
    let s = store.as_ref();
    type Row = (
        FeatureRequestStatus,
        &'static str,
        &'static [(Locale, &'static str)],
    );
    let notes: [Row; 5] = [
        (FeatureRequestStatus::UnderReview, "Loyalty card", &[]),
        (
            FeatureRequestStatus::Planned,
            "Oat milk",
            &[(Locale::En, "From May."), (Locale::Ar, "ابتداءً من مايو.")],
        ),
        (
            FeatureRequestStatus::InProgress,
            "Card payments",
            &[(Locale::En, "Reader ordered.")],
        ),
        (
            FeatureRequestStatus::Done,
            "Sunday opening",
            &[(Locale::Cy, "Ar agor ar y Sul.")],
        ),
        (
            FeatureRequestStatus::Declined,
            "Delivery by drone",
            &[(Locale::En, "Not for us.")],
        ),
    ];
    for (status, title, note) in notes {
        let r = fr::create(
            s,
            ws.id,
            &fields(title, "<b>hostile</b> text"),
            RequestSource::Staff,
        )
        .await
        .unwrap();
        let raw: BTreeMap<Locale, String> =
            note.iter().map(|(l, t)| (*l, (*t).to_owned())).collect();
        fr::change_status(s, ws.id, r.id, status, &PublicNote::parse(&raw).unwrap())
            .await
            .unwrap();
        s.add_feature_request_vote(ws.id, r.id, &Voter::Browser("cd".repeat(32)))
            .await
            .unwrap();
    }
    let Some(wd) = browser(Options::default()).await else {
        return;
    };
    let mut audit = Audit::default();
    for (width, height) in [(1280, 900), (390, 844)] {
        wd.set_window_size(width, height).await.unwrap();
        for l in Locale::ALL {
            audit
                .visit(
                    &wd,
                    &app.url(&format!("/f/alpha?lang={}", l.tag())),
                    &format!("public board {} {width}px", l.tag()),
                )
                .await;
        }
    }
    // And the board after a vote, with its message.
    wd.set_window_size(1280, 900).await.unwrap();
    wd.goto(&app.url("/f/alpha?lang=en")).await.unwrap();
    let button = wd.find("form.vote button").await.unwrap();
    wd.click(&button).await.unwrap();
    wd.wait_for("p.notice", std::time::Duration::from_secs(30))
        .await
        .unwrap();
    audit.check(&wd, "public board after a vote").await;
    for l in ["en", "ar"] {
        wd.goto(&app.url(&format!("/f/alpha?lang={l}")))
            .await
            .unwrap();
        screenshot(
            &format!("feature_requests/public-{l}.png"),
            &wd.screenshot_png().await.unwrap(),
        );
    }
    audit.assert_clean();
}

#[tokio::test]
async fn the_demo_board_has_requests_in_every_status_with_votes_notes_and_comments() {
    let store = fresh_sqlite().await.0;
    let creds = taith::server::ensure_demo(&store).await.unwrap();
    let ws = workspace(&store, &creds.slug).await;
    let board = fr::board(store.as_ref(), ws.id, None).await.unwrap();
    for status in FeatureRequestStatus::ALL {
        assert!(board.iter().any(|r| r.status == status), "{status:?}");
    }
    assert!(board.iter().all(|r| r.votes > 0), "every request has votes");
    let noted: std::collections::BTreeSet<Locale> = board
        .iter()
        .flat_map(|r| r.note.texts().keys().copied())
        .collect();
    assert!(noted.len() >= 3, "notes in several languages: {noted:?}");
    let mut linked_locales = std::collections::BTreeSet::new();
    for r in &board {
        for b in fr::behind(store.as_ref(), ws.id, r.id).await.unwrap() {
            linked_locales.insert(b.response.locale);
        }
    }
    assert!(
        linked_locales.len() >= 4,
        "comments behind requests: {linked_locales:?}"
    );
    // The merged duplicate lives on in the loyalty card.
    let all = store
        .feature_requests(
            ws.id,
            FeatureRequestFilter {
                status: None,
                with_merged: true,
            },
            PageRequest::all(),
        )
        .await
        .unwrap();
    assert!(all.items.iter().any(|r| r.merged_into.is_some()));
    // The owner sees the board; the public sees what staff have looked at.
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let owner = app.browser();
    owner.sign_in(&creds.email, &creds.password).await;
    let page = owner.get(&format!("/w/{}/requests", creds.slug)).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Open on Sunday mornings"));
    let public = app
        .browser()
        .get(&format!("/f/{}?lang=cy", creds.slug))
        .await;
    assert!(
        public
            .text()
            .contains("Bydd ail fan yn dechrau ar ddydd Sadwrn")
    );
    assert!(!public.text().contains("Open on Sunday mornings"));
}

#[test]
fn taith_requests_list_prints_the_board_most_votes_first() {
    let dir = crate::helpers::scratch_path("taith-requests-");
    let taith = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_taith"))
            .arg("--data-dir")
            .arg(&dir)
            .args(args)
            .env_remove("TAITH_DATABASE_URL")
            .output()
            .unwrap()
    };
    let o = taith(&["demo"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = taith(&[
        "requests",
        "list",
        "--workspace",
        "demo",
        "--status",
        "planned",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2, "{out}");
    assert!(
        rows.iter().all(|r| r.len() == 4 && r[1] == "planned"),
        "{out}"
    );
    let votes: Vec<u64> = rows.iter().map(|r| r[2].parse().unwrap()).collect();
    assert!(votes[0] >= votes[1], "{out}");
    assert!(out.contains("More Saturday delivery slots"), "{out}");
    let o = taith(&[
        "requests",
        "list",
        "--workspace",
        "demo",
        "--status",
        "shipped",
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--status shipped: unknown_value"));
    let _ = std::fs::remove_dir_all(&dir);
}
