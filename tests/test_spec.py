"""Checks on spec/openapi.yaml: it is valid OpenAPI 3.1, follows our house rules, and accepts the
payloads of the DeepSeek fact sheet (and rejects a few it must not)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
from openapi_spec_validator import validate
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SPEC_PATH = Path(__file__).resolve().parent.parent / "spec" / "openapi.yaml"
SPEC_URI = "urn:deepseek-openapi"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")
ERROR_STATUSES = ("400", "401", "402", "422", "429", "500", "503", "default")
UNDOCUMENTED = {
    "retrieveModel",
    "createFile",
    "listFiles",
    "retrieveFile",
    "deleteFile",
    "retrieveFileContent",
    "createFineTuningJob",
    "listFineTuningJobs",
    "retrieveFineTuningJob",
    "cancelFineTuningJob",
    "listFineTuningJobEvents",
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


def walk(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Yield (json-pointer-ish path, node) for every node of a YAML tree, not entering example
    values (they are payloads, not spec)."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in ("example", "examples"):
                yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}/{index}")


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


# ---------------------------------------------------------------- structure and house rules


def test_spec_is_valid_openapi_3_1(spec: Json) -> None:
    assert spec["openapi"] == "3.1.0"
    validate(spec)


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses duplicate mapping keys (PyYAML keeps the last one silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        duplicates = {key for key in keys if keys.count(key) > 1}
        if duplicates:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate keys {sorted(map(str, duplicates))}", node.start_mark
            )
        return super().construct_mapping(node, deep=deep)


def test_yaml_has_no_duplicate_keys() -> None:
    with SPEC_PATH.open(encoding="utf-8") as fh:
        assert yaml.load(fh, Loader=_UniqueKeyLoader) == load_spec()


def test_info_servers_and_security(spec: Json) -> None:
    assert {"title", "version", "description"} <= spec["info"].keys()
    assert spec["servers"][0]["url"] == "https://api.deepseek.com"
    assert spec["security"] == [{"bearerAuth": []}]
    scheme = spec["components"]["securitySchemes"]["bearerAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")


def test_every_operation_is_documented(spec: Json) -> None:
    declared_tags = {tag["name"] for tag in spec["tags"]}
    seen_ids: set[str] = set()
    for method, path, op in operations(spec):
        where = f"{method} {path}"
        for key in ("operationId", "summary", "description"):
            assert op.get(key), f"{where} lacks {key}"
        assert op["operationId"] not in seen_ids, f"duplicate operationId at {where}"
        seen_ids.add(op["operationId"])
        assert op.get("tags"), f"{where} has no tags"
        assert set(op["tags"]) <= declared_tags, f"{where} uses an undeclared tag"


def test_expected_operations(spec: Json) -> None:
    found = {f"{method} {path}": op["operationId"] for method, path, op in operations(spec)}
    assert found == {
        "POST /chat/completions": "createChatCompletion",
        "POST /beta/chat/completions": "createBetaChatCompletion",
        "POST /beta/completions": "createCompletion",
        "GET /models": "listModels",
        "GET /models/{model}": "retrieveModel",
        "GET /user/balance": "getUserBalance",
        "POST /files": "createFile",
        "GET /files": "listFiles",
        "GET /files/{file_id}": "retrieveFile",
        "DELETE /files/{file_id}": "deleteFile",
        "GET /files/{file_id}/content": "retrieveFileContent",
        "POST /fine_tuning/jobs": "createFineTuningJob",
        "GET /fine_tuning/jobs": "listFineTuningJobs",
        "GET /fine_tuning/jobs/{fine_tuning_job_id}": "retrieveFineTuningJob",
        "POST /fine_tuning/jobs/{fine_tuning_job_id}/cancel": "cancelFineTuningJob",
        "GET /fine_tuning/jobs/{fine_tuning_job_id}/events": "listFineTuningJobEvents",
    }


def test_undocumented_operations_are_marked(spec: Json) -> None:
    for method, path, op in operations(spec):
        marked = op.get("x-deepseek-availability") == "undocumented"
        assert marked == (op["operationId"] in UNDOCUMENTED), f"{method} {path}"
        if marked:
            assert "not in deepseek's documentation" in op["description"].lower()


def test_every_operation_declares_the_error_responses(spec: Json) -> None:
    for method, path, op in operations(spec):
        for status in ERROR_STATUSES:
            response = op["responses"].get(status)
            assert response is not None, f"{method} {path} lacks {status}"
            assert response["$ref"].startswith("#/components/responses/")
            body = resolve(spec, response)["content"]["application/json"]["schema"]
            refs = [body] if "$ref" in body else body["anyOf"]
            assert {"$ref": "#/components/schemas/ErrorResponse"} in refs


def test_every_component_schema_and_property_has_a_description(spec: Json) -> None:
    schemas = spec["components"]["schemas"]
    for name, schema in schemas.items():
        assert schema.get("description"), f"schema {name} has no description"
    for where, node in walk(schemas, "#/components/schemas"):
        if not isinstance(node, dict) or not isinstance(node.get("properties"), dict):
            continue
        for prop, prop_schema in node["properties"].items():
            described = prop_schema.get("description") or (
                "$ref" in prop_schema and resolve(spec, prop_schema).get("description")
            )
            assert described, f"{where}/properties/{prop} has no description"


def test_no_openapi_3_0_nullable_keyword(spec: Json) -> None:
    offenders = [
        where
        for where, node in walk(spec)
        if isinstance(node, dict) and "nullable" in node and not where.endswith("/properties")
    ]
    assert offenders == []


def test_response_schemas_never_close_additional_properties(spec: Json) -> None:
    """Unknown fields from the server must be kept, so no response schema may forbid them."""
    pending: list[Json] = []
    for _, _, op in operations(spec):
        for response in op["responses"].values():
            for media in resolve(spec, response).get("content", {}).values():
                pending.append(media["schema"])
    seen: set[int] = set()
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        node = resolve(spec, node)
        assert node.get("additionalProperties", True) is not False, node.get("description")
        for _, child in walk(node):
            if isinstance(child, dict) and "$ref" in child:
                pending.append(child)


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


def test_discriminated_unions_have_complete_mappings(spec: Json) -> None:
    schemas = spec["components"]["schemas"]
    unions = {name: s for name, s in schemas.items() if "discriminator" in s}
    assert {"ChatCompletionMessageInput", "RealtimeClientEvent", "RealtimeServerEvent"} <= set(
        unions
    )
    for name, union in unions.items():
        prop = union["discriminator"]["propertyName"]
        mapping = union["discriminator"]["mapping"]
        assert sorted(mapping.values()) == sorted(v["$ref"] for v in union["oneOf"]), name
        for value, ref in mapping.items():
            variant = resolve(spec, {"$ref": ref})
            assert prop in variant["required"], ref
            assert variant["properties"][prop]["const"] == value, ref


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


def test_media_type_examples_match_their_schemas(spec: Json) -> None:
    checked = 0
    for where, node in walk(spec):
        if not (isinstance(node, dict) and "schema" in node and "examples" in node):
            continue
        schema = node["schema"]
        assert "$ref" in schema, where
        name = schema["$ref"].rsplit("/", 1)[1]
        for example_name, example in node["examples"].items():
            problems = errors(name, resolve(spec, example)["value"])
            assert problems == [], f"{where}/examples/{example_name}: {problems}"
            checked += 1
    assert checked >= 8


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
