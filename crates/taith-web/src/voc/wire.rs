//! Wire types of the voice of the customer: comments with what their analysis found, themes
//! with their figures, and the theme edits.

use crate::journeys::wire::Channel;
use crate::surveys::wire::Locale;
use serde::{Deserialize, Serialize};
use taith_app::voc::comments::{CommentItem, LearningStatus};
use taith_app::voc::themes::{self, ThemeFigure};
use taith_domain as d;
use taith_metrics::{Band, Metric, MetricValue};
use taith_text::{Lang, Polarity};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The language a comment is written in: one of the six taith reads, or `other` (another
/// language, or none that can be told: only punctuation, only emoji).
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Cy,
    Ms,
    Sw,
    Ar,
    Vi,
    Other,
}

impl From<Lang> for Language {
    fn from(l: Lang) -> Self {
        match l {
            Lang::En => Language::En,
            Lang::Cy => Language::Cy,
            Lang::Ms => Language::Ms,
            Lang::Sw => Language::Sw,
            Lang::Ar => Language::Ar,
            Lang::Vi => Language::Vi,
            Lang::Other => Language::Other,
        }
    }
}

/// How a comment feels.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Sentiment {
    Negative,
    Neutral,
    Positive,
}

impl From<Polarity> for Sentiment {
    fn from(p: Polarity) -> Self {
        match p {
            Polarity::Negative => Sentiment::Negative,
            Polarity::Neutral => Sentiment::Neutral,
            Polarity::Positive => Sentiment::Positive,
        }
    }
}

/// Where the score falls on its survey's scale: NPS promoters are `positive`, passives
/// `neutral`, detractors `negative` (CSAT and CES: top box, middle, bottom two).
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ScoreBand {
    Negative,
    Neutral,
    Positive,
}

impl From<Band> for ScoreBand {
    fn from(b: Band) -> Self {
        match b {
            Band::Negative => ScoreBand::Negative,
            Band::Neutral => ScoreBand::Neutral,
            Band::Positive => ScoreBand::Positive,
        }
    }
}

/// A theme as a comment names it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeRef {
    pub id: Uuid,
    pub name: String,
}

/// A written comment with what its analysis found.
#[derive(Debug, Serialize, ToSchema)]
pub struct Comment {
    pub response_id: Uuid,
    #[serde(with = "time::serde::rfc3339")]
    pub submitted_at: OffsetDateTime,
    pub survey_id: Uuid,
    pub score: i16,
    pub band: ScoreBand,
    pub touchpoint_id: Option<Uuid>,
    pub channel: Channel,
    /// The locale the customer answered in.
    pub locale: Locale,
    pub customer_id: Option<Uuid>,
    /// What the customer wrote (the comment and each open-text answer, one per line): plain
    /// text exactly as stored, never HTML.
    pub text: String,
    pub language: Language,
    /// 0–1.
    pub language_confidence: f32,
    /// Null: not enough text to say.
    pub sentiment: Option<Sentiment>,
    /// 0–1; null with `sentiment`.
    pub sentiment_confidence: Option<f32>,
    /// The visible themes it mentions, by name.
    pub themes: Vec<ThemeRef>,
}

