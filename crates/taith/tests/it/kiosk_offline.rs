//! The kiosk with no network (docs/kiosk.md, "No network"): over HTTP on both stores, an
//! answer sent again with its idempotency key (what the tablet does after a lost
//! acknowledgement, from a later page and token) is stored once, and the service worker is
//! served as one that may control `/k/`. In headless Chromium, in Welsh: the tablet answers
//! three customers with the network cut (DevTools' offline mode), keeps them on the device
//! and says so, still shows the kiosk when reloaded offline, and sends them when the network
//! returns: exactly three responses, none again after another reload. Then one in Arabic.
//! Screenshots of the notice: `/tmp/kiosk-offline-cy.png`, `/tmp/kiosk-offline-ar.png` (and
//! `target/screenshots/`).

use crate::helpers::{Page, TestApp, fresh_postgres, fresh_sqlite};
use crate::respond_browser::{browser, screenshot};
use crate::surveys_ui::{hidden, live_nps};
use crate::webdriver::{Options, WebDriver};
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use taith_domain::{Channel, Locale, NewResponse, Survey, Workspace};
use taith_store::{PageRequest, SharedStore};

// Generous: CI runs every browser test at once on two cores.
const WAIT: Duration = Duration::from_secs(60);

macro_rules! on_both_stores {
    ($($behaviour:ident),* $(,)?) => {
        pastey::paste! {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_sqlite>]() {
                    let (store, dir) = fresh_sqlite().await;
                    $behaviour(store).await;
                    let _ = std::fs::remove_dir_all(dir);
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_postgres>]() {
                    let Some((store, db)) = fresh_postgres().await else {
                        return;
                    };
                    $behaviour(store).await;
                    db.drop_database().await;
                }
            )*
        }
    };
}

on_both_stores!(a_kiosk_answer_sent_again_with_its_key_is_stored_once,);

async fn responses(app: &TestApp, ws: &Workspace, survey: &Survey) -> Vec<NewResponse> {
    app.store
        .responses(ws.id, Some(survey.id), PageRequest::all())
        .await
        .unwrap()
        .items
}

/// What the tablet sends for a kept answer: the page's token, the answer's key.
async fn send(
    b: &crate::helpers::Browser,
    page: &Page,
    start: &str,
    key: &str,
    score: &str,
) -> Page {
    b.post_raw(
        start,
        &[
            ("csrf", page.csrf().as_str()),
            ("k", key),
            ("lang", "cy"),
            ("score", score),
        ],
    )
    .await
}

// --- over HTTP ----------------------------------------------------------------------------------

