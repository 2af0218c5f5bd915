//! The event index (DESIGN §3, §4): one workspace's web events — page views, searches,
//! conversions, tasks, errors, clicks — held in memory as two tables of compact rows, beside
//! the responses' index and answered the same way: filters and groupings become lookup tables
//! per dictionary-encoded column, and one scan adds each passing row into its group.
//!
//! Bounce, conversion, error rate, visit duration and visitors are facts of *sessions*, not
//! of events: a question by touchpoint × week over fifty million events would otherwise have
//! to gather every session's events first. So each session's facts are kept up to date as its
//! events arrive, in a session row (19 bytes): its visitor (a 32-bit hash), start (seconds)
//! and length, page views, a bit per touchpoint it touched, its source, channel, locale, site
//! and three flags (an event other than a page view; a conversion; an error). Session
//! figures scan those rows; event figures (page views, task success, zero-result searches,
//! top pages and queries) scan the event rows (10 bytes: kind and flag with touchpoint, day,
//! subject — the page, query, goal, task, error kind or target — and the session's row).
//! At four events per session that is under 16 bytes per event.
//!
//! Limits, chosen for size: the first 31 touchpoints seen are told apart in session figures
//! (a session grouped or filtered by touchpoint counts for each of those it touched; events
//! on further touchpoints count for the session, not for a touchpoint); 65,534 subjects and
//! 65,534 sources, 254 sites, further ones counted as "other"; 4,095 touchpoints (further
//! ones count as none); a session's length is capped at about 18 hours, and its page views are
//! counted up to 31 for bounce (page view totals come from the event rows). A session is
//! looked up by its id while it is open: one not seen for six hours of event time is closed, and a later event of it starts
//! another. Visitors are counted by a 32-bit hash of their id, so among a million visitors a
//! few hundred pairs may count as one.
//!
//! No I/O here: the app feeds the index from the store.

use crate::formula::{SMALL_SAMPLE, wilson};
use crate::index::{Day, Dict, Dimension, Filter, Label, Layout, day_of};
use std::collections::HashMap;
use taith_domain::{Channel, Locale, TouchpointId};
use time::Date;

/// What a customer did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    PageView,
    Search { zero_results: bool },
    Conversion,
    Task { success: bool },
    Error,
    Click,
}

impl EventKind {
    fn code(self) -> u8 {
        match self {
            EventKind::PageView => KIND_PAGE_VIEW,
            EventKind::Search { zero_results } => KIND_SEARCH | flag(zero_results),
            EventKind::Conversion => KIND_CONVERSION,
            EventKind::Task { success } => KIND_TASK | flag(success),
            EventKind::Error => KIND_ERROR,
            EventKind::Click => KIND_CLICK,
        }
    }
}

fn flag(on: bool) -> u8 {
    if on { FLAG } else { 0 }
}

const KIND_PAGE_VIEW: u8 = 0;
const KIND_SEARCH: u8 = 1;
const KIND_CONVERSION: u8 = 2;
const KIND_TASK: u8 = 3;
const KIND_ERROR: u8 = 4;
const KIND_CLICK: u8 = 5;
const KIND_MASK: u8 = 0x07;
/// Zero results (search) or success (task).
const FLAG: u8 = 0x08;

/// A session's page views, counted up to 31 (bounce needs only 0, 1 or more).
const PAGE_VIEWS: u8 = 0x1F;
const SESSION_OTHER: u8 = 0x20;
const SESSION_CONVERSION: u8 = 0x40;
const SESSION_ERROR: u8 = 0x80;
/// Touchpoints beyond the first 4,095 seen count as none (the event row keeps 12 bits).
const TOUCHPOINT_CODE: u16 = 0x0FFF;

/// An event as the index takes it.
#[derive(Debug, Clone, Copy)]
pub struct IndexedEvent<'a> {
    /// Unix seconds, UTC.
    pub at: i64,
    pub kind: EventKind,
    /// The page's path (page view), the query (search), the goal (conversion), the task's
    /// name, the error's kind, or the click's target.
    pub subject: &'a str,
    pub visitor: &'a str,
    pub session: &'a str,
    pub touchpoint: Option<TouchpointId>,
    pub channel: Channel,
    pub locale: Locale,
    /// The site's name (or id), when the event came through a site.
    pub site: Option<&'a str>,
    /// Where the visit came from (the referrer's host); only the session's first event's counts.
    pub source: Option<&'a str>,
}

/// Strings to small codes, and back, looked up by `&str`. Code 0 is "none".
#[derive(Debug, Clone, Default)]
struct StrDict {
    values: Vec<Box<str>>,
    codes: HashMap<Box<str>, u32>,
}

impl StrDict {
    fn new() -> StrDict {
        StrDict {
            values: vec!["".into()],
            codes: HashMap::new(),
        }
    }

    /// The code of `v` (0 for None), a new one while fewer than `most` are held, else `other`.
    fn code(&mut self, v: Option<&str>, most: usize, other: u32) -> u32 {
        let Some(v) = v else { return 0 };
        if let Some(c) = self.codes.get(v) {
            return *c;
        }
        if self.values.len() >= most {
            return other;
        }
        let c = u32::try_from(self.values.len()).unwrap_or(other);
        self.values.push(v.into());
        self.codes.insert(v.into(), c);
        c
    }

    fn find(&self, v: &str) -> Option<u32> {
        self.codes.get(v).copied()
    }
}

/// A figure of web behaviour (DESIGN §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WebMetric {
    Visitors,
    PageViews,
    BounceRate,
    ConversionRate,
    SessionDuration,
    TaskSuccessRate,
    ErrorRate,
    SearchZeroResultRate,
}

