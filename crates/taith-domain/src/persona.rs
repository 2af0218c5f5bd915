//! Personas: the customer types a journey is drawn for.

use crate::{LongText, Name, PersonaId, ValidationErrors};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The editable fields of a persona, parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonaFields {
    pub name: Name,
    #[serde(default)]
    pub description: LongText,
    #[serde(default)]
    pub needs: LongText,
    #[serde(default)]
    pub goals: LongText,
    #[serde(default)]
    pub behaviours: LongText,
    #[serde(default)]
    pub pains: LongText,
    #[serde(default)]
    pub demographics: LongText,
}

/// Raw persona input, as typed into a form or sent to the API.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PersonaInput {
    #[serde(default)]
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

impl PersonaInput {
    pub fn parse(&self) -> Result<PersonaFields, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = errors.check("name", Name::parse(&self.name));
        let description = errors.check("description", LongText::parse(&self.description));
        let needs = errors.check("needs", LongText::parse(&self.needs));
        let goals = errors.check("goals", LongText::parse(&self.goals));
        let behaviours = errors.check("behaviours", LongText::parse(&self.behaviours));
        let pains = errors.check("pains", LongText::parse(&self.pains));
        let demographics = errors.check("demographics", LongText::parse(&self.demographics));
        match (
            name,
            description,
            needs,
            goals,
            behaviours,
            pains,
            demographics,
        ) {
            (
                Some(name),
                Some(description),
                Some(needs),
                Some(goals),
                Some(behaviours),
                Some(pains),
                Some(demographics),
            ) => Ok(PersonaFields {
                name,
                description,
                needs,
                goals,
                behaviours,
                pains,
                demographics,
            }),
            _ => Err(errors),
        }
    }
}

/// A stored persona.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Persona {
    pub id: PersonaId,
    #[serde(flatten)]
    pub fields: PersonaFields,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}
