//! Cases: the follow-up of an unhappy customer (or any response, comment or feature request a
//! member chooses), with an owner, a status, a due time from the workspace's service level
//! (SLA) counted in business hours, a root cause from the workspace's list, notes, replies to
//! the customer and a log of every change.

use crate::{
    CaseId, CustomerId, FeatureRequestId, Issue, LongText, Name, ResponseId, RootCauseId, SurveyId,
    TouchpointId, UserId, ValidationErrors,
};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use time::{Duration, OffsetDateTime, UtcOffset, Weekday};

/// Where a case stands.
///
/// Allowed moves ([`CaseStatus::can_become`]): an active case (open, in progress, waiting for
/// the customer) may move to any other status; a closed one (resolved, closed with no action)
/// may only be reopened (back to open). Staying put is not a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Open,
    InProgress,
    WaitingForCustomer,
    Resolved,
    ClosedNoAction,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 5] = [
        CaseStatus::Open,
        CaseStatus::InProgress,
        CaseStatus::WaitingForCustomer,
        CaseStatus::Resolved,
        CaseStatus::ClosedNoAction,
    ];

    /// The stable code stored and sent by the API.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::InProgress => "in_progress",
            CaseStatus::WaitingForCustomer => "waiting_for_customer",
            CaseStatus::Resolved => "resolved",
            CaseStatus::ClosedNoAction => "closed_no_action",
        }
    }

    /// The code with dashes, as Fluent keys and CSS classes spell it.
    pub fn slug(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::InProgress => "in-progress",
            CaseStatus::WaitingForCustomer => "waiting-for-customer",
            CaseStatus::Resolved => "resolved",
            CaseStatus::ClosedNoAction => "closed-no-action",
        }
    }

    /// Resolved or closed with no action: the case's clock has stopped.
    pub fn is_closed(self) -> bool {
        matches!(self, CaseStatus::Resolved | CaseStatus::ClosedNoAction)
    }

    /// Whether a case in this status may be moved to `to` (see the type's documentation).
    pub fn can_become(self, to: CaseStatus) -> bool {
        if self == to {
            return false;
        }
        if self.is_closed() {
            return to == CaseStatus::Open;
        }
        true
    }
}

impl FromStr for CaseStatus {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Issue::Required);
        }
        CaseStatus::ALL
            .into_iter()
            .find(|v| v.as_str() == s || v.slug() == s)
            .ok_or(Issue::UnknownValue)
    }
}

/// How a case came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseSource {
    /// Opened by the survey's rule on a low score.
    Score,
    /// Opened by the survey's rule on a comment read as negative.
    Sentiment,
    /// Opened by a member from a response or comment.
    Response,
    /// Opened by a member from a feature request.
    FeatureRequest,
    /// Opened by a member with nothing behind it (the API without a source).
    Manual,
}

impl CaseSource {
    pub fn as_str(self) -> &'static str {
        match self {
            CaseSource::Score => "score",
            CaseSource::Sentiment => "sentiment",
            CaseSource::Response => "response",
            CaseSource::FeatureRequest => "feature_request",
            CaseSource::Manual => "manual",
        }
    }

    pub fn is_automatic(self) -> bool {
        matches!(self, CaseSource::Score | CaseSource::Sentiment)
    }
}

impl FromStr for CaseSource {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            CaseSource::Score,
            CaseSource::Sentiment,
            CaseSource::Response,
            CaseSource::FeatureRequest,
            CaseSource::Manual,
        ]
        .into_iter()
        .find(|v| v.as_str() == s.trim())
        .ok_or(Issue::UnknownValue)
    }
}

// --- business hours and the SLA ------------------------------------------------------------------

/// When the business works: which weekdays, from when to when (minutes after local midnight),
/// and the local time's offset from UTC. A workspace has no time zone of its own elsewhere in
/// taith, so the SLA carries a fixed UTC offset (daylight saving is not followed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessHours {
    /// Monday first.
    pub days: [bool; 7],
    pub start_minute: u16,
    pub end_minute: u16,
    pub utc_offset_minutes: i16,
}

impl Default for BusinessHours {
    /// Monday to Friday, 09:00–17:00, UTC.
    fn default() -> Self {
        BusinessHours {
            days: [true, true, true, true, true, false, false],
            start_minute: 9 * 60,
            end_minute: 17 * 60,
            utc_offset_minutes: 0,
        }
    }
}

