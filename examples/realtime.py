"""Realtime API over WebSocket (beta).

DeepSeek does not serve a realtime API; this client speaks the OpenAI-style protocol described
in the spec, for servers that implement it. Needs the extra: `pip install 'sdkgen-deepseek[realtime]'`.

    DEEPSEEK_API_KEY=... DEEPSEEK_BASE_URL=https://realtime.example.com python examples/realtime.py
"""

from __future__ import annotations

import asyncio

from deepseek_sdk import AsyncDeepSeek, DeepSeek
from deepseek_sdk.types import (
    RealtimeServerEventError,
    RealtimeServerEventResponseDone,
    RealtimeServerEventResponseTextDelta,
)

MODEL = "realtime-model"


def main() -> None:
    client = DeepSeek()
    with client.beta.realtime.connect(model=MODEL) as conn:
        conn.session.update(session={"modalities": ["text"]})
        conn.conversation.item.create(
            item={
                "type": "message",
                "role": "user",
                "content": [{"type": "input_text", "text": "Say hello!"}],
            }
        )
        conn.response.create()
        for event in conn:
            if isinstance(event, RealtimeServerEventResponseTextDelta):
                print(event.delta, end="", flush=True)
            elif isinstance(event, RealtimeServerEventError):
                print("\nserver error:", event.error.message)
            elif isinstance(event, RealtimeServerEventResponseDone):
                print()
                break


async def main_async() -> None:
    client = AsyncDeepSeek()
    async with client.beta.realtime.connect(model=MODEL) as conn:
        await conn.send({"type": "response.create"})
        async for event in conn:
            if isinstance(event, RealtimeServerEventResponseTextDelta):
                print(event.delta, end="", flush=True)
            elif isinstance(event, RealtimeServerEventResponseDone):
                print()
                break


if __name__ == "__main__":
    main()
    asyncio.run(main_async())
