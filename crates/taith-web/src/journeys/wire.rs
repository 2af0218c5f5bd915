//! Wire types: what the API reads and writes, with their OpenAPI schemas.
//!
//! They are kept apart from the domain types on purpose: the domain may grow or rename without
//! changing the API, and every request field arrives here as plain JSON (strings, numbers) so
//! that parsing it into a domain type can name the field that is wrong (`422`, with
//! `details[].field`) instead of failing the whole body.

use crate::http::extract::present;
use serde::{Deserialize, Serialize};
use taith_domain as d;
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

// --- journeys ---------------------------------------------------------------------------------

/// Where a customer meets the business.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    Web,
    Email,
    Phone,
    Chat,
    Social,
    InStore,
    InApp,
    Sms,
    Other,
}

impl From<d::Channel> for Channel {
    fn from(c: d::Channel) -> Self {
        match c {
            d::Channel::Web => Channel::Web,
            d::Channel::Email => Channel::Email,
            d::Channel::Phone => Channel::Phone,
            d::Channel::Chat => Channel::Chat,
            d::Channel::Social => Channel::Social,
            d::Channel::InStore => Channel::InStore,
            d::Channel::InApp => Channel::InApp,
            d::Channel::Sms => Channel::Sms,
            d::Channel::Other => Channel::Other,
        }
    }
}

/// The stages a new journey starts with.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StageModel {
    /// Awareness, Consideration, Purchase, Retention, Advocacy.
    FiveStage,
    /// Discovery, Consideration, Evaluation, Choice, Purchase, Use, Advocacy.
    SevenStage,
    /// No stages.
    Blank,
}

/// Who is accountable for a touchpoint: a member (by user id) or a team (by name).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Owner {
    Member { user_id: Uuid },
    Team { name: String },
}

impl From<&d::Owner> for Owner {
    fn from(o: &d::Owner) -> Self {
        match o {
            d::Owner::Member { user_id } => Owner::Member {
                user_id: user_id.as_uuid(),
            },
            d::Owner::Team { name } => Owner::Team {
                name: name.to_string(),
            },
        }
    }
}

/// A touchpoint's owner as sent: a member of this workspace by user id, or a team by name.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum OwnerInput {
    Member {
        #[schema(value_type = Uuid)]
        user_id: String,
    },
    Team {
        name: String,
    },
}

/// A stage of a journey with the notes a map carries for it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Stage {
    pub id: Uuid,
    pub name: String,
    /// What the customer does (one item per line).
    pub actions: String,
    /// What the customer thinks.
    pub thoughts: String,
    /// What the customer feels, in words.
    pub emotions: String,
    /// How the stage feels, −2 (very negative) to 2, when set.
    #[schema(minimum = -2, maximum = 2)]
    pub emotion: Option<i8>,
    pub pain_points: String,
    pub opportunities: String,
}

impl From<&d::Stage> for Stage {
    fn from(s: &d::Stage) -> Self {
        let f = &s.fields;
        Stage {
            id: s.id.as_uuid(),
            name: f.name.to_string(),
            actions: f.actions.to_string(),
            thoughts: f.thoughts.to_string(),
            emotions: f.emotions.to_string(),
            emotion: f.emotion.map(d::EmotionScore::value),
            pain_points: f.pain_points.to_string(),
            opportunities: f.opportunities.to_string(),
        }
    }
}

/// A touchpoint, in the stage `stage_id`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Touchpoint {
    pub id: Uuid,
    pub stage_id: Uuid,
    pub name: String,
    pub channel: Channel,
    pub owner: Option<Owner>,
    pub description: String,
    pub moment_of_truth: bool,
}

impl From<&d::Touchpoint> for Touchpoint {
    fn from(t: &d::Touchpoint) -> Self {
        let f = &t.fields;
        Touchpoint {
            id: t.id.as_uuid(),
            stage_id: t.stage_id.as_uuid(),
            name: f.name.to_string(),
            channel: f.channel.into(),
            owner: f.owner.as_ref().map(Owner::from),
            description: f.description.to_string(),
            moment_of_truth: f.moment_of_truth,
        }
    }
}

