//! Accounts: who may sign in and the secrets that prove it, a person's own settings and
//! sessions, changing a password and resetting a forgotten one, two-factor sign-in.

pub mod oidc;
pub mod password;
pub mod profile;
pub mod reset_mail;
pub mod secrets;
pub mod sessions;
pub mod two_factor;
