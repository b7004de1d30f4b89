"""`python -m codegen test --spec S`: generate the SDK of any spec into a temporary folder, start
the spec-validating mock server (Steady, `codegen/steady.py`) on a free port, run the SDK's
generated tests (`tests/` of the SDK: each method, sync and async, with its required and with
all its parameters) against it, and report per method whether it works.

A method passes when all its tests pass. One that fails is a failure, unless `--expect FILE`
lists it. The file is YAML with two mappings of `client.<resource>.<method>: <reason>`:
`unservable` (the mock cannot serve the method: a limitation of the mock, not of the SDK) and
`failing` (a known bug of the generator the suite found, still to fix; reported as
`known-fail`, never as a pass). A listed method that passes is reported as `stale` and counts
as a failure, so the file only holds what is still true. Operations the generator could not
express (`--allow-skip` warnings) are counted as not generated.

The mock reads each parameter's `style`/`explode`, but an array in `deepObject` style has no
serialization in OpenAPI and Steady does not read a form body's `encoding`; when a spec uses
`deepObject` for a parameter, the mock is told to read arrays and objects in queries the way
the runtime writes `deepObject` (`k[]=a`, `k[x]=v`: Stripe's documented wire format), and in
form and multipart bodies when a body's `encoding` uses it or the SDK sends multipart bodies
Rails-style (sdk.yaml `multipart_style: brackets`). Otherwise Steady reads multipart bodies as
OpenAPI says, as the runtime writes them by default (arrays as repeated parts, objects as JSON).

`--only client.<resource>[.<method>]` (repeatable) runs the tests of those resources (and
their sub-resources) or methods alone, and reports only them: one method of a big spec in
seconds instead of the whole suite.

Exit codes: 0 every generated method passes or is listed; 1 a failure (or a stale listing);
2 the SDK could not be generated or the suite could not run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TextIO

import yaml

from .errors import SKIPPED_OPERATION

__all__ = [
    "Expectations",
    "MethodResult",
    "Selection",
    "SuiteReport",
    "load_expectations",
    "register",
    "run_suite",
]

DEFAULT_CACHE = Path(".cache/sdkgen-suite")
_TEST_PREFIX = "test_method_"
_ALL_SUFFIX = "_with_all_params"


@dataclass
class MethodResult:
    """One method: `status` is `pass`, `fail`, `unservable`, `known-fail` (both listed) or
    `stale` (listed, yet passes)."""

    method: str  # "client.chat.completions.create"
    status: str
    tests: int = 0
    reason: str | None = None


@dataclass
class SuiteReport:
    spec: str
    methods: list[MethodResult] = field(default_factory=list)
    not_generated: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for m in self.methods if m.status == status)

    @property
    def ok(self) -> bool:
        return self.count("fail") == 0 and self.count("stale") == 0

    def summary(self) -> str:
        parts = [
            f"{len(self.methods)} methods tested",
            f"{self.count('pass')} pass",
            f"{self.count('fail')} fail",
            f"{self.count('unservable')} cannot be served by the mock",
        ]
        if self.count("known-fail"):
            parts.insert(3, f"{self.count('known-fail')} known failures")
        if self.count("stale"):
            parts.append(f"{self.count('stale')} listed as unservable but pass")
        if self.not_generated:
            parts.append(f"{len(self.not_generated)} operations not generated")
        return f"{self.spec}: " + ", ".join(parts)

    def write(self, stream: TextIO) -> None:
        for result in self.methods:
            if result.status != "pass":
                stream.write(f"  {result.status:<10} {result.method}: {result.reason}\n")
        stream.write(self.summary() + "\n")


@dataclass(frozen=True)
class Expectations:
    """Methods the suite is known not to pass: `client.<resource>.<method>` -> why."""

    unservable: dict[str, str] = field(default_factory=dict)
    failing: dict[str, str] = field(default_factory=dict)


def load_expectations(path: Path | None) -> Expectations:
    """Read an `--expect` file (see the module docstring)."""
    if path is None:
        return Expectations()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found: dict[str, dict[str, str]] = {}
    for key in ("unservable", "failing"):
        part = data.get(key) or {} if isinstance(data, dict) else None
        if not isinstance(part, dict) or not all(isinstance(v, str) for v in part.values()):
            raise ValueError(f"{path}: `{key}` must map each method to a reason")
        found[key] = {str(k): v for k, v in part.items()}
    unknown = set(data) - {"unservable", "failing"}
    if unknown:
        raise ValueError(f"{path}: unknown keys {sorted(unknown)}")
    return Expectations(found["unservable"], found["failing"])


def run_suite(
    spec_path: Path,
    config_path: Path | None,
    *,
    expect: Expectations | None = None,
    sample: int = 0,
    work: Path | None = None,
    name: str | None = None,
    only: Sequence[str] = (),
) -> SuiteReport:
    """Generate, serve, run; `sample` > 0 runs only every n-th resource's tests (by order);
    `only` selects resources or methods (`client.files`, `client.files.create`)."""
    import time

    from .cli import generate
    from .render.suite import SUITE_BASE_URL_ENV, print_suite, suite_path
    from .steady import start_mock_server

    start = time.perf_counter()
    listed = expect or Expectations()
    with tempfile.TemporaryDirectory(prefix="sdkgen-suite-") as tmp:
        root = work or Path(tmp)
        out = root / "sdk"
        outcome = generate(spec_path, config_path, out, allow_skip=True, cache_dir=DEFAULT_CACHE)
        report = SuiteReport(name or spec_path.stem)
        report.not_generated = [
            d.message.split(": ", 1)[0] for d in outcome.diagnostics if d.kind == SKIPPED_OPERATION
        ]
        modules = print_suite(outcome.api)
        if sample > 1:
            modules = modules[::sample]
        selected = Selection(only, {m.dotted: {c.function for c in m.calls} for m in modules})
        modules = [m for m in modules if selected.resource(m.dotted)]
        by_file = {suite_path(m.resource): m.resource.dotted for m in modules}
        junit = root / "junit.xml"
        served = spec_path
        if outcome.spec.origins:  # a spec split over files: Steady gets the bundled document
            served = root / "bundled.json"
            served.write_text(json.dumps(outcome.spec.document, default=str), encoding="utf-8")
        mock_args = _mock_args(outcome.spec.document, outcome.api.client.multipart_brackets)
        with start_mock_server(served, extra_args=mock_args) as url:
            env = {**os.environ, SUITE_BASE_URL_ENV: url}
            env.pop("PYTHONPATH", None)
            command = [
                sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                f"--junitxml={junit}", "-o", "junit_family=xunit1", *selected.pytest_args(),
                *sorted(by_file),
            ]  # fmt: skip
            done = subprocess.run(
                command, cwd=out, env=env, capture_output=True, text=True, check=False
            )
        if not junit.is_file():
            raise RuntimeError(
                f"the suite did not run:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
            )
        report.methods = [m for m in _results(junit, by_file, listed) if selected.method(m.method)]
        report.seconds = time.perf_counter() - start
        return report


class Selection:
    """What `--only` selects: whole resources (with their sub-resources) or single methods,
    as `client.<resource>` or `client.<resource>.<method>`; nothing given selects everything.
    `tests` is each resource's test functions, which tell a method from a sub-resource."""

    def __init__(self, only: Sequence[str], tests: dict[str, set[str]]) -> None:
        self.resources: set[str] = set()
        self.methods: set[str] = set()
        for raw in only:
            key = raw.removeprefix("client.")
            resource, _, method = key.rpartition(".")
            if key in tests or any(r.startswith(key + ".") for r in tests):
                self.resources.add(key)
            elif resource in tests and _TEST_PREFIX + method in tests[resource]:
                self.methods.add(key)
            else:
                raise ValueError(f"--only {raw}: no such resource or method")
        self.everything = not only

    def resource(self, dotted: str) -> bool:
        """Whether the tests of resource `dotted` run."""
        return (
            self.everything
            or self._whole(dotted)
            or any(m.rpartition(".")[0] == dotted for m in self.methods)
        )

    def method(self, key: str) -> bool:
        """Whether method `key` (`client.files.create`) is reported."""
        key = key.removeprefix("client.")
        return self.everything or key in self.methods or self._whole(key.rpartition(".")[0])

    def _whole(self, dotted: str) -> bool:
        return any(dotted == r or dotted.startswith(r + ".") for r in self.resources)

    def pytest_args(self) -> tuple[str, ...]:
        """`-k` for the selected methods when only methods are selected (a name may match
        others' tests too: `method` leaves them out of the report)."""
        if self.everything or self.resources:
            return ()
        names = sorted({_TEST_PREFIX + m.rpartition(".")[2] for m in self.methods})
        return ("-k", " or ".join(names))


