//! Survey definitions and journey files as JSON, read exactly as the API and the CLI read
//! them. The first byte picks the document, the rest is the body:
//!
//! - `0`: `POST /api/v1/surveys` — `ApiJson<SurveyCreate>`, then `api::surveys::create_fields`;
//! - `1`: `PATCH /api/v1/surveys/{id}` — `ApiJson<SurveyUpdate>`, then
//!   `api::surveys::update_fields` over the fixture's NPS survey;
//! - `2`: `taith journey import` — `taith_domain::transfer::read_journey_file`;
//! - `3`: `POST /api/v1/journeys/import` — `ApiJson<wire::JourneyFile>`, then
//!   `api::parse::journey_file`.
//!
//! Properties, besides never panicking:
//! - a refusal is a `400` with a short hint or a `422` naming fields;
//! - an accepted survey validates again, and what the API answers for it (`wire::Survey`),
//!   sent back as a create, gives the same survey (but new follow-up ids); sent as an update
//!   (with its ids) over itself, exactly the same survey; an empty update changes nothing;
//! - an accepted journey file reads back the same after writing it out, and survives import
//!   and export; the API's and the CLI's readings of an exported file agree.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use taith_domain::transfer::{JourneyFile, OwnerFile, read_journey_file};
use taith_domain::{Issue, Survey, SurveyFields, SurveyId, TouchpointId, User};
use taith_fuzz::{NOW, api_json, block_on, check_api_error, fixture, id};
use taith_web::journeys::parse;
use taith_web::surveys::api::{SurveyContext, create_fields, update_fields};
use taith_web::journeys::wire;
use taith_web::surveys::wire::{self as wire_surveys, SurveyCreate, SurveyUpdate};
use taith_web::http::error::ApiError;

/// The fixture's workspace, answering as the store would.
struct Fixed;

impl SurveyContext for Fixed {
    async fn touchpoint(&self, s: &str) -> Result<Result<Option<TouchpointId>, Issue>, ApiError> {
        Ok(match s.parse::<TouchpointId>() {
            Err(issue) => Err(issue),
            Ok(tp) if fixture().has_touchpoint(tp) => Ok(Some(tp)),
            Ok(_) => Err(Issue::NotFound),
        })
    }

    async fn business_name(&self) -> Result<String, ApiError> {
        Ok("Bara Bakery".to_owned())
    }
}

/// The survey as the API answers with it, as JSON.
fn answered(fields: &SurveyFields) -> Value {
    let survey = Survey {
        id: SurveyId(id(0x99)),
        public_id: "fuzz-public-99".to_owned(),
        fields: fields.clone(),
        created_at: NOW,
        updated_at: NOW,
    };
    serde_json::to_value(wire_surveys::Survey::from(&survey))
        .unwrap_or_else(|e| panic!("a survey serialises: {e}"))
}

/// `answered` as a body to send back: without what the server sets.
fn as_body(mut v: Value, keep_follow_up_ids: bool) -> Vec<u8> {
    if let Value::Object(m) = &mut v {
        for k in ["id", "public_id", "created_at", "updated_at"] {
            m.remove(k);
        }
        if !keep_follow_up_ids && let Some(Value::Array(fs)) = m.get_mut("follow_ups") {
            for f in fs {
                if let Value::Object(f) = f {
                    f.remove("id");
                }
            }
        }
    }
    serde_json::to_vec(&v).unwrap_or_else(|e| panic!("JSON serialises: {e}"))
}

fn without_follow_up_ids(f: &SurveyFields) -> SurveyFields {
    let mut f = f.clone();
    for q in &mut f.follow_ups {
        q.id = taith_domain::FollowUpId(id(0));
    }
    f
}

