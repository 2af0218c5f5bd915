//! Importing a survey's responses from a CSV file (`taith import responses`): the store's side
//! of [`taith_domain::csv`], which holds the format, its checks and its documentation. The
//! other way out is [`super::files`].
//!
//! An import reads and checks the whole file first; only then are its responses, each with the
//! customer to find or create, stored through the group-commit writer in ONE submission, so a
//! bad line stores nothing and a failed write leaves no customer behind.

use super::intake::Ingest;
use std::time::Instant;
use taith_domain::csv::{self, ImportSpec, read_responses_csv};
use taith_domain::{Survey, WorkspaceId};
use taith_store::{NewCustomer, ResponseToStore, Store, StoreError};

/// Why an import stored nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("reading the workspace's touchpoints")]
    Touchpoints(#[source] StoreError),
    /// A line of the file is wrong; it names the line and the column.
    #[error(transparent)]
    File(#[from] csv::ImportError),
    #[error("storing the responses (nothing was stored)")]
    Store(#[source] StoreError),
}

/// What an import stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    /// Responses stored.
    pub responses: usize,
    /// Distinct customers the file named (found or created).
    pub customers: usize,
}

/// Imports a CSV file of responses into `survey` (module docs of [`taith_domain::csv`]) through
/// `intake`. A bad line fails with [`ImportError::File`] naming it, and nothing is stored.
pub async fn import_responses_csv(
    intake: &Ingest,
    store: &dyn Store,
    ws: WorkspaceId,
    survey: &Survey,
    input: &[u8],
) -> Result<ImportSummary, ImportError> {
    let touchpoints = store
        .touchpoint_refs(ws)
        .await
        .map_err(ImportError::Touchpoints)?;
    let spec = ImportSpec::new(survey, touchpoints);
    let started = Instant::now();
    let rows = read_responses_csv(input, &spec)?;
    tracing::debug!(rows = rows.len(), took = ?started.elapsed(), "import: file read");

    let started = Instant::now();
    let batch: Vec<ResponseToStore> = rows
        .into_iter()
        .map(|row| {
            // A customer takes the locale of the first line that names them: the store fills
            // in only what is missing.
            let customer = row.customer.as_ref().map(|key| NewCustomer {
                external_id: key.external_id.clone(),
                email: key.email.clone(),
                name: None,
                locale: Some(row.locale),
            });
            ResponseToStore {
                workspace_id: ws,
                response: row.into_response(survey.id, None),
                customer,
            }
        })
        .collect();
    // One submission: customers and responses in one transaction, one flush.
    let stored = intake.submit(batch).await.map_err(ImportError::Store)?;
    // Two keys (an external id, an e-mail) may turn out to be one customer.
    let customers: std::collections::HashSet<_> =
        stored.iter().filter_map(|r| r.customer_id).collect();
    let responses = stored.iter().filter(|r| r.created).count();
    tracing::debug!(responses, customers = customers.len(), took = ?started.elapsed(), "import: stored");
    Ok(ImportSummary {
        responses,
        customers: customers.len(),
    })
}
