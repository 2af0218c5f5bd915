//! Survey responses as CSV (and JSON): reading an import, writing an export (DESIGN §8).
//!
//! # The file
//!
//! UTF-8, comma-separated, one response per record, with a header line:
//!
//! ```text
//! submitted_at,score,comment,touchpoint,channel,locale,customer_id,customer_email,team,agent,…
//! ```
//!
//! | column | holds | empty |
//! |---|---|---|
//! | `submitted_at` | an RFC 3339 date and time (`2026-03-01T09:30:00Z`); kept in UTC, to the microsecond | error |
//! | `score` | an integer on the survey's scale (NPS 0–10, CSAT 1–5, …) | error |
//! | `comment` | free text, at most [`MAX_COMMENT_CHARS`] (5,000) characters; HTML is kept as text | no comment |
//! | `touchpoint` | the NAME of a touchpoint on one of the workspace's journeys | the survey's touchpoint |
//! | `channel` | `web`, `email`, `phone`, `chat`, `social`, `in-store`, `in-app`, `sms` or `other` | error |
//! | `locale` | a BCP 47 tag whose primary language is one of taith's (`en`, `cy`, `ms`, `sw`, `ar`, `vi`; `cy-GB` is Welsh) | error |
//! | `customer_id` | the customer's external id (the business's own), at most 200 characters | — |
//! | `customer_email` | the customer's e-mail address | — |
//! | any further column | a response attribute (segment key: `team`, `agent`, `plan`, `region`, …); its name must be a plain key (`a-z`, `0-9`, `_`, starting with a letter, at most 40 characters); values at most 200 characters | attribute not set |
//!
//! The eight named columns must all be there, in any order (an export writes them in the order
//! above, then the attribute columns sorted by name). Column names are not case-sensitive.
//!
//! - A UTF-8 byte-order mark is skipped; lines may end in LF or CRLF; a cell may be quoted
//!   (`"…"`, with `""` for a quote) and then hold commas and line breaks.
//! - A record whose cells are all empty is skipped (spreadsheets leave those at the end).
//! - A file separated by `;` or tabs (as some spreadsheets save "CSV" in some locales) is
//!   recognised from its header and refused with a message saying so.
//! - Touchpoint names are matched ignoring case. When a name is used by several touchpoints of
//!   the workspace (two journeys each with a "Checkout"), the survey's own touchpoint wins if it
//!   is one of them; otherwise the row is refused with a message naming the journeys, since
//!   guessing would put answers on the wrong map.
//! - For an anonymous survey the two customer columns are ignored entirely. Otherwise a row with
//!   a `customer_id` or a `customer_email` names a customer, who is found (by external id, else
//!   e-mail) or created when the import is stored.
//!
//! # Errors
//!
//! The first bad record stops the import, and nothing of the file is stored. The error names
//! the line and the column: `line 4, column score: “11” is not on this survey's scale (0 to
//! 10)`. Lines are counted as a text editor counts them, from 1 for the header; a record whose
//! quoted cells span several lines is named by the line it starts on.
//!
//! # Formula defanging, both ways
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some start on a tab or
//! a carriage return) as a formula, so a comment like `=HYPERLINK(…)` in an export could attack
//! whoever opens it. The export therefore prefixes such a cell with one apostrophe `'`, which
//! spreadsheets read as "this is text". The rule is symmetric so that an export imports back
//! unchanged:
//!
//! - **export**: a cell that matches `'*[=+\-@\t\r]` (any number of apostrophes, then one of
//!   those characters) gets one more `'` in front;
//! - **import**: a cell that matches `'+[=+\-@\t\r]` loses exactly one leading `'`.
//!
//! So a comment `-5 stars` is exported as `'-5 stars` and imported as `-5 stars`, and a comment
//! that really starts with `'=` is exported as `''=` and comes back as `'=`. Any other cell,
//! including one that starts with an apostrophe followed by something else, is left alone.
//!
//! # Client keys
//!
//! An imported response gets no client (idempotency) key. A key derived from the record's
//! content would merge two customers who gave the same score at the same second, and one derived
//! from the line as well would make re-importing an edited file half-idempotent in surprising
//! ways. So the rule is plain: every import stores every record of its file; importing a file
//! twice stores it twice.

use crate::survey::{
    MAX_COMMENT_CHARS, parse_attribute_key, parse_attributes, parse_comment, parse_submitted_at,
};
use crate::{
    Channel, CustomerId, Email, Issue, Locale, LongText, NewResponse, ResponseId, Scale, Survey,
    SurveyId, TouchpointId,
};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// The columns every import needs and every export writes, in export order.
pub const COLUMNS: [&str; 8] = [
    "submitted_at",
    "score",
    "comment",
    "touchpoint",
    "channel",
    "locale",
    "customer_id",
    "customer_email",
];

const SUBMITTED_AT: usize = 0;
const SCORE: usize = 1;
const COMMENT: usize = 2;
const TOUCHPOINT: usize = 3;
const CHANNEL: usize = 4;
const LOCALE: usize = 5;
const CUSTOMER_ID: usize = 6;
const CUSTOMER_EMAIL: usize = 7;

/// Longest external customer id accepted (characters).
pub const MAX_CUSTOMER_ID_CHARS: usize = 200;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why an import was refused: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}{}: {message}", column.as_ref().map(|c| format!(", column {c}")).unwrap_or_default())]
pub struct ImportError {
    /// 1-based; the header is line 1.
    pub line: u64,
    /// The column's name, when the problem is in one cell (or names one column).
    pub column: Option<String>,
    pub message: String,
}

impl ImportError {
    fn at(line: u64, column: impl Into<String>, message: impl Into<String>) -> Self {
        ImportError {
            line,
            column: Some(column.into()),
            message: message.into(),
        }
    }

    fn line(line: u64, message: impl Into<String>) -> Self {
        ImportError {
            line,
            column: None,
            message: message.into(),
        }
    }
}

/// A touchpoint an import may name: one of the workspace's, with the journey it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TouchpointRef {
    pub id: TouchpointId,
    pub name: String,
    pub journey: String,
}

/// What an import reads rows against: the survey's scale, touchpoint and anonymity, and the
/// workspace's touchpoints.
#[derive(Debug, Clone)]
pub struct ImportSpec {
    scale: Scale,
    survey_touchpoint: Option<TouchpointId>,
    anonymous: bool,
    touchpoints: Vec<TouchpointRef>,
    /// Lower-cased name → indexes into `touchpoints`.
    by_name: HashMap<String, Vec<usize>>,
}

