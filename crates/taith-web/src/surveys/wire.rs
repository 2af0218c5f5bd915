//! Wire types of surveys, with their OpenAPI schemas.
//!
//! As in [`crate::journeys::wire`], request fields arrive as plain JSON (strings, numbers, maps) so that
//! parsing them into domain values can name the field that is wrong.

use crate::http::extract::present;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use taith_domain as d;
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// A text per locale, keyed by locale tag (`en`, `cy`, `ms`, `sw`, `ar`, `vi`).
pub type Texts = BTreeMap<String, String>;

fn texts(t: &d::LocalizedText) -> Texts {
    t.0.iter()
        .map(|(l, s)| (l.tag().to_owned(), s.clone()))
        .collect()
}

// --- surveys ----------------------------------------------------------------------------------

/// What a survey measures, and so which scales it allows.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SurveyKind {
    /// Net Promoter Score: "how likely to recommend", always `[0, 10]`.
    Nps,
    /// Customer satisfaction: `[1, 5]` by default; `[1, 3]` and `[1, 7]` allowed.
    Csat,
    /// Customer effort, an agree scale: `[1, 5]` by default; `[1, 7]` allowed.
    Ces,
    /// Any scale within `[0, 10]`.
    Custom,
}

impl From<d::SurveyKind> for SurveyKind {
    fn from(k: d::SurveyKind) -> Self {
        match k {
            d::SurveyKind::Nps => SurveyKind::Nps,
            d::SurveyKind::Csat => SurveyKind::Csat,
            d::SurveyKind::Ces => SurveyKind::Ces,
            d::SurveyKind::Custom => SurveyKind::Custom,
        }
    }
}

/// Whether a survey collects answers: only a `live` survey accepts responses.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SurveyStatus {
    Draft,
    Live,
    Closed,
}

impl From<d::SurveyStatus> for SurveyStatus {
    fn from(s: d::SurveyStatus) -> Self {
        match s {
            d::SurveyStatus::Draft => SurveyStatus::Draft,
            d::SurveyStatus::Live => SurveyStatus::Live,
            d::SurveyStatus::Closed => SurveyStatus::Closed,
        }
    }
}

/// A locale taith speaks.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    En,
    Cy,
    Ms,
    Sw,
    Ar,
    Vi,
}

impl From<d::Locale> for Locale {
    fn from(l: d::Locale) -> Self {
        match l {
            d::Locale::En => Locale::En,
            d::Locale::Cy => Locale::Cy,
            d::Locale::Ms => Locale::Ms,
            d::Locale::Sw => Locale::Sw,
            d::Locale::Ar => Locale::Ar,
            d::Locale::Vi => Locale::Vi,
        }
    }
}

/// The form of a follow-up question.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpType {
    /// Free text; the answer's `value` is a string.
    OpenText,
    /// One of `options`; the answer's `value` is the option's index.
    SingleChoice,
    /// Any of `options`; the answer's `value` is an array of indexes.
    MultipleChoice,
    /// A score on the question's own `scale`; the answer's `value` is an integer.
    Rating,
}

/// Scores for which a follow-up is asked: `min` to `max`, inclusive.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct ScoreRange {
    pub min: i16,
    pub max: i16,
}

/// A question asked after the score.
#[derive(Debug, Serialize, ToSchema)]
pub struct FollowUp {
    pub id: Uuid,
    #[serde(rename = "type")]
    pub kind: FollowUpType,
    /// The question, per locale.
    pub prompt: Texts,
    /// The choices (of `single_choice` and `multiple_choice`), each per locale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<Texts>>,
    /// The scale of a `rating`, `[low, high]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(min_items = 2, max_items = 2)]
    pub scale: Option<Vec<i16>>,
    /// Asked only for these scores; asked whatever the score when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<ScoreRange>,
}

impl From<&d::FollowUp> for FollowUp {
    fn from(f: &d::FollowUp) -> Self {
        let (kind, options, scale) = match &f.kind {
            d::FollowUpKind::OpenText => (FollowUpType::OpenText, None, None),
            d::FollowUpKind::SingleChoice { options } => (
                FollowUpType::SingleChoice,
                Some(options.iter().map(texts).collect()),
                None,
            ),
            d::FollowUpKind::MultipleChoice { options } => (
                FollowUpType::MultipleChoice,
                Some(options.iter().map(texts).collect()),
                None,
            ),
            d::FollowUpKind::Rating { scale } => (
                FollowUpType::Rating,
                None,
                Some(vec![scale.low, scale.high]),
            ),
        };
        FollowUp {
            id: f.id.as_uuid(),
            kind,
            prompt: texts(&f.prompt),
            options,
            scale,
            when: f.when.map(|r| ScoreRange {
                min: r.min,
                max: r.max,
            }),
        }
    }
}

