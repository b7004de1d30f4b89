"""`client.notes`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from nullables_sdk import AsyncNullables, Nullables
from nullables_sdk.types.notes import Note


class TestNotes:
    def test_method_create(self, client: Nullables) -> None:
        result = client.notes.create(
            title="string",
            body="string",
        )
        assert isinstance(result, Note)

    def test_method_create_with_all_params(self, client: Nullables) -> None:
        result = client.notes.create(
            title="string",
            body="string",
            tags=["string"],
            parent={"id": "string"},
        )
        assert isinstance(result, Note)



@pytest.mark.anyio
class TestAsyncNotes:
    async def test_method_create(self, async_client: AsyncNullables) -> None:
        result = await async_client.notes.create(
            title="string",
            body="string",
        )
        assert isinstance(result, Note)

    async def test_method_create_with_all_params(self, async_client: AsyncNullables) -> None:
        result = await async_client.notes.create(
            title="string",
            body="string",
            tags=["string"],
            parent={"id": "string"},
        )
        assert isinstance(result, Note)

