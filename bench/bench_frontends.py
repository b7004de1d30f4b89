"""Start-up of the generated command line and tool listing of the generated MCP server (a script).

Command line: wall time of a fresh process running the console script's code
(`from <package>.cli import main; main([...])`), medians over `--runs` interleaved rounds, with
ratios to `python -c pass` (the interpreter alone) and to openai's own CLI (`openai --help`;
openai-python's releases without a CLI module are timed as `import openai`, what any script on
it pays first), measured in the same run. Target: `deepseek --help` under 150 ms.

MCP server, OpenAI's spec (288 operations; target: listed in under 1 s):
- in-process: `create_server()` and `tools/list` over an in-memory `mcp.Client` session,
  the first listing of a fresh process (schemas built then), imports excluded;
- cold: a client spawning `python -m openai_sdk.mcp` over stdio, from spawn to the listing.

Packages are generated (OpenAI's with spec/examples/openai.sdk.yaml) or copied (generated/)
to a temporary directory and byte-compiled first, as `pip install` would.

    .venv/bin/python bench/bench_frontends.py [--runs 15] [--spec ../shared/specs/openai-....yaml]
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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SPEC = ROOT.parent / "shared" / "specs" / "openai-2026-08-21.yaml"
CONFIG = ROOT / "spec" / "examples" / "openai.sdk.yaml"
GENERATED = ROOT / "generated" / "deepseek_sdk"

IN_PROCESS = """\
import asyncio, json, sys, time
from mcp import Client
from openai_sdk.mcp import create_server

async def main():
    start = time.perf_counter()
    server = create_server()
    async with Client(server) as client:
        listed = await client.list_tools()
    seconds = time.perf_counter() - start
    size = sum(len(json.dumps(t.input_schema)) for t in listed.tools)
    print(json.dumps({"seconds": seconds, "tools": len(listed.tools), "bytes": size}))

asyncio.run(main())
"""

COLD = """\
import asyncio, json, sys, time
from mcp import Client, StdioServerParameters

async def main():
    start = time.perf_counter()
    params = StdioServerParameters(command=sys.executable, args=["-m", "openai_sdk.mcp"],
                                   cwd=sys.argv[1], env={"PYTHONPATH": sys.argv[1]})
    async with Client(params) as client:
        listed = await client.list_tools()
        seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "tools": len(listed.tools)}))

asyncio.run(main())
"""


def prepare(spec: Path, work: Path) -> Path:
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


def wall(code: str, site: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code], cwd=site, capture_output=True, check=False, timeout=60
    )
    return time.perf_counter() - start


def cli(package: str, *args: str) -> str:
    return f"from {package}.cli import main; main({list(args)!r})"


def contenders(site: Path) -> dict[str, str]:
    found = {
        "python -c pass": "pass",
        "deepseek --help": cli("deepseek_sdk", "--help"),
        "deepseek api --help": cli("deepseek_sdk", "api", "--help"),
        "deepseek api chat.completions.create --help": cli(
            "deepseek_sdk", "api", "chat.completions.create", "--help"
        ),
    }
    if (site / "openai_sdk").is_dir():
        found["openai-sdk --help"] = cli("openai_sdk", "--help")
        found["openai-sdk api --help (288 operations)"] = cli("openai_sdk", "api", "--help")
        found["openai-sdk api responses.create --help"] = cli(
            "openai_sdk", "api", "responses.create", "--help"
        )
    if importlib.util.find_spec("openai.cli") is not None:
        found["openai --help (openai's CLI)"] = (
            "import sys; sys.argv = ['openai', '--help']\nfrom openai.cli import main\nmain()"
        )
    elif importlib.util.find_spec("openai") is not None:
        found["import openai (this openai has no CLI)"] = "import openai"
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--mcp-runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-frontends-"))
    try:
        site = prepare(args.spec.resolve(), work)
        codes = contenders(site)
        times: dict[str, list[float]] = {name: [] for name in codes}
        for _ in range(args.runs):
            for name, code in codes.items():
                times[name].append(wall(code, site))
        medians = {name: statistics.median(found) for name, found in times.items()}
        floor = medians["python -c pass"]
        other = next((n for n in medians if n.startswith(("openai --help", "import openai"))), None)
        print(f"Command line: fresh process wall time, median of {args.runs} interleaved runs\n")
        header = "| command | time | vs python -c pass |"
        header += f" vs {other} |" if other else ""
        print(header)
        print("|---|---:|---:|" + ("---:|" if other else ""))
        for name, median in medians.items():
            row = f"| {name} | {median * 1000:.0f} ms | {median / floor:.2f}× |"
            if other:
                row += f" {median / medians[other]:.2f}× |"
            print(row)
        target = medians["deepseek --help"]
        verdict = "ok" if target < 0.150 else "MISSED"
        print(f"\ndeepseek --help: {target * 1000:.0f} ms (target < 150 ms: {verdict})\n")
        if not (site / "openai_sdk").is_dir():
            return
        warm: list[dict[str, float]] = []
        cold: list[dict[str, float]] = []
        for _ in range(args.mcp_runs):
            for code, into, extra in ((IN_PROCESS, warm, []), (COLD, cold, [str(site)])):
                done = subprocess.run(
                    [sys.executable, "-c", code, *extra],
                    cwd=site, capture_output=True, text=True, check=True, timeout=120,
                )  # fmt: skip
                into.append(json.loads(done.stdout.strip().splitlines()[-1]))
        listed = statistics.median(r["seconds"] for r in warm)
        spawned = statistics.median(r["seconds"] for r in cold)
        tools, size = int(warm[0]["tools"]), int(warm[0]["bytes"])
        print(f"MCP server, OpenAI's spec: {tools} tools, {size / 1024:.0f} KiB of input schemas")
        print(f"(median of {args.mcp_runs} runs)\n")
        print("| listing | time | vs target (1 s) |")
        print("|---|---:|---:|")
        print(f"| in-process: create_server + tools/list | {listed * 1000:.0f} ms | "
              f"{listed:.2f}× |")  # fmt: skip
        print(f"| cold: spawn `python -m openai_sdk.mcp` (stdio) + tools/list | "
              f"{spawned * 1000:.0f} ms | {spawned:.2f}× |")  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
