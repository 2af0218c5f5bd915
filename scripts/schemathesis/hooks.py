"""Schemathesis hooks for taith's API fuzzing (`scripts/schemathesis.sh`).

Read from the JSON file named by `TAITH_ST_CONTEXT`, written by the script for each principal:

- `expect`: `ok` (a member or token of the workspace), `unauthenticated` (no credentials: every
  answer must be 401) or `not_found` (a member of another workspace naming this one in
  `X-Taith-Workspace`: every answer must be 404).
- `known`: real identifiers to put into path parameters now and then, so that operations on one
  journey, stage, member, … reach the handler's logic instead of stopping at a 404. Per
  parameter name a list of values; `stages` and `touchpoints` map a journey to its own.
- `stats`: a file to write, at exit, how many answers of each status the run got, how many
  requests named real identifiers and how many cross-workspace probes were sent.
- `foreign`: identifiers and strings of *another* workspace (the demo's, for its neighbour's
  member): no answer may contain one, and a request whose path names one must be answered
  exactly as the same request naming made-up identifiers (sent as a probe), never with 2xx.

The checks are registered under the names the script passes to `--checks`.
"""

import atexit
import collections
import json
import os
import threading
import uuid

import schemathesis
from hypothesis import strategies as st

_path = os.environ.get("TAITH_ST_CONTEXT")
CONTEXT = json.load(open(_path, encoding="utf-8")) if _path else {}
EXPECT = CONTEXT.get("expect", "ok")
KNOWN = CONTEXT.get("known", {})
FOREIGN = [m for m in CONTEXT.get("foreign", []) if m]
FOREIGN_SET = set(FOREIGN)
KNOWN_SET = {
    v
    for values in KNOWN.values()
    for v in (
        [i for ids in values.values() for i in ids] + list(values)
        if isinstance(values, dict)
        else values
    )
}


@schemathesis.serializer("message/rfc822")
def _raw_message(ctx, value):
    """The body of `POST /api/v1/inbound/email/{workspace}`: a raw message, which the schema
    describes as a string. Sent as its UTF-8 bytes (anything else the generator makes, as its
    JSON), so that the operation is fuzzed instead of erroring for want of a serializer."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "replace")
    return json.dumps(value).encode("utf-8")


STATUSES = collections.Counter()
COUNTS = collections.Counter()
_lock = threading.Lock()


@schemathesis.hook
def after_call(context, case, response):
    params = case.path_parameters if isinstance(case.path_parameters, dict) else {}
    with _lock:
        STATUSES[str(response.status_code)] += 1
        if any(isinstance(v, str) and v in KNOWN_SET for v in params.values()):
            COUNTS["real_ids"] += 1


def _write_stats():
    if CONTEXT.get("stats"):
        with open(CONTEXT["stats"], "w", encoding="utf-8") as f:
            json.dump({"statuses": dict(sorted(STATUSES.items())), **COUNTS}, f)


atexit.register(_write_stats)

# Path parameters that name one thing by id; `version` (a revision number) is left generated.
SINGLE = [
    "journey_id",
    "persona_id",
    "survey_id",
    "user_id",
    "response_id",
    "theme_id",
    "customer_id",
]


def _substitutions(names):
    """Complete sets of known values for an operation's path parameters."""
    names = set(names)
    if "journey_id" in names and ({"stage_id", "touchpoint_id"} & names):
        child = "stage_id" if "stage_id" in names else "touchpoint_id"
        table = KNOWN.get("stages" if child == "stage_id" else "touchpoints", {})
        return [{"journey_id": j, child: c} for j, ids in sorted(table.items()) for c in ids]
    subs = []
    for name in SINGLE:
        if name in names:
            subs.extend({name: v} for v in KNOWN.get(name, []))
    return subs


@schemathesis.hook
def flatmap_path_parameters(context, path_parameters):
    if not isinstance(path_parameters, dict) or not path_parameters:
        return st.just(path_parameters)
    subs = _substitutions(path_parameters)
    if not subs:
        return st.just(path_parameters)
    known = st.sampled_from(subs).map(lambda s: {**path_parameters, **s})
    return st.one_of(st.just(path_parameters), known)


def _documented_method(case):
    """Whether the case uses its operation's own method: the coverage phase also sends other
    methods to each path, which rightly answer 405 whoever asks."""
    return case.method.upper() == case.operation.method.upper()


def _body_text(response):
    try:
        return response.content.decode("utf-8", "replace")
    except AttributeError:
        return response.text or ""


if EXPECT == "unauthenticated":

    @schemathesis.check
    def taith_refused_without_credentials(ctx, response, case):
        """Without valid credentials every API operation answers 401."""
        if _documented_method(case) and response.status_code != 401:
            raise AssertionError(
                f"expected 401 without valid credentials, got {response.status_code}"
            )


if EXPECT == "not_found":

    @schemathesis.check
    def taith_foreign_workspace_is_not_found(ctx, response, case):
        """A workspace the user is not a member of answers exactly like one that does not exist."""
        if _documented_method(case) and response.status_code != 404:
            raise AssertionError(
                f"expected 404 for a workspace the user is not a member of, got {response.status_code}"
            )


if FOREIGN:

    @schemathesis.check
    def taith_no_foreign_data(ctx, response, case):
        """Nothing of another workspace is shown, and its things cannot be reached by id."""
        body = _body_text(response)
        leaked = sorted({m for m in FOREIGN if m in body})
        if leaked:
            raise AssertionError(f"the answer contains another workspace's data: {leaked[:5]}")
        params = case.path_parameters if isinstance(case.path_parameters, dict) else {}
        named = {k: v for k, v in params.items() if isinstance(v, str) and v in FOREIGN_SET}
        if not named or not _documented_method(case):
            return
        # The same request with made-up identifiers in their place must be answered alike:
        # another workspace's things are indistinguishable from things that do not exist.
        probe = case.derive(keep_auth=True)
        object.__setattr__(
            probe, "path_parameters", {**params, **{k: str(uuid.uuid4()) for k in named}}
        )
        kwargs = dict(ctx.internals.transport_kwargs or {})
        unknown = probe.call(**kwargs)
        with _lock:
            COUNTS["foreign_probes"] += 1
        if unknown.status_code != response.status_code:
            raise AssertionError(
                f"a path naming another workspace's {', '.join(named)} answered "
                f"{response.status_code}, but made-up ones answer {unknown.status_code}"
            )
        if 200 <= response.status_code < 300:
            raise AssertionError(f"a path naming another workspace's {', '.join(named)} succeeded")
