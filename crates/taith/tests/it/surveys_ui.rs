//! The survey builder and the public survey pages over real HTTP, without a browser: building
//! an NPS survey through the forms, answering it in Welsh and Arabic, follow-ups on the score,
//! refusals worded for the respondent, one response per form, closed surveys, HTML shown as
//! text, and a preview that records nothing.

use crate::helpers::{Browser, Page, TestApp};
use taith_domain::survey::{FollowUp, FollowUpKind, LocalizedText, Scale, ScoreRange};
use taith_domain::{
    AnswerValue, Change, Channel, FollowUpId, Journey, Locale, Name, Role, StageModel, Survey,
    SurveyFields, SurveyId, SurveyKind, SurveyStatus, TouchpointFields, TouchpointId, Workspace,
};
use taith_store::{Author, PageRequest};

// --- set-up -------------------------------------------------------------------------------------

/// An app with workspace `becws` (its owner signed in) and a journey with one touchpoint.
async fn becws() -> (TestApp, Workspace, Browser, TouchpointId) {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let mut j = Journey::new(
        taith_domain::JourneyFields {
            name: Name::parse("Web shop").unwrap(),
            description: Default::default(),
            persona_id: None,
        },
        StageModel::FiveStage,
        |k| Name::parse(k).unwrap(),
        taith_domain::now(),
    );
    let stage = j.stages[2].id;
    let tp = j
        .add_touchpoint(
            stage,
            TouchpointFields {
                name: Name::parse("Checkout").unwrap(),
                channel: Channel::Web,
                owner: None,
                description: Default::default(),
                moment_of_truth: true,
            },
        )
        .unwrap();
    let author = Author {
        user_id: None,
        name: "test".into(),
    };
    app.store
        .create_journey(ws.id, &j, &author, &[Change::Created])
        .await
        .unwrap();
    let b = app.signed_in("owner@becws.example").await;
    (app, ws, b, tp)
}

/// A live NPS survey in the standard wording with the detractor follow-up, made in the store.
pub async fn live_nps(app: &TestApp, ws: &Workspace) -> Survey {
    let fields = SurveyFields {
        name: Name::parse("Checkout NPS").unwrap(),
        kind: SurveyKind::Nps,
        scale: SurveyKind::Nps.default_scale(),
        default_locale: Locale::En,
        question: taith_i18n::survey_wording::standard_text("survey-std-nps-question", "Becws"),
        thank_you: taith_i18n::survey_wording::standard_text("survey-std-thank-you", "Becws"),
        follow_ups: vec![FollowUp {
            id: FollowUpId::new(),
            prompt: taith_i18n::survey_wording::standard_text("survey-std-improve", "Becws"),
            kind: FollowUpKind::OpenText,
            when: Some(ScoreRange { min: 0, max: 6 }),
        }],
        touchpoint_id: None,
        status: SurveyStatus::Live,
        anonymous: false,
        throttle_days: 30,
    }
    .validate()
    .unwrap();
    let public_id = taith_app::account::secrets::random_secret()[..16].to_owned();
    app.store
        .create_survey(ws.id, &fields, &public_id)
        .await
        .unwrap()
}

async fn responses(
    app: &TestApp,
    ws: &Workspace,
    survey: SurveyId,
) -> Vec<taith_domain::NewResponse> {
    app.store
        .responses(ws.id, Some(survey), PageRequest::all())
        .await
        .unwrap()
        .items
}

// --- reading pages ------------------------------------------------------------------------------

/// The value of the first `<input name="{name}" value="…">` on the page.
pub fn hidden(page: &Page, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .body
        .find(&marker)
        .unwrap_or_else(|| panic!("no field {name} in {}", page.body))
        + marker.len();
    page.body[start..].split('"').next().unwrap().to_owned()
}

/// Undoes the template's escaping of a value.
fn decode(s: &str) -> String {
    s.replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag.trim_start();
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let name = rest[..end].to_owned();
        rest = &rest[end..];
        if let Some(after) = rest.strip_prefix("=\"") {
            let close = after.find('"').unwrap();
            out.push((name, decode(&after[..close])));
            rest = &after[close + 1..];
        } else {
            out.push((name, String::new()));
        }
        rest = rest.trim_start();
    }
    out
}

