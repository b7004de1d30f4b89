"""The customer's seed page (DeepSeek's OpenAI Node SDK README), in Python, as a user writes it.

`tests/e2e/seed/` holds one script per section of the seed page. Each one

- type-checks under pyright (basic and strict: what VS Code users run) and `mypy --strict`, with
  `assert_type` lines that pin what editors show for the values users touch, and
- runs against the stand-in DeepSeek server with every base URL DeepSeek documents
  (`https://api.deepseek.com`, `.../v1`, `.../beta`, each with and without a trailing slash): the
  server answers like api.deepseek.com does, so a path under the wrong prefix is a 404.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from _e2e_support import GENERATED, REPO
from servers import ScriptedServer

SEED = Path(__file__).parent / "seed"
sys.path.insert(0, str(REPO / "tools" / "pyright"))

from pyright_checks import check  # noqa: E402

EXPECTED: dict[str, list[str]] = {
    "usage": ["This is a test."],
    "async_usage": ["This is a test."],
    "streaming": ["This is a test.\n", "cancelled"],
    "stream_helper": ["This is a test.\nThis is a test. True"],
    "async_stream_helper": ["THIS IS A TEST.\nThis is a test."],
    "request_types": ["This is a test."],
    "uploads": ["input.jsonl\ninput.jsonl\ninput.jsonl\n3\nfile-005"],
    "errors": ["req_", "400", "BadRequestError", "application/json"],
    "retries_timeouts": ["This is a test.\nThis is a test."],
    "request_ids": ["req_", "True"],
    "pagination": ["5\n", "ftjob-001\nftjob-002\n['ftjob-003', 'ftjob-004']\n['ftjob-005']"],
    "run_tools": ["-> get_weather {", "This is a test."],
    "realtime": ["Hello there!"],
}
SUFFIXES = ["", "/", "/v1", "/v1/", "/beta", "/beta/"]


def test_every_seed_script_is_covered() -> None:
    assert {p.stem for p in SEED.glob("*.py")} == set(EXPECTED)


def run_seed(name: str, base_url: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DEEPSEEK_BASE_URL": base_url,
        "DEEPSEEK_API_KEY": "sk-test",
        "PYTHONPATH": str(GENERATED),
    }
    env.pop("DEEPSEEK_LOG", None)
    return subprocess.run(
        [sys.executable, str(SEED / f"{name}.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("name", sorted(set(EXPECTED) - {"realtime"}))
def test_seed_script_runs(name: str, suffix: str, fake_deepseek: ScriptedServer) -> None:
    done = run_seed(name, fake_deepseek.url + suffix)
    assert done.returncode == 0, f"seed/{name}.py failed:\n{done.stdout}\n{done.stderr}"
    for expected in EXPECTED[name]:
        assert expected in done.stdout, f"{expected!r} not in the output of {name}.py"
    assert fake_deepseek.requests, "the script must talk to the server"


def test_seed_realtime_runs(realtime_server: str) -> None:
    done = run_seed("realtime", realtime_server)
    assert done.returncode == 0, f"seed/realtime.py failed:\n{done.stdout}\n{done.stderr}"
    assert "Hello there!" in done.stdout


@pytest.mark.parametrize("mode", ["basic", "strict"])
def test_seed_scripts_pass_pyright(mode: str) -> None:
    # `completion._request_id` is the documented accessor (as in openai-python); strict mode
    # reports any `_name` used outside its class, so a strict user turns that one rule off.
    settings = {"reportMissingModuleSource": False, "reportPrivateUsage": False}
    result = check(SEED, mode, python_version="3.11", extra_paths=[GENERATED], settings=settings)
    assert result.errors == 0, result.report


def test_seed_scripts_pass_mypy_strict() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            *sorted(map(str, SEED.glob("*.py"))),
        ],
        env={**os.environ, "MYPYPATH": str(GENERATED)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stdout + done.stderr
