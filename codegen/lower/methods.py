"""One operation -> `ir.Method`: its parameters, their order in the signature, what it returns.

- Parameters are sent in spec order: path parameters (in URL order), query and header
  parameters, then the properties of an object body, each as a keyword argument (a body that is
  not an object is one `body` argument). Python names never clash with each other nor with the
  standard per-call arguments (`RESERVED_PARAM_NAMES`).
- The signature: path parameters positional, everything else keyword-only, required ones first.
  The boolean that asks for a stream is left out: `render` gives it its place in each overload.
- A `TypedDict` named like the operation mirrors its query and body parameters (for users who
  build the arguments as a dict), in `types/<resource path>/`.
- Response types are named after the operation (`<Resource><Method>Response`, `...Chunk`); a
  discriminated union there becomes a named alias, as a named schema would be. Declared error
  bodies get their types as `error_bodies` says (`ir.ErrorBody`).
- A multipart body names its top-level fields that hold only files. A text body is one `str`
  argument, a binary body (any media type but JSON, forms and text) one file argument.
- A query or cookie parameter, or a field of a URL-encoded form, whose `style` / `explode`
  the runtime's default encoding would not follow gets `Parameter.style` (`_style`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qsl

from .. import ir
from ..errors import Diagnostic
from ..ir import types as t
from .modules import ModuleBuilder, ModuleNames
from .naming import RESERVED_PARAM_NAMES, Allocator, identifier, pascal
from .operations import PATH_PARAM, Operation, dotted
from .responses import Result, result
from .schemas import Schemas
from .types import TypeLowerer

__all__ = ["MethodLowerer"]


class MethodLowerer:
    """Lowers operations to methods; their types go into `types/` through `types`."""

    def __init__(
        self, types: TypeLowerer, modules: ModuleNames, diagnostics: list[Diagnostic]
    ) -> None:
        self.types = types
        self.modules = modules
        self.diagnostics = diagnostics
        self._error_types: dict[str, t.Type] = {}  # by schema pointer: shared responses

    def lower_operation(self, op: Operation) -> ir.Method:
        schemas = self.types.schemas
        directory = "/".join(("types", *op.resource[:-1]))
        params_module = self.modules.new_module(directory, op.params_class)
        names = Allocator(RESERVED_PARAM_NAMES)
        params: list[ir.Parameter] = []

        def add(
            wire: str,
            location: ir.ParamLocation,
            schema: Any,
            pointer: str,
            required: bool,
            description: object,
            style: tuple[str | None, bool | None] | None = None,
            typ: t.Type | None = None,
            exact_style: tuple[str, bool] | None = None,
        ) -> None:
            lowered = typ or self.types.lower(
                schema, "param", params_module, op.base + pascal(wire), pointer
            )
            name = names.allocate(identifier(wire, reserved=RESERVED_PARAM_NAMES), sep="_")
            doc = description if isinstance(description, str) and description.strip() else None
            if exact_style is not None:
                wire_style: tuple[str, bool] | None = exact_style
            else:
                wire_style = None if style is None else _style(schemas, schema, pointer, *style)
            params.append(ir.Parameter(name, wire, location, lowered, required, doc, wire_style))

        by_wire = {p.wire: p for p in op.params if p.location == "path"}
        for wire in PATH_PARAM.findall(_url(op).split("?")[0]):
            param = by_wire[wire]
            add(param.wire, "path", param.schema, param.pointer, True, param.description)
        for param in op.params:
            if param.location != "path":
                add(
                    param.wire,
                    param.location,
                    param.schema,
                    param.pointer,
                    param.required,
                    param.description,
                    None if param.location == "header" else (param.style, param.explode),
                    # `simple` is a header's only style; explode matters only for objects.
                    exact_style=("simple", True)
                    if param.location == "header" and param.explode is True
                    else None,
                )
        kind = op.body.kind if op.body is not None else None
        if op.body is not None and kind in ("binary", "text"):
            body = op.body
            typ = t.File(body=True) if kind == "binary" else t.Primitive("str")
            add("body", "whole_body", body.schema, body.pointer, body.required, None, typ=typ)
        elif op.body is not None:
            # Raw bytes in a multipart body are files; in JSON they are text.
            self.types.sending_files = op.body.multipart
            encoding = op.body.encoding or {}
            try:
                schema, pointer = schemas.deref(op.body.schema, op.body.pointer)
                if schemas.is_class(schema, pointer):
                    _, props, required = schemas.properties(schema, pointer, inherit=False)
                    for prop in props:
                        prop_schema = prop.schema
                        if isinstance(prop_schema, Mapping) and prop_schema.get("readOnly") is True:
                            continue
                        description = (
                            prop_schema.get("description")
                            if isinstance(prop_schema, Mapping)
                            else None
                        )
                        required_here = prop.wire in required
                        style = None
                        found = encoding.get(prop.wire)
                        found = found if isinstance(found, Mapping) else {}
                        if kind == "form":
                            style = (found.get("style"), found.get("explode"))
                        add(
                            prop.wire,
                            "body",
                            prop_schema,
                            prop.pointer,
                            required_here,
                            description,
                            style,
                            exact_style=_multipart_style(found) if kind == "multipart" else None,
                        )
                else:
                    body = op.body
                    add("body", "whole_body", body.schema, body.pointer, body.required, None)
            finally:
                self.types.sending_files = False

        def response_type(part: tuple[Any, str] | None, suffix: str) -> t.Type:
            return self.response_type(part, directory, op.base + suffix)

        found = result(op, params, schemas, response_type, self.diagnostics)
        spec = found.stream
        flag = spec.flag_param if spec is not None and found.kind == "model_or_stream" else None
        params_type = self.params_typeddict(op, params, params_module, flag)
        self.keep(params_module)
        method = self.method(op, params, found, params_type)
        errors = self.error_bodies(op, directory)
        return replace(method, errors=errors) if errors else method

    def error_bodies(self, op: Operation, directory: str) -> tuple[ir.ErrorBody, ...]:
        """The types of the error bodies `op` declares (see `error_bodies`)."""
        schemas = self.types.schemas
        own = [e for e in op.errors if e.component is None and schemas.named_ref(e.schema) is None]
        out: list[ir.ErrorBody] = []
        for error in op.errors:
            typ = self._error_types.get(error.pointer)
            if typ is None:
                part = (error.schema, error.pointer)
                if error.component is not None:
                    hint = pascal(error.component)
                    hint += "" if hint.endswith("Response") else "Response"
                    typ = self.response_type(part, "types", hint)
                else:
                    name = _error_name(error.status) if len(own) > 1 else "Error"
                    typ = self.response_type(part, directory, op.base + name)
                self._error_types[error.pointer] = typ
            if next(t.refs(typ), None) is not None:  # else the decoded JSON says as much
                out.append(ir.ErrorBody(error.status, typ))
        return tuple(out)

    def keep(self, builder: ModuleBuilder) -> None:
        """Register `builder` if something was defined in it, else give its name back."""
        if builder.definitions:
            self.types.modules[builder.path] = builder
        else:
            self.modules.release(builder)

    def params_typeddict(
        self, op: Operation, params: list[ir.Parameter], module: ModuleBuilder, flag: str | None
    ) -> ir.ParamsType | None:
        """The TypedDict of the method's query and body parameters (`create(**params)`).

        A method whose boolean `flag` asks for a stream gets openai-python's shape, so that
        `params: CompletionCreateParams = {...}; create(**params)` picks the right overload:
        a `...Base` without the flag, `...NonStreaming` (flag `Literal[False]`, optional) and
        `...Streaming` (flag `Required[Literal[True]]`), and the params name for their union.
        """
        keys: dict[str, ir.Field] = {}
        flag_param: ir.Parameter | None = None
        for param in params:
            if param.name == flag and param.location == "body":
                flag_param = param
                continue
            # A query parameter and a body property can share a name; a TypedDict key cannot.
            if param.location in ("query", "body") and param.wire not in keys:
                keys[param.wire] = ir.Field(
                    param.wire, param.wire, param.type, param.required, None
                )
        name = op.params_class
        doc = f"Parameters of `{dotted(op)}()`."
        variants = [name + suffix for suffix in ("Base", "NonStreaming", "Streaming")]
        if (
            flag_param is None
            or flag_param.wire in keys
            or any(v in self.types.names for v in variants)
        ):
            if flag_param is not None and flag_param.wire not in keys:
                keys[flag_param.wire] = ir.Field(
                    flag_param.wire, flag_param.wire, flag_param.type, flag_param.required, None
                )
            if not keys:
                return None
            definition = ir.TypedDictDef(name, (), tuple(keys.values()), doc, method_params=True)
            self.types.add(module, definition, register=False)
            return ir.ParamsType(name, module.path + ".py")
        base, off, on = variants
        false: t.Type = t.Literal((False,))
        if t.is_nullable(flag_param.type):
            false = t.nullable(false)
        wire = flag_param.wire
        for definition in (
            ir.TypedDictDef(base, (), tuple(keys.values()), doc, method_params=True),
            ir.TypedDictDef(
                off,
                (base,),
                (ir.Field(wire, wire, false, False, flag_param.doc),),
                f"Parameters of `{dotted(op)}()` that get one response.",
                method_params=True,
            ),
            ir.TypedDictDef(
                on,
                (base,),
                (ir.Field(wire, wire, t.Literal((True,)), True, flag_param.doc),),
                f"Parameters of `{dotted(op)}()` that get a stream of events.",
                method_params=True,
            ),
        ):
            self.types.add(module, definition, register=False)
        union = t.Union((t.Ref(off), t.Ref(on)))
        alias = ir.Alias(name, union, doc, "param", method_params=True)
        self.types.add(module, alias, register=False)
        return ir.ParamsType(name, module.path + ".py")

    def response_type(self, part: tuple[Any, str] | None, directory: str, hint: str) -> t.Type:
        if part is None:
            return t.OBJECT
        builder = self.modules.new_module(directory, hint)
        lowered = self.types.lower(part[0], "model", builder, hint, part[1])
        if t.contains(lowered, lambda x: isinstance(x, t.Discriminated)):
            # Calls inside `Annotated` make no type in an expression (`cast(X, ...)`,
            # `stream_cls=Stream[X]`): name the type, as a named schema would be.
            name = self.types.inline_name(hint, "model")
            self.types.add(builder, ir.Alias(name, lowered, None, "model"))
            lowered = t.Ref(name)
        self.keep(builder)
        return lowered

    def method(
        self,
        op: Operation,
        params: list[ir.Parameter],
        found: Result,
        params_type: ir.ParamsType | None,
    ) -> ir.Method:
        spec = found.stream
        # The boolean that asks for a stream takes its place in each overload (see `render`).
        flag = spec.flag_param if spec is not None and found.kind == "model_or_stream" else None
        plain = [p for p in params if p.location != "path" and p.name != flag]
        summary = op.node.get("summary")
        description = op.node.get("description")
        return ir.Method(
            name=op.name,
            http_method=op.verb.upper(),
            path=_url(op),
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
            body=_body(op, params),
            result=found.kind,
            returns=found.returns,
            stream=spec,
            paginator=found.paginator,
            params_type=params_type,
            tags=op.tags,
            accept=found.accept,
        )


def _error_name(status: str) -> str:
    """How an operation's own inline error body is named when it has several: `Error404`,
    `ClientError` (4XX), `ServerError` (5XX), `Error3xx`, `ErrorDefault`."""
    ranges = {"4XX": "ClientError", "5XX": "ServerError"}
    if status in ranges:
        return ranges[status]
    return "Error" + (status if status.isdigit() else pascal(status.lower()))


def _url(op: Operation) -> str:
    """What the method calls: the spec's path, or the absolute URL of an operation served
    elsewhere than the client's base URL (its unknown server variables as path parameters)."""
    return op.server + op.path if op.server else op.path


