//! Data subject requests and data retention, on both stores:
//!
//! - every table of both stores, listed from the migrations, is classified in
//!   `taith_store::privacy::TABLES` (a new table fails here until it is);
//! - a customer with a record of every kind is exported (every kind present) and erased over
//!   the API; then a walk over every row of every table finds none of their e-mail address,
//!   name, external id, id (except in the audit log, which keeps ids) or words, the NPS of the
//!   survey is what it was, and another customer's records are untouched;
//! - export and erasure of another workspace's customer, or of one erased already, are 404;
//!   the page's export, the erasure's confirmation and the retention setting work;
//! - the retention rule removes old responses, events and conversations, and only those;
//! - `taith customer erase`, killed with SIGKILL at any moment, leaves all or nothing, and
//!   run again completes the erasure.

use crate::helpers::{TestApp, fresh_postgres, fresh_sqlite, unique};
use crate::surveys_api::token;
use crate::surveys_ui::live_nps;
use reqwest::Method;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::Path;
use taith_domain::{CustomerId, TokenScope, Workspace};
use taith_store::SharedStore;
use taith_store::privacy::{TABLES, Treatment};
use uuid::Uuid;

/// A database opened beside the store, to walk its tables as they are.
enum Raw {
    Lite(sqlx::SqlitePool),
    Pg(sqlx::PgPool),
}

/// A value bound into a raw statement.
#[derive(Clone)]
enum B {
    U(Uuid),
    S(String),
    I(i64),
}

impl Raw {
    async fn exec(&self, sql: &str, binds: &[B]) {
        macro_rules! run {
            ($pool:expr) => {{
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()));
                for b in binds {
                    q = match b {
                        B::U(u) => q.bind(*u),
                        B::S(s) => q.bind(s.clone()),
                        B::I(i) => q.bind(*i),
                    };
                }
                q.execute($pool)
                    .await
                    .unwrap_or_else(|e| panic!("{sql}: {e}"));
            }};
        }
        match self {
            Raw::Lite(p) => run!(p),
            Raw::Pg(p) => run!(p),
        }
    }

    /// The tables of the database, without sqlx's own.
    async fn tables(&self) -> BTreeSet<String> {
        let names: Vec<String> = match self {
            Raw::Lite(p) => sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table' \
                 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%'",
            )
            .fetch_all(p)
            .await
            .unwrap(),
            Raw::Pg(p) => sqlx::query_scalar(
                "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' \
                 AND tablename NOT LIKE '_sqlx%'",
            )
            .fetch_all(p)
            .await
            .unwrap(),
        };
        names.into_iter().collect()
    }

    /// Every row of `table` as lower-case text: ids as hex (SQLite) or UUIDs (PostgreSQL).
    async fn rows(&self, table: &str) -> Vec<String> {
        match self {
            Raw::Lite(p) => {
                let columns: Vec<String> =
                    sqlx::query_scalar("SELECT name FROM pragma_table_info($1)")
                        .bind(table)
                        .fetch_all(p)
                        .await
                        .unwrap();
                // Names from the schema itself, not from input.
                let row = columns
                    .iter()
                    .map(|c| format!("quote(\"{c}\")"))
                    .collect::<Vec<_>>()
                    .join(" || '|' || ");
                sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(format!(
                    "SELECT lower({row}) FROM \"{table}\""
                )))
                .fetch_all(p)
                .await
                .unwrap()
            }
            Raw::Pg(p) => sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(format!(
                "SELECT lower(t::text) FROM \"{table}\" t"
            )))
            .fetch_all(p)
            .await
            .unwrap(),
        }
    }
}

/// The tables the migrations of one backend create.
fn tables_in_migrations(backend: &str) -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(format!("taith-store-{backend}"))
        .join("migrations");
    let mut tables = BTreeSet::new();
    for file in std::fs::read_dir(&dir).unwrap() {
        let sql = std::fs::read_to_string(file.unwrap().path()).unwrap();
        for line in sql.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            if let ["CREATE", "TABLE", rest @ ..] = words.as_slice() {
                let name = match rest {
                    ["IF", "NOT", "EXISTS", name, ..] | [name, ..] => *name,
                    [] => continue,
                };
                tables.insert(name.trim_end_matches('(').to_owned());
            }
        }
    }
    tables
}

#[test]
fn every_table_of_both_stores_is_classified_for_erasure() {
    let classified: BTreeSet<String> = TABLES.iter().map(|t| t.name.to_owned()).collect();
    assert_eq!(
        classified.len(),
        TABLES.len(),
        "a table is classified twice"
    );
    for backend in ["sqlite", "postgres"] {
        let created = tables_in_migrations(backend);
        assert!(created.len() > 60, "{backend}: {created:?}");
        let unclassified: Vec<_> = created.difference(&classified).collect();
        assert!(
            unclassified.is_empty(),
            "{backend}: classify these tables in taith_store::privacy::TABLES: {unclassified:?}"
        );
        let gone: Vec<_> = classified.difference(&created).collect();
        assert!(gone.is_empty(), "{backend}: no longer created: {gone:?}");
    }
}

