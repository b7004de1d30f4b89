"""Every generated method, sync and async, against Steady serving spec/openapi.yaml.

Steady validates each request against the spec (a bad body gets a 400 and `x-steady-error-*`
headers; smaller problems are only reported in those headers), so these tests check that the SDK
sends what the spec says and parses what the spec allows. Each method is called three ways:
directly, through `with_raw_response` and through `with_streaming_response`.

Streaming (`stream=True`) is only checked for the request side and the chunk models here:
Steady sends SSE only when `Accept` lists `text/event-stream` first and ends streams with
`event: done` instead of `data: [DONE]`; stream behaviour is tested on the scripted server.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx2
import pydantic
import pytest
from _e2e_support import Sdk, steady_problems
from deepseek_sdk import APIStatusError, AsyncStream, Stream
from deepseek_sdk._exceptions import PaginationError
from deepseek_sdk._pagination import AsyncCursorPage, AsyncPage, SyncCursorPage, SyncPage
from deepseek_sdk._response import AsyncBinaryAPIResponse, BinaryAPIResponse
from deepseek_sdk.types import ChatCompletion, ChatCompletionChunk
from deepseek_sdk.types.completions import Completion, CompletionChunk
from deepseek_sdk.types.files import FileDeleted, FileObject
from deepseek_sdk.types.fine_tuning import FineTuningJob, FineTuningJobEvent
from deepseek_sdk.types.models import Model
from deepseek_sdk.types.user import UserBalance

MESSAGES = [
    {"role": "system", "content": "You are terse."},
    {"role": "user", "content": "Say this is a test"},
]
WEATHER_TOOL: dict[str, Any] = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather for a city.",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}},
            "required": ["city"],
        },
    },
}
TOOL_ROUND_TRIP = [
    {"role": "user", "content": "Weather in Hangzhou?"},
    {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "get_weather", "arguments": '{"city": "Hangzhou"}'},
            }
        ],
    },
    {"role": "tool", "tool_call_id": "call_1", "content": '{"celsius": 21}'},
]


def check_chat(completion: ChatCompletion) -> None:
    """Generated data: `usage` is optional in the spec, so Steady may leave it out."""
    assert completion.choices, "a chat completion has at least one choice"
    assert completion.choices[0].message.role == "assistant"
    if completion.usage is not None:
        assert isinstance(completion.usage.prompt_cache_hit_tokens, int)


def check_chat_example(completion: ChatCompletion) -> None:
    """The spec's example response: DeepSeek's cache fields are typed and filled in."""
    check_chat(completion)
    assert completion.choices[0].message.content == "Hello! How can I help?"
    assert completion.usage is not None
    assert completion.usage.prompt_cache_hit_tokens == 0
    assert completion.usage.prompt_cache_miss_tokens == completion.usage.prompt_tokens


def check_fim(completion: Completion) -> None:
    assert completion.object == "text_completion"
    assert isinstance(completion.choices[0].text, str)


def check_balance(balance: UserBalance) -> None:
    assert isinstance(balance.is_available, bool)
    assert balance.balance_infos and isinstance(balance.balance_infos[0].total_balance, str)


@dataclass(frozen=True)
class Case:
    """One generated method and valid arguments for it."""

    id: str
    method: str
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    returns: type[Any] | None = None
    """The model the call returns (`None` for pages and binary bodies)."""
    page_item: type[Any] | None = None
    cursor: bool = False
    binary: bool = False
    check: Callable[[Any], None] | None = None


CASES = [
    Case(
        "chat",
        "chat.completions.create",
        kwargs={
            "model": "deepseek-chat",
            "messages": MESSAGES,
            "frequency_penalty": 0.5,
            "presence_penalty": 0.0,
            "max_tokens": 256,
            "response_format": {"type": "text"},
            "stop": ["\n\n"],
            "stream": False,
            "temperature": 0.7,
            "top_p": 1.0,
            "logprobs": True,
            "top_logprobs": 2,
            "user_id": "user_42",
        },
        returns=ChatCompletion,
        check=check_chat_example,
    ),
    Case(
        "chat-thinking",
        "chat.completions.create",
        kwargs={
            "model": "deepseek-reasoner",
            "messages": [{"role": "user", "content": "9.11 or 9.8?"}],
            "thinking": {"type": "enabled"},
            "reasoning_effort": "high",
            "response_format": {"type": "json_object"},
        },
        returns=ChatCompletion,
        check=check_chat,
    ),
    Case(
        "chat-tools",
        "chat.completions.create",
        kwargs={
            "model": "deepseek-chat",
            "messages": TOOL_ROUND_TRIP,
            "tools": [WEATHER_TOOL],
            "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
            "stop": "END",
        },
        returns=ChatCompletion,
        check=check_chat,
    ),
    Case(
        "beta-chat-prefix",
        "beta.chat.completions.create",
        kwargs={
            "model": "deepseek-chat",
            "messages": [
                {"role": "user", "content": "Write quicksort in Python"},
                {"role": "assistant", "content": "```python\n", "prefix": True},
            ],
            "stop": ["```"],
            "tools": [{**WEATHER_TOOL, "function": {**WEATHER_TOOL["function"], "strict": True}}],
            "tool_choice": "none",
        },
        returns=ChatCompletion,
        check=check_chat,
    ),
    Case(
        "fim",
        "completions.create",
        kwargs={
            "model": "deepseek-chat",
            "prompt": "def fib(a):",
            "suffix": "    return fib(a-1) + fib(a-2)",
            "max_tokens": 128,
            "echo": False,
            "logprobs": 2,
            "stop": ["\n\n"],
            "temperature": 0.0,
        },
        returns=Completion,
        check=check_fim,
    ),
    Case("models-list", "models.list", page_item=Model),
    Case("models-retrieve", "models.retrieve", args=("deepseek-chat",), returns=Model),
    Case("balance", "user.balance", returns=UserBalance, check=check_balance),
    Case(
        "files-create",
        "files.create",
        kwargs={
            "file": ("input.jsonl", b'{"prompt": "a", "completion": "b"}\n', "application/jsonl"),
            "purpose": "fine-tune",
        },
        returns=FileObject,
    ),
    Case(
        "files-list",
        "files.list",
        kwargs={"purpose": "fine-tune", "after": "file-abc123", "limit": 2, "order": "desc"},
        page_item=FileObject,
        cursor=True,
    ),
    Case("files-retrieve", "files.retrieve", args=("file-abc123",), returns=FileObject),
    Case("files-delete", "files.delete", args=("file-abc123",), returns=FileDeleted),
    Case("files-content", "files.content", args=("file-abc123",), binary=True),
    Case(
        "jobs-create",
        "fine_tuning.jobs.create",
        kwargs={
            "model": "deepseek-chat",
            "training_file": "file-abc123",
            "validation_file": "file-def456",
            "hyperparameters": {
                "batch_size": "auto",
                "learning_rate_multiplier": 0.5,
                "n_epochs": 3,
            },
            "suffix": "custom",
            "seed": 42,
        },
        returns=FineTuningJob,
    ),
    Case(
        "jobs-list",
        "fine_tuning.jobs.list",
        kwargs={"after": "ftjob-abc123", "limit": 2},
        page_item=FineTuningJob,
        cursor=True,
    ),
    Case(
        "jobs-retrieve", "fine_tuning.jobs.retrieve", args=("ftjob-abc123",), returns=FineTuningJob
    ),
    Case("jobs-cancel", "fine_tuning.jobs.cancel", args=("ftjob-abc123",), returns=FineTuningJob),
    Case(
        "jobs-list-events",
        "fine_tuning.jobs.list_events",
        args=("ftjob-abc123",),
        kwargs={"after": "ftevent-abc123", "limit": 2},
        page_item=FineTuningJobEvent,
        cursor=True,
    ),
]
STREAM_CASES: dict[str, type[pydantic.BaseModel]] = {
    "chat.completions.create": ChatCompletionChunk,
    "beta.chat.completions.create": ChatCompletionChunk,
    "completions.create": CompletionChunk,
}
case_params = pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])


class SteadyLog:
    """Every response Steady sent during a test, and what it said about the requests."""

    def __init__(self) -> None:
        self.responses: list[httpx2.Response] = []

    def assert_all_valid(self, expected: int | None = None) -> None:
        assert self.responses, "no request reached the mock server"
        if expected is not None:
            assert len(self.responses) == expected
        for response in self.responses:
            request = response.request
            problems = steady_problems(response.headers)
            assert not problems, f"{request.method} {request.url}: {problems}"
            assert response.headers.get("x-steady-request-valid") == "true"
            assert request.headers["authorization"] == "Bearer sk-test"


@pytest.fixture
def steady() -> SteadyLog:
    return SteadyLog()


@pytest.fixture
def mock_sdk(sdk_factory: Callable[..., Sdk], mock_server: str, steady: SteadyLog) -> Sdk:
    """A client on Steady that records every response and never retries."""
    return sdk_factory(mock_server, on_response=steady.responses.append, max_retries=0)


async def checked(sdk: Sdk, value: Any) -> Any:
    """Await/return `value`; a Steady validation 400 fails the test with Steady's reasons."""
    try:
        return await sdk.call(value)
    except APIStatusError as exc:
        pytest.fail(f"{exc} -- Steady says: {steady_problems(exc.headers)}")


