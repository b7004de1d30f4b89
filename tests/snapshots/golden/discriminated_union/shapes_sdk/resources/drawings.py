from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence

import httpx2

from .._resource import AsyncAPIResource, SyncAPIResource
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query, make_request_options
from .._utils import cached_property
from ..types.drawing import Drawing
from ..types.shape_param import ShapeParam

__all__ = ["AsyncDrawings", "AsyncDrawingsWithRawResponse", "AsyncDrawingsWithStreamingResponse", "Drawings", "DrawingsWithRawResponse", "DrawingsWithStreamingResponse"]


class Drawings(SyncAPIResource):
    """`client.drawings`."""

    @cached_property
    def with_raw_response(self) -> DrawingsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return DrawingsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> DrawingsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return DrawingsWithStreamingResponse(self)

    def create(
        self,
        *,
        shapes: Sequence[ShapeParam],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Drawing:
        return self._request(
            "post",
            "/drawings",
            body={
                "shapes": shapes,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Drawing,
        )


class AsyncDrawings(AsyncAPIResource):
    """`client.drawings` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncDrawingsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncDrawingsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncDrawingsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncDrawingsWithStreamingResponse(self)

    async def create(
        self,
        *,
        shapes: Sequence[ShapeParam],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Drawing:
        return await self._request(
            "post",
            "/drawings",
            body={
                "shapes": shapes,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Drawing,
        )


class DrawingsWithRawResponse:
    """`client.drawings.with_raw_response`."""

    def __init__(self, resource: Drawings) -> None:
        self._resource = resource
        self.create: typing.Final = to_raw_response_wrapper(resource.create)


class AsyncDrawingsWithRawResponse:
    """`client.drawings.with_raw_response` (async)."""

    def __init__(self, resource: AsyncDrawings) -> None:
        self._resource = resource
        self.create: typing.Final = async_to_raw_response_wrapper(resource.create)


class DrawingsWithStreamingResponse:
    """`client.drawings.with_streaming_response`."""

    def __init__(self, resource: Drawings) -> None:
        self._resource = resource
        self.create: typing.Final = to_streamed_response_wrapper(resource.create)


class AsyncDrawingsWithStreamingResponse:
    """`client.drawings.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncDrawings) -> None:
        self._resource = resource
        self.create: typing.Final = async_to_streamed_response_wrapper(resource.create)

