//! The survey builder: the list, a new survey in the standard wording of its kind, the editor
//! (texts per locale, follow-up questions asked on a range of scores), a preview that records
//! nothing, and deleting a survey that has no answers.
//!
//! The editor is one form. A survey is stored whole (`Store::update_survey`), so saving it
//! whole keeps every field and every follow-up consistent, and a mistake anywhere shows the
//! whole form again with what was typed. Follow-ups are numbered slots `fu{n}_…`; the slot
//! after the last holds a new one, taken only when something was typed into it.

use crate::AppState;
use crate::http::ctx::{CsrfForm, Member};
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::journeys::pages::parse_id;
use crate::respond::pages as respond;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use taith_app::surveys::{self, ChangeRefused};
use taith_domain::survey::{FollowUp, FollowUpKind, LocalizedText, Scale, ScoreRange};
use taith_domain::{
    Action, FollowUpId, Issue, Locale, LongText, Name, Survey, SurveyFields, SurveyId, SurveyKind,
    SurveyStatus, TouchpointId, ValidationErrors, WorkspaceId,
};
use taith_i18n::{Tr, survey_wording};
use taith_store::{ConflictKind, PageRequest, StoreError};

/// Most follow-up questions a survey holds (`SurveyFields::validate` allows 20).
const MAX_FOLLOW_UPS: usize = 20;
/// Most options of a choice question.
const MAX_OPTIONS: usize = 20;

// --- wording shared with the respondent pages ---------------------------------------------------

pub fn kind_name(kind: SurveyKind, tr: &Tr) -> String {
    match kind {
        SurveyKind::Nps => tr.t("survey-kind-nps"),
        SurveyKind::Csat => tr.t("survey-kind-csat"),
        SurveyKind::Ces => tr.t("survey-kind-ces"),
        SurveyKind::Custom => tr.t("survey-kind-custom"),
    }
}

fn kind_hint(kind: SurveyKind, tr: &Tr) -> String {
    match kind {
        SurveyKind::Nps => tr.t("survey-kind-nps-hint"),
        SurveyKind::Csat => tr.t("survey-kind-csat-hint"),
        SurveyKind::Ces => tr.t("survey-kind-ces-hint"),
        SurveyKind::Custom => tr.t("survey-kind-custom-hint"),
    }
}

pub fn status_name(status: SurveyStatus, tr: &Tr) -> String {
    match status {
        SurveyStatus::Draft => tr.t("survey-status-draft"),
        SurveyStatus::Live => tr.t("survey-status-live"),
        SurveyStatus::Closed => tr.t("survey-status-closed"),
    }
}

/// The wire names of follow-up kinds, as the form sends them.
const FOLLOW_UP_KINDS: [&str; 4] = ["open_text", "single_choice", "multiple_choice", "rating"];

fn follow_up_kind_name(kind: &str, tr: &Tr) -> String {
    match kind {
        "single_choice" => tr.t("survey-fu-kind-single-choice"),
        "multiple_choice" => tr.t("survey-fu-kind-multiple-choice"),
        "rating" => tr.t("survey-fu-kind-rating"),
        _ => tr.t("survey-fu-kind-open-text"),
    }
}

fn follow_up_kind_str(kind: &FollowUpKind) -> &'static str {
    match kind {
        FollowUpKind::OpenText => "open_text",
        FollowUpKind::SingleChoice { .. } => "single_choice",
        FollowUpKind::MultipleChoice { .. } => "multiple_choice",
        FollowUpKind::Rating { .. } => "rating",
    }
}

/// The scores below the "satisfied" box of a kind (DESIGN §3): whom to ask what to improve.
fn unhappy_range(kind: SurveyKind, scale: Scale) -> Option<ScoreRange> {
    let max = match (kind, scale.high) {
        (SurveyKind::Nps, _) => 6,
        (SurveyKind::Csat, 3) => 2,
        (SurveyKind::Csat, 5) | (SurveyKind::Ces, 5) => 3,
        (SurveyKind::Csat, 7) => 5,
        (SurveyKind::Ces, 7) => 4,
        _ => return None,
    };
    Some(ScoreRange {
        min: scale.low,
        max,
    })
}

/// The follow-up the editor offers in one click: "What should we improve?" for unhappy scores,
/// unless the survey asks those scores something already.
fn suggestion(f: &SurveyFields) -> Option<ScoreRange> {
    let range = unhappy_range(f.kind, f.scale)?;
    let asked = f.follow_ups.iter().any(|x| x.when == Some(range));
    (!asked && f.follow_ups.len() < MAX_FOLLOW_UPS).then_some(range)
}

// --- touchpoints ------------------------------------------------------------------------------

/// The workspace's touchpoints as "journey › stage › touchpoint", in map order.
async fn touchpoint_choices(
    state: &AppState,
    ws: WorkspaceId,
) -> Result<Vec<(TouchpointId, String)>, StoreError> {
    Ok(
        taith_app::journeys::places::touchpoints(state.store.as_ref(), ws)
            .await?
            .iter()
            .map(|t| (t.id, t.path()))
            .collect(),
    )
}

fn touchpoint_label(id: Option<TouchpointId>, choices: &[(TouchpointId, String)]) -> String {
    id.and_then(|id| choices.iter().find(|(t, _)| *t == id))
        .map(|(_, l)| l.clone())
        .unwrap_or_default()
}

