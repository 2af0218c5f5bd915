//! E-mail invitations end to end, against a local SMTP sink the test starts: invitations in
//! each customer's language, one click on a score in the e-mail records it, a second click
//! adds nothing, one reminder to those who neither answered nor unsubscribed, throttling; 50
//! concurrent clicks on one single-use link store one response (both stores); and the API's,
//! the UI's and the CLI's answers to bad lists.

use crate::helpers::{Browser, TestApp, fresh_postgres, fresh_sqlite};
use crate::smtp_sink::{Received, SmtpSink};
use crate::surveys_api::token;
use crate::surveys_ui::live_nps;
use reqwest::Method;
use serde_json::{Value, json};
use taith_domain::{Channel, Locale, SurveyStatus, TokenScope};
use taith_i18n::Tr;
use taith_store::{PageRequest, SharedStore};

/// An app whose outbox sends to a fresh SMTP sink.
struct MailApp {
    app: TestApp,
    state: taith_web::AppState,
    sink: SmtpSink,
}

async fn mail_app(store: SharedStore) -> MailApp {
    let sink = SmtpSink::start().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let mailer =
        taith_app::invitations::outbox::Mailer::new(&taith_app::invitations::outbox::MailConfig {
            smtp_url: sink.url(),
            from: "Becws Bara Brith <adborth@becws.example>".to_owned(),
        })
        .unwrap();
    let config = taith_web::WebConfig {
        public_url: Some(format!("http://{addr}")),
        mailer: Some(mailer),
        ..Default::default()
    };
    let (router, state) = taith_web::app_with_state(store.clone(), config, Some(addr));
    tokio::spawn(taith_web::serve_router(
        listener,
        router,
        taith_web::http::limits::Limits::default(),
        std::future::pending(),
    ));
    MailApp {
        app: TestApp { addr, store },
        state,
        sink,
    }
}

/// The plain text of `key` in `locale`, as a subject line carries it.
fn plain(locale: Locale, key: &str, business: &str) -> String {
    Tr::new(locale)
        .t1(key, "business", business)
        .replace(['\u{2068}', '\u{2069}'], "")
}

/// The mail sent to `address`, among `mails`.
fn mail_to<'a>(mails: &'a [Received], address: &str) -> &'a Received {
    mails
        .iter()
        .find(|m| m.rcpt_to.iter().any(|r| r == address))
        .unwrap_or_else(|| panic!("no e-mail to {address}"))
}

