"""`Stream` / `AsyncStream` (`_streaming.py`) over scripted bodies and a loopback server, yielding
the generated `ChatCompletionChunk`: every test runs once per mode via `harness`."""

import json
import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import httpx2
import pydantic
import pytest
from _stream_support import Harness, LoopbackSSEServer, Pause, ScriptedBody
from things_sdk import _streaming
from things_sdk._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    SDKError,
    StreamConsumedError,
    StreamError,
)
from things_sdk._sse import SSEDecodeError
from things_sdk.types import ChatCompletionChunk


@pytest.fixture(params=["sync", "async"])
def harness(request: pytest.FixtureRequest) -> Harness:
    return Harness(is_async=request.param == "async")


def chunk(choices: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "deepseek-chat",
        "choices": choices,
        **extra,
    }


def delta(index: int = 0, finish_reason: str | None = None, **fields: Any) -> dict[str, Any]:
    return {"index": index, "delta": fields, "finish_reason": finish_reason}


def sse(payload: dict[str, Any] | str, *, space: bool = True) -> bytes:
    data = payload if isinstance(payload, str) else json.dumps(payload)
    return f"data:{' ' if space else ''}{data}\n\n".encode()


DONE = b"data: [DONE]\n\n"


def split_every(raw: bytes, size: int) -> list[bytes]:
    return [raw[i : i + size] for i in range(0, len(raw), size)]


# -- the happy paths -------------------------------------------------------------------------


async def test_reasoning_then_content_with_keep_alives(harness: Harness) -> None:
    raw = b"".join(
        [
            b": keep-alive\n\n",
            b"\n\n",
            sse(chunk([delta(role="assistant", content=None, reasoning_content="")])),
            sse(chunk([delta(reasoning_content="Let me ")]), space=False),
            b": keep-alive\r\n\r\n",
            sse(chunk([delta(reasoning_content="think.")])),
            sse(chunk([delta(content="Hel")])),
            b"\n",
            sse(chunk([delta(content="lo \u00e9\u20ac")])),
            sse(chunk([delta(content="", finish_reason="stop")])),
            DONE,
        ]
    )
    body = ScriptedBody(split_every(raw, 7))  # odd chunk boundaries, multibyte chars split
    stream = await harness.open_mock(body, ChatCompletionChunk, headers={"x-request-id": "req-1"})

    items = await harness.collect(stream)

    assert all(isinstance(item, ChatCompletionChunk) for item in items)
    reasoning = "".join(i.choices[0].delta.reasoning_content or "" for i in items)
    content = "".join(i.choices[0].delta.content or "" for i in items)
    assert (reasoning, content) == ("Let me think.", "Hello \u00e9\u20ac")
    assert items[-1].choices[0].finish_reason == "stop"
    assert stream.request_id == stream._request_id == "req-1"
    assert stream.response.headers["content-type"] == "text/event-stream"
    assert stream.response.is_closed and body.exhausted


async def test_tool_call_argument_fragments(harness: Harness) -> None:
    first = {
        "index": 0,
        "id": "call_1",
        "type": "function",
        "function": {"name": "get_weather", "arguments": ""},
    }
    pieces = ['{"loc', 'ation": "Hang', 'zhou"}']
    raw = sse(chunk([delta(role="assistant", tool_calls=[first])]))
    raw += b"".join(
        sse(chunk([delta(tool_calls=[{"index": 0, "function": {"arguments": p}}])])) for p in pieces
    )
    raw += sse(chunk([delta(finish_reason="tool_calls")])) + DONE
    stream = await harness.open_mock(ScriptedBody([raw]), ChatCompletionChunk)

    items = await harness.collect(stream)

    calls = [call for item in items for call in item.choices[0].delta.tool_calls or []]
    assert calls[0].id == "call_1" and calls[0].function.name == "get_weather"
    arguments = "".join(call.function.arguments for call in calls if call.index == 0)
    assert json.loads(arguments) == {"location": "Hangzhou"}
    assert items[-1].choices[0].finish_reason == "tool_calls"


