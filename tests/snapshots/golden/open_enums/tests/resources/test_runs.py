"""`client.runs`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from enums_sdk import AsyncEnums, Enums
from enums_sdk.types.runs import Run


class TestRuns:
    def test_method_create(self, client: Enums) -> None:
        result = client.runs.create(
            model="string",
        )
        assert isinstance(result, Run)

    def test_method_create_with_all_params(self, client: Enums) -> None:
        result = client.runs.create(
            model="string",
            mode="sync",
            priority=1,
        )
        assert isinstance(result, Run)



@pytest.mark.anyio
class TestAsyncRuns:
    async def test_method_create(self, async_client: AsyncEnums) -> None:
        result = await async_client.runs.create(
            model="string",
        )
        assert isinstance(result, Run)

    async def test_method_create_with_all_params(self, async_client: AsyncEnums) -> None:
        result = await async_client.runs.create(
            model="string",
            mode="sync",
            priority=1,
        )
        assert isinstance(result, Run)

