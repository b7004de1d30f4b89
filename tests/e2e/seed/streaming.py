"""Seed "流式响应" (streaming responses): stream=True, then iterate the chunks."""

import os
from typing import assert_type

from deepseek_sdk import DeepSeek, Stream
from deepseek_sdk.types.chat import ChatCompletionChunk

client = DeepSeek(
    base_url=os.environ.get("DEEPSEEK_BASE_URL", "https://api.deepseek.com"),
    api_key=os.environ.get("DEEPSEEK_API_KEY", "<your API key>"),
)


def main() -> None:
    stream = client.chat.completions.create(
        model="deepseek-chat",
        messages=[{"role": "user", "content": "Say this is a test"}],
        stream=True,
    )
    assert_type(stream, Stream[ChatCompletionChunk])
    for chunk in stream:
        assert_type(chunk, ChatCompletionChunk)
        # chunk.choices[0]?.delta?.content || ''  (the last, usage-only chunk has no choices)
        print(chunk.choices[0].delta.content or "" if chunk.choices else "", end="")
    print()

    # To cancel a stream, break out of the loop or close it.
    with client.chat.completions.create(
        model="deepseek-chat",
        messages=[{"role": "user", "content": "Say this is a test"}],
        stream=True,
    ) as stream:
        for _chunk in stream:
            break
    print("cancelled")


main()
