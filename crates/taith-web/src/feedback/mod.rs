//! What customers wrote, as pages show it: the dashboard's comments feed and a survey's latest
//! answers ([`taith_app::feedback`] reads them), with their filters and "more" links.

use crate::AppState;
use crate::http::ctx::Member;
use crate::http::page_error::PageError;
use serde::Deserialize;
use std::collections::HashMap;
use taith_app::feedback::{FeedCursor, FeedFilter, FeedItem, feed};
use taith_app::journeys::places::TouchpointPlace;
use taith_domain::{AnswerValue, Locale, Period, ResponseId, Survey, SurveyId, TouchpointId};
use taith_i18n::Tr;
use taith_metrics::Band;

/// The feed's filters as typed: `?band=negative&touchpoint=…&language=cy&after=…`. (`lang`
/// is the page's own language, so the comments' language is `language`.)
#[derive(Debug, Deserialize, Default, Clone)]
pub struct FeedQuery {
    #[serde(default)]
    pub band: String,
    #[serde(default)]
    pub touchpoint: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub after: String,
}

impl FeedQuery {
    /// The filters that read; one that does not (an id from elsewhere) is left out, so the
    /// feed shows more rather than an error.
    fn filter(&self, period: Period, survey: Option<SurveyId>, with_comment: bool) -> FeedFilter {
        FeedFilter {
            period,
            survey,
            touchpoint: self.touchpoint.parse().ok(),
            locale: Locale::from_tag(&self.language),
            band: Band::parse(&self.band),
            with_comment,
        }
    }

    fn after(&self) -> Option<FeedCursor> {
        let (micros, id) = self.after.split_once('_')?;
        let t = time::OffsetDateTime::from_unix_timestamp_nanos(
            i128::from(micros.parse::<i64>().ok()?) * 1_000,
        )
        .ok()?;
        Some((t, id.parse::<ResponseId>().ok()?))
    }

    /// The filters to keep in links (the period control's, the "more" link's).
    pub fn keep(&self) -> Vec<(&'static str, String)> {
        vec![
            ("band", self.band.clone()),
            ("touchpoint", self.touchpoint.clone()),
            ("language", self.language.clone()),
        ]
    }
}

/// One response as shown: its comment and its follow-up answers.
#[derive(Debug)]
pub struct CommentView {
    /// The response's id (for "make a request" on each comment).
    pub id: String,
    pub text: String,
    pub lang: &'static str,
    pub language: String,
    pub score: String,
    pub band: &'static str,
    pub band_name: String,
    pub survey: String,
    pub survey_href: String,
    pub touchpoint: Option<(String, String)>,
    pub day: String,
    /// Follow-up questions and their answers.
    pub answers: Vec<(String, String)>,
}

