//! E-mail conversations, on both stores: a signed mail posted to the inbound endpoint opens an
//! `email` conversation with its customer; the member's reply goes out through the SMTP sink
//! threaded (Message-ID, In-Reply-To, References, `Re:`), and the customer's answer to it
//! joins the conversation, while a forged In-Reply-To naming another workspace's Message-ID
//! does not; HTML is sanitised; a giant attachment is listed but not kept; automatic mail is
//! recorded and never answered; malformed mail is 422, a bad signature 401. And the built-in
//! SMTP receiver end to end over a real socket with a hand-written client.

use crate::helpers::{TestApp, fresh_postgres, fresh_sqlite};
use crate::smtp_sink::SmtpSink;
use reqwest::Method;
use serde_json::Value;
use taith_app::mail_in;
use taith_domain::{MessageDirection, MessageInput, TokenScope, WorkspaceId};
use taith_store::SharedStore;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

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
    mail_threads_into_conversations_and_replies_go_out_threaded,
    html_attachments_and_automatic_mail_are_handled,
    bad_mail_and_bad_signatures_are_refused,
    the_smtp_receiver_delivers_into_the_conversation,
);

/// A workspace with an owner, and its inbound secret read over the API.
async fn workspace_with_secret(app: &TestApp, slug: &str) -> (WorkspaceId, String) {
    let (ws, _) = app.workspace(slug, &format!("owner@{slug}.example")).await;
    let token = app.api_token(slug, TokenScope::Write).await;
    let (status, body) = app
        .browser()
        .api(Method::GET, "/api/v1/inbound-email", &token, None)
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["endpoint"].as_str(),
        Some(format!("/api/v1/inbound/email/{slug}").as_str())
    );
    (ws.id, body["secret"].as_str().unwrap().to_owned())
}

/// Posts a raw mail to `slug`'s inbound endpoint, signed with `secret`.
async fn post_mail(app: &TestApp, slug: &str, secret: &str, raw: &str) -> (u16, Value) {
    post_signed(app, slug, &mail_in::signature(secret, raw.as_bytes()), raw).await
}

async fn post_signed(app: &TestApp, slug: &str, signature: &str, raw: &str) -> (u16, Value) {
    let resp = crate::helpers::http()
        .build()
        .unwrap()
        .post(app.url(&format!("/api/v1/inbound/email/{slug}")))
        .header("content-type", "message/rfc822")
        .header("x-taith-signature", signature)
        .body(raw.to_owned())
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

fn mail(from: &str, to: &str, id: &str, extra: &str, subject: &str, body: &str) -> String {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{id}>\r\n\
         Date: Sun, 6 Dec 2026 10:00:00 +0000\r\n{extra}\r\n{body}\r\n"
    )
}

fn conversation_of(v: &Value) -> taith_domain::ConversationId {
    v["conversation_id"].as_str().unwrap().parse().unwrap()
}

fn sink_mailer(sink: &SmtpSink) -> taith_app::invitations::outbox::Mailer {
    taith_app::invitations::outbox::Mailer::new(&taith_app::invitations::outbox::MailConfig {
        smtp_url: sink.url(),
        from: "Becws Bara Brith <cymorth@becws.example>".to_owned(),
    })
    .unwrap()
}

