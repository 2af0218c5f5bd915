//! The one SQL implementation of [`Store`](crate::Store), shared by the SQLite and PostgreSQL
//! backends.
//!
//! The SQL text is portable (`$1` placeholders, `ON CONFLICT … DO UPDATE`, `RETURNING`, BIGINT
//! microsecond times, ids bound as `uuid::Uuid`), so both stores run the very same queries.
//! This crate has no sqlx dependency, so the implementation is a macro that expands inside a
//! backend crate, where sqlx and the concrete database type are known:
//!
//! ```ignore
//! taith_store::impl_sql_store!(SqliteStore, sqlx::Sqlite, "sqlite");
//! ```
//!
//! The backend crate must depend on `sqlx` (with its driver and the `uuid` feature) and give
//! the store type these inherent methods (the backend-specific hooks):
//!
//! ```ignore
//! impl SqliteStore {
//!     /// The connection pool.
//!     fn pool(&self) -> &sqlx::Pool<DB>;
//!     /// Begins a transaction that will write. SQLite: `BEGIN IMMEDIATE` (takes the write lock
//!     /// up front, so `busy_timeout` applies instead of a deadlock-style SQLITE_BUSY later).
//!     async fn begin_write(&self) -> Result<sqlx::Transaction<'static, DB>, sqlx::Error>;
//!     /// Begins a read-only transaction that sees one consistent snapshot.
//!     async fn begin_read(&self) -> Result<sqlx::Transaction<'static, DB>, sqlx::Error>;
//!     /// Within a write transaction, serialises writers that check a workspace-wide rule
//!     /// (the last-owner rule). PostgreSQL: `SELECT … FOR UPDATE` on the workspace row; SQLite:
//!     /// nothing (`BEGIN IMMEDIATE` already serialises writers).
//!     async fn lock_workspace(conn: &mut DB::Connection, ws: uuid::Uuid)
//!         -> Result<(), sqlx::Error>;
//!     /// `Store::backup`.
//!     async fn backup_to(&self, path: &std::path::Path) -> taith_store::StoreResult<()>;
//! }
//! ```
//!
//! Decisions that hold on both backends:
//! - Deleting a persona clears `journeys.persona_id` in the same transaction (the composite
//!   foreign key cannot `SET NULL` one of its two columns portably). The journeys' versions do
//!   not change: losing the link is not an edit of the map.
//! - Removing a member clears the touchpoint owners that named them, in the same transaction,
//!   for the same reason; the composite foreign key to `members` then guarantees no touchpoint
//!   is ever owned by a non-member.
//! - Touchpoint `position` is the touchpoint's index in `Journey::touchpoints`, so ordering by
//!   it gives each stage's order and a journey reads back exactly as it was saved.
//! - A journey save that names a persona or a touchpoint owner not (any more) in the
//!   workspace, or a stage or touchpoint id of another journey, fails whole with `Internal`
//!   (the callers check owners and personas first; this is the last line, held by foreign keys
//!   and the guarded upserts).
//! - Errors: unique violations become the `Conflict` kind of the statement that hit them; a
//!   foreign-key violation on `workspace_id` when creating a persona or token is `NotFound`
//!   (no such workspace); every other database error is `Internal`, never `NotFound`.

use crate::{StoreError, StoreResult};
use time::OffsetDateTime;

#[doc(hidden)]
pub mod __private {
    pub use async_trait::async_trait;
    pub use serde_json;
    pub use taith_domain;
    pub use time;
    pub use uuid;
}

/// The largest page the SQL asks for: `PageRequest::all()` has `u32::MAX`, which is fine as
/// an i64 `LIMIT`; one more row than the page tells whether there is a next page.
#[doc(hidden)]
pub fn sql_limit(limit: u32) -> i64 {
    i64::from(limit.max(1)) + 1
}

/// A time as stored: unix microseconds, UTC.
#[doc(hidden)]
pub fn to_micros(t: OffsetDateTime) -> i64 {
    let micros = t.unix_timestamp_nanos() / 1_000;
    i64::try_from(micros).unwrap_or(if micros < 0 { i64::MIN } else { i64::MAX })
}

/// A stored time back: unix microseconds, UTC.
#[doc(hidden)]
pub fn from_micros(micros: i64) -> StoreResult<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros) * 1_000)
        .map_err(|e| StoreError::Internal(format!("stored time {micros} out of range: {e}")))
}

/// A time truncated to what the stores keep (microseconds).
#[doc(hidden)]
pub fn truncate(t: OffsetDateTime) -> OffsetDateTime {
    from_micros(to_micros(t)).unwrap_or(t)
}

/// A stored value that does not parse as its domain type: a fault of ours.
#[doc(hidden)]
pub fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Internal(format!("corrupt stored {what}: {value:?}"))
}

