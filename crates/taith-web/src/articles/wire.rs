//! Wire types of the knowledge base.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use taith_domain as d;
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// An article in one locale.
#[derive(Debug, Default, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// At most 200 characters.
    #[serde(default)]
    pub title: String,
    /// Markdown, at most 20,000 characters. Rendered to HTML and sanitised (no scripts, event
    /// handlers or `javascript:` links) when shown.
    #[serde(default)]
    pub body: String,
}

/// An article as created or replaced.
#[derive(Debug, Default, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ArticleWrite {
    /// One of the workspace's categories; absent or null: none.
    #[serde(default)]
    #[schema(value_type = Option<Uuid>)]
    pub category_id: Option<String>,
    /// `draft` or `published`.
    #[serde(default)]
    pub status: String,
    /// By locale (`en`, `cy`, `ms`, `sw`, `ar`, `vi`); at least one. Errors name
    /// `translations.{locale}.title` / `.body`.
    #[serde(default)]
    pub translations: BTreeMap<String, Translation>,
    /// The address part in the help centre (`/h/{workspace}/a/{slug}`): `a-z`, `0-9`, inner
    /// `-`, at most 80. Absent: kept, or made from the title for a new article.
    #[serde(default)]
    pub slug: Option<String>,
}

impl ArticleWrite {
    pub fn input(self) -> d::ArticleInput {
        d::ArticleInput {
            category_id: self.category_id,
            status: self.status,
            translations: self
                .translations
                .into_iter()
                .map(|(l, t)| {
                    (
                        l,
                        d::TranslationInput {
                            title: t.title,
                            body: t.body,
                        },
                    )
                })
                .collect(),
            slug: self.slug,
        }
    }
}

/// A stored article.
#[derive(Debug, Serialize, ToSchema)]
pub struct Article {
    pub id: Uuid,
    pub slug: String,
    pub category_id: Option<Uuid>,
    /// `draft` or `published`.
    pub status: String,
    pub translations: BTreeMap<String, Translation>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&d::Article> for Article {
    fn from(a: &d::Article) -> Self {
        Article {
            id: a.id.as_uuid(),
            slug: a.slug.to_string(),
            category_id: a.category_id.map(|c| c.as_uuid()),
            status: a.status.as_str().to_owned(),
            translations: a
                .translations
                .iter()
                .map(|(l, t)| {
                    (
                        l.tag().to_owned(),
                        Translation {
                            title: t.title.to_string(),
                            body: t.body.clone(),
                        },
                    )
                })
                .collect(),
            created_at: a.created_at,
            updated_at: a.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleResponse {
    pub article: Article,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleList {
    pub articles: Vec<Article>,
    pub next_cursor: Option<String>,
}
