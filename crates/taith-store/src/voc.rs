//! Voice of the customer: what the text analytics found in each response's written text, the
//! workspace's themes, and its sentiment models.
//!
//! Responses wait in a queue for analysis from the moment their text is written (the store
//! queues them in the transaction that writes them, whatever the path), so any node's
//! analyser finds every one; analysing is idempotent, so two nodes doing the same one is only
//! wasted work.

use crate::StoreResult;
use async_trait::async_trait;
use taith_domain::{
    Channel, CustomerId, Locale, NewResponse, ResponseId, SurveyId, Theme, ThemeFields, ThemeId,
    ThemeOrigin, TouchpointId, WorkspaceId,
};
use taith_text::{Lang, Polarity};
use time::OffsetDateTime;

/// A response waiting for analysis, and the time it was queued (which the analyser hands
/// back, so that a response written again meanwhile stays queued).
#[derive(Debug, Clone)]
pub struct PendingComment {
    pub workspace_id: WorkspaceId,
    pub response: NewResponse,
    pub queued_at: i64,
}

/// What the analysis found in one response's written text.
#[derive(Debug, Clone, PartialEq)]
pub struct CommentAnalysis {
    pub response_id: ResponseId,
    pub language: Lang,
    pub language_confidence: f32,
    /// None: not enough text to say.
    pub sentiment: Option<(Polarity, f32)>,
    pub phrases: Vec<String>,
    /// The written text, normalised: what search matches.
    pub search_text: String,
    pub themes: Vec<ThemeId>,
}

/// An analysed response as the comments explorer shows it.
#[derive(Debug, Clone)]
pub struct AnalysedComment {
    pub response: NewResponse,
    pub analysis: CommentAnalysis,
}

/// Which analysed comments [`comments`](VocStore::comments) reads: submitted in
/// `[from, to)`, narrowed by the filters given, newest first.
#[derive(Debug, Clone)]
pub struct CommentQuery {
    pub from: OffsetDateTime,
    pub to: OffsetDateTime,
    pub survey: Option<SurveyId>,
    pub touchpoint: Option<TouchpointId>,
    pub channel: Option<Channel>,
    /// The locale the customer answered in.
    pub locale: Option<Locale>,
    /// The language the comment is written in.
    pub language: Option<Lang>,
    pub sentiment: Option<Polarity>,
    pub theme: Option<ThemeId>,
    pub customer: Option<CustomerId>,
    /// Normalised words the text must contain.
    pub search: Option<String>,
    /// Carry on after this response (the last one of the page before).
    pub after: Option<(OffsetDateTime, ResponseId)>,
    pub limit: u32,
}

/// How many analysed comments share a survey, a score, a sentiment, a language, a day and
/// (when the row counts mentions) a theme: what theme and sentiment figures add up.
#[derive(Debug, Clone, PartialEq)]
pub struct CommentCount {
    pub theme: Option<ThemeId>,
    pub survey_id: SurveyId,
    pub score: i16,
    pub sentiment: Option<Polarity>,
    pub language: Lang,
    /// Days since 1970-01-01 (UTC) of the submission.
    pub day: i64,
    pub count: u64,
}

/// Which comments [`comment_counts`](VocStore::comment_counts) counts.
#[derive(Debug, Clone)]
pub struct CountQuery {
    pub from: OffsetDateTime,
    pub to: OffsetDateTime,
    pub survey: Option<SurveyId>,
    pub touchpoint: Option<TouchpointId>,
    pub channel: Option<Channel>,
    pub locale: Option<Locale>,
    /// Count mentions of themes (one row group per theme) instead of comments.
    pub by_theme: bool,
}

/// A workspace's sentiment model for one language as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredModel {
    pub language: Lang,
    pub bytes: Vec<u8>,
    pub trained_on: u64,
    /// The last labelled comment it learned from: it learns from the ones after.
    pub trained_through: Option<ResponseId>,
    pub version: i64,
    pub updated_at: OffsetDateTime,
}

#[async_trait]
pub trait VocStore: Send + Sync {
    /// Up to `limit` queued responses of every workspace, oldest first.
    async fn voc_pending(&self, limit: u32) -> StoreResult<Vec<PendingComment>>;