impl WebMetric {
    pub const ALL: [WebMetric; 8] = [
        WebMetric::Visitors,
        WebMetric::PageViews,
        WebMetric::BounceRate,
        WebMetric::ConversionRate,
        WebMetric::SessionDuration,
        WebMetric::TaskSuccessRate,
        WebMetric::ErrorRate,
        WebMetric::SearchZeroResultRate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WebMetric::Visitors => "visitors",
            WebMetric::PageViews => "page_views",
            WebMetric::BounceRate => "bounce_rate",
            WebMetric::ConversionRate => "conversion_rate",
            WebMetric::SessionDuration => "session_duration",
            WebMetric::TaskSuccessRate => "task_success_rate",
            WebMetric::ErrorRate => "error_rate",
            WebMetric::SearchZeroResultRate => "search_zero_result_rate",
        }
    }

    pub fn parse(s: &str) -> Option<WebMetric> {
        WebMetric::ALL.iter().copied().find(|m| m.as_str() == s)
    }

    /// A share of 0…100 with a Wilson interval.
    pub fn is_proportion(self) -> bool {
        matches!(
            self,
            WebMetric::BounceRate
                | WebMetric::ConversionRate
                | WebMetric::TaskSuccessRate
                | WebMetric::ErrorRate
                | WebMetric::SearchZeroResultRate
        )
    }

    /// Whether a lower value is better (for trend arrows).
    pub fn lower_is_better(self) -> bool {
        matches!(
            self,
            WebMetric::BounceRate | WebMetric::ErrorRate | WebMetric::SearchZeroResultRate
        )
    }

    fn counts_sessions(self) -> bool {
        matches!(
            self,
            WebMetric::Visitors
                | WebMetric::BounceRate
                | WebMetric::ConversionRate
                | WebMetric::SessionDuration
                | WebMetric::ErrorRate
        )
    }
}

/// The dimensions events have beyond the responses' ones, named as `by=` and `where=` name
/// them (they reach the index as [`Dimension::Attribute`]).
pub const PAGE: &str = "page";
pub const QUERY: &str = "query";
pub const GOAL: &str = "goal";
pub const SITE: &str = "site";
pub const SOURCE: &str = "source";

/// A question to the event index.
#[derive(Debug, Clone)]
pub struct WebQuery {
    pub metric: WebMetric,
    /// Conversion rate: only conversions of this goal.
    pub goal: Option<String>,
    pub filters: Vec<Filter>,
    pub by: Vec<Dimension>,
    /// Inclusive, UTC days.
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// A group's figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure {
    /// Visitors or page views.
    Count(u64),
    /// `good` of `n`: bounced sessions of sessions with a page view, converted or failed
    /// sessions of sessions, successful tasks of tasks, zero-result searches of searches.
    Proportion { good: u64, n: u64 },
    /// Sessions, and their mean and median length in seconds (None when there are none).
    Duration {
        n: u64,
        mean: Option<f64>,
        median: Option<f64>,
    },
}

impl Figure {
    /// How many things the figure counts (sessions, events, visitors).
    pub fn n(&self) -> u64 {
        match self {
            Figure::Count(c) => *c,
            Figure::Proportion { n, .. } | Figure::Duration { n, .. } => *n,
        }
    }

    /// The figure's value: a count, a percentage, or the mean length in seconds.
    pub fn value(&self) -> Option<f64> {
        match self {
            Figure::Count(c) => Some(*c as f64),
            Figure::Proportion { good, n } => (*n > 0).then(|| 100.0 * *good as f64 / *n as f64),
            Figure::Duration { mean, .. } => *mean,
        }
    }

    /// A proportion's Wilson interval at 95%, in %.
    pub fn ci95(&self) -> Option<(f64, f64)> {
        match self {
            Figure::Proportion { good, n } if *n > 0 => {
                let (lo, hi) = wilson(*good, *n);
                Some((100.0 * lo, 100.0 * hi))
            }
            _ => None,
        }
    }

    /// The variance of a proportion's value (in %², for significance).
    pub fn variance(&self) -> Option<f64> {
        match self {
            Figure::Proportion { good, n } if *n > 0 => {
                let p = *good as f64 / *n as f64;
                Some(10_000.0 * p * (1.0 - p) / *n as f64)
            }
            _ => None,
        }
    }

    pub fn small_sample(&self) -> bool {
        match self {
            Figure::Count(_) => false,
            _ => self.n() < SMALL_SAMPLE,
        }
    }
}

/// One group of an answer: its labels in `by` order and its figure.
#[derive(Debug, Clone, PartialEq)]
pub struct WebGroup {
    pub key: Vec<Label>,
    pub figure: Figure,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebQueryError {
    EmptyRange,
    TooManyGroups(u64),
    /// This dimension cannot group or filter this metric (named as asked).
    Unsupported(String),
}

/// Most groups one question may make.
pub const MAX_GROUPS: u64 = 1_000_000;
/// Most distinct subjects, sources: further ones are "other".
const MAX_CODES: usize = u16::MAX as usize - 1;
const OTHER16: u16 = u16::MAX;
/// Touchpoints told apart per session (bit 0 is unused: code 0 is "no touchpoint").
const MASK_TOUCHPOINTS: usize = 32;
/// A session not seen for this long (in event time) is closed.
const SESSION_IDLE: i64 = 6 * 3600;
/// Open sessions kept before idle ones are closed.
const OPEN_SESSIONS: usize = 1 << 16;
/// The label of "other" subjects and sources.
pub const OTHER: &str = "(other)";

/// One workspace's events, as session rows and event rows.
#[derive(Debug, Clone, Default)]
pub struct EventIndex {
    touchpoints: Dict<Option<TouchpointId>>,
    /// Per kind, its subjects (code 0 unused).
    subjects: Vec<StrDict>,
    sources: StrDict,
    sites: StrDict,
    // Event rows.
    /// The kind and flag (high 4 bits) and the touchpoint's code (low 12 bits).
    e_kind_touchpoint: Vec<u16>,
    e_day: Vec<Day>,
    e_subject: Vec<u16>,
    e_session: Vec<u32>,
    // Session rows.
    s_visitor: Vec<u32>,
    s_start: Vec<u32>,
    s_length: Vec<u16>,
    s_touchpoints: Vec<u32>,
    s_source: Vec<u16>,
    /// Channel (low 4 bits) and locale (high 4 bits).
    s_place: Vec<u8>,
    s_site: Vec<u8>,
    /// Page views up to 31 (low 5 bits) and the three flags.
    s_facts: Vec<u8>,
    /// Open sessions: a hash of the session's id to its row.
    open: HashMap<u64, u32>,
    newest: i64,
}

/// FNV-1a, 64 bits: stable across runs and processes (visitor counts must not depend on a
/// process's random hash seed).
fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn code16(c: u32) -> u16 {
    u16::try_from(c).unwrap_or(OTHER16)
}

fn channel_code(c: Channel) -> u8 {
    Channel::ALL
        .iter()
        .position(|x| *x == c)
        .and_then(|p| u8::try_from(p).ok())
        .unwrap_or(0)
}

fn locale_code(l: Locale) -> u8 {
    Locale::ALL
        .iter()
        .position(|x| *x == l)
        .and_then(|p| u8::try_from(p).ok())
        .unwrap_or(0)
}

impl EventIndex {
    pub fn new() -> EventIndex {
        let mut index = EventIndex::default();
        index.touchpoints.code(&None);
        index.subjects = (0..=KIND_CLICK).map(|_| StrDict::new()).collect();
        index.sources = StrDict::new();
        index.sites = StrDict::new();
        index
    }

