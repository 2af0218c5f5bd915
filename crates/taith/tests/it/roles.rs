//! The role matrix: every route of the app × every kind of caller, against the written access
//! policy below. The routes come from `taith_web::route_table()`, so a new route fails this
//! test until the policy names what it needs.
//!
//! The policy (docs/access.md says the same in words):
//! - Public routes (sign-in, set-up, the survey pages a respondent opens, the widget, the
//!   OpenAPI document) need nothing, and never answer 5xx to anyone.
//! - Every other route needs one [`Action`]; a member of the workspace may do what their role
//!   allows (`Principal::may`), and so may an API token on the API by its scope.
//! - Refusals: in the UI, someone not signed in (an API token counts for nothing there) is sent
//!   to sign in, and a member whose role does not allow it gets 403. In the API, no credentials
//!   give 401 and a role or scope that does not allow it 403.
//! - A member of another workspace gets 404 everywhere, exactly as for a workspace that
//!   does not exist.

use crate::helpers::{Browser, TestApp, unique};
use crate::isolation::{Objects, fill, objects_in, plausible_body, populate};
use reqwest::Method;
use serde_json::json;
use taith_domain::{Action, Principal, Role, TokenScope};
use taith_store::SharedStore;

/// What a route needs.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Need {
    Public,
    /// Someone signed in, whatever their workspaces and roles: their own account.
    SignedIn,
    Act(Action),
}

use Action::{
    AnswerDataRequests, CoachSelf, DecideRequests, EditJourneys, EditRequests, Govern,
    ManageAlerts, ManageCases, ManageContact, ManageMembers, ManageSecurity, Read, ReadCases,
    ReadResponses, RecordChanges, SubmitResponses, WorkCases, WorkInbox,
};
use Need::{Act, Public, SignedIn};

