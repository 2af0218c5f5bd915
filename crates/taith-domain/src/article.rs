//! The knowledge base: articles in categories, one translation per locale, drafts and
//! published ones; the published ones make up the workspace's public help centre.
//!
//! An article's body is Markdown as the business wrote it. It is stored as written and turned
//! into HTML only by `taith_app::articles::render` (pulldown-cmark, then ammonia), never here.
//!
//! Limits (characters, after trimming): a title at most [`Name::MAX_CHARS`] (200), a body at
//! most [`MAX_BODY_CHARS`], a category's name at most [`MAX_CATEGORY_NAME_CHARS`], a slug
//! at most [`ArticleSlug::MAX_LEN`] bytes.

use crate::{ArticleCategoryId, ArticleId, Issue, Locale, Name, ValidationErrors};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use time::OffsetDateTime;

/// The longest article body, in characters: a long help article, not a manual.
pub const MAX_BODY_CHARS: usize = 20_000;
/// The longest category name, in characters.
pub const MAX_CATEGORY_NAME_CHARS: usize = 100;

/// Whether the public can read an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArticleStatus {
    Draft,
    Published,
}

impl ArticleStatus {
    pub const ALL: [ArticleStatus; 2] = [ArticleStatus::Draft, ArticleStatus::Published];

    /// The stable code stored, sent by the API and used in translation keys.
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleStatus::Draft => "draft",
            ArticleStatus::Published => "published",
        }
    }
}

impl FromStr for ArticleStatus {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "" => Err(Issue::Required),
            "draft" => Ok(ArticleStatus::Draft),
            "published" => Ok(ArticleStatus::Published),
            _ => Err(Issue::UnknownValue),
        }
    }
}

/// An article's or a category's address part in the help centre: 1–80 bytes of `a-z`, `0-9`
/// and inner single `-`; unique per workspace.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ArticleSlug(String);

impl ArticleSlug {
    pub const MAX_LEN: usize = 80;

    pub fn parse(s: &str) -> Result<Self, Issue> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Issue::Required);
        }
        if s.len() > Self::MAX_LEN {
            return Err(Issue::TooLong);
        }
        let ok = s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if !ok {
            return Err(Issue::Invalid);
        }
        Ok(ArticleSlug(s.to_owned()))
    }

    /// A slug from any text already folded to ASCII (the caller folds diacritics): letters and
    /// digits kept lower-case, every other run one `-`, cut to the limit; None when nothing is
    /// left (a title in Arabic script).
    pub fn from_ascii_words(text: &str) -> Option<ArticleSlug> {
        let mut out = String::new();
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                if out.len() >= Self::MAX_LEN - 8 {
                    break;
                }
                out.push(c.to_ascii_lowercase());
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
        let out = out.trim_end_matches('-');
        ArticleSlug::parse(out).ok()
    }

    /// `article`: the slug of a title with nothing to make one from.
    pub fn fallback() -> ArticleSlug {
        ArticleSlug("article".to_owned())
    }

    /// This slug with `-{n}` appended (another article has it), kept within the limit.
    pub fn numbered(&self, n: u32) -> ArticleSlug {
        let suffix = format!("-{n}");
        let mut base = self.0.clone();
        base.truncate(Self::MAX_LEN - suffix.len());
        let base = base.trim_end_matches('-');
        ArticleSlug(format!("{base}{suffix}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ArticleSlug {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        ArticleSlug::parse(&s).map_err(|i| i.code().to_owned())
    }
}

impl From<ArticleSlug> for String {
    fn from(s: ArticleSlug) -> String {
        s.0
    }
}

impl fmt::Display for ArticleSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An article in one locale: its title and its Markdown body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleTranslation {
    pub title: Name,
    /// Markdown, trimmed, control characters removed; never empty.
    pub body: String,
}

/// An article's translations, at least one, keyed by locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Translations(BTreeMap<Locale, ArticleTranslation>);

impl Translations {
    /// The translation in `locale` exactly, if written.
    pub fn exact(&self, locale: Locale) -> Option<&ArticleTranslation> {
        self.0.get(&locale)
    }

    /// The translation for a reader of `locale`: theirs, else English, else the first written
    /// (in the order of [`Locale::ALL`]); with the locale it is written in, so a page can say
    /// which language it shows and mark it with `lang`. None only for no translations, which
    /// [`ArticleInput::parse`] and the store never make.
    pub fn for_reader(&self, locale: Locale) -> Option<(Locale, &ArticleTranslation)> {
        [locale, Locale::En]
            .into_iter()
            .chain(Locale::ALL)
            .find_map(|l| self.0.get(&l).map(|t| (l, t)))
    }

    pub fn locales(&self) -> impl Iterator<Item = Locale> + '_ {
        self.0.keys().copied()
    }

    pub fn iter(&self) -> impl Iterator<Item = (Locale, &ArticleTranslation)> {
        self.0.iter().map(|(l, t)| (*l, t))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Translations read back from the store, where they were written through
    /// [`ArticleInput::parse`]: None when empty (a corrupt row).
    pub fn from_stored(map: BTreeMap<Locale, ArticleTranslation>) -> Option<Translations> {
        (!map.is_empty()).then_some(Translations(map))
    }
}

/// The editable fields of an article, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFields {
    pub category_id: Option<ArticleCategoryId>,
    pub status: ArticleStatus,
    pub translations: Translations,
    /// None: keep the article's slug, or make one from its title when new.
    pub slug: Option<ArticleSlug>,
}

