//! A minimal W3C WebDriver client: starts `chromedriver`, opens one headless Chromium session
//! and speaks the few commands the browser test needs. Errors are the driver's own message.

use serde_json::{Value, json};
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The W3C key under which an element reference travels.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A reference to an element in the current page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementId(pub String);

impl ElementId {
    /// The element as a script argument for [`WebDriver::execute`].
    pub fn arg(&self) -> Value {
        json!({ ELEMENT_KEY: self.0 })
    }
}

/// One chromedriver process with one browser session; both end on drop.
/// How the browser is set up.
#[derive(Debug, Clone)]
pub struct Options {
    pub javascript: bool,
    /// The Accept-Language preference, e.g. `"cy,en"`.
    pub accept_language: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            javascript: true,
            accept_language: None,
        }
    }
}

pub struct WebDriver {
    child: Child,
    port: u16,
    session: String,
    client: reqwest::Client,
    profile: PathBuf,
}

/// Whether the browser and its driver are installed where the test expects them.
pub fn installed() -> bool {
    Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists()
}

fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| format!("bind: {e}"))?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

/// The `value` of a WebDriver answer, or its error as `error: message`.
fn unwrap_value(status: u16, body: Value) -> Result<Value, String> {
    let value = body.get("value").cloned().unwrap_or(Value::Null);
    if let Some(error) = value.get("error").and_then(Value::as_str) {
        let message = value
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or_default();
        return Err(format!("{error}: {message}"));
    }
    if status >= 400 {
        return Err(format!("HTTP {status}: {body}"));
    }
    Ok(value)
}

fn element_of(value: &Value) -> Result<ElementId, String> {
    value
        .get(ELEMENT_KEY)
        .and_then(Value::as_str)
        .map(|s| ElementId(s.to_owned()))
        .ok_or_else(|| format!("not an element: {value}"))
}

impl WebDriver {
    /// Starts chromedriver on a free port and opens a headless Chromium session.
    pub async fn start() -> Result<WebDriver, String> {
        WebDriver::start_with(Options::default()).await
    }

