"""The package's own names and the client: package, distribution, client classes, environment
variables, base URL, dependencies.

Each comes from the config when it says so, else from the spec: the client class from
`info.title` (`"DeepSeek API"` -> `DeepSeek`), the package from the client (`deepseek_sdk`),
environment variables from the package (`DEEPSEEK_SDK_API_KEY`), the base URL from the first
server (`http://localhost` without one).
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .. import ir
from ..config import Config
from .naming import identifier

__all__ = ["PackageNames", "client_ir", "dependencies", "package_names"]


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
    base_url: str


def package_names(document: Mapping[str, Any], config: Config) -> PackageNames:
    info = document.get("info")
    info = info if isinstance(info, Mapping) else {}
    title = str(info.get("title") or "API")
    description = info.get("description")
    client = config.client or _client_name(title)
    package = config.package or identifier(client.lower() + "_sdk")
    env = config.env
    return PackageNames(
        title=title,
        description=description if isinstance(description, str) else None,
        client=client,
        package=package,
        distribution=config.distribution or package.replace("_", "-"),
        version=config.version or "0.1.0",
        env_api_key=env.api_key or f"{package.upper()}_API_KEY",
        env_base_url=env.base_url or f"{package.upper()}_BASE_URL",
        env_log=env.log or f"{package.upper()}_LOG",
        base_url=config.base_url or _server_url(document),
    )


def client_ir(names: PackageNames, config: Config, children: tuple[ir.Child, ...]) -> ir.Client:
    return ir.Client(
        name=names.client,
        async_name="Async" + names.client,
        error_name=names.client + "Error",
        doc=names.description,
        env_api_key=names.env_api_key,
        env_base_url=names.env_base_url,
        default_base_url=names.base_url,
        idempotency_header=config.idempotency_header,
        path_prefixes=config.path_prefixes,
        user_agent=f"{names.distribution}/Python ",
        missing_key_message=(
            "The api_key client option must be set either by passing api_key to the client "
            f"or by setting the {names.env_api_key} environment variable"
        ),
        init_doc=(
            "Create a client.\n\n"
            f"`api_key` defaults to the `{names.env_api_key}` environment variable and "
            f"`base_url` to `{names.env_base_url}`, else {names.base_url}. "
            "`timeout` (seconds or an `httpx2.Timeout`), `max_retries` and `deadline` (seconds "
            "for a whole call, retries included) apply to every request unless a call "
            "overrides them."
        ),
        children=children,
    )


def dependencies(uses_discriminator: bool) -> tuple[str, ...]:
    """The generated package's requirements."""
    return (
        "httpx2>=2.6,<3",
        # Tag/Discriminator (fallback variants of discriminated unions) need 2.5.
        "pydantic>=2.5,<3" if uses_discriminator else "pydantic>=2,<3",
        "typing-extensions>=4.7",
    )


def _server_url(document: Mapping[str, Any]) -> str:
    servers = document.get("servers")
    if isinstance(servers, list) and servers and isinstance(servers[0], Mapping):
        url = servers[0].get("url")
        if isinstance(url, str) and url:
            return url
    return "http://localhost"


def _client_name(title: str) -> str:
    words = [w for w in re.split(r"[^0-9A-Za-z]+", title) if w and w.lower() != "api"]
    name = "".join(w[0].upper() + w[1:] for w in words) or "Client"
    if keyword.iskeyword(name) or name in ("I", "O"):  # `None`, `True`; ambiguous for ruff
        return name + "Client"
    return name if not name[0].isdigit() else "Client" + name
