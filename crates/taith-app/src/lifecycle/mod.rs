//! The customer lifecycle: subscription starts, ends and renewals, and the figures they make
//! (DESIGN §3) for a period `[from, to)`:
//!
//! - customers **at start** S: started before `from` and not ended by then; **at end** E:
//!   the same at `to`; **new** N: started in the period; **lost** L: of S, ended in the
//!   period;
//! - **churn rate** = L / S, **retention rate** = (E − N) / S, both in % with 95% Wilson
//!   intervals (E − N is taken between 0 and S for the interval);
//! - **retention cohorts**: customers by the month they started, and the share of each
//!   cohort still a customer at the end of each following month;
//! - **NPS of churned vs retained** customers (of S: lost vs not), each customer counted once
//!   with their latest NPS answer before `to`, with intervals and whether the difference is
//!   significant (|Δ| > 1.96 × √(Var₁ + Var₂)).
//!
//! A customer's span is their current subscription (a new start after an end replaces it).

use std::collections::{BTreeMap, HashMap, HashSet};
use taith_domain::WorkspaceId;
use taith_domain::{CustomerId, Issue, LifecycleKind, Scale, SurveyKind, ValidationErrors};
use taith_metrics::formula::{Difference, Histogram, Metric, MetricValue, difference, wilson};
use taith_store::{CustomerSpan, PageRequest, Store, StoreError};
use time::OffsetDateTime;

/// Why a lifecycle event was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Records `{"type": "started"|"ended"|"renewed", "at": …}` for a customer. `at` missing:
/// now. NotFound (as `Store`): no such customer in the workspace.
pub async fn record_event(
    store: &dyn Store,
    ws: WorkspaceId,
    customer: CustomerId,
    kind: &str,
    at: Option<&str>,
) -> Result<CustomerSpan, Refused> {
    let mut e = ValidationErrors::default();
    let kind = e.check("type", kind.parse::<LifecycleKind>());
    let at = match at.map(str::trim) {
        None | Some("") => Some(taith_domain::now()),
        Some(s) => e.check("at", taith_domain::conversation::parse_time(s)),
    };
    e.into_result()?;
    let (Some(kind), Some(at)) = (kind, at) else {
        return Err(ValidationErrors::one("type", Issue::Invalid).into());
    };
    Ok(store.record_lifecycle(ws, customer, kind, at).await?)
}

fn active_at(s: &CustomerSpan, t: OffsetDateTime) -> bool {
    s.started_at.is_some_and(|a| a <= t) && s.ended_at.is_none_or(|e| e > t)
}

/// The churn and retention figures of a period.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Churn {
    pub at_start: u64,
    pub at_end: u64,
    pub new: u64,
    pub lost: u64,
    pub churn_rate: Option<f64>,
    pub churn_ci95: Option<(f64, f64)>,
    pub retention_rate: Option<f64>,
    pub retention_ci95: Option<(f64, f64)>,
    pub small_sample: bool,
}

/// Churn and retention over `[from, to)` of `spans`.
pub fn churn(spans: &[CustomerSpan], from: OffsetDateTime, to: OffsetDateTime) -> Churn {
    let at_start: Vec<&CustomerSpan> = spans.iter().filter(|s| active_at(s, from)).collect();
    let s = at_start.len() as u64;
    let lost = at_start
        .iter()
        .filter(|c| c.ended_at.is_some_and(|e| e <= to))
        .count() as u64;
    let at_end = spans.iter().filter(|c| active_at(c, to)).count() as u64;
    let new = spans
        .iter()
        .filter(|c| c.started_at.is_some_and(|a| a > from && a <= to))
        .count() as u64;
    // "New customers" of the retention formula are the new ones still customers at the end:
    // those who came and went within the period are in neither count, so that retention is
    // the share of the starting customers kept (100 − churn), as owners read it.
    let new_at_end = spans
        .iter()
        .filter(|c| c.started_at.is_some_and(|a| a > from && a <= to) && active_at(c, to))
        .count() as u64;
    let pct = |(lo, hi): (f64, f64)| (100.0 * lo, 100.0 * hi);
    let kept = at_end.saturating_sub(new_at_end).min(s);
    Churn {
        at_start: s,
        at_end,
        new,
        lost,
        churn_rate: (s > 0).then(|| 100.0 * lost as f64 / s as f64),
        churn_ci95: (s > 0).then(|| pct(wilson(lost, s))),
        retention_rate: (s > 0).then(|| 100.0 * kept as f64 / s as f64),
        retention_ci95: (s > 0).then(|| pct(wilson(kept, s))),
        small_sample: s < 30,
    }
}

