//! The contact budget and consent (issue 15): how often a workspace may ask one customer for
//! feedback, across every survey and channel, and what the customer agreed to be sent.
//!
//! The rule is [`decide`]: given the policy, the customer's consent, the asks already made in
//! the policy's window and their last response, may they be asked now? The application layer
//! (`taith_app::contact`) feeds it from the store; every send path goes through there.

use crate::{Issue, ValidationErrors};
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// Most asks a policy may allow in its window.
pub const MAX_ASKS: u16 = 50;
/// Longest window and quiet period, in days.
pub const MAX_DAYS: u16 = 365;

/// A workspace's contact budget: at most `max_asks` asks in `window_days` days, none for
/// `quiet_days` days after the customer answered, and whether "we did" notices count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    pub max_asks: u16,
    pub window_days: u16,
    pub quiet_days: u16,
    /// Whether "we did" notices use up the budget (and wait out the quiet period). Off by
    /// default: a notice answers the customer, it asks nothing.
    pub count_notices: bool,
}

impl Default for Policy {
    /// 2 asks in 30 days, none for 14 days after a response, notices not counted.
    fn default() -> Self {
        Policy {
            max_asks: 2,
            window_days: 30,
            quiet_days: 14,
            count_notices: false,
        }
    }
}

/// A policy as typed in a form or sent over the API, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct PolicyInput {
    pub max_asks: String,
    pub window_days: String,
    pub quiet_days: String,
    pub count_notices: bool,
}

fn number(s: &str, low: u16, high: u16) -> Result<u16, Issue> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Issue::Required);
    }
    match s.parse::<u16>() {
        Ok(n) if (low..=high).contains(&n) => Ok(n),
        _ => Err(Issue::Invalid),
    }
}

impl Policy {
    /// Checks a typed policy: asks 1–50, window 1–365 days, quiet period 0–365 days.
    pub fn parse(input: &PolicyInput) -> Result<Policy, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let max_asks = errors.check("max_asks", number(&input.max_asks, 1, MAX_ASKS));
        let window_days = errors.check("window_days", number(&input.window_days, 1, MAX_DAYS));
        let quiet_days = errors.check("quiet_days", number(&input.quiet_days, 0, MAX_DAYS));
        match (max_asks, window_days, quiet_days) {
            (Some(max_asks), Some(window_days), Some(quiet_days)) if errors.is_empty() => {
                Ok(Policy {
                    max_asks,
                    window_days,
                    quiet_days,
                    count_notices: input.count_notices,
                })
            }
            _ => Err(errors),
        }
    }

    /// The window's length.
    pub fn window(&self) -> Duration {
        Duration::days(i64::from(self.window_days))
    }

    /// The quiet period's length.
    pub fn quiet(&self) -> Duration {
        Duration::days(i64::from(self.quiet_days))
    }

    /// Whether asks on `channel` are held to the budget and the quiet period.
    pub fn counts(&self, channel: Channel) -> bool {
        channel != Channel::Notice || self.count_notices
    }
}

/// How a customer is asked (or, for notices, told).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The first e-mail of an invitation.
    Invitation,
    /// An invitation's reminder e-mail.
    Reminder,
    /// The survey widget's prompt on the business's own site, shown to a known customer.
    Widget,
    /// A "you said, we did" notice.
    Notice,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Invitation,
        Channel::Reminder,
        Channel::Widget,
        Channel::Notice,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Channel::Invitation => "invitation",
            Channel::Reminder => "reminder",
            Channel::Widget => "widget",
            Channel::Notice => "notice",
        }
    }

    pub fn from_code(code: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.code() == code)
    }

    /// What the customer must have agreed to for this channel.
    pub fn purpose(self) -> Purpose {
        match self {
            Channel::Invitation | Channel::Reminder | Channel::Widget => Purpose::Surveys,
            Channel::Notice => Purpose::Notices,
        }
    }
}

/// What a customer may agree to be sent. Marketing is out of scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Being asked for feedback: invitations, reminders, the widget's prompt.
    Surveys,
    /// "You said, we did" notices.
    Notices,
}

impl Purpose {
    pub const ALL: [Purpose; 2] = [Purpose::Surveys, Purpose::Notices];

