//! Shared test helpers: fresh stores, the app on port 0, and a small cookie-keeping browser.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Mutex;
use taith::database::{DatabaseUrl, open_store};
use taith_store::SharedStore;

/// A unique name for a test resource.
pub fn unique(prefix: &str) -> String {
    format!("{prefix}{}", taith_domain::UserId::new().as_uuid().simple())
}

/// The text after the first `start` in `body`, up to the next `end`; None when `start` is
/// not there.
pub fn text_after<'a>(body: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &body[body.find(start)? + start.len()..];
    Some(rest.find(end).map_or(rest, |e| &rest[..e]))
}

/// A new path for a test's files, in memory where the machine has a RAM disk.
///
/// Why: the store commits with `fsync` (SQLite `synchronous = FULL`), as it must for a
/// business's data, and on a busy two-core CI machine each one waits on the disk; thousands of
/// them made the suite miss CI's time limit. What the tests check (a killed process, a
/// restart, a restore) is the same on a RAM disk, since the files outlive the process either way;
/// only a power cut differs, and no test can cut the power.
///
/// A test keeps its files when it fails, for a look, and many tests never remove theirs, so
/// the first call of a run removes what earlier runs left over a day ago: the RAM disk would
/// otherwise fill a little more with every run until the machine restarts.
pub fn scratch_path(prefix: &str) -> PathBuf {
    static SWEPT: std::sync::Once = std::sync::Once::new();
    let shm = std::path::Path::new("/dev/shm");
    let root = if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    SWEPT.call_once(|| remove_old_test_files(&root));
    root.join(unique(prefix))
}

/// Removes `taith-*` entries of `root` last changed over a day ago (another run going on now
/// changed its own within the day).
fn remove_old_test_files(root: &std::path::Path) {
    let day = std::time::Duration::from_secs(24 * 60 * 60);
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > day);
        if old && entry.file_name().to_string_lossy().starts_with("taith-") {
            let path = entry.path();
            let _ = if path.is_dir() {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
        }
    }
}

/// A fresh SQLite store in its own temporary directory (which `open` creates); returns the
/// directory so a test can remove it.
pub async fn fresh_sqlite() -> (SharedStore, PathBuf) {
    let dir = scratch_path("taith-test-");
    let store = open_store(&DatabaseUrl::Sqlite(dir.join("taith.db")))
        .await
        .expect("open a fresh SQLite store");
    assert_eq!(store.backend(), "sqlite");
    (store, dir)
}

/// A database of its own on the test PostgreSQL server, dropped when the test passed (kept for
/// a look when it failed).
pub struct PostgresDb {
    server_url: String,
    name: String,
}

impl PostgresDb {
    /// The URL of this database.
    pub fn url(&self) -> String {
        with_database(&self.server_url, &self.name)
    }

    pub async fn drop_database(self) {
        use sqlx::Connection as _;
        let mut admin = sqlx::PgConnection::connect(&self.server_url)
            .await
            .expect("connect to TAITH_TEST_POSTGRES_URL");
        // The name is ours (a fixed prefix and a UUID): safe to splice, as identifiers cannot be bound.
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        )))
        .execute(&mut admin)
        .await
        .expect("drop the test database");
    }
}

/// A fresh, empty PostgreSQL database on the test server, opened as a store; `None` (said
/// loudly) when `TAITH_TEST_POSTGRES_URL` is not set.
pub async fn fresh_postgres() -> Option<(SharedStore, PostgresDb)> {
    let db = empty_postgres().await?;
    let url = DatabaseUrl::parse(&db.url()).expect("a postgres URL");
    let store = open_store(&url)
        .await
        .expect("open a fresh PostgreSQL store");
    assert_eq!(store.backend(), "postgres");
    Some((store, db))
}

