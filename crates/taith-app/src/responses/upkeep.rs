//! Keeping the store's deletion log short. Each node's tailer re-reads only the last minute of
//! deletions, and a node away longer rebuilds its index from the responses themselves, so an
//! entry older than [`KEEP`] serves no one. Any node may prune: the statement is idempotent,
//! so several nodes on one PostgreSQL pruning at once do no harm.

use std::time::Duration;
use taith_store::SharedStore;

/// How long a deletion stays in the log: far longer than any tailer's overlap window.
pub const KEEP: time::Duration = time::Duration::days(1);
/// How often the log is pruned.
const EVERY: Duration = Duration::from_secs(3_600);

/// Prunes every workspace's deletion log, once an hour, from the background.
pub fn prune_deletion_log_in_background(store: SharedStore) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            prune_deletion_log(&store).await;
        }
    });
}

/// Drops the deletion log entries older than [`KEEP`] in every workspace. Failures are
/// logged; the next round tries again.
pub async fn prune_deletion_log(store: &SharedStore) {
    let before = taith_domain::now() - KEEP;
    let workspaces = match store.all_workspaces().await {
        Ok(w) => w,
        Err(e) => {
            tracing::warn!(
                error = &e as &dyn std::error::Error,
                "cannot list workspaces to prune the deletion log"
            );
            return;
        }
    };
    for w in workspaces {
        match store.forget_response_deletions_before(w.id, before).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(workspace = %w.slug, entries = n, "pruned the deletion log"),
            Err(e) => {
                tracing::warn!(workspace = %w.slug, error = &e as &dyn std::error::Error, "pruning the deletion log failed")
            }
        }
    }
}
