//! Wire types of responses: what is submitted and read back.

use crate::journeys::wire::Channel;
use crate::surveys::wire::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use taith_domain as d;
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// A customer as sent with a response: found by `external_id`, else by `email`, or created.
#[derive(Debug, Default, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomerInput {
    /// The customer's id in your own systems (at most 200 characters).
    pub external_id: Option<String>,
    pub email: Option<String>,
    pub name: Option<String>,
    #[schema(value_type = Option<Locale>)]
    pub locale: Option<String>,
}

/// An answer to a follow-up question as sent.
#[derive(Debug, Default, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerInput {
    #[serde(default)]
    #[schema(value_type = Uuid, required = true)]
    pub follow_up_id: String,
    /// Optional; when sent it must be the question's type.
    #[serde(rename = "type")]
    #[schema(value_type = Option<FollowUpType>)]
    pub kind: Option<String>,
    /// A string (`open_text`), an option index (`single_choice`), an array of option indexes
    /// (`multiple_choice`) or an integer on the question's scale (`rating`).
    #[serde(default)]
    #[schema(value_type = Value, required = true)]
    pub value: serde_json::Value,
}

/// One response as sent.
#[derive(Debug, Default, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseInput {
    /// The survey answered; or name it by `public_id`.
    #[schema(value_type = Option<Uuid>)]
    pub survey_id: Option<String>,
    /// The survey answered, by the part of its public address.
    pub public_id: Option<String>,
    /// An integer on the survey's scale.
    #[schema(value_type = i64, required = true)]
    pub score: Option<serde_json::Number>,
    /// At most 5,000 characters; stored and returned as plain text.
    pub comment: Option<String>,
    /// Answers to the survey's follow-up questions that apply to the score.
    pub answers: Option<Vec<AnswerInput>>,
    /// Where the response was given; `other` when absent.
    #[schema(value_type = Option<Channel>)]
    pub channel: Option<String>,
    /// The language the survey was answered in; the survey's default locale when absent.
    #[schema(value_type = Option<Locale>)]
    pub locale: Option<String>,
    /// Who answered; ignored by anonymous surveys.
    pub customer: Option<CustomerInput>,
    /// Segment keys (`team`, `agent`, `plan`, `region` …): up to 32 string values; keys of
    /// `a-z`, `0-9` and `_`, starting with a letter.
    #[schema(value_type = Option<BTreeMap<String, String>>)]
    pub attributes: Option<BTreeMap<String, serde_json::Value>>,
    /// RFC 3339; now when absent; at most 5 minutes in the future.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub submitted_at: Option<String>,
    /// Your idempotency key for this response (at most 200 characters): a response with a key
    /// already stored for the same survey is not stored again.
    pub client_id: Option<String>,
}

/// Up to 1,000 responses, stored all or none.
#[derive(Debug, Default, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseBatch {
    #[schema(min_items = 1, max_items = 1000)]
    pub responses: Vec<ResponseInput>,
}

/// What `POST /api/v1/responses` takes: one response, or a batch.
// Only documents the body: the handler reads it item by item, to name a malformed item.
#[derive(Debug, ToSchema)]
#[serde(untagged)]
pub enum ResponseSubmission {
    One(Box<ResponseInput>),
    Batch(ResponseBatch),
}

/// What became of one submitted response.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct SubmittedResponse {
    /// The response's id; for a repeated idempotency key, the id stored the first time.
    pub id: Uuid,
    /// False when the idempotency key had been stored before and nothing new was written.
    pub created: bool,
}

impl From<taith_store::StoredResponse> for SubmittedResponse {
    fn from(s: taith_store::StoredResponse) -> Self {
        SubmittedResponse {
            id: s.id.as_uuid(),
            created: s.created,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SubmittedOne {
    pub response: SubmittedResponse,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SubmittedBatch {
    /// One per submitted response, in order.
    pub responses: Vec<SubmittedResponse>,
}

/// The answer to a submission: `response` for one object, `responses` for a batch.
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum Submitted {
    One(SubmittedOne),
    Batch(SubmittedBatch),
}

/// An answer to a follow-up question.
#[derive(Debug, Serialize, ToSchema)]
pub struct Answer {
    pub follow_up_id: Uuid,
    #[serde(rename = "type")]
    pub kind: FollowUpType,
    /// A string, an option index, an array of option indexes or a rating, by `type`.
    #[schema(value_type = Value)]
    pub value: serde_json::Value,
}

impl From<&d::Answer> for Answer {
    fn from(a: &d::Answer) -> Self {
        let (kind, value) = match &a.value {
            d::AnswerValue::Text(t) => (FollowUpType::OpenText, serde_json::json!(t)),
            d::AnswerValue::Choice(c) => (FollowUpType::SingleChoice, serde_json::json!(c)),
            d::AnswerValue::Choices(c) => (FollowUpType::MultipleChoice, serde_json::json!(c)),
            d::AnswerValue::Rating(r) => (FollowUpType::Rating, serde_json::json!(r)),
        };
        Answer {
            follow_up_id: a.follow_up_id.as_uuid(),
            kind,
            value,
        }
    }
}

/// A stored response.
#[derive(Debug, Serialize, ToSchema)]
pub struct Response {
    pub id: Uuid,
    pub survey_id: Uuid,
    pub score: i16,
    /// Plain text, exactly as stored: never HTML.
    pub comment: String,
    pub answers: Vec<Answer>,
    pub channel: Channel,
    pub locale: Locale,
    pub customer_id: Option<Uuid>,
    pub attributes: BTreeMap<String, String>,
    #[serde(with = "time::serde::rfc3339")]
    pub submitted_at: OffsetDateTime,
    /// The survey's touchpoint when the response was stored.
    pub touchpoint_id: Option<Uuid>,
    /// The idempotency key it was stored with.
    pub client_id: Option<String>,
}

impl From<&d::NewResponse> for Response {
    fn from(r: &d::NewResponse) -> Self {
        Response {
            id: r.id.as_uuid(),
            survey_id: r.survey_id.as_uuid(),
            score: r.score,
            comment: r.comment.to_string(),
            answers: r.answers.iter().map(Answer::from).collect(),
            channel: r.channel.into(),
            locale: r.locale.into(),
            customer_id: r.customer_id.map(|c| c.as_uuid()),
            attributes: r.attributes.clone(),
            submitted_at: r.submitted_at,
            touchpoint_id: r.touchpoint_id.map(|t| t.as_uuid()),
            client_id: r.client_key.clone(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResponseList {
    pub responses: Vec<Response>,
    pub next_cursor: Option<String>,
}

/// The filter of the response list (besides `limit` and `cursor`).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResponseListQuery {
    /// Only this survey's responses.
    #[param(value_type = Option<Uuid>)]
    pub survey_id: Option<String>,
}
