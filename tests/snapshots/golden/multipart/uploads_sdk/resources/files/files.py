from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import httpx2

from ..._resource import AsyncAPIResource, SyncAPIResource
from ..._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from ..._types import NOT_GIVEN, FileTypes, Headers, NotGiven, Query, make_request_options
from ..._utils import cached_property
from ...types.stored_file import StoredFile

if TYPE_CHECKING:
    from .content import (
        AsyncContent,
        AsyncContentWithRawResponse,
        AsyncContentWithStreamingResponse,
        Content,
        ContentWithRawResponse,
        ContentWithStreamingResponse,
    )

__all__ = ["AsyncFiles", "AsyncFilesWithRawResponse", "AsyncFilesWithStreamingResponse", "Files", "FilesWithRawResponse", "FilesWithStreamingResponse"]


class Files(SyncAPIResource):
    """`client.files`."""

    @cached_property
    def content(self) -> Content:
        from .content import Content

        return Content(self._client)

    @cached_property
    def with_raw_response(self) -> FilesWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return FilesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> FilesWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return FilesWithStreamingResponse(self)

    def create(
        self,
        *,
        file: FileTypes,
        purpose: Literal["fine-tune", "batch"],
        extra_files: Sequence[FileTypes] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> StoredFile:
        """Upload a file.

        Args:
          file: The file to upload.
        """
        return self._request(
            "post",
            "/files",
            body={
                "file": file,
                "purpose": purpose,
                "extra_files": extra_files,
            },
            files=("file", "extra_files"),
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=StoredFile,
        )


class AsyncFiles(AsyncAPIResource):
    """`client.files` (async)."""

    @cached_property
    def content(self) -> AsyncContent:
        from .content import AsyncContent

        return AsyncContent(self._client)

    @cached_property
    def with_raw_response(self) -> AsyncFilesWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncFilesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncFilesWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncFilesWithStreamingResponse(self)

    async def create(
        self,
        *,
        file: FileTypes,
        purpose: Literal["fine-tune", "batch"],
        extra_files: Sequence[FileTypes] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> StoredFile:
        """Upload a file.

        Args:
          file: The file to upload.
        """
        return await self._request(
            "post",
            "/files",
            body={
                "file": file,
                "purpose": purpose,
                "extra_files": extra_files,
            },
            files=("file", "extra_files"),
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=StoredFile,
        )


class FilesWithRawResponse:
    """`client.files.with_raw_response`."""

    def __init__(self, resource: Files) -> None:
        self._resource = resource
        self.create: typing.Final = to_raw_response_wrapper(resource.create)

    @cached_property
    def content(self) -> ContentWithRawResponse:
        from .content import ContentWithRawResponse

        return ContentWithRawResponse(self._resource.content)


class AsyncFilesWithRawResponse:
    """`client.files.with_raw_response` (async)."""

    def __init__(self, resource: AsyncFiles) -> None:
        self._resource = resource
        self.create: typing.Final = async_to_raw_response_wrapper(resource.create)

    @cached_property
    def content(self) -> AsyncContentWithRawResponse:
        from .content import AsyncContentWithRawResponse

        return AsyncContentWithRawResponse(self._resource.content)


class FilesWithStreamingResponse:
    """`client.files.with_streaming_response`."""

    def __init__(self, resource: Files) -> None:
        self._resource = resource
        self.create: typing.Final = to_streamed_response_wrapper(resource.create)

    @cached_property
    def content(self) -> ContentWithStreamingResponse:
        from .content import ContentWithStreamingResponse

        return ContentWithStreamingResponse(self._resource.content)


class AsyncFilesWithStreamingResponse:
    """`client.files.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncFiles) -> None:
        self._resource = resource
        self.create: typing.Final = async_to_streamed_response_wrapper(resource.create)

    @cached_property
    def content(self) -> AsyncContentWithStreamingResponse:
        from .content import AsyncContentWithStreamingResponse

        return AsyncContentWithStreamingResponse(self._resource.content)

