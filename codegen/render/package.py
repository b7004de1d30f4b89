"""The client module and the package `__init__`s as printed pieces: the client's literals and
sub-resources, what each lazy `__init__` exports from where, and what the package root imports
eagerly (cheap, no pydantic) or on first access.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .. import ir
from ..runtime import runtime_all
from .auth import PrintedAuth, print_auth
from .imports import Imports, Registry, name_rank, relative
from .modules import PrintedChild, _children, _doc
from .text import docstring, py_str

__all__ = [
    "PrintedClient",
    "PrintedExport",
    "PrintedInit",
    "PrintedRoot",
    "print_client",
    "print_init",
    "print_root",
]


# --------------------------------------------------------------------------- client and package


@dataclass(frozen=True)
class PrintedClient:
    """`_client.py`'s pieces; string values are Python literals or expressions."""

    name: str
    async_name: str
    error_name: str
    doc: str | None
    env_api_key: str
    env_base_url: str
    default_base_url: str
    idempotency_header: str
    path_prefixes: str | None  # a tuple literal, or None to leave the runtime's default
    multipart_brackets: bool  # sdk.yaml `multipart_style: brackets`
    user_agent: str
    missing_key_message: str
    init_doc: str
    children: tuple[PrintedChild, ...]
    type_checking_imports: tuple[str, ...]
    server_variables: tuple[tuple[str, str], ...] = ()  # (argument, default as a literal)
    missing_base_url_message: str = ""
    auth: PrintedAuth | None = None


def _base_url_expression(client: ir.Client) -> str:
    """The default base URL as Python: a literal, or an f-string putting in each server
    variable's argument (`f"https://{region}.example.com"`); empty when there is none."""
    if client.default_base_url is None:
        return ""
    if not client.server_variables:
        return py_str(client.default_base_url)
    names = {"{" + v.wire + "}": v.name for v in client.server_variables}
    pieces = re.split(r"(\{[^{}]+\})", client.default_base_url)
    out = []
    for piece in pieces:
        if piece in names:
            out.append("{" + names[piece] + "}")
        else:  # escaped like any literal, then braces doubled for the f-string
            out.append(py_str(piece)[1:-1].replace("{", "{{").replace("}", "}}"))
    return 'f"' + "".join(out) + '"'


def print_client(client: ir.Client) -> PrintedClient:
    children, checking = _children(client.children, "_client")
    return PrintedClient(
        name=client.name,
        async_name=client.async_name,
        error_name=client.error_name,
        doc=_doc(client.doc),
        env_api_key=py_str(client.env_api_key),
        env_base_url=py_str(client.env_base_url),
        default_base_url=_base_url_expression(client),
        idempotency_header=py_str(client.idempotency_header)
        if client.idempotency_header
        else "None",
        path_prefixes=(
            "(" + "".join(f"{py_str(p)}, " for p in client.path_prefixes) + ")"
            if client.path_prefixes
            else None
        ),
        multipart_brackets=client.multipart_brackets,
        user_agent=py_str(client.user_agent) + " + __version__",
        missing_key_message=py_str(client.missing_key_message),
        init_doc=docstring(client.init_doc) or "",
        children=children,
        type_checking_imports=checking,
        server_variables=tuple((v.name, py_str(v.default)) for v in client.server_variables),
        missing_base_url_message=py_str(client.missing_base_url_message),
        auth=print_auth(client.auth, frozenset(c.attr for c in client.children)),
    )


@dataclass(frozen=True)
class PrintedExport:
    name: str
    module: str  # relative import path
    attr: str | None


@dataclass(frozen=True)
class PrintedInit:
    doc: str
    exports: tuple[PrintedExport, ...]
    type_checking_imports: tuple[str, ...]


def print_init(init: ir.InitModule) -> PrintedInit:
    """A lazy package `__init__`: what it exports from where, and the same as imports for type
    checkers."""
    path = init.path.removesuffix(".py")
    imports = Imports(path, Registry())
    exports = []
    for export in init.exports:
        module = relative(path, export.target)
        exports.append(PrintedExport(export.name, module, export.attr))
        if export.attr is None:
            imports.add_from(".", export.name, "local")
        else:
            imports.add_from(module, export.attr, "local")
    return PrintedInit(init.doc, tuple(exports), imports.lines(indent=4))


@dataclass(frozen=True)
class PrintedRoot:
    """The package `__init__`: what it imports when the package is imported, what it imports
    on first use (`lazy`: name -> module, None for a subpackage), and `__all__`."""

    imports: tuple[str, ...]
    type_checking_imports: tuple[str, ...]
    lazy: tuple[tuple[str, str | None], ...]
    exports: tuple[str, ...]


# Imported on first access: `types` and `resources` are large, and `BaseModel` and the streams
# need pydantic, which `import <package>` and creating a client do not.
_ROOT_LAZY: Mapping[str, str | None] = {
    "types": None,
    "resources": None,
    "pagination": None,
    "BaseModel": "._models",
    "Stream": "._streaming",
    "AsyncStream": "._streaming",
}


def print_root(api: ir.Api) -> PrintedRoot:
    eager: dict[str, tuple[str, ...]] = {
        "._client": (api.client.name, api.client.async_name),
        "._exceptions": runtime_all("_exceptions"),
        "._files": ("to_file", "async_to_file"),
        "._logging": ("setup_logging",),
        "._types": ("NOT_GIVEN", "NotGiven", "Omit", "omit"),
        "._version": ("__version__",),
    }
    imports = Imports("__init__", Registry())
    imports.add_from("typing", "TYPE_CHECKING", "std")
    imports.add_from("typing", "Any", "std")
    for module, exported in eager.items():
        for name in exported:
            imports.add_from(module, name, "local")
    checking = Imports("__init__", Registry())
    for name, lazy in _ROOT_LAZY.items():
        checking.add_from(lazy or ".", name, "local")
    head = (api.client.name, api.client.async_name, api.client.error_name, *api.exceptions)
    rest = [
        *(name for module in ("._files", "._types", "._version") for name in eager[module]),
        *_ROOT_LAZY,
    ]
    return PrintedRoot(
        imports=imports.lines(),
        type_checking_imports=checking.lines(indent=4),
        lazy=tuple(_ROOT_LAZY.items()),
        exports=(*head, *sorted(rest, key=name_rank)),
    )