async def check_result(sdk: Sdk, case: Case, result: Any) -> None:
    """`result` is what `case.method` should return, parsed into the right types."""
    if case.binary:
        assert isinstance(result, AsyncBinaryAPIResponse if sdk.is_async else BinaryAPIResponse)
        content = await sdk.call(result.read())
        assert isinstance(content, bytes) and content
        assert result.headers["content-type"].startswith("application/octet-stream")
        return
    if case.page_item is not None:
        if case.cursor:
            page_cls: type[Any] = AsyncCursorPage if sdk.is_async else SyncCursorPage
        else:
            page_cls = AsyncPage if sdk.is_async else SyncPage
        assert isinstance(result, page_cls)
        assert result.data, "Steady returns one item per list by default"
        assert all(isinstance(item, case.page_item) for item in result.data)
        return
    assert case.returns is not None
    assert isinstance(result, case.returns)
    if case.check is not None:
        case.check(result)


@case_params
async def test_direct_call(mock_sdk: Sdk, steady: SteadyLog, case: Case) -> None:
    method = mock_sdk.resolve(case.method)
    result = await checked(mock_sdk, method(*case.args, **case.kwargs))
    await check_result(mock_sdk, case, result)
    steady.assert_all_valid(expected=1)


@case_params
async def test_with_raw_response(mock_sdk: Sdk, steady: SteadyLog, case: Case) -> None:
    method = mock_sdk.resolve(case.method, via="with_raw_response")
    response = await checked(mock_sdk, method(*case.args, **case.kwargs))
    assert response.status_code == 200
    assert response.retries_taken == 0
    assert response.headers["x-steady-matched-path"]
    assert response.http_request.headers["authorization"] == "Bearer sk-test"
    assert response.request_id is None  # Steady sends neither x-request-id nor x-ds-trace-id
    parsed = await mock_sdk.call(response.parse())
    await check_result(mock_sdk, case, parsed)
    assert await mock_sdk.call(response.parse()) is parsed, "parse() is cached"
    steady.assert_all_valid(expected=1)


