//! How a member's reply reaches the customer: one function, [`deliver_reply`], knows each
//! channel's way.

use crate::mail_in::QueueRefused;
use taith_domain::{Channel, Conversation, ConversationMessage, WorkspaceId};
use taith_store::{MessageToStore, Store, StoreError};

/// What happened to a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// Stored in the conversation, where the customer reads it (web chat: the visitor's chat
    /// shows the conversation's messages; nothing is sent).
    InConversation,
    /// Stored and queued for the e-mail reply worker (`taith_app::mail_in`), which sends it
    /// with the thread's headers and records it as sent once the SMTP server accepted it.
    Queued,
    /// Stored only: taith has no connector that sends on this channel yet (phone, social,
    /// in-store…), so the member answers there and the reply is kept for the record and the
    /// figures.
    RecordedOnly,
}

/// Stores a member's reply in the conversation and hands it to its channel:
///
/// - **chat**: the visitor reads it in the chat, and by e-mail too when they left an address
///   ([`crate::chat::deliver`]).
/// - **e-mail**: queued with [`crate::mail_in::queue_reply`], whose worker sends it to the
///   customer with `In-Reply-To`/`References` of the thread. When the customer's last mail was
///   automatic (an auto-reply, a bounce), nothing is sent by e-mail — that is how mail loops
///   start — and the reply is recorded only.
/// - anything else: recorded only ([`Delivery::RecordedOnly`]).
pub async fn deliver_reply(
    store: &dyn Store,
    ws: WorkspaceId,
    conversation: &Conversation,
    message: &MessageToStore,
) -> Result<(Conversation, ConversationMessage, Delivery), StoreError> {
    let (c, m) = store
        .add_conversation_message(ws, conversation.id, message)
        .await?;
    let delivery = match conversation.channel {
        Channel::Chat => crate::chat::deliver(store, ws, c.id, m.id).await?,
        Channel::Email => match crate::mail_in::queue_reply(store, ws, c.id, m.id).await {
            Ok(()) => Delivery::Queued,
            Err(QueueRefused::Store(e)) => return Err(e),
            Err(QueueRefused::NotEmail | QueueRefused::NoReply(_)) => Delivery::RecordedOnly,
        },
        _ => Delivery::RecordedOnly,
    };
    Ok((c, m, delivery))
}
