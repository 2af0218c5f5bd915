//! What the fuzz targets share: one fixed workspace (surveys, journeys, touchpoints, members,
//! a persona, an analytics index) whose ids the seed corpora use, a JSON body read exactly as
//! the API reads one ([`api_json`]), and a tiny executor for the API's checks ([`block_on`]):
//! their futures only wait on lookups, which are answered at once here.
//!
//! The ids are fixed so that inputs can name them: `0191e2a0-0000-7000-8000-0000000000NN`
//! ([`id`]). Surveys: `…0001` NPS (live, follow-ups `…00f1`–`…00f4`, public id
//! `nps-public-01`), `…0002` CSAT (live, anonymous, `csat-anon-02`), `…0003` CES (draft,
//! `ces-draft-03`), `…0004` custom 0–3 (live, Arabic and Vietnamese only, `custom-ar-04`).
//! Touchpoints `…0101`–`…0105`, stages `…0201`–`…0206`, journeys `…0301`–`…0302`, persona
//! `…0401`, members `…0501` (admin) and `…0502` (agent).

use axum::extract::FromRequest;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::pin;
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll, Waker};
use taith_domain::csv::TouchpointRef;
use taith_domain::journey::{JourneyFields, StageFields, TouchpointFields};
use taith_domain::survey::{FollowUp, FollowUpKind, LocalizedText, Scale, ScoreRange};
use taith_domain::{
    Channel, Email, FollowUpId, Journey, JourneyId, Locale, LongText, Member, Name, NewResponse,
    Owner, Persona, PersonaFields, PersonaId, ResponseId, Role, Stage, StageId, Survey,
    SurveyFields, SurveyId, SurveyKind, SurveyStatus, Touchpoint, TouchpointId, User, UserId,
};
use taith_metrics::index::{Index, IndexedResponse, Layout, Place};
use taith_web::http::error::{ApiError, ErrorCode};
use taith_web::http::extract::ApiJson;
use time::OffsetDateTime;
use time::macros::datetime;

/// The fixed id `0191e2a0-0000-7000-8000-0000000000NN` (a UUIDv7 shape, like the app's).
pub const fn id(n: u128) -> uuid::Uuid {
    uuid::Uuid::from_u128(0x0191_e2a0_0000_7000_8000_0000_0000_0000 | n)
}

/// "Now" for every check that needs it (a submission's `submitted_at` may not be later).
pub const NOW: OffsetDateTime = datetime!(2026-03-15 12:00 UTC);

/// Polls a future that never really waits (the API's checks, with lookups answered from the
/// fixture) to its end.
pub fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..10_000 {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
    panic!("a check that should finish at once kept waiting");
}

/// A JSON request body read as the API reads it: through [`ApiJson`] (axum's `Json`, then
/// taith's `400` with a hint).
pub fn api_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let request = axum::http::Request::builder()
        .method("POST")
        .uri("/api/v1/fuzz")
        .header("content-type", "application/json")
        .body(axum::body::Body::from(body.to_vec()))
        .unwrap_or_else(|e| panic!("a fixed request builds: {e}"));
    match block_on(ApiJson::<T>::from_request(request, &())) {
        Ok(json) => json.into_inner(),
        Err(never) => match never {},
    }
}

/// The properties every API error has: a client error with a code the catalogue knows, field
/// names for a `422`, and a short hint.
pub fn check_api_error(e: &ApiError) {
    assert!(
        matches!(
            e.code,
            ErrorCode::BadRequest
                | ErrorCode::ValidationFailed
                | ErrorCode::NotFound
                | ErrorCode::PayloadTooLarge
                | ErrorCode::Conflict
                | ErrorCode::StaleVersion
        ),
        "unexpected error code {:?}",
        e.code
    );
    if e.code == ErrorCode::ValidationFailed {
        assert!(!e.details.is_empty(), "a 422 names no field: {e:?}");
        for d in &e.details {
            assert!(!d.field.is_empty(), "a 422 with an empty field name: {e:?}");
        }
    }
    if let Some(hint) = &e.hint {
        assert!(hint.chars().count() <= 300, "hint too long: {}", hint.len());
    }
}

fn name(s: &str) -> Name {
    Name::parse(s).unwrap_or_else(|i| panic!("fixture name {s:?}: {i:?}"))
}

