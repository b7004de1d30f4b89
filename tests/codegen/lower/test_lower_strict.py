"""What strict response validation needs from lowering: closed models, properties that may be
absent but never null (`Omittable`), open enums (`OpenEnum`) and JSON Schema constraints
(`StrictConstraints`), on the response side only."""

from __future__ import annotations

from typing import Any

from _lower_support import arg, build, definition, field, ok, printed, printed_definition

from codegen import ir


def _thing(properties: dict[str, Any], **keywords: Any) -> dict[str, Any]:
    return {"Thing": {"type": "object", "properties": properties, **keywords}}


def _both_sides(schemas: dict[str, Any]) -> tuple[ir.Api, list[Any]]:
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}
    paths = {
        "/things": {
            "post": {"requestBody": body, "responses": ok({"$ref": "#/components/schemas/Thing"})}
        }
    }
    return build(paths, schemas)


def test_closed_models_say_so_and_request_types_do_not_care() -> None:
    api, _ = _both_sides(_thing({"a": {"type": "string"}}, additionalProperties=False))
    model = definition(api, "Thing")
    assert isinstance(model, ir.Model) and model.closed
    assert printed_definition(api, "Thing").keywords == ("closed=True",)
    api, _ = _both_sides(_thing({"a": {"type": "string"}}, unevaluatedProperties=False))
    assert printed_definition(api, "Thing").keywords == ("closed=True",)
    for extra in (True, {}, {"type": "string"}):
        api, _ = _both_sides(_thing({"a": {"type": "string"}}, additionalProperties=extra))
        assert printed_definition(api, "Thing").keywords == ()


def test_null_is_marked_where_the_spec_allows_it() -> None:
    api, _ = _both_sides(
        _thing(
            {
                "plain": {"type": "string"},
                "nullable": {"type": ["string", "null"]},
                "any": {},
                "required_nullable": {"type": ["integer", "null"]},
            },
            required=["required_nullable"],
        )
    )
    model = printed_definition(api, "Thing")
    assert field(model, "plain").annotation == "Omittable[str]"
    assert field(model, "nullable").annotation == "Optional[str]"
    assert field(model, "any").annotation == "Optional[object]"  # `{}` takes null too
    assert field(model, "required_nullable").annotation == "Optional[int]"


def test_constraints_follow_the_type_they_constrain() -> None:
    properties = {
        "sid": {"type": "string", "minLength": 34, "maxLength": 34, "pattern": "^VT"},
        "empty_ok": {"type": "string", "minLength": 0},
        "count": {"type": "integer", "minimum": 1, "exclusiveMaximum": 10, "multipleOf": 3},
        "ratio": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
        "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1, "uniqueItems": True},
        "meta": {"type": "object", "additionalProperties": {"type": "string"}, "maxProperties": 3},
        "note": {"anyOf": [{"type": "string", "maxLength": 5}, {"type": "null"}]},
        "misplaced": {"type": "boolean", "minLength": 3},
        "ref": {"$ref": "#/components/schemas/Code"},
    }
    schemas = {**_thing(properties, required=["sid"]), "Code": {"type": "string", "minLength": 2}}
    api, diagnostics = _both_sides(schemas)
    assert diagnostics == []
    model = printed_definition(api, "Thing")
    assert field(model, "sid").annotation == (
        'Annotated[str, StrictConstraints(min_length=34, max_length=34, pattern="^VT")]'
    )
    assert field(model, "empty_ok").annotation == "Omittable[str]"
    assert field(model, "count").annotation == (
        "Omittable[Annotated[int, StrictConstraints(ge=1, lt=10, multiple_of=3)]]"
    )
    assert field(model, "ratio").annotation == (
        "Omittable[Annotated[float, StrictConstraints(gt=0, le=1)]]"
    )
    assert field(model, "tags").annotation == (
        "Omittable[Annotated[list[str], StrictConstraints(min_length=1, unique_items=True)]]"
    )
    assert field(model, "meta").annotation == (
        "Omittable[Annotated[dict[str, str], StrictConstraints(max_length=3)]]"
    )
    assert field(model, "note").annotation == (
        "Optional[Annotated[str, StrictConstraints(max_length=5)]]"
    )
    assert field(model, "misplaced").annotation == "Omittable[bool]"
    assert field(model, "ref").annotation == "Omittable[Code]"  # not covered: see constraints.py
    param = definition(api, "ThingCreateParams")
    assert isinstance(param, ir.TypedDictDef) and all(not f.constraints for f in param.fields)


def test_openapi_30_exclusive_bounds_are_flags() -> None:
    document_30 = {"type": "integer", "minimum": 0, "exclusiveMinimum": True, "maximum": 9}
    api, _ = _both_sides(_thing({"n": document_30}))
    assert field(printed_definition(api, "Thing"), "n").annotation == (
        "Omittable[Annotated[int, StrictConstraints(gt=0, le=9)]]"
    )


def test_a_pattern_python_cannot_read_is_a_warning_not_a_check() -> None:
    api, diagnostics = _both_sides(_thing({"code": {"type": "string", "pattern": "(?<x"}}))
    assert field(printed_definition(api, "Thing"), "code").annotation == "Omittable[str]"
    assert [d.level for d in diagnostics] == ["warning"]
    assert diagnostics[0].pointer.endswith("/properties/code/pattern")
    assert "strict response validation does not check it" in diagnostics[0].message


def test_an_open_enum_returned_by_itself_is_spelled_out_where_it_is_a_value() -> None:
    paths = {"/status": {"get": {"responses": ok({"type": "string", "enum": ["up", "down"]})}}}
    api, _ = build(paths)
    variant = printed(api, "status.retrieve").sync
    assert variant.signature.returns == 'OpenEnum[Literal["up", "down"]]'
    # mypy takes a generic alias only as a type, and `cast_to` is a value.
    assert arg(variant, "cast_to").value == (
        'cast(Any, Annotated[Union[Literal["up", "down"], str], OPEN_ENUM])'
    )


def test_an_open_enum_of_numbers_in_a_signature_uses_pep604_unions() -> None:
    paths = {"/level": {"get": {"responses": ok({"type": "integer", "enum": [1, 2]})}}}
    api, _ = build(paths)
    variant = printed(api, "level.retrieve").sync
    assert variant.signature.returns == "Annotated[Literal[1, 2] | int, OPEN_ENUM]"
    assert arg(variant, "cast_to").value == (
        "cast(Any, Annotated[Union[Literal[1, 2], int], OPEN_ENUM])"
    )
