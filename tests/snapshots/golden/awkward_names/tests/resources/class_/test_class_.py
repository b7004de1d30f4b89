"""`client.class_`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from awkward_sdk import AsyncAwkward, Awkward
from awkward_sdk.types.class_ import Record, Record2


class TestClass:
    def test_method_retrieve(self, client: Awkward) -> None:
        result = client.class_.retrieve(
            "string",
        )
        assert isinstance(result, Record)

    def test_method_retrieve_with_all_params(self, client: Awkward) -> None:
        result = client.class_.retrieve(
            "string",
            self_="string",
            timeout_=1,
            include=["string"],
            x_trace_id="string",
        )
        assert isinstance(result, Record)

    def test_method_list(self, client: Awkward) -> None:
        result = client.class_.list(
        )
        assert result is not None

    def test_method_create(self, client: Awkward) -> None:
        result = client.class_.create(
        )
        assert isinstance(result, Record2)

    def test_method_create_with_all_params(self, client: Awkward) -> None:
        result = client.class_.create(
            class_="string",
            for_=1,
            normal="string",
        )
        assert isinstance(result, Record2)



@pytest.mark.anyio
class TestAsyncClass:
    async def test_method_retrieve(self, async_client: AsyncAwkward) -> None:
        result = await async_client.class_.retrieve(
            "string",
        )
        assert isinstance(result, Record)

    async def test_method_retrieve_with_all_params(self, async_client: AsyncAwkward) -> None:
        result = await async_client.class_.retrieve(
            "string",
            self_="string",
            timeout_=1,
            include=["string"],
            x_trace_id="string",
        )
        assert isinstance(result, Record)

    async def test_method_list(self, async_client: AsyncAwkward) -> None:
        result = await async_client.class_.list(
        )
        assert result is not None

    async def test_method_create(self, async_client: AsyncAwkward) -> None:
        result = await async_client.class_.create(
        )
        assert isinstance(result, Record2)

    async def test_method_create_with_all_params(self, async_client: AsyncAwkward) -> None:
        result = await async_client.class_.create(
            class_="string",
            for_=1,
            normal="string",
        )
        assert isinstance(result, Record2)

