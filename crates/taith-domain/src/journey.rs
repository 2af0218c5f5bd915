//! Journeys: ordered stages for one persona, touchpoints within stages, and the notes a map
//! carries per stage (actions, thoughts, emotions, pain points, opportunities).
//!
//! A [`Journey`] is one aggregate: every edit is a pure operation on it, the store saves the
//! whole of it in one transaction, and what changed between two saves is [`diff`]ed for the
//! revision history. So the UI, the API and imports all go through the same checks.

use crate::{
    Issue, JourneyId, LongText, Name, PersonaId, StageId, TouchpointId, UserId, ValidationErrors,
};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use time::OffsetDateTime;

/// Where a customer meets the business.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
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

impl Channel {
    pub const ALL: [Channel; 9] = [
        Channel::Web,
        Channel::Email,
        Channel::Phone,
        Channel::Chat,
        Channel::Social,
        Channel::InStore,
        Channel::InApp,
        Channel::Sms,
        Channel::Other,
    ];

    /// The wire name: `web`, `email`, …, `in-store`, `in-app`.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Email => "email",
            Channel::Phone => "phone",
            Channel::Chat => "chat",
            Channel::Social => "social",
            Channel::InStore => "in-store",
            Channel::InApp => "in-app",
            Channel::Sms => "sms",
            Channel::Other => "other",
        }
    }
}

impl FromStr for Channel {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Issue::Required);
        }
        Channel::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or(Issue::UnknownValue)
    }
}

/// Who is accountable for a touchpoint: a member of the workspace, or a team by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Owner {
    Member { user_id: UserId },
    Team { name: Name },
}

/// How a stage feels to the customer, typed in by the map's author: −2 (very negative) to +2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(try_from = "i8", into = "i8")]
pub struct EmotionScore(i8);

impl EmotionScore {
    pub const MIN: i8 = -2;
    pub const MAX: i8 = 2;

    pub fn new(v: i8) -> Result<Self, Issue> {
        if (Self::MIN..=Self::MAX).contains(&v) {
            Ok(EmotionScore(v))
        } else {
            Err(Issue::Invalid)
        }
    }

    /// Parses form input: empty means "not set".
    pub fn parse_optional(s: &str) -> Result<Option<Self>, Issue> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        let v: i8 = s
            .trim_start_matches('+')
            .parse()
            .map_err(|_| Issue::Invalid)?;
        Self::new(v).map(Some)
    }

    pub fn value(self) -> i8 {
        self.0
    }
}

impl TryFrom<i8> for EmotionScore {
    type Error = String;
    fn try_from(v: i8) -> Result<Self, Self::Error> {
        EmotionScore::new(v).map_err(|i| i.code().to_owned())
    }
}

impl From<EmotionScore> for i8 {
    fn from(e: EmotionScore) -> i8 {
        e.0
    }
}

/// The starting stage models offered when a journey is created (DESIGN §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageModel {
    /// Awareness → Consideration → Purchase → Retention → Advocacy.
    FiveStage,
    /// Discovery, Consideration, Evaluation, Choice, Purchase, Use, Advocacy (the Vietnamese
    /// article's model).
    SevenStage,
    /// No stages; the author adds their own.
    Blank,
}

impl StageModel {
    /// Stable keys of the model's stages, in order; the UI words them in the user's language.
    pub fn stage_keys(self) -> &'static [&'static str] {
        match self {
            StageModel::FiveStage => &[
                "awareness",
                "consideration",
                "purchase",
                "retention",
                "advocacy",
            ],
            StageModel::SevenStage => &[
                "discovery",
                "consideration",
                "evaluation",
                "choice",
                "purchase",
                "use",
                "advocacy",
            ],
            StageModel::Blank => &[],
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StageModel::FiveStage => "five_stage",
            StageModel::SevenStage => "seven_stage",
            StageModel::Blank => "blank",
        }
    }
}

impl FromStr for StageModel {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "five_stage" => Ok(StageModel::FiveStage),
            "seven_stage" => Ok(StageModel::SevenStage),
            "blank" | "" => Ok(StageModel::Blank),
            _ => Err(Issue::UnknownValue),
        }
    }
}

