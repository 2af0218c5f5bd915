//! Surveys: making one, publishing it, changing it and deleting it — the same rules from the survey builder,
//! the API, the CLI and the demo.

use crate::account::secrets::random_secret;
use taith_domain::{
    LocalizedText, Survey, SurveyFields, SurveyId, SurveyKind, SurveyStatus, TouchpointId,
    WorkspaceId,
};
use taith_i18n::survey_wording;
use taith_store::{ConflictKind, PageRequest, Store, StoreError};

/// Why a survey's change was refused.
#[derive(Debug, thiserror::Error)]
pub enum ChangeRefused {
    /// A new kind or scale for a survey that has responses: the scores already given were
    /// given on the old scale and would not mean the same.
    #[error("the survey has responses; its kind and scale cannot change")]
    ScaleLocked,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a survey could not go live.
#[derive(Debug, thiserror::Error)]
pub enum PublishRefused {
    /// The survey asks about no touchpoint while the workspace has some: its answers would
    /// not show on any journey map, so the owner is asked which one first.
    #[error("the survey needs a touchpoint before it goes live")]
    NeedsTouchpoint,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Makes a draft (or closed) survey live, at `touchpoint` when given. The one thing asked
/// for is what is missing: a touchpoint, when the workspace has any and the survey has none.
/// A touchpoint that is not the workspace's is `Store(Conflict(StaleReference))`.
pub async fn publish(
    store: &dyn Store,
    ws: WorkspaceId,
    current: &Survey,
    touchpoint: Option<TouchpointId>,
) -> Result<Survey, PublishRefused> {
    let mut fields = current.fields.clone();
    if touchpoint.is_some() {
        fields.touchpoint_id = touchpoint;
    }
    if fields.touchpoint_id.is_none()
        && !crate::journeys::places::touchpoints(store, ws)
            .await?
            .is_empty()
    {
        return Err(PublishRefused::NeedsTouchpoint);
    }
    fields.status = SurveyStatus::Live;
    Ok(store.update_survey(ws, current.id, &fields).await?)
}

/// The part of a survey's address, `/s/{public_id}`: 64 random bits, so a collision is not a
/// practical concern (and the store refuses one).
pub fn new_public_id() -> String {
    let mut id = random_secret();
    id.truncate(16);
    id
}

/// Stores a new survey with a new public id. A clash of 64 random bits is next to
/// impossible; should one come, another id is tried rather than the survey refused.
pub async fn create(
    store: &dyn Store,
    ws: WorkspaceId,
    fields: &SurveyFields,
) -> Result<Survey, StoreError> {
    let mut attempt = 1;
    loop {
        match store.create_survey(ws, fields, &new_public_id()).await {
            Err(StoreError::Conflict(kind))
                if kind != ConflictKind::StaleReference && attempt < 3 =>
            {
                attempt += 1;
            }
            done => return done,
        }
    }
}

/// Whether the survey has been answered.
pub async fn has_responses(
    store: &dyn Store,
    ws: WorkspaceId,
    id: SurveyId,
) -> Result<bool, StoreError> {
    Ok(!store
        .responses(ws, Some(id), PageRequest::first(1))
        .await?
        .items
        .is_empty())
}

/// Replaces `current`'s definition with `fields`, unless that changes the kind or scale of a
/// survey that has responses.
pub async fn update(
    store: &dyn Store,
    ws: WorkspaceId,
    current: &Survey,
    fields: &SurveyFields,
) -> Result<Survey, ChangeRefused> {
    let now = &current.fields;
    if (fields.kind != now.kind || fields.scale != now.scale)
        && has_responses(store, ws, current.id).await?
    {
        return Err(ChangeRefused::ScaleLocked);
    }
    Ok(store.update_survey(ws, current.id, fields).await?)
}

/// Deletes a survey; one with responses is refused (`Conflict(HasResponses)`).
pub async fn delete(store: &dyn Store, ws: WorkspaceId, id: SurveyId) -> Result<(), StoreError> {
    store.delete_survey(ws, id).await
}

/// The question a survey asks once its kind changes from `old` to `new`: a question still in
/// the old kind's standard wording takes the new kind's; one the business wrote itself stays.
pub fn question_for_kind(
    question: &LocalizedText,
    old: SurveyKind,
    new: SurveyKind,
    business: &str,
) -> LocalizedText {
    if old != new && *question == survey_wording::standard_question(old, business) {
        survey_wording::standard_question(new, business)
    } else {
        question.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use taith_domain::Locale;

    #[test]
    fn a_question_in_the_standard_wording_follows_the_kind_and_a_written_one_stays() {
        let standard = survey_wording::standard_question(SurveyKind::Nps, "Becws");
        assert_eq!(
            question_for_kind(&standard, SurveyKind::Nps, SurveyKind::Csat, "Becws"),
            survey_wording::standard_question(SurveyKind::Csat, "Becws")
        );
        let own = LocalizedText([(Locale::En, "Did we bake it right?".to_owned())].into());
        assert_eq!(
            question_for_kind(&own, SurveyKind::Nps, SurveyKind::Csat, "Becws"),
            own
        );
    }

    #[test]
    fn a_public_id_is_sixteen_characters_and_new_each_time() {
        let a = new_public_id();
        assert_eq!(a.len(), 16);
        assert_ne!(a, new_public_id());
    }
}
