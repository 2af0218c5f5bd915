//! Coaching: NPS and CSAT per team and per agent, read from the response attributes `team`
//! and `agent` (DESIGN §2), with their intervals, small-sample flags and weekly trend, the
//! praise (comments the text analytics read as positive) to share, and a leaderboard that
//! ranks only where the difference is significant (DESIGN §3).
//!
//! - **Who sees what**: owners, admins and analysts (and API tokens) see every team and agent.
//!   An agent sees their own figures only: the groups whose `agent` value is the member's name
//!   or e-mail address, compared trimmed and without regard to case ([`is_member`]). The pages
//!   say so.
//! - **Ranking**: a group's rank is one more than the number of groups whose figure is
//!   significantly higher (|Δ| > 1.96 × √(Var₁ + Var₂)); groups no other group beats
//!   significantly share rank 1, and a pair whose difference is not significant is never put
//!   in order by it. Groups with a small sample (n < 30) are listed apart, unranked.
//! - **More sources**: the figures are built per group name from the analytics index
//!   ([`group_figures`]) and from the cases ([`case_groups`]: the cases opened in the period,
//!   by their owner — a member — or by the owner's teams), merged into [`Report::groups`] by
//!   name: a case owner joins the `agent` group that [`is_member`] matches to them (else a
//!   group of their own name); a team joins the `team` group of the same name (trimmed, case
//!   not minded). The case figures are those of [`crate::cases::figures::compute`]: cases
//!   handled (opened in the period), time to first action (mean, median), the cases not acted
//!   on yet counted apart.

use crate::cases::figures::{CaseFigures, cases_opened, compute};
use crate::metrics::{Analytics, MetricsAnswer, MetricsError, MetricsGroup, MetricsRequest};
use std::collections::{BTreeMap, HashMap};
use taith_domain::{Case, NewResponse, UserId, WorkspaceId};
use taith_metrics::index::{Dimension, Filter, Label};
use taith_metrics::{Difference, Metric, MetricValue, difference};
use taith_store::{CommentQuery, Store, StoreError};
use taith_text::Polarity;
use time::Date;

/// What the figures are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Team,
    Agent,
}

impl By {
    /// The response attribute read.
    pub fn attribute(self) -> &'static str {
        match self {
            By::Team => "team",
            By::Agent => "agent",
        }
    }

    pub fn parse(s: &str) -> Option<By> {
        match s.trim() {
            "" | "agent" => Some(By::Agent),
            "team" => Some(By::Team),
            _ => None,
        }
    }
}

/// Whose figures a reader may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Viewer {
    /// Every team and agent.
    All,
    /// An agent: the groups whose `agent` value is their name or e-mail address.
    Own { name: String, email: String },
}

/// Whether an `agent` attribute's value names the member (their name or e-mail address,
/// trimmed, case not minded).
pub fn is_member(value: &str, name: &str, email: &str) -> bool {
    let v = value.trim().to_lowercase();
    !v.is_empty() && (v == name.trim().to_lowercase() || v == email.trim().to_lowercase())
}

/// The metrics coaching shows.
pub const METRICS: [Metric; 2] = [Metric::Nps, Metric::Csat];

/// One metric of one group: its figure over the period and its weeks.
#[derive(Debug, Clone)]
pub struct MetricFigures {
    pub metric: Metric,
    pub total: MetricsGroup,
    /// By week (the group's responses only).
    pub weekly: MetricsAnswer,
}

/// One team's or agent's figures.
#[derive(Debug, Clone)]
pub struct GroupFigures {
    pub name: String,
    pub metrics: Vec<MetricFigures>,
    /// Positive comments to share, newest first.
    pub praise: Vec<NewResponse>,
    /// The cases the group owned (see [`case_groups`]); None: no case opened in the period.
    pub cases: Option<CaseFigures>,
}

/// One group's cases, as [`case_groups`] finds them.
#[derive(Debug, Clone)]
pub struct CaseGroup {
    /// The member's name, or the team's.
    pub name: String,
    /// For an agent: the owning member's `(name, e-mail)`, to match an `agent` group and to
    /// tell whether a viewer is them.
    pub member: Option<(String, String)>,
    pub figures: CaseFigures,
}