/// The editable content of a stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageFields {
    pub name: Name,
    #[serde(default)]
    pub actions: LongText,
    #[serde(default)]
    pub thoughts: LongText,
    #[serde(default)]
    pub emotions: LongText,
    #[serde(default)]
    pub emotion: Option<EmotionScore>,
    #[serde(default)]
    pub pain_points: LongText,
    #[serde(default)]
    pub opportunities: LongText,
}

impl StageFields {
    pub fn named(name: Name) -> Self {
        StageFields {
            name,
            actions: LongText::empty(),
            thoughts: LongText::empty(),
            emotions: LongText::empty(),
            emotion: None,
            pain_points: LongText::empty(),
            opportunities: LongText::empty(),
        }
    }

    /// Names of the fields that differ, for revision summaries.
    fn changed_fields(&self, other: &StageFields) -> Vec<String> {
        let mut f = Vec::new();
        if self.name != other.name {
            f.push("name".into());
        }
        if self.actions != other.actions {
            f.push("actions".into());
        }
        if self.thoughts != other.thoughts {
            f.push("thoughts".into());
        }
        if self.emotions != other.emotions || self.emotion != other.emotion {
            f.push("emotions".into());
        }
        if self.pain_points != other.pain_points {
            f.push("pain_points".into());
        }
        if self.opportunities != other.opportunities {
            f.push("opportunities".into());
        }
        f
    }
}

/// Raw stage input, as typed into a form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct StageInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub actions: String,
    #[serde(default)]
    pub thoughts: String,
    #[serde(default)]
    pub emotions: String,
    #[serde(default)]
    pub emotion: String,
    #[serde(default)]
    pub pain_points: String,
    #[serde(default)]
    pub opportunities: String,
}

impl StageInput {
    pub fn parse(&self) -> Result<StageFields, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let name = e.check("name", Name::parse(&self.name));
        let actions = e.check("actions", LongText::parse(&self.actions));
        let thoughts = e.check("thoughts", LongText::parse(&self.thoughts));
        let emotions = e.check("emotions", LongText::parse(&self.emotions));
        let emotion = e.check("emotion", EmotionScore::parse_optional(&self.emotion));
        let pain_points = e.check("pain_points", LongText::parse(&self.pain_points));
        let opportunities = e.check("opportunities", LongText::parse(&self.opportunities));
        match (
            name,
            actions,
            thoughts,
            emotions,
            emotion,
            pain_points,
            opportunities,
        ) {
            (
                Some(name),
                Some(actions),
                Some(thoughts),
                Some(emotions),
                Some(emotion),
                Some(pain_points),
                Some(opportunities),
            ) => Ok(StageFields {
                name,
                actions,
                thoughts,
                emotions,
                emotion,
                pain_points,
                opportunities,
            }),
            _ => Err(e),
        }
    }
}

/// A stage of a journey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub id: StageId,
    #[serde(flatten)]
    pub fields: StageFields,
}

/// The editable content of a touchpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TouchpointFields {
    pub name: Name,
    pub channel: Channel,
    #[serde(default)]
    pub owner: Option<Owner>,
    #[serde(default)]
    pub description: LongText,
    #[serde(default)]
    pub moment_of_truth: bool,
}

impl TouchpointFields {
    fn changed_fields(&self, other: &TouchpointFields) -> Vec<String> {
        let mut f = Vec::new();
        if self.name != other.name {
            f.push("name".into());
        }
        if self.channel != other.channel {
            f.push("channel".into());
        }
        if self.owner != other.owner {
            f.push("owner".into());
        }
        if self.description != other.description {
            f.push("description".into());
        }
        if self.moment_of_truth != other.moment_of_truth {
            f.push("moment_of_truth".into());
        }
        f
    }
}

/// Raw touchpoint input, as typed into a form: the owner is either a member's id or a team
/// name (the member wins when both are given).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TouchpointInput {
    #[serde(default)]
    pub stage_id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub owner_member_id: String,
    #[serde(default)]
    pub owner_team: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub moment_of_truth: Option<String>,
}

