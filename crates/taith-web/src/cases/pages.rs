//! The cases' pages: "my cases", all cases with filters, one case (facts, the response behind
//! it, status/owner/root cause, notes, reply, log), the settings (SLA, root causes, opening
//! rules), opening a case from a response or a request, and a member's teams. The rules are
//! in `taith_app::cases`.

use crate::AppState;
use crate::http::ctx::{CsrfForm, Member};
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::journeys::pages::parse_id;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use std::collections::HashMap;
use taith_app::cases::{self, Actor, Edit, OpenFrom, Refused, settings};
use taith_domain::{
    Action, Case, CaseChange, CaseId, CaseRules, CaseStatus, Overdue, RootCause, SlaInput,
    SurveyId, TouchpointId, UserId, ValidationErrors,
};
use taith_i18n::Tr;
use taith_store::{CaseFilter, PageRequest, StoreError};
use time::OffsetDateTime;

fn store_err(m: &Member) -> impl Fn(StoreError) -> PageError + '_ {
    move |e| PageError::from_store(e, m.tr())
}

pub fn status_name(tr: &Tr, s: CaseStatus) -> String {
    tr.t(&format!("cases-status-{}", s.slug()))
}

/// How long until `due`, or how late, in plain words: hours under two days, else days.
pub fn due_words(tr: &Tr, due: OffsetDateTime, now: OffsetDateTime) -> String {
    let late = now > due;
    let span = if late { now - due } else { due - now };
    let hours = span.whole_hours().max(1);
    let (key, n) = if hours < 48 {
        ("hours", hours)
    } else {
        ("days", span.whole_days())
    };
    let key = format!("cases-{}-{key}", if late { "overdue-by" } else { "due-in" });
    tr.tn(&key, "count", n)
}

/// Names the page shows things by.
struct Names {
    members: HashMap<UserId, String>,
    touchpoints: HashMap<TouchpointId, String>,
    causes: Vec<RootCause>,
}

impl Names {
    async fn load(state: &AppState, m: &Member) -> Result<Names, PageError> {
        let ws = m.workspace.id;
        let store = state.store.as_ref();
        let members = store
            .members(ws)
            .await
            .map_err(store_err(m))?
            .into_iter()
            .map(|mm| (mm.user.id, mm.user.name.to_string()))
            .collect();
        let touchpoints = taith_app::journeys::places::touchpoints(store, ws)
            .await
            .map_err(store_err(m))?
            .into_iter()
            .map(|p| (p.id, p.path()))
            .collect();
        let causes = store.root_causes(ws).await.map_err(store_err(m))?;
        Ok(Names {
            members,
            touchpoints,
            causes,
        })
    }

    fn member(&self, tr: &Tr, u: Option<UserId>) -> String {
        match u {
            Some(u) => self
                .members
                .get(&u)
                .cloned()
                .unwrap_or_else(|| tr.t("cases-former-member")),
            None => tr.t("cases-nobody"),
        }
    }

    fn touchpoint(&self, tr: &Tr, t: Option<TouchpointId>) -> String {
        t.and_then(|t| self.touchpoints.get(&t).cloned())
            .unwrap_or_else(|| tr.t("cases-no-touchpoint"))
    }

    fn cause(&self, tr: &Tr, c: Option<taith_domain::RootCauseId>) -> String {
        c.and_then(|c| self.causes.iter().find(|x| x.id == c))
            .map(|c| c.name.to_string())
            .unwrap_or_else(|| tr.t("cases-no-root-cause"))
    }
}

/// A case as a list row.
#[derive(Debug)]
pub struct Row {
    pub number: i64,
    pub href: String,
    pub status: &'static str,
    pub status_name: String,
    pub owner: String,
    pub touchpoint: String,
    pub opened: String,
    pub due: String,
    pub overdue: bool,
    pub root_cause: String,
}

