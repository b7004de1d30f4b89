"""Deterministic fault injection for soak tests: `FaultPlan` turns a normal answer into a fault.

The fault for a request depends only on `(seed, request index)`, so a run is reproducible even
when requests come from many threads: request N always gets the same fault kind.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal, TypeAlias, get_args

from .actions import (
    Action,
    Disconnect,
    Json,
    PartialBody,
    Pause,
    Raw,
    Stall,
    Stream,
    body_parts,
    sse_comment,
)

FaultKind: TypeAlias = Literal[
    "reset",  # TCP reset before any response byte
    "close",  # clean close (FIN) before any response byte
    "reset_after_headers",  # 200 headers, no body byte, then a reset
    "reset_mid_body",  # headers and half the body (or half the SSE chunks), then a reset
    "stall",  # nothing for `stall_seconds`, then a close
    "stall_mid_body",  # headers and half the body (or SSE chunks), then silence
    "slow_body",  # the normal body trickled in pieces `slow_interval` apart
    "truncated_json",  # the normal body cut in half (a complete but invalid response)
    "malformed_json",  # the whole body with a syntax error (SSE: one event's JSON)
    "keepalive",  # blank lines (JSON) or `: keep-alive` comments (SSE) before the normal body
    "trickle",  # keep-alives every `trickle_interval` for `stall_seconds`, then the normal body
    "sse_duplicate",  # SSE: one data event sent twice in a row (JSON: unchanged)
    "sse_reorder",  # SSE: two adjacent data events swapped (JSON: unchanged)
    "http_429",  # rate-limit error with `retry-after-ms`
    "http_429_retry_after",  # rate-limit error with `Retry-After` (seconds)
    "http_429_bare",  # rate-limit error without any retry hint
    "http_500",  # JSON server error
    "http_503",  # overloaded error with `retry-after-ms`
    "http_503_retry_after",  # overloaded error with `Retry-After` (seconds)
    "http_503_bare",  # overloaded error without any retry hint
    "html_502",  # an HTML error page from a proxy
    "html_200",  # an HTML page with status 200 (captive portal, misrouted proxy)
]
FAULT_KINDS: tuple[FaultKind, ...] = get_args(FaultKind)
_SLOW_PIECES = 8  # a "slow_body" JSON body is sent in this many writes
_HTML_502 = b"<html><head><title>502 Bad Gateway</title></head><body>bad gateway</body></html>"


@dataclass(frozen=True)
class FaultPlan:
    """Probabilities per fault kind (their sum is at most 1), picked per request by `seed`.

    `trickle` sends a keep-alive every `trickle_interval` seconds (shorter than a client's read
    timeout) for `stall_seconds`: only an overall deadline stops it.
    `retry_after_ms` is the `retry-after-ms` value of `http_429`/`http_503` (None: no header);
    `retry_after` the `Retry-After` value (seconds, formatted with `%g`) of the `*_retry_after`
    kinds.
    """

    rates: Mapping[FaultKind, float]
    seed: int = 0
    stall_seconds: float = 5.0
    slow_interval: float = 0.005
    trickle_interval: float = 0.1
    retry_after_ms: int | None = 0
    retry_after: float = 1.0

    def __post_init__(self) -> None:
        unknown = set(self.rates) - set(FAULT_KINDS)
        if unknown:
            raise ValueError(f"unknown fault kinds {sorted(unknown)}; known: {FAULT_KINDS}")
        if any(rate < 0 for rate in self.rates.values()) or sum(self.rates.values()) > 1:
            raise ValueError("fault rates must be >= 0 and sum to at most 1")

    def pick(self, index: int) -> FaultKind | None:
        """The fault for the request with this arrival index, or None."""
        roll = random.Random(f"{self.seed}:{index}").random()
        total = 0.0
        for kind in FAULT_KINDS:
            total += self.rates.get(kind, 0.0)
            if roll < total:
                return kind
        return None

    def apply(self, kind: FaultKind, action: Action) -> Action:
        """The action that injects `kind` in place of the normal `action`."""
        if kind in ("reset", "close"):
            return Disconnect(reset=kind == "reset")
        if kind == "stall":
            return Stall(self.stall_seconds)
        if kind.startswith("http_"):
            return self._error_status(kind)
        if kind in ("html_502", "html_200"):
            status = 502 if kind == "html_502" else 200
            return Raw(_HTML_502, status=status, content_type="text/html")
        if isinstance(action, Stream):
            return self._stream_fault(kind, action)
        status, content_type, body = body_parts(action)
        half = len(body) // 2
        if kind == "reset_after_headers":
            return PartialBody(body, 0, status=status, content_type=content_type)
        if kind == "reset_mid_body":
            return PartialBody(body, half, status=status, content_type=content_type)
        if kind == "stall_mid_body":
            return Stream([body[:half]], status=status, content_type=content_type, end="stall")
        if kind == "truncated_json":
            return Raw(body[:half], status=status, content_type=content_type)
        if kind == "malformed_json":
            return Raw(_break_json(body), status=status, content_type=content_type)
        if kind == "keepalive":
            return Stream([b"\n", b"\n", body], status=status, content_type=content_type)
        if kind == "trickle":
            lines: list[bytes | Pause] = [b"\n"] * self._trickle_count()
            return Stream(
                [*lines, body],
                status=status,
                content_type=content_type,
                interval=self.trickle_interval,
            )
        if kind in ("sse_duplicate", "sse_reorder"):
            return action
        step = max(1, -(-len(body) // _SLOW_PIECES))
        pieces: list[bytes | Pause] = [body[i : i + step] for i in range(0, len(body), step)]
        return Stream(pieces, status=status, content_type=content_type, interval=self.slow_interval)

    def _trickle_count(self) -> int:
        return max(1, int(self.stall_seconds / self.trickle_interval))

    def _error_status(self, kind: FaultKind) -> Json:
        code, _, variant = kind.removeprefix("http_").partition("_")
        status = int(code)
        headers = {}
        if variant == "retry_after":
            headers["retry-after"] = f"{self.retry_after:g}"
        elif not variant and status in (429, 503) and self.retry_after_ms is not None:
            headers["retry-after-ms"] = str(self.retry_after_ms)
        error = {"message": f"injected {status}", "type": "injected_fault", "code": None}
        return Json({"error": error}, status=status, headers=headers)

    def _stream_fault(self, kind: FaultKind, stream: Stream) -> Stream:
        chunks = list(stream.chunks)
        half = chunks[: max(1, len(chunks) // 2)]
        events = [i for i, chunk in enumerate(chunks) if _is_data_event(chunk)]
        middle = events[len(events) // 2] if events else None
        if kind == "reset_after_headers":
            return replace(stream, chunks=[], end="reset")
        if kind == "reset_mid_body":
            return replace(stream, chunks=half, end="reset")
        if kind == "stall_mid_body":
            return replace(stream, chunks=half, end="stall")
        if kind == "truncated_json":
            return replace(stream, chunks=[*half, b'data: {"truncated": \n\n'])
        if kind == "malformed_json" and middle is not None:
            chunk = chunks[middle]
            assert isinstance(chunk, bytes)
            chunks[middle] = chunk.rstrip(b"\n")[:-1] + b",}\n\n"
            return replace(stream, chunks=chunks)
        if kind == "keepalive":
            return replace(stream, chunks=[sse_comment(), sse_comment(), *chunks])
        if kind == "trickle":
            comments = [sse_comment()] * self._trickle_count()
            return replace(stream, chunks=[*comments, *chunks], interval=self.trickle_interval)
        if kind == "sse_duplicate" and middle is not None:
            chunks.insert(middle, chunks[middle])
            return replace(stream, chunks=chunks)
        if kind == "sse_reorder" and len(events) >= 2:
            first, second = events[len(events) // 2 - 1], events[len(events) // 2]
            chunks[first], chunks[second] = chunks[second], chunks[first]
            return replace(stream, chunks=chunks)
        if kind == "slow_body":
            return replace(stream, interval=max(stream.interval, self.slow_interval))
        return stream  # an event fault on a stream without (enough) data events


def _is_data_event(chunk: bytes | Pause) -> bool:
    """A whole one-event chunk carrying a JSON object (not `[DONE]`, not a comment)."""
    return isinstance(chunk, bytes) and chunk.startswith(b"data: {") and chunk.endswith(b"}\n\n")


def _break_json(body: bytes) -> bytes:
    """`body` with a trailing comma before its last character: `{"a": 1,}` (invalid JSON)."""
    stripped = body.rstrip()
    return stripped[:-1] + b"," + stripped[-1:] if stripped else b","
