//! Voice of the customer below the web: the analysis queue, themes, impact and the learned
//! models, on SQLite and (with `TAITH_TEST_POSTGRES_URL`) PostgreSQL, driven through the
//! application layer's use-cases.

use std::collections::BTreeMap;
use taith_app::voc::{Voc, comments, learning, themes};
use taith_domain::survey::{Answer, AnswerValue};
use taith_domain::{
    Channel, Locale, LongText, Name, NewResponse, Period, Preset, ResponseId, Slug, SurveyId,
    WorkspaceId,
};
use taith_metrics::{Histogram, Metric, MetricValue, difference};
use taith_store::{NewUser, ResponseToStore, SharedStore, StoreError, StoredModel};
use taith_text::Lang;
use time::Duration;

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
    every_written_response_is_analysed_and_written_again_is_analysed_again,
    theme_impact_equals_a_hand_worked_nps_difference,
    a_theme_can_be_renamed_merged_split_and_hidden,
    a_model_learns_from_scored_comments_and_a_corrupt_one_is_rebuilt,
    two_nodes_saving_a_model_at_once_cannot_both_win,
    another_workspaces_comments_and_themes_are_out_of_reach,
    hostile_comments_get_an_honest_language_and_sentiment,
);

pub(crate) async fn workspace(store: &SharedStore, slug: &str) -> WorkspaceId {
    store
        .create_workspace(
            &Slug::parse(slug).unwrap(),
            &Name::parse(slug).unwrap(),
            NewUser {
                email: taith_domain::Email::parse(&format!("owner@{slug}.test")).unwrap(),
                name: Name::parse("Owner").unwrap(),
                password_hash: "$argon2id$fake".into(),
            },
        )
        .await
        .unwrap()
        .0
        .id
}

pub(crate) async fn nps_survey(store: &SharedStore, ws: WorkspaceId) -> SurveyId {
    let fields = taith_domain::SurveyFields {
        name: Name::parse("After delivery").unwrap(),
        kind: taith_domain::SurveyKind::Nps,
        scale: taith_domain::SurveyKind::Nps.default_scale(),
        default_locale: Locale::En,
        question: taith_domain::survey::LocalizedText(
            [(
                Locale::En,
                "How likely are you to recommend us?".to_string(),
            )]
            .into(),
        ),
        thank_you: taith_domain::survey::LocalizedText(
            [(Locale::En, "Thank you".to_string())].into(),
        ),
        follow_ups: Vec::new(),
        touchpoint_id: None,
        status: taith_domain::SurveyStatus::Live,
        anonymous: false,
        throttle_days: 0,
    };
    store
        .create_survey(ws, &fields, &format!("pub-{}", SurveyId::new().0.simple()))
        .await
        .unwrap()
        .id
}

pub(crate) fn said(survey: SurveyId, score: i16, locale: Locale, comment: &str) -> NewResponse {
    NewResponse {
        id: ResponseId::new(),
        survey_id: survey,
        score,
        answers: Vec::new(),
        comment: LongText::parse(comment).unwrap(),
        touchpoint_id: None,
        channel: Channel::Web,
        locale,
        customer_id: None,
        attributes: BTreeMap::new(),
        submitted_at: taith_domain::now() - Duration::hours(1),
        client_key: None,
    }
}

pub(crate) async fn store_all(store: &SharedStore, ws: WorkspaceId, rs: &[NewResponse]) {
    let batch: Vec<ResponseToStore> = rs
        .iter()
        .map(|r| ResponseToStore {
            workspace_id: ws,
            response: r.clone(),
            customer: None,
        })
        .collect();
    store.insert_responses(&batch).await.unwrap();
}

/// Runs the analyser until the queue is empty.
pub(crate) async fn analyse_all(voc: &Voc, store: &SharedStore) {
    while voc.analyse_pending(store.as_ref()).await.unwrap() > 0 {}
}

fn last_90_days() -> Period {
    Period::preset(Preset::Days90, taith_domain::now().date())
}

async fn all_comments(store: &SharedStore, ws: WorkspaceId) -> Vec<comments::CommentItem> {
    comments::explore(
        store.as_ref(),
        ws,
        &comments::CommentFilter::new(last_90_days()),
        None,
        200,
    )
    .await
    .unwrap()
    .items
}

