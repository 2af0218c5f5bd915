//! An article's Markdown turned into HTML a page may show unescaped.
//!
//! pulldown-cmark renders the business's Markdown (CommonMark plus tables and strikethrough;
//! raw HTML in the Markdown is passed through to the next step, not trusted), then ammonia
//! sanitises the result with its default allow list, which keeps formatting, lists, tables,
//! headings, links and images and removes `<script>`, `<style>`, event-handler attributes
//! (`onerror`, `onclick`, …) and every URL scheme other than `http`, `https` and `mailto`
//! (`javascript:` and `data:` links lose their `href`). Links get `rel="noopener noreferrer
//! nofollow"`.
//!
//! [`SafeHtml`] can only be made here, after ammonia: its text is the only output a template
//! may print with `|safe` (the help centre's article page and the owner's preview). Every
//! other value in every template stays auto-escaped.

use ammonia::Builder;
use pulldown_cmark::{Options, Parser, html};
use std::collections::HashSet;

/// HTML that went through ammonia. Cannot be built from outside this module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafeHtml(String);

impl SafeHtml {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for SafeHtml {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Renders `markdown` and sanitises the HTML.
pub fn render(markdown: &str) -> SafeHtml {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let parser = Parser::new_ext(markdown, options);
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, parser);
    let schemes: HashSet<&str> = ["http", "https", "mailto"].into_iter().collect();
    let clean = Builder::default()
        .url_schemes(schemes)
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&raw)
        .to_string();
    SafeHtml(clean)
}

/// The text of `markdown` without its markup, for search snippets: the rendered, sanitised
/// HTML with its tags removed and entities of `&`, `<`, `>`, `"` and `'` read back (the snippet
/// is escaped again by the template).
pub fn plain_text(markdown: &str) -> String {
    let html = render(markdown);
    let mut out = String::with_capacity(html.0.len());
    let mut in_tag = false;
    for c in html.0.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_rendered_and_scripts_handlers_and_javascript_links_are_stripped() {
        let html = render(
            "# Hours\n\n**Open** daily. [Map](https://example.com/map)\n\n\
             <script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n\
             [click](javascript:alert(3)) <a href=\"JaVaScRiPt:alert(4)\">x</a>",
        );
        let s = html.as_str();
        assert!(s.contains("<h1>Hours</h1>"), "{s}");
        assert!(s.contains("<strong>Open</strong>"), "{s}");
        assert!(s.contains("href=\"https://example.com/map\""), "{s}");
        assert!(!s.contains("<script"), "{s}");
        assert!(!s.contains("onerror"), "{s}");
        assert!(!s.to_lowercase().contains("javascript:"), "{s}");
        assert!(!s.contains("alert(1)"), "{s}");
    }

    #[test]
    fn plain_text_keeps_the_words_and_drops_the_markup() {
        assert_eq!(
            plain_text("# Oriau\n\nAr agor **bob dydd** & <b>nos</b>"),
            "Oriau Ar agor bob dydd & nos"
        );
    }
}