async def test_usage_only_final_chunk(harness: Harness) -> None:
    usage = {
        "prompt_tokens": 5,
        "completion_tokens": 2,
        "total_tokens": 7,
        "prompt_cache_hit_tokens": 0,
    }
    raw = sse(chunk([delta(content="hi")], usage=None))
    raw += sse(chunk([delta(content="", finish_reason="stop")], usage=None))
    raw += sse(chunk([], usage=usage)) + DONE
    stream = await harness.open_mock(ScriptedBody([raw]), ChatCompletionChunk)

    items = await harness.collect(stream)

    assert [len(item.choices) for item in items] == [1, 1, 0]
    assert items[-1].usage.total_tokens == 7
    assert items[-1].usage.prompt_cache_hit_tokens == 0  # unknown fields are kept


async def test_events_without_data_are_skipped(harness: Harness) -> None:
    raw = b"event: ping\n\nretry: 3000\n\nid: 4\n\ndata:\n\ndata:  \n\n"
    raw += sse(chunk([delta(content="x")])) + DONE
    stream = await harness.open_mock(ScriptedBody([raw]), ChatCompletionChunk)

    items = await harness.collect(stream)

    assert [item.choices[0].delta.content for item in items] == ["x"]


async def test_stream_without_done_or_final_blank_line(harness: Harness) -> None:
    raw = sse(chunk([delta(content="a")])) + sse(chunk([delta(content="b")]))[:-1]  # one "\n" short
    stream = await harness.open_mock(ScriptedBody([raw]), ChatCompletionChunk)

    items = await harness.collect(stream)

    assert [item.choices[0].delta.content for item in items] == ["a", "b"]
    assert stream.response.is_closed


async def test_untyped_cast_to_uses_a_type_adapter(harness: Harness) -> None:
    raw = sse({"a": 1}) + sse({"a": 2}) + DONE
    stream = await harness.open_mock(ScriptedBody([raw]), dict[str, int])

    assert await harness.collect(stream) == [{"a": 1}, {"a": 2}]


# -- [DONE] and releasing the connection -----------------------------------------------------


async def test_done_drains_the_small_remainder(harness: Harness) -> None:
    after_done = [b": trailing comment\n\n", sse(chunk([delta(content="ignored")])), b""]
    body = ScriptedBody([sse(chunk([delta(content="a")])), DONE, *after_done])
    stream = await harness.open_mock(body, ChatCompletionChunk)

    items = await harness.collect(stream)

    assert [item.choices[0].delta.content for item in items] == ["a"]
    assert body.exhausted and stream.response.is_closed


