"""Calling the SDK for a front-end: the client, the method of an operation, its arguments, the
result as JSON data, and error text without secrets.

Every call goes through the SDK's own method (`client.chat.completions.create(...)`), so the
request is built, authenticated, sent, retried and parsed exactly as in Python code.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from typing_extensions import TypeGuard

from .._types import is_array, is_mapping
from .table import Operation, Table

__all__ = [
    "accumulate",
    "call_arguments",
    "client_arguments",
    "describe_error",
    "is_dict",
    "is_list",
    "make_client",
    "method_of",
    "redact",
    "secrets_of",
    "to_data",
]


def is_dict(value: object) -> TypeGuard[dict[Any, object]]:
    """`isinstance(value, dict)` with values typed `object` (check them before use), so pyright
    strict sees typed JSON objects where a bare `isinstance` gives `dict[Unknown, Unknown]`.

    For decoded JSON and `to_data` results, which hold only dicts and lists. The runtime's
    `is_mapping` / `is_array` also accept any mapping or a tuple.
    """
    return isinstance(value, dict)


def is_list(value: object) -> TypeGuard[list[object]]:
    """`isinstance(value, list)` with items typed `object`: a JSON array (see `is_dict`)."""
    return isinstance(value, list)


def client_arguments(table: Table, given: Mapping[str, Any]) -> dict[str, Any]:
    """Constructor arguments from the options given by name (flags); the others are left to the
    client, which reads the same environment variables as always."""
    known = {option.name for option in table.client_options}
    return {name: value for name, value in given.items() if name in known and value is not None}


def make_client(table: Table, arguments: Mapping[str, Any], *, is_async: bool = False) -> Any:
    """A client of the SDK (sync or async). Imports the client only now."""
    # `_client` is private to the package, and this module is part of it.
    from .. import _client  # pyright: ignore[reportPrivateUsage]

    cls = getattr(_client, table.async_client_class if is_async else table.client_class)
    return cls(**arguments)


def method_of(client: Any, operation: Operation, wrapper: str | None = None) -> Any:
    """The bound SDK method of `operation`; `wrapper` is `with_raw_response` or
    `with_streaming_response` for those variants."""
    target = client
    for part in operation.resource.split("."):
        target = getattr(target, part)
    if wrapper is not None:
        target = getattr(target, wrapper)
    return getattr(target, operation.method)


def call_arguments(
    operation: Operation, values: Mapping[str, Any]
) -> tuple[list[Any], dict[str, Any]]:
    """Positional (path parameters, in order) and keyword arguments for the SDK method."""
    positional = [values[p.name] for p in operation.params if p.location == "path"]
    keyword = {
        p.name: values[p.name]
        for p in operation.params
        if p.location != "path" and p.name in values
    }
    return positional, keyword


def to_data(value: Any) -> Any:
    """A result as JSON data: models and pages by their wire names, as the server sent them."""
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict(mode="json")
    if is_mapping(value):
        return {str(k): to_data(v) for k, v in value.items()}
    if is_array(value):
        return [to_data(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    model_dump = getattr(value, "model_dump", None)
    if callable(model_dump):
        return model_dump(mode="json", by_alias=True)
    return str(value)


_REPLACED = frozenset(
    {"id", "object", "type", "created", "model", "role", "index", "finish_reason", "status"}
    | {"system_fingerprint", "name"}
)
"""Keys whose string values each chunk repeats or sets once: replaced, never concatenated."""


def accumulate(into: Any, chunk: Any) -> Any:
    """Merge one stream chunk into the result so far: strings concatenate (but not those under
    identifying keys such as `id` or `role`), objects merge key by key, lists merge item by item
    (by their `index` when items have one), other values are replaced. Stream deltas
    (`choices[0].delta.content` pieces) add up to the whole text."""
    if into is None:
        return chunk
    if isinstance(into, str) and isinstance(chunk, str):
        return into + chunk
    if is_dict(into) and is_dict(chunk):
        merged: dict[Any, object] = dict(into)
        for key, value in chunk.items():
            if key in _REPLACED:
                if value is not None or key not in merged:
                    merged[key] = value
                continue
            merged[key] = accumulate(merged.get(key), value)
        return merged
    if is_list(into) and is_list(chunk):
        items: list[object] = list(into)
        for item in chunk:
            index = item.get("index") if is_dict(item) else None
            if isinstance(index, int):
                for position, existing in enumerate(items):
                    if is_dict(existing) and existing.get("index") == index:
                        items[position] = accumulate(existing, item)
                        break
                else:
                    items.append(item)
            else:
                items.append(item)
        return items
    return into if chunk is None else chunk


def secrets_of(table: Table, given: Mapping[str, Any]) -> list[str]:
    """The secret values in play: secret options given, and their environment variables."""
    found: list[str] = []
    for option in table.client_options:
        if not option.secret:
            continue
        for value in (given.get(option.name), os.environ.get(option.env) if option.env else None):
            if isinstance(value, str) and len(value) >= 4 and value not in found:
                found.append(value)
    return found


def redact(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret replaced by `***`."""
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


def describe_error(exc: BaseException) -> tuple[str, str | None]:
    """A one-line message for an SDK error (status, the server's message and error code), and
    the request id when the server sent one."""
    status = getattr(exc, "status_code", None)
    body: object = getattr(exc, "body", None)
    to_dict = getattr(body, "to_dict", None)
    if callable(to_dict):  # the error body the spec declares, a model of the whole JSON body
        body = to_dict()
        if is_mapping(body) and is_mapping(body.get("error")):
            body = body["error"]
    message = body.get("message") if is_mapping(body) else None
    if not isinstance(message, str) or not message:
        message = str(getattr(exc, "message", None) or exc) or type(exc).__name__
    code = getattr(exc, "code", None)
    if isinstance(code, str) and code and code not in message:
        message = f"{message} (code: {code})"
    if isinstance(status, int):
        message = f"{status}: {message}"
    request_id = getattr(exc, "request_id", None)
    return message, request_id if isinstance(request_id, str) else None
