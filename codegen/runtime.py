"""Facts the generator reads from the hand-written runtime (`templates/runtime/`).

Generated code must fit the runtime it ships with, so what the generator needs to know about it
(exception classes to re-export, the client's own attributes, which resource names would shadow)
is read from the runtime's source here, never copied into the generator by hand.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

__all__ = ["LIB_DIR", "RUNTIME_DIR", "TEMPLATES_DIR", "client_attributes", "runtime_all"]

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
