"""The package's own names and the client: package, distribution, client classes, environment
variables, base URL, dependencies.

Each comes from the config when it says so, else from the spec:

- the client class from `info.title` (`"DeepSeek API"` -> `DeepSeek`, `"Swagger Petstore"` ->
  `SwaggerPetstore`), the package from the title's words (`swagger_petstore_sdk`), environment
  variables from the same words (`SWAGGER_PETSTORE_API_KEY`; from the package when the config
  names it);
- the base URL from the first server, its variables resolved to their defaults; each variable is
  also a constructor argument (`region="eu"`). A relative server URL (`/api/v3`), or none at
  all, gives no default: the constructor then requires `base_url` (or its environment variable)
  and says so. Other servers are listed in the constructor's docstring.
- An operation or path item with servers of its own that differ from that default calls its
  absolute URL (`server_for`).
"""

from __future__ import annotations

import keyword
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .. import ir
from ..config import Config
from ..errors import SpecError
from ..spec.pointer import join_pointer
from .naming import CONSTRUCTOR_ARGS, CONSTRUCTOR_AUTH_ARGS, RESERVED_PARAM_NAMES, identifier

__all__ = [
    "PackageNames",
    "Servers",
    "client_ir",
    "dependencies",
    "extras",
    "package_names",
    "read_servers",
    "server_for",
]

_VARIABLE = re.compile(r"\{([^{}]+)\}")
# The client constructor's own arguments: a server variable named like one gets a `_`.
_CONSTRUCTOR_ARGS = CONSTRUCTOR_ARGS | CONSTRUCTOR_AUTH_ARGS


@dataclass(frozen=True)
class Servers:
    """What the spec's root `servers` say."""

    template: str | None  # the first absolute URL, `{variable}`s kept; None: base_url required
    variables: tuple[ir.ServerVariable, ...]
    default: str | None  # `template` with every variable at its default
    relative: str | None  # the first server's URL when it is relative
    others: tuple[str, ...]  # the other servers' URLs (variables at their defaults)


@dataclass(frozen=True)
class PackageNames:
    """Names and defaults of the SDK package, decided once for every part of `lower`."""

    title: str
    description: str | None
    client: str
    package: str
    distribution: str
    version: str
    env_api_key: str
    env_base_url: str
    env_log: str
    base_url: str | None
    servers: Servers
    env_prefix: str = ""  # environment variables are `<env_prefix>_<ARGUMENT>`


def package_names(document: Mapping[str, Any], config: Config) -> PackageNames:
    info = document.get("info")
    info = info if isinstance(info, Mapping) else {}
    title = str(info.get("title") or "API")
    description = info.get("description")
    words = _title_words(title)
    client = config.client or _client_name(words)
    stem = "_".join(w.lower() for w in words) or "client"
    if stem[0].isdigit():
        stem = "n_" + stem
    package = config.package or identifier(stem + "_sdk")
    prefix = (config.package or stem).upper()
    env = config.env
    servers = read_servers(document)
    if config.base_url:
        servers = Servers(config.base_url, (), config.base_url, None, servers.others)
    return PackageNames(
        title=title,
        description=description if isinstance(description, str) and description.strip() else None,
        client=client,
        package=package,
        distribution=config.distribution or package.replace("_", "-"),
        version=config.version or "0.1.0",
        env_api_key=env.api_key or f"{prefix}_API_KEY",
        env_base_url=env.base_url or f"{prefix}_BASE_URL",
        env_log=env.log or f"{prefix}_LOG",
        base_url=servers.default,
        servers=servers,
        env_prefix=prefix,
    )


def read_servers(node: Mapping[str, Any], pointer: str = "#") -> Servers:
    """The `servers` of `node` (the document, a path item or an operation)."""
    servers = node.get("servers")
    if not isinstance(servers, list) or not servers:
        return Servers(None, (), None, "/", ())
    urls: list[str] = []
    first_variables: tuple[ir.ServerVariable, ...] = ()
    for index, server in enumerate(servers):
        where = join_pointer(pointer, "servers", index)
        if not isinstance(server, Mapping) or not isinstance(server.get("url"), str):
            continue
        url, variables = _substitute(server, where)
        urls.append(url)
        if index == 0:
            first_variables = variables
    if not urls:
        return Servers(None, (), None, "/", ())
    template = str(servers[0]["url"]) if isinstance(servers[0], Mapping) else urls[0]
    if not _absolute(urls[0]):
        return Servers(None, (), None, urls[0], tuple(urls[1:]))
    return Servers(template, first_variables, urls[0], None, tuple(urls[1:]))


def server_for(
    op_node: Mapping[str, Any], item: Mapping[str, Any], default: str | None, pointer: str
) -> tuple[str, tuple[ir.ServerVariable, ...]] | None:
    """The URL an operation calls instead of the client's base URL: its own `servers` (else its
    path item's), when they differ from the document's default. None: the base URL.

    A variable of that URL whose default is a placeholder (`{your-agent-url}`, `<host>`) stays
    in the URL as `{name}`, returned with the variables the caller must pass (the method takes
    each like a path parameter); the others are put in at their defaults.
    """
    for node, where in ((op_node, pointer), (item, pointer.rsplit("/", 1)[0])):
        servers = node.get("servers")
        if not isinstance(servers, list) or not servers:
            continue
        first = servers[0]
        if not isinstance(first, Mapping) or not isinstance(first.get("url"), str):
            return None
        url, variables = _substitute(first, join_pointer(where, "servers", 0))
        if default is not None and url.rstrip("/") == default.rstrip("/"):
            return None
        needed = tuple(v for v in variables if _placeholder(v.default))
        template = str(first["url"])
        for variable in variables:
            if variable not in needed:
                template = template.replace("{" + variable.wire + "}", variable.default)
        return template.rstrip("/"), needed
    return None