// --- the list ---------------------------------------------------------------------------------

#[derive(Debug)]
pub struct SurveyRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub status: &'static str,
    pub status_name: String,
    pub touchpoint: String,
    pub public_path: String,
    /// Responses and the figure over the last 90 days, as the locale writes them.
    pub answers: String,
    pub figure: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "surveys/list.html")]
pub struct SurveysPage {
    l: Layout,
    surveys: Vec<SurveyRow>,
    can_edit: bool,
}

pub async fn list(State(state): State<AppState>, m: Member) -> Result<SurveysPage, PageError> {
    let tr = m.tr().clone();
    let ws = m.workspace.id;
    let surveys = state
        .store
        .surveys(ws, PageRequest::all())
        .await
        .map_err(|e| PageError::from_store(e, &tr))?
        .items;
    let touchpoints = touchpoint_choices(&state, ws)
        .await
        .map_err(|e| PageError::from_store(e, &tr))?;
    // Each survey's responses and figure over the default period, from the analytics index.
    let period =
        taith_domain::Period::preset(taith_domain::Preset::Days90, taith_domain::now().date());
    let ask = crate::dashboards::figures::Asker::new(&state, &m, period.from, period.to).await?;
    let mut figures = std::collections::HashMap::new();
    for s in &surveys {
        if let Some((metric, a)) = crate::dashboards::figures::survey_figure(&ask, s).await?
            && let Some(g) = a.groups.first()
        {
            let figure = g.figure.value.map_or_else(
                || "—".to_owned(),
                |v| {
                    format!(
                        "{} {}",
                        tr.t(&format!("map-live-{}", metric.as_str())),
                        tr.number(taith_app::metrics::round1(v), 1)
                    )
                },
            );
            figures.insert(s.id, (tr.number(g.n() as f64, 0), figure));
        }
    }
    let surveys = surveys
        .into_iter()
        .map(|s| SurveyRow {
            answers: figures
                .get(&s.id)
                .map_or_else(|| "—".to_owned(), |f| f.0.clone()),
            figure: figures
                .get(&s.id)
                .map_or_else(|| "—".to_owned(), |f| f.1.clone()),
            id: s.id.to_string(),
            name: s.fields.name.to_string(),
            kind: kind_name(s.fields.kind, &tr),
            status: s.fields.status.as_str(),
            status_name: status_name(s.fields.status, &tr),
            touchpoint: touchpoint_label(s.fields.touchpoint_id, &touchpoints),
            public_path: format!("/s/{}", s.public_id),
        })
        .collect();
    Ok(SurveysPage {
        can_edit: m.may(Action::EditJourneys),
        l: m.layout("surveys"),
        surveys,
    })
}

// --- a new survey -----------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "surveys/new.html")]
pub struct NewSurveyPage {
    l: Layout,
    form: FormView,
    /// `(value, name, hint)`.
    kinds: Vec<(&'static str, String, String)>,
    locales: Vec<(&'static str, &'static str)>,
}

fn new_page(m: &Member, form: FormView) -> NewSurveyPage {
    let tr = m.tr();
    NewSurveyPage {
        l: m.layout("surveys"),
        form,
        kinds: SurveyKind::ALL
            .into_iter()
            .map(|k| (k.as_str(), kind_name(k, tr), kind_hint(k, tr)))
            .collect(),
        locales: locale_choices(),
    }
}

fn locale_choices() -> Vec<(&'static str, &'static str)> {
    Locale::ALL
        .into_iter()
        .map(|l| (l.tag(), l.endonym()))
        .collect()
}

#[derive(Debug, Deserialize)]
pub struct NewSurveyInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    default_locale: String,
    /// The touchpoint the survey is made for (from a touchpoint's page), if any.
    #[serde(default)]
    touchpoint_id: String,
}

#[derive(Debug, Deserialize)]
pub struct NewSurveyQuery {
    #[serde(default)]
    touchpoint: String,
}

/// The new survey form; from a touchpoint's page (`?touchpoint=`) the survey is made for it.
pub async fn new_form(
    m: Member,
    Query(q): Query<NewSurveyQuery>,
) -> Result<NewSurveyPage, PageError> {
    m.require(Action::EditJourneys)?;
    let form = FormView::new()
        .with("kind", SurveyKind::Nps.as_str())
        .with("default_locale", m.tr().locale.tag())
        .with("touchpoint_id", q.touchpoint.trim());
    Ok(new_page(&m, form))
}

/// A new survey of `kind`: a draft in the standard wording, in every locale.
fn new_survey_fields(
    name: Name,
    kind: SurveyKind,
    default_locale: Locale,
    business: &str,
) -> Result<SurveyFields, ValidationErrors> {
    SurveyFields {
        name,
        kind,
        scale: kind.default_scale(),
        default_locale,
        question: survey_wording::standard_question(kind, business),
        thank_you: survey_wording::standard_thanks(business),
        follow_ups: Vec::new(),
        touchpoint_id: None,
        status: SurveyStatus::Draft,
        anonymous: false,
        throttle_days: SurveyFields::DEFAULT_THROTTLE_DAYS,
    }
    .validate()
}

