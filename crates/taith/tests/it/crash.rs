//! Nothing acknowledged is lost: a client submits responses with unique keys while the real
//! `taith serve` process is killed with SIGKILL and restarted, retrying whatever was not
//! acknowledged. Afterwards every acknowledged response is stored exactly once.

use crate::helpers::unique;
use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use taith_domain::survey::LocalizedText;
use taith_domain::{Locale, Name, SurveyFields, SurveyKind, SurveyStatus, TokenScope};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(dir: &Path, addr: SocketAddr) -> Child {
    Command::new(env!("CARGO_BIN_EXE_taith"))
        .arg("--data-dir")
        .arg(dir)
        .args(["serve", "--listen", &addr.to_string()])
        .env_remove("TAITH_DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

async fn wait_until_up(addr: SocketAddr) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while tokio::net::TcpStream::connect(addr).await.is_err() {
        assert!(Instant::now() < deadline, "taith did not come up");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_response_survives_sigkill_exactly_once() {
    let dir = std::env::temp_dir().join(unique("taith-crash-"));
    let url = taith::database::DatabaseUrl::default_for(&dir);
    let (survey_id, token) = {
        let store = taith::database::open_store(&url).await.unwrap();
        let (ws, _) = store
            .create_workspace(
                &taith_domain::Slug::parse("crash").unwrap(),
                &Name::parse("Crash").unwrap(),
                taith_store::NewUser {
                    email: taith_domain::Email::parse("o@crash.example").unwrap(),
                    name: Name::parse("O").unwrap(),
                    password_hash: "x".into(),
                },
            )
            .await
            .unwrap();
        let text = |s: &str| LocalizedText([(Locale::En, s.to_owned())].into());
        let fields = SurveyFields {
            name: Name::parse("NPS").unwrap(),
            kind: SurveyKind::Nps,
            scale: SurveyKind::Nps.default_scale(),
            default_locale: Locale::En,
            question: text("How likely?"),
            thank_you: text("Thanks"),
            follow_ups: Vec::new(),
            touchpoint_id: None,
            status: SurveyStatus::Live,
            anonymous: false,
            throttle_days: 30,
        };
        let survey = store
            .create_survey(ws.id, &fields, "crashcrashcrash1")
            .await
            .unwrap();
        let token = taith_web::auth::new_api_token();
        store
            .create_api_token(
                ws.id,
                &Name::parse("t").unwrap(),
                TokenScope::Write,
                &taith_web::auth::secret_hash(&token),
            )
            .await
            .unwrap();
        (survey.id, token)
    };

    let addr: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
    let mut child = start(&dir, addr);
    wait_until_up(addr).await;

    // Four clients submit keys 0.. in turn; a key is retried until acknowledged.
    const CLIENTS: usize = 4;
    const PER_CLIENT: usize = 300;
    let acknowledged = std::sync::Arc::new(std::sync::Mutex::new(BTreeSet::new()));
    let done = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut clients = Vec::new();
    for c in 0..CLIENTS {
        let (acknowledged, done, token) = (acknowledged.clone(), done.clone(), token.clone());
        clients.push(tokio::spawn(async move {
            let http = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().unwrap();
            for i in 0..PER_CLIENT {
                let key = format!("c{c}-{i}");
                let body = serde_json::json!({"survey_id": survey_id, "score": (i % 11), "client_id": key});
                let deadline = Instant::now() + Duration::from_secs(60);
                loop {
                    let sent = http.post(format!("http://{addr}/api/v1/responses")).bearer_auth(&token).json(&body).send().await;
                    if let Ok(r) = sent
                        && r.status().is_success()
                    {
                        acknowledged.lock().unwrap().insert(key.clone());
                        // A steady stream rather than a burst, so kills land mid-stream.
                        tokio::time::sleep(Duration::from_millis(5)).await;
                        break;
                    }
                    assert!(Instant::now() < deadline, "{key} was never acknowledged");
                    tokio::time::sleep(Duration::from_millis(25)).await;
                }
            }
            done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }));
    }

    // Kill the server with SIGKILL at uneven moments while the clients work, then restart it.
    let mut kills = 0;
    while done.load(std::sync::atomic::Ordering::SeqCst) < CLIENTS && kills < 6 {
        tokio::time::sleep(Duration::from_millis(150 + 70 * kills)).await;
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        kills += 1;
        child = start(&dir, addr);
        wait_until_up(addr).await;
    }
    for c in clients {
        c.await.unwrap();
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        kills >= 3,
        "only {kills} kills happened before the clients finished"
    );

    // Every acknowledged key is stored, exactly once (the unique key makes a second copy
    // impossible; count rows to be sure), and the file is sound.
    let store = taith::database::open_store(&url).await.unwrap();
    let ws = store
        .workspace_by_slug(&taith_domain::Slug::parse("crash").unwrap())
        .await
        .unwrap();
    let stored = store
        .responses(ws.id, Some(survey_id), taith_store::PageRequest::all())
        .await
        .unwrap()
        .items;
    let keys: Vec<String> = stored.iter().filter_map(|r| r.client_key.clone()).collect();
    let distinct: BTreeSet<String> = keys.iter().cloned().collect();
    assert_eq!(keys.len(), distinct.len(), "a key was stored twice");
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert_eq!(acknowledged.len(), CLIENTS * PER_CLIENT);
    let lost: Vec<_> = acknowledged.difference(&distinct).collect();
    assert!(
        lost.is_empty(),
        "acknowledged but lost after {kills} SIGKILLs: {lost:?}"
    );
    eprintln!(
        "crash test: {kills} SIGKILLs, {} acknowledged, 0 lost, 0 duplicated",
        acknowledged.len()
    );
    let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect(&format!(
        "sqlite://{}",
        dir.join("taith.db").display()
    ))
    .await
    .unwrap();
    let (check,): (String,) = sqlx::query_as("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(check, "ok");
}
