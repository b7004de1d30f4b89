"""The `$ref` resolver: follows reference chains in a (bundled) document, the one way.

Every stage that meets a `$ref` (the loader's checks, validation, lowering) follows it with
`resolve`, so loops, over-long chains and dangling references are reported the same way, with
the JSON pointer of the reference that fails.
"""

from __future__ import annotations

from typing import Any

from ..errors import SpecError
from .pointer import Missing, join_pointer, lookup, normalize_pointer, pointer_of, split_pointer

__all__ = ["MAX_REF_HOPS", "node_at", "resolve"]

MAX_REF_HOPS = 64


def node_at(document: Any, pointer: str) -> Any:
    """The node at `pointer` (`#/components/schemas/Pet`); `SpecError` if there is none."""
    try:
        tokens = split_pointer(pointer)
        return lookup(document, tokens)
    except ValueError as exc:
        raise SpecError(pointer, str(exc)) from None
    except Missing as exc:
        raise SpecError(
            pointer, f"{pointer_of(tokens[: exc.depth])} has no {tokens[exc.depth]!r}"
        ) from None


def resolve(
    document: Any, node: Any, pointer: str | None = "#", *, keep_siblings: bool = False
) -> tuple[str, Any]:
    """Follow `node`'s `$ref` chain; return the pointer of the final node and the node.

    `pointer` is where `node` is (a reference back to it is a loop), or None when the caller
    only has the reference itself. A node that is not a reference is returned as is, with
    `pointer`. Loops (`A -> B -> A`) and chains longer than `MAX_REF_HOPS` raise `SpecError`, as
    does a reference to nothing. With `keep_siblings`, the chain stops at a reference that has
    other keywords next to its `$ref` (OpenAPI 3.1 allows `{$ref: ..., description: ...}`): the
    caller reads those keywords before following it.
    """
    seen = [] if pointer is None else [normalize_pointer(pointer)]
    first = len(seen)  # seen[first:] are the references followed
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        if keep_siblings and len(seen) > first and len(node) > 1:
            break
        target = node["$ref"]
        if target in seen:
            chain = " -> ".join([*seen[first:], target])
            raise SpecError(join_pointer(seen[-1], "$ref"), f"$ref chain loops: {chain}")
        if len(seen) - first >= MAX_REF_HOPS:
            message = f"$ref chain from {seen[first]} is longer than {MAX_REF_HOPS} hops"
            raise SpecError(join_pointer(seen[-1], "$ref"), message)
        seen.append(target)
        node = node_at(document, target)
    return (seen[-1] if seen else "#"), node
