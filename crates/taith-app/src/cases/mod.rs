//! Cases: following up unhappy customers. Every edge (pages, API, CLI, demo, tests) comes
//! here, so each rule is written once:
//!
//! - **Opening.** The survey's rules open a case by themselves ([`worker`], off the request
//!   path, on any node): a low score (NPS 0–6, CSAT and CES the bottom two points) or a
//!   comment read as negative, each rule on unless turned off for the survey. A member opens
//!   one by hand from a response, a comment or a feature request ([`open_by_hand`]). A
//!   response has at most one case, whoever opens it and however many rules fire.
//! - **Owner** ([`owner_for`]): the touchpoint's owner when a member owns it; when a team owns
//!   it, the team's members in turn; else the workspace's admins in turn (its owners when it
//!   has no admin).
//! - **Due times** from the workspace's SLA in business hours ([`taith_domain::Sla::due`]),
//!   fixed when the case opens.
//! - **Who may do what**: owners, admins, analysts and tokens see every case; an agent sees
//!   the cases they own and the unowned ones. Owners, admins and write tokens change any
//!   case; an agent changes their own and may take an unowned one (make themselves its
//!   owner); analysts only read. A case an actor may not see is not found.
//! - **Every change** goes through [`apply`]: it checks the move, writes the change with its
//!   log entries in one versioned transaction (a stale edit is refused with
//!   [`Refused::Stale`]), and then calls [`changed`], the one place that hears about every
//!   committed change.

pub mod figures;
pub mod settings;
pub mod worker;

use taith_domain::{
    Case, CaseChange, CaseId, CaseReplyId, CaseSource, CaseStatus, EventType, FeatureRequestId,
    Issue, Owner, Principal, ResponseId, Role, RootCauseId, UserId, ValidationErrors, WorkspaceId,
};
use taith_store::{
    CaseFilter, CaseUpdate, ConflictKind, NewCase, NewCaseReply, OwnerPick, Page, PageRequest,
    Store, StoreError,
};

/// Why a case could not be opened or changed.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    /// The actor may see the case but not change it (an analyst, an agent on a colleague's
    /// case).
    #[error("not allowed to change this case")]
    Forbidden,
    /// Someone else changed the case since it was read.
    #[error("the case was changed by someone else")]
    Stale,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Who acts on cases, as the rules need to know them.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user: Option<UserId>,
    pub name: String,
    /// Sees every case (not only their own and unowned ones).
    pub sees_all: bool,
    /// Changes every case (not only their own).
    pub works_all: bool,
    /// Changes any case at all.
    pub works: bool,
}

impl Actor {
    pub fn of(p: &Principal) -> Actor {
        use taith_domain::Action;
        let (sees_all, works_all) = match p {
            Principal::Member { role, .. } => (
                !matches!(role, Role::Agent),
                matches!(role, Role::Owner | Role::Admin),
            ),
            Principal::Token { .. } => (true, p.may(Action::WorkCases)),
        };
        Actor {
            user: p.user_id(),
            name: p.display_name(),
            sees_all: sees_all && p.may(Action::ReadCases),
            works_all,
            works: p.may(Action::WorkCases),
        }
    }

    /// taith itself (automatic openings).
    pub fn system() -> Actor {
        Actor {
            user: None,
            name: "taith".to_owned(),
            sees_all: true,
            works_all: true,
            works: true,
        }
    }

    /// Whether this actor may see `case`.
    pub fn sees(&self, case: &Case) -> bool {
        self.sees_all || case.owner.is_none() || case.owner == self.user
    }

    /// Whether this actor may change `case` (taking an unowned one included).
    pub fn may_work(&self, case: &Case) -> bool {
        self.works && (self.works_all || case.owner.is_none() || case.owner == self.user)
    }

    /// A person, not taith or a token: what counts as a first action.
    fn is_person(&self) -> bool {
        self.user.is_some()
    }
}

/// What kind of committed change [`changed`] hears about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    Opened,
    Updated,
}

/// Called once after every committed opening of or change to a case, with the case as it now
/// is: the one place to hang anything that follows a change. It publishes `case.opened` or
/// `case.updated` to the workspace's webhooks (recorded durably, sent by the webhooks'
/// worker, once per case version). The change has committed already, so a failure to
/// record the event is logged, not answered to the person who made the change.
pub async fn changed(store: &dyn Store, ws: WorkspaceId, case: &Case, what: Changed) {
    let (event_type, dedupe_key) = match what {
        Changed::Opened => (EventType::CaseOpened, format!("case.opened:{}", case.id)),
        Changed::Updated => (
            EventType::CaseUpdated,
            format!("case.updated:{}:{}", case.id, case.version),
        ),
    };
    let data = event_data(case);
    let event =
        crate::webhooks::new_event(event_type, data, Some(dedupe_key)).about(case.customer_id);
    if let Err(e) = crate::webhooks::publish(store, ws, event).await {
        tracing::warn!(workspace = %ws, case = %case.id, error = %e, "a case event was not published to webhooks");
    }
}

