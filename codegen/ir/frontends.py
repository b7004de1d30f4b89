"""The front-ends' model: how the generated command line and MCP server show each method and
take the client's options (`lower/frontends.py` decides, `render/frontends.py` prints)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "NO_FRONTENDS",
    "CliOption",
    "ClientOption",
    "CommandLine",
    "FrontendOperation",
    "Frontends",
    "McpServer",
    "StreamText",
]


@dataclass(frozen=True)
class CliOption:
    """An option the command line adds to one method besides one per parameter (sdk.yaml
    `frontends.cli.methods`): its `flags` set the parameter `param` (Python name) to the
    option's value or, with `keys`, append `{keys[0]: ARG1, keys[1]: ARG2, ...}` to that list
    parameter, once per use (openai's `-g ROLE CONTENT`)."""

    flags: tuple[str, ...]
    param: str
    keys: tuple[str, ...]
    help: str | None


@dataclass(frozen=True)
class StreamText:
    """What the command line's `--stream` prints of each chunk: the strings at `text` and,
    dimmed, at `reasoning`. A path is dotted keys and list indexes, `*` for every item
    (`choices.*.delta.content`)."""

    text: str
    reasoning: str | None


@dataclass(frozen=True)
class FrontendOperation:
    """One method as the front-ends show it: the command `command` (its dotted path on the
    client), the MCP tool `tool`, the command-line flag of each parameter (`flags[i]` is that
    of `method.params[i]`; None for a path parameter, which is positional), declared options
    and stream printing."""

    resource: str  # "chat.completions"
    method: str  # "create"
    command: str  # "chat.completions.create"
    tool: str  # "chat_completions_create"
    flags: tuple[str | None, ...]
    options: tuple[CliOption, ...] = ()
    stream_text: StreamText | None = None


@dataclass(frozen=True)
class ClientOption:
    """A client constructor argument the front-ends take from a flag (`--api-key`) or, like the
    client itself, from the environment variable `env`; a `secret` one is never printed."""

    name: str  # "api_key"
    flag: str  # "--api-key"
    env: str | None
    secret: bool
    doc: str


@dataclass(frozen=True)
class CommandLine:
    """The generated command line: the console script `command` (extra `cli`)."""

    command: str


@dataclass(frozen=True)
class McpServer:
    """The generated MCP server (extra `mcp`): the server name it announces."""

    name: str


@dataclass(frozen=True)
class Frontends:
    """The command line and the MCP server generated with the SDK (None: left out by the
    config), and how both show every method and take the client's options."""

    cli: CommandLine | None
    mcp: McpServer | None
    operations: tuple[FrontendOperation, ...]
    client_options: tuple[ClientOption, ...]


NO_FRONTENDS = Frontends(cli=None, mcp=None, operations=(), client_options=())
