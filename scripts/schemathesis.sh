#!/usr/bin/env bash
# API contract fuzzing: schemathesis against /api/v1/openapi.json, once per principal.
#
#   scripts/schemathesis.sh
#
# Builds taith, seeds a store with the demo workspace (its owner, admin, agent and viewer, and an
# analyst added), a read and a write token, and a second workspace ("other") with its own owner.
# Then for each principal it starts a fresh copy of that store on a free port and runs
# schemathesis against it (every phase: examples, coverage, fuzzing, stateful), so that no
# principal's run sees another's changes. It prints a table of the runs at the end.
#
# Checks on every run: not_a_server_error (no 5xx), status_code_conformance (only documented
# statuses), response_schema_conformance (bodies match the schema), content_type_conformance,
# response_headers_conformance, and ignored_auth (each operation is sent again without and with
# wrong credentials and must then be refused). Per principal, from hooks.py:
#   anonymous      every answer is 401 (taith_refused_without_credentials)
#   other-in-demo  a member of "other" naming "demo" in X-Taith-Workspace: every answer is 404
#                  (taith_foreign_workspace_is_not_found)
#   other, other-in-demo, anonymous
#                  no answer contains any identifier, name or e-mail of the demo workspace, and
#                  a path naming a demo identifier is answered as one naming a made-up
#                  identifier, never with success (taith_no_foreign_data)
# Path parameters are now and then set to real identifiers (of the demo, and for "other" of both
# workspaces) so that operations on one journey, stage, member, … reach their logic.
# No operation is excluded.
#
# Environment:
#   TAITH_FUZZ_EXAMPLES    test cases per operation and phase (--max-examples), default 50
#   TAITH_FUZZ_SEED        the seed, default 20261124 (printed; rerun with it to reproduce)
#   TAITH_FUZZ_PRINCIPALS  a space-separated subset of the principals below
#   TAITH_FUZZ_KEEP=1      keep the work directory (stores, server logs, reports)
#   TAITH_FUZZ_CHECKS      schemathesis's checks instead of the ones above (the principals'
#                          own checks are added to them)
#
# Exits non-zero if any principal's run has a failure. 429 answers would come from the rate
# limits of the public forms and the sign-in, which the API does not have; the table notes any.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

ST_VERSION=4.32.5
examples=${TAITH_FUZZ_EXAMPLES:-50}
seed=${TAITH_FUZZ_SEED:-20261124}
all_principals="owner admin analyst agent viewer read-token write-token anonymous other-in-demo other"
principals=${TAITH_FUZZ_PRINCIPALS:-$all_principals}
checks=${TAITH_FUZZ_CHECKS:-not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance,response_headers_conformance,ignored_auth}

# --- tools -------------------------------------------------------------------------------------
venv="$root/target/schemathesis-venv"
if ! "$venv/bin/st" --version 2>/dev/null | grep -qF "$ST_VERSION"; then
  echo "== installing schemathesis $ST_VERSION into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==$ST_VERSION"
fi
py="$venv/bin/python"
here="$root/scripts/schemathesis"

echo "== cargo build -p taith"
cargo build -p taith
work=$(mktemp -d "${TMPDIR:-/tmp}/taith-schemathesis.XXXXXX")
bin="$work/taith"
cp target/debug/taith "$bin"