impl TouchpointInput {
    /// Parses the fields; `members` are the workspace's users, so an owner must be one of them.
    pub fn parse(
        &self,
        members: &[UserId],
    ) -> Result<(StageId, TouchpointFields), ValidationErrors> {
        let mut e = ValidationErrors::default();
        let stage_id = e.check(
            "stage_id",
            if self.stage_id.trim().is_empty() {
                Err(Issue::Required)
            } else {
                self.stage_id.parse::<StageId>()
            },
        );
        let name = e.check("name", Name::parse(&self.name));
        let channel = e.check("channel", self.channel.parse::<Channel>());
        let owner = e.check(
            "owner",
            parse_owner(&self.owner_member_id, &self.owner_team, members),
        );
        let description = e.check("description", LongText::parse(&self.description));
        let moment_of_truth = matches!(
            self.moment_of_truth.as_deref().map(str::trim),
            Some("on" | "true" | "1" | "yes")
        );
        match (stage_id, name, channel, owner, description) {
            (Some(stage_id), Some(name), Some(channel), Some(owner), Some(description)) => Ok((
                stage_id,
                TouchpointFields {
                    name,
                    channel,
                    owner,
                    description,
                    moment_of_truth,
                },
            )),
            _ => Err(e),
        }
    }
}

/// Reads an owner from a member id and a team name; a member id must name one of `members`.
pub fn parse_owner(
    member_id: &str,
    team: &str,
    members: &[UserId],
) -> Result<Option<Owner>, Issue> {
    if !member_id.trim().is_empty() {
        let id: UserId = member_id.parse()?;
        return if members.contains(&id) {
            Ok(Some(Owner::Member { user_id: id }))
        } else {
            Err(Issue::NotFound)
        };
    }
    if team.trim().is_empty() {
        return Ok(None);
    }
    Name::parse(team).map(|name| Some(Owner::Team { name }))
}

/// A touchpoint, placed in a stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Touchpoint {
    pub id: TouchpointId,
    pub stage_id: StageId,
    #[serde(flatten)]
    pub fields: TouchpointFields,
}

/// The editable details of the journey itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JourneyFields {
    pub name: Name,
    #[serde(default)]
    pub description: LongText,
    #[serde(default)]
    pub persona_id: Option<PersonaId>,
}

/// A journey map: the whole aggregate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journey {
    pub id: JourneyId,
    #[serde(flatten)]
    pub fields: JourneyFields,
    /// Increases by one with every save; a save names the version it started from, so two
    /// editors cannot silently overwrite each other.
    pub version: i64,
    /// Stages in journey order.
    pub stages: Vec<Stage>,
    /// Touchpoints, in display order within their stage.
    pub touchpoints: Vec<Touchpoint>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

/// A journey in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JourneySummary {
    pub id: JourneyId,
    pub name: Name,
    pub persona_id: Option<PersonaId>,
    pub version: i64,
    pub stage_count: i64,
    pub touchpoint_count: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

/// Why an edit could not be applied to a journey.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JourneyError {
    #[error("no such stage in this journey")]
    StageNotFound,
    #[error("no such touchpoint in this journey")]
    TouchpointNotFound,
    #[error("the new order must name every stage exactly once")]
    NotAPermutation,
}

impl Journey {
    /// A new journey with the stages of `model`, named by `stage_name` (the caller words them
    /// in the author's language).
    pub fn new(
        fields: JourneyFields,
        model: StageModel,
        stage_name: impl Fn(&str) -> Name,
        now: OffsetDateTime,
    ) -> Journey {
        Journey {
            id: JourneyId::new(),
            fields,
            version: 0,
            stages: model
                .stage_keys()
                .iter()
                .map(|k| Stage {
                    id: StageId::new(),
                    fields: StageFields::named(stage_name(k)),
                })
                .collect(),
            touchpoints: Vec::new(),
            created_at: now,
            updated_at: now,
        }
    }

    pub fn stage(&self, id: StageId) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    pub fn touchpoint(&self, id: TouchpointId) -> Option<&Touchpoint> {
        self.touchpoints.iter().find(|t| t.id == id)
    }

    /// Touchpoints of one stage, in order.
    pub fn touchpoints_of(&self, stage: StageId) -> impl Iterator<Item = &Touchpoint> {
        self.touchpoints.iter().filter(move |t| t.stage_id == stage)
    }

