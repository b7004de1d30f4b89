from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import Any, cast

import httpx2

from .._resource import AsyncAPIResource, SyncAPIResource
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query, make_request_options
from .._utils import cached_property, path_param
from ..types.shape import Shape

__all__ = ["AsyncShapesResource", "AsyncShapesResourceWithRawResponse", "AsyncShapesResourceWithStreamingResponse", "ShapesResource", "ShapesResourceWithRawResponse", "ShapesResourceWithStreamingResponse"]


class ShapesResource(SyncAPIResource):
    """`client.shapes`."""

    @cached_property
    def with_raw_response(self) -> ShapesResourceWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return ShapesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ShapesResourceWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return ShapesResourceWithStreamingResponse(self)

    def retrieve(
        self,
        shape_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Shape:
        return cast(Shape, self._request(
            "get",
            f"/shapes/{path_param('shape_id', shape_id)}",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=cast(Any, Shape),
        ))


class AsyncShapesResource(AsyncAPIResource):
    """`client.shapes` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncShapesResourceWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncShapesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncShapesResourceWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncShapesResourceWithStreamingResponse(self)

    async def retrieve(
        self,
        shape_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Shape:
        return cast(Shape, await self._request(
            "get",
            f"/shapes/{path_param('shape_id', shape_id)}",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=cast(Any, Shape),
        ))


class ShapesResourceWithRawResponse:
    """`client.shapes.with_raw_response`."""

    def __init__(self, resource: ShapesResource) -> None:
        self._resource = resource
        self.retrieve: typing.Final = to_raw_response_wrapper(resource.retrieve)


class AsyncShapesResourceWithRawResponse:
    """`client.shapes.with_raw_response` (async)."""

    def __init__(self, resource: AsyncShapesResource) -> None:
        self._resource = resource
        self.retrieve: typing.Final = async_to_raw_response_wrapper(resource.retrieve)


class ShapesResourceWithStreamingResponse:
    """`client.shapes.with_streaming_response`."""

    def __init__(self, resource: ShapesResource) -> None:
        self._resource = resource
        self.retrieve: typing.Final = to_streamed_response_wrapper(resource.retrieve)


class AsyncShapesResourceWithStreamingResponse:
    """`client.shapes.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncShapesResource) -> None:
        self._resource = resource
        self.retrieve: typing.Final = async_to_streamed_response_wrapper(resource.retrieve)

