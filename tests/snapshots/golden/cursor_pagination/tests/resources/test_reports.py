"""`client.reports`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from cursor_pages_sdk import AsyncCursorPages, CursorPages
from cursor_pages_sdk.pagination import AsyncPageNumberPage, SyncPageNumberPage


class TestReports:
    def test_method_list(self, client: CursorPages) -> None:
        result = client.reports.list(
        )
        assert isinstance(result, SyncPageNumberPage)

    def test_method_list_with_all_params(self, client: CursorPages) -> None:
        result = client.reports.list(
            page=1,
        )
        assert isinstance(result, SyncPageNumberPage)



@pytest.mark.anyio
class TestAsyncReports:
    async def test_method_list(self, async_client: AsyncCursorPages) -> None:
        result = await async_client.reports.list(
        )
        assert isinstance(result, AsyncPageNumberPage)

    async def test_method_list_with_all_params(self, async_client: AsyncCursorPages) -> None:
        result = await async_client.reports.list(
            page=1,
        )
        assert isinstance(result, AsyncPageNumberPage)

