"""codegen.lower.resources and .client: resource paths, method names, helpers, client defaults."""

from __future__ import annotations

import pytest
from _lower_support import (
    arg,
    build,
    methods,
    ok,
    printed,
    printed_resource,
)

from codegen.errors import ConfigError
from codegen.render.package import print_client

# ------------------------------------------------------------------- resources and method names

LIST = ok({"type": "object", "properties": {"data": {"type": "array", "items": {}}}})
PARAM = [{"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}]


def test_method_names_follow_verb_and_path_shape() -> None:
    api, _ = build(
        {
            "/v1/things": {"get": {"responses": LIST}, "post": {"responses": ok()}},
            "/v1/things/{thing_id}": {
                "parameters": PARAM,
                "get": {"responses": ok()},
                "post": {"responses": ok()},
                "delete": {"responses": ok()},
            },
            "/v1/things/{thing_id}/cancel": {"parameters": PARAM, "post": {"responses": ok()}},
            "/v1/things/{thing_id}/events": {"parameters": PARAM, "get": {"responses": LIST}},
            "/v1/things/{thing_id}/parts": {"parameters": PARAM, "post": {"responses": ok()}},
            "/v1/things/{thing_id}/parts/{part_id}": {
                "parameters": [*PARAM, {"name": "part_id", "in": "path", "required": True}],
                "get": {"responses": ok()},
            },
            "/v1/beta/status": {"get": {"responses": ok()}},
        }
    )
    assert sorted(methods(api)) == [
        "beta.status.retrieve",
        "things.cancel",
        "things.create",
        "things.delete",
        "things.events.list",
        "things.list",
        "things.parts.create",
        "things.parts.retrieve",
        "things.retrieve",
        "things.update",
    ]
    assert [c.attr for c in api.client.children] == ["beta", "things"]
    retrieve = printed(api, "things.retrieve").sync
    assert [p.name for p in retrieve.signature.positional] == ["thing_id"]
    assert retrieve.args[1].value == "f\"/v1/things/{path_param('thing_id', thing_id)}\""


def test_config_overrides_resource_and_method() -> None:
    api, _ = build(
        {
            "/user/balance": {"get": {"responses": ok()}},
            "/things/{thing_id}/events": {"parameters": PARAM, "get": {"responses": LIST}},
        },
        config={
            "operations": {
                "GET /user/balance": {"resource": "account", "method": "balance"},
                "GET /things/{thing_id}/events": {"method": "list_events"},
            }
        },
    )
    assert sorted(methods(api)) == ["account.balance", "things.list_events"]


def test_colliding_names_fall_back_to_operation_ids() -> None:
    api, _ = build(
        {
            "/items": {"post": {"operationId": "createItem", "responses": ok()}},
            "/items?beta=true": {"post": {"operationId": "createItemBeta", "responses": ok()}},
            "/items/{item_id}/list": {
                "parameters": [{"name": "item_id", "in": "path", "required": True}],
                "post": {"operationId": "listItem", "responses": ok()},
            },
            "/items/{item_id}/list/{x}": {
                "parameters": [
                    {"name": "item_id", "in": "path", "required": True},
                    {"name": "x", "in": "path", "required": True},
                ],
                "get": {"responses": ok()},
            },
        }
    )
    assert sorted(methods(api)) == [
        "items.create_item",
        "items.create_item_beta",
        "items.list.create",
        "items.list.retrieve",
    ]


def test_config_names_that_collide_are_an_error() -> None:
    paths = {"/a": {"get": {"responses": ok()}}, "/b": {"get": {"responses": ok()}}}
    overrides = {
        "GET /a": {"resource": "x", "method": "go"},
        "GET /b": {"resource": "x", "method": "go"},
    }
    with pytest.raises(ConfigError, match="are all named 'go'"):
        build(paths, config={"operations": overrides})
    with pytest.raises(ConfigError, match="no operation 'GET /nope'"):
        build(paths, config={"operations": {"GET /nope": {"method": "x"}}})


def test_keywords_and_reserved_names_are_escaped() -> None:
    api, _ = build(
        {
            "/class/{from}": {
                "get": {
                    "parameters": [
                        {"name": "from", "in": "path", "required": True},
                        {"name": "timeout", "in": "query"},
                        {"name": "self", "in": "query"},
                        {"name": "include[]", "in": "query"},
                    ],
                    "responses": ok(),
                }
            },
            "/copy": {"get": {"responses": ok()}},
        }
    )
    signature = printed(api, "class_.retrieve").sync.signature
    assert [p.name for p in signature.positional] == ["from_"]
    assert [p.name for p in signature.keyword] == ["timeout_", "self_", "include"]
    query = arg(printed(api, "class_.retrieve").sync, "query")
    assert query.entries == ('"timeout": timeout_', '"self": self_', '"include[]": include')
    assert {c.attr for c in api.client.children} == {"class_", "copy_"}


CHAT_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["model", "messages"],
                "properties": {
                    "model": {"type": "string", "description": "The model."},
                    "messages": {"type": "array", "items": {"type": "object"}},
                    "tools": {"type": "array", "items": {"type": "object"}},
                    "stream": {"type": "boolean"},
                },
            }
        }
    },
}
CHAT = {"/chat/completions": {"post": {"requestBody": CHAT_BODY, "responses": ok()}}}


