"""The front-ends' names: every method's command, MCP tool and command-line flags, the client
options they take, and the ergonomics `sdk.yaml` declares (`frontends:`), checked against the API.

- Command: the method's dotted path on the client (`chat.completions.create`).
- MCP tool: the same with `_` (`chat_completions_create`): `[A-Za-z0-9_-]`, at most 64
  characters, which every common MCP client and model API accepts. A longer name drops leading
  resource segments; a clash gets a short hash of its command.
- Flags: `--` + the Python name with `-` for `_` (`--max-tokens`); path parameters are
  positional; the stream flag is the command line's own `--stream`. A flag that would clash
  with an option of the command line itself (`RESERVED_FLAGS`, the client options) or with
  another parameter's is prefixed with the parameter's location (`--query-all`).
- Client options: the constructor arguments the front-ends take from flags or from the same
  environment variables as the client (`--api-key` / `$DEEPSEEK_API_KEY`, `--base-url`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable

from .. import ir
from ..config import CliMethodConfig, Config
from ..errors import ConfigError
from ..spec.pointer import escape_token
from .client import PackageNames

__all__ = ["RESERVED_FLAGS", "TOOL_NAME", "frontends_ir"]

RESERVED_FLAGS = frozenset(
    {"-h", "--help", "--stream", "--raw", "--all", "-o", "--output", "--timeout", "--max-retries"}
)
"""Options every generated command has (templates/cli/_command.py); a parameter never takes one."""

TOOL_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_MAX_TOOL = 64
_LOCATION_PREFIX: dict[str, str] = {"whole_body": "body"}
"""A clashing flag's prefix: the parameter's location (`--query-all`), `body` for a whole body."""


def frontends_ir(
    names: PackageNames,
    config: Config,
    client: ir.Client,
    resources: Iterable[ir.Resource],
    resolve: Callable[[str], ir.Type | None],
) -> ir.Frontends:
    """The front-ends of the SDK; `resolve(name)` gives the type an alias stands for (None for
    a class), to check that an appending option fills a list."""
    settings = config.frontends
    if settings.cli is None and settings.mcp is None:
        return ir.NO_FRONTENDS
    options = client_options(client)
    reserved = RESERVED_FLAGS | {option.flag for option in options}
    methods = settings.cli.methods if settings.cli is not None else {}
    found: list[ir.FrontendOperation] = []
    tools: dict[str, str] = {}
    for resource in resources:
        for method in resource.methods:
            command = f"{resource.dotted}.{method.name}"
            flags = _flags(method, reserved)
            declared = methods.get(command)
            extra: tuple[ir.CliOption, ...] = ()
            stream_text: ir.StreamText | None = None
            if declared is not None:
                pointer = f"/frontends/cli/methods/{escape_token(command)}"
                extra = _options(declared, method, flags, reserved, resolve, pointer)
                stream_text = _stream_text(declared, method, pointer)
            found.append(
                ir.FrontendOperation(
                    resource=resource.dotted,
                    method=method.name,
                    command=command,
                    tool=_tool_name(command, tools),
                    flags=flags,
                    options=extra,
                    stream_text=stream_text,
                )
            )
    known = {operation.command for operation in found}
    for command in methods:
        if command not in known:
            raise ConfigError(
                f"/frontends/cli/methods/{escape_token(command)}",
                f"the API has no method {command!r} (methods are dotted paths on the client, "
                "like `chat.completions.create`)",
            )
    command_name = names.distribution
    if settings.cli is not None and settings.cli.command is not None:
        command_name = settings.cli.command
    server = command_name
    if settings.mcp is not None and settings.mcp.server is not None:
        server = settings.mcp.server
    return ir.Frontends(
        cli=ir.CommandLine(command_name) if settings.cli is not None else None,
        mcp=ir.McpServer(server) if settings.mcp is not None else None,
        operations=tuple(found),
        client_options=options,
    )


def client_options(client: ir.Client) -> tuple[ir.ClientOption, ...]:
    """The client constructor arguments the front-ends take, as flags or from the environment."""
    labels = {"api_key": "API key"}
    credentials = tuple(
        ir.ClientOption(
            name=c.name,
            flag=_flag_of(c.name),
            env=c.env,
            secret=True,
            doc=f"{labels.get(c.name, c.name.replace('_', ' '))} (default: ${c.env})",
        )
        for c in client.auth.credentials
    )
    return (
        *credentials,
        ir.ClientOption(
            name="base_url",
            flag="--base-url",
            env=client.env_base_url,
            secret=False,
            doc=f"base URL (default: ${client.env_base_url}, else {client.default_base_url})",
        ),
    )


def _flag_of(name: str) -> str:
    return "--" + (name.rstrip("_") or name).replace("_", "-")


def _flags(method: ir.Method, reserved: frozenset[str]) -> tuple[str | None, ...]:
    flag_param = method.stream.flag_param if method.stream is not None else None
    taken = set(reserved)
    flags: list[str | None] = []
    for param in method.params:
        if param.location == "path":
            flags.append(None)
            continue
        if param.name == flag_param:
            flags.append("--stream")
            continue
        flag = _flag_of(param.name)
        if flag in taken:
            prefix = _LOCATION_PREFIX.get(param.location, param.location)
            flag = f"--{prefix}-{param.name.replace('_', '-')}"
        while flag in taken:  # only a spec built to clash gets here
            flag += "-param"
        taken.add(flag)
        flags.append(flag)
    return tuple(flags)


def _tool_name(command: str, taken: dict[str, str]) -> str:
    parts = command.split(".")
    name = "_".join(parts)
    while len(name) > _MAX_TOOL and len(parts) > 1:
        parts = parts[1:]
        name = "_".join(parts)
    if len(name) > _MAX_TOOL or name in taken:
        digest = hashlib.sha256(command.encode()).hexdigest()[:6]
        name = f"{name[: _MAX_TOOL - 7]}_{digest}"
    taken[name] = command
    return name


def _is_list(t: ir.Type, resolve: Callable[[str], ir.Type | None], depth: int = 0) -> bool:
    core = ir.types.strip_null(t)
    if isinstance(core, ir.Ref) and depth < 20:
        target = resolve(core.name)
        return target is not None and _is_list(target, resolve, depth + 1)
    return isinstance(core, ir.List)


def _options(
    declared: CliMethodConfig,
    method: ir.Method,
    flags: tuple[str | None, ...],
    reserved: frozenset[str],
    resolve: Callable[[str], ir.Type | None],
    pointer: str,
) -> tuple[ir.CliOption, ...]:
    taken = reserved | {flag for flag in flags if flag is not None}
    by_name = {param.name: param for param in method.params}
    found: list[ir.CliOption] = []
    for index, option in enumerate(declared.options):
        where = f"{pointer}/options/{index}"
        param = by_name.get(option.param)
        if param is None or param.location == "path":
            choices = ", ".join(p.name for p in method.params if p.location != "path")
            raise ConfigError(
                f"{where}/param",
                f"{option.param!r} is not an option parameter of this method (it has: {choices})",
            )
        if option.keys and not _is_list(param.type, resolve):
            raise ConfigError(
                f"{where}/keys",
                f"an option with `keys` appends to a list, and {option.param!r} is not one",
            )
        for flag in option.flags:
            if flag in taken:
                raise ConfigError(
                    f"{where}/flags",
                    f"{flag} is already an option of this command; choose another flag",
                )
        taken |= set(option.flags)
        found.append(ir.CliOption(option.flags, option.param, option.keys, option.help))
    return tuple(found)


def _stream_text(
    declared: CliMethodConfig, method: ir.Method, pointer: str
) -> ir.StreamText | None:
    if declared.stream is None:
        return None
    if method.stream is None:
        raise ConfigError(f"{pointer}/stream", "this method does not stream")
    return ir.StreamText(declared.stream.text, declared.stream.reasoning)
