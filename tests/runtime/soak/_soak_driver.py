"""The soak driver: thousands of sync and async SDK calls against a faulty scripted server.

`run_soak(config)` starts a `ScriptedServer` whose `FaultPlan` injects every fault kind, then
runs `config.windows` windows of calls. In each window half the calls go through one shared
`DeepSeek` client from a thread pool and half through `AsyncDeepSeek` clients as concurrent
tasks, both at the same time; two fifths of the calls are streams (half of them closed after a
few chunks). Every fifth call goes through a `with_options(deadline=...)` copy with a deadline
shorter than a worst-case retry sequence, and some async calls are cancelled after a few
milliseconds (through a client of their own, see `_Run`). After each window the recorded
requests are drained and every call is checked (`_Checker.check_call`):

- it ended within `deadline + hang_slack` seconds, plus the longest stall of the process
  seen in its window (`_LagProbe`: on a loaded machine everything runs late);
- a failure is an `SDKError` subclass, and exactly the class the fault that hit its last
  attempt calls for (`fault_effect`), or the deadline's `APITimeoutError` raised at the
  deadline (also when it expired before any attempt reached the server, which a loaded
  machine can make happen: counted as `deadline_before_send`); a success carries exactly
  the data the server sent;
- attempts <= 1 + max_retries, only retryable faults were retried, retries were not given up
  early, and every attempt of a POST carries the same idempotency key (GETs carry none).
  In a window where the process stalled for at least half the per-attempt timeout, an
  attempt timing out without a fault that explains it (a timeout error, or a retry after a
  fault that is not retried) is counted as `load_timeouts` instead of a violation;
- the API key appears in no exception text (chained causes included) and no log record.

Between windows, when no call is in flight, no pool may hold a busy connection (a stuck
slot), the one of the cancelled calls included; the server may see no more connections than
the pools can keep, and RSS is recorded. At the end the clients are
closed and the run checks that the server sees no open connection and the process has no more
file descriptors than before. `SoakReport.summary()` is the one-line summary `make soak`
prints.
"""

from __future__ import annotations

import array
import asyncio
import contextlib
import gc
import itertools
import logging
import os
import random
import threading
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Final

import deepseek_sdk._core as sdk_core
import httpx2
from _pool import busy_connections
from _soak_app import (
    MARKER_HEADER,
    OPS,
    PARTIAL_EVENTS,
    Op,
    answer,
    fault_effect,
    model_id_for,
    sent_data,
)
from deepseek_sdk import APITimeoutError, AsyncDeepSeek, DeepSeek, SDKError
from servers import FaultKind, FaultPlan, RecordedRequest, ScriptedServer

API_KEY: Final = "sk-soak-0123456789abcdef-SECRET"
MAX_VIOLATIONS_KEPT: Final = 20

DEFAULT_RATES: Final[Mapping[FaultKind, float]] = {
    "reset": 0.03,
    "close": 0.02,
    "reset_after_headers": 0.02,
    "reset_mid_body": 0.03,
    "stall": 0.01,
    "stall_mid_body": 0.01,
    "slow_body": 0.03,
    "truncated_json": 0.02,
    "malformed_json": 0.02,
    "keepalive": 0.03,
    "sse_duplicate": 0.03,
    "sse_reorder": 0.03,
    "http_429": 0.02,
    "http_429_retry_after": 0.01,
    "http_429_bare": 0.02,
    "http_500": 0.01,
    "http_503": 0.02,
    "http_503_retry_after": 0.01,
    "http_503_bare": 0.02,
    "html_502": 0.02,
    "html_200": 0.005,
    "trickle": 0.005,
}


@dataclass(frozen=True)
class SoakConfig:
    """Size and limits of a run. Timeouts are short and backoff tiny so faults cost little."""

    windows: int
    calls_per_window: int
    threads: int = 8
    async_concurrency: int = 16
    rates: Mapping[FaultKind, float] = field(default_factory=lambda: dict(DEFAULT_RATES))
    seed: int = 20260921
    timeout: float = 0.5
    deadline: float = 2.5
    tight_deadline: float = 0.7
    """Deadline of every fifth call: shorter than three attempts that each wait `timeout`."""
    cancel_every: int = 11
    """Every Nth async call is cancelled after 1-60 ms (0: never)."""
    max_retries: int = 2
    backoff: tuple[float, float] = (0.01, 0.05)
    """(initial, maximum) retry backoff in seconds, patched into the SDK for the run."""
    hang_slack: float = 1.0
    """How far past its deadline a call may end before it counts as hung (CPU contention)."""