    /// Events counted.
    pub fn len(&self) -> usize {
        self.e_kind_touchpoint.len()
    }

    pub fn is_empty(&self) -> bool {
        self.e_kind_touchpoint.is_empty()
    }

    /// Sessions counted.
    pub fn sessions(&self) -> usize {
        self.s_start.len()
    }

    /// Bytes the rows hold (the dictionaries and open sessions are small beside them).
    pub fn memory_bytes(&self) -> usize {
        self.e_kind_touchpoint.capacity() * 2
            + self.e_day.capacity() * 2
            + self.e_subject.capacity() * 2
            + self.e_session.capacity() * 4
            + self.s_visitor.capacity() * 4
            + self.s_start.capacity() * 4
            + self.s_length.capacity() * 2
            + self.s_touchpoints.capacity() * 4
            + self.s_source.capacity() * 2
            + self.s_place.capacity()
            + self.s_site.capacity()
            + self.s_facts.capacity()
    }

    /// Gives back the room growing rows keep in reserve, after a bulk load.
    pub fn compact(&mut self) {
        self.e_kind_touchpoint.shrink_to_fit();
        self.e_day.shrink_to_fit();
        self.e_subject.shrink_to_fit();
        self.e_session.shrink_to_fit();
        self.s_visitor.shrink_to_fit();
        self.s_start.shrink_to_fit();
        self.s_length.shrink_to_fit();
        self.s_touchpoints.shrink_to_fit();
        self.s_source.shrink_to_fit();
        self.s_place.shrink_to_fit();
        self.s_site.shrink_to_fit();
        self.s_facts.shrink_to_fit();
    }

