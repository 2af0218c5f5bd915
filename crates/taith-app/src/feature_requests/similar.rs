//! Near-duplicate requests: two requests that share key phrases (in their own languages, by
//! `taith_text::themes::key_phrases`) are suggested for merging.
//!
//! Cross-language matching plugs in at [`similarity`]: when `taith_text::themes::concepts`
//! (phrases mapped to language-independent concepts through the glossary and the business's
//! own synonyms) lands, a [`Profile`] gains its concepts and [`similarity`] compares them too,
//! so "oat milk" and "llaeth ceirch" meet. Until then only phrases in a shared language meet.

use std::collections::BTreeSet;
use taith_domain::{FeatureRequest, FeatureRequestId, Locale};
use taith_text::Lang;
use taith_text::lang::detect;
use taith_text::themes::key_phrases;

/// What a request's text is about, for comparing: the key phrases of its title, and of its
/// title and description together.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    pub lang: Option<Lang>,
    pub title: BTreeSet<String>,
    pub all: BTreeSet<String>,
}

/// The profile of a request, its language detected (with `hint`, the board's or the writer's
/// locale, for a text too short to tell).
pub fn profile(r: &FeatureRequest, hint: Option<Locale>) -> Profile {
    let title = r.fields.title.as_str();
    let whole = format!("{title}\n{}", r.fields.description);
    let hint = hint.and_then(|l| Lang::from_code(l.tag()));
    let lang = detect(&whole, hint).lang;
    let phrases =
        |text: &str| -> BTreeSet<String> { key_phrases(lang, text).into_iter().collect() };
    Profile {
        lang: Some(lang),
        title: phrases(title),
        all: phrases(&whole),
    }
}

/// Dice's coefficient of two sets: 2|A∩B| / (|A|+|B|), 0 when both are empty.
fn dice(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let total = a.len() + b.len();
    if total == 0 {
        return 0.0;
    }
    let shared = a.intersection(b).count();
    (2 * shared) as f64 / total as f64
}

/// How alike two requests are, 0 to 1: the titles' shared key phrases, or (weighed a little
/// less, since descriptions wander) the whole texts'. The one place cross-language concepts
/// will join in (see the module's documentation).
pub fn similarity(a: &Profile, b: &Profile) -> f64 {
    dice(&a.title, &b.title).max(0.8 * dice(&a.all, &b.all))
}

/// How alike two requests must be to be suggested for merging.
pub const SUGGEST_ABOVE: f64 = 0.25;

/// The requests of `others` most like `target` (not itself, none merged away), most alike
/// first, at most `limit`.
pub fn near_duplicates<'a>(
    target: &FeatureRequest,
    others: &'a [FeatureRequest],
    hint: Option<Locale>,
    limit: usize,
) -> Vec<(&'a FeatureRequest, f64)> {
    let mine = profile(target, hint);
    let mut found: Vec<(&FeatureRequest, f64)> = others
        .iter()
        .filter(|o| o.id != target.id && o.merged_into.is_none())
        .map(|o| (o, similarity(&mine, &profile(o, hint))))
        .filter(|(_, s)| *s >= SUGGEST_ABOVE)
        .collect();
    found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.id.cmp(&b.0.id)));
    found.truncate(limit);
    found
}

/// Pairs of requests on a board that look like duplicates of each other, most alike first:
/// for the board's "possible duplicates" list.
pub fn duplicate_pairs(
    board: &[FeatureRequest],
    hint: Option<Locale>,
    limit: usize,
) -> Vec<(FeatureRequestId, FeatureRequestId, f64)> {
    let profiles: Vec<Profile> = board.iter().map(|r| profile(r, hint)).collect();
    let mut pairs = Vec::new();
    for (i, a) in board.iter().enumerate() {
        for (j, b) in board.iter().enumerate().skip(i + 1) {
            let (Some(pa), Some(pb)) = (profiles.get(i), profiles.get(j)) else {
                continue;
            };
            let s = similarity(pa, pb);
            if s >= SUGGEST_ABOVE {
                pairs.push((a.id, b.id, s));
            }
        }
    }
    pairs.sort_by(|a, b| b.2.total_cmp(&a.2));
    pairs.truncate(limit);
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use taith_domain::{FeatureRequestFields, FeatureRequestStatus, LongText, Name, PublicNote};

    fn request(title: &str, description: &str) -> FeatureRequest {
        FeatureRequest {
            id: FeatureRequestId::new(),
            fields: FeatureRequestFields {
                title: Name::parse(title).unwrap_or_else(|_| unreachable!()),
                description: LongText::parse(description).unwrap_or_default(),
            },
            status: FeatureRequestStatus::UnderReview,
            note: PublicNote::default(),
            source: taith_domain::RequestSource::Staff,
            merged_into: None,
            votes: 0,
            created_at: taith_domain::now(),
            updated_at: taith_domain::now(),
        }
    }

    #[test]
    fn requests_sharing_key_phrases_are_suggested_and_unrelated_ones_are_not() {
        let target = request("Oat milk for coffee", "Please offer oat milk");
        let others = vec![
            request("Offer oat milk", ""),
            request("Longer opening hours on Sunday", "Open until six"),
            target.clone(),
        ];
        let found = near_duplicates(&target, &others, Some(Locale::En), 5);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0.fields.title.as_str(), "Offer oat milk");
        assert!(found[0].1 > 0.4, "{}", found[0].1);
    }

    #[test]
    fn similarity_is_symmetric_and_one_for_the_same_text() {
        let a = profile(&request("Card payments at the market stall", ""), None);
        let b = profile(&request("Take card payments", "at the stall"), None);
        assert_eq!(similarity(&a, &b), similarity(&b, &a));
        assert!((similarity(&a, &a) - 1.0).abs() < 1e-9);
        let empty = Profile::default();
        assert_eq!(similarity(&empty, &empty), 0.0);
    }
}
