"""The SDK surface: what a user of the generated package can call, pass and read.

`extract(api)` reduces the lowered `ir.Api` to the facts `review.diff` compares: resources;
methods (`client.chat.completions.create`) with their parameters (type, required, positional or
keyword-only), return type, streaming (the chunk type), pagination (the page class) and the
error bodies they declare (`APIStatusError.body`'s type by status: `404`, `4XX`, `default`); every
class or alias under `types/` with its fields (Python name, wire name, type, required); every
public import path (`Export`: each name each public module offers, and what it is); and the
client's settings a user relies on without writing them (environment variables, base URL, the
pip distribution). Types are the IR's, flattened (`review.types.flatten`), so a change of form
is not a change.

Each type also gets its *roles*: `"input"` when a method parameter reaches it (the user builds
such values), `"output"` when a return type or an error body reaches it (the user reads them). A change that
helps one side hurts the other; the diff classifies by role. The sync side is the surface: the
async twin mirrors it (a parity test guards that).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from .. import ir
from ..ir import types as t
from .types import Atom, FlatType, flatten

__all__ = [
    "ErrorBody",
    "Export",
    "Field",
    "Method",
    "Param",
    "Role",
    "Surface",
    "TypeDef",
    "extract",
]

Role = Literal["input", "output"]
_PARAM_MODULE_SUFFIXES = ("_param.py", "_params.py")
SETTINGS = {
    "distribution": "the pip distribution",
    "env_api_key": "the environment variable holding the API key",
    "env_base_url": "the environment variable overriding the base URL",
    "env_log": "the environment variable setting the log level",
    "base_url": "the default base URL",
    "idempotency_header": "the header carrying the idempotency key of retried requests",
}
"""Client settings users rely on without writing them, by `Surface.settings` key."""


@dataclass(frozen=True)
class Param:
    """One method parameter (the standard `extra_*`/`timeout` extras are not part of it)."""

    name: str
    type: FlatType
    required: bool
    positional: bool  # positional-or-keyword (before `*`), else keyword-only
    wire: str = ""  # the name the API gives it ("" when unknown)


@dataclass(frozen=True)
class ErrorBody:
    """The type `APIStatusError.body` has when a method's call fails with `status`."""

    status: str  # "404", "4XX" or "default"
    type: FlatType


@dataclass(frozen=True)
class Method:
    """One resource method, as the user calls it."""

    path: str  # "client.chat.completions.create"
    resource: str  # "chat.completions"
    name: str
    http: str  # "POST /chat/completions"
    params: tuple[Param, ...]
    returns: FlatType  # without the stream members
    stream: FlatType | None  # the chunk type when the method can stream
    page: str | None  # page class when the method paginates ("SyncCursorPage")
    params_type: str | None  # name of the TypedDict mirroring the parameters
    errors: tuple[ErrorBody, ...] = ()  # declared error bodies, in the runtime's lookup order

    def param(self, name: str) -> Param | None:
        """The parameter called `name`, if any."""
        return next((p for p in self.params if p.name == name), None)

    def error_body(self, status: str) -> ErrorBody | None:
        """The declared error body an answer with `status` gets, looked up as the runtime does
        (`_failures.error_body_type`): the exact code, else its range, else `default`."""
        declared = {error.status: error for error in self.errors}
        lookup = [status]
        if status[:1].isdigit() and not status.endswith("XX"):
            lookup.append(f"{status[0]}XX")
        lookup.append("default")
        return next((declared[s] for s in lookup if s in declared), None)


@dataclass(frozen=True)
class Field:
    """One attribute of a model, or one key of a TypedDict."""

    name: str  # Python attribute (model) or key (TypedDict)
    wire: str
    type: FlatType
    required: bool


@dataclass(frozen=True)
class TypeDef:
    """A class or alias under `types/`; `roles` says how users meet it."""

    name: str
    module: str  # "types/model.py"
    kind: Literal["model", "typeddict", "alias"]
    bases: tuple[str, ...]
    fields: tuple[Field, ...]  # own fields, in declaration order
    alias: FlatType | None  # the aliased type (kind == "alias")
    roles: frozenset[Role]  # derived from the kind when no method uses the type
    used: bool  # whether some method's parameters or return type reach it

    def field(self, name: str) -> Field | None:
        """The own field called `name`, if any."""
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True, order=True)
class Export:
    """`from <package>.<module> import <name>` works, and gives the thing `target` names.

    `module` is dotted below the package (`""` for the package itself, `types.chat`,
    `resources.user`); `target` says what the name is, stably across specs: `type:<class>`,
    `params:<method path>` (a method's parameters TypedDict), `resource:<dotted>:<variant>`
    (`sync`, `async`, `sync_raw`, ...), `client:sync`, `client:async`, `error`,
    `exception:<class>`, `helper:<module>:<class>`.
    """

    module: str
    name: str
    target: str


