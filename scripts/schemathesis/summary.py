"""Prints the table of a `scripts/schemathesis.sh` run; exits 1 if any principal's run failed.

Usage: summary.py RUN_DIR PRINCIPAL...

Reads, for each principal, RUN_DIR/PRINCIPAL/report/json-*.json (schemathesis's JSON report),
RUN_DIR/PRINCIPAL/stats.json (answers per status and other counts, from hooks.py) and
RUN_DIR/PRINCIPAL/exit (schemathesis's exit code).

Columns: operations tested of those in the document; test cases schemathesis generated;
requests the hooks saw (the test cases' requests and the cross-workspace probes; not the
ignored_auth check's own probes); answers by status class; requests whose path named a real
identifier; cross-workspace probes; unique failures and errors.
"""

import glob
import json
import os
import sys


def load(run_dir, name):
    d = os.path.join(run_dir, name)
    reports = sorted(glob.glob(os.path.join(d, "report", "json-*.json")))
    report = json.load(open(reports[-1], encoding="utf-8")) if reports else None
    try:
        stats = json.load(open(os.path.join(d, "stats.json"), encoding="utf-8"))
    except OSError:
        stats = {}
    try:
        code = int(open(os.path.join(d, "exit"), encoding="utf-8").read().strip())
    except (OSError, ValueError):
        code = None
    return report, stats, code


def status_classes(statuses):
    out = {}
    for status, n in statuses.items():
        key = f"{status[0]}xx"
        out[key] = out.get(key, 0) + n
    return out


def main():
    run_dir, names = sys.argv[1], sys.argv[2:]
    header = [
        "principal", "operations", "test cases", "requests", "2xx", "4xx", "5xx",
        "real ids", "x-ws probes", "failures", "result",
    ]
    rows, failed, seed, version = [], False, None, None
    for name in names:
        report, stats, code = load(run_dir, name)
        statuses = stats.get("statuses", {})
        classes = status_classes(statuses)
        if report is None:
            rows.append([name] + ["-"] * (len(header) - 2) + [f"no report (exit {code})"])
            failed = True
            continue
        seed = report.get("seed", seed)
        version = report.get("schemathesis_version", version)
        ops = report["operations"]
        cases = report["test_cases"]
        failures = cases["unique_failures"] + cases["errored"] + ops["errored"]
        ok = code == 0 and failures == 0 and report.get("complete")
        failed |= not ok
        rows.append([
            name,
            f"{ops['tested']}/{ops['total']}",
            str(cases["generated"]),
            str(sum(statuses.values())),
            str(classes.get("2xx", 0)),
            str(classes.get("4xx", 0)),
            str(classes.get("5xx", 0)),
            str(stats.get("real_ids", 0)),
            str(stats.get("foreign_probes", 0)),
            str(failures),
            "ok" if ok else f"FAILED (exit {code})",
        ])
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()
    print(f"schemathesis {version}, seed {seed}")
    print(line(header))
    print(line(["-" * w for w in widths]))
    for r in rows:
        print(line(r))
    extra = {}
    for name in names:
        statuses = load(run_dir, name)[1].get("statuses", {})
        for status in ("429", "503"):
            if statuses.get(status):
                extra.setdefault(status, []).append(f"{name}: {statuses[status]}")
    for status, where in extra.items():
        print(f"note: {status} answers (rate limit / load shedding): {', '.join(where)}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
