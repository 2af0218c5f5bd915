//! A raw RFC 5322 message read into what a conversation needs: sender, recipients, subject,
//! the ids that thread it, a plain-text body, attachments within the caps, and whether it is
//! an automatic mail that nothing may answer. Pure: no I/O, never panics (fuzzed by
//! `fuzz/fuzz_targets/mime.rs`).
//!
//! MIME is read by `mail-parser`. The body is the first `text/plain` part; failing that, the
//! first HTML part, sanitised by ammonia (scripts, styles and every attribute go) and turned
//! into text.

use mail_parser::{HeaderValue, MessageParser, MimeHeaders as _};
use taith_domain::Email;
use taith_domain::conversation::{MAX_BODY_CHARS, MAX_SUBJECT_CHARS};
use time::OffsetDateTime;

/// The largest message taken whole (headers, body and attachments, as received).
pub const MAX_MESSAGE_BYTES: usize = 25 * 1024 * 1024;
/// The largest attachment kept; a larger one is listed as "too large, not kept".
pub const MAX_ATTACHMENT_BYTES: usize = 5 * 1024 * 1024;
/// The most attachment bytes kept of one message; attachments past it are listed only.
pub const MAX_KEPT_BYTES_PER_MESSAGE: usize = 10 * 1024 * 1024;
/// Ids read from In-Reply-To and References together (the newest of References first).
const MAX_THREAD_IDS: usize = 50;
/// The longest Message-ID kept; a longer one is treated as missing.
const MAX_ID_CHARS: usize = 250;

/// Why a message was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Malformed {
    #[error("the message is larger than {MAX_MESSAGE_BYTES} bytes")]
    TooLarge,
    #[error("this is not an RFC 5322 message")]
    NotAMessage,
    #[error("the message has no usable From address")]
    NoSender,
}

/// Why nothing may answer a mail automatically (and no acknowledgement is ever sent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoReply {
    /// `Auto-Submitted` other than `no`.
    AutoSubmitted,
    /// `Precedence: bulk`, `junk`, `list` or `auto_reply`.
    Bulk,
    /// `X-Autoreply` or `X-Autorespond`.
    AutoReply,
    /// A delivery report: from MAILER-DAEMON, an empty return path, or `multipart/report`.
    Bounce,
    /// From one of the workspace's own addresses (decided by the use-case).
    OwnAddress,
}

impl NoReply {
    pub fn as_str(self) -> &'static str {
        match self {
            NoReply::AutoSubmitted => "auto_submitted",
            NoReply::Bulk => "bulk",
            NoReply::AutoReply => "auto_reply",
            NoReply::Bounce => "bounce",
            NoReply::OwnAddress => "own_address",
        }
    }
}

/// An attachment: `content` None when it was over the caps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    pub size: u64,
    pub content: Option<Vec<u8>>,
}

/// A message read.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedMail {
    pub from: Email,
    pub from_name: Option<String>,
    /// `To` and `Delivered-To` addresses, lower case.
    pub to: Vec<String>,
    /// Empty when the message has none.
    pub subject: String,
    /// Without angle brackets.
    pub message_id: Option<String>,
    pub in_reply_to: Vec<String>,
    pub references: Vec<String>,
    /// The `Date` header; shown, never trusted for ordering.
    pub date: Option<OffsetDateTime>,
    /// Plain text, at most the conversations' message length.
    pub body: String,
    pub attachments: Vec<Attachment>,
    pub no_reply: Option<NoReply>,
}

impl ParsedMail {
    /// The ids naming earlier mails of the thread, most telling first: In-Reply-To, then
    /// References from the newest.
    pub fn thread_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for id in self.in_reply_to.iter().chain(self.references.iter().rev()) {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
            if ids.len() == MAX_THREAD_IDS {
                break;
            }
        }
        ids
    }
}

