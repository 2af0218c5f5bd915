//! Sites: a business's web sites whose tracker (`/t/{site_key}.js`) sends events, with the
//! hostnames allowed to send them and the URL patterns that map pages to touchpoints.

use crate::{Issue, Name, SiteId, TouchpointId, ValidationErrors};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Most hostnames of one site.
pub const MAX_HOSTNAMES: usize = 20;
/// Most URL patterns of one site.
pub const MAX_PATTERNS: usize = 50;
/// Longest URL pattern, in characters.
pub const MAX_PATTERN_CHARS: usize = 200;

/// A page path pattern (`/checkout*`, `/products/*/reviews`: `*` matches any characters) and
/// the touchpoint its pages belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrlPattern {
    pub pattern: String,
    pub touchpoint_id: TouchpointId,
}

impl UrlPattern {
    /// Whether `path` (a page's path, no query) matches the pattern.
    pub fn matches(&self, path: &str) -> bool {
        glob(self.pattern.as_bytes(), path.as_bytes())
    }
}

/// `*` matches any run of bytes, everything else itself.
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while t < text.len() {
        if p < pattern.len() && pattern[p] == b'*' {
            star = Some(p);
            mark = t;
            p += 1;
        } else if p < pattern.len() && pattern[p] == text[t] {
            p += 1;
            t += 1;
        } else if let Some(s) = star {
            p = s + 1;
            mark += 1;
            t = mark;
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == b'*')
}

/// The editable fields of a site, parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteFields {
    pub name: Name,
    /// Lower-case hostnames (no port) whose pages may send events; `*.example.com` allows the
    /// subdomains of example.com.
    pub hostnames: Vec<String>,
    /// First match wins.
    pub patterns: Vec<UrlPattern>,
    /// The query parameter of the site's search page (`q` unless said otherwise).
    pub search_param: String,
}

impl SiteFields {
    /// The touchpoint of a page: the first pattern matching its path.
    pub fn touchpoint_for(&self, url: &str) -> Option<TouchpointId> {
        let path = crate::event::url_path(url);
        self.patterns
            .iter()
            .find(|p| p.matches(path))
            .map(|p| p.touchpoint_id)
    }

    /// Whether a page on `host` (as in an `Origin` header: port ignored) may send events.
    pub fn allows_host(&self, host: &str) -> bool {
        let host = host_without_port(host).to_ascii_lowercase();
        self.hostnames.iter().any(|h| match h.strip_prefix("*.") {
            Some(parent) => host == parent || host.ends_with(&format!(".{parent}")),
            None => *h == host,
        })
    }
}

/// `shop.example` of `shop.example:8080`, `[::1]` of `[::1]:3000`.
pub fn host_without_port(host: &str) -> &str {
    if host.starts_with('[') {
        return host.split_inclusive(']').next().unwrap_or(host);
    }
    host.split(':').next().unwrap_or(host)
}

/// A hostname as kept: lower case, letters, digits, `-` and `.`, optionally `*.` first.
pub fn parse_hostname(s: &str) -> Result<String, Issue> {
    let h = s.trim().trim_end_matches('.').to_ascii_lowercase();
    if h.is_empty() {
        return Err(Issue::Required);
    }
    let bare = h.strip_prefix("*.").unwrap_or(&h);
    let ok = bare.len() <= 253
        && !bare.is_empty()
        && bare.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    if ok { Ok(h) } else { Err(Issue::Invalid) }
}

/// Raw URL pattern input.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct UrlPatternInput {
    #[serde(default)]
    pub pattern: String,
    #[serde(default)]
    pub touchpoint_id: String,
}

/// Raw site input, as typed into the form or sent to the API.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct SiteInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub hostnames: Vec<String>,
    #[serde(default)]
    pub patterns: Vec<UrlPatternInput>,
    #[serde(default)]
    pub search_param: String,
}

