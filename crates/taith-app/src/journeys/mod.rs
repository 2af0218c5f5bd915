//! Journeys: editing a journey safely against concurrent saves, journey files in and out, and
//! where each touchpoint sits ([`places`]).

pub mod edit;
pub mod files;
pub mod places;
