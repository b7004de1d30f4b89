from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING

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
from ....types.fine_tuning.job_list_events_response import JobListEventsResponse
from ....types.job import Job

if TYPE_CHECKING:
    from .checkpoints import (
        AsyncCheckpoints,
        AsyncCheckpointsWithRawResponse,
        AsyncCheckpointsWithStreamingResponse,
        Checkpoints,
        CheckpointsWithRawResponse,
        CheckpointsWithStreamingResponse,
    )

__all__ = ["AsyncJobs", "AsyncJobsWithRawResponse", "AsyncJobsWithStreamingResponse", "Jobs", "JobsWithRawResponse", "JobsWithStreamingResponse"]


class Jobs(SyncAPIResource):
    """`client.fine_tuning.jobs`."""

    @cached_property
    def checkpoints(self) -> Checkpoints:
        from .checkpoints import Checkpoints

        return Checkpoints(self._client)

    @cached_property
    def with_raw_response(self) -> JobsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return JobsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> JobsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return JobsWithStreamingResponse(self)

    def create(
        self,
        *,
        model: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Job:
        return self._request(
            "post",
            "/fine_tuning/jobs",
            body={
                "model": model,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Job,
        )

    def cancel(
        self,
        job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Job:
        """Cancel a job."""
        return self._request(
            "post",
            f"/fine_tuning/jobs/{path_param('job_id', job_id)}/cancel",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Job,
        )

    def list_events(
        self,
        job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> SyncPage[JobListEventsResponse]:
        return self._request_page(
            "get",
            f"/fine_tuning/jobs/{path_param('job_id', job_id)}/events",
            page=SyncPage[JobListEventsResponse],
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
        )


class AsyncJobs(AsyncAPIResource):
    """`client.fine_tuning.jobs` (async)."""

    @cached_property
    def checkpoints(self) -> AsyncCheckpoints:
        from .checkpoints import AsyncCheckpoints

        return AsyncCheckpoints(self._client)

    @cached_property
    def with_raw_response(self) -> AsyncJobsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncJobsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncJobsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncJobsWithStreamingResponse(self)

    async def create(
        self,
        *,
        model: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Job:
        return await self._request(
            "post",
            "/fine_tuning/jobs",
            body={
                "model": model,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Job,
        )

    async def cancel(
        self,
        job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Job:
        """Cancel a job."""
        return await self._request(
            "post",
            f"/fine_tuning/jobs/{path_param('job_id', job_id)}/cancel",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Job,
        )

    def list_events(
        self,
        job_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[JobListEventsResponse, AsyncPage[JobListEventsResponse]]:
        return self._request_page(
            "get",
            f"/fine_tuning/jobs/{path_param('job_id', job_id)}/events",
            page=AsyncPage[JobListEventsResponse],
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
        )


class JobsWithRawResponse:
    """`client.fine_tuning.jobs.with_raw_response`."""

    def __init__(self, resource: Jobs) -> None:
        self._resource = resource
        self.create: typing.Final = to_raw_response_wrapper(resource.create)
        self.cancel: typing.Final = to_raw_response_wrapper(resource.cancel)
        self.list_events: typing.Final = to_raw_response_wrapper(resource.list_events)

    @cached_property
    def checkpoints(self) -> CheckpointsWithRawResponse:
        from .checkpoints import CheckpointsWithRawResponse

        return CheckpointsWithRawResponse(self._resource.checkpoints)


class AsyncJobsWithRawResponse:
    """`client.fine_tuning.jobs.with_raw_response` (async)."""

    def __init__(self, resource: AsyncJobs) -> None:
        self._resource = resource
        self.create: typing.Final = async_to_raw_response_wrapper(resource.create)
        self.cancel: typing.Final = async_to_raw_response_wrapper(resource.cancel)
        self.list_events: typing.Final = async_to_raw_response_wrapper(resource.list_events)

    @cached_property
    def checkpoints(self) -> AsyncCheckpointsWithRawResponse:
        from .checkpoints import AsyncCheckpointsWithRawResponse

        return AsyncCheckpointsWithRawResponse(self._resource.checkpoints)


class JobsWithStreamingResponse:
    """`client.fine_tuning.jobs.with_streaming_response`."""

    def __init__(self, resource: Jobs) -> None:
        self._resource = resource
        self.create: typing.Final = to_streamed_response_wrapper(resource.create)
        self.cancel: typing.Final = to_streamed_response_wrapper(resource.cancel)
        self.list_events: typing.Final = to_streamed_response_wrapper(resource.list_events)

    @cached_property
    def checkpoints(self) -> CheckpointsWithStreamingResponse:
        from .checkpoints import CheckpointsWithStreamingResponse

        return CheckpointsWithStreamingResponse(self._resource.checkpoints)


class AsyncJobsWithStreamingResponse:
    """`client.fine_tuning.jobs.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncJobs) -> None:
        self._resource = resource
        self.create: typing.Final = async_to_streamed_response_wrapper(resource.create)
        self.cancel: typing.Final = async_to_streamed_response_wrapper(resource.cancel)
        self.list_events: typing.Final = async_to_streamed_response_wrapper(resource.list_events)

    @cached_property
    def checkpoints(self) -> AsyncCheckpointsWithStreamingResponse:
        from .checkpoints import AsyncCheckpointsWithStreamingResponse

        return AsyncCheckpointsWithStreamingResponse(self._resource.checkpoints)

