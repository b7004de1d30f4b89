"""`client.class_.all`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from awkward_sdk import AsyncAwkward, Awkward


class TestAll:
    def test_method_list(self, client: Awkward) -> None:
        result = client.class_.all.list(
        )
        assert result is not None



@pytest.mark.anyio
class TestAsyncAll:
    async def test_method_list(self, async_client: AsyncAwkward) -> None:
        result = await async_client.class_.all.list(
        )
        assert result is not None

