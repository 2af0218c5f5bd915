#!/usr/bin/env bash
# The load test: builds taith in release and runs `taith bench load`, an open-loop generator
# (fixed schedule, latency from each request's scheduled send time, so no coordinated
# omission) against a `taith serve` child process on a fresh SQLite store in ./taith-bench/load:
# POST /api/v1/responses, one response each with a write token and a unique client id,
#   steady   R/s for 120 s   → requests, achieved rate, p50/p99/p99.9/max, status counts
#   overload 3R/s for 60 s   → only 2xx, 429 or 503 may come back, no transport errors
#   recovery R/s for 20 s    → per-second p99 back within 2 × the steady p99 in ≤ 10 s
# and the server's RSS every second. Exits non-zero when a criterion fails.
#
#   scripts/load.sh                          # R = 2000/s (the default), a rate the 2-core
#                                            # reference machine holds comfortably on SQLite
#   scripts/load.sh --rate 1000              # any `taith bench load` option overrides
#   scripts/load.sh --rate 1000 --postgres-url postgres://postgres@127.0.0.1:5432/scratch
#   scripts/load.sh --steady-secs 20 --overload-secs 10 --recovery-secs 10   # a quick look
#
# See `taith bench load --help` for the connection pool (2,048 keep-alive connections, the
# most requests in flight) and the generator's backlog bound.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release -p taith
exec target/release/taith bench load "$@"
