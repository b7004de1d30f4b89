"""`client.completions`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from streaming_sdk import AsyncStreaming, Streaming
from streaming_sdk.types.completions import Completion


class TestCompletions:
    def test_method_create(self, client: Streaming) -> None:
        result = client.completions.create(
            prompt="string",
        )
        assert isinstance(result, Completion)

    def test_method_create_with_all_params(self, client: Streaming) -> None:
        result = client.completions.create(
            prompt="string",
            stream=False,
        )
        assert isinstance(result, Completion)



@pytest.mark.anyio
class TestAsyncCompletions:
    async def test_method_create(self, async_client: AsyncStreaming) -> None:
        result = await async_client.completions.create(
            prompt="string",
        )
        assert isinstance(result, Completion)

    async def test_method_create_with_all_params(self, async_client: AsyncStreaming) -> None:
        result = await async_client.completions.create(
            prompt="string",
            stream=False,
        )
        assert isinstance(result, Completion)

