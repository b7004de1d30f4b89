"""Stage 2, lower: the OpenAPI document + config -> `ir.Api`, with every naming decision made.

`lower(spec, config)` returns the API model and a list of warnings (each skips one thing);
a problem that makes a correct SDK impossible raises `SpecError` with a JSON pointer, config
that does not fit the spec `ConfigError`.

The work is split in four modules: `lower_ops` (operations -> resources and method names),
`lower_types` (schemas -> types), `lower_methods` (operations -> methods), and this one, which
runs them, decides which side(s) each named schema is needed on (its `types/` root module
does not depend on who uses it; group packages re-export), and builds the resource modules, the
client, the package `__init__`s and the README examples.
"""

from __future__ import annotations

import keyword
import math
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any, Protocol

from . import ir
from .config import Config
from .errors import ConfigError, Diagnostic, SpecError
from .lower_methods import MethodLowerer
from .lower_ops import Operation, OperationReader, ResourceNode, dotted
from .lower_types import Side, TypeLowerer, escape_pointer, module_name_for
from .naming import (
    RESERVED_PARAM_NAMES,
    Allocator,
    class_name,
    docstring,
    identifier,
    pascal,
    py_str,
    singular,
)
from .pymodule import Imports, Registry, identifiers, qualify_builtins, relative, runtime_all

__all__ = ["SpecLike", "lower"]

_RAW_WRAPPERS = (
    "to_raw_response_wrapper",
    "async_to_raw_response_wrapper",
    "to_streamed_response_wrapper",
    "async_to_streamed_response_wrapper",
)
_STANDARD_PARAMS = ("httpx2", "Headers", "Query", "Mapping", "NotGiven", "NOT_GIVEN")


class SpecLike(Protocol):
    """What `lower` needs from a loaded spec (`codegen.load.Spec`)."""

    @property
    def document(self) -> dict[str, Any]: ...


def lower(spec: SpecLike, config: Config) -> tuple[ir.Api, list[Diagnostic]]:
    """Lower a loaded (bundled) OpenAPI document to the API model."""
    lowering = _Lowering(spec.document, config)
    try:
        api = lowering.run()
    except RecursionError:  # nesting that `TypeLowerer.lower`'s own limit does not see (allOf)
        raise SpecError("#", "the document is nested too deeply to generate from") from None
    return api, lowering.diagnostics


