//! Errors as HTTP answers: one JSON shape for the API, one page for the UI.
//!
//! Every failure has a stable code with a fixed status ([`ErrorCode`]). A 5xx body never says
//! more than "internal error" and the request's id; the cause goes to the log.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use taith_domain::{FieldError, ValidationErrors};
use taith_store::{ConflictKind, StoreError};

/// The catalogue of error codes the API sends, each with its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    Unauthenticated,
    Forbidden,
    NotFound,
    ValidationFailed,
    Conflict,
    StaleVersion,
    PayloadTooLarge,
    BadRequest,
    CsrfFailed,
    /// Too many requests of this kind from this client; `Retry-After` says when to retry.
    RateLimited,
    /// The server is handling all it can; `Retry-After` says when to retry.
    Unavailable,
    Internal,
}

impl ErrorCode {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorCode::Unauthenticated => StatusCode::UNAUTHORIZED,
            ErrorCode::Forbidden | ErrorCode::CsrfFailed => StatusCode::FORBIDDEN,
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::Conflict | ErrorCode::StaleVersion => StatusCode::CONFLICT,
            ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::BadRequest => StatusCode::BAD_REQUEST,
            ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Unauthenticated => "unauthenticated",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::ValidationFailed => "validation_failed",
            ErrorCode::Conflict => "conflict",
            ErrorCode::StaleVersion => "stale_version",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::CsrfFailed => "csrf_failed",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::Unavailable => "unavailable",
            ErrorCode::Internal => "internal",
        }
    }

    /// The English message sent with the code; clients show their own words by code.
    fn message(self) -> &'static str {
        match self {
            ErrorCode::Unauthenticated => "sign in or send a valid bearer token",
            ErrorCode::Forbidden => "your role or token scope does not allow this",
            ErrorCode::NotFound => "not found",
            ErrorCode::ValidationFailed => "the request has invalid fields",
            ErrorCode::Conflict => "this conflicts with existing data",
            ErrorCode::StaleVersion => {
                "the journey was changed since you read it; reload and retry"
            }
            ErrorCode::PayloadTooLarge => "the request body is too large",
            ErrorCode::BadRequest => "the request could not be read",
            ErrorCode::CsrfFailed => "the form expired; reload the page and try again",
            ErrorCode::RateLimited => "too many requests; retry after the given seconds",
            ErrorCode::Unavailable => "the server is busy; retry after the given seconds",
            ErrorCode::Internal => "internal error",
        }
    }
}

/// An API failure.
#[derive(Debug)]
pub struct ApiError {
    pub code: ErrorCode,
    pub details: Vec<FieldError>,
    /// For `bad_request`: what could not be read (never internals).
    pub hint: Option<String>,
}

impl ApiError {
    pub fn new(code: ErrorCode) -> ApiError {
        ApiError {
            code,
            details: Vec::new(),
            hint: None,
        }
    }

    pub fn bad_request(hint: impl Into<String>) -> ApiError {
        ApiError {
            code: ErrorCode::BadRequest,
            details: Vec::new(),
            hint: Some(hint.into()),
        }
    }
}

impl From<ValidationErrors> for ApiError {
    fn from(e: ValidationErrors) -> Self {
        ApiError {
            code: ErrorCode::ValidationFailed,
            details: e.0,
            hint: None,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError::new(store_error_code(&e))
    }
}

/// The code for a store failure; internal failures are logged here, once.
pub fn store_error_code(e: &StoreError) -> ErrorCode {
    match e {
        StoreError::NotFound => ErrorCode::NotFound,
        StoreError::Conflict(ConflictKind::StaleVersion) => ErrorCode::StaleVersion,
        StoreError::Conflict(_) => ErrorCode::Conflict,
        StoreError::Unsupported(_) | StoreError::Internal(_) => {
            tracing::error!(error = e as &dyn std::error::Error, "store failure");
            ErrorCode::Internal
        }
    }
}

/// The body of every API error.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable, machine-readable code.
    pub code: String,
    pub message: String,
    pub details: Vec<FieldIssue>,
}

/// One invalid field.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FieldIssue {
    pub field: String,
    /// `required`, `too_long`, `invalid`, `unknown_value`, `not_found`, `taken`, `too_short`, `mismatch`.
    pub issue: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.code.status();
        let message = match (&self.hint, self.code) {
            (Some(h), ErrorCode::BadRequest) => format!("{}: {h}", self.code.message()),
            // Our fault: say which request, so the caller can quote it and we can find it.
            _ if status.is_server_error() => match crate::http::request_id::current() {
                Some(id) => format!("{} (request {id})", self.code.message()),
                None => self.code.message().to_owned(),
            },
            _ => self.code.message().to_owned(),
        };
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.as_str().to_owned(),
                message,
                details: self
                    .details
                    .into_iter()
                    .map(|d| FieldIssue {
                        field: d.field,
                        issue: d.issue.code().to_owned(),
                    })
                    .collect(),
            },
        };
        (status, Json(body)).into_response()
    }
}