/// Reads a raw message.
pub fn parse(raw: &[u8]) -> Result<ParsedMail, Malformed> {
    if raw.len() > MAX_MESSAGE_BYTES {
        return Err(Malformed::TooLarge);
    }
    let message = MessageParser::default()
        .parse(raw)
        .ok_or(Malformed::NotAMessage)?;
    if message.headers().is_empty() {
        return Err(Malformed::NotAMessage);
    }
    let sender = message.from().and_then(|a| a.first());
    let from = sender
        .and_then(|a| a.address.as_deref())
        .and_then(|a| Email::parse(a.trim()).ok())
        .ok_or(Malformed::NoSender)?;
    let from_name = sender
        .and_then(|a| a.name.as_deref())
        .map(|n| clip(n.trim(), 200))
        .filter(|n| !n.is_empty());
    let mut to: Vec<String> = message
        .to()
        .into_iter()
        .flat_map(|a| a.iter())
        .filter_map(|a| a.address.as_deref())
        .map(str::to_lowercase)
        .collect();
    for value in message.header_values("Delivered-To") {
        if let Some(text) = value.as_text() {
            to.push(text.trim().trim_matches(['<', '>']).to_lowercase());
        }
    }
    to.dedup();
    let subject = clip(message.subject().unwrap_or("").trim(), MAX_SUBJECT_CHARS);
    let message_id = message.message_id().and_then(clean_id);
    let in_reply_to = ids_of(message.in_reply_to());
    let references = ids_of(message.references());
    let date = message
        .date()
        .and_then(|d| OffsetDateTime::from_unix_timestamp(d.to_timestamp()).ok());
    let body = clip(&body_of(&message), MAX_BODY_CHARS);
    let attachments = attachments_of(&message);
    let no_reply = loop_signal(&message, &from);
    Ok(ParsedMail {
        from,
        from_name,
        to,
        subject,
        message_id,
        in_reply_to,
        references,
        date,
        body,
        attachments,
        no_reply,
    })
}

/// An id as kept: brackets and blanks stripped; None when empty or absurdly long.
fn clean_id(id: &str) -> Option<String> {
    let id = id
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim();
    (!id.is_empty() && id.chars().count() <= MAX_ID_CHARS && !id.contains(char::is_whitespace))
        .then(|| id.to_owned())
}

fn ids_of(value: &HeaderValue<'_>) -> Vec<String> {
    let raw: Vec<&str> = match value {
        HeaderValue::Text(t) => vec![t.as_ref()],
        HeaderValue::TextList(list) => list.iter().map(|t| t.as_ref()).collect(),
        _ => Vec::new(),
    };
    raw.into_iter()
        .flat_map(|t| t.split_whitespace())
        .filter_map(clean_id)
        .take(MAX_THREAD_IDS)
        .collect()
}

/// At most `max` characters of `s`.
fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => s[..cut].to_owned(),
        None => s.to_owned(),
    }
}

/// The plain-text body: the first text/plain part, else the first HTML part as text.
fn body_of(message: &mail_parser::Message<'_>) -> String {
    let plain = message
        .text_bodies()
        .find(|p| p.is_text() && !p.is_text_html())
        .and_then(|p| p.text_contents());
    if let Some(text) = plain {
        return tidy(text);
    }
    let html = message
        .html_bodies()
        .find(|p| p.is_text_html())
        .and_then(|p| p.text_contents());
    match html {
        Some(h) => html_to_text(h),
        None => String::new(),
    }
}

/// HTML sanitised by ammonia (only a few block tags kept, no attributes; scripts and styles
/// dropped with their content), then turned into lines of text.
pub fn html_to_text(html: &str) -> String {
    let blocks = [
        "p",
        "br",
        "div",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
    ];
    let clean = ammonia::Builder::empty()
        .add_tags(blocks)
        .clean(html)
        .to_string();
    let mut text = String::with_capacity(clean.len());
    let mut rest = clean.as_str();
    // ammonia's output is well formed: every `<` starts a tag (text has `&lt;`).
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            break;
        };
        let tag = rest[start + 1..start + end].trim_start_matches('/');
        let name = tag.split([' ', '/']).next().unwrap_or("");
        if blocks.contains(&name) {
            text.push('\n');
        }
        rest = &rest[start + end + 1..];
    }
    if !rest.contains('<') {
        text.push_str(rest);
    }
    let text = text
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    tidy(&text)
}

/// Lines trimmed at the end, runs of blank lines made one, the whole trimmed; CRLF to LF.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim().to_owned()
}

fn attachments_of(message: &mail_parser::Message<'_>) -> Vec<Attachment> {
    let mut kept_bytes = 0usize;
    message
        .attachments()
        .enumerate()
        .map(|(i, part)| {
            let name = part
                .attachment_name()
                .map(|n| clip(n.trim(), 200))
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| format!("attachment-{}", i + 1));
            let content_type = part
                .content_type()
                .map(|ct| match ct.subtype() {
                    Some(sub) => format!("{}/{}", ct.ctype(), sub),
                    None => ct.ctype().to_owned(),
                })
                .map(|t| clip(&t.to_lowercase(), 100))
                .unwrap_or_else(|| "application/octet-stream".to_owned());
            let bytes = part.contents();
            let fits = bytes.len() <= MAX_ATTACHMENT_BYTES
                && kept_bytes + bytes.len() <= MAX_KEPT_BYTES_PER_MESSAGE;
            let content = if fits {
                kept_bytes += bytes.len();
                Some(bytes.to_vec())
            } else {
                None
            };
            Attachment {
                name,
                content_type,
                size: bytes.len() as u64,
                content,
            }
        })
        .collect()
}

