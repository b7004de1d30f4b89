"""Enforcing a call's deadline while the response is read.

httpx2 timeouts are per operation (connect, each write, each read), so a server that trickles
bytes (DeepSeek sends blank keep-alive lines before a queued body) never trips them. Two tools
keep a sync call within its deadline:

- `deadline_trace`: an httpcore2 `trace` hook that, as each phase starts (connect, TLS, sending,
  waiting for headers, reading the body), cuts that phase's timeout to the time left;
- `WATCHDOG`: one daemon thread that, when a deadline passes while a response is still being
  read, shuts that response's socket down so the blocked read fails at once (the client then
  raises `APITimeoutError`). Responses already closed are left alone.

The async client needs neither: it wraps each attempt in `asyncio.wait_for`.

A body left unread for the caller (`with_streaming_response`) is read after the call returns,
outside those limits; `bound_body` wraps it in `DeadlineBody`, whose reads end at the deadline
with `APITimeoutError` (async: each read under `asyncio.wait_for`; sync: checked after each read,
and the watchdog ends a blocked one).
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time
import weakref
from collections.abc import AsyncIterator, Iterator
from typing import Any, Callable

import httpx2

from ._exceptions import APITimeoutError

__all__ = ["WATCHDOG", "DeadlineBody", "Watchdog", "bound_body", "deadline_trace"]

_PHASE_TIMEOUTS = {
    "send_request_headers.started": "write",
    "send_request_body.started": "write",
    "receive_response_headers.started": "read",
    "receive_response_body.started": "read",
}


def deadline_trace(
    deadline: float, clock: Callable[[], float], timeouts: dict[str, float | None]
) -> Callable[[str, dict[str, Any]], None]:
    """An httpcore2 trace hook cutting each phase's timeout to `deadline - clock()`.

    `timeouts` must be the dict passed as the request's `timeout` extension: httpcore2 reads
    it when a phase starts, right after calling the hook.
    """

    def trace(name: str, info: dict[str, Any]) -> None:
        if not name.endswith(".started"):
            return
        remaining = max(deadline - clock(), 0.001)
        phase = _PHASE_TIMEOUTS.get(name.partition(".")[2])
        if phase is not None:
            current = timeouts.get(phase)
            timeouts[phase] = remaining if current is None else min(current, remaining)
            return
        current = info.get("timeout", False)  # connect_tcp / start_tls get it as a keyword
        if current is None or (isinstance(current, (int, float)) and not isinstance(current, bool)):
            info["timeout"] = remaining if current is None else min(current, remaining)

    return trace


class WatchEntry:
    """One armed deadline (cancel it with `Watchdog.cancel`)."""

    __slots__ = ("active", "at", "ref", "seq")

    def __init__(self, at: float, seq: int, response: httpx2.Response) -> None:
        self.at = at
        self.seq = seq
        self.ref = weakref.ref(response)
        self.active = True

    def __lt__(self, other: WatchEntry) -> bool:
        return (self.at, self.seq) < (other.at, other.seq)


class Watchdog:
    """A heap of (deadline, response) entries served by one lazily started daemon thread."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[WatchEntry] = []
        self._seq = itertools.count()
        self._cancelled = 0
        self._thread: threading.Thread | None = None

    def arm(self, response: httpx2.Response, delay: float) -> WatchEntry:
        """Cut `response` off `delay` seconds from now unless it is closed (or cancelled) first."""
        entry = WatchEntry(time.monotonic() + max(delay, 0.0), next(self._seq), response)
        with self._cond:
            heapq.heappush(self._heap, entry)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="sdk-deadline-watchdog", daemon=True
                )
                self._thread.start()
            if self._heap[0] is entry:
                self._cond.notify()
        return entry

    def cancel(self, entry: WatchEntry) -> None:
        with self._cond:
            if not entry.active:
                return
            entry.active = False
            self._cancelled += 1
            if self._cancelled > 64 and self._cancelled * 2 > len(self._heap):
                self._heap = [e for e in self._heap if e.active]
                heapq.heapify(self._heap)
                self._cancelled = 0

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._heap or self._heap[0].at > time.monotonic():
                    self._cond.wait(self._heap[0].at - time.monotonic() if self._heap else None)
                entry = heapq.heappop(self._heap)
                if not entry.active:
                    self._cancelled -= 1
                    continue
                entry.active = False
            cut_off(entry.ref())


def cut_off(response: httpx2.Response | None) -> None:
    """Shut down the socket under a response that is still open (no-op otherwise)."""
    if response is None or response.is_closed:
        return
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if isinstance(sock, socket.socket):
        # The base-class call also works on an SSLSocket without tearing down its TLS state.
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


WATCHDOG = Watchdog()


class DeadlineBody(httpx2.SyncByteStream, httpx2.AsyncByteStream):
    """A response body whose reads end at `deadline` (on `clock`) with `APITimeoutError`."""

    def __init__(
        self,
        stream: httpx2.SyncByteStream | httpx2.AsyncByteStream,
        request: httpx2.Request,
        deadline: float,
        clock: Callable[[], float],
    ) -> None:
        self._stream = stream
        self._request = request
        self._deadline = deadline
        self._clock = clock

    def _expired(self) -> APITimeoutError:
        return APITimeoutError(
            self._request,
            message="Request deadline exceeded while reading the response body. "
            "Pass a larger `deadline=` (or None to disable it) to the client or the call.",
        )

    def __iter__(self) -> Iterator[bytes]:
        if not isinstance(self._stream, httpx2.SyncByteStream):
            raise TypeError("this body must be read with the async API")
        try:
            for chunk in self._stream:
                if self._clock() >= self._deadline:
                    raise self._expired()
                yield chunk
        except httpx2.TransportError as exc:  # e.g. the watchdog shut the socket down
            if self._clock() >= self._deadline:
                raise self._expired() from exc
            raise

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if not isinstance(self._stream, httpx2.AsyncByteStream):
            raise TypeError("this body must be read with the sync API")
        import asyncio  # only async bodies need it; the sync client never imports it

        chunks = self._stream.__aiter__()
        while True:
            remaining = self._deadline - self._clock()
            if remaining <= 0:
                raise self._expired()
            try:
                chunk = await asyncio.wait_for(chunks.__anext__(), remaining)
            except StopAsyncIteration:
                return
            except asyncio.TimeoutError:
                raise self._expired() from None
            yield chunk

    def close(self) -> None:
        if isinstance(self._stream, httpx2.SyncByteStream):
            self._stream.close()

    async def aclose(self) -> None:
        if isinstance(self._stream, httpx2.AsyncByteStream):
            await self._stream.aclose()


def bound_body(response: httpx2.Response, deadline: float, clock: Callable[[], float]) -> None:
    """Make the reads of `response`'s unread body end at `deadline` (see `DeadlineBody`)."""
    response.stream = DeadlineBody(response.stream, response.request, deadline, clock)
