//! The owner's side (issue 16): answers come back where the owner looks (the survey's page,
//! the dashboard's comments feed), the same touchpoint shows the same figure and n on the
//! map, its page and the dashboard for the same period, the period travels in links, a
//! reversed range is refused in the owner's language, and publishing asks only for what is
//! missing.

use crate::helpers::TestApp;
use crate::metrics::seeded;
use std::collections::BTreeMap;
use taith_domain::{
    Channel, Locale, LongText, NewResponse, ResponseId, SurveyId, SurveyKind, SurveyStatus,
    TouchpointId,
};
use taith_store::{PageRequest, ResponseToStore};

fn answer(
    ws: taith_domain::WorkspaceId,
    survey: SurveyId,
    tp: TouchpointId,
    score: i16,
    days_ago: i64,
    locale: Locale,
    comment: &str,
) -> ResponseToStore {
    ResponseToStore {
        workspace_id: ws,
        response: NewResponse {
            id: ResponseId::new(),
            survey_id: survey,
            score,
            answers: Vec::new(),
            comment: LongText::parse(comment).unwrap(),
            touchpoint_id: Some(tp),
            channel: Channel::Web,
            locale,
            customer_id: None,
            attributes: BTreeMap::new(),
            submitted_at: taith_domain::now() - time::Duration::days(days_ago),
            client_key: None,
        },
        customer: None,
    }
}

/// The text between `start` and the next `end` after it.
fn between<'a>(body: &'a str, start: &str, end: &str) -> &'a str {
    let s = body
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not found"));
    let e = body[s..].find(end).map_or(body.len(), |e| s + e);
    &body[s..e]
}

#[tokio::test]
async fn an_answer_comes_back_where_the_owner_looks_with_one_figure_everywhere() {
    let app = TestApp::on_sqlite().await;
    let (ws, tps) = seeded(&app, 0).await;
    let nps = app
        .store
        .surveys(ws.id, PageRequest::all())
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|s| s.fields.kind == SurveyKind::Nps)
        .unwrap();
    let checkout = tps[1].0;
    // 40 answers at checkout this month: 20 promoters, 10 passives, 10 detractors → NPS 25.
    let mut batch: Vec<_> = (0..20)
        .map(|_| answer(ws.id, nps.id, checkout, 10, 5, Locale::En, ""))
        .collect();
    batch.extend((0..10).map(|_| answer(ws.id, nps.id, checkout, 7, 5, Locale::En, "")));
    batch.extend((0..9).map(|_| answer(ws.id, nps.id, checkout, 2, 5, Locale::En, "")));
    batch.push(answer(
        ws.id,
        nps.id,
        checkout,
        5,
        20,
        Locale::En,
        "The queue was long.",
    ));
    app.store.insert_responses(&batch).await.unwrap();
    // The newest: a detractor's comment in Welsh, just now.
    let welsh = answer(
        ws.id,
        nps.id,
        checkout,
        3,
        0,
        Locale::Cy,
        "Roedd y til yn araf iawn heddiw.",
    );
    app.store.insert_responses(&[welsh]).await.unwrap();
    let owner = app.signed_in("owner@becws.example").await;

    // The dashboard's comments feed: newest first, with links to the survey and touchpoint.
    let dash = owner.get("/w/becws/dashboard?lang=en&period=30d").await;
    assert_eq!(dash.status, 200);
    let body = dash.text();
    let feed = between(&body, "id=\"feed\"", "</section>");
    let welsh_at = feed
        .find("Roedd y til yn araf iawn heddiw.")
        .expect("Welsh comment in the feed");
    let english_at = feed
        .find("The queue was long.")
        .expect("older comment in the feed");
    assert!(welsh_at < english_at, "newest first");
    assert!(feed.contains(&format!("/w/becws/surveys/{}?period=30d", nps.id)));
    assert!(feed.contains(&format!(
        "/w/becws/dashboard/touchpoints/{checkout}?period=30d"
    )));
    assert!(feed.contains("lang=\"cy\""));
    // Filters: by language, by score band.
    let cy = owner
        .get("/w/becws/dashboard?lang=en&period=30d&language=cy")
        .await
        .text();
    let cy_feed = between(&cy, "id=\"feed\"", "</section>");
    assert!(cy_feed.contains("Roedd y til"));
    assert!(!cy_feed.contains("The queue was long."));
    let happy = owner
        .get("/w/becws/dashboard?lang=en&period=30d&band=positive")
        .await
        .text();
    assert!(!between(&happy, "id=\"feed\"", "</section>").contains("Roedd y til"));
    // Outside the period: not in the feed.
    let week = owner
        .get("/w/becws/dashboard?lang=en&period=7d")
        .await
        .text();
    assert!(!between(&week, "id=\"feed\"", "</section>").contains("The queue was long."));

    // The survey's page shows its results: figure, split and the latest answers.
    let survey_page = owner
        .get(&format!("/w/becws/surveys/{}?lang=en&period=30d", nps.id))
        .await;
    assert_eq!(survey_page.status, 200);
    let sp = survey_page.text();
    let results = between(&sp, "id=\"results\"", "id=\"share-h\"");
    assert!(
        results.contains("Roedd y til yn araf iawn heddiw."),
        "{results}"
    );
    assert!(results.contains("Detractors (0–6)"));
    assert!(results.contains("How is this computed?"));
    assert!(results.contains("aria-current=\"true\">Last 30 days"));

    // One figure everywhere: 41 answers (39 + the old one + the Welsh one), NPS
    // (20 − 11) / 41 = 22.0 — on the map, the touchpoint's page and the dashboard's table.
    let expected = "22.0";
    let journey = app
        .store
        .journeys(ws.id, PageRequest::all())
        .await
        .unwrap()
        .items[0]
        .id;
    let map = owner
        .get(&format!("/w/becws/journeys/{journey}?lang=en&period=30d"))
        .await
        .text();
    let card = between(&map, "<strong dir=\"auto\">Checkout</strong>", "</div>");
    assert!(card.contains(&format!("NPS {expected}")), "{card}");
    assert!(card.contains("41 responses"), "{card}");
    // The map's link carries the period to the touchpoint's page.
    assert!(
        card.contains(&format!("/dashboard/touchpoints/{checkout}?period=30d")),
        "{card}"
    );
    let tp_page = owner
        .get(&format!(
            "/w/becws/dashboard/touchpoints/{checkout}?lang=en&period=30d"
        ))
        .await
        .text();
    let tp_card = between(&tp_page, "class=\"panel metric-card\"", "</section>");
    assert!(
        tp_card.contains(&format!("<bdi>{expected}</bdi>")),
        "{tp_card}"
    );
    assert!(tp_card.contains("41 responses"), "{tp_card}");
    let row = between(&body, "id=\"by-touchpoint\"", "</section>");
    let row = between(row, "Checkout", "</tr>");
    assert!(row.contains(&format!("<bdi>{expected}</bdi>")), "{row}");
    assert!(row.contains(">41<"), "{row}");
}