/// The written policy: every route, what it needs. Touchpoint updates also admit an agent
/// on a touchpoint they own; the matrix's touchpoints have no owner, so they need editing.
const POLICY: &[(&str, &str, Need)] = &[
    ("GET", "/", Public),
    ("GET", "/setup", Public),
    ("POST", "/setup", Public),
    ("GET", "/login", Public),
    ("POST", "/login", Public),
    ("POST", "/logout", Public),
    ("GET", "/forgot-password", Public),
    ("POST", "/forgot-password", Public),
    ("GET", "/reset/{token}", Public),
    ("POST", "/reset/{token}", Public),
    ("GET", "/account", SignedIn),
    ("POST", "/account", SignedIn),
    ("POST", "/account/password", SignedIn),
    ("POST", "/account/sessions/{id}/delete", SignedIn),
    ("POST", "/account/sign-out-others", SignedIn),
    ("GET", "/sign-in/oidc", Public),
    ("GET", "/sign-in/oidc/callback", Public),
    ("GET", "/sign-in/code", Public),
    ("POST", "/sign-in/code", Public),
    ("GET", "/account/two-factor", SignedIn),
    ("POST", "/account/two-factor/begin", SignedIn),
    ("POST", "/account/two-factor/confirm", SignedIn),
    ("POST", "/account/two-factor/disable", SignedIn),
    ("GET", "/w/{slug}/two-factor", Act(ManageSecurity)),
    ("POST", "/w/{slug}/two-factor", Act(ManageSecurity)),
    ("GET", "/w/{slug}", Act(Read)),
    ("GET", "/w/{slug}/dashboard", Act(Read)),
    ("GET", "/w/{slug}/dashboard.csv", Act(Read)),
    ("GET", "/w/{slug}/dashboard/segments", Act(Read)),
    ("GET", "/w/{slug}/dashboard/segments.csv", Act(Read)),
    ("GET", "/w/{slug}/web", Act(Read)),
    ("GET", "/w/{slug}/dashboard/touchpoints/{id}", Act(Read)),
    (
        "GET",
        "/w/{slug}/dashboard/touchpoints/{id}/export.csv",
        Act(Read),
    ),
    ("GET", "/w/{slug}/journeys/new", Act(EditJourneys)),
    ("POST", "/w/{slug}/journeys", Act(EditJourneys)),
    ("GET", "/w/{slug}/journeys/{id}", Act(Read)),
    ("POST", "/w/{slug}/journeys/{id}", Act(EditJourneys)),
    ("GET", "/w/{slug}/journeys/{id}/edit", Act(Read)),
    ("GET", "/w/{slug}/journeys/{id}/map.svg", Act(Read)),
    ("GET", "/w/{slug}/journeys/{id}/export", Act(Read)),
    ("POST", "/w/{slug}/journeys/{id}/delete", Act(EditJourneys)),
    (
        "POST",
        "/w/{slug}/journeys/{id}/undelete",
        Act(EditJourneys),
    ),
    ("POST", "/w/{slug}/journeys/{id}/stages", Act(EditJourneys)),
    (
        "POST",
        "/w/{slug}/journeys/{id}/stages/{stage}",
        Act(EditJourneys),
    ),
    (
        "POST",
        "/w/{slug}/journeys/{id}/stages/{stage}/move",
        Act(EditJourneys),
    ),
    (
        "POST",
        "/w/{slug}/journeys/{id}/stages/{stage}/delete",
        Act(EditJourneys),
    ),
    (
        "POST",
        "/w/{slug}/journeys/{id}/touchpoints",
        Act(EditJourneys),
    ),
    (
        "POST",
        "/w/{slug}/journeys/{id}/touchpoints/{tp}",
        Act(EditJourneys),
    ),
    (
        "POST",
        "/w/{slug}/journeys/{id}/touchpoints/{tp}/delete",
        Act(EditJourneys),
    ),
    ("GET", "/w/{slug}/journeys/{id}/revisions", Act(Read)),
    (
        "GET",
        "/w/{slug}/journeys/{id}/revisions/{version}",
        Act(Read),
    ),
    (
        "POST",
        "/w/{slug}/journeys/{id}/revisions/{version}/restore",
        Act(EditJourneys),
    ),
    (
        "POST",
        "/w/{slug}/journeys/{id}/revisions/{version}/undo",
        Act(EditJourneys),
    ),
    ("GET", "/w/{slug}/comments", Act(ReadResponses)),
    ("GET", "/w/{slug}/comments.csv", Act(ReadResponses)),
    ("GET", "/w/{slug}/themes", Act(Read)),
    ("POST", "/w/{slug}/themes", Act(EditJourneys)),
    ("GET", "/w/{slug}/themes/{id}", Act(Read)),
    ("POST", "/w/{slug}/themes/{id}", Act(EditJourneys)),
    ("POST", "/w/{slug}/themes/{id}/merge", Act(EditJourneys)),
    ("POST", "/w/{slug}/themes/{id}/split", Act(EditJourneys)),
    ("GET", "/w/{slug}/personas", Act(Read)),
    ("GET", "/w/{slug}/personas/new", Act(EditJourneys)),
    ("POST", "/w/{slug}/personas", Act(EditJourneys)),
    ("GET", "/w/{slug}/personas/{id}", Act(EditJourneys)),
    ("POST", "/w/{slug}/personas/{id}", Act(EditJourneys)),
    ("POST", "/w/{slug}/personas/{id}/delete", Act(EditJourneys)),
    ("GET", "/w/{slug}/members", Act(Read)),
    ("POST", "/w/{slug}/members", Act(ManageMembers)),
    ("POST", "/w/{slug}/members/{id}", Act(ManageMembers)),
    ("POST", "/w/{slug}/members/{id}/delete", Act(ManageMembers)),
    ("GET", "/w/{slug}/tokens", Act(ManageMembers)),
    ("POST", "/w/{slug}/tokens", Act(ManageMembers)),
    ("POST", "/w/{slug}/tokens/{id}/delete", Act(ManageMembers)),
    ("GET", "/w/{slug}/surveys", Act(Read)),
    ("GET", "/w/{slug}/surveys/new", Act(EditJourneys)),
    ("POST", "/w/{slug}/surveys", Act(EditJourneys)),
    ("GET", "/w/{slug}/surveys/{id}", Act(Read)),
    ("POST", "/w/{slug}/surveys/{id}", Act(EditJourneys)),
    ("POST", "/w/{slug}/surveys/{id}/publish", Act(EditJourneys)),
    ("POST", "/w/{slug}/surveys/{id}/suggest", Act(EditJourneys)),
    ("POST", "/w/{slug}/surveys/{id}/delete", Act(EditJourneys)),
    ("GET", "/w/{slug}/surveys/{id}/preview", Act(Read)),
    ("GET", "/w/{slug}/surveys/{id}/invite", Act(Read)),
    ("POST", "/w/{slug}/surveys/{id}/invite", Act(EditJourneys)),
    (
        "GET",
        "/w/{slug}/surveys/{id}/export.csv",
        Act(ReadResponses),
    ),
    (
        "GET",
        "/w/{slug}/surveys/{id}/export.json",
        Act(ReadResponses),
    ),
    ("GET", "/w/{slug}/requests", Act(Read)),
    ("POST", "/w/{slug}/requests", Act(EditRequests)),
    ("POST", "/w/{slug}/requests/from-comment", Act(EditRequests)),
    (
        "GET",
        "/w/{slug}/requests/from-comment/{response_id}",
        Act(EditRequests),
    ),
    ("GET", "/w/{slug}/requests/{id}", Act(Read)),
    ("POST", "/w/{slug}/requests/{id}/vote", Act(EditRequests)),
    (
        "POST",
        "/w/{slug}/requests/{id}/status",
        Act(DecideRequests),
    ),
    ("POST", "/w/{slug}/requests/{id}/merge", Act(DecideRequests)),
    ("POST", "/w/{slug}/requests/{id}/link", Act(EditRequests)),
    ("GET", "/w/{slug}/changes", Act(Read)),
    ("POST", "/w/{slug}/changes", Act(RecordChanges)),
    ("GET", "/w/{slug}/changes/new", Act(RecordChanges)),
    ("GET", "/f/{slug}/changes", Public),
    ("GET", "/f/{slug}/changes/stop/{token}", Public),
    ("POST", "/f/{slug}/changes/stop/{token}", Public),
    // Owners, admins and analysts see everyone's; an agent their own; a viewer nothing.
    ("GET", "/w/{slug}/coaching", Act(CoachSelf)),
    ("GET", "/w/{slug}/support", Act(Read)),
    ("POST", "/w/{slug}/support/import", Act(SubmitResponses)),
    ("GET", "/w/{slug}/customers/retention", Act(Read)),
    ("GET", "/w/{slug}/customers/{id}", Act(ReadResponses)),
    ("GET", "/w/{slug}/cases", Act(ReadCases)),
    ("GET", "/w/{slug}/cases/mine", Act(ReadCases)),
    ("POST", "/w/{slug}/cases/open", Act(WorkCases)),
    ("GET", "/w/{slug}/cases/settings", Act(ManageCases)),
    ("POST", "/w/{slug}/cases/settings/sla", Act(ManageCases)),
    (
        "POST",
        "/w/{slug}/cases/settings/root-causes",
        Act(ManageCases),
    ),
    ("POST", "/w/{slug}/cases/settings/rules", Act(ManageCases)),
    ("GET", "/w/{slug}/cases/{id}", Act(ReadCases)),
    ("POST", "/w/{slug}/cases/{id}", Act(WorkCases)),
    ("POST", "/w/{slug}/members/{id}/teams", Act(ManageMembers)),
    ("GET", "/f/{slug}", Public),
    ("POST", "/f/{slug}/suggest", Public),
    ("POST", "/f/{slug}/requests/{id}/vote", Public),
    ("GET", "/w/{slug}/alerts", Act(Read)),
    ("POST", "/w/{slug}/alerts", Act(ManageAlerts)),
    ("GET", "/w/{slug}/alerts/{id}", Act(Read)),
    ("POST", "/w/{slug}/alerts/{id}", Act(ManageAlerts)),
    ("POST", "/w/{slug}/alerts/{id}/delete", Act(ManageAlerts)),
    ("GET", "/w/{slug}/email", Act(ManageAlerts)),
    ("POST", "/w/{slug}/email", Act(ManageAlerts)),
    ("POST", "/w/{slug}/email/rotate", Act(ManageAlerts)),
    ("GET", "/w/{slug}/webhooks", Act(ManageAlerts)),
    ("POST", "/w/{slug}/webhooks", Act(ManageAlerts)),
    ("GET", "/w/{slug}/webhooks/{id}", Act(ManageAlerts)),
    ("POST", "/w/{slug}/webhooks/{id}", Act(ManageAlerts)),
    ("POST", "/w/{slug}/webhooks/{id}/rotate", Act(ManageAlerts)),
    ("POST", "/w/{slug}/webhooks/{id}/delete", Act(ManageAlerts)),
    (
        "POST",
        "/w/{slug}/webhooks/{id}/deliveries/{delivery}/redeliver",
        Act(ManageAlerts),
    ),
    ("GET", "/s/{public_id}", Public),
    ("POST", "/s/{public_id}", Public),
    ("GET", "/k/{public_id}", Public),
    ("POST", "/k/{public_id}", Public),
    ("GET", "/k/{public_id}/r/{response_id}", Public),
    ("POST", "/k/{public_id}/r/{response_id}", Public),
    ("GET", "/k/{public_id}/r/{response_id}/thanks", Public),
    ("GET", "/s/{public_id}/r/{response_id}", Public),
    ("POST", "/s/{public_id}/r/{response_id}", Public),
    ("GET", "/s/{public_id}/r/{response_id}/thanks", Public),
    ("GET", "/widget/{script}", Public),
    ("GET", "/t/{site_key}", Public),
    ("POST", "/t/{site_key}", Public),
    (
        "GET",
        "/w/{slug}/touchpoints/{id}/figures",
        Act(EditJourneys),
    ),
    (
        "POST",
        "/w/{slug}/touchpoints/{id}/figures",
        Act(EditJourneys),
    ),
    ("GET", "/w/{slug}/mentions", Act(Read)),
    ("GET", "/w/{slug}/audit", Act(Govern)),
    ("GET", "/w/{slug}/audit.csv", Act(Govern)),
    ("POST", "/w/{slug}/audit/retention", Act(Govern)),
    ("GET", "/w/{slug}/privacy", Act(Govern)),
    ("POST", "/w/{slug}/privacy/find", Act(AnswerDataRequests)),
    ("POST", "/w/{slug}/privacy/retention", Act(Govern)),
    (
        "GET",
        "/w/{slug}/customers/{id}/export.json",
        Act(AnswerDataRequests),
    ),
    (
        "POST",
        "/w/{slug}/customers/{id}/erase",
        Act(AnswerDataRequests),
    ),
    ("GET", "/w/{slug}/contact", Act(Read)),
    ("POST", "/w/{slug}/contact", Act(ManageContact)),
    ("GET", "/w/{slug}/inbox", Act(ReadResponses)),
    ("GET", "/w/{slug}/inbox/canned", Act(ReadResponses)),
    ("POST", "/w/{slug}/inbox/canned", Act(WorkInbox)),
    ("POST", "/w/{slug}/inbox/canned/{id}", Act(WorkInbox)),
    ("POST", "/w/{slug}/inbox/canned/{id}/delete", Act(WorkInbox)),
    ("GET", "/w/{slug}/inbox/{id}", Act(ReadResponses)),
    ("POST", "/w/{slug}/inbox/{id}", Act(WorkInbox)),
    ("POST", "/w/{slug}/inbox/{id}/notes", Act(WorkInbox)),
    ("POST", "/w/{slug}/inbox/{id}/reply", Act(WorkInbox)),
    ("GET", "/w/{slug}/inbox/{id}/events", Act(ReadResponses)),
    (
        "GET",
        "/w/{slug}/inbox/{id}/attachments/{n}",
        Act(ReadResponses),
    ),
    ("GET", "/w/{slug}/articles", Act(Read)),
    ("POST", "/w/{slug}/articles", Act(EditJourneys)),
    ("GET", "/w/{slug}/articles/new", Act(EditJourneys)),
    ("POST", "/w/{slug}/articles/categories", Act(EditJourneys)),
    (
        "POST",
        "/w/{slug}/articles/categories/{id}/delete",
        Act(EditJourneys),
    ),
    ("GET", "/w/{slug}/articles/{id}", Act(Read)),
    ("POST", "/w/{slug}/articles/{id}", Act(EditJourneys)),
    ("POST", "/w/{slug}/articles/{id}/status", Act(EditJourneys)),
    ("POST", "/w/{slug}/articles/{id}/delete", Act(EditJourneys)),
    ("GET", "/h/{slug}", Public),
    ("GET", "/h/{slug}/search", Public),
    ("GET", "/h/{slug}/a/{article_slug}", Public),
    // The FAQ bot: its gaps are what customers asked; synonyms edit the knowledge base.
    ("GET", "/w/{slug}/faq-gaps", Act(ReadResponses)),
    ("POST", "/w/{slug}/faq-gaps/synonyms", Act(EditJourneys)),
    (
        "POST",
        "/w/{slug}/faq-gaps/synonyms/{id}/delete",
        Act(EditJourneys),
    ),
    // The widget's and the help centre's bot: anyone may ask.
    ("POST", "/h/{slug}/bot/ask", Public),
    ("GET", "/w/{slug}/sites", Act(Read)),
    ("POST", "/w/{slug}/sites", Act(EditJourneys)),
    ("GET", "/w/{slug}/sites/new", Act(EditJourneys)),
    ("GET", "/w/{slug}/sites/{id}", Act(Read)),
    ("POST", "/w/{slug}/sites/{id}", Act(EditJourneys)),
    ("POST", "/w/{slug}/sites/{id}/delete", Act(EditJourneys)),
    ("GET", "/i/{token}", Public),
    ("POST", "/i/{token}", Public),
    ("GET", "/i/{token}/{score}", Public),
    ("GET", "/u/{token}", Public),
    ("POST", "/u/{token}", Public),
    ("GET", "/u/{token}/preferences", Public),
    ("POST", "/u/{token}/preferences", Public),
    ("GET", "/e/{public_id}", Public),
    ("POST", "/e/{public_id}", Public),
    ("GET", "/e/{public_id}/r/{response_id}", Public),
    ("POST", "/e/{public_id}/r/{response_id}", Public),
    ("GET", "/e/{public_id}/r/{response_id}/thanks", Public),
    ("GET", "/e/{public_id}/chat", Public),
    ("POST", "/e/{public_id}/chat", Public),
    ("GET", "/e/{public_id}/chat/{token}", Public),
    ("POST", "/e/{public_id}/chat/{token}", Public),
    ("POST", "/e/{public_id}/chat/{token}/email", Public),
    ("GET", "/e/{public_id}/chat/{token}/events", Public),
    ("GET", "/api/v1/openapi.json", Public),
    ("GET", "/api/v1/workspace", Act(Read)),
    ("GET", "/api/v1/members", Act(Read)),
    ("PATCH", "/api/v1/members/{user_id}", Act(ManageMembers)),
    ("DELETE", "/api/v1/members/{user_id}", Act(ManageMembers)),
    ("GET", "/api/v1/personas", Act(Read)),
    ("POST", "/api/v1/personas", Act(EditJourneys)),
    ("GET", "/api/v1/personas/{persona_id}", Act(Read)),
    ("PATCH", "/api/v1/personas/{persona_id}", Act(EditJourneys)),
    ("DELETE", "/api/v1/personas/{persona_id}", Act(EditJourneys)),
    ("GET", "/api/v1/journeys", Act(Read)),
    ("POST", "/api/v1/journeys", Act(EditJourneys)),
    ("POST", "/api/v1/journeys/import", Act(EditJourneys)),
    ("GET", "/api/v1/journeys/{journey_id}", Act(Read)),
    ("PATCH", "/api/v1/journeys/{journey_id}", Act(EditJourneys)),
    ("DELETE", "/api/v1/journeys/{journey_id}", Act(EditJourneys)),
    ("GET", "/api/v1/journeys/{journey_id}/export", Act(Read)),
    ("GET", "/api/v1/journeys/{journey_id}/revisions", Act(Read)),
    (
        "GET",
        "/api/v1/journeys/{journey_id}/revisions/{version}",
        Act(Read),
    ),
    (
        "POST",
        "/api/v1/journeys/{journey_id}/stages",
        Act(EditJourneys),
    ),
    (
        "PATCH",
        "/api/v1/journeys/{journey_id}/stages/{stage_id}",
        Act(EditJourneys),
    ),
    (
        "DELETE",
        "/api/v1/journeys/{journey_id}/stages/{stage_id}",
        Act(EditJourneys),
    ),
    (
        "PUT",
        "/api/v1/journeys/{journey_id}/stage_order",
        Act(EditJourneys),
    ),
    (
        "GET",
        "/api/v1/journeys/{journey_id}/touchpoints",
        Act(Read),
    ),
    (
        "POST",
        "/api/v1/journeys/{journey_id}/touchpoints",
        Act(EditJourneys),
    ),
    (
        "PATCH",
        "/api/v1/journeys/{journey_id}/touchpoints/{touchpoint_id}",
        Act(EditJourneys),
    ),
    (
        "DELETE",
        "/api/v1/journeys/{journey_id}/touchpoints/{touchpoint_id}",
        Act(EditJourneys),
    ),
    ("GET", "/api/v1/surveys", Act(Read)),
    ("POST", "/api/v1/surveys", Act(EditJourneys)),
    ("GET", "/api/v1/surveys/{survey_id}", Act(Read)),
    ("PATCH", "/api/v1/surveys/{survey_id}", Act(EditJourneys)),
    ("DELETE", "/api/v1/surveys/{survey_id}", Act(EditJourneys)),
    ("GET", "/api/v1/surveys/{survey_id}/invitations", Act(Read)),
    (
        "POST",
        "/api/v1/surveys/{survey_id}/invitations",
        Act(EditJourneys),
    ),
    ("GET", "/api/v1/metrics", Act(Read)),
    ("GET", "/api/v1/comments", Act(ReadResponses)),
    ("GET", "/api/v1/themes", Act(Read)),
    ("POST", "/api/v1/themes", Act(EditJourneys)),
    ("GET", "/api/v1/themes/{theme_id}", Act(Read)),
    ("PATCH", "/api/v1/themes/{theme_id}", Act(EditJourneys)),
    ("POST", "/api/v1/themes/{theme_id}/merge", Act(EditJourneys)),
    ("POST", "/api/v1/themes/{theme_id}/split", Act(EditJourneys)),
    ("GET", "/api/v1/feature-requests", Act(Read)),
    ("POST", "/api/v1/feature-requests", Act(EditRequests)),
    ("GET", "/api/v1/feature-requests/{request_id}", Act(Read)),
    (
        "POST",
        "/api/v1/feature-requests/{request_id}/votes",
        Act(EditRequests),
    ),
    (
        "POST",
        "/api/v1/feature-requests/{request_id}/responses",
        Act(EditRequests),
    ),
    (
        "PUT",
        "/api/v1/feature-requests/{request_id}/status",
        Act(DecideRequests),
    ),
    (
        "POST",
        "/api/v1/feature-requests/{request_id}/merge",
        Act(DecideRequests),
    ),
    ("GET", "/api/v1/changes", Act(Read)),
    ("POST", "/api/v1/changes", Act(RecordChanges)),
    ("GET", "/api/v1/changes/{change_id}", Act(Read)),
    ("GET", "/api/v1/coaching", Act(CoachSelf)),
    ("GET", "/api/v1/conversations", Act(ReadResponses)),
    ("POST", "/api/v1/conversations", Act(SubmitResponses)),
    (
        "GET",
        "/api/v1/conversations/{conversation_id}",
        Act(ReadResponses),
    ),
    (
        "POST",
        "/api/v1/conversations/{conversation_id}/messages",
        Act(SubmitResponses),
    ),
    (
        "POST",
        "/api/v1/customers/{customer_id}/events",
        Act(SubmitResponses),
    ),
    ("GET", "/api/v1/contact-policy", Act(Read)),
    ("PUT", "/api/v1/contact-policy", Act(ManageContact)),
    (
        "GET",
        "/api/v1/customers/{customer_id}/consent",
        Act(ReadResponses),
    ),
    (
        "PUT",
        "/api/v1/customers/{customer_id}/consent",
        Act(SubmitResponses),
    ),
    ("GET", "/api/v1/cases", Act(ReadCases)),
    ("POST", "/api/v1/cases", Act(WorkCases)),
    ("GET", "/api/v1/cases/settings", Act(Read)),
    ("PUT", "/api/v1/cases/settings", Act(ManageCases)),
    ("GET", "/api/v1/cases/root-causes", Act(Read)),
    ("PUT", "/api/v1/cases/root-causes", Act(ManageCases)),
    ("GET", "/api/v1/cases/rules", Act(Read)),
    ("PUT", "/api/v1/cases/rules/{survey_id}", Act(ManageCases)),
    ("GET", "/api/v1/cases/{case_id}", Act(ReadCases)),
    ("PATCH", "/api/v1/cases/{case_id}", Act(WorkCases)),
    ("POST", "/api/v1/cases/{case_id}/notes", Act(WorkCases)),
    ("POST", "/api/v1/cases/{case_id}/replies", Act(WorkCases)),
    ("GET", "/api/v1/teams", Act(Read)),
    ("PUT", "/api/v1/members/{user_id}/teams", Act(ManageMembers)),
    ("GET", "/api/v1/alerts", Act(Read)),
    ("POST", "/api/v1/alerts", Act(ManageAlerts)),
    ("GET", "/api/v1/alerts/{alert_id}", Act(Read)),
    ("PUT", "/api/v1/alerts/{alert_id}", Act(ManageAlerts)),
    ("DELETE", "/api/v1/alerts/{alert_id}", Act(ManageAlerts)),
    ("GET", "/api/v1/alerts/{alert_id}/firings", Act(Read)),
    ("GET", "/api/v1/inbound-email", Act(ManageAlerts)),
    ("PUT", "/api/v1/inbound-email", Act(ManageAlerts)),
    ("POST", "/api/v1/inbound-email/rotate", Act(ManageAlerts)),
    // Signed with the workspace's inbound secret, not authenticated: public as a route (a
    // missing or wrong signature is 401 to anyone; mail_in.rs checks the signature).
    ("POST", "/api/v1/inbound/email/{workspace}", Public),
    ("GET", "/api/v1/webhooks", Act(ManageAlerts)),
    ("POST", "/api/v1/webhooks", Act(ManageAlerts)),
    ("GET", "/api/v1/webhooks/{webhook_id}", Act(ManageAlerts)),
    ("PUT", "/api/v1/webhooks/{webhook_id}", Act(ManageAlerts)),
    ("DELETE", "/api/v1/webhooks/{webhook_id}", Act(ManageAlerts)),
    (
        "POST",
        "/api/v1/webhooks/{webhook_id}/rotate",
        Act(ManageAlerts),
    ),
    (
        "GET",
        "/api/v1/webhooks/{webhook_id}/deliveries",
        Act(ManageAlerts),
    ),
    (
        "POST",
        "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver",
        Act(ManageAlerts),
    ),
    ("GET", "/api/v1/events", Act(ReadResponses)),
    ("POST", "/api/v1/events", Act(SubmitResponses)),
    (
        "GET",
        "/api/v1/touchpoints/{touchpoint_id}/figures",
        Act(Read),
    ),
    (
        "PUT",
        "/api/v1/touchpoints/{touchpoint_id}/figures",
        Act(EditJourneys),
    ),
    ("GET", "/api/v1/journeys/{journey_id}/signals", Act(Read)),
    ("GET", "/api/v1/mentions", Act(ReadResponses)),
    ("GET", "/api/v1/audit", Act(Govern)),
    ("GET", "/api/v1/audit/retention", Act(Govern)),
    ("PUT", "/api/v1/audit/retention", Act(Govern)),
    (
        "GET",
        "/api/v1/customers/{customer_id}/export",
        Act(AnswerDataRequests),
    ),
    (
        "DELETE",
        "/api/v1/customers/{customer_id}",
        Act(AnswerDataRequests),
    ),
    ("GET", "/api/v1/data-retention", Act(Govern)),
    ("PUT", "/api/v1/data-retention", Act(Govern)),
    (
        "PATCH",
        "/api/v1/conversations/{conversation_id}",
        Act(WorkInbox),
    ),
    (
        "POST",
        "/api/v1/conversations/{conversation_id}/notes",
        Act(WorkInbox),
    ),
    (
        "POST",
        "/api/v1/conversations/{conversation_id}/replies",
        Act(WorkInbox),
    ),
    ("GET", "/api/v1/canned-replies", Act(ReadResponses)),
    ("POST", "/api/v1/canned-replies", Act(WorkInbox)),
    (
        "GET",
        "/api/v1/canned-replies/{canned_reply_id}",
        Act(ReadResponses),
    ),
    (
        "PUT",
        "/api/v1/canned-replies/{canned_reply_id}",
        Act(WorkInbox),
    ),
    (
        "DELETE",
        "/api/v1/canned-replies/{canned_reply_id}",
        Act(WorkInbox),
    ),
    ("POST", "/api/v1/mentions", Act(SubmitResponses)),
    // Asking on a visitor's behalf may open a conversation: as recording one.
    ("POST", "/api/v1/bot/ask", Act(SubmitResponses)),
    ("GET", "/api/v1/faq-gaps", Act(ReadResponses)),
    ("GET", "/api/v1/bot/synonyms", Act(Read)),
    ("POST", "/api/v1/bot/synonyms", Act(EditJourneys)),
    (
        "DELETE",
        "/api/v1/bot/synonyms/{synonym_id}",
        Act(EditJourneys),
    ),
    ("GET", "/api/v1/articles", Act(Read)),
    ("POST", "/api/v1/articles", Act(EditJourneys)),
    ("GET", "/api/v1/articles/{article_id}", Act(Read)),
    ("PUT", "/api/v1/articles/{article_id}", Act(EditJourneys)),
    ("DELETE", "/api/v1/articles/{article_id}", Act(EditJourneys)),
    ("GET", "/api/v1/sites", Act(Read)),
    ("POST", "/api/v1/sites", Act(EditJourneys)),
    ("GET", "/api/v1/sites/{site_id}", Act(Read)),
    ("PUT", "/api/v1/sites/{site_id}", Act(EditJourneys)),
    ("DELETE", "/api/v1/sites/{site_id}", Act(EditJourneys)),
    ("GET", "/api/v1/responses", Act(ReadResponses)),
    ("POST", "/api/v1/responses", Act(SubmitResponses)),
    (
        "DELETE",
        "/api/v1/responses/{response_id}",
        Act(EditJourneys),
    ),
];

