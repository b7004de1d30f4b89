"""`client.events`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from streaming_sdk import AsyncStreaming, Streaming


class TestEvents:
    def test_method_retrieve(self, client: Streaming) -> None:
        result = client.events.retrieve(
            extra_headers={"Accept": "text/event-stream"},
        )
        with result:
            for _ in result:
                pass



@pytest.mark.anyio
class TestAsyncEvents:
    async def test_method_retrieve(self, async_client: AsyncStreaming) -> None:
        result = await async_client.events.retrieve(
            extra_headers={"Accept": "text/event-stream"},
        )
        async with result:
            async for _ in result:
                pass

