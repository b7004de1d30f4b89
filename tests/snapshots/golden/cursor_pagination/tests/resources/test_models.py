"""`client.models`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from cursor_pages_sdk import AsyncCursorPages, CursorPages
from cursor_pages_sdk.pagination import AsyncPage, SyncPage


class TestModels:
    def test_method_list(self, client: CursorPages) -> None:
        result = client.models.list(
        )
        assert isinstance(result, SyncPage)



@pytest.mark.anyio
class TestAsyncModels:
    async def test_method_list(self, async_client: AsyncCursorPages) -> None:
        result = await async_client.models.list(
        )
        assert isinstance(result, AsyncPage)