class _Lowering:
    """One run of the lower stage."""

    def __init__(self, document: Mapping[str, Any], config: Config) -> None:
        self.document = document
        self.config = config
        self.diagnostics: list[Diagnostic] = []
        self.types = TypeLowerer(document, self.diagnostics)
        self.module_names: dict[str, Allocator] = {}
        self.params_names: dict[str, set[str]] = {}
        # `types/<area>` -> the root modules whose names that group package re-exports
        self.area_modules: dict[str, list[str]] = {}
        info = document.get("info")
        info = info if isinstance(info, Mapping) else {}
        self.title = str(info.get("title") or "API")
        self.description = info.get("description")
        self.client_name = config.client or _client_name(self.title)
        self.package = config.package or identifier(self.client_name.lower() + "_sdk")

    def run(self) -> ir.Api:
        reader = OperationReader(
            self.document, self.config, self.types, self.diagnostics, self.client_name
        )
        ops = reader.collect_operations()
        self.root = reader.build_resources(ops)
        for res in self.root.walk():  # a resource module imports types: keep their names apart
            for variant in self.variants_of(res) if res.path else ():
                for name in (variant.class_name, variant.raw_class, variant.streaming_class):
                    self.types.names.reserve(name)
        self.plan_types(ops)
        self.name_operation_types(ops)
        lowerer = MethodLowerer(self.types, self.module_allocator, self.diagnostics)
        methods = {op.key: lowerer.lower_operation(op) for op in ops}
        resources = [self.resource_ir(res, methods) for res in self.root.walk() if res.path]
        client = self.client_ir(self.root)
        type_modules = self.types.type_modules()
        env = self.config.env
        return ir.Api(
            package=self.package,
            distribution=self.distribution(),
            version=self.config.version or "0.1.0",
            title=self.title,
            description=docstring(self.description) if isinstance(self.description, str) else None,
            env_log=py_str(env.log or f"{self.package.upper()}_LOG"),
            env_log_name=env.log or f"{self.package.upper()}_LOG",
            env_api_key_name=env.api_key or f"{self.package.upper()}_API_KEY",
            env_base_url_name=env.base_url or f"{self.package.upper()}_BASE_URL",
            default_base_url=self.config.base_url or self.server_url(),
            client=client,
            resources=tuple(resources),
            type_modules=tuple(type_modules),
            init_modules=self.init_modules(type_modules, resources),
            helpers=bool(self.config.helpers),
            discriminated=self.types.uses_discriminator,
            dependencies=(
                "httpx2>=2.6,<3",
                # Tag/Discriminator (fallback variants of discriminated unions) need 2.5.
                "pydantic>=2.5,<3" if self.types.uses_discriminator else "pydantic>=2,<3",
                "typing-extensions>=4.7",
            ),
            examples=self.examples(ops, methods),
            # Every public exception of the runtime is re-exported by the package `__init__`.
            exceptions=runtime_all("_exceptions"),
            init_imports=self.root_init_imports(),
        )

    def root_init_imports(self) -> tuple[str, ...]:
        imports = Imports("__init__", Registry())
        imports.add_from("typing", "TYPE_CHECKING", "std")
        imports.add_from("typing", "Any", "std")
        names = {
            "._client": (self.client_name, "Async" + self.client_name),
            "._exceptions": runtime_all("_exceptions"),
            "._files": ("to_file", "async_to_file"),
            "._logging": ("setup_logging",),
            "._models": ("BaseModel",),
            "._streaming": ("Stream", "AsyncStream"),
            "._types": ("NOT_GIVEN", "NotGiven", "Omit", "omit"),
            "._version": ("__version__",),
        }
        for module, exported in names.items():
            for name in exported:
                imports.add_from(module, name, "local")
        return imports.lines()

    def plan_types(self, ops: list[Operation]) -> None:
        """Decide the side(s), class name(s) and module of every named schema.

        Sides: a schema reachable only from parameters and request bodies gets a `...Param`
        TypedDict, only from responses a model, from both (or from no operation at all, like
        realtime events, and what those reach) both. Every named schema lives in a `types/`
        root module, whoever uses it; `types/<area>/__init__` re-exports what the operations of
        that area use (see `area_modules`), so a new usage never moves a type.
        """
        tl = self.types
        for name in tl.schemas:
            tl.direct_refs(name)
        request_roots: set[str] = set()
        response_roots: set[str] = set()
        flattened: set[str] = set()  # named body schemas whose properties became parameters
        area_sides: dict[str, dict[Side, set[str]]] = defaultdict(
            lambda: {"model": set(), "param": set()}
        )
        for op in ops:
            request = set()
            for param in op.params:
                request |= tl.refs_in(param.schema, param.pointer)
            if op.body is not None:
                body, body_pointer = tl.deref(op.body.schema, op.body.pointer)
                if tl.is_class(body, body_pointer):
                    # The body's own schema is flattened into the method: only what its
                    # properties use needs a request-side type.
                    named = tl.named_ref(op.body.schema)
                    if named is not None:
                        flattened.add(named)
                    for prop in tl.properties(body, body_pointer, inherit=False)[1]:
                        request |= tl.refs_in(prop.schema, prop.pointer)
                else:
                    request |= tl.refs_in(op.body.schema, op.body.pointer)
            response = set()
            for part in (op.success.json, op.success.sse):
                if part is not None:
                    response |= tl.refs_in(part[0], part[1])
            request_roots |= request
            response_roots |= response
            used = area_sides[_area(op.resource)]
            used["param"] |= tl.closure(request)
            used["model"] |= tl.closure(response)
        params = tl.closure(request_roots)
        models = tl.closure(response_roots)
        loose = tl.closure(set(tl.schemas) - params - models - flattened)
        params |= loose
        models |= loose
        components = _strongly_connected(
            {name: tl.direct_refs(name) for name in tl.schemas}, sorted(tl.schemas)
        )
        sides: tuple[tuple[Side, set[str]], ...] = (("model", models), ("param", params))
        self.allocate_type_names(sides)
        # Group packages must not clash with root modules.
        root_modules = self.module_allocator("types")
        for area in area_sides:
            root_modules.reserve(area)
        for side, members in sides:
            assigned: dict[int, str] = {}
            for name in sorted(members):
                component = components[name]
                module = assigned.get(component)
                if module is None:
                    py_name = tl.named[(name, side)][0]
                    stem = root_modules.allocate(module_name_for(py_name), sep="_")
                    module = assigned[component] = f"types/{stem}"
                tl.named[(name, side)] = (tl.named[(name, side)][0], module)
        for name, side in sorted(tl.named):
            tl.define_named(name, side)
        self.area_modules = {
            f"types/{area}": sorted(
                {tl.named[(name, side)][1] for side, names in by_side.items() for name in names}
            )
            for area, by_side in sorted(area_sides.items())
        }

    def allocate_type_names(self, sides: tuple[tuple[Side, set[str]], ...]) -> None:
        """Class names of named schemas: the config's `types:` names first, then the derived
        ones (`PascalCase`, `...Param` on the request side) in sorted order."""
        tl = self.types
        for schema, names in sorted(self.config.types.items()):
            pointer = f"/types/{escape_pointer(schema)}"
            if schema not in tl.schemas:
                raise ConfigError(pointer, f"the spec has no component schema {schema!r}")
            for side, members in sides:
                wanted = names.model if side == "model" else names.param
                if wanted is None:
                    continue
                if schema not in members:
                    where = "response" if side == "model" else "request"
                    message = (
                        f"has no {where}-side type, so the config's `types: {{{schema}: "
                        f"{{{side}: {wanted}}}}}` is not used"
                    )
                    schema_pointer = f"#/components/schemas/{escape_pointer(schema)}"
                    self.diagnostics.append(Diagnostic("warning", schema_pointer, message))
                    continue
                if tl.names.allocate(wanted) != wanted:
                    raise ConfigError(
                        f"{pointer}/{side}",
                        f"{wanted!r} is already taken (a type, resource or reserved name)",
                    )
                tl.named[(schema, side)] = (wanted, "")
        for side, members in sides:
            for name in sorted(members):
                if (name, side) not in tl.named:
                    base = class_name(name) + ("Param" if side == "param" else "")
                    tl.named[(name, side)] = (tl.names.allocate(base), "")

    def module_allocator(self, directory: str) -> Allocator:
        """Module names in one `types/` directory (subpackage names are reserved)."""
        allocator = self.module_names.get(directory)
        if allocator is None:
            parts = directory.split("/")[1:]
            node: ResourceNode | None = self.root
            for part in parts:
                node = node.children.get(part) if node is not None else None
            reserved = set(node.children) if node is not None else set()
            allocator = self.module_names[directory] = Allocator(reserved | {"__init__"})
        return allocator

    def name_operation_types(self, ops: list[Operation]) -> None:
        taken: set[str] = set()
        for op in sorted(ops, key=lambda o: (len(o.resource), o.resource, o.name)):
            method = pascal(op.name)
            stems = [pascal(singular(op.resource[-1]))]
            for part in reversed(op.resource[:-1]):
                stems.append(pascal(part) + stems[-1])
            chosen = None
            for stem in stems:
                candidate = stem + method
                if candidate not in taken and not any(
                    candidate + suffix in self.types.names
                    for suffix in ("Params", "Response", "Chunk")
                ):
                    chosen = candidate
                    break
            if chosen is None:
                chosen = Allocator(taken).allocate(stems[-1] + method)
            taken.add(chosen)
            op.base = chosen
            # The Params TypedDict is only imported by name from its own directory (it is never
            # part of a signature), so its name only has to be unique there.
            directory = "/".join(("types", *op.resource[:-1]))
            in_directory = self.params_names.setdefault(directory, set())
            params = next(
                (
                    stem + method + "Params"
                    for stem in stems
                    if stem + method + "Params" not in in_directory
                    and stem + method + "Params" not in self.types.names
                ),
                None,
            ) or Allocator(in_directory | {op.base + "Params"}).allocate(op.base + "Params")
            in_directory.add(params)
            op.params_class = params

    def variants_of(self, res: ResourceNode) -> tuple[ir.ResourceVariant, ir.ResourceVariant]:
        name = res.class_name
        sync_bases: tuple[str, ...] = ("SyncAPIResource",)
        async_bases: tuple[str, ...] = ("AsyncAPIResource",)
        if res.helper is not None:
            sync_bases = (res.helper.sync_class, *sync_bases)
            async_bases = (res.helper.async_class, *async_bases)
        return (
            ir.ResourceVariant(
                name, sync_bases, f"{name}WithRawResponse", f"{name}WithStreamingResponse"
            ),
            ir.ResourceVariant(
                f"Async{name}",
                async_bases,
                f"Async{name}WithRawResponse",
                f"Async{name}WithStreamingResponse",
            ),
        )

    def children_of(
        self, res: ResourceNode, module: str
    ) -> tuple[tuple[ir.Child, ...], tuple[str, ...]]:
        children: list[ir.Child] = []
        imports = Imports(module, Registry())
        for attr in sorted(res.children):
            child = res.children[attr]
            sync, async_ = self.variants_of(child)
            target = relative(module, child.module)
            children.append(ir.Child(attr, target, sync, async_))
            for variant in (sync, async_):
                for name in (variant.class_name, variant.raw_class, variant.streaming_class):
                    imports.add_from(target, name, "local")
        return tuple(children), imports.lines(indent=4)

    def resource_ir(self, res: ResourceNode, methods: Mapping[str, ir.Method]) -> ir.Resource:
        sync, async_ = self.variants_of(res)
        own = [methods[op.key] for op in res.ops]
        if "list" in res.children or any(m.name == "list" for m in own):
            # Below its definition, `list` in the class means the member, not the builtin.
            own = [m if m.name == "list" else _builtin_list(m) for m in own]
        children, checking = self.children_of(res, res.module)
        imports = Imports(res.module, self.types.registry)
        imports.scan("cached_property", *sync.bases, *async_.bases)
        if res.helper is not None:
            lib = relative(res.module, "lib/" + res.helper.module.replace(".", "/"))
            imports.add_from(lib, res.helper.sync_class, "local")
            imports.add_from(lib, res.helper.async_class, "local")
        if own:
            imports.scan(*_RAW_WRAPPERS, *_STANDARD_PARAMS)
        if children:
            imports.need("TYPE_CHECKING")
        for method in own:
            for variant in (method.sync, method.async_):
                if variant.overloads:
                    imports.need("overload")
                for signature in (*variant.overloads, variant.signature):
                    imports.scan(
                        signature.returns,
                        *(p.annotation for p in (*signature.positional, *signature.keyword)),
                    )
                if any("path_param(" in a.value for a in variant.args):
                    imports.need("path_param")
                imports.scan(
                    variant.call_open,
                    *(a.value for a in variant.args),
                    *(e for a in variant.args for e in a.entries or ()),
                )
        exports = tuple(
            sorted(
                n for v in (sync, async_) for n in (v.class_name, v.raw_class, v.streaming_class)
            )
        )
        api_types: dict[str, set[str]] = defaultdict(set)
        area = f"types/{_area(res.path)}"
        reexported = set(self.area_modules.get(area, ()))
        for method in own:
            if method.info.params_type:
                where, _, name = method.info.params_type.rpartition(".")
                api_types[where].add(name)
            for name in identifiers(method.sync.signature.returns):
                home = self.types.registry.get(name)
                if home is not None:
                    where = area if home in reexported else home.rpartition("/")[0]
                    api_types[where.replace("/", ".")].add(name)
        return ir.Resource(
            dotted=".".join(res.path),
            module=res.module + ".py",
            doc=res.doc,
            sync=sync,
            async_=async_,
            methods=tuple(own),
            children=children,
            imports=imports.lines(),
            type_checking_imports=checking,
            exports=exports,
            api_types=tuple(
                f"from {self.package}.{where} import {', '.join(sorted(names))}"
                for where, names in sorted(api_types.items())
            ),
            helpers=(res.helper.sync_class, f"lib/{res.helper.module.replace('.', '/')}.py")
            if res.helper
            else (),
        )

    def client_ir(self, root: ResourceNode) -> ir.Client:
        children, checking = self.children_of(root, "_client")
        env = self.config.env
        base_url = self.config.base_url or self.server_url()
        description = self.description if isinstance(self.description, str) else None
        return ir.Client(
            name=self.client_name,
            async_name="Async" + self.client_name,
            error_name=self.client_name + "Error",
            doc=docstring(description) if description else None,
            env_api_key=py_str(env.api_key or f"{self.package.upper()}_API_KEY"),
            env_base_url=py_str(env.base_url or f"{self.package.upper()}_BASE_URL"),
            default_base_url=py_str(base_url),
            idempotency_header=py_str(self.config.idempotency_header)
            if self.config.idempotency_header
            else "None",
            user_agent=py_str(f"{self.distribution()}/Python ") + " + __version__",
            missing_key_message=py_str(
                "The api_key client option must be set either by passing api_key to the client "
                f"or by setting the {env.api_key or self.package.upper() + '_API_KEY'} "
                "environment variable"
            ),
            init_doc=docstring(
                "Create a client.\n\n"
                f"`api_key` defaults to the `{env.api_key or self.package.upper() + '_API_KEY'}` "
                f"environment variable and `base_url` to "
                f"`{env.base_url or self.package.upper() + '_BASE_URL'}`, else {base_url}. "
                "`timeout` (seconds or an `httpx2.Timeout`), `max_retries` and `deadline` (seconds "
                "for a whole call, retries included) apply to every request unless a call "
                "overrides them."
            )
            or "",
            children=children,
            type_checking_imports=checking,
        )

    def distribution(self) -> str:
        return self.config.distribution or self.package.replace("_", "-")

    def server_url(self) -> str:
        servers = self.document.get("servers")
        if isinstance(servers, list) and servers and isinstance(servers[0], Mapping):
            url = servers[0].get("url")
            if isinstance(url, str) and url:
                return url
        return "http://localhost"

    def init_modules(
        self, type_modules: list[ir.TypeModule], resources: list[ir.Resource]
    ) -> tuple[ir.InitModule, ...]:
        exports: dict[str, list[ir.LazyExport]] = defaultdict(list)
        directories: set[str] = {"types", "resources"}

        def note(path: str, names: tuple[str, ...]) -> None:
            directory, _, stem = path.removesuffix(".py").rpartition("/")
            for name in names:
                exports[directory].append(ir.LazyExport(name, "." + stem, name))
            parts = directory.split("/")
            for depth in range(1, len(parts) + 1):
                directories.add("/".join(parts[:depth]))

        for module in type_modules:
            note(module.path, module.exports)
        # `types/<area>/` re-exports the (root-module) types its operations use.
        by_path = {module.path.removesuffix(".py"): module for module in type_modules}
        for directory, modules in self.area_modules.items():
            directories.add(directory)
            for target in modules:
                init = relative(f"{directory}/__init__", target)
                for name in by_path[target].exports:
                    exports[directory].append(ir.LazyExport(name, init, name))
        # `<package>.types` also exports every type of its subpackages whose name is unique in
        # the package, so `from <package>.types import X` works wherever X is grouped.
        homes: dict[str, list[str]] = defaultdict(list)
        for module in type_modules:
            for name in module.exports:
                homes[name].append(module.path)
        for name, paths in homes.items():
            if len(paths) == 1 and paths[0].count("/") > 1:
                dotted = paths[0].removesuffix(".py").split("/", 1)[1].replace("/", ".")
                exports["types"].append(ir.LazyExport(name, "." + dotted, name))
        for resource in resources:
            note(resource.module, resource.exports)
        for directory in sorted(directories):
            parent, _, name = directory.rpartition("/")
            if parent:
                exports[parent].append(ir.LazyExport(name, "." + name, None))
        out = []
        for directory in sorted(directories):
            kind = "Request and response types" if directory.startswith("types") else "Resources"
            where = directory.replace("/", ".")
            path = f"{directory}/__init__"
            imports = Imports(path, Registry())
            for export in exports[directory]:
                if export.attr is None:
                    imports.add_from(".", export.name, "local")
                else:
                    imports.add_from(export.module, export.attr, "local")
            out.append(
                ir.InitModule(
                    path=path + ".py",
                    doc=f"{kind} of `{self.package}.{where}`, imported lazily on first use.",
                    exports=tuple(sorted(exports[directory], key=lambda e: e.name)),
                    type_checking_imports=imports.lines(indent=4),
                )
            )
        return tuple(out)

    def examples(self, ops: list[Operation], methods: Mapping[str, ir.Method]) -> ir.Examples:
        def call(op: Operation, extra: str = "") -> str:
            args = self.example_args(op)
            if extra:
                args.append(extra)
            if not args:
                return f"{dotted(op)}()"
            return f"{dotted(op)}(\n" + "".join(f"    {a},\n" for a in args) + ")"

        first = ops[0] if ops else None
        stream = next((op for op in ops if methods[op.key].sync.overloads), None)
        page = next((op for op in ops if "_request_page(" in methods[op.key].sync.call_open), None)
        upload = next((op for op in ops if op.body is not None and op.body.multipart), None)
        main = call(first) if first else None
        return ir.Examples(
            call=main,
            raw_call=main.replace("client.", "client.with_raw_response.", 1) if main else None,
            stream=call(stream, "stream=True") if stream else None,
            page=call(page) if page else None,
            upload=call(upload) if upload else None,
        )

    def example_args(self, op: Operation) -> list[str]:
        """`name=value` for the required arguments, from the spec's examples where it has any."""
        out: list[str] = []
        for param in op.params:
            if param.required:
                name = identifier(param.wire, reserved=RESERVED_PARAM_NAMES)
                out.append(f"{name}={self.example_value(param.schema, param.pointer, 0)}")
        if op.body is not None:
            schema, pointer = self.types.deref(op.body.schema, op.body.pointer)
            given = op.body.example if isinstance(op.body.example, Mapping) else {}
            if self.types.is_class(schema, pointer):
                _, props, required = self.types.properties(schema, pointer, inherit=False)
                for prop in props:
                    if prop.wire not in required or prop.wire == "stream":
                        continue
                    name = identifier(prop.wire, reserved=RESERVED_PARAM_NAMES)
                    literal = _literal_source(given.get(prop.wire)) if prop.wire in given else None
                    value = literal or self.example_value(prop.schema, prop.pointer, 0)
                    out.append(f"{name}={value}")
        return out

    def example_value(self, schema: Any, pointer: str, depth: int) -> str:
        tl = self.types
        schema, pointer = tl.deref(schema, pointer)
        if not isinstance(schema, Mapping) or depth > 4:
            return "{}"
        for key in ("example", "default"):
            value = schema.get(key)
            if (
                value is not None
                and _literal_source(value) is not None
                and not isinstance(value, (dict, list))
            ):
                return _literal_source(value) or "None"
        if "const" in schema and _literal_source(schema["const"]):
            return _literal_source(schema["const"]) or "None"
        enum = schema.get("enum")
        if isinstance(enum, list) and enum and _literal_source(enum[0]):
            return _literal_source(enum[0]) or "None"
        for key in ("oneOf", "anyOf"):
            variants = schema.get(key)
            if isinstance(variants, list):
                usable = [(i, v) for i, v in enumerate(variants) if not tl.is_null(v)]
                # Prefer a variant that says what a real value looks like.
                usable.sort(
                    key=lambda item: (
                        not (
                            isinstance(item[1], Mapping)
                            and ({"enum", "const", "examples", "example"} & set(item[1]))
                        )
                    )
                )
                for index, variant in usable[:1]:
                    return self.example_value(variant, f"{pointer}/{key}/{index}", depth + 1)
        if tl.is_class(schema, pointer) or schema.get("type") == "object":
            _, props, required = tl.properties(schema, pointer, inherit=False)
            entries = [
                f"{py_str(p.wire)}: {self.example_value(p.schema, p.pointer, depth + 1)}"
                for p in props
                if p.wire in required
            ]
            return "{" + ", ".join(entries) + "}"
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), None)
        if kind == "array" or "items" in schema:
            item = self.example_value(schema.get("items", {}), pointer + "/items", depth + 1)
            return f"[{item}]"
        if kind == "string":
            if schema.get("format") == "binary":
                return 'open("example.jsonl", "rb")'
            return py_str("string")
        return {"integer": "0", "number": "0.0", "boolean": "True"}.get(str(kind), "None")


