"""Root fixtures: the test servers (tests/servers/README.md) and the SDKs the session generates
(`things_sdk`, `deepseek_sdk`: tests/session_sdks.py). Keep this file small."""

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from servers import DEEPSEEK_SPEC, ScriptedServer, start_mock_server
from session_sdks import SessionSdks

# The repository first, as `python -m pytest` has it: run as the `pytest` script, the `codegen`
# package would otherwise be found as tests/codegen/ (a folder named like it, no __init__).
REPO = str(Path(__file__).resolve().parents[1])
if REPO not in sys.path:
    sys.path.insert(0, REPO)

_SDKS = SessionSdks()
sys.meta_path.insert(0, _SDKS)  # before any test module imports things_sdk or deepseek_sdk

# Property tests must not fail because a loaded machine stalled one example or one draw.
settings.register_profile("sdkgen", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("sdkgen")


def pytest_unconfigure(config: pytest.Config) -> None:
    sys.meta_path.remove(_SDKS)
    _SDKS.remove()


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
