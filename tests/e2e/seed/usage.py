"""Seed "使用" (usage): create a chat completion and print the answer."""

import os
from typing import assert_type

from deepseek_sdk import DeepSeek
from deepseek_sdk.types.chat import ChatCompletion

client = DeepSeek(
    base_url=os.environ.get("DEEPSEEK_BASE_URL", "https://api.deepseek.com"),
    api_key=os.environ.get("DEEPSEEK_API_KEY", "<your API key>"),
)


def main() -> None:
    chat_completion = client.chat.completions.create(
        messages=[{"role": "user", "content": "Say this is a test"}],
        model="deepseek-chat",
    )
    assert_type(chat_completion, ChatCompletion)
    print(chat_completion.choices[0].message.content)


main()
