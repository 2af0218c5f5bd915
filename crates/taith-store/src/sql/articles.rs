//! The knowledge base ([`ArticleStore`]).
//!
//! - An article's translations are one JSON column (`{locale: {title, body}}`), read and
//!   written whole with the article: a page or the API always shows an article with all its
//!   translations, and the help centre's search runs in the app layer over the published
//!   articles of one workspace (`taith_app::articles::search`), not in SQL.
//! - Slugs are unique per workspace (a unique index each for articles and categories); a
//!   clash is `Conflict(SlugTaken)`, which the app answers by numbering the slug.
//! - Deleting a category clears its articles' `category_id` in the same transaction.

use super::{Backend as _, DbRow, This, corrupt, db, get, name, time, to_micros, unique_is};
use async_trait::async_trait;
use std::collections::BTreeMap;
use taith_domain as d;
use taith_store::{ArticleStore, ArticleToStore, ConflictKind, StoreError, StoreResult};
use uuid::Uuid;

/// The columns every article statement reads, in this order.
macro_rules! article_columns {
    () => {
        "id, slug, category_id, status, translations, created_at, updated_at"
    };
}

macro_rules! category_columns {
    () => {
        "id, name, slug, created_at"
    };
}

fn slug(row: &DbRow, col: &str) -> StoreResult<d::ArticleSlug> {
    let s: String = get(row, col)?;
    d::ArticleSlug::parse(&s).map_err(|_| corrupt(col, &s))
}

fn article_row(row: &DbRow) -> StoreResult<d::Article> {
    let json: String = get(row, "translations")?;
    let map: BTreeMap<d::Locale, d::ArticleTranslation> =
        serde_json::from_str(&json).map_err(|_| corrupt("translations", &json))?;
    let status: String = get(row, "status")?;
    Ok(d::Article {
        id: d::ArticleId(get(row, "id")?),
        slug: slug(row, "slug")?,
        category_id: get::<Option<Uuid>>(row, "category_id")?.map(d::ArticleCategoryId),
        status: status.parse().map_err(|_| corrupt("status", &status))?,
        translations: d::Translations::from_stored(map)
            .ok_or_else(|| corrupt("translations", &json))?,
        created_at: time(row, "created_at")?,
        updated_at: time(row, "updated_at")?,
    })
}

fn category_row(row: &DbRow) -> StoreResult<d::ArticleCategory> {
    Ok(d::ArticleCategory {
        id: d::ArticleCategoryId(get(row, "id")?),
        name: name(row, "name")?,
        slug: slug(row, "slug")?,
        created_at: time(row, "created_at")?,
    })
}

fn translations_json(t: &d::Translations) -> StoreResult<String> {
    serde_json::to_string(t).map_err(|e| StoreError::internal_from("encoding translations", e))
}

/// A foreign-key violation on create names a workspace that is not there; a unique one, a
/// slug that is taken.
fn on_create(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
        _ => unique_is(ConflictKind::SlugTaken)(e),
    }
}

#[async_trait]
impl ArticleStore for This {
    async fn create_article(
        &self,
        ws: d::WorkspaceId,
        new: &ArticleToStore,
    ) -> StoreResult<d::Article> {
        let now = d::now();
        let article = d::Article {
            id: d::ArticleId::new(),
            slug: new.slug.clone(),
            category_id: new.category_id,
            status: new.status,
            translations: new.translations.clone(),
            created_at: now,
            updated_at: now,
        };
        sqlx::query(concat!(
            "INSERT INTO articles (workspace_id, ",
            article_columns!(),
            ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
        ))
        .bind(ws.as_uuid())
        .bind(article.id.as_uuid())
        .bind(article.slug.as_str())
        .bind(article.category_id.map(|c| c.as_uuid()))
        .bind(article.status.as_str())
        .bind(translations_json(&article.translations)?)
        .bind(to_micros(now))
        .bind(to_micros(now))
        .execute(self.pool())
        .await
        .map_err(on_create)?;
        Ok(article)
    }

    async fn update_article(
        &self,
        ws: d::WorkspaceId,
        id: d::ArticleId,
        fields: &ArticleToStore,
    ) -> StoreResult<d::Article> {
        let row = sqlx::query(concat!(
            "UPDATE articles SET slug = $1, category_id = $2, status = $3, translations = $4, \
             updated_at = $5 WHERE workspace_id = $6 AND id = $7 RETURNING ",
            article_columns!()
        ))
        .bind(fields.slug.as_str())
        .bind(fields.category_id.map(|c| c.as_uuid()))
        .bind(fields.status.as_str())
        .bind(translations_json(&fields.translations)?)
        .bind(to_micros(d::now()))
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(unique_is(ConflictKind::SlugTaken))?
        .ok_or(StoreError::NotFound)?;
        article_row(&row)
    }

