//! Personas.

use crate::{Page, PageRequest, StoreResult};
use async_trait::async_trait;
use taith_domain::{Persona, PersonaFields, PersonaId, WorkspaceId};

/// A workspace's personas.
#[async_trait]
pub trait PersonaStore: Send + Sync {
    async fn personas(
        &self,
        ws: WorkspaceId,
        page: PageRequest<PersonaId>,
    ) -> StoreResult<Page<Persona, PersonaId>>;

    async fn persona(&self, ws: WorkspaceId, id: PersonaId) -> StoreResult<Persona>;

    async fn create_persona(&self, ws: WorkspaceId, fields: &PersonaFields)
    -> StoreResult<Persona>;

    async fn update_persona(
        &self,
        ws: WorkspaceId,
        id: PersonaId,
        fields: &PersonaFields,
    ) -> StoreResult<Persona>;

    /// Deletes a persona; journeys drawn for it keep their maps and lose the link.
    async fn delete_persona(&self, ws: WorkspaceId, id: PersonaId) -> StoreResult<()>;
}
