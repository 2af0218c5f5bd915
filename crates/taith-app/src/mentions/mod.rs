//! Social listening (issue 14): mentions of the business in public — posts, reviews, replies —
//! posted by connectors (`POST /api/v1/mentions`). Every edge (the API, the Mentions page, the
//! CLI, the demo, the alert rules) comes here:
//!
//! - [`record`]: checks a batch, finds each text's language and sentiment with the same
//!   models as the workspace's comments, and stores the batch in one transaction; a post the
//!   workspace already has (same source and external id) is not counted twice.
//! - [`overview`]: the count in a period with the change from the period of the same length
//!   before (significant when |Δ| > 1.96 √(n₁ + n₂), counts taken as Poisson, DESIGN §3), the
//!   split by source, day and sentiment, the negative share with its Wilson interval, and the
//!   latest mentions.
//! - [`count`]: the number posted in a period, which is what an alert rule on mentions
//!   watches: a spike is a rule "mentions, significant change up".

use crate::voc::Voc;
use std::collections::BTreeMap;
use taith_domain::{
    Mention, MentionId, MentionInput, MentionSentiment, NewMention, Period, ValidationErrors,
    WorkspaceId,
};
use taith_store::{Store, StoreError};
use taith_text::Lang;
use time::{Date, OffsetDateTime};

/// How many of the latest mentions an overview lists.
pub const LATEST: u32 = 50;

const Z95: f64 = 1.96;

/// Why mentions could not be recorded or read.
#[derive(Debug, thiserror::Error)]
pub enum MentionsError {
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What a batch did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    /// Mentions in the batch.
    pub received: u64,
    /// Newly stored (the rest the workspace already had).
    pub stored: u64,
}

/// Checks, scores and stores a batch of mentions, all or nothing.
pub async fn record(
    store: &dyn Store,
    voc: &Voc,
    ws: WorkspaceId,
    inputs: &[MentionInput],
) -> Result<Recorded, MentionsError> {
    let now = taith_domain::now();
    let checked = NewMention::parse_batch(inputs, now)?;
    let mut mentions = Vec::with_capacity(checked.len());
    for m in checked {
        let hint = m.locale.and_then(|l| Lang::from_code(l.tag()));
        let analysis = voc.analyse_text(store, ws, &m.text, hint).await;
        mentions.push(Mention {
            id: MentionId::new(),
            source: m.source,
            external_id: m.external_id,
            url: m.url,
            author: m.author,
            text: m.text,
            language: analysis.language.lang.code().to_owned(),
            sentiment: analysis.sentiment.map(|s| sentiment_of(s.polarity)),
            posted_at: m.posted_at,
            received_at: now,
        });
    }
    let stored = store.save_mentions(ws, &mentions).await?;
    Ok(Recorded {
        received: mentions.len() as u64,
        stored,
    })
}

fn sentiment_of(p: taith_text::Polarity) -> MentionSentiment {
    match p {
        taith_text::Polarity::Negative => MentionSentiment::Negative,
        taith_text::Polarity::Neutral => MentionSentiment::Neutral,
        taith_text::Polarity::Positive => MentionSentiment::Positive,
    }
}

/// Which way the count went from the period before, when the change is significant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
}

/// A share with its 95% Wilson interval, all in %.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Share {
    pub percent: f64,
    pub low: f64,
    pub high: f64,
    pub n: u64,
}

/// Mentions in a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    pub period: Period,
    pub total: u64,
    pub previous_total: u64,
    /// Set only when the change is significant.
    pub trend: Option<Trend>,
    /// Most mentioned first.
    pub by_source: Vec<(String, u64)>,
    /// Every day of the period, days without mentions included.
    pub by_day: Vec<(Date, u64)>,
    /// Negative, neutral, positive, and unscored (too short to say) last.
    pub by_sentiment: Vec<(Option<MentionSentiment>, u64)>,
    /// The negative share of the scored mentions.
    pub negative: Option<Share>,
    pub latest: Vec<Mention>,
}