/// The GET routes that need `ReadResponses`, `ReadCases` or `AnswerDataRequests`: reads of
/// personal data.
pub fn personal_reads_in_policy() -> Vec<&'static str> {
    POLICY
        .iter()
        .filter(|(method, _, need)| {
            *method == "GET"
                && matches!(
                    need,
                    Act(ReadResponses) | Act(ReadCases) | Act(AnswerDataRequests)
                )
        })
        .map(|(_, path, _)| *path)
        .collect()
}

/// Who calls.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Member(Role),
    Anonymous,
    Token(TokenScope),
    /// The owner of another workspace.
    Stranger,
    /// An owner of the workspace with two-factor sign-in, who gave the password but not the
    /// code: reaches nothing but the code page and sign-out.
    HalfSignedIn,
}

const EVERYONE: [Who; 10] = [
    Who::Member(Role::Owner),
    Who::Member(Role::Admin),
    Who::Member(Role::Analyst),
    Who::Member(Role::Agent),
    Who::Member(Role::Viewer),
    Who::Anonymous,
    Who::Token(TokenScope::Read),
    Who::Token(TokenScope::Write),
    Who::Stranger,
    Who::HalfSignedIn,
];

/// The answer the policy expects.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// Not refused (any status but 401, 403, 404 and 5xx).
    Allowed,
    /// Sent to the sign-in page.
    SignIn,
    /// Sent to the page asking for the second factor.
    SecondFactor,
    Unauthenticated,
    Forbidden,
    NotFound,
    /// A public route: anything but 5xx (a wrong password is still a 401).
    Public,
}

