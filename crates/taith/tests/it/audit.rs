//! The audit log, on both stores: an owner's export of comments and a change of a member's
//! role are recorded with who, when, from which address and the outcome, and read back over
//! the API and on the page (and its CSV); reads that are not of personal data are not; only
//! owners reach the log; no route changes or deletes an entry, and both databases refuse an
//! UPDATE of one; the retention rule removes entries by age only. And every route that reads
//! personal data in bulk (by the role matrix's policy) is in the audited list.

use crate::helpers::{TestApp, fresh_postgres, fresh_sqlite, unique};
use crate::roles::personal_reads_in_policy;
use reqwest::Method;
use serde_json::{Value, json};
use taith_domain::Role;
use taith_store::SharedStore;

macro_rules! on_both_stores {
    ($($behaviour:ident),* $(,)?) => {
        pastey::paste! {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_sqlite>]() {
                    let (store, dir) = fresh_sqlite().await;
                    $behaviour(store).await;
                    let _ = std::fs::remove_dir_all(dir);
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_postgres>]() {
                    let Some((store, db)) = fresh_postgres().await else {
                        return;
                    };
                    $behaviour(store).await;
                    db.drop_database().await;
                }
            )*
        }
    };
}

on_both_stores!(
    the_audit_log_records_an_export_and_a_role_change,
    only_age_removes_audit_entries,
);

fn entries(log: &Value) -> Vec<Value> {
    log["entries"].as_array().cloned().unwrap_or_default()
}

fn find<'a>(entries: &'a [Value], method: &str, action: &str) -> Option<&'a Value> {
    entries
        .iter()
        .find(|e| e["method"] == method && e["action"] == action)
}

