//! A survey's results on its own page: how many answered in the period, the figure with its
//! interval and split, the spread of scores, the trend, and the latest answers with their
//! comments and follow-up answers — newest first, in the period the owner chose.

use crate::AppState;
use crate::dashboards::figures::{Asker, MetricCard, metric_card};
use crate::feedback::{FeedQuery, FeedView, feed_view};
use crate::http::ctx::Member;
use crate::http::page_error::PageError;
use crate::http::period::{PeriodControl, PeriodQuery, read_period};
use serde::Deserialize;
use taith_domain::{Action, Survey, SurveyKind};
use taith_metrics::Metric;

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

/// The metric a survey's answers make, if it has one (a custom survey has none).
pub fn metric_of(kind: SurveyKind) -> Option<Metric> {
    match kind {
        SurveyKind::Nps => Some(Metric::Nps),
        SurveyKind::Csat => Some(Metric::Csat),
        SurveyKind::Ces => Some(Metric::Ces),
        SurveyKind::Custom => None,
    }
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
    if let Some(tp) = survey.fields.touchpoint_id {
        results.touchpoint =
            taith_app::journeys::places::touchpoints(state.store.as_ref(), m.workspace.id)
                .await
                .map_err(|e| PageError::from_store(e, tr))?
                .into_iter()
                .find(|p| p.id == tp)
                .map(|p| {
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
    if let Some(metric) = metric_of(survey.fields.kind) {
        let mut ask = Asker::new(state, m, period.from, period.to).await?;
        ask.survey = Some(survey.id);
        if let Ok(total) = ask.answer(metric, None, &[]).await?
            && let Some(g) = total.groups.first().filter(|g| g.n() > 0)
        {
            let weekly = ask.answer(metric, Some("week"), &[]).await?.ok();
            let scale = total.scale;
            let histogram = total.on_scale(g);
            let max = histogram.iter().copied().max().unwrap_or(0).max(1);
            results.distribution = histogram
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    (
                        tr.number(f64::from(scale.low) + i as f64, 0),
                        tr.number(*c as f64, 0),
                        *c as f64 / max as f64 * 100.0,
                    )
                })
                .collect();
            results.card = Some(metric_card(
                metric,
                g,
                weekly.as_ref(),
                scale,
                (period.from, period.to),
                (None, String::new()),
                tr,
            ));
        }
    }
    if m.may(Action::ReadResponses) {
        let mut feed = feed_view(state, m, &feed_q, period, Some(survey), &path, 10).await?;
        // One survey asks at one touchpoint: no touchpoint filter here.
        feed.touchpoints.clear();
        results.feed = Some(feed);
    }
    Ok(results)
}
