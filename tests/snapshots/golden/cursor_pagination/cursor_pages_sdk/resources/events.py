from __future__ import annotations

import typing
from collections.abc import Mapping

import httpx2

from .._pagination import AsyncNextUrlPage, AsyncPaginator, SyncNextUrlPage
from .._resource import AsyncAPIResource, SyncAPIResource
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query, make_request_options
from .._utils import cached_property
from ..types.job import Job

__all__ = ["AsyncEvents", "AsyncEventsWithRawResponse", "AsyncEventsWithStreamingResponse", "Events", "EventsWithRawResponse", "EventsWithStreamingResponse"]


class Events(SyncAPIResource):
    """`client.events`."""

    @cached_property
    def with_raw_response(self) -> EventsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return EventsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> EventsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return EventsWithStreamingResponse(self)

    def list(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> SyncNextUrlPage[Job]:
        """Events, linked by the URL of the next page."""
        return self._request_page(
            "get",
            "/events",
            page=SyncNextUrlPage[Job],
            query={
                "limit": limit,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
        )


class AsyncEvents(AsyncAPIResource):
    """`client.events` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncEventsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncEventsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncEventsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncEventsWithStreamingResponse(self)

    def list(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[Job, AsyncNextUrlPage[Job]]:
        """Events, linked by the URL of the next page."""
        return self._request_page(
            "get",
            "/events",
            page=AsyncNextUrlPage[Job],
            query={
                "limit": limit,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
        )


class EventsWithRawResponse:
    """`client.events.with_raw_response`."""

    def __init__(self, resource: Events) -> None:
        self._resource = resource
        self.list: typing.Final = to_raw_response_wrapper(resource.list)


class AsyncEventsWithRawResponse:
    """`client.events.with_raw_response` (async)."""

    def __init__(self, resource: AsyncEvents) -> None:
        self._resource = resource
        self.list: typing.Final = async_to_raw_response_wrapper(resource.list)


class EventsWithStreamingResponse:
    """`client.events.with_streaming_response`."""

    def __init__(self, resource: Events) -> None:
        self._resource = resource
        self.list: typing.Final = to_streamed_response_wrapper(resource.list)


class AsyncEventsWithStreamingResponse:
    """`client.events.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncEvents) -> None:
        self._resource = resource
        self.list: typing.Final = async_to_streamed_response_wrapper(resource.list)

