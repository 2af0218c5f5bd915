//! The store behaviour suite: every behaviour runs on SQLite, and on PostgreSQL when
//! `TAITH_TEST_POSTGRES_URL` is set (e.g. `postgres://postgres@127.0.0.1:5432/test`); each test
//! gets a fresh database. Test names end in `_on_sqlite` / `_on_postgres`.

use std::time::Duration;
use taith::database::{DatabaseUrl, open_store};
use taith_domain::{
    Change, Channel, Email, Journey, JourneyFields, LongText, Name, Owner, PersonaFields, Role,
    Slug, StageFields, StageModel, TokenScope, TouchpointFields, User, UserId, Workspace,
    WorkspaceId,
};
use taith_store::{Author, ConflictKind, NewUser, PageRequest, Session, SharedStore, StoreError};

// --- running each behaviour on each store -------------------------------------------------------

macro_rules! on_both_stores {
    ($($behaviour:ident),* $(,)?) => {
        pastey::paste! {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_sqlite>]() {
                    let (store, dir) = crate::helpers::fresh_sqlite().await;
                    $behaviour(store).await;
                    let _ = std::fs::remove_dir_all(dir);
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_postgres>]() {
                    let Some((store, db)) = crate::helpers::fresh_postgres().await else {
                        return;
                    };
                    $behaviour(store).await;
                    db.drop_database().await;
                }
            )*
        }
    };
}

on_both_stores!(
    creating_a_workspace_makes_its_creator_its_owner,
    a_taken_slug_is_a_conflict_and_leaves_nothing_behind,
    an_existing_user_joins_by_email_and_a_member_cannot_join_twice,
    members_can_be_added_given_another_role_and_removed,
    the_last_owner_can_be_neither_demoted_nor_removed,
    sessions_are_found_by_hash_until_they_expire,
    api_tokens_are_found_by_hash_listed_and_revoked,
    personas_are_created_read_updated_and_deleted,
    deleting_a_persona_keeps_its_journeys_without_the_link,
    a_new_journey_is_version_one_with_its_first_revision,
    saving_a_journey_bumps_its_version_and_keeps_stage_and_touchpoint_ids,
    stages_and_touchpoints_keep_the_order_they_were_saved_in,
    removing_a_stage_removes_its_touchpoints,
    saving_from_a_stale_version_is_a_conflict_and_changes_nothing,
    two_editors_saving_the_same_version_at_once_cannot_both_win,
    a_save_with_an_owner_who_is_not_a_member_fails_and_changes_nothing,
    a_journey_cannot_take_over_the_stages_or_touchpoints_of_another,
    removing_a_member_clears_the_touchpoints_they_owned,
    deleting_a_journey_deletes_its_stages_touchpoints_and_revisions,
    nothing_of_one_workspace_is_reachable_through_another,
    lists_are_paged_by_cursor,
    a_backup_taken_while_writing_opens_and_has_the_rows,
);

// --- small builders -----------------------------------------------------------------------------

fn name(s: &str) -> Name {
    Name::parse(s).expect("a valid name")
}

fn text(s: &str) -> LongText {
    LongText::parse(s).expect("valid text")
}

fn slug(s: &str) -> Slug {
    Slug::parse(s).expect("a valid slug")
}

fn email(s: &str) -> Email {
    Email::parse(s).expect("a valid e-mail address")
}

fn new_user(address: &str, who: &str) -> NewUser {
    NewUser {
        email: email(address),
        name: name(who),
        password_hash: format!("$argon2id$v=19$fake-hash-of-{who}"),
    }
}

/// A workspace `slug` owned by a new user `owner@<slug>.test`.
async fn workspace(store: &SharedStore, s: &str) -> (Workspace, User) {
    store
        .create_workspace(
            &slug(s),
            &name(&format!("Workspace {s}")),
            new_user(&format!("owner@{s}.test"), &format!("Owner of {s}")),
        )
        .await
        .expect("create a workspace")
}

fn author(user: &User) -> Author {
    Author {
        user_id: Some(user.id),
        name: user.name.to_string(),
    }
}

fn persona_fields(n: &str) -> PersonaFields {
    PersonaFields {
        name: name(n),
        description: text("Buys bread on the way to work"),
        needs: text("Fresh loaf\nQuick service"),
        goals: text("Be on time"),
        behaviours: text("Pays by phone"),
        pains: text("Queues"),
        demographics: text("25–40, Caerdydd"),
    }
}

fn draft_journey(n: &str) -> Journey {
    Journey::new(
        JourneyFields {
            name: name(n),
            description: text("From first sight to telling friends"),
            persona_id: None,
        },
        StageModel::FiveStage,
        name,
        taith_domain::now(),
    )
}

fn touchpoint(n: &str, channel: Channel) -> TouchpointFields {
    TouchpointFields {
        name: name(n),
        channel,
        owner: None,
        description: text(""),
        moment_of_truth: false,
    }
}

/// A stored journey with five stages and one touchpoint in the first.
async fn stored_journey(store: &SharedStore, ws: &Workspace, owner: &User) -> Journey {
    let mut j = draft_journey("Buying bread");
    let first = j.stages[0].id;
    j.add_touchpoint(first, touchpoint("Instagram post", Channel::Social))
        .expect("add a touchpoint");
    store
        .create_journey(ws.id, &j, &author(owner), &[Change::Created])
        .await
        .expect("create a journey")
}

