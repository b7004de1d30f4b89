"""Root fixtures: the test servers (tests/servers/README.md). Keep this file small."""

from collections.abc import Iterator

import pytest
from servers import DEEPSEEK_SPEC, ScriptedServer, start_mock_server


@pytest.fixture(scope="session")
def mock_server() -> Iterator[str]:
    """Base URL of a Steady mock server for spec/openapi.yaml, shared by the whole session."""
    if not DEEPSEEK_SPEC.exists():
        pytest.skip("spec/openapi.yaml does not exist yet")
    with start_mock_server(DEEPSEEK_SPEC) as url:
        yield url


@pytest.fixture
def scripted_server() -> Iterator[ScriptedServer]:
    """A started `ScriptedServer` with an empty script: call `.enqueue(...)` or set `.handler`.
    Teardown fails the test if the script and the traffic did not match."""
    with ScriptedServer() as server:
        yield server
