//! The comments explorer: every analysed comment with its language, sentiment, themes,
//! score, touchpoint, channel and customer, filtered on each and searched; its CSV export; and
//! the share of negative comments (`metric=sentiment`).

use crate::feedback::period_bounds;
use std::collections::HashMap;
use taith_domain::{
    Channel, CustomerId, Locale, Period, ResponseId, Survey, SurveyId, Theme, ThemeId,
    TouchpointId, WorkspaceId,
};
use taith_metrics::{Band, wilson};
use taith_store::{AnalysedComment, CommentQuery, CountQuery, Store, StoreError};
use taith_text::{Lang, Polarity};
use time::OffsetDateTime;

/// The filters every comment figure takes: the period and the metrics filters.
#[derive(Debug, Clone)]
pub struct CountFilter {
    pub period: Period,
    pub survey: Option<SurveyId>,
    pub touchpoint: Option<TouchpointId>,
    pub channel: Option<Channel>,
    pub locale: Option<Locale>,
}

impl CountFilter {
    pub fn new(period: Period) -> CountFilter {
        CountFilter {
            period,
            survey: None,
            touchpoint: None,
            channel: None,
            locale: None,
        }
    }

    pub(super) fn query(&self, by_theme: bool) -> CountQuery {
        let (from, to) = period_bounds(&self.period);
        CountQuery {
            from,
            to,
            survey: self.survey,
            touchpoint: self.touchpoint,
            channel: self.channel,
            locale: self.locale,
            by_theme,
        }
    }
}

/// Which comments the explorer shows.
#[derive(Debug, Clone)]
pub struct CommentFilter {
    pub counts: CountFilter,
    /// The language the comment is written in.
    pub language: Option<Lang>,
    pub sentiment: Option<Polarity>,
    pub theme: Option<ThemeId>,
    pub band: Option<Band>,
    pub customer: Option<CustomerId>,
    /// Words the comment contains (any case).
    pub search: Option<String>,
}

impl CommentFilter {
    pub fn new(period: Period) -> CommentFilter {
        CommentFilter {
            counts: CountFilter::new(period),
            language: None,
            sentiment: None,
            theme: None,
            band: None,
            customer: None,
            search: None,
        }
    }
}

/// A comment as the explorer shows it.
#[derive(Debug, Clone)]
pub struct CommentItem {
    pub comment: AnalysedComment,
    pub survey: Survey,
    pub band: Band,
    /// The themes it mentions, by name.
    pub themes: Vec<Theme>,
}

/// Where the next page starts: the last comment shown.
pub type CommentCursor = (OffsetDateTime, ResponseId);

#[derive(Debug, Clone, Default)]
pub struct CommentPage {
    pub items: Vec<CommentItem>,
    pub next: Option<CommentCursor>,
}

/// Rows read at a time while a band filter skips others.
const CHUNK: u32 = 200;
/// Largest page.
pub const MAX_PAGE: u32 = 200;

/// Up to `limit` comments matching `filter`, newest first, after `after`.
pub async fn explore(
    store: &dyn Store,
    ws: WorkspaceId,
    filter: &CommentFilter,
    after: Option<CommentCursor>,
    limit: u32,
) -> Result<CommentPage, StoreError> {
    let surveys = super::surveys_by_id(store, ws).await?;
    let themes: HashMap<ThemeId, Theme> = store
        .themes(ws)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let limit = limit.clamp(1, MAX_PAGE);
    let (from, to) = period_bounds(&filter.counts.period);
    let search = filter
        .search
        .as_deref()
        .map(taith_text::normalize::normalize)
        .filter(|s| !s.is_empty());
    let mut q = CommentQuery {
        from,
        to,
        survey: filter.counts.survey,
        touchpoint: filter.counts.touchpoint,
        channel: filter.counts.channel,
        locale: filter.counts.locale,
        language: filter.language,
        sentiment: filter.sentiment,
        theme: filter.theme,
        customer: filter.customer,
        search,
        after,
        limit: if filter.band.is_some() {
            CHUNK
        } else {
            limit + 1
        },
    };
    let mut page = CommentPage::default();
    loop {
        let rows = store.comments(ws, &q).await?;
        let exhausted = rows.len() < q.limit as usize;
        q.after = rows
            .last()
            .map(|r| (r.response.submitted_at, r.response.id));
        for c in rows {
            let Some(survey) = surveys.get(&c.response.survey_id) else {
                continue;
            };
            let band = Band::of(survey.fields.kind, survey.fields.scale, c.response.score);
            if filter.band.is_some_and(|b| b != band) {
                continue;
            }
            if page.items.len() == limit as usize {
                page.next = page
                    .items
                    .last()
                    .map(|i| (i.comment.response.submitted_at, i.comment.response.id));
                return Ok(page);
            }
            let mut named: Vec<Theme> = c
                .analysis
                .themes
                .iter()
                .filter_map(|t| themes.get(t))
                .filter(|t| !t.fields.hidden)
                .cloned()
                .collect();
            named.sort_by(|a, b| a.fields.name.as_str().cmp(b.fields.name.as_str()));
            page.items.push(CommentItem {
                survey: survey.clone(),
                band,
                themes: named,
                comment: c,
            });
        }
        if exhausted {
            return Ok(page);
        }
    }
}

