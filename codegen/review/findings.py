"""How one changed type affects its users: the rules of `review.diff` for types.

A type is met in one or both *roles*: an `input` is a value callers build (a parameter, a
TypedDict key), an `output` one they read (a return value, a model attribute). With `old` and
`new` compared as sets of values (`review.types.is_subtype`):

| change | input | output |
|---|---|---|
| same values, spelled differently | non-breaking | non-breaking |
| wider (new takes every old value and more) | non-breaking | breaking |
| narrower | breaking | non-breaking |
| different (neither) | breaking | breaking |
| may now be None | non-breaking | breaking |
| never None any more | breaking | non-breaking |
| enum values added | non-breaking | breaking when the enum is closed; when it is open (`Literal[...] | str`: the values were possible already) non-breaking and *flagged*, so a reviewer sees that code matching on the known values may want to handle the new ones |
| enum values removed | breaking | non-breaking |
| variants added to an open discriminated union | non-breaking | non-breaking (they parsed as its fallback model before) |
| variants removed | breaking | non-breaking |
| cannot be decided (aliases nested too deep) | unknown | unknown |

A type met in both roles takes the worse level. Each finding carries a phrase for the report.
"""

from __future__ import annotations

from dataclasses import dataclass

from .changes import Level, worst
from .surface import Role
from .types import FlatType, Scope, Undecidable, is_subtype

__all__ = ["Finding", "type_findings"]


@dataclass(frozen=True)
class Finding:
    """How a type changed: kind suffix (`type-changed`, `made-nullable`, ...), level, phrase."""

    kind: str
    level: Level
    phrase: str
    flagged: bool = False


def _level(roles: frozenset[Role], input_level: Level, output_level: Level) -> Level:
    levels = {"input": input_level, "output": output_level}
    return worst(levels[role] for role in roles)


def type_findings(
    old: FlatType, new: FlatType, roles: frozenset[Role], old_scope: Scope, new_scope: Scope
) -> list[Finding]:
    """Classify `old` -> `new` for a type used in `roles`; empty when nothing changed."""
    if old == new:
        return []
    try:
        return _findings(old, new, roles, old_scope, new_scope)
    except Undecidable as exc:
        phrase = f"type changed in a way that cannot be decided from the spec ({exc})"
        return [Finding("type-changed", "unknown", phrase)]


def _findings(
    old: FlatType, new: FlatType, roles: frozenset[Role], old_scope: Scope, new_scope: Scope
) -> list[Finding]:
    only_input = roles == {"input"}
    if old.others == new.others:
        out = _nullability(old, new, roles)
        added = [v for v in new.literals if v not in old.literals]
        removed = [v for v in old.literals if v not in new.literals]
        if added:
            others = FlatType(new.others)
            closed = not all(
                is_subtype(FlatType((a,)), others, new_scope, new_scope)
                for a in new.atoms
                if a.literal in added
            )
            text = f"enum values added: {', '.join(added)}"
            if "output" in roles:
                text += (
                    " (the enum is closed: code handling every value, like an exhaustive "
                    "`match`, no longer does)"
                    if closed
                    else " (the enum is open: the API could send them before, now they are named)"
                )
            level = _level(roles, "non-breaking", "breaking" if closed else "non-breaking")
            flagged = "output" in roles and not closed
            out.append(Finding("enum-values-added", level, text, flagged))
        if removed:
            text = f"enum values removed: {', '.join(removed)}"
            if "input" in roles:
                text += " (callers passing them fail type checking and API validation)"
            out.append(
                Finding("enum-values-removed", _level(roles, "breaking", "non-breaking"), text)
            )
        return out
    if old.is_open_union and new.is_open_union and old.literals == new.literals:
        return [*_nullability(old, new, roles), *_variants(old, new, roles)]
    widened = is_subtype(old, new, old_scope, new_scope)
    narrowed = is_subtype(new, old, new_scope, old_scope)
    if widened and narrowed:
        return [Finding("type-changed", "non-breaking", "type spelled differently, same values")]
    if widened:
        effect = "accepts more values" if only_input else "may hold values it could not before"
        return [
            Finding(
                "type-changed", _level(roles, "non-breaking", "breaking"), f"type widened: {effect}"
            )
        ]
    if narrowed:
        effect = "accepts fewer values" if only_input else "holds fewer values"
        return [
            Finding(
                "type-changed",
                _level(roles, "breaking", "non-breaking"),
                f"type narrowed: {effect}",
            )
        ]
    effect = (
        "values callers passed before may be rejected"
        if only_input
        else "code reading it as the old type breaks"
    )
    return [Finding("type-changed", "breaking", f"type changed to a different one: {effect}")]


def _variants(old: FlatType, new: FlatType, roles: frozenset[Role]) -> list[Finding]:
    """Members added to or removed from an open discriminated union."""
    out: list[Finding] = []
    added = [str(a) for a in new.others if not a.fallback and a not in old.others]
    removed = [str(a) for a in old.others if not a.fallback and a not in new.others]
    if added:
        text = f"union variants added: {', '.join(added)} (the union is open: they parsed as its "
        text += "fallback model before)"
        out.append(Finding("variants-added", "non-breaking", text))
    if removed:
        text = f"union variants removed: {', '.join(removed)}"
        out.append(Finding("variants-removed", _level(roles, "breaking", "non-breaking"), text))
    return out


def _nullability(old: FlatType, new: FlatType, roles: frozenset[Role]) -> list[Finding]:
    if old.nullable == new.nullable:
        return []
    if new.nullable:
        phrase = "now accepts None" if roles == {"input"} else "may now be None"
        return [Finding("made-nullable", _level(roles, "non-breaking", "breaking"), phrase)]
    phrase = "no longer accepts None" if roles == {"input"} else "is never None any more"
    return [Finding("made-non-nullable", _level(roles, "breaking", "non-breaking"), phrase)]
