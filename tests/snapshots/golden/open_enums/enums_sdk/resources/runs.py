from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import Literal

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
from ..types.run import Run

__all__ = ["AsyncRuns", "AsyncRunsWithRawResponse", "AsyncRunsWithStreamingResponse", "Runs", "RunsWithRawResponse", "RunsWithStreamingResponse"]


class Runs(SyncAPIResource):
    """`client.runs`."""

    @cached_property
    def with_raw_response(self) -> RunsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return RunsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> RunsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return RunsWithStreamingResponse(self)

    def create(
        self,
        *,
        model: str | Literal["fast", "smart"],
        mode: Literal["sync", "async"] | NotGiven = NOT_GIVEN,
        priority: Literal[1, 2, 3] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Run:
        """Args:
          model: A known model or any other model name.
        """
        return self._request(
            "post",
            "/runs",
            body={
                "model": model,
                "mode": mode,
                "priority": priority,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Run,
        )


class AsyncRuns(AsyncAPIResource):
    """`client.runs` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncRunsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncRunsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncRunsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncRunsWithStreamingResponse(self)

    async def create(
        self,
        *,
        model: str | Literal["fast", "smart"],
        mode: Literal["sync", "async"] | NotGiven = NOT_GIVEN,
        priority: Literal[1, 2, 3] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Run:
        """Args:
          model: A known model or any other model name.
        """
        return await self._request(
            "post",
            "/runs",
            body={
                "model": model,
                "mode": mode,
                "priority": priority,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Run,
        )


class RunsWithRawResponse:
    """`client.runs.with_raw_response`."""

    def __init__(self, resource: Runs) -> None:
        self._resource = resource
        self.create: typing.Final = to_raw_response_wrapper(resource.create)


class AsyncRunsWithRawResponse:
    """`client.runs.with_raw_response` (async)."""

    def __init__(self, resource: AsyncRuns) -> None:
        self._resource = resource
        self.create: typing.Final = async_to_raw_response_wrapper(resource.create)


class RunsWithStreamingResponse:
    """`client.runs.with_streaming_response`."""

    def __init__(self, resource: Runs) -> None:
        self._resource = resource
        self.create: typing.Final = to_streamed_response_wrapper(resource.create)


class AsyncRunsWithStreamingResponse:
    """`client.runs.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncRuns) -> None:
        self._resource = resource
        self.create: typing.Final = async_to_streamed_response_wrapper(resource.create)

