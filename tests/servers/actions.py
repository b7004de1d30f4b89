"""What a scripted server does with one request: the `Action` types and helpers to build them.

Every action is an immutable value; the server (`servers.scripted.ScriptedServer`) performs it.
`Json`/`Raw` are complete responses with a `Content-Length`. `Stream` sends a body piece by piece
(chunked transfer encoding by default) with optional pauses, and can end cleanly, by closing,
by a TCP reset or by hanging. `PartialBody`, `Disconnect` and `Stall` produce broken exchanges.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

#: How a `Stream` ends after its last chunk: "complete" (terminating chunk, or EOF when
#: `framing="close"`), "close" (FIN without the terminating chunk), "reset" (TCP RST) or
#: "stall" (keep the connection open until the client or the server gives up).
StreamEnd: TypeAlias = Literal["complete", "close", "reset", "stall"]


@dataclass(frozen=True)
class Pause:
    """A delay inside a `Stream`'s chunk list."""

    seconds: float


@dataclass(frozen=True)
class Json:
    """A JSON response with `Content-Length`."""

    body: object
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)

    def encode(self) -> bytes:
        """The body as sent on the wire."""
        return json.dumps(self.body).encode()


@dataclass(frozen=True)
class Raw:
    """Arbitrary body bytes with any (or no) content type, with `Content-Length`."""

    body: bytes = b""
    status: int = 200
    content_type: str | None = "application/octet-stream"
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Stream:
    """A body sent as separate writes, with `interval` seconds before every chunk but the first.

    `framing="chunked"` uses `Transfer-Encoding: chunked` (empty chunks are skipped: they would
    end the body); `framing="close"` sends no length and marks the end of the body by closing.
    """

    chunks: Sequence[bytes | Pause]
    status: int = 200
    content_type: str | None = "text/event-stream"
    headers: Mapping[str, str] = field(default_factory=dict)
    interval: float = 0.0
    framing: Literal["chunked", "close"] = "chunked"
    end: StreamEnd = "complete"


@dataclass(frozen=True)
class PartialBody:
    """Headers announcing `len(body)` bytes, then only `body[:sent]`, then a reset or a close.

    `sent=0` gives "connection reset after headers".
    """

    body: bytes
    sent: int
    status: int = 200
    content_type: str | None = "application/json"
    headers: Mapping[str, str] = field(default_factory=dict)
    reset: bool = True


@dataclass(frozen=True)
class Disconnect:
    """Drop the connection without answering: TCP reset (`reset=True`) or a clean close (FIN)."""

    reset: bool = True


@dataclass(frozen=True)
class Stall:
    """Send nothing for `seconds` (past the client's read timeout), then perform `then`.

    With `then=None` the connection is closed. The stall ends early when the client hangs up
    or the server stops.
    """

    seconds: float
    then: Action | None = None


Action: TypeAlias = Json | Raw | Stream | PartialBody | Disconnect | Stall

#: The end-of-stream marker of OpenAI-style SSE streams.
SSE_DONE = b"data: [DONE]\n\n"


def sse(
    data: object,
    *,
    event: str | None = None,
    id: str | None = None,
    retry: int | None = None,
) -> bytes:
    """One server-sent event. `data` that is not a `str` is JSON-encoded; multi-line strings
    become several `data:` lines."""
    text = data if isinstance(data, str) else json.dumps(data)
    lines = []
    if event is not None:
        lines.append(f"event: {event}")
    if id is not None:
        lines.append(f"id: {id}")
    if retry is not None:
        lines.append(f"retry: {retry}")
    lines.extend(f"data: {line}" for line in text.split("\n"))
    return ("\n".join(lines) + "\n\n").encode()


def sse_comment(text: str = "keep-alive") -> bytes:
    """An SSE comment line, e.g. DeepSeek's `: keep-alive` sent while a request is queued."""
    return f": {text}\n\n".encode()


def keepalive_json(
    body: object,
    *,
    blank_lines: int = 2,
    interval: float = 0.0,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> Stream:
    """A JSON response preceded by blank lines, as DeepSeek sends while a non-streaming request
    waits in its queue (chunked, one write per line)."""
    chunks: list[bytes | Pause] = [b"\n"] * blank_lines
    chunks.append(json.dumps(body).encode())
    return Stream(
        chunks,
        status=status,
        content_type="application/json",
        headers=headers or {},
        interval=interval,
    )


def truncated_json(body: object, *, keep: float = 0.5, status: int = 200) -> Raw:
    """A complete response whose JSON text is cut after `keep` (a fraction) of its bytes."""
    encoded = json.dumps(body).encode()
    return Raw(encoded[: int(len(encoded) * keep)], status=status, content_type="application/json")


def body_parts(action: Action) -> tuple[int, str | None, bytes]:
    """`(status, content type, body bytes)` of an action; broken exchanges give an empty 200."""
    if isinstance(action, Json):
        return action.status, "application/json", action.encode()
    if isinstance(action, Raw | PartialBody):
        return action.status, action.content_type, action.body
    if isinstance(action, Stream):
        data = b"".join(c for c in action.chunks if isinstance(c, bytes))
        return action.status, action.content_type, data
    return 200, "application/json", b"{}"
