//! The Support page (`/w/{slug}/support`): first response time, resolution time and reopen
//! rate of the conversations created in the period (wall-clock or business hours), volume by
//! channel and tag, recurring subjects, the figures by team and by agent; and the form that
//! imports a help desk's CSV export. Computed by `taith_app::conversations::figures`.

use crate::AppState;
use crate::http::ctx::{CsrfForm, Member};
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::http::period::{PeriodControl, PeriodQuery, read_period};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use serde::Deserialize;
use taith_app::cases::figures::Durations;
use taith_app::conversations::{self, ImportRefused, figures};
use taith_domain::Action;
use taith_i18n::Tr;

/// A time figure in words.
#[derive(Debug, Default)]
pub struct TimeView {
    pub mean: String,
    pub median: String,
    pub p90: String,
    pub timed: String,
    pub open: String,
}

/// A group's row: `(name, conversations, first response mean, resolution mean, reopen rate)`.
#[derive(Debug)]
pub struct GroupRow {
    pub name: String,
    pub n: String,
    pub first: String,
    pub resolution: String,
    pub reopen: String,
}

/// A volume table with its bars.
#[derive(Debug)]
pub struct Volume {
    pub id: &'static str,
    pub title: String,
    pub hint: Option<String>,
    pub bars: Vec<Bar>,
}

/// A table of figures per team or agent.
#[derive(Debug)]
pub struct GroupTable {
    pub id: &'static str,
    pub title: String,
    pub rows: Vec<GroupRow>,
}

/// A bar of a volume chart: `(label, count, width in %)`.
#[derive(Debug)]
pub struct Bar {
    pub label: String,
    pub count: String,
    pub width: u32,
}

