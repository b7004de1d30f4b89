"""The Crud and AsyncCrud clients."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import httpx2

from ._auth import ApiKey, AuthHook, AuthSpec
from ._base_client import AsyncAPIClient, SyncAPIClient
from ._core import DEFAULT_MAX_RETRIES
from ._exceptions import SDKError
from ._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout
from ._utils import cached_property
from ._version import __version__

if TYPE_CHECKING:
    from .resources.widgets import (
        AsyncWidgets,
        AsyncWidgetsWithRawResponse,
        AsyncWidgetsWithStreamingResponse,
        Widgets,
        WidgetsWithRawResponse,
        WidgetsWithStreamingResponse,
    )

__all__ = [
    "AsyncCrud",
    "AsyncCrudWithRawResponse",
    "AsyncCrudWithStreamingResponse",
    "Crud",
    "CrudWithRawResponse",
    "CrudWithStreamingResponse",
]

_AUTH = AuthSpec(
    {
        "bearerAuth": ApiKey("api_key", prefix="Bearer "),
    },
    default=(("bearerAuth",),),
    env={"api_key": "CRUD_API_KEY"},
)
"""The API's security schemes and the constructor argument each one sends (see `_auth`)."""


class Crud(SyncAPIClient):
    """Create"""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        auth_hook: AuthHook | None = None,
        base_url: str | httpx2.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        deadline: float | None = None,
        default_headers: Headers | None = None,
        default_query: Query | None = None,
        http_client: httpx2.Client | None = None,
        stream_idle_timeout: float | None = None,
        strict_response_validation: bool = False,
    ) -> None:
        """Create a client.

        `api_key` defaults to the `CRUD_API_KEY` environment variable and `base_url` to
        `CRUD_BASE_URL`, else https://api.example.com. `timeout` (seconds or an
        `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole call, retries
        included) apply to every request unless a call overrides them. `auth_hook(request)`,
        when given, may change every request before it is sent (request signing, or auth the
        spec does not describe).
        """
        if api_key is None:
            api_key = os.environ.get("CRUD_API_KEY")
        if not api_key:
            raise SDKError("The api_key client option must be set either by passing api_key to the client or by setting the CRUD_API_KEY environment variable")
        if base_url is None:
            base_url = os.environ.get("CRUD_BASE_URL") or "https://api.example.com"
        super().__init__(
            auth=_AUTH,
            credentials={"api_key": api_key},
            auth_hook=auth_hook,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            deadline=deadline,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            idempotency_header=None,
            user_agent="crud-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @property
    def api_key(self) -> str:
        """The API key: HTTP bearer token, sent as `Authorization: Bearer <key>`
        (`api_key=`, else $CRUD_API_KEY).
        """
        return self._credential("api_key") or ""
    @cached_property
    def widgets(self) -> Widgets:
        from .resources.widgets import Widgets

        return Widgets(self)

    @cached_property
    def with_raw_response(self) -> CrudWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return CrudWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> CrudWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return CrudWithStreamingResponse(self)



class AsyncCrud(AsyncAPIClient):
    """Create"""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        auth_hook: AuthHook | None = None,
        base_url: str | httpx2.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        deadline: float | None = None,
        default_headers: Headers | None = None,
        default_query: Query | None = None,
        http_client: httpx2.AsyncClient | None = None,
        stream_idle_timeout: float | None = None,
        strict_response_validation: bool = False,
    ) -> None:
        """Create a client.

        `api_key` defaults to the `CRUD_API_KEY` environment variable and `base_url` to
        `CRUD_BASE_URL`, else https://api.example.com. `timeout` (seconds or an
        `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole call, retries
        included) apply to every request unless a call overrides them. `auth_hook(request)`,
        when given, may change every request before it is sent (request signing, or auth the
        spec does not describe).
        """
        if api_key is None:
            api_key = os.environ.get("CRUD_API_KEY")
        if not api_key:
            raise SDKError("The api_key client option must be set either by passing api_key to the client or by setting the CRUD_API_KEY environment variable")
        if base_url is None:
            base_url = os.environ.get("CRUD_BASE_URL") or "https://api.example.com"
        super().__init__(
            auth=_AUTH,
            credentials={"api_key": api_key},
            auth_hook=auth_hook,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            deadline=deadline,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            idempotency_header=None,
            user_agent="crud-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @property
    def api_key(self) -> str:
        """The API key: HTTP bearer token, sent as `Authorization: Bearer <key>`
        (`api_key=`, else $CRUD_API_KEY).
        """
        return self._credential("api_key") or ""
    @cached_property
    def widgets(self) -> AsyncWidgets:
        from .resources.widgets import AsyncWidgets

        return AsyncWidgets(self)

    @cached_property
    def with_raw_response(self) -> AsyncCrudWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncCrudWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncCrudWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncCrudWithStreamingResponse(self)



class CrudWithRawResponse:
    def __init__(self, client: Crud) -> None:
        self._client = client

    @cached_property
    def widgets(self) -> WidgetsWithRawResponse:
        from .resources.widgets import WidgetsWithRawResponse

        return WidgetsWithRawResponse(self._client.widgets)



class AsyncCrudWithRawResponse:
    def __init__(self, client: AsyncCrud) -> None:
        self._client = client

    @cached_property
    def widgets(self) -> AsyncWidgetsWithRawResponse:
        from .resources.widgets import AsyncWidgetsWithRawResponse

        return AsyncWidgetsWithRawResponse(self._client.widgets)



class CrudWithStreamingResponse:
    def __init__(self, client: Crud) -> None:
        self._client = client

    @cached_property
    def widgets(self) -> WidgetsWithStreamingResponse:
        from .resources.widgets import WidgetsWithStreamingResponse

        return WidgetsWithStreamingResponse(self._client.widgets)



class AsyncCrudWithStreamingResponse:
    def __init__(self, client: AsyncCrud) -> None:
        self._client = client

    @cached_property
    def widgets(self) -> AsyncWidgetsWithStreamingResponse:
        from .resources.widgets import AsyncWidgetsWithStreamingResponse

        return AsyncWidgetsWithStreamingResponse(self._client.widgets)