def _body(op: Operation, params: list[ir.Parameter]) -> ir.Body | None:
    """The request body; a multipart form names its top-level fields that are only files (a
    file or a list of files, never text), so the runtime can reject text given for one."""
    if op.body is None:
        return None
    files: tuple[str, ...] = ()
    part_types: list[tuple[str, str]] = []
    if op.body.multipart:
        files = tuple(p.wire for p in params if p.location == "body" and _only_files(p.type))
        fields = {p.wire: p for p in params if p.location == "body"}
        for wire, found in (op.body.encoding or {}).items():
            content_type = found.get("contentType") if isinstance(found, Mapping) else None
            field = fields.get(str(wire))
            # A styled field is sent as text parts: OpenAPI ignores its contentType then.
            if isinstance(content_type, str) and field is not None and field.style is None:
                part_types.append((str(wire), content_type))
    return ir.Body(op.body.media_type, op.body.required, files, tuple(sorted(part_types)))


def _multipart_style(encoding: Mapping[str, Any]) -> tuple[str, bool] | None:
    """`(style, explode)` of a multipart field whose `encoding` names a style or explode
    (OpenAPI 3.1: its parts are then text, as in a form; Stripe's `expand[]`), else `None`."""
    style, explode = encoding.get("style"), encoding.get("explode")
    if not isinstance(style, str) and not isinstance(explode, bool):
        return None
    style = style if isinstance(style, str) else "form"
    return style, explode if isinstance(explode, bool) else style == "form"


