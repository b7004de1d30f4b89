"""The CursorPages and AsyncCursorPages clients."""

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
    from .resources.events import (
        AsyncEvents,
        AsyncEventsWithRawResponse,
        AsyncEventsWithStreamingResponse,
        Events,
        EventsWithRawResponse,
        EventsWithStreamingResponse,
    )
    from .resources.jobs import (
        AsyncJobs,
        AsyncJobsWithRawResponse,
        AsyncJobsWithStreamingResponse,
        Jobs,
        JobsWithRawResponse,
        JobsWithStreamingResponse,
    )
    from .resources.models import (
        AsyncModels,
        AsyncModelsWithRawResponse,
        AsyncModelsWithStreamingResponse,
        Models,
        ModelsWithRawResponse,
        ModelsWithStreamingResponse,
    )
    from .resources.reports import (
        AsyncReports,
        AsyncReportsWithRawResponse,
        AsyncReportsWithStreamingResponse,
        Reports,
        ReportsWithRawResponse,
        ReportsWithStreamingResponse,
    )

__all__ = [
    "AsyncCursorPages",
    "AsyncCursorPagesWithRawResponse",
    "AsyncCursorPagesWithStreamingResponse",
    "CursorPages",
    "CursorPagesWithRawResponse",
    "CursorPagesWithStreamingResponse",
]

_AUTH = AuthSpec(
    {
        "bearerAuth": ApiKey("api_key", prefix="Bearer "),
    },
    default=(("bearerAuth",),),
    env={"api_key": "CURSOR_PAGES_API_KEY"},
)
"""The API's security schemes and the constructor argument each one sends (see `_auth`)."""


