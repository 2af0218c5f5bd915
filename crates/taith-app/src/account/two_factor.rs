//! Two-factor sign-in: enrolling an authenticator app (TOTP, RFC 6238), signing in with its
//! code or a recovery code, turning it off, and a workspace's requirement of it.
//!
//! - Enrolment: [`begin`] makes a secret and shows it; [`confirm`] takes the first code and
//!   answers the recovery codes, shown once (only their SHA-256 hashes are kept).
//! - Sign-in: after the password, a session of an enrolled person waits for the second factor
//!   ([`crate::account::sessions::start`]); [`complete`] checks a code and lets it in. A code is
//!   accepted once (its step is recorded atomically, so not twice even on two nodes); a
//!   recovery code once. Recovery codes are compared with the stored hashes in constant time.
//! - [`disable`] takes a current code or the password.
//! - [`set_required`]: an owner requires a second factor of the workspace's members; a member
//!   without one reaches only the enrolment page until enrolled. API tokens are not people and
//!   are not affected.

use crate::account::secrets::{constant_time_eq, secret_hash, verify_password};
use taith_domain::two_factor::{
    Code, RECOVERY_BYTES, RECOVERY_CODES, SECRET_BYTES, TotpSecret, normalize_recovery_code,
    recovery_code,
};
use taith_domain::{Action, Issue, Principal, User, UserId, ValidationErrors, WorkspaceId};
use taith_store::{Store, StoreError};
use time::OffsetDateTime;

/// The name authenticator apps show for the account.
pub const ISSUER: &str = "taith";

#[derive(Debug, thiserror::Error)]
pub enum TwoFactorError {
    /// The field's problem: `code` (`Invalid`: wrong, used or expired), `password`.
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    /// Two-factor sign-in is on already (turn it off first), or not begun.
    #[error("two-factor sign-in is not in the state this needs")]
    WrongState,
    /// Only the workspace's owners may change this.
    #[error("only owners may do this")]
    Forbidden,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The secret being enrolled, as shown to its owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolment {
    /// Base32 in groups of four, to type into an app by hand.
    pub key: String,
    /// The `otpauth://` URI, for apps that take a link.
    pub uri: String,
}

/// Where a person's two-factor sign-in stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Off,
    /// Begun, waiting for the first code.
    Pending(Enrolment),
    /// On, with this many recovery codes not yet used.
    On {
        recovery_left: usize,
    },
}

fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // The OS random source failing is unrecoverable for a server that hands out secrets.
    if let Err(e) = getrandom::fill(&mut bytes) {
        panic!("no OS randomness: {e}");
    }
    bytes
}

fn enrolment(secret: &TotpSecret, user: &User) -> Enrolment {
    Enrolment {
        key: secret.grouped(),
        uri: secret.otpauth_uri(ISSUER, user.email.as_str()),
    }
}

fn unix(now: OffsetDateTime) -> i64 {
    now.unix_timestamp()
}

/// Whether `user` signs in with a second factor.
pub async fn is_enrolled(store: &dyn Store, user: UserId) -> Result<bool, StoreError> {
    Ok(store
        .two_factor(user)
        .await?
        .is_some_and(|t| t.confirmed_at.is_some()))
}

/// Where `user`'s two-factor sign-in stands.
pub async fn status(store: &dyn Store, user: &User) -> Result<Status, StoreError> {
    match store.two_factor(user.id).await? {
        None => Ok(Status::Off),
        Some(t) if t.confirmed_at.is_some() => Ok(Status::On {
            recovery_left: store.unused_recovery_hashes(user.id).await?.len(),
        }),
        Some(t) => match TotpSecret::from_base32(&t.secret) {
            Some(secret) => Ok(Status::Pending(enrolment(&secret, user))),
            None => Err(StoreError::internal("a stored TOTP secret is not base32")),
        },
    }
}

/// Starts enrolling a new secret (replacing one begun and not confirmed).
pub async fn begin(
    store: &dyn Store,
    user: &User,
    now: OffsetDateTime,
) -> Result<Enrolment, TwoFactorError> {
    let secret = TotpSecret::from_bytes(random::<SECRET_BYTES>());
    if !store
        .begin_two_factor(user.id, &secret.to_base32(), now)
        .await?
    {
        return Err(TwoFactorError::WrongState);
    }
    Ok(enrolment(&secret, user))
}

fn bad_code() -> TwoFactorError {
    ValidationErrors::one("code", Issue::Invalid).into()
}

