//! Responses to surveys.

use crate::{Page, PageRequest, StoreResult};
use async_trait::async_trait;
use taith_domain::survey::Answer;
use taith_domain::{
    CustomerId, LongText, NewResponse, ResponseId, SurveyId, TouchpointId, WorkspaceId,
};
use time::OffsetDateTime;

/// A response on its way into the store, with the workspace it belongs to.
#[derive(Debug, Clone)]
pub struct ResponseToStore {
    pub workspace_id: WorkspaceId,
    pub response: NewResponse,
}

/// What became of one response of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredResponse {
    /// The stored response's id: the new one, or — for a repeated client key — the id of the
    /// response stored the first time.
    pub id: ResponseId,
    /// False when the client key had been stored before (nothing new was written).
    pub created: bool,
}

/// Responses: stored in batches, read, amended and deleted.
#[async_trait]
pub trait ResponseStore: Send + Sync {
    /// Stores a batch of responses in ONE transaction and returns only after it committed
    /// durably, one result per input in order. A response whose `(workspace, survey,
    /// client_key)` was stored before (or earlier in the same batch) is not stored again: its
    /// result names the first one, `created: false`. All-or-nothing: a response naming a survey,
    /// touchpoint or customer that is not in its workspace fails the whole batch
    /// (`Conflict(StaleReference)`).
    async fn insert_responses(&self, batch: &[ResponseToStore])
    -> StoreResult<Vec<StoredResponse>>;

    /// Adds follow-up answers and a comment to a stored response (the score was stored first,
    /// so it counts even if these never come).
    async fn add_answers(
        &self,
        ws: WorkspaceId,
        id: ResponseId,
        answers: &[Answer],
        comment: &LongText,
    ) -> StoreResult<()>;

    async fn response(&self, ws: WorkspaceId, id: ResponseId) -> StoreResult<NewResponse>;

    /// Deletes a response for good (a customer's request to be forgotten, a test answer).
    /// NotFound when it is not one of the workspace's.
    async fn delete_response(&self, ws: WorkspaceId, id: ResponseId) -> StoreResult<()>;

    /// The response of `survey` stored with the client key `key`, if there is one.
    async fn response_by_client_key(
        &self,
        ws: WorkspaceId,
        survey: SurveyId,
        key: &str,
    ) -> StoreResult<Option<ResponseId>>;

    /// Responses of the workspace (of one survey when given), oldest first by id.
    async fn responses(
        &self,
        ws: WorkspaceId,
        survey: Option<SurveyId>,
        page: PageRequest<ResponseId>,
    ) -> StoreResult<Page<NewResponse, ResponseId>>;

    /// The newest responses given at `touchpoint` that carry a comment, newest first.
    async fn latest_comments(
        &self,
        ws: WorkspaceId,
        touchpoint: TouchpointId,
        limit: u32,
    ) -> StoreResult<Vec<NewResponse>>;

    /// When the customer last answered this survey, for throttling.
    async fn last_response_at(
        &self,
        ws: WorkspaceId,
        survey: SurveyId,
        customer: CustomerId,
    ) -> StoreResult<Option<OffsetDateTime>>;
}
