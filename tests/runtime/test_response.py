"""Raw and streamed response wrappers, binary responses, `cast_to` forms and stream hand-off."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx2
import pytest
from _runtime_support import Api, LazyBody
from things_sdk._core import RESPONSE_MODE_HEADER
from things_sdk._exceptions import APIResponseValidationError, BadRequestError, InternalServerError
from things_sdk._response import (
    APIResponse,
    AsyncAPIResponse,
    AsyncBinaryAPIResponse,
    BinaryAPIResponse,
    parse_body,
)
from things_sdk._streaming import AsyncStream, Stream
from things_sdk.types import Thing, ThingDelta

THING = {"id": "t1", "name": "n"}


def ok(request: httpx2.Request) -> httpx2.Response:
    headers = {"x-request-id": "req-1", "content-type": "application/json"}
    return httpx2.Response(200, stream=LazyBody(json.dumps(THING).encode()), headers=headers)


def sse(*events: bytes) -> httpx2.Response:
    return httpx2.Response(
        200, stream=LazyBody(*events), headers={"content-type": "text/event-stream"}
    )


async def test_raw_response_reads_eagerly_and_parses_once(api: Api) -> None:
    client = api.client(ok)
    raw = await api.run(client.things.with_raw_response.create(name="n"))
    assert isinstance(raw, AsyncAPIResponse if api.is_async else APIResponse)
    assert raw.is_closed  # body already read
    assert (raw.status_code, raw.request_id, raw.method, raw.retries_taken) == (
        200,
        "req-1",
        "POST",
        0,
    )
    assert raw.url == "https://api.test/v1/things"
    assert raw.headers["content-type"] == "application/json"
    assert raw.http_request.headers["authorization"].startswith("Bearer ")
    assert raw.elapsed.total_seconds() >= 0
    parsed = await api.run(raw.parse())
    assert isinstance(parsed, Thing) and parsed._request_id == "req-1"
    assert await api.run(raw.parse()) is parsed
    assert await api.run(raw.json()) == THING
    assert json.loads(await api.run(raw.text())) == THING
    assert RESPONSE_MODE_HEADER.lower() not in {k.lower() for k in api.requests[0].headers}


async def test_raw_response_records_retries_taken(api: Api) -> None:
    codes = [503, 503]

    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(codes.pop()) if codes else ok(request)

    raw = await api.run(api.client(handler).things.with_raw_response.create(name="n"))
    assert raw.retries_taken == 2


async def test_streamed_response_is_lazy_and_closed_on_exit(api: Api) -> None:
    client = api.client(ok)
    manager = client.things.with_streaming_response.create(name="n")
    assert api.requests == []  # nothing sent until entered
    if api.is_async:
        async with manager as response:
            assert not response.is_closed
            chunks = [chunk async for chunk in response.iter_bytes()]
    else:
        with manager as response:
            assert not response.is_closed
            chunks = list(response.iter_bytes())
    assert json.loads(b"".join(chunks)) == THING
    assert response.is_closed


async def test_streamed_response_parse_reads_the_body(api: Api) -> None:
    client = api.client(ok)
    manager = client.things.with_streaming_response.create(name="n")
    if api.is_async:
        async with manager as response:
            thing = await response.parse()
    else:
        with manager as response:
            thing = response.parse()
    assert thing.id == "t1"
    assert response.is_closed


async def test_binary_response_eager_and_write_to_file(api: Api, tmp_path: Path) -> None:
    payload = bytes(range(256)) * 100
    client = api.client(
        lambda r: httpx2.Response(
            200, content=payload, headers={"content-type": "application/octet-stream"}
        )
    )
    binary = await api.run(client.files.content("file-1"))
    assert isinstance(binary, AsyncBinaryAPIResponse if api.is_async else BinaryAPIResponse)
    assert binary.content == payload
    assert binary.response.status_code == 200
    await api.run(binary.write_to_file(tmp_path / "out.bin"))
    assert (tmp_path / "out.bin").read_bytes() == payload
    assert api.requests[0].url.path == "/v1/files/file-1/content"


async def test_binary_response_streamed_in_chunks(api: Api, tmp_path: Path) -> None:
    pieces = [b"x" * 50_000] * 4
    client = api.client(lambda r: httpx2.Response(200, stream=LazyBody(*pieces)))
    manager = client.files.with_streaming_response.content("f")
    if api.is_async:
        async with manager as raw:
            binary = await raw.parse()
            assert not binary.response.is_stream_consumed
            await binary.write_to_file(tmp_path / "out.bin")
    else:
        with manager as raw:
            binary = raw.parse()
            assert not binary.response.is_stream_consumed
            binary.write_to_file(tmp_path / "out.bin")
    assert (tmp_path / "out.bin").stat().st_size == 200_000
    assert raw.is_closed


async def test_binary_iter_bytes_chunk_size(api: Api) -> None:
    client = api.client(lambda r: httpx2.Response(200, stream=LazyBody(b"y" * 150_000)))
    binary = await api.run(client.files.content("f"))
    sizes = await api.collect(binary.iter_bytes(65536))
    assert [len(s) for s in sizes] == [65536, 65536, 18928]


async def test_stream_call_hands_an_open_response_to_the_stream_class(api: Api) -> None:
    body = (
        b'data: {"id": "c", "delta": "he"}\n\ndata: {"id": "c", "delta": "llo"}\n\ndata: [DONE]\n\n'
    )
    client = api.client(
        lambda r: httpx2.Response(200, content=body, headers={"content-type": "text/event-stream"})
    )
    stream = await api.run(client.things.generate(stream=True))
    assert isinstance(stream, AsyncStream if api.is_async else Stream)
    chunks = await api.collect(stream)
    assert [c.delta for c in chunks] == ["he", "llo"] and all(
        isinstance(c, ThingDelta) for c in chunks
    )
    assert stream.response.is_closed
    assert json.loads(api.requests[0].content) == {"stream": True}


async def test_stream_call_with_error_status_raises_with_the_body(api: Api) -> None:
    error = {"error": {"message": "Model Not Exist", "type": "invalid_request_error"}}
    client = api.client(lambda r: httpx2.Response(400, json=error))
    with pytest.raises(BadRequestError, match="Error code: 400 - Model Not Exist") as info:
        await api.run(client.things.generate(stream=True))
    assert info.value.body == error["error"]


async def test_stream_call_retries_5xx_before_the_stream_opens(api: Api) -> None:
    codes = [503]

    def handler(request: httpx2.Request) -> httpx2.Response:
        if codes:
            return httpx2.Response(codes.pop())
        return httpx2.Response(200, content=b'data: {"id": "c", "delta": "x"}\n\ndata: [DONE]\n\n')

    stream = await api.run(api.client(handler).things.generate(stream=True))
    assert [c.delta for c in await api.collect(stream)] == ["x"]
    assert len(api.requests) == 2


async def test_raw_response_of_a_stream_call_parses_to_the_stream(api: Api) -> None:
    client = api.client(lambda r: sse(b'data: {"id": "c", "delta": "x"}\n\n', b"data: [DONE]\n\n"))
    raw = await api.run(client.things.with_raw_response.generate(stream=True))
    assert not raw.is_closed
    stream = await api.run(raw.parse())
    assert [c.delta for c in await api.collect(stream)] == ["x"]


async def test_non_stream_branch_of_a_stream_method(api: Api) -> None:
    client = api.client(ok)
    thing = await api.run(client.things.generate(stream=False))
    assert isinstance(thing, Thing)
    assert json.loads(api.requests[0].content) == {"stream": False}


async def test_errors_on_raw_calls_still_raise(api: Api) -> None:
    client = api.client(lambda r: httpx2.Response(500, text="boom"))
    with pytest.raises(InternalServerError, match="Error code: 500 - boom"):
        await api.run(client.with_options(max_retries=0).things.with_raw_response.create(name="n"))


def _response(content: bytes) -> httpx2.Response:
    return httpx2.Response(
        200, content=content, request=httpx2.Request("GET", "https://api.test/x")
    )


@pytest.mark.parametrize(
    ("cast_to", "content", "expected"),
    [
        (dict, b'{"a": 1}', {"a": 1}),
        (object, b"[1, 2]", [1, 2]),
        (str, "héllo".encode(), "héllo"),
        (bytes, b"\x00\x01", b"\x00\x01"),
        (type(None), b"ignored", None),
        (None, b"", None),
        (list[int], b" \n[1, 2]", [1, 2]),
        (dict[str, int], b'{"a": 1}', {"a": 1}),
        (int | str, b'"x"', "x"),
    ],
)
def test_parse_body_cast_to_forms(cast_to: Any, content: bytes, expected: object) -> None:
    assert parse_body(cast_to, _response(content)) == expected


def test_parse_body_list_of_models_and_raw_response() -> None:
    things = parse_body(list[Thing], _response(b'[{"id": "a"}, {"id": "b"}]'))
    assert [t.id for t in things] == ["a", "b"]
    response = _response(b"{}")
    assert parse_body(httpx2.Response, response) is response


@pytest.mark.parametrize(
    ("cast_to", "content"), [(list[int], b'["x"]'), (dict, b"not json"), (Thing, b"")]
)
def test_parse_body_mismatch_is_a_validation_error_when_strict(
    cast_to: Any, content: bytes
) -> None:
    with pytest.raises(APIResponseValidationError) as info:
        parse_body(cast_to, _response(content), strict=True)
    assert info.value.status_code == 200
