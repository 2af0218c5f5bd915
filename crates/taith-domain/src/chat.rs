//! Web chat: a visitor writes from the widget's chat tab on the business's site. The bot
//! answers from the help centre; a person takes over in the inbox. What the visitor holds is
//! a [`ChatToken`], the only key to their chat (the link is theirs alone, as an unsubscribe
//! link is).

use crate::text::strip_controls;
use crate::{ChatSessionId, ConversationId, Email, Issue, Locale, ValidationErrors};
use time::OffsetDateTime;

/// The longest message a visitor writes, in characters: a chat line, not a letter (and no
/// longer than a question the FAQ bot reads, `bot::MAX_QUESTION_CHARS`).
pub const MAX_MESSAGE_CHARS: usize = 500;
/// Length of a token: 32 random bytes in lower-case hex.
pub const TOKEN_LEN: usize = 64;

/// The secret a visitor's chat is reached by. Only its hash is stored.
#[derive(Clone, PartialEq, Eq)]
pub struct ChatToken(String);

impl ChatToken {
    /// A token from the path: exactly [`TOKEN_LEN`] lower-case hex digits.
    pub fn parse(s: &str) -> Option<ChatToken> {
        (s.len() == TOKEN_LEN
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
        .then(|| ChatToken(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for ChatToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A token is a key: never in a log line.
        f.write_str("ChatToken(…)")
    }
}

/// A visitor's message, checked: trimmed, control characters removed (line breaks kept),
/// never empty, at most [`MAX_MESSAGE_CHARS`].
pub fn parse_message(raw: &str) -> Result<String, ValidationErrors> {
    let kept: String = raw
        .replace("\r\n", "\n")
        .split('\n')
        .map(strip_controls)
        .collect::<Vec<_>>()
        .join("\n");
    let body = kept.trim();
    if body.is_empty() {
        Err(ValidationErrors::one("body", Issue::Required))
    } else if body.chars().count() > MAX_MESSAGE_CHARS {
        Err(ValidationErrors::one("body", Issue::TooLong))
    } else {
        Ok(body.to_owned())
    }
}

/// The address a visitor leaves for the answer to come by e-mail.
pub fn parse_email(raw: &str) -> Result<Email, ValidationErrors> {
    match raw.trim() {
        "" => Err(ValidationErrors::one("email", Issue::Required)),
        s => Email::parse(s).map_err(|i| ValidationErrors::one("email", i)),
    }
}

/// A visitor's chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatSession {
    pub id: ChatSessionId,
    /// The support conversation the chat is (there from the first message on).
    pub conversation_id: Option<ConversationId>,
    /// The visitor's language: the bot answers and the page speaks in it.
    pub locale: Locale,
    /// Where replies also go, when the visitor left an address.
    pub email: Option<Email>,
    pub created_at: OffsetDateTime,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_token_is_sixty_four_lower_case_hex_digits() {
        let t = ChatToken::parse(&"ab".repeat(32)).unwrap();
        assert_eq!(t.as_str().len(), TOKEN_LEN);
        assert_eq!(ChatToken::parse(t.as_str()), Some(t.clone()));
        assert!(ChatToken::parse(&t.as_str().to_uppercase()).is_none());
        assert!(ChatToken::parse(&t.as_str()[1..]).is_none());
        assert!(ChatToken::parse(&format!("{}g", &t.as_str()[1..])).is_none());
        assert_eq!(format!("{t:?}"), "ChatToken(…)");
    }

    #[test]
    fn a_message_keeps_its_lines_and_names_its_field_when_wrong() {
        assert_eq!(
            parse_message("  habari\r\nyako \u{7}").unwrap(),
            "habari\nyako"
        );
        let empty = parse_message(" \n ").unwrap_err();
        assert_eq!(empty.0[0].field, "body");
        assert_eq!(empty.0[0].issue, Issue::Required);
        let long = parse_message(&"a".repeat(MAX_MESSAGE_CHARS + 1)).unwrap_err();
        assert_eq!(long.0[0].issue, Issue::TooLong);
        assert_eq!(parse_email("").unwrap_err().0[0].field, "email");
        assert!(parse_email("not an address").is_err());
        assert_eq!(
            parse_email(" a@b.example ").unwrap().as_str(),
            "a@b.example"
        );
    }
}
