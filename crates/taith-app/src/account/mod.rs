//! Accounts: who may sign in and the secrets that prove it, a person's own settings and
//! sessions, changing a password and resetting a forgotten one.

pub mod password;
pub mod profile;
pub mod reset_mail;
pub mod secrets;
pub mod sessions;
