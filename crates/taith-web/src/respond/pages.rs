//! The public pages a respondent answers a survey on (`/s/{public_id}`): the score, then the
//! follow-up questions that apply to it with a comment box, then the thank-you.
//!
//! No sign-in, no JavaScript needed, no third-party requests; `lang` and `dir` follow the
//! respondent's locale. The score is stored (through the group-commit writer) as soon as it
//! is sent, so it counts even if the follow-ups never come.
//!
//! CSRF: these forms are shown before any sign-in, so they use the same double-submit cookie
//! as the set-up and sign-in forms (`taith_csrf`, HttpOnly, SameSite=Lax): the page carries the
//! cookie's value in a hidden field and a submission must echo it. When the browser is signed
//! in, the session's token is used instead, exactly as `CsrfForm` expects. No server-side state
//! is kept for a respondent, and the check fails closed: a missing or different token shows the
//! form again with a fresh token and a message, and stores nothing.

use crate::AppState;
use crate::account::pages::cookie_header;
use crate::http::ctx::{PRE_SESSION_CSRF_COOKIE, Visitor};
use crate::http::page_error::PageError;
use askama::Template;
use askama_web::WebTemplate;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use std::collections::BTreeMap;
use taith_app::account::secrets::{constant_time_eq, random_secret};
use taith_app::responses::check::{self, Given};
use taith_domain::invitation::Invitation;
use taith_domain::survey::{
    Answer, FollowUpKind, LocalizedText, MAX_CLIENT_KEY_CHARS, MAX_COMMENT_CHARS, parse_comment,
};
use taith_domain::{
    Channel, CustomerId, Issue, Locale, LongText, NewResponse, ResponseId, Survey, SurveyKind,
    SurveyStatus, WorkspaceId,
};
use taith_i18n::Tr;
use taith_i18n::survey_wording::point_labels;
use taith_store::{ResponseToStore, StoreError};

pub use taith_app::responses::check::MAX_TEXT_ANSWER_CHARS;

/// How long the double-submit cookie lasts when a survey page sets it: long enough for a page
/// left open in a tab, or an e-mail link opened days later.
const CSRF_COOKIE_SECS: i64 = 7 * 86_400;

// --- the frame ----------------------------------------------------------------------------------

/// What every respondent page's frame needs (`templates/respond_base.html`).
#[derive(Debug, Clone)]
pub struct Frame {
    pub t: Tr,
    pub title: String,
    pub business: String,
    /// A member looking at the preview: nothing is recorded.
    pub preview: bool,
    /// Links to this page in the other locales the survey is written in.
    pub languages: Vec<(Locale, String)>,
    /// Kiosk mode: the page fills the screen and goes back to the start by itself.
    pub kiosk: bool,
    /// How a kiosk page goes back to the start for the next customer.
    pub reset: Option<Reset>,
    /// Inside the widget's frame on the business's own site: compact, and the page tells the
    /// frame its height.
    pub embed: bool,
    /// Inside the widget's frame: the survey and chat tabs.
    pub tabs: Vec<EmbedTab>,
}

/// A tab of the widget's frame: the survey, or the chat with the business.
#[derive(Debug, Clone)]
pub struct EmbedTab {
    pub label: String,
    pub href: String,
    pub current: bool,
}

/// The widget frame's tabs for the survey `public_id`, in `locale`.
pub fn embed_tabs(t: &Tr, public_id: &str, locale: Locale, chat: bool) -> Vec<EmbedTab> {
    vec![
        EmbedTab {
            label: t.t("chat-tab-survey"),
            href: format!("/e/{public_id}?lang={}", locale.tag()),
            current: !chat,
        },
        EmbedTab {
            label: t.t("chat-tab-chat"),
            href: format!("/e/{public_id}/chat?lang={}", locale.tag()),
            current: chat,
        },
    ]
}

impl Frame {
    fn new(t: Tr, business: &str, preview: bool, languages: Vec<(Locale, String)>) -> Frame {
        Frame {
            title: t.plain().t1("respond-title", "business", business),
            business: business.to_owned(),
            t,
            preview,
            languages,
            kiosk: false,
            reset: None,
            embed: false,
            tabs: Vec::new(),
        }
    }

    /// The frame of the widget's chat tab: compact, titled in the visitor's language.
    pub fn chat(t: Tr, business: &str, public_id: &str, locale: Locale) -> Frame {
        let mut frame = Frame::new(t, business, false, Vec::new());
        frame.title = frame.t.t1("chat-title", "business", business);
        frame.embed = true;
        frame.tabs = embed_tabs(&frame.t, public_id, locale, true);
        frame
    }

    /// The frame of a kiosk page, which returns to `start` as `countdown` says.
    fn in_kiosk(mut self, start: String, countdown: Countdown) -> Frame {
        self.kiosk = true;
        self.reset = Reset::new(&self.t, start, countdown);
        self
    }

    pub fn is_current(&self, l: &Locale) -> bool {
        *l == self.t.locale
    }
}

/// When a kiosk page starts again for the next customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Countdown {
    /// Not by itself: the start page in the kiosk's own language, or a page about the survey
    /// rather than an answer (starting again would show it again).
    Never,
    /// After [`KIOSK_IDLE_SECS`] without a touch: someone may have walked away half-way.
    AfterIdle,
    /// At once: the answer is in (the thank-you).
    AtOnce,
}

/// How a kiosk page goes back to the start (`assets/kiosk.js`, read by `templates/respond/
/// base.html`): after `idle` seconds without a touch or a key, a visible countdown of `warn`
/// seconds, which "I need more time" (or any touch) puts off by `more` seconds — as often as
/// wanted (WCAG 2.2.1: a time limit the visitor can extend, at least 20 seconds' warning).
///
/// Without JavaScript there is no countdown to extend: a refresh inside `<noscript>` goes back
/// after `fallback` seconds, and the thank-you has a "Next customer" link (docs/kiosk.md). With
/// JavaScript on, that refresh is never part of the page, so accessibility checkers, which
/// flag a `<meta http-equiv="refresh">`, see none.
#[derive(Debug, Clone)]
pub struct Reset {
    /// The kiosk's start page.
    pub url: String,
    pub idle: u32,
    pub warn: u32,
    pub more: u32,
    pub fallback: u32,
    /// The countdown's words for 1 to `warn` seconds (Fluent's plural forms, the locale's
    /// digits), as a JSON list, so the script needs no translations of its own.
    pub countdown: String,
}

