//! Making, changing and deleting sites: the one place that checks a site's touchpoints
//! belong to the workspace and makes its public key.

use std::collections::HashSet;
use taith_domain::{Issue, Site, SiteFields, SiteId, SiteInput, ValidationErrors, WorkspaceId};
use taith_store::{ConflictKind, Store, StoreError};

/// Why a site was not saved.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error("invalid site")]
    Invalid(ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A new public site key: 20 random lowercase letters and digits.
pub fn new_site_key() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let mut bytes = [0u8; 20];
    if let Err(e) = getrandom::fill(&mut bytes) {
        panic!("no OS randomness: {e}");
    }
    bytes
        .iter()
        .map(|b| ALPHABET[usize::from(b % 32)] as char)
        .collect()
}

/// Whether `key` is of the form [`new_site_key`] makes (so a forged one is refused without a
/// look-up).
pub fn looks_like_site_key(key: &str) -> bool {
    key.len() == 20
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

async fn parse(
    store: &dyn Store,
    ws: WorkspaceId,
    input: &SiteInput,
) -> Result<SiteFields, SiteError> {
    let fields = input.parse().map_err(SiteError::Invalid)?;
    let touchpoints: HashSet<_> = store
        .touchpoint_refs(ws)
        .await?
        .into_iter()
        .map(|t| t.id)
        .collect();
    let mut errors = ValidationErrors::default();
    for (i, p) in fields.patterns.iter().enumerate() {
        if !touchpoints.contains(&p.touchpoint_id) {
            errors.push(format!("patterns[{i}].touchpoint_id"), Issue::NotFound);
        }
    }
    if !errors.is_empty() {
        return Err(SiteError::Invalid(errors));
    }
    Ok(fields)
}

/// Creates a site with a new key.
pub async fn create_site(
    store: &dyn Store,
    ws: WorkspaceId,
    input: &SiteInput,
) -> Result<Site, SiteError> {
    let fields = parse(store, ws, input).await?;
    // A clash of 100 random bits does not happen; try again once anyway.
    for _ in 0..2 {
        match store.create_site(ws, &fields, &new_site_key()).await {
            Err(StoreError::Conflict(ConflictKind::SlugTaken)) => continue,
            done => return Ok(done?),
        }
    }
    Err(StoreError::internal("could not make a unique site key").into())
}

/// Replaces a site's fields.
pub async fn update_site(
    store: &dyn Store,
    ws: WorkspaceId,
    id: SiteId,
    input: &SiteInput,
) -> Result<Site, SiteError> {
    // NotFound before field errors: another workspace's id is no site at all.
    store.site(ws, id).await?;
    let fields = parse(store, ws, input).await?;
    Ok(store.update_site(ws, id, &fields).await?)
}
