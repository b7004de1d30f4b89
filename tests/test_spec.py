"""Facts about spec/openapi.yaml that a user of the DeepSeek SDK depends on.

Only what some user-visible behaviour needs is asserted here: the methods FEATURES.md promises,
the base URL and bearer auth, streaming, the discriminated unions, open enums and nullable
fields, and the payloads of the DeepSeek fact sheet (accepted, or rejected). Anything else an
API team may add (an endpoint, a field, a renamed field) keeps this file green; house rules
about the spec (every operation described, error responses declared, naming, examples valid)
are `codegen validate` rules set in spec/sdk.yaml and run by `make validate-spec`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from codegen.config import load_config
from codegen.lower import lower
from codegen.spec import load_spec as load_bundled

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "spec" / "openapi.yaml"
CONFIG_PATH = ROOT / "spec" / "sdk.yaml"
SPEC_URI = "urn:deepseek-openapi"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")

# FEATURES.md's methods (F2-F14) and the operation each calls.
PROMISED = {
    "chat.completions.create": "POST /chat/completions",
    "beta.chat.completions.create": "POST /beta/chat/completions",
    "completions.create": "POST /beta/completions",
    "models.list": "GET /models",
    "models.retrieve": "GET /models/{model}",
    "user.balance": "GET /user/balance",
    "files.create": "POST /files",
    "fine_tuning.jobs.list": "GET /fine_tuning/jobs",
}

Json = dict[str, Any]


@cache
def load_spec() -> Json:
    """The spec as plain data (parsed once per test session)."""
    with SPEC_PATH.open(encoding="utf-8") as fh:
        data: Json = yaml.safe_load(fh)
    return data


@pytest.fixture(scope="module")
def spec() -> Json:
    return load_spec()


def operations(spec: Json) -> Iterator[tuple[str, str, Json]]:
    """Yield (METHOD, path, operation) for every operation in the spec."""
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield method.upper(), path, item[method]


def resolve(spec: Json, node: Json) -> Json:
    """Follow local `$ref`s until a node without one is reached."""
    while "$ref" in node:
        pointer = node["$ref"]
        assert pointer.startswith("#/"), pointer
        target: Any = spec
        for part in pointer[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


@cache
def registry() -> Registry[Any]:
    """A registry holding the whole spec, so `$ref`s between components resolve."""
    empty: Registry[Any] = Registry()
    filled: Registry[Any] = empty.with_resource(SPEC_URI, DRAFT202012.create_resource(load_spec()))
    return filled


def validator_for(schema_name: str) -> Draft202012Validator:
    schema = {"$ref": f"{SPEC_URI}#/components/schemas/{schema_name}"}
    return Draft202012Validator(schema, registry=registry())


def errors(schema_name: str, payload: object) -> list[str]:
    """Validation errors of `payload` against a component schema (empty when valid)."""
    return [e.message for e in validator_for(schema_name).iter_errors(payload)]


# ---------------------------------------------------------------- what the client offers


def test_the_promised_methods_call_their_operations() -> None:
    """Each method FEATURES.md names exists on the client and calls its operation; the SDK may
    have more (an endpoint added to the spec is a new method, not a failure here)."""
    api, _ = lower(load_bundled(SPEC_PATH), load_config(CONFIG_PATH))
    found = {
        f"{resource.dotted}.{method.name}": f"{method.http_method.upper()} {method.path}"
        for resource in api.resources
        for method in resource.methods
    }
    assert {name: found.get(name) for name in PROMISED} == PROMISED


def test_base_url_and_bearer_auth(spec: Json) -> None:
    """The client's default base URL, and the `Authorization: Bearer` header it sends."""
    assert spec["servers"][0]["url"] == "https://api.deepseek.com"
    assert spec["security"] == [{"bearerAuth": []}]
    scheme = spec["components"]["securitySchemes"]["bearerAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")