    /// How many of the workspace's responses wait for analysis.
    async fn voc_pending_count(&self, ws: WorkspaceId) -> StoreResult<u64>;

    /// Stores analyses (replacing earlier ones of the same responses, themes included) and
    /// takes `done` off the queue — each only if still queued at the time given — in one
    /// transaction. An analysis of a response deleted meanwhile is dropped.
    async fn save_comment_analyses(
        &self,
        ws: WorkspaceId,
        analyses: &[CommentAnalysis],
        done: &[(ResponseId, i64)],
    ) -> StoreResult<()>;

    /// Queues the workspace's analysed comments (of one language, when given) for analysis
    /// again: after a model learned or the themes changed. Returns how many.
    async fn requeue_comments(&self, ws: WorkspaceId, language: Option<Lang>) -> StoreResult<u64>;

    /// The workspace's themes, hidden ones included, by name.
    async fn themes(&self, ws: WorkspaceId) -> StoreResult<Vec<Theme>>;

    async fn theme(&self, ws: WorkspaceId, id: ThemeId) -> StoreResult<Theme>;

    async fn create_theme(
        &self,
        ws: WorkspaceId,
        fields: &ThemeFields,
        origin: ThemeOrigin,
    ) -> StoreResult<Theme>;

    async fn update_theme(
        &self,
        ws: WorkspaceId,
        id: ThemeId,
        fields: &ThemeFields,
    ) -> StoreResult<Theme>;

    /// Deletes a theme and its links to comments.
    async fn delete_theme(&self, ws: WorkspaceId, id: ThemeId) -> StoreResult<()>;

    /// Analysed comments matching `q`, newest first (by submission time, then id).
    async fn comments(
        &self,
        ws: WorkspaceId,
        q: &CommentQuery,
    ) -> StoreResult<Vec<AnalysedComment>>;

    /// Analysed comments (or theme mentions) counted by survey, score, sentiment, language
    /// and day.
    async fn comment_counts(
        &self,
        ws: WorkspaceId,
        q: &CountQuery,
    ) -> StoreResult<Vec<CommentCount>>;

    /// Mentions of each theme in negative comments per touchpoint, in `[from, to)`:
    /// `(touchpoint, theme, count)`.
    async fn negative_themes_by_touchpoint(
        &self,
        ws: WorkspaceId,
        from: OffsetDateTime,
        to: OffsetDateTime,
    ) -> StoreResult<Vec<(TouchpointId, ThemeId, u64)>>;

    /// Every response of the workspace matching `q` (commented or not; `by_theme` is not
    /// read), counted by survey and score: the "all responses" a theme's impact is measured
    /// against.
    async fn score_counts(
        &self,
        ws: WorkspaceId,
        q: &CountQuery,
    ) -> StoreResult<Vec<(SurveyId, i16, u64)>>;

    /// Up to `limit` of the newest analysed comments' `(language, phrases, survey, score)`:
    /// what theme discovery reads.
    async fn comment_phrases(
        &self,
        ws: WorkspaceId,
        limit: u32,
    ) -> StoreResult<Vec<(Lang, Vec<String>, SurveyId, i16)>>;

    /// Analysed comments in `language` after the response `after`, by response id: what a
    /// sentiment model learns from next.
    async fn comments_to_learn(
        &self,
        ws: WorkspaceId,
        language: Lang,
        after: Option<ResponseId>,
        limit: u32,
    ) -> StoreResult<Vec<NewResponse>>;

    /// How many analysed comments the workspace has per language.
    async fn comment_languages(&self, ws: WorkspaceId) -> StoreResult<Vec<(Lang, u64)>>;

    async fn sentiment_model(
        &self,
        ws: WorkspaceId,
        language: Lang,
    ) -> StoreResult<Option<StoredModel>>;

    /// Every stored model of the workspace, without their bytes' weight in mind: `bytes`
    /// are included.
    async fn sentiment_models(&self, ws: WorkspaceId) -> StoreResult<Vec<StoredModel>>;

    /// Saves a model if the stored one is still at `expected_version` (None: none stored);
    /// false when another node saved one first (nothing is written). The saved version is
    /// `model.version`.
    async fn save_sentiment_model(
        &self,
        ws: WorkspaceId,
        model: &StoredModel,
        expected_version: Option<i64>,
    ) -> StoreResult<bool>;
}
