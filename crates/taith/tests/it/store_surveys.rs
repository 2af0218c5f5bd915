//! The store behaviour suite for surveys, customers and responses: every behaviour runs on
//! SQLite, and on PostgreSQL when `TAITH_TEST_POSTGRES_URL` is set (e.g.
//! `postgres://postgres@127.0.0.1:5432/test`); each test gets a fresh database. Test names end
//! in `_on_sqlite` / `_on_postgres`.

use std::collections::BTreeMap;
use taith_domain::survey::{
    Answer, AnswerValue, FollowUp, FollowUpKind, LocalizedText, ScoreRange,
};
use taith_domain::{
    Change, Channel, CustomerId, Email, FollowUpId, Journey, JourneyFields, Locale, LongText, Name,
    NewResponse, ResponseId, Slug, StageModel, SurveyFields, SurveyId, SurveyKind, SurveyStatus,
    TouchpointFields, TouchpointId, User, Workspace, WorkspaceId,
};
use taith_store::{
    Author, ConflictKind, NewCustomer, NewUser, PageRequest, ResponseToStore, ResponsesBetween,
    SharedStore, StoreError, StoredResponse,
};
use time::Duration;

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
    many_customers_are_upserted_in_one_call_by_the_same_rule,
    surveys_are_created_read_listed_updated_and_deleted,
    a_survey_is_found_by_its_public_id_from_any_workspace,
    nothing_of_a_survey_is_reachable_through_another_workspace,
    a_survey_must_sit_on_a_touchpoint_of_its_own_workspace,
    a_survey_with_responses_cannot_be_deleted,
    customers_are_found_by_external_id_else_by_email_and_filled_in,
    a_batch_is_stored_whole_with_one_result_per_response_in_order,
    a_client_key_is_stored_once_across_batches_and_within_one,
    fifty_concurrent_submissions_with_one_client_key_store_one_response,
    a_batch_with_one_bad_response_stores_nothing,
    the_new_customers_of_a_batch_are_created_and_linked_in_the_same_call,
    a_batch_that_fails_leaves_none_of_its_customers_behind,
    follow_up_answers_and_a_comment_are_added_to_a_stored_response,
    responses_are_paged_by_cursor_for_the_workspace_and_per_survey,
    the_last_response_of_a_customer_to_a_survey_is_found_for_throttling,
    deleting_a_touchpoint_keeps_its_surveys_without_the_link,
    an_answer_placed_on_a_touchpoint_deleted_meanwhile_is_kept_where_its_survey_is_now,
    a_deleted_response_is_logged_for_tailers_within_its_workspace,
    old_deletion_log_entries_are_forgotten_within_their_workspace_only,
    responses_of_a_period_are_read_newest_first_filtered_and_paged_within_their_workspace,
);

// --- small builders -----------------------------------------------------------------------------

fn name(s: &str) -> Name {
    Name::parse(s).expect("a valid name")
}

fn text(s: &str) -> LongText {
    LongText::parse(s).expect("valid text")
}

fn email(s: &str) -> Email {
    Email::parse(s).expect("a valid e-mail address")
}

fn localized(pairs: &[(Locale, &str)]) -> LocalizedText {
    LocalizedText(pairs.iter().map(|(l, s)| (*l, (*s).to_owned())).collect())
}

