from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import Any, cast

import httpx2

from .._resource import AsyncAPIResource, SyncAPIResource
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query, make_request_options
from .._utils import cached_property, path_param
from ..types.error import Error
from ..types.gadget import Gadget
from ..types.gadget_retrieve_error import GadgetRetrieveError
from ..types.unauthorized_response import UnauthorizedResponse
from ..types.validation_error import ValidationError

__all__ = ["AsyncGadgets", "AsyncGadgetsWithRawResponse", "AsyncGadgetsWithStreamingResponse", "Gadgets", "GadgetsWithRawResponse", "GadgetsWithStreamingResponse"]

# The types of the error bodies each method's operation declares, by status (`_failures`).
_CREATE_ERRORS: typing.Final = {"401": UnauthorizedResponse, "422": ValidationError, "default": Error}
_RETRIEVE_ERRORS: typing.Final = {"401": UnauthorizedResponse, "404": Error, "5XX": GadgetRetrieveError}


class Gadgets(SyncAPIResource):
    """`client.gadgets`."""

    @cached_property
    def with_raw_response(self) -> GadgetsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return GadgetsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> GadgetsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return GadgetsWithStreamingResponse(self)

    def create(
        self,
        *,
        name: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Gadget:
        """Create a gadget."""
        return self._request(
            "post",
            "/v1/gadgets",
            body={
                "name": name,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            errors=_CREATE_ERRORS,
            cast_to=Gadget,
        )

    def retrieve(
        self,
        gadget_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Gadget:
        """Retrieve a gadget."""
        return self._request(
            "get",
            f"/v1/gadgets/{path_param('gadget_id', gadget_id)}",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            errors=_RETRIEVE_ERRORS,
            cast_to=Gadget,
        )

    def delete(
        self,
        gadget_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete a gadget."""
        return cast(None, self._request(
            "delete",
            f"/v1/gadgets/{path_param('gadget_id', gadget_id)}",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=cast(Any, None),
        ))


class AsyncGadgets(AsyncAPIResource):
    """`client.gadgets` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncGadgetsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncGadgetsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncGadgetsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncGadgetsWithStreamingResponse(self)

    async def create(
        self,
        *,
        name: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Gadget:
        """Create a gadget."""
        return await self._request(
            "post",
            "/v1/gadgets",
            body={
                "name": name,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            errors=_CREATE_ERRORS,
            cast_to=Gadget,
        )

    async def retrieve(
        self,
        gadget_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Gadget:
        """Retrieve a gadget."""
        return await self._request(
            "get",
            f"/v1/gadgets/{path_param('gadget_id', gadget_id)}",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            errors=_RETRIEVE_ERRORS,
            cast_to=Gadget,
        )

    async def delete(
        self,
        gadget_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete a gadget."""
        return cast(None, await self._request(
            "delete",
            f"/v1/gadgets/{path_param('gadget_id', gadget_id)}",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=cast(Any, None),
        ))


class GadgetsWithRawResponse:
    """`client.gadgets.with_raw_response`."""

    def __init__(self, resource: Gadgets) -> None:
        self._resource = resource
        self.create: typing.Final = to_raw_response_wrapper(resource.create)
        self.retrieve: typing.Final = to_raw_response_wrapper(resource.retrieve)
        self.delete: typing.Final = to_raw_response_wrapper(resource.delete)


class AsyncGadgetsWithRawResponse:
    """`client.gadgets.with_raw_response` (async)."""

    def __init__(self, resource: AsyncGadgets) -> None:
        self._resource = resource
        self.create: typing.Final = async_to_raw_response_wrapper(resource.create)
        self.retrieve: typing.Final = async_to_raw_response_wrapper(resource.retrieve)
        self.delete: typing.Final = async_to_raw_response_wrapper(resource.delete)


class GadgetsWithStreamingResponse:
    """`client.gadgets.with_streaming_response`."""

    def __init__(self, resource: Gadgets) -> None:
        self._resource = resource
        self.create: typing.Final = to_streamed_response_wrapper(resource.create)
        self.retrieve: typing.Final = to_streamed_response_wrapper(resource.retrieve)
        self.delete: typing.Final = to_streamed_response_wrapper(resource.delete)


class AsyncGadgetsWithStreamingResponse:
    """`client.gadgets.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncGadgets) -> None:
        self._resource = resource
        self.create: typing.Final = async_to_streamed_response_wrapper(resource.create)
        self.retrieve: typing.Final = async_to_streamed_response_wrapper(resource.retrieve)
        self.delete: typing.Final = async_to_streamed_response_wrapper(resource.delete)