/// Mentions posted in the period.
pub async fn count(store: &dyn Store, ws: WorkspaceId, period: &Period) -> Result<u64, StoreError> {
    let (from, to) = period.utc_range();
    Ok(store
        .mention_counts(ws, from, to)
        .await?
        .iter()
        .map(|c| c.count)
        .sum())
}

/// Whether a change between two Poisson counts is significant, and which way.
pub fn count_trend(now: u64, before: u64) -> Option<Trend> {
    let delta = now as f64 - before as f64;
    let spread = Z95 * ((now + before) as f64).sqrt();
    match delta {
        d if now + before > 0 && d > spread => Some(Trend::Up),
        d if now + before > 0 && -d > spread => Some(Trend::Down),
        _ => None,
    }
}

/// The mentions of a period; `source` narrows the latest ones listed.
pub async fn overview(
    store: &dyn Store,
    ws: WorkspaceId,
    period: &Period,
    source: Option<&str>,
) -> Result<Overview, StoreError> {
    let (from, to) = period.utc_range();
    let counts = store.mention_counts(ws, from, to).await?;
    let previous_total = count(store, ws, &period.previous()).await?;
    let mut total = 0;
    let mut by_source: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_day: BTreeMap<i64, u64> = BTreeMap::new();
    let mut by_sentiment: BTreeMap<Option<MentionSentiment>, u64> = BTreeMap::new();
    for c in &counts {
        total += c.count;
        *by_source.entry(c.source.clone()).or_default() += c.count;
        *by_day.entry(c.day).or_default() += c.count;
        *by_sentiment.entry(c.sentiment).or_default() += c.count;
    }
    let mut by_source: Vec<(String, u64)> = by_source.into_iter().collect();
    by_source.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let days = every_day(period, &by_day);
    let scored: u64 = by_sentiment
        .iter()
        .filter(|(s, _)| s.is_some())
        .map(|(_, n)| n)
        .sum();
    let negative_n = by_sentiment
        .get(&Some(MentionSentiment::Negative))
        .copied()
        .unwrap_or_default();
    let negative = (scored > 0).then(|| {
        let (low, high) = taith_metrics::formula::wilson(negative_n, scored);
        Share {
            percent: 100.0 * negative_n as f64 / scored as f64,
            low: 100.0 * low,
            high: 100.0 * high,
            n: scored,
        }
    });
    // None sorts first in a BTreeMap; unscored goes last on the page.
    let mut by_sentiment: Vec<(Option<MentionSentiment>, u64)> = by_sentiment.into_iter().collect();
    let unscored_first = by_sentiment.first().is_some_and(|(s, _)| s.is_none());
    by_sentiment.rotate_left(usize::from(unscored_first));
    let latest = store.latest_mentions(ws, from, to, source, LATEST).await?;
    Ok(Overview {
        period: *period,
        total,
        previous_total,
        trend: count_trend(total, previous_total),
        by_source,
        by_day: days,
        by_sentiment,
        negative,
        latest,
    })
}

fn every_day(period: &Period, counts: &BTreeMap<i64, u64>) -> Vec<(Date, u64)> {
    let epoch = OffsetDateTime::UNIX_EPOCH.date();
    let mut out = Vec::new();
    let mut day = period.from;
    while day <= period.to {
        let index = (day - epoch).whole_days();
        out.push((day, counts.get(&index).copied().unwrap_or_default()));
        match day.next_day() {
            Some(next) => day = next,
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spike_is_a_significant_rise_of_a_poisson_count() {
        // 40 against 20: Δ = 20 > 1.96 √60 ≈ 15.2.
        assert_eq!(count_trend(40, 20), Some(Trend::Up));
        // 28 against 20: Δ = 8 < 1.96 √48 ≈ 13.6.
        assert_eq!(count_trend(28, 20), None);
        assert_eq!(count_trend(2, 30), Some(Trend::Down));
        assert_eq!(count_trend(0, 0), None);
    }
}