/// A workspace `slug` owned by a new user `owner@<slug>.test`.
async fn workspace(store: &SharedStore, s: &str) -> (Workspace, User) {
    store
        .create_workspace(
            &Slug::parse(s).expect("a valid slug"),
            &name(&format!("Workspace {s}")),
            NewUser {
                email: email(&format!("owner@{s}.test")),
                name: name(&format!("Owner of {s}")),
                password_hash: "$argon2id$v=19$fake".to_owned(),
            },
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

/// A stored journey with five stages and two touchpoints in the first.
async fn stored_journey(store: &SharedStore, ws: &Workspace, owner: &User) -> Journey {
    let mut j = Journey::new(
        JourneyFields {
            name: name("Buying bread"),
            description: text(""),
            persona_id: None,
        },
        StageModel::FiveStage,
        name,
        taith_domain::now(),
    );
    let first = j.stages[0].id;
    for (n, channel) in [
        ("Checkout", Channel::Web),
        ("Shop counter", Channel::InStore),
    ] {
        j.add_touchpoint(
            first,
            TouchpointFields {
                name: name(n),
                channel,
                owner: None,
                description: text(""),
                moment_of_truth: false,
            },
        )
        .expect("add a touchpoint");
    }
    store
        .create_journey(ws.id, &j, &author(owner), &[Change::Created])
        .await
        .expect("create a journey")
}

/// An NPS survey in English and Welsh with a follow-up for detractors.
fn nps(n: &str, touchpoint: Option<TouchpointId>) -> SurveyFields {
    SurveyFields {
        name: name(n),
        kind: SurveyKind::Nps,
        scale: SurveyKind::Nps.default_scale(),
        default_locale: Locale::En,
        question: localized(&[
            (Locale::En, "How likely are you to recommend us?"),
            (Locale::Cy, "Pa mor debygol ydych chi o'n hargymell ni?"),
        ]),
        thank_you: localized(&[(Locale::En, "Thank you!"), (Locale::Cy, "Diolch!")]),
        follow_ups: vec![FollowUp {
            id: FollowUpId::new(),
            prompt: localized(&[(Locale::En, "What should we improve?")]),
            kind: FollowUpKind::OpenText,
            when: Some(ScoreRange { min: 0, max: 6 }),
        }],
        touchpoint_id: touchpoint,
        status: SurveyStatus::Live,
        anonymous: false,
        throttle_days: SurveyFields::DEFAULT_THROTTLE_DAYS,
    }
}

async fn survey(store: &SharedStore, ws: WorkspaceId, n: &str) -> taith_domain::Survey {
    store
        .create_survey(
            ws,
            &nps(n, None),
            &format!("pub-{}", SurveyId::new().0.simple()),
        )
        .await
        .expect("create a survey")
}

/// A response to `survey` with score `score`, submitted `days_ago` days ago.
fn response(survey: SurveyId, score: i16, days_ago: i64) -> NewResponse {
    NewResponse {
        id: ResponseId::new(),
        survey_id: survey,
        score,
        answers: Vec::new(),
        comment: LongText::empty(),
        touchpoint_id: None,
        channel: Channel::Web,
        locale: Locale::En,
        customer_id: None,
        attributes: BTreeMap::new(),
        submitted_at: taith_domain::now() - Duration::days(days_ago),
        client_key: None,
    }
}

fn keyed(survey: SurveyId, score: i16, key: &str) -> NewResponse {
    NewResponse {
        client_key: Some(key.to_owned()),
        ..response(survey, score, 0)
    }
}

fn to_store(ws: WorkspaceId, responses: &[NewResponse]) -> Vec<ResponseToStore> {
    responses
        .iter()
        .map(|r| ResponseToStore {
            workspace_id: ws,
            response: r.clone(),
            customer: None,
        })
        .collect()
}

async fn all_responses(
    store: &SharedStore,
    ws: WorkspaceId,
    survey: Option<SurveyId>,
) -> Vec<NewResponse> {
    store
        .responses(ws, survey, PageRequest::all())
        .await
        .expect("list responses")
        .items
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

// --- surveys ------------------------------------------------------------------------------------

async fn surveys_are_created_read_listed_updated_and_deleted(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let journey = stored_journey(&store, &ws, &owner).await;
    let checkout = journey.touchpoints[0].id;

    let fields = nps("Checkout NPS", Some(checkout));
    let created = store
        .create_survey(ws.id, &fields, "pub-checkout")
        .await
        .expect("create a survey");
    assert_eq!(created.public_id, "pub-checkout");
    assert_eq!(created.fields, fields);
    // Read back exactly as written: texts in every locale, follow-ups, flags and times.
    let read = store.survey(ws.id, created.id).await.expect("read it");
    assert_eq!(read, created);

    let second = store
        .create_survey(
            ws.id,
            &SurveyFields {
                kind: SurveyKind::Csat,
                scale: taith_domain::Scale { low: 1, high: 7 },
                follow_ups: Vec::new(),
                status: SurveyStatus::Draft,
                anonymous: true,
                throttle_days: 0,
                default_locale: Locale::Cy,
                question: localized(&[(Locale::Cy, "Pa mor fodlon oeddech chi?")]),
                thank_you: localized(&[(Locale::Cy, "Diolch")]),
                ..nps("Delivery CSAT", None)
            },
            "pub-delivery",
        )
        .await
        .expect("create another");
    assert_eq!(store.survey(ws.id, second.id).await.expect("read"), second);
    let listed = store
        .surveys(ws.id, PageRequest::first(50))
        .await
        .expect("list");
    assert_eq!(listed.items, vec![created.clone(), second.clone()]);
    assert!(listed.next.is_none());
    let first_page = store
        .surveys(ws.id, PageRequest::first(1))
        .await
        .expect("a page of one");
    assert_eq!(first_page.items, vec![created.clone()]);
    assert_eq!(first_page.next, Some(created.id));

    let mut edit = created.fields.clone();
    edit.name = name("Checkout NPS (2026)");
    edit.status = SurveyStatus::Closed;
    edit.touchpoint_id = Some(journey.touchpoints[1].id);
    edit.question = localized(&[(Locale::En, "Would you recommend our checkout?")]);
    edit.follow_ups.clear();
    let updated = store
        .update_survey(ws.id, created.id, &edit)
        .await
        .expect("update");
    assert_eq!(updated.fields, edit);
    assert_eq!(updated.public_id, created.public_id);
    assert_eq!(updated.created_at, created.created_at);
    assert!(updated.updated_at >= created.updated_at);
    assert_eq!(
        store.survey(ws.id, created.id).await.expect("read"),
        updated
    );
    assert!(is_not_found(
        store.update_survey(ws.id, SurveyId::new(), &edit).await
    ));

    store
        .delete_survey(ws.id, second.id)
        .await
        .expect("delete a survey without responses");
    assert!(is_not_found(store.survey(ws.id, second.id).await));
    assert!(is_not_found(store.delete_survey(ws.id, second.id).await));
    assert!(is_not_found(
        store.survey_by_public_id("pub-delivery").await
    ));
}

async fn a_survey_is_found_by_its_public_id_from_any_workspace(store: SharedStore) {
    let (bakery, _) = workspace(&store, "bakery").await;
    let (cafe, _) = workspace(&store, "cafe").await;
    let ours = survey(&store, bakery.id, "Bakery NPS").await;
    let theirs = survey(&store, cafe.id, "Café NPS").await;
    assert_eq!(
        store
            .survey_by_public_id(&ours.public_id)
            .await
            .expect("by public id"),
        (bakery.id, ours.clone())
    );
    assert_eq!(
        store
            .survey_by_public_id(&theirs.public_id)
            .await
            .expect("by public id"),
        (cafe.id, theirs)
    );
    assert!(is_not_found(store.survey_by_public_id("nope").await));
    // Public ids are unique across workspaces.
    assert!(
        store
            .create_survey(cafe.id, &nps("Copy", None), &ours.public_id)
            .await
            .is_err()
    );
}

async fn nothing_of_a_survey_is_reachable_through_another_workspace(store: SharedStore) {
    let (bakery, _) = workspace(&store, "bakery").await;
    let (cafe, _) = workspace(&store, "cafe").await;
    let s = survey(&store, bakery.id, "Bakery NPS").await;
    let customer = store
        .upsert_customer(
            bakery.id,
            &NewCustomer {
                external_id: Some("c-1".into()),
                ..NewCustomer::default()
            },
        )
        .await
        .expect("a customer");
    let stored = store
        .insert_responses(&to_store(
            bakery.id,
            &[NewResponse {
                customer_id: Some(customer.id),
                ..response(s.id, 9, 0)
            }],
        ))
        .await
        .expect("a response");
    let r = stored[0].id;

    assert!(is_not_found(store.survey(cafe.id, s.id).await));
    assert!(is_not_found(
        store.update_survey(cafe.id, s.id, &s.fields).await
    ));
    assert!(is_not_found(store.delete_survey(cafe.id, s.id).await));
    assert!(
        store
            .surveys(cafe.id, PageRequest::first(50))
            .await
            .expect("list")
            .items
            .is_empty()
    );
    assert!(is_not_found(store.customer(cafe.id, customer.id).await));
    assert!(is_not_found(store.response(cafe.id, r).await));
    assert!(is_not_found(
        store.add_answers(cafe.id, r, &[], &text("Hijacked")).await
    ));
    assert!(all_responses(&store, cafe.id, None).await.is_empty());
    assert!(all_responses(&store, cafe.id, Some(s.id)).await.is_empty());
    assert_eq!(
        store
            .last_response_at(cafe.id, s.id, customer.id)
            .await
            .expect("ask"),
        None
    );
    // The same external id in another workspace is another customer.
    let other = store
        .upsert_customer(
            cafe.id,
            &NewCustomer {
                external_id: Some("c-1".into()),
                ..NewCustomer::default()
            },
        )
        .await
        .expect("a customer of the café");
    assert_ne!(other.id, customer.id);
    // Nothing changed in the bakery.
    assert_eq!(store.survey(bakery.id, s.id).await.expect("read"), s);
    assert!(
        store
            .response(bakery.id, r)
            .await
            .expect("read")
            .comment
            .is_empty()
    );
}

async fn a_survey_must_sit_on_a_touchpoint_of_its_own_workspace(store: SharedStore) {
    let (bakery, baker) = workspace(&store, "bakery").await;
    let (cafe, _) = workspace(&store, "cafe").await;
    let journey = stored_journey(&store, &bakery, &baker).await;
    let bakery_tp = journey.touchpoints[0].id;
    assert_eq!(
        conflict(
            store
                .create_survey(cafe.id, &nps("Café NPS", Some(bakery_tp)), "pub-cafe")
                .await
        ),
        Some(ConflictKind::StaleReference)
    );
    assert_eq!(
        conflict(
            store
                .create_survey(
                    cafe.id,
                    &nps("Café NPS", Some(TouchpointId::new())),
                    "pub-x"
                )
                .await
        ),
        Some(ConflictKind::StaleReference)
    );
    let s = survey(&store, cafe.id, "Café NPS").await;
    assert_eq!(
        conflict(
            store
                .update_survey(cafe.id, s.id, &nps("Café NPS", Some(bakery_tp)))
                .await
        ),
        Some(ConflictKind::StaleReference)
    );
    assert_eq!(store.survey(cafe.id, s.id).await.expect("read"), s);
    // No such workspace.
    assert!(is_not_found(
        store
            .create_survey(WorkspaceId::new(), &nps("Nowhere", None), "pub-nowhere")
            .await
    ));
}

async fn a_survey_with_responses_cannot_be_deleted(store: SharedStore) {
    let (ws, _) = workspace(&store, "bakery").await;
    let s = survey(&store, ws.id, "Bakery NPS").await;
    store
        .insert_responses(&to_store(ws.id, &[response(s.id, 3, 1)]))
        .await
        .expect("a response");
    assert_eq!(
        conflict(store.delete_survey(ws.id, s.id).await),
        Some(ConflictKind::HasResponses)
    );
    assert_eq!(store.survey(ws.id, s.id).await.expect("still there"), s);
    assert_eq!(all_responses(&store, ws.id, Some(s.id)).await.len(), 1);
    // Closing it is the way.
    let mut closed = s.fields.clone();
    closed.status = SurveyStatus::Closed;
    store
        .update_survey(ws.id, s.id, &closed)
        .await
        .expect("close it");
}

// --- customers ----------------------------------------------------------------------------------

async fn customers_are_found_by_external_id_else_by_email_and_filled_in(store: SharedStore) {
    let (ws, _) = workspace(&store, "bakery").await;
    let by_ext = |x: &str| NewCustomer {
        external_id: Some(x.to_owned()),
        ..NewCustomer::default()
    };
    let by_email = |e: &str| NewCustomer {
        email: Some(email(e)),
        ..NewCustomer::default()
    };

    // Created with an external id only.
    let a = store
        .upsert_customer(ws.id, &by_ext("crm-1"))
        .await
        .expect("create");
    assert_eq!(a.external_id.as_deref(), Some("crm-1"));
    assert_eq!(
        (a.email.clone(), a.name.clone(), a.locale),
        (None, None, None)
    );
    // Found again by it; the missing e-mail, name and locale are filled in.
    let a2 = store
        .upsert_customer(
            ws.id,
            &NewCustomer {
                external_id: Some("crm-1".into()),
                email: Some(email("Gwen@Example.test")),
                name: Some(name("Gwen")),
                locale: Some(Locale::Cy),
            },
        )
        .await
        .expect("find and fill in");
    assert_eq!(a2.id, a.id);
    assert_eq!(a2.email, Some(email("gwen@example.test")));
    assert_eq!(a2.name, Some(name("Gwen")));
    assert_eq!(a2.locale, Some(Locale::Cy));
    assert_eq!(store.customer(ws.id, a.id).await.expect("read"), a2);
    // What is there stays: another name does not overwrite it.
    let a3 = store
        .upsert_customer(
            ws.id,
            &NewCustomer {
                name: Some(name("Gwenllian")),
                locale: Some(Locale::En),
                ..by_email("gwen@example.test")
            },
        )
        .await
        .expect("find by e-mail");
    assert_eq!(a3, a2);

    // Created with an e-mail only, then found by it and given its external id.
    let b = store
        .upsert_customer(ws.id, &by_email("huw@example.test"))
        .await
        .expect("create");
    assert_ne!(b.id, a.id);
    assert_eq!(b.external_id, None);
    let b2 = store
        .upsert_customer(
            ws.id,
            &NewCustomer {
                external_id: Some("crm-2".into()),
                ..by_email("huw@example.test")
            },
        )
        .await
        .expect("found by e-mail");
    assert_eq!(b2.id, b.id);
    assert_eq!(b2.external_id.as_deref(), Some("crm-2"));
    assert_eq!(
        store
            .upsert_customer(ws.id, &by_ext("crm-2"))
            .await
            .expect("found by external id")
            .id,
        b.id
    );

    // The external id wins over the e-mail: crm-1 stays Gwen, whose address is not replaced.
    let c = store
        .upsert_customer(
            ws.id,
            &NewCustomer {
                external_id: Some("crm-1".into()),
                ..by_email("huw@example.test")
            },
        )
        .await
        .expect("found by external id");
    assert_eq!(c, a2);
    // A new external id with an address that already belongs to someone with another external
    // id is someone else: a new customer, without the address (it stays its owner's).
    let d = store
        .upsert_customer(
            ws.id,
            &NewCustomer {
                external_id: Some("crm-3".into()),
                ..by_email("huw@example.test")
            },
        )
        .await
        .expect("a new customer");
    assert!(d.id != a.id && d.id != b.id);
    assert_eq!(d.email, None);
    assert_eq!(store.customer(ws.id, b.id).await.expect("read"), b2);

    // Nothing to match on: always a new customer.
    let e1 = store
        .upsert_customer(ws.id, &NewCustomer::default())
        .await
        .expect("anonymous");
    let e2 = store
        .upsert_customer(ws.id, &NewCustomer::default())
        .await
        .expect("anonymous");
    assert_ne!(e1.id, e2.id);

    assert!(is_not_found(store.customer(ws.id, CustomerId::new()).await));
    assert!(is_not_found(
        store
            .upsert_customer(WorkspaceId::new(), &by_ext("crm-1"))
            .await
    ));
}

// --- responses ----------------------------------------------------------------------------------

async fn a_batch_is_stored_whole_with_one_result_per_response_in_order(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let journey = stored_journey(&store, &ws, &owner).await;
    let tp = journey.touchpoints[0].id;
    let s = survey(&store, ws.id, "Bakery NPS").await;
    let t = survey(&store, ws.id, "Café NPS").await;
    let customer = store
        .upsert_customer(
            ws.id,
            &NewCustomer {
                email: Some(email("gwen@example.test")),
                ..NewCustomer::default()
            },
        )
        .await
        .expect("a customer");
    let full = NewResponse {
        answers: vec![Answer {
            follow_up_id: s.fields.follow_ups[0].id,
            value: AnswerValue::Text("Show the delivery fee earlier".into()),
        }],
        comment: text("Bara ffres, ond mae'r ciw yn hir.\nDiolch!"),
        touchpoint_id: Some(tp),
        channel: Channel::Sms,
        locale: Locale::Cy,
        customer_id: Some(customer.id),
        attributes: [("shop", "cardiff"), ("plan", "pro")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        client_key: Some("sms-0001".into()),
        ..response(s.id, 4, 3)
    };
    // More rows than one multi-row INSERT takes, keyed and not, two surveys, ids out of order.
    let mut batch = vec![full.clone()];
    for i in 0..1_200 {
        let mut r = response(if i % 3 == 0 { t.id } else { s.id }, (i % 11) as i16, i % 7);
        if i % 2 == 0 {
            r.client_key = Some(format!("key-{i}"));
        }
        batch.push(r);
    }
    batch.swap(5, 700);
    let results = store
        .insert_responses(&to_store(ws.id, &batch))
        .await
        .expect("store the batch");
    let expected: Vec<StoredResponse> = batch
        .iter()
        .map(|r| StoredResponse {
            id: r.id,
            created: true,
            customer_id: r.customer_id,
        })
        .collect();
    assert_eq!(results, expected);

    // Read back exactly as given.
    assert_eq!(store.response(ws.id, full.id).await.expect("read"), full);
    let mut sorted = batch.clone();
    sorted.sort_by_key(|r| r.id);
    assert_eq!(all_responses(&store, ws.id, None).await, sorted);
    let of_t: Vec<_> = sorted
        .iter()
        .filter(|r| r.survey_id == t.id)
        .cloned()
        .collect();
    assert_eq!(all_responses(&store, ws.id, Some(t.id)).await, of_t);
    assert!(
        store
            .insert_responses(&[])
            .await
            .expect("an empty batch")
            .is_empty()
    );
}

async fn a_client_key_is_stored_once_across_batches_and_within_one(store: SharedStore) {
    let (ws, _) = workspace(&store, "bakery").await;
    let (cafe, _) = workspace(&store, "cafe").await;
    let s = survey(&store, ws.id, "Bakery NPS").await;
    let t = survey(&store, ws.id, "Other NPS").await;
    let c = survey(&store, cafe.id, "Café NPS").await;

    let first = keyed(s.id, 9, "retry-me");
    let stored = store
        .insert_responses(&to_store(ws.id, std::slice::from_ref(&first)))
        .await
        .expect("first time");
    assert_eq!(
        stored,
        vec![StoredResponse {
            id: first.id,
            created: true,
            customer_id: None,
        }]
    );
    // Sent again as it was (same id too): found, not stored twice.
    assert_eq!(
        store
            .insert_responses(&to_store(ws.id, std::slice::from_ref(&first)))
            .await
            .expect("the very same again"),
        vec![StoredResponse {
            id: first.id,
            created: false,
            customer_id: None,
        }]
    );

    // The retry (a new id, maybe another score) names the first; within one batch, repeats
    // resolve to the first of the batch; the same key on another survey or in another workspace
    // is another response; no key never collides.
    let retry = keyed(s.id, 10, "retry-me");
    let new_a = keyed(s.id, 7, "fresh");
    let new_a_again = keyed(s.id, 1, "fresh");
    let other_survey = keyed(t.id, 5, "retry-me");
    let plain_1 = response(s.id, 3, 0);
    let plain_2 = response(s.id, 3, 0);
    let batch = [
        retry.clone(),
        new_a.clone(),
        plain_1.clone(),
        new_a_again.clone(),
        retry.clone(),
        other_survey.clone(),
        plain_2.clone(),
    ];
    let results = store
        .insert_responses(&to_store(ws.id, &batch))
        .await
        .expect("a batch with repeats");
    let r = |id: ResponseId, created: bool| StoredResponse {
        id,
        created,
        customer_id: None,
    };
    assert_eq!(
        results,
        vec![
            r(first.id, false),
            r(new_a.id, true),
            r(plain_1.id, true),
            r(new_a.id, false),
            r(first.id, false),
            r(other_survey.id, true),
            r(plain_2.id, true),
        ]
    );
    // Old keys, one under its own first id, among new ones in one statement.
    let newer = keyed(s.id, 6, "newer");
    let another_retry = keyed(s.id, 2, "fresh");
    let results = store
        .insert_responses(&to_store(
            ws.id,
            &[newer.clone(), first.clone(), another_retry.clone()],
        ))
        .await
        .expect("a mixed batch");
    assert_eq!(
        results,
        vec![r(newer.id, true), r(first.id, false), r(new_a.id, false)]
    );
    let in_cafe = keyed(c.id, 8, "retry-me");
    assert_eq!(
        store
            .insert_responses(&to_store(cafe.id, std::slice::from_ref(&in_cafe)))
            .await
            .expect("another workspace"),
        vec![r(in_cafe.id, true)]
    );

    let stored_s = all_responses(&store, ws.id, Some(s.id)).await;
    assert_eq!(stored_s.len(), 5);
    let first_stored = stored_s
        .iter()
        .find(|x| x.id == first.id)
        .expect("the first is there");
    assert_eq!(first_stored.score, 9, "a retry does not overwrite");
    assert!(is_not_found(store.response(ws.id, retry.id).await));
    assert!(is_not_found(store.response(ws.id, new_a_again.id).await));
}

async fn fifty_concurrent_submissions_with_one_client_key_store_one_response(store: SharedStore) {
    let (ws, _) = workspace(&store, "bakery").await;
    let s = survey(&store, ws.id, "Bakery NPS").await;
    let mut tasks = Vec::new();
    for i in 0..50 {
        let store = store.clone();
        let item = to_store(ws.id, &[keyed(s.id, (i % 11) as i16, "double-click")]);
        tasks.push(tokio::spawn(
            async move { store.insert_responses(&item).await },
        ));
    }
    let mut results = Vec::new();
    for task in tasks {
        let stored = task.await.expect("the task ran").expect("stored or found");
        assert_eq!(stored.len(), 1);
        results.push(stored[0]);
    }
    let created: Vec<_> = results.iter().filter(|r| r.created).collect();
    assert_eq!(created.len(), 1, "exactly one submission was written");
    assert!(
        results.iter().all(|r| r.id == created[0].id),
        "every submission names the stored one"
    );
    let stored = all_responses(&store, ws.id, Some(s.id)).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].id, created[0].id);
}

async fn a_batch_with_one_bad_response_stores_nothing(store: SharedStore) {
    let (bakery, baker) = workspace(&store, "bakery").await;
    let (cafe, barista) = workspace(&store, "cafe").await;
    let s = survey(&store, bakery.id, "Bakery NPS").await;
    let cafe_survey = survey(&store, cafe.id, "Café NPS").await;
    let bakery_journey = stored_journey(&store, &bakery, &baker).await;
    let cafe_journey = stored_journey(&store, &cafe, &barista).await;
    let cafe_customer = store
        .upsert_customer(
            cafe.id,
            &NewCustomer {
                external_id: Some("c-1".into()),
                ..NewCustomer::default()
            },
        )
        .await
        .expect("a café customer");

    let bad_rows = [
        // A survey of another workspace, or none at all.
        response(cafe_survey.id, 5, 0),
        keyed(SurveyId::new(), 5, "k"),
        // A touchpoint of another workspace, or none at all.
        NewResponse {
            touchpoint_id: Some(cafe_journey.touchpoints[0].id),
            ..response(s.id, 5, 0)
        },
        NewResponse {
            touchpoint_id: Some(TouchpointId::new()),
            ..keyed(s.id, 5, "k2")
        },
        // A customer of another workspace.
        NewResponse {
            customer_id: Some(cafe_customer.id),
            ..response(s.id, 5, 0)
        },
    ];
    for bad in bad_rows {
        let mut batch = Vec::new();
        for i in 0..600 {
            let mut r = response(s.id, 9, 0);
            r.touchpoint_id = Some(bakery_journey.touchpoints[0].id);
            if i % 2 == 1 {
                r.client_key = Some(format!("good-{i}"));
            }
            batch.push(r);
        }
        batch.insert(300, bad);
        assert_eq!(
            conflict(store.insert_responses(&to_store(bakery.id, &batch)).await),
            Some(ConflictKind::StaleReference)
        );
        assert!(all_responses(&store, bakery.id, None).await.is_empty());
    }
    // The good rows alone go in, keys included (nothing of the failed batches was kept).
    let good = keyed(s.id, 9, "good-1");
    assert_eq!(
        store
            .insert_responses(&to_store(bakery.id, std::slice::from_ref(&good)))
            .await
            .expect("good rows are fine"),
        vec![StoredResponse {
            id: good.id,
            created: true,
            customer_id: None,
        }]
    );
    assert!(all_responses(&store, cafe.id, None).await.is_empty());
}

/// A response to store with the customer to find or create.
fn with_customer(ws: WorkspaceId, response: NewResponse, customer: NewCustomer) -> ResponseToStore {
    ResponseToStore {
        workspace_id: ws,
        response,
        customer: Some(customer),
    }
}

async fn the_new_customers_of_a_batch_are_created_and_linked_in_the_same_call(store: SharedStore) {
    let (ws, _) = workspace(&store, "bakery").await;
    let s = survey(&store, ws.id, "Bakery NPS").await;
    // Known before, by e-mail only: found, and its external id filled in.
    let known = store
        .upsert_customer(
            ws.id,
            &NewCustomer {
                email: Some(email("huw@example.test")),
                ..NewCustomer::default()
            },
        )
        .await
        .expect("a known customer");
    let gwen = NewCustomer {
        external_id: Some("crm-7".into()),
        email: Some(email("gwen@example.test")),
        name: Some(name("Gwen")),
        locale: Some(Locale::Cy),
    };
    let batch = vec![
        with_customer(ws.id, response(s.id, 9, 0), gwen.clone()),
        // The same person by external id alone, and again with every field: one customer.
        with_customer(
            ws.id,
            keyed(s.id, 7, "k-1"),
            NewCustomer {
                external_id: Some("crm-7".into()),
                ..NewCustomer::default()
            },
        ),
        with_customer(ws.id, response(s.id, 8, 0), gwen.clone()),
        with_customer(
            ws.id,
            response(s.id, 3, 0),
            NewCustomer {
                external_id: Some("crm-8".into()),
                email: Some(email("huw@example.test")),
                ..NewCustomer::default()
            },
        ),
        // No customer: the response's own link (none here) stays.
        ResponseToStore {
            workspace_id: ws.id,
            response: response(s.id, 10, 0),
            customer: None,
        },
        // A customer given replaces a customer id sent along.
        with_customer(
            ws.id,
            NewResponse {
                customer_id: Some(CustomerId::new()),
                ..response(s.id, 6, 0)
            },
            NewCustomer {
                email: Some(email("sian@example.test")),
                ..NewCustomer::default()
            },
        ),
    ];
    let results = store
        .insert_responses(&batch)
        .await
        .expect("one call stores customers and responses");
    assert!(results.iter().all(|r| r.created));
    let linked: Vec<Option<CustomerId>> = results.iter().map(|r| r.customer_id).collect();
    let gwen_id = linked[0].expect("gwen was linked");
    assert_eq!(linked[1], Some(gwen_id));
    assert_eq!(linked[2], Some(gwen_id));
    assert_eq!(linked[3], Some(known.id));
    assert_eq!(linked[4], None);
    let sian_id = linked[5].expect("siân was linked");
    assert!(sian_id != gwen_id && sian_id != known.id);

    // Created with every field, found by both keys afterwards.
    let stored_gwen = store.customer(ws.id, gwen_id).await.expect("gwen stored");
    assert_eq!(stored_gwen.external_id.as_deref(), Some("crm-7"));
    assert_eq!(stored_gwen.email, Some(email("gwen@example.test")));
    assert_eq!(stored_gwen.name, Some(name("Gwen")));
    assert_eq!(stored_gwen.locale, Some(Locale::Cy));
    // The known customer had its missing external id filled in.
    let huw = store.customer(ws.id, known.id).await.expect("huw");
    assert_eq!(huw.external_id.as_deref(), Some("crm-8"));
    assert_eq!(
        store
            .upsert_customer(ws.id, &gwen)
            .await
            .expect("found again")
            .id,
        gwen_id
    );
    // Each stored response names its customer.
    for (item, result) in batch.iter().zip(&results) {
        let stored = store
            .response(ws.id, result.id)
            .await
            .expect("the stored response");
        assert_eq!(stored.customer_id, result.customer_id);
        assert_eq!(stored.score, item.response.score);
    }
    // A repeated key stores nothing new but still names the input's customer.
    let again = store
        .insert_responses(&batch[1..2])
        .await
        .expect("the repeat");
    assert_eq!(
        again,
        vec![StoredResponse {
            id: results[1].id,
            created: false,
            customer_id: Some(gwen_id),
        }]
    );
}

async fn a_batch_that_fails_leaves_none_of_its_customers_behind(store: SharedStore) {
    let (bakery, _) = workspace(&store, "bakery").await;
    let (cafe, _) = workspace(&store, "cafe").await;
    let s = survey(&store, bakery.id, "Bakery NPS").await;
    let cafe_survey = survey(&store, cafe.id, "Café NPS").await;
    let known = store
        .upsert_customer(
            bakery.id,
            &NewCustomer {
                external_id: Some("crm-1".into()),
                ..NewCustomer::default()
            },
        )
        .await
        .expect("a known customer");
    let new_customer = |i: usize| NewCustomer {
        external_id: Some(format!("new-{i}")),
        email: Some(email(&format!("new-{i}@example.test"))),
        name: Some(name("New")),
        locale: Some(Locale::En),
    };
    // Many customers, new and known, and one response to a survey of another workspace.
    let mut batch: Vec<ResponseToStore> = (0..40)
        .map(|i| with_customer(bakery.id, response(s.id, 9, 0), new_customer(i)))
        .collect();
    batch.push(with_customer(
        bakery.id,
        response(s.id, 5, 0),
        NewCustomer {
            external_id: Some("crm-1".into()),
            email: Some(email("filled@example.test")),
            name: Some(name("Filled")),
            locale: Some(Locale::Cy),
        },
    ));
    batch.insert(
        20,
        with_customer(bakery.id, response(cafe_survey.id, 5, 0), new_customer(99)),
    );
    assert_eq!(
        conflict(store.insert_responses(&batch).await),
        Some(ConflictKind::StaleReference)
    );
    assert!(all_responses(&store, bakery.id, None).await.is_empty());
    // No new customer is left: asked by e-mail alone, each is created now, without the
    // external id the failed batch carried.
    for i in [0, 19, 39, 99] {
        let found = store
            .upsert_customer(
                bakery.id,
                &NewCustomer {
                    email: Some(email(&format!("new-{i}@example.test"))),
                    ..NewCustomer::default()
                },
            )
            .await
            .expect("upsert by e-mail");
        assert_eq!(found.external_id, None, "new-{i} was left behind");
        assert_eq!(found.name, None);
    }
    // The known customer was not filled in either.
    assert_eq!(
        store.customer(bakery.id, known.id).await.expect("known"),
        known
    );
    // A customer of another workspace's response fails the same way and leaves nothing.
    let stray = vec![with_customer(
        cafe.id,
        response(s.id, 5, 0),
        new_customer(100),
    )];
    assert_eq!(
        conflict(store.insert_responses(&stray).await),
        Some(ConflictKind::StaleReference)
    );
    let found = store
        .upsert_customer(
            cafe.id,
            &NewCustomer {
                external_id: Some("new-100".into()),
                ..NewCustomer::default()
            },
        )
        .await
        .expect("upsert by external id");
    assert_eq!(found.email, None, "the café's new-100 was left behind");
}

async fn follow_up_answers_and_a_comment_are_added_to_a_stored_response(store: SharedStore) {
    let (ws, _) = workspace(&store, "bakery").await;
    let mut fields = nps("Bakery NPS", None);
    fields.follow_ups.push(FollowUp {
        id: FollowUpId::new(),
        prompt: localized(&[(Locale::En, "Which shop?")]),
        kind: FollowUpKind::SingleChoice {
            options: vec![
                localized(&[(Locale::En, "Cardiff")]),
                localized(&[(Locale::En, "Aberystwyth")]),
            ],
        },
        when: None,
    });
    let s = store
        .create_survey(ws.id, &fields, "pub-bakery")
        .await
        .expect("a survey");
    let (improve, shop) = (s.fields.follow_ups[0].id, s.fields.follow_ups[1].id);
    let r = response(s.id, 4, 0);
    store
        .insert_responses(&to_store(ws.id, std::slice::from_ref(&r)))
        .await
        .expect("the score first");

    let what = |s: &str| Answer {
        follow_up_id: improve,
        value: AnswerValue::Text(s.to_owned()),
    };
    let which = Answer {
        follow_up_id: shop,
        value: AnswerValue::Choice(1),
    };
    store
        .add_answers(
            ws.id,
            r.id,
            &[what("Shorter queues")],
            &text("Lovely bread"),
        )
        .await
        .expect("add answers");
    let read = store.response(ws.id, r.id).await.expect("read");
    assert_eq!(read.answers, vec![what("Shorter queues")]);
    assert_eq!(read.comment, text("Lovely bread"));
    assert_eq!(read.score, 4, "the score stays");
    assert_eq!(read.submitted_at, r.submitted_at);

    // A later page adds its answer; the same question answered again replaces the old answer;
    // an empty comment keeps the one given.
    store
        .add_answers(
            ws.id,
            r.id,
            std::slice::from_ref(&which),
            &LongText::empty(),
        )
        .await
        .expect("add another answer");
    store
        .add_answers(ws.id, r.id, &[what("Open earlier")], &LongText::empty())
        .await
        .expect("answer again");
    let read = store.response(ws.id, r.id).await.expect("read");
    assert_eq!(read.answers, vec![which, what("Open earlier")]);
    assert_eq!(read.comment, text("Lovely bread"));

    assert!(is_not_found(
        store
            .add_answers(ws.id, ResponseId::new(), &[], &text("x"))
            .await
    ));
}

async fn responses_are_paged_by_cursor_for_the_workspace_and_per_survey(store: SharedStore) {
    let (ws, _) = workspace(&store, "bakery").await;
    let s = survey(&store, ws.id, "Bakery NPS").await;
    let t = survey(&store, ws.id, "Café NPS").await;
    let batch: Vec<_> = (0..25)
        .map(|i| response(if i % 2 == 0 { s.id } else { t.id }, 7, 0))
        .collect();
    store
        .insert_responses(&to_store(ws.id, &batch))
        .await
        .expect("store");

    let walk = async |survey: Option<SurveyId>| {
        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let page = store
                .responses(ws.id, survey, PageRequest { after, limit: 4 })
                .await
                .expect("a page");
            assert!(page.items.len() <= 4);
            seen.extend(page.items.iter().map(|r| r.id));
            match page.next {
                Some(next) => {
                    assert_eq!(Some(&next), seen.last());
                    after = Some(next);
                }
                None => break,
            }
        }
        seen
    };
    let ids: Vec<_> = batch.iter().map(|r| r.id).collect();
    assert_eq!(walk(None).await, ids);
    let of_s: Vec<_> = batch
        .iter()
        .filter(|r| r.survey_id == s.id)
        .map(|r| r.id)
        .collect();
    assert_eq!(walk(Some(s.id)).await, of_s);
    // A page that ends exactly at the end has no next.
    let exact = store
        .responses(ws.id, Some(t.id), PageRequest::first(12))
        .await
        .expect("all of t");
    assert_eq!(exact.items.len(), 12);
    assert_eq!(exact.next, None);
    assert!(
        all_responses(&store, ws.id, Some(SurveyId::new()))
            .await
            .is_empty()
    );
}

async fn the_last_response_of_a_customer_to_a_survey_is_found_for_throttling(store: SharedStore) {
    let (ws, _) = workspace(&store, "bakery").await;
    let s = survey(&store, ws.id, "Bakery NPS").await;
    let t = survey(&store, ws.id, "Café NPS").await;
    let customer = |x: &str| NewCustomer {
        external_id: Some(x.to_owned()),
        ..NewCustomer::default()
    };
    let gwen = store
        .upsert_customer(ws.id, &customer("gwen"))
        .await
        .expect("gwen");
    let huw = store
        .upsert_customer(ws.id, &customer("huw"))
        .await
        .expect("huw");
    assert_eq!(
        store
            .last_response_at(ws.id, s.id, gwen.id)
            .await
            .expect("ask"),
        None
    );
    let by = |c: CustomerId, survey: SurveyId, days_ago: i64| NewResponse {
        customer_id: Some(c),
        ..response(survey, 8, days_ago)
    };
    let batch = [
        by(gwen.id, s.id, 40),
        by(gwen.id, s.id, 12),
        by(gwen.id, s.id, 90),
        by(gwen.id, t.id, 1),
        by(huw.id, s.id, 2),
        response(s.id, 8, 0),
    ];
    store
        .insert_responses(&to_store(ws.id, &batch))
        .await
        .expect("store");
    assert_eq!(
        store
            .last_response_at(ws.id, s.id, gwen.id)
            .await
            .expect("ask"),
        Some(batch[1].submitted_at)
    );
    assert_eq!(
        store
            .last_response_at(ws.id, t.id, gwen.id)
            .await
            .expect("ask"),
        Some(batch[3].submitted_at)
    );
    assert_eq!(
        store
            .last_response_at(ws.id, s.id, huw.id)
            .await
            .expect("ask"),
        Some(batch[4].submitted_at)
    );
    assert_eq!(
        store
            .last_response_at(ws.id, t.id, huw.id)
            .await
            .expect("ask"),
        None
    );
}

async fn deleting_a_touchpoint_keeps_its_surveys_without_the_link(store: SharedStore) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let journey = stored_journey(&store, &ws, &owner).await;
    let (checkout, counter) = (journey.touchpoints[0].id, journey.touchpoints[1].id);
    let on_checkout = store
        .create_survey(ws.id, &nps("Checkout NPS", Some(checkout)), "pub-checkout")
        .await
        .expect("a survey on the checkout");
    let on_counter = store
        .create_survey(ws.id, &nps("Counter NPS", Some(counter)), "pub-counter")
        .await
        .expect("a survey on the counter");
    let answered = NewResponse {
        touchpoint_id: Some(checkout),
        ..response(on_checkout.id, 10, 0)
    };
    store
        .insert_responses(&to_store(ws.id, std::slice::from_ref(&answered)))
        .await
        .expect("a response at the checkout");

    // A journey save without the checkout touchpoint.
    let mut edit = journey.clone();
    edit.remove_touchpoint(checkout).expect("remove it");
    let saved = store
        .save_journey(ws.id, &edit, &author(&owner), &[])
        .await
        .expect("the save succeeds although a survey sat on the touchpoint");
    assert_eq!(saved.touchpoints.len(), 1);
    let kept = store
        .survey(ws.id, on_checkout.id)
        .await
        .expect("the survey stays");
    assert_eq!(kept.fields.touchpoint_id, None);
    assert_eq!(kept.updated_at, on_checkout.updated_at);
    assert_eq!(
        store
            .survey(ws.id, on_counter.id)
            .await
            .expect("the other survey")
            .fields
            .touchpoint_id,
        Some(counter)
    );
    // Its responses keep where they were given.
    assert_eq!(
        store
            .response(ws.id, answered.id)
            .await
            .expect("read")
            .touchpoint_id,
        Some(checkout)
    );
    // A new response can no longer name the deleted touchpoint.
    assert_eq!(
        conflict(
            store
                .insert_responses(&to_store(
                    ws.id,
                    &[NewResponse {
                        touchpoint_id: Some(checkout),
                        ..response(on_checkout.id, 9, 0)
                    }]
                ))
                .await
        ),
        Some(ConflictKind::StaleReference)
    );

    // Removing a stage removes its touchpoints: their surveys lose the link too.
    let mut edit = saved.clone();
    let second_stage = edit.stages[1].id;
    let on_second_stage = edit
        .add_touchpoint(
            second_stage,
            TouchpointFields {
                name: name("Delivery"),
                channel: Channel::Sms,
                owner: None,
                description: text(""),
                moment_of_truth: true,
            },
        )
        .expect("add a touchpoint");
    let saved = store
        .save_journey(ws.id, &edit, &author(&owner), &[])
        .await
        .expect("save");
    let on_delivery = store
        .create_survey(
            ws.id,
            &nps("Delivery NPS", Some(on_second_stage)),
            "pub-delivery",
        )
        .await
        .expect("a survey on the delivery");
    let mut edit = saved.clone();
    edit.remove_stage(edit.stages[0].id)
        .expect("remove the first stage");
    store
        .save_journey(ws.id, &edit, &author(&owner), &[])
        .await
        .expect("the save succeeds");
    assert_eq!(
        store
            .survey(ws.id, on_counter.id)
            .await
            .expect("the survey stays")
            .fields
            .touchpoint_id,
        None
    );

    // Deleting the whole journey clears the rest.
    store
        .delete_journey(ws.id, journey.id)
        .await
        .expect("delete the journey");
    assert_eq!(
        store
            .survey(ws.id, on_delivery.id)
            .await
            .expect("the survey stays")
            .fields
            .touchpoint_id,
        None
    );
}