    /// Adds events (in the order they happened, roughly: a session's rows are found while it
    /// is open).
    pub fn add(&mut self, events: &[IndexedEvent<'_>]) {
        for e in events {
            self.add_one(e);
        }
    }

    pub fn add_one(&mut self, e: &IndexedEvent<'_>) {
        self.add_keyed(e, fnv(e.session), fnv(e.visitor) as u32);
    }

    /// Adds an event whose session and visitor ids are already hashed (`e.session` and
    /// `e.visitor` are not read).
    pub fn add_keyed(&mut self, e: &IndexedEvent<'_>, session: u64, visitor: u32) {
        let at = e.at.clamp(0, i64::from(u32::MAX));
        if at > self.newest {
            self.newest = at;
        }
        let touchpoint = match code16(self.touchpoints.code(&e.touchpoint)) {
            c if c <= TOUCHPOINT_CODE => c,
            _ => 0,
        };
        let kind = e.kind.code();
        let key = session;
        let row = match self.open.get(&key) {
            Some(r) => *r as usize,
            None => {
                if self.open.len() >= OPEN_SESSIONS {
                    self.close_idle();
                }
                let row = self.s_start.len();
                let source = code16(self.sources.code(e.source, MAX_CODES, u32::from(OTHER16)));
                let site = u8::try_from(self.sites.code(e.site, usize::from(u8::MAX), 255))
                    .unwrap_or(u8::MAX);
                self.s_visitor.push(visitor);
                self.s_start.push(at as u32);
                self.s_length.push(0);
                self.s_touchpoints.push(0);
                self.s_source.push(source);
                self.s_place
                    .push(channel_code(e.channel) | (locale_code(e.locale) << 4));
                self.s_site.push(site);
                self.s_facts.push(0);
                self.open
                    .insert(key, u32::try_from(row).unwrap_or(u32::MAX));
                row
            }
        };
        // The session's facts.
        let at32 = at as u32;
        let start = self.s_start[row];
        let end = start + u32::from(self.s_length[row]);
        let (start, end) = (start.min(at32), end.max(at32));
        self.s_start[row] = start;
        self.s_length[row] = u16::try_from(end - start).unwrap_or(u16::MAX);
        if usize::from(touchpoint) < MASK_TOUCHPOINTS && touchpoint > 0 {
            self.s_touchpoints[row] |= 1 << touchpoint;
        }
        let facts = &mut self.s_facts[row];
        match kind & KIND_MASK {
            KIND_PAGE_VIEW => {
                if *facts & PAGE_VIEWS < PAGE_VIEWS {
                    *facts += 1;
                }
            }
            KIND_CONVERSION => *facts |= SESSION_OTHER | SESSION_CONVERSION,
            KIND_ERROR => *facts |= SESSION_OTHER | SESSION_ERROR,
            _ => *facts |= SESSION_OTHER,
        }
        // The event's row.
        let subject = match self.subjects.get_mut(usize::from(kind & KIND_MASK)) {
            Some(d) => code16(d.code(Some(e.subject), MAX_CODES, u32::from(OTHER16))),
            None => 0,
        };
        self.e_kind_touchpoint
            .push((u16::from(kind) << 12) | touchpoint);
        self.e_day.push(day_of_secs(at));
        self.e_subject.push(subject);
        self.e_session.push(u32::try_from(row).unwrap_or(u32::MAX));
    }

    fn kind(&self, i: usize) -> u8 {
        (self.e_kind_touchpoint[i] >> 12) as u8
    }

    /// Closes sessions not seen for [`SESSION_IDLE`] of event time.
    fn close_idle(&mut self) {
        let horizon = self.newest - SESSION_IDLE;
        let (start, length) = (&self.s_start, &self.s_length);
        self.open.retain(|_, row| {
            let r = *row as usize;
            i64::from(start[r]) + i64::from(length[r]) >= horizon
        });
    }

    /// The subjects of one kind seen (pages, queries, goals…), in the order first seen.
    pub fn subjects(&self, kind: EventKind) -> Vec<&str> {
        let k = kind.code() & KIND_MASK;
        self.subjects
            .get(usize::from(k))
            .map(|d| d.values.iter().skip(1).map(|s| &**s).collect())
            .unwrap_or_default()
    }
}

fn day_of_secs(at: i64) -> Day {
    Day::try_from(at.div_euclid(86_400).max(0)).unwrap_or(Day::MAX)
}

/// Marks a filtered-out code in a lookup table.
const OUT: u32 = 1 << 31;

/// Which column a dimension reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Touchpoint,
    Channel,
    Locale,
    Site,
    Source,
    /// The event's subject (page, query, goal).
    Subject(u8),
    Time,
}

/// A dimension's buckets: labels in order and the bucket of each code (None: out).
struct Buckets {
    labels: Vec<Label>,
    of_code: Vec<Option<u32>>,
}

impl Buckets {
    fn from_labels(codes: Vec<Option<Label>>) -> Buckets {
        let mut labels: Vec<Label> = codes.iter().flatten().cloned().collect();
        labels.sort();
        labels.dedup();
        let rank: HashMap<&Label, u32> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l, u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        let of_code = codes
            .iter()
            .map(|l| l.as_ref().and_then(|l| rank.get(l).copied()))
            .collect();
        Buckets { labels, of_code }
    }
}

/// Per dimension: lookup tables code → share of the group number (or OUT).
#[derive(Debug, Clone)]
struct Plan {
    touchpoint: Vec<u32>,
    /// Touchpoint grouping with several codes in one bucket: a session's bits are
    /// deduplicated by bucket.
    touchpoint_shared: bool,
    /// Touchpoint filtered or grouped.
    touchpoint_used: bool,
    channel: Vec<u32>,
    locale: Vec<u32>,
    site: Vec<u32>,
    source: Vec<u32>,
    /// Subject (page, query, goal) table, for event scans.
    subject: Vec<u32>,
    subject_used: bool,
    /// Per day from `first_day`.
    day: Vec<u32>,
    first_day: Day,
    groups: usize,
    /// Sessions that must have viewed one of the filtered pages (session figures filtered by
    /// page), or converted on the goal.
    session_pages: Option<Vec<bool>>,
    session_goal: Option<Vec<bool>>,
}

impl EventIndex {
    fn col(&self, d: &Dimension) -> Option<Col> {
        Some(match d {
            Dimension::Touchpoint
            | Dimension::TouchpointId
            | Dimension::Stage
            | Dimension::Journey => Col::Touchpoint,
            Dimension::Channel => Col::Channel,
            Dimension::Locale => Col::Locale,
            Dimension::Day | Dimension::Week | Dimension::Month | Dimension::Quarter => Col::Time,
            Dimension::Attribute(a) => match a.as_str() {
                SITE => Col::Site,
                SOURCE => Col::Source,
                PAGE => Col::Subject(KIND_PAGE_VIEW),
                QUERY => Col::Subject(KIND_SEARCH),
                GOAL => Col::Subject(KIND_CONVERSION),
                _ => return None,
            },
            Dimension::Survey => return None,
        })
    }

    /// The label of each code of a column.
    fn labels(&self, d: &Dimension, col: Col, layout: &Layout) -> Vec<Option<Label>> {
        match col {
            Col::Touchpoint => self
                .touchpoints
                .values()
                .iter()
                .map(|tp| {
                    let tp = (*tp)?;
                    if matches!(d, Dimension::TouchpointId) {
                        return Some(Label::Touchpoint(tp));
                    }
                    let place = layout.touchpoints.get(&tp)?;
                    Some(Label::Text(match d {
                        Dimension::Touchpoint => place.touchpoint.clone(),
                        Dimension::Stage => place.stage.clone(),
                        _ => place.journey.clone(),
                    }))
                })
                .collect(),
            Col::Channel => Channel::ALL
                .iter()
                .map(|c| Some(Label::Channel(*c)))
                .collect(),
            Col::Locale => Locale::ALL
                .iter()
                .map(|l| Some(Label::Locale(*l)))
                .collect(),
            Col::Site => {
                let mut v: Vec<Option<Label>> = self
                    .sites
                    .values
                    .iter()
                    .enumerate()
                    .map(|(c, s)| (c > 0).then(|| Label::Text(s.to_string())))
                    .collect();
                v.resize(256, Some(Label::Text(OTHER.to_owned())));
                v
            }
            Col::Source => {
                let mut v: Vec<Option<Label>> = self
                    .sources
                    .values
                    .iter()
                    .map(|s| Some(Label::Text(s.to_string())))
                    .collect();
                v.resize(
                    usize::from(OTHER16) + 1,
                    Some(Label::Text(OTHER.to_owned())),
                );
                v
            }
            Col::Subject(k) => {
                let mut v: Vec<Option<Label>> = self
                    .subjects
                    .get(usize::from(k))
                    .map(|d| {
                        d.values
                            .iter()
                            .enumerate()
                            .map(|(c, s)| (c > 0).then(|| Label::Text(s.to_string())))
                            .collect()
                    })
                    .unwrap_or_default();
                v.resize(usize::from(OTHER16) + 1, None);
                v[usize::from(OTHER16)] = Some(Label::Text(OTHER.to_owned()));
                v
            }
            Col::Time => Vec::new(),
        }
    }

