//! The widget's web chat, on both stores: the bot answers a Welsh question from the help
//! centre at once; a visitor who asks for a person is handed over to the inbox, told when
//! someone will answer, and offered replies by e-mail; a member's reply reaches the chat live
//! (server-sent events, for the visitor and for the member's thread) and, once the visitor
//! left an address, by e-mail too; bad input is named in the visitor's language; another
//! workspace's or a made-up chat is a 404. In Chromium: a Swahili visitor in the widget on a
//! strict-CSP site gets the bot's answer and asks for a person; the member, with the thread
//! open in their own browser, sees the visitor's next message arrive, and the visitor sees the
//! member's reply arrive, neither page reloading; axe finds nothing serious in Swahili and in
//! Arabic (right to left, on a phone). Screenshots: `target/screenshots/chat-*.png`.

use crate::helpers::{PASSWORD, Page, TestApp, fresh_postgres, fresh_sqlite};
use crate::respond_browser::{browser, host_site, screenshot};
use crate::surveys_ui::live_nps;
use crate::webdriver::Options;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use taith_domain::{ArticleInput, Channel, ConversationStatus, TranslationInput, WorkspaceId};
use taith_store::SharedStore;

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

on_both_stores!(a_chat_goes_from_the_bot_to_a_person_and_back_to_the_visitor_live,);

const WAIT: Duration = Duration::from_secs(30);

/// The bakery help centre of the bot's benchmark set, published in six languages: a help
/// centre of realistic size, so the bot's confidence means what it means in a shop.
pub async fn publish_help_centre(store: &SharedStore, ws: WorkspaceId) {
    let mut by_id: BTreeMap<&str, BTreeMap<String, TranslationInput>> = BTreeMap::new();
    for a in taith_text::faq_eval::articles() {
        by_id.entry(a.id).or_default().insert(
            a.lang.code().to_owned(),
            TranslationInput {
                title: a.title.to_owned(),
                body: a.body.to_owned(),
            },
        );
    }
    for (id, translations) in by_id {
        let input = ArticleInput {
            category_id: None,
            status: "published".to_owned(),
            translations,
            slug: Some(id.to_owned()),
        };
        taith_app::articles::create_article(store.as_ref(), ws, &input)
            .await
            .unwrap();
    }
}

/// The chat's address from the redirect after its first message.
fn chat_address(page: &Page) -> String {
    assert_eq!(page.status, 303, "{}", page.body);
    let location = page.location.clone().unwrap();
    location.split('#').next().unwrap().to_owned()
}

/// Reads a server-sent events stream until its text holds `wanted`.
async fn stream_until(app: &TestApp, path: &str, cookie: Option<&str>, wanted: &str) -> String {
    let client = crate::helpers::http().build().unwrap();
    let mut request = client.get(app.url(path));
    if let Some(c) = cookie {
        request = request.header("cookie", c);
    }
    let mut response = request.send().await.unwrap();
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "text/event-stream"
    );
    let deadline = Instant::now() + WAIT;
    let mut text = String::new();
    while !text.contains(wanted) {
        assert!(Instant::now() < deadline, "no {wanted:?} in {text}");
        match tokio::time::timeout(WAIT, response.chunk()).await {
            Ok(Ok(Some(bytes))) => text.push_str(&String::from_utf8_lossy(&bytes)),
            other => panic!("the stream ended without {wanted:?}: {other:?} {text}"),
        }
    }
    text
}

