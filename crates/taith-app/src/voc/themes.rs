//! Themes: what a workspace's comments are about, with what each does to the score, and the
//! edits staff make to them.
//!
//! A theme's **impact** is DESIGN.md §3's: the metric of the responses that mention it minus
//! the metric of those that do not (commented or not), in the same period and filters, with
//! the interval of a difference. Scores of different metrics or scales cannot be pooled, so
//! a theme's impact is measured on the (metric, scale) its mentions come from most — "late
//! delivery costs 14 NPS points (±5)".

use super::comments::CountFilter;
use std::collections::{BTreeMap, HashMap, HashSet};
use taith_domain::{
    Issue, MAX_THEME_PHRASES, Name, Period, Scale, Survey, SurveyId, Theme, ThemeFields, ThemeId,
    ThemeOrigin, TouchpointId, ValidationErrors, WorkspaceId,
};
use taith_metrics::{Difference, Histogram, Metric, MetricValue, difference};
use taith_store::{CommentCount, ConflictKind, CountQuery, Store, StoreError};
use taith_text::{Lang, Polarity};

/// Comments per sentiment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SentimentSplit {
    pub negative: u64,
    pub neutral: u64,
    pub positive: u64,
    /// Too little text to say.
    pub unknown: u64,
}

impl SentimentSplit {
    pub(super) fn add(&mut self, sentiment: Option<Polarity>, n: u64) {
        match sentiment {
            Some(Polarity::Negative) => self.negative += n,
            Some(Polarity::Neutral) => self.neutral += n,
            Some(Polarity::Positive) => self.positive += n,
            None => self.unknown += n,
        }
    }

    /// Comments with a sentiment.
    pub fn scored(&self) -> u64 {
        self.negative + self.neutral + self.positive
    }
}

/// What a theme does to the score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Impact {
    pub metric: Metric,
    pub scale: Scale,
    /// The responses that mention the theme.
    pub with: MetricValue,
    /// The other responses of the same metric and scale.
    pub without: MetricValue,
    /// `with − without`; None when either side has no responses.
    pub difference: Option<Difference>,
}

/// Mentions in one week of the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekCount {
    /// The week's first day.
    pub from: time::Date,
    pub mentions: u64,
    pub comments: u64,
}

/// One theme's figures in a period.
#[derive(Debug, Clone)]
pub struct ThemeFigure {
    pub theme: Theme,
    pub mentions: u64,
    /// Mentions / comments in the period (0–1).
    pub share: f64,
    pub sentiment: SentimentSplit,
    pub impact: Option<Impact>,
    pub weeks: Vec<WeekCount>,
    /// Mentioned significantly more often (as a share of comments) in the last 7 days than
    /// in the 7 before.
    pub rising: bool,
}

/// The themes of a workspace's comments in a period, pinned first, then those that cost the
/// score most, then by mentions.
#[derive(Debug, Clone)]
pub struct ThemeReport {
    pub comments: u64,
    pub figures: Vec<ThemeFigure>,
}

/// The themes' figures for the period and filters (hidden themes left out unless asked).
pub async fn report(
    store: &dyn Store,
    ws: WorkspaceId,
    filter: &CountFilter,
    include_hidden: bool,
) -> Result<ThemeReport, StoreError> {
    let themes = store.themes(ws).await?;
    let q = filter.query(false);
    let comment_rows = store.comment_counts(ws, &q).await?;
    let mention_rows = store
        .comment_counts(
            ws,
            &CountQuery {
                by_theme: true,
                ..q.clone()
            },
        )
        .await?;
    let all_scores = store.score_counts(ws, &q).await?;
    let surveys = super::surveys_by_id(store, ws).await?;

    let comments: u64 = comment_rows.iter().map(|r| r.count).sum();
    let comments_by_day = per_day(&comment_rows);
    let all: HashMap<SurveyId, Histogram> = histograms(all_scores.into_iter());
    let mut by_theme: HashMap<ThemeId, Vec<&CommentCount>> = HashMap::new();
    for r in &mention_rows {
        if let Some(t) = r.theme {
            by_theme.entry(t).or_default().push(r);
        }
    }
    let mut figures: Vec<ThemeFigure> = themes
        .into_iter()
        .filter(|t| include_hidden || !t.fields.hidden)
        .map(|theme| {
            let rows = by_theme.remove(&theme.id).unwrap_or_default();
            figure(
                theme,
                &rows,
                comments,
                &comments_by_day,
                &all,
                &surveys,
                &filter.period,
            )
        })
        .collect();
    figures.sort_by(|a, b| {
        b.theme
            .fields
            .pinned
            .cmp(&a.theme.fields.pinned)
            .then_with(|| {
                let cost = |f: &ThemeFigure| {
                    f.impact
                        .and_then(|i| i.difference)
                        .map(|d| d.delta)
                        .unwrap_or(0.0)
                };
                cost(a).total_cmp(&cost(b))
            })
            .then(b.mentions.cmp(&a.mentions))
            .then_with(|| {
                a.theme
                    .fields
                    .name
                    .as_str()
                    .cmp(b.theme.fields.name.as_str())
            })
    });
    Ok(ThemeReport { comments, figures })
}

