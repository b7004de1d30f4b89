"""Small input-validation helpers shared by generated code and the runtime, and `HttpPool`."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from functools import cached_property
from typing import Callable, Generic, TypeVar
from urllib.parse import quote

import httpx2

from ._types import NotGiven

_HttpxT = TypeVar("_HttpxT", httpx2.Client, httpx2.AsyncClient)
_CREATE_LOCK = threading.Lock()

__all__ = [
    "HttpPool",
    "cached_property",
    "check_header",
    "mask_secret",
    "path_param",
    "strip_not_given",
]


def path_param(name: str, value: object) -> str:
    """Validate and percent-encode one path parameter so it stays a single URL segment.

    Raises `ValueError` naming the parameter before any request is sent when the value is
    empty or `None`, or when it is `.`/`..` (which would walk up the URL path). `/`, `?`,
    `#` and `%` are percent-encoded, so a value cannot escape its segment.

    >>> path_param("file_id", "a/b")
    'a%2Fb'
    """
    if value is None or isinstance(value, NotGiven) or value == "":
        raise ValueError(f"Expected a non-empty value for `{name}` but received {value!r}")
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"Expected `{name}` to be a str or int but received {type(value).__name__}")
    text = str(value)
    if text in (".", ".."):
        raise ValueError(f"`{name}` cannot be {text!r}: it would change the request path")
    return quote(text, safe="")


def check_header(name: str, value: object) -> str:
    """Return `value` if it is a valid single-line header value, else raise naming the header.

    CR or LF in a value would let it smuggle extra headers into the request. The value itself
    is never echoed (it may be a credential).
    """
    if not isinstance(value, str):
        raise TypeError(f"Header {name!r} must be a str, not {type(value).__name__}")
    if "\r" in value or "\n" in value or "\r" in name or "\n" in name:
        raise ValueError(
            f"Header {name!r} contains a CR or LF character; header values must be one line"
        )
    return value


def strip_not_given(mapping: Mapping[str, object] | None) -> dict[str, object]:
    """Copy `mapping` without its top-level `NOT_GIVEN` values (`None` is kept)."""
    if not mapping:
        return {}
    return {key: value for key, value in mapping.items() if not isinstance(value, NotGiven)}


def mask_secret(secret: str) -> str:
    """Show at most the last four characters of a secret, and only when it is long."""
    if len(secret) >= 16:
        return "****" + secret[-4:]
    return "****"


class HttpPool(Generic[_HttpxT]):
    """The httpx2 client of a client and of the copies sharing it, created on first use."""

    __slots__ = ("_factory", "client", "closed")
    client: _HttpxT | None
    closed: bool
    _factory: Callable[[], _HttpxT]

    def __init__(self, client: _HttpxT | None, factory: Callable[[], _HttpxT]) -> None:
        self.client = client
        self.closed = False  # closed before it was ever created
        self._factory = factory

    def get(self) -> _HttpxT:
        client = self.client
        if client is None:
            with _CREATE_LOCK:  # two threads' first requests must not build two pools
                client = self.client
                if client is None:
                    if self.closed:
                        raise RuntimeError("Cannot send a request, as the client has been closed.")
                    client = self.client = self._factory()
        return client

    def is_closed(self) -> bool:
        return self.closed if self.client is None else self.client.is_closed
