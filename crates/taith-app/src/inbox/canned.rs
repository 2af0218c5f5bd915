//! Canned replies: ready answers with one body per locale, picked in the reply box and
//! filled in the conversation's language ([`render_canned`]).

use super::Refused;
use taith_domain::{
    CannedReply, CannedReplyFields, CannedReplyId, CannedReplyInput, Issue, Locale,
    ValidationErrors, WorkspaceId,
};
use taith_store::{ConflictKind, Store, StoreError};

fn taken(e: StoreError) -> Refused {
    match e {
        StoreError::Conflict(ConflictKind::ShortcutTaken) => {
            ValidationErrors::one("shortcut", Issue::Taken).into()
        }
        other => other.into(),
    }
}

pub async fn create(
    store: &dyn Store,
    ws: WorkspaceId,
    input: &CannedReplyInput,
) -> Result<CannedReply, Refused> {
    let fields = CannedReplyFields::parse(input)?;
    store
        .create_canned_reply(ws, &fields, taith_domain::now())
        .await
        .map_err(taken)
}

pub async fn update(
    store: &dyn Store,
    ws: WorkspaceId,
    id: CannedReplyId,
    input: &CannedReplyInput,
) -> Result<CannedReply, Refused> {
    // Another workspace's id is a 404 before the fields are looked at.
    store.canned_reply(ws, id).await?;
    let fields = CannedReplyFields::parse(input)?;
    store
        .update_canned_reply(ws, id, &fields, taith_domain::now())
        .await
        .map_err(taken)
}

pub async fn delete(store: &dyn Store, ws: WorkspaceId, id: CannedReplyId) -> Result<(), Refused> {
    Ok(store.delete_canned_reply(ws, id).await?)
}

/// The text of a canned reply for a conversation in `locale` (None: the conversation's
/// language is unknown, read as English): that locale's body, else English, else the first
/// written.
pub fn render_canned(reply: &CannedReply, locale: Option<Locale>) -> String {
    reply
        .body_for(locale.unwrap_or(Locale::En))
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default()
}
