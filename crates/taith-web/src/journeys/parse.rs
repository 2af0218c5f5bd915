//! Parsing wire input into domain values, naming each bad field as the request names it
//! (`owner.user_id`, `stages[2].touchpoints[0].channel`).

use crate::journeys::wire;
use taith_domain::journey::{EmotionScore, JourneyFields, StageFields, TouchpointFields};
use taith_domain::transfer::{FORMAT_V1, JourneyFile, OwnerFile, StageFile, TouchpointFile};
use taith_domain::{
    Channel, Email, Issue, Journey, LongText, Name, Owner, PersonaId, PersonaInput, StageInput,
    StageModel, UserId, ValidationErrors,
};

/// Moves `inner`'s errors into `errors`, under `prefix` (`persona.` + `name`).
pub fn absorb(errors: &mut ValidationErrors, prefix: &str, inner: ValidationErrors) {
    for e in inner.0 {
        errors.push(format!("{prefix}{}", e.field), e.issue);
    }
}

/// An owner as sent, checked against the workspace's members (`members`). Errors are recorded
/// under `field.user_id` / `field.name`.
pub fn owner(
    input: &wire::OwnerInput,
    field: &str,
    members: &[UserId],
    errors: &mut ValidationErrors,
) -> Option<Owner> {
    match input {
        wire::OwnerInput::Member { user_id } => {
            let parsed = if user_id.trim().is_empty() {
                Err(Issue::Required)
            } else {
                user_id.parse::<UserId>().and_then(|id| {
                    if members.contains(&id) {
                        Ok(id)
                    } else {
                        Err(Issue::NotFound)
                    }
                })
            };
            errors
                .check(&format!("{field}.user_id"), parsed)
                .map(|user_id| Owner::Member { user_id })
        }
        wire::OwnerInput::Team { name } => errors
            .check(&format!("{field}.name"), Name::parse(name))
            .map(|name| Owner::Team { name }),
    }
}

/// A persona reference: an id of one of `personas`, else `invalid` or `not_found`.
pub fn persona_ref(s: &str, personas: &[PersonaId]) -> Result<PersonaId, Issue> {
    let id: PersonaId = s.parse()?;
    if personas.contains(&id) {
        Ok(id)
    } else {
        Err(Issue::NotFound)
    }
}

/// The English name of a template stage: its key, capitalised (`awareness` → `Awareness`).
pub fn english_stage_name(key: &str) -> Name {
    let mut chars = key.chars();
    let capitalised: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    Name::parse(&capitalised).unwrap_or_else(|_| unreachable!("stage keys are non-empty literals"))
}

/// A new journey from the API's request, made at `now`: its fields checked, its stages the
/// chosen model's (five stages unless named), its persona one of `personas`.
pub fn new_journey(
    input: &wire::JourneyCreate,
    personas: &[PersonaId],
    now: time::OffsetDateTime,
) -> Result<Journey, ValidationErrors> {
    let mut e = ValidationErrors::default();
    let name = e.check("name", Name::parse(&input.name));
    let description = e.check("description", LongText::parse(&input.description));
    let model = e.check(
        "stage_model",
        match input.stage_model.as_deref().map(str::trim) {
            None => Ok(StageModel::FiveStage),
            Some("") => Err(Issue::UnknownValue),
            Some(s) => s.parse::<StageModel>(),
        },
    );
    let persona_id = match input.persona_id.as_deref().map(str::trim) {
        None | Some("") => Some(None),
        Some(s) => e.check("persona_id", persona_ref(s, personas)).map(Some),
    };
    let (Some(name), Some(description), Some(model), Some(persona_id)) =
        (name, description, model, persona_id)
    else {
        return Err(e);
    };
    Ok(Journey::new(
        JourneyFields {
            name,
            description,
            persona_id,
        },
        model,
        english_stage_name,
        now,
    ))
}

/// A stage's emotion score from the wire: an integer from −2 to 2.
pub fn emotion(v: Option<i64>) -> Result<Option<EmotionScore>, Issue> {
    match v {
        None => Ok(None),
        Some(v) => i8::try_from(v)
            .map_err(|_| Issue::Invalid)
            .and_then(EmotionScore::new)
            .map(Some),
    }
}

