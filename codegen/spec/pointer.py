"""JSON pointers (RFC 6901) into OpenAPI documents: the one place that escapes and walks them.

Pointers are written in fragment form, `#/paths/~1files/get`: tokens joined by `/`, each with
`~` escaped as `~0` and `/` as `~1`. Every other module builds, splits and follows pointers with
these functions, so there is exactly one escaping rule in the generator.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import normalize_pointer

__all__ = [
    "Missing",
    "escape_token",
    "join_pointer",
    "locate",
    "lookup",
    "missing_message",
    "normalize_pointer",
    "pointer_of",
    "split_pointer",
    "unescape_token",
]


def escape_token(token: str | int) -> str:
    """Escape one reference token (`~` -> `~0`, `/` -> `~1`)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    """Decode one reference token (`~1` -> `/`, `~0` -> `~`)."""
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(pointer: str, *tokens: str | int) -> str:
    """`join_pointer("#/paths", "/files", "get")` -> `"#/paths/~1files/get"`."""
    return normalize_pointer(pointer) + "".join("/" + escape_token(t) for t in tokens)


def pointer_of(tokens: Sequence[str]) -> str:
    """`("paths", "/files")` -> `"#/paths/~1files"`."""
    return join_pointer("#", *tokens)


def split_pointer(pointer: str) -> list[str]:
    """`"#/paths/~1files/get"` -> `["paths", "/files", "get"]`; raises `ValueError` if malformed."""
    body = pointer[1:] if pointer.startswith("#") else pointer
    if not body:
        return []
    if not body.startswith("/"):
        raise ValueError(f"JSON pointer {pointer!r} must start with '/'")
    return [unescape_token(t) for t in body[1:].split("/")]


class Missing(Exception):
    """`lookup` failed at `tokens[:depth]`: that node has no child `tokens[depth]`."""

    def __init__(self, depth: int) -> None:
        self.depth = depth


def lookup(document: Any, tokens: Sequence[str]) -> Any:
    """The node at `tokens` (unescaped) in `document`; raises `Missing` where the walk stops.

    Array indexes are decimal numbers without leading zeros, as RFC 6901 says.
    """
    node = document
    for depth, token in enumerate(tokens):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif (
            isinstance(node, list)
            and token.isdigit()
            and (token == "0" or not token.startswith("0"))
            and int(token) < len(node)
        ):
            node = node[int(token)]
        else:
            raise Missing(depth)
    return node


def locate(document: Any, tokens: Sequence[str], hops: int = 64) -> tuple[list[str], Any]:
    """Like `lookup`, but a token a node lacks is looked up in what that node's `$ref` (a
    local pointer) names: `#/components/schemas/A/properties/b/items/oneOf/0` finds the first
    `oneOf` member of the schema that `b`'s `items` references. Returns the tokens of where
    the node really is, and the node; raises `Missing` where the walk stops.
    """
    node = document
    real: list[str] = []
    for depth, token in enumerate(tokens):
        while (
            isinstance(node, dict)
            and token not in node
            and isinstance(node.get("$ref"), str)
            and node["$ref"].startswith("#")
        ):
            hops -= 1
            if hops < 0:
                raise Missing(depth)
            try:
                real = split_pointer(node["$ref"])
                node = lookup(document, real)
            except (ValueError, Missing):
                raise Missing(depth) from None
        try:
            node = lookup(node, (token,))
        except Missing:
            raise Missing(depth) from None
        real.append(token)
    return real, node


def missing_message(ref: str, tokens: Sequence[str], depth: int) -> str:
    """Why `$ref` `ref` (to `tokens`) does not resolve, for a `Missing(depth)` from `lookup`."""
    return f"$ref {ref!r} does not resolve: {pointer_of(tokens[:depth])} has no {tokens[depth]!r}"
