"""Lowering, part 2: one operation -> `ir.Method` (signatures, overloads, the request call, docs).

- Path parameters are positional, everything else keyword-only (required first); optional ones
  default to `NOT_GIVEN`, which the runtime never sends.
- A JSON response plus a `text/event-stream` one, with a boolean `stream` body property, gives
  three `@overload`s (`stream: Literal[False]` -> model, `Literal[True]` -> `Stream[Chunk]`,
  `bool` -> either); an event stream alone always streams.
- List responses become pages: `data` array + boolean `has_more` + an `after` query parameter is
  a cursor page, a `data` array without paging parameters a single page (config `paginate:`
  overrides). Async list methods are plain `def`s returning an `AsyncPaginator`.
- Other media types are binary (`BinaryAPIResponse`); multipart bodies send `files=True`.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import ir
from .errors import ConfigError, Diagnostic
from .lower_ops import PATH_PARAM, Operation, data_items, dotted
from .lower_types import ModuleBuilder, T, TypeLowerer, escape_pointer, module_name_for
from .naming import (
    RESERVED_PARAM_NAMES,
    Allocator,
    docstring,
    identifier,
    is_identifier,
    pascal,
    py_str,
)
from .pymodule import pep604

__all__ = ["MethodLowerer"]

_SIMPLE_NAME = re.compile(r"^[A-Za-z0-9_.\-]+$")
_PAGING_PARAMS = frozenset({"after", "before", "limit", "page", "offset", "cursor", "page_token"})
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
    chunk: str | None = None
    page: str | None = None
    async_page: str | None = None


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
        fields = [
            ir.Field(
                a.wire,
                f"Required[{a.type.annotation}]" if a.required else a.type.annotation,
                None,
                None,
            )
            for a in args
            if a.location in ("query", "body")
        ]
        if not fields:
            return None
        name = op.params_class
        functional = any(not is_identifier(f.name) for f in fields)
        if functional:
            fields = [ir.Field(py_str(f.name), f.annotation, None, None) for f in fields]
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
        if success.json is None:
            chunk = self.response_type(success.sse, directory, op.base + "Chunk")
            return _Result(
                "stream_only",
                f"Stream[{chunk.annotation}]",
                f"AsyncStream[{chunk.annotation}]",
                chunk=chunk.annotation,
            )
        schema, pointer = tl.deref(*success.json)
        kind = op.override.paginate or self.detect_page(op, schema, pointer, args)
        if kind in ("cursor", "page"):
            items = data_items(self.types, schema, pointer) if isinstance(schema, Mapping) else None
            if items is None:
                raise ConfigError(
                    f"/operations/{escape_pointer(op.key)}/paginate",
                    f"{op.key} cannot be paginated: its response has no `data` array",
                )
            item = self.response_type(items, directory, op.base + "Response")
            sync_page, async_page = (
                ("SyncCursorPage", "AsyncCursorPage")
                if kind == "cursor"
                else ("SyncPage", "AsyncPage")
            )
            return _Result(
                "page",
                f"{sync_page}[{item.annotation}]",
                f"AsyncPaginator[{item.annotation}, {async_page}[{item.annotation}]]",
                page=f"{sync_page}[{item.annotation}]",
                async_page=f"{async_page}[{item.annotation}]",
            )
        model = self.response_type(success.json, directory, op.base + "Response")
        stream = next((a for a in args if a.wire == "stream" and a.location == "body"), None)
        if success.sse is not None:
            if stream is not None and _is_bool(stream.type):
                chunk = self.response_type(success.sse, directory, op.base + "Chunk")
                return _Result(
                    "stream_both", model.annotation, model.annotation, chunk=chunk.annotation
                )
            self.warn(
                op.pointer,
                "has an event-stream response but no boolean `stream` body "
                "parameter; only the JSON response is generated",
            )
        return _Result("json", model.annotation, model.annotation)

    def detect_page(self, op: Operation, schema: Any, pointer: str, args: list[_Arg]) -> str:
        if op.verb != "get" or not isinstance(schema, Mapping):
            return "none"
        if data_items(self.types, schema, pointer) is None:
            return "none"
        _, props, _ = self.types.properties(schema, pointer, inherit=False)
        has_more = any(
            p.wire == "has_more" and _schema_is_bool(self.types.deref(p.schema, p.pointer)[0])
            for p in props
        )
        query = {a.wire for a in args if a.location == "query"}
        if has_more and "after" in query:
            return "cursor"
        if not query & _PAGING_PARAMS:
            return "page"
        return "none"

    def response_type(self, part: tuple[Any, str] | None, directory: str, hint: str) -> T:
        if part is None:
            return T(("object",))
        builder = self.new_module(directory, hint)
        lowered = self.types.lower(part[0], "model", builder, hint, part[1])
        self.keep_module(builder)
        return lowered

    def method(
        self, op: Operation, args: list[_Arg], result: _Result, params_type: str | None
    ) -> ir.Method:
        positional = tuple(
            ir.Param(a.py, a.type.annotation, None) for a in args if a.location == "path"
        )
        stream = next((a for a in args if a.wire == "stream" and a.location == "body"), None)
        overloaded = result.kind == "stream_both" and stream is not None
        plain = [a for a in args if a.location != "path" and not (overloaded and a is stream)]
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
            if overloaded and stream is not None:
                stream_cls = f"{'AsyncStream' if is_async else 'Stream'}[{result.chunk}]"
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
            variants.append(
                self.variant(op, args, result, signature, overloads, is_async, stream, returns)
            )
        doc = self.method_doc(op, args)
        info = ir.OperationDoc(
            http_method=op.verb.upper(),
            path=op.path,
            params_type=params_type,
            signature=self.doc_signature(op, args, variants[0].signature.returns),
        )
        return ir.Method(op.name, doc, variants[0], variants[1], info)

    def variant(
        self,
        op: Operation,
        args: list[_Arg],
        result: _Result,
        signature: ir.Signature,
        overloads: tuple[ir.Signature, ...],
        is_async: bool,
        stream: _Arg | None,
        runtime_returns: str,
    ) -> ir.MethodVariant:
        """One form of a method; `runtime_returns` is the return type in `typing` syntax (it is
        evaluated at runtime when the result needs a `cast`)."""
        call: list[ir.CallArg] = [
            ir.CallArg("", py_str(op.verb)),
            ir.CallArg("", _path_expr(op, args)),
        ]
        if result.kind == "page":
            page = result.async_page if is_async else result.page
            call.append(ir.CallArg("page", page or "object"))
        query = tuple(f"{py_str(a.wire)}: {a.py}" for a in args if a.location == "query")
        if query:
            call.append(ir.CallArg("query", "", query))
        body = tuple(f"{py_str(a.wire)}: {a.py}" for a in args if a.location == "body")
        if body:
            call.append(ir.CallArg("body", "", body))
        whole = next((a for a in args if a.location == "whole"), None)
        if whole is not None:
            call.append(ir.CallArg("body", whole.py))
        if op.body is not None and op.body.multipart and result.kind != "page":
            call.append(ir.CallArg("files", "True"))
        call.append(ir.CallArg("options", _options_expr(args)))
        wrap: str | None = None
        if result.kind != "page":
            if result.kind == "binary":
                cast_to = result.async_returns if is_async else result.sync_returns
            elif result.kind == "none":
                # The result is not returned (`type(None)` could clash with a `type` parameter).
                cast_to = "cast(Any, None)"
            else:
                model = result.chunk if result.kind == "stream_only" else result.sync_returns
                cast_to = model or "object"
                if not _is_class_expr(cast_to) or cast_to in self.types.aliases:
                    cast_to = f"cast(Any, {cast_to})"
                    wrap = runtime_returns
            call.append(ir.CallArg("cast_to", cast_to))
            if result.kind == "binary":
                call.append(ir.CallArg("binary", "True"))
            if result.kind in ("stream_both", "stream_only"):
                stream_cls = f"{'AsyncStream' if is_async else 'Stream'}[{result.chunk}]"
                flag = (
                    "True"
                    if result.kind == "stream_only" or stream is None
                    else f"{stream.py} is True"
                )
                call.append(ir.CallArg("stream", flag))
                call.append(ir.CallArg("stream_cls", stream_cls))
                if result.kind == "stream_only":
                    wrap = runtime_returns
        method = "self._request_page" if result.kind == "page" else "self._request"
        awaited = "await " if is_async and result.kind != "page" else ""
        if wrap is not None:
            call_open, call_close = f"return cast({wrap}, {awaited}{method}(", "))"
        elif result.kind == "none":
            call_open, call_close = f"{awaited}{method}(", ")"
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


def _schema_is_bool(schema: Any) -> bool:
    if not isinstance(schema, Mapping):
        return False
    kind = schema.get("type")
    return kind == "boolean" or (isinstance(kind, list) and "boolean" in kind)


def _is_bool(lowered: T) -> bool:
    return lowered.members == ("bool",)


def _is_class_expr(text: str) -> bool:
    """Whether `text` names a class (so it can be passed as `cast_to: type[T]`)."""
    return bool(_CLASS_EXPR.match(text)) and text not in ("None", "object", "Any")


def _path_expr(op: Operation, args: list[_Arg]) -> str:
    """The request path as a Python expression, path parameters through `path_param()`."""
    by_wire = {a.wire: a for a in args if a.location == "path"}
    pieces = PATH_PARAM.split(op.path)
    if len(pieces) == 1:
        return py_str(op.path)
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


def _options_expr(args: list[_Arg]) -> str:
    headers = "extra_headers"
    header_args = [a for a in args if a.location == "header"]
    if header_args:
        entries = []
        for a in header_args:
            value = "{" + f"{py_str(a.wire)}: str({a.py})" + "}"
            if a.required:
                entries.append(f"**{value}")
            else:
                entries.append(f"**({value} if not isinstance({a.py}, NotGiven) else {{}})")
        headers = "{" + ", ".join([*entries, "**(extra_headers or {})"]) + "}"
    return (
        f"make_request_options(extra_headers={headers}, extra_query=extra_query, "
        "extra_body=extra_body, timeout=timeout, max_retries=max_retries)"
    )
