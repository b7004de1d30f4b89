"""Seed "聊天完成串流助手" with the async client, handlers as lambdas."""

import asyncio
import os
from typing import assert_type

from deepseek_sdk import AsyncDeepSeek
from deepseek_sdk.lib import AsyncChatCompletionStream, ParsedChatCompletion


async def main() -> None:
    client = AsyncDeepSeek(
        base_url=os.environ.get("DEEPSEEK_BASE_URL", "https://api.deepseek.com"),
        api_key=os.environ.get("DEEPSEEK_API_KEY", "<your API key>"),
    )
    async with client.beta.chat.completions.stream(
        model="deepseek-chat",
        messages=[{"role": "user", "content": "Say this is a test"}],
    ) as stream:
        assert_type(stream, AsyncChatCompletionStream[None])
        stream.on("content", lambda delta, snapshot: print(delta.upper(), end=""))
        chat_completion = await stream.get_final_completion()
    assert_type(chat_completion, ParsedChatCompletion[None])
    print()
    print(chat_completion.choices[0].message.content)
    await client.close()


asyncio.run(main())
