"""What the runtime tests share (imported by conftest.py and the test modules).

The runtime is tested as shipped: inside `things_sdk`, which the session generates from
`spec/openapi.yaml` + `spec/sdk.yaml` in this folder (tests/session_sdks.py). `Api` (the `api`
fixture) builds its sync or async client on `httpx2.MockTransport` with a fake clock, so one
test body covers both.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Iterator
from typing import Any

import httpx2

API_KEY = "sk-test-0123456789abcdef0123"
"""The key the `api` fixture's clients use (also in `$THINGS_API_KEY` during each test)."""
BASE_URL = "https://api.test/v1"
"""The spec's server: the clients' default base URL."""

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
    """Builds a sync (`ThingsAPI`) or an async (`AsyncThingsAPI`) client and runs calls on it
    the same way: `await api.run(x)` awaits `x` when it is awaitable.
    """

    def __init__(self, is_async: bool) -> None:
        # Imported here, not at the top: conftest.py imports this module, and a things_sdk that
        # cannot be generated should fail the tests that use it, not every folder's collection.
        from things_sdk import AsyncThingsAPI, ThingsAPI

        self.is_async = is_async
        self.client_class: type[Any] = AsyncThingsAPI if is_async else ThingsAPI
        self.clock = FakeClock()
        self.requests: list[httpx2.Request] = []
        self._clients: list[Any] = []

    def client(self, handler: Handler, **kwargs: Any) -> Any:
        """A client whose requests `handler` answers (recorded in `requests`), on the fake clock."""

        def recording(request: httpx2.Request) -> httpx2.Response:
            request.read()
            self.requests.append(request)
            return handler(request)

        transport = httpx2.MockTransport(recording)
        http_class = httpx2.AsyncClient if self.is_async else httpx2.Client
        kwargs.setdefault("http_client", http_class(transport=transport))
        client = self.client_class(api_key=API_KEY, **kwargs)
        client._sleep = self.clock.async_sleep if self.is_async else self.clock.sleep
        client._clock = self.clock
        client._random = lambda: 0.0
        self._clients.append(client)
        return client

    def live(self, base_url: str, **kwargs: Any) -> Any:
        """A client with the real transport, clock and sleep, for loopback servers."""
        client = self.client_class(api_key=API_KEY, base_url=base_url, **kwargs)
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
