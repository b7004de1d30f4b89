"""Seed "使用" with the async client (the Node example is async)."""

import asyncio
import os
from typing import assert_type

from deepseek_sdk import AsyncDeepSeek
from deepseek_sdk.types.chat import ChatCompletion


async def main() -> None:
    async with AsyncDeepSeek(
        base_url=os.environ.get("DEEPSEEK_BASE_URL", "https://api.deepseek.com"),
        api_key=os.environ.get("DEEPSEEK_API_KEY", "<your API key>"),
    ) as client:
        chat_completion = await client.chat.completions.create(
            messages=[{"role": "user", "content": "Say this is a test"}],
            model="deepseek-chat",
        )
        assert_type(chat_completion, ChatCompletion)
        print(chat_completion.choices[0].message.content)


asyncio.run(main())
