from __future__ import annotations

from typing import TYPE_CHECKING

from ..._resource import AsyncAPIResource, SyncAPIResource
from ..._utils import cached_property

if TYPE_CHECKING:
    from .jobs.jobs import (
        AsyncJobs,
        AsyncJobsWithRawResponse,
        AsyncJobsWithStreamingResponse,
        Jobs,
        JobsWithRawResponse,
        JobsWithStreamingResponse,
    )

__all__ = ["AsyncFineTuning", "AsyncFineTuningWithRawResponse", "AsyncFineTuningWithStreamingResponse", "FineTuning", "FineTuningWithRawResponse", "FineTuningWithStreamingResponse"]


class FineTuning(SyncAPIResource):
    """`client.fine_tuning`."""

    @cached_property
    def jobs(self) -> Jobs:
        from .jobs.jobs import Jobs

        return Jobs(self._client)

    @cached_property
    def with_raw_response(self) -> FineTuningWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return FineTuningWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> FineTuningWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return FineTuningWithStreamingResponse(self)


class AsyncFineTuning(AsyncAPIResource):
    """`client.fine_tuning` (async)."""

    @cached_property
    def jobs(self) -> AsyncJobs:
        from .jobs.jobs import AsyncJobs

        return AsyncJobs(self._client)

    @cached_property
    def with_raw_response(self) -> AsyncFineTuningWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncFineTuningWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncFineTuningWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncFineTuningWithStreamingResponse(self)


class FineTuningWithRawResponse:
    """`client.fine_tuning.with_raw_response`."""

    def __init__(self, resource: FineTuning) -> None:
        self._resource = resource

    @cached_property
    def jobs(self) -> JobsWithRawResponse:
        from .jobs.jobs import JobsWithRawResponse

        return JobsWithRawResponse(self._resource.jobs)


class AsyncFineTuningWithRawResponse:
    """`client.fine_tuning.with_raw_response` (async)."""

    def __init__(self, resource: AsyncFineTuning) -> None:
        self._resource = resource

    @cached_property
    def jobs(self) -> AsyncJobsWithRawResponse:
        from .jobs.jobs import AsyncJobsWithRawResponse

        return AsyncJobsWithRawResponse(self._resource.jobs)


class FineTuningWithStreamingResponse:
    """`client.fine_tuning.with_streaming_response`."""

    def __init__(self, resource: FineTuning) -> None:
        self._resource = resource

    @cached_property
    def jobs(self) -> JobsWithStreamingResponse:
        from .jobs.jobs import JobsWithStreamingResponse

        return JobsWithStreamingResponse(self._resource.jobs)


class AsyncFineTuningWithStreamingResponse:
    """`client.fine_tuning.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncFineTuning) -> None:
        self._resource = resource

    @cached_property
    def jobs(self) -> AsyncJobsWithStreamingResponse:
        from .jobs.jobs import AsyncJobsWithStreamingResponse

        return AsyncJobsWithStreamingResponse(self._resource.jobs)

