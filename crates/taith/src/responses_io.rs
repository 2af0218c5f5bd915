//! A survey's responses in and out of the store as files: the store's side of
//! [`taith_domain::csv`], which holds the format, its checks and its documentation.
//!
//! An import reads and checks the whole file first; only then are its customers found or
//! created, and its responses stored in ONE `insert_responses` call, so a bad line stores
//! nothing (customers created just before a failing insert may remain, which is harmless: they
//! are found again next time).

use anyhow::Context as _;
use std::collections::HashMap;
use std::time::Instant;
use taith_domain::csv::{CustomerKey, ImportSpec, read_responses_csv};
use taith_domain::{CustomerId, Survey, WorkspaceId};
use taith_store::{NewCustomer, ResponseToStore, Store};

/// What an import stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    /// Responses stored.
    pub responses: usize,
    /// Distinct customers the file named (found or created).
    pub customers: usize,
}

/// Imports a CSV file of responses into `survey` (module docs of [`taith_domain::csv`]).
/// A bad line fails with a [`taith_domain::csv::ImportError`] naming it, and nothing is stored.
pub async fn import_responses_csv(
    store: &dyn Store,
    ws: WorkspaceId,
    survey: &Survey,
    input: &[u8],
) -> anyhow::Result<ImportSummary> {
    let touchpoints = taith_store::survey_files::workspace_touchpoints(store, ws)
        .await
        .context("reading the workspace's touchpoints")?;
    let spec = ImportSpec::new(survey, touchpoints);
    let started = Instant::now();
    let rows = read_responses_csv(input, &spec)?;
    tracing::debug!(rows = rows.len(), took = ?started.elapsed(), "import: file read");

    // The distinct customers, in the order the file first names them.
    let mut customers: HashMap<CustomerKey, Option<CustomerId>> = HashMap::new();
    let mut order: Vec<(CustomerKey, taith_domain::Locale)> = Vec::new();
    for row in &rows {
        if let Some(key) = &row.customer
            && !customers.contains_key(key)
        {
            customers.insert(key.clone(), None);
            order.push((key.clone(), row.locale));
        }
    }
    let started = Instant::now();
    let wanted: Vec<NewCustomer> = order
        .iter()
        .map(|(key, locale)| NewCustomer {
            external_id: key.external_id.clone(),
            email: key.email.clone(),
            name: None,
            locale: Some(*locale),
        })
        .collect();
    // All customers in one transaction: thousands of them cost one flush, not thousands.
    let stored = store
        .upsert_customers(ws, &wanted)
        .await
        .context("storing the file's customers (no response was stored)")?;
    for ((key, _), customer) in order.iter().zip(&stored) {
        customers.insert(key.clone(), Some(customer.id));
    }
    // Two keys (an external id, an e-mail) may turn out to be one customer.
    let distinct: std::collections::HashSet<_> = stored.iter().map(|c| c.id).collect();

    tracing::debug!(customers = order.len(), took = ?started.elapsed(), "import: customers stored");
    let started = Instant::now();
    let batch: Vec<ResponseToStore> = rows
        .into_iter()
        .map(|row| {
            let customer = row
                .customer
                .as_ref()
                .and_then(|k| customers.get(k).copied().flatten());
            ResponseToStore {
                workspace_id: ws,
                response: row.into_response(survey.id, customer),
                customer: None,
            }
        })
        .collect();
    let stored = if batch.is_empty() {
        0
    } else {
        store
            .insert_responses(&batch)
            .await
            .context("storing the responses (nothing was stored)")?
            .iter()
            .filter(|r| r.created)
            .count()
    };
    tracing::debug!(responses = stored, took = ?started.elapsed(), "import: responses stored");
    Ok(ImportSummary {
        responses: stored,
        customers: distinct.len(),
    })
}