fn is_not_found<T: std::fmt::Debug>(r: Result<T, StoreError>) -> bool {
    matches!(r, Err(StoreError::NotFound))
}

fn conflict<T: std::fmt::Debug>(r: Result<T, StoreError>) -> Option<ConflictKind> {
    match r {
        Err(StoreError::Conflict(kind)) => Some(kind),
        _ => None,
    }
}

// --- workspaces and people ----------------------------------------------------------------------

async fn creating_a_workspace_makes_its_creator_its_owner(store: SharedStore) {
    assert!(store.has_no_workspace().await.expect("ask"));
    let (ws, owner) = workspace(&store, "bakery").await;
    assert!(!store.has_no_workspace().await.expect("ask"));

    assert_eq!(
        store
            .workspace_by_slug(&slug("bakery"))
            .await
            .expect("by slug"),
        ws
    );
    assert!(is_not_found(
        store.workspace_by_slug(&slug("nowhere")).await
    ));
    assert_eq!(owner.email.as_str(), "owner@bakery.test");
    assert_eq!(store.user(owner.id).await.expect("user"), owner);
    assert!(is_not_found(store.user(UserId::new()).await));

    let creds = store
        .user_credentials(&email("OWNER@bakery.test"))
        .await
        .expect("credentials by e-mail, whatever its case");
    assert_eq!(creds.user, owner);
    assert!(creds.password_hash.contains("fake-hash-of-Owner of bakery"));
    assert!(is_not_found(
        store.user_credentials(&email("nobody@bakery.test")).await
    ));

    assert_eq!(
        store.member_role(ws.id, owner.id).await.expect("role"),
        Role::Owner
    );
    assert_eq!(
        store.memberships(owner.id).await.expect("memberships"),
        vec![(ws.clone(), Role::Owner)]
    );
    let members = store.members(ws.id).await.expect("members");
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].user, owner);
    assert_eq!(members[0].role, Role::Owner);

    store
        .set_password(owner.id, "$argon2id$new")
        .await
        .expect("set a password");
    let creds = store
        .user_credentials(&owner.email)
        .await
        .expect("credentials");
    assert_eq!(creds.password_hash, "$argon2id$new");
    assert!(is_not_found(store.set_password(UserId::new(), "x").await));
}

async fn a_taken_slug_is_a_conflict_and_leaves_nothing_behind(store: SharedStore) {
    workspace(&store, "bakery").await;
    let again = store
        .create_workspace(
            &slug("bakery"),
            &name("Another bakery"),
            new_user("someone@else.test", "Someone"),
        )
        .await;
    assert_eq!(conflict(again), Some(ConflictKind::SlugTaken));
    // The transaction rolled back: the would-be owner was not created either.
    assert!(is_not_found(
        store.user_credentials(&email("someone@else.test")).await
    ));
}

async fn an_existing_user_joins_by_email_and_a_member_cannot_join_twice(store: SharedStore) {
    let (bakery, baker) = workspace(&store, "bakery").await;
    // The owner of a second workspace may be an existing user: the password is then ignored.
    let (cafe, same) = store
        .create_workspace(
            &slug("cafe"),
            &name("Café"),
            NewUser {
                password_hash: "ignored".into(),
                ..new_user("owner@bakery.test", "Another name")
            },
        )
        .await
        .expect("a second workspace owned by the same user");
    assert_eq!(same, baker);
    let creds = store
        .user_credentials(&baker.email)
        .await
        .expect("credentials");
    assert_ne!(creds.password_hash, "ignored");
    assert_eq!(
        store.memberships(baker.id).await.expect("memberships"),
        vec![(bakery.clone(), Role::Owner), (cafe.clone(), Role::Owner)]
    );

    // A member of the café joins the bakery by e-mail: same user.
    let waiter = store
        .add_member(cafe.id, new_user("waiter@cafe.test", "Waiter"), Role::Agent)
        .await
        .expect("add a member");
    let joined = store
        .add_member(
            bakery.id,
            new_user("Waiter@Cafe.test", "Whoever"),
            Role::Viewer,
        )
        .await
        .expect("add an existing user");
    assert_eq!(joined.user, waiter.user);
    assert_eq!(joined.role, Role::Viewer);

    // Once a member, twice is a conflict — and the role did not change.
    let twice = store
        .add_member(
            bakery.id,
            new_user("waiter@cafe.test", "Waiter"),
            Role::Admin,
        )
        .await;
    assert_eq!(conflict(twice), Some(ConflictKind::EmailTaken));
    assert_eq!(
        store
            .member_role(bakery.id, waiter.user.id)
            .await
            .expect("role"),
        Role::Viewer
    );

    assert!(is_not_found(
        store
            .add_member(WorkspaceId::new(), new_user("x@y.test", "X"), Role::Viewer)
            .await
    ));
}

