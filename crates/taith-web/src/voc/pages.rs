//! The voice-of-the-customer pages: the comments explorer (and its CSV), the themes with what
//! each does to the score, one theme with its comments and its edits.

use super::query::CommentParams;
use crate::AppState;
use crate::http::ctx::{CsrfForm, Member};
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::http::period::{PeriodControl, PeriodQuery, read_period};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use std::collections::HashMap;
use taith_app::journeys::places::TouchpointPlace;
use taith_app::voc::comments::{
    self, CommentFilter, CommentItem, LearningStatus, SentimentShare, learning_status,
};
use taith_app::voc::themes::{self, Impact, ThemeChange, ThemeEditError, ThemeFigure};
use taith_domain::{Action, Channel, Locale, Period, Theme, ThemeId, TouchpointId, WorkspaceId};
use taith_i18n::Tr;
use taith_metrics::{Band, Metric};
use taith_text::{Lang, Polarity};

/// A page's query: the period, and the comment filters.
#[derive(Debug, Deserialize, Default)]
pub struct ExplorerQuery {
    #[serde(flatten)]
    pub period: PeriodQuery,
    #[serde(flatten)]
    pub filters: CommentParams,
}

/// A language's name in its own language; "other" in the reader's.
pub(crate) fn language_name(lang: Lang, tr: &Tr) -> String {
    match Locale::from_tag(lang.code()) {
        Some(l) => l.endonym().to_owned(),
        None => tr.t("voc-language-other"),
    }
}

/// The `lang` attribute of text in `lang` (none for "other").
fn lang_attr(lang: Lang) -> &'static str {
    match lang {
        Lang::Other => "",
        l => l.code(),
    }
}

fn sentiment_code(s: Option<Polarity>) -> &'static str {
    s.map_or("unknown", Polarity::code)
}

/// One comment as the explorer shows it.
#[derive(Debug)]
pub struct CommentRow {
    pub text: String,
    pub lang: &'static str,
    pub language: String,
    pub sentiment: &'static str,
    pub sentiment_name: String,
    /// "87% sure", when there is a sentiment.
    pub confidence: String,
    pub score: String,
    pub band: &'static str,
    pub band_name: String,
    pub survey: String,
    pub survey_href: String,
    pub touchpoint: Option<(String, String)>,
    pub channel: String,
    pub day: String,
    /// `(name, href to the explorer filtered by it)`.
    pub themes: Vec<(String, String)>,
    pub response_id: String,
}

fn band_name(item: &CommentItem, tr: &Tr) -> String {
    let family = match item.survey.fields.kind {
        taith_domain::SurveyKind::Nps => "nps",
        _ => "scale",
    };
    tr.t(&format!("band-{family}-{}", item.band.as_str()))
}

fn comment_row(
    item: &CommentItem,
    m: &Member,
    places: &HashMap<TouchpointId, &TouchpointPlace>,
    period_query: &str,
) -> CommentRow {
    let tr = m.tr();
    let r = &item.comment.response;
    let a = &item.comment.analysis;
    let polarity = a.sentiment.map(|(p, _)| p);
    CommentRow {
        text: r.written_text(),
        lang: lang_attr(a.language),
        language: language_name(a.language, tr),
        sentiment: sentiment_code(polarity),
        sentiment_name: tr.t(&format!("voc-sentiment-{}", sentiment_code(polarity))),
        confidence: a
            .sentiment
            .map(|(_, c)| {
                tr.t1(
                    "voc-confidence",
                    "percent",
                    tr.number(f64::from(c) * 100.0, 0),
                )
            })
            .unwrap_or_default(),
        score: tr.number(f64::from(r.score), 0),
        band: item.band.as_str(),
        band_name: band_name(item, tr),
        survey: item.survey.fields.name.to_string(),
        survey_href: format!("{}/surveys/{}?{period_query}", m.base(), r.survey_id),
        touchpoint: r.touchpoint_id.and_then(|t| places.get(&t)).map(|p| {
            (
                p.name.clone(),
                format!("{}/dashboard/touchpoints/{}?{period_query}", m.base(), p.id),
            )
        }),
        channel: tr.t(&format!("channel-{}", r.channel.as_str())),
        day: tr.date(r.submitted_at.date()),
        themes: item
            .themes
            .iter()
            .map(|t| {
                (
                    t.fields.name.to_string(),
                    format!("{}/comments?{period_query}&theme={}", m.base(), t.id),
                )
            })
            .collect(),
        response_id: r.id.to_string(),
    }
}

