//! Events: what customers do (page views, searches, goals, tasks, errors, clicks), and the
//! daily salts that make the tracker's anonymous visitor ids.

use crate::StoreResult;
use async_trait::async_trait;
use taith_domain::{Event, EventId, WorkspaceId};

/// An event on its way into the store, with the workspace it belongs to.
#[derive(Debug, Clone)]
pub struct EventToStore {
    pub workspace_id: WorkspaceId,
    pub event: Event,
}

/// What became of one event of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredEvent {
    /// The stored event's id: the new one, or — for a repeated client key — the id of the
    /// event stored the first time.
    pub id: EventId,
    /// False when the client key had been stored before (nothing new was written).
    pub created: bool,
}

/// Events: stored in batches, read in id order.
#[async_trait]
pub trait EventStore: Send + Sync {
    /// Stores a batch of events (of any workspaces) in ONE transaction and returns only after
    /// it committed durably, one result per input in order. An event whose `(workspace,
    /// client_key)` was stored before (or earlier in the same batch) is not stored again: its
    /// result names the first one, `created: false`. All-or-nothing: an event naming a
    /// customer that is not in its workspace fails the whole batch
    /// (`Conflict(StaleReference)`). Touchpoints and sites are not checked here (events are
    /// history and keep them after they are deleted): the caller checks them on intake.
    async fn insert_events(&self, batch: &[EventToStore]) -> StoreResult<Vec<StoredEvent>>;

    /// Up to `limit` of the workspace's events with an id greater than `after` (all when
    /// `None`), by id: how an index builds itself and then tails the store.
    ///
    /// Ids are time-ordered (UUIDv7) and given on intake, before the commit. On PostgreSQL
    /// concurrent batches commit in any order, so an event with a smaller id can become
    /// visible after a larger one was read (by as long as its commit took): a tailer re-reads
    /// from a little before the last id it saw (a few seconds of ids) and skips ids it has.
    async fn events_after(
        &self,
        ws: WorkspaceId,
        after: Option<EventId>,
        limit: u32,
    ) -> StoreResult<Vec<Event>>;

    /// The workspace's newest `limit` events, newest first (by id): the sites page's list.
    async fn latest_events(&self, ws: WorkspaceId, limit: u32) -> StoreResult<Vec<Event>>;

    /// One event of the workspace.
    async fn event(&self, ws: WorkspaceId, id: EventId) -> StoreResult<Event>;

    /// The workspaces that have at least one event.
    async fn event_workspaces(&self) -> StoreResult<Vec<WorkspaceId>>;

    /// The salt of `day` (days since 1970-01-01, UTC) for the tracker's visitor ids: the one
    /// stored, else `candidate`, stored now (the first writer wins, so every node uses the
    /// same salt). Deletes the salts of days before `day - 1` in the same transaction, so a
    /// visitor id cannot be recomputed once its day is over.
    async fn visitor_salt(&self, day: i64, candidate: &[u8]) -> StoreResult<Vec<u8>>;
}