impl Reset {
    fn new(t: &Tr, url: String, when: Countdown) -> Option<Reset> {
        let (idle, fallback) = match when {
            Countdown::Never => return None,
            Countdown::AfterIdle => (KIOSK_IDLE_SECS, KIOSK_NOSCRIPT_IDLE_SECS),
            Countdown::AtOnce => (0, KIOSK_WARN_SECS),
        };
        let words: Vec<String> = (1..=i64::from(KIOSK_WARN_SECS))
            .map(|n| t.digits(&t.tn("kiosk-countdown", "seconds", n)))
            .collect();
        Some(Reset {
            url,
            idle,
            warn: KIOSK_WARN_SECS,
            more: KIOSK_IDLE_SECS,
            fallback,
            countdown: serde_json::to_string(&words).unwrap_or_default(),
        })
    }
}

/// Where the page's forms and links go: the live survey, or the builder's preview.
#[derive(Debug, Clone, Copy)]
enum Mode<'a> {
    Live {
        surface: Surface,
        public_id: &'a str,
        /// Where the score form posts.
        action: &'a str,
        /// The double-submit token, on surfaces that use the cookie.
        csrf: Option<&'a str>,
    },
    Preview {
        base: &'a str,
    },
}

/// The hidden CSRF field, where the surface uses one.
fn csrf_field(csrf: Option<&str>) -> Option<(&'static str, String)> {
    csrf.map(|c| ("csrf", c.to_owned()))
}

// --- locales ------------------------------------------------------------------------------------

/// `l`, when the survey's question is written in it.
pub fn offered_locale(survey: &Survey, l: Option<Locale>) -> Option<Locale> {
    l.filter(|l| survey.fields.question.has(*l))
}

fn offered_locales(survey: &Survey) -> Vec<Locale> {
    Locale::ALL
        .into_iter()
        .filter(|l| survey.fields.question.has(*l))
        .collect()
}

/// The respondent's locale, among those the survey is written in: `?lang=`, then Accept-Language
/// in order of preference, then the survey's default.
fn respondent_locale(survey: &Survey, asked: &str, headers: &HeaderMap) -> Locale {
    customer_locale(survey, asked, None, headers)
}

/// The respondent's locale for a known customer, among those the survey is written in:
/// `?lang=`, then the customer's language (an invitation's), then Accept-Language in order of
/// preference, then the survey's default.
pub fn customer_locale(
    survey: &Survey,
    asked: &str,
    customer: Option<Locale>,
    headers: &HeaderMap,
) -> Locale {
    if let Some(l) = offered_locale(survey, Locale::from_tag(asked)) {
        return l;
    }
    if let Some(l) = offered_locale(survey, customer) {
        return l;
    }
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mut wanted: Vec<(f32, usize, Locale)> = accept
        .split(',')
        .take(32)
        .enumerate()
        .filter_map(|(i, entry)| {
            // `negotiate` on one entry reads its tag and skips a zero or unreadable weight.
            let l = Locale::negotiate(entry)?;
            let q = Locale::accept_weight(entry)?;
            Some((q, i, l))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    wanted
        .into_iter()
        .map(|(_, _, l)| l)
        .find(|l| survey.fields.question.has(*l))
        .unwrap_or(survey.fields.default_locale)
}

/// A text in the respondent's locale (or the survey's default), with the locale it is
/// written in, for its `lang` attribute.
fn shown(text: &LocalizedText, locale: Locale, default: Locale) -> (String, &'static str) {
    let written_in = [locale, default]
        .into_iter()
        .find(|l| text.0.contains_key(l))
        .or_else(|| text.0.keys().next().copied())
        .unwrap_or(locale);
    (text.get(locale, default).to_owned(), written_in.tag())
}

// --- the score page -----------------------------------------------------------------------------

#[derive(Debug)]
pub struct Point {
    pub value: i16,
    /// The visible label (CSAT and CES points).
    pub label: String,
    /// Words for screen readers only (the NPS end points' meaning).
    pub sr: String,
    pub checked: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "respond/score.html")]
pub struct ScorePage {
    r: Frame,
    method: &'static str,
    action: String,
    hidden: Vec<(&'static str, String)>,
    question: String,
    question_lang: &'static str,
    /// `nps`, `labelled` or `numbers`.
    layout: &'static str,
    points: Vec<Point>,
    low_label: String,
    high_label: String,
    error: Option<String>,
    /// One tap per score (the kiosk): each point is a button that sends the form, so no
    /// "Send" button, and no script, is needed.
    tap: bool,
}

fn score_page(
    survey: &Survey,
    frame: Frame,
    mode: Mode<'_>,
    key: &str,
    chosen: Option<&str>,
    error: Option<String>,
) -> ScorePage {
    let tr = frame.t.clone();
    let f = &survey.fields;
    let (question, question_lang) = shown(&f.question, tr.locale, f.default_locale);
    let labels = point_labels(f.kind, f.scale.high, &tr);
    let (layout, low_label, high_label) = match f.kind {
        SurveyKind::Nps => ("nps", tr.t("respond-nps-low"), tr.t("respond-nps-high")),
        _ if !labels.is_empty() => ("labelled", String::new(), String::new()),
        _ => ("numbers", String::new(), String::new()),
    };
    let points = f
        .scale
        .points()
        .enumerate()
        .map(|(i, value)| {
            let sr = if value == f.scale.low {
                low_label.clone()
            } else if value == f.scale.high {
                high_label.clone()
            } else {
                String::new()
            };
            Point {
                value,
                label: labels.get(i).cloned().unwrap_or_default(),
                sr,
                checked: chosen.is_some_and(|c| c.trim() == value.to_string()),
            }
        })
        .collect();
    let lang = ("lang", tr.locale.tag().to_owned());
    let (method, action, hidden) = match mode {
        Mode::Live { action, csrf, .. } => {
            let mut hidden: Vec<_> = csrf_field(csrf).into_iter().collect();
            hidden.extend([("k", key.to_owned()), lang]);
            ("post", action.to_owned(), hidden)
        }
        Mode::Preview { base } => ("get", base.to_owned(), vec![lang]),
    };
    ScorePage {
        tap: frame.kiosk,
        r: frame,
        method,
        action,
        hidden,
        question,
        question_lang,
        layout,
        points,
        low_label,
        high_label,
        error,
    }
}

// --- the follow-up page -------------------------------------------------------------------------

#[derive(Debug)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Debug)]
pub struct QuestionView {
    /// The form field's name and the control's id: `f-{follow-up id}`.
    pub name: String,
    pub prompt: String,
    pub lang: &'static str,
    /// `open_text`, `single_choice`, `multiple_choice` or `rating`.
    pub kind: &'static str,
    pub text: String,
    pub choices: Vec<Choice>,
    pub error: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "respond/follow_up.html")]
pub struct FollowUpPage {
    r: Frame,
    method: &'static str,
    action: String,
    hidden: Vec<(&'static str, String)>,
    questions: Vec<QuestionView>,
    comment: String,
    comment_error: Option<String>,
    /// A message above the form (errors, an expired form).
    alert: Option<String>,
    skip_href: String,
}

/// What a respondent typed, as sent (a multiple choice sends its name once per ticked box).
type Typed = Vec<(String, String)>;

fn values<'a>(typed: &'a Typed, name: &str) -> Vec<&'a str> {
    typed
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
        .collect()
}

