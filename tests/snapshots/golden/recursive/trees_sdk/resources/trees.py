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
from ..types.annotation import Node
from ..types.annotation_param import NodeParam

__all__ = ["AsyncTreesResource", "AsyncTreesResourceWithRawResponse", "AsyncTreesResourceWithStreamingResponse", "TreesResource", "TreesResourceWithRawResponse", "TreesResourceWithStreamingResponse"]


class TreesResource(SyncAPIResource):
    """`client.trees`."""

    @cached_property
    def with_raw_response(self) -> TreesResourceWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return TreesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> TreesResourceWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return TreesResourceWithStreamingResponse(self)

    def retrieve(
        self,
        tree_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Node:
        return self._request(
            "get",
            f"/trees/{path_param('tree_id', tree_id)}",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Node,
        )

    def update(
        self,
        tree_id: str,
        *,
        root: NodeParam,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Node:
        return self._request(
            "put",
            f"/trees/{path_param('tree_id', tree_id)}",
            body={
                "root": root,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Node,
        )


class AsyncTreesResource(AsyncAPIResource):
    """`client.trees` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncTreesResourceWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncTreesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncTreesResourceWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncTreesResourceWithStreamingResponse(self)

    async def retrieve(
        self,
        tree_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Node:
        return await self._request(
            "get",
            f"/trees/{path_param('tree_id', tree_id)}",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Node,
        )

    async def update(
        self,
        tree_id: str,
        *,
        root: NodeParam,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Node:
        return await self._request(
            "put",
            f"/trees/{path_param('tree_id', tree_id)}",
            body={
                "root": root,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Node,
        )


class TreesResourceWithRawResponse:
    """`client.trees.with_raw_response`."""

    def __init__(self, resource: TreesResource) -> None:
        self._resource = resource
        self.retrieve: typing.Final = to_raw_response_wrapper(resource.retrieve)
        self.update: typing.Final = to_raw_response_wrapper(resource.update)


class AsyncTreesResourceWithRawResponse:
    """`client.trees.with_raw_response` (async)."""

    def __init__(self, resource: AsyncTreesResource) -> None:
        self._resource = resource
        self.retrieve: typing.Final = async_to_raw_response_wrapper(resource.retrieve)
        self.update: typing.Final = async_to_raw_response_wrapper(resource.update)


class TreesResourceWithStreamingResponse:
    """`client.trees.with_streaming_response`."""

    def __init__(self, resource: TreesResource) -> None:
        self._resource = resource
        self.retrieve: typing.Final = to_streamed_response_wrapper(resource.retrieve)
        self.update: typing.Final = to_streamed_response_wrapper(resource.update)


class AsyncTreesResourceWithStreamingResponse:
    """`client.trees.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncTreesResource) -> None:
        self._resource = resource
        self.retrieve: typing.Final = async_to_streamed_response_wrapper(resource.retrieve)
        self.update: typing.Final = async_to_streamed_response_wrapper(resource.update)

