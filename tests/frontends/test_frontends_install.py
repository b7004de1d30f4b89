"""`pip install './generated[cli,mcp]'` into a fresh virtual environment: the `deepseek` console
script and the MCP server work from an installed package (the table's JSON files included).
Slow (a real install from the package index), so marked `slow`: `make test-all` runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _frontends_support import API_KEY
from servers import ScriptedServer

pytestmark = pytest.mark.slow

GENERATED = Path(__file__).resolve().parents[2] / "generated"


def run(args: list[str | Path], env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=600, env=env, check=False
    )
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_installed_console_script_and_mcp_server(
    tmp_path: Path, fake_deepseek: ScriptedServer
) -> None:
    source = tmp_path / "src"
    shutil.copytree(GENERATED, source)
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv])
    python = venv / "bin" / "python"
    run(
        [
            python,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            f"{source}[cli,mcp]",
        ]
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "DEEPSEEK_"))}
    env |= {"DEEPSEEK_API_KEY": API_KEY, "DEEPSEEK_BASE_URL": fake_deepseek.url}
    balance = run([venv / "bin" / "deepseek", "api", "user.balance"], env=env)
    assert '"is_available":true' in balance
    listed = run([venv / "bin" / "deepseek", "mcp", "--tools", "models", "--list"], env=env)
    assert [line.split()[0] for line in listed.splitlines()] == ["models_list", "models_retrieve"]
