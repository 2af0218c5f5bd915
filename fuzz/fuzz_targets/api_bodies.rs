//! The API's other request bodies, read through `ApiJson` as the handlers read them and
//! checked as the handlers check them. The first byte picks the body (mod 13):
//!
//! - `0`, `1`: `POST /api/v1/responses` (`1` with an `Idempotency-Key`) —
//!   `api::responses::check_submission` against the fixture's surveys;
//! - `2`, `3`: a persona, created or updated (`PersonaInput::parse`);
//! - `4`, `5`: a journey, created or updated (names, stage model, persona reference);
//! - `6`, `7`, `8`: a stage, created, updated or the stages reordered, on the fixture journey;
//! - `9`, `10`: a touchpoint, created or updated (`api::parse::owner`, `touchpoint_fields`);
//! - `11`: a member's new role;
//! - `12`: `POST /api/v1/surveys/{id}/invitations` — `api::surveys::invitees`.
//!
//! The journey, stage and touchpoint handlers run their checks inside the journey edit (which
//! needs the store); the same public parsers and domain operations are composed here as they
//! compose them.
//!
//! Properties, besides never panicking: a refusal is a `400`, `404` or `422` of the one error
//! shape; what is accepted is within its limits, keeps the journey consistent, and — for
//! responses, personas and stages — what was accepted, sent again, is accepted as the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value, json};
use std::sync::Arc;
use taith_domain::journey::StageModel;
use taith_domain::survey::{MAX_ATTRIBUTES, MAX_CLIENT_KEY_CHARS, MAX_COMMENT_CHARS};
use taith_domain::{
    AnswerValue, FollowUpKind, Journey, PersonaId, PersonaInput, Role, StageId, StageInput, Survey,
    SurveyId, TouchpointId, ValidationErrors,
};
use taith_fuzz::{NOW, api_json, block_on, check_api_error, fixture, id};
use taith_web::http::error::{ApiError, ErrorCode};
use taith_web::invitations::api::invitees;
use taith_web::invitations::wire::InvitationsCreate;
use taith_web::journeys::api::apply_journey_update;
use taith_web::journeys::map_api::{add_touchpoint, apply_touchpoint_update, path_error};
use taith_web::journeys::parse;
use taith_web::journeys::wire;
use taith_web::responses::api::{Checked, SubmissionSurveys, check_submission};

/// The fixture's surveys, found as the store would find them.
struct Fixed;

impl SubmissionSurveys for Fixed {
    async fn by_id(&mut self, sid: SurveyId) -> Result<Option<Arc<Survey>>, ApiError> {
        Ok(fixture().survey_by_id(sid))
    }

    async fn by_public_id(&mut self, public_id: &str) -> Result<Option<Arc<Survey>>, ApiError> {
        Ok(fixture().survey_by_public_id(public_id))
    }
}

fn submit(body: &[u8], key: Option<&str>) -> Result<(bool, Vec<Checked>), ApiError> {
    let value = api_json::<Value>(body)?;
    block_on(check_submission(
        value,
        key.map(str::to_owned),
        NOW,
        &mut Fixed,
    ))
}