    fn day_range(&self, q: &WebQuery) -> Result<(Day, Day), WebQueryError> {
        let (from, to) = (q.from.map(day_of), q.to.map(day_of));
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(WebQueryError::EmptyRange);
        }
        let first = from.unwrap_or_else(|| self.e_day.iter().copied().min().unwrap_or(0));
        let last = to.unwrap_or_else(|| self.e_day.iter().copied().max().unwrap_or(0));
        Ok((first, last))
    }

    /// Sessions with an event of `kind` whose subject passes `pass`.
    fn sessions_with(&self, kind: u8, pass: &[bool]) -> Vec<bool> {
        let mut marked = vec![false; self.sessions()];
        for i in 0..self.len() {
            if self.kind(i) & KIND_MASK == kind
                && pass
                    .get(usize::from(self.e_subject[i]))
                    .copied()
                    .unwrap_or(false)
                && let Some(m) = marked.get_mut(self.e_session[i] as usize)
            {
                *m = true;
            }
        }
        marked
    }

    fn plan(
        &self,
        q: &WebQuery,
        layout: &Layout,
        first_day: Day,
        last_day: Day,
    ) -> Result<(Plan, Vec<Buckets>), WebQueryError> {
        let sessions = q.metric.counts_sessions();
        let unsupported = |d: &Dimension| WebQueryError::Unsupported(d.name().to_owned());
        let mut plan = Plan {
            touchpoint: vec![0; self.touchpoints.len().max(1)],
            touchpoint_shared: false,
            touchpoint_used: false,
            channel: vec![0; Channel::ALL.len()],
            locale: vec![0; Locale::ALL.len()],
            site: vec![0; 256],
            source: vec![0; usize::from(OTHER16) + 1],
            subject: vec![0; usize::from(OTHER16) + 1],
            subject_used: false,
            day: Vec::new(),
            first_day,
            groups: 1,
            session_pages: None,
            session_goal: None,
        };
        // Which event kinds an event figure counts; the subject column it may group by.
        let event_kind = match q.metric {
            WebMetric::PageViews => Some(KIND_PAGE_VIEW),
            WebMetric::TaskSuccessRate => Some(KIND_TASK),
            WebMetric::SearchZeroResultRate => Some(KIND_SEARCH),
            _ => None,
        };
        if let Some(goal) = &q.goal {
            let mut pass = vec![false; usize::from(OTHER16) + 1];
            if let Some(c) = self
                .subjects
                .get(usize::from(KIND_CONVERSION))
                .and_then(|d| d.find(goal))
                && let Some(p) = pass.get_mut(c as usize)
            {
                *p = true;
            }
            plan.session_goal = Some(self.sessions_with(KIND_CONVERSION, &pass));
        }
        for f in &q.filters {
            let col = self
                .col(&f.dimension)
                .ok_or_else(|| unsupported(&f.dimension))?;
            if col == Col::Time {
                continue;
            }
            let labels = self.labels(&f.dimension, col, layout);
            let pass: Vec<bool> = labels
                .iter()
                .map(|l| l.as_ref().is_some_and(|l| f.values.contains(l)))
                .collect();
            let table = match col {
                Col::Subject(KIND_CONVERSION) if q.metric == WebMetric::ConversionRate => {
                    let marked = self.sessions_with(KIND_CONVERSION, &pass);
                    plan.session_goal = Some(match plan.session_goal.take() {
                        Some(prev) => prev.iter().zip(&marked).map(|(a, b)| *a && *b).collect(),
                        None => marked,
                    });
                    continue;
                }
                Col::Subject(k) if Some(k) != event_kind => {
                    // A session figure (or another kind's) filtered by page: the sessions
                    // that viewed one of the pages.
                    if k != KIND_PAGE_VIEW {
                        return Err(unsupported(&f.dimension));
                    }
                    let marked = self.sessions_with(k, &pass);
                    plan.session_pages = Some(match plan.session_pages.take() {
                        Some(prev) => prev.iter().zip(&marked).map(|(a, b)| *a && *b).collect(),
                        None => marked,
                    });
                    continue;
                }
                Col::Subject(_) => {
                    plan.subject_used = true;
                    &mut plan.subject
                }
                Col::Touchpoint => {
                    plan.touchpoint_used = true;
                    &mut plan.touchpoint
                }
                Col::Channel => &mut plan.channel,
                Col::Locale => &mut plan.locale,
                Col::Site => &mut plan.site,
                Col::Source => &mut plan.source,
                Col::Time => continue,
            };
            for (e, p) in table.iter_mut().zip(&pass) {
                if !p {
                    *e = OUT;
                }
            }
        }
        // Groupings.
        let days = if first_day <= last_day {
            usize::from(last_day - first_day) + 1
        } else {
            0
        };
        plan.day = vec![0; days];
        let mut buckets = Vec::new();
        for d in &q.by {
            let col = self.col(d).ok_or_else(|| unsupported(d))?;
            let b = match col {
                Col::Time => {
                    let codes = (0..days)
                        .map(|i| Some(Label::of_day(d, first_day + i as Day)))
                        .collect();
                    Buckets::from_labels(codes)
                }
                Col::Subject(k) if Some(k) != event_kind => return Err(unsupported(d)),
                Col::Touchpoint if sessions && buckets_of_touchpoint_taken(&q.by, d) => {
                    return Err(unsupported(d));
                }
                _ => Buckets::from_labels(self.labels(d, col, layout)),
            };
            buckets.push((col, b));
        }
        let mut stride: u64 = 1;
        for (col, b) in buckets.iter().rev() {
            let this = u32::try_from(stride).map_err(|_| WebQueryError::TooManyGroups(stride))?;
            let table = match col {
                Col::Touchpoint => {
                    plan.touchpoint_used = true;
                    let mut seen = std::collections::HashSet::new();
                    plan.touchpoint_shared = b.of_code.iter().flatten().any(|x| !seen.insert(*x));
                    &mut plan.touchpoint
                }
                Col::Channel => &mut plan.channel,
                Col::Locale => &mut plan.locale,
                Col::Site => &mut plan.site,
                Col::Source => &mut plan.source,
                Col::Subject(_) => {
                    plan.subject_used = true;
                    &mut plan.subject
                }
                Col::Time => &mut plan.day,
            };
            for (e, bucket) in table.iter_mut().zip(&b.of_code) {
                match bucket {
                    Some(x) if *e & OUT == 0 => *e += x * this,
                    _ => *e = OUT,
                }
            }
            // Codes without a bucket entry (beyond the labels) are out.
            for e in table.iter_mut().skip(b.of_code.len()) {
                *e = OUT;
            }
            stride = stride.saturating_mul(b.labels.len().max(1) as u64);
            if stride > MAX_GROUPS {
                return Err(WebQueryError::TooManyGroups(stride));
            }
        }
        plan.groups = usize::try_from(stride).unwrap_or(usize::MAX);
        Ok((plan, buckets.into_iter().map(|(_, b)| b).collect()))
    }