async fn mail_threads_into_conversations_and_replies_go_out_threaded(store: SharedStore) {
    let app = TestApp::spawn(store.clone()).await;
    let (becws, secret) = workspace_with_secret(&app, "becws").await;
    let (bravo, bravo_secret) = workspace_with_secret(&app, "bravo").await;

    // A plain mail opens an email conversation with its customer.
    let first = mail(
        "Siwan Jones <Siwan@Example.cymru>",
        "becws@mail.taith.example",
        "first-1@example.cymru",
        "",
        "Where is my bara brith?",
        "It has not arrived.",
    );
    let (status, got) = post_mail(&app, "becws", &secret, &first).await;
    assert_eq!(status, 201, "{got}");
    assert_eq!(got["opened"], true);
    assert_eq!(got["no_reply"], Value::Null);
    let conversation = conversation_of(&got);
    let c = store.conversation(becws, conversation).await.unwrap();
    assert_eq!(c.channel, taith_domain::Channel::Email);
    assert_eq!(c.subject, "Where is my bara brith?");
    let customer = store.customer(becws, c.customer_id.unwrap()).await.unwrap();
    assert_eq!(customer.email.unwrap().as_str(), "siwan@example.cymru");
    let messages = store
        .conversation_messages(becws, conversation)
        .await
        .unwrap();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].body, "It has not arrived.");
    assert_eq!(messages[0].author.as_deref(), Some("Siwan Jones"));

    // The same mail again is stored once.
    let (status, again) = post_mail(&app, "becws", &secret, &first).await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(again["duplicate"], true);
    assert_eq!(again["conversation_id"], got["conversation_id"]);

    // The member's reply is queued and goes out threaded, to the customer.
    let owner = store
        .members(becws)
        .await
        .unwrap()
        .into_iter()
        .next()
        .unwrap();
    let (_, reply) = taith_app::conversations::add_message(
        store.as_ref(),
        becws,
        conversation,
        &MessageInput {
            direction: "out".into(),
            body: "It is on its way today.".into(),
            ..Default::default()
        },
        Some(owner.user.id),
    )
    .await
    .unwrap();
    mail_in::queue_reply(store.as_ref(), becws, conversation, reply.id)
        .await
        .unwrap();
    assert_eq!(
        store
            .mail_send_state(becws, conversation, reply.id)
            .await
            .unwrap()
            .as_deref(),
        Some("pending")
    );
    let sink = SmtpSink::start().await;
    let mailer = sink_mailer(&sink);
    let done = mail_in::worker::send_replies(store.as_ref(), &mailer, taith_domain::now())
        .await
        .unwrap();
    assert_eq!(done.sent, 1, "{done:?}");
    let sent = sink.wait_for(1).await;
    let out = &sent[0];
    assert_eq!(out.rcpt_to, vec!["siwan@example.cymru".to_owned()]);
    assert_eq!(
        out.header("Subject").as_deref(),
        Some("Re: Where is my bara brith?")
    );
    assert_eq!(
        out.header("In-Reply-To").as_deref(),
        Some("<first-1@example.cymru>")
    );
    assert_eq!(
        out.header("References").as_deref(),
        Some("<first-1@example.cymru>")
    );
    let reply_id = out.header("Message-ID").unwrap();
    assert_eq!(
        reply_id,
        format!("<{}@becws.example>", reply.id.as_uuid()),
        "the reply's Message-ID is its message's"
    );
    assert!(out.data.contains("It is on its way today."), "{}", out.data);
    assert_eq!(
        store
            .mail_send_state(becws, conversation, reply.id)
            .await
            .unwrap()
            .as_deref(),
        Some("sent")
    );
    // Nothing more to send: a second round sends nothing.
    let again = mail_in::worker::send_replies(store.as_ref(), &mailer, taith_domain::now())
        .await
        .unwrap();
    assert_eq!(again.sent, 0);

    // The customer answers the reply: it joins the conversation.
    let bare_reply_id = reply_id.trim_matches(['<', '>']).to_owned();
    let answer = mail(
        "siwan@example.cymru",
        "becws@mail.taith.example",
        "second-2@example.cymru",
        &format!(
            "In-Reply-To: <{bare_reply_id}>\r\nReferences: <first-1@example.cymru> <{bare_reply_id}>\r\n"
        ),
        "Re: Where is my bara brith?",
        "Diolch!",
    );
    let (status, joined) = post_mail(&app, "becws", &secret, &answer).await;
    assert_eq!(status, 201, "{joined}");
    assert_eq!(joined["opened"], false);
    assert_eq!(joined["conversation_id"], got["conversation_id"]);
    let messages = store
        .conversation_messages(becws, conversation)
        .await
        .unwrap();
    assert_eq!(messages.len(), 3);
    assert_eq!(messages[2].direction, MessageDirection::In);
    assert_eq!(messages[2].body, "Diolch!");

    // A mail to another workspace naming becws's Message-IDs opens its own conversation there
    // and adds nothing to becws's.
    let forged = mail(
        "mallory@example.com",
        "bravo@mail.taith.example",
        "forged-3@example.com",
        &format!("In-Reply-To: <{bare_reply_id}>\r\nReferences: <first-1@example.cymru>\r\n"),
        "Re: Where is my bara brith?",
        "Let me in",
    );
    let (status, other) = post_mail(&app, "bravo", &bravo_secret, &forged).await;
    assert_eq!(status, 201, "{other}");
    assert_eq!(other["opened"], true);
    assert!(
        store
            .conversation(becws, conversation_of(&other))
            .await
            .is_err(),
        "bravo's conversation is not becws's"
    );
    assert!(
        store
            .conversation(bravo, conversation_of(&other))
            .await
            .is_ok()
    );
    assert_eq!(
        store
            .conversation_messages(becws, conversation)
            .await
            .unwrap()
            .len(),
        3
    );
    // becws's secret does not sign bravo's mail.
    let (status, _) = post_mail(&app, "bravo", &secret, &forged.replace("forged-3", "f4")).await;
    assert_eq!(status, 401);
}

