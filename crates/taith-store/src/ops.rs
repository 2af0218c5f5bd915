//! Operating the store itself.

use crate::StoreResult;
use async_trait::async_trait;
use std::path::Path;

/// What concerns the store as a whole rather than any capability.
#[async_trait]
pub trait OpsStore: Send + Sync {
    /// `sqlite` or `postgres`, for logs.
    fn backend(&self) -> &'static str;

    /// Writes a consistent copy of the whole store to `path` while it stays in use.
    async fn backup(&self, path: &Path) -> StoreResult<()>;
}