    /// Answers `q`: the figure of every group that has anything counted, in key order.
    pub fn query(&self, q: &WebQuery, layout: &Layout) -> Result<Vec<WebGroup>, WebQueryError> {
        let (first_day, last_day) = self.day_range(q)?;
        let (plan, buckets) = self.plan(q, layout, first_day, last_day)?;
        let groups = plan.groups;
        let figures: Vec<Figure> = match q.metric {
            WebMetric::BounceRate | WebMetric::ConversionRate | WebMetric::ErrorRate => {
                let counts = self.scan_sessions_counts(&plan, q.metric);
                counts
                    .chunks_exact(2)
                    .map(|c| Figure::Proportion {
                        n: c[0],
                        good: c[1],
                    })
                    .collect()
            }
            WebMetric::Visitors => {
                let mut visitors: Vec<Vec<u32>> = vec![Vec::new(); groups];
                self.each_session(&plan, |g, s| visitors[g].push(self.s_visitor[s]));
                visitors
                    .into_iter()
                    .map(|mut v| {
                        v.sort_unstable();
                        v.dedup();
                        Figure::Count(v.len() as u64)
                    })
                    .collect()
            }
            WebMetric::SessionDuration => {
                let mut lengths: Vec<Vec<u16>> = vec![Vec::new(); groups];
                self.each_session(&plan, |g, s| lengths[g].push(self.s_length[s]));
                lengths.into_iter().map(|mut v| duration(&mut v)).collect()
            }
            WebMetric::PageViews | WebMetric::TaskSuccessRate | WebMetric::SearchZeroResultRate => {
                let kind = match q.metric {
                    WebMetric::PageViews => KIND_PAGE_VIEW,
                    WebMetric::TaskSuccessRate => KIND_TASK,
                    _ => KIND_SEARCH,
                };
                let counts = self.scan_events(&plan, kind);
                counts
                    .chunks_exact(2)
                    .map(|c| {
                        if q.metric == WebMetric::PageViews {
                            Figure::Count(c[0])
                        } else {
                            Figure::Proportion {
                                n: c[0],
                                good: c[1],
                            }
                        }
                    })
                    .collect()
            }
        };
        let mut out = Vec::new();
        for (g, figure) in figures.into_iter().enumerate() {
            if figure.n() == 0 && !q.by.is_empty() {
                continue;
            }
            let mut key = Vec::with_capacity(buckets.len());
            let mut rest = g;
            for b in buckets.iter().rev() {
                let len = b.labels.len().max(1);
                if let Some(l) = b.labels.get(rest % len) {
                    key.push(l.clone());
                }
                rest /= len;
            }
            key.reverse();
            out.push(WebGroup { key, figure });
        }
        Ok(out)
    }

    /// The session's share of the group number without its touchpoints, or OUT.
    #[inline]
    fn session_base(&self, plan: &Plan, s: usize) -> u32 {
        let day = day_of_secs(i64::from(self.s_start[s]));
        let d = if day < plan.first_day {
            OUT
        } else {
            plan.day
                .get(usize::from(day - plan.first_day))
                .copied()
                .unwrap_or(OUT)
        };
        let mut g = d;
        let mut out = d;
        for v in [
            plan.channel[usize::from(self.s_place[s] & 0x0F)],
            plan.locale[usize::from(self.s_place[s] >> 4)],
            plan.site[usize::from(self.s_site[s])],
            plan.source[usize::from(self.s_source[s])],
        ] {
            g = g.wrapping_add(v);
            out |= v;
        }
        if let Some(p) = &plan.session_pages
            && !p[s]
        {
            out |= OUT;
        }
        if out & OUT != 0 { OUT } else { g }
    }

    /// Calls `f(group, session)` for every session that passes, once per group it falls in.
    fn each_session(&self, plan: &Plan, mut f: impl FnMut(usize, usize)) {
        for s in 0..self.sessions() {
            let base = self.session_base(plan, s);
            if base == OUT {
                continue;
            }
            self.session_groups(plan, s, base, |g| f(g, s));
        }
    }

    #[inline]
    fn session_groups(&self, plan: &Plan, s: usize, base: u32, mut f: impl FnMut(usize)) {
        if !plan.touchpoint_used {
            f(base as usize);
            return;
        }
        let mut bits = self.s_touchpoints[s] & !1;
        let mut seen: [u32; MASK_TOUCHPOINTS] = [0; MASK_TOUCHPOINTS];
        let mut n_seen = 0;
        while bits != 0 {
            let b = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let t = plan.touchpoint.get(b).copied().unwrap_or(OUT);
            if t & OUT != 0 {
                continue;
            }
            if plan.touchpoint_shared {
                if seen[..n_seen].contains(&t) {
                    continue;
                }
                seen[n_seen] = t;
                n_seen += 1;
            }
            f(base.wrapping_add(t) as usize);
        }
    }