/// One cohort: the customers who started in a month, and the share of them still customers
/// at the end of that month and of each following one (up to now).
#[derive(Debug, Clone, PartialEq)]
pub struct Cohort {
    /// `YYYY-MM`.
    pub month: String,
    pub size: u64,
    /// `retained[k]`: % still a customer at the end of the k-th month after the start month
    /// (k = 0: the start month itself).
    pub retained: Vec<f64>,
}

fn month_start(t: OffsetDateTime) -> time::Date {
    t.date().replace_day(1).unwrap_or(t.date())
}

fn next_month(d: time::Date) -> time::Date {
    let (y, m) = if d.month() == time::Month::December {
        (d.year() + 1, time::Month::January)
    } else {
        (d.year(), d.month().next())
    };
    time::Date::from_calendar_date(y, m, 1).unwrap_or(d)
}

/// Retention cohorts by start month, oldest first, at most `months` columns each, counted up
/// to `now`.
pub fn cohorts(spans: &[CustomerSpan], now: OffsetDateTime, months: usize) -> Vec<Cohort> {
    let mut by_month: BTreeMap<time::Date, Vec<&CustomerSpan>> = BTreeMap::new();
    for s in spans {
        if let Some(a) = s.started_at {
            by_month.entry(month_start(a)).or_default().push(s);
        }
    }
    by_month
        .into_iter()
        .map(|(m, members)| {
            let size = members.len() as u64;
            let mut retained = Vec::new();
            let mut end = next_month(m);
            while retained.len() < months {
                let t = end.midnight().assume_utc();
                if t > now {
                    break;
                }
                let kept = members
                    .iter()
                    .filter(|s| s.ended_at.is_none_or(|e| e > t))
                    .count();
                retained.push(100.0 * kept as f64 / size as f64);
                end = next_month(end);
            }
            Cohort {
                month: format!("{:04}-{:02}", m.year(), u8::from(m.month())),
                size,
                retained,
            }
        })
        .collect()
}

/// NPS of the customers lost in a period and of those kept.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NpsByFate {
    pub churned: MetricValue,
    pub retained: MetricValue,
    /// churned − retained, when both have answers.
    pub difference: Option<Difference>,
}

/// [`NpsByFate`] from the customers at the start of `[from, to)` and `scores` (each
/// customer's NPS answers with their times).
pub fn nps_by_fate(
    spans: &[CustomerSpan],
    scores: &[(CustomerId, i16, OffsetDateTime)],
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> NpsByFate {
    let mut latest: HashMap<CustomerId, (OffsetDateTime, i16)> = HashMap::new();
    for (c, score, at) in scores {
        if *at >= to {
            continue;
        }
        let e = latest.entry(*c).or_insert((*at, *score));
        if *at > e.0 {
            *e = (*at, *score);
        }
    }
    let (mut churned, mut retained) = (Histogram::default(), Histogram::default());
    for s in spans.iter().filter(|s| active_at(s, from)) {
        let Some((_, score)) = latest.get(&s.customer_id) else {
            continue;
        };
        if s.ended_at.is_some_and(|e| e <= to) {
            churned.record(*score);
        } else {
            retained.record(*score);
        }
    }
    let scale = Scale { low: 0, high: 10 };
    let churned = MetricValue::of(Metric::Nps, scale, &churned);
    let retained = MetricValue::of(Metric::Nps, scale, &retained);
    NpsByFate {
        churned,
        retained,
        difference: difference(&churned, &retained),
    }
}

/// The repeat-purchase rate of a period: customers with at least two `conversion` events
/// among those with at least one, in %, with its Wilson interval.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RepeatPurchase {
    pub buyers: u64,
    pub repeat: u64,
    pub rate: Option<f64>,
    pub ci95: Option<(f64, f64)>,
    pub small_sample: bool,
}