// --- a measurement, not a test --------------------------------------------------------------------

/// How long one `insert_responses` call with 100,000 responses takes on SQLite. Run with
/// `cargo test -p taith --test it --release -- --ignored --nocapture hundred_thousand`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement: run by hand"]
async fn hundred_thousand_responses_in_one_batch_on_sqlite() {
    let (store, dir) = crate::helpers::fresh_sqlite().await;
    let (ws, _) = workspace(&store, "bakery").await;
    let s = survey(&store, ws.id, "Bakery NPS").await;
    for keyed_rows in [false, true] {
        let batch: Vec<_> = (0..100_000)
            .map(|i| {
                let mut r = response(s.id, (i % 11) as i16, i64::from(i % 365));
                r.attributes.insert("team".into(), format!("t{}", i % 10));
                if keyed_rows {
                    r.client_key = Some(format!("import-{i}"));
                }
                ResponseToStore {
                    workspace_id: ws.id,
                    response: r,
                    customer: None,
                }
            })
            .collect();
        let started = std::time::Instant::now();
        let stored = store.insert_responses(&batch).await.expect("store");
        let took = started.elapsed();
        assert_eq!(stored.len(), 100_000);
        eprintln!(
            "100,000 responses ({}) in one insert_responses on SQLite: {took:.2?}",
            if keyed_rows {
                "with client keys"
            } else {
                "without client keys"
            }
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

async fn many_customers_are_upserted_in_one_call_by_the_same_rule(store: SharedStore) {
    let (ws, _) = workspace(&store, "batch").await;
    let known = store
        .upsert_customer(
            ws.id,
            &NewCustomer {
                external_id: Some("c-1".into()),
                ..Default::default()
            },
        )
        .await
        .expect("a first customer");
    let wanted = vec![
        NewCustomer {
            external_id: Some("c-1".into()),
            email: Some(email("one@batch.example")),
            ..Default::default()
        },
        NewCustomer {
            external_id: Some("c-2".into()),
            ..Default::default()
        },
        NewCustomer {
            email: Some(email("one@batch.example")),
            ..Default::default()
        },
    ];
    let stored = store
        .upsert_customers(ws.id, &wanted)
        .await
        .expect("a batch upsert");
    assert_eq!(stored.len(), 3);
    assert_eq!(
        stored[0].id, known.id,
        "found by external id, e-mail filled in"
    );
    assert_eq!(stored[0].email, Some(email("one@batch.example")));
    assert_ne!(stored[1].id, known.id);
    assert_eq!(
        stored[2].id, known.id,
        "found by the e-mail the same batch filled in"
    );
    assert!(
        store
            .upsert_customers(ws.id, &[])
            .await
            .expect("nothing to do")
            .is_empty()
    );
}

/// Every surface submits through taith-app's intake, so one policy holds for the page and the
/// API alike: a response placed on its survey's touchpoint just before the touchpoint was
/// deleted is stored where the survey is now (without a touchpoint), not lost; a response to a
/// survey deleted meanwhile is refused.
async fn an_answer_placed_on_a_touchpoint_deleted_meanwhile_is_kept_where_its_survey_is_now(
    store: SharedStore,
) {
    let (ws, owner) = workspace(&store, "bakery").await;
    let journey = stored_journey(&store, &ws, &owner).await;
    let checkout = journey.touchpoints[0].id;
    let survey = store
        .create_survey(ws.id, &nps("Checkout NPS", Some(checkout)), "pub-checkout")
        .await
        .expect("a survey on the checkout");
    let gone = store
        .create_survey(ws.id, &nps("Old NPS", None), "pub-old")
        .await
        .expect("a survey to delete");
    let app = taith_app::App::start(store.clone(), taith_app::AppConfig::default());
    // Placed while the touchpoint still existed...
    let placed = NewResponse {
        touchpoint_id: Some(checkout),
        ..response(survey.id, 3, 0)
    };
    // ...and the touchpoint deleted before the commit.
    let mut edit = journey.clone();
    edit.remove_touchpoint(checkout).expect("remove it");
    store
        .save_journey(ws.id, &edit, &author(&owner), &[])
        .await
        .expect("save without the touchpoint");
    let stored = app
        .intake
        .submit(to_store(ws.id, std::slice::from_ref(&placed)))
        .await
        .expect("the answer is kept");
    assert_eq!(stored.len(), 1);
    let kept = store.response(ws.id, stored[0].id).await.expect("stored");
    assert_eq!(kept.score, 3);
    assert_eq!(kept.touchpoint_id, None);

    store
        .delete_survey(ws.id, gone.id)
        .await
        .expect("delete the survey");
    let refused = app
        .intake
        .submit(to_store(ws.id, &[response(gone.id, 9, 0)]))
        .await;
    assert!(
        matches!(
            refused,
            Err(StoreError::Conflict(ConflictKind::StaleReference))
        ),
        "{refused:?}"
    );
}

// --- deletions ----------------------------------------------------------------------------------

async fn deletions(
    store: &SharedStore,
    ws: WorkspaceId,
    since: time::OffsetDateTime,
) -> Vec<(ResponseId, time::OffsetDateTime)> {
    store
        .response_deletions_since(ws, since)
        .await
        .expect("read the deletion log")
}

async fn a_deleted_response_is_logged_for_tailers_within_its_workspace(store: SharedStore) {
    let (a, _) = workspace(&store, "bakery").await;
    let (b, _) = workspace(&store, "dairy").await;
    let sa = survey(&store, a.id, "Bakery NPS").await;
    let sb = survey(&store, b.id, "Dairy NPS").await;
    let ra: Vec<_> = (0..3).map(|i| response(sa.id, 9 - i, 0)).collect();
    let rb = response(sb.id, 7, 0);
    store
        .insert_responses(&to_store(a.id, &ra))
        .await
        .expect("store a's responses");
    store
        .insert_responses(&to_store(b.id, std::slice::from_ref(&rb)))
        .await
        .expect("store b's response");
    let epoch = time::OffsetDateTime::UNIX_EPOCH;
    assert!(deletions(&store, a.id, epoch).await.is_empty());

    // A deletion is logged with its time, once.
    let before = taith_domain::now();
    store.delete_response(a.id, ra[0].id).await.expect("delete");
    let log = deletions(&store, a.id, epoch).await;
    assert_eq!(log.iter().map(|d| d.0).collect::<Vec<_>>(), [ra[0].id]);
    let t0 = log[0].1;
    // Stamped by the database's clock, in microseconds like every stored time.
    assert!(
        (t0 - before).abs() < Duration::minutes(1),
        "deleted at {t0}, asked at {before}"
    );
    assert!(is_not_found(store.delete_response(a.id, ra[0].id).await));
    assert_eq!(deletions(&store, a.id, epoch).await, log);

    // Nothing of one workspace is deleted or logged through another.
    assert!(is_not_found(store.delete_response(b.id, ra[1].id).await));
    assert!(deletions(&store, b.id, epoch).await.is_empty());
    assert_eq!(all_responses(&store, a.id, None).await.len(), 2);

    store.delete_response(a.id, ra[1].id).await.expect("delete");
    store.delete_response(b.id, rb.id).await.expect("delete");
    let log = deletions(&store, a.id, epoch).await;
    assert_eq!(
        log.iter().map(|d| d.0).collect::<Vec<_>>(),
        [ra[0].id, ra[1].id]
    );
    let t1 = log[1].1;
    assert!(t0 <= t1);
    assert_eq!(
        deletions(&store, b.id, epoch)
            .await
            .iter()
            .map(|d| d.0)
            .collect::<Vec<_>>(),
        [rb.id]
    );

    // `since` is inclusive: a tailer that asks again from the last time it saw sees that
    // deletion again, and nothing earlier than `since`.
    let from_t1 = deletions(&store, a.id, t1).await;
    assert!(from_t1.contains(&(ra[1].id, t1)), "{from_t1:?}");
    assert!(from_t1.iter().all(|d| d.1 >= t1));
    assert!(
        deletions(&store, a.id, t1 + Duration::microseconds(1))
            .await
            .is_empty()
    );
    let remaining = all_responses(&store, a.id, None).await;
    assert_eq!(
        remaining.iter().map(|r| r.id).collect::<Vec<_>>(),
        [ra[2].id]
    );

    // The same response stored again and deleted again: one entry, at the later time.
    store
        .insert_responses(&to_store(a.id, std::slice::from_ref(&ra[0])))
        .await
        .expect("store it again");
    store
        .delete_response(a.id, ra[0].id)
        .await
        .expect("delete again");
    let log = deletions(&store, a.id, epoch).await;
    assert_eq!(log.len(), 2, "{log:?}");
    let again = log
        .iter()
        .find(|d| d.0 == ra[0].id)
        .expect("still logged")
        .1;
    assert!(again >= t0);
}

async fn old_deletion_log_entries_are_forgotten_within_their_workspace_only(store: SharedStore) {
    let (a, _) = workspace(&store, "bakery").await;
    let (b, _) = workspace(&store, "dairy").await;
    let sa = survey(&store, a.id, "Bakery NPS").await;
    let sb = survey(&store, b.id, "Dairy NPS").await;
    let ra = response(sa.id, 9, 0);
    let rb = response(sb.id, 7, 0);
    store
        .insert_responses(&to_store(a.id, std::slice::from_ref(&ra)))
        .await
        .expect("store a's response");
    store
        .insert_responses(&to_store(b.id, std::slice::from_ref(&rb)))
        .await
        .expect("store b's response");
    store.delete_response(a.id, ra.id).await.expect("delete");
    store.delete_response(b.id, rb.id).await.expect("delete");
    let epoch = time::OffsetDateTime::UNIX_EPOCH;
    // Nothing is older than an hour ago: nothing goes.
    let an_hour_ago = taith_domain::now() - Duration::hours(1);
    assert_eq!(
        store
            .forget_response_deletions_before(a.id, an_hour_ago)
            .await
            .expect("forget"),
        0
    );
    assert_eq!(deletions(&store, a.id, epoch).await.len(), 1);
    // Everything of A is older than an hour from now; B's log is untouched.
    let later = taith_domain::now() + Duration::hours(1);
    assert_eq!(
        store
            .forget_response_deletions_before(a.id, later)
            .await
            .expect("forget"),
        1
    );
    assert!(deletions(&store, a.id, epoch).await.is_empty());
    assert_eq!(deletions(&store, b.id, epoch).await.len(), 1);
}

async fn responses_of_a_period_are_read_newest_first_filtered_and_paged_within_their_workspace(
    store: SharedStore,
) {
    let (ws, _) = workspace(&store, "period-a").await;
    let (other, _) = workspace(&store, "period-b").await;
    let s1 = survey(&store, ws.id, "One").await;
    let s2 = survey(&store, ws.id, "Two").await;
    let theirs = survey(&store, other.id, "Theirs").await;
    let with = |survey: SurveyId, days_ago: i64, locale: Locale, comment: &str| NewResponse {
        locale,
        comment: text(comment),
        ..response(survey, 5, days_ago)
    };
    let mine = vec![
        with(s1.id, 1, Locale::Cy, "Da iawn"),
        with(s1.id, 2, Locale::En, ""),
        with(s2.id, 3, Locale::En, "Slow"),
        with(s1.id, 4, Locale::En, "Fine"),
        with(s1.id, 40, Locale::En, "Too old"),
    ];
    store
        .insert_responses(&to_store(ws.id, &mine))
        .await
        .unwrap();
    store
        .insert_responses(&to_store(
            other.id,
            &[with(theirs.id, 1, Locale::En, "Not yours")],
        ))
        .await
        .unwrap();
    let now = taith_domain::now();
    let q = ResponsesBetween {
        from: now - Duration::days(10),
        to: now + Duration::days(1),
        survey: None,
        touchpoint: None,
        locale: None,
        with_comment: false,
        after: None,
        limit: 10,
    };
    let comments = |rs: Vec<NewResponse>| {
        rs.into_iter()
            .map(|r| r.comment.to_string())
            .collect::<Vec<_>>()
    };
    // Newest first, within the period, only this workspace's.
    let all = store.responses_between(ws.id, &q).await.unwrap();
    assert_eq!(comments(all), ["Da iawn", "", "Slow", "Fine"]);
    // Filters: comments only, one survey, one language.
    let only_comments = ResponsesBetween {
        with_comment: true,
        ..q.clone()
    };
    assert_eq!(
        comments(
            store
                .responses_between(ws.id, &only_comments)
                .await
                .unwrap()
        ),
        ["Da iawn", "Slow", "Fine"]
    );
    let one_survey = ResponsesBetween {
        survey: Some(s2.id),
        ..q.clone()
    };
    assert_eq!(
        comments(store.responses_between(ws.id, &one_survey).await.unwrap()),
        ["Slow"]
    );
    let welsh = ResponsesBetween {
        locale: Some(Locale::Cy),
        ..q.clone()
    };
    assert_eq!(
        comments(store.responses_between(ws.id, &welsh).await.unwrap()),
        ["Da iawn"]
    );
    let here = ResponsesBetween {
        touchpoint: Some(TouchpointId::new()),
        ..q.clone()
    };
    assert!(
        store
            .responses_between(ws.id, &here)
            .await
            .unwrap()
            .is_empty()
    );
    // Paged: two at a time, carrying on after the last one shown.
    let first = store
        .responses_between(
            ws.id,
            &ResponsesBetween {
                limit: 2,
                ..only_comments.clone()
            },
        )
        .await
        .unwrap();
    let last = first.last().map(|r| (r.submitted_at, r.id));
    let rest = store
        .responses_between(
            ws.id,
            &ResponsesBetween {
                limit: 2,
                after: last,
                ..only_comments.clone()
            },
        )
        .await
        .unwrap();
    assert_eq!(comments(first), ["Da iawn", "Slow"]);
    assert_eq!(comments(rest), ["Fine"]);
}
