"""Compare the SDK surfaces two specs produce and classify every change for Python callers.

`compare(old, new)` returns `Change`s sorted by subject; each is `breaking` (code that works
against the old SDK can fail, at run time or under a type checker), `non-breaking`, or `unknown`
(the types changed in a way whose effect depends on the values callers use). The rules:

- methods, resources, parameters, types and fields removed: breaking; added: non-breaking,
  except a new *required* parameter or TypedDict key (breaking);
- a parameter removed and another added in its place is reported once, as renamed (breaking);
- parameters and TypedDict keys are *inputs*: a type that accepts more values is non-breaking,
  fewer is breaking, and enum values removed are breaking;
- return types and model attributes are *outputs*: the reverse; an attribute that may now be
  None is breaking, and an enum value added to a response enum is breaking only when the enum is
  closed (`Literal[...]` without a `str` fallback);
- streaming removed or pagination removed: breaking; streaming added: non-breaking.

Rendering (Markdown for PR comments, JSON for machines) is in `review.report`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from .surface import Field, Method, Param, Role, Surface, TypeDef
from .types import FlatType, Resolver, is_subtype

__all__ = ["LEVELS", "Change", "Level", "compare"]

Level = Literal["breaking", "unknown", "non-breaking"]
LEVELS: tuple[Level, ...] = ("breaking", "unknown", "non-breaking")
_RANK = {level: index for index, level in enumerate(LEVELS)}


@dataclass(frozen=True)
class Change:
    """One difference between two SDK surfaces.

    `subject` is what changed (`client.projects.create`, `Model`), `element` the part of it
    (a parameter or field name; None for the subject itself), `where` locates the subject
    (`POST /projects`, `types/model.py`). `old`/`new` are printed values (types, signatures).
    """

    kind: str  # e.g. "param-removed", "field-made-nullable"
    level: Level
    subject: str
    where: str
    element: str | None
    old: str | None
    new: str | None
    reason: str

    @property
    def group(self) -> str:
        """`"methods"` for the client's resources and methods, `"types"` for `types/`."""
        return "methods" if self.subject.startswith("client.") else "types"


def compare(old: Surface, new: Surface) -> list[Change]:
    """Every change from `old` to `new`, sorted by group, subject, element and kind."""
    changes = [*_resources(old, new), *_methods(old, new), *_types(old, new)]
    return sorted(
        changes,
        key=lambda c: (c.group, c.subject, c.element or "", c.kind, c.old or "", c.new or ""),
    )


def _worst(levels: Iterable[Level]) -> Level:
    return min(levels, key=lambda level: _RANK[level])


def _code(text: object) -> str:
    return f"`{text}`"


# -------------------------------------------------------------------------------- types


@dataclass(frozen=True)
class _Finding:
    """How a type changed: kind suffix, level, and a phrase for the reason."""

    kind: str
    level: Level
    phrase: str


