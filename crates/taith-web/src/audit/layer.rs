//! Recording requests in the audit log. [`record`] wraps every route: it hands the request an
//! empty [`AuditSlot`], which the extractors that authenticate a workspace's member or token
//! (`http::ctx::Member`, `http::bearer::Caller`) fill with the workspace and who is acting;
//! after the handler answers, a filled slot is recorded when the request changed something
//! (any method but GET and HEAD) or read personal data in bulk ([`PERSONAL_READS`]). So a new
//! route is audited without anyone remembering to: only a new bulk read must be listed.

use crate::AppState;
use crate::http::limits::client_address;
use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::Method;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use taith_app::audit;
use taith_domain::{Actor, ActorKind, Principal, WorkspaceId};

/// The reads of personal data that are recorded: customers' pages, what they wrote, their
/// conversations and cases, and every export of them. Kept in step with the routes that need
/// `ReadResponses`, `ReadCases` or `AnswerDataRequests` by the test
/// `audit::every_personal_read_is_audited`.
pub const PERSONAL_READS: &[&str] = &[
    "/w/{slug}/comments",
    "/w/{slug}/comments.csv",
    "/w/{slug}/surveys/{id}/export.csv",
    "/w/{slug}/surveys/{id}/export.json",
    "/w/{slug}/customers/{id}",
    "/w/{slug}/customers/{id}/export.json",
    "/w/{slug}/cases",
    "/w/{slug}/cases/mine",
    "/w/{slug}/cases/{id}",
    "/w/{slug}/inbox",
    "/w/{slug}/inbox/{id}",
    "/w/{slug}/inbox/{id}/events",
    "/w/{slug}/inbox/{id}/attachments/{n}",
    "/w/{slug}/faq-gaps",
    "/w/{slug}/audit",
    "/w/{slug}/audit.csv",
    "/api/v1/comments",
    "/api/v1/conversations",
    "/api/v1/conversations/{conversation_id}",
    "/api/v1/cases",
    "/api/v1/cases/{case_id}",
    "/api/v1/events",
    "/api/v1/mentions",
    "/api/v1/faq-gaps",
    "/api/v1/responses",
    "/api/v1/customers/{customer_id}/consent",
    "/api/v1/customers/{customer_id}/export",
    "/api/v1/audit",
];

/// Where the extractors leave who is acting in which workspace.
#[derive(Debug, Clone, Default)]
pub struct AuditSlot(Arc<Mutex<Option<(WorkspaceId, Actor)>>>);

/// Notes that `principal` acts in `ws` on this request (called by the extractors).
pub fn note(parts: &Parts, ws: WorkspaceId, principal: &Principal) {
    let Some(slot) = parts.extensions.get::<AuditSlot>() else {
        return;
    };
    let actor = match principal {
        Principal::Member { user, .. } => {
            Actor::member(user.id, format!("{} <{}>", user.name, user.email.as_str()))
        }
        Principal::Token { id, .. } => Actor {
            kind: ActorKind::Token,
            id: Some(id.to_string()),
            label: principal.display_name(),
        },
    };
    if let Ok(mut s) = slot.0.lock() {
        *s = Some((ws, actor));
    }
}

fn is_audited(method: &Method, route: &str) -> bool {
    !matches!(*method, Method::GET | Method::HEAD) || PERSONAL_READS.contains(&route)
}

/// The middleware: see the module's documentation.
pub async fn record(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let Some(route) = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .filter(|r| is_audited(req.method(), r))
    else {
        return next.run(req).await;
    };
    let slot = AuditSlot::default();
    req.extensions_mut().insert(slot.clone());
    let method = req.method().as_str().to_owned();
    let target = req.uri().path().to_owned();
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip());
    let address = client_address(peer, req.headers(), state.config.limits.trusted_proxies);
    let response = next.run(req).await;
    let acted = slot.0.lock().ok().and_then(|mut s| s.take());
    if let Some((ws, actor)) = acted {
        let status = response.status().as_u16();
        // An id that named nothing in the workspace (404) is the caller's own guess, maybe
        // another workspace's: the route says what was tried, without repeating it.
        let target = if status == 404 { route.clone() } else { target };
        let entry = audit::Action {
            actor,
            address: Some(address.to_string()),
            method,
            action: route,
            target,
            status,
        };
        // The answer is already decided (a change is committed by now); a failure to record
        // is logged loudly rather than turning a done change into an error.
        if let Err(e) = audit::record(state.store.as_ref(), ws, entry).await {
            tracing::error!(
                error = &e as &dyn std::error::Error,
                "cannot record an audit log entry"
            );
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_and_listed_reads_are_audited_other_reads_not() {
        assert!(is_audited(&Method::POST, "/w/{slug}/members/{id}/role"));
        assert!(is_audited(&Method::DELETE, "/api/v1/surveys/{survey_id}"));
        assert!(is_audited(&Method::GET, "/w/{slug}/customers/{id}"));
        assert!(!is_audited(&Method::GET, "/w/{slug}/dashboard"));
    }

    #[test]
    fn every_listed_read_is_a_served_get_route() {
        let table = crate::route_table();
        for r in PERSONAL_READS {
            assert!(
                table.iter().any(|t| t.method == "GET" && t.path == *r),
                "{r} is not a GET route"
            );
        }
    }
}
