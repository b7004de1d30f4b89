"""Schemas as the spec means them: `allOf` keeps every part's `required` and intersects a
redeclared property, required names without a property, recursion keywords, binary strings."""

from __future__ import annotations

from typing import Any

from _lower_support import build, definition, field, method, ok, printed, printed_definition

from codegen import ir
from codegen.ir import types as t
from codegen.lower.types import intersect

REF = "#/components/schemas/"


def _returning(schema_name: str) -> dict[str, Any]:
    return {"/x": {"get": {"responses": ok({"$ref": REF + schema_name})}}}


def test_required_of_a_later_part_tightens_an_inherited_property_by_flattening() -> None:
    # mistral: ResponseBase declares `id` optional, ChatCompletionResponse requires it.
    schemas = {
        "Base": {
            "type": "object",
            "properties": {"id": {"type": "string"}, "n": {"type": "integer"}},
        },
        "Strict": {"allOf": [{"$ref": REF + "Base"}, {"type": "object", "required": ["id"]}]},
    }
    api, _ = build(_returning("Strict"), schemas)
    strict = definition(api, "Strict")
    assert isinstance(strict, ir.Model) and strict.bases == ()
    assert [(f.name, f.required) for f in strict.fields] == [("id", True), ("n", False)]
    assert field(printed_definition(api, "Strict"), "id").annotation == "str"


def test_required_next_to_a_single_all_of_part_is_a_class() -> None:
    # DigitalOcean's logsink_schema: `allOf: [{$ref: logsink_verbose}], required: [...]`.
    schemas = {
        "Verbose": {"type": "object", "properties": {"id": {"type": "string"}}},
        "Strict": {"allOf": [{"$ref": REF + "Verbose"}], "required": ["id"]},
    }
    api, _ = build(_returning("Strict"), schemas)
    strict = definition(api, "Strict")
    assert isinstance(strict, ir.Model)
    assert [(f.name, f.required) for f in strict.fields] == [("id", True)]


def test_a_base_whose_requirements_are_not_tightened_is_inherited() -> None:
    schemas = {
        "Base": {
            "type": "object",
            "required": ["id"],
            "properties": {"id": {"type": "string"}},
        },
        "Child": {
            "allOf": [
                {"$ref": REF + "Base"},
                {
                    "type": "object",
                    "required": ["id", "name"],
                    "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
                },
            ]
        },
    }
    api, _ = build(_returning("Child"), schemas)
    child = definition(api, "Child")
    assert isinstance(child, ir.Model) and child.bases == ("Base",)
    assert [(f.name, f.required) for f in child.fields] == [("name", True)]


def test_a_redeclared_property_is_the_intersection() -> None:
    # A child narrowing an inherited property (OpenAI's input items): flattened, narrowest type.
    schemas = {
        "Base": {
            "type": "object",
            "properties": {
                "kind": {"type": "string"},
                "size": {"type": ["number", "null"]},
                "role": {"enum": ["user", "assistant", "system"]},
                "doc": {"type": "string", "description": "From the base."},
            },
        },
        "Narrow": {
            "allOf": [
                {"$ref": REF + "Base"},
                {
                    "type": "object",
                    "required": ["kind"],
                    "properties": {
                        "kind": {"type": "string", "enum": ["narrow"]},
                        "size": {"type": "integer"},
                        "role": {"enum": ["user", "assistant"]},
                        "doc": {"description": "Only documented again."},
                    },
                },
            ]
        },
    }
    api, _ = build(_returning("Narrow"), schemas)
    narrow = printed_definition(api, "Narrow")
    assert narrow.bases == ("BaseModel",)
    assert field(narrow, "kind").annotation == 'Literal["narrow"]'
    assert field(narrow, "size").annotation == "Omittable[int]"
    # Enums are open on the response side: the narrower one's values, still open.
    assert field(narrow, "role").annotation == 'Omittable[OpenEnum[Literal["user", "assistant"]]]'
    assert field(narrow, "doc").annotation == "Omittable[str]"


def test_intersection_rules() -> None:
    text, integer, number = t.Primitive("str"), t.Primitive("int"), t.Primitive("float")
    open_enum = t.Union((t.Literal(("a", "b")), text))
    assert intersect(open_enum, t.Literal(("a",))) == t.Literal(("a",))
    assert intersect(t.Nullable(text), text) == text
    assert intersect(t.Nullable(text), t.Nullable(text)) == t.Nullable(text)
    assert intersect(number, integer) == integer
    assert intersect(t.OBJECT, t.Ref("A")) == t.Ref("A")
    assert intersect(t.Union((text, integer)), t.Union((integer, t.Ref("B")))) == integer
    assert intersect(t.Literal((1, True)), t.Literal((True,))) == t.Literal((True,))
    assert intersect(t.Ref("A"), t.Ref("B")) == t.Ref("B")  # not expressible: the later one


