//! The owner's side in a real browser (headless Chromium), as issue 16 asks: a customer
//! answers in Welsh on a phone; the owner finds the comment on the dashboard, one click takes
//! them to the survey's page where it is too; and the touchpoint shows the same figure and n
//! on the map, its own page and the dashboard.

use crate::helpers::TestApp;
use crate::metrics::seeded;
use crate::respond_browser::{browser, choose_score, screenshot, wait_for_url};
use crate::webdriver::{Options, WebDriver};
use std::time::Duration;
use taith_domain::SurveyKind;
use taith_store::PageRequest;

// Generous: CI runs every browser test at once on two cores.
const WAIT: Duration = Duration::from_secs(30);

async fn text_of(wd: &WebDriver, css: &str) -> String {
    let el = wd.wait_for(css, WAIT).await.unwrap();
    wd.text(&el).await.unwrap()
}

#[tokio::test]
async fn a_welsh_answer_given_on_a_phone_is_found_from_the_dashboard_with_one_figure_everywhere() {
    let app = TestApp::on_sqlite().await;
    let (ws, tps) = seeded(&app, 0).await;
    let checkout = tps[1].0;
    let mut survey = app
        .store
        .surveys(ws.id, PageRequest::all())
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|s| s.fields.kind == SurveyKind::Nps)
        .unwrap();
    survey.fields.touchpoint_id = Some(checkout);
    let survey = app
        .store
        .update_survey(ws.id, survey.id, &survey.fields)
        .await
        .unwrap();

    // A customer answers on a phone, in Welsh because the phone asks for it.
    let Some(phone) = browser(Options {
        javascript: true,
        accept_language: Some("cy,en".to_owned()),
    })
    .await
    else {
        return;
    };
    phone.set_window_size(390, 844).await.unwrap();
    phone
        .goto(&app.url(&format!("/s/{}", survey.public_id)))
        .await
        .unwrap();
    choose_score(&phone, 3).await;
    wait_for_url(&phone, "/r/").await;
    let comment = "Roedd y ciw wrth y til yn hir iawn heddiw.";
    let field = phone.wait_for("#comment", WAIT).await.unwrap();
    phone.send_keys(&field, comment).await.unwrap();
    phone
        .click(&phone.find("button.respond-submit").await.unwrap())
        .await
        .unwrap();
    phone.wait_for(".respond-done", WAIT).await.unwrap();
    drop(phone);

    // The owner signs in and opens the dashboard: the comment is in the feed.
    let Some(wd) = browser(Options::default()).await else {
        return;
    };
    wd.set_window_size(1280, 1000).await.unwrap();
    wd.goto(&app.url("/login?lang=en")).await.unwrap();
    let email = wd.wait_for("#email", WAIT).await.unwrap();
    wd.send_keys(&email, "owner@becws.example").await.unwrap();
    let password = wd.find("#password").await.unwrap();
    wd.send_keys(&password, crate::helpers::PASSWORD)
        .await
        .unwrap();
    wd.click(&wd.find("form button[type=submit]").await.unwrap())
        .await
        .unwrap();
    wait_for_url(&wd, "/w/").await;
    // The index counts the new answer within a second; the feed reads the store.
    wd.goto(&app.url("/w/becws/dashboard?lang=en"))
        .await
        .unwrap();
    let feed = text_of(&wd, "#feed").await;
    assert!(feed.contains(comment), "{feed}");
    screenshot(
        "owner-dashboard-feed.png",
        &wd.screenshot_png().await.unwrap(),
    );
    // The dashboard's figure for the touchpoint, then one click to the survey's page.
    let on_dashboard = text_of(&wd, "#by-touchpoint tbody tr").await;
    wd.click(
        &wd.find("#feed ol.feed-items li a[href*='/surveys/']")
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    wait_for_url(&wd, &format!("/surveys/{}", survey.id)).await;
    let results = text_of(&wd, "#results").await;
    assert!(results.contains(comment), "{results}");
    assert!(results.contains("Detractors (0–6)"), "{results}");

    // The same figure and n on the touchpoint's page and on the map, for the same period.
    wd.goto(&app.url(&format!(
        "/w/becws/dashboard/touchpoints/{checkout}?lang=en"
    )))
    .await
    .unwrap();
    let figure = text_of(&wd, ".metric-card .figure").await;
    let n = text_of(&wd, ".metric-card .few-answers").await;
    assert_eq!(figure, "-100.0");
    assert!(n.contains('1'), "{n}");
    assert!(on_dashboard.contains(&figure), "{on_dashboard} vs {figure}");
    // Every answer alike: the interval is not shown as certainty.
    let card = text_of(&wd, ".metric-card").await;
    assert!(card.contains("No interval yet"), "{card}");
    let journey = app
        .store
        .journeys(ws.id, PageRequest::all())
        .await
        .unwrap()
        .items[0]
        .id;
    wd.goto(&app.url(&format!("/w/becws/journeys/{journey}?lang=en")))
        .await
        .unwrap();
    let live = text_of(&wd, &format!("[data-touchpoint='{checkout}'] .live")).await;
    assert!(live.contains(&figure), "{live}");
    screenshot("owner-map.png", &wd.screenshot_png().await.unwrap());
}
