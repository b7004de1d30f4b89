"""Seed "重试" and "超时" (retries, timeouts): client defaults and per-request options."""

import os
from typing import assert_type

import deepseek_sdk
import httpx2
from deepseek_sdk import DeepSeek
from deepseek_sdk.types.chat import ChatCompletion

BASE_URL = os.environ.get("DEEPSEEK_BASE_URL", "https://api.deepseek.com")
API_KEY = os.environ.get("DEEPSEEK_API_KEY", "<your API key>")
MESSAGES: list[deepseek_sdk.types.chat.ChatCompletionMessageParam] = [
    {"role": "user", "content": "How can I get the name of the current day in Python?"}
]


def main() -> None:
    # Configure the default for all requests:
    client = DeepSeek(base_url=BASE_URL, api_key=API_KEY, max_retries=0, timeout=20.0)
    # Or per request:
    completion = client.with_options(max_retries=5).chat.completions.create(
        messages=MESSAGES, model="deepseek-chat"
    )
    assert_type(completion, ChatCompletion)
    completion = client.chat.completions.create(
        messages=MESSAGES, model="deepseek-chat", timeout=5.0, max_retries=5
    )
    fine = DeepSeek(base_url=BASE_URL, api_key=API_KEY, timeout=httpx2.Timeout(60.0, connect=2.0))
    completion = fine.chat.completions.create(messages=MESSAGES, model="deepseek-chat")
    print(completion.choices[0].message.content)
    try:
        completion = client.chat.completions.create(
            messages=MESSAGES, model="deepseek-chat", timeout=5.0
        )
        print(completion.choices[0].message.content)
    except deepseek_sdk.APITimeoutError:  # after the retries (none with max_retries=0)
        print("timed out")


main()