/// One translation as typed or sent, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct TranslationInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
}

/// An article as typed into the form or sent to the API.
#[derive(Debug, Clone, Default)]
pub struct ArticleInput {
    pub category_id: Option<String>,
    pub status: String,
    /// Keyed by locale tag as sent (`cy`); an unknown tag is `translations.{tag}` unknown.
    pub translations: BTreeMap<String, TranslationInput>,
    pub slug: Option<String>,
}

impl ArticleInput {
    /// Parses the input. A locale whose title and body are both empty is left out (the form's
    /// blank pairs); a locale with one but not the other names the missing one
    /// (`translations.cy.title`). At least one translation (`translations` required).
    pub fn parse(&self) -> Result<ArticleFields, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let status = errors.check("status", self.status.parse::<ArticleStatus>());
        let category_id = match self.category_id.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => errors.check("category_id", s.parse::<ArticleCategoryId>().map(Some)),
        }
        .flatten();
        let slug = match self.slug.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => errors.check("slug", ArticleSlug::parse(s)),
        };
        let mut map = BTreeMap::new();
        for (tag, t) in &self.translations {
            let field = format!("translations.{}", tag.trim());
            let Some(locale) = Locale::from_tag(tag.trim()) else {
                errors.push(field, Issue::UnknownValue);
                continue;
            };
            let body = crate::text::strip_controls(&t.body.replace("\r\n", "\n"));
            let body = body.trim();
            if t.title.trim().is_empty() && body.is_empty() {
                continue;
            }
            let title = errors.check(&format!("{field}.title"), Name::parse(&t.title));
            let body = if body.is_empty() {
                errors.push(format!("{field}.body"), Issue::Required);
                None
            } else if body.chars().count() > MAX_BODY_CHARS {
                errors.push(format!("{field}.body"), Issue::TooLong);
                None
            } else {
                Some(body.to_owned())
            };
            if let (Some(title), Some(body)) = (title, body) {
                map.insert(locale, ArticleTranslation { title, body });
            }
        }
        if map.is_empty() && errors.is_empty() {
            errors.push("translations", Issue::Required);
        }
        match (status, errors.is_empty()) {
            (Some(status), true) => Ok(ArticleFields {
                category_id,
                status,
                translations: Translations(map),
                slug,
            }),
            _ => Err(errors),
        }
    }
}