    pub fn add_stage(&mut self, fields: StageFields) -> StageId {
        let id = StageId::new();
        self.stages.push(Stage { id, fields });
        id
    }

    pub fn update_stage(&mut self, id: StageId, fields: StageFields) -> Result<(), JourneyError> {
        let stage = self
            .stages
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or(JourneyError::StageNotFound)?;
        stage.fields = fields;
        Ok(())
    }

    /// Moves a stage to `index` (clamped to the end).
    pub fn move_stage(&mut self, id: StageId, index: usize) -> Result<(), JourneyError> {
        let from = self
            .stages
            .iter()
            .position(|s| s.id == id)
            .ok_or(JourneyError::StageNotFound)?;
        let stage = self.stages.remove(from);
        let to = index.min(self.stages.len());
        self.stages.insert(to, stage);
        Ok(())
    }

    /// Puts the stages in the given order, which must name each stage exactly once.
    pub fn reorder_stages(&mut self, order: &[StageId]) -> Result<(), JourneyError> {
        let mut sorted_new: Vec<StageId> = order.to_vec();
        sorted_new.sort();
        sorted_new.dedup();
        let mut sorted_old: Vec<StageId> = self.stages.iter().map(|s| s.id).collect();
        sorted_old.sort();
        if sorted_new.len() != order.len() || sorted_new != sorted_old {
            return Err(JourneyError::NotAPermutation);
        }
        let mut stages = std::mem::take(&mut self.stages);
        stages.sort_by_key(|s| order.iter().position(|id| *id == s.id));
        self.stages = stages;
        Ok(())
    }

    /// Removes a stage and the touchpoints in it.
    pub fn remove_stage(&mut self, id: StageId) -> Result<(), JourneyError> {
        let before = self.stages.len();
        self.stages.retain(|s| s.id != id);
        if self.stages.len() == before {
            return Err(JourneyError::StageNotFound);
        }
        self.touchpoints.retain(|t| t.stage_id != id);
        Ok(())
    }

    pub fn add_touchpoint(
        &mut self,
        stage_id: StageId,
        fields: TouchpointFields,
    ) -> Result<TouchpointId, JourneyError> {
        if self.stage(stage_id).is_none() {
            return Err(JourneyError::StageNotFound);
        }
        let id = TouchpointId::new();
        self.touchpoints.push(Touchpoint {
            id,
            stage_id,
            fields,
        });
        Ok(id)
    }

    /// Changes a touchpoint, possibly moving it to another stage (to that stage's end).
    pub fn update_touchpoint(
        &mut self,
        id: TouchpointId,
        stage_id: StageId,
        fields: TouchpointFields,
    ) -> Result<(), JourneyError> {
        if self.stage(stage_id).is_none() {
            return Err(JourneyError::StageNotFound);
        }
        let pos = self
            .touchpoints
            .iter()
            .position(|t| t.id == id)
            .ok_or(JourneyError::TouchpointNotFound)?;
        let mut tp = self.touchpoints.remove(pos);
        let moved = tp.stage_id != stage_id;
        tp.stage_id = stage_id;
        tp.fields = fields;
        if moved {
            self.touchpoints.push(tp);
        } else {
            self.touchpoints.insert(pos, tp);
        }
        Ok(())
    }

    pub fn remove_touchpoint(&mut self, id: TouchpointId) -> Result<(), JourneyError> {
        let before = self.touchpoints.len();
        self.touchpoints.retain(|t| t.id != id);
        if self.touchpoints.len() == before {
            Err(JourneyError::TouchpointNotFound)
        } else {
            Ok(())
        }
    }

