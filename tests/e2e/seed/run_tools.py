"""Seed "自动函数调用" (automatic function calling): run_tools calls your Python functions."""

import json
import os
from typing import assert_type

from deepseek_sdk import DeepSeek
from deepseek_sdk.lib import ChatCompletionToolRunner, function_tool
from deepseek_sdk.types.chat import ChatCompletion

client = DeepSeek(
    base_url=os.environ.get("DEEPSEEK_BASE_URL", "https://api.deepseek.com"),
    api_key=os.environ.get("DEEPSEEK_API_KEY", "<your API key>"),
)


def get_weather(city: str) -> str:
    """Current weather in a city.

    Args:
        city: City name, e.g. Hangzhou.
    """
    return json.dumps({"city": city, "weather": "24°C, cloudy"})


def main() -> None:
    runner = client.beta.chat.completions.run_tools(
        model="deepseek-chat",
        messages=[{"role": "user", "content": "How is the weather in Hangzhou?"}],
        tools=[function_tool(get_weather)],
    )
    assert_type(runner, ChatCompletionToolRunner)
    runner.on(
        "function_call", lambda call: print("->", call.function.name, call.function.arguments)
    )
    runner.on("message", lambda message: None)
    final = runner.get_final_completion()
    assert_type(final, ChatCompletion)
    print(final.choices[0].message.content)


main()