async fn members_can_be_added_given_another_role_and_removed(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let admin = store
        .add_member(ws.id, new_user("admin@bakery.test", "Aled"), Role::Admin)
        .await
        .expect("add an admin");
    let agent = store
        .add_member(ws.id, new_user("agent@bakery.test", "Bethan"), Role::Agent)
        .await
        .expect("add an agent");
    let members = store.members(ws.id).await.expect("members");
    let names: Vec<_> = members.iter().map(|m| m.user.name.to_string()).collect();
    assert_eq!(names, ["Aled", "Bethan", "Owner of bakery"]);

    store
        .set_member_role(ws.id, agent.user.id, Role::Analyst)
        .await
        .expect("change a role");
    assert_eq!(
        store.member_role(ws.id, agent.user.id).await.expect("role"),
        Role::Analyst
    );
    store
        .remove_member(ws.id, admin.user.id)
        .await
        .expect("remove a member");
    assert!(is_not_found(store.member_role(ws.id, admin.user.id).await));
    assert!(is_not_found(
        store.remove_member(ws.id, admin.user.id).await
    ));
    assert!(is_not_found(
        store
            .set_member_role(ws.id, admin.user.id, Role::Viewer)
            .await
    ));
    assert!(is_not_found(
        store
            .set_member_role(ws.id, admin.user.id, Role::Owner)
            .await
    ));
    // The user stays: they may belong elsewhere, and may be added again.
    assert_eq!(store.user(admin.user.id).await.expect("user"), admin.user);
    assert!(
        store
            .memberships(admin.user.id)
            .await
            .expect("memberships")
            .is_empty()
    );
    assert_eq!(store.members(ws.id).await.expect("members").len(), 2);
    assert_eq!(
        store.member_role(ws.id, owner.id).await.expect("role"),
        Role::Owner
    );
}

async fn the_last_owner_can_be_neither_demoted_nor_removed(store: SharedStore) {
    let (ws, first) = workspace(&store, "bakery").await;
    assert_eq!(
        conflict(store.set_member_role(ws.id, first.id, Role::Admin).await),
        Some(ConflictKind::LastOwner)
    );
    assert_eq!(
        conflict(store.remove_member(ws.id, first.id).await),
        Some(ConflictKind::LastOwner)
    );
    // Re-affirming the role of the only owner is fine.
    store
        .set_member_role(ws.id, first.id, Role::Owner)
        .await
        .expect("owner stays owner");

    let second = store
        .add_member(ws.id, new_user("second@bakery.test", "Second"), Role::Admin)
        .await
        .expect("add an admin");
    store
        .set_member_role(ws.id, second.user.id, Role::Owner)
        .await
        .expect("promote to owner");
    store
        .set_member_role(ws.id, first.id, Role::Viewer)
        .await
        .expect("with two owners, one may step down");
    assert_eq!(
        conflict(store.remove_member(ws.id, second.user.id).await),
        Some(ConflictKind::LastOwner)
    );
    store
        .remove_member(ws.id, first.id)
        .await
        .expect("a non-owner may be removed");
    assert_eq!(
        store
            .member_role(ws.id, second.user.id)
            .await
            .expect("role"),
        Role::Owner
    );
}

// --- sessions and tokens ------------------------------------------------------------------------

async fn sessions_are_found_by_hash_until_they_expire(store: SharedStore) {
    let (_, user) = workspace(&store, "bakery").await;
    let now = taith_domain::now();
    let session = Session {
        id: taith_domain::SessionId::new(),
        token_hash: "hash-of-cookie".into(),
        user_id: user.id,
        csrf_token: "csrf".into(),
        created_at: now,
        expires_at: now + Duration::from_secs(3600),
        user_agent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0".into(),
        second_factor_pending: false,
    };
    store
        .create_session(&session)
        .await
        .expect("create a session");
    let found = store
        .session("hash-of-cookie", now)
        .await
        .expect("a live session");
    assert_eq!(found.user_id, user.id);
    assert_eq!(found.csrf_token, "csrf");
    assert_eq!(found, session, "every field comes back as written");
    assert!(is_not_found(store.session("other-hash", now).await));
    assert!(is_not_found(
        store.session("hash-of-cookie", session.expires_at).await
    ));
    assert!(is_not_found(
        store
            .session("hash-of-cookie", now + Duration::from_secs(7200))
            .await
    ));

    store
        .delete_session("hash-of-cookie")
        .await
        .expect("sign out");
    assert!(is_not_found(store.session("hash-of-cookie", now).await));
    store
        .delete_session("hash-of-cookie")
        .await
        .expect("signing out twice is fine");
}

async fn api_tokens_are_found_by_hash_listed_and_revoked(store: SharedStore) {
    let (ws, _) = workspace(&store, "bakery").await;
    let read = store
        .create_api_token(ws.id, &name("Dashboard"), TokenScope::Read, "hash-read")
        .await
        .expect("create a token");
    let write = store
        .create_api_token(ws.id, &name("Import"), TokenScope::Write, "hash-write")
        .await
        .expect("create a token");
    assert_eq!(read.workspace_id, ws.id);
    assert_eq!(
        store.api_token_by_hash("hash-read").await.expect("by hash"),
        read
    );
    assert_eq!(
        store
            .api_token_by_hash("hash-write")
            .await
            .expect("by hash"),
        write
    );
    assert!(is_not_found(store.api_token_by_hash("hash-none").await));
    assert_eq!(
        store.api_tokens(ws.id).await.expect("list"),
        vec![read.clone(), write.clone()]
    );

    store
        .revoke_api_token(ws.id, read.id)
        .await
        .expect("revoke");
    assert!(is_not_found(store.api_token_by_hash("hash-read").await));
    assert!(is_not_found(store.revoke_api_token(ws.id, read.id).await));
    assert_eq!(store.api_tokens(ws.id).await.expect("list"), vec![write]);
}

