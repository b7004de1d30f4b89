"""The command line and MCP server of an SDK: one table of operations, printed from `ir.Api`,
and the hand-written code that reads it.

Both front-ends are generic code (`templates/frontend/`, `templates/cli/`, `templates/mcp/`,
copied verbatim into `<package>/_frontend/`, `cli/`, `mcp/`) driven by two generated JSON files
in `<package>/_frontend/`:

- `operations.json`: the API's title, the client's classes and options (`--api-key`, their
  environment variables), its resources, and every method: command (`chat.completions.create`),
  MCP tool name, HTTP method and path, summary, description, tags, what it returns (a model, a
  page, a stream and its flag parameter, binary), and each parameter: Python name, wire name,
  location, required, description, command-line flag and how an argument is read
  (`jsonschema.cli_value`), the JSON Schema of its type (`$ref`s into `schemas.json`) and
  whether it holds files; plus the options `sdk.yaml` declares (`-g ROLE CONTENT`).
- `schemas.json`: the `$defs` those schemas refer to (only the MCP server loads it).

Calls go through the SDK's own methods, by Python name, so a new body kind, parameter
location or auth scheme needs no change here beyond what the IR says.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass
from typing import Any

from .. import ir
from ..runtime import TEMPLATES_DIR
from .jsonschema import SchemaPrinter, brief, cli_value, file_place

__all__ = [
    "FORMAT",
    "MCP_REQUIREMENT",
    "PrintedFrontendExamples",
    "frontend_files",
    "frontend_table",
    "hand_written_files",
    "json_text",
    "print_frontend_examples",
]

FORMAT = 1
"""Version of the table's layout; the hand-written readers check it."""

MCP_REQUIREMENT = "mcp>=2.3,<3"
"""The generated extra `mcp`: the official MCP SDK's releases the server is tested with (the
same range as this project's dev dependencies)."""

FRONTEND_DIRS = {"frontend": "_frontend", "cli": "cli", "mcp": "mcp"}
"""templates/<key>/ is copied to <package>/<value>/."""

