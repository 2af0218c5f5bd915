//! The journey editor never loses work: each save without script returns to its card with a
//! notice, a save from the editor's script answers JSON with field errors in the reader's
//! language, deletions are undone (keeping what was saved since, and the surveys' links), a
//! deleted journey comes back with its history, an old version is restored from the history
//! page — over HTTP without a browser, on both stores, and in headless Chromium (two cards
//! edited, one saved: the other's edit stays, unsaved, and leaving warns). The map's scroll
//! region, its print layout and the SVG export's persona and live figures are checked too.

use crate::helpers::{Browser, PASSWORD, TestApp};
use crate::webdriver::{self, WebDriver};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::time::{Duration, Instant};
use taith_app::journeys::UndoFailed;
use taith_domain::survey::LocalizedText;
use taith_domain::{
    Change, Channel, Issue, Journey, JourneyFields, JourneyId, Locale, Name, StageId, StageModel,
    SurveyFields, SurveyKind, SurveyStatus, TouchpointFields, TouchpointId, User, Workspace,
};
use taith_store::{Author, PageRequest, SharedStore, StoreError};

// --- set-up -------------------------------------------------------------------------------------

/// A journey with five stages and three touchpoints (web shop, phone line, counter) in the
/// second stage, in workspace `alpha`, its owner signed in.
struct Fixture {
    app: TestApp,
    ws: Workspace,
    owner: User,
    b: Browser,
    id: JourneyId,
    stage: StageId,
    web: TouchpointId,
    phone: TouchpointId,
    counter: TouchpointId,
}

impl Fixture {
    fn base(&self) -> String {
        format!("/w/alpha/journeys/{}", self.id)
    }

    fn edit(&self) -> String {
        format!("{}/edit", self.base())
    }

    async fn journey(&self) -> Journey {
        self.app.store.journey(self.ws.id, self.id).await.unwrap()
    }

    fn author(&self) -> Author {
        Author {
            user_id: Some(self.owner.id),
            name: self.owner.name.to_string(),
        }
    }
}

fn touchpoint(name: &str, channel: Channel) -> TouchpointFields {
    TouchpointFields {
        name: Name::parse(name).unwrap(),
        channel,
        owner: None,
        description: Default::default(),
        moment_of_truth: false,
    }
}

fn draft() -> (Journey, StageId, [TouchpointId; 3]) {
    let mut j = Journey::new(
        JourneyFields {
            name: Name::parse("Buying bread").unwrap(),
            description: Default::default(),
            persona_id: None,
        },
        StageModel::FiveStage,
        |k| Name::parse(k).unwrap(),
        taith_domain::now(),
    );
    let stage = j.stages[1].id;
    let web = j
        .add_touchpoint(stage, touchpoint("Web shop", Channel::Web))
        .unwrap();
    let phone = j
        .add_touchpoint(stage, touchpoint("Phone line", Channel::Phone))
        .unwrap();
    let counter = j
        .add_touchpoint(stage, touchpoint("Counter", Channel::InStore))
        .unwrap();
    (j, stage, [web, phone, counter])
}

async fn fixture_on(app: TestApp) -> Fixture {
    let (ws, owner) = app.workspace("alpha", "owner@alpha.example").await;
    let (j, stage, [web, phone, counter]) = draft();
    let author = Author {
        user_id: Some(owner.id),
        name: owner.name.to_string(),
    };
    let saved = app
        .store
        .create_journey(ws.id, &j, &author, &[Change::Created])
        .await
        .unwrap();
    let b = app.signed_in("owner@alpha.example").await;
    Fixture {
        app,
        ws,
        owner,
        b,
        id: saved.id,
        stage,
        web,
        phone,
        counter,
    }
}

async fn fixture() -> Fixture {
    fixture_on(TestApp::on_sqlite().await).await
}

/// A live NPS survey about touchpoint `tp`, made in the store.
async fn survey_about(
    store: &SharedStore,
    ws: &Workspace,
    tp: TouchpointId,
    name: &str,
) -> taith_domain::Survey {
    let text = |s: &str| LocalizedText([(Locale::En, s.to_owned())].into());
    let fields = SurveyFields {
        name: Name::parse(name).unwrap(),
        kind: SurveyKind::Nps,
        scale: SurveyKind::Nps.default_scale(),
        default_locale: Locale::En,
        question: text("How likely are you to recommend us?"),
        thank_you: text("Thank you"),
        follow_ups: Vec::new(),
        touchpoint_id: Some(tp),
        status: SurveyStatus::Live,
        anonymous: false,
        throttle_days: 30,
    }
    .validate()
    .unwrap();
    let public_id = taith_app::account::secrets::random_secret()[..16].to_owned();
    store
        .create_survey(ws.id, &fields, &public_id)
        .await
        .unwrap()
}

async fn link_of(
    store: &SharedStore,
    ws: &Workspace,
    s: &taith_domain::Survey,
) -> Option<TouchpointId> {
    store
        .survey(ws.id, s.id)
        .await
        .unwrap()
        .fields
        .touchpoint_id
}

fn tp_fields<'a>(stage: &'a str, name: &'a str, channel: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("stage_id", stage), ("name", name), ("channel", channel)]
}

// --- without script -----------------------------------------------------------------------------

/// A form's address, its fields, and what its notice says was saved.
type Case<'a> = (String, Vec<(&'a str, &'a str)>, &'a str);

