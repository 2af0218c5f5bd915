//! Feature requests: the board, its votes, and the comments behind each request.

use crate::{Page, PageRequest, StoreResult};
use async_trait::async_trait;
use taith_domain::{
    CustomerId, FeatureRequest, FeatureRequestFields, FeatureRequestId, FeatureRequestStatus,
    PublicNote, RequestLink, RequestSource, ResponseId, Voter, WorkspaceId,
};

/// A request on its way into the store.
#[derive(Debug, Clone)]
pub struct NewFeatureRequest {
    pub fields: FeatureRequestFields,
    pub source: RequestSource,
}

/// Which requests [`feature_requests`](FeatureRequestStore::feature_requests) lists.
#[derive(Debug, Clone, Copy, Default)]
pub struct FeatureRequestFilter {
    /// Only requests with this status.
    pub status: Option<FeatureRequestStatus>,
    /// Also requests merged into another (left out by default: they live on in the survivor).
    pub with_merged: bool,
}

/// A workspace's feature-request board.
#[async_trait]
pub trait FeatureRequestStore: Send + Sync {
    /// The workspace's requests matching `filter`, oldest first by id, with their vote counts.
    async fn feature_requests(
        &self,
        ws: WorkspaceId,
        filter: FeatureRequestFilter,
        page: PageRequest<FeatureRequestId>,
    ) -> StoreResult<Page<FeatureRequest, FeatureRequestId>>;

    /// One request (a merged one too), with its vote count.
    async fn feature_request(
        &self,
        ws: WorkspaceId,
        id: FeatureRequestId,
    ) -> StoreResult<FeatureRequest>;

    /// Stores a new request, under review, with no votes. NotFound: no such workspace.
    async fn create_feature_request(
        &self,
        ws: WorkspaceId,
        new: &NewFeatureRequest,
    ) -> StoreResult<FeatureRequest>;

    /// Sets a request's status and its public note (the whole note: locales left out are
    /// cleared).
    async fn set_feature_request_status(
        &self,
        ws: WorkspaceId,
        id: FeatureRequestId,
        status: FeatureRequestStatus,
        note: &PublicNote,
    ) -> StoreResult<FeatureRequest>;

    /// Records `voter`'s vote for the request; a voter who has voted already is not counted
    /// again. True when the vote is new. NotFound: no such request.
    async fn add_feature_request_vote(
        &self,
        ws: WorkspaceId,
        id: FeatureRequestId,
        voter: &Voter,
    ) -> StoreResult<bool>;

    /// Links a response (a comment) to the request, and in the same transaction counts its
    /// writer's vote: the customer's when the response names one, else the response's own.
    /// Linking the same response twice changes nothing (false). NotFound: no such request;
    /// `Conflict(StaleReference)`: no such response (or it was deleted meanwhile).
    async fn link_response_to_feature_request(
        &self,
        ws: WorkspaceId,
        id: FeatureRequestId,
        response: ResponseId,
        customer: Option<CustomerId>,
    ) -> StoreResult<bool>;

    /// The comments linked to the request, oldest link first.
    async fn feature_request_links(
        &self,
        ws: WorkspaceId,
        id: FeatureRequestId,
    ) -> StoreResult<Vec<RequestLink>>;

    /// The requests a response is linked to.
    async fn feature_requests_of_response(
        &self,
        ws: WorkspaceId,
        response: ResponseId,
    ) -> StoreResult<Vec<FeatureRequestId>>;

    /// Merges `from` into `into` in one transaction: `from`'s votes and links move to `into`
    /// (a voter or a comment already there counted once), and `from` is marked merged into
    /// `into`. Returns the survivor. NotFound: either is missing; `Conflict(StaleReference)`:
    /// either is already merged into another, or they are the same request.
    async fn merge_feature_requests(
        &self,
        ws: WorkspaceId,
        from: FeatureRequestId,
        into: FeatureRequestId,
    ) -> StoreResult<FeatureRequest>;
}
