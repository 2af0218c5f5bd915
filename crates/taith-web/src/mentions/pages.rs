//! The Mentions page (`/w/{slug}/mentions`), a tab of "what customers wrote": how often the
//! business is mentioned in public, where, in what mood, and the latest mentions. The figures
//! are `taith_app::mentions::overview`'s.

use crate::AppState;
use crate::http::ctx::Member;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::http::period::{PeriodControl, PeriodQuery, read_period};
use crate::voc::pages::language_name;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use serde::Deserialize;
use taith_app::mentions::{self, Trend};
use taith_domain::Action;
use taith_i18n::Tr;
use taith_text::Lang;

#[derive(Debug, Deserialize, Default)]
pub struct MentionsQuery {
    #[serde(flatten)]
    pub period: PeriodQuery,
    /// Narrows the latest mentions to one source.
    #[serde(default)]
    pub source: String,
}

/// A bar of a table: its label, count and width in % of the largest.
pub struct Bar {
    pub key: String,
    pub label: String,
    pub count: String,
    pub width: f64,
}

/// One mention as listed.
pub struct MentionRow {
    pub source: String,
    pub author: String,
    pub when: String,
    pub language: String,
    pub lang: &'static str,
    pub sentiment: &'static str,
    pub sentiment_name: String,
    pub text: String,
    pub url: Option<String>,
}

