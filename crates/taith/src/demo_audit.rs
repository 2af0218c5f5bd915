//! The demo bakery's audit log: three weeks of what its people and its web shop's integration
//! did — a role change, exports, customers' pages opened, replies in the inbox, answers posted
//! by the shop, a viewer refused the comments — so the owner's Audit log page shows what it is
//! for. Entries are written with their past times; everything done in the demo afterwards is
//! recorded live by the server.

use anyhow::{Context, Result};
use taith_domain::{Actor, ActorKind, AuditEntry, AuditEntryId, UserId, WorkspaceId};
use taith_store::Store;
use time::Duration;

/// (hours ago, member key or "" for the shop's token, method, route, status). The address
/// acted on is the route with `{slug}` the demo's, a member's `{id}` Megan's, and other ids
/// stable made-up ones: the log names ids, never what a customer wrote.
const ENTRIES: &[(i64, &str, &str, &str, u16)] = &[
    (500, "sian", "POST", "/w/{slug}/members/{id}", 303),
    (480, "sian", "POST", "/w/{slug}/tokens", 303),
    (460, "", "POST", "/api/v1/responses", 202),
    (400, "rhys", "GET", "/w/{slug}/comments.csv", 200),
    (330, "megan", "GET", "/w/{slug}/inbox", 200),
    (329, "megan", "POST", "/w/{slug}/inbox/{id}/reply", 303),
    (300, "", "POST", "/api/v1/responses", 202),
    (200, "owain", "GET", "/w/{slug}/comments", 403),
    (150, "rhys", "POST", "/w/{slug}/surveys/{id}", 303),
    (120, "sian", "GET", "/w/{slug}/customers/{id}", 200),
    (70, "megan", "GET", "/w/{slug}/cases/mine", 200),
    (26, "", "POST", "/api/v1/responses", 202),
    (
        96,
        "sian",
        "GET",
        "/w/{slug}/customers/{id}/export.json",
        200,
    ),
    (95, "sian", "POST", "/w/{slug}/customers/{id}/erase", 303),
    (5, "rhys", "GET", "/w/{slug}/surveys/{id}/export.csv", 200),
];

/// Fills the log; `members` are the demo's (key, user id) with the owner first.
pub async fn seed_audit(
    store: &dyn Store,
    ws: WorkspaceId,
    slug: &str,
    members: &[(&str, UserId)],
    names: &[(&str, &str)],
) -> Result<()> {
    let now = taith_domain::now();
    let id_of = |key: &str| members.iter().find(|(k, _)| *k == key).map(|(_, id)| *id);
    let label_of = |key: &str| {
        names
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(k, n)| format!("{n} <{k}@becws.example>"))
            .unwrap_or_default()
    };
    for (i, (hours, who, method, route, status)) in ENTRIES.iter().enumerate() {
        let actor = match id_of(who) {
            Some(user) => Actor::member(user, label_of(who)),
            None => Actor {
                kind: ActorKind::Token,
                id: None,
                label: "API token: web shop".to_owned(),
            },
        };
        let id = if route.contains("/members/") {
            id_of("megan").unwrap_or_default().to_string()
        } else if route.starts_with("/w/{slug}/customers/{id}/") {
            // One customer's request: their export, then their erasure.
            uuid::Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_00ee).to_string()
        } else {
            uuid::Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0000 + i as u128).to_string()
        };
        let target = route.replace("{slug}", slug).replace("{id}", &id);
        let entry = AuditEntry {
            id: AuditEntryId::new(),
            at: now - Duration::hours(*hours),
            actor,
            address: Some(format!("192.0.2.{}", 10 + i)),
            method: (*method).to_owned(),
            action: (*route).to_owned(),
            target,
            status: *status,
        };
        store
            .append_audit(ws, &entry)
            .await
            .context("seeding the demo audit log")?;
    }
    Ok(())
}
