//! Customers ([`CustomerStore`]).
//!
//! - `upsert_customer`: the external id decides; an e-mail match counts only when the request
//!   has no external id or the match has none (a match with another external id is someone
//!   else who shares the address). Missing fields are filled in, present ones never replaced;
//!   an e-mail another customer holds is not written. On PostgreSQL a lost race (unique
//!   violation, or `ON CONFLICT DO NOTHING` skipping the insert) rolls back and retries.

use super::{Backend as _, Conn, DbRow, This, corrupt, db, get, to_micros};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{Customer, CustomerStore, NewCustomer, StoreError, StoreResult};
use uuid::Uuid;

fn customer_row(row: &DbRow) -> StoreResult<Customer> {
    let email = get::<Option<String>>(row, "email")?
        .map(|e| d::Email::parse(&e).map_err(|_| corrupt("email", &e)))
        .transpose()?;
    let name = get::<Option<String>>(row, "name")?
        .map(|n| d::Name::parse(&n).map_err(|_| corrupt("name", &n)))
        .transpose()?;
    let locale = get::<Option<String>>(row, "locale")?
        .map(|l| l.parse::<d::Locale>().map_err(|_| corrupt("locale", &l)))
        .transpose()?;
    Ok(Customer {
        id: d::CustomerId(get(row, "id")?),
        external_id: get(row, "external_id")?,
        email,
        name,
        locale,
    })
}

/// The customer whose `column` (external_id or email) is `value`. Served by the
/// unique indexes customers(workspace_id, external_id) and (workspace_id, email).
async fn customer_by(
    conn: &mut Conn,
    ws: Uuid,
    by_email: bool,
    value: &str,
) -> StoreResult<Option<Customer>> {
    let sql = if by_email {
        "SELECT id, external_id, email, name, locale FROM customers \
         WHERE workspace_id = $1 AND email = $2"
    } else {
        "SELECT id, external_id, email, name, locale FROM customers \
         WHERE workspace_id = $1 AND external_id = $2"
    };
    let row = sqlx::query(sql)
        .bind(ws)
        .bind(value)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
    row.as_ref().map(customer_row).transpose()
}

/// One attempt of `upsert_customer` in the caller's write transaction. `None`: a
/// concurrent writer (PostgreSQL) took the external id or e-mail in between; roll
/// back and try again.
pub(super) async fn upsert_customer_in(
    conn: &mut Conn,
    ws: Uuid,
    new: &NewCustomer,
) -> StoreResult<Option<Customer>> {
    let mut found = None;
    if let Some(external_id) = &new.external_id {
        found = customer_by(conn, ws, false, external_id).await?;
    }
    // Who has the e-mail, when it matters: to match on it, or to fill it in.
    let email_lookup = new
        .email
        .as_ref()
        .filter(|_| found.as_ref().is_none_or(|c| c.email.is_none()));
    let holder = match email_lookup {
        Some(email) => customer_by(conn, ws, true, email.as_str()).await?,
        None => None,
    };
    // The e-mail is written only where it is missing and nobody has it.
    let email = email_lookup.filter(|_| holder.is_none()).cloned();
    if found.is_none() {
        // An e-mail match that has another external id is someone else who shares
        // the address: not them.
        found = holder.filter(|c| new.external_id.is_none() || c.external_id.is_none());
    }
    let Some(mut customer) = found else {
        let customer = Customer {
            id: d::CustomerId::new(),
            external_id: new.external_id.clone(),
            email,
            name: new.name.clone(),
            locale: new.locale,
        };
        let row = sqlx::query(
            "INSERT INTO customers (workspace_id, id, external_id, email, name, \
             locale, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(ws)
        .bind(customer.id.as_uuid())
        .bind(customer.external_id.as_deref())
        .bind(customer.email.as_ref().map(|e| e.as_str()))
        .bind(customer.name.as_ref().map(|n| n.as_str()))
        .bind(customer.locale.map(|l| l.tag()))
        .bind(to_micros(d::now()))
        .fetch_optional(&mut *conn)
        .await
        .map_err(|e| match &e {
            // No such workspace.
            sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
            _ => db(e),
        })?;
        return Ok(row.map(|_| customer));
    };
    // Fill in what was missing; what is there stays.
    let external_id = new
        .external_id
        .clone()
        .filter(|_| customer.external_id.is_none());
    let email = email.filter(|_| customer.email.is_none());
    let name = new.name.clone().filter(|_| customer.name.is_none());
    let locale = new.locale.filter(|_| customer.locale.is_none());
    if external_id.is_none() && email.is_none() && name.is_none() && locale.is_none() {
        return Ok(Some(customer));
    }
    let done = sqlx::query(
        "UPDATE customers SET external_id = COALESCE(external_id, $1), \
         email = COALESCE(email, $2), name = COALESCE(name, $3), \
         locale = COALESCE(locale, $4) WHERE workspace_id = $5 AND id = $6",
    )
    .bind(external_id.as_deref())
    .bind(email.as_ref().map(|e| e.as_str()))
    .bind(name.as_ref().map(|n| n.as_str()))
    .bind(locale.map(|l| l.tag()))
    .bind(ws)
    .bind(customer.id.as_uuid())
    .execute(&mut *conn)
    .await;
    match done {
        Err(sqlx::Error::Database(de)) if de.is_unique_violation() => {
            return Ok(None);
        }
        Err(e) => return Err(db(e)),
        Ok(_) => {}
    }
    customer.external_id = customer.external_id.or(external_id);
    customer.email = customer.email.or(email);
    customer.name = customer.name.or(name);
    customer.locale = customer.locale.or(locale);
    Ok(Some(customer))
}

#[async_trait]
impl CustomerStore for This {
    async fn upsert_customer(
        &self,
        ws: d::WorkspaceId,
        customer: &NewCustomer,
    ) -> StoreResult<Customer> {
        // SQLite: BEGIN IMMEDIATE serialises writers, so the first attempt wins.
        // PostgreSQL: a concurrent upsert of the same customer can get in between
        // the lookup and the write; the loser rolls back and finds the winner's.
        for _ in 0..3 {
            let mut tx = self.begin_write().await.map_err(db)?;
            if let Some(stored) = upsert_customer_in(&mut tx, ws.as_uuid(), customer).await? {
                tx.commit().await.map_err(db)?;
                return Ok(stored);
            }
        }
        Err(StoreError::internal(
            "upsert_customer lost three races in a row",
        ))
    }

    async fn upsert_customers(
        &self,
        ws: d::WorkspaceId,
        customers: &[NewCustomer],
    ) -> StoreResult<Vec<Customer>> {
        // The same rule as upsert_customer, for many at once in one transaction:
        // an import of thousands of customers costs one flush, not thousands.
        'attempt: for _ in 0..3 {
            let mut tx = self.begin_write().await.map_err(db)?;
            let mut stored = Vec::with_capacity(customers.len());
            for customer in customers {
                match upsert_customer_in(&mut tx, ws.as_uuid(), customer).await? {
                    Some(c) => stored.push(c),
                    // Lost a race to a concurrent writer (PostgreSQL): start over.
                    None => continue 'attempt,
                }
            }
            tx.commit().await.map_err(db)?;
            return Ok(stored);
        }
        Err(StoreError::internal(
            "upsert_customers lost three races in a row",
        ))
    }

    async fn customer(&self, ws: d::WorkspaceId, id: d::CustomerId) -> StoreResult<Customer> {
        let row = sqlx::query(
            "SELECT id, external_id, email, name, locale FROM customers \
             WHERE workspace_id = $1 AND id = $2",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        customer_row(&row)
    }
}