impl From<&CommentItem> for Comment {
    fn from(item: &CommentItem) -> Self {
        let r = &item.comment.response;
        let a = &item.comment.analysis;
        Comment {
            response_id: r.id.as_uuid(),
            submitted_at: r.submitted_at,
            survey_id: r.survey_id.as_uuid(),
            score: r.score,
            band: item.band.into(),
            touchpoint_id: r.touchpoint_id.map(|t| t.as_uuid()),
            channel: r.channel.into(),
            locale: r.locale.into(),
            customer_id: r.customer_id.map(|c| c.as_uuid()),
            text: r.written_text(),
            language: a.language.into(),
            language_confidence: a.language_confidence,
            sentiment: a.sentiment.map(|(p, _)| p.into()),
            sentiment_confidence: a.sentiment.map(|(_, c)| c),
            themes: item
                .themes
                .iter()
                .map(|t| ThemeRef {
                    id: t.id.as_uuid(),
                    name: t.fields.name.to_string(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CommentList {
    pub comments: Vec<Comment>,
    /// Pass as `cursor` for the next page; null on the last.
    pub next_cursor: Option<String>,
}

/// The period of a figure: a preset, or a custom range of whole days (UTC).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "it documents the wire shape for OpenAPI; the query is read by `PeriodQuery`"
)]
pub struct PeriodParams {
    /// `7d`, `30d`, `90d` (the default), `quarter`, `year`, or `custom` with `from` and `to`.
    period: Option<String>,
    /// First day, `YYYY-MM-DD`, inclusive (a custom period).
    #[param(value_type = Option<String>, format = Date)]
    from: Option<String>,
    /// Last day, `YYYY-MM-DD`, inclusive.
    #[param(value_type = Option<String>, format = Date)]
    to: Option<String>,
}

/// The filters every comment figure takes (the metrics filters).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "it documents the wire shape for OpenAPI; the query is read by `CommentParams`"
)]
pub struct CountParams {
    /// Only this survey's responses.
    #[param(value_type = Option<Uuid>)]
    survey: Option<String>,
    /// Only responses given at this touchpoint.
    #[param(value_type = Option<Uuid>)]
    touchpoint: Option<String>,
    /// Only responses given on this channel.
    #[param(value_type = Option<Channel>)]
    channel: Option<String>,
    /// Only responses given in this locale.
    #[param(value_type = Option<Locale>)]
    locale: Option<String>,
}

/// The comments' own filters, and paging.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "it documents the wire shape for OpenAPI; the query is read by `CommentParams`"
)]
pub struct CommentFilterParams {
    /// The language the comment is written in.
    #[param(value_type = Option<Language>)]
    language: Option<String>,
    /// `negative`, `neutral` or `positive`.
    #[param(value_type = Option<Sentiment>)]
    sentiment: Option<String>,
    /// Comments that mention this theme.
    #[param(value_type = Option<Uuid>)]
    theme: Option<String>,
    /// Where the score falls on its scale.
    #[param(value_type = Option<ScoreBand>)]
    band: Option<String>,
    /// One customer's comments.
    #[param(value_type = Option<Uuid>)]
    customer: Option<String>,
    /// Words the comment contains, any case (at most 200 characters).
    q: Option<String>,
    /// Comments per page, 1–200 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    limit: Option<String>,
    /// The `next_cursor` of the page before.
    cursor: Option<String>,
}

/// The theme report's own parameter.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "it documents the wire shape for OpenAPI; the query is read by hand"
)]
pub struct ThemeReportParams {
    /// `true` to list hidden themes too.
    #[param(value_type = Option<bool>)]
    include_hidden: Option<String>,
}

/// Where a theme comes from.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ThemeOrigin {
    /// Found by discovery in the workspace's comments.
    Found,
    /// Made (or split off) by staff.
    Staff,
}

impl From<d::ThemeOrigin> for ThemeOrigin {
    fn from(o: d::ThemeOrigin) -> Self {
        match o {
            d::ThemeOrigin::Found => ThemeOrigin::Found,
            d::ThemeOrigin::Staff => ThemeOrigin::Staff,
        }
    }
}

