//! Journey maps: journeys with their stages and touchpoints, and their revisions.

use crate::{Page, PageRequest, StoreResult};
use async_trait::async_trait;
use taith_domain::journey::{Change, Revision};
use taith_domain::{Journey, JourneyId, JourneySummary, UserId, WorkspaceId};

/// Who saved a version of a journey, as written into its revision.
#[derive(Debug, Clone)]
pub struct Author {
    pub user_id: Option<UserId>,
    pub name: String,
}

/// A revision with the journey as it was saved.
#[derive(Debug, Clone)]
pub struct RevisionWithSnapshot {
    pub revision: Revision,
    pub journey: Journey,
}

/// Journeys, saved whole with a revision each time.
#[async_trait]
pub trait JourneyStore: Send + Sync {
    async fn journeys(
        &self,
        ws: WorkspaceId,
        page: PageRequest<JourneyId>,
    ) -> StoreResult<Page<JourneySummary, JourneyId>>;

    async fn journey(&self, ws: WorkspaceId, id: JourneyId) -> StoreResult<Journey>;

    /// Stores a new journey as version 1, with its first revision, in one transaction.
    /// Returns it as stored.
    async fn create_journey(
        &self,
        ws: WorkspaceId,
        journey: &Journey,
        author: &Author,
        changes: &[Change],
    ) -> StoreResult<Journey>;

    /// Saves the whole journey — details, stages, touchpoints — and a revision, in one
    /// transaction, if the stored version is still `journey.version`; the saved journey has
    /// the next version. `Conflict(StaleVersion)` otherwise; `NotFound` if it is gone.
    async fn save_journey(
        &self,
        ws: WorkspaceId,
        journey: &Journey,
        author: &Author,
        changes: &[Change],
    ) -> StoreResult<Journey>;

    async fn delete_journey(&self, ws: WorkspaceId, id: JourneyId) -> StoreResult<()>;

    /// A journey's revisions, newest first.
    async fn revisions(&self, ws: WorkspaceId, id: JourneyId) -> StoreResult<Vec<Revision>>;

    async fn revision(
        &self,
        ws: WorkspaceId,
        id: JourneyId,
        version: i64,
    ) -> StoreResult<RevisionWithSnapshot>;
}