/// A case as webhooks receive it (`data` of `case.opened` and `case.updated`).
pub fn event_data(case: &Case) -> serde_json::Value {
    let time = |t: time::OffsetDateTime| {
        t.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    };
    serde_json::json!({
        "case_id": case.id,
        "number": case.number,
        "title": format!("#{} ({})", case.number, case.status.as_str().replace('_', " ")),
        "status": case.status.as_str(),
        "source": case.source.as_str(),
        "owner_id": case.owner,
        "touchpoint_id": case.touchpoint_id,
        "response_id": case.response_id,
        "feature_request_id": case.feature_request_id,
        "customer_id": case.customer_id,
        "root_cause_id": case.root_cause,
        "opened_at": time(case.opened_at),
        "first_action_at": case.first_action_at.map(time),
        "closed_at": case.closed_at.map(time),
        "first_action_due": time(case.first_action_due),
        "resolve_due": time(case.resolve_due),
        "version": case.version,
    })
}

/// A case the actor may see; NotFound otherwise, like a missing one.
pub async fn get(
    store: &dyn Store,
    ws: WorkspaceId,
    actor: &Actor,
    id: CaseId,
) -> Result<Case, StoreError> {
    let c = store.case(ws, id).await?;
    if actor.sees(&c) {
        Ok(c)
    } else {
        Err(StoreError::NotFound)
    }
}

/// The cases matching `filter` that the actor may see.
pub async fn list(
    store: &dyn Store,
    ws: WorkspaceId,
    actor: &Actor,
    mut filter: CaseFilter,
    page: PageRequest<CaseId>,
) -> Result<Page<Case, CaseId>, StoreError> {
    if !actor.sees_all {
        filter.visible_to = Some(actor.user.unwrap_or_default());
    }
    store.cases(ws, &filter, page).await
}

// --- owners -------------------------------------------------------------------------------------

/// Who owns a new case at `touchpoint` (see the module's documentation).
pub async fn owner_for(
    store: &dyn Store,
    ws: WorkspaceId,
    touchpoint: Option<taith_domain::TouchpointId>,
) -> Result<OwnerPick, StoreError> {
    let members = store.members(ws).await?;
    let owner = match touchpoint {
        Some(tp) => touchpoint_owner(store, ws, tp).await?,
        None => None,
    };
    match owner {
        Some(Owner::Member { user_id }) if members.iter().any(|m| m.user.id == user_id) => {
            return Ok(OwnerPick::Member(user_id));
        }
        Some(Owner::Team { name }) => {
            let key = name.as_str().to_lowercase();
            let mut team: Vec<UserId> = store
                .member_teams(ws)
                .await?
                .into_iter()
                .filter(|(u, t)| {
                    t.as_str().to_lowercase() == key && members.iter().any(|m| m.user.id == *u)
                })
                .map(|(u, _)| u)
                .collect();
            team.sort();
            team.dedup();
            if !team.is_empty() {
                return Ok(OwnerPick::RoundRobin {
                    key: format!("team:{key}"),
                    candidates: team,
                });
            }
        }
        _ => {}
    }
    let pick = |role: Role| -> Vec<UserId> {
        let mut v: Vec<UserId> = members
            .iter()
            .filter(|m| m.role == role)
            .map(|m| m.user.id)
            .collect();
        v.sort();
        v
    };
    let mut admins = pick(Role::Admin);
    if admins.is_empty() {
        admins = pick(Role::Owner);
    }
    Ok(if admins.is_empty() {
        OwnerPick::Nobody
    } else {
        OwnerPick::RoundRobin {
            key: "admins".to_owned(),
            candidates: admins,
        }
    })
}

async fn touchpoint_owner(
    store: &dyn Store,
    ws: WorkspaceId,
    tp: taith_domain::TouchpointId,
) -> Result<Option<Owner>, StoreError> {
    for summary in store.journeys(ws, PageRequest::all()).await?.items {
        let journey = match store.journey(ws, summary.id).await {
            Ok(j) => j,
            Err(StoreError::NotFound) => continue,
            Err(e) => return Err(e),
        };
        if let Some(t) = journey.touchpoint(tp) {
            return Ok(t.fields.owner.clone());
        }
    }
    Ok(None)
}

// --- opening ------------------------------------------------------------------------------------

/// What a case is opened from.
#[derive(Debug, Clone, Copy)]
pub enum OpenFrom {
    Response(ResponseId),
    FeatureRequest(FeatureRequestId),
    Nothing,
}

