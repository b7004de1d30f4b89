"""The table of operations (`operations.json`, `schemas.json`), read on first use.

Views over the JSON data, typed: `Table` (title, client options, resources, operations),
`Operation` (a method: command, MCP tool, HTTP method and path, what it returns, parameters),
`Param`. The data is small and loaded with one `json.load`; `schemas.json` (`$defs`) only when
the MCP server asks for it.
"""

from __future__ import annotations

import functools
import json
import os
from typing import Any

__all__ = ["FORMAT", "ClientOption", "Operation", "Param", "Table", "TableError", "load_table"]

FORMAT = 1
_HERE = os.path.dirname(os.path.abspath(__file__))


class TableError(Exception):
    """The generated table is missing or was written by another version of the generator."""


def _read(name: str) -> Any:
    path = os.path.join(_HERE, name)
    try:
        with open(path, encoding="utf-8") as file:
            return json.load(file)
    except (OSError, ValueError) as exc:
        raise TableError(f"cannot read {path}: {exc}; regenerate the SDK") from exc


class Param:
    """One parameter of an operation."""

    __slots__ = ("_data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    @property
    def name(self) -> str:
        """The Python name: the method's keyword argument, the MCP tool's property."""
        return str(self._data["name"])

    @property
    def wire(self) -> str:
        return str(self._data["wire"])

    @property
    def location(self) -> str:
        """`path`, `query`, `header`, `cookie`, `body` (a property) or `whole_body`."""
        return str(self._data["in"])

    @property
    def required(self) -> bool:
        return bool(self._data["required"])

    @property
    def doc(self) -> str:
        return str(self._data.get("doc") or "")

    @property
    def flag(self) -> str | None:
        """The command-line option (`--max-tokens`); None for a positional path parameter."""
        flag = self._data.get("flag")
        return None if flag is None else str(flag)

    @property
    def one(self) -> tuple[str, ...]:
        """Kinds one argument may be read as: string, integer, number, boolean, null, file, json."""
        return tuple(self._data.get("one") or ())

    @property
    def items(self) -> tuple[str, ...]:
        """Kinds of each item when the option may be repeated (a list); empty otherwise."""
        return tuple(self._data.get("items") or ())

    @property
    def choices(self) -> list[Any] | None:
        choices = self._data.get("choices")
        return None if choices is None else list(choices)

    @property
    def suggestions(self) -> list[str]:
        return [str(s) for s in self._data.get("suggestions") or ()]

    @property
    def file(self) -> str | None:
        """`direct` (the value is a file or a list of files, or may be), `nested` (files inside
        a JSON value) or None."""
        file = self._data.get("file")
        return None if file is None else str(file)

    @property
    def stream_flag(self) -> bool:
        """Whether this is the boolean that asks for a stream."""
        return bool(self._data.get("stream_flag"))

    @property
    def schema(self) -> dict[str, Any]:
        """JSON Schema of the value, with `$ref`s into `Table.defs()`."""
        schema: dict[str, Any] = self._data["schema"]
        return schema


class Operation:
    """One method of the SDK, as both front-ends show it."""

    __slots__ = ("_data", "_params")

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data
        self._params: tuple[Param, ...] | None = None

    @property
    def command(self) -> str:
        """The dotted path of the method on the client: `chat.completions.create`."""
        return str(self._data["command"])

    @property
    def resource(self) -> str:
        return str(self._data["resource"])

    @property
    def method(self) -> str:
        return str(self._data["method"])

    @property
    def tool(self) -> str:
        """The MCP tool's name."""
        return str(self._data["tool"])

    @property
    def http(self) -> str:
        return str(self._data["http"])

    @property
    def path(self) -> str:
        return str(self._data["path"])

    @property
    def result(self) -> str:
        """`model`, `model_or_stream`, `stream`, `page`, `binary` or `none`."""
        return str(self._data["result"])

    @property
    def summary(self) -> str:
        return str(self._data.get("summary") or "")

    @property
    def description(self) -> str:
        return str(self._data.get("description") or "")

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(self._data.get("tags") or ())

    @property
    def deprecated(self) -> bool:
        return bool(self._data.get("deprecated"))

    @property
    def read_only(self) -> bool:
        return self.http in ("GET", "HEAD")

    @property
    def streams(self) -> bool:
        """Whether the method can answer with a stream."""
        return "stream" in self._data

    @property
    def stream_flag(self) -> str | None:
        """The parameter that asks for a stream (None: the method always streams, or never)."""
        stream: dict[str, Any] = self._data.get("stream") or {}
        flag = stream.get("flag")
        return None if flag is None else str(flag)

    @property
    def stream_text(self) -> tuple[str, str | None] | None:
        """Paths of the text and of the reasoning in a chunk, as `sdk.yaml` declares them."""
        stream: dict[str, Any] = self._data.get("stream") or {}
        if "text" not in stream:
            return None
        reasoning = stream.get("reasoning")
        return str(stream["text"]), None if reasoning is None else str(reasoning)

    @property
    def paginated(self) -> bool:
        return "page" in self._data

    @property
    def params(self) -> tuple[Param, ...]:
        if self._params is None:
            self._params = tuple(Param(p) for p in self._data.get("params") or ())
        return self._params

    @property
    def options(self) -> list[dict[str, Any]]:
        """Declared command-line options: `flags`, `param`, and `keys` or not, `help`."""
        return list(self._data.get("options") or ())

    def param(self, name: str) -> Param:
        return next(p for p in self.params if p.name == name)


class ClientOption:
    """A client constructor argument: from a flag, or the environment variable `env`."""

    __slots__ = ("doc", "env", "flag", "name", "secret")

    def __init__(self, data: dict[str, Any]) -> None:
        self.name = str(data["name"])
        self.flag = str(data["flag"])
        self.env: str | None = None if data.get("env") is None else str(data["env"])
        self.secret = bool(data.get("secret"))
        self.doc = str(data.get("doc") or "")


class Table:
    """Every operation of the SDK, and how to make its client."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("format") != FORMAT:
            raise TableError(
                f"the table of operations has format {data.get('format')!r}, this code reads "
                f"{FORMAT}; regenerate the SDK"
            )
        self._data = data
        self.operations = tuple(Operation(op) for op in data["operations"])
        self._by_command = {op.command: op for op in self.operations}
        self._by_tool = {op.tool: op for op in self.operations}
        self._defs: dict[str, Any] | None = None

    @property
    def title(self) -> str:
        return str(self._data.get("title") or "")

    @property
    def description(self) -> str:
        return str(self._data.get("description") or "")

    @property
    def command_name(self) -> str:
        """The console script's name (the distribution's when there is no command line)."""
        return str(self._data.get("command") or self._data.get("server") or "sdk")

    @property
    def server_name(self) -> str | None:
        """The MCP server's name; None when the SDK has no MCP server."""
        server = self._data.get("server")
        return None if server is None else str(server)

    @property
    def client_class(self) -> str:
        return str(self._data["client"]["sync"])

    @property
    def async_client_class(self) -> str:
        return str(self._data["client"]["async"])

    @property
    def client_options(self) -> tuple[ClientOption, ...]:
        return tuple(ClientOption(o) for o in self._data.get("client_options") or ())

    @property
    def resources(self) -> list[tuple[str, str]]:
        """(dotted path, first paragraph of its description) of every resource."""
        return [(str(r["path"]), str(r.get("doc") or "")) for r in self._data["resources"]]

    def operation(self, command: str) -> Operation | None:
        return self._by_command.get(command)

    def by_tool(self, name: str) -> Operation | None:
        return self._by_tool.get(name)

    def defs(self) -> dict[str, Any]:
        """The `$defs` that parameter schemas refer to (read on first use)."""
        if self._defs is None:
            self._defs = dict(_read("schemas.json").get("$defs") or {})
        return self._defs


@functools.cache
def load_table() -> Table:
    """The package's table of operations."""
    return Table(_read("operations.json"))
