//! Wire types of sites.

use serde::{Deserialize, Serialize};
use taith_domain as d;
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// A page path pattern and the touchpoint its pages belong to.
#[derive(Debug, Default, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UrlPattern {
    /// A path starting with `/`; `*` matches any characters (`/checkout*`). First match wins.
    pub pattern: String,
    #[schema(value_type = Uuid)]
    pub touchpoint_id: String,
}

/// A site as created or replaced.
#[derive(Debug, Default, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteWrite {
    pub name: String,
    /// Hostnames whose pages may send events (`shop.example`, `*.shop.example`); 1 to 20.
    pub hostnames: Vec<String>,
    /// Up to 50.
    #[serde(default)]
    pub patterns: Vec<UrlPattern>,
    /// The query parameter of the site's search page; `q` when absent.
    #[serde(default)]
    pub search_param: Option<String>,
}

impl SiteWrite {
    pub fn input(self) -> d::SiteInput {
        d::SiteInput {
            name: self.name,
            hostnames: self.hostnames,
            patterns: self
                .patterns
                .into_iter()
                .map(|p| d::UrlPatternInput {
                    pattern: p.pattern,
                    touchpoint_id: p.touchpoint_id,
                })
                .collect(),
            search_param: self.search_param.unwrap_or_default(),
        }
    }
}

/// A stored site.
#[derive(Debug, Serialize, ToSchema)]
pub struct Site {
    pub id: Uuid,
    pub name: String,
    pub hostnames: Vec<String>,
    pub patterns: Vec<UrlPattern>,
    pub search_param: String,
    /// Public: the tracker's address is `/t/{site_key}.js`.
    pub site_key: String,
    /// The tracker's path on this server: `<script src="https://{taith}{script_path}" async>`.
    pub script_path: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&d::Site> for Site {
    fn from(s: &d::Site) -> Self {
        Site {
            id: s.id.as_uuid(),
            name: s.fields.name.as_str().to_owned(),
            hostnames: s.fields.hostnames.clone(),
            patterns: s
                .fields
                .patterns
                .iter()
                .map(|p| UrlPattern {
                    pattern: p.pattern.clone(),
                    touchpoint_id: p.touchpoint_id.to_string(),
                })
                .collect(),
            search_param: s.fields.search_param.clone(),
            site_key: s.site_key.clone(),
            script_path: format!("/t/{}.js", s.site_key),
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SiteResponse {
    pub site: Site,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SiteList {
    pub sites: Vec<Site>,
    pub next_cursor: Option<String>,
}
