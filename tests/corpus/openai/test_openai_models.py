"""Real-looking OpenAI responses through the generated models and client, both ways.

Each body is shaped like what api.openai.com sends (nulls included: the spec's 3.0-style
`nullable: true` flags inside the 3.1 document must be honoured). Parsing and `to_dict()` give
back exactly the JSON that came in.
"""

from __future__ import annotations

import copy
import importlib
import json
from types import ModuleType
from typing import Any

import httpx2
import pytest
from _openai_support import json_response, mock_client, sse_response

pytestmark = pytest.mark.openai_spec

CHAT_COMPLETION: dict[str, Any] = {
    "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
    "object": "chat.completion",
    "created": 1741570283,
    "model": "gpt-4o-2024-08-06",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": None,
                "refusal": None,
                "tool_calls": [
                    {
                        "id": "call_DdmO9pD3xa9XTPNJ32zg2hcA",
                        "type": "function",
                        "function": {"name": "get_weather", "arguments": '{"city":"Boston"}'},
                    }
                ],
                "annotations": [],
            },
            "logprobs": None,
            "finish_reason": "tool_calls",
        }
    ],
    "usage": {
        "prompt_tokens": 82,
        "completion_tokens": 17,
        "total_tokens": 99,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {
            "reasoning_tokens": 0,
            "audio_tokens": 0,
            "accepted_prediction_tokens": 0,
            "rejected_prediction_tokens": 0,
        },
    },
    "service_tier": "default",
    "system_fingerprint": "fp_fc9f1d7035",
}


def _chunk(delta: dict[str, Any], finish_reason: str | None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-123",
        "object": "chat.completion.chunk",
        "created": 1694268190,
        "model": "gpt-4o-mini",
        "system_fingerprint": "fp_44709d6fcb",
        "service_tier": "default",
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}],
        "usage": None,
    }


CHUNKS: list[dict[str, Any]] = [
    _chunk({"role": "assistant", "content": "", "refusal": None}, None),
    _chunk({"content": "Hello"}, None),
    _chunk({"content": "!"}, None),
    _chunk({}, "stop"),
    {
        "id": "chatcmpl-123",
        "object": "chat.completion.chunk",
        "created": 1694268190,
        "model": "gpt-4o-mini",
        "system_fingerprint": "fp_44709d6fcb",
        "choices": [],
        "usage": {"prompt_tokens": 9, "completion_tokens": 2, "total_tokens": 11},
    },
]

RESPONSE: dict[str, Any] = {
    "id": "resp_67ccd3a9da748190baa7f1570fe91ac604becb25c45c1d41",
    "object": "response",
    "created_at": 1741476777,
    "status": "completed",
    "error": None,
    "incomplete_details": None,
    "instructions": None,
    "max_output_tokens": None,
    "model": "gpt-4o-2024-08-06",
    "output": [
        {
            "type": "reasoning",
            "id": "rs_67ccd3a9f9c48190a0e0dc44d1f1b1e0",
            "summary": [{"type": "summary_text", "text": "The user wants the weather."}],
        },
        {
            "type": "web_search_call",
            "id": "ws_67ccd3aa0ab08190b5b4e0f8b57c7d48",
            "status": "completed",
            "action": {"type": "search", "query": "weather in Boston"},
        },
        {
            "type": "function_call",
            "id": "fc_67ccd3aa2f4c8190b7bbd4a9c2e2a4f5",
            "call_id": "call_12345xyz",
            "name": "get_weather",
            "arguments": '{"location":"Boston, MA"}',
            "status": "completed",
        },
        {
            "type": "message",
            "id": "msg_67ccd3acc8d48190a77525dc6de64b4104becb25c45c1d41",
            "status": "completed",
            "role": "assistant",
            "content": [
                {
                    "type": "output_text",
                    "text": "It is 12°C and sunny in Boston.",
                    "annotations": [
                        {
                            "type": "url_citation",
                            "start_index": 0,
                            "end_index": 31,
                            "url": "https://weather.example/boston",
                            "title": "Boston weather",
                        }
                    ],
                    "logprobs": [],
                }
            ],
        },
        {
            "type": "hologram_call",
            "id": "hg_1",
            "status": "completed",
            "shape": {"sides": 12},
        },
    ],
    "parallel_tool_calls": True,
    "previous_response_id": None,
    "reasoning": {"effort": None, "summary": None},
    "store": True,
    "temperature": 1.0,
    "text": {"format": {"type": "text"}},
    "tool_choice": "auto",
    "tools": [],
    "top_p": 1.0,
    "truncation": "disabled",
    "usage": {
        "input_tokens": 328,
        "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
        "output_tokens": 52,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": 380,
    },
    "user": None,
    "metadata": {},
}


def _job(job_id: str, status: str) -> dict[str, Any]:
    return {
        "object": "fine_tuning.job",
        "id": job_id,
        "model": "gpt-4o-mini-2024-07-18",
        "created_at": 1721764800,
        "finished_at": None,
        "fine_tuned_model": None,
        "organization_id": "org-123",
        "result_files": [],
        "status": status,
        "validation_file": None,
        "training_file": "file-abc123",
        "hyperparameters": {"n_epochs": "auto", "batch_size": "auto"},
        "trained_tokens": None,
        "error": None,
        "seed": 683058546,
        "estimated_finish": None,
        "integrations": [],
        "metadata": {"key": "value"},
        "method": {
            "type": "supervised",
            "supervised": {
                "hyperparameters": {
                    "n_epochs": "auto",
                    "batch_size": "auto",
                    "learning_rate_multiplier": "auto",
                }
            },
        },
    }


