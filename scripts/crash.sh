#!/usr/bin/env bash
# The crash campaign on both stores: clients submit responses with unique keys while the real
# `taith serve` process is SIGKILLed at random moments (50–400 ms after each restart) and
# restarted; a backup is taken under that load (`taith backup` on SQLite, `pg_dump` on
# PostgreSQL) and restored into a new instance that must work. Prints per store the kills, the
# acknowledged submissions, lost and duplicated ones, the integrity checks after every kill
# (PRAGMA integrity_check on SQLite, amcheck on PostgreSQL), the restart times and whether the
# backup restored; fails when anything acknowledged is lost or doubled, an integrity check
# fails, a restart takes 5 s or more, or the backup does not restore.
#
#   scripts/crash.sh                                   # ≥ 50 kills, ≥ 10,000 acknowledged
#   TAITH_CRASH_KILLS=100 TAITH_CRASH_ACKS=20000 scripts/crash.sh
#   TAITH_TEST_POSTGRES_URL=postgres://u@host:5432/db scripts/crash.sh
#
# Also TAITH_CRASH_CLIENTS (concurrent submitters, default 8) and TAITH_CRASH_SEED (the kill
# times; each run prints its seed). PostgreSQL needs a server where the URL's user may create
# databases (one fresh database per run, dropped afterwards), and pg_dump/pg_restore
# (apt-get install postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/.."

export TAITH_TEST_POSTGRES_URL="${TAITH_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
export TAITH_CRASH_KILLS="${TAITH_CRASH_KILLS:-50}"
export TAITH_CRASH_ACKS="${TAITH_CRASH_ACKS:-10000}"

# One at a time (--test-threads=1): the two campaigns would otherwise share two cores and
# each other's timing.
cargo test --release -p taith --test it crash_campaign -- --ignored --nocapture --test-threads=1