def _type_findings(
    old: FlatType,
    new: FlatType,
    roles: frozenset[Role],
    old_aliases: Resolver,
    new_aliases: Resolver,
) -> list[_Finding]:
    """Classify a changed type used in `roles` (`input`: callers pass it; `output`: they read it)."""
    if old == new:
        return []
    out: list[_Finding] = []
    if old.others == new.others:
        out += _nullability(old, new, roles)
        added = [v for v in new.literals if v not in old.literals]
        removed = [v for v in old.literals if v not in new.literals]
        if added:
            closed = not all(
                is_subtype(FlatType((a,)), FlatType(new.others), new_aliases, new_aliases)
                for a in new.atoms
                if a.literal in added
            )
            levels: dict[Role, Level] = {
                "input": "non-breaking",
                "output": "breaking" if closed else "non-breaking",
            }
            why = "the enum is closed, so code handling every value" if closed else "open enum"
            text = f"enum values added: {', '.join(added)}"
            if closed and "output" in roles:
                text += f" ({why} no longer does)"
            out.append(_Finding("enum-values-added", _worst(levels[r] for r in roles), text))
        if removed:
            levels = {"input": "breaking", "output": "non-breaking"}
            text = f"enum values removed: {', '.join(removed)}"
            if "input" in roles:
                text += " (callers passing them fail type checking and API validation)"
            out.append(_Finding("enum-values-removed", _worst(levels[r] for r in roles), text))
        return out
    if old.is_open_union and new.is_open_union and old.literals == new.literals:
        return [*_nullability(old, new, roles), *_variants(old, new, roles)]
    widened = is_subtype(old, new, old_aliases, new_aliases)
    narrowed = is_subtype(new, old, new_aliases, old_aliases)
    if widened and narrowed:
        return [_Finding("type-changed", "non-breaking", "type spelled differently, same values")]
    levels = {
        "input": "non-breaking" if widened else "breaking" if narrowed else "unknown",
        "output": "non-breaking" if narrowed else "breaking" if widened else "unknown",
    }
    how = "widened" if widened else "narrowed" if narrowed else "changed"
    effect = {
        "widened": "accepts more values" if roles == {"input"} else "may hold more values",
        "narrowed": "accepts fewer values" if roles == {"input"} else "holds fewer values",
        "changed": "values of the old type may not fit the new one",
    }[how]
    return [_Finding("type-changed", _worst(levels[r] for r in roles), f"type {how}: {effect}")]


def _variants(old: FlatType, new: FlatType, roles: frozenset[Role]) -> list[_Finding]:
    """Members added to or removed from an open discriminated union."""
    out: list[_Finding] = []
    added = [str(a) for a in new.others if not a.fallback and a not in old.others]
    removed = [str(a) for a in old.others if not a.fallback and a not in new.others]
    if added:
        text = f"union variants added: {', '.join(added)} (the union is open: they parsed as its "
        text += "fallback model before)"
        out.append(_Finding("variants-added", "non-breaking", text))
    if removed:
        levels: dict[Role, Level] = {"input": "breaking", "output": "non-breaking"}
        text = f"union variants removed: {', '.join(removed)}"
        out.append(_Finding("variants-removed", _worst(levels[r] for r in roles), text))
    return out


def _nullability(old: FlatType, new: FlatType, roles: frozenset[Role]) -> list[_Finding]:
    return [_nullable(new.nullable, roles)] if old.nullable != new.nullable else []


def _nullable(now_nullable: bool, roles: frozenset[Role]) -> _Finding:
    if now_nullable:
        levels: dict[Role, Level] = {"input": "non-breaking", "output": "breaking"}
        phrase = "now accepts None" if roles == {"input"} else "may now be None"
        return _Finding("made-nullable", _worst(levels[r] for r in roles), phrase)
    levels = {"input": "breaking", "output": "non-breaking"}
    phrase = "no longer accepts None" if roles == {"input"} else "is never None any more"
    return _Finding("made-non-nullable", _worst(levels[r] for r in roles), phrase)


@dataclass
class _Log:
    """Collects the changes of one subject (a method, a resource or a type)."""

    subject: str
    where: str
    changes: list[Change] = field(default_factory=list)

    def add(
        self,
        kind: str,
        level: Level,
        reason: str,
        element: str | None = None,
        old: object = None,
        new: object = None,
    ) -> None:
        """Record one change; `old`/`new` are printed with `str` (None stays None)."""
        was, now = (None if v is None else str(v) for v in (old, new))
        self.changes.append(
            Change(kind, level, self.subject, self.where, element, was, now, reason)
        )


def _types(old: Surface, new: Surface) -> Iterable[Change]:
    mirrors = {
        m.params_type
        for surface in (old, new)
        for m in surface.methods.values()
        if m.params_type is not None
    }
    for name in sorted(set(old.types) | set(new.types)):
        if name in mirrors:
            continue  # the method's own parameters; reported on the method
        before, after = old.types.get(name), new.types.get(name)
        log = _Log(name, after.module if after else before.module if before else "")
        if after is None and before is not None:
            why = "code importing it or annotating with it breaks"
            log.add("type-removed", "breaking", f"{_code(name)} no longer exists: {why}")
        elif before is None and after is not None:
            log.add("type-added", "non-breaking", f"new {after.kind} {_code(name)}")
        elif before is not None and after is not None:
            _type_diff(log, before, after, old, new)
        if not any(t.used for t in (before, after) if t is not None):
            note = " (no method uses this type)"
            log.changes = [replace(c, reason=c.reason + note) for c in log.changes]
        yield from log.changes


