"""codegen.lower.types and .unions: enums, nullability, unions, inheritance, field names."""

from __future__ import annotations

from typing import Any

import pytest
from _lower_support import (
    build,
    definition,
    field,
    module_of,
    ok,
    printed,
    printed_definition,
    printed_module,
)

from codegen import ir

# ------------------------------------------------------------------------------------ types


def test_enums_are_open_on_the_response_side_only() -> None:
    status = {"type": "string", "enum": ["stop", "length"]}
    model_or_string = {"anyOf": [{"type": "string"}, {"type": "string", "enum": ["a", "b"]}]}
    schemas = {
        "Thing": {
            "type": "object",
            "properties": {
                "status": status,
                "model": model_or_string,
                "kind": {"type": "string", "enum": ["only"]},
                "const": {"const": "fixed"},
                "level": {"type": "integer", "enum": [1, 2]},
                "ratio": {"type": "number", "enum": [0.5, 1.5]},
            },
        }
    }
    api, _ = build(
        {
            "/things": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                        }
                    },
                    "responses": ok({"$ref": "#/components/schemas/Thing"}),
                }
            }
        },
        schemas,
    )
    model = printed_definition(api, "Thing")
    # Open: `OpenEnum` (strict validation takes only the listed values); `anyOf` with a plain
    # string takes any string, strict or not. Not nullable: `Omittable` (absent, never null).
    assert field(model, "status").annotation == 'Omittable[OpenEnum[Literal["stop", "length"]]]'
    assert field(model, "model").annotation == 'Omittable[Union[str, Literal["a", "b"]]]'
    assert field(model, "kind").annotation == 'Omittable[Literal["only"]]'
    assert field(model, "const").annotation == 'Omittable[Literal["fixed"]]'
    assert field(model, "level").annotation == (
        "Omittable[Annotated[Union[Literal[1, 2], int], OPEN_ENUM]]"
    )
    assert field(model, "ratio").annotation == "Omittable[float]"
    create = printed(api, "things.create").sync.signature
    annotations = {p.name: p.annotation for p in create.keyword}
    assert annotations["status"] == 'Literal["stop", "length"] | NotGiven'
    assert annotations["model"] == 'str | Literal["a", "b"] | NotGiven'


@pytest.mark.parametrize(
    "nullable",
    [
        {"type": "string", "nullable": True},
        {"type": ["string", "null"]},
        {"anyOf": [{"type": "string"}, {"type": "null"}]},
        {"oneOf": [{"type": "null"}, {"type": "string"}]},
        {"allOf": [{"type": "string"}], "nullable": True},
    ],
)
def test_nullable_in_both_styles(nullable: dict[str, Any]) -> None:
    schema = {
        "type": "object",
        "required": ["req"],
        "properties": {"req": nullable, "opt": nullable},
    }
    api, _ = build(
        {
            "/n": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/N"}}
                        }
                    },
                    "responses": ok({"$ref": "#/components/schemas/N"}),
                }
            }
        },
        {"N": schema},
    )
    model = printed_definition(api, "N")
    assert (field(model, "req").annotation, field(model, "req").default) == ("Optional[str]", None)
    assert (field(model, "opt").annotation, field(model, "opt").default) == (
        "Optional[str]",
        "None",
    )
    keyword = {p.name: p for p in printed(api, "n.create").sync.signature.keyword}
    assert (keyword["req"].annotation, keyword["req"].default) == ("str | None", None)
    assert (keyword["opt"].annotation, keyword["opt"].default) == (
        "str | None | NotGiven",
        "NOT_GIVEN",
    )


@pytest.mark.parametrize("key", ["anyOf", "oneOf"])
def test_inline_object_or_null_takes_the_schema_name(key: str) -> None:
    """OpenAI's `ResponseError: anyOf: [{type: object, ...}, {type: null}]`: one class named
    `ResponseError` (not `ResponseError: TypeAlias = ResponseError2`), `Optional` where used."""
    error = {
        key: [
            {
                "type": "object",
                "description": "What went wrong.",
                "required": ["message"],
                "properties": {"message": {"type": "string"}},
            },
            {"type": "null"},
        ]
    }
    holder = {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"$ref": "#/components/schemas/ResponseError"}},
    }
    api, _ = build(
        {
            "/r": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/R"}}
                        }
                    },
                    "responses": ok({"$ref": "#/components/schemas/R"}),
                }
            }
        },
        {"R": holder, "ResponseError": error},
    )
    names = {d.name for m in api.type_modules for d in m.definitions}
    assert {"ResponseError", "ResponseErrorParam"} <= names
    assert not {"ResponseError2", "ResponseErrorParam2"} & names
    model = definition(api, "ResponseError")
    assert isinstance(model, ir.Model) and model.doc is not None and "went wrong" in model.doc
    assert field(printed_definition(api, "ResponseError"), "message").annotation == "str"
    assert field(printed_definition(api, "R"), "error").annotation == "Optional[ResponseError]"
    assert isinstance(definition(api, "ResponseErrorParam"), ir.TypedDictDef)
    keyword = {p.name: p for p in printed(api, "r.create").sync.signature.keyword}
    assert keyword["error"].annotation == "ResponseErrorParam | None"