@dataclass(frozen=True)
class Surface:
    """The whole surface of one generated SDK, every collection sorted by name."""

    package: str
    resources: tuple[str, ...]  # dotted resource paths
    methods: Mapping[str, Method]  # by `Method.path`
    types: Mapping[str, TypeDef]  # by class name
    modules: tuple[str, ...] = ()  # every public module, dotted below the package ("" = itself)
    exports: tuple[Export, ...] = ()  # what each public module offers
    settings: Mapping[str, str] = field(default_factory=dict)  # see `SETTINGS`

    def keys(self, name: str) -> dict[str, tuple[FlatType, bool]] | None:
        """The keys (type, required) of TypedDict `name`, bases included; None if not one."""
        found = self.types.get(name)
        if found is None or found.kind != "typeddict":
            return None
        return {key: (f.type, f.required) for key, f in self.all_fields(name).items()}

    def alias(self, name: str) -> FlatType | None:
        """What alias `name` stands for (None when `name` is not an alias)."""
        found = self.types.get(name)
        return found.alias if found is not None and found.kind == "alias" else None

    def all_fields(self, name: str) -> dict[str, Field]:
        """Fields of class `name` including those inherited from its bases (by name)."""
        out: dict[str, Field] = {}
        seen: set[str] = set()

        def visit(current: str) -> None:
            definition = self.types.get(current)
            if definition is None or current in seen:
                return
            seen.add(current)
            for base in definition.bases:
                visit(base)
            out.update({f.name: f for f in definition.fields})

        visit(name)
        return out


# ---------------------------------------------------------------------------------- extract


def extract(api: ir.Api) -> Surface:
    """The surface of `api` (pure; ordering never depends on dict or set iteration order)."""
    methods: dict[str, Method] = {}
    for resource in api.resources:
        for method in resource.methods:
            found = _method(resource.dotted, method)
            methods[found.path] = found
    drafts = [_typedef(m.path, d) for m in api.type_modules for d in m.definitions]
    roles = _roles(drafts, methods.values())
    types: dict[str, TypeDef] = {}
    for draft in sorted(drafts, key=lambda typedef: (typedef.name, typedef.module)):
        if draft.name not in types:
            reached = roles.get(draft.name)
            used = reached is not None
            types[draft.name] = replace(draft, roles=reached or draft.roles, used=used)
    exports = _exports(api, methods.values())
    paths = [m.path for m in api.type_modules] + [m.path for m in api.init_modules]
    modules = {e.module for e in exports} | {_dotted(path) for path in paths}
    settings = {
        "distribution": api.distribution,
        "env_api_key": api.env_api_key,
        "env_base_url": api.env_base_url,
        "env_log": api.env_log,
        "base_url": api.default_base_url or "",  # "": none (base_url is required)
        "idempotency_header": api.client.idempotency_header or "",
    }
    return Surface(
        package=api.package,
        resources=tuple(sorted(r.dotted for r in api.resources)),
        methods={path: methods[path] for path in sorted(methods)},
        types=types,
        modules=tuple(sorted(modules | {""})),
        exports=tuple(sorted(exports)),
        settings=settings,
    )


def _dotted(path: str) -> str:
    """`types/chat/__init__.py` -> `types.chat`; `resources/user.py` -> `resources.user`."""
    parts = path.removesuffix(".py").split("/")
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _exports(api: ir.Api, methods: Iterable[Method]) -> set[Export]:
    """Every (module, name) users can import, each with what it is."""
    params = {m.params_type: m.path for m in methods if m.params_type is not None}
    what: dict[tuple[str, str], str] = {}  # (defining module, name) -> target
    for module in api.type_modules:
        at = module.path.removesuffix(".py")
        for definition in module.definitions:
            mirror = isinstance(definition, ir.TypedDictDef) and definition.method_params
            owner = params.get(definition.name) if mirror else None
            target = f"params:{owner}" if owner else f"type:{definition.name}"
            what[(at, definition.name)] = target
    for resource in api.resources:
        at = resource.module.removesuffix(".py")
        for side, variant in (("sync", resource.sync), ("async", resource.async_)):
            for suffix, name in (
                ("", variant.class_name),
                ("_raw", variant.raw_class),
                ("_streaming", variant.streaming_class),
            ):
                what[(at, name)] = f"resource:{resource.dotted}:{side}{suffix}"
    found = {Export(_dotted(at), name, target) for (at, name), target in what.items()}
    for module in api.type_modules:  # a module may also re-export what it does not define
        found |= {
            Export(
                _dotted(module.path),
                name,
                what.get((module.path.removesuffix(".py"), name), f"name:{name}"),
            )
            for name in module.exports
        }
    for init in api.init_modules:
        for export in init.exports:
            if export.attr is not None:
                target = what.get((export.target, export.attr), f"name:{export.attr}")
                found.add(Export(_dotted(init.path), export.name, target))
    root = [
        (api.client.name, "client:sync"),
        (api.client.async_name, "client:async"),
        (api.client.error_name, "error"),
        *((name, f"exception:{name}") for name in api.exceptions),
    ]
    found |= {Export("", name, target) for name, target in root}
    return found


