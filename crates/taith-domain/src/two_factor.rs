//! Two-factor sign-in: time-based one-time passwords (RFC 6238, on HOTP of RFC 4226) and
//! single-use recovery codes. Pure rules; the random bytes come from the caller.
//!
//! - A secret is 20 bytes (160 bits, as RFC 4226 recommends), shown as unpadded base32 and
//!   in an `otpauth://totp/` URI for authenticator apps.
//! - A code is 6 digits of HMAC-SHA1 over the 30-second step since the Unix epoch. The step
//!   before and after the current one are accepted too (clocks drift), and a step at or before
//!   the last one used is refused, so a code cannot be replayed.
//! - A recovery code is 10 base32 characters (50 bits) shown as `xxxxx-xxxxx`; typing ignores
//!   case, spaces and hyphens.

use hmac::{KeyInit as _, Mac as _};

/// Bytes in a TOTP secret.
pub const SECRET_BYTES: usize = 20;
/// Seconds in one TOTP step.
pub const STEP_SECONDS: i64 = 30;
/// Digits in a code.
pub const DIGITS: u32 = 6;
/// Steps either side of the current one that are accepted.
pub const SKEW_STEPS: i64 = 1;
/// Recovery codes made at enrolment.
pub const RECOVERY_CODES: usize = 10;
/// Random bytes behind one recovery code (50 bits are used).
pub const RECOVERY_BYTES: usize = 7;

const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// A TOTP secret.
#[derive(Clone, PartialEq, Eq)]
pub struct TotpSecret([u8; SECRET_BYTES]);

impl std::fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TotpSecret(…)")
    }
}

impl TotpSecret {
    pub fn from_bytes(bytes: [u8; SECRET_BYTES]) -> TotpSecret {
        TotpSecret(bytes)
    }

    /// Unpadded base32 (RFC 4648), as authenticator apps take it: 32 characters.
    pub fn to_base32(&self) -> String {
        base32(&self.0)
    }

    /// The secret from its base32 (case and spaces ignored); None unless it is 20 bytes.
    pub fn from_base32(text: &str) -> Option<TotpSecret> {
        let bytes = from_base32(text)?;
        Some(TotpSecret(bytes.try_into().ok()?))
    }

