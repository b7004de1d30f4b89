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

    .venv/bin/python bench/bench_corpus.py [--runs 3] [--only stripe,mistral] [--skip-opc]
"""

from __future__ import annotations

import argparse
import json
import os
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
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds and not self.error else None


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


def run(argv: list[str], cwd: Path) -> tuple[float, str | None]:
    env = {**os.environ, "CI": "true"}
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0 and _MODULAR in proc.stderr:  # dotted schema names: a package
        argv = [*argv[:-1], argv[-1].removesuffix(".py")]
        proc = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        return seconds, f"exit {proc.returncode}: {lines[-1][:120] if lines else ''}"
    return seconds, None


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
                    seconds, error = run(argv, out)
                    result.seconds.append(seconds)
                    result.error = error
                    shown = f"{seconds:.1f}s" if error is None else error
                    print(
                        f"  round {round_ + 1} {spec.name:<17} {contender:<25} {shown}", flush=True
                    )
    print()
    print(f"Python {sys.version.split()[0]}; {os.cpu_count()} CPUs; median of {args.runs} run(s)")
    header = "| spec | schemas | sdkgen s | s / 1,000 schemas | openapi-python-client s | datamodel-code-generator s | faster than opc | faster than dcg |"
    print(header)
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    worst = 0.0
    for spec in specs:
        ours = results[(spec.name, "sdkgen")]
        cells = [spec.name, str(spec.schemas)]
        mine = ours.median
        if mine is None:
            cells += [ours.error or "-", "-"]
        else:
            per = mine / max(spec.schemas, 1) * 1000
            if spec.schemas >= 100:
                worst = max(worst, per)
            cells += [f"{mine:.2f}", f"{per:.2f}"]
        ratios = []
        for contender in names[1:]:
            other = results.get((spec.name, contender))
            if other is None:
                cells.append("not run")
                ratios.append("")
            elif other.median is None:
                cells.append(f"failed ({other.error})")
                ratios.append("")
            else:
                cells.append(f"{other.median:.2f}")
                ratios.append(f"{other.median / mine:.1f}×" if mine else "")
        print("| " + " | ".join(cells + ratios) + " |")
    print()
    verdict = "meets" if worst <= TARGET_PER_1000 else "MISSES"
    print(
        f"sdkgen: at most {worst:.2f} s per 1,000 schemas on specs with 100+ schemas "
        f"({verdict} the target of {TARGET_PER_1000:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
