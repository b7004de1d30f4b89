"""Resources and method names: where each operation lives on the client and what it is called.

- The resource path comes from the URL's literal segments (path parameters, numbers and a
  leading `v1` are skipped; `beta` is a level like any other): `/chat/completions` ->
  `client.chat.completions`.
- The method name comes from the verb and the path shape: `GET /things` -> `list` (or `retrieve`
  when the response is not a list), `POST /things` -> `create`, `GET /things/{id}` ->
  `retrieve`, `POST|PUT|PATCH /things/{id}` -> `update`, `DELETE` -> `delete`, and
  `POST /things/{id}/cancel` -> `things.cancel` (a POST-only leaf after a parameter, with nothing
  below it, is an action). `GET /things/{id}/events` is a sub-resource (`things.events.list`)
  unless the config names a method, which puts it on `things`.
- Names that collide fall back to the operationId. Config `operations:` overrides all of this.
- A resource attribute never takes the name of one of the client's own attributes (read from
  the runtime, `codegen.runtime.client_attributes`) or of a name the generated class bodies use.
  Resource classes have their own namespace (a model may have the same name; the resource
  module imports it as `<Name>Model`) and give way only to names generated modules use
  (`StreamResource`); each resource has a module under `resources/` (a package when it has
  sub-resources).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..config import Config, Helper
from ..errors import ConfigError
from ..render.imports import KNOWN_NAMES
from ..runtime import client_attributes
from ..spec.pointer import escape_token
from .naming import (
    RESERVED_CLASS_NAMES,
    RESERVED_PARAM_NAMES,
    Allocator,
    class_name,
    identifier,
    snake,
)
from .operations import PATH_PARAM, Operation
from .schemas import Schemas

__all__ = ["RESOURCE_ATTRIBUTES", "ResourceNode", "ResourceTree", "subpackages"]

_VERSION_SEGMENT = re.compile(r"^v\d+(\.\d+)*$")

RESOURCE_ATTRIBUTES = frozenset({"with_raw_response", "with_streaming_response"})
"""Attributes every generated client and resource class defines (templates/package/)."""
# A top-level resource may not take the name of one of the client's own attributes.
_CLIENT_ATTRIBUTES = client_attributes() | RESOURCE_ATTRIBUTES
# Names generated class bodies and package `__init__`s use (annotations, decorators, helpers):
# a resource attribute named like one would shadow it there, so it gets a trailing `_`. A
# method or sub-resource may be called `list` (its class's annotations then say
# `builtins.list`, see `render`), unless it is a package (see `ResourceTree.build`).
_SCOPE_NAMES = frozenset(
    {
        *("bool", "builtins", "bytes", "cached_property", "dict", "float", "globals", "httpx2"),
        *("importlib", "int", "list", "object", "overload", "sorted", "str", "type"),
    }
)
_MEMBER_RESERVED = RESOURCE_ATTRIBUTES | (_SCOPE_NAMES - {"list"})
# Class names resource modules and `_client.py` import or use: a resource class never takes one.
_RESOURCE_RESERVED = frozenset(
    RESERVED_CLASS_NAMES
    | {name for name in KNOWN_NAMES if name[:1].isupper()}
    | {"SDKError", "SyncAPIClient", "AsyncAPIClient", "Timeout", "DEFAULT_MAX_RETRIES"}
)


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


class ResourceTree:
    """Builds the resource tree: a resource path and a method name for every operation."""

    def __init__(
        self, document: Mapping[str, Any], config: Config, schemas: Schemas, client_name: str
    ) -> None:
        self.document = document
        self.config = config
        self.schemas = schemas
        self.client_name = client_name

    def build(self, ops: list[Operation]) -> ResourceNode:
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
                res.doc = tags[next(iter(shared))]
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
        # A number in the path (`/folders/0`: Box's root folder) names a thing like a
        # parameter value does, not a resource (`folders.n_0` is no name a person chooses).
        is_param = [bool(PATH_PARAM.search(s)) or s.isdigit() for s in segments]
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
        schema, pointer = self.schemas.deref(*op.success.json)
        if not isinstance(schema, Mapping):
            return False
        if schema.get("type") == "array":
            return True
        return self.schemas.data_items(schema, pointer) is not None

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
                        f"/operations/{escape_token(explicit[0].key)}",
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
        """Class names of the resources, in their own namespace: a resource may share its name
        with a model (its module imports that model under another name, see `render`), but
        never takes a name the client or resource modules use (`Stream`, `Headers`, `Query`,
        ...), the client's, its parent's or a sibling's: those clashes get `Resource`
        (`StreamResource`)."""
        client = self.client_name
        self._name_children(root, frozenset(_RESOURCE_RESERVED | _variants(client)))

    def _name_children(self, parent: ResourceNode, reserved: frozenset[str]) -> None:
        taken = set(reserved)
        for attr in sorted(parent.children):
            child = parent.children[attr]
            base = class_name(attr)
            candidates = [base, base + "Resource"]
            if parent.path:  # `headers.headers`: `HeadersHeaders` (its parent is `HeadersResource`)
                qualified = class_name(parent.path[-1]) + base
                candidates += [qualified, qualified + "Resource"]
            candidates += [f"{base}Resource{n}" for n in range(2, len(parent.children) + 3)]
            name = next(c for c in candidates if not _variants(c) & taken)
            taken |= _variants(name)
            child.class_name = name
            directory = "/".join(("resources", *child.path[:-1]))
            if child.children:
                stem = attr if attr not in child.children else attr + "_resource"
                child.module = f"{directory}/{attr}/{stem}"
            else:
                child.module = f"{directory}/{attr}"
            # A resource module imports its sub-resources' classes next to its own.
            self._name_children(child, frozenset(_RESOURCE_RESERVED | _variants(name)))


def _variants(name: str) -> set[str]:
    """The classes of a resource (or client) called `name`: sync, async and their wrappers."""
    return {
        prefix + name + suffix
        for prefix in ("", "Async")
        for suffix in ("", "WithRawResponse", "WithStreamingResponse")
    }


def subpackages(root: ResourceNode, directory: str) -> set[str]:
    """The subpackages of `types/<path>` (`directory`): named like the resources below it."""
    node: ResourceNode | None = root
    for part in directory.split("/")[1:]:
        node = node.children.get(part) if node is not None else None
    return set(node.children) if node is not None else set()
