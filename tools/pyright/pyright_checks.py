"""The pinned pyright (what VS Code's Pylance runs) on a generated package.

    python tools/pyright/pyright_checks.py generated/deepseek_sdk [--installed-at .cache/verifytypes]

prints, and fails on, what `make typecheck` gates:

- pyright in `basic` and in `strict` mode on the package's own files (0 errors expected);
- `pyright --verifytypes` on the package as an importer sees it: the type completeness of its
  public API. The gate is the figure with `--ignoreexternal` (our own symbols: 100% expected);
  the figure with the dependencies' types counted too is printed for comparison with other SDKs
  (bench/README.md, "Type completeness", says which dependency types keep it below 100%).

pyright comes from tools/pyright/package-lock.json and is installed with `npm ci` when it is
missing or is not the pinned version.

verifytypes needs the package importable. By default it is found through `PYTHONPATH` (its
parent directory) with its dependencies from `--python`: nothing is built or installed. The
own-API figure is the same either way, but the dependency-inclusive one depends on the layout
(pyright reads a package next to its dependencies in site-packages differently from one on
its own path entry), so `--installed-at DIR` lays it out as `pip install` would: the
dependencies the package's pyproject.toml declares are installed into `DIR/site` once (`pip
install --target`, again only when that list changes; offline after that) and the package is
copied next to them on every run. `tests/typing/test_pyright.py` asserts the same figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "PYRIGHT",
    "CheckResult",
    "Completeness",
    "check",
    "ensure_pyright",
    "install_like_pip",
    "main",
    "verify_types",
]

PYRIGHT_DIR = Path(__file__).resolve().parent
PYRIGHT = PYRIGHT_DIR / "node_modules" / ".bin" / "pyright"
PYTHON_VERSION = "3.10"  # the oldest Python the generated packages support
TIMEOUT = 600  # seconds; a cold run on a loaded 2-core machine takes well under a minute


def _pinned_version() -> str:
    manifest = json.loads((PYRIGHT_DIR / "package.json").read_text(encoding="utf-8"))
    return str(manifest["dependencies"]["pyright"])


def _installed_version() -> str | None:
    installed = PYRIGHT_DIR / "node_modules" / "pyright" / "package.json"
    if not PYRIGHT.exists() or not installed.exists():
        return None
    return str(json.loads(installed.read_text(encoding="utf-8")).get("version"))


def ensure_pyright() -> Path:
    """The pinned pyright binary, installed with `npm ci` first if missing or outdated."""
    if _installed_version() != _pinned_version():
        done = subprocess.run(
            ["npm", "ci", "--prefix", str(PYRIGHT_DIR), "--no-audit", "--no-fund"],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        if done.returncode != 0 or _installed_version() != _pinned_version():
            raise RuntimeError(
                f"npm ci --prefix {PYRIGHT_DIR} did not install pyright {_pinned_version()}:\n"
                + done.stdout
                + done.stderr
            )
    return PYRIGHT


@dataclass(frozen=True)
class CheckResult:
    """One pyright run on a package: how many errors, and pyright's report."""

    mode: str
    errors: int
    report: str


@dataclass(frozen=True)
class Completeness:
    """`pyright --verifytypes`: the score and the symbol counts of one run."""

    score: float
    known: int
    ambiguous: int
    unknown: int
    problems: tuple[str, ...]
    """`symbol: message` for every exported or referenced symbol that is not fully known."""

    @property
    def exported(self) -> int:
        return self.known + self.ambiguous + self.unknown