async def test_done_with_a_large_remainder_closes_instead(harness: Harness) -> None:
    limit = _streaming._DRAIN_LIMIT
    garbage = [b": " + b"x" * 1022 + b"\n"] * (limit // 1024 + 8)
    body = ScriptedBody([DONE, *garbage])
    stream = await harness.open_mock(body, ChatCompletionChunk)

    assert await harness.collect(stream) == []
    assert not body.exhausted and body.closed and stream.response.is_closed
    assert body.sent < len(body.steps)


async def test_done_then_transport_error_is_not_raised(harness: Harness) -> None:
    body = ScriptedBody([sse(chunk([delta(content="a")])), DONE, httpx2.ReadError("reset")])
    stream = await harness.open_mock(body, ChatCompletionChunk)

    items = await harness.collect(stream)

    assert len(items) == 1 and stream.response.is_closed


async def test_break_then_close_releases_immediately(harness: Harness) -> None:
    body = ScriptedBody([sse(chunk([delta(content=str(i))])) for i in range(50)] + [DONE])
    stream = await harness.open_mock(body, ChatCompletionChunk)

    items = await harness.collect(stream, limit=2)
    assert not stream.response.is_closed  # a break alone leaves the stream resumable
    await harness.close(stream)

    assert len(items) == 2
    assert stream.response.is_closed and body.closed and not body.exhausted
    assert await harness.next_item(stream) is None  # iteration has ended
    await harness.close(stream)  # idempotent
    with pytest.raises(StreamConsumedError, match="already been consumed"):
        await harness.iterate_again(stream)


async def test_resume_after_break_then_iterating_again_fails(harness: Harness) -> None:
    body = ScriptedBody([sse(chunk([delta(content=str(i))])) for i in range(4)] + [DONE])
    stream = await harness.open_mock(body, ChatCompletionChunk)

    first = await harness.collect(stream, limit=1)
    second = await harness.next_item(stream)
    rest = await harness.collect(stream)

    assert [i.choices[0].delta.content for i in [*first, second, *rest]] == ["0", "1", "2", "3"]
    assert await harness.next_item(stream) is None
    with pytest.raises(StreamConsumedError, match="iterated only once") as info:
        await harness.iterate_again(stream)
    assert isinstance(info.value, RuntimeError)  # also what a plain `except RuntimeError` catches
    assert isinstance(info.value, SDKError)


async def test_leaving_with_block_closes(harness: Harness) -> None:
    body = ScriptedBody([sse(chunk([delta(content=str(i))])) for i in range(10)] + [DONE])
    stream = await harness.open_mock(body, ChatCompletionChunk)

    items = await harness.enter_exit(stream, limit=3)

    assert len(items) == 3 and stream.response.is_closed and body.closed


async def test_close_before_iterating(harness: Harness) -> None:
    body = ScriptedBody([sse(chunk([delta(content="a")])), DONE])
    stream = await harness.open_mock(body, ChatCompletionChunk)

    await harness.close(stream)

    assert stream.response.is_closed and body.sent == 0
    with pytest.raises(StreamConsumedError):
        await harness.iterate_again(stream)


# -- errors inside the stream ----------------------------------------------------------------


async def test_error_payload_mid_stream(harness: Harness) -> None:
    error = {
        "message": "Content Exists Risk",
        "type": "invalid_request_error",
        "code": "invalid_request_error",
    }
    body = ScriptedBody(
        [sse(chunk([delta(content="a")])), sse({"error": error}), sse(chunk([delta(content="b")]))]
    )
    stream = await harness.open_mock(body, ChatCompletionChunk, headers={"x-request-id": "req-9"})

    items, exc = await harness.collect_until_error(stream)

    assert len(items) == 1
    assert type(exc) is APIError
    assert exc.message == "Content Exists Risk" and exc.body == error
    assert (exc.status_code, exc.request_id, exc.type) == (200, "req-9", "invalid_request_error")
    assert stream.response.is_closed


async def test_error_event_mid_stream(harness: Harness) -> None:
    body = ScriptedBody(
        [
            sse(chunk([delta(content="a")])),
            b'event: error\ndata: {"error": {"message": "overloaded"}}\n\n',
        ]
    )
    stream = await harness.open_mock(body, ChatCompletionChunk)

    items, exc = await harness.collect_until_error(stream)

    assert len(items) == 1 and isinstance(exc, APIError)
    assert exc.message == "overloaded" and exc.body == {"message": "overloaded"}


@pytest.mark.parametrize(
    ("raw", "message", "body"),
    [
        (b"event: error\ndata: upstream went away\n\n", "upstream went away", "upstream went away"),
        (b"event: error\ndata:\n\n", "An error occurred during streaming", ""),
        (b'data: {"error": "quota"}\n\n', "quota", "quota"),
        (
            b'data: {"error": {"code": 500}}\n\n',
            "An error occurred during streaming",
            {"code": 500},
        ),
    ],
    ids=["plain text error event", "empty error event", "string error", "error without message"],
)
async def test_error_shapes(harness: Harness, raw: bytes, message: str, body: object) -> None:
    stream = await harness.open_mock(ScriptedBody([raw]), ChatCompletionChunk)

    _, exc = await harness.collect_until_error(stream)

    assert isinstance(exc, APIError)
    assert (exc.message, exc.body) == (message, body)


async def test_falsy_error_key_is_data(harness: Harness) -> None:
    raw = (
        sse(chunk([delta(content="a")], error=None))
        + sse(chunk([delta(content='say "error"')]))
        + DONE
    )
    stream = await harness.open_mock(ScriptedBody([raw]), ChatCompletionChunk)

    items = await harness.collect(stream)

    assert [i.choices[0].delta.content for i in items] == ["a", 'say "error"']


@pytest.mark.parametrize(
    "bad",
    [b'data: {"id": "c1", "choices": [\n\n', b'data: {"error": \n\n', b"data: not json\n\n"],
    ids=["truncated", "truncated with error key", "not json"],
)
async def test_malformed_json_is_a_stream_error(harness: Harness, bad: bytes) -> None:
    body = ScriptedBody([b": keep-alive\n\n", sse(chunk([delta(content="a")])), bad])
    stream = await harness.open_mock(body, ChatCompletionChunk)

    items, exc = await harness.collect_until_error(stream)

    assert len(items) == 1
    assert isinstance(exc, StreamError)
    assert not isinstance(exc, json.JSONDecodeError)
    assert "line 5" in str(exc) and repr(bad[6:-2].decode())[:20] in str(exc)
    assert stream.response.is_closed


async def test_invalid_utf8_is_a_stream_error(harness: Harness) -> None:
    body = ScriptedBody([sse(chunk([delta(content="a")])), b"data: \xff\xfe\n\n"])
    stream = await harness.open_mock(body, ChatCompletionChunk)

    items, exc = await harness.collect_until_error(stream)

    assert len(items) == 1 and isinstance(exc, StreamError)
    assert "line 3" in str(exc) and isinstance(exc.__cause__, SSEDecodeError)


async def test_schema_mismatch_builds_the_chunk_leniently_by_default(harness: Harness) -> None:
    good = chunk([delta(content="a")])
    raw = sse(good) + b'data: {"id": "c2", "choices": "nope", "x": 1}\n\n' + sse(good)
    stream = await harness.open_mock(ScriptedBody([raw]), ChatCompletionChunk)

    items = await harness.collect(stream)

    assert [type(item) for item in items] == [ChatCompletionChunk] * 3
    assert items[1].id == "c2" and items[1].choices == "nope" and items[1].x == 1
    assert items[0].choices[0].delta.content == "a" == items[2].choices[0].delta.content


async def test_schema_mismatch_is_a_validation_error_when_strict(harness: Harness) -> None:
    raw = b'data: {"id": "c1", "choices": "nope"}\n\n'
    strict = SimpleNamespace(_strict_response_validation=True)
    stream = await harness.open_mock(ScriptedBody([raw]), ChatCompletionChunk, client=strict)

    _, exc = await harness.collect_until_error(stream)

    assert isinstance(exc, APIResponseValidationError)
    assert exc.body == raw[6:-2].decode() and "line 1" in str(exc)
    assert isinstance(exc.__cause__, pydantic.ValidationError)


# -- transport failures, timeouts ------------------------------------------------------------


async def test_transport_error_mid_stream(harness: Harness) -> None:
    body = ScriptedBody(
        [sse(chunk([delta(content="a")])), httpx2.RemoteProtocolError("peer closed connection")]
    )
    stream = await harness.open_mock(body, ChatCompletionChunk)

    items, exc = await harness.collect_until_error(stream)

    assert len(items) == 1
    assert type(exc) is APIConnectionError and "peer closed" in str(exc)
    assert isinstance(exc.__cause__, httpx2.RemoteProtocolError)
    assert stream.response.is_closed


async def test_read_timeout_mid_stream(harness: Harness) -> None:
    body = ScriptedBody([sse(chunk([delta(content="a")])), httpx2.ReadTimeout("timed out")])
    stream = await harness.open_mock(body, ChatCompletionChunk)

    items, exc = await harness.collect_until_error(stream)

    assert len(items) == 1 and isinstance(exc, APITimeoutError)
    assert isinstance(exc.__cause__, httpx2.ReadTimeout) and str(exc) == "Request timed out."


def keep_alives_forever(seconds_apart: float, count: int = 500) -> list[Any]:
    return [step for _ in range(count) for step in (b": keep-alive\n\n", Pause(seconds_apart))]


async def test_deadline_stops_endless_keep_alives(harness: Harness) -> None:
    body = ScriptedBody([sse(chunk([delta(content="a")])), *keep_alives_forever(0.01)])
    stream = await harness.open_mock(body, ChatCompletionChunk, deadline=time.monotonic() + 0.2)

    items, exc = await harness.collect_until_error(stream)

    # (No item when the process stalled past the deadline before the first read: also right.)
    assert len(items) <= 1 and isinstance(exc, APITimeoutError)
    assert not body.exhausted and stream.response.is_closed


async def test_transport_error_after_the_deadline_is_a_deadline_timeout(harness: Harness) -> None:
    # Sync: the base client's watchdog cuts the socket at the deadline, so the read fails with a
    # transport error; async: the read is cut by the stream itself. Both report the deadline.
    body = ScriptedBody(
        [sse(chunk([delta(content="a")])), Pause(0.3), httpx2.ReadError("socket shut down")]
    )
    stream = await harness.open_mock(body, ChatCompletionChunk, deadline=time.monotonic() + 0.1)

    items, exc = await harness.collect_until_error(stream)

    # (No item when the process stalled past the deadline before the first read: also right.)
    assert len(items) <= 1 and isinstance(exc, APITimeoutError)
    assert "deadline" in str(exc)


async def test_deadline_uses_the_client_clock(harness: Harness) -> None:
    raw = sse(chunk([delta(content="a")])) + DONE
    client = SimpleNamespace(_clock=lambda: 1000.0)

    ok = await harness.open_mock(
        ScriptedBody([raw]), ChatCompletionChunk, client=client, deadline=1000.5
    )
    assert len(await harness.collect(ok)) == 1

    late = await harness.open_mock(
        ScriptedBody([raw]), ChatCompletionChunk, client=client, deadline=999.5
    )
    _, exc = await harness.collect_until_error(late)
    assert isinstance(exc, APITimeoutError) and "deadline" in str(exc)


@pytest.fixture
def sse_server() -> Iterator[LoopbackSSEServer]:
    done = sse(chunk([delta(content="a")])) + DONE
    scripts = {
        "/chat": [sse(chunk([delta(role="assistant")])), done],
        "/stall": [sse(chunk([delta(content="a")])), Pause(10)],
        "/keep-alive": [sse(chunk([delta(content="a")])), *keep_alives_forever(0.05, count=100)],
    }
    with LoopbackSSEServer(scripts) as server:
        yield server


async def test_idle_timeout_with_a_larger_read_timeout(
    harness: Harness, sse_server: LoopbackSSEServer
) -> None:
    http = harness.http_client()
    try:
        client = SimpleNamespace(_idle_timeout=0.3)
        stream = await harness.open_url(
            http, sse_server.url + "/stall", ChatCompletionChunk, client
        )
        items, exc = await harness.collect_until_error(stream)
    finally:
        await harness.close_http(http)

    assert len(items) == 1 and isinstance(exc, APITimeoutError)
    assert "idle timeout" in str(exc) and "0.3 s" in str(exc)
    assert stream.response.is_closed


async def test_keep_alives_reset_the_idle_timer(
    harness: Harness, sse_server: LoopbackSSEServer
) -> None:
    http = harness.http_client()
    try:
        client = SimpleNamespace(_idle_timeout=5.0)
        deadline = time.monotonic() + 0.6
        stream = await harness.open_url(
            http, sse_server.url + "/keep-alive", ChatCompletionChunk, client, deadline
        )
        items, exc = await harness.collect_until_error(stream)
    finally:
        await harness.close_http(http)

    # Keep-alives every 50 ms never trip the 5 s idle timeout; only the deadline ends the stream
    # (before the first chunk only if the process stalled for the whole 0.6 s).
    assert len(items) <= 1 and isinstance(exc, APITimeoutError)
    assert "deadline" in str(exc)


async def test_connection_is_reused_after_done(
    harness: Harness, sse_server: LoopbackSSEServer
) -> None:
    http = harness.http_client()
    try:
        for _ in range(3):
            stream = await harness.open_url(
                http, sse_server.url + "/chat", ChatCompletionChunk, None
            )
            assert len(await harness.collect(stream)) == 2
    finally:
        await harness.close_http(http)

    assert sse_server.connections == 1


# -- the stream class as a type --------------------------------------------------------------


def test_chunk_type_from_subscripted_stream_classes() -> None:
    chunk_cls = ChatCompletionChunk

    class ChatStream(_streaming.Stream[chunk_cls]):  # type: ignore[misc,name-defined]
        pass

    class Deeper(ChatStream):
        pass

    for stream_cls in (
        _streaming.Stream[chunk_cls],
        _streaming.AsyncStream[chunk_cls],
        ChatStream,
        Deeper,
    ):
        assert _streaming.extract_stream_chunk_type(stream_cls) is chunk_cls
    with pytest.raises(TypeError, match="Stream\\[Chunk\\]"):
        _streaming.extract_stream_chunk_type(_streaming.Stream)
