//! The REST API under `/api/v1`: JSON in and out, one error shape, OpenAPI 3 from the code.
//!
//! - Who may call, and as whom: [`auth`] (bearer tokens, or a browser session with
//!   `X-Taith-Workspace` and `X-CSRF-Token`).
//! - What goes over the wire: [`wire`], kept apart from the domain types and converted.
//! - Bodies, paths and paging whose failures are API errors: [`extract`].
//! - Journey edits share [`taith_app::journeys::edit::edit_journey`] with the UI: a domain operation on the journey
//!   as stored, a diff for the revision, an optimistic save retried on a concurrent one.
//!
//! Every handler carries `#[utoipa::path]` and is registered with `routes!`, so the OpenAPI
//! document ([`openapi_json`], served at `/api/v1/openapi.json` and committed as
//! `crates/taith-web/openapi.json`) and [`route_table`] are both read off the router itself.

use crate::AppState;
use crate::alerts::api as alerts;
use crate::articles::api as articles;
use crate::audit::api as audit;
use crate::bot::api as bot;
use crate::cases::api as cases;
use crate::changes::api as changes;
use crate::coaching::api as coaching;
use crate::contact::api as contact;
use crate::conversations::api as conversations;
use crate::events::api as events;
use crate::feature_requests::api as requests;
use crate::http::error::ApiError;
use crate::http::routes::RouteInfo;
use crate::inbox::api as inbox;
use crate::invitations::api as invitations;
use crate::journeys::{api as journeys, map_api as map};
use crate::lifecycle::api as lifecycle;
use crate::mail_in::api as mail_in;
use crate::mentions::api as mentions;
use crate::metrics::api as metrics;
use crate::people::api as workspace;
use crate::personas::api as personas;
use crate::privacy::api as privacy;
use crate::responses::api as responses;
use crate::signals::api as signals;
use crate::sites::api as sites;
use crate::surveys::api as surveys;
use crate::voc::api as voc;
use crate::webhooks::api as webhooks;
use axum::http::header;
use axum::response::IntoResponse;
use std::sync::OnceLock;
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, Http, HttpAuthScheme, SecurityRequirement, SecurityScheme,
};
use utoipa::openapi::tag::Tag;
use utoipa::openapi::{
    Components, Content, Info, OpenApi, OpenApiBuilder, Ref, RefOr, Response, ResponseBuilder,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Where the OpenAPI document is served. It is a plain route: the document does not describe
/// itself.
pub const OPENAPI_PATH: &str = "/api/v1/openapi.json";

/// The document before any route is added: title, version, the bearer scheme, the tags.
fn base_document() -> OpenApi {
    let mut bearer = Http::new(HttpAuthScheme::Bearer);
    bearer.bearer_format = Some("taith_<64 hex digits>".to_owned());
    bearer.description = Some(
        "An API token of one workspace, created on the workspace's API tokens page.".to_owned(),
    );
    let mut components = Components::new();
    components.add_security_scheme("bearer", SecurityScheme::Http(bearer));
    components.add_security_scheme(
        "session",
        SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
            crate::http::ctx::SESSION_COOKIE,
            "A signed-in browser session. Name the workspace in `X-Taith-Workspace: <slug>` \
             (`400` without it, `404` for a workspace the user is not a member of) and, on every \
             request that changes something, send the session's CSRF token in `X-CSRF-Token` \
             (`403 csrf_failed` without it).",
        ))),
    );
    let tag = |name: &str, description: &str| {
        let mut t = Tag::new(name);
        t.description = Some(description.to_owned());
        t
    };
    let mut info = Info::new("taith API", env!("CARGO_PKG_VERSION"));
    info.description = Some(
        "The REST API of taith, the customer-experience platform. JSON with snake_case fields and RFC 3339 \
         times. Lists take `?limit=` (1–500, default 50) and `?cursor=` and answer `{\"<items>\": [...], \
         \"next_cursor\": ...}`. Every error is `{\"error\": {\"code\", \"message\", \"details\": [{\"field\", \
         \"issue\"}]}}` with a stable `code`. Authenticate with `Authorization: Bearer taith_…`; a signed-in \
         browser session works too, with `X-Taith-Workspace: <slug>` and, on changes, `X-CSRF-Token`."
            .to_owned(),
    );
    OpenApiBuilder::new()
        .info(info)
        .components(Some(components))
        .tags(Some([
            tag("workspace", "The workspace the token or session acts in"),
            tag("members", "The people of the workspace and their roles"),
            tag("personas", "Customer types journeys are drawn for"),
            tag("journeys", "Journey maps"),
            tag("stages", "The stages of a journey, with their notes"),
            tag(
                "touchpoints",
                "Where the customer meets the business, within a stage",
            ),
            tag("revisions", "Saved versions of a journey"),
            tag("transfer", "Journey files: export and import"),
            tag(
                "surveys",
                "NPS, CSAT, CES and custom surveys, each on a touchpoint",
            ),
            tag("responses", "Answers to surveys: submitted and read back"),
            tag(
                "feature-requests",
                "The feature-request board: requests from staff, comments and the public board, votes, statuses with public notes, merges",
            ),
            tag(
                "changes",
                "\"You said, we did\": changes made because customers asked, each telling the customers behind it once, by e-mail, in their language",
            ),
            tag(
                "coaching",
                "NPS and CSAT per team and per agent (response attributes `team` and `agent`), with intervals, small-sample flags and a leaderboard that ranks only significant differences",
            ),
            tag(
                "cases",
                "Follow-ups of unhappy customers: cases opened by the surveys' rules or by hand, with owner, status, SLA due times, root cause, notes, replies and a log; their settings",
            ),
            tag(
                "conversations",
                "Support conversations from any help desk or inbox, with their messages; idempotent by the help desk's id; their figures are `metric=first_response_time`, `resolution_time` and `reopen_rate`",
            ),
            tag(
                "customers",
                "Customers' subscription starts, ends and renewals; their figures are `metric=churn_rate` and `retention_rate`",
            ),
            tag(
                "alerts",
                "Alert rules on a figure (threshold or significant change) or on every detractor at a moment of truth, and their firings",
            ),
            tag(
                "webhooks",
                "Endpoints that receive events, signed after the Standard Webhooks specification or as Slack-compatible messages; their deliveries",
            ),
            tag(
                "inbound-email",
                "E-mail into support conversations: raw messages posted by a mail provider's inbound webhook, signed with the workspace's secret (`X-Taith-Signature`), threaded by Message-ID; the secret and the workspace's own address",
            ),
            tag(
                "events",
                "What customers do — page views, site searches, goals (conversions), tasks, errors, outbound clicks — submitted in batches or recorded by the web tracker",
            ),
            tag(
                "sites",
                "Web sites whose tracker records events: allowed hostnames, URL patterns mapping pages to touchpoints, the search parameter, the public site key",
            ),
            tag(
                "inbox",
                "Working support conversations: status, snooze, assignment, priority and labels (`PATCH /api/v1/conversations/{id}`), private notes that customers never see, members' replies through the customer's channel, canned replies with one body per locale",
            ),
            tag(
                "articles",
                "The knowledge base behind the public help centre (`/h/{workspace}`): articles with a title and a Markdown body per locale, drafts and published, in categories",
            ),
            tag(
                "bot",
                "The FAQ bot: questions answered from the published help-centre articles in the visitor's language or handed over to a person in a chat conversation, the workspace's synonyms, and the FAQ gaps (questions no article answers, grouped)",
            ),
            tag(
                "signals",
                "Behaviour and support figures bound to touchpoints (conversion, bounce and error rates, first response time…), shown on the live journey map beside the survey figure with the same trend rule, and the drop-off between consecutive touchpoints",
            ),
            tag(
                "mentions",
                "Social listening: public posts and reviews that mention the business, posted by connectors, scored for language and sentiment, counted by source and day; alert rules on `mentions` fire on a spike",
            ),
            tag(
                "audit",
                "The audit log: every change and every read of personal data in bulk, with who, when and from where; owners only",
            ),
            tag(
                "metrics",
                "NPS, CSAT and CES with counts, 95% intervals and the small-sample flag, over any filter and grouping; the share of negative comments (`metric=sentiment`)",
            ),
            tag(
                "comments",
                "What customers wrote, with its language, sentiment and themes",
            ),
            tag(
                "themes",
                "Recurring topics of the comments, with their volume, sentiment and impact on the score; and their edits",
            ),
        ]))
        .build()
}

