"""Run every benchmark script in bench/ (`bench_*.py`) in turn and print what each prints.

Each script runs in its own interpreter with its default settings; a script that fails is
reported and the rest still run (the exit status is then 1). Nothing here asserts on numbers.

    .venv/bin/python bench/run_all.py              # what `make bench` runs
    .venv/bin/python bench/run_all.py streaming    # only scripts whose name contains a word
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def main(words: list[str]) -> int:
    scripts = sorted(BENCH.glob("bench_*.py"))
    if words:
        scripts = [s for s in scripts if any(word in s.stem for word in words)]
    failed: list[str] = []
    for script in scripts:
        print(f"=== {script.name} ===", flush=True)
        started = time.monotonic()
        done = subprocess.run([sys.executable, str(script)], cwd=BENCH.parent, check=False)
        print(f"--- {script.name}: {time.monotonic() - started:.0f} s", end="")
        if done.returncode != 0:
            failed.append(script.name)
            print(f", FAILED (exit status {done.returncode})", end="")
        print("\n", flush=True)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
