from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import Any, cast

import httpx2

from ..._resource import AsyncAPIResource, SyncAPIResource
from ..._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from ..._types import NOT_GIVEN, Headers, NotGiven, Query, make_request_options
from ..._utils import cached_property
from ...types.record import Record

__all__ = ["All", "AllWithRawResponse", "AllWithStreamingResponse", "AsyncAll", "AsyncAllWithRawResponse", "AsyncAllWithStreamingResponse"]


class All(SyncAPIResource):
    """`client.class_.all`."""

    @cached_property
    def with_raw_response(self) -> AllWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AllWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AllWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AllWithStreamingResponse(self)

    def list(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> list[Record]:
        return cast(list[Record], self._request(
            "get",
            "/class/all",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=cast(Any, list[Record]),
        ))


class AsyncAll(AsyncAPIResource):
    """`client.class_.all` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncAllWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncAllWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncAllWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncAllWithStreamingResponse(self)

    async def list(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> list[Record]:
        return cast(list[Record], await self._request(
            "get",
            "/class/all",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=cast(Any, list[Record]),
        ))


class AllWithRawResponse:
    """`client.class_.all.with_raw_response`."""

    def __init__(self, resource: All) -> None:
        self._resource = resource
        self.list: typing.Final = to_raw_response_wrapper(resource.list)


class AsyncAllWithRawResponse:
    """`client.class_.all.with_raw_response` (async)."""

    def __init__(self, resource: AsyncAll) -> None:
        self._resource = resource
        self.list: typing.Final = async_to_raw_response_wrapper(resource.list)


class AllWithStreamingResponse:
    """`client.class_.all.with_streaming_response`."""

    def __init__(self, resource: All) -> None:
        self._resource = resource
        self.list: typing.Final = to_streamed_response_wrapper(resource.list)


class AsyncAllWithStreamingResponse:
    """`client.class_.all.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncAll) -> None:
        self._resource = resource
        self.list: typing.Final = async_to_streamed_response_wrapper(resource.list)