/// A theme: a topic of the workspace's comments, and the phrases a comment mentions it by.
#[derive(Debug, Serialize, ToSchema)]
pub struct Theme {
    pub id: Uuid,
    pub name: String,
    /// Normalised key phrases, in any language.
    pub phrases: Vec<String>,
    pub origin: ThemeOrigin,
    /// Listed first, and never changed by discovery.
    pub pinned: bool,
    /// Dismissed: not listed, and discovery does not bring it back.
    pub hidden: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&d::Theme> for Theme {
    fn from(t: &d::Theme) -> Self {
        Theme {
            id: t.id.as_uuid(),
            name: t.fields.name.to_string(),
            phrases: t.fields.phrases.clone(),
            origin: t.origin.into(),
            pinned: t.fields.pinned,
            hidden: t.fields.hidden,
            created_at: t.created_at,
            updated_at: t.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeResponse {
    pub theme: Theme,
}

/// A split: the theme that kept the other phrases, and the new one.
#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeSplit {
    pub theme: Theme,
    pub split_off: Theme,
}

/// Comments per sentiment.
#[derive(Debug, Serialize, ToSchema)]
pub struct SentimentCounts {
    pub negative: u64,
    pub neutral: u64,
    pub positive: u64,
    /// Too little text to say.
    pub unknown: u64,
}

impl From<themes::SentimentSplit> for SentimentCounts {
    fn from(s: themes::SentimentSplit) -> Self {
        SentimentCounts {
            negative: s.negative,
            neutral: s.neutral,
            positive: s.positive,
            unknown: s.unknown,
        }
    }
}

/// A metric a theme's impact is measured on.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ImpactMetric {
    Nps,
    Csat,
    Ces,
}

impl From<Metric> for ImpactMetric {
    fn from(m: Metric) -> Self {
        match m {
            Metric::Nps => ImpactMetric::Nps,
            Metric::Csat => ImpactMetric::Csat,
            Metric::Ces => ImpactMetric::Ces,
        }
    }
}

/// A metric over one group of responses (one decimal).
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupFigure {
    /// Null when n = 0.
    pub value: Option<f64>,
    pub n: u64,
    /// The 95% interval; null when n = 0.
    pub ci95: Option<[f64; 2]>,
}

impl From<&MetricValue> for GroupFigure {
    fn from(v: &MetricValue) -> Self {
        GroupFigure {
            value: v.value.map(round1),
            n: v.n,
            ci95: v.ci95.map(|(lo, hi)| [round1(lo), round1(hi)]),
        }
    }
}

fn round1(x: f64) -> f64 {
    taith_app::metrics::round1(x)
}

/// What a theme does to the score: the metric of the responses that mention it against those
/// that do not (commented or not), on the metric and scale its mentions come from most.
#[derive(Debug, Serialize, ToSchema)]
pub struct Impact {
    pub metric: ImpactMetric,
    pub with: GroupFigure,
    pub without: GroupFigure,
    /// `with − without` in the metric's points; null when either side has no responses.
    pub delta: Option<f64>,
    /// Half the width of the difference's 95% interval ("−14 ± 5").
    pub margin: Option<f64>,
    /// Whether the interval leaves out 0.
    pub significant: Option<bool>,
}

impl From<&themes::Impact> for Impact {
    fn from(i: &themes::Impact) -> Self {
        Impact {
            metric: i.metric.into(),
            with: (&i.with).into(),
            without: (&i.without).into(),
            delta: i.difference.map(|d| round1(d.delta)),
            margin: i.difference.map(|d| round1(d.margin)),
            significant: i.difference.map(|d| d.significant),
        }
    }
}

/// Mentions in one week of the period (the last week ends on the period's last day).
#[derive(Debug, Serialize, ToSchema)]
pub struct WeekFigure {
    /// The week's first day.
    #[schema(value_type = String, format = Date)]
    pub from: String,
    pub mentions: u64,
    /// Comments that week, mentioning the theme or not.
    pub comments: u64,
}

/// A theme with its figures in the period.
#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeFigures {
    pub id: Uuid,
    pub name: String,
    pub phrases: Vec<String>,
    pub origin: ThemeOrigin,
    pub pinned: bool,
    pub hidden: bool,
    /// Comments mentioning it.
    pub mentions: u64,
    /// `mentions` / comments in the period, 0–1.
    pub share: f64,
    /// Its mentions per sentiment.
    pub sentiment: SentimentCounts,
    /// Null when no response that mentions it has a metric (a custom survey's only).
    pub impact: Option<Impact>,
    pub weeks: Vec<WeekFigure>,
    /// Mentioned significantly more often (as a share of comments) in the period's last 7
    /// days than in the 7 before.
    pub rising: bool,
}

impl From<&ThemeFigure> for ThemeFigures {
    fn from(f: &ThemeFigure) -> Self {
        let t = &f.theme;
        ThemeFigures {
            id: t.id.as_uuid(),
            name: t.fields.name.to_string(),
            phrases: t.fields.phrases.clone(),
            origin: t.origin.into(),
            pinned: t.fields.pinned,
            hidden: t.fields.hidden,
            mentions: f.mentions,
            share: (f.share * 1000.0).round() / 1000.0,
            sentiment: f.sentiment.into(),
            impact: f.impact.as_ref().map(Impact::from),
            weeks: f
                .weeks
                .iter()
                .map(|w| WeekFigure {
                    from: w.from.to_string(),
                    mentions: w.mentions,
                    comments: w.comments,
                })
                .collect(),
            rising: f.rising,
        }
    }
}

/// What one language's sentiment model has learned.
#[derive(Debug, Serialize, ToSchema)]
pub struct LanguageLearning {
    pub language: Language,
    /// The workspace's analysed comments in it.
    pub comments: u64,
    /// Scored comments its own model learned from (0: the shipped base model).
    pub learned_from: u64,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub updated_at: Option<OffsetDateTime>,
}

/// Where the text analytics stands in the workspace.
#[derive(Debug, Serialize, ToSchema)]
pub struct Learning {
    pub languages: Vec<LanguageLearning>,
    /// Comments waiting for analysis (not counted yet).
    pub pending: u64,
}

impl From<&LearningStatus> for Learning {
    fn from(s: &LearningStatus) -> Self {
        Learning {
            languages: s
                .languages
                .iter()
                .map(|l| LanguageLearning {
                    language: l.language.into(),
                    comments: l.comments,
                    learned_from: l.learned_from,
                    updated_at: l.updated_at,
                })
                .collect(),
            pending: s.pending,
        }
    }
}

/// The themes of the period's comments: pinned first, then those that cost the score most,
/// then by mentions.
#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeReport {
    /// Analysed comments in the period and filters.
    pub comments: u64,
    pub themes: Vec<ThemeFigures>,
    pub learning: Learning,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeFiguresResponse {
    pub theme: ThemeFigures,
}

/// Phrases as one string (one per line or comma-separated) or a list.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum Phrases {
    One(String),
    Many(Vec<String>),
}

