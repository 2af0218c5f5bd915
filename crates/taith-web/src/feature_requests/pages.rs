//! The staff board (`/w/{slug}/requests`): requests by status with their votes, a form to add
//! one, each request's page (its comments and customers, status with a public note per
//! locale, merging with the suggested near-duplicates, linking a comment), and turning a
//! comment of the feed into a request or adding it to one.

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
use std::collections::{BTreeMap, BTreeSet};
use taith_app::feature_requests::{self as fr, Refused, similar};
use taith_domain::{
    Action, FeatureRequest, FeatureRequestFields, FeatureRequestId, FeatureRequestInput,
    FeatureRequestStatus, Issue, Locale, LongText, Name, PublicNote, RequestSource, ResponseId,
    ValidationErrors, Voter,
};
use taith_i18n::Tr;
use taith_store::{Customer, StoreError};

/// A request as the board and its pages show it.
#[derive(Debug, Clone)]
pub struct CardView {
    pub id: String,
    pub title: String,
    pub description: String,
    pub status: &'static str,
    pub status_name: String,
    pub votes: String,
    pub source: String,
    pub href: String,
}

pub fn status_name(tr: &Tr, s: FeatureRequestStatus) -> String {
    tr.t(&format!("requests-status-{}", s.slug()))
}

fn card(r: &FeatureRequest, m: &Member) -> CardView {
    let tr = m.tr();
    CardView {
        id: r.id.to_string(),
        title: r.fields.title.to_string(),
        description: r.fields.description.to_string(),
        status: r.status.slug(),
        status_name: status_name(tr, r.status),
        votes: tr.tn(
            "requests-votes",
            "count",
            i64::try_from(r.votes).unwrap_or(i64::MAX),
        ),
        source: tr.t(&format!("requests-source-{}", r.source.as_str())),
        href: format!("{}/requests/{}", m.base(), r.id),
    }
}

fn store_err(m: &Member) -> impl Fn(StoreError) -> PageError + '_ {
    move |e| PageError::from_store(e, m.tr())
}

// --- the board ----------------------------------------------------------------------------------

/// One status's requests.
#[derive(Debug)]
pub struct Column {
    pub status: &'static str,
    pub name: String,
    pub items: Vec<CardView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "feature_requests/board.html")]
pub struct BoardPage {
    l: Layout,
    columns: Vec<Column>,
    /// The status filter's choices: `(code, name, chosen)`.
    statuses: Vec<(&'static str, String, bool)>,
    q: String,
    filtered: bool,
    total: usize,
    can_edit: bool,
    form: FormView,
    public_href: String,
    /// Pairs that look like the same request: `(a, b)`.
    duplicates: Vec<(CardView, CardView)>,
}

#[derive(Debug, Default, Deserialize)]
pub struct BoardQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    q: String,
}

async fn board_page(
    state: &AppState,
    m: &Member,
    q: &BoardQuery,
    form: FormView,
) -> Result<BoardPage, PageError> {
    let ws = m.workspace.id;
    let all = fr::board(state.store.as_ref(), ws, None)
        .await
        .map_err(store_err(m))?;
    let status = q.status.parse::<FeatureRequestStatus>().ok();
    let needle = q.q.trim().to_lowercase();
    let shown: Vec<&FeatureRequest> = all
        .iter()
        .filter(|r| status.is_none_or(|s| r.status == s))
        .filter(|r| {
            needle.is_empty()
                || r.fields.title.as_str().to_lowercase().contains(&needle)
                || r.fields
                    .description
                    .as_str()
                    .to_lowercase()
                    .contains(&needle)
        })
        .collect();
    let tr = m.tr();
    let columns = FeatureRequestStatus::ALL
        .into_iter()
        .filter(|s| status.is_none_or(|c| c == *s))
        .map(|s| Column {
            status: s.slug(),
            name: status_name(tr, s),
            items: shown
                .iter()
                .filter(|r| r.status == s)
                .map(|r| card(r, m))
                .collect(),
        })
        .collect();
    let by_id: BTreeMap<FeatureRequestId, &FeatureRequest> =
        all.iter().map(|r| (r.id, r)).collect();
    let open: Vec<FeatureRequest> = all
        .iter()
        .filter(|r| {
            !matches!(
                r.status,
                FeatureRequestStatus::Done | FeatureRequestStatus::Declined
            )
        })
        .cloned()
        .collect();
    let duplicates = similar::duplicate_pairs(&open, Some(tr.locale), 5)
        .into_iter()
        .filter_map(|(a, b, _)| Some((card(by_id.get(&a)?, m), card(by_id.get(&b)?, m))))
        .collect();
    Ok(BoardPage {
        statuses: FeatureRequestStatus::ALL
            .into_iter()
            .map(|s| (s.as_str(), status_name(tr, s), status == Some(s)))
            .collect(),
        q: q.q.clone(),
        filtered: status.is_some() || !needle.is_empty(),
        total: shown.len(),
        columns,
        can_edit: m.may(Action::EditRequests),
        form,
        public_href: format!("/f/{}?lang={}", m.workspace.slug, tr.locale.tag()),
        duplicates,
        l: m.layout("requests"),
    })
}

