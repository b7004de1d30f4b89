"""Helpers for the stream tests (test_streaming.py, test_stream_decoding.py), which drive
`things_sdk`'s `Stream` / `AsyncStream` directly, without a client call.

- `ScriptedBody`: a response body (sync and async) played from a script of byte chunks, pauses
  and exceptions, which records how far it was read and whether it was closed.
- `Harness`: opens a `Stream` or `AsyncStream` over `httpx2.MockTransport` (or any URL) and drives
  it with the same awaitable API in both modes, so every test runs once per mode.
- `LoopbackSSEServer`: a tiny HTTP/1.1 keep-alive server on 127.0.0.1 that plays scripts with
  chunked transfer encoding and counts TCP connections.
"""

import asyncio
import socketserver
import threading
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any

import httpx2
from things_sdk._streaming import AsyncStream, Stream


class Pause:
    """A script step: wait this long before the next chunk (time.sleep / asyncio.sleep)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


Step = bytes | Pause | BaseException


class ScriptedBody(httpx2.SyncByteStream, httpx2.AsyncByteStream):
    """A streamed response body played from `steps`: bytes are sent, exceptions raised."""

    def __init__(self, steps: Sequence[Step]) -> None:
        self.steps = list(steps)
        self.sent = 0  # steps played
        self.exhausted = False  # every step was played and the body ended
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        for step in self.steps:
            self.sent += 1
            if isinstance(step, Pause):
                time.sleep(step.seconds)
            elif isinstance(step, BaseException):
                raise step
            else:
                yield step
        self.exhausted = True

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for step in self.steps:
            self.sent += 1
            if isinstance(step, Pause):
                await asyncio.sleep(step.seconds)
            elif isinstance(step, BaseException):
                raise step
            else:
                yield step
        self.exhausted = True

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


class Harness:
    """Opens and drives a Stream (sync) or AsyncStream (async) behind one awaitable API."""

    def __init__(self, is_async: bool) -> None:
        self.is_async = is_async
        self.stream_cls: Any = AsyncStream if is_async else Stream

    async def open_mock(
        self,
        body: ScriptedBody,
        cast_to: Any,
        *,
        client: object = None,
        headers: dict[str, str] | None = None,
        deadline: float | None = None,
    ) -> Any:
        """A stream over `httpx2.MockTransport` whose 200 response plays `body`."""

        def handler(request: httpx2.Request) -> httpx2.Response:
            all_headers = {"content-type": "text/event-stream", **(headers or {})}
            return httpx2.Response(200, headers=all_headers, stream=body)

        transport = httpx2.MockTransport(handler)
        if self.is_async:
            async with httpx2.AsyncClient(transport=transport) as http:
                request = http.build_request("POST", "http://test/chat/completions")
                response = await http.send(request, stream=True)
        else:
            with httpx2.Client(transport=transport) as http:
                request = http.build_request("POST", "http://test/chat/completions")
                response = http.send(request, stream=True)
        return self.stream_cls[cast_to](
            cast_to=cast_to, response=response, client=client, deadline=deadline
        )

    async def open_url(
        self,
        http: httpx2.Client | httpx2.AsyncClient,
        url: str,
        cast_to: Any,
        client: object,
        deadline: float | None = None,
    ) -> Any:
        """A stream over a real connection made by `http` (matching this harness's mode)."""
        request = http.build_request("GET", url, timeout=httpx2.Timeout(30.0))
        if isinstance(http, httpx2.AsyncClient):
            response = await http.send(request, stream=True)
        else:
            response = http.send(request, stream=True)
        return self.stream_cls[cast_to](
            cast_to=cast_to, response=response, client=client, deadline=deadline
        )

    def http_client(self) -> httpx2.Client | httpx2.AsyncClient:
        return httpx2.AsyncClient() if self.is_async else httpx2.Client()

    async def close_http(self, http: httpx2.Client | httpx2.AsyncClient) -> None:
        if isinstance(http, httpx2.AsyncClient):
            await http.aclose()
        else:
            http.close()

    async def collect(self, stream: Any, limit: int | None = None) -> list[Any]:
        """Iterate `stream` with a for loop; stop (`break`) after `limit` items."""
        items: list[Any] = []
        if self.is_async:
            async for item in stream:
                items.append(item)
                if limit is not None and len(items) >= limit:
                    break
        else:
            for item in stream:
                items.append(item)
                if limit is not None and len(items) >= limit:
                    break
        return items

    async def collect_until_error(self, stream: Any) -> tuple[list[Any], BaseException]:
        """Iterate until the stream raises; return the items before it and the exception."""
        items: list[Any] = []
        try:
            if self.is_async:
                async for item in stream:
                    items.append(item)
            else:
                for item in stream:
                    items.append(item)
        except Exception as exc:
            return items, exc
        raise AssertionError(f"stream ended without an error after {len(items)} items")

    async def close(self, stream: Any) -> None:
        if self.is_async:
            await stream.close()
        else:
            stream.close()

    async def enter_exit(self, stream: Any, limit: int) -> list[Any]:
        """Read `limit` items inside `with`/`async with` and leave the block."""
        items: list[Any] = []
        if self.is_async:
            async with stream as entered:
                assert entered is stream
                async for item in stream:
                    items.append(item)
                    if len(items) >= limit:
                        break
        else:
            with stream as entered:
                assert entered is stream
                for item in stream:
                    items.append(item)
                    if len(items) >= limit:
                        break
        return items

    async def next_item(self, stream: Any) -> Any:
        """`next(stream)` / `await stream.__anext__()`; the Stop* exception becomes `None`."""
        try:
            return await stream.__anext__() if self.is_async else next(stream)
        except (StopIteration, StopAsyncIteration):
            return None

    async def iterate_again(self, stream: Any) -> None:
        if self.is_async:
            async for _ in stream:
                pass
        else:
            for _ in stream:
                pass


class _Handler(socketserver.StreamRequestHandler):
    server: "LoopbackSSEServer"

    def handle(self) -> None:
        self.server.connections += 1
        while True:
            request_line = self.rfile.readline()
            if not request_line.strip():
                return
            length = 0
            while (header := self.rfile.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = header.decode("latin-1").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            self.rfile.read(length)
            script = self.server.scripts[request_line.split()[1].decode()]
            self.wfile.write(
                b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
                b"transfer-encoding: chunked\r\n\r\n"
            )
            for step in script:
                if isinstance(step, Pause):
                    if self.server.stopping.wait(step.seconds):
                        return
                else:
                    assert isinstance(step, bytes)
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(step), step))
                self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()


class LoopbackSSEServer(socketserver.ThreadingTCPServer):
    """Serves `scripts[path]` (bytes to send, `Pause`s) on 127.0.0.1; counts connections."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, scripts: dict[str, Sequence[Step]]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.scripts = scripts
        self.connections = 0
        self.stopping = threading.Event()
        self._thread = threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> "LoopbackSSEServer":
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)