def test_undocumented_operations_say_so_in_their_docstring(spec: Json) -> None:
    """Operations DeepSeek does not document are marked, and their method's docstring warns."""
    marked = [
        (method, path, op)
        for method, path, op in operations(spec)
        if op.get("x-deepseek-availability") == "undocumented"
    ]
    assert marked  # files and fine-tuning
    for method, path, op in marked:
        assert "not in deepseek's documentation" in op["description"].lower(), f"{method} {path}"


# ---------------------------------------------------------------- specific facts


@pytest.mark.parametrize(
    ("path", "json_schema", "event_schema"),
    [
        ("/chat/completions", "ChatCompletion", "ChatCompletionChunk"),
        ("/beta/completions", "Completion", "CompletionChunk"),
    ],
)
def test_streaming_operations_offer_json_and_event_stream(
    spec: Json, path: str, json_schema: str, event_schema: str
) -> None:
    content = spec["paths"][path]["post"]["responses"]["200"]["content"]
    assert content["application/json"]["schema"]["$ref"].endswith(f"/{json_schema}")
    assert content["text/event-stream"]["schema"]["$ref"].endswith(f"/{event_schema}")


def test_message_and_realtime_unions_are_discriminated(spec: Json) -> None:
    """`role` picks the message class, `type` the realtime event class (the mappings' being
    complete is the discriminator-mapping rule of `codegen validate`)."""
    schemas = spec["components"]["schemas"]
    for name, prop in (
        ("ChatCompletionMessageInput", "role"),
        ("RealtimeClientEvent", "type"),
        ("RealtimeServerEvent", "type"),
    ):
        assert schemas[name]["discriminator"]["propertyName"] == prop, name


def test_open_enums_accept_unknown_values() -> None:
    assert errors("ChatCompletionFinishReason", "insufficient_system_resource") == []
    assert errors("ChatCompletionFinishReason", "some_future_reason") == []
    assert errors("CompletionFinishReason", "some_future_reason") == []
    assert errors("BalanceInfo", {"currency": "EUR"}) == []


def test_model_is_an_open_string(spec: Json) -> None:
    for name in ("CreateChatCompletionRequest", "CreateCompletionRequest"):
        model = spec["components"]["schemas"][name]["properties"]["model"]
        assert model["type"] == "string"
        assert "enum" not in model
        assert model["examples"]


def test_realtime_extension_points_at_event_unions(spec: Json) -> None:
    realtime = spec["x-realtime"]
    assert realtime["path"] == "/realtime"
    for key in ("client_events", "server_events"):
        union = resolve(spec, {"$ref": realtime[key]})
        assert "oneOf" in union
        assert union["discriminator"]["propertyName"] == "type"


# ---------------------------------------------------------------- fact-sheet payloads

CHAT_REQUEST = {
    "model": "deepseek-chat",
    "messages": [
        {"role": "system", "content": "You are terse."},
        {"role": "user", "content": "Hi"},
    ],
    "max_tokens": 256,
    "temperature": 0.7,
    "stop": ["\n\n"],
    "response_format": {"type": "text"},
    "stream": False,
}

CHAT_RESPONSE = {
    "id": "3c1f0a52-9b1e-4f7e-8d0a-2a6b1c9e7d11",
    "object": "chat.completion",
    "created": 1748648834,
    "model": "deepseek-chat",
    "system_fingerprint": "fp_8802369eaa_prod0425fp8",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": "Hello! How can I help?"},
            "logprobs": None,
            "finish_reason": "stop",
        }
    ],
    "usage": {
        "prompt_tokens": 12,
        "completion_tokens": 7,
        "total_tokens": 19,
        "prompt_tokens_details": {"cached_tokens": 0},
        "prompt_cache_hit_tokens": 0,
        "prompt_cache_miss_tokens": 12,
        "completion_tokens_details": None,
    },
}

