//! Wire types of social mentions.

use serde::{Deserialize, Serialize};
use taith_app::mentions::{Overview, Recorded, Trend};
use taith_domain as d;
use time::format_description::well_known::Rfc3339;
use utoipa::ToSchema;
use uuid::Uuid;

/// A mention as a connector sends it.
#[derive(Debug, Default, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MentionWrite {
    /// Where it was said: lower-case letters, digits, `_` and `-` (`facebook`, `instagram`,
    /// `x`, `google_reviews`, `tripadvisor`), at most 40 characters.
    #[serde(default)]
    pub source: String,
    /// The source's id of the post: the same (source, id) posted again is not counted twice.
    #[serde(default)]
    pub external_id: Option<String>,
    /// The post's public address (`http`/`https`): shown to staff as a link, never fetched.
    #[serde(default)]
    pub url: Option<String>,
    /// Who wrote it, as the source shows them.
    #[serde(default)]
    pub author: Option<String>,
    /// What was said: 1–5,000 characters.
    #[serde(default)]
    pub text: String,
    /// The language the connector believes it is in (`cy`, `sw`…): a hint for short texts.
    #[serde(default)]
    pub locale: Option<String>,
    /// When it was posted (RFC 3339); now when absent; at most a day in the future.
    #[serde(default)]
    pub posted_at: Option<String>,
}

/// A batch of mentions, stored all or none.
#[derive(Debug, Default, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MentionsWrite {
    /// 1–500 mentions.
    pub mentions: Vec<MentionWrite>,
}

impl MentionsWrite {
    pub fn input(self) -> Vec<d::MentionInput> {
        self.mentions
            .into_iter()
            .map(|m| d::MentionInput {
                source: m.source,
                external_id: m.external_id,
                url: m.url,
                author: m.author,
                text: m.text,
                locale: m.locale,
                posted_at: m.posted_at,
            })
            .collect()
    }
}

/// What a batch did.
#[derive(Debug, Serialize, ToSchema)]
pub struct MentionsRecorded {
    /// Mentions in the batch.
    pub received: u64,
    /// Newly stored; the rest the workspace already had.
    pub stored: u64,
}

impl From<Recorded> for MentionsRecorded {
    fn from(r: Recorded) -> Self {
        MentionsRecorded {
            received: r.received,
            stored: r.stored,
        }
    }
}

/// A stored mention.
#[derive(Debug, Serialize, ToSchema)]
pub struct Mention {
    pub id: Uuid,
    pub source: String,
    pub external_id: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub text: String,
    /// The language found in the text: `en`, `cy`, `ms`, `sw`, `ar`, `vi` or `other`.
    pub language: String,
    /// `negative`, `neutral`, `positive`, or null when the text is too short to say.
    pub sentiment: Option<String>,
    pub posted_at: String,
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

impl From<&d::Mention> for Mention {
    fn from(m: &d::Mention) -> Self {
        Mention {
            id: m.id.as_uuid(),
            source: m.source.clone(),
            external_id: m.external_id.clone(),
            url: m.url.clone(),
            author: m.author.clone(),
            text: m.text.clone(),
            language: m.language.clone(),
            sentiment: m.sentiment.map(|s| s.code().to_owned()),
            posted_at: rfc3339(m.posted_at),
        }
    }
}

/// A count under a name (a source, a sentiment, a day).
#[derive(Debug, Serialize, ToSchema)]
pub struct Count {
    pub key: String,
    pub count: u64,
}

/// The negative share of the scored mentions, in %, with its 95% Wilson interval.
#[derive(Debug, Serialize, ToSchema)]
pub struct Share {
    pub percent: f64,
    pub low: f64,
    pub high: f64,
    /// Scored mentions.
    pub n: u64,
}

/// Mentions over a period.
#[derive(Debug, Serialize, ToSchema)]
pub struct MentionsOverview {
    /// First and last day, inclusive (UTC).
    pub from: String,
    pub to: String,
    pub total: u64,
    /// Mentions in the period of the same length before.
    pub previous_total: u64,
    /// `up` or `down` when the change is significant (|Δ| > 1.96 √(n₁ + n₂)), else null.
    pub trend: Option<String>,
    pub by_source: Vec<Count>,
    /// Every day of the period (`YYYY-MM-DD`).
    pub by_day: Vec<Count>,
    /// `negative`, `neutral`, `positive`, `unscored`.
    pub by_sentiment: Vec<Count>,
    pub negative: Option<Share>,
    /// The latest 50, newest first.
    pub latest: Vec<Mention>,
}

impl From<&Overview> for MentionsOverview {
    fn from(o: &Overview) -> Self {
        MentionsOverview {
            from: o.period.from.to_string(),
            to: o.period.to.to_string(),
            total: o.total,
            previous_total: o.previous_total,
            trend: o.trend.map(|t| {
                match t {
                    Trend::Up => "up",
                    Trend::Down => "down",
                }
                .to_owned()
            }),
            by_source: o
                .by_source
                .iter()
                .map(|(k, n)| Count {
                    key: k.clone(),
                    count: *n,
                })
                .collect(),
            by_day: o
                .by_day
                .iter()
                .map(|(d, n)| Count {
                    key: d.to_string(),
                    count: *n,
                })
                .collect(),
            by_sentiment: o
                .by_sentiment
                .iter()
                .map(|(s, n)| Count {
                    key: s.map_or("unscored", |s| s.code()).to_owned(),
                    count: *n,
                })
                .collect(),
            negative: o.negative.map(|s| Share {
                percent: s.percent,
                low: s.low,
                high: s.high,
                n: s.n,
            }),
            latest: o.latest.iter().map(Mention::from).collect(),
        }
    }
}
