//! Customers: the people who answer surveys.

use crate::StoreResult;
use async_trait::async_trait;
use taith_domain::{CustomerId, Email, Locale, Name, WorkspaceId};

/// A customer to find or create: matched by external id, else by e-mail.
#[derive(Debug, Clone, Default)]
pub struct NewCustomer {
    pub external_id: Option<String>,
    pub email: Option<Email>,
    pub name: Option<Name>,
    pub locale: Option<Locale>,
}

/// A customer of a workspace: a person who answers surveys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Customer {
    pub id: CustomerId,
    pub external_id: Option<String>,
    pub email: Option<Email>,
    pub name: Option<Name>,
    pub locale: Option<Locale>,
}

/// A workspace's customers.
#[async_trait]
pub trait CustomerStore: Send + Sync {
    /// Finds a customer by external id, else by e-mail, filling in what was missing; or
    /// creates one.
    async fn upsert_customer(
        &self,
        ws: WorkspaceId,
        customer: &NewCustomer,
    ) -> StoreResult<Customer>;

    /// [`CustomerStore::upsert_customer`] for many customers in one transaction, results in order.
    async fn upsert_customers(
        &self,
        ws: WorkspaceId,
        customers: &[NewCustomer],
    ) -> StoreResult<Vec<Customer>>;

    async fn customer(&self, ws: WorkspaceId, id: CustomerId) -> StoreResult<Customer>;
}