pub async fn board(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<BoardQuery>,
) -> Result<BoardPage, PageError> {
    board_page(&state, &m, &q, FormView::new()).await
}

pub async fn create(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(input): CsrfForm<FeatureRequestInput>,
) -> Result<Response, PageError> {
    m.require(Action::EditRequests)?;
    match input.parse() {
        Ok(fields) => {
            let r = fr::create(
                state.store.as_ref(),
                m.workspace.id,
                &fields,
                RequestSource::Staff,
            )
            .await
            .map_err(store_err(&m))?;
            Ok(
                Redirect::to(&format!("{}/requests/{}?done=created", m.base(), r.id))
                    .into_response(),
            )
        }
        Err(e) => {
            let form = FormView::new()
                .with("title", &input.title)
                .with("description", &input.description)
                .with_errors(&e, m.tr());
            let page = board_page(&state, &m, &BoardQuery::default(), form).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

// --- one request --------------------------------------------------------------------------------

/// A comment behind a request.
#[derive(Debug)]
pub struct BehindView {
    pub text: String,
    pub lang: &'static str,
    pub score: String,
    pub day: String,
    pub customer: String,
}

fn customer_name(c: &Customer) -> Option<String> {
    c.name
        .as_ref()
        .map(|n| n.to_string())
        .or_else(|| c.email.as_ref().map(|e| e.to_string()))
        .or_else(|| c.external_id.clone())
}

/// A public-note field: `(field name, locale, its text)`.
#[derive(Debug)]
pub struct NoteField {
    pub field: String,
    pub locale: Locale,
    pub value: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "feature_requests/request.html")]
pub struct RequestPage {
    l: Layout,
    r: CardView,
    merged_into: Option<CardView>,
    can_edit: bool,
    can_decide: bool,
    can_read_comments: bool,
    statuses: Vec<(&'static str, String, bool)>,
    notes: Vec<NoteField>,
    suggestions: Vec<(CardView, String)>,
    others: Vec<CardView>,
    comments: Vec<BehindView>,
    customers: Vec<String>,
    anonymous: usize,
    form: FormView,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

fn notice(tr: &Tr, done: &str) -> Option<String> {
    let key = match done {
        "created" => "requests-done-created",
        "voted" => "requests-done-voted",
        "voted-again" => "requests-done-voted-again",
        "linked" => "requests-done-linked",
        "linked-again" => "requests-done-linked-again",
        "status" => "requests-done-status",
        "merged" => "requests-done-merged",
        _ => return None,
    };
    Some(tr.t(key))
}

async fn load(state: &AppState, m: &Member, id: &str) -> Result<FeatureRequest, PageError> {
    let id: FeatureRequestId = parse_id(id, m.tr())?;
    state
        .store
        .feature_request(m.workspace.id, id)
        .await
        .map_err(store_err(m))
}

async fn request_page(
    state: &AppState,
    m: &Member,
    r: &FeatureRequest,
    form: FormView,
    done: &str,
) -> Result<RequestPage, PageError> {
    let store = state.store.as_ref();
    let ws = m.workspace.id;
    let tr = m.tr();
    let merged_into = match r.merged_into {
        Some(_) => Some(card(
            &fr::survivor(store, ws, r.id).await.map_err(store_err(m))?,
            m,
        )),
        None => None,
    };
    let can_read_comments = m.may(Action::ReadResponses);
    let mut comments = Vec::new();
    let mut customers = BTreeSet::new();
    let mut anonymous = 0;
    if can_read_comments {
        for b in fr::behind(store, ws, r.id).await.map_err(store_err(m))? {
            let who = b.customer.as_ref().and_then(customer_name);
            match &who {
                Some(w) => {
                    customers.insert(w.clone());
                }
                None => anonymous += 1,
            }
            comments.push(BehindView {
                text: fr::written(&b.response),
                lang: b.response.locale.tag(),
                score: tr.number(f64::from(b.response.score), 0),
                day: tr.date(b.response.submitted_at.date()),
                customer: who.unwrap_or_else(|| tr.t("requests-anonymous")),
            });
        }
    }
    let board = fr::board(store, ws, None).await.map_err(store_err(m))?;
    let suggestions = similar::near_duplicates(r, &board, Some(tr.locale), 5)
        .into_iter()
        .map(|(o, s)| (card(o, m), tr.number(s * 100.0, 0)))
        .collect();
    let others = board
        .iter()
        .filter(|o| o.id != r.id)
        .map(|o| card(o, m))
        .collect();
    let notes = Locale::ALL
        .into_iter()
        .map(|l| {
            let field = format!("note_{}", l.tag());
            let value = if form.v(&field).is_empty() && !form.has_errors() {
                r.note.exact(l).unwrap_or_default().to_owned()
            } else {
                form.v(&field).to_owned()
            };
            NoteField {
                field,
                locale: l,
                value,
            }
        })
        .collect();
    let chosen = form.v("status").parse().unwrap_or(r.status);
    Ok(RequestPage {
        r: card(r, m),
        merged_into,
        can_edit: m.may(Action::EditRequests) && r.merged_into.is_none(),
        can_decide: m.may(Action::DecideRequests) && r.merged_into.is_none(),
        can_read_comments,
        statuses: FeatureRequestStatus::ALL
            .into_iter()
            .map(|s| (s.as_str(), status_name(tr, s), s == chosen))
            .collect(),
        notes,
        suggestions,
        others,
        comments,
        customers: customers.into_iter().collect(),
        anonymous,
        form,
        notice: notice(tr, done),
        l: m.layout("requests"),
    })
}

pub async fn show(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<DoneQuery>,
) -> Result<RequestPage, PageError> {
    let r = load(&state, &m, &id).await?;
    request_page(&state, &m, &r, FormView::new(), &q.done).await
}

fn to_request(m: &Member, id: FeatureRequestId, done: &str) -> Response {
    Redirect::to(&format!("{}/requests/{id}?done={done}", m.base())).into_response()
}

/// The request page again, with the form's problem, as 422.
async fn refused(
    state: &AppState,
    m: &Member,
    r: &FeatureRequest,
    form: FormView,
) -> Result<Response, PageError> {
    let page = request_page(state, m, r, form, "").await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// A member's own vote.
pub async fn vote(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    m.require(Action::EditRequests)?;
    let r = load(&state, &m, &id).await?;
    let (r, new) = fr::vote(
        state.store.as_ref(),
        m.workspace.id,
        r.id,
        &Voter::Member(m.user.id),
    )
    .await
    .map_err(store_err(&m))?;
    Ok(to_request(
        &m,
        r.id,
        if new { "voted" } else { "voted-again" },
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
    #[serde(flatten)]
    rest: BTreeMap<String, String>,
}

pub async fn set_status(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(input): CsrfForm<StatusForm>,
) -> Result<Response, PageError> {
    m.require(Action::DecideRequests)?;
    let r = load(&state, &m, &id).await?;
    let raw: BTreeMap<Locale, String> = Locale::ALL
        .into_iter()
        .filter_map(|l| {
            input
                .rest
                .get(&format!("note_{}", l.tag()))
                .map(|v| (l, v.clone()))
        })
        .collect();
    let mut errors = ValidationErrors::default();
    let status = errors.check("status", input.status.parse::<FeatureRequestStatus>());
    let note = match PublicNote::parse_fields(&raw) {
        Ok(n) => Some(n),
        Err(e) => {
            errors.0.extend(e.0);
            None
        }
    };
    let (Some(status), Some(note)) = (status, note) else {
        let mut form = FormView::new().with("status", &input.status);
        for (l, v) in &raw {
            form.set(&format!("note_{}", l.tag()), v);
        }
        return refused(&state, &m, &r, form.with_errors(&errors, m.tr())).await;
    };
    fr::change_status(state.store.as_ref(), m.workspace.id, r.id, status, &note)
        .await
        .map_err(store_err(&m))?;
    Ok(to_request(&m, r.id, "status"))
}

#[derive(Debug, Default, Deserialize)]
pub struct MergeForm {
    #[serde(default)]
    into: String,
}

pub async fn merge(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(input): CsrfForm<MergeForm>,
) -> Result<Response, PageError> {
    m.require(Action::DecideRequests)?;
    let r = load(&state, &m, &id).await?;
    let into = match input.into.trim() {
        "" => Err(Issue::Required),
        s => s.parse::<FeatureRequestId>(),
    };
    let into = match into {
        Ok(i) => i,
        Err(issue) => {
            let form = FormView::new().with_errors(&ValidationErrors::one("into", issue), m.tr());
            return refused(&state, &m, &r, form).await;
        }
    };
    match fr::merge(state.store.as_ref(), m.workspace.id, r.id, into).await {
        Ok(survivor) => Ok(to_request(&m, survivor.id, "merged")),
        Err(Refused::Invalid(e)) => {
            refused(&state, &m, &r, FormView::new().with_errors(&e, m.tr())).await
        }
        Err(Refused::CannotMerge) => {
            let form = FormView::new().error_message("into", m.tr().t("requests-merge-refused"));
            refused(&state, &m, &r, form).await
        }
        Err(Refused::Store(e)) => Err(PageError::from_store(e, m.tr())),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct LinkForm {
    #[serde(default)]
    response_id: String,
}

fn response_id(s: &str) -> Result<ResponseId, ValidationErrors> {
    match s.trim() {
        "" => Err(ValidationErrors::one("response_id", Issue::Required)),
        s => s
            .parse::<ResponseId>()
            .map_err(|_| ValidationErrors::one("response_id", Issue::NotFound)),
    }
}

pub async fn link(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(input): CsrfForm<LinkForm>,
) -> Result<Response, PageError> {
    m.require(Action::EditRequests)?;
    let r = load(&state, &m, &id).await?;
    let rid = match response_id(&input.response_id) {
        Ok(rid) => rid,
        Err(e) => {
            let form = FormView::new()
                .with("response_id", &input.response_id)
                .with_errors(&e, m.tr());
            return refused(&state, &m, &r, form).await;
        }
    };
    match fr::link_response(state.store.as_ref(), m.workspace.id, r.id, rid).await {
        Ok((r, new)) => Ok(to_request(
            &m,
            r.id,
            if new { "linked" } else { "linked-again" },
        )),
        Err(Refused::Invalid(e)) => {
            let form = FormView::new()
                .with("response_id", &input.response_id)
                .with_errors(&e, m.tr());
            refused(&state, &m, &r, form).await
        }
        Err(Refused::CannotMerge) => Err(PageError::conflict(m.tr())),
        Err(Refused::Store(e)) => Err(PageError::from_store(e, m.tr())),
    }
}

// --- from a comment -----------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "feature_requests/from_comment_page.html")]
pub struct FromCommentPage {
    l: Layout,
    response_id: String,
    text: String,
    lang: &'static str,
    form: FormView,
    suggestions: Vec<(CardView, String)>,
    others: Vec<CardView>,
}

async fn from_comment_page(
    state: &AppState,
    m: &Member,
    rid: ResponseId,
    form: Option<FormView>,
) -> Result<FromCommentPage, PageError> {
    let store = state.store.as_ref();
    let ws = m.workspace.id;
    let response = store.response(ws, rid).await.map_err(store_err(m))?;
    let text = fr::written(&response);
    let title = fr::title_from(&text);
    let form = form.unwrap_or_else(|| {
        FormView::new()
            .with(
                "title",
                title.as_ref().map(Name::as_str).unwrap_or_default(),
            )
            .with("description", &text)
    });
    let board = fr::board(store, ws, None).await.map_err(store_err(m))?;
    // The comment as if it were a request, to find the requests it is most like.
    let probe = FeatureRequest {
        id: FeatureRequestId::new(),
        fields: FeatureRequestFields {
            title: title.unwrap_or_else(|| m.workspace.name.clone()),
            description: LongText::parse(&text).unwrap_or_default(),
        },
        status: FeatureRequestStatus::UnderReview,
        note: PublicNote::default(),
        source: RequestSource::Comment,
        merged_into: None,
        votes: 0,
        created_at: response.submitted_at,
        updated_at: response.submitted_at,
    };
    let tr = m.tr();
    let suggestions: Vec<(CardView, String)> =
        similar::near_duplicates(&probe, &board, Some(response.locale), 5)
            .into_iter()
            .map(|(o, s)| (card(o, m), tr.number(s * 100.0, 0)))
            .collect();
    let suggested: BTreeSet<String> = suggestions.iter().map(|(c, _)| c.id.clone()).collect();
    Ok(FromCommentPage {
        response_id: rid.to_string(),
        lang: response.locale.tag(),
        text,
        form,
        others: board
            .iter()
            .map(|o| card(o, m))
            .filter(|c| !suggested.contains(&c.id))
            .collect(),
        suggestions,
        l: m.layout("requests"),
    })
}

pub async fn from_comment_form(
    State(state): State<AppState>,
    m: Member,
    Path((_, response)): Path<(String, String)>,
) -> Result<FromCommentPage, PageError> {
    m.require(Action::EditRequests)?;
    let rid: ResponseId = parse_id(&response, m.tr())?;
    from_comment_page(&state, &m, rid, None).await
}

#[derive(Debug, Default, Deserialize)]
pub struct FromCommentForm {
    #[serde(default)]
    response_id: String,
    /// Absent: the title is the comment's first line (the feed's one-click button).
    title: Option<String>,
    #[serde(default)]
    description: String,
}

pub async fn from_comment(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(input): CsrfForm<FromCommentForm>,
) -> Result<Response, PageError> {
    m.require(Action::EditRequests)?;
    let tr = m.tr();
    let rid = match response_id(&input.response_id) {
        Ok(rid) => rid,
        Err(e) => {
            let form = FormView::new().with_errors(&e, tr);
            let page = board_page(&state, &m, &BoardQuery::default(), form).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let fields = match &input.title {
        None => None,
        Some(title) => {
            let typed = FeatureRequestInput {
                title: title.clone(),
                description: input.description.clone(),
            };
            match typed.parse() {
                Ok(f) => Some(f),
                Err(e) => {
                    let form = FormView::new()
                        .with("title", title)
                        .with("description", &input.description)
                        .with_errors(&e, tr);
                    let page = from_comment_page(&state, &m, rid, Some(form)).await?;
                    return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
                }
            }
        }
    };
    match fr::create_from_comment(state.store.as_ref(), m.workspace.id, rid, fields).await {
        Ok(r) => Ok(to_request(&m, r.id, "created")),
        Err(Refused::Invalid(e)) => {
            // No such comment here: the same as any unknown address. A comment with nothing
            // written: the chooser, to type a title.
            if e.issue_for("response_id") == Some(Issue::NotFound) {
                return Err(PageError::not_found(tr));
            }
            let page = from_comment_page(&state, &m, rid, None).await?;
            let page = FromCommentPage {
                form: page
                    .form
                    .with_errors(&e, tr)
                    .error_message("title", tr.issue(Issue::Required)),
                ..page
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Refused::CannotMerge) => Err(PageError::conflict(tr)),
        Err(Refused::Store(e)) => Err(PageError::from_store(e, tr)),
    }
}