/// A filter's choices: `(value, label, chosen)`.
type Choices = Vec<(String, String, bool)>;

#[derive(Template, WebTemplate)]
#[template(path = "voc/comments.html")]
pub struct ExplorerPage {
    l: Layout,
    period: PeriodControl,
    rows: Vec<CommentRow>,
    more: Option<String>,
    csv_href: String,
    /// The filters' errors in words, when a value did not read.
    errors: Vec<String>,
    q: String,
    languages: Choices,
    sentiments: Choices,
    themes: Choices,
    bands: Choices,
    touchpoints: Choices,
    surveys: Choices,
    channels: Choices,
    filtered: bool,
    summary: String,
    learning: Vec<String>,
    pending: Option<String>,
    /// May turn a comment into a feature request.
    can_request: bool,
}

fn choices<T: PartialEq + Copy>(
    items: impl IntoIterator<Item = (T, String, String)>,
    chosen: Option<T>,
) -> Choices {
    items
        .into_iter()
        .map(|(v, value, label)| (value, label, chosen == Some(v)))
        .collect()
}

/// "312 comments · 18% negative (15–22%)".
fn summary_line(n: u64, share: &SentimentShare, tr: &Tr) -> String {
    let count = tr.tn(
        "voc-comments-count",
        "count",
        i64::try_from(n).unwrap_or(i64::MAX),
    );
    match (share.negative, share.ci95) {
        (Some(neg), Some((lo, hi))) => tr.ta(
            "voc-summary",
            &[
                ("comments", count),
                ("negative", tr.number(neg, 0)),
                ("low", tr.number(lo, 0)),
                ("high", tr.number(hi, 0)),
            ],
        ),
        _ => count,
    }
}

/// The learning status in sentences: one per language with comments.
fn learning_lines(status: &LearningStatus, tr: &Tr) -> (Vec<String>, Option<String>) {
    let lines = status
        .languages
        .iter()
        .filter(|s| s.language != Lang::Other)
        .map(|s| {
            let language = language_name(s.language, tr);
            let comments = tr.tn(
                "voc-comments-count",
                "count",
                i64::try_from(s.comments).unwrap_or(i64::MAX),
            );
            if s.learned_from == 0 {
                tr.ta(
                    "voc-learning-base",
                    &[("language", language), ("comments", s.comments.to_string())],
                )
            } else {
                tr.tna(
                    "voc-learning-learned",
                    ("learned", i64::try_from(s.learned_from).unwrap_or(i64::MAX)),
                    &[("language", language), ("comments", comments)],
                )
            }
        })
        .collect();
    let pending = (status.pending > 0).then(|| {
        tr.tn(
            "voc-pending",
            "count",
            i64::try_from(status.pending).unwrap_or(i64::MAX),
        )
    });
    (lines, pending)
}

async fn workspace_themes(state: &AppState, m: &Member) -> Result<Vec<Theme>, PageError> {
    let mut list = state
        .store
        .themes(m.workspace.id)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?;
    list.retain(|t| !t.fields.hidden);
    Ok(list)
}

