//! Every request has an id: the caller's `x-request-id` when it sent a usable one, else a new
//! one. It is sent back in the answer's `x-request-id`, carried by a tracing span into every
//! log line written while the request is handled, and shown in a 5xx body or page, so that a
//! person can quote it and we can find the cause in the log.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument as _;

/// The header that carries the id, both ways.
pub const HEADER: &str = "x-request-id";
/// Longest id taken from a caller; a longer one is replaced.
const MAX_LEN: usize = 64;

tokio::task_local! {
    static CURRENT: String;
}

/// The id of the request being handled on this task, if any: for error bodies and pages.
pub fn current() -> Option<String> {
    CURRENT.try_with(Clone::clone).ok()
}

/// A caller's id is kept when it is short and plain (letters, digits, `-_.:`), so it can go into
/// a header, a log line and a page unchanged.
fn usable(v: &HeaderValue) -> Option<String> {
    let s = v.to_str().ok()?.trim();
    let plain = s
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b));
    (!s.is_empty() && s.len() <= MAX_LEN && plain).then(|| s.to_owned())
}

/// The path as logs may keep it: a password reset link's secret is left out (the store keeps
/// only its hash, and so should the logs).
fn loggable_path(path: &str) -> &str {
    if path.starts_with("/reset/") {
        "/reset/{token}"
    } else {
        path
    }
}

/// The outermost middleware: names the request, handles it inside its span, and answers with
/// its id.
pub async fn request_id(req: Request, next: Next) -> Response {
    let id = req
        .headers()
        .get(HEADER)
        .and_then(usable)
        .unwrap_or_else(|| uuid::Uuid::now_v7().simple().to_string());
    let span = tracing::info_span!(
        "request",
        id = %id,
        method = %req.method(),
        path = %loggable_path(req.uri().path()),
    );
    let mut response = CURRENT
        .scope(id.clone(), next.run(req).instrument(span))
        .await;
    if let Ok(v) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(HEADER, v);
    }
    response
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use axum::Router;
    use axum::body::Body;
    use axum::routing::get;
    use std::io::Write;
    use std::sync::{Arc, Mutex};
    use tower::ServiceExt as _;

    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// Answers the request's id; `log` also writes a line while handling it. Only the test
    /// that captures logs logs: a callsite first reached on a thread without a subscriber may
    /// be cached as unheard by tracing, so the other test must not reach it.
    fn app(log: bool) -> Router {
        let route = if log {
            get(|| async {
                tracing::warn!("handled");
                current().unwrap_or_default()
            })
        } else {
            get(|| async { current().unwrap_or_default() })
        };
        Router::new()
            .route("/", route)
            .layer(axum::middleware::from_fn(request_id))
    }

    #[tokio::test]
    async fn every_log_line_of_a_request_names_its_id_and_the_answer_sends_it_back() {
        let log = Captured::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        // Callsites cache whether anyone listens. Another test's thread may be registering the
        // request span's callsite, with no subscriber in sight, while this one rebuilds the
        // cache; once registered, a rebuild sees it. So a second try settles the race, and a
        // span that never carries the id still fails.
        let mut lines = Vec::new();
        for attempt in 0..3 {
            tracing::callsite::rebuild_interest_cache();
            let id = format!("quote-me-{attempt}");
            let req = Request::builder()
                .uri("/")
                .header(HEADER, &id)
                .body(Body::empty())
                .unwrap();
            let res = app(true).oneshot(req).await.unwrap();
            assert_eq!(res.headers()[HEADER], id.as_str());
            let body = axum::body::to_bytes(res.into_body(), 1024).await.unwrap();
            assert_eq!(&body[..], id.as_bytes());
            let text = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
            let line = text
                .lines()
                .rfind(|l| l.contains("handled"))
                .unwrap_or_else(|| panic!("no line in {text:?}"))
                .to_owned();
            if line.contains(&format!("id={id}")) {
                return;
            }
            lines.push(line);
        }
        panic!("no line named its request: {lines:?}");
    }

    #[tokio::test]
    async fn a_request_without_a_usable_id_gets_a_new_one() {
        for sent in [None, Some("has space"), Some(&"x".repeat(65)[..])] {
            let mut req = Request::builder().uri("/");
            if let Some(s) = sent {
                req = req.header(HEADER, s);
            }
            let res = app(false)
                .oneshot(req.body(Body::empty()).unwrap())
                .await
                .unwrap();
            let id = res.headers()[HEADER].to_str().unwrap().to_owned();
            assert_eq!(id.len(), 32, "{id}");
            assert_ne!(Some(id.as_str()), sent);
        }
    }

    #[test]
    fn a_reset_links_secret_stays_out_of_the_logs() {
        assert_eq!(loggable_path("/reset/0123abcd"), "/reset/{token}");
        assert_eq!(loggable_path("/w/demo"), "/w/demo");
    }
}
