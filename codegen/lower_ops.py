"""Lowering, part 1: the spec's operations, and the resources and method names they get.

- The resource path comes from the URL's literal segments (path parameters and a leading `v1`
  are skipped; `beta` is a level like any other): `/chat/completions` -> `client.chat.completions`.
- The method name comes from the verb and the path shape: `GET /things` -> `list` (or `retrieve`
  when the response is not a list), `POST /things` -> `create`, `GET /things/{id}` ->
  `retrieve`, `POST|PUT|PATCH /things/{id}` -> `update`, `DELETE` -> `delete`, and
  `POST /things/{id}/cancel` -> `things.cancel` (a POST-only leaf after a parameter, with nothing
  below it, is an action). `GET /things/{id}/events` is a sub-resource (`things.events.list`)
  unless the config names a method, which puts it on `things`.
- Names that collide fall back to the operationId. Config `operations:` overrides all of this.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .config import Config, Helper, OperationOverride
from .errors import ConfigError, Diagnostic, SpecError
from .lower_types import TypeLowerer, escape_pointer
from .naming import RESERVED_PARAM_NAMES, Allocator, class_name, docstring, identifier, snake

__all__ = [
    "PATH_PARAM",
    "RESOURCE_ATTRIBUTES",
    "Operation",
    "OperationParam",
    "OperationReader",
    "RequestBody",
    "ResourceNode",
    "Success",
    "data_items",
    "dotted",
]

_HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_VERSION_SEGMENT = re.compile(r"^v\d+(\.\d+)*$")
PATH_PARAM = re.compile(r"\{([^{}]+)\}")
_CLIENT_ATTRIBUTES = frozenset(
    {
        "api_key",
        "base_url",
        "close",
        "copy",
        "deadline",
        "default_headers",
        "default_query",
        "delete",
        "get",
        "get_api_list",
        "is_closed",
        "max_retries",
        "patch",
        "post",
        "put",
        "request",
        "timeout",
        "with_options",
        "with_raw_response",
        "with_streaming_response",
    }
)
RESOURCE_ATTRIBUTES = frozenset({"with_raw_response", "with_streaming_response"})
# Names generated class bodies and package `__init__`s use (annotations, decorators, helpers):
# a resource attribute named like one would shadow it there, so it gets a trailing `_`. A
# method or sub-resource may be called `list` (its class's annotations then say
# `builtins.list`, see `lower`), unless it is a package (see `build_resources`).
_SCOPE_NAMES = frozenset(
    {
        *("bool", "builtins", "bytes", "cached_property", "dict", "float", "globals", "httpx2"),
        *("importlib", "int", "list", "object", "overload", "sorted", "str", "type"),
    }
)
_MEMBER_RESERVED = RESOURCE_ATTRIBUTES | (_SCOPE_NAMES - {"list"})


@dataclass
class OperationParam:
    wire: str
    location: str  # path | query | header
    required: bool
    schema: Any
    pointer: str
    description: str | None


@dataclass
class RequestBody:
    multipart: bool
    schema: Any
    pointer: str
    required: bool
    example: Any = None  # the media type's first example value (README)


@dataclass
class Success:
    json: tuple[Any, str] | None = None
    sse: tuple[Any, str] | None = None
    binary: bool = False


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


@dataclass
class ResourceNode:
    path: tuple[str, ...]
    children: dict[str, ResourceNode] = field(default_factory=dict)
    ops: list[Operation] = field(default_factory=list)
    helper: Helper | None = None
    class_name: str = ""
    module: str = ""  # "resources/chat/completions" (no .py)
    doc: str | None = None

    def walk(self) -> Iterator[ResourceNode]:
        """This resource and all below it, depth first, children in name order."""
        yield self
        for name in sorted(self.children):
            yield from self.children[name].walk()


def dotted(op: Operation) -> str:
    """How the method is called: `client.chat.completions.create`."""
    return ".".join(("client", *op.resource, op.name))


def data_items(
    types: TypeLowerer, schema: Mapping[str, Any], pointer: str
) -> tuple[Any, str] | None:
    """The `items` schema of an object's `data` array property, if it has one."""
    _, props, _ = types.properties(schema, pointer, inherit=False)
    for prop in props:
        if prop.wire != "data":
            continue
        data, data_pointer = types.deref(prop.schema, prop.pointer)
        if isinstance(data, Mapping) and (data.get("type") == "array" or "items" in data):
            return data.get("items", {}), data_pointer + "/items"
    return None


