//! What a respondent sees, in a real browser (headless Chromium): an NPS survey answered on
//! the hosted page in Welsh (chosen by the browser's language) and in Arabic (chosen on the
//! page), with JavaScript on and off; and through the widget, embedded in a business's page on
//! another site that sends a strict Content-Security-Policy. Screenshots land in
//! `target/screenshots/`.

use crate::helpers::TestApp;
use crate::surveys_ui::live_nps;
use crate::webdriver::{self, ElementId, Options, WebDriver};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use taith_domain::{Channel, Locale, NewResponse, Survey, Workspace};
use taith_store::PageRequest;

// Generous: CI runs every browser test at once on two cores.
const WAIT: Duration = Duration::from_secs(30);

pub(crate) fn screenshot(name: &str, png: &[u8]) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}: not a PNG");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap_or(&dir)).unwrap();
    std::fs::write(&path, png).unwrap();
    eprintln!("screenshot: {}", path.display());
}

pub(crate) async fn browser(options: Options) -> Option<WebDriver> {
    if !webdriver::installed() {
        assert!(
            std::env::var_os("TAITH_REQUIRE_BROWSER").is_none(),
            "TAITH_REQUIRE_BROWSER is set but chromium/chromedriver are not installed"
        );
        crate::helpers::say_skipped("respondent browser tests: chromium or chromedriver missing");
        return None;
    }
    Some(WebDriver::start_with(options).await.unwrap())
}

/// Waits for an element, in the current document or frame.
async fn wait_for(wd: &WebDriver, css: &str) -> ElementId {
    wd.wait_for(css, WAIT).await.unwrap()
}

