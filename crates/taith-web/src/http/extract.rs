//! Extractors whose rejections are API errors: a JSON body, path ids and paging.
//!
//! axum's own extractors answer a bad request with a plain-text body; these answer with the
//! one error shape, so a client never has to parse two kinds of failure.

use crate::http::error::{ApiError, ErrorCode};
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use std::str::FromStr;
use taith_domain::{Issue, ValidationErrors};
use taith_store::PageRequest;
use utoipa::IntoParams;

/// A JSON request body. Syntax and type errors are `400 bad_request` with a short hint (which
/// field, what was expected); a body over the global limit is `413 payload_too_large`.
///
/// The error is kept, not raised, until the handler asks for the body: a handler first looks up
/// what the path names, so an unknown id is `404` whatever the body holds, exactly as for any
/// other id that names nothing.
#[derive(Debug)]
pub struct ApiJson<T>(Result<T, ApiError>);

impl<T> ApiJson<T> {
    /// The body, or why it could not be read.
    pub fn into_inner(self) -> Result<T, ApiError> {
        self.0
    }

    /// The body by reference, for edits that may run more than once.
    pub fn get(&self) -> Result<&T, ApiError> {
        self.0.as_ref().map_err(|e| ApiError {
            code: e.code,
            details: e.details.clone(),
            hint: e.hint.clone(),
        })
    }
}

/// The longest hint sent back about an unreadable body.
const MAX_HINT_CHARS: usize = 300;

fn json_rejection(r: JsonRejection) -> ApiError {
    if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return ApiError::new(ErrorCode::PayloadTooLarge);
    }
    let hint = match &r {
        JsonRejection::MissingJsonContentType(_) => {
            "expected Content-Type: application/json".to_owned()
        }
        // The source is serde's message with the path of the field, e.g.
        // "owner.user_id: invalid type: integer `1`, expected a string at line 1 column 30".
        JsonRejection::JsonDataError(e) => {
            source_text(e).unwrap_or_else(|| "unexpected JSON value".to_owned())
        }
        JsonRejection::JsonSyntaxError(e) => {
            format!(
                "invalid JSON: {}",
                source_text(e).unwrap_or_else(|| "syntax error".to_owned())
            )
        }
        _ => "the body could not be read".to_owned(),
    };
    ApiError::bad_request(hint.chars().take(MAX_HINT_CHARS).collect::<String>())
}

fn source_text(e: &dyn std::error::Error) -> Option<String> {
    e.source().map(ToString::to_string)
}

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = std::convert::Infallible;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        Ok(ApiJson(
            match axum::Json::<T>::from_request(req, state).await {
                Ok(axum::Json(value)) => Ok(value),
                Err(rejection) => Err(json_rejection(rejection)),
            },
        ))
    }
}

/// Path parameters. An id that does not parse is `404 not_found`, the same answer as an id of
/// nothing or of another workspace's thing, so ids cannot be probed.
#[derive(Debug)]
pub struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(ApiPath(value)),
            Err(_) => Err(ApiError::new(ErrorCode::NotFound)),
        }
    }
}

/// `?limit=` and `?cursor=` of a list request, checked.
#[derive(Debug, Clone)]
pub struct Paging {
    pub limit: u32,
    pub cursor: Option<String>,
}

impl Paging {
    pub const DEFAULT_LIMIT: u32 = 50;

    fn parse(query: &str) -> Result<Paging, ApiError> {
        // Fails only on a parameter given twice (`?cursor=a&cursor=b`), which must not
        // silently fall back to the first page.
        let q: ListQuery = serde_urlencoded::from_str(query)
            .map_err(|_| ApiError::bad_request("the query string could not be read"))?;
        let limit = match q.limit.as_deref().map(str::trim) {
            None | Some("") => Self::DEFAULT_LIMIT,
            Some(s) => match s.parse::<u32>() {
                Ok(n) if (1..=PageRequest::<()>::MAX_LIMIT).contains(&n) => n,
                _ => return Err(ValidationErrors::one("limit", Issue::Invalid).into()),
            },
        };
        let cursor = q.cursor.filter(|c| !c.trim().is_empty());
        Ok(Paging { limit, cursor })
    }