/// What a browser would send for the form whose opening tag contains `marker`: inputs,
/// ticked boxes, text areas and selected options, in page order.
fn form_fields(page: &Page, marker: &str) -> Vec<(String, String)> {
    let html = &page.body;
    let start = html.find(marker).expect("the form");
    let end = start + html[start..].find("</form>").expect("its end");
    let mut rest = &html[start..end];
    let mut out = Vec::new();
    let mut select = None;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let close = rest.find('>').expect("a whole tag");
        let tag = &rest[..close];
        let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
        let attrs = attributes(&tag[name_end..]);
        let get = |k: &str| attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.clone());
        match &tag[..name_end] {
            "input" => {
                let kind = get("type").unwrap_or_else(|| "text".into());
                let ticked = get("checked").is_some();
                if let Some(name) = get("name")
                    && (ticked || (kind != "checkbox" && kind != "radio"))
                {
                    out.push((name, get("value").unwrap_or_default()));
                }
            }
            "textarea" => {
                let body = &rest[close + 1..];
                let text = &body[..body.find("</textarea>").unwrap()];
                out.push((get("name").unwrap(), decode(text)));
            }
            "select" => select = get("name"),
            "/select" => select = None,
            "option" if get("selected").is_some() => {
                out.push((select.clone().unwrap(), get("value").unwrap_or_default()));
            }
            _ => {}
        }
        rest = &rest[close + 1..];
    }
    out
}

/// Sends the survey editor's form as shown, with `changes` replacing (or adding) fields.
async fn save(b: &Browser, editor: &str, changes: &[(&str, &str)]) -> Page {
    let page = b.get(editor).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let mut fields = form_fields(&page, "class=\"survey-form\"");
    for (k, v) in changes {
        fields.retain(|(name, _)| name != k);
        fields.push(((*k).to_owned(), (*v).to_owned()));
    }
    let action = editor.split('?').next().unwrap();
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    b.post_raw(action, &borrowed).await
}

/// Sends a score from the survey page `page` (its tokens, its language).
async fn send_score(b: &Browser, page: &Page, public_id: &str, score: &str) -> Page {
    let (csrf, key, lang) = (
        hidden(page, "csrf"),
        hidden(page, "k"),
        hidden(page, "lang"),
    );
    b.post_raw(
        &format!("/s/{public_id}"),
        &[
            ("csrf", &csrf),
            ("k", &key),
            ("lang", &lang),
            ("score", score),
        ],
    )
    .await
}

fn welsh(key: &str) -> String {
    taith_i18n::Tr::new(Locale::Cy)
        .t(key)
        .replace(['\u{2068}', '\u{2069}'], "")
}

// --- the builder and the respondent -------------------------------------------------------------

