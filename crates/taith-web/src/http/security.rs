//! Response headers that keep pages safe however they are reached: a Content-Security-Policy
//! per kind of page, `X-Content-Type-Options: nosniff` everywhere, a Referrer-Policy, and
//! framing allowed only for the widget's frame, and there only on the sites configured.
//!
//! Scripts come only from taith itself (`script-src 'self'`; no page has an inline script).
//! Style attributes are allowed (`style-src-attr`) because the journey map sizes its grid
//! with one; `<style>` elements and styles from elsewhere are not.

use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// The pages' policy, before `frame-ancestors`.
const PAGE_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
     object-src 'none'; base-uri 'none'; form-action 'self'";

/// Which kind of response a path gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The signed-in workspace pages and sign-in.
    Admin,
    /// Pages a respondent opens directly: hosted survey, kiosk, invitation, unsubscribe.
    Respondent,
    /// The survey inside the widget's frame on the business's own site.
    Embed,
    Api,
    /// Stylesheets and scripts (the widget's script included).
    Asset,
}

fn kind_of(path: &str) -> Kind {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    match first {
        "s" | "k" | "i" | "u" => Kind::Respondent,
        "e" => Kind::Embed,
        "api" => Kind::Api,
        // The web tracker's script and beacons.
        "assets" | "widget" | "t" | "favicon.ico" => Kind::Asset,
        _ => Kind::Admin,
    }
}

pub async fn headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let kind = kind_of(req.uri().path());
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    let (policy, referrer) = match kind {
        Kind::Admin => (
            Some(format!("{PAGE_POLICY}; frame-ancestors 'none'")),
            "same-origin",
        ),
        Kind::Respondent => (
            Some(format!("{PAGE_POLICY}; frame-ancestors 'none'")),
            "no-referrer",
        ),
        Kind::Embed => (
            Some(format!(
                "{PAGE_POLICY}; frame-ancestors {}",
                state.config.widget_sites
            )),
            "no-referrer",
        ),
        Kind::Api => (
            Some("default-src 'none'; frame-ancestors 'none'".to_owned()),
            "no-referrer",
        ),
        Kind::Asset => (None, "no-referrer"),
    };
    if let Some(p) = policy.and_then(|p| HeaderValue::from_str(&p).ok()) {
        h.insert(header::CONTENT_SECURITY_POLICY, p);
    }
    if matches!(kind, Kind::Admin | Kind::Respondent | Kind::Api) {
        // For browsers that predate frame-ancestors.
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static(referrer));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_fall_into_their_kind() {
        assert_eq!(kind_of("/w/becws/dashboard"), Kind::Admin);
        assert_eq!(kind_of("/login"), Kind::Admin);
        assert_eq!(kind_of("/s/abc"), Kind::Respondent);
        assert_eq!(kind_of("/i/0123/9"), Kind::Respondent);
        assert_eq!(kind_of("/e/abc/r/x"), Kind::Embed);
        assert_eq!(kind_of("/api/v1/metrics"), Kind::Api);
        assert_eq!(kind_of("/widget/abc.js"), Kind::Asset);
        assert_eq!(kind_of("/favicon.ico"), Kind::Asset);
    }
}