/// A fresh PostgreSQL database on the test server with nothing in it, not even taith's
/// schema (to restore a dump into); `None` (said loudly) when `TAITH_TEST_POSTGRES_URL` is not
/// set.
pub async fn empty_postgres() -> Option<PostgresDb> {
    use sqlx::Connection as _;
    let Some(server_url) = std::env::var("TAITH_TEST_POSTGRES_URL")
        .ok()
        .filter(|s| !s.trim().is_empty())
    else {
        say_skipped("TAITH_TEST_POSTGRES_URL not set — PostgreSQL tests did not run");
        return None;
    };
    let name = unique("taith_test_");
    let mut admin = sqlx::PgConnection::connect(&server_url)
        .await
        .expect("connect to TAITH_TEST_POSTGRES_URL");
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .expect("create a test database");
    // A commit returns before its WAL record is flushed, for this database's sessions only:
    // the same reason as `scratch_path`, and a committed row is still visible to every other
    // connection at once; only a crash of the PostgreSQL server itself could lose it.
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "ALTER DATABASE {name} SET synchronous_commit = off"
    )))
    .execute(&mut admin)
    .await
    .expect("set the test database's commit mode");
    let _ = admin.close().await;
    Some(PostgresDb { server_url, name })
}

/// `postgres://u@h:5432/test?x=y` with its database replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").expect("a URL with a scheme");
    let (before_query, query) = match rest.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (rest, String::new()),
    };
    let authority = before_query
        .split_once('/')
        .map_or(before_query, |(a, _)| a);
    format!("{scheme}://{authority}/{name}{query}")
}

/// Says on the terminal, once per reason, that tests were skipped. Written straight to
/// standard error, past the test harness's capture, so a skipped run is never silent.
pub fn say_skipped(reason: &str) {
    use std::io::Write as _;
    static SAID: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let mut said = SAID.lock().unwrap_or_else(|e| e.into_inner());
    if !said.iter().any(|r| r == reason) {
        said.push(reason.to_owned());
        let _ = writeln!(std::io::stderr(), "\nSKIPPED: {reason}\n");
    }
}

/// The app serving a store on 127.0.0.1, port chosen by the OS.
pub struct TestApp {
    pub addr: SocketAddr,
    pub store: SharedStore,
}

impl TestApp {
    /// The app with the settings it ships with (rate limits included).
    pub async fn spawn(store: SharedStore) -> TestApp {
        TestApp::spawn_with(store, taith_web::WebConfig::default()).await
    }

    pub async fn spawn_with(store: SharedStore, config: taith_web::WebConfig) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind port 0");
        let addr = listener.local_addr().expect("local addr");
        let s = store.clone();
        tokio::spawn(async move {
            taith_web::serve(listener, s, config, std::future::pending())
                .await
                .expect("serve");
        });
        TestApp { addr, store }
    }

    /// The app with rate limits far above what a test sends, for tests about something
    /// else that sign in or submit many times from one address.
    pub async fn spawn_unthrottled(store: SharedStore) -> TestApp {
        let lots = taith_web::http::limits::Quota::new(1_000_000, 1_000_000);
        let limits = taith_web::http::limits::Limits {
            submissions: lots,
            sign_ins: lots,
            ..Default::default()
        };
        let config = taith_web::WebConfig {
            limits,
            ..Default::default()
        };
        TestApp::spawn_with(store, config).await
    }

    pub async fn on_sqlite() -> TestApp {
        TestApp::spawn(fresh_sqlite().await.0).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn browser(&self) -> Browser {
        Browser::new(self.addr)
    }

    /// A workspace with an owner who can sign in with `password`.
    pub async fn workspace(
        &self,
        slug: &str,
        owner_email: &str,
    ) -> (taith_domain::Workspace, taith_domain::User) {
        let user = taith_store::NewUser {
            email: taith_domain::Email::parse(owner_email).expect("email"),
            name: taith_domain::Name::parse(&format!("Owner of {slug}")).expect("name"),
            password_hash: taith_app::account::secrets::hash_password(PASSWORD).expect("hash"),
        };
        self.store
            .create_workspace(
                &taith_domain::Slug::parse(slug).expect("slug"),
                &taith_domain::Name::parse(slug).expect("name"),
                user,
            )
            .await
            .expect("create workspace")
    }

    /// Adds a member with `PASSWORD`.
    pub async fn member(
        &self,
        ws: &taith_domain::Workspace,
        email: &str,
        role: taith_domain::Role,
    ) -> taith_domain::Member {
        let user = taith_store::NewUser {
            email: taith_domain::Email::parse(email).expect("email"),
            name: taith_domain::Name::parse(email).expect("name"),
            password_hash: taith_app::account::secrets::hash_password(PASSWORD).expect("hash"),
        };
        self.store
            .add_member(ws.id, user, role)
            .await
            .expect("add member")
    }

    /// A new API token of the workspace `slug`.
    pub async fn api_token(&self, slug: &str, scope: taith_domain::TokenScope) -> String {
        let ws = self
            .store
            .workspace_by_slug(&taith_domain::Slug::parse(slug).expect("slug"))
            .await
            .expect("workspace");
        let secret = taith_app::account::secrets::new_api_token();
        self.store
            .create_api_token(
                ws.id,
                &taith_domain::Name::parse("test").expect("name"),
                scope,
                &taith_app::account::secrets::secret_hash(&secret),
            )
            .await
            .expect("token");
        secret
    }

    /// A signed-in browser for `email`.
    pub async fn signed_in(&self, email: &str) -> Browser {
        let b = self.browser();
        b.sign_in(email, PASSWORD).await;
        b
    }
}