#[tokio::test]
async fn an_owner_builds_an_nps_survey_and_respondents_answer_it_in_welsh_and_arabic() {
    let (app, ws, b, tp) = becws().await;
    assert_eq!(b.get("/w/becws/surveys").await.status, 200);
    let created = b
        .submit(
            "/w/becws/surveys/new",
            "/w/becws/surveys",
            &[
                ("name", "Checkout NPS"),
                ("kind", "nps"),
                ("default_locale", "en"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let editor = created.location.unwrap();
    let id: SurveyId = editor.rsplit('/').next().unwrap().parse().unwrap();
    let survey = app.store.survey(ws.id, id).await.unwrap();
    assert_eq!(survey.fields.status, SurveyStatus::Draft);
    assert!(survey.public_id.len() >= 12);

    // The question and thank-you start in the standard wording, in all six languages.
    let page = b.get(&editor).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(
        text.contains("How likely are you to recommend becws to a friend or colleague?"),
        "{text}"
    );
    assert!(text.contains("Pa mor debygol ydych chi o argymell becws i ffrind neu gydweithiwr?"));
    for l in Locale::ALL {
        assert!(survey.fields.question.has(l), "no question in {l}");
        assert!(survey.fields.thank_you.has(l), "no thank-you in {l}");
    }
    assert!(
        !survey
            .fields
            .question
            .0
            .values()
            .any(|q| q.contains('\u{2068}')),
        "stored text holds no bidi isolation marks"
    );

    // A draft is not open to respondents yet.
    let public = format!("/s/{}", survey.public_id);
    let draft = app.browser().get(&public).await;
    assert_eq!(draft.status, 404);
    assert!(draft.text().contains("This survey is not open yet"));

    // One click adds the detractor follow-up.
    let suggested = b.submit(&editor, &format!("{editor}/suggest"), &[]).await;
    assert_eq!(suggested.status, 303, "{}", suggested.body);
    let survey = app.store.survey(ws.id, id).await.unwrap();
    let [detractors] = survey.fields.follow_ups.as_slice() else {
        panic!("one follow-up: {:?}", survey.fields.follow_ups);
    };
    assert_eq!(detractors.when, Some(ScoreRange { min: 0, max: 6 }));
    assert_eq!(
        detractors.prompt.get(Locale::Cy, Locale::En),
        "Beth ddylen ni ei wella?"
    );

    // Saving the form as shown changes only what was changed.
    let touchpoint = tp.to_string();
    let saved = save(
        &b,
        &editor,
        &[
            ("status", "live"),
            ("touchpoint_id", &touchpoint),
            ("anonymous", "on"),
        ],
    )
    .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        saved.location.as_deref(),
        Some(&*format!("{editor}?saved=1"))
    );
    let live = app.store.survey(ws.id, id).await.unwrap();
    let mut expected = survey.fields.clone();
    expected.status = SurveyStatus::Live;
    expected.touchpoint_id = Some(tp);
    expected.anonymous = true;
    assert_eq!(live.fields, expected);
    let editor_page = b.get(&format!("{editor}?saved=1")).await;
    let text = editor_page.text();
    assert!(text.contains("Survey saved."));
    assert!(
        text.contains("Web shop › ") && text.contains(" › Checkout"),
        "{text}"
    );

    // A respondent in Welsh: a detractor is asked what to improve.
    let r = app.browser();
    let page = r.get(&format!("{public}?lang=cy")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("lang=\"cy\""));
    assert!(page.body.contains("dir=\"ltr\""));
    assert!(
        page.text()
            .contains("Pa mor debygol ydych chi o argymell becws")
    );
    assert!(page.text().contains(&welsh("respond-nps-low")));
    assert!(page.body.contains("<fieldset") && page.body.contains("<legend>"));
    assert_eq!(
        page.body.matches("type=\"radio\" name=\"score\"").count(),
        11
    );
    let sent = send_score(&r, &page, &live.public_id, "3").await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let follow = sent.location.unwrap();
    assert!(follow.starts_with(&format!("{public}/r/")), "{follow}");
    let stored = responses(&app, &ws, id).await;
    let [response] = stored.as_slice() else {
        panic!("one response: {stored:?}")
    };
    assert_eq!(response.score, 3);
    assert_eq!(response.locale, Locale::Cy);
    assert_eq!(response.channel, Channel::Web);
    assert_eq!(response.touchpoint_id, Some(tp));
    assert_eq!(response.customer_id, None);
    assert!(response.client_key.is_some());

    let page = r.get(&follow).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("lang=\"cy\""));
    assert!(page.text().contains("Beth ddylen ni ei wella?"));
    let field = format!("f-{}", detractors.id);
    let answered = r
        .post_raw(
            &follow,
            &[
                ("csrf", &hidden(&page, "csrf")),
                ("lang", "cy"),
                (&field, "Roedd y tâl dosbarthu'n syndod"),
                ("comment", "Bara <b>da</b> serch hynny"),
            ],
        )
        .await;
    assert_eq!(answered.status, 303, "{}", answered.body);
    let thanks = r.get(answered.location.as_deref().unwrap()).await;
    assert_eq!(thanks.status, 200);
    assert!(thanks.body.contains("lang=\"cy\""));
    assert!(
        thanks
            .text()
            .contains("Diolch! Mae'ch adborth yn ein helpu i wella.")
    );
    let response = app.store.response(ws.id, response.id).await.unwrap();
    assert_eq!(response.answers.len(), 1);
    assert_eq!(
        response.answers[0].value,
        AnswerValue::Text("Roedd y tâl dosbarthu'n syndod".into())
    );
    assert_eq!(response.comment.as_str(), "Bara <b>da</b> serch hynny");
    // Answers are given once: the follow-up page now goes to the thank-you.
    let again = r.get(&follow).await;
    assert_eq!(again.status, 303);

    // A promoter is not asked what to improve.
    let page = r.get(&public).await;
    let sent = send_score(&r, &page, &live.public_id, "10").await;
    let page = r.get(sent.location.as_deref().unwrap()).await;
    assert_eq!(page.status, 200);
    assert!(!page.text().contains("What should we improve?"));
    assert!(page.body.contains("name=\"comment\""));

    // A respondent whose browser asks for Arabic reads right to left.
    let ar = app.browser();
    *ar.accept_language.lock().unwrap() = Some("ar-EG,ar;q=0.9,en;q=0.5".into());
    let page = ar.get(&public).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("lang=\"ar\""));
    assert!(page.body.contains("dir=\"rtl\""));
    assert!(page.text().contains("ما مدى احتمال أن توصي بـ becws"));
}

