"""The soak test's fake API: deterministic answers per call, and what the server really sent.

Every logical call carries a marker (`X-Soak-Call` header; chat calls also put it in the
message). The server's answer depends only on the request, so the checker can recompute,
for the attempt that ended a call, exactly what went over the wire: `sent_data(plan, request)`
applies the same `FaultPlan` transformation the server applied.

Operations (`OPS`): `chat` (POST, JSON), `chat_stream` (POST, SSE, read to the end),
`chat_stream_partial` (the same stream, closed after `PARTIAL_EVENTS` chunks), `retrieve`
(GET `/models/{id}` with an id full of characters that need percent-encoding) and `list`
(GET `/models`).
"""

from __future__ import annotations

import json
from typing import Any, Final, Literal, TypeAlias
from urllib.parse import unquote

from servers import (
    SSE_DONE,
    Action,
    FaultKind,
    FaultPlan,
    Json,
    RecordedRequest,
    Stream,
    sse,
)
from servers.actions import body_parts

Op: TypeAlias = Literal["chat", "chat_stream", "chat_stream_partial", "retrieve", "list"]
OPS: Final[tuple[Op, ...]] = ("chat", "chat_stream", "chat_stream_partial", "retrieve", "list")
MARKER_HEADER: Final = "X-Soak-Call"
CREATED: Final = 1748648834
STREAM_PIECES: Final = 6
PARTIAL_EVENTS: Final = 2
"""A `chat_stream_partial` call reads this many chunks, then closes the stream."""


def model_id_for(marker: str) -> str:
    """A model id that only survives the trip if the SDK percent-encodes its path segment."""
    return f"soak/{marker}?x=1#frag %2F é..+&"


def _usage(marker: str) -> dict[str, int]:
    prompt = len(marker)
    return {
        "prompt_tokens": prompt,
        "completion_tokens": 3,
        "total_tokens": prompt + 3,
        "prompt_cache_hit_tokens": 1,
        "prompt_cache_miss_tokens": prompt - 1,
    }


def chat_body(marker: str) -> dict[str, Any]:
    """The `chat.completion` for a call."""
    return {
        "id": f"chatcmpl-{marker}",
        "object": "chat.completion",
        "created": CREATED,
        "model": "deepseek-chat",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": f"echo {marker}"},
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": _usage(marker),
    }


def chat_chunks(marker: str) -> list[dict[str, Any]]:
    """The `chat.completion.chunk`s of a streamed call: role, content pieces, finish."""
    base = {
        "id": f"chatcmpl-{marker}",
        "object": "chat.completion.chunk",
        "created": CREATED,
        "model": "deepseek-chat",
    }
    pieces = [{"role": "assistant", "content": ""}]
    pieces += [{"content": f"{marker}:{n}"} for n in range(STREAM_PIECES)]
    chunks = [
        {**base, "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}
        for delta in pieces
    ]
    chunks.append({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    return chunks


def model_body(model_id: str) -> dict[str, Any]:
    return {"id": model_id, "object": "model", "owned_by": "soak"}


def answer(request: RecordedRequest) -> Action:
    """The normal (fault-free) answer to a request; anything unexpected gets a 4xx."""
    marker = request.header(MARKER_HEADER)
    if marker is None:
        return Json({"error": {"message": f"missing {MARKER_HEADER}"}}, status=400)
    segments = request.path.split("/")
    if request.method == "POST" and request.path == "/chat/completions":
        body = request.json()
        if body["messages"][0]["content"] != marker:
            return Json({"error": {"message": "marker mismatch"}}, status=400)
        if body.get("stream"):
            return Stream([*(sse(chunk) for chunk in chat_chunks(marker)), SSE_DONE])
        return Json(chat_body(marker))
    if request.method == "GET" and request.path == "/models":
        return Json({"object": "list", "data": [model_body(marker)]})
    if request.method == "GET" and len(segments) == 3 and segments[1] == "models":
        return Json(model_body(unquote(segments[2])))
    return Json({"error": {"message": f"unexpected {request.method} {request.target}"}}, 404)


def sent_data(plan: FaultPlan, request: RecordedRequest, limit: int | None = None) -> Any:
    """What the server sent for `request` (a success case): the JSON body, or the JSON
    payloads of the SSE data events up to `[DONE]` (at most `limit` of them), in order."""
    action = answer(request)
    if request.fault is not None:
        action = plan.apply(request.fault, action)
    _, content_type, body = body_parts(action)
    if content_type != "text/event-stream":
        return json.loads(body)
    payloads: list[Any] = []
    for block in body.split(b"\n\n"):
        for line in block.split(b"\n"):
            if line == SSE_DONE.strip() or len(payloads) == limit:
                return payloads
            if line.startswith(b"data: "):
                payloads.append(json.loads(line.removeprefix(b"data: ")))
    return payloads


# --- the retry oracle ----------------------------------------------------------------------

SUCCESS_FAULTS: Final[frozenset[FaultKind | None]] = frozenset(
    {None, "keepalive", "slow_body", "sse_duplicate", "sse_reorder"}
)
AFTER_HEADERS: Final[frozenset[FaultKind]] = frozenset(
    {"reset_after_headers", "reset_mid_body", "stall_mid_body"}
)


def fault_effect(fault: FaultKind | None, op: Op) -> tuple[bool, frozenset[str | None]]:
    """`(retried, acceptable outcomes)` for an attempt hit by `fault`; an outcome is the name of
    the SDK error class the call must raise, or None for a success.

    Failures before a 2xx status line are retried; so are body failures of non-streaming
    calls (the body is read inside the attempt). A stream is handed to the caller once its
    headers arrive, so later failures surface while iterating and are not retried. A complete
    2xx response with a bad body is not retried either. `trickle` never ends before the
    deadline. A partial stream read stops before the damage of the mid-body faults, but a
    reset may discard events the client had not read yet.
    """
    streaming = op in ("chat_stream", "chat_stream_partial")
    partial = op == "chat_stream_partial"
    if fault in SUCCESS_FAULTS:
        return False, frozenset({None})
    assert fault is not None
    if fault.startswith("http_429"):
        return True, frozenset({"RateLimitError"})
    if fault.startswith("http_5") or fault == "html_502":
        return True, frozenset({"InternalServerError"})
    if fault in ("reset", "close"):
        return True, frozenset({"APIConnectionError"})
    if fault in ("stall", "trickle"):
        return fault == "stall", frozenset({"APITimeoutError"})
    if fault == "html_200":
        return False, frozenset({"APIResponseValidationError"})
    if fault in ("truncated_json", "malformed_json"):
        if partial:
            return False, frozenset({None})
        return False, frozenset({"StreamError" if streaming else "APIResponseValidationError"})
    assert fault in AFTER_HEADERS, fault
    error = "APITimeoutError" if fault == "stall_mid_body" else "APIConnectionError"
    if partial and fault == "reset_mid_body":
        return False, frozenset({None, error})
    if partial and fault == "stall_mid_body":
        return False, frozenset({None})
    return not streaming, frozenset({error})