/// The shared SQL implementation of `taith_store::Store`; see the [module](crate::sql_impl)
/// documentation for the hooks the store type must provide.
#[macro_export]
macro_rules! impl_sql_store {
    ($store:ty, $db:ty, $backend:literal) => {
        const _: () = {
            use ::sqlx::Row as _;
            use $crate::__private::taith_domain as d;
            use $crate::__private::time::OffsetDateTime;
            use $crate::__private::uuid::Uuid;
            use $crate::sql_impl::{corrupt, from_micros, sql_limit, to_micros, truncate};
            use $crate::{
                ApiToken, Author, ConflictKind, NewUser, Page, PageRequest,
                RevisionWithSnapshot, Session, Store, StoreError, StoreResult, UserCredentials,
            };

            type Conn = <$db as ::sqlx::Database>::Connection;
            type DbRow = <$db as ::sqlx::Database>::Row;

            fn db(e: ::sqlx::Error) -> StoreError {
                StoreError::Internal(e.to_string())
            }

            /// Maps a unique violation to `Conflict(kind)`, anything else to `Internal`.
            fn unique_is(kind: ConflictKind) -> impl Fn(::sqlx::Error) -> StoreError {
                move |e| match &e {
                    ::sqlx::Error::Database(de) if de.is_unique_violation() => {
                        StoreError::Conflict(kind)
                    }
                    _ => db(e),
                }
            }

            /// Errors while writing a journey: a foreign key that fails means a persona or an
            /// owner that is not (any more) in the workspace, or a stage of another journey.
            fn journey_write(e: ::sqlx::Error) -> StoreError {
                match &e {
                    ::sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
                        StoreError::Conflict(ConflictKind::StaleReference)
                    }
                    _ => db(e),
                }
            }

            fn get<'r, T>(row: &'r DbRow, col: &str) -> StoreResult<T>
            where
                T: ::sqlx::Decode<'r, $db> + ::sqlx::Type<$db>,
            {
                row.try_get(col).map_err(db)
            }

            fn time(row: &DbRow, col: &str) -> StoreResult<OffsetDateTime> {
                from_micros(get::<i64>(row, col)?)
            }

            fn name(row: &DbRow, col: &str) -> StoreResult<d::Name> {
                let s: String = get(row, col)?;
                d::Name::parse(&s).map_err(|_| corrupt(col, &s))
            }

            fn long_text(row: &DbRow, col: &str) -> StoreResult<d::LongText> {
                let s: String = get(row, col)?;
                d::LongText::parse(&s).map_err(|_| corrupt(col, &s))
            }

            fn parse_col<T: ::std::str::FromStr>(row: &DbRow, col: &str) -> StoreResult<T> {
                let s: String = get(row, col)?;
                s.parse::<T>().map_err(|_| corrupt(col, &s))
            }

            fn user_row(row: &DbRow) -> StoreResult<d::User> {
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

            fn persona_row(row: &DbRow) -> StoreResult<d::Persona> {
                Ok(d::Persona {
                    id: d::PersonaId(get(row, "id")?),
                    fields: d::PersonaFields {
                        name: name(row, "name")?,
                        description: long_text(row, "description")?,
                        needs: long_text(row, "needs")?,
                        goals: long_text(row, "goals")?,
                        behaviours: long_text(row, "behaviours")?,
                        pains: long_text(row, "pains")?,
                        demographics: long_text(row, "demographics")?,
                    },
                    created_at: time(row, "created_at")?,
                    updated_at: time(row, "updated_at")?,
                })
            }

            fn token_row(row: &DbRow) -> StoreResult<ApiToken> {
                Ok(ApiToken {
                    id: d::TokenId(get(row, "id")?),
                    workspace_id: d::WorkspaceId(get(row, "workspace_id")?),
                    name: name(row, "name")?,
                    scope: parse_col::<d::TokenScope>(row, "scope")?,
                    created_at: time(row, "created_at")?,
                })
            }

            fn revision_row(row: &DbRow) -> StoreResult<d::Revision> {
                let changes: String = get(row, "changes")?;
                Ok(d::Revision {
                    version: get(row, "version")?,
                    author: get(row, "author")?,
                    author_id: get::<Option<Uuid>>(row, "author_id")?.map(d::UserId),
                    changes: $crate::__private::serde_json::from_str(&changes)
                        .map_err(|_| corrupt("revision changes", &changes))?,
                    created_at: time(row, "created_at")?,
                })
            }

            /// Items and the next cursor from up to `limit + 1` rows.
            fn page<T, C: Copy>(
                mut items: Vec<T>,
                limit: u32,
                id: impl Fn(&T) -> C,
            ) -> Page<T, C> {
                let limit = usize::try_from(limit.max(1)).unwrap_or(usize::MAX);
                let next = if items.len() > limit {
                    items.truncate(limit);
                    items.last().map(&id)
                } else {
                    None
                };
                Page { items, next }
            }

            // --- shared steps -----------------------------------------------------------------

            async fn user_by_email(
                conn: &mut Conn,
                email: &d::Email,
            ) -> StoreResult<Option<d::User>> {
                // Served by the unique index on users(email).
                let row = ::sqlx::query("SELECT id, email, name FROM users WHERE email = $1")
                    .bind(email.as_str())
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(db)?;
                row.as_ref().map(user_row).transpose()
            }

            /// The user with that e-mail, or a new one.
            async fn find_or_create_user(
                conn: &mut Conn,
                new: &NewUser,
            ) -> StoreResult<d::User> {
                if let Some(user) = user_by_email(conn, &new.email).await? {
                    return Ok(user);
                }
                let user = d::User {
                    id: d::UserId::new(),
                    email: new.email.clone(),
                    name: new.name.clone(),
                };
                ::sqlx::query(
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

            async fn insert_member(
                conn: &mut Conn,
                ws: Uuid,
                user: Uuid,
                role: d::Role,
            ) -> StoreResult<()> {
                ::sqlx::query(
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
                let row = ::sqlx::query(
                    "SELECT role FROM members WHERE workspace_id = $1 AND user_id = $2",
                )
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
                let owners: i64 = ::sqlx::query(
                    "SELECT COUNT(*) AS n FROM members WHERE workspace_id = $1 AND role = $2",
                )
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

            async fn journey_exists(conn: &mut Conn, ws: Uuid, id: Uuid) -> StoreResult<bool> {
                Ok(::sqlx::query("SELECT id FROM journeys WHERE workspace_id = $1 AND id = $2")
                    .bind(ws)
                    .bind(id)
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(db)?
                    .is_some())
            }

            /// The whole journey aggregate, read on one connection (in a read transaction, so
            /// the three reads see one snapshot).
            async fn load_journey(conn: &mut Conn, ws: Uuid, id: Uuid) -> StoreResult<d::Journey> {
                let row = ::sqlx::query(
                    "SELECT id, name, description, persona_id, version, created_at, updated_at \
                     FROM journeys WHERE workspace_id = $1 AND id = $2",
                )
                .bind(ws)
                .bind(id)
                .fetch_optional(&mut *conn)
                .await
                .map_err(db)?
                .ok_or(StoreError::NotFound)?;
                let mut journey = d::Journey {
                    id: d::JourneyId(get(&row, "id")?),
                    fields: d::JourneyFields {
                        name: name(&row, "name")?,
                        description: long_text(&row, "description")?,
                        persona_id: get::<Option<Uuid>>(&row, "persona_id")?.map(d::PersonaId),
                    },
                    version: get(&row, "version")?,
                    stages: Vec::new(),
                    touchpoints: Vec::new(),
                    created_at: time(&row, "created_at")?,
                    updated_at: time(&row, "updated_at")?,
                };
                // Served by the unique index stages(workspace_id, journey_id, id).
                let stages = ::sqlx::query(
                    "SELECT id, name, actions, thoughts, emotions, emotion, pain_points, \
                     opportunities FROM stages WHERE workspace_id = $1 AND journey_id = $2 \
                     ORDER BY position, id",
                )
                .bind(ws)
                .bind(id)
                .fetch_all(&mut *conn)
                .await
                .map_err(db)?;
                for row in &stages {
                    let emotion = match get::<Option<i64>>(row, "emotion")? {
                        None => None,
                        Some(v) => Some(
                            i8::try_from(v)
                                .ok()
                                .and_then(|v| d::EmotionScore::new(v).ok())
                                .ok_or_else(|| corrupt("emotion", &v.to_string()))?,
                        ),
                    };
                    journey.stages.push(d::Stage {
                        id: d::StageId(get(row, "id")?),
                        fields: d::StageFields {
                            name: name(row, "name")?,
                            actions: long_text(row, "actions")?,
                            thoughts: long_text(row, "thoughts")?,
                            emotions: long_text(row, "emotions")?,
                            emotion,
                            pain_points: long_text(row, "pain_points")?,
                            opportunities: long_text(row, "opportunities")?,
                        },
                    });
                }
                // Served by the index touchpoints(workspace_id, journey_id, stage_id).
                let touchpoints = ::sqlx::query(
                    "SELECT id, stage_id, name, channel, owner_member_id, owner_team, \
                     description, moment_of_truth FROM touchpoints \
                     WHERE workspace_id = $1 AND journey_id = $2 ORDER BY position, id",
                )
                .bind(ws)
                .bind(id)
                .fetch_all(&mut *conn)
                .await
                .map_err(db)?;
                for row in &touchpoints {
                    let owner = match (
                        get::<Option<Uuid>>(row, "owner_member_id")?,
                        get::<Option<String>>(row, "owner_team")?,
                    ) {
                        (Some(user), _) => Some(d::Owner::Member {
                            user_id: d::UserId(user),
                        }),
                        (None, Some(team)) => Some(d::Owner::Team {
                            name: d::Name::parse(&team)
                                .map_err(|_| corrupt("owner_team", &team))?,
                        }),
                        (None, None) => None,
                    };
                    journey.touchpoints.push(d::Touchpoint {
                        id: d::TouchpointId(get(row, "id")?),
                        stage_id: d::StageId(get(row, "stage_id")?),
                        fields: d::TouchpointFields {
                            name: name(row, "name")?,
                            channel: parse_col::<d::Channel>(row, "channel")?,
                            owner,
                            description: long_text(row, "description")?,
                            moment_of_truth: get(row, "moment_of_truth")?,
                        },
                    });
                }
                Ok(journey)
            }

            /// Writes the stages and touchpoints of `journey` (already in `journeys`): upserts
            /// what is there, keeping ids stable, and deletes what is gone (touchpoints
            /// first), all in the caller's transaction.
            async fn write_parts(
                conn: &mut Conn,
                ws: Uuid,
                journey: &d::Journey,
            ) -> StoreResult<()> {
                let jid = journey.id.as_uuid();
                let existing_stages: Vec<Uuid> = ::sqlx::query(
                    "SELECT id FROM stages WHERE workspace_id = $1 AND journey_id = $2",
                )
                .bind(ws)
                .bind(jid)
                .fetch_all(&mut *conn)
                .await
                .map_err(db)?
                .iter()
                .map(|row| get(row, "id"))
                .collect::<StoreResult<_>>()?;
                let existing_touchpoints: Vec<Uuid> = ::sqlx::query(
                    "SELECT id FROM touchpoints WHERE workspace_id = $1 AND journey_id = $2",
                )
                .bind(ws)
                .bind(jid)
                .fetch_all(&mut *conn)
                .await
                .map_err(db)?
                .iter()
                .map(|row| get(row, "id"))
                .collect::<StoreResult<_>>()?;

                for (position, stage) in journey.stages.iter().enumerate() {
                    let f = &stage.fields;
                    let done = ::sqlx::query(
                        "INSERT INTO stages (workspace_id, journey_id, id, position, name, \
                         actions, thoughts, emotions, emotion, pain_points, opportunities) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
                         ON CONFLICT (workspace_id, id) DO UPDATE SET \
                         position = excluded.position, name = excluded.name, \
                         actions = excluded.actions, thoughts = excluded.thoughts, \
                         emotions = excluded.emotions, emotion = excluded.emotion, \
                         pain_points = excluded.pain_points, \
                         opportunities = excluded.opportunities \
                         WHERE stages.journey_id = excluded.journey_id",
                    )
                    .bind(ws)
                    .bind(jid)
                    .bind(stage.id.as_uuid())
                    .bind(i64::try_from(position).unwrap_or(i64::MAX))
                    .bind(f.name.as_str())
                    .bind(f.actions.as_str())
                    .bind(f.thoughts.as_str())
                    .bind(f.emotions.as_str())
                    .bind(f.emotion.map(|e| i64::from(e.value())))
                    .bind(f.pain_points.as_str())
                    .bind(f.opportunities.as_str())
                    .execute(&mut *conn)
                    .await
                    .map_err(journey_write)?;
                    if done.rows_affected() != 1 {
                        return Err(StoreError::Internal(format!(
                            "stage {} belongs to another journey",
                            stage.id
                        )));
                    }
                }

                for (position, tp) in journey.touchpoints.iter().enumerate() {
                    let f = &tp.fields;
                    let (member, team) = match &f.owner {
                        None => (None, None),
                        Some(d::Owner::Member { user_id }) => (Some(user_id.as_uuid()), None),
                        Some(d::Owner::Team { name }) => (None, Some(name.as_str())),
                    };
                    let done = ::sqlx::query(
                        "INSERT INTO touchpoints (workspace_id, journey_id, id, stage_id, \
                         position, name, channel, owner_member_id, owner_team, description, \
                         moment_of_truth) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
                         ON CONFLICT (workspace_id, id) DO UPDATE SET \
                         stage_id = excluded.stage_id, position = excluded.position, \
                         name = excluded.name, channel = excluded.channel, \
                         owner_member_id = excluded.owner_member_id, \
                         owner_team = excluded.owner_team, \
                         description = excluded.description, \
                         moment_of_truth = excluded.moment_of_truth \
                         WHERE touchpoints.journey_id = excluded.journey_id",
                    )
                    .bind(ws)
                    .bind(jid)
                    .bind(tp.id.as_uuid())
                    .bind(tp.stage_id.as_uuid())
                    .bind(i64::try_from(position).unwrap_or(i64::MAX))
                    .bind(f.name.as_str())
                    .bind(f.channel.as_str())
                    .bind(member)
                    .bind(team)
                    .bind(f.description.as_str())
                    .bind(f.moment_of_truth)
                    .execute(&mut *conn)
                    .await
                    .map_err(journey_write)?;
                    if done.rows_affected() != 1 {
                        return Err(StoreError::Internal(format!(
                            "touchpoint {} belongs to another journey",
                            tp.id
                        )));
                    }
                }

                for gone in existing_touchpoints
                    .iter()
                    .filter(|id| journey.touchpoint(d::TouchpointId(**id)).is_none())
                {
                    ::sqlx::query("DELETE FROM touchpoints WHERE workspace_id = $1 AND id = $2")
                        .bind(ws)
                        .bind(*gone)
                        .execute(&mut *conn)
                        .await
                        .map_err(db)?;
                }
                for gone in existing_stages
                    .iter()
                    .filter(|id| journey.stage(d::StageId(**id)).is_none())
                {
                    ::sqlx::query("DELETE FROM stages WHERE workspace_id = $1 AND id = $2")
                        .bind(ws)
                        .bind(*gone)
                        .execute(&mut *conn)
                        .await
                        .map_err(db)?;
                }
                Ok(())
            }

            async fn insert_revision(
                conn: &mut Conn,
                ws: Uuid,
                journey: &d::Journey,
                author: &Author,
                changes: &[d::Change],
            ) -> StoreResult<()> {
                let changes = $crate::__private::serde_json::to_string(changes)
                    .map_err(|e| StoreError::Internal(e.to_string()))?;
                let snapshot = $crate::__private::serde_json::to_string(journey)
                    .map_err(|e| StoreError::Internal(e.to_string()))?;
                ::sqlx::query(
                    "INSERT INTO journey_revisions (workspace_id, journey_id, version, author, \
                     author_id, changes, snapshot, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(ws)
                .bind(journey.id.as_uuid())
                .bind(journey.version)
                .bind(author.name.as_str())
                .bind(author.user_id.map(|u| u.as_uuid()))
                .bind(changes)
                .bind(snapshot)
                .bind(to_micros(journey.updated_at))
                .execute(&mut *conn)
                .await
                .map_err(db)?;
                Ok(())
            }

            #[$crate::__private::async_trait]
            impl Store for $store {
                fn backend(&self) -> &'static str {
                    $backend
                }

                // --- workspaces and people ----------------------------------------------------

                async fn has_no_workspace(&self) -> StoreResult<bool> {
                    let any = ::sqlx::query("SELECT id FROM workspaces LIMIT 1")
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
                    ::sqlx::query(
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
                    let row = ::sqlx::query(
                        "SELECT id, slug, name, created_at FROM workspaces WHERE slug = $1",
                    )
                    .bind(slug.as_str())
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    workspace_row(&row)
                }

                async fn workspace(&self, id: d::WorkspaceId) -> StoreResult<d::Workspace> {
                    // Served by the primary key of workspaces.
                    let row = ::sqlx::query("SELECT id, slug, name, created_at FROM workspaces WHERE id = $1")
                        .bind(id.as_uuid())
                        .fetch_optional(self.pool())
                        .await
                        .map_err(db)?
                        .ok_or(StoreError::NotFound)?;
                    workspace_row(&row)
                }

                async fn memberships(
                    &self,
                    user: d::UserId,
                ) -> StoreResult<Vec<(d::Workspace, d::Role)>> {
                    // Served by the index members(user_id).
                    let rows = ::sqlx::query(
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
                    let row = ::sqlx::query(
                        "SELECT id, email, name, password_hash FROM users WHERE email = $1",
                    )
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
                    let row = ::sqlx::query("SELECT id, email, name FROM users WHERE id = $1")
                        .bind(id.as_uuid())
                        .fetch_optional(self.pool())
                        .await
                        .map_err(db)?
                        .ok_or(StoreError::NotFound)?;
                    user_row(&row)
                }

                async fn set_password(
                    &self,
                    user: d::UserId,
                    password_hash: &str,
                ) -> StoreResult<()> {
                    let done = ::sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
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
                    let exists = ::sqlx::query("SELECT id FROM workspaces WHERE id = $1")
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
                    let rows = ::sqlx::query(
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
                        (m.user.name.as_str().to_lowercase(), m.user.email.to_string())
                    });
                    Ok(out)
                }

                async fn member_role(
                    &self,
                    ws: d::WorkspaceId,
                    user: d::UserId,
                ) -> StoreResult<d::Role> {
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
                    <$store>::lock_workspace(&mut tx, ws.as_uuid()).await.map_err(db)?;
                    if role != d::Role::Owner {
                        keep_an_owner(&mut tx, ws.as_uuid(), user.as_uuid()).await?;
                    }
                    let done = ::sqlx::query(
                        "UPDATE members SET role = $1 WHERE workspace_id = $2 AND user_id = $3",
                    )
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

                async fn remove_member(
                    &self,
                    ws: d::WorkspaceId,
                    user: d::UserId,
                ) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(db)?;
                    <$store>::lock_workspace(&mut tx, ws.as_uuid()).await.map_err(db)?;
                    keep_an_owner(&mut tx, ws.as_uuid(), user.as_uuid()).await?;
                    // Served by the index touchpoints(workspace_id, owner_member_id).
                    ::sqlx::query(
                        "UPDATE touchpoints SET owner_member_id = NULL \
                         WHERE workspace_id = $1 AND owner_member_id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(user.as_uuid())
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    let done = ::sqlx::query(
                        "DELETE FROM members WHERE workspace_id = $1 AND user_id = $2",
                    )
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

                // --- sessions and tokens ------------------------------------------------------

                async fn create_session(&self, session: &Session) -> StoreResult<()> {
                    // Housekeeping: expired sessions go (served by the index
                    // sessions(expires_at)).
                    ::sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
                        .bind(to_micros(d::now()))
                        .execute(self.pool())
                        .await
                        .map_err(db)?;
                    ::sqlx::query(
                        "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) \
                         VALUES ($1, $2, $3, $4)",
                    )
                    .bind(session.token_hash.as_str())
                    .bind(session.user_id.as_uuid())
                    .bind(session.csrf_token.as_str())
                    .bind(to_micros(session.expires_at))
                    .execute(self.pool())
                    .await
                    .map_err(db)?;
                    Ok(())
                }

                async fn session(
                    &self,
                    token_hash: &str,
                    now: OffsetDateTime,
                ) -> StoreResult<Session> {
                    let row = ::sqlx::query(
                        "SELECT token_hash, user_id, csrf_token, expires_at FROM sessions \
                         WHERE token_hash = $1 AND expires_at > $2",
                    )
                    .bind(token_hash)
                    .bind(to_micros(now))
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    Ok(Session {
                        token_hash: get(&row, "token_hash")?,
                        user_id: d::UserId(get(&row, "user_id")?),
                        csrf_token: get(&row, "csrf_token")?,
                        expires_at: time(&row, "expires_at")?,
                    })
                }

                async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
                    // Signing out twice is fine: no NotFound.
                    ::sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                        .bind(token_hash)
                        .execute(self.pool())
                        .await
                        .map_err(db)?;
                    Ok(())
                }

                async fn create_api_token(
                    &self,
                    ws: d::WorkspaceId,
                    name: &d::Name,
                    scope: d::TokenScope,
                    token_hash: &str,
                ) -> StoreResult<ApiToken> {
                    let token = ApiToken {
                        id: d::TokenId::new(),
                        workspace_id: ws,
                        name: name.clone(),
                        scope,
                        created_at: d::now(),
                    };
                    ::sqlx::query(
                        "INSERT INTO api_tokens (workspace_id, id, token_hash, name, scope, \
                         created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(ws.as_uuid())
                    .bind(token.id.as_uuid())
                    .bind(token_hash)
                    .bind(token.name.as_str())
                    .bind(scope.as_str())
                    .bind(to_micros(token.created_at))
                    .execute(self.pool())
                    .await
                    .map_err(|e| match &e {
                        ::sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
                            StoreError::NotFound
                        }
                        _ => db(e),
                    })?;
                    Ok(token)
                }

                async fn api_token_by_hash(&self, token_hash: &str) -> StoreResult<ApiToken> {
                    // Served by the unique index on api_tokens(token_hash).
                    let row = ::sqlx::query(
                        "SELECT workspace_id, id, name, scope, created_at FROM api_tokens \
                         WHERE token_hash = $1",
                    )
                    .bind(token_hash)
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    token_row(&row)
                }

                async fn api_tokens(&self, ws: d::WorkspaceId) -> StoreResult<Vec<ApiToken>> {
                    // Served by the primary key api_tokens(workspace_id, id).
                    let rows = ::sqlx::query(
                        "SELECT workspace_id, id, name, scope, created_at FROM api_tokens \
                         WHERE workspace_id = $1 ORDER BY id",
                    )
                    .bind(ws.as_uuid())
                    .fetch_all(self.pool())
                    .await
                    .map_err(db)?;
                    rows.iter().map(token_row).collect()
                }

                async fn revoke_api_token(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::TokenId,
                ) -> StoreResult<()> {
                    let done = ::sqlx::query(
                        "DELETE FROM api_tokens WHERE workspace_id = $1 AND id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .execute(self.pool())
                    .await
                    .map_err(db)?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    Ok(())
                }

                // --- personas -----------------------------------------------------------------

                async fn personas(
                    &self,
                    ws: d::WorkspaceId,
                    page_req: PageRequest<d::PersonaId>,
                ) -> StoreResult<Page<d::Persona, d::PersonaId>> {
                    // Served by the primary key personas(workspace_id, id).
                    let rows = ::sqlx::query(
                        "SELECT id, name, description, needs, goals, behaviours, pains, \
                         demographics, created_at, updated_at FROM personas \
                         WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3",
                    )
                    .bind(ws.as_uuid())
                    .bind(page_req.after.map(|a| a.as_uuid()).unwrap_or(Uuid::nil()))
                    .bind(sql_limit(page_req.limit))
                    .fetch_all(self.pool())
                    .await
                    .map_err(db)?;
                    let items = rows.iter().map(persona_row).collect::<StoreResult<Vec<_>>>()?;
                    Ok(page(items, page_req.limit, |p| p.id))
                }

                async fn persona(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::PersonaId,
                ) -> StoreResult<d::Persona> {
                    let row = ::sqlx::query(
                        "SELECT id, name, description, needs, goals, behaviours, pains, \
                         demographics, created_at, updated_at FROM personas \
                         WHERE workspace_id = $1 AND id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    persona_row(&row)
                }

                async fn create_persona(
                    &self,
                    ws: d::WorkspaceId,
                    fields: &d::PersonaFields,
                ) -> StoreResult<d::Persona> {
                    let now = d::now();
                    let persona = d::Persona {
                        id: d::PersonaId::new(),
                        fields: fields.clone(),
                        created_at: now,
                        updated_at: now,
                    };
                    ::sqlx::query(
                        "INSERT INTO personas (workspace_id, id, name, description, needs, \
                         goals, behaviours, pains, demographics, created_at, updated_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                    )
                    .bind(ws.as_uuid())
                    .bind(persona.id.as_uuid())
                    .bind(fields.name.as_str())
                    .bind(fields.description.as_str())
                    .bind(fields.needs.as_str())
                    .bind(fields.goals.as_str())
                    .bind(fields.behaviours.as_str())
                    .bind(fields.pains.as_str())
                    .bind(fields.demographics.as_str())
                    .bind(to_micros(now))
                    .bind(to_micros(now))
                    .execute(self.pool())
                    .await
                    .map_err(|e| match &e {
                        ::sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
                            StoreError::NotFound
                        }
                        _ => db(e),
                    })?;
                    Ok(persona)
                }

                async fn update_persona(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::PersonaId,
                    fields: &d::PersonaFields,
                ) -> StoreResult<d::Persona> {
                    let now = d::now();
                    let row = ::sqlx::query(
                        "UPDATE personas SET name = $1, description = $2, needs = $3, \
                         goals = $4, behaviours = $5, pains = $6, demographics = $7, \
                         updated_at = $8 WHERE workspace_id = $9 AND id = $10 \
                         RETURNING created_at",
                    )
                    .bind(fields.name.as_str())
                    .bind(fields.description.as_str())
                    .bind(fields.needs.as_str())
                    .bind(fields.goals.as_str())
                    .bind(fields.behaviours.as_str())
                    .bind(fields.pains.as_str())
                    .bind(fields.demographics.as_str())
                    .bind(to_micros(now))
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    Ok(d::Persona {
                        id,
                        fields: fields.clone(),
                        created_at: time(&row, "created_at")?,
                        updated_at: now,
                    })
                }

                async fn delete_persona(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::PersonaId,
                ) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(db)?;
                    // Journeys keep their maps and lose the link (served by the index
                    // journeys(workspace_id, persona_id)).
                    ::sqlx::query(
                        "UPDATE journeys SET persona_id = NULL \
                         WHERE workspace_id = $1 AND persona_id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    let done = ::sqlx::query(
                        "DELETE FROM personas WHERE workspace_id = $1 AND id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    tx.commit().await.map_err(db)
                }

                // --- journeys -----------------------------------------------------------------

                async fn journeys(
                    &self,
                    ws: d::WorkspaceId,
                    page_req: PageRequest<d::JourneyId>,
                ) -> StoreResult<Page<d::JourneySummary, d::JourneyId>> {
                    // Served by the primary key journeys(workspace_id, id); the counts by the
                    // indexes stages(workspace_id, journey_id, id) and
                    // touchpoints(workspace_id, journey_id, stage_id).
                    let rows = ::sqlx::query(
                        "SELECT j.id, j.name, j.persona_id, j.version, j.updated_at, \
                         (SELECT COUNT(*) FROM stages s \
                          WHERE s.workspace_id = j.workspace_id AND s.journey_id = j.id) \
                          AS stage_count, \
                         (SELECT COUNT(*) FROM touchpoints t \
                          WHERE t.workspace_id = j.workspace_id AND t.journey_id = j.id) \
                          AS touchpoint_count \
                         FROM journeys j WHERE j.workspace_id = $1 AND j.id > $2 \
                         ORDER BY j.id LIMIT $3",
                    )
                    .bind(ws.as_uuid())
                    .bind(page_req.after.map(|a| a.as_uuid()).unwrap_or(Uuid::nil()))
                    .bind(sql_limit(page_req.limit))
                    .fetch_all(self.pool())
                    .await
                    .map_err(db)?;
                    let items = rows
                        .iter()
                        .map(|row| {
                            Ok(d::JourneySummary {
                                id: d::JourneyId(get(row, "id")?),
                                name: name(row, "name")?,
                                persona_id: get::<Option<Uuid>>(row, "persona_id")?
                                    .map(d::PersonaId),
                                version: get(row, "version")?,
                                stage_count: get(row, "stage_count")?,
                                touchpoint_count: get(row, "touchpoint_count")?,
                                updated_at: time(row, "updated_at")?,
                            })
                        })
                        .collect::<StoreResult<Vec<_>>>()?;
                    Ok(page(items, page_req.limit, |j| j.id))
                }

                async fn journey(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::JourneyId,
                ) -> StoreResult<d::Journey> {
                    let mut tx = self.begin_read().await.map_err(db)?;
                    let journey = load_journey(&mut tx, ws.as_uuid(), id.as_uuid()).await?;
                    tx.commit().await.map_err(db)?;
                    Ok(journey)
                }

                async fn create_journey(
                    &self,
                    ws: d::WorkspaceId,
                    journey: &d::Journey,
                    author: &Author,
                    changes: &[d::Change],
                ) -> StoreResult<d::Journey> {
                    let mut stored = journey.clone();
                    stored.version = 1;
                    stored.created_at = truncate(journey.created_at);
                    stored.updated_at = d::now();
                    let mut tx = self.begin_write().await.map_err(db)?;
                    ::sqlx::query(
                        "INSERT INTO journeys (workspace_id, id, name, description, persona_id, \
                         version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    )
                    .bind(ws.as_uuid())
                    .bind(stored.id.as_uuid())
                    .bind(stored.fields.name.as_str())
                    .bind(stored.fields.description.as_str())
                    .bind(stored.fields.persona_id.map(|p| p.as_uuid()))
                    .bind(stored.version)
                    .bind(to_micros(stored.created_at))
                    .bind(to_micros(stored.updated_at))
                    .execute(&mut *tx)
                    .await
                    .map_err(journey_write)?;
                    write_parts(&mut tx, ws.as_uuid(), &stored).await?;
                    insert_revision(&mut tx, ws.as_uuid(), &stored, author, changes).await?;
                    tx.commit().await.map_err(db)?;
                    Ok(stored)
                }

                async fn save_journey(
                    &self,
                    ws: d::WorkspaceId,
                    journey: &d::Journey,
                    author: &Author,
                    changes: &[d::Change],
                ) -> StoreResult<d::Journey> {
                    let mut saved = journey.clone();
                    saved.updated_at = d::now();
                    let mut tx = self.begin_write().await.map_err(db)?;
                    let row = ::sqlx::query(
                        "UPDATE journeys SET name = $1, description = $2, persona_id = $3, \
                         version = version + 1, updated_at = $4 \
                         WHERE workspace_id = $5 AND id = $6 AND version = $7 \
                         RETURNING version, created_at",
                    )
                    .bind(saved.fields.name.as_str())
                    .bind(saved.fields.description.as_str())
                    .bind(saved.fields.persona_id.map(|p| p.as_uuid()))
                    .bind(to_micros(saved.updated_at))
                    .bind(ws.as_uuid())
                    .bind(saved.id.as_uuid())
                    .bind(journey.version)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(journey_write)?;
                    let Some(row) = row else {
                        let exists =
                            journey_exists(&mut tx, ws.as_uuid(), journey.id.as_uuid()).await?;
                        return Err(if exists {
                            StoreError::Conflict(ConflictKind::StaleVersion)
                        } else {
                            StoreError::NotFound
                        });
                    };
                    saved.version = get(&row, "version")?;
                    saved.created_at = time(&row, "created_at")?;
                    write_parts(&mut tx, ws.as_uuid(), &saved).await?;
                    insert_revision(&mut tx, ws.as_uuid(), &saved, author, changes).await?;
                    tx.commit().await.map_err(db)?;
                    Ok(saved)
                }

                async fn delete_journey(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::JourneyId,
                ) -> StoreResult<()> {
                    // Stages, touchpoints and revisions go with it (ON DELETE CASCADE).
                    let done = ::sqlx::query(
                        "DELETE FROM journeys WHERE workspace_id = $1 AND id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .execute(self.pool())
                    .await
                    .map_err(db)?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    Ok(())
                }

                async fn revisions(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::JourneyId,
                ) -> StoreResult<Vec<d::Revision>> {
                    // Served by the primary key journey_revisions(workspace_id, journey_id,
                    // version).
                    let rows = ::sqlx::query(
                        "SELECT version, author, author_id, changes, created_at \
                         FROM journey_revisions WHERE workspace_id = $1 AND journey_id = $2 \
                         ORDER BY version DESC",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .fetch_all(self.pool())
                    .await
                    .map_err(db)?;
                    if rows.is_empty() {
                        // Every journey has a first revision: none means no such journey.
                        return Err(StoreError::NotFound);
                    }
                    rows.iter().map(revision_row).collect()
                }

                async fn revision(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::JourneyId,
                    version: i64,
                ) -> StoreResult<RevisionWithSnapshot> {
                    let row = ::sqlx::query(
                        "SELECT version, author, author_id, changes, snapshot, created_at \
                         FROM journey_revisions \
                         WHERE workspace_id = $1 AND journey_id = $2 AND version = $3",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .bind(version)
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    let snapshot: String = get(&row, "snapshot")?;
                    Ok(RevisionWithSnapshot {
                        revision: revision_row(&row)?,
                        journey: $crate::__private::serde_json::from_str(&snapshot)
                            .map_err(|_| corrupt("revision snapshot", "…"))?,
                    })
                }

                // --- operations ---------------------------------------------------------------

                async fn backup(&self, path: &::std::path::Path) -> StoreResult<()> {
                    self.backup_to(path).await
                }
            }
        };
    };
}