#[tokio::test]
async fn a_score_off_the_scale_is_refused_with_a_message_in_the_respondents_language() {
    let (app, ws, _, _) = becws().await;
    let survey = live_nps(&app, &ws).await;
    let r = app.browser();
    let page = r.get(&format!("/s/{}?lang=cy", survey.public_id)).await;
    let refused = send_score(&r, &page, &survey.public_id, "11").await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("lang=\"cy\""));
    assert!(
        refused.text().contains("Dewiswch sgôr o 0 i 10"),
        "{}",
        refused.text()
    );
    assert!(refused.body.contains("role=\"alert\""));
    let empty = send_score(&r, &refused, &survey.public_id, "").await;
    assert_eq!(empty.status, 422);
    assert!(empty.text().contains(&welsh("respond-choose-score")));
    let words = send_score(&r, &empty, &survey.public_id, "deg").await;
    assert_eq!(words.status, 422);
    assert!(responses(&app, &ws, survey.id).await.is_empty());
}

#[tokio::test]
async fn the_same_form_sent_twice_stores_one_response() {
    let (app, ws, _, _) = becws().await;
    let survey = live_nps(&app, &ws).await;
    let r = app.browser();
    let page = r.get(&format!("/s/{}", survey.public_id)).await;
    let first = send_score(&r, &page, &survey.public_id, "9").await;
    let second = send_score(&r, &page, &survey.public_id, "9").await;
    assert_eq!((first.status, second.status), (303, 303));
    assert_eq!(
        first.location, second.location,
        "both go to the one response"
    );
    assert_eq!(responses(&app, &ws, survey.id).await.len(), 1);
    // A new visit is a new form: its answer is another response.
    let page = r.get(&format!("/s/{}", survey.public_id)).await;
    let third = send_score(&r, &page, &survey.public_id, "9").await;
    assert_eq!(third.status, 303);
    assert_ne!(third.location, first.location);
    assert_eq!(responses(&app, &ws, survey.id).await.len(), 2);
}

#[tokio::test]
async fn a_score_sent_without_the_pages_token_is_not_stored() {
    let (app, ws, _, _) = becws().await;
    let survey = live_nps(&app, &ws).await;
    let r = app.browser();
    let page = r.get(&format!("/s/{}", survey.public_id)).await;
    let key = hidden(&page, "k");
    let forged = r
        .post_raw(
            &format!("/s/{}", survey.public_id),
            &[("csrf", "forged"), ("k", &key), ("score", "0")],
        )
        .await;
    assert_eq!(forged.status, 403);
    // Shown again, with a fresh token and the score kept, so the respondent can send it.
    assert!(forged.body.contains("value=\"0\" checked"));
    assert!(responses(&app, &ws, survey.id).await.is_empty());
    let stranger = app.browser();
    let cross_site = stranger
        .post_raw(
            &format!("/s/{}", survey.public_id),
            &[("k", &key), ("score", "0")],
        )
        .await;
    assert_eq!(cross_site.status, 403);
    assert!(responses(&app, &ws, survey.id).await.is_empty());
}

#[tokio::test]
async fn a_closed_survey_takes_no_answers_and_an_unknown_address_is_not_found() {
    let (app, ws, _, _) = becws().await;
    let survey = live_nps(&app, &ws).await;
    let r = app.browser();
    let page = r.get(&format!("/s/{}", survey.public_id)).await;
    assert_eq!(page.status, 200);
    let mut fields = survey.fields.clone();
    fields.status = SurveyStatus::Closed;
    app.store
        .update_survey(ws.id, survey.id, &fields)
        .await
        .unwrap();
    let refused = send_score(&r, &page, &survey.public_id, "8").await;
    assert_eq!(refused.status, 410, "{}", refused.body);
    assert!(refused.text().contains("This survey is closed"));
    assert!(responses(&app, &ws, survey.id).await.is_empty());
    assert_eq!(
        r.get(&format!("/s/{}?lang=cy", survey.public_id))
            .await
            .status,
        410
    );
    let r = app.browser();
    let unknown = r.get("/s/0000000000000000").await;
    assert_eq!(unknown.status, 404);
    assert!(unknown.text().contains("No survey here"));
    assert_eq!(r.get("/s/not%20an%20id").await.status, 404);
}

