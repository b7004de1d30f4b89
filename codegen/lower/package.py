"""The package around the types: resource modules, their sub-resources, lazy `__init__`s.

Each resource of the tree (`resources`) becomes `ir.Resource`: sync and async classes and their
raw/streaming wrappers, its methods and the config's hand-written helper methods (`helpers`), its
sub-resources. Every package directory gets an `__init__` that re-exports its modules' names
lazily (PEP 562).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from .. import ir
from ..ir import types as t
from .helpers import helper_methods
from .placement import area_of
from .resources import ResourceNode
from .types import TypeLowerer

__all__ = ["children_of", "init_modules", "resource_ir", "variants_of"]


def variants_of(res: ResourceNode) -> tuple[ir.ResourceVariant, ir.ResourceVariant]:
    name = res.class_name
    return (
        ir.ResourceVariant(
            name, ("SyncAPIResource",), f"{name}WithRawResponse", f"{name}WithStreamingResponse"
        ),
        ir.ResourceVariant(
            f"Async{name}",
            ("AsyncAPIResource",),
            f"Async{name}WithRawResponse",
            f"Async{name}WithStreamingResponse",
        ),
    )


def children_of(res: ResourceNode) -> tuple[ir.Child, ...]:
    children: list[ir.Child] = []
    for attr in sorted(res.children):
        child = res.children[attr]
        sync, async_ = variants_of(child)
        children.append(ir.Child(attr, child.module, sync, async_))
    return tuple(children)


def resource_ir(
    res: ResourceNode,
    methods: Mapping[str, ir.Method],
    types: TypeLowerer,
    area_modules: Mapping[str, list[str]],
) -> ir.Resource:
    """The resource module of `res`: its classes, methods, sub-resources and, for api.md, the
    types its methods return and where users import them from."""
    sync, async_ = variants_of(res)
    own = [methods[op.key] for op in res.ops]
    api_types: dict[str, set[str]] = defaultdict(set)
    area = f"types/{area_of(res.path)}"
    reexported = set(area_modules.get(area, ()))
    for method in own:
        if method.params_type is not None:
            where = method.params_type.module.rpartition("/")[0]
            api_types[where.replace("/", ".")].add(method.params_type.name)
        for name in (*_returned_names(method), *_error_names(method)):
            home = types.homes.get(name)
            if home is not None:
                where = area if home in reexported else home.rpartition("/")[0]
                api_types[where.replace("/", ".")].add(name)
    helpers: tuple[ir.HelperMethod, ...] = ()
    if res.helper is not None:
        helpers = helper_methods(res.helper, {method.name: method for method in own})
    return ir.Resource(
        dotted=".".join(res.path),
        module=res.module + ".py",
        doc=res.doc,
        sync=sync,
        async_=async_,
        methods=tuple(own),
        children=children_of(res),
        helpers=helpers,
        api_types=tuple(
            ir.TypeImport(where, tuple(sorted(names))) for where, names in sorted(api_types.items())
        ),
    )


def init_modules(
    type_modules: list[ir.TypeModule],
    resources: list[ir.Resource],
    area_modules: Mapping[str, list[str]],
    package: str,
) -> tuple[ir.InitModule, ...]:
    """The lazy `__init__` of every package under `types/` and `resources/`: what each
    re-exports. `<package>.types` also exports every type of its subpackages whose name is
    unique in the package, so `from <package>.types import X` works wherever X is grouped."""
    exports: dict[str, list[ir.LazyExport]] = defaultdict(list)
    directories: set[str] = {"types", "resources"}

    def note(path: str, names: tuple[str, ...]) -> None:
        directory, _, stem = path.removesuffix(".py").rpartition("/")
        for name in names:
            exports[directory].append(ir.LazyExport(name, f"{directory}/{stem}", name))
        parts = directory.split("/")
        for depth in range(1, len(parts) + 1):
            directories.add("/".join(parts[:depth]))

    for module in type_modules:
        note(module.path, module.exports)
    # `types/<area>/` re-exports the (root-module) types its operations use.
    by_path = {module.path.removesuffix(".py"): module for module in type_modules}
    for directory, modules in area_modules.items():
        directories.add(directory)
        for target in modules:
            for name in by_path[target].exports:
                exports[directory].append(ir.LazyExport(name, target, name))
    # `<package>.types` also exports every type of its subpackages whose name is unique in
    # the package, so `from <package>.types import X` works wherever X is grouped.
    homes: dict[str, list[str]] = defaultdict(list)
    for module in type_modules:
        for name in module.exports:
            homes[name].append(module.path)
    for name, paths in homes.items():
        if len(paths) == 1 and paths[0].count("/") > 1:
            exports["types"].append(ir.LazyExport(name, paths[0].removesuffix(".py"), name))
    for resource in resources:
        note(resource.module, _resource_exports(resource))
    for directory in sorted(directories):
        parent, _, name = directory.rpartition("/")
        if parent:
            exports[parent].append(ir.LazyExport(name, directory, None))
    out = []
    for directory in sorted(directories):
        kind = "Request and response types" if directory.startswith("types") else "Resources"
        where = directory.replace("/", ".")
        out.append(
            ir.InitModule(
                path=f"{directory}/__init__.py",
                doc=f"{kind} of `{package}.{where}`, imported lazily on first use.",
                exports=tuple(sorted(exports[directory], key=lambda e: e.name)),
            )
        )
    return tuple(out)


def _returned_names(method: ir.Method) -> list[str]:
    """Generated types a method's (sync) return type mentions."""
    found = [method.returns, method.stream.chunk if method.stream else None]
    found.append(method.paginator.item if method.paginator else None)
    if method.result == "stream":
        found[0] = None
    return [name for typ in found if typ is not None for name in t.refs(typ)]


def _error_names(method: ir.Method) -> list[str]:
    """Generated types of a method's declared error bodies (users narrow `.body` to them)."""
    return [name for error in method.errors for name in t.refs(error.type)]


def _resource_exports(resource: ir.Resource) -> tuple[str, ...]:
    variants = (resource.sync, resource.async_)
    return tuple(
        sorted(n for v in variants for n in (v.class_name, v.raw_class, v.streaming_class))
    )