/// A whole journey map.
#[derive(Debug, Serialize, ToSchema)]
pub struct Journey {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub persona_id: Option<Uuid>,
    /// Increases by one with every save; send it back in `PATCH` to refuse to overwrite a newer
    /// version.
    pub version: i64,
    /// Stages in journey order.
    pub stages: Vec<Stage>,
    /// Touchpoints, in order within their stage.
    pub touchpoints: Vec<Touchpoint>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&d::Journey> for Journey {
    fn from(j: &d::Journey) -> Self {
        Journey {
            id: j.id.as_uuid(),
            name: j.fields.name.to_string(),
            description: j.fields.description.to_string(),
            persona_id: j.fields.persona_id.map(|p| p.as_uuid()),
            version: j.version,
            stages: j.stages.iter().map(Stage::from).collect(),
            touchpoints: j.touchpoints.iter().map(Touchpoint::from).collect(),
            created_at: j.created_at,
            updated_at: j.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JourneyResponse {
    pub journey: Journey,
}

/// A journey in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct JourneySummary {
    pub id: Uuid,
    pub name: String,
    pub persona_id: Option<Uuid>,
    pub version: i64,
    pub stage_count: i64,
    pub touchpoint_count: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&d::JourneySummary> for JourneySummary {
    fn from(j: &d::JourneySummary) -> Self {
        JourneySummary {
            id: j.id.as_uuid(),
            name: j.name.to_string(),
            persona_id: j.persona_id.map(|p| p.as_uuid()),
            version: j.version,
            stage_count: j.stage_count,
            touchpoint_count: j.touchpoint_count,
            updated_at: j.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JourneyList {
    pub journeys: Vec<JourneySummary>,
    pub next_cursor: Option<String>,
}

/// A new journey.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JourneyCreate {
    /// At most 200 characters.
    #[serde(default)]
    #[schema(required = true)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// A persona of this workspace.
    #[schema(value_type = Option<Uuid>)]
    pub persona_id: Option<String>,
    /// The stages to start with; `five_stage` when not given.
    #[schema(value_type = Option<StageModel>)]
    pub stage_model: Option<String>,
}

/// Changes to a journey's details: fields left out keep their value; `persona_id: null`
/// unlinks the persona.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JourneyUpdate {
    pub name: Option<String>,
    pub description: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<Uuid>)]
    pub persona_id: Option<Option<String>>,
    /// The version this change was made on; when it is no longer the current one the change is
    /// refused with `409 stale_version`.
    pub version: Option<i64>,
}

// --- stages -----------------------------------------------------------------------------------

/// A new stage, added at the end of the journey.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StageCreate {
    #[serde(default)]
    #[schema(required = true)]
    pub name: String,
    #[serde(default)]
    pub actions: String,
    #[serde(default)]
    pub thoughts: String,
    #[serde(default)]
    pub emotions: String,
    /// −2 (very negative) to 2.
    #[schema(minimum = -2, maximum = 2)]
    pub emotion: Option<i64>,
    #[serde(default)]
    pub pain_points: String,
    #[serde(default)]
    pub opportunities: String,
}

impl From<&StageCreate> for d::StageInput {
    fn from(s: &StageCreate) -> Self {
        d::StageInput {
            name: s.name.clone(),
            actions: s.actions.clone(),
            thoughts: s.thoughts.clone(),
            emotions: s.emotions.clone(),
            emotion: s.emotion.map(|e| e.to_string()).unwrap_or_default(),
            pain_points: s.pain_points.clone(),
            opportunities: s.opportunities.clone(),
        }
    }
}

/// Changes to a stage: fields left out keep their value; `emotion: null` clears the score.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StageUpdate {
    pub name: Option<String>,
    pub actions: Option<String>,
    pub thoughts: Option<String>,
    pub emotions: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<i64>, minimum = -2, maximum = 2)]
    pub emotion: Option<Option<i64>>,
    pub pain_points: Option<String>,
    pub opportunities: Option<String>,
}