    /// Per group: sessions counted (n) and those with the fact (good), for bounce,
    /// conversion and error rate; split over the cores. The loop reads each session's start,
    /// facts and touchpoints (and the other columns only when they are filtered or grouped),
    /// with the day table covering every day a u16 holds, so it runs without bounds checks.
    fn scan_sessions_counts(&self, plan: &Plan, metric: WebMetric) -> Vec<u64> {
        let rows = self.sessions();
        let mut day_t = vec![OUT; 1 << 16];
        for (offset, v) in plan.day.iter().enumerate() {
            if let Some(e) = day_t.get_mut(usize::from(plan.first_day) + offset) {
                *e = *v;
            }
        }
        let mut tp_t = [OUT; MASK_TOUCHPOINTS];
        let mut tp_allowed: u32 = 0;
        for (b, t) in tp_t.iter_mut().enumerate().skip(1) {
            if let Some(v) = plan.touchpoint.get(b) {
                *t = *v;
                if v & OUT == 0 {
                    tp_allowed |= 1 << b;
                }
            }
        }
        let others = [&plan.channel, &plan.locale, &plan.site, &plan.source]
            .iter()
            .any(|t| t.iter().any(|v| *v != 0));
        let simple =
            plan.session_pages.is_none() && plan.session_goal.is_none() && !plan.touchpoint_shared;
        let (good_mask, good_is_bounce) = match metric {
            WebMetric::BounceRate => (0, true),
            WebMetric::ConversionRate => (SESSION_CONVERSION, false),
            _ => (SESSION_ERROR, false),
        };
        let parts = split(rows, |range| {
            let mut counts = vec![0u32; plan.groups * 2];
            if !simple {
                for s in range {
                    let base = self.session_base(plan, s);
                    if base == OUT {
                        continue;
                    }
                    let flags = self.s_facts[s];
                    let (counted, good) = match metric {
                        WebMetric::BounceRate => {
                            let pv = flags & PAGE_VIEWS;
                            (pv > 0, pv == 1 && flags & SESSION_OTHER == 0)
                        }
                        WebMetric::ConversionRate => (
                            true,
                            match &plan.session_goal {
                                Some(g) => g[s],
                                None => flags & SESSION_CONVERSION != 0,
                            },
                        ),
                        _ => (true, flags & SESSION_ERROR != 0),
                    };
                    if !counted {
                        continue;
                    }
                    self.session_groups(plan, s, base, |g| {
                        counts[2 * g] += 1;
                        counts[2 * g + 1] += u32::from(good);
                    });
                }
                return counts;
            }
            let start = &self.s_start[range.clone()];
            let facts = &self.s_facts[range.clone()];
            let touchpoints = &self.s_touchpoints[range.clone()];
            let (place, site, source) = (
                &self.s_place[range.clone()],
                &self.s_site[range.clone()],
                &self.s_source[range.clone()],
            );
            for k in 0..start.len() {
                let f = facts[k];
                let (counted, good) = if good_is_bounce {
                    let pv = f & PAGE_VIEWS;
                    (pv > 0, pv == 1 && f & SESSION_OTHER == 0)
                } else {
                    (true, f & good_mask != 0)
                };
                let mut g = day_t[(start[k] / 86_400) as usize & 0xFFFF];
                let mut out = g | if counted { 0 } else { OUT };
                if others {
                    for v in [
                        plan.channel[usize::from(place[k] & 0x0F)],
                        plan.locale[usize::from(place[k] >> 4)],
                        plan.site[usize::from(site[k])],
                        plan.source[usize::from(source[k])],
                    ] {
                        g = g.wrapping_add(v);
                        out |= v;
                    }
                }
                if out & OUT != 0 {
                    continue;
                }
                let good = u32::from(good);
                if !plan.touchpoint_used {
                    let slot = 2 * g as usize;
                    if let Some(c) = counts.get_mut(slot..slot + 2) {
                        c[0] += 1;
                        c[1] += good;
                    }
                    continue;
                }
                let mut bits = touchpoints[k] & tp_allowed;
                while bits != 0 {
                    let b = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    let slot = 2 * g.wrapping_add(tp_t[b & (MASK_TOUCHPOINTS - 1)]) as usize;
                    if let Some(c) = counts.get_mut(slot..slot + 2) {
                        c[0] += 1;
                        c[1] += good;
                    }
                }
            }
            counts
        });
        add_parts(parts, plan.groups * 2)
    }

    /// Per group: events of `kind` (n) and those flagged (good).
    fn scan_events(&self, plan: &Plan, kind: u8) -> Vec<u64> {
        let rows = self.len();
        let parts = split(rows, |range| {
            let mut counts = vec![0u32; plan.groups * 2];
            for i in range {
                let k = self.kind(i);
                if k & KIND_MASK != kind {
                    continue;
                }
                let day = self.e_day[i];
                let d = if day < plan.first_day {
                    OUT
                } else {
                    plan.day
                        .get(usize::from(day - plan.first_day))
                        .copied()
                        .unwrap_or(OUT)
                };
                let s = self.e_session[i] as usize;
                let tp = plan
                    .touchpoint
                    .get(usize::from(self.e_kind_touchpoint[i] & TOUCHPOINT_CODE))
                    .copied()
                    .unwrap_or(OUT);
                let sub = if plan.subject_used {
                    plan.subject[usize::from(self.e_subject[i])]
                } else {
                    0
                };
                let mut g = d.wrapping_add(tp).wrapping_add(sub);
                let mut out = d | tp | sub;
                for v in [
                    plan.channel[usize::from(self.s_place[s] & 0x0F)],
                    plan.locale[usize::from(self.s_place[s] >> 4)],
                    plan.site[usize::from(self.s_site[s])],
                    plan.source[usize::from(self.s_source[s])],
                ] {
                    g = g.wrapping_add(v);
                    out |= v;
                }
                if let Some(p) = &plan.session_pages
                    && !p[s]
                {
                    out |= OUT;
                }
                if out & OUT != 0 {
                    continue;
                }
                let g = g as usize;
                counts[2 * g] += 1;
                counts[2 * g + 1] += u32::from(k & FLAG != 0);
            }
            counts
        });
        add_parts(parts, plan.groups * 2)
    }