/// A fresh public id: 16 hex digits (64 random bits), unguessable and URL-safe.
pub async fn create(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(input): CsrfForm<NewSurveyInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let tr = m.tr().clone();
    let mut e = ValidationErrors::default();
    let name = e.check("name", Name::parse(&input.name));
    let kind = e.check("kind", input.kind.parse::<SurveyKind>());
    let locale = e.check("default_locale", input.default_locale.parse::<Locale>());
    let (Some(name), Some(kind), Some(locale)) = (name, kind, locale) else {
        let form = FormView::new()
            .with("name", &input.name)
            .with("kind", &input.kind)
            .with("default_locale", &input.default_locale)
            .with("touchpoint_id", &input.touchpoint_id)
            .with_errors(&e, &tr);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, new_page(&m, form)).into_response());
    };
    let mut fields =
        new_survey_fields(name, kind, locale, m.workspace.name.as_str()).map_err(|err| {
            tracing::error!(error = %err, "the standard survey wording does not validate");
            PageError::internal(&tr)
        })?;
    // Made from a touchpoint's page: placed there, when the touchpoint is this workspace's.
    if let Ok(tp) = input.touchpoint_id.trim().parse::<TouchpointId>()
        && choices(&state, &m).await?.iter().any(|(id, _)| *id == tp)
    {
        fields.touchpoint_id = Some(tp);
    }
    let survey = surveys::create(state.store.as_ref(), m.workspace.id, &fields)
        .await
        .map_err(|err| PageError::from_store(err, &tr))?;
    Ok(Redirect::to(&format!("{}/surveys/{}", m.base(), survey.id)).into_response())
}

// --- the editor: from a survey or a submission to the form, and back ---------------------------

/// What the editor's form holds, by field name.
type Raw = BTreeMap<String, String>;

fn get<'a>(raw: &'a Raw, key: &str) -> &'a str {
    raw.get(key).map(String::as_str).unwrap_or("")
}

/// The editor's fields for a stored survey.
fn survey_raw(f: &SurveyFields) -> Raw {
    let mut r = Raw::new();
    let mut set = |k: String, v: String| {
        r.insert(k, v);
    };
    set("name".into(), f.name.to_string());
    set("status".into(), f.status.as_str().into());
    set("scale".into(), format!("{}-{}", f.scale.low, f.scale.high));
    set("scale_low".into(), f.scale.low.to_string());
    set("scale_high".into(), f.scale.high.to_string());
    set("default_locale".into(), f.default_locale.tag().into());
    set(
        "touchpoint_id".into(),
        f.touchpoint_id.map(|t| t.to_string()).unwrap_or_default(),
    );
    set(
        "anonymous".into(),
        if f.anonymous { "on" } else { "" }.into(),
    );
    set("throttle_days".into(), f.throttle_days.to_string());
    for l in Locale::ALL {
        let tag = l.tag();
        set(
            format!("question_{tag}"),
            f.question.0.get(&l).cloned().unwrap_or_default(),
        );
        set(
            format!("thank_you_{tag}"),
            f.thank_you.0.get(&l).cloned().unwrap_or_default(),
        );
    }
    set("fu_count".into(), f.follow_ups.len().to_string());
    for (n, fu) in f.follow_ups.iter().enumerate() {
        set(format!("fu{n}_id"), fu.id.to_string());
        set(format!("fu{n}_kind"), follow_up_kind_str(&fu.kind).into());
        if let Some(w) = fu.when {
            set(format!("fu{n}_min"), w.min.to_string());
            set(format!("fu{n}_max"), w.max.to_string());
        }
        let (low, high) = match &fu.kind {
            FollowUpKind::Rating { scale } => (scale.low, scale.high),
            _ => (1, 5),
        };
        set(format!("fu{n}_rating_low"), low.to_string());
        set(format!("fu{n}_rating_high"), high.to_string());
        for l in Locale::ALL {
            let tag = l.tag();
            set(
                format!("fu{n}_prompt_{tag}"),
                fu.prompt.0.get(&l).cloned().unwrap_or_default(),
            );
            if let FollowUpKind::SingleChoice { options }
            | FollowUpKind::MultipleChoice { options } = &fu.kind
            {
                let lines: Vec<&str> = options
                    .iter()
                    .map(|o| o.0.get(&l).map(String::as_str).unwrap_or(""))
                    .collect();
                // Untranslated options stay empty lines, so later lines keep their position.
                let text = lines.join("\n");
                set(
                    format!("fu{n}_options_{tag}"),
                    text.trim_end_matches('\n').to_owned(),
                );
            }
        }
    }
    r
}

/// Cleans a typed text as long text does (line breaks normalised, control characters removed).
fn clean(s: &str) -> String {
    LongText::parse(s)
        .map(String::from)
        .unwrap_or_else(|_| s.trim().to_owned())
}

/// Reads `{prefix}_{tag}` for every locale into a text that must have the default locale.
fn localized(
    e: &mut ValidationErrors,
    raw: &Raw,
    prefix: &str,
    default: Locale,
) -> Option<LocalizedText> {
    let mut texts = BTreeMap::new();
    let mut ok = true;
    for l in Locale::ALL {
        let field = format!("{prefix}_{}", l.tag());
        let v = clean(get(raw, &field));
        if v.chars().count() > LocalizedText::MAX_CHARS {
            e.push(field, Issue::TooLong);
            ok = false;
        }
        texts.insert(l, v);
    }
    if !ok {
        return None;
    }
    match LocalizedText::parse(&texts, default) {
        Ok(t) => Some(t),
        Err(i) => {
            e.push(format!("{prefix}_{}", default.tag()), i);
            None
        }
    }
}

