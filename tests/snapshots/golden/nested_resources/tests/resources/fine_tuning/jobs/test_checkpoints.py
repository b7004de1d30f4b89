"""`client.fine_tuning.jobs.checkpoints`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from nested_sdk import AsyncNested, Nested
from nested_sdk.pagination import AsyncPage, SyncPage


class TestCheckpoints:
    def test_method_list(self, client: Nested) -> None:
        result = client.fine_tuning.jobs.checkpoints.list(
            "string",
        )
        assert isinstance(result, SyncPage)



@pytest.mark.anyio
class TestAsyncCheckpoints:
    async def test_method_list(self, async_client: AsyncNested) -> None:
        result = await async_client.fine_tuning.jobs.checkpoints.list(
            "string",
        )
        assert isinstance(result, AsyncPage)

