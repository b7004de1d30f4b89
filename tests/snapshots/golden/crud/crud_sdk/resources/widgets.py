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
from ..types.widget import Widget

__all__ = ["AsyncWidgets", "AsyncWidgetsWithRawResponse", "AsyncWidgetsWithStreamingResponse", "Widgets", "WidgetsWithRawResponse", "WidgetsWithStreamingResponse"]


class Widgets(SyncAPIResource):
    """`client.widgets`."""

    @cached_property
    def with_raw_response(self) -> WidgetsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return WidgetsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> WidgetsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return WidgetsWithStreamingResponse(self)

    def create(
        self,
        *,
        name: str,
        color: str | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Widget:
        """Create a widget.

        Args:
          name: Display name.
          color: Colour; the server picks blue when absent.
        """
        return self._request(
            "post",
            "/v1/widgets",
            body={
                "name": name,
                "color": color,
                "size": size,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Widget,
        )

    def retrieve(
        self,
        widget_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Widget:
        """Retrieve a widget.

        Args:
          widget_id: The widget's ID.
        """
        return self._request(
            "get",
            f"/v1/widgets/{path_param('widget_id', widget_id)}",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Widget,
        )

    def delete(
        self,
        widget_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete a widget.

        Args:
          widget_id: The widget's ID.
        """
        return cast(None, self._request(
            "delete",
            f"/v1/widgets/{path_param('widget_id', widget_id)}",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=cast(Any, None),
        ))

    def update(
        self,
        widget_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Widget:
        """Rename a widget.

        Args:
          widget_id: The widget's ID.
          name: New name.
        """
        return self._request(
            "patch",
            f"/v1/widgets/{path_param('widget_id', widget_id)}",
            body={
                "name": name,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Widget,
        )


class AsyncWidgets(AsyncAPIResource):
    """`client.widgets` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncWidgetsWithRawResponse:
        """Each method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncWidgetsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncWidgetsWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncWidgetsWithStreamingResponse(self)

    async def create(
        self,
        *,
        name: str,
        color: str | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Widget:
        """Create a widget.

        Args:
          name: Display name.
          color: Colour; the server picks blue when absent.
        """
        return await self._request(
            "post",
            "/v1/widgets",
            body={
                "name": name,
                "color": color,
                "size": size,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Widget,
        )

    async def retrieve(
        self,
        widget_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Widget:
        """Retrieve a widget.

        Args:
          widget_id: The widget's ID.
        """
        return await self._request(
            "get",
            f"/v1/widgets/{path_param('widget_id', widget_id)}",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Widget,
        )

    async def delete(
        self,
        widget_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete a widget.

        Args:
          widget_id: The widget's ID.
        """
        return cast(None, await self._request(
            "delete",
            f"/v1/widgets/{path_param('widget_id', widget_id)}",
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=cast(Any, None),
        ))

    async def update(
        self,
        widget_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx2.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | None | NotGiven = NOT_GIVEN,
    ) -> Widget:
        """Rename a widget.

        Args:
          widget_id: The widget's ID.
          name: New name.
        """
        return await self._request(
            "patch",
            f"/v1/widgets/{path_param('widget_id', widget_id)}",
            body={
                "name": name,
            },
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout, max_retries=max_retries, deadline=deadline),
            cast_to=Widget,
        )


class WidgetsWithRawResponse:
    """`client.widgets.with_raw_response`."""

    def __init__(self, resource: Widgets) -> None:
        self._resource = resource
        self.create: typing.Final = to_raw_response_wrapper(resource.create)
        self.retrieve: typing.Final = to_raw_response_wrapper(resource.retrieve)
        self.delete: typing.Final = to_raw_response_wrapper(resource.delete)
        self.update: typing.Final = to_raw_response_wrapper(resource.update)


class AsyncWidgetsWithRawResponse:
    """`client.widgets.with_raw_response` (async)."""

    def __init__(self, resource: AsyncWidgets) -> None:
        self._resource = resource
        self.create: typing.Final = async_to_raw_response_wrapper(resource.create)
        self.retrieve: typing.Final = async_to_raw_response_wrapper(resource.retrieve)
        self.delete: typing.Final = async_to_raw_response_wrapper(resource.delete)
        self.update: typing.Final = async_to_raw_response_wrapper(resource.update)


class WidgetsWithStreamingResponse:
    """`client.widgets.with_streaming_response`."""

    def __init__(self, resource: Widgets) -> None:
        self._resource = resource
        self.create: typing.Final = to_streamed_response_wrapper(resource.create)
        self.retrieve: typing.Final = to_streamed_response_wrapper(resource.retrieve)
        self.delete: typing.Final = to_streamed_response_wrapper(resource.delete)
        self.update: typing.Final = to_streamed_response_wrapper(resource.update)


class AsyncWidgetsWithStreamingResponse:
    """`client.widgets.with_streaming_response` (async)."""

    def __init__(self, resource: AsyncWidgets) -> None:
        self._resource = resource
        self.create: typing.Final = async_to_streamed_response_wrapper(resource.create)
        self.retrieve: typing.Final = async_to_streamed_response_wrapper(resource.retrieve)
        self.delete: typing.Final = async_to_streamed_response_wrapper(resource.delete)
        self.update: typing.Final = async_to_streamed_response_wrapper(resource.update)

