"""The spec's operations, read into `Operation`s: parameters, request body, success response
(and the error responses' bodies, read by `error_bodies`).

`OperationReader.collect_operations()` walks `paths` in order. For each operation it merges the
path item's and the operation's parameters (header parameters named `Accept`, `Content-Type`
or `Authorization` are left out, as OpenAPI says), with their `style` / `explode`, chooses the
request body's media type (`choose_media`) and reads the first 2xx response's JSON,
event-stream and binary media types. An operation that cannot become a method (a path
parameter of style `label` or `matrix`) is a `skipped-operation` error naming it: the caller
stops, or with `--allow-skip` generates the rest.

The body's media type: `multipart/form-data` when the body holds files (they travel in no other
kind), else the first of JSON, form, multipart, text, binary whose fields include every other
offered media type's fields (so no field is lost), else the one with the most fields, with a
warning naming the fields the others have. `operations: {"POST /x": {body: <media type>}}` in
the config chooses another one.
Resource paths and method names are given later (`resources`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .. import ir
from ..config import Config, OperationOverride
from ..errors import SKIPPED_OPERATION, ConfigError, Diagnostic, SpecError
from ..spec.pointer import escape_token
from ..spec.structure import HTTP_METHODS
from .client import server_for
from .error_bodies import DeclaredError, declared_errors
from .schemas import Schemas

__all__ = [
    "PATH_PARAM",
    "Operation",
    "OperationParam",
    "OperationReader",
    "RequestBody",
    "Success",
    "dotted",
]

PATH_PARAM = re.compile(r"\{([^{}]+)\}")
_Location = Literal["path", "query", "header", "cookie"]
_LOCATIONS: dict[str, _Location] = {
    "path": "path",
    "query": "query",
    "header": "header",
    "cookie": "cookie",
}
_IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})
"""Header parameters OpenAPI says are ignored (the media types and security schemes say them)."""
_PREFERENCE: tuple[ir.BodyKind, ...] = ("json", "form", "multipart", "text", "binary")


@dataclass
class OperationParam:
    wire: str
    location: _Location
    required: bool
    schema: Any
    pointer: str
    description: str | None
    style: str | None = None  # as the spec writes it (`None`: the location's default)
    explode: bool | None = None


@dataclass
class RequestBody:
    media_type: str  # the chosen one, as the spec writes it
    multipart: bool
    schema: Any
    pointer: str
    required: bool
    example: Any = None  # the media type's first example value (README)
    encoding: Mapping[str, Any] | None = None  # the media type's `encoding` (form fields)

    @property
    def kind(self) -> ir.BodyKind:
        return ir.body_kind(self.media_type)


@dataclass
class Success:
    json: tuple[Any, str] | None = None
    sse: tuple[Any, str] | None = None
    binary: bool = False
    text: bool = False  # a `text/*` media type (other than an event stream)
    more_json: tuple[tuple[Any, str], ...] = ()  # the JSON schemas of later 2xx codes
    empty: bool = False  # a 2xx code answers with no content
    media: tuple[str, ...] = ()  # the first code's media types other than JSON, as written


@dataclass
class Operation:
    key: str  # "POST /chat/completions"
    verb: str  # "post"
    path: str
    pointer: str
    node: Mapping[str, Any]
    override: OperationOverride
    params: list[OperationParam]
    body: RequestBody | None
    success: Success
    resource: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    name: str = ""
    explicit_name: bool = False
    base: str = ""  # class-name stem for this operation's types ("CompletionCreate")
    params_class: str = ""  # name of its Params TypedDict (unique in its types/ directory)
    server: str | None = None  # its own server URL, when it is not the client's base URL
    errors: tuple[DeclaredError, ...] = ()  # the JSON bodies of its error statuses


def dotted(op: Operation) -> str:
    """How the method is called: `client.chat.completions.create`."""
    return ".".join(("client", *op.resource, op.name))


class OperationReader:
    """Reads the operations of a document."""

    def __init__(
        self,
        document: Mapping[str, Any],
        config: Config,
        schemas: Schemas,
        diagnostics: list[Diagnostic],
        base_url: str | None = None,
    ) -> None:
        self.document = document
        self.config = config
        self.schemas = schemas
        self.diagnostics = diagnostics
        self.base_url = base_url  # the client's default: operations with other servers say so

    def collect_operations(self) -> list[Operation]:
        paths = self.document.get("paths") or {}
        ops: list[Operation] = []
        seen_keys: set[str] = set()
        for path in paths:
            item = paths[path]
            item_pointer = "#/paths/" + escape_token(str(path))
            if isinstance(item, Mapping) and "$ref" in item:
                item, item_pointer = self.schemas.resolve(str(item["$ref"]), item_pointer)
            if not isinstance(item, Mapping):
                continue
            shared = item.get("parameters") or []
            for verb in HTTP_METHODS:
                node = item.get(verb)
                if not isinstance(node, Mapping):
                    continue
                pointer = f"{item_pointer}/{verb}"
                key = f"{verb.upper()} {path}"
                seen_keys.add(key)
                op = self.operation(str(path), verb, node, pointer, shared, key)
                if op is not None:
                    self.serve(op, item)
                    ops.append(op)
        for key in self.config.operations:
            if key not in seen_keys:
                raise ConfigError(
                    f"/operations/{escape_token(key)}", f"the spec has no operation {key!r}"
                )
        return ops

    def operation(
        self,
        path: str,
        verb: str,
        node: Mapping[str, Any],
        pointer: str,
        shared: list[Any],
        key: str,
    ) -> Operation | None:
        params: dict[tuple[str, str], OperationParam] = {}
        for source, base in (
            (shared, pointer.rsplit("/", 1)[0]),
            (node.get("parameters"), pointer),
        ):
            for index, raw in enumerate(source or []):
                param_pointer = f"{base}/parameters/{index}"
                param, param_pointer = self.schemas.deref(raw, param_pointer)
                if not isinstance(param, Mapping):
                    continue
                where = str(param.get("in"))
                name = str(param.get("name"))
                if where == "header" and name.lower() in _IGNORED_HEADERS:
                    continue
                location = _LOCATIONS.get(where)
                if location is None:
                    raise SpecError(param_pointer, f"unknown parameter location {where!r}")
                style = param.get("style")
                if location == "path" and style in ("label", "matrix"):
                    self.skip(
                        key,
                        param_pointer,
                        f"path parameter {name!r} of style {style!r} is not supported yet",
                    )
                    return None
                schema = param.get("schema")
                if schema is None and isinstance(param.get("content"), Mapping):
                    media: Any = next(iter(param["content"].values()), {})
                    schema = media.get("schema") if isinstance(media, Mapping) else None
                description = param.get("description")
                params[(location, name)] = OperationParam(
                    wire=name,
                    location=location,
                    required=location == "path" or param.get("required") is True,
                    schema={} if schema is None else schema,
                    pointer=param_pointer + "/schema",
                    description=description if isinstance(description, str) else None,
                    style=_str_or_none(param.get("style")),
                    explode=_bool_or_none(param.get("explode")),
                )
        declared = {p.wire for p in params.values() if p.location == "path"}
        for name in PATH_PARAM.findall(path.split("?")[0]):
            if name not in declared:
                raise SpecError(pointer, f"path parameter {name!r} is not declared")
        body = self.request_body(node, pointer, key)
        if body is False:
            return None
        return Operation(
            key=key,
            verb=verb,
            path=path,
            pointer=pointer,
            node=node,
            override=self.config.operations.get(key, OperationOverride()),
            params=list(params.values()),
            body=body if isinstance(body, RequestBody) else None,
            success=self.success(node, pointer),
            errors=declared_errors(node, pointer, self.schemas),
            tags=tuple(str(t) for t in node.get("tags") or () if isinstance(t, str)),
        )

    def serve(self, op: Operation, item: Mapping[str, Any]) -> None:
        """An operation served elsewhere than the client's base URL calls its absolute URL; a
        variable of that URL only the user knows is a parameter of the method."""
        found = server_for(op.node, item, self.base_url, op.pointer)
        if found is None:
            return
        op.server, variables = found
        taken = {p.wire for p in op.params if p.location == "path"}
        for variable in variables:
            if variable.wire in taken:
                raise SpecError(
                    f"{op.pointer}/servers",
                    f"server variable {variable.wire!r} has the name of a path parameter",
                )
            op.params.append(
                OperationParam(
                    wire=variable.wire,
                    location="path",
                    required=True,
                    schema={"type": "string"},
                    pointer=f"{op.pointer}/servers/0/variables/{escape_token(variable.wire)}",
                    description=variable.description,
                )
            )

    def request_body(
        self, node: Mapping[str, Any], pointer: str, key: str
    ) -> RequestBody | bool | None:
        raw = node.get("requestBody")
        if raw is None:
            return None
        body, body_pointer = self.schemas.deref(raw, pointer + "/requestBody")
        content = body.get("content") if isinstance(body, Mapping) else None
        if not isinstance(content, Mapping) or not content:
            return None
        if body.get("required") is not True and all(
            self._carries_nothing(media, body_pointer) for media in content.values()
        ):
            # Stripe's GETs: an optional form of no fields (`properties: {}`,
            # `additionalProperties: false`). Sending nothing is all it allows.
            return None
        chosen = self.choose_media(content, body_pointer, key)
        media_node = content[chosen] if isinstance(content[chosen], Mapping) else {}
        encoding = media_node.get("encoding")
        example = media_node.get("example")
        examples = media_node.get("examples")
        if example is None and isinstance(examples, Mapping) and examples:
            first = next(iter(examples.values()))
            example = first.get("value") if isinstance(first, Mapping) else None
        return RequestBody(
            media_type=chosen,
            multipart=chosen == "multipart/form-data",
            schema=media_node.get("schema", {}),
            pointer=f"{body_pointer}/content/{escape_token(chosen)}/schema",
            required=isinstance(body, Mapping) and body.get("required") is True,
            example=example,
            encoding=encoding if isinstance(encoding, Mapping) else None,
        )

    def choose_media(self, content: Mapping[str, Any], pointer: str, key: str) -> str:
        """The media type a body is sent as (see the module docstring)."""
        override = self.config.operations.get(key, OperationOverride()).body
        if override is not None:
            if override not in content:
                offered = ", ".join(sorted(str(m) for m in content))
                raise ConfigError(
                    f"/operations/{escape_token(key)}/body",
                    f"{key} offers no request body media type {override!r} (it offers {offered})",
                )
            return override
        medias = [str(m) for m in content]
        multipart = content.get("multipart/form-data")
        if isinstance(multipart, Mapping) and self.schemas.has_binary(
            multipart.get("schema"), pointer
        ):
            # Files cannot travel in JSON nor in a URL-encoded form.
            return "multipart/form-data"
        fields = {m: self._fields(content[m], pointer) for m in medias}
        every: set[str] = set().union(*fields.values())
        ranked = sorted(medias, key=lambda m: _PREFERENCE.index(ir.body_kind(m)))
        for media in ranked:
            if fields[media] >= every:
                return media
        best = max(ranked, key=lambda m: len(fields[m]))  # first of the largest
        lost = ", ".join(sorted(every - fields[best]))
        self.warn(
            pointer,
            f"{key}: no request body media type carries every field; sent as {best}, "
            f"without {lost} (choose another with `operations: {{{key!r}: {{body: ...}}}}`)",
            "body-media-type",
        )
        return best

    def _fields(self, media: Any, pointer: str) -> set[str]:
        """The property names of a media type's object schema (none for other schemas)."""
        schema = media.get("schema") if isinstance(media, Mapping) else None
        schema, where = self.schemas.deref(schema, pointer)
        if not self.schemas.is_class(schema, where):
            return set()
        _, props, _ = self.schemas.properties(schema, where, inherit=False)
        return {prop.wire for prop in props}

    def _carries_nothing(self, media: Any, pointer: str) -> bool:
        """Whether a media type's schema is an object that may have no property at all."""
        schema = media.get("schema") if isinstance(media, Mapping) else None
        schema, _ = self.schemas.deref(schema, pointer)
        return (
            isinstance(schema, Mapping)
            and schema.get("additionalProperties") is False
            and not schema.get("properties")
            and not any(key in schema for key in ("allOf", "anyOf", "oneOf", "patternProperties"))
        )

    def success(self, node: Mapping[str, Any], pointer: str) -> Success:
        responses = node.get("responses")
        if not isinstance(responses, Mapping):
            return Success()
        codes = sorted(
            str(code) for code in responses if re.fullmatch(r"2(\d\d|XX)", str(code).upper())
        )
        if not codes:
            return Success()
        result = Success()
        for index, code in enumerate(codes):
            response, response_pointer = self.schemas.deref(
                responses[code] if code in responses else responses[int(code)],
                f"{pointer}/responses/{code}",
            )
            content = response.get("content") if isinstance(response, Mapping) else None
            if not isinstance(content, Mapping) or not content:
                result.empty = True
                continue
            for media, media_node in content.items():
                base = str(media).split(";")[0].strip().lower()
                schema = media_node.get("schema", {}) if isinstance(media_node, Mapping) else {}
                where = f"{response_pointer}/content/{escape_token(str(media))}/schema"
                if base == "application/json" or base.endswith("+json"):
                    if result.json is None:
                        result.json = (schema, where)
                    elif index > 0:
                        result.more_json += ((schema, where),)
                    continue
                if index > 0:
                    continue  # the first code's media types decide the kind of result
                if base not in result.media:
                    result.media += (base,)
                if base == "text/event-stream":
                    result.sse = result.sse or (schema, where)
                elif base.startswith("text/"):
                    result.text = True
                else:
                    result.binary = True
        return result

    def warn(self, pointer: str, message: str, kind: str) -> None:
        self.diagnostics.append(Diagnostic("warning", pointer, message, kind))

    def skip(self, key: str, pointer: str, why: str) -> None:
        """`key` cannot become a method: an error naming it (`generate --allow-skip` makes the
        caller treat it as a warning and generate the rest)."""
        message = f"{key}: {why}; the operation cannot be generated"
        self.diagnostics.append(Diagnostic("error", pointer, message, SKIPPED_OPERATION))


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _bool_or_none(value: object) -> bool | None:
    return value if isinstance(value, bool) else None