/// The password of every test user.
pub const PASSWORD: &str = "a long test password";

/// An HTTP client that keeps cookies (including Secure ones, as browsers do on 127.0.0.1) and
/// does not follow redirects, so tests see them.
pub struct Browser {
    addr: SocketAddr,
    client: reqwest::Client,
    cookies: Mutex<HashMap<String, String>>,
    pub accept_language: Mutex<Option<String>>,
}

/// A response read whole.
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    pub content_type: String,
    pub body: String,
}

impl Page {
    /// The body as a reader sees the text: the template's entities decoded and Fluent's bidi
    /// isolation marks (kept in HTML on purpose) removed.
    pub fn text(&self) -> String {
        self.body
            .replace(['\u{2068}', '\u{2069}'], "")
            .replace("&#60;", "<")
            .replace("&#62;", ">")
            .replace("&#34;", "\"")
            .replace("&#39;", "'")
            .replace("&#38;", "&")
    }

    /// The CSRF token of the first form on the page.
    pub fn csrf(&self) -> String {
        let marker = "name=\"csrf\" value=\"";
        let start = self.body.find(marker).expect("a form with a csrf field") + marker.len();
        self.body[start..]
            .split('"')
            .next()
            .unwrap_or_default()
            .to_owned()
    }
}

impl Browser {
    pub fn new(addr: SocketAddr) -> Browser {
        Browser {
            addr,
            client: http()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            cookies: Mutex::new(HashMap::new()),
            accept_language: Mutex::new(None),
        }
    }

    /// The `Cookie` header this browser sends.
    pub fn cookie_header(&self) -> String {
        self.cookies
            .lock()
            .expect("lock")
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn read(&self, resp: reqwest::Response) -> Page {
        for v in resp.headers().get_all(reqwest::header::SET_COOKIE) {
            let s = v.to_str().unwrap_or_default();
            let first = s.split(';').next().unwrap_or_default();
            if let Some((k, v)) = first.split_once('=') {
                let mut jar = self.cookies.lock().expect("lock");
                if v.is_empty() || s.contains("Max-Age=0") {
                    jar.remove(k);
                } else {
                    jar.insert(k.to_owned(), v.to_owned());
                }
            }
        }
        Page {
            status: resp.status().as_u16(),
            location: resp
                .headers()
                .get("location")
                .map(|v| v.to_str().unwrap_or_default().to_owned()),
            content_type: resp
                .headers()
                .get("content-type")
                .map(|v| v.to_str().unwrap_or_default().to_owned())
                .unwrap_or_default(),
            body: resp.text().await.unwrap_or_default(),
        }
    }

    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let mut r = self
            .client
            .request(method, format!("http://{}{}", self.addr, path))
            .header("cookie", self.cookie_header());
        if let Some(l) = self.accept_language.lock().expect("lock").clone() {
            r = r.header("accept-language", l);
        }
        r
    }