    /// A conversion funnel: of the sessions that pass `filters` and start in the period, how
    /// many reached each step in order (a step is a page viewed or a goal converted on,
    /// after the step before it in the session).
    pub fn funnel(
        &self,
        steps: &[FunnelStep],
        filters: &[Filter],
        from: Option<Date>,
        to: Option<Date>,
        layout: &Layout,
    ) -> Result<Vec<u64>, WebQueryError> {
        let q = WebQuery {
            metric: WebMetric::ConversionRate,
            goal: None,
            filters: filters.to_vec(),
            by: Vec::new(),
            from,
            to,
        };
        let (first_day, last_day) = self.day_range(&q)?;
        let (plan, _) = self.plan(&q, layout, first_day, last_day)?;
        // Each step as what an event must be to reach it: of a kind with a subject code
        // (pages, goals), or anything at a touchpoint; None when it was never seen.
        let matchers: Vec<Option<StepMatch>> = steps
            .iter()
            .map(|s| {
                let subject = |kind: u8, subject: &str| {
                    self.subjects
                        .get(usize::from(kind))
                        .and_then(|d| d.find(subject))
                        .map(|c| StepMatch::Subject(kind, code16(c)))
                };
                match s {
                    FunnelStep::Page(p) => subject(KIND_PAGE_VIEW, p),
                    FunnelStep::Goal(g) => subject(KIND_CONVERSION, g),
                    FunnelStep::Touchpoint(tp) => self
                        .touchpoints
                        .find(&Some(*tp))
                        .map(|c| StepMatch::Touchpoint(code16(c) & TOUCHPOINT_MASK)),
                }
            })
            .collect();
        let mut passes = vec![false; self.sessions()];
        for (s, p) in passes.iter_mut().enumerate() {
            let base = self.session_base(&plan, s);
            if base != OUT {
                let mut any = false;
                self.session_groups(&plan, s, base, |_| any = true);
                *p = any;
            }
        }
        let mut progress = vec![0u8; self.sessions()];
        for i in 0..self.len() {
            let s = self.e_session[i] as usize;
            if !passes[s] {
                continue;
            }
            let p = usize::from(progress[s]);
            let reaches = match matchers.get(p) {
                Some(Some(StepMatch::Subject(kind, code))) => {
                    self.kind(i) & KIND_MASK == *kind && self.e_subject[i] == *code
                }
                Some(Some(StepMatch::Touchpoint(code))) => {
                    self.e_kind_touchpoint[i] & TOUCHPOINT_MASK == *code
                }
                _ => false,
            };
            if reaches {
                progress[s] += 1;
            }
        }
        let mut reached = vec![0u64; steps.len()];
        for (s, p) in progress.iter().enumerate() {
            if passes[s] {
                for r in reached.iter_mut().take(usize::from(*p)) {
                    *r += 1;
                }
            }
        }
        Ok(reached)
    }
}

/// Whether grouping sessions by two touchpoint dimensions (which would cross a session's
/// touchpoints with each other) is asked.
fn buckets_of_touchpoint_taken(by: &[Dimension], d: &Dimension) -> bool {
    let touchpointish = |x: &Dimension| {
        matches!(
            x,
            Dimension::Touchpoint | Dimension::TouchpointId | Dimension::Stage | Dimension::Journey
        )
    };
    by.iter().filter(|x| touchpointish(x)).count() > 1 && touchpointish(d)
}

/// A step of a funnel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FunnelStep {
    Page(String),
    Goal(String),
    /// Any event at the touchpoint (a stage's drop-off between consecutive touchpoints).
    Touchpoint(TouchpointId),
}

/// What an event must be to reach a funnel step.
#[derive(Debug, Clone, Copy)]
enum StepMatch {
    /// Of this kind, with this subject code.
    Subject(u8, u16),
    /// At this touchpoint (code).
    Touchpoint(u16),
}

/// The touchpoint's code in `e_kind_touchpoint` (the kind is in the high 4 bits).
const TOUCHPOINT_MASK: u16 = 0x0fff;

fn duration(v: &mut [u16]) -> Figure {
    let n = v.len() as u64;
    if v.is_empty() {
        return Figure::Duration {
            n,
            mean: None,
            median: None,
        };
    }
    let sum: u64 = v.iter().map(|x| u64::from(*x)).sum();
    v.sort_unstable();
    let mid = v.len() / 2;
    let median = if v.len() % 2 == 1 {
        f64::from(v[mid])
    } else {
        (f64::from(v[mid - 1]) + f64::from(v[mid])) / 2.0
    };
    Figure::Duration {
        n,
        mean: Some(sum as f64 / n as f64),
        median: Some(median),
    }
}

/// Runs `work` over `0..rows` cut into one range per core.
fn split<T: Send>(rows: usize, work: impl Fn(std::ops::Range<usize>) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 16);
    let threads = if rows < 200_000 { 1 } else { threads };
    if threads == 1 {
        return vec![work(0..rows)];
    }
    let chunk = rows.div_ceil(threads).max(1);
    let work = &work;
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let range = (t * chunk).min(rows)..((t + 1) * chunk).min(rows);
                s.spawn(move || work(range))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| match h.join() {
                Ok(v) => v,
                Err(p) => std::panic::resume_unwind(p),
            })
            .collect()
    })
}

fn add_parts(parts: Vec<Vec<u32>>, len: usize) -> Vec<u64> {
    let mut total = vec![0u64; len];
    for p in parts {
        for (t, c) in total.iter_mut().zip(p) {
            *t += u64::from(c);
        }
    }
    total
}

#[cfg(test)]
#[path = "events_tests.rs"]
mod tests;
