//! Wire types of data requests and data retention.

use serde::{Deserialize, Serialize};
use taith_store::Erasure;
use utoipa::ToSchema;

/// How long responses, events and conversations are kept.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DataRetention {
    /// Months (1 to 120); null: kept for good.
    pub months: Option<i64>,
}

/// What an erasure did. Responses, events, conversations and cases stay as anonymous records
/// so that past figures do not change; the rest was deleted.
#[derive(Debug, Serialize, ToSchema)]
pub struct Erased {
    pub responses_anonymised: u64,
    /// Responses whose comment or written answers were erased.
    pub comments_erased: u64,
    pub events_anonymised: u64,
    pub conversations_anonymised: u64,
    pub messages_erased: u64,
    pub cases_anonymised: u64,
    /// Invitations, consents, asks, notices, lifecycle events, mail, chats, webhook events,
    /// comment analyses, the customer.
    pub rows_deleted: u64,
}

impl From<Erasure> for Erased {
    fn from(e: Erasure) -> Self {
        Erased {
            responses_anonymised: e.responses_anonymised,
            comments_erased: e.comments_erased,
            events_anonymised: e.events_anonymised,
            conversations_anonymised: e.conversations_anonymised,
            messages_erased: e.messages_erased,
            cases_anonymised: e.cases_anonymised,
            rows_deleted: e.rows_deleted,
        }
    }
}

/// Everything held about a customer (the shape of the export document).
#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerExport {
    /// `taith-customer-export/1`.
    pub format: String,
    /// When it was made (RFC 3339, UTC).
    pub exported_at: String,
    /// The customer's profile: id, external id, e-mail, name, language, dates.
    #[schema(value_type = Object)]
    pub customer: serde_json::Value,
    /// By kind (`responses`, `events`, `conversations`, `conversation_messages`, `cases`,
    /// `invitations`, `consents`, …), the records as objects of their fields.
    #[schema(value_type = Object)]
    pub records: serde_json::Value,
}