impl ImportSpec {
    pub fn new(survey: &Survey, touchpoints: Vec<TouchpointRef>) -> ImportSpec {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in touchpoints.iter().enumerate() {
            by_name.entry(name_key(&t.name)).or_default().push(i);
        }
        ImportSpec {
            scale: survey.fields.scale,
            survey_touchpoint: survey.fields.touchpoint_id,
            anonymous: survey.fields.anonymous,
            touchpoints,
            by_name,
        }
    }

    fn touchpoint(&self, name: &str) -> Result<Option<TouchpointId>, String> {
        if name.is_empty() {
            return match self.survey_touchpoint {
                Some(own) if !self.touchpoints.iter().any(|t| t.id == own) => Err(
                    "empty, and the survey's own touchpoint is no longer on a journey; name one"
                        .to_owned(),
                ),
                own => Ok(own),
            };
        }
        let found = self
            .by_name
            .get(&name_key(name))
            .map_or(&[][..], Vec::as_slice);
        // A name written exactly as stored beats one that differs only in case.
        let exact: Vec<usize> = found
            .iter()
            .copied()
            .filter(|i| self.touchpoints[*i].name.trim() == name)
            .collect();
        let found = if exact.is_empty() { found } else { &exact };
        match found {
            [] => Err(format!(
                "no touchpoint named “{name}” on this workspace's journeys"
            )),
            [one] => Ok(Some(self.touchpoints[*one].id)),
            many => {
                if let Some(own) = self.survey_touchpoint
                    && many.iter().any(|i| self.touchpoints[*i].id == own)
                {
                    return Ok(Some(own));
                }
                let journeys: Vec<String> = many
                    .iter()
                    .map(|i| format!("“{}”", self.touchpoints[*i].journey))
                    .collect();
                Err(format!(
                    "“{name}” is ambiguous: {} touchpoints have that name (on the journeys {}) \
                     and none is the survey's own; rename them apart",
                    many.len(),
                    journeys.join(", ")
                ))
            }
        }
    }
}

fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The customer a row names, to be found or created before the responses are stored.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CustomerKey {
    pub external_id: Option<String>,
    pub email: Option<Email>,
}

/// One record of an import, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// Where it starts in the file (the header is line 1).
    pub line: u64,
    pub submitted_at: OffsetDateTime,
    pub score: i16,
    pub comment: LongText,
    pub touchpoint_id: Option<TouchpointId>,
    pub channel: Channel,
    pub locale: Locale,
    /// `None` for an anonymous row or survey.
    pub customer: Option<CustomerKey>,
    pub attributes: BTreeMap<String, String>,
}

impl ImportRow {
    /// The response to store, with a new id and no client key (see the module docs).
    pub fn into_response(
        self,
        survey_id: SurveyId,
        customer_id: Option<CustomerId>,
    ) -> NewResponse {
        NewResponse {
            id: ResponseId::new(),
            survey_id,
            score: self.score,
            answers: Vec::new(),
            comment: self.comment,
            touchpoint_id: self.touchpoint_id,
            channel: self.channel,
            locale: self.locale,
            customer_id,
            attributes: self.attributes,
            submitted_at: self.submitted_at,
            client_key: None,
        }
    }
}

/// Reads a whole import, stopping at the first bad record.
pub fn read_responses_csv(input: &[u8], spec: &ImportSpec) -> Result<Vec<ImportRow>, ImportError> {
    ResponsesCsv::new(input, spec)?.collect()
}

/// The columns of an import, as read from its header.
#[derive(Debug, Clone)]
struct Header {
    /// Index of each of [`COLUMNS`] in a record.
    standard: [usize; 8],
    /// (index in a record, attribute key).
    attributes: Vec<(usize, String)>,
    names: Vec<String>,
}

/// Reads an import record by record (after its header), so a caller can stop early or stream.
#[derive(Debug)]
pub struct ResponsesCsv<'a> {
    input: &'a [u8],
    reader: ::csv::Reader<&'a [u8]>,
    record: ::csv::ByteRecord,
    header: Header,
    spec: &'a ImportSpec,
    /// Line counting: bytes before `scanned` hold `newlines` line feeds.
    scanned: usize,
    newlines: u64,
    failed: bool,
}

impl<'a> ResponsesCsv<'a> {
    /// Reads and checks the header.
    pub fn new(input: &'a [u8], spec: &'a ImportSpec) -> Result<Self, ImportError> {
        if input.starts_with(b"\xFF\xFE") || input.starts_with(b"\xFE\xFF") {
            return Err(ImportError::line(
                1,
                "the file is UTF-16 (“Unicode text”); save it as “CSV UTF-8” instead",
            ));
        }
        let input = input.strip_prefix(UTF8_BOM).unwrap_or(input);
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(input);
        let mut record = ::csv::ByteRecord::new();
        let read = reader
            .read_byte_record(&mut record)
            .map_err(|e| ImportError::line(1, csv_message(&e)))?;
        if !read {
            return Err(ImportError::line(
                1,
                format!(
                    "the file is empty; it needs the header {}",
                    COLUMNS.join(",")
                ),
            ));
        }
        let header = read_header(&record, input)?;
        Ok(ResponsesCsv {
            input,
            reader,
            record,
            header,
            spec,
            scanned: 0,
            newlines: 0,
            failed: false,
        })
    }

    /// The attribute columns' keys, in file order.
    pub fn attribute_keys(&self) -> impl Iterator<Item = &str> {
        self.header.attributes.iter().map(|(_, k)| k.as_str())
    }

