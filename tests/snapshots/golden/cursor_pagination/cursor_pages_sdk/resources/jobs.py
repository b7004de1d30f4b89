from __future__ import annotations

import typing
from collections.abc import Mapping

import httpx2

from .._pagination import AsyncCursorPage, AsyncPaginator, SyncCursorPage
from .._resource import AsyncAPIResource, SyncAPIResource
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query, make_request_options
from .._utils import cached_property
from ..types.job import Job

__all__ = ["AsyncJobs", "AsyncJobsWithRawResponse", "AsyncJobsWithStreamingResponse", "Jobs", "JobsWithRawResponse", "JobsWithStreamingResponse"]


class Jobs(SyncAPIResource):
    """`client.jobs`."""

    @cached_property
    def with_raw_response(self) -> JobsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return JobsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> JobsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return JobsWithStreamingResponse(self)

    def list(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> SyncCursorPage[Job]:
        """List jobs, newest first.

        Args:
          after: Cursor (the last job ID of the previous page).
        """
        return self._request_page(
            "get",
            "/jobs",
            page=SyncCursorPage[Job],
            query={
                "after": after,
                "limit": limit,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
        )


class AsyncJobs(AsyncAPIResource):
    """`client.jobs` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncJobsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncJobsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncJobsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncJobsWithStreamingResponse(self)

    def list(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[Job, AsyncCursorPage[Job]]:
        """List jobs, newest first.

        Args:
          after: Cursor (the last job ID of the previous page).
        """
        return self._request_page(
            "get",
            "/jobs",
            page=AsyncCursorPage[Job],
            query={
                "after": after,
                "limit": limit,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
        )


class JobsWithRawResponse:
    """`client.jobs.with_raw_response`."""

    def __init__(self, resource: Jobs) -> None:
        self._resource = resource
        self.list: typing.Final = to_raw_response_wrapper(resource.list)


class AsyncJobsWithRawResponse:
    """`client.jobs.with_raw_response` (async)."""

    def __init__(self, resource: AsyncJobs) -> None:
        self._resource = resource
        self.list: typing.Final = async_to_raw_response_wrapper(resource.list)


class JobsWithStreamingResponse:
    """`client.jobs.with_streaming_response`."""

    def __init__(self, resource: Jobs) -> None:
        self._resource = resource
        self.list: typing.Final = to_streamed_response_wrapper(resource.list)


class AsyncJobsWithStreamingResponse:
    """`client.jobs.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncJobs) -> None:
        self._resource = resource
        self.list: typing.Final = async_to_streamed_response_wrapper(resource.list)

