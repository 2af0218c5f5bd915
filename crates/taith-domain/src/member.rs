//! Workspaces, the people in them, their roles, and what each role may do.

use crate::{Email, Name, Slug, TokenId, UserId, WorkspaceId};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use time::OffsetDateTime;

/// One business: the tenant every stored row belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Workspace {
    pub id: WorkspaceId,
    pub slug: Slug,
    pub name: Name,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// A person who can sign in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: UserId,
    pub email: Email,
    pub name: Name,
}

/// A user's place in one workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub user: User,
    pub role: Role,
}

/// A member's role (DESIGN §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Owner,
    Admin,
    Analyst,
    Agent,
    Viewer,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Owner,
        Role::Admin,
        Role::Analyst,
        Role::Agent,
        Role::Viewer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Analyst => "analyst",
            Role::Agent => "agent",
            Role::Viewer => "viewer",
        }
    }
}

impl FromStr for Role {
    type Err = crate::Issue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or(crate::Issue::UnknownValue)
    }
}

/// What an API token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenScope {
    Read,
    Write,
}

impl TokenScope {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenScope::Read => "read",
            TokenScope::Write => "write",
        }
    }
}

impl FromStr for TokenScope {
    type Err = crate::Issue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "read" => Ok(TokenScope::Read),
            "write" => Ok(TokenScope::Write),
            _ => Err(crate::Issue::UnknownValue),
        }
    }
}

/// Who is asking, within one workspace: a signed-in member or an API token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    Member { user: User, role: Role },
    Token { id: TokenId, scope: TokenScope },
}

/// Things a principal may try to do in a workspace. The policy is [`Principal::may`]; the web
/// layer asks it for every request, UI and API alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Read journeys, personas, members' names, and the figures (metrics, dashboards).
    Read,
    /// Read individual responses — comments, customers, exports — not just the figures.
    /// A viewer sees how the business is doing, not what each customer wrote.
    ReadResponses,
    /// Create, change and delete journeys, stages, touchpoints and personas.
    EditJourneys,
    /// Change a touchpoint the principal owns (its description and notes).
    EditOwnTouchpoint,
    /// Add, change and remove members, and manage API tokens.
    ManageMembers,
    /// Submit survey responses on customers' behalf (an integration, an agent on the phone,
    /// staff at a shop counter): collecting feedback, not changing what is measured.
    SubmitResponses,
    /// Work the feature-request board: add a request, turn a comment into one or link it to
    /// one, and vote on a customer's or one's own behalf. Everyone but a viewer.
    EditRequests,
    /// Decide about requests: change a request's status and its public note, merge
    /// duplicates. What customers read on the public board, so owners and admins.
    DecideRequests,
    /// Record a "you said, we did" change: the customers behind it are e-mailed and the
    /// public "what we changed" page shows it. Owners and admins, as for request decisions.
    RecordChanges,
    /// See every team's and agent's coaching figures and praise. Owners, admins, analysts.
    /// An agent sees their own (see `taith_app::coaching`); a viewer none.
    CoachAll,
    /// See one's own coaching figures (an agent: responses whose `agent` attribute is them).
    CoachSelf,
    /// Read cases: every case for owners, admins, analysts and tokens; an agent only the
    /// cases they own or that nobody owns yet (`taith_app::cases` applies the scope).
    ReadCases,
    /// Work cases: change status, owner and root cause, add notes, reply to the customer, open
    /// one by hand. Owners and admins on every case, agents on their own (and taking an
    /// unowned one), write tokens on every case.
    WorkCases,
    /// Change the case settings: the SLA, the root-cause list, the surveys' opening rules.
    ManageCases,
    /// Make, change and delete alert rules and webhook endpoints, see endpoints' addresses
    /// and delivery logs, redeliver, rotate secrets. Owners and admins (and write tokens);
    /// everyone reads the rules and their firings (`Read`).
    ManageAlerts,
    /// Work the inbox: assign, change status, snooze, priority and labels, write private
    /// notes, reply to customers, manage canned replies. Owners, admins and agents (and write
    /// tokens); reading the inbox is `ReadResponses`.
    WorkInbox,
    /// Govern the workspace's data: read and export the audit log, set how long data is
    /// kept, export and erase a customer's data. Owners only: it is the business's legal duty.
    Govern,
    /// Answer a customer's data request: export or erase everything held about them. Owners,
    /// and write tokens, so that a business's own system can pass on a customer's request.
    AnswerDataRequests,
    /// Require two-factor sign-in of the workspace's members. Owners only; never a token.
    ManageSecurity,
    /// Change the contact budget (how often customers may be asked). Owners and admins (and
    /// write tokens); everyone reads it (`Read`).
    ManageContact,
}

