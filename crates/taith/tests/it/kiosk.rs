//! The kiosk (`/k/{public_id}`), a tablet on a shop counter: one tap per score, the follow-up
//! questions a score has, the thank-you, and back to the start for the next customer by a
//! countdown the visitor can extend (no meta refresh); a draft takes no answers on any
//! surface; and, in headless Chromium, the kiosk filling a tablet in portrait and landscape,
//! the 0–10 scale on one row of a 390 px phone on every surface, and axe-core finding nothing
//! critical or serious on the kiosk in English and Arabic. Screenshots land in
//! `target/screenshots/`.

use crate::helpers::{Browser, Page, TestApp};
use crate::respond_browser::{browser, screenshot};
use crate::surveys_ui::{hidden, live_nps};
use crate::webdriver::{Options, WebDriver};
use serde_json::Value;
use std::time::{Duration, Instant};
use taith_domain::{Channel, Locale, NewResponse, Survey, SurveyStatus, Workspace};
use taith_store::PageRequest;

// Generous: CI runs every browser test at once on two cores.
const WAIT: Duration = Duration::from_secs(30);

// --- set-up and reading pages -------------------------------------------------------------------

/// A live NPS survey (a follow-up question for 0–6), changed by `edit`.
async fn nps_with(
    app: &TestApp,
    ws: &Workspace,
    edit: impl FnOnce(&mut taith_domain::SurveyFields),
) -> Survey {
    let survey = live_nps(app, ws).await;
    let mut fields = survey.fields.clone();
    edit(&mut fields);
    app.store
        .update_survey(ws.id, survey.id, &fields)
        .await
        .unwrap();
    app.store.survey(ws.id, survey.id).await.unwrap()
}

async fn responses(app: &TestApp, ws: &Workspace, survey: &Survey) -> Vec<NewResponse> {
    app.store
        .responses(ws.id, Some(survey.id), PageRequest::all())
        .await
        .unwrap()
        .items
}

/// Taps `score` on the kiosk's start page `page` (what the button sends).
async fn tap(b: &Browser, page: &Page, start: &str, score: &str) -> Page {
    let lang = hidden(page, "lang");
    b.post_raw(
        start,
        &[
            ("csrf", page.csrf().as_str()),
            ("k", hidden(page, "k").as_str()),
            ("lang", lang.as_str()),
            ("score", score),
        ],
    )
    .await
}

/// The page without its `<noscript>` parts: what a browser running scripts has.
fn with_scripts(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some(start) = rest.find("<noscript>") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .split_once("</noscript>")
            .map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out
}

/// axe-core flags a meta refresh (WCAG 2.2.1): a page with scripts has none.
fn assert_no_meta_refresh(page: &Page) {
    let seen = with_scripts(&page.body).to_ascii_lowercase();
    assert!(
        !seen.contains("http-equiv"),
        "a meta refresh: {}",
        page.body
    );
}

/// The value of `data-{name}` on the kiosk's reset panel.
fn reset_data(page: &Page, name: &str) -> String {
    let marker = format!("data-{name}=\"");
    let panel = page
        .body
        .split("data-kiosk-reset")
        .nth(1)
        .unwrap_or_else(|| panic!("no reset panel in {}", page.body));
    let start = panel.find(&marker).unwrap() + marker.len();
    panel[start..].split('"').next().unwrap().to_owned()
}