fn row(c: &Case, m: &Member, names: &Names, now: OffsetDateTime) -> Row {
    let tr = m.tr();
    let overdue = c.overdue_at(now);
    let due = if c.status.is_closed() {
        String::new()
    } else {
        let at = match overdue {
            Some(Overdue::Resolution) => c.resolve_due,
            Some(Overdue::FirstAction) => c.first_action_due,
            None if c.first_action_at.is_none() => c.first_action_due,
            None => c.resolve_due,
        };
        due_words(tr, at, now)
    };
    Row {
        number: c.number,
        href: format!("{}/cases/{}", m.base(), c.id),
        status: c.status.slug(),
        status_name: status_name(tr, c.status),
        owner: names.member(tr, c.owner),
        touchpoint: names.touchpoint(tr, c.touchpoint_id),
        opened: tr.datetime(c.opened_at),
        due,
        overdue: overdue.is_some(),
        root_cause: names.cause(tr, c.root_cause),
    }
}

// --- lists --------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    touchpoint: String,
    #[serde(default)]
    overdue: String,
    #[serde(default)]
    cursor: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "cases/list.html")]
pub struct ListPage {
    l: Layout,
    mine: bool,
    rows: Vec<Row>,
    statuses: Vec<(&'static str, String, bool)>,
    owners: Vec<(String, String, bool)>,
    touchpoints: Vec<(String, String, bool)>,
    overdue: bool,
    next: Option<String>,
    can_manage: bool,
    sees_all: bool,
}

async fn list_page(
    state: &AppState,
    m: &Member,
    q: &ListQuery,
    mine: bool,
) -> Result<ListPage, PageError> {
    m.require(Action::ReadCases)?;
    let tr = m.tr();
    let actor = Actor::of(&m.principal);
    let names = Names::load(state, m).await?;
    let now = taith_domain::now();
    let status = q.status.parse::<CaseStatus>().ok();
    let mut filter = CaseFilter {
        statuses: match (status, q.status.as_str()) {
            (Some(s), _) => vec![s],
            (None, "active") | (None, "") => vec![
                CaseStatus::Open,
                CaseStatus::InProgress,
                CaseStatus::WaitingForCustomer,
            ],
            _ => Vec::new(),
        },
        overdue_at: (q.overdue == "1").then_some(now),
        touchpoint: q.touchpoint.parse().ok(),
        ..CaseFilter::default()
    };
    if mine {
        filter.owner = Some(Some(m.user.id));
    } else if q.owner == "none" {
        filter.owner = Some(None);
    } else if let Ok(u) = q.owner.parse::<UserId>() {
        filter.owner = Some(Some(u));
    }
    let page = cases::list(
        state.store.as_ref(),
        m.workspace.id,
        &actor,
        filter,
        PageRequest {
            after: q.cursor.parse().ok(),
            limit: 50,
        },
    )
    .await
    .map_err(store_err(m))?;
    let mut statuses = vec![
        (
            "active",
            tr.t("cases-filter-active"),
            q.status.is_empty() || q.status == "active",
        ),
        ("all", tr.t("cases-filter-all"), q.status == "all"),
    ];
    statuses.extend(
        CaseStatus::ALL
            .into_iter()
            .map(|s| (s.as_str(), status_name(tr, s), status == Some(s))),
    );
    let mut owners: Vec<(String, String, bool)> = names
        .members
        .iter()
        .map(|(u, n)| (u.to_string(), n.clone(), q.owner == u.to_string()))
        .collect();
    owners.sort_by(|a, b| a.1.cmp(&b.1));
    owners.insert(0, ("none".into(), tr.t("cases-nobody"), q.owner == "none"));
    let mut touchpoints: Vec<(String, String, bool)> = names
        .touchpoints
        .iter()
        .map(|(t, n)| (t.to_string(), n.clone(), q.touchpoint == t.to_string()))
        .collect();
    touchpoints.sort_by(|a, b| a.1.cmp(&b.1));
    let next = page.next.map(|c| {
        let query = serde_urlencoded::to_string([
            ("status", q.status.as_str()),
            ("owner", q.owner.as_str()),
            ("touchpoint", q.touchpoint.as_str()),
            ("overdue", q.overdue.as_str()),
            ("cursor", &c.to_string()),
        ])
        .unwrap_or_default();
        format!(
            "{}/cases{}?{query}",
            m.base(),
            if mine { "/mine" } else { "" }
        )
    });
    Ok(ListPage {
        rows: page.items.iter().map(|c| row(c, m, &names, now)).collect(),
        mine,
        statuses,
        owners,
        touchpoints,
        overdue: q.overdue == "1",
        next,
        can_manage: m.may(Action::ManageCases),
        sees_all: actor.sees_all,
        l: m.layout("cases"),
    })
}

pub async fn mine(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<ListQuery>,
) -> Result<ListPage, PageError> {
    list_page(&state, &m, &q, true).await
}

pub async fn all(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<ListQuery>,
) -> Result<ListPage, PageError> {
    list_page(&state, &m, &q, false).await
}

// --- one case -----------------------------------------------------------------------------------

/// A log entry as the page shows it.
#[derive(Debug)]
pub struct EntryView {
    pub at: String,
    pub who: String,
    pub what: String,
    /// A note's or reply's text.
    pub text: String,
}

/// A reply as the page shows it.
#[derive(Debug)]
pub struct ReplyView {
    pub at: String,
    pub text: String,
    pub state: String,
    pub sent: bool,
}

/// The response behind a case.
#[derive(Debug)]
pub struct ResponseView {
    pub score: String,
    pub survey: String,
    pub comment: String,
    pub lang: &'static str,
    pub submitted: String,
    pub href: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "cases/case.html")]
