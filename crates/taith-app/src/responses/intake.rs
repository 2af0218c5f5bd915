//! Group commit for responses: every submission — hosted page, widget, e-mail link, kiosk,
//! API — goes through one writer that stores whatever has queued up in a single transaction,
//! and answers each submitter only after that transaction committed durably (DESIGN §4).
//!
//! Durability then costs one flush per batch instead of one per request, and SQLite's single
//! writer is never contended.

use crate::metrics::Analytics;
use taith_store::{ResponseToStore, SharedStore, StoreError, StoreResult, StoredResponse};
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
            let result = store_and_count(&store, &analytics, &job.items).await;
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
                    let result = store_and_count(&store, &analytics, &job.items).await;
                    let _ = job.reply.send(result);
                }
            }
        }
    }
}
