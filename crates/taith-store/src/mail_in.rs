//! E-mail conversations: each workspace's inbound settings, the Message-IDs of every mail in
//! and out (the threading table), incoming mails' attachments, and the replies waiting to go
//! out by e-mail.

use crate::{ConversationToStore, MessageToStore, StoreResult};
use async_trait::async_trait;
use taith_domain::{
    Conversation, ConversationId, ConversationMessageId, CustomerId, Locale, MessageDirection,
    WorkspaceId,
};
use time::OffsetDateTime;

/// A workspace's inbound settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailInSettings {
    /// The HMAC key of `X-Taith-Signature` on posted mail.
    pub secret: String,
    /// An address of its own the SMTP receiver also routes to it (lower case).
    pub address: Option<String>,
    pub updated_at: OffsetDateTime,
}

/// One e-mail of a conversation, by its Message-ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailRecord {
    /// The RFC 5322 Message-ID without its angle brackets.
    pub rfc_message_id: String,
    pub conversation_id: ConversationId,
    pub message_id: ConversationMessageId,
    pub direction: MessageDirection,
    /// The sender's address (in) or the customer's (out).
    pub address: String,
    /// Why nothing may answer it automatically; None for a person's mail.
    pub no_reply: Option<String>,
    pub at: OffsetDateTime,
}

/// An incoming mail's attachment as stored: `content` None when it was over the caps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentToStore {
    pub name: String,
    pub content_type: String,
    pub size: u64,
    pub content: Option<Vec<u8>>,
}

/// An attachment as listed (without its content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAttachment {
    pub name: String,
    pub content_type: String,
    pub size: u64,
    pub kept: bool,
}

/// Where an incoming mail's message goes.
#[derive(Debug, Clone)]
pub enum MailInto {
    /// Added to this conversation of its thread (the message is the `MessageToStore`).
    Thread(ConversationId),
    /// Opens this conversation, whose first message is the mail's.
    Open(Box<ConversationToStore>),
}

/// An incoming mail as the threading table records it, beside its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingMail {
    /// The RFC 5322 Message-ID without its angle brackets.
    pub rfc_message_id: String,
    /// The sender's address.
    pub address: String,
    /// Why nothing may answer it automatically; None for a person's mail.
    pub no_reply: Option<String>,
    pub at: OffsetDateTime,
}

/// An attachment of a conversation's incoming mail, with the message it came with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversationAttachment {
    pub message_id: ConversationMessageId,
    pub attachment: StoredAttachment,
}

/// A reply claimed for sending, with what the e-mail needs.
#[derive(Debug, Clone, PartialEq)]
pub struct MailReplyDue {
    pub workspace_id: WorkspaceId,
    pub conversation_id: ConversationId,
    pub message_id: ConversationMessageId,
    pub subject: String,
    pub body: String,
    pub author: Option<String>,
    pub customer_id: Option<CustomerId>,
    pub to_email: Option<String>,
    pub to_name: Option<String>,
    pub locale: Option<Locale>,
    pub at: OffsetDateTime,
    /// How many times it was claimed, this one included.
    pub attempts: u32,
}

#[async_trait]
pub trait MailInStore: Send + Sync {
    /// The workspace's inbound settings; None before the first secret is made.
    async fn mail_in_settings(&self, ws: WorkspaceId) -> StoreResult<Option<MailInSettings>>;

    /// Sets the secret (made or rotated), keeping the address.
    async fn set_mail_in_secret(
        &self,
        ws: WorkspaceId,
        secret: &str,
        at: OffsetDateTime,
    ) -> StoreResult<MailInSettings>;

    /// Sets or clears the workspace's own address (the settings must exist). Conflict: the
    /// address is another workspace's.
    async fn set_mail_in_address(
        &self,
        ws: WorkspaceId,
        address: Option<&str>,
        at: OffsetDateTime,
    ) -> StoreResult<MailInSettings>;