fn parse_scale(kind: SurveyKind, raw: &Raw) -> Result<Scale, Issue> {
    let scale = match kind {
        SurveyKind::Nps => kind.default_scale(),
        SurveyKind::Csat | SurveyKind::Ces => {
            let (low, high) = get(raw, "scale")
                .split_once('-')
                .ok_or(Issue::UnknownValue)?;
            Scale {
                low: low.trim().parse().map_err(|_| Issue::UnknownValue)?,
                high: high.trim().parse().map_err(|_| Issue::UnknownValue)?,
            }
        }
        SurveyKind::Custom => Scale {
            low: get(raw, "scale_low")
                .trim()
                .parse()
                .map_err(|_| Issue::Invalid)?,
            high: get(raw, "scale_high")
                .trim()
                .parse()
                .map_err(|_| Issue::Invalid)?,
        },
    };
    kind.check_scale(scale)
}

fn parse_touchpoint(s: &str, known: &[TouchpointId]) -> Result<Option<TouchpointId>, Issue> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    let id: TouchpointId = s.parse()?;
    if known.contains(&id) {
        Ok(Some(id))
    } else {
        Err(Issue::NotFound)
    }
}

fn parse_days(s: &str) -> Result<u32, Issue> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Issue::Required);
    }
    s.parse().map_err(|_| Issue::Invalid)
}

/// An optional small whole number; `None` when empty.
fn parse_bound(s: &str) -> Result<Option<i16>, Issue> {
    let s = s.trim();
    if s.is_empty() {
        Ok(None)
    } else {
        s.parse().map(Some).map_err(|_| Issue::Invalid)
    }
}

fn slot_is_blank(raw: &Raw, n: usize) -> bool {
    Locale::ALL.into_iter().all(|l| {
        get(raw, &format!("fu{n}_prompt_{}", l.tag()))
            .trim()
            .is_empty()
            && get(raw, &format!("fu{n}_options_{}", l.tag()))
                .trim()
                .is_empty()
    })
}

/// The follow-up slots the form holds: the stored ones and one for a new question.
fn slot_count(raw: &Raw) -> usize {
    get(raw, "fu_count")
        .trim()
        .parse::<usize>()
        .unwrap_or(0)
        .min(MAX_FOLLOW_UPS)
}

/// A choice question's options: lines of the default locale, translated line by line.
fn parse_options(
    e: &mut ValidationErrors,
    raw: &Raw,
    n: usize,
    default: Locale,
) -> Vec<LocalizedText> {
    let base_field = format!("fu{n}_options_{}", default.tag());
    let base: Vec<String> = clean(get(raw, &base_field))
        .lines()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    if base.is_empty() {
        e.push(base_field, Issue::Required);
        return Vec::new();
    }
    if base.len() > MAX_OPTIONS || base.iter().any(|o| o.chars().count() > 200) {
        e.push(base_field, Issue::TooLong);
        return Vec::new();
    }
    let mut options: Vec<BTreeMap<Locale, String>> = base
        .into_iter()
        .map(|o| BTreeMap::from([(default, o)]))
        .collect();
    for l in Locale::ALL.into_iter().filter(|l| *l != default) {
        let field = format!("fu{n}_options_{}", l.tag());
        // Line by line, empty lines included: an empty line leaves that option untranslated.
        let text: String = get(raw, &field)
            .replace("\r\n", "\n")
            .chars()
            .filter(|c| *c == '\n' || !c.is_control())
            .collect();
        let mut lines: Vec<&str> = text.lines().map(str::trim).collect();
        while lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        if lines.len() > options.len() || lines.iter().any(|o| o.chars().count() > 200) {
            e.push(field, Issue::Invalid);
            continue;
        }
        for (o, line) in options.iter_mut().zip(lines) {
            if !line.is_empty() {
                o.insert(l, line.to_owned());
            }
        }
    }
    options.into_iter().map(LocalizedText).collect()
}

/// Reads one follow-up slot.
fn parse_follow_up(
    e: &mut ValidationErrors,
    raw: &Raw,
    n: usize,
    default: Locale,
    scale: Scale,
    seen: &mut BTreeSet<FollowUpId>,
) -> Option<FollowUp> {
    let p = |s: &str| format!("fu{n}_{s}");
    // A stored question keeps its id, so answers already given stay attached to it.
    let id = get(raw, &p("id"))
        .parse::<FollowUpId>()
        .ok()
        .filter(|id| !seen.contains(id))
        .unwrap_or_default();
    seen.insert(id);
    let prompt = localized(e, raw, &p("prompt"), default);
    let kind = match get(raw, &p("kind")) {
        "open_text" | "" => Some(FollowUpKind::OpenText),
        "single_choice" => Some(FollowUpKind::SingleChoice {
            options: parse_options(e, raw, n, default),
        }),
        "multiple_choice" => Some(FollowUpKind::MultipleChoice {
            options: parse_options(e, raw, n, default),
        }),
        "rating" => {
            let low = parse_bound(get(raw, &p("rating_low")));
            let high = parse_bound(get(raw, &p("rating_high")));
            match (low, high) {
                (Ok(low), Ok(high)) => {
                    let scale = Scale {
                        low: low.unwrap_or(1),
                        high: high.unwrap_or(5),
                    };
                    if scale.low < 0 || scale.high > 10 || scale.low >= scale.high {
                        e.push(p("rating"), Issue::Invalid);
                        None
                    } else {
                        Some(FollowUpKind::Rating { scale })
                    }
                }
                _ => {
                    e.push(p("rating"), Issue::Invalid);
                    None
                }
            }
        }
        _ => {
            e.push(p("kind"), Issue::UnknownValue);
            None
        }
    };
    let when = match (
        parse_bound(get(raw, &p("min"))),
        parse_bound(get(raw, &p("max"))),
    ) {
        (Ok(None), Ok(None)) => Some(None),
        (Ok(min), Ok(max)) => Some(Some(ScoreRange {
            min: min.unwrap_or(scale.low),
            max: max.unwrap_or(scale.high),
        })),
        _ => {
            e.push(p("when"), Issue::Invalid);
            None
        }
    };
    Some(FollowUp {
        id,
        prompt: prompt?,
        kind: kind?,
        when: when?,
    })
}