/// Opens a case from a response (by a rule or by hand): owner and due times decided here.
/// `Ok(None)` when the response already has a case.
pub(crate) async fn open_for_response(
    store: &dyn Store,
    ws: WorkspaceId,
    response: &taith_domain::NewResponse,
    source: CaseSource,
    actor: &Actor,
) -> Result<Option<Case>, StoreError> {
    let sla = store.case_sla(ws).await?;
    let now = taith_domain::now();
    let (first_action_due, resolve_due) = sla.due(now);
    let new = NewCase {
        source,
        response_id: Some(response.id),
        feature_request_id: None,
        survey_id: Some(response.survey_id),
        customer_id: response.customer_id,
        touchpoint_id: response.touchpoint_id,
        owner: owner_for(store, ws, response.touchpoint_id).await?,
        opened_at: now,
        first_action_due,
        resolve_due,
        actor: actor.user,
        actor_name: actor.name.clone(),
    };
    let opened = store.open_case(ws, &new).await?;
    if let Some(c) = &opened {
        changed(store, ws, c, Changed::Opened).await;
    }
    Ok(opened)
}

/// Opens a case by hand. From a response that has a case already, that case is the answer
/// (a response has one case). Errors name `response_id` or `feature_request_id` when it is
/// not one of the workspace's.
pub async fn open_by_hand(
    store: &dyn Store,
    ws: WorkspaceId,
    actor: &Actor,
    from: OpenFrom,
) -> Result<(Case, bool), Refused> {
    if !actor.works {
        return Err(Refused::Forbidden);
    }
    match from {
        OpenFrom::Response(rid) => {
            let r = match store.response(ws, rid).await {
                Ok(r) => r,
                Err(StoreError::NotFound) => {
                    return Err(ValidationErrors::one("response_id", Issue::NotFound).into());
                }
                Err(e) => return Err(e.into()),
            };
            if let Some(c) = store.case_of_response(ws, rid).await? {
                return Ok((c, false));
            }
            match open_for_response(store, ws, &r, CaseSource::Response, actor).await? {
                Some(c) => Ok((c, true)),
                None => Ok((
                    store
                        .case_of_response(ws, rid)
                        .await?
                        .ok_or(StoreError::NotFound)?,
                    false,
                )),
            }
        }
        OpenFrom::FeatureRequest(fid) => {
            match store.feature_request(ws, fid).await {
                Ok(_) => {}
                Err(StoreError::NotFound) => {
                    return Err(ValidationErrors::one("feature_request_id", Issue::NotFound).into());
                }
                Err(e) => return Err(e.into()),
            }
            let c = open_plain(store, ws, actor, Some(fid), CaseSource::FeatureRequest).await?;
            Ok((c, true))
        }
        OpenFrom::Nothing => Ok((
            open_plain(store, ws, actor, None, CaseSource::Manual).await?,
            true,
        )),
    }
}

async fn open_plain(
    store: &dyn Store,
    ws: WorkspaceId,
    actor: &Actor,
    request: Option<FeatureRequestId>,
    source: CaseSource,
) -> Result<Case, Refused> {
    let sla = store.case_sla(ws).await?;
    let now = taith_domain::now();
    let (first_action_due, resolve_due) = sla.due(now);
    // Opened by hand with nothing to route by: the opener owns it when they work cases.
    let owner = match actor.user {
        Some(u) => OwnerPick::Member(u),
        None => owner_for(store, ws, None).await?,
    };
    let new = NewCase {
        source,
        response_id: None,
        feature_request_id: request,
        survey_id: None,
        customer_id: None,
        touchpoint_id: None,
        owner,
        opened_at: now,
        first_action_due,
        resolve_due,
        actor: actor.user,
        actor_name: actor.name.clone(),
    };
    let c = store.open_case(ws, &new).await?.ok_or_else(|| {
        StoreError::internal("a case without a response was refused as a duplicate")
    })?;
    changed(store, ws, &c, Changed::Opened).await;
    Ok(c)
}

// --- changing -----------------------------------------------------------------------------------

/// A change to a case's fields; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct Edit {
    pub status: Option<CaseStatus>,
    /// `Some(None)`: nobody.
    pub owner: Option<Option<UserId>>,
    /// `Some(None)`: none.
    pub root_cause: Option<Option<RootCauseId>>,
    pub note: Option<String>,
    pub reply: Option<String>,
}

