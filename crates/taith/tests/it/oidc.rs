//! Signing in with an identity provider (OpenID Connect) against a small provider started
//! here: discovery, an authorization endpoint that vouches for one address, a token endpoint
//! that checks the client's secret, the code (once) and PKCE, and RS256 ID tokens signed with
//! a throwaway key (`fixtures/oidc-test-rsa.json`).
//!
//! A member signs in; a forged `state`, a replayed callback, a token whose payload was changed
//! after signing and an address with no account are refused; a member with two-factor sign-in
//! is still asked for the code.

use crate::helpers::{TestApp, fresh_sqlite, unique};
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ring::signature::{RSA_PKCS1_SHA256, RsaKeyPair};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

const CLIENT_ID: &str = "taith-test";
const CLIENT_SECRET: &str = "not-so-secret";

/// The provider's state: who it vouches for, the codes it gave out, how it misbehaves.
struct Provider {
    issuer: String,
    key: RsaKeyPair,
    jwk: Value,
    email: Mutex<String>,
    /// code → (nonce, PKCE challenge, redirect_uri)
    codes: Mutex<HashMap<String, (String, String, String)>>,
    /// Change the token's payload after signing it.
    tamper: Mutex<bool>,
}

type Shared = Arc<Provider>;

async fn discovery(State(p): State<Shared>) -> Response {
    axum::Json(json!({
        "issuer": p.issuer,
        "authorization_endpoint": format!("{}/authorize", p.issuer),
        "token_endpoint": format!("{}/token", p.issuer),
        "jwks_uri": format!("{}/jwks", p.issuer),
        "response_types_supported": ["code"],
        "id_token_signing_alg_values_supported": ["RS256"],
    }))
    .into_response()
}

async fn jwks(State(p): State<Shared>) -> Response {
    axum::Json(json!({ "keys": [p.jwk] })).into_response()
}

/// Consents at once for the address it vouches for.
async fn authorize(State(p): State<Shared>, Query(q): Query<HashMap<String, String>>) -> Response {
    let ok = q.get("client_id").map(String::as_str) == Some(CLIENT_ID)
        && q.get("response_type").map(String::as_str) == Some("code")
        && q.get("code_challenge_method").map(String::as_str) == Some("S256")
        && q.get("scope")
            .is_some_and(|s| s.split(' ').any(|w| w == "openid"));
    if !ok {
        return (StatusCode::BAD_REQUEST, "bad authorization request").into_response();
    }
    let code = unique("code");
    let redirect = q["redirect_uri"].clone();
    p.codes.lock().unwrap().insert(
        code.clone(),
        (
            q["nonce"].clone(),
            q["code_challenge"].clone(),
            redirect.clone(),
        ),
    );
    Redirect::to(&format!("{redirect}?code={code}&state={}", q["state"])).into_response()
}

async fn token(
    State(p): State<Shared>,
    headers: HeaderMap,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    let basic = format!(
        "Basic {}",
        STANDARD.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}"))
    );
    if headers
        .get(header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        != Some(basic.as_str())
    {
        return (
            StatusCode::UNAUTHORIZED,
            axum::Json(json!({"error": "invalid_client"})),
        )
            .into_response();
    }
    // A code works once.
    let Some((nonce, challenge, redirect)) = p.codes.lock().unwrap().remove(&f["code"]) else {
        return (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({"error": "invalid_grant"})),
        )
            .into_response();
    };
    use sha2_next::Digest as _;
    let computed = URL_SAFE_NO_PAD.encode(sha2_next::Sha256::digest(
        f.get("code_verifier")
            .cloned()
            .unwrap_or_default()
            .as_bytes(),
    ));
    if computed != challenge || f.get("redirect_uri") != Some(&redirect) {
        return (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({"error": "invalid_grant"})),
        )
            .into_response();
    }
    let now = taith_domain::now().unix_timestamp();
    let email = p.email.lock().unwrap().clone();
    let header =
        URL_SAFE_NO_PAD.encode(json!({"alg": "RS256", "kid": "test-1", "typ": "JWT"}).to_string());
    let claims = |email: &str| {
        URL_SAFE_NO_PAD.encode(
            json!({"iss": p.issuer, "sub": "u-1", "aud": CLIENT_ID, "exp": now + 300,
                "iat": now, "nonce": nonce, "email": email, "email_verified": true})
            .to_string(),
        )
    };
    let input = format!("{header}.{}", claims(&email));
    let mut signature = vec![0; p.key.public().modulus_len()];
    p.key
        .sign(
            &RSA_PKCS1_SHA256,
            &ring::rand::SystemRandom::new(),
            input.as_bytes(),
            &mut signature,
        )
        .unwrap();
    let body = if *p.tamper.lock().unwrap() {
        // The signature of one address under a payload naming another.
        format!("{}.{}", header, claims("owner-of-everything@example.com"))
    } else {
        input
    };
    let id_token = format!("{body}.{}", URL_SAFE_NO_PAD.encode(&signature));
    axum::Json(json!({"access_token": "opaque", "token_type": "Bearer", "id_token": id_token}))
        .into_response()
}

