"""Stage 3, render: `ir.Api` -> `{relative path: text}`. Touches no disk (apart from reading
the templates and the runtime files it copies).

    text.py         escaping: string literals, docstrings, TOML, one-line Markdown
    annotations.py  the type model as annotations (`Optional[X]`, `X | None`, `Sequence[X]`)
    methods.py      a method as `@overload`s, signature, docstring and `self._request(...)` call
    error_bodies.py a method's declared error bodies: its `errors=` constant, api.md's lines
    helpers.py      a hand-written helper as a method next to the one it is based on
    imports.py      import blocks in ruff's isort order, relative module paths
    modules.py      each types/ and resources/ module's printed pieces (definitions, classes,
                    imports, exports)
    package.py      the client module's and the package `__init__`s' printed pieces
    auth.py         the client's `AuthSpec(...)` literal, credential arguments, `security=`
    examples.py     README example calls
    jsonschema.py   the type model as JSON Schema; how the command line reads an argument
    frontends.py    the command line's and MCP server's table of operations (JSON), and the
                    hand-written templates/frontend, cli, mcp copied with it
    suite.py        the SDK's own tests: each method against a mock server of the spec
    forked.py       part of the rendering in a forked child process (the type modules)
    (templates/)    Jinja: one template per kind of file, printing those pieces

Paths are relative to the output directory: `pyproject.toml`, `README.md`, `api.md`, and
`<package>/...` for the package. Every `templates/runtime/*.py` is copied to `<package>/`, and
`templates/lib/**` to `<package>/lib/**` when the config asks for helpers. `emit` adds the header
line and runs ruff on the `.py` files. The Jinja environment is built once per process.
"""

from __future__ import annotations

import functools
from typing import Any

import jinja2

from .. import ir
from ..runtime import LIB_DIR, RUNTIME_DIR, TEMPLATES_DIR
from . import error_bodies, forked, helpers, methods
from .examples import print_examples
from .frontends import MCP_REQUIREMENT, frontend_files, print_frontend_examples
from .imports import Registry, format_import
from .modules import print_resource, print_type_module, registry
from .package import print_client, print_init, print_root
from .suite import SUITE_BASE_URL_ENV, suite_credentials, suite_files
from .text import doc_line, one_line, py_str, toml_str

__all__ = ["LIB_DIR", "RUNTIME_DIR", "TEMPLATES_DIR", "render", "runtime_files"]


@functools.cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    environment.filters["import_from"] = _import_from
    # Plain text from the spec reaching a template goes through one of these (Markdown:
    # `one_line`); tests/codegen/hardening/test_template_escaping.py checks every template.
    environment.filters["doc_line"] = doc_line
    environment.filters["one_line"] = one_line
    environment.filters["py_str"] = py_str
    environment.filters["toml_str"] = toml_str
    environment.globals["doc_signature"] = methods.doc_signature
    environment.globals["params_type"] = methods.params_type
    environment.globals["errors_doc"] = error_bodies.errors_doc
    environment.globals["common_errors"] = error_bodies.common_errors
    environment.globals["error_model"] = error_bodies.error_model
    environment.globals["method_errors_doc"] = error_bodies.method_errors_doc
    environment.globals["helper_signature"] = helpers.helper_doc_signature
    return environment


def _import_from(name: str, module: str, indent: int) -> str:
    """Jinja filter: `{{ name | import_from(module, 8) }}` -> a (wrapped) import statement."""
    return format_import(module, [name], indent).lstrip()


def _template(name: str) -> jinja2.Template:
    return _environment().get_template(name)


def runtime_files(package: str, *, helpers: bool) -> dict[str, str]:
    """The hand-written files copied verbatim into `package` (runtime, and lib/ if `helpers`)."""
    files: dict[str, str] = {}
    for source in sorted(RUNTIME_DIR.glob("*.py")):
        files[f"{package}/{source.name}"] = source.read_text(encoding="utf-8")
    if helpers and LIB_DIR.is_dir():
        for source in sorted(LIB_DIR.rglob("*")):
            if source.is_file() and "__pycache__" not in source.parts and source.suffix != ".pyc":
                relative = source.relative_to(LIB_DIR).as_posix()
                files[f"{package}/lib/{relative}"] = source.read_text(encoding="utf-8")
        files.setdefault(f"{package}/lib/__init__.py", '"""Hand-written helpers."""\n')
    return files


def _suite(api: ir.Api, common: dict[str, Any]) -> dict[str, str]:
    """`tests/`: the conftest and one module per resource with methods (`suite.py`)."""
    conftest = _template("tests/conftest.py.jinja").render(
        **common, base_url_env=SUITE_BASE_URL_ENV, credentials=suite_credentials(api)
    )
    module_template = _template("tests/test_resource.py.jinja")
    return suite_files(api, conftest, lambda module: module_template.render(**common, m=module))


def _type_and_init_modules(api: ir.Api, names: Registry) -> tuple[dict[str, str], dict[str, str]]:
    """The `types/**` modules, and the packages' lazy `__init__`s."""
    modules = {}
    module_template = _template("package/types_module.py.jinja")
    for module in api.type_modules:
        modules[f"{api.package}/{module.path}"] = module_template.render(
            module=print_type_module(module, names)
        )
    inits = {}
    init_template = _template("package/lazy_init.py.jinja")
    for init in api.init_modules:
        inits[f"{api.package}/{init.path}"] = init_template.render(init=print_init(init))
    return modules, inits


def render(api: ir.Api, *, include_runtime: bool = True) -> dict[str, str]:
    """Render the whole SDK; `include_runtime=False` leaves out the verbatim runtime/lib files."""
    package = api.package
    names = registry(api)
    aliases = frozenset(
        d.name for m in api.type_modules for d in m.definitions if isinstance(d, ir.Alias)
    )
    common: dict[str, Any] = {
        "api": api,
        "examples": print_examples(api),
        "mcp_requirement": MCP_REQUIREMENT,
        "frontend": print_frontend_examples(api),
    }
    files: dict[str, str] = {
        "pyproject.toml": _template("pyproject.toml.jinja").render(**common),
        "README.md": _template("README.md.jinja").render(**common),
        "api.md": _template("api.md.jinja").render(**common),
        f"{package}/__init__.py": _template("package/__init__.py.jinja").render(
            **common, root=print_root(api)
        ),
        f"{package}/_client.py": _template("package/_client.py.jinja").render(
            **common, client=print_client(api.client)
        ),
        f"{package}/_version.py": _template("package/_version.py.jinja").render(**common),
        f"{package}/py.typed": "",
    }
    if api.discriminated:
        files[f"{package}/_discriminated.py"] = _template("package/_discriminated.py.jinja").render(
            **common
        )
    # The type modules (and the lazy `__init__`s) are about half the work: a forked child
    # renders them while this process renders the rest (`forked.py`).
    in_child = forked.start(lambda: _type_and_init_modules(api, names))
    resource_template = _template("package/resource.py.jinja")
    for resource in api.resources:
        files[f"{package}/{resource.module}"] = resource_template.render(
            r=print_resource(resource, names, aliases)
        )
    files.update(frontend_files(api, include_runtime=include_runtime))
    files.update(_suite(api, common))
    if api.frontends.cli is not None:
        files[f"{package}/__main__.py"] = _template("package/__main__.py.jinja").render(**common)
    modules, inits = in_child()
    for path, text in modules.items():  # rendered first before, so any other file won
        files.setdefault(path, text)
    files.update(inits)
    if include_runtime:
        for path, text in runtime_files(package, helpers=api.helpers).items():
            files.setdefault(path, text)
    return dict(sorted(files.items()))