#[tokio::test]
async fn a_reversed_period_is_refused_in_the_owners_language() {
    let app = TestApp::on_sqlite().await;
    seeded(&app, 0).await;
    let owner = app.signed_in("owner@becws.example").await;
    for lang in [Locale::En, Locale::Cy, Locale::Ar] {
        let page = owner
            .get(&format!(
                "/w/becws/dashboard?lang={}&period=custom&from=2026-09-30&to=2026-09-01",
                lang.tag()
            ))
            .await;
        assert_eq!(page.status, 400, "{}", lang.tag());
        let tr = taith_i18n::Tr::new(lang);
        let text = page.text();
        assert!(
            text.contains(&tr.issue(taith_domain::Issue::BeforeStart)),
            "{text}"
        );
        // What was typed stays, to fix it there.
        assert!(text.contains("value=\"2026-09-30\""));
        assert!(text.contains("aria-invalid=\"true\""));
    }
    // A date that is not one names its field too.
    let page = owner
        .get("/w/becws/dashboard?period=custom&from=2026-02-31&to=2026-03-01")
        .await;
    assert_eq!(page.status, 400);
}

#[tokio::test]
async fn publishing_asks_only_for_a_missing_touchpoint() {
    let app = TestApp::on_sqlite().await;
    let (ws, tps) = seeded(&app, 0).await;
    let mut fields = app
        .store
        .surveys(ws.id, PageRequest::all())
        .await
        .unwrap()
        .items[0]
        .fields
        .clone();
    fields.status = SurveyStatus::Draft;
    fields.touchpoint_id = None;
    let draft = app
        .store
        .create_survey(ws.id, &fields, "draft-publish-1")
        .await
        .unwrap();
    let owner = app.signed_in("owner@becws.example").await;
    let path = format!("/w/becws/surveys/{}?lang=en", draft.id);
    let page = owner.get(&path).await.text();
    assert!(page.contains("Draft: customers cannot answer yet"));
    assert!(page.contains("Publish the survey first"));
    assert!(page.contains("name=\"touchpoint_id\""));
    let action = format!("/w/becws/surveys/{}/publish", draft.id);
    let refused = owner.submit(&path, &action, &[("touchpoint_id", "")]).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("aria-invalid=\"true\""));
    let other = TouchpointId::new().to_string();
    let refused = owner
        .submit(&path, &action, &[("touchpoint_id", &other)])
        .await;
    assert_eq!(refused.status, 422);
    let tp = tps[0].0.to_string();
    let done = owner
        .submit(&path, &action, &[("touchpoint_id", &tp)])
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let live = app.store.survey(ws.id, draft.id).await.unwrap();
    assert_eq!(live.fields.status, SurveyStatus::Live);
    assert_eq!(live.fields.touchpoint_id, Some(tps[0].0));
    let page = owner.get(&path).await.text();
    assert!(page.contains("Live: customers can answer"));
    assert!(!page.contains("Publish the survey first"));
    // A viewer sees a draft's status but no publish button, and publishing is refused.
    fields.name = taith_domain::Name::parse("Another draft").unwrap();
    let other = app
        .store
        .create_survey(ws.id, &fields, "draft-publish-2")
        .await
        .unwrap();
    app.member(&ws, "viewer@becws.example", taith_domain::Role::Viewer)
        .await;
    let viewer = app.signed_in("viewer@becws.example").await;
    let viewer_path = format!("/w/becws/surveys/{}?lang=en", other.id);
    let seen = viewer.get(&viewer_path).await;
    assert_eq!(seen.status, 200);
    assert!(seen.text().contains("Draft: customers cannot answer yet"));
    assert!(!seen.body.contains("/publish\""));
    let refused = viewer
        .submit(
            &viewer_path,
            &format!("/w/becws/surveys/{}/publish", other.id),
            &[("touchpoint_id", &tp)],
        )
        .await;
    assert_eq!(refused.status, 403);
    assert_eq!(
        app.store
            .survey(ws.id, other.id)
            .await
            .unwrap()
            .fields
            .status,
        SurveyStatus::Draft
    );
}