    /// Undoes a deletion: puts back into this journey the stages and touchpoints that
    /// `before` had and `after` (the save that deleted them) no longer had, each where it
    /// was — after the stage or touchpoint that preceded it and is still here — keeping every
    /// change saved since. A touchpoint whose stage is gone for good stays out; one already
    /// back is not added twice. Returns what came back.
    pub fn put_back(&mut self, before: &Journey, after: &Journey) -> PutBack {
        let mut back = PutBack::default();
        for (i, stage) in before.stages.iter().enumerate() {
            if after.stage(stage.id).is_some() || self.stage(stage.id).is_some() {
                continue;
            }
            let at = before.stages[..i]
                .iter()
                .rev()
                .find_map(|p| self.stages.iter().position(|s| s.id == p.id))
                .map_or(0, |p| p + 1);
            self.stages.insert(at, stage.clone());
            back.stages.push(stage.id);
        }
        for (i, tp) in before.touchpoints.iter().enumerate() {
            if after.touchpoint(tp.id).is_some()
                || self.touchpoint(tp.id).is_some()
                || self.stage(tp.stage_id).is_none()
            {
                continue;
            }
            let at = before.touchpoints[..i]
                .iter()
                .rev()
                .filter(|p| p.stage_id == tp.stage_id)
                .find_map(|p| self.touchpoints.iter().position(|t| t.id == p.id))
                .map(|p| p + 1)
                .or_else(|| {
                    self.touchpoints
                        .iter()
                        .position(|t| t.stage_id == tp.stage_id)
                })
                .unwrap_or(self.touchpoints.len());
            self.touchpoints.insert(at, tp.clone());
            back.touchpoints.push(tp.id);
        }
        back
    }

    /// Drops references the workspace can no longer honour, as a journey brought back from
    /// its history or from deletion must: a persona that is gone, and touchpoint owners who
    /// are no longer members.
    pub fn forget_missing(
        &mut self,
        persona_exists: impl Fn(PersonaId) -> bool,
        is_member: impl Fn(UserId) -> bool,
    ) {
        if self.fields.persona_id.is_some_and(|p| !persona_exists(p)) {
            self.fields.persona_id = None;
        }
        for t in &mut self.touchpoints {
            if matches!(&t.fields.owner, Some(Owner::Member { user_id }) if !is_member(*user_id)) {
                t.fields.owner = None;
            }
        }
    }
}

/// What [`Journey::put_back`] brought back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PutBack {
    pub stages: Vec<StageId>,
    pub touchpoints: Vec<TouchpointId>,
}

impl PutBack {
    pub fn is_empty(&self) -> bool {
        self.stages.is_empty() && self.touchpoints.is_empty()
    }
}

/// One thing that changed between two versions of a journey, as shown in its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// What changed from `old` to `new`, in a stable order: details, stages, then touchpoints.
pub fn diff(old: &Journey, new: &Journey) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut detail_fields = Vec::new();
    if old.fields.name != new.fields.name {
        detail_fields.push("name".to_owned());
    }
    if old.fields.description != new.fields.description {
        detail_fields.push("description".to_owned());
    }
    if old.fields.persona_id != new.fields.persona_id {
        detail_fields.push("persona".to_owned());
    }
    if !detail_fields.is_empty() {
        changes.push(Change::DetailsChanged {
            fields: detail_fields,
        });
    }
    for s in &new.stages {
        match old.stage(s.id) {
            None => changes.push(Change::StageAdded {
                stage: s.fields.name.to_string(),
            }),
            Some(o) => {
                let fields = o.fields.changed_fields(&s.fields);
                if !fields.is_empty() {
                    changes.push(Change::StageChanged {
                        stage: s.fields.name.to_string(),
                        fields,
                    });
                }
            }
        }
    }
    for s in &old.stages {
        if new.stage(s.id).is_none() {
            changes.push(Change::StageRemoved {
                stage: s.fields.name.to_string(),
            });
        }
    }
    let kept_old: Vec<StageId> = old
        .stages
        .iter()
        .map(|s| s.id)
        .filter(|id| new.stage(*id).is_some())
        .collect();
    let kept_new: Vec<StageId> = new
        .stages
        .iter()
        .map(|s| s.id)
        .filter(|id| old.stage(*id).is_some())
        .collect();
    if kept_old != kept_new {
        changes.push(Change::StagesReordered);
    }
    let stage_name = |id: StageId| {
        new.stage(id)
            .map(|s| s.fields.name.to_string())
            .unwrap_or_default()
    };
    for t in &new.touchpoints {
        match old.touchpoint(t.id) {
            None => changes.push(Change::TouchpointAdded {
                touchpoint: t.fields.name.to_string(),
                stage: stage_name(t.stage_id),
            }),
            Some(o) => {
                if o.stage_id != t.stage_id {
                    changes.push(Change::TouchpointMoved {
                        touchpoint: t.fields.name.to_string(),
                        stage: stage_name(t.stage_id),
                    });
                }
                let fields = o.fields.changed_fields(&t.fields);
                if !fields.is_empty() {
                    changes.push(Change::TouchpointChanged {
                        touchpoint: t.fields.name.to_string(),
                        fields,
                    });
                }
            }
        }
    }
    for t in &old.touchpoints {
        if new.touchpoint(t.id).is_none() {
            changes.push(Change::TouchpointRemoved {
                touchpoint: t.fields.name.to_string(),
            });
        }
    }
    changes
}

