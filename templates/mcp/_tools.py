"""Every operation of the SDK as an MCP tool: which ones, their listing, and calling them.

- Selection: `--tools` patterns match a command (`chat.completions.create`), a resource and
  everything under it (`fine_tuning`), or a tool name, with `*` wildcards; `--tag` an operation's
  tag; `--read-only` keeps GET and HEAD operations.
- A tool's input schema is its method's parameters (`_schemas.input_schema`); its description
  the spec's summary and description. Files are given as base64 or text, binary answers come
  back as text, an image, or a base64 resource. A method that can stream is called without
  streaming; one that always streams is read to the end and its chunks merged into one result.
  A method that takes a file inside a JSON value cannot be called over MCP: its tool is left
  out, and `--list` and the server's instructions say so.
- Errors the API answers with are tool results with `isError` (status, message, request id),
  never with a credential in them.
"""

from __future__ import annotations

import base64
import binascii
import fnmatch
import importlib
import json
from collections.abc import Sequence
from typing import Any

from .._frontend.calls import (
    accumulate,
    call_arguments,
    describe_error,
    is_dict,
    is_list,
    make_client,
    method_of,
    redact,
    secrets_of,
    to_data,
)
from .._frontend.table import Operation, Param, Table
from ._schemas import input_schema, trim

__all__ = ["Omitted", "ToolSet", "matches", "select"]


def matches(operation: Operation, pattern: str) -> bool:
    """Whether a `--tools` pattern selects `operation`."""
    pattern = pattern.strip()
    return (
        fnmatch.fnmatchcase(operation.command, pattern)
        or fnmatch.fnmatchcase(operation.tool, pattern)
        or fnmatch.fnmatchcase(operation.resource, pattern)
        or operation.command.startswith(pattern.rstrip(".") + ".")
    )


class Omitted:
    """An operation left out of the tools, and why."""

    def __init__(self, operation: Operation, reason: str) -> None:
        self.operation = operation
        self.reason = reason


def _exposed(operation: Operation) -> tuple[list[Param], str | None]:
    """The parameters a tool takes, or the reason the operation cannot be a tool."""
    params: list[Param] = []
    for param in operation.params:
        if param.stream_flag:
            continue
        if param.file == "nested":
            if param.required:
                return [], f"`{param.name}` holds files inside JSON, which MCP cannot carry"
            continue
        params.append(param)
    return params, None


def select(
    table: Table,
    *,
    tools: Sequence[str] = (),
    tags: Sequence[str] = (),
    read_only: bool = False,
) -> tuple[list[Operation], list[Omitted]]:
    """The operations to serve, and those left out although selected."""
    patterns = [p for item in tools for p in item.split(",") if p.strip()]
    wanted_tags = {t.lower() for t in tags}
    chosen: list[Operation] = []
    omitted: list[Omitted] = []
    for operation in table.operations:
        if patterns and not any(matches(operation, p) for p in patterns):
            continue
        if wanted_tags and not wanted_tags & {t.lower() for t in operation.tags}:
            continue
        if read_only and not operation.read_only:
            continue
        _, reason = _exposed(operation)
        if reason is not None:
            omitted.append(Omitted(operation, reason))
        else:
            chosen.append(operation)
    return chosen, omitted


def _description(operation: Operation, limit: int) -> str:
    parts = [operation.summary.strip()] if operation.summary.strip() else []
    body = operation.description.strip()
    if body and body != operation.summary.strip():
        paragraphs = [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]
        kept: list[str] = []
        for paragraph in paragraphs:
            if kept and sum(len(k) for k in kept) + len(paragraph) > limit:
                break
            kept.append(paragraph if len(paragraph) <= limit else trim(paragraph, limit) or "")
        parts.extend(kept)
    if operation.deprecated:
        parts.append("Deprecated.")
    if operation.paginated:
        parts.append("Returns one page of results.")
    if operation.result == "stream":
        parts.append("The answer is streamed and returned whole.")
    elif operation.result == "binary":
        parts.append("Returns the body: text, an image, or base64 data.")
    return "\n\n".join(p for p in parts if p) or operation.command


class ToolError(Exception):
    """A tool call that cannot be made as given (shown to the model)."""


def _is_file(value: Any) -> bool:
    """Whether a JSON value is a file as the input schema describes one."""
    return (
        is_dict(value)
        and "filename" in value
        and ("base64" in value or "text" in value)
        and set(value) <= {"filename", "base64", "text", "content_type"}
    )


def _file(value: Any, name: str) -> tuple[str, bytes] | tuple[str, bytes, str]:
    if not is_dict(value):
        raise ToolError(f"`{name}`: expected an object with `filename` and `base64` or `text`")
    filename = str(value.get("filename") or "upload")
    encoded, text = value.get("base64"), value.get("text")
    if isinstance(encoded, str):
        try:
            content = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ToolError(f"`{name}.base64` is not valid base64: {exc}") from None
    elif isinstance(text, str):
        content = text.encode("utf-8")
    else:
        raise ToolError(f"`{name}`: give the content as `base64` or `text`")
    content_type = value.get("content_type")
    if isinstance(content_type, str) and content_type:
        return filename, content, content_type
    return filename, content


