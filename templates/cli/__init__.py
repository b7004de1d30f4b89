"""The SDK's command line (extra `cli`): every method of the API as `<command> api <operation>`.

    <command> api chat.completions.create --model M --messages '[{"role": "user", "content": "hi"}]'
    <command> api models.list
    <command> api files.create --file @train.jsonl --purpose fine-tune
    <command> completion bash        # a completion script for bash or zsh
    <command> mcp                    # the MCP server, when the SDK has one

`main()` is the console script (named in `sdk.yaml`) and `python -m <package>`. Only what the
chosen subcommand needs is imported: `--help` reads no table and builds no client.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

__all__ = ["main", "run"]

_SUBCOMMANDS = ("api", "completion", "mcp")


def _top_parser(prog: str, has_mcp: bool, title: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description=f"Command line for the {title}." if title else None,
        epilog=f"`{prog} api --help` lists the operations; `{prog} api <operation> --help` "
        "describes one.",
    )
    from .._version import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--api-key", dest="api_key", metavar="KEY", help=argparse.SUPPRESS)
    parser.add_argument("--base-url", dest="base_url", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--timeout", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    parser.add_argument("--max-retries", type=int, metavar="N", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="subcommand", metavar="<command>")
    commands.add_parser("api", help="call an operation of the API (`api --help` lists them)")
    commands.add_parser("completion", help="print a shell completion script (bash or zsh)")
    if has_mcp:
        commands.add_parser("mcp", help="serve the API to AI assistants over MCP (extra `mcp`)")
    return parser


def _meta() -> tuple[str, bool, str]:
    """The command's name, whether there is an MCP server, the API's title: from the table."""
    from .._frontend.table import load_table

    table = load_table()
    return table.command_name, table.server_name is not None, table.title


def run(argv: Sequence[str] | None = None, prog: str | None = None) -> int:
    """Run the command line on `argv` (default: `sys.argv[1:]`); returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    defaults: dict[str, Any] = {}
    # Options before the subcommand: `<command> --api-key K api ...`.
    position = 0
    while position < len(args) and args[position] not in _SUBCOMMANDS:
        position += 1
    head, rest = args[:position], args[position:]
    if not rest:
        name, has_mcp, title = _meta()
        parser = _top_parser(prog or name, has_mcp, title)
        parser.parse_args(head)  # prints help, the version, or the error (exit 0 / 2)
        parser.print_usage(sys.stderr)
        sys.stderr.write(f"{parser.prog}: error: a command is required\n")
        return 2
    if head:
        name, has_mcp, title = _meta()
        parsed = _top_parser(prog or name, has_mcp, title).parse_args([*head, "completion"])
        defaults = {k: v for k, v in vars(parsed).items() if k != "subcommand" and v is not None}
    subcommand, rest = rest[0], rest[1:]
    from .._frontend.table import load_table

    table = load_table()
    name = prog or table.command_name
    if subcommand == "api":
        from ._command import run_api

        return run_api(rest, table, f"{name} api", defaults)
    if subcommand == "completion":
        from ._completion import run_completion

        return run_completion(rest, table, name)
    if table.server_name is None:
        sys.stderr.write(f"{name}: error: this SDK has no MCP server\n")
        return 2
    try:
        from ..mcp import main as mcp_main
    except ImportError as exc:
        sys.stderr.write(f"{name}: error: the MCP server needs the `mcp` extra ({exc})\n")
        return 2
    return mcp_main(rest, prog=f"{name} mcp")


def main(argv: Sequence[str] | None = None) -> None:
    """The console script: run and exit with the status."""
    try:
        status = run(argv)
    except KeyboardInterrupt:
        status = 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = 1
    sys.exit(status)
