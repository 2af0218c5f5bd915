//! Events — what customers do — and the sites whose tracker sends them.
//!
//! - [`intake`]: the group-commit writer every event goes through;
//! - [`Events::accept`]: a batch from the API or an import, parsed and checked against the
//!   workspace (touchpoints, customers), with field-level errors named `events[{i}].{field}`;
//! - [`tracker`]: the public ingest of the web tracker (`POST /t/{site_key}`): site key,
//!   allowed hostnames, bots, anonymous visitor ids from a daily salt, sessions, touchpoints
//!   from the site's URL patterns, the distinct-URL flood cap;
//! - [`sites`]: making, changing and deleting sites;
//! - [`import`]: `taith import events FILE` (CSV, all-or-nothing).
//!
//! The caps are in `taith_domain::event` and `docs/events.md`.

pub mod import;
pub mod intake;
pub mod sites;
pub mod tracker;

use std::collections::{HashMap, HashSet};
use taith_domain::event::MAX_BATCH;
use taith_domain::{Event, EventInput, Issue, ValidationErrors, WorkspaceId};
use taith_store::{EventToStore, SharedStore, StoreError, StoredEvent};

/// Why a batch of events stored nothing.
#[derive(Debug, thiserror::Error)]
pub enum EventsError {
    /// More than [`MAX_BATCH`] events, or none.
    #[error("a batch holds 1 to {MAX_BATCH} events")]
    BatchSize,
    /// Some event is wrong: field errors named `events[{i}].{field}`.
    #[error("invalid events")]
    Invalid(ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The events capability's shared parts: the writer and the tracker's state.
#[derive(Clone)]
pub struct Events {
    pub store: SharedStore,
    pub intake: intake::EventIngest,
    pub tracker: tracker::Tracker,
}

impl std::fmt::Debug for Events {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Events")
    }
}

impl Events {
    /// Starts the writer on the current Tokio runtime.
    pub fn start(store: SharedStore) -> Events {
        Events {
            intake: intake::EventIngest::start(store.clone()),
            tracker: tracker::Tracker::default(),
            store,
        }
    }

    /// Parses and checks a batch for workspace `ws` received at `now`: every event valid, its
    /// touchpoint one of the workspace's, its customer one of the workspace's. Nothing is
    /// stored.
    pub async fn accept(
        &self,
        ws: WorkspaceId,
        inputs: &[EventInput],
        now: time::OffsetDateTime,
    ) -> Result<Vec<Event>, EventsError> {
        if inputs.is_empty() || inputs.len() > MAX_BATCH {
            return Err(EventsError::BatchSize);
        }
        self.check(ws, inputs, now).await
    }

    /// [`accept`](Self::accept) without the batch size cap (an import is stored whole).
    pub(crate) async fn check(
        &self,
        ws: WorkspaceId,
        inputs: &[EventInput],
        now: time::OffsetDateTime,
    ) -> Result<Vec<Event>, EventsError> {
        let mut errors = ValidationErrors::default();
        let mut events = Vec::with_capacity(inputs.len());
        for (i, input) in inputs.iter().enumerate() {
            match input.parse(now) {
                Ok(e) => events.push((i, e)),
                Err(errs) => {
                    for e in errs.0 {
                        errors.push(format!("events[{i}].{}", e.field), e.issue);
                    }
                }
            }
        }
        let touchpoints: HashSet<_> = if events.iter().any(|(_, e)| e.touchpoint_id.is_some()) {
            self.store
                .touchpoint_refs(ws)
                .await?
                .into_iter()
                .map(|t| t.id)
                .collect()
        } else {
            HashSet::new()
        };
        let mut customers: HashMap<_, bool> = HashMap::new();
        for (i, e) in &events {
            if let Some(t) = e.touchpoint_id
                && !touchpoints.contains(&t)
            {
                errors.push(format!("events[{i}].touchpoint_id"), Issue::NotFound);
            }
            if let Some(c) = e.customer_id {
                let known = match customers.get(&c) {
                    Some(&known) => known,
                    None => {
                        let known = match self.store.customer(ws, c).await {
                            Ok(_) => true,
                            Err(StoreError::NotFound) => false,
                            Err(e) => return Err(e.into()),
                        };
                        customers.insert(c, known);
                        known
                    }
                };
                if !known {
                    errors.push(format!("events[{i}].customer_id"), Issue::NotFound);
                }
            }
        }
        if !errors.is_empty() {
            return Err(EventsError::Invalid(errors));
        }
        Ok(events.into_iter().map(|(_, e)| e).collect())
    }

    /// Stores events of workspace `ws` through the group commit; answers once committed.
    pub async fn submit(
        &self,
        ws: WorkspaceId,
        events: Vec<Event>,
    ) -> Result<Vec<StoredEvent>, StoreError> {
        self.intake
            .submit(
                events
                    .into_iter()
                    .map(|event| EventToStore {
                        workspace_id: ws,
                        event,
                    })
                    .collect(),
            )
            .await
    }

    /// [`accept`](Self::accept) then [`submit`](Self::submit): the API's `POST
    /// /api/v1/events`.
    pub async fn receive(
        &self,
        ws: WorkspaceId,
        inputs: &[EventInput],
    ) -> Result<Vec<StoredEvent>, EventsError> {
        let events = self.accept(ws, inputs, taith_domain::now()).await?;
        Ok(self.submit(ws, events).await?)
    }
}
