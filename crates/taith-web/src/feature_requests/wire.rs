//! Wire types of the feature-request board.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use taith_domain as d;
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// A request on the board.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeatureRequest {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    /// `under_review`, `planned`, `in_progress`, `done` or `declined`.
    pub status: String,
    /// What customers read on the public board, by locale (`en`, `cy`, `ms`, `sw`, `ar`, `vi`).
    pub public_note: BTreeMap<String, String>,
    /// Who first asked: `staff`, `public` (the public board) or `comment`.
    pub source: String,
    /// Distinct voters: customers, anonymous browsers, members, anonymous comments.
    pub votes: u64,
    /// The request this one was merged into, where its votes and comments now count.
    pub merged_into: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&d::FeatureRequest> for FeatureRequest {
    fn from(r: &d::FeatureRequest) -> Self {
        FeatureRequest {
            id: r.id.as_uuid(),
            title: r.fields.title.to_string(),
            description: r.fields.description.to_string(),
            status: r.status.as_str().to_owned(),
            public_note: r
                .note
                .texts()
                .iter()
                .map(|(l, s)| (l.tag().to_owned(), s.clone()))
                .collect(),
            source: r.source.as_str().to_owned(),
            votes: r.votes,
            merged_into: r.merged_into.map(|m| m.as_uuid()),
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

/// A comment behind a request.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestLink {
    pub response_id: Uuid,
    /// The customer who wrote it, when known.
    pub customer_id: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub linked_at: OffsetDateTime,
}

impl From<&d::RequestLink> for RequestLink {
    fn from(l: &d::RequestLink) -> Self {
        RequestLink {
            response_id: l.response_id.as_uuid(),
            customer_id: l.customer_id.map(|c| c.as_uuid()),
            linked_at: l.linked_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeatureRequestResponse {
    pub feature_request: FeatureRequest,
}

/// A request with the comments behind it.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeatureRequestDetail {
    pub feature_request: FeatureRequest,
    /// The comments linked to it, oldest first; `null` for a caller who may not read
    /// individual responses (a viewer).
    pub links: Option<Vec<RequestLink>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeatureRequestList {
    pub feature_requests: Vec<FeatureRequest>,
    pub next_cursor: Option<String>,
}

/// The filter of the request list (besides `limit` and `cursor`).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeatureRequestListQuery {
    /// Only requests with this status: `under_review`, `planned`, `in_progress`, `done`,
    /// `declined`.
    pub status: Option<String>,
}

/// A new request: from staff, or from a comment when `response_id` names one (the comment
/// and its customer stay linked, and the customer's vote counts).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FeatureRequestCreate {
    /// At most 200 characters. Required unless `response_id` is given (then the comment's
    /// first line is the title when this is left out).
    #[serde(default)]
    pub title: String,
    /// At most 4,000 characters.
    #[serde(default)]
    pub description: String,
    /// The response whose comment asks for this.
    pub response_id: Option<String>,
}

/// A vote on a customer's behalf (by `customer_id`, or found or created by `external_id` or
/// `email`), or — with none of them, from a signed-in member — the member's own. A voter
/// counts once however often they vote.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteCreate {
    pub customer_id: Option<String>,
    pub external_id: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VoteResult {
    /// The request the vote counts for (the survivor, for a merged request).
    pub feature_request: FeatureRequest,
    /// False when this voter had voted for it already (nothing changed).
    pub counted: bool,
}

/// A comment to link.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkCreate {
    #[serde(default)]
    #[schema(required = true)]
    pub response_id: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LinkResult {
    pub feature_request: FeatureRequest,
    /// False when the comment was linked already.
    pub linked: bool,
}

/// A new status and the public note that goes with it (the whole note: locales left out are
/// cleared; each at most 2,000 characters).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusUpdate {
    #[serde(default)]
    #[schema(required = true)]
    pub status: String,
    #[serde(default)]
    pub public_note: BTreeMap<String, String>,
}

/// Which request this one is merged into.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeRequest {
    #[serde(default)]
    #[schema(required = true)]
    pub into: String,
}
