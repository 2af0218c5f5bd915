//! The inbox on both stores: the list's filters and counts, assignment (another workspace's
//! member refused), status and snooze (a past time refused, a passed one open again), priority
//! and labels over the API; a reply sets the first response time in the figures and goes out
//! by the channel (e-mail queued for the sender, chat not); private notes never in the API's
//! messages; canned replies in the conversation's language with an English fallback; another
//! workspace's ids 404; the pages in six languages, their forms working without JavaScript.

use crate::helpers::{TestApp, fresh_postgres, fresh_sqlite};
use reqwest::Method;
use serde_json::{Value, json};
use taith_app::inbox;
use taith_domain::{
    ConversationId, ConversationInput, ConversationStatus, MessageInput, Role, StatusChange,
    TokenScope, Workspace,
};
use taith_store::{Assigned, InboxChange, InboxFilter, PageRequest, SharedStore};

macro_rules! on_both_stores {
    ($($behaviour:ident),* $(,)?) => {
        pastey::paste! {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_sqlite>]() {
                    let (store, dir) = fresh_sqlite().await;
                    $behaviour(store).await;
                    let _ = std::fs::remove_dir_all(dir);
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_postgres>]() {
                    let Some((store, db)) = fresh_postgres().await else {
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
    the_inbox_is_worked_over_the_api_and_its_list_filters,
    a_reply_sets_the_first_response_time_and_goes_out_by_its_channel_while_notes_stay_private,
    canned_replies_fill_in_the_conversations_language_with_english_as_fallback,
    another_workspaces_conversations_and_canned_replies_are_not_found,
    the_inbox_pages_render_in_six_languages_and_their_forms_work_without_javascript,
    attachments_download_as_files_of_safe_types_and_another_workspaces_are_not_found,
    a_mail_received_twice_at_once_is_stored_once_with_its_record,
);

async fn api(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (u16, Value) {
    app.browser().api(method, path, token, body).await
}

fn fields_of(body: &Value) -> Vec<String> {
    body["error"]["details"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| {
                    format!(
                        "{} {}",
                        d["field"].as_str().unwrap_or_default(),
                        d["issue"].as_str().unwrap_or_default()
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A conversation with one message from the customer `minutes` ago.
async fn conversation(
    app: &TestApp,
    ws: &Workspace,
    channel: &str,
    locale: &str,
    subject: &str,
    minutes: i64,
) -> ConversationId {
    let at = taith_domain::now() - time::Duration::minutes(minutes);
    let at = at
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let input = ConversationInput {
        channel: channel.into(),
        subject: subject.into(),
        locale: Some(locale.into()),
        customer: Some(format!("{}@customers.test", subject.replace(' ', "-"))),
        messages: vec![MessageInput {
            direction: "in".into(),
            at: Some(at),
            body: format!("Hello about {subject}"),
            ..MessageInput::default()
        }],
        ..ConversationInput::default()
    };
    taith_app::conversations::record(app.store.as_ref(), ws.id, &input)
        .await
        .unwrap()
        .0
        .id
}

fn in_future(hours: i64) -> String {
    (taith_domain::now() + time::Duration::hours(hours))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}

async fn listed(app: &TestApp, ws: &Workspace, filter: InboxFilter) -> Vec<ConversationId> {
    inbox::list(app.store.as_ref(), ws.id, &filter, PageRequest::first(100))
        .await
        .unwrap()
        .items
        .iter()
        .map(|i| i.conversation.id)
        .collect()
}

async fn the_inbox_is_worked_over_the_api_and_its_list_filters(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, owner) = app.workspace("inboxapi", "owner@inboxapi.test").await;
    let (other, _) = app.workspace("inboxother", "owner@inboxother.test").await;
    let agent = app.member(&ws, "agent@inboxapi.test", Role::Agent).await;
    let stranger = app
        .member(&other, "stranger@inboxother.test", Role::Agent)
        .await;
    let token = app.api_token("inboxapi", TokenScope::Write).await;
    let chat = conversation(&app, &ws, "chat", "cy", "Chat order", 50).await;
    let mail = conversation(&app, &ws, "email", "sw", "Mail refund", 30).await;
    let late = conversation(&app, &ws, "email", "ar", "Mail late", 10).await;

    // Newest activity first; everything open and unassigned.
    assert_eq!(
        listed(&app, &ws, InboxFilter::default()).await,
        vec![late, mail, chat]
    );
    let counts = inbox::counts(app.store.as_ref(), ws.id, Some(agent.user.id))
        .await
        .unwrap();
    assert_eq!((counts.open, counts.unassigned, counts.mine), (3, 3, 0));

    // Assign to a member, set a team, priority and labels in one PATCH.
    let path = format!("/api/v1/conversations/{mail}");
    let (status, body) = api(
        &app,
        Method::PATCH,
        &path,
        &token,
        Some(
            json!({"assignee_id": agent.user.id, "team": "Billing", "priority": "urgent",
                    "labels": ["Refund", "vip", "refund"]}),
        ),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["assignee_id"], json!(agent.user.id));
    assert_eq!(body["agent"], "agent@inboxapi.test");
    assert_eq!(body["team"], "Billing");
    assert_eq!(body["priority"], "urgent");
    assert_eq!(body["labels"], json!(["refund", "vip"]));

    // Another workspace's member, a bad priority and an unknown status, named at once.
    let (status, body) = api(
        &app,
        Method::PATCH,
        &path,
        &token,
        Some(json!({"assignee_id": stranger.user.id, "priority": "whenever", "status": "asleep"})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let fields = fields_of(&body);
    assert!(
        fields.contains(&"assignee_id not_found".to_owned()),
        "{fields:?}"
    );
    assert!(
        fields.contains(&"priority unknown_value".to_owned()),
        "{fields:?}"
    );
    assert!(
        fields.contains(&"status unknown_value".to_owned()),
        "{fields:?}"
    );

    // A snooze needs a time in the future.
    let past = (taith_domain::now() - time::Duration::hours(1))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let (status, body) = api(
        &app,
        Method::PATCH,
        &format!("/api/v1/conversations/{chat}"),
        &token,
        Some(json!({"status": "snoozed", "snoozed_until": past})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(fields_of(&body), vec!["snoozed_until in_past"]);
    let (status, body) = api(
        &app,
        Method::PATCH,
        &format!("/api/v1/conversations/{chat}"),
        &token,
        Some(json!({"status": "snoozed"})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(fields_of(&body), vec!["snoozed_until required"]);
    let (status, body) = api(
        &app,
        Method::PATCH,
        &format!("/api/v1/conversations/{chat}"),
        &token,
        Some(json!({"status": "snoozed", "snoozed_until": in_future(4)})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "snoozed");
    assert_eq!(body["shown_status"], "snoozed");

    // Unassigning with null; resolving sets the resolution time.
    let (status, body) = api(
        &app,
        Method::PATCH,
        &format!("/api/v1/conversations/{late}"),
        &token,
        Some(json!({"assignee_id": owner.id, "status": "resolved"})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(body["resolved_at"].is_string(), "{body}");
    let (status, body) = api(
        &app,
        Method::PATCH,
        &format!("/api/v1/conversations/{late}"),
        &token,
        Some(json!({"assignee_id": null})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(body["assignee_id"].is_null(), "{body}");
    assert_eq!(body["status"], "resolved");

    // The filters.
    let open = InboxFilter {
        statuses: vec![ConversationStatus::Open],
        ..InboxFilter::default()
    };
    assert_eq!(listed(&app, &ws, open.clone()).await, vec![mail]);
    let mine = InboxFilter {
        assigned: Assigned::Member(agent.user.id),
        ..InboxFilter::default()
    };
    assert_eq!(listed(&app, &ws, mine).await, vec![mail]);
    let unassigned = InboxFilter {
        assigned: Assigned::Unassigned,
        ..InboxFilter::default()
    };
    assert_eq!(listed(&app, &ws, unassigned).await, vec![late, chat]);
    let labelled = InboxFilter {
        label: Some("vip".into()),
        ..InboxFilter::default()
    };
    assert_eq!(listed(&app, &ws, labelled).await, vec![mail]);
    let urgent = InboxFilter {
        priority: Some(taith_domain::Priority::Urgent),
        ..InboxFilter::default()
    };
    assert_eq!(listed(&app, &ws, urgent).await, vec![mail]);
    let chats = InboxFilter {
        channel: Some(taith_domain::Channel::Chat),
        ..InboxFilter::default()
    };
    assert_eq!(listed(&app, &ws, chats).await, vec![chat]);
    let billing = InboxFilter {
        team: Some("Billing".into()),
        ..InboxFilter::default()
    };
    assert_eq!(listed(&app, &ws, billing).await, vec![mail]);
    let snoozed = InboxFilter {
        statuses: vec![ConversationStatus::Snoozed],
        ..InboxFilter::default()
    };
    assert_eq!(listed(&app, &ws, snoozed.clone()).await, vec![chat]);

    // A page of one, then the next from its cursor.
    let first = inbox::list(
        app.store.as_ref(),
        ws.id,
        &InboxFilter::default(),
        PageRequest::first(1),
    )
    .await
    .unwrap();
    assert_eq!(first.items.len(), 1);
    let second = inbox::list(
        app.store.as_ref(),
        ws.id,
        &InboxFilter::default(),
        PageRequest {
            after: first.next,
            limit: 1,
        },
    )
    .await
    .unwrap();
    assert_ne!(
        second.items[0].conversation.id,
        first.items[0].conversation.id
    );

    // A snooze whose time has passed shows as open at once, and the worker writes it back.
    let now = taith_domain::now();
    store
        .change_conversation(
            ws.id,
            chat,
            &InboxChange {
                status: Some(StatusChange::Snoozed(now - time::Duration::minutes(1))),
                ..InboxChange::default()
            },
            now - time::Duration::minutes(2),
        )
        .await
        .unwrap();
    assert_eq!(
        listed(&app, &ws, snoozed).await,
        Vec::<ConversationId>::new()
    );
    let mut open_now = listed(&app, &ws, open).await;
    open_now.sort();
    let mut expected = vec![mail, chat];
    expected.sort();
    assert_eq!(open_now, expected);
    assert!(store.wake_snoozed(taith_domain::now()).await.unwrap() >= 1);
    assert_eq!(
        store.conversation(ws.id, chat).await.unwrap().status,
        ConversationStatus::Open
    );
}

async fn a_reply_sets_the_first_response_time_and_goes_out_by_its_channel_while_notes_stay_private(
    store: SharedStore,
) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("inboxreply", "owner@inboxreply.test").await;
    let token = app.api_token("inboxreply", TokenScope::Write).await;
    let mail = conversation(&app, &ws, "email", "en", "Broken kettle", 30).await;
    let chat = conversation(&app, &ws, "chat", "vi", "Giao hang", 60).await;

    // A private note: in the thread for members, never a message.
    let (status, note) = api(
        &app,
        Method::POST,
        &format!("/api/v1/conversations/{mail}/notes"),
        &token,
        Some(json!({"body": "Customer is on the gold plan; NOTE-SECRET"})),
    )
    .await;
    assert_eq!(status, 201, "{note}");
    assert!(
        note["author"].as_str().unwrap().starts_with("API token"),
        "{note}"
    );
    let (status, body) = api(
        &app,
        Method::POST,
        &format!("/api/v1/conversations/{mail}/notes"),
        &token,
        Some(json!({"body": "   "})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(fields_of(&body), vec!["body required"]);

    // The e-mail reply: stored, the first response time set, queued for the mail sender.
    let (status, body) = api(
        &app,
        Method::POST,
        &format!("/api/v1/conversations/{mail}/replies"),
        &token,
        Some(json!({"body": "Sorry about the kettle: a new one is on its way."})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["delivery"], "queued");
    assert_eq!(body["message"]["direction"], "out");
    assert!(body["conversation"]["first_reply_at"].is_string(), "{body}");
    let message: taith_domain::ConversationMessageId =
        body["message"]["id"].as_str().unwrap().parse().unwrap();
    assert_eq!(
        store.mail_send_state(ws.id, mail, message).await.unwrap(),
        Some("pending".to_owned()),
        "queued for the e-mail reply worker"
    );

    // The chat reply: the visitor reads it in the chat; nothing to send.
    let (status, body) = api(
        &app,
        Method::POST,
        &format!("/api/v1/conversations/{chat}/replies"),
        &token,
        Some(json!({"body": "Đơn hàng sẽ đến vào thứ Hai."})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["delivery"], "in_conversation");
    let message: taith_domain::ConversationMessageId =
        body["message"]["id"].as_str().unwrap().parse().unwrap();
    assert_eq!(
        store.mail_send_state(ws.id, chat, message).await.unwrap(),
        None
    );

    // The figures: both answered, after about 30 and 60 minutes.
    // From yesterday: shortly after midnight (UTC) the conversations began the day before.
    let today = taith_domain::now().date();
    let yesterday = today.previous_day().unwrap_or(today);
    let (status, f) = api(
        &app,
        Method::GET,
        &format!("/api/v1/metrics?metric=first_response_time&from={yesterday}&to={today}"),
        &token,
        None,
    )
    .await;
    assert_eq!(status, 200, "{f}");
    let g = &f["groups"][0];
    assert_eq!(g["timed"], 2, "{f}");
    assert_eq!(g["open"], 0, "{f}");
    let mean = g["value"].as_f64().unwrap();
    assert!((44.0..=47.0).contains(&mean), "{f}");

    // The conversation over the API: messages only, the note nowhere.
    let (status, detail) = api(
        &app,
        Method::GET,
        &format!("/api/v1/conversations/{mail}"),
        &token,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(detail["messages"].as_array().unwrap().len(), 2);
    assert!(!detail.to_string().contains("NOTE-SECRET"), "{detail}");
    let (_, list) = api(&app, Method::GET, "/api/v1/conversations", &token, None).await;
    assert!(!list.to_string().contains("NOTE-SECRET"));
    let messages = store.conversation_messages(ws.id, mail).await.unwrap();
    assert!(messages.iter().all(|m| !m.body.contains("NOTE-SECRET")));

    // The customer writes again after it is resolved: reopened.
    let (status, _) = api(
        &app,
        Method::PATCH,
        &format!("/api/v1/conversations/{mail}"),
        &token,
        Some(json!({"status": "resolved"})),
    )
    .await;
    assert_eq!(status, 200);
    let (status, body) = api(
        &app,
        Method::POST,
        &format!("/api/v1/conversations/{mail}/messages"),
        &token,
        Some(json!({"direction": "in", "body": "It arrived broken too"})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["conversation"]["status"], "open");
    assert_eq!(body["conversation"]["reopens"], 1);

    // The thread page shows the note to members, marked private.
    let owner = app.signed_in("owner@inboxreply.test").await;
    let page = owner.get(&format!("/w/inboxreply/inbox/{mail}")).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("NOTE-SECRET"));
    assert!(page.body.contains("class=\"note\""));
}

async fn canned_replies_fill_in_the_conversations_language_with_english_as_fallback(
    store: SharedStore,
) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("inboxcanned", "owner@inboxcanned.test").await;
    let token = app.api_token("inboxcanned", TokenScope::Write).await;
    let welsh = conversation(&app, &ws, "email", "cy", "Ad-daliad", 5).await;
    let swahili = conversation(&app, &ws, "chat", "sw", "Kurejeshewa", 5).await;

    let (status, created) = api(
        &app,
        Method::POST,
        "/api/v1/canned-replies",
        &token,
        Some(json!({"title": "Refund on its way", "shortcut": "Refund",
                    "bodies": {"en": "Your refund is on its way.", "cy": "Mae eich ad-daliad ar ei ffordd."}})),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["shortcut"], "refund");
    let id = created["id"].as_str().unwrap().to_owned();

    // Refused: a taken shortcut, no body, an unknown locale.
    let (status, body) = api(
        &app,
        Method::POST,
        "/api/v1/canned-replies",
        &token,
        Some(json!({"title": "Again", "shortcut": "refund", "bodies": {"en": "x"}})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(fields_of(&body), vec!["shortcut taken"]);
    let (status, body) = api(
        &app,
        Method::POST,
        "/api/v1/canned-replies",
        &token,
        Some(json!({"title": "", "bodies": {"fr": "Bonjour"}})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let fields = fields_of(&body);
    assert!(fields.contains(&"title required".to_owned()), "{fields:?}");
    assert!(
        fields.contains(&"bodies.fr unknown_value".to_owned()),
        "{fields:?}"
    );

    // Read, replaced, listed.
    let (status, got) = api(
        &app,
        Method::GET,
        &format!("/api/v1/canned-replies/{id}"),
        &token,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(got["bodies"]["cy"], "Mae eich ad-daliad ar ei ffordd.");
    let (status, put) = api(
        &app,
        Method::PUT,
        &format!("/api/v1/canned-replies/{id}"),
        &token,
        Some(json!({"title": "Refund sent", "shortcut": "refund",
                    "bodies": {"en": "Your refund is on its way.", "cy": "Mae eich ad-daliad ar ei ffordd.",
                               "ar": "المبلغ المسترد في طريقه إليك."}})),
    )
    .await;
    assert_eq!(status, 200, "{put}");
    assert_eq!(put["title"], "Refund sent");
    let (_, list) = api(&app, Method::GET, "/api/v1/canned-replies", &token, None).await;
    assert_eq!(list["canned_replies"].as_array().unwrap().len(), 1);

    // In the conversation's language; English when it has none.
    let reply = store
        .canned_reply(ws.id, id.parse().unwrap())
        .await
        .unwrap();
    let cy = store.conversation(ws.id, welsh).await.unwrap();
    let sw = store.conversation(ws.id, swahili).await.unwrap();
    assert_eq!(
        inbox::canned::render_canned(&reply, cy.locale),
        "Mae eich ad-daliad ar ei ffordd."
    );
    assert_eq!(
        inbox::canned::render_canned(&reply, sw.locale),
        "Your refund is on its way."
    );

    // The picker without JavaScript: a plain form, the reply box filled.
    let owner = app.signed_in("owner@inboxcanned.test").await;
    let page = owner
        .get(&format!("/w/inboxcanned/inbox/{welsh}?canned={id}"))
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.text()
            .contains("name=\"body\" rows=\"6\" dir=\"auto\" lang=\"cy\"")
            && page
                .text()
                .contains(">Mae eich ad-daliad ar ei ffordd.</textarea>"),
        "{}",
        page.body
    );
    let page = owner
        .get(&format!("/w/inboxcanned/inbox/{swahili}?canned={id}"))
        .await;
    assert!(
        page.text()
            .contains(">Your refund is on its way.</textarea>")
    );

    let (status, _) = api(
        &app,
        Method::DELETE,
        &format!("/api/v1/canned-replies/{id}"),
        &token,
        None,
    )
    .await;
    assert_eq!(status, 204);
    let (status, _) = api(
        &app,
        Method::GET,
        &format!("/api/v1/canned-replies/{id}"),
        &token,
        None,
    )
    .await;
    assert_eq!(status, 404);
}

async fn another_workspaces_conversations_and_canned_replies_are_not_found(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("inboxmine", "owner@inboxmine.test").await;
    app.workspace("inboxtheirs", "owner@inboxtheirs.test").await;
    let theirs = app.api_token("inboxtheirs", TokenScope::Write).await;
    let mine = app.api_token("inboxmine", TokenScope::Write).await;
    let c = conversation(&app, &ws, "email", "en", "Private matter", 5).await;
    let (_, canned) = api(
        &app,
        Method::POST,
        "/api/v1/canned-replies",
        &mine,
        Some(json!({"title": "Hi", "bodies": {"en": "Hello"}})),
    )
    .await;
    let canned = canned["id"].as_str().unwrap().to_owned();
    for (method, path, body) in [
        (
            Method::PATCH,
            format!("/api/v1/conversations/{c}"),
            json!({"priority": "high"}),
        ),
        (
            Method::POST,
            format!("/api/v1/conversations/{c}/notes"),
            json!({"body": "x"}),
        ),
        (
            Method::POST,
            format!("/api/v1/conversations/{c}/replies"),
            json!({"body": "x"}),
        ),
        (
            Method::GET,
            format!("/api/v1/canned-replies/{canned}"),
            json!(null),
        ),
        (
            Method::PUT,
            format!("/api/v1/canned-replies/{canned}"),
            json!({"title": "x", "bodies": {"en": "x"}}),
        ),
        (
            Method::DELETE,
            format!("/api/v1/canned-replies/{canned}"),
            json!(null),
        ),
    ] {
        let body = (!body.is_null()).then_some(body);
        let (status, answer) = api(&app, method.clone(), &path, &theirs, body).await;
        assert_eq!(status, 404, "{method} {path}: {answer}");
    }
    let (_, list) = api(&app, Method::GET, "/api/v1/canned-replies", &theirs, None).await;
    assert_eq!(list["canned_replies"], json!([]));
    // Nothing changed.
    let item = store.inbox_item(ws.id, c).await.unwrap();
    assert_eq!(item.priority, taith_domain::Priority::Normal);
    assert!(store.conversation_notes(ws.id, c).await.unwrap().is_empty());
    // Their member's pages too.
    let stranger = app.signed_in("owner@inboxtheirs.test").await;
    assert_eq!(
        stranger
            .get(&format!("/w/inboxtheirs/inbox/{c}"))
            .await
            .status,
        404
    );
}

async fn the_inbox_pages_render_in_six_languages_and_their_forms_work_without_javascript(
    store: SharedStore,
) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("inboxpages", "owner@inboxpages.test").await;
    let agent = app.member(&ws, "agent@inboxpages.test", Role::Agent).await;
    app.member(&ws, "analyst@inboxpages.test", Role::Analyst)
        .await;
    let c = conversation(&app, &ws, "chat", "ar", "Where is my parcel", 20).await;
    let owner = app.signed_in("owner@inboxpages.test").await;
    for (lang, title) in [
        ("en", "Inbox"),
        ("cy", "Mewnflwch"),
        ("ms", "Peti masuk"),
        ("sw", "Kikasha"),
        ("ar", "صندوق الوارد"),
        ("vi", "Hộp thư đến"),
    ] {
        for path in [
            format!("/w/inboxpages/inbox?lang={lang}"),
            format!("/w/inboxpages/inbox/{c}?lang={lang}"),
            format!("/w/inboxpages/inbox/canned?lang={lang}"),
        ] {
            let page = owner.get(&path).await;
            assert_eq!(page.status, 200, "{path}: {}", page.body);
            assert!(page.body.contains(&format!("lang=\"{lang}\"")), "{path}");
            if lang == "ar" {
                assert!(page.body.contains("dir=\"rtl\""), "{path}");
            }
            if path.ends_with(&format!("inbox?lang={lang}")) {
                assert!(page.text().contains(title), "{path}");
            }
        }
    }
    // Back to English (the last page chose Vietnamese).
    let list = owner.get("/w/inboxpages/inbox?lang=en").await;
    assert!(list.text().contains("Where is my parcel"));

    // The forms: assign, priority, labels, a snooze in the past refused, a reply.
    let thread = format!("/w/inboxpages/inbox/{c}");
    let agent_id = agent.user.id.to_string();
    let done = owner
        .submit(
            &thread,
            &thread,
            &[("assignee_id", agent_id.as_str()), ("team", "Parcels")],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let done = owner
        .submit(&thread, &thread, &[("priority", "high")])
        .await;
    assert_eq!(done.status, 303);
    let done = owner
        .submit(&thread, &thread, &[("labels", "Delivery, late")])
        .await;
    assert_eq!(done.status, 303);
    let refused = owner
        .submit(
            &thread,
            &thread,
            &[("status", "snoozed"), ("snoozed_until", "2020-01-01T09:00")],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.text().contains("Choose a time in the future."));
    let replied = owner
        .submit(
            &thread,
            &format!("{thread}/reply"),
            &[("body", "سيصل طردك غدًا.")],
        )
        .await;
    assert_eq!(replied.status, 303, "{}", replied.body);
    let item = store.inbox_item(ws.id, c).await.unwrap();
    assert_eq!(item.conversation.assignee, Some(agent.user.id));
    assert_eq!(item.conversation.team.as_deref(), Some("Parcels"));
    assert_eq!(item.priority, taith_domain::Priority::High);
    assert_eq!(item.conversation.tags, vec!["delivery", "late"]);
    assert!(item.conversation.first_reply_at.is_some());

    // Mine: the agent sees it under "mine"; the analyst reads but has no forms.
    let agent_b = app.signed_in("agent@inboxpages.test").await;
    let mine = agent_b.get("/w/inboxpages/inbox?who=mine").await;
    assert!(mine.text().contains("Where is my parcel"));
    let analyst = app.signed_in("analyst@inboxpages.test").await;
    let read_only = analyst.get(&thread).await;
    assert_eq!(read_only.status, 200);
    assert!(!read_only.body.contains("inbox-reply-form"));
    let forbidden = analyst
        .submit(&thread, &format!("{thread}/reply"), &[("body", "hi")])
        .await;
    assert_eq!(forbidden.status, 403);
}

/// A 1×1 PNG.
const PNG_BASE64: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/// A mail from Gwen with a photo, an HTML page, an SVG and a file too large to keep.
fn mail_with_attachments(id: &str) -> String {
    let big = "x".repeat(76).repeat(70_000);
    let big: String = big
        .as_bytes()
        .chunks(76)
        .map(|l| format!("{}\r\n", std::str::from_utf8(l).unwrap()))
        .collect();
    format!(
        "From: Gwen Roberts <gwen@customers.test>\r\n\
         To: inboxatt@mail.taith.example\r\n\
         Subject: Llun o'r gacen\r\n\
         Message-ID: <{id}>\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"b\"\r\n\
         \r\n\
         --b\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         \r\n\
         Dyma'r llun.\r\n\
         --b\r\n\
         Content-Type: image/png; name=\"cacen llynedd.png\"\r\n\
         Content-Disposition: attachment; filename=\"cacen llynedd.png\"\r\n\
         Content-Transfer-Encoding: base64\r\n\
         \r\n\
         {PNG_BASE64}\r\n\
         --b\r\n\
         Content-Type: text/html; name=\"page.html\"\r\n\
         Content-Disposition: attachment; filename=\"page.html\"\r\n\
         \r\n\
         <script>alert(1)</script>\r\n\
         --b\r\n\
         Content-Type: image/svg+xml; name=\"logo.svg\"\r\n\
         Content-Disposition: attachment; filename=\"logo.svg\"\r\n\
         \r\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>\r\n\
         --b\r\n\
         Content-Type: text/plain; name=\"huge.txt\"\r\n\
         Content-Disposition: attachment; filename=\"huge.txt\"\r\n\
         \r\n\
         {big}\
         --b--\r\n"
    )
}

async fn attachments_download_as_files_of_safe_types_and_another_workspaces_are_not_found(
    store: SharedStore,
) {
    use base64::Engine as _;
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("inboxatt", "owner@inboxatt.test").await;
    let (other, _) = app.workspace("inboxatt2", "owner@inboxatt2.test").await;
    app.member(&ws, "viewer@inboxatt.test", Role::Viewer).await;
    let got = taith_app::mail_in::receive(
        store.as_ref(),
        &taith_app::mail_in::MailIn::default(),
        ws.id,
        mail_with_attachments("att-1@customers.test").as_bytes(),
    )
    .await
    .unwrap();
    assert_eq!(got.attachments_not_kept, 1);
    let id = got.conversation.id;
    // A conversation of the other workspace, with its own attachment.
    let theirs = taith_app::mail_in::receive(
        store.as_ref(),
        &taith_app::mail_in::MailIn::default(),
        other.id,
        mail_with_attachments("att-2@customers.test").as_bytes(),
    )
    .await
    .unwrap()
    .conversation
    .id;

    let owner = app.signed_in("owner@inboxatt.test").await;
    let base = format!("/w/inboxatt/inbox/{id}");
    let page = owner.get(&base).await;
    assert_eq!(page.status, 200);
    for n in 1..=3 {
        assert!(
            page.body
                .contains(&format!("href=\"{base}/attachments/{n}\"")),
            "attachment {n} is linked"
        );
    }
    assert!(!page.body.contains(&format!("{base}/attachments/4")));
    let text = page.text();
    assert!(text.contains("cacen llynedd.png"));
    assert!(text.contains("huge.txt"));
    assert!(text.contains("too large, not kept"));

    let photo = owner.get_response(&format!("{base}/attachments/1")).await;
    assert_eq!(photo.status(), 200);
    let h = photo.headers().clone();
    assert_eq!(h["content-type"], "image/png");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(
        h["content-disposition"],
        "attachment; filename=\"cacen llynedd.png\"; filename*=UTF-8''cacen%20llynedd.png"
    );
    let bytes = photo.bytes().await.unwrap();
    assert_eq!(
        bytes.as_ref(),
        base64::engine::general_purpose::STANDARD
            .decode(PNG_BASE64)
            .unwrap()
            .as_slice()
    );
    // HTML and SVG never come back as documents a browser would run.
    for (n, name) in [(2, "page.html"), (3, "logo.svg")] {
        let r = owner.get_response(&format!("{base}/attachments/{n}")).await;
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-type"], "application/octet-stream");
        assert!(
            r.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with(&format!("attachment; filename=\"{name}\"")),
        );
        assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    }
    // Not kept, past the end, nonsense: 404.
    for n in ["4", "5", "0", "x", "-1"] {
        assert_eq!(
            owner.get(&format!("{base}/attachments/{n}")).await.status,
            404,
            "attachment {n}"
        );
    }
    // Another workspace's conversation is the same 404 as a missing one, by either slug.
    assert_eq!(
        owner
            .get(&format!("/w/inboxatt/inbox/{theirs}/attachments/1"))
            .await
            .status,
        404
    );
    let stranger = app.signed_in("owner@inboxatt2.test").await;
    assert_eq!(
        stranger
            .get(&format!("/w/inboxatt2/inbox/{id}/attachments/1"))
            .await
            .status,
        404
    );
    assert_eq!(
        stranger
            .get(&format!("/w/inboxatt/inbox/{id}/attachments/1"))
            .await
            .status,
        404
    );
    // A viewer reads the figures, not what customers sent.
    let viewer = app.signed_in("viewer@inboxatt.test").await;
    assert_eq!(
        viewer.get(&format!("{base}/attachments/1")).await.status,
        403
    );
    // Not signed in: sent to sign in.
    let anonymous = app.browser().get(&format!("{base}/attachments/1")).await;
    assert_eq!(anonymous.status, 303);
}

async fn a_mail_received_twice_at_once_is_stored_once_with_its_record(store: SharedStore) {
    let (ws, _) = TestApp::spawn_unthrottled(store.clone())
        .await
        .workspace("inboxtwice", "owner@inboxtwice.test")
        .await;
    let raw = "From: Tom Evans <tom@customers.test>\r\nTo: inboxtwice@mail.taith.example\r\n\
               Subject: Weekly order\r\nMessage-ID: <twice-1@customers.test>\r\n\r\nTen loaves.\r\n";
    let mut tasks = Vec::new();
    let ws_id = ws.id;
    for _ in 0..6 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            taith_app::mail_in::receive(
                store.as_ref(),
                &taith_app::mail_in::MailIn::default(),
                ws_id,
                raw.as_bytes(),
            )
            .await
            .unwrap()
        }));
    }
    let mut got = Vec::new();
    for t in tasks {
        got.push(t.await.unwrap());
    }
    let first = got.iter().find(|g| !g.duplicate).expect("one stored it");
    assert_eq!(got.iter().filter(|g| !g.duplicate).count(), 1);
    assert!(
        got.iter()
            .all(|g| g.conversation.id == first.conversation.id
                && g.message_id == first.message_id)
    );
    // One conversation, one message, one record naming that message.
    let all = store
        .conversations(
            ws.id,
            &taith_store::ConversationFilter::default(),
            PageRequest::first(10),
        )
        .await
        .unwrap();
    assert_eq!(all.items.len(), 1);
    let messages = store
        .conversation_messages(ws.id, first.conversation.id)
        .await
        .unwrap();
    assert_eq!(messages.len(), 1);
    let record = store
        .mail_record(ws.id, "twice-1@customers.test")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.message_id, messages[0].id);
    // The answer to it joins the same conversation, in one transaction too.
    let answer = "From: Tom Evans <tom@customers.test>\r\nTo: inboxtwice@mail.taith.example\r\n\
                  Subject: Re: Weekly order\r\nMessage-ID: <twice-2@customers.test>\r\n\
                  In-Reply-To: <twice-1@customers.test>\r\n\r\nTwelve, please.\r\n";
    let joined = taith_app::mail_in::receive(
        store.as_ref(),
        &taith_app::mail_in::MailIn::default(),
        ws.id,
        answer.as_bytes(),
    )
    .await
    .unwrap();
    assert!(!joined.opened);
    assert_eq!(joined.conversation.id, first.conversation.id);
    let record = store
        .mail_record(ws.id, "twice-2@customers.test")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.message_id, joined.message_id);
    assert_eq!(
        store
            .conversation_messages(ws.id, first.conversation.id)
            .await
            .unwrap()
            .len(),
        2
    );
}

// --- the CLI --------------------------------------------------------------------------------

/// `taith inbox list` against the store at `store_args` (`--data-dir D` or
/// `--database-url U`).
fn taith_inbox(store_args: &[&str], args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_taith"))
        .args(store_args)
        .args(["inbox", "list"])
        .args(args)
        .env_remove("TAITH_DATABASE_URL")
        .env_remove("TAITH_WORKSPACE")
        .output()
        .expect("run taith")
}

fn rows(o: &std::process::Output) -> Vec<Vec<String>> {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

async fn the_cli_lists_the_inbox_as_the_page_does(store: SharedStore, store_args: &[&str]) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("inboxcli", "owner@inboxcli.test").await;
    let agent = app.member(&ws, "agent@inboxcli.test", Role::Agent).await;
    let chat = conversation(&app, &ws, "chat", "cy", "Chat order", 50).await;
    let mail = conversation(&app, &ws, "email", "sw", "Mail refund", 30).await;
    let late = conversation(&app, &ws, "email", "ar", "", 10).await;
    inbox::assign(
        app.store.as_ref(),
        ws.id,
        mail,
        Some(&agent.user.id.to_string()),
        None,
    )
    .await
    .unwrap();
    inbox::set_priority(app.store.as_ref(), ws.id, mail, "urgent")
        .await
        .unwrap();
    inbox::set_status(
        app.store.as_ref(),
        ws.id,
        chat,
        "snoozed",
        Some(&in_future(5)),
    )
    .await
    .unwrap();

    let all = rows(&taith_inbox(store_args, &["--workspace", "inboxcli"]));
    let ids: Vec<&str> = all.iter().map(|r| r[0].as_str()).collect();
    let expected = [late.to_string(), mail.to_string(), chat.to_string()];
    assert_eq!(ids, expected, "newest activity first: {all:?}");
    assert!(all.iter().all(|r| r.len() == 7), "{all:?}");
    assert_eq!(
        all[1][1..6],
        [
            "open",
            "urgent",
            "email",
            "agent@inboxcli.test",
            "Mail refund"
        ]
    );
    // No subject: the first words of the first message.
    assert_eq!(
        all[2][1..6],
        ["snoozed", "normal", "chat", "-", "Chat order"]
    );
    assert_eq!(all[0][5], "Hello about");
    assert!(
        time::OffsetDateTime::parse(&all[0][6], &time::format_description::well_known::Rfc3339)
            .is_ok(),
        "{all:?}"
    );
    // The same rows as the use-case the page lists with.
    assert_eq!(
        listed(&app, &ws, InboxFilter::default()).await,
        [late, mail, chat]
    );

    let open = rows(&taith_inbox(
        store_args,
        &["--workspace", "inboxcli", "--status", "open"],
    ));
    assert_eq!(open.len(), 2);
    let snoozed = rows(&taith_inbox(
        store_args,
        &["--workspace", "inboxcli", "--status", "snoozed"],
    ));
    assert_eq!(snoozed.len(), 1);
    assert_eq!(snoozed[0][0], chat.to_string());
    let theirs = rows(&taith_inbox(
        store_args,
        &[
            "--workspace",
            "inboxcli",
            "--assignee",
            "AGENT@inboxcli.test",
        ],
    ));
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0][0], mail.to_string());
    let nobodys = rows(&taith_inbox(
        store_args,
        &["--workspace", "inboxcli", "--assignee", "nobody"],
    ));
    assert_eq!(nobodys.len(), 2);

    // Refusals name what was wrong.
    for (args, said) in [
        (
            &["--workspace", "inboxcli", "--status", "closed"][..],
            "--status",
        ),
        (
            &["--workspace", "inboxcli", "--assignee", "who@else.test"][..],
            "--assignee",
        ),
        (&["--workspace", "nowhere"][..], "nowhere"),
    ] {
        let o = taith_inbox(store_args, args);
        assert!(!o.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains(said),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_lists_the_inbox_as_the_page_does_on_sqlite() {
    let (store, dir) = fresh_sqlite().await;
    let d = dir.to_string_lossy().into_owned();
    the_cli_lists_the_inbox_as_the_page_does(store, &["--data-dir", &d]).await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_lists_the_inbox_as_the_page_does_on_postgres() {
    let Some((store, db)) = fresh_postgres().await else {
        return;
    };
    let url = db.url();
    the_cli_lists_the_inbox_as_the_page_does(store, &["--database-url", &url]).await;
    db.drop_database().await;
}
