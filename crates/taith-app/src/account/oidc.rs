//! Signing in with the business's identity provider: OpenID Connect's authorization code flow
//! with PKCE (RFC 7636), `state` and `nonce`, against any standard provider (Google Workspace,
//! Microsoft Entra ID, Okta, Keycloak, Authentik…) found through its discovery document.
//! docs/sign-in.md says how to set it up.
//!
//! - [`Oidc::begin`] makes the three secrets of one attempt (kept by the browser in a cookie,
//!   so any node may finish it) and the address of the provider's sign-in page.
//! - [`Oidc::finish`] checks `state`, exchanges the code (with the PKCE verifier and the client
//!   secret) for an ID token, verifies its signature (RS256 or ES256) against the provider's
//!   published keys and its claims (issuer, audience, expiry, nonce), and answers the taith
//!   account with the token's e-mail address. Nobody gets an account this way: an owner adds
//!   people first, as for a password. A session then starts as after a password, so two-factor
//!   sign-in, when enrolled, is still asked for.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;
use std::sync::Arc;
use std::time::{Duration, Instant};
use taith_domain::{Email, UserId};
use taith_store::{Store, StoreError};
use time::OffsetDateTime;
use tokio::sync::Mutex;

/// How long discovery and keys are trusted before they are read again (a key the token names
/// but the cache lacks is fetched at once: the provider rotated its keys).
const PROVIDER_FRESH_FOR: Duration = Duration::from_secs(3600);
/// Clock difference allowed between the provider and taith.
const LEEWAY_SECONDS: i64 = 60;
/// How long an attempt may take, from leaving for the provider to coming back.
pub const ATTEMPT_SECONDS: i64 = 600;

/// The provider, as the operator configured it.
#[derive(Debug, Clone)]
pub struct OidcConfig {
    /// The issuer (`https://accounts.google.com`); its discovery document is at
    /// `{issuer}/.well-known/openid-configuration`.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// What the sign-in page's button names ("Google", "Microsoft", "Becws staff").
    pub name: String,
}

/// Why sign-in through the provider did not happen.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    /// The provider could not be reached or answered something malformed: not the person's
    /// fault, so a 502, logged.
    #[error("the identity provider failed: {0}")]
    Provider(String),
    /// The attempt is not one taith can trust, or names nobody with an account: a 4xx, with
    /// the reason in words.
    #[error("sign-in refused: {0:?}")]
    Refused(Refusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why an attempt was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No attempt cookie, or its `state` is not the one the provider sent back (a forged or
    /// replayed callback), or the provider said no (`error=`).
    NotThisAttempt,
    /// The ID token's signature, issuer, audience, expiry or nonce did not check out.
    BadToken,
    /// The provider says the address is not verified.
    Unverified,
    /// No taith account has the token's address.
    NoAccount,
}

/// The provider's endpoints and keys, as last read.
#[derive(Debug, Clone)]
struct Provider {
    authorization_endpoint: String,
    token_endpoint: String,
    jwks_uri: String,
    keys: Vec<Jwk>,
    read_at: Instant,
}

#[derive(Debug, Deserialize)]
struct Discovery {
    issuer: String,
    authorization_endpoint: String,
    token_endpoint: String,
    jwks_uri: String,
}

/// A public key as a provider publishes it (RFC 7517): RSA (`n`, `e`) or P-256 (`x`, `y`).
#[derive(Debug, Clone, Deserialize)]
pub struct Jwk {
    pub kty: String,
    #[serde(default)]
    pub kid: Option<String>,
    #[serde(default)]
    pub alg: Option<String>,
    #[serde(default, rename = "use")]
    pub use_: Option<String>,
    #[serde(default)]
    pub n: Option<String>,
    #[serde(default)]
    pub e: Option<String>,
    #[serde(default)]
    pub crv: Option<String>,
    #[serde(default)]
    pub x: Option<String>,
    #[serde(default)]
    pub y: Option<String>,
}

#[derive(Debug, Deserialize)]
struct JwkSet {
    keys: Vec<Jwk>,
}

/// One attempt's secrets, which the browser keeps until it comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub state: String,
    pub nonce: String,
    pub verifier: String,
}

