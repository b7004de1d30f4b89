"""The Shapes and AsyncShapes clients."""

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
    from .resources.drawings import (
        AsyncDrawings,
        AsyncDrawingsWithRawResponse,
        AsyncDrawingsWithStreamingResponse,
        Drawings,
        DrawingsWithRawResponse,
        DrawingsWithStreamingResponse,
    )
    from .resources.shapes import (
        AsyncShapesResource,
        AsyncShapesResourceWithRawResponse,
        AsyncShapesResourceWithStreamingResponse,
        ShapesResource,
        ShapesResourceWithRawResponse,
        ShapesResourceWithStreamingResponse,
    )

__all__ = [
    "AsyncShapes",
    "AsyncShapesWithRawResponse",
    "AsyncShapesWithStreamingResponse",
    "Shapes",
    "ShapesWithRawResponse",
    "ShapesWithStreamingResponse",
]

_AUTH = AuthSpec(
    {
        "bearerAuth": ApiKey("api_key", prefix="Bearer "),
    },
    default=(("bearerAuth",),),
    env={"api_key": "SHAPES_API_KEY"},
)
"""The API's security schemes and the constructor argument each one sends (see `_auth`)."""


class Shapes(SyncAPIClient):
    """Client for the Shapes."""

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

        `api_key` defaults to the `SHAPES_API_KEY` environment variable and `base_url` to
        `SHAPES_BASE_URL`, else https://api.example.com. `timeout` (seconds or an
        `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole call, retries
        included) apply to every request unless a call overrides them. `auth_hook(request)`,
        when given, may change every request before it is sent (request signing, or auth the
        spec does not describe).
        """
        if api_key is None:
            api_key = os.environ.get("SHAPES_API_KEY")
        if not api_key:
            raise SDKError("The api_key client option must be set either by passing api_key to the client or by setting the SHAPES_API_KEY environment variable")
        if base_url is None:
            base_url = os.environ.get("SHAPES_BASE_URL") or "https://api.example.com"
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
            user_agent="shapes-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @property
    def api_key(self) -> str:
        """The API key: HTTP bearer token, sent as `Authorization: Bearer <key>`
        (`api_key=`, else $SHAPES_API_KEY).
        """
        return self._credential("api_key") or ""
    @cached_property
    def drawings(self) -> Drawings:
        from .resources.drawings import Drawings

        return Drawings(self)

    @cached_property
    def shapes(self) -> ShapesResource:
        from .resources.shapes import ShapesResource

        return ShapesResource(self)

    @cached_property
    def with_raw_response(self) -> ShapesWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return ShapesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ShapesWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return ShapesWithStreamingResponse(self)



class AsyncShapes(AsyncAPIClient):
    """Async client for the Shapes."""

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

        `api_key` defaults to the `SHAPES_API_KEY` environment variable and `base_url` to
        `SHAPES_BASE_URL`, else https://api.example.com. `timeout` (seconds or an
        `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole call, retries
        included) apply to every request unless a call overrides them. `auth_hook(request)`,
        when given, may change every request before it is sent (request signing, or auth the
        spec does not describe).
        """
        if api_key is None:
            api_key = os.environ.get("SHAPES_API_KEY")
        if not api_key:
            raise SDKError("The api_key client option must be set either by passing api_key to the client or by setting the SHAPES_API_KEY environment variable")
        if base_url is None:
            base_url = os.environ.get("SHAPES_BASE_URL") or "https://api.example.com"
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
            user_agent="shapes-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @property
    def api_key(self) -> str:
        """The API key: HTTP bearer token, sent as `Authorization: Bearer <key>`
        (`api_key=`, else $SHAPES_API_KEY).
        """
        return self._credential("api_key") or ""
    @cached_property
    def drawings(self) -> AsyncDrawings:
        from .resources.drawings import AsyncDrawings

        return AsyncDrawings(self)

    @cached_property
    def shapes(self) -> AsyncShapesResource:
        from .resources.shapes import AsyncShapesResource

        return AsyncShapesResource(self)

    @cached_property
    def with_raw_response(self) -> AsyncShapesWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncShapesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncShapesWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncShapesWithStreamingResponse(self)



class ShapesWithRawResponse:
    def __init__(self, client: Shapes) -> None:
        self._client = client

    @cached_property
    def drawings(self) -> DrawingsWithRawResponse:
        from .resources.drawings import DrawingsWithRawResponse

        return DrawingsWithRawResponse(self._client.drawings)

    @cached_property
    def shapes(self) -> ShapesResourceWithRawResponse:
        from .resources.shapes import ShapesResourceWithRawResponse

        return ShapesResourceWithRawResponse(self._client.shapes)



class AsyncShapesWithRawResponse:
    def __init__(self, client: AsyncShapes) -> None:
        self._client = client

    @cached_property
    def drawings(self) -> AsyncDrawingsWithRawResponse:
        from .resources.drawings import AsyncDrawingsWithRawResponse

        return AsyncDrawingsWithRawResponse(self._client.drawings)

    @cached_property
    def shapes(self) -> AsyncShapesResourceWithRawResponse:
        from .resources.shapes import AsyncShapesResourceWithRawResponse

        return AsyncShapesResourceWithRawResponse(self._client.shapes)



class ShapesWithStreamingResponse:
    def __init__(self, client: Shapes) -> None:
        self._client = client

    @cached_property
    def drawings(self) -> DrawingsWithStreamingResponse:
        from .resources.drawings import DrawingsWithStreamingResponse

        return DrawingsWithStreamingResponse(self._client.drawings)

    @cached_property
    def shapes(self) -> ShapesResourceWithStreamingResponse:
        from .resources.shapes import ShapesResourceWithStreamingResponse

        return ShapesResourceWithStreamingResponse(self._client.shapes)



class AsyncShapesWithStreamingResponse:
    def __init__(self, client: AsyncShapes) -> None:
        self._client = client

    @cached_property
    def drawings(self) -> AsyncDrawingsWithStreamingResponse:
        from .resources.drawings import AsyncDrawingsWithStreamingResponse

        return AsyncDrawingsWithStreamingResponse(self._client.drawings)

    @cached_property
    def shapes(self) -> AsyncShapesResourceWithStreamingResponse:
        from .resources.shapes import AsyncShapesResourceWithStreamingResponse

        return AsyncShapesResourceWithStreamingResponse(self._client.shapes)