fn weekday_index(d: Weekday) -> usize {
    usize::from(d.number_days_from_monday())
}

impl BusinessHours {
    fn offset(&self) -> UtcOffset {
        UtcOffset::from_whole_seconds(i32::from(self.utc_offset_minutes) * 60)
            .unwrap_or(UtcOffset::UTC)
    }

    fn usable(&self) -> bool {
        self.days.iter().any(|d| *d) && self.start_minute < self.end_minute
    }

    /// The moment `hours` business hours after `from`: only time inside the working hours of
    /// working days counts; nights and days off are skipped. A start outside the hours counts
    /// from the next opening. The answer is in UTC.
    pub fn add(&self, from: OffsetDateTime, hours: u32) -> OffsetDateTime {
        if !self.usable() {
            return from + Duration::hours(i64::from(hours));
        }
        let mut remaining = i64::from(hours) * 3_600;
        let mut t = from.to_offset(self.offset());
        let start = i64::from(self.start_minute) * 60;
        let end = i64::from(self.end_minute) * 60;
        // Each pass either moves to the next opening or finishes; a week has at least one
        // working minute, so this many passes always suffice.
        let passes = (remaining / 60 + 2) * 8;
        for _ in 0..passes {
            let day_start = t.replace_time(time::Time::MIDNIGHT);
            let next_opening = day_start + Duration::days(1) + Duration::seconds(start);
            let second = (t - day_start).whole_seconds();
            if !self.days[weekday_index(t.weekday())] || second >= end {
                t = next_opening;
                continue;
            }
            if second < start {
                t = day_start + Duration::seconds(start);
            }
            let left_today = (day_start + Duration::seconds(end) - t).whole_seconds();
            if remaining <= left_today {
                return (t + Duration::seconds(remaining)).to_offset(UtcOffset::UTC);
            }
            remaining -= left_today;
            t = next_opening;
        }
        from + Duration::hours(i64::from(hours))
    }

    /// The business time between `from` and `to` (zero when `to` is not after `from`): only
    /// time inside the working hours of working days counts, as for [`BusinessHours::add`].
    pub fn between(&self, from: OffsetDateTime, to: OffsetDateTime) -> Duration {
        if to <= from {
            return Duration::ZERO;
        }
        if !self.usable() {
            return to - from;
        }
        let start = Duration::minutes(i64::from(self.start_minute));
        let end = Duration::minutes(i64::from(self.end_minute));
        let (from, to) = (from.to_offset(self.offset()), to.to_offset(self.offset()));
        let mut total = Duration::ZERO;
        let mut day = from.replace_time(time::Time::MIDNIGHT);
        while day < to {
            if self.days[weekday_index(day.weekday())] {
                let open = (day + start).max(from);
                let close = (day + end).min(to);
                if close > open {
                    total += close - open;
                }
            }
            day += Duration::days(1);
        }
        total
    }
}

/// A workspace's service level for cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sla {
    /// Business hours within which a person acts on a new case.
    pub first_action_hours: u32,
    /// Business hours within which a case is resolved (or closed).
    pub resolve_hours: u32,
    pub hours: BusinessHours,
}

impl Default for Sla {
    /// First action within one working day (8 business hours), resolved within a working
    /// week (40).
    fn default() -> Self {
        Sla {
            first_action_hours: 8,
            resolve_hours: 40,
            hours: BusinessHours::default(),
        }
    }
}

impl Sla {
    pub const MAX_HOURS: u32 = 2_000;

    /// When a case opened at `opened` is due for its first action and for resolution.
    pub fn due(&self, opened: OffsetDateTime) -> (OffsetDateTime, OffsetDateTime) {
        (
            self.hours.add(opened, self.first_action_hours),
            self.hours.add(opened, self.resolve_hours),
        )
    }
}

/// The SLA as typed into the settings form or sent to the API.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SlaInput {
    #[serde(default)]
    pub first_action_hours: String,
    #[serde(default)]
    pub resolve_hours: String,
    /// `09:00`.
    #[serde(default)]
    pub day_start: String,
    /// `17:00`.
    #[serde(default)]
    pub day_end: String,
    /// Weekday codes `mon` … `sun`.
    #[serde(default)]
    pub days: Vec<String>,
    /// `+01:00`, `-05:30`, `Z` or `UTC`.
    #[serde(default)]
    pub utc_offset: String,
}

pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn parse_hours(s: &str) -> Result<u32, Issue> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Issue::Required);
    }
    let v: u32 = s.parse().map_err(|_| Issue::Invalid)?;
    if v == 0 || v > Sla::MAX_HOURS {
        return Err(Issue::Invalid);
    }
    Ok(v)
}

/// `HH:MM` as minutes after midnight; `24:00` is the end of the day.
pub fn parse_clock(s: &str) -> Result<u16, Issue> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Issue::Required);
    }
    let (h, m) = s.split_once(':').ok_or(Issue::Invalid)?;
    let h: u16 = h.trim().parse().map_err(|_| Issue::Invalid)?;
    let m: u16 = m.trim().parse().map_err(|_| Issue::Invalid)?;
    if m >= 60 || h > 24 || (h == 24 && m > 0) {
        return Err(Issue::Invalid);
    }
    Ok(h * 60 + m)
}

pub fn format_clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// `+01:00` → 60; `Z`, `UTC` or empty → 0. Between −14:00 and +14:00.
pub fn parse_offset(s: &str) -> Result<i16, Issue> {
    let s = s.trim();
    if s.is_empty() || s.eq_ignore_ascii_case("z") || s.eq_ignore_ascii_case("utc") {
        return Ok(0);
    }
    let s = s
        .strip_prefix("UTC")
        .or_else(|| s.strip_prefix("utc"))
        .unwrap_or(s);
    let (sign, rest) = match s.as_bytes().first() {
        Some(b'+') => (1, &s[1..]),
        Some(b'-') => (-1, &s[1..]),
        _ => return Err(Issue::Invalid),
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
    let h: i16 = h.parse().map_err(|_| Issue::Invalid)?;
    let m: i16 = m.parse().map_err(|_| Issue::Invalid)?;
    if !(0..60).contains(&m) || !(0..=14).contains(&h) || (h == 14 && m > 0) {
        return Err(Issue::Invalid);
    }
    Ok(sign * (h * 60 + m))
}

pub fn format_offset(minutes: i16) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

impl SlaInput {
    pub fn from_sla(s: &Sla) -> SlaInput {
        SlaInput {
            first_action_hours: s.first_action_hours.to_string(),
            resolve_hours: s.resolve_hours.to_string(),
            day_start: format_clock(s.hours.start_minute),
            day_end: format_clock(s.hours.end_minute),
            days: WEEKDAYS
                .iter()
                .zip(s.hours.days)
                .filter(|(_, on)| *on)
                .map(|(d, _)| (*d).to_owned())
                .collect(),
            utc_offset: format_offset(s.hours.utc_offset_minutes),
        }
    }

    /// Every field checked; errors name `first_action_hours`, `resolve_hours`, `day_start`,
    /// `day_end`, `days` and `utc_offset`.
    pub fn parse(&self) -> Result<Sla, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let first = e.check("first_action_hours", parse_hours(&self.first_action_hours));
        let resolve = e.check("resolve_hours", parse_hours(&self.resolve_hours));
        if let (Some(f), Some(r)) = (first, resolve)
            && r < f
        {
            e.push("resolve_hours", Issue::BeforeStart);
        }
        let start = e.check("day_start", parse_clock(&self.day_start));
        let end = e.check("day_end", parse_clock(&self.day_end));
        if let (Some(s), Some(en)) = (start, end)
            && en <= s
        {
            e.push("day_end", Issue::BeforeStart);
        }
        let mut days = [false; 7];
        for d in &self.days {
            match WEEKDAYS
                .iter()
                .position(|w| w.eq_ignore_ascii_case(d.trim()))
            {
                Some(i) => days[i] = true,
                None => {
                    e.push("days", Issue::UnknownValue);
                    break;
                }
            }
        }
        if !days.iter().any(|d| *d) && e.issue_for("days").is_none() {
            e.push("days", Issue::Required);
        }
        let offset = e.check("utc_offset", parse_offset(&self.utc_offset));
        match (first, resolve, start, end, offset) {
            (Some(f), Some(r), Some(s), Some(en), Some(o)) if e.is_empty() => Ok(Sla {
                first_action_hours: f,
                resolve_hours: r,
                hours: BusinessHours {
                    days,
                    start_minute: s,
                    end_minute: en,
                    utc_offset_minutes: o,
                },
            }),
            _ => Err(e),
        }
    }
}