/// `/w/{slug}/comments`: every comment, filtered, newest first.
pub async fn explorer(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<ExplorerQuery>,
) -> Result<Response, PageError> {
    m.require(Action::ReadResponses)?;
    let tr = m.tr().clone();
    let path = format!("{}/comments", m.base());
    let keep = q.filters.keep();
    let (period, control) = read_period(&m, &q.period, &path, &keep)?;
    let (filter, errors) = match q.filters.filter(period) {
        Ok(f) => (f, Vec::new()),
        Err(e) => (
            CommentFilter::new(period),
            e.0.iter()
                .map(|fe| {
                    tr.ta(
                        "voc-filter-error",
                        &[
                            ("field", tr.t(&format!("voc-filter-{}", fe.field))),
                            ("issue", tr.issue(fe.issue)),
                        ],
                    )
                })
                .collect(),
        ),
    };
    let ws = m.workspace.id;
    let store = state.store.as_ref();
    let page = comments::explore(store, ws, &filter, q.filters.after(), 25)
        .await
        .map_err(|e| PageError::from_store(e, &tr))?;
    let places = crate::journeys::places(&state, &m).await?;
    let by_id: HashMap<TouchpointId, &TouchpointPlace> = places.iter().map(|p| (p.id, p)).collect();
    let period_query = period.query();
    let share = comments::sentiment_share(store, ws, &filter.counts)
        .await
        .map_err(|e| PageError::from_store(e, &tr))?;
    let status = learning_status(store, ws)
        .await
        .map_err(|e| PageError::from_store(e, &tr))?;
    let (learning, pending) = learning_lines(&status, &tr);
    let themes = workspace_themes(&state, &m).await?;
    let surveys = state
        .store
        .surveys(ws, taith_store::PageRequest::all())
        .await
        .map_err(|e| PageError::from_store(e, &tr))?
        .items;
    let keep_query = serde_urlencoded::to_string(&keep).unwrap_or_default();
    let more = page.next.map(|c| {
        let mut pairs = keep.clone();
        pairs.push(("after", CommentParams::cursor(c)));
        format!(
            "{path}?{period_query}&{}#comments",
            serde_urlencoded::to_string(&pairs).unwrap_or_default()
        )
    });
    let n = share.split.scored() + share.split.unknown;
    let languages: Vec<(Lang, String, String)> = Lang::SIX
        .into_iter()
        .chain([Lang::Other])
        .map(|l| (l, l.code().to_owned(), language_name(l, &tr)))
        .collect();
    let sentiments = [Polarity::Negative, Polarity::Neutral, Polarity::Positive]
        .into_iter()
        .map(|p| {
            (
                p,
                p.code().to_owned(),
                tr.t(&format!("voc-sentiment-{}", p.code())),
            )
        });
    let filtered = filter.language.is_some()
        || filter.sentiment.is_some()
        || filter.theme.is_some()
        || filter.band.is_some()
        || filter.customer.is_some()
        || filter.search.is_some()
        || filter.counts.survey.is_some()
        || filter.counts.touchpoint.is_some()
        || filter.counts.channel.is_some()
        || filter.counts.locale.is_some();
    let view = ExplorerPage {
        l: m.layout("voc"),
        csv_href: format!("{path}.csv?{period_query}&{keep_query}"),
        rows: page
            .items
            .iter()
            .map(|i| comment_row(i, &m, &by_id, &period_query))
            .collect(),
        more,
        q: q.filters.q.trim().to_owned(),
        languages: choices(languages, filter.language),
        sentiments: choices(sentiments, filter.sentiment),
        themes: choices(
            themes
                .iter()
                .map(|t| (t.id, t.id.to_string(), t.fields.name.to_string())),
            filter.theme,
        ),
        bands: choices(
            Band::ALL.into_iter().map(|b| {
                (
                    b,
                    b.as_str().to_owned(),
                    tr.t(&format!("band-{}", b.as_str())),
                )
            }),
            filter.band,
        ),
        touchpoints: choices(
            places.iter().map(|p| (p.id, p.id.to_string(), p.path())),
            filter.counts.touchpoint,
        ),
        surveys: choices(
            surveys
                .iter()
                .map(|s| (s.id, s.id.to_string(), s.fields.name.to_string())),
            filter.counts.survey,
        ),
        channels: choices(
            Channel::ALL.into_iter().map(|c| {
                (
                    c,
                    c.as_str().to_owned(),
                    tr.t(&format!("channel-{}", c.as_str())),
                )
            }),
            filter.counts.channel,
        ),
        filtered,
        summary: summary_line(n, &share, &tr),
        learning,
        pending,
        errors: errors.clone(),
        can_request: m.may(Action::EditRequests),
        period: control,
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    Ok((status, view).into_response())
}

/// `/w/{slug}/comments.csv`: every comment the explorer's filters match, as CSV.
pub async fn explorer_csv(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<ExplorerQuery>,
) -> Result<Response, PageError> {
    m.require(Action::ReadResponses)?;
    let tr = m.tr();
    let path = format!("{}/comments", m.base());
    let (period, _) = read_period(&m, &q.period, &path, &[])?;
    let filter = q
        .filters
        .filter(period)
        .map_err(|_| PageError::bad_request(tr))?;
    let csv = comments::export_csv(state.store.as_ref(), m.workspace.id, &filter)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    let name = format!(
        "attachment; filename=\"comments-{}-{}-{}.csv\"",
        m.workspace.slug, period.from, period.to
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, name),
        ],
        csv,
    )
        .into_response())
}

