"""Fixtures for the helper tests: the generated package (from generated/) and clients on the scripted server."""

import sys
from pathlib import Path
from typing import Any

import pytest
from servers import ScriptedServer

GENERATED = Path(__file__).resolve().parents[2] / "generated"
if (GENERATED / "deepseek_sdk").is_dir():
    sys.path.insert(0, str(GENERATED))


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
    """The sync or the async client: tests drive both through `_lib_fixtures.drive_*` helpers."""
    return client if request.param == "sync" else async_client
