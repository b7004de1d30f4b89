from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import httpx2

from ..._resource import AsyncAPIResource, SyncAPIResource
from ..._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from ..._types import NOT_GIVEN, Headers, NotGiven, Query, make_request_options
from ..._utils import cached_property, path_param
from ...types.record import Record
from ...types.record2 import Record2

if TYPE_CHECKING:
    from .all import (
        All,
        AllWithRawResponse,
        AllWithStreamingResponse,
        AsyncAll,
        AsyncAllWithRawResponse,
        AsyncAllWithStreamingResponse,
    )

__all__ = ["AsyncClass", "AsyncClassWithRawResponse", "AsyncClassWithStreamingResponse", "Class", "ClassWithRawResponse", "ClassWithStreamingResponse"]


class Class(SyncAPIResource):
    """`client.class_`."""

    @cached_property
    def all(self) -> All:
        from .all import All

        return All(self._client)

    @cached_property
    def with_raw_response(self) -> ClassWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return ClassWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ClassWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return ClassWithStreamingResponse(self)

    def retrieve(
        self,
        from_: str,
        *,
        self_: str | NotGiven = NOT_GIVEN,
        timeout_: int | NotGiven = NOT_GIVEN,
        include: Sequence[str] | NotGiven = NOT_GIVEN,
        x_trace_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Record:
        """Docstrings must survive \"\"\"triple quotes\"\"\", back\\slashes, {{ jinja }} and {% tags %}.

        Args:
          timeout_: Not the client timeout.
        """
        return self._request(
            "get",
            f"/class/{path_param('from', from_)}",
            query={
                "self": self_,
                "timeout": timeout_,
                "include[]": include,
            },
            options=make_request_options(extra_headers={**({"X-Trace-Id": str(x_trace_id)} if not isinstance(x_trace_id, NotGiven) else {}), **(extra_headers or {})}, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Record,
        )

    def list(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> list[Record]:
        return cast(list[Record], self._request(
            "get",
            "/class",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=cast(Any, list[Record]),
        ))

    def create(
        self,
        *,
        class_: str | NotGiven = NOT_GIVEN,
        for_: int | NotGiven = NOT_GIVEN,
        normal: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Record2:
        return self._request(
            "post",
            "/class",
            body={
                "class": class_,
                "for": for_,
                "normal": normal,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Record2,
        )


class AsyncClass(AsyncAPIResource):
    """`client.class_` (async)."""

    @cached_property
    def all(self) -> AsyncAll:
        from .all import AsyncAll

        return AsyncAll(self._client)

    @cached_property
    def with_raw_response(self) -> AsyncClassWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncClassWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncClassWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncClassWithStreamingResponse(self)

    async def retrieve(
        self,
        from_: str,
        *,
        self_: str | NotGiven = NOT_GIVEN,
        timeout_: int | NotGiven = NOT_GIVEN,
        include: Sequence[str] | NotGiven = NOT_GIVEN,
        x_trace_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Record:
        """Docstrings must survive \"\"\"triple quotes\"\"\", back\\slashes, {{ jinja }} and {% tags %}.

        Args:
          timeout_: Not the client timeout.
        """
        return await self._request(
            "get",
            f"/class/{path_param('from', from_)}",
            query={
                "self": self_,
                "timeout": timeout_,
                "include[]": include,
            },
            options=make_request_options(extra_headers={**({"X-Trace-Id": str(x_trace_id)} if not isinstance(x_trace_id, NotGiven) else {}), **(extra_headers or {})}, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Record,
        )

    async def list(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> list[Record]:
        return cast(list[Record], await self._request(
            "get",
            "/class",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=cast(Any, list[Record]),
        ))

    async def create(
        self,
        *,
        class_: str | NotGiven = NOT_GIVEN,
        for_: int | NotGiven = NOT_GIVEN,
        normal: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Record2:
        return await self._request(
            "post",
            "/class",
            body={
                "class": class_,
                "for": for_,
                "normal": normal,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Record2,
        )


class ClassWithRawResponse:
    """`client.class_.with_raw_response`."""

    def __init__(self, resource: Class) -> None:
        self._resource = resource
        self.retrieve: typing.Final = to_raw_response_wrapper(resource.retrieve)
        self.list: typing.Final = to_raw_response_wrapper(resource.list)
        self.create: typing.Final = to_raw_response_wrapper(resource.create)

    @cached_property
    def all(self) -> AllWithRawResponse:
        from .all import AllWithRawResponse

        return AllWithRawResponse(self._resource.all)


class AsyncClassWithRawResponse:
    """`client.class_.with_raw_response` (async)."""

    def __init__(self, resource: AsyncClass) -> None:
        self._resource = resource
        self.retrieve: typing.Final = async_to_raw_response_wrapper(resource.retrieve)
        self.list: typing.Final = async_to_raw_response_wrapper(resource.list)
        self.create: typing.Final = async_to_raw_response_wrapper(resource.create)

    @cached_property
    def all(self) -> AsyncAllWithRawResponse:
        from .all import AsyncAllWithRawResponse

        return AsyncAllWithRawResponse(self._resource.all)


class ClassWithStreamingResponse:
    """`client.class_.with_streaming_response`."""

    def __init__(self, resource: Class) -> None:
        self._resource = resource
        self.retrieve: typing.Final = to_streamed_response_wrapper(resource.retrieve)
        self.list: typing.Final = to_streamed_response_wrapper(resource.list)
        self.create: typing.Final = to_streamed_response_wrapper(resource.create)

    @cached_property
    def all(self) -> AllWithStreamingResponse:
        from .all import AllWithStreamingResponse

        return AllWithStreamingResponse(self._resource.all)


class AsyncClassWithStreamingResponse:
    """`client.class_.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncClass) -> None:
        self._resource = resource
        self.retrieve: typing.Final = async_to_streamed_response_wrapper(resource.retrieve)
        self.list: typing.Final = async_to_streamed_response_wrapper(resource.list)
        self.create: typing.Final = async_to_streamed_response_wrapper(resource.create)

    @cached_property
    def all(self) -> AsyncAllWithStreamingResponse:
        from .all import AsyncAllWithStreamingResponse

        return AsyncAllWithStreamingResponse(self._resource.all)

