"""The front-ends' names and the ergonomics sdk.yaml declares (codegen/lower/frontends.py)."""

from __future__ import annotations

from typing import Any

import pytest
from _lower_support import build, ok

from codegen import ir
from codegen.errors import ConfigError
from codegen.lower.frontends import RESERVED_FLAGS, TOOL_NAME

BODY = {
    "type": "object",
    "required": ["messages"],
    "properties": {
        "model": {"type": "string"},
        "messages": {"type": "array", "items": {"type": "object"}},
        "stream": {"type": "boolean"},
        "raw": {"type": "boolean"},
        "all": {"type": "string"},
        "from": {"type": "string"},
    },
}


def chat_paths() -> dict[str, Any]:
    stream = {"text/event-stream": {"schema": {"type": "object"}}}
    responses = ok()
    responses["200"]["content"] |= stream
    return {
        "/chat/completions": {
            "post": {
                "requestBody": {"content": {"application/json": {"schema": BODY}}},
                "responses": responses,
                "parameters": [
                    {"name": "api_key", "in": "query", "schema": {"type": "string"}},
                ],
            }
        },
        "/things/{thing_id}": {
            "get": {
                "parameters": [
                    {
                        "name": "thing_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": ok(),
            }
        },
    }


def operation(api: ir.Api, command: str) -> ir.FrontendOperation:
    return next(op for op in api.frontends.operations if op.command == command)


def flags(api: ir.Api, command: str) -> dict[str, str | None]:
    shown = operation(api, command)
    resource, _, name = command.rpartition(".")
    method = next(
        m for r in api.resources if r.dotted == resource for m in r.methods if m.name == name
    )
    return {p.name: f for p, f in zip(method.params, shown.flags, strict=True)}


def test_every_method_gets_a_command_a_tool_and_flags() -> None:
    api, _ = build(chat_paths(), bearer=True)
    assert [op.command for op in api.frontends.operations] == [
        "chat.completions.create",
        "things.retrieve",
    ]
    assert operation(api, "chat.completions.create").tool == "chat_completions_create"
    assert flags(api, "things.retrieve") == {"thing_id": None}  # positional
    assert flags(api, "chat.completions.create") == {
        "api_key": "--query-api-key",  # the command's own --api-key wins
        "model": "--model",
        "messages": "--messages",
        "stream": "--stream",  # the stream flag is the command's --stream
        "raw": "--body-raw",
        "all": "--body-all",
        "from_": "--from",
    }
    assert {"--raw", "--all", "--stream", "--help"} <= RESERVED_FLAGS


def test_client_options_come_from_the_client() -> None:
    api, _ = build(chat_paths(), config={"env": {"api_key": "K", "base_url": "U"}}, bearer=True)
    options = {o.name: o for o in api.frontends.client_options}
    assert (options["api_key"].flag, options["api_key"].env, options["api_key"].secret) == (
        "--api-key",
        "K",
        True,
    )
    assert (options["base_url"].flag, options["base_url"].env, options["base_url"].secret) == (
        "--base-url",
        "U",
        False,
    )
    assert "https://example.test" in options["base_url"].doc
    api, _ = build(chat_paths())  # no security: no key to take
    assert [o.name for o in api.frontends.client_options] == ["base_url"]


def test_command_and_server_names() -> None:
    api, _ = build(chat_paths())
    assert api.frontends.cli == ir.CommandLine("test-sdk")  # the distribution's name
    assert api.frontends.mcp == ir.McpServer("test-sdk")
    config = {"frontends": {"cli": {"command": "tst"}, "mcp": {"server": "srv"}}}
    api, _ = build(chat_paths(), config=config)
    assert (api.frontends.cli, api.frontends.mcp) == (ir.CommandLine("tst"), ir.McpServer("srv"))
    api, _ = build(chat_paths(), config={"frontends": {"cli": False}})
    assert api.frontends.cli is None and api.frontends.mcp == ir.McpServer("test-sdk")
    api, _ = build(chat_paths(), config={"frontends": {"cli": False, "mcp": False}})
    assert api.frontends == ir.NO_FRONTENDS


def test_long_and_clashing_tool_names_stay_valid_and_unique() -> None:
    deep = "/" + "/".join(f"level{i}_with_a_long_name" for i in range(6))
    paths = {
        deep: {"get": {"responses": ok()}},
        "/a_b/c": {"get": {"responses": ok()}},
        "/a/b_c": {"get": {"responses": ok()}},
    }
    api, _ = build(paths)
    tools = [op.tool for op in api.frontends.operations]
    assert len(set(tools)) == len(tools)
    assert all(TOOL_NAME.match(tool) for tool in tools)
    long = next(op for op in api.frontends.operations if op.command.startswith("level0"))
    assert long.tool.startswith("level") and long.tool.endswith("_retrieve")


def test_declared_options_and_stream_text() -> None:
    config = {
        "frontends": {
            "cli": {
                "methods": {
                    "chat.completions.create": {
                        "options": [
                            {"flags": ["-m"], "param": "model"},
                            {
                                "flags": ["-g", "--message"],
                                "param": "messages",
                                "keys": ["role", "content"],
                                "help": "a message",
                            },
                        ],
                        "stream": {"text": "choices.*.delta.content"},
                    }
                }
            }
        }
    }
    api, _ = build(chat_paths(), config=config)
    shown = operation(api, "chat.completions.create")
    assert shown.options == (
        ir.CliOption(("-m",), "model", (), None),
        ir.CliOption(("-g", "--message"), "messages", ("role", "content"), "a message"),
    )
    assert shown.stream_text == ir.StreamText("choices.*.delta.content", None)


def _method_config(**method: Any) -> dict[str, Any]:
    return {"frontends": {"cli": {"methods": {"chat.completions.create": method}}}}


@pytest.mark.parametrize(
    ("config", "pointer", "fragment"),
    [
        (
            {"frontends": {"cli": {"methods": {"chat.create": {}}}}},
            "/frontends/cli/methods/chat.create",
            "no method 'chat.create'",
        ),
        (
            _method_config(options=[{"flags": ["-x"], "param": "nope"}]),
            "/frontends/cli/methods/chat.completions.create/options/0/param",
            "'nope' is not an option parameter",
        ),
        (
            _method_config(options=[{"flags": ["-x"], "param": "model", "keys": ["a"]}]),
            "/frontends/cli/methods/chat.completions.create/options/0/keys",
            "'model' is not one",
        ),
        (
            _method_config(options=[{"flags": ["--raw"], "param": "model"}]),
            "/frontends/cli/methods/chat.completions.create/options/0/flags",
            "--raw is already an option",
        ),
        (
            _method_config(options=[{"flags": ["--model"], "param": "model"}]),
            "/frontends/cli/methods/chat.completions.create/options/0/flags",
            "--model is already an option",
        ),
        (
            {"frontends": {"cli": {"methods": {"things.retrieve": {"stream": {"text": "a"}}}}}},
            "/frontends/cli/methods/things.retrieve/stream",
            "does not stream",
        ),
    ],
)
def test_config_that_does_not_fit_the_api_is_an_error(
    config: dict[str, Any], pointer: str, fragment: str
) -> None:
    with pytest.raises(ConfigError) as info:
        build(chat_paths(), config=config)
    assert info.value.pointer == "#" + pointer
    assert fragment in info.value.message


def test_methods_keep_their_tags() -> None:
    paths = {"/things": {"get": {"tags": ["Things", "Read"], "responses": ok()}}}
    api, _ = build(paths)
    assert api.resources[0].methods[0].tags == ("Things", "Read")