// ---------------------------------------------------------------------------------------
// Themes

/// One theme's row on the themes page.
#[derive(Debug)]
pub struct ThemeRow {
    pub name: String,
    pub href: String,
    pub comments_href: String,
    pub pinned: bool,
    pub hidden: bool,
    pub mentions: String,
    pub share: String,
    /// Widths (0–100) of the negative, neutral and positive parts of the sentiment bar, and
    /// the split in words.
    pub sentiment_bar: (f64, f64, f64),
    pub sentiment_text: String,
    /// The impact in a sentence, and whether it costs (`cost`), lifts (`lift`) or is not
    /// clear yet (`unclear`).
    pub impact: Option<(String, &'static str)>,
    /// The weekly mentions as bar heights (0–100) with their tooltips.
    pub weeks: Vec<(f64, String)>,
    pub rising: bool,
}

fn metric_name(metric: Metric, tr: &Tr) -> String {
    tr.t(&format!("map-live-{}", metric.as_str()))
}

/// "Costs 14 NPS points (± 5)", or "Adds …", or "… not a clear difference yet".
pub(crate) fn impact_sentence(impact: &Impact, tr: &Tr) -> Option<(String, &'static str)> {
    let d = impact.difference?;
    let kind = if !d.significant {
        "unclear"
    } else if d.delta < 0.0 {
        "cost"
    } else {
        "lift"
    };
    let args = [
        ("points", tr.number(d.delta.abs(), 0)),
        ("margin", tr.number(d.margin, 0)),
        ("metric", metric_name(impact.metric, tr)),
        ("with", tr.number(impact.with.value.unwrap_or(0.0), 0)),
        ("without", tr.number(impact.without.value.unwrap_or(0.0), 0)),
    ];
    Some((tr.ta(&format!("voc-impact-{kind}"), &args), kind))
}

fn theme_row(f: &ThemeFigure, m: &Member, period_query: &str) -> ThemeRow {
    let tr = m.tr();
    let s = &f.sentiment;
    let scored = s.scored().max(1) as f64;
    let max_week = f.weeks.iter().map(|w| w.mentions).max().unwrap_or(0).max(1) as f64;
    ThemeRow {
        name: f.theme.fields.name.to_string(),
        href: format!("{}/themes/{}?{period_query}", m.base(), f.theme.id),
        comments_href: format!("{}/comments?{period_query}&theme={}", m.base(), f.theme.id),
        pinned: f.theme.fields.pinned,
        hidden: f.theme.fields.hidden,
        mentions: tr.number(f.mentions as f64, 0),
        share: tr.t1("voc-share", "percent", tr.number(f.share * 100.0, 0)),
        sentiment_bar: (
            100.0 * s.negative as f64 / scored,
            100.0 * s.neutral as f64 / scored,
            100.0 * s.positive as f64 / scored,
        ),
        sentiment_text: tr.ta(
            "voc-sentiment-split",
            &[
                ("negative", s.negative.to_string()),
                ("neutral", s.neutral.to_string()),
                ("positive", s.positive.to_string()),
            ],
        ),
        impact: f.impact.as_ref().and_then(|i| impact_sentence(i, tr)),
        weeks: f
            .weeks
            .iter()
            .map(|w| {
                (
                    100.0 * w.mentions as f64 / max_week,
                    tr.ta(
                        "voc-week",
                        &[
                            ("from", tr.day_month(w.from)),
                            ("mentions", w.mentions.to_string()),
                        ],
                    ),
                )
            })
            .collect(),
        rising: f.rising,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "voc/themes.html")]
pub struct ThemesPage {
    l: Layout,
    period: PeriodControl,
    rows: Vec<ThemeRow>,
    comments: String,
    can_edit: bool,
    form: FormView,
    learning: Vec<String>,
    pending: Option<String>,
}

async fn themes_page(
    state: &AppState,
    m: &Member,
    q: &PeriodQuery,
    form: FormView,
) -> Result<ThemesPage, PageError> {
    let tr = m.tr();
    let path = format!("{}/themes", m.base());
    let (period, control) = read_period(m, q, &path, &[])?;
    let store = state.store.as_ref();
    let ws = m.workspace.id;
    let report = themes::report(store, ws, &comments::CountFilter::new(period), false)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    let status = learning_status(store, ws)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    let (learning, pending) = learning_lines(&status, tr);
    let period_query = period.query();
    Ok(ThemesPage {
        l: m.layout("voc"),
        rows: report
            .figures
            .iter()
            .map(|f| theme_row(f, m, &period_query))
            .collect(),
        comments: tr.tn(
            "voc-comments-count",
            "count",
            i64::try_from(report.comments).unwrap_or(i64::MAX),
        ),
        can_edit: m.may(Action::EditJourneys),
        form,
        learning,
        pending,
        period: control,
    })
}

/// `/w/{slug}/themes`: what comments are about and what each theme does to the score.
pub async fn themes_list(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<PeriodQuery>,
) -> Result<ThemesPage, PageError> {
    themes_page(&state, &m, &q, FormView::new()).await
}

#[derive(Debug, Deserialize)]
pub struct NewThemeForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub phrases: String,
}

