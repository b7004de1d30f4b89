"""codegen.lower.placement and .package: sides, class names and modules of named schemas."""

from __future__ import annotations

from typing import Any

import pytest
from _lower_support import (
    build,
    definition,
    module_of,
    ok,
    printed_definition,
    printed_module,
)

from codegen import ir
from codegen.errors import ConfigError, SpecError
from codegen.render import render
from codegen.render.package import print_init


def placement_api(extra_usage: bool) -> ir.Api:
    paths: dict[str, Any] = {
        "/chat/completions": {"get": {"responses": ok({"$ref": "#/components/schemas/Only"})}},
        "/files": {"get": {"responses": ok({"$ref": "#/components/schemas/Shared"})}},
    }
    if extra_usage:  # a second resource starts using `Only`
        paths["/models"] = {"get": {"responses": ok({"$ref": "#/components/schemas/Only"})}}
    api, _ = build(
        paths,
        {
            "Only": {
                "type": "object",
                "properties": {"s": {"$ref": "#/components/schemas/Shared"}},
            },
            "Shared": {"type": "object", "properties": {"id": {"type": "string"}}},
            "Unused": {"type": "string"},
        },
    )
    return api


def init_exports(api: ir.Api, path: str) -> dict[str, str]:
    """Name -> the relative module an `__init__` imports it from."""
    init = next(i for i in api.init_modules if i.path == path)
    return {e.name: e.module for e in print_init(init).exports}


@pytest.mark.parametrize("extra_usage", [False, True])
def test_named_types_live_in_root_modules_and_groups_reexport_them(extra_usage: bool) -> None:
    api = placement_api(extra_usage)
    # Where a type is defined does not depend on who uses it.
    assert module_of(api, "Only").path == "types/only.py"
    assert module_of(api, "Shared").path == "types/shared.py"
    assert module_of(api, "Unused").path == "types/unused.py"
    assert "from .shared import Shared" in printed_module(api, "Only").imports
    # `types/<group>/` re-exports everything its operations use, transitively.
    chat = init_exports(api, "types/chat/__init__.py")
    assert chat == {"Only": "..only", "Shared": "..shared"}
    assert init_exports(api, "types/files/__init__.py") == {"Shared": "..shared"}
    models = next((i for i in api.init_modules if i.path == "types/models/__init__.py"), None)
    assert (models is not None) == extra_usage
    root = init_exports(api, "types/__init__.py")
    assert root["Only"] == ".only" and root["chat"] == ".chat"
    api_types = next(r for r in api.resources if r.dotted == "chat.completions").api_types
    assert api_types == (ir.TypeImport("types.chat", ("Only",)),)
    api_md = render(api, include_runtime=False)["api.md"]
    assert "from test_sdk.types.chat import Only\n" in api_md


def test_a_new_usage_changes_only_group_packages() -> None:
    before = render(placement_api(False), include_runtime=False)
    after = render(placement_api(True), include_runtime=False)
    changed = sorted(p for p in after if before.get(p) != after[p])
    assert [p for p in changed if "/types/" in p and not p.endswith("__init__.py")] == []
    assert "test_sdk/types/models/__init__.py" in changed


def sides_api() -> ir.Api:
    obj = {"type": "object", "properties": {"x": {"type": "string"}}}
    body = {
        "type": "object",
        "properties": {
            "req": {"$ref": "#/components/schemas/ReqOnly"},
            "both": {"$ref": "#/components/schemas/Both"},
        },
    }
    api, _ = build(
        {
            "/things": {
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": body}}},
                    "responses": ok(
                        {
                            "type": "object",
                            "properties": {
                                "resp": {"$ref": "#/components/schemas/RespOnly"},
                                "both": {"$ref": "#/components/schemas/Both"},
                            },
                        }
                    ),
                }
            }
        },
        {
            "ReqOnly": obj,
            "RespOnly": obj,
            "Both": obj,
            "Event": {"type": "object", "properties": {"r": {"$ref": "#/components/schemas/Ref"}}},
            "Ref": obj,
        },
    )
    return api


def test_each_schema_gets_the_sides_it_is_used_on() -> None:
    names = {d.name for m in sides_api().type_modules for d in m.definitions}
    assert "ReqOnlyParam" in names and "ReqOnly" not in names
    assert "RespOnly" in names and "RespOnlyParam" not in names
    assert {"Both", "BothParam"} <= names
    # No operation uses `Event`: clients may send it and receive it (realtime events), so it
    # and what it references get both sides.
    assert {"Event", "EventParam", "Ref", "RefParam"} <= names


def test_config_renames_types_per_side() -> None:
    schemas = {"Msg": {"type": "object", "properties": {"x": {"type": "string"}}}}
    body = {"type": "object", "properties": {"m": {"$ref": "#/components/schemas/Msg"}}}
    paths = {
        "/m": {
            "post": {
                "requestBody": {"content": {"application/json": {"schema": body}}},
                "responses": ok(),
            }
        }
    }
    api, diagnostics = build(
        paths, schemas, config={"types": {"Msg": {"param": "MessageParam", "model": "Message"}}}
    )
    assert module_of(api, "MessageParam").path == "types/message_param.py"
    params = definition(api, "MCreateParams")
    assert isinstance(params, ir.TypedDictDef) and params.fields[0].type == ir.Ref("MessageParam")
    assert printed_definition(api, "MCreateParams").fields[0].annotation == "MessageParam"
    assert [(d.level, d.pointer) for d in diagnostics] == [("warning", "#/components/schemas/Msg")]
    assert "`types: {Msg: {model: Message}}` is not used" in diagnostics[0].message
    with pytest.raises(ConfigError) as info:
        build(paths, schemas, config={"types": {"Nope": {"param": "X"}}})
    assert info.value.pointer == "#/types/Nope"
    with pytest.raises(ConfigError, match="already taken") as info:
        build(paths, schemas, config={"types": {"Msg": {"param": "Literal"}}})
    assert info.value.pointer == "#/types/Msg/param"


def test_dangling_refs_are_spec_errors() -> None:
    with pytest.raises(SpecError) as info:
        build({"/x": {"get": {"responses": ok({"$ref": "#/components/schemas/Missing"})}}})
    assert "Missing" in info.value.message