// --- personas -----------------------------------------------------------------------------------

async fn personas_are_created_read_updated_and_deleted(store: SharedStore) {
    let (ws, _) = workspace(&store, "bakery").await;
    let created = store
        .create_persona(ws.id, &persona_fields("Commuter"))
        .await
        .expect("create a persona");
    assert_eq!(created.fields, persona_fields("Commuter"));
    assert_eq!(
        store.persona(ws.id, created.id).await.expect("read"),
        created
    );

    let mut changed = persona_fields("Early commuter");
    changed.pains = text("Queues\nNo oat milk");
    let updated = store
        .update_persona(ws.id, created.id, &changed)
        .await
        .expect("update");
    assert_eq!(updated.fields, changed);
    assert_eq!(updated.created_at, created.created_at);
    assert!(updated.updated_at >= created.updated_at);
    assert_eq!(
        store.persona(ws.id, created.id).await.expect("read"),
        updated
    );

    store
        .delete_persona(ws.id, created.id)
        .await
        .expect("delete");
    assert!(is_not_found(store.persona(ws.id, created.id).await));
    assert!(is_not_found(store.delete_persona(ws.id, created.id).await));
    assert!(is_not_found(
        store.update_persona(ws.id, created.id, &changed).await
    ));
}

async fn deleting_a_persona_keeps_its_journeys_without_the_link(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let persona = store
        .create_persona(ws.id, &persona_fields("Commuter"))
        .await
        .expect("create a persona");
    let mut j = draft_journey("Morning bread");
    j.fields.persona_id = Some(persona.id);
    let j = store
        .create_journey(ws.id, &j, &author(&owner), &[Change::Created])
        .await
        .expect("create a journey for the persona");
    assert_eq!(
        store
            .journey(ws.id, j.id)
            .await
            .expect("read")
            .fields
            .persona_id,
        Some(persona.id)
    );

    store
        .delete_persona(ws.id, persona.id)
        .await
        .expect("delete the persona");
    let after = store.journey(ws.id, j.id).await.expect("the journey stays");
    assert_eq!(after.fields.persona_id, None);
    assert_eq!(after.stages, j.stages);
    assert_eq!(after.version, j.version);
    // And it can still be saved.
    store
        .save_journey(ws.id, &after, &author(&owner), &[])
        .await
        .expect("save the unlinked journey");
}

// --- journeys -----------------------------------------------------------------------------------

async fn a_new_journey_is_version_one_with_its_first_revision(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let draft = draft_journey("Buying bread");
    let created = store
        .create_journey(ws.id, &draft, &author(&owner), &[Change::Created])
        .await
        .expect("create");
    assert_eq!(created.version, 1);
    assert_eq!(created.id, draft.id);
    assert_eq!(created.stages, draft.stages);
    assert_eq!(
        store.journey(ws.id, created.id).await.expect("read"),
        created
    );

    let revisions = store.revisions(ws.id, created.id).await.expect("revisions");
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0].version, 1);
    assert_eq!(revisions[0].author, "Owner of bakery");
    assert_eq!(revisions[0].author_id, Some(owner.id));
    assert_eq!(revisions[0].changes, vec![Change::Created]);
    let first = store
        .revision(ws.id, created.id, 1)
        .await
        .expect("revision 1");
    assert_eq!(first.journey, created);
    assert!(is_not_found(store.revision(ws.id, created.id, 2).await));

    let page = store
        .journeys(ws.id, PageRequest::all())
        .await
        .expect("list");
    assert_eq!(page.items.len(), 1);
    let summary = &page.items[0];
    assert_eq!(
        (
            summary.id,
            summary.version,
            summary.stage_count,
            summary.touchpoint_count
        ),
        (created.id, 1, 5, 0)
    );
    assert_eq!(summary.updated_at, created.updated_at);
}