impl Attempt {
    fn new() -> Attempt {
        let secret = crate::account::secrets::random_secret;
        Attempt {
            state: secret(),
            nonce: secret(),
            verifier: secret(),
        }
    }

    /// The cookie's value: the three secrets (hex, so no separator is ambiguous).
    pub fn to_cookie(&self) -> String {
        format!("{}.{}.{}", self.state, self.nonce, self.verifier)
    }

    pub fn from_cookie(value: &str) -> Option<Attempt> {
        let mut parts = value.split('.');
        let (state, nonce, verifier) = (parts.next()?, parts.next()?, parts.next()?);
        let hex =
            |s: &str| !s.is_empty() && s.len() <= 128 && s.bytes().all(|b| b.is_ascii_hexdigit());
        (parts.next().is_none() && hex(state) && hex(nonce) && hex(verifier)).then(|| Attempt {
            state: state.to_owned(),
            nonce: nonce.to_owned(),
            verifier: verifier.to_owned(),
        })
    }

    /// The PKCE challenge: base64url(SHA-256(verifier)).
    fn challenge(&self) -> String {
        use sha2::Digest as _;
        URL_SAFE_NO_PAD.encode(sha2::Sha256::digest(self.verifier.as_bytes()))
    }
}

/// Where to send the browser, and the attempt to remember.
#[derive(Debug, Clone)]
pub struct Begun {
    pub location: String,
    pub attempt: Attempt,
}

/// The configured provider, with its discovery and keys cached. Cloning shares the cache.
#[derive(Clone)]
pub struct Oidc {
    config: Arc<OidcConfig>,
    http: reqwest::Client,
    provider: Arc<Mutex<Option<Provider>>>,
}

impl std::fmt::Debug for Oidc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Oidc")
            .field("issuer", &self.config.issuer)
            .field("client_id", &self.config.client_id)
            .finish_non_exhaustive()
    }
}

/// Whether `url` may be the provider's: https, or http on this machine (a provider run beside
/// taith, and the tests').
pub fn acceptable_url(url: &str) -> bool {
    match url::Url::parse(url) {
        Ok(u) if u.scheme() == "https" => u.host().is_some(),
        Ok(u) if u.scheme() == "http" => {
            matches!(
                u.host(),
                Some(url::Host::Ipv4(ip)) if ip.is_loopback()
            ) || matches!(u.host(), Some(url::Host::Ipv6(ip)) if ip.is_loopback())
                || u.host_str() == Some("localhost")
        }
        _ => false,
    }
}