async fn the_audit_log_records_an_export_and_a_role_change(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store).await;
    let slug = unique("audit");
    let owner_email = format!("{slug}-owner@example.com");
    let (ws, _) = app.workspace(&slug, &owner_email).await;
    let analyst = app
        .member(&ws, &format!("{slug}-ana@example.com"), Role::Analyst)
        .await;
    let admin_email = format!("{slug}-admin@example.com");
    app.member(&ws, &admin_email, Role::Admin).await;
    let owner = app.signed_in(&owner_email).await;

    // A bulk read of personal data, a change, and a read of figures only.
    let export = owner.get(&format!("/w/{slug}/comments.csv")).await;
    assert_eq!(export.status, 200, "{}", export.body);
    let members = format!("/w/{slug}/members");
    let changed = owner
        .submit(
            &members,
            &format!("{members}/{}", analyst.user.id),
            &[("role", "agent")],
        )
        .await;
    assert_eq!(changed.status, 303, "{}", changed.body);
    assert_eq!(owner.get(&format!("/w/{slug}/dashboard")).await.status, 200);

    let (status, log) = owner
        .api_as_member(Method::GET, "/api/v1/audit", &slug, None, None)
        .await;
    assert_eq!(status, 200, "{log}");
    let all = entries(&log);
    let read = find(&all, "GET", "/w/{slug}/comments.csv").expect("the export is recorded");
    assert_eq!(read["kind"], "read");
    assert_eq!(read["status"], 200);
    assert_eq!(read["target"], format!("/w/{slug}/comments.csv"));
    assert_eq!(read["address"], "127.0.0.1");
    assert_eq!(read["actor_kind"], "member");
    assert!(
        read["actor"]
            .as_str()
            .unwrap_or_default()
            .contains(&owner_email),
        "{read}"
    );
    let change = find(&all, "POST", "/w/{slug}/members/{id}").expect("the role change is recorded");
    assert_eq!(change["kind"], "change");
    assert_eq!(change["status"], 303);
    assert_eq!(
        change["target"],
        format!("/w/{slug}/members/{}", analyst.user.id)
    );
    assert!(
        find(&all, "GET", "/w/{slug}/dashboard").is_none(),
        "figures are not personal data: {log}"
    );
    // Newest first: the change came after the export.
    let position = |e: &Value| all.iter().position(|x| x == e);
    assert!(position(change) < position(read));

    // The page and its CSV show the same, to owners only.
    let page = owner.get(&format!("/w/{slug}/audit")).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains(&format!("/w/{slug}/members/{}", analyst.user.id)));
    assert!(text.contains(&owner_email));
    let csv = owner.get(&format!("/w/{slug}/audit.csv")).await;
    assert_eq!(csv.status, 200);
    assert!(csv.content_type.starts_with("text/csv"));
    assert!(csv.body.contains(&format!("/w/{slug}/comments.csv")));
    let admin = app.signed_in(&admin_email).await;
    assert_eq!(admin.get(&format!("/w/{slug}/audit")).await.status, 403);
    let (status, _) = admin
        .api_as_member(Method::GET, "/api/v1/audit", &slug, None, None)
        .await;
    assert_eq!(status, 403);
    let token = app.api_token(&slug, taith_domain::TokenScope::Write).await;
    let (status, _) = owner.api(Method::GET, "/api/v1/audit", &token, None).await;
    assert_eq!(status, 403, "tokens do not read the audit log");
    // The admin's refused look is itself on record (a read of the log).
    let (_, log) = owner
        .api_as_member(Method::GET, "/api/v1/audit", &slug, None, None)
        .await;
    let refused = entries(&log)
        .into_iter()
        .find(|e| e["action"] == "/w/{slug}/audit" && e["status"] == 403)
        .expect("the refused look is recorded");
    assert!(
        refused["actor"]
            .as_str()
            .unwrap_or_default()
            .contains(&admin_email)
    );

    // No route changes or deletes an entry.
    let csrf = owner.get(&format!("/w/{slug}/audit")).await.csrf();
    let id = read["id"].as_str().unwrap_or_default().to_owned();
    for (method, path) in [
        (Method::DELETE, "/api/v1/audit".to_owned()),
        (Method::POST, "/api/v1/audit".to_owned()),
        (Method::PUT, "/api/v1/audit".to_owned()),
        (Method::DELETE, format!("/api/v1/audit/{id}")),
        (Method::PATCH, format!("/api/v1/audit/{id}")),
    ] {
        let (status, _) = owner
            .api_as_member(method.clone(), &path, &slug, Some(&csrf), Some(json!({})))
            .await;
        assert!(
            status == 404 || status == 405,
            "{method} {path} answered {status}"
        );
    }
    for path in [
        format!("/w/{slug}/audit"),
        format!("/w/{slug}/audit/{id}/delete"),
        format!("/w/{slug}/audit/delete"),
    ] {
        let page = owner.post_raw(&path, &[("csrf", &csrf)]).await;
        assert!(
            page.status == 404 || page.status == 405,
            "POST {path} answered {}",
            page.status
        );
    }
    let (_, after) = owner
        .api_as_member(Method::GET, "/api/v1/audit", &slug, None, None)
        .await;
    let kept = entries(&after);
    assert!(kept.iter().any(|e| e == read) && kept.iter().any(|e| e == change));

    // The retention: set by the owner, bad input named.
    let (status, body) = owner
        .api_as_member(
            Method::PUT,
            "/api/v1/audit/retention",
            &slug,
            Some(&csrf),
            Some(json!({"months": 0})),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("months"), "{body}");
    let saved = owner
        .submit(
            &format!("/w/{slug}/audit"),
            &format!("/w/{slug}/audit/retention"),
            &[("months", "36")],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let (status, body) = owner
        .api_as_member(Method::GET, "/api/v1/audit/retention", &slug, None, None)
        .await;
    assert_eq!((status, body["months"].as_i64()), (200, Some(36)));
    let wrong = owner
        .submit(
            &format!("/w/{slug}/audit"),
            &format!("/w/{slug}/audit/retention"),
            &[("months", "many")],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("aria-invalid"));
}

