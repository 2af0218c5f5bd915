//! The metrics API and CLI over the analytics index: the contract's JSON, equal to a count
//! made response by response from the store (on both stores), equal between API and CLI, a new
//! response counted within a second, and bad parameters named.

use crate::helpers::{Browser, TestApp, fresh_postgres, fresh_sqlite};
use crate::surveys_api::token;
use crate::surveys_ui::live_nps;
use reqwest::Method;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use taith_domain::{
    Change, Channel, Journey, JourneyFields, Locale, Name, NewResponse, ResponseId, StageModel,
    SurveyKind, TokenScope, TouchpointFields, TouchpointId, Workspace,
};
use taith_metrics::{Histogram, Metric, MetricValue};
use taith_store::{Author, PageRequest, ResponseToStore, SharedStore};

/// A journey with three touchpoints over two stages, a live NPS and a live CSAT survey, and
/// `n` responses spread over touchpoints, channels, locales, teams and 90 days.
pub(crate) async fn seeded(
    app: &TestApp,
    n: usize,
) -> (Workspace, Vec<(TouchpointId, String, String)>) {
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let mut j = Journey::new(
        JourneyFields {
            name: Name::parse("Web shop").unwrap(),
            description: Default::default(),
            persona_id: None,
        },
        StageModel::FiveStage,
        |k| Name::parse(k).unwrap(),
        taith_domain::now(),
    );
    let mut tps = Vec::new();
    for (stage, name) in [(1, "Product page"), (2, "Checkout"), (2, "Delivery note")] {
        let stage_id = j.stages[stage].id;
        let stage_name = j.stages[stage].fields.name.to_string();
        let tp = j
            .add_touchpoint(
                stage_id,
                TouchpointFields {
                    name: Name::parse(name).unwrap(),
                    channel: Channel::Web,
                    owner: None,
                    description: Default::default(),
                    moment_of_truth: false,
                },
            )
            .unwrap();
        tps.push((tp, name.to_owned(), stage_name));
    }
    let author = Author {
        user_id: None,
        name: "test".into(),
    };
    app.store
        .create_journey(ws.id, &j, &author, &[Change::Created])
        .await
        .unwrap();
    let nps = live_nps(app, &ws).await;
    let mut csat_fields = nps.fields.clone();
    csat_fields.kind = SurveyKind::Csat;
    csat_fields.scale = SurveyKind::Csat.default_scale();
    csat_fields.follow_ups.clear();
    let csat = app
        .store
        .create_survey(ws.id, &csat_fields, "csat-metrics-1")
        .await
        .unwrap();
    let start = taith_domain::now() - time::Duration::days(90);
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |below: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % below
    };
    let batch: Vec<ResponseToStore> = (0..n)
        .map(|_| {
            let is_nps = next(3) > 0;
            let (survey, low, span) = if is_nps {
                (nps.id, 0, 11)
            } else {
                (csat.id, 1, 5)
            };
            let mut attributes = BTreeMap::new();
            if next(4) > 0 {
                attributes.insert("team".to_owned(), format!("team-{}", next(3)));
            }
            ResponseToStore {
                workspace_id: ws.id,
                response: NewResponse {
                    id: ResponseId::new(),
                    survey_id: survey,
                    score: (low + next(span)) as i16,
                    answers: Vec::new(),
                    comment: Default::default(),
                    touchpoint_id: (next(5) > 0).then(|| tps[next(3) as usize].0),
                    channel: [Channel::Web, Channel::Email, Channel::Phone][next(3) as usize],
                    locale: Locale::ALL[next(6) as usize],
                    customer_id: None,
                    attributes,
                    submitted_at: start + time::Duration::hours(next(90 * 24) as i64),
                    client_key: None,
                },
                customer: None,
            }
        })
        .collect();
    app.store.insert_responses(&batch).await.unwrap();
    if n > 0 {
        let read = token(app, "becws", TokenScope::Read).await;
        counted_by_the_app(&app.browser(), &read, n as u64).await;
    }
    (ws, tps)
}

