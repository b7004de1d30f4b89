"""Operations generated and working, per corpus spec, for sdkgen and openapi-python-client, in
one run (a script; it asserts nothing). Re-run it after a change to refresh the README's table:

    .venv/bin/python bench/bench_suite.py [--only petstore,mistral] [--skip-opc] [--markdown]

- **operations**: in the spec (every path × HTTP method).
- **sdkgen generated**: methods of `python -m codegen generate --no-config --allow-skip`.
- **sdkgen working**: methods whose generated tests (sync and async, required and all
  parameters) pass against Steady serving the spec, as `python -m codegen test` runs them.
- **openapi-python-client generated**: endpoint modules (`sync_detailed`) it writes, pinned
  version in its own venv (bench_corpus.py installs it).
- **openapi-python-client working**: not measured yet: it ships no tests and its functions take
  its own model classes, so calling each one needs a driver of its own (see bench/README.md).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_corpus import corpus_specs, ensure_opc  # noqa: E402

from codegen.spec import HTTP_METHODS, load_spec  # noqa: E402
from codegen.testrun import run_suite  # noqa: E402


def operations(path: Path) -> int:
    document = load_spec(path).document
    return sum(
        1
        for item in (document.get("paths") or {}).values()
        if isinstance(item, dict)
        for verb in item
        if verb in HTTP_METHODS
    )


def opc_generated(opc: Path, spec: Path, work: Path) -> str:
    out = work / "opc"
    done = subprocess.run(
        [str(opc), "generate", "--path", str(spec), "--output-path", str(out), "--overwrite"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not out.is_dir():
        lines = (done.stderr or done.stdout).strip().splitlines()
        return f"fails ({lines[-1][:60] if lines else done.returncode})"
    return str(sum(1 for p in out.rglob("api/**/*.py") if "def sync_detailed" in p.read_text()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated spec names")
    parser.add_argument("--skip-opc", action="store_true")
    args = parser.parse_args(argv)
    specs = [s for s in corpus_specs() if s.name != "openai"]
    if args.only:
        specs = [s for s in specs if s.name in set(args.only.split(","))]
    if not specs:
        print(
            "no specs: ../shared/specs/corpus is absent (the corpus lives outside the repository)"
        )
        return 0
    opc = None if args.skip_opc else ensure_opc()
    rows = []
    for spec in specs:
        with tempfile.TemporaryDirectory(prefix="bench-suite-") as tmp:
            report = run_suite(spec.path, None, name=spec.name)
            generated = len(report.methods)
            working = report.count("pass")
            theirs = opc_generated(opc, spec.path, Path(tmp)) if opc else "not run"
        rows.append((spec.name, operations(spec.path), generated, working, theirs))
        print(f"{spec.name}: {report.summary()}", file=sys.stderr, flush=True)
    print(
        "| spec | operations | sdkgen: generated | sdkgen: working | openapi-python-client: generated | openapi-python-client: working |"
    )
    print("|---|---:|---:|---:|---:|---|")
    for name, ops, generated, working, theirs in rows:
        print(f"| {name} | {ops} | {generated} | {working} | {theirs} | not measured |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