_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def json_text(value: Any) -> str:
    """`value` as stable, reviewable JSON text: one key per line, non-ASCII text kept readable
    but invisible and reordering characters escaped ("Trojan Source")."""
    text = json.dumps(value, indent=1, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def _param(
    printer: SchemaPrinter, method: ir.Method, param: ir.Parameter, flag: str | None
) -> dict[str, Any]:
    value = cli_value(printer, param.type)
    found: dict[str, Any] = {
        "name": param.name,
        "wire": param.wire,
        "in": param.location,
        "required": param.required,
        "flag": flag,
        "one": list(value.one),
        "items": list(value.items),
        "schema": printer.schema(param.type),
    }
    if param.doc:
        found["doc"] = param.doc
    if value.choices is not None:
        found["choices"] = list(value.choices)
    if value.suggestions:
        found["suggestions"] = list(value.suggestions)
    place = file_place(printer, param.type)
    if place is not None:
        found["file"] = place
    if method.stream is not None and param.name == method.stream.flag_param:
        found["stream_flag"] = True
    return found


def _operation(
    printer: SchemaPrinter, method: ir.Method, shown: ir.FrontendOperation
) -> dict[str, Any]:
    found: dict[str, Any] = {
        "command": shown.command,
        "resource": shown.resource,
        "method": shown.method,
        "tool": shown.tool,
        "http": method.http_method,
        "path": method.path,
        "result": method.result,
    }
    for key, text in (("summary", method.summary), ("description", method.description)):
        if text:
            found[key] = text
    if method.tags:
        found["tags"] = list(method.tags)
    if method.deprecated:
        found["deprecated"] = True
    if method.body is not None:
        found["media_type"] = method.body.media_type
    if method.stream is not None:
        stream: dict[str, Any] = {"flag": method.stream.flag_param}
        if shown.stream_text is not None:
            stream["text"] = shown.stream_text.text
            if shown.stream_text.reasoning is not None:
                stream["reasoning"] = shown.stream_text.reasoning
        found["stream"] = stream
    if method.paginator is not None:
        found["page"] = {"kind": method.paginator.kind, "items": method.paginator.items_field}
    found["params"] = [
        _param(printer, method, param, flag)
        for param, flag in zip(method.params, shown.flags, strict=True)
    ]
    if shown.options:
        found["options"] = [
            {
                "flags": list(option.flags),
                "param": option.param,
                **({"keys": list(option.keys)} if option.keys else {}),
                **({"help": option.help} if option.help else {}),
            }
            for option in shown.options
        ]
    return found


def frontend_table(api: ir.Api) -> tuple[dict[str, Any], dict[str, Any]]:
    """The table of operations and the `$defs` its schemas use."""
    printer = SchemaPrinter(api)
    frontends = api.frontends
    methods = {
        (resource.dotted, method.name): method
        for resource in api.resources
        for method in resource.methods
    }
    operations = [
        _operation(printer, methods[shown.resource, shown.method], shown)
        for shown in frontends.operations
    ]
    resources = [
        {"path": r.dotted, **({"doc": d} if (d := brief(r.doc)) else {})} for r in api.resources
    ]
    table: dict[str, Any] = {
        "format": FORMAT,
        "title": api.title,
        "description": brief(api.description),
        "command": frontends.cli.command if frontends.cli is not None else None,
        "server": frontends.mcp.name if frontends.mcp is not None else None,
        "client": {"sync": api.client.name, "async": api.client.async_name},
        "client_options": [
            {
                "name": option.name,
                "flag": option.flag,
                "env": option.env,
                "secret": option.secret,
                "doc": option.doc,
            }
            for option in frontends.client_options
        ],
        "resources": resources,
        "operations": operations,
    }
    roots = [p.type for m in methods.values() for p in m.params]
    return table, {"$defs": printer.defs(roots)}


def hand_written_files(package: str, frontends: ir.Frontends) -> dict[str, str]:
    """The hand-written front-end code for `package`: templates/frontend always, cli and mcp
    when the config asks for them (nothing when it asks for neither)."""
    wanted = ["frontend"] if frontends.cli is not None or frontends.mcp is not None else []
    if frontends.cli is not None:
        wanted.append("cli")
    if frontends.mcp is not None:
        wanted.append("mcp")
    files: dict[str, str] = {}
    for key in wanted:
        for source in sorted((TEMPLATES_DIR / key).glob("*.py")):
            target = f"{package}/{FRONTEND_DIRS[key]}/{source.name}"
            files[target] = source.read_text(encoding="utf-8")
    return files


def frontend_files(api: ir.Api, *, include_runtime: bool = True) -> dict[str, str]:
    """`<package>/_frontend/{operations,schemas}.json` and, with `include_runtime`, the
    hand-written front-ends (only those the config asks for)."""
    frontends = api.frontends
    if frontends.cli is None and frontends.mcp is None:
        return {}
    table, defs = frontend_table(api)
    files = {
        f"{api.package}/_frontend/operations.json": json_text(table),
        f"{api.package}/_frontend/schemas.json": json_text(defs),
    }
    if include_runtime:
        files.update(hand_written_files(api.package, frontends))
    return files


# ------------------------------------------------------------------------------ README examples


@dataclass(frozen=True)
class PrintedFrontendExamples:
    """Shell commands and the MCP client config the README shows (None: no such example)."""

    command: str | None  # the console script; None without a command line
    call: str | None
    short_call: str | None  # the same call with the options sdk.yaml declares
    stream: str | None
    page: str | None
    upload: str | None
    mcp_config: str | None  # a client's `mcpServers` entry, JSON
    tool: str  # the MCP tool of the first example call


def _word(value: object) -> str:
    if isinstance(value, ir.FileExample):
        return "@example.jsonl"
    if isinstance(value, str):
        return shlex.quote(value)
    return shlex.quote(json.dumps(value, ensure_ascii=False))


def _find(api: ir.Api, path: tuple[str, ...]) -> tuple[ir.Method, ir.FrontendOperation] | None:
    command = ".".join(path)
    shown = next((op for op in api.frontends.operations if op.command == command), None)
    if shown is None:
        return None
    method = next(
        m
        for r in api.resources
        if r.dotted == shown.resource
        for m in r.methods
        if m.name == shown.method
    )
    return method, shown


def _command(
    api: ir.Api, example: ir.Example | None, extra: str = "", *, short: bool = False
) -> str | None:
    frontends = api.frontends
    if example is None or frontends.cli is None:
        return None
    found = _find(api, example.path)
    if found is None:
        return None
    method, shown = found
    flags = {p.name: f for p, f in zip(method.params, shown.flags, strict=True)}
    words = [frontends.cli.command, "api", shown.command]
    options = {o.param: o for o in shown.options} if short else {}
    used_option = False
    for name, value in example.args:
        option = options.get(name)
        if option is not None and not option.keys:
            words += [option.flags[0], _word(value)]
            used_option = True
        elif option is not None and _fits(value, option.keys):
            for item in value if isinstance(value, list) else ():
                words += [option.flags[0], *(_word(item[k]) for k in option.keys)]
            used_option = True
        elif flags.get(name) is None:
            words.append(_word(value))
        elif flags[name] != "--stream":
            words += [str(flags[name]), _word(value)]
    if short and not used_option:
        return None
    return " ".join(words) + extra


def _fits(value: object, keys: tuple[str, ...]) -> bool:
    """Whether `value` is a list of objects with exactly `keys`, each a string."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(
            isinstance(item, dict)
            and set(item) == set(keys)
            and all(isinstance(v, str) for v in item.values())
            for item in value
        )
    )


def print_frontend_examples(api: ir.Api) -> PrintedFrontendExamples:
    """The README's command-line and MCP examples, from the same example calls as Python's."""
    examples = api.examples
    frontends = api.frontends
    mcp_config = None
    if frontends.mcp is not None:
        server = {
            "command": "python",
            "args": ["-m", f"{api.package}.mcp"],
            "env": {api.client.env_api_key: "<your API key>"},
        }
        mcp_config = json.dumps(
            {"mcpServers": {frontends.mcp.name: server}}, indent=2, ensure_ascii=False
        )
    found = _find(api, examples.call.path) if examples.call is not None else None
    tool = found[1].tool if found is not None else "resource_method"
    stream = _command(api, examples.stream, " --stream", short=True)
    commands = [
        _command(api, examples.call),
        _command(api, examples.call, short=True),
        stream or _command(api, examples.stream, " --stream"),
        _command(api, examples.page, " --all"),
        _command(api, examples.upload),
    ]
    call, short_call, stream, page, upload = [
        c if c not in commands[:i] else None
        for i, c in enumerate(commands)  # no repeats
    ]
    return PrintedFrontendExamples(
        command=frontends.cli.command if frontends.cli is not None else None,
        call=call,
        short_call=short_call,
        stream=stream,
        page=page,
        upload=upload,
        mcp_config=mcp_config,
        tool=tool,
    )