#[tokio::test]
async fn each_save_without_script_returns_to_its_card_with_a_notice_in_the_users_language() {
    let f = fixture().await;
    let (base, edit) = (f.base(), f.edit());
    let stage = f.stage.to_string();

    let cases: Vec<Case> = vec![
        (
            format!("{base}/touchpoints/{}", f.web),
            tp_fields(&stage, "Web shop, new", "web"),
            "touchpoint",
        ),
        (
            format!("{base}/stages/{stage}"),
            vec![("name", "Consideration"), ("pain_points", "Slow site")],
            "stage",
        ),
        (
            base.clone(),
            vec![("name", "Buying bread online")],
            "details",
        ),
        (
            format!("{base}/stages/{stage}/move"),
            vec![("direction", "later")],
            "moved",
        ),
    ];
    for (action, fields, what) in cases {
        let saved = f.b.submit(&edit, &action, &fields).await;
        assert_eq!(saved.status, 303, "{what}: {}", saved.body);
        let to = saved.location.unwrap();
        let anchor = match what {
            "touchpoint" => format!("touchpoint-{}", f.web),
            "details" => "details".to_owned(),
            _ => format!("stage-{stage}"),
        };
        assert_eq!(to, format!("{edit}?saved={what}#{anchor}"), "{what}");
        let page = f.b.get(to.split('#').next().unwrap()).await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains(&format!("id=\"{anchor}\"")),
            "{what}: the card it returns to"
        );
        assert!(page.body.contains("id=\"editor-notice\""), "{what}");
    }
    let j = f.journey().await;
    assert_eq!(j.version, 5, "four saves");
    assert_eq!(j.fields.name.as_str(), "Buying bread online");
    assert_eq!(j.stages[2].id, f.stage, "moved one place later");
    assert_eq!(
        j.touchpoint(f.web).unwrap().fields.name.as_str(),
        "Web shop, new"
    );

    // Added things: back to the new card.
    let added =
        f.b.submit(&edit, &format!("{base}/stages"), &[("name", "Aftercare")])
            .await;
    let j = f.journey().await;
    let new_stage = j.stages.last().unwrap().id;
    assert_eq!(
        added.location.as_deref(),
        Some(format!("{edit}?saved=stage-added#stage-{new_stage}").as_str())
    );
    let new_stage = new_stage.to_string();
    let added =
        f.b.submit(
            &edit,
            &format!("{base}/touchpoints"),
            &tp_fields(&new_stage, "Follow-up call", "phone"),
        )
        .await;
    let j = f.journey().await;
    let new_tp = j.touchpoints.last().unwrap().id;
    assert_eq!(
        added.location.as_deref(),
        Some(format!("{edit}?saved=touchpoint-added#touchpoint-{new_tp}").as_str())
    );

    // The notice is in the reader's language.
    let en = f.b.get(&format!("{edit}?saved=touchpoint-added")).await;
    assert!(en.text().contains("Touchpoint added."), "{}", en.body);
    let cy = f.b.get(&format!("{edit}?saved=touchpoint&lang=cy")).await;
    assert!(cy.text().contains("Pwynt cyswllt wedi'i gadw."));
    let ar = f.b.get(&format!("{edit}?saved=stage&lang=ar")).await;
    assert!(ar.text().contains("تم حفظ المرحلة."));
    // An unknown word says nothing.
    let none = f.b.get(&format!("{edit}?saved=%3Cb%3E&lang=en")).await;
    assert_eq!(none.status, 200);
    assert!(!none.body.contains("id=\"editor-notice\""));
}