def _placeholder(value: str) -> bool:
    """Whether a server variable's default stands for a value only the user knows."""
    return not value.strip() or any(c in value for c in "{}<>")


def _substitute(
    server: Mapping[str, Any], pointer: str
) -> tuple[str, tuple[ir.ServerVariable, ...]]:
    """The server's URL with its variables at their defaults, and the variables it uses."""
    url = str(server["url"])
    declared = server.get("variables")
    declared = declared if isinstance(declared, Mapping) else {}
    taken = set(_CONSTRUCTOR_ARGS)
    variables: list[ir.ServerVariable] = []
    for wire in dict.fromkeys(_VARIABLE.findall(url)):
        spec = declared.get(wire)
        if spec is None:
            continue  # braces the spec declares no variable for are part of the URL
        default = spec.get("default") if isinstance(spec, Mapping) else None
        if not isinstance(default, str | int | float) or isinstance(default, bool):
            raise SpecError(
                join_pointer(pointer, "variables", wire),
                f"server variable {wire!r} needs a 'default' string (the URL is {url!r})",
            )
        name = identifier(wire, reserved=taken | RESERVED_PARAM_NAMES)
        taken.add(name)
        description = spec.get("description") if isinstance(spec, Mapping) else None
        variables.append(
            ir.ServerVariable(
                name, wire, str(default), description if isinstance(description, str) else None
            )
        )
    for variable in variables:
        url = url.replace("{" + variable.wire + "}", variable.default)
    return url, tuple(variables)


def _absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "ws", "wss") and bool(parts.netloc)


def client_ir(
    names: PackageNames,
    config: Config,
    children: tuple[ir.Child, ...],
    auth: ir.Auth = ir.NO_AUTH,
) -> ir.Client:
    servers = names.servers
    if names.base_url is not None:
        where = f"else {names.base_url}"
        if servers.variables:
            arguments = ", ".join(f"`{v.name}`" for v in servers.variables)
            where = f"else {servers.template} with {arguments} filled in"
    else:
        where = "and is required: the spec names no absolute server URL"
        if servers.relative not in (None, "/"):
            where += f" (only `{servers.relative}`, relative to wherever the API is served)"
    others = ""
    if servers.others:
        others = " Other servers the spec lists: " + ", ".join(servers.others) + "."
    variables = "".join(
        f"\n\n`{v.name}` (default {v.default!r}): {v.description or 'part of the server URL'}"
        for v in servers.variables
    )
    missing_base_url = (
        "The base_url client option must be set either by passing base_url to the client or by "
        f"setting the {names.env_base_url} environment variable: the {names.title} spec names "
        "no absolute server URL"
    )
    if servers.relative not in (None, "/"):
        missing_base_url += f" (only {servers.relative!r})"
    return ir.Client(
        name=names.client,
        async_name="Async" + names.client,
        error_name=names.client + "Error",
        doc=names.description,
        env_api_key=names.env_api_key,
        env_base_url=names.env_base_url,
        default_base_url=servers.template if names.base_url is not None else None,
        idempotency_header=config.idempotency_header,
        path_prefixes=config.path_prefixes,
        multipart_brackets=config.multipart_style == "brackets",
        user_agent=f"{names.distribution}/Python ",
        missing_key_message=(
            "The api_key client option must be set either by passing api_key to the client "
            f"or by setting the {names.env_api_key} environment variable"
        ),
        init_doc=(
            "Create a client.\n\n"
            + "".join(
                f"`{c.name}` defaults to the `{c.env}` environment variable, "
                for c in auth.credentials
            ).removesuffix(", ")
            + (" and `base_url` to " if auth.credentials else "`base_url` defaults to ")
            + f"`{names.env_base_url}`, {where}.{others} "
            "`timeout` (seconds or an `httpx2.Timeout`), `max_retries` and `deadline` (seconds "
            "for a whole call, retries included) apply to every request unless a call "
            f"overrides them. `auth_hook(request)`, when given, may change every request "
            f"before it is sent (request signing, or auth the spec does not describe).{variables}"
        ),
        auth=auth,
        children=children,
        server_variables=servers.variables,
        missing_base_url_message=missing_base_url,
    )


def dependencies(uses_discriminator: bool) -> tuple[str, ...]:
    """The generated package's requirements."""
    return (
        "httpx2>=2.6,<3",
        # Tag/Discriminator (fallback variants of discriminated unions) need 2.5.
        "pydantic>=2.5,<3" if uses_discriminator else "pydantic>=2,<3",
        "typing-extensions>=4.7",
    )


# Optional dependencies of the hand-written helpers (`templates/lib/<module>.py`): an extra is
# declared only when the config mixes that helper into the SDK.
_HELPER_EXTRAS: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "realtime": ("realtime", ("websockets>=13",)),
}


def extras(config: Config) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The package's extras (`pip install pkg[realtime]`): only those its helpers use."""
    found = {
        _HELPER_EXTRAS[helper.module.split(".")[0]]
        for helper in config.helpers
        if helper.module.split(".")[0] in _HELPER_EXTRAS
    }
    return tuple(sorted(found))


def _title_words(title: str) -> list[str]:
    """The title's words (`Ünïcode` reads as `Unicode`), without the word "API"."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return [w for w in re.split(r"[^0-9A-Za-z]+", plain) if w and w.lower() != "api"]


def _client_name(words: list[str]) -> str:
    name = "".join(w[0].upper() + w[1:] for w in words) or "Client"
    if keyword.iskeyword(name) or name in ("I", "O"):  # `None`, `True`; ambiguous for ruff
        return name + "Client"
    return name if not name[0].isdigit() else "Client" + name
