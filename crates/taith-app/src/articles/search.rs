//! The help centre's search: a simple keyword search over the published articles of one
//! workspace, done here in the app layer rather than in SQL.
//!
//! Why here: a workspace's help centre has tens of articles, not millions, and the same
//! normalisation must hold on SQLite and PostgreSQL, whose text functions differ (neither
//! folds Arabic letter forms). The FAQ bot's ranked retrieval (BM25, stop words, Welsh
//! mutations) is `taith-text`'s, not this.
//!
//! Normalisation, the same for the query and the articles, whatever their locale:
//! - `taith_text::normalize`: case folded; control, zero-width and bidi characters dropped;
//!   Arabic alef forms (أ إ آ ٱ → ا), ta marbuta (ة → ه), alef maqsura (ى → ي), diacritics
//!   (harakat) and tatweel unified or dropped;
//! - then Latin diacritics folded (Unicode NFD, combining marks dropped, `đ` → `d`), so
//!   Vietnamese typed without its marks (`gio mo cua`) and Welsh without its circumflexes
//!   (`dwr`) find `giờ mở cửa` and `dŵr`.
//!
//! Matching: the text is cut into words (runs of letters and digits); a query word matches an
//! article word that starts with it (so `deliver` finds `delivery`), words of one character
//! ignored. An article's score is the number of distinct query words it matches, a title
//! match counting twice; every translation of an article is searched and the best one shown,
//! the reader's locale winning ties.

use taith_domain::{Article, Locale};
use unicode_normalization::UnicodeNormalization;

/// The most results a search shows.
pub const MAX_RESULTS: usize = 20;
/// The longest query read, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;

/// Folds `text` for matching (see the module's documentation).
pub fn fold(text: &str) -> String {
    taith_text::normalize::normalize(text)
        .nfd()
        .filter(|c| !is_combining_latin(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .collect()
}

/// Combining marks NFD splits off: the accents of Latin letters (U+0300–U+036F) and the
/// hamza of Arabic letters that carry one (ؤ ئ → و ي), besides the harakat `normalize`
/// already dropped; left in, they would cut a word in two.
fn is_combining_latin(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// The words of folded text.
fn words(folded: &str) -> Vec<&str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .collect()
}

/// A search result: the article, and the locale of the translation that matched best.
#[derive(Debug, Clone)]
pub struct Hit<'a> {
    pub article: &'a Article,
    pub locale: Locale,
    pub score: u32,
}

/// The articles matching `query`, best first (at most [`MAX_RESULTS`]). The caller passes
/// only published articles.
pub fn search<'a>(articles: &'a [Article], query: &str, reader: Locale) -> Vec<Hit<'a>> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let query = fold(&query);
    let mut wanted: Vec<&str> = words(&query);
    wanted.sort_unstable();
    wanted.dedup();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Hit<'a>> = Vec::new();
    for article in articles {
        let mut best: Option<(u32, Locale)> = None;
        for (locale, t) in article.translations.iter() {
            let title = fold(t.title.as_str());
            let body = fold(&t.body);
            let title_words = words(&title);
            let body_words = words(&body);
            let score: u32 = wanted
                .iter()
                .map(|q| {
                    if title_words.iter().any(|w| w.starts_with(q)) {
                        2
                    } else if body_words.iter().any(|w| w.starts_with(q)) {
                        1
                    } else {
                        0
                    }
                })
                .sum();
            let better = match best {
                None => score > 0,
                Some((s, l)) => score > s || (score == s && locale == reader && l != reader),
            };
            if better {
                best = Some((score, locale));
            }
        }
        if let Some((score, locale)) = best {
            hits.push(Hit {
                article,
                locale,
                score,
            });
        }
    }
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| (b.locale == reader).cmp(&(a.locale == reader)))
            .then_with(|| a.article.id.as_uuid().cmp(&b.article.id.as_uuid()))
    });
    hits.truncate(MAX_RESULTS);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_unifies_arabic_forms_and_drops_latin_accents() {
        assert_eq!(fold("Giờ MỞ cửa, đặt hàng"), "gio mo cua, dat hang");
        assert_eq!(fold("Dŵr a thân"), "dwr a than");
        // alef with hamza, ta marbuta and a fatha: as typed without them.
        assert_eq!(fold("أَسْئِلَة"), fold("اسئله"));
        assert_eq!(fold("إرجاع"), fold("ارجاع"));
    }
}