/// Reads the editor's form into a survey definition of `kind`, with every problem named by
/// its form field.
fn parse_survey(
    raw: &Raw,
    kind: SurveyKind,
    touchpoints: &[TouchpointId],
) -> Result<SurveyFields, ValidationErrors> {
    let mut e = ValidationErrors::default();
    let name = e.check("name", Name::parse(get(raw, "name")));
    let status = e.check("status", get(raw, "status").parse::<SurveyStatus>());
    let default_locale = e.check(
        "default_locale",
        get(raw, "default_locale").parse::<Locale>(),
    );
    let scale = e.check("scale", parse_scale(kind, raw));
    let touchpoint_id = e.check(
        "touchpoint_id",
        parse_touchpoint(get(raw, "touchpoint_id"), touchpoints),
    );
    let throttle_days = e.check("throttle_days", parse_days(get(raw, "throttle_days")));
    // Texts are checked against the chosen default even when the choice itself was bad, so
    // that every problem shows at once.
    let dl = default_locale.unwrap_or_default();
    let question = localized(&mut e, raw, "question", dl);
    let thank_you = localized(&mut e, raw, "thank_you", dl);
    let scale_for_rules = scale.unwrap_or_else(|| kind.default_scale());
    let count = slot_count(raw);
    let mut follow_ups = Vec::new();
    let mut slots = Vec::new();
    let mut seen = BTreeSet::new();
    for n in 0..=count {
        if get(raw, &format!("fu{n}_remove")) == "on" {
            continue;
        }
        if n == count && slot_is_blank(raw, n) {
            continue;
        }
        if let Some(f) = parse_follow_up(&mut e, raw, n, dl, scale_for_rules, &mut seen) {
            follow_ups.push(f);
            slots.push(n);
        }
    }
    let (
        Some(name),
        Some(status),
        Some(default_locale),
        Some(scale),
        Some(touchpoint_id),
        Some(throttle_days),
        Some(question),
        Some(thank_you),
        true,
    ) = (
        name,
        status,
        default_locale,
        scale,
        touchpoint_id,
        throttle_days,
        question,
        thank_you,
        e.is_empty(),
    )
    else {
        return Err(e);
    };
    SurveyFields {
        name,
        kind,
        scale,
        default_locale,
        question,
        thank_you,
        follow_ups,
        touchpoint_id,
        status,
        anonymous: get(raw, "anonymous") == "on",
        throttle_days,
    }
    .validate()
    .map_err(|v| form_errors(v, &slots, default_locale))
}

/// Renames the domain's field paths (`follow_ups[2].when`) to the form's (`fu3_when`).
fn form_errors(v: ValidationErrors, slots: &[usize], default: Locale) -> ValidationErrors {
    let mut out = ValidationErrors::default();
    for fe in v.0 {
        let field = fe
            .field
            .strip_prefix("follow_ups[")
            .and_then(|rest| rest.split_once("]."))
            .and_then(|(i, what)| {
                let n = slots.get(i.parse::<usize>().ok()?)?;
                Some(match what {
                    "when" => format!("fu{n}_when"),
                    "options" => format!("fu{n}_options_{}", default.tag()),
                    "scale" => format!("fu{n}_rating"),
                    "prompt" => format!("fu{n}_prompt_{}", default.tag()),
                    _ => format!("fu{n}_kind"),
                })
            })
            .unwrap_or(fe.field);
        out.push(field, fe.issue);
    }
    out
}

// --- the editor page --------------------------------------------------------------------------

/// One locale's text field.
#[derive(Debug)]
pub struct LocText {
    pub field: String,
    pub tag: &'static str,
    pub name: &'static str,
    pub dir: &'static str,
    pub value: String,
    pub error: Option<String>,
    pub is_default: bool,
}

/// One follow-up question's fields.
#[derive(Debug)]
pub struct FollowUpSlot {
    pub n: usize,
    pub id: String,
    pub kind: String,
    pub min: String,
    pub max: String,
    pub rating_low: String,
    pub rating_high: String,
    /// The default locale's prompt, then the others.
    pub prompts: Vec<LocText>,
    pub options: Vec<LocText>,
    pub kind_error: Option<String>,
    pub when_error: Option<String>,
    pub rating_error: Option<String>,
    pub removed: bool,
    /// The translations hold a problem: show them open.
    pub translations_open: bool,
    pub is_new: bool,
    pub open: bool,
}