/// The countdown's words for 1 to 20 seconds, as the page gives them to the script.
fn countdown_words(page: &Page) -> Vec<String> {
    let json = reset_data(page, "countdown")
        .replace("&#34;", "\"")
        .replace("&quot;", "\"");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

// --- over HTTP ----------------------------------------------------------------------------------

#[tokio::test]
async fn a_kiosk_asks_a_detractor_the_follow_ups_thanks_and_starts_again_for_the_next_customer() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let start = format!("/k/{}", survey.public_id);
    let b = app.browser();

    // One tap per score: a submit button per point and no "Send"; the start page in the
    // kiosk's own language never resets itself.
    let page = b.get(&start).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("class=\"respondent kiosk\""));
    assert_eq!(
        page.body
            .matches("<button type=\"submit\" name=\"score\" value=\"")
            .count(),
        11
    );
    assert!(!page.body.contains("respond-submit"), "{}", page.body);
    assert!(!page.body.contains("data-kiosk-reset"));
    assert!(page.body.contains("src=\"/assets/kiosk.js\""));
    assert_no_meta_refresh(&page);

    // A detractor, in Welsh: the tap stores the score and moves on to the question for 0–6.
    let welsh = b.get(&format!("{start}?lang=cy")).await;
    assert_eq!(reset_data(&welsh, "url"), start, "a chosen language resets");
    let tapped = tap(&b, &welsh, &start, "3").await;
    assert_eq!(tapped.status, 303, "{}", tapped.body);
    let follow_up = tapped.location.clone().unwrap();
    assert!(
        follow_up.starts_with(&format!("{start}/r/")) && !follow_up.ends_with("/thanks"),
        "{follow_up}"
    );
    let asked = b.get(&follow_up).await;
    assert_eq!(asked.status, 200, "{}", asked.body);
    assert!(asked.body.contains("lang=\"cy\"") && asked.body.contains("respondent kiosk"));
    assert!(
        asked.text().contains("Beth ddylen ni ei wella?"),
        "{}",
        asked.body
    );
    assert!(asked.body.contains(&format!("action=\"{follow_up}\"")));
    assert!(asked.body.contains(&format!("href=\"{follow_up}/thanks\"")));
    // Left half-way, it counts down after a minute without a touch; without scripts, a
    // refresh inside <noscript> does it after three.
    assert_eq!(reset_data(&asked, "url"), start);
    assert_eq!(
        (reset_data(&asked, "idle"), reset_data(&asked, "warn")),
        ("60".to_owned(), "20".to_owned())
    );
    assert!(
        asked.body.contains(&format!(
            "<noscript><meta http-equiv=\"refresh\" content=\"180;url={start}\"></noscript>"
        )),
        "{}",
        asked.body
    );
    assert_no_meta_refresh(&asked);
    let words = countdown_words(&asked);
    assert_eq!(words.len(), 20);
    assert!(words[19].contains("Dechrau eto ymhen") && words[19].contains("20"));

    let question = format!("f-{}", survey.fields.follow_ups[0].id);
    let sent = b
        .post_raw(
            &follow_up,
            &[
                ("csrf", asked.csrf().as_str()),
                ("lang", "cy"),
                (question.as_str(), "Mwy o fara brith"),
                ("comment", "Siop hyfryd"),
            ],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let thanks = sent.location.clone().unwrap();
    assert_eq!(thanks, format!("{follow_up}/thanks"));

    // The thank-you counts down at once, and offers the next customer the start now.
    let thanked = b.get(&thanks).await;
    assert_eq!(thanked.status, 200);
    assert!(thanked.body.contains("respond-done") && thanked.body.contains("lang=\"cy\""));
    assert_eq!(reset_data(&thanked, "idle"), "0");
    assert!(
        thanked.body.contains(&format!(
            "<a href=\"{start}\" class=\"kiosk-next\">Y cwsmer nesaf</a>"
        )),
        "{}",
        thanked.body
    );
    assert!(thanked.text().contains("Mae angen mwy o amser arna i"));
    assert_no_meta_refresh(&thanked);
    // The answer was given once: the follow-up page now leads to the thank-you.
    assert_eq!(
        b.get(&follow_up).await.location.as_deref(),
        Some(thanks.as_str())
    );

    let stored = responses(&app, &ws, &survey).await;
    let [r] = stored.as_slice() else {
        panic!("one response: {stored:?}")
    };
    assert_eq!(
        (r.score, r.channel, r.locale),
        (3, Channel::InStore, Locale::Cy)
    );
    assert!(
        serde_json::to_string(&r.answers)
            .unwrap()
            .contains("Mwy o fara brith")
    );
    assert_eq!(r.comment.as_str(), "Siop hyfryd");

    // The next customer, a promoter: 9 has no question, so the one tap is the whole answer.
    let next = b.get(&start).await;
    assert_ne!(hidden(&next, "k"), hidden(&welsh, "k"), "a fresh form");
    let tapped = tap(&b, &next, &start, "9").await;
    assert_eq!(tapped.status, 303);
    let to = tapped.location.unwrap();
    assert!(
        to.starts_with(&format!("{start}/r/")) && to.ends_with("/thanks"),
        "{to}"
    );
    assert_eq!(b.get(&to).await.status, 200);
    let scores: Vec<i16> = responses(&app, &ws, &survey)
        .await
        .iter()
        .map(|r| r.score)
        .collect();
    assert_eq!(scores.len(), 2);
    assert!(scores.contains(&9));
}