    /// The line a record starting at byte `start` begins on.
    fn line_at(&mut self, start: usize) -> u64 {
        // csv-core skips blank lines before a record; the record starts after them.
        let mut start = start.min(self.input.len());
        while matches!(self.input.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start >= self.scanned {
            self.newlines += line_breaks(self.input, self.scanned, start);
            self.scanned = start;
        }
        self.newlines + 1
    }

    fn next_row(&mut self) -> Option<Result<ImportRow, ImportError>> {
        loop {
            let start = self.reader.position().byte();
            let read = self.reader.read_byte_record(&mut self.record);
            let start = usize::try_from(start).unwrap_or(usize::MAX);
            let line = self.line_at(start);
            match read {
                Ok(false) => return None,
                Err(e) => return Some(Err(ImportError::line(line, csv_message(&e)))),
                Ok(true) => {}
            }
            if self.record.iter().all(|c| c.trim_ascii().is_empty()) {
                continue;
            }
            return Some(self.parse_record(line));
        }
    }

    fn parse_record(&self, line: u64) -> Result<ImportRow, ImportError> {
        let h = &self.header;
        if self.record.len() != h.names.len() {
            return Err(ImportError::line(
                line,
                format!(
                    "{} cells, but the header has {} columns (is a comma inside a cell not \
                     quoted?)",
                    self.record.len(),
                    h.names.len()
                ),
            ));
        }
        let mut cells: Vec<&str> = Vec::with_capacity(self.record.len());
        for (i, raw) in self.record.iter().enumerate() {
            let s = std::str::from_utf8(raw).map_err(|_| {
                ImportError::at(
                    line,
                    h.names[i].clone(),
                    "not valid UTF-8; save the file as UTF-8 (“CSV UTF-8” in spreadsheets)",
                )
            })?;
            cells.push(undefang(s.trim()));
        }
        let cell = |col: usize| cells[h.standard[col]];
        let err = |col: usize, msg: String| ImportError::at(line, COLUMNS[col], msg);

        let submitted_at = parse_time(cell(SUBMITTED_AT)).map_err(|m| err(SUBMITTED_AT, m))?;
        let scale = self.spec.scale;
        let score = scale.parse_score(cell(SCORE)).map_err(|i| {
            let range = format!("an integer from {} to {}", scale.low, scale.high);
            err(
                SCORE,
                match i {
                    Issue::Required => format!("required: {range} (this survey's scale)"),
                    _ => format!("“{}” is not on this survey's scale ({range})", cell(SCORE)),
                },
            )
        })?;
        let comment = parse_comment(cell(COMMENT)).map_err(|_| {
            err(
                COMMENT,
                format!(
                    "{} characters; a comment holds at most {MAX_COMMENT_CHARS}",
                    cell(COMMENT).chars().count()
                ),
            )
        })?;
        let touchpoint_id = self
            .spec
            .touchpoint(cell(TOUCHPOINT))
            .map_err(|m| err(TOUCHPOINT, m))?;
        let channel: Channel = cell(CHANNEL).parse().map_err(|i| {
            let all: Vec<&str> = Channel::ALL.iter().map(|c| c.as_str()).collect();
            err(
                CHANNEL,
                match i {
                    Issue::Required => format!("required: one of {}", all.join(", ")),
                    _ => format!(
                        "“{}” is not a channel; use one of {}",
                        cell(CHANNEL),
                        all.join(", ")
                    ),
                },
            )
        })?;
        let locale = parse_locale(cell(LOCALE)).map_err(|m| err(LOCALE, m))?;
        let customer = if self.spec.anonymous {
            None
        } else {
            parse_customer(cell(CUSTOMER_ID), cell(CUSTOMER_EMAIL)).map_err(|(c, m)| err(c, m))?
        };
        let attributes = parse_attributes(
            h.attributes.iter().map(|(i, k)| (k.as_str(), cells[*i])),
        )
        .map_err(|(field, issue)| {
            let key = field
                .strip_prefix("attributes.")
                .unwrap_or(&field)
                .to_owned();
            match issue {
                Issue::TooLong => ImportError::line(
                    line,
                    format!(
                        "more than {} attributes are set",
                        crate::survey::MAX_ATTRIBUTES
                    ),
                ),
                _ => ImportError::at(
                    line,
                    key,
                    format!(
                        "an attribute value holds at most {} characters and no control \
                             characters",
                        crate::survey::MAX_ATTRIBUTE_VALUE_CHARS
                    ),
                ),
            }
        })?;
        Ok(ImportRow {
            line,
            submitted_at,
            score,
            comment,
            touchpoint_id,
            channel,
            locale,
            customer,
            attributes,
        })
    }
}

impl Iterator for ResponsesCsv<'_> {
    type Item = Result<ImportRow, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let next = self.next_row();
        if matches!(next, Some(Err(_))) {
            self.failed = true;
        }
        next
    }
}

/// The line breaks in `input[from..to]` as a text editor counts them: an LF (with any CRs
/// before it: `\r\n`, and the `\r\r\n` of a CRLF written through a text-mode stream), or a CR
/// not followed by one (the line end of "CSV (Macintosh)" files, which the reader also takes
/// as a record's end). Linear: one pass, backwards.
pub(crate) fn line_breaks(input: &[u8], from: usize, to: usize) -> u64 {
    let to = to.min(input.len());
    let from = from.min(to);
    // Whether the first byte after the current one that is not a CR is an LF.
    let mut lf_ahead = input[to..].iter().find(|b| **b != b'\r') == Some(&b'\n');
    let mut breaks = 0;
    for b in input[from..to].iter().rev() {
        match b {
            b'\r' if lf_ahead => {}
            b'\r' => breaks += 1,
            b'\n' => {
                breaks += 1;
                lf_ahead = true;
            }
            _ => lf_ahead = false,
        }
    }
    breaks
}

fn csv_message(e: &::csv::Error) -> String {
    match e.kind() {
        ::csv::ErrorKind::Utf8 { .. } => "not valid UTF-8; save the file as UTF-8".to_owned(),
        _ => format!("not readable as CSV: {e}"),
    }
}

