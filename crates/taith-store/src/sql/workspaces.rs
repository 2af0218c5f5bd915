//! Workspaces, users and members ([`WorkspaceStore`]).
//!
//! - A workspace is created with its first owner in one transaction; an owner (or a new
//!   member) whose e-mail a user already has is that user.
//! - The last-owner rule is checked under the workspace lock ([`Backend::lock_workspace`]), so
//!   two owners demoting each other at once cannot both succeed.
//! - Removing a member clears the touchpoint owners that named them, in the same transaction
//!   (the composite foreign key cannot `SET NULL` one of its two columns portably); the
//!   composite foreign key to `members` then guarantees no touchpoint is ever owned by a
//!   non-member.
//! - Lists of members and memberships are sorted in Rust, not SQL: collations differ between
//!   the backends.
//!
//! [`Backend::lock_workspace`]: super::Backend::lock_workspace

use super::{
    Backend as _, Conn, DbRow, This, corrupt, db, get, name, parse_col, time, to_micros, unique_is,
};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{
    ConflictKind, NewUser, StoreError, StoreResult, UserCredentials, WorkspaceStore,
};
use uuid::Uuid;

pub(super) fn user_row(row: &DbRow) -> StoreResult<d::User> {
    let email: String = get(row, "email")?;
    Ok(d::User {
        id: d::UserId(get(row, "id")?),
        email: d::Email::parse(&email).map_err(|_| corrupt("email", &email))?,
        name: name(row, "name")?,
    })
}

fn workspace_row(row: &DbRow) -> StoreResult<d::Workspace> {
    let slug: String = get(row, "slug")?;
    Ok(d::Workspace {
        id: d::WorkspaceId(get(row, "id")?),
        slug: d::Slug::parse(&slug).map_err(|_| corrupt("slug", &slug))?,
        name: name(row, "name")?,
        created_at: time(row, "created_at")?,
    })
}

async fn user_by_email(conn: &mut Conn, email: &d::Email) -> StoreResult<Option<d::User>> {
    // Served by the unique index on users(email).
    let row = sqlx::query("SELECT id, email, name FROM users WHERE email = $1")
        .bind(email.as_str())
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
    row.as_ref().map(user_row).transpose()
}

