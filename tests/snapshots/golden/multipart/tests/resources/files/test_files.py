"""`client.files`: every method, sync and async, with its required arguments and with
all of them, against a mock server of the spec (see `tests/conftest.py`)."""

from __future__ import annotations

import pytest

from uploads_sdk import AsyncUploads, Uploads
from uploads_sdk.types.files import StoredFile


class TestFiles:
    def test_method_create(self, client: Uploads) -> None:
        result = client.files.create(
            file=("example.txt", b"example file contents\n"),
            purpose="fine-tune",
        )
        assert isinstance(result, StoredFile)

    def test_method_create_with_all_params(self, client: Uploads) -> None:
        result = client.files.create(
            file=("example.txt", b"example file contents\n"),
            purpose="fine-tune",
            extra_files=[("example.txt", b"example file contents\n")],
        )
        assert isinstance(result, StoredFile)



@pytest.mark.anyio
class TestAsyncFiles:
    async def test_method_create(self, async_client: AsyncUploads) -> None:
        result = await async_client.files.create(
            file=("example.txt", b"example file contents\n"),
            purpose="fine-tune",
        )
        assert isinstance(result, StoredFile)

    async def test_method_create_with_all_params(self, async_client: AsyncUploads) -> None:
        result = await async_client.files.create(
            file=("example.txt", b"example file contents\n"),
            purpose="fine-tune",
            extra_files=[("example.txt", b"example file contents\n")],
        )
        assert isinstance(result, StoredFile)

