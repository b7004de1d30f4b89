"""Lowering, part 2: one operation -> `ir.Method` (parameters, signature order, results).

- Path parameters are positional (in URL order), everything else keyword-only: required ones
  first, then optional ones, each in the order they are sent.
- A JSON response plus a `text/event-stream` one, with a boolean `stream` body property, is a
  `model_or_stream` result (`render` prints three `@overload`s); an event stream alone always
  streams.
- List responses become pages (`ir.Paginator`). For a GET whose response has a `data` array:
  boolean `has_more` + an `after` query parameter is a cursor page; a string `next` field a
  next-URL page; an integer `page` query parameter a page-number page; no paging parameters at
  all a single page. The config's `paginate:` overrides.
- Streams are `ir.StreamSpec`s: the chunk type and the boolean parameter that asks for them.
- Other media types are binary, also when their only alternatives are a JSON string or an event
  stream no boolean `stream` parameter asks for (with a warning); a multipart body names its
  top-level file fields (`ir.Body.file_fields`).
- A query string written into the spec's path (`/responses?beta=true`) is sent as fixed query
  entries.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from . import ir
from .config import Paginate
from .errors import ConfigError, Diagnostic
from .ir import types as t
from .lower_ops import PATH_PARAM, Operation, data_items, dotted
from .lower_types import ModuleBuilder, TypeLowerer, module_name_for
from .naming import RESERVED_PARAM_NAMES, Allocator, identifier, pascal
from .spec.pointer import escape_token

__all__ = ["MethodLowerer"]

_PAGING_PARAMS = frozenset({"after", "before", "limit", "page", "offset", "cursor", "page_token"})
# kind -> (sync page class, async page class, cursor query parameter, has-more field, next-URL
# field), as the runtime page classes in `_pagination.py` define them
_PAGE_CLASSES: Mapping[str, tuple[str, str, str | None, str | None, str | None]] = {
    "cursor": ("SyncCursorPage", "AsyncCursorPage", "after", "has_more", None),
    "page": ("SyncPage", "AsyncPage", None, None, None),
    "next_url": ("SyncNextUrlPage", "AsyncNextUrlPage", None, None, "next"),
    "page_number": ("SyncPageNumberPage", "AsyncPageNumberPage", "page", None, None),
}


@dataclass
class _Result:
    kind: ir.ResultKind
    returns: t.Type | None = None
    stream: ir.StreamSpec | None = None
    paginator: ir.Paginator | None = None
    warnings: list[str] = field(default_factory=list)


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
        params: list[ir.Parameter] = []

        def add(wire: str, location: ir.ParamLocation, schema: Any, pointer: str,
                required: bool, description: object) -> None:
            params.append(
                self.param(
                    names, wire, location, schema, pointer, required, description,
                    params_module, op.base,
                )
            )

        by_wire = {p.wire: p for p in op.params if p.location == "path"}
        for wire in PATH_PARAM.findall(op.path.split("?")[0]):
            param = by_wire[wire]
            add(param.wire, "path", param.schema, param.pointer, True, param.description)
        for param in op.params:
            if param.location != "path":
                add(
                    param.wire, param.location, param.schema, param.pointer,  # type: ignore[arg-type]
                    param.required, param.description,
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
                    add(prop.wire, "body", prop.schema, prop.pointer, prop.wire in required,
                        description)
            else:
                add("body", "whole_body", op.body.schema, op.body.pointer, op.body.required, None)
        params_type = self.params_typeddict(op, params, params_module)
        self.keep_module(params_module)
        result = self.result(op, directory, params)
        return self.method(op, params, result, params_type)

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

    def param(
        self,
        names: Allocator,
        wire: str,
        location: ir.ParamLocation,
        schema: Any,
        pointer: str,
        required: bool,
        description: object,
        module: ModuleBuilder,
        base: str,
    ) -> ir.Parameter:
        lowered = self.types.lower(schema, "param", module, base + pascal(wire), pointer)
        py = names.allocate(identifier(wire, reserved=RESERVED_PARAM_NAMES), sep="_")
        doc = description if isinstance(description, str) and description.strip() else None
        return ir.Parameter(py, wire, location, lowered, required, doc)

    def params_typeddict(
        self, op: Operation, params: list[ir.Parameter], module: ModuleBuilder
    ) -> ir.ParamsType | None:
        keys: dict[str, ir.Field] = {}
        for param in params:
            # A query parameter and a body property can share a name; a TypedDict key cannot.
            if param.location in ("query", "body") and param.wire not in keys:
                keys[param.wire] = ir.Field(
                    param.wire, param.wire, param.type, param.required, None
                )
        if not keys:
            return None
        name = op.params_class
        doc = f"Parameters of `{dotted(op)}()`."
        definition = ir.TypedDictDef(name, (), tuple(keys.values()), doc, method_params=True)
        self.types.add(module, definition, register=False)
        return ir.ParamsType(name, module.path + ".py")

    def result(self, op: Operation, directory: str, params: list[ir.Parameter]) -> _Result:
        tl = self.types
        success = op.success
        if success.json is None and success.sse is None:
            return _Result("binary" if success.binary else "none")
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
            return _Result("binary")
        if success.json is None:
            chunk = self.response_type(success.sse, directory, op.base + "Chunk")
            return _Result("stream", stream=ir.StreamSpec(chunk, None))
        schema, pointer = tl.deref(*success.json)
        kind = op.override.paginate or self.detect_page(op, schema, pointer, params)
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
                item=item,
                items_field="data",
                cursor_param=cursor_param,
                has_more_field=has_more,
                page_class_sync=sync_page,
                page_class_async=async_page,
                next_url_field=next_url,
            )
            return _Result("page", paginator=paginator)
        model = self.response_type(success.json, directory, op.base + "Response")
        stream = next((p for p in params if p.wire == "stream" and p.location == "body"), None)
        if success.sse is not None:
            if stream is not None and t.members(stream.type) == (t.Primitive("bool"),):
                chunk = self.response_type(success.sse, directory, op.base + "Chunk")
                spec = ir.StreamSpec(chunk, stream.name)
                return _Result("model_or_stream", returns=model, stream=spec)
            self.warn(
                op.pointer,
                "has an event-stream response but no boolean `stream` body "
                "parameter; only the JSON response is generated",
            )
        return _Result("model", returns=model)

    def detect_page(self, op: Operation, schema: Any, pointer: str, params: list[ir.Parameter]) -> Paginate:
        """The paging scheme of a GET with a `data` array response, from the shape alone."""
        if op.verb != "get" or not isinstance(schema, Mapping):
            return "none"
        if data_items(self.types, schema, pointer) is None:
            return "none"
        _, props, _ = self.types.properties(schema, pointer, inherit=False)
        fields = {p.wire: self.types.deref(p.schema, p.pointer)[0] for p in props}
        query = {p.wire: p for p in params if p.location == "query"}
        if _schema_is(fields.get("has_more"), "boolean") and "after" in query:
            return "cursor"
        if _schema_is(fields.get("next"), "string"):
            return "next_url"
        if "page" in query and t.members(query["page"].type) == (t.Primitive("int"),):
            return "page_number"
        if not set(query) & _PAGING_PARAMS:
            return "page"
        return "none"

    def response_type(self, part: tuple[Any, str] | None, directory: str, hint: str) -> t.Type:
        if part is None:
            return t.OBJECT
        builder = self.new_module(directory, hint)
        lowered = self.types.lower(part[0], "model", builder, hint, part[1])
        if t.contains(lowered, lambda x: isinstance(x, t.Discriminated)):
            # Calls inside `Annotated` make no type in an expression (`cast(X, ...)`,
            # `stream_cls=Stream[X]`): name the type, as a named schema would be.
            name = self.types.inline_name(hint, "model")
            self.types.add(builder, ir.Alias(name, lowered, None, "model"))
            lowered = t.Ref(name)
        self.keep_module(builder)
        return lowered

    def method(
        self,
        op: Operation,
        params: list[ir.Parameter],
        result: _Result,
        params_type: ir.ParamsType | None,
    ) -> ir.Method:
        spec = result.stream
        # The boolean that asks for a stream takes its place in each overload (see `render`).
        flag = spec.flag_param if spec is not None and result.kind == "model_or_stream" else None
        plain = [p for p in params if p.location != "path" and p.name != flag]
        summary = op.node.get("summary")
        description = op.node.get("description")
        return ir.Method(
            name=op.name,
            http_method=op.verb.upper(),
            path=op.path,
            fixed_query=tuple(parse_qsl(op.path.partition("?")[2], keep_blank_values=True)),
            summary=summary if isinstance(summary, str) else None,
            description=description if isinstance(description, str) else None,
            deprecated=op.node.get("deprecated") is True,
            params=tuple(params),
            positional=tuple(p.name for p in params if p.location == "path"),
            keyword=(
                *(p.name for p in plain if p.required),
                *(p.name for p in plain if not p.required),
            ),
            body=self.body(op, params),
            result=result.kind,
            returns=result.returns,
            stream=spec,
            paginator=result.paginator,
            params_type=params_type,
        )

    def body(self, op: Operation, params: list[ir.Parameter]) -> ir.Body | None:
        """The request body; a multipart form names its top-level fields that are only files
        (a file or a list of files, never text), so the runtime can reject text given for one."""
        if op.body is None:
            return None
        files: tuple[str, ...] = ()
        if op.body.multipart:
            files = tuple(p.wire for p in params if p.location == "body" and _only_files(p.type))
        return ir.Body(op.body.media_type, op.body.required, files)

    def warn(self, pointer: str, message: str) -> None:
        self.diagnostics.append(Diagnostic("warning", pointer, message))


def _only_files(typ: t.Type) -> bool:
    """Whether `typ` holds a file and nothing that is text (`str`, or a dict's `str` keys)."""
    has_file = t.contains(typ, lambda x: isinstance(x, t.File))
    has_text = t.contains(typ, lambda x: x == t.Primitive("str") or isinstance(x, t.Dict))
    return has_file and not has_text


def _schema_is(schema: Any, kind: str) -> bool:
    """Whether `schema` (dereferenced) has JSON type `kind` (alone or next to `null`)."""
    if not isinstance(schema, Mapping):
        return False
    declared = schema.get("type")
    return declared == kind or (isinstance(declared, list) and kind in declared)