fn expect(need: Need, who: Who, api: bool) -> Expect {
    let action = match need {
        Need::Public => return Expect::Public,
        // Password but no second factor: nothing until the code.
        _ if who == Who::HalfSignedIn => {
            return if api {
                Expect::Unauthenticated
            } else {
                Expect::SecondFactor
            };
        }
        // A person's own account is no workspace's: anyone signed in, a stranger too.
        Need::SignedIn => {
            return match who {
                Who::Member(_) | Who::Stranger => Expect::Allowed,
                Who::Anonymous | Who::Token(_) => Expect::SignIn,
                Who::HalfSignedIn => Expect::SecondFactor,
            };
        }
        Need::Act(action) => action,
    };
    let allowed_by = |p: Principal| {
        if p.may(action) {
            Expect::Allowed
        } else {
            Expect::Forbidden
        }
    };
    match (who, api) {
        (Who::Stranger, _) => Expect::NotFound,
        (Who::HalfSignedIn, true) => Expect::Unauthenticated,
        (Who::HalfSignedIn, false) => Expect::SecondFactor,
        (Who::Anonymous, true) => Expect::Unauthenticated,
        // A token counts for nothing on pages.
        (Who::Anonymous | Who::Token(_), false) => Expect::SignIn,
        (Who::Token(scope), true) => allowed_by(Principal::Token {
            id: taith_domain::TokenId::new(),
            scope,
        }),
        (Who::Member(role), _) => allowed_by(Principal::Member {
            user: placeholder_user(),
            role,
        }),
    }
}