/// The days' chart: bars and a few date labels.
pub struct DayChart {
    pub bars: Vec<(f64, f64, f64, f64, String)>,
    pub ticks: Vec<(f64, &'static str, String)>,
    pub max: String,
    pub width: f64,
    pub height: f64,
}

#[derive(Template, WebTemplate)]
#[template(path = "mentions/page.html")]
pub struct MentionsPage {
    l: Layout,
    period: PeriodControl,
    voc_tab: &'static str,
    total: String,
    change: String,
    trend: &'static str,
    negative: Option<(String, String)>,
    chart: Option<DayChart>,
    /// Where and in what mood: (id, title, bars).
    panels: Vec<(&'static str, String, Vec<Bar>)>,
    /// None: the reader may not see what people wrote (a viewer).
    latest: Option<Vec<MentionRow>>,
    source_links: Vec<(String, String, bool)>,
}

fn bars(items: &[(String, String, u64)], tr: &Tr) -> Vec<Bar> {
    let max = items.iter().map(|(_, _, n)| *n).max().unwrap_or(1).max(1) as f64;
    items
        .iter()
        .map(|(key, label, n)| Bar {
            key: key.clone(),
            label: label.clone(),
            count: tr.number(*n as f64, 0),
            width: (100.0 * *n as f64 / max * 10.0).round() / 10.0,
        })
        .collect()
}

fn day_chart(days: &[(time::Date, u64)], tr: &Tr) -> Option<DayChart> {
    if days.is_empty() {
        return None;
    }
    let (width, height, bottom) = (720.0, 160.0, 22.0);
    let max = days.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1) as f64;
    let slot = width / days.len() as f64;
    let every = days.len().div_ceil(5).max(1);
    let mut bars = Vec::new();
    let mut ticks = Vec::new();
    for (i, (day, n)) in days.iter().enumerate() {
        let h = (height - bottom - 8.0) * *n as f64 / max;
        let x = slot * i as f64;
        bars.push((
            (x * 10.0).round() / 10.0,
            ((height - bottom - h) * 10.0).round() / 10.0,
            ((slot * 0.8).clamp(1.0, 40.0) * 10.0).round() / 10.0,
            (h * 10.0).round() / 10.0,
            format!("{}: {}", tr.date(*day), tr.number(*n as f64, 0)),
        ));
        if i % every == 0 {
            let (tx, anchor) = if i == 0 {
                (x, "start")
            } else if i + 1 == days.len() {
                (x + slot * 0.8, "end")
            } else {
                (x + slot * 0.4, "middle")
            };
            ticks.push(((tx * 10.0).round() / 10.0, anchor, tr.day_month(*day)));
        }
    }
    Some(DayChart {
        bars,
        ticks,
        max: tr.number(max, 0),
        width,
        height,
    })
}

fn source_name(source: &str, tr: &Tr) -> String {
    let key = format!("mentions-source-{source}");
    // A source taith has no name for is shown as the connector sent it.
    if tr.has(&key) {
        tr.t(&key)
    } else {
        source.to_owned()
    }
}

/// `GET /w/{slug}/mentions`.
pub async fn page(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<MentionsQuery>,
) -> Result<MentionsPage, PageError> {
    m.require(Action::Read)?;
    let source = q.source.trim().to_owned();
    let path = format!("{}/mentions", m.base());
    let (period, control) = read_period(&m, &q.period, &path, &[("source", source.clone())])?;
    let tr = m.tr();
    let overview = mentions::overview(
        state.store.as_ref(),
        m.workspace.id,
        &period,
        (!source.is_empty()).then_some(source.as_str()),
    )
    .await
    .map_err(|e| PageError::from_store(e, tr))?;
    let sources: Vec<(String, String, u64)> = overview
        .by_source
        .iter()
        .map(|(s, n)| (s.clone(), source_name(s, tr), *n))
        .collect();
    let sentiments: Vec<(String, String, u64)> = overview
        .by_sentiment
        .iter()
        .map(|(s, n)| {
            let code = s.map_or("unknown", |s| s.code());
            (code.to_owned(), tr.t(&format!("voc-sentiment-{code}")), *n)
        })
        .collect();
    let latest = m.may(Action::ReadResponses).then(|| {
        overview
            .latest
            .iter()
            .map(|x| {
                let lang = Lang::from_code(&x.language).unwrap_or(Lang::Other);
                let code = x.sentiment.map_or("unknown", |s| s.code());
                MentionRow {
                    source: source_name(&x.source, tr),
                    author: x.author.clone().unwrap_or_default(),
                    when: tr.datetime(x.posted_at),
                    language: language_name(lang, tr),
                    lang: if lang == Lang::Other { "" } else { lang.code() },
                    sentiment: code,
                    sentiment_name: tr.t(&format!("voc-sentiment-{code}")),
                    text: x.text.clone(),
                    url: x.url.clone(),
                }
            })
            .collect()
    });
    let keep = control.keep_period();
    let link = |s: &str| {
        let mut pairs: Vec<(&str, String)> = keep.clone();
        if !s.is_empty() {
            pairs.push(("source", s.to_owned()));
        }
        format!(
            "{path}?{}",
            serde_urlencoded::to_string(&pairs).unwrap_or_default()
        )
    };
    let mut source_links = vec![(tr.t("mentions-all-sources"), link(""), source.is_empty())];
    source_links.extend(
        overview
            .by_source
            .iter()
            .map(|(s, _)| (source_name(s, tr), link(s), *s == source)),
    );
    Ok(MentionsPage {
        l: m.layout("voc"),
        voc_tab: "mentions",
        total: tr.number(overview.total as f64, 0),
        change: tr.ta(
            "mentions-before",
            &[("count", tr.number(overview.previous_total as f64, 0))],
        ),
        trend: match overview.trend {
            Some(Trend::Up) => "up",
            Some(Trend::Down) => "down",
            None => "",
        },
        negative: overview.negative.map(|s| {
            (
                format!("{} %", tr.number(s.percent, 0)),
                tr.ta(
                    "mentions-negative-interval",
                    &[
                        ("low", tr.number(s.low, 0)),
                        ("high", tr.number(s.high, 0)),
                        ("n", tr.number(s.n as f64, 0)),
                    ],
                ),
            )
        }),
        chart: (overview.total > 0)
            .then(|| day_chart(&overview.by_day, tr))
            .flatten(),
        panels: vec![
            ("sources", tr.t("mentions-by-source"), bars(&sources, tr)),
            ("sentiment", tr.t("voc-sentiment"), bars(&sentiments, tr)),
        ],
        latest,
        source_links,
        period: control,
    })
}
