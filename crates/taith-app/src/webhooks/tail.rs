//! The hooks tailer: takes the responses the store queued (`hooks_pending`, filled by a
//! trigger in the transaction that stored each one, for workspaces with alert rules or
//! webhook endpoints), publishes `response.created` to subscribed endpoints and evaluates the
//! workspace's alerts — after intake committed, never on its path. Runs on every node: an
//! event is published once whichever node gets there first (its dedupe key is the response's
//! id), and alert transitions are recorded once by the store.

use crate::alerts::Alerts;
use serde_json::json;
use std::collections::HashMap;
use taith_domain::{EventType, NewResponse, ResponseId, WorkspaceId};
use taith_store::{PendingHook, SharedStore, Store, StoreError};

/// Responses taken off the queue at a time.
const BATCH: u32 = 500;

/// The `data` of a `response.created` event.
pub fn response_data(r: &NewResponse) -> serde_json::Value {
    json!({
        "response_id": r.id,
        "survey_id": r.survey_id,
        "score": r.score,
        "comment": r.comment.as_str(),
        "touchpoint_id": r.touchpoint_id,
        "channel": r.channel.as_str(),
        "locale": r.locale.tag(),
        "customer_id": r.customer_id,
        "attributes": r.attributes,
        "submitted_at": r.submitted_at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
    })
}

/// Handles one batch of queued responses; answers how many were taken.
pub async fn handle_pending(alerts: &Alerts, store: &dyn Store) -> Result<usize, StoreError> {
    let pending = store.hooks_pending(BATCH).await?;
    let taken = pending.len();
    let mut by_workspace: HashMap<WorkspaceId, Vec<PendingHook>> = HashMap::new();
    for p in pending {
        by_workspace.entry(p.workspace_id).or_default().push(p);
    }
    for (ws, items) in by_workspace {
        let subscribed = store
            .webhook_endpoints(ws)
            .await?
            .iter()
            .any(|e| e.fields.enabled && e.fields.events.contains(&EventType::ResponseCreated));
        if subscribed {
            for item in &items {
                let r = &item.response;
                alerts
                    .hooks
                    .publish(
                        store,
                        ws,
                        crate::webhooks::new_event(
                            EventType::ResponseCreated,
                            response_data(r),
                            Some(format!("response.created:{}", r.id)),
                        )
                        .about(r.customer_id),
                    )
                    .await?;
            }
        }
        let responses: Vec<NewResponse> = items.iter().map(|i| i.response.clone()).collect();
        if let Err(e) = alerts.evaluate_workspace(store, ws, &responses).await {
            // The responses stay queued: evaluated again on the next round.
            tracing::warn!(workspace = %ws, error = &e as &dyn std::error::Error, "evaluating alerts failed");
            continue;
        }
        let done: Vec<(ResponseId, i64)> =
            items.iter().map(|i| (i.response.id, i.queued_at)).collect();
        store.hooks_done(ws, &done).await?;
    }
    Ok(taken)
}

/// Runs the tailer until the process ends.
pub fn run_in_background(alerts: Alerts, store: SharedStore) {
    tokio::spawn(async move {
        let poll = alerts
            .hooks
            .config
            .poll
            .min(std::time::Duration::from_millis(250));
        let mut every = tokio::time::interval(poll);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            loop {
                match handle_pending(&alerts, store.as_ref()).await {
                    Ok(n) if n == BATCH as usize => continue,
                    Ok(_) => break,
                    Err(e) => {
                        tracing::warn!(
                            error = &e as &dyn std::error::Error,
                            "the hooks tailer failed; trying again"
                        );
                        break;
                    }
                }
            }
        }
    });
}