fn placeholder_user() -> taith_domain::User {
    taith_domain::User {
        id: taith_domain::UserId::new(),
        email: taith_domain::Email::parse("x@example.com").unwrap(),
        name: taith_domain::Name::parse("x").unwrap(),
    }
}

fn meets(expect: Expect, status: u16, location: Option<&str>) -> bool {
    match expect {
        Expect::Allowed => !matches!(status, 401 | 403 | 404) && status < 500,
        Expect::SignIn => status == 303 && location.is_some_and(|l| l.starts_with("/login")),
        Expect::SecondFactor => {
            status == 303 && location.is_some_and(|l| l.starts_with("/sign-in/code"))
        }
        Expect::Unauthenticated => status == 401,
        Expect::Forbidden => status == 403,
        Expect::NotFound => status == 404,
        Expect::Public => status < 500,
    }
}

/// The callers, signed in or holding their tokens.
struct Callers {
    browsers: Vec<(Role, Browser, String)>,
    anonymous: Browser,
    read_token: String,
    write_token: String,
    stranger: Browser,
    stranger_csrf: String,
    /// An owner with two-factor sign-in who gave only the password.
    half: Browser,
    half_csrf: String,
}

async fn callers(app: &TestApp, store: &SharedStore) -> Callers {
    let ws = store
        .workspace_by_slug(&taith_domain::Slug::parse("alpha").unwrap())
        .await
        .unwrap();
    let mut browsers = Vec::new();
    for role in Role::ALL {
        let email = if role == Role::Owner {
            "owner@alpha.example".to_owned()
        } else {
            let email = format!("{}@alpha.example", role.as_str());
            app.member(&ws, &email, role).await;
            email
        };
        let b = app.signed_in(&email).await;
        let csrf = b.get("/w/alpha").await.csrf();
        browsers.push((role, b, csrf));
    }
    let stranger = app.signed_in("owner@bravo.example").await;
    let stranger_csrf = stranger.get("/w/bravo").await.csrf();
    let (half, half_csrf) = half_signed_in(app, store, &ws).await;
    Callers {
        browsers,
        anonymous: app.browser(),
        read_token: app.api_token("alpha", TokenScope::Read).await,
        write_token: app.api_token("alpha", TokenScope::Write).await,
        stranger,
        stranger_csrf,
        half,
        half_csrf,
    }
}

