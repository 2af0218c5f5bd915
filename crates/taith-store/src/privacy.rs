//! Data subject requests and data retention (docs/privacy.md): a customer's records for an
//! export, their erasure, and the removal of records older than a workspace keeps them.
//!
//! [`TABLES`] says, for every table of both stores, what it holds of customers and what
//! erasure does to it. The erasure test lists the tables from the migrations and fails while
//! one is missing here, so a new table is classified before it ships.

use crate::{Customer, StoreResult};
use async_trait::async_trait;
use taith_domain::{CustomerId, DataRetention, Email, WorkspaceId};
use time::OffsetDateTime;

/// What erasing a customer does to a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Treatment {
    /// The customer's rows are deleted.
    Deleted,
    /// The customer's rows stay, counted in the figures, with nothing left that says whose
    /// they were or what they wrote.
    Anonymised,
    /// Rows derived from the customer's text are deleted and rebuilt without it.
    Rebuilt,
    /// The customer's id may stay, never their name, address or words (the audit log: who
    /// read or erased a customer must stay provable).
    KeepsIdOnly,
    /// Holds nothing about customers: the business's own content, staff accounts, settings.
    NoCustomerData,
}

/// One table of the stores and what erasure does to it.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub name: &'static str,
    pub treatment: Treatment,
}

const fn t(name: &'static str, treatment: Treatment) -> Table {
    Table { name, treatment }
}

use Treatment::{Anonymised, Deleted, KeepsIdOnly, NoCustomerData, Rebuilt};

/// Every table of both stores, by name.
pub const TABLES: &[Table] = &[
    t("alert_firings", NoCustomerData),
    t("alert_mails", NoCustomerData),
    t("alert_rules", NoCustomerData),
    t("api_tokens", NoCustomerData),
    t("article_categories", NoCustomerData),
    t("articles", NoCustomerData),
    t("audit_log", KeepsIdOnly),
    t("bot_synonyms", NoCustomerData),
    t("canned_replies", NoCustomerData),
    t("case_counters", NoCustomerData),
    t("case_log", Anonymised),
    t("case_pending", Deleted),
    t("case_replies", Deleted),
    t("case_root_causes", NoCustomerData),
    t("case_rules", NoCustomerData),
    t("case_settings", NoCustomerData),
    t("cases", Anonymised),
    t("change_notices", Deleted),
    t("changes", NoCustomerData),
    t("chat_sessions", Deleted),
    t("consent_changes", Deleted),
    t("consents", Deleted),
    t("contact_asks", Deleted),
    t("contact_policies", NoCustomerData),
    t("conversation_messages", Anonymised),
    t("conversation_notes", Anonymised),
    t("conversations", Anonymised),
    t("customer_lifecycle", Deleted),
    t("customers", Deleted),
    t("events", Anonymised),
    t("faq_gaps", Deleted),
    t("feature_request_links", Anonymised),
    t("feature_request_votes", Anonymised),
    t("feature_requests", NoCustomerData),
    t("governance_settings", NoCustomerData),
    t("hooks_pending", Deleted),
    t("invitations", Deleted),
    t("journey_revisions", NoCustomerData),
    t("journey_trash", NoCustomerData),
    t("journeys", NoCustomerData),
    t("mail_attachments", Deleted),
    t("mail_in_settings", NoCustomerData),
    t("mail_messages", Deleted),
    t("member_teams", NoCustomerData),
    t("members", NoCustomerData),
    t("mentions", NoCustomerData),
    t("password_resets", NoCustomerData),
    t("personas", NoCustomerData),
    t("response_deletions", NoCustomerData),
    t("responses", Anonymised),
    t("sessions", NoCustomerData),
    t("sites", NoCustomerData),
    t("stages", NoCustomerData),
    t("survey_unlinks", NoCustomerData),
    t("surveys", NoCustomerData),
    t("touchpoint_figures", NoCustomerData),
    t("touchpoints", NoCustomerData),
    t("two_factor", NoCustomerData),
    t("two_factor_recovery", NoCustomerData),
    t("users", NoCustomerData),
    t("visitor_salts", NoCustomerData),
    t("voc_comment_themes", Deleted),
    t("voc_comments", Deleted),
    t("voc_models", Rebuilt),
    t("voc_pending", Deleted),
    t("voc_themes", NoCustomerData),
    t("webhook_deliveries", Deleted),
    t("webhook_endpoints", NoCustomerData),
    t("webhook_events", Deleted),
    t("workspaces", NoCustomerData),
];

/// A customer's records of one kind, each a JSON object of its columns (times in RFC 3339,
/// ids as UUIDs, JSON columns as JSON; the workspace id and secret tokens left out).
#[derive(Debug, Clone)]
pub struct RecordsOfKind {
    /// `responses`, `events`, `conversation_messages`, … (docs/privacy.md lists them).
    pub kind: &'static str,
    pub rows: Vec<serde_json::Value>,
}

/// What an erasure did, by kind of record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Erasure {
    pub responses_anonymised: u64,
    pub comments_erased: u64,
    pub events_anonymised: u64,
    pub conversations_anonymised: u64,
    pub messages_erased: u64,
    pub cases_anonymised: u64,
    /// Rows deleted outright: invitations, consents, asks, notices, lifecycle, mail,
    /// webhook events, chat sessions, the customer.
    pub rows_deleted: u64,
}

/// What one retention run removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expired {
    pub responses: Vec<taith_domain::ResponseId>,
    pub events: u64,
    pub conversations: u64,
}

#[async_trait]
pub trait PrivacyStore: Send + Sync {
    /// The workspace's customer with this address (addresses are stored lower-cased).
    async fn customer_by_email(&self, ws: WorkspaceId, email: &Email) -> StoreResult<Customer>;

    /// Everything held about a customer, by kind, read in one snapshot. NotFound: no such
    /// customer in the workspace.
    async fn customer_records(
        &self,
        ws: WorkspaceId,
        customer: CustomerId,
    ) -> StoreResult<Vec<RecordsOfKind>>;

    /// Erases a customer in one transaction: all of it or, when interrupted, none of it, so
    /// running it again completes it. NotFound: no such customer (or erased already).
    async fn erase_customer(&self, ws: WorkspaceId, customer: CustomerId) -> StoreResult<Erasure>;

    /// How long the workspace keeps responses, events and conversations.
    async fn data_retention(&self, ws: WorkspaceId) -> StoreResult<DataRetention>;

    async fn set_data_retention(
        &self,
        ws: WorkspaceId,
        retention: DataRetention,
    ) -> StoreResult<()>;

    /// Deletes up to `most` of each of the workspace's responses (logging their deletion),
    /// events and conversations (with their messages, notes and mail) from before `before`.
    async fn expire_before(
        &self,
        ws: WorkspaceId,
        before: OffsetDateTime,
        most: u32,
    ) -> StoreResult<Expired>;
}
