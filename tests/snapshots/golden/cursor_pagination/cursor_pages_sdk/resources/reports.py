from __future__ import annotations

import typing
from collections.abc import Mapping

import httpx2

from .._pagination import AsyncPageNumberPage, AsyncPaginator, SyncPageNumberPage
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

__all__ = ["AsyncReports", "AsyncReportsWithRawResponse", "AsyncReportsWithStreamingResponse", "Reports", "ReportsWithRawResponse", "ReportsWithStreamingResponse"]


class Reports(SyncAPIResource):
    """`client.reports`."""

    @cached_property
    def with_raw_response(self) -> ReportsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return ReportsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ReportsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return ReportsWithStreamingResponse(self)

    def list(
        self,
        *,
        page: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> SyncPageNumberPage[Job]:
        """Reports, by page number."""
        return self._request_page(
            "get",
            "/reports",
            page=SyncPageNumberPage[Job],
            query={
                "page": page,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
        )


class AsyncReports(AsyncAPIResource):
    """`client.reports` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncReportsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncReportsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncReportsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncReportsWithStreamingResponse(self)

    def list(
        self,
        *,
        page: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[Job, AsyncPageNumberPage[Job]]:
        """Reports, by page number."""
        return self._request_page(
            "get",
            "/reports",
            page=AsyncPageNumberPage[Job],
            query={
                "page": page,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
        )


class ReportsWithRawResponse:
    """`client.reports.with_raw_response`."""

    def __init__(self, resource: Reports) -> None:
        self._resource = resource
        self.list: typing.Final = to_raw_response_wrapper(resource.list)


class AsyncReportsWithRawResponse:
    """`client.reports.with_raw_response` (async)."""

    def __init__(self, resource: AsyncReports) -> None:
        self._resource = resource
        self.list: typing.Final = async_to_raw_response_wrapper(resource.list)


class ReportsWithStreamingResponse:
    """`client.reports.with_streaming_response`."""

    def __init__(self, resource: Reports) -> None:
        self._resource = resource
        self.list: typing.Final = to_streamed_response_wrapper(resource.list)


class AsyncReportsWithStreamingResponse:
    """`client.reports.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncReports) -> None:
        self._resource = resource
        self.list: typing.Final = async_to_streamed_response_wrapper(resource.list)