impl Oidc {
    /// The provider of `config`; Err when its issuer is not an https address (or http on
    /// this machine) or a field is empty.
    pub fn new(config: OidcConfig) -> Result<Oidc, String> {
        let issuer = config.issuer.trim_end_matches('/').to_owned();
        if !acceptable_url(&issuer) {
            return Err(format!(
                "the OpenID issuer {issuer:?} must be an https:// address (http:// only on this machine)"
            ));
        }
        if config.client_id.trim().is_empty() || config.client_secret.is_empty() {
            return Err("the OpenID client id and secret are both needed".to_owned());
        }
        // The same TLS as webhook deliveries: rustls on ring, the Mozilla roots built in.
        crate::webhooks::delivery::install_tls_provider();
        let tls = crate::webhooks::delivery::tls_config()
            .map_err(|e| format!("cannot set up TLS for the OpenID provider: {e}"))?;
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            .timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| format!("cannot make the OpenID HTTP client: {e}"))?;
        Ok(Oidc {
            config: Arc::new(OidcConfig {
                issuer,
                name: if config.name.trim().is_empty() {
                    "OpenID".to_owned()
                } else {
                    config.name.trim().to_owned()
                },
                ..config
            }),
            http,
            provider: Arc::new(Mutex::new(None)),
        })
    }

    /// What the sign-in button names.
    pub fn name(&self) -> &str {
        &self.config.name
    }

    async fn get_json<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T, OidcError> {
        if !acceptable_url(url) {
            return Err(OidcError::Provider(format!("refusing the address {url:?}")));
        }
        let response = self
            .http
            .get(url)
            .send()
            .await
            .map_err(|e| OidcError::Provider(format!("GET {url}: {e}")))?;
        if !response.status().is_success() {
            return Err(OidcError::Provider(format!(
                "GET {url}: status {}",
                response.status()
            )));
        }
        response
            .json()
            .await
            .map_err(|e| OidcError::Provider(format!("GET {url}: {e}")))
    }

    /// The provider's endpoints and keys: cached, read again when stale or when `want_kid`
    /// names a key the cache does not have.
    async fn provider(&self, want_kid: Option<&str>) -> Result<Provider, OidcError> {
        let mut cached = self.provider.lock().await;
        if let Some(p) = cached.as_ref() {
            let fresh = p.read_at.elapsed() < PROVIDER_FRESH_FOR;
            let has_key =
                want_kid.is_none_or(|k| p.keys.iter().any(|j| j.kid.as_deref() == Some(k)));
            if fresh && has_key {
                return Ok(p.clone());
            }
        }
        let url = format!("{}/.well-known/openid-configuration", self.config.issuer);
        let d: Discovery = self.get_json(&url).await?;
        if d.issuer.trim_end_matches('/') != self.config.issuer {
            return Err(OidcError::Provider(format!(
                "the discovery document names the issuer {:?}, not {:?}",
                d.issuer, self.config.issuer
            )));
        }
        let keys: JwkSet = self.get_json(&d.jwks_uri).await?;
        let p = Provider {
            authorization_endpoint: d.authorization_endpoint,
            token_endpoint: d.token_endpoint,
            jwks_uri: d.jwks_uri,
            keys: keys.keys,
            read_at: Instant::now(),
        };
        *cached = Some(p.clone());
        Ok(p)
    }

    /// Starts an attempt: the provider's sign-in address for a browser that comes back to
    /// `redirect_uri` (taith's `/sign-in/oidc/callback`).
    pub async fn begin(&self, redirect_uri: &str) -> Result<Begun, OidcError> {
        let p = self.provider(None).await?;
        let attempt = Attempt::new();
        let mut location = url::Url::parse(&p.authorization_endpoint)
            .map_err(|_| OidcError::Provider("a malformed authorization endpoint".to_owned()))?;
        location
            .query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &self.config.client_id)
            .append_pair("redirect_uri", redirect_uri)
            .append_pair("scope", "openid email profile")
            .append_pair("state", &attempt.state)
            .append_pair("nonce", &attempt.nonce)
            .append_pair("code_challenge", &attempt.challenge())
            .append_pair("code_challenge_method", "S256");
        Ok(Begun {
            location: location.into(),
            attempt,
        })
    }

    /// Finishes an attempt: the account the provider vouches for (see the module's
    /// documentation). `attempt` is what the browser kept; `state`, `code` and `error` what the
    /// provider sent back.
    pub async fn finish(
        &self,
        store: &dyn Store,
        redirect_uri: &str,
        attempt: Option<&Attempt>,
        state: &str,
        code: &str,
        now: OffsetDateTime,
    ) -> Result<UserId, OidcError> {
        let Some(attempt) = attempt else {
            return Err(OidcError::Refused(Refusal::NotThisAttempt));
        };
        if code.is_empty() || !constant_time_eq(attempt.state.as_bytes(), state.as_bytes()) {
            return Err(OidcError::Refused(Refusal::NotThisAttempt));
        }
        let p = self.provider(None).await?;
        let response = self
            .http
            .post(&p.token_endpoint)
            .basic_auth(&self.config.client_id, Some(&self.config.client_secret))
            .form(&[
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", redirect_uri),
                ("client_id", &self.config.client_id),
                ("code_verifier", &attempt.verifier),
            ])
            .send()
            .await
            .map_err(|e| OidcError::Provider(format!("the token endpoint: {e}")))?;
        if response.status().is_client_error() {
            // An expired or used code, a verifier that does not match: this attempt is over.
            return Err(OidcError::Refused(Refusal::NotThisAttempt));
        }
        if !response.status().is_success() {
            return Err(OidcError::Provider(format!(
                "the token endpoint answered {}",
                response.status()
            )));
        }
        #[derive(Deserialize)]
        struct Tokens {
            id_token: String,
        }
        let tokens: Tokens = response
            .json()
            .await
            .map_err(|e| OidcError::Provider(format!("the token endpoint's answer: {e}")))?;
        let kid = header_kid(&tokens.id_token);
        let p = self.provider(kid.as_deref()).await?;
        let claims = verify_id_token(
            &tokens.id_token,
            &p.keys,
            &Expected {
                issuer: &self.config.issuer,
                client_id: &self.config.client_id,
                nonce: &attempt.nonce,
                now: now.unix_timestamp(),
            },
        )
        .map_err(OidcError::Refused)?;
        if claims.email_verified == Some(false) {
            return Err(OidcError::Refused(Refusal::Unverified));
        }
        let email = claims
            .email
            .as_deref()
            .and_then(|e| Email::parse(e).ok())
            .ok_or(OidcError::Refused(Refusal::NoAccount))?;
        match store.user_credentials(&email).await {
            Ok(c) => Ok(c.user.id),
            Err(StoreError::NotFound) => Err(OidcError::Refused(Refusal::NoAccount)),
            Err(e) => Err(e.into()),
        }
    }

    /// The keys' address, for the log.
    pub async fn jwks_uri(&self) -> Option<String> {
        self.provider
            .lock()
            .await
            .as_ref()
            .map(|p| p.jwks_uri.clone())
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// What an ID token must say.
#[derive(Debug, Clone, Copy)]
pub struct Expected<'a> {
    pub issuer: &'a str,
    pub client_id: &'a str,
    pub nonce: &'a str,
    /// Unix seconds.
    pub now: i64,
}

