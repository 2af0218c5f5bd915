//! Voice of the customer as an owner meets it in the browser, over HTTP against the real
//! app: the comments explorer with its filters, search and CSV, themes made, changed, merged
//! and split from their pages, and the complaints on a touchpoint's page.

use crate::helpers::TestApp;
use crate::voc_store::{nps_survey, said, store_all};
use taith_domain::Locale;
use taith_store::SharedStore;
use tokio::time::{Duration, Instant, sleep};

/// Waits (generously) until the app's own analyser has read every queued comment.
async fn analysed(store: &SharedStore, ws: taith_domain::WorkspaceId) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while store.voc_pending_count(ws).await.unwrap() > 0 {
        assert!(
            Instant::now() < deadline,
            "comments were not analysed in 30 s"
        );
        sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn the_explorer_filters_searches_and_exports_comments_with_their_language_and_themes() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = nps_survey(&app.store, ws.id).await;
    let delivery =
        taith_app::voc::themes::create(app.store.as_ref(), ws.id, "Delivery", "delivery")
            .await
            .unwrap();
    store_all(
        &app.store,
        ws.id,
        &[
            said(
                survey,
                2,
                Locale::En,
                "The delivery was late and the driver was rude",
            ),
            said(
                survey,
                10,
                Locale::Cy,
                "Bara gorau Caerdydd, diolch yn fawr iawn",
            ),
            said(survey, 3, Locale::Ar, "التوصيل كان متأخرا جدا"),
            said(
                survey,
                9,
                Locale::En,
                "=HYPERLINK(\"http://x\") lovely bread",
            ),
        ],
    )
    .await;
    analysed(&app.store, ws.id).await;
    let owner = app.signed_in("owner@becws.example").await;

    let all = owner.get("/w/becws/comments?lang=en").await;
    assert_eq!(all.status, 200);
    let text = all.text();
    assert!(text.contains("4 comments"), "{text}");
    for c in [
        "driver was rude",
        "Bara gorau Caerdydd",
        "التوصيل كان متأخرا جدا",
    ] {
        assert!(text.contains(c), "{c} missing");
    }
    assert!(
        text.contains("Cymraeg") && text.contains("العربية"),
        "languages named"
    );

    // By theme: only the English delivery comment mentions "delivery" in English words.
    let by_theme = owner
        .get(&format!("/w/becws/comments?lang=en&theme={}", delivery.id))
        .await
        .text();
    assert!(by_theme.contains("driver was rude"));
    assert!(!by_theme.contains("Bara gorau"));
    // By language, and searched in any case.
    let welsh = owner
        .get("/w/becws/comments?lang=en&language=cy")
        .await
        .text();
    assert!(welsh.contains("Bara gorau") && !welsh.contains("driver was rude"));
    let searched = owner
        .get("/w/becws/comments?lang=en&q=CAERDYDD")
        .await
        .text();
    assert!(searched.contains("Bara gorau") && !searched.contains("driver was rude"));

    // A filter that does not read: said so, in the reader's language, with a 400.
    let bad = owner.get("/w/becws/comments?lang=cy&sentiment=angry").await;
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("role=\"alert\""));

    // The CSV: every comment, formula cells defanged.
    let csv = owner.get("/w/becws/comments.csv").await;
    assert_eq!(csv.status, 200);
    assert!(csv.content_type.starts_with("text/csv"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines.len(), 5, "{}", csv.body);
    assert!(lines[0].starts_with("submitted_at,response_id,survey,score"));
    assert!(csv.body.contains("'=HYPERLINK"), "{}", csv.body);
    assert!(
        csv.body.contains(",Delivery,"),
        "the delivery comment's theme: {}",
        csv.body
    );
}

#[tokio::test]
async fn themes_are_made_renamed_merged_and_split_from_their_pages() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = nps_survey(&app.store, ws.id).await;
    store_all(
        &app.store,
        ws.id,
        &[
            said(survey, 2, Locale::En, "The price is far too high"),
            said(survey, 3, Locale::En, "Too expensive for a small loaf"),
            said(survey, 9, Locale::En, "Lovely bread"),
        ],
    )
    .await;
    let owner = app.signed_in("owner@becws.example").await;
    let page = owner.get("/w/becws/themes?lang=en").await;
    assert_eq!(page.status, 200);
    // A theme without phrases: the field says so.
    let refused = owner
        .submit(
            "/w/becws/themes?lang=en",
            "/w/becws/themes",
            &[("name", "Price"), ("phrases", " , ")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("Please fill this in."));
    let made = owner
        .submit(
            "/w/becws/themes?lang=en",
            "/w/becws/themes",
            &[("name", "Price"), ("phrases", "price, expensive")],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let theme_path = made.location.clone().unwrap();
    let other = owner
        .submit(
            "/w/becws/themes?lang=en",
            "/w/becws/themes",
            &[("name", "Bread"), ("phrases", "bread, loaf")],
        )
        .await;
    assert_eq!(other.status, 303);
    analysed(&app.store, ws.id).await;

    let shown = owner.get(&format!("{theme_path}?lang=en")).await;
    assert_eq!(shown.status, 200);
    let text = shown.text();
    assert!(
        text.contains("Price") && text.contains("far too high"),
        "{text}"
    );
    assert!(
        text.contains("Costs") || text.contains("not a clear difference"),
        "an impact: {text}"
    );

    // Renamed to a taken name: the field says so; renamed and pinned: kept.
    let taken = owner
        .submit(
            &theme_path,
            &theme_path,
            &[("name", "Bread"), ("phrases", "price, expensive")],
        )
        .await;
    assert_eq!(taken.status, 422);
    assert!(taken.text().contains("taken"), "{}", taken.text());
    let renamed = owner
        .submit(
            &theme_path,
            &theme_path,
            &[
                ("name", "Prices"),
                ("phrases", "price, expensive"),
                ("pinned", "1"),
            ],
        )
        .await;
    assert_eq!(renamed.status, 303);
    let list = owner.get("/w/becws/themes?lang=en").await.text();
    assert!(list.contains("Prices") && list.contains("Pinned"));

    // Split "expensive" off, then merge it back.
    let split = owner
        .submit(
            &theme_path,
            &format!("{theme_path}/split"),
            &[("phrase", "expensive"), ("split_name", "Value")],
        )
        .await;
    assert_eq!(split.status, 303, "{}", split.body);
    let value_path = split.location.unwrap();
    let value = owner.get(&format!("{value_path}?lang=en")).await.text();
    assert!(value.contains("Value") && value.contains("expensive"));
    let theme_id = theme_path.rsplit('/').next().unwrap().to_owned();
    let merged = owner
        .submit(
            &value_path,
            &format!("{value_path}/merge"),
            &[("into", theme_id.as_str())],
        )
        .await;
    assert_eq!(merged.status, 303);
    assert_eq!(owner.get(&value_path).await.status, 404);

    // A viewer reads the themes but not the comments.
    app.member(&ws, "viewer@becws.example", taith_domain::Role::Viewer)
        .await;
    let viewer = app.signed_in("viewer@becws.example").await;
    assert_eq!(viewer.get("/w/becws/themes").await.status, 200);
    assert_eq!(viewer.get("/w/becws/comments").await.status, 403);
    let theme_for_viewer = viewer.get(&format!("{theme_path}?lang=en")).await.text();
    assert!(!theme_for_viewer.contains("far too high"));
}