def _only_files(typ: t.Type) -> bool:
    """Whether `typ` holds a file and nothing that is text (`str`, or a dict's `str` keys)."""
    has_file = t.contains(typ, lambda x: isinstance(x, t.File))
    has_text = t.contains(typ, lambda x: x == t.Primitive("str") or isinstance(x, t.Dict))
    return has_file and not has_text


def _style(
    schemas: Schemas, schema: Any, pointer: str, style: str | None, explode: bool | None
) -> tuple[str, bool] | None:
    """`(style, explode)` for a query, cookie or form value when the runtime's default
    (`style: form, explode: true` for arrays, `deepObject` for objects) would send it otherwise
    than the spec says; `None` when the default does (scalars, exploded form arrays).

    Deviation: an object whose `style` the spec leaves out keeps the runtime's `a[b]=v`
    (OpenAI's `metadata`, `effective_at` filters) rather than OpenAPI's default of spreading
    its keys as top-level parameters (`b=v`), which loses the parameter's name and is not what
    such APIs read; only an explicit `style: form` spreads them."""
    if not isinstance(style, str) and not isinstance(explode, bool):
        return None  # scalars and arrays: the default is OpenAPI's; objects: see above
    style = style if isinstance(style, str) else "form"
    explode = (style == "form") if not isinstance(explode, bool) else explode
    if style in ("spaceDelimited", "pipeDelimited") and explode:
        style = "form"  # exploded, they are `form`'s
    shape = _shape(schemas, schema, pointer, 0)
    if shape == "scalar" or (shape == "array" and style == "form" and explode):
        return None
    if style == "deepObject" and not _holds_array(schemas, schema, pointer, 0):
        return None  # objects of scalars and objects: `a[b][c]=v` either way
    return (style, explode)


