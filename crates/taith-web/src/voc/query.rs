//! The comment filters as typed, shared by the explorer page, its CSV and the API:
//! `?language=cy&sentiment=negative&theme=…&band=negative&touchpoint=…&survey=…&channel=web
//! &locale=cy&customer=…&q=late&after=…`, next to the period's `period=&from=&to=`.
//!
//! (`lang` is the page's own language; the comment's language is `language`, the locale the
//! customer answered in is `locale`.)

use serde::Deserialize;
use taith_app::voc::comments::{CommentCursor, CommentFilter, CountFilter};
use taith_domain::{Channel, Issue, Locale, Period, ResponseId, ValidationErrors};
use taith_metrics::Band;
use taith_text::{Lang, Polarity};

#[derive(Debug, Deserialize, Default, Clone)]
pub struct CommentParams {
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub sentiment: String,
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub band: String,
    #[serde(default)]
    pub touchpoint: String,
    #[serde(default)]
    pub survey: String,
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub locale: String,
    #[serde(default)]
    pub customer: String,
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub after: String,
}

/// An optional field: empty is "any", anything else must read.
fn optional<T>(
    errors: &mut ValidationErrors,
    field: &str,
    raw: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let parsed = parse(raw);
    if parsed.is_none() {
        errors.push(field, Issue::UnknownValue);
    }
    parsed
}

impl CommentParams {
    /// The filters of the period and the metrics filters (what counts take).
    pub fn counts(&self, period: Period) -> Result<CountFilter, ValidationErrors> {
        Ok(self.filter(period)?.counts)
    }

    /// The explorer's filters; a value that does not read is a field error.
    pub fn filter(&self, period: Period) -> Result<CommentFilter, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let mut f = CommentFilter::new(period);
        f.counts.survey = optional(&mut e, "survey", &self.survey, |s| s.parse().ok());
        f.counts.touchpoint = optional(&mut e, "touchpoint", &self.touchpoint, |s| s.parse().ok());
        f.counts.channel = optional(&mut e, "channel", &self.channel, |s| {
            s.parse::<Channel>().ok()
        });
        f.counts.locale = optional(&mut e, "locale", &self.locale, Locale::from_tag);
        f.language = optional(&mut e, "language", &self.language, Lang::from_code);
        f.sentiment = optional(&mut e, "sentiment", &self.sentiment, Polarity::from_code);
        f.theme = optional(&mut e, "theme", &self.theme, |s| s.parse().ok());
        f.band = optional(&mut e, "band", &self.band, Band::parse);
        f.customer = optional(&mut e, "customer", &self.customer, |s| s.parse().ok());
        let q = self.q.trim();
        if q.chars().count() > 200 {
            e.push("q", Issue::TooLong);
        }
        f.search = (!q.is_empty()).then(|| q.to_owned());
        e.into_result()?;
        Ok(f)
    }

    /// Where the page starts: `after=<micros>_<response id>`; None when absent or unreadable.
    pub fn after(&self) -> Option<CommentCursor> {
        let (micros, id) = self.after.split_once('_')?;
        let t = time::OffsetDateTime::from_unix_timestamp_nanos(
            i128::from(micros.parse::<i64>().ok()?) * 1_000,
        )
        .ok()?;
        Some((t, id.parse::<ResponseId>().ok()?))
    }

    /// A cursor as `after=` takes it.
    pub fn cursor(c: CommentCursor) -> String {
        format!("{}_{}", c.0.unix_timestamp_nanos() / 1_000, c.1)
    }

    /// The filters to keep in links (pages, the CSV, the period control).
    pub fn keep(&self) -> Vec<(&'static str, String)> {
        [
            ("language", &self.language),
            ("sentiment", &self.sentiment),
            ("theme", &self.theme),
            ("band", &self.band),
            ("touchpoint", &self.touchpoint),
            ("survey", &self.survey),
            ("channel", &self.channel),
            ("locale", &self.locale),
            ("customer", &self.customer),
            ("q", &self.q),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k, v.trim().to_owned()))
        .collect()
    }
}
