//! Two-factor sign-in over HTTP, on both stores: enrolling an authenticator app and signing in
//! with its code; a wrong code and a replayed code fail; a recovery code works once; a session
//! waiting for its code reaches nothing; a workspace that requires a second factor blocks a
//! member who has not enrolled (pages, and the API with a session; not API tokens) and lets
//! them in once enrolled.

use crate::helpers::{Browser, PASSWORD, TestApp, fresh_postgres, fresh_sqlite, text_after};
use reqwest::Method;
use taith_domain::two_factor::{TotpSecret, step_of};
use taith_domain::{Role, TokenScope};
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

on_both_stores!(
    a_member_enrols_and_signs_in_with_codes_that_work_once,
    a_workspace_that_requires_two_factor_blocks_a_member_until_they_enrol,
);

/// The current TOTP step.
fn now_step() -> i64 {
    step_of(time::OffsetDateTime::now_utc().unix_timestamp())
}

/// The code of `secret` for the step `offset` steps from now.
fn code(secret: &TotpSecret, offset: i64) -> String {
    format!("{:06}", secret.code_at_step(now_step() + offset))
}

/// A six-digit code that none of the three accepted steps has.
fn wrong_code(secret: &TotpSecret) -> String {
    let valid: Vec<String> = (-2..=2).map(|o| code(secret, o)).collect();
    (0..1_000_000)
        .map(|n| format!("{:06}", (n * 7919 + 123_457) % 1_000_000))
        .find(|c| !valid.contains(c))
        .expect("a code no step has")
}

