"""The SDK's generated test suite as printed pieces: for each resource with methods, one module
`tests/resources/<path>/test_<name>.py` holding a sync and an async test class, and in each one
test per method called with its required arguments and one called with all of them
(`ir.SuiteCall`). The tests run against a mock server of the spec (`tests/conftest.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import ir
from ..ir import types as t
from .examples import literal_source

__all__ = [
    "SUITE_BASE_URL_ENV",
    "PrintedCall",
    "PrintedSuiteModule",
    "print_suite",
    "suite_credentials",
    "suite_files",
    "suite_path",
]

SUITE_BASE_URL_ENV = "TEST_API_BASE_URL"
"""The environment variable the generated tests read the mock server's base URL from."""
FILE_ARGUMENT = '("example.txt", b"example file contents\\n")'


@dataclass(frozen=True)
class PrintedCall:
    """One test: the function `function` calls `<target>(<args>)`, whose result is checked as `check`
    says (`model`: an instance of `returns`; `page`: of `page_class`; `binary`: `.read()`
    gives bytes; `stream`: iterating it ends; `none`: it is None; `data`: anything parsed)."""

    function: str  # "test_method_create"
    target: str  # "chat.completions.create"
    args: tuple[str, ...]  # "model=\"deepseek-chat\"", positional ones bare
    check: str
    returns: str | None = None
    page_class_sync: str | None = None
    page_class_async: str | None = None


@dataclass(frozen=True)
class PrintedSuiteModule:
    resource: ir.Resource
    dotted: str  # "chat.completions"
    sync_class: str  # "TestCompletions"
    async_class: str  # "TestAsyncCompletions"
    imports: tuple[tuple[str, tuple[str, ...]], ...]  # (module below the package, names)
    calls: tuple[PrintedCall, ...]


def suite_path(resource: ir.Resource) -> str:
    """Where the tests of `resource` go: `resources/chat/completions.py` ->
    `tests/resources/chat/test_completions.py`."""
    folder, _, module = resource.module.rpartition("/")
    return f"tests/{folder}/test_{module}"


def suite_credentials(api: ir.Api) -> list[tuple[str, str]]:
    """Constructor arguments the test clients get: a made-up value for every secret option."""
    return [
        (o.name, f"test-{o.name.replace('_', '-')}")
        for o in api.frontends.client_options
        if o.secret
    ]


def suite_files(
    api: ir.Api, conftest: str, render_module: Callable[[PrintedSuiteModule], str]
) -> dict[str, str]:
    """`tests/conftest.py`, a test module per resource with methods, and an `__init__.py` in
    each folder (so modules of the same name in two folders do not clash)."""
    files = {"tests/__init__.py": "", "tests/conftest.py": conftest}
    for module in print_suite(api):
        path = suite_path(module.resource)
        files[path] = render_module(module)
        folder = path.rpartition("/")[0]
        while folder != "tests":
            files.setdefault(f"{folder}/__init__.py", "")
            folder = folder.rpartition("/")[0]
    return files


def print_suite(api: ir.Api) -> list[PrintedSuiteModule]:
    """The test modules of every resource that has methods, in resource order."""
    calls = {(".".join(c.resource), c.method): c for c in api.suite}
    models = {d.name for m in api.type_modules for d in m.definitions if isinstance(d, ir.Model)}
    modules = []
    for resource in api.resources:
        if not resource.methods:
            continue
        homes = {name: imp.module for imp in resource.api_types for name in imp.names}
        imports: dict[str, set[str]] = {}
        printed: list[PrintedCall] = []
        for method in resource.methods:
            call = calls[(resource.dotted, method.name)]
            check, returns = _check(method, models)
            if returns is not None:
                imports.setdefault(homes[returns], set()).add(returns)
            pages: tuple[str | None, str | None] = (None, None)
            if method.paginator is not None:
                pages = (method.paginator.page_class_sync, method.paginator.page_class_async)
                imports.setdefault("pagination", set()).update(
                    (method.paginator.page_class_sync, method.paginator.page_class_async)
                )
            target = f"{resource.dotted}.{method.name}"
            for suffix, args in (("", call.required), ("_with_all_params", call.every)):
                if suffix and len(args) == len(call.required):
                    continue  # no optional parameter: the first test says it all
                printed.append(
                    PrintedCall(
                        function=f"test_method_{method.name}{suffix}",
                        target=target,
                        args=_arguments(method, args),
                        check=check,
                        returns=returns,
                        page_class_sync=pages[0],
                        page_class_async=pages[1],
                    )
                )
        modules.append(
            PrintedSuiteModule(
                resource=resource,
                dotted=resource.dotted,
                sync_class="Test" + resource.sync.class_name,
                async_class="Test" + resource.async_.class_name,
                imports=tuple((m, tuple(sorted(n))) for m, n in sorted(imports.items())),
                calls=tuple(printed),
            )
        )
    return modules


def _check(method: ir.Method, models: set[str]) -> tuple[str, str | None]:
    kind = method.result
    if kind in ("model", "model_or_stream"):
        returns = method.returns
        if isinstance(returns, t.Ref) and returns.name in models:
            return "model", returns.name
        return "data", None
    return kind, None


def _arguments(method: ir.Method, args: tuple[tuple[str, object], ...]) -> tuple[str, ...]:
    """Path parameters positionally in signature order, the others by name."""
    given = dict(args)
    out = [_literal(given[name]) for name in method.positional if name in given]
    out.extend(f"{name}={_literal(value)}" for name, value in args if name not in method.positional)
    if method.result == "stream":
        # Mock servers (Steady) answer with events only when the request asks for them first.
        out.append('extra_headers={"Accept": "text/event-stream"}')
    return tuple(out)


def _literal(value: object) -> str:
    if isinstance(value, ir.FileExample):
        return FILE_ARGUMENT
    if isinstance(value, list):
        return "[" + ", ".join(_literal(item) for item in value) + "]"
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(f"{literal_source(str(k))}: {_literal(v)}" for k, v in value.items())
            + "}"
        )
    return literal_source(value)