def test_required_names_without_a_property_are_required_fields_of_any_type() -> None:
    # OpenAI's ResponseAudioDoneEvent requires `response_id` without declaring it.
    schemas = {
        "Event": {
            "type": "object",
            "required": ["type", "response_id", "beta.workflows"],
            "properties": {"type": {"type": "string"}},
        }
    }
    api, _ = build(_returning("Event"), schemas)
    event = definition(api, "Event")
    assert isinstance(event, ir.Model)
    assert [(f.wire, f.type, f.required) for f in event.fields] == [
        ("type", t.Primitive("str"), True),
        ("beta.workflows", t.OBJECT, True),
        ("response_id", t.OBJECT, True),
    ]
    printed_event = printed_definition(api, "Event")
    assert field(printed_event, "beta_workflows").default == 'Field(alias="beta.workflows")'


def test_recursive_ref_is_the_enclosing_component() -> None:
    # OpenAI's CompoundFilter: `filters: items: oneOf: [ComparisonFilter, {$recursiveRef: "#"}]`.
    schemas = {
        "Comparison": {"type": "object", "properties": {"key": {"type": "string"}}},
        "Compound": {
            "type": "object",
            "properties": {
                "filters": {
                    "type": "array",
                    "items": {"oneOf": [{"$ref": REF + "Comparison"}, {"$recursiveRef": "#"}]},
                },
                "next": {"$dynamicRef": "#node"},
            },
            "$dynamicAnchor": "node",
        },
    }
    api, _ = build(_returning("Compound"), schemas)
    compound = printed_definition(api, "Compound")
    unquoted = {f.name: f.annotation.strip('"') for f in compound.fields}
    assert unquoted["filters"] == "Omittable[list[Union[Comparison, Compound]]]"
    assert unquoted["next"] == "Omittable[Compound]"


def _body(media: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"requestBody": {"content": {media: {"schema": schema}}}, "responses": ok(schema)}


def test_binary_strings_are_files_only_where_a_file_is_sent() -> None:
    blob = {
        "type": "object",
        "properties": {
            "raw": {"type": "string", "format": "binary"},
            "image": {"type": "string", "contentMediaType": "image/png"},
            "bytes": {"type": "string", "contentEncoding": "binary"},
            "b64": {"type": "string", "contentEncoding": "base64"},
            "byte": {"type": "string", "format": "byte"},
        },
    }
    api, _ = build(
        {
            "/upload": {"post": _body("multipart/form-data", blob)},
            "/json": {"post": _body("application/json", blob)},
        },
        {"Blob": blob},
    )
    types = {p.name: p.type for p in method(api, "upload.create").params}
    assert types == {
        "raw": t.File(),
        "image": t.File(),
        "bytes": t.File(),
        "b64": t.Primitive("str"),
        "byte": t.Primitive("str"),
    }
    assert {p.type for p in method(api, "json.create").params} == {t.Primitive("str")}
    assert method(api, "upload.create").body == ir.Body(
        "multipart/form-data", False, ("raw", "image", "bytes")
    )
    response = printed(api, "json.create").sync.signature.returns
    assert response == "JsonCreateResponse"
    model = printed_definition(api, "JsonCreateResponse")
    assert {f.annotation for f in model.fields} == {"Omittable[str]"}


def test_webhooks_only_spec_generates_its_types() -> None:
    from types import SimpleNamespace

    from codegen.config import Config
    from codegen.lower import lower

    payload = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
    document = {
        "openapi": "3.1.0",
        "info": {"title": "Events", "version": "1"},
        "webhooks": {
            "petGone": {"post": _body("application/json", payload)},
            "newPet": {"post": _body("application/json", {"$ref": REF + "Pet"})},
        },
        "components": {"schemas": {"Pet": payload}},
    }
    api, diagnostics = lower(SimpleNamespace(document=document), Config())
    assert diagnostics == [] and api.resources == ()
    names = {d.name for m in api.type_modules for d in m.definitions}
    assert {"Pet", "PetGoneEvent"} <= names
    assert [f.name for f in definition(api, "PetGoneEvent").fields] == ["id"]  # type: ignore[union-attr]
