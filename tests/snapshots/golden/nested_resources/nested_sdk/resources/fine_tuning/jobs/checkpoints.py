from __future__ import annotations

import typing
from collections.abc import Mapping

import httpx2

from ...._pagination import AsyncPage, AsyncPaginator, SyncPage
from ...._resource import AsyncAPIResource, SyncAPIResource
from ...._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from ...._types import NOT_GIVEN, Headers, NotGiven, Query, make_request_options
from ...._utils import cached_property, path_param
from ....types.fine_tuning.jobs.checkpoint_list_response import CheckpointListResponse

__all__ = ["AsyncCheckpoints", "AsyncCheckpointsWithRawResponse", "AsyncCheckpointsWithStreamingResponse", "Checkpoints", "CheckpointsWithRawResponse", "CheckpointsWithStreamingResponse"]


class Checkpoints(SyncAPIResource):
    """`client.fine_tuning.jobs.checkpoints`."""

    @cached_property
    def with_raw_response(self) -> CheckpointsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return CheckpointsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> CheckpointsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return CheckpointsWithStreamingResponse(self)

    def list(
        self,
        job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> SyncPage[CheckpointListResponse]:
        return self._request_page(
            "get",
            f"/fine_tuning/jobs/{path_param('job_id', job_id)}/checkpoints",
            page=SyncPage[CheckpointListResponse],
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
        )


class AsyncCheckpoints(AsyncAPIResource):
    """`client.fine_tuning.jobs.checkpoints` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncCheckpointsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncCheckpointsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncCheckpointsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncCheckpointsWithStreamingResponse(self)

    def list(
        self,
        job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[CheckpointListResponse, AsyncPage[CheckpointListResponse]]:
        return self._request_page(
            "get",
            f"/fine_tuning/jobs/{path_param('job_id', job_id)}/checkpoints",
            page=AsyncPage[CheckpointListResponse],
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
        )


class CheckpointsWithRawResponse:
    """`client.fine_tuning.jobs.checkpoints.with_raw_response`."""

    def __init__(self, resource: Checkpoints) -> None:
        self._resource = resource
        self.list: typing.Final = to_raw_response_wrapper(resource.list)


class AsyncCheckpointsWithRawResponse:
    """`client.fine_tuning.jobs.checkpoints.with_raw_response` (async)."""

    def __init__(self, resource: AsyncCheckpoints) -> None:
        self._resource = resource
        self.list: typing.Final = async_to_raw_response_wrapper(resource.list)


class CheckpointsWithStreamingResponse:
    """`client.fine_tuning.jobs.checkpoints.with_streaming_response`."""

    def __init__(self, resource: Checkpoints) -> None:
        self._resource = resource
        self.list: typing.Final = to_streamed_response_wrapper(resource.list)


class AsyncCheckpointsWithStreamingResponse:
    """`client.fine_tuning.jobs.checkpoints.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncCheckpoints) -> None:
        self._resource = resource
        self.list: typing.Final = async_to_streamed_response_wrapper(resource.list)