/// A journey file, with every field checked.
pub fn journey_file(f: wire::JourneyFile) -> Result<JourneyFile, ValidationErrors> {
    let mut e = ValidationErrors::default();
    if f.format.trim() != FORMAT_V1 {
        e.push(
            "format",
            if f.format.trim().is_empty() {
                Issue::Required
            } else {
                Issue::UnknownValue
            },
        );
    }
    let name = e.check("name", Name::parse(&f.name));
    let description = e.check("description", LongText::parse(&f.description));
    let persona = match f.persona {
        None => Some(None),
        Some(p) => {
            let input = PersonaInput {
                name: p.name,
                description: p.description,
                needs: p.needs,
                goals: p.goals,
                behaviours: p.behaviours,
                pains: p.pains,
                demographics: p.demographics,
            };
            match input.parse() {
                Ok(fields) => Some(Some(fields)),
                Err(inner) => {
                    absorb(&mut e, "persona.", inner);
                    None
                }
            }
        }
    };
    let mut stages = Vec::with_capacity(f.stages.len());
    for (i, s) in f.stages.into_iter().enumerate() {
        let at = format!("stages[{i}].");
        let fields = stage_fields(
            &at,
            s.name,
            s.actions,
            s.thoughts,
            s.emotions,
            s.emotion,
            s.pain_points,
            s.opportunities,
            &mut e,
        );
        let mut touchpoints = Vec::with_capacity(s.touchpoints.len());
        for (j, t) in s.touchpoints.into_iter().enumerate() {
            if let Some(t) = touchpoint_file(&format!("{at}touchpoints[{j}]."), t, &mut e) {
                touchpoints.push(t);
            }
        }
        if let Some(fields) = fields {
            stages.push(StageFile {
                fields,
                touchpoints,
            });
        }
    }
    match (name, description, persona) {
        (Some(name), Some(description), Some(persona)) if e.is_empty() => Ok(JourneyFile {
            format: FORMAT_V1.to_owned(),
            name,
            description,
            persona,
            stages,
        }),
        _ => Err(e),
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "the stage's fields, one by one, as the file has them"
)]
fn stage_fields(
    at: &str,
    name: String,
    actions: String,
    thoughts: String,
    emotions: String,
    emotion_value: Option<i64>,
    pain_points: String,
    opportunities: String,
    e: &mut ValidationErrors,
) -> Option<StageFields> {
    let input = StageInput {
        name,
        actions,
        thoughts,
        emotions,
        emotion: String::new(),
        pain_points,
        opportunities,
    };
    let score = e.check(&format!("{at}emotion"), emotion(emotion_value));
    match input.parse() {
        Ok(mut fields) => {
            fields.emotion = score?;
            Some(fields)
        }
        Err(inner) => {
            absorb(e, at, inner);
            None
        }
    }
}

fn touchpoint_file(
    at: &str,
    t: wire::JourneyFileTouchpoint,
    e: &mut ValidationErrors,
) -> Option<TouchpointFile> {
    let name = e.check(&format!("{at}name"), Name::parse(&t.name));
    let channel = e.check(&format!("{at}channel"), t.channel.parse::<Channel>());
    let description = e.check(&format!("{at}description"), LongText::parse(&t.description));
    let owner = match t.owner {
        None => Some(None),
        Some(wire::JourneyFileOwner::Team { name }) => e
            .check(&format!("{at}owner.name"), Name::parse(&name))
            .map(|name| Some(OwnerFile::Team { name })),
        Some(wire::JourneyFileOwner::Member { email, name }) => {
            let email = e.check(&format!("{at}owner.email"), Email::parse(&email));
            let name = e.check(&format!("{at}owner.name"), Name::parse(&name));
            match (email, name) {
                (Some(email), Some(name)) => Some(Some(OwnerFile::Member { email, name })),
                _ => None,
            }
        }
    };
    Some(TouchpointFile {
        name: name?,
        channel: channel?,
        owner: owner?,
        description: description?,
        moment_of_truth: t.moment_of_truth,
    })
}

/// Touchpoint fields from the parts of a create or update, errors under their request names.
pub struct TouchpointParts<'a> {
    pub name: &'a str,
    pub channel: &'a str,
    pub description: &'a str,
    pub moment_of_truth: bool,
}

pub fn touchpoint_fields(
    p: TouchpointParts<'_>,
    owner: Option<Owner>,
    e: &mut ValidationErrors,
) -> Option<TouchpointFields> {
    let name = e.check("name", Name::parse(p.name));
    let channel = e.check("channel", p.channel.parse::<Channel>());
    let description = e.check("description", LongText::parse(p.description));
    Some(TouchpointFields {
        name: name?,
        channel: channel?,
        owner,
        description: description?,
        moment_of_truth: p.moment_of_truth,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journey_file_names_the_nested_field_that_is_wrong() {
        let file = wire::JourneyFile {
            format: FORMAT_V1.into(),
            name: "Buying bread".into(),
            stages: vec![wire::JourneyFileStage {
                name: "Awareness".into(),
                emotion: Some(7),
                touchpoints: vec![wire::JourneyFileTouchpoint {
                    name: "Shop".into(),
                    channel: "pigeon".into(),
                    owner: Some(wire::JourneyFileOwner::Member {
                        email: "nobody".into(),
                        name: "N".into(),
                    }),
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        };
        let fields: Vec<(String, Issue)> = journey_file(file)
            .err()
            .map(|e| e.0.into_iter().map(|f| (f.field, f.issue)).collect())
            .unwrap_or_default();
        assert_eq!(
            fields,
            vec![
                ("stages[0].emotion".to_owned(), Issue::Invalid),
                (
                    "stages[0].touchpoints[0].channel".to_owned(),
                    Issue::UnknownValue
                ),
                (
                    "stages[0].touchpoints[0].owner.email".to_owned(),
                    Issue::Invalid
                ),
            ]
        );
    }

    #[test]
    fn a_journey_file_of_another_format_is_refused_on_its_format_field() {
        let file = wire::JourneyFile {
            format: "taith.journey/9".into(),
            name: "x".into(),
            ..Default::default()
        };
        assert_eq!(
            journey_file(file).err().and_then(|e| e.issue_for("format")),
            Some(Issue::UnknownValue)
        );
    }

    #[test]
    fn an_owner_must_be_a_member_of_the_workspace() {
        let member = UserId::new();
        let mut e = ValidationErrors::default();
        let input = wire::OwnerInput::Member {
            user_id: UserId::new().to_string(),
        };
        assert_eq!(owner(&input, "owner", &[member], &mut e), None);
        assert_eq!(e.issue_for("owner.user_id"), Some(Issue::NotFound));
        let input = wire::OwnerInput::Member {
            user_id: member.to_string(),
        };
        assert_eq!(
            owner(&input, "owner", &[member], &mut e),
            Some(Owner::Member { user_id: member })
        );
    }
}
