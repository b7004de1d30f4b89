"""Automatic function calling: the runner calls your Python functions until the model answers.

DEEPSEEK_API_KEY=sk-... python examples/run_tools.py
"""

from __future__ import annotations

import asyncio
from typing import Literal

from deepseek_sdk import AsyncDeepSeek, DeepSeek
from deepseek_sdk.lib import function_tool, pydantic_function_tool
from deepseek_sdk.types import ChatCompletionMessageParam
from pydantic import BaseModel

QUESTION: list[ChatCompletionMessageParam] = [
    {"role": "user", "content": "What's the weather in Hangzhou and in Oslo, in celsius?"}
]


def get_weather(city: str, unit: Literal["celsius", "fahrenheit"] = "celsius") -> dict[str, object]:
    """Current weather for a city.

    Args:
        city: City name, e.g. "Hangzhou".
        unit: Temperature unit.
    """
    return {
        "city": city,
        "temperature": 21 if unit == "celsius" else 70,
        "unit": unit,
        "sky": "clear",
    }


class Reminder(BaseModel):
    """Create a reminder for the user."""

    text: str
    minutes_from_now: int


def create_reminder(reminder: Reminder) -> str:
    return f"Reminder set: {reminder.text!r} in {reminder.minutes_from_now} min"


def main() -> None:
    client = DeepSeek()
    runner = client.chat.completions.run_tools(
        model="deepseek-chat",
        messages=QUESTION,
        tools=[
            function_tool(get_weather),
            pydantic_function_tool(Reminder, function=create_reminder),
        ],
        max_rounds=5,
    )
    runner.on(
        "function_call", lambda call: print(f"-> {call.function.name}({call.function.arguments})")
    )
    runner.on("function_call_result", lambda result: print(f"<- {result.content}"))
    print(runner.final_content())
    print("tokens over all rounds:", runner.total_usage().total_tokens)


async def streaming() -> None:
    async def get_weather_async(city: str) -> str:
        """Current weather for a city (async)."""
        await asyncio.sleep(0)
        return f"{city}: 21 C, clear"

    async with AsyncDeepSeek() as client:
        runner = client.chat.completions.run_tools(
            model="deepseek-chat",
            messages=QUESTION,
            tools=[function_tool(get_weather_async)],
            stream=True,
        )
        async with runner:
            async for event in runner:
                if event.type == "content.delta":
                    print(event.delta, end="", flush=True)
        print()


if __name__ == "__main__":
    main()
    asyncio.run(streaming())