#[tokio::test]
async fn a_kiosk_survey_without_follow_ups_records_one_answer_per_tap() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = nps_with(&app, &ws, |f| f.follow_ups.clear()).await;
    let start = format!("/k/{}", survey.public_id);
    let b = app.browser();
    let mut thanked = Vec::new();
    for score in ["10", "0", "7"] {
        let page = b.get(&format!("{start}?lang=ar")).await;
        let tapped = tap(&b, &page, &start, score).await;
        assert_eq!(tapped.status, 303, "{}", tapped.body);
        let to = tapped.location.clone().unwrap();
        assert!(to.ends_with("/thanks"), "{to}");
        thanked.push(to);
        // The same tap sent twice (a double tap) is still one answer.
        let again = tap(&b, &page, &start, score).await;
        assert_eq!(again.location, tapped.location);
    }
    let stored = responses(&app, &ws, &survey).await;
    let mut scores: Vec<i16> = stored.iter().map(|r| r.score).collect();
    scores.sort_unstable();
    assert_eq!(scores, [0, 7, 10]);
    assert!(
        stored
            .iter()
            .all(|r| r.channel == Channel::InStore && r.locale == Locale::Ar)
    );

    // The thank-you in Arabic: its countdown in Arabic plural forms, with the digits every
    // Arabic page writes (Latin, as Tr::number does).
    let page = b.get(&thanked[0]).await;
    assert!(page.body.contains("dir=\"rtl\""));
    let words = countdown_words(&page);
    assert_eq!(words[0], "البدء من جديد بعد ثانية واحدة");
    assert_eq!(words[1], "البدء من جديد بعد ثانيتين");
    assert!(
        words[2].contains('3') && words[2].contains("ثوانٍ"),
        "{}",
        words[2]
    );
    assert!(
        words[19].contains("20") && !words[19].contains("٢٠"),
        "{}",
        words[19]
    );
    assert!(page.text().contains("العميل التالي"));
    assert_no_meta_refresh(&page);

    // The hosted page is not a kiosk: no one-tap buttons, no reset of any kind.
    let hosted = b.get(&format!("/s/{}", survey.public_id)).await;
    assert!(hosted.body.contains("type=\"radio\" name=\"score\""));
    assert!(!hosted.body.contains("data-kiosk-reset") && !hosted.body.contains("http-equiv"));
}