async fn saving_a_journey_bumps_its_version_and_keeps_stage_and_touchpoint_ids(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let v1 = stored_journey(&store, &ws, &owner).await;

    let mut edit = v1.clone();
    edit.fields.name = name("Buying bread in Welsh: Prynu bara");
    let purchase = edit.stages[2].id;
    let mut f = edit.stages[2].fields.clone();
    f.pain_points = text("Card machine down");
    f.emotion = Some(taith_domain::EmotionScore::new(-2).expect("an emotion"));
    edit.update_stage(purchase, f).expect("update a stage");
    let till = edit
        .add_touchpoint(purchase, touchpoint("Till", Channel::InStore))
        .expect("add a touchpoint");
    let token = Author {
        user_id: None,
        name: "API token".into(),
    };
    let changes = taith_domain::journey::diff(&v1, &edit);
    let v2 = store
        .save_journey(ws.id, &edit, &token, &changes)
        .await
        .expect("save");
    assert_eq!(v2.version, 2);
    assert_eq!(v2.created_at, v1.created_at);
    assert!(v2.updated_at >= v1.updated_at);
    let read = store.journey(ws.id, v1.id).await.expect("read");
    assert_eq!(read, v2);
    assert_eq!(
        read.stages.iter().map(|s| s.id).collect::<Vec<_>>(),
        v1.stages.iter().map(|s| s.id).collect::<Vec<_>>()
    );
    assert_eq!(read.touchpoints[0].id, v1.touchpoints[0].id);
    assert_eq!(read.touchpoints[1].id, till);

    // A third save from the new version, and the history reads back newest first.
    let mut edit = v2.clone();
    edit.fields.description = text("Updated after the workshop");
    let v3 = store
        .save_journey(ws.id, &edit, &author(&owner), &[])
        .await
        .expect("save again");
    assert_eq!(v3.version, 3);
    let history = store.revisions(ws.id, v1.id).await.expect("revisions");
    assert_eq!(
        history.iter().map(|r| r.version).collect::<Vec<_>>(),
        [3, 2, 1]
    );
    assert_eq!(history[1].author, "API token");
    assert_eq!(history[1].author_id, None);
    assert_eq!(history[1].changes, changes);
    assert_eq!(history[1].created_at, v2.updated_at);
    let old = store.revision(ws.id, v1.id, 2).await.expect("revision 2");
    assert_eq!(old.journey, v2);
    assert_eq!(old.revision, history[1]);
    assert_eq!(
        store
            .revision(ws.id, v1.id, 1)
            .await
            .expect("revision 1")
            .journey,
        v1
    );
}

async fn stages_and_touchpoints_keep_the_order_they_were_saved_in(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let v1 = stored_journey(&store, &ws, &owner).await;
    let mut edit = v1.clone();
    let first = edit.stages[0].id;
    let last = edit.stages[4].id;
    let a = edit.touchpoints[0].id;
    let b = edit
        .add_touchpoint(first, touchpoint("Poster", Channel::Other))
        .expect("add");
    let c = edit
        .add_touchpoint(last, touchpoint("Review site", Channel::Web))
        .expect("add");
    let d = edit
        .add_touchpoint(first, touchpoint("Radio advert", Channel::Other))
        .expect("add");
    // Reverse the stages, and move the first touchpoint to the end of its stage.
    let mut order: Vec<_> = edit.stages.iter().map(|s| s.id).collect();
    order.reverse();
    edit.reorder_stages(&order).expect("reorder");
    let fields = edit.touchpoints[0].fields.clone();
    edit.update_touchpoint(a, last, fields)
        .expect("move to the last stage");
    let saved = store
        .save_journey(ws.id, &edit, &author(&owner), &[Change::StagesReordered])
        .await
        .expect("save");
    let read = store.journey(ws.id, v1.id).await.expect("read");
    assert_eq!(read, saved);
    assert_eq!(read.stages.iter().map(|s| s.id).collect::<Vec<_>>(), order);
    assert_eq!(
        read.touchpoints_of(first).map(|t| t.id).collect::<Vec<_>>(),
        [b, d]
    );
    assert_eq!(
        read.touchpoints_of(last).map(|t| t.id).collect::<Vec<_>>(),
        [c, a]
    );
}

async fn removing_a_stage_removes_its_touchpoints(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let v1 = stored_journey(&store, &ws, &owner).await;
    let mut edit = v1.clone();
    let awareness = edit.stages[0].id;
    let kept = edit
        .add_touchpoint(edit.stages[1].id, touchpoint("Price list", Channel::Web))
        .expect("add");
    edit.add_touchpoint(awareness, touchpoint("Flyer", Channel::Other))
        .expect("add");
    let v2 = store
        .save_journey(ws.id, &edit, &author(&owner), &[])
        .await
        .expect("save");
    assert_eq!(v2.touchpoints.len(), 3);

    let mut edit = v2.clone();
    edit.remove_stage(awareness).expect("remove a stage");
    let v3 = store
        .save_journey(ws.id, &edit, &author(&owner), &[])
        .await
        .expect("save without the stage");
    let read = store.journey(ws.id, v1.id).await.expect("read");
    assert_eq!(read, v3);
    assert_eq!(read.stages.len(), 4);
    assert!(read.stage(awareness).is_none());
    assert_eq!(
        read.touchpoints.iter().map(|t| t.id).collect::<Vec<_>>(),
        [kept]
    );
    let summary = store
        .journeys(ws.id, PageRequest::all())
        .await
        .expect("list")
        .items
        .remove(0);
    assert_eq!((summary.stage_count, summary.touchpoint_count), (4, 1));
    // The old version is still readable in full.
    assert_eq!(
        store
            .revision(ws.id, v1.id, 2)
            .await
            .expect("revision")
            .journey
            .touchpoints
            .len(),
        3
    );
}

async fn saving_from_a_stale_version_is_a_conflict_and_changes_nothing(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let v1 = stored_journey(&store, &ws, &owner).await;
    let mut mine = v1.clone();
    mine.fields.name = name("Mine");
    let mut theirs = v1.clone();
    theirs.fields.name = name("Theirs");
    let v2 = store
        .save_journey(ws.id, &theirs, &author(&owner), &[])
        .await
        .expect("the first save wins");
    assert_eq!(
        conflict(store.save_journey(ws.id, &mine, &author(&owner), &[]).await),
        Some(ConflictKind::StaleVersion)
    );
    assert_eq!(store.journey(ws.id, v1.id).await.expect("read"), v2);
    assert_eq!(
        store
            .revisions(ws.id, v1.id)
            .await
            .expect("revisions")
            .len(),
        2
    );

    // A journey that was never stored is not found, not stale.
    let never = draft_journey("Never stored");
    assert!(is_not_found(
        store
            .save_journey(ws.id, &never, &author(&owner), &[])
            .await
    ));
}

