//! A survey's results on its own page: how many answered in the period, the figure with its
//! interval and split, the spread of scores, the trend, and the latest answers with their
//! comments and follow-up answers — newest first, in the period the owner chose.

use crate::AppState;
use crate::dashboards::figures::{Asker, MetricCard, distribution, metric_card, survey_figure};
use crate::feedback::{FeedOn, FeedQuery, FeedView, feed_view};
use crate::http::ctx::Member;
use crate::http::page_error::PageError;
use crate::http::period::{PeriodControl, PeriodQuery, read_period};
use serde::Deserialize;
use taith_domain::{Action, Survey};

/// The survey page's query: the period, the answers' filters, and "saved" after a save.
#[derive(Debug, Deserialize, Default)]
pub struct SurveyPageQuery {
    #[serde(default)]
    pub saved: String,
    #[serde(flatten)]
    pub period: PeriodQuery,
    #[serde(flatten)]
    pub feed: FeedQuery,
}

/// What the results section shows.
#[derive(Debug)]
pub struct SurveyResults {
    pub period: PeriodControl,
    pub card: Option<MetricCard>,
    /// The spread of scores: (score, count, bar width 0…100).
    pub distribution: Vec<(String, String, f64)>,
    /// The latest answers; None for a viewer, who sees figures but not what customers wrote.
    pub feed: Option<FeedView>,
    pub feed_title: String,
    pub feed_empty: String,
    /// The survey's touchpoint and its page, in the same period.
    pub touchpoint: Option<(String, String)>,
}

pub async fn survey_results(
    state: &AppState,
    m: &Member,
    survey: &Survey,
    q: &SurveyPageQuery,
) -> Result<SurveyResults, PageError> {
    let tr = m.tr();
    let path = format!("{}/surveys/{}", m.base(), survey.id);
    let mut feed_q = q.feed.clone();
    feed_q.touchpoint = String::new();
    let keep: Vec<(&str, String)> = feed_q
        .keep()
        .into_iter()
        .filter(|(k, _)| *k != "touchpoint")
        .collect();
    let (period, control) = read_period(m, &q.period, &path, &keep)?;
    let mut results = SurveyResults {
        period: control,
        card: None,
        distribution: Vec::new(),
        feed: None,
        feed_title: tr.t("survey-latest-answers"),
        feed_empty: tr.t("survey-no-answers-yet"),
        touchpoint: None,
    };
    let places = crate::journeys::places(state, m).await?;
    if let Some(tp) = survey.fields.touchpoint_id {
        results.touchpoint = places.iter().find(|p| p.id == tp).map(|p| {
            (
                p.path(),
                format!(
                    "{}/dashboard/touchpoints/{}?{}",
                    m.base(),
                    p.id,
                    period.query()
                ),
            )
        });
    }
    let mut ask = Asker::new(state, m, period.from, period.to).await?;
    if let Some((metric, total)) = survey_figure(&ask, survey).await?
        && let Some(g) = total.groups.first().filter(|g| g.n() > 0)
    {
        ask.survey = Some(survey.id);
        let weekly = ask.answer(metric, Some("week"), &[]).await?.ok();
        results.distribution = distribution(&total, g, tr);
        results.card = Some(metric_card(
            metric,
            g,
            weekly.as_ref(),
            total.scale,
            (period.from, period.to),
            (None, String::new()),
            tr,
        ));
    }
    if m.may(Action::ReadResponses) {
        let on = FeedOn {
            path: &path,
            places: &places,
            survey: Some(survey),
            limit: 10,
        };
        results.feed = Some(feed_view(state, m, &feed_q, period, on).await?);
    }
    Ok(results)
}
