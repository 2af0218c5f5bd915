//! The voice of the customer over HTTP against the real app: `GET /api/v1/comments` with its
//! filters and cursor, `GET /api/v1/themes` and the theme edits, another workspace's themes,
//! and `metric=sentiment` in `GET /api/v1/metrics` against a hand count. The app's own
//! analyser (every 250 ms) analyses the comments; the tests poll for it with a deadline.

use crate::helpers::{Browser, TestApp};
use crate::voc_store::{nps_survey, said, store_all};
use reqwest::Method;
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use taith_domain::{Locale, TokenScope};
use taith_store::SharedStore;

/// Long enough for a slow, shared machine; the analyser needs about a second.
const DEADLINE: Duration = Duration::from_secs(60);

struct Api {
    browser: Browser,
    token: String,
}

impl Api {
    async fn get(&self, path: &str) -> (u16, Value) {
        self.browser.api(Method::GET, path, &self.token, None).await
    }

    async fn send(&self, method: Method, path: &str, body: Value) -> (u16, Value) {
        self.browser
            .api(method, path, &self.token, Some(body))
            .await
    }

    /// Every comment, page by page of `limit`, as listed.
    async fn all_comments(&self, query: &str, limit: u32) -> Vec<Value> {
        let mut out = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let mut path = format!("/api/v1/comments?limit={limit}&{query}");
            if let Some(c) = &cursor {
                path.push_str(&format!("&cursor={c}"));
            }
            let (status, body) = self.get(&path).await;
            assert_eq!(status, 200, "{path}: {body}");
            out.extend(body["comments"].as_array().unwrap().iter().cloned());
            match body["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => return out,
            }
            assert!(out.len() < 10_000, "the cursor does not end");
        }
    }

    /// The comments once the analyser has caught up and nothing changes between two reads
    /// (the learner may requeue comments after it learned).
    async fn settled(&self, expected: usize) -> Vec<Value> {
        let started = Instant::now();
        loop {
            let (_, themes) = self.get("/api/v1/themes").await;
            let pending = themes["learning"]["pending"].as_u64().unwrap();
            let first = self.all_comments("", 200).await;
            if pending == 0 && first.len() == expected {
                let again = self.all_comments("", 200).await;
                if again == first {
                    return first;
                }
            }
            assert!(
                started.elapsed() < DEADLINE,
                "the analyser did not catch up: {} of {expected} comments, {pending} pending",
                first.len()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

async fn api_of(app: &TestApp, slug: &str, scope: TokenScope) -> Api {
    Api {
        browser: app.browser(),
        token: app.api_token(slug, scope).await,
    }
}

/// What the comments say, in English and Welsh, scored as NPS.
const WRITTEN: [(i16, Locale, &str); 10] = [
    (
        2,
        Locale::En,
        "The parcel was late again and nobody answered the phone",
    ),
    (
        1,
        Locale::En,
        "Terrible service, the parcel arrived broken and late",
    ),
    (
        3,
        Locale::En,
        "Very slow delivery, I waited two weeks for my parcel",
    ),
    (
        10,
        Locale::En,
        "Lovely bread and friendly staff, thank you so much",
    ),
    (
        9,
        Locale::En,
        "Great cakes, excellent quality and quick delivery",
    ),
    (8, Locale::En, "It was fine, nothing special"),
    (
        10,
        Locale::Cy,
        "Bara hyfryd a staff cyfeillgar iawn, diolch yn fawr",
    ),
    (
        2,
        Locale::Cy,
        "Roedd y parsel yn hwyr iawn a doedd neb yn ateb y ffôn",
    ),
    (
        9,
        Locale::Cy,
        "Gwasanaeth ardderchog, cacennau blasus dros ben",
    ),
    (7, Locale::En, "ok"),
];

async fn a_workspace_with_comments(app: &TestApp, slug: &str) -> (Api, taith_domain::SurveyId) {
    let store: &SharedStore = &app.store;
    let (ws, _) = app.workspace(slug, &format!("owner@{slug}.example")).await;
    let survey = nps_survey(store, ws.id).await;
    let rs: Vec<_> = WRITTEN
        .iter()
        .map(|(score, locale, text)| said(survey, *score, *locale, text))
        .collect();
    store_all(store, ws.id, &rs).await;
    (api_of(app, slug, TokenScope::Write).await, survey)
}

fn ids(list: &[Value]) -> Vec<String> {
    list.iter()
        .map(|c| c["response_id"].as_str().unwrap().to_owned())
        .collect()
}

fn detail_fields(body: &Value) -> Vec<String> {
    body["error"]["details"]
        .as_array()
        .map(|d| {
            d.iter()
                .map(|f| f["field"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

async fn comments_are_listed_with_their_analysis_filtered_and_paged(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store).await;
    let (api, survey) = a_workspace_with_comments(&app, "vocapi-list").await;
    let all = api.settled(WRITTEN.len()).await;

    // Each comment carries what its analysis found, and the text as written.
    for c in &all {
        let text = c["text"].as_str().unwrap();
        let (score, _, _) = WRITTEN.iter().find(|(_, _, t)| *t == text).unwrap();
        assert_eq!(c["score"], *score);
        assert_eq!(c["survey_id"], survey.to_string());
        assert_eq!(c["channel"], "web");
        for field in ["language", "language_confidence", "band", "themes"] {
            assert!(!c[field].is_null(), "{field} missing in {c}");
        }
        assert_eq!(
            c["sentiment"].is_null(),
            c["sentiment_confidence"].is_null()
        );
    }
    let band_of = |text: &str| &all.iter().find(|c| c["text"] == text).unwrap()["band"];
    assert_eq!(band_of(WRITTEN[0].2), "negative");
    assert_eq!(band_of(WRITTEN[3].2), "positive");
    assert_eq!(band_of(WRITTEN[5].2), "neutral");
    // A clear Welsh sentence is read as Welsh.
    assert_eq!(
        all.iter().find(|c| c["text"] == WRITTEN[6].2).unwrap()["language"],
        "cy"
    );

    // Pages of two, followed by their cursor, give every comment once, in the same order.
    let paged = api.all_comments("", 2).await;
    assert_eq!(ids(&paged), ids(&all));

    // Each filter gives exactly the comments a hand filter of the whole list gives.
    let by_hand = |keep: &dyn Fn(&Value) -> bool| -> Vec<String> {
        ids(&all.iter().filter(|c| keep(c)).cloned().collect::<Vec<_>>())
    };
    assert_eq!(
        ids(&api.all_comments("language=cy", 3).await),
        by_hand(&|c| c["language"] == "cy")
    );
    assert!(!by_hand(&|c| c["language"] == "cy").is_empty());
    for s in ["negative", "neutral", "positive"] {
        assert_eq!(
            ids(&api.all_comments(&format!("sentiment={s}"), 3).await),
            by_hand(&|c| c["sentiment"] == s),
            "sentiment={s}"
        );
    }
    assert_eq!(
        ids(&api.all_comments("band=negative", 3).await),
        by_hand(&|c| c["band"] == "negative")
    );
    assert_eq!(
        ids(&api.all_comments("q=parcel", 3).await),
        by_hand(&|c| c["text"].as_str().unwrap().contains("parcel"))
    );
    assert_eq!(
        by_hand(&|c| c["text"].as_str().unwrap().contains("parcel")).len(),
        3
    );
    assert_eq!(
        ids(&api
            .all_comments(&format!("survey={survey}&channel=web&period=7d"), 4)
            .await),
        ids(&all)
    );
    assert!(api.all_comments("channel=email", 4).await.is_empty());
    let last_year = time::OffsetDateTime::now_utc().year() - 1;
    assert!(
        api.all_comments(&format!("from={last_year}-01-01&to={last_year}-01-31"), 4)
            .await
            .is_empty()
    );

    // A value that does not read is a 422 naming its field; so are paging and the period.
    for (query, field) in [
        ("language=xx", "language"),
        ("sentiment=angry", "sentiment"),
        ("theme=not-an-id", "theme"),
        ("channel=pigeon", "channel"),
        ("limit=0", "limit"),
        ("limit=201", "limit"),
        ("cursor=garbage", "cursor"),
        ("period=fortnight", "period"),
        ("from=2026-02-30&to=2026-03-01", "from"),
    ] {
        let (status, body) = api.get(&format!("/api/v1/comments?{query}")).await;
        assert_eq!(status, 422, "{query}: {body}");
        assert!(
            detail_fields(&body).contains(&field.to_owned()),
            "{query}: {body}"
        );
    }
    let (status, body) = api
        .get("/api/v1/comments?language=xx&sentiment=angry")
        .await;
    assert_eq!(status, 422);
    assert_eq!(detail_fields(&body), ["language", "sentiment"]);

    // A read token reads what customers wrote.
    let read = api_of(&app, "vocapi-list", TokenScope::Read).await;
    assert_eq!(read.get("/api/v1/comments").await.0, 200);
}

async fn themes_are_made_changed_split_and_merged_and_another_workspaces_are_not_found(
    store: SharedStore,
) {
    let app = TestApp::spawn_unthrottled(store).await;
    let (api, _) = a_workspace_with_comments(&app, "vocapi-themes").await;
    let all = api.settled(WRITTEN.len()).await;

    // Made, with phrases as a list or as one string.
    let (status, body) = api
        .send(
            Method::POST,
            "/api/v1/themes",
            json!({ "name": "Late parcels", "phrases": ["parcel", "late"] }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let theme = body["theme"].clone();
    let id = theme["id"].as_str().unwrap().to_owned();
    assert_eq!(theme["origin"], "staff");
    assert!(
        theme["phrases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "parcel")
    );
    let (status, body) = api
        .send(
            Method::POST,
            "/api/v1/themes",
            json!({ "name": "Bread", "phrases": "bread, bara" }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let bread = body["theme"]["id"].as_str().unwrap().to_owned();

    // A name taken, no phrases, a bad body.
    let (status, body) = api
        .send(
            Method::POST,
            "/api/v1/themes",
            json!({ "name": "Late parcels", "phrases": "x" }),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["details"][0]["field"], "name");
    assert_eq!(body["error"]["details"][0]["issue"], "taken");
    let (status, body) = api
        .send(Method::POST, "/api/v1/themes", json!({ "name": "Empty" }))
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(detail_fields(&body), ["phrases"]);
    let (status, _) = api
        .send(
            Method::POST,
            "/api/v1/themes",
            json!({ "name": "x", "phrases": "y", "colour": "red" }),
        )
        .await;
    assert_eq!(status, 400);

    // The analyser matches the comments again: the theme's mentions are the comments the
    // comments API lists under it, and those say "parcel" or "late".
    let started = Instant::now();
    let (figures, under) = loop {
        let (status, body) = api.get(&format!("/api/v1/themes/{id}")).await;
        assert_eq!(status, 200, "{body}");
        let under = api.all_comments(&format!("theme={id}"), 50).await;
        let mentions = body["theme"]["mentions"].as_u64().unwrap();
        if mentions > 0 && mentions == under.len() as u64 {
            break (body["theme"].clone(), under);
        }
        assert!(started.elapsed() < DEADLINE, "the theme is never mentioned");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    for c in &under {
        let text = c["text"].as_str().unwrap();
        assert!(text.contains("parcel") || text.contains("late"), "{text}");
        assert!(
            c["themes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t["id"] == id)
        );
    }
    let s = &figures["sentiment"];
    let split: u64 = ["negative", "neutral", "positive", "unknown"]
        .iter()
        .map(|k| s[k].as_u64().unwrap())
        .sum();
    assert_eq!(split, under.len() as u64);
    assert!(!figures["weeks"].as_array().unwrap().is_empty());
    // Three of the ten comments' responses are all the "with" side can hold.
    let impact = &figures["impact"];
    assert_eq!(impact["metric"], "nps");
    assert_eq!(
        impact["with"]["n"].as_u64().unwrap() + impact["without"]["n"].as_u64().unwrap(),
        all.len() as u64
    );

    // The report lists both, with the comments counted and where learning stands.
    let (status, report) = api.get("/api/v1/themes?period=30d").await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["comments"], all.len());
    let listed: Vec<&str> = report["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert!(listed.contains(&id.as_str()) && listed.contains(&bread.as_str()));
    assert!(report["learning"]["languages"].as_array().is_some());

    // Pinned, renamed, hidden: a hidden theme leaves the list unless asked for.
    let (status, body) = api
        .send(
            Method::PATCH,
            &format!("/api/v1/themes/{id}"),
            json!({ "name": "Delivery", "pinned": true }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["theme"]["name"], "Delivery");
    assert_eq!(body["theme"]["pinned"], true);
    let (status, body) = api
        .send(
            Method::PATCH,
            &format!("/api/v1/themes/{bread}"),
            json!({ "name": "Delivery" }),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["error"]["details"][0]["issue"], "taken");
    let (status, _) = api
        .send(
            Method::PATCH,
            &format!("/api/v1/themes/{bread}"),
            json!({ "hidden": true }),
        )
        .await;
    assert_eq!(status, 200);
    let (_, report) = api.get("/api/v1/themes").await;
    assert!(
        !report["themes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == bread)
    );
    let (_, report) = api.get("/api/v1/themes?include_hidden=true").await;
    assert!(
        report["themes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == bread && t["hidden"] == true)
    );
    assert_eq!(api.get("/api/v1/themes?include_hidden=maybe").await.0, 422);

    // Split: one phrase goes to a new theme; all of them cannot.
    let phrases: Vec<String> = serde_json::from_value(figures["phrases"].clone()).unwrap();
    let (status, body) = api
        .send(
            Method::POST,
            &format!("/api/v1/themes/{id}/split"),
            json!({ "name": "Parcels", "phrases": phrases }),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(detail_fields(&body), ["phrases"]);
    let (status, body) = api
        .send(
            Method::POST,
            &format!("/api/v1/themes/{id}/split"),
            json!({ "name": "Parcels", "phrases": ["parcel"] }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["split_off"]["phrases"], json!(["parcel"]));
    assert!(
        !body["theme"]["phrases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "parcel")
    );
    let parcels = body["split_off"]["id"].as_str().unwrap().to_owned();

    // Merge: back into the first; the merged-away theme is gone.
    let (status, body) = api
        .send(
            Method::POST,
            &format!("/api/v1/themes/{parcels}/merge"),
            json!({ "into": parcels }),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(detail_fields(&body), ["into"]);
    let (status, body) = api
        .send(
            Method::POST,
            &format!("/api/v1/themes/{parcels}/merge"),
            json!({ "into": id }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["theme"]["id"], id);
    assert!(
        body["theme"]["phrases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "parcel")
    );
    assert_eq!(api.get(&format!("/api/v1/themes/{parcels}")).await.0, 404);

    // Another workspace's theme is the same 404 as one that does not exist; merging into it
    // is `into: not_found`.
    let (other, _) = a_workspace_with_comments(&app, "vocapi-other").await;
    let nowhere = taith_domain::ThemeId::new();
    for path in [
        format!("/api/v1/themes/{id}"),
        format!("/api/v1/themes/{nowhere}"),
    ] {
        assert_eq!(other.get(&path).await.0, 404, "{path}");
        let (status, _) = other
            .send(Method::PATCH, &path, json!({ "pinned": false }))
            .await;
        assert_eq!(status, 404, "{path}");
        let (status, _) = other
            .send(
                Method::POST,
                &format!("{path}/merge"),
                json!({ "into": id }),
            )
            .await;
        assert_eq!(status, 404, "{path}");
        let (status, _) = other
            .send(
                Method::POST,
                &format!("{path}/split"),
                json!({ "name": "n", "phrases": ["late"] }),
            )
            .await;
        assert_eq!(status, 404, "{path}");
    }
    assert_eq!(other.get("/api/v1/themes/not-an-id").await.0, 404);
    let (status, body) = other
        .send(
            Method::POST,
            "/api/v1/themes",
            json!({ "name": "Mine", "phrases": "late" }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let mine = body["theme"]["id"].as_str().unwrap().to_owned();
    let (status, body) = other
        .send(
            Method::POST,
            &format!("/api/v1/themes/{mine}/merge"),
            json!({ "into": id }),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["details"][0]["issue"], "not_found");
    // Its list of themes holds none of the first workspace's.
    let (_, report) = other.get("/api/v1/themes?include_hidden=true").await;
    assert!(
        !report["themes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == id || t["id"] == bread)
    );
    assert!(
        other
            .all_comments(&format!("theme={id}"), 50)
            .await
            .is_empty()
    );

    // A read token reads the themes but does not edit them.
    let read = api_of(&app, "vocapi-themes", TokenScope::Read).await;
    assert_eq!(read.get("/api/v1/themes").await.0, 200);
    let (status, _) = read
        .send(
            Method::PATCH,
            &format!("/api/v1/themes/{id}"),
            json!({ "pinned": false }),
        )
        .await;
    assert_eq!(status, 403);
}

async fn the_sentiment_metric_is_the_hand_counted_share_of_negative_comments(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store).await;
    let (api, survey) = a_workspace_with_comments(&app, "vocapi-metric").await;
    let started = Instant::now();
    // The comments and the figure are read between two identical listings, so that the
    // learner re-scoring comments in between cannot make them disagree.
    let (all, answer) = loop {
        let all = api.settled(WRITTEN.len()).await;
        let (status, answer) = api.get("/api/v1/metrics?metric=sentiment").await;
        assert_eq!(status, 200, "{answer}");
        if api.all_comments("", 200).await == all {
            break (all, answer);
        }
        assert!(started.elapsed() < DEADLINE, "the comments never settle");
    };
    let count = |s: &str| all.iter().filter(|c| c["sentiment"] == s).count() as u64;
    let (negative, neutral, positive) = (count("negative"), count("neutral"), count("positive"));
    let unknown = all.iter().filter(|c| c["sentiment"].is_null()).count() as u64;
    let scored = negative + neutral + positive;
    // Whatever the models say of each comment, the figure is their count.
    assert!(scored > 0, "{all:?}");
    assert_eq!(answer["metric"], "sentiment");
    let g = &answer["groups"][0];
    assert_eq!(answer["groups"].as_array().unwrap().len(), 1);
    assert_eq!(g["key"], json!({}));
    assert_eq!(g["n"], scored);
    assert_eq!(g["negative"], negative);
    assert_eq!(g["neutral"], neutral);
    assert_eq!(g["positive"], positive);
    assert_eq!(g["unknown"], unknown);
    let share = 100.0 * negative as f64 / scored as f64;
    let value = g["value"].as_f64().unwrap();
    assert!(
        (value - (share * 10.0).round() / 10.0).abs() < 1e-9,
        "{value} vs {share}"
    );
    let (lo, hi) = (
        g["ci95"][0].as_f64().unwrap(),
        g["ci95"][1].as_f64().unwrap(),
    );
    assert!(lo <= value && value <= hi && lo >= 0.0 && hi <= 100.0);
    assert_eq!(g["small_sample"], true);

    // The metrics filters that apply: survey, channel, locale, touchpoint, the period.
    let same = |q: &'static str| {
        let api = &api;
        async move {
            let (status, body) = api
                .get(&format!("/api/v1/metrics?metric=sentiment&{q}"))
                .await;
            assert_eq!(status, 200, "{q}: {body}");
            body["groups"][0]["n"].as_u64().unwrap()
        }
    };
    assert_eq!(same("where=channel:web").await, scored);
    assert_eq!(same("where=channel:email").await, 0);
    assert_eq!(same("where=locale:fr").await, 0);
    assert_eq!(same("where=touchpoint:Nowhere").await, 0);
    let with_survey = format!("/api/v1/metrics?metric=sentiment&survey={survey}");
    assert_eq!(api.get(&with_survey).await.1["groups"][0]["n"], scored);
    let cy_scored = all
        .iter()
        .filter(|c| c["locale"] == "cy" && !c["sentiment"].is_null())
        .count() as u64;
    assert_eq!(same("where=locale:cy").await, cy_scored);
    let last_year = time::OffsetDateTime::now_utc().year() - 1;
    let (_, body) = api
        .get(&format!(
            "/api/v1/metrics?metric=sentiment&from={last_year}-01-01&to={last_year}-12-31"
        ))
        .await;
    assert_eq!(body["groups"][0]["n"], 0);
    assert!(body["groups"][0]["value"].is_null());

    // What it cannot do is said: no grouping (400), no filter on a stage or an attribute,
    // nor two values of one key (422 on `where`); bad dates as for every metric.
    let (status, body) = api.get("/api/v1/metrics?metric=sentiment&by=channel").await;
    assert_eq!(status, 400, "{body}");
    for q in [
        "where=stage:Delivery",
        "where=team:north",
        "where=channel:web&where=channel:email",
        "from=yesterday",
    ] {
        let (status, body) = api
            .get(&format!("/api/v1/metrics?metric=sentiment&{q}"))
            .await;
        assert_eq!(status, 422, "{q}: {body}");
        let field = if q.starts_with("from") {
            "from"
        } else {
            "where"
        };
        assert!(
            detail_fields(&body).contains(&field.to_owned()),
            "{q}: {body}"
        );
    }
    // The other metrics are untouched.
    let (status, body) = api.get("/api/v1/metrics?metric=nps").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["metric"], "nps");
}

macro_rules! on_both_stores {
    ($($behaviour:ident),* $(,)?) => {
        pastey::paste! {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_sqlite>]() {
                    let (store, dir) = crate::helpers::fresh_sqlite().await;
                    $behaviour(store).await;
                    let _ = std::fs::remove_dir_all(dir);
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_postgres>]() {
                    let Some((store, db)) = crate::helpers::fresh_postgres().await else {
                        return;
                    };
                    $behaviour(store).await;
                    db.drop_database().await;
                }
            )*
        }
    };
}

on_both_stores!(
    comments_are_listed_with_their_analysis_filtered_and_paged,
    themes_are_made_changed_split_and_merged_and_another_workspaces_are_not_found,
    the_sentiment_metric_is_the_hand_counted_share_of_negative_comments,
);
