from __future__ import annotations

import typing
from collections.abc import Mapping

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
from ..types.brand import Brand

__all__ = ["AsyncBrands", "AsyncBrandsWithRawResponse", "AsyncBrandsWithStreamingResponse", "Brands", "BrandsWithRawResponse", "BrandsWithStreamingResponse"]


class Brands(SyncAPIResource):
    """`client.brands`."""

    @cached_property
    def with_raw_response(self) -> BrandsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return BrandsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> BrandsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return BrandsWithStreamingResponse(self)

    def retrieve(
        self,
        sid: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Brand:
        return self._request(
            "get",
            f"/brands/{path_param('sid', sid)}",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Brand,
        )


class AsyncBrands(AsyncAPIResource):
    """`client.brands` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncBrandsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncBrandsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncBrandsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncBrandsWithStreamingResponse(self)

    async def retrieve(
        self,
        sid: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Brand:
        return await self._request(
            "get",
            f"/brands/{path_param('sid', sid)}",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Brand,
        )


class BrandsWithRawResponse:
    """`client.brands.with_raw_response`."""

    def __init__(self, resource: Brands) -> None:
        self._resource = resource
        self.retrieve: typing.Final = to_raw_response_wrapper(resource.retrieve)


class AsyncBrandsWithRawResponse:
    """`client.brands.with_raw_response` (async)."""

    def __init__(self, resource: AsyncBrands) -> None:
        self._resource = resource
        self.retrieve: typing.Final = async_to_raw_response_wrapper(resource.retrieve)


class BrandsWithStreamingResponse:
    """`client.brands.with_streaming_response`."""

    def __init__(self, resource: Brands) -> None:
        self._resource = resource
        self.retrieve: typing.Final = to_streamed_response_wrapper(resource.retrieve)


class AsyncBrandsWithStreamingResponse:
    """`client.brands.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncBrands) -> None:
        self._resource = resource
        self.retrieve: typing.Final = async_to_streamed_response_wrapper(resource.retrieve)

