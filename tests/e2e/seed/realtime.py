"""Seed "实时 API 测试版" (realtime API, beta): print text deltas as they arrive."""

import os
from typing import assert_type

from deepseek_sdk import DeepSeek
from deepseek_sdk.lib import RealtimeConnection

client = DeepSeek(
    base_url=os.environ.get("DEEPSEEK_BASE_URL", "https://api.deepseek.com"),
    api_key=os.environ.get("DEEPSEEK_API_KEY", "<your API key>"),
)


def main() -> None:
    with client.beta.realtime.connect(model="deepseek-chat") as rt:
        assert_type(rt, RealtimeConnection)
        rt.session.update(session={"modalities": ["text"]})
        rt.response.create()
        for event in rt:
            if event.type == "response.text.delta":
                print(event.delta, end="")
            elif event.type == "response.done":
                break
    print()


main()