@case_params
async def test_with_streaming_response(mock_sdk: Sdk, steady: SteadyLog, case: Case) -> None:
    method = mock_sdk.resolve(case.method, via="with_streaming_response")
    manager = method(*case.args, **case.kwargs)
    try:
        async with mock_sdk.enter(manager) as response:
            assert response.status_code == 200
            if case.binary:
                chunks = await mock_sdk.collect(response.iter_bytes())
                assert b"".join(chunks)
            else:
                await check_result(mock_sdk, case, await mock_sdk.call(response.parse()))
    except APIStatusError as exc:
        pytest.fail(f"{exc} -- Steady says: {steady_problems(exc.headers)}")
    assert response.is_closed
    steady.assert_all_valid(expected=1)


STREAM_METHOD_CASES = [c for c in CASES if c.method in STREAM_CASES and c.id != "chat-thinking"]


@pytest.mark.parametrize("case", STREAM_METHOD_CASES, ids=[c.id for c in STREAM_METHOD_CASES])
async def test_stream_request_validates(mock_sdk: Sdk, steady: SteadyLog, case: Case) -> None:
    """`stream=True` bodies (with `stream_options`) match the spec; the result is a stream."""
    kwargs = {**case.kwargs, "stream": True, "stream_options": {"include_usage": True}}
    kwargs.pop("logprobs", None)
    kwargs.pop("top_logprobs", None)
    method = mock_sdk.resolve(case.method, via="with_raw_response")
    response = await checked(mock_sdk, method(*case.args, **kwargs))
    assert json.loads(response.http_request.content)["stream"] is True
    stream = await mock_sdk.call(response.parse())
    assert isinstance(stream, AsyncStream if mock_sdk.is_async else Stream)
    await mock_sdk.call(stream.close())
    steady.assert_all_valid(expected=1)