/// Sets up two-factor sign-in on the account page of `b`; the secret and the recovery codes.
async fn enrol(b: &Browser) -> (TotpSecret, Vec<String>) {
    let page = b.get("/account/two-factor").await;
    assert_eq!(page.status, 200, "{}", page.body);
    let begun = b
        .submit("/account/two-factor", "/account/two-factor/begin", &[])
        .await;
    assert_eq!(begun.status, 303, "{}", begun.body);
    let page = b.get("/account/two-factor").await;
    let key = text_after(&page.body, "id=\"totp-key\">", "<").expect("the key is shown");
    let secret = TotpSecret::from_base32(key).expect("the key is base32 of 20 bytes");
    assert!(
        page.body.contains("otpauth://totp/"),
        "the app link is shown"
    );
    // The QR code beside it encodes that same link (the template escapes `&` in both).
    let link = text_after(&page.body, "href=\"otpauth://", "\"")
        .expect("the link's address")
        .replace("&#38;", "&");
    let qr = taith_web::account::qr::QrSquares::of(&format!("otpauth://{link}")).unwrap();
    let drawn = text_after(&page.body, "id=\"totp-qr\">", "</svg>")
        .and_then(|svg| text_after(svg, "<path d=\"", "\""))
        .expect("the QR code is drawn");
    assert!(
        drawn == qr.path,
        "the QR code drawn is not that of the link otpauth://{link}"
    );

    // A wrong code does not turn it on.
    let wrong = b
        .submit(
            "/account/two-factor",
            "/account/two-factor/confirm",
            &[("code", &wrong_code(&secret))],
        )
        .await;
    assert_eq!(wrong.status, 422, "{}", wrong.body);

    let done = b
        .submit(
            "/account/two-factor",
            "/account/two-factor/confirm",
            &[("code", &code(&secret, 0))],
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    let recovery: Vec<String> = done
        .body
        .split("<li><code>")
        .skip(1)
        .filter_map(|r| r.split('<').next())
        .map(str::to_owned)
        .collect();
    assert_eq!(recovery.len(), 10, "ten recovery codes, shown once");
    // Shown once: the page does not show them again.
    let again = b.get("/account/two-factor").await;
    assert!(!again.body.contains(&recovery[0]));
    (secret, recovery)
}

/// Signs in with the password only: the browser and where it was sent.
async fn password_only(app: &TestApp, email: &str) -> (Browser, String) {
    let b = app.browser();
    let page = b
        .submit(
            "/login",
            "/login",
            &[("email", email), ("password", PASSWORD), ("next", "/w/tf")],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    (b, page.location.unwrap_or_default())
}

/// Posts `code` on the code page; its status.
async fn send_code(b: &Browser, code: &str) -> (u16, Option<String>) {
    let page = b
        .submit(
            "/sign-in/code",
            "/sign-in/code",
            &[("code", code), ("next", "/w/tf")],
        )
        .await;
    (page.status, page.location)
}

async fn a_member_enrols_and_signs_in_with_codes_that_work_once(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store).await;
    let (ws, _) = app.workspace("tf", "owner@tf.example").await;
    app.member(&ws, "agent@tf.example", Role::Agent).await;
    let b = app.signed_in("agent@tf.example").await;
    let (secret, recovery) = enrol(&b).await;

    // The password alone now leads to the code page, and nowhere else.
    let (pending, to) = password_only(&app, "agent@tf.example").await;
    assert!(to.starts_with("/sign-in/code"), "sent to {to}");
    for path in ["/w/tf", "/w/tf/members", "/account", "/account/two-factor"] {
        let (status, location) = pending.status_of(path).await;
        assert_eq!(
            (status, location.as_deref()),
            (303, Some("/sign-in/code")),
            "{path} before the second factor"
        );
    }
    let (status, _) = pending
        .api_as_member(Method::GET, "/api/v1/journeys", "tf", None, None)
        .await;
    assert_eq!(status, 401, "the API with a session waiting for its code");

    // A wrong code fails.
    assert_eq!(send_code(&pending, &wrong_code(&secret)).await.0, 401);
    assert_eq!(send_code(&pending, "not a code").await.0, 401);
    assert_eq!(pending.status_of("/w/tf").await.0, 303);

    // The next step's code works (the confirmation used this step's).
    let next = code(&secret, 1);
    let (status, location) = send_code(&pending, &next).await;
    assert_eq!((status, location.as_deref()), (303, Some("/w/tf")));
    assert_eq!(pending.status_of("/w/tf").await.0, 200);
    let (status, _) = pending
        .api_as_member(Method::GET, "/api/v1/journeys", "tf", None, None)
        .await;
    assert_eq!(status, 200);

    // The same code again, in another browser, fails (replay); so does an older step's.
    let (replay, _) = password_only(&app, "agent@tf.example").await;
    assert_eq!(send_code(&replay, &next).await.0, 401, "a replayed code");
    assert_eq!(send_code(&replay, &code(&secret, -1)).await.0, 401);
    assert_eq!(replay.status_of("/w/tf").await.0, 303);

    // A recovery code works once, typed any which way.
    let typed = recovery[3].to_uppercase().replace('-', " ");
    assert_eq!(send_code(&replay, &typed).await.0, 303);
    assert_eq!(replay.status_of("/w/tf").await.0, 200);
    let (again, _) = password_only(&app, "agent@tf.example").await;
    assert_eq!(send_code(&again, &recovery[3]).await.0, 401, "used once");
    assert_eq!(again.status_of("/w/tf").await.0, 303);
    let left = taith_i18n::Tr::new(taith_domain::Locale::En)
        .tn("two-factor-on", "count", 9)
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(
        b.get("/account/two-factor").await.text().contains(&left),
        "nine recovery codes left"
    );

    // Signing out works while waiting for the code.
    let out = again.submit("/sign-in/code", "/logout", &[]).await;
    assert_eq!(out.status, 303);
    assert_eq!(
        again.status_of("/sign-in/code").await.1.as_deref(),
        Some("/login")
    );

    // Turning it off needs the password (or a code); then the password alone signs in.
    let refused = b
        .submit(
            "/account/two-factor",
            "/account/two-factor/disable",
            &[("password", "not the password")],
        )
        .await;
    assert_eq!(refused.status, 422);
    let off = b
        .submit(
            "/account/two-factor",
            "/account/two-factor/disable",
            &[("password", PASSWORD)],
        )
        .await;
    assert_eq!(off.status, 303, "{}", off.body);
    let (plain, to) = password_only(&app, "agent@tf.example").await;
    assert_eq!(to, "/w/tf");
    assert_eq!(plain.status_of("/w/tf").await.0, 200);
}

async fn a_workspace_that_requires_two_factor_blocks_a_member_until_they_enrol(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store).await;
    let (ws, _) = app.workspace("tf", "owner@tf.example").await;
    app.member(&ws, "admin@tf.example", Role::Admin).await;
    app.member(&ws, "agent@tf.example", Role::Agent).await;
    let token = app.api_token("tf", TokenScope::Read).await;
    let owner = app.signed_in("owner@tf.example").await;
    let member = app.signed_in("agent@tf.example").await;
    assert_eq!(member.status_of("/w/tf").await.0, 200);

    // Only an owner may require it.
    let admin = app.signed_in("admin@tf.example").await;
    let refused = admin
        .submit("/w/tf/members", "/w/tf/two-factor", &[("required", "on")])
        .await;
    assert_eq!(refused.status, 403);
    assert_eq!(member.status_of("/w/tf").await.0, 200, "not required yet");

    let saved = owner
        .submit(
            "/w/tf/two-factor",
            "/w/tf/two-factor",
            &[("required", "on")],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    // The owner is held too until they enrol; then the setting shows as on.
    assert_eq!(owner.status_of("/w/tf/two-factor").await.0, 303);
    enrol(&owner).await;
    let page = owner.get("/w/tf/two-factor").await;
    assert!(page.body.contains("checked"), "the setting shows as on");

    // The member without a second factor reaches only the enrolment page; the API with their
    // session answers 403; an API token is not a person and is unaffected.
    for path in ["/w/tf", "/w/tf/members", "/w/tf/surveys"] {
        let (status, location) = member.status_of(path).await;
        assert_eq!(
            (status, location.as_deref()),
            (303, Some("/account/two-factor?w=tf")),
            "{path}"
        );
    }
    let (status, _) = member
        .api_as_member(Method::GET, "/api/v1/journeys", "tf", None, None)
        .await;
    assert_eq!(status, 403);
    let (status, _) = member
        .api(Method::GET, "/api/v1/journeys", &token, None)
        .await;
    assert_eq!(status, 200, "API tokens are not affected");
    let page = member.get("/account/two-factor?w=tf").await;
    assert_eq!(page.status, 200);

    // Enrolled, the member gets in.
    enrol(&member).await;
    assert_eq!(member.status_of("/w/tf").await.0, 200);
    let (status, _) = member
        .api_as_member(Method::GET, "/api/v1/journeys", "tf", None, None)
        .await;
    assert_eq!(status, 200);

    // Not required any more: the admin gets in without enrolling.
    let off = owner
        .submit("/w/tf/two-factor", "/w/tf/two-factor", &[])
        .await;
    assert_eq!(off.status, 303);
    let (fresh, to) = password_only(&app, "admin@tf.example").await;
    assert_eq!(to, "/w/tf");
    assert_eq!(fresh.status_of("/w/tf").await.0, 200);
}

/// The operator turns off the two-factor sign-in of someone who lost their phone and codes:
/// it is gone, every browser of theirs is signed out, and the password alone signs them in.
#[tokio::test]
async fn the_operator_resets_a_lost_second_factor() {
    let dir = crate::helpers::scratch_path("taith-cli-");
    let taith = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_taith"))
            .arg("--data-dir")
            .arg(&dir)
            .args(args)
            .env_remove("TAITH_DATABASE_URL")
            .output()
            .unwrap()
    };
    let store =
        taith::database::open_store(&taith::database::DatabaseUrl::Sqlite(dir.join("taith.db")))
            .await
            .unwrap();
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    app.workspace("becws", "lost@becws.example").await;
    let b = app.signed_in("lost@becws.example").await;
    enrol(&b).await;
    let user = store
        .user_credentials(&taith_domain::Email::parse("lost@becws.example").unwrap())
        .await
        .unwrap()
        .user
        .id;
    assert!(store.two_factor(user).await.unwrap().is_some());
    let (half, _) = password_only(&app, "lost@becws.example").await;

    let reset = taith(&["user", "reset-two-factor", "--email", "lost@becws.example"]);
    assert!(
        reset.status.success(),
        "{}",
        String::from_utf8_lossy(&reset.stderr)
    );
    assert!(String::from_utf8_lossy(&reset.stdout).contains("is off"));
    assert!(store.two_factor(user).await.unwrap().is_none());
    // Both browsers are signed out, the half-signed-in one too.
    assert_eq!(b.get("/w/becws").await.status, 303);
    assert_eq!(half.get("/w/becws").await.status, 303);
    // The password alone signs in now.
    assert_eq!(
        app.signed_in("lost@becws.example")
            .await
            .get("/w/becws")
            .await
            .status,
        200
    );
    let again = taith(&["user", "reset-two-factor", "--email", "lost@becws.example"]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("had no two-factor"));
    let nobody = taith(&[
        "user",
        "reset-two-factor",
        "--email",
        "nobody@becws.example",
    ]);
    assert!(!nobody.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}
