"""`mypy --strict` over the whole generated OpenAI SDK (slow: about 10-20 s cold; the time is
recorded in bench/README.md, "Generation")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from _openai_support import PACKAGE, GeneratedSdk

pytestmark = [pytest.mark.openai_spec, pytest.mark.slow]


def test_mypy_strict_finds_nothing(generated_openai: GeneratedSdk) -> None:
    """The generated `pyproject.toml` sets `strict = true`; mypy runs in the generated project."""
    mypy = Path(sys.executable).with_name("mypy")
    proc = subprocess.run(
        [str(mypy), "--strict", "--cache-dir", str(generated_openai.root / ".mypy_cache"), PACKAGE],
        cwd=generated_openai.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-2000:]
    assert proc.stdout.startswith("Success: no issues found")
