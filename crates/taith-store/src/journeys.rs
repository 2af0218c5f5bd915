//! Journey maps: journeys with their stages and touchpoints, and their revisions.

use crate::{Page, PageRequest, StoreResult};
use async_trait::async_trait;
use taith_domain::csv::TouchpointRef;
use taith_domain::journey::{Change, Revision};
use taith_domain::{Journey, JourneyId, JourneySummary, UserId, WorkspaceId};
use time::OffsetDateTime;

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

/// A deleted journey, kept for a while so that its deletion can be undone.
#[derive(Debug, Clone)]
pub struct DeletedJourney {
    /// The journey as it was when deleted.
    pub journey: Journey,
    pub deleted_at: OffsetDateTime,
}

/// Journeys, saved whole with a revision each time.
///
/// A touchpoint that goes (a save without it, or its journey deleted) takes its surveys'
/// links with it, and one that comes back with the same id (an undone deletion, a restored
/// version) brings them back, unless a survey was changed or linked elsewhere since.
#[async_trait]
pub trait JourneyStore: Send + Sync {
    async fn journeys(
        &self,
        ws: WorkspaceId,
        page: PageRequest<JourneyId>,
    ) -> StoreResult<Page<JourneySummary, JourneyId>>;

    async fn journey(&self, ws: WorkspaceId, id: JourneyId) -> StoreResult<Journey>;

    /// Every touchpoint on the workspace's journeys with its journey's name, by journey and
    /// then in the journey's order, in one query (a site's, an import's or an answer's
    /// touchpoint is checked against these, so reading each journey whole would make those
    /// checks grow with the number of journeys).
    async fn touchpoint_refs(&self, ws: WorkspaceId) -> StoreResult<Vec<TouchpointRef>>;

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

    /// Deletes a journey with its history, keeping both in the trash (see
    /// [`JourneyStore::deleted_journey`]) until [`JourneyStore::forget_deleted_journeys_before`]
    /// prunes them.
    async fn delete_journey(&self, ws: WorkspaceId, id: JourneyId) -> StoreResult<()>;

    /// A journey in the trash. `NotFound` when it is not there (never deleted, brought back,
    /// or pruned).
    async fn deleted_journey(&self, ws: WorkspaceId, id: JourneyId) -> StoreResult<DeletedJourney>;

    /// Brings journey `journey.id` back from the trash with its history, in one transaction:
    /// stored as `journey` (its snapshot, less the references the workspace no longer has) at
    /// the version it had. `NotFound` when it is not in the trash (any more).
    async fn undelete_journey(&self, ws: WorkspaceId, journey: &Journey) -> StoreResult<Journey>;

    /// Prunes the workspace's trash of journeys deleted before `before`; returns how many.
    async fn forget_deleted_journeys_before(
        &self,
        ws: WorkspaceId,
        before: OffsetDateTime,
    ) -> StoreResult<u64>;

    /// A journey's revisions, newest first.
    async fn revisions(&self, ws: WorkspaceId, id: JourneyId) -> StoreResult<Vec<Revision>>;

    async fn revision(
        &self,
        ws: WorkspaceId,
        id: JourneyId,
        version: i64,
    ) -> StoreResult<RevisionWithSnapshot>;
}