async fn a_kiosk_answer_sent_again_with_its_key_is_stored_once(store: SharedStore) {
    let app = TestApp::spawn(store).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let start = format!("/k/{}", survey.public_id);
    let b = app.browser();

    // The start page carries the offline notice, hidden, in the page's language.
    let page = b.get(&format!("{start}?lang=cy")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("data-kiosk-offline hidden"),
        "{}",
        page.body
    );
    assert!(page.text().contains("Dim cysylltiad"));
    assert!(
        page.text()
            .contains("Atebion wedi'u cadw ar y ddyfais hon:")
    );

    // A key as the script makes them (36 hex digits). The first send was stored but its
    // acknowledgement lost; the tablet sends it again later, from another page (another
    // form, the same cookie): the same response, stored once.
    let key = "0123456789abcdef0123456789abcdef0123";
    let first = send(&b, &page, &start, key, "9").await;
    assert_eq!(first.status, 303, "{}", first.body);
    let later = b.get(&start).await;
    assert_ne!(hidden(&later, "k"), key);
    let again = send(&b, &later, &start, key, "9").await;
    assert_eq!(again.status, 303, "{}", again.body);
    assert_eq!(again.location, first.location, "the first response");
    let stored = responses(&app, &ws, &survey).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].score, 9);
    assert_eq!(stored[0].locale, Locale::Cy);
    assert_eq!(stored[0].channel, Channel::InStore);
    assert_eq!(stored[0].client_key.as_deref(), Some(key));

    // Another customer's answer (another key) is another response, even with the same score.
    let other = send(
        &b,
        &later,
        &start,
        "fedcba9876543210fedcba9876543210fedc",
        "9",
    )
    .await;
    assert_eq!(other.status, 303);
    assert_ne!(other.location, first.location);
    assert_eq!(responses(&app, &ws, &survey).await.len(), 2);

    // A send with a stale token is refused and stores nothing: the script then fetches a
    // fresh start page for the cookie's token and sends again.
    let forged = b
        .post_raw(
            &start,
            &[
                ("csrf", "not-the-cookie"),
                ("k", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
                ("lang", "cy"),
                ("score", "5"),
            ],
        )
        .await;
    assert_eq!(forged.status, 403);
    assert_eq!(responses(&app, &ws, &survey).await.len(), 2);

    // The service worker: a script, allowed to control the kiosk pages, always checked anew.
    let res = crate::helpers::http()
        .build()
        .unwrap()
        .get(app.url("/assets/kiosk-sw.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert!(header("content-type").starts_with("text/javascript"));
    assert_eq!(header("service-worker-allowed"), "/k/");
    assert_eq!(header("cache-control"), "no-cache");
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("addEventListener(\"fetch\"")
    );
}

// --- in Chromium --------------------------------------------------------------------------------

/// Cuts or restores the network of the page's browser (DevTools' offline mode).
async fn network(wd: &WebDriver, offline: bool) {
    wd.cdp("Network.enable", json!({})).await.unwrap();
    wd.cdp(
        "Network.emulateNetworkConditions",
        json!({
            "offline": offline,
            "latency": 0,
            "downloadThroughput": -1,
            "uploadThroughput": -1,
        }),
    )
    .await
    .unwrap();
}

/// A DevTools session on each of the browser's service workers (the kiosk's).
async fn workers(wd: &WebDriver) -> Vec<String> {
    let targets = wd.cdp("Target.getTargets", json!({})).await.unwrap();
    let ids: Vec<String> = targets["targetInfos"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t["type"] == "service_worker")
        .filter_map(|t| t["targetId"].as_str().map(str::to_owned))
        .collect();
    assert!(!ids.is_empty(), "no service worker in {targets}");
    let mut sessions = Vec::new();
    for target in ids {
        let attached = wd
            .cdp(
                "Target.attachToTarget",
                json!({ "targetId": target, "flatten": false }),
            )
            .await
            .unwrap();
        let session = attached["sessionId"].as_str().unwrap().to_owned();
        worker_command(wd, &session, 1, "Network.enable", json!({})).await;
        sessions.push(session);
    }
    sessions
}

async fn worker_command(wd: &WebDriver, session: &str, id: u32, method: &str, params: Value) {
    let message = json!({ "id": id, "method": method, "params": params });
    wd.cdp(
        "Target.sendMessageToTarget",
        json!({ "sessionId": session, "message": message.to_string() }),
    )
    .await
    .unwrap();
}

/// Cuts or restores the network of the kiosk's service worker too: DevTools' offline mode of
/// the page does not reach the worker's own fetches (so its copy of the start page would never
/// be needed), so the same command goes to the worker, on its `sessions` (the conditions
/// belong to the session that set them).
async fn worker_network(wd: &WebDriver, sessions: &[String], offline: bool) {
    for session in sessions {
        let conditions = json!({
            "offline": offline,
            "latency": 0,
            "downloadThroughput": -1,
            "uploadThroughput": -1,
        });
        worker_command(
            wd,
            session,
            2,
            "Network.emulateNetworkConditions",
            conditions,
        )
        .await;
    }
}

/// Runs `body` (which ends by calling `done(value)`) in the page, and returns the value.
async fn run(wd: &WebDriver, body: &str) -> Value {
    let script = format!("var done = arguments[arguments.length - 1]; {body}");
    wd.execute_async(&script, vec![]).await.unwrap()
}

/// The answers kept on the device (IndexedDB), as the script keeps them.
async fn kept(wd: &WebDriver) -> Vec<Value> {
    let list = run(
        wd,
        "var req = indexedDB.open('taith-kiosk', 1);
         req.onupgradeneeded = function () { req.result.createObjectStore('answers', { keyPath: 'key' }); };
         req.onsuccess = function () {
           var db = req.result;
           var get = db.transaction('answers').objectStore('answers').getAll();
           get.onsuccess = function () { db.close(); done(get.result); };
         };
         req.onerror = function () { done(null); };",
    )
    .await;
    list.as_array().cloned().unwrap_or_default()
}

/// Waits until `check` holds, or fails saying `what`.
async fn until<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + WAIT;
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// The number the notice shows, once it shows `n`.
async fn notice_shows(wd: &WebDriver, n: usize) {
    until(&format!("the notice to show {n} kept"), || async {
        let v = wd
            .execute(
                "var n = document.querySelector('[data-kiosk-offline]');
                 return n && !n.hidden ? n.querySelector('[data-offline-count]').textContent : null;",
                vec![],
            )
            .await
            .unwrap();
        v.as_str() == Some(n.to_string().as_str())
    })
    .await;
}

async fn notice_text(wd: &WebDriver) -> String {
    let v = wd
        .execute(
            "return document.querySelector('[data-kiosk-offline]').innerText;",
            vec![],
        )
        .await
        .unwrap();
    v.as_str().unwrap_or_default().to_owned()
}

async fn tap(wd: &WebDriver, score: &str) {
    let css = format!("button.point[value=\"{score}\"]");
    wd.click(&wd.wait_for(&css, WAIT).await.unwrap())
        .await
        .unwrap();
}

/// Waits until the service worker controls the page and keeps the start page `path`.
async fn worker_ready(wd: &WebDriver, path: &str) {
    let script = format!(
        "if (!navigator.serviceWorker) {{ done(false); return; }}
         navigator.serviceWorker.ready
           .then(function () {{ return caches.open('taith-kiosk-v1'); }})
           .then(function (c) {{ return c.match('{path}'); }})
           .then(function (hit) {{ done(!!hit && !!navigator.serviceWorker.controller); }},
                 function () {{ done(false); }});"
    );
    until(
        "the service worker and its copy of the start page",
        || async { run(wd, &script).await == Value::Bool(true) },
    )
    .await;
}

fn keep_screenshot(name: &str, png: &[u8]) {
    screenshot(name, png);
    std::fs::write(format!("/tmp/{name}"), png).unwrap();
}

#[tokio::test]
async fn a_kiosk_with_no_network_keeps_three_answers_on_the_device_and_sends_each_once_when_it_returns()
 {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let path = format!("/k/{}", survey.public_id);
    let start = app.url(&path);
    // The tablet's language is Welsh: its own start page is in Welsh.
    let Some(wd) = browser(Options {
        javascript: true,
        accept_language: Some("cy".to_owned()),
    })
    .await
    else {
        return;
    };
    wd.set_window_size(1024, 768).await.unwrap();
    wd.goto(&start).await.unwrap();
    worker_ready(&wd, &path).await;
    let lang = wd
        .execute("return document.documentElement.lang;", vec![])
        .await
        .unwrap();
    assert_eq!(lang, Value::from("cy"));

    // The network goes down; three customers answer, one tap each.
    network(&wd, true).await;
    let sessions = workers(&wd).await;
    worker_network(&wd, &sessions, true).await;
    let online = wd
        .execute("return navigator.onLine;", vec![])
        .await
        .unwrap();
    assert_eq!(online, Value::Bool(false));
    for (n, score) in [(1, "9"), (2, "7"), (3, "3")] {
        tap(&wd, score).await;
        notice_shows(&wd, n).await;
        // Still the start page, ready for the next customer.
        assert_eq!(wd.current_url().await.unwrap(), start);
    }
    let text = notice_text(&wd).await;
    for words in [
        "Dim cysylltiad",
        "Diolch: mae'ch ateb wedi'i gadw.",
        "Atebion wedi'u cadw ar y ddyfais hon: 3",
        "Byddan nhw'n cael eu hanfon pan ddaw'r rhwydwaith yn ôl.",
    ] {
        assert!(text.contains(words), "{words:?} in {text:?}");
    }
    keep_screenshot("kiosk-offline-cy.png", &wd.screenshot_png().await.unwrap());
    let mut audit = crate::axe::Audit::default();
    audit.check(&wd, "kiosk offline notice, cy").await;
    let keys: Vec<String> = kept(&wd)
        .await
        .iter()
        .map(|a| a["key"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(keys.len(), 3);
    assert!(keys[0] != keys[1] && keys[1] != keys[2] && keys[0] != keys[2]);
    assert!(
        responses(&app, &ws, &survey).await.is_empty(),
        "nothing sent yet"
    );

    // Reloaded with no network: the kiosk still shows (the service worker's copy: the form
    // key of the copy it kept, not a fresh page's), and so do the answers it keeps.
    let copy = run(
        &wd,
        &format!(
            "caches.open('taith-kiosk-v1')
               .then(function (c) {{ return c.match('{path}'); }})
               .then(function (r) {{ return r.text(); }})
               .then(function (html) {{
                 var page = new DOMParser().parseFromString(html, 'text/html');
                 done(page.querySelector('input[name=k]').value);
               }}, function (e) {{ done(String(e)); }});"
        ),
    )
    .await;
    wd.goto(&start).await.unwrap();
    wd.wait_for("button.point", WAIT).await.unwrap();
    let shown = wd
        .execute(
            "return document.querySelector('input[name=k]').value;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(shown, copy, "the start page from the service worker's copy");
    notice_shows(&wd, 3).await;
    assert!(notice_text(&wd).await.contains("Dim cysylltiad"));
    assert!(
        responses(&app, &ws, &survey).await.is_empty(),
        "nothing sent yet"
    );

    // The network returns: the three are sent, exactly once each, and the notice goes.
    network(&wd, false).await;
    worker_network(&wd, &sessions, false).await;
    until("three responses stored", || async {
        responses(&app, &ws, &survey).await.len() >= 3
    })
    .await;
    until("the notice to go", || async {
        wd.execute(
            "return document.querySelector('[data-kiosk-offline]').hidden;",
            vec![],
        )
        .await
        .unwrap()
            == Value::Bool(true)
    })
    .await;
    assert!(kept(&wd).await.is_empty());
    // Another reload, and a while for any resend: still three.
    wd.goto(&start).await.unwrap();
    wd.wait_for("button.point", WAIT).await.unwrap();
    tokio::time::sleep(Duration::from_secs(3)).await;
    let stored = responses(&app, &ws, &survey).await;
    let mut scores: Vec<i16> = stored.iter().map(|r| r.score).collect();
    scores.sort_unstable();
    assert_eq!(scores, [3, 7, 9]);
    assert!(
        stored
            .iter()
            .all(|r| r.channel == Channel::InStore && r.locale == Locale::Cy)
    );
    let mut stored_keys: Vec<String> = stored.iter().filter_map(|r| r.client_key.clone()).collect();
    let mut sent = keys.clone();
    stored_keys.sort();
    sent.sort();
    assert_eq!(stored_keys, sent, "each under the key it was kept with");

    // Online, a tap goes on as before: the follow-up question for a detractor.
    tap(&wd, "2").await;
    wd.wait_for("#comment", WAIT).await.unwrap();
    assert_eq!(responses(&app, &ws, &survey).await.len(), 4);

    // In Arabic, right to left.
    wd.goto(&format!("{start}?lang=ar")).await.unwrap();
    wd.wait_for("button.point", WAIT).await.unwrap();
    network(&wd, true).await;
    tap(&wd, "10").await;
    notice_shows(&wd, 1).await;
    let dir = wd
        .execute(
            "return getComputedStyle(document.querySelector('[data-kiosk-offline]')).direction;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(dir, Value::from("rtl"));
    let text = notice_text(&wd).await;
    assert!(text.contains("لا يوجد اتصال"), "{text}");
    assert!(
        text.contains("الإجابات المحفوظة على هذا الجهاز: 1"),
        "{text}"
    );
    keep_screenshot("kiosk-offline-ar.png", &wd.screenshot_png().await.unwrap());
    audit.check(&wd, "kiosk offline notice, ar").await;
    audit.assert_clean();
    network(&wd, false).await;
    until("the Arabic answer stored", || async {
        responses(&app, &ws, &survey).await.len() >= 5
    })
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let stored = responses(&app, &ws, &survey).await;
    assert_eq!(stored.len(), 5);
    assert_eq!(
        stored
            .iter()
            .filter(|r| r.score == 10 && r.locale == Locale::Ar)
            .count(),
        1
    );
}