impl FollowUpSlot {
    pub fn p(&self, what: &str) -> String {
        format!("fu{}_{}", self.n, what)
    }

    pub fn is_kind(&self, kind: &str) -> bool {
        self.kind == kind
    }

    pub fn default_prompt(&self) -> Option<&LocText> {
        self.prompts.first()
    }

    pub fn default_options(&self) -> Option<&LocText> {
        self.options.first()
    }

    pub fn other_prompts(&self) -> &[LocText] {
        self.prompts.get(1..).unwrap_or_default()
    }

    pub fn other_options(&self) -> &[LocText] {
        self.options.get(1..).unwrap_or_default()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "surveys/edit.html")]
pub struct EditSurveyPage {
    l: Layout,
    id: String,
    public_path: String,
    kiosk_path: String,
    /// The tag that puts the survey on the business's own site.
    widget_tag: String,
    live: bool,
    kind: &'static str,
    kind_name: String,
    form: FormView,
    statuses: Vec<(&'static str, String)>,
    /// `(value, label)` of the scales the kind allows (CSAT, CES).
    scales: Vec<(String, String)>,
    locales: Vec<(&'static str, &'static str)>,
    touchpoints: Vec<(String, String)>,
    questions: Vec<LocText>,
    thank_yous: Vec<LocText>,
    follow_ups: Vec<FollowUpSlot>,
    new_follow_up: FollowUpSlot,
    fu_count: usize,
    fu_kinds: Vec<(&'static str, String)>,
    /// The one-click follow-up, worded.
    suggestion: Option<String>,
    previews: Vec<(Locale, String)>,
    can_edit: bool,
    /// May download the answers (not a viewer).
    can_export: bool,
    notice: Option<String>,
    /// The survey's results in the chosen period (not on a form shown again with errors).
    results: Option<crate::surveys::results::SurveyResults>,
    /// The status banner: its words, and whether publishing must ask for a touchpoint.
    status_title: String,
    needs_touchpoint: bool,
    publish_error: Option<String>,
}

/// The locales, the default first.
fn ordered_locales(default: Locale) -> Vec<Locale> {
    std::iter::once(default)
        .chain(Locale::ALL.into_iter().filter(|l| *l != default))
        .collect()
}

fn loc_texts(form: &FormView, prefix: &str, default: Locale) -> Vec<LocText> {
    ordered_locales(default)
        .into_iter()
        .map(|l| {
            let field = format!("{prefix}_{}", l.tag());
            LocText {
                value: form.v(&field).to_owned(),
                error: form.e(&field).map(str::to_owned),
                field,
                tag: l.tag(),
                name: l.endonym(),
                dir: l.direction().as_str(),
                is_default: l == default,
            }
        })
        .collect()
}

fn slot_view(form: &FormView, n: usize, default: Locale, is_new: bool) -> FollowUpSlot {
    let p = |s: &str| format!("fu{n}_{s}");
    let or = |v: &str, d: &str| {
        if v.is_empty() {
            d.to_owned()
        } else {
            v.to_owned()
        }
    };
    let prompts = loc_texts(form, &p("prompt"), default);
    let options = loc_texts(form, &p("options"), default);
    let translations_open = prompts
        .iter()
        .chain(&options)
        .any(|t| !t.is_default && t.error.is_some());
    let kind_error = form.e(&p("kind")).map(str::to_owned);
    let when_error = form.e(&p("when")).map(str::to_owned);
    let rating_error = form.e(&p("rating")).map(str::to_owned);
    let open = translations_open
        || kind_error.is_some()
        || when_error.is_some()
        || rating_error.is_some()
        || prompts.iter().chain(&options).any(|t| t.error.is_some());
    FollowUpSlot {
        n,
        id: form.v(&p("id")).to_owned(),
        kind: or(form.v(&p("kind")), "open_text"),
        min: form.v(&p("min")).to_owned(),
        max: form.v(&p("max")).to_owned(),
        rating_low: or(form.v(&p("rating_low")), "1"),
        rating_high: or(form.v(&p("rating_high")), "5"),
        prompts,
        options,
        kind_error,
        when_error,
        rating_error,
        removed: form.v(&p("remove")) == "on",
        translations_open,
        is_new,
        open,
    }
}

fn raw_form(raw: &Raw) -> FormView {
    raw.iter().fold(FormView::new(), |f, (k, v)| f.with(k, v))
}

/// The editor for `survey`, showing `form` (the stored values, or what was typed).
fn edit_page(
    m: &Member,
    survey: &Survey,
    form: FormView,
    touchpoints: &[(TouchpointId, String)],
    notice: Option<String>,
) -> EditSurveyPage {
    let tr = m.tr();
    let f = &survey.fields;
    let default = form
        .v("default_locale")
        .parse::<Locale>()
        .unwrap_or(f.default_locale);
    let fu_count = form
        .v("fu_count")
        .parse::<usize>()
        .unwrap_or(0)
        .min(MAX_FOLLOW_UPS);
    let scales = match f.kind {
        SurveyKind::Csat => vec![(1, 3), (1, 5), (1, 7)],
        SurveyKind::Ces => vec![(1, 5), (1, 7)],
        SurveyKind::Nps | SurveyKind::Custom => Vec::new(),
    }
    .into_iter()
    .map(|(lo, hi): (i16, i16)| (format!("{lo}-{hi}"), format!("{lo}–{hi}")))
    .collect();
    let base = format!("{}/surveys/{}", m.base(), survey.id);
    EditSurveyPage {
        l: m.layout("surveys"),
        id: survey.id.to_string(),
        public_path: format!("/s/{}", survey.public_id),
        kiosk_path: format!("/k/{}", survey.public_id),
        widget_tag: format!(
            "<script src=\"{}/widget/{}.js\" async></script>",
            m.visitor.origin, survey.public_id
        ),
        live: f.status == SurveyStatus::Live,
        kind: f.kind.as_str(),
        kind_name: kind_name(f.kind, tr),
        statuses: SurveyStatus::ALL
            .into_iter()
            .map(|s| (s.as_str(), status_name(s, tr)))
            .collect(),
        scales,
        locales: locale_choices(),
        touchpoints: touchpoints
            .iter()
            .map(|(id, label)| (id.to_string(), label.clone()))
            .collect(),
        questions: loc_texts(&form, "question", default),
        thank_yous: loc_texts(&form, "thank_you", default),
        follow_ups: (0..fu_count)
            .map(|n| slot_view(&form, n, default, false))
            .collect(),
        new_follow_up: slot_view(&form, fu_count, default, true),
        fu_count,
        fu_kinds: FOLLOW_UP_KINDS
            .into_iter()
            .map(|k| (k, follow_up_kind_name(k, tr)))
            .collect(),
        suggestion: suggestion(f).map(|r| {
            tr.ta(
                "survey-suggest",
                &[
                    ("question", tr.t("survey-std-improve")),
                    ("low", r.min.to_string()),
                    ("high", r.max.to_string()),
                ],
            )
        }),
        previews: Locale::ALL
            .into_iter()
            .filter(|l| f.question.has(*l))
            .map(|l| (l, format!("{base}/preview?lang={}", l.tag())))
            .collect(),
        can_edit: m.may(Action::EditJourneys),
        can_export: m.may(Action::ReadResponses),
        notice,
        results: None,
        status_title: tr.t(&format!("survey-banner-{}", f.status.as_str())),
        needs_touchpoint: f.touchpoint_id.is_none() && !touchpoints.is_empty(),
        publish_error: None,
        form,
    }
}

async fn load(state: &AppState, m: &Member, id: &str) -> Result<Survey, PageError> {
    let id: SurveyId = parse_id(id, m.tr())?;
    state
        .store
        .survey(m.workspace.id, id)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))
}