fn check_response(c: &Checked) {
    let r = &c.response;
    let survey = fixture()
        .survey_by_id(r.survey_id)
        .unwrap_or_else(|| panic!("a response to no survey: {r:?}"));
    assert_eq!(survey.fields.status, taith_domain::SurveyStatus::Live);
    let scale = survey.fields.scale;
    assert!((scale.low..=scale.high).contains(&r.score), "{r:?}");
    assert!(r.comment.as_str().chars().count() <= MAX_COMMENT_CHARS);
    assert!(r.submitted_at <= NOW + time::Duration::minutes(5));
    assert_eq!(r.submitted_at.offset(), time::UtcOffset::UTC);
    assert!(r.attributes.len() <= MAX_ATTRIBUTES);
    assert_eq!(r.touchpoint_id, survey.fields.touchpoint_id);
    if let Some(k) = &r.client_key {
        assert!(!k.is_empty() && k.chars().count() <= MAX_CLIENT_KEY_CHARS);
    }
    if survey.fields.anonymous {
        assert!(c.customer.is_none(), "a customer on an anonymous survey");
    }
    if let Some(cu) = &c.customer {
        assert!(cu.external_id.is_some() || cu.email.is_some());
    }
    let mut seen = Vec::new();
    for a in &r.answers {
        let q = survey
            .fields
            .follow_ups
            .iter()
            .find(|q| q.id == a.follow_up_id)
            .unwrap_or_else(|| panic!("an answer to no question: {a:?}"));
        assert!(q.applies_to(r.score), "an answer to a question not asked");
        assert!(!seen.contains(&a.follow_up_id), "a question answered twice");
        seen.push(a.follow_up_id);
        match (&q.kind, &a.value) {
            (FollowUpKind::OpenText, AnswerValue::Text(t)) => {
                assert!(!t.is_empty() && t.chars().count() <= MAX_COMMENT_CHARS);
            }
            (FollowUpKind::SingleChoice { options }, AnswerValue::Choice(i)) => {
                assert!(usize::from(*i) < options.len());
            }
            (FollowUpKind::MultipleChoice { options }, AnswerValue::Choices(c)) => {
                assert!(!c.is_empty() && c.windows(2).all(|w| w[0] < w[1]));
                assert!(c.iter().all(|i| usize::from(*i) < options.len()));
            }
            (FollowUpKind::Rating { scale }, AnswerValue::Rating(v)) => {
                assert!((scale.low..=scale.high).contains(v));
            }
            other => panic!("an answer of the wrong type: {other:?}"),
        }
    }
}

/// The response as a client would send it again, from what was accepted.
fn resent(c: &Checked) -> Value {
    let r = &c.response;
    let answers: Vec<Value> = r
        .answers
        .iter()
        .map(|a| {
            let value = match &a.value {
                AnswerValue::Text(t) => json!(t),
                AnswerValue::Choice(i) => json!(i),
                AnswerValue::Choices(c) => json!(c),
                AnswerValue::Rating(v) => json!(v),
            };
            json!({"follow_up_id": a.follow_up_id.to_string(), "value": value})
        })
        .collect();
    let mut m = Map::new();
    m.insert("survey_id".into(), json!(r.survey_id.to_string()));
    m.insert("score".into(), json!(r.score));
    m.insert("comment".into(), json!(r.comment.as_str()));
    m.insert("answers".into(), Value::Array(answers));
    m.insert("channel".into(), json!(r.channel.as_str()));
    m.insert("locale".into(), json!(r.locale.tag()));
    m.insert("attributes".into(), json!(r.attributes));
    let at = r
        .submitted_at
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|e| panic!("{e}"));
    m.insert("submitted_at".into(), json!(at));
    if let Some(k) = &r.client_key {
        m.insert("client_id".into(), json!(k));
    }
    if let Some(cu) = &c.customer {
        m.insert(
            "customer".into(),
            json!({
                "external_id": cu.external_id,
                "email": cu.email.as_ref().map(|e| e.as_str().to_owned()),
                "name": cu.name.as_ref().map(|n| n.as_str().to_owned()),
                "locale": cu.locale.map(|l| l.tag()),
            }),
        );
    }
    Value::Object(m)
}

fn responses(body: &[u8], key: Option<&str>) {
    match submit(body, key) {
        Err(e) => check_api_error(&e),
        Ok((single, checked)) => {
            assert!(!checked.is_empty());
            let is_batch = serde_json::from_slice::<Value>(body)
                .ok()
                .and_then(|v| v.as_object().map(|m| m.contains_key("responses")))
                .unwrap_or(false);
            assert_eq!(single, !is_batch);
            assert!(single || checked.len() <= 1_000);
            for c in &checked {
                check_response(c);
            }
            // Accepted responses, sent again as a batch, are accepted as the same.
            let batch = json!({"responses": checked.iter().map(resent).collect::<Vec<_>>()});
            let again = serde_json::to_vec(&batch).unwrap_or_else(|e| panic!("{e}"));
            let (_, back) = submit(&again, None).unwrap_or_else(|e| {
                panic!(
                    "accepted responses are refused when sent again: {e:?}\n{}",
                    String::from_utf8_lossy(&again)
                )
            });
            assert_eq!(back.len(), checked.len());
            for (a, b) in checked.iter().zip(&back) {
                let (mut ra, rb) = (a.response.clone(), &b.response);
                ra.id = rb.id;
                assert_eq!(&ra, rb, "resent response differs");
                let show = |c: &Checked| format!("{:?}", c.customer);
                assert_eq!(show(a), show(b), "resent customer differs");
            }
        }
    }
}