/// Starts the provider on a port of its own.
async fn start_provider() -> Shared {
    let fixture: Value = serde_json::from_str(include_str!("fixtures/oidc-test-rsa.json")).unwrap();
    let der = STANDARD
        .decode(fixture["pkcs8_der_base64"].as_str().unwrap())
        .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let issuer = format!("http://{}", listener.local_addr().unwrap());
    let p = Arc::new(Provider {
        issuer,
        key: RsaKeyPair::from_pkcs8(&der).unwrap(),
        jwk: json!({"kty": "RSA", "kid": "test-1", "alg": "RS256", "use": "sig",
            "n": fixture["n"], "e": fixture["e"]}),
        email: Mutex::new(String::new()),
        codes: Mutex::new(HashMap::new()),
        tamper: Mutex::new(false),
    });
    let app = axum::Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/jwks", get(jwks))
        .route("/authorize", get(authorize))
        .route("/token", post(token))
        .with_state(p.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    p
}

/// taith with the provider configured.
async fn taith_with(provider: &Provider) -> TestApp {
    let oidc = taith_app::account::oidc::Oidc::new(taith_app::account::oidc::OidcConfig {
        issuer: provider.issuer.clone(),
        client_id: CLIENT_ID.to_owned(),
        client_secret: CLIENT_SECRET.to_owned(),
        name: "Becws staff".to_owned(),
    })
    .unwrap();
    let lots = taith_web::http::limits::Quota::new(1_000_000, 1_000_000);
    let config = taith_web::WebConfig {
        oidc: Some(oidc),
        limits: taith_web::http::limits::Limits {
            sign_ins: lots,
            ..Default::default()
        },
        ..Default::default()
    };
    TestApp::spawn_with(fresh_sqlite().await.0, config).await
}

/// Goes to the provider and back as a browser would; answers taith's callback page.
async fn round_trip(b: &crate::helpers::Browser) -> (crate::helpers::Page, String) {
    let start = b.get("/sign-in/oidc").await;
    assert_eq!(start.status, 303, "{}", start.body);
    let at_provider = start.location.clone().expect("to the provider");
    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let consent = no_redirects.get(&at_provider).send().await.unwrap();
    assert_eq!(consent.status(), 303);
    let back = consent.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    let path = back
        .split_once("/sign-in/")
        .map(|(_, rest)| format!("/sign-in/{rest}"))
        .expect("back to taith's callback");
    (b.get(&path).await, path)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_signs_in_with_the_identity_provider_and_forgeries_are_refused() {
    let provider = start_provider().await;
    let app = taith_with(&provider).await;
    let slug = unique("oidc");
    let owner = format!("{slug}@becws.example");
    app.workspace(&slug, &owner).await;
    *provider.email.lock().unwrap() = owner.to_uppercase();

    // The sign-in page offers the provider by its name.
    let b = app.browser();
    let login = b.get("/login").await;
    assert!(
        login.text().contains("Sign in with Becws staff"),
        "{}",
        login.body
    );

    // There and back: signed in, the attempt's cookie spent.
    let (back, callback) = round_trip(&b).await;
    assert_eq!(back.status, 303, "{}", back.body);
    assert_eq!(back.location.as_deref(), Some("/"));
    assert_eq!(b.get(&format!("/w/{slug}")).await.status, 200);

    // The same callback again (a replay): its attempt is gone.
    let other = app.browser();
    let replay = other.get(&callback).await;
    assert_eq!(replay.status, 400, "{}", replay.body);
    assert!(replay.body.contains("oidc-problem"));
    // A forged state.
    let forged = app.browser();
    forged.get("/sign-in/oidc").await;
    let wrong = forged
        .get("/sign-in/oidc/callback?code=anything&state=0123abcd")
        .await;
    assert_eq!(wrong.status, 400);
    // The provider said no.
    let denied = forged
        .get("/sign-in/oidc/callback?error=access_denied")
        .await;
    assert_eq!(denied.status, 400);

    // A token changed after it was signed.
    *provider.tamper.lock().unwrap() = true;
    let (tampered, _) = round_trip(&app.browser()).await;
    assert_eq!(tampered.status, 403, "{}", tampered.body);
    assert!(tampered.text().contains("could not be checked"));
    *provider.tamper.lock().unwrap() = false;

    // Someone the provider knows but taith does not.
    *provider.email.lock().unwrap() = format!("{slug}-stranger@becws.example");
    let stranger = app.browser();
    let (nobody, _) = round_trip(&stranger).await;
    assert_eq!(nobody.status, 403);
    assert!(nobody.text().contains("No taith account"));
    assert_eq!(stranger.get(&format!("/w/{slug}")).await.status, 303);

    // With two-factor sign-in, the code is still asked for.
    let member = format!("{slug}-2fa@becws.example");
    let ws = app
        .store
        .workspace_by_slug(&taith_domain::Slug::parse(&slug).unwrap())
        .await
        .unwrap();
    let m = app.member(&ws, &member, taith_domain::Role::Admin).await;
    let now = taith_domain::now();
    let secret = taith_domain::two_factor::TotpSecret::from_bytes([7; 20]);
    app.store
        .begin_two_factor(m.user.id, &secret.to_base32(), now)
        .await
        .unwrap();
    app.store
        .confirm_two_factor(m.user.id, 0, &[], now)
        .await
        .unwrap();
    *provider.email.lock().unwrap() = member;
    let b2 = app.browser();
    let (half, _) = round_trip(&b2).await;
    assert_eq!(half.status, 303);
    assert!(
        half.location
            .as_deref()
            .is_some_and(|l| l.starts_with("/sign-in/code")),
        "{:?}",
        half.location
    );
    assert_eq!(b2.get(&format!("/w/{slug}")).await.status, 303);
}

#[tokio::test]
async fn without_a_provider_the_routes_are_not_there() {
    let app = TestApp::on_sqlite().await;
    let b = app.browser();
    assert_eq!(b.get("/sign-in/oidc").await.status, 404);
    assert_eq!(
        b.get("/sign-in/oidc/callback?code=x&state=y").await.status,
        404
    );
    assert!(!b.get("/login").await.body.contains("/sign-in/oidc"));
}
