"""Request ids, and the raw HTTP response (headers, status) next to the parsed object.

Every object a call returns has `_request_id` (from the `x-request-id` header, else DeepSeek's
`x-ds-trace-id`), to log failing requests and report them. `.with_raw_response` returns the
response with its headers and `.parse()` for the usual object (the Node SDK's
`.withResponse()`); `.with_streaming_response` reads the body only when you ask for it.

    DEEPSEEK_API_KEY=sk-... python examples/raw_response.py
"""

from __future__ import annotations

import asyncio

from deepseek_sdk import AsyncDeepSeek, DeepSeek
from deepseek_sdk.types import ChatCompletionMessageParam

MESSAGES: list[ChatCompletionMessageParam] = [
    {"role": "user", "content": "Say this is a test"}
]


def main() -> None:
    client = DeepSeek()
    completion = client.chat.completions.create(model="deepseek-chat", messages=MESSAGES)
    print("request id:", completion._request_id)

    response = client.chat.completions.with_raw_response.create(
        model="deepseek-chat", messages=MESSAGES
    )
    print("status:", response.status_code, "request id:", response.request_id)
    print("content-type:", response.headers.get("content-type"))
    completion = response.parse()  # the ChatCompletion the plain call returns
    print(completion.choices[0].message.content)

    # A stream with its response: headers first, then the chunks.
    stream_response = client.chat.completions.with_raw_response.create(
        model="deepseek-chat", messages=MESSAGES, stream=True
    )
    print("stream request id:", stream_response.request_id)
    with stream_response.parse() as stream:
        for chunk in stream:
            if chunk.choices:
                print(chunk.choices[0].delta.content or "", end="", flush=True)
    print()

    # The body is read only inside the `with` block.
    with client.chat.completions.with_streaming_response.create(
        model="deepseek-chat", messages=MESSAGES
    ) as lazy:
        print("streamed response:", lazy.status_code, lazy.headers.get("x-ds-trace-id"))
        print(lazy.parse().choices[0].message.content)


async def main_async() -> None:
    async with AsyncDeepSeek() as client:
        response = await client.chat.completions.with_raw_response.create(
            model="deepseek-chat", messages=MESSAGES
        )
        completion = await response.parse()
        print("async:", response.request_id, completion.choices[0].message.content)


if __name__ == "__main__":
    main()
    asyncio.run(main_async())
