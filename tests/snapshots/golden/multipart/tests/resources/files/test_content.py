"""`client.files.content`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from uploads_sdk import AsyncUploads, Uploads


class TestContent:
    def test_method_retrieve(self, client: Uploads) -> None:
        result = client.files.content.retrieve(
            "string",
        )
        assert isinstance(result.read(), bytes)



@pytest.mark.anyio
class TestAsyncContent:
    async def test_method_retrieve(self, async_client: AsyncUploads) -> None:
        result = await async_client.files.content.retrieve(
            "string",
        )
        assert isinstance(await result.read(), bytes)

