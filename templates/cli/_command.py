"""`<command> api <resource path>.<method> [PATH PARAMS] [--param VALUE ...]`: call one method.

The operation's parser is built from the table when it is called, so startup does not grow
with the API. Each parameter is an option named after its Python name (`--max-tokens`), a path
parameter a positional argument; arguments are read by `_args`. Options of every operation:
`--stream` (print a stream as it arrives), `--raw` (status line, headers and body as sent),
`--all` (every page of a list), `-o FILE`, `--timeout`, `--max-retries`, and the client's own
(`--api-key`, `--base-url`), which default to the same environment variables as the client.

Exit status: 0 success, 1 the API answered with an error or could not be reached (message and
request id on standard error), 2 a usage error (also a missing API key).
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import textwrap
from collections.abc import Sequence
from typing import Any

from .._frontend.calls import (
    call_arguments,
    client_arguments,
    describe_error,
    make_client,
    method_of,
    redact,
    secrets_of,
    to_data,
)
from .._frontend.table import Operation, Param, Table
from ._args import ArgumentError, Stdin, read_value
from ._output import Output

__all__ = ["EXIT_API_ERROR", "EXIT_OK", "EXIT_USAGE", "listing", "operation_parser", "run_api"]

EXIT_OK = 0
EXIT_API_ERROR = 1
EXIT_USAGE = 2


def _width() -> int:
    return max(40, min(shutil.get_terminal_size().columns, 100) - 2)


def _wrap(text: str, indent: str = "") -> str:
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip()]
    return "\n\n".join(
        textwrap.fill(p, _width(), initial_indent=indent, subsequent_indent=indent)
        for p in paragraphs
    )


def _entry(command: str, column: int, summary: str, width: int) -> str:
    """`  command  summary`, the summary cut with `…` to fit `width` (never the command)."""
    head = f"  {command:<{column}}  "
    room = width - len(head)
    if not summary or room < 12:
        return f"  {command}" if room < 12 else head.rstrip()
    return head + (summary if len(summary) <= room else summary[: room - 1].rstrip() + "…")


def listing(table: Table, prog: str, prefix: str = "") -> str:
    """The operations (under the resource `prefix`), grouped by resource, with summaries."""
    lines = [f"usage: {prog} <operation> [arguments]", ""]
    what = f"the {table.title}" if table.title else "the API"
    scope = f"`{prefix}`" if prefix else what
    lines.append(f"Operations of {scope} (`{prog} <operation> --help` describes one):")
    width = _width()
    docs = dict(table.resources)
    chosen = [op for op in table.operations if not prefix or op.command.startswith(prefix + ".")]
    column = min(max((len(op.command) for op in chosen), default=0), 44)
    resource = None
    for op in chosen:
        if op.resource != resource:
            resource = op.resource
            doc = docs.get(resource, "")
            lines.append("")
            doc = " ".join(doc.split())
            if doc and len(resource) + 2 + len(doc) > width:
                doc = doc[: max(width - len(resource) - 3, 0)].rstrip() + "…"
            lines.append(f"{resource}: {doc}" if doc else resource)
        summary = " ".join((op.summary or op.description).split())
        lines.append(_entry(op.command, column, summary, width))
    return "\n".join(lines) + "\n"


def _metavar(param: Param) -> str:
    kinds = param.items or param.one
    if "file" in kinds:
        return "@FILE"
    if param.choices is not None and len(param.choices) <= 8:
        return "{" + ",".join(str(c) for c in param.choices) + "}"
    if "json" in kinds:
        return "JSON"
    for kind, name in (("string", param.name.upper()), ("integer", "INT"), ("number", "NUMBER")):
        if kind in kinds:
            return name
    return "BOOL" if "boolean" in kinds else param.name.upper()


def _help(param: Param) -> str:
    doc = " ".join(param.doc.split())
    notes: list[str] = []
    if param.items:
        notes.append("repeat for several" if param.one == () else "repeat for a list")
    if "json" in param.one:
        notes.append("JSON, or @FILE with JSON")
    if param.suggestions:
        notes.append("e.g. " + ", ".join(param.suggestions[:6]))
    text = doc + (f" ({'; '.join(notes)})" if notes else "")
    return text.replace("%", "%%")


def _only_boolean(param: Param) -> bool:
    return not param.items and set(param.one) <= {"boolean", "null"} and "boolean" in param.one


def operation_parser(table: Table, op: Operation, prog: str) -> argparse.ArgumentParser:
    """The argument parser of one operation (dests: `p_<name>`, `o_<index>`, options)."""
    description = [op.summary] if op.summary else []
    if op.description and op.description.strip() != op.summary.strip():
        description.append(op.description)
    text = _wrap("\n\n".join(description)) if description else None
    if op.deprecated:
        text = "Deprecated.\n\n" + (text or "")
    parser = argparse.ArgumentParser(
        prog=f"{prog} {op.command}",
        description=text,
        epilog=f"{op.http} {op.path}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    required = parser.add_argument_group("required parameters")
    optional = parser.add_argument_group("optional parameters")
    for param in op.params:
        if param.location == "path":
            parser.add_argument(f"p_{param.name}", metavar=param.name.upper(), help=_help(param))
            continue
        if param.stream_flag or param.flag is None:
            continue
        group = required if param.required else optional
        if _only_boolean(param):
            group.add_argument(
                param.flag,
                dest=f"p_{param.name}",
                action="append",
                nargs="?",
                const="true",
                metavar="BOOL",
                help=_help(param),
            )
        else:
            group.add_argument(
                param.flag,
                dest=f"p_{param.name}",
                action="append",
                metavar=_metavar(param),
                help=_help(param),
            )
    for index, option in enumerate(op.options):
        keys: list[str] = option.get("keys") or []
        target = op.param(option["param"])
        help_text = str(option.get("help") or f"sets {target.flag}").replace("%", "%%")
        if keys:
            optional.add_argument(
                *option["flags"],
                dest=f"o_{index}",
                action="append",
                nargs=len(keys),
                metavar=tuple(str(k).upper() for k in keys),
                help=help_text,
            )
        else:
            optional.add_argument(
                *option["flags"],
                dest=f"p_{target.name}",
                action="append",
                metavar=_metavar(target),
                help=help_text,
            )
    general = parser.add_argument_group("output and connection")
    if op.streams:
        general.add_argument(
            "--stream", action="store_true", help="print the answer as it arrives (a stream)"
        )
    general.add_argument("--raw", action="store_true", help="print status, headers and body")
    if op.paginated:
        general.add_argument("--all", action="store_true", help="fetch every page: a JSON array")
    general.add_argument("-o", "--output", metavar="FILE", help="write the body to FILE")
    general.add_argument("--timeout", type=float, metavar="SECONDS", help="per attempt")
    general.add_argument("--max-retries", type=int, metavar="N", help="retries (default 2)")
    for client_option in table.client_options:
        general.add_argument(
            client_option.flag,
            dest=f"c_{client_option.name}",
            metavar=client_option.name.upper(),
            help=client_option.doc.replace("%", "%%"),
        )
    return parser


def _values(
    op: Operation, ns: argparse.Namespace, parser: argparse.ArgumentParser
) -> dict[str, Any]:
    stdin = Stdin()
    values: dict[str, Any] = {}
    try:
        for param in op.params:
            if param.stream_flag:
                continue
            who = param.flag or param.name.upper()
            given: list[str]  # what argparse collected: one string per use of the option
            if param.location == "path":
                given = [getattr(ns, f"p_{param.name}")]
            else:
                given = getattr(ns, f"p_{param.name}", None) or []
            if given:
                try:
                    values[param.name] = read_value(param, list(given), who, stdin)
                except ArgumentError as exc:
                    raise ArgumentError(f"argument {who}: {exc}") from None
        for index, option in enumerate(op.options):
            keys: list[str] = option.get("keys") or []
            uses: list[list[str]] = getattr(ns, f"o_{index}", None) or []
            if not keys or not uses:
                continue
            name = option["param"]
            existing = values.get(name, [])
            if not isinstance(existing, list):
                raise ArgumentError(f"{option['flags'][0]} adds to a list, and {name} is not one")
            values[name] = [*existing, *(dict(zip(keys, args)) for args in uses)]
    except ArgumentError as exc:
        parser.error(str(exc))
    missing = [p for p in op.params if p.required and not p.stream_flag and p.name not in values]
    if missing:
        names: list[str] = []
        for param in missing:
            flags = [param.flag or param.name.upper()]
            flags += [o["flags"][0] for o in op.options if o["param"] == param.name]
            names.append(" or ".join(flags))
        parser.error(f"the following arguments are required: {', '.join(names)}")
    return values


def run_api(argv: Sequence[str], table: Table, prog: str, defaults: dict[str, Any]) -> int:
    """Run `<prog> <argv...>`; `defaults` are client options given before `api`."""
    args = list(argv)
    if not args or args[0] in ("-h", "--help"):
        text = listing(table, prog)
        if args:
            print(text, end="")
            return EXIT_OK
        Output(prog).stderr.write(text)
        return EXIT_USAGE
    op = table.operation(args[0])
    if op is None:
        return _not_an_operation(table, prog, args)
    parser = operation_parser(table, op, prog)
    ns = parser.parse_args(args[1:])
    values = _values(op, ns, parser)
    streaming = op.result == "stream" or bool(getattr(ns, "stream", False))
    if streaming and op.stream_flag is not None:
        values[op.stream_flag] = True
    if getattr(ns, "all", False) and (ns.raw or streaming):
        parser.error("--all cannot be combined with --raw or --stream")
    given = {o.name: getattr(ns, f"c_{o.name}") for o in table.client_options}
    for name, value in defaults.items():
        if given.get(name) is None:
            given[name] = value
    arguments = client_arguments(table, given)
    if ns.timeout is not None or defaults.get("timeout") is not None:
        arguments["timeout"] = ns.timeout if ns.timeout is not None else defaults["timeout"]
    if ns.max_retries is not None or defaults.get("max_retries") is not None:
        retries = ns.max_retries if ns.max_retries is not None else defaults["max_retries"]
        arguments["max_retries"] = retries
    out = Output(f"{table.command_name}", ns.output)
    secrets = secrets_of(table, given)
    from .._exceptions import APIError, APIStatusError, SDKError

    try:
        client = make_client(table, arguments)
    except SDKError as exc:
        out.error(redact(str(exc), secrets))
        return EXIT_USAGE
    try:
        with client:
            return _call(client, op, values, ns, out, streaming)
    except APIStatusError as exc:
        if ns.raw:
            out.status(exc.response)
            out.write(exc.response.text + "\n")
        message, request_id = describe_error(exc)
        out.error(redact(message, secrets), request_id)
        return EXIT_API_ERROR
    except APIError as exc:
        message, request_id = describe_error(exc)
        out.error(redact(message, secrets), request_id)
        return EXIT_API_ERROR
    except (SDKError, TypeError, ValueError) as exc:
        out.error(redact(str(exc), secrets))
        return EXIT_API_ERROR if isinstance(exc, RuntimeError) else EXIT_USAGE
    finally:
        out.close()


def _call(
    client: Any,
    op: Operation,
    values: dict[str, Any],
    ns: argparse.Namespace,
    out: Output,
    streaming: bool,
) -> int:
    positional, keyword = call_arguments(op, values)
    if ns.raw and op.result != "binary":
        if streaming:
            method = method_of(client, op, "with_streaming_response")
            with method(*positional, **keyword) as response:
                out.status(response.http_response)
                for line in response.iter_lines():
                    out.write(line + "\n")
            return EXIT_OK
        response = method_of(client, op, "with_raw_response")(*positional, **keyword)
        out.status(response.http_response)
        body = response.read()
        if not out.binary(body):
            out.error("the body is binary; write it to a file with -o FILE")
            return EXIT_USAGE
        return EXIT_OK
    result = method_of(client, op)(*positional, **keyword)
    if streaming:
        try:
            out.stream(result, op.stream_text)
        finally:
            result.close()
        return EXIT_OK
    if op.result == "binary":
        if ns.raw:
            out.status(result.http_response)
        if not out.binary(result.read()):
            out.error("the body is binary; write it to a file with -o FILE")
            return EXIT_USAGE
        return EXIT_OK
    if op.result == "none":
        return EXIT_OK
    if getattr(ns, "all", False):
        out.json([to_data(item) for item in result])
        return EXIT_OK
    out.json(to_data(result))
    return EXIT_OK


def _not_an_operation(table: Table, prog: str, args: list[str]) -> int:
    name = args[0]
    if name.startswith("-"):
        Output(prog).error(f"unrecognized arguments before the operation: {name}")
        return EXIT_USAGE
    prefix = name.rstrip(".")
    if any(op.command.startswith(prefix + ".") for op in table.operations):
        text = listing(table, prog, prefix)
        if any(a in ("-h", "--help") for a in args[1:]):
            print(text, end="")
            return EXIT_OK
        Output(prog).stderr.write(text)
        return EXIT_USAGE
    commands = [op.command for op in table.operations]
    close = difflib.get_close_matches(name, commands, n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(close)}?" if close else f"; see {prog} --help"
    Output(prog).error(f"unknown operation {name!r}{hint}")
    return EXIT_USAGE
