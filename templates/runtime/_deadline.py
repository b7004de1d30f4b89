"""Enforcing a call's deadline on the sync client, where a blocked socket read cannot be cancelled.

httpx timeouts are per operation (connect, each write, each read), so a server that trickles
bytes (DeepSeek sends blank keep-alive lines before a queued body) never trips them. Two tools
keep a sync call within its deadline:

- `deadline_trace`: an httpcore `trace` hook that, as each phase starts (connect, TLS, sending,
  waiting for headers, reading the body), cuts that phase's timeout to the time left;
- `WATCHDOG`: one daemon thread that, when a deadline passes while a response is still being
  read, shuts that response's socket down so the blocked read fails at once (the client then
  raises `APITimeoutError`). Responses already closed are left alone.

The async client needs neither: it wraps each attempt in `asyncio.wait_for`.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time
import weakref
from typing import Any, Callable

import httpx

__all__ = ["WATCHDOG", "Watchdog", "deadline_trace"]

_PHASE_TIMEOUTS = {
    "send_request_headers.started": "write",
    "send_request_body.started": "write",
    "receive_response_headers.started": "read",
    "receive_response_body.started": "read",
}


def deadline_trace(
    deadline: float, clock: Callable[[], float], timeouts: dict[str, float | None]
) -> Callable[[str, dict[str, Any]], None]:
    """An httpcore trace hook cutting each phase's timeout to `deadline - clock()`.

    `timeouts` must be the dict passed as the request's `timeout` extension: httpcore reads
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

    def __init__(self, at: float, seq: int, response: httpx.Response) -> None:
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

    def arm(self, response: httpx.Response, delay: float) -> WatchEntry:
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


def cut_off(response: httpx.Response | None) -> None:
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