/// `POST /w/{slug}/themes`: a theme made by staff.
pub async fn create_theme(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(input): CsrfForm<NewThemeForm>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    match themes::create(
        state.store.as_ref(),
        m.workspace.id,
        &input.name,
        &input.phrases,
    )
    .await
    {
        Ok(t) => Ok(Redirect::to(&format!("{}/themes/{}", m.base(), t.id)).into_response()),
        Err(ThemeEditError::Invalid(e)) => {
            let form = FormView::new()
                .with("name", &input.name)
                .with("phrases", &input.phrases)
                .with_errors(&e, m.tr());
            let page = themes_page(&state, &m, &PeriodQuery::default(), form).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(ThemeEditError::Store(e)) => Err(PageError::from_store(e, m.tr())),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "voc/theme.html")]
pub struct ThemePage {
    l: Layout,
    period: PeriodControl,
    id: String,
    row: ThemeRow,
    with_text: String,
    phrases: Vec<String>,
    origin: String,
    examples: Vec<CommentRow>,
    can_read: bool,
    can_edit: bool,
    form: FormView,
    merge_into: Vec<(String, String)>,
    touchpoints: Vec<(String, String, String)>,
    can_request: bool,
}

async fn theme_page(
    state: &AppState,
    m: &Member,
    id: ThemeId,
    q: &PeriodQuery,
    form: FormView,
) -> Result<ThemePage, PageError> {
    let tr = m.tr();
    let path = format!("{}/themes/{id}", m.base());
    let (period, control) = read_period(m, q, &path, &[])?;
    let store = state.store.as_ref();
    let ws = m.workspace.id;
    let theme = store
        .theme(ws, id)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    let report = themes::report(store, ws, &comments::CountFilter::new(period), true)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    let figure = report
        .figures
        .iter()
        .find(|f| f.theme.id == id)
        .ok_or_else(|| PageError::not_found(tr))?;
    let period_query = period.query();
    let row = theme_row(figure, m, &period_query);
    let with_text = figure
        .impact
        .as_ref()
        .map(|i| {
            tr.ta(
                "voc-impact-detail",
                &[
                    ("metric", metric_name(i.metric, tr)),
                    ("with", tr.number(i.with.value.unwrap_or(0.0), 0)),
                    ("with_n", i.with.n.to_string()),
                    ("without", tr.number(i.without.value.unwrap_or(0.0), 0)),
                    ("without_n", i.without.n.to_string()),
                ],
            )
        })
        .unwrap_or_default();
    let can_read = m.may(Action::ReadResponses);
    let places = crate::journeys::places(state, m).await?;
    let by_id: HashMap<TouchpointId, &TouchpointPlace> = places.iter().map(|p| (p.id, p)).collect();
    let examples = if can_read {
        let mut filter = CommentFilter::new(period);
        filter.theme = Some(id);
        comments::explore(store, ws, &filter, None, 8)
            .await
            .map_err(|e| PageError::from_store(e, tr))?
            .items
            .iter()
            .map(|i| comment_row(i, m, &by_id, &period_query))
            .collect()
    } else {
        Vec::new()
    };
    let negative = themes::negative_by_touchpoint(store, ws, &period, usize::MAX)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    let mut touchpoints: Vec<(String, String, u64)> = negative
        .iter()
        .filter_map(|(tp, list)| {
            let n = list.iter().find(|(t, _)| t.id == id)?.1;
            let p = by_id.get(tp)?;
            Some((
                p.path(),
                format!("{}/dashboard/touchpoints/{}?{period_query}", m.base(), p.id),
                n,
            ))
        })
        .collect();
    touchpoints.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    let form = if form.v("name").is_empty() {
        form.with("name", theme.fields.name.as_str())
            .with("phrases", theme.fields.phrases.join(", "))
    } else {
        form
    };
    Ok(ThemePage {
        l: m.layout("voc"),
        id: id.to_string(),
        row,
        with_text,
        phrases: theme.fields.phrases.clone(),
        origin: tr.t(&format!("voc-origin-{}", theme.origin.as_str())),
        examples,
        can_read,
        can_edit: m.may(Action::EditJourneys),
        can_request: m.may(Action::EditRequests),
        form,
        merge_into: report
            .figures
            .iter()
            .filter(|f| f.theme.id != id)
            .map(|f| (f.theme.id.to_string(), f.theme.fields.name.to_string()))
            .collect(),
        touchpoints: touchpoints
            .into_iter()
            .map(|(name, href, n)| (name, href, tr.number(n as f64, 0)))
            .collect(),
        period: control,
    })
}

fn parse_theme_id(id: &str, tr: &Tr) -> Result<ThemeId, PageError> {
    crate::journeys::pages::parse_id(id, tr)
}

/// `/w/{slug}/themes/{id}`: one theme, its figures, comments and edits.
pub async fn theme(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<PeriodQuery>,
) -> Result<ThemePage, PageError> {
    let id = parse_theme_id(&id, m.tr())?;
    theme_page(&state, &m, id, &q, FormView::new()).await
}

#[derive(Debug, Deserialize)]
pub struct ThemeForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub phrases: String,
    /// Checkboxes: present when ticked.
    #[serde(default)]
    pub pinned: Option<String>,
    #[serde(default)]
    pub hidden: Option<String>,
}

