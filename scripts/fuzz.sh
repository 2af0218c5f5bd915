#!/usr/bin/env bash
# Fuzzes taith's parsers at the edge (fuzz/fuzz_targets/*.rs) with cargo-fuzz, one target after
# the other for N seconds each (default 300), and prints per target the executions, the
# corpus size and whether a crash was found. Needs the nightly toolchain; installs cargo-fuzz
# when it is missing. Not run by CI: run it by hand, and keep every crash it finds as a unit
# test in the crate that owns the parser (see fuzz/README.md).
#
#   scripts/fuzz.sh              # every target, 300 s each
#   scripts/fuzz.sh 60           # every target, 60 s each
#   scripts/fuzz.sh 600 locale   # only the named targets
#
# New corpus entries land in fuzz/corpus/<target>/ (the committed seeds stay there too);
# crashing inputs in fuzz/artifacts/<target>/, logs in fuzz/artifacts/<target>.log.
set -euo pipefail

seconds="${1:-300}"
shift || true
cd "$(dirname "$0")/.."

if ! rustup toolchain list | grep -q '^nightly'; then
    echo "fuzz.sh: the nightly toolchain is needed: rustup toolchain install nightly" >&2
    exit 2
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo +nightly fuzz list)
fi

cargo +nightly fuzz build

status=0
printf '%-16s %8s %12s %9s %8s  %s\n' target seconds executions exec/s corpus result
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
    log="fuzz/artifacts/$t.log"
    dict=()
    if [ -f "fuzz/dicts/$t.dict" ]; then
        dict=("-dict=fuzz/dicts/$t.dict")
    fi
    started=$(date +%s)
    if cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- \
        -max_total_time="$seconds" -print_final_stats=1 -max_len=8192 -timeout=30 \
        "${dict[@]}" >"$log" 2>&1; then
        result="no crash"
    else
        result="CRASH: see $log and fuzz/artifacts/$t/"
        status=1
    fi
    took=$(($(date +%s) - started))
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    if [ -z "$execs" ]; then
        execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
    fi
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    corpus=$(find "fuzz/corpus/$t" -type f | wc -l)
    printf '%-16s %8s %12s %9s %8s  %s\n' "$t" "$took" "${execs:-?}" "${rate:-?}" "$corpus" "$result"
done
exit "$status"