/// True when at least one response was stored for the survey (one row read, not all).
async fn choices(state: &AppState, m: &Member) -> Result<Vec<(TouchpointId, String)>, PageError> {
    touchpoint_choices(state, m.workspace.id)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))
}

/// A survey's page: its status and the one action that publishes it, its results in the
/// chosen period, the ways to share it, and the builder.
pub async fn edit(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<crate::surveys::results::SurveyPageQuery>,
) -> Result<EditSurveyPage, PageError> {
    let survey = load(&state, &m, &id).await?;
    let touchpoints = choices(&state, &m).await?;
    let notice = match q.saved.as_str() {
        "" => None,
        "published" => Some(m.tr().t("survey-published")),
        _ => Some(m.tr().t("survey-saved")),
    };
    let results = crate::surveys::results::survey_results(&state, &m, &survey, &q).await?;
    let form = raw_form(&survey_raw(&survey.fields));
    let mut page = edit_page(&m, &survey, form, &touchpoints, notice);
    page.results = Some(results);
    Ok(page)
}

#[derive(Debug, Deserialize)]
pub struct PublishInput {
    #[serde(default)]
    touchpoint_id: String,
}

/// "Publish": makes the survey live, asking only for a touchpoint when it has none.
pub async fn publish(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(input): CsrfForm<PublishInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let survey = load(&state, &m, &id).await?;
    let tr = m.tr().clone();
    let touchpoints = choices(&state, &m).await?;
    let refuse = |issue: Issue| {
        let mut page = edit_page(
            &m,
            &survey,
            raw_form(&survey_raw(&survey.fields)),
            &touchpoints,
            None,
        );
        page.publish_error = Some(tr.issue(issue));
        page.needs_touchpoint = true;
        (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
    };
    let touchpoint = match input.touchpoint_id.trim() {
        "" => None,
        raw => match raw.parse::<TouchpointId>() {
            Ok(t) if touchpoints.iter().any(|(id, _)| *id == t) => Some(t),
            _ => return Ok(refuse(Issue::NotFound)),
        },
    };
    match surveys::publish(state.store.as_ref(), m.workspace.id, &survey, touchpoint).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "{}/surveys/{}?saved=published",
            m.base(),
            survey.id
        ))
        .into_response()),
        Err(surveys::PublishRefused::NeedsTouchpoint) => Ok(refuse(Issue::Required)),
        Err(surveys::PublishRefused::Store(StoreError::Conflict(ConflictKind::StaleReference))) => {
            Ok(refuse(Issue::NotFound))
        }
        Err(surveys::PublishRefused::Store(e)) => Err(PageError::from_store(e, &tr)),
    }
}

