//! A journey's history put to use: an old version restored, a deletion undone. Both are new
//! saves through [`edit_journey`], so history is never rewritten and a concurrent save is
//! never lost.

use super::edit::{EditFailed, edit_journey, edit_journey_noting};
use super::{UNDO_WINDOW, UndoFailed};
use std::convert::Infallible;
use taith_domain::journey::PutBack;
use taith_domain::{Change, Journey, JourneyId, WorkspaceId};
use taith_store::{Author, Store, StoreError};
use time::OffsetDateTime;

fn store_error(e: EditFailed<Infallible>) -> StoreError {
    match e {
        EditFailed::Store(e) => e,
        EditFailed::Rejected(never) => match never {},
    }
}

/// Makes `version` the current content of journey `id`, as a new save noted "restored
/// version N" (history is never rewritten). A persona deleted since is unlinked, and owners
/// who have left own nothing. Restoring what is already current saves nothing.
pub async fn restore_revision(
    store: &dyn Store,
    ws: WorkspaceId,
    id: JourneyId,
    version: i64,
    author: &Author,
) -> Result<Journey, StoreError> {
    let old = store.revision(ws, id, version).await?.journey;
    let note = [Change::Restored { version }];
    let (saved, ()) = edit_journey_noting(store, ws, id, author, &note, |j, members, personas| {
        let mut restored = old.clone();
        restored.id = j.id;
        restored.version = j.version;
        restored.created_at = j.created_at;
        restored.updated_at = j.updated_at;
        restored.forget_missing(
            |p| personas.iter().any(|x| x.id == p),
            |u| members.iter().any(|m| m.user.id == u),
        );
        *j = restored;
        Ok::<(), Infallible>(())
    })
    .await
    .map_err(store_error)?;
    Ok(saved)
}

/// True when the revision deleted a stage or a touchpoint.
pub fn is_deletion(changes: &[Change]) -> bool {
    changes.iter().any(|c| {
        matches!(
            c,
            Change::StageRemoved { .. } | Change::TouchpointRemoved { .. }
        )
    })
}

/// Undoes the deletion saved as `version` (within [`UNDO_WINDOW`] of it): the stages and
/// touchpoints it removed are put back where they were, keeping every change saved since,
/// as a new save. Returns the journey as saved and what came back.
pub async fn undo_deletion(
    store: &dyn Store,
    ws: WorkspaceId,
    id: JourneyId,
    version: i64,
    author: &Author,
    now: OffsetDateTime,
) -> Result<(Journey, PutBack), UndoFailed> {
    let after = store.revision(ws, id, version).await?;
    if !is_deletion(&after.revision.changes) {
        return Err(UndoFailed::NothingToUndo);
    }
    if now - after.revision.created_at > UNDO_WINDOW {
        return Err(UndoFailed::TooLate);
    }
    let before = store.revision(ws, id, version - 1).await?.journey;
    let (saved, back) = edit_journey(store, ws, id, author, |j, members, _| {
        let back = j.put_back(&before, &after.journey);
        j.forget_missing(|_| true, |u| members.iter().any(|m| m.user.id == u));
        Ok::<PutBack, Infallible>(back)
    })
    .await
    .map_err(|e| UndoFailed::Store(store_error(e)))?;
    if back.is_empty() {
        return Err(UndoFailed::NothingToUndo);
    }
    Ok((saved, back))
}