    pub fn code(self) -> &'static str {
        match self {
            Purpose::Surveys => "surveys",
            Purpose::Notices => "notices",
        }
    }

    pub fn from_code(code: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// Where a consent (or its withdrawal) came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentSource {
    /// The unsubscribe link of an e-mail (or the mail program's one-click button).
    UnsubscribeLink,
    /// The preference page reached from an e-mail.
    PreferencePage,
    /// `PUT /api/v1/customers/{id}/consent`, or staff on the customer's behalf.
    Api,
    /// An import of customers.
    Import,
}

impl ConsentSource {
    pub const ALL: [ConsentSource; 4] = [
        ConsentSource::UnsubscribeLink,
        ConsentSource::PreferencePage,
        ConsentSource::Api,
        ConsentSource::Import,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ConsentSource::UnsubscribeLink => "unsubscribe_link",
            ConsentSource::PreferencePage => "preference_page",
            ConsentSource::Api => "api",
            ConsentSource::Import => "import",
        }
    }

    pub fn from_code(code: &str) -> Option<ConsentSource> {
        ConsentSource::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A customer's consent for one purpose. Without a record a customer is taken to agree (as
/// before consent was recorded: they gave their address to the business); a record says who
/// changed it, how and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Consent {
    pub purpose: Purpose,
    pub granted: bool,
    /// None: nothing recorded, the default (granted).
    pub source: Option<ConsentSource>,
    pub changed_at: Option<OffsetDateTime>,
}

impl Consent {
    /// The consent for `purpose` among `recorded`, or the default.
    pub fn of(recorded: &[Consent], purpose: Purpose) -> Consent {
        recorded
            .iter()
            .find(|c| c.purpose == purpose)
            .copied()
            .unwrap_or(Consent {
                purpose,
                granted: true,
                source: None,
                changed_at: None,
            })
    }
}

/// Why a customer may not be asked now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// They withdrew consent for the channel's purpose.
    NoConsent,
    /// The budget is spent: `max_asks` asks in the window already.
    Budget,
    /// They answered within the quiet period.
    Quiet,
}

impl Reason {
    pub fn code(self) -> &'static str {
        match self {
            Reason::NoConsent => "no_consent",
            Reason::Budget => "budget",
            Reason::Quiet => "quiet",
        }
    }

    pub fn from_code(code: &str) -> Option<Reason> {
        [Reason::NoConsent, Reason::Budget, Reason::Quiet]
            .into_iter()
            .find(|r| r.code() == code)
    }
}

/// Whether a customer may be asked now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    Allowed,
    /// Not now, with the reason and the first time it could change (None: not by waiting,
    /// consent must be given again).
    Denied {
        reason: Reason,
        next_possible_at: Option<OffsetDateTime>,
    },
}

impl Decision {
    pub fn allowed(&self) -> bool {
        matches!(self, Decision::Allowed)
    }
}

/// What is known about one customer when deciding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// Whether they agreed to the channel's purpose.
    pub consented: bool,
    /// When they were asked (on counted channels) within the policy's window before now.
    pub asks: Vec<OffsetDateTime>,
    /// Their latest response to any of the workspace's surveys.
    pub last_response: Option<OffsetDateTime>,
}

/// The rule: consent first, then the quiet period after a response, then the budget. The
/// next possible time is when every reason that holds has passed: the quiet period's end, and
/// the time the oldest counted ask leaves the window once enough of them have.
pub fn decide(
    policy: &Policy,
    channel: Channel,
    history: &History,
    now: OffsetDateTime,
) -> Decision {
    if !history.consented {
        return Decision::Denied {
            reason: Reason::NoConsent,
            next_possible_at: None,
        };
    }
    if !policy.counts(channel) {
        return Decision::Allowed;
    }
    let quiet_until = history
        .last_response
        .map(|at| at + policy.quiet())
        .filter(|until| *until > now);
    let budget_until = budget_frees_at(policy, &history.asks, now);
    match (quiet_until, budget_until) {
        (None, None) => Decision::Allowed,
        (Some(q), b) => Decision::Denied {
            reason: Reason::Quiet,
            next_possible_at: Some(b.map_or(q, |b| b.max(q))),
        },
        (None, Some(b)) => Decision::Denied {
            reason: Reason::Budget,
            next_possible_at: Some(b),
        },
    }
}

