"""The generated tests' arguments (`lower/testsuite.py`, `lower/strings.py`): values that satisfy
each schema's own constraints, the spec's examples where they fit, a method's required
arguments and all of them."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import pytest

from codegen import ir
from codegen.config import Config
from codegen.lower import lower
from codegen.lower.schemas import Schemas
from codegen.lower.strings import matching_string
from codegen.lower.testsuite import Values


def value(schema: dict[str, Any], components: dict[str, Any] | None = None) -> Any:
    document = {"components": {"schemas": components or {}}}
    return Values(Schemas(document)).value(schema, "#/x")


@pytest.mark.parametrize(
    ("pattern", "low", "high"),
    [
        (r"^[a-z]{3}_[0-9]+$", 0, None),
        (r"^ft(job)?-[A-Za-z0-9]{6,}$", 0, 20),
        (r"^\d{4}-\d{2}-\d{2}$", 0, None),
        (r"^(cus|acct)_\w+", 10, 12),
        (r"[^,]+", 0, None),
        (r"^[A-Z]{2}$", 2, 2),
    ],
)
def test_a_string_matching_a_pattern(pattern: str, low: int, high: int | None) -> None:
    found = matching_string(pattern, low, high)
    assert found is not None and re.search(pattern, found)
    assert len(found) >= low and (high is None or len(found) <= high)


def test_no_string_rather_than_a_wrong_one() -> None:
    assert matching_string(r"^(?!abc)a$") is None  # a look-ahead: not walked
    assert matching_string(r"^a{5}$", 0, 3) is None  # bounds the pattern cannot meet
    assert matching_string("[unclosed") is None


def test_formats_enums_and_bounds() -> None:
    assert value({"type": "string", "format": "date-time"}) == "2024-01-01T00:00:00Z"
    assert value({"type": "string", "format": "uuid"}) == "123e4567-e89b-12d3-a456-426614174000"
    assert value({"type": "string", "enum": ["b", "a"]}) == "b"
    assert value({"type": "string", "minLength": 10}) == "stringxxxx"
    assert value({"type": "string", "maxLength": 3}) == "str"
    assert value({"type": "integer", "minimum": 5, "maximum": 9}) == 5
    assert value({"type": "integer", "exclusiveMinimum": 5}) == 6  # 3.1
    assert value({"type": "integer", "minimum": 5, "exclusiveMinimum": True}) == 6  # 3.0
    assert value({"type": "integer", "maximum": -3}) == -3
    assert value({"type": "number", "minimum": 0, "maximum": 2}) == 1.0
    assert value({"type": "integer", "minimum": 1, "multipleOf": 4}) == 4
    assert value({"type": "array", "items": {"type": "boolean"}, "minItems": 2}) == [True, True]
    assert isinstance(value({"type": "string", "format": "binary"}), ir.FileExample)


def test_examples_are_used_only_when_they_fit() -> None:
    assert value({"type": "string", "example": "gpt-4o"}) == "gpt-4o"
    assert value({"type": "integer", "examples": [7], "maximum": 10}) == 7
    assert value({"type": "integer", "example": 70, "maximum": 10}) == 1
    assert value({"type": "string", "pattern": "^a+$", "example": "b"}) == "a"


def test_objects_unions_and_discriminators() -> None:
    components = {
        "Cat": {
            "type": "object",
            "properties": {"kind": {"type": "string"}, "name": {"type": "string"}},
            "required": ["name"],
        },
        "Dog": {"type": "object", "properties": {"kind": {"type": "string"}}},
    }
    pet = {
        "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
        "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat"}},
    }
    assert value(pet, components) == {"name": "string", "kind": "cat"}
    nullable = {"anyOf": [{"type": "null"}, {"type": "integer", "minimum": 3}]}
    assert value(nullable) == 3
    either = {
        "type": "object",
        "properties": {"a": {"type": "string"}, "b": {"type": "string"}, "c": {"type": "string"}},
        "required": ["c"],
        "anyOf": [{"required": ["b"]}, {"required": ["a"]}],
    }
    assert value(either) == {"b": "string", "c": "string"}
    flag = {"allOf": [{"anyOf": [{"type": "boolean"}, {"type": "null"}]}, {"enum": [False]}]}
    assert value(flag) is False


def test_a_required_tag_the_mapping_does_not_give_the_variant_is_replaced() -> None:
    """DigitalOcean's by-tag Droplet actions: `droplet_action.type` is an enum (example
    `reboot`), but this operation's mapping gives the variant only some values; Steady rejects
    the others ("Invalid discriminator value")."""
    components = {
        "Action": {
            "type": "object",
            "required": ["type"],
            "properties": {
                "type": {"type": "string", "enum": ["reboot", "power_on"], "example": "reboot"}
            },
        },
        "Snapshot": {
            "type": "object",
            "required": ["type"],
            "properties": {"type": {"type": "string", "enum": ["snapshot"]}},
        },
    }
    action = {
        "oneOf": [
            {"$ref": "#/components/schemas/Action"},
            {"$ref": "#/components/schemas/Snapshot"},
        ],
        "discriminator": {
            "propertyName": "type",
            "mapping": {"power_on": "#/components/schemas/Action", "snapshot": "Snapshot"},
        },
    }
    assert value(action, components) == {"type": "power_on"}
    unmapped = {**action, "discriminator": {"propertyName": "type"}}
    assert value(unmapped, components) == {"type": "reboot"}  # no mapping: any enum value


def test_a_method_with_its_required_and_with_all_arguments() -> None:
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Shop", "version": "1"},
        "paths": {
            "/orders/{order_id}": {
                "post": {
                    "operationId": "updateOrder",
                    "parameters": [
                        {
                            "name": "order_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "example": "ord_1"},
                        },
                        {"name": "dry_run", "in": "query", "schema": {"type": "boolean"}},
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "quantity": {"type": "integer", "minimum": 1, "maximum": 9},
                                        "note": {"type": "string", "maxLength": 4},
                                    },
                                    "required": ["quantity"],
                                },
                                "example": {"quantity": 3},
                            }
                        },
                    },
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    }
    api, _ = lower(SimpleNamespace(document=document), Config())
    [call] = api.suite
    assert call.method == "update"
    assert call.required == (("order_id", "ord_1"), ("quantity", 3))
    assert call.every == (
        ("order_id", "ord_1"),
        ("dry_run", True),
        ("quantity", 3),
        ("note", "stri"),
    )