def _area(resource: tuple[str, ...]) -> str:
    """The `types/` subpackage a resource's types are grouped by: its top-level resource, except
    that `beta` is looked through (`beta.chat.completions` shares `types/chat/` with `chat`)."""
    if resource[0] == "beta" and len(resource) > 1:
        return resource[1]
    return resource[0]


def _client_name(title: str) -> str:
    words = [w for w in re.split(r"[^0-9A-Za-z]+", title) if w and w.lower() != "api"]
    name = "".join(w[0].upper() + w[1:] for w in words) or "Client"
    if keyword.iskeyword(name) or name in ("I", "O"):  # `None`, `True`; ambiguous for ruff
        return name + "Client"
    return name if not name[0].isdigit() else "Client" + name


def _builtin_list(method: ir.Method) -> ir.Method:
    """`method` with `list[...]` in its signatures written `builtins.list[...]`: in a class
    with a method called `list`, a plain `list` in an annotation would mean that method."""

    def params(items: tuple[ir.Param, ...]) -> tuple[ir.Param, ...]:
        return tuple(replace(p, annotation=qualify_builtins(p.annotation, ["list"])) for p in items)

    def signature(sig: ir.Signature) -> ir.Signature:
        returns = qualify_builtins(sig.returns, ["list"])
        return replace(
            sig, positional=params(sig.positional), keyword=params(sig.keyword), returns=returns
        )

    def variant(form: ir.MethodVariant) -> ir.MethodVariant:
        overloads = tuple(signature(o) for o in form.overloads)
        return replace(form, overloads=overloads, signature=signature(form.signature))

    return replace(method, sync=variant(method.sync), async_=variant(method.async_))


