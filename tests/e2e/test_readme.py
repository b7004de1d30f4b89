"""The generated README's Python examples run as written, against the stand-in DeepSeek.

Every ```python block of generated/README.md runs in order in one namespace (so later blocks may
use the `client` an earlier one made), in a subprocess with `DEEPSEEK_BASE_URL` pointing at
`FakeDeepSeek` (and `https://api.deepseek.com` in an example replaced by its URL) and the SDK
from generated/. The realtime block needs a WebSocket server and is only compiled.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from _e2e_support import GENERATED
from servers import ScriptedServer

README = GENERATED / "README.md"
BLOCK = re.compile(r"```python\n(.*?)```", re.S)
COMPILE_ONLY = ("realtime.connect",)
OPENED = re.compile(r'open\("([\w.-]+)", "rb"\)')

RUNNER = textwrap.dedent(
    """
    import json, sys, traceback
    blocks = json.loads(sys.stdin.read())
    namespace = {"__name__": "__readme__"}
    for index, (code, run) in enumerate(blocks):
        compiled = compile(code, f"README block {index}", "exec")
        if run:
            try:
                exec(compiled, namespace)
            except Exception:
                print(f"README block {index} failed:\\n{code}", file=sys.stderr)
                raise
    print("ran", sum(run for _, run in blocks), "of", len(blocks), "blocks")
    """
)


def test_every_readme_example_runs(fake_deepseek: ScriptedServer, tmp_path: Path) -> None:
    blocks = BLOCK.findall(README.read_text(encoding="utf-8"))
    for name in OPENED.findall("".join(blocks)):  # files the examples upload
        (tmp_path / name).write_bytes(b'{"prompt": "hi"}\n')
    assert len(blocks) >= 15, "the README shows every feature"
    # A base URL written out in an example points at the stand-in too (its path kept).
    blocks = [code.replace("https://api.deepseek.com", fake_deepseek.url) for code in blocks]
    payload = [(code, not any(marker in code for marker in COMPILE_ONLY)) for code in blocks]
    env = {
        **os.environ,
        "DEEPSEEK_BASE_URL": fake_deepseek.url,
        "DEEPSEEK_API_KEY": "sk-test",
        "PYTHONPATH": str(GENERATED),
    }
    env.pop("DEEPSEEK_LOG", None)
    done = subprocess.run(
        [sys.executable, "-c", RUNNER],
        input=json.dumps(payload),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"ran {sum(run for _, run in payload)} of {len(payload)} blocks" in done.stdout
