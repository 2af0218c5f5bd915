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
    let latest = store.latest_events(ws.id, 2).await.unwrap();
    assert_eq!(latest, vec![events[6].clone(), events[5].clone()]);
    assert!(store.latest_events(other.id, 2).await.unwrap().is_empty());
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

// --- over HTTP ------------------------------------------------------------------------------------

use crate::helpers::TestApp;
use reqwest::Method;
use serde_json::{Value, json};
use taith_domain::TokenScope;

/// A journey with two touchpoints (`Product page`, `Checkout`) in the workspace.
pub(crate) async fn touchpoints(
    store: &SharedStore,
    ws: WorkspaceId,
) -> (TouchpointId, TouchpointId) {
    let mut j = taith_domain::Journey::new(
        taith_domain::JourneyFields {
            name: Name::parse("Web shop").unwrap(),
            description: Default::default(),
            persona_id: None,
        },
        taith_domain::StageModel::FiveStage,
        |k| Name::parse(k).unwrap(),
        taith_domain::now(),
    );
    let stage = j.stages[2].id;
    let mut add = |name: &str| {
        j.add_touchpoint(
            stage,
            taith_domain::TouchpointFields {
                name: Name::parse(name).unwrap(),
                channel: Channel::Web,
                owner: None,
                description: Default::default(),
                moment_of_truth: false,
            },
        )
        .unwrap()
    };
    let product = add("Product page");
    let checkout = add("Checkout");
    store
        .create_journey(
            ws,
            &j,
            &taith_store::Author {
                user_id: None,
                name: "test".into(),
            },
            &[taith_domain::Change::Created],
        )
        .await
        .unwrap();
    (product, checkout)
}

async fn a_batch_is_stored_once_through_the_api_and_read_back_by_cursor(store: SharedStore) {
    let app = TestApp::spawn(store).await;
    let (ws, _) = app
        .workspace("api-events", "owner@api-events.example")
        .await;
    let (_, checkout) = touchpoints(&app.store, ws.id).await;
    let write = app.api_token("api-events", TokenScope::Write).await;
    let read = app.api_token("api-events", TokenScope::Read).await;
    let b = app.browser();
    let batch = json!({"events": [
        {"type": "page_view", "url": "https://shop.example/checkout?email=a%40b.example&step=2",
         "visitor_id": "v-1", "session_id": "s-1", "occurred_at": "2026-01-01T10:00:00Z"},
        {"type": "search", "query": "bara brith", "result_count": 0, "visitor_id": "v-1"},
        {"type": "conversion", "goal": "order", "value": 23.5, "touchpoint_id": checkout.to_string(),
         "attributes": {"plan": "gold"}, "locale": "cy", "channel": "in-app"},
        {"type": "task", "name": "checkout", "success": false, "duration_ms": 81000},
        {"type": "error", "kind": "TypeError"},
        {"type": "click", "target": "https://elsewhere.example/", "client_id": "own-key"}
    ]});
    // Dated events are fine when they are not older than the cap: move the first one to now.
    let mut batch = batch;
    batch["events"][0]["occurred_at"] = json!(
        (taith_domain::now() - time::Duration::days(3))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap()
    );
    let post = |body: Value, key: Option<&'static str>| {
        let client = crate::helpers::http().build().unwrap();
        let url = app.url("/api/v1/events");
        let token = write.clone();
        async move {
            let mut r = client.post(url).bearer_auth(token).json(&body);
            if let Some(k) = key {
                r = r.header("idempotency-key", k);
            }
            let resp = r.send().await.unwrap();
            let status = resp.status().as_u16();
            (status, resp.json::<Value>().await.unwrap())
        }
    };
    let (status, first) = post(batch.clone(), Some("batch-1")).await;
    assert_eq!(status, 201, "{first}");
    let ids: Vec<&str> = first["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(e["created"], true);
            e["id"].as_str().unwrap()
        })
        .collect();
    assert_eq!(ids.len(), 6);
    // A retry stores nothing and names the first ids.
    let (status, again) = post(batch.clone(), Some("batch-1")).await;
    assert_eq!(status, 200, "{again}");
    for (e, id) in again["events"].as_array().unwrap().iter().zip(&ids) {
        assert_eq!(
            (e["id"].as_str().unwrap(), &e["created"]),
            (*id, &json!(false))
        );
    }

    // Read back by cursor, oldest first; the e-mail parameter was stripped.
    let (status, page) = b
        .api(Method::GET, "/api/v1/events?limit=4", &read, None)
        .await;
    assert_eq!(status, 200, "{page}");
    let events = page["events"].as_array().unwrap();
    assert_eq!(events.len(), 4);
    assert_eq!(events[0]["url"], "https://shop.example/checkout?step=2");
    assert_eq!(events[0]["client_id"], "batch-1:0");
    assert_eq!(events[1]["type"], "search");
    assert_eq!(events[1]["result_count"], 0);
    assert_eq!(events[2]["touchpoint_id"], checkout.to_string());
    assert_eq!(events[2]["value"], 23.5);
    assert_eq!(events[2]["attributes"]["plan"], "gold");
    assert_eq!(events[2]["channel"], "in-app");
    assert_eq!(events[3]["success"], false);
    let cursor = page["next_cursor"].as_str().unwrap();
    let (_, rest) = b
        .api(
            Method::GET,
            &format!("/api/v1/events?limit=4&cursor={cursor}"),
            &read,
            None,
        )
        .await;
    let rest = rest["events"].as_array().unwrap();
    assert_eq!(rest.len(), 2);
    assert_eq!(rest[1]["target"], "https://elsewhere.example/");
    assert_eq!(rest[1]["client_id"], "own-key");
    assert!(page["next_cursor"].is_string());

    // A read token reads but does not submit.
    let (status, _) = b
        .api(Method::POST, "/api/v1/events", &read, Some(batch))
        .await;
    assert_eq!(status, 403);
}

