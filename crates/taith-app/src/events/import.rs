//! Importing events from a CSV file (`taith import events FILE`).
//!
//! The header names the wire fields, in any order, not case-sensitive: `type` (required),
//! `occurred_at`, `visitor_id`, `session_id`, `customer_id`, `url`, `touchpoint_id`,
//! `channel`, `locale`, `query`, `result_count`, `goal`, `value`, `name`, `success`,
//! `duration_ms`, `kind`, `target`, `client_id` (the idempotency key); a column `attributes.{key}` sets that
//! attribute. Empty cells are absent fields. The whole file is read and checked first; the
//! first bad line stops the import naming the line and the column, and nothing is stored.
//! Then every event goes through the group commit in ONE submission (one transaction).

use super::{Events, EventsError};
use std::collections::BTreeMap;
use taith_domain::{EventInput, WorkspaceId};
use taith_store::StoreError;

/// The columns an import knows (besides `attributes.*`).
pub const COLUMNS: [&str; 19] = [
    "type",
    "occurred_at",
    "visitor_id",
    "session_id",
    "customer_id",
    "url",
    "touchpoint_id",
    "channel",
    "locale",
    "query",
    "result_count",
    "goal",
    "value",
    "name",
    "success",
    "duration_ms",
    "kind",
    "target",
    "client_id",
];

/// Why an import stored nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file is not CSV with a header line: {0}")]
    NotCsv(String),
    #[error("column {0:?} is not an event field (see docs/events.md)")]
    UnknownColumn(String),
    #[error("the header has no \"type\" column")]
    NoType,
    #[error("the file holds no events")]
    Empty,
    /// A line is wrong; lines count from 1 for the header.
    #[error("line {line}, column {column}: {issue}")]
    Line {
        line: u64,
        column: String,
        issue: &'static str,
    },
    #[error("storing the events (nothing was stored)")]
    Store(#[source] StoreError),
}

/// Imports the CSV `input` into workspace `ws`; answers how many events were stored (a
/// repeated client key is not stored twice).
pub async fn import_events_csv(
    events: &Events,
    ws: WorkspaceId,
    input: &[u8],
) -> Result<usize, ImportError> {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(input);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| ImportError::NotCsv(e.to_string()))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    for h in &header {
        let lower = h.to_ascii_lowercase();
        if !COLUMNS.contains(&lower.as_str()) && !lower.starts_with("attributes.") {
            return Err(ImportError::UnknownColumn(h.clone()));
        }
    }
    if !header.iter().any(|h| h.eq_ignore_ascii_case("type")) {
        return Err(ImportError::NoType);
    }
    let mut inputs = Vec::new();
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::NotCsv(e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut input = EventInput::default();
        let mut attributes = BTreeMap::new();
        for (h, cell) in header.iter().zip(record.iter()) {
            if cell.trim().is_empty() {
                continue;
            }
            let bad = |issue| ImportError::Line {
                line,
                column: h.clone(),
                issue,
            };
            let text = Some(cell.to_owned());
            match h.to_ascii_lowercase().as_str() {
                "type" => input.event_type = text,
                "occurred_at" => input.occurred_at = text,
                "visitor_id" => input.visitor_id = text,
                "session_id" => input.session_id = text,
                "customer_id" => input.customer_id = text,
                "url" => input.url = text,
                "touchpoint_id" => input.touchpoint_id = text,
                "channel" => input.channel = text,
                "locale" => input.locale = text,
                "query" => input.query = text,
                "result_count" => {
                    input.result_count =
                        Some(cell.trim().parse().map_err(|_| bad("not a whole number"))?)
                }
                "goal" => input.goal = text,
                "value" => {
                    input.value = Some(cell.trim().parse().map_err(|_| bad("not a number"))?)
                }
                "name" => input.name = text,
                "success" => {
                    input.success = Some(match cell.trim().to_ascii_lowercase().as_str() {
                        "true" | "1" | "yes" => true,
                        "false" | "0" | "no" => false,
                        _ => return Err(bad("not true or false")),
                    })
                }
                "duration_ms" => {
                    input.duration_ms =
                        Some(cell.trim().parse().map_err(|_| bad("not a whole number"))?)
                }
                "kind" => input.kind = text,
                "target" => input.target = text,
                "client_id" => input.client_key = text,
                other => {
                    let key = other.trim_start_matches("attributes.");
                    let key = &h[h.len() - key.len()..];
                    attributes.insert(key.to_owned(), cell.to_owned());
                }
            }
        }
        if !attributes.is_empty() {
            input.attributes = Some(attributes);
        }
        inputs.push(input);
        lines.push(line);
    }
    if inputs.is_empty() {
        return Err(ImportError::Empty);
    }
    let parsed = match events.check(ws, &inputs, taith_domain::now()).await {
        Ok(parsed) => parsed,
        Err(EventsError::Invalid(errors)) => {
            let first = errors.0.first();
            let (line, column, issue) = first
                .and_then(|e| {
                    let rest = e.field.strip_prefix("events[")?;
                    let (i, column) = rest.split_once("].")?;
                    let i: usize = i.parse().ok()?;
                    Some((
                        lines.get(i).copied().unwrap_or(0),
                        column.to_owned(),
                        e.issue,
                    ))
                })
                .unwrap_or((0, String::new(), taith_domain::Issue::Invalid));
            return Err(ImportError::Line {
                line,
                column,
                issue: issue_text(issue),
            });
        }
        Err(EventsError::Store(e)) => return Err(ImportError::Store(e)),
        Err(EventsError::BatchSize) => return Err(ImportError::Empty),
    };
    let stored = events
        .submit(ws, parsed)
        .await
        .map_err(ImportError::Store)?;
    Ok(stored.iter().filter(|s| s.created).count())
}

fn issue_text(issue: taith_domain::Issue) -> &'static str {
    use taith_domain::Issue;
    match issue {
        Issue::Required => "a value is needed",
        Issue::TooLong => "too long (see the caps in docs/events.md)",
        Issue::UnknownValue => "not one of the allowed values",
        Issue::NotFound => "no such touchpoint or customer in this workspace",
        _ => "not valid (an RFC 3339 time within the last 400 days, an http(s) address or path, …)",
    }
}
