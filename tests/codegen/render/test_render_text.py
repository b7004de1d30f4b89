"""codegen.render.text: docstrings and string literals that nothing in the text can break."""

from __future__ import annotations

import ast

import pytest

from codegen.render.text import docstring, py_str, quote_annotation


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
