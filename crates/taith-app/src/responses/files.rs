//! A survey's responses as the rows of a file, on any store: one implementation for the CLI's
//! `taith export responses` and the UI's download. The format itself (CSV header, defanging,
//! JSON) is [`taith_domain::csv`].

use std::collections::HashMap;
use taith_domain::csv::ExportRow;
use taith_domain::{CustomerId, ResponseId, Survey, TouchpointId, WorkspaceId};
use taith_store::{PageRequest, Store, StoreError, StoreResult};

/// Page size for reading whole lists out of the store.
const PAGE: u32 = 5_000;

/// The survey's responses as export rows, by time of submission (then in the order they were
/// stored), with touchpoints and customers resolved.
pub async fn export_rows(
    store: &dyn Store,
    ws: WorkspaceId,
    survey: &Survey,
) -> StoreResult<Vec<ExportRow>> {
    let names: HashMap<TouchpointId, String> = store
        .touchpoint_refs(ws)
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