/// The user with that e-mail, or a new one.
async fn find_or_create_user(conn: &mut Conn, new: &NewUser) -> StoreResult<d::User> {
    if let Some(user) = user_by_email(conn, &new.email).await? {
        return Ok(user);
    }
    let user = d::User {
        id: d::UserId::new(),
        email: new.email.clone(),
        name: new.name.clone(),
    };
    sqlx::query(
        "INSERT INTO users (id, email, name, password_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(user.id.as_uuid())
    .bind(user.email.as_str())
    .bind(user.name.as_str())
    .bind(new.password_hash.as_str())
    .bind(to_micros(d::now()))
    .execute(&mut *conn)
    .await
    .map_err(unique_is(ConflictKind::EmailTaken))?;
    Ok(user)
}

async fn insert_member(conn: &mut Conn, ws: Uuid, user: Uuid, role: d::Role) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO members (workspace_id, user_id, role, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(ws)
    .bind(user)
    .bind(role.as_str())
    .bind(to_micros(d::now()))
    .execute(&mut *conn)
    .await
    .map_err(unique_is(ConflictKind::EmailTaken))?;
    Ok(())
}

/// A member's role, read within the transaction that is about to change it.
async fn role_of(conn: &mut Conn, ws: Uuid, user: Uuid) -> StoreResult<d::Role> {
    let row = sqlx::query("SELECT role FROM members WHERE workspace_id = $1 AND user_id = $2")
        .bind(ws)
        .bind(user)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
    parse_col::<d::Role>(&row, "role")
}

/// Refuses to take away the owner role of `user` if they are the only owner.
/// Call after `lock_workspace`, within the write transaction.
async fn keep_an_owner(conn: &mut Conn, ws: Uuid, user: Uuid) -> StoreResult<()> {
    if role_of(conn, ws, user).await? != d::Role::Owner {
        return Ok(());
    }
    // Scans the workspace's members through the primary key (workspace_id, …).
    let owners: i64 =
        sqlx::query("SELECT COUNT(*) AS n FROM members WHERE workspace_id = $1 AND role = $2")
            .bind(ws)
            .bind(d::Role::Owner.as_str())
            .fetch_one(&mut *conn)
            .await
            .map_err(db)
            .and_then(|row| get(&row, "n"))?;
    if owners <= 1 {
        return Err(StoreError::Conflict(ConflictKind::LastOwner));
    }
    Ok(())
}

#[async_trait]
impl WorkspaceStore for This {
    async fn has_no_workspace(&self) -> StoreResult<bool> {
        let any = sqlx::query("SELECT id FROM workspaces LIMIT 1")
            .fetch_optional(self.pool())
            .await
            .map_err(db)?;
        Ok(any.is_none())
    }

    async fn create_workspace(
        &self,
        slug: &d::Slug,
        name: &d::Name,
        owner: NewUser,
    ) -> StoreResult<(d::Workspace, d::User)> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let workspace = d::Workspace {
            id: d::WorkspaceId::new(),
            slug: slug.clone(),
            name: name.clone(),
            created_at: d::now(),
        };
        sqlx::query(
            "INSERT INTO workspaces (id, slug, name, created_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(workspace.id.as_uuid())
        .bind(workspace.slug.as_str())
        .bind(workspace.name.as_str())
        .bind(to_micros(workspace.created_at))
        .execute(&mut *tx)
        .await
        .map_err(unique_is(ConflictKind::SlugTaken))?;
        let user = find_or_create_user(&mut tx, &owner).await?;
        let (ws_id, owner_id) = (workspace.id.as_uuid(), user.id.as_uuid());
        insert_member(&mut tx, ws_id, owner_id, d::Role::Owner).await?;
        tx.commit().await.map_err(db)?;
        Ok((workspace, user))
    }

    async fn workspace_by_slug(&self, slug: &d::Slug) -> StoreResult<d::Workspace> {
        // Served by the unique index on workspaces(slug).
        let row = sqlx::query("SELECT id, slug, name, created_at FROM workspaces WHERE slug = $1")
            .bind(slug.as_str())
            .fetch_optional(self.pool())
            .await
            .map_err(db)?
            .ok_or(StoreError::NotFound)?;
        workspace_row(&row)
    }

    async fn all_workspaces(&self) -> StoreResult<Vec<d::Workspace>> {
        let rows = sqlx::query(
            "SELECT id, slug, name, created_at FROM workspaces ORDER BY created_at, id",
        )
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(workspace_row).collect()
    }

    async fn workspace(&self, id: d::WorkspaceId) -> StoreResult<d::Workspace> {
        // Served by the primary key of workspaces.
        let row = sqlx::query("SELECT id, slug, name, created_at FROM workspaces WHERE id = $1")
            .bind(id.as_uuid())
            .fetch_optional(self.pool())
            .await
            .map_err(db)?
            .ok_or(StoreError::NotFound)?;
        workspace_row(&row)
    }

    async fn memberships(&self, user: d::UserId) -> StoreResult<Vec<(d::Workspace, d::Role)>> {
        // Served by the index members(user_id).
        let rows = sqlx::query(
            "SELECT w.id, w.slug, w.name, w.created_at, m.role \
             FROM members m JOIN workspaces w ON w.id = m.workspace_id \
             WHERE m.user_id = $1",
        )
        .bind(user.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let mut out = rows
            .iter()
            .map(|row| Ok((workspace_row(row)?, parse_col::<d::Role>(row, "role")?)))
            .collect::<StoreResult<Vec<_>>>()?;
        // Sorted here, not in SQL: collations differ between the backends.
        out.sort_by(|a, b| a.0.slug.as_str().cmp(b.0.slug.as_str()));
        Ok(out)
    }

    async fn user_credentials(&self, email: &d::Email) -> StoreResult<UserCredentials> {
        // Served by the unique index on users(email).
        let row = sqlx::query("SELECT id, email, name, password_hash FROM users WHERE email = $1")
            .bind(email.as_str())
            .fetch_optional(self.pool())
            .await
            .map_err(db)?
            .ok_or(StoreError::NotFound)?;
        Ok(UserCredentials {
            user: user_row(&row)?,
            password_hash: get(&row, "password_hash")?,
        })
    }

    async fn user(&self, id: d::UserId) -> StoreResult<d::User> {
        let row = sqlx::query("SELECT id, email, name FROM users WHERE id = $1")
            .bind(id.as_uuid())
            .fetch_optional(self.pool())
            .await
            .map_err(db)?
            .ok_or(StoreError::NotFound)?;
        user_row(&row)
    }

    async fn set_password(&self, user: d::UserId, password_hash: &str) -> StoreResult<()> {
        let done = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(user.as_uuid())
            .execute(self.pool())
            .await
            .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn add_member(
        &self,
        ws: d::WorkspaceId,
        user: NewUser,
        role: d::Role,
    ) -> StoreResult<d::Member> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let exists = sqlx::query("SELECT id FROM workspaces WHERE id = $1")
            .bind(ws.as_uuid())
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
        if exists.is_none() {
            return Err(StoreError::NotFound);
        }
        let user = find_or_create_user(&mut tx, &user).await?;
        insert_member(&mut tx, ws.as_uuid(), user.id.as_uuid(), role).await?;
        tx.commit().await.map_err(db)?;
        Ok(d::Member { user, role })
    }

    async fn members(&self, ws: d::WorkspaceId) -> StoreResult<Vec<d::Member>> {
        // Served by the primary key members(workspace_id, user_id).
        let rows = sqlx::query(
            "SELECT u.id, u.email, u.name, m.role \
             FROM members m JOIN users u ON u.id = m.user_id \
             WHERE m.workspace_id = $1",
        )
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let mut out = rows
            .iter()
            .map(|row| {
                Ok(d::Member {
                    user: user_row(row)?,
                    role: parse_col::<d::Role>(row, "role")?,
                })
            })
            .collect::<StoreResult<Vec<_>>>()?;
        // Sorted here, not in SQL: collations differ between the backends.
        out.sort_by_cached_key(|m| {
            (
                m.user.name.as_str().to_lowercase(),
                m.user.email.to_string(),
            )
        });
        Ok(out)
    }

    async fn member_role(&self, ws: d::WorkspaceId, user: d::UserId) -> StoreResult<d::Role> {
        let mut conn = self.pool().acquire().await.map_err(db)?;
        role_of(&mut conn, ws.as_uuid(), user.as_uuid()).await
    }

    async fn set_member_role(
        &self,
        ws: d::WorkspaceId,
        user: d::UserId,
        role: d::Role,
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        This::lock_workspace(&mut tx, ws.as_uuid())
            .await
            .map_err(db)?;
        if role != d::Role::Owner {
            keep_an_owner(&mut tx, ws.as_uuid(), user.as_uuid()).await?;
        }
        let done =
            sqlx::query("UPDATE members SET role = $1 WHERE workspace_id = $2 AND user_id = $3")
                .bind(role.as_str())
                .bind(ws.as_uuid())
                .bind(user.as_uuid())
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await.map_err(db)
    }

    async fn remove_member(&self, ws: d::WorkspaceId, user: d::UserId) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        This::lock_workspace(&mut tx, ws.as_uuid())
            .await
            .map_err(db)?;
        keep_an_owner(&mut tx, ws.as_uuid(), user.as_uuid()).await?;
        // Served by the index touchpoints(workspace_id, owner_member_id).
        sqlx::query(
            "UPDATE touchpoints SET owner_member_id = NULL \
             WHERE workspace_id = $1 AND owner_member_id = $2",
        )
        .bind(ws.as_uuid())
        .bind(user.as_uuid())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        let done = sqlx::query("DELETE FROM members WHERE workspace_id = $1 AND user_id = $2")
            .bind(ws.as_uuid())
            .bind(user.as_uuid())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await.map_err(db)
    }
}
