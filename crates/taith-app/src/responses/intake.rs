//! Group commit for responses: every submission — hosted page, widget, e-mail link, kiosk,
//! API — goes through one writer that stores whatever has queued up in a single transaction,
//! and answers each submitter only after that transaction committed durably (DESIGN §4).
//!
//! Durability then costs one flush per batch instead of one per request, and SQLite's single
//! writer is never contended.

use crate::metrics::Analytics;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use taith_domain::{TouchpointId, WorkspaceId};
use taith_store::{
    ConflictKind, ResponseToStore, SharedStore, Store, StoreError, StoreResult, StoredResponse,
};
use tokio::sync::{mpsc, oneshot};

/// Most responses written in one transaction.
const MAX_BATCH: usize = 2_000;
/// Submissions waiting beyond this make new submitters wait (back-pressure, bounded memory).
const QUEUE: usize = 4_096;

struct Job {
    items: Vec<ResponseToStore>,
    reply: oneshot::Sender<StoreResult<Vec<StoredResponse>>>,
}

/// The queue in front of the response writer. Cloning shares the one writer.
#[derive(Clone)]
pub struct Ingest {
    tx: mpsc::Sender<Job>,
}

impl std::fmt::Debug for Ingest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Ingest")
    }
}

impl Ingest {
    /// Starts the writer task on the current Tokio runtime.
    pub fn start(store: SharedStore, analytics: Analytics) -> Ingest {
        let (tx, rx) = mpsc::channel(QUEUE);
        tokio::spawn(write_batches(store, analytics, rx));
        Ingest { tx }
    }

    /// Stores `items` (all or none of them) and returns once they are durably committed, one
    /// result per item in order.
    pub async fn submit(&self, items: Vec<ResponseToStore>) -> StoreResult<Vec<StoredResponse>> {
        if items.is_empty() {
            return Ok(Vec::new());
        }
        let (reply, answer) = oneshot::channel();
        self.tx
            .send(Job { items, reply })
            .await
            .map_err(|_| StoreError::Internal("the response writer has stopped".into()))?;
        answer
            .await
            .map_err(|_| StoreError::Internal("the response writer dropped a submission".into()))?
    }
}

/// Stores `items` and, once committed, counts them in the analytics index, so a response
/// is in the metrics as soon as its submitter hears it was stored.
async fn store_and_count(
    store: &SharedStore,
    analytics: &Analytics,
    items: &[ResponseToStore],
) -> StoreResult<Vec<StoredResponse>> {
    let _counting = analytics.writing().await;
    let results = store.insert_responses(items).await?;
    analytics.record(items, &results).await;
    Ok(results)
}

/// Stores one submission's `items` alone. When a survey's touchpoint was deleted after the
/// response was placed on it (the deletion clears the survey's link in the same transaction),
/// the responses go where their survey now is and are stored once more: an answer is kept,
/// not lost, whichever surface it came through. A survey deleted meanwhile still fails
/// (`Conflict(StaleReference)`), as there is nothing to keep the answer against.
async fn store_alone(
    store: &SharedStore,
    analytics: &Analytics,
    mut items: Vec<ResponseToStore>,
) -> StoreResult<Vec<StoredResponse>> {
    match store_and_count(store, analytics, &items).await {
        Err(StoreError::Conflict(ConflictKind::StaleReference)) => {
            if !place_where_surveys_are_now(store.as_ref(), &mut items).await? {
                return Err(StoreError::Conflict(ConflictKind::StaleReference));
            }
            store_and_count(store, analytics, &items).await
        }
        done => done,
    }
}

/// Moves each response placed on a touchpoint that is gone to its survey's current touchpoint
/// (none, once it was deleted). A response on a touchpoint that still exists stays where it
/// is, even when that is not its survey's: an imported file places rows on any touchpoint of
/// the workspace. False when nothing moved, so trying again would fail the same way.
async fn place_where_surveys_are_now(
    store: &dyn Store,
    items: &mut [ResponseToStore],
) -> StoreResult<bool> {
    let mut moved = false;
    // The touchpoints that exist, per workspace, read once (this path is rare).
    let mut existing: HashMap<WorkspaceId, HashSet<TouchpointId>> = HashMap::new();
    for item in items.iter_mut() {
        let Some(placed) = item.response.touchpoint_id else {
            continue;
        };
        let there = match existing.entry(item.workspace_id) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(
                store
                    .touchpoint_refs(item.workspace_id)
                    .await?
                    .into_iter()
                    .map(|t| t.id)
                    .collect(),
            ),
        };
        if there.contains(&placed) {
            continue;
        }
        let survey = match store
            .survey(item.workspace_id, item.response.survey_id)
            .await
        {
            Ok(s) => s,
            Err(StoreError::NotFound) => continue,
            Err(e) => return Err(e),
        };
        if survey.fields.touchpoint_id != Some(placed) {
            tracing::warn!(
                survey = %survey.id,
                "the survey's touchpoint is gone; storing the response where the survey is now"
            );
            item.response.touchpoint_id = survey.fields.touchpoint_id;
            moved = true;
        }
    }
    Ok(moved)
}

async fn write_batches(store: SharedStore, analytics: Analytics, mut rx: mpsc::Receiver<Job>) {
    while let Some(first) = rx.recv().await {
        let mut jobs = vec![first];
        let mut size = jobs[0].items.len();
        // Take whatever else is already waiting: these share the commit.
        while size < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => {
                    size += job.items.len();
                    jobs.push(job);
                }
                Err(_) => break,
            }
        }
        if jobs.len() == 1 {
            let job = jobs.remove(0);
            let result = store_alone(&store, &analytics, job.items).await;
            let _ = job.reply.send(result);
            continue;
        }
        let all: Vec<ResponseToStore> = jobs.iter().flat_map(|j| j.items.iter().cloned()).collect();
        match store_and_count(&store, &analytics, &all).await {
            Ok(results) => {
                let mut results = results.into_iter();
                for job in jobs {
                    let mine: Vec<StoredResponse> =
                        results.by_ref().take(job.items.len()).collect();
                    let _ = job.reply.send(Ok(mine));
                }
            }
            // One bad submission must not fail its neighbours: write each on its own.
            Err(_) => {
                for job in jobs {
                    let result = store_alone(&store, &analytics, job.items).await;
                    let _ = job.reply.send(result);
                }
            }
        }
    }
}