/// The header of the comments CSV.
pub const CSV_HEADER: [&str; 13] = [
    "submitted_at",
    "response_id",
    "survey",
    "score",
    "touchpoint_id",
    "channel",
    "locale",
    "customer_id",
    "language",
    "sentiment",
    "sentiment_confidence",
    "themes",
    "comment",
];

/// Every comment matching `filter` as CSV (formula cells defanged), newest first.
pub async fn export_csv(
    store: &dyn Store,
    ws: WorkspaceId,
    filter: &CommentFilter,
) -> Result<String, StoreError> {
    use taith_domain::csv::defang;
    let mut out = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| StoreError::internal_from("writing the comments CSV", e);
    out.write_record(CSV_HEADER).map_err(fail)?;
    let mut after = None;
    loop {
        let page = explore(store, ws, filter, after, MAX_PAGE).await?;
        for item in &page.items {
            let r = &item.comment.response;
            let a = &item.comment.analysis;
            let themes: Vec<&str> = item.themes.iter().map(|t| t.fields.name.as_str()).collect();
            let (sentiment, confidence) = match a.sentiment {
                Some((p, c)) => (p.code().to_owned(), format!("{c:.2}")),
                None => (String::new(), String::new()),
            };
            let submitted = r
                .submitted_at
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default();
            out.write_record([
                submitted.as_str(),
                &r.id.to_string(),
                &defang(item.survey.fields.name.as_str()),
                &r.score.to_string(),
                &r.touchpoint_id.map(|t| t.to_string()).unwrap_or_default(),
                r.channel.as_str(),
                r.locale.tag(),
                &r.customer_id.map(|c| c.to_string()).unwrap_or_default(),
                a.language.code(),
                &sentiment,
                &confidence,
                &defang(&themes.join("; ")),
                &defang(&r.written_text()),
            ])
            .map_err(fail)?;
        }
        match page.next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    let bytes = out
        .into_inner()
        .map_err(|e| StoreError::internal(format!("writing the comments CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| StoreError::internal_from("the comments CSV", e))
}

/// The share of negative comments among those with a sentiment, with its Wilson interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SentimentShare {
    pub split: super::themes::SentimentSplit,
    /// % negative of the comments with a sentiment; None when there are none.
    pub negative: Option<f64>,
    /// The 95% Wilson interval of `negative`, in %.
    pub ci95: Option<(f64, f64)>,
    pub small_sample: bool,
}

/// The share of negative comments matching `filter` (DESIGN.md §3, sentiment share).
pub async fn sentiment_share(
    store: &dyn Store,
    ws: WorkspaceId,
    filter: &CountFilter,
) -> Result<SentimentShare, StoreError> {
    let rows = store.comment_counts(ws, &filter.query(false)).await?;
    let mut split = super::themes::SentimentSplit::default();
    for r in &rows {
        split.add(r.sentiment, r.count);
    }
    let n = split.scored();
    let (negative, ci95) = if n == 0 {
        (None, None)
    } else {
        let (lo, hi) = wilson(split.negative, n);
        (
            Some(100.0 * split.negative as f64 / n as f64),
            Some((100.0 * lo, 100.0 * hi)),
        )
    };
    Ok(SentimentShare {
        split,
        negative,
        ci95,
        small_sample: n < 30,
    })
}

/// Where the text analytics stands in a workspace: comments per language, what each
/// language's model has learned from, and what still waits.
#[derive(Debug, Clone)]
pub struct LearningStatus {
    pub languages: Vec<LanguageStatus>,
    /// Comments waiting for analysis.
    pub pending: u64,
}

#[derive(Debug, Clone)]
pub struct LanguageStatus {
    pub language: Lang,
    pub comments: u64,
    /// Scored comments the workspace's own model has learned from (0: the base model).
    pub learned_from: u64,
    pub updated_at: Option<OffsetDateTime>,
}

pub async fn learning_status(
    store: &dyn Store,
    ws: WorkspaceId,
) -> Result<LearningStatus, StoreError> {
    let models = store.sentiment_models(ws).await?;
    let languages = store
        .comment_languages(ws)
        .await?
        .into_iter()
        .map(|(language, comments)| {
            let m = models.iter().find(|m| m.language == language);
            LanguageStatus {
                language,
                comments,
                learned_from: m.map(|m| m.trained_on).unwrap_or(0),
                updated_at: m.map(|m| m.updated_at),
            }
        })
        .collect();
    Ok(LearningStatus {
        languages,
        pending: store.voc_pending_count(ws).await?,
    })
}
