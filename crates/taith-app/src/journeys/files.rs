//! Moving whole journeys in and out as journey files, on any store: one implementation for the
//! UI's download, the API and the CLI.

use taith_domain::transfer::JourneyFile;
use taith_domain::{Change, Journey, JourneyId, WorkspaceId};
use taith_store::{Author, PageRequest, Store, StoreError, StoreResult};

/// A journey as a self-contained file: its persona's fields and its owners by e-mail.
pub async fn export_journey(
    store: &dyn Store,
    ws: WorkspaceId,
    id: JourneyId,
) -> StoreResult<JourneyFile> {
    let journey = store.journey(ws, id).await?;
    let persona = match journey.fields.persona_id {
        None => None,
        Some(p) => match store.persona(ws, p).await {
            Ok(p) => Some(p.fields),
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(e),
        },
    };
    let users: Vec<_> = store
        .members(ws)
        .await?
        .into_iter()
        .map(|m| m.user)
        .collect();
    Ok(JourneyFile::from_journey(
        &journey,
        persona.as_ref(),
        &users,
    ))
}

/// Creates a journey from a file. Its persona joins an existing persona of the same name, or
/// is created first; a member owner who is not a member here becomes a team of that name.
pub async fn import_journey(
    store: &dyn Store,
    ws: WorkspaceId,
    mut file: JourneyFile,
    author: &Author,
) -> StoreResult<Journey> {
    let persona_id = match file.persona.take() {
        None => None,
        Some(fields) => {
            let personas = store.personas(ws, PageRequest::all()).await?.items;
            match personas.into_iter().find(|p| p.fields.name == fields.name) {
                Some(existing) => Some(existing.id),
                None => Some(store.create_persona(ws, &fields).await?.id),
            }
        }
    };
    let users: Vec<_> = store
        .members(ws)
        .await?
        .into_iter()
        .map(|m| m.user)
        .collect();
    let journey = file.into_journey(persona_id, &users, taith_domain::now());
    store
        .create_journey(ws, &journey, author, &[Change::Imported])
        .await
}