#[tokio::test]
async fn a_draft_or_closed_survey_takes_no_answers_on_the_hosted_page_the_kiosk_or_the_widget() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    for (status, code, words) in [
        (SurveyStatus::Draft, 404, "هذا الاستبيان غير مفتوح بعد"),
        (SurveyStatus::Closed, 410, "هذا الاستبيان مغلق"),
    ] {
        let survey = nps_with(&app, &ws, |f| f.status = status).await;
        for surface in ["s", "k", "e"] {
            let b = app.browser();
            let address = format!("/{surface}/{}", survey.public_id);
            // Not open, in the respondent's language, with no form to answer.
            let page = b.get(&format!("{address}?lang=ar")).await;
            assert_eq!(page.status, code, "{address}: {}", page.body);
            assert!(page.body.contains("lang=\"ar\" dir=\"rtl\""), "{address}");
            assert!(page.text().contains(words), "{address}: {}", page.body);
            assert!(!page.body.contains("name=\"score\""), "{address}");
            // A kiosk showing it does not start again by itself (it would show it again).
            assert!(!page.body.contains("data-kiosk-reset"), "{address}");
            assert_no_meta_refresh(&page);
            // A score sent anyway is refused the same way and stores nothing.
            *b.accept_language.lock().unwrap() = Some("ar".to_owned());
            let sent = b
                .post_raw(
                    &address,
                    &[
                        ("k", "a-key-of-sixteen-chars"),
                        ("score", "9"),
                        ("lang", "ar"),
                    ],
                )
                .await;
            assert_eq!(sent.status, code, "{address}: {}", sent.body);
            assert!(sent.text().contains(words));
        }
        assert!(responses(&app, &ws, &survey).await.is_empty());
    }
}

// --- in Chromium --------------------------------------------------------------------------------

async fn wait_for_url(wd: &WebDriver, wanted: impl Fn(&str) -> bool, timeout: Duration) -> String {
    let deadline = Instant::now() + timeout;
    loop {
        let url = wd.current_url().await.unwrap();
        if wanted(&url) {
            return url;
        }
        assert!(
            Instant::now() < deadline,
            "waited {timeout:?}, still at {url}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The page's `[innerWidth, innerHeight, scrollWidth]`.
async fn viewport(wd: &WebDriver) -> (f64, f64, f64) {
    let v = wd
        .execute(
            "return [innerWidth, innerHeight, document.documentElement.scrollWidth];",
            vec![],
        )
        .await
        .unwrap();
    let n = |i: usize| v[i].as_f64().unwrap();
    (n(0), n(1), n(2))
}

/// Makes the page's viewport `width`×`height` CSS px (the window is taller than its page).
async fn resize(wd: &WebDriver, width: u32, height: u32) {
    wd.set_window_size(width, height).await.unwrap();
    let (_, h, _) = viewport(wd).await;
    let bars = height.saturating_sub(h as u32);
    wd.set_window_size(width, height + bars).await.unwrap();
    let (w, h, _) = viewport(wd).await;
    assert_eq!(
        (w, h),
        (f64::from(width), f64::from(height)),
        "the viewport"
    );
}

/// The rectangles (`x, y, width, height`) of the elements `css` selects.
async fn rects(wd: &WebDriver, css: &str) -> Vec<[f64; 4]> {
    let v = wd
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map(e => { \
               const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; });",
            vec![Value::from(css)],
        )
        .await
        .unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| std::array::from_fn(|i| r[i].as_f64().unwrap()))
        .collect()
}

/// Checks that the score's points (`css`) sit on one row of touch targets of at least 24×24
/// CSS px (WCAG 2.5.8), 0 at the start of the line (the right in Arabic) with the end labels
/// beside their ends, and that the page does not scroll sideways. Returns the row's width.
async fn assert_one_row(wd: &WebDriver, css: &str, rtl: bool, what: &str) -> f64 {
    let points = rects(wd, css).await;
    assert_eq!(points.len(), 11, "{what}: {points:?}");
    // Each point's face and, inside it, its number as drawn.
    let faces = wd
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map(e => { \
               const face = e.querySelector('.face'); const words = document.createRange(); \
               words.selectNodeContents(face.querySelector('.value') || face); \
               const f = face.getBoundingClientRect(), n = words.getBoundingClientRect(); \
               return [f.x, f.width, n.x, n.width]; });",
            vec![Value::from(css)],
        )
        .await
        .unwrap();
    let top = points[0][1];
    for (p, f) in points.iter().zip(faces.as_array().unwrap()) {
        assert!((p[1] - top).abs() < 0.5, "{what}: not one row: {points:?}");
        assert!(
            p[2] >= 24.0 && p[3] >= 24.0,
            "{what}: a point under 24 px: {p:?}"
        );
        // The number fits inside the point's border (2 px).
        let n = |i: usize| f[i].as_f64().unwrap();
        assert!(
            n(2) >= n(0) + 2.0 && n(2) + n(3) <= n(0) + n(1) - 2.0,
            "{what}: a number overflows its point: {f}"
        );
    }
    let (zero, ten) = (points[0], points[10]);
    assert_eq!(zero[0] > ten[0], rtl, "{what}: 0 at the start of the line");
    let (width, _, scroll) = viewport(wd).await;
    assert!(
        scroll <= width + 0.5,
        "{what}: scrolls sideways ({scroll} > {width})"
    );
    let ends = rects(wd, ".ends span").await;
    if let [low, high] = ends.as_slice() {
        let centre = |r: &[f64; 4]| r[0] + r[2] / 2.0;
        // Each end's words sit on its own side of the row.
        assert_eq!(
            centre(low) > centre(high),
            rtl,
            "{what}: end labels {ends:?}"
        );
        let (low_edge, high_edge) = if rtl {
            (low[0] + low[2] - (zero[0] + zero[2]), ten[0] - high[0])
        } else {
            (low[0] - zero[0], (ten[0] + ten[2]) - (high[0] + high[2]))
        };
        assert!(
            low_edge.abs() < 2.0 && high_edge.abs() < 2.0,
            "{what}: end labels not at the ends: {ends:?}, points {points:?}"
        );
    }
    let left = points.iter().map(|p| p[0]).fold(f64::MAX, f64::min);
    let right = points.iter().map(|p| p[0] + p[2]).fold(0.0, f64::max);
    right - left
}

