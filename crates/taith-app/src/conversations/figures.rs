//! The support figures (DESIGN §3), over the conversations created in a period:
//!
//! - **first response time**: first reply − created, per answered conversation; unanswered
//!   ones counted apart;
//! - **resolution time**: resolved − created, per resolved conversation; open ones apart;
//!
//! each as mean, median and 90th percentile (nearest rank, as the cases' figures) in
//! minutes, wall-clock or — when asked — within the workspace's business hours (the cases'
//! SLA hours, [`BusinessHours::between`]);
//! - **reopen rate**: conversations reopened (a customer wrote after it was resolved) among
//!   those ever resolved, in %, with its 95% Wilson interval;
//! - volume by channel and by tag, and **recurring subjects**: the subjects' most frequent
//!   key phrases (taith-text's, stop words dropped, per language), grouped across languages
//!   by taith-text's concept glossary where it knows the phrase.

use crate::cases::figures::Durations;
use std::collections::{BTreeMap, HashMap};
use taith_domain::{BusinessHours, Channel, Conversation, WorkspaceId};
use taith_store::{ConversationFilter, PageRequest, Store, StoreError};
use taith_text::Lang;
use time::OffsetDateTime;

/// How the figures are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Team,
    Agent,
    Channel,
    /// A conversation counts under each of its tags.
    Tag,
}

impl GroupBy {
    pub fn parse(s: &str) -> Option<GroupBy> {
        match s.trim() {
            "team" => Some(GroupBy::Team),
            "agent" => Some(GroupBy::Agent),
            "channel" => Some(GroupBy::Channel),
            "tag" => Some(GroupBy::Tag),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Team => "team",
            GroupBy::Agent => "agent",
            GroupBy::Channel => "channel",
            GroupBy::Tag => "tag",
        }
    }
}

/// Every figure over one set of conversations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SupportFigures {
    pub conversations: u64,
    /// In minutes (the `*_hours` fields of the cases' [`Durations`] hold minutes here);
    /// `open` = unanswered.
    pub first_response: Durations,
    /// In minutes; `open` = not resolved.
    pub resolution: Durations,
    pub reopened: u64,
    /// Conversations resolved at least once (the reopen rate's denominator).
    pub ever_resolved: u64,
    pub reopen_rate: Option<f64>,
    pub reopen_ci95: Option<(f64, f64)>,
    /// n < 30.
    pub small_sample: bool,
}

fn minutes(hours: Option<&BusinessHours>, from: OffsetDateTime, to: OffsetDateTime) -> f64 {
    let d = match hours {
        Some(h) => h.between(from, to),
        None => to - from,
    };
    d.as_seconds_f64() / 60.0
}

/// The figures of `conversations`, timed within `hours` when given.
pub fn compute(conversations: &[&Conversation], hours: Option<&BusinessHours>) -> SupportFigures {
    let mut first = Vec::new();
    let mut resolved = Vec::new();
    let (mut reopened, mut ever) = (0, 0);
    for c in conversations {
        if let Some(t) = c.first_reply_at {
            first.push(minutes(hours, c.created_at, t));
        }
        if let Some(t) = c.resolved_at {
            resolved.push(minutes(hours, c.created_at, t));
        }
        if c.ever_resolved() {
            ever += 1;
            if c.reopens > 0 {
                reopened += 1;
            }
        }
    }
    let n = conversations.len() as u64;
    let open_first = n - first.len() as u64;
    let open_resolved = n - resolved.len() as u64;
    SupportFigures {
        conversations: n,
        first_response: Durations::of(&mut first, open_first),
        resolution: Durations::of(&mut resolved, open_resolved),
        reopened,
        ever_resolved: ever,
        reopen_rate: (ever > 0).then(|| 100.0 * reopened as f64 / ever as f64),
        reopen_ci95: (ever > 0).then(|| {
            let (lo, hi) = taith_metrics::formula::wilson(reopened, ever);
            (100.0 * lo, 100.0 * hi)
        }),
        small_sample: n < 30,
    }
}

/// The figures per group, largest group first (then by key); conversations without the
/// grouping's value are under the empty key.
pub fn grouped(
    conversations: &[Conversation],
    by: GroupBy,
    hours: Option<&BusinessHours>,
) -> Vec<(String, SupportFigures)> {
    let mut groups: BTreeMap<String, Vec<&Conversation>> = BTreeMap::new();
    for c in conversations {
        let keys: Vec<String> = match by {
            GroupBy::Team => vec![c.team.clone().unwrap_or_default()],
            GroupBy::Agent => vec![c.agent.clone().unwrap_or_default()],
            GroupBy::Channel => vec![c.channel.as_str().to_owned()],
            GroupBy::Tag if c.tags.is_empty() => vec![String::new()],
            GroupBy::Tag => c.tags.clone(),
        };
        for k in keys {
            groups.entry(k).or_default().push(c);
        }
    }
    let mut out: Vec<(String, SupportFigures)> = groups
        .into_iter()
        .map(|(k, cs)| (k, compute(&cs, hours)))
        .collect();
    out.sort_by(|a, b| {
        b.1.conversations
            .cmp(&a.1.conversations)
            .then(a.0.cmp(&b.0))
    });
    out
}

/// Conversations per channel, most first.
pub fn volume_by_channel(conversations: &[Conversation]) -> Vec<(Channel, u64)> {
    let mut counts: HashMap<Channel, u64> = HashMap::new();
    for c in conversations {
        *counts.entry(c.channel).or_default() += 1;
    }
    let mut out: Vec<(Channel, u64)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.as_str().cmp(b.0.as_str())));
    out
}

