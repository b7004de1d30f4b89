"""`pip install ./generated` into a fresh virtual environment, then run examples/chat.py with it.

Checks feature F1: the generated package installs on its own with its declared dependencies
(httpx2, pydantic, typing-extensions; `websockets` only through the `realtime` extra) and works
from outside the repository. Slow (a real install from the package index, about 20 s), so it is
marked `slow` and left out of `make test`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _e2e_support import GENERATED, REPO
from servers import ScriptedServer

pytestmark = pytest.mark.slow


def run(
    args: list[str | Path], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [str(a) for a in args]
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done


def test_install_and_run_chat_example(tmp_path: Path, fake_deepseek: ScriptedServer) -> None:
    source = tmp_path / "src"
    shutil.copytree(GENERATED, source)  # the build must not write into generated/
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv])
    python = venv / "bin" / "python"
    run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", source])

    installed = run([python, "-m", "pip", "list", "--format=freeze"]).stdout
    names = {line.split("==")[0].lower().replace("_", "-") for line in installed.splitlines()}
    assert {"sdkgen-deepseek", "httpx2", "pydantic", "typing-extensions"} <= names
    assert not {"httpx", "httpcore"} & names, "encode's httpx is no dependency of the SDK"
    assert "websockets" not in names, "websockets is only needed for the realtime extra"
    run([python, "-m", "pip", "check"])

    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "DEEPSEEK_"))}
    env |= {"DEEPSEEK_BASE_URL": fake_deepseek.url, "DEEPSEEK_API_KEY": "sk-test"}
    probe = "import deepseek_sdk, pathlib; p = pathlib.Path(deepseek_sdk.__file__).parent; "
    probe += "print(p); print((p / 'py.typed').exists())"
    where = run([python, "-c", probe], cwd=tmp_path, env=env).stdout.split()
    assert Path(where[0]).is_relative_to(venv) and where[1] == "True"

    chat = run([python, REPO / "examples" / "chat.py"], cwd=tmp_path, env=env).stdout
    assert chat.splitlines() == ["This is a test.", "cache hit tokens: 8", "This is a test."]
    assert [r.path for r in fake_deepseek.requests] == ["/chat/completions"] * 2
