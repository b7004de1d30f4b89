"""`client.fine_tuning.jobs`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from nested_sdk import AsyncNested, Nested
from nested_sdk.pagination import AsyncPage, SyncPage
from nested_sdk.types.fine_tuning import Job


class TestJobs:
    def test_method_create(self, client: Nested) -> None:
        result = client.fine_tuning.jobs.create(
            model="string",
        )
        assert isinstance(result, Job)

    def test_method_cancel(self, client: Nested) -> None:
        result = client.fine_tuning.jobs.cancel(
            "string",
        )
        assert isinstance(result, Job)

    def test_method_list_events(self, client: Nested) -> None:
        result = client.fine_tuning.jobs.list_events(
            "string",
        )
        assert isinstance(result, SyncPage)



@pytest.mark.anyio
class TestAsyncJobs:
    async def test_method_create(self, async_client: AsyncNested) -> None:
        result = await async_client.fine_tuning.jobs.create(
            model="string",
        )
        assert isinstance(result, Job)

    async def test_method_cancel(self, async_client: AsyncNested) -> None:
        result = await async_client.fine_tuning.jobs.cancel(
            "string",
        )
        assert isinstance(result, Job)

    async def test_method_list_events(self, async_client: AsyncNested) -> None:
        result = await async_client.fine_tuning.jobs.list_events(
            "string",
        )
        assert isinstance(result, AsyncPage)