// --- root causes ------------------------------------------------------------------------------

/// One entry of a workspace's root-cause list. A cause taken off the list is kept (archived)
/// for the cases that name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RootCause {
    pub id: RootCauseId,
    pub name: Name,
    pub archived: bool,
}

/// The most causes a list holds, and the longest name.
pub const MAX_ROOT_CAUSES: usize = 50;
pub const MAX_ROOT_CAUSE_CHARS: usize = 80;

/// Parses a root-cause list (one name per entry, blank entries dropped). Errors name the entry
/// `root_causes.N` (0-based, among the entries given): too long, or the same name twice
/// (case-insensitive); `root_causes` when there are too many.
pub fn parse_root_causes(raw: &[String]) -> Result<Vec<Name>, ValidationErrors> {
    let mut e = ValidationErrors::default();
    let mut out: Vec<Name> = Vec::new();
    for (i, s) in raw.iter().enumerate() {
        if s.trim().is_empty() {
            continue;
        }
        let field = format!("root_causes.{i}");
        match Name::parse(s) {
            Ok(n) if n.as_str().chars().count() > MAX_ROOT_CAUSE_CHARS => {
                e.push(field, Issue::TooLong)
            }
            Ok(n) => {
                if out
                    .iter()
                    .any(|o| o.as_str().to_lowercase() == n.as_str().to_lowercase())
                {
                    e.push(field, Issue::Taken);
                } else {
                    out.push(n);
                }
            }
            Err(issue) => e.push(field, issue),
        }
    }
    if out.len() > MAX_ROOT_CAUSES {
        e.push("root_causes", Issue::TooLong);
    }
    e.into_result().map(|()| out)
}

// --- notes and replies ----------------------------------------------------------------------------

/// The longest note or reply, in characters.
pub const MAX_NOTE_CHARS: usize = 4_000;

/// A note's or reply's text: required, at most [`MAX_NOTE_CHARS`].
pub fn parse_note(field: &str, s: &str) -> Result<LongText, ValidationErrors> {
    let parsed = LongText::parse(s).and_then(|t| {
        if t.is_empty() {
            Err(Issue::Required)
        } else if t.as_str().chars().count() > MAX_NOTE_CHARS {
            Err(Issue::TooLong)
        } else {
            Ok(t)
        }
    });
    parsed.map_err(|i| ValidationErrors::one(field, i))
}

// --- opening rules --------------------------------------------------------------------------------

/// A survey's rules for opening cases by themselves. Both on unless turned off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRules {
    /// NPS 0–6; CSAT and CES: the bottom two points of the scale. Custom surveys: never.
    pub low_score: bool,
    /// A comment read as negative.
    pub negative_comment: bool,
}

impl Default for CaseRules {
    fn default() -> Self {
        CaseRules {
            low_score: true,
            negative_comment: true,
        }
    }
}

/// Whether `score` on a survey of `kind` and `scale` is low enough to open a case.
pub fn is_low_score(kind: crate::SurveyKind, scale: crate::Scale, score: i16) -> bool {
    match kind {
        crate::SurveyKind::Nps => score <= 6,
        crate::SurveyKind::Csat | crate::SurveyKind::Ces => score <= scale.low + 1,
        crate::SurveyKind::Custom => false,
    }
}

// --- the case and its log ---------------------------------------------------------------------------

/// A stored case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Case {
    pub id: CaseId,
    /// A short number per workspace, for people to say ("case 42").
    pub number: i64,
    pub source: CaseSource,
    pub response_id: Option<ResponseId>,
    pub feature_request_id: Option<FeatureRequestId>,
    pub survey_id: Option<SurveyId>,
    pub customer_id: Option<CustomerId>,
    pub touchpoint_id: Option<TouchpointId>,
    pub owner: Option<UserId>,
    pub status: CaseStatus,
    pub root_cause: Option<RootCauseId>,
    pub opened_at: OffsetDateTime,
    /// The first action by a person (see [`CaseChange::is_first_action`]).
    pub first_action_at: Option<OffsetDateTime>,
    /// When it was last resolved or closed; None while active.
    pub closed_at: Option<OffsetDateTime>,
    pub first_action_due: OffsetDateTime,
    pub resolve_due: OffsetDateTime,
    /// Bumped by every change: a stale edit is refused.
    pub version: i64,
    pub updated_at: OffsetDateTime,
}