/// A saved version of a journey: who saved it, when, what changed, and the journey as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub version: i64,
    pub author: String,
    pub author_id: Option<UserId>,
    pub changes: Vec<Change>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Name {
        Name::parse(s).unwrap_or_else(|_| unreachable!())
    }

    fn journey() -> Journey {
        Journey::new(
            JourneyFields {
                name: name("Buying bread"),
                description: LongText::empty(),
                persona_id: None,
            },
            StageModel::FiveStage,
            name,
            crate::now(),
        )
    }

    fn tp(n: &str) -> TouchpointFields {
        TouchpointFields {
            name: name(n),
            channel: Channel::Web,
            owner: None,
            description: LongText::empty(),
            moment_of_truth: false,
        }
    }

    #[test]
    fn the_five_and_seven_stage_models_give_their_stages_in_order() {
        let j = journey();
        let names: Vec<_> = j.stages.iter().map(|s| s.fields.name.to_string()).collect();
        assert_eq!(
            names,
            [
                "awareness",
                "consideration",
                "purchase",
                "retention",
                "advocacy"
            ]
        );
        assert_eq!(StageModel::SevenStage.stage_keys().len(), 7);
    }

    #[test]
    fn reordering_needs_every_stage_exactly_once() {
        let mut j = journey();
        let mut ids: Vec<_> = j.stages.iter().map(|s| s.id).collect();
        ids.reverse();
        j.reorder_stages(&ids).unwrap_or_else(|_| unreachable!());
        assert_eq!(j.stages[0].fields.name.as_str(), "advocacy");
        assert_eq!(
            j.reorder_stages(&ids[..4]),
            Err(JourneyError::NotAPermutation)
        );
        let dup = vec![ids[0]; 5];
        assert_eq!(j.reorder_stages(&dup), Err(JourneyError::NotAPermutation));
    }

    #[test]
    fn removing_a_stage_removes_its_touchpoints() {
        let mut j = journey();
        let s = j.stages[2].id;
        j.add_touchpoint(s, tp("Checkout"))
            .unwrap_or_else(|_| unreachable!());
        j.remove_stage(s).unwrap_or_else(|_| unreachable!());
        assert!(j.touchpoints.is_empty());
        assert_eq!(
            j.add_touchpoint(s, tp("x")),
            Err(JourneyError::StageNotFound)
        );
    }

    #[test]
    fn diff_names_what_changed() {
        let old = journey();
        let mut new = old.clone();
        let s = new.stages[0].id;
        new.add_touchpoint(s, tp("Instagram"))
            .unwrap_or_else(|_| unreachable!());
        new.move_stage(s, 4).unwrap_or_else(|_| unreachable!());
        let mut f = new.stages[0].fields.clone();
        f.pain_points = LongText::parse("Slow site").unwrap_or_else(|_| unreachable!());
        let first = new.stages[0].id;
        new.update_stage(first, f)
            .unwrap_or_else(|_| unreachable!());
        let changes = diff(&old, &new);
        assert!(changes.contains(&Change::StagesReordered));
        assert!(changes.contains(&Change::TouchpointAdded {
            touchpoint: "Instagram".into(),
            stage: "awareness".into()
        }));
        assert!(changes.contains(&Change::StageChanged {
            stage: "consideration".into(),
            fields: vec!["pain_points".into()]
        }));
        assert!(diff(&new, &new).is_empty());
    }

    #[test]
    fn putting_back_a_deleted_touchpoint_keeps_what_was_saved_since() {
        let mut before = journey();
        let s = before.stages[1].id;
        let a = before
            .add_touchpoint(s, tp("A"))
            .unwrap_or_else(|_| unreachable!());
        let b = before
            .add_touchpoint(s, tp("B"))
            .unwrap_or_else(|_| unreachable!());
        let c = before
            .add_touchpoint(s, tp("C"))
            .unwrap_or_else(|_| unreachable!());
        let mut after = before.clone();
        after
            .remove_touchpoint(b)
            .unwrap_or_else(|_| unreachable!());
        // Saved since: C renamed, a new stage.
        let mut now = after.clone();
        let mut f = tp("C, renamed");
        f.moment_of_truth = true;
        now.update_touchpoint(c, s, f)
            .unwrap_or_else(|_| unreachable!());
        now.add_stage(StageFields::named(name("later")));
        assert_eq!(now.put_back(&before, &after).touchpoints, [b]);
        let order: Vec<_> = now.touchpoints_of(s).map(|t| t.id).collect();
        assert_eq!(order, [a, b, c], "B is back between A and C");
        assert_eq!(
            now.touchpoint(c).map(|t| t.fields.name.as_str()),
            Some("C, renamed")
        );
        assert_eq!(now.stages.len(), 6);
        assert!(now.put_back(&before, &after).is_empty(), "not twice");
    }

    #[test]
    fn putting_back_a_deleted_stage_brings_its_touchpoints_to_its_old_place() {
        let mut before = journey();
        let s = before.stages[2].id;
        let t = before
            .add_touchpoint(s, tp("Checkout"))
            .unwrap_or_else(|_| unreachable!());
        let mut after = before.clone();
        after.remove_stage(s).unwrap_or_else(|_| unreachable!());
        let mut now = after.clone();
        let back = now.put_back(&before, &after);
        assert_eq!((back.stages, back.touchpoints), (vec![s], vec![t]));
        assert_eq!(now, before);
        // A stage deleted for good keeps its touchpoint out.
        let mut gone = after.clone();
        let mut only_tp = after.clone();
        only_tp.stages = before.stages.clone();
        assert!(gone.put_back(&before, &only_tp).is_empty());
        assert!(gone.touchpoint(t).is_none());
    }

    #[test]
    fn a_journey_brought_back_forgets_personas_and_owners_that_are_gone() {
        let mut j = journey();
        let kept = UserId::new();
        let left = UserId::new();
        j.fields.persona_id = Some(PersonaId::new());
        let s = j.stages[0].id;
        for (n, who) in [("kept", kept), ("left", left)] {
            let mut f = tp(n);
            f.owner = Some(Owner::Member { user_id: who });
            j.add_touchpoint(s, f).unwrap_or_else(|_| unreachable!());
        }
        j.forget_missing(|_| false, |u| u == kept);
        assert_eq!(j.fields.persona_id, None);
        assert_eq!(
            j.touchpoints[0].fields.owner,
            Some(Owner::Member { user_id: kept })
        );
        assert_eq!(j.touchpoints[1].fields.owner, None);
    }

    #[test]
    fn an_owner_must_be_a_member_or_a_team() {
        let member = UserId::new();
        assert_eq!(
            parse_owner(&member.to_string(), "", &[member]),
            Ok(Some(Owner::Member { user_id: member }))
        );
        assert_eq!(
            parse_owner(&UserId::new().to_string(), "", &[member]),
            Err(Issue::NotFound)
        );
        assert_eq!(
            parse_owner("", "Bakery team", &[]),
            Ok(Some(Owner::Team {
                name: name("Bakery team")
            }))
        );
        assert_eq!(parse_owner("", " ", &[]), Ok(None));
    }

    #[test]
    fn emotion_scores_run_from_minus_two_to_two() {
        assert_eq!(EmotionScore::parse_optional(""), Ok(None));
        assert_eq!(
            EmotionScore::parse_optional("+2").map(|e| e.map(EmotionScore::value)),
            Ok(Some(2))
        );
        assert_eq!(EmotionScore::parse_optional("3"), Err(Issue::Invalid));
        assert_eq!(EmotionScore::parse_optional("x"), Err(Issue::Invalid));
    }
}
