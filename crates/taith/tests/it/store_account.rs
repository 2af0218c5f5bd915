//! The account's store methods, on SQLite and (with `TAITH_TEST_POSTGRES_URL`) PostgreSQL: a
//! person's sessions listed and signed out, their name and language, a password replaced with
//! the other sessions ended, and password resets from request to single use, with expiry
//! tested by passing times instead of waiting.

use taith_domain::{Email, Locale, Name, PasswordResetId, SessionId, Slug, User, UserId};
use taith_store::{NewPasswordReset, NewUser, Session, SharedStore, StoreError};
use time::{Duration, OffsetDateTime};

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
    a_persons_sessions_are_listed_newest_first_and_signed_out_one_or_all_but_one,
    nobody_signs_out_another_persons_session,
    a_persons_name_and_language_are_kept,
    a_replaced_password_ends_the_other_sessions_and_voids_reset_links,
    a_reset_request_is_due_with_its_account_or_without_one,
    a_reset_link_works_once_and_only_until_it_expires,
    using_a_reset_link_ends_every_session_and_voids_the_other_links,
    reset_mails_to_an_address_are_counted,
);

fn email(s: &str) -> Email {
    Email::parse(s).unwrap()
}

/// A person who is the owner of workspace `slug`.
async fn person(store: &SharedStore, slug: &str) -> User {
    store
        .create_workspace(
            &Slug::parse(slug).unwrap(),
            &Name::parse(slug).unwrap(),
            NewUser {
                email: email(&format!("owner@{slug}.test")),
                name: Name::parse(&format!("Owner of {slug}")).unwrap(),
                password_hash: "$argon2id$old".into(),
            },
        )
        .await
        .unwrap()
        .1
}

async fn session(
    store: &SharedStore,
    user: UserId,
    hash: &str,
    created_at: OffsetDateTime,
) -> Session {
    let s = Session {
        id: SessionId::new(),
        token_hash: hash.to_owned(),
        user_id: user,
        csrf_token: format!("csrf-{hash}"),
        created_at,
        expires_at: created_at + Duration::days(14),
        user_agent: format!("agent of {hash}"),
        second_factor_pending: false,
    };
    store.create_session(&s).await.unwrap();
    s
}

fn hashes(sessions: &[Session]) -> Vec<&str> {
    sessions.iter().map(|s| s.token_hash.as_str()).collect()
}

async fn password_hash(store: &SharedStore, user: &User) -> String {
    store
        .user_credentials(&user.email)
        .await
        .unwrap()
        .password_hash
}