def _package(package: str, module: str) -> str:
    """The package that re-exports the names of `module`: `types/chat/x.py` -> `pkg.types.chat`."""
    return ".".join([package, *module.split("/")[:-1]])


def _type_diff(log: _Log, before: TypeDef, after: TypeDef, old: Surface, new: Surface) -> None:
    roles = before.roles | after.roles
    name = _code(after.name)
    if before.module != after.module:
        was, now = _package(old.package, before.module), _package(new.package, after.module)
        why = (
            f"`from {was} import {after.name}` breaks (use `from {now} import {after.name}`; "
            f"`from {new.package}.types import {after.name}` works in both)"
        )
        log.add("type-moved", "breaking", f"{name} moved: {why}", None, before.module, after.module)
    if before.kind != after.kind:
        why = f"{name} is now a {after.kind}, no longer a {before.kind}"
        log.add("type-kind-changed", "unknown", why, None, before.kind, after.kind)
        return
    if before.alias is not None and after.alias is not None:
        for finding in _type_findings(before.alias, after.alias, roles, old.alias, new.alias):
            reason = f"{name}: {finding.phrase}"
            log.add(f"alias-{finding.kind}", finding.level, reason, None, before.alias, after.alias)
        return
    bases_changed = before.bases != after.bases
    if bases_changed:
        why = "`isinstance` checks against the old base classes may fail"
        log.add("type-bases-changed", "unknown", why, None, before.bases, after.bases)
    fields_before, fields_after = old.all_fields(before.name), new.all_fields(after.name)
    names = {f.name for f in (*before.fields, *after.fields)}
    if bases_changed:
        names |= set(fields_before) | set(fields_after)
    for field_name in sorted(names):
        pair = fields_before.get(field_name), fields_after.get(field_name)
        _field_diff(log, after, field_name, *pair, roles, old, new)


def _field_diff(
    log: _Log,
    owner: TypeDef,
    name: str,
    before: Field | None,
    after: Field | None,
    roles: frozenset[Role],
    old: Surface,
    new: Surface,
) -> None:
    model = owner.kind == "model"
    label = _code(f"{owner.name}.{name}" if model else f"{owner.name}[{name!r}]")
    if after is not None and before is None:
        what = "attribute" if model else "required key" if after.required else "optional key"
        breaking = not model and after.required and "input" in roles
        why = ": dicts without it fail type checking" if breaking else ""
        level: Level = "breaking" if breaking else "non-breaking"
        log.add("field-added", level, f"new {what} {label}{why}", name, None, after.type)
        return
    if before is not None and after is None:
        why = (
            "reading it raises AttributeError" if model else "dicts that set it fail type checking"
        )
        reason = f"{label} was removed: {why}"
        log.add("field-removed", "breaking", reason, name, before.type, None)
        return
    assert before is not None and after is not None
    old_type, new_type = before.type, after.type
    if model:  # an attribute with a default may be None: fold "optional" into the type
        old_type = FlatType(old_type.atoms, old_type.nullable or not before.required)
        new_type = FlatType(new_type.atoms, new_type.nullable or not after.required)
        if before.wire != after.wire:
            reason = f"{label} is unchanged in Python; the API now names it {after.wire!r}"
            log.add(
                "field-wire-name-changed", "non-breaking", reason, name, before.wire, after.wire
            )
    elif before.required != after.required:
        now = "required" if after.required else "optional"
        level = "breaking" if after.required and "input" in roles else "non-breaking"
        was = "required" if before.required else "optional"
        log.add(f"field-made-{now}", level, f"{label} is now {now}", name, was, now)
    for finding in _type_findings(old_type, new_type, roles, old.alias, new.alias):
        reason = f"{label} {finding.phrase}"
        if finding.kind == "made-nullable" and model:
            reason = f"{label}: attribute may now be None; code using it unguarded breaks"
        log.add(f"field-{finding.kind}", finding.level, reason, name, old_type, new_type)


