//! The staff side of "you said, we did": the changes list with the notices sent per change
//! (`/w/{slug}/changes`), and the form that records one for a feature request or a theme
//! (`/w/{slug}/changes/new?source_kind=…&source_id=…`, linked from the request's and the
//! theme's pages).

use crate::AppState;
use crate::http::ctx::{CsrfForm, Member};
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use std::collections::BTreeMap;
use taith_app::changes::{self, Refused};
use taith_domain::{Action, ChangeInput, ChangeRecord, ChangeSource, Locale};
use taith_i18n::Tr;
use taith_store::{PageRequest, StoreError};

fn store_err(m: &Member) -> impl Fn(StoreError) -> PageError + '_ {
    move |e| PageError::from_store(e, m.tr())
}

/// Where a change's source is shown to staff.
pub fn source_href(m: &Member, source: ChangeSource) -> String {
    match source {
        ChangeSource::FeatureRequest(id) => format!("{}/requests/{id}", m.base()),
        ChangeSource::Theme(id) => format!("{}/themes/{id}", m.base()),
        ChangeSource::RootCause(_) => format!("{}/cases/settings#causes-h", m.base()),
    }
}

pub fn source_kind_name(tr: &Tr, source: ChangeSource) -> String {
    tr.t(match source {
        ChangeSource::FeatureRequest(_) => "changes-source-feature-request",
        ChangeSource::Theme(_) => "changes-source-theme",
        ChangeSource::RootCause(_) => "changes-source-root-cause",
    })
}

/// A change as the list shows it.
#[derive(Debug)]
pub struct ChangeRow {
    pub id: String,
    pub day: String,
    pub kind: String,
    pub title: String,
    pub href: String,
    pub note: Option<(&'static str, String)>,
    pub by: String,
    pub sent: String,
    pub waiting: Option<String>,
    pub opted_out: Option<String>,
}

fn row(m: &Member, c: &ChangeRecord) -> ChangeRow {
    let tr = m.tr();
    let n = |x: u64| i64::try_from(x).unwrap_or(i64::MAX);
    ChangeRow {
        id: c.id.to_string(),
        day: tr.date(c.created_at.date()),
        kind: source_kind_name(tr, c.source),
        title: c.source_title.clone(),
        href: source_href(m, c.source),
        note: c
            .note
            .for_reader(tr.locale)
            .map(|(l, s)| (l.tag(), s.to_owned())),
        by: c.created_by.clone(),
        sent: tr.tna(
            "changes-notices-sent",
            ("count", n(c.notices.sent)),
            &[("total", tr.number(c.notices.recipients as f64, 0))],
        ),
        waiting: (c.notices.waiting() > 0)
            .then(|| tr.tn("changes-notices-waiting", "count", n(c.notices.waiting()))),
        opted_out: (c.notices.opted_out > 0)
            .then(|| tr.tn("changes-notices-opted-out", "count", n(c.notices.opted_out))),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "changes/list.html")]
pub struct ListPage {
    l: Layout,
    rows: Vec<ChangeRow>,
    public_href: String,
    mail_off: bool,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    done: String,
}

/// The changes, newest first, with their notices.
pub async fn list(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<ListQuery>,
) -> Result<ListPage, PageError> {
    let all = changes::list(
        state.store.as_ref(),
        m.workspace.id,
        PageRequest::first(200),
    )
    .await
    .map_err(store_err(&m))?;
    Ok(ListPage {
        rows: all.items.iter().map(|c| row(&m, c)).collect(),
        public_href: format!("/f/{}/changes", m.workspace.slug),
        mail_off: !state.app.notices.enabled(),
        notice: (q.done == "recorded").then(|| m.tr().t("changes-done-recorded")),
        l: m.layout("changes"),
    })
}

/// A note field: `(field name, locale, its text)`.
#[derive(Debug)]
pub struct NoteField {
    pub field: String,
    pub locale: Locale,
    pub value: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "changes/new.html")]
pub struct NewPage {
    l: Layout,
    kind: String,
    source_kind: String,
    source_id: String,
    title: String,
    href: String,
    told: String,
    not_told: Option<String>,
    notes: Vec<NoteField>,
    form: FormView,
}

#[derive(Debug, Default, Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    source_kind: String,
    #[serde(default)]
    source_id: String,
}

async fn new_page(
    state: &AppState,
    m: &Member,
    source_kind: &str,
    source_id: &str,
    form: FormView,
) -> Result<NewPage, PageError> {
    let tr = m.tr();
    let store = state.store.as_ref();
    let ws = m.workspace.id;
    // Only a tampered form or address names no source: 400. A source of no request or theme
    // of this workspace is a 404, as for any other missing id.
    let source =
        ChangeSource::parse(source_kind, source_id).map_err(|_| PageError::bad_request(tr))?;
    let title = match changes::source_title(store, ws, source).await {
        Ok(t) => t,
        Err(Refused::Invalid(_)) => return Err(PageError::not_found(tr)),
        Err(Refused::Store(e)) => return Err(store_err(m)(e)),
    };
    let (told, left) = changes::audience(store, ws, source)
        .await
        .map_err(store_err(m))?;
    let notes = Locale::ALL
        .into_iter()
        .map(|l| {
            let field = format!("note_{}", l.tag());
            NoteField {
                value: form.v(&field).to_owned(),
                field,
                locale: l,
            }
        })
        .collect();
    Ok(NewPage {
        kind: source_kind_name(tr, source),
        source_kind: source.kind().to_owned(),
        source_id: source.id().to_string(),
        title,
        href: source_href(m, source),
        told: tr.tn(
            "changes-will-tell",
            "count",
            i64::try_from(told.len()).unwrap_or(i64::MAX),
        ),
        not_told: (left > 0).then(|| {
            tr.tn(
                "changes-will-not-tell",
                "count",
                i64::try_from(left).unwrap_or(i64::MAX),
            )
        }),
        notes,
        form,
        l: m.layout("changes"),
    })
}

/// The form that records a change for a request or a theme.
pub async fn new_form(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<NewQuery>,
) -> Result<NewPage, PageError> {
    m.require(Action::RecordChanges)?;
    new_page(&state, &m, &q.source_kind, &q.source_id, FormView::new()).await
}

/// Records a change: its notices are queued and the worker woken.
pub async fn create(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(input): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, PageError> {
    m.require(Action::RecordChanges)?;
    let get = |k: &str| input.get(k).cloned().unwrap_or_default();
    let note: BTreeMap<Locale, String> = Locale::ALL
        .into_iter()
        .filter_map(|l| {
            input
                .get(&format!("note_{}", l.tag()))
                .map(|v| (l, v.clone()))
        })
        .collect();
    let change_input = ChangeInput {
        source_kind: get("source_kind"),
        source_id: get("source_id"),
        note: note.clone(),
    };
    let by = m.user.name.to_string();
    match changes::record(state.store.as_ref(), m.workspace.id, &change_input, &by).await {
        Ok(c) => {
            state.app.notices.wake();
            Ok(
                Redirect::to(&format!("{}/changes?done=recorded#c-{}", m.base(), c.id))
                    .into_response(),
            )
        }
        Err(Refused::Invalid(e)) => {
            let mut form = FormView::new();
            for (l, v) in &note {
                form.set(&format!("note_{}", l.tag()), v);
            }
            let form = form.with_errors(&e, m.tr());
            let page = new_page(
                &state,
                &m,
                &change_input.source_kind,
                &change_input.source_id,
                form,
            )
            .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Refused::Store(e)) => Err(store_err(&m)(e)),
    }
}
