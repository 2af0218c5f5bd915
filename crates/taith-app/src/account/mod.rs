//! Accounts: who may sign in, and the secrets that prove it.
pub mod secrets;