async fn bad_batches_are_refused_naming_the_event_and_store_nothing(store: SharedStore) {
    let app = TestApp::spawn(store).await;
    let (ws, _) = app
        .workspace("bad-events", "owner@bad-events.example")
        .await;
    let (other, _) = app
        .workspace("bad-events-2", "owner@bad-events-2.example")
        .await;
    let theirs = app
        .store
        .upsert_customer(
            other.id,
            &NewCustomer {
                external_id: Some("x".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let token = app.api_token("bad-events", TokenScope::Write).await;
    let b = app.browser();
    let future = (taith_domain::now() + time::Duration::hours(1))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let many: Vec<Value> = (0..1_001).map(|_| json!({"type": "page_view"})).collect();
    let huge: serde_json::Map<String, Value> =
        (0..21).map(|i| (format!("k{i}"), json!("v"))).collect();
    let cases: Vec<(Value, u16, &str, &str)> = vec![
        (json!({"events": many}), 422, "events", "too_long"),
        (json!({"events": []}), 422, "events", "required"),
        (
            json!({"events": [{"type": "page_view", "occurred_at": future}]}),
            422,
            "events[0].occurred_at",
            "invalid",
        ),
        (
            json!({"events": [{"type": "page_view"}, {"type": "page_view", "occurred_at": "2020-01-01T00:00:00Z"}]}),
            422,
            "events[1].occurred_at",
            "invalid",
        ),
        (
            json!({"events": [{"type": "page_view", "attributes": huge}]}),
            422,
            "events[0].attributes",
            "too_long",
        ),
        (
            json!({"events": [{"type": "page_view", "attributes": {"k": "v".repeat(257)}}]}),
            422,
            "events[0].attributes",
            "too_long",
        ),
        (
            json!({"events": [{"type": "page_view", "url": format!("/{}", "a".repeat(2_048))}]}),
            422,
            "events[0].url",
            "too_long",
        ),
        (
            json!({"events": [{"type": "page_view", "url": "javascript:alert(1)"}]}),
            422,
            "events[0].url",
            "invalid",
        ),
        (
            json!({"events": [{"type": "purchase"}]}),
            422,
            "events[0].type",
            "unknown_value",
        ),
        (
            json!({"events": [{"type": "search"}]}),
            422,
            "events[0].query",
            "required",
        ),
        (
            json!({"events": [{"type": "task", "name": "x"}]}),
            422,
            "events[0].success",
            "required",
        ),
        (
            json!({"events": [{"type": "page_view", "touchpoint_id": TouchpointId::new().to_string()}]}),
            422,
            "events[0].touchpoint_id",
            "not_found",
        ),
        (
            json!({"events": [{"type": "page_view", "customer_id": theirs.id.to_string()}]}),
            422,
            "events[0].customer_id",
            "not_found",
        ),
        (
            json!({"events": [{"type": "page_view", "colour": "red"}]}),
            400,
            "",
            "",
        ),
        (
            json!({"events": [{"type": "page_view", "result_count": "many"}]}),
            400,
            "",
            "",
        ),
        (json!([{"type": "page_view"}]), 400, "", ""),
    ];
    for (body, status, field, issue) in cases {
        let (got, answer) = b
            .api(Method::POST, "/api/v1/events", &token, Some(body))
            .await;
        assert_eq!(got, status, "{field}: {answer}");
        if !field.is_empty() {
            let details = answer["error"]["details"].as_array().unwrap();
            assert!(
                details
                    .iter()
                    .any(|d| d["field"] == field && d["issue"] == issue),
                "{field} {issue}: {answer}"
            );
        }
    }
    // Not JSON at all.
    let resp = crate::helpers::http()
        .build()
        .unwrap()
        .post(app.url("/api/v1/events"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{\"events\": [")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 400);
    assert!(
        app.store
            .events_after(ws.id, None, 10)
            .await
            .unwrap()
            .is_empty()
    );
}

async fn sites_are_managed_over_the_api_within_their_workspace(store: SharedStore) {
    let app = TestApp::spawn(store).await;
    let (ws, _) = app.workspace("api-sites", "owner@api-sites.example").await;
    app.workspace("api-sites-2", "owner@api-sites-2.example")
        .await;
    let (product, checkout) = touchpoints(&app.store, ws.id).await;
    let token = app.api_token("api-sites", TokenScope::Write).await;
    let theirs = app.api_token("api-sites-2", TokenScope::Write).await;
    let read = app.api_token("api-sites", TokenScope::Read).await;
    let b = app.browser();
    let (status, bad) = b
        .api(
            Method::POST,
            "/api/v1/sites",
            &token,
            Some(json!({"name": "", "hostnames": ["ok.example", "not a host"],
                        "patterns": [{"pattern": "/x", "touchpoint_id": TouchpointId::new().to_string()}]})),
        )
        .await;
    assert_eq!(status, 422, "{bad}");
    let fields: Vec<&str> = bad["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"name") && fields.contains(&"hostnames[1]"),
        "{bad}"
    );
    let body = json!({"name": "Becws web shop", "hostnames": ["becws.example", "*.becws.example"],
        "patterns": [{"pattern": "/checkout*", "touchpoint_id": checkout.to_string()},
                     {"pattern": "/products/*", "touchpoint_id": product.to_string()}]});
    let (status, created) = b
        .api(Method::POST, "/api/v1/sites", &token, Some(body.clone()))
        .await;
    assert_eq!(status, 201, "{created}");
    let site = &created["site"];
    let id = site["id"].as_str().unwrap().to_owned();
    let key = site["site_key"].as_str().unwrap();
    assert_eq!(key.len(), 20);
    assert_eq!(site["script_path"], format!("/t/{key}.js"));
    assert_eq!(site["search_param"], "q");
    let (status, _) = b
        .api(Method::POST, "/api/v1/sites", &read, Some(body.clone()))
        .await;
    assert_eq!(status, 403);
    let (status, list) = b.api(Method::GET, "/api/v1/sites", &read, None).await;
    assert_eq!(status, 200);
    assert_eq!(list["sites"].as_array().unwrap().len(), 1);
    // Another workspace's token: the same 404 as no site at all.
    for token in [&theirs] {
        for (method, body) in [
            (Method::GET, None),
            (Method::PUT, Some(body.clone())),
            (Method::DELETE, None),
        ] {
            let (status, _) = b
                .api(method, &format!("/api/v1/sites/{id}"), token, body)
                .await;
            assert_eq!(status, 404);
        }
    }
    let mut changed = body.clone();
    changed["search_param"] = json!("search");
    let (status, updated) = b
        .api(
            Method::PUT,
            &format!("/api/v1/sites/{id}"),
            &token,
            Some(changed),
        )
        .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["site"]["search_param"], "search");
    assert_eq!(updated["site"]["site_key"], key);
    let (status, _) = b
        .api(Method::DELETE, &format!("/api/v1/sites/{id}"), &token, None)
        .await;
    assert_eq!(status, 204);
    let (status, _) = b
        .api(Method::GET, &format!("/api/v1/sites/{id}"), &token, None)
        .await;
    assert_eq!(status, 404);
}

on_both_stores!(
    a_batch_is_stored_once_through_the_api_and_read_back_by_cursor,
    bad_batches_are_refused_naming_the_event_and_store_nothing,
    sites_are_managed_over_the_api_within_their_workspace,
    a_csv_import_is_all_or_nothing_and_names_the_bad_line,
    the_tracker_records_beacons_from_the_sites_hosts_and_drops_the_rest,
);

async fn a_csv_import_is_all_or_nothing_and_names_the_bad_line(store: SharedStore) {
    let ws = workspace(&store, "import-events").await;
    let (_, checkout) = touchpoints(&store, ws.id).await;
    let events = taith_app::events::Events::start(store.clone());
    let recent = (taith_domain::now() - time::Duration::days(2))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let good = format!(
        "type,occurred_at,visitor_id,url,touchpoint_id,query,result_count,goal,value,client_id,attributes.referrer\n\
         page_view,{recent},v1,https://shop.example/checkout,{checkout},,,,,k1,search.example\n\
         search,{recent},v1,/search?q=tea,,tea,0,,,k2,\n\
         conversion,{recent},v1,/checkout/done,{checkout},,,order,12.5,k3,\n"
    );
    let bad = format!("{good}search,{recent},v2,/search,,,,,,k4,\n");
    let err = taith_app::events::import::import_events_csv(&events, ws.id, bad.as_bytes())
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 5, column query: a value is needed",
        "the bad line is named"
    );
    assert!(
        store
            .events_after(ws.id, None, 10)
            .await
            .unwrap()
            .is_empty()
    );
    let unknown = "type,colour\npage_view,red\n";
    let err = taith_app::events::import::import_events_csv(&events, ws.id, unknown.as_bytes())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("colour"), "{err}");

    let stored = taith_app::events::import::import_events_csv(&events, ws.id, good.as_bytes())
        .await
        .unwrap();
    assert_eq!(stored, 3);
    let back = store.events_after(ws.id, None, 10).await.unwrap();
    assert_eq!(back.len(), 3);
    assert_eq!(back[0].touchpoint_id, Some(checkout));
    assert_eq!(back[0].attributes["referrer"], "search.example");
    assert_eq!(
        back[1].detail,
        EventDetail::Search {
            query: "tea".into(),
            result_count: Some(0)
        }
    );
    // The same file again: its client ids are stored, nothing new.
    let stored = taith_app::events::import::import_events_csv(&events, ws.id, good.as_bytes())
        .await
        .unwrap();
    assert_eq!(stored, 0);
}

/// A browser's user agent (not a bot's).
const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

async fn beacon(
    app: &TestApp,
    key: &str,
    origin: Option<&str>,
    user_agent: &str,
    body: &str,
) -> (u16, Option<String>, String) {
    let client = crate::helpers::http().build().unwrap();
    let mut r = client
        .post(app.url(&format!("/t/{key}")))
        .header("user-agent", user_agent)
        .header("content-type", "text/plain;charset=UTF-8")
        .body(body.to_owned());
    if let Some(o) = origin {
        r = r.header("origin", o);
    }
    let resp = r.send().await.unwrap();
    let status = resp.status().as_u16();
    let cors = resp
        .headers()
        .get("access-control-allow-origin")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, cors, resp.text().await.unwrap())
}