pub struct CasePage {
    l: Layout,
    c: Row,
    version: i64,
    source: String,
    customer: String,
    opened: String,
    first_action: String,
    first_action_due: String,
    resolve_due: String,
    closed: String,
    response: Option<ResponseView>,
    request: Option<(String, String)>,
    statuses: Vec<(&'static str, String, bool)>,
    owners: Vec<(String, String, bool)>,
    causes: Vec<(String, String, bool)>,
    can_work: bool,
    reply_to: Option<String>,
    reply_lang: String,
    replies: Vec<ReplyView>,
    log: Vec<EntryView>,
    form: FormView,
    notice: Option<String>,
    conflict: bool,
}

fn entry_view(e: &taith_domain::CaseEntry, tr: &Tr, names: &Names) -> EntryView {
    let (what, text) = match &e.change {
        CaseChange::Opened { source } => (
            tr.t(&format!(
                "cases-log-opened-{}",
                source.as_str().replace('_', "-")
            )),
            String::new(),
        ),
        CaseChange::Status { from, to } => (
            tr.ta(
                "cases-log-status",
                &[
                    ("from", status_name(tr, *from)),
                    ("to", status_name(tr, *to)),
                ],
            ),
            String::new(),
        ),
        CaseChange::Owner { from, to } => (
            tr.ta(
                "cases-log-owner",
                &[
                    ("from", names.member(tr, *from)),
                    ("to", names.member(tr, *to)),
                ],
            ),
            String::new(),
        ),
        CaseChange::RootCause { from, to } => (
            tr.ta(
                "cases-log-root-cause",
                &[
                    ("from", names.cause(tr, *from)),
                    ("to", names.cause(tr, *to)),
                ],
            ),
            String::new(),
        ),
        CaseChange::Note { text } => (tr.t("cases-log-note"), text.clone()),
        CaseChange::Reply { text } => (tr.t("cases-log-reply"), text.clone()),
    };
    EntryView {
        at: tr.datetime(e.at),
        who: e.actor_name.clone(),
        what,
        text,
    }
}

async fn case_page(
    state: &AppState,
    m: &Member,
    id: CaseId,
    form: FormView,
    notice: Option<String>,
) -> Result<CasePage, PageError> {
    m.require(Action::ReadCases)?;
    let ws = m.workspace.id;
    let store = state.store.as_ref();
    let tr = m.tr();
    let actor = Actor::of(&m.principal);
    let c = cases::get(store, ws, &actor, id)
        .await
        .map_err(store_err(m))?;
    let names = Names::load(state, m).await?;
    let now = taith_domain::now();
    let response = match c.response_id {
        Some(r) if m.may(Action::ReadResponses) => match store.response(ws, r).await {
            Ok(r) => {
                let survey = store
                    .survey(ws, r.survey_id)
                    .await
                    .map(|s| s.fields.name.to_string())
                    .unwrap_or_default();
                Some(ResponseView {
                    score: r.score.to_string(),
                    survey,
                    comment: taith_app::feature_requests::written(&r),
                    lang: r.locale.tag(),
                    submitted: tr.datetime(r.submitted_at),
                    href: format!("{}/comments/{}", m.base(), r.id),
                })
            }
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(PageError::from_store(e, tr)),
        },
        _ => None,
    };
    let request = match c.feature_request_id {
        Some(f) => match store.feature_request(ws, f).await {
            Ok(r) => Some((
                format!("{}/requests/{}", m.base(), r.id),
                r.fields.title.to_string(),
            )),
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(PageError::from_store(e, tr)),
        },
        None => None,
    };
    let (email, name, locale) = cases::reply_address(store, ws, &c)
        .await
        .map_err(store_err(m))?;
    let customer = match (&name, &email) {
        (Some(n), _) => n.clone(),
        (None, Some(e)) => e.clone(),
        (None, None) => tr.t("cases-anonymous"),
    };
    let log = store
        .case_log(ws, id)
        .await
        .map_err(store_err(m))?
        .iter()
        .map(|e| entry_view(e, tr, &names))
        .collect();
    let replies = store
        .case_replies(ws, id)
        .await
        .map_err(store_err(m))?
        .into_iter()
        .map(|r| ReplyView {
            at: tr.datetime(r.created_at),
            text: r.body,
            state: match r.sent_at {
                Some(t) => tr.t1("cases-reply-sent", "when", tr.datetime(t)),
                None => tr.t("cases-reply-waiting"),
            },
            sent: r.sent_at.is_some(),
        })
        .collect();
    let pick = |field: &str, current: String| -> String {
        let v = form.v(field);
        if v.is_empty() { current } else { v.to_owned() }
    };
    let status_now = pick("status", c.status.as_str().to_owned());
    let owner_now = pick("owner", c.owner.map(|u| u.to_string()).unwrap_or_default());
    let cause_now = pick(
        "root_cause",
        c.root_cause.map(|u| u.to_string()).unwrap_or_default(),
    );
    let statuses = CaseStatus::ALL
        .into_iter()
        .filter(|s| *s == c.status || c.status.can_become(*s))
        .map(|s| (s.as_str(), status_name(tr, s), s.as_str() == status_now))
        .collect();
    let mut owners: Vec<(String, String, bool)> = names
        .members
        .iter()
        .filter(|(u, _)| {
            actor.works_all
                || Some(**u) == actor.user
                || c.owner == Some(**u)
                || c.owner == actor.user
        })
        .map(|(u, n)| (u.to_string(), n.clone(), u.to_string() == owner_now))
        .collect();
    owners.sort_by(|a, b| a.1.cmp(&b.1));
    owners.insert(
        0,
        (String::new(), tr.t("cases-nobody"), owner_now.is_empty()),
    );
    let mut causes: Vec<(String, String, bool)> = names
        .causes
        .iter()
        .filter(|rc| !rc.archived || Some(rc.id) == c.root_cause)
        .map(|rc| {
            (
                rc.id.to_string(),
                rc.name.to_string(),
                rc.id.to_string() == cause_now,
            )
        })
        .collect();
    causes.insert(
        0,
        (
            String::new(),
            tr.t("cases-no-root-cause"),
            cause_now.is_empty(),
        ),
    );
    let conflict = notice.is_some() && form.has_errors();
    Ok(CasePage {
        version: c.version,
        source: tr.t(&format!(
            "cases-source-{}",
            c.source.as_str().replace('_', "-")
        )),
        customer,
        opened: tr.datetime(c.opened_at),
        first_action: c
            .first_action_at
            .map(|t| tr.datetime(t))
            .unwrap_or_default(),
        first_action_due: tr.datetime(c.first_action_due),
        resolve_due: tr.datetime(c.resolve_due),
        closed: c.closed_at.map(|t| tr.datetime(t)).unwrap_or_default(),
        response,
        request,
        statuses,
        owners,
        causes,
        can_work: actor.may_work(&c),
        reply_to: email,
        reply_lang: locale.endonym().to_owned(),
        replies,
        log,
        c: row(&c, m, &names, now),
        form,
        notice,
        conflict,
        l: m.layout("cases"),
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct ShowQuery {
    #[serde(default)]
    done: String,
}

pub async fn show(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<ShowQuery>,
) -> Result<CasePage, PageError> {
    let id: CaseId = parse_id(&id, m.tr())?;
    let notice = match q.done.as_str() {
        "saved" => Some(m.tr().t("cases-saved")),
        "opened" => Some(m.tr().t("cases-opened")),
        "existing" => Some(m.tr().t("cases-existing")),
        _ => None,
    };
    case_page(&state, &m, id, FormView::new(), notice).await
}

#[derive(Debug, Default, Deserialize)]
pub struct CaseForm {
    #[serde(default)]
    version: String,
    status: Option<String>,
    owner: Option<String>,
    root_cause: Option<String>,
    note: Option<String>,
    reply: Option<String>,
}

fn optional_id<T: std::str::FromStr>(
    field: &str,
    s: &str,
    e: &mut ValidationErrors,
) -> Option<Option<T>> {
    let s = s.trim();
    if s.is_empty() {
        return Some(None);
    }
    match s.parse::<T>() {
        Ok(v) => Some(Some(v)),
        Err(_) => {
            e.push(field, taith_domain::Issue::Invalid);
            None
        }
    }
}

/// The form's edit, read as the API reads its body.
fn edit_of(f: &CaseForm) -> Result<Edit, ValidationErrors> {
    let mut e = ValidationErrors::default();
    let mut edit = Edit::default();
    if let Some(s) = &f.status {
        edit.status = e.check("status", s.parse::<CaseStatus>());
    }
    if let Some(s) = &f.owner {
        edit.owner = optional_id::<UserId>("owner", s, &mut e);
    }
    if let Some(s) = &f.root_cause {
        edit.root_cause = optional_id::<taith_domain::RootCauseId>("root_cause", s, &mut e);
    }
    edit.note = f.note.clone();
    edit.reply = f.reply.clone();
    e.into_result().map(|()| edit)
}

fn keep(f: &CaseForm) -> FormView {
    let mut v = FormView::new();
    for (k, val) in [
        ("status", &f.status),
        ("owner", &f.owner),
        ("root_cause", &f.root_cause),
        ("note", &f.note),
        ("reply", &f.reply),
    ] {
        if let Some(val) = val {
            v.set(k, val);
        }
    }
    v
}

pub async fn update(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(f): CsrfForm<CaseForm>,
) -> Result<Response, PageError> {
    m.require(Action::WorkCases)?;
    let id: CaseId = parse_id(&id, m.tr())?;
    let tr = m.tr();
    let actor = Actor::of(&m.principal);
    let version: i64 = f.version.trim().parse().unwrap_or(-1);
    let result = match edit_of(&f) {
        Ok(edit) => {
            cases::apply(
                state.store.as_ref(),
                m.workspace.id,
                &actor,
                id,
                version,
                edit,
            )
            .await
        }
        Err(e) => Err(Refused::Invalid(e)),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("{}/cases/{id}?done=saved", m.base())).into_response()),
        Err(Refused::Invalid(e)) => {
            let form = keep(&f).with_errors(&e, tr);
            let page = case_page(&state, &m, id, form, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Refused::Stale) => {
            // Never lose an edit: the case as it is now, with what was typed kept in the form.
            let form = keep(&f).error_message("version", tr.t("cases-conflict"));
            let page = case_page(&state, &m, id, form, Some(tr.t("cases-conflict"))).await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(Refused::Forbidden) => Err(PageError::forbidden(tr)),
        Err(Refused::Store(e)) => Err(PageError::from_store(e, tr)),
    }
}

// --- opening by hand ----------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
pub struct OpenForm {
    #[serde(default)]
    response_id: String,
    #[serde(default)]
    feature_request_id: String,
}

pub async fn open(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(f): CsrfForm<OpenForm>,
) -> Result<Response, PageError> {
    m.require(Action::WorkCases)?;
    let tr = m.tr();
    let from = if let Ok(r) = f.response_id.trim().parse() {
        OpenFrom::Response(r)
    } else if let Ok(r) = f.feature_request_id.trim().parse() {
        OpenFrom::FeatureRequest(r)
    } else {
        return Err(PageError::bad_request(tr));
    };
    let actor = Actor::of(&m.principal);
    match cases::open_by_hand(state.store.as_ref(), m.workspace.id, &actor, from).await {
        Ok((c, new)) => Ok(Redirect::to(&format!(
            "{}/cases/{}?done={}",
            m.base(),
            c.id,
            if new { "opened" } else { "existing" }
        ))
        .into_response()),
        Err(Refused::Invalid(_)) => Err(PageError::not_found(tr)),
        Err(Refused::Forbidden) => Err(PageError::forbidden(tr)),
        Err(Refused::Stale) => Err(PageError::conflict(tr)),
        Err(Refused::Store(e)) => Err(PageError::from_store(e, tr)),
    }
}

// --- settings -----------------------------------------------------------------------------------

/// One survey's opening rules.
#[derive(Debug)]
pub struct RuleRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub low_score: bool,
    pub negative_comment: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "cases/settings.html")]
pub struct SettingsPage {
    l: Layout,
    form: FormView,
    days: Vec<(&'static str, String, bool)>,
    causes_text: String,
    cause_errors: Vec<String>,
    /// The causes on the list `(id, name)`, each with its "we acted on this" link when the
    /// member may record changes.
    causes: Vec<(String, String)>,
    can_record_changes: bool,
    rules: Vec<RuleRow>,
    notice: Option<String>,
}

async fn settings_page(
    state: &AppState,
    m: &Member,
    form: Option<(FormView, Vec<String>)>,
    causes_text: Option<String>,
    cause_errors: Vec<String>,
    notice: Option<String>,
) -> Result<SettingsPage, PageError> {
    m.require(Action::ManageCases)?;
    let ws = m.workspace.id;
    let store = state.store.as_ref();
    let tr = m.tr();
    let sla = store.case_sla(ws).await.map_err(store_err(m))?;
    let (form, days) = match form {
        Some(f) => f,
        None => {
            let i = SlaInput::from_sla(&sla);
            (
                FormView::new()
                    .with("first_action_hours", &i.first_action_hours)
                    .with("resolve_hours", &i.resolve_hours)
                    .with("day_start", &i.day_start)
                    .with("day_end", &i.day_end)
                    .with("utc_offset", &i.utc_offset),
                i.days,
            )
        }
    };
    let causes: Vec<(String, String)> = store
        .root_causes(ws)
        .await
        .map_err(store_err(m))?
        .iter()
        .filter(|c| !c.archived)
        .map(|c| (c.id.to_string(), c.name.to_string()))
        .collect();
    let causes_text = match causes_text {
        Some(t) => t,
        None => causes
            .iter()
            .map(|(_, n)| n.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let set: HashMap<SurveyId, CaseRules> = store
        .case_rules(ws)
        .await
        .map_err(store_err(m))?
        .into_iter()
        .collect();
    let rules = store
        .surveys(ws, PageRequest::all())
        .await
        .map_err(store_err(m))?
        .items
        .into_iter()
        .map(|s| {
            let r = set.get(&s.id).copied().unwrap_or_default();
            RuleRow {
                id: s.id.to_string(),
                name: s.fields.name.to_string(),
                kind: s.fields.kind.as_str().to_uppercase(),
                low_score: r.low_score,
                negative_comment: r.negative_comment,
            }
        })
        .collect();
    Ok(SettingsPage {
        days: taith_domain::case::WEEKDAYS
            .iter()
            .map(|d| {
                (
                    *d,
                    tr.t(&format!("cases-day-{d}")),
                    days.iter().any(|x| x == d),
                )
            })
            .collect(),
        form,
        causes_text,
        cause_errors,
        causes,
        can_record_changes: m.may(Action::RecordChanges),
        rules,
        notice,
        l: m.layout("cases"),
    })
}

pub async fn settings_form(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<ShowQuery>,
) -> Result<SettingsPage, PageError> {
    let notice = (q.done == "saved").then(|| m.tr().t("cases-settings-saved"));
    settings_page(&state, &m, None, None, Vec::new(), notice).await
}

fn values(fields: &[(String, String)], key: &str) -> Vec<String> {
    fields
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .collect()
}

fn value(fields: &[(String, String)], key: &str) -> String {
    values(fields, key).into_iter().next().unwrap_or_default()
}

pub async fn save_sla(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    m.require(Action::ManageCases)?;
    let input = SlaInput {
        first_action_hours: value(&fields, "first_action_hours"),
        resolve_hours: value(&fields, "resolve_hours"),
        day_start: value(&fields, "day_start"),
        day_end: value(&fields, "day_end"),
        days: values(&fields, "days"),
        utc_offset: value(&fields, "utc_offset"),
    };
    match settings::save_sla(state.store.as_ref(), m.workspace.id, &input).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("{}/cases/settings?done=saved", m.base())).into_response())
        }
        Err(settings::SettingsError::Invalid(e)) => {
            let form = FormView::new()
                .with("first_action_hours", &input.first_action_hours)
                .with("resolve_hours", &input.resolve_hours)
                .with("day_start", &input.day_start)
                .with("day_end", &input.day_end)
                .with("utc_offset", &input.utc_offset)
                .with_errors(&e, m.tr());
            let page =
                settings_page(&state, &m, Some((form, input.days)), None, Vec::new(), None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(settings::SettingsError::Store(e)) => Err(PageError::from_store(e, m.tr())),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct CausesForm {
    #[serde(default)]
    root_causes: String,
}

pub async fn save_root_causes(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(f): CsrfForm<CausesForm>,
) -> Result<Response, PageError> {
    m.require(Action::ManageCases)?;
    let tr = m.tr();
    let lines: Vec<String> = f.root_causes.lines().map(str::to_owned).collect();
    match settings::save_root_causes(state.store.as_ref(), m.workspace.id, &lines).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("{}/cases/settings?done=saved", m.base())).into_response())
        }
        Err(settings::SettingsError::Invalid(e)) => {
            let errors =
                e.0.iter()
                    .map(|fe| {
                        let line = fe
                            .field
                            .strip_prefix("root_causes.")
                            .and_then(|n| n.parse::<i64>().ok())
                            .map(|n| n + 1);
                        match line {
                            Some(n) => tr.ta(
                                "cases-cause-line-error",
                                &[("line", n.to_string()), ("issue", tr.issue(fe.issue))],
                            ),
                            None => tr.issue(fe.issue),
                        }
                    })
                    .collect();
            let page =
                settings_page(&state, &m, None, Some(f.root_causes.clone()), errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(settings::SettingsError::Store(e)) => Err(PageError::from_store(e, tr)),
    }
}

pub async fn save_rules(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    m.require(Action::ManageCases)?;
    let ws = m.workspace.id;
    let store = state.store.as_ref();
    let on = |key: &str| fields.iter().any(|(k, v)| k == key && v == "1");
    for s in store
        .surveys(ws, PageRequest::all())
        .await
        .map_err(store_err(&m))?
        .items
    {
        if !fields
            .iter()
            .any(|(k, v)| k == "survey" && *v == s.id.to_string())
        {
            continue;
        }
        let rules = CaseRules {
            low_score: on(&format!("low_score_{}", s.id)),
            negative_comment: on(&format!("negative_comment_{}", s.id)),
        };
        settings::save_rules(store, ws, s.id, rules)
            .await
            .map_err(store_err(&m))?;
    }
    Ok(Redirect::to(&format!("{}/cases/settings?done=saved", m.base())).into_response())
}

// --- teams --------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
pub struct TeamsForm {
    #[serde(default)]
    teams: String,
}

/// A member's teams, from the members page.
pub async fn set_teams(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(f): CsrfForm<TeamsForm>,
) -> Result<Response, PageError> {
    m.require(Action::ManageMembers)?;
    let user: UserId = parse_id(&id, m.tr())?;
    match settings::save_teams(state.store.as_ref(), m.workspace.id, user, &[f.teams]).await {
        Ok(_) => Ok(Redirect::to(&format!("{}/members", m.base())).into_response()),
        Err(settings::SettingsError::Invalid(_)) => Err(PageError::bad_request(m.tr())),
        Err(settings::SettingsError::Store(e)) => Err(PageError::from_store(e, m.tr())),
    }
}