/// Answers an edit: back to the theme page, or the page again with the errors.
async fn after_edit(
    state: &AppState,
    m: &Member,
    id: ThemeId,
    result: Result<ThemeId, ThemeEditError>,
    form: FormView,
) -> Result<Response, PageError> {
    match result {
        Ok(next) => Ok(Redirect::to(&format!("{}/themes/{next}", m.base())).into_response()),
        Err(ThemeEditError::Invalid(e)) => {
            let form = form.with_errors(&e, m.tr());
            let page = theme_page(state, m, id, &PeriodQuery::default(), form).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(ThemeEditError::Store(e)) => Err(PageError::from_store(e, m.tr())),
    }
}

/// `POST /w/{slug}/themes/{id}`: rename, re-phrase, pin, hide.
pub async fn update_theme(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(input): CsrfForm<ThemeForm>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let id = parse_theme_id(&id, m.tr())?;
    let change = ThemeChange {
        name: Some(input.name.clone()),
        phrases: Some(input.phrases.clone()),
        pinned: Some(input.pinned.is_some()),
        hidden: Some(input.hidden.is_some()),
    };
    let result = themes::change(state.store.as_ref(), m.workspace.id, id, &change)
        .await
        .map(|t| t.id);
    let form = FormView::new()
        .with("name", &input.name)
        .with("phrases", &input.phrases);
    after_edit(&state, &m, id, result, form).await
}

#[derive(Debug, Deserialize)]
pub struct MergeForm {
    #[serde(default)]
    pub into: String,
}

/// `POST /w/{slug}/themes/{id}/merge`: this theme into another.
pub async fn merge_theme(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(input): CsrfForm<MergeForm>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let id = parse_theme_id(&id, m.tr())?;
    let result = match input.into.trim().parse::<ThemeId>() {
        Ok(into) => themes::merge(state.store.as_ref(), m.workspace.id, id, into)
            .await
            .map(|t| t.id),
        Err(_) => Err(ThemeEditError::Invalid(
            taith_domain::ValidationErrors::one("into", taith_domain::Issue::Required),
        )),
    };
    after_edit(&state, &m, id, result, FormView::new()).await
}

/// `POST /w/{slug}/themes/{id}/split`: some phrases into a new theme. The form sends the
/// new name and each ticked phrase as `phrase`.
pub async fn split_theme(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(input): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let id = parse_theme_id(&id, m.tr())?;
    let name = input
        .iter()
        .find(|(k, _)| k == "split_name")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let phrases: Vec<String> = input
        .iter()
        .filter(|(k, _)| k == "phrase")
        .map(|(_, v)| v.clone())
        .collect();
    let result = themes::split(state.store.as_ref(), m.workspace.id, id, &name, &phrases)
        .await
        .map(|(_, new)| new.id)
        .map_err(|e| match e {
            // The split form's name field is `split_name`.
            ThemeEditError::Invalid(mut v) => {
                for f in &mut v.0 {
                    if f.field == "name" {
                        f.field = "split_name".into();
                    }
                }
                ThemeEditError::Invalid(v)
            }
            e => e,
        });
    let form = FormView::new().with("split_name", &name);
    after_edit(&state, &m, id, result, form).await
}

/// The most-mentioned negative themes at each touchpoint, as `(name, href)` lists for the
/// touchpoint page and the live map.
pub async fn negative_themes(
    state: &AppState,
    ws: WorkspaceId,
    base: &str,
    period: &Period,
    top: usize,
) -> Result<HashMap<TouchpointId, Vec<(String, String)>>, taith_store::StoreError> {
    let by_tp = themes::negative_by_touchpoint(state.store.as_ref(), ws, period, top).await?;
    let q = period.query();
    Ok(by_tp
        .into_iter()
        .map(|(tp, list)| {
            (
                tp,
                list.into_iter()
                    .map(|(t, _)| {
                        (
                            t.fields.name.to_string(),
                            format!(
                                "{base}/comments?{q}&theme={}&touchpoint={tp}&sentiment=negative",
                                t.id
                            ),
                        )
                    })
                    .collect(),
            )
        })
        .collect())
}

/// A theme as the dashboard names it: name, its page, its effect on the score in words and
/// whether that costs, lifts or is unclear.
#[derive(Debug)]
pub struct ThemeLink {
    pub name: String,
    pub href: String,
    pub impact: String,
    pub kind: &'static str,
}

/// The themes that cost the score most in the period (significant effects first), up to
/// `top`: what the dashboard says first about what customers wrote.
pub async fn costly_themes(
    state: &AppState,
    m: &Member,
    period: &Period,
    top: usize,
) -> Result<Vec<ThemeLink>, PageError> {
    let tr = m.tr();
    let report = themes::report(
        state.store.as_ref(),
        m.workspace.id,
        &comments::CountFilter::new(*period),
        false,
    )
    .await
    .map_err(|e| PageError::from_store(e, tr))?;
    let mut costly: Vec<(&ThemeFigure, taith_metrics::Difference, Impact)> = report
        .figures
        .iter()
        .filter_map(|f| {
            let i = f.impact?;
            let d = i.difference?;
            (d.delta < 0.0).then_some((f, d, i))
        })
        .collect();
    costly.sort_by(|a, b| {
        b.1.significant
            .cmp(&a.1.significant)
            .then_with(|| a.1.delta.total_cmp(&b.1.delta))
    });
    let q = period.query();
    Ok(costly
        .into_iter()
        .take(top)
        .filter_map(|(f, _, i)| {
            let (impact, kind) = impact_sentence(&i, tr)?;
            Some(ThemeLink {
                name: f.theme.fields.name.to_string(),
                href: format!("{}/themes/{}?{q}", m.base(), f.theme.id),
                impact,
                kind,
            })
        })
        .collect())
}

/// The voice-of-the-customer pages' routes.
pub fn routes(r: crate::http::routes::Routes) -> crate::http::routes::Routes {
    r.get("/w/{slug}/comments", explorer)
        .get("/w/{slug}/comments.csv", explorer_csv)
        .get("/w/{slug}/themes", themes_list)
        .post("/w/{slug}/themes", create_theme)
        .get("/w/{slug}/themes/{id}", theme)
        .post("/w/{slug}/themes/{id}", update_theme)
        .post("/w/{slug}/themes/{id}/merge", merge_theme)
        .post("/w/{slug}/themes/{id}/split", split_theme)
}
