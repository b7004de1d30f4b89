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

__all__ = ["AsyncTrees2", "AsyncTrees2WithRawResponse", "AsyncTrees2WithStreamingResponse", "Trees2", "Trees2WithRawResponse", "Trees2WithStreamingResponse"]


class Trees2(SyncAPIResource):
    """`client.trees`."""

    @cached_property
    def with_raw_response(self) -> Trees2WithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return Trees2WithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> Trees2WithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return Trees2WithStreamingResponse(self)

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


class AsyncTrees2(AsyncAPIResource):
    """`client.trees` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncTrees2WithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncTrees2WithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncTrees2WithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncTrees2WithStreamingResponse(self)

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


class Trees2WithRawResponse:
    """`client.trees.with_raw_response`."""

    def __init__(self, resource: Trees2) -> None:
        self._resource = resource
        self.retrieve: typing.Final = to_raw_response_wrapper(resource.retrieve)
        self.update: typing.Final = to_raw_response_wrapper(resource.update)


class AsyncTrees2WithRawResponse:
    """`client.trees.with_raw_response` (async)."""

    def __init__(self, resource: AsyncTrees2) -> None:
        self._resource = resource
        self.retrieve: typing.Final = async_to_raw_response_wrapper(resource.retrieve)
        self.update: typing.Final = async_to_raw_response_wrapper(resource.update)


class Trees2WithStreamingResponse:
    """`client.trees.with_streaming_response`."""

    def __init__(self, resource: Trees2) -> None:
        self._resource = resource
        self.retrieve: typing.Final = to_streamed_response_wrapper(resource.retrieve)
        self.update: typing.Final = to_streamed_response_wrapper(resource.update)


class AsyncTrees2WithStreamingResponse:
    """`client.trees.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncTrees2) -> None:
        self._resource = resource
        self.retrieve: typing.Final = async_to_streamed_response_wrapper(resource.retrieve)
        self.update: typing.Final = async_to_streamed_response_wrapper(resource.update)

