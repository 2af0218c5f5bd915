//! Wire types of personas.

use serde::{Deserialize, Serialize};
use taith_domain as d;
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// A customer type a journey is drawn for.
#[derive(Debug, Serialize, ToSchema)]
pub struct Persona {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub needs: String,
    pub goals: String,
    pub behaviours: String,
    pub pains: String,
    pub demographics: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&d::Persona> for Persona {
    fn from(p: &d::Persona) -> Self {
        let f = &p.fields;
        Persona {
            id: p.id.as_uuid(),
            name: f.name.to_string(),
            description: f.description.to_string(),
            needs: f.needs.to_string(),
            goals: f.goals.to_string(),
            behaviours: f.behaviours.to_string(),
            pains: f.pains.to_string(),
            demographics: f.demographics.to_string(),
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonaResponse {
    pub persona: Persona,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonaList {
    pub personas: Vec<Persona>,
    pub next_cursor: Option<String>,
}

/// A new persona. Only `name` is required; texts may span lines (at most 10,000 characters).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonaCreate {
    /// At most 200 characters.
    #[serde(default)]
    #[schema(required = true)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub needs: String,
    #[serde(default)]
    pub goals: String,
    #[serde(default)]
    pub behaviours: String,
    #[serde(default)]
    pub pains: String,
    #[serde(default)]
    pub demographics: String,
}

impl From<PersonaCreate> for d::PersonaInput {
    fn from(p: PersonaCreate) -> Self {
        d::PersonaInput {
            name: p.name,
            description: p.description,
            needs: p.needs,
            goals: p.goals,
            behaviours: p.behaviours,
            pains: p.pains,
            demographics: p.demographics,
        }
    }
}

/// Changes to a persona: fields left out keep their value.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonaUpdate {
    pub name: Option<String>,
    pub description: Option<String>,
    pub needs: Option<String>,
    pub goals: Option<String>,
    pub behaviours: Option<String>,
    pub pains: Option<String>,
    pub demographics: Option<String>,
}

impl PersonaUpdate {
    /// The input that results from applying these changes to `current`.
    pub fn over(&self, current: &d::PersonaFields) -> d::PersonaInput {
        let or = |new: &Option<String>, old: &str| new.clone().unwrap_or_else(|| old.to_owned());
        d::PersonaInput {
            name: or(&self.name, current.name.as_str()),
            description: or(&self.description, current.description.as_str()),
            needs: or(&self.needs, current.needs.as_str()),
            goals: or(&self.goals, current.goals.as_str()),
            behaviours: or(&self.behaviours, current.behaviours.as_str()),
            pains: or(&self.pains, current.pains.as_str()),
            demographics: or(&self.demographics, current.demographics.as_str()),
        }
    }
}
