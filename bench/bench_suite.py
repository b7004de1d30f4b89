"""Operations generated and working, per corpus spec, for sdkgen and openapi-python-client, in
one run (a script; it asserts nothing). Re-run it after a change to refresh the README's table:

    .venv/bin/python bench/bench_suite.py [--only petstore,mistral] [--skip-opc] [--markdown]

- **operations**: in the spec (every path × HTTP method).
- **sdkgen generated**: methods of `python -m codegen generate --no-config --allow-skip`.
- **sdkgen working**: methods whose generated tests (sync and async, required and all
  parameters) pass against Steady serving the spec, as `python -m codegen test` runs them.
- **openapi-python-client generated**: endpoint modules (`sync_detailed`) it writes, pinned
  version in its own venv (bench_corpus.py installs it).
- **openapi-python-client working**: its endpoints whose `sync_detailed`, called with the same
  required arguments sdkgen's tests use (converted to its model classes and enums), gets a 2xx
  answer that it parses, and nothing the mock finds wrong (`bench/opc_driver.py`, run in its
  venv against Steady). This is the "required parameters" half of sdkgen's tests, and
  without strict response validation, so it is the more lenient of the two checks.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_corpus import corpus_specs, ensure_opc  # noqa: E402

from codegen import ir  # noqa: E402
from codegen.config import load_config  # noqa: E402
from codegen.lower.client import package_names  # noqa: E402
from codegen.lower.operations import OperationReader  # noqa: E402
from codegen.lower.schemas import Schemas  # noqa: E402
from codegen.lower.testsuite import Values  # noqa: E402
from codegen.spec import HTTP_METHODS, load_spec  # noqa: E402
from codegen.steady import start_mock_server  # noqa: E402
from codegen.testrun import load_expectations, run_suite  # noqa: E402


def operations(path: Path) -> int:
    document = load_spec(path).document
    return sum(
        1
        for item in (document.get("paths") or {}).values()
        if isinstance(item, dict)
        for verb in item
        if verb in HTTP_METHODS
    )


def operation_values(spec: Path) -> tuple[dict[str, Any], Any]:
    """`"<METHOD> <path>"` -> the required parameters and body sdkgen's tests send; and the
    bundled document (Steady gets it when the spec spans files)."""
    loaded = load_spec(spec)
    document = loaded.document
    config = load_config(None)
    schemas = Schemas(document)
    reader = OperationReader(
        document, config, schemas, [], package_names(document, config).base_url
    )
    values = Values(schemas)
    found: dict[str, Any] = {}
    for op in reader.collect_operations():
        params = {p.wire: values.value(p.schema, p.pointer) for p in op.params if p.required}
        body = None
        if op.body is not None:
            example = op.body.example
            body = values.value(op.body.schema, op.body.pointer, example=example)
        found[f"{op.verb.upper()} {op.path}"] = {
            "params": params,
            "body": body if not isinstance(body, ir.FileExample) else None,
            "json_response": op.success.json is not None,
        }
    # Operations sdkgen cannot express yet (form bodies) still get values, read plainly.
    for path, item in (document.get("paths") or {}).items():
        for verb, node in item.items() if isinstance(item, dict) else ():
            key = f"{verb.upper()} {path}"
            if verb not in HTTP_METHODS or key in found or not isinstance(node, dict):
                continue
            pointer = f"#/paths/{path}/{verb}"
            parameters = [*item.get("parameters", []), *node.get("parameters", [])]
            params = {}
            for parameter in parameters:
                parameter, _ = schemas.deref(parameter, pointer)
                if isinstance(parameter, dict) and parameter.get("required"):
                    params[parameter["name"]] = values.value(parameter.get("schema", {}), pointer)
            body = None
            request, _ = schemas.deref(node.get("requestBody"), pointer)
            if isinstance(request, dict) and request.get("content"):
                media = next(iter(request["content"].values()))
                body = values.value(media.get("schema", {}), pointer)
            found[key] = {"params": params, "body": body, "json_response": True}
    return found, (document if loaded.origins else None)


def opc_numbers(opc: Path, spec: Path, work: Path) -> tuple[str, str]:
    """(endpoints generated, endpoints working) for openapi-python-client on `spec`."""
    out = work / "opc"
    done = subprocess.run(
        [str(opc), "generate", "--path", str(spec), "--output-path", str(out), "--overwrite"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not out.is_dir():
        lines = (done.stderr or done.stdout).strip().splitlines()
        return f"fails ({lines[-1][:60] if lines else done.returncode})", "-"
    values, bundled = operation_values(spec)
    values_file = work / "values.json"
    values_file.write_text(json.dumps(values, default=_json_default))
    served = spec
    if bundled is not None:
        served = work / "bundled.json"
        served.write_text(json.dumps(bundled, default=str))
    with start_mock_server(served) as url:
        ran = subprocess.run(
            [
                str(opc.with_name("python")),
                str(ROOT / "bench" / "opc_driver.py"),
                str(out),
                str(values_file),
                url,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    if ran.returncode != 0:
        lines = ran.stderr.strip().splitlines()
        return "?", f"driver failed: {lines[-1][:80] if lines else ran.returncode}"
    report = json.loads(ran.stdout.strip().splitlines()[-1])
    for where, why in sorted(report["failures"].items()):
        print(f"  openapi-python-client: {where}: {why}", file=sys.stderr)
    return str(report["generated"]), str(report["working"])


def _json_default(value: object) -> object:
    return None if isinstance(value, ir.FileExample) else str(value)


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
            expected = ROOT / "tests" / "corpus" / "suite" / f"{spec.name}.yaml"
            expect = load_expectations(expected if expected.is_file() else None)
            report = run_suite(spec.path, None, name=spec.name, expect=expect)
            generated = len(report.methods)
            working = report.count("pass") + report.count("stale")  # stale: listed, yet passes
            theirs = opc_numbers(opc, spec.path, Path(tmp)) if opc else ("not run", "not run")
        unservable = report.count("unservable")
        rows.append((spec.name, operations(spec.path), generated, working, unservable, *theirs))
        print(f"{spec.name}: {report.summary()}", file=sys.stderr, flush=True)
    print(
        "| spec | operations | sdkgen: generated | sdkgen: working | mock cannot serve |"
        " openapi-python-client: generated | openapi-python-client: working |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