#[tokio::test]
async fn html_typed_by_respondents_or_authors_is_shown_as_text() {
    let (app, ws, b, _) = becws().await;
    let survey = live_nps(&app, &ws).await;
    let mut fields = survey.fields.clone();
    fields
        .question
        .0
        .insert(Locale::En, "Would you <i>recommend</i> us?".into());
    app.store
        .update_survey(ws.id, survey.id, &fields)
        .await
        .unwrap();
    let r = app.browser();
    let page = r.get(&format!("/s/{}?lang=en", survey.public_id)).await;
    assert!(!page.body.contains("<i>recommend</i>"));
    assert!(page.text().contains("Would you <i>recommend</i> us?"));
    let editor = b.get(&format!("/w/becws/surveys/{}", survey.id)).await;
    assert!(!editor.body.contains("<i>recommend</i>"));
    assert!(editor.text().contains("Would you <i>recommend</i> us?"));

    let sent = send_score(&r, &page, &survey.public_id, "2").await;
    let follow = sent.location.unwrap();
    let page = r.get(&follow).await;
    let field = format!("f-{}", survey.fields.follow_ups[0].id);
    let script = "<script>alert('x')</script>";
    // The same limit as the API's: an open answer holds as much as a comment.
    let too_long = "a".repeat(5_001);
    let refused = r
        .post_raw(
            &follow,
            &[
                ("csrf", &hidden(&page, "csrf")),
                (&field, &too_long),
                ("comment", script),
            ],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused
            .text()
            .contains("Please keep this to 5,000 characters or fewer.")
    );
    assert!(!refused.body.contains(script));
    assert!(
        refused.text().contains(script),
        "the comment is kept, as text"
    );
    let stored = responses(&app, &ws, survey.id).await;
    assert!(stored[0].answers.is_empty() && stored[0].comment.is_empty());
    let ok = r
        .post_raw(
            &follow,
            &[("csrf", &hidden(&page, "csrf")), ("comment", script)],
        )
        .await;
    assert_eq!(ok.status, 303);
    let stored = responses(&app, &ws, survey.id).await;
    assert_eq!(stored[0].comment.as_str(), script);
}

#[tokio::test]
async fn follow_up_answers_must_be_one_of_the_choices_and_on_the_rating_scale() {
    let (app, ws, _, _) = becws().await;
    let survey = live_nps(&app, &ws).await;
    let text = |s: &str| LocalizedText([(Locale::En, s.to_owned())].into());
    let mut fields = survey.fields.clone();
    let choice = FollowUp {
        id: FollowUpId::new(),
        prompt: text("What did you buy?"),
        kind: FollowUpKind::MultipleChoice {
            options: vec![text("Bread"), text("Cakes")],
        },
        when: None,
    };
    let rating = FollowUp {
        id: FollowUpId::new(),
        prompt: text("How was the delivery?"),
        kind: FollowUpKind::Rating {
            scale: Scale { low: 1, high: 5 },
        },
        when: Some(ScoreRange { min: 7, max: 10 }),
    };
    fields.follow_ups = vec![choice.clone(), rating.clone()];
    app.store
        .update_survey(ws.id, survey.id, &fields)
        .await
        .unwrap();
    let r = app.browser();
    let page = r.get(&format!("/s/{}", survey.public_id)).await;
    let follow = send_score(&r, &page, &survey.public_id, "8")
        .await
        .location
        .unwrap();
    let page = r.get(&follow).await;
    assert!(page.text().contains("What did you buy?"));
    assert!(page.text().contains("How was the delivery?"));
    let (c, g) = (format!("f-{}", choice.id), format!("f-{}", rating.id));
    let csrf = hidden(&page, "csrf");
    let refused = r
        .post_raw(&follow, &[("csrf", &csrf), (&c, "0"), (&c, "2"), (&g, "6")])
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("Please choose one of the options."));
    assert!(
        refused
            .text()
            .contains("Please choose a score from 1 to 5.")
    );
    let ok = r
        .post_raw(&follow, &[("csrf", &csrf), (&c, "1"), (&c, "0"), (&g, "4")])
        .await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    let stored = &responses(&app, &ws, survey.id).await[0];
    let values: Vec<&AnswerValue> = stored.answers.iter().map(|a| &a.value).collect();
    assert_eq!(
        values,
        [&AnswerValue::Choices(vec![0, 1]), &AnswerValue::Rating(4)]
    );
}

