"""What a call returns, from its first success response: a model, a stream, a page, bytes, or
nothing (`ir.ResultKind`).

- JSON (`application/json`, `*+json`) is parsed into the response type; a list response may page
  (`pagination`), and an event stream next to it may be chosen by a `stream` flag (`streaming`).
- Other media types are binary (the raw response), also when their only alternatives are a JSON
  string or an event stream no boolean `stream` parameter asks for: only a binary response can
  hold every answer. The call's `Accept` names those media types (not the client's default
  `application/json`), so a server that negotiates sends the bytes; with an event stream among
  them the request's body decides what comes back, which is worth a warning.
- Text (`text/*` only): `str`, with `Accept` naming the text media types.
- Several 2xx codes: their JSON schemas' union (`A | B`), `Optional` when one of them has no
  content (the runtime gives `None` for an empty body then); the first code's other media
  types decide whether the result is binary, text or a stream.
- No content: nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .. import ir
from ..errors import ConfigError, Diagnostic
from ..ir import types as t
from ..spec.pointer import escape_token
from .operations import Operation
from .pagination import detect_page, first_page, items_required, paginator
from .schemas import Schemas, schema_is
from .streaming import NO_FLAG, stream_flag

__all__ = ["Result", "result"]

_AMBIGUOUS = (
    "answers in a binary media type or, depending on the request, an event stream; generated "
    "as a binary response"
)

ResponseType = Callable[[tuple[Any, str] | None, str], t.Type]
"""Lowers a response schema (schema, pointer) to a type named after a suffix (`Response`)."""


@dataclass(frozen=True)
class Result:
    kind: ir.ResultKind
    returns: t.Type | None = None
    stream: ir.StreamSpec | None = None
    paginator: ir.Paginator | None = None
    accept: str | None = None  # the call's `Accept` when it is not JSON


def result(
    op: Operation,
    params: list[ir.Parameter],
    schemas: Schemas,
    response_type: ResponseType,
    diagnostics: list[Diagnostic],
) -> Result:
    """What `op` returns; `response_type` lowers the response schemas it needs."""
    success = op.success
    if success.json is None and success.sse is None:
        if success.binary:
            return Result("binary", accept=", ".join(success.media))
        if success.text:
            text: t.Type = t.Primitive("str")
            accept = ", ".join(success.media)
            return Result(
                "model", returns=t.nullable(text) if success.empty else text, accept=accept
            )
        return Result("none")
    if success.binary and (
        success.json is None or schema_is(schemas.deref(*success.json)[0], "string")
    ):
        if success.sse is not None:
            diagnostics.append(Diagnostic("warning", op.pointer, _AMBIGUOUS, "ambiguous-response"))
        return Result("binary", accept=", ".join(success.media))
    if success.json is None:
        chunk = response_type(success.sse, "Chunk")
        return Result("stream", stream=ir.StreamSpec(chunk, None))
    schema, pointer = schemas.deref(*success.json)
    kind = op.override.paginate or (
        "none" if success.more_json else detect_page(op, schema, pointer, params, schemas)
    )
    if kind != "none":
        items = schemas.data_items(schema, pointer) if isinstance(schema, Mapping) else None
        if items is None:
            raise ConfigError(
                f"/operations/{escape_token(op.key)}/paginate",
                f"{op.key} cannot be paginated: its response has no `data` array",
            )
        item = response_type(items, "Response")
        required = items_required(schema, pointer, schemas)
        first = first_page(op, schemas)
        return Result("page", paginator=paginator(kind, item, required=required, first=first))
    model = response_type(success.json, "Response")
    if success.more_json:
        model = t.union([model, *(response_type(part, "Response") for part in success.more_json)])
    if success.empty and success.sse is None:
        model = t.nullable(model)
    if success.sse is not None:
        flag = stream_flag(params)
        if flag is not None:
            spec = ir.StreamSpec(response_type(success.sse, "Chunk"), flag.name)
            return Result("model_or_stream", returns=model, stream=spec)
        diagnostics.append(Diagnostic("warning", op.pointer, NO_FLAG, "stream-flag"))
    return Result("model", returns=model)
