//! Surveys.

use crate::{Page, PageRequest, StoreResult};
use async_trait::async_trait;
use taith_domain::{Survey, SurveyFields, SurveyId, WorkspaceId};

/// A workspace's surveys.
#[async_trait]
pub trait SurveyStore: Send + Sync {
    async fn surveys(
        &self,
        ws: WorkspaceId,
        page: PageRequest<SurveyId>,
    ) -> StoreResult<Page<Survey, SurveyId>>;

    async fn survey(&self, ws: WorkspaceId, id: SurveyId) -> StoreResult<Survey>;

    /// The survey at `/s/{public_id}`, with its workspace: the one lookup not scoped by a
    /// workspace, since respondents arrive with nothing but the address.
    async fn survey_by_public_id(&self, public_id: &str) -> StoreResult<(WorkspaceId, Survey)>;

    /// Stores a new survey; `public_id` is chosen by the caller (random, unique).
    async fn create_survey(
        &self,
        ws: WorkspaceId,
        fields: &SurveyFields,
        public_id: &str,
    ) -> StoreResult<Survey>;

    /// Replaces a survey's definition. A touchpoint must be one of the workspace's
    /// (`Conflict(StaleReference)` otherwise).
    async fn update_survey(
        &self,
        ws: WorkspaceId,
        id: SurveyId,
        fields: &SurveyFields,
    ) -> StoreResult<Survey>;

    /// Deletes a survey that has no responses; `Conflict(HasResponses)` otherwise (close it
    /// instead: answers are never thrown away by accident).
    async fn delete_survey(&self, ws: WorkspaceId, id: SurveyId) -> StoreResult<()>;

    /// A cheap fingerprint of the workspace's surveys and journeys (stages and touchpoints
    /// change only with their journey's version): it differs whenever one of them was created,
    /// changed or deleted since it was last read, by any process. Caches of what metrics need
    /// (kinds, scales, where touchpoints sit) compare it instead of reading everything again.
    async fn metrics_context_version(&self, ws: WorkspaceId) -> StoreResult<MetricsContextVersion>;
}

/// See [`SurveyStore::metrics_context_version`]: per table (surveys, journeys) the row count,
/// the newest `updated_at` and a checksum of every `updated_at` (so an edit stamped by a node
/// whose clock lags still shows); for journeys also the sum of their versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MetricsContextVersion(pub [i64; 7]);
