//! Wire types of the workspace and its members.

use serde::{Deserialize, Serialize};
use taith_domain as d;
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// The workspace the request acts in.
#[derive(Debug, Serialize, ToSchema)]
pub struct Workspace {
    pub id: Uuid,
    /// The workspace's address part, as sent in `X-Taith-Workspace`.
    pub slug: String,
    pub name: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&d::Workspace> for Workspace {
    fn from(w: &d::Workspace) -> Self {
        Workspace {
            id: w.id.as_uuid(),
            slug: w.slug.to_string(),
            name: w.name.to_string(),
            created_at: w.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkspaceResponse {
    pub workspace: Workspace,
}

/// A member's role: what they may do in the workspace.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything, including managing owners.
    Owner,
    /// Everything except changing owners.
    Admin,
    /// Reads everything.
    Analyst,
    /// Reads everything and edits the touchpoints they own.
    Agent,
    /// Reads everything.
    Viewer,
}

impl From<d::Role> for Role {
    fn from(r: d::Role) -> Self {
        match r {
            d::Role::Owner => Role::Owner,
            d::Role::Admin => Role::Admin,
            d::Role::Analyst => Role::Analyst,
            d::Role::Agent => Role::Agent,
            d::Role::Viewer => Role::Viewer,
        }
    }
}

/// A member of the workspace; `id` is the user's id (the one touchpoint owners name).
#[derive(Debug, Serialize, ToSchema)]
pub struct Member {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
}

impl From<&d::Member> for Member {
    fn from(m: &d::Member) -> Self {
        Member {
            id: m.user.id.as_uuid(),
            email: m.user.email.to_string(),
            name: m.user.name.to_string(),
            role: m.role.into(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberList {
    pub members: Vec<Member>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberResponse {
    pub member: Member,
}

/// A new role for a member.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberUpdate {
    #[serde(default)]
    #[schema(value_type = Role, required = true)]
    pub role: String,
}