/// Why a case is overdue, if it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overdue {
    /// Nobody has acted on it and its first-action time has passed.
    FirstAction,
    /// Still active after its resolution time.
    Resolution,
}

impl Case {
    /// Whether the case is overdue at `now`: active and past its resolution time, or not yet
    /// acted on and past its first-action time. A closed case is never overdue now.
    pub fn overdue_at(&self, now: OffsetDateTime) -> Option<Overdue> {
        if self.status.is_closed() {
            return None;
        }
        if now > self.resolve_due {
            return Some(Overdue::Resolution);
        }
        if self.first_action_at.is_none() && now > self.first_action_due {
            return Some(Overdue::FirstAction);
        }
        None
    }

    /// Whether the case missed either of its times, now or when it happened: the "share
    /// overdue" figure counts these.
    pub fn missed_sla(&self, now: OffsetDateTime) -> bool {
        let acted = self.first_action_at.unwrap_or(now);
        let closed = self.closed_at.unwrap_or(now);
        acted > self.first_action_due || closed > self.resolve_due
    }
}

/// One change to a case, as the log records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CaseChange {
    Opened {
        source: CaseSource,
    },
    Status {
        from: CaseStatus,
        to: CaseStatus,
    },
    Owner {
        from: Option<UserId>,
        to: Option<UserId>,
    },
    RootCause {
        from: Option<RootCauseId>,
        to: Option<RootCauseId>,
    },
    Note {
        text: String,
    },
    Reply {
        text: String,
    },
}

impl CaseChange {
    pub fn kind(&self) -> &'static str {
        match self {
            CaseChange::Opened { .. } => "opened",
            CaseChange::Status { .. } => "status",
            CaseChange::Owner { .. } => "owner",
            CaseChange::RootCause { .. } => "root_cause",
            CaseChange::Note { .. } => "note",
            CaseChange::Reply { .. } => "reply",
        }
    }

    /// The one definition of "first action": the first change a person (not taith itself)
    /// makes after the case was opened — a status change, a note, a reply, or an owner
    /// change by hand. Opening is never one, nor a root cause alone (it classifies the case,
    /// it does not act on it).
    pub fn is_first_action(&self, by_person: bool) -> bool {
        by_person
            && matches!(
                self,
                CaseChange::Status { .. }
                    | CaseChange::Note { .. }
                    | CaseChange::Reply { .. }
                    | CaseChange::Owner { .. }
            )
    }
}

