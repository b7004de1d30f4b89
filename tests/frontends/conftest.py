"""Fixtures for the front-end tests: DeepSeek's SDK as the session generates it (its command
line in a subprocess, its MCP server in-process), and the stand-in for DeepSeek's API.

`deepseek_sdk` is generated from spec/ with the front-ends of templates/ as they are now
(tests/session_sdks.py), not the committed generated/.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from _frontends_support import API_KEY
from servers import ScriptedServer
from session_sdks import sdk_root

# The stand-in for DeepSeek lives with the end-to-end tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))

from _fake_deepseek import FakeDeepSeek


@pytest.fixture
def fake_deepseek() -> Iterator[ScriptedServer]:
    """A scripted server that answers like DeepSeek on every path."""
    with ScriptedServer(FakeDeepSeek().handle) as server:
        yield server


@pytest.fixture(scope="session")
def deepseek_root() -> Path:
    """The folder to put on `PYTHONPATH` for the session's `deepseek_sdk`."""
    return sdk_root("deepseek_sdk")


@pytest.fixture
def deepseek_env(fake_deepseek: ScriptedServer) -> dict[str, str]:
    """The environment of a user of the fake DeepSeek: key and base URL."""
    return {"DEEPSEEK_API_KEY": API_KEY, "DEEPSEEK_BASE_URL": fake_deepseek.url}