macro_rules! on_both_stores {
    ($($behaviour:ident),* $(,)?) => {
        pastey::paste! {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_sqlite>]() {
                    let (store, dir) = fresh_sqlite().await;
                    let raw = Raw::Lite(
                        sqlx::SqlitePool::connect(&format!(
                            "sqlite://{}",
                            dir.join("taith.db").display()
                        ))
                        .await
                        .unwrap(),
                    );
                    $behaviour(store, raw).await;
                    let _ = std::fs::remove_dir_all(dir);
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn [<$behaviour _on_postgres>]() {
                    let Some((store, db)) = fresh_postgres().await else {
                        return;
                    };
                    let pool = sqlx::PgPool::connect(&db.url()).await.unwrap();
                    $behaviour(store, Raw::Pg(pool.clone())).await;
                    pool.close().await;
                    db.drop_database().await;
                }
            )*
        }
    };
}

on_both_stores!(
    an_erased_customer_leaves_no_trace_in_any_table_and_the_figures_stay,
    old_records_go_with_the_retention_rule_and_only_they,
    a_worker_that_read_a_customer_before_the_erasure_cannot_write_them_back,
);

fn now_micros() -> i64 {
    i64::try_from(taith_domain::now().unix_timestamp_nanos() / 1_000).unwrap()
}

/// What identifies the erased customer, and the words that were theirs.
struct Marked {
    id: CustomerId,
    email: String,
    name: String,
    external_id: String,
    words: Vec<String>,
}

