"""The hand-written front-end pieces in-process (as shipped in the session's `deepseek_sdk`):
reading arguments, printing on a terminal, merging stream chunks, compact tool schemas."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def param(**data: Any) -> Any:
    from deepseek_sdk._frontend.table import Param

    return Param({"name": "p", "wire": "p", "in": "body", "required": False, "schema": {}} | data)


@pytest.mark.parametrize(
    ("one", "items", "texts", "value"),
    [
        (["string"], [], ["42"], "42"),
        (["integer", "null"], [], ["42"], 42),
        (["integer", "null"], [], ["null"], None),
        (["number"], [], ["1e3"], 1000.0),
        (["boolean"], [], ["false"], False),
        (["json"], [], ['{"a": [1]}'], {"a": [1]}),
        (["string", "json"], [], ["auto"], "auto"),
        (["string", "json"], [], ['{"type": "function"}'], {"type": "function"}),
        (["string", "null"], ["string"], ["a"], "a"),
        (["string", "null"], ["string"], ["a", "b"], ["a", "b"]),
        (["string", "null"], ["string"], ['["a", "b"]'], ["a", "b"]),
        ([], ["integer"], ["1"], [1]),
        ([], ["integer"], ["1", "2"], [1, 2]),
    ],
)
def test_arguments_are_read_by_what_the_parameter_accepts(
    one: list[str], items: list[str], texts: list[str], value: Any
) -> None:
    from deepseek_sdk.cli._args import Stdin, read_value

    assert read_value(param(one=one, items=items), texts, "--p", Stdin()) == value


@pytest.mark.parametrize(
    ("data", "texts", "message"),
    [
        ({"one": ["integer"]}, ["x"], "expected an integer"),
        ({"one": ["json"]}, ["{"], "not valid JSON"),
        ({"one": ["string"]}, ["a", "b"], "given more than once"),
        (
            {"one": ["string"], "choices": ["a", "b"]},
            ["c"],
            "invalid choice: 'c' (choose from a, b)",
        ),
        ({"one": ["file"]}, ["name"], "expected a file as @PATH"),
        ({"one": ["json"]}, ["@/no/such.json"], "cannot read /no/such.json"),
    ],
)
def test_bad_arguments_say_what_is_expected(
    data: dict[str, Any], texts: list[str], message: str
) -> None:
    from deepseek_sdk.cli._args import ArgumentError, Stdin, read_value

    with pytest.raises(ArgumentError) as info:
        read_value(param(**data), texts, "--p", Stdin())
    assert message in str(info.value)


def test_files_and_json_from_files(tmp_path: Path) -> None:
    from deepseek_sdk.cli._args import Stdin, read_value

    data = tmp_path / "a.json"
    data.write_text('[{"role": "user"}]', encoding="utf-8")
    assert read_value(param(one=["file"]), [f"@{data}"], "--p", Stdin()) == data
    assert read_value(param(one=["json"]), [f"@{data}"], "--p", Stdin()) == [{"role": "user"}]
    files = read_value(param(items=["file"]), [f"@{data}", f"@{data}"], "--p", Stdin())
    assert files == [data, data]


def test_standard_input_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from deepseek_sdk.cli._args import ArgumentError, Stdin, read_value

    monkeypatch.setattr("sys.stdin", io.StringIO("hello\n"))
    stdin = Stdin()
    assert read_value(param(one=["string"]), ["-"], "--a", stdin) == "hello"
    with pytest.raises(ArgumentError, match="already read for --a"):
        read_value(param(one=["string"]), ["-"], "--b", stdin)


def test_on_a_terminal_json_is_indented_and_reasoning_dimmed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from deepseek_sdk.cli._output import Output

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    terminal = Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    out = Output("deepseek")
    out.json({"a": [1]})
    chunks = [
        {"choices": [{"delta": {"reasoning_content": "Think"}}]},
        {"choices": [{"delta": {"content": "Ans"}}]},
        {"choices": [{"delta": {"content": "wer"}}]},
        {"choices": [], "usage": {"total_tokens": 3}},
    ]
    paths = ("choices.*.delta.content", "choices.*.delta.reasoning_content")
    out.stream(chunks, paths)
    assert terminal.getvalue() == '{\n  "a": [\n    1\n  ]\n}\n\x1b[2mThink\x1b[0m\n\nAnswer\n'


def test_no_color_keeps_escape_codes_out(monkeypatch: pytest.MonkeyPatch) -> None:
    from deepseek_sdk.cli._output import Output

    monkeypatch.setenv("NO_COLOR", "1")
    terminal = Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    Output("deepseek").stream([{"r": "Think", "t": ""}, {"t": "Answer"}], ("t", "r"))
    assert terminal.getvalue() == "Think\n\nAnswer\n"


def test_binary_is_not_written_to_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from deepseek_sdk.cli._output import Output

    monkeypatch.setattr("sys.stdout", Terminal())
    out = Output("deepseek")
    assert out.binary(b"text") is True
    assert out.binary(b"\xff\xfe") is False


@pytest.mark.parametrize(
    ("data", "path", "text"),
    [
        (
            {"choices": [{"delta": {"content": "a"}}, {"delta": {"content": "b"}}]},
            "choices.*.delta.content",
            "ab",
        ),
        ({"choices": [{"text": "a"}, {"text": "b"}]}, "choices.1.text", "b"),
        ({"choices": []}, "choices.*.text", ""),
        ({"delta": None}, "delta.content", ""),
        ({"a": {"x": "1", "y": 2}}, "a.*", "1"),
    ],
)
def test_stream_text_paths(data: Any, path: str, text: str) -> None:
    from deepseek_sdk.cli._output import extract_text

    assert extract_text(data, path) == text


def test_stream_chunks_merge_into_the_whole_answer() -> None:
    from deepseek_sdk._frontend.calls import accumulate

    chunks = [
        {
            "id": "c",
            "object": "chunk",
            "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}],
        },
        {"id": "c", "object": "chunk", "choices": [{"index": 0, "delta": {"content": "Hel"}}]},
        {
            "id": "c",
            "object": "chunk",
            "choices": [{"index": 0, "delta": {"content": "lo"}, "finish_reason": "stop"}],
        },
        {"id": "c", "object": "chunk", "choices": [], "usage": {"total_tokens": 3}},
    ]
    merged: Any = None
    for chunk in chunks:
        merged = accumulate(merged, chunk)
    assert merged == {
        "id": "c",
        "object": "chunk",
        "choices": [
            {
                "index": 0,
                "delta": {"role": "assistant", "content": "Hello"},
                "finish_reason": "stop",
            }
        ],
        "usage": {"total_tokens": 3},
    }


def test_tool_schemas_inline_to_a_depth_and_trim_descriptions() -> None:
    from deepseek_sdk._frontend.table import Operation
    from deepseek_sdk.mcp._schemas import input_schema, trim

    defs = {
        "Node": {
            "type": "object",
            "description": "A node. " + "Long words here. " * 30,
            "properties": {
                "next": {"$ref": "#/$defs/Node"},
                "file": {"type": "string", "format": "binary"},
            },
        }
    }
    op = Operation({"command": "a.b", "params": []})
    p = param(name="root", required=True, schema={"$ref": "#/$defs/Node"}, doc="The root.")
    schema = input_schema(op, [p], defs, depth=2, limit=40)
    root = schema["properties"]["root"]
    assert root["description"] == "The root."
    assert root["properties"]["next"]["properties"]["next"] == {
        "type": "object",
        "description": "A node. Long words here.",
    }
    assert root["properties"]["file"]["required"] == ["filename"]
    assert schema["required"] == ["root"] and schema["additionalProperties"] is False
    assert "$ref" not in json.dumps(schema)
    assert trim("One. Two. Three.", 9) == "One. Two."
    assert trim("abcdefghij klm", 8) == "abcdefg…"  # one long word: cut inside it
