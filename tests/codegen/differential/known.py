"""The listed disagreements (`known_disagreements.yaml`) and how a result is checked against them.

A rule matches disagreements by glob patterns (`fnmatch`; `schema`, `case` and `error` may
be lists, any of which matches) on the spec, mode, schema, case and the first validation
error; `ours` narrows it to one direction. A rule with
`failure:` instead matches a spec where one side could not be generated at all. Every rule
has a `category`:

- `deliberate-leniency`: we accept what the spec forbids, on purpose (README, "Models").
- `deliberate-reading`: the letter of JSON Schema says one thing and every reader (both
  generators) does the obvious other.
- `dcg-limitation`: datamodel-code-generator's reading is the one that is wrong.
- `generator-bug`: ours is wrong; the entry says where, and goes when the bug is fixed.

Rules are tried in file order; the first that matches lists the disagreement. A rule naming
one spec (no wildcard) that matches nothing in a run of that spec is stale: the run fails
until it is deleted, so fixed bugs do not leave their excuses behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import yaml

__all__ = ["CATEGORIES", "Checked", "Rule", "check", "load_rules"]

FILE = Path(__file__).with_name("known_disagreements.yaml")
CATEGORIES = ("deliberate-leniency", "deliberate-reading", "dcg-limitation", "generator-bug")
_KEYS = {"id", "category", "reason", "spec", "mode", "schema", "case", "ours", "error", "failure"}


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    reason: str
    spec: str = "*"
    mode: str = "*"
    schema: str | list[str] = "*"
    case: str | list[str] = "*"
    ours: str = "*"
    error: str | list[str] = "*"
    failure: str | None = None

    def matches(self, spec: str, item: dict[str, Any]) -> bool:
        return (
            self.failure is None
            and _glob(spec, self.spec)
            and _glob(item["mode"], self.mode)
            and _glob(item["schema"], self.schema)
            and _glob(item["case"], self.case)
            and _glob(item["ours"], self.ours)
            and _glob(item["error"], self.error)
        )


def _glob(value: str, patterns: str | list[str]) -> bool:
    """`fnmatch` against one pattern or any of a list."""
    if isinstance(patterns, str):
        return fnmatchcase(value, patterns)
    return any(fnmatchcase(value, pattern) for pattern in patterns)


def load_rules(path: Path = FILE) -> list[Rule]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    rules = []
    seen: set[str] = set()
    for index, entry in enumerate(raw):
        where = f"{path.name}, entry {index + 1}"
        unknown = set(entry) - _KEYS
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
        for key in ("id", "category", "reason"):
            if not entry.get(key):
                raise ValueError(f"{where}: `{key}` is required")
        if entry["category"] not in CATEGORIES:
            raise ValueError(f"{where}: category must be one of {CATEGORIES}")
        if entry["id"] in seen:
            raise ValueError(f"{where}: duplicate id {entry['id']!r}")
        seen.add(entry["id"])
        rules.append(Rule(**{k: str(v).strip() if k == "reason" else v for k, v in entry.items()}))
    return rules


@dataclass
class Checked:
    """A run's result sorted against the rules."""

    spec: str
    listed: dict[str, int]  # rule id -> disagreements it covers
    unlisted: list[dict[str, Any]]
    failure_rule: str | None  # the rule listing a side's failure, if the run failed
    stale: list[str]  # ids of rules for this spec that matched nothing

    def problems(self, result: dict[str, Any]) -> list[str]:
        out = []
        if result.get("failure") and self.failure_rule is None:
            out.append(f"a side failed and no rule lists it: {result['failure']}")
        out += [f"crash: {c}" for c in result.get("crashes", [])]
        for item in self.unlisted[:40]:
            out.append(
                f"unlisted: {item['mode']} {item['schema']} {item['case']}: ours {item['ours']}, "
                f"datamodel-code-generator {item['dcg']}, spec {item['spec']} "
                f"({item['error']}) {item['instance']}"
            )
        if len(self.unlisted) > 40:
            out.append(f"... and {len(self.unlisted) - 40} more unlisted")
        out += [f"stale rule (matches nothing; delete it): {rule}" for rule in self.stale]
        return out


def check(result: dict[str, Any], rules: list[Rule]) -> Checked:
    spec = result["spec"]
    listed: dict[str, int] = {}
    unlisted = []
    for item in result.get("disagreements", []):
        rule = next((r for r in rules if r.matches(spec, item)), None)
        if rule is None:
            unlisted.append(item)
        else:
            listed[rule.id] = listed.get(rule.id, 0) + 1
    failure_rule = None
    if result.get("failure"):
        failure_rule = next(
            (
                r.id
                for r in rules
                if r.failure is not None
                and fnmatchcase(spec, r.spec)
                and fnmatchcase(result["failure"], r.failure)
            ),
            None,
        )
    own = [r for r in rules if r.spec == spec]
    if result.get("failure"):  # nothing was compared: only the failure rule can be checked
        stale = [r.id for r in own if r.failure is not None and r.id != failure_rule]
    else:
        stale = [r.id for r in own if r.id not in listed]
    return Checked(spec, listed, unlisted, failure_rule, stale)
