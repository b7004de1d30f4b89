"""Cancelled and deadline-cut calls leave no pool slot behind (the churn test).

`AsyncDeepSeek` with a 10-connection pool runs rounds of 40 chat calls against a loopback
server that answers after 50 ms; every call is cut early, so calls die in every phase: queued
for a connection, connecting, sending, waiting for the answer. Half are cut at 0-6 ms, half
at 6-40 ms (cutting only at 0-6 ms misses the queue-and-connect race on a fast machine). Each
call is cut either by the caller (`asyncio.wait_for` cancels the task) or by the SDK's own
`deadline=`; the sync client gets the deadline version from 16 threads. Afterwards the pool
must hold no busy connection and no request, and a full pool's worth of calls must succeed.

On encode's httpx/httpcore 1.0.9 this fails within a few rounds: a request cancelled after
the pool handed it a new connection leaves that connection in the pool, neither idle nor
closed (encode/httpcore#1093), until all 10 slots are stuck and every later call times out
waiting for the pool. httpx2/httpcore2 drop such connections.

`make test` runs 40 rounds per case; `make soak` (slow) runs 300, the size the bug was first
measured at.
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Final

import httpx2
import pytest
from _pool import busy_connections, queued_requests
from deepseek_sdk import APITimeoutError, AsyncDeepSeek, DeepSeek, SDKError
from servers import Json, ScriptedServer
from servers.actions import Stall

MAX_CONNECTIONS: Final = 10
CALLS_PER_ROUND: Final = 40
ANSWER_AFTER: Final = 0.05
QUICK_ROUNDS: Final = 40
FULL_ROUNDS: Final = 300
CHAT: Final = {
    "id": "chat-1",
    "object": "chat.completion",
    "created": 1748648834,
    "model": "deepseek-chat",
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "logprobs": None,
            "message": {"role": "assistant", "content": "hi"},
        }
    ],
}
MESSAGES: Final[list[Any]] = [{"role": "user", "content": "hi"}]
MARK: Final = "X-Churn"


@pytest.fixture
def slow_server() -> Iterator[ScriptedServer]:
    """Answers every request after `ANSWER_AFTER` seconds (sooner if the client hangs up)."""
    with ScriptedServer(
        lambda request: Stall(ANSWER_AFTER, then=Json(CHAT)),
        max_requests=10**7,
        max_duration=900,
    ) as server:
        yield server


def cut_after(rng: random.Random, index: int) -> float:
    """When to cut call `index`: 0-6 ms for even calls, 6-40 ms for odd ones."""
    return rng.uniform(0.0005, 0.006) if index % 2 == 0 else rng.uniform(0.006, 0.04)


def limits() -> httpx2.Limits:
    return httpx2.Limits(max_connections=MAX_CONNECTIONS)


async def churn_async(client: AsyncDeepSeek, rounds: int, by_deadline: bool) -> Counter[str]:
    """Run the rounds; returns how the calls ended (`cancelled` or an exception class name)."""
    rng = random.Random(20261101)
    ended: Counter[str] = Counter()

    async def one(index: int) -> None:
        cut = cut_after(rng, index)
        try:
            if by_deadline:
                await client.chat.completions.create(
                    model="deepseek-chat", messages=MESSAGES, deadline=cut
                )
            else:
                await asyncio.wait_for(
                    client.chat.completions.create(model="deepseek-chat", messages=MESSAGES), cut
                )
            ended["ok"] += 1
        except TimeoutError:
            ended["cancelled"] += 1
        except SDKError as exc:
            ended[type(exc).__name__] += 1

    for _ in range(rounds):
        await asyncio.gather(*(one(i) for i in range(CALLS_PER_ROUND)))
    return ended


def churn_sync(client: DeepSeek, rounds: int) -> Counter[str]:
    rng = random.Random(20261101)
    cuts = [cut_after(rng, i) for i in range(rounds * CALLS_PER_ROUND)]

    def one(cut: float) -> str:
        try:
            client.chat.completions.create(model="deepseek-chat", messages=MESSAGES, deadline=cut)
        except SDKError as exc:
            return type(exc).__name__
        return "ok"

    with ThreadPoolExecutor(16, thread_name_prefix="churn") as threads:
        return Counter(threads.map(one, cuts))


def after_churn(server: ScriptedServer) -> int:
    """How many requests of the calls made after the churn (marked) reached the server."""
    return sum(1 for r in server.drain_requests() if r.header(MARK) == "after")


async def full_pool_async(client: AsyncDeepSeek) -> list[Any]:
    """`MAX_CONNECTIONS` marked calls at once, each given a generous deadline."""
    calls = (
        client.chat.completions.create(
            model="deepseek-chat", messages=MESSAGES, deadline=60, extra_headers={MARK: "after"}
        )
        for _ in range(MAX_CONNECTIONS)
    )
    return await asyncio.wait_for(asyncio.gather(*calls), 90)


def full_pool_sync(client: DeepSeek) -> list[Any]:
    def one(_: int) -> Any:
        return client.chat.completions.create(
            model="deepseek-chat", messages=MESSAGES, deadline=60, extra_headers={MARK: "after"}
        )

    with ThreadPoolExecutor(MAX_CONNECTIONS) as threads:
        return list(threads.map(one, range(MAX_CONNECTIONS)))


def check_ended(ended: Counter[str], cut: str, rounds: int, server: ScriptedServer) -> None:
    """Every call ended by its cut (or, on a stalled machine, with the answer), and some cuts
    hit calls already on the wire, not only calls queued in the pool."""
    assert sum(ended.values()) == rounds * CALLS_PER_ROUND
    assert set(ended) <= {cut, "ok"}, ended
    assert server.request_count > 0


def check_pool_after(client: Any, server: ScriptedServer, results: list[Any]) -> None:
    assert [r.id for r in results] == ["chat-1"] * MAX_CONNECTIONS
    assert after_churn(server) == MAX_CONNECTIONS
    assert (busy_connections(client), queued_requests(client)) == (0, 0)


async def run_async_case(server: ScriptedServer, rounds: int, by_deadline: bool) -> None:
    http = httpx2.AsyncClient(limits=limits())
    async with AsyncDeepSeek(api_key="sk-churn", base_url=server.url, http_client=http) as client:
        ended = await churn_async(client, rounds, by_deadline)
        check_ended(ended, "APITimeoutError" if by_deadline else "cancelled", rounds, server)
        assert (busy_connections(client), queued_requests(client)) == (0, 0)
        server.drain_requests()
        check_pool_after(client, server, await full_pool_async(client))


def run_sync_case(server: ScriptedServer, rounds: int) -> None:
    http = httpx2.Client(limits=limits())
    with DeepSeek(api_key="sk-churn", base_url=server.url, http_client=http) as client:
        ended = churn_sync(client, rounds)
        check_ended(ended, APITimeoutError.__name__, rounds, server)
        assert (busy_connections(client), queued_requests(client)) == (0, 0)
        server.drain_requests()
        check_pool_after(client, server, full_pool_sync(client))


@pytest.mark.parametrize("by_deadline", [False, True], ids=["cancelled", "deadline"])
async def test_async_churn_leaves_no_stuck_slot(
    slow_server: ScriptedServer, by_deadline: bool
) -> None:
    await run_async_case(slow_server, QUICK_ROUNDS, by_deadline)


def test_sync_deadline_churn_leaves_no_stuck_slot(slow_server: ScriptedServer) -> None:
    run_sync_case(slow_server, QUICK_ROUNDS)


@pytest.mark.slow
@pytest.mark.parametrize("by_deadline", [False, True], ids=["cancelled", "deadline"])
async def test_async_churn_full_size(slow_server: ScriptedServer, by_deadline: bool) -> None:
    await run_async_case(slow_server, FULL_ROUNDS, by_deadline)


@pytest.mark.slow
def test_sync_deadline_churn_full_size(slow_server: ScriptedServer) -> None:
    run_sync_case(slow_server, FULL_ROUNDS)
