//! E-mail invitations: who is asked, what a list of customers typed or uploaded means, and the
//! collection rules (throttling, unsubscribing, one reminder).
//!
//! An invitation is personal: its link names the customer, records at most one response
//! (single use), and answers given through it carry the customer. That is why an anonymous
//! survey is never sent by e-mail: it is shared by its public link, widget or kiosk instead.

use crate::{Email, InvitationId, Issue, Locale, Name, SurveyId};
use time::OffsetDateTime;

/// Reminder delay when none is given.
pub const DEFAULT_REMINDER_DAYS: u16 = 3;
/// Longest reminder delay; 0 means no reminder.
pub const MAX_REMINDER_DAYS: u16 = 60;
/// Most customers invited in one request or one pasted list, in one transaction (the CLI
/// cuts a longer file into parts of this size).
pub const MAX_INVITEES: usize = 1_000;
/// Longest customer id a business may give (the same limit as the CSV import's).
pub const MAX_EXTERNAL_ID_CHARS: usize = 200;

/// A customer to invite, as the business gave them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitee {
    pub email: Email,
    pub name: Option<Name>,
    pub locale: Option<Locale>,
    /// The business's own id for the customer.
    pub external_id: Option<String>,
}

/// Why a customer was not invited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skipped {
    /// They asked for no more e-mails from this business.
    Unsubscribed,
    /// They were invited to, or answered, this survey within its throttling period.
    Throttled,
}

impl Skipped {
    pub fn as_str(self) -> &'static str {
        match self {
            Skipped::Unsubscribed => "unsubscribed",
            Skipped::Throttled => "throttled",
        }
    }
}

/// What became of one invitee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InviteOutcome {
    Invited(InvitationId),
    Skipped(Skipped),
}

/// A stored invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: InvitationId,
    pub survey_id: SurveyId,
    pub customer_id: crate::CustomerId,
    /// The customer's language when invited (else the survey's default): the e-mail's and
    /// the survey page's.
    pub locale: Locale,
    pub created_at: OffsetDateTime,
    /// When the invitation e-mail went out; None while it waits in the outbox.
    pub sent_at: Option<OffsetDateTime>,
    /// Days after sending to remind those who have not answered; 0: no reminder.
    pub reminder_days: u16,
    pub reminded_at: Option<OffsetDateTime>,
}

impl Invitation {
    /// The idempotency key of the response its link records: a second click, a resent form
    /// or fifty concurrent ones all find the first response.
    pub fn response_key(&self) -> String {
        format!("inv-{}", self.id.as_uuid().simple())
    }

    /// When its reminder is due, if it has one still to send.
    pub fn reminder_due_at(&self) -> Option<OffsetDateTime> {
        let sent = self.sent_at?;
        if self.reminder_days == 0 || self.reminded_at.is_some() {
            return None;
        }
        Some(sent + time::Duration::days(i64::from(self.reminder_days)))
    }
}

/// Which e-mail an invitation needs next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    Invitation,
    Reminder,
}

/// The reminder delay as typed: empty gives the default.
pub fn parse_reminder_days(s: &str) -> Result<u16, Issue> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(DEFAULT_REMINDER_DAYS);
    }
    match s.parse::<u16>() {
        Ok(d) if d <= MAX_REMINDER_DAYS => Ok(d),
        Ok(_) => Err(Issue::UnknownValue),
        Err(_) => Err(Issue::Invalid),
    }
}

/// A customer id as given: trimmed, empty is none, no control characters, not too long.
pub fn parse_external_id(s: &str) -> Result<Option<String>, Issue> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.chars().count() > MAX_EXTERNAL_ID_CHARS {
        return Err(Issue::TooLong);
    }
    if s.chars().any(char::is_control) {
        return Err(Issue::Invalid);
    }
    Ok(Some(s.to_owned()))
}

/// A problem with one line of a customer list: the 1-based line, the column, the issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListError {
    pub line: usize,
    pub column: &'static str,
    pub issue: Issue,
}

/// The columns of a customer list, in order. Only `email` is required.
pub const LIST_COLUMNS: [&str; 4] = ["email", "name", "locale", "customer_id"];