fn histograms(rows: impl Iterator<Item = (SurveyId, i16, u64)>) -> HashMap<SurveyId, Histogram> {
    let mut out: HashMap<SurveyId, Histogram> = HashMap::new();
    for (survey, score, n) in rows {
        let h = out.entry(survey).or_default();
        if let Some(slot) = usize::try_from(score).ok().and_then(|i| h.0.get_mut(i)) {
            *slot += n;
        }
    }
    out
}

fn per_day<'a>(rows: impl IntoIterator<Item = &'a CommentCount>) -> BTreeMap<i64, u64> {
    let mut out = BTreeMap::new();
    for r in rows {
        *out.entry(r.day).or_insert(0) += r.count;
    }
    out
}

fn figure(
    theme: Theme,
    rows: &[&CommentCount],
    comments: u64,
    comments_by_day: &BTreeMap<i64, u64>,
    all: &HashMap<SurveyId, Histogram>,
    surveys: &HashMap<SurveyId, Survey>,
    period: &Period,
) -> ThemeFigure {
    let mut sentiment = SentimentSplit::default();
    let mut mentions = 0;
    for r in rows {
        sentiment.add(r.sentiment, r.count);
        mentions += r.count;
    }
    let with: HashMap<SurveyId, Histogram> =
        histograms(rows.iter().map(|r| (r.survey_id, r.score, r.count)));
    let impact = impact(&with, all, surveys);
    let mention_days = per_day(rows.iter().copied());
    let weeks = weeks(period, &mention_days, comments_by_day);
    let rising = rising(period, &mention_days, comments_by_day);
    ThemeFigure {
        theme,
        mentions,
        share: if comments == 0 {
            0.0
        } else {
            mentions as f64 / comments as f64
        },
        sentiment,
        impact,
        weeks,
        rising,
    }
}

/// The theme's impact on the (metric, scale) its mentions come from most.
fn impact(
    with: &HashMap<SurveyId, Histogram>,
    all: &HashMap<SurveyId, Histogram>,
    surveys: &HashMap<SurveyId, Survey>,
) -> Option<Impact> {
    let mut groups: HashMap<(Metric, Scale), (Histogram, Histogram)> = HashMap::new();
    for (id, all_h) in all {
        let Some(survey) = surveys.get(id) else {
            continue;
        };
        let Some(metric) = Metric::for_kind(survey.fields.kind) else {
            continue;
        };
        let entry = groups.entry((metric, survey.fields.scale)).or_default();
        let mentioned = with.get(id).copied().unwrap_or_default();
        entry.0.add(&mentioned);
        let mut rest = *all_h;
        for (i, n) in mentioned.0.iter().enumerate() {
            rest.0[i] = rest.0[i].saturating_sub(*n);
        }
        entry.1.add(&rest);
    }
    let ((metric, scale), (w, wo)) =
        groups
            .into_iter()
            .filter(|(_, (w, _))| w.n() > 0)
            .max_by(|a, b| {
                a.1.0
                    .n()
                    .cmp(&b.1.0.n())
                    .then_with(|| b.0.0.as_str().cmp(a.0.0.as_str()))
            })?;
    let with = MetricValue::of(metric, scale, &w);
    let without = MetricValue::of(metric, scale, &wo);
    Some(Impact {
        metric,
        scale,
        with,
        without,
        difference: difference(&with, &without),
    })
}

fn day_number(d: time::Date) -> i64 {
    i64::from(d.to_julian_day()) - 2_440_588
}

/// Mentions and comments per week of the period, the last week ending on its last day.
fn weeks(
    period: &Period,
    mentions: &BTreeMap<i64, u64>,
    comments: &BTreeMap<i64, u64>,
) -> Vec<WeekCount> {
    let (first, last) = (day_number(period.from), day_number(period.to));
    let mut out = Vec::new();
    let mut end = last;
    while end >= first {
        let start = (end - 6).max(first);
        let sum = |m: &BTreeMap<i64, u64>| m.range(start..=end).map(|(_, n)| n).sum::<u64>();
        out.push(WeekCount {
            from: period.to - time::Duration::days(last - start),
            mentions: sum(mentions),
            comments: sum(comments),
        });
        end = start - 1;
    }
    out.reverse();
    out
}