def tagged_variant(tag: dict[str, Any], extra: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["type"],
        "properties": {"type": tag, extra: {"type": "string"}},
    }


def union_api(union: dict[str, Any], variants: dict[str, Any]) -> ir.Api:
    api, _ = build(
        {"/u": {"get": {"responses": ok({"$ref": "#/components/schemas/U"})}}},
        {"U": union, **variants},
    )
    return api


def test_discriminator_with_mapping() -> None:
    api = union_api(
        {
            "oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}],
            "discriminator": {
                "propertyName": "type",
                "mapping": {"a": "#/components/schemas/A", "b": "B"},
            },
        },
        {
            "A": tagged_variant({"type": "string"}, "x"),
            "B": tagged_variant({"type": "string"}, "y"),
        },
    )
    assert isinstance(definition(api, "U"), ir.Alias)
    alias = printed_definition(api, "U")
    assert alias.annotation == (
        'Annotated[Union[Annotated[A, Tag("a")], Annotated[B, Tag("b")], '
        'Annotated[UUnknown, Tag(UNKNOWN_TAG)]], Discriminator(tag_of("type", "a", "b"))]'
    )
    unknown = definition(api, "UUnknown")
    assert isinstance(unknown, ir.Model) and unknown.fields == (
        ir.Field("type", "type", ir.Nullable(ir.Primitive("str")), False, None),
    )
    assert field(printed_definition(api, "UUnknown"), "type").annotation == "Optional[str]"
    union = definition(api, "U")
    assert isinstance(union, ir.Alias) and union.type == ir.Discriminated(
        "type",
        "type",
        (ir.Variant("a", (ir.Ref("A"),)), ir.Variant("b", (ir.Ref("B"),))),
        "UUnknown",
    )
    assert api.discriminated is True
    assert any("pydantic>=2.5" in d for d in api.dependencies)


def test_discriminator_without_mapping_uses_const_tags() -> None:
    api = union_api(
        {
            "oneOf": [
                tagged_variant({"const": "a"}, "x"),
                tagged_variant({"type": "string", "enum": ["b"]}, "y"),
            ],
            "discriminator": {"propertyName": "type"},
        },
        {},
    )
    assert isinstance(definition(api, "U"), ir.Alias)
    alias = printed_definition(api, "U")
    assert 'Annotated[UA, Tag("a")]' in alias.annotation
    assert 'Annotated[UB, Tag("b")]' in alias.annotation


def test_discriminator_variant_with_several_tags_gets_each() -> None:
    """OpenAI's `WebSearchPreviewTool`: `type: enum [web_search_preview, <dated alias>]`."""
    union = {
        "oneOf": [
            tagged_variant({"const": "a"}, "x"),
            tagged_variant({"type": "string", "enum": ["b", "b_2025"]}, "y"),
        ],
        "discriminator": {"propertyName": "type"},
    }
    api, diagnostics = build(
        {"/u": {"get": {"responses": ok({"$ref": "#/components/schemas/U"})}}}, {"U": union}
    )
    assert isinstance(definition(api, "U"), ir.Alias)
    alias = printed_definition(api, "U")
    assert alias.annotation == (
        'Annotated[Union[Annotated[UA, Tag("a")], Annotated[UVariant1, Tag("b")], '
        'Annotated[UVariant1, Tag("b_2025")], Annotated[UUnknown, Tag(UNKNOWN_TAG)]], '
        'Discriminator(tag_of("type", "a", "b", "b_2025"))]'
    )
    assert diagnostics == []


def test_discriminator_variants_that_may_omit_the_tag_are_a_plain_union_without_it() -> None:
    """Mistral's fine-tuning jobs: `job_type` is optional in each variant (`const` with a
    `default`), and the server leaves it out; such a value is no unknown variant."""
    optional = {**tagged_variant({"const": "a", "default": "a"}, "x"), "required": ["x"]}
    api = union_api(
        {
            "oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}],
            "discriminator": {"propertyName": "type"},
        },
        {"A": optional, "B": tagged_variant({"const": "b"}, "y")},
    )
    alias = printed_definition(api, "U")
    assert alias.annotation == (
        'Annotated[Union[Annotated[A, Tag("a")], Annotated[B, Tag("b")], '
        "Annotated[A, Tag(UNTAGGED)], Annotated[UUnknown, Tag(UNKNOWN_TAG)]], "
        'Discriminator(tag_of("type", "a", "b", untagged=True))]'
    )
    union = definition(api, "U")
    assert isinstance(union, ir.Alias) and isinstance(union.type, ir.Discriminated)
    assert union.type.untagged == ("a",) and union.type.untagged_types() == (ir.Ref("A"),)