REASONER_TOOL_MESSAGE = {
    "role": "assistant",
    "content": None,
    "reasoning_content": "Need the weather; call the tool.",
    "tool_calls": [
        {
            "id": "call_00_9nLfpIQ6VO1JCaEsJcU8WZ",
            "type": "function",
            "function": {"name": "get_weather", "arguments": '{"city":"Hangzhou"}'},
        }
    ],
}

STREAM = """\
: keep-alive

data: {"id":"f437…","object":"chat.completion.chunk","created":1748648834,"model":"deepseek-chat","system_fingerprint":"fp_x","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}

data: {"id":"f437…","object":"chat.completion.chunk","created":1748648834,"model":"deepseek-chat","system_fingerprint":"fp_x","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_0_ab12","type":"function","function":{"name":"read_file","arguments":""}}]},"logprobs":null,"finish_reason":null}]}

data: {"id":"f437…","object":"chat.completion.chunk","created":1748648834,"model":"deepseek-chat","system_fingerprint":"fp_x","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"path\\":\\"a.txt\\"}"}}]},"logprobs":null,"finish_reason":null}]}

data: {"id":"f437…","object":"chat.completion.chunk","created":1748648834,"model":"deepseek-chat","system_fingerprint":"fp_x","choices":[{"index":0,"delta":{"content":""},"logprobs":null,"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":1716,"completion_tokens":21,"total_tokens":1737,"prompt_cache_hit_tokens":0,"prompt_cache_miss_tokens":1716}}

data: {"id":"f437…","object":"chat.completion.chunk","created":1748648834,"model":"deepseek-chat","choices":[],"usage":{"prompt_tokens":1716,"completion_tokens":21,"total_tokens":1737,"prompt_cache_hit_tokens":0,"prompt_cache_miss_tokens":1716}}

data: {"id":"r1","object":"chat.completion.chunk","created":1,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"role":null,"content":null,"reasoning_content":"Hmm"},"logprobs":null,"finish_reason":null}],"usage":null}

data: [DONE]
"""

FIM_REQUEST = {
    "model": "deepseek-chat",
    "prompt": "def fib(a):",
    "suffix": "    return fib(a-1) + fib(a-2)",
    "max_tokens": 128,
    "echo": False,
    "logprobs": 0,
    "stream": False,
}

FIM_RESPONSE = {
    "id": "5d0c…",
    "object": "text_completion",
    "created": 1748650000,
    "model": "deepseek-chat",
    "system_fingerprint": "fp_x",
    "choices": [
        {
            "index": 0,
            "text": "\n    if a <= 1:\n        return a\n",
            "logprobs": None,
            "finish_reason": "stop",
        }
    ],
    "usage": {
        "prompt_tokens": 14,
        "completion_tokens": 15,
        "total_tokens": 29,
        "prompt_cache_hit_tokens": 0,
        "prompt_cache_miss_tokens": 14,
    },
}

BALANCE = {
    "is_available": True,
    "balance_infos": [
        {
            "currency": "CNY",
            "total_balance": "110.00",
            "granted_balance": "10.00",
            "topped_up_balance": "100.00",
        }
    ],
}

ERROR = {
    "error": {
        "message": "Authentication Fails (no such user)",
        "type": "authentication_error",
        "param": None,
        "code": "invalid_request_error",
    }
}


def stream_chunks(text: str) -> list[Json]:
    """The JSON payloads of an SSE body, skipping comments and the `[DONE]` marker."""
    chunks: list[Json] = []
    for line in text.splitlines():
        if line.startswith("data:") and line[5:].strip() != "[DONE]":
            chunks.append(json.loads(line[5:]))
    return chunks


