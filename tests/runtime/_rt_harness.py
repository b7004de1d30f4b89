"""Test harness for the runtime tests (imported by conftest.py and the test modules).

`templates/runtime` has no `__init__.py` (the generator writes one per package), so importing
this module registers it as the package `rtpkg`; its relative imports then work unchanged.
Tests talk to it through hand-written resources in `rt_fakeapi.py` that look like generated
code, and run against sync and async clients through `Api` (the `api` fixture).
"""

from __future__ import annotations

import inspect
import sys
import types
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import httpx2

RUNTIME_DIR = Path(__file__).resolve().parents[2] / "templates" / "runtime"

if "rtpkg" not in sys.modules:
    _pkg = types.ModuleType("rtpkg")
    _pkg.__path__ = [str(RUNTIME_DIR)]
    sys.modules["rtpkg"] = _pkg

import rt_fakeapi  # noqa: E402  (needs rtpkg registered first)

Handler = Callable[[httpx2.Request], httpx2.Response]


class FakeClock:
    """A monotonic clock that only moves when told to (or when the client sleeps)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


class LazyBody(httpx2.SyncByteStream, httpx2.AsyncByteStream):
    """A response body produced chunk by chunk (so laziness and closing are observable)."""

    def __init__(self, *chunks: bytes) -> None:
        self.chunks = chunks
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


class Api:
    """Builds a sync or an async test client and runs calls on it the same way.

    `await api.run(x)` awaits `x` when it is awaitable, so one test body covers both shells.
    """

    def __init__(self, is_async: bool) -> None:
        self.is_async = is_async
        self.clock = FakeClock()
        self.requests: list[httpx2.Request] = []
        self._clients: list[Any] = []

    def client(self, handler: Handler, **kwargs: Any) -> Any:
        def recording(request: httpx2.Request) -> httpx2.Response:
            request.read()
            self.requests.append(request)
            return handler(request)

        transport = httpx2.MockTransport(recording)
        if self.is_async:
            kwargs.setdefault("http_client", httpx2.AsyncClient(transport=transport))
            client: Any = rt_fakeapi.AsyncTestClient(**kwargs)
            client._sleep = self.clock.async_sleep
        else:
            kwargs.setdefault("http_client", httpx2.Client(transport=transport))
            client = rt_fakeapi.SyncTestClient(**kwargs)
            client._sleep = self.clock.sleep
        client._clock = self.clock
        client._random = lambda: 0.0
        self._clients.append(client)
        return client

    def live(self, base_url: str, **kwargs: Any) -> Any:
        """A client with the real transport, clock and sleep, for loopback servers."""
        cls = rt_fakeapi.AsyncTestClient if self.is_async else rt_fakeapi.SyncTestClient
        client = cls(base_url=base_url, **kwargs)
        self._clients.append(client)
        return client

    async def run(self, value: Any) -> Any:
        return await value if inspect.isawaitable(value) else value

    async def collect(self, iterable: Iterable[Any] | AsyncIterable[Any]) -> list[Any]:
        if isinstance(iterable, AsyncIterable):
            return [item async for item in iterable]
        return list(iterable)

    async def close(self) -> None:
        for client in self._clients:
            await self.run(client.close())