    /// The workspace whose own address this is (lower case).
    async fn workspace_by_mail_address(&self, address: &str) -> StoreResult<Option<WorkspaceId>>;

    /// The mail of this workspace with this Message-ID.
    async fn mail_record(
        &self,
        ws: WorkspaceId,
        rfc_message_id: &str,
    ) -> StoreResult<Option<MailRecord>>;

    /// Records a mail and (incoming) its attachments, in one transaction. A Message-ID
    /// already recorded in the workspace is left as it is (false).
    async fn record_mail(
        &self,
        ws: WorkspaceId,
        mail: &MailRecord,
        attachments: &[AttachmentToStore],
    ) -> StoreResult<bool>;

    /// Records an incoming mail in ONE transaction: its message (added to its thread's
    /// conversation, with what that changes, or opening a new conversation), its Message-ID
    /// in the threading table and its attachments — a crash leaves all of them or none.
    /// None: the Message-ID was recorded in the workspace meanwhile (nothing is stored).
    /// NotFound: the thread's conversation is not (or no longer) the workspace's.
    async fn receive_mail(
        &self,
        ws: WorkspaceId,
        into: &MailInto,
        message: &MessageToStore,
        mail: &IncomingMail,
        attachments: &[AttachmentToStore],
    ) -> StoreResult<Option<(Conversation, ConversationMessageId)>>;

    /// The attachments of a conversation's incoming mails: oldest mail first, each mail's in
    /// order. NotFound: no such conversation in the workspace.
    async fn conversation_attachments(
        &self,
        ws: WorkspaceId,
        conversation: ConversationId,
    ) -> StoreResult<Vec<ConversationAttachment>>;

    /// The `index`th (from 0, in [`conversation_attachments`](Self::conversation_attachments)'
    /// order) attachment of a conversation with its content (None: too large, not kept).
    /// NotFound: no such conversation in the workspace, or no such attachment.
    async fn conversation_attachment(
        &self,
        ws: WorkspaceId,
        conversation: ConversationId,
        index: u32,
    ) -> StoreResult<(StoredAttachment, Option<Vec<u8>>)>;

    /// A conversation's mails, oldest first.
    async fn conversation_mails(
        &self,
        ws: WorkspaceId,
        conversation: ConversationId,
    ) -> StoreResult<Vec<MailRecord>>;

    /// An incoming mail's attachments, in order.
    async fn mail_attachments(
        &self,
        ws: WorkspaceId,
        rfc_message_id: &str,
    ) -> StoreResult<Vec<StoredAttachment>>;

    /// Marks an `out` message of the conversation as waiting to go out by e-mail. NotFound:
    /// no such outgoing message in the workspace; a message already queued, sent or failed is
    /// left as it is.
    async fn queue_mail_reply(
        &self,
        ws: WorkspaceId,
        conversation: ConversationId,
        message: ConversationMessageId,
    ) -> StoreResult<()>;

    /// A message's send state: None (not sent by e-mail), `pending`, `sent` or `failed`.
    /// NotFound: no such message.
    async fn mail_send_state(
        &self,
        ws: WorkspaceId,
        conversation: ConversationId,
        message: ConversationMessageId,
    ) -> StoreResult<Option<String>>;

    /// Claims up to `limit` pending replies of any workspace whose lease ran out at `now`,
    /// each until `lease_until`: a reply claimed by one node is skipped by the others.
    async fn claim_mail_replies(
        &self,
        now: OffsetDateTime,
        lease_until: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<MailReplyDue>>;

    /// Records a reply as sent with its Message-ID (in the threading table), in one
    /// transaction.
    async fn mark_mail_reply_sent(&self, ws: WorkspaceId, mail: &MailRecord) -> StoreResult<()>;

    /// Gives up on a reply (no address to send it to, or too many attempts).
    async fn mark_mail_reply_failed(
        &self,
        ws: WorkspaceId,
        conversation: ConversationId,
        message: ConversationMessageId,
    ) -> StoreResult<()>;
}
