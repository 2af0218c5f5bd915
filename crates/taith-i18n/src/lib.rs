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
        // A number inside a message (`{ $count } responses`) is written as `Tr::number`
        // writes it, so a count reads the same in a sentence as in a table.
        customise: |bundle| {
            let locale = match bundle.locales.first().map(|l| l.language.as_str()) {
                Some("vi") => Locale::Vi,
                Some("ar") => Locale::Ar,
                _ => Locale::En,
            };
            match locale {
                Locale::Vi => bundle.set_formatter(Some(|v, _| fluent_number(v, Locale::Vi))),
                Locale::Ar => bundle.set_formatter(Some(|v, _| fluent_number(v, Locale::Ar))),
                _ => bundle.set_formatter(Some(|v, _| fluent_number(v, Locale::En))),
            }
        },
    };
}

/// The first-strong isolate and pop-directional-isolate marks Fluent puts around each
/// placeable, so that a name written in the other direction cannot reorder the sentence
/// around it. Text that is not HTML body (a page's `<title>`, a tooltip, stored text) shows
/// them as boxes or keeps them as junk.
const ISOLATES: [char; 2] = ['\u{2068}', '\u{2069}'];

/// A Fluent number argument written as [`Tr::number`] writes numbers in `locale`.
fn fluent_number(v: &FluentValue, locale: Locale) -> Option<String> {
    let FluentValue::Number(n) = v else {
        return None;
    };
    let decimals = n.options.minimum_fraction_digits.unwrap_or_else(|| {
        let plain = n.value.to_string();
        plain.split_once('.').map_or(0, |(_, f)| f.len())
    });
    Some(write_number(n.value, decimals, locale))
}