/// Whether the share of comments mentioning the theme rose significantly from the 7 days
/// before the last 7 to the last 7 (two proportions, |Δ| > 1.96 × √(Var₁ + Var₂)).
fn rising(period: &Period, mentions: &BTreeMap<i64, u64>, comments: &BTreeMap<i64, u64>) -> bool {
    let last = day_number(period.to);
    let sum = |m: &BTreeMap<i64, u64>, a: i64, b: i64| m.range(a..=b).map(|(_, n)| n).sum::<u64>();
    let (m2, n2) = (sum(mentions, last - 6, last), sum(comments, last - 6, last));
    let (m1, n1) = (
        sum(mentions, last - 13, last - 7),
        sum(comments, last - 13, last - 7),
    );
    if n1 == 0 || n2 == 0 {
        return false;
    }
    let (p1, p2) = (m1 as f64 / n1 as f64, m2 as f64 / n2 as f64);
    let var = p1 * (1.0 - p1) / n1 as f64 + p2 * (1.0 - p2) / n2 as f64;
    p2 > p1 && (p2 - p1) > taith_metrics::formula::Z95 * var.sqrt()
}

/// The most-mentioned negative themes at each touchpoint in the period: up to `top` per
/// touchpoint, most mentions first.
pub async fn negative_by_touchpoint(
    store: &dyn Store,
    ws: WorkspaceId,
    period: &Period,
    top: usize,
) -> Result<HashMap<TouchpointId, Vec<(Theme, u64)>>, StoreError> {
    let (from, to) = crate::feedback::period_bounds(period);
    let rows = store.negative_themes_by_touchpoint(ws, from, to).await?;
    let themes: HashMap<ThemeId, Theme> = store
        .themes(ws)
        .await?
        .into_iter()
        .filter(|t| !t.fields.hidden)
        .map(|t| (t.id, t))
        .collect();
    let mut out: HashMap<TouchpointId, Vec<(Theme, u64)>> = HashMap::new();
    for (tp, theme, n) in rows {
        if let Some(t) = themes.get(&theme) {
            out.entry(tp).or_default().push((t.clone(), n));
        }
    }
    for list in out.values_mut() {
        list.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| a.0.fields.name.as_str().cmp(b.0.fields.name.as_str()))
        });
        list.truncate(top);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Edits