fn persona_input_of(f: &taith_domain::PersonaFields) -> taith_web::personas::wire::PersonaCreate {
    taith_web::personas::wire::PersonaCreate {
        name: f.name.to_string(),
        description: f.description.to_string(),
        needs: f.needs.to_string(),
        goals: f.goals.to_string(),
        behaviours: f.behaviours.to_string(),
        pains: f.pains.to_string(),
        demographics: f.demographics.to_string(),
    }
}

fn personas(body: &[u8], update: bool) {
    let current = &fixture().personas[0].fields;
    let parsed = if update {
        api_json::<taith_web::personas::wire::PersonaUpdate>(body)
            .and_then(|p| p.over(current).parse().map_err(ApiError::from))
    } else {
        api_json::<taith_web::personas::wire::PersonaCreate>(body)
            .and_then(|p| PersonaInput::from(p).parse().map_err(ApiError::from))
    };
    match parsed {
        Err(e) => check_api_error(&e),
        Ok(fields) => {
            let again = PersonaInput::from(persona_input_of(&fields)).parse();
            assert_eq!(again.as_ref(), Ok(&fields), "persona round trip");
            let unchanged = taith_web::personas::wire::PersonaUpdate::default()
                .over(&fields)
                .parse();
            assert_eq!(unchanged.as_ref(), Ok(&fields), "empty persona update");
        }
    }
}

/// The fixture's personas, for `persona_id`.
fn persona_ids() -> Vec<PersonaId> {
    fixture().personas.iter().map(|p| p.id).collect()
}

fn journeys(body: &[u8], update: bool) {
    let current = &fixture().journeys[0];
    let result: Result<Journey, ApiError> = if update {
        api_json::<wire::JourneyUpdate>(body).and_then(|input| {
            let mut j = current.clone();
            apply_journey_update(&mut j, &input, &persona_ids())?;
            Ok(j)
        })
    } else {
        api_json::<wire::JourneyCreate>(body).and_then(|input| {
            let j = parse::new_journey(&input, &persona_ids(), NOW)?;
            let model = match input.stage_model.as_deref().map(str::trim) {
                Some("seven_stage") => StageModel::SevenStage,
                Some("blank") => StageModel::Blank,
                _ => StageModel::FiveStage,
            };
            assert_eq!(j.stages.len(), model.stage_keys().len());
            Ok(j)
        })
    };
    match result {
        Err(e) => check_api_error(&e),
        Ok(j) => {
            if let Some(p) = j.fields.persona_id {
                assert!(persona_ids().contains(&p));
            }
            check_journey(&j);
        }
    }
}

/// A journey's own consistency: every touchpoint on one of its stages, ids unique.
fn check_journey(j: &Journey) {
    for t in &j.touchpoints {
        assert!(j.stage(t.stage_id).is_some(), "a touchpoint off the map");
    }
    let mut ids: Vec<StageId> = j.stages.iter().map(|s| s.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), j.stages.len(), "duplicate stage ids");
    let mut tps: Vec<TouchpointId> = j.touchpoints.iter().map(|t| t.id).collect();
    tps.sort();
    tps.dedup();
    assert_eq!(tps.len(), j.touchpoints.len(), "duplicate touchpoint ids");
}