/// An owner of `ws` enrolled in two-factor sign-in, signed in with the password only.
async fn half_signed_in(
    app: &TestApp,
    store: &SharedStore,
    ws: &taith_domain::Workspace,
) -> (Browser, String) {
    let email = "half@alpha.example";
    let m = app.member(ws, email, Role::Owner).await;
    let now = taith_domain::now();
    let secret = taith_domain::two_factor::TotpSecret::from_bytes([9; 20]);
    assert!(
        store
            .begin_two_factor(m.user.id, &secret.to_base32(), now)
            .await
            .unwrap()
    );
    store
        .confirm_two_factor(m.user.id, 0, &[], now)
        .await
        .unwrap();
    let b = app.browser();
    let page = b
        .submit(
            "/login",
            "/login",
            &[("email", email), ("password", crate::helpers::PASSWORD)],
        )
        .await;
    assert_eq!(page.status, 303);
    assert!(page.location.unwrap().starts_with("/sign-in/code"));
    let csrf = b.get("/sign-in/code").await.csrf();
    (b, csrf)
}

/// Sends one request as `who`; returns the status and the redirect's target.
async fn call(
    c: &Callers,
    who: Who,
    method: &str,
    path: &str,
    objects: &Objects,
    body: Option<serde_json::Value>,
) -> (u16, Option<String>) {
    let api = path.starts_with("/api/");
    let m: Method = method.parse().unwrap();
    let (browser, csrf) = match who {
        Who::Member(role) => {
            let (_, b, csrf) = c.browsers.iter().find(|(r, _, _)| *r == role).unwrap();
            (b, csrf.as_str())
        }
        Who::Stranger => (&c.stranger, c.stranger_csrf.as_str()),
        Who::HalfSignedIn => (&c.half, c.half_csrf.as_str()),
        Who::Anonymous | Who::Token(_) => (&c.anonymous, ""),
    };
    let token = match who {
        Who::Token(TokenScope::Read) => Some(c.read_token.as_str()),
        Who::Token(TokenScope::Write) => Some(c.write_token.as_str()),
        _ => None,
    };
    if api {
        let (status, _) = match token {
            Some(t) => browser.api(m, path, t, body).await,
            None => {
                browser
                    .api_as_member(m, path, "alpha", Some(csrf).filter(|c| !c.is_empty()), body)
                    .await
            }
        };
        return (status, None);
    }
    // A live stream answers its status at once and then never ends.
    if method == "GET" && path.ends_with("/events") && token.is_none() {
        return browser.status_of(path).await;
    }
    let bearer = token.map(|t| format!("Bearer {t}"));
    let headers: Vec<(&str, &str)> = bearer
        .as_deref()
        .map(|b| vec![("authorization", b)])
        .unwrap_or_default();
    let form = [
        ("csrf", csrf),
        ("name", "x"),
        ("role", "viewer"),
        ("direction", "later"),
        ("channel", "web"),
        ("score", "9"),
        ("stage_id", &objects.stage),
    ];
    let page = browser
        .send_with(m, path, &headers, (method != "GET").then_some(&form[..]))
        .await;
    (page.status, page.location)
}