#[tokio::test]
async fn a_save_from_the_editors_script_answers_json_with_field_errors_in_the_users_language() {
    let f = fixture().await;
    let base = f.base();
    let csrf = f.b.get(&f.edit()).await.csrf();
    let stage = f.stage.to_string();
    let post = |path: String, fields: Vec<(&'static str, String)>| {
        let csrf = csrf.clone();
        let b = &f.b;
        async move {
            let mut form: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
            form.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
            let page = b
                .send_with(
                    reqwest::Method::POST,
                    &path,
                    &[("accept", "application/json")],
                    Some(&form),
                )
                .await;
            let body: Value = serde_json::from_str(&page.body)
                .unwrap_or_else(|_| panic!("not JSON ({}): {}", page.status, page.body));
            (page.status, body)
        }
    };
    let (status, body) = post(
        format!("{base}/touchpoints/{}", f.phone),
        vec![
            ("stage_id", stage.clone()),
            ("name", "Phone line, mornings".into()),
            ("channel", "phone".into()),
            ("owner_team", "Shop".into()),
            ("moment_of_truth", "on".into()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["ok"], true);
    assert_eq!(body["message"], "Touchpoint saved.");
    assert_eq!(body["version"], 2);
    assert_eq!(
        body["card"],
        json!({ "name": "Phone line, mornings", "channel": "Phone", "owner": "Shop", "moment_of_truth": true })
    );
    // Only that touchpoint changed.
    let j = f.journey().await;
    let names: Vec<&str> = j
        .touchpoints
        .iter()
        .map(|t| t.fields.name.as_str())
        .collect();
    assert_eq!(names, ["Web shop", "Phone line, mornings", "Counter"]);

    // In Welsh, a name left empty and a channel that does not exist: each field's own message.
    f.b.get(&format!("{}?lang=cy", f.edit())).await;
    let (status, body) = post(
        format!("{base}/touchpoints/{}", f.web),
        vec![
            ("stage_id", stage.clone()),
            ("name", " ".into()),
            ("channel", "carrier-pigeon".into()),
        ],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let cy = taith_i18n::Tr::new(Locale::Cy);
    assert_eq!(body["ok"], false);
    assert_eq!(body["message"], cy.t("editor-status-invalid"));
    let errors = body["errors"].as_array().unwrap();
    let message = |field: &str| {
        errors
            .iter()
            .find(|e| e["field"] == field)
            .map(|e| e["message"].as_str().unwrap().to_owned())
    };
    assert_eq!(message("name"), Some(cy.issue(Issue::Required)));
    assert!(message("channel").is_some(), "{body}");
    assert_eq!(f.journey().await.version, 2, "nothing saved");

    // Stage notes and the journey's details too.
    let (status, body) = post(
        format!("{base}/stages/{stage}"),
        vec![("name", "Ystyried".into()), ("emotion", "-1".into())],
    )
    .await;
    assert_eq!((status, &body["card"]["name"]), (200, &json!("Ystyried")));
    assert_eq!(body["message"], cy.t("editor-saved-stage"));
    let (status, body) = post(base.clone(), vec![("name", "".into())]).await;
    assert_eq!(status, 422);
    assert_eq!(message_of(&body, "name"), Some(cy.issue(Issue::Required)));
}

fn message_of(body: &Value, field: &str) -> Option<String> {
    body["errors"]
        .as_array()?
        .iter()
        .find(|e| e["field"] == field)
        .map(|e| e["message"].as_str().unwrap_or_default().to_owned())
}

#[tokio::test]
async fn a_deleted_touchpoint_or_stage_comes_back_with_undo_keeping_what_was_saved_since() {
    let f = fixture().await;
    let (base, edit) = (f.base(), f.edit());
    let store = &f.app.store;
    let survey = survey_about(store, &f.ws, f.phone, "Phone NPS").await;

    let deleted =
        f.b.submit(
            &edit,
            &format!("{base}/touchpoints/{}/delete", f.phone),
            &[],
        )
        .await;
    assert_eq!(deleted.status, 303);
    assert_eq!(
        deleted.location.as_deref(),
        Some(format!("{edit}?deleted=2#editor-notice").as_str())
    );
    assert!(f.journey().await.touchpoint(f.phone).is_none());
    assert_eq!(link_of(store, &f.ws, &survey).await, None);
    let notice = f.b.get(&format!("{edit}?deleted=2")).await;
    let text = notice.text();
    assert!(text.contains("Removed touchpoint “Phone line”"), "{text}");
    assert!(text.contains("You can undo this for 10 minutes."), "{text}");
    assert!(
        notice
            .body
            .contains(&format!("action=\"{base}/revisions/2/undo\""))
    );

    // Saved since: the counter renamed.
    let stage = f.stage.to_string();
    f.b.submit(
        &edit,
        &format!("{base}/touchpoints/{}", f.counter),
        &tp_fields(&stage, "Shop counter", "in-store"),
    )
    .await;
    let undone =
        f.b.submit(
            &format!("{edit}?deleted=2"),
            &format!("{base}/revisions/2/undo"),
            &[],
        )
        .await;
    assert_eq!(
        undone.location.as_deref(),
        Some(format!("{edit}?undo=done#touchpoint-{}", f.phone).as_str())
    );
    let j = f.journey().await;
    let order: Vec<(TouchpointId, &str)> = j
        .touchpoints
        .iter()
        .map(|t| (t.id, t.fields.name.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            (f.web, "Web shop"),
            (f.phone, "Phone line"),
            (f.counter, "Shop counter")
        ],
        "back where it was, the later rename kept"
    );
    assert_eq!(j.version, 4);
    assert_eq!(
        link_of(store, &f.ws, &survey).await,
        Some(f.phone),
        "its survey is linked again"
    );
    let page = f.b.get(&format!("{edit}?undo=done")).await;
    assert!(page.text().contains("Put back where it was"));

    // Twice is nothing; a version that deleted nothing is nothing.
    for v in [2, 1] {
        let again =
            f.b.submit(&edit, &format!("{base}/revisions/{v}/undo"), &[])
                .await;
        assert_eq!(
            again.location.as_deref(),
            Some(format!("{edit}?undo=nothing#editor-notice").as_str())
        );
    }
    assert_eq!(f.journey().await.version, 4);
    assert!(
        f.b.get(&format!("{edit}?undo=nothing"))
            .await
            .text()
            .contains("There was nothing to undo")
    );
    assert_eq!(
        f.b.submit(&edit, &format!("{base}/revisions/99/undo"), &[])
            .await
            .status,
        404
    );

    // A whole stage, with its three touchpoints.
    let before = f.journey().await;
    let deleted =
        f.b.submit(&edit, &format!("{base}/stages/{stage}/delete"), &[])
            .await;
    assert_eq!(
        deleted.location.as_deref(),
        Some(format!("{edit}?deleted=5#editor-notice").as_str())
    );
    assert!(
        f.b.get(&format!("{edit}?deleted=5"))
            .await
            .text()
            .contains("Removed stage “consideration”")
    );
    let undone =
        f.b.submit(&edit, &format!("{base}/revisions/5/undo"), &[])
            .await;
    assert_eq!(
        undone.location.as_deref(),
        Some(format!("{edit}?undo=done#stage-{stage}").as_str())
    );
    let after = f.journey().await;
    assert_eq!(
        (after.stages.clone(), after.touchpoints.clone()),
        (before.stages, before.touchpoints)
    );
    assert_eq!(link_of(store, &f.ws, &survey).await, Some(f.phone));

    // After the window, an undo is refused.
    f.b.submit(&edit, &format!("{base}/touchpoints/{}/delete", f.web), &[])
        .await;
    let v = f.journey().await.version;
    let late = taith_app::journeys::history::undo_deletion(
        store.as_ref(),
        f.ws.id,
        f.id,
        v,
        &f.author(),
        taith_domain::now() + time::Duration::minutes(11),
    )
    .await;
    assert!(matches!(late, Err(UndoFailed::TooLate)), "{late:?}");
    assert!(
        f.b.get(&format!("{edit}?undo=late"))
            .await
            .text()
            .contains("can no longer be undone")
    );
}

#[tokio::test]
async fn a_deleted_journey_comes_back_with_its_history_and_its_surveys_links() {
    let f = fixture().await;
    let (base, edit) = (f.base(), f.edit());
    let store = &f.app.store;
    let survey = survey_about(store, &f.ws, f.web, "Web NPS").await;
    f.b.submit(&edit, &base, &[("name", "Buying bread, v2")])
        .await;
    let before = f.journey().await;
    let history = store.revisions(f.ws.id, f.id).await.unwrap();

    let deleted = f.b.submit(&edit, &format!("{base}/delete"), &[]).await;
    assert_eq!(
        deleted.location.as_deref(),
        Some(format!("/w/alpha?deleted={}", f.id).as_str())
    );
    assert!(matches!(
        store.journey(f.ws.id, f.id).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(link_of(store, &f.ws, &survey).await, None);
    let list = f.b.get(&format!("/w/alpha?deleted={}", f.id)).await;
    assert!(
        list.text().contains("Journey “Buying bread, v2” deleted."),
        "{}",
        list.body
    );
    assert!(list.body.contains(&format!("action=\"{base}/undelete\"")));

    let back =
        f.b.submit("/w/alpha", &format!("{base}/undelete"), &[])
            .await;
    assert_eq!(
        back.location.as_deref(),
        Some(format!("{edit}?undo=journey").as_str())
    );
    let after = f.journey().await;
    assert_eq!(
        (
            &after.fields,
            &after.stages,
            &after.touchpoints,
            after.version
        ),
        (
            &before.fields,
            &before.stages,
            &before.touchpoints,
            before.version
        )
    );
    assert_eq!(store.revisions(f.ws.id, f.id).await.unwrap(), history);
    assert_eq!(link_of(store, &f.ws, &survey).await, Some(f.web));
    assert!(
        f.b.get(&format!("{edit}?undo=journey"))
            .await
            .text()
            .contains("Journey brought back, with its whole history.")
    );
    let again =
        f.b.submit("/w/alpha", &format!("{base}/undelete"), &[])
            .await;
    assert_eq!(again.location.as_deref(), Some("/w/alpha?undo=nothing"));
    // The notice for a journey that is not in the trash says nothing.
    assert!(
        !f.b.get(&format!("/w/alpha?deleted={}", f.id))
            .await
            .body
            .contains("id=\"editor-notice\"")
    );

    // After the window it is too late, and once pruned it is gone.
    f.b.submit(&edit, &format!("{base}/delete"), &[]).await;
    let later = taith_domain::now() + time::Duration::minutes(11);
    let late =
        taith_app::journeys::trash::undelete_journey(store.as_ref(), f.ws.id, f.id, later).await;
    assert!(matches!(late, Err(UndoFailed::TooLate)), "{late:?}");
    assert_eq!(
        store
            .forget_deleted_journeys_before(f.ws.id, later)
            .await
            .unwrap(),
        1
    );
    let gone =
        f.b.submit("/w/alpha", &format!("{base}/undelete"), &[])
            .await;
    assert_eq!(gone.status, 404, "gone for good");
}

#[tokio::test]
async fn an_old_version_is_restored_from_the_history_page_and_the_map_shows_it_again() {
    let f = fixture().await;
    let (base, edit) = (f.base(), f.edit());
    let stage = f.stage.to_string();
    f.b.submit(
        &edit,
        &format!("{base}/touchpoints/{}", f.web),
        &tp_fields(&stage, "Web shop, renamed", "web"),
    )
    .await;
    let history = f.b.get(&format!("{base}/revisions")).await;
    let text = history.text();
    assert!(text.contains("Restore version 1"), "{text}");
    assert!(!text.contains("Restore version 2"), "not the current one");
    let one = f.b.get(&format!("{base}/revisions/1")).await.text();
    assert!(
        one.contains("The map becomes what version 1 was, saved as version 3."),
        "{one}"
    );

    let restored =
        f.b.submit(
            &format!("{base}/revisions"),
            &format!("{base}/revisions/1/restore"),
            &[],
        )
        .await;
    assert_eq!(
        restored.location.as_deref(),
        Some(format!("{base}/revisions?restored=1").as_str())
    );
    let page = f.b.get(&format!("{base}/revisions?restored=1")).await;
    let text = page.text();
    assert!(
        text.contains("Version 1 restored: the map shows it again, saved as version 3."),
        "{text}"
    );
    assert!(text.contains("Restored version 1"));
    let map = f.b.get(&base).await.text();
    assert!(map.contains("Web shop") && !map.contains("Web shop, renamed"));
    assert_eq!(f.journey().await.version, 3);
}

// --- the store ----------------------------------------------------------------------------------

async fn trash_and_links_come_back(store: SharedStore) {
    let (ws, owner) = store
        .create_workspace(
            &taith_domain::Slug::parse("alpha").unwrap(),
            &Name::parse("alpha").unwrap(),
            taith_store::NewUser {
                email: taith_domain::Email::parse("o@alpha.example").unwrap(),
                name: Name::parse("O").unwrap(),
                password_hash: "x".into(),
            },
        )
        .await
        .unwrap();
    let author = Author {
        user_id: Some(owner.id),
        name: "O".into(),
    };
    let (j, _, [web, phone, _]) = draft();
    let j = store
        .create_journey(ws.id, &j, &author, &[Change::Created])
        .await
        .unwrap();
    let about_web = survey_about(&store, &ws, web, "Web").await;
    let about_phone = survey_about(&store, &ws, phone, "Phone").await;

    // A touchpoint saved away takes its survey's link; saved back, it brings it back.
    let mut without = j.clone();
    without.remove_touchpoint(web).unwrap();
    let without = store
        .save_journey(ws.id, &without, &author, &[])
        .await
        .unwrap();
    assert_eq!(link_of(&store, &ws, &about_web).await, None);
    let mut with = without.clone();
    with.touchpoints = j.touchpoints.clone();
    let with = store
        .save_journey(ws.id, &with, &author, &[])
        .await
        .unwrap();
    assert_eq!(link_of(&store, &ws, &about_web).await, Some(web));

    // Unless the survey was changed in between.
    let mut without = with.clone();
    without.remove_touchpoint(phone).unwrap();
    let without = store
        .save_journey(ws.id, &without, &author, &[])
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(5)).await;
    let mut renamed = store.survey(ws.id, about_phone.id).await.unwrap().fields;
    renamed.name = Name::parse("Phone, renamed").unwrap();
    store
        .update_survey(ws.id, about_phone.id, &renamed)
        .await
        .unwrap();
    let mut with = without.clone();
    with.touchpoints = j.touchpoints.clone();
    let with = store
        .save_journey(ws.id, &with, &author, &[])
        .await
        .unwrap();
    assert_eq!(link_of(&store, &ws, &about_phone).await, None);

    // A deleted journey waits in the trash, whole, and comes back as it was.
    let history = store.revisions(ws.id, j.id).await.unwrap();
    store.delete_journey(ws.id, j.id).await.unwrap();
    assert!(matches!(
        store.journey(ws.id, j.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.revisions(ws.id, j.id).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(link_of(&store, &ws, &about_web).await, None);
    let trashed = store.deleted_journey(ws.id, j.id).await.unwrap();
    assert_eq!(trashed.journey.touchpoints, with.touchpoints);
    assert_eq!(trashed.journey.version, with.version);
    let listed = store.journeys(ws.id, PageRequest::all()).await.unwrap();
    assert!(listed.items.is_empty(), "not listed while deleted");
    // Not from another workspace.
    let (other, _) = store
        .create_workspace(
            &taith_domain::Slug::parse("bravo").unwrap(),
            &Name::parse("bravo").unwrap(),
            taith_store::NewUser {
                email: taith_domain::Email::parse("o@bravo.example").unwrap(),
                name: Name::parse("O").unwrap(),
                password_hash: "x".into(),
            },
        )
        .await
        .unwrap();
    assert!(matches!(
        store.deleted_journey(other.id, j.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.undelete_journey(other.id, &trashed.journey).await,
        Err(StoreError::NotFound)
    ));

    let back = store
        .undelete_journey(ws.id, &trashed.journey)
        .await
        .unwrap();
    let read = store.journey(ws.id, j.id).await.unwrap();
    assert_eq!(
        (&read.fields, &read.stages, &read.touchpoints, read.version),
        (&with.fields, &with.stages, &with.touchpoints, with.version)
    );
    assert_eq!(back.version, read.version);
    assert_eq!(store.revisions(ws.id, j.id).await.unwrap(), history);
    assert_eq!(
        store
            .revision(ws.id, j.id, 1)
            .await
            .unwrap()
            .journey
            .touchpoints,
        j.touchpoints
    );
    assert_eq!(link_of(&store, &ws, &about_web).await, Some(web));
    assert!(matches!(
        store.deleted_journey(ws.id, j.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.undelete_journey(ws.id, &trashed.journey).await,
        Err(StoreError::NotFound)
    ));

    // Pruned, it is gone for good; what is newer stays.
    store.delete_journey(ws.id, j.id).await.unwrap();
    let now = taith_domain::now();
    assert_eq!(
        store
            .forget_deleted_journeys_before(ws.id, now - time::Duration::minutes(1))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        store
            .forget_deleted_journeys_before(ws.id, now + time::Duration::minutes(1))
            .await
            .unwrap(),
        1
    );
    assert!(matches!(
        store.deleted_journey(ws.id, j.id).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_journey_and_lost_survey_links_come_back_as_they_were_on_sqlite() {
    let (store, dir) = crate::helpers::fresh_sqlite().await;
    trash_and_links_come_back(store).await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_journey_and_lost_survey_links_come_back_as_they_were_on_postgres() {
    let Some((store, db)) = crate::helpers::fresh_postgres().await else {
        return;
    };
    trash_and_links_come_back(store).await;
    db.drop_database().await;
}

// --- the SVG export -----------------------------------------------------------------------------

#[tokio::test]
async fn the_svg_export_carries_the_persona_and_the_live_figures_of_the_map() {
    let app = TestApp::on_sqlite().await;
    let creds = taith::server::ensure_demo(&app.store).await.unwrap();
    let b = app.browser();
    b.sign_in(&creds.email, &creds.password).await;
    let ws = app
        .store
        .workspace_by_slug(&taith_domain::Slug::parse("demo").unwrap())
        .await
        .unwrap();
    let journeys = app
        .store
        .journeys(ws.id, PageRequest::all())
        .await
        .unwrap()
        .items;
    let mut figures_seen = 0;
    let mut signals_seen = 0;
    for j in &journeys {
        let journey = app.store.journey(ws.id, j.id).await.unwrap();
        let persona = app
            .store
            .persona(ws.id, journey.fields.persona_id.unwrap())
            .await
            .unwrap();
        let base = format!("/w/demo/journeys/{}", j.id);
        let map = b.get(&format!("{base}?lang=en")).await.text();
        let svg = b.get(&format!("{base}/map.svg")).await;
        assert_eq!(svg.status, 200);
        let text = svg.text();
        assert!(
            text.contains(&format!("For persona: {}", persona.fields.name)),
            "the persona"
        );
        // Every figure the map shows ("NPS 42.0") is in the file, as its own line.
        let figures: Vec<&str> = map
            .match_indices("<bdi>")
            .map(|(i, _)| map[i + 5..].split("</bdi>").next().unwrap())
            .collect();
        for figure in &figures {
            assert!(
                text.contains(&format!(
                    "class=\"live\" text-anchor=\"start\" direction=\"ltr\">{figure}"
                )),
                "{figure} is not in the SVG"
            );
        }
        figures_seen += figures.len();
        // The behaviour and support figures bound to its touchpoints too, by name.
        let signals: Vec<&str> = map
            .match_indices("class=\"signal-name\">")
            .map(|(i, m)| map[i + m.len()..].split("</span>").next().unwrap())
            .collect();
        for name in &signals {
            assert!(text.contains(name), "{name} is not in the SVG");
        }
        signals_seen += signals.len();
        if !figures.is_empty() {
            assert!(
                text.contains("<polyline class=\"data\""),
                "the curve from the answers"
            );
            // The period the figures are for, as the map names it.
            assert!(text.contains("responses from "), "the period in the SVG");
        }
    }
    assert!(figures_seen >= 3, "the demo's map shows live figures");
    assert!(signals_seen >= 4, "the demo's map shows bound figures");
}

// --- in Chromium --------------------------------------------------------------------------------

// Generous: CI runs every browser test at once on two cores.
const WAIT: Duration = Duration::from_secs(30);

fn screenshot(name: &str, png: &[u8]) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), png).unwrap();
    eprintln!("screenshot: {}", dir.join(name).display());
}

async fn until(wd: &WebDriver, what: &str, script: &str, args: Vec<Value>) {
    let deadline = Instant::now() + WAIT;
    loop {
        if wd.execute(script, args.clone()).await.unwrap() == Value::Bool(true) {
            return;
        }
        assert!(Instant::now() < deadline, "waited {WAIT:?} for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn js(wd: &WebDriver, script: &str, args: Vec<Value>) -> Value {
    wd.execute(script, args).await.unwrap()
}

/// The element with this id (touchpoint ids start with a digit: no `#id` selector).
fn by_id(id: &str) -> String {
    format!("[id=\"{id}\"]")
}

async fn type_into(wd: &WebDriver, css: &str, text: &str) {
    let el = wd.find(css).await.unwrap();
    wd.clear(&el).await.unwrap();
    wd.send_keys(&el, text).await.unwrap();
}

async fn click(wd: &WebDriver, css: &str) {
    let el = wd.find(css).await.unwrap();
    wd.click(&el).await.unwrap();
}

fn browser_missing(what: &str) -> bool {
    if webdriver::installed() {
        return false;
    }
    assert!(
        std::env::var("TAITH_REQUIRE_BROWSER").as_deref() != Ok("1"),
        "TAITH_REQUIRE_BROWSER=1 but chromium or chromedriver is missing"
    );
    crate::helpers::say_skipped(&format!(
        "chromium/chromedriver not installed — {what} did not run"
    ));
    true
}

#[tokio::test]
async fn editing_two_touchpoints_and_saving_one_keeps_the_other_unsaved_and_leaving_warns_in_chromium()
 {
    if browser_missing("the editor's browser test") {
        return;
    }
    let f = fixture().await;
    let wd = WebDriver::start().await.unwrap();
    wd.set_window_size(1280, 900).await.unwrap();
    wd.goto(&f.app.url("/login")).await.unwrap();
    type_into(&wd, "#email", "owner@alpha.example").await;
    type_into(&wd, "#password", PASSWORD).await;
    click(&wd, "form[action=\"/login\"] button[type=submit]").await;
    wd.wait_for("header .who", WAIT).await.unwrap();
    wd.goto(&f.app.url(&format!("{}?lang=en", f.edit())))
        .await
        .unwrap();
    let (web, phone) = (f.web.to_string(), f.phone.to_string());

    // Both cards open in place (their fields were hidden), each with an edit typed in.
    for tp in [&web, &phone] {
        let field = wd.find(&by_id(&format!("{tp}-name"))).await.unwrap();
        assert_eq!(
            js(
                &wd,
                "return arguments[0].checkVisibility();",
                vec![field.arg()]
            )
            .await,
            false
        );
        click(
            &wd,
            &format!("{} > details > summary", by_id(&format!("touchpoint-{tp}"))),
        )
        .await;
        assert_eq!(
            js(
                &wd,
                "return arguments[0].checkVisibility();",
                vec![field.arg()]
            )
            .await,
            true
        );
    }
    type_into(&wd, &by_id(&format!("{web}-name")), "Web shop 24h").await;
    type_into(
        &wd,
        &by_id(&format!("{phone}-name")),
        "Phone line, mornings",
    )
    .await;
    assert_eq!(js(&wd, "return window.taithEditor.dirty;", vec![]).await, 2);
    // Where the button sits in the window, and what has focus.
    const WHERE: &str = "const r = document.getElementById('save-web').getBoundingClientRect();
        return [Math.round(r.left), Math.round(r.top), document.activeElement.id];";
    let save = wd
        .find(&format!(
            "{} form[data-save] button[type=submit]",
            by_id(&format!("touchpoint-{web}"))
        ))
        .await
        .unwrap();
    // A click from the script: a WebDriver click would scroll the button into view first.
    js(
        &wd,
        "arguments[0].focus(); arguments[0].id = 'save-web';",
        vec![save.arg()],
    )
    .await;
    let before = js(&wd, WHERE, vec![]).await;

    // Save the first: it says so, the page stays, the second keeps its edit, unsaved.
    js(&wd, "arguments[0].click();", vec![save.arg()]).await;
    until(
        &wd,
        "the saved status",
        "return document.getElementById('editor-status').textContent === 'Touchpoint saved.';",
        vec![],
    )
    .await;
    let j = f.journey().await;
    assert_eq!(
        j.touchpoint(f.web).unwrap().fields.name.as_str(),
        "Web shop 24h"
    );
    assert_eq!(
        j.touchpoint(f.phone).unwrap().fields.name.as_str(),
        "Phone line",
        "the other edit is not saved without the user's say"
    );
    assert_eq!(j.version, 2);
    let page = js(
        &wd,
        "const [web, phone] = arguments;
         return { url: location.pathname + location.search,
                  phone: document.getElementById(phone + '-name').value,
                  card: document.querySelector('[id=\"touchpoint-' + web + '\"] .tp-name').textContent,
                  dirty: window.taithEditor.dirty,
                  warns: window.taithEditor.warnsOnLeave(),
                  phone_flag: !document.querySelector('[id=\"touchpoint-' + phone + '\"] .dirty-mark').hidden,
                  web_flag: !document.querySelector('[id=\"touchpoint-' + web + '\"] .dirty-mark').hidden,
                  live: document.getElementById('editor-status').getAttribute('role') };",
        vec![json!(web), json!(phone)],
    )
    .await;
    assert_eq!(
        page,
        json!({
            "url": format!("{}?lang=en", f.edit()),
            "phone": "Phone line, mornings",
            "card": "Web shop 24h",
            "dirty": 1,
            "warns": true,
            "phone_flag": true,
            "web_flag": false,
            "live": "status",
        })
    );
    assert_eq!(
        js(&wd, WHERE, vec![]).await,
        before,
        "scroll and focus where they were"
    );
    // Leaving now asks first: the page's beforeunload handler cancels the unload. (Headless
    // Chromium shows no leave-this-page dialog to WebDriver, so the handler is asked directly.)
    let cancelled = js(
        &wd,
        "const e = new Event('beforeunload', { cancelable: true });
         window.dispatchEvent(e); return e.defaultPrevented;",
        vec![],
    )
    .await;
    assert_eq!(cancelled, true);
    screenshot("editor-unsaved-en.png", &wd.screenshot_png().await.unwrap());

    // A mistake: the error at its field, in the user's language, and focus on it.
    type_into(&wd, &by_id(&format!("{phone}-name")), " ").await;
    click(
        &wd,
        &format!(
            "{} form[data-save] button[type=submit]",
            by_id(&format!("touchpoint-{phone}"))
        ),
    )
    .await;
    until(
        &wd,
        "the field's error and the status line's answer",
        // The status line is rewritten a moment after the errors are drawn (so that the same
        // words twice are announced twice): wait for the answer, not the "Saving…" before it.
        "const s = document.getElementById('editor-status').textContent;
         return !!document.getElementById(arguments[0] + '-name-error') && s !== '' && s !== 'Saving…';",
        vec![json!(phone)],
    )
    .await;
    let error = js(
        &wd,
        "const f = document.getElementById(arguments[0] + '-name');
         return { focused: document.activeElement === f, invalid: f.getAttribute('aria-invalid'),
                  described: f.getAttribute('aria-describedby'),
                  message: document.getElementById(arguments[0] + '-name-error').textContent,
                  status: document.getElementById('editor-status').textContent };",
        vec![json!(phone)],
    )
    .await;
    assert_eq!(
        error,
        json!({ "focused": true, "invalid": "true", "described": format!("{phone}-name-error"),
                "message": "Please fill this in.", "status": "Not saved: please correct the marked fields." })
    );

    // Refused (the session's token no longer matches, as after signing out elsewhere): said
    // so, and what was typed stays, unsaved.
    type_into(
        &wd,
        &by_id(&format!("{phone}-name")),
        "Phone line, mornings",
    )
    .await;
    let token = js(
        &wd,
        "const f = document.querySelector('[id=\"touchpoint-' + arguments[0] + '\"] form[data-save]');
         const t = f.elements.csrf.value; f.elements.csrf.value = 'stale';
         f.querySelector('button[type=submit]').click(); return t;",
        vec![json!(phone)],
    )
    .await;
    until(
        &wd,
        "the refusal",
        "return document.getElementById('editor-status').textContent.startsWith('Not saved: taith refused');",
        vec![],
    )
    .await;
    assert_eq!(
        js(
            &wd,
            "return [document.getElementById(arguments[0] + '-name').value, window.taithEditor.dirty];",
            vec![json!(phone)],
        )
        .await,
        json!(["Phone line, mornings", 1])
    );
    js(
        &wd,
        "document.querySelector('[id=\"touchpoint-' + arguments[0] + '\"] form[data-save]').elements.csrf.value = arguments[1];",
        vec![json!(phone), token],
    )
    .await;

    // A save that reloads the page (a new stage) keeps the other card's unsaved edit.
    type_into(
        &wd,
        &by_id(&format!("{phone}-name")),
        "Phone line, mornings",
    )
    .await;
    type_into(&wd, "#new-stage-name", "Aftercare").await;
    click(&wd, "form.add-stage button[type=submit]").await;
    until(
        &wd,
        "the new stage",
        "return document.querySelectorAll('li.stage-card').length === 6;",
        vec![],
    )
    .await;
    until(
        &wd,
        "the kept edit",
        "const f = document.getElementById(arguments[0] + '-name');
         return !!f && f.value === 'Phone line, mornings' && window.taithEditor.dirty === 1;",
        vec![json!(phone)],
    )
    .await;
    assert_eq!(
        f.journey()
            .await
            .touchpoint(f.phone)
            .unwrap()
            .fields
            .name
            .as_str(),
        "Phone line",
        "kept, still not saved"
    );
    click(
        &wd,
        &format!(
            "{} form[data-save] button[type=submit]",
            by_id(&format!("touchpoint-{phone}"))
        ),
    )
    .await;
    until(
        &wd,
        "nothing unsaved",
        "return window.taithEditor.dirty === 0 && !window.taithEditor.warnsOnLeave();",
        vec![],
    )
    .await;
    assert_eq!(
        f.journey()
            .await
            .touchpoint(f.phone)
            .unwrap()
            .fields
            .name
            .as_str(),
        "Phone line, mornings"
    );

    // Screenshots: a card open in place, in English and Arabic.
    for lang in ["en", "ar"] {
        wd.goto(&f.app.url(&format!("{}?lang={lang}", f.edit())))
            .await
            .unwrap();
        click(
            &wd,
            &format!(
                "{} > details > summary",
                by_id(&format!("touchpoint-{phone}"))
            ),
        )
        .await;
        js(
            &wd,
            "document.querySelector('.board-scroll').scrollIntoView();",
            vec![],
        )
        .await;
        screenshot(
            &format!("editor-open-card-{lang}.png"),
            &wd.screenshot_png().await.unwrap(),
        );
    }

    // An old version restored from the history page: the map shows the old names again.
    wd.goto(&f.app.url(&format!("{}/revisions?lang=en", f.base())))
        .await
        .unwrap();
    click(&wd, "form[action$=\"/revisions/1/restore\"] button").await;
    until(
        &wd,
        "the restored notice",
        "const n = document.getElementById('editor-notice');
         return !!n && n.textContent.replace(/[\\u2068\\u2069]/g, '').includes('Version 1 restored');",
        vec![],
    )
    .await;
    click(&wd, "#editor-notice a.button").await;
    let map = wd.wait_for("table.journey-map", WAIT).await.unwrap();
    let names = js(
        &wd,
        "return [...arguments[0].querySelectorAll('.touchpoint strong[dir]')].map(s => s.textContent).sort();",
        vec![map.arg()],
    )
    .await;
    assert_eq!(
        names,
        json!(["Counter", "Phone line", "Web shop"]),
        "{names}"
    );
    drop(wd);
}

/// Where things sit on the map in a 1,280px window, with the map scrolled down a little.
const MAP_FIT: &str = "
const region = document.querySelector('.map-scroll');
const table = region.querySelector('table.journey-map');
const head = table.querySelector('thead th.stage-name');
region.scrollTop = 200;
const r = region.getBoundingClientRect(), h = head.getBoundingClientRect();
return {
  tabindex: region.getAttribute('tabindex'), role: region.getAttribute('role'),
  label: !!region.getAttribute('aria-label'),
  fits: table.getBoundingClientRect().width <= r.width + 1,
  scrolls_down: region.scrollTop > 0,
  head_sticks: Math.abs(h.top - r.top) < 2,
  page_overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
};";

/// The map printed on a landscape page: nothing sticks, nothing is wider than the page.
const MAP_PRINT: &str = "
const table = document.querySelector('table.journey-map');
const page = document.documentElement.clientWidth;
const sticky = [...document.querySelectorAll('table.journey-map th, .stage-head')]
  .filter(e => getComputedStyle(e).position === 'sticky').length;
return {
  sticky, fits: table.getBoundingClientRect().right <= page + 1 && table.getBoundingClientRect().left >= -1,
  region_clips: getComputedStyle(document.querySelector('.map-scroll')).overflowY !== 'visible',
  header_repeats: getComputedStyle(table.querySelector('thead')).display === 'table-header-group',
};";

#[tokio::test]
async fn the_seven_stage_map_fits_1280px_scrolls_in_its_own_region_and_prints_on_landscape_pages_in_chromium()
 {
    if browser_missing("the map layout test") {
        return;
    }
    let app = TestApp::on_sqlite().await;
    let creds = taith::server::ensure_demo(&app.store).await.unwrap();
    let ws = app
        .store
        .workspace_by_slug(&taith_domain::Slug::parse("demo").unwrap())
        .await
        .unwrap();
    let seven = app
        .store
        .journeys(ws.id, PageRequest::all())
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|j| j.stage_count == 7)
        .expect("the demo has a seven-stage journey");
    let wd = WebDriver::start().await.unwrap();
    wd.set_window_size(1280, 900).await.unwrap();
    wd.goto(&app.url("/login")).await.unwrap();
    type_into(&wd, "#email", &creds.email).await;
    type_into(&wd, "#password", &creds.password).await;
    click(&wd, "form[action=\"/login\"] button[type=submit]").await;
    wd.wait_for("header .who", WAIT).await.unwrap();
    for lang in ["en", "ar"] {
        let base = format!("/w/demo/journeys/{}", seven.id);
        wd.goto(&app.url(&format!("{base}?lang={lang}")))
            .await
            .unwrap();
        wd.wait_for("table.journey-map", WAIT).await.unwrap();
        let fit = js(&wd, MAP_FIT, vec![]).await;
        assert_eq!(
            fit,
            json!({ "tabindex": "0", "role": "region", "label": true, "fits": true,
                    "scrolls_down": true, "head_sticks": true, "page_overflow": 0 }),
            "({lang}) {fit}"
        );
        js(
            &wd,
            "document.querySelector('.map-scroll').scrollTop = 0;",
            vec![],
        )
        .await;
        screenshot(
            &format!("map-1280-{lang}.png"),
            &wd.screenshot_png().await.unwrap(),
        );

        // Printed: an A4 landscape page less its margins is about 1,047 CSS pixels wide.
        wd.set_window_size(1047, 740).await.unwrap();
        wd.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
            .await
            .unwrap();
        let printed = js(&wd, MAP_PRINT, vec![]).await;
        assert_eq!(
            printed,
            json!({ "sticky": 0, "fits": true, "region_clips": false, "header_repeats": true }),
            "({lang}) {printed}"
        );
        screenshot(
            &format!("map-print-{lang}.png"),
            &wd.screenshot_png().await.unwrap(),
        );
        wd.cdp("Emulation.setEmulatedMedia", json!({ "media": "" }))
            .await
            .unwrap();
        wd.set_window_size(1280, 900).await.unwrap();

        // The editor's board: a focusable region, its stage headers sticking as it scrolls.
        wd.goto(&app.url(&format!("{base}/edit?lang={lang}")))
            .await
            .unwrap();
        let board = js(
            &wd,
            "const r = document.querySelector('.board-scroll');
             return { tabindex: r.getAttribute('tabindex'), role: r.getAttribute('role'),
                      labelled: !!document.getElementById(r.getAttribute('aria-labelledby')),
                      scrolls_sideways: r.scrollWidth > r.clientWidth,
                      page_overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };",
            vec![],
        )
        .await;
        assert_eq!(
            board,
            json!({ "tabindex": "0", "role": "region", "labelled": true, "scrolls_sideways": true, "page_overflow": 0 }),
            "({lang}) {board}"
        );
    }
}
