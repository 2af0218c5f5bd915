//! Support conversations: recorded from the API, a help desk's CSV export or (later) taith's
//! own inbox, one message at a time or whole; and their figures ([`figures`]).
//!
//! Every edge calls these: the agent or customer named in a conversation is looked up here
//! (an agent who is a member becomes its assignee; a customer named by e-mail or the
//! business's own id is found or created), never in a handler.

pub mod figures;

use std::collections::HashMap;
use taith_domain::csv::ImportError;
use taith_domain::{
    Conversation, ConversationId, ConversationInput, ConversationMessage, CustomerId, Email, Issue,
    MessageInput, NewConversation, NewMessage, UserId, ValidationErrors, WorkspaceId,
};
use taith_store::{ConversationToStore, MessageToStore, NewCustomer, Store, StoreError};

/// Why a conversation or message was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why an import was refused: a bad line (nothing was stored), or the store.
#[derive(Debug, thiserror::Error)]
pub enum ImportRefused {
    #[error(transparent)]
    Bad(#[from] ImportError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub created: u64,
    pub updated: u64,
}

/// The workspace's members by lower-cased e-mail and name: an agent named either way.
struct Agents(HashMap<String, (UserId, String)>);

impl Agents {
    async fn of(store: &dyn Store, ws: WorkspaceId) -> Result<Agents, StoreError> {
        let mut map = HashMap::new();
        for m in store.members(ws).await? {
            let entry = (m.user.id, m.user.name.to_string());
            map.insert(m.user.name.to_string().to_lowercase(), entry.clone());
            map.insert(m.user.email.as_str().to_lowercase(), entry);
        }
        Ok(Agents(map))
    }