def _binary_content(types: Any, response: Any) -> tuple[list[Any], dict[str, Any]]:
    content: bytes = response.content
    content_type = str(response.headers.get("content-type") or "application/octet-stream")
    media = content_type.split(";")[0].strip().lower()
    info: dict[str, Any] = {"content_type": content_type, "size": len(content)}
    if media.startswith("image/"):
        data = base64.b64encode(content).decode("ascii")
        return [types.ImageContent(type="image", data=data, mime_type=media)], info
    if media.startswith("audio/"):
        data = base64.b64encode(content).decode("ascii")
        return [types.AudioContent(type="audio", data=data, mime_type=media)], info
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        blob = types.BlobResourceContents(
            uri="data:content", mime_type=media, blob=base64.b64encode(content).decode("ascii")
        )
        return [types.EmbeddedResource(type="resource", resource=blob)], info
    info["text"] = text
    return [types.TextContent(type="text", text=text)], info


class ToolSet:
    """The tools of one server: listing (computed once) and calls, on one async client."""

    def __init__(
        self,
        table: Table,
        operations: Sequence[Operation],
        *,
        client_arguments: dict[str, Any] | None = None,
        client: Any = None,
        depth: int = 3,
        limit: int = 160,
    ) -> None:
        self.table = table
        self.operations = {op.tool: op for op in operations}
        self._client_arguments = dict(client_arguments or {})
        self._client = client
        self._depth = depth
        self._limit = limit
        self._tools: list[Any] | None = None
        self._schemas: dict[str, dict[str, Any]] = {}
        self._validators: dict[str, Any] = {}

    def schema(self, name: str) -> dict[str, Any]:
        """The input schema of the tool `name`."""
        if name not in self._schemas:
            operation = self.operations[name]
            params, _ = _exposed(operation)
            self._schemas[name] = input_schema(
                operation, params, self.table.defs(), depth=self._depth, limit=self._limit
            )
        return self._schemas[name]

    def list_tools(self) -> list[Any]:
        """The `mcp.types.Tool`s, in the table's order."""
        if self._tools is None:
            import mcp.types as types

            tools: list[Any] = []
            for name, operation in self.operations.items():
                annotations = types.ToolAnnotations(
                    title=operation.summary or None,
                    read_only_hint=operation.read_only,
                    destructive_hint=operation.http == "DELETE",
                    idempotent_hint=operation.http in ("GET", "HEAD", "PUT", "DELETE"),
                    open_world_hint=True,
                )
                tools.append(
                    types.Tool(
                        name=name,
                        title=operation.summary or None,
                        description=_description(operation, self._limit * 4),
                        input_schema=self.schema(name),
                        annotations=annotations,
                    )
                )
            self._tools = tools
        return self._tools

    def _validate(self, name: str, arguments: dict[str, Any]) -> None:
        if name not in self._validators:
            # jsonschema (a dependency of `mcp`) ships no type hints: imported by name.
            validators: Any = importlib.import_module("jsonschema.validators")
            schema = self.schema(name)
            self._validators[name] = validators.validator_for(schema)(schema)
        errors = sorted(
            self._validators[name].iter_errors(arguments), key=lambda e: [str(p) for p in e.path]
        )
        if errors:
            lines = [
                f"{'.'.join(str(p) for p in error.absolute_path) or 'arguments'}: {error.message}"
                for error in errors[:5]
            ]
            if len(errors) > 5:
                lines.append(f"... and {len(errors) - 5} more problems")
            raise ToolError("invalid arguments:\n" + "\n".join(lines))

    def _values(self, operation: Operation, arguments: dict[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for param in _exposed(operation)[0]:
            if param.name not in arguments:
                continue
            value = arguments[param.name]
            if param.file == "direct":
                if _is_file(value):
                    value = _file(value, param.name)
                elif is_list(value):
                    value = [_file(v, param.name) if _is_file(v) else v for v in value]
            values[param.name] = value
        return values

    def client(self) -> Any:
        """The async client, made on the first call (from the environment, as usual)."""
        if self._client is None:
            self._client = make_client(self.table, self._client_arguments, is_async=True)
        return self._client

    async def call(self, name: str, arguments: dict[str, Any] | None) -> Any:
        """Call the tool `name`; an `mcp.types.CallToolResult`, `isError` when it failed."""
        import mcp.types as types

        from .._exceptions import APIError, SDKError

        secrets = secrets_of(self.table, self._client_arguments)

        def failure(message: str) -> Any:
            text = redact(message, secrets)
            return types.CallToolResult(
                content=[types.TextContent(type="text", text=text)], is_error=True
            )

        operation = self.operations.get(name)
        if operation is None:
            return failure(f"unknown tool {name!r}")
        given = dict(arguments or {})
        try:
            self._validate(name, given)
            values = self._values(operation, given)
            client = self.client()
            positional, keyword = call_arguments(operation, values)
            result = await method_of(client, operation)(*positional, **keyword)
            if operation.result == "stream":
                merged: Any = None
                async for chunk in result:
                    merged = accumulate(merged, to_data(chunk))
                data: Any = merged
            elif operation.result == "binary":
                await result.read()
                content, info = _binary_content(types, result)
                return types.CallToolResult(content=content, structured_content=info)
            elif operation.result == "none":
                data = {"ok": True}
            else:
                data = to_data(result)
        except ToolError as exc:
            return failure(str(exc))
        except APIError as exc:
            message, request_id = describe_error(exc)
            lines = [message]
            if request_id:
                lines.append(f"request id: {request_id}")
            body = getattr(exc, "body", None)
            if body is not None and not isinstance(body, str):
                lines.append(json.dumps(body, ensure_ascii=False, default=str))
            return failure("\n".join(lines))
        except (SDKError, TypeError, ValueError) as exc:
            return failure(str(exc))
        structured: dict[str, Any] = data if is_dict(data) else {"result": data}
        text = json.dumps(data, ensure_ascii=False)
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=text)], structured_content=structured
        )

    async def aclose(self) -> None:
        """Close the client, if one was made."""
        if self._client is not None:
            await self._client.close()