/// The case figures per case owner (`By::Agent`) or per team of the owner (`By::Team`: a case
/// counts for each of its owner's teams) over the cases opened in the inclusive `period`.
/// Unowned cases and owners no longer members are left out.
pub async fn case_groups(
    store: &dyn Store,
    ws: WorkspaceId,
    by: By,
    period: (Date, Date),
) -> Result<Vec<CaseGroup>, StoreError> {
    let (from, to) = bounds(period);
    let cases = cases_opened(store, ws, from, to, None).await?;
    if cases.is_empty() {
        return Ok(Vec::new());
    }
    let members: HashMap<UserId, (String, String)> = store
        .members(ws)
        .await?
        .into_iter()
        .map(|m| {
            (
                m.user.id,
                (m.user.name.to_string(), m.user.email.to_string()),
            )
        })
        .collect();
    let mut teams: HashMap<UserId, Vec<String>> = HashMap::new();
    if by == By::Team {
        for (user, team) in store.member_teams(ws).await? {
            teams.entry(user).or_default().push(team.to_string());
        }
    }
    // Keyed by the member's id (agents) or the team's name folded (teams): `(name, member,
    // cases)`.
    type Gathered = (String, Option<(String, String)>, Vec<Case>);
    let mut grouped: BTreeMap<String, Gathered> = BTreeMap::new();
    for case in cases {
        let Some(owner) = case.owner else { continue };
        let Some(member) = members.get(&owner) else {
            continue;
        };
        match by {
            By::Agent => {
                grouped
                    .entry(owner.to_string())
                    .or_insert_with(|| (member.0.clone(), Some(member.clone()), Vec::new()))
                    .2
                    .push(case);
            }
            By::Team => {
                for team in teams.get(&owner).into_iter().flatten() {
                    grouped
                        .entry(team.trim().to_lowercase())
                        .or_insert_with(|| (team.clone(), None, Vec::new()))
                        .2
                        .push(case.clone());
                }
            }
        }
    }
    let now = taith_domain::now();
    Ok(grouped
        .into_values()
        .map(|(name, member, cases)| CaseGroup {
            name,
            member,
            figures: compute(&cases, now),
        })
        .collect())
}

/// The inclusive days `period` as the instants `[from, to)` (UTC).
fn bounds(period: (Date, Date)) -> (time::OffsetDateTime, time::OffsetDateTime) {
    (
        period.0.midnight().assume_utc(),
        period
            .1
            .next_day()
            .unwrap_or(period.1)
            .midnight()
            .assume_utc(),
    )
}

/// A place on a leaderboard.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub name: String,
    /// 1 + the number of groups significantly higher: equal ranks are ties.
    pub rank: usize,
    pub value: MetricValue,
}

/// One metric's leaderboard.
#[derive(Debug, Clone, PartialEq)]
pub struct Leaderboard {
    pub metric: Metric,
    /// Highest first; ties share a rank.
    pub ranked: Vec<Ranked>,
    /// Too few responses to rank (n < 30).
    pub small: Vec<(String, MetricValue)>,
    /// The significant differences found: `(higher, lower, difference)`.
    pub significant: Vec<(String, String, Difference)>,
}

impl Leaderboard {
    /// Whether any pair differs significantly (otherwise everyone shares rank 1).
    pub fn any_significant(&self) -> bool {
        !self.significant.is_empty()
    }
}

/// Ranks `groups` on one metric: only significant differences order them (see the module's
/// documentation).
pub fn rank(metric: Metric, groups: &[(String, MetricValue)]) -> Leaderboard {
    let (big, small): (Vec<_>, Vec<_>) = groups
        .iter()
        .filter(|(_, v)| v.value.is_some())
        .cloned()
        .partition(|(_, v)| !v.small_sample);
    let mut significant = Vec::new();
    let mut ranked: Vec<Ranked> = big
        .iter()
        .map(|(name, v)| {
            let above = big
                .iter()
                .filter(|(other, w)| {
                    other != name
                        && difference(w, v).is_some_and(|d| d.significant && d.delta > 0.0)
                })
                .count();
            Ranked {
                name: name.clone(),
                rank: above + 1,
                value: *v,
            }
        })
        .collect();
    for (a, va) in &big {
        for (b, vb) in &big {
            if let Some(d) = difference(va, vb)
                && d.significant
                && d.delta > 0.0
            {
                significant.push((a.clone(), b.clone(), d));
            }
        }
    }
    ranked.sort_by(|x, y| {
        x.rank
            .cmp(&y.rank)
            .then_with(|| x.name.to_lowercase().cmp(&y.name.to_lowercase()))
    });
    Leaderboard {
        metric,
        ranked,
        small,
        significant,
    }
}

