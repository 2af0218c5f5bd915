//! Signing in and out, and a person's list of the browsers signed in as them.

use crate::account::secrets::{dummy_hash, random_secret, secret_hash, verify_password};
use taith_domain::{Email, SessionId, UserId};
use taith_store::{Session, Store, StoreError};
use time::OffsetDateTime;

/// How long a sign-in lasts.
pub const SESSION_DAYS: i64 = 14;

/// How much of a browser's `User-Agent` is kept (enough to tell browsers apart).
pub const MAX_USER_AGENT_CHARS: usize = 256;

/// The account with this e-mail address and password, if they match. An unknown address
/// costs the same password check as a known one, so the time taken tells nothing.
pub async fn authenticate(
    store: &dyn Store,
    email: &str,
    password: &str,
) -> Result<Option<UserId>, StoreError> {
    let Ok(email) = Email::parse(email) else {
        verify_password(password, dummy_hash());
        return Ok(None);
    };
    match store.user_credentials(&email).await {
        Ok(c) => Ok(verify_password(password, &c.password_hash).then_some(c.user.id)),
        Err(StoreError::NotFound) => {
            verify_password(password, dummy_hash());
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// A new session and the secret its cookie carries (the store keeps only its hash).
#[derive(Debug, Clone)]
pub struct Started {
    pub secret: String,
    pub session: Session,
}

/// Signs `user` in from a browser that said `user_agent`. With two-factor sign-in enrolled,
/// the session waits for the second factor (see [`crate::account::two_factor`]) and reaches
/// nothing else until then.
pub async fn start(
    store: &dyn Store,
    user: UserId,
    user_agent: &str,
    now: OffsetDateTime,
) -> Result<Started, StoreError> {
    let second_factor_pending = crate::account::two_factor::is_enrolled(store, user).await?;
    let secret = random_secret();
    let session = Session {
        id: SessionId::new(),
        token_hash: secret_hash(&secret),
        user_id: user,
        csrf_token: random_secret(),
        created_at: now,
        expires_at: now + time::Duration::days(SESSION_DAYS),
        user_agent: user_agent
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_USER_AGENT_CHARS)
            .collect(),
        second_factor_pending,
    };
    store.create_session(&session).await?;
    Ok(Started { secret, session })
}

/// One session in a person's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionView {
    pub id: SessionId,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    /// "Firefox on Windows", or the browser's own words when they are not recognised.
    pub browser: String,
    /// The session of the browser asking.
    pub current: bool,
}

/// `user`'s sessions, the asking browser's (its hash is `current`) first, then newest first.
pub async fn list(
    store: &dyn Store,
    user: UserId,
    current: &str,
    now: OffsetDateTime,
) -> Result<Vec<SessionView>, StoreError> {
    let mut all: Vec<SessionView> = store
        .user_sessions(user, now)
        .await?
        .into_iter()
        .map(|s| SessionView {
            id: s.id,
            created_at: s.created_at,
            expires_at: s.expires_at,
            browser: describe_user_agent(&s.user_agent),
            current: s.token_hash == current,
        })
        .collect();
    // Stable: the rest keep the store's newest-first order.
    all.sort_by_key(|s| !s.current);
    Ok(all)
}

/// Signs out one of `user`'s sessions. One already gone (expired, or signed out in another
/// tab) is no error: the person wanted it gone.
pub async fn sign_out(store: &dyn Store, user: UserId, id: SessionId) -> Result<(), StoreError> {
    match store.delete_user_session(user, id).await {
        Ok(()) | Err(StoreError::NotFound) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Signs out every session of `user` but the asking browser's (hash `current`); how many.
pub async fn sign_out_others(
    store: &dyn Store,
    user: UserId,
    current: &str,
) -> Result<u64, StoreError> {
    store.delete_other_sessions(user, current).await
}

/// A browser's `User-Agent` in a few words: the browser and the system, as far as the usual
/// tokens tell; otherwise the text itself, cut short; "" when there is none.
pub fn describe_user_agent(ua: &str) -> String {
    let ua = ua.trim();
    if ua.is_empty() {
        return String::new();
    }
    // Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari".
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("Safari/", "Safari"),
        ("curl/", "curl"),
    ]
    .into_iter()
    .find(|(token, _)| ua.contains(token))
    .map(|(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(token, _)| ua.contains(token))
    .map(|(_, name)| name);
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b} · {s}"),
        (Some(b), None) => b.to_owned(),
        (None, Some(s)) => s.to_owned(),
        (None, None) => ua.chars().take(60).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_agent_reads_as_a_browser_and_a_system() {
        let firefox =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
        assert_eq!(describe_user_agent(firefox), "Firefox · Windows");
        let edge = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0";
        assert_eq!(describe_user_agent(edge), "Edge · macOS");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        assert_eq!(describe_user_agent(iphone), "Safari · iOS");
        let android = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";
        assert_eq!(describe_user_agent(android), "Chrome · Android");
        assert_eq!(describe_user_agent(""), "");
        assert_eq!(describe_user_agent("my-script/1.0"), "my-script/1.0");
    }
}
