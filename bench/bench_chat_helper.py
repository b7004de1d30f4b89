"""Chat stream helper throughput: ours vs openai-python's `chat.completions.stream` helper.

Both SDKs read the same DeepSeek-shaped event stream (reasoning deltas, content deltas, two
tool calls in fragments, a usage-only chunk, `data: [DONE]`) from an in-memory
`httpx2.MockTransport`, iterate every helper event and build the final completion:

- `e2e`: `client.chat.completions.stream(...)` end to end (SSE decoding, chunk parsing, helper);
- `state`: only the accumulator (`ChatCompletionStreamState.handle_chunk` for pre-parsed chunks).

The table shows the median microseconds per chunk over `--runs` runs and the ratio
openai/ours (higher is better for us; the target is >= 1.5). Needs `generated/deepseek_sdk`
and the `openai` package (`make bench` installs it).

    .venv/bin/python bench/bench_chat_helper.py [--chunks 5000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx2

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "generated"))

MESSAGES = [{"role": "user", "content": "hi"}]
BASE_URL = "http://bench.invalid"


def make_chunks(n: int) -> list[dict[str, Any]]:
    """n DeepSeek-shaped chunks: a third reasoning, then content, two tool calls, usage last."""
    base = {
        "id": "0f8c4e1a",
        "object": "chat.completion.chunk",
        "created": 1718345013,
        "model": "deepseek-reasoner",
    }

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
        return {**base, "system_fingerprint": "fp_1", "choices": [choice], "usage": None}

    chunks = [chunk({"role": "assistant", "content": None, "reasoning_content": ""})]
    body = n - 8
    chunks += [chunk({"reasoning_content": f"step {i} "}) for i in range(body // 3)]
    chunks += [chunk({"content": f"word{i} "}) for i in range(body - body // 3)]
    for index, name in enumerate(("get_weather", "get_time")):
        first = {
            "index": index,
            "id": f"call_{index}",
            "type": "function",
            "function": {"name": name, "arguments": ""},
        }
        chunks.append(chunk({"tool_calls": [first]}))
        chunks.append(
            chunk({"tool_calls": [{"index": index, "function": {"arguments": '{"city": '}}]})
        )
        chunks.append(
            chunk({"tool_calls": [{"index": index, "function": {"arguments": '"Oslo"}'}}]})
        )
    chunks.append(chunk({"content": ""}, "tool_calls"))
    usage = {
        "prompt_tokens": 12,
        "completion_tokens": n,
        "total_tokens": n + 12,
        "prompt_cache_hit_tokens": 0,
        "prompt_cache_miss_tokens": 12,
    }
    chunks.append({**base, "choices": [], "usage": usage})
    return chunks


def sse_body(chunks: list[dict[str, Any]]) -> bytes:
    return (
        b"".join(b"data: " + json.dumps(c).encode() + b"\n\n" for c in chunks) + b"data: [DONE]\n\n"
    )


def transport(body: bytes) -> httpx2.MockTransport:
    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, content=body, headers={"content-type": "text/event-stream"})

    return httpx2.MockTransport(handler)


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up (imports, validators, connection setup)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def e2e_ours(body: bytes) -> Callable[[], object]:
    from deepseek_sdk import DeepSeek

    client = DeepSeek(
        api_key="sk-bench", base_url=BASE_URL, http_client=httpx2.Client(transport=transport(body))
    )

    def run() -> object:
        with client.chat.completions.stream(model="deepseek-reasoner", messages=MESSAGES) as stream:
            for _ in stream:
                pass
            return stream.get_final_completion()

    return run


def e2e_openai(body: bytes) -> Callable[[], object]:
    from openai import OpenAI

    client = OpenAI(
        api_key="sk-bench", base_url=BASE_URL, http_client=httpx2.Client(transport=transport(body))
    )

    def run() -> object:
        with client.chat.completions.stream(model="deepseek-reasoner", messages=MESSAGES) as stream:  # type: ignore[arg-type]
            for _ in stream:
                pass
            return stream.get_final_completion()

    return run


def state_only(
    state_cls: Any, chunk_cls: Any, chunks: list[dict[str, Any]]
) -> Callable[[], object]:
    parsed = [chunk_cls.model_validate(c) for c in chunks]

    def run() -> object:
        state = state_cls()
        for chunk in parsed:
            for _ in state.handle_chunk(chunk):
                pass
        return state.get_final_completion()

    return run


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chunks", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from deepseek_sdk.lib import ChatCompletionStreamState
    from deepseek_sdk.lib._generated_types import ChatCompletionChunk
    from openai.lib.streaming.chat import ChatCompletionStreamState as OpenAIState
    from openai.types.chat import ChatCompletionChunk as OpenAIChunk

    chunks = make_chunks(args.chunks)
    body = sse_body(chunks)
    rows = [
        ("e2e", e2e_ours(body), e2e_openai(body)),
        (
            "state",
            state_only(ChatCompletionStreamState, ChatCompletionChunk, chunks),
            state_only(OpenAIState, OpenAIChunk, chunks),
        ),
    ]
    print(f"{len(chunks)} chunks, median of {args.runs} runs (us per chunk)")
    print(f"{'':8}{'ours':>10}{'openai':>10}{'openai/ours':>14}")
    for name, ours, theirs in rows:
        ours_us = median_seconds(ours, args.runs) / len(chunks) * 1e6
        theirs_us = median_seconds(theirs, args.runs) / len(chunks) * 1e6
        print(f"{name:8}{ours_us:>10.1f}{theirs_us:>10.1f}{theirs_us / ours_us:>13.1f}x")


if __name__ == "__main__":
    main()
