//! The web tracker in a real browser (headless Chromium): a business's page on another site,
//! sending a strict Content-Security-Policy that lists taith only in `script-src` and
//! `connect-src`, loads `/t/{site_key}.js` and records a page view, a search with no results,
//! a goal and a JavaScript error; with Global Privacy Control set, nothing is sent.

use crate::helpers::TestApp;
use crate::respond_browser::{browser, screenshot};
use crate::webdriver::{Options, WebDriver};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use taith_domain::TokenScope;

const WAIT: Duration = Duration::from_secs(30);
/// A desktop Chrome's user agent: headless Chromium's says `HeadlessChrome`, which the
/// tracker's ingest drops as a bot.
const CHROME: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
                      Chrome/131.0.0.0 Safari/537.36";

/// The business's site: `/search` (the tracker, a search with no results) and `/host.js`
/// (its own script: the `taith()` queue, a goal, then an error), every request logged.
async fn host_site(
    taith: std::net::SocketAddr,
    key: &str,
) -> (std::net::SocketAddr, Arc<Mutex<Vec<String>>>) {
    use axum::http::header;
    use axum::response::IntoResponse;
    let requests = Arc::new(Mutex::new(Vec::new()));
    let origin = format!("http://{taith}");
    let csp = format!(
        "default-src 'none'; script-src 'self' {origin}; connect-src {origin}; style-src 'none'; \
         img-src 'none'; base-uri 'none'; form-action 'none'; report-uri /csp-report"
    );
    let page = format!(
        "<!doctype html><html lang=\"cy\"><head><meta charset=\"utf-8\"><title>Becws</title>\
         <script src=\"/host.js\"></script>\
         <script src=\"{origin}/t/{key}.js\" async></script></head>\
         <body><h1>Chwilio</h1><p data-taith-results=\"0\">Dim canlyniadau.</p>\
         <a href=\"https://elsewhere.example/\">elsewhere</a></body></html>"
    );
    let host_js = "window.taith = window.taith || function () { (taith.q = taith.q || []).push(arguments); };\n\
                   taith('goal', 'order', 12.5);\n\
                   window.addEventListener('load', function () { setTimeout(function () { null.boom(); }, 50); });\n";
    let seen = requests.clone();
    let app = axum::Router::new().fallback(move |req: axum::extract::Request| {
        let (seen, page, csp) = (seen.clone(), page.clone(), csp.clone());
        async move {
            let path = req.uri().path().to_owned();
            seen.lock().unwrap().push(path.clone());
            match path.as_str() {
                "/search" => (
                    [
                        (header::CONTENT_TYPE, "text/html; charset=utf-8".to_owned()),
                        (header::CONTENT_SECURITY_POLICY, csp),
                    ],
                    page,
                )
                    .into_response(),
                "/host.js" => (
                    [(header::CONTENT_TYPE, "text/javascript".to_owned())],
                    host_js,
                )
                    .into_response(),
                _ => axum::http::StatusCode::NO_CONTENT.into_response(),
            }
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (addr, requests)
}

/// The workspace's events as the API lists them.
async fn events(app: &TestApp, token: &str) -> Vec<Value> {
    let (status, body) = app
        .browser()
        .api(
            reqwest::Method::GET,
            "/api/v1/events?limit=500",
            token,
            None,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    body["events"].as_array().unwrap().clone()
}

/// Waits until the events satisfy `done`.
async fn wait_for_events(
    app: &TestApp,
    token: &str,
    what: &str,
    done: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    let deadline = Instant::now() + WAIT;
    loop {
        let got = events(app, token).await;
        if done(&got) {
            return got;
        }
        assert!(
            Instant::now() < deadline,
            "waited for {what}; have {got:#?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Makes the browser look like a person's: a desktop user agent, `navigator.webdriver`
/// unset.
async fn as_a_person(wd: &WebDriver) {
    wd.cdp(
        "Emulation.setUserAgentOverride",
        json!({ "userAgent": CHROME }),
    )
    .await
    .unwrap();
    wd.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "Object.defineProperty(navigator, 'webdriver', { get: () => false });" }),
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn the_tracker_records_a_page_view_a_search_a_goal_and_an_error_under_a_strict_csp_and_nothing_under_gpc()
 {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let (product, _) = crate::events::touchpoints(&app.store, ws.id).await;
    let site = taith_app::events::sites::create_site(
        app.store.as_ref(),
        ws.id,
        &taith_domain::SiteInput {
            name: "Becws web shop".into(),
            hostnames: vec!["localhost".into()],
            patterns: vec![taith_domain::UrlPatternInput {
                pattern: "/search*".into(),
                touchpoint_id: product.to_string(),
            }],
            search_param: "q".into(),
        },
    )
    .await
    .unwrap();
    let token = app.api_token("becws", TokenScope::Read).await;
    let (host, requests) = host_site(app.addr, &site.site_key).await;
    let Some(wd) = browser(Options::default()).await else {
        return;
    };
    as_a_person(&wd).await;
    // The owner is signed in to taith in the same browser, to look at the web dashboard.
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
    wd.wait_for("header .who", WAIT).await.unwrap();
    wd.goto(&format!(
        "http://localhost:{}/search?q=zzz+bara",
        host.port()
    ))
    .await
    .unwrap();
    let got = wait_for_events(
        &app,
        &token,
        "a page view, a search, a goal and an error",
        |e| {
            let has = |t: &str| e.iter().any(|x| x["type"] == t);
            has("page_view") && has("search") && has("conversion") && has("error")
        },
    )
    .await;
    let stored_at = Instant::now();
    screenshot("tracker-host-page.png", &wd.screenshot_png().await.unwrap());
    // The web dashboard shows them on its first load after they were stored (it catches its
    // index up with the store before answering): the search without results by its query,
    // the goal by its name. The time is printed, not asserted.
    wd.goto(&app.url("/w/becws/web?period=7d&lang=en"))
        .await
        .unwrap();
    let dashboard = wd
        .execute("return document.querySelector('main').innerText;", vec![])
        .await
        .unwrap();
    let dashboard = dashboard.as_str().unwrap_or_default().to_owned();
    eprintln!(
        "tracker: stored events shown on the web dashboard {} ms after the API listed them",
        stored_at.elapsed().as_millis()
    );
    screenshot(
        "tracker-web-dashboard.png",
        &wd.screenshot_png().await.unwrap(),
    );
    assert!(
        dashboard.contains("zzz bara") && dashboard.contains("order"),
        "{dashboard}"
    );
    // Back on the shop's page (a visit again: the events above are the first visit's).
    wd.goto(&format!(
        "http://localhost:{}/search?q=zzz+bara",
        host.port()
    ))
    .await
    .unwrap();
    let one = |t: &str| got.iter().find(|x| x["type"] == t).unwrap().clone();
    let view = one("page_view");
    assert_eq!(
        view["url"],
        format!("http://localhost:{}/search?q=zzz+bara", host.port())
    );
    assert_eq!(view["touchpoint_id"], product.to_string());
    assert_eq!(view["site_id"], site.id.to_string());
    assert_eq!(view["locale"], "en");
    let search = one("search");
    assert_eq!(
        (&search["query"], &search["result_count"]),
        (&json!("zzz bara"), &json!(0))
    );
    let goal = one("conversion");
    assert_eq!(
        (&goal["goal"], &goal["value"]),
        (&json!("order"), &json!(12.5))
    );
    assert_eq!(one("error")["kind"], "TypeError");
    // One visitor, one session, no cookie.
    assert!(got.iter().all(|e| e["visitor_id"] == view["visitor_id"]));
    assert!(got.iter().all(|e| e["session_id"] == view["session_id"]));
    let cookies = wd.execute("return document.cookie;", vec![]).await.unwrap();
    assert_eq!(cookies, "");
    let stored = wd
        .execute(
            "return localStorage.length + sessionStorage.length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(stored, 0);
    // A navigation by history.pushState is a page view too.
    wd.execute(
        "history.pushState({}, '', '/search?q=tea'); return 1;",
        vec![],
    )
    .await
    .unwrap();
    wait_for_events(&app, &token, "the pushState page view", |e| {
        e.iter().any(|x| {
            x["type"] == "page_view" && x["url"].as_str().is_some_and(|u| u.ends_with("q=tea"))
        })
    })
    .await;
    // Nothing was blocked by the page's policy.
    let reports: Vec<String> = requests
        .lock()
        .unwrap()
        .iter()
        .filter(|p| p.starts_with("/csp-report"))
        .cloned()
        .collect();
    assert!(reports.is_empty(), "{reports:?}");
    let before = events(&app, &token).await.len();

    // With Global Privacy Control set, the tracker sends nothing.
    let gpc = wd
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "Object.defineProperty(navigator, 'globalPrivacyControl', { value: true });" }),
        )
        .await
        .unwrap();
    wd.goto(&format!("http://localhost:{}/search?q=gpc", host.port()))
        .await
        .unwrap();
    // Wait until the tracker has run (it replaces the page's queue) and the error was thrown.
    let deadline = Instant::now() + WAIT;
    loop {
        let ran = wd
            .execute(
                "return typeof taith === 'function' && !taith.q && document.readyState === 'complete';",
                vec![],
            )
            .await
            .unwrap();
        if ran == true {
            break;
        }
        assert!(Instant::now() < deadline, "the tracker never ran");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    wd.execute("taith('goal', 'gpc-goal'); return 1;", vec![])
        .await
        .unwrap();
    let sent = wd
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/t/') && !n.endsWith('.js'));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(sent, json!([]), "the tracker sent beacons under GPC");
    // Then a page without GPC: once its page view is in, nothing of the GPC page is.
    wd.cdp(
        "Page.removeScriptToEvaluateOnNewDocument",
        json!({ "identifier": gpc["identifier"] }),
    )
    .await
    .unwrap();
    wd.goto(&format!("http://localhost:{}/search?q=after", host.port()))
        .await
        .unwrap();
    let after = wait_for_events(&app, &token, "the page view after GPC", |e| {
        e.iter().any(|x| {
            x["type"] == "page_view" && x["url"].as_str().is_some_and(|u| u.ends_with("q=after"))
        })
    })
    .await;
    assert!(after.len() > before);
    assert!(
        !after.iter().any(|x| {
            x["url"].as_str().is_some_and(|u| u.contains("q=gpc")) || x["goal"] == "gpc-goal"
        }),
        "an event of the GPC page was stored"
    );

    // The Sites pages, as the owner sees them, in English and Arabic.
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
    wd.wait_for("header .who", WAIT).await.unwrap();
    for (page, shot) in [
        ("/w/becws/sites".to_owned(), "sites-en.png"),
        ("/w/becws/sites?lang=ar".to_owned(), "sites-ar.png"),
        (format!("/w/becws/sites/{}?lang=en", site.id), "site-en.png"),
        (format!("/w/becws/sites/{}?lang=ar", site.id), "site-ar.png"),
    ] {
        wd.goto(&app.url(&page)).await.unwrap();
        wd.wait_for("main h1", WAIT).await.unwrap();
        screenshot(shot, &wd.screenshot_png().await.unwrap());
    }
    let snippet = wd
        .text(&wd.find("pre.snippet").await.unwrap())
        .await
        .unwrap();
    assert_eq!(
        snippet,
        format!(
            "<script src=\"{}/t/{}.js\" async></script>",
            app.url(""),
            site.site_key
        )
    );
}