    async fn set_article_status(
        &self,
        ws: d::WorkspaceId,
        id: d::ArticleId,
        status: d::ArticleStatus,
    ) -> StoreResult<d::Article> {
        let row = sqlx::query(concat!(
            "UPDATE articles SET status = $1, updated_at = $2 \
             WHERE workspace_id = $3 AND id = $4 RETURNING ",
            article_columns!()
        ))
        .bind(status.as_str())
        .bind(to_micros(d::now()))
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        article_row(&row)
    }

    async fn delete_article(&self, ws: d::WorkspaceId, id: d::ArticleId) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM articles WHERE workspace_id = $1 AND id = $2")
            .bind(ws.as_uuid())
            .bind(id.as_uuid())
            .execute(self.pool())
            .await
            .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn article(&self, ws: d::WorkspaceId, id: d::ArticleId) -> StoreResult<d::Article> {
        let row = sqlx::query(concat!(
            "SELECT ",
            article_columns!(),
            " FROM articles WHERE workspace_id = $1 AND id = $2"
        ))
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        article_row(&row)
    }

    async fn article_by_slug(
        &self,
        ws: d::WorkspaceId,
        slug: &d::ArticleSlug,
    ) -> StoreResult<d::Article> {
        let row = sqlx::query(concat!(
            "SELECT ",
            article_columns!(),
            " FROM articles WHERE workspace_id = $1 AND slug = $2"
        ))
        .bind(ws.as_uuid())
        .bind(slug.as_str())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        article_row(&row)
    }

    async fn articles(
        &self,
        ws: d::WorkspaceId,
        published_only: bool,
    ) -> StoreResult<Vec<d::Article>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            article_columns!(),
            " FROM articles WHERE workspace_id = $1 AND ($2 = 0 OR status = 'published') \
             ORDER BY id"
        ))
        .bind(ws.as_uuid())
        .bind(i64::from(published_only))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(article_row).collect()
    }

    async fn create_article_category(
        &self,
        ws: d::WorkspaceId,
        name: &d::Name,
        slug: &d::ArticleSlug,
    ) -> StoreResult<d::ArticleCategory> {
        let category = d::ArticleCategory {
            id: d::ArticleCategoryId::new(),
            name: name.clone(),
            slug: slug.clone(),
            created_at: d::now(),
        };
        sqlx::query(concat!(
            "INSERT INTO article_categories (workspace_id, ",
            category_columns!(),
            ") VALUES ($1, $2, $3, $4, $5)"
        ))
        .bind(ws.as_uuid())
        .bind(category.id.as_uuid())
        .bind(name.as_str())
        .bind(slug.as_str())
        .bind(to_micros(category.created_at))
        .execute(self.pool())
        .await
        .map_err(on_create)?;
        Ok(category)
    }

    async fn rename_article_category(
        &self,
        ws: d::WorkspaceId,
        id: d::ArticleCategoryId,
        name: &d::Name,
    ) -> StoreResult<d::ArticleCategory> {
        let row = sqlx::query(concat!(
            "UPDATE article_categories SET name = $1 WHERE workspace_id = $2 AND id = $3 \
             RETURNING ",
            category_columns!()
        ))
        .bind(name.as_str())
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        category_row(&row)
    }

    async fn delete_article_category(
        &self,
        ws: d::WorkspaceId,
        id: d::ArticleCategoryId,
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        sqlx::query(
            "UPDATE articles SET category_id = NULL WHERE workspace_id = $1 AND category_id = $2",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        let done =
            sqlx::query("DELETE FROM article_categories WHERE workspace_id = $1 AND id = $2")
                .bind(ws.as_uuid())
                .bind(id.as_uuid())
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn article_category(
        &self,
        ws: d::WorkspaceId,
        id: d::ArticleCategoryId,
    ) -> StoreResult<d::ArticleCategory> {
        let row = sqlx::query(concat!(
            "SELECT ",
            category_columns!(),
            " FROM article_categories WHERE workspace_id = $1 AND id = $2"
        ))
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        category_row(&row)
    }

    async fn article_categories(&self, ws: d::WorkspaceId) -> StoreResult<Vec<d::ArticleCategory>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            category_columns!(),
            " FROM article_categories WHERE workspace_id = $1 ORDER BY name, id"
        ))
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(category_row).collect()
    }
}