#[derive(Template, WebTemplate)]
#[template(path = "conversations/support.html")]
pub struct SupportPage {
    l: Layout,
    period: PeriodControl,
    business: bool,
    hours_href: String,
    total: String,
    small_sample: bool,
    first: TimeView,
    resolution: TimeView,
    reopen: String,
    reopen_ci: String,
    reopen_counts: String,
    volumes: Vec<Volume>,
    groups: Vec<GroupTable>,
    can_import: bool,
    import_action: String,
    imported: Option<String>,
    import_error: Option<String>,
    csv: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct SupportQuery {
    #[serde(default)]
    hours: String,
    #[serde(flatten)]
    period: PeriodQuery,
}

/// Minutes in words: under two hours in minutes, under two days in hours, else in days.
pub fn minutes(tr: &Tr, m: Option<f64>) -> String {
    match m {
        None => "—".to_owned(),
        Some(m) if m < 120.0 => tr.t1("support-minutes", "n", tr.number(m, 0)),
        Some(m) if m < 48.0 * 60.0 => tr.t1("support-hours", "n", tr.number(m / 60.0, 1)),
        Some(m) => tr.t1("support-days", "n", tr.number(m / 1_440.0, 1)),
    }
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn time_view(tr: &Tr, d: &Durations, open_key: &str) -> TimeView {
    TimeView {
        mean: minutes(tr, d.mean_hours),
        median: minutes(tr, d.median_hours),
        p90: minutes(tr, d.p90_hours),
        timed: tr.tn("support-count", "count", count(d.n)),
        open: tr.tn(open_key, "count", count(d.open)),
    }
}

fn bars<T>(items: &[(T, u64)], label: impl Fn(&T) -> String, tr: &Tr) -> Vec<Bar> {
    let max = items.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
    items
        .iter()
        .take(12)
        .map(|(k, n)| Bar {
            label: label(k),
            count: tr.number(*n as f64, 0),
            width: u32::try_from(n * 100 / max).unwrap_or(100).max(1),
        })
        .collect()
}

fn rows(groups: &[(String, figures::SupportFigures)], tr: &Tr) -> Vec<GroupRow> {
    groups
        .iter()
        .map(|(k, f)| GroupRow {
            name: if k.is_empty() {
                tr.t("support-nobody")
            } else {
                k.clone()
            },
            n: tr.number(f.conversations as f64, 0),
            first: minutes(tr, f.first_response.mean_hours),
            resolution: minutes(tr, f.resolution.mean_hours),
            reopen: f.reopen_rate.map_or_else(
                || "—".to_owned(),
                |r| tr.t1("support-percent", "n", tr.number(r, 1)),
            ),
        })
        .collect()
}

async fn render(
    state: &AppState,
    m: &Member,
    q: &SupportQuery,
    imported: Option<String>,
    import_error: Option<String>,
    csv: String,
) -> Result<SupportPage, PageError> {
    m.require(Action::Read)?;
    let tr = m.tr();
    let business = q.hours == "business";
    let path = format!("{}/support", m.base());
    let keep = if business {
        vec![("hours", "business".to_owned())]
    } else {
        Vec::new()
    };
    let (period, control) = read_period(m, &q.period, &path, &keep)?;
    let o = figures::overview(
        state.store.as_ref(),
        m.workspace.id,
        period.from.midnight().assume_utc(),
        period
            .to
            .next_day()
            .unwrap_or(time::Date::MAX)
            .midnight()
            .assume_utc(),
        business,
    )
    .await
    .map_err(|e| PageError::from_store(e, tr))?;
    let f = &o.all;
    Ok(SupportPage {
        period: control,
        business,
        hours_href: format!(
            "{path}?{}{}",
            period.query(),
            if business { "" } else { "&hours=business" }
        ),
        total: tr.tn("support-conversations", "count", count(f.conversations)),
        small_sample: f.small_sample,
        first: time_view(tr, &f.first_response, "support-unanswered"),
        resolution: time_view(tr, &f.resolution, "support-unresolved"),
        reopen: f.reopen_rate.map_or_else(
            || "—".to_owned(),
            |r| tr.t1("support-percent", "n", tr.number(r, 1)),
        ),
        reopen_ci: f.reopen_ci95.map_or_else(String::new, |(a, b)| {
            tr.ta(
                "support-interval",
                &[("low", tr.number(a, 1)), ("high", tr.number(b, 1))],
            )
        }),
        reopen_counts: tr.tna(
            "support-reopened-of",
            ("count", count(f.reopened)),
            &[("resolved", tr.number(f.ever_resolved as f64, 0))],
        ),
        volumes: vec![
            Volume {
                id: "channels",
                title: tr.t("support-by-channel"),
                hint: None,
                bars: bars(
                    &o.by_channel,
                    |c| tr.t(&format!("channel-{}", c.as_str())),
                    tr,
                ),
            },
            Volume {
                id: "tags",
                title: tr.t("support-by-tag"),
                hint: None,
                bars: bars(&o.by_tag, String::clone, tr),
            },
            Volume {
                id: "subjects",
                title: tr.t("support-subjects"),
                hint: Some(tr.t("support-subjects-hint")),
                bars: bars(&o.subjects, String::clone, tr),
            },
        ],
        groups: vec![
            GroupTable {
                id: "teams",
                title: tr.t("support-by-team"),
                rows: rows(&o.by_team, tr),
            },
            GroupTable {
                id: "agents",
                title: tr.t("support-by-agent"),
                rows: rows(&o.by_agent, tr),
            },
        ],
        can_import: m.may(Action::SubmitResponses),
        import_action: format!("{path}/import"),
        imported,
        import_error,
        csv,
        l: m.layout("support"),
    })
}

pub async fn support(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<SupportQuery>,
) -> Result<SupportPage, PageError> {
    render(&state, &m, &q, None, None, String::new()).await
}

#[derive(Debug, Default, Deserialize)]
pub struct ImportForm {
    #[serde(default)]
    csv: String,
}

/// Imports a pasted help-desk CSV export, all or nothing; the page says what was done or
/// which line is wrong.
pub async fn import(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(f): CsrfForm<ImportForm>,
) -> Result<SupportPage, PageError> {
    m.require(Action::SubmitResponses)?;
    let tr = m.tr();
    let q = SupportQuery::default();
    match conversations::import_csv(state.store.as_ref(), m.workspace.id, f.csv.as_bytes()).await {
        Ok(s) => {
            let done = tr.tna(
                "support-imported",
                ("count", count(s.created)),
                &[("updated", tr.number(s.updated as f64, 0))],
            );
            render(&state, &m, &q, Some(done), None, String::new()).await
        }
        Err(ImportRefused::Bad(e)) => {
            let message = tr.ta(
                "support-import-bad-line",
                &[
                    ("line", e.line.to_string()),
                    ("column", e.column.clone().unwrap_or_default()),
                    ("problem", e.message.clone()),
                ],
            );
            render(&state, &m, &q, None, Some(message), f.csv).await
        }
        Err(ImportRefused::Store(e)) => Err(PageError::from_store(e, tr)),
    }
}