/// The labels of a stored response for the dimensions used here.
fn label(r: &NewResponse, tps: &[(TouchpointId, String, String)], d: &str) -> Option<String> {
    let place = || tps.iter().find(|t| Some(t.0) == r.touchpoint_id);
    let date = r.submitted_at.date();
    Some(match d {
        "touchpoint" => place()?.1.clone(),
        "stage" => place()?.2.clone(),
        "channel" => r.channel.as_str().to_owned(),
        "locale" => r.locale.tag().to_owned(),
        "team" => r.attributes.get("team")?.clone(),
        "week" => {
            let (y, w, _) = date.to_iso_week_date();
            format!("{y:04}-W{w:02}")
        }
        "month" => format!("{:04}-{:02}", date.year(), u8::from(date.month())),
        other => panic!("no label for {other}"),
    })
}

/// The API's groups as key → (n, histogram).
fn groups_of(body: &Value) -> BTreeMap<String, (u64, Vec<u64>)> {
    body["groups"]
        .as_array()
        .unwrap_or_else(|| panic!("no groups in {body}"))
        .iter()
        .map(|g| {
            let hist = g["histogram"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_u64().unwrap())
                .collect();
            (g["key"].to_string(), (g["n"].as_u64().unwrap(), hist))
        })
        .collect()
}

async fn agrees_with_a_brute_force_count(store: SharedStore) {
    let app = TestApp::spawn(store.clone()).await;
    let (ws, tps) = seeded(&app, 1_500).await;
    let read = token(&app, "becws", TokenScope::Read).await;
    let b = app.browser();
    let all = store
        .responses(ws.id, None, PageRequest::all())
        .await
        .unwrap()
        .items;
    let surveys = store
        .surveys(ws.id, PageRequest::all())
        .await
        .unwrap()
        .items;
    let today = taith_domain::now().date();
    let from = today - time::Duration::days(40);
    // (metric, by, where, from 40 days ago to today)
    type Case<'a> = (Metric, Vec<&'a str>, Vec<(&'a str, &'a str)>, bool);
    let cases: Vec<Case> = vec![
        (Metric::Nps, vec!["touchpoint", "week"], vec![], false),
        (
            Metric::Nps,
            vec!["team"],
            vec![("channel", "web"), ("channel", "email")],
            false,
        ),
        (
            Metric::Csat,
            vec!["stage", "month"],
            vec![("locale", "cy")],
            true,
        ),
        (Metric::Nps, vec![], vec![("team", "team-1")], true),
        (
            Metric::Csat,
            vec!["channel", "locale", "team"],
            vec![],
            false,
        ),
    ];
    for (metric, by, wheres, dated) in cases {
        let mut url = format!("/api/v1/metrics?metric={}", metric.as_str());
        if !by.is_empty() {
            url.push_str(&format!("&by={}", by.join(",")));
        }
        for (k, v) in &wheres {
            url.push_str(&format!("&where={k}:{v}"));
        }
        if dated {
            url.push_str(&format!("&from={from}&to={today}"));
        }
        let (status, body) = b.api(Method::GET, &url, &read, None).await;
        assert_eq!(status, 200, "{url}: {body}");
        assert_eq!(body["metric"], metric.as_str());

        // The same, response by response.
        let scale = metric.kind().default_scale();
        let mut expected: BTreeMap<String, Histogram> = BTreeMap::new();
        'rows: for r in &all {
            let kind = surveys
                .iter()
                .find(|s| s.id == r.survey_id)
                .unwrap()
                .fields
                .kind;
            if kind != metric.kind() || (dated && r.submitted_at.date() < from) {
                continue;
            }
            for (k, v) in &wheres {
                let values: Vec<&str> = wheres
                    .iter()
                    .filter(|(key, _)| key == k)
                    .map(|(_, v)| *v)
                    .collect();
                match label(r, &tps, k) {
                    Some(l) if values.contains(&l.as_str()) => {}
                    _ => continue 'rows,
                }
                let _ = v;
            }
            let mut key = serde_json::Map::new();
            for d in &by {
                match label(r, &tps, d) {
                    Some(l) => {
                        key.insert((*d).to_owned(), json!(l));
                    }
                    None => continue 'rows,
                }
            }
            expected
                .entry(Value::Object(key).to_string())
                .or_default()
                .record(r.score);
        }
        let got = groups_of(&body);
        let want: BTreeMap<String, (u64, Vec<u64>)> = expected
            .iter()
            .map(|(k, h)| (k.clone(), (h.n(), h.on_scale(scale))))
            .collect();
        assert_eq!(got, want, "{url}");
        // And each figure is the formula's, rounded to one decimal.
        for g in body["groups"].as_array().unwrap() {
            let h = &expected[&g["key"].to_string()];
            let v = MetricValue::of(metric, scale, h);
            let value = g["value"].as_f64().unwrap();
            assert!((value - v.value.unwrap()).abs() <= 0.050_001, "{url}: {g}");
            assert_eq!(g["small_sample"], json!(v.n < 30));
        }
    }
}

