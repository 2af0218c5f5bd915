//! Events and sites: the store on both backends, then intake over HTTP, the tracker, imports.

use std::collections::BTreeMap;
use taith_domain::{
    Channel, CustomerId, Email, Event, EventDetail, EventId, Locale, Name, SiteFields, Slug,
    TouchpointId, UrlPattern, Workspace, WorkspaceId,
};
use taith_store::{ConflictKind, EventToStore, NewCustomer, NewUser, SharedStore, StoreError};

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
    events_of_every_type_are_stored_in_one_batch_and_read_back_in_id_order,
    a_repeated_client_key_is_stored_once_and_answers_the_first_id,
    an_event_naming_another_workspaces_customer_fails_the_whole_batch,
    sites_are_created_found_by_key_edited_and_deleted_within_their_workspace,
    the_visitor_salt_of_a_day_is_shared_and_old_days_are_forgotten,
);

async fn workspace(store: &SharedStore, s: &str) -> Workspace {
    store
        .create_workspace(
            &Slug::parse(s).unwrap(),
            &Name::parse(&format!("Workspace {s}")).unwrap(),
            NewUser {
                email: Email::parse(&format!("owner@{s}.test")).unwrap(),
                name: Name::parse("Owner").unwrap(),
                password_hash: "$argon2id$v=19$fake".into(),
            },
        )
        .await
        .unwrap()
        .0
}

fn at(minutes: i64) -> time::OffsetDateTime {
    time::macros::datetime!(2026-03-02 09:00 UTC) + time::Duration::minutes(minutes)
}

fn event(detail: EventDetail, minutes: i64) -> Event {
    Event {
        detail,
        visitor_id: Some("v1".into()),
        session_id: Some("s1".into()),
        url: Some("https://shop.example/cart?x=1".into()),
        ..Event::page_view(at(minutes))
    }
}

fn to_store(ws: WorkspaceId, events: &[Event]) -> Vec<EventToStore> {
    events
        .iter()
        .map(|e| EventToStore {
            workspace_id: ws,
            event: e.clone(),
        })
        .collect()
}