fn texts(pairs: &[(Locale, &str)]) -> LocalizedText {
    LocalizedText(
        pairs
            .iter()
            .map(|(l, s)| (*l, (*s).to_owned()))
            .collect::<BTreeMap<_, _>>(),
    )
}

/// The fixed workspace.
#[derive(Debug)]
pub struct Fixture {
    pub nps: Arc<Survey>,
    pub csat_anon: Arc<Survey>,
    pub ces_draft: Arc<Survey>,
    pub custom_ar: Arc<Survey>,
    pub journeys: Vec<Journey>,
    pub personas: Vec<Persona>,
    pub members: Vec<Member>,
    /// Every touchpoint with its journey's name, as an import reads them.
    pub touchpoint_refs: Vec<TouchpointRef>,
    /// Where each touchpoint sits, as the metrics read it.
    pub layout: Layout,
    /// The analytics index of [`Fixture::responses`].
    pub index: Index,
    pub responses: Vec<NewResponse>,
}

impl Fixture {
    pub fn surveys(&self) -> [&Arc<Survey>; 4] {
        [&self.nps, &self.csat_anon, &self.ces_draft, &self.custom_ar]
    }

    pub fn survey_by_id(&self, sid: SurveyId) -> Option<Arc<Survey>> {
        self.surveys().into_iter().find(|s| s.id == sid).cloned()
    }

    pub fn survey_by_public_id(&self, public_id: &str) -> Option<Arc<Survey>> {
        self.surveys()
            .into_iter()
            .find(|s| s.public_id == public_id)
            .cloned()
    }

    /// Whether `tp` is on one of the workspace's journeys.
    pub fn has_touchpoint(&self, tp: TouchpointId) -> bool {
        self.journeys.iter().any(|j| j.touchpoint(tp).is_some())
    }

    pub fn member_ids(&self) -> Vec<UserId> {
        self.members.iter().map(|m| m.user.id).collect()
    }
}

fn survey(n: u128, public_id: &str, fields: SurveyFields) -> Arc<Survey> {
    let fields = fields
        .validate()
        .unwrap_or_else(|e| panic!("fixture survey {public_id}: {e:?}"));
    Arc::new(Survey {
        id: SurveyId(id(n)),
        public_id: public_id.to_owned(),
        fields,
        created_at: datetime!(2026-01-01 09:00 UTC),
        updated_at: datetime!(2026-01-01 09:00 UTC),
    })
}

