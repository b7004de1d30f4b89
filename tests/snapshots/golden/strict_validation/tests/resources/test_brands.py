"""`client.brands`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from strict_sdk import AsyncStrict, Strict
from strict_sdk.types.brands import Brand


class TestBrands:
    def test_method_retrieve(self, client: Strict) -> None:
        result = client.brands.retrieve(
            "string",
        )
        assert isinstance(result, Brand)



@pytest.mark.anyio
class TestAsyncBrands:
    async def test_method_retrieve(self, async_client: AsyncStrict) -> None:
        result = await async_client.brands.retrieve(
            "string",
        )
        assert isinstance(result, Brand)

