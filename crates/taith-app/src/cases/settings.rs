//! The case settings of a workspace: its SLA, its root-cause list, each survey's opening
//! rules, and which teams members belong to (for the round robin of team-owned touchpoints).

use taith_domain::{
    CaseRules, Issue, Name, RootCause, Sla, SlaInput, SurveyId, UserId, ValidationErrors,
    WorkspaceId, case::parse_root_causes,
};
use taith_store::{Store, StoreError};

/// Why settings were not saved.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Checks and saves the SLA. It applies to cases opened from now on.
pub async fn save_sla(
    store: &dyn Store,
    ws: WorkspaceId,
    input: &SlaInput,
) -> Result<Sla, SettingsError> {
    let sla = input.parse()?;
    store.set_case_sla(ws, &sla).await?;
    Ok(sla)
}

/// Checks and saves the root-cause list (see [`parse_root_causes`] for the errors).
pub async fn save_root_causes(
    store: &dyn Store,
    ws: WorkspaceId,
    raw: &[String],
) -> Result<Vec<RootCause>, SettingsError> {
    let names = parse_root_causes(raw)?;
    Ok(store.set_root_causes(ws, &names).await?)
}

/// A survey's rules (the default when never set).
pub async fn rules_of(
    store: &dyn Store,
    ws: WorkspaceId,
    survey: SurveyId,
) -> Result<CaseRules, StoreError> {
    Ok(store
        .case_rules(ws)
        .await?
        .into_iter()
        .find(|(s, _)| *s == survey)
        .map(|(_, r)| r)
        .unwrap_or_default())
}

/// Sets a survey's rules. NotFound: no such survey in the workspace.
pub async fn save_rules(
    store: &dyn Store,
    ws: WorkspaceId,
    survey: SurveyId,
    rules: CaseRules,
) -> Result<(), StoreError> {
    store.survey(ws, survey).await?;
    store.set_case_rules(ws, survey, rules).await
}

/// The most teams a member is in.
pub const MAX_TEAMS: usize = 20;

/// Parses team names (comma-separated in a form, a list in the API); errors on `teams`.
pub fn parse_teams(raw: &[String]) -> Result<Vec<Name>, ValidationErrors> {
    let mut out: Vec<Name> = Vec::new();
    for s in raw.iter().flat_map(|s| s.split(',')) {
        if s.trim().is_empty() {
            continue;
        }
        let n = Name::parse(s).map_err(|i| ValidationErrors::one("teams", i))?;
        if n.as_str().chars().count() > taith_domain::case::MAX_ROOT_CAUSE_CHARS {
            return Err(ValidationErrors::one("teams", Issue::TooLong));
        }
        if !out
            .iter()
            .any(|o| o.as_str().to_lowercase() == n.as_str().to_lowercase())
        {
            out.push(n);
        }
    }
    if out.len() > MAX_TEAMS {
        return Err(ValidationErrors::one("teams", Issue::TooLong));
    }
    Ok(out)
}

/// Replaces a member's teams. NotFound: not a member of the workspace.
pub async fn save_teams(
    store: &dyn Store,
    ws: WorkspaceId,
    user: UserId,
    raw: &[String],
) -> Result<Vec<Name>, SettingsError> {
    let teams = parse_teams(raw)?;
    store.member_role(ws, user).await?;
    store.set_member_teams(ws, user, &teams).await?;
    Ok(teams)
}

/// Each member's teams.
pub async fn teams_of(
    store: &dyn Store,
    ws: WorkspaceId,
) -> Result<std::collections::BTreeMap<UserId, Vec<Name>>, StoreError> {
    let mut out: std::collections::BTreeMap<UserId, Vec<Name>> = Default::default();
    for (u, t) in store.member_teams(ws).await? {
        out.entry(u).or_default().push(t);
    }
    Ok(out)
}