@dataclass(frozen=True)
class _ErrorInfo:
    """What the checker needs from an exception (the exception itself is not kept)."""

    name: str
    message: str
    typed: bool
    deadline: bool
    leaks_key: bool


@dataclass
class _Outcome:
    marker: str
    op: Op
    deadline: float
    elapsed: float
    data: Any = None
    error: _ErrorInfo | None = None


_CANCELLED = _ErrorInfo("Cancelled", "cancelled by the driver", True, False, False)


def _error_info(exc: BaseException) -> _ErrorInfo:
    text = "".join(traceback.format_exception(exc)) + repr(exc)
    return _ErrorInfo(
        name=type(exc).__name__,
        message=str(exc)[:300],
        typed=isinstance(exc, SDKError),
        deadline=isinstance(exc, APITimeoutError) and str(exc).startswith("Request deadline"),
        leaks_key=API_KEY in text,
    )


@dataclass
class SoakReport:
    """Counters of a run; `summary()` is the line `make soak` prints."""

    calls: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    faults: dict[str, int] = field(default_factory=dict)
    attempts: int = 0
    retries: int = 0
    deadline_cutoffs: int = 0
    cancelled: int = 0
    stuck_slots: Counter[str] = field(default_factory=Counter)
    """Most busy connections seen between windows, per pool (`sync`, `async`, `cancelled`)."""
    deadline_before_send: int = 0
    """Calls whose deadline expired before any attempt reached the server (a loaded machine)."""
    load_timeouts: int = 0
    """Timeouts without a fault to explain them, in windows where the process stalled."""
    max_lag: float = 0.0
    """Longest stall of the process seen by `_LagProbe` (seconds)."""
    violations: list[str] = field(default_factory=list)
    violation_count: int = 0
    latencies: array.array[float] = field(default_factory=lambda: array.array("d"))
    rss_kib: list[int] = field(default_factory=list)
    max_open_connections: int = 0
    fds_before: int = -1
    fds_after: int = -1
    open_connections_after: int = -1
    log_records: int = 0
    log_leaks: int = 0
    duration: float = 0.0

    def violation(self, message: str) -> None:
        self.violation_count += 1
        if len(self.violations) < MAX_VIOLATIONS_KEPT:
            self.violations.append(message)

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0

    @property
    def rss_growth_mib(self) -> float:
        """RSS growth from the end of the first third of the run to its highest later point."""
        if len(self.rss_kib) < 3:
            return 0.0
        settled = self.rss_kib[len(self.rss_kib) // 3]
        return (max(self.rss_kib[len(self.rss_kib) // 3 :]) - settled) / 1024

    def summary(self) -> str:
        total = sum(self.calls[k] for k in ("sync", "async"))
        failed = sum(self.failures.values())
        faults = ", ".join(f"{k}={v}" for k, v in sorted(self.faults.items()))
        failures = ", ".join(f"{k}={v}" for k, v in self.failures.most_common())
        return (
            f"SOAK calls={total} (sync={self.calls['sync']} async={self.calls['async']} "
            f"streams={self.calls['chat_stream'] + self.calls['chat_stream_partial']} "
            f"cancelled={self.cancelled}) ok={total - failed - self.cancelled} failed={failed} "
            f"attempts={self.attempts} retries={self.retries} "
            f"faults[{sum(self.faults.values())}]={{{faults}}} failures={{{failures}}} "
            f"deadline_cutoffs={self.deadline_cutoffs} "
            f"deadline_before_send={self.deadline_before_send} "
            f"load_timeouts={self.load_timeouts} violations={self.violation_count} "
            f"p50={self.percentile(0.5) * 1000:.1f}ms p99={self.percentile(0.99) * 1000:.1f}ms "
            f"max={max(self.latencies, default=0) * 1000:.0f}ms "
            f"rss_growth={self.rss_growth_mib:+.1f}MiB fds={self.fds_before}->{self.fds_after} "
            f"max_open_conns={self.max_open_connections} "
            f"stuck_slots(sync/async/cancelled)={self.stuck_slots['sync']}/"
            f"{self.stuck_slots['async']}/{self.stuck_slots['cancelled']} "
            f"max_lag={self.max_lag * 1000:.0f}ms "
            f"open_conns_after_close={self.open_connections_after} "
            f"log_records={self.log_records} duration={self.duration:.1f}s"
        )


# --- calls ---------------------------------------------------------------------------------


def _messages(marker: str) -> list[Any]:
    return [{"role": "user", "content": marker}]


def call_sync(client: DeepSeek, op: Op, marker: str) -> Any:
    """One logical call on the sync client; returns the received data as JSON values."""
    headers = {MARKER_HEADER: marker}
    chat = client.chat.completions
    if op == "chat":
        result = chat.create(
            model="deepseek-chat", messages=_messages(marker), extra_headers=headers
        )
        return result.to_dict(mode="json")
    if op in ("chat_stream", "chat_stream_partial"):
        limit = PARTIAL_EVENTS if op == "chat_stream_partial" else None
        with chat.create(
            model="deepseek-chat", messages=_messages(marker), stream=True, extra_headers=headers
        ) as stream:
            return [chunk.to_dict(mode="json") for chunk in itertools.islice(stream, limit)]
    if op == "retrieve":
        model = client.models.retrieve(model_id_for(marker), extra_headers=headers)
        return model.to_dict(mode="json")
    page = client.models.list(extra_headers=headers)
    return [model.to_dict(mode="json") for model in page.data]


async def call_async(client: AsyncDeepSeek, op: Op, marker: str) -> Any:
    """`call_sync` for the async client."""
    headers = {MARKER_HEADER: marker}
    chat = client.chat.completions
    if op == "chat":
        result = await chat.create(
            model="deepseek-chat", messages=_messages(marker), extra_headers=headers
        )
        return result.to_dict(mode="json")
    if op in ("chat_stream", "chat_stream_partial"):
        limit = PARTIAL_EVENTS if op == "chat_stream_partial" else None
        stream = await chat.create(
            model="deepseek-chat", messages=_messages(marker), stream=True, extra_headers=headers
        )
        chunks = []
        async with stream:
            async for chunk in stream:
                chunks.append(chunk.to_dict(mode="json"))
                if len(chunks) == limit:
                    break
        return chunks
    if op == "retrieve":
        model = await client.models.retrieve(model_id_for(marker), extra_headers=headers)
        return model.to_dict(mode="json")
    page = await client.models.list(extra_headers=headers)
    return [model.to_dict(mode="json") for model in page.data]


# --- checks --------------------------------------------------------------------------------


class _Checker:
    """Checks each finished call against the requests the server recorded for it."""

    def __init__(self, config: SoakConfig, plan: FaultPlan, report: SoakReport) -> None:
        self.config = config
        self.plan = plan
        self.report = report
        self.lag = 0.0
        """The longest stall of the process during the window being checked."""

    @property
    def loaded(self) -> bool:
        """The process stalled long enough in this window to time out a healthy attempt."""
        return self.lag >= self.config.timeout / 2

    def check_window(self, outcomes: list[_Outcome], requests: list[RecordedRequest]) -> None:
        by_marker: dict[str | None, list[RecordedRequest]] = defaultdict(list)
        for request in requests:
            by_marker[request.header(MARKER_HEADER)].append(request)
        for outcome in outcomes:
            self.check_call(outcome, by_marker.pop(outcome.marker, []))
        for marker, stray in by_marker.items():
            if marker is None or not marker.startswith("x"):  # cancelled calls may come late
                self.report.violation(f"{len(stray)} request(s) for {marker!r} outside their call")

    def check_call(self, outcome: _Outcome, requests: list[RecordedRequest]) -> None:
        report, config, op = self.report, self.config, outcome.op
        label = f"{op} {outcome.marker}"
        faults = [r.fault for r in requests]
        report.attempts += len(requests)
        report.retries += max(0, len(requests) - 1)
        if outcome.elapsed > outcome.deadline + config.hang_slack + self.lag:
            report.violation(
                f"{label}: took {outcome.elapsed:.2f}s (stalls up to {self.lag:.2f}s; "
                f"faults {faults})"
            )
        error = outcome.error
        if error is _CANCELLED:
            report.cancelled += 1
            if len(requests) > 1 + config.max_retries:
                report.violation(f"{label}: {len(requests)} attempts (faults {faults})")
            return
        if error is not None:
            report.failures[error.name] += 1
            if not error.typed:
                report.violation(f"{label}: untyped {error.name}: {error.message}")
            if error.leaks_key:
                report.violation(f"{label}: API key in {error.name} text")
        if not requests:
            if error is not None and error.deadline:
                # The deadline expired before the first attempt was sent (or reached the
                # server): correct, and only a loaded machine makes it happen.
                report.deadline_before_send += 1
                report.deadline_cutoffs += 1
                self._check_deadline_error(label, outcome, faults)
            else:
                report.violation(f"{label}: no request reached the server ({error})")
            return
        if len(requests) > 1 + config.max_retries:
            report.violation(f"{label}: {len(requests)} attempts (faults {faults})")
        self._check_headers(label, outcome.op, requests)
        for fault in faults[:-1]:
            if not fault_effect(fault, op)[0]:
                if self.loaded:  # a healthy attempt can time out when the process stalls
                    report.load_timeouts += 1
                else:
                    report.violation(f"{label}: retried after {fault} (faults {faults})")
        if error is not None and error.deadline:
            report.deadline_cutoffs += 1
            self._check_deadline_error(label, outcome, faults)
            return
        retried, expected = fault_effect(requests[-1].fault, op)
        name = None if error is None else error.name
        if name == "APITimeoutError" and name not in expected and self.loaded:
            report.load_timeouts += 1
        elif name not in expected:
            report.violation(
                f"{label}: {name} ({error and error.message}), expected one of {set(expected)} "
                f"(faults {faults})"
            )
        elif error is None:
            self._check_data(label, outcome, requests[-1])
        elif retried and len(requests) != 1 + config.max_retries:
            # A retry whose wait would end past the deadline is skipped: the error stands.
            if outcome.elapsed < outcome.deadline - config.backoff[1] - 0.1:
                report.violation(
                    f"{label}: gave up after {len(requests)} attempts in {outcome.elapsed:.2f}s "
                    f"(faults {faults})"
                )
            report.deadline_cutoffs += 1

    def _check_deadline_error(self, label: str, outcome: _Outcome, faults: list[Any]) -> None:
        if outcome.elapsed < 0.9 * outcome.deadline:
            assert outcome.error is not None
            self.report.violation(
                f"{label}: deadline error after {outcome.elapsed:.2f}s: "
                f"{outcome.error.message} (faults {faults})"
            )

    def _check_headers(self, label: str, op: Op, requests: list[RecordedRequest]) -> None:
        keys = {r.header("idempotency-key") for r in requests}
        if op.startswith("chat"):
            if len(keys) != 1 or None in keys:
                self.report.violation(f"{label}: idempotency keys {keys}")
        elif keys != {None}:
            self.report.violation(f"{label}: a GET carried an idempotency key")
        if any(r.header("authorization") != f"Bearer {API_KEY}" for r in requests):
            self.report.violation(f"{label}: wrong Authorization header")

    def _check_data(self, label: str, outcome: _Outcome, last: RecordedRequest) -> None:
        partial = outcome.op == "chat_stream_partial"
        expected = sent_data(self.plan, last, PARTIAL_EVENTS if partial else None)
        if outcome.op == "list":
            expected = expected["data"]
        if outcome.data != expected:
            self.report.violation(
                f"{label}: got {outcome.data!r:.300}, server sent {expected!r:.300}"
            )
        if outcome.op == "retrieve" and outcome.data["id"] != model_id_for(outcome.marker):
            self.report.violation(f"{label}: path parameter came back as {outcome.data['id']!r}")


# --- the run -------------------------------------------------------------------------------


def _fd_count() -> int:
    return len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else -1


def _rss_kib() -> int:
    with contextlib.suppress(OSError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


class _KeyWatch(logging.Handler):
    """Counts the SDK's log records and those that contain the API key (keeps none)."""

    def __init__(self, report: SoakReport) -> None:
        super().__init__(logging.DEBUG)
        self.report = report

    def emit(self, record: logging.LogRecord) -> None:
        self.report.log_records += 1
        if API_KEY in record.getMessage():
            self.report.log_leaks += 1


@contextlib.contextmanager
def fast_backoff(initial: float, maximum: float) -> Iterator[None]:
    """Patch the SDK's retry backoff (0.5 s doubling up to 8 s) for the duration of the block.

    The client has no option for it; the constants are read at every retry.
    """
    saved = sdk_core.INITIAL_RETRY_DELAY, sdk_core.MAX_RETRY_DELAY
    sdk_core.INITIAL_RETRY_DELAY, sdk_core.MAX_RETRY_DELAY = initial, maximum
    try:
        yield
    finally:
        sdk_core.INITIAL_RETRY_DELAY, sdk_core.MAX_RETRY_DELAY = saved


@contextlib.contextmanager
def _sdk_patched(config: SoakConfig, report: SoakReport) -> Iterator[None]:
    """Small retry backoff and DEBUG logging watched for the key, for the run only."""
    logger = logging.getLogger("deepseek_sdk")
    handler, level, propagate = _KeyWatch(report), logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False  # pytest's log capture would keep every record
    try:
        with fast_backoff(*config.backoff):
            yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


class _LagProbe:
    """A thread that sleeps 10 ms at a time and records how late it wakes up.

    Its lateness is how long the process (GIL contention, a busy machine) kept anything from
    running: the checker adds it to the time a call may take, and treats a window with a
    long stall as one where healthy attempts may time out.
    """

    TICK: Final = 0.01

    def __init__(self) -> None:
        self._lag = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="soak-lag-probe", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            before = time.perf_counter()
            if self._stop.wait(self.TICK):
                return
            self._lag = max(self._lag, time.perf_counter() - before - self.TICK)

    def take(self) -> float:
        """The longest lateness since the last call (and start counting anew)."""
        lag, self._lag = self._lag, 0.0
        return lag

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


class _Run:
    """One soak run: the server, the clients and the windows of calls.

    Clients: `sync` and `async_` (client-wide deadline), their `with_options` copies with the
    tight deadline (same pools), and `cancelled`, an async client with its own pool for the
    calls the driver cancels. Every pool must be back to no busy connection after each
    window: on encode's httpcore 1.0.9 cancelled calls (and the async deadline, which
    cancels reads) left slots stuck for good (encode/httpcore#1093); httpcore2 does not.
    """

    def __init__(self, config: SoakConfig, server: ScriptedServer, report: SoakReport) -> None:
        self.config = config
        self.server = server
        self.report = report
        self.checker = _Checker(config, self._plan(), report)
        self.sync: DeepSeek = self._client(DeepSeek)
        self.sync_tight = self.sync.with_options(deadline=config.tight_deadline)
        self.pool = ThreadPoolExecutor(config.threads, thread_name_prefix="soak")
        self.async_: AsyncDeepSeek | None = None
        self.async_tight: AsyncDeepSeek | None = None
        self.cancelled: AsyncDeepSeek | None = None
        self.probe = _LagProbe()

    def _plan(self) -> FaultPlan:
        assert self.server.faults is not None
        return self.server.faults

    def _client(self, cls: Any) -> Any:
        config = self.config
        return cls(
            api_key=API_KEY,
            base_url=self.server.url,
            timeout=httpx2.Timeout(config.timeout),
            max_retries=config.max_retries,
            deadline=config.deadline,
        )

    def op_of(self, index: int) -> Op:
        return random.Random(f"{self.config.seed}:op:{index}").choice(OPS)

    def _deadline_of(self, index: int) -> float:
        return self.config.tight_deadline if index % 5 == 4 else self.config.deadline

    def _sync_call(self, index: int) -> _Outcome:
        op, marker, deadline = self.op_of(index), f"s{index}", self._deadline_of(index)
        client = self.sync_tight if deadline == self.config.tight_deadline else self.sync
        started = time.perf_counter()
        try:
            data = call_sync(client, op, marker)
        except Exception as exc:
            elapsed = time.perf_counter() - started
            return _Outcome(marker, op, deadline, elapsed, error=_error_info(exc))
        return _Outcome(marker, op, deadline, time.perf_counter() - started, data=data)

    async def _async_call(self, index: int, gate: asyncio.Semaphore) -> _Outcome:
        config = self.config
        op, deadline = self.op_of(index), self._deadline_of(index)
        cancel = config.cancel_every > 0 and index % config.cancel_every == 5
        client = self.async_tight if deadline == config.tight_deadline else self.async_
        if cancel:
            client, deadline = self.cancelled, config.deadline
        assert client is not None
        marker = f"x{index}" if cancel else f"a{index}"
        hang = deadline + config.hang_slack + 5
        limit = random.Random(f"{config.seed}:cancel:{index}").uniform(0.001, 0.06)
        async with gate:
            started = time.perf_counter()
            try:
                data = await asyncio.wait_for(
                    call_async(client, op, marker), limit if cancel else hang
                )
            except TimeoutError:
                error = _CANCELLED
                if not cancel:
                    error = _ErrorInfo("Hang", f"no result after {hang}s", False, False, False)
                return _Outcome(marker, op, deadline, time.perf_counter() - started, error=error)
            except Exception as exc:
                elapsed = time.perf_counter() - started
                return _Outcome(marker, op, deadline, elapsed, error=_error_info(exc))
        return _Outcome(marker, op, deadline, time.perf_counter() - started, data=data)

    async def run_windows(self) -> None:
        config, report = self.config, self.report
        loop = asyncio.get_running_loop()
        gate = asyncio.Semaphore(config.async_concurrency)
        self.async_ = self._client(AsyncDeepSeek)
        self.async_tight = self.async_.with_options(deadline=config.tight_deadline)
        self.cancelled = self._client(AsyncDeepSeek)
        try:
            for window in range(config.windows):
                first = window * config.calls_per_window
                indices = range(first, first + config.calls_per_window)
                jobs = [
                    loop.run_in_executor(self.pool, self._sync_call, i)
                    if i % 2 == 0
                    else self._async_call(i, gate)
                    for i in indices
                ]
                outcomes: list[_Outcome] = await asyncio.wait_for(asyncio.gather(*jobs), 300)
                for i, outcome in zip(indices, outcomes, strict=True):
                    report.calls["sync" if i % 2 == 0 else "async"] += 1
                    report.calls[outcome.op] += 1
                    report.latencies.append(outcome.elapsed)
                self.checker.lag = self.probe.take()
                report.max_lag = max(report.max_lag, self.checker.lag)
                self.checker.check_window(outcomes, self.server.drain_requests())
                del outcomes, jobs
                await asyncio.to_thread(self._between_windows)
        finally:
            await self.async_tight.close()  # a copy: must leave the shared pool open
            await self.async_.close()
            await self.cancelled.close()

    def _between_windows(self) -> None:
        """Check for leaked pool slots and server connections, and record RSS."""
        assert self.async_ is not None and self.cancelled is not None
        report = self.report
        for name, client in (("sync", self.sync), ("async", self.async_)):
            busy = busy_connections(client)
            report.stuck_slots[name] = max(report.stuck_slots[name], busy)
            if busy:
                report.violation(f"{busy} busy connections in the idle {name} client")
        busy = busy_connections(self.cancelled)
        report.stuck_slots["cancelled"] = max(report.stuck_slots["cancelled"], busy)
        if busy:
            report.violation(f"{busy} busy connections in the idle client of cancelled calls")
        # Idle pooled connections are fine: each pool keeps at most one per call it can run
        # at once (the two async pools share one gate).
        limit = self.config.threads + 2 * self.config.async_concurrency
        give_up = time.monotonic() + 3 + self.checker.lag
        while self.server.open_connections > limit and time.monotonic() < give_up:
            time.sleep(0.01)
        opened = self.server.open_connections
        report.max_open_connections = max(report.max_open_connections, opened)
        if opened > limit:
            report.violation(f"{opened} connections open between windows (limit {limit})")
        gc.collect()
        report.rss_kib.append(_rss_kib())

    def close(self) -> None:
        self.probe.stop()
        self.pool.shutdown(wait=True)
        self.sync_tight.close()  # a copy: must leave the shared pool open
        self.sync.close()


def run_soak(config: SoakConfig) -> SoakReport:
    """Run the soak described by `config` and return its report (see the module docstring)."""
    report = SoakReport()
    plan = FaultPlan(
        config.rates,
        seed=config.seed,
        stall_seconds=config.deadline + 5,
        retry_after_ms=5,
        retry_after=0.01,
    )
    budget = 600.0 + config.windows * config.calls_per_window
    started = time.perf_counter()
    with ScriptedServer(answer, faults=plan, max_requests=10**9, max_duration=budget) as server:
        gc.collect()
        report.fds_before = _fd_count()
        with _sdk_patched(config, report):
            run = _Run(config, server, report)
            try:
                asyncio.run(run.run_windows())
            finally:
                run.close()
        server.wait_until_idle(timeout=5)
        report.open_connections_after = server.open_connections
        del run
        gc.collect()
        report.fds_after = _fd_count()
        report.faults = server.fault_summary()
    report.duration = time.perf_counter() - started
    return report