async fn the_tracker_records_beacons_from_the_sites_hosts_and_drops_the_rest(store: SharedStore) {
    let app = TestApp::spawn(store).await;
    let (ws, _) = app.workspace("tracked", "owner@tracked.example").await;
    let (other, _) = app.workspace("tracked-2", "owner@tracked-2.example").await;
    let (product, checkout) = touchpoints(&app.store, ws.id).await;
    let input = taith_domain::SiteInput {
        name: "Becws web shop".into(),
        hostnames: vec!["becws.example".into()],
        patterns: vec![
            taith_domain::UrlPatternInput {
                pattern: "/checkout*".into(),
                touchpoint_id: checkout.to_string(),
            },
            taith_domain::UrlPatternInput {
                pattern: "/*".into(),
                touchpoint_id: product.to_string(),
            },
        ],
        search_param: "s".into(),
    };
    let site = taith_app::events::sites::create_site(app.store.as_ref(), ws.id, &input)
        .await
        .unwrap();
    let theirs = taith_app::events::sites::create_site(
        app.store.as_ref(),
        other.id,
        &taith_domain::SiteInput {
            patterns: Vec::new(),
            ..input.clone()
        },
    )
    .await
    .unwrap();
    let key = site.site_key.as_str();

    // The script: the same for any key, small.
    let client = crate::helpers::http().build().unwrap();
    let script = client
        .get(app.url(&format!("/t/{key}.js")))
        .send()
        .await
        .unwrap();
    assert_eq!(script.status().as_u16(), 200);
    assert!(
        script.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    let js = script.text().await.unwrap();
    let gzipped = gzipped_len(js.as_bytes());
    eprintln!(
        "tracker script: {} bytes, {gzipped} bytes gzipped",
        js.len()
    );
    assert!(gzipped < 2_048, "{gzipped} bytes gzipped");
    assert!(!js.contains("document.cookie") && !js.contains("localStorage."));

    let origin = Some("https://becws.example");
    let (status, cors, body) = beacon(
        &app,
        key,
        origin,
        FIREFOX,
        r#"{"t":"page_view","u":"https://becws.example/search?s=bara+brith&token=x","r":"https://www.search.example/?q=1","c":0,"w":390,"l":"cy-GB"}"#,
    )
    .await;
    assert_eq!((status, body.as_str()), (202, ""));
    assert_eq!(cors.as_deref(), origin);
    let (status, ..) = beacon(
        &app,
        key,
        origin,
        FIREFOX,
        r#"{"t":"conversion","g":"order","v":23.5,"u":"https://becws.example/checkout/done"}"#,
    )
    .await;
    assert_eq!(status, 202);
    let stored = app.store.events_after(ws.id, None, 10).await.unwrap();
    assert_eq!(stored.len(), 3, "{stored:#?}");
    let (view, search, goal) = (&stored[0], &stored[1], &stored[2]);
    assert_eq!(view.detail, EventDetail::PageView);
    assert_eq!(
        view.url.as_deref(),
        Some("https://becws.example/search?s=bara+brith"),
        "the token parameter is stripped"
    );
    assert_eq!(view.touchpoint_id, Some(product));
    assert_eq!(view.site_id, Some(site.id));
    assert_eq!(view.locale, Some(Locale::Cy));
    assert_eq!(view.attributes["referrer"], "www.search.example");
    assert_eq!(view.attributes["screen"], "mobile");
    let visitor = view.visitor_id.clone().unwrap();
    assert_eq!(visitor.len(), 32);
    assert!(!visitor.contains("127.0.0.1"));
    assert_eq!(
        search.detail,
        EventDetail::Search {
            query: "bara brith".into(),
            result_count: Some(0)
        }
    );
    assert_eq!(goal.touchpoint_id, Some(checkout));
    assert_eq!(
        goal.detail,
        EventDetail::Conversion {
            goal: "order".into(),
            value: Some(23.5)
        }
    );
    // Same visitor, same session.
    assert_eq!(goal.visitor_id.as_deref(), Some(visitor.as_str()));
    assert_eq!(goal.session_id, view.session_id);
    // Another browser at the same address is another visitor.
    beacon(
        &app,
        key,
        origin,
        "Mozilla/5.0 (Macintosh) Safari/605.1",
        r#"{"t":"page_view","u":"https://becws.example/"}"#,
    )
    .await;
    let latest = app.store.latest_events(ws.id, 1).await.unwrap();
    assert_ne!(latest[0].visitor_id.as_deref(), Some(visitor.as_str()));

    // Dropped alike, answered alike: bots, headless browsers, webdriver, forged and unknown
    // keys, another workspace's key from this site, a host the site does not allow.
    let pv = r#"{"t":"page_view","u":"https://becws.example/"}"#;
    let headless = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36";
    let forged = "abcdefghijkmnpqrstuv";
    let dropped = [
        (
            key,
            origin,
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            pv,
        ),
        (key, origin, headless, pv),
        (key, origin, "", pv),
        (
            key,
            origin,
            FIREFOX,
            r#"{"t":"page_view","u":"https://becws.example/","b":true}"#,
        ),
        (forged, origin, FIREFOX, pv),
        ("not-a-key", origin, FIREFOX, pv),
        (
            theirs.site_key.as_str(),
            Some("https://elsewhere.example"),
            FIREFOX,
            pv,
        ),
        (key, Some("https://evil.example"), FIREFOX, pv),
        (
            key,
            None,
            FIREFOX,
            r#"{"t":"page_view","u":"https://evil.example/"}"#,
        ),
        (
            key,
            origin,
            FIREFOX,
            r#"{"t":"page_view","u":"javascript:alert(1)"}"#,
        ),
        (key, origin, FIREFOX, r#"{"t":"purchase"}"#),
    ];
    for (k, o, ua, body) in dropped {
        let (status, cors, text) = beacon(&app, k, o, ua, body).await;
        assert_eq!(
            (status, cors, text.as_str()),
            (202, None, ""),
            "{k} {o:?} {ua} {body}"
        );
    }
    assert_eq!(
        app.store
            .events_after(ws.id, None, 100)
            .await
            .unwrap()
            .len(),
        4
    );
    assert!(
        app.store
            .events_after(other.id, None, 100)
            .await
            .unwrap()
            .is_empty()
    );

    // Not a beacon, or too large: refused, for any key.
    for k in [key, forged] {
        let (status, ..) = beacon(&app, k, origin, FIREFOX, "{\"t\":").await;
        assert_eq!(status, 400);
        let big = format!(
            r#"{{"t":"page_view","u":"https://becws.example/{}"}}"#,
            "a".repeat(9_000)
        );
        let (status, ..) = beacon(&app, k, origin, FIREFOX, &big).await;
        assert_eq!(status, 413);
    }
    // A future or ancient time cannot be sent: the tracker's events are stamped on arrival.
    let (status, ..) = beacon(
        &app,
        key,
        origin,
        FIREFOX,
        r#"{"t":"page_view","u":"https://becws.example/a","occurred_at":"2000-01-01T00:00:00Z"}"#,
    )
    .await;
    assert_eq!(status, 202);
    let latest = app.store.latest_events(ws.id, 1).await.unwrap();
    assert!(latest[0].occurred_at > taith_domain::now() - time::Duration::minutes(5));
}

/// The gzipped size of `bytes` (`gzip -9`).
fn gzipped_len(bytes: &[u8]) -> usize {
    use std::io::Write as _;
    let mut child = std::process::Command::new("gzip")
        .arg("-9c")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("gzip");
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    child.wait_with_output().unwrap().stdout.len()
}

#[tokio::test]
async fn a_distinct_url_flood_is_cut_to_paths_then_dropped_and_never_breaks_intake() {
    let lots = taith_web::http::limits::Quota::new(1_000_000, 1_000_000);
    let app = TestApp::spawn_with(
        crate::helpers::fresh_sqlite().await.0,
        taith_web::WebConfig {
            limits: taith_web::http::limits::Limits {
                tracking: lots,
                ..Default::default()
            },
            ..Default::default()
        },
    )
    .await;
    let (ws, _) = app.workspace("flood", "owner@flood.example").await;
    let site = taith_app::events::sites::create_site(
        app.store.as_ref(),
        ws.id,
        &taith_domain::SiteInput {
            name: "Flooded".into(),
            hostnames: vec!["flood.example".into()],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    // 1,000 distinct addresses as fast as they go (most within a second or two).
    let client = crate::helpers::http().build().unwrap();
    let mut sent = Vec::new();
    for i in 0..1_000 {
        let client = client.clone();
        let url = app.url(&format!("/t/{}", site.site_key));
        sent.push(tokio::spawn(async move {
            client
                .post(url)
                .header("user-agent", FIREFOX)
                .header("origin", "https://flood.example")
                .body(format!(
                    r#"{{"t":"page_view","u":"https://flood.example/p{}?i={i}"}}"#,
                    i % 10
                ))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    for s in sent {
        assert_eq!(s.await.unwrap(), 202);
    }
    let stored = app.store.events_after(ws.id, None, 2_000).await.unwrap();
    let distinct: std::collections::HashSet<_> =
        stored.iter().filter_map(|e| e.url.clone()).collect();
    eprintln!(
        "flood: 1,000 distinct addresses sent, {} events kept, {} distinct addresses stored",
        stored.len(),
        distinct.len()
    );
    // Each event kept (ten distinct paths stay under the second cap) …
    assert_eq!(stored.len(), 1_000);
    // … but past FLOOD_URLS distinct addresses in a second, new ones are cut to their path.
    assert!(distinct.len() < 1_000, "{}", distinct.len());
    assert!(distinct.contains("https://flood.example/p3") || distinct.contains("/p3"));
    // Intake still works.
    let token = app.api_token("flood", TokenScope::Write).await;
    let (status, _) = app
        .browser()
        .api(
            Method::POST,
            "/api/v1/events",
            &token,
            Some(json!({"events": [{"type": "page_view"}]})),
        )
        .await;
    assert_eq!(status, 201);
}

#[tokio::test]
async fn the_demo_has_a_web_shop_site_bound_to_its_touchpoints_and_shows_it() {
    let (store, _dir) = crate::helpers::fresh_sqlite().await;
    let creds = taith::server::ensure_demo(&store).await.unwrap();
    let app = TestApp::spawn(store).await;
    let ws = app
        .store
        .workspace_by_slug(&taith_domain::Slug::parse(&creds.slug).unwrap())
        .await
        .unwrap();
    let sites = app.store.sites(ws.id).await.unwrap();
    assert_eq!(sites.len(), 1);
    let site = &sites[0];
    assert_eq!(site.fields.name.as_str(), "Becws web shop");
    assert!(site.fields.patterns.len() >= 3);
    let touchpoints = app.store.touchpoint_refs(ws.id).await.unwrap();
    let checkout = touchpoints
        .iter()
        .find(|t| t.name == "Checkout and delivery slot")
        .unwrap();
    assert_eq!(
        site.fields
            .touchpoint_for("https://becws.example/checkout/slot"),
        Some(checkout.id)
    );
    let b = app.browser();
    b.sign_in(&creds.email, &creds.password).await;
    let page = b.get("/w/demo/sites").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Becws web shop"), "{}", page.body);
    let page = b.get(&format!("/w/demo/sites/{}?lang=cy", site.id)).await;
    assert_eq!(page.status, 200);
    assert!(
        page.text().contains(&format!("/t/{}.js", site.site_key)),
        "{}",
        page.body
    );
    assert!(page.text().contains("Pwynt cyswllt"));
}

#[tokio::test]
async fn taith_import_events_stores_a_file_and_names_a_bad_line() {
    let dir = crate::helpers::scratch_path("taith-import-events-");
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("taith.db");
    let store: SharedStore =
        std::sync::Arc::new(taith_store_sqlite::SqliteStore::open(&db).await.unwrap());
    workspace(&store, "cli-events").await;
    drop(store);
    let recent = (taith_domain::now() - time::Duration::days(1))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let good = dir.join("good.csv");
    std::fs::write(
        &good,
        format!(
            "type,occurred_at,url,goal\npage_view,{recent},/a,\nconversion,{recent},/b,order\n"
        ),
    )
    .unwrap();
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "type,url\npage_view,/a\nclick,/b\n").unwrap();
    let run = |file: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_taith"))
            .args(["--database-url", &format!("sqlite://{}", db.display())])
            .env_remove("TAITH_DATABASE_URL")
            .args(["import", "events"])
            .arg(file)
            .args(["--workspace", "cli-events"])
            .output()
            .unwrap()
    };
    let o = run(&bad);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("line 3, column target"), "{err}");
    let o = run(&good);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("imported 2 events into cli-events"));
    let _ = std::fs::remove_dir_all(&dir);
}
