"""Generation time per 1,000 schemas on real-world specs, against openapi-python-client and
datamodel-code-generator, on the same specs in the same run (a script; it asserts nothing).

Specs: the corpus (`../shared/specs/corpus/`: Stripe, Twilio Messaging, DigitalOcean, Mistral,
Petstore) and OpenAI's latest spec; without them the script says so and exits. Contenders, each
a fresh child process with an empty output folder, interleaved over `--runs` rounds so load on
the machine hits them alike (medians reported):

- **sdkgen**: `python -m codegen generate --no-config --allow-skip --no-cache`: the whole SDK
  (models, request types, resources, sync + async clients, docs), ruff-formatted.
- **openapi-python-client** (pinned, installed into its own venv under `.cache/bench/`, since it
  pins an older encode httpx than the project's): `openapi-python-client generate`, its whole
  client, ruff-formatted by its own post hooks.
- **datamodel-code-generator** (the dev dependency): `datamodel-codegen --input-file-type
  openapi`: only the pydantic models, one file. It cannot read a spec split over files, so it
  gets the document sdkgen's loader bundles (DigitalOcean), as the differential test does.

"schemas" is the number of component schemas in the bundled document. The target is sdkgen
≤ 5 s per 1,000 schemas on this machine; "N× faster" is a baseline's time over sdkgen's on the
same spec. A contender that fails on a spec is reported with its error instead of a time.

Two clocks, both medians: wall time (what a user waits for) and CPU time (user + system of the
child and everything it ran and waited for, e.g. ruff: `RUSAGE_CHILDREN`). On this shared
2-CPU machine other jobs stretch wall time by up to 2×; CPU time moves much less, so the table
gives both, and the ratios for both.

Every run is a first-time run: a fresh output folder and `--no-cache` (no parsed-spec cache,
no format cache). sdkgen's own modules are byte-compiled first, as `pip install` does for the
two baselines' (this environment sets `PYTHONDONTWRITEBYTECODE`, so an editable checkout
would otherwise compile ~100 modules in every run: ~0.2 s that no installed user pays).

    .venv/bin/python bench/bench_corpus.py [--runs 3] [--only stripe,mistral] [--skip-opc]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "specs"
BIN = Path(sys.executable).parent
OPC_VERSION = "0.29.1"
OPC_VENV = ROOT / ".cache" / "bench" / f"openapi-python-client-{OPC_VERSION}"
TARGET_PER_1000 = 5.0

sys.path.insert(0, str(ROOT))


@dataclass
class Spec:
    name: str
    path: Path
    bundled: Path | None = None  # one-file copy for datamodel-code-generator
    schemas: int = 0


@dataclass
class Result:
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds and not self.error else None

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu and not self.error else None


def corpus_specs() -> list[Spec]:
    specs = []
    corpus = SHARED / "corpus"
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()) if corpus.is_dir() else []:
        entry = folder / "ENTRY"
        if entry.is_file():
            path = folder / entry.read_text().splitlines()[0].strip()
        else:
            path = next(p for p in sorted(folder.iterdir()) if p.suffix in (".yaml", ".json"))
        specs.append(Spec(folder.name, path))
    openai = SHARED / "openai-2026-08-21.yaml"
    if openai.is_file():
        specs.append(Spec("openai", openai))
    return specs


def prepare(spec: Spec, work: Path) -> None:
    """Count the schemas; write a one-file copy when the spec spans files."""
    from codegen.spec import load_spec

    document = load_spec(spec.path).document
    spec.schemas = len((document.get("components") or {}).get("schemas") or {})
    if spec.path.parent.name == "specification":  # DigitalOcean's many files
        spec.bundled = work / f"{spec.name}.bundled.json"
        spec.bundled.write_text(json.dumps(document, default=str))


def ensure_opc() -> Path | None:
    """openapi-python-client in its own venv (created on first use); None if that fails."""
    exe = OPC_VENV / "bin" / "openapi-python-client"
    if exe.exists():
        return exe
    print(f"installing openapi-python-client {OPC_VERSION} into {OPC_VENV} ...", flush=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(OPC_VENV)], check=True)
        subprocess.run(
            [
                str(OPC_VENV / "bin" / "pip"),
                "install",
                "-q",
                f"openapi-python-client=={OPC_VERSION}",
            ],
            check=True,
            capture_output=True,
        )
    except subprocess.CalledProcessError as exc:
        print(f"  could not install it ({exc}); its column is left out")
        shutil.rmtree(OPC_VENV, ignore_errors=True)
        return None
    return exe


def commands(spec: Spec, out: Path, opc: Path | None) -> dict[str, list[str]]:
    found = {
        "sdkgen": [
            sys.executable,
            "-m",
            "codegen",
            "generate",
            "--spec",
            str(spec.path),
            "--no-config",
            "--allow-skip",
            "--no-cache",
            "--out",
            str(out / "sdkgen"),
        ],
        "datamodel-code-generator": [
            str(BIN / "datamodel-codegen"),
            "--input",
            str(spec.bundled or spec.path),
            "--input-file-type",
            "openapi",
            "--output",
            str(out / "dcg_models.py"),
        ],
    }
    if opc is not None:
        found["openapi-python-client"] = [
            str(opc),
            "generate",
            "--path",
            str(spec.path),
            "--output-path",
            str(out / "opc"),
            "--overwrite",
        ]
    return found


_MODULAR = "Modular references require an output directory"


def _children_cpu() -> float:
    """CPU seconds (user + system) of this process's finished, waited-for descendants."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(argv: list[str], cwd: Path) -> tuple[float, float, str | None]:
    """(wall seconds, CPU seconds, error or None) of one child process (and its children)."""
    env = {**os.environ, "CI": "true"}
    start, cpu = time.perf_counter(), _children_cpu()
    proc = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0 and _MODULAR in proc.stderr:  # dotted schema names: a package
        argv = [*argv[:-1], argv[-1].removesuffix(".py")]
        proc = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if proc.returncode != 0:
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        return seconds, cpu, f"exit {proc.returncode}: {lines[-1][:120] if lines else ''}"
    return seconds, cpu, None


