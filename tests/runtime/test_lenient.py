"""`construct_lenient`: building responses that fail validation without failing the call."""

from __future__ import annotations

import datetime
from typing import Any

import pydantic
import pytest
from things_sdk._models import BaseModel, construct_lenient
from things_sdk.types import ImagePart, Part, PartUnknown, TextPart

# Part is a generated discriminated union (`type` tells TextPart from ImagePart; any other tag
# is a PartUnknown); Message holds the other shapes a model's fields can take.


class Message(BaseModel):
    id: str
    created: datetime.datetime | None = None
    parts: list[Part] = pydantic.Field(default_factory=list)
    by_field: TextPart | ImagePart | None = pydantic.Field(default=None, discriminator="type")
    plain: TextPart | ImagePart | None = None
    meta: dict[str, ImagePart] = pydantic.Field(default_factory=dict)
    user: ImagePart | None = pydantic.Field(default=None, alias="owner")


def test_valid_data_is_validated() -> None:
    built = construct_lenient(Message, {"id": "m", "created": 0})
    assert built.created == datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
    assert built.model_fields_set == {"id", "created"}


def test_missing_required_fields_are_none_and_unset() -> None:
    built = construct_lenient(Message, {"created": 0, "extra": {"k": 1}})
    assert isinstance(built, Message)
    assert built.id is None
    assert built.created == datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
    assert built.parts == [] and built.meta == {}
    assert built.extra == {"k": 1}  # type: ignore[attr-defined]
    assert built.to_dict(mode="json") == {
        "created": "1970-01-01T00:00:00Z",
        "extra": {"k": 1},
    }


def test_nested_models_lists_dicts_and_aliases_are_built_recursively() -> None:
    built = construct_lenient(
        Message,
        {
            "parts": [{"type": "image", "size": 3}, {"type": "text", "text": "hi"}],
            "meta": {"a": {"type": "image"}, "b": "not an image"},
            "owner": {"type": "image", "url": "u", "size": "big"},
        },
    )
    image, text = built.parts
    assert isinstance(image, ImagePart) and image.size == 3 and image.url is None
    assert isinstance(text, TextPart) and text.text == "hi"
    assert isinstance(built.meta["a"], ImagePart) and built.meta["b"] == "not an image"
    assert isinstance(built.user, ImagePart) and built.user.size == "big"  # wrong type kept


@pytest.mark.parametrize("field", ["by_field", "plain"])
def test_unions_pick_the_tagged_then_the_valid_then_the_first_model(field: str) -> None:
    valid = construct_lenient(Message, {field: {"type": "image", "url": "u"}})
    assert isinstance(getattr(valid, field), ImagePart)
    tagged = construct_lenient(Message, {field: {"type": "image"}})
    expected = ImagePart if field == "by_field" else TextPart  # no discriminator: the first model
    assert isinstance(getattr(tagged, field), expected)
    scalar = construct_lenient(Message, {field: 5})
    assert getattr(scalar, field) == 5


def test_a_known_tag_wins_over_a_catch_all_variant_that_validates() -> None:
    built = construct_lenient(Message, {"parts": [{"type": "image", "size": 1}, {"type": "video"}]})
    image, video = built.parts
    assert isinstance(image, ImagePart) and image.size == 1 and image.url is None
    assert isinstance(video, PartUnknown) and video.type == "video"


def test_top_level_non_model_types() -> None:
    assert construct_lenient(list[int], [1, "x"]) == [1, "x"]
    assert construct_lenient(dict[str, TextPart], {"a": {"text": 1}})["a"].text == 1
    assert construct_lenient(TextPart | None, None) is None
    assert construct_lenient(Message, "not an object") == "not an object"
    assert construct_lenient(Any, {"a": 1}) == {"a": 1}


class Chunk(BaseModel):
    id: str
    choices: list[TextPart]
    by_key: dict[str, TextPart]


def test_missing_required_lists_and_dicts_are_empty_not_none() -> None:
    """A usage-only stream chunk without `choices`: the attribute stays a list, as typed."""
    built = construct_lenient(Chunk, {"id": "c"})
    assert (built.choices, built.by_key) == ([], {})
    assert built.model_fields_set == {"id"} and built.to_dict() == {"id": "c"}
