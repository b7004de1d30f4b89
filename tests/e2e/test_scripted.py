"""The customer's flows end to end, sync and async, against the scripted loopback server.

Each test scripts what DeepSeek would send (streams with keep-alives, error pages, stalls,
pages of fine-tuning jobs, ...) and checks what the generated SDK makes of it, and what it
sent, as the server recorded it.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from _e2e_support import Sdk
from _fake_deepseek import (
    CONTENT,
    JOB_IDS,
    REASONING,
    FakeDeepSeek,
    chat_chunk,
    chat_completion,
    chat_stream_events,
    error_body,
    job_page,
    multipart_parts,
)
from deepseek_sdk import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AsyncStream,
    BadRequestError,
    InternalServerError,
    PaymentRequiredError,
    RateLimitError,
    Stream,
    async_to_file,
    to_file,
)
from deepseek_sdk._exceptions import PaginationError
from deepseek_sdk.types import ChatCompletion, ChatCompletionChunk, ErrorResponse
from deepseek_sdk.types.files import FileObject
from deepseek_sdk.types.fine_tuning import FineTuningJob
from servers import (
    SSE_DONE,
    Json,
    Raw,
    ScriptedServer,
    Stall,
    keepalive_json,
    sse,
    sse_comment,
)
from servers import (
    Stream as ScriptedStream,
)

CHAT: dict[str, Any] = {
    "model": "deepseek-chat",
    "messages": [{"role": "user", "content": "Say this is a test"}],
}
ERROR_PAGE = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
    b"<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    b"</body>\r\n</html>\r\n"
)


def stream_text(chunks: list[ChatCompletionChunk], field: str) -> str:
    return "".join(getattr(c.choices[0].delta, field) or "" for c in chunks if c.choices)


# --- streaming -----------------------------------------------------------------------------


async def test_streaming_chat_reasoning_then_content(
    sdk: Sdk, scripted_server: ScriptedServer
) -> None:
    """Keep-alive comments are skipped, reasoning deltas come before content deltas, the
    usage-only chunk arrives last, `[DONE]` ends the stream and frees the connection."""
    scripted_server.enqueue(
        ScriptedStream(chat_stream_events(), interval=0.002, headers={"x-request-id": "req_s"}),
        Json(chat_completion()),
    )
    stream = await sdk.call(
        sdk.client.chat.completions.create(
            **CHAT, stream=True, stream_options={"include_usage": True}
        )
    )
    assert isinstance(stream, AsyncStream if sdk.is_async else Stream)
    assert stream.request_id == "req_s"
    chunks = await sdk.collect(stream)
    assert all(isinstance(c, ChatCompletionChunk) for c in chunks)
    assert stream_text(chunks, "reasoning_content") == "".join(REASONING)
    assert stream_text(chunks, "content") == "".join(CONTENT)
    kinds = [
        "reasoning" if c.choices[0].delta.reasoning_content else "content"
        for c in chunks
        if c.choices and (c.choices[0].delta.reasoning_content or c.choices[0].delta.content)
    ]
    assert kinds == ["reasoning"] * len(REASONING) + ["content"] * len(CONTENT)
    assert chunks[-2].choices[0].finish_reason == "stop"
    last = chunks[-1]
    assert last.choices == [] and last.usage is not None
    assert last.usage.prompt_cache_hit_tokens == 8 and last.usage.prompt_cache_miss_tokens == 4

    sent = scripted_server.requests[0]
    assert sent.json() == {**CHAT, "stream": True, "stream_options": {"include_usage": True}}
    # After `[DONE]` the connection went back to the pool: the next call reuses it.
    await sdk.call(sdk.client.chat.completions.create(**CHAT))
    assert scripted_server.requests[1].connection_id == sent.connection_id


async def test_a_chunk_without_choices_still_has_a_choices_list(
    sdk: Sdk, scripted_server: ScriptedServer
) -> None:
    """Some OpenAI-compatible servers leave `choices` out of the usage-only chunk: the plain
    stream still gives `choices == []`, as the type says (the stream helper copes too)."""
    usage_only = chat_chunk(usage_only=True)
    del usage_only["choices"]
    events = [sse(chat_chunk(role="assistant", content="hi")), sse(usage_only), SSE_DONE]
    scripted_server.enqueue(ScriptedStream(events), ScriptedStream(events))
    stream = await sdk.call(sdk.client.chat.completions.create(**CHAT, stream=True))
    chunks = await sdk.collect(stream)
    assert chunks[-1].choices == [] and chunks[-1].usage is not None
    manager = sdk.client.chat.completions.stream(**CHAT)
    async with sdk.enter(manager) as helper:
        completion = await sdk.call(helper.get_final_completion())
    assert completion.choices[0].message.content == "hi" and completion.usage is not None


@pytest.mark.parametrize("how", ["with", "close"])
async def test_early_break_closes_the_connection(
    sdk: Sdk, scripted_server: ScriptedServer, how: str
) -> None:
    """Leaving a stream early (`with` block or `close()`) hangs up at once, no leak."""
    events = [sse(chat_chunk(content=f"{n} ")) for n in range(300)] + [SSE_DONE]
    scripted_server.enqueue(ScriptedStream(events, interval=0.01), Json(chat_completion()))
    stream = await sdk.call(sdk.client.chat.completions.create(**CHAT, stream=True))
    if how == "with":
        async with sdk.enter(stream):
            first = await sdk.collect(stream, limit=3)
    else:
        first = await sdk.collect(stream, limit=3)
        await sdk.call(stream.close())
    assert stream_text(first, "content") == "0 1 2 "
    # The server would need 3 s to finish the stream: it sees the hang-up long before.
    assert await scripted_server.wait_until_idle_async(timeout=2.0)
    assert scripted_server.connections_closed == 1
    completion = await sdk.call(sdk.client.chat.completions.create(**CHAT))
    assert completion.choices[0].message.content == "".join(CONTENT)


@pytest.mark.parametrize("style", ["data", "event"])
async def test_error_mid_stream_raises_api_error(
    sdk: Sdk, scripted_server: ScriptedServer, style: str
) -> None:
    error = {"message": "Model overloaded", "type": "server_error", "code": "overloaded"}
    bad = sse({"error": error}) if style == "data" else sse({"error": error}, event="error")
    scripted_server.enqueue(
        ScriptedStream(
            [sse(chat_chunk(content="Hel")), bad, sse(chat_chunk(content="lo")), SSE_DONE]
        )
    )
    stream = await sdk.call(sdk.client.chat.completions.create(**CHAT, stream=True))
    received: list[Any] = []
    with pytest.raises(APIError, match="Model overloaded") as info:
        await sdk.collect(stream, into=received)
    assert not isinstance(info.value, APIStatusError)
    assert info.value.code == "overloaded"
    assert stream_text(received, "content") == "Hel"
    assert await scripted_server.wait_until_idle_async()
    assert len(scripted_server.requests) == 1, "a failed stream is never replayed"


async def test_disconnect_mid_stream_raises_connection_error(
    sdk: Sdk, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(ScriptedStream([sse(chat_chunk(content="Hel"))], end="reset"))
    stream = await sdk.call(sdk.client.chat.completions.create(**CHAT, stream=True))
    received: list[Any] = []
    with pytest.raises(APIConnectionError):
        await sdk.collect(stream, into=received)
    assert stream_text(received, "content") == "Hel"
    assert len(scripted_server.requests) == 1


# --- errors and retries ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "retry_header", [{"retry-after": "0.05"}, {"retry-after-ms": "20"}], ids=["s", "ms"]
)
async def test_429_is_retried_after_retry_after(
    sdk: Sdk, scripted_server: ScriptedServer, retry_header: dict[str, str]
) -> None:
    scripted_server.enqueue(
        Json(
            error_body("Rate limit reached", type_="rate_limit_error"),
            status=429,
            headers=retry_header,
        ),
        Json(chat_completion(), headers={"x-request-id": "req_ok"}),
    )
    response = await sdk.call(sdk.client.chat.completions.with_raw_response.create(**CHAT))
    assert response.retries_taken == 1
    completion = await sdk.call(response.parse())
    assert isinstance(completion, ChatCompletion)
    assert completion._request_id == "req_ok" == response.request_id
    assert len(scripted_server.requests) == 2


async def test_429_with_exhausted_quota_is_not_retried(
    sdk: Sdk, scripted_server: ScriptedServer
) -> None:
    body = error_body("You exceeded your current quota", type_="insufficient_quota")
    scripted_server.enqueue(Json(body, status=429, headers={"retry-after-ms": "1"}))
    with pytest.raises(RateLimitError):
        await sdk.call(sdk.client.chat.completions.create(**CHAT))
    assert len(scripted_server.requests) == 1


async def test_402_is_not_retried(sdk: Sdk, scripted_server: ScriptedServer) -> None:
    scripted_server.enqueue(
        Json(
            error_body("Insufficient Balance", type_="unknown_error", code="invalid_request_error"),
            status=402,
            headers={"x-ds-trace-id": "trace-402"},
        )
    )
    with pytest.raises(PaymentRequiredError) as info:
        await sdk.call(sdk.client.chat.completions.create(**CHAT))
    error = info.value
    assert error.status_code == 402
    assert "Insufficient Balance" in str(error)
    assert error.request_id == "trace-402"
    assert error.headers["x-ds-trace-id"] == "trace-402"
    # The spec declares `ErrorResponse` for 402: `body` is that model.
    assert isinstance(error.body, ErrorResponse)
    assert error.body.error.message == "Insufficient Balance"
    assert error.code == "invalid_request_error" and error.type == "unknown_error"
    assert len(scripted_server.requests) == 1


async def test_html_502_page_is_internal_server_error(
    sdk: Sdk, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(Raw(ERROR_PAGE, status=502, content_type="text/html"))
    with pytest.raises(InternalServerError) as info:
        await sdk.call(sdk.client.chat.completions.create(**CHAT, max_retries=0))
    assert info.value.status_code == 502
    assert info.value.body == ERROR_PAGE.decode()
    assert "502 Bad Gateway" in info.value.message
    assert "<html>" not in info.value.message


async def test_octet_stream_json_error_body_is_parsed(
    sdk: Sdk, scripted_server: ScriptedServer
) -> None:
    body = error_body("Model Not Exist", type_="invalid_request_error", code="invalid_model")
    scripted_server.enqueue(Raw(json.dumps(body).encode(), status=400))
    with pytest.raises(BadRequestError) as info:
        await sdk.call(sdk.client.chat.completions.create(**{**CHAT, "model": "gpt-4o"}))
    assert isinstance(info.value.body, ErrorResponse)  # the 400 body the spec declares
    assert info.value.body.to_dict() == body
    assert info.value.code == "invalid_model"
    assert info.value.type == "invalid_request_error"
    assert "Model Not Exist" in str(info.value)


async def test_blank_keepalive_lines_before_json_body(
    sdk: Sdk, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(
        keepalive_json(
            chat_completion(), blank_lines=3, interval=0.02, headers={"x-request-id": "req_k"}
        )
    )
    completion = await sdk.call(sdk.client.chat.completions.create(**CHAT))
    assert isinstance(completion, ChatCompletion)
    assert completion.choices[0].message.content == "".join(CONTENT)
    assert completion._request_id == "req_k"


async def test_idempotency_key_is_the_same_across_retries(
    sdk: Sdk, scripted_server: ScriptedServer
) -> None:
    fast = {"retry-after-ms": "1"}
    scripted_server.enqueue(
        Json(error_body("busy", type_="server_error"), status=503, headers=fast),
        Json(error_body("oops", type_="server_error"), status=500, headers=fast),
        Json(chat_completion()),
        Json(chat_completion()),
        Json({"object": "list", "data": []}),
    )
    await sdk.call(sdk.client.chat.completions.create(**CHAT))
    await sdk.call(sdk.client.chat.completions.create(**CHAT))
    await sdk.call(sdk.client.models.list())
    first, second, third, other, listing = scripted_server.requests
    key = first.header("idempotency-key")
    assert key
    assert second.header("idempotency-key") == key == third.header("idempotency-key")
    assert first.body == second.body == third.body
    assert other.header("idempotency-key") not in (None, key), "a new call gets a new key"
    assert listing.header("idempotency-key") is None, "GET requests carry no key"


# --- timeouts and the deadline -------------------------------------------------------------------


async def test_timeout_is_retried_then_raises(sdk: Sdk, scripted_server: ScriptedServer) -> None:
    scripted_server.enqueue(Stall(5), Stall(5))
    with pytest.raises(APITimeoutError):
        await sdk.call(sdk.client.chat.completions.create(**CHAT, timeout=0.2, max_retries=1))
    assert scripted_server.wait_for_requests(2)  # the server thread may lag behind the client
    assert len(scripted_server.requests) == 2


async def test_deadline_bounds_a_call_that_keeps_timing_out(
    sdk: Sdk, scripted_server: ScriptedServer
) -> None:
    """With retries left and a long per-read timeout, `deadline=` still ends the call."""
    scripted_server.handler = lambda request: Stall(10)
    client = sdk.client.with_options(deadline=0.5, timeout=30.0, max_retries=5)
    started = time.monotonic()
    with pytest.raises(APITimeoutError, match="deadline"):
        await sdk.call(client.chat.completions.create(**CHAT))
    # Generous bound: the call must end near 0.5 s, not after 30 s (timeout) x 6 (attempts).
    assert time.monotonic() - started < 5.0


async def test_deadline_bounds_a_stream_of_keepalives(
    sdk: Sdk, scripted_server: ScriptedServer
) -> None:
    """DeepSeek may send `: keep-alive` for minutes: an idle timer never fires, the deadline does."""
    scripted_server.enqueue(ScriptedStream([sse_comment()] * 500, interval=0.02))
    client = sdk.client.with_options(deadline=0.5, timeout=30.0)
    started = time.monotonic()
    stream = await sdk.call(client.chat.completions.create(**CHAT, stream=True))
    with pytest.raises(APITimeoutError, match="deadline"):
        await sdk.collect(stream)
    assert time.monotonic() - started < 5.0
    assert await scripted_server.wait_until_idle_async()


# --- pagination ----------------------------------------------------------------------------------


async def test_auto_pagination_over_fine_tuning_jobs(
    sdk: Sdk, scripted_server: ScriptedServer
) -> None:
    scripted_server.handler = lambda request: Json(FakeDeepSeek.job_list(request))
    jobs = await sdk.collect(sdk.client.fine_tuning.jobs.list(limit=2))
    assert [job.id for job in jobs] == JOB_IDS
    assert all(isinstance(job, FineTuningJob) for job in jobs)
    queries = [r.query for r in scripted_server.requests]
    assert queries == [
        {"limit": ["2"]},
        {"limit": ["2"], "after": ["ftjob-002"]},
        {"limit": ["2"], "after": ["ftjob-004"]},
    ]


async def test_pages_one_by_one(sdk: Sdk, scripted_server: ScriptedServer) -> None:
    scripted_server.handler = lambda request: Json(FakeDeepSeek.job_list(request))
    page = await sdk.call(sdk.client.fine_tuning.jobs.list(limit=2))
    seen = [job.id for job in page.data]
    while page.has_next_page():
        page = await sdk.call(page.get_next_page())
        seen += [job.id for job in page.data]
    assert seen == JOB_IDS
    assert page.has_more is False
    assert len(scripted_server.requests) == 3


async def test_repeated_cursor_stops_pagination(sdk: Sdk, scripted_server: ScriptedServer) -> None:
    """A server that answers `has_more: true` with the same page must not loop forever."""
    scripted_server.handler = lambda request: Json(job_page(JOB_IDS[:2], has_more=True))
    jobs: list[Any] = []
    with pytest.raises(PaginationError):
        await sdk.collect(sdk.client.fine_tuning.jobs.list(limit=2), into=jobs)
    assert len(scripted_server.requests) == 2
    assert [job.id for job in jobs] == JOB_IDS[:2] * 2


# --- files ---------------------------------------------------------------------------------------

UPLOAD = b'{"messages": [{"role": "user", "content": "hi"}]}\n'


@pytest.mark.parametrize("form", ["path", "file-object", "bytes", "tuple", "to_file"])
async def test_file_upload_forms(
    sdk: Sdk, scripted_server: ScriptedServer, tmp_path: Path, form: str
) -> None:
    """Every accepted `file=` form arrives as the same multipart body."""
    scripted_server.handler = FakeDeepSeek().handle
    path = tmp_path / "input.jsonl"
    path.write_bytes(UPLOAD)
    expected_name = "input.jsonl"
    handle = None
    file: Any
    if form == "path":
        file = path
    elif form == "file-object":
        file = handle = path.open("rb")
    elif form == "bytes":
        file, expected_name = UPLOAD, "upload"
    elif form == "tuple":
        file = ("input.jsonl", UPLOAD, "application/jsonl")
    elif sdk.is_async:
        file = await async_to_file(UPLOAD, "input.jsonl")
    else:
        file = to_file(UPLOAD, "input.jsonl")
    try:
        created = await sdk.call(sdk.client.files.create(file=file, purpose="fine-tune"))
    finally:
        if handle is not None:
            handle.close()
    assert isinstance(created, FileObject)
    assert created.filename == expected_name and created.bytes == len(UPLOAD)
    request = scripted_server.requests[0]
    assert (request.header("content-type") or "").startswith("multipart/form-data; boundary=")
    parts = multipart_parts(request)
    assert parts == {"purpose": (None, b"fine-tune"), "file": (expected_name, UPLOAD)}


async def test_to_file_with_binary_bytes(sdk: Sdk, scripted_server: ScriptedServer) -> None:
    """The seed's `toFile(new Uint8Array([0, 1, 2]), 'input.jsonl')`."""
    scripted_server.handler = FakeDeepSeek().handle
    upload = (
        await async_to_file(bytearray([0, 1, 2]), "input.jsonl")
        if sdk.is_async
        else to_file(bytes([0, 1, 2]), "input.jsonl")
    )
    await sdk.call(sdk.client.files.create(file=upload, purpose="fine-tune"))
    assert multipart_parts(scripted_server.requests[0])["file"] == ("input.jsonl", b"\x00\x01\x02")