class OperationReader:
    """Reads the operations of a document and builds the resource tree with method names."""

    def __init__(
        self,
        document: Mapping[str, Any],
        config: Config,
        types: TypeLowerer,
        diagnostics: list[Diagnostic],
        client_name: str,
    ) -> None:
        self.document = document
        self.config = config
        self.types = types
        self.diagnostics = diagnostics
        self.client_name = client_name

    def collect_operations(self) -> list[Operation]:
        paths = self.document.get("paths") or {}
        ops: list[Operation] = []
        seen_keys: set[str] = set()
        for path in paths:
            item = paths[path]
            item_pointer = "#/paths/" + escape_pointer(str(path))
            if isinstance(item, Mapping) and "$ref" in item:
                item, item_pointer = self.types.resolve(str(item["$ref"]), item_pointer)
            if not isinstance(item, Mapping):
                continue
            shared = item.get("parameters") or []
            for verb in _HTTP_METHODS:
                node = item.get(verb)
                if not isinstance(node, Mapping):
                    continue
                pointer = f"{item_pointer}/{verb}"
                key = f"{verb.upper()} {path}"
                seen_keys.add(key)
                op = self.operation(str(path), verb, node, pointer, shared, key)
                if op is not None:
                    ops.append(op)
        for key in self.config.operations:
            if key not in seen_keys:
                raise ConfigError(
                    f"/operations/{escape_pointer(key)}", f"the spec has no operation {key!r}"
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
                param, param_pointer = self.types.deref(raw, param_pointer)
                if not isinstance(param, Mapping):
                    continue
                location = str(param.get("in"))
                name = str(param.get("name"))
                if location == "cookie":
                    self.warn(param_pointer, f"cookie parameter {name!r} is not supported; skipped")
                    continue
                if location not in ("path", "query", "header"):
                    raise SpecError(param_pointer, f"unknown parameter location {location!r}")
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
                )
        declared = {p.wire for p in params.values() if p.location == "path"}
        for name in PATH_PARAM.findall(path.split("?")[0]):
            if name not in declared:
                raise SpecError(pointer, f"path parameter {name!r} is not declared")
        body = self.request_body(node, pointer)
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
            tags=tuple(str(t) for t in node.get("tags") or () if isinstance(t, str)),
        )

    def request_body(self, node: Mapping[str, Any], pointer: str) -> RequestBody | bool | None:
        raw = node.get("requestBody")
        if raw is None:
            return None
        body, body_pointer = self.types.deref(raw, pointer + "/requestBody")
        content = body.get("content") if isinstance(body, Mapping) else None
        if not isinstance(content, Mapping) or not content:
            return None
        chosen: str | None = None
        for media in content:
            base = str(media).split(";")[0].strip().lower()
            if base == "application/json" or base.endswith("+json"):
                chosen = str(media)
                break
        multipart = content.get("multipart/form-data")
        if "multipart/form-data" in content and (
            chosen is None
            # Files cannot travel in JSON: a body offered both ways is sent as a form.
            or (
                isinstance(multipart, Mapping) and self.has_binary(multipart.get("schema"), pointer)
            )
        ):
            chosen = "multipart/form-data"
        if chosen is None:
            kinds = ", ".join(sorted(str(m) for m in content))
            self.warn(body_pointer, f"request body media type(s) {kinds} not supported; skipped")
            return False
        media_node = content[chosen] if isinstance(content[chosen], Mapping) else {}
        example = media_node.get("example")
        examples = media_node.get("examples")
        if example is None and isinstance(examples, Mapping) and examples:
            first = next(iter(examples.values()))
            example = first.get("value") if isinstance(first, Mapping) else None
        return RequestBody(
            multipart=chosen == "multipart/form-data",
            schema=media_node.get("schema", {}),
            pointer=f"{body_pointer}/content/{escape_pointer(chosen)}/schema",
            required=isinstance(body, Mapping) and body.get("required") is True,
            example=example,
        )

    def has_binary(self, schema: Any, pointer: str) -> bool:
        """Whether `schema` (references followed) contains a binary string anywhere."""
        seen: set[str] = set()
        stack = [schema]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
                continue
            if not isinstance(item, Mapping):
                continue
            ref = item.get("$ref")
            if isinstance(ref, str):
                if ref not in seen:
                    seen.add(ref)
                    stack.append(self.types.resolve(ref, pointer)[0])
                continue
            if item.get("format") == "binary" or (
                "contentMediaType" in item and "contentEncoding" not in item
            ):
                return True
            stack.extend(v for k, v in item.items() if k not in ("example", "examples", "default"))
        return False

    def success(self, node: Mapping[str, Any], pointer: str) -> Success:
        responses = node.get("responses")
        if not isinstance(responses, Mapping):
            return Success()
        codes = sorted(
            str(code) for code in responses if re.fullmatch(r"2(\d\d|XX)", str(code).upper())
        )
        if not codes:
            return Success()
        code = codes[0]
        response, response_pointer = self.types.deref(
            responses[code] if code in responses else responses[int(code)],
            f"{pointer}/responses/{code}",
        )
        content = response.get("content") if isinstance(response, Mapping) else None
        result = Success()
        if not isinstance(content, Mapping):
            return result
        for media, media_node in content.items():
            base = str(media).split(";")[0].strip().lower()
            schema = media_node.get("schema", {}) if isinstance(media_node, Mapping) else {}
            where = f"{response_pointer}/content/{escape_pointer(str(media))}/schema"
            if base == "application/json" or base.endswith("+json"):
                result.json = result.json or (schema, where)
            elif base == "text/event-stream":
                result.sse = result.sse or (schema, where)
            else:
                result.binary = True
        return result

    def build_resources(self, ops: list[Operation]) -> ResourceNode:
        clean_paths = {op.path.split("?")[0].rstrip("/") for op in ops}
        verbs_by_path: dict[str, set[str]] = defaultdict(set)
        for op in ops:
            verbs_by_path[op.path].add(op.verb)
        for op in ops:
            resource, name = self.natural_name(op, clean_paths, verbs_by_path[op.path])
            if op.override.resource:
                resource = tuple(op.override.resource.split("."))
            if op.override.method:
                name = op.override.method
                op.explicit_name = True
            op.resource = resource
            op.name = name
        # A resource with resources below it is also a package (`resources/<attr>/`, and
        # `types/<attr>/`): its `__init__` would shadow the builtin `list` with that name.
        packages = {op.resource[: i + 1] for op in ops for i in range(len(op.resource) - 1)}
        for op in ops:
            op.resource = tuple(
                part + "_" if part in _SCOPE_NAMES and op.resource[: i + 1] in packages else part
                for i, part in enumerate(op.resource)
            )
        root = ResourceNode(())
        for op in ops:
            self.node_at(root, op.resource).ops.append(op)
        for helper in self.config.helpers:
            self.node_at(root, tuple(helper.resource.split("."))).helper = helper
        tags = self.tag_descriptions()
        for res in root.walk():
            self.dedupe_methods(res)
            shared = set.intersection(*(set(op.tags) for op in res.ops)) if res.ops else set()
            if len(shared) == 1 and tags.get(next(iter(shared))):
                res.doc = docstring(tags[next(iter(shared))])
        self.name_resources(root)
        return root

    def tag_descriptions(self) -> dict[str, str]:
        """Tag name -> description, from the document's `tags` list."""
        out: dict[str, str] = {}
        for tag in self.document.get("tags") or []:
            if isinstance(tag, Mapping) and isinstance(tag.get("description"), str):
                out[str(tag.get("name"))] = tag["description"]
        return out

    def node_at(self, root: ResourceNode, path: tuple[str, ...]) -> ResourceNode:
        node = root
        for depth, part in enumerate(path):
            child = node.children.get(part)
            if child is None:
                child = node.children[part] = ResourceNode(path[: depth + 1])
            node = child
        return node

    def natural_name(
        self, op: Operation, clean_paths: set[str], verbs: set[str]
    ) -> tuple[tuple[str, ...], str]:
        clean = op.path.split("?")[0].rstrip("/")
        segments = [s for s in clean.split("/") if s]
        if segments and _VERSION_SEGMENT.match(segments[0]):
            segments = segments[1:]
        is_param = [bool(PATH_PARAM.search(s)) for s in segments]
        literals = [s for s, p in zip(segments, is_param, strict=True) if not p]
        top = _CLIENT_ATTRIBUTES | _SCOPE_NAMES
        attrs = tuple(
            identifier(s, reserved=top if i == 0 else _MEMBER_RESERVED)
            for i, s in enumerate(literals)
        )
        if not attrs:
            attrs = ("default",)
        verb = op.verb
        if not segments or is_param[-1]:
            names = {"get": "retrieve", "delete": "delete", "post": "update", "put": "update"}
            return attrs, names.get(verb, "update" if verb == "patch" else verb)
        after_param = len(segments) >= 2 and is_param[-2]
        deeper = any(p.startswith(clean + "/") for p in clean_paths)
        action = after_param and verb == "post" and verbs == {"post"} and not deeper
        named_here = after_param and op.override.method and not op.override.resource
        if (action or named_here) and len(attrs) > 1:
            return attrs[:-1], identifier(segments[-1], reserved=_MEMBER_RESERVED)
        if verb == "get":
            return attrs, "list" if self.list_shaped(op) else "retrieve"
        names = {"post": "create", "put": "update", "patch": "update", "delete": "delete"}
        return attrs, names.get(verb, verb)

    def list_shaped(self, op: Operation) -> bool:
        if op.success.json is None:
            return False
        schema, pointer = self.types.deref(*op.success.json)
        if not isinstance(schema, Mapping):
            return False
        if schema.get("type") == "array":
            return True
        return data_items(self.types, schema, pointer) is not None

    def dedupe_methods(self, res: ResourceNode) -> None:
        reserved = set(res.children) | _MEMBER_RESERVED
        for op in res.ops:
            op.name = identifier(op.name, reserved=RESERVED_PARAM_NAMES - {"timeout"})
        groups: dict[str, list[Operation]] = defaultdict(list)
        for op in res.ops:
            groups[op.name].append(op)
        for name, group in groups.items():
            implicit = [op for op in group if not op.explicit_name]
            if len(group) > 1 or name in reserved:
                explicit = [op for op in group if op.explicit_name]
                if len(explicit) > 1:
                    raise ConfigError(
                        "/operations",
                        f"{', '.join(op.key for op in explicit)} are all named {name!r}",
                    )
                if name in reserved and explicit:
                    raise ConfigError(
                        f"/operations/{escape_pointer(explicit[0].key)}",
                        f"method name {name!r} clashes with a sub-resource or a name the "
                        "generated class uses",
                    )
                for op in implicit:
                    op.name = self.fallback_name(op)
        taken = Allocator(reserved)
        for op in sorted(res.ops, key=lambda o: (not o.explicit_name, o.path, o.verb)):
            op.name = taken.allocate(op.name, sep="_")

    def fallback_name(self, op: Operation) -> str:
        operation_id = op.node.get("operationId")
        if isinstance(operation_id, str) and snake(operation_id):
            return identifier(operation_id, reserved=_MEMBER_RESERVED)
        segments = [s for s in op.path.split("?")[0].split("/") if s and not PATH_PARAM.search(s)]
        return identifier(f"{op.verb}_{segments[-1] if segments else 'root'}")

    def name_resources(self, root: ResourceNode) -> None:
        # A resource module imports the types its methods use, so resource classes give way to
        # the schemas' class names (and `lower` keeps other type names off the resource names).
        schemas = frozenset(class_name(name) for name in self.types.schemas)
        taken = Allocator(
            {self.client_name, "Async" + self.client_name}
            | {f"{self.client_name}With{kind}Response" for kind in ("Raw", "Streaming")}
            | schemas
        )
        self._name_children(root, taken, schemas)

    def _name_children(
        self, parent: ResourceNode, taken: Allocator, schemas: frozenset[str]
    ) -> None:
        for attr in sorted(parent.children):
            child = parent.children[attr]
            child.class_name = taken.allocate(class_name(attr))
            directory = "/".join(("resources", *child.path[:-1]))
            if child.children:
                stem = attr if attr not in child.children else attr + "_resource"
                child.module = f"{directory}/{attr}/{stem}"
            else:
                child.module = f"{directory}/{attr}"
            self._name_children(child, Allocator({child.class_name, *schemas}), schemas)

    def warn(self, pointer: str, message: str) -> None:
        self.diagnostics.append(Diagnostic("warning", pointer, message))