/// Applies `edit` to the case if it is still at `version` (the version the actor's form or
/// request read). The one path of every change: it checks, writes the log, and calls
/// [`changed`].
pub async fn apply(
    store: &dyn Store,
    ws: WorkspaceId,
    actor: &Actor,
    id: CaseId,
    version: i64,
    edit: Edit,
) -> Result<Case, Refused> {
    let case = get(store, ws, actor, id).await?;
    if !actor.may_work(&case) {
        return Err(Refused::Forbidden);
    }
    if case.version != version {
        return Err(Refused::Stale);
    }
    let mut errors = ValidationErrors::default();
    let mut update = CaseUpdate::default();
    let mut changes: Vec<CaseChange> = Vec::new();
    let now = taith_domain::now();

    if let Some(to) = edit.status
        && to != case.status
    {
        if case.status.can_become(to) {
            update.status = Some(to);
            update.closed_at = Some(to.is_closed().then_some(now));
            changes.push(CaseChange::Status {
                from: case.status,
                to,
            });
        } else {
            errors.push("status", Issue::Invalid);
        }
    }
    if let Some(to) = edit.owner
        && to != case.owner
    {
        // An agent takes an unowned case or hands on their own; giving a case to someone
        // needs them to be a member.
        let members = store.members(ws).await?;
        let ok = match to {
            None => true,
            Some(u) => members.iter().any(|m| m.user.id == u),
        };
        if !ok {
            errors.push("owner", Issue::NotFound);
        } else if !actor.works_all && case.owner.is_none() && to != actor.user {
            return Err(Refused::Forbidden);
        } else {
            update.owner = Some(to);
            changes.push(CaseChange::Owner {
                from: case.owner,
                to,
            });
        }
    }
    if let Some(to) = edit.root_cause
        && to != case.root_cause
    {
        let listed = store.root_causes(ws).await?;
        match to {
            Some(rc) if !listed.iter().any(|c| c.id == rc && !c.archived) => {
                errors.push("root_cause", Issue::NotFound);
            }
            _ => {
                update.root_cause = Some(to);
                changes.push(CaseChange::RootCause {
                    from: case.root_cause,
                    to,
                });
            }
        }
    }
    if let Some(text) = &edit.note {
        match taith_domain::case::parse_note("note", text) {
            Ok(t) => changes.push(CaseChange::Note {
                text: t.to_string(),
            }),
            Err(e) => errors.0.extend(e.0),
        }
    }
    if let Some(text) = &edit.reply {
        match taith_domain::case::parse_note("reply", text) {
            Ok(t) => {
                let (to_email, to_name, locale) = reply_address(store, ws, &case).await?;
                match to_email {
                    Some(email) => {
                        update.reply = Some(NewCaseReply {
                            id: CaseReplyId::new(),
                            body: t.to_string(),
                            locale,
                            to_email: email,
                            to_name,
                        });
                        changes.push(CaseChange::Reply {
                            text: t.to_string(),
                        });
                    }
                    None => errors.push("reply", Issue::Required),
                }
            }
            Err(e) => errors.0.extend(e.0),
        }
    }
    if !errors.is_empty() {
        return Err(errors.into());
    }
    if changes.is_empty() {
        return Ok(case);
    }
    if case.first_action_at.is_none()
        && changes.iter().any(|c| c.is_first_action(actor.is_person()))
    {
        update.first_action_at = Some(now);
    }
    let entries: Vec<_> = changes
        .into_iter()
        .map(|c| (actor.user, actor.name.clone(), c))
        .collect();
    let saved = match store.update_case(ws, id, version, &update, &entries).await {
        Ok(c) => c,
        Err(StoreError::Conflict(ConflictKind::StaleVersion)) => return Err(Refused::Stale),
        Err(StoreError::Conflict(ConflictKind::StaleReference)) => {
            return Err(ValidationErrors::one("root_cause", Issue::NotFound).into());
        }
        Err(e) => return Err(e.into()),
    };
    changed(store, ws, &saved, Changed::Updated).await;
    Ok(saved)
}

/// Where a reply from the case goes: the customer's address and name, and the language to
/// frame it in (the response's locale, else the customer's, else English).
pub async fn reply_address(
    store: &dyn Store,
    ws: WorkspaceId,
    case: &Case,
) -> Result<(Option<String>, Option<String>, taith_domain::Locale), StoreError> {
    let response = match case.response_id {
        Some(r) => match store.response(ws, r).await {
            Ok(r) => Some(r),
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(e),
        },
        None => None,
    };
    let customer_id = case
        .customer_id
        .or(response.as_ref().and_then(|r| r.customer_id));
    let customer = match customer_id {
        Some(c) => match store.customer(ws, c).await {
            Ok(c) => Some(c),
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(e),
        },
        None => None,
    };
    let locale = response
        .as_ref()
        .map(|r| r.locale)
        .or(customer.as_ref().and_then(|c| c.locale))
        .unwrap_or_default();
    Ok((
        customer
            .as_ref()
            .and_then(|c| c.email.as_ref())
            .map(|e| e.to_string()),
        customer
            .as_ref()
            .and_then(|c| c.name.as_ref())
            .map(|n| n.to_string()),
        locale,
    ))
}