/// The API's routes, documented.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(base_document())
        .routes(routes!(workspace::get_workspace))
        .routes(routes!(workspace::list_members))
        .routes(routes!(workspace::update_member, workspace::remove_member))
        .routes(routes!(personas::list_personas, personas::create_persona))
        .routes(routes!(
            personas::get_persona,
            personas::update_persona,
            personas::delete_persona
        ))
        .routes(routes!(journeys::list_journeys, journeys::create_journey))
        .routes(routes!(journeys::import_journey))
        .routes(routes!(
            journeys::get_journey,
            journeys::update_journey,
            journeys::delete_journey
        ))
        .routes(routes!(journeys::export_journey))
        .routes(routes!(journeys::list_revisions))
        .routes(routes!(journeys::get_revision))
        .routes(routes!(map::create_stage))
        .routes(routes!(map::update_stage, map::delete_stage))
        .routes(routes!(map::reorder_stages))
        .routes(routes!(map::list_touchpoints, map::create_touchpoint))
        .routes(routes!(map::update_touchpoint, map::delete_touchpoint))
        .routes(routes!(surveys::list_surveys, surveys::create_survey))
        .routes(routes!(
            surveys::get_survey,
            surveys::update_survey,
            surveys::delete_survey
        ))
        .routes(routes!(
            invitations::create_invitations,
            invitations::invitation_counts
        ))
        .routes(routes!(metrics::get_metrics))
        .routes(routes!(voc::list_comments))
        .routes(routes!(voc::list_themes, voc::create_theme))
        .routes(routes!(voc::get_theme, voc::update_theme))
        .routes(routes!(voc::merge_theme))
        .routes(routes!(voc::split_theme))
        .routes(routes!(
            requests::list_feature_requests,
            requests::create_feature_request
        ))
        .routes(routes!(requests::get_feature_request))
        .routes(routes!(requests::vote))
        .routes(routes!(requests::link_response))
        .routes(routes!(requests::set_status))
        .routes(routes!(requests::merge))
        .routes(routes!(changes::list_changes, changes::create_change))
        .routes(routes!(changes::get_change))
        .routes(routes!(coaching::get_coaching))
        .routes(routes!(cases::list_cases, cases::create_case))
        .routes(routes!(cases::get_settings, cases::put_settings))
        .routes(routes!(cases::list_root_causes, cases::put_root_causes))
        .routes(routes!(cases::list_rules))
        .routes(routes!(cases::put_rules))
        .routes(routes!(cases::get_case, cases::update_case))
        .routes(routes!(cases::add_note))
        .routes(routes!(cases::reply))
        .routes(routes!(cases::list_teams))
        .routes(routes!(cases::put_teams))
        .routes(routes!(
            conversations::list_conversations,
            conversations::create_conversation
        ))
        .routes(routes!(
            conversations::get_conversation,
            inbox::update_conversation
        ))
        .routes(routes!(conversations::add_message))
        .routes(routes!(inbox::add_note))
        .routes(routes!(inbox::reply))
        .routes(routes!(inbox::list_canned, inbox::create_canned))
        .routes(routes!(
            inbox::get_canned,
            inbox::update_canned,
            inbox::delete_canned
        ))
        .routes(routes!(lifecycle::create_event))
        .routes(routes!(contact::get_policy, contact::put_policy))
        .routes(routes!(contact::get_consent, contact::put_consent))
        .routes(routes!(alerts::list_alerts, alerts::create_alert))
        .routes(routes!(
            alerts::get_alert,
            alerts::update_alert,
            alerts::delete_alert
        ))
        .routes(routes!(alerts::list_firings))
        .routes(routes!(webhooks::list_webhooks, webhooks::create_webhook))
        .routes(routes!(
            webhooks::get_webhook,
            webhooks::update_webhook,
            webhooks::delete_webhook
        ))
        .routes(routes!(webhooks::rotate_secret))
        .routes(routes!(webhooks::list_deliveries))
        .routes(routes!(webhooks::redeliver))
        .routes(routes!(signals::get_figures, signals::put_figures))
        .routes(routes!(signals::journey_signals))
        .routes(routes!(mentions::post_mentions, mentions::get_mentions))
        .routes(routes!(audit::get_audit))
        .routes(routes!(audit::get_retention, audit::put_retention))
        .routes(routes!(privacy::export))
        .routes(routes!(privacy::erase))
        .routes(routes!(privacy::get_retention, privacy::put_retention))
        .routes(routes!(articles::list_articles, articles::create_article))
        .routes(routes!(
            articles::get_article,
            articles::update_article,
            articles::delete_article
        ))
        .routes(routes!(mail_in::get_settings, mail_in::put_settings))
        .routes(routes!(mail_in::rotate_secret))
        .routes(routes!(bot::ask))
        .routes(routes!(bot::faq_gaps))
        .routes(routes!(bot::list_synonyms, bot::put_synonym))
        .routes(routes!(bot::delete_synonym))
        .routes(routes!(sites::list_sites, sites::create_site))
        .routes(routes!(
            sites::get_site,
            sites::update_site,
            sites::delete_site
        ))
        .merge(
            // A full batch with long comments is larger than the app's usual body limit.
            OpenApiRouter::new()
                .routes(routes!(
                    responses::list_responses,
                    responses::submit_responses
                ))
                .routes(routes!(responses::delete_response))
                .routes(routes!(events::list_events, events::submit_events))
                .layer(axum::extract::DefaultBodyLimit::max(
                    responses::MAX_SUBMISSION_BYTES,
                )),
        )
        .merge(
            // A raw e-mail with its attachments.
            OpenApiRouter::new()
                .routes(routes!(mail_in::receive))
                .layer(axum::extract::DefaultBodyLimit::max(
                    mail_in::MAX_INBOUND_BYTES,
                )),
        )
        .route(OPENAPI_PATH, axum::routing::get(serve_openapi))
        // Not a fallback: the app's fallback belongs to the UI.
        .route("/api/{*rest}", axum::routing::any(no_such_endpoint))
}

