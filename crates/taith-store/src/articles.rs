//! The knowledge base: articles and their categories, and the published ones the help centre
//! shows.

use crate::StoreResult;
use async_trait::async_trait;
use taith_domain::{
    Article, ArticleCategory, ArticleCategoryId, ArticleId, ArticleSlug, ArticleStatus, Name,
    Translations, WorkspaceId,
};

/// An article's stored fields, as written by create and update (the slug already chosen).
#[derive(Debug, Clone)]
pub struct ArticleToStore {
    pub slug: ArticleSlug,
    pub category_id: Option<ArticleCategoryId>,
    pub status: ArticleStatus,
    pub translations: Translations,
}

/// A workspace's articles and categories. Slugs are unique per workspace (articles and
/// categories each): `Conflict(SlugTaken)` when one is taken.
#[async_trait]
pub trait ArticleStore: Send + Sync {
    /// Stores a new article. NotFound: no such workspace.
    async fn create_article(&self, ws: WorkspaceId, new: &ArticleToStore) -> StoreResult<Article>;

    /// Replaces an article's fields. NotFound when it is not one of the workspace's.
    async fn update_article(
        &self,
        ws: WorkspaceId,
        id: ArticleId,
        fields: &ArticleToStore,
    ) -> StoreResult<Article>;

    /// Sets only an article's status (publish, unpublish).
    async fn set_article_status(
        &self,
        ws: WorkspaceId,
        id: ArticleId,
        status: ArticleStatus,
    ) -> StoreResult<Article>;

    /// NotFound when it is not one of the workspace's.
    async fn delete_article(&self, ws: WorkspaceId, id: ArticleId) -> StoreResult<()>;

    async fn article(&self, ws: WorkspaceId, id: ArticleId) -> StoreResult<Article>;

    /// The article with this slug, whatever its status (the caller decides who may see it).
    async fn article_by_slug(&self, ws: WorkspaceId, slug: &ArticleSlug) -> StoreResult<Article>;

    /// The workspace's articles, oldest first by id; only published ones when `published_only`
    /// (the help centre).
    async fn articles(&self, ws: WorkspaceId, published_only: bool) -> StoreResult<Vec<Article>>;

    /// Stores a new category. NotFound: no such workspace.
    async fn create_article_category(
        &self,
        ws: WorkspaceId,
        name: &Name,
        slug: &ArticleSlug,
    ) -> StoreResult<ArticleCategory>;

    /// Renames a category (its slug stays).
    async fn rename_article_category(
        &self,
        ws: WorkspaceId,
        id: ArticleCategoryId,
        name: &Name,
    ) -> StoreResult<ArticleCategory>;

    /// Deletes a category; its articles stay, in no category (one transaction).
    async fn delete_article_category(
        &self,
        ws: WorkspaceId,
        id: ArticleCategoryId,
    ) -> StoreResult<()>;

    async fn article_category(
        &self,
        ws: WorkspaceId,
        id: ArticleCategoryId,
    ) -> StoreResult<ArticleCategory>;

    /// The workspace's categories, by name.
    async fn article_categories(&self, ws: WorkspaceId) -> StoreResult<Vec<ArticleCategory>>;
}
