//! Reading inbound e-mail: `taith_app::mail_in::parse::parse` on arbitrary bytes, as the
//! inbound endpoint and the SMTP receiver hand it a message.
//!
//! Properties, besides never panicking:
//! - a message over the size cap is refused as too large;
//! - a message read has a sender that is an e-mail address, a subject and body within the
//!   conversations' lengths, ids without brackets or blanks, and attachments kept only within
//!   the caps (each and per message);
//! - reading is deterministic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use taith_app::mail_in::parse::{
    MAX_ATTACHMENT_BYTES, MAX_KEPT_BYTES_PER_MESSAGE, MAX_MESSAGE_BYTES, Malformed, parse,
};
use taith_domain::conversation::{MAX_BODY_CHARS, MAX_SUBJECT_CHARS};

fuzz_target!(|data: &[u8]| {
    let got = parse(data);
    if data.len() > MAX_MESSAGE_BYTES {
        assert_eq!(got, Err(Malformed::TooLarge));
        return;
    }
    assert_eq!(got, parse(data), "reading is deterministic");
    let Ok(mail) = got else { return };
    assert!(taith_domain::Email::parse(mail.from.as_str()).is_ok());
    assert!(mail.subject.chars().count() <= MAX_SUBJECT_CHARS);
    assert!(mail.body.chars().count() <= MAX_BODY_CHARS);
    for id in mail
        .message_id
        .iter()
        .chain(&mail.in_reply_to)
        .chain(&mail.references)
    {
        assert!(!id.is_empty());
        assert!(!id.starts_with('<') && !id.ends_with('>'), "{id:?}");
        assert!(!id.contains(char::is_whitespace), "{id:?}");
    }
    let mut kept = 0usize;
    for a in &mail.attachments {
        if let Some(c) = &a.content {
            assert!(c.len() <= MAX_ATTACHMENT_BYTES);
            assert_eq!(c.len() as u64, a.size);
            kept += c.len();
        }
    }
    assert!(kept <= MAX_KEPT_BYTES_PER_MESSAGE);
    assert!(mail.thread_ids().len() <= 50);
});