fn read_header(record: &::csv::ByteRecord, input: &[u8]) -> Result<Header, ImportError> {
    let first_line = input
        .split(|b| matches!(b, b'\n' | b'\r'))
        .next()
        .unwrap_or_default();
    let mut names = Vec::with_capacity(record.len());
    for raw in record {
        let s = std::str::from_utf8(raw).map_err(|_| {
            ImportError::line(1, "the header is not valid UTF-8; save the file as UTF-8")
        })?;
        names.push(s.trim().to_owned());
    }
    if !names.iter().any(|n| n.eq_ignore_ascii_case(COLUMNS[0])) {
        for (sep, what) in [(b';', "';'"), (b'\t', "tabs")] {
            if first_line.contains(&sep) {
                return Err(ImportError::line(
                    1,
                    format!(
                        "the file is separated by {what} — taith expects commas (save it as \
                         “CSV UTF-8 (comma delimited)”)"
                    ),
                ));
            }
        }
    }
    let mut standard = [usize::MAX; 8];
    let mut attributes = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, name) in names.iter().enumerate() {
        let lower = name.to_ascii_lowercase();
        if name.is_empty() {
            return Err(ImportError::line(
                1,
                format!("column {} of the header has no name", i + 1),
            ));
        }
        if !seen.insert(lower.clone()) {
            return Err(ImportError::at(1, name.clone(), "the column appears twice"));
        }
        if let Some(k) = COLUMNS.iter().position(|c| *c == lower) {
            standard[k] = i;
        } else {
            let key = parse_attribute_key(name).map_err(|_| {
                ImportError::at(
                    1,
                    name.clone(),
                    format!(
                        "not a usable attribute name: use a-z, 0-9 and _, starting with a \
                         letter, at most {} characters",
                        crate::survey::MAX_ATTRIBUTE_KEY_CHARS
                    ),
                )
            })?;
            attributes.push((i, key));
        }
    }
    let missing: Vec<&str> = COLUMNS
        .iter()
        .zip(standard)
        .filter(|(_, i)| *i == usize::MAX)
        .map(|(c, _)| *c)
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::line(
            1,
            format!(
                "the header lacks the column{} {}; it must start with {} (then any attribute \
                 columns)",
                if missing.len() > 1 { "s" } else { "" },
                missing.join(", "),
                COLUMNS.join(",")
            ),
        ));
    }
    Ok(Header {
        standard,
        attributes,
        names,
    })
}

fn parse_time(s: &str) -> Result<OffsetDateTime, String> {
    if s.is_empty() {
        return Err("required: a date and time in RFC 3339, like 2026-03-01T09:30:00Z".into());
    }
    parse_submitted_at(s)
        .map_err(|_| format!("“{s}” is not an RFC 3339 date and time (like 2026-03-01T09:30:00Z)"))
}

fn parse_locale(s: &str) -> Result<Locale, String> {
    let all: Vec<&str> = Locale::ALL.iter().map(|l| l.tag()).collect();
    if s.is_empty() {
        return Err(format!(
            "required: a language tag, one of {}",
            all.join(", ")
        ));
    }
    let well_formed = s.split(['-', '_']).all(|part| {
        !part.is_empty() && part.len() <= 8 && part.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    match Locale::from_tag(s) {
        Some(l) if well_formed => Ok(l),
        _ => Err(format!(
            "“{s}” is not one of taith's languages ({}; a region is allowed, like cy-GB)",
            all.join(", ")
        )),
    }
}

fn parse_customer(external_id: &str, email: &str) -> Result<Option<CustomerKey>, (usize, String)> {
    let external_id = if external_id.is_empty() {
        None
    } else if external_id.chars().count() > MAX_CUSTOMER_ID_CHARS
        || external_id.chars().any(char::is_control)
    {
        return Err((
            CUSTOMER_ID,
            format!(
                "a customer id holds at most {MAX_CUSTOMER_ID_CHARS} characters and no control \
                 characters"
            ),
        ));
    } else {
        Some(external_id.to_owned())
    };
    let email = if email.is_empty() {
        None
    } else {
        Some(Email::parse(email).map_err(|_| {
            (
                CUSTOMER_EMAIL,
                format!("“{email}” is not an e-mail address"),
            )
        })?)
    };
    Ok((external_id.is_some() || email.is_some()).then_some(CustomerKey { external_id, email }))
}

/// Whether a cell would start a formula in a spreadsheet.
fn formula_start(c: u8) -> bool {
    matches!(c, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
}

/// `'*` then a formula character: the cells [`defang`] prefixes.
fn needs_defang(s: &str) -> bool {
    s.bytes().find(|b| *b != b'\'').is_some_and(formula_start)
}

/// Prefixes a cell that a spreadsheet would run as a formula with `'` (module docs).
pub fn defang(s: &str) -> std::borrow::Cow<'_, str> {
    if needs_defang(s) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Undoes [`defang`]: drops one `'` from a cell matching `'+` then a formula character.
pub fn undefang(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_defang(rest) => rest,
        _ => s,
    }
}

/// One response as exported: the survey's own ids resolved to what a person (and another
/// workspace's import) understands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportRow {
    #[serde(with = "time::serde::rfc3339")]
    pub submitted_at: OffsetDateTime,
    pub score: i16,
    pub comment: String,
    /// The touchpoint's name; `None` when the response has none (or it is no longer on a map).
    pub touchpoint: Option<String>,
    pub channel: Channel,
    pub locale: Locale,
    /// The customer's external id.
    pub customer_id: Option<String>,
    pub customer_email: Option<String>,
    pub attributes: BTreeMap<String, String>,
}

/// Writes responses as CSV: the header [`COLUMNS`] and then the union of the rows' attribute
/// keys, sorted; one line per row, in the given order; formula cells defanged. Lines end in
/// LF; cells holding a comma, a quote or a line break are quoted.
pub fn write_responses_csv(rows: &[ExportRow]) -> String {
    let keys: BTreeSet<&str> = rows
        .iter()
        .flat_map(|r| r.attributes.keys().map(String::as_str))
        .collect();
    let mut out = String::with_capacity(64 * (rows.len() + 1));
    let header: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .chain(keys.iter().copied())
        .collect();
    out.push_str(&header.join(","));
    out.push('\n');
    for r in rows {
        let time = format_time(r.submitted_at);
        write_cell(&mut out, &time);
        out.push(',');
        let _ = write!(out, "{}", r.score);
        out.push(',');
        write_cell(&mut out, &r.comment);
        out.push(',');
        write_cell(&mut out, r.touchpoint.as_deref().unwrap_or(""));
        out.push(',');
        write_cell(&mut out, r.channel.as_str());
        out.push(',');
        write_cell(&mut out, r.locale.tag());
        out.push(',');
        write_cell(&mut out, r.customer_id.as_deref().unwrap_or(""));
        out.push(',');
        write_cell(&mut out, r.customer_email.as_deref().unwrap_or(""));
        for k in &keys {
            out.push(',');
            write_cell(&mut out, r.attributes.get(*k).map_or("", String::as_str));
        }
        out.push('\n');
    }
    out
}

/// Writes responses as JSON: `{"responses": [...]}`, each with the CSV's fields (attributes
/// as an object).
pub fn write_responses_json(rows: &[ExportRow]) -> Result<String, serde_json::Error> {
    #[derive(Serialize)]
    struct Doc<'a> {
        responses: &'a [ExportRow],
    }
    serde_json::to_string_pretty(&Doc { responses: rows })
}

