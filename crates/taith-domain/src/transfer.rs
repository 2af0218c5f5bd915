//! The journey file format of `taith journey export` / `import`: a whole journey, its persona
//! and its touchpoints' owners, independent of any workspace's ids.

use crate::journey::{JourneyFields, StageFields, TouchpointFields};
use crate::{Email, Journey, LongText, Name, Owner, PersonaFields, StageId, TouchpointId, User};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The `format` value of version 1 of the file.
pub const FORMAT_V1: &str = "taith.journey/1";

/// A journey as a self-contained document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JourneyFile {
    pub format: String,
    pub name: Name,
    #[serde(default)]
    pub description: LongText,
    #[serde(default)]
    pub persona: Option<PersonaFields>,
    pub stages: Vec<StageFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageFile {
    #[serde(flatten)]
    pub fields: StageFields,
    #[serde(default)]
    pub touchpoints: Vec<TouchpointFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TouchpointFile {
    pub name: Name,
    pub channel: crate::Channel,
    #[serde(default)]
    pub owner: Option<OwnerFile>,
    #[serde(default)]
    pub description: LongText,
    #[serde(default)]
    pub moment_of_truth: bool,
}

/// An owner by e-mail (a member) or by team name, since ids mean nothing in another workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum OwnerFile {
    Member { email: Email, name: Name },
    Team { name: Name },
}

impl JourneyFile {
    /// The file for `journey`; `persona` is its persona if it has one, `members` the
    /// workspace's users (to write member owners by e-mail).
    pub fn from_journey(
        journey: &Journey,
        persona: Option<&PersonaFields>,
        members: &[User],
    ) -> JourneyFile {
        let owner_file = |owner: &Option<Owner>| match owner {
            None => None,
            Some(Owner::Team { name }) => Some(OwnerFile::Team { name: name.clone() }),
            Some(Owner::Member { user_id }) => {
                members
                    .iter()
                    .find(|u| u.id == *user_id)
                    .map(|u| OwnerFile::Member {
                        email: u.email.clone(),
                        name: u.name.clone(),
                    })
            }
        };
        JourneyFile {
            format: FORMAT_V1.to_owned(),
            name: journey.fields.name.clone(),
            description: journey.fields.description.clone(),
            persona: persona.cloned(),
            stages: journey
                .stages
                .iter()
                .map(|s| StageFile {
                    fields: s.fields.clone(),
                    touchpoints: journey
                        .touchpoints_of(s.id)
                        .map(|t| TouchpointFile {
                            name: t.fields.name.clone(),
                            channel: t.fields.channel,
                            owner: owner_file(&t.fields.owner),
                            description: t.fields.description.clone(),
                            moment_of_truth: t.fields.moment_of_truth,
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// A new journey from this file, with fresh ids. A member owner who is not a member of the
    /// target workspace (`members`) becomes a team owner with that person's name, so nothing of
    /// the map is lost.
    pub fn into_journey(
        self,
        persona_id: Option<crate::PersonaId>,
        members: &[User],
        now: OffsetDateTime,
    ) -> Journey {
        let mut journey = Journey::new(
            JourneyFields {
                name: self.name,
                description: self.description,
                persona_id,
            },
            crate::StageModel::Blank,
            |_| unreachable_name(),
            now,
        );
        for stage in self.stages {
            let stage_id = StageId::new();
            journey.stages.push(crate::Stage {
                id: stage_id,
                fields: stage.fields,
            });
            for t in stage.touchpoints {
                let owner = t.owner.map(|o| match o {
                    OwnerFile::Team { name } => Owner::Team { name },
                    OwnerFile::Member { email, name } => {
                        match members.iter().find(|u| u.email == email) {
                            Some(u) => Owner::Member { user_id: u.id },
                            None => Owner::Team { name },
                        }
                    }
                });
                journey.touchpoints.push(crate::Touchpoint {
                    id: TouchpointId::new(),
                    stage_id,
                    fields: TouchpointFields {
                        name: t.name,
                        channel: t.channel,
                        owner,
                        description: t.description,
                        moment_of_truth: t.moment_of_truth,
                    },
                });
            }
        }
        journey
    }
}

/// The blank model has no stages, so its namer is never called.
fn unreachable_name() -> Name {
    Name::parse("stage").unwrap_or_else(|_| unreachable!("a literal name parses"))
}

/// Why a journey file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("not a journey file: {0}")]
    Malformed(#[from] serde_json::Error),
    #[error("unsupported format {0:?}; this taith reads {FORMAT_V1:?}")]
    UnsupportedFormat(String),
}

/// Reads a journey file, checking its format version.
pub fn read_journey_file(bytes: &[u8]) -> Result<JourneyFile, FileError> {
    let file: JourneyFile = serde_json::from_slice(bytes)?;
    if file.format != FORMAT_V1 {
        return Err(FileError::UnsupportedFormat(file.format));
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Channel, StageModel, UserId};

    fn name(s: &str) -> Name {
        Name::parse(s).unwrap_or_else(|_| unreachable!())
    }

    #[test]
    fn a_journey_survives_export_and_import_with_new_ids() {
        let owner = User {
            id: UserId::new(),
            email: Email::parse("siân@becws.cymru").unwrap_or_else(|_| unreachable!()),
            name: name("Siân"),
        };
        let mut j = Journey::new(
            JourneyFields {
                name: name("Prynu bara"),
                description: LongText::empty(),
                persona_id: None,
            },
            StageModel::FiveStage,
            name,
            crate::now(),
        );
        let s = j.stages[1].id;
        let added = j.add_touchpoint(
            s,
            TouchpointFields {
                name: name("Siop ar-lein"),
                channel: Channel::Web,
                owner: Some(Owner::Member { user_id: owner.id }),
                description: LongText::empty(),
                moment_of_truth: true,
            },
        );
        assert!(added.is_ok());
        let file = JourneyFile::from_journey(&j, None, std::slice::from_ref(&owner));
        let json = serde_json::to_vec(&file).unwrap_or_default();
        let back = read_journey_file(&json).map(|f| f.into_journey(None, &[], crate::now()));
        let back = back.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.stages.len(), 5);
        assert_ne!(back.stages[1].id, j.stages[1].id);
        assert_eq!(back.touchpoints[0].stage_id, back.stages[1].id);
        // The owner is not a member of the target workspace: kept as a team by name.
        assert_eq!(
            back.touchpoints[0].fields.owner,
            Some(Owner::Team {
                name: name("Siân")
            })
        );
        assert_eq!(JourneyFile::from_journey(&back, None, &[]).stages, {
            let mut f = file.clone();
            f.stages[1].touchpoints[0].owner = Some(OwnerFile::Team {
                name: name("Siân")
            });
            f.stages
        });
    }

    #[test]
    fn a_file_of_another_format_is_refused() {
        let json = br#"{"format":"taith.journey/9","name":"x","stages":[]}"#;
        assert!(matches!(
            read_journey_file(json),
            Err(FileError::UnsupportedFormat(_))
        ));
    }
}