/// An API path that does not exist: the API's 404 in the API's shape, not a page.
async fn no_such_endpoint() -> ApiError {
    ApiError::new(crate::http::error::ErrorCode::NotFound)
}

async fn serve_openapi() -> impl IntoResponse {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    let json = DOCUMENT.get_or_init(openapi_json).clone();
    ([(header::CONTENT_TYPE, "application/json")], json)
}

/// The generated OpenAPI document.
pub fn openapi() -> OpenApi {
    let mut doc = router().into_openapi();
    document_the_caller(&mut doc);
    doc
}

/// What the [`Caller`] extractor, which every operation has, adds to each operation's
/// documentation: a browser session is an alternative to a bearer token, and a session's
/// request is refused with `400` (no `X-Taith-Workspace`), `404` (a workspace the user is not a
/// member of) and, on a change, `403` (no or a wrong `X-CSRF-Token`). An operation that
/// documents one of these statuses already keeps its own description.
fn document_the_caller(doc: &mut OpenApi) {
    let error = |description: &str| -> RefOr<Response> {
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/json",
                Content::new(Some(Ref::from_schema_name("ErrorBody"))),
            )
            .build()
            .into()
    };
    for item in doc.paths.paths.values_mut() {
        let ops = [
            (false, &mut item.get),
            (true, &mut item.put),
            (true, &mut item.post),
            (true, &mut item.delete),
            (true, &mut item.patch),
        ];
        for (changes, op) in ops {
            let Some(op) = op.as_mut() else { continue };
            let Some(security) = op.security.as_mut() else {
                continue;
            };
            security.push(SecurityRequirement::new(
                "session",
                std::iter::empty::<String>(),
            ));
            let responses = &mut op.responses.responses;
            responses.entry("400".to_owned()).or_insert_with(|| {
                error("The request could not be read, e.g. a session's without `X-Taith-Workspace`")
            });
            if changes {
                responses.entry("403".to_owned()).or_insert_with(|| {
                    error("Not allowed, e.g. a session's change without its `X-CSRF-Token`")
                });
            }
            responses.entry("404".to_owned()).or_insert_with(|| {
                error("A session's `X-Taith-Workspace` names no workspace the user is a member of")
            });
        }
    }
}