async fn matrix_holds_on(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (shared, _) = populate(&store, "alpha").await;
    populate(&store, "bravo").await;
    let ws = store
        .workspace_by_slug(&taith_domain::Slug::parse("alpha").unwrap())
        .await
        .unwrap();
    let c = callers(&app, &store).await;
    let (_, export) = c
        .anonymous
        .api(
            Method::GET,
            &format!("/api/v1/journeys/{}/export", shared.journey),
            &c.write_token,
            None,
        )
        .await;
    let mut cells = 0;
    let mut failures = Vec::new();
    let mut routes = taith_web::route_table();
    // Signing out ends the callers' sessions: last.
    routes.sort_by_key(|r| r.path == "/logout");
    for route in routes {
        let need = POLICY
            .iter()
            .find(|(m, p, _)| *m == route.method && *p == route.path)
            .map(|(_, _, n)| *n)
            .unwrap_or_else(|| {
                panic!(
                    "{} {} has no access policy: add it to POLICY in roles.rs and docs/access.md",
                    route.method, route.path
                )
            });
        let api = route.path.starts_with("/api/");
        for who in EVERYONE {
            let expected = expect(need, who, api);
            // A change that may go through gets objects of its own, so that one cell's
            // delete does not turn the next cell's request into a 404. A refused one changes
            // nothing (and when it wrongly does, that cell already fails), so it shares them.
            let fresh: Objects;
            let may_change = matches!(expected, Expect::Allowed | Expect::Public);
            let objects = if route.method != "GET" && may_change {
                fresh = objects_in(&store, &ws).await;
                &fresh
            } else {
                &shared
            };
            let path = fill(route.path, "alpha", objects);
            let body = (api && route.method != "GET" && route.method != "DELETE").then(|| {
                if route.path.ends_with("/import") {
                    export.clone()
                } else if route.path == "/api/v1/responses" {
                    json!({ "survey_id": objects.survey, "score": 9, "client_id": unique("m") })
                } else {
                    plausible_body(route.path, objects)
                }
            });
            let (status, location) = call(&c, who, route.method, &path, objects, body).await;
            cells += 1;
            if !meets(expected, status, location.as_deref()) {
                failures.push(format!(
                    "{} {} as {who:?}: expected {expected:?}, got {status} {location:?}",
                    route.method, route.path
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cells} cells break the policy:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(cells >= 9 * 100, "only {cells} cells");
    eprintln!("role matrix: {cells} cells checked, 0 failures");
}

#[tokio::test]
async fn every_route_answers_every_caller_as_the_policy_says_on_sqlite() {
    matrix_holds_on(crate::helpers::fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn every_route_answers_every_caller_as_the_policy_says_on_postgres() {
    if let Some((store, db)) = crate::helpers::fresh_postgres().await {
        matrix_holds_on(store).await;
        db.drop_database().await;
    }
}

/// Fields that name a workspace, an owner or a role in request bodies never move data into
/// another workspace or lift anyone's role: they are refused or ignored.
async fn smuggled_fields_change_nothing(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let (a, _) = populate(&store, "alpha").await;
    let (b, _) = populate(&store, "bravo").await;
    let c = callers(&app, &store).await;
    let ws_b = store
        .workspace_by_slug(&taith_domain::Slug::parse("bravo").unwrap())
        .await
        .unwrap();
    let bravo_before = (
        store
            .personas(ws_b.id, taith_store::PageRequest::all())
            .await
            .unwrap()
            .items
            .len(),
        store
            .journeys(ws_b.id, taith_store::PageRequest::all())
            .await
            .unwrap()
            .items
            .len(),
    );
    let other = ws_b.id.to_string();
    let token = &c.write_token;
    let browser = &c.anonymous;
    // Creations that name workspace B land in A or nowhere.
    for (path, body) in [
        (
            "/api/v1/personas",
            json!({ "name": "Smuggled", "workspace_id": other, "workspace": "bravo" }),
        ),
        (
            "/api/v1/journeys",
            json!({ "name": "Smuggled", "workspace_id": other, "stage_model": "five_stage" }),
        ),
    ] {
        let (status, json) = browser.api(Method::POST, path, token, Some(body)).await;
        // Unknown fields make the body unreadable: 400, and nothing is stored.
        assert_eq!(status, 400, "{path}: {json}");
    }
    let bravo_after = (
        store
            .personas(ws_b.id, taith_store::PageRequest::all())
            .await
            .unwrap()
            .items
            .len(),
        store
            .journeys(ws_b.id, taith_store::PageRequest::all())
            .await
            .unwrap()
            .items
            .len(),
    );
    assert_eq!(bravo_before, bravo_after, "nothing landed in workspace B");
    // A response naming B's workspace, or B's survey, is not stored in B.
    let (status, _) = browser
        .api(
            Method::POST,
            "/api/v1/responses",
            token,
            Some(json!({ "survey_id": b.survey, "score": 9, "workspace_id": other })),
        )
        .await;
    assert_eq!(
        status, 400,
        "B's survey through A's token, with a workspace field"
    );
    let (status, json) = browser
        .api(
            Method::POST,
            "/api/v1/responses",
            token,
            Some(json!({ "survey_id": b.survey, "score": 9 })),
        )
        .await;
    // B's survey is no survey of A's: the field is named as not found.
    assert_eq!(status, 422, "B's survey through A's token: {json}");
    assert_eq!(json["error"]["details"][0]["field"], "survey_id", "{json}");
    let (status, _) = browser
        .api(
            Method::POST,
            "/api/v1/responses",
            token,
            Some(json!({ "survey_id": a.survey, "score": 9, "workspace_id": other })),
        )
        .await;
    // Unknown fields are refused (400), even on A's own survey.
    assert_eq!(status, 400, "A's own survey");
    let b_responses = store
        .responses(ws_b.id, None, taith_store::PageRequest::all())
        .await
        .unwrap();
    assert_eq!(b_responses.items.len(), 1, "only B's own response");
    // A survey on B's touchpoint is refused.
    let (status, _) = browser
        .api(
            Method::POST,
            "/api/v1/surveys",
            token,
            Some(json!({ "name": "S", "kind": "nps", "touchpoint_id": b.touchpoint })),
        )
        .await;
    assert_eq!(status, 422, "B's touchpoint is no touchpoint of A's");
    // Roles: an agent cannot lift itself, an admin cannot make an owner.
    let ws_a = store
        .workspace_by_slug(&taith_domain::Slug::parse("alpha").unwrap())
        .await
        .unwrap();
    let members = store.members(ws_a.id).await.unwrap();
    let id_of = |email: &str| {
        members
            .iter()
            .find(|m| m.user.email.as_str() == email)
            .unwrap()
            .user
            .id
            .to_string()
    };
    for (role, target, lift) in [
        (Role::Agent, "agent@alpha.example", "owner"),
        (Role::Viewer, "viewer@alpha.example", "admin"),
        (Role::Admin, "analyst@alpha.example", "owner"),
    ] {
        let (_, b, csrf) = c.browsers.iter().find(|(r, _, _)| *r == role).unwrap();
        let (status, json) = b
            .api_as_member(
                Method::PATCH,
                &format!("/api/v1/members/{}", id_of(target)),
                "alpha",
                Some(csrf),
                Some(json!({ "role": lift })),
            )
            .await;
        assert_eq!(status, 403, "{role:?} making {target} {lift}: {json}");
        let page = b
            .post_raw(
                &format!("/w/alpha/members/{}", id_of(target)),
                &[("csrf", csrf), ("role", lift)],
            )
            .await;
        // Refused: a viewer or agent may not manage members (403); an admin may, but not
        // make an owner (the form is shown again with the reason, 400).
        let expected = if role == Role::Admin { 400 } else { 403 };
        assert_eq!(page.status, expected, "{role:?} in the UI");
    }
    let after = store.members(ws_a.id).await.unwrap();
    for m in &after {
        let expected = match m.user.email.as_str() {
            "agent@alpha.example" => Role::Agent,
            "viewer@alpha.example" => Role::Viewer,
            "analyst@alpha.example" => Role::Analyst,
            _ => m.role,
        };
        assert_eq!(m.role, expected, "{}", m.user.email.as_str());
    }
    // A member's "workspace" field cannot move them either.
    let (_, owner, csrf) = &c.browsers[0];
    let (status, _) = owner
        .api_as_member(
            Method::PATCH,
            &format!("/api/v1/members/{}", id_of("viewer@alpha.example")),
            "alpha",
            Some(csrf),
            Some(json!({ "role": "analyst", "workspace_id": other })),
        )
        .await;
    assert_eq!(status, 400, "an unknown field is refused, not obeyed");
    assert!(
        store
            .members(ws_b.id)
            .await
            .unwrap()
            .iter()
            .all(|m| m.user.email.as_str() != "viewer@alpha.example")
    );
}

#[tokio::test]
async fn fields_naming_a_workspace_owner_or_role_change_nothing_on_sqlite() {
    smuggled_fields_change_nothing(crate::helpers::fresh_sqlite().await.0).await;
}

#[tokio::test]
async fn fields_naming_a_workspace_owner_or_role_change_nothing_on_postgres() {
    if let Some((store, db)) = crate::helpers::fresh_postgres().await {
        smuggled_fields_change_nothing(store).await;
        db.drop_database().await;
    }
}