async fn only_age_removes_audit_entries(store: SharedStore) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let slug = unique("aud");
    let owner_email = format!("{slug}-owner@example.com");
    let (ws, _) = app.workspace(&slug, &owner_email).await;
    let owner = app.signed_in(&owner_email).await;
    assert_eq!(
        owner.get(&format!("/w/{slug}/comments.csv")).await.status,
        200
    );
    let period =
        taith_domain::Period::preset(taith_domain::Preset::Days90, taith_domain::now().date());
    let count = || async {
        taith_app::audit::page(store.as_ref(), ws.id, &period, None)
            .await
            .unwrap()
            .len()
    };
    let before = count().await;
    assert!(before >= 1);
    // Within the retention nothing goes; a year later (12 months kept) everything does.
    store
        .set_audit_retention(ws.id, taith_domain::AuditRetention::parse(12).unwrap())
        .await
        .unwrap();
    taith_app::audit::prune(&store, taith_domain::now()).await;
    assert_eq!(count().await, before);
    let later = taith_domain::now() + time::Duration::days(366);
    assert!(taith_app::audit::prune(&store, later).await >= before as u64);
    assert_eq!(count().await, 0);
}

/// Both databases refuse to rewrite an entry, whatever code asks.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_databases_refuse_to_rewrite_the_audit_log() {
    let (store, dir) = fresh_sqlite().await;
    let ws = write_one_entry(&store).await;
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", dir.join("taith.db").display()))
        .await
        .unwrap();
    let update = sqlx::query("UPDATE audit_log SET actor_label = 'someone else'")
        .execute(&pool)
        .await;
    assert!(update.is_err(), "SQLite let the audit log be rewritten");
    pool.close().await;
    assert_eq!(read_label(&store, ws).await, "Sián <sian@example.com>");
    let _ = std::fs::remove_dir_all(dir);

    let Some((store, db)) = fresh_postgres().await else {
        return;
    };
    let ws = write_one_entry(&store).await;
    let pool = sqlx::PgPool::connect(&db.url()).await.unwrap();
    let update = sqlx::query("UPDATE audit_log SET actor_label = 'someone else'")
        .execute(&pool)
        .await;
    assert!(update.is_err(), "PostgreSQL let the audit log be rewritten");
    pool.close().await;
    assert_eq!(read_label(&store, ws).await, "Sián <sian@example.com>");
    db.drop_database().await;
}

async fn write_one_entry(store: &SharedStore) -> taith_domain::WorkspaceId {
    let app = TestApp::spawn(store.clone()).await;
    let slug = unique("aud");
    let (ws, user) = app.workspace(&slug, &format!("{slug}@example.com")).await;
    taith_app::audit::record(
        store.as_ref(),
        ws.id,
        taith_app::audit::Action {
            actor: taith_domain::Actor::member(user.id, "Sián <sian@example.com>".into()),
            address: Some("192.0.2.7".into()),
            method: "POST".into(),
            action: "/w/{slug}/members/{id}".into(),
            target: format!("/w/{slug}/members/{}", user.id),
            status: 303,
        },
    )
    .await
    .unwrap();
    ws.id
}

async fn read_label(store: &SharedStore, ws: taith_domain::WorkspaceId) -> String {
    let period =
        taith_domain::Period::preset(taith_domain::Preset::Days7, taith_domain::now().date());
    let page = taith_app::audit::page(store.as_ref(), ws, &period, None)
        .await
        .unwrap();
    page[0].actor.label.clone()
}

/// Every GET route the policy says needs `ReadResponses` or `ReadCases` is a read of personal
/// data, so it must be audited (or be named here as holding none).
#[test]
fn every_personal_read_is_audited() {
    // Staff's own canned replies: text the business wrote, not customers'.
    const NOT_PERSONAL: &[&str] = &[
        "/w/{slug}/inbox/canned",
        "/api/v1/canned-replies",
        "/api/v1/canned-replies/{canned_reply_id}",
    ];
    for path in personal_reads_in_policy() {
        assert!(
            taith_web::audit::layer::PERSONAL_READS.contains(&path) || NOT_PERSONAL.contains(&path),
            "GET {path} reads personal data but is not in taith_web::audit::layer::PERSONAL_READS"
        );
    }
}