/// The claims taith reads.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Claims {
    pub iss: String,
    pub aud: Audience,
    #[serde(default)]
    pub azp: Option<String>,
    pub exp: i64,
    #[serde(default)]
    pub iat: Option<i64>,
    #[serde(default)]
    pub nonce: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub email_verified: Option<bool>,
}

/// `aud`: one client or several.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Audience {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
struct Header {
    alg: String,
    #[serde(default)]
    kid: Option<String>,
}

fn decode_part<T: serde::de::DeserializeOwned>(part: &str) -> Option<T> {
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).ok()?).ok()
}

fn header_kid(token: &str) -> Option<String> {
    decode_part::<Header>(token.split('.').next()?)?.kid
}

/// Whether `signature` over `message` is `key`'s, by `alg` (RS256 or ES256 only: `none`, HMAC
/// and anything else are refused).
pub fn signature_holds(alg: &str, key: &Jwk, message: &[u8], signature: &[u8]) -> bool {
    use ring::signature::{
        ECDSA_P256_SHA256_FIXED, RSA_PKCS1_2048_8192_SHA256, RsaPublicKeyComponents,
        UnparsedPublicKey,
    };
    let b64 = |s: &Option<String>| s.as_deref().and_then(|s| URL_SAFE_NO_PAD.decode(s).ok());
    match (alg, key.kty.as_str()) {
        ("RS256", "RSA") => {
            let (Some(n), Some(e)) = (b64(&key.n), b64(&key.e)) else {
                return false;
            };
            RsaPublicKeyComponents { n: &n, e: &e }
                .verify(&RSA_PKCS1_2048_8192_SHA256, message, signature)
                .is_ok()
        }
        ("ES256", "EC") if key.crv.as_deref() == Some("P-256") => {
            let (Some(x), Some(y)) = (b64(&key.x), b64(&key.y)) else {
                return false;
            };
            if x.len() != 32 || y.len() != 32 {
                return false;
            }
            let mut point = Vec::with_capacity(65);
            point.push(4);
            point.extend_from_slice(&x);
            point.extend_from_slice(&y);
            UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, point)
                .verify(message, signature)
                .is_ok()
        }
        _ => false,
    }
}

