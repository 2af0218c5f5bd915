//! A person's own account over HTTP: the account page (name, language, password, sessions),
//! "Forgot your password?" end to end against the local SMTP sink, the reset's rate limit and
//! its same answer for every address, the roles explained where they are chosen, and the
//! operator's `taith user set-password`.

use crate::helpers::{Browser, PASSWORD, Page, TestApp, fresh_sqlite};
use crate::smtp_sink::{Received, SmtpSink};
use taith_domain::{Email, Locale, PasswordResetId, Role};
use taith_i18n::Tr;
use taith_store::{NewPasswordReset, SharedStore};

const NEW_PASSWORD: &str = "a brand new password";

/// An app whose outbox sends to a fresh SMTP sink, with rate limits out of the way.
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
            from: "taith <taith@becws.example>".to_owned(),
        })
        .unwrap();
    let lots = taith_web::http::limits::Quota::new(1_000_000, 1_000_000);
    let limits = taith_web::http::limits::Limits {
        submissions: lots,
        sign_ins: lots,
        ..Default::default()
    };
    let config = taith_web::WebConfig {
        public_url: Some(format!("http://{addr}")),
        mailer: Some(mailer),
        limits: limits.clone(),
        ..Default::default()
    };
    let (router, state) = taith_web::app_with_state(store.clone(), config, Some(addr));
    tokio::spawn(taith_web::serve_router(
        listener,
        router,
        limits,
        std::future::pending(),
    ));
    MailApp {
        app: TestApp { addr, store },
        state,
        sink,
    }
}

/// The text of `key` as a page shows it to a reader (see `Page::text`).
fn words(locale: Locale, key: &str) -> String {
    Tr::new(locale).t(key).replace(['\u{2068}', '\u{2069}'], "")
}

/// Posts `fields` to `action` with the CSRF token of the page at `form_page`, sending `headers`.
async fn submit_with(
    b: &Browser,
    form_page: &str,
    action: &str,
    headers: &[(&str, &str)],
    fields: &[(&str, &str)],
) -> Page {
    let csrf = b.get(form_page).await.csrf();
    let mut all: Vec<(&str, &str)> = vec![("csrf", &csrf)];
    all.extend_from_slice(fields);
    b.send_with(reqwest::Method::POST, action, headers, Some(&all))
        .await
}