fn format_time(t: OffsetDateTime) -> String {
    let t = t.to_offset(UtcOffset::UTC);
    t.format(&Rfc3339).unwrap_or_else(|_| t.to_string())
}

fn write_cell(out: &mut String, s: &str) {
    let s = defang(s);
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&s);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::survey::{LocalizedText, SurveyFields};
    use crate::{Name, SurveyKind, SurveyStatus};

    const HEADER: &str = "submitted_at,score,comment,touchpoint,channel,locale,customer_id,customer_email,team,agent";

    fn survey(kind: SurveyKind, touchpoint: Option<TouchpointId>, anonymous: bool) -> Survey {
        let text = LocalizedText([(Locale::En, "How likely…".to_owned())].into());
        Survey {
            id: SurveyId::new(),
            public_id: "p".into(),
            fields: SurveyFields {
                name: Name::parse("Checkout NPS").unwrap_or_else(|_| unreachable!()),
                kind,
                scale: kind.default_scale(),
                default_locale: Locale::En,
                question: text.clone(),
                thank_you: text,
                follow_ups: Vec::new(),
                touchpoint_id: touchpoint,
                status: SurveyStatus::Live,
                anonymous,
                throttle_days: 30,
            },
            created_at: crate::now(),
            updated_at: crate::now(),
        }
    }

    struct Fixture {
        checkout: TouchpointId,
        delivery: TouchpointId,
        counter_a: TouchpointId,
        counter_b: TouchpointId,
        checkout_lower: TouchpointId,
    }

    fn fixture() -> Fixture {
        Fixture {
            checkout: TouchpointId::new(),
            delivery: TouchpointId::new(),
            counter_a: TouchpointId::new(),
            counter_b: TouchpointId::new(),
            checkout_lower: TouchpointId::new(),
        }
    }

    fn touchpoints(f: &Fixture) -> Vec<TouchpointRef> {
        let t = |id, name: &str, journey: &str| TouchpointRef {
            id,
            name: name.into(),
            journey: journey.into(),
        };
        vec![
            t(f.checkout, "Checkout", "Web order"),
            t(f.delivery, "Doorstep delivery", "Web order"),
            t(f.counter_a, "Shop counter", "Web order"),
            t(f.counter_b, "Shop counter", "Phone order"),
            t(f.checkout_lower, "checkout", "Phone order"),
        ]
    }

    fn nps_spec(f: &Fixture) -> ImportSpec {
        ImportSpec::new(
            &survey(SurveyKind::Nps, Some(f.checkout), false),
            touchpoints(f),
        )
    }

    fn file(rows: &[&str]) -> String {
        let mut s = format!("{HEADER}\n");
        for r in rows {
            s.push_str(r);
            s.push('\n');
        }
        s
    }

    const GOOD: &str =
        "2026-03-01T09:30:00Z,9,Lovely bread,Checkout,web,cy-GB,c-1,a@b.example,cardiff,siân";

    fn err(input: &str, spec: &ImportSpec) -> ImportError {
        match read_responses_csv(input.as_bytes(), spec) {
            Ok(rows) => panic!("expected an error, read {} rows", rows.len()),
            Err(e) => e,
        }
    }

    fn check_err(rows: &[&str], line: u64, column: &str, says: &str) {
        let f = fixture();
        let e = err(&file(rows), &nps_spec(&f));
        let text = e.to_string();
        assert_eq!(
            (e.line, e.column.as_deref()),
            (line, Some(column)),
            "{text}"
        );
        assert!(
            text.starts_with(&format!("line {line}, column {column}: ")),
            "{text}"
        );
        assert!(text.contains(says), "{text}");
    }

    #[test]
    fn a_good_file_reads_every_field() {
        let f = fixture();
        let rows = read_responses_csv(file(&[GOOD, GOOD]).as_bytes(), &nps_spec(&f)).unwrap();
        assert_eq!(rows.len(), 2);
        let r = &rows[0];
        assert_eq!(r.line, 2);
        assert_eq!(rows[1].line, 3);
        assert_eq!(
            r.submitted_at,
            OffsetDateTime::parse("2026-03-01T09:30:00Z", &Rfc3339).unwrap()
        );
        assert_eq!(r.score, 9);
        assert_eq!(r.comment.as_str(), "Lovely bread");
        assert_eq!(r.touchpoint_id, Some(f.checkout));
        assert_eq!(r.channel, Channel::Web);
        assert_eq!(r.locale, Locale::Cy);
        let c = r.customer.clone().unwrap();
        assert_eq!(c.external_id.as_deref(), Some("c-1"));
        assert_eq!(
            c.email.map(|e| e.to_string()).as_deref(),
            Some("a@b.example")
        );
        assert_eq!(
            r.attributes.get("team").map(String::as_str),
            Some("cardiff")
        );
        assert_eq!(r.attributes.get("agent").map(String::as_str), Some("siân"));
    }

    #[test]
    fn empty_optional_cells_mean_nothing_and_the_survey_touchpoint() {
        let f = fixture();
        let rows = read_responses_csv(
            file(&["2026-03-01T10:30:00+01:00,0,,,in-store,ar,,,,"]).as_bytes(),
            &nps_spec(&f),
        )
        .unwrap();
        let r = &rows[0];
        assert!(r.comment.is_empty() && r.customer.is_none() && r.attributes.is_empty());
        assert_eq!(r.touchpoint_id, Some(f.checkout));
        assert_eq!(r.channel, Channel::InStore);
        assert_eq!(r.submitted_at.offset(), UtcOffset::UTC);
        assert_eq!(r.submitted_at.hour(), 9);
    }

    #[test]
    fn a_score_off_the_scale_names_its_line_and_column() {
        check_err(
            &[GOOD, GOOD, "2026-03-01T09:30:00Z,11,,,web,en,,,,"],
            4,
            "score",
            "0 to 10",
        );
        check_err(
            &["2026-03-01T09:30:00Z,-1,,,web,en,,,,"],
            2,
            "score",
            "“-1”",
        );
        check_err(
            &["2026-03-01T09:30:00Z,7.5,,,web,en,,,,"],
            2,
            "score",
            "“7.5”",
        );
        check_err(
            &["2026-03-01T09:30:00Z,,,,web,en,,,,"],
            2,
            "score",
            "required",
        );
        let f = fixture();
        let csat = ImportSpec::new(&survey(SurveyKind::Csat, None, false), touchpoints(&f));
        let e = err(&file(&["2026-03-01T09:30:00Z,0,,,web,en,,,,"]), &csat);
        assert_eq!(e.column.as_deref(), Some("score"));
        assert!(e.to_string().contains("1 to 5"), "{e}");
    }

    #[test]
    fn a_malformed_date_names_its_line_and_column() {
        check_err(
            &["2026-03-01 09:30,9,,,web,en,,,,"],
            2,
            "submitted_at",
            "RFC 3339",
        );
        check_err(
            &[GOOD, "01/03/2026,9,,,web,en,,,,"],
            3,
            "submitted_at",
            "“01/03/2026”",
        );
        check_err(
            &["2026-02-30T09:30:00Z,9,,,web,en,,,,"],
            2,
            "submitted_at",
            "RFC 3339",
        );
        check_err(&[",9,,,web,en,,,,"], 2, "submitted_at", "required");
    }

    /// Found by running the `csv_import` fuzz target on a hand-written input (in review of the
    /// time parsing; fuzzing had not reached it): a time whose UTC date falls after 9999
    /// panicked in the conversion to UTC, and one before 0000 was read, though no export can
    /// write it back.
    #[test]
    fn a_time_outside_the_years_rfc_3339_can_write_is_refused() {
        for t in [
            "9999-12-31T23:59:59-23:59",
            "9999-12-31T23:30:00-01:00",
            "0000-01-01T00:00:00+00:01",
        ] {
            check_err(&[&format!("{t},9,,,web,en,,,,")], 2, "submitted_at", t);
        }
        let f = fixture();
        let edge =
            "9999-12-31T23:59:59.999999Z,9,,,web,en,,,,\n0000-01-01T00:00:00-00:01,9,,,web,en,,,,";
        let rows = read_responses_csv(file(&[edge]).as_bytes(), &nps_spec(&f)).unwrap();
        assert_eq!(
            rows.iter()
                .map(|r| r.submitted_at.year())
                .collect::<Vec<_>>(),
            [9999, 0]
        );
    }

    #[test]
    fn unknown_touchpoints_and_channels_are_refused() {
        check_err(
            &["2026-03-01T09:30:00Z,9,,Till,web,en,,,,"],
            2,
            "touchpoint",
            "“Till”",
        );
        check_err(
            &["2026-03-01T09:30:00Z,9,,,fax,en,,,,"],
            2,
            "channel",
            "“fax”",
        );
        check_err(
            &["2026-03-01T09:30:00Z,9,,,,en,,,,"],
            2,
            "channel",
            "required",
        );
        check_err(
            &["2026-03-01T09:30:00Z,9,,,In Store,en,,,,"],
            2,
            "channel",
            "in-store",
        );
    }

    #[test]
    fn touchpoint_names_ignore_case_and_ambiguity_is_settled_by_the_survey() {
        let f = fixture();
        let rows = read_responses_csv(
            file(&["2026-03-01T09:30:00Z,9,,doorstep DELIVERY,web,en,,,,"]).as_bytes(),
            &nps_spec(&f),
        )
        .unwrap();
        assert_eq!(rows[0].touchpoint_id, Some(f.delivery));
        // Two "Shop counter"s: refused, naming both journeys…
        check_err(
            &["2026-03-01T09:30:00Z,9,,Shop counter,web,en,,,,"],
            2,
            "touchpoint",
            "“Web order”, “Phone order”",
        );
        // …unless the survey is on one of them.
        let own = ImportSpec::new(
            &survey(SurveyKind::Nps, Some(f.counter_b), false),
            touchpoints(&f),
        );
        let rows = read_responses_csv(
            file(&["2026-03-01T09:30:00Z,9,,Shop counter,web,en,,,,"]).as_bytes(),
            &own,
        )
        .unwrap();
        assert_eq!(rows[0].touchpoint_id, Some(f.counter_b));
        // "Checkout" and "checkout": the exact spelling decides; another spelling matches
        // both, and the survey's own touchpoint (Checkout) wins.
        for (written, want) in [
            ("Checkout", f.checkout),
            ("checkout", f.checkout_lower),
            ("CHECKOUT", f.checkout),
        ] {
            let row = format!("2026-03-01T09:30:00Z,9,,{written},web,en,,,,");
            let rows = read_responses_csv(file(&[&row]).as_bytes(), &nps_spec(&f)).unwrap();
            assert_eq!(rows[0].touchpoint_id, Some(want), "{written}");
        }
        // A survey whose touchpoint has gone cannot lend it to rows that name none.
        let gone = ImportSpec::new(
            &survey(SurveyKind::Nps, Some(TouchpointId::new()), false),
            touchpoints(&f),
        );
        let e = err(&file(&["2026-03-01T09:30:00Z,9,,,web,en,,,,"]), &gone);
        assert_eq!(e.column.as_deref(), Some("touchpoint"), "{e}");
    }

    #[test]
    fn locales_are_read_by_their_primary_subtag() {
        let f = fixture();
        for (tag, want) in [
            ("cy", Locale::Cy),
            ("sw-KE", Locale::Sw),
            ("VI", Locale::Vi),
        ] {
            let row = format!("2026-03-01T09:30:00Z,9,,,web,{tag},,,,");
            let rows = read_responses_csv(file(&[&row]).as_bytes(), &nps_spec(&f)).unwrap();
            assert_eq!(rows[0].locale, want);
        }
        check_err(
            &["2026-03-01T09:30:00Z,9,,,web,fr-FR,,,,"],
            2,
            "locale",
            "“fr-FR”",
        );
        check_err(
            &["2026-03-01T09:30:00Z,9,,,web,en GB,,,,"],
            2,
            "locale",
            "“en GB”",
        );
        check_err(
            &["2026-03-01T09:30:00Z,9,,,web,,,,,"],
            2,
            "locale",
            "required",
        );
    }

    #[test]
    fn an_oversized_comment_is_refused_and_html_is_kept_as_text() {
        let long = format!("2026-03-01T09:30:00Z,9,{},,web,en,,,,", "x".repeat(5_001));
        check_err(&[GOOD, &long], 3, "comment", "at most 5000");
        let ok = format!("2026-03-01T09:30:00Z,9,{},,web,en,,,,", "x".repeat(5_000));
        let html = "2026-03-01T09:30:00Z,9,\"<script>alert(1)</script> <b>hi</b>, \"\"friend\"\"\",,web,en,,,,";
        let f = fixture();
        let rows = read_responses_csv(file(&[&ok, html]).as_bytes(), &nps_spec(&f)).unwrap();
        assert_eq!(rows[0].comment.as_str().len(), 5_000);
        assert_eq!(
            rows[1].comment.as_str(),
            "<script>alert(1)</script> <b>hi</b>, \"friend\""
        );
    }

    #[test]
    fn customers_are_checked_and_ignored_for_anonymous_surveys() {
        check_err(
            &["2026-03-01T09:30:00Z,9,,,web,en,c-1,not-an-address,,"],
            2,
            "customer_email",
            "“not-an-address”",
        );
        let long = format!("2026-03-01T09:30:00Z,9,,,web,en,{},,,", "c".repeat(201));
        check_err(&[&long], 2, "customer_id", "200");
        let f = fixture();
        let anon = ImportSpec::new(&survey(SurveyKind::Nps, None, true), touchpoints(&f));
        let rows = read_responses_csv(
            file(&["2026-03-01T09:30:00Z,9,,,web,en,c-1,not-an-address,,"]).as_bytes(),
            &anon,
        )
        .unwrap();
        assert_eq!(rows[0].customer, None);
        let only_email = read_responses_csv(
            file(&["2026-03-01T09:30:00Z,9,,,web,en,,Me@B.example,,"]).as_bytes(),
            &nps_spec(&f),
        )
        .unwrap();
        assert_eq!(
            only_email[0].customer,
            Some(CustomerKey {
                external_id: None,
                email: Email::parse("me@b.example").ok()
            })
        );
    }

    #[test]
    fn attribute_columns_need_plain_names_and_bounded_values() {
        let f = fixture();
        let bad_header = "submitted_at,score,comment,touchpoint,channel,locale,customer_id,customer_email,team name\n";
        let e = err(bad_header, &nps_spec(&f));
        assert_eq!((e.line, e.column.as_deref()), (1, Some("team name")), "{e}");
        let e = err(&bad_header.replace("team name", "Team Name"), &nps_spec(&f));
        assert_eq!(e.column.as_deref(), Some("Team Name"), "as written: {e}");
        let e = err(&bad_header.replace("team name", "1st"), &nps_spec(&f));
        assert_eq!(e.column.as_deref(), Some("1st"), "{e}");
        let e = err(&bad_header.replace("team name", "score"), &nps_spec(&f));
        assert!(e.to_string().contains("twice"), "{e}");
        let long = format!("2026-03-01T09:30:00Z,9,,,web,en,,,{},", "t".repeat(201));
        check_err(&[&long], 2, "team", "200");
        // Names are not case-sensitive; an attribute is read under its lower-case key.
        let upper = "Submitted_At,SCORE,comment,touchpoint,channel,locale,customer_id,customer_email,Region\n2026-03-01T09:30:00Z,9,,,web,en,,,Gwynedd\n";
        let rows = read_responses_csv(upper.as_bytes(), &nps_spec(&f)).unwrap();
        assert_eq!(
            rows[0].attributes.get("region").map(String::as_str),
            Some("Gwynedd")
        );
    }

    #[test]
    fn the_header_must_hold_every_standard_column_in_any_order() {
        let f = fixture();
        let e = err("submitted_at,score,channel,locale\n", &nps_spec(&f));
        assert_eq!(e.line, 1);
        assert!(
            e.to_string()
                .contains("comment, touchpoint, customer_id, customer_email"),
            "{e}"
        );
        let e = err("", &nps_spec(&f));
        assert!(e.to_string().contains("empty"), "{e}");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(HEADER.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let e = read_responses_csv(&utf16, &nps_spec(&f)).err().unwrap();
        assert!(e.to_string().contains("UTF-16"), "{e}");
        let shuffled = "locale,score,submitted_at,channel,touchpoint,comment,customer_email,customer_id\ncy,10,2026-03-01T09:30:00Z,sms,,Da iawn,,\n";
        let rows = read_responses_csv(shuffled.as_bytes(), &nps_spec(&f)).unwrap();
        assert_eq!(
            (rows[0].score, rows[0].locale, rows[0].channel),
            (10, Locale::Cy, Channel::Sms)
        );
        assert_eq!(rows[0].comment.as_str(), "Da iawn");
    }

    #[test]
    fn a_semicolon_separated_file_gets_a_clear_message() {
        let f = fixture();
        let semi = file(&[GOOD]).replace(',', ";");
        let e = err(&semi, &nps_spec(&f));
        assert_eq!(e.line, 1);
        assert!(
            e.to_string()
                .contains("the file is separated by ';' — taith expects commas"),
            "{e}"
        );
        let tabs = file(&[GOOD]).replace(',', "\t");
        assert!(
            err(&tabs, &nps_spec(&f))
                .to_string()
                .contains("separated by tabs")
        );
    }

    #[test]
    fn a_bom_and_crlf_line_ends_are_accepted() {
        let f = fixture();
        let input = format!(
            "\u{feff}{}",
            file(&[
                GOOD,
                "2026-03-01T09:30:00Z,8,\"two\r\nlines\",,web,en,,,,",
                GOOD
            ])
            .replace('\n', "\r\n")
        );
        let rows = read_responses_csv(input.as_bytes(), &nps_spec(&f)).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].comment.as_str(), "two\nlines");
        assert_eq!(
            rows[0].attributes.get("agent").map(String::as_str),
            Some("siân")
        );
        // The record after a two-line cell starts on line 5.
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 3, 5]);
        let bad = format!(
            "\u{feff}{}",
            file(&[GOOD, GOOD, "x,9,,,web,en,,,,"]).replace('\n', "\r\n")
        );
        assert_eq!(err(&bad, &nps_spec(&f)).line, 4);
    }

    /// Found by the `csv_import` fuzz target: in a file whose lines end in a lone CR (as
    /// "CSV (Macintosh)" files do), every record was named line 1.
    #[test]
    fn lines_ending_in_a_lone_carriage_return_are_counted() {
        let f = fixture();
        let rows = read_responses_csv(
            file(&[
                GOOD,
                GOOD,
                "2026-03-01T09:30:00Z,8,\"two\rlines\",,web,en,,,,",
                GOOD,
            ])
            .replace('\n', "\r")
            .as_bytes(),
            &nps_spec(&f),
        )
        .unwrap();
        assert_eq!(
            rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            [2, 3, 4, 6]
        );
        let bad = file(&[GOOD, GOOD, "x,9,,,web,en,,,,"]).replace('\n', "\r");
        let e = err(&bad, &nps_spec(&f));
        assert_eq!(
            (e.line, e.column.as_deref()),
            (4, Some("submitted_at")),
            "{e}"
        );
        // Mixed line ends count once each.
        let mixed = format!("{HEADER}\r\n{GOOD}\r{GOOD}\n\rx,9,,,web,en,,,,\r\n");
        assert_eq!(err(&mixed, &nps_spec(&f)).line, 5);
        assert_eq!(line_breaks(b"a\r\nb\rc\nd", 0, 8), 3);
        assert_eq!(
            line_breaks(b"a\r\nb", 0, 2),
            0,
            "a CR before an LF is no line end"
        );
        assert_eq!(
            line_breaks(b"a\r\r\nb", 0, 5),
            1,
            "nor are CRs before a CRLF"
        );
        assert_eq!(
            line_breaks(b"a\r\rb", 0, 4),
            2,
            "a blank line between lone CRs"
        );
    }

    #[test]
    fn line_numbers_count_blank_lines_and_multi_line_cells() {
        let f = fixture();
        let input = format!(
            "{HEADER}\n\n{GOOD}\n2026-03-01T09:30:00Z,8,\"a\nb\nc\",,web,en,,,,\n,,,,,,,,,\n\n{}\n",
            "2026-03-01T09:30:00Z,8,,,web,xx,,,,"
        );
        let e = err(&input, &nps_spec(&f));
        assert_eq!((e.line, e.column.as_deref()), (9, Some("locale")), "{e}");
    }

    #[test]
    fn broken_utf8_names_its_line() {
        let f = fixture();
        let mut input = file(&[GOOD, GOOD]).into_bytes();
        input.extend_from_slice(b"2026-03-01T09:30:00Z,9,caf\xE9,,web,en,,,,\n");
        let e = match read_responses_csv(&input, &nps_spec(&f)) {
            Err(e) => e,
            Ok(_) => panic!("latin-1 read as UTF-8"),
        };
        assert_eq!((e.line, e.column.as_deref()), (4, Some("comment")), "{e}");
        assert!(e.to_string().contains("UTF-8"), "{e}");
    }

    #[test]
    fn a_record_with_the_wrong_number_of_cells_names_its_line() {
        let f = fixture();
        let e = err(
            &file(&[GOOD, "2026-03-01T09:30:00Z,9,a, b,,web,en,,,,"]),
            &nps_spec(&f),
        );
        assert_eq!((e.line, e.column.as_deref()), (3, None));
        assert!(e.to_string().contains("11 cells"), "{e}");
    }

    #[test]
    fn defanging_prefixes_formula_cells_and_import_undoes_exactly_that() {
        for (plain, exported) in [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+44 29", "'+44 29"),
            ("-5 stars", "'-5 stars"),
            ("@home", "'@home"),
            ("\tx", "'\tx"),
            ("'=x", "''=x"),
            ("''-x", "'''-x"),
            ("'quoted'", "'quoted'"),
            ("it's", "it's"),
            ("", ""),
            ("-", "'-"),
        ] {
            assert_eq!(defang(plain), exported, "{plain:?}");
            assert_eq!(undefang(exported), plain, "{exported:?}");
        }
    }

    fn export_row(f: &Fixture, comment: &str, attributes: &[(&str, &str)]) -> ExportRow {
        let _ = f;
        ExportRow {
            submitted_at: OffsetDateTime::parse("2026-03-01T09:30:00.123456Z", &Rfc3339).unwrap(),
            score: 7,
            comment: comment.into(),
            touchpoint: Some("Doorstep delivery".into()),
            channel: Channel::InApp,
            locale: Locale::Ar,
            customer_id: Some("-42".into()),
            customer_email: Some("a@b.example".into()),
            attributes: attributes
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }

    #[test]
    fn an_export_reads_back_as_the_same_responses() {
        let f = fixture();
        let rows = vec![
            export_row(&f, "=HYPERLINK(\"http://evil\")", &[("team", "-north")]),
            export_row(&f, "-5 stars, \"meh\"\nsecond line", &[("agent", "@bob")]),
            export_row(&f, "'=already quoted", &[]),
            export_row(&f, "شكرا لكم", &[("team", "cardiff"), ("agent", "Siân")]),
        ];
        let csv = write_responses_csv(&rows);
        let mut lines = csv.lines();
        assert_eq!(
            lines.next(),
            Some(
                "submitted_at,score,comment,touchpoint,channel,locale,customer_id,customer_email,agent,team"
            )
        );
        assert_eq!(
            lines.next(),
            Some(
                "2026-03-01T09:30:00.123456Z,7,\"'=HYPERLINK(\"\"http://evil\"\")\",Doorstep delivery,in-app,ar,'-42,a@b.example,,'-north"
            )
        );
        let back = read_responses_csv(csv.as_bytes(), &nps_spec(&f)).unwrap();
        assert_eq!(back.len(), rows.len());
        for (r, b) in rows.iter().zip(&back) {
            assert_eq!(b.comment.as_str(), r.comment);
            assert_eq!(b.attributes, r.attributes);
            assert_eq!(b.submitted_at, r.submitted_at);
            assert_eq!(
                (b.score, b.channel, b.locale),
                (r.score, r.channel, r.locale)
            );
            assert_eq!(b.touchpoint_id, Some(f.delivery));
            let c = b.customer.clone().unwrap();
            assert_eq!(c.external_id, r.customer_id);
        }
    }

    #[test]
    fn json_export_has_the_same_fields() {
        let f = fixture();
        let json = write_responses_json(&[export_row(&f, "da", &[("team", "x")])]).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let r = &v["responses"][0];
        assert_eq!(r["submitted_at"], "2026-03-01T09:30:00.123456Z");
        assert_eq!(r["score"], 7);
        assert_eq!(r["channel"], "in-app");
        assert_eq!(r["locale"], "ar");
        assert_eq!(r["touchpoint"], "Doorstep delivery");
        assert_eq!(r["customer_id"], "-42");
        assert_eq!(r["attributes"]["team"], "x");
    }
}