def _holds_array(schemas: Schemas, schema: Any, pointer: str, depth: int) -> bool:
    """Whether a value of `schema` may hold an array anywhere (unknown: yes)."""
    schema, pointer = schemas.deref(schema, pointer)
    if not isinstance(schema, Mapping):
        return False
    if depth > 8:
        return True
    declared = schema.get("type")
    if declared == "array" or (isinstance(declared, list) and "array" in declared):
        return True
    if "items" in schema or schema.get("additionalProperties") is True:
        return True
    parts: list[tuple[Any, str]] = []
    for key in ("anyOf", "oneOf", "allOf"):
        options = schema.get(key)
        if isinstance(options, list):
            parts += [(o, f"{pointer}/{key}/{i}") for i, o in enumerate(options)]
    props = schema.get("properties")
    if isinstance(props, Mapping):
        parts += [(v, f"{pointer}/properties/{k}") for k, v in props.items()]
    extra = schema.get("additionalProperties")
    if isinstance(extra, Mapping):
        parts.append((extra, f"{pointer}/additionalProperties"))
    if declared is None and not parts and not any(k in schema for k in ("enum", "const")):
        return True  # anything at all
    return any(_holds_array(schemas, part, where, depth + 1) for part, where in parts)


_SCALARS = frozenset({"string", "integer", "number", "boolean", "null"})


def _shape(schemas: Schemas, schema: Any, pointer: str, depth: int) -> str:
    """`"scalar"`, `"array"` (of scalars) or `"other"` (objects, mixed or too deep)."""
    schema, pointer = schemas.deref(schema, pointer)
    if not isinstance(schema, Mapping) or depth > 8:
        return "other"
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if isinstance(options, list) and options:
            found = {_shape(schemas, o, f"{pointer}/{key}", depth + 1) for o in options}
            return found.pop() if len(found) == 1 else "other"
    declared = schema.get("type")
    types = set(declared) if isinstance(declared, list) else {declared}
    if declared is None:
        # No type: taken as a scalar unless it describes an object or an array.
        shaped = ("properties", "additionalProperties", "items", "allOf", "patternProperties")
        return "other" if any(key in schema for key in shaped) else "scalar"
    if types <= _SCALARS:
        return "scalar"
    if types - {"null"} == {"array"}:
        items = _shape(schemas, schema.get("items", {}), f"{pointer}/items", depth + 1)
        return "array" if items == "scalar" else "other"
    return "other"
