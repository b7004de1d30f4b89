"""Import time of the generated SDKs against `openai`, and how lazily they load (a script).

Each sample is a fresh `python -c` running `import <package>; <Client>(api_key="x")` and
printing its own `time.perf_counter()` around those two lines (interpreter start-up excluded).
Contenders run interleaved over `--runs` rounds; medians are reported, with ratios to `openai`
(the `openai` package of the bench venv), measured in the same run:

- `openai_sdk`: generated from OpenAI's spec with spec/examples/openai.sdk.yaml (target ≤ 0.5×);
- `deepseek_sdk`: the committed generated/ package (target ≤ 0.3×);
- floor: `import httpx2; from pydantic import BaseModel; httpx2.Client()`, what any SDK built on
  httpx2 and pydantic models pays before its own code runs; `floor (httpx)` is the same with
  encode's httpx, for reference.

Both generated packages are copied to a temporary directory and byte-compiled first, as `pip
install` would (this environment sets PYTHONDONTWRITEBYTECODE, so an uncompiled tree would be
recompiled on every import). Then, in one more fresh process per package, the laziness checks:
which `types`/`resources` modules are loaded after the import + client, and after a first
`client.chat.completions.create(...)` (answered by an `httpx2.MockTransport`).

    .venv/bin/python bench/bench_import.py [--runs 15] [--spec ../shared/specs/openai-....yaml]
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SPEC = ROOT.parent / "shared" / "specs" / "openai-2026-08-21.yaml"
CONFIG = ROOT / "spec" / "examples" / "openai.sdk.yaml"
GENERATED = ROOT / "generated" / "deepseek_sdk"

TIMED = """\
import time
start = time.perf_counter()
{body}
print(time.perf_counter() - start)
"""
CONTENDERS = {
    "openai": ("import openai\nopenai.OpenAI(api_key='x')", None),
    "openai_sdk": ("import openai_sdk\nopenai_sdk.OpenAI(api_key='x')", 0.5),
    "deepseek_sdk": ("import deepseek_sdk\ndeepseek_sdk.DeepSeek(api_key='x')", 0.3),
    "floor": ("import httpx2\nfrom pydantic import BaseModel\nhttpx2.Client()", None),
    "floor (httpx)": ("import httpx\nfrom pydantic import BaseModel\nhttpx.Client()", None),
}

LAZINESS = """\
import json, sys
import httpx2
BODY = {{"id": "c", "object": "chat.completion", "created": 1, "model": "m", "choices": [
    {{"index": 0, "finish_reason": "stop", "logprobs": None,
     "message": {{"role": "assistant", "content": "hi", "refusal": None}}}}]}}
pkg = "{package}"
def loaded(kind):
    return sorted(m for m in sys.modules if m.startswith(pkg + "." + kind))
before = set(sys.modules)
module = __import__(pkg)
transport = httpx2.MockTransport(lambda request: httpx2.Response(200, json=BODY))
client = getattr(module, "{client}")(api_key="x", base_url="http://test",
                                   http_client=httpx2.Client(transport=transport))
after_client = {{"modules": len(set(sys.modules) - before), "types": loaded("types"),
                "resources": loaded("resources")}}
client.chat.completions.create(model="m", messages=[{{"role": "user", "content": "hi"}}])
print(json.dumps({{"client": after_client, "call_types": loaded("types"),
                  "call_resources": loaded("resources")}}))
"""


def prepare(spec: Path, work: Path) -> Path:
    """Generate the OpenAI SDK, copy deepseek_sdk, byte-compile both; return the path entry."""
    site = work / "site"
    site.mkdir()
    if spec.is_file():
        out = work / "openai"
        subprocess.run(
            [sys.executable, "-m", "codegen", "generate", "--spec", str(spec), "--config",
             str(CONFIG), "--out", str(out), "--no-cache"],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        shutil.copytree(out / "openai_sdk", site / "openai_sdk")
    else:
        print(f"(no {spec}: openai_sdk skipped)")
    shutil.copytree(GENERATED, site / "deepseek_sdk")
    compileall.compile_dir(site, quiet=1)
    return site


def sample(body: str, site: Path) -> float:
    proc = subprocess.run(
        [sys.executable, "-c", TIMED.format(body=body)],
        cwd=site, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return float(proc.stdout.strip().splitlines()[-1])


def laziness(package: str, client: str, site: Path) -> dict[str, object]:
    code = LAZINESS.format(package=package, client=client)
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=site, capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(proc.stdout)
    return result


def _importable(name: str) -> bool:
    """`floor (httpx)` runs only where encode's httpx is installed."""
    return name == "floor (httpx)" and importlib.util.find_spec("httpx") is not None


def count_modules(root: Path) -> int:
    return sum(1 for _ in root.rglob("*.py"))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        site = prepare(args.spec.resolve(), work)
        contenders = {
            name: spec
            for name, spec in CONTENDERS.items()
            if name in ("openai", "floor") or (site / name).is_dir() or _importable(name)
        }
        times: dict[str, list[float]] = {name: [] for name in contenders}
        for _ in range(args.runs):
            for name, (body, _) in contenders.items():
                times[name].append(sample(body, site))
        base = statistics.median(times["openai"])
        print(f"{args.runs} interleaved runs, import + client construction, medians:\n")
        print("| package | import + client | vs openai | target |")
        print("|---|---:|---:|---|")
        for name, (_, target) in contenders.items():
            median = statistics.median(times[name])
            ratio = median / base
            goal = (
                "" if target is None else f"≤ {target}× ({'ok' if ratio <= target else 'MISSED'})"
            )
            print(f"| {name} | {median * 1000:.0f} ms | {ratio:.2f}× | {goal} |")
        print()
        for package, client in (("openai_sdk", "OpenAI"), ("deepseek_sdk", "DeepSeek")):
            if not (site / package).is_dir():
                continue
            found = laziness(package, client, site)
            after = found["client"]
            assert isinstance(after, dict)
            total = count_modules(site / package / "types")
            call_types = found["call_types"]
            assert isinstance(call_types, list)
            print(
                f"{package}: import + client loads {after['modules']} modules besides httpx2, "
                f"{len(after['types'])} of types/, {len(after['resources'])} of resources/; "
                f"first chat.completions.create loads {len(call_types)} of {total} types/ "
                "modules"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
