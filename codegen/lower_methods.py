"""Lowering, part 2: one operation -> `ir.Method` (signatures, overloads, the request call, docs).

- Path parameters are positional, everything else keyword-only (required first); optional ones
  default to `NOT_GIVEN`, which the runtime never sends.
- A JSON response plus a `text/event-stream` one, with a boolean `stream` body property, gives
  three `@overload`s (`stream: Literal[False]` -> model, `Literal[True]` -> `Stream[Chunk]`,
  `bool` -> either); an event stream alone always streams.
- List responses become pages (`ir.Paginator`). For a GET whose response has a `data` array:
  boolean `has_more` + an `after` query parameter is a cursor page; a string `next` field a
  next-URL page; an integer `page` query parameter a page-number page; no paging parameters at
  all a single page. The config's `paginate:` overrides. Async list methods are plain `def`s
  returning an `AsyncPaginator`.
- Streams are `ir.StreamSpec`s: the chunk type and the boolean parameter that asks for them.
- Other media types are binary (`BinaryAPIResponse`), also when their only alternatives are
  a JSON string or an event stream no boolean `stream` parameter asks for (with a warning);
  multipart bodies send `files=(<names of the top-level file fields>)` (or `files=True` when
  no top-level field is a file).
- A query string written into the spec's path (`/responses?beta=true`) is sent as query
  entries; array header parameters are comma-separated.
- Every method takes the standard per-call extras (`extra_headers`, `extra_query`,
  `extra_body`, `timeout`, `max_retries`, `deadline`), printed by the template.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from . import ir
from .config import Paginate
from .errors import ConfigError, Diagnostic
from .lower_ops import PATH_PARAM, Operation, data_items, dotted
from .lower_types import (
    ModuleBuilder,
    T,
    TypeLowerer,
    module_name_for,
    typeddict_fields,
)
from .naming import (
    RESERVED_PARAM_NAMES,
    Allocator,
    docstring,
    identifier,
    pascal,
    py_str,
)
from .pymodule import identifiers, pep604
from .spec.pointer import escape_token

__all__ = ["MethodLowerer"]

_SIMPLE_NAME = re.compile(r"^[A-Za-z0-9_.\-]+$")
_PAGING_PARAMS = frozenset({"after", "before", "limit", "page", "offset", "cursor", "page_token"})
# kind -> (sync page class, async page class, cursor query parameter, has-more field, next-URL
# field), as the runtime page classes in `_pagination.py` define them
_PAGE_CLASSES: Mapping[str, tuple[str, str, str | None, str | None, str | None]] = {
    "cursor": ("SyncCursorPage", "AsyncCursorPage", "after", "has_more", None),
    "page": ("SyncPage", "AsyncPage", None, None, None),
    "next_url": ("SyncNextUrlPage", "AsyncNextUrlPage", None, None, "next"),
    "page_number": ("SyncPageNumberPage", "AsyncPageNumberPage", "page", None, None),
}
_CLASS_EXPR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass
class _Arg:
    py: str
    wire: str
    location: str  # path | query | header | body | whole
    type: T
    required: bool
    doc: str | None


@dataclass
class _Result:
    kind: str  # json | stream_both | stream_only | binary | none | page
    sync_returns: str
    async_returns: str
    stream: ir.StreamSpec | None = None
    paginator: ir.Paginator | None = None


class MethodLowerer:
    """Lowers operations to methods; their types go into `types/` through `types`."""

    def __init__(
        self,
        types: TypeLowerer,
        module_allocator: Callable[[str], Allocator],
        diagnostics: list[Diagnostic],
    ) -> None:
        self.types = types
        self.module_allocator = module_allocator
        self.diagnostics = diagnostics

    def lower_operation(self, op: Operation) -> ir.Method:
        tl = self.types
        directory = "/".join(("types", *op.resource[:-1]))
        params_module = self.new_module(directory, op.params_class)
        names = Allocator(RESERVED_PARAM_NAMES)
        args: list[_Arg] = []
        by_wire = {p.wire: p for p in op.params if p.location == "path"}
        for wire in PATH_PARAM.findall(op.path.split("?")[0]):
            param = by_wire[wire]
            args.append(
                self.arg(
                    names,
                    param.wire,
                    "path",
                    param.schema,
                    param.pointer,
                    True,
                    param.description,
                    params_module,
                    op.base,
                )
            )
        for param in op.params:
            if param.location != "path":
                args.append(
                    self.arg(
                        names,
                        param.wire,
                        param.location,
                        param.schema,
                        param.pointer,
                        param.required,
                        param.description,
                        params_module,
                        op.base,
                    )
                )
        if op.body is not None:
            schema, pointer = tl.deref(op.body.schema, op.body.pointer)
            if tl.is_class(schema, pointer):
                _, props, required = tl.properties(schema, pointer, inherit=False)
                for prop in props:
                    if isinstance(prop.schema, Mapping) and prop.schema.get("readOnly") is True:
                        continue
                    description = (
                        prop.schema.get("description") if isinstance(prop.schema, Mapping) else None
                    )
                    args.append(
                        self.arg(
                            names,
                            prop.wire,
                            "body",
                            prop.schema,
                            prop.pointer,
                            prop.wire in required,
                            description,
                            params_module,
                            op.base,
                        )
                    )
            else:
                args.append(
                    self.arg(
                        names,
                        "body",
                        "whole",
                        op.body.schema,
                        op.body.pointer,
                        op.body.required,
                        None,
                        params_module,
                        op.base,
                    )
                )
        params_type = self.params_typeddict(op, args, params_module)
        self.keep_module(params_module)
        result = self.result(op, directory, args)
        return self.method(op, args, result, params_type)

    def new_module(self, directory: str, name: str) -> ModuleBuilder:
        stem = self.module_allocator(directory).allocate(module_name_for(name), sep="_")
        return ModuleBuilder(f"{directory}/{stem}")

    def keep_module(self, builder: ModuleBuilder) -> None:
        """Register `builder` if something was defined in it, else give its name back."""
        if builder.definitions:
            self.types.modules[builder.path] = builder
            return
        directory, _, stem = builder.path.rpartition("/")
        self.module_allocator(directory).release(stem)

    def arg(
        self,
        names: Allocator,
        wire: str,
        location: str,
        schema: Any,
        pointer: str,
        required: bool,
        description: object,
        module: ModuleBuilder,
        base: str,
    ) -> _Arg:
        lowered = self.types.lower(schema, "param", module, base + pascal(wire), pointer)
        py = names.allocate(identifier(wire, reserved=RESERVED_PARAM_NAMES), sep="_")
        doc = description if isinstance(description, str) and description.strip() else None
        return _Arg(py, wire, location, lowered, required, doc)

    def params_typeddict(
        self, op: Operation, args: list[_Arg], module: ModuleBuilder
    ) -> str | None:
        keys: dict[str, ir.Field] = {}
        for a in args:
            # A query parameter and a body property can share a name; a TypedDict key cannot.
            if a.location in ("query", "body") and a.wire not in keys:
                annotation = f"Required[{a.type.annotation}]" if a.required else a.type.annotation
                keys[a.wire] = ir.Field(a.wire, annotation, None, None)
        if not keys:
            return None
        name = op.params_class
        fields, functional = typeddict_fields(list(keys.values()))
        doc = docstring(f"Parameters of `{dotted(op)}()`.")
        self.types.add(
            module,
            ir.TypedDictDef(name, ("TypedDict",), tuple(fields), doc, functional),
            register=False,
        )
        return module.path.rpartition("/")[0].replace("/", ".") + "." + name

    def result(self, op: Operation, directory: str, args: list[_Arg]) -> _Result:
        tl = self.types
        success = op.success
        if success.json is None and success.sse is None:
            if success.binary:
                return _Result("binary", "BinaryAPIResponse", "AsyncBinaryAPIResponse")
            return _Result("none", "None", "None")
        if success.binary and (
            success.json is None or _schema_is(tl.deref(*success.json)[0], "string")
        ):
            # e.g. audio bytes or SSE chosen by a body field (not a boolean `stream`), or file
            # bytes next to a JSON string: only a binary response can hold every answer.
            self.warn(
                op.pointer,
                "answers in a binary media type or, depending on the request, JSON text or an "
                "event stream; generated as a binary response",
            )
            return _Result("binary", "BinaryAPIResponse", "AsyncBinaryAPIResponse")
        if success.json is None:
            chunk = self.response_type(success.sse, directory, op.base + "Chunk")
            spec = ir.StreamSpec(chunk.annotation, None)
            return _Result("stream_only", spec.sync_stream, spec.async_stream, stream=spec)
        schema, pointer = tl.deref(*success.json)
        kind = op.override.paginate or self.detect_page(op, schema, pointer, args)
        if kind != "none":
            items = data_items(self.types, schema, pointer) if isinstance(schema, Mapping) else None
            if items is None:
                raise ConfigError(
                    f"/operations/{escape_token(op.key)}/paginate",
                    f"{op.key} cannot be paginated: its response has no `data` array",
                )
            item = self.response_type(items, directory, op.base + "Response")
            sync_page, async_page, cursor_param, has_more, next_url = _PAGE_CLASSES[kind]
            paginator = ir.Paginator(
                kind=kind,
                item_type=item.annotation,
                items_field="data",
                cursor_param=cursor_param,
                has_more_field=has_more,
                page_class_sync=sync_page,
                page_class_async=async_page,
                next_url_field=next_url,
            )
            return _Result(
                "page", paginator.sync_page, paginator.async_returns, paginator=paginator
            )
        model = self.response_type(success.json, directory, op.base + "Response")
        stream = next((a for a in args if a.wire == "stream" and a.location == "body"), None)
        if success.sse is not None:
            if stream is not None and _is_bool(stream.type):
                chunk = self.response_type(success.sse, directory, op.base + "Chunk")
                spec = ir.StreamSpec(chunk.annotation, stream.py)
                return _Result("stream_both", model.annotation, model.annotation, stream=spec)
            self.warn(
                op.pointer,
                "has an event-stream response but no boolean `stream` body "
                "parameter; only the JSON response is generated",
            )
        return _Result("json", model.annotation, model.annotation)

    def detect_page(self, op: Operation, schema: Any, pointer: str, args: list[_Arg]) -> Paginate:
        """The paging scheme of a GET with a `data` array response, from the shape alone."""
        if op.verb != "get" or not isinstance(schema, Mapping):
            return "none"
        if data_items(self.types, schema, pointer) is None:
            return "none"
        _, props, _ = self.types.properties(schema, pointer, inherit=False)
        fields = {p.wire: self.types.deref(p.schema, p.pointer)[0] for p in props}
        query = {a.wire: a for a in args if a.location == "query"}
        if _schema_is(fields.get("has_more"), "boolean") and "after" in query:
            return "cursor"
        if _schema_is(fields.get("next"), "string"):
            return "next_url"
        if "page" in query and query["page"].type.members == ("int",):
            return "page_number"
        if not set(query) & _PAGING_PARAMS:
            return "page"
        return "none"

    def response_type(self, part: tuple[Any, str] | None, directory: str, hint: str) -> T:
        if part is None:
            return T(("object",))
        builder = self.new_module(directory, hint)
        lowered = self.types.lower(part[0], "model", builder, hint, part[1])
        if "Discriminator(" in lowered.annotation:
            # Calls inside `Annotated` make no type in an expression (`cast(X, ...)`,
            # `stream_cls=Stream[X]`): name the type, as a named schema would be.
            name = self.types.inline_name(hint, "model")
            self.types.add(builder, ir.Alias(name, lowered.annotation, None))
            lowered = T((name,))
        self.keep_module(builder)
        return lowered

    def method(
        self, op: Operation, args: list[_Arg], result: _Result, params_type: str | None
    ) -> ir.Method:
        positional = tuple(
            ir.Param(a.py, a.type.annotation, None) for a in args if a.location == "path"
        )
        spec = result.stream
        # The boolean that asks for a stream is typed by the overloads, not by the plain list.
        stream = next((a for a in args if spec is not None and a.py == spec.flag_param), None)
        plain = [a for a in args if a.location != "path" and a is not stream]
        required = [ir.Param(a.py, a.type.annotation, None) for a in plain if a.required]
        optional = [
            ir.Param(a.py, f"{a.type.annotation} | NotGiven", "NOT_GIVEN")
            for a in plain
            if not a.required
        ]
        variants: list[ir.MethodVariant] = []
        for is_async in (False, True):
            returns = result.async_returns if is_async else result.sync_returns
            overloads: tuple[ir.Signature, ...] = ()
            keyword = tuple(required + optional)
            if spec is not None and stream is not None:
                stream_cls = spec.async_stream if is_async else spec.sync_stream
                false = "Optional[Literal[False]]" if stream.type.nullable else "Literal[False]"
                overloads = (
                    ir.Signature(
                        positional,
                        tuple(
                            [
                                *required,
                                *optional,
                                ir.Param(stream.py, f"{false} | NotGiven", "NOT_GIVEN"),
                            ]
                        ),
                        returns,
                    ),
                    ir.Signature(
                        positional,
                        tuple([*required, ir.Param(stream.py, "Literal[True]", None), *optional]),
                        stream_cls,
                    ),
                    ir.Signature(
                        positional,
                        tuple([*required, ir.Param(stream.py, "bool", None), *optional]),
                        f"Union[{returns}, {stream_cls}]",
                    ),
                )
                keyword = (
                    *required,
                    *optional,
                    ir.Param(stream.py, f"{false} | Literal[True] | NotGiven", "NOT_GIVEN"),
                )
                returns = f"Union[{returns}, {stream_cls}]"
            signature = _pep604_signature(ir.Signature(positional, keyword, returns))
            overloads = tuple(_pep604_signature(o) for o in overloads)
            variants.append(self.variant(op, args, result, signature, overloads, is_async, returns))
        doc = self.method_doc(op, args)
        info = ir.OperationDoc(
            http_method=op.verb.upper(),
            path=op.path,
            params_type=params_type,
            signature=self.doc_signature(op, args, variants[0].signature.returns),
        )
        return ir.Method(
            op.name,
            doc,
            variants[0],
            variants[1],
            info,
            paginator=result.paginator,
            stream=result.stream,
        )

    def variant(
        self,
        op: Operation,
        args: list[_Arg],
        result: _Result,
        signature: ir.Signature,
        overloads: tuple[ir.Signature, ...],
        is_async: bool,
        runtime_returns: str,
    ) -> ir.MethodVariant:
        """One form of a method; `runtime_returns` is the return type in `typing` syntax (it is
        evaluated at runtime when the result needs a `cast`)."""
        call: list[ir.CallArg] = [
            ir.CallArg("", py_str(op.verb)),
            ir.CallArg("", _path_expr(op, args)),
        ]
        paginator = result.paginator
        if paginator is not None:
            page = paginator.async_page if is_async else paginator.sync_page
            call.append(ir.CallArg("page", page))
        query = (
            *_fixed_query(op),
            *(f"{py_str(a.wire)}: {a.py}" for a in args if a.location == "query"),
        )
        if query:
            call.append(ir.CallArg("query", "", query))
        body = tuple(f"{py_str(a.wire)}: {a.py}" for a in args if a.location == "body")
        if body:
            call.append(ir.CallArg("body", "", body))
        whole = next((a for a in args if a.location == "whole"), None)
        if whole is not None:
            call.append(ir.CallArg("body", whole.py))
        if op.body is not None and op.body.multipart and result.kind != "page":
            call.append(ir.CallArg("files", _files_expr(args)))
        call.append(ir.CallArg("options", _options_expr(args)))
        wrap: str | None = None
        if result.kind != "page":
            if result.kind == "binary":
                cast_to = result.async_returns if is_async else result.sync_returns
            elif result.kind == "none":
                # Not `type(None)`: it could clash with a parameter named `type`.
                cast_to = "cast(Any, None)"
            else:
                chunk = result.stream.chunk_type if result.stream is not None else None
                model = chunk if result.kind == "stream_only" else result.sync_returns
                cast_to = model or "object"
                if not _is_class_expr(cast_to) or cast_to in self.types.aliases:
                    cast_to = f"cast(Any, {cast_to})"
                    wrap = runtime_returns
            call.append(ir.CallArg("cast_to", cast_to))
            if result.kind == "binary":
                call.append(ir.CallArg("binary", "True"))
            spec = result.stream
            if spec is not None:
                stream_cls = spec.async_stream if is_async else spec.sync_stream
                flag = "True" if spec.flag_param is None else f"{spec.flag_param} is True"
                call.append(ir.CallArg("stream", flag))
                call.append(ir.CallArg("stream_cls", stream_cls))
                if result.kind == "stream_only":
                    wrap = runtime_returns
        method = "self._request_page" if result.kind == "page" else "self._request"
        awaited = "await " if is_async and result.kind != "page" else ""
        if wrap is not None:
            call_open, call_close = f"return cast({wrap}, {awaited}{method}(", "))"
        elif result.kind == "none":
            # Returned all the same: `with_raw_response` makes `_request` give the raw response.
            call_open, call_close = f"return cast(None, {awaited}{method}(", "))"
        else:
            call_open, call_close = f"return {awaited}{method}(", ")"
        def_keyword = "async def" if is_async and result.kind != "page" else "def"
        return ir.MethodVariant(
            def_keyword, overloads, signature, call_open, call_close, tuple(call)
        )

    def method_doc(self, op: Operation, args: list[_Arg]) -> str | None:
        parts: list[str] = []
        summary = op.node.get("summary")
        description = op.node.get("description")
        if isinstance(summary, str) and summary.strip():
            parts.append(summary.strip())
        if (
            isinstance(description, str)
            and description.strip()
            and description.strip() != (summary.strip() if isinstance(summary, str) else None)
        ):
            parts.append(description.strip())
        if op.node.get("deprecated") is True:
            parts.insert(0, "Deprecated: this operation may be removed in a future API version.")
        text = docstring("\n\n".join(parts), width=88) if parts else None
        documented = [a for a in args if a.doc]
        if documented:
            lines = ["Args:"]
            for a in documented:
                flat = " ".join(line.strip() for line in (a.doc or "").strip().splitlines())
                lines.extend(
                    textwrap.wrap(
                        f"{a.py}: {flat}",
                        width=86,
                        initial_indent="  ",
                        subsequent_indent="      ",
                        break_long_words=False,
                        break_on_hyphens=False,
                    )
                )
            # Already wrapped: escape only (a huge width means no reflow).
            arguments = docstring("\n".join(lines), width=1_000_000)
            text = f"{text}\n\n{arguments}" if text else arguments
        return text

    def doc_signature(self, op: Operation, args: list[_Arg], returns: str) -> str:
        shown = [a.py for a in args if a.location == "path"]
        if any(a.location != "path" for a in args):
            shown.append("**params")
        return f"{op.name}({', '.join(shown)}) -> {returns}"

    def warn(self, pointer: str, message: str) -> None:
        self.diagnostics.append(Diagnostic("warning", pointer, message))


def _pep604_signature(signature: ir.Signature) -> ir.Signature:
    def fix(params: tuple[ir.Param, ...]) -> tuple[ir.Param, ...]:
        return tuple(ir.Param(p.name, pep604(p.annotation), p.default) for p in params)

    return ir.Signature(
        fix(signature.positional), fix(signature.keyword), pep604(signature.returns)
    )


def _schema_is(schema: Any, kind: str) -> bool:
    """Whether `schema` (dereferenced) has JSON type `kind` (alone or next to `null`)."""
    if not isinstance(schema, Mapping):
        return False
    declared = schema.get("type")
    return declared == kind or (isinstance(declared, list) and kind in declared)


def _is_bool(lowered: T) -> bool:
    return lowered.members == ("bool",)


def _is_class_expr(text: str) -> bool:
    """Whether `text` names a class (so it can be passed as `cast_to: type[T]`)."""
    return bool(_CLASS_EXPR.match(text)) and text not in ("None", "object", "Any")


def _fixed_query(op: Operation) -> list[str]:
    """Query entries for a query string written into the spec's path (`/responses?beta=true`):
    the path goes out without it (httpx would replace it), these entries with the parameters."""
    literal = op.path.partition("?")[2]
    return [f"{py_str(k)}: {py_str(v)}" for k, v in parse_qsl(literal, keep_blank_values=True)]


def _path_expr(op: Operation, args: list[_Arg]) -> str:
    """The request path as a Python expression, path parameters through `path_param()`."""
    by_wire = {a.wire: a for a in args if a.location == "path"}
    path = op.path.partition("?")[0]
    pieces = PATH_PARAM.split(path)
    if len(pieces) == 1:
        return py_str(path)
    if all(_SIMPLE_NAME.match(name) for name in pieces[1::2]):
        out = []
        for index, piece in enumerate(pieces):
            if index % 2:
                out.append("{path_param('" + piece + "', " + by_wire[piece].py + ")}")
            else:
                out.append(py_str(piece)[1:-1].replace("{", "{{").replace("}", "}}"))
        return 'f"' + "".join(out) + '"'
    parts = []
    for index, piece in enumerate(pieces):
        if index % 2:
            parts.append(f"path_param({py_str(piece)}, {by_wire[piece].py})")
        elif piece:
            parts.append(py_str(piece))
    return " + ".join(parts)


def _files_expr(args: list[_Arg]) -> str:
    """`files=` of a multipart call: the wire names of the top-level file fields (a file or a
    list of files, never text), so the runtime can reject a `str` given for one of them; `True`
    when there are none (files only nested deeper, or fields that also take text)."""
    names = []
    for a in args:
        used = identifiers(a.type.annotation) if a.location == "body" else []
        if "FileTypes" in used and "str" not in used:
            names.append(py_str(a.wire))
    if not names:
        return "True"
    return "(" + ", ".join(names) + ("," if len(names) == 1 else "") + ")"


def _header_value(a: _Arg) -> str:
    """A header parameter's text: arrays comma-separated (OpenAPI's `simple` style), booleans
    as `true`/`false`, anything else `str()`."""
    if a.type.members == ("bool",):
        return f'("true" if {a.py} else "false")'
    if all(member.startswith("Sequence[") for member in a.type.members):
        return f'",".join(str(item) for item in {a.py})'
    return f"str({a.py})"


def _options_expr(args: list[_Arg]) -> str:
    headers = "extra_headers"
    header_args = [a for a in args if a.location == "header"]
    if header_args:
        entries = []
        for a in header_args:
            value = "{" + f"{py_str(a.wire)}: {_header_value(a)}" + "}"
            if a.required:
                entries.append(f"**{value}")
            else:
                entries.append(f"**({value} if not isinstance({a.py}, NotGiven) else {{}})")
        headers = "{" + ", ".join([*entries, "**(extra_headers or {})"]) + "}"
    return (
        f"make_request_options(extra_headers={headers}, extra_query=extra_query, "
        "extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline)"
    )