async fn a_chat_goes_from_the_bot_to_a_person_and_back_to_the_visitor_live(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("sgwrs", "owner@sgwrs.test").await;
    let (other, _) = app.workspace("arall", "owner@arall.test").await;
    publish_help_centre(&store, ws.id).await;
    let survey = live_nps(&app, &ws).await;
    let theirs = live_nps(&app, &other).await;
    let visitor = app.browser();
    let base = format!("/e/{}/chat", survey.public_id);

    // The chat tab beside the survey, in the frame's language.
    let survey_page = visitor
        .get(&format!("/e/{}?lang=cy", survey.public_id))
        .await;
    assert!(
        survey_page.body.contains(&format!("{base}?lang=cy")),
        "{}",
        survey_page.body
    );
    let empty = visitor.get(&format!("{base}?lang=cy")).await;
    assert_eq!(empty.status, 200);
    assert!(
        empty.text().contains("Gofynnwch unrhyw beth i ni"),
        "{}",
        empty.body
    );

    // An empty message is named at its field, in Welsh; nothing is stored.
    let refused = visitor
        .post_raw(&base, &[("lang", "cy"), ("body", "   ")])
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("chat-body-error"), "{}", refused.body);
    let chats = |status: Option<ConversationStatus>| {
        let store = store.clone();
        async move {
            store
                .conversations(
                    ws.id,
                    &taith_store::ConversationFilter {
                        statuses: status.into_iter().collect(),
                        channel: Some(Channel::Chat),
                        ..Default::default()
                    },
                    taith_store::PageRequest::all(),
                )
                .await
                .unwrap()
                .items
        }
    };
    assert!(chats(None).await.is_empty());

    // A Welsh question the help centre answers: the bot answers at once, the chat is kept as
    // a resolved conversation (nobody needs to act).
    let first = visitor
        .post_raw(
            &base,
            &[
                ("lang", "cy"),
                ("body", "Pryd ydych chi'n agor ar ddydd Sul?"),
            ],
        )
        .await;
    let chat = chat_address(&first);
    let page = visitor.get(&chat).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(
        text.contains("Pryd ydych chi'n agor ar ddydd Sul?"),
        "{text}"
    );
    assert!(text.contains("chat-line chat-bot"), "{text}");
    assert!(
        text.contains("Oriau agor"),
        "the hours article, in Welsh: {text}"
    );
    assert!(!text.contains("chat-email-form"), "no person yet: {text}");
    let resolved = chats(Some(ConversationStatus::Resolved)).await;
    assert_eq!(resolved.len(), 1);
    let conversation = resolved[0].id;
    assert_eq!(resolved[0].locale, Some(taith_domain::Locale::Cy));

    // A second question the bot answers leaves the chat resolved: nobody needs to act.
    let again = visitor
        .post_raw(&chat, &[("body", "Pryd ydych chi'n agor ar ddydd Sadwrn?")])
        .await;
    assert_eq!(again.status, 303, "{}", again.body);
    let still = store.conversation(ws.id, conversation).await.unwrap();
    assert_eq!(still.status, ConversationStatus::Resolved);
    assert_eq!(
        store
            .conversation_messages(ws.id, conversation)
            .await
            .unwrap()
            .len(),
        4
    );

    // Asking for a person: handed over, told so in Welsh, the conversation open in the inbox,
    // and the offer to reply by e-mail.
    let asked = visitor
        .post_raw(&chat, &[("body", "Dw i eisiau siarad â pherson")])
        .await;
    assert_eq!(asked.status, 303, "{}", asked.body);
    let page = visitor.get(&chat).await;
    assert!(page.body.contains("chat-email-form"), "{}", page.body);
    let open = store.conversation(ws.id, conversation).await.unwrap();
    assert_eq!(open.status, ConversationStatus::Open);
    let owner = app.signed_in("owner@sgwrs.test").await;
    let inbox = owner.get("/w/sgwrs/inbox").await;
    assert!(
        inbox.body.contains(&conversation.to_string()),
        "{}",
        inbox.body
    );

    // A bad address is named in Welsh; a good one makes the visitor the chat's customer.
    let bad = visitor
        .post_raw(&format!("{chat}/email"), &[("email", "nid cyfeiriad")])
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(bad.body.contains("chat-email-error"), "{}", bad.body);

    // The member's reply arrives in the visitor's stream and in the member's thread stream.
    let last = store
        .conversation_messages(ws.id, conversation)
        .await
        .unwrap()
        .last()
        .unwrap()
        .id;
    let visitor_stream = format!("{chat}/events?after={last}");
    let thread = format!("/w/sgwrs/inbox/{conversation}");
    let reply = "Bore da! Mae Siân yma — sut alla i helpu?";
    let replied = owner
        .submit(&thread, &format!("{thread}/reply"), &[("body", reply)])
        .await;
    assert_eq!(replied.status, 303, "{}", replied.body);
    let seen = stream_until(&app, &visitor_stream, None, "Mae Si").await;
    assert!(seen.contains("event: message"), "{seen}");
    assert!(seen.contains("\"speaker\":\"person\""), "{seen}");
    let cookie = owner_cookie(&owner);
    let seen = stream_until(
        &app,
        &format!("{thread}/events?after={last}"),
        Some(&cookie),
        "Mae Si",
    )
    .await;
    assert!(seen.contains("\"kind\":\"out\""), "{seen}");
    // The stream is the member's: without a session it is not served.
    let anonymous = app.browser().get(&format!("{thread}/events")).await;
    assert_ne!(anonymous.status, 200);
    // Not sent by e-mail: the visitor left no address yet.
    let messages = store
        .conversation_messages(ws.id, conversation)
        .await
        .unwrap();
    let first_reply = messages.iter().find(|m| m.body == reply).unwrap().id;
    assert_eq!(
        store
            .mail_send_state(ws.id, conversation, first_reply)
            .await
            .unwrap(),
        None
    );

    // With an address left, the next reply is also queued to go by e-mail.
    let kept = visitor
        .post_raw(&format!("{chat}/email"), &[("email", "rhys@example.test")])
        .await;
    assert_eq!(kept.status, 303, "{}", kept.body);
    let page = visitor.get(&format!("{chat}?done=email")).await;
    assert!(page.text().contains("rhys@example.test"), "{}", page.body);
    let c = store.conversation(ws.id, conversation).await.unwrap();
    assert!(c.customer_id.is_some());
    let again = "Mae'r bara brith yn barod i'w gasglu.";
    let replied = owner
        .submit(&thread, &format!("{thread}/reply"), &[("body", again)])
        .await;
    assert_eq!(replied.status, 303, "{}", replied.body);
    let messages = store
        .conversation_messages(ws.id, conversation)
        .await
        .unwrap();
    let second = messages.iter().find(|m| m.body == again).unwrap().id;
    assert_eq!(
        store
            .mail_send_state(ws.id, conversation, second)
            .await
            .unwrap()
            .as_deref(),
        Some("pending")
    );

    // The visitor's next message goes to the person, not the bot.
    let before = messages.len();
    let sent = visitor
        .post_raw(&chat, &[("body", "Diolch, fe ddof i am bedwar.")])
        .await;
    assert_eq!(sent.status, 303);
    let messages = store
        .conversation_messages(ws.id, conversation)
        .await
        .unwrap();
    assert_eq!(
        messages.len(),
        before + 1,
        "no bot answer while a person has it"
    );

    // A made-up token, a token under another workspace's survey: the same 404.
    let token = chat.rsplit('/').next().unwrap();
    let made_up = visitor.get(&format!("{base}/{}", "a".repeat(64))).await;
    assert_eq!(made_up.status, 404);
    let elsewhere = visitor
        .get(&format!("/e/{}/chat/{token}", theirs.public_id))
        .await;
    assert_eq!(elsewhere.status, 404);
    let elsewhere = visitor
        .post_raw(
            &format!("/e/{}/chat/{token}", theirs.public_id),
            &[("body", "hi")],
        )
        .await;
    assert_eq!(elsewhere.status, 404);
    let malformed = visitor.get(&format!("{base}/not-a-token/events")).await;
    assert_eq!(malformed.status, 404);
}

