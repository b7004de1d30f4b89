"""codegen.lower.naming: identifiers, class names, singulars, the allocator, as tables."""

from __future__ import annotations

import pytest

from codegen.lower.naming import (
    Allocator,
    class_name,
    field_identifier,
    identifier,
    pascal,
    singular,
    snake,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ChatCompletionChunk", "chat_completion_chunk"),
        ("HTTPError", "http_error"),
        ("getV1Foo", "get_v1_foo"),
        ("api-key.created", "api_key_created"),
        ("include[]", "include"),
        ("X-Trace-Id", "x_trace_id"),
        ("already_snake", "already_snake"),
        ("1024x1024", "1024x1024"),
        ("", ""),
    ],
)
def test_snake(name: str, expected: str) -> None:
    assert snake(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("chat.completion", "ChatCompletion"),
        ("create_chat_completion_request", "CreateChatCompletionRequest"),
        ("OpenAI", "OpenAI"),
        ("HTTPError", "HTTPError"),
        ("fine-tune job", "FineTuneJob"),
    ],
)
def test_pascal(name: str, expected: str) -> None:
    assert pascal(name) == expected


@pytest.mark.parametrize(
    ("name", "reserved", "expected"),
    [
        ("from", (), "from_"),
        ("class", (), "class_"),
        ("2fa", (), "n_2fa"),
        ("timeout", ("timeout",), "timeout_"),
        ("self", ("self",), "self_"),
        ("match", (), "match"),  # soft keyword: a valid identifier
        ("!!!", (), "value"),
    ],
)
def test_identifier(name: str, reserved: tuple[str, ...], expected: str) -> None:
    assert identifier(name, reserved=reserved) == expected


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("id", "id"),
        ("type", "type"),
        ("object", "object"),  # renamed per class only when an annotation uses `object`
        ("schema", "schema_"),
        ("json", "json_"),
        ("copy", "copy_"),
        ("model_name", "model_name_"),
        ("_id", "id_"),
        ("class", "class_"),
        ("2fa", "n_2fa"),
        ("api-key.created", "api_key_created"),
        ("camelCase", "camelCase"),
    ],
)
def test_field_identifier(wire: str, expected: str) -> None:
    assert field_identifier(wire) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("1024x1024", "N1024x1024"), ("chat completion", "ChatCompletion"), ("", "Model")],
)
def test_class_name(name: str, expected: str) -> None:
    assert class_name(name) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("choices", "choice"),
        ("ChatCompletionChoices", "ChatCompletionChoice"),
        ("Entries", "Entry"),
        ("boxes", "box"),
        ("status", "status"),
        ("address", "address"),
        ("data", "data"),
    ],
)
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


def test_allocator_suffixes_deterministically() -> None:
    names = Allocator({"Taken"})
    assert [names.allocate(n) for n in ("Taken", "Taken", "Free")] == ["Taken2", "Taken3", "Free"]
    names.release("Free")
    assert names.allocate("Free") == "Free"
    folded = Allocator(fold=True)
    assert [folded.allocate("record", sep="_"), folded.allocate("Record", sep="_")] == [
        "record",
        "Record_2",
    ]
    # A name generated code imports (`Field`, `BaseModel`) gets a trailing underscore, not a
    # number; a clash between the spec's own names still gets a number.
    escaped = Allocator(escaped={"Field"})
    assert [escaped.allocate(n) for n in ("Field", "Field", "Pet", "Pet")] == [
        "Field_",
        "Field2",
        "Pet",
        "Pet2",
    ]
