"""`client.user`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from nested_sdk import AsyncNested, Nested
from nested_sdk.types import UserBalanceResponse


class TestUser:
    def test_method_balance(self, client: Nested) -> None:
        result = client.user.balance(
        )
        assert isinstance(result, UserBalanceResponse)



@pytest.mark.anyio
class TestAsyncUser:
    async def test_method_balance(self, async_client: AsyncNested) -> None:
        result = await async_client.user.balance(
        )
        assert isinstance(result, UserBalanceResponse)

