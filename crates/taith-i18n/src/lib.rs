//! taith's words in six languages: Fluent strings per locale (`locales/<tag>/*.ftl`, compiled
//! into the binary), numbers and dates written per locale, and the standard wording of a survey
//! ([`survey_wording`]). Pages, e-mails, CSV and the CLI all word things through here.
//!
//! A key missing in one locale is a test failure (`every_key_exists_in_every_locale`), not a
//! blank: at run time the English text is shown as a fallback.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, static_loader};
use std::borrow::Cow;
use std::collections::HashMap;
use taith_domain::Locale;

pub mod survey_wording;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
    };
}

/// Fluent files per locale, one per area of the product (`main` for what came first). The
/// loader reads every file in a locale's folder; this list feeds the key-completeness tests, so
/// a new file is added here too.
macro_rules! locale_sources {
    ($($locale:ident => $tag:literal),* $(,)?) => {
        [$((
            Locale::$locale,
            concat!(
                include_str!(concat!("../locales/", $tag, "/main.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/account.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/editor.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/results.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/site.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/kiosk.ftl")),
            ),
        )),*]
    };
}

/// The Fluent source of each locale (all its files), for the key-completeness tests and tooling.
pub const SOURCES: [(Locale, &str); 6] = locale_sources!(
    En => "en", Cy => "cy", Ms => "ms", Sw => "sw", Ar => "ar", Vi => "vi",
);

fn language_id(locale: Locale) -> LanguageIdentifier {
    locale
        .tag()
        .parse()
        .unwrap_or_else(|_| LanguageIdentifier::default())
}

/// Translates for one locale; templates hold one as `t` and call `t.t("key")`.
#[derive(Debug, Clone)]
pub struct Tr {
    pub locale: Locale,
    lang: LanguageIdentifier,
}

impl Tr {
    pub fn new(locale: Locale) -> Tr {
        Tr {
            locale,
            lang: language_id(locale),
        }
    }

    /// The string for `key`.
    pub fn t(&self, key: &str) -> String {
        LOCALES.lookup(&self.lang, key)
    }

    /// The string for `key` with one argument.
    pub fn t1(&self, key: &str, name: &'static str, value: impl ToString) -> String {
        self.ta(key, &[(name, value.to_string())])
    }

    /// The string for `key` with a number argument (for plurals).
    pub fn tn(&self, key: &str, name: &'static str, n: impl std::borrow::Borrow<i64>) -> String {
        let n = *n.borrow();
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(n));
        LOCALES.lookup_with_args(&self.lang, key, &args)
    }

    /// The string for `key` about `n` things: `$count` is the number, for Fluent's plural
    /// selectors ("1 response", "2 responses"), and `$n` the number as the locale writes it.
    pub fn count(&self, key: &str, n: u64) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        args.insert(Cow::Borrowed("count"), FluentValue::from(n as f64));
        args.insert(
            Cow::Borrowed("n"),
            FluentValue::from(self.number(n as f64, 0)),
        );
        LOCALES.lookup_with_args(&self.lang, key, &args)
    }

    /// The string for `key` with text arguments.
    pub fn ta(&self, key: &str, args: &[(&'static str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.clone())))
            .collect();
        LOCALES.lookup_with_args(&self.lang, key, &map)
    }

    /// True when `key` exists in this locale's own file (no fallback).
    pub fn has(&self, key: &str) -> bool {
        let source = SOURCES
            .iter()
            .find(|(l, _)| *l == self.locale)
            .map(|(_, s)| *s)
            .unwrap_or_default();
        message_keys(source).iter().any(|k| k == key)
    }

    pub fn lang(&self) -> &'static str {
        self.locale.tag()
    }

    pub fn dir(&self) -> &'static str {
        self.locale.direction().as_str()
    }

    pub fn is_rtl(&self) -> bool {
        self.locale.is_rtl()
    }

    /// A date and time in UTC, written the same way in every locale (ISO 8601 order reads
    /// unambiguously in all six), with digits as the locale writes them.
    pub fn datetime(&self, t: time::OffsetDateTime) -> String {
        let t = t.to_offset(time::UtcOffset::UTC);
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02} UTC",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute()
        )
    }

    /// `x` with `decimals` decimals, written as the locale writes numbers: 1,234.5 in English,
    /// Welsh, Malay and Swahili; 1.234,5 in Vietnamese; ١٬٢٣٤٫٥ in Arabic (with the Arabic
    /// letter mark before a minus, so it stays on the number's side in right-to-left text).
    pub fn number(&self, x: f64, decimals: usize) -> String {
        let (group, decimal) = match self.locale {
            Locale::Vi => ('.', ','),
            Locale::Ar => ('\u{066C}', '\u{066B}'),
            _ => (',', '.'),
        };
        let plain = format!("{:.*}", decimals, x.abs());
        let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
        let mut out = String::new();
        let negative = x < 0.0 && plain.bytes().any(|b| (b'1'..=b'9').contains(&b));
        if negative {
            out.push_str(if self.locale == Locale::Ar {
                "\u{061C}-"
            } else {
                "-"
            });
        }
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(group);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push(decimal);
            out.push_str(frac);
        }
        self.digits(&out)
    }

    /// ASCII digits as the locale writes them (Arabic-Indic in Arabic).
    pub fn digits(&self, s: &str) -> String {
        if self.locale != Locale::Ar {
            return s.to_owned();
        }
        s.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0x0660 + d).unwrap_or(c),
                None => c,
            })
            .collect()
    }

    /// A day as the locale writes it, with the month's name: "23 November 2026".
    pub fn date(&self, d: time::Date) -> String {
        self.ta(
            "date-format",
            &[
                ("day", self.digits(&d.day().to_string())),
                ("month", self.t(&format!("month-{}", u8::from(d.month())))),
                ("year", self.digits(&d.year().to_string())),
            ],
        )
    }

    /// A day and month as the locale writes them, without the year: "8 September".
    pub fn day_month(&self, d: time::Date) -> String {
        self.ta(
            "date-format-day-month",
            &[
                ("day", self.digits(&d.day().to_string())),
                ("month", self.t(&format!("month-{}", u8::from(d.month())))),
            ],
        )
    }

    /// Words a validation issue code in this locale.
    pub fn issue(&self, issue: taith_domain::Issue) -> String {
        self.t(&format!("issue-{}", issue.code().replace('_', "-")))
    }
}