def test_helpers_become_typed_methods_and_create_missing_resources() -> None:
    api, _ = build(
        CHAT, config={"helpers": {"chat.completions": "chat_helpers", "beta.realtime": "realtime"}}
    )
    resources = {r.dotted: r for r in api.resources}
    chat = resources["chat.completions"]
    assert chat.sync.bases == ("SyncAPIResource",)
    assert [h.name for h in chat.helpers] == ["parse", "run_tools", "stream"]
    stream = next(h for h in chat.helpers if h.name == "stream")
    assert (stream.module, stream.based_on, stream.drop) == (
        "lib/chat_helpers",
        "create",
        ("stream",),
    )
    printed_chat = printed_resource(api, "chat.completions")
    pair = next(h for h in printed_chat.helpers if h.name == "stream")
    sync = pair.sync.signature
    # create's parameters (its `stream` flag dropped, `tools` redeclared by the helper), then the
    # helper's own, then (in the template) the standard options.
    assert [p.name for p in sync.keyword] == [
        "model",
        "messages",
        "response_format",
        "tools",
        "schema_in_prompt",
    ]
    assert sync.extras and sync.returns == "ChatCompletionStreamManager[ResponseFormatT]"
    assert pair.async_.signature.returns == "AsyncChatCompletionStreamManager[ResponseFormatT]"
    assert pair.sync.call_open == "return chat_helpers.stream("
    assert [a.value or a.name for a in pair.sync.args][:2] == ["self.create", "params"]
    assert arg(pair.sync, "params").entries[:2] == ('"model": model', '"messages": messages')
    assert "Takes the parameters of `create()`" in (pair.doc or "")
    run_tools = next(h for h in printed_chat.helpers if h.name == "run_tools")
    assert [o.returns for o in run_tools.sync.overloads] == [
        "ChatCompletionToolRunner",
        "ChatCompletionStreamingToolRunner",
        "ChatCompletionToolRunner | ChatCompletionStreamingToolRunner",
    ]
    parse = next(h for h in printed_chat.helpers if h.name == "parse")
    assert (parse.sync.def_keyword, parse.async_.def_keyword) == ("def", "async def")
    assert parse.async_.call_open == "return await chat_helpers.async_parse("
    assert "from ...lib import chat_helpers" in printed_chat.imports
    assert (
        "from ...lib.chat_stream import AsyncChatCompletionStreamManager, ChatCompletionStreamManager"
        in printed_chat.imports
    )
    realtime = resources["beta.realtime"]
    assert realtime.methods == () and [h.name for h in realtime.helpers] == ["connect"]
    connect = printed_resource(api, "beta.realtime").helpers[0].sync
    assert not connect.signature.extras and connect.args[0].value == "self"
    assert api.helpers is True


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            {"helpers": {"models": "chat_helpers"}},
            r"based on create\(\), which client.models does not have",
        ),
        (
            {"helpers": {"chat.completions": "no_such_module"}},
            "templates/lib/no_such_module.py does not exist",
        ),
        ({"helpers": {"chat.completions": "_declare"}}, "declares no @helper_method function"),
    ],
)
def test_helpers_that_do_not_fit_are_config_errors(config: dict[str, object], message: str) -> None:
    paths = {**CHAT, "/models": {"get": {"responses": ok()}}}
    with pytest.raises(ConfigError, match=message):
        build(paths, config=config)


def test_client_defaults_come_from_config_then_spec() -> None:
    api, _ = build({"/x": {"get": {"responses": ok()}}})
    assert (api.package, api.client.name, api.client.error_name) == (
        "test_sdk",
        "Test",
        "TestError",
    )
    assert api.client.env_api_key == "TEST_API_KEY"
    assert api.client.default_base_url == "https://example.test"
    assert print_client(api.client).default_base_url == '"https://example.test"'
    api, _ = build(
        {"/x": {"get": {"responses": ok()}}},
        config={"package": "p", "client": "C", "env": {"api_key": "K"}, "base_url": "https://b"},
    )
    assert (api.package, api.client.name, api.client.env_api_key) == ("p", "C", "K")
    assert print_client(api.client).env_api_key == '"K"'
    assert api.client.default_base_url == "https://b"
