"""The Streaming and AsyncStreaming clients."""

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
    from .resources.completions import (
        AsyncCompletions,
        AsyncCompletionsWithRawResponse,
        AsyncCompletionsWithStreamingResponse,
        Completions,
        CompletionsWithRawResponse,
        CompletionsWithStreamingResponse,
    )
    from .resources.events import (
        AsyncEvents,
        AsyncEventsWithRawResponse,
        AsyncEventsWithStreamingResponse,
        Events,
        EventsWithRawResponse,
        EventsWithStreamingResponse,
    )

__all__ = [
    "AsyncStreaming",
    "AsyncStreamingWithRawResponse",
    "AsyncStreamingWithStreamingResponse",
    "Streaming",
    "StreamingWithRawResponse",
    "StreamingWithStreamingResponse",
]

_AUTH = AuthSpec(
    {
        "bearerAuth": ApiKey("api_key", prefix="Bearer "),
    },
    default=(("bearerAuth",),),
    env={"api_key": "STREAMING_API_KEY"},
)
"""The API's security schemes and the constructor argument each one sends (see `_auth`)."""


class Streaming(SyncAPIClient):
    """Client for the Streaming."""

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

        `api_key` defaults to the `STREAMING_API_KEY` environment variable and `base_url` to
        `STREAMING_BASE_URL`, else https://api.example.com. `timeout` (seconds or an
        `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole call, retries
        included) apply to every request unless a call overrides them. `auth_hook(request)`,
        when given, may change every request before it is sent (request signing, or auth the
        spec does not describe).
        """
        if api_key is None:
            api_key = os.environ.get("STREAMING_API_KEY")
        if not api_key:
            raise SDKError("The api_key client option must be set either by passing api_key to the client or by setting the STREAMING_API_KEY environment variable")
        if base_url is None:
            base_url = os.environ.get("STREAMING_BASE_URL") or "https://api.example.com"
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
            user_agent="streaming-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @property
    def api_key(self) -> str:
        """The API key: HTTP bearer token, sent as `Authorization: Bearer <key>`
        (`api_key=`, else $STREAMING_API_KEY).
        """
        return self._credential("api_key") or ""
    @cached_property
    def completions(self) -> Completions:
        from .resources.completions import Completions

        return Completions(self)

    @cached_property
    def events(self) -> Events:
        from .resources.events import Events

        return Events(self)

    @cached_property
    def with_raw_response(self) -> StreamingWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return StreamingWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> StreamingWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return StreamingWithStreamingResponse(self)



class AsyncStreaming(AsyncAPIClient):
    """Async client for the Streaming."""

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

        `api_key` defaults to the `STREAMING_API_KEY` environment variable and `base_url` to
        `STREAMING_BASE_URL`, else https://api.example.com. `timeout` (seconds or an
        `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole call, retries
        included) apply to every request unless a call overrides them. `auth_hook(request)`,
        when given, may change every request before it is sent (request signing, or auth the
        spec does not describe).
        """
        if api_key is None:
            api_key = os.environ.get("STREAMING_API_KEY")
        if not api_key:
            raise SDKError("The api_key client option must be set either by passing api_key to the client or by setting the STREAMING_API_KEY environment variable")
        if base_url is None:
            base_url = os.environ.get("STREAMING_BASE_URL") or "https://api.example.com"
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
            user_agent="streaming-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @property
    def api_key(self) -> str:
        """The API key: HTTP bearer token, sent as `Authorization: Bearer <key>`
        (`api_key=`, else $STREAMING_API_KEY).
        """
        return self._credential("api_key") or ""
    @cached_property
    def completions(self) -> AsyncCompletions:
        from .resources.completions import AsyncCompletions

        return AsyncCompletions(self)

    @cached_property
    def events(self) -> AsyncEvents:
        from .resources.events import AsyncEvents

        return AsyncEvents(self)

    @cached_property
    def with_raw_response(self) -> AsyncStreamingWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncStreamingWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncStreamingWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncStreamingWithStreamingResponse(self)



class StreamingWithRawResponse:
    def __init__(self, client: Streaming) -> None:
        self._client = client

    @cached_property
    def completions(self) -> CompletionsWithRawResponse:
        from .resources.completions import CompletionsWithRawResponse

        return CompletionsWithRawResponse(self._client.completions)

    @cached_property
    def events(self) -> EventsWithRawResponse:
        from .resources.events import EventsWithRawResponse

        return EventsWithRawResponse(self._client.events)



class AsyncStreamingWithRawResponse:
    def __init__(self, client: AsyncStreaming) -> None:
        self._client = client

    @cached_property
    def completions(self) -> AsyncCompletionsWithRawResponse:
        from .resources.completions import AsyncCompletionsWithRawResponse

        return AsyncCompletionsWithRawResponse(self._client.completions)

    @cached_property
    def events(self) -> AsyncEventsWithRawResponse:
        from .resources.events import AsyncEventsWithRawResponse

        return AsyncEventsWithRawResponse(self._client.events)



class StreamingWithStreamingResponse:
    def __init__(self, client: Streaming) -> None:
        self._client = client

    @cached_property
    def completions(self) -> CompletionsWithStreamingResponse:
        from .resources.completions import CompletionsWithStreamingResponse

        return CompletionsWithStreamingResponse(self._client.completions)

    @cached_property
    def events(self) -> EventsWithStreamingResponse:
        from .resources.events import EventsWithStreamingResponse

        return EventsWithStreamingResponse(self._client.events)



class AsyncStreamingWithStreamingResponse:
    def __init__(self, client: AsyncStreaming) -> None:
        self._client = client

    @cached_property
    def completions(self) -> AsyncCompletionsWithStreamingResponse:
        from .resources.completions import AsyncCompletionsWithStreamingResponse

        return AsyncCompletionsWithStreamingResponse(self._client.completions)

    @cached_property
    def events(self) -> AsyncEventsWithStreamingResponse:
        from .resources.events import AsyncEventsWithStreamingResponse

        return AsyncEventsWithStreamingResponse(self._client.events)

