"""The ErrorBodies and AsyncErrorBodies clients."""

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
    from .resources.gadgets import (
        AsyncGadgets,
        AsyncGadgetsWithRawResponse,
        AsyncGadgetsWithStreamingResponse,
        Gadgets,
        GadgetsWithRawResponse,
        GadgetsWithStreamingResponse,
    )

__all__ = [
    "AsyncErrorBodies",
    "AsyncErrorBodiesWithRawResponse",
    "AsyncErrorBodiesWithStreamingResponse",
    "ErrorBodies",
    "ErrorBodiesWithRawResponse",
    "ErrorBodiesWithStreamingResponse",
]

_AUTH = AuthSpec(
    {
    },
    default=(),
    env={},
)
"""The API's security schemes and the constructor argument each one sends (see `_auth`)."""


class ErrorBodies(SyncAPIClient):
    """Error bodies by status: a shared named schema, a validation body on 422, an inline 5XX
    body, a shared `components/responses` entry and `default`; one operation declares none.
    """

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

        `base_url` defaults to `ERROR_BODIES_BASE_URL`, else https://api.example.com. `timeout`
        (seconds or an `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole
        call, retries included) apply to every request unless a call overrides them.
        `auth_hook(request)`, when given, may change every request before it is sent (request
        signing, or auth the spec does not describe).
        """
        if base_url is None:
            base_url = os.environ.get("ERROR_BODIES_BASE_URL") or "https://api.example.com"
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
            user_agent="error-bodies-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @cached_property
    def gadgets(self) -> Gadgets:
        from .resources.gadgets import Gadgets

        return Gadgets(self)

    @cached_property
    def with_raw_response(self) -> ErrorBodiesWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return ErrorBodiesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ErrorBodiesWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return ErrorBodiesWithStreamingResponse(self)



class AsyncErrorBodies(AsyncAPIClient):
    """Error bodies by status: a shared named schema, a validation body on 422, an inline 5XX
    body, a shared `components/responses` entry and `default`; one operation declares none.
    """

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

        `base_url` defaults to `ERROR_BODIES_BASE_URL`, else https://api.example.com. `timeout`
        (seconds or an `httpx2.Timeout`), `max_retries` and `deadline` (seconds for a whole
        call, retries included) apply to every request unless a call overrides them.
        `auth_hook(request)`, when given, may change every request before it is sent (request
        signing, or auth the spec does not describe).
        """
        if base_url is None:
            base_url = os.environ.get("ERROR_BODIES_BASE_URL") or "https://api.example.com"
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
            user_agent="error-bodies-sdk/Python " + __version__,
            stream_idle_timeout=stream_idle_timeout,
            strict_response_validation=strict_response_validation,
        )

    @cached_property
    def gadgets(self) -> AsyncGadgets:
        from .resources.gadgets import AsyncGadgets

        return AsyncGadgets(self)

    @cached_property
    def with_raw_response(self) -> AsyncErrorBodiesWithRawResponse:
        """Every method returns the raw response (headers, status, `.parse()`) instead."""
        return AsyncErrorBodiesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncErrorBodiesWithStreamingResponse:
        """Like `with_raw_response`, but the body is only read when you ask for it."""
        return AsyncErrorBodiesWithStreamingResponse(self)



class ErrorBodiesWithRawResponse:
    def __init__(self, client: ErrorBodies) -> None:
        self._client = client

    @cached_property
    def gadgets(self) -> GadgetsWithRawResponse:
        from .resources.gadgets import GadgetsWithRawResponse

        return GadgetsWithRawResponse(self._client.gadgets)



class AsyncErrorBodiesWithRawResponse:
    def __init__(self, client: AsyncErrorBodies) -> None:
        self._client = client

    @cached_property
    def gadgets(self) -> AsyncGadgetsWithRawResponse:
        from .resources.gadgets import AsyncGadgetsWithRawResponse

        return AsyncGadgetsWithRawResponse(self._client.gadgets)



class ErrorBodiesWithStreamingResponse:
    def __init__(self, client: ErrorBodies) -> None:
        self._client = client

    @cached_property
    def gadgets(self) -> GadgetsWithStreamingResponse:
        from .resources.gadgets import GadgetsWithStreamingResponse

        return GadgetsWithStreamingResponse(self._client.gadgets)



class AsyncErrorBodiesWithStreamingResponse:
    def __init__(self, client: AsyncErrorBodies) -> None:
        self._client = client

    @cached_property
    def gadgets(self) -> AsyncGadgetsWithStreamingResponse:
        from .resources.gadgets import AsyncGadgetsWithStreamingResponse

        return AsyncGadgetsWithStreamingResponse(self._client.gadgets)