#[tokio::test]
async fn the_preview_shows_every_step_in_the_chosen_language_and_records_nothing() {
    let (app, ws, b, _) = becws().await;
    let survey = live_nps(&app, &ws).await;
    let base = format!("/w/becws/surveys/{}/preview", survey.id);
    let page = b.get(&format!("{base}?lang=ar")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("dir=\"rtl\""));
    assert!(page.body.contains("class=\"respond-preview\""));
    assert!(page.body.contains("method=\"get\""));
    let page = b.get(&format!("{base}?lang=cy&score=2")).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Beth ddylen ni ei wella?"));
    let page = b.get(&format!("{base}?lang=cy&done=1")).await;
    assert!(
        page.text()
            .contains("Diolch! Mae'ch adborth yn ein helpu i wella.")
    );
    assert_eq!(b.get(&format!("{base}?score=11")).await.status, 422);
    assert!(responses(&app, &ws, survey.id).await.is_empty());
    // Not for strangers.
    assert_eq!(app.browser().get(&base).await.status, 303);
}

#[tokio::test]
async fn builder_mistakes_are_shown_per_field_and_a_new_follow_up_is_saved_with_its_translations() {
    let (app, ws, b, _) = becws().await;
    let survey = live_nps(&app, &ws).await;
    let editor = format!("/w/becws/surveys/{}", survey.id);
    *b.accept_language.lock().unwrap() = Some("cy".into());
    let refused = save(
        &b,
        &editor,
        &[
            ("name", ""),
            ("question_en", ""),
            ("throttle_days", "lots"),
            ("fu1_prompt_en", "Which part was hardest?"),
            ("fu1_kind", "single_choice"),
            ("fu1_min", "8"),
            ("fu1_max", "3"),
        ],
    )
    .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("lang=\"cy\""));
    let text = refused.text();
    assert!(text.contains(&welsh("issue-required")), "{text}");
    assert!(text.contains(&welsh("issue-invalid")));
    // What was typed is shown again.
    assert!(text.contains("Which part was hardest?"));
    assert_eq!(app.store.survey(ws.id, survey.id).await.unwrap(), survey);

    let saved = save(
        &b,
        &editor,
        &[
            ("fu1_prompt_en", "Which part was hardest?"),
            ("fu1_prompt_cy", "Pa ran oedd anoddaf?"),
            ("fu1_kind", "single_choice"),
            ("fu1_options_en", "Finding it\nPaying\n\nDelivery"),
            ("fu1_options_cy", "Dod o hyd iddo\n\nDosbarthu"),
            ("fu1_min", "0"),
            ("fu1_max", "6"),
        ],
    )
    .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let stored = app.store.survey(ws.id, survey.id).await.unwrap();
    let [first, added] = stored.fields.follow_ups.as_slice() else {
        panic!("two follow-ups: {:?}", stored.fields.follow_ups)
    };
    assert_eq!(first, &survey.fields.follow_ups[0]);
    assert_eq!(
        added.prompt.get(Locale::Cy, Locale::En),
        "Pa ran oedd anoddaf?"
    );
    let FollowUpKind::SingleChoice { options } = &added.kind else {
        panic!("{:?}", added.kind)
    };
    let en: Vec<&str> = options
        .iter()
        .map(|o| o.get(Locale::En, Locale::En))
        .collect();
    let cy: Vec<&str> = options
        .iter()
        .map(|o| o.get(Locale::Cy, Locale::En))
        .collect();
    assert_eq!(en, ["Finding it", "Paying", "Delivery"]);
    assert_eq!(cy, ["Dod o hyd iddo", "Paying", "Dosbarthu"]);

    // Removing a follow-up.
    let saved = save(&b, &editor, &[("fu0_remove", "on")]).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let stored = app.store.survey(ws.id, survey.id).await.unwrap();
    assert_eq!(stored.fields.follow_ups.len(), 1);
    assert_eq!(stored.fields.follow_ups[0].id, added.id);
}