impl StageUpdate {
    pub fn over(&self, f: &d::StageFields) -> d::StageInput {
        let or = |new: &Option<String>, old: &str| new.clone().unwrap_or_else(|| old.to_owned());
        let emotion = match self.emotion {
            None => f.emotion.map(|e| e.value().to_string()).unwrap_or_default(),
            Some(None) => String::new(),
            Some(Some(e)) => e.to_string(),
        };
        d::StageInput {
            name: or(&self.name, f.name.as_str()),
            actions: or(&self.actions, f.actions.as_str()),
            thoughts: or(&self.thoughts, f.thoughts.as_str()),
            emotions: or(&self.emotions, f.emotions.as_str()),
            emotion,
            pain_points: or(&self.pain_points, f.pain_points.as_str()),
            opportunities: or(&self.opportunities, f.opportunities.as_str()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StageResponse {
    pub stage: Stage,
    /// The journey's version after this change.
    pub journey_version: i64,
}

/// The new order of a journey's stages: every stage id exactly once.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StageOrder {
    #[serde(default)]
    #[schema(value_type = Vec<Uuid>, required = true)]
    pub stage_ids: Vec<String>,
}

// --- touchpoints ------------------------------------------------------------------------------

#[derive(Debug, Serialize, ToSchema)]
pub struct TouchpointResponse {
    pub touchpoint: Touchpoint,
    /// The journey's version after this change.
    pub journey_version: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TouchpointList {
    pub touchpoints: Vec<Touchpoint>,
    pub next_cursor: Option<String>,
}

/// A new touchpoint, added at the end of its stage.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TouchpointCreate {
    /// A stage of this journey.
    #[serde(default)]
    #[schema(value_type = Uuid, required = true)]
    pub stage_id: String,
    #[serde(default)]
    #[schema(required = true)]
    pub name: String,
    #[serde(default)]
    #[schema(value_type = Channel, required = true)]
    pub channel: String,
    pub owner: Option<OwnerInput>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub moment_of_truth: bool,
}

/// Changes to a touchpoint: fields left out keep their value; `owner: null` removes the owner,
/// a new `stage_id` moves it to the end of that stage. An agent may change `name`, `channel`,
/// `description` and `moment_of_truth` of the touchpoints they own.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TouchpointUpdate {
    #[schema(value_type = Option<Uuid>)]
    pub stage_id: Option<String>,
    pub name: Option<String>,
    #[schema(value_type = Option<Channel>)]
    pub channel: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<OwnerInput>)]
    pub owner: Option<Option<OwnerInput>>,
    pub description: Option<String>,
    pub moment_of_truth: Option<bool>,
}

// --- revisions --------------------------------------------------------------------------------

/// One thing that changed in a save, by `kind`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    Created,
    Imported,
    Restored {
        version: i64,
    },
    DetailsChanged {
        fields: Vec<String>,
    },
    StageAdded {
        stage: String,
    },
    StageRemoved {
        stage: String,
    },
    StageChanged {
        stage: String,
        fields: Vec<String>,
    },
    StagesReordered,
    TouchpointAdded {
        touchpoint: String,
        stage: String,
    },
    TouchpointRemoved {
        touchpoint: String,
    },
    TouchpointChanged {
        touchpoint: String,
        fields: Vec<String>,
    },
    TouchpointMoved {
        touchpoint: String,
        stage: String,
    },
}

impl From<&d::Change> for Change {
    fn from(c: &d::Change) -> Self {
        use d::Change as C;
        match c.clone() {
            C::Created => Change::Created,
            C::Imported => Change::Imported,
            C::Restored { version } => Change::Restored { version },
            C::DetailsChanged { fields } => Change::DetailsChanged { fields },
            C::StageAdded { stage } => Change::StageAdded { stage },
            C::StageRemoved { stage } => Change::StageRemoved { stage },
            C::StageChanged { stage, fields } => Change::StageChanged { stage, fields },
            C::StagesReordered => Change::StagesReordered,
            C::TouchpointAdded { touchpoint, stage } => {
                Change::TouchpointAdded { touchpoint, stage }
            }
            C::TouchpointRemoved { touchpoint } => Change::TouchpointRemoved { touchpoint },
            C::TouchpointChanged { touchpoint, fields } => {
                Change::TouchpointChanged { touchpoint, fields }
            }
            C::TouchpointMoved { touchpoint, stage } => {
                Change::TouchpointMoved { touchpoint, stage }
            }
        }
    }
}

