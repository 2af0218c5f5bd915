//! The demo bakery's alerts and webhooks: a rule on every unhappy customer at a moment of
//! truth with its firings (on the demo's own detractors there), a rule on a week-on-week NPS
//! drop that fired and cleared, and the till system's webhook endpoint with a delivery log —
//! delivered ones, one that failed once and was retried, one that failed for good.
//!
//! The history is written through the store: nothing is sent anywhere. The endpoint is left
//! switched off (paused while the till is replaced), so the running demo publishes nothing
//! to it and never contacts its address.

use anyhow::{Context, Result, anyhow};
use taith_app::webhooks::sign::new_secret;
use taith_domain::{
    AlertFiring, AlertFiringId, AlertInput, DeliveryState, EventType, Role, WebhookEventId,
    WebhookFields, WebhookKind, WorkspaceId,
};
use taith_store::{AttemptOutcome, Clearing, NewEvent, NewFiring, PageRequest, Store};
use time::Duration;

fn event(event_type: EventType, data: serde_json::Value, at: time::OffsetDateTime) -> NewEvent {
    NewEvent {
        id: WebhookEventId::new(),
        event_type,
        payload: data,
        dedupe_key: None,
        at,
        customer: None,
    }
}

pub async fn seed_alerts(store: &dyn Store, ws: WorkspaceId) -> Result<()> {
    let now = taith_domain::now();
    let owners: Vec<_> = store
        .members(ws)
        .await?
        .into_iter()
        .filter(|m| m.role == Role::Owner)
        .map(|m| m.user.id.to_string())
        .collect();
    let rule = |input: AlertInput| {
        input
            .parse()
            .map_err(|e| anyhow!("demo alert: {:?}", e.0.first().map(|f| f.field.clone())))
    };

    // Every unhappy customer at a moment of truth: fired for the demo's own detractors.
    let detractor = store
        .create_alert_rule(
            ws,
            &rule(AlertInput {
                name: "Unhappy customer at a moment of truth".into(),
                kind: "detractor".into(),
                metric: "nps".into(),
                recipients: owners.clone(),
                ..Default::default()
            })?,
        )
        .await
        .context("creating the demo's detractor alert")?;
    let mut unhappy = Vec::new();
    let page = store.responses(ws, None, PageRequest::first(500)).await?;
    for r in page.items.iter().rev() {
        if r.score <= 6 && r.touchpoint_id.is_some() && unhappy.len() < 4 {
            unhappy.push(r.clone());
        }
    }
    for r in &unhappy {
        let firing = AlertFiring {
            id: AlertFiringId::new(),
            rule_id: detractor.id,
            fired_at: r.submitted_at,
            cleared_at: None,
            value: Some(f64::from(r.score)),
            previous: None,
            n: 1,
            response_id: Some(r.id),
        };
        let data = serde_json::json!({
            "rule_name": detractor.fields.name.as_str(), "metric": "nps",
            "value": r.score, "n": 1, "response_id": r.id,
        });
        store
            .fire_alert(
                ws,
                &NewFiring {
                    firing,
                    mail_to: Vec::new(),
                    event: event(EventType::AlertFired, data, r.submitted_at),
                },
            )
            .await?;
    }

    // A week-on-week NPS drop that fired in the spring rush and cleared a week later.
    let drop = store
        .create_alert_rule(
            ws,
            &rule(AlertInput {
                name: "NPS falling week on week".into(),
                kind: "change".into(),
                metric: "nps".into(),
                direction: "down".into(),
                period_days: "7".into(),
                min_responses: "30".into(),
                recipients: owners,
                ..Default::default()
            })?,
        )
        .await
        .context("creating the demo's NPS drop alert")?;
    let fired_at = now - Duration::days(20);
    let firing = AlertFiring {
        id: AlertFiringId::new(),
        rule_id: drop.id,
        fired_at,
        cleared_at: None,
        value: Some(18.4),
        previous: Some(41.2),
        n: 76,
        response_id: None,
    };
    let data = serde_json::json!({
        "rule_name": drop.fields.name.as_str(), "metric": "nps",
        "value": 18.4, "previous": 41.2, "n": 76,
    });
    store
        .fire_alert(
            ws,
            &NewFiring {
                firing: firing.clone(),
                mail_to: Vec::new(),
                event: event(EventType::AlertFired, data.clone(), fired_at),
            },
        )
        .await?;
    store
        .clear_alert(
            ws,
            &Clearing {
                firing: firing.id,
                at: fired_at + Duration::days(8),
                mail_to: Vec::new(),
                event: event(EventType::AlertCleared, data, fired_at + Duration::days(8)),
            },
        )
        .await?;

    // The till system's endpoint and what was sent to it.
    let fields = WebhookFields {
        kind: WebhookKind::Standard,
        url: "https://till.becws.example/taith/webhooks".into(),
        description: "Till system: alerts and new responses".into(),
        events: vec![
            EventType::AlertFired,
            EventType::AlertCleared,
            EventType::ResponseCreated,
        ],
        enabled: true,
    };
    let secret = new_secret().map_err(|e| anyhow!("no randomness for the demo secret: {e}"))?;
    let endpoint = store
        .create_webhook_endpoint(ws, &fields, &secret)
        .await
        .context("creating the demo's webhook endpoint")?;
    // (event, days ago, attempts: status codes answered, the last one's state)
    let history: [(EventType, i64, &[u16], DeliveryState); 7] = [
        (EventType::AlertFired, 20, &[200], DeliveryState::Delivered),
        (
            EventType::ResponseCreated,
            16,
            &[200],
            DeliveryState::Delivered,
        ),
        (
            EventType::ResponseCreated,
            15,
            &[503, 200],
            DeliveryState::Delivered,
        ),
        (
            EventType::AlertCleared,
            12,
            &[200],
            DeliveryState::Delivered,
        ),
        (
            EventType::ResponseCreated,
            6,
            &[200],
            DeliveryState::Delivered,
        ),
        (
            EventType::ResponseCreated,
            3,
            &[502, 502, 504, 504, 504, 504, 504],
            DeliveryState::Failed,
        ),
        (EventType::AlertFired, 1, &[200], DeliveryState::Delivered),
    ];
    for (i, (event_type, days, answers, last)) in history.iter().enumerate() {
        let at = now - Duration::days(*days) + Duration::minutes(i64::try_from(i)? * 7);
        let data = match event_type {
            EventType::ResponseCreated => serde_json::json!({"score": 9, "channel": "in_store"}),
            _ => serde_json::json!({"rule_name": drop.fields.name.as_str(), "metric": "nps"}),
        };
        store
            .publish_event(ws, &event(*event_type, data, at))
            .await?;
        let delivery = store
            .webhook_deliveries(ws, endpoint.id, PageRequest::first(1))
            .await?
            .items
            .into_iter()
            .next()
            .ok_or_else(|| anyhow!("the demo delivery was not made"))?;
        for (n, code) in answers.iter().enumerate() {
            let final_one = n + 1 == answers.len();
            let state = if final_one {
                *last
            } else {
                DeliveryState::Pending
            };
            let tried = at + Duration::minutes(i64::try_from(n)? * 30);
            store
                .finish_delivery(
                    ws,
                    delivery.id,
                    &AttemptOutcome {
                        state,
                        next_attempt_at: (state == DeliveryState::Pending)
                            .then(|| tried + Duration::minutes(5)),
                        status_code: Some(*code),
                        error: (*code >= 300).then(|| format!("the receiver answered {code}")),
                        at: tried,
                    },
                )
                .await?;
        }
    }
    // Paused while the till is replaced: the running demo sends it nothing.
    store
        .update_webhook_endpoint(
            ws,
            endpoint.id,
            &WebhookFields {
                enabled: false,
                description: "Till system (paused while the new till is installed)".into(),
                ..fields
            },
        )
        .await?;
    Ok(())
}
