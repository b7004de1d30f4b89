"""codegen.lower.naming and codegen.render.text: identifiers, class names, docstrings and literals,
as tables."""

from __future__ import annotations

import ast

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
from codegen.render.text import docstring, py_str, quote_annotation


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


@pytest.mark.parametrize(
    "text",
    [
        'triple """ quotes and a trailing quote"',
        "back\\slash \\n and \\",
        "{{ jinja }} {% block %} stays as text",
        "control \x00 characters \x1b dropped",
        "unicode \u2028 line separator",
    ],
)
def test_docstring_cannot_break_out(text: str) -> None:
    escaped = docstring(text)
    assert escaped is not None
    source = f'def f():\n    """{escaped}"""\n'
    parsed = ast.parse(source).body[0]
    assert isinstance(parsed, ast.FunctionDef)
    value = ast.get_docstring(parsed, clean=False)
    assert value is not None and "\x00" not in value
    assert value.replace("\n", " ").split() == (
        text.replace("\x00", "").replace("\x1b", "").replace("\u2028", "").split()
    )


def test_docstring_wraps_long_lines_and_keeps_code_blocks() -> None:
    long = "word " * 40
    code = "```\n" + "x" * 120 + "\n```"
    result = docstring(f"{long}\n\n- {long}\n\n{code}", width=60)
    assert result is not None
    lines = result.splitlines()
    assert all(len(line) <= 60 for line in lines if not line.startswith("x"))
    assert "x" * 120 in lines
    assert any(line.startswith("  word") for line in lines)  # list continuation indented
    assert docstring("  \n  ") is None


@pytest.mark.parametrize(
    "value", ["plain", 'with "quotes"', "back\\slash", "new\nline", "\u2028", "é✓"]
)
def test_py_str_round_trips(value: str) -> None:
    assert ast.literal_eval(py_str(value)) == value


def test_quote_annotation_is_a_string_literal() -> None:
    for annotation in ("Optional[Node]", 'Literal["a"]', "Literal['a', \"b\"]"):
        assert ast.literal_eval(quote_annotation(annotation)) == annotation