/// Everything the coaching page and API show for one grouping and period.
#[derive(Debug, Clone)]
pub struct Report {
    pub by: By,
    /// By name.
    pub groups: Vec<GroupFigures>,
    /// One per metric with responses; empty for an agent (who sees only their own).
    pub leaderboards: Vec<Leaderboard>,
}

#[derive(Debug, thiserror::Error)]
pub enum CoachingError {
    #[error(transparent)]
    Metrics(#[from] MetricsError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn request(
    metric: Metric,
    by: Vec<Dimension>,
    filters: Vec<Filter>,
    period: (Date, Date),
) -> MetricsRequest {
    MetricsRequest {
        metric,
        survey: None,
        by,
        from: Some(period.0),
        to: Some(period.1),
        filters,
    }
}

/// Each group's figure for `metric` over the period, by group name (the attribute's value);
/// None when the workspace's surveys of the metric are on several scales.
pub async fn group_figures(
    analytics: &Analytics,
    store: &dyn Store,
    ws: WorkspaceId,
    by: By,
    metric: Metric,
    period: (Date, Date),
) -> Result<Option<BTreeMap<String, MetricsGroup>>, CoachingError> {
    let dim = Dimension::Attribute(by.attribute().to_owned());
    let answer = match analytics
        .metrics(store, ws, &request(metric, vec![dim], Vec::new(), period))
        .await
    {
        Ok(a) => a,
        Err(MetricsError::MixedScales) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    Ok(Some(
        answer
            .groups
            .iter()
            .filter(|g| g.figure.n > 0)
            .filter_map(|g| {
                let name = answer.label(g, 0)?.to_string();
                (!name.trim().is_empty()).then(|| (name, g.clone()))
            })
            .collect(),
    ))
}

/// Most praise comments kept per group.
const PRAISE_PER_GROUP: usize = 3;
/// Most positive comments read for praise.
const PRAISE_SCAN: u32 = 500;

/// The coaching report for `by` over the inclusive `period`, as `viewer` may see it.
pub async fn report(
    analytics: &Analytics,
    store: &dyn Store,
    ws: WorkspaceId,
    by: By,
    period: (Date, Date),
    viewer: &Viewer,
) -> Result<Report, CoachingError> {
    let visible = |name: &str| match viewer {
        Viewer::All => true,
        Viewer::Own { name: n, email } => by == By::Agent && is_member(name, n, email),
    };
    let mut groups: BTreeMap<String, GroupFigures> = BTreeMap::new();
    let mut leaderboards = Vec::new();
    for metric in METRICS {
        let Some(totals) = group_figures(analytics, store, ws, by, metric, period).await? else {
            continue;
        };
        if totals.is_empty() {
            continue;
        }
        if *viewer == Viewer::All {
            let values: Vec<(String, MetricValue)> =
                totals.iter().map(|(n, g)| (n.clone(), g.figure)).collect();
            leaderboards.push(rank(metric, &values));
        }
        for (name, total) in totals {
            if !visible(&name) {
                continue;
            }
            let filter = Filter {
                dimension: Dimension::Attribute(by.attribute().to_owned()),
                values: vec![Label::Text(name.clone())],
            };
            let weekly = analytics
                .metrics(
                    store,
                    ws,
                    &request(metric, vec![Dimension::Week], vec![filter], period),
                )
                .await?;
            groups
                .entry(name.clone())
                .or_insert_with(|| GroupFigures {
                    name: name.clone(),
                    metrics: Vec::new(),
                    praise: Vec::new(),
                    cases: None,
                })
                .metrics
                .push(MetricFigures {
                    metric,
                    total,
                    weekly,
                });
        }
    }
    for cg in case_groups(store, ws, by, period).await? {
        let seen = match (viewer, &cg.member) {
            (Viewer::All, _) => true,
            (Viewer::Own { email, .. }, Some((_, owner_email))) => {
                owner_email.trim().to_lowercase() == email.trim().to_lowercase()
            }
            (Viewer::Own { .. }, None) => false,
        };
        if !seen {
            continue;
        }
        let joins = |g: &str| match &cg.member {
            Some((n, e)) => is_member(g, n, e),
            None => g.trim().to_lowercase() == cg.name.trim().to_lowercase(),
        };
        let key = groups
            .keys()
            .find(|g| joins(g))
            .cloned()
            .unwrap_or_else(|| cg.name.clone());
        groups
            .entry(key.clone())
            .or_insert_with(|| GroupFigures {
                name: key,
                metrics: Vec::new(),
                praise: Vec::new(),
                cases: None,
            })
            .cases = Some(cg.figures);
    }
    if !groups.is_empty() {
        let praise = store
            .comments(
                ws,
                &CommentQuery {
                    from: bounds(period).0,
                    to: bounds(period).1,
                    survey: None,
                    touchpoint: None,
                    channel: None,
                    locale: None,
                    language: None,
                    sentiment: Some(Polarity::Positive),
                    theme: None,
                    customer: None,
                    search: None,
                    after: None,
                    limit: PRAISE_SCAN,
                },
            )
            .await?;
        for c in praise {
            let Some(name) = c.response.attributes.get(by.attribute()) else {
                continue;
            };
            if let Some(g) = groups.get_mut(name.trim())
                && g.praise.len() < PRAISE_PER_GROUP
            {
                g.praise.push(c.response);
            }
        }
    }
    Ok(Report {
        by,
        groups: groups.into_values().collect(),
        leaderboards,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use taith_domain::Scale;
    use taith_metrics::Histogram;

    fn nps(promoters: u64, passives: u64, detractors: u64) -> MetricValue {
        let mut h = Histogram::default();
        h.0[10] = promoters;
        h.0[7] = passives;
        h.0[0] = detractors;
        MetricValue::of(Metric::Nps, Scale { low: 0, high: 10 }, &h)
    }

    #[test]
    fn only_a_significant_difference_orders_two_agents_and_ties_share_a_rank() {
        let board = rank(
            Metric::Nps,
            &[
                // NPS 60 and 50 on 100 answers each: not significantly apart.
                ("Megan".to_owned(), nps(70, 20, 10)),
                ("Dafydd".to_owned(), nps(65, 20, 15)),
                // NPS −20: significantly below both.
                ("Nia".to_owned(), nps(30, 20, 50)),
                // A small sample is not ranked.
                ("Joseph".to_owned(), nps(5, 0, 0)),
            ],
        );
        let rank_of = |n: &str| board.ranked.iter().find(|r| r.name == n).map(|r| r.rank);
        assert_eq!(rank_of("Megan"), Some(1));
        assert_eq!(rank_of("Dafydd"), Some(1));
        assert_eq!(rank_of("Nia"), Some(3));
        assert_eq!(rank_of("Joseph"), None);
        assert_eq!(board.small.len(), 1);
        assert!(
            !board
                .significant
                .iter()
                .any(|(a, b, _)| (a == "Megan" && b == "Dafydd") || (a == "Dafydd" && b == "Megan"))
        );
        assert_eq!(board.significant.len(), 2);
    }

    #[test]
    fn an_agent_is_matched_by_name_or_email_whatever_the_case() {
        assert!(is_member(
            " megan hughes ",
            "Megan Hughes",
            "megan@becws.example"
        ));
        assert!(is_member(
            "MEGAN@becws.example",
            "Megan Hughes",
            "megan@becws.example"
        ));
        assert!(!is_member("Megan", "Megan Hughes", "megan@becws.example"));
        assert!(!is_member("", "", ""));
    }
}
