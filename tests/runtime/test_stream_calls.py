"""`stream=True` calls and lazily read bodies through the client: the `Accept` header, 2xx
answers that are not event streams, and the deadline over a `with_streaming_response` body."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx2
import pytest
from _runtime_support import API_KEY, Api, FakeClock
from things_sdk._exceptions import APIError, APIResponseValidationError, APITimeoutError
from things_sdk._streaming import AsyncStream, Stream

EVENTS = b'data: {"id": "c", "delta": "x"}\n\ndata: [DONE]\n\n'
THING = {"id": "t1", "name": "n"}


def answer(content: bytes, content_type: str | None) -> Any:
    headers = {"content-type": content_type} if content_type else {}

    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, content=content, headers=headers)

    return handler


SSE_ANSWER = answer(EVENTS, "text/event-stream")
JSON_ANSWER = answer(json.dumps(THING).encode(), "application/json")


async def read_streamed(api: Api, manager: Any) -> bytes:
    """Enter a `with_streaming_response` manager and read the whole body."""
    if api.is_async:
        async with manager as response:
            return await response.read()  # type: ignore[no-any-return]
    with manager as response:
        return response.read()  # type: ignore[no-any-return]


# -- Accept ----------------------------------------------------------------------------------


async def test_stream_calls_ask_for_an_event_stream(api: Api) -> None:
    client = api.client(SSE_ANSWER)
    await api.collect(await api.run(client.things.generate(stream=True)))
    assert api.requests[0].headers.get_list("accept") == ["text/event-stream"]


async def test_other_calls_ask_for_json(api: Api) -> None:
    client = api.client(JSON_ANSWER)
    await api.run(client.things.generate(stream=False))
    await api.run(client.things.create(name="n"))
    await read_streamed(api, client.things.with_streaming_response.create(name="n"))
    assert [r.headers["accept"] for r in api.requests] == ["application/json"] * 3


@pytest.mark.parametrize("where", ["client", "call"])
async def test_an_accept_header_set_by_the_user_wins(api: Api, where: str) -> None:
    if where == "client":
        client = api.client(SSE_ANSWER, default_headers={"accept": "application/x-ndjson"})
        stream = await api.run(client.things.generate(stream=True))
        expected = "application/x-ndjson"
    else:
        client = api.client(SSE_ANSWER)
        expected = "text/event-stream, application/json"
        stream = await api.run(
            client.things.generate(stream=True, extra_headers={"ACCEPT": expected})
        )
    await api.collect(stream)
    assert api.requests[0].headers.get_list("accept") == [expected]


async def test_a_method_with_only_an_event_stream_always_streams(api: Api) -> None:
    chunk = {"id": "c", "object": "chunk", "created": 1, "model": "m", "choices": []}
    client = api.client(answer(b"data: " + json.dumps(chunk).encode() + b"\n\n", None))
    messages = [{"role": "user", "content": "hi"}]
    stream = await api.run(client.chat.completions.create(messages=messages))
    assert isinstance(stream, AsyncStream if api.is_async else Stream)
    assert [c.to_dict() for c in await api.collect(stream)] == [chunk]
    assert api.requests[0].headers["accept"] == "text/event-stream"
    assert json.loads(api.requests[0].content) == {"messages": messages}  # no `stream` flag


# -- a 2xx that is not an event stream -------------------------------------------------------


async def test_json_error_instead_of_a_stream_raises_api_error(api: Api) -> None:
    error = {"message": "Insufficient Balance", "type": "unknown_error", "code": "quota"}
    client = api.client(answer(json.dumps({"error": error}).encode(), "application/json"))
    with pytest.raises(APIError) as info:
        await api.run(client.things.generate(stream=True))
    assert type(info.value) is APIError
    assert info.value.message == "Insufficient Balance" and info.value.body == error
    assert (info.value.status_code, info.value.code) == (200, "quota")
    assert info.value.response is not None and info.value.response.is_closed


@pytest.mark.parametrize(
    ("content", "content_type", "excerpt"),
    [
        (json.dumps({"id": "t1", "choices": []}).encode(), "application/json", '{"id": "t1"'),
        (b"<html><body>Gateway says hi</body></html>", "text/html; charset=utf-8", "Gateway"),
        (b"", "application/json", "(empty body)"),
    ],
    ids=["full json response", "html", "empty"],
)
async def test_other_answers_instead_of_a_stream_raise_a_validation_error(
    api: Api, content: bytes, content_type: str, excerpt: str
) -> None:
    client = api.client(answer(content, content_type))
    with pytest.raises(APIResponseValidationError, match="did not stream") as info:
        await api.run(client.things.generate(stream=True))
    message = str(info.value)
    assert repr(content_type) in message and "text/event-stream" in message
    assert excerpt in message and info.value.status_code == 200
    if content_type == "application/json" and content:
        assert info.value.body == json.loads(content)
    assert len(api.requests) == 1  # not retried


async def test_not_streamed_error_hides_the_api_key(api: Api) -> None:
    client = api.client(answer(f"echo: Bearer {API_KEY}".encode(), "text/plain"))
    with pytest.raises(APIResponseValidationError) as info:
        await api.run(client.things.generate(stream=True))
    assert API_KEY not in str(info.value) and API_KEY not in str(info.value.body)


async def test_raw_response_of_a_stream_call_raises_on_parse(api: Api) -> None:
    client = api.client(JSON_ANSWER)
    raw = await api.run(client.things.with_raw_response.generate(stream=True))
    assert raw.status_code == 200 and await api.run(raw.json()) == THING
    with pytest.raises(APIResponseValidationError, match="did not stream"):
        await api.run(raw.parse())


async def test_a_stream_without_content_type_is_read_as_a_stream(api: Api) -> None:
    client = api.client(answer(EVENTS, None))
    stream = await api.run(client.things.generate(stream=True))
    assert isinstance(stream, AsyncStream if api.is_async else Stream)
    assert [c.delta for c in await api.collect(stream)] == ["x"]


# -- the deadline over a body read later -----------------------------------------------------


class SlowBody(httpx2.SyncByteStream, httpx2.AsyncByteStream):
    """A body whose chunks each take `seconds` on the fake clock."""

    def __init__(self, clock: FakeClock, chunks: list[bytes], seconds: float) -> None:
        self.clock = clock
        self.chunks = chunks
        self.seconds = seconds

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.clock.advance(self.seconds)
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            self.clock.advance(self.seconds)
            yield chunk


def slow_json(api: Api, seconds: float) -> Any:
    def handler(request: httpx2.Request) -> httpx2.Response:
        pieces = [b"\n", b"\n", json.dumps(THING).encode()]
        headers = {"content-type": "application/json"}
        return httpx2.Response(200, stream=SlowBody(api.clock, pieces, seconds), headers=headers)

    return handler


async def test_deadline_bounds_a_body_read_after_the_call_returns(api: Api) -> None:
    client = api.client(slow_json(api, seconds=2.0))
    manager = client.things.with_streaming_response.create(name="n", deadline=5.0)
    with pytest.raises(APITimeoutError, match="deadline exceeded while reading the response body"):
        await read_streamed(api, manager)


async def test_a_body_read_within_the_deadline_is_whole(api: Api) -> None:
    client = api.client(slow_json(api, seconds=1.0))
    body = await read_streamed(api, client.things.with_streaming_response.create(name="n"))
    assert json.loads(body) == THING
    body = await read_streamed(
        api, client.things.with_streaming_response.create(name="n", deadline=10.0)
    )
    assert json.loads(body) == THING