/// A log entry: who changed what, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseEntry {
    pub at: OffsetDateTime,
    /// The member who made the change; None: taith itself (an automatic opening) or an API
    /// token.
    pub actor: Option<UserId>,
    /// The actor's name as it was ("taith" for automatic changes, "API token …").
    pub actor_name: String,
    pub change: CaseChange,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn closed_cases_can_only_be_reopened_and_active_ones_move_anywhere() {
        for from in CaseStatus::ALL {
            for to in CaseStatus::ALL {
                let expected = from != to && (!from.is_closed() || to == CaseStatus::Open);
                assert_eq!(from.can_become(to), expected, "{from:?} → {to:?}");
            }
        }
    }

    #[test]
    fn a_status_reads_its_code_and_its_slug() {
        for s in CaseStatus::ALL {
            assert_eq!(s.as_str().parse::<CaseStatus>(), Ok(s));
            assert_eq!(s.slug().parse::<CaseStatus>(), Ok(s));
        }
        assert_eq!("done".parse::<CaseStatus>(), Err(Issue::UnknownValue));
    }

    #[test]
    fn business_hours_within_the_same_day_are_plain_hours() {
        let h = BusinessHours::default();
        // Monday 10:00 + 3 h = Monday 13:00.
        assert_eq!(
            h.add(datetime!(2026-03-02 10:00 UTC), 3),
            datetime!(2026-03-02 13:00 UTC)
        );
    }

    #[test]
    fn business_hours_skip_the_night() {
        let h = BusinessHours::default();
        // Monday 15:00 + 4 h: 2 h on Monday, 2 h on Tuesday from 09:00.
        assert_eq!(
            h.add(datetime!(2026-03-02 15:00 UTC), 4),
            datetime!(2026-03-03 11:00 UTC)
        );
    }

    #[test]
    fn business_hours_skip_the_weekend_and_start_counting_at_opening() {
        let h = BusinessHours::default();
        // Friday 16:00 + 2 h: 1 h on Friday, 1 h on Monday.
        assert_eq!(
            h.add(datetime!(2026-03-06 16:00 UTC), 2),
            datetime!(2026-03-09 10:00 UTC)
        );
        // Saturday night + 8 h: the whole of Monday.
        assert_eq!(
            h.add(datetime!(2026-03-07 23:00 UTC), 8),
            datetime!(2026-03-09 17:00 UTC)
        );
        // Before opening on a Tuesday + 1 h.
        assert_eq!(
            h.add(datetime!(2026-03-03 06:30 UTC), 1),
            datetime!(2026-03-03 10:00 UTC)
        );
        // 40 h from Monday 09:00 is Friday 17:00.
        assert_eq!(
            h.add(datetime!(2026-03-02 09:00 UTC), 40),
            datetime!(2026-03-06 17:00 UTC)
        );
    }

    #[test]
    fn business_hours_follow_the_workspaces_offset() {
        let h = BusinessHours {
            utc_offset_minutes: 180,
            ..BusinessHours::default()
        };
        // 14:00 UTC is 17:00 at +03:00: closed; 1 h is 09:00–10:00 local next day = 07:00 UTC.
        assert_eq!(
            h.add(datetime!(2026-03-02 14:00 UTC), 1),
            datetime!(2026-03-03 07:00 UTC)
        );
    }

    #[test]
    fn the_sla_form_names_each_wrong_field() {
        let bad = SlaInput {
            first_action_hours: "0".into(),
            resolve_hours: "x".into(),
            day_start: "18:00".into(),
            day_end: "09:00".into(),
            days: vec![],
            utc_offset: "+25:00".into(),
        }
        .parse()
        .err()
        .unwrap_or_default();
        assert_eq!(bad.issue_for("first_action_hours"), Some(Issue::Invalid));
        assert_eq!(bad.issue_for("resolve_hours"), Some(Issue::Invalid));
        assert_eq!(bad.issue_for("day_end"), Some(Issue::BeforeStart));
        assert_eq!(bad.issue_for("days"), Some(Issue::Required));
        assert_eq!(bad.issue_for("utc_offset"), Some(Issue::Invalid));
        let good = SlaInput::from_sla(&Sla::default()).parse();
        assert_eq!(good, Ok(Sla::default()));
    }

    #[test]
    fn root_causes_are_named_once_and_briefly() {
        let raw = vec![
            "Late delivery".to_owned(),
            " ".to_owned(),
            "late delivery".to_owned(),
            "x".repeat(MAX_ROOT_CAUSE_CHARS + 1),
        ];
        let e = parse_root_causes(&raw).err().unwrap_or_default();
        assert_eq!(e.issue_for("root_causes.2"), Some(Issue::Taken));
        assert_eq!(e.issue_for("root_causes.3"), Some(Issue::TooLong));
        assert_eq!(
            parse_root_causes(&["Stock".to_owned()]).map(|v| v.len()),
            Ok(1)
        );
    }

    #[test]
    fn low_scores_are_nps_detractors_and_the_bottom_two_points_elsewhere() {
        use crate::{Scale, SurveyKind};
        let nps = Scale { low: 0, high: 10 };
        assert!(is_low_score(SurveyKind::Nps, nps, 6));
        assert!(!is_low_score(SurveyKind::Nps, nps, 7));
        let five = Scale { low: 1, high: 5 };
        assert!(is_low_score(SurveyKind::Csat, five, 2));
        assert!(!is_low_score(SurveyKind::Csat, five, 3));
        assert!(is_low_score(SurveyKind::Ces, five, 1));
    }

    #[test]
    fn only_a_persons_action_counts_as_the_first_action() {
        let note = CaseChange::Note { text: "x".into() };
        assert!(note.is_first_action(true));
        assert!(!note.is_first_action(false));
        assert!(
            !CaseChange::Opened {
                source: CaseSource::Score
            }
            .is_first_action(true)
        );
        assert!(
            !CaseChange::RootCause {
                from: None,
                to: None
            }
            .is_first_action(true)
        );
    }
}