def _types(sdk: ModuleType, module: str) -> ModuleType:
    return importlib.import_module(f"{sdk.__name__}.types.{module}")


def test_chat_completion_round_trips(openai_sdk: ModuleType) -> None:
    completion = _types(openai_sdk, "chat").ChatCompletion.model_validate(CHAT_COMPLETION)
    call = completion.choices[0].message.tool_calls[0]
    assert call.function.name == "get_weather"
    assert completion.choices[0].message.content is None
    assert completion.usage.completion_tokens_details.reasoning_tokens == 0
    assert completion.to_dict() == CHAT_COMPLETION


def test_chat_completion_through_the_client_sends_only_what_was_passed(
    openai_sdk: ModuleType,
) -> None:
    sent: list[dict[str, Any]] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        sent.append(json.loads(request.content))
        return json_response(CHAT_COMPLETION)

    client = mock_client(openai_sdk, handler)
    messages = [{"role": "user", "content": "What is the weather in Boston?"}]
    completion = client.chat.completions.create(model="gpt-4o", messages=messages)
    assert sent == [{"model": "gpt-4o", "messages": messages}]
    assert completion._request_id == "req_test"
    assert completion.to_dict() == CHAT_COMPLETION


def test_stream_chunks_with_null_finish_reason_and_usage_parse(openai_sdk: ModuleType) -> None:
    requests: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        requests.append(request)
        return sse_response(CHUNKS)

    client = mock_client(openai_sdk, handler)
    stream = client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}], stream=True
    )
    assert isinstance(stream, openai_sdk.Stream)
    chunks = list(stream)
    assert [c.to_dict() for c in chunks] == CHUNKS
    assert [c.choices[0].finish_reason for c in chunks[:4]] == [None, None, None, "stop"]
    assert all(c.usage is None for c in chunks[:4])
    assert chunks[-1].choices == [] and chunks[-1].usage.total_tokens == 11
    assert json.loads(requests[0].content)["stream"] is True


def test_response_output_is_a_discriminated_union_that_keeps_unknown_items(
    openai_sdk: ModuleType,
) -> None:
    types = importlib.import_module(f"{openai_sdk.__name__}.types")
    response = _types(openai_sdk, "responses").Response.model_validate(copy.deepcopy(RESPONSE))
    kinds = [type(item).__name__ for item in response.output]
    assert kinds[:4] == ["ReasoningItem", "WebSearchToolCall", "FunctionToolCall", "OutputMessage"]
    assert kinds[4].endswith("Unknown")  # a type this SDK version does not know
    assert response.output[4].type == "hologram_call"
    assert response.output[4].shape == {"sides": 12}
    assert isinstance(response.output[1].action, types.WebSearchActionSearch)
    text = response.output[3].content[0]
    assert isinstance(text, types.OutputTextContent)
    assert isinstance(text.annotations[0], types.UrlCitationBody)
    assert response.to_dict() == RESPONSE


def test_fine_tuning_job_pages_follow_the_cursor(openai_sdk: ModuleType) -> None:
    pages = {
        None: {"object": "list", "data": [_job("ftjob-1", "succeeded"), _job("ftjob-2", "failed")], "has_more": True},
        "ftjob-2": {"object": "list", "data": [_job("ftjob-3", "running")], "has_more": False},
    }  # fmt: skip
    seen: list[dict[str, str]] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        query = dict(request.url.params)
        seen.append(query)
        return json_response(pages[query.get("after")])

    client = mock_client(openai_sdk, handler)
    first = client.fine_tuning.jobs.list(limit=2)
    assert isinstance(
        first, importlib.import_module(f"{openai_sdk.__name__}._pagination").SyncCursorPage
    )
    assert [job.to_dict() for job in first.data] == pages[None]["data"]
    jobs = list(first)  # auto-pagination
    assert [job.id for job in jobs] == ["ftjob-1", "ftjob-2", "ftjob-3"]
    assert jobs[0].hyperparameters.n_epochs == "auto"
    assert seen == [{"limit": "2"}, {"limit": "2", "after": "ftjob-2"}]


async def test_async_client_pages_and_parses(openai_sdk: ModuleType) -> None:
    def handler(request: httpx2.Request) -> httpx2.Response:
        if request.url.path.endswith("/chat/completions"):
            return json_response(CHAT_COMPLETION)
        return json_response(
            {"object": "list", "data": [_job("ftjob-9", "queued")], "has_more": False}
        )

    client = mock_client(openai_sdk, handler, is_async=True)
    jobs = [job async for job in client.fine_tuning.jobs.list()]
    assert [job.status for job in jobs] == ["queued"]
    raw = await client.chat.completions.with_raw_response.create(
        model="gpt-4o", messages=[{"role": "user", "content": "hi"}]
    )
    assert raw.status_code == 200
    completion = await raw.parse()
    assert completion.to_dict() == CHAT_COMPLETION
    await client.close()
