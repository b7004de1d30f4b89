from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import cast

import httpx2

from .._resource import AsyncAPIResource, SyncAPIResource
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._streaming import AsyncStream, Stream
from .._types import NOT_GIVEN, Headers, NotGiven, Query, make_request_options
from .._utils import cached_property
from ..types.event_retrieve_chunk import EventRetrieveChunk

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

    def retrieve(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Stream[EventRetrieveChunk]:
        """Follow the event log."""
        return cast(Stream[EventRetrieveChunk], self._request(
            "get",
            "/events",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=EventRetrieveChunk,
            stream=True,
            stream_cls=Stream[EventRetrieveChunk],
        ))


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

    async def retrieve(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> AsyncStream[EventRetrieveChunk]:
        """Follow the event log."""
        return cast(AsyncStream[EventRetrieveChunk], await self._request(
            "get",
            "/events",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=EventRetrieveChunk,
            stream=True,
            stream_cls=AsyncStream[EventRetrieveChunk],
        ))


class EventsWithRawResponse:
    """`client.events.with_raw_response`."""

    def __init__(self, resource: Events) -> None:
        self._resource = resource
        self.retrieve: typing.Final = to_raw_response_wrapper(resource.retrieve)


class AsyncEventsWithRawResponse:
    """`client.events.with_raw_response` (async)."""

    def __init__(self, resource: AsyncEvents) -> None:
        self._resource = resource
        self.retrieve: typing.Final = async_to_raw_response_wrapper(resource.retrieve)


class EventsWithStreamingResponse:
    """`client.events.with_streaming_response`."""

    def __init__(self, resource: Events) -> None:
        self._resource = resource
        self.retrieve: typing.Final = to_streamed_response_wrapper(resource.retrieve)


class AsyncEventsWithStreamingResponse:
    """`client.events.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncEvents) -> None:
        self._resource = resource
        self.retrieve: typing.Final = async_to_streamed_response_wrapper(resource.retrieve)

