"""Binary request bodies (`body=`) are streamed to the transport, never read whole into memory:
what the transport receives for a path, an open file, a list of chunks, a generator and an
async iterable, the `Content-Length` it carries when the size is known, and how a retry
replays the body (rewound, reopened) or is not attempted (a one-shot iterator). Runs on the
sync and the async client of `wire_sdk` (see test_wire_format.py)."""

from __future__ import annotations

import inspect
import io
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

MIB = 1024 * 1024


class Recorder:
    """A `Wire`/`AsyncWire` client whose transport records, per request, whether its body was
    a stream (not bytes held by the request), the size of each chunk and the bytes sent."""

    def __init__(self, is_async: bool, statuses: list[int], max_retries: int = 2) -> None:
        from wire_sdk import AsyncWire, Wire

        self.is_async = is_async
        self.statuses = statuses
        self.seen: list[dict[str, Any]] = []

        def record(request: httpx2.Request, chunks: list[bytes]) -> httpx2.Response:
            self.seen.append(
                {
                    "streamed": not isinstance(request.stream, httpx2.ByteStream),
                    "chunk_sizes": [len(c) for c in chunks],
                    "body": b"".join(chunks),
                    "headers": request.headers,
                }
            )
            status = self.statuses.pop(0) if self.statuses else 204
            return httpx2.Response(status, headers={"retry-after-ms": "1"})

        # Not httpx2.MockTransport: it reads the whole body before calling its handler.
        class Transport(httpx2.BaseTransport):
            def handle_request(self, request: httpx2.Request) -> httpx2.Response:
                assert isinstance(request.stream, httpx2.SyncByteStream)
                return record(request, list(request.stream))

        class AsyncTransport(httpx2.AsyncBaseTransport):
            async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
                assert isinstance(request.stream, httpx2.AsyncByteStream)
                return record(request, [chunk async for chunk in request.stream])

        if is_async:
            http: Any = httpx2.AsyncClient(transport=AsyncTransport())
            self.client: Any = AsyncWire(http_client=http, max_retries=max_retries)
        else:
            http = httpx2.Client(transport=Transport())
            self.client = Wire(http_client=http, max_retries=max_retries)

    async def upload(self, body: object) -> Any:
        result = self.client.blobs.update("k", body=body)
        return await result if inspect.isawaitable(result) else result


@pytest.fixture(params=["sync", "async"])
def is_async(request: pytest.FixtureRequest) -> bool:
    return bool(request.param == "async")


@pytest.fixture
def big_file(tmp_path: Path) -> Path:
    path = tmp_path / "big.bin"
    path.write_bytes(bytes(range(256)) * (4 * MIB // 256))
    return path


async def test_a_path_is_streamed_in_chunks_with_its_length(is_async: bool, big_file: Path) -> None:
    wire = Recorder(is_async, [])
    await wire.upload(big_file)
    (seen,) = wire.seen
    assert seen["streamed"]
    assert max(seen["chunk_sizes"]) <= 64 * 1024 and len(seen["chunk_sizes"]) >= 64
    assert seen["body"] == big_file.read_bytes()
    assert seen["headers"]["content-length"] == str(4 * MIB)
    assert "transfer-encoding" not in seen["headers"]
    assert seen["headers"]["content-type"] == "application/octet-stream"


async def test_a_retry_reopens_a_path_and_rewinds_a_file(is_async: bool, big_file: Path) -> None:
    wire = Recorder(is_async, [503, 503])
    await wire.upload(big_file)
    assert [s["body"] == big_file.read_bytes() for s in wire.seen] == [True] * 3

    wire = Recorder(is_async, [503])
    handle = io.BytesIO(b"skip:the rest")
    handle.seek(5)  # sent from where the file was when the call began, on every attempt
    await wire.upload(handle)
    assert [s["body"] for s in wire.seen] == [b"the rest"] * 2
    assert [s["headers"]["content-length"] for s in wire.seen] == ["8"] * 2
    assert all(s["streamed"] for s in wire.seen)

    wire = Recorder(is_async, [503])
    with big_file.open("rb") as disk:
        await wire.upload(disk)
        assert not disk.closed  # the caller's file stays open
    assert [len(s["body"]) for s in wire.seen] == [4 * MIB] * 2


async def test_a_list_of_chunks_is_sent_again_on_retry(is_async: bool) -> None:
    wire = Recorder(is_async, [503])
    await wire.upload([b"ab", bytearray(b"cd")])
    assert [s["body"] for s in wire.seen] == [b"abcd"] * 2
    assert wire.seen[0]["headers"]["transfer-encoding"] == "chunked"


async def test_a_generator_is_sent_once_and_not_retried(is_async: bool) -> None:
    from wire_sdk import InternalServerError

    def chunks() -> Iterator[bytes]:
        yield b"one,"
        yield b"two"

    wire = Recorder(is_async, [500])
    with pytest.raises(InternalServerError):
        await wire.upload(chunks())
    (seen,) = wire.seen  # a consumed iterator cannot be replayed: no retry
    assert seen["body"] == b"one,two" and seen["streamed"]
    assert seen["headers"]["transfer-encoding"] == "chunked"
    assert "content-length" not in seen["headers"]


async def test_async_iterables_need_the_async_client(is_async: bool) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b"async "
        yield b"chunks"

    wire = Recorder(is_async, [])
    if is_async:
        await wire.upload(chunks())
        assert wire.seen[0]["body"] == b"async chunks"
    else:
        with pytest.raises(TypeError, match="async client"):
            await wire.upload(chunks())
        assert wire.seen == []


async def test_a_file_with_an_async_read_is_sent_once_by_the_async_client(is_async: bool) -> None:
    class AsyncFile:  # what aiofiles opens
        def __init__(self) -> None:
            self.data = io.BytesIO(b"from an async file")

        async def read(self, size: int = -1) -> bytes:
            return self.data.read(size)

        async def tell(self) -> int:
            return self.data.tell()

    wire = Recorder(is_async, [503])
    if not is_async:
        with pytest.raises(TypeError, match="async client"):
            await wire.upload(AsyncFile())
        return
    from wire_sdk import InternalServerError

    with pytest.raises(InternalServerError):  # it cannot seek back: not retried
        await wire.upload(AsyncFile())
    assert [s["body"] for s in wire.seen] == [b"from an async file"]


async def test_chunks_that_are_not_bytes_are_a_type_error(is_async: bool) -> None:
    wire = Recorder(is_async, [], max_retries=0)
    with pytest.raises(TypeError, match="produced str"):
        await wire.upload(iter(["text"]))


async def test_bytes_stay_bytes(is_async: bool) -> None:
    wire = Recorder(is_async, [503])
    await wire.upload(b"\x00raw")
    assert [(s["streamed"], s["body"]) for s in wire.seen] == [(False, b"\x00raw")] * 2


async def test_multipart_files_are_streamed_too(is_async: bool, big_file: Path) -> None:
    wire = Recorder(is_async, [503])
    with big_file.open("rb") as disk:
        call = wire.client.uploads.create(files=[big_file, disk], count=1)
        await (call if inspect.isawaitable(call) else _done())
    assert len(wire.seen) == 2
    for seen in wire.seen:  # the first attempt and its retry, each the whole body
        assert seen["streamed"] and max(seen["chunk_sizes"]) <= 64 * 1024
        assert int(seen["headers"]["content-length"]) == len(seen["body"]) > 8 * MIB
        assert seen["body"].count(big_file.read_bytes()) == 2


async def _done() -> None:
    return None
