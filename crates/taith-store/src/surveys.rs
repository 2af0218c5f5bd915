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
}
