"""`client.trees`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from trees_sdk import AsyncTrees, Trees
from trees_sdk.types.trees import Node


class TestTreesResource:
    def test_method_retrieve(self, client: Trees) -> None:
        result = client.trees.retrieve(
            "string",
        )
        assert isinstance(result, Node)

    def test_method_update(self, client: Trees) -> None:
        result = client.trees.update(
            "string",
            root={"name": "string"},
        )
        assert isinstance(result, Node)



@pytest.mark.anyio
class TestAsyncTreesResource:
    async def test_method_retrieve(self, async_client: AsyncTrees) -> None:
        result = await async_client.trees.retrieve(
            "string",
        )
        assert isinstance(result, Node)

    async def test_method_update(self, async_client: AsyncTrees) -> None:
        result = await async_client.trees.update(
            "string",
            root={"name": "string"},
        )
        assert isinstance(result, Node)

