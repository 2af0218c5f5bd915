//! Passwords, secrets and tokens: argon2id for passwords, SHA-256 for random secrets
//! (session cookies and API tokens are 256-bit random, so a fast hash is enough and lets the
//! store look them up by hash).

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use sha2::{Digest, Sha256};

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest password accepted (argon2 takes any length; this bounds the work per request).
pub const MAX_PASSWORD_CHARS: usize = 512;

/// Checks a new password's length.
pub fn check_new_password(password: &str) -> Result<(), taith_domain::Issue> {
    let n = password.chars().count();
    if n == 0 {
        Err(taith_domain::Issue::Required)
    } else if n < MIN_PASSWORD_CHARS {
        Err(taith_domain::Issue::TooShort)
    } else if n > MAX_PASSWORD_CHARS {
        Err(taith_domain::Issue::TooLong)
    } else {
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

/// The argon2id PHC string of `password`, with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, HashError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// True when `password` matches the PHC string. A malformed hash never matches.
pub fn verify_password(password: &str, phc: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), phc)
        .is_ok()
}

/// A hash that matches no password, verified against when the e-mail is unknown so that
/// sign-in takes as long for unknown addresses as for known ones.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password("not a password of anyone").unwrap_or_default())
}

/// 32 random bytes as lowercase hex.
pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    // The OS random source failing is unrecoverable for a server that hands out secrets.
    if let Err(e) = getrandom::fill(&mut bytes) {
        panic!("no OS randomness: {e}");
    }
    hex(&bytes)
}

/// A new API token as shown once to its creator: `taith_` and 64 hex digits.
pub fn new_api_token() -> String {
    format!("taith_{}", random_secret())
}

/// SHA-256 of a secret, lowercase hex: what the store keeps instead of the secret.
pub fn secret_hash(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    s
}

/// Compares two secrets in time independent of where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_own_hash_only() {
        let h = hash_password("correct horse battery").unwrap_or_default();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("wrong horse battery", &h));
        assert!(!verify_password("x", "not a phc string"));
    }

    #[test]
    fn secrets_are_random_and_hash_to_hex() {
        assert_ne!(random_secret(), random_secret());
        assert_eq!(secret_hash("abc").len(), 64);
        assert!(new_api_token().starts_with("taith_"));
        assert!(constant_time_eq("abc", "abc") && !constant_time_eq("abc", "abd"));
    }
}
