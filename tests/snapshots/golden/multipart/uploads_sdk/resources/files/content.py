from __future__ import annotations

import typing
from collections.abc import Mapping

import httpx2

from ..._resource import AsyncAPIResource, SyncAPIResource
from ..._response import (
    AsyncBinaryAPIResponse,
    BinaryAPIResponse,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from ..._types import NOT_GIVEN, Headers, NotGiven, Query, make_request_options
from ..._utils import cached_property, path_param

__all__ = ["AsyncContent", "AsyncContentWithRawResponse", "AsyncContentWithStreamingResponse", "Content", "ContentWithRawResponse", "ContentWithStreamingResponse"]


class Content(SyncAPIResource):
    """`client.files.content`."""

    @cached_property
    def with_raw_response(self) -> ContentWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return ContentWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ContentWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return ContentWithStreamingResponse(self)

    def retrieve(
        self,
        file_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> BinaryAPIResponse:
        """Download a file's bytes."""
        return self._request(
            "get",
            f"/files/{path_param('file_id', file_id)}/content",
            options=make_request_options(extra_headers={"Accept": "application/octet-stream", **(extra_headers or {})}, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=BinaryAPIResponse,
            binary=True,
        )


class AsyncContent(AsyncAPIResource):
    """`client.files.content` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncContentWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncContentWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncContentWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncContentWithStreamingResponse(self)

    async def retrieve(
        self,
        file_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> AsyncBinaryAPIResponse:
        """Download a file's bytes."""
        return await self._request(
            "get",
            f"/files/{path_param('file_id', file_id)}/content",
            options=make_request_options(extra_headers={"Accept": "application/octet-stream", **(extra_headers or {})}, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=AsyncBinaryAPIResponse,
            binary=True,
        )


class ContentWithRawResponse:
    """`client.files.content.with_raw_response`."""

    def __init__(self, resource: Content) -> None:
        self._resource = resource
        self.retrieve: typing.Final = to_raw_response_wrapper(resource.retrieve)


class AsyncContentWithRawResponse:
    """`client.files.content.with_raw_response` (async)."""

    def __init__(self, resource: AsyncContent) -> None:
        self._resource = resource
        self.retrieve: typing.Final = async_to_raw_response_wrapper(resource.retrieve)


class ContentWithStreamingResponse:
    """`client.files.content.with_streaming_response`."""

    def __init__(self, resource: Content) -> None:
        self._resource = resource
        self.retrieve: typing.Final = to_streamed_response_wrapper(resource.retrieve)


class AsyncContentWithStreamingResponse:
    """`client.files.content.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncContent) -> None:
        self._resource = resource
        self.retrieve: typing.Final = async_to_streamed_response_wrapper(resource.retrieve)