/// The OpenAPI document as pretty JSON with a final newline: what `/api/v1/openapi.json`
/// serves, `taith openapi` prints and `crates/taith-web/openapi.json` holds.
pub fn openapi_json() -> String {
    match openapi().to_pretty_json() {
        Ok(json) => json + "\n",
        Err(e) => {
            // Serialising our own document cannot fail short of a bug in it; say so loudly.
            tracing::error!(error = %e, "the OpenAPI document does not serialise");
            String::from("{}\n")
        }
    }
}

/// Every API route, `(method, path)` with `{param}` placeholders as routed: read off the
/// generated document, so a new handler is listed as soon as it is routed, plus the document's
/// own route.
pub fn route_table() -> Vec<RouteInfo> {
    static TABLE: OnceLock<Vec<RouteInfo>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
            let doc = openapi();
            let mut table = Vec::new();
            for (path, item) in doc.paths.paths {
                let path = leak(path);
                let methods = [
                    ("GET", item.get.is_some()),
                    ("PUT", item.put.is_some()),
                    ("POST", item.post.is_some()),
                    ("DELETE", item.delete.is_some()),
                    ("OPTIONS", item.options.is_some()),
                    ("HEAD", item.head.is_some()),
                    ("PATCH", item.patch.is_some()),
                    ("TRACE", item.trace.is_some()),
                ];
                table.extend(
                    methods
                        .into_iter()
                        .filter(|(_, on)| *on)
                        .map(|(method, _)| RouteInfo { method, path }),
                );
            }
            table.push(RouteInfo {
                method: "GET",
                path: OPENAPI_PATH,
            });
            table
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMITTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.json");

    #[test]
    fn committed_openapi_document_matches_the_code() {
        let generated = openapi_json();
        if std::env::var_os("UPDATE_OPENAPI").is_some_and(|v| v == "1") {
            if let Err(e) = std::fs::write(COMMITTED, &generated) {
                panic!("could not write {COMMITTED}: {e}");
            }
            return;
        }
        let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
        assert!(
            committed == generated,
            "crates/taith-web/openapi.json differs from the API in the code. Regenerate it with \
             `cargo run -- openapi > crates/taith-web/openapi.json` (or run this test with \
             UPDATE_OPENAPI=1) and commit the result."
        );
    }

    #[test]
    fn the_route_table_lists_every_documented_operation_and_the_document() {
        let table = route_table();
        let has =
            |method: &str, path: &str| table.iter().any(|r| r.method == method && r.path == path);
        assert!(has("GET", "/api/v1/openapi.json"));
        assert!(has("PUT", "/api/v1/journeys/{journey_id}/stage_order"));
        assert!(has(
            "PATCH",
            "/api/v1/journeys/{journey_id}/touchpoints/{touchpoint_id}"
        ));
        assert!(has("POST", "/api/v1/journeys/import"));
        let operations: usize = openapi()
            .paths
            .paths
            .values()
            .map(|i| {
                [&i.get, &i.put, &i.post, &i.delete, &i.patch]
                    .iter()
                    .filter(|o| o.is_some())
                    .count()
            })
            .sum();
        assert_eq!(table.len(), operations + 1);
    }

    #[test]
    fn every_operation_is_tagged_secured_and_documents_its_errors() {
        let doc = openapi();
        for (path, item) in &doc.paths.paths {
            for op in [&item.get, &item.put, &item.post, &item.delete, &item.patch]
                .into_iter()
                .flatten()
            {
                let id = op.operation_id.clone().unwrap_or_default();
                assert!(
                    op.tags.as_ref().is_some_and(|t| !t.is_empty()),
                    "{path} {id}: no tag"
                );
                assert!(
                    op.responses.responses.contains_key("401"),
                    "{path} {id}: 401 undocumented"
                );
                // Mail providers post inbound mail signed with the workspace's inbound secret
                // (X-Taith-Signature), not with a token or a session: open, with its 401.
                if path.starts_with("/api/v1/inbound/email/") {
                    assert!(op.security.is_none(), "{path} {id}: signed, not secured");
                    continue;
                }
                assert!(
                    op.security.as_ref().is_some_and(|s| !s.is_empty()),
                    "{path} {id}: no security"
                );
                // A session is the other way in; a workspace it is not a member of is not found.
                let security = serde_json::to_value(&op.security).unwrap_or_default();
                assert_eq!(
                    security,
                    serde_json::json!([{"bearer": []}, {"session": []}]),
                    "{path} {id}: not bearer or session"
                );
                for status in ["400", "404"] {
                    assert!(
                        op.responses.responses.contains_key(status),
                        "{path} {id}: {status} undocumented"
                    );
                }
            }
        }
        let json = openapi_json();
        assert!(json.contains("\"title\": \"taith API\""));
        assert!(json.contains("\"bearer\""));
        assert!(json.contains("\"taith_session\""));
    }
}