#[tokio::test]
async fn the_0_to_10_scale_keeps_one_row_on_a_390_px_phone_on_every_surface_in_english_and_arabic()
{
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let Some(wd) = browser(Options::default()).await else {
        return;
    };
    resize(&wd, 390, 844).await;
    for (lang, rtl) in [("en", false), ("ar", true)] {
        for (surface, points) in [
            ("s", "label.point"),
            ("e", "label.point"),
            ("k", "button.point"),
        ] {
            wd.goto(&app.url(&format!("/{surface}/{}?lang={lang}", survey.public_id)))
                .await
                .unwrap();
            let what = format!("/{surface}/ in {lang} at 390 px");
            assert_one_row(&wd, points, rtl, &what).await;
            if surface != "e" {
                screenshot(
                    &format!("scale-390-{surface}-{lang}.png"),
                    &wd.screenshot_png().await.unwrap(),
                );
            }
        }
    }
    // A follow-up's 0–10 rating keeps one row too.
    let rating = nps_with(&app, &ws, |f| {
        f.follow_ups[0].kind = taith_domain::survey::FollowUpKind::Rating {
            scale: taith_domain::survey::Scale { low: 0, high: 10 },
        };
    })
    .await;
    wd.goto(&app.url(&format!("/s/{}?lang=ar", rating.public_id)))
        .await
        .unwrap();
    wd.click(&wd.find("label.point").await.unwrap())
        .await
        .unwrap();
    wd.click(&wd.find("button.respond-submit").await.unwrap())
        .await
        .unwrap();
    wd.wait_for(".rating label.point", WAIT).await.unwrap();
    assert_one_row(
        &wd,
        ".rating label.point",
        true,
        "a 0–10 follow-up in Arabic",
    )
    .await;
}

