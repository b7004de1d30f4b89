"""Compare our models with datamodel-code-generator's on one spec; print or save the result.

    PYTHONPATH=tests/codegen .venv/bin/python -m differential.run petstore [--json result.json]

Runs in its own process (the test runs one per spec), so each generated package is imported
into a fresh interpreter. The result lists every disagreement between the two readings; which
of them are known and why is decided by `known.py` from `known_disagreements.yaml`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .instances import Case, Generator, GiveUp, SpecOracle, examples, near_misses
from .sides import Side, SideFailed, dcg_side, our_side

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared" / "specs"


@dataclass(frozen=True)
class SpecInfo:
    name: str
    path: Path
    fast: bool  # part of `make test`
    # Schemas live in other files (DigitalOcean): both readings and the instances start from
    # the document our loader bundles (every `$ref` local), which datamodel-code-generator
    # reads as one file. Ours still generates from the spec's own files.
    bundled: bool = False


SPECS = {
    spec.name: spec
    for spec in (
        SpecInfo("deepseek", ROOT / "spec" / "openapi.yaml", fast=True),
        SpecInfo("petstore", SHARED / "corpus" / "petstore" / "petstore.yaml", fast=True),
        SpecInfo(
            "twilio", SHARED / "corpus" / "twilio-messaging" / "twilio_messaging_v1.json", fast=True
        ),
        SpecInfo("mistral", SHARED / "corpus" / "mistral" / "openapi.yaml", fast=False),
        SpecInfo("openai", SHARED / "openai-2026-08-21.yaml", fast=False),
        SpecInfo("stripe", SHARED / "corpus" / "stripe" / "spec3.yaml", fast=False),
        SpecInfo(
            "digitalocean",
            SHARED / "corpus" / "digitalocean" / "specification" / "DigitalOcean-public.v2.yaml",
            fast=False,
            bundled=True,
        ),
    )
}


@dataclass
class Disagreement:
    # "lenient": ours (default mode) vs datamodel-code-generator (lax); "strict": ours
    # (strict_response_validation=True) vs datamodel-code-generator (strict); "spec": ours
    # (strict) vs the JSON Schema reading of the spec.
    mode: str
    schema: str
    case: str
    ours: str  # "accepts" | "rejects"
    dcg: str
    spec: str  # what the JSON Schema reading says: "accepts" | "rejects" | "unknown"
    error: str  # the first validation error of the side that rejects
    instance: str  # the JSON, cut short


@dataclass
class Result:
    spec: str
    failure: str | None = None  # a side could not be generated at all
    schemas: dict[str, int] = field(default_factory=dict)
    unmapped_ours: dict[str, str] = field(default_factory=dict)
    unmapped_dcg: dict[str, str] = field(default_factory=dict)
    instances: int = 0
    discarded: int = 0  # generated "valid" instances the JSON Schema reading rejects
    spec_unknown: int = 0  # instances jsonschema could not check (not compared to the spec)
    # Per side and mode: instances the spec accepts that it rejects, and the other way round.
    versus_spec: dict[str, dict[str, int]] = field(
        default_factory=lambda: {
            side: {"rejects valid": 0, "accepts invalid": 0}
            for side in ("sdkgen", "sdkgen strict", "datamodel-codegen", "datamodel-codegen strict")
        }
    )
    agreements: dict[str, int] = field(default_factory=dict)
    disagreements: list[Disagreement] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def read_document(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _word(ok: bool) -> str:
    return "accepts" if ok else "rejects"


def compare(spec: SpecInfo, work: Path) -> Result:
    result = Result(spec.name)
    start = time.perf_counter()
    dcg_input = spec.path
    if spec.bundled:
        from codegen.spec import load_spec

        document = json.loads(json.dumps(load_spec(spec.path).document, default=str))
        dcg_input = work / "bundled.json"
        work.mkdir(parents=True, exist_ok=True)
        dcg_input.write_text(json.dumps(document))
    else:
        document = json.loads(json.dumps(read_document(spec.path), default=str))
    schemas = document.get("components", {}).get("schemas", {})
    gen = Generator(document, spec.name)
    try:
        ours: Side = our_side(spec.path, work / "ours", document, gen)
        dcg: Side = dcg_side(dcg_input, work / "dcg", schemas)
    except SideFailed as exc:
        result.failure = str(exc)
        return result
    result.seconds = {"sdkgen": round(ours.seconds, 2), "datamodel-codegen": round(dcg.seconds, 2)}
    names = sorted(set(ours.verdicts) & set(dcg.verdicts))
    result.schemas = {
        "spec": len(schemas),
        "sdkgen": len(ours.verdicts),
        "datamodel-codegen": len(dcg.verdicts),
        "compared": len(names),
    }
    result.unmapped_ours = {n: w for n, w in ours.unmapped.items() if n in dcg.verdicts}
    result.unmapped_dcg = {n: w for n, w in dcg.unmapped.items() if n in ours.verdicts}
    oracle = SpecOracle(document)
    cases: dict[str, list[Case]] = {name: [] for name in names}
    for case in examples(document):
        if case.schema in cases:
            cases[case.schema].append(case)
    for name in names:
        kept = []
        for index, value in enumerate(gen.valid(name)):
            if _spec_verdict(oracle, name, value) == "rejects":
                result.discarded += 1
                continue
            kept.append(value)
            cases[name].append(Case(name, f"valid#{index}", value))
        if kept:
            cases[name].extend(near_misses(gen, name, kept[0], spec.name))
    agreements = {"lenient": 0, "strict": 0, "spec": 0}
    for name in names:
        ours_lenient, ours_strict = ours.verdicts[name]
        dcg_lax, dcg_strict = dcg.verdicts[name]
        for case in cases[name]:
            data = json.dumps(case.value).encode()
            result.instances += 1
            try:
                mine_strict = ours_strict(data)
                theirs_strict = dcg_strict(data)
                verdicts = {
                    "lenient": (ours_lenient(data), dcg_lax(data)),
                    "strict": (mine_strict, theirs_strict),
                }
            except Exception as exc:  # neither side may crash on any JSON
                result.crashes.append(f"{name} {case.case}: {type(exc).__name__}: {exc}"[:300])
                continue
            try:
                spec_error = oracle.why_not(name, case.value)
                spec_word = _word(spec_error is None)
            except GiveUp:
                spec_error, spec_word = None, "unknown"
            for mode, (mine, theirs) in verdicts.items():
                if (mine is None) == (theirs is None):
                    agreements[mode] += 1
                    continue
                result.disagreements.append(
                    Disagreement(
                        mode,
                        name,
                        case.case,
                        _word(mine is None),
                        _word(theirs is None),
                        spec_word,
                        mine or theirs or "",
                        data.decode()[:200],
                    )
                )
            if spec_word != "unknown":
                for side, verdict in (
                    ("sdkgen", verdicts["lenient"][0]),
                    ("sdkgen strict", mine_strict),
                    ("datamodel-codegen", verdicts["lenient"][1]),
                    ("datamodel-codegen strict", theirs_strict),
                ):
                    if (verdict is None) != (spec_word == "accepts"):
                        key = "rejects valid" if verdict is not None else "accepts invalid"
                        result.versus_spec[side][key] += 1
            # Strict mode against the spec itself (where jsonschema can tell).
            if spec_word == "unknown":
                result.spec_unknown += 1
            elif (mine_strict is None) == (spec_word == "accepts"):
                agreements["spec"] += 1
            else:
                result.disagreements.append(
                    Disagreement(
                        "spec",
                        name,
                        case.case,
                        _word(mine_strict is None),
                        _word(theirs_strict is None),
                        spec_word,
                        mine_strict or f"spec: {spec_error}",
                        data.decode()[:200],
                    )
                )
    result.agreements = agreements
    result.seconds["total"] = round(time.perf_counter() - start, 2)
    return result


def _spec_verdict(oracle: SpecOracle, name: str, value: Any) -> str:
    try:
        return _word(oracle.accepts(name, value))
    except GiveUp:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("spec", choices=sorted(SPECS))
    parser.add_argument("--json", type=Path, help="write the result here")
    args = parser.parse_args(argv)
    sys.setrecursionlimit(10_000)
    with tempfile.TemporaryDirectory(prefix=f"differential-{args.spec}-") as tmp:
        result = compare(SPECS[args.spec], Path(tmp))
    payload = asdict(result)
    if args.json:
        args.json.write_text(json.dumps(payload, indent=1))
    else:
        json.dump(payload, sys.stdout, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