/// Reads a list of customers: one per line, `email,name,locale,customer_id` (only the e-mail
/// is required; later columns may be left off), an optional header line naming those columns,
/// blank lines ignored, a BOM and CRLF accepted, quoted cells as in CSV. Every bad line is
/// reported, so a long list is fixed in one go; nothing is returned unless all are good.
pub fn parse_invitees(text: &str) -> Result<Vec<Invitee>, Vec<ListError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut invitees = Vec::new();
    let mut errors = Vec::new();
    let mut first = true;
    // By line breaks (CRLF, LF or a lone CR) before the record's first byte. The csv crate's
    // position is where the previous record ended (blank lines not yet skipped), and its own
    // line count skips blank CRLF lines.
    let line_at = |pos: Option<&::csv::Position>| {
        let bytes = text.as_bytes();
        let mut start = pos.map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        while bytes.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        1 + usize::try_from(crate::csv::line_breaks(bytes, 0, start)).unwrap_or(usize::MAX)
    };
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = line_at(e.position());
                errors.push(ListError {
                    line,
                    column: "email",
                    issue: Issue::Invalid,
                });
                continue;
            }
        };
        let line = line_at(record.position());
        let cell = |i: usize| record.get(i).unwrap_or("");
        if record.iter().all(str::is_empty) {
            continue;
        }
        if std::mem::take(&mut first) && cell(0).eq_ignore_ascii_case("email") {
            continue;
        }
        if record.len() > LIST_COLUMNS.len() {
            errors.push(ListError {
                line,
                column: "customer_id",
                issue: Issue::Invalid,
            });
            continue;
        }
        let mut fail = |column: &'static str, issue: Issue| {
            errors.push(ListError {
                line,
                column,
                issue,
            });
        };
        let email = Email::parse(cell(0)).map_err(|i| fail("email", i)).ok();
        let name = match cell(1) {
            "" => Some(None),
            n => Name::parse(n).map(Some).map_err(|i| fail("name", i)).ok(),
        };
        let locale = match cell(2) {
            "" => Some(None),
            l => Locale::from_tag(l)
                .map(Some)
                .ok_or(Issue::UnknownValue)
                .map_err(|i| fail("locale", i))
                .ok(),
        };
        let external_id = parse_external_id(cell(3))
            .map_err(|i| fail("customer_id", i))
            .ok();
        if let (Some(email), Some(name), Some(locale), Some(external_id)) =
            (email, name, locale, external_id)
        {
            invitees.push(Invitee {
                email,
                name,
                locale,
                external_id,
            });
        }
    }
    if errors.is_empty() {
        Ok(invitees)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_list_reads_with_or_without_header_bom_and_crlf() {
        let list = "\u{feff}email,name,locale,customer_id\r\n\
                    Sian@Example.com,Siân Jones,cy,C-1\r\n\
                    \r\n\
                    amina@example.com,,sw\r\n\
                    \"le, van\"@example.com\r\n";
        let err = parse_invitees(list).unwrap_err();
        assert_eq!(err.len(), 1);
        assert_eq!((err[0].line, err[0].column), (5, "email"));

        let list = "sian@example.com,\"Jones, Siân\",cy-GB,C-1\namina@example.com,,sw\n";
        let got = parse_invitees(list).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].email.as_str(), "sian@example.com");
        assert_eq!(got[0].name.as_ref().unwrap().as_str(), "Jones, Siân");
        assert_eq!(got[0].locale, Some(Locale::Cy));
        assert_eq!(got[0].external_id.as_deref(), Some("C-1"));
        assert_eq!(
            (got[1].name.clone(), got[1].locale),
            (None, Some(Locale::Sw))
        );
    }

    #[test]
    fn lines_are_counted_past_blank_lines() {
        for nl in ["\n", "\r\n"] {
            let list = ["a@example.com", "", "b@example.com", "bad"].join(nl);
            let err = parse_invitees(&list).unwrap_err();
            assert_eq!(err[0].line, 4, "{nl:?}");
        }
    }

    /// The CSV import's line count, where the `csv_import` fuzz target found this: in a list
    /// whose lines end in a lone CR, every bad line was named line 1.
    #[test]
    fn lines_ending_in_a_lone_carriage_return_are_counted() {
        let list = ["a@example.com", "", "b@example.com", "bad", "c@example.com"].join("\r");
        let err = parse_invitees(&list).unwrap_err();
        assert_eq!((err[0].line, err[0].column), (4, "email"));
    }

    #[test]
    fn every_bad_line_is_named_with_its_column() {
        let list = "email\nnot-an-email\nok@example.com,,klingon\nok2@example.com,,,,extra\n";
        let err = parse_invitees(list).unwrap_err();
        let at: Vec<_> = err.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(at, [(2, "email"), (3, "locale"), (4, "customer_id")]);
    }

    #[test]
    fn reminder_days_default_and_limits() {
        assert_eq!(parse_reminder_days(""), Ok(DEFAULT_REMINDER_DAYS));
        assert_eq!(parse_reminder_days("0"), Ok(0));
        assert_eq!(parse_reminder_days("61"), Err(Issue::UnknownValue));
        assert_eq!(parse_reminder_days("-1"), Err(Issue::Invalid));
    }

    #[test]
    fn a_reminder_is_due_once_after_its_days_and_never_without_them() {
        let t0 = time::macros::datetime!(2026-11-01 10:00 UTC);
        let mut inv = Invitation {
            id: InvitationId::new(),
            survey_id: SurveyId::new(),
            customer_id: crate::CustomerId::new(),
            locale: Locale::Cy,
            created_at: t0,
            sent_at: None,
            reminder_days: 3,
            reminded_at: None,
        };
        assert_eq!(inv.reminder_due_at(), None, "not sent yet");
        inv.sent_at = Some(t0);
        assert_eq!(inv.reminder_due_at(), Some(t0 + time::Duration::days(3)));
        inv.reminded_at = Some(t0);
        assert_eq!(inv.reminder_due_at(), None, "one reminder only");
        inv.reminded_at = None;
        inv.reminder_days = 0;
        assert_eq!(inv.reminder_due_at(), None);
        assert!(inv.response_key().starts_with("inv-"));
    }
}
