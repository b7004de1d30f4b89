"""`client.jobs`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from cursor_pages_sdk import AsyncCursorPages, CursorPages
from cursor_pages_sdk.pagination import AsyncCursorPage, SyncCursorPage


class TestJobs:
    def test_method_list(self, client: CursorPages) -> None:
        result = client.jobs.list(
        )
        assert isinstance(result, SyncCursorPage)

    def test_method_list_with_all_params(self, client: CursorPages) -> None:
        result = client.jobs.list(
            after="string",
            limit=20,
        )
        assert isinstance(result, SyncCursorPage)



@pytest.mark.anyio
class TestAsyncJobs:
    async def test_method_list(self, async_client: AsyncCursorPages) -> None:
        result = await async_client.jobs.list(
        )
        assert isinstance(result, AsyncCursorPage)

    async def test_method_list_with_all_params(self, async_client: AsyncCursorPages) -> None:
        result = await async_client.jobs.list(
            after="string",
            limit=20,
        )
        assert isinstance(result, AsyncCursorPage)