/// Waits until the current address contains `part`.
pub(crate) async fn wait_for_url(wd: &WebDriver, part: &str) -> String {
    let deadline = Instant::now() + WAIT;
    loop {
        let url = wd.current_url().await.unwrap();
        if url.contains(part) {
            return url;
        }
        assert!(
            Instant::now() < deadline,
            "waited for an address with {part}, at {url}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn attribute(wd: &WebDriver, css: &str, name: &str) -> String {
    let el = wd.find(css).await.unwrap();
    wd.attribute(&el, name).await.unwrap().unwrap_or_default()
}

async fn text(wd: &WebDriver, css: &str) -> String {
    let el = wd.find(css).await.unwrap();
    wd.text(&el).await.unwrap()
}

/// Chooses `score` on the score page (its label: the radio button itself is visually hidden,
/// as on a phone) and sends the form.
pub(crate) async fn choose_score(wd: &WebDriver, score: i16) {
    let labels = wd.find_all("label.point").await.unwrap();
    let input = wd
        .find(&format!("input[name=score][value=\"{score}\"]"))
        .await
        .unwrap();
    let label = labels.get(usize::try_from(score).unwrap()).unwrap();
    wd.click(label).await.unwrap();
    assert!(
        wd.selected(&input).await.unwrap(),
        "clicking the label of {score} ticks it"
    );
    wd.click(&wd.find("button.respond-submit").await.unwrap())
        .await
        .unwrap();
}

async fn responses(app: &TestApp, ws: &Workspace, survey: &Survey) -> Vec<NewResponse> {
    app.store
        .responses(ws.id, Some(survey.id), PageRequest::all())
        .await
        .unwrap()
        .items
}

/// The page's `lang` and `dir`, and whether the page scrolls sideways.
async fn page_direction(wd: &WebDriver) -> (String, String, bool) {
    let lang = attribute(wd, "html", "lang").await;
    let dir = attribute(wd, "html", "dir").await;
    let rect = |v: &Value, k: &str| v[k].as_f64().unwrap_or(0.0);
    let html = wd.find("html").await.unwrap();
    let body = wd.find("main").await.unwrap();
    let (h, b) = (rect_of(wd, &html).await, rect_of(wd, &body).await);
    let sideways = rect(&b, "width") > rect(&h, "width") + 1.0;
    (lang, dir, sideways)
}

async fn rect_of(wd: &WebDriver, el: &ElementId) -> Value {
    wd.rect(el).await.unwrap()
}

/// Whether the scale's points run the way the page reads: 0 at the start of the line (left in
/// Welsh, right in Arabic).
async fn zero_is_at_the_start(wd: &WebDriver, rtl: bool) -> bool {
    let labels = wd.find_all("label.point").await.unwrap();
    let zero = rect_of(wd, &labels[0]).await["x"].as_f64().unwrap();
    let one = rect_of(wd, &labels[1]).await["x"].as_f64().unwrap();
    if rtl { zero > one } else { zero < one }
}

#[tokio::test]
async fn an_nps_survey_is_answered_in_welsh_and_arabic_with_javascript_on_and_off_in_chromium() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let page = app.url(&format!("/s/{}", survey.public_id));
    for javascript in [true, false] {
        let Some(wd) = browser(Options {
            javascript,
            accept_language: Some("cy,en".to_owned()),
        })
        .await
        else {
            return;
        };
        let js = if javascript { "js" } else { "nojs" };

        // JavaScript really is on or off: a kiosk page shows its full-screen button only
        // when its script runs.
        wd.goto(&app.url(&format!("/k/{}", survey.public_id)))
            .await
            .unwrap();
        let shown = attribute(&wd, "[data-fullscreen]", "hidden")
            .await
            .is_empty();
        assert_eq!(shown, javascript, "the script ran: {shown}");

        // Welsh, because the browser asks for it.
        wd.goto(&page).await.unwrap();
        let (lang, dir, sideways) = page_direction(&wd).await;
        assert_eq!(
            (lang.as_str(), dir.as_str(), sideways),
            ("cy", "ltr", false)
        );
        let question = text(&wd, "h1.respond-question").await;
        assert_eq!(question, survey.fields.question.get(Locale::Cy, Locale::En));
        assert!(zero_is_at_the_start(&wd, false).await);
        choose_score(&wd, 3).await;
        wait_for_url(&wd, "/r/").await;
        // A detractor is asked what to improve, in Welsh.
        let asked = text(&wd, ".respond-q label").await;
        assert_eq!(
            asked,
            survey.fields.follow_ups[0]
                .prompt
                .get(Locale::Cy, Locale::En)
        );
        let improve = wd.find(".respond-q textarea").await.unwrap();
        wd.send_keys(&improve, "Mwy o fara brith, os gwelwch yn dda <b>nawr</b>")
            .await
            .unwrap();
        wd.click(&wd.find("button.respond-submit").await.unwrap())
            .await
            .unwrap();
        wait_for(&wd, ".respond-done").await;
        assert_eq!(attribute(&wd, "html", "lang").await, "cy");
        screenshot(
            &format!("respond-cy-{js}.png"),
            &wd.screenshot_png().await.unwrap(),
        );

        // Arabic, chosen from the page's list of languages.
        wd.goto(&page).await.unwrap();
        let arabic = wd.find("nav.respond-langs a[lang=ar]").await.unwrap();
        wd.click(&arabic).await.unwrap();
        wait_for_url(&wd, "lang=ar").await;
        let (lang, dir, sideways) = page_direction(&wd).await;
        assert_eq!(
            (lang.as_str(), dir.as_str(), sideways),
            ("ar", "rtl", false)
        );
        assert_eq!(
            text(&wd, "h1.respond-question").await,
            survey.fields.question.get(Locale::Ar, Locale::En)
        );
        assert!(zero_is_at_the_start(&wd, true).await, "0 sits on the right");
        screenshot(
            &format!("respond-ar-score-{js}.png"),
            &wd.screenshot_png().await.unwrap(),
        );
        choose_score(&wd, 9).await;
        wait_for_url(&wd, "/r/").await;
        // A promoter has no follow-up question; the comment is optional: skip it.
        assert!(wd.find_all(".respond-q label").await.unwrap().len() <= 1);
        wd.click(&wd.find("a.respond-skip").await.unwrap())
            .await
            .unwrap();
        wait_for(&wd, ".respond-done").await;
        assert_eq!(attribute(&wd, "html", "dir").await, "rtl");
        screenshot(
            &format!("respond-ar-thanks-{js}.png"),
            &wd.screenshot_png().await.unwrap(),
        );
    }

    // Two Welsh detractors with their answer, two Arabic promoters, from the web.
    let stored = responses(&app, &ws, &survey).await;
    let mut seen: Vec<_> = stored
        .iter()
        .map(|r| (r.locale.tag(), r.score, r.channel))
        .collect();
    seen.sort();
    let (ar, cy) = (("ar", 9, Channel::Web), ("cy", 3, Channel::Web));
    assert_eq!(seen, [ar, ar, cy, cy]);
    for r in stored.iter().filter(|r| r.locale == Locale::Cy) {
        let typed = serde_json::to_string(&r.answers).unwrap();
        assert!(typed.contains("Mwy o fara brith"), "{typed}");
    }
}

/// A business's own page on another site (`localhost`, where taith is `127.0.0.1`): the
/// widget's tag and nothing else, under a strict Content-Security-Policy whose violation
/// reports, and every other request the page makes, are recorded.
pub(crate) struct HostSite {
    pub(crate) addr: std::net::SocketAddr,
    requests: Arc<Mutex<Vec<String>>>,
}

pub(crate) async fn host_site(
    taith: std::net::SocketAddr,
    public_id: &str,
    lang: &str,
) -> HostSite {
    use axum::http::header;
    use axum::response::IntoResponse;
    let requests = Arc::new(Mutex::new(Vec::new()));
    let origin = format!("http://{taith}");
    let csp = format!(
        "default-src 'none'; script-src {origin}; frame-src {origin}; style-src 'none'; \
         img-src 'none'; base-uri 'none'; form-action 'none'; report-uri /csp-report"
    );
    let page = format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <title>Becws Bara Brith</title></head><body><h1>Becws Bara Brith</h1>\
         <p>Bara brith, cacennau cri a bara surdoes.</p><div id=\"survey\"></div>\
         <script src=\"{origin}/widget/{public_id}.js\" data-target=\"survey\" async></script>\
         </body></html>"
    );
    let seen = requests.clone();
    let app = axum::Router::new().fallback(move |req: axum::extract::Request| {
        let (seen, page, csp) = (seen.clone(), page.clone(), csp.clone());
        async move {
            let path = req.uri().path().to_owned();
            let body = axum::body::to_bytes(req.into_body(), 64 * 1024)
                .await
                .unwrap_or_default();
            seen.lock()
                .unwrap()
                .push(format!("{path} {}", String::from_utf8_lossy(&body)));
            if path == "/" {
                (
                    [
                        (header::CONTENT_TYPE, "text/html; charset=utf-8".to_owned()),
                        (header::CONTENT_SECURITY_POLICY, csp),
                    ],
                    page,
                )
                    .into_response()
            } else {
                axum::http::StatusCode::NO_CONTENT.into_response()
            }
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    HostSite { addr, requests }
}

#[tokio::test]
async fn the_widget_shows_the_survey_on_a_strict_csp_page_of_another_site_and_records_the_answer() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let host = host_site(app.addr, &survey.public_id, "ar").await;
    let Some(wd) = browser(Options::default()).await else {
        return;
    };
    wd.goto(&format!("http://localhost:{}/", host.addr.port()))
        .await
        .unwrap();
    let frame = wait_for(&wd, "iframe.taith-survey").await;
    // The frame grows to the survey's height and takes the page's title, in Arabic.
    let deadline = Instant::now() + WAIT;
    loop {
        let title = wd
            .attribute(&frame, "title")
            .await
            .unwrap()
            .unwrap_or_default();
        if !title.is_empty() {
            assert!(
                title.contains("Becws") || title.contains("becws"),
                "{title}"
            );
            break;
        }
        assert!(Instant::now() < deadline, "the frame never got its title");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    screenshot("widget-ar-score.png", &wd.screenshot_png().await.unwrap());

    wd.enter_frame(&frame).await.unwrap();
    assert_eq!(attribute(&wd, "html", "lang").await, "ar");
    assert_eq!(attribute(&wd, "html", "dir").await, "rtl");
    assert!(zero_is_at_the_start(&wd, true).await);
    // Everything in the frame came from taith itself.
    let loaded = wd
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name);",
            vec![],
        )
        .await
        .unwrap();
    for url in loaded.as_array().unwrap() {
        let url = url.as_str().unwrap();
        assert!(url.starts_with(&format!("http://{}/", app.addr)), "{url}");
    }
    choose_score(&wd, 4).await;
    // (The frame's own address is not the window's: wait for the follow-up page's field.)
    let improve = wait_for(&wd, ".respond-q textarea").await;
    wd.send_keys(&improve, "الخبز كان باردا").await.unwrap();
    wd.click(&wd.find("button.respond-submit").await.unwrap())
        .await
        .unwrap();
    wait_for(&wd, ".respond-done").await;
    wd.leave_frame().await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    screenshot("widget-ar-thanks.png", &wd.screenshot_png().await.unwrap());
    let height = wd.rect(&frame).await.unwrap()["height"].as_f64().unwrap();
    assert!((120.0..1500.0).contains(&height), "frame height {height}");

    let stored = responses(&app, &ws, &survey).await;
    assert_eq!(stored.len(), 1);
    let r = &stored[0];
    assert_eq!(
        (r.score, r.locale, r.channel),
        (4, Locale::Ar, Channel::Web)
    );
    assert!(serde_json::to_string(&r.answers).unwrap().contains("الخبز"));

    // The host page asked its own server for nothing but itself: no CSP violation reports.
    let requests = host.requests.lock().unwrap().clone();
    let others: Vec<_> = requests
        .iter()
        .filter(|r| !r.starts_with("/ ") && !r.starts_with("/favicon.ico "))
        .collect();
    assert!(others.is_empty(), "{others:?}");
}

#[tokio::test]
async fn a_member_invites_customers_in_arabic_and_a_customer_answers_and_unsubscribes_in_chromium()
{
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let Some(wd) = browser(Options {
        javascript: true,
        accept_language: Some("ar".to_owned()),
    })
    .await
    else {
        return;
    };
    wd.goto(&app.url("/login")).await.unwrap();
    let email = wd.find("#email").await.unwrap();
    wd.send_keys(&email, "owner@becws.example").await.unwrap();
    let password = wd.find("#password").await.unwrap();
    wd.send_keys(&password, crate::helpers::PASSWORD)
        .await
        .unwrap();
    wd.click(
        &wd.find("form[action=\"/login\"] button[type=submit]")
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    wait_for(&wd, "header .who").await;

    // The survey's page shows its links and the widget's tag; the invite page takes a list.
    wd.goto(&app.url(&format!("/w/becws/surveys/{}", survey.id)))
        .await
        .unwrap();
    let tag = text(&wd, "#widget-tag").await;
    assert!(
        tag.contains(&format!("/widget/{}.js", survey.public_id)),
        "{tag}"
    );
    assert_eq!(
        page_direction(&wd).await,
        ("ar".into(), "rtl".into(), false)
    );
    screenshot("survey-share-ar.png", &wd.screenshot_png().await.unwrap());
    wd.click(&wd.find("a[href$=\"/invite\"]").await.unwrap())
        .await
        .unwrap();
    let list = wait_for(&wd, "#customers").await;
    wd.send_keys(&list, "layla@example.com,ليلى,ar\nbroken-line")
        .await
        .unwrap();
    wd.click(
        &wd.find("form[action$=\"/invite\"] button[type=submit]")
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    wait_for(&wd, "#customers-error").await;
    assert_eq!(
        page_direction(&wd).await,
        ("ar".into(), "rtl".into(), false)
    );
    screenshot(
        "survey-invite-error-ar.png",
        &wd.screenshot_png().await.unwrap(),
    );
    let list = wd.find("#customers").await.unwrap();
    wd.clear(&list).await.unwrap();
    wd.send_keys(&list, "layla@example.com,ليلى,ar")
        .await
        .unwrap();
    wd.click(
        &wd.find("form[action$=\"/invite\"] button[type=submit]")
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    wait_for(&wd, "p.notice").await;
    screenshot("survey-invite-ar.png", &wd.screenshot_png().await.unwrap());

    // Layla opens her link (no SMTP here: the outbox holds it), answers, then unsubscribes.
    let due = app.store.mail_due(taith_domain::now(), 10).await.unwrap();
    assert_eq!(due.len(), 1);
    let token = &due[0].token;
    wd.goto(&app.url(&format!("/i/{token}"))).await.unwrap();
    assert_eq!(
        page_direction(&wd).await,
        ("ar".into(), "rtl".into(), false)
    );
    choose_score(&wd, 10).await;
    wait_for(&wd, "a.respond-skip").await;
    wd.goto(&app.url(&format!("/u/{token}"))).await.unwrap();
    assert_eq!(
        page_direction(&wd).await,
        ("ar".into(), "rtl".into(), false)
    );
    screenshot("unsubscribe-ar.png", &wd.screenshot_png().await.unwrap());
    wd.click(&wd.find("button.respond-submit").await.unwrap())
        .await
        .unwrap();
    wait_for(&wd, ".respond-done h1").await;
    screenshot("unsubscribed-ar.png", &wd.screenshot_png().await.unwrap());

    let stored = responses(&app, &ws, &survey).await;
    assert_eq!(stored.len(), 1);
    assert_eq!((stored[0].score, stored[0].channel), (10, Channel::Email));
    let counts = app.store.invitation_counts(ws.id, survey.id).await.unwrap();
    assert_eq!(
        (counts.invited, counts.answered, counts.unsubscribed),
        (1, 1, 1)
    );
}