@pytest.mark.parametrize("method", sorted(STREAM_CASES))
async def test_stream_chunks_match_spec(mock_sdk: Sdk, steady: SteadyLog, method: str) -> None:
    """The chunk models accept the chunks Steady generates from the spec's stream schema."""
    case = next(c for c in STREAM_METHOD_CASES if c.method == method)
    kwargs = {
        **case.kwargs,
        "stream": True,
        "extra_headers": {"Accept": "text/event-stream", "X-Steady-Stream-Count": "3"},
    }
    chunk_cls = STREAM_CASES[method]
    events: list[tuple[str, str]] = []
    async with mock_sdk.enter(
        mock_sdk.resolve(method, via="with_streaming_response")(**kwargs)
    ) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        name = "message"
        for line in await mock_sdk.collect(response.iter_lines()):
            if line.startswith("event:"):
                name = line.partition(":")[2].strip()
            elif line.startswith("data:"):
                events.append((name, line.partition(":")[2].strip()))
    chunks = [chunk_cls.model_validate_json(data) for name, data in events if name == "message"]
    assert len(chunks) == 3
    steady.assert_all_valid(expected=1)


PAGED_CASES = [c for c in CASES if c.cursor]


@pytest.mark.parametrize("seed", [None, "4"], ids=["seed-default", "seed-4-has-more"])
@pytest.mark.parametrize("case", PAGED_CASES, ids=[c.id for c in PAGED_CASES])
async def test_pagination_walk_with_page_cap(
    mock_sdk: Sdk, steady: SteadyLog, case: Case, seed: str | None
) -> None:
    """Walk a cursor list page by page; Steady repeats the same page, so cap the walk.

    With the default seed Steady says `has_more: false` (one page); with seed 4 it says `true`
    forever while returning the same items, so the SDK must stop on the repeated cursor
    (`PaginationError`) instead of requesting the same page again and again.
    """
    kwargs = {k: v for k, v in case.kwargs.items() if k != "after"}
    if seed is not None:
        kwargs["extra_headers"] = {"X-Steady-Seed": seed}
    page = await checked(mock_sdk, mock_sdk.resolve(case.method)(*case.args, **kwargs))
    pages = [page]
    stopped_by_guard = False
    while len(pages) < 5 and page.has_next_page():
        try:
            page = await checked(mock_sdk, page.get_next_page())
        except PaginationError:
            stopped_by_guard = True
            break
        pages.append(page)
    assert len(pages) < 5, "the walk over a repeating page must stop by itself"
    if seed is None:
        assert len(pages) == 1 and pages[0].has_more is False
    else:
        assert pages[0].has_more is True and stopped_by_guard and len(pages) == 2
    requests = [r.request for r in steady.responses]
    assert "after" not in requests[0].url.params
    for previous, request in zip(pages[:-1], requests[1:], strict=True):
        assert request.url.params["after"] == previous.data[-1].id
        assert request.url.params["limit"] == "2"
        assert request.headers.get("x-steady-seed") == seed
    steady.assert_all_valid(expected=len(pages))


@pytest.mark.parametrize("case", PAGED_CASES, ids=[c.id for c in PAGED_CASES])
async def test_auto_pagination_iteration_stops(mock_sdk: Sdk, case: Case) -> None:
    """`for item in client.x.list()` over Steady's endless identical pages ends with
    `PaginationError` after two pages instead of looping forever."""
    kwargs = {k: v for k, v in case.kwargs.items() if k != "after"}
    kwargs["extra_headers"] = {"X-Steady-Seed": "4"}
    with pytest.raises(PaginationError, match="same cursor"):
        await mock_sdk.collect(mock_sdk.resolve(case.method)(*case.args, **kwargs), limit=100)


def models_renaming_object() -> list[str]:
    """Response models whose wire field `object` is not reachable as `.object`."""
    import importlib
    import pkgutil

    import deepseek_sdk.types as types_package

    found = []
    for info in pkgutil.walk_packages(types_package.__path__, "deepseek_sdk.types."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if not (isinstance(value, type) and issubclass(value, pydantic.BaseModel)):
                continue
            for name, field_info in value.model_fields.items():
                if field_info.alias == "object" and name != "object":
                    found.append(f"{value.__name__}.{name}")
    return sorted(set(found))


def test_wire_field_object_is_reachable_as_object() -> None:
    """openai-python code reads `.object` on every response model; ours must too."""
    assert models_renaming_object() == []