/// Gives the customer a record of every kind the export names that the API did not make:
/// comment analysis, queues, events, invitations, consent, asks, lifecycle, a notice, a vote
/// and a link, a case with its log and reply, a conversation with messages, a note, mail with
/// an attachment, a chat, a question to the bot, and a webhook event quoting them.
async fn give_every_kind(raw: &Raw, ws: &Workspace, survey: Uuid, response: Uuid, m: &Marked) {
    let (w, c, now) = (
        B::U(ws.id.as_uuid()),
        B::U(m.id.as_uuid()),
        B::I(now_micros()),
    );
    let r = B::U(response);
    let s = B::U(survey);
    let word = |i: usize| B::S(m.words[i].clone());
    raw.exec(
        "INSERT INTO voc_comments (workspace_id, response_id, language, language_confidence, \
         sentiment, sentiment_confidence, phrases, search_text, analysed_at) \
         VALUES ($1, $2, 'en', 0.9, 'negative', 0.8, '[]', $3, $4) \
         ON CONFLICT (workspace_id, response_id) DO UPDATE SET search_text = excluded.search_text",
        &[w.clone(), r.clone(), word(0), now.clone()],
    )
    .await;
    for table in ["case_pending", "hooks_pending"] {
        raw.exec(
            &format!(
                "INSERT INTO {table} (workspace_id, response_id, queued_at) VALUES ($1, $2, $3) \
                 ON CONFLICT DO NOTHING"
            ),
            &[w.clone(), r.clone(), now.clone()],
        )
        .await;
    }
    raw.exec(
        "INSERT INTO events (workspace_id, id, type, occurred_at, visitor_id, customer_id, url, \
         channel, attributes, query, created_at) \
         VALUES ($1, $2, 'search', $3, 'v-1', $4, 'https://becws.example/search', 'web', $5, \
         'sourdough', $3)",
        &[
            w.clone(),
            B::U(Uuid::now_v7()),
            now.clone(),
            c.clone(),
            B::S(json!({"email": m.email}).to_string()),
        ],
    )
    .await;
    raw.exec(
        "INSERT INTO invitations (workspace_id, id, survey_id, customer_id, token, locale, \
         reminder_days, created_at) VALUES ($1, $2, $3, $4, $5, 'cy', 3, $6)",
        &[
            w.clone(),
            B::U(Uuid::now_v7()),
            s.clone(),
            c.clone(),
            B::S(unique("tok")),
            now.clone(),
        ],
    )
    .await;
    raw.exec(
        "INSERT INTO consents (workspace_id, customer_id, purpose, granted, source, changed_at) \
         VALUES ($1, $2, 'notices', FALSE, 'api', $3)",
        &[w.clone(), c.clone(), now.clone()],
    )
    .await;
    raw.exec(
        "INSERT INTO consent_changes (workspace_id, customer_id, id, purpose, granted, source, \
         changed_at) VALUES ($1, $2, $3, 'notices', FALSE, 'api', $4)",
        &[w.clone(), c.clone(), B::U(Uuid::now_v7()), now.clone()],
    )
    .await;
    raw.exec(
        "INSERT INTO contact_asks (workspace_id, id, customer_id, channel, survey_id, asked_at) \
         VALUES ($1, $2, $3, 'invitation', $4, $5)",
        &[
            w.clone(),
            B::U(Uuid::now_v7()),
            c.clone(),
            s.clone(),
            now.clone(),
        ],
    )
    .await;
    raw.exec(
        "INSERT INTO customer_lifecycle (workspace_id, customer_id, id, kind, at) \
         VALUES ($1, $2, $3, 'started', $4)",
        &[w.clone(), c.clone(), B::U(Uuid::now_v7()), now.clone()],
    )
    .await;
    let request = B::U(Uuid::now_v7());
    raw.exec(
        "INSERT INTO feature_requests (workspace_id, id, title, description, status, \
         public_note, source, created_at, updated_at) \
         VALUES ($1, $2, '{\"en\": \"Gluten-free loaves\"}', '', 'planned', '{}', 'staff', $3, $3)",
        &[w.clone(), request.clone(), now.clone()],
    )
    .await;
    raw.exec(
        "INSERT INTO feature_request_votes (workspace_id, request_id, voter, customer_id, \
         created_at) VALUES ($1, $2, $3, $4, $5)",
        &[
            w.clone(),
            request.clone(),
            B::S(format!("customer:{}", m.id)),
            c.clone(),
            now.clone(),
        ],
    )
    .await;
    raw.exec(
        "INSERT INTO feature_request_links (workspace_id, request_id, response_id, customer_id, \
         created_at) VALUES ($1, $2, $3, $4, $5)",
        &[
            w.clone(),
            request.clone(),
            r.clone(),
            c.clone(),
            now.clone(),
        ],
    )
    .await;
    let change = B::U(Uuid::now_v7());
    raw.exec(
        "INSERT INTO changes (workspace_id, id, source_kind, source_id, source_title, \
         public_note, created_by, created_at) \
         VALUES ($1, $2, 'feature_request', $3, 'Gluten-free loaves', '{}', 'Siân', $4)",
        &[w.clone(), change.clone(), request.clone(), now.clone()],
    )
    .await;
    raw.exec(
        "INSERT INTO change_notices (workspace_id, change_id, customer_id, locale, token, \
         created_at) VALUES ($1, $2, $3, 'cy', $4, $5)",
        &[
            w.clone(),
            change,
            c.clone(),
            B::S(unique("notice")),
            now.clone(),
        ],
    )
    .await;
    let case = B::U(Uuid::now_v7());
    raw.exec(
        "INSERT INTO cases (workspace_id, id, number, source, survey_id, customer_id, status, \
         opened_at, first_action_due, resolve_due, version, updated_at) \
         VALUES ($1, $2, 900, 'manual', $3, $4, 'open', $5, $5, $5, 1, $5)",
        &[w.clone(), case.clone(), s.clone(), c.clone(), now.clone()],
    )
    .await;
    raw.exec(
        "INSERT INTO case_log (workspace_id, case_id, id, at, actor_name, kind, detail) \
         VALUES ($1, $2, $3, $4, 'Siân', 'note', $5)",
        &[
            w.clone(),
            case.clone(),
            B::U(Uuid::now_v7()),
            now.clone(),
            B::S(json!({"kind": "note", "text": m.words[1]}).to_string()),
        ],
    )
    .await;
    raw.exec(
        "INSERT INTO case_replies (workspace_id, id, case_id, body, locale, to_email, to_name, \
         created_at) VALUES ($1, $2, $3, $4, 'cy', $5, $6, $7)",
        &[
            w.clone(),
            B::U(Uuid::now_v7()),
            case,
            word(1),
            B::S(m.email.clone()),
            B::S(m.name.clone()),
            now.clone(),
        ],
    )
    .await;
    let conversation = B::U(Uuid::now_v7());
    raw.exec(
        "INSERT INTO conversations (workspace_id, id, external_id, channel, status, subject, \
         customer_id, tags, created_at, updated_at) \
         VALUES ($1, $2, $3, 'email', 'open', $4, $5, '[]', $6, $6)",
        &[
            w.clone(),
            conversation.clone(),
            B::S(format!("ticket-{}", m.external_id)),
            word(2),
            c.clone(),
            now.clone(),
        ],
    )
    .await;
    let message = B::U(Uuid::now_v7());
    raw.exec(
        "INSERT INTO conversation_messages (workspace_id, conversation_id, id, direction, \
         author, at, body) VALUES ($1, $2, $3, 'in', $4, $5, $6)",
        &[
            w.clone(),
            conversation.clone(),
            message.clone(),
            B::S(m.name.clone()),
            now.clone(),
            word(2),
        ],
    )
    .await;
    raw.exec(
        "INSERT INTO conversation_notes (workspace_id, conversation_id, id, author, at, body) \
         VALUES ($1, $2, $3, 'Megan', $4, $5)",
        &[
            w.clone(),
            conversation.clone(),
            B::U(Uuid::now_v7()),
            now.clone(),
            B::S(format!("{} rang about {}", m.name, m.words[2])),
        ],
    )
    .await;
    let rfc = format!("<{}@mail.example>", Uuid::now_v7());
    raw.exec(
        "INSERT INTO mail_messages (workspace_id, rfc_message_id, conversation_id, message_id, \
         direction, address, at) VALUES ($1, $2, $3, $4, 'in', $5, $6)",
        &[
            w.clone(),
            B::S(rfc.clone()),
            conversation.clone(),
            message,
            B::S(m.email.clone()),
            now.clone(),
        ],
    )
    .await;
    raw.exec(
        "INSERT INTO mail_attachments (workspace_id, rfc_message_id, position, name, \
         content_type, size) VALUES ($1, $2, 0, $3, 'text/plain', 12)",
        &[w.clone(), B::S(rfc), B::S(format!("{}.txt", m.external_id))],
    )
    .await;
    raw.exec(
        "INSERT INTO chat_sessions (workspace_id, id, token_hash, conversation_id, locale, \
         email, created_at) VALUES ($1, $2, $3, $4, 'cy', $5, $6)",
        &[
            w.clone(),
            B::U(Uuid::now_v7()),
            B::S(unique("hash")),
            conversation.clone(),
            B::S(m.email.clone()),
            now.clone(),
        ],
    )
    .await;
    raw.exec(
        "INSERT INTO faq_gaps (workspace_id, id, question, locale, source, asked_at, \
         conversation_id) VALUES ($1, $2, $3, 'cy', 'bot', $4, $5)",
        &[
            w.clone(),
            B::U(Uuid::now_v7()),
            word(3),
            now.clone(),
            conversation,
        ],
    )
    .await;
    raw.exec(
        "INSERT INTO webhook_events (workspace_id, id, event_type, payload, created_at) \
         VALUES ($1, $2, 'response.created', $3, $4)",
        &[
            w.clone(),
            B::U(Uuid::now_v7()),
            B::S(
                json!({"response": {"id": response.to_string(), "comment": m.words[0],
                "customer": {"email": m.email}}})
                .to_string(),
            ),
            now,
        ],
    )
    .await;
}