async fn html_attachments_and_automatic_mail_are_handled(store: SharedStore) {
    let app = TestApp::spawn(store.clone()).await;
    let (ws, secret) = workspace_with_secret(&app, "becws").await;

    // HTML only: sanitised into text.
    let html = "From: a@example.com\r\nSubject: Hello\r\nMessage-ID: <html-1@example.com>\r\n\
        MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
        <p>Hi <b>there</b></p><script>alert('x')</script><img src=x onerror=alert(1)><p>Bye</p>\r\n";
    let (status, got) = post_mail(&app, "becws", &secret, html).await;
    assert_eq!(status, 201, "{got}");
    let messages = store
        .conversation_messages(ws, conversation_of(&got))
        .await
        .unwrap();
    let body = &messages[0].body;
    assert!(!body.contains("alert") && !body.contains('<'), "{body}");
    assert!(body.contains("Hi there") && body.contains("Bye"), "{body}");

    // A 6 MB attachment is listed, not kept; the message and a small attachment are.
    let big = "A".repeat(8 * 1024 * 1024);
    let with_files = format!(
        "From: b@example.com\r\nSubject: Photos\r\nMessage-ID: <files-1@example.com>\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n\
         --XX\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n\
         --XX\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=\"big.png\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{big}\r\n\
         --XX\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"note.txt\"\r\n\r\nsmall\r\n\
         --XX--\r\n"
    );
    let (status, got) = post_mail(&app, "becws", &secret, &with_files).await;
    assert_eq!(status, 201, "{got}");
    assert_eq!(got["attachments_not_kept"], 1);
    let files = store
        .mail_attachments(ws, "files-1@example.com")
        .await
        .unwrap();
    assert_eq!(files.len(), 2, "{files:?}");
    assert_eq!(files[0].name, "big.png");
    assert_eq!(files[0].content_type, "image/png");
    assert_eq!(files[0].size, 6 * 1024 * 1024);
    assert!(!files[0].kept);
    assert_eq!(files[1].name, "note.txt");
    assert!(files[1].kept);
    let messages = store
        .conversation_messages(ws, conversation_of(&got))
        .await
        .unwrap();
    assert_eq!(messages[0].body, "See attached.");

    // Automatic mail is recorded, and no reply can be queued on it.
    let owner = store.members(ws).await.unwrap().remove(0);
    for (n, (header, reason)) in [
        ("Auto-Submitted: auto-replied\r\n", "auto_submitted"),
        ("Precedence: bulk\r\n", "bulk"),
        ("X-Autorespond: yes\r\n", "auto_reply"),
    ]
    .into_iter()
    .enumerate()
    {
        let raw = mail(
            "away@example.com",
            "becws@x",
            &format!("auto-{n}@example.com"),
            header,
            "Out of office",
            "I am away.",
        );
        let (status, got) = post_mail(&app, "becws", &secret, &raw).await;
        assert_eq!(status, 201, "{got}");
        assert_eq!(got["no_reply"], reason);
        let c = conversation_of(&got);
        let (_, out) = taith_app::conversations::add_message(
            store.as_ref(),
            ws,
            c,
            &MessageInput {
                direction: "out".into(),
                body: "Thanks".into(),
                ..Default::default()
            },
            Some(owner.user.id),
        )
        .await
        .unwrap();
        let queued = mail_in::queue_reply(store.as_ref(), ws, c, out.id).await;
        assert!(
            matches!(queued, Err(mail_in::QueueRefused::NoReply(_))),
            "{queued:?}"
        );
        assert_eq!(store.mail_send_state(ws, c, out.id).await.unwrap(), None);
    }
    // A bounce: from MAILER-DAEMON, a delivery report.
    let bounce = "From: MAILER-DAEMON@mx.example.com\r\nSubject: Undelivered Mail\r\n\
        Message-ID: <bounce-1@mx.example.com>\r\nMIME-Version: 1.0\r\n\
        Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n\
        --B\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n--B--\r\n";
    let (status, got) = post_mail(&app, "becws", &secret, bounce).await;
    assert_eq!(status, 201, "{got}");
    assert_eq!(got["no_reply"], "bounce");
}