#[tokio::test]
async fn the_kiosk_fills_a_tablet_and_axe_finds_nothing_serious_in_english_and_arabic() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let start = app.url(&format!("/k/{}", survey.public_id));
    let Some(wd) = browser(Options::default()).await else {
        return;
    };
    let mut audit = crate::axe::Audit::default();
    for (lang, rtl) in [("en", false), ("ar", true)] {
        // A tablet, upright and on its side: the score row spans the screen, big targets.
        for (w, h) in [(768, 1024), (1024, 768)] {
            resize(&wd, w, h).await;
            wd.goto(&format!("{start}?lang={lang}")).await.unwrap();
            let what = format!("kiosk in {lang} at {w}×{h}");
            let row = assert_one_row(&wd, "button.point", rtl, &what).await;
            assert!(
                row >= 0.85 * f64::from(w),
                "{what}: the row is {row} px wide"
            );
            let tall = rects(&wd, "button.point").await[0][3];
            assert!(tall >= 80.0, "{what}: points {tall} px tall");
            // The question, the row and its ends on one screen, with no scrolling.
            let ends = rects(&wd, ".ends").await[0];
            assert!(
                ends[1] + ends[3] <= f64::from(h),
                "{what}: the ends below the fold"
            );
            screenshot(
                &format!("kiosk-{lang}-{w}x{h}.png"),
                &wd.screenshot_png().await.unwrap(),
            );
        }
        // Each step, at a desktop's and a phone's width.
        for width in [1280, 390] {
            resize(&wd, width, 900).await;
            let at = format!("{lang}, {width} px");
            audit
                .visit(
                    &wd,
                    &format!("{start}?lang={lang}"),
                    &format!("kiosk start, {at}"),
                )
                .await;
            wd.click(&wd.find("button.point[value=\"2\"]").await.unwrap())
                .await
                .unwrap();
            let comment = wd.wait_for("#comment", WAIT).await.unwrap();
            audit.check(&wd, &format!("kiosk follow-up, {at}")).await;
            wd.send_keys(&comment, "The queue was long").await.unwrap();
            if width == 1280 {
                screenshot(
                    &format!("kiosk-follow-up-{lang}.png"),
                    &wd.screenshot_png().await.unwrap(),
                );
            }
            wd.click(&wd.find("button.respond-submit").await.unwrap())
                .await
                .unwrap();
            wd.wait_for(".kiosk-reset:not([hidden])", WAIT)
                .await
                .unwrap();
            // The countdown is showing: checked with it.
            audit
                .check(&wd, &format!("kiosk thank-you counting down, {at}"))
                .await;
            let metas = wd
                .execute(
                    "return document.querySelectorAll('meta[http-equiv]').length;",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(metas, Value::from(0), "no meta refresh in the page");
            if width == 1280 {
                screenshot(
                    &format!("kiosk-thanks-{lang}.png"),
                    &wd.screenshot_png().await.unwrap(),
                );
            }
        }
    }
    // A CSAT survey: its five labelled points, one tap each, on one row of a landscape
    // tablet and stacked on a phone.
    let csat = nps_with(&app, &ws, |f| {
        f.kind = taith_domain::SurveyKind::Csat;
        f.scale = taith_domain::SurveyKind::Csat.default_scale();
        f.follow_ups.clear();
    })
    .await;
    for (w, h, one_row) in [(1024, 768, true), (390, 844, false)] {
        resize(&wd, w, h).await;
        let url = app.url(&format!("/k/{}?lang=ar", csat.public_id));
        audit
            .visit(&wd, &url, &format!("kiosk CSAT, ar, {w} px"))
            .await;
        let points = rects(&wd, "button.point").await;
        assert_eq!(points.len(), 5);
        let tops: Vec<f64> = points.iter().map(|p| p[1]).collect();
        assert_eq!(
            tops.iter().all(|t| (t - tops[0]).abs() < 0.5),
            one_row,
            "CSAT at {w} px: {points:?}"
        );
        screenshot(
            &format!("kiosk-csat-ar-{w}x{h}.png"),
            &wd.screenshot_png().await.unwrap(),
        );
    }
    assert_eq!(audit.checked(), 14);
    audit.assert_clean();
    let stored = responses(&app, &ws, &survey).await;
    assert_eq!(stored.len(), 4);
    assert!(
        stored
            .iter()
            .all(|r| r.score == 2 && r.channel == Channel::InStore)
    );
}