/// The NPS of the workspace over the last 30 days, as the API answers it.
async fn nps(app: &TestApp, token: &str) -> Value {
    let (status, body) = app
        .browser()
        .api(
            Method::GET,
            "/api/v1/metrics?metric=nps&period=30d",
            token,
            None,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    body["groups"][0].clone()
}

/// What must not remain of the customer: address, name, external id, their words, the
/// key their client sent (all lower case, as the walk reads rows).
fn needles(m: &Marked, answer: &str, marker: &str) -> Vec<String> {
    let mut needles: Vec<String> = vec![
        m.email.to_lowercase(),
        m.name.to_lowercase(),
        m.external_id.to_lowercase(),
        answer.to_lowercase(),
        format!("order-{marker}"),
    ];
    needles.extend(m.words.iter().map(|w| w.to_lowercase()));
    needles
}

/// The customer's id as PostgreSQL shows it and as SQLite's hex does.
fn ids(m: &Marked) -> [String; 2] {
    [m.id.to_string(), m.id.as_uuid().simple().to_string()]
}

/// The tables with a row holding a needle, or the id (where the table may not keep it).
async fn walk(raw: &Raw, needles: &[String], ids: &[String]) -> BTreeSet<String> {
    let mut holding = BTreeSet::new();
    let mut rows_walked = 0;
    for table in TABLES {
        let rows = raw.rows(table.name).await;
        rows_walked += rows.len();
        let found = rows.iter().find(|row| {
            needles.iter().any(|n| row.contains(n.as_str()))
                || (table.treatment != Treatment::KeepsIdOnly
                    && ids.iter().any(|id| row.contains(id.as_str())))
        });
        if let Some(row) = found {
            eprintln!("{}: {row}", table.name);
            holding.insert(table.name.to_owned());
        }
    }
    eprintln!("walked {rows_walked} rows of {} tables", TABLES.len());
    holding
}

async fn an_erased_customer_leaves_no_trace_in_any_table_and_the_figures_stay(
    store: SharedStore,
    raw: Raw,
) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let slug = unique("gdpr");
    let owner_email = format!("{slug}-owner@example.com");
    let (ws, _) = app.workspace(&slug, &owner_email).await;
    let survey = live_nps(&app, &ws).await;
    let follow_up = survey.fields.follow_ups[0].id;
    let write = token(&app, &slug, TokenScope::Write).await;
    let b = app.browser();

    let marker = Uuid::now_v7().simple().to_string();
    let m = Marked {
        id: CustomerId(Uuid::nil()),
        email: format!("gwen.{marker}@example.com"),
        name: format!("Gwenllian {marker}"),
        external_id: format!("crm-{marker}"),
        words: [
            "the croissants were stale",
            "sorry about the croissants",
            "my order never came",
            "do you bake on sundays",
        ]
        .iter()
        .map(|w| format!("{w} {marker}"))
        .collect(),
    };
    let answer = format!("ask for Bethan {marker}");
    let submit = |body: Value| {
        let b = &b;
        let write = &write;
        async move {
            let (status, body) = b
                .api(Method::POST, "/api/v1/responses", write, Some(body))
                .await;
            assert!(status == 201 || status == 202, "{status} {body}");
            Uuid::parse_str(body["response"]["id"].as_str().expect("an id")).unwrap()
        }
    };
    let response = submit(json!({
        "survey_id": survey.id, "score": 3, "comment": m.words[0],
        "answers": [{"follow_up_id": follow_up, "value": answer}],
        "attributes": {"plan": "loyalty"},
        "client_id": format!("order-{marker}"),
        "customer": {"external_id": m.external_id, "email": m.email, "name": m.name, "locale": "cy"},
    }))
    .await;
    let other_comment = format!("the bara brith is perfect {marker}x");
    submit(json!({
        "survey_id": survey.id, "score": 10, "comment": other_comment,
        "customer": {"email": format!("huw.{marker}@example.com"), "name": "Huw"},
    }))
    .await;
    let customer = store
        .customer_by_email(ws.id, &taith_domain::Email::parse(&m.email).unwrap())
        .await
        .expect("the customer was made by the response");
    let m = Marked {
        id: customer.id,
        ..m
    };
    give_every_kind(&raw, &ws, survey.id.as_uuid(), response, &m).await;
    let figures_before = nps(&app, &write).await;
    assert_eq!(figures_before["n"], 2, "{figures_before}");

    // The export holds every kind of record, the customer's words among them.
    let path = format!("/api/v1/customers/{}/export", m.id);
    let (status, export) = b.api(Method::GET, &path, &write, None).await;
    assert_eq!(status, 200, "{export}");
    assert_eq!(export["format"], "taith-customer-export/1");
    assert_eq!(export["customer"]["email"], m.email.as_str());
    let records = export["records"].as_object().expect("records by kind");
    assert!(records.len() >= 20, "{records:?}");
    for (kind, rows) in records {
        assert!(
            rows.as_array().is_some_and(|r| !r.is_empty()),
            "the export has no {kind}: {export}"
        );
    }
    let text = export.to_string();
    for needle in m.words.iter().chain([&answer, &m.name, &m.external_id]) {
        assert!(
            text.contains(needle.as_str()),
            "{needle} is not in the export"
        );
    }
    assert!(!text.contains(&other_comment), "another customer's words");
    assert_eq!(
        export["records"]["responses"][0]["customer_id"],
        m.id.to_string()
    );

    // Another workspace's owner (or token) cannot reach them: the same 404 as a missing id.
    let stranger = unique("gdx");
    app.workspace(&stranger, &format!("{stranger}@example.com"))
        .await;
    let stranger_token = token(&app, &stranger, TokenScope::Write).await;
    let (status, _) = b.api(Method::GET, &path, &stranger_token, None).await;
    assert_eq!(status, 404);
    let erase = format!("/api/v1/customers/{}", m.id);
    let (status, _) = b.api(Method::DELETE, &erase, &stranger_token, None).await;
    assert_eq!(status, 404);
    let read_only = token(&app, &slug, TokenScope::Read).await;
    let (status, _) = b.api(Method::DELETE, &erase, &read_only, None).await;
    assert_eq!(status, 403);

    // The walk sees them where they are before the erasure (so it would see them after).
    let holding = walk(&raw, &needles(&m, &answer, &marker), &ids(&m)).await;
    for table in [
        "customers",
        "responses",
        "voc_comments",
        "events",
        "invitations",
        "consents",
        "consent_changes",
        "feature_request_votes",
        "cases",
        "case_log",
        "case_replies",
        "conversations",
        "conversation_messages",
        "conversation_notes",
        "mail_messages",
        "mail_attachments",
        "chat_sessions",
        "faq_gaps",
        "webhook_events",
    ] {
        assert!(
            holding.contains(table),
            "the walk does not see them in {table}: {holding:?}"
        );
    }

    // Erased over the API; a second time finds nothing.
    let (status, done) = b.api(Method::DELETE, &erase, &write, None).await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["responses_anonymised"], 1, "{done}");
    assert_eq!(done["comments_erased"], 1, "{done}");
    assert_eq!(done["events_anonymised"], 1, "{done}");
    assert_eq!(done["conversations_anonymised"], 1, "{done}");
    // Ours, and the one the survey's rule may have opened for the low score by now.
    assert!(done["cases_anonymised"].as_u64() >= Some(1), "{done}");
    let (status, _) = b.api(Method::DELETE, &erase, &write, None).await;
    assert_eq!(status, 404);
    let (status, _) = b.api(Method::GET, &path, &write, None).await;
    assert_eq!(status, 404);

    // Every row of every table, read as it is stored: no address, name, external id or
    // words of theirs; their id only in the audit log.
    let tables = raw.tables().await;
    let classified: BTreeSet<String> = TABLES.iter().map(|t| t.name.to_owned()).collect();
    assert_eq!(
        tables, classified,
        "the database's tables are the classified ones"
    );
    let still = walk(&raw, &needles(&m, &answer, &marker), &ids(&m)).await;
    assert!(
        still.is_empty(),
        "after the erasure, still held in {still:?}"
    );

    // The figures stay: the score is counted, anonymously, by this index and a new one.
    assert_eq!(nps(&app, &write).await, figures_before);
    let fresh = TestApp::spawn_unthrottled(store.clone()).await;
    assert_eq!(nps(&fresh, &write).await, figures_before);
    let kept = store
        .response(ws.id, taith_domain::ResponseId(response))
        .await
        .expect("the response stays, anonymous");
    assert_eq!(kept.score, 3);
    assert_eq!(kept.customer_id, None);
    assert!(kept.comment.is_empty(), "{:?}", kept.comment);
    assert!(kept.answers.is_empty(), "{:?}", kept.answers);
    assert_eq!(
        kept.attributes.get("plan").map(String::as_str),
        Some("loyalty")
    );

    // The other customer is untouched.
    let huw = store
        .customer_by_email(
            ws.id,
            &taith_domain::Email::parse(&format!("huw.{marker}@example.com")).unwrap(),
        )
        .await
        .expect("the other customer stays");
    let (status, theirs) = b
        .api(
            Method::GET,
            &format!("/api/v1/customers/{}/export", huw.id),
            &write,
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert!(theirs.to_string().contains(&other_comment));

    // The erasure is in the audit log, by id only.
    let owner = app.signed_in(&owner_email).await;
    let (_, log) = owner
        .api_as_member(Method::GET, "/api/v1/audit", &slug, None, None)
        .await;
    let entries = log["entries"].as_array().cloned().unwrap_or_default();
    assert!(
        entries.iter().any(|e| e["method"] == "DELETE"
            && e["target"] == erase.as_str()
            && e["status"] == 200),
        "{log}"
    );
}