/// A feed as a page shows it.
#[derive(Debug)]
pub struct FeedView {
    pub items: Vec<CommentView>,
    /// The next page's address, when there may be more.
    pub more: Option<String>,
    /// The filter choices: `(value, label, chosen)`.
    pub bands: Vec<(&'static str, String, bool)>,
    pub touchpoints: Vec<(String, String, bool)>,
    pub languages: Vec<(&'static str, String, bool)>,
    /// Where the filter form goes, and the period it keeps.
    pub action: String,
    pub period_query: String,
    pub filtered: bool,
    /// Whether the viewer may turn a comment into a feature request or add it to one.
    pub can_request: bool,
}

/// A follow-up answer in words.
fn answer_text(value: &AnswerValue, options: &[taith_domain::LocalizedText], tr: &Tr) -> String {
    let option = |i: u16| {
        options.get(usize::from(i)).map_or_else(
            || i.to_string(),
            |o| o.get(tr.locale, Locale::En).to_owned(),
        )
    };
    match value {
        AnswerValue::Text(t) => t.clone(),
        AnswerValue::Choice(i) => option(*i),
        AnswerValue::Choices(is) => is.iter().map(|i| option(*i)).collect::<Vec<_>>().join(", "),
        AnswerValue::Rating(r) => tr.number(f64::from(*r), 0),
    }
}

fn view(
    item: FeedItem,
    m: &Member,
    places: &HashMap<TouchpointId, &TouchpointPlace>,
    period_query: &str,
) -> CommentView {
    let tr = m.tr();
    let r = item.response;
    let s = &item.survey;
    let answers = r
        .answers
        .iter()
        .filter_map(|a| {
            let fu = s
                .fields
                .follow_ups
                .iter()
                .find(|f| f.id == a.follow_up_id)?;
            let options = match &fu.kind {
                taith_domain::FollowUpKind::SingleChoice { options }
                | taith_domain::FollowUpKind::MultipleChoice { options } => options.as_slice(),
                _ => &[],
            };
            Some((
                fu.prompt.get(tr.locale, s.fields.default_locale).to_owned(),
                answer_text(&a.value, options, tr),
            ))
        })
        .collect();
    CommentView {
        id: r.id.to_string(),
        text: r.comment.to_string(),
        lang: r.locale.tag(),
        language: r.locale.endonym().to_owned(),
        score: tr.number(f64::from(r.score), 0),
        band: item.band.as_str(),
        band_name: tr.t(&format!(
            "band-{}-{}",
            band_family(s.fields.kind),
            item.band.as_str()
        )),
        survey: s.fields.name.to_string(),
        survey_href: format!("{}/surveys/{}?{period_query}", m.base(), r.survey_id),
        touchpoint: r.touchpoint_id.and_then(|t| places.get(&t)).map(|p| {
            (
                p.name.clone(),
                format!("{}/dashboard/touchpoints/{}?{period_query}", m.base(), p.id),
            )
        }),
        day: tr.date(r.submitted_at.date()),
        answers,
    }
}

/// NPS bands have their own names (promoters, passives, detractors).
fn band_family(kind: taith_domain::SurveyKind) -> &'static str {
    match kind {
        taith_domain::SurveyKind::Nps => "nps",
        _ => "scale",
    }
}

/// Where a feed is shown.
pub struct FeedOn<'a> {
    /// The page's address, for the filters' form and the "more" link.
    pub path: &'a str,
    /// The workspace's touchpoints, to name and filter by.
    pub places: &'a [TouchpointPlace],
    /// The survey whose every response the feed shows; None: every comment.
    pub survey: Option<&'a Survey>,
    /// How many a page holds.
    pub limit: u32,
}

/// The feed over `period`: the comments (or, for one survey, every response), newest first.
pub async fn feed_view(
    state: &AppState,
    m: &Member,
    q: &FeedQuery,
    period: Period,
    on: FeedOn<'_>,
) -> Result<FeedView, PageError> {
    let FeedOn {
        path,
        places,
        survey,
        limit,
    } = on;
    let tr = m.tr();
    let by_id: HashMap<TouchpointId, &TouchpointPlace> = places.iter().map(|p| (p.id, p)).collect();
    let with_comment = survey.is_none();
    let filter = q.filter(period, survey.map(|s| s.id), with_comment);
    let page = feed(
        state.store.as_ref(),
        m.workspace.id,
        &filter,
        q.after(),
        limit,
    )
    .await
    .map_err(|e| PageError::from_store(e, tr))?;
    let period_query = period.query();
    let more = page.next.map(|(t, id)| {
        let mut pairs: Vec<(&str, String)> = vec![];
        for (k, v) in q.keep() {
            if !v.is_empty() {
                pairs.push((k, v));
            }
        }
        pairs.push((
            "after",
            format!("{}_{id}", t.unix_timestamp_nanos() / 1_000),
        ));
        format!(
            "{path}?{period_query}&{}#feed",
            serde_urlencoded::to_string(&pairs).unwrap_or_default()
        )
    });
    let band_word = |b: Band| tr.t(&format!("band-{}", b.as_str()));
    Ok(FeedView {
        items: page
            .items
            .into_iter()
            .map(|i| view(i, m, &by_id, &period_query))
            .collect(),
        more,
        bands: Band::ALL
            .into_iter()
            .map(|b| (b.as_str(), band_word(b), filter.band == Some(b)))
            .collect(),
        // One survey asks at one touchpoint: no touchpoint filter on its page.
        touchpoints: places
            .iter()
            .filter(|_| survey.is_none())
            .map(|p| (p.id.to_string(), p.path(), filter.touchpoint == Some(p.id)))
            .collect(),
        languages: Locale::ALL
            .into_iter()
            .map(|l| (l.tag(), l.endonym().to_owned(), filter.locale == Some(l)))
            .collect(),
        action: path.to_owned(),
        period_query,
        filtered: filter.band.is_some() || filter.touchpoint.is_some() || filter.locale.is_some(),
        can_request: m.may(taith_domain::Action::EditRequests),
    })
}
