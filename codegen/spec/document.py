"""`Spec`: a loaded, bundled and checked OpenAPI document, and where its nodes came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Diagnostic, normalize_pointer
from .pointer import pointer_of, split_pointer
from .refs import node_at, resolve

__all__ = ["Spec"]

_Tokens = tuple[str, ...]


@dataclass
class Spec:
    """A loaded, bundled and checked OpenAPI document (see `codegen.spec.load_spec`)."""

    document: dict[str, Any]
    path: Path
    openapi_version: str
    origins: dict[_Tokens, tuple[Path, _Tokens]] = field(default_factory=dict, repr=False)
    """Where bundled nodes came from: root pointer tokens -> (file, pointer tokens there)."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Warnings found while loading (e.g. an operation skipped because it cannot be called)."""

    def node(self, pointer: str) -> Any:
        """The node at `pointer` (`#/components/schemas/Pet`); `SpecError` if there is none."""
        return node_at(self.document, pointer)

    def resolve(self, node: Any, pointer: str = "#") -> tuple[str, Any]:
        """Follow `node`'s `$ref` chain; return the final node's pointer and the node.

        See `codegen.spec.refs.resolve`: loops and dangling references raise `SpecError`.
        """
        return resolve(self.document, node, pointer)

    def origin(self, pointer: str) -> tuple[Path, str]:
        """The file and pointer a node of the bundled document was read from."""
        tokens = tuple(split_pointer(pointer))
        for size in range(len(tokens), 0, -1):
            found = self.origins.get(tokens[:size])
            if found is not None:
                file, base = found
                return file, pointer_of(base + tokens[size:])
        return self.path, normalize_pointer(pointer)