    /// The cursor as an id (or other key); a cursor that does not parse is a `422` on `cursor`.
    pub fn cursor<C: FromStr>(&self) -> Result<Option<C>, ApiError> {
        match &self.cursor {
            None => Ok(None),
            Some(c) => c
                .parse()
                .map(Some)
                .map_err(|_| ValidationErrors::one("cursor", Issue::Invalid).into()),
        }
    }

    /// The store's page request for this paging.
    pub fn request<C: FromStr>(&self) -> Result<PageRequest<C>, ApiError> {
        Ok(PageRequest {
            after: self.cursor()?,
            limit: self.limit,
        })
    }

    /// One page of a list held in memory: the items after the one whose key is the cursor.
    /// `next_cursor` is the key of the last item returned when more follow.
    pub fn page_of<T, K>(
        &self,
        items: Vec<T>,
        key: impl Fn(&T) -> K,
    ) -> Result<(Vec<T>, Option<String>), ApiError>
    where
        K: FromStr + PartialEq + ToString,
    {
        let start = match self.cursor::<K>()? {
            None => 0,
            Some(after) => match items.iter().position(|t| key(t) == after) {
                Some(i) => i + 1,
                None => return Err(ValidationErrors::one("cursor", Issue::Invalid).into()),
            },
        };
        let limit = usize::try_from(self.limit).unwrap_or(usize::MAX);
        let total = items.len();
        let page: Vec<T> = items.into_iter().skip(start).take(limit).collect();
        let next = if start + page.len() < total {
            page.last().map(|t| key(t).to_string())
        } else {
            None
        };
        Ok((page, next))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Paging {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Paging::parse(parts.uri.query().unwrap_or_default())
    }
}

/// Reads a field that may be absent (`None`), `null` (`Some(None)`) or a value, so a `PATCH`
/// can tell "leave it" from "clear it".
pub fn present<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// Paging of every list: `?limit=` (1–500, default 50) and `?cursor=` (the previous page's
/// `next_cursor`).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// How many items to return: 1 to 500, 50 when not given.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
    pub limit: Option<String>,
    /// Where to continue: the `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_defaults_to_fifty_and_refuses_limits_outside_one_to_five_hundred() {
        assert_eq!(Paging::parse("").map(|p| p.limit).ok(), Some(50));
        assert_eq!(
            Paging::parse("limit=500&x=1").map(|p| p.limit).ok(),
            Some(500)
        );
        for bad in ["limit=0", "limit=501", "limit=-1", "limit=ten"] {
            let err = Paging::parse(bad)
                .err()
                .map(|e| (e.code, e.details[0].field.clone()));
            assert_eq!(
                err,
                Some((ErrorCode::ValidationFailed, "limit".to_owned())),
                "{bad}"
            );
        }
    }

    #[test]
    fn paging_given_twice_is_a_bad_request_not_the_first_page() {
        for twice in [
            "limit=5&limit=7",
            "cursor=a&cursor=b",
            "limit=null&limit=null",
        ] {
            let err = Paging::parse(twice).err().map(|e| e.code);
            assert_eq!(err, Some(ErrorCode::BadRequest), "{twice}");
        }
        assert!(Paging::parse("limit=5&survey_id=a&survey_id=b").is_ok());
    }

    #[test]
    fn an_in_memory_page_continues_after_the_cursor() {
        let p = Paging {
            limit: 2,
            cursor: None,
        };
        let (items, next) = p.page_of(vec![1_i64, 2, 3], |x| *x).unwrap_or_default();
        assert_eq!((items, next.clone()), (vec![1, 2], Some("2".to_owned())));
        let p = Paging {
            limit: 2,
            cursor: next,
        };
        let (items, next) = p.page_of(vec![1_i64, 2, 3], |x| *x).unwrap_or_default();
        assert_eq!((items, next), (vec![3], None));
        let p = Paging {
            limit: 2,
            cursor: Some("9".into()),
        };
        assert!(p.page_of(vec![1_i64, 2, 3], |x| *x).is_err());
    }
}
