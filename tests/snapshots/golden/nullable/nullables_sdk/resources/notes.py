from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence

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
from ..types.note import Note
from ..types.ref_param import RefParam

__all__ = ["AsyncNotes", "AsyncNotesWithRawResponse", "AsyncNotesWithStreamingResponse", "Notes", "NotesWithRawResponse", "NotesWithStreamingResponse"]


class Notes(SyncAPIResource):
    """`client.notes`."""

    @cached_property
    def with_raw_response(self) -> NotesWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return NotesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> NotesWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return NotesWithStreamingResponse(self)

    def create(
        self,
        *,
        title: str,
        body: str | None,
        tags: Sequence[str] | None | NotGiven = NOT_GIVEN,
        parent: RefParam | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Note:
        """Args:
          body: Required but may be null.
        """
        return self._request(
            "post",
            "/notes",
            body={
                "title": title,
                "body": body,
                "tags": tags,
                "parent": parent,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Note,
        )


class AsyncNotes(AsyncAPIResource):
    """`client.notes` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncNotesWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncNotesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncNotesWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncNotesWithStreamingResponse(self)

    async def create(
        self,
        *,
        title: str,
        body: str | None,
        tags: Sequence[str] | None | NotGiven = NOT_GIVEN,
        parent: RefParam | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Note:
        """Args:
          body: Required but may be null.
        """
        return await self._request(
            "post",
            "/notes",
            body={
                "title": title,
                "body": body,
                "tags": tags,
                "parent": parent,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Note,
        )


class NotesWithRawResponse:
    """`client.notes.with_raw_response`."""

    def __init__(self, resource: Notes) -> None:
        self._resource = resource
        self.create: typing.Final = to_raw_response_wrapper(resource.create)


class AsyncNotesWithRawResponse:
    """`client.notes.with_raw_response` (async)."""

    def __init__(self, resource: AsyncNotes) -> None:
        self._resource = resource
        self.create: typing.Final = async_to_raw_response_wrapper(resource.create)


class NotesWithStreamingResponse:
    """`client.notes.with_streaming_response`."""

    def __init__(self, resource: Notes) -> None:
        self._resource = resource
        self.create: typing.Final = to_streamed_response_wrapper(resource.create)


class AsyncNotesWithStreamingResponse:
    """`client.notes.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncNotes) -> None:
        self._resource = resource
        self.create: typing.Final = async_to_streamed_response_wrapper(resource.create)

