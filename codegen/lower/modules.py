"""The `types/` modules: their names, the definitions they hold, and the order of those.

`ModuleBuilder` collects a module's definitions while lowering; `ModuleNames` hands out module
names per directory (never the name of a subpackage there); `order_definitions` puts a module's
definitions in dependency order; `strongly_connected` finds the schemas that reference each
other in a cycle (they share a module).
"""

from __future__ import annotations

import keyword
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from .. import ir
from ..ir import types as t
from .naming import Allocator, snake

__all__ = [
    "ModuleBuilder",
    "ModuleNames",
    "module_name_for",
    "order_definitions",
    "strongly_connected",
]


@dataclass
class ModuleBuilder:
    """A `types/` module being filled: definitions in creation order and its public names."""

    path: str  # "types/chat/chat_completion" (no ".py")
    definitions: list[ir.Definition] = field(default_factory=list)


class ModuleNames:
    """Module names in each `types/` directory; `subpackages(directory)` are taken already."""

    def __init__(self, subpackages: Callable[[str], set[str]]) -> None:
        self._subpackages = subpackages
        self._allocators: dict[str, Allocator] = {}

    def __call__(self, directory: str) -> Allocator:
        """The names of modules in `directory` (`types/chat`)."""
        allocator = self._allocators.get(directory)
        if allocator is None:
            reserved = self._subpackages(directory) | {"__init__"}
            allocator = self._allocators[directory] = Allocator(reserved)
        return allocator

    def new_module(self, directory: str, name: str) -> ModuleBuilder:
        """A builder for a new module in `directory`, named after class `name`."""
        stem = self(directory).allocate(module_name_for(name), sep="_")
        return ModuleBuilder(f"{directory}/{stem}")

    def release(self, builder: ModuleBuilder) -> None:
        """Give back the name of a module that stayed empty."""
        directory, _, stem = builder.path.rpartition("/")
        self(directory).release(stem)


def module_name_for(name: str) -> str:
    """Module file name (without `.py`) for class `name` (a keyword gets a trailing `_`)."""
    stem = snake(name) or "model"
    return stem + "_" if keyword.iskeyword(stem) else stem


def _uses(definition: ir.Definition) -> list[str]:
    """Names `definition` refers to, in the order its printed form mentions them."""
    if isinstance(definition, ir.Alias):
        return list(t.refs(definition.type))
    return [*definition.bases, *(name for f in definition.fields for name in t.refs(f.type))]


def order_definitions(
    definitions: list[ir.Definition],
) -> tuple[list[ir.Definition], list[str]]:
    """Order `definitions` so each comes after what it uses.

    Aliases are visited first so that, in a cycle, the back reference lands in a class (where
    a quoted annotation works) rather than in an alias. A forward reference in an alias (a
    type that contains itself only through aliases) is replaced by `object`.
    Returns the ordered definitions and the models that need `model_rebuild()`.
    """
    by_name = {d.name: d for d in definitions}
    deps = {d.name: [n for n in _uses(d) if n in by_name and n != d.name] for d in definitions}
    roots = [d for d in definitions if isinstance(d, ir.Alias)] + [
        d for d in definitions if not isinstance(d, ir.Alias)
    ]
    done: list[ir.Definition] = []
    state: dict[str, int] = {}  # 1 = visiting, 2 = done
    for root in roots:
        if root.name in state:
            continue
        stack: list[tuple[str, int]] = [(root.name, 0)]
        state[root.name] = 1
        while stack:
            name, index = stack[-1]
            children = deps[name]
            if index < len(children):
                stack[-1] = (name, index + 1)
                child = children[index]
                if child not in state:
                    state[child] = 1
                    stack.append((child, 0))
                continue
            stack.pop()
            state[name] = 2
            done.append(by_name[name])
    defined: set[str] = set()
    result: list[ir.Definition] = []
    rebuild: list[str] = []
    for definition in done:

        def forward(name: str) -> bool:
            return name in by_name and name not in defined

        if isinstance(definition, ir.Alias):
            if any(forward(name) for name in t.refs(definition.type)):
                typ = t.replace_refs(definition.type, lambda n: t.OBJECT if forward(n) else None)
                definition = replace(definition, type=typ)
        elif isinstance(definition, ir.Model) and any(
            forward(name) for f in definition.fields for name in t.refs(f.type)
        ):
            rebuild.append(definition.name)
        defined.add(definition.name)
        result.append(definition)
    return result, rebuild


def strongly_connected(graph: Mapping[str, frozenset[str]], order: list[str]) -> dict[str, int]:
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
