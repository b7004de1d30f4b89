"""`codegen diff` on OpenAI's two spec versions, against a full generation, in one run (a script).

Contenders, each a fresh child process in its own working directory (so `.cache/sdkgen/` is
its own), interleaved over `--runs` rounds so load on the machine hits them alike; medians:

- **full generation** (the baseline): `python -m codegen generate` of the newer spec into an
  empty directory, nothing cached (no parsed spec, no formatted files).
- **diff, nothing cached**: `python -m codegen diff OLD NEW`, empty cache.
- **diff, specs parsed before**: the parsed-spec cache holds both files (a CI cache, or any
  earlier run), the surface cache is empty: load from the cache, lower, extract, compare.
- **diff, cached**: both surfaces cached (a re-run, or a push that did not touch the spec).

Targets (issue 17): the diff without its surface cache at most 0.3x a full generation, cached
at most 0.05x. The specs are never copied into the repository; without them the script says so.

    .venv/bin/python bench/bench_review.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT.parent / "shared" / "specs"
OLD, NEW = SPECS / "openai-2026-07-23.yaml", SPECS / "openai-2026-08-21.yaml"
CONFIG = ROOT / "spec" / "examples" / "openai.sdk.yaml"
TARGETS = {"diff, specs parsed before": 0.3, "diff, cached": 0.05}


def run(argv: list[str], cwd: Path) -> float:
    """Run `argv` in `cwd`; return its wall seconds (raise on failure)."""
    env = {**os.environ, "CI": "true", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not NEW.exists():
        print(f"skipped: {SPECS} is absent (OpenAI's specs are not kept in the repository)")
        return 0
    python = sys.executable
    generate = [python, "-m", "codegen", "generate", "--spec", str(NEW), "--config", str(CONFIG)]
    diff = [python, "-m", "codegen", "diff", str(OLD), str(NEW), "--config", str(CONFIG)]
    samples: dict[str, list[float]] = {
        name: []
        for name in (
            "full generation",
            "diff, nothing cached",
            "diff, specs parsed before",
            "diff, cached",
        )
    }
    with tempfile.TemporaryDirectory(prefix="bench-review-") as tmp:
        for index in range(args.runs):
            work = Path(tmp) / f"round-{index}"
            for name in samples:
                (work / name).mkdir(parents=True)
            samples["full generation"].append(
                run([*generate, "--out", "sdk"], work / "full generation")
            )
            samples["diff, nothing cached"].append(run(diff, work / "diff, nothing cached"))
            parsed = work / "diff, specs parsed before"
            run(diff, parsed)  # fills both caches; then drop the surfaces
            shutil.rmtree(parsed / ".cache" / "sdkgen" / "surfaces")
            samples["diff, specs parsed before"].append(run(diff, parsed))
            cached = work / "diff, cached"
            run(diff, cached)
            samples["diff, cached"].append(run(diff, cached))
            line = ", ".join(f"{name} {values[-1]:.2f}s" for name, values in samples.items())
            print(f"  round {index + 1}/{args.runs}: {line}", flush=True)
    base = statistics.median(samples["full generation"])
    print(f"\nOpenAI {OLD.name} -> {NEW.name}, median of {args.runs} runs (wall time, CLI)\n")
    print("| contender | seconds | vs full generation | target |")
    print("|---|---:|---:|---:|")
    for name, values in samples.items():
        median = statistics.median(values)
        target = f"≤ {TARGETS[name]}×" if name in TARGETS else ""
        print(f"| {name} | {median:.2f} | {median / base:.2f}× | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