async fn every_written_response_is_analysed_and_written_again_is_analysed_again(
    store: SharedStore,
) {
    let ws = workspace(&store, "queue").await;
    let survey = nps_survey(&store, ws).await;
    let voc = Voc::default();
    let silent = said(survey, 9, Locale::En, "");
    let arabic = said(survey, 3, Locale::Ar, "التوصيل كان متأخرا جدا");
    let welsh = said(survey, 10, Locale::Cy, "");
    store_all(&store, ws, &[silent.clone(), arabic.clone(), welsh.clone()]).await;
    assert_eq!(
        store.voc_pending_count(ws).await.unwrap(),
        1,
        "only what was written"
    );
    analyse_all(&voc, &store).await;
    assert_eq!(store.voc_pending_count(ws).await.unwrap(), 0);
    let found = all_comments(&store, ws).await;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].comment.response.id, arabic.id);
    assert_eq!(found[0].comment.analysis.language, Lang::Ar);

    // A comment added later (the follow-up page) is queued and analysed then.
    let follow_up = Answer {
        follow_up_id: taith_domain::FollowUpId::new(),
        value: AnswerValue::Text("Gwasanaeth gwych, diolch yn fawr iawn".into()),
    };
    store
        .add_answers(ws, welsh.id, &[follow_up], &LongText::empty())
        .await
        .unwrap();
    assert_eq!(store.voc_pending_count(ws).await.unwrap(), 1);
    analyse_all(&voc, &store).await;
    let found = all_comments(&store, ws).await;
    assert_eq!(found.len(), 2);
    let w = found
        .iter()
        .find(|c| c.comment.response.id == welsh.id)
        .unwrap();
    assert_eq!(w.comment.analysis.language, Lang::Cy);

    // Searched in any case; a deleted response takes its analysis with it.
    let mut filter = comments::CommentFilter::new(last_90_days());
    filter.search = Some("GWYCH".into());
    let hits = comments::explore(store.as_ref(), ws, &filter, None, 10)
        .await
        .unwrap();
    assert_eq!(hits.items.len(), 1);
    store.delete_response(ws, welsh.id).await.unwrap();
    assert_eq!(all_comments(&store, ws).await.len(), 1);
}

async fn theme_impact_equals_a_hand_worked_nps_difference(store: SharedStore) {
    let ws = workspace(&store, "impact").await;
    let survey = nps_survey(&store, ws).await;
    let voc = Voc::default();
    let delivery = themes::create(store.as_ref(), ws, "Delivery", "delivery")
        .await
        .unwrap();
    // Mentioning delivery: 9, 3, 2 → 1 promoter, 2 detractors of 3: NPS −33.3.
    // The rest: 10, 9, 8, 4 with comments and 10, 10 without → 4 promoters, 1 passive,
    // 1 detractor of 6: NPS 50.
    let rs = vec![
        said(survey, 9, Locale::En, "Quick delivery, lovely bread"),
        said(survey, 3, Locale::En, "The delivery came two days late"),
        said(survey, 2, Locale::En, "Delivery driver was rude"),
        said(survey, 10, Locale::En, "Lovely staff and fresh bread"),
        said(survey, 9, Locale::En, "Great coffee"),
        said(survey, 8, Locale::En, "Fine, a bit pricey"),
        said(survey, 4, Locale::En, "Queue was far too long"),
        said(survey, 10, Locale::En, ""),
        said(survey, 10, Locale::En, ""),
    ];
    store_all(&store, ws, &rs).await;
    analyse_all(&voc, &store).await;

    let report = themes::report(
        store.as_ref(),
        ws,
        &comments::CountFilter::new(last_90_days()),
        false,
    )
    .await
    .unwrap();
    assert_eq!(report.comments, 7);
    let f = report
        .figures
        .iter()
        .find(|f| f.theme.id == delivery.id)
        .unwrap();
    assert_eq!(f.mentions, 3);
    assert!((f.share - 3.0 / 7.0).abs() < 1e-9);
    let impact = f.impact.unwrap();
    assert_eq!(impact.metric, Metric::Nps);
    let with = MetricValue::of(
        Metric::Nps,
        impact.scale,
        &Histogram::from_scores([9, 3, 2]),
    );
    let without = MetricValue::of(
        Metric::Nps,
        impact.scale,
        &Histogram::from_scores([10, 9, 8, 4, 10, 10]),
    );
    assert!((with.value.unwrap() - (-100.0 / 3.0)).abs() < 1e-9);
    assert!((without.value.unwrap() - 50.0).abs() < 1e-9);
    let d = impact.difference.unwrap();
    let expected = difference(&with, &without).unwrap();
    assert!((d.delta - (-100.0 / 3.0 - 50.0)).abs() < 1e-9, "{d:?}");
    let var = |pp: f64, pd: f64, n: f64| 10_000.0 * (pp + pd - (pp - pd).powi(2)) / n;
    let margin = 1.96 * (var(1.0 / 3.0, 2.0 / 3.0, 3.0) + var(4.0 / 6.0, 1.0 / 6.0, 6.0)).sqrt();
    assert!((d.margin - margin).abs() < 1e-9);
    assert_eq!(d, expected);
}

