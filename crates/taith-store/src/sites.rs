//! Sites: the web sites whose tracker sends events.

use crate::StoreResult;
use async_trait::async_trait;
use taith_domain::{Site, SiteFields, SiteId, WorkspaceId};

/// Sites: created, edited and deleted in the UI and the API, found by their public key by
/// the tracker.
#[async_trait]
pub trait SiteStore: Send + Sync {
    /// Creates a site with the public `site_key` (made by the caller, random and unique;
    /// `Conflict(SlugTaken)` if it is taken).
    async fn create_site(
        &self,
        ws: WorkspaceId,
        fields: &SiteFields,
        site_key: &str,
    ) -> StoreResult<Site>;

    /// Replaces a site's fields (its key stays). NotFound when it is not one of the
    /// workspace's.
    async fn update_site(
        &self,
        ws: WorkspaceId,
        id: SiteId,
        fields: &SiteFields,
    ) -> StoreResult<Site>;

    /// Deletes a site (its events stay). NotFound when it is not one of the workspace's.
    async fn delete_site(&self, ws: WorkspaceId, id: SiteId) -> StoreResult<()>;

    async fn site(&self, ws: WorkspaceId, id: SiteId) -> StoreResult<Site>;

    /// The workspace's sites, by name.
    async fn sites(&self, ws: WorkspaceId) -> StoreResult<Vec<Site>>;

    /// The site with this public key, and its workspace (the tracker's address names no
    /// workspace).
    async fn site_by_key(&self, site_key: &str) -> StoreResult<Option<(WorkspaceId, Site)>>;
}