/// The header's raw value, trimmed and lower case.
fn header_lower(message: &mail_parser::Message<'_>, name: &str) -> Option<String> {
    message
        .header_raw(name)
        .map(|v| v.trim().to_ascii_lowercase())
}

fn loop_signal(message: &mail_parser::Message<'_>, from: &Email) -> Option<NoReply> {
    let local = from.as_str().split('@').next().unwrap_or("");
    let return_path_empty = header_lower(message, "Return-Path")
        .is_some_and(|v| v.trim_matches(['<', '>', ' ']).is_empty());
    let report = message.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("multipart")
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("report"))
    });
    if local.eq_ignore_ascii_case("mailer-daemon") || return_path_empty || report {
        return Some(NoReply::Bounce);
    }
    if header_lower(message, "Auto-Submitted").is_some_and(|v| {
        let v = v.split(';').next().unwrap_or("").trim();
        !v.is_empty() && v != "no"
    }) {
        return Some(NoReply::AutoSubmitted);
    }
    if header_lower(message, "Precedence")
        .is_some_and(|v| matches!(v.as_str(), "bulk" | "junk" | "list" | "auto_reply"))
    {
        return Some(NoReply::Bulk);
    }
    if message.header_raw("X-Autoreply").is_some() || message.header_raw("X-Autorespond").is_some()
    {
        return Some(NoReply::AutoReply);
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const PLAIN: &[u8] = b"From: Siwan Jones <Siwan@Example.com>\r\n\
To: becws@taith.example\r\n\
Subject: Where is my bara brith?\r\n\
Message-ID: <abc-1@example.com>\r\n\
In-Reply-To: <x1@taith.example>\r\n\
References: <x0@taith.example> <x1@taith.example>\r\n\
Date: Sun, 6 Dec 2026 10:00:00 +0000\r\n\
\r\n\
It has not arrived.\r\n";

    #[test]
    fn a_plain_mail_is_read() {
        let m = parse(PLAIN).unwrap();
        assert_eq!(m.from.as_str(), "siwan@example.com");
        assert_eq!(m.from_name.as_deref(), Some("Siwan Jones"));
        assert_eq!(m.to, vec!["becws@taith.example"]);
        assert_eq!(m.subject, "Where is my bara brith?");
        assert_eq!(m.message_id.as_deref(), Some("abc-1@example.com"));
        assert_eq!(m.in_reply_to, vec!["x1@taith.example"]);
        assert_eq!(m.references, vec!["x0@taith.example", "x1@taith.example"]);
        assert_eq!(m.thread_ids(), vec!["x1@taith.example", "x0@taith.example"]);
        assert_eq!(m.body, "It has not arrived.");
        assert!(m.date.is_some());
        assert_eq!(m.no_reply, None);
    }

    #[test]
    fn html_is_sanitised_into_text() {
        let t = html_to_text(
            "<p>Hello &amp; <b>welcome</b></p><script>alert(1)</script><p onclick=x>Bye<br>now</p>\
             <style>p{}</style><img src=x onerror=alert(2)>",
        );
        assert_eq!(t, "Hello & welcome\n\nBye\nnow");
    }

    #[test]
    fn loop_signals_are_seen() {
        let with = |h: &str| {
            let raw = format!("From: a@example.com\r\n{h}\r\nSubject: x\r\n\r\nhi\r\n");
            parse(raw.as_bytes()).unwrap().no_reply
        };
        assert_eq!(
            with("Auto-Submitted: auto-replied"),
            Some(NoReply::AutoSubmitted)
        );
        assert_eq!(with("Auto-Submitted: no"), None);
        assert_eq!(with("Precedence: bulk"), Some(NoReply::Bulk));
        assert_eq!(with("X-Autoreply: yes"), Some(NoReply::AutoReply));
        assert_eq!(with("Return-Path: <>"), Some(NoReply::Bounce));
        let daemon = parse(b"From: MAILER-DAEMON@mx.example\r\nSubject: x\r\n\r\nfail\r\n");
        assert_eq!(daemon.unwrap().no_reply, Some(NoReply::Bounce));
    }

    #[test]
    fn garbage_is_refused_without_panic() {
        assert!(parse(b"").is_err());
        assert!(parse(b"just some words\r\n").is_err());
        assert!(parse(&[0xff, 0x00, 0x13, b'\n', b':']).is_err());
        assert_eq!(
            parse(b"Subject: no sender\r\n\r\nhi").unwrap_err(),
            Malformed::NoSender
        );
    }
}