async fn bad_mail_and_bad_signatures_are_refused(store: SharedStore) {
    let app = TestApp::spawn(store.clone()).await;
    let (_, secret) = workspace_with_secret(&app, "becws").await;
    let good = mail(
        "a@example.com",
        "b@x",
        "ok-1@example.com",
        "",
        "Hi",
        "Hello",
    );

    // Malformed: no sender, or not a message at all.
    let (status, body) = post_mail(&app, "becws", &secret, "Subject: no sender\r\n\r\nhi").await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["details"][0]["field"], "from");
    let (status, body) = post_mail(&app, "becws", &secret, "\u{1}\u{2} just bytes").await;
    assert_eq!(status, 422, "{body}");

    // Signatures: wrong, missing, another secret's, and an unknown workspace all look alike.
    let wrong = post_signed(&app, "becws", "sha256=00", &good).await;
    assert_eq!(wrong.0, 401, "{}", wrong.1);
    let resp = crate::helpers::http()
        .build()
        .unwrap()
        .post(app.url("/api/v1/inbound/email/becws"))
        .header("content-type", "message/rfc822")
        .body(good.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 401);
    let (status, nowhere) = post_mail(&app, "nowhere", &secret, &good).await;
    assert_eq!((status, &nowhere), (wrong.0, &wrong.1));

    // A rotated secret: the old one no longer signs.
    let token = app.api_token("becws", TokenScope::Write).await;
    let (status, rotated) = app
        .browser()
        .api(Method::POST, "/api/v1/inbound-email/rotate", &token, None)
        .await;
    assert_eq!(status, 200);
    assert_ne!(rotated["secret"].as_str().unwrap(), secret);
    assert_eq!(post_mail(&app, "becws", &secret, &good).await.0, 401);
    let new_secret = rotated["secret"].as_str().unwrap();
    assert_eq!(post_mail(&app, "becws", new_secret, &good).await.0, 201);

    // The workspace's own address: refused when not an address, then mail from it is never
    // answered.
    let (status, body) = app
        .browser()
        .api(
            Method::PUT,
            "/api/v1/inbound-email",
            &token,
            Some(serde_json::json!({ "address": "not an address" })),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["details"][0]["field"], "address");
    let (status, body) = app
        .browser()
        .api(
            Method::PUT,
            "/api/v1/inbound-email",
            &token,
            Some(serde_json::json!({ "address": "Support@Becws.example" })),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["address"], "support@becws.example");
    let own = mail(
        "support@becws.example",
        "b@x",
        "own-1@becws.example",
        "",
        "Hi",
        "x",
    );
    let (status, got) = post_mail(&app, "becws", new_secret, &own).await;
    assert_eq!(status, 201, "{got}");
    assert_eq!(got["no_reply"], "own_address");

    // The settings page shows the endpoint, the secret and the address; a bad address is
    // refused by field, rotation makes a new secret.
    let owner = app.signed_in("owner@becws.example").await;
    let page = owner.get("/w/becws/email").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains(new_secret), "{}", page.body);
    assert!(page.body.contains("/api/v1/inbound/email/becws"));
    assert!(page.body.contains("support@becws.example"));
    let csrf = page.csrf();
    let bad = owner
        .post_raw("/w/becws/email", &[("csrf", &csrf), ("address", "<b>nope")])
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(!bad.body.contains("<b>nope"), "the address is escaped");
    let rotated = owner
        .post_raw("/w/becws/email/rotate", &[("csrf", &csrf)])
        .await;
    assert_eq!(rotated.status, 303);
    let after = owner.get("/w/becws/email?done=rotated").await;
    assert!(!after.body.contains(new_secret));
}

/// A hand-written SMTP client's step: sends `line` (unless empty) and reads one reply,
/// multi-line replies joined.
async fn step<R, W>(r: &mut R, w: &mut W, line: &str) -> String
where
    R: AsyncBufReadExt + Unpin,
    W: AsyncWriteExt + Unpin,
{
    if !line.is_empty() {
        w.write_all(format!("{line}\r\n").as_bytes()).await.unwrap();
    }
    let mut all = String::new();
    loop {
        let mut l = String::new();
        r.read_line(&mut l).await.unwrap();
        all.push_str(&l);
        if l.len() < 4 || l.as_bytes()[3] != b'-' {
            return all;
        }
    }
}

