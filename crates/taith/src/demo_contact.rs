//! The demo bakery's contact budget and consent: the default policy saved (so the settings
//! page shows what applies), a few recent asks of the first demo customers across channels,
//! and consents from each source, so their timelines show "asked … next possible on …" and
//! where a consent came from.

use anyhow::{Context, Result};
use taith_domain::contact::{Channel, ConsentSource, Policy, Purpose};
use taith_domain::{ContactAskId, Email, WorkspaceId};
use taith_store::{NewAsk, NewCustomer, Store};
use time::Duration;

pub async fn seed_contact(store: &dyn Store, ws: WorkspaceId) -> Result<()> {
    let now = taith_domain::now();
    let policy = Policy::default();
    store.set_contact_policy(ws, &policy, now).await?;
    let people: Vec<NewCustomer> = crate::demo_conversations::customers()
        .into_iter()
        .take(4)
        .map(|(email, _, locale)| NewCustomer {
            email: Email::parse(&email).ok(),
            locale: Some(locale),
            ..NewCustomer::default()
        })
        .collect();
    let found = store
        .upsert_customers(ws, &people)
        .await
        .context("finding the demo customers")?;
    let ids: Vec<_> = found.iter().map(|c| c.id).collect();
    // The first: asked twice (an invitation and the widget) — over budget for a while.
    // The second: asked once.
    for (customer, channel, days_ago) in [
        (ids[0], Channel::Invitation, 20),
        (ids[0], Channel::Widget, 4),
        (ids[1], Channel::Invitation, 9),
    ] {
        store
            .try_ask(
                ws,
                &NewAsk {
                    id: ContactAskId::new(),
                    customer,
                    channel,
                    survey: None,
                    at: now - Duration::days(days_ago),
                },
                &policy,
            )
            .await?;
    }
    // The third turned surveys off on the preference page; the fourth unsubscribed from
    // notices through the API of the bakery's shop system.
    store
        .set_consent(
            ws,
            ids[2],
            Purpose::Surveys,
            false,
            ConsentSource::PreferencePage,
            now - Duration::days(12),
        )
        .await?;
    store
        .set_consent(
            ws,
            ids[3],
            Purpose::Notices,
            false,
            ConsentSource::Api,
            now - Duration::days(40),
        )
        .await?;
    Ok(())
}
