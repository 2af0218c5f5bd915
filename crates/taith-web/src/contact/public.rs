//! The preference page a customer reaches from an invitation e-mail
//! (`/u/{token}/preferences`), no sign-in: a switch per purpose (being asked for feedback,
//! "we did" notices), saved as consent from the preference page. Under `/u/` it has the
//! respondent pages' headers and the public-submission rate limit; the token is the
//! invitation's (the only key, as for unsubscribing), and, like it, needs no CSRF token: it
//! acts on nobody's session.

use crate::AppState;
use crate::http::ctx::Visitor;
use crate::http::page_error::PageError;
use crate::respond::pages::Frame;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use taith_app::contact;
use taith_domain::contact::{Consent, ConsentSource, Purpose};
use taith_domain::{CustomerId, Locale, WorkspaceId};
use taith_i18n::Tr;

#[derive(Template, WebTemplate)]
#[template(path = "contact/preferences.html")]
pub struct PreferencesPage {
    r: Frame,
    heading: String,
    message: String,
    notice: Option<String>,
    action: String,
    surveys: bool,
    notices: bool,
    surveys_label: String,
    notices_label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "respond/message.html")]
pub struct Unknown {
    r: Frame,
    heading: String,
    message: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct LangQuery {
    #[serde(default)]
    lang: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct PreferencesForm {
    #[serde(default)]
    surveys: Option<String>,
    #[serde(default)]
    notices: Option<String>,
}

struct Holder {
    ws: WorkspaceId,
    customer: CustomerId,
    locale: Locale,
    business: String,
}

async fn holder(state: &AppState, token: &str, v: &Visitor) -> Result<Option<Holder>, PageError> {
    let found = crate::respond::pages::find_invitation(state, token, v).await?;
    Ok(found.map(|i| Holder {
        ws: i.found.ws,
        customer: i.invitation.customer_id,
        locale: i.invitation.locale,
        business: i.found.business,
    }))
}

fn finish(mut r: Response) -> Response {
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    r
}

fn unknown(v: &Visitor) -> Response {
    let t = v.tr.clone();
    let page = Unknown {
        heading: t.t("respond-unknown-title"),
        message: t.t("respond-invitation-unknown"),
        r: frame(t.clone(), "", "", Vec::new()),
    };
    finish((StatusCode::NOT_FOUND, page).into_response())
}

fn frame(t: Tr, title: &str, business: &str, languages: Vec<(Locale, String)>) -> Frame {
    Frame {
        title: title.to_owned(),
        business: business.to_owned(),
        t,
        preview: false,
        languages,
        kiosk: false,
        reset: None,
        embed: false,
        tabs: Vec::new(),
    }
}

fn render(token: &str, h: &Holder, locale: Locale, consents: &[Consent], saved: bool) -> Response {
    let t = Tr::new(locale);
    let links = Locale::ALL
        .into_iter()
        .map(|l| (l, format!("/u/{token}/preferences?lang={}", l.tag())))
        .collect();
    let page = PreferencesPage {
        heading: t.t("preferences-title"),
        message: t.t1("preferences-explain", "business", &h.business),
        notice: saved.then(|| t.t("preferences-saved")),
        action: format!("/u/{token}/preferences?lang={}", locale.tag()),
        surveys: Consent::of(consents, Purpose::Surveys).granted,
        notices: Consent::of(consents, Purpose::Notices).granted,
        surveys_label: t.t1("preferences-surveys", "business", &h.business),
        notices_label: t.t1("preferences-notices", "business", &h.business),
        r: frame(
            t.clone(),
            &t.plain().t("preferences-title"),
            &h.business,
            links,
        ),
    };
    finish(page.into_response())
}

fn locale_of(h: &Holder, lang: &str) -> Locale {
    Locale::from_tag(lang).unwrap_or(h.locale)
}

/// The preference page.
pub async fn show(
    State(state): State<AppState>,
    v: Visitor,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
) -> Result<Response, PageError> {
    let Some(h) = holder(&state, &token, &v).await? else {
        return Ok(unknown(&v));
    };
    let locale = locale_of(&h, &q.lang);
    let consents = contact::consents(state.store.as_ref(), h.ws, h.customer)
        .await
        .map_err(|e| PageError::from_store(e, &Tr::new(locale)))?;
    Ok(render(&token, &h, locale, &consents, false))
}

/// Saves the switches: a box left unticked withdraws consent for its purpose.
pub async fn save(
    State(state): State<AppState>,
    v: Visitor,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    Form(form): Form<PreferencesForm>,
) -> Result<Response, PageError> {
    let Some(h) = holder(&state, &token, &v).await? else {
        return Ok(unknown(&v));
    };
    let locale = locale_of(&h, &q.lang);
    let changes = [
        (Purpose::Surveys, form.surveys.is_some()),
        (Purpose::Notices, form.notices.is_some()),
    ];
    let consents = contact::set_consents(
        state.store.as_ref(),
        h.ws,
        h.customer,
        &changes,
        ConsentSource::PreferencePage,
    )
    .await
    .map_err(|e| PageError::from_store(e, &Tr::new(locale)))?;
    Ok(render(&token, &h, locale, &consents, true))
}