impl Principal {
    pub fn may(&self, action: Action) -> bool {
        match self {
            Principal::Member { role, .. } => match action {
                Action::Read => true,
                Action::ReadResponses => !matches!(role, Role::Viewer),
                Action::EditJourneys => matches!(role, Role::Owner | Role::Admin),
                Action::EditOwnTouchpoint => {
                    matches!(role, Role::Owner | Role::Admin | Role::Agent)
                }
                Action::ManageMembers => matches!(role, Role::Owner | Role::Admin),
                Action::SubmitResponses => {
                    matches!(role, Role::Owner | Role::Admin | Role::Agent)
                }
                Action::EditRequests => !matches!(role, Role::Viewer),
                Action::DecideRequests => matches!(role, Role::Owner | Role::Admin),
                Action::RecordChanges => matches!(role, Role::Owner | Role::Admin),
                Action::CoachAll => matches!(role, Role::Owner | Role::Admin | Role::Analyst),
                Action::CoachSelf => !matches!(role, Role::Viewer),
                Action::ReadCases => !matches!(role, Role::Viewer),
                Action::WorkCases => matches!(role, Role::Owner | Role::Admin | Role::Agent),
                Action::ManageCases => matches!(role, Role::Owner | Role::Admin),
                Action::ManageAlerts => matches!(role, Role::Owner | Role::Admin),
                Action::WorkInbox => matches!(role, Role::Owner | Role::Admin | Role::Agent),
                Action::Govern | Action::AnswerDataRequests => matches!(role, Role::Owner),
                Action::ManageSecurity => matches!(role, Role::Owner),
                Action::ManageContact => matches!(role, Role::Owner | Role::Admin),
            },
            Principal::Token { scope, .. } => match action {
                Action::Read
                | Action::ReadResponses
                | Action::CoachAll
                | Action::CoachSelf
                | Action::ReadCases => true,
                Action::EditJourneys
                | Action::EditOwnTouchpoint
                | Action::SubmitResponses
                | Action::EditRequests
                | Action::DecideRequests
                | Action::RecordChanges
                | Action::WorkCases
                | Action::ManageCases
                | Action::ManageAlerts
                | Action::WorkInbox
                | Action::ManageContact
                | Action::AnswerDataRequests => *scope == TokenScope::Write,
                // Tokens are for integrations; people are managed, and the business's data
                // governed and its sign-in secured, by people.
                Action::ManageMembers | Action::Govern | Action::ManageSecurity => false,
            },
        }
    }

    pub fn user_id(&self) -> Option<UserId> {
        match self {
            Principal::Member { user, .. } => Some(user.id),
            Principal::Token { .. } => None,
        }
    }

    /// The name written into revisions as the author of a change.
    pub fn display_name(&self) -> String {
        match self {
            Principal::Member { user, .. } => user.name.to_string(),
            Principal::Token { id, .. } => format!("API token {id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(role: Role) -> Principal {
        Principal::Member {
            user: User {
                id: UserId::new(),
                email: Email::parse("a@b.cd").unwrap_or_else(|_| unreachable!()),
                name: Name::parse("A").unwrap_or_else(|_| unreachable!()),
            },
            role,
        }
    }

    #[test]
    fn only_owners_and_admins_edit_journeys_and_manage_members() {
        for role in Role::ALL {
            let p = member(role);
            let editor = matches!(role, Role::Owner | Role::Admin);
            assert_eq!(p.may(Action::EditJourneys), editor, "{role:?}");
            assert_eq!(p.may(Action::ManageMembers), editor, "{role:?}");
            assert!(p.may(Action::Read));
        }
        assert!(member(Role::Agent).may(Action::EditOwnTouchpoint));
        assert!(!member(Role::Analyst).may(Action::EditOwnTouchpoint));
        assert!(!member(Role::Viewer).may(Action::EditOwnTouchpoint));
    }

    #[test]
    fn owners_admins_and_agents_submit_responses_but_analysts_and_viewers_only_read_them() {
        for role in Role::ALL {
            let collects = matches!(role, Role::Owner | Role::Admin | Role::Agent);
            assert_eq!(
                member(role).may(Action::SubmitResponses),
                collects,
                "{role:?}"
            );
        }
    }

    #[test]
    fn everyone_reads_the_figures_but_a_viewer_not_what_each_customer_wrote() {
        for role in Role::ALL {
            assert!(member(role).may(Action::Read));
            assert_eq!(
                member(role).may(Action::ReadResponses),
                role != Role::Viewer,
                "{role:?}"
            );
        }
        let read = Principal::Token {
            id: TokenId::new(),
            scope: TokenScope::Read,
        };
        assert!(read.may(Action::ReadResponses));
    }

    #[test]
    fn a_read_token_reads_and_a_write_token_edits_but_neither_manages_members() {
        let read = Principal::Token {
            id: TokenId::new(),
            scope: TokenScope::Read,
        };
        let write = Principal::Token {
            id: TokenId::new(),
            scope: TokenScope::Write,
        };
        assert!(read.may(Action::Read) && !read.may(Action::EditJourneys));
        assert!(write.may(Action::EditJourneys));
        assert!(!write.may(Action::ManageMembers));
        assert!(write.may(Action::SubmitResponses) && !read.may(Action::SubmitResponses));
    }
}
