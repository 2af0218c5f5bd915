//! The frame every page shares: the 404 page in the visitor's language and the favicon, the
//! header's menu and the members table on a phone, one digit system and readable dates in
//! Arabic, no bidi isolation marks where a browser shows them as boxes, empty states that
//! offer the next step, and focus on the first error of a failed form.

use crate::helpers::{PASSWORD, TestApp};
use crate::webdriver::{self, WebDriver};
use reqwest::Method;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::time::{Duration, Instant};
use taith_domain::TokenScope;

// Generous: CI runs every browser test at once on two cores.
const WAIT: Duration = Duration::from_secs(30);

/// Every `<title>` (the page's and the SVG tooltips') and every `title="…"` attribute.
fn titles_and_tooltips(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for part in html.split("<title").skip(1) {
        let Some((_, rest)) = part.split_once('>') else {
            continue;
        };
        found.push(rest.split("</title>").next().unwrap_or_default().to_owned());
    }
    for part in html.split(" title=\"").skip(1) {
        found.push(part.split('"').next().unwrap_or_default().to_owned());
    }
    found
}

fn has_arabic_indic_digits(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{0660}'..='\u{0669}').contains(&c) || ('\u{06F0}'..='\u{06F9}').contains(&c))
}

#[tokio::test]
async fn an_unknown_address_gets_a_404_page_in_the_visitors_language_and_the_api_gets_json() {
    let app = TestApp::on_sqlite().await;
    let b = app.browser();

    // Accept-Language chooses the page's language.
    *b.accept_language.lock().unwrap() = Some("ar,en;q=0.5".into());
    let page = b.get("/no/such/page").await;
    assert_eq!(page.status, 404);
    assert!(
        page.content_type.starts_with("text/html"),
        "{}",
        page.content_type
    );
    assert!(page.body.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(page.text().contains("الصفحة غير موجودة"), "{}", page.body);
    assert!(page.body.contains("rel=\"icon\""));
    // The same address in the other languages, to switch without going elsewhere.
    assert!(
        page.body.contains("href=\"/no/such/page?lang=cy\""),
        "{}",
        page.body
    );

    // The language cookie beats Accept-Language, as on every other page.
    let welsh = b.get("/somewhere?lang=cy").await;
    assert_eq!(welsh.status, 404);
    assert!(welsh.text().contains("Heb ddod o hyd i'r dudalen"));
    let page = b.get("/elsewhere").await;
    assert!(
        page.body.contains("<html lang=\"cy\""),
        "the cookie was not kept"
    );

    // Any method, and deep under a workspace's address too.
    let post = b.post_raw("/nothing-here", &[("a", "b")]).await;
    assert_eq!(post.status, 404);
    let deep = app.browser().get("/w/becws/no/such/thing/at/all").await;
    assert_eq!(deep.status, 404);
    assert!(deep.text().contains("Page not found"));

    // Under /api/: the API's one error shape, whatever the language.
    for path in ["/api/v1/nope", "/api/nope", "/api"] {
        let page = b.get(path).await;
        assert_eq!(page.status, 404, "{path}");
        assert!(page.content_type.starts_with("application/json"), "{path}");
        let body: Value = serde_json::from_str(&page.body).unwrap();
        assert_eq!(body["error"]["code"], "not_found", "{path}");
    }
    // The address is repeated in the language links, escaped, never as markup.
    let page = b
        .get("/x/%22%3E%3Cimg%20src=x%20data-xss=1%3E?q=%22%3E%3Cimg%20data-xss=1%3E")
        .await;
    assert_eq!(page.status, 404);
    assert!(
        page.body
            .contains("/x/%22%3E%3Cimg%20src=x%20data-xss=1%3E?q=")
    );
    assert!(!page.body.contains("<img src=x"), "{}", page.body);
    assert!(!page.body.contains("<img data-xss"), "{}", page.body);
    assert!(!page.body.contains("data-xss=1>"), "{}", page.body);
    // Real routes still answer.
    assert_eq!(b.get("/healthz").await.status, 200);
}

#[tokio::test]
async fn the_favicon_is_served_and_linked_from_both_layouts() {
    let app = TestApp::on_sqlite().await;
    let b = app.browser();
    for path in ["/assets/favicon.svg", "/favicon.ico"] {
        let icon = b.get(path).await;
        assert_eq!(icon.status, 200, "{path}");
        assert_eq!(icon.content_type, "image/svg+xml", "{path}");
        assert!(icon.body.starts_with("<svg"), "{path}");
    }
    let admin = b.get("/setup").await;
    let respondent = b.get("/s/0123456789abcdef").await;
    for page in [admin, respondent] {
        assert!(
            page.body.contains(
                "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">"
            ),
            "{} {}",
            page.status,
            page.body
        );
    }
}

/// A workspace with a journey of three versions, a persona, a survey, a token and a second
/// member; returns the journey's and the survey's ids.
async fn a_workspace_with_something_on_every_page(app: &TestApp) -> (String, String) {
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    app.member(&ws, "layla@becws.example", taith_domain::Role::Analyst)
        .await;
    let t = app.api_token("becws", TokenScope::Write).await;
    let b = app.browser();
    let (s, persona) = b
        .api(
            Method::POST,
            "/api/v1/personas",
            &t,
            Some(json!({"name": "Siân", "needs": "Fresh bread"})),
        )
        .await;
    assert_eq!(s, 201, "{persona}");
    let (s, created) = b
        .api(
            Method::POST,
            "/api/v1/journeys",
            &t,
            Some(json!({"name": "Buying bread", "stage_model": "five_stage"})),
        )
        .await;
    assert_eq!(s, 201, "{created}");
    let jid = created["journey"]["id"].as_str().unwrap().to_owned();
    let stage = created["journey"]["stages"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (s, body) = b
        .api(
            Method::POST,
            &format!("/api/v1/journeys/{jid}/touchpoints"),
            &t,
            Some(json!({"stage_id": stage, "name": "Shop window", "channel": "in-store", "moment_of_truth": true})),
        )
        .await;
    assert_eq!(s, 201, "{body}");
    let (s, body) = b
        .api(
            Method::POST,
            &format!("/api/v1/journeys/{jid}/stages"),
            &t,
            Some(json!({"name": "Aftercare", "emotion": -1})),
        )
        .await;
    assert_eq!(s, 201, "{body}");
    let (s, survey) = b
        .api(
            Method::POST,
            "/api/v1/surveys",
            &t,
            Some(json!({"kind": "nps", "name": "Counter NPS"})),
        )
        .await;
    assert_eq!(s, 201, "{survey}");
    (jid, survey["survey"]["id"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn arabic_pages_write_one_digit_system_and_no_isolation_marks_in_titles_or_tooltips() {
    let app = TestApp::on_sqlite().await;
    let (jid, sid) = a_workspace_with_something_on_every_page(&app).await;
    let owner = app.signed_in("owner@becws.example").await;
    let pages = [
        "/w/becws".to_owned(),
        format!("/w/becws/journeys/{jid}"),
        format!("/w/becws/journeys/{jid}/revisions"),
        format!("/w/becws/journeys/{jid}/revisions/2"),
        "/w/becws/members".to_owned(),
        "/w/becws/tokens".to_owned(),
        "/w/becws/personas".to_owned(),
        format!("/w/becws/surveys/{sid}/invite"),
        "/no/such/page".to_owned(),
    ];
    let mut checked = 0;
    for path in &pages {
        let page = owner.get(&format!("{path}?lang=ar")).await;
        assert!(
            page.status == 200 || page.status == 404,
            "{path}: {}",
            page.status
        );
        assert!(page.body.contains("dir=\"rtl\""), "{path}");
        // Never where a title bar or a tooltip would show them as boxes.
        let titles = titles_and_tooltips(&page.body);
        assert!(!titles.is_empty(), "{path}: no title");
        for t in &titles {
            assert!(
                !t.contains(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']),
                "{path}: isolation marks in {t:?}"
            );
            checked += 1;
        }
        assert!(
            !has_arabic_indic_digits(&page.body),
            "{path}: Arabic-Indic digits next to Latin ones"
        );
    }
    assert!(
        checked >= pages.len() + 2,
        "only {checked} titles and tooltips"
    );
    // Fluent's marks stay in the body, where browsers honour them ("٣ مراحل" with a name
    // typed in Latin letters next to it keeps its order).
    let list = owner.get("/w/becws?lang=ar").await;
    assert!(list.body.contains('\u{2068}'));

    // A token's creation time reads day, month, year in Arabic, with no isolate around it.
    let tokens = owner.get("/w/becws/tokens?lang=ar").await;
    let today = taith_domain::now().date();
    let tr = taith_i18n::Tr::new(taith_domain::Locale::Ar);
    let date = tr.date(today);
    assert!(
        date.starts_with(&today.day().to_string()),
        "the day first: {date}"
    );
    assert!(
        tokens
            .body
            .contains(&format!("<td data-label=\"تاريخ الإنشاء\">{date}،")),
        "{}",
        tokens.body
    );
}

#[tokio::test]
async fn the_tokens_page_offers_the_first_token_and_the_invitation_page_speaks_to_the_owner() {
    let app = TestApp::on_sqlite().await;
    app.workspace("becws", "owner@becws.example").await;
    let owner = app.signed_in("owner@becws.example").await;
    let page = owner.get("/w/becws/tokens").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("No API tokens yet. Create one below"));
    assert!(!page.body.contains("<table"));
    assert!(page.body.contains("action=\"/w/becws/tokens\""));
    // The first one made, the list replaces the line.
    let made = owner
        .submit(
            "/w/becws/tokens",
            "/w/becws/tokens",
            &[("name", "Till"), ("scope", "read")],
        )
        .await;
    assert_eq!(made.status, 200, "{}", made.body);
    assert!(made.body.contains("<table class=\"list stacked\">"));
    assert!(!made.text().contains("No API tokens yet"));

    // E-mail is not set up: the owner is told whom to ask, not which server flag to set.
    let t = app.api_token("becws", TokenScope::Write).await;
    let (s, survey) = owner
        .api(
            Method::POST,
            "/api/v1/surveys",
            &t,
            Some(json!({"kind": "nps", "name": "Counter NPS", "status": "live"})),
        )
        .await;
    assert_eq!(s, 201, "{survey}");
    let sid = survey["survey"]["id"].as_str().unwrap();
    for lang in ["en", "cy", "ar"] {
        let page = owner
            .get(&format!("/w/becws/surveys/{sid}/invite?lang={lang}"))
            .await;
        assert_eq!(page.status, 200);
        assert!(!page.body.contains("--smtp"), "{lang}: {}", page.body);
        assert!(!page.body.contains("--mail-from"), "{lang}");
    }
    let page = owner
        .get(&format!("/w/becws/surveys/{sid}/invite?lang=en"))
        .await;
    assert!(
        page.text()
            .contains("Ask your administrator to set up e-mail.")
    );
    // The operator's documentation is where the flags are.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    assert!(readme.contains("--smtp-url") && readme.contains("--mail-from"));
}

#[tokio::test]
async fn a_failed_form_marks_its_first_invalid_field_for_focus() {
    let app = TestApp::on_sqlite().await;
    app.workspace("becws", "owner@becws.example").await;
    let owner = app.signed_in("owner@becws.example").await;
    let page = owner
        .submit(
            "/w/becws/members",
            "/w/becws/members",
            &[
                ("name", ""),
                ("email", "not an address"),
                ("role", "viewer"),
                ("password", "short"),
            ],
        )
        .await;
    assert_eq!(page.status, 422, "{}", page.body);
    let name = page
        .body
        .split("<input id=\"name\"")
        .nth(1)
        .and_then(|s| s.split('>').next())
        .unwrap();
    assert!(name.contains("aria-invalid=\"true\""), "{name}");
    assert!(name.contains("autofocus"), "{name}");
    assert!(name.contains("dir=\"auto\""), "{name}");
    assert!(
        page.body
            .contains("<script src=\"/assets/site.js\" defer></script>")
    );
    let script = owner.get("/assets/site.js").await;
    assert_eq!(script.status, 200);
    assert!(script.content_type.starts_with("text/javascript"));
}

fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir.canonicalize().unwrap_or(dir)
}

async fn screenshot(wd: &WebDriver, name: &str) {
    let png = wd.screenshot_png().await.unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}: not a PNG");
    let path = screenshot_dir().join(name);
    std::fs::write(&path, png).unwrap();
    eprintln!("screenshot: {}", path.display());
}

async fn wait_until(wd: &WebDriver, what: &str, script: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        if wd.execute(script, vec![]).await.unwrap() == Value::Bool(true) {
            return;
        }
        assert!(Instant::now() < deadline, "waited {WAIT:?} for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// What the header and the page look like, measured in the browser.
const FRAME: &str = "
const d = document.documentElement;
const shown = el => !!el && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
const link = document.querySelector('header nav a[href$=\"/members\"]');
const summary = document.querySelector('details.menu > summary');
const row = document.querySelector('table.stacked tbody tr');
return {
  nav_link_shown: shown(link),
  menu_button_shown: shown(summary),
  overflow_x: d.scrollWidth - d.clientWidth,
  rows_stacked: !!row && getComputedStyle(row).display === 'block',
  header_height: document.querySelector('header.top').getBoundingClientRect().height,
};";

#[tokio::test]
async fn the_header_folds_into_a_menu_and_the_members_table_stacks_on_a_phone() {
    if !webdriver::installed() {
        assert!(
            std::env::var("TAITH_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "TAITH_REQUIRE_BROWSER=1 but {} or {} is missing",
            webdriver::CHROMIUM,
            webdriver::CHROMEDRIVER
        );
        crate::helpers::say_skipped(
            "chromium/chromedriver not installed — browser test did not run",
        );
        return;
    }
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    for (email, role) in [
        ("layla.haddad@becws.example", taith_domain::Role::Admin),
        ("minh.nguyen@becws.example", taith_domain::Role::Viewer),
    ] {
        app.member(&ws, email, role).await;
    }
    let wd = WebDriver::start().await.unwrap();
    wd.goto(&app.url("/login?lang=en")).await.unwrap();
    let email = wd.find("#email").await.unwrap();
    wd.send_keys(&email, "owner@becws.example").await.unwrap();
    let password = wd.find("#password").await.unwrap();
    wd.send_keys(&password, PASSWORD).await.unwrap();
    wd.click(
        &wd.find("form[action=\"/login\"] button[type=submit]")
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    wd.wait_for("header details.menu", WAIT).await.unwrap();

    for lang in ["en", "ar"] {
        // A phone: the navigation is behind "Menu", nothing scrolls sideways, rows stack.
        wd.set_window_size(390, 844).await.unwrap();
        wd.goto(&app.url(&format!("/w/becws/members?lang={lang}")))
            .await
            .unwrap();
        wd.wait_for("table.stacked", WAIT).await.unwrap();
        let f = wd.execute(FRAME, vec![]).await.unwrap();
        assert_eq!(f["nav_link_shown"], false, "{lang} 390: {f}");
        assert_eq!(f["menu_button_shown"], true, "{lang} 390: {f}");
        assert_eq!(f["rows_stacked"], true, "{lang} 390: {f}");
        assert!(f["overflow_x"].as_f64().unwrap() <= 0.0, "{lang} 390: {f}");
        assert!(
            f["header_height"].as_f64().unwrap() < 80.0,
            "{lang} 390: {f}"
        );
        screenshot(&wd, &format!("site-members-390-{lang}.png")).await;
        wd.click(&wd.find("details.menu > summary").await.unwrap())
            .await
            .unwrap();
        wait_until(
            &wd,
            "the menu to open",
            "return document.querySelector('details.menu').open;",
        )
        .await;
        let f = wd.execute(FRAME, vec![]).await.unwrap();
        assert_eq!(f["nav_link_shown"], true, "{lang} 390 open: {f}");
        screenshot(&wd, &format!("site-menu-390-{lang}.png")).await;
        // No token yet: the line saying what one is for, and the form right there.
        wd.goto(&app.url(&format!("/w/becws/tokens?lang={lang}")))
            .await
            .unwrap();
        wd.wait_for("p.empty + section form", WAIT).await.unwrap();
        screenshot(&wd, &format!("site-tokens-390-{lang}.png")).await;

        // A laptop: the navigation in a row, no menu button, the table as a table.
        wd.set_window_size(1280, 900).await.unwrap();
        wd.goto(&app.url(&format!("/w/becws/members?lang={lang}")))
            .await
            .unwrap();
        wd.wait_for("table.stacked", WAIT).await.unwrap();
        let f = wd.execute(FRAME, vec![]).await.unwrap();
        assert_eq!(f["nav_link_shown"], true, "{lang} 1280: {f}");
        assert_eq!(f["menu_button_shown"], false, "{lang} 1280: {f}");
        assert_eq!(f["rows_stacked"], false, "{lang} 1280: {f}");
        screenshot(&wd, &format!("site-members-1280-{lang}.png")).await;

        // The 404 page, both sizes.
        for (w, h) in [(1280, 900), (390, 844)] {
            wd.set_window_size(w, h).await.unwrap();
            wd.goto(&app.url(&format!("/w/becws/no-such-page?lang={lang}")))
                .await
                .unwrap();
            wd.wait_for(".error-page", WAIT).await.unwrap();
            let f = wd.execute(FRAME, vec![]).await.unwrap();
            assert!(
                f["overflow_x"].as_f64().unwrap() <= 0.0,
                "404 {lang} {w}: {f}"
            );
            screenshot(&wd, &format!("site-404-{w}-{lang}.png")).await;
        }
    }

    // A failed form: the keyboard is on the first field to fix.
    wd.set_window_size(1280, 900).await.unwrap();
    wd.goto(&app.url("/w/becws/members?lang=en")).await.unwrap();
    let email = wd.find("#email").await.unwrap();
    wd.send_keys(&email, "not an address").await.unwrap();
    wd.click(
        &wd.find("form[action=\"/w/becws/members\"] button[type=submit]")
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    wait_until(
        &wd,
        "the form to come back with its errors",
        "return !!document.querySelector('[aria-invalid=\"true\"]');",
    )
    .await;
    wait_until(
        &wd,
        "focus on the first invalid field",
        "return document.activeElement && document.activeElement.id === 'name';",
    )
    .await;
}
