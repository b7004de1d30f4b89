"""The SDK's MCP server (extra `mcp`): every method of the API as a tool for AI assistants.

    python -m <package>.mcp                      # stdio, for Claude Desktop, Cursor, ...
    python -m <package>.mcp --http --port 8000   # streamable HTTP on 127.0.0.1
    python -m <package>.mcp --tools chat,models --read-only --list

Built on the official `mcp` SDK's low-level server. Credentials come from the environment, like
the client's (the API key is never a flag here, never echoed). `create_server()` gives the
server to embed or test in-process (`mcp.Client(server)`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from .._frontend.table import Table, load_table
from ._tools import Omitted, ToolSet, select

__all__ = ["create_server", "main"]


def _instructions(table: Table, omitted: Sequence[Omitted]) -> str:
    lines = [f"Tools for the {table.title}." if table.title else "Tools for the API."]
    if table.description:
        lines.append(table.description)
    if omitted:
        lines.append("Left out: " + "; ".join(f"{o.operation.tool} ({o.reason})" for o in omitted))
    return "\n\n".join(lines)


def create_server(
    *,
    tools: Sequence[str] = (),
    tags: Sequence[str] = (),
    read_only: bool = False,
    client: Any = None,
    client_arguments: dict[str, Any] | None = None,
    schema_depth: int = 3,
    description_limit: int = 160,
) -> Any:
    """An `mcp.server.lowlevel.Server` serving the selected operations as tools.

    `tools` (patterns: commands, resources, tool names, `*`), `tags` and `read_only` select
    operations, as the command-line flags do. `client` is the async client to call with (made
    from the environment on the first call when not given); `client_arguments` are passed to
    it (`base_url=...`). `schema_depth` bounds how deep shared definitions are inlined into
    input schemas and `description_limit` how long their descriptions are.
    """
    import mcp.types as types
    from mcp.server.lowlevel import Server

    from .._version import __version__

    table = load_table()
    chosen, omitted = select(table, tools=tools, tags=tags, read_only=read_only)
    toolset = ToolSet(
        table,
        chosen,
        client=client,
        client_arguments=client_arguments,
        depth=schema_depth,
        limit=description_limit,
    )

    async def list_tools(ctx: Any, params: Any) -> Any:
        return types.ListToolsResult(tools=toolset.list_tools())

    async def call_tool(ctx: Any, params: Any) -> Any:
        return await toolset.call(params.name, params.arguments)

    server: Any = Server(
        table.server_name or table.command_name,
        version=__version__,
        title=table.title or None,
        instructions=_instructions(table, omitted),
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )
    server.toolset = toolset
    return server


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Serve the API's operations as MCP tools (stdio unless --http).",
    )
    parser.add_argument("--http", action="store_true", help="serve streamable HTTP on 127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="HTTP port (default 8000)")
    parser.add_argument(
        "--tools",
        action="append",
        default=[],
        metavar="PATTERN",
        help="only these operations: commands, resources or tool names, `*` wildcards, "
        "comma-separated or repeated (e.g. chat,files.*)",
    )
    parser.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="only operations with this tag"
    )
    parser.add_argument("--read-only", action="store_true", help="only GET and HEAD operations")
    parser.add_argument(
        "--schema-depth", type=int, default=3, metavar="N", help="inline definitions N deep"
    )
    parser.add_argument(
        "--description-limit",
        type=int,
        default=160,
        metavar="CHARS",
        help="cut descriptions in input schemas to about CHARS characters",
    )
    parser.add_argument("--list", action="store_true", help="print the tools and exit")
    table = load_table()
    for option in table.client_options:
        if not option.secret:
            parser.add_argument(
                option.flag, dest=f"c_{option.name}", metavar=option.name.upper(), help=option.doc
            )
    return parser


def _print_list(server: Any, omitted: Sequence[Omitted]) -> None:
    for tool in server.toolset.list_tools():
        summary = (tool.description or "").split("\n\n")[0]
        print(f"{tool.name}  {summary}")
    for item in omitted:
        print(f"# left out: {item.operation.tool} ({item.reason})")


def main(argv: Sequence[str] | None = None, prog: str | None = None) -> int:
    """`python -m <package>.mcp [options]`; returns the exit status."""
    table = load_table()
    parser = _parser(prog or f"{table.command_name} mcp")
    ns = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    arguments = {
        o.name: getattr(ns, f"c_{o.name}")
        for o in table.client_options
        if not o.secret and getattr(ns, f"c_{o.name}", None) is not None
    }
    try:
        server = create_server(
            tools=ns.tools,
            tags=ns.tag,
            read_only=ns.read_only,
            client_arguments=arguments,
            schema_depth=ns.schema_depth,
            description_limit=ns.description_limit,
        )
    except ImportError as exc:
        sys.stderr.write(f"the MCP server needs the `mcp` extra: {exc}\n")
        return 2
    if not server.toolset.operations:
        sys.stderr.write("no operation matches the --tools, --tag and --read-only given\n")
        return 2
    if ns.list:
        _, omitted = select(table, tools=ns.tools, tags=ns.tag, read_only=ns.read_only)
        _print_list(server, omitted)
        return 0
    import anyio

    if ns.http:
        import uvicorn

        app = server.streamable_http_app(host="127.0.0.1")
        uvicorn.run(app, host="127.0.0.1", port=ns.port, log_level="warning")
        return 0

    async def serve() -> None:
        from mcp.server.stdio import stdio_server

        try:
            async with stdio_server() as (read_stream, write_stream):
                await server.run(read_stream, write_stream, server.create_initialization_options())
        finally:
            await server.toolset.aclose()

    anyio.run(serve)
    return 0
