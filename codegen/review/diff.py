"""Compare the SDK surfaces two specs produce and classify every change for Python callers.

`compare(old, new)` returns `Change`s sorted by group and subject; each is `breaking` (code that
works against the old SDK can fail, at run time or under a type checker), `non-breaking`, or
`unknown` (the spec cannot tell; the reason says why). The rules, by what users do:

- they import: every public import path is surface (`review.imports`);
- they call: methods, resources, parameters removed are breaking, added non-breaking except a
  new *required* parameter; a parameter removed and another added in its place is reported
  once, as renamed (breaking); keyword-only or moved positional parameters are breaking; a
  method now calling another endpoint is `unknown`;
- they pass values: parameters and TypedDict keys are *inputs*, and return values and model
  attributes *outputs*: `review.findings` classifies their type changes by role;
- they read fields: a model attribute or TypedDict key removed is breaking, and one removed
  with another added in its place is reported once, as renamed, exactly as for parameters;
- they annotate, subclass and `isinstance`: a type removed, turned into another kind (model,
  TypedDict, alias) or losing a base class is breaking;
- they iterate and stream: pagination added, removed or changed and streaming removed are
  breaking (the return type is another class); streaming added is non-breaking;
- they catch errors: `APIStatusError.body` has the type a method declares for the status
  (exact code, else range, else `default`). For each status either side declares, a body
  type lost (`e.body` is the decoded JSON again) or changed breaks code narrowing `e.body`
  with `isinstance`; one gained is non-breaking, flagged (code reading the JSON as a dict
  must now read attributes). The body's model's own fields are reported on the model.

Rendering (Markdown for PR comments, JSON for machines) is in `review.report`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from .changes import LEVELS, Change, Level, Log, code
from .findings import type_findings
from .imports import compare_package
from .surface import ErrorBody, Field, Method, Param, Role, Surface, TypeDef
from .types import FlatType, Scope

__all__ = ["LEVELS", "Change", "Level", "compare", "pair_renames"]

_INPUTS: frozenset[Role] = frozenset({"input"})
_OUTPUTS: frozenset[Role] = frozenset({"output"})


def compare(old: Surface, new: Surface) -> list[Change]:
    """Every change from `old` to `new`, sorted by group, subject, element and kind."""
    scopes = (Scope(old.alias, old.keys), Scope(new.alias, new.keys))
    changes = [
        *compare_package(old, new),
        *_resources(old, new),
        *_methods(old, new, scopes),
        *_types(old, new, scopes),
    ]
    return sorted(
        changes,
        key=lambda c: (c.group, c.subject, c.element or "", c.kind, c.old or "", c.new or ""),
    )


_Scopes = tuple[Scope, Scope]


class _Named(Protocol):
    """A parameter or a field: what rename detection looks at."""

    @property
    def name(self) -> str: ...
    @property
    def wire(self) -> str: ...
    @property
    def type(self) -> FlatType: ...
    @property
    def required(self) -> bool: ...


_N = TypeVar("_N", bound=_Named)


def _same_wire(a: _Named, b: _Named) -> bool:
    return bool(a.wire) and a.wire == b.wire


def _same_shape(a: _Named, b: _Named) -> bool:
    return a.type == b.type and a.required == b.required


def pair_renames(removed: list[_N], added: list[_N]) -> list[tuple[_N, _N]]:
    """Removed/added parameters or fields that are one renamed (the lists are consumed).

    Same wire name first (only the Python name changed), then same type and requiredness; if
    then exactly one of each is left, they pair too (a rename that also changed the type).
    """
    pairs: list[tuple[_N, _N]] = []
    for same in (_same_wire, _same_shape):
        for gone in list(removed):
            match = next((p for p in added if same(gone, p)), None)
            if match is not None:
                pairs.append((gone, match))
                removed.remove(gone)
                added.remove(match)
    if len(removed) == 1 and len(added) == 1:
        pairs.append((removed.pop(), added.pop()))
    return pairs


# -------------------------------------------------------------------------------- types


def _types(old: Surface, new: Surface, scopes: _Scopes) -> Iterable[Change]:
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
        log = Log(name, after.module if after else before.module if before else "")
        if after is None and before is not None:
            why = "code importing it or annotating with it breaks"
            log.add("type-removed", "breaking", f"{code(name)} no longer exists: {why}")
        elif before is None and after is not None:
            log.add("type-added", "non-breaking", f"new {after.kind} {code(name)}")
        elif before is not None and after is not None:
            _type_diff(log, before, after, old, new, scopes)
        if not any(t.used for t in (before, after) if t is not None):
            note = " (no method uses this type)"
            log.changes = [replace(c, reason=c.reason + note) for c in log.changes]
        yield from log.changes


_KIND_USE = {
    "model": "a pydantic model (built with `Model(...)`, checked with `isinstance`)",
    "typeddict": "a TypedDict (a plain dict)",
    "alias": "a type alias",
}


def _type_diff(
    log: Log, before: TypeDef, after: TypeDef, old: Surface, new: Surface, scopes: _Scopes
) -> None:
    roles = before.roles | after.roles
    name = code(after.name)
    if before.kind != after.kind:
        why = f"{name} is now {_KIND_USE[after.kind]}, no longer {_KIND_USE[before.kind]}"
        log.add(
            "type-kind-changed",
            "breaking",
            f"{why}: code using it the old way breaks",
            None,
            before.kind,
            after.kind,
        )
        return
    if before.alias is not None and after.alias is not None:
        for finding in type_findings(before.alias, after.alias, roles, *scopes):
            reason = f"{name}: {finding.phrase}"
            log.add(
                f"alias-{finding.kind}",
                finding.level,
                reason,
                None,
                before.alias,
                after.alias,
                flagged=finding.flagged,
            )
        return
    bases_changed = before.bases != after.bases
    if bases_changed and before.kind == "model":
        lost = [b for b in before.bases if b not in after.bases and b != "BaseModel"]
        if lost:
            why = f"`isinstance(x, {lost[0]})` is now False and {name} lost what it inherited"
            log.add("type-bases-changed", "breaking", why, None, before.bases, after.bases)
        else:
            why = f"{name} gained base classes (it still is everything it was)"
            log.add("type-bases-changed", "non-breaking", why, None, before.bases, after.bases)
    fields_before, fields_after = old.all_fields(before.name), new.all_fields(after.name)
    names = {f.name for f in (*before.fields, *after.fields)}
    if bases_changed:
        names |= set(fields_before) | set(fields_after)
    removed = [fields_before[n] for n in sorted(names) if n not in fields_after]
    added = [fields_after[n] for n in sorted(names) if n not in fields_before]
    renamed: set[str] = set()
    for gone, replacement in pair_renames(removed, added):
        _field_renamed(log, after, gone, replacement)
        renamed |= {gone.name, replacement.name}
    for field_name in sorted(names - renamed):
        pair = fields_before.get(field_name), fields_after.get(field_name)
        _field_diff(log, after, field_name, *pair, roles, scopes)


def _label(owner: TypeDef, name: str) -> str:
    return code(f"{owner.name}.{name}" if owner.kind == "model" else f"{owner.name}[{name!r}]")


def _field_renamed(log: Log, owner: TypeDef, gone: Field, replacement: Field) -> None:
    was, now = _label(owner, gone.name), _label(owner, replacement.name)
    if owner.kind == "model":
        why = f"reading {was} raises AttributeError; it is now {now}"
    else:
        why = f"dicts setting {gone.name!r} fail type checking; the key is now {replacement.name!r}"
    log.add(
        "field-renamed",
        "breaking",
        f"{was} was replaced by {now}: {why}",
        gone.name,
        f"{gone.name}: {gone.type}",
        f"{replacement.name}: {replacement.type}",
    )


def _field_diff(
    log: Log,
    owner: TypeDef,
    name: str,
    before: Field | None,
    after: Field | None,
    roles: frozenset[Role],
    scopes: _Scopes,
) -> None:
    model = owner.kind == "model"
    label = _label(owner, name)
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
        log.add("field-removed", "breaking", f"{label} was removed: {why}", name, before.type, None)
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
        if after.required:  # writers must now set it
            level = "breaking" if "input" in roles else "non-breaking"
            why = ": dicts without it fail type checking" if level == "breaking" else ""
        else:  # readers may not find it
            level = "breaking" if "output" in roles else "non-breaking"
            why = ": reading it with `[...]` may raise KeyError" if level == "breaking" else ""
        was = "required" if before.required else "optional"
        log.add(f"field-made-{now}", level, f"{label} is now {now}{why}", name, was, now)
    for finding in type_findings(old_type, new_type, roles, *scopes):
        reason = f"{label} {finding.phrase}"
        if finding.kind == "made-nullable" and model:
            reason = f"{label}: attribute may now be None; code using it unguarded breaks"
        log.add(
            f"field-{finding.kind}",
            finding.level,
            reason,
            name,
            old_type,
            new_type,
            flagged=finding.flagged,
        )


# ---------------------------------------------------------------------------- methods


def _resources(old: Surface, new: Surface) -> Iterable[Change]:
    for name in sorted(set(old.resources) ^ set(new.resources)):
        log, attr = Log(f"client.{name}", ""), code(f"client.{name}")
        if name in old.resources:
            why = "every call through it raises AttributeError"
            log.add("resource-removed", "breaking", f"{attr} no longer exists: {why}")
        else:
            log.add("resource-added", "non-breaking", f"new resource {attr}")
        yield from log.changes


def _methods(old: Surface, new: Surface, scopes: _Scopes) -> Iterable[Change]:
    removed = [old.methods[p] for p in old.methods if p not in new.methods]
    added = [new.methods[p] for p in new.methods if p not in old.methods]
    for method in removed:
        log, call = Log(method.path, method.http), code(method.path + "()")
        moved = [m for m in added if m.http == method.http]
        if len(moved) == 1:
            target = moved[0]
            added.remove(target)
            log = Log(target.path, target.http)
            reason = f"{call} is now {code(target.path + '()')}: calls to the old name raise AttributeError"
            log.add("method-moved", "breaking", reason, None, method.path, target.path)
            _method_diff(log, method, target, scopes)
        else:
            reason = f"{call} no longer exists: calls raise AttributeError"
            log.add("method-removed", "breaking", reason, None, _signature(method))
        yield from log.changes
    for method in added:
        log = Log(method.path, method.http)
        reason = f"new method {code(method.path + '()')}"
        log.add("method-added", "non-breaking", reason, None, None, _signature(method))
        yield from log.changes
    for path in old.methods:
        if path in new.methods:
            log = Log(path, new.methods[path].http)
            _method_diff(log, old.methods[path], new.methods[path], scopes)
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


def _method_diff(log: Log, before: Method, after: Method, scopes: _Scopes) -> None:
    call = code(after.path + "()")
    if before.http != after.http and before.path == after.path:
        reason = (
            f"{call} now calls {code(after.http)} instead of {code(before.http)}: whether it "
            "answers the same way cannot be told from the spec"
        )
        log.add("method-endpoint-changed", "unknown", reason, None, before.http, after.http)
    names_before = {p.name for p in before.params}
    names_after = {p.name for p in after.params}
    removed = [p for p in before.params if p.name not in names_after]
    added = [p for p in after.params if p.name not in names_before]
    for gone, new_param in pair_renames(removed, added):
        reason = (
            f"parameter {code(gone.name)} of {call} was replaced by {code(new_param.name)}: "
            f"callers passing `{gone.name}=` get a TypeError"
        )
        was, now = f"{gone.name}: {gone.type}", f"{new_param.name}: {new_param.type}"
        log.add("param-renamed", "breaking", reason, gone.name, was, now)
    for gone in removed:
        reason = f"removing parameter {code(gone.name)} from {call} breaks callers that pass it"
        log.add("param-removed", "breaking", reason, gone.name, gone.type)
    for param in added:
        if param.required:
            reason = f"new required parameter {code(param.name)}: calls without it raise TypeError"
            log.add("param-added", "breaking", reason, param.name, None, param.type)
        else:
            reason = f"new optional parameter {code(param.name)}"
            log.add("param-added", "non-breaking", reason, param.name, None, param.type)
    positions_before = [p.name for p in before.params if p.positional]
    positions_after = [p.name for p in after.params if p.positional]
    for param in after.params:
        previous = before.param(param.name)
        if previous is not None:
            _param_diff(log, call, previous, param, (positions_before, positions_after), scopes)
    _returns(log, before, after, scopes)
    _error_bodies(log, before, after, scopes)


def _param_diff(
    log: Log,
    call: str,
    previous: Param,
    param: Param,
    positions: tuple[Sequence[str], Sequence[str]],
    scopes: _Scopes,
) -> None:
    name, element = code(param.name), param.name
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
        was, now = positions[0].index(element), positions[1].index(element)
        if was != now:
            reason = f"{name} moved: positional calls pass values to the wrong parameters"
            log.add("param-moved", "breaking", reason, element, was, now)
    if previous.wire and param.wire and previous.wire != param.wire:
        reason = f"{name} is unchanged in Python; the API now names it {param.wire!r}"
        log.add(
            "param-wire-name-changed", "non-breaking", reason, element, previous.wire, param.wire
        )
    for finding in type_findings(previous.type, param.type, _INPUTS, *scopes):
        reason = f"parameter {name} of {call} {finding.phrase}"
        log.add(
            f"param-{finding.kind}",
            finding.level,
            reason,
            element,
            previous.type,
            param.type,
            flagged=finding.flagged,
        )


def _returns(log: Log, before: Method, after: Method, scopes: _Scopes) -> None:
    call = code(after.path + "()")
    if before.page is None and after.page is not None:
        reason = (
            f"{call} now returns a `{after.page}`: iterating it walks every page, but code "
            f"annotated with `{before.returns}` or reading its other attributes breaks"
        )
        log.add("pagination-added", "breaking", reason, None, before.returns, after.returns)
    elif before.page is not None and after.page is None:
        reason = f"{call} no longer paginates: auto-pagination and `get_next_page()` are gone"
        log.add("pagination-removed", "breaking", reason, None, before.returns, after.returns)
    elif before.page != after.page:
        reason = (
            f"{call} returns a `{after.page}` instead of a `{before.page}`: iteration works as "
            f"before, code annotated with `{before.page}` fails type checking"
        )
        log.add("pagination-changed", "breaking", reason, None, before.page, after.page)
    else:
        for finding in type_findings(before.returns, after.returns, _OUTPUTS, *scopes):
            reason = f"the return value of {call} {finding.phrase}"
            log.add(
                f"return-{finding.kind}",
                finding.level,
                reason,
                None,
                before.returns,
                after.returns,
                flagged=finding.flagged,
            )
    if before.stream is None and after.stream is not None:
        reason = f"{call} can now stream (`stream=True`); calls without it are unaffected"
        log.add("streaming-added", "non-breaking", reason, None, None, f"Stream[{after.stream}]")
    elif before.stream is not None and after.stream is None:
        reason = f"{call} no longer streams: callers passing `stream=True` break"
        log.add("streaming-removed", "breaking", reason, None, f"Stream[{before.stream}]")
    elif before.stream is not None and after.stream is not None:
        for finding in type_findings(before.stream, after.stream, _OUTPUTS, *scopes):
            reason = f"the chunks {call} streams: {finding.phrase}"
            log.add(
                f"stream-{finding.kind}",
                finding.level,
                reason,
                None,
                before.stream,
                after.stream,
                flagged=finding.flagged,
            )


def _error_bodies(log: Log, before: Method, after: Method, scopes: _Scopes) -> None:
    """What `e.body` is for each status either side declares an error body for."""
    call = code(after.path + "()")
    statuses = {e.status for e in (*before.errors, *after.errors)}
    for status in sorted(statuses, key=_status_order):
        was, now = before.error_body(status), after.error_body(status)
        if was is not None and now is not None and was.type == now.type:
            continue  # the same type, declared for this status or inherited from range/default
        body = f"its {status} error body"
        if now is None:
            assert was is not None
            reason = (
                f"{call} no longer types {body}: `e.body` is the decoded JSON, not "
                f"{code(was.type)}, so code narrowing it with `isinstance(e.body, {was.type})` "
                "no longer matches"
            )
            log.add("error-body-removed", "breaking", reason, status, was.type, None)
        elif was is None:
            reason = (
                f"{call} now types {body} (code reading `e.body` as the decoded JSON dict "
                "must read its attributes instead)"
            )
            log.add("error-body-added", "non-breaking", reason, status, None, now.type, True)
        else:
            for finding in type_findings(was.type, now.type, _OUTPUTS, *scopes):
                where = _inherited(was, now, status)
                phrase = finding.phrase
                if finding.level == "breaking":  # say what it does to `e.body`
                    phrase = (
                        f"{phrase.split(':')[0]}: code narrowing `e.body` with "
                        f"`isinstance(e.body, {was.type})` may no longer match"
                    )
                reason = f"the {status} error body of {call}{where} {phrase}"
                log.add(
                    f"error-body-{finding.kind}",
                    finding.level,
                    reason,
                    status,
                    was.type,
                    now.type,
                    flagged=finding.flagged,
                )


def _inherited(was: ErrorBody, now: ErrorBody, status: str) -> str:
    """Where the body type of `status` comes from when it is not declared for it on a side."""
    if was.status == status and now.status != status:
        return f" (no longer declared: it falls back to the {now.status} one)"
    if now.status == status and was.status != status:
        return f" (now declared: it was the {was.status} one)"
    return ""


def _status_order(status: str) -> tuple[int, str]:
    """Exact codes, then ranges, then `default`: the runtime's lookup order."""
    return (2 if status == "default" else 1 if status.endswith("XX") else 0, status)