server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
cleanup() {
  stop_server
  if [ "${TAITH_FUZZ_KEEP:-}" = 1 ]; then
    echo "work directory kept: $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts taith on a data directory; sets server_pid and base.
start_server() {
  local dir=$1 port
  port=$(free_port)
  base="http://127.0.0.1:$port"
  "$bin" --data-dir "$dir" serve --listen "127.0.0.1:$port" >"$dir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    if curl -sf -o /dev/null "$base/api/v1/openapi.json"; then return 0; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
    sleep 0.2
  done
  echo "taith did not start; its log:" >&2
  cat "$dir/server.log" >&2
  exit 1
}

# --- the store every run starts from -----------------------------------------------------------
echo "== seeding the store"
seed_dir="$work/seed"
password="fuzz-Pa55word-2026"
"$bin" --data-dir "$seed_dir" demo >/dev/null
# The demo's own people where it has them (Megan, the agent, owns a touchpoint she may edit);
# the demo has no analyst, so one is added.
declare -A email=(
  [owner]=sian@becws.example [admin]=rhys@becws.example [agent]=megan@becws.example
  [viewer]=owain@becws.example [analyst]=fuzz-analyst@becws.example [other]=owner@other.example
)
declare -A secret=(
  [owner]=taith-demo-2026 [admin]=taith-demo-2026 [agent]=taith-demo-2026
  [viewer]=taith-demo-2026 [analyst]=$password [other]=$password
)
echo "$password" | "$bin" --data-dir "$seed_dir" user create --workspace demo \
  --email "${email[analyst]}" --name "Fuzz Analyst" --role analyst --password-stdin >/dev/null
echo "$password" | "$bin" --data-dir "$seed_dir" user create --workspace other \
  --workspace-name "Other Ltd" --email "${email[other]}" --name "Other Owner" --password-stdin >/dev/null
read_token=$("$bin" --data-dir "$seed_dir" token create --workspace demo --scope read --name fuzz-read | tail -n1)
write_token=$("$bin" --data-dir "$seed_dir" token create --workspace demo --scope write --name fuzz-write | tail -n1)
other_token=$("$bin" --data-dir "$seed_dir" token create --workspace other --scope write --name fuzz-seed | tail -n1)

# A little data of the other workspace's own, then both workspaces' identifiers.
start_server "$seed_dir"
api_post() {
  curl -sf -X POST -H "Authorization: Bearer $other_token" -H 'Content-Type: application/json' \
    -d "$2" "$base$1"
}
persona=$(api_post /api/v1/personas '{"name": "Other customer"}' | "$py" -c 'import json,sys; print(json.load(sys.stdin)["persona"]["id"])')
api_post /api/v1/journeys "{\"name\": \"Other journey\", \"persona_id\": \"$persona\", \"stage_model\": \"five_stage\"}" >/dev/null
"$py" "$here/context.py" collect "$base" "$write_token" >"$work/demo.json"
"$py" "$here/context.py" collect "$base" "$other_token" >"$work/other.json"
stop_server

# --- one run per principal ---------------------------------------------------------------------
echo "== schemathesis $ST_VERSION: $examples examples per operation, seed $seed"
for p in $principals; do
  dir="$work/$p"
  mkdir -p "$dir"
  cp -a "$seed_dir" "$dir/store"
  start_server "$dir/store"
  args=(--generation-with-security-parameters false)
  extra_checks=""
  case $p in
    owner | admin | analyst | agent | viewer | other-in-demo | other)
      who=$p
      case $p in other*) who=other ;; esac
      signed_in=$(echo "${secret[$who]}" | "$py" "$here/session.py" "$base" "${email[$who]}")
      read -r session csrf <<<"$signed_in"
      workspace=demo
      [ "$p" = other ] && workspace=other
      args+=(-H "Cookie: taith_session=$session" -H "X-Taith-Workspace: $workspace" -H "X-CSRF-Token: $csrf")
      ;;
    read-token) args+=(-H "Authorization: Bearer $read_token") ;;
    write-token) args+=(-H "Authorization: Bearer $write_token") ;;
    # Generated credentials are wrong credentials: they must be refused too.
    anonymous) args=() ;;
    *) echo "unknown principal $p" >&2; exit 2 ;;
  esac
  case $p in
    anonymous)
      "$py" "$here/context.py" compose unauthenticated --known "$work/demo.json" \
        --foreign "$work/demo.json" --stats "$dir/stats.json" >"$dir/context.json"
      extra_checks=,taith_refused_without_credentials,taith_no_foreign_data
      ;;
    other-in-demo)
      "$py" "$here/context.py" compose not_found --known "$work/demo.json" \
        --foreign "$work/demo.json" --stats "$dir/stats.json" >"$dir/context.json"
      extra_checks=,taith_foreign_workspace_is_not_found,taith_no_foreign_data
      ;;
    other)
      "$py" "$here/context.py" compose ok --known "$work/other.json" --known "$work/demo.json" \
        --foreign "$work/demo.json" --stats "$dir/stats.json" >"$dir/context.json"
      extra_checks=,taith_no_foreign_data
      ;;
    *)
      "$py" "$here/context.py" compose ok --known "$work/demo.json" \
        --stats "$dir/stats.json" >"$dir/context.json"
      ;;
  esac
  echo "-- $p"
  set +e
  (
    cd "$dir"
    TAITH_ST_CONTEXT="$dir/context.json" SCHEMATHESIS_HOOKS=hooks PYTHONPATH="$here" \
      "$venv/bin/st" run "$base/api/v1/openapi.json" \
      --checks "$checks$extra_checks" \
      --max-examples "$examples" --seed "$seed" --workers 1 \
      --generation-database none --no-color \
      --report json,junit --report-dir "$dir/report" \
      "${args[@]}"
  ) >"$dir/schemathesis.log" 2>&1
  echo $? >"$dir/exit"
  set -e
  stop_server
  grep -E '^ *(Tested:|[0-9]+ generated)' "$dir/schemathesis.log" || true
  if [ "$(cat "$dir/exit")" != 0 ]; then
    # The failures, each with a curl command that reproduces it (the whole log is kept with
    # TAITH_FUZZ_KEEP=1).
    sed -n '/= FAILURES =/,/= WARNINGS =/p' "$dir/schemathesis.log" | sed -n 1,300p || true
  fi
done

echo "== summary"
"$py" "$here/summary.py" "$work" $principals
