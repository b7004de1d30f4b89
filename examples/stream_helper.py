"""The chat completion streaming helper: typed events, callbacks, and the final completion.

DEEPSEEK_API_KEY=sk-... python examples/stream_helper.py
"""

from __future__ import annotations

import asyncio

from deepseek_sdk import AsyncDeepSeek, DeepSeek
from deepseek_sdk.types import ChatCompletionMessageParam

MESSAGES: list[ChatCompletionMessageParam] = [
    {"role": "user", "content": "Say this is a test"}
]


def events() -> None:
    client = DeepSeek()
    with client.beta.chat.completions.stream(model="deepseek-chat", messages=MESSAGES) as stream:
        for event in stream:
            if event.type == "reasoning.delta":  # thinking mode (deepseek-reasoner)
                print(event.delta, end="", flush=True)
            elif event.type == "reasoning.done":
                print("\n--- end of reasoning ---")
            elif event.type == "content.delta":
                print(event.delta, end="", flush=True)
            elif event.type == "content.done":
                print()
    completion = stream.get_final_completion()
    print("finish reason:", completion.choices[0].finish_reason)
    if completion.usage is not None:
        print("tokens:", completion.usage.total_tokens)


def callbacks() -> None:
    """The Node SDK's `stream.on('content', (delta, snapshot) => ...)` style."""
    client = DeepSeek()
    with client.chat.completions.stream(model="deepseek-chat", messages=MESSAGES) as stream:
        stream.on("content", lambda delta, snapshot: print(delta, end="", flush=True))
        completion = stream.get_final_completion()  # runs the handlers while it drains the stream
    print("\n", completion.choices[0].message.content)


async def text_only() -> None:
    async with AsyncDeepSeek() as client:
        async with client.chat.completions.stream(
            model="deepseek-chat", messages=MESSAGES
        ) as stream:
            async for text in stream.text_deltas:
                print(text, end="", flush=True)
        print()


if __name__ == "__main__":
    events()
    callbacks()
    asyncio.run(text_only())