fn first<'a>(typed: &'a Typed, name: &str) -> &'a str {
    typed
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

fn question_views(
    survey: &Survey,
    score: i16,
    locale: Locale,
    typed: &Typed,
    errors: &BTreeMap<String, String>,
) -> Vec<QuestionView> {
    let default = survey.fields.default_locale;
    survey
        .follow_ups_for(score)
        .map(|f| {
            let name = format!("f-{}", f.id);
            let given = values(typed, &name);
            let (prompt, lang) = shown(&f.prompt, locale, default);
            let choice = |value: String, label: String| Choice {
                checked: given.contains(&value.as_str()),
                value,
                label,
            };
            let (kind, choices) = match &f.kind {
                FollowUpKind::OpenText => ("open_text", Vec::new()),
                FollowUpKind::SingleChoice { options }
                | FollowUpKind::MultipleChoice { options } => (
                    if matches!(f.kind, FollowUpKind::SingleChoice { .. }) {
                        "single_choice"
                    } else {
                        "multiple_choice"
                    },
                    options
                        .iter()
                        .enumerate()
                        .map(|(i, o)| choice(i.to_string(), o.get(locale, default).to_owned()))
                        .collect(),
                ),
                FollowUpKind::Rating { scale } => (
                    "rating",
                    scale
                        .points()
                        .map(|p| choice(p.to_string(), p.to_string()))
                        .collect(),
                ),
            };
            QuestionView {
                text: if kind == "open_text" {
                    first(typed, &name).to_owned()
                } else {
                    String::new()
                },
                error: errors.get(&name).cloned(),
                name,
                prompt,
                lang,
                kind,
                choices,
            }
        })
        .collect()
}

struct FollowUpForm<'a> {
    typed: &'a Typed,
    errors: &'a BTreeMap<String, String>,
    alert: Option<String>,
}

fn follow_up_page(
    survey: &Survey,
    frame: Frame,
    mode: Mode<'_>,
    response: ResponseId,
    score: i16,
    form: FollowUpForm<'_>,
) -> FollowUpPage {
    let locale = frame.t.locale;
    let lang = ("lang", locale.tag().to_owned());
    let (method, action, hidden, skip_href) = match mode {
        Mode::Live {
            surface,
            public_id,
            csrf,
            ..
        } => {
            let pages = surface.pages();
            let mut hidden: Vec<_> = csrf_field(csrf).into_iter().collect();
            hidden.push(lang);
            (
                "post",
                format!("/{pages}/{public_id}/r/{response}"),
                hidden,
                format!("/{pages}/{public_id}/r/{response}/thanks"),
            )
        }
        Mode::Preview { base } => (
            "get",
            base.to_owned(),
            vec![lang, ("score", score.to_string()), ("done", "1".to_owned())],
            format!("{base}?lang={}&done=1", locale.tag()),
        ),
    };
    FollowUpPage {
        questions: question_views(survey, score, locale, form.typed, form.errors),
        comment: first(form.typed, "comment").to_owned(),
        comment_error: form.errors.get("comment").cloned(),
        alert: form.alert,
        r: frame,
        method,
        action,
        hidden,
        skip_href,
    }
}

/// Reads the follow-up answers (only those of questions asked after `score`) and the comment.
/// An unanswered question is left out; a bad answer is an error worded for the respondent.
fn parse_answers(
    survey: &Survey,
    score: i16,
    typed: &Typed,
    tr: &Tr,
) -> Result<(Vec<Answer>, LongText), BTreeMap<String, String>> {
    let mut answers = Vec::new();
    let mut errors = BTreeMap::new();
    for f in survey.follow_ups_for(score) {
        let name = format!("f-{}", f.id);
        let given = values(typed, &name);
        let Some(one) = given.first().copied() else {
            continue;
        };
        let number = |v: &str| v.trim().parse::<i64>().ok();
        let read = match (&f.kind, given.as_slice()) {
            (FollowUpKind::OpenText, _) => Given::Text(one),
            (FollowUpKind::MultipleChoice { .. }, all) => all
                .iter()
                .map(|v| number(v))
                .collect::<Option<Vec<i64>>>()
                .map_or(Given::Unreadable, Given::Numbers),
            (_, [_]) => number(one).map_or(Given::Unreadable, Given::Number),
            // Two values for a question that takes one.
            (_, _) => Given::Unreadable,
        };
        match check::answer(f, &read) {
            Ok(Some(value)) => answers.push(Answer {
                follow_up_id: f.id,
                value,
            }),
            Ok(None) => {}
            Err(issue) => {
                let message = match (&f.kind, issue) {
                    (FollowUpKind::OpenText, Issue::TooLong) => {
                        tr.tn("respond-text-too-long", "max", MAX_TEXT_ANSWER_CHARS as i64)
                    }
                    (FollowUpKind::Rating { scale }, _) => tr.ta(
                        "respond-score-off-scale",
                        &[
                            ("low", scale.low.to_string()),
                            ("high", scale.high.to_string()),
                        ],
                    ),
                    // A choice that is not an option is worded as such for a respondent.
                    (
                        FollowUpKind::SingleChoice { .. } | FollowUpKind::MultipleChoice { .. },
                        _,
                    ) => tr.issue(Issue::UnknownValue),
                    (_, issue) => tr.issue(issue),
                };
                errors.insert(name, message);
            }
        }
    }
    let comment = match parse_comment(first(typed, "comment")) {
        Ok(c) => c,
        Err(Issue::TooLong) => {
            errors.insert(
                "comment".to_owned(),
                tr.tn("respond-text-too-long", "max", MAX_COMMENT_CHARS as i64),
            );
            LongText::empty()
        }
        Err(i) => {
            errors.insert("comment".to_owned(), tr.issue(i));
            LongText::empty()
        }
    };
    if errors.is_empty() {
        Ok((answers, comment))
    } else {
        Err(errors)
    }
}

// --- the thank-you and message pages ------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "respond/thanks.html")]
pub struct ThanksPage {
    r: Frame,
    text: String,
    text_lang: &'static str,
}

fn thanks_page(survey: &Survey, frame: Frame) -> ThanksPage {
    let (text, text_lang) = shown(
        &survey.fields.thank_you,
        frame.t.locale,
        survey.fields.default_locale,
    );
    ThanksPage {
        r: frame,
        text,
        text_lang,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "respond/message.html")]
pub struct MessagePage {
    r: Frame,
    heading: String,
    message: String,
}

