//! The contact budget and consent (issue 15): one budget per customer across every survey and
//! channel, and the customer's consent per purpose. Every path that asks a customer for
//! feedback or writes to them comes here:
//!
//! - [`ask`]: the one question every send path asks before it sends or shows — the outbox's
//!   invitations and reminders, the widget's prompt to a known customer, "we did" notices. It
//!   decides with `taith_domain::contact::decide` and, when allowed, records the ask, in one
//!   transaction (the last ask of a budget is spent once, even with several nodes). A send
//!   that then fails gives its ask back with [`cancel`].
//! - [`may_ask`]: the same answer without recording anything (the timeline, previews).
//! - [`policy`] / [`set_policy`]: the workspace's budget (default 2 asks in 30 days, 14 quiet
//!   days after a response, notices not counted).
//! - [`consents`] / [`set_consents`]: the customer's say per purpose, with source and time.
//!
//! Anonymous respondents are never tracked: only a known customer (an id) is asked about.

use taith_domain::contact::{
    Channel, Consent, ConsentSource, Decision, Policy, PolicyInput, Purpose, decide,
};
use taith_domain::{ContactAskId, CustomerId, SurveyId, ValidationErrors, WorkspaceId};
use taith_store::{NewAsk, Store, StoreError};
use time::OffsetDateTime;

/// Why a policy or consent could not be changed.
#[derive(Debug, thiserror::Error)]
pub enum ContactError {
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The answer of [`ask`]: the decision, and the id the ask was recorded under when allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asked {
    pub decision: Decision,
    pub id: ContactAskId,
}

/// The workspace's contact policy.
pub async fn policy(store: &dyn Store, ws: WorkspaceId) -> Result<Policy, StoreError> {
    store.contact_policy(ws).await
}

/// Checks and saves the workspace's contact policy.
pub async fn set_policy(
    store: &dyn Store,
    ws: WorkspaceId,
    input: &PolicyInput,
) -> Result<Policy, ContactError> {
    let policy = Policy::parse(input)?;
    store
        .set_contact_policy(ws, &policy, taith_domain::now())
        .await?;
    Ok(policy)
}

/// May `customer` be asked on `channel` at `now`? Records nothing.
pub async fn may_ask(
    store: &dyn Store,
    ws: WorkspaceId,
    customer: CustomerId,
    channel: Channel,
    now: OffsetDateTime,
) -> Result<Decision, StoreError> {
    let policy = store.contact_policy(ws).await?;
    let history = store
        .contact_history(ws, customer, channel, &policy, now)
        .await?;
    Ok(decide(&policy, channel, &history, now))
}

/// Asks whether `customer` may be asked on `channel` about `survey` at `now`, and records the
/// ask when they may. Call it right before the message goes out (or the prompt is shown).
pub async fn ask(
    store: &dyn Store,
    ws: WorkspaceId,
    customer: CustomerId,
    channel: Channel,
    survey: Option<SurveyId>,
    now: OffsetDateTime,
) -> Result<Asked, StoreError> {
    let policy = store.contact_policy(ws).await?;
    let id = ContactAskId::new();
    let decision = store
        .try_ask(
            ws,
            &NewAsk {
                id,
                customer,
                channel,
                survey,
                at: now,
            },
            &policy,
        )
        .await?;
    Ok(Asked { decision, id })
}

/// Gives back an ask whose message did not go out (the SMTP server refused it).
pub async fn cancel(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ContactAskId,
) -> Result<(), StoreError> {
    store.cancel_ask(ws, id).await
}

/// Where a customer stands with the budget, for the timeline: asks in the window, and when
/// the next survey ask is possible (None: now).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub policy: Policy,
    /// Asks counted in the window ending now.
    pub asks: usize,
    pub decision: Decision,
    /// The next time an ask is possible (None: now, or never while consent is withdrawn).
    pub next_possible_at: Option<OffsetDateTime>,
    pub consents: Vec<Consent>,
}

/// The customer's standing at `now` (survey asks: invitations, reminders, the widget).
pub async fn standing(
    store: &dyn Store,
    ws: WorkspaceId,
    customer: CustomerId,
    now: OffsetDateTime,
) -> Result<Standing, StoreError> {
    let policy = store.contact_policy(ws).await?;
    let history = store
        .contact_history(ws, customer, Channel::Invitation, &policy, now)
        .await?;
    let decision = decide(&policy, Channel::Invitation, &history, now);
    let next_possible_at = match decision {
        Decision::Allowed => None,
        Decision::Denied {
            next_possible_at, ..
        } => next_possible_at,
    };
    Ok(Standing {
        policy,
        asks: history.asks.len(),
        decision,
        next_possible_at,
        consents: consents(store, ws, customer).await?,
    })
}

/// The customer's consent for every purpose (defaults where nothing was recorded).
pub async fn consents(
    store: &dyn Store,
    ws: WorkspaceId,
    customer: CustomerId,
) -> Result<Vec<Consent>, StoreError> {
    let recorded = store.consents(ws, customer).await?;
    Ok(Purpose::ALL
        .into_iter()
        .map(|p| Consent::of(&recorded, p))
        .collect())
}

/// Records the customer's say for each purpose given (others unchanged), from `source`, and
/// answers their consents afterwards.
pub async fn set_consents(
    store: &dyn Store,
    ws: WorkspaceId,
    customer: CustomerId,
    changes: &[(Purpose, bool)],
    source: ConsentSource,
) -> Result<Vec<Consent>, StoreError> {
    let now = taith_domain::now();
    for (purpose, granted) in changes {
        store
            .set_consent(ws, customer, *purpose, *granted, source, now)
            .await?;
    }
    consents(store, ws, customer).await
}
