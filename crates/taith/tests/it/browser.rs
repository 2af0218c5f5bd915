//! The admin UI in a real browser (headless Chromium over WebDriver): sign-in, building a
//! journey, reordering, and the map in every locale, right to left in Arabic. Screenshots land
//! in `target/screenshots/` for a person to look at.

use crate::helpers::{PASSWORD, TestApp};
use crate::webdriver::{self, ElementId, WebDriver};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::time::{Duration, Instant};

// Generous: CI runs every browser test at once on two cores.
const WAIT: Duration = Duration::from_secs(30);

fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir.canonicalize().unwrap_or(dir)
}

fn write_png(name: &str, png: &[u8]) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}: not a PNG");
    let path = screenshot_dir().join(name);
    std::fs::write(&path, png).unwrap();
    eprintln!("screenshot: {}", path.display());
}

/// Saves a screenshot of the whole page: the window is stretched to the page's height first
/// (capped), then put back.
async fn save_page(wd: &WebDriver, name: &str) {
    let height = wd
        .execute(
            "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight;",
            vec![],
        )
        .await
        .unwrap()
        .as_u64()
        .unwrap_or(1000)
        .clamp(1000, 9000);
    wd.set_window_size(1400, u32::try_from(height).unwrap_or(1000))
        .await
        .unwrap();
    let png = wd.screenshot_png().await.unwrap();
    wd.set_window_size(1400, 1000).await.unwrap();
    write_png(name, &png);
}