/// Confirms the enrolment with the app's first code; answers the recovery codes, which are
/// shown this once.
pub async fn confirm(
    store: &dyn Store,
    user: &User,
    code: &str,
    now: OffsetDateTime,
) -> Result<Vec<String>, TwoFactorError> {
    let Some(t) = store.two_factor(user.id).await? else {
        return Err(TwoFactorError::WrongState);
    };
    if t.confirmed_at.is_some() {
        return Err(TwoFactorError::WrongState);
    }
    let secret = TotpSecret::from_base32(&t.secret)
        .ok_or_else(|| StoreError::internal("a stored TOTP secret is not base32"))?;
    let code = Code::parse(code).ok_or_else(bad_code)?;
    let step = secret
        .verify(code, unix(now), t.last_step)
        .ok_or_else(bad_code)?;
    let codes: Vec<String> = (0..RECOVERY_CODES)
        .map(|_| recovery_code(&random::<RECOVERY_BYTES>()))
        .collect();
    let hashes: Vec<String> = codes.iter().map(|c| secret_hash(c)).collect();
    match store.confirm_two_factor(user.id, step, &hashes, now).await {
        Ok(()) => Ok(codes),
        // Confirmed in another tab meanwhile.
        Err(StoreError::NotFound) => Err(TwoFactorError::WrongState),
        Err(e) => Err(e.into()),
    }
}

/// Whether `input` is a current TOTP code of `user` (not used before) or one of their unused
/// recovery codes; using it uses it up.
pub async fn check_code(
    store: &dyn Store,
    user: UserId,
    input: &str,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let Some(t) = store.two_factor(user).await? else {
        return Ok(false);
    };
    if t.confirmed_at.is_none() {
        return Ok(false);
    }
    if let Some(code) = Code::parse(input) {
        let secret = TotpSecret::from_base32(&t.secret)
            .ok_or_else(|| StoreError::internal("a stored TOTP secret is not base32"))?;
        return match secret.verify(code, unix(now), t.last_step) {
            Some(step) => store.use_totp_step(user, step).await,
            None => Ok(false),
        };
    }
    let Some(recovery) = normalize_recovery_code(input) else {
        return Ok(false);
    };
    let typed = secret_hash(&recovery);
    // Compare with every unused hash, in constant time each, not by a lookup.
    let mut matched = None;
    for stored in store.unused_recovery_hashes(user).await? {
        if constant_time_eq(&typed, &stored) && matched.is_none() {
            matched = Some(stored);
        }
    }
    match matched {
        Some(hash) => store.use_recovery_code(user, &hash, now).await,
        None => Ok(false),
    }
}

/// Completes the waiting session (hash `session`) of `user` with a code or a recovery code.
pub async fn complete(
    store: &dyn Store,
    user: UserId,
    session: &str,
    code: &str,
    now: OffsetDateTime,
) -> Result<(), TwoFactorError> {
    if !check_code(store, user, code, now).await? {
        return Err(bad_code());
    }
    store.complete_second_factor(session).await?;
    Ok(())
}

/// Turns two-factor sign-in off, given a current code (or recovery code) or the password.
pub async fn disable(
    store: &dyn Store,
    user: &User,
    code: &str,
    password: &str,
    now: OffsetDateTime,
) -> Result<(), TwoFactorError> {
    let by_password = !password.is_empty() && {
        let stored = store.user_credentials(&user.email).await?;
        verify_password(password, &stored.password_hash)
    };
    let by_code =
        !by_password && !code.trim().is_empty() && check_code(store, user.id, code, now).await?;
    if !by_password && !by_code {
        let mut e = ValidationErrors::default();
        if password.is_empty() && code.trim().is_empty() {
            e.push("code", Issue::Required);
        } else if !password.is_empty() {
            e.push("password", Issue::Invalid);
        } else {
            e.push("code", Issue::Invalid);
        }
        return Err(e.into());
    }
    store.remove_two_factor(user.id).await?;
    Ok(())
}

/// Turns a person's two-factor sign-in off without a code, for someone who lost both their
/// authenticator and their recovery codes (the operator's `taith user reset-two-factor`, run
/// by whoever runs the server after checking who is asking), and signs out every browser
/// signed in as them, half-signed-in ones included. NotFound: no account has the address.
/// Answers whether it was on.
pub async fn reset_by_operator(
    store: &dyn Store,
    email: &taith_domain::Email,
) -> Result<bool, StoreError> {
    let user = store.user_credentials(email).await?.user.id;
    let was_on = store.two_factor(user).await?.is_some();
    store.remove_two_factor(user).await?;
    // No session's hash is empty: every session goes.
    store.delete_other_sessions(user, "").await?;
    Ok(was_on)
}

/// Whether the workspace requires a second factor of its members.
pub async fn required(store: &dyn Store, ws: WorkspaceId) -> Result<bool, StoreError> {
    store.requires_two_factor(ws).await
}

/// An owner requires (or stops requiring) a second factor of the workspace's members.
pub async fn set_required(
    store: &dyn Store,
    ws: WorkspaceId,
    principal: &Principal,
    required: bool,
) -> Result<(), TwoFactorError> {
    if !principal.may(Action::ManageSecurity) {
        return Err(TwoFactorError::Forbidden);
    }
    store.set_requires_two_factor(ws, required).await?;
    Ok(())
}

/// Whether `user` must enrol before reaching anything of `ws`.
pub async fn must_enrol(
    store: &dyn Store,
    ws: WorkspaceId,
    user: UserId,
) -> Result<bool, StoreError> {
    store.must_enrol_two_factor(ws, user).await
}
