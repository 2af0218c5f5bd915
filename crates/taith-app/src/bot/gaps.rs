//! FAQ gaps: what customers asked that no article answers, grouped so that an owner sees
//! "12 people asked about gift cards" rather than twelve lines.
//!
//! Sources, merged: the bot's hand-overs for low confidence and the help centre's searches
//! that found nothing (both stored in `faq_gaps`), and the web shop's own site searches
//! without results (the `webstats` index's zero-result searches, by query and locale).
//!
//! Grouping: each question is read as the retrieval index reads it
//! (`taith_text::retrieval::question_words`: stop words dropped, plurals, clitics and
//! mutations undone, Vietnamese folded) into a set of words. Newest first, a question joins
//! the first group whose first question's word set it overlaps with a Jaccard similarity of
//! at least [`SIMILARITY`] (|A ∩ B| / |A ∪ B|); otherwise it starts a group. A question of
//! only stop words is grouped by its exact folded text. Greedy and order-dependent, but it is
//! a reading aid for tens or hundreds of questions, not a clustering.

use super::lang_of;
use crate::webstats::{WebRequest, WebStats};
use std::collections::{BTreeSet, HashSet};
use taith_domain::bot::GapSource;
use taith_domain::{Locale, WorkspaceId};
use taith_metrics::events::{Figure, WebMetric};
use taith_metrics::index::{Dimension, Label, Layout};
use taith_store::{Store, StoreError};
use time::{Duration, OffsetDateTime};

/// The least word-set similarity of two questions of one group.
pub const SIMILARITY: f64 = 0.5;
/// How far back the page looks.
pub const WINDOW_DAYS: i64 = 90;
/// The most stored questions read.
const MAX_READ: u32 = 5_000;
/// Examples shown per group.
const EXAMPLES: usize = 3;

/// One question (or a site search, counted) before grouping.
#[derive(Debug, Clone)]
pub struct Asked {
    pub question: String,
    pub locale: Locale,
    pub source: GapSource,
    /// None: a site search (the web index keeps days, not the time of each).
    pub at: Option<OffsetDateTime>,
    pub count: u64,
}

/// A group of similar questions.
#[derive(Debug, Clone)]
pub struct GapGroup {
    /// The group's first (newest) question: the suggested article title.
    pub question: String,
    pub count: u64,
    pub locales: Vec<Locale>,
    pub sources: Vec<GapSource>,
    /// Up to three distinct questions, the first one included.
    pub examples: Vec<String>,
    pub last_asked: Option<OffsetDateTime>,
}

