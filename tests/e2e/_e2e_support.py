"""Helpers shared by the end-to-end tests: one driver for the sync and the async client.

`Sdk` wraps a `DeepSeek` or an `AsyncDeepSeek` so one test body exercises both: every value a
method returns goes through `await sdk.call(...)` (awaited only when it is awaitable), context
managers through `async with sdk.enter(...)`, iterables through `await sdk.collect(...)`.
The sync client blocks the event loop while it runs, which is fine: the test servers run in
their own thread or process.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx2

REPO = Path(__file__).resolve().parents[2]
GENERATED = REPO / "generated"

RESPONSE_HOOK = Callable[[httpx2.Response], None]


class Sdk:
    """A sync or async client plus helpers that hide which one it is."""

    def __init__(self, client: Any, *, is_async: bool) -> None:
        self.client = client
        self.is_async = is_async

    def __repr__(self) -> str:
        return f"Sdk({'async' if self.is_async else 'sync'})"

    def resolve(self, dotted: str, *, via: str | None = None) -> Any:
        """`client.a.b.method`, or `client.a.b.<via>.method` (`with_raw_response`, ...)."""
        *owners, name = dotted.split(".")
        target: Any = self.client
        for owner in owners:
            target = getattr(target, owner)
        if via is not None:
            target = getattr(target, via)
        return getattr(target, name)

    async def call(self, value: Any) -> Any:
        """`value` itself, or what it resolves to when it is awaitable."""
        if inspect.isawaitable(value):
            return await value
        return value

    @asynccontextmanager
    async def enter(self, manager: Any) -> AsyncIterator[Any]:
        """`async with` for async context managers, `with` for sync ones."""
        if hasattr(manager, "__aenter__"):
            async with manager as entered:
                yield entered
        else:
            with manager as entered:
                yield entered

    async def collect(
        self, iterable: Any, *, limit: int = 1000, into: list[Any] | None = None
    ) -> list[Any]:
        """Up to `limit` items of a sync or async iterable (an awaitable is awaited first).

        Items go into `into` when given, so a test still sees them when iteration raises.
        An async iterator left early is not closed here: close its owner (stream, response).
        """
        items: list[Any] = [] if into is None else into
        if not hasattr(iterable, "__aiter__"):
            iterable = await self.call(iterable)
        if hasattr(iterable, "__aiter__"):
            async for item in iterable:
                items.append(item)
                if len(items) >= limit:
                    break
            return items
        for item in iterable:
            items.append(item)
            if len(items) >= limit:
                break
        return items

    async def close(self) -> None:
        await self.call(self.client.close())


def make_sdk(
    *,
    is_async: bool,
    base_url: str,
    on_response: RESPONSE_HOOK | None = None,
    **options: Any,
) -> Sdk:
    """A client for `base_url` with the test key; `on_response` sees every raw response.

    With `on_response` the client gets its own plain-HTTP `httpx2` client (`verify=False` skips
    loading the CA bundle, the slowest part of creating one; the test servers speak plain HTTP).
    """
    from deepseek_sdk import AsyncDeepSeek, DeepSeek

    if on_response is not None:
        hook = on_response
        if is_async:

            async def async_hook(response: httpx2.Response) -> None:
                hook(response)

            options["http_client"] = httpx2.AsyncClient(
                event_hooks={"response": [async_hook]}, verify=False
            )
        else:
            options["http_client"] = httpx2.Client(event_hooks={"response": [hook]}, verify=False)
    cls = AsyncDeepSeek if is_async else DeepSeek
    return Sdk(cls(api_key="sk-test", base_url=base_url, **options), is_async=is_async)


def steady_problems(headers: Mapping[str, str]) -> list[str]:
    """What Steady reported about a request (`x-steady-error-N-*` headers), as readable lines."""
    count = int(headers.get("x-steady-error-count", "0"))
    return [
        f"{headers.get(f'x-steady-error-{n}-code')} at {headers.get(f'x-steady-error-{n}-path')}: "
        f"{headers.get(f'x-steady-error-{n}-message')}"
        for n in range(1, count + 1)
    ]
