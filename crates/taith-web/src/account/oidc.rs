//! Signing in with the business's identity provider (`/sign-in/oidc` and its callback). The
//! flow and every check are `taith_app::account::oidc`; here the browser is sent there and
//! back, the attempt kept in a short-lived cookie, and the session started as after a password.

use super::pages::{LoginPage, cookie_header, provider_name, sign_in};
use crate::AppState;
use crate::http::ctx::{Visitor, cookie};
use crate::http::form::FormView;
use crate::http::page_error::PageError;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taith_app::account::oidc::{ATTEMPT_SECONDS, Attempt, OidcError, Refusal};

/// The cookie that keeps one attempt's state, nonce and PKCE verifier.
const ATTEMPT_COOKIE: &str = "taith_oidc";

fn callback_uri(v: &Visitor) -> String {
    format!("{}/sign-in/oidc/callback", v.origin)
}

/// `GET /sign-in/oidc`: to the identity provider. None configured: 404.
pub async fn begin(State(state): State<AppState>, v: Visitor) -> Result<Response, PageError> {
    let Some(oidc) = &state.config.oidc else {
        return Err(PageError::not_found(&v.tr));
    };
    match oidc.begin(&callback_uri(&v)).await {
        Ok(begun) => {
            let mut r = Redirect::to(&begun.location).into_response();
            r.headers_mut().append(
                header::SET_COOKIE,
                cookie_header(
                    &state,
                    ATTEMPT_COOKIE,
                    &begun.attempt.to_cookie(),
                    ATTEMPT_SECONDS,
                ),
            );
            Ok(r)
        }
        Err(e) => Ok(refused(&state, &v, e)),
    }
}

#[derive(Debug, Deserialize, Default)]
pub struct Callback {
    #[serde(default)]
    code: String,
    #[serde(default)]
    state: String,
    /// The provider's own refusal (`access_denied`, …).
    #[serde(default)]
    error: Option<String>,
}

/// `GET /sign-in/oidc/callback`: the provider's answer; signed in, or the sign-in page saying
/// why not. The attempt's cookie is spent either way.
pub async fn callback(
    State(state): State<AppState>,
    v: Visitor,
    headers: HeaderMap,
    Query(q): Query<Callback>,
) -> Result<Response, PageError> {
    let Some(oidc) = &state.config.oidc else {
        return Err(PageError::not_found(&v.tr));
    };
    let attempt = cookie(&headers, ATTEMPT_COOKIE).and_then(Attempt::from_cookie);
    let result = if q.error.is_some() {
        Err(OidcError::Refused(Refusal::NotThisAttempt))
    } else {
        oidc.finish(
            state.store.as_ref(),
            &callback_uri(&v),
            attempt.as_ref(),
            &q.state,
            &q.code,
            taith_domain::now(),
        )
        .await
    };
    let mut r = match result {
        Ok(user) => sign_in(&state, &v, &headers, user, "/").await?,
        Err(e) => refused(&state, &v, e),
    };
    r.headers_mut().append(
        header::SET_COOKIE,
        cookie_header(&state, ATTEMPT_COOKIE, "", 0),
    );
    Ok(r)
}

/// The sign-in page saying why the provider's way did not work: 403 for an attempt taith
/// cannot trust or a person without an account, 502 when the provider failed.
fn refused(state: &AppState, v: &Visitor, e: OidcError) -> Response {
    let (status, key) = match &e {
        OidcError::Refused(Refusal::NotThisAttempt) => {
            (StatusCode::BAD_REQUEST, "oidc-not-this-attempt")
        }
        OidcError::Refused(Refusal::BadToken) => (StatusCode::FORBIDDEN, "oidc-bad-token"),
        OidcError::Refused(Refusal::Unverified) => (StatusCode::FORBIDDEN, "oidc-unverified"),
        OidcError::Refused(Refusal::NoAccount) => (StatusCode::FORBIDDEN, "oidc-no-account"),
        OidcError::Provider(_) | OidcError::Store(_) => {
            tracing::error!(
                error = &e as &dyn std::error::Error,
                "OpenID sign-in failed"
            );
            (StatusCode::BAD_GATEWAY, "oidc-provider-failed")
        }
    };
    if let OidcError::Refused(reason) = &e {
        tracing::info!(?reason, "OpenID sign-in refused");
    }
    let (csrf, csrf_cookie) = super::pages::pre_session_csrf(state, v);
    let mut l = v.layout();
    l.csrf = csrf;
    let mut r = (
        status,
        LoginPage {
            l,
            form: FormView::new().with("next", "/"),
            failed: false,
            notice: None,
            problem: Some(v.tr.t(key)),
            provider: provider_name(state),
        },
    )
        .into_response();
    if let Some(c) = csrf_cookie {
        r.headers_mut().append(header::SET_COOKIE, c);
    }
    r
}
