"""Streaming responses: print a chat completion while it is generated (server-sent events).

`stream=True` returns a `Stream[ChatCompletionChunk]` (an `AsyncStream` on `AsyncDeepSeek`).
Thinking models send `reasoning_content` deltas before the answer's `content` deltas; with
`stream_options={"include_usage": True}` a last chunk with no choices carries the token usage.
To stop early, `break` inside `with stream:` (or call `stream.close()`): the connection closes.

    DEEPSEEK_API_KEY=sk-... python examples/streaming.py
"""

from __future__ import annotations

import asyncio

from deepseek_sdk import AsyncDeepSeek, DeepSeek
from deepseek_sdk.types import ChatCompletionMessageParam

MESSAGES: list[ChatCompletionMessageParam] = [
    {"role": "user", "content": "Say this is a test"}
]


def main() -> None:
    client = DeepSeek()
    stream = client.chat.completions.create(
        model="deepseek-chat",
        messages=MESSAGES,
        stream=True,
        stream_options={"include_usage": True},
    )
    thinking = False
    with stream:
        for chunk in stream:
            if chunk.choices:
                delta = chunk.choices[0].delta
                if delta.reasoning_content:  # thinking models reason first
                    if not thinking:
                        print("[thinking] ", end="")
                        thinking = True
                    print(delta.reasoning_content, end="", flush=True)
                elif delta.content:
                    if thinking:
                        print("\n[answer] ", end="")
                        thinking = False
                    print(delta.content, end="", flush=True)
            if chunk.usage is not None:
                print(
                    f"\n(tokens: {chunk.usage.total_tokens}, "
                    f"cache hits: {chunk.usage.prompt_cache_hit_tokens})"
                )

    # Cancelling: leave the loop; leaving the `with` block closes the connection.
    with client.chat.completions.create(
        model="deepseek-chat", messages=MESSAGES, stream=True
    ) as stream:
        for received, _chunk in enumerate(stream, start=1):
            if received == 2:
                break
    print(f"stopped after {received} chunks")


async def main_async() -> None:
    async with AsyncDeepSeek() as client:
        stream = await client.chat.completions.create(
            model="deepseek-chat", messages=MESSAGES, stream=True
        )
        async with stream:
            async for chunk in stream:
                if chunk.choices:
                    print(chunk.choices[0].delta.content or "", end="", flush=True)
        print()


if __name__ == "__main__":
    main()
    asyncio.run(main_async())
