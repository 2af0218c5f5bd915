"""The data the schemathesis hooks (`hooks.py`) work with, for `scripts/schemathesis.sh`.

  context.py collect BASE_URL TOKEN
      Prints, as JSON, one workspace's identifiers as the API lists them to TOKEN: `known`
      (path parameter values per name, and each journey's stages and touchpoints) and
      `markers` (every identifier, plus its name and its members' e-mail addresses: what must
      never appear in another workspace's answers).

  context.py compose EXPECT [--known FILE]... [--foreign FILE] [--stats FILE]
      Prints the context of one principal's run (see hooks.py) from collected files.
"""

import argparse
import json
import urllib.request


def get(base, token, path):
    req = urllib.request.Request(
        base.rstrip("/") + path, headers={"Authorization": f"Bearer {token}"}
    )
    with urllib.request.urlopen(req, timeout=30) as res:
        return json.load(res)


def listed(base, token, path, key):
    items, cursor = [], ""
    while True:
        sep = "&" if "?" in path else "?"
        page = get(base, token, f"{path}{sep}limit=500&cursor={cursor}")
        items += page[key]
        cursor = page.get("next_cursor")
        if not cursor:
            return items


def collect(base, token):
    ws = get(base, token, "/api/v1/workspace")["workspace"]
    members = listed(base, token, "/api/v1/members", "members")
    personas = listed(base, token, "/api/v1/personas", "personas")
    surveys = listed(base, token, "/api/v1/surveys", "surveys")
    journeys = [
        get(base, token, f"/api/v1/journeys/{j['id']}")["journey"]
        for j in listed(base, token, "/api/v1/journeys", "journeys")
    ]
    stages = {j["id"]: [s["id"] for s in j["stages"]] for j in journeys}
    touchpoints = {
        j["id"]: [t["id"] for t in listed(base, token, f"/api/v1/journeys/{j['id']}/touchpoints", "touchpoints")]
        for j in journeys
    }
    themes = get(base, token, "/api/v1/themes?include_hidden=true&period=year")["themes"]
    responses = []
    customers = []
    for s in surveys:
        page = get(base, token, f"/api/v1/responses?survey_id={s['id']}&limit=5")
        responses += [r["id"] for r in page["responses"]]
        customers += [r["customer_id"] for r in page["responses"] if r.get("customer_id")]
    known = {
        "journey_id": [j["id"] for j in journeys],
        "persona_id": [p["id"] for p in personas],
        "survey_id": [s["id"] for s in surveys],
        "user_id": [m["id"] for m in members],
        "response_id": responses,
        "customer_id": sorted(set(customers)),
        "theme_id": [t["id"] for t in themes],
        "stages": stages,
        "touchpoints": touchpoints,
    }
    markers = [ws["id"], ws["name"]]
    markers += [m["id"] for m in members] + [m["email"] for m in members]
    markers += known["journey_id"] + known["persona_id"] + known["survey_id"] + responses
    markers += known["customer_id"]
    markers += known["theme_id"]
    markers += [s["public_id"] for s in surveys]
    markers += [i for ids in stages.values() for i in ids]
    markers += [i for ids in touchpoints.values() for i in ids]
    return {"known": known, "markers": sorted(set(markers))}


def merge_known(parts):
    out = {}
    for known in parts:
        for name, values in known.items():
            if isinstance(values, dict):
                out.setdefault(name, {}).update(values)
            else:
                out.setdefault(name, []).extend(values)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("collect")
    c.add_argument("base")
    c.add_argument("token")
    p = sub.add_parser("compose")
    p.add_argument("expect", choices=["ok", "unauthenticated", "not_found"])
    p.add_argument("--known", action="append", default=[])
    p.add_argument("--foreign")
    p.add_argument("--stats")
    args = parser.parse_args()
    if args.command == "collect":
        print(json.dumps(collect(args.base, args.token)))
        return
    load = lambda f: json.load(open(f, encoding="utf-8"))
    context = {
        "expect": args.expect,
        "known": merge_known(load(f)["known"] for f in args.known),
        "foreign": load(args.foreign)["markers"] if args.foreign else [],
        "stats": args.stats,
    }
    print(json.dumps(context))


if __name__ == "__main__":
    main()