async fn two_editors_saving_the_same_version_at_once_cannot_both_win(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let v1 = stored_journey(&store, &ws, &owner).await;
    let ws_id = ws.id;
    let mut saves = Vec::new();
    for i in 0..4 {
        let store = store.clone();
        let mut edit = v1.clone();
        edit.fields.name = name(&format!("Editor {i}"));
        let who = author(&owner);
        saves.push(tokio::spawn(async move {
            store.save_journey(ws_id, &edit, &who, &[]).await
        }));
    }
    let mut won = 0;
    for save in saves {
        match save.await.expect("the task ran") {
            Ok(j) => {
                won += 1;
                assert_eq!(j.version, 2);
            }
            Err(StoreError::Conflict(ConflictKind::StaleVersion)) => {}
            Err(e) => panic!("unexpected error: {e}"),
        }
    }
    assert_eq!(won, 1);
    assert_eq!(store.journey(ws.id, v1.id).await.expect("read").version, 2);
    assert_eq!(
        store
            .revisions(ws.id, v1.id)
            .await
            .expect("revisions")
            .len(),
        2
    );
}

async fn a_save_with_an_owner_who_is_not_a_member_fails_and_changes_nothing(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let (_, stranger) = workspace(&store, "elsewhere").await;
    let v1 = stored_journey(&store, &ws, &owner).await;

    let mut edit = v1.clone();
    edit.fields.name = name("Renamed");
    edit.add_stage(StageFields::named(name("Extra stage")));
    let tp = edit.touchpoints[0].id;
    let mut f = edit.touchpoints[0].fields.clone();
    f.owner = Some(Owner::Member {
        user_id: stranger.id,
    });
    let stage = edit.touchpoints[0].stage_id;
    edit.update_touchpoint(tp, stage, f).expect("set an owner");
    let failed = store.save_journey(ws.id, &edit, &author(&owner), &[]).await;
    assert!(failed.is_err(), "a non-member owner must not be saved");
    assert!(
        matches!(
            failed,
            Err(StoreError::Conflict(ConflictKind::StaleReference))
        ),
        "{failed:?}"
    );

    // Nothing of the failed save is left: not the name, version, stage, nor a revision.
    assert_eq!(store.journey(ws.id, v1.id).await.expect("read"), v1);
    assert_eq!(
        store
            .revisions(ws.id, v1.id)
            .await
            .expect("revisions")
            .len(),
        1
    );

    // The same save with a member as owner goes through.
    let mut f = edit.touchpoints[0].fields.clone();
    f.owner = Some(Owner::Member { user_id: owner.id });
    edit.update_touchpoint(tp, stage, f).expect("set an owner");
    let v2 = store
        .save_journey(ws.id, &edit, &author(&owner), &[])
        .await
        .expect("a member may own a touchpoint");
    assert_eq!(v2.version, 2);
    assert_eq!(store.journey(ws.id, v1.id).await.expect("read"), v2);
}

async fn a_journey_cannot_take_over_the_stages_or_touchpoints_of_another(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let first = stored_journey(&store, &ws, &owner).await;
    let second = stored_journey(&store, &ws, &owner).await;

    // The second journey names a stage id of the first.
    let mut edit = second.clone();
    edit.stages[0].id = first.stages[0].id;
    edit.touchpoints.clear();
    assert!(
        store
            .save_journey(ws.id, &edit, &author(&owner), &[])
            .await
            .is_err()
    );
    // … or a touchpoint id of the first.
    let mut edit = second.clone();
    edit.touchpoints[0].id = first.touchpoints[0].id;
    assert!(
        store
            .save_journey(ws.id, &edit, &author(&owner), &[])
            .await
            .is_err()
    );
    // … or puts a touchpoint in a stage of the first.
    let mut edit = second.clone();
    edit.touchpoints[0].stage_id = first.stages[1].id;
    assert!(
        store
            .save_journey(ws.id, &edit, &author(&owner), &[])
            .await
            .is_err()
    );

    assert_eq!(store.journey(ws.id, first.id).await.expect("read"), first);
    assert_eq!(store.journey(ws.id, second.id).await.expect("read"), second);
}

