//! How a member's reply reaches the customer: one function, [`deliver_reply`], knows each
//! channel's way.

use taith_domain::{Channel, Conversation, ConversationMessage, WorkspaceId};
use taith_store::{MessageToStore, Store, StoreError};

/// What happened to a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// Stored in the conversation, where the customer reads it (web chat: the visitor's chat
    /// shows the conversation's messages; nothing is sent).
    InConversation,
    /// Stored and marked to be sent (`to_send_at`): the e-mail sender sends it.
    Queued,
    /// Stored only: taith has no connector that sends on this channel yet (phone, social,
    /// in-store…), so the member answers there and the reply is kept for the record and the
    /// figures.
    RecordedOnly,
}

/// Stores a member's reply in the conversation and hands it to its channel:
///
/// - **chat**: the visitor reads it from the conversation; nothing to send.
/// - **e-mail**: stored with `to_send_at` in the same transaction. The e-mail sender of the
///   inbound-mail capability (built beside the inbox) sends it: it finds unsent replies with
///   [`InboxStore::unsent_replies`](taith_store::InboxStore::unsent_replies), sends each to
///   the conversation's customer with the threading headers of the conversation's mail, and
///   records it with [`InboxStore::mark_reply_sent`](taith_store::InboxStore::mark_reply_sent).
/// - anything else: recorded only ([`Delivery::RecordedOnly`]).
pub async fn deliver_reply(
    store: &dyn Store,
    ws: WorkspaceId,
    conversation: &Conversation,
    message: &MessageToStore,
) -> Result<(Conversation, ConversationMessage, Delivery), StoreError> {
    let delivery = match conversation.channel {
        Channel::Chat => Delivery::InConversation,
        Channel::Email => Delivery::Queued,
        _ => Delivery::RecordedOnly,
    };
    let (c, m) = store
        .add_reply(ws, conversation.id, message, delivery == Delivery::Queued)
        .await?;
    Ok((c, m, delivery))
}