/// Conversations per tag, most first.
pub fn volume_by_tag(conversations: &[Conversation]) -> Vec<(String, u64)> {
    let mut counts: HashMap<&str, u64> = HashMap::new();
    for c in conversations {
        for t in &c.tags {
            *counts.entry(t.as_str()).or_default() += 1;
        }
    }
    let mut out: Vec<(String, u64)> = counts.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// The subjects' recurring key phrases (single words), grouped by concept across languages,
/// with how many conversations mention each; at most `limit`, most first, only those in at
/// least two conversations.
pub fn recurring_subjects(conversations: &[Conversation], limit: usize) -> Vec<(String, u64)> {
    let mut counts: HashMap<String, u64> = HashMap::new();
    for c in conversations {
        let lang = c
            .locale
            .and_then(|l| Lang::from_code(l.tag()))
            .unwrap_or_else(|| taith_text::lang::detect(&c.subject, None).lang);
        let mut seen: Vec<String> = Vec::new();
        for p in taith_text::themes::key_phrases(lang, &c.subject) {
            if p.contains(' ') && lang != Lang::Vi {
                continue;
            }
            let key = taith_text::concept_of(&p).map_or(p, str::to_owned);
            if !seen.contains(&key) {
                seen.push(key);
            }
        }
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    let mut out: Vec<(String, u64)> = counts.into_iter().filter(|(_, n)| *n >= 2).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out.truncate(limit);
    out
}

/// The conversations created in `[from, to)`.
pub async fn created_between(
    store: &dyn Store,
    ws: WorkspaceId,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Vec<Conversation>, StoreError> {
    let filter = ConversationFilter {
        created: Some((from, to)),
        ..ConversationFilter::default()
    };
    Ok(store
        .conversations(ws, &filter, PageRequest::all())
        .await?
        .items)
}

/// The workspace's business hours (its SLA's), for figures timed within them.
pub async fn business_hours(
    store: &dyn Store,
    ws: WorkspaceId,
) -> Result<BusinessHours, StoreError> {
    Ok(store.case_sla(ws).await?.hours)
}

/// The figures of the conversations created in `[from, to)`: all of them, or per group.
pub async fn figures(
    store: &dyn Store,
    ws: WorkspaceId,
    from: OffsetDateTime,
    to: OffsetDateTime,
    by: Option<GroupBy>,
    in_business_hours: bool,
) -> Result<Vec<(String, SupportFigures)>, StoreError> {
    let conversations = created_between(store, ws, from, to).await?;
    let hours = if in_business_hours {
        Some(business_hours(store, ws).await?)
    } else {
        None
    };
    Ok(match by {
        Some(by) => grouped(&conversations, by, hours.as_ref()),
        None => {
            let all: Vec<&Conversation> = conversations.iter().collect();
            vec![(String::new(), compute(&all, hours.as_ref()))]
        }
    })
}

/// Everything the Support page shows.
#[derive(Debug, Clone, Default)]
pub struct Overview {
    pub all: SupportFigures,
    pub by_channel: Vec<(Channel, u64)>,
    pub by_tag: Vec<(String, u64)>,
    pub subjects: Vec<(String, u64)>,
    pub by_team: Vec<(String, SupportFigures)>,
    pub by_agent: Vec<(String, SupportFigures)>,
}

pub async fn overview(
    store: &dyn Store,
    ws: WorkspaceId,
    from: OffsetDateTime,
    to: OffsetDateTime,
    in_business_hours: bool,
) -> Result<Overview, StoreError> {
    let conversations = created_between(store, ws, from, to).await?;
    let hours = if in_business_hours {
        Some(business_hours(store, ws).await?)
    } else {
        None
    };
    let all: Vec<&Conversation> = conversations.iter().collect();
    Ok(Overview {
        all: compute(&all, hours.as_ref()),
        by_channel: volume_by_channel(&conversations),
        by_tag: volume_by_tag(&conversations),
        subjects: recurring_subjects(&conversations, 12),
        by_team: grouped(&conversations, GroupBy::Team, hours.as_ref()),
        by_agent: grouped(&conversations, GroupBy::Agent, hours.as_ref()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use taith_domain::{ConversationId, ConversationStatus};
    use time::macros::datetime;

    fn conv(created: OffsetDateTime, first: Option<i64>, resolved: Option<i64>) -> Conversation {
        let m = |n: i64| created + time::Duration::minutes(n);
        Conversation {
            id: ConversationId::new(),
            external_id: None,
            channel: Channel::Email,
            status: if resolved.is_some() {
                ConversationStatus::Resolved
            } else {
                ConversationStatus::Open
            },
            subject: String::new(),
            customer_id: None,
            assignee: None,
            agent: None,
            team: None,
            tags: Vec::new(),
            satisfaction: None,
            locale: None,
            touchpoint_id: None,
            created_at: created,
            first_reply_at: first.map(m),
            resolved_at: resolved.map(m),
            reopens: 0,
            updated_at: created,
        }
    }

    #[test]
    fn business_hours_skip_the_night() {
        // Friday 16:00 → Monday 10:00: one hour on Friday, one on Monday.
        let c = conv(datetime!(2026-03-06 16:00 UTC), Some(66 * 60), None);
        let f = compute(&[&c], Some(&BusinessHours::default()));
        assert_eq!(f.first_response.mean_hours, Some(120.0));
        let f = compute(&[&c], None);
        assert_eq!(f.first_response.mean_hours, Some(3_960.0));
    }
}