async fn a_persons_sessions_are_listed_newest_first_and_signed_out_one_or_all_but_one(
    store: SharedStore,
) {
    let user = person(&store, "bakery").await;
    let other = person(&store, "dairy").await;
    let now = taith_domain::now();
    let old = session(&store, user.id, "old", now - Duration::days(2)).await;
    let mid = session(&store, user.id, "mid", now - Duration::days(1)).await;
    session(&store, user.id, "new", now).await;
    session(&store, other.id, "theirs", now).await;
    // An expired session is not listed.
    session(&store, user.id, "gone", now - Duration::days(20)).await;

    let listed = store.user_sessions(user.id, now).await.unwrap();
    assert_eq!(hashes(&listed), ["new", "mid", "old"]);
    assert_eq!(listed[2], old, "every field comes back as written");

    store.delete_user_session(user.id, mid.id).await.unwrap();
    assert!(matches!(
        store.delete_user_session(user.id, mid.id).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        hashes(&store.user_sessions(user.id, now).await.unwrap()),
        ["new", "old"]
    );

    let ended = store.delete_other_sessions(user.id, "new").await.unwrap();
    assert_eq!(ended, 2, "the old one, and the expired one with it");
    assert_eq!(
        hashes(&store.user_sessions(user.id, now).await.unwrap()),
        ["new"]
    );
    assert_eq!(
        hashes(&store.user_sessions(other.id, now).await.unwrap()),
        ["theirs"],
        "another person's sessions are untouched"
    );
}

async fn nobody_signs_out_another_persons_session(store: SharedStore) {
    let mine = person(&store, "bakery").await;
    let theirs = person(&store, "dairy").await;
    let now = taith_domain::now();
    let s = session(&store, theirs.id, "theirs", now).await;
    assert!(matches!(
        store.delete_user_session(mine.id, s.id).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(store.delete_other_sessions(mine.id, "x").await.unwrap(), 0);
    assert!(store.session("theirs", now).await.is_ok());
}

async fn a_persons_name_and_language_are_kept(store: SharedStore) {
    let user = person(&store, "bakery").await;
    let account = store.account(user.id).await.unwrap();
    assert_eq!(account.user, user);
    assert_eq!(account.locale, None, "the browser's language at first");

    store
        .set_user_name(user.id, &Name::parse("Siân Jones").unwrap())
        .await
        .unwrap();
    store
        .set_user_locale(user.id, Some(Locale::Cy))
        .await
        .unwrap();
    let account = store.account(user.id).await.unwrap();
    assert_eq!(account.user.name.as_str(), "Siân Jones");
    assert_eq!(account.locale, Some(Locale::Cy));
    assert_eq!(
        store.user(user.id).await.unwrap().name.as_str(),
        "Siân Jones"
    );

    store.set_user_locale(user.id, None).await.unwrap();
    assert_eq!(store.account(user.id).await.unwrap().locale, None);

    let nobody = UserId::new();
    assert!(matches!(
        store.account(nobody).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.set_user_locale(nobody, Some(Locale::Ar)).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .set_user_name(nobody, &Name::parse("x").unwrap())
            .await,
        Err(StoreError::NotFound)
    ));
}

fn reset_request(address: &str, requested_at: OffsetDateTime) -> NewPasswordReset {
    NewPasswordReset {
        id: PasswordResetId::new(),
        email: email(address),
        locale: Locale::Ar,
        requested_at,
        expires_at: requested_at + Duration::minutes(30),
    }
}

/// Requests a reset for `user` at `at`, arms it with `hash` and marks it mailed.
async fn mailed_link(
    store: &SharedStore,
    user: &User,
    hash: &str,
    at: OffsetDateTime,
) -> NewPasswordReset {
    let r = reset_request(user.email.as_str(), at);
    store.request_password_reset(&r).await.unwrap();
    let now = taith_domain::now();
    let armed = store
        .arm_password_reset(r.id, user.id, hash, now, now + Duration::minutes(2))
        .await
        .unwrap();
    assert!(armed);
    store.mark_password_reset_mailed(r.id, at).await.unwrap();
    r
}

async fn a_replaced_password_ends_the_other_sessions_and_voids_reset_links(store: SharedStore) {
    let user = person(&store, "bakery").await;
    let now = taith_domain::now();
    session(&store, user.id, "here", now).await;
    session(&store, user.id, "there", now).await;
    mailed_link(&store, &user, "link", now).await;
    assert!(store.password_reset_user("link", now).await.is_ok());

    store
        .replace_password(user.id, "$argon2id$new", Some("here"))
        .await
        .unwrap();
    assert_eq!(password_hash(&store, &user).await, "$argon2id$new");
    assert_eq!(
        hashes(&store.user_sessions(user.id, now).await.unwrap()),
        ["here"]
    );
    assert!(matches!(
        store.password_reset_user("link", now).await,
        Err(StoreError::NotFound)
    ));

    // Without a session to keep (the operator's command), every session ends.
    store
        .replace_password(user.id, "$argon2id$newer", None)
        .await
        .unwrap();
    assert!(store.user_sessions(user.id, now).await.unwrap().is_empty());
    assert!(matches!(
        store.replace_password(UserId::new(), "x", None).await,
        Err(StoreError::NotFound)
    ));
}

async fn a_reset_request_is_due_with_its_account_or_without_one(store: SharedStore) {
    let user = person(&store, "bakery").await;
    store
        .set_user_locale(user.id, Some(Locale::Cy))
        .await
        .unwrap();
    let now = taith_domain::now();
    let known = reset_request("owner@bakery.test", now - Duration::minutes(2));
    let unknown = reset_request("nobody@bakery.test", now - Duration::minutes(1));
    let expired = reset_request("owner@bakery.test", now - Duration::minutes(40));
    for r in [&known, &unknown, &expired] {
        store.request_password_reset(r).await.unwrap();
    }

    let due = store.password_resets_due(now, 10).await.unwrap();
    assert_eq!(due.len(), 2, "the expired request is not due: {due:?}");
    assert_eq!(due[0].request, known);
    let account = due[0].account.as_ref().expect("an account has the address");
    assert_eq!(account.user, user);
    assert_eq!(account.locale, Some(Locale::Cy));
    assert_eq!(due[1].request, unknown);
    assert_eq!(due[1].account, None);
    assert_eq!(store.password_resets_due(now, 1).await.unwrap().len(), 1);

    // Claimed by one node's outbox: no longer due, nor can another node claim it, until the
    // claim runs out.
    let until = now + Duration::minutes(2);
    let after = until + Duration::seconds(1);
    let claim = |hash: &'static str, at: OffsetDateTime| {
        let store = store.clone();
        let id = known.id;
        async move {
            store
                .arm_password_reset(id, user.id, hash, at, at + Duration::minutes(2))
                .await
                .unwrap()
        }
    };
    assert!(claim("hash", now).await);
    assert_eq!(store.password_resets_due(now, 10).await.unwrap().len(), 1);
    assert!(!claim("other", now).await, "one node's claim holds");
    assert_eq!(
        store.password_resets_due(after, 10).await.unwrap()[0].request,
        known,
        "a claim that ran out (the node died mid-send) is due again"
    );
    assert!(claim("hash", after).await);

    // Dropped, or mailed: no longer due.
    store.drop_password_reset(unknown.id).await.unwrap();
    store
        .mark_password_reset_mailed(known.id, now)
        .await
        .unwrap();
    assert!(store.password_resets_due(now, 10).await.unwrap().is_empty());
    // A mailed request cannot be armed again (its link is out), its claim long run out, nor
    // dropped.
    let (long_after, until_gap) = (after + Duration::minutes(10), Duration::minutes(2));
    assert!(
        !store
            .arm_password_reset(
                known.id,
                user.id,
                "other",
                long_after,
                long_after + until_gap
            )
            .await
            .unwrap()
    );
    store.drop_password_reset(known.id).await.unwrap();
    assert!(store.password_reset_user("hash", now).await.is_ok());
}

async fn a_reset_link_works_once_and_only_until_it_expires(store: SharedStore) {
    let user = person(&store, "bakery").await;
    let now = taith_domain::now();
    let r = reset_request(user.email.as_str(), now);
    store.request_password_reset(&r).await.unwrap();
    assert!(
        matches!(
            store.password_reset_user("link", now).await,
            Err(StoreError::NotFound)
        ),
        "no link before the outbox arms the request"
    );
    // Armed just before the e-mail goes out, it works at once (the e-mail may be read before
    // the outbox records it as sent).
    assert!(
        store
            .arm_password_reset(r.id, user.id, "link", now, now + Duration::minutes(2))
            .await
            .unwrap()
    );
    assert_eq!(
        store.password_reset_user("link", now).await.unwrap(),
        user.id
    );
    store.mark_password_reset_mailed(r.id, now).await.unwrap();
    assert_eq!(
        store.password_reset_user("link", now).await.unwrap(),
        user.id
    );
    assert!(matches!(
        store.password_reset_user("other", now).await,
        Err(StoreError::NotFound)
    ));

    // 30 minutes later it no longer works, neither to look at nor to use.
    let late = r.expires_at;
    assert!(matches!(
        store.password_reset_user("link", late).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .use_password_reset("link", "$argon2id$late", late)
            .await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(password_hash(&store, &user).await, "$argon2id$old");

    // In time it works, once.
    let soon = now + Duration::minutes(29);
    assert_eq!(
        store
            .use_password_reset("link", "$argon2id$new", soon)
            .await
            .unwrap(),
        user.id
    );
    assert_eq!(password_hash(&store, &user).await, "$argon2id$new");
    assert!(matches!(
        store
            .use_password_reset("link", "$argon2id$again", soon)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.password_reset_user("link", soon).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(password_hash(&store, &user).await, "$argon2id$new");
}

async fn using_a_reset_link_ends_every_session_and_voids_the_other_links(store: SharedStore) {
    let user = person(&store, "bakery").await;
    let other = person(&store, "dairy").await;
    let now = taith_domain::now();
    session(&store, user.id, "a", now).await;
    session(&store, user.id, "b", now).await;
    session(&store, other.id, "c", now).await;
    mailed_link(&store, &user, "first", now).await;
    mailed_link(&store, &user, "second", now).await;
    mailed_link(&store, &other, "theirs", now).await;

    store
        .use_password_reset("second", "$argon2id$new", now)
        .await
        .unwrap();
    assert!(store.user_sessions(user.id, now).await.unwrap().is_empty());
    assert!(matches!(
        store.password_reset_user("first", now).await,
        Err(StoreError::NotFound)
    ));
    // Another person's sessions and links are untouched.
    assert_eq!(store.user_sessions(other.id, now).await.unwrap().len(), 1);
    assert_eq!(
        store.password_reset_user("theirs", now).await.unwrap(),
        other.id
    );
}

async fn reset_mails_to_an_address_are_counted(store: SharedStore) {
    let user = person(&store, "bakery").await;
    let now = taith_domain::now();
    mailed_link(&store, &user, "one", now - Duration::minutes(90)).await;
    mailed_link(&store, &user, "two", now - Duration::minutes(20)).await;
    mailed_link(&store, &user, "three", now - Duration::minutes(10)).await;
    // Asked for but not sent: not counted.
    store
        .request_password_reset(&reset_request(user.email.as_str(), now))
        .await
        .unwrap();
    let since = now - Duration::hours(1);
    assert_eq!(
        store
            .password_reset_mails_since(&user.email, since)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        store
            .password_reset_mails_since(&email("nobody@bakery.test"), since)
            .await
            .unwrap(),
        0
    );
    // A request a day past its expiry is forgotten when another is queued.
    store
        .request_password_reset(&reset_request(user.email.as_str(), now + Duration::days(2)))
        .await
        .unwrap();
    assert_eq!(
        store
            .password_reset_mails_since(&user.email, now - Duration::days(1))
            .await
            .unwrap(),
        0
    );
}