@pytest.mark.parametrize(
    ("schema_name", "payload"),
    [
        ("CreateChatCompletionRequest", CHAT_REQUEST),
        ("ChatCompletion", CHAT_RESPONSE),
        ("ChatCompletionMessage", REASONER_TOOL_MESSAGE),
        ("ChatCompletionMessageInput", REASONER_TOOL_MESSAGE),
        (
            "ChatCompletionMessageInput",
            {"role": "assistant", "content": "```python\n", "prefix": True},
        ),
        (
            "ChatCompletionMessageInput",
            {"role": "user", "content": [{"type": "text", "text": "Hi"}]},
        ),
        ("CreateCompletionRequest", FIM_REQUEST),
        ("Completion", FIM_RESPONSE),
        ("UserBalance", BALANCE),
        ("UserBalance", {}),
        ("ErrorResponse", ERROR),
        ("ErrorResponse", {"error": {"message": "Insufficient Balance", "type": "unknown_error"}}),
        ("RouteNotFoundError", {"error_msg": "Not Found. Please check the configuration."}),
        (
            "ModelList",
            {
                "object": "list",
                "data": [{"id": "deepseek-chat", "object": "model", "owned_by": "deepseek"}],
            },
        ),
        (
            "RealtimeServerEvent",
            {
                "event_id": "e1",
                "type": "response.text.delta",
                "response_id": "r",
                "item_id": "i",
                "output_index": 0,
                "content_index": 0,
                "delta": "Hi",
            },
        ),
        (
            "RealtimeClientEvent",
            {
                "type": "session.update",
                "session": {"modalities": ["text"], "instructions": "Be brief."},
            },
        ),
    ],
)
def test_fact_sheet_payloads_are_accepted(schema_name: str, payload: object) -> None:
    assert errors(schema_name, payload) == []


def test_fact_sheet_stream_chunks_are_accepted() -> None:
    chunks = stream_chunks(STREAM)
    assert len(chunks) == 6
    for chunk in chunks:
        assert errors("ChatCompletionChunk", chunk) == []


@pytest.mark.parametrize(
    ("schema_name", "payload"),
    [
        ("ChatCompletionMessageInput", {"role": "developer", "content": "Be nice."}),
        ("ChatCompletionMessageInput", {"role": "tool", "content": "42"}),
        (
            "ChatCompletionMessageInput",
            {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "x"}}]},
        ),
        (
            "ChatCompletionMessageInput",
            {"role": "system", "content": [{"type": "text", "text": "x"}]},
        ),
        ("CreateChatCompletionRequest", {"model": "deepseek-chat", "messages": []}),
        ("CreateChatCompletionRequest", {**CHAT_REQUEST, "stop": ["x"] * 17}),
        ("CreateChatCompletionRequest", {**CHAT_REQUEST, "top_logprobs": 21}),
        ("CreateChatCompletionRequest", {**CHAT_REQUEST, "tool_choice": "sometimes"}),
        (
            "CreateChatCompletionRequest",
            {**CHAT_REQUEST, "response_format": {"type": "json_schema"}},
        ),
        ("CreateChatCompletionRequest", {**CHAT_REQUEST, "thinking": {"type": "on"}}),
        ("CreateChatCompletionRequest", {**CHAT_REQUEST, "user_id": "no spaces allowed"}),
        ("ChatCompletionTool", {"type": "function", "function": {"name": "bad name!"}}),
        ("CompletionUsage", {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}),
    ],
)
def test_invalid_payloads_are_rejected(schema_name: str, payload: object) -> None:
    assert errors(schema_name, payload) != []


def test_nullable_fields_use_type_arrays(spec: Json) -> None:
    schemas = spec["components"]["schemas"]
    assert schemas["ChatCompletionMessage"]["properties"]["content"]["type"] == ["string", "null"]
    assert schemas["ChatCompletionAssistantMessage"]["properties"]["content"]["type"] == [
        "string",
        "null",
    ]
    assert "content" not in schemas["ChatCompletionAssistantMessage"]["required"]
    assert errors("ChatCompletionChunk", {**stream_chunks(STREAM)[0], "usage": None}) == []