/// No survey at this address (or a response that is not this survey's).
pub(crate) fn unknown(v: &Visitor) -> Response {
    let t = v.tr.clone();
    let page = MessagePage {
        heading: t.t("respond-unknown-title"),
        message: t.t("respond-unknown"),
        r: Frame {
            title: t.t("respond-unknown-title"),
            business: String::new(),
            t,
            preview: false,
            languages: Vec::new(),
            kiosk: false,
            reset: None,
            embed: false,
            tabs: Vec::new(),
        },
    };
    (StatusCode::NOT_FOUND, page).into_response()
}

/// A survey that is not taking answers: a draft (not there yet, 404) or closed (410).
fn not_open(survey: &Survey, frame: Frame) -> Response {
    let t = frame.t.clone();
    let (status, heading, message) = match survey.fields.status {
        SurveyStatus::Closed => (
            StatusCode::GONE,
            t.t("respond-closed-title"),
            t.t("respond-closed"),
        ),
        _ => (
            StatusCode::NOT_FOUND,
            t.t("respond-not-open-title"),
            t.t("respond-not-open"),
        ),
    };
    (
        status,
        MessagePage {
            r: frame,
            heading,
            message,
        },
    )
        .into_response()
}

// --- loading and protecting -------------------------------------------------------------------

/// A survey found by its public address, with its workspace and the business's name.
pub(crate) struct Found {
    pub(crate) ws: WorkspaceId,
    pub(crate) survey: Survey,
    pub(crate) business: String,
}

pub(crate) async fn find(
    state: &AppState,
    public_id: &str,
    v: &Visitor,
) -> Result<Option<Found>, PageError> {
    let plausible = !public_id.is_empty()
        && public_id.len() <= 64
        && public_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !plausible {
        return Ok(None);
    }
    let (ws, survey) = match state.store.survey_by_public_id(public_id).await {
        Ok(found) => found,
        Err(StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(PageError::from_store(e, &v.tr)),
    };
    let business = state
        .store
        .workspace(ws)
        .await
        .map_err(|e| PageError::from_store(e, &v.tr))?
        .name
        .to_string();
    Ok(Some(Found {
        ws,
        survey,
        business,
    }))
}

/// The survey's response `id`, if it is one of this survey's.
async fn find_response(
    state: &AppState,
    found: &Found,
    id: &str,
    v: &Visitor,
) -> Result<Option<NewResponse>, PageError> {
    let Ok(id) = id.parse::<ResponseId>() else {
        return Ok(None);
    };
    match state.store.response(found.ws, id).await {
        Ok(r) if r.survey_id == found.survey.id => Ok(Some(r)),
        Ok(_) | Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(PageError::from_store(e, &v.tr)),
    }
}

/// The token this browser's forms carry, and the cookie to set when it has none yet.
pub(crate) fn csrf_for(state: &AppState, v: &Visitor) -> (String, Option<HeaderValue>) {
    match v.csrf_token() {
        Some(t) if !t.is_empty() => (t.to_owned(), None),
        _ => {
            let t = random_secret();
            let c = cookie_header(state, PRE_SESSION_CSRF_COOKIE, &t, CSRF_COOKIE_SECS);
            (t, Some(c))
        }
    }
}

pub(crate) fn csrf_ok(sent: &str, v: &Visitor) -> bool {
    matches!(v.csrf_token(), Some(expected) if !expected.is_empty() && constant_time_eq(sent, expected))
}

/// The client's idempotency key from the form, or a fresh one when it is missing or odd.
fn client_key(sent: &str) -> String {
    let ok = (16..=MAX_CLIENT_KEY_CHARS).contains(&sent.len())
        && sent
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok { sent.to_owned() } else { random_secret() }
}

/// Respondent pages hold a per-browser token: never kept by shared caches.
fn finish(mut r: Response, cookie: Option<HeaderValue>) -> Response {
    if let Some(c) = cookie {
        r.headers_mut().append(header::SET_COOKIE, c);
    }
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    r
}

fn frame_for(found: &Found, locale: Locale, languages: Vec<(Locale, String)>) -> Frame {
    Frame::new(Tr::new(locale), &found.business, false, languages)
}

fn language_links(survey: &Survey, href: impl Fn(Locale) -> String) -> Vec<(Locale, String)> {
    offered_locales(survey)
        .into_iter()
        .map(|l| (l, href(l)))
        .collect()
}

fn answered(r: &NewResponse) -> bool {
    !r.answers.is_empty() || !r.comment.is_empty()
}

/// A score on its way to the store, with what the surface knows about who gave it.
struct ScoreToStore {
    score: i16,
    locale: Locale,
    /// The idempotency key: a resent form (or a second click on an e-mail's button) finds
    /// the response stored the first time.
    key: String,
    channel: Channel,
    /// The customer an invitation was sent to (never on an anonymous survey).
    customer: Option<CustomerId>,
}

/// Stores a score through the group-commit writer and returns the response's id — the first
/// one's when this client key was stored before.
async fn store_score(
    state: &AppState,
    found: &Found,
    score: ScoreToStore,
    tr: &Tr,
) -> Result<ResponseId, PageError> {
    let survey = &found.survey;
    let response = NewResponse {
        id: ResponseId::new(),
        survey_id: survey.id,
        score: score.score,
        answers: Vec::new(),
        comment: LongText::empty(),
        touchpoint_id: survey.fields.touchpoint_id,
        channel: score.channel,
        locale: score.locale,
        customer_id: score.customer.filter(|_| !survey.fields.anonymous),
        attributes: BTreeMap::new(),
        submitted_at: taith_domain::now(),
        client_key: Some(score.key),
    };
    // A touchpoint deleted meanwhile is taith-app's to handle, the same for every surface.
    let item = ResponseToStore {
        workspace_id: found.ws,
        response,
        customer: None,
    };
    match state.app.intake.submit(vec![item]).await {
        Ok(stored) => stored
            .first()
            .map(|s| s.id)
            .ok_or_else(|| PageError::internal(tr)),
        Err(e) => Err(PageError::from_store(e, tr)),
    }
}

fn form_fields(body: &Bytes) -> Typed {
    serde_urlencoded::from_bytes(body).unwrap_or_default()
}

// --- handlers -----------------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
pub struct LangQuery {
    #[serde(default)]
    lang: String,
    /// In the widget's frame: the customer the site says is looking (their taith id, from
    /// the tag's `data-customer`), whom the contact budget is asked about.
    #[serde(default)]
    customer: String,
}

/// Where a respondent answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// The hosted page, `/s/{public_id}`.
    Hosted,
    /// A tablet on a shop counter, `/k/{public_id}`.
    Kiosk,
    /// The widget's frame on the business's own site, `/e/{public_id}`.
    Embed,
}