impl Phrases {
    /// As the use-case reads typed phrases: one per line.
    pub fn typed(&self) -> String {
        match self {
            Phrases::One(s) => s.clone(),
            Phrases::Many(list) => list.join("\n"),
        }
    }
}

/// A theme made by staff.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeCreate {
    /// At most 200 characters, unique in the workspace.
    #[serde(default)]
    #[schema(required = true)]
    pub name: String,
    /// At least one, at most 200; each at most 200 characters.
    #[schema(required = true)]
    pub phrases: Option<Phrases>,
}

/// Changes to a theme: fields left out keep their value. New phrases replace the old ones.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeUpdate {
    pub name: Option<String>,
    pub phrases: Option<Phrases>,
    pub pinned: Option<bool>,
    pub hidden: Option<bool>,
}

/// Merges the theme into another, which gains its phrases.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeMerge {
    /// The theme that stays.
    #[serde(default)]
    #[schema(value_type = Uuid, required = true)]
    pub into: String,
}

/// Splits some of the theme's phrases off into a new theme.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeSplitRequest {
    /// The new theme's name.
    #[serde(default)]
    #[schema(required = true)]
    pub name: String,
    /// Some, not all, of the theme's phrases, as it lists them.
    #[serde(default)]
    #[schema(required = true)]
    pub phrases: Vec<String>,
}
