from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import Literal, overload

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
from ..types.completion import Completion
from ..types.completion_chunk import CompletionChunk

__all__ = ["AsyncCompletions", "AsyncCompletionsWithRawResponse", "AsyncCompletionsWithStreamingResponse", "Completions", "CompletionsWithRawResponse", "CompletionsWithStreamingResponse"]


class Completions(SyncAPIResource):
    """`client.completions`."""

    @cached_property
    def with_raw_response(self) -> CompletionsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return CompletionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> CompletionsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return CompletionsWithStreamingResponse(self)

    @overload
    def create(
        self,
        *,
        prompt: str,
        stream: Literal[False] | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Completion: ...

    @overload
    def create(
        self,
        *,
        prompt: str,
        stream: Literal[True],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Stream[CompletionChunk]: ...

    @overload
    def create(
        self,
        *,
        prompt: str,
        stream: bool,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Completion | Stream[CompletionChunk]: ...

    def create(
        self,
        *,
        prompt: str,
        stream: Literal[False] | None | Literal[True] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Completion | Stream[CompletionChunk]:
        """Complete a prompt.

        With `stream` set, partial results arrive as server-sent events.

        Args:
          prompt: The text to complete.
          stream: Stream the result.
        """
        return self._request(
            "post",
            "/completions",
            body={
                "prompt": prompt,
                "stream": stream,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Completion,
            stream=stream is True,
            stream_cls=Stream[CompletionChunk],
        )


class AsyncCompletions(AsyncAPIResource):
    """`client.completions` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncCompletionsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncCompletionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncCompletionsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncCompletionsWithStreamingResponse(self)

    @overload
    async def create(
        self,
        *,
        prompt: str,
        stream: Literal[False] | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Completion: ...

    @overload
    async def create(
        self,
        *,
        prompt: str,
        stream: Literal[True],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> AsyncStream[CompletionChunk]: ...

    @overload
    async def create(
        self,
        *,
        prompt: str,
        stream: bool,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Completion | AsyncStream[CompletionChunk]: ...

    async def create(
        self,
        *,
        prompt: str,
        stream: Literal[False] | None | Literal[True] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Completion | AsyncStream[CompletionChunk]:
        """Complete a prompt.

        With `stream` set, partial results arrive as server-sent events.

        Args:
          prompt: The text to complete.
          stream: Stream the result.
        """
        return await self._request(
            "post",
            "/completions",
            body={
                "prompt": prompt,
                "stream": stream,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Completion,
            stream=stream is True,
            stream_cls=AsyncStream[CompletionChunk],
        )


class CompletionsWithRawResponse:
    """`client.completions.with_raw_response`."""

    def __init__(self, resource: Completions) -> None:
        self._resource = resource
        self.create: typing.Final = to_raw_response_wrapper(resource.create)


class AsyncCompletionsWithRawResponse:
    """`client.completions.with_raw_response` (async)."""

    def __init__(self, resource: AsyncCompletions) -> None:
        self._resource = resource
        self.create: typing.Final = async_to_raw_response_wrapper(resource.create)


class CompletionsWithStreamingResponse:
    """`client.completions.with_streaming_response`."""

    def __init__(self, resource: Completions) -> None:
        self._resource = resource
        self.create: typing.Final = to_streamed_response_wrapper(resource.create)


class AsyncCompletionsWithStreamingResponse:
    """`client.completions.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncCompletions) -> None:
        self._resource = resource
        self.create: typing.Final = async_to_streamed_response_wrapper(resource.create)