/// [`RepeatPurchase`] from each buying customer's number of conversions.
pub fn repeat_purchase(counts: &[(CustomerId, u64)]) -> RepeatPurchase {
    let buyers = counts.iter().filter(|(_, n)| *n >= 1).count() as u64;
    let repeat = counts.iter().filter(|(_, n)| *n >= 2).count() as u64;
    RepeatPurchase {
        buyers,
        repeat,
        rate: (buyers > 0).then(|| 100.0 * repeat as f64 / buyers as f64),
        ci95: (buyers > 0).then(|| {
            let (lo, hi) = wilson(repeat, buyers);
            (100.0 * lo, 100.0 * hi)
        }),
        small_sample: buyers < 30,
    }
}

/// The repeat-purchase rate of `[from, to)`.
pub async fn repeat_purchase_of(
    store: &dyn Store,
    ws: WorkspaceId,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<RepeatPurchase, StoreError> {
    Ok(repeat_purchase(
        &store.conversions_per_customer(ws, from, to).await?,
    ))
}

/// Everything the Retention page and the metrics API show for a period.
#[derive(Debug, Clone)]
pub struct Retention {
    pub churn: Churn,
    pub cohorts: Vec<Cohort>,
    pub nps: NpsByFate,
    pub repeat: RepeatPurchase,
}

/// The NPS answers of the workspace's customers.
pub async fn nps_scores(
    store: &dyn Store,
    ws: WorkspaceId,
) -> Result<Vec<(CustomerId, i16, OffsetDateTime)>, StoreError> {
    let surveys = store.surveys(ws, PageRequest::all()).await?.items;
    let nps: HashSet<_> = surveys
        .iter()
        .filter(|s| s.fields.kind == SurveyKind::Nps)
        .map(|s| s.id)
        .collect();
    Ok(store
        .customer_scores(ws)
        .await?
        .into_iter()
        .filter(|(_, survey, _, _)| nps.contains(survey))
        .map(|(c, _, score, at)| (c, score, at))
        .collect())
}

/// Churn and retention of `[from, to)`.
pub async fn churn_of(
    store: &dyn Store,
    ws: WorkspaceId,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Churn, StoreError> {
    Ok(churn(&store.customer_spans(ws).await?, from, to))
}

/// The Retention page's figures for `[from, to)`, cohorts up to now (12 months each).
pub async fn retention(
    store: &dyn Store,
    ws: WorkspaceId,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Retention, StoreError> {
    let spans = store.customer_spans(ws).await?;
    let scores = nps_scores(store, ws).await?;
    Ok(Retention {
        churn: churn(&spans, from, to),
        cohorts: cohorts(&spans, taith_domain::now(), 12),
        nps: nps_by_fate(&spans, &scores, from, to),
        repeat: repeat_purchase_of(store, ws, from, to).await?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn span(start: OffsetDateTime, end: Option<OffsetDateTime>) -> CustomerSpan {
        CustomerSpan {
            customer_id: CustomerId::new(),
            started_at: Some(start),
            ended_at: end,
        }
    }

    #[test]
    fn churn_and_retention_follow_the_definitions() {
        let (from, to) = (
            datetime!(2026-01-01 0:00 UTC),
            datetime!(2026-04-01 0:00 UTC),
        );
        let before = datetime!(2025-06-01 0:00 UTC);
        let mut spans: Vec<CustomerSpan> = (0..8).map(|_| span(before, None)).collect();
        spans.push(span(before, Some(datetime!(2026-02-01 0:00 UTC))));
        spans.push(span(before, Some(datetime!(2026-03-01 0:00 UTC))));
        spans.push(span(datetime!(2026-02-10 0:00 UTC), None));
        let c = churn(&spans, from, to);
        assert_eq!((c.at_start, c.lost, c.new, c.at_end), (10, 2, 1, 9));
        assert_eq!(c.churn_rate, Some(20.0));
        assert_eq!(c.retention_rate, Some(80.0));
    }
}

/// One entry of a customer's timeline.
#[derive(Debug, Clone)]
pub enum TimelineEntry {
    Response {
        response: taith_domain::NewResponse,
        survey: Option<taith_domain::Survey>,
    },
    Conversation {
        conversation: taith_domain::Conversation,
        messages: Vec<taith_domain::ConversationMessage>,
    },
    Case(taith_domain::Case),
    Invitation(taith_domain::invitation::Invitation),
    Lifecycle(taith_domain::LifecycleEvent),
    /// Something the customer did (a page view, a search, a purchase…), from the event store.
    Event(taith_domain::Event),
}

impl TimelineEntry {
    /// When it happened: a response's submission, a conversation's creation, a case's
    /// opening, an invitation's creation, a subscription change.
    pub fn at(&self) -> OffsetDateTime {
        match self {
            TimelineEntry::Response { response, .. } => response.submitted_at,
            TimelineEntry::Conversation { conversation, .. } => conversation.created_at,
            TimelineEntry::Case(c) => c.opened_at,
            TimelineEntry::Invitation(i) => i.created_at,
            TimelineEntry::Lifecycle(e) => e.at,
            TimelineEntry::Event(e) => e.occurred_at,
        }
    }
}

/// The most events a timeline shows (the newest).
pub const MAX_TIMELINE_EVENTS: u32 = 200;

/// A customer and everything recorded about them, oldest first (of their events, the newest
/// [`MAX_TIMELINE_EVENTS`]). NotFound: no such customer
/// in the workspace.
pub async fn timeline(
    store: &dyn Store,
    ws: WorkspaceId,
    customer: CustomerId,
) -> Result<(taith_store::Customer, CustomerSpan, Vec<TimelineEntry>), StoreError> {
    let c = store.customer(ws, customer).await?;
    let span = store.customer_span(ws, customer).await?;
    let surveys: HashMap<taith_domain::SurveyId, taith_domain::Survey> = store
        .surveys(ws, PageRequest::all())
        .await?
        .items
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let mut out = Vec::new();
    for r in store.customer_responses(ws, customer).await? {
        let survey = surveys.get(&r.survey_id).cloned();
        out.push(TimelineEntry::Response {
            response: r,
            survey,
        });
    }
    let filter = taith_store::ConversationFilter {
        customer: Some(customer),
        ..Default::default()
    };
    for conv in store
        .conversations(ws, &filter, PageRequest::all())
        .await?
        .items
    {
        let messages = store.conversation_messages(ws, conv.id).await?;
        out.push(TimelineEntry::Conversation {
            conversation: conv,
            messages,
        });
    }
    for case in store
        .cases(ws, &taith_store::CaseFilter::default(), PageRequest::all())
        .await?
        .items
        .into_iter()
        .filter(|k| k.customer_id == Some(customer))
    {
        out.push(TimelineEntry::Case(case));
    }
    for i in store.customer_invitations(ws, customer).await? {
        out.push(TimelineEntry::Invitation(i));
    }
    for e in store.lifecycle_events(ws, customer).await? {
        out.push(TimelineEntry::Lifecycle(e));
    }
    for e in store
        .customer_events(ws, customer, MAX_TIMELINE_EVENTS)
        .await?
    {
        out.push(TimelineEntry::Event(e));
    }
    out.sort_by_key(TimelineEntry::at);
    Ok((c, span, out))
}