/// A survey.
#[derive(Debug, Serialize, ToSchema)]
pub struct Survey {
    pub id: Uuid,
    pub kind: SurveyKind,
    /// The score scale, `[low, high]`.
    #[schema(min_items = 2, max_items = 2)]
    pub scale: Vec<i16>,
    /// The part of the survey's public address `/s/{public_id}`.
    pub public_id: String,
    /// Where on the journey its responses belong.
    pub touchpoint_id: Option<Uuid>,
    pub name: String,
    pub status: SurveyStatus,
    pub default_locale: Locale,
    /// The scored question, per locale.
    pub question: Texts,
    /// Shown after answering, per locale.
    pub thank_you: Texts,
    pub follow_ups: Vec<FollowUp>,
    /// Responses are not linked to customers.
    pub anonymous: bool,
    /// A customer is not asked again by this survey within this many days.
    pub throttle_days: u32,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&d::Survey> for Survey {
    fn from(s: &d::Survey) -> Self {
        let f = &s.fields;
        Survey {
            id: s.id.as_uuid(),
            kind: f.kind.into(),
            scale: vec![f.scale.low, f.scale.high],
            public_id: s.public_id.clone(),
            touchpoint_id: f.touchpoint_id.map(|t| t.as_uuid()),
            name: f.name.to_string(),
            status: f.status.into(),
            default_locale: f.default_locale.into(),
            question: texts(&f.question),
            thank_you: texts(&f.thank_you),
            follow_ups: f.follow_ups.iter().map(FollowUp::from).collect(),
            anonymous: f.anonymous,
            throttle_days: f.throttle_days,
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SurveyResponse {
    pub survey: Survey,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SurveyList {
    pub surveys: Vec<Survey>,
    pub next_cursor: Option<String>,
}

/// A follow-up question as sent.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpInput {
    /// Keeps the question's id (and so its answers) when a survey is changed; a new id when
    /// absent.
    #[schema(value_type = Option<Uuid>)]
    pub id: Option<String>,
    #[serde(rename = "type", default)]
    #[schema(value_type = FollowUpType, required = true)]
    pub kind: String,
    /// The question per locale; the survey's default locale is required.
    #[serde(default)]
    #[schema(required = true)]
    pub prompt: Texts,
    /// For `single_choice` and `multiple_choice` only: 1 to 20 choices, each per locale.
    pub options: Option<Vec<Texts>>,
    /// For `rating` only: `[low, high]`, at most 10 apart; `[1, 5]` when absent.
    #[schema(value_type = Option<Vec<i16>>, min_items = 2, max_items = 2)]
    pub scale: Option<Vec<i64>>,
    /// Ask only for scores in this range (on the survey's scale).
    pub when: Option<ScoreRangeInput>,
}

/// Scores for which a follow-up is asked; a bound left out is the end of the survey's scale.
#[derive(Debug, Default, Clone, Copy, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreRangeInput {
    pub min: Option<i64>,
    pub max: Option<i64>,
}

/// A new survey. Only `kind` and `name` are required.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyCreate {
    #[serde(default)]
    #[schema(value_type = SurveyKind, required = true)]
    pub kind: String,
    /// At most 200 characters.
    #[serde(default)]
    #[schema(required = true)]
    pub name: String,
    /// `[low, high]`; the kind's default (`[0, 10]` for NPS, `[1, 5]` otherwise) when absent.
    #[schema(value_type = Option<Vec<i16>>, min_items = 2, max_items = 2)]
    pub scale: Option<Vec<i64>>,
    /// A touchpoint of this workspace's journeys.
    #[schema(value_type = Option<Uuid>)]
    pub touchpoint_id: Option<String>,
    /// `draft` when absent; only a `live` survey accepts responses.
    #[schema(value_type = Option<SurveyStatus>)]
    pub status: Option<String>,
    /// `en` when absent.
    #[schema(value_type = Option<Locale>)]
    pub default_locale: Option<String>,
    /// The scored question per locale (at most 1,000 characters each); the default locale's
    /// is required. When absent, the kind's standard question in all six locales, naming the
    /// workspace.
    pub question: Option<Texts>,
    /// Shown after answering; the standard thanks in all six locales when absent.
    pub thank_you: Option<Texts>,
    /// At most 20.
    pub follow_ups: Option<Vec<FollowUpInput>>,
    /// Store no customer link with responses; `false` when absent.
    pub anonymous: Option<bool>,
    /// 0 to 3,650; 30 when absent.
    pub throttle_days: Option<i64>,
}

/// Changes to a survey: fields left out keep their value; `touchpoint_id: null` detaches it.
/// `question`, `thank_you` and `follow_ups` replace the whole map or list. The kind and scale
/// cannot change once the survey has responses (`409 conflict`).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyUpdate {
    /// A new kind; the scale becomes the kind's default unless `scale` is sent too.
    #[schema(value_type = Option<SurveyKind>)]
    pub kind: Option<String>,
    pub name: Option<String>,
    #[schema(value_type = Option<Vec<i16>>, min_items = 2, max_items = 2)]
    pub scale: Option<Vec<i64>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<Uuid>)]
    pub touchpoint_id: Option<Option<String>>,
    #[schema(value_type = Option<SurveyStatus>)]
    pub status: Option<String>,
    #[schema(value_type = Option<Locale>)]
    pub default_locale: Option<String>,
    pub question: Option<Texts>,
    pub thank_you: Option<Texts>,
    pub follow_ups: Option<Vec<FollowUpInput>>,
    pub anonymous: Option<bool>,
    pub throttle_days: Option<i64>,
}
