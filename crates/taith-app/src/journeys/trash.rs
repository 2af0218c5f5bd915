//! Deleted journeys: the store keeps each in its trash for a while, so that a deletion can be
//! undone within [`UNDO_WINDOW`]; [`KEEP`] later it is pruned, from the background, for good.

use super::{UNDO_WINDOW, UndoFailed};
use std::time::Duration;
use taith_domain::{Journey, JourneyId, WorkspaceId};
use taith_store::{DeletedJourney, PageRequest, SharedStore, Store, StoreError};
use time::OffsetDateTime;

/// How long a deleted journey stays in the trash: past [`UNDO_WINDOW`], so that a late undo
/// is told it is too late rather than that the journey does not exist.
pub const KEEP: time::Duration = time::Duration::hours(1);
/// How often the trash is pruned.
const EVERY: Duration = Duration::from_secs(600);

/// A deleted journey that can still be brought back, `NotFound` otherwise.
pub async fn deleted_journey(
    store: &dyn Store,
    ws: WorkspaceId,
    id: JourneyId,
    now: OffsetDateTime,
) -> Result<DeletedJourney, StoreError> {
    let deleted = store.deleted_journey(ws, id).await?;
    if now - deleted.deleted_at > UNDO_WINDOW {
        return Err(StoreError::NotFound);
    }
    Ok(deleted)
}

/// Brings a journey deleted within [`UNDO_WINDOW`] back, with its history, as it was: ids,
/// versions and the links of its surveys (unless a survey was changed since); a persona
/// deleted since is unlinked and owners who have left own nothing.
pub async fn undelete_journey(
    store: &dyn Store,
    ws: WorkspaceId,
    id: JourneyId,
    now: OffsetDateTime,
) -> Result<Journey, UndoFailed> {
    let deleted = match store.deleted_journey(ws, id).await {
        Ok(d) => d,
        Err(StoreError::NotFound) => return Err(UndoFailed::NothingToUndo),
        Err(e) => return Err(e.into()),
    };
    if now - deleted.deleted_at > UNDO_WINDOW {
        return Err(UndoFailed::TooLate);
    }
    let personas = store.personas(ws, PageRequest::all()).await?.items;
    let members = store.members(ws).await?;
    let mut journey = deleted.journey;
    journey.forget_missing(
        |p| personas.iter().any(|x| x.id == p),
        |u| members.iter().any(|m| m.user.id == u),
    );
    match store.undelete_journey(ws, &journey).await {
        Ok(j) => Ok(j),
        // Someone else brought it back first.
        Err(StoreError::NotFound) => Err(UndoFailed::NothingToUndo),
        Err(e) => Err(e.into()),
    }
}

/// Prunes every workspace's trash of what was deleted more than [`KEEP`] ago, every ten
/// minutes, from the background.
pub fn prune_in_background(store: SharedStore) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            prune(&store).await;
        }
    });
}

/// Forgets the journeys deleted more than [`KEEP`] ago, in every workspace. Failures are
/// logged; the next round tries again.
pub async fn prune(store: &SharedStore) {
    let before = taith_domain::now() - KEEP;
    let workspaces = match store.all_workspaces().await {
        Ok(w) => w,
        Err(e) => {
            tracing::warn!(
                error = &e as &dyn std::error::Error,
                "cannot list workspaces to prune deleted journeys"
            );
            return;
        }
    };
    for w in workspaces {
        match store.forget_deleted_journeys_before(w.id, before).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(workspace = %w.slug, journeys = n, "forgot deleted journeys"),
            Err(e) => {
                tracing::warn!(workspace = %w.slug, error = &e as &dyn std::error::Error, "pruning deleted journeys failed")
            }
        }
    }
}