/// Waits until the app counts every response `seeded` wrote straight into the store. To the app
/// that is another process's write, which its tail counts within about a second; its start-up
/// build may have indexed the workspace before the rows were there.
async fn counted_by_the_app(b: &Browser, read: &str, want: u64) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let mut got = 0;
        for metric in ["nps", "csat"] {
            let url = format!("/api/v1/metrics?metric={metric}");
            let (status, body) = b.api(Method::GET, &url, read, None).await;
            assert_eq!(status, 200, "{url}: {body}");
            got += body["groups"][0]["n"].as_u64().unwrap();
        }
        if got == want {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the app counts {got} of the {want} stored responses"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn metrics_equal_a_response_by_response_count() {
    agrees_with_a_brute_force_count(fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn metrics_equal_a_response_by_response_count_on_postgres() {
    let Some((store, db)) = fresh_postgres().await else {
        return;
    };
    agrees_with_a_brute_force_count(store).await;
    db.drop_database().await;
}

#[tokio::test]
async fn a_submitted_response_counts_in_the_metrics_within_a_second() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let write = token(&app, "becws", TokenScope::Write).await;
    let b = app.browser();
    let url = "/api/v1/metrics?metric=nps";
    let (status, body) = b.api(Method::GET, url, &write, None).await;
    assert_eq!(status, 200, "{body}");
    // Nothing yet: one group, empty key, no value.
    assert_eq!(
        body,
        json!({"metric": "nps", "groups": [{"key": {}, "n": 0, "value": null, "ci95": null,
            "small_sample": true, "histogram": [0,0,0,0,0,0,0,0,0,0,0],
            "promoters": 0, "passives": 0, "detractors": 0}]})
    );
    let (status, body) = b
        .api(
            Method::POST,
            "/api/v1/responses",
            &write,
            Some(json!({"survey_id": survey.id, "score": 10})),
        )
        .await;
    assert_eq!(status, 201, "a new response is created: {body}");
    let acknowledged = Instant::now();
    loop {
        let (_, body) = b.api(Method::GET, url, &write, None).await;
        if body["groups"][0]["n"] == 1 {
            assert_eq!(body["groups"][0]["value"], json!(100.0));
            break;
        }
        assert!(
            acknowledged.elapsed() < Duration::from_secs(1),
            "not counted within a second: {body}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    // Responses another process stores (here: straight into the store, as `taith import`
    // does) are counted on the next question, and the writer's one is not counted twice.
    let imported: Vec<ResponseToStore> = (0..3)
        .map(|_| ResponseToStore {
            workspace_id: ws.id,
            response: NewResponse {
                id: ResponseId::new(),
                survey_id: survey.id,
                score: 0,
                answers: Vec::new(),
                comment: Default::default(),
                touchpoint_id: None,
                channel: Channel::Web,
                locale: Locale::En,
                customer_id: None,
                attributes: BTreeMap::new(),
                submitted_at: taith_domain::now(),
                client_key: None,
            },
            customer: None,
        })
        .collect();
    app.store.insert_responses(&imported).await.unwrap();
    tokio::time::sleep(Duration::from_millis(600)).await;
    let (_, body) = b.api(Method::GET, url, &write, None).await;
    assert_eq!(body["groups"][0]["n"], 4, "{body}");
    assert_eq!(body["groups"][0]["detractors"], 3, "{body}");
    let (_, again) = b.api(Method::GET, url, &write, None).await;
    assert_eq!(
        again["groups"][0]["n"], 4,
        "read once, counted once: {again}"
    );

    // A deleted response stops counting at once; deleting it again finds nothing.
    let gone = format!("/api/v1/responses/{}", imported[0].response.id);
    let (status, _) = b.api(Method::DELETE, &gone, &write, None).await;
    assert_eq!(status, 204);
    let (_, after) = b.api(Method::GET, url, &write, None).await;
    assert_eq!(
        (&after["groups"][0]["n"], &after["groups"][0]["detractors"]),
        (&json!(3), &json!(2)),
        "{after}"
    );
    let (status, _) = b.api(Method::DELETE, &gone, &write, None).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_cli_prints_the_apis_json_and_bad_parameters_are_named() {
    let (store, path) = fresh_sqlite().await;
    let app = TestApp::spawn(store.clone()).await;
    let (_ws, _) = seeded(&app, 400).await;
    let read = token(&app, "becws", TokenScope::Read).await;
    let b = app.browser();
    let (status, api) = b
        .api(
            Method::GET,
            "/api/v1/metrics?metric=nps&by=touchpoint,month&where=team:team-0",
            &read,
            None,
        )
        .await;
    assert_eq!(status, 200);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_taith"))
        .arg("--data-dir")
        .arg(&path)
        .env_remove("TAITH_DATABASE_URL")
        .args([
            "metrics",
            "--workspace",
            "becws",
            "--metric",
            "nps",
            "--by",
            "touchpoint,month",
            "--where",
            "team=team-0",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cli: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(cli, api);

    for (query, field) in [
        ("metric=happiness", "metric"),
        ("metric=nps&from=2026-13-01", "from"),
        ("metric=nps&from=2026-05-02&to=2026-05-01", "to"),
        ("metric=nps&where=team", "where"),
        ("metric=nps&where=week:2026-W01", "where"),
        ("metric=nps&survey=not-an-id", "survey"),
    ] {
        let (status, body) = b
            .api(
                Method::GET,
                &format!("/api/v1/metrics?{query}"),
                &read,
                None,
            )
            .await;
        assert_eq!(status, 422, "{query}: {body}");
        let fields: Vec<&str> = body["error"]["details"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["field"].as_str().unwrap())
            .collect();
        assert!(fields.contains(&field), "{query}: {body}");
    }
}

#[tokio::test]
async fn the_dashboard_shows_each_metric_with_its_interval_in_english_and_arabic() {
    let app = TestApp::on_sqlite().await;
    seeded(&app, 800).await;
    let read = token(&app, "becws", TokenScope::Read).await;
    let owner = app.signed_in("owner@becws.example").await;
    let today = taith_domain::now().date();
    let from = today - time::Duration::days(83);
    let (_, nps) = owner
        .api(
            Method::GET,
            &format!("/api/v1/metrics?metric=nps&from={from}&to={today}"),
            &read,
            None,
        )
        .await;
    let value = nps["groups"][0]["value"].as_f64().unwrap();
    let n = nps["groups"][0]["n"].as_u64().unwrap();

    for locale in [Locale::En, Locale::Ar] {
        let page = owner
            .get(&format!(
                "/w/becws/dashboard?lang={}&period=custom&from={from}&to={today}",
                locale.tag()
            ))
            .await;
        assert_eq!(page.status, 200, "{}", page.body);
        let text = page.text();
        let tr = taith_i18n::Tr::new(locale);
        let plain = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
        assert!(text.contains(&plain(tr.t("dashboard-nps"))));
        assert!(text.contains(&plain(tr.t("dashboard-csat"))));
        // The headline figure is the API's, written as the locale writes numbers.
        assert!(
            text.contains(&tr.number(value, 1)),
            "{locale:?}: {}",
            tr.number(value, 1)
        );
        assert!(text.contains(&plain(tr.tn("dashboard-n", "n", n as i64))));
        // Charts keep their axes left to right inside the Arabic page.
        assert!(page.body.contains("<figure class=\"chart\" dir=\"ltr\">"));
        assert!(page.body.contains("class=\"band\""));
    }
    let arabic = owner.get("/w/becws/dashboard?lang=ar").await;
    assert!(arabic.body.contains("dir=\"rtl\""));
    // One digit system in Arabic, as everywhere: Latin digits (CLDR's `ar`), no Arabic-Indic.
    assert!(
        !arabic
            .text()
            .chars()
            .any(|c| ('\u{0660}'..='\u{0669}').contains(&c)),
        "Arabic-Indic digits on the Arabic dashboard"
    );

    // The table as CSV: every week's n adds up to the period's.
    let csv = owner
        .get(&format!("/w/becws/dashboard.csv?from={from}&to={today}"))
        .await;
    assert_eq!(csv.status, 200);
    assert!(csv.content_type.starts_with("text/csv"));
    let mut lines = csv.body.lines();
    assert_eq!(
        lines.next(),
        Some("metric,week,n,value,ci95_low,ci95_high,small_sample")
    );
    let weekly_n: u64 = lines
        .filter(|l| l.starts_with("nps,"))
        .map(|l| l.split(',').nth(2).unwrap().parse::<u64>().unwrap())
        .sum();
    assert_eq!(weekly_n, n);
}

#[tokio::test]
async fn the_journey_map_shows_live_scores_their_curve_and_pain_points_from_the_answers() {
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
    // Customers love the product page and hate checkout.
    let answer = |tp: TouchpointId, score: i16, days_ago: i64| ResponseToStore {
        workspace_id: ws.id,
        response: NewResponse {
            id: ResponseId::new(),
            survey_id: nps.id,
            score,
            answers: Vec::new(),
            comment: Default::default(),
            touchpoint_id: Some(tp),
            channel: Channel::Web,
            locale: Locale::En,
            customer_id: None,
            attributes: BTreeMap::new(),
            submitted_at: taith_domain::now() - time::Duration::days(days_ago),
            client_key: None,
        },
        customer: None,
    };
    let mut batch: Vec<_> = (0..40).map(|i| answer(tps[0].0, 9 + i % 2, 3)).collect();
    batch.extend((0..40).map(|i| answer(tps[1].0, (i % 4) as i16, 3)));
    // Checkout was fine the quarter before: a significant fall.
    batch.extend((0..40).map(|_| answer(tps[1].0, 10, 120)));
    app.store.insert_responses(&batch).await.unwrap();

    let owner = app.signed_in("owner@becws.example").await;
    let journey = app
        .store
        .journeys(ws.id, PageRequest::all())
        .await
        .unwrap()
        .items[0]
        .id;
    let page = owner
        .get(&format!("/w/becws/journeys/{journey}?lang=en"))
        .await;
    assert_eq!(page.status, 200);
    let body = page.text();
    // Each touchpoint with answers shows its NPS; checkout is the pain point, and fell.
    let card = |name: &str| {
        let start = body
            .find(&format!("<strong dir=\"auto\">{name}</strong>"))
            .unwrap();
        let end = body[start..].find("</div>").unwrap() + start;
        body[start..end].to_owned()
    };
    let product = card("Product page");
    assert!(product.contains("NPS 100.0"), "{product}");
    assert!(!product.contains("live-pain"));
    let checkout = card("Checkout");
    assert!(checkout.contains("NPS -100.0"), "{checkout}");
    assert!(checkout.contains("live-pain"), "{checkout}");
    assert!(checkout.contains("↓"), "{checkout}");
    assert!(
        !card("Delivery note").contains("class=\"live"),
        "no answers, no figure"
    );
    // The curve from the answers, beside the typed one, with its text alternative.
    assert!(page.body.contains("class=\"data-curve\""));
    assert!(body.contains("From the responses"));
}

#[tokio::test]
async fn segments_are_compared_side_by_side_with_significance_against_the_rest() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = seeded(&app, 0).await;
    let nps = app
        .store
        .surveys(ws.id, PageRequest::all())
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|s| s.fields.kind == SurveyKind::Nps)
        .unwrap();
    let answer = |team: &str, score: i16| ResponseToStore {
        workspace_id: ws.id,
        response: NewResponse {
            id: ResponseId::new(),
            survey_id: nps.id,
            score,
            answers: Vec::new(),
            comment: Default::default(),
            touchpoint_id: None,
            channel: Channel::Phone,
            locale: Locale::En,
            customer_id: None,
            attributes: BTreeMap::from([("team".to_owned(), team.to_owned())]),
            submitted_at: taith_domain::now() - time::Duration::days(2),
            client_key: None,
        },
        customer: None,
    };
    let mut batch: Vec<_> = (0..60)
        .map(|i| answer("Cardiff", 9 + (i % 2) as i16))
        .collect();
    batch.extend((0..60).map(|i| answer("Aberystwyth", (i % 6) as i16)));
    batch.extend((0..10).map(|i| answer("=Online", 5 + (i % 5) as i16)));
    app.store.insert_responses(&batch).await.unwrap();
    let owner = app.signed_in("owner@becws.example").await;
    let page = owner
        .get("/w/becws/dashboard/segments?metric=nps&by=team&lang=en")
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    let text = page.text();
    let row = |name: &str| {
        let start = text
            .find(&format!("<th scope=\"row\" dir=\"auto\">{name}</th>"))
            .unwrap();
        let end = text[start..].find("</tr>").unwrap() + start;
        text[start..end].to_owned()
    };
    assert!(
        row("Cardiff").contains("on the others: significantly above"),
        "{}",
        row("Cardiff")
    );
    assert!(row("Aberystwyth").contains("on the others: significantly below"));
    // Ten answers: too few to call, and flagged as a small sample; the difference is still
    // said, as not significant.
    assert!(row("=Online").contains("small sample"));
    assert!(
        row("=Online").contains("not a significant difference"),
        "{}",
        row("=Online")
    );

    let csv = owner
        .get("/w/becws/dashboard/segments.csv?metric=nps&by=team")
        .await;
    assert_eq!(csv.status, 200);
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(
        lines[0],
        "team,n,value,ci95_low,ci95_high,small_sample,versus_rest"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Cardiff,60,100.0,") && l.ends_with(",above"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Aberystwyth,60,-100.0,") && l.ends_with(",below"))
    );
    // A value a spreadsheet would run is defanged.
    assert!(
        lines.iter().any(|l| l.starts_with("'=Online,10,")),
        "{lines:?}"
    );
}

#[tokio::test]
async fn a_touchpoints_dashboard_shows_its_trend_spread_breakdowns_and_latest_comments_as_text() {
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
    let batch: Vec<_> = (0..50)
        .map(|i| ResponseToStore {
            workspace_id: ws.id,
            response: NewResponse {
                id: ResponseId::new(),
                survey_id: nps.id,
                score: (i % 11) as i16,
                answers: Vec::new(),
                comment: taith_domain::LongText::parse(if i == 49 {
                    "<script>alert(1)</script> the van was late"
                } else {
                    ""
                })
                .unwrap(),
                touchpoint_id: Some(tps[1].0),
                channel: if i % 2 == 0 {
                    Channel::Web
                } else {
                    Channel::Phone
                },
                locale: Locale::Cy,
                customer_id: None,
                attributes: BTreeMap::from([("team".to_owned(), format!("t{}", i % 2))]),
                submitted_at: taith_domain::now() - time::Duration::days(i % 30),
                client_key: None,
            },
            customer: None,
        })
        .collect();
    app.store.insert_responses(&batch).await.unwrap();
    let owner = app.signed_in("owner@becws.example").await;
    let page = owner
        .get(&format!(
            "/w/becws/dashboard/touchpoints/{}?lang=en",
            tps[1].0
        ))
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    let text = page.text();
    assert!(text.contains("Checkout"));
    assert!(text.contains("50 responses"), "the figure's n");
    assert!(
        page.body.contains("class=\"band\""),
        "trend with its interval band"
    );
    assert!(text.contains("How the scores spread"));
    assert!(
        page.body
            .contains("<th scope=\"row\" dir=\"auto\">Phone</th>"),
        "by channel, named as people read it"
    );
    assert!(
        page.body.contains("<th scope=\"row\" dir=\"auto\">t1</th>"),
        "by team"
    );
    // The comment is shown as text, never as markup.
    assert!(
        page.body
            .contains("&#60;script&#62;alert(1)&#60;/script&#62; the van was late")
    );
    assert!(!page.body.contains("<script>alert(1)"));
    // Its tables as CSV.
    let csv = owner
        .get(&format!(
            "/w/becws/dashboard/touchpoints/{}/export.csv",
            tps[1].0
        ))
        .await;
    assert_eq!(csv.status, 200, "{}", csv.body);
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(
        lines[0],
        "table,key,n,value,ci95_low,ci95_high,small_sample"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("period,nps,50,")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("channel,phone,25,")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("team,t1,25,")),
        "{lines:?}"
    );
    let spread: u64 = lines
        .iter()
        .filter(|l| l.starts_with("score,"))
        .map(|l| l.split(',').nth(2).unwrap().parse::<u64>().unwrap())
        .sum();
    assert_eq!(spread, 50);
    // Another workspace's touchpoint id, or none at all: not found.
    let other = owner
        .get(&format!(
            "/w/becws/dashboard/touchpoints/{}",
            TouchpointId::new()
        ))
        .await;
    assert_eq!(other.status, 404);
}

/// The app keeps the workspace's surveys and journeys between questions; an edit made by
/// another process on the same store (here: straight through the store, as another node
/// would) shows in the very next answer.
#[tokio::test]
async fn a_journey_or_survey_changed_by_another_node_shows_in_the_next_answer() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = seeded(&app, 300).await;
    let read = token(&app, "becws", TokenScope::Read).await;
    let b = app.browser();
    let touchpoints = |body: &Value| -> Vec<String> {
        body["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["key"]["touchpoint"].as_str().unwrap().to_owned())
            .collect()
    };
    let url = "/api/v1/metrics?metric=nps&by=touchpoint";
    let (status, before) = b.api(Method::GET, url, &read, None).await;
    assert_eq!(status, 200, "{before}");
    assert!(touchpoints(&before).contains(&"Checkout".to_owned()));
    // Asked again unchanged: the same answer.
    assert_eq!(b.api(Method::GET, url, &read, None).await.1, before);

    let summary = app
        .store
        .journeys(ws.id, PageRequest::all())
        .await
        .unwrap()
        .items
        .remove(0);
    let mut journey = app.store.journey(ws.id, summary.id).await.unwrap();
    let checkout = journey
        .touchpoints
        .iter_mut()
        .find(|t| t.fields.name.to_string() == "Checkout")
        .unwrap();
    checkout.fields.name = Name::parse("Till").unwrap();
    let author = Author {
        user_id: None,
        name: "another node".into(),
    };
    app.store
        .save_journey(ws.id, &journey, &author, &[])
        .await
        .unwrap();
    let (status, after) = b.api(Method::GET, url, &read, None).await;
    assert_eq!(status, 200, "{after}");
    let names = touchpoints(&after);
    assert!(names.contains(&"Till".to_owned()), "{names:?}");
    assert!(!names.contains(&"Checkout".to_owned()), "{names:?}");

    // A CSAT survey on another scale: CSAT is on mixed scales from the next question on.
    let (status, body) = b
        .api(Method::GET, "/api/v1/metrics?metric=csat", &read, None)
        .await;
    assert_eq!(status, 200, "{body}");
    let csat = app
        .store
        .surveys(ws.id, PageRequest::all())
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|s| s.fields.kind == SurveyKind::Csat)
        .unwrap();
    let mut fields = csat.fields.clone();
    fields.scale = taith_domain::Scale { low: 1, high: 3 };
    app.store
        .create_survey(ws.id, &fields, "csat-on-three")
        .await
        .unwrap();
    let (status, body) = b
        .api(Method::GET, "/api/v1/metrics?metric=csat", &read, None)
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["details"][0]["field"], "survey", "{body}");
}