# ---------------------------------------------------------------------------- methods


def _resources(old: Surface, new: Surface) -> Iterable[Change]:
    for name in sorted(set(old.resources) ^ set(new.resources)):
        log, attr = _Log(f"client.{name}", ""), _code(f"client.{name}")
        if name in old.resources:
            why = "every call through it raises AttributeError"
            log.add("resource-removed", "breaking", f"{attr} no longer exists: {why}")
        else:
            log.add("resource-added", "non-breaking", f"new resource {attr}")
        yield from log.changes


def _methods(old: Surface, new: Surface) -> Iterable[Change]:
    removed = [old.methods[p] for p in old.methods if p not in new.methods]
    added = [new.methods[p] for p in new.methods if p not in old.methods]
    for method in removed:
        log, call = _Log(method.path, method.http), _code(method.path + "()")
        moved = [m for m in added if m.http == method.http]
        if len(moved) == 1:
            target = moved[0]
            added.remove(target)
            log = _Log(target.path, target.http)
            reason = f"{call} is now {_code(target.path + '()')}"
            log.add("method-moved", "breaking", reason, None, method.path, target.path)
            _method_diff(log, method, target, old, new)
        else:
            reason = f"{call} no longer exists: calls raise AttributeError"
            log.add("method-removed", "breaking", reason, None, _signature(method))
        yield from log.changes
    for method in added:
        log = _Log(method.path, method.http)
        reason = f"new method {_code(method.path + '()')}"
        log.add("method-added", "non-breaking", reason, None, None, _signature(method))
        yield from log.changes
    for path in old.methods:
        if path in new.methods:
            log = _Log(path, new.methods[path].http)
            _method_diff(log, old.methods[path], new.methods[path], old, new)
            yield from log.changes


def _signature(method: Method) -> str:
    parts = [p.name if p.required else f"{p.name}=…" for p in method.params if p.positional]
    keyword = [p.name if p.required else f"{p.name}=…" for p in method.params if not p.positional]
    if keyword:
        parts += ["*", *keyword]
    parts_returned = (
        [str(method.returns)] if method.returns.atoms or method.returns.nullable else []
    )
    if method.stream is not None:
        parts_returned.append(f"Stream[{method.stream}]")
    returns = " | ".join(parts_returned) or "None"
    return f"{method.name}({', '.join(parts)}) -> {returns}"


def _pair_renames(removed: list[Param], added: list[Param]) -> list[tuple[Param, Param]]:
    """Removed/added parameters that are one parameter renamed (the lists are consumed).

    Same type and requiredness pair first; if then exactly one of each is left, they pair too
    (a rename that also changed the type).
    """
    pairs: list[tuple[Param, Param]] = []
    for gone in list(removed):
        same = [p for p in added if p.type == gone.type and p.required == gone.required]
        if same:
            pairs.append((gone, same[0]))
            removed.remove(gone)
            added.remove(same[0])
    if len(removed) == 1 and len(added) == 1:
        pairs.append((removed.pop(), added.pop()))
    return pairs


def _method_diff(log: _Log, before: Method, after: Method, old: Surface, new: Surface) -> None:
    call = _code(after.path + "()")
    names_before = {p.name for p in before.params}
    names_after = {p.name for p in after.params}
    removed = [p for p in before.params if p.name not in names_after]
    added = [p for p in after.params if p.name not in names_before]
    for gone, new_param in _pair_renames(removed, added):
        reason = (
            f"parameter {_code(gone.name)} of {call} was replaced by {_code(new_param.name)}: "
            f"callers passing `{gone.name}=` get a TypeError"
        )
        was, now = f"{gone.name}: {gone.type}", f"{new_param.name}: {new_param.type}"
        log.add("param-renamed", "breaking", reason, gone.name, was, now)
    for gone in removed:
        reason = f"removing parameter {_code(gone.name)} from {call} breaks callers that pass it"
        log.add("param-removed", "breaking", reason, gone.name, gone.type)
    for param in added:
        if param.required:
            reason = f"new required parameter {_code(param.name)}: calls without it raise TypeError"
            log.add("param-added", "breaking", reason, param.name, None, param.type)
        else:
            reason = f"new optional parameter {_code(param.name)}"
            log.add("param-added", "non-breaking", reason, param.name, None, param.type)
    positions_before = [p.name for p in before.params if p.positional]
    positions_after = [p.name for p in after.params if p.positional]
    for param in after.params:
        previous = before.param(param.name)
        if previous is not None:
            _param_diff(log, call, previous, param, positions_before, positions_after, old, new)
    _returns(log, before, after, old, new)


