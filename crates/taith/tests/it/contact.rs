//! The contact budget and consent (issue 15), on both stores, against a local SMTP sink: a
//! customer invited by two surveys and shown the widget is asked at most N times in D days
//! (the third ask and the reminder are held back, and the timeline says so); a response starts
//! the quiet period; withdrawn consent stops invitations, reminders, the widget and notices;
//! the preference page reached from the e-mail changes consent; the API reads and sets consent
//! and the policy; another workspace's customer is a 404.

use crate::helpers::{Browser, TestApp, fresh_postgres, fresh_sqlite};
use crate::smtp_sink::{Received, SmtpSink};
use crate::surveys_api::token;
use crate::surveys_ui::live_nps;
use reqwest::Method;
use serde_json::{Value, json};
use taith_domain::contact::{Channel, Decision, Reason};
use taith_domain::{CustomerId, Email, Survey, TokenScope, Workspace};
use taith_i18n::Tr;
use taith_store::{NewCustomer, SharedStore};

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
    a_customer_invited_by_two_surveys_and_shown_the_widget_is_asked_at_most_n_times_in_d_days,
    a_response_starts_the_quiet_period,
    withdrawn_consent_stops_invitations_and_notices_and_the_preference_page_and_api_change_it,
    another_workspaces_customer_is_a_404_and_a_bad_policy_is_named,
);

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

