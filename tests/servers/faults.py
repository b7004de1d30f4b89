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
    "reset_mid_body",  # headers and half the body (or half the SSE chunks), then a reset
    "stall",  # nothing for `stall_seconds`, then a close
    "slow_body",  # the normal body trickled in pieces `slow_interval` apart
    "truncated_json",  # the normal body cut in half (a complete but invalid response)
    "keepalive",  # blank lines (JSON) or `: keep-alive` comments (SSE) before the normal body
    "http_429",  # rate-limit error with `retry-after-ms`
    "http_500",  # JSON server error
    "http_503",  # overloaded error with `retry-after-ms`
    "html_502",  # an HTML error page from a proxy
]
FAULT_KINDS: tuple[FaultKind, ...] = get_args(FaultKind)
_SLOW_PIECES = 8  # a "slow_body" JSON body is sent in this many writes


@dataclass(frozen=True)
class FaultPlan:
    """Probabilities per fault kind (their sum is at most 1), picked per request by `seed`."""

    rates: Mapping[FaultKind, float]
    seed: int = 0
    stall_seconds: float = 5.0
    slow_interval: float = 0.005
    retry_after_ms: int | None = 0

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
        if kind == "html_502":
            page = (
                b"<html><head><title>502 Bad Gateway</title></head><body>bad gateway</body></html>"
            )
            return Raw(page, status=502, content_type="text/html")
        if isinstance(action, Stream):
            return self._stream_fault(kind, action)
        status, content_type, body = body_parts(action)
        if kind == "reset_mid_body":
            return PartialBody(body, len(body) // 2, status=status, content_type=content_type)
        if kind == "truncated_json":
            return Raw(body[: len(body) // 2], status=status, content_type=content_type)
        if kind == "keepalive":
            return Stream([b"\n", b"\n", body], status=status, content_type=content_type)
        step = max(1, -(-len(body) // _SLOW_PIECES))
        pieces: list[bytes | Pause] = [body[i : i + step] for i in range(0, len(body), step)]
        return Stream(pieces, status=status, content_type=content_type, interval=self.slow_interval)

    def _error_status(self, kind: FaultKind) -> Json:
        status = int(kind.removeprefix("http_"))
        headers = {}
        if status in (429, 503) and self.retry_after_ms is not None:
            headers["retry-after-ms"] = str(self.retry_after_ms)
        error = {"message": f"injected {status}", "type": "injected_fault", "code": None}
        return Json({"error": error}, status=status, headers=headers)

    def _stream_fault(self, kind: FaultKind, stream: Stream) -> Stream:
        chunks = list(stream.chunks)
        half = chunks[: max(1, len(chunks) // 2)]
        if kind == "reset_mid_body":
            return replace(stream, chunks=half, end="reset")
        if kind == "truncated_json":
            return replace(stream, chunks=[*half, b'data: {"truncated": \n\n'])
        if kind == "keepalive":
            return replace(stream, chunks=[sse_comment(), sse_comment(), *chunks])
        return replace(stream, interval=max(stream.interval, self.slow_interval))
