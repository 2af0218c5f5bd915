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
use taith_domain::csv::{CustomerKey, ExportRow, ImportSpec, TouchpointRef, read_responses_csv};
use taith_domain::{CustomerId, JourneyId, ResponseId, Survey, TouchpointId, WorkspaceId};
use taith_store::{NewCustomer, PageRequest, ResponseToStore, Store, StoreError, StoreResult};

/// What an import stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    /// Responses stored.
    pub responses: usize,
    /// Distinct customers the file named (found or created).
    pub customers: usize,
}

/// Page size for reading whole lists out of the store.
const PAGE: u32 = 5_000;

/// Every touchpoint on the workspace's journeys, with its journey's name.
pub async fn workspace_touchpoints(
    store: &dyn Store,
    ws: WorkspaceId,
) -> StoreResult<Vec<TouchpointRef>> {
    let mut ids: Vec<JourneyId> = Vec::new();
    let mut after = None;
    loop {
        let page = store
            .journeys(ws, PageRequest { after, limit: PAGE })
            .await?;
        ids.extend(page.items.iter().map(|j| j.id));
        match page.next {
            Some(next) if !page.items.is_empty() => after = Some(next),
            _ => break,
        }
    }
    let mut out = Vec::new();
    for id in ids {
        let journey = match store.journey(ws, id).await {
            Ok(j) => j,
            // Deleted since it was listed.
            Err(StoreError::NotFound) => continue,
            Err(e) => return Err(e),
        };
        out.extend(journey.touchpoints.iter().map(|t| TouchpointRef {
            id: t.id,
            name: t.fields.name.to_string(),
            journey: journey.fields.name.to_string(),
        }));
    }
    Ok(out)
}

/// Imports a CSV file of responses into `survey` (module docs of [`taith_domain::csv`]).
/// A bad line fails with a [`taith_domain::csv::ImportError`] naming it, and nothing is stored.
pub async fn import_responses_csv(
    store: &dyn Store,
    ws: WorkspaceId,
    survey: &Survey,
    input: &[u8],
) -> anyhow::Result<ImportSummary> {
    let touchpoints = workspace_touchpoints(store, ws)
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

/// The survey's responses as export rows, by time of submission (then in the order they were
/// stored), with touchpoints and customers resolved.
pub async fn export_rows(
    store: &dyn Store,
    ws: WorkspaceId,
    survey: &Survey,
) -> StoreResult<Vec<ExportRow>> {
    let names: HashMap<TouchpointId, String> = workspace_touchpoints(store, ws)
        .await?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect();
    let mut customers: HashMap<CustomerId, (Option<String>, Option<String>)> = HashMap::new();
    let mut rows = Vec::new();
    let mut after: Option<ResponseId> = None;
    loop {
        let page = store
            .responses(ws, Some(survey.id), PageRequest { after, limit: PAGE })
            .await?;
        for r in &page.items {
            let (customer_id, customer_email) = match r.customer_id {
                None => (None, None),
                Some(id) => match customers.get(&id) {
                    Some(found) => found.clone(),
                    None => {
                        let found = match store.customer(ws, id).await {
                            Ok(c) => (c.external_id, c.email.map(|e| e.to_string())),
                            Err(StoreError::NotFound) => (None, None),
                            Err(e) => return Err(e),
                        };
                        customers.insert(id, found.clone());
                        found
                    }
                },
            };
            rows.push(ExportRow {
                submitted_at: r.submitted_at,
                score: r.score,
                comment: r.comment.to_string(),
                touchpoint: r.touchpoint_id.and_then(|t| names.get(&t).cloned()),
                channel: r.channel,
                locale: r.locale,
                customer_id,
                customer_email,
                attributes: r.attributes.clone(),
            });
        }
        match page.next {
            Some(next) if !page.items.is_empty() => after = Some(next),
            _ => break,
        }
    }
    rows.sort_by_key(|r| r.submitted_at);
    Ok(rows)
}