def _method(resource: str, method: ir.Method) -> Method:
    spec = method.stream
    flag = spec.flag_param if spec is not None and method.result == "model_or_stream" else None
    keyword = [*method.keyword, *([flag] if flag is not None else [])]
    params = tuple(
        [_param(method.param(name), positional=True, optional=False) for name in method.positional]
        + [_param(method.param(name), positional=False, optional=name == flag) for name in keyword]
    )
    returns = _returns(method)
    stream = flatten(method.stream.chunk, "model") if method.stream is not None else None
    page = method.paginator.page_class_sync if method.paginator is not None else None
    return Method(
        path=f"client.{resource}.{method.name}",
        resource=resource,
        name=method.name,
        http=f"{method.http_method.upper()} {method.path}",
        params=params,
        returns=returns,
        stream=stream,
        page=page,
        params_type=method.params_type.name if method.params_type else None,
        errors=tuple(ErrorBody(e.status, flatten(e.type, "model")) for e in method.errors),
    )


def _returns(method: ir.Method) -> FlatType:
    """What the (sync) method returns, streams left out."""
    if method.result in ("model", "model_or_stream"):
        assert method.returns is not None
        return flatten(method.returns, "model")
    if method.result == "page":
        assert method.paginator is not None
        item = flatten(method.paginator.item, "model")
        return FlatType((Atom(method.paginator.page_class_sync, None, (item,)),))
    if method.result == "binary":
        return FlatType((Atom("BinaryAPIResponse"),))
    return FlatType((), method.result == "none")


def _param(param: ir.Parameter, *, positional: bool, optional: bool) -> Param:
    """A parameter; the stream flag is always optional (each overload says its value)."""
    required = param.required and not optional
    return Param(param.name, flatten(param.type, "param"), required, positional, param.wire)


def _typedef(module: str, definition: ir.Definition) -> TypeDef:
    """The type as declared; `roles` from its kind and `used` False until `extract` knows."""
    if isinstance(definition, ir.Alias):
        fallback: Role = "input" if module.endswith(_PARAM_MODULE_SUFFIXES) else "output"
        alias = flatten(definition.type, definition.side)
        return TypeDef(
            definition.name, module, "alias", (), (), alias, frozenset({fallback}), False
        )
    if isinstance(definition, ir.Model):
        fields = tuple(_model_field(f) for f in definition.fields)
        bases = definition.bases or ("BaseModel",)
        return TypeDef(
            definition.name, module, "model", bases, fields, None, frozenset({"output"}), False
        )
    keys = tuple(_typeddict_field(f) for f in definition.fields)
    bases = definition.bases or ("TypedDict",)
    return TypeDef(
        definition.name, module, "typeddict", bases, keys, None, frozenset({"input"}), False
    )


def _model_field(field: ir.Field) -> Field:
    """A model attribute; one that is not required defaults to None, so it may be None."""
    typ = field.type if field.required else t.nullable(field.type)
    return Field(field.name, field.wire, flatten(typ, "model"), field.required)


def _typeddict_field(field: ir.Field) -> Field:
    """A TypedDict key (one that is not required may be left out)."""
    return Field(field.name, field.wire, flatten(field.type, "param"), field.required)


def _roles(types: list[TypeDef], methods: Iterable[Method]) -> dict[str, frozenset[Role]]:
    """For each type name, whether method parameters and/or return types reach it."""
    edges: dict[str, set[str]] = {}
    for typedef in types:
        names = edges.setdefault(typedef.name, set())
        if typedef.kind != "alias":
            names.update(typedef.bases)
        if typedef.alias is not None:
            names.update(typedef.alias.names())
        for member in typedef.fields:
            names.update(member.type.names())
    inputs: set[str] = set()
    outputs: set[str] = set()
    for method in methods:
        for param in method.params:
            inputs.update(param.type.names())
        outputs.update(method.returns.names())
        if method.stream is not None:
            outputs.update(method.stream.names())
        for error in method.errors:
            outputs.update(error.type.names())
    found: dict[str, set[Role]] = {}
    walks: tuple[tuple[Role, set[str]], ...] = (("input", inputs), ("output", outputs))
    for role, roots in walks:
        stack = sorted(roots)
        seen: set[str] = set()
        while stack:
            name = stack.pop()
            if name in seen or name not in edges:
                continue
            seen.add(name)
            found.setdefault(name, set()).add(role)
            stack.extend(sorted(edges[name] - seen))
    return {name: frozenset(roles) for name, roles in found.items()}
