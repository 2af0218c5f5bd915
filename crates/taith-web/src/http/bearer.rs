//! Who is calling the API, in which workspace.
//!
//! Two ways in:
//! - `Authorization: Bearer taith_…` — an API token; it belongs to one workspace and has a
//!   scope (`read` or `write`).
//! - A signed-in browser session (the `taith_session` cookie) naming the workspace in
//!   `X-Taith-Workspace: <slug>`, where the user's role applies. Because a browser sends the
//!   cookie on its own, every request that changes something must also carry the session's
//!   CSRF token in `X-CSRF-Token`.
//!
//! A bearer header wins over a cookie. A workspace the user is not a member of answers exactly
//! like one that does not exist.

use crate::AppState;
use crate::http::ctx::{SESSION_COOKIE, cookie};
use crate::http::error::{ApiError, ErrorCode};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use taith_app::account::secrets::{constant_time_eq, secret_hash};
use taith_domain::{Action, Principal, Slug, Workspace, WorkspaceId};
use taith_store::{Author, StoreError};

/// The header naming the workspace of a session-authenticated request.
pub const WORKSPACE_HEADER: &str = "x-taith-workspace";
/// The header carrying the session's CSRF token on requests that change something.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// An authenticated caller in one workspace.
#[derive(Debug, Clone)]
pub struct Caller {
    pub workspace_id: WorkspaceId,
    /// Known already when the caller came with a session (looked up by slug).
    pub workspace: Option<Workspace>,
    pub principal: Principal,
}

impl Caller {
    /// `403 forbidden` unless the caller's role or scope allows `action`.
    pub fn require(&self, action: Action) -> Result<(), ApiError> {
        if self.principal.may(action) {
            Ok(())
        } else {
            Err(ApiError::new(ErrorCode::Forbidden))
        }
    }

    pub fn may(&self, action: Action) -> bool {
        self.principal.may(action)
    }

    /// The author written into journey revisions.
    pub fn author(&self) -> Author {
        Author {
            user_id: self.principal.user_id(),
            name: self.principal.display_name(),
        }
    }
}

fn unauthenticated() -> ApiError {
    ApiError::new(ErrorCode::Unauthenticated)
}

/// The token of an `Authorization: Bearer <token>` header.
fn bearer(headers: &HeaderMap) -> Option<Result<&str, ApiError>> {
    let value = headers.get(header::AUTHORIZATION)?;
    let token = value.to_str().ok().and_then(|v| {
        let (scheme, token) = v.trim().split_once(' ')?;
        scheme
            .eq_ignore_ascii_case("bearer")
            .then_some(token.trim())
            .filter(|t| !t.is_empty())
    });
    Some(token.ok_or_else(unauthenticated))
}

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Not found, for a store answer that says so; other failures as they are.
fn not_found_or(e: StoreError, not_found: ApiError) -> ApiError {
    match e {
        StoreError::NotFound => not_found,
        e => e.into(),
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let store = &state.store;
        if let Some(token) = bearer(&parts.headers) {
            let token = store
                .api_token_by_hash(&secret_hash(token?))
                .await
                .map_err(|e| not_found_or(e, unauthenticated()))?;
            let principal = Principal::Token {
                id: token.id,
                scope: token.scope,
            };
            crate::audit::layer::note(parts, token.workspace_id, &principal);
            return Ok(Caller {
                workspace_id: token.workspace_id,
                workspace: None,
                principal,
            });
        }
        let Some(secret) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(unauthenticated());
        };
        let session = store
            .session(&secret_hash(secret), taith_domain::now())
            .await
            .map_err(|e| not_found_or(e, unauthenticated()))?;
        // Signed in with the password only: not signed in, until the second factor.
        if session.second_factor_pending {
            return Err(unauthenticated());
        }
        if changes_state(&parts.method) {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            if session.csrf_token.is_empty() || !constant_time_eq(sent, &session.csrf_token) {
                return Err(ApiError::new(ErrorCode::CsrfFailed));
            }
        }
        let user = store
            .user(session.user_id)
            .await
            .map_err(|e| not_found_or(e, unauthenticated()))?;
        let Some(slug) = parts.headers.get(WORKSPACE_HEADER) else {
            return Err(ApiError::bad_request(
                "name the workspace in the X-Taith-Workspace header (its slug)",
            ));
        };
        let not_found = || ApiError::new(ErrorCode::NotFound);
        let slug = slug
            .to_str()
            .ok()
            .and_then(|s| Slug::parse(s).ok())
            .ok_or_else(not_found)?;
        let workspace = store
            .workspace_by_slug(&slug)
            .await
            .map_err(|e| not_found_or(e, not_found()))?;
        let role = store
            .member_role(workspace.id, user.id)
            .await
            .map_err(|e| not_found_or(e, not_found()))?;
        // The workspace requires a second factor this person has not set up: nothing until
        // they do (API tokens are not people, and are not affected).
        if taith_app::account::two_factor::must_enrol(store.as_ref(), workspace.id, user.id).await?
        {
            return Err(ApiError::new(ErrorCode::Forbidden));
        }
        let principal = Principal::Member { user, role };
        crate::audit::layer::note(parts, workspace.id, &principal);
        Ok(Caller {
            workspace_id: workspace.id,
            workspace: Some(workspace),
            principal,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(auth: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(auth).unwrap_or_else(|_| HeaderValue::from_static("")),
        );
        h
    }

    #[test]
    fn a_bearer_header_gives_its_token_and_other_schemes_are_unauthenticated() {
        assert_eq!(
            bearer(&headers("Bearer taith_abc")).and_then(Result::ok),
            Some("taith_abc")
        );
        assert_eq!(
            bearer(&headers("bearer  taith_abc ")).and_then(Result::ok),
            Some("taith_abc")
        );
        let basic = bearer(&headers("Basic dXNlcjpwdw=="))
            .and_then(Result::err)
            .map(|e| e.code);
        assert_eq!(basic, Some(ErrorCode::Unauthenticated));
        assert!(bearer(&HeaderMap::new()).is_none());
    }

    #[test]
    fn only_reads_skip_the_csrf_check() {
        assert!(!changes_state(&Method::GET) && !changes_state(&Method::HEAD));
        for m in [Method::POST, Method::PUT, Method::PATCH, Method::DELETE] {
            assert!(changes_state(&m));
        }
    }
}
