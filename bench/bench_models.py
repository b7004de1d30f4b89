"""Our models against datamodel-code-generator's on one spec: time, size, mypy, wrong verdicts.

The numbers behind the README's "Models" section, measured in one run (a script; it asserts
nothing):

- **time**: `datamodel-codegen` (models only, the settings tests/codegen/differential uses) against
  `python -m codegen generate --no-config` (the whole SDK: models, params, resources, clients,
  docs), each a fresh child process, interleaved over `--runs` rounds; medians.
- **shape**: files written and the largest Python module of each.
- **mypy --strict**: errors and time over each output, cold cache.
- **wrong verdicts**: tests/codegen/differential's instances (the spec's examples, generated valid ones
  and near-misses) through both, against what the spec says (jsonschema): data the spec allows
  that a side rejects, and data it forbids that a side accepts, in the default mode and strict.

    .venv/bin/python bench/bench_models.py [--spec ../shared/specs/openai-2026-08-21.yaml]
                                           [--runs 3] [--no-mypy]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "codegen"))

from differential.run import SPECS, SpecInfo, compare  # noqa: E402
from differential.sides import DCG_ARGS  # noqa: E402

BIN = Path(sys.executable).parent


def _timed(argv: list[str], cwd: Path) -> float:
    """Seconds `argv` takes; `cwd` is a fresh folder, so sdkgen's `.cache/` starts empty."""
    start = time.perf_counter()
    env = {**os.environ, "CI": "true"}
    subprocess.run(argv, cwd=cwd, capture_output=True, check=True, env=env)
    return time.perf_counter() - start


def _dcg_argv(spec: Path, out: Path) -> list[str]:
    return [str(BIN / "datamodel-codegen"), "--input", str(spec), *DCG_ARGS, "--output", str(out)]


def _dcg_target(spec: Path, work: Path) -> Path:
    """A file where datamodel-codegen writes one, else a directory (it refuses dotted names)."""
    target = work / "models.py"
    probe = subprocess.run(_dcg_argv(spec, target), capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        target = work / "models"
    return target


def timings(spec: Path, runs: int) -> tuple[float, float]:
    dcg, ours = [], []
    with tempfile.TemporaryDirectory(prefix="bench-models-") as tmp:
        work = Path(tmp)
        target = _dcg_target(spec, work)
        for index in range(runs):
            round_dir = work / f"round{index}"
            round_dir.mkdir()
            dcg.append(_timed(_dcg_argv(spec, round_dir / target.name), round_dir))
            argv = [sys.executable, "-m", "codegen", "generate", "--spec", str(spec)]
            ours.append(_timed([*argv, "--no-config", "--out", str(round_dir / "sdk")], round_dir))
            print(
                f"  round {index + 1}/{runs}: datamodel-codegen {dcg[-1]:.1f}s, "
                f"sdkgen {ours[-1]:.1f}s",
                flush=True,
            )
    return statistics.median(dcg), statistics.median(ours)


def shape(root: Path) -> tuple[int, int]:
    files = [root] if root.is_file() else sorted(root.rglob("*.py"))
    return len(files), max(len(f.read_text().splitlines()) for f in files)


def mypy(where: Path, target: str) -> tuple[str, float]:
    start = time.perf_counter()
    proc = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--no-incremental", "--follow-imports=silent", target],
        cwd=where,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = (proc.stdout + proc.stderr).strip().splitlines()
    return (lines[-1] if lines else f"exit {proc.returncode}"), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--spec", type=Path, default=SPECS["openai"].path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-mypy", action="store_true")
    args = parser.parse_args()
    spec = args.spec.resolve()
    if not spec.is_file():
        print(f"skipped: {spec} is absent (the specs live in ../shared, outside the repo)")
        return
    sys.setrecursionlimit(10_000)
    print(f"spec: {spec.name}", flush=True)
    dcg_seconds, ours_seconds = timings(spec, args.runs)
    with tempfile.TemporaryDirectory(prefix="bench-models-") as tmp:
        work = Path(tmp)
        # The test's name for a known spec, so the instances are the test's instances.
        name = next((n for n, info in SPECS.items() if info.path.resolve() == spec), spec.stem)
        result = compare(SpecInfo(name, spec, fast=False), work)
        if result.failure:
            raise SystemExit(result.failure)
        package = next(p for p in sorted((work / "ours").iterdir()) if (p / "__init__.py").exists())
        dcg_out = next(
            p for p in sorted((work / "dcg").iterdir()) if p.name.startswith("dcg_models")
        )
        rows = [
            (
                "generation (median)",
                f"{dcg_seconds:.1f} s (models only)",
                f"{ours_seconds:.1f} s (whole SDK)",
            ),
            (
                "files, largest module",
                "{} file(s), {:,} lines".format(*shape(dcg_out)),
                "{} files, {:,} lines".format(*shape(package)),
            ),
        ]
        if not args.no_mypy:
            dcg_verdict, dcg_time = mypy(dcg_out.parent, dcg_out.name)
            ours_verdict, ours_time = mypy(package.parent, package.name)
            rows.append(
                (
                    "mypy --strict",
                    f"{dcg_verdict} ({dcg_time:.0f} s)",
                    f"{ours_verdict} ({ours_time:.0f} s)",
                )
            )
    vs = result.versus_spec
    rows += [
        ("schemas compared", str(result.schemas["compared"]), ""),
        ("instances (spec could tell)", str(result.instances - result.spec_unknown), ""),
        (
            "valid data rejected (default)",
            str(vs["datamodel-codegen"]["rejects valid"]),
            str(vs["sdkgen"]["rejects valid"]),
        ),
        (
            "invalid data accepted (default)",
            str(vs["datamodel-codegen"]["accepts invalid"]),
            f"{vs['sdkgen']['accepts invalid']} (lenient on purpose)",
        ),
        (
            "valid data rejected (strict)",
            str(vs["datamodel-codegen strict"]["rejects valid"]),
            str(vs["sdkgen strict"]["rejects valid"]),
        ),
        (
            "invalid data accepted (strict)",
            str(vs["datamodel-codegen strict"]["accepts invalid"]),
            str(vs["sdkgen strict"]["accepts invalid"]),
        ),
    ]
    print()
    print("| | datamodel-code-generator | sdkgen |")
    print("|---|---:|---:|")
    for name, theirs, ours in rows:
        print(f"| {name} | {theirs} | {ours} |")


if __name__ == "__main__":
    main()