def _run_json(args: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> Any:
    done = subprocess.run(
        [str(ensure_pyright()), *args, "--outputjson"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    try:
        return json.loads(done.stdout)
    except ValueError:
        raise RuntimeError(
            f"pyright {' '.join(args)} failed:\n{done.stdout}{done.stderr}"
        ) from None


def check(
    path: Path,
    mode: str,
    *,
    python: str = sys.executable,
    python_version: str = PYTHON_VERSION,
    extra_paths: Sequence[Path] = (),
    settings: Mapping[str, object] | None = None,
) -> CheckResult:
    """pyright in `mode` ("basic", "standard" or "strict") on the Python files under `path`.

    `extra_paths` are import roots (e.g. the directory holding the package that scripts
    import); `settings` are further pyrightconfig.json entries (e.g. one rule turned off).
    Raises when pyright finds no file to check, so a wrong path cannot pass silently.
    """
    with tempfile.TemporaryDirectory(prefix="pyright-") as tmp:
        config = Path(tmp) / "pyrightconfig.json"
        options = {
            "typeCheckingMode": mode,
            "pythonVersion": python_version,
            "extraPaths": [str(p.resolve()) for p in extra_paths],
            **(settings or {}),
        }
        config.write_text(json.dumps(options), encoding="utf-8")
        # The files are named on the command line: pyright ignores absolute "include" paths.
        args = ["--project", str(config), "--pythonpath", python, str(path.resolve())]
        result = _run_json(args, cwd=Path(tmp))
    if not result["summary"]["filesAnalyzed"]:
        raise RuntimeError(f"pyright found no Python files in {path}")
    lines = [
        f"{d['file']}:{d['range']['start']['line'] + 1}: {d['severity']}: {d['message']}"
        + (f" ({d['rule']})" if d.get("rule") else "")
        for d in result.get("generalDiagnostics", [])
        if d["severity"] == "error"
    ]
    return CheckResult(mode, int(result["summary"]["errorCount"]), "\n".join(lines))


def install_like_pip(package: Path, into: Path, *, python: str = sys.executable) -> Path:
    """`package` laid out as `pip install` would: returns `into/site`, which holds the
    dependencies its pyproject.toml declares (installed once) and a fresh copy of `package`."""
    project = tomllib.loads((package.parent / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = sorted(project["project"]["dependencies"])
    site, stamp = into / "site", into / "requirements.txt"
    wanted = "".join(f"{line}\n" for line in requirements)
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != wanted:
        shutil.rmtree(site, ignore_errors=True)
        pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        done = subprocess.run(
            [*pip, "--target", str(site), *requirements],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"installing {requirements} failed:\n{done.stdout}{done.stderr}")
        stamp.write_text(wanted, encoding="utf-8")
    copy = site / package.name
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return site


def verify_types(
    package: Path, *, ignore_external: bool = True, python: str = sys.executable
) -> Completeness:
    """`pyright --verifytypes` on `package`, imported from its parent directory."""
    package = package.resolve()
    env = {**os.environ, "PYTHONPATH": str(package.parent)}
    args = ["--verifytypes", package.name, "--pythonpath", python]
    if ignore_external:
        args.append("--ignoreexternal")
    with tempfile.TemporaryDirectory(prefix="verifytypes-") as tmp:  # no local config applies
        result = _run_json(args, cwd=Path(tmp), env=env)
    report = result["typeCompleteness"]
    if report.get("packageRootDirectory") and Path(report["packageRootDirectory"]) != package:
        raise RuntimeError(f"verifytypes checked {report['packageRootDirectory']}, not {package}")
    counts = report["exportedSymbolCounts"]
    problems = tuple(
        f"{symbol['name']}: {d['message'].splitlines()[0]}"
        for symbol in report["symbols"]
        if not symbol["isTypeKnown"]
        for d in symbol["diagnostics"]
        if d["severity"] == "error"
    )
    return Completeness(
        score=float(report["completenessScore"]),
        known=int(counts["withKnownType"]),
        ambiguous=int(counts["withAmbiguousType"]),
        unknown=int(counts["withUnknownType"]),
        problems=problems,
    )


def _describe(result: Completeness) -> str:
    return (
        f"{result.score:.1%} of {result.exported} exported symbols "
        f"({result.known} known, {result.ambiguous} ambiguous, {result.unknown} unknown)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="the package directory, e.g. generated/x_sdk")
    parser.add_argument("--python", default=sys.executable, help="interpreter with its deps")
    parser.add_argument(
        "--installed-at", type=Path, help="verifytypes on a pip-like layout kept in this directory"
    )
    args = parser.parse_args(argv)
    package: Path = args.package
    if not (package / "__init__.py").exists():
        parser.error(f"{package} is not a package directory")
    ensure_pyright()
    print(f"pyright {_pinned_version()} on {package}")
    imported = package
    if args.installed_at is not None:
        imported = install_like_pip(package, args.installed_at, python=args.python) / package.name
    with ThreadPoolExecutor(max_workers=2) as pool:  # one pyright process per core
        checks = list(
            pool.map(lambda mode: check(package, mode, python=args.python), ["basic", "strict"])
        )
        own, full = pool.map(
            lambda external: verify_types(imported, ignore_external=external, python=args.python),
            [True, False],
        )
    failed = False
    for result in checks:
        print(f"  {result.mode + ':':<8} {result.errors} errors")
        if result.errors:
            print(result.report)
            failed = True
    print(f"  verifytypes, our own API (--ignoreexternal): {_describe(own)}")
    print(f"  verifytypes, dependencies' types included: {_describe(full)}")
    if own.score < 1:
        print("  not fully typed:\n    " + "\n    ".join(own.problems))
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
