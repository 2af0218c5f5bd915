//! The audit log page (`/w/{slug}/audit`), for owners: who changed what and who read personal
//! data, newest first, over a period, page by page; its CSV; and how long it is kept.

use crate::AppState;
use crate::http::ctx::{CsrfForm, Member};
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use crate::http::period::{PeriodControl, PeriodQuery, read_period};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taith_app::audit::{self, AuditError};
use taith_domain::{Action, AuditEntry, AuditKind};
use taith_i18n::Tr;

#[derive(Debug, Deserialize, Default)]
pub struct AuditPageQuery {
    #[serde(flatten)]
    pub period: PeriodQuery,
    /// The cursor of the page: entries older than it.
    #[serde(default)]
    pub before: String,
}

/// One entry as listed.
pub struct EntryRow {
    pub when: String,
    pub who: String,
    pub kind: &'static str,
    pub kind_name: String,
    pub address: String,
    pub method: String,
    pub action: String,
    pub target: String,
    pub outcome: &'static str,
    pub outcome_name: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "audit/page.html")]
pub struct AuditPage {
    l: Layout,
    period: PeriodControl,
    entries: Vec<EntryRow>,
    csv_href: String,
    older_href: Option<String>,
    newest_href: Option<String>,
    form: FormView,
}

/// `done` (2xx, 3xx), `refused` (4xx) or `failed` (5xx).
fn outcome(status: u16) -> &'static str {
    match status {
        400..=499 => "refused",
        500.. => "failed",
        _ => "done",
    }
}

fn row(e: &AuditEntry, tr: &Tr) -> EntryRow {
    let kind = match e.kind() {
        AuditKind::Change => "change",
        AuditKind::Read => "read",
    };
    let outcome = outcome(e.status);
    EntryRow {
        when: tr.datetime(e.at),
        who: e.actor.label.clone(),
        kind,
        kind_name: tr.t(&format!("audit-kind-{kind}")),
        address: e.address.clone().unwrap_or_default(),
        method: e.method.clone(),
        action: e.action.clone(),
        target: e.target.clone(),
        outcome,
        outcome_name: tr.ta(
            &format!("audit-outcome-{outcome}"),
            &[("status", e.status.to_string())],
        ),
    }
}

async fn audit_page(
    state: &AppState,
    m: &Member,
    q: &AuditPageQuery,
    form: FormView,
) -> Result<AuditPage, PageError> {
    let path = format!("{}/audit", m.base());
    let (period, control) = read_period(m, &q.period, &path, &[])?;
    let tr = m.tr();
    let before = super::read_cursor(q.before.trim());
    let entries = audit::page(state.store.as_ref(), m.workspace.id, &period, before)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    let keep = control.keep_period();
    let link = |extra: Option<(&'static str, String)>| {
        let mut pairs = keep.clone();
        pairs.extend(extra);
        format!(
            "{path}?{}",
            serde_urlencoded::to_string(&pairs).unwrap_or_default()
        )
    };
    let older_href = match entries.last() {
        Some(last) if entries.len() == audit::PAGE as usize => {
            Some(link(Some(("before", super::cursor(last.at, last.id)))))
        }
        _ => None,
    };
    let form = if form.v("months").is_empty() && !form.has_errors() {
        let kept = audit::retention(state.store.as_ref(), m.workspace.id)
            .await
            .map_err(|e| PageError::from_store(e, tr))?;
        form.with("months", kept.months())
    } else {
        form
    };
    Ok(AuditPage {
        entries: entries.iter().map(|e| row(e, tr)).collect(),
        csv_href: format!(
            "{}/audit.csv?{}",
            m.base(),
            serde_urlencoded::to_string(&keep).unwrap_or_default()
        ),
        older_href,
        newest_href: before.map(|_| link(None)),
        form,
        period: control,
        l: m.layout("audit"),
    })
}

/// `GET /w/{slug}/audit`.
pub async fn page(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<AuditPageQuery>,
) -> Result<AuditPage, PageError> {
    m.require(Action::Govern)?;
    audit_page(&state, &m, &q, FormView::new()).await
}

/// `GET /w/{slug}/audit.csv`: the whole log of the period.
pub async fn csv(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<AuditPageQuery>,
) -> Result<Response, PageError> {
    m.require(Action::Govern)?;
    let path = format!("{}/audit", m.base());
    let (period, _) = read_period(&m, &q.period, &path, &[])?;
    let body = audit::export_csv(state.store.as_ref(), m.workspace.id, &period)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?;
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"audit-log.csv\""),
    );
    Ok(response)
}

#[derive(Debug, Deserialize)]
pub struct RetentionForm {
    #[serde(default)]
    pub months: String,
}

/// `POST /w/{slug}/audit/retention`.
pub async fn save_retention(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(f): CsrfForm<RetentionForm>,
) -> Result<Response, PageError> {
    m.require(Action::Govern)?;
    match audit::set_retention(state.store.as_ref(), m.workspace.id, &f.months).await {
        Ok(_) => Ok(Redirect::to(&format!("{}/audit#retention-h", m.base())).into_response()),
        Err(AuditError::Invalid(errors)) => {
            let form = FormView::new()
                .with("months", &f.months)
                .with_errors(&errors, m.tr());
            let page = audit_page(&state, &m, &AuditPageQuery::default(), form).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(AuditError::Store(e)) => Err(PageError::from_store(e, m.tr())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_as_done_refused_or_failed() {
        assert_eq!(outcome(200), "done");
        assert_eq!(outcome(303), "done");
        assert_eq!(outcome(403), "refused");
        assert_eq!(outcome(422), "refused");
        assert_eq!(outcome(500), "failed");
    }
}
