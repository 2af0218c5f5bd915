//! Journeys: editing a journey safely against concurrent saves.

pub mod edit;
pub mod files;