#[tokio::test]
async fn a_touchpoint_without_a_survey_offers_to_make_one_for_it_and_no_csv() {
    let app = TestApp::on_sqlite().await;
    let (ws, tps) = seeded(&app, 0).await;
    let owner = app.signed_in("owner@becws.example").await;
    let delivery = tps[2].0;
    let page = owner
        .get(&format!(
            "/w/becws/dashboard/touchpoints/{delivery}?lang=en"
        ))
        .await
        .text();
    assert!(!page.contains("export.csv"), "no CSV of nothing");
    let new_href = format!("/w/becws/surveys/new?touchpoint={delivery}");
    assert!(page.contains(&new_href), "{page}");
    let form = owner.get(&new_href).await.text();
    assert!(form.contains(&format!("name=\"touchpoint_id\" value=\"{delivery}\"")));
    let tp = delivery.to_string();
    let made = owner
        .submit(
            &new_href,
            "/w/becws/surveys",
            &[
                ("name", "Delivery note CSAT"),
                ("kind", "csat"),
                ("default_locale", "en"),
                ("touchpoint_id", &tp),
            ],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let survey = app
        .store
        .surveys(ws.id, PageRequest::all())
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|s| s.fields.name.as_str() == "Delivery note CSAT")
        .unwrap();
    assert_eq!(survey.fields.touchpoint_id, Some(delivery));
    // Another workspace's touchpoint, or none that reads, is simply not used.
    let made = owner
        .submit(
            &new_href,
            "/w/becws/surveys",
            &[
                ("name", "Stray"),
                ("kind", "nps"),
                ("default_locale", "en"),
                ("touchpoint_id", &TouchpointId::new().to_string()),
            ],
        )
        .await;
    assert_eq!(made.status, 303);
    let stray = app
        .store
        .surveys(ws.id, PageRequest::all())
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|s| s.fields.name.as_str() == "Stray")
        .unwrap();
    assert_eq!(stray.fields.touchpoint_id, None);
}
