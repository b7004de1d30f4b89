"""A small stand-in for api.deepseek.com on a `ScriptedServer`: `FakeDeepSeek().handle`.

It answers every path of the spec with DeepSeek-shaped bodies (ids, `usage` with the cache
fields, `x-request-id` / `x-ds-trace-id` headers), streams SSE when the body says
`"stream": true` (reasoning deltas, content deltas, `: keep-alive` comments, a usage-only chunk,
`data: [DONE]`), pages fine-tuning jobs by the `after` cursor and keeps uploaded files.
Used to run the examples and the installed package end to end.

Payload builders (`chat_completion`, `chat_chunk`, ...) are also used by the scripted tests.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

from servers import SSE_DONE, Action, Json, Raw, RecordedRequest, Stream, sse, sse_comment

CREATED = 1748648834
REASONING = ["The user ", "wants a test."]
CONTENT = ["This ", "is a ", "test."]
JOB_IDS = [f"ftjob-{n:03d}" for n in range(1, 6)]


def usage(prompt: int = 12, completion: int = 7, hit: int = 8) -> dict[str, Any]:
    """A DeepSeek `usage` object (prompt tokens = cache hits + misses)."""
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
        "prompt_cache_hit_tokens": hit,
        "prompt_cache_miss_tokens": prompt - hit,
    }


def chat_completion(
    content: str | None = "".join(CONTENT),
    *,
    reasoning: str | None = None,
    tool_calls: Sequence[dict[str, Any]] | None = None,
    model: str = "deepseek-chat",
) -> dict[str, Any]:
    """A `chat.completion` body."""
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if reasoning is not None:
        message["reasoning_content"] = reasoning
    if tool_calls:
        message["tool_calls"] = list(tool_calls)
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": CREATED,
        "model": model,
        "system_fingerprint": "fp_test",
        "choices": [
            {
                "index": 0,
                "message": message,
                "logprobs": None,
                "finish_reason": "tool_calls" if tool_calls else "stop",
            }
        ],
        "usage": usage(),
    }


def chat_chunk(
    *,
    content: str | None = None,
    reasoning: str | None = None,
    role: str | None = None,
    finish_reason: str | None = None,
    tool_calls: Sequence[dict[str, Any]] | None = None,
    usage_only: bool = False,
) -> dict[str, Any]:
    """A `chat.completion.chunk`; `usage_only=True` gives the final `choices: []` chunk."""
    base: dict[str, Any] = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": CREATED,
        "model": "deepseek-chat",
        "system_fingerprint": "fp_test",
    }
    if usage_only:
        return {**base, "choices": [], "usage": usage()}
    delta: dict[str, Any] = {"content": content}
    if role is not None:
        delta["role"] = role
    if reasoning is not None:
        delta["reasoning_content"] = reasoning
    if tool_calls is not None:
        delta["tool_calls"] = list(tool_calls)
    choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
    return {**base, "choices": [choice], "usage": None}


def chat_stream_events(
    content: Sequence[str] = CONTENT, *, reasoning: Sequence[str] = REASONING
) -> list[bytes]:
    """A whole DeepSeek chat stream: keep-alives, reasoning, content, usage chunk, `[DONE]`."""
    events = [
        sse_comment(),
        sse_comment(),
        sse(chat_chunk(role="assistant", content=None, reasoning="")),
    ]
    events += [sse(chat_chunk(reasoning=piece)) for piece in reasoning]
    events.append(sse_comment())
    events += [sse(chat_chunk(content=piece)) for piece in content]
    events.append(sse(chat_chunk(content="", finish_reason="stop")))
    events.append(sse(chat_chunk(usage_only=True)))
    events.append(SSE_DONE)
    return events


def fim_completion(text: str) -> dict[str, Any]:
    """A `text_completion` body (FIM)."""
    return {
        "id": "cmpl-1",
        "object": "text_completion",
        "created": CREATED,
        "model": "deepseek-chat",
        "choices": [{"index": 0, "text": text, "logprobs": None, "finish_reason": "stop"}],
        "usage": usage(),
    }


def fine_tuning_job(job_id: str, status: str = "running") -> dict[str, Any]:
    return {
        "id": job_id,
        "object": "fine_tuning.job",
        "created_at": CREATED,
        "model": "deepseek-chat",
        "status": status,
        "training_file": "file-abc123",
    }


def job_page(ids: Sequence[str], *, has_more: bool) -> dict[str, Any]:
    return {"object": "list", "data": [fine_tuning_job(i) for i in ids], "has_more": has_more}


def file_object(file_id: str, filename: str, size: int) -> dict[str, Any]:
    return {
        "id": file_id,
        "object": "file",
        "bytes": size,
        "created_at": CREATED,
        "filename": filename,
        "purpose": "fine-tune",
    }


def error_body(message: str, *, type_: str, code: str | None = None) -> dict[str, Any]:
    """An OpenAI-style error body as DeepSeek sends it."""
    return {"error": {"message": message, "type": type_, "param": None, "code": code}}


def multipart_parts(request: RecordedRequest) -> dict[str, tuple[str | None, bytes]]:
    """`{field name: (filename, content)}` of a multipart/form-data request body."""
    head = f"Content-Type: {request.header('content-type')}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.body)
    parts: dict[str, tuple[str | None, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        parts[str(name)] = (part.get_filename(), payload if isinstance(payload, bytes) else b"")
    return parts


MOUNTS = ("/v1", "/beta")


def split_mount(path: str) -> tuple[str, str]:
    """`("/beta", "/completions")` for `/beta/completions`; `("", path)` for a root path."""
    for mount in MOUNTS:
        if path.startswith(mount + "/"):
            return mount, path[len(mount) :]
    return "", path


class FakeDeepSeek:
    """Handler for a `ScriptedServer` that behaves like DeepSeek for every path of the spec."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[str, bytes]] = {}

    def handle(self, request: RecordedRequest) -> Action:
        headers = {
            "x-request-id": f"req_{request.index}",
            "x-ds-trace-id": f"trace-{request.index}",
        }
        action = self._route(request, headers)
        if action is None:
            return Json(
                {"error_msg": "Not Found. Please check the configuration."},
                status=404,
                headers=headers,
            )
        return action

    def _route(self, request: RecordedRequest, headers: dict[str, str]) -> Action | None:
        method = request.method
        # Like api.deepseek.com, the API is served at the root and again under /v1 and /beta;
        # FIM only under /beta, and chat prefix completion only works under /beta.
        mount, path = split_mount(request.path)
        parts = path.strip("/").split("/")
        if method == "POST" and path == "/chat/completions":
            return self._chat(request.json(), headers, beta=mount == "/beta")
        if method == "POST" and path == "/completions" and mount == "/beta":
            return self._fim(request.json(), headers)
        if method == "GET" and path == "/user/balance":
            balance = {
                "currency": "CNY",
                "total_balance": "110.00",
                "granted_balance": "10.00",
                "topped_up_balance": "100.00",
            }
            return Json({"is_available": True, "balance_infos": [balance]}, headers=headers)
        if method == "GET" and parts[0] == "models":
            model = {"id": "deepseek-chat", "object": "model", "owned_by": "deepseek"}
            if len(parts) == 2:
                return Json({**model, "id": parts[1]}, headers=headers)
            reasoner = {**model, "id": "deepseek-reasoner"}
            return Json({"object": "list", "data": [model, reasoner]}, headers=headers)
        if parts[0] == "files":
            return self._files(request, parts, headers)
        if parts[:2] == ["fine_tuning", "jobs"]:
            return self._jobs(request, parts[2:], headers)
        return None

    def _chat(self, body: dict[str, Any], headers: dict[str, str], *, beta: bool) -> Action:
        messages = body["messages"]
        if messages[-1].get("prefix") and not beta:
            message = (
                "Prefix completion is only available with base_url='https://api.deepseek.com/beta'"
            )
            return Json(
                error_body(message, type_="invalid_request_error"), status=400, headers=headers
            )
        tools = body.get("tools")
        if tools and messages[-1]["role"] != "tool":
            calls = [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {
                        "name": tools[0]["function"]["name"],
                        "arguments": json.dumps({"city": "Hangzhou"}),
                    },
                }
            ]
            if body.get("stream"):
                fragment = {**calls[0], "index": 0}
                events = [
                    sse(chat_chunk(role="assistant", tool_calls=[fragment])),
                    sse(chat_chunk(finish_reason="tool_calls")),
                    SSE_DONE,
                ]
                return Stream(events, headers=headers)
            return Json(chat_completion(None, tool_calls=calls), headers=headers)
        content = CONTENT
        if (body.get("response_format") or {}).get("type") == "json_object":
            answer = {
                "steps": [{"explanation": "subtract 7", "output": "8x = -30"}],
                "final_answer": "x = -3.75",
            }
            content = [json.dumps(answer)]
        if body.get("stream"):
            return Stream(chat_stream_events(content), headers=headers)
        return Json(
            chat_completion("".join(content), reasoning="".join(REASONING)), headers=headers
        )

    def _fim(self, body: dict[str, Any], headers: dict[str, str]) -> Action:
        text = "\n    if a <= 1:\n        return a\n"
        if not body.get("stream"):
            return Json(fim_completion(text), headers=headers)
        chunks = [fim_completion(piece) | {"usage": None} for piece in text.partition("\n    ")]
        chunks[-1]["usage"] = usage()
        return Stream([sse(c) for c in chunks] + [SSE_DONE], headers=headers)

    def _files(
        self, request: RecordedRequest, parts: list[str], headers: dict[str, str]
    ) -> Action | None:
        method = request.method
        if len(parts) == 1 and method == "POST":
            filename, content = multipart_parts(request)["file"]
            file_id = f"file-{len(self.files) + 1:03d}"
            self.files[file_id] = (filename or "upload", content)
            return Json(file_object(file_id, filename or "upload", len(content)), headers=headers)
        if len(parts) == 1 and method == "GET":
            data = [file_object(i, name, len(c)) for i, (name, c) in self.files.items()]
            return Json({"object": "list", "data": data, "has_more": False}, headers=headers)
        name, content = self.files.get(parts[1], ("input.jsonl", b'{"prompt": "hi"}\n'))
        if len(parts) == 3 and parts[2] == "content" and method == "GET":
            return Raw(content, headers=headers)
        if len(parts) == 2 and method == "GET":
            return Json(file_object(parts[1], name, len(content)), headers=headers)
        if len(parts) == 2 and method == "DELETE":
            self.files.pop(parts[1], None)
            return Json({"id": parts[1], "object": "file", "deleted": True}, headers=headers)
        return None

    def _jobs(
        self, request: RecordedRequest, rest: list[str], headers: dict[str, str]
    ) -> Action | None:
        method = request.method
        if not rest and method == "GET":
            return Json(self.job_list(request), headers=headers)
        if not rest and method == "POST":
            body = request.json()
            message = f"training_file {body['training_file']!r} does not exist"
            return Json(
                error_body(message, type_="invalid_request_error", code="invalid_training_file"),
                status=400,
                headers=headers,
            )
        if len(rest) == 1 and method == "GET":
            return Json(fine_tuning_job(rest[0]), headers=headers)
        if len(rest) == 2 and rest[1] == "cancel" and method == "POST":
            return Json(fine_tuning_job(rest[0], "cancelled"), headers=headers)
        if len(rest) == 2 and rest[1] == "events" and method == "GET":
            event = {
                "id": "ftevent-1",
                "object": "fine_tuning.job.event",
                "created_at": CREATED,
                "level": "info",
                "message": "Job started",
            }
            return Json({"object": "list", "data": [event], "has_more": False}, headers=headers)
        return None

    @staticmethod
    def job_list(request: RecordedRequest) -> dict[str, Any]:
        """Pages of `JOB_IDS`, `limit` (default 2) per page, continuing after `after`."""
        limit = int(request.query.get("limit", ["2"])[0])
        after = request.query.get("after", [None])[0]
        start = JOB_IDS.index(after) + 1 if after in JOB_IDS else 0
        ids = JOB_IDS[start : start + limit]
        return job_page(ids, has_more=start + limit < len(JOB_IDS))
