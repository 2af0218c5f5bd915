//! What customers wrote, where the owner looks for it: a survey's latest answers and the
//! dashboard's comments feed — newest first, within the period, filtered by survey,
//! touchpoint, language and score band (promoters / passives / detractors, or the good and
//! bad ends of a CSAT, CES or custom scale: [`Band`]).

use std::collections::HashMap;
use taith_domain::{
    Locale, NewResponse, Period, ResponseId, Survey, SurveyId, TouchpointId, WorkspaceId,
};
use taith_metrics::Band;
use taith_store::{PageRequest, ResponsesBetween, Store, StoreError};
use time::OffsetDateTime;

/// Which responses a feed shows.
#[derive(Debug, Clone)]
pub struct FeedFilter {
    pub period: Period,
    pub survey: Option<SurveyId>,
    pub touchpoint: Option<TouchpointId>,
    pub locale: Option<Locale>,
    pub band: Option<Band>,
    /// Only responses where the customer wrote something — a comment or a written follow-up
    /// answer (the comments feed); else every response (a survey's latest answers).
    pub with_comment: bool,
}

/// A response as a feed shows it: with its survey (for its name and follow-up questions) and
/// the band of its score.
#[derive(Debug, Clone)]
pub struct FeedItem {
    pub response: NewResponse,
    pub survey: Survey,
    pub band: Band,
}

/// Where the next page of a feed starts: the last item shown.
pub type FeedCursor = (OffsetDateTime, ResponseId);

/// One page of a feed, and where the next starts when there may be more.
#[derive(Debug, Clone, Default)]
pub struct FeedPage {
    pub items: Vec<FeedItem>,
    pub next: Option<FeedCursor>,
}

/// How many rows are read at a time while a band filter skips the others.
const CHUNK: u32 = 200;

/// The start and the (excluded) end of a period's days, in UTC as the index counts them.
pub fn period_bounds(period: &Period) -> (OffsetDateTime, OffsetDateTime) {
    (
        period.from.midnight().assume_utc(),
        (period.to + time::Duration::days(1))
            .midnight()
            .assume_utc(),
    )
}

/// Up to `limit` responses matching `filter`, newest first, after `after`.
///
/// The band depends on each survey's scale, so it is checked here rather than in SQL: rows
/// are read in chunks until the page is full or the period runs out.
pub async fn feed(
    store: &dyn Store,
    ws: WorkspaceId,
    filter: &FeedFilter,
    after: Option<FeedCursor>,
    limit: u32,
) -> Result<FeedPage, StoreError> {
    let surveys: HashMap<SurveyId, Survey> = store
        .surveys(ws, PageRequest::all())
        .await?
        .items
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let (from, to) = period_bounds(&filter.period);
    let limit = limit.max(1);
    let mut query = ResponsesBetween {
        from,
        to,
        survey: filter.survey,
        touchpoint: filter.touchpoint,
        locale: filter.locale,
        with_comment: filter.with_comment,
        after,
        limit: if filter.band.is_some() {
            CHUNK
        } else {
            limit + 1
        },
    };
    let mut page = FeedPage::default();
    loop {
        let rows = store.responses_between(ws, &query).await?;
        let exhausted = rows.len() < query.limit as usize;
        query.after = rows.last().map(|r| (r.submitted_at, r.id));
        for response in rows {
            let Some(survey) = surveys.get(&response.survey_id) else {
                continue;
            };
            let band = Band::of(survey.fields.kind, survey.fields.scale, response.score);
            if filter.band.is_some_and(|b| b != band) {
                continue;
            }
            if page.items.len() == limit as usize {
                // One more than asked for: there is a next page, starting after the last shown.
                page.next = page
                    .items
                    .last()
                    .map(|i| (i.response.submitted_at, i.response.id));
                return Ok(page);
            }
            page.items.push(FeedItem {
                survey: survey.clone(),
                band,
                response,
            });
        }
        if exhausted {
            return Ok(page);
        }
    }
}