    /// A GET whose response is read by the caller (its headers and bytes), cookies sent.
    pub async fn get_response(&self, path: &str) -> reqwest::Response {
        self.request(reqwest::Method::GET, path)
            .send()
            .await
            .expect("GET")
    }

    pub async fn get(&self, path: &str) -> Page {
        let resp = self
            .request(reqwest::Method::GET, path)
            .send()
            .await
            .expect("GET");
        self.read(resp).await
    }

    /// A GET whose body is never read: the status and `Location` of a stream (server-sent
    /// events) that would not end.
    pub async fn status_of(&self, path: &str) -> (u16, Option<String>) {
        let resp = self
            .request(reqwest::Method::GET, path)
            .send()
            .await
            .expect("GET");
        let location = resp
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap_or_default().to_owned());
        (resp.status().as_u16(), location)
    }

    /// A page request with extra headers (a bearer token, say) and, for a POST, a form.
    pub async fn send_with(
        &self,
        method: reqwest::Method,
        path: &str,
        headers: &[(&str, &str)],
        form: Option<&[(&str, &str)]>,
    ) -> Page {
        let mut r = self.request(method, path);
        for (k, v) in headers {
            r = r.header(*k, *v);
        }
        if let Some(f) = form {
            r = r.form(f);
        }
        let resp = r.send().await.expect("request");
        self.read(resp).await
    }

    /// Posts a form as is (the caller includes `csrf` if it wants to).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let resp = self
            .request(reqwest::Method::POST, path)
            .form(fields)
            .send()
            .await
            .expect("POST");
        self.read(resp).await
    }

    /// Posts a form with the CSRF token of the page at `form_page`.
    pub async fn submit(&self, form_page: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        let csrf = self.get(form_page).await.csrf();
        let mut all: Vec<(&str, &str)> = vec![("csrf", &csrf)];
        all.extend_from_slice(fields);
        self.post_raw(action, &all).await
    }

    pub async fn sign_in(&self, email: &str, password: &str) {
        let page = self
            .submit(
                "/login",
                "/login",
                &[("email", email), ("password", password)],
            )
            .await;
        assert_eq!(page.status, 303, "sign-in of {email} failed: {}", page.body);
    }

    pub fn has_cookie(&self, name: &str) -> bool {
        self.cookies.lock().expect("lock").contains_key(name)
    }

    /// Sends a JSON API request as the signed-in person (session cookie), in workspace `slug`,
    /// with `csrf` as the `X-CSRF-Token` header when given.
    pub async fn api_as_member(
        &self,
        method: reqwest::Method,
        path: &str,
        slug: &str,
        csrf: Option<&str>,
        body: Option<serde_json::Value>,
    ) -> (u16, serde_json::Value) {
        let mut r = self.request(method, path).header("x-taith-workspace", slug);
        if let Some(c) = csrf {
            r = r.header("x-csrf-token", c);
        }
        if let Some(b) = body {
            r = r.json(&b);
        }
        let resp = r.send().await.expect("API request");
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
        )
    }

    /// Sends a JSON API request with a bearer token.
    pub async fn api(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Option<serde_json::Value>,
    ) -> (u16, serde_json::Value) {
        let mut r = self
            .client
            .request(method, format!("http://{}{}", self.addr, path))
            .bearer_auth(token);
        if let Some(b) = body {
            r = r.json(&b);
        }
        let resp = r.send().await.expect("API request");
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
        )
    }
}

/// An HTTP client builder for the tests, after the TLS provider is installed (reqwest refuses
/// to build a client before, as taith builds its clients with rustls on ring).
pub fn http() -> reqwest::ClientBuilder {
    taith_app::webhooks::delivery::install_tls_provider();
    // The server closes a keep-alive connection idle for its header-read timeout (10 s); a
    // client that reuses one at that moment gets "incomplete message". Forgetting idle
    // connections sooner than the server does keeps a slow test's requests off that race.
    reqwest::Client::builder().pool_idle_timeout(std::time::Duration::from_secs(5))
}
