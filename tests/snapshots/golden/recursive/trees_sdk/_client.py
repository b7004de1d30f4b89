"""The Trees and AsyncTrees clients."""

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
    from .resources.trees import (
        AsyncTreesResource,
        AsyncTreesResourceWithRawResponse,
        AsyncTreesResourceWithStreamingResponse,
        TreesResource,
        TreesResourceWithRawResponse,
        TreesResourceWithStreamingResponse,
    )

__all__ = [
    "AsyncTrees",
    "AsyncTreesWithRawResponse",
    "AsyncTreesWithStreamingResponse",
    "Trees",
    "TreesWithRawResponse",
    "TreesWithStreamingResponse",
]

_AUTH = AuthSpec(
    {
        "bearerAuth": ApiKey("api_key", prefix="Bearer "),
    },
    default=(("bearerAuth",),),
    env={"api_key": "TREES_API_KEY"},
)
"""The API's security schemes and the constructor argument each one sends (see `_auth`)."""


class Trees(SyncAPIClient):
    """Client for the Trees."""

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

        `api_key` defaults to the `TREES_API_KEY` environment variable and `base_url` to
        `TREES_BASE_URL`, else https://api.example.com. `timeout` (seconds or an
        `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole call, retries
        included) apply to every request unless a call overrides them. `auth_hook(request)`,
        when given, may change every request before it is sent (request signing, or auth the
        spec does not describe).
        """
        if api_key is None:
            api_key = os.environ.get("TREES_API_KEY")
        if not api_key:
            raise SDKError("The api_key client option must be set either by passing api_key to the client or by setting the TREES_API_KEY environment variable")
        if base_url is None:
            base_url = os.environ.get("TREES_BASE_URL") or "https://api.example.com"
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
            user_agent="trees-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @property
    def api_key(self) -> str:
        """The API key: HTTP bearer token, sent as `Authorization: Bearer <key>`
        (`api_key=`, else $TREES_API_KEY).
        """
        return self._credential("api_key") or ""
    @cached_property
    def trees(self) -> TreesResource:
        from .resources.trees import TreesResource

        return TreesResource(self)

    @cached_property
    def with_raw_response(self) -> TreesWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return TreesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> TreesWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return TreesWithStreamingResponse(self)



class AsyncTrees(AsyncAPIClient):
    """Async client for the Trees."""

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

        `api_key` defaults to the `TREES_API_KEY` environment variable and `base_url` to
        `TREES_BASE_URL`, else https://api.example.com. `timeout` (seconds or an
        `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole call, retries
        included) apply to every request unless a call overrides them. `auth_hook(request)`,
        when given, may change every request before it is sent (request signing, or auth the
        spec does not describe).
        """
        if api_key is None:
            api_key = os.environ.get("TREES_API_KEY")
        if not api_key:
            raise SDKError("The api_key client option must be set either by passing api_key to the client or by setting the TREES_API_KEY environment variable")
        if base_url is None:
            base_url = os.environ.get("TREES_BASE_URL") or "https://api.example.com"
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
            user_agent="trees-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @property
    def api_key(self) -> str:
        """The API key: HTTP bearer token, sent as `Authorization: Bearer <key>`
        (`api_key=`, else $TREES_API_KEY).
        """
        return self._credential("api_key") or ""
    @cached_property
    def trees(self) -> AsyncTreesResource:
        from .resources.trees import AsyncTreesResource

        return AsyncTreesResource(self)

    @cached_property
    def with_raw_response(self) -> AsyncTreesWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncTreesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncTreesWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncTreesWithStreamingResponse(self)



class TreesWithRawResponse:
    def __init__(self, client: Trees) -> None:
        self._client = client

    @cached_property
    def trees(self) -> TreesResourceWithRawResponse:
        from .resources.trees import TreesResourceWithRawResponse

        return TreesResourceWithRawResponse(self._client.trees)



class AsyncTreesWithRawResponse:
    def __init__(self, client: AsyncTrees) -> None:
        self._client = client

    @cached_property
    def trees(self) -> AsyncTreesResourceWithRawResponse:
        from .resources.trees import AsyncTreesResourceWithRawResponse

        return AsyncTreesResourceWithRawResponse(self._client.trees)



class TreesWithStreamingResponse:
    def __init__(self, client: Trees) -> None:
        self._client = client

    @cached_property
    def trees(self) -> TreesResourceWithStreamingResponse:
        from .resources.trees import TreesResourceWithStreamingResponse

        return TreesResourceWithStreamingResponse(self._client.trees)



class AsyncTreesWithStreamingResponse:
    def __init__(self, client: AsyncTrees) -> None:
        self._client = client

    @cached_property
    def trees(self) -> AsyncTreesResourceWithStreamingResponse:
        from .resources.trees import AsyncTreesResourceWithStreamingResponse

        return AsyncTreesResourceWithStreamingResponse(self._client.trees)