/// A stored article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: ArticleId,
    pub slug: ArticleSlug,
    pub category_id: Option<ArticleCategoryId>,
    pub status: ArticleStatus,
    pub translations: Translations,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

impl Article {
    pub fn is_published(&self) -> bool {
        self.status == ArticleStatus::Published
    }
}

/// A category of articles: a name (in the business's own words, one for every locale, to keep
/// it simple) and a slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleCategory {
    pub id: ArticleCategoryId,
    pub name: Name,
    pub slug: ArticleSlug,
    pub created_at: OffsetDateTime,
}

/// Parses a category's name: a [`Name`] of at most [`MAX_CATEGORY_NAME_CHARS`]. The error is
/// on `name`.
pub fn parse_category_name(s: &str) -> Result<Name, ValidationErrors> {
    Name::parse(s)
        .and_then(|n| {
            if n.as_str().chars().count() > MAX_CATEGORY_NAME_CHARS {
                Err(Issue::TooLong)
            } else {
                Ok(n)
            }
        })
        .map_err(|i| ValidationErrors::one("name", i))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn input(status: &str, translations: &[(&str, &str, &str)]) -> ArticleInput {
        ArticleInput {
            category_id: None,
            status: status.into(),
            translations: translations
                .iter()
                .map(|(l, t, b)| {
                    (
                        (*l).to_owned(),
                        TranslationInput {
                            title: (*t).into(),
                            body: (*b).into(),
                        },
                    )
                })
                .collect(),
            slug: None,
        }
    }

    #[test]
    fn an_article_names_each_missing_or_wrong_field() {
        let e = input(
            "",
            &[("cy", " ", "Corff"), ("xx", "T", "B"), ("vi", "T", "")],
        )
        .parse()
        .unwrap_err();
        assert_eq!(e.issue_for("status"), Some(Issue::Required));
        assert_eq!(e.issue_for("translations.cy.title"), Some(Issue::Required));
        assert_eq!(e.issue_for("translations.xx"), Some(Issue::UnknownValue));
        assert_eq!(e.issue_for("translations.vi.body"), Some(Issue::Required));
        let long = "x".repeat(MAX_BODY_CHARS + 1);
        let e = input("live", &[("en", "T", &long)]).parse().unwrap_err();
        assert_eq!(e.issue_for("status"), Some(Issue::UnknownValue));
        assert_eq!(e.issue_for("translations.en.body"), Some(Issue::TooLong));
        let e = input("draft", &[("en", "", "")]).parse().unwrap_err();
        assert_eq!(e.issue_for("translations"), Some(Issue::Required));
    }

    #[test]
    fn a_reader_gets_their_translation_else_english_else_the_first() {
        let f = input(
            "published",
            &[("cy", "Oriau", "Ar agor"), ("ar", "ساعات", "نص")],
        )
        .parse()
        .unwrap();
        assert_eq!(f.translations.for_reader(Locale::Cy).unwrap().0, Locale::Cy);
        assert_eq!(f.translations.for_reader(Locale::Vi).unwrap().0, Locale::Cy);
        let f = input("draft", &[("en", "Hours", "Open"), ("ar", "ساعات", "نص")])
            .parse()
            .unwrap();
        assert_eq!(f.translations.for_reader(Locale::Sw).unwrap().0, Locale::En);
        assert_eq!(f.translations.for_reader(Locale::Ar).unwrap().0, Locale::Ar);
    }

    #[test]
    fn a_slug_is_made_from_words_and_numbered_when_taken() {
        let s = ArticleSlug::from_ascii_words("Opening hours & holidays!").unwrap();
        assert_eq!(s.as_str(), "opening-hours-holidays");
        assert_eq!(s.numbered(2).as_str(), "opening-hours-holidays-2");
        assert_eq!(ArticleSlug::from_ascii_words("؟؟"), None);
        assert_eq!(ArticleSlug::parse("a--b"), Err(Issue::Invalid));
        assert_eq!(ArticleSlug::parse("Hours"), Err(Issue::Invalid));
    }
}
