"""SDKs that the test session generates with the real generator, and imports like any package.

- `things_sdk`, from `tests/runtime/spec/openapi.yaml` + `sdk.yaml`: the runtime tests' SDK.
- `deepseek_sdk`, from `spec/openapi.yaml` + `spec/sdk.yaml` (helpers from templates/lib): the
  helper tests', and what every other in-process `import deepseek_sdk` gets.
- `wire_sdk`, from `tests/runtime/wire/`: one operation per request body kind and parameter
  style, for the wire-format tests.
- `auth_sdk`, from `tests/runtime/spec/auth.yaml` + `auth.sdk.yaml`: every security scheme.
- `errors_sdk`, from `tests/runtime/spec/errors.yaml` + `errors.sdk.yaml`: declared error bodies.

`tests/conftest.py` installs `SessionSdks` as an import hook. The first `import things_sdk`
(or `deepseek_sdk`) of the session runs load -> lower -> render -> emit, as `make generate`
does, into a temporary folder, and imports the package from there; a session that imports
neither pays nothing (each takes ~0.3 s). So the runtime (`templates/runtime/`) and the helpers
(`templates/lib/`) are tested as they are shipped, in a package generated from the templates as
they are now: no `make generate` needed, and no fake package. An import hook rather than a
`sys.path` entry, because the order in which folders put `generated/` on `sys.path` would
otherwise decide which copy a test gets. The committed `generated/` is checked by
`make check-generated`; tests that run an SDK in another process put `sdk_root(name)` on
`PYTHONPATH`.
"""

from __future__ import annotations

import atexit
import importlib.abc
import importlib.machinery
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]

__all__ = ["SDKS", "SessionSdks", "Source", "sdk_root"]


@dataclass(frozen=True)
class Source:
    """What an SDK is generated from (paths relative to the repository)."""

    spec: str
    config: str


SDKS: dict[str, Source] = {
    "things_sdk": Source("tests/runtime/spec/openapi.yaml", "tests/runtime/spec/sdk.yaml"),
    "deepseek_sdk": Source("spec/openapi.yaml", "spec/sdk.yaml"),
    "wire_sdk": Source("tests/runtime/wire/openapi.yaml", "tests/runtime/wire/sdk.yaml"),
    "auth_sdk": Source("tests/runtime/spec/auth.yaml", "tests/runtime/spec/auth.sdk.yaml"),
    "errors_sdk": Source("tests/runtime/spec/errors.yaml", "tests/runtime/spec/errors.sdk.yaml"),
}


class SessionSdks(importlib.abc.MetaPathFinder):
    """Finds the packages in `SDKS`, generating each into a temporary folder on first import."""

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._roots: dict[str, Path] = {}

    def root(self, package: str) -> Path:
        """The folder holding `package` (generated now if it is not yet): a `PYTHONPATH` entry."""
        if package not in self._roots:
            source = SDKS[package]
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="sdkgen-session-sdks-"))
                atexit.register(self.remove)  # also when pytest stops before unconfigure
            out = self._folder / package
            from codegen.cli import generate  # here: only a session that needs an SDK loads it

            try:
                # cache_dir=None: format everything now, so the output is the templates' own.
                generate(REPO / source.spec, REPO / source.config, out, cache_dir=None)
            except Exception as exc:
                raise ImportError(
                    f"the test session could not generate {package} from {source.spec} "
                    f"({type(exc).__name__}: {exc})",
                    name=package,
                ) from exc
            self._roots[package] = out
        return self._roots[package]

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if path is not None or fullname not in SDKS:
            return None  # not a top-level package of ours: the usual finders look for it
        return importlib.machinery.PathFinder.find_spec(fullname, [str(self.root(fullname))])

    def remove(self) -> None:
        """Delete the generated folders (at the end of the session)."""
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)


def _installed() -> SessionSdks:
    found = next((f for f in sys.meta_path if isinstance(f, SessionSdks)), None)
    if found is None:
        raise RuntimeError("tests/conftest.py installs the session SDKs; run the tests with pytest")
    return found


def sdk_root(package: str) -> Path:
    """The folder to put on `PYTHONPATH` for `package` in a subprocess (see the module docstring)."""
    return _installed().root(package)