fn check_survey(fields: &SurveyFields) {
    let again = fields
        .clone()
        .validate()
        .unwrap_or_else(|e| panic!("an accepted survey does not validate: {e:?}"));
    assert_eq!(&again, fields);
    assert!(fields.question.has(fields.default_locale));
    assert!(fields.thank_you.has(fields.default_locale));

    // Sent back as a create: the same survey, with new follow-up ids.
    let body = as_body(answered(fields), false);
    let created = api_json::<SurveyCreate>(&body)
        .and_then(|input| block_on(create_fields(&input, &Fixed)))
        .unwrap_or_else(|e| {
            panic!(
                "the API's own answer is refused as a create: {e:?}\n{}",
                String::from_utf8_lossy(&body)
            )
        });
    assert_eq!(
        without_follow_up_ids(&created),
        without_follow_up_ids(fields),
        "create round trip"
    );

    // Sent back as an update of itself, with the follow-ups' ids: exactly the same.
    let body = as_body(answered(fields), true);
    let updated = api_json::<SurveyUpdate>(&body)
        .and_then(|input| block_on(update_fields(&input, fields, &Fixed)))
        .unwrap_or_else(|e| {
            panic!(
                "the API's own answer is refused as an update: {e:?}\n{}",
                String::from_utf8_lossy(&body)
            )
        });
    assert_eq!(&updated, fields, "update round trip");

    // An empty update changes nothing.
    let unchanged = block_on(update_fields(&SurveyUpdate::default(), fields, &Fixed))
        .unwrap_or_else(|e| panic!("an empty update is refused: {e:?}"));
    assert_eq!(&unchanged, fields, "empty update");
}

/// A journey file as it comes back from an import and an export into a workspace with
/// `members`: a member owner stays a member (named as the workspace names them) when the
/// workspace has the address, else becomes a team of that name.
fn as_reimported(mut file: JourneyFile, members: &[User]) -> JourneyFile {
    for s in &mut file.stages {
        for t in &mut s.touchpoints {
            if let Some(OwnerFile::Member { email, name }) = &t.owner {
                t.owner = Some(match members.iter().find(|u| &u.email == email) {
                    Some(u) => OwnerFile::Member {
                        email: u.email.clone(),
                        name: u.name.clone(),
                    },
                    None => OwnerFile::Team { name: name.clone() },
                });
            }
        }
    }
    file
}

fn check_journey_file(file: &JourneyFile) {
    let json = serde_json::to_vec(file).unwrap_or_else(|e| panic!("a file serialises: {e}"));
    let back = read_journey_file(&json).unwrap_or_else(|e| panic!("a written file: {e}"));
    assert_eq!(&back, file, "journey file write/read");

    let members: Vec<User> = fixture().members.iter().map(|m| m.user.clone()).collect();
    let journey = file.clone().into_journey(None, &members, NOW);
    assert_eq!(journey.stages.len(), file.stages.len());
    for t in &journey.touchpoints {
        assert!(
            journey.stage(t.stage_id).is_some(),
            "touchpoint off the map"
        );
    }
    let exported = JourneyFile::from_journey(&journey, file.persona.as_ref(), &members);
    assert_eq!(
        exported,
        as_reimported(file.clone(), &members),
        "journey file import/export"
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((which, body)) = data.split_first() else {
        return;
    };
    let f = fixture();
    match which % 4 {
        0 => match api_json::<SurveyCreate>(body)
            .and_then(|input| block_on(create_fields(&input, &Fixed)))
        {
            Ok(fields) => check_survey(&fields),
            Err(e) => check_api_error(&e),
        },
        1 => match api_json::<SurveyUpdate>(body)
            .and_then(|input| block_on(update_fields(&input, &f.nps.fields, &Fixed)))
        {
            Ok(fields) => check_survey(&fields),
            Err(e) => check_api_error(&e),
        },
        2 => {
            if let Ok(file) = read_journey_file(body) {
                assert_eq!(file.format, taith_domain::transfer::FORMAT_V1);
                check_journey_file(&file);
            }
        }
        _ => match api_json::<wire::JourneyFile>(body)
            .and_then(|input| parse::journey_file(input).map_err(ApiError::from))
        {
            Ok(file) => {
                check_journey_file(&file);
                // What the API exports, the API and the CLI both read as this file.
                let out = wire::JourneyFile::from(&file);
                let json = serde_json::to_vec(&out).unwrap_or_else(|e| panic!("{e}"));
                let api = api_json::<wire::JourneyFile>(&json)
                    .and_then(|input| parse::journey_file(input).map_err(ApiError::from))
                    .unwrap_or_else(|e| panic!("the API's export is refused: {e:?}"));
                assert_eq!(api, file, "API export/import");
                let cli = read_journey_file(&json)
                    .unwrap_or_else(|e| panic!("the CLI refuses the API's export: {e}"));
                assert_eq!(cli, file, "API export, CLI import");
            }
            Err(e) => check_api_error(&e),
        },
    }
});
