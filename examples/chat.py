"""The customer's first example, in Python: create a chat completion.

Reads DEEPSEEK_API_KEY and DEEPSEEK_BASE_URL from the environment (the client does this itself),
so the same script runs against api.deepseek.com or a local mock server.

    DEEPSEEK_API_KEY=sk-... python examples/chat.py
"""

from __future__ import annotations

import asyncio

from deepseek_sdk import AsyncDeepSeek, DeepSeek
from deepseek_sdk.types import ChatCompletion


def main() -> None:
    client = DeepSeek()
    completion: ChatCompletion = client.chat.completions.create(
        messages=[{"role": "user", "content": "Say this is a test"}],
        model="deepseek-chat",
    )
    print(completion.choices[0].message.content)
    if completion.usage is not None:
        print("cache hit tokens:", completion.usage.prompt_cache_hit_tokens)


async def main_async() -> None:
    async with AsyncDeepSeek() as client:
        completion = await client.chat.completions.create(
            messages=[{"role": "user", "content": "Say this is a test"}],
            model="deepseek-chat",
        )
        print(completion.choices[0].message.content)


if __name__ == "__main__":
    main()
    asyncio.run(main_async())
