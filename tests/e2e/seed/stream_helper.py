"""Seed "聊天完成串流助手" (chat completion streaming helper)."""

import os
from typing import assert_type

from deepseek_sdk import DeepSeek
from deepseek_sdk.lib import ChatCompletionStream, ParsedChatCompletion

client = DeepSeek(
    base_url=os.environ.get("DEEPSEEK_BASE_URL", "https://api.deepseek.com"),
    api_key=os.environ.get("DEEPSEEK_API_KEY", "<your API key>"),
)


def on_content(delta: str, snapshot: str) -> None:
    print(delta, end="")


def main() -> None:
    with client.beta.chat.completions.stream(
        model="deepseek-chat",
        messages=[{"role": "user", "content": "Say this is a test"}],
    ) as stream:
        assert_type(stream, ChatCompletionStream[None])
        stream.on("content", on_content)
        # or, equivalently, the events themselves:
        stream.on("content.delta", lambda event: print(end=event.snapshot[:0]))  # typed by name
        for event in stream:
            if event.type == "chunk" and event.chunk.choices:
                assert_type(event.chunk.choices[0].delta.content, "str | None")
        chat_completion = stream.get_final_completion()
    assert_type(chat_completion, ParsedChatCompletion[None])
    print()
    print(chat_completion.choices[0].message.content, chat_completion._request_id is not None)


main()
