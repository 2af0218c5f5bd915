//! Cases in a real browser (headless Chromium): an agent whose taith speaks Arabic opens "my
//! cases", finds the case a detractor's answer opened for them, and resolves it with a root
//! cause; the case shows resolved with its cause and the log says who did it. Screenshots in
//! Arabic and English are kept in `target/screenshots/`.

use crate::helpers::{PASSWORD, TestApp};
use crate::respond_browser::{browser, screenshot, wait_for_url};
use crate::webdriver::{Options, WebDriver};
use std::time::Duration;
use taith_domain::{CaseStatus, Locale, Owner, Role};

// Generous: CI runs every browser test at once on two cores.
const WAIT: Duration = Duration::from_secs(30);

async fn text_of(wd: &WebDriver, css: &str) -> String {
    let el = wd.wait_for(css, WAIT).await.unwrap();
    // Fluent's isolation marks around placeables are not what a reader sees.
    wd.text(&el)
        .await
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "")
}

async fn sign_in(wd: &WebDriver, app: &TestApp, email: &str, lang: &str) {
    wd.goto(&app.url(&format!("/login?lang={lang}")))
        .await
        .unwrap();
    let field = wd.wait_for("#email", WAIT).await.unwrap();
    wd.send_keys(&field, email).await.unwrap();
    let password = wd.find("#password").await.unwrap();
    wd.send_keys(&password, PASSWORD).await.unwrap();
    wd.click(&wd.find("form button[type=submit]").await.unwrap())
        .await
        .unwrap();
    wait_for_url(wd, "/w/").await;
}

#[tokio::test]
async fn an_agent_resolves_their_case_with_a_root_cause_in_arabic() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let agent = app.member(&ws, "megan@becws.example", Role::Agent).await;
    let s = crate::cases::setup_for(
        &app.store,
        ws.clone(),
        Some(Owner::Member {
            user_id: agent.user.id,
        }),
    )
    .await;
    let causes = taith_app::cases::settings::save_root_causes(
        app.store.as_ref(),
        ws.id,
        &["تأخر التوصيل".into(), "Out of stock".into()],
    )
    .await
    .unwrap();
    let r =
        crate::cases::respond_for(&app.store, &s, 2, "الخبز وصل باردًا ومتأخرًا", Locale::Ar).await;
    crate::cases::drain(&app.store).await;
    let case = app
        .store
        .case_of_response(ws.id, r)
        .await
        .unwrap()
        .expect("the detractor's case");
    assert_eq!(case.owner, Some(agent.user.id));

    let Some(wd) = browser(Options {
        javascript: true,
        accept_language: Some("ar".to_owned()),
    })
    .await
    else {
        return;
    };
    wd.set_window_size(1280, 1000).await.unwrap();
    sign_in(&wd, &app, "megan@becws.example", "ar").await;
    wd.goto(&app.url("/w/becws/cases/mine?lang=ar"))
        .await
        .unwrap();
    let html = wd.find("html").await.unwrap();
    assert_eq!(
        wd.attribute(&html, "dir").await.unwrap().as_deref(),
        Some("rtl")
    );
    let list = text_of(&wd, ".cases-table").await;
    assert!(list.contains(&format!("الحالة {}", case.number)), "{list}");
    screenshot("cases-mine-ar.png", &wd.screenshot_png().await.unwrap());
    wd.click(
        &wd.find(&format!("a[href$='/cases/{}']", case.id))
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    wait_for_url(&wd, &format!("/cases/{}", case.id)).await;
    let comment = text_of(&wd, ".case-comment").await;
    assert!(comment.contains("الخبز وصل باردًا"), "{comment}");
    // Resolve it with its root cause, in one save.
    wd.execute(
        "document.getElementById('status').value = arguments[0]; \
         document.getElementById('root_cause').value = arguments[1];",
        vec![
            serde_json::json!(CaseStatus::Resolved.as_str()),
            serde_json::json!(causes[0].id.to_string()),
        ],
    )
    .await
    .unwrap();
    wd.click(&wd.find("#work button[type=submit]").await.unwrap())
        .await
        .unwrap();
    wait_for_url(&wd, "done=saved").await;
    let facts = text_of(&wd, ".case-facts").await;
    assert!(facts.contains("تأخر التوصيل"), "{facts}");
    let badge = text_of(&wd, ".badge.case-status").await;
    assert_eq!(badge, "تم حلّها");
    let log = text_of(&wd, ".case-log").await;
    assert!(log.contains("megan@becws.example"), "{log}");
    screenshot("case-resolved-ar.png", &wd.screenshot_png().await.unwrap());
    let stored = app.store.case(ws.id, case.id).await.unwrap();
    assert_eq!(stored.status, CaseStatus::Resolved);
    assert_eq!(stored.root_cause, Some(causes[0].id));
    assert!(stored.first_action_at.is_some() && stored.closed_at.is_some());
    // Off "my cases" now (it shows active ones), and the same page in English.
    wd.goto(&app.url("/w/becws/cases/mine?lang=en"))
        .await
        .unwrap();
    let none = text_of(&wd, "main").await;
    assert!(none.contains("No cases match."), "{none}");
    wd.goto(&app.url(&format!("/w/becws/cases/{}?lang=en", case.id)))
        .await
        .unwrap();
    let en = text_of(&wd, ".case-facts").await;
    assert!(en.contains("Resolution"), "{en}");
    screenshot("case-resolved-en.png", &wd.screenshot_png().await.unwrap());
}
