"""Traps of OpenAI's spec, reproduced in a small inline spec (runs without ../shared/specs).

- `/audio/speech` answers audio bytes or, when a *body field* asks for it, an event stream:
  with no boolean `stream` parameter to choose, the method returns a binary response.
- `/videos/{id}/content` answers bytes, or a JSON string: also binary.
- `/responses?beta=true` is a path of its own: `beta=true` goes out with the other parameters.
- `openai-beta` is an array header: comma-separated, not `str(list)`.
- `DELETE` without a response body still gives `with_raw_response` the raw response.
- `webhooks:` are not operations: no method, no warning.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import httpx2
import pytest

from codegen.config import Config
from codegen.lower import lower
from codegen.render import render

JSON_OK = {
    "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}
}
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Traps", "version": "1"},
    "servers": [{"url": "https://traps.test/v1"}],
    "paths": {
        "/speech": {
            "post": {
                "operationId": "speak",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object",
                    "required": ["input"],
                    "properties": {
                        "input": {"type": "string"},
                        "stream_format": {"type": "string", "enum": ["sse", "audio"], "default": "audio"},
                    },
                }}}},
                "responses": {"200": {"description": "audio", "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
                    "text/event-stream": {"schema": {"type": "object", "properties": {"type": {"type": "string"}}}},
                }}},
            }
        },
        "/videos/{video_id}/content": {
            "get": {
                "operationId": "downloadVideo",
                "parameters": [{"name": "video_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "bytes", "content": {
                    "video/mp4": {"schema": {"type": "string", "format": "binary"}},
                    "application/json": {"schema": {"type": "string"}},
                }}},
            }
        },
        "/things/{thing_id}?beta=true": {
            "get": {
                "operationId": "getBetaThing",
                "parameters": [
                    {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "include", "in": "query", "schema": {"type": "string"}},
                    {"name": "openai-beta", "in": "header", "schema": {"type": "array", "items": {"type": "string"}}},
                ],
                "responses": JSON_OK,
            },
            "delete": {
                "operationId": "deleteBetaThing",
                "parameters": [{"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "deleted"}},
            },
        },
    },
    "webhooks": {
        "thing_done": {"post": {"requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
                                "responses": {"200": {"description": "ok"}}}},
    },
}  # fmt: skip


def _lowered() -> tuple[Any, list[Any]]:
    return lower(SimpleNamespace(document=SPEC), Config())


@pytest.fixture(scope="module")
def traps(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    api, _ = _lowered()
    root: Path = tmp_path_factory.mktemp("traps")
    for relative, text in render(api).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(api.package)
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.split(".")[0] == api.package]:
            del sys.modules[name]


def _client(sdk: ModuleType, seen: list[httpx2.Request], response: httpx2.Response) -> Any:
    def handler(request: httpx2.Request) -> httpx2.Response:
        request.read()
        seen.append(request)
        return response

    transport = httpx2.MockTransport(handler)
    return sdk.Traps(
        base_url="http://traps.test/v1", http_client=httpx2.Client(transport=transport)
    )


def test_lowering_warns_only_about_the_genuinely_ambiguous_responses() -> None:
    api, diagnostics = _lowered()
    methods = {(m.http_method, m.path): m for r in api.resources for m in r.methods}
    assert len(methods) == 4  # the webhook is not an operation
    # A binary-or-JSON-string answer is not ambiguous: the call's Accept asks for the bytes.
    assert [(d.level, d.pointer) for d in diagnostics] == [("warning", "#/paths/~1speech/post")]
    assert all("binary response" in d.message for d in diagnostics)


def test_binary_wins_over_an_event_stream_chosen_by_a_body_field(traps: ModuleType) -> None:
    seen: list[httpx2.Request] = []
    client = _client(traps, seen, httpx2.Response(200, content=b"ID3audio"))
    audio = client.speech.create(input="Hello")
    assert type(audio).__name__ == "BinaryAPIResponse" and audio.content == b"ID3audio"
    assert json.loads(seen[0].content) == {"input": "Hello"}


def test_binary_wins_over_a_json_string(traps: ModuleType) -> None:
    seen: list[httpx2.Request] = []
    client = _client(traps, seen, httpx2.Response(200, content=b"\x00\x00\x00\x18ftypmp42"))
    video = client.videos.content.retrieve("video_1")
    assert video.content == b"\x00\x00\x00\x18ftypmp42"
    assert seen[0].headers["Accept"] == "video/mp4"
    client.videos.content.retrieve("video_1", extra_headers={"Accept": "*/*"})
    assert seen[1].headers["Accept"] == "*/*"


def test_query_written_in_the_path_and_array_headers(traps: ModuleType) -> None:
    seen: list[httpx2.Request] = []
    client = _client(traps, seen, httpx2.Response(200, json={}))
    client.things.retrieve("t1", include="all", openai_beta=["a=v1", "b=v2"])
    assert seen[0].url.path == "/v1/things/t1"
    assert dict(seen[0].url.params) == {"beta": "true", "include": "all"}
    assert seen[0].headers["openai-beta"] == "a=v1,b=v2"


def test_raw_response_of_a_method_returning_nothing(traps: ModuleType) -> None:
    seen: list[httpx2.Request] = []
    client = _client(traps, seen, httpx2.Response(200, headers={"x-request-id": "req_1"}))
    assert client.things.delete("t1") is None
    raw = client.things.with_raw_response.delete("t1")
    assert raw.status_code == 200 and raw.request_id == "req_1"
    assert raw.parse() is None
    assert [r.url.params.get("beta") for r in seen] == ["true", "true"]
