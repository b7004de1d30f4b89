"""`oneOf`/`anyOf` schemas: plain unions, and discriminated unions open to unknown tags.

The union part of the type lowerer (`types.TypeLowerer` derives from `UnionLowering`). On the
response side a union with a `discriminator` whose variants are objects with literal tags (from
`mapping`, else from each variant's `const`/`enum` tag property) becomes `t.Discriminated`, with
a `<Hint>Unknown` model taking tags the SDK does not know; anything else is a plain `t.Union`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import ir
from ..errors import Diagnostic
from ..ir import types as t
from ..ir.api import Side
from ..render.annotations import annotation
from .modules import ModuleBuilder
from .naming import Allocator, class_name, field_identifier, pascal
from .schemas import SCHEMA_PREFIX, Schemas

__all__ = ["UnionLowering"]


class UnionLowering:
    """Lowers `oneOf`/`anyOf` variants through `lower` (defined by the type lowerer)."""

    schemas: Schemas
    names: Allocator
    diagnostics: list[Diagnostic]
    uses_discriminator: bool

    def lower(
        self, schema: Any, side: Side, module: ModuleBuilder, hint: str, pointer: str
    ) -> t.Type:
        raise NotImplementedError

    def add(
        self, module: ModuleBuilder, definition: ir.Definition, *, register: bool = True
    ) -> None:
        raise NotImplementedError

    def lower_union(
        self,
        schema: Mapping[str, Any],
        variants: list[Any],
        key: str,
        side: Side,
        module: ModuleBuilder,
        hint: str,
        pointer: str,
    ) -> t.Type:
        indexed = [(i, v) for i, v in enumerate(variants) if not self.schemas.is_null(v)]
        null = len(indexed) < len(variants)
        if not indexed:
            return t.NONE
        if len(indexed) == 1:
            index, only = indexed[0]
            return t.nullable(
                self.lower(only, side, module, hint, f"{pointer}/{key}/{index}"), null
            )
        discriminator = schema.get("discriminator")
        if side == "model" and isinstance(discriminator, Mapping):
            tagged = self._tags(indexed, discriminator, pointer, key)
            if tagged is not None:
                prop = str(discriminator["propertyName"])
                lowered = self._discriminated_union(tagged, prop, module, hint, pointer, key)
                return t.nullable(lowered, null)
            self.diagnostics.append(
                Diagnostic(
                    "warning",
                    pointer,
                    "discriminator not usable (a variant is not an object with one literal "
                    "tag); generated as a plain union, which rejects variants it does not know",
                    "discriminator",
                )
            )
        each = [
            self.lower(v, side, module, self._variant_hint(hint, v, i), f"{pointer}/{key}/{i}")
            for i, v in indexed
        ]
        return t.nullable(t.union(each), null)

    def _variant_hint(self, hint: str, variant: Any, index: int) -> str:
        if not isinstance(variant, Mapping) or "$ref" in variant:
            return hint
        title = variant.get("title")
        if isinstance(title, str) and pascal(title):
            return hint + pascal(title)
        props = variant.get("properties")
        if isinstance(props, Mapping):
            tag = props.get("type")
            if isinstance(tag, Mapping):
                value = tag.get("const")
                if value is None and isinstance(tag.get("enum"), list) and len(tag["enum"]) == 1:
                    value = tag["enum"][0]
                if isinstance(value, str) and pascal(value):
                    return hint + pascal(value)
        if variant.get("type") == "array" or "items" in variant:
            return hint
        return f"{hint}Variant{index}"

    def _tags(
        self,
        indexed: list[tuple[int, Any]],
        discriminator: Mapping[str, Any],
        pointer: str,
        key: str,
    ) -> list[tuple[int, Any, list[str]]] | None:
        """`(index, variant, tags)` for each variant when every one has literal tags: one, or
        several (`enum: [web_search, web_search_2025_08_26]`: each maps to that variant).
        Variants may share a tag; `_discriminated_union` then tells them apart by their fields."""
        prop = discriminator.get("propertyName")
        if not isinstance(prop, str):
            return None
        mapping = discriminator.get("mapping")
        inverse: dict[str, list[str]] = {}
        if isinstance(mapping, Mapping):
            for tag, target in mapping.items():
                ref = str(target) if str(target).startswith("#") else SCHEMA_PREFIX + str(target)
                inverse.setdefault(ref, []).append(str(tag))
        out: list[tuple[int, Any, list[str]]] = []
        for index, variant in indexed:
            target, target_pointer = self.schemas.deref(variant, f"{pointer}/{key}/{index}")
            if not self.schemas.is_class(target, target_pointer):
                return None
            variant_ref = variant.get("$ref") if isinstance(variant, Mapping) else None
            tags = sorted(inverse.get(str(variant_ref), [])) if variant_ref else []
            if not tags:
                tags = self._literal_tags(target, target_pointer, prop)
            if not tags:
                return None
            out.append((index, variant, tags))
        return out

    def _literal_tags(self, schema: Mapping[str, Any], pointer: str, prop: str) -> list[str]:
        """The values property `prop` of `schema` may take, when it is a `const` or an `enum`
        of strings (empty otherwise)."""
        _, props, _ = self.schemas.properties(schema, pointer, inherit=False)
        for item in props:
            if item.wire != prop:
                continue
            target, _ = self.schemas.deref(item.schema, item.pointer)
            if not isinstance(target, Mapping):
                return []
            if isinstance(target.get("const"), str):
                return [str(target["const"])]
            enum = target.get("enum")
            if isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum):
                return list(dict.fromkeys(enum))
        return []

    def _discriminated_union(
        self,
        tagged: list[tuple[int, Any, list[str]]],
        prop: str,
        module: ModuleBuilder,
        hint: str,
        pointer: str,
        key: str,
    ) -> t.Type:
        """A `Discriminated` union with a fallback model for unknown tags.

        Each variant is picked by its tag (`Annotated[Variant, Tag("tag")]` when printed); a tag
        the SDK does not know selects a `<Hint>Unknown` model that keeps every field, so a new
        server-side variant never breaks parsing. Variants sharing a tag (OpenAI's input and
        output `message` items) are one member, validated as a plain union of those few (with a
        warning). A variant with several tags is a member once per tag. A value without the
        property, which variants that leave it optional allow (Mistral's fine-tuning jobs
        omit `job_type`, whose `default` each variant states), is validated as a plain union of
        those variants (`untagged`), not taken for an unknown variant.
        """
        self.uses_discriminator = True
        by_tag: dict[str, list[t.Type]] = {}
        untagged: list[str] = []
        for index, variant, tags in tagged:
            variant_hint = self._variant_hint(hint, variant, index)
            lowered = self.lower(variant, "model", module, variant_hint, f"{pointer}/{key}/{index}")
            target, target_pointer = self.schemas.deref(variant, f"{pointer}/{key}/{index}")
            if prop not in self.schemas.properties(target, target_pointer, inherit=False)[2]:
                untagged.extend(tag for tag in tags if tag not in untagged)
            for tag in tags:
                group = by_tag.setdefault(tag, [])
                if t.strip_null(lowered) not in group:
                    group.append(t.strip_null(lowered))
        for tag, types in by_tag.items():
            if len(types) > 1:
                names = ", ".join(annotation(member, "model") for member in types)
                self.diagnostics.append(
                    Diagnostic(
                        "warning",
                        pointer,
                        f"variants {names} share the discriminator value {tag!r}; "
                        "they are told apart by their fields",
                        "discriminator",
                    )
                )
        unknown = self.names.allocate(class_name(hint) + "Unknown")
        attr = field_identifier(prop)
        doc = (
            "A variant of this union that this version of the SDK does not know.\n\n"
            "Every field the server sent is kept: read them as attributes or with `to_dict()`."
        )
        field = ir.Field(attr, prop, t.nullable(t.Primitive("str")), False, None)
        # The runtime's UnknownVariant: strict validation rejects it, and type checkers let
        # users read any attribute of it (`event.delta` after `event.type == "..."`).
        self.add(module, ir.Model(unknown, ("UnknownVariant",), (field,), doc))
        variants = tuple(t.Variant(tag, tuple(types)) for tag, types in by_tag.items())
        return t.Discriminated(prop, attr, variants, unknown, tuple(untagged))