    /// The member an agent's name or address is, and the name to show.
    fn find(&self, agent: Option<&str>) -> (Option<UserId>, Option<String>) {
        match agent {
            None => (None, None),
            Some(a) => match self.0.get(&a.to_lowercase()) {
                Some((id, name)) => (Some(*id), Some(name.clone())),
                None => (None, Some(a.to_owned())),
            },
        }
    }
}

/// The customer a `customer` cell names: an e-mail address, else the business's own id.
fn customer_of(c: &NewConversation) -> Option<NewCustomer> {
    let raw = c.customer.as_deref()?;
    Some(match Email::parse(raw) {
        Ok(email) => NewCustomer {
            email: Some(email),
            locale: c.locale,
            ..NewCustomer::default()
        },
        Err(_) => NewCustomer {
            external_id: Some(raw.to_owned()),
            locale: c.locale,
            ..NewCustomer::default()
        },
    })
}

/// Stores checked conversations in one transaction (customers first, found or created).
pub async fn record_checked(
    store: &dyn Store,
    ws: WorkspaceId,
    conversations: &[NewConversation],
) -> Result<Vec<(Conversation, bool)>, Refused> {
    let rows = to_store(store, ws, conversations).await?;
    Ok(store.save_conversations(ws, &rows).await?)
}

/// Checked conversations made ready for the store without saving them: customers named by
/// id checked, the others found or created by their address or id, agents matched to
/// members. [`record_checked`] saves them; `mail_in` saves one with its mail's record.
pub async fn to_store(
    store: &dyn Store,
    ws: WorkspaceId,
    conversations: &[NewConversation],
) -> Result<Vec<ConversationToStore>, Refused> {
    let agents = Agents::of(store, ws).await?;
    // Customers named by id must be the workspace's.
    for c in conversations {
        if let Some(id) = c.customer_id {
            match store.customer(ws, id).await {
                Ok(_) => {}
                Err(StoreError::NotFound) => {
                    return Err(ValidationErrors::one("customer_id", Issue::NotFound).into());
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    let wanted: Vec<(usize, NewCustomer)> = conversations
        .iter()
        .enumerate()
        .filter(|(_, c)| c.customer_id.is_none())
        .filter_map(|(i, c)| customer_of(c).map(|n| (i, n)))
        .collect();
    let found = if wanted.is_empty() {
        Vec::new()
    } else {
        let news: Vec<NewCustomer> = wanted.iter().map(|(_, n)| n.clone()).collect();
        store.upsert_customers(ws, &news).await?
    };
    let mut customer_at: HashMap<usize, CustomerId> = HashMap::new();
    for ((i, _), c) in wanted.iter().zip(found) {
        customer_at.insert(*i, c.id);
    }
    let rows: Vec<ConversationToStore> = conversations
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (assignee, agent) = agents.find(c.agent.as_deref());
            ConversationToStore {
                external_id: c.external_id.clone(),
                channel: c.channel,
                status: c.status,
                subject: c.subject.clone(),
                customer_id: c.customer_id.or_else(|| customer_at.get(&i).copied()),
                assignee,
                agent,
                team: c.team.clone(),
                tags: c.tags.clone(),
                satisfaction: c.satisfaction,
                locale: c.locale,
                touchpoint_id: c.touchpoint_id,
                created_at: c.created_at,
                first_reply_at: c.first_reply_at,
                resolved_at: c.resolved_at,
                reopens: c.reopens,
                messages: c
                    .messages
                    .iter()
                    .map(|m| {
                        let (author_id, author) = match m.direction {
                            taith_domain::MessageDirection::Out => agents.find(m.author.as_deref()),
                            taith_domain::MessageDirection::In => (None, m.author.clone()),
                        };
                        MessageToStore {
                            automatic: false,
                            direction: m.direction,
                            author,
                            author_id,
                            at: m.at.unwrap_or(c.created_at),
                            body: m.body.clone(),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(rows)
}

/// Records one conversation (with its messages or its times); a second one with the same
/// external id updates the first. `true`: it was created.
pub async fn record(
    store: &dyn Store,
    ws: WorkspaceId,
    input: &ConversationInput,
) -> Result<(Conversation, bool), Refused> {
    let checked = NewConversation::parse(input, taith_domain::now())?;
    let mut saved = record_checked(store, ws, std::slice::from_ref(&checked)).await?;
    saved
        .pop()
        .ok_or_else(|| StoreError::internal("save_conversations answered nothing").into())
}

/// Imports a help desk's CSV export, all of it or nothing (the first bad line is named).
pub async fn import_csv(
    store: &dyn Store,
    ws: WorkspaceId,
    csv: &[u8],
) -> Result<ImportSummary, ImportRefused> {
    let rows = taith_domain::conversation::read_conversations_csv(csv, taith_domain::now())?;
    let saved = match record_checked(store, ws, &rows).await {
        Ok(saved) => saved,
        Err(Refused::Store(e)) => return Err(e.into()),
        Err(Refused::Invalid(v)) => {
            // Only a customer id can fail here, and the CSV has none.
            let field = v.0.first().map(|f| f.field.clone());
            return Err(ImportError {
                line: 1,
                column: field,
                message: "invalid".into(),
            }
            .into());
        }
    };
    let created = saved.iter().filter(|(_, c)| *c).count() as u64;
    Ok(ImportSummary {
        created,
        updated: saved.len() as u64 - created,
    })
}

/// Adds a message to a conversation. `member`: the member sending it (an `out` message with
/// no author is theirs); otherwise the author is as given.
pub async fn add_message(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ConversationId,
    input: &MessageInput,
    member: Option<UserId>,
) -> Result<(Conversation, ConversationMessage), Refused> {
    let mut errors = ValidationErrors::default();
    let parsed = NewMessage::parse(input, "message", &mut errors);
    errors.into_result()?;
    let Some(m) = parsed else {
        return Err(ValidationErrors::one("message", Issue::Invalid).into());
    };
    let (author_id, author) = match (m.direction, member) {
        (taith_domain::MessageDirection::Out, Some(id)) if m.author.is_none() => {
            let agents = Agents::of(store, ws).await?;
            let name = agents
                .0
                .values()
                .find(|(u, _)| *u == id)
                .map(|(_, n)| n.clone());
            (Some(id), name)
        }
        (taith_domain::MessageDirection::Out, _) => {
            Agents::of(store, ws).await?.find(m.author.as_deref())
        }
        (taith_domain::MessageDirection::In, _) => (None, m.author.clone()),
    };
    // The bot signs its messages so; a member's message never is the bot's.
    let automatic = member.is_none()
        && m.direction == taith_domain::MessageDirection::Out
        && author.as_deref() == Some(crate::bot::BOT_AUTHOR);
    let message = MessageToStore {
        automatic,
        direction: m.direction,
        author,
        author_id,
        at: m.at.unwrap_or_else(taith_domain::now),
        body: m.body,
    };
    Ok(store.add_conversation_message(ws, id, &message).await?)
}
