"""Webhooks (OpenAPI 3.1): requests the API sends to you. They become no methods, only types.

A webhook's payload that references a component schema is generated with the other named
schemas (`placement`). An inline payload becomes a model named after the webhook
(`newPet` -> `NewPetEvent`) in its own `types/` module, so code that receives the webhook can
parse it with `NewPetEvent.model_validate(...)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import ir
from ..ir import types as t
from ..spec.pointer import join_pointer
from ..spec.structure import HTTP_METHODS
from .modules import ModuleNames
from .naming import class_name
from .types import TypeLowerer

__all__ = ["webhook_types"]


def webhook_types(document: Mapping[str, Any], types: TypeLowerer, modules: ModuleNames) -> None:
    """Define a model for every inline JSON payload of the document's webhooks."""
    webhooks = document.get("webhooks")
    if not isinstance(webhooks, Mapping):
        return
    schemas = types.schemas
    for name in sorted(webhooks):
        item, item_pointer = schemas.deref(webhooks[name], join_pointer("#/webhooks", name))
        if not isinstance(item, Mapping):
            continue
        verbs = [verb for verb in HTTP_METHODS if isinstance(item.get(verb), Mapping)]
        for verb in verbs:
            pointer = join_pointer(item_pointer, verb, "requestBody")
            body, pointer = schemas.deref(item[verb].get("requestBody"), pointer)
            content = body.get("content") if isinstance(body, Mapping) else None
            if not isinstance(content, Mapping):
                continue
            media = next((m for m in content if _is_json(str(m))), None)
            node = content.get(media) if media is not None else None
            schema = node.get("schema") if isinstance(node, Mapping) else None
            if not isinstance(schema, Mapping) or "$ref" in schema:
                continue  # none, or a named schema (generated with the others)
            hint = class_name(name) + ("" if len(verbs) == 1 else class_name(verb)) + "Event"
            builder = modules.new_module("types", hint)
            where = join_pointer(pointer, "content", str(media), "schema")
            lowered = types.lower(schema, "model", builder, hint, where)
            if not isinstance(lowered, t.Ref):
                description = schema.get("description")
                doc = description if isinstance(description, str) else None
                types.add(
                    builder, ir.Alias(types.inline_name(hint, "model"), lowered, doc, "model")
                )
            if builder.definitions:
                types.modules[builder.path] = builder
            else:
                modules.release(builder)


def _is_json(media: str) -> bool:
    base = media.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")