/// Types a message into the chat and sends it.
async fn say(wd: &crate::webdriver::WebDriver, text: &str) {
    let field = wd.wait_for("#chat-body", WAIT).await.unwrap();
    wd.send_keys(&field, text).await.unwrap();
    wd.click(&wd.find("#chat-form button").await.unwrap())
        .await
        .unwrap();
}

fn owner_cookie(owner: &crate::helpers::Browser) -> String {
    owner.cookie_header()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_swahili_visitor_chats_in_the_widget_and_sees_the_reply_arrive_without_reloading() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    publish_help_centre(&app.store, ws.id).await;
    let survey = live_nps(&app, &ws).await;
    let host = host_site(app.addr, &survey.public_id, "sw").await;
    let Some(wd) = browser(Options::default()).await else {
        return;
    };
    wd.goto(&format!("http://localhost:{}/", host.addr.port()))
        .await
        .unwrap();
    let frame = wd.wait_for("iframe.taith-survey", WAIT).await.unwrap();
    wd.enter_frame(&frame).await.unwrap();
    // The chat tab, beside the survey, in Swahili.
    let tab = wd
        .wait_for(".embed-tabs a[href*='/chat']", WAIT)
        .await
        .unwrap();
    assert_eq!(wd.text(&tab).await.unwrap(), "Gumzo");
    wd.click(&tab).await.unwrap();
    say(&wd, "Mnafungua saa ngapi asubuhi?").await;
    // The bot's answer, from the Swahili hours article.
    let answer = wd.wait_for("li.chat-bot", WAIT).await.unwrap();
    let said = wd.text(&answer).await.unwrap();
    assert!(said.contains("Saa za kufungua"), "{said}");
    assert_eq!(
        wd.attribute(&wd.find("html").await.unwrap(), "lang")
            .await
            .unwrap()
            .as_deref(),
        Some("sw")
    );
    // From here on the page must not reload: a mark on the window would be lost.
    wd.execute("window.__stayed = true; return true;", vec![])
        .await
        .unwrap();
    say(&wd, "Nataka kuongea na mtu tafadhali").await;
    // Handed over: a second bot line (when someone will answer), and the e-mail offer.
    let deadline = Instant::now() + WAIT;
    loop {
        let bot = wd.find_all("li.chat-bot").await.unwrap();
        if bot.len() >= 2 && wd.find("#chat-email-form").await.is_ok() {
            break;
        }
        assert!(Instant::now() < deadline, "no hand-over shown");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let conversation = app
        .store
        .conversations(
            ws.id,
            &taith_store::ConversationFilter {
                statuses: vec![ConversationStatus::Open],
                channel: Some(Channel::Chat),
                ..Default::default()
            },
            taith_store::PageRequest::all(),
        )
        .await
        .unwrap()
        .items
        .first()
        .map(|c| c.id)
        .unwrap();
    // The member has the thread open in their own browser: the visitor's next message
    // appears there by itself.
    let Some(agent) = browser(Options::default()).await else {
        return;
    };
    agent.goto(&app.url("/login")).await.unwrap();
    let email = agent.find("#email").await.unwrap();
    agent
        .send_keys(&email, "owner@becws.example")
        .await
        .unwrap();
    let password = agent.find("#password").await.unwrap();
    agent.send_keys(&password, PASSWORD).await.unwrap();
    agent
        .click(
            &agent
                .find("form[action=\"/login\"] button[type=submit]")
                .await
                .unwrap(),
        )
        .await
        .unwrap();
    agent.wait_for("header .who", WAIT).await.unwrap();
    agent
        .goto(&app.url(&format!("/w/becws/inbox/{conversation}")))
        .await
        .unwrap();
    agent.wait_for("#inbox-messages", WAIT).await.unwrap();
    agent
        .execute("window.__stayed = true; return true;", vec![])
        .await
        .unwrap();
    say(&wd, "Asante, nasubiri hapa.").await;
    let deadline = Instant::now() + WAIT;
    loop {
        let list = agent.find("#inbox-messages").await.unwrap();
        if agent.text(&list).await.unwrap().contains("nasubiri hapa") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the member never saw the message"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(
        agent
            .execute("return window.__stayed === true;", vec![])
            .await
            .unwrap(),
        serde_json::json!(true),
        "the member's thread reloaded"
    );
    screenshot(
        "chat-inbox-thread.png",
        &agent.screenshot_png().await.unwrap(),
    );

    // A member answers from the inbox; the reply appears in the visitor's chat by itself.
    let owner = app.signed_in("owner@becws.example").await;
    let thread = format!("/w/becws/inbox/{conversation}");
    let reply = "Habari! Mimi ni Siân. Nikusaidie vipi?";
    let replied = owner
        .submit(&thread, &format!("{thread}/reply"), &[("body", reply)])
        .await;
    assert_eq!(replied.status, 303, "{}", replied.body);
    let person = wd.wait_for("li.chat-person", WAIT).await.unwrap();
    assert!(wd.text(&person).await.unwrap().contains("Nikusaidie vipi?"));
    let stayed = wd
        .execute("return window.__stayed === true;", vec![])
        .await
        .unwrap();
    assert_eq!(stayed, serde_json::json!(true), "the chat reloaded");
    crate::axe::assert_clean(&wd, "chat sw in the widget").await;
    wd.leave_frame().await.unwrap();
    screenshot("chat-sw.png", &wd.screenshot_png().await.unwrap());

    // In Arabic, right to left, on a phone: the chat on its own.
    wd.set_window_size(390, 844).await.unwrap();
    wd.goto(&app.url(&format!("/e/{}/chat?lang=ar", survey.public_id)))
        .await
        .unwrap();
    say(&wd, "متى تفتحون يوم السبت؟").await;
    wd.wait_for("li.chat-bot", WAIT).await.unwrap();
    let html = wd.find("html").await.unwrap();
    assert_eq!(
        wd.attribute(&html, "dir").await.unwrap().as_deref(),
        Some("rtl")
    );
    crate::axe::assert_clean(&wd, "chat ar").await;
    screenshot("chat-ar.png", &wd.screenshot_png().await.unwrap());
}