async fn old_records_go_with_the_retention_rule_and_only_they(store: SharedStore, raw: Raw) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let slug = unique("keep");
    let owner_email = format!("{slug}-owner@example.com");
    let (ws, _) = app.workspace(&slug, &owner_email).await;
    let survey = live_nps(&app, &ws).await;
    let write = token(&app, &slug, TokenScope::Write).await;
    let b = app.browser();
    let day = 24 * 3600 * 1_000_000_i64;
    let w = B::U(ws.id.as_uuid());
    // Four years ago and last week, of each kind.
    for age in [4 * 365 * day, 7 * day] {
        let at = now_micros() - age;
        raw.exec(
            "INSERT INTO responses (workspace_id, id, survey_id, score, answers, comment, \
             channel, locale, attributes, submitted_at, created_at) \
             VALUES ($1, $2, $3, 9, '[]', 'old enough', 'web', 'en', '{}', $4, $4)",
            &[
                w.clone(),
                B::U(Uuid::now_v7()),
                B::U(survey.id.as_uuid()),
                B::I(at),
            ],
        )
        .await;
        raw.exec(
            "INSERT INTO events (workspace_id, id, type, occurred_at, channel, attributes, \
             url, created_at) VALUES ($1, $2, 'page_view', $3, 'web', '{}', '/bara', $3)",
            &[w.clone(), B::U(Uuid::now_v7()), B::I(at)],
        )
        .await;
        let conversation = B::U(Uuid::now_v7());
        raw.exec(
            "INSERT INTO conversations (workspace_id, id, channel, status, subject, tags, \
             created_at, updated_at) VALUES ($1, $2, 'email', 'resolved', 'Order', '[]', $3, $3)",
            &[w.clone(), conversation.clone(), B::I(at)],
        )
        .await;
        raw.exec(
            "INSERT INTO conversation_messages (workspace_id, conversation_id, id, direction, \
             at, body) VALUES ($1, $2, $3, 'in', $4, 'Where is my order?')",
            &[w.clone(), conversation, B::U(Uuid::now_v7()), B::I(at)],
        )
        .await;
    }
    let count = |table: &'static str| {
        let raw = &raw;
        async move { raw.rows(table).await.len() }
    };
    let nps_n = || async { nps(&app, &write).await["n"].as_u64() };
    let all_time = || async {
        let (status, body) = b
            .api(
                Method::GET,
                "/api/v1/metrics?metric=nps&period=custom&from=2020-01-01&to=2030-01-01",
                &write,
                None,
            )
            .await;
        assert_eq!(status, 200, "{body}");
        body["groups"][0]["n"].as_u64()
    };
    assert_eq!(all_time().await, Some(2));

    // The rule runs as on another node: the server's index hears of the deletions through
    // the store's deletion log.
    let analytics = taith_app::metrics::Analytics::default();
    let webstats = taith_app::webstats::WebStats::default();
    let expire = || taith_app::privacy::expire(&store, &analytics, &webstats, taith_domain::now());
    // Kept for good by default: nothing goes.
    let none = expire().await;
    assert_eq!(none, taith_app::privacy::Expiry::default());
    // The owner sets three years; bad input is named.
    let owner = app.signed_in(&owner_email).await;
    let csrf = owner.get(&format!("/w/{slug}/privacy")).await.csrf();
    let (status, body) = owner
        .api_as_member(
            Method::PUT,
            "/api/v1/data-retention",
            &slug,
            Some(&csrf),
            Some(json!({"months": 121})),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let saved = owner
        .submit(
            &format!("/w/{slug}/privacy"),
            &format!("/w/{slug}/privacy/retention"),
            &[("months", "36")],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let (status, body) = owner
        .api_as_member(Method::GET, "/api/v1/data-retention", &slug, None, None)
        .await;
    assert_eq!((status, body["months"].as_i64()), (200, Some(36)));

    let done = expire().await;
    assert_eq!(
        done,
        taith_app::privacy::Expiry {
            responses: 1,
            events: 1,
            conversations: 1
        }
    );
    assert_eq!(count("responses").await, 1);
    assert_eq!(count("events").await, 1);
    assert_eq!(count("conversations").await, 1);
    assert_eq!(count("conversation_messages").await, 1);
    // The server's index stops counting the old response once it reads the deletion log
    // (every half second); last week's still counts.
    let mut counted = all_time().await;
    for _ in 0..50 {
        if counted == Some(1) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        counted = all_time().await;
    }
    assert_eq!(counted, Some(1));
    assert_eq!(nps_n().await, Some(1));
    // Run again: nothing more.
    let again = expire().await;
    assert_eq!(again, taith_app::privacy::Expiry::default());
}

/// The page's way: find by address, download, confirm, erase; a stranger's id is a 404.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_owner_answers_a_request_from_the_customers_page() {
    let app = TestApp::on_sqlite().await;
    let slug = unique("page");
    let owner_email = format!("{slug}-owner@example.com");
    let (ws, _) = app.workspace(&slug, &owner_email).await;
    let admin_email = format!("{slug}-admin@example.com");
    app.member(&ws, &admin_email, taith_domain::Role::Admin)
        .await;
    let survey = live_nps(&app, &ws).await;
    let write = token(&app, &slug, TokenScope::Write).await;
    let (status, body) = app
        .browser()
        .api(
            Method::POST,
            "/api/v1/responses",
            &write,
            Some(
                json!({"survey_id": survey.id, "score": 6, "comment": "Slow queue on Saturday",
                "customer": {"email": "nia@example.com", "name": "Nia"}}),
            ),
        )
        .await;
    assert!(status == 201 || status == 202, "{body}");
    let owner = app.signed_in(&owner_email).await;
    let privacy = format!("/w/{slug}/privacy");
    let find = format!("{privacy}/find");
    let missing = owner
        .submit(&privacy, &find, &[("email", "nobody@example.com")])
        .await;
    assert_eq!(missing.status, 422);
    assert!(missing.body.contains("aria-invalid"));
    let found = owner
        .submit(&privacy, &find, &[("email", "NIA@example.com")])
        .await;
    assert_eq!(found.status, 303, "{}", found.body);
    let customer_page = found
        .location
        .clone()
        .unwrap_or_default()
        .split('#')
        .next()
        .unwrap_or_default()
        .to_owned();
    let page = owner.get(&customer_page).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("export.json"));
    let export = owner.get(&format!("{customer_page}/export.json")).await;
    assert_eq!(export.status, 200);
    assert!(export.body.contains("Slow queue on Saturday"));
    // Not for admins; a made-up id is a 404.
    let admin = app.signed_in(&admin_email).await;
    assert_eq!(
        admin
            .get(&format!("{customer_page}/export.json"))
            .await
            .status,
        403
    );
    let stranger = format!("/w/{slug}/customers/{}/export.json", Uuid::now_v7());
    assert_eq!(owner.get(&stranger).await.status, 404);
    // The box must be ticked.
    let erase = format!("{customer_page}/erase");
    let unconfirmed = owner.submit(&customer_page, &erase, &[]).await;
    assert_eq!(unconfirmed.status, 303);
    assert!(
        unconfirmed
            .location
            .clone()
            .unwrap_or_default()
            .contains("confirm=required")
    );
    assert_eq!(owner.get(&customer_page).await.status, 200);
    let erased = owner
        .submit(&customer_page, &erase, &[("confirm", "yes")])
        .await;
    assert_eq!(erased.status, 303, "{}", erased.body);
    let after = owner
        .get(&erased.location.clone().unwrap_or_default())
        .await;
    assert!(after.body.contains("privacy-erased"));
    assert_eq!(owner.get(&customer_page).await.status, 404);
}

