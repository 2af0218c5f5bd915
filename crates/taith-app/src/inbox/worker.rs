//! The inbox's background worker, started from `App::start` on every node: it opens snoozed
//! conversations whose time has passed. One `UPDATE` does it, so several nodes on one
//! PostgreSQL may run it at once (the second finds nothing left); the inbox also shows a
//! passed snooze as open at read time, so nothing waits on this worker.

use std::time::Duration;
use taith_store::SharedStore;

const WAKE_EVERY: Duration = Duration::from_secs(30);

pub(crate) fn start(store: SharedStore) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(WAKE_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            if let Err(e) = store.wake_snoozed(taith_domain::now()).await {
                tracing::warn!(
                    error = &e as &dyn std::error::Error,
                    "opening snoozed conversations failed; trying again"
                );
            }
        }
    });
}
