"""The Strict and AsyncStrict clients."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import httpx2

from ._auth import AuthHook, AuthSpec
from ._base_client import AsyncAPIClient, SyncAPIClient
from ._core import DEFAULT_MAX_RETRIES
from ._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout
from ._utils import cached_property
from ._version import __version__

if TYPE_CHECKING:
    from .resources.brands import (
        AsyncBrands,
        AsyncBrandsWithRawResponse,
        AsyncBrandsWithStreamingResponse,
        Brands,
        BrandsWithRawResponse,
        BrandsWithStreamingResponse,
    )

__all__ = [
    "AsyncStrict",
    "AsyncStrictWithRawResponse",
    "AsyncStrictWithStreamingResponse",
    "Strict",
    "StrictWithRawResponse",
    "StrictWithStreamingResponse",
]

_AUTH = AuthSpec(
    {
    },
    default=(),
    env={},
)
"""The API's security schemes and the constructor argument each one sends (see `_auth`)."""


class Strict(SyncAPIClient):
    """Client for the Strict."""

    def __init__(
        self,
        *,
        auth_hook: AuthHook | None = None,
        base_url: str | httpx2.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        deadline: float | None = None,
        default_headers: Headers | None = None,
        default_query: Query | None = None,
        http_client: httpx2.Client | None = None,
        stream_idle_timeout: float | None = None,
        strict_response_validation: bool = False,
    ) -> None:
        """Create a client.

        `base_url` defaults to `STRICT_BASE_URL`, else https://api.example.com. `timeout`
        (seconds or an `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole
        call, retries included) apply to every request unless a call overrides them.
        `auth_hook(request)`, when given, may change every request before it is sent (request
        signing, or auth the spec does not describe).
        """
        if base_url is None:
            base_url = os.environ.get("STRICT_BASE_URL") or "https://api.example.com"
        super().__init__(
            auth=_AUTH,
            credentials={},
            auth_hook=auth_hook,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            deadline=deadline,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            idempotency_header=None,
            user_agent="strict-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @cached_property
    def brands(self) -> Brands:
        from .resources.brands import Brands

        return Brands(self)

    @cached_property
    def with_raw_response(self) -> StrictWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return StrictWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> StrictWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return StrictWithStreamingResponse(self)



class AsyncStrict(AsyncAPIClient):
    """Async client for the Strict."""

    def __init__(
        self,
        *,
        auth_hook: AuthHook | None = None,
        base_url: str | httpx2.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        deadline: float | None = None,
        default_headers: Headers | None = None,
        default_query: Query | None = None,
        http_client: httpx2.AsyncClient | None = None,
        stream_idle_timeout: float | None = None,
        strict_response_validation: bool = False,
    ) -> None:
        """Create a client.

        `base_url` defaults to `STRICT_BASE_URL`, else https://api.example.com. `timeout`
        (seconds or an `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole
        call, retries included) apply to every request unless a call overrides them.
        `auth_hook(request)`, when given, may change every request before it is sent (request
        signing, or auth the spec does not describe).
        """
        if base_url is None:
            base_url = os.environ.get("STRICT_BASE_URL") or "https://api.example.com"
        super().__init__(
            auth=_AUTH,
            credentials={},
            auth_hook=auth_hook,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            deadline=deadline,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            idempotency_header=None,
            user_agent="strict-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @cached_property
    def brands(self) -> AsyncBrands:
        from .resources.brands import AsyncBrands

        return AsyncBrands(self)

    @cached_property
    def with_raw_response(self) -> AsyncStrictWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncStrictWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncStrictWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncStrictWithStreamingResponse(self)



class StrictWithRawResponse:
    def __init__(self, client: Strict) -> None:
        self._client = client

    @cached_property
    def brands(self) -> BrandsWithRawResponse:
        from .resources.brands import BrandsWithRawResponse

        return BrandsWithRawResponse(self._client.brands)



class AsyncStrictWithRawResponse:
    def __init__(self, client: AsyncStrict) -> None:
        self._client = client

    @cached_property
    def brands(self) -> AsyncBrandsWithRawResponse:
        from .resources.brands import AsyncBrandsWithRawResponse

        return AsyncBrandsWithRawResponse(self._client.brands)



class StrictWithStreamingResponse:
    def __init__(self, client: Strict) -> None:
        self._client = client

    @cached_property
    def brands(self) -> BrandsWithStreamingResponse:
        from .resources.brands import BrandsWithStreamingResponse

        return BrandsWithStreamingResponse(self._client.brands)



class AsyncStrictWithStreamingResponse:
    def __init__(self, client: AsyncStrict) -> None:
        self._client = client

    @cached_property
    def brands(self) -> AsyncBrandsWithStreamingResponse:
        from .resources.brands import AsyncBrandsWithStreamingResponse

        return AsyncBrandsWithStreamingResponse(self._client.brands)

