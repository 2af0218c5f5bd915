//! Wire types of inbound e-mail.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// A workspace's inbound e-mail settings. Only owners, admins and write tokens see them: the
/// secret signs mail posted as the workspace's.
#[derive(Debug, Serialize, ToSchema)]
pub struct InboundSettings {
    /// The HMAC-SHA256 key of `X-Taith-Signature` (the text itself is the key).
    pub secret: String,
    /// Where to post raw messages (`POST`, `Content-Type: message/rfc822`), relative to
    /// taith's address unless a public URL is configured.
    pub endpoint: String,
    /// `{slug}@{domain}` on taith's SMTP receiver, when it has a domain configured.
    pub smtp_address: Option<String>,
    /// The workspace's own address (e.g. `support@becws.example`) that the SMTP receiver
    /// routes to it, mail from which is never answered.
    pub address: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

/// A change of the workspace's own address; empty or null clears it.
#[derive(Debug, Deserialize, ToSchema)]
pub struct InboundAddressWrite {
    #[serde(default)]
    pub address: Option<String>,
}

/// What a received mail did.
#[derive(Debug, Serialize, ToSchema)]
pub struct InboundReceived {
    pub conversation_id: Uuid,
    pub message_id: Uuid,
    /// The mail's Message-ID, without angle brackets (made up when it had none).
    pub rfc_message_id: String,
    /// It opened a new conversation (otherwise it joined its thread).
    pub opened: bool,
    /// It was received before; nothing was stored again.
    pub duplicate: bool,
    /// Why nothing will answer it: `auto_submitted`, `bulk`, `auto_reply`, `bounce`,
    /// `own_address`; null for a person's mail.
    pub no_reply: Option<String>,
    /// Attachments listed but not kept (over 5 MB, or past 10 MB per message).
    pub attachments_not_kept: usize,
}
