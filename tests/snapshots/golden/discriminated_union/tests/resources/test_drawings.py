"""`client.drawings`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from shapes_sdk import AsyncShapes, Shapes
from shapes_sdk.types.drawings import Drawing


class TestDrawings:
    def test_method_create(self, client: Shapes) -> None:
        result = client.drawings.create(
            shapes=[{"kind": "circle", "radius": 1.0}],
        )
        assert isinstance(result, Drawing)



@pytest.mark.anyio
class TestAsyncDrawings:
    async def test_method_create(self, async_client: AsyncShapes) -> None:
        result = await async_client.drawings.create(
            shapes=[{"kind": "circle", "radius": 1.0}],
        )
        assert isinstance(result, Drawing)