fn stages(body: &[u8], which: u8) {
    let mut j = fixture().journeys[0].clone();
    let stage = StageId(id(0x203));
    let result = match which {
        0 => api_json::<wire::StageCreate>(body).and_then(|input| {
            let fields = StageInput::from(&input).parse()?;
            let before = j.stages.len();
            let added = j.add_stage(fields.clone());
            assert_eq!(j.stages.len(), before + 1);
            assert_eq!(j.stage(added).map(|s| &s.fields), Some(&fields));
            // A stage's fields, sent again as an update, change nothing.
            let again = wire::StageUpdate::default().over(&fields).parse();
            assert_eq!(again.as_ref(), Ok(&fields), "empty stage update");
            Ok(())
        }),
        1 => api_json::<wire::StageUpdate>(body).and_then(|input| {
            let current = j
                .stage(stage)
                .ok_or_else(|| ApiError::new(ErrorCode::NotFound))?;
            let fields = input.over(&current.fields).parse()?;
            j.update_stage(stage, fields.clone()).map_err(path_error)?;
            let again = wire::StageUpdate::default().over(&fields).parse();
            assert_eq!(again.as_ref(), Ok(&fields), "empty stage update");
            Ok(())
        }),
        _ => api_json::<wire::StageOrder>(body).and_then(|input| {
            let order = input
                .stage_ids
                .iter()
                .map(|s| s.parse::<StageId>())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|issue| ValidationErrors::one("stage_ids", issue))?;
            j.reorder_stages(&order).map_err(path_error)?;
            let now: Vec<StageId> = j.stages.iter().map(|s| s.id).collect();
            assert_eq!(now, order, "stages not in the order asked");
            Ok(())
        }),
    };
    match result {
        Err(e) => check_api_error(&e),
        Ok(()) => check_journey(&j),
    }
}

fn touchpoints(body: &[u8], update: bool) {
    let f = fixture();
    let mut j = f.journeys[0].clone();
    let members = f.member_ids();
    let result = if update {
        let tp = TouchpointId(id(0x101));
        api_json::<wire::TouchpointUpdate>(body).and_then(|input| {
            apply_touchpoint_update(&mut j, tp, &input, &members)?;
            let stage = input.stage_id.as_deref().and_then(|s| s.parse().ok());
            if let Some(stage) = stage {
                assert_eq!(j.touchpoint(tp).map(|t| t.stage_id), Some(stage));
            }
            Ok(())
        })
    } else {
        api_json::<wire::TouchpointCreate>(body).and_then(|input| {
            let tp = add_touchpoint(&mut j, &input, &members)?;
            let stage = j.touchpoint(tp).map(|t| t.stage_id);
            let last = stage.and_then(|s| j.touchpoints_of(s).last().map(|t| t.id));
            assert_eq!(last, Some(tp));
            Ok(())
        })
    };
    match result {
        Err(e) => check_api_error(&e),
        Ok(()) => {
            check_journey(&j);
            for t in &j.touchpoints {
                if let Some(taith_domain::Owner::Member { user_id }) = &t.fields.owner {
                    assert!(members.contains(user_id), "an owner who is not a member");
                }
            }
        }
    }
}

fn member_role(body: &[u8]) {
    match api_json::<taith_web::people::wire::MemberUpdate>(body) {
        Err(e) => check_api_error(&e),
        Ok(input) => {
            if let Ok(role) = input.role.parse::<Role>() {
                assert_eq!(role.as_str().parse::<Role>(), Ok(role));
                assert_eq!(role.as_str(), input.role.trim());
            }
        }
    }
}

fn invitations(body: &[u8]) {
    match api_json::<InvitationsCreate>(body).and_then(|input| {
        invitees(&input)
            .map(|ok| (input, ok))
            .map_err(ApiError::from)
    }) {
        Err(e) => check_api_error(&e),
        Ok((input, (list, days))) => {
            assert!(days <= taith_domain::invitation::MAX_REMINDER_DAYS);
            assert_eq!(list.len(), input.customers.len());
            assert!(!list.is_empty() && list.len() <= taith_domain::invitation::MAX_INVITEES);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((which, body)) = data.split_first() else {
        return;
    };
    match which % 13 {
        0 => responses(body, None),
        1 => responses(body, Some("fuzz-retry-1")),
        2 => personas(body, false),
        3 => personas(body, true),
        4 => journeys(body, false),
        5 => journeys(body, true),
        6 => stages(body, 0),
        7 => stages(body, 1),
        8 => stages(body, 2),
        9 => touchpoints(body, false),
        10 => touchpoints(body, true),
        11 => member_role(body),
        _ => invitations(body),
    }
});