/// Waits until `script` returns `true`.
async fn wait_until(wd: &WebDriver, what: &str, script: &str, args: Vec<Value>) {
    let deadline = Instant::now() + WAIT;
    loop {
        if wd.execute(script, args.clone()).await.unwrap() == Value::Bool(true) {
            return;
        }
        assert!(Instant::now() < deadline, "waited {WAIT:?} for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn find(wd: &WebDriver, css: &str) -> ElementId {
    wd.find(css).await.unwrap()
}

async fn click(wd: &WebDriver, css: &str) {
    wd.click(&find(wd, css).await).await.unwrap();
}

async fn type_into(wd: &WebDriver, css: &str, text: &str) {
    let el = find(wd, css).await;
    wd.clear(&el).await.unwrap();
    wd.send_keys(&el, text).await.unwrap();
}

/// Where things sit on the map page, measured in the browser.
const MAP_LAYOUT: &str = "
const [tp] = arguments;
const d = document.documentElement;
const th = [...document.querySelectorAll('table.journey-map th.stage-name')];
const col = name => th.find(t => t.textContent.trim() === name).getBoundingClientRect();
const cell = tp.closest('td').getBoundingClientRect(), aftercare = col('Aftercare');
return {
  lang: d.lang, dir: d.dir,
  direction: getComputedStyle(document.querySelector('table.journey-map')).direction,
  names: th.map(t => t.textContent.trim()),
  first_left: th[0].getBoundingClientRect().left,
  last_left: th[th.length - 1].getBoundingClientRect().left,
  touchpoint_under_aftercare: Math.abs(cell.left - aftercare.left) < 1 && Math.abs(cell.right - aftercare.right) < 1,
  curve_line: !!document.querySelector('figure.curve polyline'),
  points: [...document.querySelectorAll('figure.curve .dot')].map(c => {
    const r = c.getBoundingClientRect(), x = (r.left + r.right) / 2;
    const name = c.querySelector('title').textContent.split(': ')[0];
    const s = col(name);
    return [name, s.left <= x && x <= s.right];
  }),
  page_overflow_x: d.scrollWidth - d.clientWidth,
};";

#[tokio::test]
async fn a_person_signs_in_builds_a_journey_and_reads_the_arabic_map_in_chromium() {
    if !webdriver::installed() {
        assert!(
            std::env::var("TAITH_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "TAITH_REQUIRE_BROWSER=1 but {} or {} is missing (apt-get install chromium chromium-driver)",
            webdriver::CHROMIUM,
            webdriver::CHROMEDRIVER
        );
        crate::helpers::say_skipped(
            "chromium/chromedriver not installed — browser test did not run",
        );
        return;
    }
    let started = Instant::now();
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("alpha", "owner@alpha.example").await;
    let wd = WebDriver::start().await.unwrap();

    // Sign in through the form.
    wd.goto(&app.url("/login")).await.unwrap();
    type_into(&wd, "#email", "owner@alpha.example").await;
    type_into(&wd, "#password", PASSWORD).await;
    click(&wd, "form[action=\"/login\"] button[type=submit]").await;
    let who = wd.wait_for("header .who", WAIT).await.unwrap();
    assert_eq!(wd.text(&who).await.unwrap(), "Owner of alpha");

    // A journey from the five-stage model.
    wd.goto(&app.url("/w/alpha/journeys/new?lang=en"))
        .await
        .unwrap();
    type_into(&wd, "#name", "Buying bread").await;
    type_into(
        &wd,
        "#description",
        "From first hearing of the bakery to telling friends.",
    )
    .await;
    click(&wd, "input[name=model][value=five_stage]").await;
    click(&wd, "form[action$=\"/journeys\"] button[type=submit]").await;
    wait_until(
        &wd,
        "the editor of the new journey",
        "return location.pathname.endsWith('/edit');",
        vec![],
    )
    .await;
    let url = wd.current_url().await.unwrap();
    let edit = format!("/{}", url.splitn(4, '/').nth(3).unwrap());
    let base = edit.trim_end_matches("/edit").to_owned();
    let jid: taith_domain::JourneyId = base.rsplit('/').next().unwrap().parse().unwrap();
    let cards = wd.find_all("li.stage-card").await.unwrap();
    assert_eq!(cards.len(), 5);
    let awareness = wd
        .attribute(&cards[0], "data-stage")
        .await
        .unwrap()
        .unwrap();

    // Say how the first stage feels, with its own form.
    let card = format!("li.stage-card[data-stage=\"{awareness}\"] details.stage-notes");
    click(&wd, &format!("{card} > summary")).await;
    click(
        &wd,
        &format!("{card} > form select[name=emotion] option[value=\"2\"]"),
    )
    .await;
    type_into(
        &wd,
        &format!("{card} > form textarea[name=actions]"),
        "Smells the bread\nReads the board",
    )
    .await;
    click(&wd, &format!("{card} > form button[type=submit]")).await;
    // Saved in place: the page stays, and says so.
    wait_until(
        &wd,
        "the first stage to be saved",
        "const s = document.getElementById(arguments[0] + '-emotion'); \
         return !!s && s.value === '2' && \
         document.getElementById('editor-status').textContent === 'Stage saved.';",
        vec![json!(awareness)],
    )
    .await;

    // Add a stage at the end.
    let form = "form.add-stage";
    type_into(&wd, &format!("{form} #new-stage-name"), "Aftercare").await;
    click(
        &wd,
        &format!("{form} #new-stage-emotion option[value=\"-1\"]"),
    )
    .await;
    type_into(
        &wd,
        &format!("{form} #new-stage-pain_points"),
        "Slow replies\nNo follow-up",
    )
    .await;
    click(&wd, &format!("{form} button[type=submit]")).await;
    wait_until(
        &wd,
        "six stage cards",
        "return document.querySelectorAll('li.stage-card').length === 6;",
        vec![],
    )
    .await;
    let cards = wd.find_all("li.stage-card").await.unwrap();
    let aftercare = wd
        .attribute(&cards[5], "data-stage")
        .await
        .unwrap()
        .unwrap();
    let card = format!("li.stage-card[data-stage=\"{aftercare}\"]");
    assert_eq!(
        wd.text(&find(&wd, &format!("{card} h3")).await)
            .await
            .unwrap(),
        "Aftercare"
    );

    // Add a touchpoint to it: open the disclosure, fill the form, tick moment of truth.
    click(&wd, &format!("{card} details.add > summary")).await;
    let form = format!("{card} form.add-touchpoint");
    type_into(
        &wd,
        &format!("{form} #new-{aftercare}-name"),
        "Follow-up call",
    )
    .await;
    click(
        &wd,
        &format!("{form} #new-{aftercare}-channel option[value=phone]"),
    )
    .await;
    type_into(&wd, &format!("{form} #new-{aftercare}-team"), "Support").await;
    click(&wd, &format!("{form} input[name=moment_of_truth]")).await;
    click(&wd, &format!("{form} button[type=submit]")).await;
    wd.wait_for(&format!("{card} li.touchpoint-edit"), WAIT)
        .await
        .unwrap();

    // Move the new stage one place earlier.
    click(&wd, &format!("{card} button.move-earlier")).await;
    wait_until(
        &wd,
        "Aftercare to be the fifth stage card",
        "const c = document.querySelectorAll('li.stage-card'); \
         return c.length === 6 && c[4].dataset.stage === arguments[0];",
        vec![json!(aftercare)],
    )
    .await;

    // The store agrees with what the browser did.
    let journey = app.store.journey(ws.id, jid).await.unwrap();
    let names: Vec<&str> = journey
        .stages
        .iter()
        .map(|s| s.fields.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Awareness",
            "Consideration",
            "Purchase",
            "Retention",
            "Aftercare",
            "Advocacy"
        ]
    );
    assert_eq!(journey.stages[4].id.to_string(), aftercare);
    assert_eq!(
        journey.stages[0].fields.emotion.map(i8::from),
        Some(2),
        "{:?}",
        journey.stages[0].fields
    );
    assert_eq!(journey.touchpoints.len(), 1);
    let tp = &journey.touchpoints[0];
    assert_eq!(tp.stage_id.to_string(), aftercare);
    assert_eq!(tp.fields.name.as_str(), "Follow-up call");
    assert_eq!(tp.fields.channel, taith_domain::Channel::Phone);
    assert_eq!(
        tp.fields.owner,
        Some(taith_domain::Owner::Team {
            name: taith_domain::Name::parse("Support").unwrap()
        })
    );
    assert!(tp.fields.moment_of_truth);
    assert_eq!(
        journey.version, 5,
        "created, stage saved, stage added, touchpoint added, reordered"
    );
    save_page(&wd, "editor-en.png").await;
    wd.execute(
        "document.getElementById('stage-' + arguments[0]).scrollIntoView();",
        vec![json!(aftercare)],
    )
    .await
    .unwrap();
    write_png("editor-stage-en.png", &wd.screenshot_png().await.unwrap());

    // The map in every locale: columns left to right, except Arabic, where the first stage is
    // on the right; the touchpoint and the emotion curve follow their columns.
    for locale in taith_domain::Locale::ALL {
        let tag = locale.tag();
        let dir = locale.direction().as_str();
        wd.goto(&app.url(&format!("{base}?lang={tag}")))
            .await
            .unwrap();
        let mot = wd
            .wait_for("table.journey-map .touchpoint.mot", WAIT)
            .await
            .unwrap();
        assert!(
            wd.text(&mot).await.unwrap().contains("Follow-up call"),
            "{tag}"
        );
        let layout = wd.execute(MAP_LAYOUT, vec![mot.arg()]).await.unwrap();
        assert_eq!(
            (&layout["lang"], &layout["dir"], &layout["direction"]),
            (&json!(tag), &json!(dir), &json!(dir)),
            "{layout}"
        );
        assert_eq!(
            layout["names"].as_array().map(Vec::len),
            Some(6),
            "{layout}"
        );
        let (first, last) = (
            layout["first_left"].as_f64().unwrap(),
            layout["last_left"].as_f64().unwrap(),
        );
        if dir == "rtl" {
            assert!(first > last, "the first stage is on the right: {layout}");
        } else {
            assert!(first < last, "the first stage is on the left: {layout}");
        }
        assert_eq!(layout["touchpoint_under_aftercare"], true, "{layout}");
        assert_eq!(layout["curve_line"], true, "{layout}");
        assert_eq!(
            layout["points"],
            json!([["Awareness", true], ["Aftercare", true]]),
            "each point of the emotion curve sits in its stage's column: {layout}"
        );
        let overflow = layout["page_overflow_x"].as_f64().unwrap_or_default();
        assert!(
            overflow <= 0.0,
            "({tag}) the map page scrolls sideways by {overflow}px at 1400px wide: {layout}"
        );
        save_page(&wd, &format!("map-{tag}.png")).await;
    }
    drop(wd);
    eprintln!("browser test took {:.1?}", started.elapsed());
}

/// Refreshes the README's screenshot: the demo bakery's map in Arabic.
/// `cargo test -p taith --test it readme_screenshot -- --ignored`
#[tokio::test]
#[ignore = "writes docs/map-ar.png; run by hand when the map's look changes"]
async fn readme_screenshot_of_the_demo_map_in_arabic() {
    let app = TestApp::on_sqlite().await;
    let creds = taith::server::ensure_demo(&app.store).await.unwrap();
    let ws = app
        .store
        .workspace_by_slug(&taith_domain::Slug::parse("demo").unwrap())
        .await
        .unwrap();
    let journey = app
        .store
        .journeys(ws.id, taith_store::PageRequest::all())
        .await
        .unwrap()
        .items
        .remove(0);
    let wd = WebDriver::start().await.unwrap();
    wd.goto(&app.url("/login")).await.unwrap();
    type_into(&wd, "#email", &creds.email).await;
    type_into(&wd, "#password", &creds.password).await;
    click(&wd, "form[action=\"/login\"] button[type=submit]").await;
    wd.wait_for("header .who", WAIT).await.unwrap();
    wd.set_window_size(1600, 1000).await.unwrap();
    wd.goto(&app.url(&format!("/w/demo/journeys/{}?lang=ar", journey.id)))
        .await
        .unwrap();
    wd.wait_for("table.journey-map", WAIT).await.unwrap();
    let png = wd.screenshot_png().await.unwrap();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/map-ar.png");
    std::fs::write(&path, png).unwrap();
    eprintln!("wrote {}", path.display());
}

#[tokio::test]
async fn the_demo_dashboard_reads_in_english_and_arabic_in_chromium() {
    if !webdriver::installed() {
        assert!(
            std::env::var("TAITH_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "TAITH_REQUIRE_BROWSER=1 but chromium or chromedriver is missing"
        );
        crate::helpers::say_skipped(
            "chromium/chromedriver not installed — dashboard browser test did not run",
        );
        return;
    }
    let app = TestApp::on_sqlite().await;
    let creds = taith::server::ensure_demo(&app.store).await.unwrap();
    let wd = WebDriver::start().await.unwrap();
    wd.goto(&app.url("/login")).await.unwrap();
    type_into(&wd, "#email", &creds.email).await;
    type_into(&wd, "#password", &creds.password).await;
    click(&wd, "form[action=\"/login\"] button[type=submit]").await;
    wd.wait_for("header .who", WAIT).await.unwrap();
    for lang in ["en", "ar"] {
        wd.goto(&app.url(&format!("/w/demo/dashboard?lang={lang}")))
            .await
            .unwrap();
        wd.wait_for(".metric-card svg", WAIT).await.unwrap();
        let layout = wd
            .execute(
                "const d = document.documentElement;
                 const cards = [...document.querySelectorAll('.metric-card')];
                 const svg = document.querySelector('.metric-card svg');
                 return { dir: d.dir, lang: d.lang, cards: cards.length,
                          chart_direction: getComputedStyle(svg.closest('figure')).direction,
                          dots: document.querySelectorAll('.metric-card circle.dot').length,
                          first_card_right: cards[0].getBoundingClientRect().right,
                          last_card_right: cards[cards.length - 1].getBoundingClientRect().right,
                          overflow_x: d.scrollWidth - d.clientWidth };",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(layout["lang"], lang);
        assert_eq!(layout["dir"], if lang == "ar" { "rtl" } else { "ltr" });
        assert_eq!(layout["cards"], 3, "NPS, CSAT and CES: {layout}");
        assert_eq!(layout["chart_direction"], "ltr");
        assert!(layout["dots"].as_u64().unwrap() > 10, "{layout}");
        assert!(layout["overflow_x"].as_f64().unwrap() <= 0.0, "{layout}");
        if lang == "ar" {
            // Cards flow from the right in Arabic.
            assert!(
                layout["first_card_right"].as_f64() >= layout["last_card_right"].as_f64(),
                "{layout}"
            );
        }
        save_page(&wd, &format!("dashboard-{lang}.png")).await;
    }
    // The live journey map: figures on the touchpoints the demo's surveys ask about, and the
    // curve from the answers.
    let ws = app
        .store
        .workspace_by_slug(&taith_domain::Slug::parse("demo").unwrap())
        .await
        .unwrap();
    let journeys = app
        .store
        .journeys(ws.id, taith_store::PageRequest::all())
        .await
        .unwrap()
        .items;
    for lang in ["en", "ar"] {
        let mut live_seen = 0;
        for (i, j) in journeys.iter().enumerate() {
            wd.goto(&app.url(&format!("/w/demo/journeys/{}?lang={lang}", j.id)))
                .await
                .unwrap();
            wd.wait_for("table.journey-map", WAIT).await.unwrap();
            let found = wd
                .execute(
                    "return { live: document.querySelectorAll('.touchpoint .live').length,
                              curve: !!document.querySelector('figure.curve .data-curve'),
                              overflow_x: document.documentElement.scrollWidth - document.documentElement.clientWidth };",
                    vec![],
                )
                .await
                .unwrap();
            live_seen += found["live"].as_u64().unwrap();
            if found["live"].as_u64().unwrap() > 0 {
                assert_eq!(found["curve"], true, "{found}");
            }
            save_page(&wd, &format!("live-map-{i}-{lang}.png")).await;
        }
        assert!(
            live_seen > 0,
            "no touchpoint of the demo shows its answers ({lang})"
        );
        // A touchpoint's own dashboard, from its figure on the map.
        wd.goto(&app.url(&format!("/w/demo/journeys/{}?lang={lang}", journeys[0].id)))
            .await
            .unwrap();
        click(&wd, ".touchpoint .live a").await;
        wd.wait_for("table.distribution", WAIT).await.unwrap();
        save_page(&wd, &format!("touchpoint-dashboard-{lang}.png")).await;
        // Segments side by side.
        wd.goto(&app.url(&format!(
            "/w/demo/dashboard/segments?metric=nps&by=channel&lang={lang}"
        )))
        .await
        .unwrap();
        wd.wait_for("table.segments", WAIT).await.unwrap();
        save_page(&wd, &format!("segments-{lang}.png")).await;
    }
}
