"""`client.gadgets`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from error_bodies_sdk import AsyncErrorBodies, ErrorBodies
from error_bodies_sdk.types.gadgets import Gadget


class TestGadgets:
    def test_method_create(self, client: ErrorBodies) -> None:
        result = client.gadgets.create(
            name="string",
        )
        assert isinstance(result, Gadget)

    def test_method_retrieve(self, client: ErrorBodies) -> None:
        result = client.gadgets.retrieve(
            "string",
        )
        assert isinstance(result, Gadget)

    def test_method_delete(self, client: ErrorBodies) -> None:
        result = client.gadgets.delete(
            "string",
        )
        assert result is None



@pytest.mark.anyio
class TestAsyncGadgets:
    async def test_method_create(self, async_client: AsyncErrorBodies) -> None:
        result = await async_client.gadgets.create(
            name="string",
        )
        assert isinstance(result, Gadget)

    async def test_method_retrieve(self, async_client: AsyncErrorBodies) -> None:
        result = await async_client.gadgets.retrieve(
            "string",
        )
        assert isinstance(result, Gadget)

    async def test_method_delete(self, async_client: AsyncErrorBodies) -> None:
        result = await async_client.gadgets.delete(
            "string",
        )
        assert result is None

