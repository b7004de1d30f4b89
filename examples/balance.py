"""Account balance (`GET /user/balance`, a DeepSeek extension) and the available models.

DEEPSEEK_API_KEY=sk-... python examples/balance.py
"""

from __future__ import annotations

import asyncio

from deepseek_sdk import AsyncDeepSeek, DeepSeek


def main() -> None:
    client = DeepSeek()
    balance = client.user.balance()
    print("can call the API:", balance.is_available)
    for info in balance.balance_infos or []:
        print(
            f"{info.currency}: {info.total_balance} "
            f"(granted {info.granted_balance}, topped up {info.topped_up_balance})"
        )
    print("models:", ", ".join(model.id for model in client.models.list()))


async def main_async() -> None:
    async with AsyncDeepSeek() as client:
        balance = await client.user.balance()
        print("async: can call the API:", balance.is_available)


if __name__ == "__main__":
    main()
    asyncio.run(main_async())