async fn events_of_every_type_are_stored_in_one_batch_and_read_back_in_id_order(
    store: SharedStore,
) {
    let ws = workspace(&store, "events-all").await;
    let other = workspace(&store, "events-none").await;
    assert!(
        store
            .events_after(ws.id, None, 10)
            .await
            .unwrap()
            .is_empty()
    );
    let customer = store
        .upsert_customer(
            ws.id,
            &NewCustomer {
                external_id: Some("c-1".into()),
                email: None,
                name: None,
                locale: None,
            },
        )
        .await
        .unwrap();
    let mut attributes = BTreeMap::new();
    attributes.insert("referrer".to_owned(), "search.example".to_owned());
    let events = vec![
        Event {
            attributes,
            touchpoint_id: Some(TouchpointId::new()),
            locale: Some(Locale::Cy),
            customer_id: Some(customer.id),
            ..event(EventDetail::PageView, 0)
        },
        event(
            EventDetail::Search {
                query: "bara brith".into(),
                result_count: Some(0),
            },
            1,
        ),
        event(
            EventDetail::Conversion {
                goal: "order".into(),
                value: Some(23.5),
            },
            2,
        ),
        Event {
            channel: Channel::InApp,
            ..event(
                EventDetail::Task {
                    name: "checkout".into(),
                    success: false,
                    duration_ms: Some(81_000),
                },
                3,
            )
        },
        event(
            EventDetail::Error {
                kind: "TypeError".into(),
            },
            4,
        ),
        event(
            EventDetail::Search {
                query: "tea".into(),
                result_count: None,
            },
            5,
        ),
        event(
            EventDetail::Click {
                target: "https://elsewhere.example/".into(),
            },
            6,
        ),
    ];
    let stored = store
        .insert_events(&to_store(ws.id, &events))
        .await
        .unwrap();
    assert_eq!(stored.len(), events.len());
    assert!(stored.iter().all(|s| s.created));
    assert_eq!(
        stored.iter().map(|s| s.id).collect::<Vec<_>>(),
        events.iter().map(|e| e.id).collect::<Vec<_>>()
    );

    let back = store.events_after(ws.id, None, 100).await.unwrap();
    assert_eq!(back, events, "every field comes back as written, by id");
    // Paged by id: after the third, the rest.
    let rest = store
        .events_after(ws.id, Some(events[2].id), 2)
        .await
        .unwrap();
    assert_eq!(rest, events[3..5].to_vec());
    assert_eq!(store.event(ws.id, events[1].id).await.unwrap(), events[1]);
    assert!(matches!(
        store.event(other.id, events[1].id).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        store
            .events_after(other.id, None, 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(store.event_workspaces().await.unwrap(), vec![ws.id]);
}

async fn a_repeated_client_key_is_stored_once_and_answers_the_first_id(store: SharedStore) {
    let ws = workspace(&store, "events-keys").await;
    let other = workspace(&store, "events-keys-other").await;
    let keyed = |key: &str, minutes| Event {
        client_key: Some(key.into()),
        ..event(EventDetail::PageView, minutes)
    };
    let first = vec![
        keyed("a", 0),
        keyed("b", 1),
        keyed("a", 2),
        event(EventDetail::PageView, 3),
    ];
    let stored = store.insert_events(&to_store(ws.id, &first)).await.unwrap();
    assert_eq!(
        stored.iter().map(|s| s.created).collect::<Vec<_>>(),
        vec![true, true, false, true]
    );
    assert_eq!(
        stored[2].id, first[0].id,
        "a repeat in the batch names the first"
    );

    // Sent again (a retry): nothing new, the first ids; a new key in the same batch is stored.
    let again = vec![keyed("b", 4), keyed("c", 5), keyed("a", 6)];
    let stored = store.insert_events(&to_store(ws.id, &again)).await.unwrap();
    assert_eq!(
        stored.iter().map(|s| (s.id, s.created)).collect::<Vec<_>>(),
        vec![
            (first[1].id, false),
            (again[1].id, true),
            (first[0].id, false)
        ]
    );
    assert_eq!(store.events_after(ws.id, None, 100).await.unwrap().len(), 4);

    // Another workspace's key "a" is its own.
    let theirs = vec![keyed("a", 7)];
    let stored = store
        .insert_events(&to_store(other.id, &theirs))
        .await
        .unwrap();
    assert!(stored[0].created);

    // A large batch goes in whole (several statements).
    let many: Vec<Event> = (0..1_000)
        .map(|i| Event {
            client_key: (i % 2 == 0).then(|| format!("k{i}")),
            ..event(EventDetail::PageView, i)
        })
        .collect();
    let stored = store.insert_events(&to_store(ws.id, &many)).await.unwrap();
    assert!(stored.iter().all(|s| s.created));
    assert_eq!(
        store.events_after(ws.id, None, 5_000).await.unwrap().len(),
        1_004
    );
}

async fn an_event_naming_another_workspaces_customer_fails_the_whole_batch(store: SharedStore) {
    let ws = workspace(&store, "events-fk").await;
    let other = workspace(&store, "events-fk-other").await;
    let theirs = store
        .upsert_customer(
            other.id,
            &NewCustomer {
                external_id: Some("x".into()),
                email: None,
                name: None,
                locale: None,
            },
        )
        .await
        .unwrap();
    for customer in [theirs.id, CustomerId::new()] {
        let batch = vec![
            event(EventDetail::PageView, 0),
            Event {
                customer_id: Some(customer),
                ..event(EventDetail::PageView, 1)
            },
        ];
        let err = store
            .insert_events(&to_store(ws.id, &batch))
            .await
            .unwrap_err();
        assert!(
            matches!(err, StoreError::Conflict(ConflictKind::StaleReference)),
            "{err:?}"
        );
    }
    assert!(
        store
            .events_after(ws.id, None, 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(store.event_workspaces().await.unwrap().is_empty());
}

fn site_fields(name: &str, touchpoint: TouchpointId) -> SiteFields {
    SiteFields {
        name: Name::parse(name).unwrap(),
        hostnames: vec!["shop.example".into(), "*.becws.cymru".into()],
        patterns: vec![UrlPattern {
            pattern: "/checkout*".into(),
            touchpoint_id: touchpoint,
        }],
        search_param: "q".into(),
    }
}

async fn sites_are_created_found_by_key_edited_and_deleted_within_their_workspace(
    store: SharedStore,
) {
    let ws = workspace(&store, "sites-a").await;
    let other = workspace(&store, "sites-b").await;
    let tp = TouchpointId::new();
    let site = store
        .create_site(ws.id, &site_fields("Web shop", tp), "key-a-1")
        .await
        .unwrap();
    assert_eq!(site.site_key, "key-a-1");
    assert_eq!(store.site(ws.id, site.id).await.unwrap(), site);
    let (found_ws, found) = store.site_by_key("key-a-1").await.unwrap().unwrap();
    assert_eq!((found_ws, found.id), (ws.id, site.id));
    assert!(store.site_by_key("key-nope").await.unwrap().is_none());
    // A key is unique across workspaces.
    let taken = store
        .create_site(other.id, &site_fields("Theirs", tp), "key-a-1")
        .await
        .unwrap_err();
    assert!(
        matches!(taken, StoreError::Conflict(ConflictKind::SlugTaken)),
        "{taken:?}"
    );
    let second = store
        .create_site(ws.id, &site_fields("Another shop", tp), "key-a-2")
        .await
        .unwrap();
    assert_eq!(
        store
            .sites(ws.id)
            .await
            .unwrap()
            .iter()
            .map(|s| s.id)
            .collect::<Vec<_>>(),
        vec![second.id, site.id],
        "by name"
    );

    // Another workspace sees none of it.
    assert!(store.sites(other.id).await.unwrap().is_empty());
    assert!(matches!(
        store.site(other.id, site.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .update_site(other.id, site.id, &site_fields("Hijack", tp))
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.delete_site(other.id, site.id).await,
        Err(StoreError::NotFound)
    ));

    let mut edited = site_fields("Web shop (new)", tp);
    edited.search_param = "search".into();
    edited.patterns.push(UrlPattern {
        pattern: "/".into(),
        touchpoint_id: TouchpointId::new(),
    });
    let updated = store.update_site(ws.id, site.id, &edited).await.unwrap();
    assert_eq!(updated.fields, edited);
    assert_eq!(updated.site_key, "key-a-1");
    assert_eq!(store.site(ws.id, site.id).await.unwrap(), updated);

    store.delete_site(ws.id, site.id).await.unwrap();
    assert!(store.site_by_key("key-a-1").await.unwrap().is_none());
    assert!(matches!(
        store.delete_site(ws.id, site.id).await,
        Err(StoreError::NotFound)
    ));
}

async fn the_visitor_salt_of_a_day_is_shared_and_old_days_are_forgotten(store: SharedStore) {
    let day = 20_000;
    let first = store.visitor_salt(day, &[1; 32]).await.unwrap();
    assert_eq!(first, vec![1; 32]);
    // Another node with another candidate gets the stored one.
    assert_eq!(
        store.visitor_salt(day, &[2; 32]).await.unwrap(),
        vec![1; 32]
    );
    // Two days on, the first day's salt is gone: asking for it again makes a new one.
    assert_eq!(
        store.visitor_salt(day + 2, &[3; 32]).await.unwrap(),
        vec![3; 32]
    );
    assert_eq!(
        store.visitor_salt(day, &[4; 32]).await.unwrap(),
        vec![4; 32]
    );
}

#[test]
fn event_ids_are_time_ordered() {
    let a = EventId::new();
    let b = EventId::new();
    assert!(a < b);
}
