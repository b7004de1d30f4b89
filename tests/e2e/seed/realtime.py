"""Seed "实时 API 测试版" (realtime API, beta): print text deltas as they arrive.

`for event in rt` gives the typed server events. The union has a catch-all member for event
types this SDK does not know yet, so mypy does not narrow it by `event.type == "..."` (pyright
does); matching on the class works with both.
"""

import os
from typing import assert_type

from deepseek_sdk import DeepSeek
from deepseek_sdk.lib import RealtimeConnection
from deepseek_sdk.types import RealtimeServerEventResponseDone, RealtimeServerEventResponseTextDelta

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
            if isinstance(event, RealtimeServerEventResponseTextDelta):
                print(event.delta, end="")
            elif isinstance(event, RealtimeServerEventResponseDone):
                break
    print()


main()
