"""The front-ends' table of operations (codegen/render/frontends.py) and the type model as JSON
Schema (codegen/render/jsonschema.py)."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from codegen import ir
from codegen.config import Config, parse_config
from codegen.lower import lower
from codegen.render import render
from codegen.render.frontends import frontend_table, json_text
from codegen.render.jsonschema import SchemaPrinter, brief, cli_value, file_place

S, INT, F, B = ir.Primitive("str"), ir.Primitive("int"), ir.Primitive("float"), ir.Primitive("bool")


def api_with(*definitions: ir.Definition) -> ir.Api:
    """An API whose only content is `definitions` (what the printer resolves names in)."""
    module = ir.TypeModule("types/x.py", (), tuple(definitions), ())
    document = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}}
    api, _ = lower(SimpleNamespace(document=document), Config())
    return ir.Api(**{**vars(api), "type_modules": (module,)})


THING = ir.TypedDictDef(
    "ThingParam",
    (),
    (
        ir.Field("name", "name", S, True, "The name.\n\nMore text that is cut."),
        ir.Field("child", "child", ir.Nullable(ir.Ref("ThingParam")), False, None),
    ),
    "A thing.",
)
STOP = ir.Alias("Stop", ir.Union((S, ir.List(S))), None, "param")
ROLE = ir.Alias("Role", ir.Literal(("user", "assistant")), None, "param")
OPEN = ir.Alias("Effort", ir.Union((ir.Literal(("low", "high")), S)), None, "param")
PRINTER = SchemaPrinter(api_with(THING, STOP, ROLE, OPEN))


@pytest.mark.parametrize(
    ("t", "schema"),
    [
        (S, {"type": "string"}),
        (ir.OBJECT, {}),
        (ir.File(), {"type": "string", "format": "binary"}),
        (ir.Literal(("a", "b")), {"type": "string", "enum": ["a", "b"]}),
        (ir.Literal((1, "a")), {"enum": [1, "a"]}),
        (ir.Nullable(INT), {"type": ["integer", "null"]}),
        (
            ir.Nullable(ir.Literal(("a",))),
            {"anyOf": [{"type": "string", "enum": ["a"]}, {"type": "null"}]},
        ),
        (ir.List(ir.Ref("ThingParam")), {"type": "array", "items": {"$ref": "#/$defs/ThingParam"}}),
        (ir.Dict(F), {"type": "object", "additionalProperties": {"type": "number"}}),
        (ir.Dict(ir.OBJECT), {"type": "object"}),
        (ir.Union((S, B)), {"anyOf": [{"type": "string"}, {"type": "boolean"}]}),
        (ir.NONE, {"type": "null"}),
    ],
)
def test_types_as_json_schema(t: ir.Type, schema: dict[str, Any]) -> None:
    assert PRINTER.schema(t) == schema
    Draft202012Validator.check_schema(schema)


def test_defs_hold_every_name_a_schema_needs_with_brief_descriptions() -> None:
    defs = PRINTER.defs([ir.List(ir.Ref("ThingParam")), ir.Ref("Stop")])
    assert list(defs) == ["Stop", "ThingParam"]
    assert defs["ThingParam"] == {
        "type": "object",
        "properties": {
            "name": {"type": "string", "description": "The name."},
            "child": {"anyOf": [{"$ref": "#/$defs/ThingParam"}, {"type": "null"}]},
        },
        "required": ["name"],
        "description": "A thing.",
    }
    schema = {"$defs": defs, "type": "array", "items": {"$ref": "#/$defs/ThingParam"}}
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    assert validator.is_valid([{"name": "a", "child": {"name": "b", "child": None}}])
    assert not validator.is_valid([{"child": None}])


def test_brief_keeps_the_first_paragraph_and_cuts_at_a_word() -> None:
    assert brief("One.\n\nTwo.") == "One."
    assert brief("  spaced \n out  ") == "spaced out"
    assert brief("word " * 100, 20) == "word word word word…"
    assert brief("") is None and brief(None) is None


@pytest.mark.parametrize(
    ("t", "one", "items", "choices", "suggestions"),
    [
        (S, ("string",), (), None, ()),
        (ir.Nullable(INT), ("integer", "null"), (), None, ()),
        (ir.Ref("Role"), ("string",), (), ("user", "assistant"), ()),
        (ir.Ref("Effort"), ("string",), (), None, ("low", "high")),
        (ir.Ref("Stop"), ("string",), ("string",), None, ()),
        (ir.List(INT), (), ("integer",), None, ()),
        (ir.List(ir.File()), (), ("file",), None, ()),
        (ir.File(), ("file",), (), None, ()),
        (ir.Ref("ThingParam"), ("json",), (), None, ()),
        (ir.List(ir.Ref("ThingParam")), ("json",), (), None, ()),
        (
            ir.Union((ir.Literal(("auto",)), ir.Ref("ThingParam"))),
            ("string", "json"),
            (),
            None,
            ("auto",),
        ),
        (ir.OBJECT, ("json",), (), None, ()),
    ],
)
def test_how_the_command_line_reads_a_value(
    t: ir.Type,
    one: tuple[str, ...],
    items: tuple[str, ...],
    choices: tuple[Any, ...] | None,
    suggestions: tuple[str, ...],
) -> None:
    value = cli_value(PRINTER, t)
    assert (value.one, value.items, value.choices, value.suggestions) == (
        one,
        items,
        choices,
        suggestions,
    )


def test_where_files_are() -> None:
    nested = ir.TypedDictDef("Upload", (), (ir.Field("f", "f", ir.File(), True, None),), None)
    printer = SchemaPrinter(api_with(nested))
    assert file_place(printer, S) is None
    assert file_place(printer, ir.File()) == "direct"
    assert file_place(printer, ir.Union((ir.File(), ir.List(ir.File())))) == "direct"
    assert file_place(printer, ir.Union((ir.File(), ir.Ref("Other")))) == "direct"
    assert file_place(printer, ir.Ref("Upload")) == "nested"
    assert file_place(printer, ir.List(ir.Ref("Upload"))) == "nested"


def test_json_text_escapes_invisible_characters_and_keeps_the_rest() -> None:
    text = json_text({"doc": "中文 \u202e evil \u200b", "n": 1})
    assert "中文" in text
    assert "\u202e" not in text and "\\u202e" in text and "\\u200b" in text
    assert json.loads(text) == {"doc": "中文 \u202e evil \u200b", "n": 1}


def _chat_api(config: dict[str, Any] | None = None) -> ir.Api:
    body = {
        "type": "object",
        "required": ["messages"],
        "properties": {
            "messages": {"type": "array", "items": {"$ref": "#/components/schemas/Message"}},
            "stream": {"type": "boolean"},
        },
    }
    content = {
        "application/json": {"schema": {"type": "object"}},
        "text/event-stream": {"schema": {"type": "object"}},
    }
    document = {
        "openapi": "3.1.0",
        "info": {"title": "Chat", "version": "1"},
        "paths": {
            "/chat": {
                "post": {
                    "summary": "Chat.",
                    "tags": ["chat"],
                    "requestBody": {"content": {"application/json": {"schema": body}}},
                    "responses": {"200": {"description": "ok", "content": content}},
                }
            }
        },
        "components": {
            "schemas": {
                "Message": {
                    "type": "object",
                    "required": ["role"],
                    "properties": {"role": {"type": "string"}, "content": {"type": "string"}},
                }
            }
        },
    }
    api, _ = lower(SimpleNamespace(document=document), parse_config(config or {}))
    return api


def test_the_table_describes_each_operation() -> None:
    config = {
        "frontends": {
            "cli": {
                "command": "chat",
                "methods": {
                    "chat.create": {
                        "options": [
                            {"flags": ["-g"], "param": "messages", "keys": ["role", "content"]}
                        ],
                        "stream": {"text": "choices.*.delta.content"},
                    }
                },
            }
        }
    }
    table, defs = frontend_table(_chat_api(config))
    assert (table["format"], table["command"], table["server"]) == (1, "chat", "chat")
    (op,) = table["operations"]
    assert {k: op[k] for k in ("command", "tool", "http", "path", "result", "summary", "tags")} == {
        "command": "chat.create",
        "tool": "chat_create",
        "http": "POST",
        "path": "/chat",
        "result": "model_or_stream",
        "summary": "Chat.",
        "tags": ["chat"],
    }
    assert op["stream"] == {"flag": "stream", "text": "choices.*.delta.content"}
    assert op["options"] == [{"flags": ["-g"], "param": "messages", "keys": ["role", "content"]}]
    messages, stream = op["params"]
    assert messages["schema"] == {"type": "array", "items": {"$ref": "#/$defs/MessageParam"}}
    assert (messages["flag"], messages["in"], messages["required"]) == ("--messages", "body", True)
    assert stream["stream_flag"] is True
    assert set(defs["$defs"]) == {"MessageParam"}


def test_no_frontends_no_files_and_no_extras() -> None:
    files = render(_chat_api({"frontends": {"cli": False, "mcp": False}}))
    assert not [p for p in files if "/_frontend/" in p or "/cli/" in p or "/mcp/" in p]
    assert "__main__" not in " ".join(files)
    assert "[project.scripts]" not in files["pyproject.toml"]
    only_mcp = render(_chat_api({"frontends": {"cli": False}}))
    assert any(p.endswith("/mcp/__init__.py") for p in only_mcp)
    assert not any("/cli/" in p for p in only_mcp)
    assert 'mcp = ["mcp>=2.3,<3"]' in only_mcp["pyproject.toml"]
    both = render(_chat_api())
    assert '"chat-sdk" = "chat_sdk.cli:main"' in both["pyproject.toml"]
    assert "cli = []" in both["pyproject.toml"]


def test_the_mcp_extra_pins_the_range_this_project_tests() -> None:
    import tomllib
    from pathlib import Path

    from codegen.render.frontends import MCP_REQUIREMENT

    project = tomllib.loads((Path(__file__).parents[3] / "pyproject.toml").read_text())
    assert MCP_REQUIREMENT in project["project"]["optional-dependencies"]["dev"]
