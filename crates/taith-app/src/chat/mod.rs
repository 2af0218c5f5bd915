//! Web chat: a visitor writes from the widget's chat tab. Every chat is a support conversation
//! (channel `chat`) from its first message, so the inbox, the figures and the customer's
//! timeline see it as they see any other.
//!
//! - While nobody is on it (the conversation is resolved), the FAQ bot answers each message
//!   from the published help centre ([`crate::bot`]), and the exchange is kept in the
//!   conversation.
//! - When the bot is unsure, or the visitor asks for a person, the conversation is open in the
//!   inbox, the bot tells the visitor when someone will answer (business hours), and from then
//!   on the visitor's messages go to the person, as the person's replies come to the visitor.
//! - A visitor who leaves an e-mail address becomes the conversation's customer, and replies
//!   then also go to them by e-mail through the reply worker (they may have closed the page).
//!
//! The visitor holds a [`ChatToken`]; the store keeps only its SHA-256.

use crate::account::secrets::{random_secret, secret_hash};
use crate::bot::{BOT_AUTHOR, BOT_TAG, Bot, BotError};
use crate::inbox::delivery::Delivery;
use taith_domain::bot::AskInput;
use taith_domain::chat::{parse_email, parse_message};
use taith_domain::{
    Channel, ChatSession, ChatSessionId, ChatToken, ConversationId, ConversationMessage,
    ConversationMessageId, ConversationStatus, Locale, MessageDirection, MessageInput,
    NewConversation, ValidationErrors, WorkspaceId,
};
use taith_store::{NewCustomer, Store, StoreError};

/// The longest subject a chat's first message gives its conversation, in characters.
const SUBJECT_CHARS: usize = 120;

/// Why a chat message or address was not taken.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<BotError> for Refused {
    fn from(e: BotError) -> Refused {
        match e {
            // The bot names its field `question`; in a chat it is the message.
            BotError::Invalid(v) => Refused::Invalid(ValidationErrors(
                v.0.into_iter()
                    .map(|mut f| {
                        if f.field == "question" {
                            "body".clone_into(&mut f.field);
                        }
                        f
                    })
                    .collect(),
            )),
            BotError::Store(s) => Refused::Store(s),
        }
    }
}

impl From<crate::conversations::Refused> for Refused {
    fn from(e: crate::conversations::Refused) -> Refused {
        match e {
            crate::conversations::Refused::Invalid(v) => Refused::Invalid(v),
            crate::conversations::Refused::Store(s) => Refused::Store(s),
        }
    }
}

impl From<crate::inbox::Refused> for Refused {
    fn from(e: crate::inbox::Refused) -> Refused {
        match e {
            crate::inbox::Refused::Invalid(v) => Refused::Invalid(v),
            crate::inbox::Refused::Store(s) => Refused::Store(s),
        }
    }
}

/// Who wrote a line of the chat, as the visitor sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speaker {
    Visitor,
    Bot,
    Person,
}

impl Speaker {
    pub fn as_str(self) -> &'static str {
        match self {
            Speaker::Visitor => "visitor",
            Speaker::Bot => "bot",
            Speaker::Person => "person",
        }
    }
}

/// One line of a chat.
#[derive(Debug, Clone, PartialEq)]
pub struct ChatLine {
    pub id: ConversationMessageId,
    pub speaker: Speaker,
    /// A person's name as they sign their replies.
    pub author: Option<String>,
    pub at: time::OffsetDateTime,
    pub body: String,
}

impl ChatLine {
    fn of(m: &ConversationMessage) -> ChatLine {
        let speaker = match m.direction {
            MessageDirection::In => Speaker::Visitor,
            MessageDirection::Out if m.author.as_deref() == Some(BOT_AUTHOR) => Speaker::Bot,
            MessageDirection::Out => Speaker::Person,
        };
        ChatLine {
            id: m.id,
            speaker,
            author: (speaker == Speaker::Person)
                .then(|| m.author.clone())
                .flatten(),
            at: m.at,
            body: m.body.clone(),
        }
    }
}

