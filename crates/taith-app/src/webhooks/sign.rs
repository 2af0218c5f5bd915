//! Secrets and signatures of the Standard Webhooks specification, and the bodies each kind of
//! endpoint is sent.
//!
//! - A secret is `whsec_` and the base64 of 32 random bytes; those bytes are the HMAC key.
//! - The signature of a message is `v1,` and the base64 of HMAC-SHA256 over
//!   `"{webhook-id}.{webhook-timestamp}.{body}"`; several signatures (the new and the
//!   previous secret's, during the day after a rotation) are separated by spaces.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use hmac::{KeyInit as _, Mac as _};
use serde_json::{Value, json};
use taith_domain::EventType;
use time::OffsetDateTime;

/// The prefix of every secret.
pub const SECRET_PREFIX: &str = "whsec_";

/// A new endpoint secret.
pub fn new_secret() -> Result<String, getrandom::Error> {
    let mut key = [0u8; 32];
    getrandom::fill(&mut key)?;
    Ok(format!("{SECRET_PREFIX}{}", B64.encode(key)))
}

/// The HMAC key of a secret (`whsec_` stripped, base64 decoded); None for a malformed one.
pub fn key_of(secret: &str) -> Option<Vec<u8>> {
    B64.decode(secret.strip_prefix(SECRET_PREFIX).unwrap_or(secret))
        .ok()
        .filter(|k| !k.is_empty())
}

/// `v1,<base64 signature>` of one message with one secret.
pub fn signature(secret: &str, id: &str, timestamp: i64, body: &[u8]) -> Option<String> {
    let key = key_of(secret)?;
    let timestamp = timestamp.to_string();
    let mac = hmac_sha256(
        &key,
        &[id.as_bytes(), b".", timestamp.as_bytes(), b".", body],
    )?;
    Some(format!("v1,{}", B64.encode(mac)))
}

/// HMAC-SHA256 of `parts` (concatenated) with `key`; None for an empty key. Shared by the
/// webhook signatures and the inbound e-mail's `X-Taith-Signature`.
pub fn hmac_sha256(key: &[u8], parts: &[&[u8]]) -> Option<Vec<u8>> {
    if key.is_empty() {
        return None;
    }
    let mut mac = hmac::Hmac::<sha2_next::Sha256>::new_from_slice(key).ok()?;
    for p in parts {
        mac.update(p);
    }
    Some(mac.finalize().into_bytes().to_vec())
}

/// Whether `expected` is the HMAC-SHA256 of `body` with `key`, compared in constant time.
pub fn hmac_sha256_verify(key: &[u8], body: &[u8], expected: &[u8]) -> bool {
    if key.is_empty() {
        return false;
    }
    match hmac::Hmac::<sha2_next::Sha256>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(body);
            mac.verify_slice(expected).is_ok()
        }
        Err(_) => false,
    }
}

/// The `webhook-signature` header: one signature per secret that signs now.
pub fn signature_header<'a>(
    secrets: impl IntoIterator<Item = &'a str>,
    id: &str,
    timestamp: i64,
    body: &[u8],
) -> String {
    secrets
        .into_iter()
        .filter_map(|s| signature(s, id, timestamp, body))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The body of a standard endpoint: `{"type", "timestamp", "data"}`.
pub fn standard_body(event_type: EventType, at: OffsetDateTime, data: &Value) -> Value {
    let timestamp = at
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    json!({ "type": event_type.as_str(), "timestamp": timestamp, "data": data })
}

fn field<'a>(data: &'a Value, key: &str) -> &'a str {
    data.get(key).and_then(Value::as_str).unwrap_or("")
}

fn number(data: &Value, key: &str) -> Option<f64> {
    data.get(key).and_then(Value::as_f64)
}

/// Escapes what Slack's mrkdwn reads as markup (`&`, `<`, `>`), so a customer's comment or a
/// rule's name cannot forge a link or a mention.
fn mrkdwn(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// One line saying what happened, for a chat channel.
pub fn summary(event_type: EventType, data: &Value) -> String {
    let value = |k: &str| {
        number(data, k)
            .map(|v| format!("{v:.1}"))
            .unwrap_or_else(|| "–".to_owned())
    };
    match event_type {
        EventType::AlertFired => format!(
            "Alert fired: {} ({} {}, previous period {}, n = {})",
            field(data, "rule_name"),
            field(data, "metric"),
            value("value"),
            value("previous"),
            data.get("n").and_then(Value::as_u64).unwrap_or(0),
        ),
        EventType::AlertCleared => format!(
            "Alert cleared: {} ({} {})",
            field(data, "rule_name"),
            field(data, "metric"),
            value("value"),
        ),
        EventType::ResponseCreated => {
            let comment = field(data, "comment");
            let score = data
                .get("score")
                .and_then(Value::as_i64)
                .unwrap_or_default();
            if comment.is_empty() {
                format!("New response: score {score}")
            } else {
                format!("New response: score {score} — “{comment}”")
            }
        }
        EventType::FeatureRequestStatusChanged => format!(
            "Feature request “{}” is now {}",
            field(data, "title"),
            field(data, "status").replace('_', " "),
        ),
        EventType::CaseOpened => format!("Case opened: {}", field(data, "title")),
        EventType::CaseUpdated => format!("Case updated: {}", field(data, "title")),
    }
}

/// The body of a Slack-compatible endpoint: `{"text", "blocks"}` (Slack, Mattermost and
/// Rocket.Chat read `text`; Slack shows `blocks`).
pub fn slack_body(event_type: EventType, data: &Value) -> Value {
    let text = mrkdwn(&summary(event_type, data));
    json!({
        "text": text,
        "blocks": [
            { "type": "section", "text": { "type": "mrkdwn", "text": text } },
            { "type": "context", "elements": [
                { "type": "mrkdwn", "text": format!("taith · `{}`", event_type.as_str()) }
            ] }
        ]
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_signature_matches_the_specifications_example() {
        // The example of the Standard Webhooks reference libraries.
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let body = br#"{"test": 2432232314}"#;
        let sig = signature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body).unwrap();
        assert_eq!(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    #[test]
    fn a_new_secret_is_prefixed_and_decodes_to_32_bytes() {
        let s = new_secret().unwrap();
        assert!(s.starts_with(SECRET_PREFIX));
        assert_eq!(key_of(&s).unwrap().len(), 32);
        assert_ne!(s, new_secret().unwrap());
    }

    #[test]
    fn slack_text_cannot_carry_markup() {
        let body = slack_body(
            EventType::ResponseCreated,
            &json!({"score": 2, "comment": "<!channel> <http://x|y>"}),
        );
        let text = body["text"].as_str().unwrap();
        assert!(!text.contains('<'), "{text}");
    }
}
