"""Seed "请求和响应类型" (request & response types): typed params, then create(**params)."""

import os
from typing import assert_type

from deepseek_sdk import DeepSeek
from deepseek_sdk.types.chat import ChatCompletion, CompletionCreateParams

client = DeepSeek(
    base_url=os.environ.get("DEEPSEEK_BASE_URL", "https://api.deepseek.com"),
    api_key=os.environ.get("DEEPSEEK_API_KEY", "<your API key>"),
)


def main() -> None:
    params: CompletionCreateParams = {
        "messages": [{"role": "user", "content": "Say this is a test"}],
        "model": "deepseek-chat",
    }
    chat_completion: ChatCompletion = client.chat.completions.create(**params)
    assert_type(chat_completion, ChatCompletion)
    print(chat_completion.choices[0].message.content)


main()
