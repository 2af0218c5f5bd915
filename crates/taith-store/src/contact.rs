//! The contact budget and consent (`taith_domain::contact`): the workspace's policy, the asks
//! made of each customer, and their consent per purpose.

use crate::StoreResult;
use async_trait::async_trait;
use taith_domain::contact::{Channel, Consent, ConsentSource, Decision, History, Policy, Purpose};
use taith_domain::{ContactAskId, CustomerId, SurveyId, WorkspaceId};
use time::OffsetDateTime;

/// One ask to record if the budget allows it.
#[derive(Debug, Clone, Copy)]
pub struct NewAsk {
    pub id: ContactAskId,
    pub customer: CustomerId,
    pub channel: Channel,
    pub survey: Option<SurveyId>,
    pub at: OffsetDateTime,
}

#[async_trait]
pub trait ContactStore: Send + Sync {
    /// The workspace's policy, or the default when none was saved.
    async fn contact_policy(&self, ws: WorkspaceId) -> StoreResult<Policy>;

    /// Saves the workspace's policy. NotFound when there is no such workspace.
    async fn set_contact_policy(
        &self,
        ws: WorkspaceId,
        policy: &Policy,
        at: OffsetDateTime,
    ) -> StoreResult<()>;

    /// What [`taith_domain::contact::decide`] needs about `customer` for `channel` at `now`:
    /// their consent to the channel's purpose, the asks on counted channels in the policy's
    /// window, and their last response. NotFound when the customer is not the workspace's.
    async fn contact_history(
        &self,
        ws: WorkspaceId,
        customer: CustomerId,
        channel: Channel,
        policy: &Policy,
        now: OffsetDateTime,
    ) -> StoreResult<History>;

    /// Decides with [`taith_domain::contact::decide`] and, when allowed, records the ask, in
    /// one transaction that holds the workspace's lock: two nodes asking at once for the same
    /// customer cannot both spend the last ask. NotFound when the customer is not the
    /// workspace's.
    async fn try_ask(
        &self,
        ws: WorkspaceId,
        ask: &NewAsk,
        policy: &Policy,
    ) -> StoreResult<Decision>;

    /// Forgets an ask recorded by [`ContactStore::try_ask`] whose message did not go out.
    async fn cancel_ask(&self, ws: WorkspaceId, id: ContactAskId) -> StoreResult<()>;

    /// The consents recorded for the customer (purposes without a record are not listed).
    /// NotFound when the customer is not the workspace's.
    async fn consents(&self, ws: WorkspaceId, customer: CustomerId) -> StoreResult<Vec<Consent>>;

    /// Records the customer's consent for `purpose`, with its source and time. NotFound when
    /// the customer is not the workspace's.
    async fn set_consent(
        &self,
        ws: WorkspaceId,
        customer: CustomerId,
        purpose: Purpose,
        granted: bool,
        source: ConsentSource,
        at: OffsetDateTime,
    ) -> StoreResult<()>;
}