async fn invite(b: &Browser, token: &str, survey: &Survey, email: &str) -> Value {
    let (status, body) = b
        .api(
            Method::POST,
            &format!("/api/v1/surveys/{}/invitations", survey.id),
            token,
            Some(json!({ "customers": [{"email": email, "locale": "en"}], "reminder_days": 3 })),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    body
}

/// The customer with this address (created if new; found again when invited).
async fn customer(app: &TestApp, ws: &Workspace, email: &str) -> CustomerId {
    app.store
        .upsert_customer(
            ws.id,
            &NewCustomer {
                external_id: None,
                email: Some(Email::parse(email).unwrap()),
                name: None,
                locale: None,
            },
        )
        .await
        .unwrap()
        .id
}

/// The path of the e-mail's link whose text line starts with `label` (`9: http://…/i/…/9`).
fn link(mail: &Received, label: &str) -> String {
    let text = mail.part("text/plain").expect("a text part");
    let line = text
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no line {label:?} in\n{text}"));
    let url = line.rsplit(' ').next().unwrap();
    let rest = url.split("://").nth(1).unwrap();
    format!("/{}", rest.split_once('/').unwrap().1)
}

async fn decision(app: &TestApp, ws: &Workspace, who: CustomerId, channel: Channel) -> Decision {
    taith_app::contact::may_ask(app.store.as_ref(), ws.id, who, channel, taith_domain::now())
        .await
        .unwrap()
}

/// Asks recorded for the customer in the window ending at `at`.
async fn asks(app: &TestApp, ws: &Workspace, who: CustomerId) -> usize {
    let policy = app.store.contact_policy(ws.id).await.unwrap();
    app.store
        .contact_history(
            ws.id,
            who,
            Channel::Invitation,
            &policy,
            taith_domain::now(),
        )
        .await
        .unwrap()
        .asks
        .len()
}

async fn a_customer_invited_by_two_surveys_and_shown_the_widget_is_asked_at_most_n_times_in_d_days(
    store: SharedStore,
) {
    let MailApp { app, state, sink } = mail_app(store).await;
    let (ws, owner) = app.workspace("becws", "owner@becws.example").await;
    let first = live_nps(&app, &ws).await;
    let second = live_nps(&app, &ws).await;
    let write = token(&app, "becws", TokenScope::Write).await;
    let b = app.browser();
    let sian = customer(&app, &ws, "sian@example.com").await;

    // The default budget: 2 asks in 30 days.
    let (status, policy) = b
        .api(Method::GET, "/api/v1/contact-policy", &write, None)
        .await;
    assert_eq!(status, 200, "{policy}");
    assert_eq!(
        policy,
        json!({"max_asks": 2, "window_days": 30, "quiet_days": 14, "count_notices": false})
    );

    // Ask 1: the first survey's invitation goes out.
    invite(&b, &write, &first, "sian@example.com").await;
    let mails = sink.wait_for(1).await;
    assert_eq!(mails[0].rcpt_to, ["sian@example.com"]);
    assert_eq!(asks(&app, &ws, sian).await, 1);

    // An anonymous visitor sees the widget and is not tracked.
    let anonymous = b.get(&format!("/e/{}", second.public_id)).await;
    assert_eq!(anonymous.status, 200);
    // Ask 2: the site shows Siân the second survey's widget.
    let widget = b
        .get(&format!("/e/{}?customer={sian}", second.public_id))
        .await;
    assert_eq!(widget.status, 200);
    assert!(widget.body.contains("<form"), "the prompt is shown");
    assert_eq!(asks(&app, &ws, sian).await, 2);

    // Ask 3 would be the second survey's invitation: held back, not sent.
    invite(&b, &write, &second, "sian@example.com").await;
    let round = state
        .app
        .outbox
        .send_due(taith_domain::now())
        .await
        .unwrap();
    assert_eq!(round.invitations, 0);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(sink.received().len(), 1, "the third ask is not sent");
    // The survey's counts say it was held back.
    let (status, counts) = b
        .api(
            Method::GET,
            &format!("/api/v1/surveys/{}/invitations", second.id),
            &write,
            None,
        )
        .await;
    assert_eq!(status, 200, "{counts}");
    assert_eq!(counts["invitation_counts"]["skipped"], 1, "{counts}");
    assert_eq!(counts["invitation_counts"]["sent"], 0, "{counts}");
    // The widget shows no prompt now (204: the frame stays closed).
    let held = b
        .get(&format!("/e/{}?customer={sian}", first.public_id))
        .await;
    assert_eq!(held.status, 204);
    // Nor does the first invitation's reminder go out, four days on.
    let later = taith_domain::now() + time::Duration::days(4);
    let round = state.app.outbox.send_due(later).await.unwrap();
    assert_eq!((round.reminders, round.invitations), (0, 0));
    assert_eq!(sink.received().len(), 1);
    assert_eq!(asks(&app, &ws, sian).await, 2, "at most N asks in D days");

    // When the budget frees: 30 days after the first ask.
    let Decision::Denied {
        reason: Reason::Budget,
        next_possible_at: Some(next),
    } = decision(&app, &ws, sian, Channel::Widget).await
    else {
        panic!("over budget");
    };
    let days = (next - taith_domain::now()).whole_days();
    assert!((29..=30).contains(&days), "{days}");
    // A notice is not an ask by default: still allowed.
    assert!(decision(&app, &ws, sian, Channel::Notice).await.allowed());

    // The timeline says so.
    let owner_b = app.signed_in(owner.email.as_str()).await;
    let page = owner_b.get(&format!("/w/becws/customers/{sian}")).await;
    assert_eq!(page.status, 200);
    let tr = Tr::new(taith_domain::Locale::En);
    let asked = tr.ta(
        "timeline-contact-asked",
        &[("count", "2".to_owned()), ("days", "30".to_owned())],
    );
    let next_line = tr.t1("timeline-contact-next", "date", tr.date(next.date()));
    let text = page.text();
    assert!(text.contains(&strip(&asked)), "{text}");
    assert!(text.contains(&strip(&next_line)), "{text}");

    // A budget of 3 lets the widget prompt once more.
    let (status, body) = b
        .api(
            Method::PUT,
            "/api/v1/contact-policy",
            &write,
            Some(json!({"max_asks": 3, "window_days": 30, "quiet_days": 14})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let again = b
        .get(&format!("/e/{}?customer={sian}", first.public_id))
        .await;
    assert_eq!(again.status, 200);
    assert_eq!(asks(&app, &ws, sian).await, 3);
}

fn strip(s: &str) -> String {
    s.replace(['\u{2068}', '\u{2069}'], "")
}

async fn a_response_starts_the_quiet_period(store: SharedStore) {
    let MailApp { app, state, sink } = mail_app(store).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let first = live_nps(&app, &ws).await;
    let second = live_nps(&app, &ws).await;
    let write = token(&app, "becws", TokenScope::Write).await;
    let b = app.browser();
    let layla = customer(&app, &ws, "layla@example.com").await;

    invite(&b, &write, &first, "layla@example.com").await;
    let mails = sink.wait_for(1).await;
    // Layla answers from the e-mail.
    let click = b.get(&link(&mails[0], "9: ")).await;
    assert_eq!(click.status, 303);

    // The second survey's invitation falls in the quiet period: held back, with one ask left
    // in the budget.
    assert_eq!(asks(&app, &ws, layla).await, 1);
    let Decision::Denied {
        reason: Reason::Quiet,
        next_possible_at: Some(next),
    } = decision(&app, &ws, layla, Channel::Invitation).await
    else {
        panic!("quiet");
    };
    assert_eq!((next - taith_domain::now()).whole_days(), 13);
    invite(&b, &write, &second, "layla@example.com").await;
    state
        .app
        .outbox
        .send_due(taith_domain::now())
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(sink.received().len(), 1);
    let widget = b
        .get(&format!("/e/{}?customer={layla}", second.public_id))
        .await;
    assert_eq!(widget.status, 204);
    // Fifteen days on the quiet period is over.
    let later = taith_domain::now() + time::Duration::days(15);
    assert!(
        taith_app::contact::may_ask(app.store.as_ref(), ws.id, layla, Channel::Widget, later)
            .await
            .unwrap()
            .allowed()
    );
    // A quiet period of 0 days: asked at once.
    let (status, _) = b
        .api(
            Method::PUT,
            "/api/v1/contact-policy",
            &write,
            Some(json!({"max_asks": 2, "window_days": 30, "quiet_days": 0})),
        )
        .await;
    assert_eq!(status, 200);
    assert!(decision(&app, &ws, layla, Channel::Widget).await.allowed());
}

async fn withdrawn_consent_stops_invitations_and_notices_and_the_preference_page_and_api_change_it(
    store: SharedStore,
) {
    let MailApp { app, state, sink } = mail_app(store).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    let first = live_nps(&app, &ws).await;
    let second = live_nps(&app, &ws).await;
    let write = token(&app, "becws", TokenScope::Write).await;
    let b = app.browser();
    let minh = customer(&app, &ws, "minh@example.com").await;

    // Nothing recorded: both purposes granted by default.
    let (status, body) = b
        .api(
            Method::GET,
            &format!("/api/v1/customers/{minh}/consent"),
            &write,
            None,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["consents"][0]["purpose"], "surveys");
    assert_eq!(body["consents"][0]["granted"], true);
    assert_eq!(body["consents"][0]["source"], Value::Null);

    invite(&b, &write, &first, "minh@example.com").await;
    let mails = sink.wait_for(1).await;
    // The e-mail links to the preference page, in the customer's language, six offered.
    let preferences = link(&mails[0], "Choose which e-mails you get: ");
    assert!(preferences.ends_with("/preferences"), "{preferences}");
    let page = b.get(&format!("{preferences}?lang=cy")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("lang=\"cy\""));
    assert!(page.text().contains(&strip(
        &Tr::new(taith_domain::Locale::Cy).t("preferences-title")
    )));
    assert_eq!(page.body.matches(" checked").count(), 2);
    let arabic = b.get(&format!("{preferences}?lang=ar")).await;
    assert!(arabic.body.contains("dir=\"rtl\""));

    // Minh keeps the notices and turns the surveys off.
    let saved = b
        .post_raw(&format!("{preferences}?lang=en"), &[("notices", "1")])
        .await;
    assert_eq!(saved.status, 200);
    assert_eq!(saved.body.matches(" checked").count(), 1);
    let (_, body) = b
        .api(
            Method::GET,
            &format!("/api/v1/customers/{minh}/consent"),
            &write,
            None,
        )
        .await;
    assert_eq!(body["consents"][0]["granted"], false);
    assert_eq!(body["consents"][0]["source"], "preference_page");
    assert_eq!(body["consents"][1]["granted"], true);

    // No invitation, no reminder, no widget prompt.
    let report = invite(&b, &write, &second, "minh@example.com").await;
    assert_eq!(report["invitation_report"]["invited"], 0, "{report}");
    let later = taith_domain::now() + time::Duration::days(4);
    let round = state.app.outbox.send_due(later).await.unwrap();
    assert_eq!((round.invitations, round.reminders), (0, 0));
    assert_eq!(sink.received().len(), 1);
    let widget = b
        .get(&format!("/e/{}?customer={minh}", second.public_id))
        .await;
    assert_eq!(widget.status, 204);
    assert_eq!(
        decision(&app, &ws, minh, Channel::Widget).await,
        Decision::Denied {
            reason: Reason::NoConsent,
            next_possible_at: None,
        }
    );
    assert!(decision(&app, &ws, minh, Channel::Notice).await.allowed());

    // Over the API: surveys back on, notices off (from an import).
    let (status, body) = b
        .api(
            Method::PUT,
            &format!("/api/v1/customers/{minh}/consent"),
            &write,
            Some(json!({"surveys": true, "notices": false, "source": "import"})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["consents"][0]["granted"], true);
    assert_eq!(body["consents"][1]["granted"], false);
    assert_eq!(body["consents"][1]["source"], "import");
    // Every change is kept, not only the latest say: the customer's export holds them.
    let (status, export) = b
        .api(
            Method::GET,
            &format!("/api/v1/customers/{minh}/export"),
            &write,
            None,
        )
        .await;
    assert_eq!(status, 200, "{export}");
    // Sixteen bytes of text are an address, not an id, on either store.
    assert_eq!(export["customer"]["email"], "minh@example.com");
    let history: Vec<(String, bool, String)> = export["records"]["consent_history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["purpose"].as_str().unwrap().to_owned(),
                c["granted"] == true,
                c["source"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        history,
        [
            ("surveys".to_owned(), false, "preference_page".to_owned()),
            ("notices".to_owned(), true, "preference_page".to_owned()),
            ("surveys".to_owned(), true, "import".to_owned()),
            ("notices".to_owned(), false, "import".to_owned()),
        ],
        "{export}"
    );
    assert_eq!(
        decision(&app, &ws, minh, Channel::Notice).await,
        Decision::Denied {
            reason: Reason::NoConsent,
            next_possible_at: None,
        }
    );
    // Notices are not due for a customer without consent to them.
    let customer = app.store.customer(ws.id, minh).await.unwrap();
    assert_eq!(customer.id, minh);
    // And the second survey's invitation goes out now.
    invite(&b, &write, &second, "minh@example.com").await;
    let mails = sink.wait_for(2).await;
    assert_eq!(mails[1].rcpt_to, ["minh@example.com"]);

    // The unsubscribe link withdraws both.
    let unsubscribe = mails[1]
        .header("List-Unsubscribe")
        .unwrap()
        .trim_matches(['<', '>'])
        .to_owned();
    let path = format!(
        "/{}",
        unsubscribe
            .split("://")
            .nth(1)
            .unwrap()
            .split_once('/')
            .unwrap()
            .1
    );
    let done = b.post_raw(&path, &[]).await;
    assert_eq!(done.status, 200);
    let (_, body) = b
        .api(
            Method::GET,
            &format!("/api/v1/customers/{minh}/consent"),
            &write,
            None,
        )
        .await;
    assert_eq!(body["consents"][0]["granted"], false);
    assert_eq!(body["consents"][0]["source"], "unsubscribe_link");

    // A bad source is named.
    let (status, body) = b
        .api(
            Method::PUT,
            &format!("/api/v1/customers/{minh}/consent"),
            &write,
            Some(json!({"surveys": true, "source": "guess"})),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("source"), "{body}");
}

async fn another_workspaces_customer_is_a_404_and_a_bad_policy_is_named(store: SharedStore) {
    let app = TestApp::spawn(store).await;
    let (ws, owner) = app.workspace("becws", "owner@becws.example").await;
    let (other, _) = app.workspace("siop", "owner@siop.example").await;
    let theirs = customer(&app, &other, "ola@example.com").await;
    let ours = customer(&app, &ws, "ola@example.com").await;
    let write = token(&app, "becws", TokenScope::Write).await;
    let read = token(&app, "becws", TokenScope::Read).await;
    let b = app.browser();
    for (method, body) in [
        (Method::GET, None),
        (Method::PUT, Some(json!({"surveys": false}))),
    ] {
        let (status, _) = b
            .api(
                method.clone(),
                &format!("/api/v1/customers/{theirs}/consent"),
                &write,
                body.clone(),
            )
            .await;
        assert_eq!(status, 404, "{method}");
        let (status, _) = b
            .api(
                method.clone(),
                &format!("/api/v1/customers/{}/consent", CustomerId::new()),
                &write,
                body,
            )
            .await;
        assert_eq!(status, 404, "{method}");
    }
    // Their consent is untouched.
    let consents = taith_app::contact::consents(app.store.as_ref(), other.id, theirs)
        .await
        .unwrap();
    assert!(consents.iter().all(|c| c.granted && c.source.is_none()));
    // A read-only token reads, does not write.
    let (status, _) = b
        .api(
            Method::PUT,
            &format!("/api/v1/customers/{ours}/consent"),
            &read,
            Some(json!({"surveys": false})),
        )
        .await;
    assert_eq!(status, 403);
    let (status, _) = b
        .api(
            Method::PUT,
            "/api/v1/contact-policy",
            &read,
            Some(json!({"max_asks": 1, "window_days": 30, "quiet_days": 1})),
        )
        .await;
    assert_eq!(status, 403);

    // A bad policy is named field by field, and nothing changes.
    let (status, body) = b
        .api(
            Method::PUT,
            "/api/v1/contact-policy",
            &write,
            Some(json!({"max_asks": 0, "window_days": "", "quiet_days": 400})),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let text = body.to_string();
    for field in ["max_asks", "window_days", "quiet_days"] {
        assert!(text.contains(field), "{field}: {body}");
    }
    assert_eq!(
        app.store.contact_policy(ws.id).await.unwrap(),
        taith_domain::contact::Policy::default()
    );

    // The settings page: the owner saves a policy; errors are named in the form.
    let owner_b = app.signed_in(owner.email.as_str()).await;
    let page = owner_b.get("/w/becws/contact").await;
    assert_eq!(page.status, 200);
    let bad = owner_b
        .submit(
            "/w/becws/contact",
            "/w/becws/contact",
            &[
                ("max_asks", "x"),
                ("window_days", "30"),
                ("quiet_days", "14"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("aria-invalid"));
    let saved = owner_b
        .submit(
            "/w/becws/contact",
            "/w/becws/contact",
            &[
                ("max_asks", "4"),
                ("window_days", "60"),
                ("quiet_days", "7"),
                ("count_notices", "1"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303);
    assert_eq!(
        app.store.contact_policy(ws.id).await.unwrap(),
        taith_domain::contact::Policy {
            max_asks: 4,
            window_days: 60,
            quiet_days: 7,
            count_notices: true,
        }
    );
    // Notices now count and a customer over budget gets none.
    for _ in 0..4 {
        let asked = taith_app::contact::ask(
            app.store.as_ref(),
            ws.id,
            ours,
            Channel::Invitation,
            None,
            taith_domain::now(),
        )
        .await
        .unwrap();
        assert!(asked.decision.allowed());
    }
    let notice = taith_app::contact::ask(
        app.store.as_ref(),
        ws.id,
        ours,
        Channel::Notice,
        None,
        taith_domain::now(),
    )
    .await
    .unwrap();
    assert!(!notice.decision.allowed());
}
