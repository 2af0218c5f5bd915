//! Journeys: editing a journey safely against concurrent saves, its history (restoring a
//! version, undoing a deletion), deleted journeys brought back, journey files in and out, and
//! where each touchpoint sits ([`places`]).

pub mod edit;
pub mod files;
pub mod history;
pub mod places;
pub mod trash;

/// How long a deletion can be undone: a stage or touchpoint put back, a journey brought back.
/// After that, an earlier version can still be restored from the history; a deleted journey is
/// gone.
pub const UNDO_WINDOW: time::Duration = time::Duration::minutes(10);

/// Why a deletion was not undone.
#[derive(Debug, thiserror::Error)]
pub enum UndoFailed {
    /// More than [`UNDO_WINDOW`] ago.
    #[error("the deletion is too old to undo")]
    TooLate,
    /// The version is not a deletion, or what it deleted is back already.
    #[error("there is nothing to undo")]
    NothingToUndo,
    #[error(transparent)]
    Store(#[from] taith_store::StoreError),
}