def test_discriminator_needs_literal_tags() -> None:
    api = union_api(
        {
            "oneOf": [
                tagged_variant({"const": "a"}, "x"),
                tagged_variant({"type": "string"}, "y"),
            ],
            "discriminator": {"propertyName": "type"},
        },
        {},
    )
    assert isinstance(definition(api, "U"), ir.Alias)
    alias = printed_definition(api, "U")
    assert alias.annotation == "Union[UA, UVariant1]"
    assert api.discriminated is False


def test_discriminator_variants_sharing_a_tag_are_grouped() -> None:
    """OpenAI's `ItemResource`: input and output messages both say `type: message`."""
    union = {
        "oneOf": [
            tagged_variant({"const": "a"}, "x"),
            tagged_variant({"const": "a"}, "y"),
            tagged_variant({"const": "b"}, "z"),
        ],
        "discriminator": {"propertyName": "type"},
    }
    api, diagnostics = build(
        {"/u": {"get": {"responses": ok({"$ref": "#/components/schemas/U"})}}}, {"U": union}
    )
    assert isinstance(definition(api, "U"), ir.Alias)
    alias = printed_definition(api, "U")
    assert alias.annotation == (
        'Annotated[Union[Annotated[Union[UA, UA2], Tag("a")], Annotated[UB, Tag("b")], '
        'Annotated[UUnknown, Tag(UNKNOWN_TAG)]], Discriminator(tag_of("type", "a", "b"))]'
    )
    assert [d.message for d in diagnostics] == [
        "variants UA, UA2 share the discriminator value 'a'; they are told apart by their fields"
    ]


def test_request_side_unions_are_plain() -> None:
    api, _ = build(
        {
            "/u": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"u": {"$ref": "#/components/schemas/U"}},
                                }
                            }
                        }
                    },
                    "responses": ok(),
                }
            }
        },
        {
            "U": {
                "oneOf": [tagged_variant({"const": "a"}, "x"), tagged_variant({"const": "b"}, "y")],
                "discriminator": {"propertyName": "type"},
            }
        },
    )
    alias = definition(api, "UParam")
    assert isinstance(alias, ir.Alias)
    assert alias.type == ir.Union((ir.Ref("UAParam"), ir.Ref("UBParam")))
    assert printed_definition(api, "UParam").annotation == "Union[UAParam, UBParam]"


def test_recursive_schemas_share_a_module_and_rebuild() -> None:
    node = {
        "type": "object",
        "properties": {
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
            "note": {"$ref": "#/components/schemas/Note"},
        },
    }
    note = {"type": "object", "properties": {"about": {"$ref": "#/components/schemas/Node"}}}
    api, _ = build(
        {"/n": {"get": {"responses": ok({"$ref": "#/components/schemas/Node"})}}},
        {"Node": node, "Note": note},
    )
    module = module_of(api, "Node")
    assert module is module_of(api, "Note")
    assert module.path == "types/node.py"
    assert set(module.rebuild) <= {"Node", "Note"} and module.rebuild
    annotations = [f.annotation for d in printed_module(api, "Node").definitions for f in d.fields]
    assert any(a.startswith('"') for a in annotations)  # a quoted forward reference


def test_allof_with_one_base_inherits_on_the_response_side() -> None:
    schemas = {
        "Base": {"type": "object", "properties": {"id": {"type": "string"}}},
        "Child": {
            "allOf": [
                {"$ref": "#/components/schemas/Base"},
                {
                    "type": "object",
                    "required": ["name"],
                    "properties": {"name": {"type": "string"}},
                },
            ]
        },
    }
    api, _ = build(
        {
            "/c": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"c": {"$ref": "#/components/schemas/Child"}},
                                }
                            }
                        }
                    },
                    "responses": ok({"$ref": "#/components/schemas/Child"}),
                }
            }
        },
        schemas,
    )
    child = definition(api, "Child")
    assert isinstance(child, ir.Model)
    assert child.bases == ("Base",) and [f.name for f in child.fields] == ["name"]
    child_param = definition(api, "ChildParam")
    assert isinstance(child_param, ir.TypedDictDef)
    assert child_param.bases == () and printed_definition(api, "ChildParam").bases == ("TypedDict",)
    assert [f.name for f in child_param.fields] == ["id", "name"]