struct Open {
    words: HashSet<String>,
    group: GapGroup,
    locales: BTreeSet<Locale>,
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

fn words_of(a: &Asked) -> HashSet<String> {
    let words: HashSet<String> =
        taith_text::retrieval::question_words(lang_of(a.locale), &a.question)
            .into_iter()
            .collect();
    if words.is_empty() {
        // Only stop words: the exact text.
        std::iter::once(format!(
            "={}",
            taith_text::normalize::normalize(&a.question)
        ))
        .collect()
    } else {
        words
    }
}

/// Groups questions (see the module's documentation): largest groups first, then newest.
pub fn group(mut asked: Vec<Asked>) -> Vec<GapGroup> {
    asked.sort_by_key(|a| std::cmp::Reverse(a.at));
    let mut open: Vec<Open> = Vec::new();
    for a in asked {
        let words = words_of(&a);
        let found = open
            .iter_mut()
            .find(|o| jaccard(&o.words, &words) >= SIMILARITY);
        match found {
            Some(o) => {
                let g = &mut o.group;
                g.count += a.count;
                o.locales.insert(a.locale);
                if !g.sources.contains(&a.source) {
                    g.sources.push(a.source);
                }
                if g.examples.len() < EXAMPLES
                    && !g
                        .examples
                        .iter()
                        .any(|e| e.eq_ignore_ascii_case(&a.question))
                {
                    g.examples.push(a.question.clone());
                }
                g.last_asked = g.last_asked.max(a.at);
            }
            None => open.push(Open {
                words,
                locales: std::iter::once(a.locale).collect(),
                group: GapGroup {
                    question: a.question.clone(),
                    count: a.count,
                    locales: Vec::new(),
                    sources: vec![a.source],
                    examples: vec![a.question],
                    last_asked: a.at,
                },
            }),
        }
    }
    let mut groups: Vec<GapGroup> = open
        .into_iter()
        .map(|o| GapGroup {
            locales: o.locales.into_iter().collect(),
            ..o.group
        })
        .collect();
    groups.sort_by(|a, b| b.count.cmp(&a.count).then(b.last_asked.cmp(&a.last_asked)));
    groups
}

/// The web shop's site searches without results over the window, by query and locale.
async fn site_searches(
    webstats: &WebStats,
    store: &dyn Store,
    ws: WorkspaceId,
    now: OffsetDateTime,
) -> Result<Vec<Asked>, StoreError> {
    let request = WebRequest {
        metric: WebMetric::SearchZeroResultRate,
        goal: None,
        by: vec![
            Dimension::Attribute(taith_metrics::events::QUERY.to_owned()),
            Dimension::Locale,
        ],
        from: Some((now - Duration::days(WINDOW_DAYS)).date()),
        to: Some(now.date()),
        filters: Vec::new(),
    };
    let groups = match webstats
        .figures(store, ws, &Layout::default(), &request)
        .await
    {
        Ok(a) => a.groups,
        Err(crate::webstats::WebStatsError::Store(e)) => return Err(e),
        // Too many distinct queries to group: the stored questions still show.
        Err(_) => return Ok(Vec::new()),
    };
    Ok(groups
        .into_iter()
        .filter_map(|g| {
            let Figure::Proportion { good, .. } = g.figure else {
                return None;
            };
            if good == 0 {
                return None;
            }
            let query = match g.key.first()? {
                Label::Text(q) => q.clone(),
                _ => return None,
            };
            let locale = match g.key.get(1) {
                Some(Label::Locale(l)) => *l,
                _ => Locale::En,
            };
            (!query.trim().is_empty()).then_some(Asked {
                question: query,
                locale,
                source: GapSource::SiteSearch,
                at: None,
                count: good,
            })
        })
        .collect())
}

/// The workspace's FAQ gaps of the last [`WINDOW_DAYS`] days, grouped.
pub async fn faq_gaps(
    store: &dyn Store,
    webstats: Option<&WebStats>,
    ws: WorkspaceId,
) -> Result<Vec<GapGroup>, StoreError> {
    let now = taith_domain::now();
    let since = now - Duration::days(WINDOW_DAYS);
    let mut asked: Vec<Asked> = store
        .faq_gaps(ws, since, MAX_READ)
        .await?
        .into_iter()
        .map(|g| Asked {
            question: g.question,
            locale: g.locale,
            source: g.source,
            at: Some(g.asked_at),
            count: 1,
        })
        .collect();
    if let Some(w) = webstats {
        asked.extend(site_searches(w, store, ws, now).await?);
    }
    Ok(group(asked))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use time::macros::datetime;

    fn q(text: &str, locale: Locale, at: Option<OffsetDateTime>) -> Asked {
        Asked {
            question: text.into(),
            locale,
            source: GapSource::Bot,
            at,
            count: 1,
        }
    }

    #[test]
    fn paraphrases_group_and_other_questions_do_not() {
        let t = datetime!(2026-12-01 10:00 UTC);
        let groups = group(vec![
            q("Do you repair zebra saddles?", Locale::En, Some(t)),
            q(
                "Can you repair my zebra saddle?",
                Locale::En,
                Some(t + Duration::hours(1)),
            ),
            q("Is there parking for bicycles?", Locale::En, Some(t)),
            q("Mnauza kadi za zawadi?", Locale::Sw, Some(t)),
            q("kadi za zawadi", Locale::Sw, None),
        ]);
        assert_eq!(groups.len(), 3, "{groups:#?}");
        assert_eq!(groups[0].count, 2);
        assert_eq!(groups[1].count, 2);
        let zebra = groups
            .iter()
            .find(|g| g.question.contains("zebra"))
            .unwrap();
        assert_eq!(zebra.question, "Can you repair my zebra saddle?");
        assert_eq!(zebra.examples.len(), 2);
        assert_eq!(zebra.last_asked, Some(t + Duration::hours(1)));
    }
}
