//! Sites ([`SiteStore`]).
//!
//! - Hostnames and URL patterns are JSON columns, read and written whole with the site.
//! - `site_key` is unique across workspaces (the tracker's address names no workspace);
//!   deleting a site leaves its events, which keep its id.

use super::{Backend as _, DbRow, This, corrupt, db, get, name, time, to_micros, unique_is};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{ConflictKind, SiteStore, StoreError, StoreResult};

/// The columns every statement reads or writes, in this order.
macro_rules! columns {
    () => {
        "workspace_id, id, name, hostnames, patterns, search_param, site_key, created_at, \
         updated_at"
    };
}

fn site_row(row: &DbRow) -> StoreResult<d::Site> {
    let hostnames: String = get(row, "hostnames")?;
    let patterns: String = get(row, "patterns")?;
    Ok(d::Site {
        id: d::SiteId(get(row, "id")?),
        fields: d::SiteFields {
            name: name(row, "name")?,
            hostnames: serde_json::from_str(&hostnames)
                .map_err(|_| corrupt("hostnames", &hostnames))?,
            patterns: serde_json::from_str(&patterns)
                .map_err(|_| corrupt("patterns", &patterns))?,
            search_param: get(row, "search_param")?,
        },
        site_key: get(row, "site_key")?,
        created_at: time(row, "created_at")?,
        updated_at: time(row, "updated_at")?,
    })
}

/// The JSON columns of a site: hostnames and patterns.
fn json_columns(fields: &d::SiteFields) -> StoreResult<(String, String)> {
    let enc = |e| StoreError::internal_from("encoding a site", e);
    Ok((
        serde_json::to_string(&fields.hostnames).map_err(enc)?,
        serde_json::to_string(&fields.patterns).map_err(enc)?,
    ))
}

#[async_trait]
impl SiteStore for This {
    async fn create_site(
        &self,
        ws: d::WorkspaceId,
        fields: &d::SiteFields,
        site_key: &str,
    ) -> StoreResult<d::Site> {
        let now = d::now();
        let site = d::Site {
            id: d::SiteId::new(),
            fields: fields.clone(),
            site_key: site_key.to_owned(),
            created_at: now,
            updated_at: now,
        };
        let (hostnames, patterns) = json_columns(fields)?;
        sqlx::query(concat!(
            "INSERT INTO sites (",
            columns!(),
            ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
        ))
        .bind(ws.as_uuid())
        .bind(site.id.as_uuid())
        .bind(fields.name.as_str())
        .bind(hostnames)
        .bind(patterns)
        .bind(fields.search_param.as_str())
        .bind(site_key)
        .bind(to_micros(now))
        .bind(to_micros(now))
        .execute(self.pool())
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
            _ => unique_is(ConflictKind::SlugTaken)(e),
        })?;
        Ok(site)
    }

    async fn update_site(
        &self,
        ws: d::WorkspaceId,
        id: d::SiteId,
        fields: &d::SiteFields,
    ) -> StoreResult<d::Site> {
        let (hostnames, patterns) = json_columns(fields)?;
        let row = sqlx::query(concat!(
            "UPDATE sites SET name = $1, hostnames = $2, patterns = $3, search_param = $4, \
             updated_at = $5 WHERE workspace_id = $6 AND id = $7 RETURNING ",
            columns!()
        ))
        .bind(fields.name.as_str())
        .bind(hostnames)
        .bind(patterns)
        .bind(fields.search_param.as_str())
        .bind(to_micros(d::now()))
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        site_row(&row)
    }

    async fn delete_site(&self, ws: d::WorkspaceId, id: d::SiteId) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM sites WHERE workspace_id = $1 AND id = $2")
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

    async fn site(&self, ws: d::WorkspaceId, id: d::SiteId) -> StoreResult<d::Site> {
        let row = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM sites WHERE workspace_id = $1 AND id = $2"
        ))
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        site_row(&row)
    }

    async fn sites(&self, ws: d::WorkspaceId) -> StoreResult<Vec<d::Site>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM sites WHERE workspace_id = $1 ORDER BY name, id"
        ))
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(site_row).collect()
    }

    async fn site_by_key(&self, site_key: &str) -> StoreResult<Option<(d::WorkspaceId, d::Site)>> {
        let row = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM sites WHERE site_key = $1"
        ))
        .bind(site_key)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.map(|row| Ok((d::WorkspaceId(get(&row, "workspace_id")?), site_row(&row)?)))
            .transpose()
    }
}