def test_awkward_field_names_get_aliases() -> None:
    schema = {
        "type": "object",
        "properties": {
            "schema": {"type": "string"},
            "Optional": {"type": "string"},  # the name of something the annotations use
            "2fa": {"type": "boolean"},
            "class": {"type": "string"},
        },
    }
    api, _ = build(
        {"/r": {"get": {"responses": ok({"$ref": "#/components/schemas/R"})}}}, {"R": schema}
    )
    assert [(f.name, f.wire) for f in definition(api, "R").fields] == [  # type: ignore[union-attr]
        ("schema_", "schema"),
        ("Optional_", "Optional"),
        ("n_2fa", "2fa"),
        ("class_", "class"),
    ]
    model = printed_definition(api, "R")
    assert [(f.name, f.default) for f in model.fields] == [
        ("schema_", 'Field(default=None, alias="schema")'),
        ("Optional_", 'Field(default=None, alias="Optional")'),
        ("n_2fa", 'Field(default=None, alias="2fa")'),
        ("class_", 'Field(default=None, alias="class")'),
    ]



def test_a_suffixed_field_name_shadows_nothing_either() -> None:
    # `Field` shadows pydantic's `Field`, and `Field_` is the name of the alias the `try`
    # field's annotation uses (a class attribute of that name would be what its string
    # annotation resolves to): the field becomes `Field__` (found by the random-spec test).
    schemas = {
        "Field": {
            "type": ["object", "null"],
            "additionalProperties": {
                "type": "object",
                "properties": {
                    "Field": {"type": "string"},
                    "try": {"$ref": "#/components/schemas/Field"},
                },
            },
        }
    }
    api, _ = build(
        {"/r": {"get": {"responses": ok({"$ref": "#/components/schemas/Field"})}}}, schemas
    )
    value = definition(api, "FieldValue")
    assert isinstance(value, ir.Model)
    assert [(f.name, f.wire) for f in value.fields] == [("Field__", "Field"), ("try_", "try")]


SHADOWING = {
    "type": "object",
    "required": ["object"],
    "properties": {
        "object": {"const": "event"},
        "meta": {"type": "object"},  # dict[str, object]: uses the builtin `object`
        "str": {"type": "string"},
        "builtins": {"type": "string"},
    },
}


def test_fields_named_like_builtins_keep_their_wire_name() -> None:
    body = {"type": "object", "properties": {"e": {"$ref": "#/components/schemas/Event"}}}
    api, _ = build(
        {
            "/events": {
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": body}}},
                    "responses": ok({"$ref": "#/components/schemas/Event"}),
                }
            }
        },
        {"Event": SHADOWING},
    )
    assert isinstance(definition(api, "Event"), ir.Model)
    model = printed_definition(api, "Event")
    assert [(f.name, f.annotation, f.default) for f in model.fields] == [
        ("object", 'Literal["event"]', None),
        ("meta", "Omittable[dict[builtins.str, builtins.object]]", "None"),
        ("str", "Omittable[builtins.str]", "None"),
        ("builtins_", "Omittable[builtins.str]", 'Field(default=None, alias="builtins")'),
    ]
    assert "import builtins" in printed_module(api, "Event").imports
    # A `builtins` key would shadow the module: the TypedDict is written functionally.
    assert isinstance(definition(api, "EventParam"), ir.TypedDictDef)
    param = printed_definition(api, "EventParam")
    assert param.functional
    assert [(f.name, f.annotation) for f in param.fields][:2] == [
        ('"object"', 'Required[Literal["event"]]'),
        ('"meta"', "dict[builtins.str, builtins.object]"),
    ]


def test_typeddict_keys_named_like_builtins_keep_class_syntax() -> None:
    schema = {**SHADOWING, "properties": dict(SHADOWING["properties"])}
    del schema["properties"]["builtins"]
    body = {"type": "object", "properties": {"e": {"$ref": "#/components/schemas/Event"}}}
    api, _ = build(
        {
            "/events": {
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": body}}},
                    "responses": ok(),
                }
            }
        },
        {"Event": schema},
    )
    assert isinstance(definition(api, "EventParam"), ir.TypedDictDef)
    param = printed_definition(api, "EventParam")
    assert not param.functional
    assert [(f.name, f.annotation) for f in param.fields] == [
        ("object", 'Required[Literal["event"]]'),
        ("meta", "dict[builtins.str, builtins.object]"),
        ("str", "builtins.str"),
    ]


def test_typeddict_with_non_identifier_keys_is_functional() -> None:
    schema = {
        "type": "object",
        "properties": {"class": {"type": "string"}, "ok": {"type": "string"}},
    }
    api, _ = build(
        {
            "/r": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"r": {"$ref": "#/components/schemas/R"}},
                                }
                            }
                        }
                    },
                    "responses": ok(),
                }
            }
        },
        {"R": schema},
    )
    assert isinstance(definition(api, "RParam"), ir.TypedDictDef)
    param = printed_definition(api, "RParam")
    assert param.functional
    assert [f.name for f in param.fields] == ['"class"', '"ok"']