/// Why a theme edit was refused.
#[derive(Debug, thiserror::Error)]
pub enum ThemeEditError {
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn taken(e: StoreError) -> ThemeEditError {
    match e {
        StoreError::Conflict(ConflictKind::ThemeNameTaken) => {
            ThemeEditError::Invalid(ValidationErrors::one("name", Issue::Taken))
        }
        e => ThemeEditError::Store(e),
    }
}

/// Phrases as staff type them (one per line or comma-separated, any language), as the keys
/// comments are matched on.
pub fn parse_phrases(input: &str) -> Result<Vec<String>, ValidationErrors> {
    let mut out: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for raw in input.split([',', '\n', '،', '、']) {
        let p = taith_text::normalize::normalize(raw);
        let p = p.trim().to_string();
        if p.is_empty() {
            continue;
        }
        if p.chars().count() > Name::MAX_CHARS {
            return Err(ValidationErrors::one("phrases", Issue::TooLong));
        }
        // The key each language's phrase extraction gives the same words, so that "Deliveries"
        // and "deliveries" match what comments say.
        let words = p.split(' ').count();
        let mut keys: Vec<String> = vec![p.clone()];
        for lang in Lang::SIX {
            keys.extend(
                taith_text::themes::key_phrases(lang, &p)
                    .into_iter()
                    .filter(|k| k.split(' ').count() == words),
            );
        }
        for k in keys {
            if seen.insert(k.clone()) {
                out.push(k);
            }
        }
    }
    if out.is_empty() {
        return Err(ValidationErrors::one("phrases", Issue::Required));
    }
    if out.len() > MAX_THEME_PHRASES {
        return Err(ValidationErrors::one("phrases", Issue::TooLong));
    }
    Ok(out)
}

/// A theme made by staff.
pub async fn create(
    store: &dyn Store,
    ws: WorkspaceId,
    name: &str,
    phrases: &str,
) -> Result<Theme, ThemeEditError> {
    let mut errors = ValidationErrors::default();
    let name = errors.check("name", Name::parse(name));
    let phrases = match parse_phrases(phrases) {
        Ok(p) => Some(p),
        Err(e) => {
            errors.0.extend(e.0);
            None
        }
    };
    errors.clone().into_result()?;
    let (Some(name), Some(phrases)) = (name, phrases) else {
        return Err(errors.into());
    };
    let theme = store
        .create_theme(
            ws,
            &ThemeFields {
                name,
                phrases,
                pinned: false,
                hidden: false,
            },
            ThemeOrigin::Staff,
        )
        .await
        .map_err(taken)?;
    store.requeue_comments(ws, None).await?;
    Ok(theme)
}

/// What an edit of one theme changes; None leaves it as it is.
#[derive(Debug, Clone, Default)]
pub struct ThemeChange {
    pub name: Option<String>,
    /// Replaces the phrases (as typed, see [`parse_phrases`]).
    pub phrases: Option<String>,
    pub pinned: Option<bool>,
    pub hidden: Option<bool>,
}

/// Renames, re-phrases, pins or hides a theme. Comments are matched again when its phrases
/// or visibility changed.
pub async fn change(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ThemeId,
    change: &ThemeChange,
) -> Result<Theme, ThemeEditError> {
    let current = store.theme(ws, id).await?;
    let mut fields = current.fields.clone();
    let mut errors = ValidationErrors::default();
    if let Some(n) = &change.name
        && let Some(n) = errors.check("name", Name::parse(n))
    {
        fields.name = n;
    }
    if let Some(p) = &change.phrases {
        match parse_phrases(p) {
            Ok(p) => fields.phrases = p,
            Err(e) => errors.0.extend(e.0),
        }
    }
    errors.into_result()?;
    if let Some(p) = change.pinned {
        fields.pinned = p;
    }
    if let Some(h) = change.hidden {
        fields.hidden = h;
    }
    let rematch =
        fields.phrases != current.fields.phrases || fields.hidden != current.fields.hidden;
    let theme = store.update_theme(ws, id, &fields).await.map_err(taken)?;
    if rematch {
        store.requeue_comments(ws, None).await?;
    }
    Ok(theme)
}

/// Merges `from` into `into`: `into` gains `from`'s phrases (so it gathers its comments) and
/// `from` is gone. Merging a theme into itself is refused.
pub async fn merge(
    store: &dyn Store,
    ws: WorkspaceId,
    from: ThemeId,
    into: ThemeId,
) -> Result<Theme, ThemeEditError> {
    if from == into {
        return Err(ValidationErrors::one("into", Issue::Invalid).into());
    }
    let source = store.theme(ws, from).await?;
    let target = store.theme(ws, into).await.map_err(|e| match e {
        StoreError::NotFound => {
            ThemeEditError::Invalid(ValidationErrors::one("into", Issue::NotFound))
        }
        e => ThemeEditError::Store(e),
    })?;
    let mut fields = target.fields.clone();
    for p in source.fields.phrases {
        if !fields.phrases.contains(&p) {
            fields.phrases.push(p);
        }
    }
    fields.phrases.truncate(MAX_THEME_PHRASES);
    let theme = store.update_theme(ws, into, &fields).await?;
    store.delete_theme(ws, from).await?;
    store.requeue_comments(ws, None).await?;
    Ok(theme)
}

/// Splits the phrases `phrases` off `id` into a new theme named `name`. The phrases must be
/// some, not all, of the theme's.
pub async fn split(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ThemeId,
    name: &str,
    phrases: &[String],
) -> Result<(Theme, Theme), ThemeEditError> {
    let current = store.theme(ws, id).await?;
    let mut errors = ValidationErrors::default();
    let name = errors.check("name", Name::parse(name));
    let moving: Vec<String> = current
        .fields
        .phrases
        .iter()
        .filter(|p| phrases.contains(p))
        .cloned()
        .collect();
    if moving.is_empty() || moving.len() == current.fields.phrases.len() {
        errors.push("phrases", Issue::Invalid);
    }
    errors.clone().into_result()?;
    let Some(name) = name else {
        return Err(errors.into());
    };
    let new = store
        .create_theme(
            ws,
            &ThemeFields {
                name,
                phrases: moving.clone(),
                pinned: false,
                hidden: false,
            },
            ThemeOrigin::Staff,
        )
        .await
        .map_err(taken)?;
    let mut fields = current.fields.clone();
    fields.phrases.retain(|p| !moving.contains(p));
    let kept = store.update_theme(ws, id, &fields).await?;
    store.requeue_comments(ws, None).await?;
    Ok((kept, new))
}
