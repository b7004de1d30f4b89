"""Facts the generator reads from the hand-written runtime (`templates/runtime/`) and helpers
(`templates/lib/`).

Generated code must fit the runtime it ships with, so what the generator needs to know about it
(exception classes to re-export, the client's own attributes, which resource names would shadow,
the helper methods `lib/` declares) is read from the source here, never copied into the
generator by hand.
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "LIB_DIR",
    "RUNTIME_DIR",
    "TEMPLATES_DIR",
    "HelperDecl",
    "HelperFunction",
    "HelperParam",
    "HelperSignature",
    "client_attributes",
    "lib_helpers",
    "runtime_all",
    "status_error_classes",
]

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
RUNTIME_DIR = TEMPLATES_DIR / "runtime"
LIB_DIR = TEMPLATES_DIR / "lib"
_CLIENT_CLASSES = ("BaseClient", "SyncAPIClient", "AsyncAPIClient")


@functools.cache
def _module(name: str) -> ast.Module:
    return ast.parse((RUNTIME_DIR / f"{name}.py").read_text(encoding="utf-8"))


@functools.cache
def runtime_all(module: str) -> tuple[str, ...]:
    """The `__all__` of runtime module `module` (e.g. `_exceptions`), read from its source.

    Generated code that re-exports a runtime module's public names takes them from here, so a
    name added to the runtime is exported without touching the generator.
    """
    for node in _module(module).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return tuple(str(name) for name in ast.literal_eval(node.value))
    raise ValueError(f"templates/runtime/{module}.py has no literal __all__")


@functools.cache
def status_error_classes() -> tuple[dict[int, str], tuple[int, str]]:
    """Which `APIStatusError` subclass the runtime raises for a status: `_exceptions`'
    `_STATUS_CLASSES` table, and the `(lowest status, class)` of `status_error_class`'s
    `if status_code >= N: return X` rule (5xx)."""
    table: dict[int, str] | None = None
    rule: tuple[int, str] | None = None
    for node in _module("_exceptions").body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Dict):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "_STATUS_CLASSES" for t in targets):
                table = {
                    ast.literal_eval(k): v.id
                    for k, v in zip(node.value.keys, node.value.values, strict=True)
                    if k is not None and isinstance(v, ast.Name)
                }
        if isinstance(node, ast.FunctionDef) and node.name == "status_error_class":
            for branch in ast.walk(node):
                if (
                    isinstance(branch, ast.If)
                    and isinstance(branch.test, ast.Compare)
                    and isinstance(branch.test.ops[0], ast.GtE)
                    and isinstance(branch.test.comparators[0], ast.Constant)
                    and isinstance(branch.test.comparators[0].value, int)
                    and isinstance(branch.body[0], ast.Return)
                    and isinstance(branch.body[0].value, ast.Name)
                ):
                    rule = (branch.test.comparators[0].value, branch.body[0].value.id)
    if table is None or rule is None:
        raise ValueError("templates/runtime/_exceptions.py: no _STATUS_CLASSES or 5xx rule")
    return table, rule


def _public(name: str) -> bool:
    return not name.startswith("_")


@functools.cache
def client_attributes() -> frozenset[str]:
    """Public attributes of the runtime's client classes (`_base_client.py`): methods,
    properties, class attributes and `self.<name> = ...` assignments.

    A resource attribute on the generated client may not take one of these names.
    """
    found: set[str] = set()
    for node in _module("_base_client").body:
        if not (isinstance(node, ast.ClassDef) and node.name in _CLIENT_CLASSES):
            continue
        for item in node.body:
            if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                found.add(item.name)
            elif isinstance(item, ast.AnnAssign):
                found.update([item.target.id] if isinstance(item.target, ast.Name) else [])
            elif isinstance(item, ast.Assign):
                found.update(t.id for t in item.targets if isinstance(t, ast.Name))
        for sub in ast.walk(node):
            if (
                isinstance(sub, ast.Attribute)
                and isinstance(sub.ctx, ast.Store)
                and isinstance(sub.value, ast.Name)
                and sub.value.id == "self"
            ):
                found.add(sub.attr)
    return frozenset(name for name in found if _public(name))


# ------------------------------------------------------------------------- helper methods (lib/)


@dataclass(frozen=True)
class HelperParam:
    """A keyword parameter of a helper function; annotation and default are its Python source."""

    name: str
    annotation: str
    default: str | None  # None: required


@dataclass(frozen=True)
class HelperSignature:
    params: tuple[HelperParam, ...]
    returns: str


@dataclass(frozen=True)
class HelperFunction:
    """One form (sync or async) of a helper: the lib function, whether it is `async def`, its
    overloads and its implementation signature (keyword parameters only)."""

    name: str
    is_async: bool
    overloads: tuple[HelperSignature, ...]
    signature: HelperSignature
    doc: str | None


@dataclass(frozen=True)
class HelperDecl:
    """A `@helper_method` of a lib module (see `templates/lib/_declare.py`).

    `names` maps each name its annotations use to where the lib module gets it: `(module,
    absolute)`, the module as an absolute import or as a path inside the package (`_types`,
    `lib/chat_stream`).
    """

    name: str
    based_on: str | None
    drop: tuple[str, ...]
    sync: HelperFunction
    async_: HelperFunction
    names: tuple[tuple[str, str, bool], ...]


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _decorator_call(node: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.Call | None:
    for decorator in node.decorator_list:
        if (
            isinstance(decorator, ast.Call)
            and isinstance(decorator.func, ast.Name)
            and decorator.func.id == "helper_method"
        ):
            return decorator
    return None


def _is_overload(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "overload" for d in node.decorator_list)


def _signature(node: ast.FunctionDef | ast.AsyncFunctionDef, where: str) -> HelperSignature:
    args = node.args
    if args.vararg or args.kwarg or args.posonlyargs:
        raise ValueError(
            f"{where}: a helper takes no *args, **kwargs or positional-only parameters"
        )
    params = []
    for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        if arg.annotation is None:
            raise ValueError(f"{where}: parameter {arg.arg!r} has no annotation")
        params.append(
            HelperParam(
                arg.arg,
                ast.unparse(arg.annotation),
                None if default is None else ast.unparse(default),
            )
        )
    if node.returns is None:
        raise ValueError(f"{where}: no return annotation")
    return HelperSignature(tuple(params), ast.unparse(node.returns))


def _bindings(tree: ast.Module, module: str) -> dict[str, tuple[str, bool]]:
    """Where each module-level name of lib module `module` (`lib/chat_helpers`) comes from."""
    found: dict[str, tuple[str, bool]] = {}
    here = module.split("/")[:-1]
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
                source = "/".join([*base, *(node.module or "").split(".")]).strip("/")
                absolute = False
            else:
                source, absolute = node.module or "", True
            for alias in node.names:
                if alias.asname is None or alias.asname == alias.name:
                    found[alias.asname or alias.name] = (source, absolute)
        elif isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            found[node.name] = (module, False)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    found[target.id] = (module, False)
    return found


@functools.cache
def lib_helpers(module: str) -> tuple[HelperDecl, ...]:
    """The helper methods lib module `module` (dotted, under `lib/`) declares, read from its
    source; raises ValueError naming the function when a declaration is malformed."""
    relative = module.replace(".", "/")
    path = LIB_DIR / f"{relative}.py"
    if not path.is_file():
        raise ValueError(f"templates/lib/{relative}.py does not exist")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package_path = f"lib/{relative}"
    bindings = _bindings(tree, package_path)
    overloads: dict[str, list[HelperSignature]] = {}
    declared: dict[str, tuple[ast.Call, HelperFunction]] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        where = f"templates/lib/{relative}.py:{node.lineno} {node.name}()"
        if _is_overload(node):
            overloads.setdefault(node.name, []).append(_signature(node, where))
            continue
        call = _decorator_call(node)
        if call is None:
            continue
        function = HelperFunction(
            node.name,
            isinstance(node, ast.AsyncFunctionDef),
            tuple(overloads.get(node.name, ())),
            _signature(node, where),
            ast.get_docstring(node),
        )
        declared[node.name] = (call, function)
    helpers = []
    for name, (call, sync) in sorted(declared.items()):
        if name.startswith("async_"):
            continue
        found = declared.get(f"async_{name}")
        if found is None:
            raise ValueError(f"templates/lib/{relative}.py: {name}() has no async_{name}()")
        options = {k.arg: ast.literal_eval(k.value) for k in call.keywords if k.arg}
        used: set[str] = set()
        for form in (sync, found[1]):
            for signature in (*form.overloads, form.signature):
                for text in (signature.returns, *(p.annotation for p in signature.params)):
                    used.update(_IDENTIFIER.findall(text))
        names = []
        for used_name in sorted(used):
            if used_name in bindings:
                source, absolute = bindings[used_name]
                names.append((used_name, source, absolute))
        helpers.append(
            HelperDecl(
                name=name,
                based_on=options.get("based_on"),
                drop=tuple(options.get("drop", ())),
                sync=sync,
                async_=found[1],
                names=tuple(names),
            )
        )
    return tuple(helpers)
