"""Fixtures for the end-to-end tests: the generated package and clients on the test servers.

The servers themselves (`mock_server`, `scripted_server`) come from tests/conftest.py.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from _e2e_support import GENERATED, Sdk, make_sdk
from _fake_deepseek import FakeDeepSeek
from servers import ScriptedServer

sys.path.insert(0, str(GENERATED))


@pytest.fixture(params=["sync", "async"])
def is_async(request: pytest.FixtureRequest) -> bool:
    """Each test using it runs twice: with `DeepSeek` and with `AsyncDeepSeek`."""
    return bool(request.param == "async")


@pytest.fixture
async def sdk_factory(is_async: bool) -> AsyncIterator[Callable[..., Sdk]]:
    """`sdk_factory(base_url, **client_options)`: clients of the parametrised kind, closed at
    teardown."""
    made: list[Sdk] = []

    def factory(base_url: str, **options: Any) -> Sdk:
        sdk = make_sdk(is_async=is_async, base_url=base_url, **options)
        made.append(sdk)
        return sdk

    yield factory
    for sdk in made:
        await sdk.close()


@pytest.fixture
def sdk(sdk_factory: Callable[..., Sdk], scripted_server: ScriptedServer) -> Sdk:
    """A sync or async client on the per-test scripted server."""
    return sdk_factory(scripted_server.url)


@pytest.fixture
def fake_deepseek() -> Iterator[ScriptedServer]:
    """A scripted server that answers like DeepSeek on every path (see `_fake_deepseek`)."""
    with ScriptedServer(FakeDeepSeek().handle) as server:
        yield server
