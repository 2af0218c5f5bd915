//! The members of the workspace with their roles, and its API tokens.

use crate::AppState;
use crate::http::ctx::{CsrfForm, Member};
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::journeys::pages::parse_id;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taith_app::account::secrets::{check_new_password, hash_password, new_api_token, secret_hash};
use taith_domain::{
    Action, Email, Issue, Name, Role, TokenId, TokenScope, UserId, ValidationErrors,
};
use taith_store::{ConflictKind, NewUser, StoreError};

// --- members ----------------------------------------------------------------------------------

#[derive(Debug)]
pub struct MemberRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: &'static str,
    pub role_name: String,
    pub is_self: bool,
    /// The member's teams, comma-separated (cases of a team's touchpoints go round them).
    pub teams: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "people/members.html")]
pub struct MembersPage {
    l: Layout,
    members: Vec<MemberRow>,
    roles: Vec<(&'static str, String)>,
    /// Every role's name and what it may do, beside the role choices.
    role_help: Vec<(String, String)>,
    form: FormView,
    can_manage: bool,
    /// An owner: may require two-factor sign-in of the members.
    can_secure: bool,
    notice: Option<String>,
}

async fn members_page(
    state: &AppState,
    m: &Member,
    form: FormView,
    notice: Option<String>,
) -> Result<MembersPage, PageError> {
    let tr = m.tr();
    let teams = taith_app::cases::settings::teams_of(state.store.as_ref(), m.workspace.id)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    let members = state
        .store
        .members(m.workspace.id)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    Ok(MembersPage {
        l: m.layout("members"),
        members: members
            .into_iter()
            .map(|x| MemberRow {
                id: x.user.id.to_string(),
                name: x.user.name.to_string(),
                email: x.user.email.to_string(),
                role: x.role.as_str(),
                role_name: tr.t(&format!("role-{}", x.role.as_str())),
                is_self: x.user.id == m.user.id,
                teams: teams
                    .get(&x.user.id)
                    .map(|t| {
                        t.iter()
                            .map(|n| n.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default(),
            })
            .collect(),
        roles: assignable_roles(m.role)
            .into_iter()
            .map(|r| (r.as_str(), tr.t(&format!("role-{}", r.as_str()))))
            .collect(),
        role_help: Role::ALL
            .into_iter()
            .map(|r| (tr.t(&format!("role-{}", r.as_str())), role_explained(tr, r)))
            .collect(),
        form,
        can_manage: m.may(Action::ManageMembers),
        can_secure: m.may(Action::ManageSecurity),
        notice,
    })
}

/// What `role` may do, in a line (the policy is `Principal::may`; docs/access.md says it in
/// full).
fn role_explained(tr: &taith_i18n::Tr, role: Role) -> String {
    match role {
        Role::Owner => tr.t("role-owner-explained"),
        Role::Admin => tr.t("role-admin-explained"),
        Role::Analyst => tr.t("role-analyst-explained"),
        Role::Agent => tr.t("role-agent-explained"),
        Role::Viewer => tr.t("role-viewer-explained"),
    }
}

/// Roles a member may hand out: an admin cannot make owners.
fn assignable_roles(own: Role) -> Vec<Role> {
    Role::ALL
        .into_iter()
        .filter(|r| own == Role::Owner || *r != Role::Owner)
        .collect()
}

pub async fn members(State(state): State<AppState>, m: Member) -> Result<MembersPage, PageError> {
    members_page(&state, &m, FormView::new().with("role", "viewer"), None).await
}

#[derive(Debug, Deserialize)]
pub struct AddMemberInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    password: String,
}

pub async fn add_member(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(input): CsrfForm<AddMemberInput>,
) -> Result<Response, PageError> {
    m.require(Action::ManageMembers)?;
    let tr = m.tr().clone();
    let mut e = ValidationErrors::default();
    let name = e.check("name", Name::parse(&input.name));
    let email = e.check("email", Email::parse(&input.email));
    let role = e.check(
        "role",
        input.role.parse::<Role>().and_then(|r| {
            if assignable_roles(m.role).contains(&r) {
                Ok(r)
            } else {
                Err(Issue::UnknownValue)
            }
        }),
    );
    e.check("password", check_new_password(&input.password));
    let form = || {
        FormView::new()
            .with("name", &input.name)
            .with("email", &input.email)
            .with("role", &input.role)
    };
    let (Some(name), Some(email), Some(role), true) = (name, email, role, e.is_empty()) else {
        let page = members_page(&state, &m, form().with_errors(&e, &tr), None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let password_hash = hash_password(&input.password).map_err(|_| PageError::internal(&tr))?;
    match state
        .store
        .add_member(
            m.workspace.id,
            NewUser {
                email,
                name,
                password_hash,
            },
            role,
        )
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("{}/members", m.base())).into_response()),
        Err(StoreError::Conflict(ConflictKind::EmailTaken)) => {
            let page = members_page(
                &state,
                &m,
                form().with_errors(&ValidationErrors::one("email", Issue::Taken), &tr),
                None,
            )
            .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(err) => Err(PageError::from_store(err, &tr)),
    }
}

#[derive(Debug, Deserialize)]
pub struct RoleInput {
    #[serde(default)]
    role: String,
}

/// Admins may not change or remove owners; nobody may leave a workspace without an owner.
async fn check_target(state: &AppState, m: &Member, target: UserId) -> Result<Role, PageError> {
    let current = state
        .store
        .member_role(m.workspace.id, target)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?;
    if current == Role::Owner && m.role != Role::Owner {
        return Err(PageError::forbidden(m.tr()));
    }
    Ok(current)
}

pub async fn set_role(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(input): CsrfForm<RoleInput>,
) -> Result<Response, PageError> {
    m.require(Action::ManageMembers)?;
    let tr = m.tr().clone();
    let target: UserId = parse_id(&id, &tr)?;
    check_target(&state, &m, target).await?;
    let role = input
        .role
        .parse::<Role>()
        .ok()
        .filter(|r| assignable_roles(m.role).contains(r))
        .ok_or_else(|| PageError::bad_request(&tr))?;
    match state
        .store
        .set_member_role(m.workspace.id, target, role)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("{}/members", m.base())).into_response()),
        Err(StoreError::Conflict(ConflictKind::LastOwner)) => {
            let page = members_page(
                &state,
                &m,
                FormView::new(),
                Some(tr.t("members-last-owner")),
            )
            .await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(e) => Err(PageError::from_store(e, &tr)),
    }
}

pub async fn remove_member(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    m.require(Action::ManageMembers)?;
    let tr = m.tr().clone();
    let target: UserId = parse_id(&id, &tr)?;
    check_target(&state, &m, target).await?;
    match state.store.remove_member(m.workspace.id, target).await {
        Ok(()) => Ok(Redirect::to(&format!("{}/members", m.base())).into_response()),
        Err(StoreError::Conflict(ConflictKind::LastOwner)) => {
            let page = members_page(
                &state,
                &m,
                FormView::new(),
                Some(tr.t("members-last-owner")),
            )
            .await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(e) => Err(PageError::from_store(e, &tr)),
    }
}

// --- API tokens -------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "people/tokens.html")]
pub struct TokensPage {
    l: Layout,
    tokens: Vec<(String, String, String, String)>,
    form: FormView,
    /// A token just created, shown once.
    created: Option<String>,
}

async fn tokens_page(
    state: &AppState,
    m: &Member,
    form: FormView,
    created: Option<String>,
) -> Result<TokensPage, PageError> {
    let tr = m.tr();
    let tokens = state
        .store
        .api_tokens(m.workspace.id)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    Ok(TokensPage {
        l: m.layout("tokens"),
        tokens: tokens
            .into_iter()
            .map(|t| {
                (
                    t.id.to_string(),
                    t.name.to_string(),
                    tr.t(&format!("scope-{}", t.scope.as_str())),
                    tr.datetime(t.created_at),
                )
            })
            .collect(),
        form,
        created,
    })
}

pub async fn tokens(State(state): State<AppState>, m: Member) -> Result<TokensPage, PageError> {
    m.require(Action::ManageMembers)?;
    tokens_page(&state, &m, FormView::new().with("scope", "read"), None).await
}

#[derive(Debug, Deserialize)]
pub struct TokenInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope: String,
}

pub async fn create_token(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(input): CsrfForm<TokenInput>,
) -> Result<Response, PageError> {
    m.require(Action::ManageMembers)?;
    let tr = m.tr().clone();
    let mut e = ValidationErrors::default();
    let name = e.check("name", Name::parse(&input.name));
    let scope = e.check("scope", input.scope.parse::<TokenScope>());
    let (Some(name), Some(scope)) = (name, scope) else {
        let form = FormView::new()
            .with("name", &input.name)
            .with("scope", &input.scope)
            .with_errors(&e, &tr);
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            tokens_page(&state, &m, form, None).await?,
        )
            .into_response());
    };
    let token = new_api_token();
    state
        .store
        .create_api_token(m.workspace.id, &name, scope, &secret_hash(&token))
        .await
        .map_err(|e| PageError::from_store(e, &tr))?;
    Ok(tokens_page(
        &state,
        &m,
        FormView::new().with("scope", "read"),
        Some(token),
    )
    .await?
    .into_response())
}

pub async fn revoke_token(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    m.require(Action::ManageMembers)?;
    let id: TokenId = parse_id(&id, m.tr())?;
    state
        .store
        .revoke_api_token(m.workspace.id, id)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?;
    Ok(Redirect::to(&format!("{}/tokens", m.base())).into_response())
}