def _param_diff(
    log: _Log,
    call: str,
    previous: Param,
    param: Param,
    positions_before: list[str],
    positions_after: list[str],
    old: Surface,
    new: Surface,
) -> None:
    name, element = _code(param.name), param.name
    if previous.required != param.required:
        if param.required:
            reason = f"{name} is now required: calls that omit it raise TypeError"
            log.add("param-made-required", "breaking", reason, element, "optional", "required")
        else:
            reason = f"{name} may now be omitted"
            log.add("param-made-optional", "non-breaking", reason, element, "required", "optional")
    if previous.positional and not param.positional:
        reason = f"{name} is now keyword-only: calls passing it positionally raise TypeError"
        log.add("param-made-keyword-only", "breaking", reason, element)
    elif param.positional and not previous.positional:
        reason = f"{name} may now also be passed positionally"
        log.add("param-made-positional", "non-breaking", reason, element)
    elif param.positional:
        was, now = positions_before.index(element), positions_after.index(element)
        if was != now:
            reason = f"{name} moved: positional calls pass values to the wrong parameters"
            log.add("param-moved", "breaking", reason, element, was, now)
    inputs: frozenset[Role] = frozenset({"input"})
    for finding in _type_findings(previous.type, param.type, inputs, old.alias, new.alias):
        reason = f"parameter {name} of {call} {finding.phrase}"
        log.add(f"param-{finding.kind}", finding.level, reason, element, previous.type, param.type)


def _returns(log: _Log, before: Method, after: Method, old: Surface, new: Surface) -> None:
    call = _code(after.path + "()")
    outputs: frozenset[Role] = frozenset({"output"})
    if before.page is None and after.page is not None:
        reason = (
            f"{call} now returns a `{after.page}`: iterating it walks every page; code "
            "reading fields of the old response other than `data` may break"
        )
        log.add("pagination-added", "unknown", reason, None, before.returns, after.returns)
    elif before.page is not None and after.page is None:
        reason = f"{call} no longer paginates: auto-pagination and `get_next_page()` are gone"
        log.add("pagination-removed", "breaking", reason, None, before.returns, after.returns)
    elif before.page != after.page:
        reason = f"{call} returns a different page class"
        log.add("pagination-changed", "unknown", reason, None, before.page, after.page)
    else:
        for finding in _type_findings(before.returns, after.returns, outputs, old.alias, new.alias):
            reason = f"the return value of {call} {finding.phrase}"
            log.add(
                f"return-{finding.kind}", finding.level, reason, None, before.returns, after.returns
            )
    if before.stream is None and after.stream is not None:
        reason = f"{call} can now stream (`stream=True`); calls without it are unaffected"
        log.add("streaming-added", "non-breaking", reason, None, None, f"Stream[{after.stream}]")
    elif before.stream is not None and after.stream is None:
        reason = f"{call} no longer streams: callers passing `stream=True` break"
        log.add("streaming-removed", "breaking", reason, None, f"Stream[{before.stream}]")
    elif before.stream is not None and after.stream is not None:
        for finding in _type_findings(before.stream, after.stream, outputs, old.alias, new.alias):
            reason = f"the chunks {call} streams: {finding.phrase}"
            log.add(
                f"stream-{finding.kind}", finding.level, reason, None, before.stream, after.stream
            )