/// The path of the e-mail's link for `score` (from its text part: `9: http://…/i/…/9`).
fn score_path(mail: &Received, score: i16) -> String {
    let text = mail.part("text/plain").expect("a text part");
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{score}: ")) || l.starts_with(&format!("{score} (")))
        .unwrap_or_else(|| panic!("no link for {score} in\n{text}"));
    let url = line.rsplit(' ').next().unwrap();
    path_of(url)
}

fn path_of(url: &str) -> String {
    let rest = url.split("://").nth(1).unwrap();
    format!("/{}", rest.split_once('/').unwrap().1)
}

/// The e-mail's unsubscribe link, which must also be in its List-Unsubscribe header.
fn unsubscribe_path(mail: &Received) -> String {
    let header = mail.header("List-Unsubscribe").expect("List-Unsubscribe");
    let url = header.trim_matches(['<', '>']);
    assert!(
        mail.part("text/html").unwrap().contains(url),
        "the footer links to the same address"
    );
    assert_eq!(
        mail.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    path_of(url)
}

async fn invite(
    b: &Browser,
    token: &str,
    survey: &taith_domain::Survey,
    customers: Value,
) -> (u16, Value) {
    b.api(
        Method::POST,
        &format!("/api/v1/surveys/{}/invitations", survey.id),
        token,
        Some(json!({ "customers": customers, "reminder_days": 3 })),
    )
    .await
}

#[tokio::test]
async fn invitations_reach_three_customers_in_their_languages_and_one_click_records_one_score() {
    let MailApp { app, state, sink } = mail_app(fresh_sqlite().await.0).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let write = token(&app, "becws", TokenScope::Write).await;
    let b = app.browser();

    let (status, body) = invite(
        &b,
        &write,
        &survey,
        json!([
            {"email": "sian@example.com", "name": "Siân Jones", "locale": "cy", "external_id": "C-1"},
            {"email": "layla@example.com", "name": "ليلى", "locale": "ar"},
            {"email": "minh@example.com", "locale": "vi"},
        ]),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["invitation_report"]["invited"], 3);

    // The outbox is woken by the invitation: three e-mails, each in its customer's language.
    let mails = sink.wait_for(3).await;
    assert_eq!(mails.len(), 3);
    for (address, locale) in [
        ("sian@example.com", Locale::Cy),
        ("layla@example.com", Locale::Ar),
        ("minh@example.com", Locale::Vi),
    ] {
        let mail = mail_to(&mails, address);
        assert_eq!(
            mail.header("Subject").unwrap(),
            plain(locale, "mail-invite-subject", "becws")
        );
        let html = mail.part("text/html").unwrap();
        let dir = if locale == Locale::Ar { "rtl" } else { "ltr" };
        assert!(
            html.contains(&format!("<html lang=\"{}\" dir=\"{dir}\">", locale.tag())),
            "{address}"
        );
        let question = survey.fields.question.get(locale, Locale::En);
        assert!(
            mail.part("text/plain").unwrap().contains(question),
            "{address}: the question in its language"
        );
        // For a person to look at (target/screenshots/).
        let dir_path =
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
        std::fs::create_dir_all(&dir_path).unwrap();
        std::fs::write(dir_path.join(format!("mail-{}.html", locale.tag())), &html).unwrap();
        // Eleven score buttons, 0 to 10.
        for score in 0..=10 {
            let path = score_path(mail, score);
            assert!(
                html.contains(&path),
                "{address}: button {score} in the HTML"
            );
        }
    }
    let sian = mail_to(&mails, "sian@example.com");
    assert!(
        mail_to(&mails, "sian@example.com")
            .header("To")
            .unwrap()
            .contains("Siân Jones")
    );

    // One click on 9 in Siân's e-mail records the score and opens the follow-up page.
    let first = b.get(&score_path(sian, 9)).await;
    assert_eq!(first.status, 303);
    let follow_up = first.location.clone().unwrap();
    assert!(follow_up.starts_with(&format!("/s/{}/r/", survey.public_id)));
    let page = b.get(&follow_up).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("lang=\"cy\""));
    let stored = |app: &TestApp| {
        let store = app.store.clone();
        let (ws, survey) = (ws.id, survey.id);
        async move {
            store
                .responses(ws, Some(survey), PageRequest::all())
                .await
                .unwrap()
                .items
        }
    };
    let responses = stored(&app).await;
    assert_eq!(responses.len(), 1);
    let r = &responses[0];
    assert_eq!(
        (r.score, r.channel, r.locale),
        (9, Channel::Email, Locale::Cy)
    );
    let sian_id = r.customer_id.expect("the invitation's customer");
    let customer = app.store.customer(ws.id, sian_id).await.unwrap();
    assert_eq!(customer.external_id.as_deref(), Some("C-1"));

    // A second click, on another score, adds nothing: it opens the first answer's page.
    let again = b.get(&score_path(sian, 2)).await;
    assert_eq!(again.location.as_deref(), Some(follow_up.as_str()));
    // So does opening the invitation's page again.
    let nine = score_path(sian, 9);
    let open = b.get(nine.rsplit_once('/').unwrap().0).await;
    assert_eq!(open.location.as_deref(), Some(follow_up.as_str()));
    assert_eq!(stored(&app).await.len(), 1);

    // Minh unsubscribes: the page asks first (a link scanner changes nothing), the form does it.
    let minh = mail_to(&mails, "minh@example.com");
    let unsubscribe = unsubscribe_path(minh);
    let ask = b.get(&unsubscribe).await;
    assert_eq!(ask.status, 200);
    assert!(ask.body.contains("lang=\"vi\""));
    assert!(
        ask.text()
            .contains(&plain(Locale::Vi, "unsubscribe-question", "becws"))
    );
    let done = b
        .post_raw(&unsubscribe, &[("List-Unsubscribe", "One-Click")])
        .await;
    assert_eq!(done.status, 200);
    assert!(
        done.text()
            .contains(&plain(Locale::Vi, "unsubscribe-done", "becws"))
    );

    // Four days on, one reminder: to Layla, who neither answered nor unsubscribed.
    let later = taith_domain::now() + time::Duration::days(4);
    let sent = state.app.outbox.send_due(later).await.unwrap();
    assert_eq!((sent.invitations, sent.reminders, sent.failed), (0, 1, 0));
    let mails = sink.wait_for(4).await;
    let reminder = &mails[3];
    assert_eq!(reminder.rcpt_to, ["layla@example.com"]);
    assert_eq!(
        reminder.header("Subject").unwrap(),
        plain(Locale::Ar, "mail-reminder-subject", "becws")
    );
    // The reminder's links are the invitation's.
    assert_eq!(
        score_path(reminder, 10),
        score_path(mail_to(&mails[..3], "layla@example.com"), 10)
    );
    // Only one reminder, ever.
    let much_later = later + time::Duration::days(30);
    let sent = state.app.outbox.send_due(much_later).await.unwrap();
    assert_eq!((sent.invitations, sent.reminders), (0, 0));
    assert_eq!(sink.received().len(), 4);

    // Throttling: Siân answered and Minh unsubscribed; asked again, neither is invited.
    let (status, body) = invite(
        &b,
        &write,
        &survey,
        json!([{"email": "SIAN@example.com"}, {"email": "minh@example.com"}, {"email": "new@example.com"}]),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let outcomes: Vec<&str> = body["invitation_report"]["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["throttled", "unsubscribed", "invited"]);

    let (status, body) = b
        .api(
            Method::GET,
            &format!("/api/v1/surveys/{}/invitations", survey.id),
            &write,
            None,
        )
        .await;
    assert_eq!(status, 200);
    let c = &body["invitation_counts"];
    assert_eq!(
        (
            &c["invited"],
            &c["reminded"],
            &c["answered"],
            &c["unsubscribed"]
        ),
        (&json!(4), &json!(1), &json!(1), &json!(1)),
        "{body}"
    );
}

/// 50 clicks at once on one invitation's score link store exactly one response.
async fn fifty_concurrent_clicks_store_one_response(store: SharedStore) {
    // The clicks stand for many people (or a link scanner's many addresses), not one client
    // that the rate limit would slow down: this is about the link, not the address.
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let invitee = taith_domain::invitation::Invitee {
        email: taith_domain::Email::parse("amina@example.com").unwrap(),
        name: None,
        locale: Some(Locale::Sw),
        external_id: None,
    };
    let report = taith_app::invitations::invite(store.as_ref(), ws.id, &survey, &[invitee], 0)
        .await
        .unwrap();
    assert_eq!(report.invited(), 1);
    // No SMTP here: the link's token is read from the outbox.
    let due = store.mail_due(taith_domain::now(), 10).await.unwrap();
    let token = due[0].token.clone();
    let clicks = (0..50).map(|i| {
        let b = app.browser();
        let path = format!("/i/{token}/{}", i % 11);
        tokio::spawn(async move { b.get(&path).await })
    });
    let mut places = std::collections::BTreeSet::new();
    for click in clicks {
        let page = click.await.unwrap();
        assert_eq!(page.status, 303, "{}", page.body);
        places.insert(page.location.unwrap());
    }
    assert_eq!(places.len(), 1, "every click leads to the one response");
    let stored = store
        .responses(ws.id, Some(survey.id), PageRequest::all())
        .await
        .unwrap()
        .items;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].locale, Locale::Sw);
}

#[tokio::test]
async fn fifty_concurrent_clicks_on_one_single_use_link_store_one_response() {
    fifty_concurrent_clicks_store_one_response(fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn fifty_concurrent_clicks_on_one_single_use_link_store_one_response_on_postgres() {
    let Some((store, db)) = fresh_postgres().await else {
        return;
    };
    fifty_concurrent_clicks_store_one_response(store).await;
    db.drop_database().await;
}

#[tokio::test]
async fn bad_lists_are_refused_whole_with_the_line_or_field_named() {
    let app = TestApp::on_sqlite().await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let survey = live_nps(&app, &ws).await;
    let write = token(&app, "becws", TokenScope::Write).await;
    let b = app.browser();

    // API: every bad field named; nothing invited.
    let (status, body) = invite(
        &b,
        &write,
        &survey,
        json!([{"email": "ok@example.com"}, {"email": "nope"}, {"email": "x@example.com", "locale": "tlh"}]),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> = body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["customers[1].email", "customers[2].locale"]);
    let counts = app.store.invitation_counts(ws.id, survey.id).await.unwrap();
    assert_eq!(counts.invited, 0);

    // An anonymous survey is not sent by e-mail.
    let mut fields = survey.fields.clone();
    fields.anonymous = true;
    let anonymous = app
        .store
        .create_survey(ws.id, &fields, "anonymous-survey-1")
        .await
        .unwrap();
    let (status, body) = invite(&b, &write, &anonymous, json!([{"email": "ok@example.com"}])).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (409, Some("conflict"))
    );

    // The UI names each bad line in the member's language and invites nobody.
    let owner = app.signed_in("owner@becws.example").await;
    let form = format!("/w/becws/surveys/{}/invite", survey.id);
    let page = owner
        .submit(
            &form,
            &form,
            &[
                (
                    "customers",
                    "email,name,locale\nsian@example.com,Siân,cy\nbroken\n",
                ),
                ("reminder_days", "3"),
            ],
        )
        .await;
    assert_eq!(page.status, 422);
    let tr = Tr::new(Locale::En);
    let expected = tr
        .ta(
            "survey-invite-line",
            &[
                ("line", "3".into()),
                ("column", "email".into()),
                ("issue", tr.issue(taith_domain::Issue::Invalid)),
            ],
        )
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(page.text().contains(&expected), "{}", page.text());
    assert_eq!(
        app.store
            .invitation_counts(ws.id, survey.id)
            .await
            .unwrap()
            .invited,
        0
    );
    // A good list is invited and counted.
    let page = owner
        .submit(
            &form,
            &form,
            &[(
                "customers",
                "sian@example.com,Siân,cy\nlayla@example.com,,ar\n",
            )],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.text());
    assert_eq!(
        app.store
            .invitation_counts(ws.id, survey.id)
            .await
            .unwrap()
            .invited,
        2
    );

    // Closing the survey: the links say so instead of taking answers.
    let due = app.store.mail_due(taith_domain::now(), 10).await.unwrap();
    assert_eq!(due.len(), 2);
    let mut closed = survey.fields.clone();
    closed.status = SurveyStatus::Closed;
    app.store
        .update_survey(ws.id, survey.id, &closed)
        .await
        .unwrap();
    let page = b.get(&format!("/i/{}/9", due[0].token)).await;
    assert_eq!(page.status, 410);
    assert!(
        app.store
            .mail_due(taith_domain::now(), 10)
            .await
            .unwrap()
            .is_empty()
    );
    // A link that is not one gets the same page as a mistyped one.
    let page = b.get(&format!("/i/{}", "0".repeat(64))).await;
    assert_eq!(page.status, 404);
}
