//! The audit log: recording ([`layer`]), the owners' page with its CSV and retention setting
//! ([`pages`]) and the API ([`api`], [`wire`]). The rules are in `taith_app::audit`.

pub mod api;
pub mod layer;
pub mod pages;
pub mod wire;

use crate::http::routes::Routes;
use taith_domain::AuditEntryId;
use time::OffsetDateTime;

/// The audit log page, its CSV and its retention form.
pub fn routes(r: Routes) -> Routes {
    r.get("/w/{slug}/audit", pages::page)
        .get("/w/{slug}/audit.csv", pages::csv)
        .post("/w/{slug}/audit/retention", pages::save_retention)
}

/// The cursor of the next page: the last entry's time (microseconds) and id, `{micros}.{id}`.
pub fn cursor(at: OffsetDateTime, id: AuditEntryId) -> String {
    format!("{}.{id}", at.unix_timestamp_nanos() / 1_000)
}

/// A cursor read back; None when it is not one.
pub fn read_cursor(s: &str) -> Option<(OffsetDateTime, AuditEntryId)> {
    let (micros, id) = s.split_once('.')?;
    let micros: i128 = micros.parse().ok()?;
    let at = OffsetDateTime::from_unix_timestamp_nanos(micros.checked_mul(1_000)?).ok()?;
    Some((at, id.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_reads_back_and_junk_is_none() {
        let at = taith_domain::now();
        let id = AuditEntryId::new();
        assert_eq!(read_cursor(&cursor(at, id)), Some((at, id)));
        for junk in ["", "12", "x.y", "99999999999999999999999.0"] {
            assert_eq!(read_cursor(junk), None, "{junk}");
        }
    }
}
