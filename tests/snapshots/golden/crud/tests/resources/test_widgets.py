"""`client.widgets`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from crud_sdk import AsyncCrud, Crud
from crud_sdk.types.widgets import Widget


class TestWidgets:
    def test_method_create(self, client: Crud) -> None:
        result = client.widgets.create(
            name="string",
        )
        assert isinstance(result, Widget)

    def test_method_create_with_all_params(self, client: Crud) -> None:
        result = client.widgets.create(
            name="string",
            color="blue",
            size=1,
        )
        assert isinstance(result, Widget)

    def test_method_retrieve(self, client: Crud) -> None:
        result = client.widgets.retrieve(
            "string",
        )
        assert isinstance(result, Widget)

    def test_method_delete(self, client: Crud) -> None:
        result = client.widgets.delete(
            "string",
        )
        assert result is None

    def test_method_update(self, client: Crud) -> None:
        result = client.widgets.update(
            "string",
        )
        assert isinstance(result, Widget)

    def test_method_update_with_all_params(self, client: Crud) -> None:
        result = client.widgets.update(
            "string",
            name="string",
        )
        assert isinstance(result, Widget)



@pytest.mark.anyio
class TestAsyncWidgets:
    async def test_method_create(self, async_client: AsyncCrud) -> None:
        result = await async_client.widgets.create(
            name="string",
        )
        assert isinstance(result, Widget)

    async def test_method_create_with_all_params(self, async_client: AsyncCrud) -> None:
        result = await async_client.widgets.create(
            name="string",
            color="blue",
            size=1,
        )
        assert isinstance(result, Widget)

    async def test_method_retrieve(self, async_client: AsyncCrud) -> None:
        result = await async_client.widgets.retrieve(
            "string",
        )
        assert isinstance(result, Widget)

    async def test_method_delete(self, async_client: AsyncCrud) -> None:
        result = await async_client.widgets.delete(
            "string",
        )
        assert result is None

    async def test_method_update(self, async_client: AsyncCrud) -> None:
        result = await async_client.widgets.update(
            "string",
        )
        assert isinstance(result, Widget)

    async def test_method_update_with_all_params(self, async_client: AsyncCrud) -> None:
        result = await async_client.widgets.update(
            "string",
            name="string",
        )
        assert isinstance(result, Widget)

