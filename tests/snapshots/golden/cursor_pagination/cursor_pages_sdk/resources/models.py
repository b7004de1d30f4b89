from __future__ import annotations

import typing
from collections.abc import Mapping

import httpx2

from .._pagination import AsyncPage, AsyncPaginator, SyncPage
from .._resource import AsyncAPIResource, SyncAPIResource
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query, make_request_options
from .._utils import cached_property
from ..types.model_list_response import ModelListResponse

__all__ = ["AsyncModels", "AsyncModelsWithRawResponse", "AsyncModelsWithStreamingResponse", "Models", "ModelsWithRawResponse", "ModelsWithStreamingResponse"]


class Models(SyncAPIResource):
    """`client.models`."""

    @cached_property
    def with_raw_response(self) -> ModelsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return ModelsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ModelsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return ModelsWithStreamingResponse(self)

    def list(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> SyncPage[ModelListResponse]:
        """All models (one page)."""
        return self._request_page(
            "get",
            "/models",
            page=SyncPage[ModelListResponse],
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
        )


class AsyncModels(AsyncAPIResource):
    """`client.models` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncModelsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncModelsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncModelsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncModelsWithStreamingResponse(self)

    def list(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[ModelListResponse, AsyncPage[ModelListResponse]]:
        """All models (one page)."""
        return self._request_page(
            "get",
            "/models",
            page=AsyncPage[ModelListResponse],
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
        )


class ModelsWithRawResponse:
    """`client.models.with_raw_response`."""

    def __init__(self, resource: Models) -> None:
        self._resource = resource
        self.list: typing.Final = to_raw_response_wrapper(resource.list)


class AsyncModelsWithRawResponse:
    """`client.models.with_raw_response` (async)."""

    def __init__(self, resource: AsyncModels) -> None:
        self._resource = resource
        self.list: typing.Final = async_to_raw_response_wrapper(resource.list)


class ModelsWithStreamingResponse:
    """`client.models.with_streaming_response`."""

    def __init__(self, resource: Models) -> None:
        self._resource = resource
        self.list: typing.Final = to_streamed_response_wrapper(resource.list)


class AsyncModelsWithStreamingResponse:
    """`client.models.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncModels) -> None:
        self._resource = resource
        self.list: typing.Final = async_to_streamed_response_wrapper(resource.list)