/// A saved version of a journey.
#[derive(Debug, Serialize, ToSchema)]
pub struct Revision {
    pub version: i64,
    /// Who saved it: a member's name, or the API token.
    pub author: String,
    /// The member who saved it; `null` for API tokens.
    pub author_id: Option<Uuid>,
    pub changes: Vec<Change>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&d::Revision> for Revision {
    fn from(r: &d::Revision) -> Self {
        Revision {
            version: r.version,
            author: r.author.clone(),
            author_id: r.author_id.map(|u| u.as_uuid()),
            changes: r.changes.iter().map(Change::from).collect(),
            created_at: r.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionList {
    /// Newest first.
    pub revisions: Vec<Revision>,
    pub next_cursor: Option<String>,
}

/// A saved version with the journey as it was then.
#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionWithJourney {
    pub version: i64,
    pub author: String,
    pub author_id: Option<Uuid>,
    pub changes: Vec<Change>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    pub journey: Journey,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionResponse {
    pub revision: RevisionWithJourney,
}

// --- the journey file -------------------------------------------------------------------------

/// A journey as a self-contained document (`format` `taith.journey/1`), independent of any
/// workspace's ids: what `export` writes and `import` reads.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JourneyFile {
    /// `taith.journey/1`.
    #[serde(default)]
    #[schema(required = true, example = "taith.journey/1")]
    pub format: String,
    #[serde(default)]
    #[schema(required = true)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Imported into an existing persona of the same name, or a new one.
    #[serde(default)]
    pub persona: Option<JourneyFilePersona>,
    #[serde(default)]
    pub stages: Vec<JourneyFileStage>,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JourneyFilePersona {
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

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JourneyFileStage {
    #[serde(default)]
    #[schema(required = true)]
    pub name: String,
    #[serde(default)]
    pub actions: String,
    #[serde(default)]
    pub thoughts: String,
    #[serde(default)]
    pub emotions: String,
    #[serde(default)]
    #[schema(minimum = -2, maximum = 2)]
    pub emotion: Option<i64>,
    #[serde(default)]
    pub pain_points: String,
    #[serde(default)]
    pub opportunities: String,
    #[serde(default)]
    pub touchpoints: Vec<JourneyFileTouchpoint>,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JourneyFileTouchpoint {
    #[serde(default)]
    #[schema(required = true)]
    pub name: String,
    #[serde(default)]
    #[schema(value_type = Channel, required = true)]
    pub channel: String,
    #[serde(default)]
    pub owner: Option<JourneyFileOwner>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub moment_of_truth: bool,
}

/// An owner by e-mail (a member; a team of that name when no member of the importing workspace
/// has the address) or a team by name.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum JourneyFileOwner {
    Member { email: String, name: String },
    Team { name: String },
}

impl From<&d::transfer::JourneyFile> for JourneyFile {
    fn from(f: &d::transfer::JourneyFile) -> Self {
        use d::transfer::OwnerFile;
        JourneyFile {
            format: f.format.clone(),
            name: f.name.to_string(),
            description: f.description.to_string(),
            persona: f.persona.as_ref().map(|p| JourneyFilePersona {
                name: p.name.to_string(),
                description: p.description.to_string(),
                needs: p.needs.to_string(),
                goals: p.goals.to_string(),
                behaviours: p.behaviours.to_string(),
                pains: p.pains.to_string(),
                demographics: p.demographics.to_string(),
            }),
            stages: f
                .stages
                .iter()
                .map(|s| JourneyFileStage {
                    name: s.fields.name.to_string(),
                    actions: s.fields.actions.to_string(),
                    thoughts: s.fields.thoughts.to_string(),
                    emotions: s.fields.emotions.to_string(),
                    emotion: s.fields.emotion.map(|e| i64::from(e.value())),
                    pain_points: s.fields.pain_points.to_string(),
                    opportunities: s.fields.opportunities.to_string(),
                    touchpoints: s
                        .touchpoints
                        .iter()
                        .map(|t| JourneyFileTouchpoint {
                            name: t.name.to_string(),
                            channel: t.channel.as_str().to_owned(),
                            owner: t.owner.as_ref().map(|o| match o {
                                OwnerFile::Member { email, name } => JourneyFileOwner::Member {
                                    email: email.to_string(),
                                    name: name.to_string(),
                                },
                                OwnerFile::Team { name } => JourneyFileOwner::Team {
                                    name: name.to_string(),
                                },
                            }),
                            description: t.description.to_string(),
                            moment_of_truth: t.moment_of_truth,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
