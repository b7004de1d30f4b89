"""Builders for chat completion chunks/completions and SSE scripts used by the helper tests."""

from typing import Any

from servers import SSE_DONE, Json, Stream, sse

CHUNK_BASE = {
    "id": "3c1f0a52",
    "object": "chat.completion.chunk",
    "created": 1748648834,
    "model": "deepseek-chat",
    "system_fingerprint": "fp_x",
}
USAGE = {
    "prompt_tokens": 10,
    "completion_tokens": 5,
    "total_tokens": 15,
    "prompt_cache_hit_tokens": 4,
    "prompt_cache_miss_tokens": 6,
    "prompt_tokens_details": {"cached_tokens": 4},
}


def chunk(
    delta: dict[str, Any] | None = None,
    *,
    finish_reason: str | None = None,
    logprobs: dict[str, Any] | None = None,
    index: int = 0,
    usage: dict[str, Any] | None = None,
    choices: bool = True,
) -> dict[str, Any]:
    """One chat.completion.chunk dict; `choices=False` gives DeepSeek's usage-only chunk."""
    body: dict[str, Any] = dict(CHUNK_BASE)
    body["choices"] = (
        [
            {
                "index": index,
                "delta": delta or {},
                "logprobs": logprobs,
                "finish_reason": finish_reason,
            }
        ]
        if choices
        else []
    )
    if usage is not None:
        body["usage"] = usage
    return body


def tool_fragment(
    index: int, arguments: str, *, call_id: str | None = None, name: str | None = None
) -> dict[str, Any]:
    """A `delta.tool_calls` item: the first fragment for an index carries id/type/name."""
    fragment: dict[str, Any] = {"index": index, "function": {"arguments": arguments}}
    if call_id is not None:
        fragment.update(id=call_id, type="function")
        fragment["function"]["name"] = name
    return fragment


def text_chunks(
    *pieces: str, reasoning: tuple[str, ...] = (), usage: dict[str, Any] = USAGE
) -> list[dict[str, Any]]:
    """A DeepSeek-style text stream: role chunk, reasoning, content, finish chunk, usage-only chunk."""
    chunks = [
        chunk(
            {"role": "assistant", "content": None, "reasoning_content": "" if reasoning else None}
        )
    ]
    chunks += [chunk({"reasoning_content": piece, "content": None}) for piece in reasoning]
    chunks += [chunk({"role": None, "content": piece}) for piece in pieces]
    chunks.append(chunk({"content": ""}, finish_reason="stop"))
    chunks.append(chunk(choices=False, usage=usage))
    return chunks


def tool_call_chunks(
    calls: list[tuple[str, str, str]], *, usage: dict[str, Any] = USAGE
) -> list[dict[str, Any]]:
    """A stream making the given (id, name, arguments) tool calls, arguments split in two fragments."""
    chunks = [chunk({"role": "assistant", "content": ""})]
    for index, (call_id, name, arguments) in enumerate(calls):
        half = len(arguments) // 2
        chunks.append(chunk({"tool_calls": [tool_fragment(index, "", call_id=call_id, name=name)]}))
        chunks.append(chunk({"tool_calls": [tool_fragment(index, arguments[:half])]}))
        chunks.append(chunk({"tool_calls": [tool_fragment(index, arguments[half:])]}))
    chunks.append(chunk({"content": ""}, finish_reason="tool_calls", usage=usage))
    return chunks


def sse_stream(chunks: list[dict[str, Any]]) -> Stream:
    """A scripted-server answer streaming `chunks` then `[DONE]`."""
    return Stream([sse(c) for c in chunks] + [SSE_DONE])


def completion(
    content: str | None = None,
    *,
    tool_calls: list[tuple[str, str, str]] | None = None,
    finish_reason: str = "stop",
    reasoning_content: str | None = None,
    usage: dict[str, Any] | None = USAGE,
) -> dict[str, Any]:
    """A chat.completion body (`usage=None` leaves usage out)."""
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if reasoning_content is not None:
        message["reasoning_content"] = reasoning_content
    if tool_calls:
        message["tool_calls"] = [
            {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}
            for call_id, name, arguments in tool_calls
        ]
    return {
        "id": "930c60df",
        "object": "chat.completion",
        "created": 1748648834,
        "model": "deepseek-chat",
        "choices": [
            {"index": 0, "message": message, "logprobs": None, "finish_reason": finish_reason}
        ],
        **({"usage": usage} if usage is not None else {}),
    }


def json_completion(*args: Any, **kwargs: Any) -> Json:
    """A scripted-server answer with `completion(...)`."""
    return Json(completion(*args, **kwargs))
