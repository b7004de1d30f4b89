"""`client.shapes`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from shapes_sdk import AsyncShapes, Shapes


class TestShapesResource:
    def test_method_retrieve(self, client: Shapes) -> None:
        result = client.shapes.retrieve(
            "string",
        )
        assert result is not None



@pytest.mark.anyio
class TestAsyncShapesResource:
    async def test_method_retrieve(self, async_client: AsyncShapes) -> None:
        result = await async_client.shapes.retrieve(
            "string",
        )
        assert result is not None