#[tokio::test]
async fn the_kiosk_starts_again_by_a_countdown_the_visitor_can_extend_or_without_javascript() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = nps_with(&app, &ws, |f| f.follow_ups.clear()).await;
    let start = app.url(&format!("/k/{}", survey.public_id));
    let Some(js) = browser(Options::default()).await else {
        return;
    };
    let Some(nojs) = browser(Options {
        javascript: false,
        accept_language: None,
    })
    .await
    else {
        return;
    };
    let at_start = |url: &str| url == start;

    // With JavaScript: one tap, then the thank-you counts down at once, visibly.
    js.goto(&start).await.unwrap();
    js.click(&js.find("button.point[value=\"10\"]").await.unwrap())
        .await
        .unwrap();
    let panel = js
        .wait_for(".kiosk-reset:not([hidden])", WAIT)
        .await
        .unwrap();
    let thanks = js.current_url().await.unwrap();
    assert!(thanks.ends_with("/thanks"), "{thanks}");
    let timer = js.find("[data-kiosk-timer]").await.unwrap();
    let read = |v: String| v.replace(['\u{2068}', '\u{2069}'], "");
    let first = read(js.text(&timer).await.unwrap());
    assert!(first.starts_with("Starting again in 2"), "{first}");
    // Screen readers are told once (a status), not every second (the timer is not live).
    let status = js
        .execute(
            "return document.querySelector('[data-kiosk-status]').textContent;",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        read(status.as_str().unwrap().to_owned()).starts_with("Starting again in 2"),
        "{status}"
    );
    tokio::time::sleep(Duration::from_millis(2200)).await;
    let later = read(js.text(&timer).await.unwrap());
    assert_ne!(first, later, "it counts down");
    // "I need more time" puts it off.
    js.click(&js.find("[data-kiosk-more]").await.unwrap())
        .await
        .unwrap();
    assert_eq!(
        js.attribute(&panel, "hidden").await.unwrap().as_deref(),
        Some("true")
    );
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(js.current_url().await.unwrap(), thanks, "still there");

    // Without JavaScript: the same tap works; the thank-you's "Next customer" link starts
    // again at once, and left alone it starts again by itself.
    nojs.goto(&start).await.unwrap();
    nojs.click(&nojs.find("button.point[value=\"6\"]").await.unwrap())
        .await
        .unwrap();
    let next = nojs.wait_for("a.kiosk-next", WAIT).await.unwrap();
    let panel = nojs.find("[data-kiosk-reset]").await.unwrap();
    assert_eq!(
        nojs.attribute(&panel, "hidden").await.unwrap().as_deref(),
        Some("true"),
        "no countdown without the script"
    );
    nojs.click(&next).await.unwrap();
    wait_for_url(&nojs, at_start, WAIT).await;
    nojs.click(&nojs.find("button.point[value=\"8\"]").await.unwrap())
        .await
        .unwrap();
    nojs.wait_for("a.kiosk-next", WAIT).await.unwrap();

    // Both left alone on a thank-you: back at the start within the countdown (20 s).
    js.goto(&thanks).await.unwrap();
    let limit = Duration::from_secs(30);
    let (a, b) = tokio::join!(
        wait_for_url(&js, at_start, limit),
        wait_for_url(&nojs, at_start, limit)
    );
    assert_eq!((a.as_str(), b.as_str()), (start.as_str(), start.as_str()));
    let stored = responses(&app, &ws, &survey).await;
    let mut scores: Vec<i16> = stored.iter().map(|r| r.score).collect();
    scores.sort_unstable();
    assert_eq!(scores, [6, 8, 10]);
}