def per_1000(result: Result, spec: Spec, clock: str) -> float | None:
    """Seconds per 1,000 schemas by `clock` ("wall" or "CPU"); None for a failed contender."""
    value = result.median if clock == "wall" else result.cpu_median
    return None if value is None else value / max(spec.schemas, 1) * 1000


def table(specs: list[Spec], results: dict[tuple[str, str], Result], names: list[str]) -> str:
    """The Markdown table: per spec, sdkgen's time and time per 1,000 schemas, each baseline's
    time, and how many times faster sdkgen is, by wall clock and by CPU time."""
    header = [
        "spec",
        "schemas",
        "sdkgen s",
        "s / 1,000 schemas",
        "sdkgen CPU s",
        "CPU s / 1,000 schemas",
        *(f"{name} s (CPU s)" for name in names[1:]),
        *(f"faster than {short} (CPU)" for short in ("opc", "dcg")),
    ]
    lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    for spec in specs:
        ours = results[(spec.name, "sdkgen")]
        cells = [spec.name, f"{spec.schemas:,}"]
        mine, mine_cpu = ours.median, ours.cpu_median
        if mine is None or mine_cpu is None:
            cells += [ours.error or "-", "-", "-", "-"]
        else:
            wall_per, cpu_per = per_1000(ours, spec, "wall"), per_1000(ours, spec, "CPU")
            big = spec.schemas >= 100  # per-1,000 figures of tiny specs are start-up time
            cells += [
                f"{mine:.2f}",
                f"{wall_per:.2f}" if big and wall_per is not None else "",
                f"{mine_cpu:.2f}",
                f"{cpu_per:.2f}" if big and cpu_per is not None else "",
            ]
        ratios = []
        for contender in names[1:]:
            other = results.get((spec.name, contender))
            if other is None:
                cells.append("not run")
                ratios.append("")
            elif other.median is None or other.cpu_median is None:
                cells.append(f"fails ({other.error})")
                ratios.append("")
            else:
                cells.append(f"{other.median:.2f} ({other.cpu_median:.2f})")
                if mine and mine_cpu:
                    wall_ratio = other.median / mine
                    cpu_ratio = other.cpu_median / mine_cpu
                    ratios.append(f"{wall_ratio:.1f}× ({cpu_ratio:.1f}×)")
                else:
                    ratios.append("")
        lines.append("| " + " | ".join(cells + ratios) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--only", default="", help="comma-separated spec names")
    parser.add_argument("--skip-opc", action="store_true", help="leave openapi-python-client out")
    args = parser.parse_args(argv)
    specs = corpus_specs()
    if args.only:
        wanted = set(args.only.split(","))
        specs = [s for s in specs if s.name in wanted]
    if not specs:
        print(f"no specs: {SHARED} is absent (the corpus lives outside the repository)")
        return 0
    opc = None if args.skip_opc else ensure_opc()
    # As `pip install` does; `force` since a stale .pyc would be recompiled in every run.
    compileall.compile_dir(ROOT / "codegen", quiet=1, force=True)
    names = ["sdkgen", "openapi-python-client", "datamodel-code-generator"]
    results: dict[tuple[str, str], Result] = {}
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        work = Path(tmp)
        for spec in specs:
            prepare(spec, work)
        for round_ in range(args.runs):
            for spec in specs:
                for contender, argv in commands(spec, work / "out", opc).items():
                    result = results.setdefault((spec.name, contender), Result())
                    if result.error:
                        continue
                    out = work / "out"
                    shutil.rmtree(out, ignore_errors=True)
                    out.mkdir()
                    seconds, cpu, error = run(argv, out)
                    result.seconds.append(seconds)
                    result.cpu.append(cpu)
                    result.error = error
                    shown = f"{seconds:.1f}s (CPU {cpu:.1f}s)" if error is None else error
                    print(
                        f"  round {round_ + 1} {spec.name:<17} {contender:<25} {shown}", flush=True
                    )
    print()
    load = os.getloadavg()[0]
    print(
        f"Python {sys.version.split()[0]}; {os.cpu_count()} CPUs; load average {load:.1f} at the "
        f"end; median of {args.runs} run(s); wall s, then CPU s (user + system)"
    )
    print(table(specs, results, names))
    print()
    for clock in ("wall", "CPU"):
        measured = [
            per_1000(results[(spec.name, "sdkgen")], spec, clock) or 0.0
            for spec in specs
            if spec.schemas >= 100
        ]
        if not measured:
            break  # only small specs: their time is start-up, not time per schema
        worst = max(measured)
        verdict = "meets" if worst <= TARGET_PER_1000 else "MISSES"
        print(
            f"sdkgen, {clock} time: at most {worst:.2f} s per 1,000 schemas on specs with 100+ "
            f"schemas ({verdict} the target of {TARGET_PER_1000:.0f} s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