/// A survey's responses as a file: `csv` (with a byte-order mark, so spreadsheets read
/// Arabic and Welsh correctly; `taith import` accepts it) or `json`.
pub async fn export_csv(
    state: State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    export(state, m, id, "csv").await
}

pub async fn export_json(
    state: State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    export(state, m, id, "json").await
}

async fn export(
    State(state): State<AppState>,
    m: Member,
    id: String,
    format: &str,
) -> Result<Response, PageError> {
    m.require(Action::ReadResponses)?;
    let survey = load(&state, &m, &id).await?;
    let tr = m.tr();
    let rows =
        taith_app::responses::files::export_rows(state.store.as_ref(), m.workspace.id, &survey)
            .await
            .map_err(|e| PageError::from_store(e, tr))?;
    let (body, content_type) = match format {
        "csv" => (
            format!("\u{feff}{}", taith_domain::csv::write_responses_csv(&rows)),
            "text/csv; charset=utf-8",
        ),
        "json" => (
            taith_domain::csv::write_responses_json(&rows).map_err(|_| PageError::internal(tr))?,
            "application/json",
        ),
        _ => return Err(PageError::not_found(tr)),
    };
    let name = format!(
        "responses-{}.{}",
        survey.public_id,
        format.trim_start_matches("export.")
    );
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, content_type.to_owned()),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response())
}

pub async fn update(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let survey = load(&state, &m, &id).await?;
    let tr = m.tr().clone();
    let raw: Raw = pairs.into_iter().collect();
    let touchpoints = choices(&state, &m).await?;
    let ids: Vec<TouchpointId> = touchpoints.iter().map(|(id, _)| *id).collect();
    let rerender = |form: FormView| {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            edit_page(&m, &survey, form, &touchpoints, None),
        )
            .into_response()
    };
    let fields = match parse_survey(&raw, survey.fields.kind, &ids) {
        Ok(f) => f,
        Err(e) => return Ok(rerender(raw_form(&raw).with_errors(&e, &tr))),
    };
    match surveys::update(state.store.as_ref(), m.workspace.id, &survey, &fields).await {
        Ok(_) => Ok(
            Redirect::to(&format!("{}/surveys/{}?saved=1", m.base(), survey.id)).into_response(),
        ),
        // Scores on another scale would not add up with the ones already given.
        Err(ChangeRefused::ScaleLocked) => Ok(rerender(
            raw_form(&raw).error_message("scale", tr.t("survey-scale-locked")),
        )),
        // The touchpoint was deleted from its journey since the form was shown.
        Err(ChangeRefused::Store(StoreError::Conflict(ConflictKind::StaleReference))) => {
            Ok(rerender(raw_form(&raw).with_errors(
                &ValidationErrors::one("touchpoint_id", Issue::NotFound),
                &tr,
            )))
        }
        Err(ChangeRefused::Store(e)) => Err(PageError::from_store(e, &tr)),
    }
}

/// Adds the suggested "What should we improve?" for unhappy scores, in every locale.
pub async fn suggest(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let survey = load(&state, &m, &id).await?;
    let tr = m.tr();
    let to_editor = Redirect::to(&format!("{}/surveys/{}", m.base(), survey.id)).into_response();
    let Some(range) = suggestion(&survey.fields) else {
        return Ok(to_editor);
    };
    let mut fields = survey.fields.clone();
    fields.follow_ups.push(FollowUp {
        id: FollowUpId::new(),
        prompt: survey_wording::standard_text(
            survey_wording::IMPROVE_KEY,
            m.workspace.name.as_str(),
        ),
        kind: FollowUpKind::OpenText,
        when: Some(range),
    });
    let fields = fields.validate().map_err(|_| PageError::conflict(tr))?;
    state
        .store
        .update_survey(m.workspace.id, survey.id, &fields)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    Ok(to_editor)
}

pub async fn delete(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    m.require(Action::EditJourneys)?;
    let survey = load(&state, &m, &id).await?;
    let tr = m.tr();
    match surveys::delete(state.store.as_ref(), m.workspace.id, survey.id).await {
        Ok(()) => Ok(Redirect::to(&format!("{}/surveys", m.base())).into_response()),
        Err(StoreError::Conflict(ConflictKind::HasResponses)) => {
            let touchpoints = choices(&state, &m).await?;
            let form = raw_form(&survey_raw(&survey.fields));
            let notice = Some(tr.t("survey-delete-has-responses"));
            Ok((
                StatusCode::CONFLICT,
                edit_page(&m, &survey, form, &touchpoints, notice),
            )
                .into_response())
        }
        Err(e) => Err(PageError::from_store(e, tr)),
    }
}

// --- preview ----------------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
pub struct PreviewQuery {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    score: Option<String>,
    #[serde(default)]
    done: String,
}

/// The respondent's pages as they will look, in one locale; nothing is recorded. The forms
/// go back here with GET: the score shows its follow-ups, those show the thank-you.
pub async fn preview(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<PreviewQuery>,
) -> Result<Response, PageError> {
    let survey = load(&state, &m, &id).await?;
    let locale = respond::offered_locale(&survey, Locale::from_tag(&q.lang))
        .unwrap_or(survey.fields.default_locale);
    let base = format!("{}/surveys/{}/preview", m.base(), survey.id);
    Ok(respond::preview(
        &survey,
        m.workspace.name.as_str(),
        locale,
        &base,
        q.score.as_deref(),
        !q.done.is_empty(),
    ))
}
