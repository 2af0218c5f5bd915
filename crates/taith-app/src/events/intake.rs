//! Group commit for events, the same writer as responses' (`responses::intake`): every batch
//! — API, tracker, import — goes to one writer that stores whatever has queued up in a
//! single transaction, and answers each sender only after that transaction committed durably.
//! A batch that fails in company is retried alone, so one bad sender cannot fail its
//! neighbours.

use taith_store::{EventToStore, SharedStore, StoreError, StoreResult, StoredEvent};
use tokio::sync::{mpsc, oneshot};

/// Most events written in one transaction (a single submission may be larger: it is written
/// whole).
const MAX_BATCH: usize = 5_000;
/// Submissions waiting beyond this make new senders wait (back-pressure, bounded memory).
const QUEUE: usize = 4_096;

struct Job {
    items: Vec<EventToStore>,
    reply: oneshot::Sender<StoreResult<Vec<StoredEvent>>>,
}

/// The queue in front of the event writer. Cloning shares the one writer.
#[derive(Clone)]
pub struct EventIngest {
    tx: mpsc::Sender<Job>,
}

impl std::fmt::Debug for EventIngest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EventIngest")
    }
}

impl EventIngest {
    /// Starts the writer task on the current Tokio runtime.
    pub fn start(store: SharedStore) -> EventIngest {
        let (tx, rx) = mpsc::channel(QUEUE);
        tokio::spawn(write_batches(store, rx));
        EventIngest { tx }
    }

    /// Stores `items` (all or none of them) and returns once they are durably committed, one
    /// result per item in order.
    pub async fn submit(&self, items: Vec<EventToStore>) -> StoreResult<Vec<StoredEvent>> {
        if items.is_empty() {
            return Ok(Vec::new());
        }
        let (reply, answer) = oneshot::channel();
        self.tx
            .send(Job { items, reply })
            .await
            .map_err(|_| StoreError::Internal("the event writer has stopped".into()))?;
        answer
            .await
            .map_err(|_| StoreError::Internal("the event writer dropped a submission".into()))?
    }
}

async fn write_batches(store: SharedStore, mut rx: mpsc::Receiver<Job>) {
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
            let result = store.insert_events(&job.items).await;
            let _ = job.reply.send(result);
            continue;
        }
        let all: Vec<EventToStore> = jobs.iter().flat_map(|j| j.items.iter().cloned()).collect();
        match store.insert_events(&all).await {
            Ok(results) => {
                let mut results = results.into_iter();
                for job in jobs {
                    let mine: Vec<StoredEvent> = results.by_ref().take(job.items.len()).collect();
                    let _ = job.reply.send(Ok(mine));
                }
            }
            Err(_) => {
                for job in jobs {
                    let result = store.insert_events(&job.items).await;
                    let _ = job.reply.send(result);
                }
            }
        }
    }
}
