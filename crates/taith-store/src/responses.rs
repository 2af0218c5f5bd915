//! Responses to surveys.

use crate::{NewCustomer, Page, PageRequest, StoreResult};
use async_trait::async_trait;
use taith_domain::survey::Answer;
use taith_domain::{
    CustomerId, Locale, LongText, NewResponse, ResponseId, SurveyId, TouchpointId, WorkspaceId,
};
use time::OffsetDateTime;

/// A response on its way into the store, with the workspace it belongs to and, when it names
/// one, the customer to link it to.
#[derive(Debug, Clone)]
pub struct ResponseToStore {
    pub workspace_id: WorkspaceId,
    /// The response; its `customer_id` is used only when `customer` is `None`.
    pub response: NewResponse,
    /// The customer who gave the response, found or created by
    /// [`insert_responses`](ResponseStore::insert_responses) in the transaction that stores
    /// the response (the rules of [`upsert_customer`](crate::CustomerStore::upsert_customer)),
    /// and linked to it in place of `response.customer_id`.
    pub customer: Option<NewCustomer>,
}

/// What became of one response of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredResponse {
    /// The stored response's id: the new one, or — for a repeated client key — the id of the
    /// response stored the first time.
    pub id: ResponseId,
    /// False when the client key had been stored before (nothing new was written).
    pub created: bool,
    /// The customer the input named: the one found or created for its `customer`, else its
    /// `response.customer_id`. (A repeated client key stores nothing new: the response stored
    /// the first time keeps the customer it was linked to then.)
    pub customer_id: Option<CustomerId>,
}

/// Which responses [`responses_between`](ResponseStore::responses_between) reads: those
/// submitted in `[from, to)`, narrowed by the filters given, newest first.
#[derive(Debug, Clone)]
pub struct ResponsesBetween {
    pub from: OffsetDateTime,
    /// Excluded.
    pub to: OffsetDateTime,
    pub survey: Option<SurveyId>,
    pub touchpoint: Option<TouchpointId>,
    /// The language the customer answered in.
    pub locale: Option<Locale>,
    /// Only responses where the customer wrote something: a comment or an open-text
    /// follow-up answer.
    pub with_comment: bool,
    /// Carry on after this response (the last one of the page before): its time and id.
    pub after: Option<(OffsetDateTime, ResponseId)>,
    pub limit: u32,
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
    ///
    /// The customers of the batch ([`ResponseToStore::customer`]) are found or created in the
    /// same transaction, in batch order, by the rules of
    /// [`upsert_customer`](crate::CustomerStore::upsert_customer) (a customer named twice is
    /// resolved once), so one commit covers customers and responses and a batch that fails
    /// leaves no customer behind.
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

    /// Deletes a response for good (a customer's request to be forgotten, a test answer), and
    /// logs the deletion for the nodes that count responses
    /// ([`response_deletions_since`](ResponseStore::response_deletions_since)), in one
    /// transaction. NotFound when it is not one of the workspace's.
    async fn delete_response(&self, ws: WorkspaceId, id: ResponseId) -> StoreResult<()>;

    /// The workspace's responses deleted at or after `since` by
    /// [`delete_response`](ResponseStore::delete_response), as `(id, deleted_at)`, by
    /// `deleted_at` then id: how a node that counts responses (the analytics tailer) learns
    /// that one it counted is gone, whichever node deleted it.
    ///
    /// What a tailer can rely on: each entry is written in the transaction that deletes the
    /// response, so it is visible exactly when the deletion is; `deleted_at` is stamped there
    /// by the database's clock (one clock for every node sharing the store, microseconds,
    /// millisecond resolution on SQLite); and every deletion committed before this call with
    /// `deleted_at >= since` is in the answer. A response stored again under the same id and
    /// deleted again is listed once, at its latest deletion. The log is kept until
    /// [`forget_response_deletions_before`](ResponseStore::forget_response_deletions_before).
    ///
    /// What it cannot rely on: that deletions become visible in `deleted_at` order. On
    /// PostgreSQL concurrent transactions commit in any order, so a deletion stamped before
    /// the latest one a tailer has seen can become visible after it (by as long as its
    /// transaction took to commit, or more if the database's clock is stepped back). So a
    /// tailer asks again from the latest `deleted_at` it has seen minus an overlap window
    /// (say a minute: deletions are few, re-reading them is cheap), and removing an id it has
    /// already removed, or never counted, must do nothing.
    async fn response_deletions_since(
        &self,
        ws: WorkspaceId,
        since: OffsetDateTime,
    ) -> StoreResult<Vec<(ResponseId, OffsetDateTime)>>;

    /// Drops the workspace's deletion log entries older than `before`, returning how many. A
    /// tailer only re-reads a short window, and a node that was away longer rebuilds its
    /// index from the responses themselves, so old entries serve no one.
    async fn forget_response_deletions_before(
        &self,
        ws: WorkspaceId,
        before: OffsetDateTime,
    ) -> StoreResult<u64>;

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

    /// Up to `q.limit` of the workspace's responses submitted in the period, newest first
    /// (by submission time, then id), after `q.after` when given: the survey page's latest
    /// answers and the dashboard's comments feed.
    async fn responses_between(
        &self,
        ws: WorkspaceId,
        q: &ResponsesBetween,
    ) -> StoreResult<Vec<NewResponse>>;

    /// When the customer last answered this survey, for throttling.
    async fn last_response_at(
        &self,
        ws: WorkspaceId,
        survey: SurveyId,
        customer: CustomerId,
    ) -> StoreResult<Option<OffsetDateTime>>;
}