async fn removing_a_member_clears_the_touchpoints_they_owned(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let agent = store
        .add_member(ws.id, new_user("agent@bakery.test", "Agent"), Role::Agent)
        .await
        .expect("add an agent");
    let v1 = stored_journey(&store, &ws, &owner).await;
    let mut edit = v1.clone();
    let stage = edit.stages[1].id;
    let mut owned = touchpoint("Phone line", Channel::Phone);
    owned.owner = Some(Owner::Member {
        user_id: agent.user.id,
    });
    let phone = edit.add_touchpoint(stage, owned).expect("add");
    let mut team = touchpoint("Counter", Channel::InStore);
    team.owner = Some(Owner::Team {
        name: name("Shop team"),
    });
    team.moment_of_truth = true;
    let counter = edit.add_touchpoint(stage, team).expect("add");
    let v2 = store
        .save_journey(ws.id, &edit, &author(&owner), &[])
        .await
        .expect("save");
    assert_eq!(store.journey(ws.id, v1.id).await.expect("read"), v2);

    store
        .remove_member(ws.id, agent.user.id)
        .await
        .expect("remove the agent");
    let read = store.journey(ws.id, v1.id).await.expect("read");
    assert_eq!(
        read.touchpoint(phone).expect("still there").fields.owner,
        None
    );
    let counter = read.touchpoint(counter).expect("still there");
    assert_eq!(
        counter.fields.owner,
        Some(Owner::Team {
            name: name("Shop team")
        })
    );
    assert!(counter.fields.moment_of_truth);
    // The map itself was not edited: same version.
    assert_eq!(read.version, 2);
}

async fn deleting_a_journey_deletes_its_stages_touchpoints_and_revisions(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let keep = stored_journey(&store, &ws, &owner).await;
    let gone = stored_journey(&store, &ws, &owner).await;
    store.delete_journey(ws.id, gone.id).await.expect("delete");
    assert!(is_not_found(store.journey(ws.id, gone.id).await));
    assert!(is_not_found(store.revisions(ws.id, gone.id).await));
    assert!(is_not_found(store.revision(ws.id, gone.id, 1).await));
    assert!(is_not_found(
        store.save_journey(ws.id, &gone, &author(&owner), &[]).await
    ));
    assert!(is_not_found(store.delete_journey(ws.id, gone.id).await));
    // Its ids are free again: the same aggregate can be created anew (only if its stages
    // and touchpoints really went).
    store
        .create_journey(ws.id, &gone, &author(&owner), &[Change::Imported])
        .await
        .expect("stages and touchpoints were deleted with the journey");
    assert_eq!(store.journey(ws.id, keep.id).await.expect("read"), keep);
}

async fn nothing_of_one_workspace_is_reachable_through_another(store: SharedStore) {
    let (a, a_owner) = workspace(&store, "alpha").await;
    let (b, b_owner) = workspace(&store, "beta").await;
    let b_persona = store
        .create_persona(b.id, &persona_fields("Beta persona"))
        .await
        .expect("persona in B");
    let b_journey = stored_journey(&store, &b, &b_owner).await;
    let b_token = store
        .create_api_token(b.id, &name("Beta token"), TokenScope::Write, "beta-hash")
        .await
        .expect("token in B");
    let b_member = store
        .add_member(
            b.id,
            new_user("member@beta.test", "Beta member"),
            Role::Admin,
        )
        .await
        .expect("member of B");

    // Personas.
    assert!(is_not_found(store.persona(a.id, b_persona.id).await));
    assert!(is_not_found(
        store
            .update_persona(a.id, b_persona.id, &persona_fields("Hijacked"))
            .await
    ));
    assert!(is_not_found(store.delete_persona(a.id, b_persona.id).await));
    assert!(
        store
            .personas(a.id, PageRequest::all())
            .await
            .expect("A's personas")
            .items
            .is_empty()
    );

    // Journeys.
    assert!(is_not_found(store.journey(a.id, b_journey.id).await));
    let mut hijack = b_journey.clone();
    hijack.fields.name = name("Hijacked");
    assert!(is_not_found(
        store
            .save_journey(a.id, &hijack, &author(&a_owner), &[])
            .await
    ));
    assert!(is_not_found(store.delete_journey(a.id, b_journey.id).await));
    assert!(is_not_found(store.revisions(a.id, b_journey.id).await));
    assert!(is_not_found(store.revision(a.id, b_journey.id, 1).await));
    assert!(
        store
            .journeys(a.id, PageRequest::all())
            .await
            .expect("A's journeys")
            .items
            .is_empty()
    );
    // A journey of A cannot be drawn for B's persona.
    let mut cross = draft_journey("Cross-tenant persona");
    cross.fields.persona_id = Some(b_persona.id);
    assert!(
        store
            .create_journey(a.id, &cross, &author(&a_owner), &[Change::Created])
            .await
            .is_err()
    );
    assert!(is_not_found(store.journey(a.id, cross.id).await));

    // Tokens.
    assert!(is_not_found(store.revoke_api_token(a.id, b_token.id).await));
    assert!(store.api_tokens(a.id).await.expect("A's tokens").is_empty());

    // Members.
    let b_id = b_member.user.id;
    assert!(is_not_found(store.member_role(a.id, b_id).await));
    assert!(is_not_found(
        store.set_member_role(a.id, b_id, Role::Viewer).await
    ));
    assert!(is_not_found(
        store.set_member_role(a.id, b_id, Role::Owner).await
    ));
    assert!(is_not_found(store.remove_member(a.id, b_id).await));
    assert!(is_not_found(store.member_role(a.id, b_owner.id).await));
    let a_members = store.members(a.id).await.expect("A's members");
    assert_eq!(a_members.len(), 1);
    assert_eq!(a_members[0].user, a_owner);

    // B is untouched by all of that.
    assert_eq!(
        store
            .persona(b.id, b_persona.id)
            .await
            .expect("B's persona"),
        b_persona
    );
    assert_eq!(
        store
            .journey(b.id, b_journey.id)
            .await
            .expect("B's journey"),
        b_journey
    );
    assert_eq!(
        store.api_tokens(b.id).await.expect("B's tokens"),
        vec![b_token]
    );
    assert_eq!(
        store.member_role(b.id, b_id).await.expect("B's member"),
        Role::Admin
    );
}

