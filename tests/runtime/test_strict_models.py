"""`strict_response_validation=True` reads the spec exactly; the default keeps its leniencies.

`_models.validate_json(type_, data, strict=...)`: open enums (`OpenEnum[...]`), catch-all
union members (`UnknownVariant`), optional-but-never-null fields (`NOT_NULL`) and type
coercion are lenient by default and rejected when strict; `parse_body` and the stream decoder
(its batched path too) validate through it. So do closed models (`closed=True`: undeclared
properties) and `StrictConstraints` (minLength, pattern, bounds, ...).
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

import httpx2
import pydantic
import pytest
from things_sdk._constraints import StrictConstraints
from things_sdk._exceptions import APIResponseValidationError
from things_sdk._models import (
    NOT_NULL,
    BaseModel,
    Omittable,
    OpenEnum,
    UnknownVariant,
    validate_json,
)
from things_sdk._response import parse_body
from things_sdk._streaming import _ChunkDecoder, _json_list_validator


class Text(BaseModel):
    type: Literal["text"]
    status: OpenEnum[Literal["done", "pending"]] | None = None
    size: Annotated[int | None, NOT_NULL] = None
    count: int = 0
    parent: Text | None = None  # recursive: the core schema has definitions


class ItemUnknown(UnknownVariant):
    type: str | None = None


def _tag(value: Any) -> str:
    tag = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return tag if tag == "text" else "unknown"


Item = Annotated[
    Annotated[Text, pydantic.Tag("text")] | Annotated[ItemUnknown, pydantic.Tag("unknown")],
    pydantic.Discriminator(_tag),
]


class Page(BaseModel):
    data: list[Item]


def _both(type_: Any, value: object) -> tuple[bool, bool]:
    data = json.dumps(value).encode()
    verdicts = []
    for strict in (False, True):
        try:
            validate_json(type_, data, strict=strict)
        except pydantic.ValidationError:
            verdicts.append(False)
        else:
            verdicts.append(True)
    return verdicts[0], verdicts[1]


@pytest.mark.parametrize(
    ("value", "lenient", "strict"),
    [
        ({"type": "text", "status": "done", "size": 3}, True, True),
        ({"type": "text"}, True, True),  # absent optional fields are fine either way
        ({"type": "text", "status": "archived"}, True, False),  # not a listed value
        ({"type": "text", "status": None}, True, True),  # nullable: `Optional[...]`, no marker
        ({"type": "text", "size": None}, True, False),  # absent is allowed, null is not
        ({"type": "text", "count": "5"}, True, False),  # a string is not an integer
        ({"type": "text", "count": 5.0}, True, False),  # pydantic's strict mode: no floats
        ({"type": "text", "parent": {"type": "text", "status": "archived"}}, True, False),
        ({"type": "image"}, False, False),
    ],
)
def test_strict_removes_each_leniency(value: dict[str, Any], lenient: bool, strict: bool) -> None:
    assert _both(Text, value) == (lenient, strict)


def test_unknown_union_member_only_without_strict() -> None:
    known = {"data": [{"type": "text", "status": "pending"}]}
    unknown = {"data": [{"type": "text"}, {"type": "video", "url": "u"}]}
    assert _both(Page, known) == (True, True)
    assert _both(Page, unknown) == (True, False)
    page = validate_json(Page, json.dumps(unknown))
    assert isinstance(page.data[1], ItemUnknown) and isinstance(page.data[1], UnknownVariant)
    assert page.data[1].to_dict() == {"type": "video", "url": "u"}
    with pytest.raises(pydantic.ValidationError) as caught:
        validate_json(Page, json.dumps(unknown), strict=True)
    assert caught.value.errors()[0]["type"] == "unknown_variant"
    # Not a model: a union alias or a list of models goes through the same transform.
    assert _both(list[Item], unknown["data"]) == (True, False)


def test_strict_results_are_the_real_classes() -> None:
    page = validate_json(Page, json.dumps({"data": [{"type": "text", "size": 2}]}), strict=True)
    assert type(page) is Page and type(page.data[0]) is Text and page.data[0].size == 2


def test_the_markers_run_no_python_code() -> None:
    """Lax-or-strict schemas: neither mode calls back into Python for them."""
    Text.model_rebuild()
    assert '"type": "function-' not in json.dumps(Text.__pydantic_core_schema__, default=repr)


def test_a_marker_on_the_wrong_type_is_an_error() -> None:
    with pytest.raises(TypeError, match="OPEN_ENUM annotates"):
        pydantic.TypeAdapter(OpenEnum[int])  # Union[int, str]: no Literal to fall back on
    with pytest.raises(TypeError, match="StrictConstraints annotates"):
        pydantic.TypeAdapter(Annotated[bool, StrictConstraints(min_length=1)])


def _response(content: bytes) -> httpx2.Response:
    return httpx2.Response(
        200, content=content, request=httpx2.Request("GET", "https://api.test/x")
    )


def test_parse_body_and_streams_use_strict_validation() -> None:
    body = json.dumps({"type": "text", "status": "archived"}).encode()
    assert parse_body(Text, _response(body)).status == "archived"
    with pytest.raises(APIResponseValidationError):
        parse_body(Text, _response(body), strict=True)
    events = b"data: " + body + b"\n\ndata: " + body + b"\n\n"
    lenient = _ChunkDecoder(Text, _response(b""), strict=False)
    assert [item.status for item in lenient.feed(events)] == ["archived", "archived"]
    strict = _ChunkDecoder(Text, _response(b""), strict=True)
    assert strict.feed(events) == [] and isinstance(strict.error, APIResponseValidationError)


def test_the_batched_stream_path_is_strict_too() -> None:
    events = [json.dumps({"type": "text", "count": "5"})] * 3
    validate_many = _json_list_validator(Text)
    assert [item.count for item in validate_many(events)] == [5, 5, 5]
    with pytest.raises(pydantic.ValidationError):
        validate_many(events, strict=True)


class Node(BaseModel, closed=True):
    name: str
    note: Omittable[str] = None
    child: Node | None = None  # recursive: strict reaches the nested node too


class Holder(BaseModel):
    nodes: list[Node]


@pytest.mark.parametrize(
    ("value", "lenient", "strict"),
    [
        ({"name": "a"}, True, True),
        ({"name": "a", "note": "n"}, True, True),
        ({"name": "a", "note": None}, True, False),  # `Omittable`: absent yes, null no
        ({"name": "a", "extra": 1}, True, False),
        ({"name": "a", "child": {"name": "b", "extra": 1}}, True, False),
        ({"name": "a", "child": {"name": "b"}}, True, True),
    ],
)
def test_closed_models_reject_undeclared_properties_when_strict(
    value: dict[str, Any], lenient: bool, strict: bool
) -> None:
    assert _both(Node, value) == (lenient, strict)
    assert _both(Holder, {"nodes": [value]}) == (lenient, strict)


def test_closed_models_keep_and_serialize_extras_by_default() -> None:
    node = validate_json(Node, json.dumps({"name": "a", "child": {"name": "b", "x": 1}, "y": 2}))
    assert type(node) is Node and type(node.child) is Node
    assert node.to_dict() == {"name": "a", "child": {"name": "b", "x": 1}, "y": 2}
    assert json.loads(node.to_json()) == node.to_dict()
    assert Node(name="c", z=3).to_dict() == {"name": "c", "z": 3}
    with pytest.raises(pydantic.ValidationError) as caught:
        validate_json(Holder, json.dumps({"nodes": [{"name": "a", "x": 1, "w": 2}]}), strict=True)
    error = caught.value.errors()[0]
    assert error["type"] == "extra_forbidden" and error["loc"] == ("nodes", 0)
    assert "w, x" in error["msg"]


def test_closedness_is_inherited_and_only_where_declared() -> None:
    class Open(BaseModel):
        name: str

    class Child(Node):
        size: int = 0

    assert _both(Open, {"name": "a", "x": 1}) == (True, True)
    assert _both(Child, {"name": "a", "size": 1}) == (True, True)
    assert _both(Child, {"name": "a", "x": 1}) == (True, False)


class Limited(BaseModel):
    sid: Annotated[str, StrictConstraints(min_length=4, max_length=6, pattern="^VT")] | None = None
    count: Annotated[int, StrictConstraints(ge=1, lt=10, multiple_of=3)] = 3
    ratio: Annotated[float, StrictConstraints(gt=0, le=1, multiple_of=0.1)] = 0.5
    tags: Annotated[
        list[str], StrictConstraints(min_length=1, max_length=2, unique_items=True)
    ] = []  # noqa: RUF012 (pydantic copies defaults)
    meta: Annotated[dict[str, int], StrictConstraints(max_length=1)] = {}  # noqa: RUF012


@pytest.mark.parametrize(
    ("value", "strict"),
    [
        ({}, True),
        ({"sid": "VT12", "count": 9, "ratio": 0.3, "tags": ["a", "b"], "meta": {"a": 1}}, True),
        ({"sid": None}, True),  # nullable: constraints apply to strings only
        ({"sid": "VT1"}, False),  # minLength
        ({"sid": "VT12345"}, False),  # maxLength
        ({"sid": "XVT12"}, False),  # pattern (searched, here anchored by `^`)
        ({"count": 0}, False),  # minimum
        ({"count": 12}, False),  # exclusiveMaximum
        ({"count": 4}, False),  # multipleOf
        ({"ratio": 0}, False),  # exclusiveMinimum
        ({"ratio": 1.5}, False),  # maximum
        ({"ratio": 0.35}, False),  # multipleOf on floats
        ({"tags": []}, False),  # minItems
        ({"tags": ["a", "b", "c"]}, False),  # maxItems
        ({"tags": ["a", "a"]}, False),  # uniqueItems
        ({"meta": {"a": 1, "b": 2}}, False),  # maxProperties
    ],
)
def test_constraints_only_when_strict(value: dict[str, Any], strict: bool) -> None:
    assert _both(Limited, value) == (True, strict)


def test_a_pattern_is_searched_not_matched() -> None:
    class Code(BaseModel):
        code: Annotated[str, StrictConstraints(pattern="[0-9]{2}")]

    assert _both(Code, {"code": "ab12"}) == (True, True)
    assert _both(Code, {"code": "ab1"}) == (True, False)


def test_constraint_errors_say_what_the_spec_wants() -> None:
    with pytest.raises(pydantic.ValidationError) as caught:
        validate_json(Limited, json.dumps({"sid": "VT1", "tags": ["a", "a"]}), strict=True)
    errors = {e["loc"][0]: e["msg"] for e in caught.value.errors()}
    assert errors["sid"] == "String should have at least 4 characters"
    assert "unique items" in errors["tags"]
    rule = StrictConstraints(min_length=4, pattern="^VT")
    assert repr(rule) == "StrictConstraints(min_length=4, pattern='^VT')"