async fn the_smtp_receiver_delivers_into_the_conversation(store: SharedStore) {
    let app = TestApp::spawn(store.clone()).await;
    let ws = app.workspace("becws", "owner@becws.example").await.0.id;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let limits = taith::smtp::Limits {
        max_message: 64 * 1024,
        ..Default::default()
    };
    tokio::spawn(taith::smtp::serve(
        listener,
        store.clone(),
        mail_in::MailIn::new(Some("mail.taith.example".into()), None),
        limits,
        std::future::pending(),
    ));
    let socket = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (r, mut w) = socket.into_split();
    let mut r = BufReader::new(r);
    assert!(step(&mut r, &mut w, "").await.starts_with("220 "));
    let ehlo = step(&mut r, &mut w, "EHLO client.example").await;
    assert!(ehlo.contains("250-SIZE 65536"), "{ehlo}");
    assert!(
        step(&mut r, &mut w, "RCPT TO:<becws@mail.taith.example>")
            .await
            .starts_with("503")
    );
    assert!(
        step(
            &mut r,
            &mut w,
            "MAIL FROM:<siwan@example.cymru> SIZE=999999"
        )
        .await
        .starts_with("552")
    );
    assert!(
        step(&mut r, &mut w, "MAIL FROM:<siwan@example.cymru> SIZE=100")
            .await
            .starts_with("250")
    );
    assert!(
        step(&mut r, &mut w, "RCPT TO:<nobody@mail.taith.example>")
            .await
            .starts_with("550")
    );
    assert!(
        step(&mut r, &mut w, "RCPT TO:<becws@elsewhere.example>")
            .await
            .starts_with("550")
    );
    assert!(
        step(&mut r, &mut w, "RCPT TO:<support+becws@mail.taith.example>")
            .await
            .starts_with("250")
    );
    assert!(step(&mut r, &mut w, "NOOP").await.starts_with("250"));
    let long = format!("NOOP {}", "x".repeat(2000));
    assert!(step(&mut r, &mut w, &long).await.starts_with("500"));
    assert!(step(&mut r, &mut w, "DATA").await.starts_with("354"));
    let data = "From: Siwan <siwan@example.cymru>\r\nTo: becws@mail.taith.example\r\n\
        Subject: By SMTP\r\nMessage-ID: <smtp-1@example.cymru>\r\n\r\n\
        First line\r\n..starts with a dot\r\n.";
    let done = step(&mut r, &mut w, data).await;
    assert!(done.starts_with("250"), "{done}");
    // Malformed in the same session: refused, the session goes on.
    assert!(step(&mut r, &mut w, "RSET").await.starts_with("250"));
    assert!(
        step(&mut r, &mut w, "MAIL FROM:<>")
            .await
            .starts_with("250")
    );
    assert!(
        step(&mut r, &mut w, "RCPT TO:<becws@mail.taith.example>")
            .await
            .starts_with("250")
    );
    assert!(step(&mut r, &mut w, "DATA").await.starts_with("354"));
    let refused = step(&mut r, &mut w, "Subject: no sender\r\n\r\nhi\r\n.").await;
    assert!(refused.starts_with("554"), "{refused}");
    // Too large: 552, and the session still answers.
    assert!(
        step(&mut r, &mut w, "MAIL FROM:<a@example.com>")
            .await
            .starts_with("250")
    );
    assert!(
        step(&mut r, &mut w, "RCPT TO:<becws@mail.taith.example>")
            .await
            .starts_with("250")
    );
    assert!(step(&mut r, &mut w, "DATA").await.starts_with("354"));
    let huge = format!("From: a@example.com\r\n\r\n{}\r\n.", "y".repeat(70 * 1024));
    assert!(step(&mut r, &mut w, &huge).await.starts_with("552"));
    assert!(step(&mut r, &mut w, "QUIT").await.starts_with("221"));

    let record = store
        .mail_record(ws, "smtp-1@example.cymru")
        .await
        .unwrap()
        .expect("the SMTP mail is recorded");
    let c = store
        .conversation(ws, record.conversation_id)
        .await
        .unwrap();
    assert_eq!(c.subject, "By SMTP");
    let messages = store
        .conversation_messages(ws, record.conversation_id)
        .await
        .unwrap();
    assert_eq!(messages[0].body, "First line\n.starts with a dot");
    assert_eq!(record.no_reply, None);
}
