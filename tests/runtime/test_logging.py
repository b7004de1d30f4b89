"""`DEEPSEEK_LOG=debug|info` through DeepSeek's SDK as the session generates it (tests/session_sdks.py),
in a fresh interpreter each time (the generated `__init__` reads the variable once, at import)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap

import pytest
from session_sdks import sdk_root

KEY = "sk-log-test-0123456789abcdef"

SCRIPT = textwrap.dedent(
    f"""
    import httpx2
    import deepseek_sdk

    answers = [
        httpx2.Response(503, json={{"error": {{"message": "busy"}}}}, headers={{"retry-after-ms": "1"}}),
        httpx2.Response(200, json={{"object": "list", "data": []}}, headers={{"x-request-id": "req-log"}}),
    ]
    http = httpx2.Client(transport=httpx2.MockTransport(lambda request: answers.pop(0)))
    client = deepseek_sdk.DeepSeek(api_key={KEY!r}, base_url="https://api.test", http_client=http)
    client.models.list()
    """
)


def run_with(level: str | None) -> str:
    """Run `SCRIPT` with `DEEPSEEK_LOG=level`; return what it wrote to stderr."""
    env = {k: v for k, v in os.environ.items() if k != "DEEPSEEK_LOG"}
    env["PYTHONPATH"] = str(sdk_root("deepseek_sdk"))
    if level is not None:
        env["DEEPSEEK_LOG"] = level
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_debug_logs_requests_responses_and_retries_without_secrets() -> None:
    log = run_with("debug")
    assert "deepseek_sdk" in log  # the logger is named after the package
    assert "Request: GET https://api.test/models (attempt 1 of 3)" in log
    assert "Request: GET https://api.test/models (attempt 2 of 3)" in log
    assert re.search(r"Response: GET https://api.test/models -> 503 in \d+\.\d{3} s", log)
    assert re.search(
        r"Response: GET https://api.test/models -> 200 in \d+\.\d{3} s \(request_id=req-log\)", log
    )
    assert "Retrying GET https://api.test/models in 0.00 s (retry 1 of 2) after HTTP 503" in log
    assert "'authorization': '<redacted>'" in log.lower()
    assert KEY not in log and KEY[-8:] not in log


def test_info_logs_only_retries() -> None:
    log = run_with("INFO")
    assert "Retrying GET https://api.test/models" in log
    assert "Request:" not in log and "Response:" not in log


@pytest.mark.parametrize("level", [None, ""])
def test_no_logs_unless_asked(level: str | None) -> None:
    assert run_with(level) == ""


def test_an_unknown_level_warns_once_and_logs_nothing() -> None:
    log = run_with("verbose")
    assert log.count("RuntimeWarning: DEEPSEEK_LOG='verbose' is not a log level") == 1, log
    assert "'debug' or 'info'" in log
    assert "Request:" not in log and "Retrying" not in log
