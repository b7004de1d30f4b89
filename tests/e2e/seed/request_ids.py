"""Seed "请求 ID" (request IDs): `_request_id` on responses, and the raw response of a stream."""

import os
from typing import assert_type

from deepseek_sdk import DeepSeek, Stream
from deepseek_sdk.types.chat import ChatCompletionChunk

client = DeepSeek(
    base_url=os.environ.get("DEEPSEEK_BASE_URL", "https://api.deepseek.com"),
    api_key=os.environ.get("DEEPSEEK_API_KEY", "<your API key>"),
)


def main() -> None:
    completion = client.chat.completions.create(
        messages=[{"role": "user", "content": "Say this is a test"}], model="deepseek-chat"
    )
    print(completion._request_id)  # req_123

    # .withResponse() in Node: the raw response of the call, then the parsed stream
    response = client.chat.completions.with_raw_response.create(
        model="deepseek-chat",
        messages=[{"role": "user", "content": "Say this is a test"}],
        stream=True,
    )
    print(response.request_id)
    stream = response.parse()
    assert_type(stream, Stream[ChatCompletionChunk])
    with stream:
        print(sum(1 for _ in stream) > 0)


main()
