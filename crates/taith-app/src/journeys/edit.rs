//! One journey edit, as the UI and the API both make it: load, apply a pure domain operation,
//! diff, save with the version it started from, and try again on a concurrent save.

use taith_domain::journey::diff;
use taith_domain::{Change, Journey, JourneyId, Member, Persona, WorkspaceId};
use taith_store::{Author, ConflictKind, PageRequest, Store, StoreError};

/// How often an edit is re-applied when someone else saved the journey in between.
pub const ATTEMPTS: usize = 3;

/// Why an edit was not saved.
#[derive(Debug)]
pub enum EditFailed<E> {
    /// The edit itself refused (invalid input, no such stage, not allowed…).
    Rejected(E),
    /// The store failed; `Conflict(StaleVersion)` when every attempt lost a race.
    Store(StoreError),
}

impl<E> From<StoreError> for EditFailed<E> {
    fn from(e: StoreError) -> Self {
        EditFailed::Store(e)
    }
}

/// Loads journey `id`, applies `edit` to it (with the workspace's members and personas, for
/// checking references) and saves it with a revision listing what changed. When another save
/// came first, the edit is applied again to the newer version, up to [`ATTEMPTS`] times.
///
/// Returns the journey as saved (or as it was, when the edit changed nothing) and what `edit`
/// returned.
pub async fn edit_journey<F, R, E>(
    store: &dyn Store,
    ws: WorkspaceId,
    id: JourneyId,
    author: &Author,
    edit: F,
) -> Result<(Journey, R), EditFailed<E>>
where
    F: FnMut(&mut Journey, &[Member], &[Persona]) -> Result<R, E>,
{
    edit_journey_noting(store, ws, id, author, &[], edit).await
}

/// [`edit_journey`], with `note` written into the revision before what changed (a restore
/// says which version it restored). Nothing is saved when nothing changed.
pub async fn edit_journey_noting<F, R, E>(
    store: &dyn Store,
    ws: WorkspaceId,
    id: JourneyId,
    author: &Author,
    note: &[Change],
    mut edit: F,
) -> Result<(Journey, R), EditFailed<E>>
where
    F: FnMut(&mut Journey, &[Member], &[Persona]) -> Result<R, E>,
{
    let mut attempt = 1;
    loop {
        let old = store.journey(ws, id).await?;
        let members = store.members(ws).await?;
        let personas = store.personas(ws, PageRequest::all()).await?.items;
        let mut new = old.clone();
        let out = edit(&mut new, &members, &personas).map_err(EditFailed::Rejected)?;
        let mut changes = diff(&old, &new);
        if changes.is_empty() {
            return Ok((old, out));
        }
        changes.splice(0..0, note.iter().cloned());
        match store.save_journey(ws, &new, author, &changes).await {
            Ok(saved) => return Ok((saved, out)),
            Err(StoreError::Conflict(ConflictKind::StaleVersion)) if attempt < ATTEMPTS => {
                attempt += 1
            }
            Err(e) => return Err(EditFailed::Store(e)),
        }
    }
}