fn build() -> Fixture {
    let choices = || {
        vec![
            texts(&[(Locale::En, "Price"), (Locale::Cy, "Pris")]),
            texts(&[(Locale::En, "Speed")]),
            texts(&[(Locale::En, "Staff")]),
        ]
    };
    let nps = survey(
        0x01,
        "nps-public-01",
        SurveyFields {
            name: name("Checkout NPS"),
            kind: SurveyKind::Nps,
            scale: Scale { low: 0, high: 10 },
            default_locale: Locale::En,
            question: texts(&[
                (Locale::En, "How likely are you to recommend Bara Bakery?"),
                (
                    Locale::Cy,
                    "Pa mor debygol ydych chi o argymell Becws Bara?",
                ),
            ]),
            thank_you: texts(&[(Locale::En, "Thank you!"), (Locale::Cy, "Diolch!")]),
            follow_ups: vec![
                FollowUp {
                    id: FollowUpId(id(0xf1)),
                    prompt: texts(&[(Locale::En, "What could we do better?")]),
                    kind: FollowUpKind::OpenText,
                    when: Some(ScoreRange { min: 0, max: 6 }),
                },
                FollowUp {
                    id: FollowUpId(id(0xf2)),
                    prompt: texts(&[(Locale::En, "What mattered most?")]),
                    kind: FollowUpKind::SingleChoice { options: choices() },
                    when: None,
                },
                FollowUp {
                    id: FollowUpId(id(0xf3)),
                    prompt: texts(&[(Locale::En, "What did you notice?")]),
                    kind: FollowUpKind::MultipleChoice { options: choices() },
                    when: None,
                },
                FollowUp {
                    id: FollowUpId(id(0xf4)),
                    prompt: texts(&[(Locale::En, "Rate the delivery")]),
                    kind: FollowUpKind::Rating {
                        scale: Scale { low: 1, high: 5 },
                    },
                    when: Some(ScoreRange { min: 7, max: 10 }),
                },
            ],
            touchpoint_id: Some(TouchpointId(id(0x101))),
            status: SurveyStatus::Live,
            anonymous: false,
            throttle_days: 30,
        },
    );
    let csat_anon = survey(
        0x02,
        "csat-anon-02",
        SurveyFields {
            name: name("Delivery CSAT"),
            kind: SurveyKind::Csat,
            scale: Scale { low: 1, high: 5 },
            default_locale: Locale::Cy,
            question: texts(&[
                (Locale::Cy, "Pa mor fodlon oeddech chi?"),
                (Locale::En, "How satisfied were you?"),
            ]),
            thank_you: texts(&[(Locale::Cy, "Diolch!")]),
            follow_ups: Vec::new(),
            touchpoint_id: Some(TouchpointId(id(0x102))),
            status: SurveyStatus::Live,
            anonymous: true,
            throttle_days: 0,
        },
    );
    let ces_draft = survey(
        0x03,
        "ces-draft-03",
        SurveyFields {
            name: name("Support CES"),
            kind: SurveyKind::Ces,
            scale: Scale { low: 1, high: 7 },
            default_locale: Locale::En,
            question: texts(&[(Locale::En, "How easy was it?")]),
            thank_you: texts(&[(Locale::En, "Thanks")]),
            follow_ups: Vec::new(),
            touchpoint_id: None,
            status: SurveyStatus::Draft,
            anonymous: false,
            throttle_days: 30,
        },
    );
    let custom_ar = survey(
        0x04,
        "custom-ar-04",
        SurveyFields {
            name: name("Store visit"),
            kind: SurveyKind::Custom,
            scale: Scale { low: 0, high: 3 },
            default_locale: Locale::Ar,
            question: texts(&[
                (Locale::Ar, "كيف كانت زيارتك؟"),
                (Locale::Vi, "Chuyến thăm của bạn thế nào?"),
            ]),
            thank_you: texts(&[(Locale::Ar, "شكرا")]),
            follow_ups: Vec::new(),
            touchpoint_id: Some(TouchpointId(id(0x104))),
            status: SurveyStatus::Live,
            anonymous: false,
            throttle_days: 7,
        },
    );

    let members = vec![
        Member {
            user: User {
                id: UserId(id(0x501)),
                email: Email::parse("sian@example.com").unwrap_or_else(|_| unreachable!()),
                name: name("Siân Jones"),
            },
            role: Role::Admin,
        },
        Member {
            user: User {
                id: UserId(id(0x502)),
                email: Email::parse("bob@example.com").unwrap_or_else(|_| unreachable!()),
                name: name("Bob"),
            },
            role: Role::Agent,
        },
    ];
    let personas = vec![Persona {
        id: PersonaId(id(0x401)),
        fields: PersonaFields {
            name: name("Busy parent"),
            description: LongText::parse("Shops on the phone\nbetween school runs")
                .unwrap_or_else(|_| unreachable!()),
            needs: LongText::empty(),
            goals: LongText::empty(),
            behaviours: LongText::empty(),
            pains: LongText::empty(),
            demographics: LongText::empty(),
        },
        created_at: datetime!(2026-01-01 09:00 UTC),
        updated_at: datetime!(2026-01-01 09:00 UTC),
    }];

    let stage = |n: u128, s: &str| Stage {
        id: StageId(id(n)),
        fields: StageFields::named(name(s)),
    };
    let tp = |n: u128, stage: u128, s: &str, channel: Channel, owner: Option<Owner>| Touchpoint {
        id: TouchpointId(id(n)),
        stage_id: StageId(id(stage)),
        fields: TouchpointFields {
            name: name(s),
            channel,
            owner,
            description: LongText::empty(),
            moment_of_truth: false,
        },
    };
    let web = Journey {
        id: JourneyId(id(0x301)),
        fields: JourneyFields {
            name: name("Web order"),
            description: LongText::empty(),
            persona_id: Some(PersonaId(id(0x401))),
        },
        version: 7,
        stages: vec![
            stage(0x201, "Awareness"),
            stage(0x202, "Consideration"),
            stage(0x203, "Purchase"),
            stage(0x204, "Delivery"),
            stage(0x205, "Support"),
        ],
        touchpoints: vec![
            tp(
                0x101,
                0x203,
                "Checkout",
                Channel::Web,
                Some(Owner::Member {
                    user_id: UserId(id(0x502)),
                }),
            ),
            tp(
                0x102,
                0x204,
                "Doorstep delivery",
                Channel::InStore,
                Some(Owner::Team {
                    name: name("Couriers"),
                }),
            ),
            tp(0x103, 0x203, "Shop counter", Channel::InStore, None),
        ],
        created_at: datetime!(2026-01-01 09:00 UTC),
        updated_at: datetime!(2026-02-01 09:00 UTC),
    };
    let phone = Journey {
        id: JourneyId(id(0x302)),
        fields: JourneyFields {
            name: name("Phone order"),
            description: LongText::empty(),
            persona_id: None,
        },
        version: 1,
        stages: vec![stage(0x206, "Call")],
        touchpoints: vec![
            tp(0x104, 0x206, "Shop counter", Channel::Phone, None),
            tp(0x105, 0x206, "checkout", Channel::Phone, None),
        ],
        created_at: datetime!(2026-01-01 09:00 UTC),
        updated_at: datetime!(2026-01-01 09:00 UTC),
    };
    let journeys = vec![web, phone];

    let mut touchpoint_refs = Vec::new();
    let mut layout = Layout::default();
    for j in &journeys {
        for t in &j.touchpoints {
            touchpoint_refs.push(TouchpointRef {
                id: t.id,
                name: t.fields.name.to_string(),
                journey: j.fields.name.to_string(),
            });
            let stage = j
                .stage(t.stage_id)
                .map(|s| s.fields.name.to_string())
                .unwrap_or_default();
            layout.touchpoints.insert(
                t.id,
                Place {
                    touchpoint: t.fields.name.to_string(),
                    stage,
                    journey: j.fields.name.to_string(),
                    stage_id: t.stage_id,
                    journey_id: j.id,
                },
            );
        }
    }

    // Responses spread over the surveys, touchpoints, channels, locales, days and two
    // attributes, so that every grouping has several groups.
    let surveys = [&nps, &csat_anon, &ces_draft, &custom_ar];
    let mut responses = Vec::new();
    for i in 0u32..240 {
        let s = surveys[(i % 4) as usize];
        let scale = s.fields.scale;
        let span = u32::try_from(scale.high - scale.low).unwrap_or(0) + 1;
        let score = scale.low + i16::try_from((i * 7) % span).unwrap_or(0);
        let mut attributes = BTreeMap::new();
        if i % 3 != 0 {
            attributes.insert(
                "team".to_owned(),
                ["north", "south", "Gwynedd"][(i % 3) as usize].to_owned(),
            );
        }
        if i % 5 == 0 {
            attributes.insert("plan".to_owned(), format!("p{}", i % 2));
        }
        let tps = [0x101, 0x102, 0x103, 0x104, 0x105];
        responses.push(NewResponse {
            id: ResponseId(id(0x1_0000 + u128::from(i))),
            survey_id: s.id,
            score,
            answers: Vec::new(),
            comment: LongText::empty(),
            touchpoint_id: (i % 7 != 0).then(|| TouchpointId(id(tps[(i % 5) as usize]))),
            channel: Channel::ALL[(i as usize) % Channel::ALL.len()],
            locale: Locale::ALL[(i as usize) % Locale::ALL.len()],
            customer_id: None,
            attributes,
            submitted_at: datetime!(2025-12-20 10:00 UTC) + time::Duration::days(i64::from(i % 90)),
            client_key: None,
        });
    }
    let mut index = Index::new();
    for s in surveys {
        index.set_survey(s.id, taith_app::metrics::shape(s));
    }
    let rows: Vec<IndexedResponse> = responses.iter().map(taith_app::metrics::indexed).collect();
    index.add(&rows);
    index.compact();

    Fixture {
        nps,
        csat_anon,
        ces_draft,
        custom_ar,
        journeys,
        personas,
        members,
        touchpoint_refs,
        layout,
        index,
        responses,
    }
}

/// The fixed workspace, built once per process.
pub fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(build)
}

/// Splits fuzz input into a selector byte and the rest.
pub fn split_selector(data: &[u8]) -> Option<(u8, &[u8])> {
    data.split_first().map(|(b, rest)| (*b, rest))
}