    /// [`WebDriver::start`] with JavaScript turned off or a language preference.
    pub async fn start_with(options: Options) -> Result<WebDriver, String> {
        let port = free_port()?;
        let profile = crate::helpers::scratch_path("taith-chromium-");
        std::fs::create_dir_all(&profile).map_err(|e| format!("profile dir: {e}"))?;
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("start {CHROMEDRIVER}: {e}"))?;
        let client = crate::helpers::http()
            .timeout(Duration::from_secs(60))
            .build()
            .map_err(|e| e.to_string())?;
        let mut wd = WebDriver {
            child,
            port,
            session: String::new(),
            client,
            profile,
        };
        wd.wait_ready().await?;
        let args = [
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-quic".to_owned(),
            "--window-size=1400,1000".to_owned(),
            format!("--user-data-dir={}", wd.profile.display()),
        ];
        let mut prefs = serde_json::Map::new();
        if !options.javascript {
            prefs.insert(
                "profile.managed_default_content_settings.javascript".into(),
                json!(2),
            );
        }
        if let Some(langs) = &options.accept_language {
            prefs.insert("intl.accept_languages".into(), json!(langs));
        }
        let caps = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    // A `window.confirm` (delete buttons) is accepted.
                    "unhandledPromptBehavior": "accept",
                    "goog:chromeOptions": { "binary": CHROMIUM, "args": args, "prefs": prefs }
                }
            }
        });
        let resp = wd
            .client
            .post(format!("http://127.0.0.1:{port}/session"))
            .json(&caps)
            .send()
            .await
            .map_err(|e| format!("new session: {e}"))?;
        let status = resp.status().as_u16();
        let body: Value = resp.json().await.map_err(|e| format!("new session: {e}"))?;
        let value = unwrap_value(status, body)?;
        wd.session = value
            .get("sessionId")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("no sessionId in {value}"))?
            .to_owned();
        Ok(wd)
    }

    async fn wait_ready(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(Some(exit)) = self.child.try_wait() {
                return Err(format!("{CHROMEDRIVER} exited early: {exit}"));
            }
            if let Ok(resp) = self
                .client
                .get(format!("http://127.0.0.1:{}/status", self.port))
                .send()
                .await
                && let Ok(body) = resp.json::<Value>().await
                && body["value"]["ready"].as_bool() == Some(true)
            {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("{CHROMEDRIVER} not ready after 20s"));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    fn endpoint(&self, path: &str) -> String {
        format!(
            "http://127.0.0.1:{}/session/{}{}",
            self.port, self.session, path
        )
    }

    async fn send(&self, req: reqwest::RequestBuilder) -> Result<Value, String> {
        let resp = req
            .send()
            .await
            .map_err(|e| format!("webdriver request: {e}"))?;
        let status = resp.status().as_u16();
        let body: Value = resp
            .json()
            .await
            .map_err(|e| format!("webdriver answer: {e}"))?;
        unwrap_value(status, body)
    }

    async fn get(&self, path: &str) -> Result<Value, String> {
        self.send(self.client.get(self.endpoint(path))).await
    }

    async fn post(&self, path: &str, body: Value) -> Result<Value, String> {
        self.send(self.client.post(self.endpoint(path)).json(&body))
            .await
    }

    /// Navigates to `url` and waits for the page to load.
    pub async fn goto(&self, url: &str) -> Result<(), String> {
        self.post("/url", json!({ "url": url })).await.map(drop)
    }

    pub async fn current_url(&self) -> Result<String, String> {
        let v = self.get("/url").await?;
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("not a URL: {v}"))
    }

    /// The first element matching a CSS selector.
    pub async fn find(&self, css: &str) -> Result<ElementId, String> {
        let v = self
            .post("/element", json!({ "using": "css selector", "value": css }))
            .await
            .map_err(|e| format!("{css}: {e}"))?;
        element_of(&v)
    }

    /// Every element matching a CSS selector, in document order.
    pub async fn find_all(&self, css: &str) -> Result<Vec<ElementId>, String> {
        let v = self
            .post(
                "/elements",
                json!({ "using": "css selector", "value": css }),
            )
            .await
            .map_err(|e| format!("{css}: {e}"))?;
        v.as_array()
            .ok_or_else(|| format!("not a list: {v}"))?
            .iter()
            .map(element_of)
            .collect()
    }

    /// Polls for an element until it appears or `timeout` passes.
    pub async fn wait_for(&self, css: &str, timeout: Duration) -> Result<ElementId, String> {
        let deadline = Instant::now() + timeout;
        loop {
            match self.find(css).await {
                Ok(el) => return Ok(el),
                Err(e) if Instant::now() > deadline => {
                    return Err(format!("waited {timeout:?}: {e}"));
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    pub async fn click(&self, el: &ElementId) -> Result<(), String> {
        self.post(&format!("/element/{}/click", el.0), json!({}))
            .await
            .map(drop)
    }

    pub async fn send_keys(&self, el: &ElementId, text: &str) -> Result<(), String> {
        self.post(&format!("/element/{}/value", el.0), json!({ "text": text }))
            .await
            .map(drop)
    }

    pub async fn clear(&self, el: &ElementId) -> Result<(), String> {
        self.post(&format!("/element/{}/clear", el.0), json!({}))
            .await
            .map(drop)
    }

    /// The rendered (visible) text of an element.
    pub async fn text(&self, el: &ElementId) -> Result<String, String> {
        let v = self.get(&format!("/element/{}/text", el.0)).await?;
        Ok(v.as_str().unwrap_or_default().to_owned())
    }

    /// An attribute of an element, `None` if it has none.
    pub async fn attribute(&self, el: &ElementId, name: &str) -> Result<Option<String>, String> {
        let v = self
            .get(&format!("/element/{}/attribute/{name}", el.0))
            .await?;
        Ok(v.as_str().map(str::to_owned))
    }

    /// Runs `script` as a function body with `arguments` = `args`; returns what it returns.
    /// The text of an open alert, confirm or prompt dialog, if one is open.
    pub async fn open_dialog(&self) -> Option<String> {
        self.get("/alert/text")
            .await
            .ok()
            .map(|v| v.as_str().unwrap_or_default().to_owned())
    }

    /// Whether a checkbox or radio button is ticked.
    pub async fn selected(&self, el: &ElementId) -> Result<bool, String> {
        let v = self.get(&format!("/element/{}/selected", el.0)).await?;
        v.as_bool().ok_or_else(|| format!("not a bool: {v}"))
    }

    /// The element's position and size: `{x, y, width, height}` in CSS pixels.
    pub async fn rect(&self, el: &ElementId) -> Result<Value, String> {
        self.get(&format!("/element/{}/rect", el.0)).await
    }

    /// Commands go to the document inside the frame `el` until [`WebDriver::leave_frame`].
    pub async fn enter_frame(&self, el: &ElementId) -> Result<(), String> {
        self.post("/frame", json!({ "id": el.arg() }))
            .await
            .map(drop)
    }

    pub async fn leave_frame(&self) -> Result<(), String> {
        self.post("/frame/parent", json!({})).await.map(drop)
    }

    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.post("/execute/sync", json!({ "script": script, "args": args }))
            .await
    }

    /// Runs `script` as an asynchronous function body: it ends by calling the callback passed
    /// as its last argument, whose value this returns (the session's script timeout applies).
    pub async fn execute_async(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.post("/execute/async", json!({ "script": script, "args": args }))
            .await
    }

    /// A Chrome DevTools command (e.g. `Emulation.setEmulatedMedia`), through chromedriver.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Result<Value, String> {
        self.post("/goog/cdp/execute", json!({ "cmd": cmd, "params": params }))
            .await
    }

    pub async fn set_window_size(&self, width: u32, height: u32) -> Result<(), String> {
        self.post("/window/rect", json!({ "width": width, "height": height }))
            .await
            .map(drop)
    }

    /// A PNG of the viewport.
    pub async fn screenshot_png(&self) -> Result<Vec<u8>, String> {
        let v = self.get("/screenshot").await?;
        base64_decode(v.as_str().ok_or_else(|| format!("not base64: {v}"))?)
    }
}

impl Drop for WebDriver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            // Best effort and synchronous (no runtime in drop): ends the session, which quits
            // Chromium, before the driver itself is killed.
            if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", self.port)) {
                let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
                let req = format!(
                    "DELETE /session/{} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                    self.session, self.port
                );
                if s.write_all(req.as_bytes()).is_ok() {
                    let mut sink = Vec::new();
                    let _ = s.read_to_end(&mut sink);
                }
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Standard base64 (with or without padding; whitespace ignored).
pub fn base64_decode(text: &str) -> Result<Vec<u8>, String> {
    fn sextet(c: u8) -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in text.as_bytes() {
        if c == b'=' {
            break;
        }
        if c.is_ascii_whitespace() {
            continue;
        }
        acc = (acc << 6) | sextet(c).ok_or_else(|| format!("not base64: byte {c}"))?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

#[test]
fn base64_decodes_padded_and_unpadded_text() {
    assert_eq!(base64_decode("aGVsbG8=").unwrap(), b"hello");
    assert_eq!(base64_decode("aGVsbG8").unwrap(), b"hello");
    assert_eq!(base64_decode("aGk/").unwrap(), [b'h', b'i', 0x3f]);
    assert_eq!(base64_decode("").unwrap(), b"");
    assert!(base64_decode("a*b").is_err());
}