/// A chat as its visitor sees it.
#[derive(Debug, Clone)]
pub struct ChatView {
    pub session: ChatSession,
    pub lines: Vec<ChatLine>,
    /// A person has it (the conversation is not resolved): messages go to them, not the bot.
    pub with_person: bool,
}

fn token_hash(token: &ChatToken) -> String {
    secret_hash(token.as_str())
}

fn new_token() -> ChatToken {
    // random_secret is 64 lower-case hex digits, which is what a token is.
    ChatToken::parse(&random_secret()).unwrap_or_else(|| unreachable!("a secret is a token"))
}

fn cut(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// The chat this token reaches in the workspace. NotFound: none (or another workspace's).
pub async fn session(
    store: &dyn Store,
    ws: WorkspaceId,
    token: &ChatToken,
) -> Result<ChatSession, StoreError> {
    store.chat_session(ws, &token_hash(token)).await
}

/// Starts a chat with the visitor's first message: opens its conversation, lets the bot
/// answer (or hand over), and answers the token the visitor reaches the chat by from now on.
pub async fn start(
    store: &dyn Store,
    bot: &Bot,
    ws: WorkspaceId,
    locale: Locale,
    message: &str,
) -> Result<(ChatToken, ChatView), Refused> {
    let body = parse_message(message)?;
    let now = taith_domain::now();
    // Open, so that a question the bot cannot answer is in the inbox at once; resolved below
    // when the bot answers it.
    let conversation = NewConversation {
        external_id: None,
        channel: Channel::Chat,
        status: ConversationStatus::Open,
        subject: cut(&body, SUBJECT_CHARS),
        customer_id: None,
        customer: None,
        agent: None,
        team: None,
        tags: vec![BOT_TAG.to_owned()],
        satisfaction: None,
        locale: Some(locale),
        touchpoint_id: None,
        created_at: now,
        first_reply_at: None,
        resolved_at: None,
        reopens: 0,
        messages: Vec::new(),
    };
    let saved =
        crate::conversations::record_checked(store, ws, std::slice::from_ref(&conversation))
            .await?;
    let conversation_id = saved
        .first()
        .map(|(c, _)| c.id)
        .ok_or_else(|| StoreError::internal("save_conversations answered nothing"))?;
    ask_bot(store, bot, ws, conversation_id, locale, &body, true).await?;
    let token = new_token();
    let session = ChatSession {
        id: ChatSessionId::new(),
        conversation_id: Some(conversation_id),
        locale,
        email: None,
        created_at: now,
    };
    store
        .create_chat_session(ws, &session, &token_hash(&token))
        .await?;
    let view = view_of(store, ws, session).await?;
    Ok((token, view))
}

/// Puts a visitor's message to the bot in the chat's conversation: the bot appends the
/// question and its answer (the conversation is then resolved, nobody needs to act) or its
/// hand-over message (the conversation is open in the inbox).
async fn ask_bot(
    store: &dyn Store,
    bot: &Bot,
    ws: WorkspaceId,
    conversation: ConversationId,
    locale: Locale,
    body: &str,
    first: bool,
) -> Result<(), Refused> {
    let input = AskInput {
        question: body.to_owned(),
        locale: locale.tag().to_owned(),
        conversation_id: Some(conversation.to_string()),
    };
    let reply = bot.ask(store, ws, &input).await?;
    // A question on a resolved chat has already reopened it (the store's rule for a customer
    // writing again): an answer resolves it again, a hand-over leaves it open for a person.
    let status = match (reply.handoff.is_some(), first) {
        (true, true) => None,
        (true, false) => Some("open"),
        (false, _) => Some("resolved"),
    };
    if let Some(status) = status {
        crate::inbox::set_status(store, ws, conversation, status, None).await?;
    }
    Ok(())
}

/// The chat with its lines, oldest first.
pub async fn view(
    store: &dyn Store,
    ws: WorkspaceId,
    token: &ChatToken,
) -> Result<ChatView, StoreError> {
    let session = session(store, ws, token).await?;
    view_of(store, ws, session).await
}

async fn view_of(
    store: &dyn Store,
    ws: WorkspaceId,
    session: ChatSession,
) -> Result<ChatView, StoreError> {
    let (lines, with_person) = match session.conversation_id {
        Some(c) => {
            let conversation = store.conversation(ws, c).await?;
            let messages = store.conversation_messages(ws, c).await?;
            (
                messages.iter().map(ChatLine::of).collect(),
                conversation.status != ConversationStatus::Resolved,
            )
        }
        None => (Vec::new(), false),
    };
    Ok(ChatView {
        session,
        lines,
        with_person,
    })
}

/// The chat's lines after `after` (all of them with None): what a live page has not shown.
pub async fn lines_after(
    store: &dyn Store,
    ws: WorkspaceId,
    conversation: ConversationId,
    after: Option<ConversationMessageId>,
) -> Result<Vec<ChatLine>, StoreError> {
    let messages = store.conversation_messages(ws, conversation).await?;
    let start = after
        .and_then(|a| messages.iter().position(|m| m.id == a).map(|i| i + 1))
        .unwrap_or(0);
    Ok(messages[start..].iter().map(ChatLine::of).collect())
}

/// A visitor's next message: to the bot while nobody is on the chat, else to the person (a
/// chat that was waiting on the visitor is open again).
pub async fn send(
    store: &dyn Store,
    bot: &Bot,
    ws: WorkspaceId,
    token: &ChatToken,
    message: &str,
) -> Result<(), Refused> {
    let session = session(store, ws, token).await?;
    let body = parse_message(message)?;
    let Some(c) = session.conversation_id else {
        return Err(StoreError::internal("a chat without its conversation").into());
    };
    let conversation = store.conversation(ws, c).await?;
    match conversation.status {
        ConversationStatus::Resolved => {
            ask_bot(store, bot, ws, c, session.locale, &body, false).await?;
        }
        status => {
            let input = MessageInput {
                direction: "in".to_owned(),
                author: None,
                at: None,
                body,
            };
            crate::conversations::add_message(store, ws, c, &input, None).await?;
            if status == ConversationStatus::Pending {
                crate::inbox::set_status(store, ws, c, "open", None).await?;
            }
        }
    }
    Ok(())
}

/// Keeps the address a visitor left: its customer (found or created) becomes the chat's, and
/// replies from then on also go to it by e-mail.
pub async fn leave_email(
    store: &dyn Store,
    ws: WorkspaceId,
    token: &ChatToken,
    raw: &str,
) -> Result<ChatSession, Refused> {
    let session = session(store, ws, token).await?;
    let email = parse_email(raw)?;
    let customer = store
        .upsert_customers(
            ws,
            &[NewCustomer {
                email: Some(email.clone()),
                locale: Some(session.locale),
                ..NewCustomer::default()
            }],
        )
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| StoreError::internal("upsert_customers answered nothing"))?;
    store
        .set_chat_email(ws, session.id, &email, customer.id)
        .await?;
    Ok(ChatSession {
        email: Some(email),
        ..session
    })
}

/// How a member's reply on a chat reaches the visitor: in the chat always, and by e-mail too
/// when the visitor left an address (queued for the reply worker).
pub async fn deliver(
    store: &dyn Store,
    ws: WorkspaceId,
    conversation: ConversationId,
    message: ConversationMessageId,
) -> Result<Delivery, StoreError> {
    match store.chat_session_of(ws, conversation).await? {
        Some(s) if s.email.is_some() => {
            store.queue_mail_reply(ws, conversation, message).await?;
            Ok(Delivery::Queued)
        }
        _ => Ok(Delivery::InConversation),
    }
}
