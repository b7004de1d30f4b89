"""Helpers on `client.beta.chat.completions` use the Beta path (prefix completion, strict tools)."""

from __future__ import annotations

import json

import httpx2
from deepseek_sdk import DeepSeek

COMPLETION = {
    "id": "c1",
    "object": "chat.completion",
    "created": 1,
    "model": "deepseek-chat",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": '{"a": 1}'},
            "logprobs": None,
            "finish_reason": "stop",
        }
    ],
}


def _client(paths: list[str]) -> DeepSeek:
    def handler(request: httpx2.Request) -> httpx2.Response:
        paths.append(request.url.path)
        return httpx2.Response(
            200,
            content=json.dumps(COMPLETION).encode(),
            headers={"content-type": "application/json"},
        )

    http = httpx2.Client(transport=httpx2.MockTransport(handler))
    return DeepSeek(api_key="sk-test", base_url="http://test", http_client=http)


def test_beta_helpers_send_to_the_beta_path_and_plain_ones_do_not() -> None:
    paths: list[str] = []
    client = _client(paths)
    messages = [{"role": "user", "content": "json please"}]
    client.beta.chat.completions.parse(
        model="deepseek-chat",
        messages=messages,  # type: ignore[arg-type]
        response_format={"type": "json_object"},
    )
    client.chat.completions.parse(
        model="deepseek-chat",
        messages=messages,  # type: ignore[arg-type]
        response_format={"type": "json_object"},
    )
    client.beta.chat.completions.run_tools(
        model="deepseek-chat",
        messages=messages,  # type: ignore[arg-type]
        tools=[],
    ).final_content()
    assert paths == ["/beta/chat/completions", "/chat/completions", "/beta/chat/completions"]