def _brackets(where: str) -> tuple[str, ...]:
    return tuple(f"--validator-{where}-{kind}-format=brackets" for kind in ("array", "object"))


def _mock_args(document: object, multipart_brackets: bool = False) -> tuple[str, ...]:
    """Steady's options for `document`: bracket formats in queries when a parameter uses
    `deepObject`, in bodies when a body's `encoding` does or multipart bodies use brackets."""
    query, form = False, multipart_brackets
    stack: list[tuple[object, bool]] = [(document, False)]
    while stack:
        node, in_encoding = stack.pop()
        if isinstance(node, dict):
            if node.get("style") == "deepObject":
                form = form or in_encoding
                query = query or not in_encoding
            stack.extend((v, in_encoding or k == "encoding") for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, in_encoding) for v in node)
    return (*(_brackets("query") if query else ()), *(_brackets("form") if form else ()))


def _results(junit: Path, by_file: dict[str, str], listed: Expectations) -> list[MethodResult]:
    """Per method: the outcome of its tests in the JUnit report."""
    failures: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for case in ElementTree.parse(junit).getroot().iter("testcase"):
        file = case.get("file") or ""
        resource = by_file.get(file)
        if resource is None:
            module = (case.get("classname") or "").rsplit(".", 1)[0].replace(".", "/") + ".py"
            resource = by_file.get(module)
        test = case.get("name") or ""
        if resource is None or not test.startswith(_TEST_PREFIX):
            continue
        method = test[len(_TEST_PREFIX) :].removesuffix(_ALL_SUFFIX)
        key = f"client.{resource}.{method}"
        counts[key] = counts.get(key, 0) + 1
        failures.setdefault(key, [])
        for problem in (*case.iter("failure"), *case.iter("error")):
            message = (problem.get("message") or problem.text or "").strip().splitlines()
            failures[key].append(message[0][:300] if message else "failed")
        if case.find("skipped") is not None:
            failures[key].append("skipped: " + (case.find("skipped").get("message") or ""))  # type: ignore[union-attr]
    results = []
    for key in sorted(counts, key=list(counts).index):
        problems = failures[key]
        kind, why = (
            ("unservable", listed.unservable.get(key))
            if key in listed.unservable
            else ("known-fail", listed.failing.get(key))
        )
        if why is not None:
            if problems:
                results.append(MethodResult(key, kind, counts[key], why))
            else:
                reason = f"passes: remove it from `{'unservable' if kind == 'unservable' else 'failing'}`"
                results.append(MethodResult(key, "stale", counts[key], reason))
        elif problems:
            results.append(MethodResult(key, "fail", counts[key], problems[0]))
        else:
            results.append(MethodResult(key, "pass", counts[key]))
    return results


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `test` to the command line."""
    parser = commands.add_parser(
        "test",
        help="run the SDK's generated tests against a validating mock server",
        description=(__doc__ or "").split("\n\n")[0],
    )
    parser.add_argument("--spec", type=Path, required=True)
    config = parser.add_mutually_exclusive_group()
    config.add_argument("--config", type=Path, default=None)
    config.add_argument("--no-config", action="store_true")
    parser.add_argument(
        "--expect", type=Path, default=None, help="YAML: methods known unservable or failing"
    )
    parser.add_argument("--sample", type=int, default=0, help="test every n-th resource only")
    parser.add_argument("--json", type=Path, default=None, help="also write the report as JSON")
    parser.add_argument("--name", default=None, help="the spec's name in the report")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="client.RESOURCE[.METHOD]",
        help="run only these resources' or methods' tests (repeatable)",
    )
    parser.set_defaults(handler=_command)


def _command(args: argparse.Namespace) -> int:
    from .cli import config_beside
    from .errors import ConfigError, SpecError

    config = None if args.no_config else (args.config or config_beside(args.spec))
    try:
        report = run_suite(
            args.spec,
            config,
            expect=load_expectations(args.expect),
            sample=args.sample,
            name=args.name,
            only=args.only,
        )
    except (SpecError, ConfigError, RuntimeError, ValueError, OSError) as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    report.write(sys.stdout)
    if args.json is not None:
        args.json.write_text(json.dumps(asdict(report), indent=2) + "\n", encoding="utf-8")
    return 0 if report.ok else 1
