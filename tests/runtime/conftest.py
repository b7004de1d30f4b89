"""Fixtures for the runtime tests: `api` runs each test body on a sync and an async client."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from _rt_harness import Api


@pytest.fixture(params=["sync", "async"])
async def api(request: pytest.FixtureRequest) -> AsyncIterator[Api]:
    helper = Api(is_async=request.param == "async")
    yield helper
    await helper.close()
