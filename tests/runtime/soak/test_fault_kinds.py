"""Each fault kind on its own, on every attempt: what the generated SDK makes of it.

The same oracle as the soak (`fault_effect`, `sent_data`), but deterministic: every request
of the call gets the fault, so a retryable fault must use up exactly `1 + max_retries`
attempts and a success must carry exactly what the server sent. `html_200` on a stream call
is the regression test for a bug the soak found: a 2xx answer that is not an event stream
(an HTML page, a JSON body) used to give an empty stream instead of an error.

On a loaded machine two outcomes are correct although the fault does not call for them,
and the test then only checks that the error is typed and keeps the key out: the deadline
expiring before every attempt was made, and (when the process stalled for half the
per-attempt timeout or more, as `_LagProbe` measures) an attempt timing out.
"""

from __future__ import annotations

import time
from typing import Any

import httpx2
import pytest
from _soak_app import answer, fault_effect, sent_data
from _soak_driver import API_KEY, _LagProbe, call_async, call_sync, fast_backoff
from deepseek_sdk import APITimeoutError, AsyncDeepSeek, DeepSeek, SDKError
from servers import FAULT_KINDS, FaultKind, FaultPlan, ScriptedServer

MAX_RETRIES = 1
TIMEOUT = 0.3
DEADLINE = 1.0
"""Longer than two stalled attempts (`2 * TIMEOUT` plus backoff): only `trickle` needs it."""


@pytest.mark.parametrize("op", ["chat", "chat_stream"])
@pytest.mark.parametrize("kind", FAULT_KINDS)
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
async def test_fault_kind(kind: FaultKind, op: Any, is_async: bool) -> None:
    plan = FaultPlan(
        {kind: 1.0}, stall_seconds=5, trickle_interval=0.05, retry_after_ms=5, retry_after=0.01
    )
    options: dict[str, Any] = {
        "api_key": API_KEY,
        "timeout": httpx2.Timeout(TIMEOUT),
        "max_retries": MAX_RETRIES,
        "deadline": DEADLINE,
    }
    probe = _LagProbe()
    with fast_backoff(0.01, 0.05), ScriptedServer(answer, faults=plan) as server:
        outcome: object
        started = time.perf_counter()
        try:
            # Plain-HTTP pools (`verify=False` skips loading the CA bundle, the slow part).
            if is_async:
                pool = httpx2.AsyncClient(verify=False)
                async with AsyncDeepSeek(base_url=server.url, http_client=pool, **options) as ac:
                    outcome = await call_async(ac, op, "m1")
            else:
                with DeepSeek(
                    base_url=server.url, http_client=httpx2.Client(verify=False), **options
                ) as client:
                    outcome = call_sync(client, op, "m1")
        except SDKError as exc:
            outcome = exc
        elapsed = time.perf_counter() - started
        assert server.wait_until_idle()
    lag = probe.take()
    probe.stop()
    retried, expected = fault_effect(kind, op)
    requests = server.requests
    if isinstance(outcome, APITimeoutError) and kind != "trickle":
        cut = str(outcome).startswith("Request deadline")
        if cut or (lag >= TIMEOUT / 2 and "APITimeoutError" not in expected):
            assert API_KEY not in str(outcome)
            assert not cut or elapsed >= 0.9 * DEADLINE, f"deadline error after {elapsed:.2f}s"
            assert len(requests) <= 1 + MAX_RETRIES
            return
    if kind == "trickle":  # only the deadline ends it
        assert isinstance(outcome, SDKError) and str(outcome).startswith("Request deadline")
        assert len(requests) == 1
        return
    assert len(requests) == (1 + MAX_RETRIES if retried else 1)
    if isinstance(outcome, SDKError):
        assert type(outcome).__name__ in expected, outcome
        assert API_KEY not in str(outcome)
    else:
        assert None in expected, f"{kind}: succeeded with {outcome!r:.200}"
        assert outcome == sent_data(plan, requests[-1])