/// Verifies an ID token (compact JWS) against `keys` and `expected`; answers its claims.
pub fn verify_id_token(
    token: &str,
    keys: &[Jwk],
    expected: &Expected<'_>,
) -> Result<Claims, Refusal> {
    let bad = Refusal::BadToken;
    let mut parts = token.split('.');
    let (Some(h), Some(c), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad);
    };
    let header: Header = decode_part(h).ok_or(bad)?;
    let signature = URL_SAFE_NO_PAD.decode(s).map_err(|_| bad)?;
    let message = &token.as_bytes()[..h.len() + 1 + c.len()];
    let candidates = keys.iter().filter(|k| {
        k.use_.as_deref().is_none_or(|u| u == "sig")
            && k.alg.as_deref().is_none_or(|a| a == header.alg)
            && match (&header.kid, &k.kid) {
                (Some(want), Some(have)) => want == have,
                _ => true,
            }
    });
    let mut verified = false;
    for key in candidates {
        if signature_holds(&header.alg, key, message, &signature) {
            verified = true;
            break;
        }
    }
    if !verified {
        return Err(bad);
    }
    let claims: Claims = decode_part(c).ok_or(bad)?;
    let audiences: Vec<&str> = match &claims.aud {
        Audience::One(a) => vec![a.as_str()],
        Audience::Many(a) => a.iter().map(String::as_str).collect(),
    };
    let for_us = audiences.contains(&expected.client_id)
        && (audiences.len() == 1 || claims.azp.as_deref() == Some(expected.client_id));
    let issued_sensibly = claims
        .iat
        .is_none_or(|iat| iat <= expected.now + LEEWAY_SECONDS);
    if claims.iss.trim_end_matches('/') != expected.issuer
        || !for_us
        || claims.exp + LEEWAY_SECONDS < expected.now
        || !issued_sensibly
        || claims.nonce.as_deref() != Some(expected.nonce)
    {
        return Err(bad);
    }
    Ok(claims)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use ring::rand::SystemRandom;
    use ring::signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, KeyPair as _};

    struct Signer {
        pair: EcdsaKeyPair,
        jwk: Jwk,
    }

    fn signer(kid: &str) -> Signer {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng).unwrap();
        let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng)
            .unwrap();
        let point = pair.public_key().as_ref().to_vec();
        let jwk = Jwk {
            kty: "EC".into(),
            kid: Some(kid.into()),
            alg: Some("ES256".into()),
            use_: Some("sig".into()),
            n: None,
            e: None,
            crv: Some("P-256".into()),
            x: Some(URL_SAFE_NO_PAD.encode(&point[1..33])),
            y: Some(URL_SAFE_NO_PAD.encode(&point[33..65])),
        };
        Signer { pair, jwk }
    }

    fn token(s: &Signer, header: serde_json::Value, claims: serde_json::Value) -> String {
        let h = URL_SAFE_NO_PAD.encode(header.to_string());
        let c = URL_SAFE_NO_PAD.encode(claims.to_string());
        let input = format!("{h}.{c}");
        let sig = s.pair.sign(&SystemRandom::new(), input.as_bytes()).unwrap();
        format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig.as_ref()))
    }

    const NOW: i64 = 1_796_600_000;

    fn expected() -> Expected<'static> {
        Expected {
            issuer: "https://id.becws.example",
            client_id: "taith",
            nonce: "n-1",
            now: NOW,
        }
    }

    fn good_claims() -> serde_json::Value {
        serde_json::json!({"iss": "https://id.becws.example", "aud": "taith", "exp": NOW + 300,
            "iat": NOW, "nonce": "n-1", "email": "sian@becws.example", "email_verified": true})
    }

    #[test]
    fn a_good_token_verifies_and_each_wrong_claim_is_refused() {
        let s = signer("k1");
        let header = serde_json::json!({"alg": "ES256", "kid": "k1"});
        let keys = [s.jwk.clone()];
        let claims = verify_id_token(
            &token(&s, header.clone(), good_claims()),
            &keys,
            &expected(),
        )
        .expect("verifies");
        assert_eq!(claims.email.as_deref(), Some("sian@becws.example"));
        for (field, value) in [
            ("iss", serde_json::json!("https://evil.example")),
            ("aud", serde_json::json!("someone-else")),
            ("aud", serde_json::json!(["taith", "other"])),
            ("exp", serde_json::json!(NOW - 3600)),
            ("iat", serde_json::json!(NOW + 3600)),
            ("nonce", serde_json::json!("n-2")),
        ] {
            let mut c = good_claims();
            c[field] = value;
            assert_eq!(
                verify_id_token(&token(&s, header.clone(), c), &keys, &expected()),
                Err(Refusal::BadToken),
                "{field}"
            );
        }
        // Several audiences are fine when the token was issued to us (azp).
        let mut c = good_claims();
        c["aud"] = serde_json::json!(["taith", "other"]);
        c["azp"] = serde_json::json!("taith");
        assert!(verify_id_token(&token(&s, header, c), &keys, &expected()).is_ok());
    }

    #[test]
    fn another_keys_signature_a_tampered_token_and_alg_none_are_refused() {
        let ours = signer("k1");
        let theirs = signer("k1");
        let header = serde_json::json!({"alg": "ES256", "kid": "k1"});
        let forged = token(&theirs, header.clone(), good_claims());
        assert_eq!(
            verify_id_token(&forged, std::slice::from_ref(&ours.jwk), &expected()),
            Err(Refusal::BadToken)
        );
        let good = token(&ours, header, good_claims());
        let mut parts: Vec<&str> = good.split('.').collect();
        let other = URL_SAFE_NO_PAD.encode(
            serde_json::json!({"iss": "https://id.becws.example", "aud": "taith",
                "exp": NOW + 300, "nonce": "n-1", "email": "owner@becws.example"})
            .to_string(),
        );
        parts[1] = &other;
        assert_eq!(
            verify_id_token(
                &parts.join("."),
                std::slice::from_ref(&ours.jwk),
                &expected()
            ),
            Err(Refusal::BadToken)
        );
        let none = format!(
            "{}.{}.",
            URL_SAFE_NO_PAD.encode(r#"{"alg":"none"}"#),
            URL_SAFE_NO_PAD.encode(good_claims().to_string())
        );
        assert_eq!(
            verify_id_token(&none, &[ours.jwk], &expected()),
            Err(Refusal::BadToken)
        );
    }

    #[test]
    fn an_attempt_reads_back_from_its_cookie_and_junk_does_not() {
        let a = Attempt::new();
        assert_eq!(Attempt::from_cookie(&a.to_cookie()), Some(a.clone()));
        for junk in ["", "a.b", "x.y.z", "ab.cd.ef.01", "ab..cd"] {
            assert_eq!(Attempt::from_cookie(junk), None, "{junk}");
        }
        // RFC 7636 appendix B: the challenge of its verifier.
        let rfc = Attempt {
            state: String::new(),
            nonce: String::new(),
            verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".to_owned(),
        };
        assert_eq!(
            rfc.challenge(),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn only_https_or_this_machine_is_a_provider() {
        assert!(acceptable_url("https://accounts.google.com"));
        assert!(acceptable_url("http://127.0.0.1:8080/realms/becws"));
        assert!(acceptable_url("http://localhost:9000"));
        assert!(!acceptable_url("http://id.becws.example"));
        assert!(!acceptable_url("ftp://id.becws.example"));
        assert!(!acceptable_url("not a url"));
    }
}