    /// The base32 in groups of four, easier to type by hand.
    pub fn grouped(&self) -> String {
        let b = self.to_base32();
        b.as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The `otpauth://totp/` URI an authenticator app reads (Key Uri Format).
    pub fn otpauth_uri(&self, issuer: &str, account: &str) -> String {
        let label = format!("{}:{}", percent(issuer), percent(account));
        format!(
            "otpauth://totp/{label}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
            self.to_base32(),
            percent(issuer)
        )
    }

    /// The code for `step` (RFC 4226's HOTP with the step as counter).
    pub fn code_at_step(&self, step: i64) -> u32 {
        hotp(&self.0, step.max(0) as u64, DIGITS)
    }

    /// The step of a code typed at `unix_seconds` that matches, trying the current step first
    /// and then its neighbours, skipping steps at or before `last_used`; None when none does.
    /// Every candidate is computed and compared, so the time taken does not tell which matched.
    pub fn verify(&self, code: Code, unix_seconds: i64, last_used: Option<i64>) -> Option<i64> {
        let now = step_of(unix_seconds);
        let mut found = None;
        for step in [now, now - SKEW_STEPS, now + SKEW_STEPS] {
            let matches = constant_time_eq_u32(self.code_at_step(step), code.0);
            let fresh = last_used.is_none_or(|l| step > l);
            if matches && fresh && found.is_none() {
                found = Some(step);
            }
        }
        found
    }
}

/// The TOTP step that `unix_seconds` falls in.
pub fn step_of(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// A six-digit code as typed (spaces allowed between digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code(u32);

impl Code {
    pub fn parse(input: &str) -> Option<Code> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() != DIGITS as usize || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok().map(Code)
    }

    pub fn value(self) -> u32 {
        self.0
    }
}

/// HOTP (RFC 4226): HMAC-SHA1 of the counter, dynamically truncated to `digits` digits.
pub fn hotp(key: &[u8], counter: u64, digits: u32) -> u32 {
    // HMAC takes a key of any length: new_from_slice cannot fail for it.
    let Ok(mut mac) = hmac::Hmac::<sha1::Sha1>::new_from_slice(key) else {
        return u32::MAX;
    };
    mac.update(&counter.to_be_bytes());
    let h = mac.finalize().into_bytes();
    let offset = usize::from(h[h.len() - 1] & 0x0f);
    let bin = (u32::from(h[offset]) & 0x7f) << 24
        | u32::from(h[offset + 1]) << 16
        | u32::from(h[offset + 2]) << 8
        | u32::from(h[offset + 3]);
    bin % 10u32.pow(digits)
}

fn constant_time_eq_u32(a: u32, b: u32) -> bool {
    let x = a ^ b;
    // Fold every bit into one without a data-dependent branch.
    std::hint::black_box(x) == 0
}

/// A recovery code from its random bytes: 10 lowercase base32 characters, `xxxxx-xxxxx`.
pub fn recovery_code(bytes: &[u8; RECOVERY_BYTES]) -> String {
    let b = base32(bytes).to_ascii_lowercase();
    let ten: String = b.chars().take(10).collect();
    format!("{}-{}", &ten[..5], &ten[5..])
}

/// A typed recovery code in the form it was shown (`xxxxx-xxxxx`), whatever the case, spaces
/// or hyphens; None when it cannot be one.
pub fn normalize_recovery_code(input: &str) -> Option<String> {
    let chars: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let ok = chars.len() == 10
        && chars
            .bytes()
            .all(|b| BASE32.contains(&b.to_ascii_uppercase()));
    ok.then(|| format!("{}-{}", &chars[..5], &chars[5..]))
}

fn base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(BASE32[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(BASE32[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

fn from_base32(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let c = c.to_ascii_uppercase() as u8;
        let v = BASE32.iter().position(|&x| x == c)? as u32;
        buffer = ((buffer << 5) | v) & 0xffff;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xff) as u8);
        }
    }
    Some(out)
}

/// Percent-encodes all but unreserved characters (RFC 3986), for the otpauth label.
fn percent(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B: the SHA-1 key is "12345678901234567890"; 8-digit codes.
    #[test]
    fn rfc_6238_appendix_b_sha1_vectors() {
        let key = b"12345678901234567890";
        for (time, expected) in [
            (59_i64, 94_287_082_u32),
            (1_111_111_109, 7_081_804),
            (1_111_111_111, 14_050_471),
            (1_234_567_890, 89_005_924),
            (2_000_000_000, 69_279_037),
            (20_000_000_000, 65_353_130),
        ] {
            assert_eq!(hotp(key, step_of(time) as u64, 8), expected, "T = {time}");
        }
        // The six-digit code is the last six of those digits.
        let secret = TotpSecret::from_bytes(*key);
        assert_eq!(secret.code_at_step(step_of(59)), 287_082);
        assert_eq!(
            secret.to_base32(),
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
            "RFC 4648 base32 of the key"
        );
        assert_eq!(
            TotpSecret::from_base32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"),
            Some(secret)
        );
    }

    #[test]
    fn a_code_matches_its_step_and_the_neighbours_once_each() {
        let secret = TotpSecret::from_bytes([7; SECRET_BYTES]);
        let t = 1_700_000_000;
        let now = step_of(t);
        let code = Code::parse(&format!("{:06}", secret.code_at_step(now))).unwrap();
        assert_eq!(secret.verify(code, t, None), Some(now));
        // Used: the same step is refused (replay).
        assert_eq!(secret.verify(code, t, Some(now)), None);
        // A code of the step before still works 30 s later, not 60 s later.
        assert_eq!(secret.verify(code, t + 30, None), Some(now));
        assert_eq!(secret.verify(code, t + 60, None), None);
        assert_eq!(secret.verify(code, t - 30, None), Some(now));
        let wrong = Code::parse(&format!("{:06}", (code.value() + 1) % 1_000_000)).unwrap();
        assert_eq!(secret.verify(wrong, t, None), None);
    }

    #[test]
    fn codes_parse_from_six_digits_only() {
        assert_eq!(Code::parse(" 123 456 ").map(Code::value), Some(123_456));
        assert_eq!(Code::parse("012345").map(Code::value), Some(12_345));
        assert_eq!(Code::parse("12345"), None);
        assert_eq!(Code::parse("1234567"), None);
        assert_eq!(Code::parse("12a456"), None);
        assert_eq!(Code::parse("١٢٣٤٥٦"), None);
    }

    #[test]
    fn recovery_codes_read_back_whatever_the_typing() {
        let code = recovery_code(&[0xff, 0, 0x12, 0x34, 0x56, 0x78, 0x9a]);
        assert_eq!(code.len(), 11);
        assert_eq!(normalize_recovery_code(&code), Some(code.clone()));
        let typed = code.replace('-', " ").to_uppercase();
        assert_eq!(normalize_recovery_code(&typed), Some(code));
        assert_eq!(normalize_recovery_code("abc"), None);
        assert_eq!(normalize_recovery_code("11111-11111"), None);
    }

    #[test]
    fn the_uri_names_the_issuer_and_account() {
        let secret = TotpSecret::from_bytes(*b"12345678901234567890");
        assert_eq!(
            secret.otpauth_uri("taith demo", "ana@example.com"),
            "otpauth://totp/taith%20demo:ana%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=taith%20demo&algorithm=SHA1&digits=6&period=30"
        );
        assert_eq!(secret.grouped().len(), 32 + 7);
    }
}
