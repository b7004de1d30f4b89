"""Fixtures for the runtime tests: `api` runs each test body on a sync and an async client of
`things_sdk` (see `_runtime_support`)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from _runtime_support import API_KEY, Api


@pytest.fixture(autouse=True)
def _environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The environment a user's process has: the key in `$THINGS_API_KEY`, nothing else set."""
    monkeypatch.setenv("THINGS_API_KEY", API_KEY)
    for name in ("THINGS_BASE_URL", "THINGS_LOG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["sync", "async"])
async def api(request: pytest.FixtureRequest) -> AsyncIterator[Api]:
    helper = Api(is_async=request.param == "async")
    yield helper
    await helper.close()
