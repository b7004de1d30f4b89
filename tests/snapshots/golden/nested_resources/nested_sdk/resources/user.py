from __future__ import annotations

import typing
from collections.abc import Mapping

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
from ..types.user_balance_response import UserBalanceResponse

__all__ = ["AsyncUser", "AsyncUserWithRawResponse", "AsyncUserWithStreamingResponse", "User", "UserWithRawResponse", "UserWithStreamingResponse"]


class User(SyncAPIResource):
    """`client.user`."""

    @cached_property
    def with_raw_response(self) -> UserWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return UserWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> UserWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return UserWithStreamingResponse(self)

    def balance(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> UserBalanceResponse:
        return self._request(
            "get",
            "/user/balance",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=UserBalanceResponse,
        )


class AsyncUser(AsyncAPIResource):
    """`client.user` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncUserWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncUserWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncUserWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncUserWithStreamingResponse(self)

    async def balance(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> UserBalanceResponse:
        return await self._request(
            "get",
            "/user/balance",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=UserBalanceResponse,
        )


class UserWithRawResponse:
    """`client.user.with_raw_response`."""

    def __init__(self, resource: User) -> None:
        self._resource = resource
        self.balance: typing.Final = to_raw_response_wrapper(resource.balance)


class AsyncUserWithRawResponse:
    """`client.user.with_raw_response` (async)."""

    def __init__(self, resource: AsyncUser) -> None:
        self._resource = resource
        self.balance: typing.Final = async_to_raw_response_wrapper(resource.balance)


class UserWithStreamingResponse:
    """`client.user.with_streaming_response`."""

    def __init__(self, resource: User) -> None:
        self._resource = resource
        self.balance: typing.Final = to_streamed_response_wrapper(resource.balance)


class AsyncUserWithStreamingResponse:
    """`client.user.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncUser) -> None:
        self._resource = resource
        self.balance: typing.Final = async_to_streamed_response_wrapper(resource.balance)

