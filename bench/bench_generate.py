"""Generation time and memory on OpenAI's spec, against datamodel-code-generator (a script).

Contenders, each a fresh child process, interleaved over `--runs` rounds so load on the machine
hits them alike (medians reported):

- **baseline**: `datamodel-codegen --input <spec> --output models.py` with its default settings:
  only the pydantic models, one file.
- **sdkgen, full**: `python -m codegen generate` of the whole SDK (models, params, resources,
  sync + async clients, docs, ruff-formatted) into an empty directory with an empty cache.
- **sdkgen, no-op**: the same command again over its own output (nothing to write).

Wall time is measured around the child; peak RSS is the child's `ru_maxrss` from `os.wait4`
(the largest process of its tree, e.g. ruff when it is larger). Then runs `mypy` (strict, the
generated `pyproject.toml`'s settings) over the generated package once, cold, and
reports its error count and time (`--no-mypy` skips that). The spec is never copied into the
repository; without it the script prints why and exits.

    .venv/bin/python bench/bench_generate.py [--spec ../shared/specs/openai-2026-08-21.yaml]
                                             [--runs 3] [--no-mypy]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SPEC = ROOT.parent / "shared" / "specs" / "openai-2026-08-21.yaml"
CONFIG = ROOT / "spec" / "examples" / "openai.sdk.yaml"
BIN = Path(sys.executable).parent
TARGET_FULL = 1.0
TARGET_NOOP = 0.2
TARGET_RSS_MB = 1024


@dataclass
class Samples:
    """Wall seconds and peak RSS (MB) of each run of one contender."""

    name: str
    seconds: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    last_output: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def run_child(argv: list[str], cwd: Path) -> tuple[float, float, str]:
    """Run `argv`; return (wall seconds, peak RSS in MB, stdout+stderr). Raise on failure."""
    env = {**os.environ, "CI": "true"}  # plain line output, no progress redraws
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}):\n{output}")
    return seconds, usage.ru_maxrss / 1024, output


def datamodel_codegen(spec: Path, work: Path) -> list[str]:
    exe = BIN / "datamodel-codegen"
    if not exe.exists():
        raise SystemExit("datamodel-codegen is missing: .venv/bin/pip install -e '.[dev,bench]'")
    return [str(exe), "--input", str(spec), "--output", str(work / "models.py")]


def sdkgen(spec: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "codegen",
        "generate",
        "--spec",
        str(spec),
        "--config",
        str(CONFIG),
        "--out",
        str(out),
    ]


def measure(spec: Path, runs: int) -> tuple[Samples, Samples, Samples, Path, Path]:
    """Interleaved rounds of the three contenders; returns them and the last SDK directory."""
    baseline, full, noop = Samples("baseline"), Samples("full"), Samples("noop")
    keep = Path(tempfile.mkdtemp(prefix="bench-generate-"))
    last_out = keep
    for index in range(runs):
        work = keep / f"round-{index}"
        work.mkdir()
        out = work / "sdk"
        for samples, argv in (
            (baseline, datamodel_codegen(spec, work)),
            (full, sdkgen(spec, out)),
            (noop, sdkgen(spec, out)),
        ):
            seconds, rss, output = run_child(argv, cwd=work)  # cwd: sdkgen's .cache/ goes here
            samples.seconds.append(seconds)
            samples.rss_mb.append(rss)
            samples.last_output = output
        last_out = out
        print(
            f"  round {index + 1}/{runs}: baseline {baseline.seconds[-1]:.2f}s, "
            f"full {full.seconds[-1]:.2f}s, no-op {noop.seconds[-1]:.2f}s",
            flush=True,
        )
    return baseline, full, noop, last_out, keep


def run_mypy(out: Path) -> tuple[float, str]:
    """`mypy <package>` in the generated project (its pyproject sets strict); (seconds, verdict)."""
    packages = [p.name for p in out.iterdir() if (p / "__init__.py").exists()]
    shutil.rmtree(out / ".mypy_cache", ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.run(
        [str(BIN / "mypy"), *packages], cwd=out, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    lines = (proc.stdout + proc.stderr).strip().splitlines()
    return seconds, lines[-1] if lines else f"exit {proc.returncode}"


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-mypy", action="store_true", help="skip timing mypy on the output")
    parser.add_argument("--keep", action="store_true", help="keep the generated directories")
    args = parser.parse_args()
    spec = args.spec.resolve()
    if not spec.is_file():
        print(f"skipped: {spec} does not exist (OpenAI's specs live in ../shared/specs)")
        return
    print(f"spec: {spec.name} ({spec.stat().st_size / 1e6:.1f} MB), {args.runs} rounds")
    baseline, full, noop, out, keep = measure(spec, args.runs)
    summary = next((ln for ln in full.last_output.splitlines() if "models," in ln), "").strip()
    stages = re.search(r"time: (.*)", full.last_output)

    rows = [
        ("datamodel-codegen (models only)", baseline, None),
        ("sdkgen: whole SDK, empty cache", full, TARGET_FULL),
        ("sdkgen: no-op regeneration", noop, TARGET_NOOP),
    ]
    print()
    print("| run | wall (median) | peak RSS | vs datamodel-codegen | target |")
    print("|---|---:|---:|---:|---|")
    for label, samples, target in rows:
        ratio = samples.median / baseline.median
        goal = "" if target is None else f"≤ {target:.1f}× ({verdict(ratio <= target)})"
        print(
            f"| {label} | {samples.median:.2f} s | {max(samples.rss_mb):.0f} MB | "
            f"{ratio:.2f}× | {goal} |"
        )
    peak = max(full.rss_mb + noop.rss_mb)
    print()
    print(f"sdkgen output: {summary}")
    if stages:
        print(f"sdkgen stages (last full run): {stages.group(1)}")
    print(
        f"sdkgen peak RSS {peak:.0f} MB (target ≤ {TARGET_RSS_MB} MB: {verdict(peak <= TARGET_RSS_MB)})"
    )
    if not args.no_mypy:
        seconds, result = run_mypy(out)
        print(f"mypy --strict on the generated package: {result} ({seconds:.1f} s, cold cache)")
    if args.keep:
        print(f"kept: {keep}")
    else:
        shutil.rmtree(keep, ignore_errors=True)


if __name__ == "__main__":
    main()
