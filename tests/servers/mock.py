"""The Steady mock server: it lives in `codegen/steady.py`, since `python -m codegen test` runs
it too; the tests import it from here."""

from __future__ import annotations

from pathlib import Path

from codegen.steady import (
    DEEPSEEK_SPEC,
    REPO_ROOT,
    MockServer,
    MockServerError,
    _free_port,
    ensure_installed,
    installed_version,
    pinned_version,
    start_mock_server,
    steady_binary,
)

TINY_SPEC = Path(__file__).with_name("tiny_openapi.yaml")

__all__ = [
    "DEEPSEEK_SPEC",
    "REPO_ROOT",
    "TINY_SPEC",
    "MockServer",
    "MockServerError",
    "_free_port",
    "ensure_installed",
    "installed_version",
    "pinned_version",
    "start_mock_server",
    "steady_binary",
]