async def test_file_content_read_and_write_to_file(
    sdk: Sdk, scripted_server: ScriptedServer, tmp_path: Path
) -> None:
    payload = os.urandom(300_000)
    scripted_server.handler = lambda request: Raw(payload, headers={"x-request-id": "req_f"})
    content = await sdk.call(sdk.client.files.content("file-abc123"))
    assert await sdk.call(content.read()) == payload
    assert content.request_id == "req_f"
    target = tmp_path / "out.bin"
    again = await sdk.call(sdk.client.files.content("file-abc123"))
    await sdk.call(again.write_to_file(target))
    assert target.read_bytes() == payload
    async with sdk.enter(
        sdk.client.files.with_streaming_response.content("file-abc123")
    ) as response:
        pieces = await sdk.collect(response.iter_bytes())
    assert b"".join(pieces) == payload
    assert [r.path for r in scripted_server.requests] == ["/files/file-abc123/content"] * 3


async def test_request_ids(sdk: Sdk, scripted_server: ScriptedServer) -> None:
    """`_request_id` comes from `x-request-id`, else DeepSeek's `x-ds-trace-id`."""
    scripted_server.enqueue(
        Json(chat_completion(), headers={"x-request-id": "req_123"}),
        Json(chat_completion(), headers={"x-ds-trace-id": "trace-9"}),
    )
    first = await sdk.call(sdk.client.chat.completions.create(**CHAT))
    second = await sdk.call(sdk.client.chat.completions.create(**CHAT))
    assert (first._request_id, second._request_id) == ("req_123", "trace-9")