def _small(value: object, limit: int = 200) -> bool:
    """Whether `value` (JSON data) has at most `limit` nodes."""
    stack, count = [value], 0
    while stack:
        item = stack.pop()
        count += 1
        if count > limit:
            return False
        if isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True


def _literal_source(value: object) -> str | None:
    """Python source for a JSON value (None for values JSON cannot hold, or too big to show:
    YAML aliases can make a small example expand exponentially)."""
    if isinstance(value, Mapping | list) and not _small(value):
        return None
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float) and not math.isfinite(value):
        return None  # YAML's .nan / .inf: not JSON, and `repr` would print a bare name
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return py_str(value)
    if isinstance(value, list):
        items = [_literal_source(item) for item in value]
        return None if None in items else "[" + ", ".join(i for i in items if i) + "]"
    if isinstance(value, Mapping):
        entries = [(_literal_source(str(k)), _literal_source(v)) for k, v in value.items()]
        if any(v is None for _, v in entries):
            return None
        return "{" + ", ".join(f"{k}: {v}" for k, v in entries) + "}"
    return None


def _strongly_connected(graph: Mapping[str, frozenset[str]], order: list[str]) -> dict[str, int]:
    """Tarjan's algorithm, iteratively: node -> component id (deterministic for `order`)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    component: dict[str, int] = {}
    counter = 0
    components = 0
    for start in order:
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = []
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        work.append((start, iter(sorted(graph.get(start, ())))))
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                ident = components
                components += 1
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = ident
                    if member == node:
                        break
    return component
