//! Changing a password, and resetting a forgotten one through an e-mailed link.
//!
//! A reset is asked for with an e-mail address. The request is queued for the outbox whether
//! or not an account has the address, so the page's answer, its status and the work done on
//! the request path are the same either way; the outbox looks the account up, and sends the
//! link only when there is one (see [`crate::account::reset_mail`]). The link's secret is made
//! just before the e-mail goes out and only its hash is stored. It works once, for
//! [`RESET_MINUTES`] from the request; using it sets the password and signs the account out
//! everywhere.

use crate::account::secrets::{
    HashError, check_new_password, hash_password, secret_hash, verify_password,
};
use crate::invitations::outbox::Outbox;
use taith_domain::{Email, Issue, Locale, PasswordResetId, User, UserId, ValidationErrors};
use taith_store::{NewPasswordReset, Store, StoreError};
use time::OffsetDateTime;

/// How long a reset link works, counted from the request.
pub const RESET_MINUTES: i64 = 30;

/// Reset e-mails one address gets in an hour at most; further requests are dropped quietly.
pub const RESET_MAILS_PER_HOUR: u64 = 3;

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    /// Each field's problem: `current_password` (`Invalid`: not the password), `password`,
    /// `password_confirm`.
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    /// The reset link does not work: unknown, used, voided or expired.
    #[error("the reset link does not work (any more)")]
    DeadLink,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Hash(#[from] HashError),
}

/// A new password, typed twice.
#[derive(Debug, Clone, Default)]
pub struct NewPassword {
    pub password: String,
    pub confirm: String,
}

impl NewPassword {
    fn check(&self, e: &mut ValidationErrors) {
        e.check("password", check_new_password(&self.password));
        if self.password != self.confirm {
            e.push("password_confirm", Issue::Mismatch);
        }
    }
}

/// Changes `user`'s password, given the current one. Every other session of theirs ends; the
/// asking browser's (hash `keep`) stays signed in. Unused reset links stop working.
pub async fn change(
    store: &dyn Store,
    user: &User,
    current: &str,
    new: &NewPassword,
    keep: &str,
) -> Result<(), PasswordError> {
    let mut e = ValidationErrors::default();
    let stored = store.user_credentials(&user.email).await?;
    if current.is_empty() {
        e.push("current_password", Issue::Required);
    } else if !verify_password(current, &stored.password_hash) {
        e.push("current_password", Issue::Invalid);
    }
    new.check(&mut e);
    if !e.is_empty() {
        return Err(e.into());
    }
    let hash = hash_password(&new.password)?;
    store.replace_password(user.id, &hash, Some(keep)).await?;
    Ok(())
}

/// Sets `email`'s password without the old one (the operator's `taith user set-password`).
/// Every session of the account ends.
pub async fn set_by_operator(
    store: &dyn Store,
    email: &Email,
    password: &str,
) -> Result<UserId, PasswordError> {
    check_new_password(password).map_err(|i| ValidationErrors::one("password", i))?;
    let user = store.user_credentials(email).await?.user.id;
    let hash = hash_password(password)?;
    store.replace_password(user, &hash, None).await?;
    Ok(user)
}

/// Asks for a reset link to be e-mailed to `email`, in `locale` unless the account has a
/// language of its own. Only a malformed address is an error; known or not, the answer is
/// the same. Without mail set up nothing is queued (and the answer is still the same).
pub async fn request_reset(
    store: &dyn Store,
    outbox: &Outbox,
    email: &str,
    locale: Locale,
    now: OffsetDateTime,
) -> Result<(), PasswordError> {
    let email = Email::parse(email).map_err(|i| ValidationErrors::one("email", i))?;
    if !outbox.enabled() {
        tracing::warn!("a password reset was asked for, but no mail is set up (--smtp-url)");
        return Ok(());
    }
    store
        .request_password_reset(&NewPasswordReset {
            id: PasswordResetId::new(),
            email,
            locale,
            requested_at: now,
            expires_at: now + time::Duration::minutes(RESET_MINUTES),
        })
        .await?;
    outbox.wake();
    Ok(())
}

/// Whether the reset link with this secret works at `now`.
pub async fn reset_link_works(
    store: &dyn Store,
    secret: &str,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    match store.password_reset_user(&secret_hash(secret), now).await {
        Ok(_) => Ok(true),
        Err(StoreError::NotFound) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Sets a new password through the reset link with this secret, which then stops working;
/// every session of the account ends, and its other links stop working too.
pub async fn reset(
    store: &dyn Store,
    secret: &str,
    new: &NewPassword,
    now: OffsetDateTime,
) -> Result<UserId, PasswordError> {
    let mut e = ValidationErrors::default();
    new.check(&mut e);
    if !e.is_empty() {
        return Err(e.into());
    }
    let token_hash = secret_hash(secret);
    // Refuse a dead link before the costly hashing; using it below decides for good.
    if !reset_link_works(store, secret, now).await? {
        return Err(PasswordError::DeadLink);
    }
    let hash = hash_password(&new.password)?;
    match store.use_password_reset(&token_hash, &hash, now).await {
        Ok(user) => Ok(user),
        Err(StoreError::NotFound) => Err(PasswordError::DeadLink),
        Err(e) => Err(e.into()),
    }
}