/// Kiosk pages show their countdown after this long without a touch: an answer abandoned
/// half-way is not left for the next customer. "I need more time" gives this long again.
const KIOSK_IDLE_SECS: u32 = 60;
/// How long a kiosk's countdown runs (WCAG 2.2.1 asks for at least 20 seconds to extend).
/// The thank-you shows it at once, with a "Next customer" link to start again sooner.
const KIOSK_WARN_SECS: u32 = 20;
/// Without JavaScript, a kiosk page in the middle of an answer goes back to the start this
/// long after it was loaded (nothing can tell it that someone is still typing).
const KIOSK_NOSCRIPT_IDLE_SECS: u32 = 180;

impl Surface {
    /// The first segment of the score page's address.
    fn prefix(self) -> &'static str {
        match self {
            Surface::Hosted => "s",
            Surface::Kiosk => "k",
            Surface::Embed => "e",
        }
    }

    /// The first segment of the follow-up and thank-you pages' addresses: the kiosk keeps
    /// its own, so that its follow-ups fill the screen and start again by themselves.
    fn pages(self) -> &'static str {
        match self {
            Surface::Hosted => "s",
            Surface::Kiosk => "k",
            Surface::Embed => "e",
        }
    }

    fn channel(self) -> Channel {
        match self {
            Surface::Hosted | Surface::Embed => Channel::Web,
            Surface::Kiosk => Channel::InStore,
        }
    }

    /// Whether forms carry the double-submit cookie's token. Not inside the widget's frame:
    /// a browser does not send (or keep) a cookie set in a frame on another site, and there
    /// is nothing for a forged request to borrow — no respondent page acts on a signed-in
    /// person's authority.
    fn uses_csrf_cookie(self) -> bool {
        !matches!(self, Surface::Embed)
    }

    /// The page's frame: in a kiosk, filling the screen and returning to the start (in the
    /// kiosk's own language) as `countdown` says; in the widget, compact.
    fn frame(
        self,
        found: &Found,
        locale: Locale,
        links: Vec<(Locale, String)>,
        countdown: Countdown,
    ) -> Frame {
        let mut frame = frame_for(found, locale, links);
        match self {
            Surface::Hosted => frame,
            Surface::Kiosk => frame.in_kiosk(format!("/k/{}", found.survey.public_id), countdown),
            Surface::Embed => {
                frame.embed = true;
                frame.tabs = embed_tabs(&frame.t, &found.survey.public_id, locale, false);
                frame
            }
        }
    }
}

/// The CSRF token for a page on `surface` (none inside the widget), and the cookie to set.
fn csrf_on(
    state: &AppState,
    v: &Visitor,
    surface: Surface,
) -> (Option<String>, Option<HeaderValue>) {
    if surface.uses_csrf_cookie() {
        let (token, cookie) = csrf_for(state, v);
        (Some(token), cookie)
    } else {
        (None, None)
    }
}

/// Whether a form sent on `surface` passes the CSRF check.
fn csrf_passes(typed: &Typed, v: &Visitor, surface: Surface) -> bool {
    !surface.uses_csrf_cookie() || csrf_ok(first(typed, "csrf"), v)
}

/// Which surface a route serves, as a type, so one handler serves every surface's route:
/// `rs::show::<on::Kiosk>` for `/k/{public_id}`.
pub trait On {
    const SURFACE: Surface;
}

pub mod on {
    use super::{On, Surface};

    /// The hosted page, `/s/…`.
    #[derive(Debug)]
    pub struct Hosted;
    /// The shop-counter tablet, `/k/…`: full screen, one tap per score, answers recorded as
    /// `in-store`, the follow-up questions where the score has some, back to the start after
    /// each answer and when left idle.
    #[derive(Debug)]
    pub struct Kiosk;
    /// The widget's frame, `/e/…`, put there by `/widget/{public_id}.js`.
    #[derive(Debug)]
    pub struct Embed;

    impl On for Hosted {
        const SURFACE: Surface = Surface::Hosted;
    }
    impl On for Kiosk {
        const SURFACE: Surface = Surface::Kiosk;
    }
    impl On for Embed {
        const SURFACE: Surface = Surface::Embed;
    }
}

/// The score page.
pub async fn show<S: On>(
    State(state): State<AppState>,
    v: Visitor,
    Path(public_id): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    if S::SURFACE == Surface::Embed
        && !q.customer.is_empty()
        && let Some(held) = widget_budget(&state, &v, &public_id, &q.customer).await?
    {
        return Ok(held);
    }
    show_score(&state, &v, &public_id, &q.lang, &headers, S::SURFACE).await
}