/// The message ids (not terms, not attributes) defined in a Fluent source.
pub fn message_keys(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use taith_domain::{Channel, Issue, Role, StageModel, TokenScope};

    fn keys(locale: Locale) -> BTreeSet<String> {
        let source = SOURCES
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, s)| *s)
            .unwrap_or_default();
        message_keys(source).into_iter().collect()
    }

    /// Keys the code builds from domain values (`format!("channel-{}", …)` and the like).
    fn dynamic_keys() -> Vec<String> {
        let mut k: Vec<String> = Vec::new();
        k.extend(
            Channel::ALL
                .iter()
                .map(|c| format!("channel-{}", c.as_str())),
        );
        k.extend(Role::ALL.iter().map(|r| format!("role-{}", r.as_str())));
        k.extend(
            [TokenScope::Read, TokenScope::Write]
                .iter()
                .map(|s| format!("scope-{}", s.as_str())),
        );
        for m in [
            StageModel::FiveStage,
            StageModel::SevenStage,
            StageModel::Blank,
        ] {
            k.push(format!("model-{}", m.as_str().replace('_', "-")));
            k.extend(m.stage_keys().iter().map(|s| format!("stage-{s}")));
        }
        for i in [
            Issue::Required,
            Issue::TooLong,
            Issue::Invalid,
            Issue::UnknownValue,
            Issue::NotFound,
            Issue::Taken,
            Issue::TooShort,
            Issue::Mismatch,
            Issue::BeforeStart,
        ] {
            k.push(format!("issue-{}", i.code().replace('_', "-")));
        }
        // Field names that revision changes and persona forms word.
        for f in [
            "name",
            "description",
            "persona",
            "actions",
            "thoughts",
            "emotions",
            "pain-points",
            "opportunities",
            "channel",
            "owner",
            "moment-of-truth",
            "needs",
            "goals",
            "behaviours",
            "pains",
            "demographics",
        ] {
            k.push(format!("field-{f}"));
        }
        for e in [
            "very-negative",
            "negative",
            "neutral",
            "positive",
            "very-positive",
        ] {
            k.push(format!("emotion-{e}"));
        }
        for e in [
            "not-found",
            "forbidden",
            "csrf",
            "bad-request",
            "too-large",
            "conflict",
            "internal",
        ] {
            k.push(format!("error-{e}"));
            k.push(format!("error-{e}-title"));
        }
        // The period control, the comments feed's bands, the metric cards and the survey
        // banner (taith-web's `http/period.rs`, `feedback/`, `dashboards/figures.rs`).
        for p in taith_domain::Preset::CHOICES {
            k.push(format!("period-{}", p.as_str()));
        }
        for f in ["period", "from", "to"] {
            k.push(format!("period-error-{f}"));
        }
        for b in ["positive", "neutral", "negative"] {
            k.push(format!("band-{b}"));
            k.push(format!("band-nps-{b}"));
            k.push(format!("band-scale-{b}"));
        }
        for m in ["csat", "ces"] {
            for part in ["explain", "how", "good"] {
                k.push(format!("card-{m}-{part}"));
            }
        }
        for m in ["nps", "csat", "ces"] {
            k.push(format!("map-live-{m}"));
            k.push(format!("dashboard-{m}"));
        }
        for d in ["channel", "team", "agent"] {
            k.push(format!("dashboard-dim-{d}"));
        }
        for s in taith_domain::SurveyStatus::ALL {
            k.push(format!("survey-banner-{}", s.as_str()));
        }
        k
    }

    /// Keys written literally in templates and Rust sources: `t("…")`, `t1("…"`, `tn("…"`,
    /// `ta("…"`.
    fn literal_keys() -> BTreeSet<String> {
        // Every crate of the workspace may word things: scan them all.
        let crates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut found = BTreeSet::new();
        let mut stack: Vec<_> = std::fs::read_dir(&crates)
            .into_iter()
            .flatten()
            .flatten()
            .flat_map(|c| [c.path().join("templates"), c.path().join("src")])
            .collect();
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                for call in ["t(\"", "t1(\"", "tn(\"", "ta(\""] {
                    for (i, _) in text.match_indices(call) {
                        let rest = &text[i + call.len()..];
                        let key: String = rest
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                            .collect();
                        if rest[key.len()..].starts_with('"') && key.contains('-') {
                            found.insert(key);
                        }
                    }
                }
            }
        }
        found
    }

    #[test]
    fn every_key_exists_in_every_locale() {
        let en = keys(Locale::En);
        assert!(
            en.len() > 100,
            "the English file has only {} keys",
            en.len()
        );
        for locale in Locale::ALL {
            let other = keys(locale);
            let missing: Vec<_> = en.difference(&other).collect();
            let extra: Vec<_> = other.difference(&en).collect();
            assert!(missing.is_empty(), "{locale}: missing {missing:?}");
            assert!(extra.is_empty(), "{locale}: keys not in English {extra:?}");
        }
    }

    #[test]
    fn every_key_the_code_uses_is_defined() {
        let en = keys(Locale::En);
        let used: Vec<String> = literal_keys().into_iter().chain(dynamic_keys()).collect();
        assert!(used.len() > 100);
        let missing: Vec<_> = used.iter().filter(|k| !en.contains(*k)).collect();
        assert!(missing.is_empty(), "used but not defined: {missing:?}");
    }

    #[test]
    fn every_locale_resolves_every_key_to_text() {
        for locale in Locale::ALL {
            let tr = Tr::new(locale);
            for key in keys(Locale::En) {
                let text = tr.tn(&key, "count", 3);
                assert!(
                    !text.is_empty() && text != key,
                    "{locale}: {key} gives {text:?}"
                );
            }
        }
    }

    fn english_source_has_placeable(key: &str) -> bool {
        let en = SOURCES[0].1;
        let start = en.find(&format!("\n{key} =")).map(|i| i + 1).unwrap_or(0);
        en[start..]
            .lines()
            .take_while(|l| l.starts_with(key) || l.starts_with(' '))
            .any(|l| l.contains('{'))
    }

    #[test]
    fn translations_are_not_left_in_english() {
        let en = Tr::new(Locale::En);
        for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
            let tr = Tr::new(locale);
            let same: Vec<String> = keys(Locale::En)
                .into_iter()
                .filter(|k| {
                    let e = en.t(k);
                    // Messages with placeables need their arguments to resolve; the plain
                    // ones are enough to catch an untranslated file. Short technical words
                    // (SVG, JSON, SMS…) may rightly be the same.
                    !english_source_has_placeable(k) && e.chars().count() > 12 && tr.t(k) == e
                })
                .collect();
            assert!(same.len() <= 3, "{locale}: still English: {same:?}");
        }
    }

    #[test]
    fn welsh_and_arabic_use_their_own_plural_forms() {
        let cy = Tr::new(Locale::Cy);
        let ar = Tr::new(Locale::Ar);
        assert_ne!(
            cy.tn("journeys-stage-count", "count", 2),
            cy.tn("journeys-stage-count", "count", 5)
        );
        assert_ne!(
            ar.tn("journeys-stage-count", "count", 2),
            ar.tn("journeys-stage-count", "count", 11)
        );
    }
}
