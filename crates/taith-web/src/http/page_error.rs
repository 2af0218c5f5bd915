//! Error pages, in the visitor's language, and the answer for an address no route knows.

use crate::AppState;
use crate::http::ctx::Visitor;
use crate::http::error::{ApiError, ErrorCode};
use crate::http::layout::Layout;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use taith_i18n::Tr;
use taith_store::StoreError;

/// Why a page could not be shown.
#[derive(Debug)]
pub enum PageError {
    /// Not signed in: go to the sign-in page and come back to `next`.
    SignIn { next: String },
    /// An error page with a status.
    Page {
        status: StatusCode,
        tr: Tr,
        title_key: &'static str,
        message_key: &'static str,
    },
    /// A page of its own that explains the error (a period that does not read, with its
    /// control to choose again).
    Shown(Box<Response>),
}

#[derive(Template, WebTemplate)]
#[template(path = "http/error.html")]
struct ErrorPage {
    l: Layout,
    /// The status, shown large (it reads the same in every language).
    status: u16,
    title: String,
    message: String,
    /// On a 5xx page: the request's id, for the visitor to quote.
    request_id: Option<String>,
}

/// Answers a request for an address no route serves: the API's JSON error under `/api/`,
/// else the not-found page in the visitor's language (`?lang=`, cookie, Accept-Language),
/// with the links to the same address in the other languages.
pub async fn fallback(State(state): State<AppState>, req: Request) -> Response {
    if req.uri().path() == "/api" || req.uri().path().starts_with("/api/") {
        return ApiError::new(ErrorCode::NotFound).into_response();
    }
    let (mut parts, _) = req.into_parts();
    let visitor = match Visitor::from_request_parts(&mut parts, &state).await {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    let tr = &visitor.tr;
    let page = ErrorPage {
        status: StatusCode::NOT_FOUND.as_u16(),
        title: tr.t("site-not-found-title"),
        message: tr.t("site-not-found"),
        request_id: None,
        l: visitor.layout(),
    };
    (StatusCode::NOT_FOUND, page).into_response()
}

impl PageError {
    fn page(
        status: StatusCode,
        tr: &Tr,
        title_key: &'static str,
        message_key: &'static str,
    ) -> PageError {
        PageError::Page {
            status,
            tr: tr.clone(),
            title_key,
            message_key,
        }
    }

    pub fn not_found(tr: &Tr) -> PageError {
        Self::page(
            StatusCode::NOT_FOUND,
            tr,
            "error-not-found-title",
            "error-not-found",
        )
    }

    pub fn forbidden(tr: &Tr) -> PageError {
        Self::page(
            StatusCode::FORBIDDEN,
            tr,
            "error-forbidden-title",
            "error-forbidden",
        )
    }

    pub fn csrf(tr: &Tr) -> PageError {
        Self::page(StatusCode::FORBIDDEN, tr, "error-csrf-title", "error-csrf")
    }

    pub fn bad_request(tr: &Tr) -> PageError {
        Self::page(
            StatusCode::BAD_REQUEST,
            tr,
            "error-bad-request-title",
            "error-bad-request",
        )
    }

    pub fn too_large(tr: &Tr) -> PageError {
        Self::page(
            StatusCode::PAYLOAD_TOO_LARGE,
            tr,
            "error-too-large-title",
            "error-too-large",
        )
    }

    pub fn conflict(tr: &Tr) -> PageError {
        Self::page(
            StatusCode::CONFLICT,
            tr,
            "error-conflict-title",
            "error-conflict",
        )
    }

    pub fn too_many_requests(tr: &Tr) -> PageError {
        Self::page(
            StatusCode::TOO_MANY_REQUESTS,
            tr,
            "error-too-many-title",
            "error-too-many",
        )
    }

    pub fn unavailable(tr: &Tr) -> PageError {
        Self::page(
            StatusCode::SERVICE_UNAVAILABLE,
            tr,
            "error-busy-title",
            "error-busy",
        )
    }

    pub fn internal(tr: &Tr) -> PageError {
        Self::page(
            StatusCode::INTERNAL_SERVER_ERROR,
            tr,
            "error-internal-title",
            "error-internal",
        )
    }

    /// The page for a store failure; internal causes are logged, never shown.
    pub fn from_store(e: StoreError, tr: &Tr) -> PageError {
        match e {
            StoreError::NotFound => Self::not_found(tr),
            StoreError::Conflict(_) => Self::conflict(tr),
            StoreError::Unsupported(_) | StoreError::Internal(_) => {
                tracing::error!(error = &e as &dyn std::error::Error, "store failure");
                Self::internal(tr)
            }
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        match self {
            PageError::Shown(r) => *r,
            PageError::SignIn { next } => {
                let q = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
                Redirect::to(&format!("/login?{q}")).into_response()
            }
            PageError::Page {
                status,
                tr,
                title_key,
                message_key,
            } => {
                let page = ErrorPage {
                    status: status.as_u16(),
                    title: tr.t(title_key),
                    message: tr.t(message_key),
                    request_id: status
                        .is_server_error()
                        .then(crate::http::request_id::current)
                        .flatten(),
                    l: Layout::bare(tr),
                };
                (status, page).into_response()
            }
        }
    }
}
