//! The coaching page (`/w/{slug}/coaching?by=agent|team`): each agent's or team's NPS and
//! CSAT with interval, small-sample flag and weekly trend (small-sample weeks hollow), the
//! leaderboards (ranked only by significant differences, said in words), and praise to
//! share. An agent sees only their own figures; the page says how they are matched.

use super::viewer_of;
use crate::AppState;
use crate::cases::figures::{DurationView, durations};
use crate::dashboards::figures::{MetricCard, metric_card};
use crate::http::ctx::Member;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::http::period::{PeriodControl, PeriodQuery, read_period};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use serde::Deserialize;
use taith_app::coaching::{self, By, CoachingError, Viewer};
use taith_i18n::Tr;

/// One team or agent on the page.
#[derive(Debug)]
pub struct GroupView {
    /// For element ids.
    pub key: String,
    pub name: String,
    pub cards: Vec<MetricCard>,
    /// `(text, its language)`.
    pub praise: Vec<(String, &'static str)>,
    pub cases: Option<CasesView>,
}

/// A group's cases in words: how many it handled and its time to first action.
#[derive(Debug)]
pub struct CasesView {
    pub handled: String,
    pub first_action: DurationView,
}

/// A leaderboard's row: `(rank, name, figure, n)`.
#[derive(Debug)]
pub struct BoardView {
    pub title: String,
    pub rows: Vec<(String, String, String, String)>,
    pub verdict: String,
    pub unranked: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "coaching/page.html")]
pub struct CoachingPage {
    l: Layout,
    period: PeriodControl,
    /// `(by, its name, chosen, href)`.
    tabs: Vec<(&'static str, String, bool, String)>,
    own_only: Option<String>,
    groups: Vec<GroupView>,
    boards: Vec<BoardView>,
    problem: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct CoachingQuery {
    #[serde(default)]
    by: String,
    #[serde(flatten)]
    period: PeriodQuery,
}

fn board(b: &coaching::Leaderboard, tr: &Tr) -> BoardView {
    let name = tr.t(&format!("dashboard-{}", b.metric.as_str()));
    BoardView {
        title: tr.t1("coaching-board-title", "metric", &name),
        rows: b
            .ranked
            .iter()
            .map(|r| {
                (
                    tr.number(r.rank as f64, 0),
                    r.name.clone(),
                    r.value
                        .value
                        .map_or_else(|| "—".to_owned(), |v| tr.number(v, 1)),
                    tr.number(r.value.n as f64, 0),
                )
            })
            .collect(),
        verdict: if b.ranked.len() < 2 {
            tr.t("coaching-board-too-few")
        } else if b.any_significant() {
            tr.tn(
                "coaching-board-significant",
                "count",
                i64::try_from(b.significant.len()).unwrap_or(i64::MAX),
            )
        } else {
            tr.t("coaching-board-none-significant")
        },
        unranked: (!b.small.is_empty()).then(|| {
            tr.tna(
                "coaching-board-unranked",
                ("count", i64::try_from(b.small.len()).unwrap_or(i64::MAX)),
                &[(
                    "names",
                    b.small
                        .iter()
                        .map(|(n, _)| n.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                )],
            )
        }),
    }
}

pub async fn page(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<CoachingQuery>,
) -> Result<CoachingPage, PageError> {
    let tr = m.tr();
    let principal = taith_domain::Principal::Member {
        user: m.user.clone(),
        role: m.role,
    };
    let Some(viewer) = viewer_of(&principal) else {
        return Err(PageError::forbidden(tr));
    };
    let by = By::parse(&q.by).unwrap_or(By::Agent);
    let path = format!("{}/coaching", m.base());
    let keep = [("by", by.attribute().to_owned())];
    let (period, control) = read_period(&m, &q.period, &path, &keep)?;
    let report = match coaching::report(
        &state.app.analytics,
        state.store.as_ref(),
        m.workspace.id,
        by,
        (period.from, period.to),
        &viewer,
    )
    .await
    {
        Ok(r) => r,
        Err(CoachingError::Store(e)) => return Err(PageError::from_store(e, tr)),
        Err(CoachingError::Metrics(_)) => return Err(PageError::internal(tr)),
    };
    let groups = report
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| GroupView {
            key: format!("g{i}"),
            name: g.name.clone(),
            cards: g
                .metrics
                .iter()
                .map(|f| {
                    metric_card(
                        f.metric,
                        &f.total,
                        Some(&f.weekly),
                        f.weekly.scale,
                        (period.from, period.to),
                        (None, String::new()),
                        tr,
                    )
                })
                .collect(),
            praise: g
                .praise
                .iter()
                .map(|r| (taith_app::feature_requests::written(r), r.locale.tag()))
                .filter(|(t, _)| !t.is_empty())
                .collect(),
            cases: g.cases.as_ref().map(|c| CasesView {
                handled: tr.tn(
                    "coaching-cases-handled",
                    "count",
                    i64::try_from(c.opened).unwrap_or(i64::MAX),
                ),
                first_action: durations(tr, &c.first_action),
            }),
        })
        .collect::<Vec<_>>();
    let tabs = [By::Agent, By::Team]
        .into_iter()
        .map(|b| {
            (
                b.attribute(),
                tr.t(&format!("coaching-by-{}", b.attribute())),
                b == by,
                format!("{path}?by={}&{}", b.attribute(), period.query()),
            )
        })
        .collect();
    let own_only = match &viewer {
        Viewer::All => None,
        Viewer::Own { name, email } => Some(tr.ta(
            "coaching-own-only",
            &[("name", name.clone()), ("email", email.clone())],
        )),
    };
    Ok(CoachingPage {
        problem: groups.is_empty().then(|| {
            tr.t(match viewer {
                Viewer::All => "coaching-empty",
                Viewer::Own { .. } => "coaching-empty-own",
            })
        }),
        boards: report.leaderboards.iter().map(|b| board(b, tr)).collect(),
        tabs,
        own_only,
        groups,
        period: control,
        l: m.layout("coaching"),
    })
}
