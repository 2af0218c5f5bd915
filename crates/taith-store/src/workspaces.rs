//! Workspaces, their users and members.

use crate::StoreResult;
use async_trait::async_trait;
use taith_domain::{Email, Member, Name, Role, Slug, User, UserId, Workspace, WorkspaceId};

/// A new user with an already-hashed password.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: Email,
    pub name: Name,
    /// PHC string (argon2id); the store never sees a password.
    pub password_hash: String,
}

/// A user with their password hash, for signing in.
#[derive(Debug, Clone)]
pub struct UserCredentials {
    pub user: User,
    pub password_hash: String,
}

/// Workspaces and the people in them: users, their credentials and their roles.
#[async_trait]
pub trait WorkspaceStore: Send + Sync {
    /// True until the first workspace exists (the set-up page is shown then).
    async fn has_no_workspace(&self) -> StoreResult<bool>;

    /// Creates a workspace and its first owner in one transaction. The owner is a new user,
    /// or — when a user with that e-mail exists — that user (the password is then ignored).
    async fn create_workspace(
        &self,
        slug: &Slug,
        name: &Name,
        owner: NewUser,
    ) -> StoreResult<(Workspace, User)>;

    async fn workspace_by_slug(&self, slug: &Slug) -> StoreResult<Workspace>;

    async fn workspace(&self, id: WorkspaceId) -> StoreResult<Workspace>;

    /// Every workspace, oldest first (start-up work such as building the analytics index).
    async fn all_workspaces(&self) -> StoreResult<Vec<Workspace>>;

    /// The workspaces a user belongs to, with their role in each, by slug.
    async fn memberships(&self, user: UserId) -> StoreResult<Vec<(Workspace, Role)>>;

    async fn user_credentials(&self, email: &Email) -> StoreResult<UserCredentials>;

    async fn user(&self, id: UserId) -> StoreResult<User>;

    async fn set_password(&self, user: UserId, password_hash: &str) -> StoreResult<()>;

    /// Adds a member: a new user, or an existing user by e-mail (password then ignored).
    /// `Conflict(EmailTaken)` when that user is already a member.
    async fn add_member(&self, ws: WorkspaceId, user: NewUser, role: Role) -> StoreResult<Member>;

    async fn members(&self, ws: WorkspaceId) -> StoreResult<Vec<Member>>;

    /// A user's role in a workspace; `NotFound` when not a member.
    async fn member_role(&self, ws: WorkspaceId, user: UserId) -> StoreResult<Role>;

    /// Changes a role; `Conflict(LastOwner)` when it would leave no owner.
    async fn set_member_role(&self, ws: WorkspaceId, user: UserId, role: Role) -> StoreResult<()>;

    /// Removes a member; `Conflict(LastOwner)` when it would leave no owner.
    async fn remove_member(&self, ws: WorkspaceId, user: UserId) -> StoreResult<()>;
}
