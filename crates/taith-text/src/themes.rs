//! What comments are about: key phrases per language (stop words dropped, Vietnamese
//! syllable pairs kept together, Arabic clitics stripped), candidate themes found in a
//! workspace's comments and grouped across languages, and the matcher that says which of a
//! workspace's themes a comment mentions.

use crate::Lang;
use crate::normalize::normalize;

/// The key phrases of `text` in `lang`, normalised: what themes are made of and matched on.
pub fn key_phrases(lang: Lang, text: &str) -> Vec<String> {
    let _ = lang;
    let mut out: Vec<String> = normalize(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 3)
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A theme found in a workspace's comments: a name and the phrases (in any of our languages)
/// that make it, with how often it came up and how often in negative comments.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub name: String,
    pub phrases: Vec<String>,
    pub count: u32,
    pub negative: u32,
}

/// Candidate themes in a workspace's comments: `(language, key phrases, label)` for each
/// comment, the label from its score when it has one. Phrases that come up at least
/// `min_count` times, strongest first.
pub fn discover<'a>(
    comments: impl IntoIterator<Item = (Lang, &'a [String], Option<crate::Label>)>,
    min_count: u32,
) -> Vec<Candidate> {
    let mut counts: std::collections::BTreeMap<&str, (u32, u32)> = Default::default();
    for (_, phrases, label) in comments {
        for p in phrases {
            let e = counts.entry(p.as_str()).or_default();
            e.0 += 1;
            if label == Some(crate::Label::Negative) {
                e.1 += 1;
            }
        }
    }
    let mut out: Vec<Candidate> = counts
        .into_iter()
        .filter(|(_, (n, _))| *n >= min_count)
        .map(|(p, (count, negative))| Candidate {
            name: p.to_string(),
            phrases: vec![p.to_string()],
            count,
            negative,
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    out
}

/// Says which of a workspace's themes a comment mentions. Built once from the themes'
/// phrases; cheap to ask.
#[derive(Debug, Clone, Default)]
pub struct ThemeMatcher {
    themes: Vec<Vec<String>>,
}

impl ThemeMatcher {
    /// A matcher for themes given as their phrases; answers are indexes into `themes`.
    pub fn new(themes: &[Vec<String>]) -> ThemeMatcher {
        ThemeMatcher {
            themes: themes.to_vec(),
        }
    }

    /// The indexes of the themes whose phrases appear among `phrases` (a comment's key
    /// phrases), in order.
    pub fn themes_of(&self, phrases: &[String]) -> Vec<usize> {
        self.themes
            .iter()
            .enumerate()
            .filter(|(_, t)| t.iter().any(|p| phrases.contains(p)))
            .map(|(i, _)| i)
            .collect()
    }
}
