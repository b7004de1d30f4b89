"""Fill in the middle (FIM, beta): complete code between a prefix and a suffix.

`client.completions.create` posts to `/beta/completions`, so it works with the default base
URL (`https://api.deepseek.com`). FIM output is capped at 4K tokens; not for thinking models.

    DEEPSEEK_API_KEY=sk-... python examples/fim.py
"""

from __future__ import annotations

import asyncio

from deepseek_sdk import AsyncDeepSeek, DeepSeek

PROMPT = "def fib(a):"
SUFFIX = "    return fib(a-1) + fib(a-2)"


def main() -> None:
    client = DeepSeek()
    completion = client.completions.create(
        model="deepseek-chat", prompt=PROMPT, suffix=SUFFIX, max_tokens=128
    )
    print(PROMPT + completion.choices[0].text + SUFFIX)
    if completion.usage is not None:
        print("tokens:", completion.usage.total_tokens)


async def main_async() -> None:
    async with AsyncDeepSeek() as client:
        stream = await client.completions.create(
            model="deepseek-chat", prompt=PROMPT, suffix=SUFFIX, max_tokens=128, stream=True
        )
        print(PROMPT, end="")
        async with stream:
            async for chunk in stream:
                if chunk.choices:
                    print(chunk.choices[0].text, end="", flush=True)
        print(SUFFIX)


if __name__ == "__main__":
    main()
    asyncio.run(main_async())
