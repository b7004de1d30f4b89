"""`client.events`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from cursor_pages_sdk import AsyncCursorPages, CursorPages
from cursor_pages_sdk.pagination import AsyncNextUrlPage, SyncNextUrlPage


class TestEvents:
    def test_method_list(self, client: CursorPages) -> None:
        result = client.events.list(
        )
        assert isinstance(result, SyncNextUrlPage)

    def test_method_list_with_all_params(self, client: CursorPages) -> None:
        result = client.events.list(
            limit=1,
        )
        assert isinstance(result, SyncNextUrlPage)



@pytest.mark.anyio
class TestAsyncEvents:
    async def test_method_list(self, async_client: AsyncCursorPages) -> None:
        result = await async_client.events.list(
        )
        assert isinstance(result, AsyncNextUrlPage)

    async def test_method_list_with_all_params(self, async_client: AsyncCursorPages) -> None:
        result = await async_client.events.list(
            limit=1,
        )
        assert isinstance(result, AsyncNextUrlPage)

