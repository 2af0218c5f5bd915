//! The demo's signals on the journey: the web shop's product pages show their bounce rate and
//! searches without results, its checkout the `order` conversion rate and error rate (the
//! fortnight the checkout broke shows), and every touchpoint the support conversations are
//! about (live chat, the phone line, e-mail) its first response time and reopen rate —
//! beside what customers said there.

use anyhow::Result;
use std::collections::HashSet;
use taith_domain::{BoundFigureInput, Journey, SignalMetric, TouchpointId, WorkspaceId};
use taith_store::{ConversationFilter, PageRequest, Store};

/// The figures each touchpoint shows, by its name in the demo journeys; `support` when
/// conversations are about it.
fn figures_for(name: &str, support: bool) -> Vec<(SignalMetric, Option<&'static str>)> {
    match (name, support) {
        ("Web shop product pages", _) => vec![
            (SignalMetric::BounceRate, None),
            (SignalMetric::SearchZeroResultRate, None),
        ],
        ("Checkout and delivery slot", _) => vec![
            (SignalMetric::ConversionRate, Some("order")),
            (SignalMetric::ErrorRate, None),
        ],
        (_, true) => vec![
            (SignalMetric::FirstResponseTime, None),
            (SignalMetric::ReopenRate, None),
        ],
        _ => Vec::new(),
    }
}

/// Binds the figures through the use-case the UI and the API call.
pub async fn seed_signals(store: &dyn Store, ws: WorkspaceId, journeys: &[Journey]) -> Result<()> {
    let supported: HashSet<TouchpointId> = store
        .conversations(ws, &ConversationFilter::default(), PageRequest::all())
        .await?
        .items
        .iter()
        .filter_map(|c| c.touchpoint_id)
        .collect();
    for tp in journeys.iter().flat_map(|j| &j.touchpoints) {
        let support = supported.contains(&tp.id);
        let inputs: Vec<BoundFigureInput> = figures_for(tp.fields.name.as_str(), support)
            .into_iter()
            .map(|(metric, goal)| BoundFigureInput {
                metric: metric.as_str().to_owned(),
                goal: goal.map(str::to_owned),
            })
            .collect();
        if !inputs.is_empty() {
            taith_app::signals::bind(store, ws, tp.id, &inputs).await?;
        }
    }
    Ok(())
}