/// A browser signed in as `email`, saying it is `user_agent`.
async fn signed_in_as(app: &TestApp, email: &str, user_agent: &str) -> Browser {
    let b = app.browser();
    let page = submit_with(
        &b,
        "/login",
        "/login",
        &[("user-agent", user_agent)],
        &[("email", email), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(page.status, 303, "{}", page.body);
    b
}

/// The ids in the page's "sign out" buttons of other sessions.
fn session_ids(page: &Page) -> Vec<String> {
    page.body
        .split("action=\"/account/sessions/")
        .skip(1)
        .map(|rest| rest.split('/').next().unwrap().to_owned())
        .collect()
}

async fn is_signed_in(b: &Browser) -> bool {
    let page = b.get("/account").await;
    match page.status {
        200 => true,
        303 => {
            assert!(page.location.unwrap().starts_with("/login"));
            false
        }
        s => panic!("/account answered {s}"),
    }
}

async fn can_sign_in(app: &TestApp, email: &str, password: &str) -> bool {
    let b = app.browser();
    let page = b
        .submit(
            "/login",
            "/login",
            &[("email", email), ("password", password)],
        )
        .await;
    page.status == 303
}

#[tokio::test]
async fn changing_the_password_signs_out_the_other_sessions_and_keeps_this_one() {
    let app = TestApp::spawn_unthrottled(fresh_sqlite().await.0).await;
    app.workspace("becws", "owner@becws.example").await;
    let here = app.signed_in("owner@becws.example").await;
    let there = app.signed_in("owner@becws.example").await;

    let page = here.get("/account").await;
    assert_eq!(page.status, 200);
    assert!(
        page.text()
            .contains(&words(Locale::En, "account-sessions-this"))
    );
    assert_eq!(session_ids(&page).len(), 1, "one other browser to sign out");

    // A wrong current password, a short new one and a mistyped confirmation are each named.
    let wrong = here
        .submit(
            "/account",
            "/account/password",
            &[
                ("current_password", "not my password"),
                ("password", "short"),
                ("password_confirm", "shorter"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    let text = wrong.text();
    for key in [
        "account-password-current-wrong",
        "issue-too-short",
        "issue-mismatch",
    ] {
        assert!(text.contains(&words(Locale::En, key)), "{key}: {text}");
    }
    assert!(
        is_signed_in(&there).await,
        "a refused change signs nobody out"
    );

    let done = here
        .submit(
            "/account",
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(done.location.as_deref(), Some("/account?done=password"));
    let page = here.get("/account?done=password").await;
    assert_eq!(page.status, 200, "this browser stays signed in");
    assert!(
        page.text()
            .contains(&words(Locale::En, "account-saved-password"))
    );
    assert!(session_ids(&page).is_empty());
    assert!(
        !is_signed_in(&there).await,
        "the other browser is signed out"
    );
    assert!(!can_sign_in(&app, "owner@becws.example", PASSWORD).await);
    assert!(can_sign_in(&app, "owner@becws.example", NEW_PASSWORD).await);
}

#[tokio::test]
async fn other_sessions_are_listed_and_signed_out_one_by_one_or_all_at_once() {
    let app = TestApp::spawn_unthrottled(fresh_sqlite().await.0).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    app.member(&ws, "agent@becws.example", Role::Agent).await;
    let here = app.signed_in("owner@becws.example").await;
    let firefox = signed_in_as(
        &app,
        "owner@becws.example",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
    )
    .await;
    let phone = signed_in_as(
        &app,
        "owner@becws.example",
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
    )
    .await;
    let agent = app.signed_in("agent@becws.example").await;

    let page = here.get("/account").await;
    let text = page.text();
    assert!(text.contains("Firefox · Windows"), "{text}");
    assert!(text.contains("Chrome · Android"), "{text}");
    let ids = session_ids(&page);
    assert_eq!(ids.len(), 2);

    // Someone else's session id signs nobody out.
    let theirs = agent
        .submit(
            "/account",
            &format!("/account/sessions/{}/delete", ids[0]),
            &[],
        )
        .await;
    assert_eq!(theirs.status, 303);
    assert!(is_signed_in(&firefox).await && is_signed_in(&phone).await);
    assert!(is_signed_in(&agent).await);

    // The newest first: the phone's session.
    let out = here
        .submit(
            "/account",
            &format!("/account/sessions/{}/delete", ids[0]),
            &[],
        )
        .await;
    assert_eq!(out.location.as_deref(), Some("/account?done=session"));
    assert!(!is_signed_in(&phone).await);
    assert!(is_signed_in(&firefox).await);

    let out = here
        .submit("/account", "/account/sign-out-others", &[])
        .await;
    assert_eq!(out.location.as_deref(), Some("/account?done=others"));
    assert!(!is_signed_in(&firefox).await);
    assert!(is_signed_in(&here).await);
    assert!(is_signed_in(&agent).await, "another person stays signed in");
    let page = here.get("/account").await;
    assert!(
        page.text()
            .contains(&words(Locale::En, "account-sessions-none-else"))
    );
}

#[tokio::test]
async fn the_name_is_saved_and_bad_profile_input_is_named_in_the_users_language() {
    let app = TestApp::spawn_unthrottled(fresh_sqlite().await.0).await;
    app.workspace("becws", "owner@becws.example").await;
    let b = app.signed_in("owner@becws.example").await;
    let bad = b
        .submit(
            "/account?lang=cy",
            "/account",
            &[("name", " "), ("locale", "xx")],
        )
        .await;
    assert_eq!(bad.status, 422);
    let text = bad.text();
    assert!(
        text.contains(&words(Locale::Cy, "issue-required")),
        "{text}"
    );
    assert!(
        text.contains(&words(Locale::Cy, "issue-unknown-value")),
        "{text}"
    );

    let ok = b
        .submit(
            "/account",
            "/account",
            &[("name", "Siân Jones"), ("locale", "")],
        )
        .await;
    assert_eq!(ok.status, 303);
    let page = b.get("/w/becws").await;
    assert!(
        page.text()
            .contains("<a class=\"who\" href=\"/account\" >Siân Jones</a>"),
        "the header shows the new name, linked to the account page"
    );
}

#[tokio::test]
async fn the_accounts_language_beats_accept_language_and_the_cookie() {
    let app = TestApp::spawn_unthrottled(fresh_sqlite().await.0).await;
    app.workspace("becws", "owner@becws.example").await;
    let b = app.signed_in("owner@becws.example").await;
    *b.accept_language.lock().unwrap() = Some("cy".to_owned());
    let lang_of = |p: &Page| {
        let start = p.body.find("<html lang=\"").unwrap() + 12;
        p.body[start..].split('"').next().unwrap().to_owned()
    };
    let cookie = [("cookie", "taith_lang=vi")];
    let get = |path: &'static str| {
        let b = &b;
        async move { b.send_with(reqwest::Method::GET, path, &cookie, None).await }
    };
    // No language of their own: the cookie, as before.
    assert_eq!(lang_of(&get("/w/becws").await), "vi");
    assert_eq!(
        lang_of(&b.get("/w/becws").await),
        "cy",
        "then Accept-Language"
    );

    let saved = b
        .submit(
            "/account",
            "/account",
            &[("name", "Owner"), ("locale", "ar")],
        )
        .await;
    assert_eq!(saved.status, 303);
    let page = get("/w/becws").await;
    assert_eq!(lang_of(&page), "ar", "the account's language wins");
    assert!(page.body.contains("dir=\"rtl\""));
    assert_eq!(lang_of(&b.get("/account").await), "ar");

    // `?lang=` shows that page in that language, and from the language menu a signed-in
    // person's choice becomes their account's.
    assert_eq!(lang_of(&get("/w/becws?lang=sw").await), "sw");
    assert_eq!(lang_of(&get("/w/becws").await), "sw");
    let account = app
        .store
        .account(
            app.store
                .user_credentials(&Email::parse("owner@becws.example").unwrap())
                .await
                .unwrap()
                .user
                .id,
        )
        .await
        .unwrap();
    assert_eq!(account.locale, Some(Locale::Sw));

    // "My browser's language" gives the choice back to the browser: the language menu's
    // cookie, then Accept-Language.
    b.submit("/account", "/account", &[("name", "Owner"), ("locale", "")])
        .await;
    assert_eq!(lang_of(&b.get("/w/becws").await), "sw");
    let fresh = app.signed_in("owner@becws.example").await;
    *fresh.accept_language.lock().unwrap() = Some("cy".to_owned());
    assert_eq!(lang_of(&fresh.get("/w/becws").await), "cy");
}

/// The link in a reset e-mail, as a path.
fn reset_path(mail: &Received) -> String {
    let text = mail.part("text/plain").expect("a text part");
    let url = text
        .split_whitespace()
        .find(|w| w.contains("/reset/"))
        .unwrap_or_else(|| panic!("no reset link in\n{text}"));
    assert!(
        mail.part("text/html").unwrap().contains(url),
        "the HTML part has the same link"
    );
    let path = format!(
        "/{}",
        url.split("://").nth(1).unwrap().split_once('/').unwrap().1
    );
    let secret = path.trim_start_matches("/reset/");
    assert!(
        secret.len() == 64 && secret.bytes().all(|b| b.is_ascii_hexdigit()),
        "a 256-bit secret: {path}"
    );
    path
}

async fn ask_for_reset(b: &Browser, email: &str) -> Page {
    b.submit("/forgot-password", "/forgot-password", &[("email", email)])
        .await
}

#[tokio::test]
async fn a_forgotten_password_is_reset_through_an_emailed_single_use_link() {
    let m = mail_app(fresh_sqlite().await.0).await;
    let (_, owner) = m.app.workspace("becws", "owner@becws.example").await;
    // The owner reads taith in Welsh; the request comes from an English page.
    m.app
        .store
        .set_user_locale(owner.id, Some(Locale::Cy))
        .await
        .unwrap();
    let elsewhere = m.app.signed_in("owner@becws.example").await;

    let login = m.app.browser().get("/login").await;
    assert!(login.body.contains("href=\"/forgot-password\""));
    let b = m.app.browser();
    let asked = ask_for_reset(&b, "Owner@Becws.example").await;
    assert_eq!(asked.status, 200);
    assert!(
        asked
            .text()
            .contains(&words(Locale::En, "account-forgot-sent"))
    );

    let mails = m.sink.wait_for(1).await;
    let mail = &mails[0];
    assert_eq!(mail.rcpt_to, ["owner@becws.example"]);
    assert_eq!(
        mail.header("Subject").unwrap(),
        words(Locale::Cy, "account-reset-mail-subject"),
        "in the account's language"
    );
    assert!(
        mail.part("text/html")
            .unwrap()
            .contains("<html lang=\"cy\" dir=\"ltr\">")
    );
    let link = reset_path(mail);
    // For a person to look at (target/screenshots/).
    let shots =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    std::fs::write(
        shots.join("mail-reset-cy.html"),
        mail.part("text/html").unwrap(),
    )
    .unwrap();

    let form = b.get(&link).await;
    assert_eq!(form.status, 200);
    assert!(
        form.text()
            .contains(&words(Locale::En, "account-reset-title"))
    );
    let mismatch = b
        .submit(
            &link,
            &link,
            &[
                ("password", NEW_PASSWORD),
                ("password_confirm", "something else"),
            ],
        )
        .await;
    assert_eq!(mismatch.status, 422);
    assert!(
        mismatch
            .text()
            .contains(&words(Locale::En, "issue-mismatch"))
    );

    let set = b
        .submit(
            &link,
            &link,
            &[
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(set.status, 303, "{}", set.body);
    assert_eq!(set.location.as_deref(), Some("/login?reset=done"));
    let login = b.get("/login?reset=done").await;
    assert!(
        login
            .text()
            .contains(&words(Locale::En, "account-reset-done"))
    );
    assert!(
        !is_signed_in(&elsewhere).await,
        "every session is signed out"
    );
    assert!(can_sign_in(&m.app, "owner@becws.example", NEW_PASSWORD).await);
    assert!(!can_sign_in(&m.app, "owner@becws.example", PASSWORD).await);

    // A second use is refused, plainly.
    let again = b.get(&link).await;
    assert_eq!(again.status, 410);
    assert!(
        again
            .text()
            .contains(&words(Locale::En, "account-reset-dead-title"))
    );
    assert!(again.body.contains("href=\"/forgot-password\""));
    let again = b
        .submit(
            "/forgot-password",
            &link,
            &[
                ("password", "yet another password"),
                ("password_confirm", "yet another password"),
            ],
        )
        .await;
    assert_eq!(again.status, 410);
    assert!(can_sign_in(&m.app, "owner@becws.example", NEW_PASSWORD).await);
}

#[tokio::test]
async fn a_reset_link_older_than_thirty_minutes_is_refused() {
    let m = mail_app(fresh_sqlite().await.0).await;
    m.app.workspace("becws", "owner@becws.example").await;
    // Asked for 40 minutes ago and sent a minute later: the clock is passed, not waited for.
    let asked = taith_domain::now() - time::Duration::minutes(40);
    m.app
        .store
        .request_password_reset(&NewPasswordReset {
            id: PasswordResetId::new(),
            email: Email::parse("owner@becws.example").unwrap(),
            locale: Locale::Ar,
            requested_at: asked,
            expires_at: asked + time::Duration::minutes(30),
        })
        .await
        .unwrap();
    let sent = m
        .state
        .app
        .outbox
        .send_due(asked + time::Duration::minutes(1))
        .await
        .unwrap();
    assert_eq!(sent.resets, 1);
    let mails = m.sink.wait_for(1).await;
    assert_eq!(
        mails[0].header("Subject").unwrap(),
        words(Locale::Ar, "account-reset-mail-subject"),
        "in the language of the page it was asked from"
    );
    let link = reset_path(&mails[0]);
    let shots =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    std::fs::write(
        shots.join("mail-reset-ar.html"),
        mails[0].part("text/html").unwrap(),
    )
    .unwrap();
    let b = m.app.browser();
    let page = b.get(&link).await;
    assert_eq!(page.status, 410);
    assert!(
        page.text()
            .contains(&words(Locale::En, "account-reset-dead"))
    );
    let used = b
        .submit(
            "/forgot-password",
            &link,
            &[
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(used.status, 410);
    assert!(can_sign_in(&m.app, "owner@becws.example", PASSWORD).await);
}

#[tokio::test]
async fn asking_for_a_reset_answers_the_same_for_known_and_unknown_addresses() {
    let m = mail_app(fresh_sqlite().await.0).await;
    m.app.workspace("becws", "owner@becws.example").await;
    let b = m.app.browser();
    let known = ask_for_reset(&b, "owner@becws.example").await;
    let unknown = ask_for_reset(&b, "nobody@becws.example").await;
    assert_eq!(known.status, 200);
    assert_eq!((known.status, &known.body), (unknown.status, &unknown.body));

    // One e-mail, to the known address; the unknown one's request is dropped.
    m.sink.wait_for(1).await;
    m.state
        .app
        .outbox
        .send_due(taith_domain::now())
        .await
        .unwrap();
    let mails = m.sink.received();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].rcpt_to, ["owner@becws.example"]);
    assert!(
        m.app
            .store
            .password_resets_due(taith_domain::now(), 10)
            .await
            .unwrap()
            .is_empty()
    );

    // A malformed address is named, as any field is.
    let bad = ask_for_reset(&b, "not an address").await;
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains(&words(Locale::En, "issue-invalid")));

    // Without mail set up, the answers are the same too.
    let plain = TestApp::spawn_unthrottled(fresh_sqlite().await.0).await;
    plain.workspace("becws", "owner@becws.example").await;
    let b = plain.browser();
    let known_without = ask_for_reset(&b, "owner@becws.example").await;
    let unknown_without = ask_for_reset(&b, "nobody@becws.example").await;
    assert_eq!(
        (known_without.status, &known_without.body),
        (unknown_without.status, &unknown_without.body)
    );
    assert_eq!(known_without.body, known.body);
}

#[tokio::test]
async fn asking_for_resets_and_using_links_are_rate_limited_with_sign_in() {
    // The limits the server ships with: 5 at once.
    let app = TestApp::spawn(fresh_sqlite().await.0).await;
    app.workspace("becws", "owner@becws.example").await;
    let b = app.browser();
    let csrf = b.get("/forgot-password").await.csrf();
    let form = [("csrf", csrf.as_str()), ("email", "owner@becws.example")];
    for i in 0..5 {
        let page = b.post_raw("/forgot-password", &form).await;
        assert_eq!(page.status, 200, "request {i}");
    }
    let refused = b.post_raw("/forgot-password", &form).await;
    assert_eq!(refused.status, 429);
    assert!(
        refused
            .text()
            .contains(&words(Locale::En, "error-too-many"))
    );
    // The same bucket as signing in, and as using a link.
    let login = b
        .post_raw(
            "/login",
            &[
                ("csrf", csrf.as_str()),
                ("email", "owner@becws.example"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(login.status, 429);
    let reset = b
        .post_raw(
            &format!("/reset/{}", "0".repeat(64)),
            &[("csrf", csrf.as_str()), ("password", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(reset.status, 429);
    // Looking at the forms is not limited.
    assert_eq!(b.get("/forgot-password").await.status, 200);
}

#[tokio::test]
async fn the_members_page_explains_every_role() {
    let app = TestApp::spawn_unthrottled(fresh_sqlite().await.0).await;
    let (ws, _) = app.workspace("becws", "owner@becws.example").await;
    app.member(&ws, "viewer@becws.example", Role::Viewer).await;
    for (who, locale) in [
        ("owner@becws.example", Locale::En),
        ("viewer@becws.example", Locale::Ar),
    ] {
        let b = app.signed_in(who).await;
        let page = b
            .get(&format!("/w/becws/members?lang={}", locale.tag()))
            .await;
        let text = page.text();
        for role in Role::ALL {
            let key = format!("role-{}-explained", role.as_str());
            assert!(text.contains(&words(locale, &key)), "{who}: {key}");
        }
    }
}

#[tokio::test]
async fn the_operator_sets_a_password_from_standard_input() {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let dir = crate::helpers::scratch_path("taith-cli-");
    let taith = |args: &[&str], stdin: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_taith"))
            .arg("--data-dir")
            .arg(&dir)
            .args(args)
            .env_remove("TAITH_DATABASE_URL")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let made = taith(
        &[
            "user",
            "create",
            "--workspace",
            "becws",
            "--email",
            "me@becws.example",
            "--name",
            "Siân",
            "--password-stdin",
        ],
        "the first password\n",
    );
    assert!(made.status.success());
    let set = taith(
        &["user", "set-password", "--email", "me@becws.example"],
        &format!("{NEW_PASSWORD}\n"),
    );
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    let short = taith(
        &["user", "set-password", "--email", "me@becws.example"],
        "short\n",
    );
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("too_short"));
    let nobody = taith(
        &["user", "set-password", "--email", "nobody@becws.example"],
        &format!("{NEW_PASSWORD}\n"),
    );
    assert!(!nobody.status.success());
    assert!(String::from_utf8_lossy(&nobody.stderr).contains("no account"));

    let store =
        taith::database::open_store(&taith::database::DatabaseUrl::Sqlite(dir.join("taith.db")))
            .await
            .unwrap();
    let c = store
        .user_credentials(&Email::parse("me@becws.example").unwrap())
        .await
        .unwrap();
    assert!(taith_app::account::secrets::verify_password(
        NEW_PASSWORD,
        &c.password_hash
    ));
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn the_account_page_works_in_chromium() {
    use crate::webdriver::{self, WebDriver};
    use std::time::Duration;
    if !webdriver::installed() {
        assert!(
            std::env::var("TAITH_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "TAITH_REQUIRE_BROWSER=1 but chromium or chromedriver is missing"
        );
        crate::helpers::say_skipped(
            "chromium/chromedriver not installed — account browser test did not run",
        );
        return;
    }
    let wait = Duration::from_secs(10);
    let app = TestApp::spawn_unthrottled(fresh_sqlite().await.0).await;
    app.workspace("becws", "owner@becws.example").await;
    let elsewhere = app.signed_in("owner@becws.example").await;
    let wd = WebDriver::start().await.unwrap();
    wd.goto(&app.url("/login")).await.unwrap();
    wd.send_keys(&wd.find("#email").await.unwrap(), "owner@becws.example")
        .await
        .unwrap();
    wd.send_keys(&wd.find("#password").await.unwrap(), PASSWORD)
        .await
        .unwrap();
    wd.click(&wd.find("form[action=\"/login\"] button").await.unwrap())
        .await
        .unwrap();
    // The name in the header leads to the account page.
    let who = wd.wait_for("header a.who", wait).await.unwrap();
    wd.click(&who).await.unwrap();
    wd.wait_for("#locale", wait).await.unwrap();
    assert!(wd.current_url().await.unwrap().ends_with("/account"));

    // Welsh, chosen and saved, is the page's language from then on.
    wd.click(&wd.find("#locale option[value=cy]").await.unwrap())
        .await
        .unwrap();
    wd.click(&wd.find("form[action=\"/account\"] button").await.unwrap())
        .await
        .unwrap();
    notice_says(&wd, &words(Locale::Cy, "account-saved-profile")).await;

    // The other browser is listed, and signed out with one click.
    let buttons = wd
        .find_all("form[action^=\"/account/sessions/\"] button")
        .await
        .unwrap();
    assert_eq!(buttons.len(), 1);
    wd.click(&buttons[0]).await.unwrap();
    notice_says(&wd, &words(Locale::Cy, "account-saved-session")).await;
    assert!(!is_signed_in(&elsewhere).await);
    assert!(
        wd.find_all("form[action^=\"/account/sessions/\"]")
            .await
            .unwrap()
            .is_empty()
    );

    // A new password, and this browser stays signed in.
    for (field, value) in [
        ("#current_password", PASSWORD),
        ("#password", NEW_PASSWORD),
        ("#password_confirm", NEW_PASSWORD),
    ] {
        wd.send_keys(&wd.find(field).await.unwrap(), value)
            .await
            .unwrap();
    }
    wd.click(
        &wd.find("form[action=\"/account/password\"] button")
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    notice_says(&wd, &words(Locale::Cy, "account-saved-password")).await;
    assert!(can_sign_in(&app, "owner@becws.example", NEW_PASSWORD).await);
}

/// Waits until the page (after a form's redirect) is in Welsh and its notice says `expected`.
async fn notice_says(wd: &crate::webdriver::WebDriver, expected: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let said = wd
            .execute(
                "const n = document.querySelector('html[lang=cy] p.notice'); return n ? n.innerText : '';",
                vec![],
            )
            .await
            .unwrap_or_default();
        if said.as_str() == Some(expected) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the notice says {said}, not {expected:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