async fn lists_are_paged_by_cursor(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let mut personas = Vec::new();
    for i in 0..5 {
        personas.push(
            store
                .create_persona(ws.id, &persona_fields(&format!("Persona {i}")))
                .await
                .expect("create"),
        );
    }
    let mut seen = Vec::new();
    let mut request = PageRequest::first(2);
    let mut pages = 0;
    loop {
        let page = store.personas(ws.id, request).await.expect("a page");
        assert!(page.items.len() <= 2);
        pages += 1;
        seen.extend(page.items.iter().map(|p| p.id));
        match page.next {
            Some(next) => {
                assert_eq!(Some(&next), seen.last());
                request = PageRequest {
                    after: Some(next),
                    limit: 2,
                };
            }
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, personas.iter().map(|p| p.id).collect::<Vec<_>>());
    let all = store
        .personas(ws.id, PageRequest::all())
        .await
        .expect("all");
    assert_eq!(all.items, personas);
    assert!(all.next.is_none());

    // Exactly a page's worth left: no next cursor.
    let four = store
        .personas(
            ws.id,
            PageRequest {
                after: Some(personas[0].id),
                limit: 4,
            },
        )
        .await
        .expect("a page");
    assert_eq!(four.items.len(), 4);
    assert!(four.next.is_none());

    // Journeys page the same way.
    let mut journeys = Vec::new();
    for _ in 0..3 {
        journeys.push(stored_journey(&store, &ws, &owner).await.id);
    }
    let first = store
        .journeys(ws.id, PageRequest::first(2))
        .await
        .expect("a page");
    assert_eq!(
        first.items.iter().map(|j| j.id).collect::<Vec<_>>(),
        journeys[..2]
    );
    assert_eq!(first.next, Some(journeys[1]));
    let rest = store
        .journeys(
            ws.id,
            PageRequest {
                after: first.next,
                limit: 2,
            },
        )
        .await
        .expect("a page");
    assert_eq!(
        rest.items.iter().map(|j| j.id).collect::<Vec<_>>(),
        journeys[2..]
    );
    assert!(rest.next.is_none());
    assert_eq!(
        (rest.items[0].stage_count, rest.items[0].touchpoint_count),
        (5, 1)
    );
}

async fn a_backup_taken_while_writing_opens_and_has_the_rows(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let journey = stored_journey(&store, &ws, &owner).await;
    let dir = crate::helpers::scratch_path("taith-backup-");
    std::fs::create_dir_all(&dir).expect("a backup directory");
    let target = dir.join("backup.db");

    if store.backend() == "postgres" {
        assert!(matches!(
            store.backup(&target).await,
            Err(StoreError::Unsupported(_))
        ));
        return;
    }

    // A writer keeps saving the journey while the backup runs.
    let ws_id = ws.id;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let store = store.clone();
        let stop = stop.clone();
        let owner = owner.clone();
        let mut current = journey.clone();
        tokio::spawn(async move {
            let mut saves = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) || saves < 3 {
                let mut edit = current.clone();
                let stage = edit.stages[saves as usize % 5].id;
                edit.add_touchpoint(
                    stage,
                    touchpoint(&format!("Touchpoint {saves}"), Channel::Web),
                )
                .expect("add");
                current = store
                    .save_journey(ws_id, &edit, &author(&owner), &[])
                    .await
                    .expect("saving goes on during the backup");
                saves += 1;
            }
            current
        })
    };
    tokio::time::sleep(Duration::from_millis(50)).await;
    store.backup(&target).await.expect("back up while writing");
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let last = writer.await.expect("the writer finished");
    assert!(last.version > 1);

    // A second backup to the same file is refused.
    let again = store.backup(&target).await;
    assert!(
        matches!(&again, Err(StoreError::Internal(m)) if m.context().contains("already exists")),
        "{again:?}"
    );

    // The backup is a store of its own, with a consistent version of the journey.
    let url = DatabaseUrl::parse(&format!("sqlite://{}", target.display())).expect("URL");
    let copy = open_store(&url).await.expect("the backup opens");
    assert_eq!(
        copy.workspace_by_slug(&slug("bakery"))
            .await
            .expect("the workspace"),
        ws
    );
    assert_eq!(
        copy.member_role(ws.id, owner.id).await.expect("the owner"),
        Role::Owner
    );
    let copied = copy.journey(ws.id, journey.id).await.expect("the journey");
    assert!(copied.version >= 1 && copied.version <= last.version);
    let revision = copy
        .revision(ws.id, journey.id, copied.version)
        .await
        .expect("its latest revision");
    assert_eq!(revision.journey, copied);
    assert_eq!(
        copy.revisions(ws.id, journey.id)
            .await
            .expect("revisions")
            .len() as i64,
        copied.version
    );
    drop(copy);
    let _ = std::fs::remove_dir_all(dir);
}