class CursorPages(SyncAPIClient):
    """Client for the Cursor Pages."""

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

        `api_key` defaults to the `CURSOR_PAGES_API_KEY` environment variable and `base_url` to
        `CURSOR_PAGES_BASE_URL`, else https://api.example.com. `timeout` (seconds or an
        `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole call, retries
        included) apply to every request unless a call overrides them. `auth_hook(request)`,
        when given, may change every request before it is sent (request signing, or auth the
        spec does not describe).
        """
        if api_key is None:
            api_key = os.environ.get("CURSOR_PAGES_API_KEY")
        if not api_key:
            raise SDKError("The api_key client option must be set either by passing api_key to the client or by setting the CURSOR_PAGES_API_KEY environment variable")
        if base_url is None:
            base_url = os.environ.get("CURSOR_PAGES_BASE_URL") or "https://api.example.com"
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
            user_agent="cursor-pages-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @property
    def api_key(self) -> str:
        """The API key: HTTP bearer token, sent as `Authorization: Bearer <key>`
        (`api_key=`, else $CURSOR_PAGES_API_KEY).
        """
        return self._credential("api_key") or ""
    @cached_property
    def events(self) -> Events:
        from .resources.events import Events

        return Events(self)

    @cached_property
    def jobs(self) -> Jobs:
        from .resources.jobs import Jobs

        return Jobs(self)

    @cached_property
    def models(self) -> Models:
        from .resources.models import Models

        return Models(self)

    @cached_property
    def reports(self) -> Reports:
        from .resources.reports import Reports

        return Reports(self)

    @cached_property
    def with_raw_response(self) -> CursorPagesWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return CursorPagesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> CursorPagesWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return CursorPagesWithStreamingResponse(self)



class AsyncCursorPages(AsyncAPIClient):
    """Async client for the Cursor Pages."""

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

        `api_key` defaults to the `CURSOR_PAGES_API_KEY` environment variable and `base_url` to
        `CURSOR_PAGES_BASE_URL`, else https://api.example.com. `timeout` (seconds or an
        `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole call, retries
        included) apply to every request unless a call overrides them. `auth_hook(request)`,
        when given, may change every request before it is sent (request signing, or auth the
        spec does not describe).
        """
        if api_key is None:
            api_key = os.environ.get("CURSOR_PAGES_API_KEY")
        if not api_key:
            raise SDKError("The api_key client option must be set either by passing api_key to the client or by setting the CURSOR_PAGES_API_KEY environment variable")
        if base_url is None:
            base_url = os.environ.get("CURSOR_PAGES_BASE_URL") or "https://api.example.com"
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
            user_agent="cursor-pages-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @property
    def api_key(self) -> str:
        """The API key: HTTP bearer token, sent as `Authorization: Bearer <key>`
        (`api_key=`, else $CURSOR_PAGES_API_KEY).
        """
        return self._credential("api_key") or ""
    @cached_property
    def events(self) -> AsyncEvents:
        from .resources.events import AsyncEvents

        return AsyncEvents(self)

    @cached_property
    def jobs(self) -> AsyncJobs:
        from .resources.jobs import AsyncJobs

        return AsyncJobs(self)

    @cached_property
    def models(self) -> AsyncModels:
        from .resources.models import AsyncModels

        return AsyncModels(self)

    @cached_property
    def reports(self) -> AsyncReports:
        from .resources.reports import AsyncReports

        return AsyncReports(self)

    @cached_property
    def with_raw_response(self) -> AsyncCursorPagesWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncCursorPagesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncCursorPagesWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncCursorPagesWithStreamingResponse(self)



class CursorPagesWithRawResponse:
    def __init__(self, client: CursorPages) -> None:
        self._client = client

    @cached_property
    def events(self) -> EventsWithRawResponse:
        from .resources.events import EventsWithRawResponse

        return EventsWithRawResponse(self._client.events)

    @cached_property
    def jobs(self) -> JobsWithRawResponse:
        from .resources.jobs import JobsWithRawResponse

        return JobsWithRawResponse(self._client.jobs)

    @cached_property
    def models(self) -> ModelsWithRawResponse:
        from .resources.models import ModelsWithRawResponse

        return ModelsWithRawResponse(self._client.models)

    @cached_property
    def reports(self) -> ReportsWithRawResponse:
        from .resources.reports import ReportsWithRawResponse

        return ReportsWithRawResponse(self._client.reports)



class AsyncCursorPagesWithRawResponse:
    def __init__(self, client: AsyncCursorPages) -> None:
        self._client = client

    @cached_property
    def events(self) -> AsyncEventsWithRawResponse:
        from .resources.events import AsyncEventsWithRawResponse

        return AsyncEventsWithRawResponse(self._client.events)

    @cached_property
    def jobs(self) -> AsyncJobsWithRawResponse:
        from .resources.jobs import AsyncJobsWithRawResponse

        return AsyncJobsWithRawResponse(self._client.jobs)

    @cached_property
    def models(self) -> AsyncModelsWithRawResponse:
        from .resources.models import AsyncModelsWithRawResponse

        return AsyncModelsWithRawResponse(self._client.models)

    @cached_property
    def reports(self) -> AsyncReportsWithRawResponse:
        from .resources.reports import AsyncReportsWithRawResponse

        return AsyncReportsWithRawResponse(self._client.reports)



class CursorPagesWithStreamingResponse:
    def __init__(self, client: CursorPages) -> None:
        self._client = client

    @cached_property
    def events(self) -> EventsWithStreamingResponse:
        from .resources.events import EventsWithStreamingResponse

        return EventsWithStreamingResponse(self._client.events)

    @cached_property
    def jobs(self) -> JobsWithStreamingResponse:
        from .resources.jobs import JobsWithStreamingResponse

        return JobsWithStreamingResponse(self._client.jobs)

    @cached_property
    def models(self) -> ModelsWithStreamingResponse:
        from .resources.models import ModelsWithStreamingResponse

        return ModelsWithStreamingResponse(self._client.models)

    @cached_property
    def reports(self) -> ReportsWithStreamingResponse:
        from .resources.reports import ReportsWithStreamingResponse

        return ReportsWithStreamingResponse(self._client.reports)



class AsyncCursorPagesWithStreamingResponse:
    def __init__(self, client: AsyncCursorPages) -> None:
        self._client = client

    @cached_property
    def events(self) -> AsyncEventsWithStreamingResponse:
        from .resources.events import AsyncEventsWithStreamingResponse

        return AsyncEventsWithStreamingResponse(self._client.events)

    @cached_property
    def jobs(self) -> AsyncJobsWithStreamingResponse:
        from .resources.jobs import AsyncJobsWithStreamingResponse

        return AsyncJobsWithStreamingResponse(self._client.jobs)

    @cached_property
    def models(self) -> AsyncModelsWithStreamingResponse:
        from .resources.models import AsyncModelsWithStreamingResponse

        return AsyncModelsWithStreamingResponse(self._client.models)

    @cached_property
    def reports(self) -> AsyncReportsWithStreamingResponse:
        from .resources.reports import AsyncReportsWithStreamingResponse

        return AsyncReportsWithStreamingResponse(self._client.reports)

