"""Input schemas for MCP tools: a method's parameters as one compact, self-contained JSON Schema.

The table's schemas name shared definitions (`{"$ref": "#/$defs/Name"}`); a model gets them
inlined, down to `depth` definitions deep (deeper ones become `{"type": "object"}` or `{}`, which
accept what the API accepts there), with descriptions cut to their first sentences. The result
has no `$ref`, so clients that do not resolve references (most do not) see the whole shape, and
it is valid JSON Schema 2020-12 with an object at the root.

A file parameter becomes `{"filename": ..., "base64": ...}` or `{"filename": ..., "text": ...}`.
"""

from __future__ import annotations

import re
from typing import Any

from .._frontend.calls import is_dict, is_list
from .._frontend.table import Operation, Param

__all__ = ["FILE_SCHEMA", "input_schema", "trim"]

FILE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "A file: its name and its content, as base64 or as text.",
    "properties": {
        "filename": {"type": "string"},
        "base64": {"type": "string", "contentEncoding": "base64"},
        "text": {"type": "string"},
        "content_type": {"type": "string"},
    },
    "required": ["filename"],
    "anyOf": [{"required": ["base64"]}, {"required": ["text"]}],
    "additionalProperties": False,
}

_SPACE = re.compile(r"\s+")
_SENTENCE = re.compile(r"(?<=[.!?])\s")


def trim(text: str | None, limit: int) -> str | None:
    """The first sentences of `text`'s first paragraph, at most `limit` characters."""
    if not text or limit <= 0:
        return None
    first = _SPACE.sub(" ", text.strip().split("\n\n", 1)[0]).strip()
    if len(first) <= limit:
        return first or None
    kept = ""
    for sentence in _SENTENCE.split(first):
        if len(kept) + len(sentence) + 1 > limit:
            break
        kept = f"{kept} {sentence}".strip()
    if kept:
        return kept
    return first[: limit - 1].rsplit(" ", 1)[0] + "…"


class _Inliner:
    def __init__(self, defs: dict[str, Any], depth: int, limit: int) -> None:
        self.defs = defs
        self.depth = depth
        self.limit = limit

    def schema(self, node: Any, depth: int) -> Any:
        if is_list(node):
            return [self.schema(item, depth) for item in node]
        if not is_dict(node):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            target = self.defs.get(ref[len("#/$defs/") :])
            if not is_dict(target):
                return {}
            if depth >= self.depth:
                elided: dict[str, Any] = (
                    {"type": "object"} if target.get("type") == "object" else {}
                )
                description = target.get("description")
                doc = trim(description if isinstance(description, str) else None, self.limit)
                return {**elided, "description": doc} if doc else elided
            return self.schema(target, depth + 1)
        if node.get("format") == "binary":
            return dict(FILE_SCHEMA)
        found: dict[str, Any] = {}
        for key, value in node.items():
            if key == "description":
                doc = trim(value if isinstance(value, str) else None, self.limit)
                if doc:
                    found[key] = doc
            elif key == "properties" and is_dict(value):
                found[key] = {name: self.schema(v, depth) for name, v in value.items()}
            else:
                found[key] = self.schema(value, depth)
        return found


def input_schema(
    operation: Operation,
    params: list[Param],
    defs: dict[str, Any],
    *,
    depth: int = 3,
    limit: int = 160,
) -> dict[str, Any]:
    """The tool's input schema: an object with one property per parameter (Python names)."""
    inliner = _Inliner(defs, depth, limit)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for param in params:
        schema = inliner.schema(param.schema, 0)
        doc = trim(param.doc, limit * 2)
        if doc:
            schema = {**schema, "description": doc}
        properties[param.name] = schema
        if param.required:
            required.append(param.name)
    found: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        found["required"] = required
    found["additionalProperties"] = False
    return found