/// The widget's prompt for a customer the site identified: asks the contact budget
/// (`taith_app::contact::ask`, which records the ask when the prompt may be shown). Over
/// budget, in the quiet period or without consent, the frame gets nothing (204) and shows no
/// prompt. An id that is not one of the workspace's customers is treated as anonymous, and
/// anonymous visitors are never tracked. The response stays anonymous either way: the id in
/// a page's tag is not proof of who answers.
async fn widget_budget(
    state: &AppState,
    v: &Visitor,
    public_id: &str,
    customer: &str,
) -> Result<Option<Response>, PageError> {
    let Ok(customer) = customer.parse::<taith_domain::CustomerId>() else {
        return Ok(None);
    };
    let Some(found) = find(state, public_id, v).await? else {
        return Ok(None);
    };
    if found.survey.fields.status != SurveyStatus::Live {
        return Ok(None);
    }
    let asked = match taith_app::contact::ask(
        state.store.as_ref(),
        found.ws,
        customer,
        taith_domain::contact::Channel::Widget,
        Some(found.survey.id),
        taith_domain::now(),
    )
    .await
    {
        Ok(asked) => asked,
        Err(StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(PageError::from_store(e, &v.tr)),
    };
    if asked.decision.allowed() {
        return Ok(None);
    }
    let mut held = StatusCode::NO_CONTENT.into_response();
    held.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(Some(held))
}

/// The score page's form.
pub async fn submit<S: On>(
    State(state): State<AppState>,
    v: Visitor,
    Path(public_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, PageError> {
    submit_score(&state, &v, &public_id, &headers, &body, S::SURFACE).await
}

/// The follow-up questions for a stored score.
pub async fn follow_up<S: On>(
    State(state): State<AppState>,
    v: Visitor,
    Path((public_id, response_id)): Path<(String, String)>,
    Query(q): Query<LangQuery>,
) -> Result<Response, PageError> {
    show_follow_up(&state, &v, &public_id, &response_id, &q.lang, S::SURFACE).await
}

/// The follow-up questions' form.
pub async fn answer<S: On>(
    State(state): State<AppState>,
    v: Visitor,
    Path((public_id, response_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, PageError> {
    save_answers(&state, &v, &public_id, &response_id, &body, S::SURFACE).await
}

/// The thank-you page.
pub async fn thanks<S: On>(
    State(state): State<AppState>,
    v: Visitor,
    Path((public_id, response_id)): Path<(String, String)>,
    Query(q): Query<LangQuery>,
) -> Result<Response, PageError> {
    show_thanks(&state, &v, &public_id, &response_id, &q.lang, S::SURFACE).await
}

async fn show_score(
    state: &AppState,
    v: &Visitor,
    public_id: &str,
    lang: &str,
    headers: &HeaderMap,
    surface: Surface,
) -> Result<Response, PageError> {
    let Some(found) = find(state, public_id, v).await? else {
        return Ok(unknown(v));
    };
    let survey = &found.survey;
    let locale = respondent_locale(survey, lang, headers);
    let prefix = surface.prefix();
    let links = language_links(survey, |l| {
        format!("/{prefix}/{}?lang={}", survey.public_id, l.tag())
    });
    if survey.fields.status != SurveyStatus::Live {
        let frame = surface.frame(&found, locale, links, Countdown::Never);
        return Ok(not_open(survey, frame));
    }
    // A kiosk's start page needs no reset, unless a customer chose a language: the next
    // one gets the kiosk's own again.
    let chosen = offered_locale(survey, Locale::from_tag(lang)).is_some();
    let countdown = if chosen {
        Countdown::AfterIdle
    } else {
        Countdown::Never
    };
    let frame = surface.frame(&found, locale, links, countdown);
    let (csrf, cookie) = csrf_on(state, v, surface);
    let action = format!("/{prefix}/{}", survey.public_id);
    let mode = Mode::Live {
        surface,
        public_id: &survey.public_id,
        action: &action,
        csrf: csrf.as_deref(),
    };
    let page = score_page(survey, frame, mode, &random_secret(), None, None);
    Ok(finish(page.into_response(), cookie))
}

/// The score a respondent chose, or the message that says what is wrong with it.
fn chosen_score(survey: &Survey, chosen: &str, tr: &Tr) -> Result<i16, String> {
    let scale = survey.fields.scale;
    scale.parse_score(chosen).map_err(|issue| match issue {
        Issue::Required => tr.t("respond-choose-score"),
        _ => tr.ta(
            "respond-score-off-scale",
            &[
                ("low", scale.low.to_string()),
                ("high", scale.high.to_string()),
            ],
        ),
    })
}

async fn submit_score(
    state: &AppState,
    v: &Visitor,
    public_id: &str,
    headers: &HeaderMap,
    body: &Bytes,
    surface: Surface,
) -> Result<Response, PageError> {
    let typed = form_fields(body);
    let Some(found) = find(state, public_id, v).await? else {
        return Ok(unknown(v));
    };
    let survey = &found.survey;
    let locale = respondent_locale(survey, first(&typed, "lang"), headers);
    let tr = Tr::new(locale);
    let prefix = surface.prefix();
    let links = language_links(survey, |l| {
        format!("/{prefix}/{}?lang={}", survey.public_id, l.tag())
    });
    if survey.fields.status != SurveyStatus::Live {
        let frame = surface.frame(&found, locale, links, Countdown::Never);
        return Ok(not_open(survey, frame));
    }
    let frame = surface.frame(&found, locale, links, Countdown::AfterIdle);
    let key = client_key(first(&typed, "k"));
    let chosen = first(&typed, "score");
    let (csrf, cookie) = csrf_on(state, v, surface);
    let action = format!("/{prefix}/{}", survey.public_id);
    let mode = Mode::Live {
        surface,
        public_id: &survey.public_id,
        action: &action,
        csrf: csrf.as_deref(),
    };
    if !csrf_passes(&typed, v, surface) {
        let message = tr.t("respond-form-expired");
        let page = score_page(survey, frame, mode, &key, Some(chosen), Some(message));
        return Ok(finish(
            (StatusCode::FORBIDDEN, page).into_response(),
            cookie,
        ));
    }
    let score = match chosen_score(survey, chosen, &tr) {
        Ok(s) => s,
        Err(message) => {
            let page = score_page(survey, frame, mode, &key, Some(chosen), Some(message));
            return Ok(finish(
                (StatusCode::UNPROCESSABLE_ENTITY, page).into_response(),
                cookie,
            ));
        }
    };
    let score = ScoreToStore {
        score,
        locale,
        key,
        channel: surface.channel(),
        customer: None,
    };
    let given = score.score;
    let id = store_score(state, &found, score, &tr).await?;
    let next = format!("/{}/{}/r/{id}", surface.pages(), survey.public_id);
    // The next customer is waiting: a kiosk asks only the questions this score has, and
    // thanks at once when it has none (one tap per answer).
    let to_thanks = surface == Surface::Kiosk && survey.follow_ups_for(given).next().is_none();
    if to_thanks {
        return Ok(Redirect::to(&format!("{next}/thanks")).into_response());
    }
    Ok(Redirect::to(&next).into_response())
}

/// Links to a follow-up or thank-you page in each of the survey's locales.
fn follow_up_links(
    found: &Found,
    response: &NewResponse,
    surface: Surface,
    tail: &str,
) -> Vec<(Locale, String)> {
    let s = &found.survey;
    let pages = surface.pages();
    language_links(s, |l| {
        format!(
            "/{pages}/{}/r/{}{tail}?lang={}",
            s.public_id,
            response.id,
            l.tag()
        )
    })
}

async fn show_follow_up(
    state: &AppState,
    v: &Visitor,
    public_id: &str,
    response_id: &str,
    lang: &str,
    surface: Surface,
) -> Result<Response, PageError> {
    let Some(found) = find(state, public_id, v).await? else {
        return Ok(unknown(v));
    };
    let Some(response) = find_response(state, &found, response_id, v).await? else {
        return Ok(unknown(v));
    };
    let survey = &found.survey;
    let pages = surface.pages();
    if answered(&response) {
        return Ok(Redirect::to(&format!(
            "/{pages}/{}/r/{}/thanks",
            survey.public_id, response.id
        ))
        .into_response());
    }
    let locale = offered_locale(survey, Locale::from_tag(lang)).unwrap_or(response.locale);
    let links = follow_up_links(&found, &response, surface, "");
    let frame = surface.frame(&found, locale, links, Countdown::AfterIdle);
    let (csrf, cookie) = csrf_on(state, v, surface);
    let mode = Mode::Live {
        surface,
        public_id: &survey.public_id,
        action: "",
        csrf: csrf.as_deref(),
    };
    let form = FollowUpForm {
        typed: &Vec::new(),
        errors: &BTreeMap::new(),
        alert: None,
    };
    let page = follow_up_page(survey, frame, mode, response.id, response.score, form);
    Ok(finish(page.into_response(), cookie))
}

async fn save_answers(
    state: &AppState,
    v: &Visitor,
    public_id: &str,
    response_id: &str,
    body: &Bytes,
    surface: Surface,
) -> Result<Response, PageError> {
    let typed = form_fields(body);
    let Some(found) = find(state, public_id, v).await? else {
        return Ok(unknown(v));
    };
    let Some(response) = find_response(state, &found, response_id, v).await? else {
        return Ok(unknown(v));
    };
    let survey = &found.survey;
    let locale =
        offered_locale(survey, Locale::from_tag(first(&typed, "lang"))).unwrap_or(response.locale);
    let tr = Tr::new(locale);
    let thanks = {
        let lang = if locale == response.locale {
            String::new()
        } else {
            format!("?lang={}", locale.tag())
        };
        format!(
            "/{}/{}/r/{}/thanks{lang}",
            surface.pages(),
            survey.public_id,
            response.id
        )
    };
    // Answers are given once; a repeated or late submission does not overwrite them.
    if answered(&response) {
        return Ok(Redirect::to(&thanks).into_response());
    }
    let (csrf, cookie) = csrf_on(state, v, surface);
    let mode = Mode::Live {
        surface,
        public_id: &survey.public_id,
        action: "",
        csrf: csrf.as_deref(),
    };
    let links = follow_up_links(&found, &response, surface, "");
    let frame = surface.frame(&found, locale, links, Countdown::AfterIdle);
    if !csrf_passes(&typed, v, surface) {
        let form = FollowUpForm {
            typed: &typed,
            errors: &BTreeMap::new(),
            alert: Some(tr.t("respond-form-expired")),
        };
        let page = follow_up_page(survey, frame, mode, response.id, response.score, form);
        return Ok(finish(
            (StatusCode::FORBIDDEN, page).into_response(),
            cookie,
        ));
    }
    match parse_answers(survey, response.score, &typed, &tr) {
        Ok((answers, comment)) => {
            if !answers.is_empty() || !comment.is_empty() {
                state
                    .store
                    .add_answers(found.ws, response.id, &answers, &comment)
                    .await
                    .map_err(|e| PageError::from_store(e, &tr))?;
            }
            Ok(Redirect::to(&thanks).into_response())
        }
        Err(errors) => {
            let form = FollowUpForm {
                typed: &typed,
                errors: &errors,
                alert: Some(tr.t("respond-check-answers")),
            };
            let page = follow_up_page(survey, frame, mode, response.id, response.score, form);
            Ok(finish(
                (StatusCode::UNPROCESSABLE_ENTITY, page).into_response(),
                cookie,
            ))
        }
    }
}

async fn show_thanks(
    state: &AppState,
    v: &Visitor,
    public_id: &str,
    response_id: &str,
    lang: &str,
    surface: Surface,
) -> Result<Response, PageError> {
    let Some(found) = find(state, public_id, v).await? else {
        return Ok(unknown(v));
    };
    let Some(response) = find_response(state, &found, response_id, v).await? else {
        return Ok(unknown(v));
    };
    let locale = offered_locale(&found.survey, Locale::from_tag(lang)).unwrap_or(response.locale);
    let links = follow_up_links(&found, &response, surface, "/thanks");
    let frame = surface.frame(&found, locale, links, Countdown::AtOnce);
    Ok(thanks_page(&found.survey, frame).into_response())
}

// --- e-mail invitations ------------------------------------------------------------------------

/// An invitation found by its link's token, with its survey.
pub(crate) struct Invited {
    pub(crate) found: Found,
    pub(crate) invitation: Invitation,
}

/// The invitation whose link carries `token` (the unsubscribe and preference pages' only key);
/// None for a token of the wrong shape, an unknown one, or one whose survey is gone.
pub(crate) async fn find_invitation(
    state: &AppState,
    token: &str,
    v: &Visitor,
) -> Result<Option<Invited>, PageError> {
    let plausible = token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit());
    if !plausible {
        return Ok(None);
    }
    let (ws, invitation) = match state.store.invitation_by_token(token).await {
        Ok(found) => found,
        Err(StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(PageError::from_store(e, &v.tr)),
    };
    let survey = match state.store.survey(ws, invitation.survey_id).await {
        Ok(s) => s,
        Err(StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(PageError::from_store(e, &v.tr)),
    };
    let business = state
        .store
        .workspace(ws)
        .await
        .map_err(|e| PageError::from_store(e, &v.tr))?
        .name
        .to_string();
    Ok(Some(Invited {
        found: Found {
            ws,
            survey,
            business,
        },
        invitation,
    }))
}

/// An invitation link that leads nowhere (mistyped, cut short, or its survey deleted).
fn unknown_invitation(v: &Visitor) -> Response {
    let t = v.tr.clone();
    let page = MessagePage {
        heading: t.t("respond-unknown-title"),
        message: t.t("respond-invitation-unknown"),
        r: Frame::new(t.clone(), "", false, Vec::new()),
    };
    (StatusCode::NOT_FOUND, page).into_response()
}

/// Where an invitation's answer continues: its follow-up page (which shows the thank-you
/// once it is answered).
fn to_follow_ups(found: &Found, id: ResponseId) -> Response {
    Redirect::to(&format!("/s/{}/r/{id}", found.survey.public_id)).into_response()
}

/// The invitation's own page (`/i/{token}`): the survey in the customer's language. Once the
/// link has recorded an answer it leads to that answer's follow-ups instead: single use.
pub async fn invitation(
    State(state): State<AppState>,
    v: Visitor,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let Some(Invited { found, invitation }) = find_invitation(&state, &token, &v).await? else {
        return Ok(unknown_invitation(&v));
    };
    let survey = &found.survey;
    let locale = customer_locale(survey, &q.lang, Some(invitation.locale), &headers);
    let links = language_links(survey, |l| format!("/i/{token}?lang={}", l.tag()));
    let frame = frame_for(&found, locale, links);
    if survey.fields.status != SurveyStatus::Live {
        return Ok(not_open(survey, frame));
    }
    let key = invitation.response_key();
    if let Some(id) = state
        .store
        .response_by_client_key(found.ws, survey.id, &key)
        .await
        .map_err(|e| PageError::from_store(e, &v.tr))?
    {
        return Ok(to_follow_ups(&found, id));
    }
    let action = format!("/i/{token}");
    let mode = Mode::Live {
        surface: Surface::Hosted,
        public_id: &survey.public_id,
        action: &action,
        csrf: None,
    };
    let page = score_page(survey, frame, mode, &key, None, None);
    Ok(finish(page.into_response(), None))
}

/// The invitation page's form. No CSRF token: the link's secret is the authority, and it
/// can be used once.
pub async fn invitation_submit(
    State(state): State<AppState>,
    v: Visitor,
    Path(token): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, PageError> {
    let typed = form_fields(&body);
    record_invited_score(
        &state,
        &v,
        &token,
        first(&typed, "score"),
        first(&typed, "lang"),
        &headers,
    )
    .await
}

/// A score button in the e-mail (`/i/{token}/{score}`): one click records the score, then
/// opens the follow-up questions. A second click, on any button, adds nothing: it opens the
/// first answer's page.
pub async fn invitation_score(
    State(state): State<AppState>,
    v: Visitor,
    Path((token, score)): Path<(String, String)>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    record_invited_score(&state, &v, &token, &score, &q.lang, &headers).await
}

async fn record_invited_score(
    state: &AppState,
    v: &Visitor,
    token: &str,
    chosen: &str,
    lang: &str,
    headers: &HeaderMap,
) -> Result<Response, PageError> {
    let Some(Invited { found, invitation }) = find_invitation(state, token, v).await? else {
        return Ok(unknown_invitation(v));
    };
    let survey = &found.survey;
    let locale = customer_locale(survey, lang, Some(invitation.locale), headers);
    let tr = Tr::new(locale);
    let links = language_links(survey, |l| format!("/i/{token}?lang={}", l.tag()));
    let frame = frame_for(&found, locale, links);
    if survey.fields.status != SurveyStatus::Live {
        return Ok(not_open(survey, frame));
    }
    let key = invitation.response_key();
    let score = match chosen_score(survey, chosen, &tr) {
        Ok(s) => s,
        Err(message) => {
            let action = format!("/i/{token}");
            let mode = Mode::Live {
                surface: Surface::Hosted,
                public_id: &survey.public_id,
                action: &action,
                csrf: None,
            };
            let page = score_page(survey, frame, mode, &key, Some(chosen), Some(message));
            return Ok(finish(
                (StatusCode::UNPROCESSABLE_ENTITY, page).into_response(),
                None,
            ));
        }
    };
    let score = ScoreToStore {
        score,
        locale,
        key,
        channel: Channel::Email,
        customer: Some(invitation.customer_id),
    };
    let id = store_score(state, &found, score, &tr).await?;
    Ok(to_follow_ups(&found, id))
}

#[derive(Template, WebTemplate)]
#[template(path = "respond/unsubscribe.html")]
pub struct UnsubscribePage {
    r: Frame,
    heading: String,
    message: String,
    /// Where the confirming form posts; None once unsubscribed.
    action: Option<String>,
}

/// The e-mail's unsubscribe link (`/u/{token}`): asks to confirm, so that a mail scanner
/// opening every link unsubscribes nobody.
pub async fn unsubscribe_page(
    State(state): State<AppState>,
    v: Visitor,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let Some(Invited { found, invitation }) = find_invitation(&state, &token, &v).await? else {
        return Ok(unknown_invitation(&v));
    };
    let locale = customer_locale(&found.survey, &q.lang, Some(invitation.locale), &headers);
    let t = Tr::new(locale);
    let links = language_links(&found.survey, |l| format!("/u/{token}?lang={}", l.tag()));
    let page = UnsubscribePage {
        heading: t.t1("unsubscribe-question", "business", &found.business),
        message: t.t1("unsubscribe-explain", "business", &found.business),
        action: Some(format!("/u/{token}?lang={}", locale.tag())),
        r: Frame {
            title: t.t("unsubscribe-title"),
            ..frame_for(&found, locale, links)
        },
    };
    Ok(finish(page.into_response(), None))
}

/// Unsubscribes the invitation's customer from the workspace's survey e-mails: the confirming
/// form, or a mail program's one-click button (RFC 8058), which posts without cookies.
pub async fn unsubscribe(
    State(state): State<AppState>,
    v: Visitor,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let Some(Invited { found, invitation }) = find_invitation(&state, &token, &v).await? else {
        return Ok(unknown_invitation(&v));
    };
    let locale = customer_locale(&found.survey, &q.lang, Some(invitation.locale), &headers);
    let t = Tr::new(locale);
    state
        .store
        .unsubscribe(found.ws, invitation.customer_id, taith_domain::now())
        .await
        .map_err(|e| PageError::from_store(e, &t))?;
    let page = UnsubscribePage {
        heading: t.t("unsubscribe-done-title"),
        message: t.t1("unsubscribe-done", "business", &found.business),
        action: None,
        r: Frame {
            title: t.t("unsubscribe-done-title"),
            ..frame_for(&found, locale, Vec::new())
        },
    };
    Ok(finish(page.into_response(), None))
}

/// The widget (`/widget/{public_id}.js`): one script tag on the business's own site puts the
/// survey there, in a frame served from here. The script is the same for every survey (it
/// reads the survey's id from its own address), so it is cached like any asset; an unknown
/// survey gets a 404 so that a wrong tag shows up in the host page's console.
pub async fn widget_script(
    State(state): State<AppState>,
    v: Visitor,
    Path(file): Path<String>,
) -> Result<Response, PageError> {
    let known = match file.strip_suffix(".js") {
        Some(public_id) => find(&state, public_id, &v).await?.is_some(),
        None => false,
    };
    if !known {
        return Ok((
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
            "// taith: no survey at this address\n",
        )
            .into_response());
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
            // The host page may load it with `crossorigin` (subresource integrity).
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        crate::http::assets::WIDGET_JS,
    )
        .into_response())
}

// --- the builder's preview ----------------------------------------------------------------------

/// The respondent's pages for a member's preview: the score page; with `score`, the follow-ups
/// for it; with `done`, the thank-you. Forms go back to `base` with GET; nothing is stored.
pub fn preview(
    survey: &Survey,
    business: &str,
    locale: Locale,
    base: &str,
    score: Option<&str>,
    done: bool,
) -> Response {
    let tr = Tr::new(locale);
    let frame = |extra: &'static str| {
        let links = language_links(survey, |l| format!("{base}?lang={}{extra}", l.tag()));
        Frame::new(tr.clone(), business, true, links)
    };
    let mode = Mode::Preview { base };
    if done {
        return thanks_page(survey, frame("&done=1")).into_response();
    }
    let Some(chosen) = score else {
        return score_page(survey, frame(""), mode, "", None, None).into_response();
    };
    let scale = survey.fields.scale;
    match scale.parse_score(chosen) {
        Ok(score) => {
            let links =
                language_links(survey, |l| format!("{base}?lang={}&score={score}", l.tag()));
            let frame = Frame::new(tr.clone(), business, true, links);
            let form = FollowUpForm {
                typed: &Vec::new(),
                errors: &BTreeMap::new(),
                alert: None,
            };
            follow_up_page(survey, frame, mode, ResponseId::new(), score, form).into_response()
        }
        Err(issue) => {
            let message = match issue {
                Issue::Required => tr.t("respond-choose-score"),
                _ => tr.ta(
                    "respond-score-off-scale",
                    &[
                        ("low", scale.low.to_string()),
                        ("high", scale.high.to_string()),
                    ],
                ),
            };
            let page = score_page(survey, frame(""), mode, "", Some(chosen), Some(message));
            (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
        }
    }
}