#[tokio::test]
async fn a_survey_with_answers_is_closed_not_deleted() {
    let (app, ws, b, _) = becws().await;
    let answered = live_nps(&app, &ws).await;
    let unanswered = live_nps(&app, &ws).await;
    let r = app.browser();
    let page = r.get(&format!("/s/{}", answered.public_id)).await;
    assert_eq!(
        send_score(&r, &page, &answered.public_id, "5").await.status,
        303
    );
    let editor = format!("/w/becws/surveys/{}", answered.id);
    let refused = b.submit(&editor, &format!("{editor}/delete"), &[]).await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert!(
        refused
            .text()
            .contains("This survey has responses, so it cannot be deleted.")
    );
    assert!(app.store.survey(ws.id, answered.id).await.is_ok());
    let editor2 = format!("/w/becws/surveys/{}", unanswered.id);
    let deleted = b.submit(&editor2, &format!("{editor2}/delete"), &[]).await;
    assert_eq!(deleted.status, 303, "{}", deleted.body);
    assert!(app.store.survey(ws.id, unanswered.id).await.is_err());
}

#[tokio::test]
async fn only_owners_and_admins_change_surveys_and_everyone_else_reads_them() {
    let (app, ws, _, _) = becws().await;
    let survey = live_nps(&app, &ws).await;
    app.member(&ws, "viewer@becws.example", Role::Viewer).await;
    let v = app.signed_in("viewer@becws.example").await;
    let list = v.get("/w/becws/surveys").await;
    assert_eq!(list.status, 200);
    assert!(list.text().contains("Checkout NPS"));
    assert!(!list.body.contains("/w/becws/surveys/new"));
    let editor = format!("/w/becws/surveys/{}", survey.id);
    let page = v.get(&editor).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<fieldset class=\"plain\" disabled>"));
    assert_eq!(v.get("/w/becws/surveys/new").await.status, 403);
    let refused = v
        .post_raw(
            &editor,
            &[
                ("csrf", &page.csrf()),
                ("name", "Mine now"),
                ("status", "closed"),
            ],
        )
        .await;
    assert_eq!(refused.status, 403);
    assert_eq!(app.store.survey(ws.id, survey.id).await.unwrap(), survey);
}

#[tokio::test]
async fn a_surveys_responses_download_as_csv_and_json_from_its_page() {
    let app = crate::helpers::TestApp::on_sqlite().await;
    let creds = taith::server::ensure_demo(&app.store).await.unwrap();
    let ws = app
        .store
        .workspace_by_slug(&taith_domain::Slug::parse("demo").unwrap())
        .await
        .unwrap();
    let survey = app
        .store
        .surveys(ws.id, taith_store::PageRequest::all())
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|s| s.fields.kind == taith_domain::SurveyKind::Nps)
        .unwrap();
    let stored = app
        .store
        .responses(ws.id, Some(survey.id), taith_store::PageRequest::all())
        .await
        .unwrap()
        .items
        .len();
    let b = app.browser();
    b.sign_in(&creds.email, &creds.password).await;
    let page = b.get(&format!("/w/demo/surveys/{}", survey.id)).await;
    assert!(page.body.contains("/export.csv") && page.body.contains("/export.json"));

    let csv = b
        .get(&format!("/w/demo/surveys/{}/export.csv", survey.id))
        .await;
    assert_eq!(csv.status, 200);
    assert!(csv.content_type.starts_with("text/csv"));
    assert!(csv.body.starts_with("\u{feff}submitted_at,score,comment,touchpoint,channel,locale,customer_id,customer_email"), "{}", &csv.body[..200]);
    // One line per response (the demo's comments have no line breaks), after the header.
    assert_eq!(csv.body.lines().count(), stored + 1);
    assert!(csv.body.contains("Checkout and delivery slot"));

    let json = b
        .get(&format!("/w/demo/surveys/{}/export.json", survey.id))
        .await;
    let parsed: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(parsed["responses"].as_array().unwrap().len(), stored);

    // Another workspace's member cannot download it.
    app.workspace("other", "o@other.example").await;
    let stranger = app.signed_in("o@other.example").await;
    assert_eq!(
        stranger
            .get(&format!("/w/demo/surveys/{}/export.csv", survey.id))
            .await
            .status,
        404
    );
}