async fn a_theme_can_be_renamed_merged_split_and_hidden(store: SharedStore) {
    let ws = workspace(&store, "edits").await;
    let survey = nps_survey(&store, ws).await;
    let voc = Voc::default();
    store_all(
        &store,
        ws,
        &[
            said(survey, 3, Locale::En, "The price is too high"),
            said(survey, 4, Locale::En, "Too expensive for what it is"),
            said(survey, 9, Locale::En, "Friendly staff"),
        ],
    )
    .await;
    let price = themes::create(store.as_ref(), ws, "Price", "price")
        .await
        .unwrap();
    let cost = themes::create(store.as_ref(), ws, "Cost", "expensive")
        .await
        .unwrap();
    // A second theme of the same name is a field error.
    let taken = themes::create(store.as_ref(), ws, "Price", "cost").await;
    assert!(
        matches!(taken, Err(themes::ThemeEditError::Invalid(ref e)) if e.issue_for("name") == Some(taith_domain::Issue::Taken)),
        "{taken:?}"
    );
    analyse_all(&voc, &store).await;
    let merged = themes::merge(store.as_ref(), ws, cost.id, price.id)
        .await
        .unwrap();
    assert!(merged.fields.phrases.contains(&"expensive".to_string()));
    assert!(matches!(
        store.theme(ws, cost.id).await,
        Err(StoreError::NotFound)
    ));
    analyse_all(&voc, &store).await;
    let mut filter = comments::CommentFilter::new(last_90_days());
    filter.theme = Some(price.id);
    let price_comments = comments::explore(store.as_ref(), ws, &filter, None, 10)
        .await
        .unwrap();
    assert_eq!(price_comments.items.len(), 2, "both now mention Price");

    let (kept, split_off) = themes::split(
        store.as_ref(),
        ws,
        price.id,
        "Value for money",
        &["expensive".to_string()],
    )
    .await
    .unwrap();
    assert!(!kept.fields.phrases.contains(&"expensive".to_string()));
    assert_eq!(split_off.fields.phrases, vec!["expensive".to_string()]);
    let renamed = themes::change(
        store.as_ref(),
        ws,
        price.id,
        &themes::ThemeChange {
            name: Some("Prices".into()),
            pinned: Some(true),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(renamed.fields.name.as_str(), "Prices");
    assert!(renamed.fields.pinned);
    themes::change(
        store.as_ref(),
        ws,
        split_off.id,
        &themes::ThemeChange {
            hidden: Some(true),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    analyse_all(&voc, &store).await;
    let report = themes::report(
        store.as_ref(),
        ws,
        &comments::CountFilter::new(last_90_days()),
        false,
    )
    .await
    .unwrap();
    let names: Vec<&str> = report
        .figures
        .iter()
        .map(|f| f.theme.fields.name.as_str())
        .collect();
    assert_eq!(names, vec!["Prices"], "pinned first, hidden left out");
    // Discovery does not bring the hidden theme's phrase back as a new theme.
    learning::discover_themes(store.as_ref(), ws).await.unwrap();
    let all = store.themes(ws).await.unwrap();
    assert_eq!(
        all.iter()
            .filter(|t| t.fields.phrases.contains(&"expensive".to_string()))
            .count(),
        1
    );
}

async fn a_model_learns_from_scored_comments_and_a_corrupt_one_is_rebuilt(store: SharedStore) {
    let ws = workspace(&store, "learns").await;
    let survey = nps_survey(&store, ws).await;
    let voc = Voc::default();
    let mut rs = Vec::new();
    for i in 0..30 {
        rs.push(said(
            survey,
            10,
            Locale::Ms,
            &format!("Perkhidmatan sangat bagus dan pantas {i}"),
        ));
        rs.push(said(
            survey,
            1,
            Locale::Ms,
            &format!("Penghantaran lambat dan teruk sekali {i}"),
        ));
    }
    store_all(&store, ws, &rs).await;
    analyse_all(&voc, &store).await;
    let learned = voc.learn(store.as_ref(), ws).await.unwrap();
    let ms = learned.models.iter().find(|(l, _)| *l == Lang::Ms).copied();
    assert_eq!(ms, Some((Lang::Ms, 60)), "{learned:?}");
    let stored = store.sentiment_model(ws, Lang::Ms).await.unwrap().unwrap();
    assert_eq!(stored.trained_on, 60);
    assert_eq!(stored.version, 1);
    // Nothing new: nothing learned.
    assert!(
        voc.learn(store.as_ref(), ws)
            .await
            .unwrap()
            .models
            .is_empty()
    );
    analyse_all(&voc, &store).await;
    let status = comments::learning_status(store.as_ref(), ws).await.unwrap();
    let s = status
        .languages
        .iter()
        .find(|s| s.language == Lang::Ms)
        .unwrap();
    assert_eq!((s.comments, s.learned_from), (60, 60));

    // A corrupt stored model: scoring goes on with the base model, and learning rebuilds it.
    let corrupt = StoredModel {
        bytes: b"not a model".to_vec(),
        version: stored.version + 1,
        ..stored.clone()
    };
    assert!(
        store
            .save_sentiment_model(ws, &corrupt, Some(stored.version))
            .await
            .unwrap()
    );
    store.requeue_comments(ws, None).await.unwrap();
    analyse_all(&voc, &store).await;
    voc.learn(store.as_ref(), ws).await.unwrap();
    let rebuilt = store.sentiment_model(ws, Lang::Ms).await.unwrap().unwrap();
    assert!(taith_text::Model::from_bytes(Lang::Ms, &rebuilt.bytes).is_ok());
    assert_eq!(rebuilt.trained_on, 60);
    let share = comments::sentiment_share(
        store.as_ref(),
        ws,
        &comments::CountFilter::new(last_90_days()),
    )
    .await
    .unwrap();
    assert_eq!(share.split.scored() + share.split.unknown, 60);
}

async fn two_nodes_saving_a_model_at_once_cannot_both_win(store: SharedStore) {
    let ws = workspace(&store, "race").await;
    let model = StoredModel {
        language: Lang::Sw,
        bytes: taith_text::Model::base(Lang::Sw).to_bytes(),
        trained_on: 5,
        trained_through: None,
        version: 1,
        updated_at: taith_domain::now(),
    };
    let (a, b) = tokio::join!(
        store.save_sentiment_model(ws, &model, None),
        store.save_sentiment_model(ws, &model, None)
    );
    assert_eq!([a.unwrap(), b.unwrap()].iter().filter(|w| **w).count(), 1);
    let next = StoredModel {
        version: 2,
        ..model.clone()
    };
    let (a, b) = tokio::join!(
        store.save_sentiment_model(ws, &next, Some(1)),
        store.save_sentiment_model(ws, &next, Some(1))
    );
    assert_eq!([a.unwrap(), b.unwrap()].iter().filter(|w| **w).count(), 1);
    assert!(
        !store
            .save_sentiment_model(ws, &next, Some(1))
            .await
            .unwrap()
    );
}

async fn another_workspaces_comments_and_themes_are_out_of_reach(store: SharedStore) {
    let a = workspace(&store, "tenant-a").await;
    let b = workspace(&store, "tenant-b").await;
    let survey = nps_survey(&store, a).await;
    let voc = Voc::default();
    store_all(&store, a, &[said(survey, 2, Locale::En, "Slow delivery")]).await;
    let theme = themes::create(store.as_ref(), a, "Delivery", "delivery")
        .await
        .unwrap();
    analyse_all(&voc, &store).await;
    assert!(all_comments(&store, b).await.is_empty());
    assert!(matches!(
        store.theme(b, theme.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        themes::change(store.as_ref(), b, theme.id, &themes::ThemeChange::default()).await,
        Err(themes::ThemeEditError::Store(StoreError::NotFound))
    ));
    assert!(matches!(
        store.delete_theme(b, theme.id).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(store.theme(a, theme.id).await.unwrap().id, theme.id);
}

async fn hostile_comments_get_an_honest_language_and_sentiment(store: SharedStore) {
    let ws = workspace(&store, "hostile").await;
    let survey = nps_survey(&store, ws).await;
    let voc = Voc::default();
    let emoji = "😡".repeat(5_000);
    let controls = "\u{202E}\u{200B}\u{2066}!!!\u{2069}\u{FEFF}";
    let hostile = [
        said(survey, 1, Locale::En, &emoji),
        said(survey, 2, Locale::Cy, "?!... --- ;;; ()"),
        said(survey, 3, Locale::Vi, controls),
        said(
            survey,
            4,
            Locale::En,
            "<script>alert(1)</script><b>bad</b> service",
        ),
        said(survey, 5, Locale::Ar, "Very bad خدمة سيئة جدا dịch vụ tệ"),
    ];
    store_all(&store, ws, &hostile).await;
    analyse_all(&voc, &store).await;
    let found = all_comments(&store, ws).await;
    assert_eq!(found.len(), hostile.len(), "every one analysed, none lost");
    let of = |i: usize| {
        &found
            .iter()
            .find(|c| c.comment.response.id == hostile[i].id)
            .unwrap()
            .comment
            .analysis
    };
    // No letters: no language can be told and no sentiment said.
    for i in [0, 1, 2] {
        assert_eq!(of(i).language, Lang::Other, "{i}");
        assert_eq!(of(i).sentiment, None, "{i}");
    }
    // Markup is kept as text (it is shown escaped everywhere: the XSS sweep); mixed scripts
    // still get a language of ours.
    assert!(of(3).search_text.contains("<script>alert(1)</script>"));
    assert_ne!(of(4).language, Lang::Other);
    assert!(!of(2).search_text.contains('\u{202E}'));
}
