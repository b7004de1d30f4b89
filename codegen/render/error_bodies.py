"""A method's declared error bodies (`ir.ErrorBody`) as Python and as docs.

- `errors_constant(method, aliases)`: the module-level constant the method passes to
  `self._request(..., errors=...)`, `_CREATE_ERRORS: typing.Final = {"404": NotFound, ...}`:
  built once when the module is imported, so a call pays nothing for it, and looked up only
  when a call fails (`_failures.error_body_type`). A type that is no class (a union, an alias)
  is given as `cast(Any, ...)`, as `cast_to=` is.
- `errors_doc(errors)`: for api.md, the exception each declared status raises (read from the
  runtime's `_exceptions`) and the type of its `.body`; the bodies most methods declare
  (`common_errors`) are stated once at the top, other methods' under them
  (`method_errors_doc`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import ir
from ..ir import types as t
from ..runtime import status_error_classes
from .annotations import annotation
from .text import py_str

__all__ = [
    "ErrorsConstant",
    "common_errors",
    "error_model",
    "errors_constant",
    "errors_constant_name",
    "errors_doc",
    "method_errors_doc",
]


@dataclass(frozen=True)
class ErrorsConstant:
    """`name: typing.Final = {entries}` at the top of a resource module."""

    name: str
    entries: tuple[str, ...]  # `"404": NotFound`


def errors_constant_name(method: ir.Method) -> str:
    """The module-level name of `method`'s error body types (unique: method names are)."""
    return f"_{method.name.upper()}_ERRORS"


def errors_constant(method: ir.Method, aliases: frozenset[str]) -> ErrorsConstant | None:
    """The constant `method` passes as `errors=`, or None when it declares no error body."""
    if not method.errors:
        return None
    entries = []
    for error in method.errors:
        value = annotation(error.type, "model", expression=True)
        if not value.isidentifier() or value in aliases or value in ("None", "object", "Any"):
            value = f"cast(Any, {value})"
        entries.append(f"{py_str(error.status)}: {value}")
    return ErrorsConstant(errors_constant_name(method), tuple(entries))


def _raised(status: str) -> tuple[str, str]:
    """`("NotFoundError", "404")`, `("APIStatusError", "other 4xx")`, ... for api.md."""
    table, (lowest, server_class) = status_error_classes()
    if status.isdigit():
        code = int(status)
        return table.get(code) or (server_class if code >= lowest else "APIStatusError"), status
    if status.endswith("XX"):
        name = server_class if int(status[0]) * 100 >= lowest else "APIStatusError"
        return name, f"other {status[0]}xx"
    return "APIStatusError", "any other status"


def common_errors(api: ir.Api) -> tuple[ir.ErrorBody, ...]:
    """The error bodies most methods declare (when more than one does), which api.md states
    once; `()` when there are none."""
    counts: dict[tuple[ir.ErrorBody, ...], int] = {}
    for resource in api.resources:
        for method in resource.methods:
            if method.errors:
                counts[method.errors] = counts.get(method.errors, 0) + 1
    if not counts:
        return ()
    best = max(counts.values())  # the first of the most frequent, in method order
    found = next(errors for errors, count in counts.items() if count == best)
    return found if best > 1 else ()


def errors_doc(errors: tuple[ir.ErrorBody, ...]) -> str:
    """`BadRequestError` (400), `InternalServerError` (500, 503): `ErrorResponse`; ...`:
    the exception each status raises, grouped by the type of its `.body`."""
    groups: dict[str, dict[str, list[str]]] = {}
    for error in errors:
        body = annotation(error.type, "model", pep604=True)
        exception, label = _raised(error.status)
        groups.setdefault(body, {}).setdefault(exception, []).append(label)
    return "; ".join(
        ", ".join(f"`{name}` ({', '.join(labels)})" for name, labels in raised.items())
        + f": `{body}`"
        for body, raised in groups.items()
    )


def error_model(api: ir.Api, errors: tuple[ir.ErrorBody, ...]) -> str | None:
    """The first model class among `errors`' types (for the README's `isinstance` example)."""
    models = {d.name for m in api.type_modules for d in m.definitions if isinstance(d, ir.Model)}
    for error in errors:
        found = next((name for name in t.refs(error.type) if name in models), None)
        if found is not None:
            return found
    return None


def method_errors_doc(method: ir.Method, common: tuple[ir.ErrorBody, ...]) -> str | None:
    """api.md's line under a method whose error bodies are not the `common` ones."""
    if method.errors == common:
        return None
    if not method.errors:
        return "Error bodies: none declared (`.body` is untyped)"
    return "Error bodies: " + errors_doc(method.errors)