/// `taith customer erase` killed with SIGKILL at a random moment: all or nothing, and run
/// again it completes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_erasure_killed_halfway_completes_when_run_again() {
    // No server runs: the erasure is the only writer, so a refused lock is the erasure's.
    let (store, dir) = fresh_sqlite().await;
    let app = TestApp {
        addr: "127.0.0.1:9".parse().unwrap(),
        store: store.clone(),
    };
    let slug = unique("kill");
    let (ws, _) = app.workspace(&slug, &format!("{slug}@example.com")).await;
    let survey = live_nps(&app, &ws).await;
    let email = "rhian@example.com";
    let customer = store
        .upsert_customer(
            ws.id,
            &taith_store::NewCustomer {
                external_id: None,
                email: Some(taith_domain::Email::parse(email).unwrap()),
                name: None,
                locale: None,
            },
        )
        .await
        .unwrap();
    // Enough of their records that the erasure takes a while.
    let raw = Raw::Lite(
        sqlx::SqlitePool::connect(&format!("sqlite://{}", dir.join("taith.db").display()))
            .await
            .unwrap(),
    );
    for i in 0..5000_i64 {
        raw.exec(
            "INSERT INTO responses (workspace_id, id, survey_id, score, answers, comment, \
             channel, locale, customer_id, attributes, submitted_at, created_at) \
             VALUES ($1, $2, $3, $4, '[]', $5, 'web', 'en', $6, '{}', $7, $7)",
            &[
                B::U(ws.id.as_uuid()),
                B::U(Uuid::now_v7()),
                B::U(survey.id.as_uuid()),
                B::I(i % 11),
                B::S(format!("visit {i}: lovely cakes")),
                B::U(customer.id.as_uuid()),
                B::I(now_micros() - i * 1_000_000),
            ],
        )
        .await;
    }
    if let Raw::Lite(pool) = raw {
        pool.close().await;
    }
    let db = dir.join("taith.db");
    let held = || async {
        let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display()))
            .await
            .unwrap();
        let (with_customer, with_comment): (i64, i64) =
            sqlx::query_as("SELECT COUNT(customer_id), SUM(comment <> '') FROM responses")
                .fetch_one(&pool)
                .await
                .unwrap();
        let customers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM customers WHERE email = $1")
            .bind(email)
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        (with_customer, with_comment, customers)
    };
    assert_eq!(held().await, (5000, 5000, 1));
    let erase = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_taith"))
            .arg("--data-dir")
            .arg(&dir)
            .env_remove("TAITH_DATABASE_URL")
            .args(["customer", "erase", "--workspace", &slug, "--email", email])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let mut child = erase();
    // Killed while it holds the write lock, inside its transaction: another connection that
    // asks for the lock without waiting is refused then.
    let probe = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&db)
        .busy_timeout(std::time::Duration::ZERO);
    let mut probe = sqlx::ConnectOptions::connect(&probe).await.unwrap();
    let mut killed_inside = false;
    for _ in 0..20_000 {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        match sqlx::query("BEGIN IMMEDIATE").execute(&mut probe).await {
            Ok(_) => {
                sqlx::query("ROLLBACK").execute(&mut probe).await.unwrap();
            }
            Err(_) => {
                child.kill().unwrap();
                killed_inside = true;
                break;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let _ = child.wait();
    drop(probe);
    assert!(killed_inside, "the erasure ended before it could be killed");
    let after_kill = held().await;
    assert_eq!(
        after_kill,
        (5000, 5000, 1),
        "killed inside, nothing is committed"
    );
    let out = erase().wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(held().await, (0, 0, 0));
    // Once more: nothing held, nothing to do, no error.
    let out = erase().wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Nothing is held"));
    let _ = std::fs::remove_dir_all(dir);
}

/// The case opener and the hooks tailer read a response, then record a case or an event
/// naming its customer. When the erasure commits between the two, what they record must not
/// name the customer again; for a customer still held it does.
async fn a_worker_that_read_a_customer_before_the_erasure_cannot_write_them_back(
    store: SharedStore,
    raw: Raw,
) {
    let app = TestApp::spawn_unthrottled(store.clone()).await;
    let slug = unique("late");
    let (ws, _) = app.workspace(&slug, &format!("{slug}@example.com")).await;
    let marker = Uuid::now_v7().simple().to_string();
    let customer = |who: &str| {
        let store = &store;
        let email = format!("{who}.{marker}@example.com");
        async move {
            store
                .upsert_customer(
                    ws.id,
                    &taith_store::NewCustomer {
                        email: Some(taith_domain::Email::parse(&email).unwrap()),
                        ..Default::default()
                    },
                )
                .await
                .unwrap()
        }
    };
    let erased = customer("erased").await;
    let kept = customer("kept").await;
    // What the workers read before the erasure.
    let event_about = |c: &taith_store::Customer| {
        taith_app::webhooks::new_event(
            taith_domain::EventType::ResponseCreated,
            json!({ "comment": format!("late {marker}"), "customer_id": c.id }),
            Some(format!("response.created:{}", c.id)),
        )
        .about(Some(c.id))
    };
    let case_for = |c: &taith_store::Customer| {
        let now = taith_domain::now();
        taith_store::NewCase {
            source: taith_domain::CaseSource::Manual,
            response_id: None,
            feature_request_id: None,
            survey_id: None,
            customer_id: Some(c.id),
            touchpoint_id: None,
            owner: taith_store::OwnerPick::Nobody,
            opened_at: now,
            first_action_due: now,
            resolve_due: now,
            actor: None,
            actor_name: "case opener".into(),
        }
    };
    let late_event = event_about(&erased);
    let late_case = case_for(&erased);

    store.erase_customer(ws.id, erased.id).await.unwrap();

    let published = taith_app::webhooks::publish(store.as_ref(), ws.id, late_event)
        .await
        .unwrap();
    assert_eq!(
        published, None,
        "an event about an erased customer is not recorded"
    );
    let case = store.open_case(ws.id, &late_case).await.unwrap().unwrap();
    assert_eq!(
        case.customer_id, None,
        "the late case does not name the customer"
    );
    let erased_id = erased.id.as_uuid().simple().to_string();
    for table in ["webhook_events", "cases"] {
        let rows = raw.rows(table).await;
        assert!(
            !rows
                .iter()
                .any(|r| r.contains(&marker) || r.replace('-', "").contains(&erased_id)),
            "{table} names the erased customer: {rows:?}"
        );
    }

    // The same, for a customer still held, goes through: the guard is not a blanket refusal.
    let published = taith_app::webhooks::publish(store.as_ref(), ws.id, event_about(&kept))
        .await
        .unwrap();
    assert_eq!(
        published,
        Some(0),
        "recorded, with no endpoint to deliver to"
    );
    let case = store
        .open_case(ws.id, &case_for(&kept))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(case.customer_id, Some(kept.id));
    assert!(
        raw.rows("webhook_events")
            .await
            .iter()
            .any(|r| r.contains(&marker))
    );
}