impl SiteInput {
    /// Parses the fields. Errors name `name`, `hostnames` (`hostnames[2]` for the third),
    /// `patterns[1].pattern`, `patterns[1].touchpoint_id`, `search_param`. Whether a touchpoint
    /// is one of the workspace's is the caller's check.
    pub fn parse(&self) -> Result<SiteFields, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = errors.check("name", Name::parse(&self.name));
        let mut hostnames = Vec::new();
        let given: Vec<&String> = self
            .hostnames
            .iter()
            .filter(|h| !h.trim().is_empty())
            .collect();
        if given.is_empty() {
            errors.push("hostnames", Issue::Required);
        } else if given.len() > MAX_HOSTNAMES {
            errors.push("hostnames", Issue::TooLong);
        }
        for (i, h) in given.iter().enumerate() {
            if let Some(h) = errors.check(&format!("hostnames[{i}]"), parse_hostname(h))
                && !hostnames.contains(&h)
            {
                hostnames.push(h);
            }
        }
        let mut patterns = Vec::new();
        let rows: Vec<&UrlPatternInput> = self
            .patterns
            .iter()
            .filter(|p| !(p.pattern.trim().is_empty() && p.touchpoint_id.trim().is_empty()))
            .collect();
        if rows.len() > MAX_PATTERNS {
            errors.push("patterns", Issue::TooLong);
        }
        for (i, row) in rows.iter().enumerate() {
            let p = row.pattern.trim();
            let pattern = errors.check(
                &format!("patterns[{i}].pattern"),
                if p.is_empty() {
                    Err(Issue::Required)
                } else if p.chars().count() > MAX_PATTERN_CHARS {
                    Err(Issue::TooLong)
                } else if !p.starts_with('/')
                    || p.chars().any(|c| c.is_control() || c.is_whitespace())
                {
                    Err(Issue::Invalid)
                } else {
                    Ok(p.to_owned())
                },
            );
            let touchpoint = errors.check(
                &format!("patterns[{i}].touchpoint_id"),
                if row.touchpoint_id.trim().is_empty() {
                    Err(Issue::Required)
                } else {
                    row.touchpoint_id.parse::<TouchpointId>()
                },
            );
            if let (Some(pattern), Some(touchpoint_id)) = (pattern, touchpoint) {
                patterns.push(UrlPattern {
                    pattern,
                    touchpoint_id,
                });
            }
        }
        let sp = self.search_param.trim();
        let search_param = errors.check(
            "search_param",
            if sp.is_empty() {
                Ok("q".to_owned())
            } else if sp.len() > 64
                || !sp
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.[]".contains(c))
            {
                Err(Issue::Invalid)
            } else {
                Ok(sp.to_owned())
            },
        );
        match (name, search_param) {
            (Some(name), Some(search_param)) if errors.is_empty() => Ok(SiteFields {
                name,
                hostnames,
                patterns,
                search_param,
            }),
            _ => Err(errors),
        }
    }
}

impl From<&SiteFields> for SiteInput {
    fn from(f: &SiteFields) -> Self {
        SiteInput {
            name: f.name.as_str().to_owned(),
            hostnames: f.hostnames.clone(),
            patterns: f
                .patterns
                .iter()
                .map(|p| UrlPatternInput {
                    pattern: p.pattern.clone(),
                    touchpoint_id: p.touchpoint_id.to_string(),
                })
                .collect(),
            search_param: f.search_param.clone(),
        }
    }
}

/// A stored site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Site {
    pub id: SiteId,
    #[serde(flatten)]
    pub fields: SiteFields,
    /// Public: the part of the tracker's address (`/t/{site_key}.js`).
    pub site_key: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn fields(patterns: &[(&str, TouchpointId)]) -> SiteFields {
        SiteFields {
            name: Name::parse("Shop").unwrap(),
            hostnames: vec!["shop.example".into(), "*.becws.cymru".into()],
            patterns: patterns
                .iter()
                .map(|(p, t)| UrlPattern {
                    pattern: (*p).into(),
                    touchpoint_id: *t,
                })
                .collect(),
            search_param: "q".into(),
        }
    }

    #[test]
    fn the_first_matching_pattern_names_the_touchpoint() {
        let (a, b) = (TouchpointId::new(), TouchpointId::new());
        let f = fields(&[("/checkout*", a), ("/products/*/reviews", b), ("/", b)]);
        assert_eq!(
            f.touchpoint_for("https://shop.example/checkout/pay?x=1"),
            Some(a)
        );
        assert_eq!(f.touchpoint_for("/products/tea/reviews"), Some(b));
        assert_eq!(f.touchpoint_for("/products/tea"), None);
        assert_eq!(f.touchpoint_for("https://shop.example"), Some(b));
    }

    #[test]
    fn hosts_are_allowed_by_name_or_parent() {
        let f = fields(&[]);
        assert!(f.allows_host("shop.example:8080"));
        assert!(f.allows_host("www.becws.cymru"));
        assert!(f.allows_host("becws.cymru"));
        assert!(!f.allows_host("evilbecws.cymru"));
        assert!(!f.allows_host("shop.example.evil"));
    }

    #[test]
    fn site_input_names_each_bad_field() {
        let input = SiteInput {
            name: " ".into(),
            hostnames: vec!["ok.example".into(), "bad host".into()],
            patterns: vec![UrlPatternInput {
                pattern: "checkout".into(),
                touchpoint_id: "nope".into(),
            }],
            search_param: "q q".into(),
        };
        let e = input.parse().unwrap_err();
        assert_eq!(e.issue_for("name"), Some(Issue::Required));
        assert_eq!(e.issue_for("hostnames[1]"), Some(Issue::Invalid));
        assert_eq!(e.issue_for("patterns[0].pattern"), Some(Issue::Invalid));
        assert_eq!(
            e.issue_for("patterns[0].touchpoint_id"),
            Some(Issue::Invalid)
        );
        assert_eq!(e.issue_for("search_param"), Some(Issue::Invalid));
    }
}
