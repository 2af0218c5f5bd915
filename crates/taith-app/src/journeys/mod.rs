//! Journeys: editing a journey safely against concurrent saves, and journey files in and out.

pub mod edit;
pub mod files;
