"""The order of definitions in a generated `types/` module.

`order_definitions` puts a module's definitions in dependency order. A reference to a name
defined later in the same module (only possible in recursive schemas) is left to `render`, which
quotes it, and the model is listed for `model_rebuild()`; an alias cannot refer forward, so
there the reference becomes `object`.
"""

from __future__ import annotations

from dataclasses import replace

from . import ir
from .ir import types as t

__all__ = ["order_definitions"]


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
