"""Running hostile specs through the whole pipeline, and checking what comes out.

Each spec is generated into its own directory (`load_spec` on a file, `lower`, `render`,
`emit`, exactly as `python -m codegen generate` does); `assemble` then puts every package side
by side in one tree, so `ruff check`, `mypy --strict`, compiling and importing run once for all
of them instead of once per spec.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from codegen.cli import Outcome, generate

BIN = Path(sys.executable).parent
CANARY = "@CANARY@"
"""Placeholder in hostile text for the path of a file that must never be created."""

# Characters that must never appear raw in generated Python: they are invisible or reorder
# what an editor shows ("Trojan Source"), so the code would not read as it runs.
INVISIBLE = frozenset(
    [chr(c) for c in range(0x80, 0xA0)]
    + ["\u061c", "\ufeff", "\u2028", "\u2029"]
    + [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2060, 0x2065)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)


def payloads(canary: str = CANARY) -> tuple[str, ...]:
    """Text that tries to end a string, docstring, comment or template tag early and run code,
    or to be evaluated as a Jinja expression; every one touches `canary` if it ever runs."""
    run = f"__import__('os').system('touch {canary}')"
    return (
        f'"""; {run}; """',
        f"'''; {run}; '''",
        f'"\n{run}\n"',
        f'\\"; {run}; #',
        f"\\'''\n{run}\n#",
        f"{{{{ cycler.__init__.__globals__.os.system('touch {canary}') }}}}",
        f"{{% set x = cycler.__init__.__globals__.os.system('touch {canary}') %}}",
        f"{{# comment #}}{{{{ 7 * 7 }}}}{{% raw %}}{run}",
        f"*/ {run} /*",
        f"\x00{run}\r\n\t{run}\x1b[2J",
    )


def substitute(node: Any, old: str, new: str) -> Any:
    """`node` (JSON-like data) with `old` replaced by `new` in every string and key."""
    if isinstance(node, str):
        return node.replace(old, new)
    if isinstance(node, Mapping):
        return {substitute(k, old, new): substitute(v, old, new) for k, v in node.items()}
    if isinstance(node, list):
        return [substitute(item, old, new) for item in node]
    return node


def write_spec(directory: Path, document: Any, *, suffix: str = ".json") -> Path:
    """Write `document` (data, or text written as is) as `openapi<suffix>` in `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    spec = directory / f"openapi{suffix}"
    if isinstance(document, str):
        spec.write_text(document, encoding="utf-8")
    else:  # ASCII JSON keeps every character, even ones that are not valid UTF-8 text
        spec.write_text(json.dumps(document, ensure_ascii=True, indent=1), encoding="utf-8")
    return spec


def run_pipeline(spec: Path, out: Path, package: str | None) -> Outcome:
    """load -> lower -> render -> emit, with a config naming the package (if given)."""
    config = None
    if package is not None:
        config = spec.parent / "sdk.yaml"
        config.write_text(f"package: {package}\n", encoding="utf-8")
    return generate(spec, config, out, cache_dir=None)


def assemble(root: Path, outputs: Iterable[Path]) -> list[str]:
    """Copy the package of every output directory into `root` (with one generated
    `pyproject.toml`, whose tool settings are the same for all); return the package names."""
    root.mkdir(parents=True, exist_ok=True)
    packages = []
    for out in outputs:
        for item in sorted(out.iterdir()):
            if item.is_dir() and item.name != "tests":  # the SDK's own tests: not its package
                shutil.copytree(item, root / item.name)
                packages.append(item.name)
        if not (root / "pyproject.toml").exists():
            shutil.copy(out / "pyproject.toml", root / "pyproject.toml")
    return sorted(packages)


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a command, capturing its output (never raises for a non-zero exit)."""
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)


def compile_errors(root: Path) -> list[str]:
    """`SyntaxError`s of every `.py` file under `root` (compiled, not imported)."""
    errors = []
    for path in sorted(root.rglob("*.py")):
        try:
            compile(path.read_text(encoding="utf-8"), str(path), "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            errors.append(f"{path.relative_to(root)}: {exc}")
    return errors


def invisible_characters(root: Path) -> list[str]:
    """`file:line` of every raw invisible or bidi character in `.py` files under `root`."""
    found = []
    for path in sorted(root.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            bad = sorted({f"U+{ord(c):04X}" for c in line if c in INVISIBLE})
            if bad:
                found.append(f"{path.relative_to(root)}:{number}: {', '.join(bad)}")
    return found


def ruff_check(root: Path, packages: list[str]) -> subprocess.CompletedProcess[str]:
    """`ruff check` (the generated package's own config, no fixes) over `packages`."""
    return run([str(BIN / "ruff"), "check", "--no-cache", "--quiet", *packages], root)


def mypy_strict(root: Path, packages: list[str]) -> subprocess.CompletedProcess[str]:
    """`mypy --strict` (the generated package's own config) over `packages`, in one run."""
    args = [str(BIN / "mypy"), "--no-incremental", "--cache-dir=/dev/null"]
    for package in packages:
        args += ["-p", package]
    return run(args, root)


# Imports every module of every package, builds every model's validator, evaluates every
# TypedDict's annotations, evaluates every resource method's annotations and creates each client with all
# of its resources: everything generated code does when it is used, short of a request.
_IMPORT_EVERYTHING = """
import functools, importlib, inspect, pkgutil, sys, typing
import pydantic
from typing_extensions import is_typeddict

root, *packages = sys.argv[1:]
sys.path.insert(0, root)


def touch_resources(resource, seen):
    seen.add(id(resource))
    methods = ".resources." in type(resource).__module__
    for name in dir(type(resource)):
        attribute = inspect.getattr_static(type(resource), name)
        if name.startswith("_"):
            continue
        if isinstance(attribute, functools.cached_property):
            child = getattr(resource, name)
            if id(child) not in seen:
                touch_resources(child, seen)
        elif methods and inspect.isfunction(attribute):
            typing.get_type_hints(attribute)


for name in packages:
    package = importlib.import_module(name)
    for info in pkgutil.walk_packages(package.__path__, name + "."):
        module = importlib.import_module(info.name)
        for value in list(vars(module).values()):
            if getattr(value, "__module__", None) != module.__name__:
                continue
            if isinstance(value, type) and issubclass(value, pydantic.BaseModel):
                value.model_rebuild(force=True)
            elif is_typeddict(value):
                typing.get_type_hints(value)
    base = importlib.import_module(name + "._base_client")
    client_module = importlib.import_module(name + "._client")
    for client_name in client_module.__all__:
        cls = getattr(client_module, client_name)
        if isinstance(cls, type) and issubclass(cls, base.SyncAPIClient):
            with cls(base_url="http://127.0.0.1:9") as client:
                touch_resources(client, set())
print("imported", len(packages), "packages")
"""


def import_everything(root: Path, packages: list[str]) -> subprocess.CompletedProcess[str]:
    """Import and exercise `packages` (under `root`) in a fresh interpreter."""
    return run([sys.executable, "-c", _IMPORT_EVERYTHING, str(root), *packages], root)


@contextlib.contextmanager
def importable(root: Path, packages: Iterable[str]) -> Iterator[None]:
    """`packages` under `root` importable in this process; forgotten again afterwards."""
    names = set(packages)
    sys.path.insert(0, str(root))
    try:
        yield
    finally:
        sys.path.remove(str(root))
        for module in [m for m in sys.modules if m.split(".")[0] in names]:
            del sys.modules[module]
        importlib.invalidate_caches()


def problems(result: subprocess.CompletedProcess[str]) -> str:
    """A tool's report, for an assertion message."""
    return (result.stdout + result.stderr).strip()
