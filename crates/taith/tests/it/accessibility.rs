//! axe-core over every page of the owner's side reachable from the home page, as issue 16
//! asks: the demo workspace (and the owner's account page) is crawled as its owner by
//! following links, and each kind of page
//! (its address with ids taken out) is checked in English and Arabic at 1,280 px and 390 px.
//! 0 critical or serious violations. Screenshots of each page in Arabic and Welsh land in
//! `target/screenshots/pages/`.

use crate::axe::Audit;
use crate::helpers::TestApp;
use crate::respond_browser::{browser, screenshot};
use crate::webdriver::{Options, WebDriver};
use std::collections::{BTreeMap, VecDeque};
use std::time::Duration;

// Generous: CI runs every browser test at once on two cores.
const WAIT: Duration = Duration::from_secs(30);

/// An address with its ids and query taken out: one kind of page.
fn kind_of(path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path.split('/')
        .map(|part| {
            let id_like =
                part.len() >= 16 && part.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
            if id_like || part.chars().all(|c| c.is_ascii_digit()) && !part.is_empty() {
                "{id}"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether a link leads to a page to check (not a download, a sign-out or another site).
fn worth_visiting(href: &str) -> bool {
    (href.starts_with("/w/") || href.starts_with("/account"))
        && ![".csv", ".json", ".svg", "/export", "/logout", "#"]
            .iter()
            .any(|skip| href.split('?').next().unwrap_or_default().ends_with(skip))
}

async fn links(wd: &WebDriver) -> Vec<String> {
    let found = wd
        .execute(
            "return [...document.querySelectorAll('a[href]:not([download])')]
                .map(a => a.getAttribute('href'));",
            vec![],
        )
        .await
        .unwrap();
    found
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// `path` in `lang` (in place of any language it names).
fn in_language(path: &str, lang: &str) -> String {
    let path = path.split('#').next().unwrap_or_default();
    let (base, query) = path.split_once('?').unwrap_or((path, ""));
    let mut pairs: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang="))
        .collect();
    let lang = format!("lang={lang}");
    pairs.push(&lang);
    format!("{base}?{}", pairs.join("&"))
}

#[tokio::test]
async fn every_owner_page_reachable_from_home_passes_axe_in_english_and_arabic_at_two_widths() {
    let app = TestApp::on_sqlite().await;
    let creds = taith::server::ensure_demo(&app.store).await.unwrap();
    let Some(wd) = browser(Options::default()).await else {
        return;
    };
    wd.set_window_size(1280, 900).await.unwrap();
    wd.goto(&app.url("/login?lang=en")).await.unwrap();
    let email = wd.wait_for("#email", WAIT).await.unwrap();
    wd.send_keys(&email, &creds.email).await.unwrap();
    wd.send_keys(&wd.find("#password").await.unwrap(), &creds.password)
        .await
        .unwrap();
    wd.click(&wd.find("form button[type=submit]").await.unwrap())
        .await
        .unwrap();
    wd.wait_for("header", WAIT).await.unwrap();

    // Crawl from the home page: one address per kind of page.
    let mut pages: BTreeMap<String, String> = BTreeMap::new();
    let mut queue: VecDeque<String> = VecDeque::from(["/".to_owned()]);
    while let Some(path) = queue.pop_front() {
        wd.goto(&app.url(&path)).await.unwrap();
        for href in links(&wd).await {
            let kind = kind_of(&href);
            if worth_visiting(&href) && !pages.contains_key(&kind) {
                pages.insert(kind, href.clone());
                queue.push_back(href);
            }
        }
        assert!(pages.len() < 200, "the crawl ran away: {pages:?}");
    }
    assert!(pages.len() >= 10, "too few pages found: {pages:?}");

    let mut audit = Audit::default();
    for (width, height) in [(1280, 900), (390, 844)] {
        wd.set_window_size(width, height).await.unwrap();
        for lang in ["en", "ar"] {
            for (kind, path) in &pages {
                audit
                    .visit(
                        &wd,
                        &app.url(&in_language(path, lang)),
                        &format!("{kind} {lang} {width}px"),
                    )
                    .await;
            }
        }
    }
    // Each page in Arabic and Welsh, to look at.
    wd.set_window_size(1280, 900).await.unwrap();
    for lang in ["ar", "cy"] {
        for (kind, path) in &pages {
            wd.goto(&app.url(&in_language(path, lang))).await.unwrap();
            let name = kind.trim_start_matches('/').replace(['/', '{', '}'], "_");
            screenshot(
                &format!("pages/{lang}-{name}.png"),
                &wd.screenshot_png().await.unwrap(),
            );
        }
    }
    eprintln!(
        "axe: {} page checks over {} kinds of page: {:?}",
        audit.checked(),
        pages.len(),
        pages.keys().collect::<Vec<_>>()
    );
    audit.assert_clean();
}