/// When one more ask fits the budget again, if it does not now: with `max_asks` or more asks
/// in the window, the time the (count − max + 1)-th oldest leaves it.
pub fn budget_frees_at(
    policy: &Policy,
    asks: &[OffsetDateTime],
    now: OffsetDateTime,
) -> Option<OffsetDateTime> {
    let from = now - policy.window();
    let mut within: Vec<OffsetDateTime> = asks.iter().copied().filter(|a| *a > from).collect();
    let max = usize::from(policy.max_asks);
    if within.len() < max {
        return None;
    }
    within.sort();
    let must_leave = within.len() - max;
    within.get(must_leave).map(|a| *a + policy.window())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn day(n: i64) -> OffsetDateTime {
        OffsetDateTime::UNIX_EPOCH + Duration::days(n)
    }

    fn history(asks: &[i64], last_response: Option<i64>) -> History {
        History {
            consented: true,
            asks: asks.iter().map(|d| day(*d)).collect(),
            last_response: last_response.map(day),
        }
    }

    #[test]
    fn two_asks_in_thirty_days_spend_the_budget_until_the_first_leaves_the_window() {
        let p = Policy::default();
        let now = day(100);
        assert!(decide(&p, Channel::Invitation, &history(&[90], None), now).allowed());
        assert_eq!(
            decide(&p, Channel::Widget, &history(&[80, 90], None), now),
            Decision::Denied {
                reason: Reason::Budget,
                next_possible_at: Some(day(110)),
            }
        );
        // The older ask has left the window.
        assert!(decide(&p, Channel::Reminder, &history(&[60, 90], None), now).allowed());
    }

    #[test]
    fn a_response_holds_asks_off_for_the_quiet_period() {
        let p = Policy::default();
        assert_eq!(
            decide(&p, Channel::Invitation, &history(&[], Some(95)), day(100)),
            Decision::Denied {
                reason: Reason::Quiet,
                next_possible_at: Some(day(109)),
            }
        );
        assert!(decide(&p, Channel::Invitation, &history(&[], Some(80)), day(100)).allowed());
        // Quiet and over budget: the later of the two.
        assert_eq!(
            decide(
                &p,
                Channel::Invitation,
                &history(&[85, 99], Some(96)),
                day(100)
            ),
            Decision::Denied {
                reason: Reason::Quiet,
                next_possible_at: Some(day(115)),
            }
        );
    }

    #[test]
    fn consent_comes_first_and_notices_count_only_when_the_policy_says() {
        let p = Policy::default();
        let mut h = history(&[98, 99], Some(99));
        assert!(decide(&p, Channel::Notice, &h, day(100)).allowed());
        let counted = Policy {
            count_notices: true,
            ..p
        };
        assert!(!decide(&counted, Channel::Notice, &h, day(100)).allowed());
        h.consented = false;
        assert_eq!(
            decide(&p, Channel::Notice, &h, day(100)),
            Decision::Denied {
                reason: Reason::NoConsent,
                next_possible_at: None,
            }
        );
    }

    #[test]
    fn a_typed_policy_is_checked_field_by_field() {
        let ok = Policy::parse(&PolicyInput {
            max_asks: "3".into(),
            window_days: " 60 ".into(),
            quiet_days: "0".into(),
            count_notices: true,
        })
        .unwrap();
        assert_eq!((ok.max_asks, ok.window_days, ok.quiet_days), (3, 60, 0));
        let bad = Policy::parse(&PolicyInput {
            max_asks: "0".into(),
            window_days: "".into(),
            quiet_days: "x".into(),
            count_notices: false,
        })
        .unwrap_err();
        assert_eq!(bad.issue_for("max_asks"), Some(Issue::Invalid));
        assert_eq!(bad.issue_for("window_days"), Some(Issue::Required));
        assert_eq!(bad.issue_for("quiet_days"), Some(Issue::Invalid));
    }

    #[test]
    fn codes_read_back() {
        for c in Channel::ALL {
            assert_eq!(Channel::from_code(c.code()), Some(c));
        }
        for p in Purpose::ALL {
            assert_eq!(Purpose::from_code(p.code()), Some(p));
        }
        for s in ConsentSource::ALL {
            assert_eq!(ConsentSource::from_code(s.code()), Some(s));
        }
    }
}
