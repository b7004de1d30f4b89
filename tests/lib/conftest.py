"""Fixtures for the helper tests: clients of `deepseek_sdk` on the scripted server.

`deepseek_sdk` is DeepSeek's SDK as the session generates it from spec/ with the helpers of
templates/lib as they are now (tests/session_sdks.py), not the committed generated/: a change in
templates/lib is tested without `make generate`.
"""

from typing import Any

import pytest
from servers import ScriptedServer


@pytest.fixture
def client(scripted_server: ScriptedServer) -> Any:
    from deepseek_sdk import DeepSeek

    return DeepSeek(api_key="sk-test", base_url=scripted_server.url)


@pytest.fixture
def async_client(scripted_server: ScriptedServer) -> Any:
    from deepseek_sdk import AsyncDeepSeek

    return AsyncDeepSeek(api_key="sk-test", base_url=scripted_server.url)


@pytest.fixture(params=["sync", "async"])
def any_client(request: pytest.FixtureRequest, client: Any, async_client: Any) -> Any:
    """The sync or the async client: a test using it runs once with each."""
    return client if request.param == "sync" else async_client