/// `x` with `decimals` decimals as `locale` writes it; see [`Tr::number`].
fn write_number(x: f64, decimals: usize, locale: Locale) -> String {
    let (group, decimal) = match locale {
        Locale::Vi => ('.', ','),
        _ => (',', '.'),
    };
    let plain = format!("{:.*}", decimals, x.abs());
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut out = String::new();
    let negative = x < 0.0 && plain.bytes().any(|b| (b'1'..=b'9').contains(&b));
    if negative {
        // In right-to-left text a bare minus sign would be drawn after the digits; the
        // left-to-right mark keeps it in front (as CLDR writes Arabic with Latin digits).
        out.push_str(if locale.is_rtl() { "\u{200E}-" } else { "-" });
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
    out
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
                include_str!(concat!("../locales/", $tag, "/kiosk.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/voc.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/feature_requests.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/changes.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/coaching.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/cases.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/alerts.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/conversations.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/lifecycle.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/events.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/webstats.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/signals.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/articles.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/mentions.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/mail_in.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/inbox.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/bot.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/chat.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/audit.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/two_factor.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/contact.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/privacy.ftl")), "\n",
                include_str!(concat!("../locales/", $tag, "/oidc.ftl")),
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
    /// Keep Fluent's isolation marks around placeables (HTML body text); see [`Tr::plain`].
    isolate: bool,
}

impl Tr {
    pub fn new(locale: Locale) -> Tr {
        Tr {
            locale,
            lang: language_id(locale),
            isolate: true,
        }
    }

    /// The same words without Fluent's bidi isolation marks, for text that is not HTML body:
    /// a page's `<title>`, a `title="…"` tooltip or an SVG `<title>`, stored or plain text.
    /// There the marks show as boxes; the page's `dir` gives the direction instead.
    pub fn plain(&self) -> Tr {
        Tr {
            isolate: false,
            ..self.clone()
        }
    }

    fn finish(&self, s: String) -> String {
        if self.isolate {
            s
        } else {
            s.replace(ISOLATES, "")
        }
    }

    /// The string for `key`.
    pub fn t(&self, key: &str) -> String {
        self.finish(LOCALES.lookup(&self.lang, key))
    }

    /// The string for `key` with one argument.
    pub fn t1(&self, key: &str, name: &'static str, value: impl ToString) -> String {
        self.ta(key, &[(name, value.to_string())])
    }

    /// The string for `key` with a number argument, which chooses the plural form
    /// (`{ $count -> [one] … *[other] … }`) and is written as [`Tr::number`] writes it.
    pub fn tn(&self, key: &str, name: &'static str, n: impl std::borrow::Borrow<i64>) -> String {
        self.tna(key, (name, *n.borrow()), &[])
    }

    /// The string for `key` with text arguments.
    pub fn ta(&self, key: &str, args: &[(&'static str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.clone())))
            .collect();
        self.finish(LOCALES.lookup_with_args(&self.lang, key, &map))
    }

    /// The string for `key` with one number argument choosing the plural form, as [`Tr::tn`],
    /// and text arguments, as [`Tr::ta`].
    pub fn tna(
        &self,
        key: &str,
        count: (&'static str, i64),
        args: &[(&'static str, String)],
    ) -> String {
        let mut map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.clone())))
            .collect();
        map.insert(Cow::Borrowed(count.0), FluentValue::from(count.1));
        self.finish(LOCALES.lookup_with_args(&self.lang, key, &map))
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

    /// A moment as the locale writes it, in UTC: "23 November 2026, 14:05 UTC", the day
    /// first in every locale. Its parts are the locale's own words and digits, so it needs no
    /// isolation marks: without them a right-to-left page keeps day, month and year in
    /// reading order even inside `<bdi>` (whose direction comes from the first letter).
    pub fn datetime(&self, t: time::OffsetDateTime) -> String {
        let t = t.to_offset(time::UtcOffset::UTC);
        self.plain().ta(
            "datetime-format",
            &[
                ("date", self.date(t.date())),
                ("time", format!("{:02}:{:02}", t.hour(), t.minute())),
            ],
        )
    }

    /// `x` with `decimals` decimals, written as the locale writes numbers: 1,234.5 in English,
    /// Welsh, Malay, Swahili and Arabic; 1.234,5 in Vietnamese. Every locale writes the digits
    /// 0–9 (see [`Tr::digits`]); in Arabic a left-to-right mark keeps a minus sign in front.
    pub fn number(&self, x: f64, decimals: usize) -> String {
        write_number(x, decimals, self.locale)
    }

    /// Digits as the locale writes them: 0–9 in all six. Arabic included: CLDR writes the
    /// generic `ar` locale with Latin digits (since CLDR 46), as businesses from the Gulf to
    /// the Maghreb print prices and phone numbers, and as the respondent's 0–10 buttons show
    /// them. One digit system per locale, on every page, in every date and count.
    pub fn digits(&self, s: &str) -> String {
        s.to_owned()
    }

    /// A day as the locale writes it, with the month's name: "23 November 2026". Without
    /// isolation marks (see [`Tr::datetime`]).
    pub fn date(&self, d: time::Date) -> String {
        self.plain().ta(
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
            taith_domain::CaseStatus::ALL
                .iter()
                .map(|s| format!("cases-status-{}", s.slug())),
        );
        for source in [
            "score",
            "sentiment",
            "response",
            "feature-request",
            "manual",
        ] {
            k.push(format!("cases-source-{source}"));
            k.push(format!("cases-log-opened-{source}"));
        }
        k.extend(
            taith_domain::case::WEEKDAYS
                .iter()
                .map(|d| format!("cases-day-{d}")),
        );
        for late in ["due-in", "overdue-by"] {
            for unit in ["hours", "days"] {
                k.push(format!("cases-{late}-{unit}"));
            }
        }
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
            Issue::InternalAddress,
            Issue::InPast,
        ] {
            k.push(format!("issue-{}", i.code().replace('_', "-")));
        }
        // The inbox's statuses and priorities (taith-web's `inbox/pages.rs`).
        k.extend(
            taith_domain::ConversationStatus::ALL
                .iter()
                .map(|s| format!("inbox-status-{}", s.as_str())),
        );
        k.extend(
            taith_domain::Priority::ALL
                .iter()
                .map(|p| format!("inbox-priority-{}", p.as_str())),
        );
        // Coaching's grouping tabs (taith_app::coaching::By).
        k.extend([
            "coaching-by-agent".to_owned(),
            "coaching-by-team".to_owned(),
        ]);
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
        // Voice of the customer (taith-web's `voc/`).
        for s in ["negative", "neutral", "positive", "unknown"] {
            k.push(format!("voc-sentiment-{s}"));
        }
        for f in [
            "q",
            "language",
            "sentiment",
            "theme",
            "band",
            "touchpoint",
            "survey",
            "channel",
            "locale",
            "customer",
        ] {
            k.push(format!("voc-filter-{f}"));
        }
        for i in ["cost", "lift", "unclear"] {
            k.push(format!("voc-impact-{i}"));
        }
        for o in ["found", "staff"] {
            k.push(format!("voc-origin-{o}"));
        }
        // Alerts and webhooks (taith-web's `alerts/`, `webhooks/`; taith-app's alert mail).
        for m in taith_domain::AlertMetric::CODES {
            k.push(format!("alert-metric-{m}"));
        }
        for kind in taith_domain::AlertCondition::KINDS {
            k.push(format!("alerts-kind-{kind}"));
        }
        for s in taith_domain::AlertScope::KINDS {
            k.push(format!("alerts-scope-{s}"));
        }
        for d in taith_domain::Direction::ALL {
            k.push(format!("alerts-direction-{}", d.as_str()));
            k.push(format!("alerts-summary-change-{}", d.as_str()));
        }
        for s in ["below", "above"] {
            k.push(format!("alerts-summary-{s}"));
        }
        for w in ["fired", "cleared"] {
            k.push(format!("alert-mail-subject-{w}"));
            k.push(format!("alert-mail-body-{w}"));
        }
        for s in taith_domain::DeliveryState::ALL {
            k.push(format!("webhooks-state-{}", s.as_str()));
        }
        for kind in taith_domain::WebhookKind::ALL {
            k.push(format!("webhooks-kind-{}", kind.as_str()));
        }
        for e in taith_domain::EventType::ALL {
            k.push(format!("webhooks-event-{}", e.slug()));
        }
        k
    }

    /// Keys written literally in templates and Rust sources: `t("…")`, `t1("…"`, `tn("…"`,
    /// `ta("…"`, `tna("…"`.
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
                for call in ["t(\"", "t1(\"", "tn(\"", "ta(\"", "tna(\""] {
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
    const MARKS: [char; 6] = [
        '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{202A}', '\u{202B}',
    ];

    fn day(y: i32, m: time::Month, d: u8) -> time::Date {
        time::Date::from_calendar_date(y, m, d).unwrap_or(time::Date::MIN)
    }

    #[test]
    fn arabic_dates_read_day_month_year_with_no_isolates_and_latin_digits() {
        let ar = Tr::new(Locale::Ar);
        let d = ar.date(day(2026, time::Month::November, 23));
        assert_eq!(d, "23 نوفمبر 2026");
        let t = time::PrimitiveDateTime::new(
            day(2026, time::Month::March, 4),
            time::Time::from_hms(14, 5, 0).unwrap_or(time::Time::MIDNIGHT),
        )
        .assume_utc();
        let dt = ar.datetime(t);
        assert!(dt.starts_with("4 مارس 2026، "), "{dt}");
        assert!(dt.contains("14:05"), "{dt}");
        for s in [&d, &dt] {
            assert!(!s.contains(MARKS), "{s:?}");
            assert!(
                !s.chars().any(|c| ('\u{0660}'..='\u{0669}').contains(&c)),
                "{s:?}"
            );
        }
        // In English too, the day comes first and the month has its name.
        assert_eq!(Tr::new(Locale::En).datetime(t), "4 March 2026, 14:05 UTC");
    }

    #[test]
    fn every_locale_writes_latin_digits_with_its_own_separators() {
        let n = |l: Locale, x: f64, d: usize| Tr::new(l).number(x, d);
        assert_eq!(n(Locale::En, 1234.5, 1), "1,234.5");
        assert_eq!(n(Locale::Vi, 1234.5, 1), "1.234,5");
        assert_eq!(n(Locale::Ar, 1234.5, 1), "1,234.5");
        assert_eq!(n(Locale::Ar, -12.0, 0), "\u{200E}-12");
        assert_eq!(n(Locale::En, -0.04, 1), "0.0");
        for locale in Locale::ALL {
            let tr = Tr::new(locale);
            let all = [
                tr.number(-9876.5, 1),
                tr.date(day(2026, time::Month::December, 31)),
                tr.tn("dashboard-n", "n", 1234),
                tr.digits("0123456789"),
            ];
            for s in all {
                assert!(
                    s.chars()
                        .filter(|c| c.is_numeric())
                        .all(|c| c.is_ascii_digit()),
                    "{locale}: {s:?}"
                );
            }
        }
    }

    #[test]
    fn a_count_in_a_message_is_written_like_any_other_number() {
        assert_eq!(
            Tr::new(Locale::En).tn("dashboard-n", "n", 1234),
            "\u{2068}1,234\u{2069} responses"
        );
        assert!(
            Tr::new(Locale::Vi)
                .tn("dashboard-n", "n", 1234)
                .contains("1.234")
        );
    }

    #[test]
    fn english_counts_agree_with_their_noun() {
        let en = Tr::new(Locale::En).plain();
        assert_eq!(en.tn("dashboard-n", "n", 1), "1 response");
        assert_eq!(en.tn("dashboard-n", "n", 2), "2 responses");
        assert_eq!(en.tn("dashboard-n", "n", 0), "0 responses");
        assert_eq!(
            en.tna(
                "map-live-detail",
                ("n", 1),
                &[("low", "1".into()), ("high", "2".into())]
            ),
            "95% interval 1 to 2, 1 response"
        );
        let result = en.tna(
            "survey-invite-result",
            ("days", 30),
            &[
                ("invited", "3".into()),
                ("throttled", "1".into()),
                ("unsubscribed", "0".into()),
            ],
        );
        assert_eq!(
            result,
            "Invited: 3. Not invited: 1 asked in the last 30 days, 0 unsubscribed."
        );
    }

    #[test]
    fn welsh_and_arabic_counts_of_responses_take_their_plural_forms() {
        let ar = Tr::new(Locale::Ar).plain();
        let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
            .iter()
            .map(|n| ar.tn("dashboard-n", "n", *n))
            .collect();
        assert_eq!(
            forms,
            [
                "لا إجابات",
                "إجابة واحدة",
                "إجابتان",
                "3 إجابات",
                "11 إجابة",
                "100 إجابة"
            ]
        );
        let cy = Tr::new(Locale::Cy).plain();
        assert_eq!(cy.tn("dashboard-n", "n", 0), "dim ymatebion");
        assert_eq!(cy.tn("dashboard-n", "n", 3), "3 ymateb");
        let sw = Tr::new(Locale::Sw).plain();
        assert_eq!(sw.tn("dashboard-n", "n", 1), "jibu 1");
        assert_eq!(sw.tn("dashboard-n", "n", 4), "majibu 4");
    }

    /// A count written next to its noun in English (`{ $n } responses`) must choose its
    /// form by plural category, in a selector: otherwise "1 responses".
    #[test]
    fn english_counts_next_to_a_noun_go_through_a_plural_selector() {
        let nouns = [
            "responses",
            "answers",
            "days",
            "stages",
            "touchpoints",
            "versions",
            "characters",
            "invitations",
            "customers",
            "members",
            "tokens",
            "surveys",
            "journeys",
            "comments",
            "weeks",
            "people",
        ];
        let en = SOURCES[0].1;
        let mut bare = Vec::new();
        let mut key = "";
        let mut in_selector = false;
        for line in en.lines() {
            if line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
                key = line.split('=').next().unwrap_or("").trim();
                in_selector = line.contains("->");
            } else if line.contains("->") {
                in_selector = true;
            }
            if in_selector {
                continue;
            }
            for noun in nouns {
                if line.contains(&format!("}} {noun}")) {
                    bare.push(key.to_owned());
                }
            }
        }
        assert!(
            bare.is_empty(),
            "counts without a plural selector: {bare:?}"
        );
    }

    #[test]
    fn plain_words_carry_no_isolation_marks_and_body_words_keep_them() {
        for locale in Locale::ALL {
            let tr = Tr::new(locale);
            assert!(tr.t1("history-version", "version", 3).contains('\u{2068}'));
            let plain = tr.plain();
            for s in [
                plain.t1("history-version", "version", 3),
                plain.tn("map-history", "version", 2),
                plain.ta("respond-title", &[("business", "Becws Siân".into())]),
                plain.tna(
                    "map-live-detail",
                    ("n", 5),
                    &[("low", "1".into()), ("high", "2".into())],
                ),
            ] {
                assert!(!s.contains(MARKS), "{locale}: {s:?}");
            }
        }
    }
}
