-- "We did" on a case root cause, PostgreSQL flavour. Keep it in step with
-- crates/taith-store-sqlite/migrations/0013_change_root_causes.sql. Widens a check and adds an
-- index; drops no data.

-- A change may act on a root cause (taith_domain::ChangeSource::RootCause).
ALTER TABLE changes DROP CONSTRAINT changes_source_kind_check;
ALTER TABLE changes ADD CONSTRAINT changes_source_kind_check
    CHECK (source_kind IN ('feature_request', 'theme', 'root_cause'));

-- Serves change_audience of a root cause (the cases naming it).
CREATE INDEX cases_by_root_cause ON cases (workspace_id, root_cause_id);
