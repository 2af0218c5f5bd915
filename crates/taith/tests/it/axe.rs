//! axe-core in the browser tests: the accessibility rules a page must pass, checked in the page
//! as Chromium drew it (so at the window's width, in its language and direction). axe-core is
//! vendored in `fixtures/axe.min.js` (MPL-2.0, see `fixtures/README.md`); it is injected into
//! the page under test through WebDriver, which the page's Content-Security-Policy does not
//! govern, and never served by taith.
//!
//! One page:
//!
//! ```ignore
//! wd.goto(&app.url("/k/abc?lang=ar")).await.unwrap();
//! crate::axe::assert_clean(&wd, "kiosk, Arabic, 390 px").await;
//! ```
//!
//! Many pages, one report at the end (every page is checked even when an early one fails):
//!
//! ```ignore
//! let mut audit = crate::axe::Audit::default();
//! for (label, url) in pages {
//!     audit.visit(&wd, &url, &label).await;
//! }
//! audit.assert_clean();
//! ```

use crate::webdriver::WebDriver;
use serde_json::Value;
use std::fmt;

/// axe-core's own source, injected into each page checked.
const AXE_JS: &str = include_str!("fixtures/axe.min.js");

/// The impacts that fail a check: axe's `critical` and `serious`.
pub const FAILING: [&str; 2] = ["critical", "serious"];

/// One rule a page breaks, with the elements that break it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The rule, e.g. `color-contrast`, `meta-refresh`.
    pub id: String,
    /// `critical`, `serious`, `moderate` or `minor`.
    pub impact: String,
    /// What the rule asks, in axe's words.
    pub help: String,
    /// CSS selectors of the elements that break it (frames and shadow roots joined by ` >>> `),
    /// each with the start of its markup.
    pub nodes: Vec<String>,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): {}", self.id, self.impact, self.help)?;
        for n in &self.nodes {
            write!(f, "\n      {n}")?;
        }
        Ok(())
    }
}

/// Runs axe-core's rules on the page `wd` shows (after loading axe into it if needed) and
/// returns every violation, of any impact.
pub async fn run(wd: &WebDriver) -> Result<Vec<Violation>, String> {
    let loaded = wd
        .execute("return typeof window.axe === 'object';", vec![])
        .await?;
    if loaded != Value::Bool(true) {
        wd.execute(&format!("{AXE_JS}\n;return true;"), vec![])
            .await
            .map_err(|e| format!("loading axe-core: {e}"))?;
    }
    let script = r#"
        const done = arguments[arguments.length - 1];
        const target = (t) => Array.isArray(t) ? t.join(" >>> ") : String(t);
        window.axe
          .run(document, { resultTypes: ["violations"] })
          .then(
            (r) => done({ violations: r.violations.map((v) => ({
              id: v.id,
              impact: v.impact || "",
              help: v.help,
              nodes: v.nodes.map((n) => n.target.map(target).join(" ") + "  " + (n.html || "").slice(0, 120)),
            })) }),
            (e) => done({ error: String(e) }),
          );
    "#;
    let out = wd.execute_async(script, vec![]).await?;
    if let Some(e) = out.get("error").and_then(Value::as_str) {
        return Err(format!("axe.run: {e}"));
    }
    let list = out
        .get("violations")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("axe.run gave {out}"))?;
    Ok(list
        .iter()
        .map(|v| Violation {
            id: text(&v["id"]),
            impact: text(&v["impact"]),
            help: text(&v["help"]),
            nodes: v["nodes"]
                .as_array()
                .map(|n| n.iter().map(text).collect())
                .unwrap_or_default(),
        })
        .collect())
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

/// The page's critical and serious violations: what must be none.
pub async fn serious(wd: &WebDriver) -> Result<Vec<Violation>, String> {
    Ok(run(wd)
        .await?
        .into_iter()
        .filter(|v| FAILING.contains(&v.impact.as_str()))
        .collect())
}

/// Fails the test, listing them, if the page `wd` shows has a critical or serious violation.
/// `label` says which page (and language, width) in the message.
pub async fn assert_clean(wd: &WebDriver, label: &str) {
    let found = serious(wd).await.unwrap_or_else(|e| panic!("{label}: {e}"));
    assert!(found.is_empty(), "{}", report(&[(label.to_owned(), found)]));
}

fn report(pages: &[(String, Vec<Violation>)]) -> String {
    let mut out = String::from("axe-core: critical or serious violations\n");
    for (label, found) in pages.iter().filter(|(_, f)| !f.is_empty()) {
        out.push_str(&format!("  {label}:\n"));
        for v in found {
            out.push_str(&format!("    {v}\n"));
        }
    }
    out
}

/// Checks many pages and reports them all at the end.
#[derive(Debug, Default)]
pub struct Audit {
    pages: Vec<(String, Vec<Violation>)>,
}

impl Audit {
    /// Checks the page `wd` shows now, under `label`.
    pub async fn check(&mut self, wd: &WebDriver, label: &str) {
        let found = serious(wd).await.unwrap_or_else(|e| panic!("{label}: {e}"));
        self.pages.push((label.to_owned(), found));
    }

    /// Opens `url` and checks it, under `label`.
    pub async fn visit(&mut self, wd: &WebDriver, url: &str, label: &str) {
        wd.goto(url)
            .await
            .unwrap_or_else(|e| panic!("{label}: {url}: {e}"));
        self.check(wd, label).await;
    }

    /// How many pages were checked.
    pub fn checked(&self) -> usize {
        self.pages.len()
    }

    /// Every critical or serious violation found, with its page's label.
    pub fn violations(&self) -> impl Iterator<Item = (&str, &Violation)> {
        self.pages
            .iter()
            .flat_map(|(l, f)| f.iter().map(move |v| (l.as_str(), v)))
    }

    /// Fails the test, listing every page's violations, if there is any.
    pub fn assert_clean(&self) {
        assert!(
            self.violations().next().is_none(),
            "{}",
            report(&self.pages)
        );
    }
}

#[tokio::test]
async fn axe_finds_what_is_wrong_and_passes_what_is_right() {
    let Some(wd) = crate::respond_browser::browser(crate::webdriver::Options::default()).await
    else {
        return;
    };
    // No language, an image without words, a meta refresh: critical and serious all three.
    wd.goto(
        "data:text/html,<!doctype html><html><head><title>x</title>\
         <meta http-equiv=\"refresh\" content=\"30\"></head>\
         <body><main><img src=\"a.png\"></main></body></html>",
    )
    .await
    .unwrap();
    let mut found: Vec<String> = serious(&wd)
        .await
        .unwrap()
        .into_iter()
        .map(|v| v.id)
        .collect();
    found.sort();
    assert_eq!(found, ["html-has-lang", "image-alt", "meta-refresh"]);
    // Loading it twice into one page is harmless.
    assert_eq!(serious(&wd).await.unwrap().len(), 3);

    wd.goto(
        "data:text/html,<!doctype html><html lang=\"en\"><head><title>x</title></head>\
         <body><main><h1>Hello</h1><img src=\"a.png\" alt=\"A loaf\"></main></body></html>",
    )
    .await
    .unwrap();
    assert_clean(&wd, "a page with nothing wrong").await;
}
